"""`clustersite new`: a copy of the repository becomes a new project's site that builds at once."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clustersite.new_site import command as new_site
from clustersite.new_site.config_edits import rewrite_config
from clustersite.new_site.file_edits import retarget_languages
from clustersite.new_site.making import EXAMPLE_FILES, changed_files
from conftest import EXAMPLE, ROOT, run_build

OPTIONS = ["--acronym", "ALPFOOD", "--title", "Alpine Food Network", "--programme", "Interreg Alpine Space",
           "--start", "2026-01-01", "--end", "2028-12-31", "--site-name", "Alpine Food Network"]
EXAMPLE_NAMES = re.compile(r"trace-kei|centramo|balkan-cluster|TRACE-KEI|CENTRAMO|House of Clusters|FEMAC|Madan Parque", re.I)
EMPTY = {"en": "No events yet.", "sr": "Još nema događaja.", "sr-cyrl": "Још нема догађаја.", "bg": "Все още няма събития.",
         "cs": "Zatím žádné akce."}


def copy_repository(target: Path, content: Path = EXAMPLE) -> Path:
    """The template as staff copy it: the generator's parts, with `content`'s data/, docs/ and mkdocs.yml (the example's)."""
    for name in ("data", "docs"):
        shutil.copytree(content / name, target / name)
    shutil.copy(content / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("overrides", "hooks", "schemas", "docs/assets"):
        if not (target / name).exists():
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return target


def clustersite(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "clustersite.cli", *args], cwd=folder, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)


def holds_the_example(root: Path) -> bool:
    """Whether the repository still carries the example projects (the template), not a project's own site."""
    recorded = [line.split("  ", 1)[1] for line in EXAMPLE_FILES.read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")]
    return all((root / name).exists() for name in recorded if name.startswith("data/projects/"))


@pytest.fixture(scope="module")
def new(tmp_path_factory) -> Path:
    folder = copy_repository(tmp_path_factory.mktemp("new") / "project")
    result = clustersite(folder, "new", *OPTIONS, "--languages", "en,sr,bg,cs")
    assert result.returncode == 0, result.stderr
    assert "Made the site of ALPFOOD in en, sr, sr-cyrl, bg, cs." in result.stdout
    return folder


@pytest.fixture(scope="module")
def built(new, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("new-site") / "site"
    result = run_build(site, config=new / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_the_example_is_gone_and_the_interface_words_stay(new):
    assert [p.name for p in (new / "data" / "projects").iterdir()] == ["alpfood.yaml"]
    for name in ("events", "news", "organisations", "places"):
        assert re.search(rf"^{name}: \[\]$", (new / "data" / f"{name}.yaml").read_text(encoding="utf-8"), re.M), name
    for path in [*(new / "data").rglob("*.yaml"), *(new / "docs").glob("*.md"), new / "mkdocs.yml"]:
        assert not EXAMPLE_NAMES.search(path.read_text(encoding="utf-8")), path
    assert (new / "data" / "ui.yaml").read_text(encoding="utf-8") == (EXAMPLE / "data" / "ui.yaml").read_text(encoding="utf-8")
    project = (new / "data" / "projects" / "alpfood.yaml").read_text(encoding="utf-8")
    assert 'en: "Alpine Food Network"' in project and 'sr: "[FILL IN: the title in Serbian]"' in project
    assert "start: 2026-01-01\n  end: 2028-12-31\n" in project


def test_the_new_site_builds_strict_with_an_empty_state_on_every_page_type_in_every_language(built):
    prefixes = {"en": "", "sr": "sr/", "sr-cyrl": "sr-cyrl/", "bg": "bg/", "cs": "cs/"}
    for code, prefix in prefixes.items():
        events = (built / prefix / "events" / "index.html").read_text(encoding="utf-8")
        assert f'<p class="empty-state">{EMPTY[code]}</p>' in events, code
        for page in ("news", "partners"):
            assert 'class="empty-state"' in (built / prefix / page / "index.html").read_text(encoding="utf-8"), (code, page)
        assert not (built / prefix / "labels").exists(), code  # no labels in the data, no labels page
        assert 'class="empty-state"' in (built / prefix / "projects" / "alpfood" / "index.html").read_text(encoding="utf-8")
        assert 'class="empty-state"' in (built / prefix / "index.html").read_text(encoding="utf-8")
    for path in built.rglob("*.html"):
        if "assets" not in path.parts:
            assert not EXAMPLE_NAMES.search(path.read_text(encoding="utf-8")), path


def test_validate_lists_each_placeholder_and_publishing_is_refused(new):
    result = clustersite(new, "validate")
    assert result.returncode == 0, result.stdout + result.stderr
    listed = re.findall(r"^(\S+):(\d+): to fill in: (\[FILL IN: [^\]]*\])$", result.stdout, re.M)
    assert ("mkdocs.yml", "4", "[FILL IN: one sentence saying what the site is about]") in listed
    for file, line, text in listed:
        assert text in (new / file).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert {file for file, _, _ in listed} >= {"docs/legal.md", "docs/legal.sr.md", "docs/index.cs.md", "data/projects/alpfood.yaml"}
    refused = clustersite(new, "validate", "--publishing")
    assert refused.returncode == 1 and "placeholders are not filled in; the site is not published" in refused.stdout
    workflow = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    assert workflow.index("clustersite validate --publishing") < workflow.index("upload-pages-artifact")


def test_it_refuses_where_the_data_was_changed_unless_forced(new):
    again = clustersite(new, "new", *OPTIONS, "--languages", "en,cs")
    assert again.returncode == 1
    assert "this copy's data/ and docs/ are not the example any more" in again.stderr
    assert "    data/projects/alpfood.yaml" in again.stderr and "add --force" in again.stderr


def test_fewer_languages_and_a_new_one_with_force(tmp_path):
    folder = copy_repository(tmp_path / "project")
    (folder / "data" / "news.yaml").write_text("news: []\n", encoding="utf-8")  # a change staff made
    result = clustersite(folder, "new", *OPTIONS, "--languages", "en,cs,de", "--force")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (folder / "docs").glob("index*.md")) == ["index.cs.md", "index.de.md", "index.md"]
    ui = (folder / "data" / "ui.yaml").read_text(encoding="utf-8")
    assert "    sr:" not in ui and "    bg:" not in ui and 'de: "[FILL IN: German for “No events yet.”]"' in ui
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    assert "locale: sr" not in config and "transliterated" not in config and 'name: "Deutsch"' in config
    site = tmp_path / "site"
    built = run_build(site, config=folder / "mkdocs.yml")
    assert built.returncode == 0, built.stderr[-3000:]
    assert '<html lang="de"' in (site / "de" / "events" / "index.html").read_text(encoding="utf-8")
    assert not (site / "sr").exists() and not (site / "bg").exists()


def test_missing_options_are_asked_in_a_terminal_and_named_otherwise(tmp_path, monkeypatch):
    folder = copy_repository(tmp_path / "project")
    result = clustersite(folder, "new", "--acronym", "ALPFOOD")
    assert result.returncode == 2
    assert "error: missing --title, --programme, --start, --end, --languages, --site-name" in result.stderr
    answers = iter(["Alpine Food Network", "Interreg Alpine Space", "2026-01-01", "2028-12-31", "en,cs", "Alpine Food"])
    asked = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: asked.append(question) or next(answers))
    assert new_site.main(["--acronym", "ALPFOOD", "--config", str(folder / "mkdocs.yml")]) == 0
    assert asked[0] == "The project's full title, in the first language: " and len(asked) == 6
    assert "site_name: \"Alpine Food\"" in (folder / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("options, message", [
    (["--start", "2028-01-01", "--end", "2026-01-01"], "--end 2026-01-01 is before --start 2028-01-01"),
    (["--start", "1.1.2026"], "--start '1.1.2026' is not a date; write it year first"),
    (["--languages", "en,xx"], "--languages: `xx` is not a language code CLDR knows"),
])
def test_wrong_answers_get_a_clear_message(tmp_path, options, message, capsys):
    folder = copy_repository(tmp_path / "project")
    values = dict(zip(OPTIONS[::2], OPTIONS[1::2], strict=True)) | {"--languages": "en,cs"}
    values |= dict(zip(options[::2], options[1::2], strict=True))
    argv = [item for pair in values.items() for item in pair] + ["--config", str(folder / "mkdocs.yml")]
    assert new_site.main(argv) == 2
    assert message in capsys.readouterr().err


def test_the_recorded_example_matches_the_example_fixture():
    assert changed_files(EXAMPLE) == [], "the example data changed: record it with `clustersite new --record-example`"


def test_the_repository_is_the_template_or_new_refuses_to_replace_its_content(tmp_path):
    """In the template, data/ and docs/ are the example; in a project's own site, `new` refuses to replace them."""
    if holds_the_example(ROOT):
        assert changed_files(ROOT) == [], "data/ and docs/ differ from the example: record it with `clustersite new --record-example`"
        return
    result = clustersite(copy_repository(tmp_path / "project", content=ROOT), "new", *OPTIONS, "--languages", "en")
    assert result.returncode != 0 and "add --force" in result.stderr


def test_language_lines_are_kept_dropped_and_added_with_placeholders():
    text = ("words:\n  home:\n    en: Home\n    sr: Početna\n    sr-Cyrl: Почетна\n    cs: Domů\n"
            "funding:\n  disclaimer:\n    en: >-\n      Funded by\n\n      the EU.\n    cs: >-\n      Financováno\n  other: kept\n")
    result = retarget_languages(text, ["en", "sr", "cs", "sr-Cyrl"], ["en", "cs", "de"], {"de": "German"}, "en")
    assert result == ("words:\n  home:\n    en: Home\n    cs: Domů\n    de: \"[FILL IN: German for “Home”]\"\n"
                      "funding:\n  disclaimer:\n    en: >-\n      Funded by\n\n      the EU.\n    cs: >-\n      Financováno\n"
                      "    de: \"[FILL IN: the text in German]\"\n  other: kept\n")


def test_the_configuration_keeps_its_comments_and_orders_the_languages():
    text = (EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8")
    result = rewrite_config(text, site_name="ALPFOOD", languages=["cs", "en"], names={}, site_names={})
    before, entries = text.split("      languages:\n", 1)  # the comments of entries dropped go with them
    kept = [line for line in before.splitlines() if line.lstrip().startswith("#") and "Cyrillic" not in line
            and "`sr-Cyrl:`" not in line and "Languages the build makes" not in line]
    assert kept and all(line in result.splitlines() for line in kept)
    entries = re.findall(r"- locale: (\S+)\n((?:          .*\n)+)", result)
    assert [code for code, _ in entries] == ["cs", "en"]
    assert "default: true" in entries[0][1] and "default: true" not in entries[1][1]
    assert 'site_name: "ALPFOOD"' in entries[1][1] and "site_description" not in entries[0][1] + entries[1][1]
    assert result.startswith("# Site configuration.") and '\nsite_name: "ALPFOOD"\n' in result
