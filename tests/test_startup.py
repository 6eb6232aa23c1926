"""What loading the hook files costs every build: no module that only some builds use."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

# Loaded where they are used: the preview's server and watcher by `mkdocs serve`, Pillow by a site with raster
# pictures, or whose link-preview card is not in its cache yet.
ONLY_SOME_BUILDS = ("mkdocs.livereload", "watchdog", "PIL")

_LOAD_HOOKS = f"""
import json, sys
sys.path.insert(0, {str(ROOT / "hooks")!r})
import site_hooks, site_finish, site_security
print(json.dumps([name for name in {ONLY_SOME_BUILDS!r} if name in sys.modules]))
"""


def test_the_hook_files_load_no_module_that_only_some_builds_use():
    result = subprocess.run([sys.executable, "-c", _LOAD_HOOKS], capture_output=True, text=True, check=True, cwd=ROOT)
    assert json.loads(result.stdout) == []
