"""Resized copies of event and news pictures: about 480, 960 and 1600 px wide, WebP and the original format.

    plan(path, fact) -> PicturePlan        what a page links to (pure; no file is read)
    make(plans, docs_dir, cache_dir, out)   encode what the cache lacks, copy into the built site

A picture is never made larger than it is. Every copy is encoded from the pixels
alone, so EXIF data (camera, date, GPS position) and other metadata are left
behind; the EXIF orientation is applied first, so that the picture stands as shot.
Copies are named after a digest of the original's bytes: an unchanged picture is
not encoded again on the next build, and a changed one gets new addresses.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..data.image_facts import ImageFact

if TYPE_CHECKING:
    from PIL import Image

WIDTHS = (480, 960, 1600)
FOLDER = "assets/renditions"
_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
_SUFFIX = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
_QUALITY = {"JPEG": 82, "WEBP": 78}


@dataclass(frozen=True)
class Rendition:
    path: str  # below the site's root, such as assets/renditions/0123abcd-960.webp
    width: int
    height: int
    format: str  # Pillow's name: JPEG, PNG, WEBP


@dataclass(frozen=True)
class PicturePlan:
    """A picture's copies: WebP for browsers that read it, the original format for the others."""

    source: str
    width: int
    height: int
    webp: tuple[Rendition, ...]
    fallback: tuple[Rendition, ...]

    @property
    def renditions(self) -> tuple[Rendition, ...]:
        return tuple(dict.fromkeys((*self.webp, *self.fallback)))

    @property
    def default(self) -> Rendition:
        """The copy an old browser loads: the fallback closest to 960 px."""
        return min(self.fallback, key=lambda r: abs(r.width - WIDTHS[1]))


def widths_for(width: int) -> list[int]:
    """About 480, 960 and 1600 px, never wider than the original."""
    return sorted({min(target, width) for target in WIDTHS})


def plan(source: str, fact: ImageFact) -> PicturePlan:
    original = _FORMATS[Path(source).suffix.lower()]

    def copies(kind: str) -> tuple[Rendition, ...]:
        return tuple(
            Rendition(f"{FOLDER}/{fact.digest}-{w}.{_SUFFIX[kind]}", w, max(1, round(fact.height * w / fact.width)), kind)
            for w in widths_for(fact.width))

    return PicturePlan(source, fact.width, fact.height, copies("WEBP"), copies(original))


def make(plans: Iterable[PicturePlan], docs_dir: Path, cache_dir: Path, out_dir: Path) -> int:
    """Put every rendition into `out_dir`, encoding only those the cache lacks; returns how many were encoded."""
    encoded = 0
    for picture in plans:
        missing = [r for r in picture.renditions if not (cache_dir / Path(r.path).name).is_file()]
        if missing:
            from PIL import Image, ImageOps  # here: a site without raster pictures never loads Pillow

            cache_dir.mkdir(parents=True, exist_ok=True)
            with Image.open(docs_dir / picture.source) as opened:
                upright = ImageOps.exif_transpose(opened)
                for rendition in missing:
                    _encode(upright, rendition, cache_dir / Path(rendition.path).name)
                    encoded += 1
        for rendition in picture.renditions:
            target = out_dir / rendition.path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cache_dir / Path(rendition.path).name, target)
    return encoded


def _encode(image: Image.Image, rendition: Rendition, target: Path) -> None:
    from PIL import Image  # as in make()

    mode = "RGB" if rendition.format == "JPEG" else ("RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB")
    resized = image.convert(mode).resize((rendition.width, rendition.height), Image.Resampling.LANCZOS)
    clean = Image.new(resized.mode, resized.size)  # pixels only: no EXIF, XMP, ICC or comments come along
    clean.paste(resized)
    partial = target.with_suffix(target.suffix + ".part")  # a build stopped half-way leaves no broken cache entry
    options = {"quality": _QUALITY[rendition.format]} if rendition.format in _QUALITY else {"optimize": True}
    clean.save(partial, rendition.format, **options)
    partial.replace(target)
