"""Shared fixtures: the project root, a copy of data/, and one real build of the site."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from browser import PORT

ROOT = Path(__file__).resolve().parent.parent
BUILD_DATE = "2026-11-22"
SUBPATH = "repo"
SITE_URL = f"http://127.0.0.1:{PORT}/{SUBPATH}/"
LANGUAGE_PREFIXES = {"en": "", "sr": "sr/", "bg": "bg/", "cs": "cs/"}


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_build(site_dir: Path, *, config: Path = ROOT / "mkdocs.yml", extra_env: dict | None = None, strict: bool = True):
    env = {**os.environ, "SITE_URL": SITE_URL, "SITE_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1",
           **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once with `mkdocs build --strict` under a project subpath.

    Returns the folder to serve: the site itself is in its `repo/` subfolder.
    """
    before = (tree_digest(ROOT / "docs"), tree_digest(ROOT / "data"))
    www = tmp_path_factory.mktemp("www")
    result = run_build(www / SUBPATH)
    assert result.returncode == 0, result.stderr[-4000:]
    assert (tree_digest(ROOT / "docs"), tree_digest(ROOT / "data")) == before, "the build wrote into docs/ or data/"
    return www


@pytest.fixture()
def site(built_site) -> Path:
    return built_site / SUBPATH


@pytest.fixture()
def project_copy(tmp_path) -> Path:
    """A copy of the project's config, docs and data, to break on purpose."""
    for name in ("data", "docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


DISSEMINATION = ROOT / "tests" / "fixtures" / "dissemination"


def assemble_fixture_site(fixture: Path, target: Path) -> Path:
    """A project folder: the generator's own files (config, hooks, theme, UI words, styles) and the fixture's data and docs."""
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(fixture / "data", target / "data")
    shutil.copytree(fixture / "docs", target / "docs")
    shutil.copy(ROOT / "data" / "ui.yaml", target / "data" / "ui.yaml")
    for asset in (ROOT / "docs" / "assets").iterdir():
        if asset.suffix in (".css", ".js"):
            shutil.copy(asset, target / "docs" / "assets" / asset.name)
    return target


@pytest.fixture(scope="session")
def dissemination_build(tmp_path_factory):
    """The dissemination fixture site, built once under a project subpath: (served folder, project folder, build result).

    Built without --strict: the fixture leaves one alt text untranslated on purpose,
    which is a warning, and the tests read the warnings from the result.
    """
    project = assemble_fixture_site(DISSEMINATION, tmp_path_factory.mktemp("dissemination-project"))
    www = tmp_path_factory.mktemp("dissemination-www")
    before = (tree_digest(project / "docs"), tree_digest(project / "data"))
    result = run_build(www / SUBPATH, config=project / "mkdocs.yml", strict=False)
    assert result.returncode == 0, result.stderr[-4000:]
    assert (tree_digest(project / "docs"), tree_digest(project / "data")) == before, "the build wrote into docs/ or data/"
    return www, project, result
