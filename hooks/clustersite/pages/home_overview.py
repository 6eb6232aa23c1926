"""The generated part of the home page: projects, the next events and the latest news."""

from __future__ import annotations

from datetime import date

from ..data.site_data import SiteData
from .dissemination_pages import home_context
from .status import status
from .templating import render
from .timeline_pages import ordered
from .wording import Voice

HOME_LATEST_NEWS = 3


def home_overview(site: SiteData, code: str, today: date) -> str:
    """The generated part of the home page, placed where docs/index*.md has the marker."""
    v = Voice(site, code)
    projects = sorted(site.projects.values(), key=lambda p: p.end.first, reverse=True)
    upcoming, _ = ordered(list(site.events.values()), today)
    news = sorted(site.news.values(), key=lambda n: (n.date, n.id), reverse=True)[:HOME_LATEST_NEWS]
    ongoing = [p for p in projects if status(p, today) == "ongoing"]
    others = [p for p in projects if p not in ongoing]  # each project once: a single project is often the ongoing one
    return render("home_overview.md.j2", v=v, here="", projects=others, ongoing=ongoing, upcoming=upcoming[:5], news=news,
                  **home_context(site))
