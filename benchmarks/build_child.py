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
    from clustersite.mkdocs_layer.language_processes import PROCESSES

    timings, peaks_kb = dict(STATE.timings), dict(PROCESSES.peaks_kb)
except ImportError:
    timings, peaks_kb = {}, {}
# ru_maxrss is one process's peak: RUSAGE_SELF this one's, RUSAGE_CHILDREN the largest of the processes it
# started and waited for (the languages' processes, Pagefind, git). A CI runner must hold the largest one;
# the languages' processes run at the same time, so their peaks are also summed (shared pages count in each).
own_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "process": time.perf_counter() - start_process, "timings": timings,
                  "peak_mb": max(own_kb, children_kb) / 1024, "peak_build_process_mb": own_kb / 1024,
                  "peak_sum_mb": (sum(peaks_kb.values()) or own_kb) / 1024,
                  "peak_per_process_mb": {codes: kb / 1024 for codes, kb in peaks_kb.items()}}))
