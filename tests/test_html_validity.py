"""The Nu HTML checker finds no error on any page.

vnu.jar comes from npm (`vnu-jar`, pinned in tests/nu/package.json, the checker's current release) and
runs on Java; the test installs it with `npm ci` when npm is there and it is not.

A site check: it runs on the repository's own site and on the second fixture project.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

NU = Path(__file__).resolve().parent / "nu"
VNU = NU / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _missing(message: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


def vnu_jar() -> Path:
    """The checker's jar, installed from tests/nu/package-lock.json if need be."""
    if not VNU.exists():
        npm = shutil.which("npm")
        if npm is None:
            _missing("vnu.jar is not installed and npm is missing: install Node.js and npm, then `npm ci --prefix tests/nu`")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--prefix", str(NU)], check=True, capture_output=True, timeout=600)
    return VNU


def check(folder: Path) -> list[dict]:
    """The checker's error messages for every HTML file below `folder`."""
    java = shutil.which("java")
    if java is None:
        _missing("no Java runtime: install Debian's default-jre-headless to run the Nu HTML checker")
    result = subprocess.run([java, "-jar", str(vnu_jar()), "--errors-only", "--skip-non-html", "--format", "json", str(folder)],
                            capture_output=True, text=True, timeout=900)
    report = json.loads(result.stderr or result.stdout)  # vnu writes its report to stderr
    return [m for m in report["messages"] if m["type"] in ("error", "non-document-error")]


def test_the_checker_finds_errors(tmp_path):
    (tmp_path / "bad.html").write_text('<!doctype html><html lang="en"><head><title>x</title></head><body><p><div>x</p></body></html>')
    messages = check(tmp_path)
    assert any("No “p” element in scope" in m["message"] for m in messages), messages


def test_every_page_is_valid_html(checked_site):
    site = checked_site.root
    assert len(list(site.rglob("*.html"))) > 20
    errors = check(site)
    assert errors == [], "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in errors[:40])
