"""Generated pages as MkDocs files, named so that static-i18n sorts them into languages.

Nothing is written to disk (see the field notes on static-i18n and generated pages):
`add_generated_files` adds File objects with language suffixes before static-i18n's
`on_files`; `attach_content` gives the current language's files their Markdown after
static-i18n has rebuilt them without it.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from .build_state import BuildState
from .derived_docs import derived_docs
from .i18n_languages import suffixed

# static-i18n makes its own File objects from these and leaves them unchanged, so
# the four language builds of one run share one set: (what they were made for, the files).
_made: tuple[tuple, list[File]] = ((), [])
_docs: dict[str, str] = {}  # suffixed src_uri -> Markdown of staff pages made for derived languages


def add_generated_files(state: BuildState, files: Files, config: MkDocsConfig, code: str) -> None:
    """Add every language's generated pages, named with language suffixes for static-i18n.

    Every language has the same pages, so one language's list names them all;
    static-i18n needs the other languages' files only to link to them.
    Each gets an `abs_src_path` inside docs/ where no file exists: static-i18n
    keeps only files under docs_dir.
    """
    global _made
    languages = state.site.languages
    names = state.names(code)  # named by the language being built, if no other is rendered yet
    with state.timed("add files"):
        key = (names, config.docs_dir, config.site_dir, config.use_directory_urls)
        if _made[0] != key:
            made = []
            for code in languages.codes:
                for name in names:
                    src_uri = suffixed(name, code, languages.default)
                    file = File.generated(config, src_uri, content="", inclusion=_inclusion(name))
                    file.abs_src_path = os.path.join(config.docs_dir, src_uri)
                    made.append(file)
            _made = (key, made)
        for file in _made[1]:
            files.append(file)
        made_docs = derived_docs(files, config, state.site)  # docs/x.sr.md as x.sr-cyrl.md
        _docs.clear()
        _docs.update({src_uri: markdown for src_uri, (_, markdown) in made_docs.items()})
        for file, _ in made_docs.values():
            files.append(file)


def derived_pages() -> set[str]:
    """The suffixed src_uri of the staff pages made for derived languages in this build (derived_docs)."""
    return set(_docs)


def attach_content(state: BuildState, files: Files, code: str) -> None:
    """Give the language's generated files their Markdown, and tell `mkdocs serve --dirty` which changed."""
    with state.timed("attach content"):
        contents = {**state.hand_over(code), **_docs}  # the files hold it now, until MkDocs reads it (kept_pages)
        for file in files:
            content = contents.get(file.src_uri)
            if content is not None:
                file.content_string = content
                # `mkdocs serve --dirty` rebuilds only modified pages; a generated page is modified
                # when its Markdown differs from before the last change in data/.
                unchanged = state.previous.get(file.src_uri) == content
                file.is_modified = lambda unchanged=unchanged: not unchanged


def _inclusion(src_uri: str) -> InclusionLevel:
    """Index pages may be in the nav; single items are listed on index pages, and search is in the header."""
    if src_uri.endswith("index.md") or src_uri in ("labels.md", "contact.md"):
        return InclusionLevel.UNDEFINED
    return InclusionLevel.NOT_IN_NAV
