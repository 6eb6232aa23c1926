"""What a language process of the preview hands back, for the rebuilds after it.

`mkdocs serve --dirty` compares each rebuild with the last: the generated pages'
Markdown (`BuildState.pages`, which `previous` is made of), the metadata of pages it
did not read (preview_meta) and the filled Markdown of pages that show data/
(preview_markers). A language built in a forked process (language_processes) keeps
them there; they come back with its result. A build that failed, in this process or
another, may have written some of its pages and not others: the next rebuild writes
them all again (`forget_all`).
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


def forget_all(state: BuildState) -> None:
    """A build failed (`on_build_error`), here or in a forked process: some of its pages may be written and some
    not, so the next rebuild writes every generated page and every page that shows data/ again."""
    state.last_run_failed = True
    MARKERS.kept.clear()
