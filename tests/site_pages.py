"""Pages of a built site found from its files, so that site checks need no project's ids or names."""

from __future__ import annotations

from conftest import BuiltSite

NOT_PAGES = ("assets", "pagefind")


def page_types(site: BuiltSite) -> dict[str, str]:
    """One page of each kind in the default language: `{"projects/*": "projects/x/", ...}`.

    A kind is a page's path with its last folder replaced by `*` (every project page is
    `projects/*`); index pages such as `projects/` and `legal/` are kinds of their own.
    The first page of each kind, in sorted order, stands for it.
    """
    skip = {prefix.rstrip("/") for prefix in site.prefixes.values() if prefix} | set(NOT_PAGES)
    found: dict[str, str] = {}
    for path in sorted(site.root.rglob("index.html")):
        parts = path.parent.relative_to(site.root).parts
        if parts and parts[0] in skip:
            continue
        kind = "/".join(parts[:-1] + ("*",)) if len(parts) > 1 else "/".join(parts) or "home"
        found.setdefault(kind, "".join(f"{part}/" for part in parts))
    return found


def pages_in(site: BuiltSite, code: str) -> list[str]:
    """Every HTML page of one language, as paths under its language folder."""
    prefix = site.prefixes[code]
    skip = {p.rstrip("/") for p in site.prefixes.values() if p and p != prefix} | set(NOT_PAGES)
    folder = site.root / prefix
    pages = []
    for path in sorted(folder.rglob("index.html")):
        parts = path.parent.relative_to(folder).parts
        if not (parts and parts[0] in skip):
            pages.append("".join(f"{part}/" for part in parts))
    return pages
