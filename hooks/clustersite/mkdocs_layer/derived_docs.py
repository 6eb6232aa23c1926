"""Pages staff wrote (docs/x.sr.md) in the languages made from theirs (x.sr-cyrl.md), as virtual files.

A page staff wrote in the derived language itself (docs/x.sr-cyrl.md) is theirs and wins.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..data.site_data import SiteData
from ..pages.derived_languages import derived_page


def derived_docs(files: Files, config: MkDocsConfig, site: SiteData) -> dict[str, tuple[File, str]]:
    """Suffixed src_uri -> (a virtual file, its Markdown) for each page to make; nothing is written into docs/."""
    present = {file.src_uri for file in files}
    made: dict[str, tuple[File, str]] = {}
    for code, source in site.languages.derived.items():
        suffix = f".{source}.md"
        for file in files:
            if file.generated_by or not file.src_uri.endswith(suffix):
                continue
            target = file.src_uri[: -len(suffix)] + f".{code}.md"
            if target in present:
                continue
            page = File.generated(config, target, content="", inclusion=file.inclusion)
            page.abs_src_path = os.path.join(config.docs_dir, target)  # static-i18n keeps only files under docs_dir
            made[target] = (page, derived_page(file.content_string, site))
    return made
