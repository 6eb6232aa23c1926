"""What loading the hook files costs every build: no module that only some builds use, no collector scans of what lasts the run."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest

from clustersite.data.collector import collector_paused
from conftest import ROOT

# Loaded where they are used: the preview's server and watcher by `mkdocs serve`, Pillow by a site with raster
# pictures, or whose link-preview card is not in its cache yet.
ONLY_SOME_BUILDS = ("mkdocs.livereload", "watchdog", "PIL")

_LOAD_HOOKS = f"""
import gc, json, sys
sys.path.insert(0, {str(ROOT / "hooks")!r})
import site_hooks, site_finish, site_security
print(json.dumps({{"loaded": [name for name in {ONLY_SOME_BUILDS!r} if name in sys.modules],
                  "collecting": gc.isenabled(), "set_aside": gc.get_freeze_count()}}))
"""


@pytest.fixture(scope="module")
def hooks_loaded() -> dict:
    """What a fresh process holds once it has loaded the three hook files, as MkDocs loads them."""
    result = subprocess.run([sys.executable, "-c", _LOAD_HOOKS], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(result.stdout)


def test_the_hook_files_load_no_module_that_only_some_builds_use(hooks_loaded):
    assert hooks_loaded["loaded"] == []


def test_the_collector_runs_again_once_the_hook_files_are_loaded_with_what_they_made_set_aside(hooks_loaded):
    assert hooks_loaded["collecting"]
    assert hooks_loaded["set_aside"] > 10_000  # the package's modules, classes and validators


def test_the_collector_is_paused_meanwhile_and_runs_again_after_a_failure():
    assert gc.isenabled()
    with pytest.raises(ImportError), collector_paused():
        assert not gc.isenabled()
        raise ImportError("a module failed to load")
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
