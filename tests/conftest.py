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
