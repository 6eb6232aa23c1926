"""The test sites under tests/fixtures/: build one in place, or copy one to change it."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, run_build

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def build_fixture(name: str, site_dir: Path, *, strict: bool = True):
    """Build tests/fixtures/<name> (its hooks and overrides are the repository's) into site_dir."""
    return run_build(site_dir, config=FIXTURES / name / "mkdocs.yml", strict=strict)


def built_fixture(name: str, site_dir: Path) -> Path:
    """tests/fixtures/<name> built with --strict into site_dir, which is returned; a failed build fails the test."""
    result = build_fixture(name, site_dir)
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


def copy_fixture(name: str, target: Path) -> Path:
    """A copy of a fixture site to change, still using the repository's hooks and overrides."""
    source = FIXTURES / name
    shutil.copytree(source, target, symlinks=False)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/"), encoding="utf-8")
    return target


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts and "pagefind" not in p.parts)
