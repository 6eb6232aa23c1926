"""Property: whatever a data file becomes, loading it ends in a site or in worded problems, never in anything else.

Hypothesis mutates one file of a copy of the shipped data at a time: it deletes keys, changes
the type of values, puts Unicode and control characters into texts, truncates the file and flips
bytes. `load_site` must then return, without raising, and every error must name its file, with a
line unless the problem is the whole file's.

In CI this runs 300 cases with a fixed seed (derandomized) within a time budget of 150 s
(CLUSTERSITE_FUZZ_SECONDS); cases past the budget pass without running. Locally, for thousands
of fresh (random) cases:

    CLUSTERSITE_FUZZ_EXAMPLES=5000 .venv/bin/pytest tests/test_fuzz_data.py -q
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clustersite.data.loading import load_site
from clustersite.data.problems import Problem
from clustersite.data.yaml_reader import load, load_exact
from clustersite.pages.catalogue_words import required_words
from conftest import EXAMPLE as ROOT  # the generator's test site, not the repository's data/
from test_validation import LANGUAGES

DEFAULT_EXAMPLES = 300
EXAMPLES = int(os.environ.get("CLUSTERSITE_FUZZ_EXAMPLES", DEFAULT_EXAMPLES))
BUDGET_SECONDS = float(os.environ.get("CLUSTERSITE_FUZZ_SECONDS", 150 if EXAMPLES == DEFAULT_EXAMPLES else 24 * 3600))
FILES = ["site.yaml", "ui.yaml", "places.yaml", "organisations.yaml", "events.yaml", "news.yaml", "projects/trace-kei.yaml",
         "projects/centramo.yaml"]
# Problems that concern a whole file, and so have no line.
WHOLE_FILE = ("the file is empty", "this file is missing", "the file is too large", "the file cannot be read as YAML",
              "this file is not read by the site", "the file does not start with a block of keys")

CI_RUN = EXAMPLES == DEFAULT_EXAMPLES  # the fixed seed in CI; fresh cases when more are asked for
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=CI_RUN, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])

ODD_TEXT = st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["\x00", "\x1b[31m", "\u2028", "\ufeff", "~", "NO", "08:30", "0x1F", "1e400", "9" * 400, "&a", "*a", "!!binary x", "<script>",
     "[x](javascript:alert(1))", "{{ 7*7 }}", "a\nb", "'", '"', "- ", ": ", "#", "\t"])
ODD_VALUE = st.one_of(ODD_TEXT, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
                      st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
                      st.recursive(st.none(), lambda inner: st.lists(inner, max_size=2), max_leaves=30))


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(ROOT / "data", root / "data")
    return root / "data"


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    """Every place in a tree of dicts and lists, the top included."""
    found = [path]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        found += _paths(child, (*path, key))
    return found


def _at(tree: Any, path: tuple) -> Any:
    for key in path:
        tree = tree[key]
    return tree


def _mutate_tree(data: st.DataObject, tree: Any) -> Any:
    """Delete a key, replace a value with one of another type, or put odd text into a string."""
    paths = [p for p in _paths(tree) if p]
    if not paths:
        return tree
    path = data.draw(st.sampled_from(paths), label="path")
    parent, key = _at(tree, path[:-1]), path[-1]
    action = data.draw(st.sampled_from(["delete", "retype", "insert text"]), label="action")
    if action == "delete":
        del parent[key]
    elif action == "retype":
        parent[key] = data.draw(ODD_VALUE, label="value")
    elif isinstance(parent[key], str):
        text = parent[key]
        at = data.draw(st.integers(0, len(text)), label="at")
        parent[key] = text[:at] + data.draw(ODD_TEXT, label="text") + text[at:]
    return tree


def _mutate_bytes(data: st.DataObject, raw: bytes) -> bytes:
    """Truncate the file, flip a byte, or insert bytes."""
    if not raw:
        return raw
    action = data.draw(st.sampled_from(["truncate", "flip", "insert"]), label="byte action")
    at = data.draw(st.integers(0, len(raw) - 1), label="offset")
    if action == "truncate":
        return raw[:at]
    if action == "flip":
        return raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255), label="mask")]) + raw[at + 1:]
    return raw[:at] + data.draw(st.binary(min_size=1, max_size=8), label="bytes") + raw[at:]


def _located(problem: Problem) -> bool:
    return problem.file.startswith("data/") and (problem.line is not None or problem.message.startswith(WHOLE_FILE))


_started: list[float] = []  # when the first case ran


@FUZZ
@given(data=st.data())
def test_any_mutation_gives_a_site_or_located_problems(copy, data):
    _started[:] = _started or [time.monotonic()]
    if time.monotonic() - _started[0] > BUDGET_SECONDS:
        return  # the time budget is spent: the remaining cases pass without running
    name = data.draw(st.sampled_from(FILES), label="file")
    path = copy / name
    original = (ROOT / "data" / name).read_bytes()
    try:
        tree_changes = data.draw(st.integers(0, 3), label="changes to the data")
        byte_changes = data.draw(st.integers(0 if tree_changes else 1, 2), label="changes to the bytes")
        raw = original
        if tree_changes:
            tree = load_exact(load(path, name)).data  # every value as typed, so that a dump keeps `NO` as text
            for _ in range(tree_changes):
                tree = _mutate_tree(data, tree)
            raw = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode("utf-8")
        for _ in range(byte_changes):
            raw = _mutate_bytes(data, raw)
        path.write_bytes(raw)
        site, problems = load_site(copy, LANGUAGES, copy.parent, words=required_words())
        assert (site is None) == bool(problems.errors)
        unlocated = [str(p) for p in problems.errors if not _located(p)]
        assert unlocated == [], "\n".join(unlocated)
    finally:
        path.write_bytes(original)
