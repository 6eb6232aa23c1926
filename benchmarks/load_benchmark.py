"""How long loading and validating data/ takes for 10,000 events (target: under 1 second).

    .venv/bin/python benchmarks/load_benchmark.py [--events 10000] [--runs 5]

Generates the events with benchmarks/synthetic.py, then times `load_site` (read the
YAML, validate every record, check references across files) and prints the median,
with the time of each stage.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).parent))

from synthetic import write_data  # noqa: E402

from clustersite import checks, loading, validation, yaml_source  # noqa: E402
from clustersite.site_data import Languages  # noqa: E402

LANGUAGES = Languages(("en", "sr", "bg", "cs"), "en", {"sr": "sr-Latn"})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        write_data(data, projects=50, organisations=500, events=args.events, news=100)
        size = sum(p.stat().st_size for p in data.rglob("*.yaml"))
        stages = {"parse YAML": (yaml_source, "load"), "validate": (validation, "validate_file"),
                  "cross-check": (checks, "cross_file")}
        spent = {name: 0.0 for name in stages}
        for name, (module, attribute) in stages.items():
            original = getattr(module, attribute)

            def timed(*a, _original=original, _name=name, **k):
                start = time.perf_counter()
                try:
                    return _original(*a, **k)
                finally:
                    spent[_name] += time.perf_counter() - start

            setattr(module, attribute, timed)
            setattr(loading, attribute, timed) if hasattr(loading, attribute) else None
        totals = []
        for _ in range(args.runs):
            start = time.perf_counter()
            site, problems = loading.load_site(data, LANGUAGES, Path(tmp))
            totals.append(time.perf_counter() - start)
            assert site is not None and not problems.errors, problems.report()
        print(f"{args.events} events, {len(site.organisations)} organisations, {len(site.projects)} projects, "
              f"{size / 1e6:.1f} MB of YAML")
        print(f"load and validate: median {statistics.median(totals):.3f} s over {args.runs} runs "
              f"(min {min(totals):.3f}, max {max(totals):.3f})")
        print("per run: " + ", ".join(f"{name} {seconds / args.runs:.3f} s" for name, seconds in spent.items()))


if __name__ == "__main__":
    main()
