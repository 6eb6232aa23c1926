"""Golden tests: the Markdown of each generated page type, in each language, against files in tests/golden/.

After an intended change, regenerate them with `UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_pages_golden.py`
and review the diff.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from clustersite.data.loading import load_site
from clustersite.data.site_data import Languages
from clustersite.pages.home_overview import home_overview
from clustersite.pages.page_builders import pages_for_language

ROOT = Path(__file__).resolve().parent / "fixtures" / "example"  # the generator's test site, not the repository's data/
GOLDEN = Path(__file__).parent / "golden"
TODAY = date(2026, 11, 22)
LANGUAGES = Languages(("en", "sr", "bg", "cs"), "en", {"sr": "sr-Latn"})
PAGE_TYPES = [
    "projects/index.md", "projects/centramo.md", "events/index.md", "events/types/training.md",
    "events/balkan-cluster-final-conference.md", "partners/index.md", "partners/enef.md", "labels.md",
    "news/index.md", "news/esca-confirms-cooperation.md",
]


@pytest.fixture(scope="module")
def site():
    site, problems = load_site(ROOT / "data", LANGUAGES, ROOT)
    assert site is not None, problems.report()
    return site


def check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with UPDATE_GOLDEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_generated_pages_match_golden_files(site, language):
    pages = {page.src_uri: page.markdown for page in pages_for_language(site, language, TODAY)}
    for src_uri in PAGE_TYPES:
        check(f"{language}/{src_uri}", pages[src_uri])


def test_every_language_has_the_same_pages(site):
    """The build names every language's files from the default language's list (mkdocs_layer)."""
    lists = {code: [(p.src_uri, p.url_path) for p in pages_for_language(site, code, TODAY)] for code in LANGUAGES.codes}
    assert len(lists["en"]) > 50
    assert all(pages == lists["en"] for pages in lists.values())


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_home_overview_matches_golden_file(site, language):
    check(f"{language}/home-overview.md", home_overview(site, language, TODAY))


def test_upcoming_and_ongoing_follow_the_build_date(site):
    during = home_overview(site, "en", date(2017, 6, 1))
    assert "TRACE-KEI</a> – Seven clusters" in during  # ongoing in June 2017
    assert during.count('href="projects/trace-kei/"') == 1 and during.count('href="projects/centramo/"') == 1  # each once
    assert "First joint training, Bari" in during  # upcoming then
    after = home_overview(site, "en", TODAY)
    assert "No events are planned at the moment." in after
    # No project runs: no "Ongoing projects" heading over an empty section, and the list of all is "Projects".
    assert "## Ongoing projects" in during and "## Ongoing projects" not in after
    assert after.startswith("## Projects {: #projects }")


def test_label_validity_and_project_status_follow_the_build_date(site):
    from clustersite.data.dates import Day
    from clustersite.data.model import Label
    from clustersite.pages.status import label_state, status

    label = Label(level="bronze", awarded=Day(date(2017, 2, 3)), valid_until=Day(date(2019, 2, 2)))
    assert label_state(label, date(2019, 2, 2)) == "valid"
    assert label_state(label, date(2019, 2, 3)) == "expired"
    assert label_state(Label(level="gold"), TODAY) == "not_stated"
    trace_kei = site.projects["trace-kei"]
    assert [status(trace_kei, day) for day in (date(2016, 11, 15), date(2016, 11, 16), date(2018, 11, 15), date(2018, 11, 16))] == [
        "planned", "ongoing", "ongoing", "completed"]
    assert status(site.projects["centramo"], date(2013, 11, 30)) == "ongoing"  # a whole month: to its last day
