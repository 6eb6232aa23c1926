"""The site's /sitemap.xml put together from the parts that separate processes made.

static-i18n's sitemap template lists the pages of every language built so far, so
the last language's build writes the whole site map. When the languages are built
in several processes (language_processes.py), each process's last build lists its
own languages only. Each part is the same head, that process's <url> entries, and
the same tail (the results library's documents); the whole is the head, every
part's entries in the order the languages are built, and the tail, byte for byte
what one process would write.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from mkdocs import utils
from mkdocs.exceptions import PluginError

_URL = re.compile(r"[ \t]*<url>.*?</url>\n?", re.S)


def join(parts: list[str]) -> str:
    """The site map of every language from the processes' parts, the first process's first."""
    if len(parts) == 1:
        return parts[0]
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
        if part[:found[0][0]] != head or part[found[-1][1]:] != tail:
            raise PluginError("The languages' site maps do not fit together; build with CLUSTERSITE_PROCESSES=1.")
        entries.append(part[found[0][0]:found[-1][1]])
    return head + "".join(entries) + tail


def _shared_tail(parts: list[str], spans: list[list[tuple[int, int]]]) -> int:
    """How many <url> entries at the end every part has alike: those are not any language's pages."""
    shared = 0
    while all(len(found) > shared for found in spans):
        last = {part[slice(*found[-1 - shared])] for part, found in zip(parts, spans, strict=True)}
        if len(last) != 1:
            break
        shared += 1
    return shared


def write(site_dir: str, sitemap: str, timestamp: int) -> None:
    """Write sitemap.xml and sitemap.xml.gz as MkDocs writes them (mkdocs.commands.build)."""
    output_path = str(Path(site_dir) / "sitemap.xml")
    utils.write_file(sitemap.encode("utf-8"), output_path)
    gz_filename = f"{output_path}.gz"
    with open(gz_filename, "wb") as f, gzip.GzipFile(fileobj=f, filename=gz_filename, mode="wb", mtime=timestamp) as gz_buf:
        gz_buf.write(sitemap.encode("utf-8"))
