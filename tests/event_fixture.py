"""The timed-events fixture (tests/fixtures/event-times), loaded as a site."""

from __future__ import annotations

import shutil
from pathlib import Path

from clustersite.data.loading import load_site
from clustersite.data.site_data import Languages, SiteData

ROOT = Path(__file__).resolve().parent / "fixtures" / "example"  # its words and site wording, not the repository's data/
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "event-times" / "data"
LANGUAGES = Languages(("en", "sr", "bg", "cs"), "en", {"sr": "sr-Latn"}, site_names={"en": "Fixture Site", "cs": "Zkušební web"})
SITE_URL = "https://example.org/fixture/"


def copy_fixture(folder: Path) -> Path:
    """The fixture's data/, with the interface words and site wording every site shares."""
    data = folder / "data"
    shutil.copytree(FIXTURE, data)
    for name in ("ui.yaml", "site.yaml"):
        shutil.copy(ROOT / "data" / name, data / name)
    return data


def load_fixture(folder: Path) -> SiteData:
    data = copy_fixture(folder)
    site, problems = load_site(data, LANGUAGES, folder)
    assert site is not None, problems.report()
    site.site_url = SITE_URL
    return site
