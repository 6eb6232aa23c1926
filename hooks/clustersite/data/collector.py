"""Python's cyclic garbage collector kept away from objects that live as long as the run.

Loading data/ creates millions of small objects that all stay alive, and importing the
package (its modules, classes, compiled patterns, pydantic validators) tens of thousands
more. While they are made, the collector would scan them again and again (half of the
loading time for 10,000 events, a tenth of the package's import time) and find nothing
to free. So it is paused meanwhile, and afterwards `gc.freeze` moves them out of its
sight, so that no later collection scans them again either. Reference counting still
frees them when they are dropped (a new load of data/ replaces the last one).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector while long-lived objects are made, then set them aside (gc.freeze)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
