"""The final-HTML check and the Content-Security-Policy, wired to the MkDocs build (see hooks/site_security.py).

Each page's HTML goes through a page_check.PageChecker as MkDocs writes it. What is
wrong is collected over every language, then the build fails once, naming each
page, the file it was made from, and what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from ..data.problems import display_path
from ..pages import csp
from ..pages.docs_check import check_docs
from ..pages.page_check import PageChecker

_PAGES_SHOWN = 3
_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}(?:-[A-Za-z]+)?$")


@dataclass
class PageGuard:
    """The policy of the run and everything found wrong so far."""

    policy: csp.Policy = field(default_factory=lambda: csp.from_config({}))
    own_hosts: frozenset[str] = frozenset()
    root: Path = Path(".")
    preview: bool = False  # `mkdocs serve`: its live-reload script is inline and changes on every reload
    findings: dict[str, list[str]] = field(default_factory=dict)  # what is wrong -> the pages (and sources) it is on
    checker: PageChecker = field(default_factory=lambda: PageChecker(csp.from_config({})))

    def start(self, config: MkDocsConfig, *, outer: bool) -> None:
        """Read the policy from mkdocs.yml; forget the previous run's findings when a new run starts."""
        try:
            self.policy = csp.from_config(config.extra)
        except csp.PolicyError as exc:
            raise PluginError(str(exc)) from None
        self.own_hosts = frozenset(filter(None, [urlsplit(config.site_url or "").netloc.lower()]))
        self.root = Path(config.config_file_path).parent
        checker = PageChecker(self.policy, self.own_hosts, self.preview)
        if checker != self.checker:  # another policy: what the checker passed under the last one no longer counts
            self.checker = checker
        if outer:
            self.findings = {}
            self._check_docs(Path(config.docs_dir))

    def _check_docs(self, docs_dir: Path) -> None:
        """Links, pictures and raw HTML in docs/*.md, before anything is built from them."""
        problems = check_docs(docs_dir, self.root, self.policy)  # also run by `clustersite validate` (docs_problems)
        if problems:
            listed = "\n".join(str(problem) for problem in problems)
            raise PluginError(f"The site was not built, because pages in docs/ have mistakes:\n{listed}\n"
                              f"{len(problems)} error(s) in docs/.")

    def page(self, html: str, page: Page) -> str:
        """The page with its policy; what is wrong in it is noted with the page and its source."""
        return self._checked(html, "/" + page.url, lambda: self._source_of(page))

    def template(self, html: str, name: str) -> str:
        """A page MkDocs renders from a theme template alone (404.html)."""
        return self._checked(html, name, lambda: f"overrides/{name}, with words from data/ui.yaml and data/site.yaml")

    def _checked(self, html: str, shown: str, source: Callable[[], str]) -> str:
        """`source` is looked up only for a page with findings: finding a generated page's record reads data/."""
        result = self.checker.inspect(html)
        if result.findings:
            where = f"{shown} (from {source()})"
            for finding in result.findings:
                self.findings.setdefault(finding, []).append(where)
        return result.html

    def finish(self) -> None:
        """Fail the build once, listing every page with something not allowed in its HTML."""
        if not self.findings:
            return
        lines = []
        for finding, pages in self.findings.items():  # one entry per mistake: a theme template repeats it on every page
            lines.append(f"  {finding}")
            lines += [f"      on {page}" for page in pages[:_PAGES_SHOWN]]
            if len(pages) > _PAGES_SHOWN:
                lines.append(f"      and on {len(pages) - _PAGES_SHOWN} more pages")
        raise PluginError(f"The site was not built: {len(self.findings)} thing(s) in the pages are not allowed:\n"
                          + "\n".join(lines) + "\nLinks may use https://, http:// or mailto:, and pictures, "
                          "scripts and frames must come from the site itself.")

    def _source_of(self, page: Page) -> str:
        path = Path(page.file.abs_src_path or "")
        if path.is_file():
            return display_path(path, self.root)
        stem = _LANGUAGE_SUFFIX.sub("", page.file.src_uri.removesuffix(".md"))
        return _data_source(self.root / "data", stem)


def _data_source(data_dir: Path, stem: str) -> str:
    """The data file (and line) a generated page was made from, such as data/news.yaml:12."""
    kind, _, item = stem.rpartition("/")
    if not kind or item == "index":
        return f"data/ (the {stem.split('/')[0] or 'home'} page lists several files' records), or the theme's overrides/"
    line = re.compile(rf"^\s*(?:-\s+)?id:\s*[\"']?{re.escape(item)}[\"']?\s*$", re.MULTILINE)
    for path in sorted(data_dir.glob("*.yaml")) + sorted((data_dir / "projects").glob("*.yaml")):
        text = path.read_text(encoding="utf-8", errors="replace")
        match = line.search(text)
        if match:
            return f"{display_path(path, data_dir.parent)}:{text.count(chr(10), 0, match.start()) + 1}"
    return f"data/ (the record `{item}`)"


def docs_problems(config: MkDocsConfig) -> list:
    """The problems of docs/*.md under the site's policy, for `clustersite validate`."""
    try:
        policy = csp.from_config(config.extra)
    except csp.PolicyError as exc:
        raise PluginError(str(exc)) from None
    return check_docs(Path(config.docs_dir), Path(config.config_file_path).parent, policy)


GUARD = PageGuard()
