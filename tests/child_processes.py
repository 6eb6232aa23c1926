"""Helpers for tests that start a build or a preview and watch the processes under it (Linux: read from /proc)."""

from __future__ import annotations

import signal
from pathlib import Path


def ctrl_c_as_in_a_terminal() -> None:
    """Ctrl+C's default action, as a command typed in a terminal has it (a `preexec_fn`). A test run started in the
    background by a script (`pytest &`) passes SIGINT on ignored, and Python then leaves it ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def children(pid: int) -> list[tuple[int, bytes]]:
    """The processes whose parent is `pid`, with their command lines (arguments joined by spaces)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append((int(stat.parent.name), command.replace(b"\0", b" ")))
    return found


def alive(pid: int) -> bool:
    """Whether the process runs (a zombie nobody has reaped yet does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
