"""The partner map: Natural Earth outlines kept in the repository, every European country drawn and nameable."""

from __future__ import annotations

import json
import re

from clustersite.pages.europe_map import OUTLINES, partner_map


def test_the_outlines_say_where_they_come_from_and_how_they_were_simplified():
    outlines = json.loads(OUTLINES.read_text(encoding="utf-8"))
    assert outlines["source"].startswith("Natural Earth") and outlines["tolerance_km"] > 0
    # Small states and partially recognised ones are drawn too (Natural Earth 1:50m has them).
    assert {"mt", "lu", "li", "ad", "sm", "cy", "xk", "rs", "tr", "ua", "no", "ch", "is"} <= set(outlines["shapes"])


def test_partner_countries_are_highlighted_and_named():
    svg = str(partner_map(["RS", "BG"], {"RS": "Srbija", "BG": "Bugarska"}, "map-x"))
    assert svg.startswith('<svg class="europe-map" viewBox="') and 'aria-labelledby="map-x-title"' in svg
    assert '<title id="map-x-title">Srbija, Bugarska</title>' in svg
    assert sorted(re.findall(r'class="partner" d="[^"]+"><title>([^<]+)</title>', svg)) == ["Bugarska", "Srbija"]
    assert svg.count("<path") == len(json.loads(OUTLINES.read_text(encoding="utf-8"))["shapes"])
