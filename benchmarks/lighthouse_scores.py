"""Lighthouse scores (mobile: a mid-range phone on a slow 4G line, simulated) of the home, an event
and a project page, in each language asked for.

    npm install --prefix benchmarks/lighthouse   # `npm ci` trips on a peer dependency of lighthouse
    .venv/bin/python benchmarks/lighthouse_scores.py [--runs 3] [--languages en,bg]

Builds the site, serves it on 127.0.0.1 with gzip, as GitHub Pages sends it, and runs Lighthouse
(npm, pinned in benchmarks/lighthouse/package.json) with Debian's chromium (CHROME_PATH). Prints
the median of each category over the runs, and Lighthouse's failed audits, if any.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium_path  # noqa: E402

PAGES = {"home": "", "event": "events/tci-european-conference-2018/", "project": "projects/trace-kei/"}
LANGUAGES = {"en": "", "sr": "sr/", "bg": "bg/", "cs": "cs/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PORT = 8767
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped as GitHub Pages sends text."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def lighthouse(url: str, chrome: str) -> dict:
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--quiet", f"--only-categories={','.join(CATEGORIES)}",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True, check=True, timeout=300,
    )
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--languages", default="en,bg")
    args = parser.parse_args()
    chrome = chromium_path()
    if chrome is None or not LIGHTHOUSE.exists():
        sys.exit("needs Debian's chromium and `npm install --prefix benchmarks/lighthouse`")
    with tempfile.TemporaryDirectory() as tmp:
        www = Path(tmp)
        env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{PORT}/repo/", "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(www / "repo")], cwd=ROOT, env=env, check=True)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), functools.partial(GzipHandler, directory=str(www)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"Lighthouse {subprocess.run([str(LIGHTHOUSE), '--version'], capture_output=True, text=True).stdout.strip()}, "
              f"mobile preset, median of {args.runs} runs")
        print(f"{'page':<8} {'lang':<4} " + " ".join(f"{c:>14}" for c in CATEGORIES))
        try:
            for name, path in PAGES.items():
                for language in args.languages.split(","):
                    url = f"http://127.0.0.1:{PORT}/repo/{LANGUAGES[language]}{path}"
                    reports = [lighthouse(url, chrome) for _ in range(args.runs)]
                    scores = [statistics.median(round(r["categories"][c]["score"] * 100) for r in reports) for c in CATEGORIES]
                    print(f"{name:<8} {language:<4} " + " ".join(f"{s:>14.0f}" for s in scores))
                    failed = sorted({a["id"] for r in reports for a in r["audits"].values()
                                     if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") == "binary"})
                    if failed:
                        print(f"{'':<14}failed audits: {', '.join(failed)}")
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
