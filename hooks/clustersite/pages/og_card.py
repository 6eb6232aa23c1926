"""The picture shared with a link to a page that has none of its own (og:image): the EU emblem on the brand colour.

It carries no text: no font that covers Latin, Cyrillic and Czech letters is certain
to be installed wherever the site is built, and a missing glyph would show as a box.
The page's title travels with the link as og:title anyway.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw

from .eu_emblem import HEIGHT, REFLEX_BLUE, STAR_RADIUS, WIDTH, YELLOW, star_centres, star_points

CARD_PATH = "assets/og-card.png"
CARD_SIZE = (1200, 630)  # the size Open Graph readers show without cropping


def card(brand_colour: str) -> Image.Image:
    """The card: a band of the brand colour with the emblem centred on white."""
    image = Image.new("RGB", CARD_SIZE, "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, CARD_SIZE[1] - 60, CARD_SIZE[0], CARD_SIZE[1]), fill=brand_colour)
    scale = 360 / HEIGHT  # the emblem 540 x 360 px
    left, top = (CARD_SIZE[0] - WIDTH * scale) / 2, (CARD_SIZE[1] - 60 - HEIGHT * scale) / 2
    draw.rectangle((left, top, left + WIDTH * scale, top + HEIGHT * scale), fill=REFLEX_BLUE)
    for cx, cy in star_centres():
        points = [(left + x * scale, top + y * scale) for x, y in star_points(cx, cy, STAR_RADIUS)]
        draw.polygon(points, fill=YELLOW)
    return image


def write_card(site_dir: Path, brand_colour: str) -> Path:
    target = site_dir / CARD_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_card_png(brand_colour))
    return target


@lru_cache(maxsize=2)
def _card_png(brand_colour: str) -> bytes:
    # Kept: compressing it takes longer than the rest of a preview rebuild's pictures, and it changes with the colour alone.
    encoded = io.BytesIO()
    card(brand_colour).save(encoded, "PNG", optimize=True)
    return encoded.getvalue()
