"""Make hooks/clustersite/pages/europe_outlines.json, the country outlines of the partner maps, from Natural Earth.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/europe_outlines.py package/countries-50m.json

The source is Natural Earth's 1:50m Admin 0 countries (version 4.1.0, public
domain) as the npm package world-atlas redistributes it (TopoJSON). The outlines
are projected with the Lambert azimuthal equal-area projection centred on 52° N
10° E (the EU's ETRS89-LAEA, EPSG:3035, on a sphere), cut to the frame of Europe,
and simplified with the Douglas-Peucker algorithm at TOLERANCE_KM: no point of a
simplified outline lies further than that from the original. Countries are keyed
by ISO 3166-1 alpha-2 code: CLDR (through Babel) maps Natural Earth's numeric codes,
and its English names those without one (Kosovo); shapes with neither (Northern
Cyprus) are drawn as land that no project can highlight. Re-run after changing a
constant here; the output is committed, so builds need neither npm nor this script.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from babel import Locale
from babel.core import get_global

OUTPUT = Path(__file__).resolve().parent.parent / "hooks" / "clustersite" / "pages" / "europe_outlines.json"
SOURCE = "Natural Earth 1:50m Admin 0 countries, version 4.1.0 (public domain), via world-atlas 2.0.2"
TOLERANCE_KM = 4.0
UNITS_PER_KM = 0.1  # map units: 10 km to one unit, coordinates rounded to whole units
EARTH_RADIUS_KM = 6371.0
CENTRE = (10.0, 52.0)  # longitude, latitude
FRAME = ("PT", "IE", "NO", "FI", "CY", "TR")  # the mainland of these fixes the far west, north, east and south
MARGIN_KM = 200.0

Ring = list[tuple[float, float]]


def _arcs(topology: dict) -> list[Ring]:
    """TopoJSON's quantized, delta-encoded arcs as longitude/latitude points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _polygons(geometry: dict, arcs: list[Ring]) -> list[list[Ring]]:
    if geometry["type"] == "Polygon":
        return [[_ring(ring, arcs) for ring in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[_ring(ring, arcs) for ring in polygon] for polygon in geometry["arcs"]]
    return []


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Lambert azimuthal equal-area on a sphere, in kilometres; y grows southwards, as in SVG."""
    lon0, lat0 = map(math.radians, CENTRE)
    lon, lat = math.radians(longitude), math.radians(latitude)
    k = math.sqrt(2 / (1 + math.sin(lat0) * math.sin(lat) + math.cos(lat0) * math.cos(lat) * math.cos(lon - lon0)))
    x = EARTH_RADIUS_KM * k * math.cos(lat) * math.sin(lon - lon0)
    y = EARTH_RADIUS_KM * k * (math.cos(lat0) * math.sin(lat) - math.sin(lat0) * math.cos(lat) * math.cos(lon - lon0))
    return x, -y


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker: keep the fewest points with none of the dropped ones further than `tolerance` away."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = ring[first], ring[last]
        length = math.hypot(bx - ax, by - ay)
        worst, where = 0.0, None
        for i in range(first + 1, last):
            px, py = ring[i]
            distance = (abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length) if length else math.hypot(px - ax, py - ay)
            if distance > worst:
                worst, where = distance, i
        if where is not None and worst > tolerance:
            keep[where] = True
            stack += [(first, where), (where, last)]
    return [point for point, kept in zip(ring, keep, strict=True) if kept]


def clip(ring: Ring, left: float, top: float, right: float, bottom: float) -> Ring:
    """The part of a ring inside a rectangle (Sutherland-Hodgman); the cut runs along the rectangle's edges."""
    edges = [(lambda p: p[0] >= left, lambda a, b: _at_x(a, b, left)), (lambda p: p[0] <= right, lambda a, b: _at_x(a, b, right)),
             (lambda p: p[1] >= top, lambda a, b: _at_y(a, b, top)), (lambda p: p[1] <= bottom, lambda a, b: _at_y(a, b, bottom))]
    for inside, cross in edges:
        if not ring:
            break
        previous, out = ring[-1], []
        for point in ring:
            if inside(point):
                if not inside(previous):
                    out.append(cross(previous, point))
                out.append(point)
            elif inside(previous):
                out.append(cross(previous, point))
            previous = point
        ring = out
    return ring


def _at_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _at_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def _code(geometry: dict) -> str | None:
    aliases = get_global("territory_aliases")
    number = str(geometry.get("id") or "")
    if number in aliases:
        return aliases[number][0]
    names = {name: code for code, name in Locale("en").territories.items() if len(code) == 2}
    return names.get(geometry.get("properties", {}).get("name", ""))


def _path(ring: Ring) -> str:
    points = [(round(x * UNITS_PER_KM), round(y * UNITS_PER_KM)) for x, y in ring]
    steps, (px, py) = [f"M{points[0][0]} {points[0][1]}"], points[0]
    for x, y in points[1:]:
        if (x, y) != (px, py):
            steps.append(f"l{x - px} {y - py}")
            px, py = x, y
    return "".join(steps) + "z" if len(steps) > 2 else ""


def main(source: Path) -> None:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    countries: dict[str, list[Ring]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = [[project(*point) for point in ring] for polygon in _polygons(geometry, arcs) for ring in polygon]
        countries.setdefault(_code(geometry) or "", []).extend(rings)
    frame = [point for code in FRAME for point in max(countries[code], key=len)]  # the mainland, not far islands
    left, right = min(x for x, _ in frame) - MARGIN_KM, max(x for x, _ in frame) + MARGIN_KM
    top, bottom = min(y for _, y in frame) - MARGIN_KM, max(y for _, y in frame) + MARGIN_KM
    shapes: dict[str, str] = {}
    for code, rings in sorted(countries.items()):
        # Cut a little outside the frame, so that the cut edges stay out of sight.
        inside = [clip(ring, left - MARGIN_KM, top - MARGIN_KM, right + MARGIN_KM, bottom + MARGIN_KM) for ring in rings]
        path = "".join(_path(simplify(ring, TOLERANCE_KM)) for ring in inside if len(ring) > 2)
        if path:
            shapes[code.lower()] = path  # "" is land without a code
    box = [round(value * UNITS_PER_KM) for value in (left, top, right - left, bottom - top)]
    OUTPUT.write_text(json.dumps({"source": SOURCE, "projection": "Lambert azimuthal equal-area, 52N 10E, on a sphere",
                                  "tolerance_km": TOLERANCE_KM, "units_per_km": UNITS_PER_KM, "viewBox": box,
                                  "shapes": shapes}, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{OUTPUT.name}: {len(shapes)} shapes, {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
