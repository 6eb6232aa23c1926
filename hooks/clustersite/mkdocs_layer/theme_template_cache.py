"""Compile each template once, not once per language build, and not again in the next build.

MkDocs makes a new Jinja environment for every build, and static-i18n runs one
build per language, so Material's templates were compiled once per language
(and again on every `mkdocs serve` rebuild). This bytecode cache keeps the
compiled code in memory for the later environments of the process and, once
`keep_in` names a folder, on disk for the next build: compiling Material's and
our own templates took a tenth of the example site's build. Jinja checks each
entry against the template's source checksum and its own and Python's versions,
so a changed template, Jinja or Python compiles afresh; an unreadable entry is
compiled again too.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import jinja2

from ..pages.cache_files import write_whole

_UNREADABLE = (ValueError, EOFError, TypeError, IndexError, KeyError, ImportError, AttributeError,
               pickle.UnpicklingError)  # what marshal and pickle raise on damaged data


class TemplateBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}
        self.folder: Path | None = None  # kept between builds there, if set
        self.compiled = 0  # templates compiled in this process (for tests and the benchmark)

    def keep_in(self, folder: Path | None) -> None:
        """Keep compiled templates in `folder` between builds (None: in memory only)."""
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is None and self.folder is not None:
            try:
                code = (self.folder / f"{bucket.key}.jinja").read_bytes()
            except OSError:
                code = None
        if code is None:
            self.compiled += 1
            return
        try:
            bucket.bytecode_from_string(code)
        except _UNREADABLE:
            bucket.reset()
        if bucket.code is None:
            self.compiled += 1
        else:
            self._store[bucket.key] = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = bucket.bytecode_to_string()
        self._store[bucket.key] = code
        if self.folder is not None:
            write_whole(self.folder / f"{bucket.key}.jinja", code)  # a read-only checkout compiles each time


class KeptEnvironments:
    """The preview's Jinja environment of each language, kept from one rebuild to the next.

    Each environment holds the templates it has loaded; a new one per language per
    rebuild loads them all again (from the bytecode cache: still a tenth of a rebuild).
    A kept one checks each template's file before using it (`auto_reload`), so a template
    edited during the preview is loaded again.
    """

    def __init__(self) -> None:
        self._kept: dict[str, tuple[tuple, jinja2.Environment]] = {}  # language -> how it was made, the environment
        self.enabled = False

    def start(self, enabled: bool) -> None:
        """At the start of a run: keep environments from now on if `enabled`, else forget them."""
        self.enabled = enabled
        if not enabled:
            self._kept.clear()

    def environment(self, made: jinja2.Environment, language: str) -> jinja2.Environment:
        """The language's kept environment if it was made the same way, else `made` (kept from now on)."""
        if not self.enabled:
            return made
        how = (tuple(getattr(made.loader, "searchpath", ())), frozenset(made.extensions), frozenset(made.filters))
        kept = self._kept.get(language)
        if kept is None or kept[0] != how:  # another theme folder (mkdocs.yml edited): start afresh
            made.auto_reload = True
            kept = self._kept[language] = (how, made)
        return kept[1]


TEMPLATES = TemplateBytecodeCache()
ENVIRONMENTS = KeptEnvironments()  # used in `mkdocs serve` only: a build makes each language's environment once
