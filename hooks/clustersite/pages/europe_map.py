"""A map of Europe with the partner countries highlighted, drawn as inline SVG at build time.

Country outlines come from the world map that pygal_maps_world ships. Those that reach into
the frame of Europe are kept and simplified once per process, so a map adds a few dozen
kilobytes to a page and no request to anyone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from markupsafe import Markup, escape

# Countries whose outlines fix the frame: the far west, north, east and south of the map.
_FRAME = ("pt", "ie", "no", "fi", "cy", "tr")
_MARGIN = 20.0
_TOLERANCE = 1.2  # map units; a point closer than this to the last kept one is dropped
_GROUP = re.compile(r'<g class="([a-z]{2}) country map-element">(.*?)</g>', re.S)
_PATH = re.compile(r' d="([^"]+)"')
_TOKEN = re.compile(r"[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")
_ARITY = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "z": 0}


def partner_map(codes: list[str], names: dict[str, str], element_id: str) -> Markup:
    """The SVG for one project: `codes` are ISO alpha-2 codes, `names` their localized names."""
    shapes, (x, y, width, height) = _europe()
    wanted = {code.lower() for code in codes}
    parts = [
        f'<svg class="europe-map" viewBox="{x:.0f} {y:.0f} {width:.0f} {height:.0f}" role="img" '
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
    """Read and simplify the outlines now (0.3 s, once per process)."""
    _europe()


@lru_cache(maxsize=1)
def _europe() -> tuple[dict[str, str], tuple[float, float, float, float]]:
    svg = resources.files("pygal_maps_world").joinpath("worldmap.svg").read_text(encoding="utf-8")
    outlines = {code: [_points(d) for d in _PATH.findall(body)] for code, body in _GROUP.findall(svg)}
    # The mainland of each frame country (its longest outline), not its far islands (Azores, Svalbard).
    frame = [p for code in _FRAME if outlines.get(code) for p in max(outlines[code], key=len)]
    left = min(x for x, _ in frame) - _MARGIN
    right = max(x for x, _ in frame) + _MARGIN
    top = min(y for _, y in frame) - _MARGIN
    bottom = max(y for _, y in frame) + _MARGIN
    shapes: dict[str, str] = {}
    for code, rings in outlines.items():
        kept = [_simplify(ring) for ring in rings if _touches(ring, left, top, right, bottom)]
        kept = [ring for ring in kept if len(ring) > 2]
        if kept:
            shapes[code] = "".join(_path(ring) for ring in kept)
    return shapes, (left, top, right - left, bottom - top)


def _points(d: str) -> list[tuple[float, float]]:
    """The on-curve points of a relative SVG path, as absolute coordinates."""
    tokens = _TOKEN.findall(d)
    x = y = 0.0
    points: list[tuple[float, float]] = []
    command = "m"
    i = 0
    first = True
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i].lower()
            i += 1
            if command == "z":
                continue
        arity = _ARITY[command]
        args = [float(t) for t in tokens[i:i + arity]]
        i += arity
        if len(args) < arity:
            break
        if command in ("m", "l", "t"):
            x, y = (args[0], args[1]) if first else (x + args[0], y + args[1])
            if command == "m":
                command = "l"  # further pairs after a move are lines
        elif command == "h":
            x += args[0]
        elif command == "v":
            y += args[0]
        else:  # curves: keep the end point only
            x, y = x + args[-2], y + args[-1]
        first = False
        points.append((x, y))
    return points


def _touches(ring, left, top, right, bottom) -> bool:
    return any(left <= x <= right and top <= y <= bottom for x, y in ring)


def _simplify(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop points too close to the last kept one: detail the map's scale cannot show."""
    out: list[tuple[float, float]] = []
    for point in ring:
        if not out or abs(point[0] - out[-1][0]) + abs(point[1] - out[-1][1]) >= _TOLERANCE:
            out.append(point)
    return out


def _path(ring: list[tuple[float, float]]) -> str:
    x0, y0 = round(ring[0][0]), round(ring[0][1])
    steps = [f"M{x0} {y0}"]
    px, py = x0, y0
    for x, y in ring[1:]:
        rx, ry = round(x), round(y)
        if (rx, ry) != (px, py):
            steps.append(f"l{rx - px} {ry - py}")
            px, py = rx, ry
    return "".join(steps) + "z"
