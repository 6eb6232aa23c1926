"""In `mkdocs serve --dirty`, a page of docs/ that shows data/ is rebuilt when what it shows changes.

A dirty rebuild renders a page of docs/ only when its file changed. The home page's
overview and hero, the funding disclaimer and the contact details come from data/,
through markers (`theme_context.fill_markers`), so after an edit of data/ those pages
went on showing the old news, events and wording. Each such page's Markdown with its
markers filled is kept from the run that last built it, for each language, and a page
whose filled Markdown differs now counts as changed.

Pages made for a derived language (Serbian in Cyrillic from docs/x.sr.md, derived_docs)
are held in memory, which MkDocs counts as changed in every rebuild: they too are
rebuilt only when their filled Markdown differs. The languages built in other
processes (language_processes) hand back what they kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mkdocs.structure.files import Files

from ..data.site_data import SiteData
from .preview_languages import PREVIEW
from .theme_context import MARKER_PREFIX, fill_markers


@dataclass
class PreviewMarkers:
    kept: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> src_uri -> filled Markdown, as last built

    def mark(self, files: Files, derived: set[str], site: SiteData, today: date, code: str) -> None:
        """Before MkDocs reads the language's pages (`on_nav`): those whose filled Markdown changed count as changed.

        `derived` names the pages made for a derived language (virtual_files); other pages
        not read from a file (the generated ones, another plugin's) are left to their makers.
        """
        if not PREVIEW.enabled:  # `mkdocs serve --dirty`
            return
        kept = self.kept.setdefault(code, {})
        for file in files.documentation_pages():
            in_memory = file.src_uri in derived
            if not in_memory and (file.generated_by is not None or file.abs_src_path is None):
                continue
            source = file.content_string
            if not in_memory and MARKER_PREFIX not in source:
                continue  # MkDocs' own rule: rebuilt when the file changed
            filled = fill_markers(site, today, source, code)
            changed = kept.get(file.src_uri) != filled
            kept[file.src_uri] = filled
            if in_memory:
                file.is_modified = lambda changed=changed: changed
            elif changed:
                file.is_modified = lambda: True

    def taken(self, codes: list[str]) -> dict[str, dict[str, str]]:
        """What another process sends back for the languages it built."""
        return {code: self.kept[code] for code in codes if code in self.kept}


MARKERS = PreviewMarkers()  # one per process
