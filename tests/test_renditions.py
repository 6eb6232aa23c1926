"""Picture renditions: sizes never upscaled, WebP and the original format, no EXIF, and a cache that skips unchanged
pictures; the og:image card, drawn once per brand colour."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from clustersite.data.image_facts import facts_of
from clustersite.pages import og_card, renditions
from conftest import DISSEMINATION

PICTURES = ["assets/pictures/meeting.jpg", "assets/pictures/small.png", "assets/pictures/ornament.webp"]


def plans(docs: Path) -> list[renditions.PicturePlan]:
    facts = facts_of(docs, set(PICTURES))
    return [renditions.plan(path, facts[path]) for path in PICTURES]


def test_widths_are_about_480_960_1600_and_never_upscaled():
    assert renditions.widths_for(2000) == [480, 960, 1600]
    assert renditions.widths_for(1200) == [480, 960, 1200]
    assert renditions.widths_for(300) == [300]


def test_renditions_have_the_planned_size_and_format_and_no_metadata(tmp_path):
    docs = DISSEMINATION / "docs"
    with Image.open(docs / PICTURES[0]) as original:
        assert original.getexif().get_ifd(0x8825), "test setup: the fixture JPEG carries a GPS position"
    planned = plans(docs)
    made = renditions.make(planned, docs, tmp_path / "cache", tmp_path / "site")
    meeting, small, ornament = ([(r.width, r.height, r.format) for r in p.renditions] for p in planned)
    assert meeting == [(480, 320, "WEBP"), (960, 640, "WEBP"), (1600, 1066, "WEBP"),
                       (480, 320, "JPEG"), (960, 640, "JPEG"), (1600, 1066, "JPEG")]
    assert small == [(300, 200, "WEBP"), (300, 200, "PNG")]
    assert ornament == [(480, 360, "WEBP"), (800, 600, "WEBP")]  # a WebP original needs no second format
    files = sorted((tmp_path / "site" / renditions.FOLDER).iterdir())
    assert made == len(files) == 10
    for rendition in (r for p in planned for r in p.renditions):
        path = tmp_path / "site" / rendition.path
        with Image.open(path) as image:
            assert (image.width, image.height, image.format) == (rendition.width, rendition.height, rendition.format), path.name
            assert not image.getexif(), path.name
            assert "exif" not in image.info and "xmp" not in image.info and "icc_profile" not in image.info, path.name
    assert all(path.read_bytes().find(b"FixtureCam") == -1 for path in files)
    big = [p for p in files if p.name.endswith("-1600.webp")][0]
    assert big.stat().st_size < (docs / PICTURES[0]).stat().st_size * 2


def test_an_unchanged_picture_is_not_encoded_again(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DISSEMINATION / "docs" / "assets", docs / "assets")
    cache = tmp_path / "cache"
    assert renditions.make(plans(docs), docs, cache, tmp_path / "one") == 10
    assert renditions.make(plans(docs), docs, cache, tmp_path / "two") == 0
    assert sorted(p.name for p in (tmp_path / "two" / renditions.FOLDER).iterdir()) == sorted(p.name for p in cache.iterdir())
    with Image.open(docs / PICTURES[1]) as image:  # a changed picture gets new names, and only it is encoded
        image.rotate(180).save(docs / PICTURES[1])
    assert renditions.make(plans(docs), docs, cache, tmp_path / "three") == 2


def test_the_fallback_src_is_the_copy_nearest_960_px():
    plan = plans(DISSEMINATION / "docs")[0]
    assert plan.default.width == 960 and plan.default.format == "JPEG"
    assert [r.width for r in plan.webp] == [480, 960, 1600]


def test_the_og_card_is_drawn_once_per_colour_then_taken_from_the_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    drawn = og_card.write_card(tmp_path / "one", "#003399", cache).read_bytes()
    assert drawn == og_card._card_png("#003399")  # the cache changes nothing in the card
    monkeypatch.setattr(og_card, "card", lambda colour: pytest.fail(f"the {colour} card was drawn again"))
    assert og_card.write_card(tmp_path / "two", "#003399", cache).read_bytes() == drawn
    monkeypatch.undo()
    other = og_card.write_card(tmp_path / "three", "#1a5e20", cache)
    with Image.open(other) as image:  # another colour, another card: the band at the bottom is in it
        assert image.getpixel((0, og_card.CARD_SIZE[1] - 1)) == (0x1A, 0x5E, 0x20)
    assert len(list(cache.glob("og-card-*.png"))) == 2
    assert not list(cache.glob("*.part"))


def test_a_change_to_the_drawing_code_draws_the_card_again(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    og_card.write_card(tmp_path / "one", "#003399", cache)
    changed = tmp_path / "og_card.py"
    changed.write_text(og_card._DRAWN_BY[0].read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    monkeypatch.setattr(og_card, "_DRAWN_BY", (changed, og_card._DRAWN_BY[1]))
    og_card.write_card(tmp_path / "two", "#003399", cache)
    assert len(list(cache.glob("og-card-*.png"))) == 2


def test_a_cache_folder_that_cannot_be_written_still_gives_the_card(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    card = og_card.write_card(tmp_path / "site", "#003399", blocker / "og-card")  # under a file: mkdir fails
    assert card.read_bytes() == og_card._card_png("#003399")
