"""The benchmark that measures issue 17's targets still runs: its figures are how speed is judged."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def test_the_benchmark_builds_the_example_a_synthetic_project_and_its_plain_variant_and_prints_figures():
    result = subprocess.run(
        [sys.executable, "benchmarks/build_benchmark.py", "--sizes", "60", "--runs", "1", "--skip-hugo", "--skip-preview"],
        cwd=ROOT, capture_output=True, text=True, timeout=900, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    example = next(line for line in lines if line.startswith("shipped example site:"))
    assert int(example.split()[3]) > 300  # its HTML pages
    row = next(line.split() for line in lines if line.split()[:1] == ["60"])
    pages, build, plain, ratio = int(row[1]), float(row[2]), float(row[9]), float(row[10])
    assert pages > 60 and build > 0 and plain > 0 and abs(ratio - build / plain) < 0.01
    first = next(line for line in lines if line.split()[:2] == ["60:", "first"])
    assert float(first.split("empty folder: ")[1].split()[0]) > 0
