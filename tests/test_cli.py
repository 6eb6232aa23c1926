"""The staff commands: validate, translations and schema; none of them writes into data/ or docs/."""

from __future__ import annotations

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
