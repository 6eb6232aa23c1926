"""The fast YAML reader gives the same records as the exact one, or hands the file over to it.

yaml_reader.load (yaml-rs) reads YAML 1.2 and so types `0123`, `1.50` and `true`;
yaml_reader.load_exact keeps every scalar as typed. Whatever the model would see
differently must send the file to the exact reader.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from clustersite.data import loading, yaml_reader
from clustersite.data.loading import load_site
from clustersite.data.site_data import Languages
from clustersite.data.validation_notes import validation_context

ROOT = Path(__file__).resolve().parent / "fixtures" / "example"  # the generator's test site, not the repository's data/
LANGUAGES = Languages(("en", "sr", "bg", "cs"), "en", {"sr": "sr-Latn"})
CONTEXT = validation_context(LANGUAGES.codes, LANGUAGES.default)


@pytest.fixture()
def data(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("path, model", loading.data_files(ROOT / "data"), ids=lambda v: getattr(v, "name", ""))
def test_both_readers_give_the_same_records_for_the_shipped_data(path, model):
    fast = yaml_reader.load(path, path.name)
    exact = yaml_reader.load_exact(yaml_reader.Source(fast.file, None, fast.raw, exact=False))
    assert exact.exact
    fast_file, fast_problems = loading._validated(model, fast, CONTEXT)
    exact_file, exact_problems = loading._validated(model, exact, CONTEXT)
    assert fast_problems == exact_problems == []
    assert fast_file.record == exact_file.record
    assert fast_file.record.model_dump() == exact_file.record.model_dump()


def test_shipped_data_is_read_by_the_fast_reader():
    """The shipped files never need the slow reader (numbers and booleans sit in number and yes/no fields)."""
    for path, model in loading.data_files(ROOT / "data"):
        file, _ = loading._validated(model, yaml_reader.load(path, path.name), CONTEXT)
        assert not file.source.exact, path.name


def test_text_that_yaml_12_types_is_read_again_as_typed(data):
    edit(data / "projects" / "trace-kei.yaml", "call: COS-CLUSTER-2015-3-02", "call: 0123\n  grant_agreement: 1.50")
    edit(data / "places.yaml", "name: {en: Bari, sr: Bari, bg: Бари, cs: Bari}", "name: {en: true, sr: 1e3, bg: Бари, cs: 0x1F}")
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert problems.items == []
    assert (site.projects["trace-kei"].call, site.projects["trace-kei"].grant_agreement) == ("0123", "1.50")
    assert dict(site.places["bari"].name) == {"en": "true", "sr": "1e3", "bg": "Бари", "cs": "0x1F"}


def test_numbers_keep_their_decimal_value(data):
    path = data / "projects" / "centramo.yaml"
    file, _ = loading._validated(loading.ProjectFile, yaml_reader.load(path, "centramo.yaml"), CONTEXT)
    assert not file.source.exact
    assert file.record.project.budget.amount == Decimal("425698.75")
    assert [share.share for share in file.record.project.funding] == [Decimal("93.96"), Decimal("6.04")]


def test_a_number_too_long_for_a_float_is_read_as_typed(data):
    edit(data / "projects" / "centramo.yaml", "amount: 425698.75", "amount: 12345678901234567.89")
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert problems.errors == []
    assert site.projects["centramo"].budget.amount == Decimal("12345678901234567.89")


def test_a_key_written_twice_is_reported_by_the_exact_reader(data):
    edit(data / "places.yaml", "  - id: bari\n", "  - id: bari\n    id: bari\n")
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert site is None
    assert [str(p).splitlines()[0] for p in problems.errors] == [
        "data/places.yaml:12:5: error: places[2].id: the key `id` is written twice in the same block"]


def test_two_documents_in_one_file_are_an_error(data):
    path = data / "news.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "---\nnews: []\n", encoding="utf-8")
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert site is None
    assert "data/news.yaml" in str(problems.errors[0]) and "the YAML structure is broken here" in str(problems.errors[0])


def test_text_ending_in_a_line_break_is_stripped(data):
    edit(data / "places.yaml", "name: {en: Bari, sr: Bari, bg: Бари, cs: Bari}", 'name: {en: "Bari\\n", sr: " Bari", bg: Бари, cs: Bari}')
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert problems.items == []
    assert dict(site.places["bari"].name) == {"en": "Bari", "sr": "Bari", "bg": "Бари", "cs": "Bari"}


def test_a_reference_style_javascript_link_is_an_error(data):
    edit(data / "news.yaml", "        TRACE-KEI aims to raise",
         "        [1]: javascript:alert(1)\n\n        [TRACE-KEI][1] aims to raise")
    site, problems = load_site(data, LANGUAGES, data.parent)
    assert site is None
    assert [str(p).splitlines()[:3] for p in problems.errors] == [[
        "data/news.yaml:24:11: error: news[0].body.en: this text links to an address that is not allowed",
        "    expected: links starting with https://, http:// or mailto:, or relative links",
        "    found:    `javascript:alert(1)`"]]
