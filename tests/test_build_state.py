"""BuildState between preview rebuilds: what `mkdocs serve --dirty` rebuilds after an edit."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config

from clustersite.mkdocs_layer.build_state import BuildState


def prepared(project: Path, state: BuildState):
    config = load_config(str(project / "mkdocs.yml"))
    state.prepare(config)
    return config


def test_a_docs_edit_marks_no_generated_page_as_changed(project_copy, monkeypatch):
    """The second run of a preview (data/ unchanged) compares with what the first run built."""
    monkeypatch.setenv("SITE_BUILD_DATE", "2026-11-22")
    state = BuildState(serving=True)
    prepared(project_copy, state)
    first = state.contents()
    assert state.previous == {}  # the first run builds every page

    prepared(project_copy, state)  # e.g. after an edit in docs/
    assert state.previous == first == state.contents()


def test_a_data_edit_marks_only_the_pages_it_changes(project_copy, monkeypatch):
    monkeypatch.setenv("SITE_BUILD_DATE", "2026-11-22")
    state = BuildState(serving=True)
    prepared(project_copy, state)
    news = project_copy / "data" / "news.yaml"
    text = news.read_text(encoding="utf-8")
    item = text.split("- id: ", 2)[1].split("\n", 1)[0].strip()
    first_title = text.split("title:\n", 1)[1].split("\n", 1)[0].split(":", 1)[1].strip()
    news.write_text(text.replace(first_title, first_title + " (updated)", 1), encoding="utf-8")
    os.utime(news, ns=(news.stat().st_atime_ns, news.stat().st_mtime_ns + 10**9))
    prepared(project_copy, state)
    changed = {uri for uri, markdown in state.contents().items() if state.previous.get(uri) != markdown}
    assert f"news/{item}.md" in changed
    assert 0 < len(changed) < len(state.previous) / 4
