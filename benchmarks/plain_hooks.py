"""The hooks of the plain-Markdown variant: theme texts from a file, then the same search indexing.

Used by build_benchmark.py to build the same pages without the data layer.
"""

from __future__ import annotations

import json
from pathlib import Path

from markupsafe import Markup
from mkdocs.plugins import event_priority

from clustersite.mkdocs_layer import pagefind_languages as search
from clustersite.mkdocs_layer.material_markup_fixes import valid_markup
from clustersite.mkdocs_layer.site_wiring import add_theme_assets
from clustersite.mkdocs_layer.theme_context import absolute_url
from clustersite.mkdocs_layer.theme_template_cache import TEMPLATES

GLOBALS = json.loads((Path(__file__).parent.parent / "theme-globals.json").read_text(encoding="utf-8"))


def on_config(config):
    add_theme_assets(config)  # the theme's stylesheets and menu script, as the site's own hooks add them
    return config


def on_env(env, *, config, files):
    env.bytecode_cache = TEMPLATES
    language = config.plugins["i18n"].current_language or "en"
    env.globals["clustersite"] = {**GLOBALS[language], "emblem": Markup(GLOBALS[language]["emblem"]), "absolute": absolute_url,
                                  "lastmod": lambda src_uri: ""}
    return env


def on_post_page(output, *, page, config):
    return valid_markup(output)


@event_priority(-200)
def on_post_build(*, config):
    i18n = config.plugins["i18n"]
    if not i18n.building:
        search.index_site(Path(config.site_dir), i18n.build_languages, i18n.default_language)
