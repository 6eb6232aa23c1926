"""The EU emblem, drawn to its official geometric construction.

The flag is a rectangle 1.5 times as wide as it is high, reflex blue. Twelve
gold five-pointed stars stand on an invisible circle whose radius is one third
of the height, at the positions of the hours on a clock face. Each star fits in
a circle whose radius is one eighteenth of the height, with one point upwards.
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

REFLEX_BLUE = "#003399"
YELLOW = "#FFCC00"
HEIGHT = 200.0
WIDTH = HEIGHT * 1.5
CIRCLE_RADIUS = HEIGHT / 3
STAR_RADIUS = HEIGHT / 18


def star_points(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    """A regular five-pointed star, one point straight up."""
    inner = outer * math.sin(math.radians(18)) / math.sin(math.radians(126))
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def star_centres() -> list[tuple[float, float]]:
    cx, cy = WIDTH / 2, HEIGHT / 2
    return [(cx + CIRCLE_RADIUS * math.sin(math.radians(30 * h)), cy - CIRCLE_RADIUS * math.cos(math.radians(30 * h)))
            for h in range(12)]


def eu_emblem_svg(label: str) -> Markup:
    stars = "".join(
        '<polygon points="{}"/>'.format(" ".join(f"{x:.2f},{y:.2f}" for x, y in star_points(cx, cy, STAR_RADIUS)))
        for cx, cy in star_centres()
    )
    return Markup(
        f'<svg class="eu-emblem" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" width="60" height="40" role="img" '
        f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
        f'<rect width="{WIDTH:.0f}" height="{HEIGHT:.0f}" fill="{REFLEX_BLUE}"/>'
        f'<g fill="{YELLOW}">{stars}</g></svg>'
    )
