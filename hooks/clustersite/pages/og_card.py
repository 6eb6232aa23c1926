"""The picture shared with a link to a page that has none of its own (og:image): the EU emblem on the brand colour.

It carries no text: no font that covers Latin, Cyrillic and Czech letters is certain
to be installed wherever the site is built, and a missing glyph would show as a box.
The page's title travels with the link as og:title anyway.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import TYPE_CHECKING

from .cache_files import write_whole
from .eu_emblem import HEIGHT, REFLEX_BLUE, STAR_RADIUS, WIDTH, YELLOW, star_centres, star_points

if TYPE_CHECKING:
    from PIL import Image

CARD_PATH = "assets/og-card.png"
CARD_SIZE = (1200, 630)  # the size Open Graph readers show without cropping
_DRAWN_BY = (Path(__file__), Path(__file__).with_name("eu_emblem.py"))  # the code the card's look comes from


def card(brand_colour: str) -> Image.Image:
    """The card: a band of the brand colour with the emblem centred on white."""
    from PIL import Image, ImageDraw  # here: a build that finds the card in its cache never loads Pillow

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


def write_card(site_dir: Path, brand_colour: str, cache_dir: Path) -> Path:
    """Put the card into the site; it is drawn only when `cache_dir` lacks this colour's card."""
    cached = cache_dir / f"og-card-{_card_key(brand_colour)}.png"
    try:
        png = cached.read_bytes()
    except OSError:
        # Compressing it takes longer than the rest of the pictures' work, and it changes with the colour alone.
        png = _card_png(brand_colour)
        write_whole(cached, png)  # a read-only checkout draws the card each time
    target = site_dir / CARD_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(png)
    return target


def _card_key(brand_colour: str) -> str:
    """The colour and the drawing code's digest: a change to either draws the card again."""
    digest = hashlib.sha256(brand_colour.encode("utf-8"))
    for source in _DRAWN_BY:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _card_png(brand_colour: str) -> bytes:
    encoded = io.BytesIO()
    card(brand_colour).save(encoded, "PNG", optimize=True)
    return encoded.getvalue()
