"""Hostile and broken data: each ends in one worded error with file:line, never a traceback or a hang.

Every case runs twice: as loading runs (the fast reader first, the exact reader for what it must
not read) and with the exact reader only, so that both readers of yaml_source.py are held to it.
"""

from __future__ import annotations

import re
import time

import pytest

from clustersite.data import yaml_reader as yaml_source
from clustersite.data.loading import load_site
from clustersite.pages.catalogue_words import required_words
from test_validation import LANGUAGES, data, edit  # noqa: F401  (data is a fixture)

TITLE = "    title:\n      en: Green Synergy Cluster starts work in the TRACE-KEI project\n"
BODY = "    body:\n      en: >-\n        TRACE-KEI aims"
ATTACH = "    attachments:\n      - {{file: {}, title: {{en: Agenda}}, language: en}}\n" + BODY
LAUGHS = "".join(f"{a}: &{a} [{', '.join([f'*{b}'] * 9)}]\n" for b, a in zip("abcdefgh", "bcdefghi", strict=True))


@pytest.fixture(params=["as loading runs", "exact reader only"])
def reader(request, monkeypatch):
    if request.param == "exact reader only":
        monkeypatch.setattr(yaml_source, "_EXACT_ONLY", re.compile(rb""))  # matches every file
    return request.param


def only_error(folder) -> str:
    started = time.perf_counter()
    site, problems = load_site(folder, LANGUAGES, folder.parent, words=required_words())
    assert time.perf_counter() - started < 20, "loading took too long"
    assert site is None and len(problems.errors) == 1, problems.report()
    return str(problems.errors[0])


def title_as(value: str) -> tuple[str, str]:
    return TITLE, f"    title:\n      en: {value}\n"


CASES = {
    "nul_byte": ("news.yaml", "TRACE-KEI aims", "TRACE-KEI\x00 aims",
                 "data/news.yaml:25:18: error: the file contains an invisible control character", "U+0000"),
    "c0_control_byte": ("news.yaml", "TRACE-KEI aims", "TRACE-KEI\x1b aims",
                        "data/news.yaml:25:18: error: the file contains an invisible control character", "U+001B"),
    "c1_control_character": ("news.yaml", "TRACE-KEI aims", "TRACE-KEI\x85 aims",
                             "data/news.yaml:25:18: error: the file contains an invisible control character", "U+0085"),
    "c0_escape_in_a_title": ("news.yaml", *title_as('"Green \\x01 Synergy"'),
                             "data/news.yaml:14:11: error: news[0].title.en: the text contains an invisible control character",
                             "U+0001"),
    "line_break_in_a_title": ("news.yaml", *title_as('"Green Synergy\\nstarts work"'),
                              "data/news.yaml:14:11: error: news[0].title.en: a title is one line of at most 300 characters",
                              "with a line break"),
    "folded_title_with_two_lines": ("news.yaml", *title_as("|\n        Green Synergy\n        starts work"),
                                    "error: news[0].title.en: a title is one line", "with a line break"),
    "a_title_of_two_million_characters": ("news.yaml", *title_as("x" * 2_000_000),
                                          "data/news.yaml:14:11: error: news[0].title.en: this value is too long",
                                          "at most 50,000 characters"),
    "a_title_of_301_characters": ("news.yaml", *title_as("x" * 301), "error: news[0].title.en: a title is one line", "301 characters"),
    "tilde_for_the_english_title": ("news.yaml", *title_as("~"),
                                    "data/news.yaml:14:7: error: news[0].title: the text has no `en` version", "add a line `en:"),
    "binary_tag": ("news.yaml", *title_as("!!binary R3JlZW4="),
                   "data/news.yaml:14:11: error: news[0].title.en: the YAML tag `!!binary` is not used in these files", "remove the tag"),
    "unknown_tag": ("news.yaml", *title_as("!foo Green Synergy"),
                    "data/news.yaml:14:11: error: news[0].title.en: the YAML tag `!foo` is not used in these files", "remove the tag"),
    "year_9999": ("news.yaml", "date: 2016-12\n", "date: 9999-12-31\n",
                  "data/news.yaml:10:11: error: news[0].date: this year is out of range", "a year from 1900 to 2199"),
    "id_of_300_characters": ("news.yaml", "- id: green-synergy-joins-trace-kei", "- id: " + "a" * 300,
                             "data/news.yaml:9:9: error: news[0].id: this value is too long", "at most 100 characters"),
    "id_index": ("news.yaml", "- id: green-synergy-joins-trace-kei", "- id: index",
                 "data/news.yaml:9:9: error: news[0].id: the id `index` is a name the site itself uses", "news/index/"),
    "event_id_types": ("projects/trace-kei.yaml", "  - id: trace-kei-kick-off\n", "  - id: types\n",
                       "error: events[0].id: the id `types` is a name the site itself uses", "events/types/"),
    "attachment_above_docs": ("news.yaml", BODY, ATTACH.format("../mkdocs.yml"),
                              "data/news.yaml:24:16: error: news[0].attachments[0].file: this path leads outside docs/", "without `..`"),
    "attachment_absolute": ("news.yaml", BODY, ATTACH.format("/etc/passwd"),
                            "data/news.yaml:24:16: error: news[0].attachments[0].file: this path leads outside docs/", "relative"),
    "attachment_windows_drive": ("news.yaml", BODY, ATTACH.format("'C:\\Windows\\win.ini'"),
                                 "error: news[0].attachments[0].file: this path leads outside docs/", "relative"),
    "budget_1e400": ("projects/centramo.yaml", "amount: 425698.75", "amount: 1e400",
                     "data/projects/centramo.yaml:22:13: error: project.budget.amount: this number is out of range", "below"),
    "budget_of_5000_digits": ("projects/centramo.yaml", "amount: 425698.75", "amount: " + "9" * 5000,
                              "data/projects/centramo.yaml:22:13: error: project.budget.amount: this number is out of range",
                              "characters in all"),
    "budget_0x1F": ("projects/centramo.yaml", "amount: 425698.75", "amount: 0x1F",
                    "data/projects/centramo.yaml:22:13: error: project.budget.amount: this value has the wrong form", '"0x1F"'),
    "duration_0o30": ("projects/trace-kei.yaml", "duration_months: 24", "duration_months: 0o30",
                      "error: project.duration_months: this value has the wrong form", '"0o30"'),
}


