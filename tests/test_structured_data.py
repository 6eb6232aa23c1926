"""Structured data: every JSON-LD block uses the schema.org vocabulary as it is, and events carry what search engines need."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from clustersite.pages import json_ld
from clustersite.pages.wording import Voice
from event_fixture import load_fixture
from schema_vocabulary import event_requirements, problems

_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def test_the_checker_catches_what_the_vocabulary_does_not_allow():
    assert problems({"@type": "ResearchProject", "name": "x", "startDate": "2016-11-16"}) == [
        "ResearchProject.startDate: not a property of ResearchProject"]
    assert problems({"@type": "Event", "location": {"@type": "MonetaryGrant"}})[0].startswith("Event.location: a MonetaryGrant")
    assert problems({"@type": "Event", "eventAttendanceMode": "https://schema.org/EventScheduled"})[0].startswith(
        "Event.eventAttendanceMode: EventScheduled is not among")
    assert problems({"@type": "Event", "startDate": "22.04.2016"})[0].startswith("Event.startDate: `22.04.2016` is not")
    assert problems({"@type": "Evnt"}) == ["@type: `Evnt` is not a current schema.org class"]
    assert event_requirements({"name": "x", "startDate": "2016-03", "location": {}}) == [
        "Event.eventAttendanceMode: missing", "Event.startDate: `2016-03` has no day"]
    assert event_requirements({"name": "x", "startDate": "2016-04-22T11:00:00", "location": {},
                               "eventAttendanceMode": "x"}) == ["Event.startDate: `2016-04-22T11:00:00` has a time without its UTC offset"]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    return load_fixture(tmp_path_factory.mktemp("structured-data"))


@pytest.mark.parametrize("language", ["en", "cs"])
def test_fixture_events_are_valid_and_complete(fixture_site, language):
    v = Voice(fixture_site, language)
    blocks = {event_id: json_ld.event_jsonld(fixture_site, v, event) for event_id, event in fixture_site.events.items()}
    assert blocks.pop("month-only") is None  # only the month is known: no Event (see json_ld.py)
    for event_id, block in blocks.items():
        assert problems(block) == [], event_id
        assert event_requirements(block) == [], event_id
    assert blocks["sofia-summer"]["startDate"] == "2016-04-22T11:00:00+03:00"
    assert blocks["sofia-summer"]["endDate"] == "2016-04-22T13:00:00+03:00"
    assert blocks["bari-morning"]["endDate"] == "2017-06-28"  # no stated end: the day only
    assert blocks["webinar"]["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert blocks["webinar"]["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/webinar"}
    hybrid = blocks["canary-hybrid"]
    assert hybrid["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in hybrid["location"]] == ["Place", "VirtualLocation"]
    prefix = "" if language == "en" else "cs/"
    assert blocks["nis-all-day"]["url"] == f"https://example.org/fixture/{prefix}events/nis-all-day/"
    assert blocks["sofia-summer"]["organizer"]["url"] == f"https://example.org/fixture/{prefix}partners/host/"


def test_fixture_projects_are_valid(fixture_site):
    v = Voice(fixture_site, "en")
    block = json_ld.project_jsonld(fixture_site, v, fixture_site.projects["pilot"])
    assert problems(block) == []
    assert (block["foundingDate"], block["dissolutionDate"]) == ("2016-01-01", "2020-12-31")
    assert block["member"][0]["roleName"] == "Coordinator"
    amounts = [grant["amount"] for grant in block["funding"]]
    assert amounts == [{"@type": "MonetaryAmount", "value": 1049382.71, "currency": "EUR"},
                       {"@type": "MonetaryAmount", "value": 185185.18, "currency": "EUR"}]


def _blocks(site: Path) -> list[tuple[str, dict]]:
    found = []
    for page in sorted(site.rglob("*.html")):
        for text in _BLOCK.findall(page.read_text(encoding="utf-8")):
            block = json.loads(text)
            nodes = block["@graph"] if "@graph" in block else [block]  # a list page's items share one block
            found += [(page.relative_to(site).as_posix(), node) for node in nodes]
    return found


def test_every_block_of_the_built_site_fits_the_vocabulary(site):
    blocks = _blocks(site)
    kinds = {block["@type"] for _, block in blocks}
    assert {"Event", "ResearchProject", "Organization", "NewsArticle"} <= kinds, kinds
    for page, block in blocks:
        assert problems(block) == [], page
        if block["@type"] == "Event":
            assert event_requirements(block) == [], page
        if block["@type"] in {"Event", "Organization", "ResearchProject", "NewsArticle"}:  # a result has a url only if it is published
            assert block["url"].startswith("http"), page
