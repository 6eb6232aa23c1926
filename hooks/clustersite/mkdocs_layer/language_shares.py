"""How many processes build the languages, and which languages each builds.

One process per core, one more where the languages do not share out evenly (`process_count`): with two
for five languages, a core idled 17 s of 10,000 pages; one per language costs more CPU than it saves.
"""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError

PROCESSES_VARIABLE = "CLUSTERSITE_PROCESSES"  # how many processes build the languages (default: process_count)


def process_count(languages: int) -> int:
    """CLUSTERSITE_PROCESSES, else one per usable core, one more where the languages do not share out evenly."""
    value = os.environ.get(PROCESSES_VARIABLE, "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise PluginError(f"{PROCESSES_VARIABLE}={value!r} is not a number of processes; write a whole number, 1 or more.")
        return int(value)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return cores + 1 if 1 < cores and cores + 1 < languages and languages % cores else cores


def shares(codes: list[str], processes: int) -> list[list[str]]:
    """Every language in build order (the default first), cut into runs of nearly equal length, one per
    process: this one's first, and shorter if any is, since it also loads the data and finishes the site."""
    count = max(1, min(processes, len(codes)))
    size, extra = divmod(len(codes), count)
    runs, start = [], 0
    for index in range(count):
        end = start + size + (index >= count - extra)
        runs.append(codes[start:end])
        start = end
    return runs
