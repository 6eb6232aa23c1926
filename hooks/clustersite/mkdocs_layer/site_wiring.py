"""What a site's mkdocs.yml must wire for the generator to work: its three hook files and the theme's assets.

A site copied from this repository whose mkdocs.yml lost a hook line would build without error and
silently lack pages, search or its security checks; a lost stylesheet or script line would give pages
without their layout or menu. So the hook files are checked (a hook cannot load another hook file),
and the theme's stylesheets and script are added by the build itself, leaving staff nothing to get wrong.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# Each hook file, with what a site built without it lacks.
HOOK_FILES = {
    "site_hooks.py": "every page made from data/ (projects, events, partners, news, the home page's lists)",
    "site_finish.py": "the search index, the feeds, the language sitemaps, robots.txt and the 404 pages",
    "site_security.py": "the check of every page's final HTML and its Content-Security-Policy",
}
# The theme's own files under docs/assets/, in the order the pages load them (a site's own stylesheets come after).
THEME_STYLESHEETS = ("assets/site.css", "assets/dissemination.css", "assets/print.css")
THEME_SCRIPTS = ("assets/drawer.js",)


def check_hooks(config: MkDocsConfig) -> None:
    """Stop the build, naming each line to add, when mkdocs.yml's `hooks:` lacks one of the generator's hook files."""
    listed = {PurePosixPath(name).name: PurePosixPath(name) for name in (config.hooks or {})}  # as mkdocs.yml writes them
    missing = [name for name in HOOK_FILES if name not in listed]
    if not missing:
        return
    folder = next((listed[name].parent for name in HOOK_FILES if name in listed), PurePosixPath("hooks"))
    config_file = Path(config.config_file_path)
    line = _line_of(config_file, "hooks")
    lines = [f"  - {folder / name}    # without it, the site lacks {HOOK_FILES[name]}" for name in missing]
    raise PluginError(f"{config_file.name}{f':{line}' if line else ''}: `hooks:` lacks "
                      + ("one of the site's hook files; add this line" if len(missing) == 1
                         else f"{len(missing)} of the site's hook files; add these lines")
                      + " under `hooks:`:\n" + "\n".join(lines))


def add_theme_assets(config: MkDocsConfig) -> None:
    """Load the theme's stylesheets and menu script on every page, before any the site's mkdocs.yml adds itself."""
    docs = Path(config.docs_dir)
    absent = [path for path in (*THEME_STYLESHEETS, *THEME_SCRIPTS) if not (docs / path).is_file()]
    if absent:
        folder = Path(os.path.relpath(docs / "assets", Path(config.config_file_path).parent)).as_posix()
        raise PluginError(f"{folder}/ lacks the theme's " + ", ".join(Path(path).name for path in absent)
                          + "; copy " + ("it" if len(absent) == 1 else "them")
                          + " back from the repository this site was made from (folder docs/assets/).")
    config.extra_css = [*THEME_STYLESHEETS, *(path for path in config.extra_css if path not in THEME_STYLESHEETS)]
    config.extra_javascript = [*THEME_SCRIPTS, *(script for script in config.extra_javascript
                                                 if str(script) not in THEME_SCRIPTS)]


def _line_of(config_file: Path, key: str) -> int | None:
    """The line of a top-level key in mkdocs.yml, for the message; None if the file does not have it."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except OSError:
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"{re.escape(key)}\s*:", line):
            return number
    return None
