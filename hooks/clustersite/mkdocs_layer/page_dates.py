"""When each page last changed, for the sitemap's <lastmod>: the last commit that touched its sources.

    dates = commit_dates(root, today)          # `git log` and `git status` for data/ and docs/
    pending = PendingDates(root, today)        # the same, started now and read with pending.result()
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


class PendingDates:
    """git asked, in the background, when each file under data/ and docs/ was last committed.

    The three git commands start at once and run beside the build (in a repository with a few
    hundred commits they take 30 ms, which the build's start would otherwise wait for; a long
    history's log waits once its pipe is full, and goes on when read); their answer is read when
    first asked for, and kept.
    """

    def __init__(self, root: Path, today: date) -> None:
        self.root, self.today, self._dates = root, today, None
        self.processes: list[subprocess.Popen] = []
        try:
            for arguments in (("log", "--format=%x00%cs", "--name-only", "--relative", "--", *_SOURCES),
                              ("status", "--porcelain", "--untracked-files=all", "--", *_SOURCES),
                              ("rev-parse", "--show-toplevel")):
                self.processes.append(_git(root, *arguments))
        except OSError:  # no git (or no process to be had): no dates
            for process in self.processes:
                process.kill()
                process.communicate()
            self.processes = []

    def result(self) -> dict[str, date]:
        """Path under `root` (such as `data/news.yaml`) -> the day of the last commit that changed it; {} without git."""
        if self._dates is None:
            outputs = [_output(process) for process in self.processes]
            try:
                self._dates = _parsed(self.root, self.today, *outputs) if len(outputs) == 3 and None not in outputs else {}
            except ValueError:  # an answer not as expected: no dates rather than wrong ones
                self._dates = {}
        return self._dates


    def discard(self) -> None:
        """Not needed after all (a preview run with mistakes in data/ asks for no dates): the commands end now."""
        if self._dates is None:
            for process in self.processes:
                process.kill()
                process.communicate()
            self._dates = {}


def commit_dates(root: Path, today: date) -> dict[str, date]:
    """Path under `root` (such as `data/news.yaml`) -> the day of the last commit that changed it; {} without git."""
    return PendingDates(root, today).result()


def _parsed(root: Path, today: date, log: str, status: str, top: str) -> dict[str, date]:
    dates: dict[str, date] = {}
    day = None
    for line in log.splitlines():
        if line.startswith("\0"):
            day = date.fromisoformat(line[1:])
        elif line and day is not None:
            dates.setdefault(line, day)  # the log is newest first
    prefix = root.resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    for line in status.splitlines():  # `XY path`, relative to the repository's top
        path = line[3:].split(" -> ")[-1].strip('"')
        relative = path if prefix == "." else path.removeprefix(prefix + "/")
        dates[relative] = today
    return dates


def _git(root: Path, *arguments: str) -> subprocess.Popen:
    return subprocess.Popen(["git", "-C", str(root), "-c", "core.quotepath=off", *arguments],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)


def _output(process: subprocess.Popen) -> str | None:
    """What the command wrote, or None if it failed (outside a repository, say) or took over 30 s."""
    try:
        out, _ = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return None
    return out if process.returncode == 0 else None


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
