"""Pictures made besides the pages: the resized copies of event and news pictures, and the og:image card.

They are written once per run, at the site's root (the default language's build);
every language links there. The renditions' cache is `.cache/renditions/` beside
mkdocs.yml, the card's `.cache/og-card/`: outside docs/ and data/, and kept between builds.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..pages import og_card, renditions
from .build_state import BuildState

CACHE = Path(".cache") / "renditions"
CARD_CACHE = Path(".cache") / "og-card"


def write_pictures(state: BuildState, config: MkDocsConfig, code: str) -> None:
    """Encode what the cache lacks, copy every rendition into the site, draw the card."""
    site = state.site
    if code != site.languages.default:
        return
    with state.timed("pictures"):
        root = Path(config.config_file_path).parent
        site_dir = Path(config.site_dir)
        plans = [renditions.plan(p.file, site.images[p.file]) for p in site.pictures() if p.file in site.images]
        renditions.make(list(dict.fromkeys(plans)), Path(config.docs_dir), root / CACHE, site_dir)
        og_card.write_card(site_dir, (config.extra.get("brand") or {}).get("primary") or og_card.REFLEX_BLUE, root / CARD_CACHE)
