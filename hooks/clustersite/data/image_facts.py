"""The width and height of pictures and logos under docs/, read once while data/ loads.

Pages give every <img> its width and height, so that the page does not jump
while pictures arrive. Raster files are measured by Pillow (only the header is
read); an SVG by its width/height attributes or its viewBox.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

_PICTURE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
_SVG_ROOT = re.compile(r"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = r'\b{}\s*=\s*["\']\s*([0-9.]+)(?:px)?\s*["\']'
_VIEWBOX = re.compile(r'\bviewBox\s*=\s*["\']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)', re.IGNORECASE)


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) in pixels, or None when the file cannot be read as a picture."""
    if path.suffix.lower() == ".svg":
        return _svg_size(path.read_text(encoding="utf-8", errors="replace"))
    from PIL import Image, UnidentifiedImageError  # here: a site without raster pictures never loads Pillow

    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError):
        return None


def _svg_size(text: str) -> tuple[int, int] | None:
    root = _SVG_ROOT.search(text)
    if root is None:
        return None
    tag = root.group(0)
    width, height = (re.search(_ATTRIBUTE.format(name), tag) for name in ("width", "height"))
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = _VIEWBOX.search(tag)
    if box:
        return round(float(box.group(1))), round(float(box.group(2)))
    return None


def unreadable_picture(path: Path) -> bool:
    """Whether `path` is a picture file (by its name) that exists but has no size the site can read."""
    return path.suffix.lower() in _PICTURE_SUFFIXES and path.is_file() and image_size(path) is None


@dataclass(frozen=True)
class ImageFact:
    """What pages need to know of a picture file: its size and a digest of its bytes."""

    width: int
    height: int
    digest: str  # names its renditions, so that a changed picture gets new addresses and cache entries


def facts_of(docs_dir: Path, paths: set[str]) -> dict[str, ImageFact]:
    """Facts of the files that exist and can be read; the others are left out."""
    found = {}
    for relative in sorted(paths):
        path = docs_dir / relative
        if path.is_file() and (size := image_size(path)) is not None:
            found[relative] = ImageFact(size[0], size[1], hashlib.sha256(path.read_bytes()).hexdigest()[:16])
    return found
