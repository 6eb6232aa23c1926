"""Without the optional fast YAML reader (yaml-rs), data loads the same and the site builds the same."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from clustersite.data import yaml_reader
from clustersite.data.loading import load_site
from conftest import ROOT, SUBPATH, run_build
from event_fixture import LANGUAGES, copy_fixture


def test_loading_without_the_fast_reader_gives_the_same_records(tmp_path, monkeypatch):
    data = copy_fixture(tmp_path)
    with_it, _ = load_site(data, LANGUAGES, tmp_path)
    monkeypatch.setattr(yaml_reader, "yaml_rs", None)
    without, problems = load_site(data, LANGUAGES, tmp_path)
    assert without is not None and problems.errors == []
    assert without.events == with_it.events and without.projects == with_it.projects and without.places == with_it.places


def test_the_site_builds_the_same_without_the_fast_reader(site_builds, tmp_path):
    example = site_builds("example")  # the example fixture site, built with the fast reader
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "yaml_rs.py").write_text('raise ImportError("yaml-rs is not installed")\n', encoding="utf-8")
    probe = subprocess.run([sys.executable, "-c", "from clustersite.data import yaml_reader; print(yaml_reader.yaml_rs)"],
                           env={**os.environ, "PYTHONPATH": f"{shadow}{os.pathsep}{ROOT / 'hooks'}"}, capture_output=True, text=True)
    assert probe.stdout.strip() == "None", probe.stderr  # the build below really runs without the fast reader
    result = run_build(tmp_path / SUBPATH, config=example.project / "mkdocs.yml", extra_env={"PYTHONPATH": str(shadow)})
    assert result.returncode == 0, result.stderr[-3000:]

    def outputs(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
                if p.suffix in (".html", ".ics", ".xml") and "pagefind" not in p.parts}

    built, without = outputs(example.root), outputs(tmp_path / SUBPATH)
    assert len(built) > 300 and built.keys() == without.keys()
    assert [name for name in built if built[name] != without[name]] == []
