"""When each page last changed, for the sitemap's <lastmod>: the last commit that touched its sources.

    dates = commit_dates(root, today)          # one `git log` for data/ and docs/
    page_lastmod("events/x.md", site, dates, generated) -> date | None

A page written by staff comes from its file under docs/. A generated page comes
from the data file that holds its record (and data/ui.yaml, whose words it uses);
an index page from every data file. A file changed but not yet committed counts
as changed today. Without git, or outside a repository, pages get no <lastmod>.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from ..data.site_data import SiteData

_SOURCES = ("data", "docs")
_WORDS = "data/ui.yaml"
_SINGLE = {"partners": "data/organisations.yaml", "labels.md": "data/organisations.yaml", "news": "data/news.yaml"}


def commit_dates(root: Path, today: date) -> dict[str, date]:
    """Path under `root` (such as `data/news.yaml`) -> the day of the last commit that changed it; {} without git."""
    try:
        log = _git(root, "log", "--format=%x00%cs", "--name-only", "--relative", "--", *_SOURCES)
        status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *_SOURCES)
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        return {}
    dates: dict[str, date] = {}
    day = None
    for line in log.splitlines():
        if line.startswith("\0"):
            day = date.fromisoformat(line[1:])
        elif line and day is not None:
            dates.setdefault(line, day)  # the log is newest first
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    for line in status.splitlines():  # `XY path`, relative to the repository's top
        path = line[3:].split(" -> ")[-1].strip('"')
        relative = path if prefix == "." else path.removeprefix(prefix + "/")
        dates[relative] = today
    return dates


def _git(root: Path, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(root), "-c", "core.quotepath=off", *arguments],
                          capture_output=True, text=True, timeout=30, check=True).stdout


def page_lastmod(src_uri: str, site: SiteData, dates: dict[str, date], generated: set[str]) -> date | None:
    """The day the page's sources last changed; None when none of them has a known date."""
    codes = "|".join(re.escape(code) for code in site.languages.codes)
    neutral = re.sub(rf"\.({codes})\.md$", ".md", src_uri)
    if neutral in generated:
        sources = _data_sources(neutral, site, dates)
    else:
        sources = [f"docs/{src_uri}" if f"docs/{src_uri}" in dates else f"docs/{neutral}"]
        if neutral == "index.md":  # the home page shows generated parts too
            sources += [path for path in dates if path.startswith("data/")]
    known = [dates[path] for path in sources if path in dates]
    return max(known, default=None)


def _data_sources(neutral: str, site: SiteData, dates: dict[str, date]) -> list[str]:
    section, _, rest = neutral.partition("/")
    record = rest.removesuffix(".md")
    if section in ("events", "projects") and record != "index" and f"{section}/{record}" in site.sources:
        return [site.sources[f"{section}/{record}"], _WORDS]
    if section in _SINGLE:
        return [_SINGLE[section], _WORDS]
    return [path for path in dates if path.startswith("data/")]
