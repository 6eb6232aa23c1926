"""The site's /sitemap.xml put together from the parts that separate processes made.

static-i18n's sitemap template lists the pages of every language built so far, so
the last language's build writes the whole site map. When the languages are built
in several processes (language_processes.py), each process's last build lists its
own languages only. Each part is the same head, that process's <url> entries, and
the same tail (the results library's documents); the whole is the head, every
part's entries in the order the languages are built, and the tail, byte for byte
what one process would write. It is written piece by piece: at 10,000 pages the
whole is 10 MB, and its joined and encoded copies were the build's peak of memory.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

from mkdocs.exceptions import PluginError

_URL = re.compile(r"[ \t]*<url>.*?</url>\n?", re.S)


def join(parts: list[str]) -> str:
    """The site map of every language from the processes' parts, the first process's first."""
    return "".join(_pieces(*_layout(parts)))


def _pieces(head: str, own: list[tuple[str, int, int]], tail: str) -> Iterator[str]:
    """The whole site map in pieces: the head, each part's own entries, the tail."""
    yield head
    for part, start, end in own:
        yield part[start:end]
    yield tail


def _layout(parts: list[str]) -> tuple[str, list[tuple[str, int, int]], str]:
    """The shared head and tail, and where each part's own entries lie in it."""
    if len(parts) == 1:
        return "", [(parts[0], 0, len(parts[0]))], ""
    spans = [[m.span() for m in _URL.finditer(part)] for part in parts]
    shared = _shared_tail(parts, spans)
    own = [found[:len(found) - shared] for found in spans]
    if not own[0]:
        raise PluginError("The site map of the default language has no pages; build with CLUSTERSITE_PROCESSES=1.")
    first = parts[0]
    head, tail = first[:own[0][0][0]], first[own[0][-1][1]:]
    entries = []
    for part, found in zip(parts, own, strict=True):
        if not found:
            continue
        if not (part.startswith(head) and len(head) == found[0][0] and part.endswith(tail)
                and len(part) - len(tail) == found[-1][1]):
            raise PluginError("The languages' site maps do not fit together; build with CLUSTERSITE_PROCESSES=1.")
        entries.append((part, found[0][0], found[-1][1]))
    return head, entries, tail


def _shared_tail(parts: list[str], spans: list[list[tuple[int, int]]]) -> int:
    """How many <url> entries at the end every part has alike: those are not any language's pages."""
    shared = 0
    while all(len(found) > shared for found in spans):
        last = {part[slice(*found[-1 - shared])] for part, found in zip(parts, spans, strict=True)}
        if len(last) != 1:
            break
        shared += 1
    return shared


def write(site_dir: str, parts: list[str], timestamp: int) -> None:
    """Write the parts as one sitemap.xml and sitemap.xml.gz, byte for byte as MkDocs writes the whole (mkdocs.commands.build)."""
    layout = _layout(parts)  # checked before anything is written
    output_path = Path(site_dir) / "sitemap.xml"
    gz_filename = f"{output_path}.gz"
    output_path.parent.mkdir(parents=True, exist_ok=True)
    with (open(output_path, "wb") as plain, open(gz_filename, "wb") as f,
          gzip.GzipFile(fileobj=f, filename=gz_filename, mode="wb", mtime=timestamp) as gz_buf):
        for piece in _pieces(*layout):
            data = piece.encode("utf-8")
            plain.write(data)
            gz_buf.write(data)
