"""Each mistake in the dissemination keys (results, pictures, logos, contacts, funding) gets one exact message with file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clustersite.data.loading import load_site
from clustersite.data.site_data import Languages
from clustersite.pages.catalogue_words import required_words
from conftest import DISSEMINATION, EXAMPLE
from test_validation import edit, messages

LANGUAGES = Languages(("en", "sr", "bg", "cs"), "en", {"sr": "sr-Latn"})


@pytest.fixture()
def data(tmp_path) -> Path:
    shutil.copytree(DISSEMINATION / "data", tmp_path / "data")
    shutil.copytree(DISSEMINATION / "docs", tmp_path / "docs")
    shutil.copy(EXAMPLE / "data" / "ui.yaml", tmp_path / "data" / "ui.yaml")
    return tmp_path / "data"


def errors(data: Path) -> list[str]:
    """The errors the data has; its warnings aside (the fixture leaves an alt text untranslated on purpose)."""
    return [message for message in messages(data) if ": error: " in message.splitlines()[0]]


def only_error(data: Path) -> str:
    assert len(found := errors(data)) == 1, "\n".join(found)
    return found[0]


def test_fixture_data_is_valid_with_one_untranslated_alt_text(data):
    site, problems = load_site(data, LANGUAGES, data.parent, words=required_words())
    assert site is not None and problems.errors == []
    assert problems.warnings == []  # a missing translation is a note unless site.yaml says `translations: required`
    assert [str(w).splitlines()[0] for w in problems.untranslated] == [
        "data/projects/alpha.yaml:44:11: note: events[0].images[0].alt: the text is not translated into `cs`"]
    assert len(site.results) == 5 and site.file_sizes == {"files/alpha-d2-1.pdf": 1_234_567}
    assert site.images["assets/pictures/meeting.jpg"].width == 2000 and site.images["assets/logos/north.svg"].height == 100


def test_result_file_that_does_not_exist(data):
    edit(data / "results.yaml", "file: files/alpha-d2-1.pdf", "file: files/alpha-d2-2.pdf")
    assert only_error(data) == (
        "data/results.yaml:9:11: error: results[0].file: the attached file does not exist\n"
        "    expected: a file at docs/files/alpha-d2-2.pdf\n"
        "    found:    no such file\n"
        "    hint:     put the file under docs/ or correct the path; paths are relative to docs/")


def test_result_url_that_is_not_https(data):
    edit(data / "results.yaml", "url: https://zenodo.org/records/7654321", "url: http://zenodo.org/records/7654321")
    assert only_error(data) == (
        "data/results.yaml:36:10: error: results[2].url: this address is not a secure https:// address\n"
        "    expected: a full address starting with https://\n"
        "    found:    \"http://zenodo.org/records/7654321\"\n"
        "    hint:     write `https://zenodo.org/records/7654321` if the site answers there")


def test_malformed_doi(data):
    edit(data / "results.yaml", "https://doi.org/10.5281/zenodo.1234567", "https://doi.org/zenodo.1234567")
    assert only_error(data) == (
        "data/results.yaml:25:10: error: results[1].url: this DOI is not well formed\n"
        "    expected: https://doi.org/ followed by a DOI such as `10.5281/zenodo.1234567`\n"
        "    found:    \"https://doi.org/zenodo.1234567\"\n"
        "    hint:     copy the DOI from the publisher's or Zenodo's page; it starts with `10.` and has a `/`")


def test_result_of_an_unknown_project(data):
    edit(data / "results.yaml", "project: alpha\n    type: publication", "project: alfa\n    type: publication")
    assert only_error(data) == (
        "data/results.yaml:21:14: error: results[1].project: there is no project with the id `alfa`\n"
        "    expected: the id of a project in data/projects/\n"
        "    found:    `alfa`\n"
        "    hint:     did you mean `alpha`?")


def test_result_by_an_unknown_partner(data):
    edit(data / "results.yaml", "partners: [east-network]", "partners: [west-network]")
    assert only_error(data) == (
        "data/results.yaml:56:16: error: results[4].partners[0]: there is no organisation with the id `west-network`\n"
        "    expected: the id of an organisation in data/organisations.yaml\n"
        "    found:    `west-network`\n"
        "    hint:     did you mean `east-network`?")


def test_result_type_not_in_the_catalogue(data):
    edit(data / "results.yaml", "type: software", "type: sofware")
    message = only_error(data)
    assert message.startswith("data/results.yaml:44:11: error: results[3].type: this type is not in the list of types\n")
    assert message.endswith("    hint:     did you mean `software`?")


def test_result_with_both_a_file_and_a_link(data):
    edit(data / "results.yaml", "file: files/alpha-d2-1.pdf", "file: files/alpha-d2-1.pdf\n    url: https://example.org/d2-1")
    assert only_error(data) == (
        "data/results.yaml:10:10: error: results[0].url: the result has both a file and a link\n"
        "    expected: either `file:` (a document under docs/) or `url:` (where it is published)\n"
        "    found:    both\n"
        "    hint:     keep the one visitors should open; put the other in the summary if needed")


def test_picture_on_another_host(data):
    edit(data / "news.yaml", "file: assets/pictures/meeting.jpg", "file: https://cdn.example.com/meeting.jpg")
    assert only_error(data) == (
        "data/news.yaml:16:15: error: news[0].images[0].file: this picture is on another site\n"
        "    expected: a file under docs/assets/, such as `assets/pictures/name.jpg`\n"
        "    found:    \"https://cdn.example.com/meeting.jpg\"\n"
        "    hint:     download the file, put it under docs/assets/ and write its path here: "
        "a picture on another host is a request to a third party on every visit")


def test_picture_without_alt_text(data):
    edit(data / "news.yaml", "        alt:\n          en: Partners around a table\n          sr: Partneri za stolom\n"
                             "          bg: Партньори около маса\n          cs: Partneři u stolu\n", "")
    assert only_error(data) == (
        "data/news.yaml:16:9: error: news[0].images[0].alt: the picture has no alt text\n"
        "    expected: `alt:` with what the picture shows, in each language\n"
        "    found:    no alt text\n"
        "    hint:     describe the picture for people who cannot see it, or add `decorative: true` if it adds nothing")


def test_picture_file_that_does_not_exist(data):
    edit(data / "news.yaml", "assets/pictures/meeting.jpg", "assets/pictures/meting.jpg")
    assert only_error(data).startswith("data/news.yaml:16:15: error: news[0].images[0].file: the attached file does not exist\n")


def test_logo_in_a_format_the_site_does_not_show(data):
    edit(data / "organisations.yaml", "logo: assets/logos/south.png", "logo: assets/logos/south.gif")
    assert only_error(data) == (
        "data/organisations.yaml:19:11: error: organisations[1].logo: this logo is not in a format the site shows\n"
        "    expected: a file ending in `.svg`, `.png`, `.jpg`, `.jpeg`, `.webp`\n"
        "    found:    \"assets/logos/south.gif\"\n"
        "    hint:     save the picture as SVG, PNG, JPEG or WebP")


def test_logo_outside_assets(data):
    edit(data / "organisations.yaml", "logo: assets/logos/south.png", "logo: files/south.png")
    assert only_error(data).startswith(
        "data/organisations.yaml:19:11: error: organisations[1].logo: the logo is not under docs/assets/\n")


def test_partner_website_must_be_https(data):
    edit(data / "organisations.yaml", "website: https://north-cluster", "website: http://north-cluster")
    assert only_error(data).startswith(
        "data/organisations.yaml:8:14: error: organisations[0].website: this address is not a secure https:// address\n")


def test_partner_contact_email_and_phone(data):
    edit(data / "organisations.yaml", "email: office@north-cluster.fixture.example", "email: Office <office@north>")
    edit(data / "organisations.yaml", "phone: +381 11 765 4321", "phone: call the office")
    assert errors(data) == [
        "data/organisations.yaml:11:14: error: organisations[0].contact.email: this is not an e-mail address\n"
        "    expected: an address such as `info@example.org`\n"
        "    found:    \"Office <office@north>\"\n"
        "    hint:     write the address alone, without `mailto:` or a name",
        "data/organisations.yaml:12:14: error: organisations[0].contact.phone: this is not a phone number in international form\n"
        "    expected: `+`, the country code and the number, such as `+381 11 123 4567`\n"
        "    found:    \"call the office\"\n"
        "    hint:     write the number with its country code; spaces are fine, letters are not",
    ]


def test_funding_wording_must_match_the_english_statement(data):
    edit(data / "site.yaml", "wording: co-funded", "wording: funded")
    assert only_error(data) == (
        "data/site.yaml:4:5: error: funding.statement: the English statement does not match `wording: funded`\n"
        "    expected: `en: Funded by the European Union`\n"
        "    found:    `Co-funded by the European Union`\n"
        "    hint:     write the statement your grant agreement prescribes, or change `wording`")


def test_unknown_social_platform_and_non_https_newsletter(data):
    edit(data / "site.yaml", "  mastodon:", "  myspace:")
    edit(data / "site.yaml", "newsletter: https://", "newsletter: http://")
    found = errors(data)
    assert len(found) == 2
    assert found[0].startswith("data/site.yaml:33:12: error: social.myspace.[key]: this value is not one of the allowed words")
    assert "mastodon" in found[0] and "instagram" in found[0]
    assert found[1].startswith("data/site.yaml:40:13: error: newsletter: this address is not a secure https:// address")


def test_document_language_must_be_a_language_code(data):
    edit(data / "results.yaml", "languages: [en, it]", "languages: [en, english]")
    assert only_error(data).startswith("data/results.yaml:8:21: error: results[0].languages[1]: this is not a language code\n")


def test_picture_from_another_host_in_markdown_text(data):
    body = ("    body:\n      en: |\n        The partners met.\n\n        ![The table](https://cdn.example.com/table.jpg)\n"
            "      sr: Partneri su se sastali.\n      bg: Партньорите се срещнаха.\n"
            "      cs: \"Partneři se sešli. ![stůl][foto]\\n\\n[foto]: //cdn.example.com/stul.jpg\"\n")
    edit(data / "news.yaml", "    images:\n", body + "    images:\n")
    assert errors(data) == [
        "data/news.yaml:16:11: error: news[0].body.en: this text shows a picture from another site\n"
        "    expected: pictures stored with the site, under docs/assets/\n"
        "    found:    `https://cdn.example.com/table.jpg`\n"
        "    hint:     put the file under docs/assets/ and show it through the item's `images:` list: "
        "a picture on another host is a request to a third party on every visit",
        "data/news.yaml:22:11: error: news[0].body.cs: this text shows a picture from another site\n"
        "    expected: pictures stored with the site, under docs/assets/\n"
        "    found:    `//cdn.example.com/stul.jpg`\n"
        "    hint:     put the file under docs/assets/ and show it through the item's `images:` list: "
        "a picture on another host is a request to a third party on every visit",
    ]


def test_a_picture_stored_with_the_site_in_markdown_text_is_accepted(data):
    body = "    body:\n      en: \"![The table](../../assets/pictures/small.png) and [a link](https://example.org)\"\n"
    edit(data / "news.yaml", "    images:\n", body + "    images:\n")
    assert errors(data) == []


def test_picture_that_cannot_be_read(data):
    (data.parent / "docs" / "assets" / "pictures" / "small.png").write_bytes(b"not a picture")
    assert only_error(data) == (
        "data/projects/alpha.yaml:53:15: error: events[0].images[1].file: this picture cannot be read\n"
        "    expected: a PNG, JPEG or WebP file, or an SVG with a viewBox\n"
        "    found:    docs/assets/pictures/small.png, which is not one of these inside\n"
        "    hint:     open the picture and save it again as PNG, JPEG or WebP")
