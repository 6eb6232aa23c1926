"""Every kind of mistake staff can make in data/ gets one exact, actionable message."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from clustersite.data.loading import load_site
from clustersite.data.site_data import Languages
from clustersite.pages.catalogue_words import required_words

ROOT = Path(__file__).resolve().parent / "fixtures" / "example"  # the generator's test site, not the repository's data/
LANGUAGES = Languages(("en", "sr", "bg", "cs"), "en", {"sr": "sr-Latn"})


@pytest.fixture()
def data(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def messages(data: Path) -> list[str]:
    site, problems = load_site(data, LANGUAGES, data.parent, words=required_words())
    assert (site is None) == bool(problems.errors)
    return [str(p) for p in problems.items]


def only(data: Path) -> str:
    found = messages(data)
    assert len(found) == 1, "\n".join(found)
    return found[0]


def test_the_example_fixture_data_is_valid():
    site, problems = load_site(ROOT / "data", LANGUAGES, ROOT)
    assert problems.items == [] and site is not None
    assert len(site.projects) == 3 and len(site.organisations) >= 20 and len(site.events) >= 15


def test_tab_indentation(data):
    (data / "news.yaml").write_text("news:\n\t- id: x\n", encoding="utf-8")
    assert only(data) == (
        "data/news.yaml:2:1: error: a tab character is used for indentation\n"
        "    expected: spaces at the start of the line\n"
        "    found:    a tab\n"
        "    hint:     replace the tab with spaces (YAML does not allow tabs for indentation)")


def test_unclosed_quote(data):
    (data / "events.yaml").write_text('events:\n  - id: "abc\n    type: meeting\n', encoding="utf-8")
    assert only(data) == (
        "data/events.yaml:2:9: error: a quoted text is opened but never closed\n"
        "    expected: a closing quote at the end of the text\n"
        "    found:    a quote here and no matching one before the end of the file\n"
        "    hint:     add the missing closing quote, or remove the opening one")


def test_unknown_key_suggests_the_right_one(data):
    edit(data / "places.yaml", "  - id: bari\n    country: IT", "  - id: bari\n    contry: IT")
    found = messages(data)
    assert (
        "data/places.yaml:12:5: error: places[2].contry: unknown key `contry`\n"
        "    expected: one of `id`, `country`, `name`, `timezone`\n"
        "    found:    `contry`\n"
        "    hint:     did you mean `country`?") in found
    assert any("places[2].country: the required key `country` is missing" in m for m in found)


def test_wrong_type(data):
    edit(data / "places.yaml", "    name: {en: Bari, sr: Bari, bg: Бари, cs: Bari}", "    name: Bari")
    assert only(data) == (
        "data/places.yaml:13:11: error: places[2].name: this value has the wrong form\n"
        "    expected: a block of `key: value` lines\n"
        '    found:    "Bari"\n'
        "    hint:     put the keys of this block on the following lines, indented by two more spaces")


def test_date_that_is_not_a_date(data):
    edit(data / "projects" / "trace-kei.yaml", "date: 2018-02-05", "date: 20 – 02.2018")
    assert only(data) == (
        "data/projects/trace-kei.yaml:405:11: error: events[9].date: this is not a date\n"
        "    expected: a date written YYYY-MM-DD, such as `2016-11-16` (or YYYY-MM for a whole month)\n"
        '    found:    "20 – 02.2018"\n'
        "    hint:     dates are written year first: `2018-02-20`")


def test_end_before_start(data):
    edit(data / "projects" / "trace-kei.yaml", "    end: 2017-06-29", "    end: 2017-05-29")
    assert only(data) == (
        "data/projects/trace-kei.yaml:263:10: error: events[5].end: the event ends before it starts\n"
        "    expected: an end date on or after 2017-06-28\n"
        "    found:    2017-05-29\n"
        "    hint:     check whether `date` and `end` are swapped")


def test_duration_disagrees_with_dates(data):
    edit(data / "projects" / "trace-kei.yaml", "duration_months: 24", "duration_months: 18")
    assert only(data) == (
        "data/projects/trace-kei.yaml:25:20: error: project.duration_months: the stated duration does not agree "
        "with the dates 2016-11-16 to 2018-11-15\n"
        "    expected: 24 months, as the dates give\n"
        "    found:    18 months\n"
        "    hint:     correct the dates or the duration, or remove `duration_months` to have it worked out")


def test_funding_shares_must_add_up(data):
    edit(data / "projects" / "centramo.yaml", "share: 6.04", "share: 6.4")
    assert only(data) == (
        "data/projects/centramo.yaml:25:5: error: project.funding: the funding shares do not add up to 100 %\n"
        "    expected: shares that add up to exactly 100\n"
        "    found:    100.36 %\n"
        "    hint:     check each `share`; write decimals with a point, such as `93.96`")


def test_decimal_comma_gets_a_hint(data):
    edit(data / "projects" / "centramo.yaml", "amount: 425698.75", "amount: 425 698,75")
    assert "hint:     write decimals with a point and no thousands separator: `425698.75`" in only(data)


def test_unknown_references(data):
    edit(data / "projects" / "trace-kei.yaml", "{organisation: agroco, role: partner}", "{organisation: agrocoo, role: partner}")
    edit(data / "events.yaml", "participants: [kyustendil-textile]", "participants: [kyustendil-textile]\n    projects: [trace-ke]")
    found = messages(data)
    assert (
        "data/projects/trace-kei.yaml:133:22: error: project.consortium[4].organisation: there is no organisation "
        "with the id `agrocoo`\n"
        "    expected: the id of an organisation in data/organisations.yaml\n"
        "    found:    `agrocoo`\n"
        "    hint:     did you mean `agroco`?") in found
    assert any("events[1].projects[0]: there is no project with the id `trace-ke`" in m and "did you mean `trace-kei`?" in m
               for m in found)


def test_same_id_twice_across_files(data):
    edit(data / "events.yaml", "  - id: romanian-cluster-conference-2016", "  - id: trace-kei-kick-off")
    assert only(data) == (
        "data/projects/trace-kei.yaml:138:9: error: events[0].id: the id `trace-kei-kick-off` is already used\n"
        "    expected: an id no other event has\n"
        "    found:    `trace-kei-kick-off`, also at data/events.yaml:6 (events[0])\n"
        "    hint:     give one of them a different id, or remove the copy")


@pytest.mark.parametrize("role, found", [("coordinator", "2 (`dare`, `innoskart`)"), (None, "0 (none)")])
def test_exactly_one_coordinator(data, role, found):
    path = data / "projects" / "trace-kei.yaml"
    if role:
        edit(path, "{organisation: innoskart, role: partner}", "{organisation: innoskart, role: coordinator}")
    else:
        edit(path, "{organisation: dare, role: coordinator}", "{organisation: dare, role: partner}")
    assert only(data) == (
        "data/projects/trace-kei.yaml:129:5: error: project.consortium: a consortium has exactly one coordinator\n"
        "    expected: one member with `role: coordinator`\n"
        f"    found:    {found}\n"
        "    hint:     mark the lead partner `coordinator` and the others `partner` or `associated`")


def test_unknown_country_code(data):
    edit(data / "places.yaml", "country: IT", "country: XY")
    assert only(data) == (
        "data/places.yaml:12:14: error: places[2].country: this is not a known country code\n"
        "    expected: a two-letter ISO 3166-1 code, such as `IT` or `RS`\n"
        '    found:    "XY"\n'
        "    hint:     look the code up in the ISO 3166-1 alpha-2 list, for example `RS` for Serbia, `CZ` for Czechia")


def test_yaml_11_implicit_types_stay_text(data):
    """NO (Norway), yes/on, 08:30 and 0123 are what staff typed, not booleans or numbers."""
    edit(data / "places.yaml", "places:\n", "places:\n  - id: oslo\n    country: NO\n    name: {en: yes, sr: on, bg: Осло, cs: '0123'}\n")
    edit(data / "events.yaml", '    time: "11:00"', "    time: 08:30")
    edit(data / "projects" / "trace-kei.yaml", "call: COS-CLUSTER-2015-3-02", "call: 0123")
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert problems.items == []
    assert site.places["oslo"].country == "NO"
    assert dict(site.places["oslo"].name) == {"en": "yes", "sr": "on", "bg": "Осло", "cs": "0123"}
    assert site.events["kyustendil-textile-cluster-10-years"].time == "08:30"
    assert site.projects["trace-kei"].call == "0123"


@pytest.mark.parametrize("wrong, right, column", [("rs", "sr", 22), ("cz", "cs", 42)])
def test_unknown_language_key(data, wrong, right, column):
    edit(data / "places.yaml", f"{right}: Bari", f"{wrong}: Bari")
    assert only(data) == (
        f"data/places.yaml:13:{column}: error: places[2].name.{wrong}: `{wrong}` is not one of the site's languages\n"
        "    expected: one of `en`, `sr`, `bg`, `cs`\n"
        f"    found:    `{wrong}`\n"
        f"    hint:     did you mean `{right}`? `{wrong}` is a country code; the language code is `{right}`")


def test_funding_amounts_give_the_shares_and_must_fit_the_budget(data):
    project = data / "projects" / "centramo.yaml"
    edit(project, "share: 93.96", "amount: 399986.55")
    edit(project, "share: 6.04", "amount: 25712.20")
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert problems.items == []
    from clustersite.data.funding import funding_lines

    assert [(line.share, line.amount.amount) for line in funding_lines(site.projects["centramo"])] == [
        (Decimal("93.96"), Decimal("399986.55")), (Decimal("6.04"), Decimal("25712.20"))]
    edit(project, "amount: 25712.20", "amount: 425712.20")
    assert only(data) == (
        "data/projects/centramo.yaml:25:5: error: project.funding: the funding amounts add up to more than the budget\n"
        "    expected: at most 425698.75 EUR\n"
        "    found:    825698.75 EUR\n"
        "    hint:     check each `amount` and the budget; write numbers with a point and no separators, such as `4999000`")


def test_funding_is_all_shares_or_all_amounts(data):
    edit(data / "projects" / "centramo.yaml", "share: 6.04", "amount: 25712.20")
    assert only(data).splitlines()[:3] == [
        "data/projects/centramo.yaml:25:5: error: project.funding: each funding source needs either a `share:` or an `amount:`, "
        "the same for all sources",
        "    expected: `share: 93.96` (per cent) on every source, or `amount: 4999000` on every source",
        "    found:    amount, share"]


def test_funding_amounts_need_the_budget(data):
    project = data / "projects" / "centramo.yaml"
    edit(project, "share: 93.96", "amount: 399986.55")
    edit(project, "share: 6.04", "amount: 25712.20")
    edit(project, "  budget:\n    amount: 425698.75\n    currency: EUR\n", "")
    assert "error: project.funding: funding amounts need the project's total cost" in only(data)


def test_missing_translation_is_a_note(data):
    edit(data / "places.yaml", "name: {en: Bari, sr: Bari, bg: Бари, cs: Bari}", "name: {en: Bari, sr: Bari, bg: Бари}")
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert site is not None and problems.errors == [] and problems.warnings == []
    assert [str(w) for w in problems.notes] == [
        "data/places.yaml:13:11: note: places[2].name: the text is not translated into `cs`\n"
        "    expected: a line for each language: en, sr, bg, cs\n"
        "    found:    only `en`, `sr`, `bg`\n"
        "    hint:     add the translation; until then visitors see the English text marked 'not yet translated'"]
    assert problems.untranslated == problems.notes and problems.notes[0].missing_languages == ("cs",)
    assert problems.report().endswith("0 errors, 0 warnings, 1 text not yet translated in data/.")


def test_missing_translation_is_a_warning_where_translations_are_required(data):
    edit(data / "places.yaml", "name: {en: Bari, sr: Bari, bg: Бари, cs: Bari}", "name: {en: Bari, sr: Bari, bg: Бари}")
    edit(data / "site.yaml", "translations: optional", "translations: required")
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert site is not None and problems.errors == [] and problems.notes == []
    assert [str(w).splitlines()[0] for w in problems.warnings] == [
        "data/places.yaml:13:11: warning: places[2].name: the text is not translated into `cs`"]
    assert problems.untranslated == problems.warnings


def test_the_translation_policy_is_one_of_two_words(data):
    edit(data / "site.yaml", "translations: optional", "translations: mandatory")
    message = only(data)
    assert message.startswith("data/site.yaml:74:15: error: translations: this value is not one of the allowed words\n")
    assert "expected: one of 'optional' or 'required'" in message


def test_missing_ui_word_is_an_error(data):
    edit(data / "ui.yaml", "    cs: Úvodní setkání\n", "")
    assert "error: event_types.kick-off: the text is not translated into `cs`" in only(data)


def test_javascript_link_is_an_error(data):
    edit(data / "news.yaml", "TRACE-KEI aims to raise", "[TRACE-KEI](javascript:alert(1)) aims to raise")
    assert "this text links to an address that is not allowed" in only(data)


def test_empty_file(data):
    (data / "news.yaml").write_text("\n", encoding="utf-8")
    assert only(data) == (
        "data/news.yaml: error: the file is empty\n"
        "    expected: YAML data, for example `organisations:` followed by a list\n"
        "    found:    an empty file\n"
        "    hint:     restore the file from version control, or delete it if it is not needed")


def test_file_not_in_utf8(data):
    (data / "news.yaml").write_bytes("news:\n  - id: caf\xe9\n".encode("latin-1"))
    assert only(data) == (
        "data/news.yaml:2:12: error: the file is not saved as UTF-8 text\n"
        "    expected: UTF-8 text\n"
        "    found:    the byte 0xE9, which is not UTF-8\n"
        "    hint:     in your editor choose 'Save with encoding' and pick UTF-8")


def test_byte_order_mark_is_accepted(data):
    path = data / "news.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert problems.items == [] and site is not None


def test_every_problem_is_reported_in_one_run(data):
    edit(data / "places.yaml", "country: IT", "country: XY")
    edit(data / "projects" / "trace-kei.yaml", "duration_months: 24", "duration_months: 18")
    (data / "news.yaml").write_text("news:\n\t- id: x\n", encoding="utf-8")
    assert len(messages(data)) == 3


def test_a_word_the_pages_need_cannot_be_deleted(data):
    entry = "  next_event:\n    en: Next event\n    sr: Sledeći događaj\n    bg: Следващо събитие\n    cs: Následující akce\n"
    edit(data / "ui.yaml", entry, "")
    assert only(data) == (
        "data/ui.yaml:145:3: error: words: the entry `next_event` is missing\n"
        "    expected: `next_event:` under `words:`, with its text in every language\n"
        "    found:    no such entry\n"
        "    hint:     add `next_event:` with a line for each of the site's languages; the generated pages use it")


def test_the_required_word_list_covers_every_word_the_code_uses():
    import re

    code = "".join(p.read_text(encoding="utf-8") for p in (Path(__file__).resolve().parent.parent / "hooks" / "clustersite").rglob("*.py"))
    used = {word for pair in re.findall(r"""\bv\.t\(["']([a-z_]+)["']\)|words\[["']([a-z_]+)["']\]""", code)
            for word in pair if word}
    assert len(used) > 5 and used <= required_words()
    shipped = __import__("yaml").safe_load((ROOT / "data" / "ui.yaml").read_text(encoding="utf-8"))["words"]
    assert required_words() <= set(shipped)
