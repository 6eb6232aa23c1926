"""'Dissemination in figures' on project pages: the counts, the charts against their tables, the CSV download."""

from __future__ import annotations

import csv
import io
import re
import socket
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from posixpath import normpath
from urllib.parse import urlsplit

import pytest
from babel.numbers import format_decimal

from browser import CHROMIUM_FLAGS, require_chromium, serve
from clustersite.data.loading import load_site
from clustersite.data.site_data import Languages
from clustersite.pages.charts import bar_chart
from clustersite.pages.dissemination import Figures, project_figures
from clustersite.pages.report_table import COLUMNS
from conftest import LANGUAGE_PREFIXES, SITE_URL, run_build
from test_report import DEMO_EVENTS, make_site, report

SVG = "{http://www.w3.org/2000/svg}"
BABEL_LOCALE = {"en": "en", "sr": "sr_Latn", "bg": "bg", "cs": "cs"}
HEADINGS = {  # (activities per year, activities per type), as data/ui.yaml words them
    "en": ("Activities per year", "Activities per type"),
    "cs": ("Aktivity podle let", "Aktivity podle typu"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_site(tmp_path_factory.mktemp("reporting"))


@pytest.fixture(scope="module")
def built(project) -> Path:
    result = run_build(project / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-4000:]
    return project / "site"


def test_figures_of_the_fixture(project):
    site, problems = load_site(project / "data", Languages(("en", "sr", "bg", "cs"), "en", {"sr": "sr-Latn"}), project)
    assert site is not None, problems.report()
    assert project_figures(site, "demo") == Figures(
        activities=4, per_year=[(2020, 2), (2021, 1), (2022, 1)],
        per_type=[("conference", 1), ("meeting", 1), ("training", 1), ("workshop", 1)],
        partners=["alpha", "beta", "gamma"], countries=["BG", "CZ", "RS", "SK"], people=1265, people_counted=3,
    )
    gap = project_figures(site, "other")
    assert gap.per_year == [(2020, 1)] and gap.people == 500


def test_years_without_activities_are_shown_as_zero():
    chart = bar_chart([("2019", 3, "3"), ("2020", 0, "0"), ("2021", 6, "6")])
    assert [bar.length for bar in chart.bars][1] == 0 and chart.bars[2].top > chart.bars[1].top > chart.bars[0].top
    assert chart.bars[0].length * 2 == pytest.approx(chart.bars[2].length, abs=0.1)


def _charts(html: str) -> list[tuple[ET.Element, list[tuple[str, str]]]]:
    """Each chart's SVG, parsed, with the rows of the data table next to it."""
    charts = []
    for block in re.findall(r'<div class="chart">(.*?)</div>', html, re.S):
        svg = ET.fromstring(block[block.index("<svg"):block.index("</svg>") + 6])
        table = block[block.index("<details"):]
        rows = [(unescape(label), unescape(value)) for label, value in
                re.findall(r'<tr><th scope="row">([^<]*)</th><td>([^<]*)</td></tr>', table)]
        charts.append((svg, rows))
    return charts


@pytest.mark.parametrize("language", ["en", "sr", "bg", "cs"])
def test_each_chart_shows_the_numbers_of_its_table(built, language):
    html = (built / LANGUAGE_PREFIXES[language] / "projects" / "demo" / "index.html").read_text(encoding="utf-8")
    charts = _charts(html)
    assert len(charts) == 2
    for svg, rows in charts:
        assert svg.get("role") == "img"
        title_id, desc_id = svg.get("aria-labelledby").split()
        assert svg.find(f"{SVG}title").get("id") == title_id and svg.find(f"{SVG}desc").get("id") == desc_id
        bars = svg.findall(f"{SVG}g")
        drawn = [(g.findall(f"{SVG}text")[0].text, g.findall(f"{SVG}text")[1].text) for g in bars]
        assert drawn == rows and len(rows) >= 3
        assert svg.find(f"{SVG}desc").text == "; ".join(f"{label}: {value}" for label, value in rows)
        lengths = [float(g.find(f"{SVG}rect").get("width")) for g in bars]
        values = [int(value) for _, value in rows]
        assert [round(length / max(lengths), 2) for length in lengths] == [round(v / max(values), 2) for v in values]
        assert "http" not in ET.tostring(svg, encoding="unicode").replace("http://www.w3.org/2000/svg", "")
    years, types = charts
    assert years[1] == [("2020", "2"), ("2021", "1"), ("2022", "1")]
    assert sorted(int(value) for _, value in types[1]) == [1, 1, 1, 1]
    if language in HEADINGS:
        assert [svg.find(f"{SVG}title").text for svg, _ in charts] == list(HEADINGS[language])
    section = html[html.index('id="dissemination"'):html.index('class="download-link"')]
    assert "<script" not in section


@pytest.mark.parametrize(("language", "people"), [("en", "1,265"), ("cs", "1\u00a0265"), ("sr", "1.265"), ("bg", None)])
def test_key_figures_are_localized(built, language, people):
    html = (built / LANGUAGE_PREFIXES[language] / "projects" / "demo" / "index.html").read_text(encoding="utf-8")
    figures = html[html.index('<table id="dissemination-figures">'):]
    figures = figures[:figures.index("</table>")]
    cells = [unescape(cell) for cell in re.findall(r"<td>(.*?)</td>", figures)]
    assert cells[0:2] == ["4", "3"]
    assert cells[2].startswith("4: ")
    expected = people or format_decimal(1265, locale=BABEL_LOCALE[language])
    assert cells[3].startswith(f"{expected}<br><small>")
    if language == "en":
        assert cells[2] == "4: Bulgaria, Czechia, Serbia, Slovakia"
        assert "for 3 of 4 activities" in cells[3]


@pytest.mark.parametrize("language", ["en", "sr", "bg", "cs"])
def test_the_csv_download_is_linked_and_matches_the_report(built, project, language):
    page = built / LANGUAGE_PREFIXES[language] / "projects" / "demo" / "index.html"
    html = page.read_text(encoding="utf-8")
    href = re.search(r'<p class="download-link"><a href="([^"]+)" download>', html).group(1)
    target = Path(normpath(str(page.parent / href)))
    assert target.is_file() and target.is_relative_to(built)
    content = target.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 1 + len(DEMO_EVENTS)
    assert content == report(project, "--project", "demo", env={"SITE_URL": SITE_URL}).stdout  # the build's address
    assert rows[1][-1] == f"{SITE_URL}events/demo-conference/"


def test_the_build_writes_nothing_into_the_project(built, project):
    assert not list((project / "docs").rglob("*.csv")) and not list((project / "data").rglob("*.csv"))


@pytest.mark.parametrize(("language", "rows"), [
    ("en", [("Organised by", '<a href="../../partners/beta/">Клъстер Бета</a>'), ("Audience", "Policy makers"),
            ("People reached", "about 40"), ("Countries addressed", "Bulgaria")]),
    ("cs", [("Pořadatel", '<a href="../../partners/beta/">Клъстер Бета</a>'), ("Cílová skupina", "Tvůrci politik"),
            ("Oslovení lidé", "přibližně 40"), ("Cílové země", "Bulharsko")]),
])
def test_an_event_page_shows_its_reporting_fields(built, language, rows):
    html = (built / LANGUAGE_PREFIXES[language] / "events" / "demo-workshop" / "index.html").read_text(encoding="utf-8")
    facts = html[html.index("<table>"):html.index("</table>")]
    shown = re.findall(r'<tr><th scope="row">([^<]*)</th><td>(.*?)</td></tr>', facts)
    assert shown[-4:] == rows


def test_an_event_without_reporting_fields_shows_no_empty_rows(built):
    html = (built / "events" / "demo-meeting" / "index.html").read_text(encoding="utf-8")
    facts = html[html.index("<table>"):html.index("</table>")]
    assert [th for th, _ in re.findall(r'<tr><th scope="row">([^<]*)</th><td>(.*?)</td></tr>', facts)] == [
        "Date", "Place", "Type", "Project"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_visitors_read_the_chart_and_open_its_table_with_the_keyboard(built, width):
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with serve(built, port=_free_port()) as base, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        page = chromium.new_page(viewport={"width": width, "height": 800})
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(base + "cs/projects/demo/", wait_until="networkidle")
        chart = page.locator("svg.bar-chart").first
        assert chart.is_visible()
        label_heights = chart.locator("text").evaluate_all("nodes => nodes.map(n => n.getBoundingClientRect().height)")
        assert min(label_heights) >= 12, label_heights  # legible at the phone's width too
        table = page.locator("details.chart-data table").first
        assert not table.is_visible()
        page.locator("details.chart-data summary").first.focus()
        page.keyboard.press("Enter")
        assert table.is_visible()
        assert table.locator("tbody tr").all_inner_texts() == ["2020\t2", "2021\t1", "2022\t1"]
        assert {urlsplit(url).hostname for url in requested} == {"127.0.0.1"}, requested  # nothing from other hosts
        chromium.close()