@pytest.mark.parametrize("case", CASES)
def test_hostile_value_gets_a_worded_error(data, reader, case):  # noqa: F811
    file, old, new, message, detail = CASES[case]
    edit(data / file, old, new)
    found = only_error(data)
    assert message in found and detail in found, found
    assert "Traceback" not in found


def test_billion_laughs_stops_at_the_alias_budget(data, reader):  # noqa: F811
    (data / "news.yaml").write_text("a: &a [x, x, x, x, x, x, x, x, x]\n" + LAUGHS + (data / "news.yaml").read_text(encoding="utf-8"),
                                    encoding="utf-8")
    found = only_error(data)
    assert found.startswith("data/news.yaml:") and "aliases (*name) here repeat too many values" in found
    assert "at most 10,000 values" in found


def test_an_alias_inside_itself_is_refused(data, reader):  # noqa: F811
    (data / "news.yaml").write_text("loop: &a [x, *a]\n" + (data / "news.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert only_error(data).startswith("data/news.yaml:1:7: error: loop[1]: an alias (*name) refers to the block that contains it")


@pytest.mark.parametrize("nesting", ["[" * 3000 + "]" * 3000, "".join(f"\n{' ' * (i + 1)}k{i}:" for i in range(3000)),
                                     "[" * 80 + "]" * 80])
def test_deep_nesting_is_refused(data, reader, nesting):  # noqa: F811
    (data / "news.yaml").write_text((data / "news.yaml").read_text(encoding="utf-8") + "deep: " + nesting + "\n", encoding="utf-8")
    found = only_error(data)
    assert found.startswith("data/news.yaml:") and "the data is nested too deeply" in found


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(data, monkeypatch):  # noqa: F811
    monkeypatch.setattr(yaml_source, "MAX_FILE_BYTES", 1024 * 1024)
    edit(data / "news.yaml", BODY, "    body:\n      en: >-\n        " + "word " * 300_000 + "TRACE-KEI aims")
    found = only_error(data)
    assert found.startswith("data/news.yaml: error: the file is too large") and "at most 1 MB" in found


def test_aliases_and_tags_never_reach_the_fast_reader():
    for text in (b"a: &x [1]\nb: *x\n", b"a: !foo x\n", b"a: !!binary eA==\n", b'a: "\\x01"\n', b"a: 0x1F\n", b"a: ~\n",
                 b"a: " + b"9" * 16 + b"\n"):
        assert yaml_source._EXACT_ONLY.search(text), text
    for text in (b"a: **bold** text\n", b"a: R&D and 1*2\n", b"a: 2016-11-16\n", b"a: 425698.75\n", b"a: Wow!\n"):
        assert not yaml_source._EXACT_ONLY.search(text), text


def test_feeds_and_pages_keep_a_valid_title_with_a_tab(project_copy, tmp_path):
    import xml.etree.ElementTree as ET

    from conftest import run_build

    news = project_copy / "data" / "news.yaml"
    edit(news, TITLE, '    title:\n      en: "Green\\tSynergy & <Co>"\n')
    result = run_build(tmp_path / "out", config=project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    titles = [e.text for e in ET.parse(tmp_path / "out" / "feed.xml").getroot().iter("{http://www.w3.org/2005/Atom}title")]
    assert "Green\tSynergy & <Co>" in titles
