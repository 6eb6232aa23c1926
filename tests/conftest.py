"""Shared fixtures: the project root, fixture sites under tests/fixtures/, and real builds of them.

Two kinds of tests use them:

- tests of the generator run on fixture sites under `tests/fixtures/<name>/` (each with its own
  mkdocs.yml, data/ and docs/), never on the repository's own data/ or docs/, so that they pass
  in any project that copies this repository and replaces its content;
- checks of the site itself (strict build, links, HTML validity, accessibility, browsers) run on
  whatever data a site has, and assert nothing about its projects' ids or names. They run on the
  repository's own site and on every site in `CHECKED_SITES`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest

from browser import PORT

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = FIXTURES / "example"  # the generator's own test site: four languages, three projects, labels
BUILD_DATE = "2026-11-22"
SUBPATH = "repo"
HOST = f"127.0.0.1:{PORT}"
SITE_URL = f"http://{HOST}/{SUBPATH}/"
LANGUAGE_PREFIXES = {"en": "", "sr": "sr/", "sr-cyrl": "sr-cyrl/", "bg": "bg/", "cs": "cs/"}  # the example fixture's languages
# The generator's own parts, which a fixture site takes from the repository unless it brings its own.
GENERATOR_PARTS = ("hooks", "overrides", "docs/assets")
# Sites the site checks run on: the repository's own, and a second project with other languages and no labels.
CHECKED_SITES = ("repo", "horizon")


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_build(site_dir: Path, *, config: Path = ROOT / "mkdocs.yml", extra_env: dict | None = None, strict: bool = True,
              options: tuple[str, ...] = ()):
    env = {**os.environ, "SITE_URL": SITE_URL, "SITE_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1",
           **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), *options, "-f", str(config),
         "-d", str(site_dir)],
        cwd=config.parent, env=env, capture_output=True, text=True, timeout=600,
    )


def assemble_site(source: Path, into: Path) -> Path:
    """A buildable copy of a site in `into`: its mkdocs.yml, data/ and docs/, plus the generator's parts.

    `source` is a folder under tests/fixtures/ (or the repository). hooks/, overrides/ and
    docs/assets/ come from the repository where the source has none of its own.
    """
    into.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "mkdocs.yml", into / "mkdocs.yml")
    for name in ("data", "docs"):
        if (source / name).is_dir():
            shutil.copytree(source / name, into / name, dirs_exist_ok=True)
    for part in GENERATOR_PARTS:
        if not (into / part).exists():
            shutil.copytree(ROOT / part, into / part, ignore=shutil.ignore_patterns("__pycache__"))
    return into


@dataclass(frozen=True)
class BuiltSite:
    """A site built with `mkdocs build --strict` under the SUBPATH of a folder served as the host's root."""

    name: str
    project: Path  # the folder with its mkdocs.yml, data/ and docs/
    www: Path  # the folder to serve; the site is in its SUBPATH subfolder

    @property
    def root(self) -> Path:
        return self.www / SUBPATH

    @cached_property
    def languages(self):
        """The site's languages, as its mkdocs.yml configures them."""
        import logging

        from mkdocs.config import load_config

        from clustersite.mkdocs_layer import i18n_languages as languages_config

        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        return languages_config.from_mkdocs(load_config(str(self.project / "mkdocs.yml")))

    @property
    def prefixes(self) -> dict[str, str]:
        """Language code -> the folder its pages are in ('' for the default language)."""
        return {code: "" if code == self.languages.default else f"{code}/" for code in self.languages.codes}

    def page(self, code: str, path: str) -> str:
        return (self.root / self.prefixes[code] / path / "index.html").read_text(encoding="utf-8")


def build_site(name: str, into: Path) -> BuiltSite:
    """Build `name` (`repo` for the repository itself, or a folder under tests/fixtures/) into `into`, strictly.

    Fails the test if the build fails, or if it wrote into the site's data/ or docs/.
    """
    project = ROOT if name == "repo" else assemble_site(FIXTURES / name, into / "project")
    before = (tree_digest(project / "docs"), tree_digest(project / "data"))
    www = into / "www"
    result = run_build(www / SUBPATH, config=project / "mkdocs.yml")
    assert result.returncode == 0, f"{name}: {result.stderr[-4000:]}"
    assert (tree_digest(project / "docs"), tree_digest(project / "data")) == before, f"{name}: the build wrote into docs/ or data/"
    return BuiltSite(name, project, www)


@pytest.fixture(scope="session")
def site_builds(tmp_path_factory):
    """Builds sites by name, once per test session."""
    built: dict[str, BuiltSite] = {}

    def build(name: str) -> BuiltSite:
        if name not in built:
            built[name] = build_site(name, tmp_path_factory.mktemp(f"site-{name}"))
        return built[name]

    return build


@pytest.fixture(scope="session")
def built_site(site_builds) -> Path:
    """The repository's own site (whatever data it has), built once; returns the folder to serve."""
    return site_builds("repo").www


@pytest.fixture()
def site(built_site) -> Path:
    """The repository's own site: for checks that hold for any data."""
    return built_site / SUBPATH


@pytest.fixture(scope="session", params=CHECKED_SITES)
def checked_site(request, site_builds) -> BuiltSite:
    """Each site the site checks run on: the repository's own, then the second fixture project."""
    return site_builds(request.param)


@pytest.fixture(scope="session")
def example_site(site_builds) -> Path:
    """The example fixture site (tests/fixtures/example/), built once: for tests of the generator."""
    return site_builds("example").root


@pytest.fixture()
def fixture_copy(tmp_path):
    """A buildable copy of a fixture site in tmp_path, to change on purpose: `fixture_copy("horizon")`."""

    def copy(name: str = "example") -> Path:
        return assemble_site(FIXTURES / name, tmp_path / f"project-{name}")

    return copy


@pytest.fixture()
def project_copy(fixture_copy) -> Path:
    """A copy of the example fixture site's config, docs and data, with the generator's parts, to break on purpose."""
    return fixture_copy("example")


DISSEMINATION = ROOT / "tests" / "fixtures" / "dissemination"


def assemble_fixture_site(fixture: Path, target: Path) -> Path:
    """A project folder: the generator's own files (hooks, theme, styles), the example fixture's config and UI words,
    and the fixture's data and docs."""
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(EXAMPLE / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(fixture / "data", target / "data")
    shutil.copytree(fixture / "docs", target / "docs")
    shutil.copy(EXAMPLE / "data" / "ui.yaml", target / "data" / "ui.yaml")
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
