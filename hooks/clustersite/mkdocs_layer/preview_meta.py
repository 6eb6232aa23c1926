"""In `mkdocs serve --dirty`, the pages MkDocs does not render again keep their metadata.

A dirty rebuild reads only the pages whose source changed; every other page keeps an
empty `page.meta`. The site map then listed the search pages, which their front matter
marks `robots: noindex`, and anything else that reads a page's metadata read nothing.
An unchanged page's metadata is what its source said when it was last read: it is kept
then, for each language, and put back before the templates are rendered (`on_env`).
The languages built in other processes (language_processes) hand theirs back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .preview_languages import PREVIEW


@dataclass
class PreviewMeta:
    kept: dict[str, dict[str, dict]] = field(default_factory=dict)  # language -> src_uri -> the page's metadata

    def keep(self, code: str, page: Page) -> None:
        """The page has been read (`on_page_markdown`): keep its metadata."""
        if PREVIEW.enabled:  # `mkdocs serve --dirty`
            self.kept.setdefault(code, {})[page.file.src_uri] = page.meta

    def restore(self, code: str, files: Files) -> None:
        """Before the templates: the pages this build did not read get their metadata back."""
        kept = self.kept.get(code) if PREVIEW.enabled else None
        if not kept:
            return
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.markdown is None and not page.meta:  # not read in this build
                page.meta = kept.get(file.src_uri, page.meta)

    def taken(self, codes: list[str]) -> dict[str, dict[str, dict]]:
        """What another process sends back for the languages it built."""
        return {code: self.kept[code] for code in codes if code in self.kept}


META = PreviewMeta()  # one per process
