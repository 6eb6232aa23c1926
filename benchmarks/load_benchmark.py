"""How long loading and validating data/ takes for 10,000 events (target: under 1 second).

    .venv/bin/python benchmarks/load_benchmark.py [--events 10000] [--runs 5] [--shape shipped|heavy|both]
                                                  [--reader fast|exact]

Generates the events with benchmarks/synthetic.py ("shipped": sized like the events
in data/, about 2.2 KB of YAML each; "heavy": a 60-word body on every event, about
5 KB each), then times `load_site` (read the YAML, validate every record, check
references across files) and prints the median. It also times each stage on its
own, one after the other on one thread; `load_site` overlaps reading with
validating, so its total is less than their sum. `--reader exact` measures a site
installed without the optional fast reader (yaml-rs): every file read by PyYAML.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).parent))

from synthetic import write_data  # noqa: E402

from clustersite.data import cross_file_checks, loading, yaml_reader  # noqa: E402
from clustersite.data.site_data import Languages  # noqa: E402
from clustersite.data.validation_notes import validation_context  # noqa: E402

LANGUAGES = Languages(("en", "sr", "bg", "cs"), "en", {"sr": "sr-Latn"})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shape", choices=("shipped", "heavy", "both"), default="both")
    parser.add_argument("--reader", choices=("fast", "exact"), default="fast")
    args = parser.parse_args()
    if args.reader == "exact":
        yaml_reader.yaml_rs = None  # as when yaml-rs is not installed
    print(f"reader: {'yaml-rs, then PyYAML where needed' if yaml_reader.yaml_rs else 'PyYAML only'}")
    for shape in ("shipped", "heavy") if args.shape == "both" else (args.shape,):
        with tempfile.TemporaryDirectory() as tmp:
            measure(Path(tmp), shape, args.events, args.runs)


def measure(tmp: Path, shape: str, events: int, runs: int) -> None:
    data = tmp / "data"
    write_data(data, projects=50, organisations=500, events=events, news=100, shape=shape)
    size = sum(p.stat().st_size for p in data.rglob("*.yaml"))
    totals = []
    for _ in range(runs):
        start = time.perf_counter()
        site, problems = loading.load_site(data, LANGUAGES, tmp)
        totals.append(time.perf_counter() - start)
        assert site is not None and not problems.errors, problems.report()
        del site
        gc.collect()
    print(f"{shape}: {events} events, 500 organisations, 50 projects, {size / 1e6:.1f} MB of YAML "
          f"({size / events / 1000:.1f} KB per event)")
    print(f"  load and validate: median {statistics.median(totals):.3f} s over {runs} runs "
          f"(min {min(totals):.3f}, max {max(totals):.3f})")
    stages = [_stages(data, tmp) for _ in range(min(runs, 3))]
    print("  stages on their own (median): " + ", ".join(
        f"{name} {statistics.median(run[name] for run in stages):.3f} s" for name in stages[0]))


def _stages(data: Path, root: Path) -> dict[str, float]:
    """Each stage of load_site alone, on one thread (the loader's own steps, called in turn)."""
    context = validation_context(LANGUAGES.codes, LANGUAGES.default)
    files = loading.data_files(data)
    gc.disable()
    try:
        start = time.perf_counter()
        sources = [yaml_reader.load(path, path.name) for path, _model in files]
        parsed_at = time.perf_counter()
        parsed = [loading._validated(model, source, context)[0] for (_path, model), source in zip(files, sources, strict=True)]
        validated_at = time.perf_counter()
        site = loading._assemble(parsed, LANGUAGES)
        complete = dict.fromkeys(("organisations", "places", "projects", "catalogue"), True)
        assembled_at = time.perf_counter()
        cross_file_checks.cross_file(site, parsed, complete, root / "docs")
        checked_at = time.perf_counter()
    finally:
        gc.enable()
    return {"parse YAML": parsed_at - start, "validate": validated_at - parsed_at,
            "assemble": assembled_at - validated_at, "cross-check": checked_at - assembled_at}


if __name__ == "__main__":
    main()
