"""Validation of the events' reporting fields and of data/reporting.yaml: file, line, what is wrong, the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from clustersite.data.loading import load_site
from clustersite.data.site_data import Languages
from test_report import make_site

LANGUAGES = Languages(("en", "sr", "bg", "cs"), "en", {"sr": "sr-Latn"})


@pytest.fixture()
def data(tmp_path) -> Path:
    return make_site(tmp_path) / "data"


def only(data: Path, file: str, old: str, new: str) -> str:
    """The one problem an edit makes, as staff read it."""
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert site is None and len(problems.items) == 1, problems.report()
    return str(problems.items[0])


def test_the_fixture_is_valid(data):
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert site is not None and not problems.items, problems.report()


def test_audience_from_the_catalogue(data):
    assert only(data, "projects/demo.yaml", "audience: [industry, smes]", "audience: [industry, smse]") == (
        "data/projects/demo.yaml:21:26: error: events[0].audience[1]: this type is not in the list of types\n"
        "    expected: one of the `audiences` in data/ui.yaml: `scientific-community`, `industry`, `smes`, "
        "`civil-society`, `general-public`, `policy-makers`, `media`, `investors`\n"
        "    found:    `smse`\n"
        "    hint:     did you mean `smes`?")


@pytest.mark.parametrize("value", ["about 40", "-5", "0", "true", "{about: many}"])
def test_audience_size_is_a_number_or_an_estimate(data, value):
    assert only(data, "projects/demo.yaml", "audience_size: {about: 40}", f"audience_size: {value}").startswith(
        "data/projects/demo.yaml:32:20: error: events[1].audience_size: this is not a number of people\n"
        "    expected: a whole number above 0, such as `120`; or `about: 120` for an estimate, "
        "`at_least: 50` for \"more than 50\"\n")


def test_an_estimate_has_one_number(data):
    assert only(data, "projects/demo.yaml", "audience_size: {about: 40}", "audience_size: {about: 40, at_least: 30}") == (
        "data/projects/demo.yaml:32:20: error: events[1].audience_size: an estimate needs exactly one number\n"
        "    expected: `about: 120` or `at_least: 50`\n"
        "    found:    both\n"
        "    hint:     keep one of the two keys; write an exact number without either, such as `audience_size: 120`")


@pytest.mark.parametrize(("code", "hint"), [("UK", "the ISO code of the United Kingdom is `GB`"), ("sk", "write `SK`"), ("XX", "look")])
def test_countries_addressed_are_iso_codes(data, code, hint):
    message = only(data, "projects/demo.yaml", "countries_addressed: [CZ, SK]", f"countries_addressed: [CZ, {code}]")
    assert message.startswith("data/projects/demo.yaml:45:31: error: events[2].countries_addressed[1]: ")
    assert f"    hint:     {hint}" in message


def test_lead_is_a_known_organisation(data):
    assert only(data, "projects/demo.yaml", "lead: gamma", "lead: gama") == (
        "data/projects/demo.yaml:42:11: error: events[2].lead: there is no organisation with the id `gama`\n"
        "    expected: the id of an organisation in data/organisations.yaml\n"
        "    found:    `gama`\n"
        "    hint:     did you mean `gamma`?")


def test_each_event_type_in_one_category(data):
    assert only(data, "reporting.yaml", "event_types: [training]", "event_types: [training, workshop]") == (
        "data/reporting.yaml:7:18: error: categories[2].event_types: the event type `workshop` is in two categories\n"
        "    expected: each event type in one category only\n"
        "    found:    `workshop` under \"Organisation of a workshop\" and \"Training\"\n"
        "    hint:     remove it from one of the two categories")


def test_categories_name_known_event_types(data):
    assert only(data, "reporting.yaml", "[conference]", "[conferense]").startswith(
        "data/reporting.yaml:3:19: error: categories[0].event_types[0]: this type is not in the list of types\n")
