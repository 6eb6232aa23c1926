"""Compile each theme template once per process, not once per language.

MkDocs makes a new Jinja environment for every build, and static-i18n runs one
build per language, so Material's templates were compiled four times per build
(and again on every `mkdocs serve` rebuild). A bytecode cache kept in memory,
keyed by template name and source checksum, lets later environments reuse the
compiled code. Changed templates have a new checksum and are compiled again.
"""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = MemoryBytecodeCache()
