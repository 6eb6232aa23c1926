"""Long event lists are split into pages of a fixed size (pages/timeline_pages.py)."""

from __future__ import annotations

from datetime import date, timedelta

from clustersite.data.model import Event
from clustersite.pages.timeline_pages import PAGE_SIZE, part_path, short_list, split

TODAY = date(2026, 11, 22)


def events(count: int, first: date = date(2016, 1, 1), step: int = 9) -> list[Event]:
    return [Event.model_validate({"id": f"e-{i:05d}", "type": "meeting", "date": (first + timedelta(days=i * step)).isoformat(),
                                  "title": {"en": f"Event {i}"}, "summary": {"en": "A meeting."}}) for i in range(count)]


def test_every_event_is_on_exactly_one_page_and_no_page_is_longer_than_the_page_size():
    timeline = events(5 * PAGE_SIZE + 7, first=date(2016, 1, 1), step=3)  # some of them after TODAY
    parts = split(timeline, TODAY)
    shown = [e.id for part in parts for e in part.upcoming + [e for _, group in part.past_by_year for e in group]]
    assert sorted(shown) == sorted(e.id for e in timeline) and len(shown) == len(set(shown))
    assert len(parts) == 6 and [p.number for p in parts] == [1, 2, 3, 4, 5, 6]
    assert all(len(p.upcoming) + sum(len(g) for _, g in p.past_by_year) <= PAGE_SIZE for p in parts)


def test_the_first_page_starts_with_the_upcoming_events_soonest_first_then_the_past_newest_first():
    timeline = events(3 * PAGE_SIZE, first=TODAY - timedelta(days=2 * PAGE_SIZE * 3), step=3)
    parts = split(timeline, TODAY)
    upcoming = parts[0].upcoming
    assert upcoming and all(e.date.first >= TODAY for e in upcoming)
    assert [e.date for e in upcoming] == sorted(e.date for e in upcoming)
    assert all(not p.upcoming for p in parts[1:])
    past = [e for p in parts for _, group in p.past_by_year for e in group]
    assert [e.date for e in past] == sorted((e.date for e in past), reverse=True)
    years = [year for p in parts for year, _ in p.past_by_year]
    assert years == sorted(years, reverse=True)  # a year split over two pages is headed on both, in order


def test_an_empty_timeline_still_has_its_first_page():
    assert len(split([], TODAY)) == 1 and split([], TODAY)[0].upcoming == []


def test_page_addresses():
    assert part_path("events/", 1) == "events/"
    assert part_path("events/", 3) == "events/page/3/"
    assert part_path("events/types/training/", 2) == "events/types/training/page/2/"


def test_a_project_page_lists_all_its_events_or_the_next_and_the_latest():
    few = events(12)
    assert short_list(few, TODAY) == few
    many = events(300, first=TODAY - timedelta(days=9 * 250))
    listed = short_list(many, TODAY, size=20)
    assert len(listed) == 20 and [e.date for e in listed] == sorted(e.date for e in listed)
    upcoming = [e for e in many if e.date.first >= TODAY]
    assert set(e.id for e in upcoming[:20]) <= {e.id for e in listed}
