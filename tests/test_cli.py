"""The staff commands: validate, translations and schema; none of them writes into data/ or docs/."""

from __future__ import annotations

import difflib
import subprocess
import sys

from conftest import tree_digest


def run(project, *args):
    return subprocess.run([sys.executable, "-m", "clustersite.cli", *args, "--config", str(project / "mkdocs.yml")],
                          capture_output=True, text=True, timeout=120)


def test_validate_lists_every_problem_and_fails(project_copy):
    places = project_copy / "data" / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8").replace("country: IT", "country: it").replace("bg: Будапеща, ", ""),
                      encoding="utf-8")
    before = (tree_digest(project_copy / "data"), tree_digest(project_copy / "docs"))
    result = run(project_copy, "validate")
    assert result.returncode == 1
    assert "data/places.yaml:12:14: error: places[2].country: country codes are written in capitals" in result.stdout
    assert "data/places.yaml:16:11: note: places[3].name: the text is not translated into `bg`" in result.stdout
    assert result.stdout.rstrip().endswith("1 error, 0 warnings, 1 text not yet translated in data/.")
    assert "Traceback" not in result.stderr
    assert (tree_digest(project_copy / "data"), tree_digest(project_copy / "docs")) == before


def test_translations_report_per_language(project_copy):
    places = project_copy / "data" / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8").replace(", cs: Bari}", "}"), encoding="utf-8")
    result = run(project_copy, "translations")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "en: 0 missing", "sr: 0 missing", "bg: 0 missing", "cs: 1 missing", "    data/places.yaml:13:11  places[2].name"]


def test_validate_passes_on_the_shipped_data(project_copy):
    result = run(project_copy, "validate")
    assert result.returncode == 0 and result.stdout.strip() == "0 errors, 0 warnings in data/."


def test_adding_a_language_writes_every_catalogue_entry_marked_and_keeps_the_file_as_it_was(fixture_copy):
    import yaml

    project = fixture_copy("horizon")
    ui_file = project / "data" / "ui.yaml"
    before = ui_file.read_text(encoding="utf-8")
    result = run(project, "translations", "--add", "de")
    assert result.returncode == 0, result.stderr
    entries = [key for section in yaml.safe_load(before).values() for key in section]
    assert result.stdout.splitlines() == [
        f"data/ui.yaml: {len(entries)} entries got a `de:` line with the en text, marked `# TODO: translate`",
        "next: add `de` to the languages of the i18n plugin in mkdocs.yml"]
    after = ui_file.read_text(encoding="utf-8")
    steps = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False).get_opcodes()
    assert {tag for tag, *_ in steps} == {"equal", "insert"}  # every comment and line kept as it was, in its order
    added = [line for tag, _, _, j1, j2 in steps if tag == "insert" for line in after.splitlines()[j1:j2]]
    assert len([line for line in added if line.endswith("# TODO: translate")]) == len(entries)
    catalogue = yaml.safe_load(after)
    for section in catalogue.values():
        for key, texts in section.items():
            assert texts["de"] == texts["en"], key
    assert run(project, "translations", "--add", "de").stdout.startswith("data/ui.yaml: 0 entries")
    assert ui_file.read_text(encoding="utf-8") == after

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "        - locale: de\n          name: Deutsch\n          build: true\n"
                      "          theme:\n            language: de\n", encoding="utf-8")
    validate = run(project, "validate")
    assert validate.returncode == 0 and validate.stdout.splitlines()[-1].startswith("0 errors, 0 warnings"), validate.stdout[-2000:]
    report = run(project, "translations").stdout.splitlines()
    assert report[0] == "en: 0 missing"
    assert any(line.startswith("de: ") and line.endswith(f", {len(entries)} in data/ui.yaml marked `# TODO: translate`")
               for line in report), report


def test_a_country_code_is_not_added_as_a_language(fixture_copy):
    project = fixture_copy("horizon")
    result = run(project, "translations", "--add", "cz")
    assert result.returncode == 2 and "error: `cz` is" in result.stderr


def test_adding_a_language_to_flow_and_block_entries(tmp_path):
    from clustersite.data.add_language import add_language

    ui_file = tmp_path / "ui.yaml"
    ui_file.write_text(
        "# the words\n"
        "words:\n"
        "  home: {en: Home, cs: Úvod}\n"
        "  search: {en: \"Search: all\", cs: Hledat}  # kept\n"
        "  intro:\n"
        "    en: |-\n"
        "      Two\n"
        "      lines\n"
        "    cs: Dva řádky\n"
        "\n"
        "  last:\n"
        "    en: Last  # a note\n", encoding="utf-8")
    assert add_language(ui_file, "de", "en") == 4
    assert ui_file.read_text(encoding="utf-8") == (
        "# the words\n"
        "words:\n"
        "  home: {en: Home, cs: Úvod, de: Home}  # TODO: translate\n"
        "  search: {en: \"Search: all\", cs: Hledat, de: \"Search: all\"}  # kept  # TODO: translate\n"
        "  intro:\n"
        "    en: |-\n"
        "      Two\n"
        "      lines\n"
        "    cs: Dva řádky\n"
        "    de: |-  # TODO: translate\n"
        "      Two\n"
        "      lines\n"
        "\n"
        "  last:\n"
        "    en: Last  # a note\n"
        "    de: Last  # TODO: translate\n")


def test_the_translation_report_lists_pages_of_docs_too(fixture_copy):
    project = fixture_copy("horizon")  # its Czech summary of one news item and its Czech privacy page are still to come
    result = run(project, "translations")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "en: 0 missing", "cs: 2 missing", "    data/news.yaml:27:7  news[1].summary", "    docs/privacy.md  (no docs/privacy.cs.md yet)"]
