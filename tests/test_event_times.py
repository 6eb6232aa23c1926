"""Event times: their zone, their end, how pages show them, and the messages for mistakes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clustersite.data.event_times import country_zones, event_times
from clustersite.data.loading import load_site
from clustersite.pages.page_builders import pages_for_language
from clustersite.pages.wording import Voice
from event_fixture import LANGUAGES, copy_fixture, load_fixture


def errors(data: Path) -> list[str]:
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert site is None
    return [str(p) for p in problems.errors]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_zones_come_from_cldr_territories():
    assert country_zones("BG") == ("Europe/Sofia",)
    assert set(country_zones("ES")) == {"Europe/Madrid", "Africa/Ceuta", "Atlantic/Canary"}


def test_the_zone_comes_from_the_event_the_place_or_the_country(tmp_path):
    site = load_fixture(tmp_path)
    zones = {event_id: event_times(site, site.events[event_id]).zone
             for event_id in ("sofia-summer", "canary-hybrid", "webinar")}
    assert zones == {"sofia-summer": "Europe/Sofia", "canary-hybrid": "Atlantic/Canary", "webinar": "Europe/Brussels"}
    assert event_times(site, site.events["nis-all-day"]) is None
    assert event_times(site, site.events["bari-morning"]).end_stated is False


@pytest.mark.parametrize("language, event_id, text", [
    ("en", "sofia-summer", "22 April 2016, 11:00–13:00 (Eastern European Summer Time)"),
    ("cs", "sofia-summer", "22. dubna 2016 11:00–13:00 (východoevropský letní čas)"),
    ("bg", "webinar", "5 ноември 2020 г., 14:00 ч. – 15:30 ч. (Централноевропейско стандартно време)"),
    ("sr", "prague-two-days", "27. jun 2019. 09:00 – 28. jun 2019. 13:00 (Srednjeevropsko letnje vreme)"),
    # No stated end: only the start is shown, though calendars get a worked-out end.
    ("en", "bari-morning", "28 June 2017, 10:00 (Central European Summer Time)"),
    ("en", "nis-all-day", "10 – 11 May 2016"),
])
def test_pages_show_dates_times_and_the_zone_in_each_language(tmp_path, language, event_id, text):
    site = load_fixture(tmp_path)
    assert Voice(site, language).when(site.events[event_id]).replace("\u202f", " ").replace("\u2009", " ") == text


EXPECTED = "    expected: a `timezone:` on the event, or on its place in data/places.yaml\n"


@pytest.mark.parametrize("file, old, new, message", [
    pytest.param("places.yaml", "    timezone: Atlantic/Canary\n", "", (
        "data/events.yaml:31:11: error: events[2].time: the time has no time zone: the country of `las-palmas` (ES) has several\n"
        + EXPECTED +
        "    found:    time: 09:00; the zones of ES are `Africa/Ceuta`, `Atlantic/Canary`, `Europe/Madrid`\n"
        "    hint:     add `timezone:` with the one the city is in to `las-palmas` in data/places.yaml"), id="several zones"),
    pytest.param("events.yaml", "    timezone: Europe/Brussels\n", "", (
        "data/events.yaml:41:11: error: events[3].time: the time has no time zone: the event has no place to take it from\n"
        + EXPECTED +
        "    found:    time: 14:00\n"
        "    hint:     add `timezone:` to the event with the zone the time is given in, such as `Europe/Brussels`"), id="online"),
    pytest.param("events.yaml", "timezone: Europe/Brussels", "timezone: Europe/Brussel", (
        "data/events.yaml:43:15: error: events[3].timezone: this is not a time zone name\n"
        "    expected: an IANA time zone name, such as `Europe/Sofia` or `Europe/Madrid`\n"
        '    found:    "Europe/Brussel"\n'
        "    hint:     did you mean `Europe/Brussels`?"), id="misspelt zone"),
    pytest.param("events.yaml", '    time: "11:00"\n    end_time: "13:00"\n', '    time: "11:00-13:00"\n', (
        "data/events.yaml:6:11: error: events[0].time: this is not a time of day\n"
        "    expected: a 24-hour time written HH:MM, such as `08:30`\n"
        '    found:    "11:00-13:00"\n'
        '    hint:     write the start and the end on two lines: `time: "11:00"` and `end_time: "13:00"`'), id="time range"),
])
def test_zone_and_time_mistakes_get_one_exact_message(tmp_path, file, old, new, message):
    data = copy_fixture(tmp_path)
    edit(data / file, old, new)
    assert errors(data) == [message]


@pytest.mark.parametrize("old, new, message", [
    ('    end_time: "13:00"\n', '    end_time: "10:30"\n', "events[0].end_time: the event ends before it starts"),
    ('    time: "11:00"\n    end_time', '    end_time', "events[0].end_time: an end time is given but no start time"),
    ("    date: 2017-06-28\n    time:", "    date: 2017-06\n    time:", "events[5].time: a time needs a full date"),
])
def test_times_that_contradict_each_other(tmp_path, old, new, message):
    data = copy_fixture(tmp_path)
    edit(data / "events.yaml", old, new)
    (found,) = errors(data)
    assert message in found.splitlines()[0]


def test_online_takes_true_or_a_web_address(tmp_path):
    data = copy_fixture(tmp_path)
    edit(data / "events.yaml", '{online: "https://meet.example.org/webinar"}', "{online: meet.example.org/webinar}")
    (found,) = errors(data)
    assert found.startswith("data/events.yaml:44:24: error: events[3].location.online: this is not a web address")
    assert "hint:     write `https://meet.example.org/webinar`" in found


def test_event_pages_show_the_place_and_where_to_join(tmp_path):
    site = load_fixture(tmp_path)
    pages = {page.src_uri: page.markdown for page in pages_for_language(site, "en", date(2026, 11, 22))}
    hybrid = pages["events/canary-hybrid.md"]
    assert '<tr><th scope="row">Place</th><td>Las Palmas, Spain</td></tr>' in hybrid
    assert ('<tr><th scope="row">Online</th><td><a href="https://meet.example.org/canary?a=1&amp;b=2" rel="nofollow">'
            "Join online</a></td></tr>") in hybrid
    webinar = pages["events/webinar.md"]
    assert '<tr><th scope="row">Place</th><td><a href="https://meet.example.org/webinar" rel="nofollow">Join online</a>' in webinar
    assert "5 November 2020, 14:00–15:30 (Central European Standard Time)" in webinar.replace("\u202f", " ").replace("\u2009", " ")
    assert "og_type: article" in webinar
    assert '<tr><th scope="row">Place</th><td>Hotel Hermus, Sofia, Bulgaria</td></tr>' in pages["events/sofia-summer.md"]
