"""Reporting: `clustersite report` (CSV, xlsx, periods, warnings) on a fixture with known figures."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from clustersite.pages.report_table import COLUMNS
from conftest import EXAMPLE, assemble_site

FIXTURE = Path(__file__).parent / "fixtures" / "reporting"
SITE_URL = "https://example.org/demo/"  # the published address; the preview's gives a warning
DEMO_EVENTS = ["demo-conference", "demo-workshop", "demo-training", "demo-meeting"]


def make_site(folder: Path) -> Path:
    """The fixture as a whole project: the example fixture site's config, docs and words, with the fixture's data."""
    assemble_site(EXAMPLE, folder)
    shutil.rmtree(folder / "data")
    shutil.copytree(FIXTURE / "data", folder / "data")
    for name in ("ui.yaml", "site.yaml"):  # the catalogue of every word the templates use
        shutil.copy(EXAMPLE / "data" / name, folder / "data" / name)
    return folder


@pytest.fixture()
def project(tmp_path) -> Path:
    return make_site(tmp_path)


def report(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "clustersite.cli", "report", *args, "--config", str(project / "mkdocs.yml")],
        capture_output=True, timeout=120, env={"PATH": "/usr/bin:/bin", "SITE_URL": SITE_URL, **(env or {})},
    )


def parse(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "CSV without a byte-order mark"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_csv_has_the_columns_one_row_per_activity_and_the_totals(project):
    result = report(project, "--project", "demo")
    assert result.returncode == 0, result.stderr.decode()
    header = next(csv.reader(io.StringIO(result.stdout.decode("utf-8-sig"))))
    assert tuple(header) == COLUMNS
    rows = parse(result.stdout)
    assert [row["URL"] for row in rows] == [f"{SITE_URL}events/{e}/" for e in DEMO_EVENTS]
    assert sum(int(row["Audience size"]) for row in rows if row["Audience size"]) == 1265
    assert [row["Audience size is"] for row in rows] == ["exact", "about", "at least", ""]
    assert [row["Activity type"] for row in rows] == [
        "Organisation of a conference", "Organisation of a workshop", "Training", "Meeting"]
    conference, workshop, training, meeting = rows
    assert conference == {
        "Activity type": "Organisation of a conference", "Title": "Opening conference",
        "Start date": "2020-01-15", "End date": "2020-01-15", "Place": "Belgrade", "Place country": "Serbia",
        "Lead partner": "Udruženje Alfa klaster", "Lead partner country": "Serbia",
        "Participating partners": "Udruženje Alfa klaster; Клъстер Бета",
        "Audience": "Industry; Small and medium-sized enterprises (SMEs)", "Audience size": "1200",
        "Audience size is": "exact", "Countries addressed": "Serbia; Bulgaria",
        "URL": f"{SITE_URL}events/demo-conference/",
    }
    assert workshop["Lead partner"] == "Клъстер Бета" and workshop["Lead partner country"] == "Bulgaria"
    assert training["Title"] == "Training in Plzeň: „quotes“, commas" and training["Place"] == "Plzeň"
    assert (training["Start date"], training["End date"]) == ("2021-01-01", "2021-01-03")
    assert training["Countries addressed"] == "Czechia; Slovakia"
    assert (meeting["Start date"], meeting["Place"], meeting["Lead partner"], meeting["Audience"]) == ("2022-06", "Online", "", "")


@pytest.mark.parametrize(("period", "expected"), [
    (("--from", "2020-12-31", "--to", "2021-01-01"), ["demo-workshop", "demo-training"]),
    (("--from", "2020-01-15", "--to", "2020-01-15"), ["demo-conference"]),
    (("--from", "2020-01-16", "--to", "2020-12-30"), []),
    (("--from", "2021-01-02"), ["demo-meeting"]),
    (("--to", "2020-12-31"), ["demo-conference", "demo-workshop"]),
])
def test_from_and_to_include_their_own_days(project, period, expected):
    result = report(project, "--project", "demo", *period)
    assert result.returncode == 0, result.stderr.decode()
    assert [row["URL"].rsplit("/", 2)[-2] for row in parse(result.stdout)] == expected


def test_each_missing_reporting_field_is_a_warning_with_file_and_line(project):
    result = report(project, "--project", "demo")
    lines = result.stderr.decode().splitlines()
    line = 1 + (FIXTURE / "data/projects/demo.yaml").read_text(encoding="utf-8").splitlines().index("  - id: demo-meeting")
    where = f"data/projects/demo.yaml:{line}:5: warning: events[3]"
    for field in ("audience", "audience_size", "countries_addressed", "lead"):
        assert any(entry.startswith(f"{where}.{field} (demo-meeting): no `{field}` (") for entry in lines), field
    assert f"{where}.type (demo-meeting): the event type `meeting` is in no category of data/reporting.yaml; " \
           "the report names it by its own English name" in lines
    assert len([entry for entry in lines if "warning:" in entry]) == 5  # the other three activities are complete
    assert lines[-1] == "5 reporting fields missing in 1 of 4 activities: add them in data/ where the sources give them."
    complete = report(project, "--project", "demo", "--to", "2021-12-31")
    assert complete.returncode == 0 and complete.stderr == b""


def test_xlsx_holds_the_same_rows(project, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")  # in the test extra; the report extra for staff
    output = tmp_path / "demo.xlsx"
    result = report(project, "--project", "demo", "--output", str(output))
    assert result.returncode == 0, result.stderr.decode()
    sheet = openpyxl.load_workbook(output).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert sheet.title == "DEMO" and tuple(values[0]) == COLUMNS and len(values) == 5
    # Whole days are date cells (openpyxl reads them back as datetimes); a month stays text.
    assert [row[2] for row in values[1:]] == [
        datetime(2020, 1, 15), datetime(2020, 12, 31), datetime(2021, 1, 1), "2022-06"]
    assert sum(row[10] or 0 for row in values[1:]) == 1265
    as_csv = parse(report(project, "--project", "demo").stdout)
    assert [row[1] for row in values[1:]] == [row["Title"] for row in as_csv]


def test_xlsx_without_its_extra_says_how_to_install_it(project, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "openpyxl.py").write_text("raise ImportError('not installed')\n", encoding="utf-8")
    result = report(project, "--project", "demo", "--output", str(tmp_path / "x.xlsx"), env={"PYTHONPATH": str(blocked)})
    assert result.returncode == 2 and not (tmp_path / "x.xlsx").exists()
    message = result.stderr.decode()
    assert "the xlsx format needs openpyxl" in message and "pip install -e '.[report]'" in message
    assert "Traceback" not in message


def test_wrong_project_or_period_is_one_clear_line(project):
    unknown = report(project, "--project", "nope")
    assert unknown.returncode == 2
    assert unknown.stderr.decode().strip() == "error: there is no project `nope`; the projects are `demo`, `other`."
    backwards = report(project, "--project", "demo", "--from", "2021-01-01", "--to", "2020-01-01")
    assert backwards.returncode == 2 and "is before --from" in backwards.stderr.decode()
    bad_date = report(project, "--project", "demo", "--from", "1.1.2020")
    assert bad_date.returncode == 2 and "write it year first" in bad_date.stderr.decode()



def test_links_to_the_preview_are_a_warning_and_site_url_sets_them(project):
    preview = report(project, "--project", "demo", "--to", "2020-01-15", env={"SITE_URL": "http://localhost:8000/"})
    assert preview.stderr.decode().splitlines() == [
        "warning: the activities' links start with http://localhost:8000/, not the published site's address; "
        "pass --site-url https://<the site's address>/ (or set SITE_URL)"]
    published = report(project, "--project", "demo", "--to", "2020-01-15", "--site-url", "https://cluster.example/site",
                       env={"SITE_URL": "http://localhost:8000/"})
    assert published.stderr == b""
    assert [row["URL"] for row in parse(published.stdout)] == ["https://cluster.example/site/events/demo-conference/"]


def test_text_that_looks_like_a_formula_stays_text(project, tmp_path):
    demo = project / "data" / "projects" / "demo.yaml"
    demo.write_text(demo.read_text(encoding="utf-8").replace(
        "en: Opening conference,", 'en: "=HYPERLINK(\\"http://evil.example\\")",'), encoding="utf-8")
    rows = parse(report(project, "--project", "demo", "--to", "2020-01-15").stdout)
    assert rows[0]["Title"] == "'=HYPERLINK(\"http://evil.example\")"
    openpyxl = pytest.importorskip("openpyxl")
    output = tmp_path / "demo.xlsx"
    assert report(project, "--project", "demo", "--to", "2020-01-15", "--output", str(output)).returncode == 0
    cell = openpyxl.load_workbook(output).active["B2"]
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"http://evil.example\")"
