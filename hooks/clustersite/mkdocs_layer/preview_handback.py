"""What a language process of the preview hands back, for the rebuilds after it.

`mkdocs serve --dirty` compares each rebuild with the last: the generated pages'
Markdown (`BuildState.pages`, which `previous` is made of), the metadata of pages it
did not read (preview_meta) and the filled Markdown of pages that show data/
(preview_markers). A language built in a forked process (language_processes) keeps
them there; they come back with its result. A process that failed may have written
some of its pages and not others, so what the preview kept of its languages is
forgotten: the next rebuild builds their pages again.
"""

from __future__ import annotations

from .build_state import BuildState
from .preview_markers import MARKERS
from .preview_meta import META


def taken(state: BuildState, codes: list[str]) -> dict | None:
    """In the forked process: what it kept of its languages (None outside the preview)."""
    if not state.serving:
        return None
    return {"pages": {code: state.pages[code] for code in codes if code in state.pages},
            "meta": META.taken(codes), "markers": MARKERS.taken(codes)}


def take_in(state: BuildState, handed: dict | None) -> None:
    if handed:
        state.pages.update(handed["pages"])
        META.kept.update(handed["meta"])
        MARKERS.kept.update(handed["markers"])


def forget(state: BuildState, codes: list[str]) -> None:
    for code in codes:
        state.pages.pop(code, None)
        META.kept.pop(code, None)
        MARKERS.kept.pop(code, None)
