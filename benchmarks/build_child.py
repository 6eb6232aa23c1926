"""Run one `mkdocs build` in this process and print its figures as JSON (used by build_benchmark.py)."""

from __future__ import annotations

import json
import logging
import resource
import sys
import time

start_process = time.perf_counter()
logging.disable(logging.WARNING)

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

project, out = sys.argv[1], sys.argv[2]
config = load_config(f"{project}/mkdocs.yml", site_dir=out)
start = time.perf_counter()
build(config)
wall = time.perf_counter() - start
try:
    from clustersite.mkdocs_layer.build_state import STATE

    timings = dict(STATE.timings)
except ImportError:
    timings = {}
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": wall, "process": time.perf_counter() - start_process, "timings": timings, "peak_mb": peak_mb}))
