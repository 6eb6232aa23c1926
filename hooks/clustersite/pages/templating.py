"""The Jinja environment of the generated pages, and the page they make.

The templates in `templates/` write Markdown with HTML blocks; autoescaping is on,
so every value from data/ is escaped unless a filter made it safe on purpose.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .safe_text import inline_markdown
from .wording import Voice, relative

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class GeneratedPage:
    """One page: `src_uri` is the language-neutral source name, such as `events/x.md`."""

    src_uri: str
    url_path: str
    markdown: str


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The pages' Jinja environment; nothing is compiled yet, so that a bytecode cache given now serves every template."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
        auto_reload=False,  # the templates are part of the package, not edited while a site is served
    )
    env.filters["mdinline"] = inline_markdown
    env.filters["meta"] = meta_value
    env.globals["href"] = relative
    return env


@lru_cache(maxsize=1)
def _with_macros() -> jinja2.Environment:
    """The environment with the shared macros, made once instead of per page, at the first page."""
    env = environment()
    env.globals["m"] = env.get_template("_macros.j2").module
    return env




def meta_value(text: str) -> Markup:
    """A front-matter value: HTML-escaped, because Material prints page.meta unescaped, then quoted."""
    return Markup(json.dumps(str(escape(text)), ensure_ascii=False))


def render(template: str, **context: Any) -> str:
    return _with_macros().get_template(template).render(**context)


def page(src_uri: str, url_path: str, template: str, v: Voice, **context: Any) -> GeneratedPage:
    """Render `template` for the language of `v` as the page at `url_path`."""
    return GeneratedPage(src_uri, url_path, render(template, v=v, here=url_path, **context))


