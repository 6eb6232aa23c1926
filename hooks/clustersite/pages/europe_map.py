"""A map of Europe with the partner countries highlighted, drawn as inline SVG at build time.

The outlines are Natural Earth's (public domain), projected, cut to the frame of
Europe and simplified once by tools/europe_outlines.py into europe_outlines.json
beside this file (its header says how), so a map adds about 30 kilobytes to a page
and no request to anyone.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

OUTLINES = Path(__file__).parent / "europe_outlines.json"


def partner_map(codes: list[str], names: dict[str, str], element_id: str) -> Markup:
    """The SVG for one project: `codes` are ISO alpha-2 codes, `names` their localized names."""
    shapes, (x, y, width, height) = _europe()
    wanted = {code.lower() for code in codes}
    parts = [
        f'<svg class="europe-map" viewBox="{x} {y} {width} {height}" role="img" '
        f'aria-labelledby="{element_id}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{element_id}-title">{escape(", ".join(names[c] for c in codes))}</title>',
    ]
    for code, path in shapes.items():
        if code in wanted:
            label = escape(names.get(code.upper(), code.upper()))
            parts.append(f'<path class="partner" d="{path}"><title>{label}</title></path>')
        else:
            parts.append(f'<path d="{path}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def prepare() -> None:
    """Read the outlines now, once per process (a worker forked afterwards has them)."""
    _europe()


@lru_cache(maxsize=1)
def _europe() -> tuple[dict[str, str], tuple[int, int, int, int]]:
    outlines = json.loads(OUTLINES.read_text(encoding="utf-8"))
    return outlines["shapes"], tuple(outlines["viewBox"])
