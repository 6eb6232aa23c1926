"""Branding by configuration: the primary colour's contrast, logo and favicon, a programme logo."""

from __future__ import annotations

import pytest

from clustersite.pages.brand_colour import MINIMUM, colour_problem, contrast, darker_passing
from conftest import run_build
from fixture_sites import copy_fixture


@pytest.mark.parametrize("colour, ratio", [("#ffffff", 1.0), ("#000000", 21.0), ("#767676", 4.54), ("#777777", 4.48), ("#003399", 10.86)])
def test_contrast_with_white_follows_wcag(colour, ratio):
    assert contrast(colour) == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize("colour", ["#3399ff", "#ffcc00", "#808080", "#777777", "#00cc66"])
def test_a_light_colour_gets_the_lightest_darker_shade_that_passes(colour):
    shade = darker_passing(colour)
    assert contrast(shade) >= MINIMUM
    lighter = "#" + "".join(f"{min(255, int(shade[i:i + 2], 16) + 3):02x}" for i in (1, 3, 5))
    assert contrast(lighter) < MINIMUM  # a little lighter fails: the shade is the lightest that passes
    assert f"Use a darker shade, such as {shade}" in colour_problem(colour)
    assert colour_problem(shade) is None


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_colour_white_text_cannot_be_read_on_stops_the_build_naming_a_shade(tmp_path):
    site = copy_fixture("two-languages", tmp_path / "project")
    edit(site / "mkdocs.yml", '"#00594f"', '"#3399ff"')
    result = run_build(tmp_path / "out", config=site / "mkdocs.yml")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert ("mkdocs.yml: extra.brand.primary: the primary colour #3399ff has a contrast of 2.94:1 with the white text on it; "
            "at least 4.5:1 is needed (WCAG 2.1 AA). Use a darker shade, such as #2877c7 (4.61:1).") in result.stderr


def test_logo_favicon_and_programme_logo(tmp_path):
    site = copy_fixture("two-languages", tmp_path / "project")
    edit(site / "mkdocs.yml", "  font: false\n", "  font: false\n  logo: assets/logo.svg\n  favicon: assets/favicon.svg\n")
    missing = run_build(tmp_path / "missing", config=site / "mkdocs.yml")
    assert "mkdocs.yml: theme.logo is 'assets/logo.svg', but there is no such file under docs/" in missing.stderr
    assets = site / "docs" / "assets"
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
    for name in ("logo.svg", "favicon.svg", "programme.svg"):
        (assets / name).write_text(svg, encoding="utf-8")
    with (site / "data" / "site.yaml").open("a", encoding="utf-8") as file:
        file.write("programme_logo:\n  file: assets/programme.svg\n  link: https://programme.example.org/\n"
                   "  alt:\n    en: Interreg Alpine Space <2026>\n    cs: Interreg Alpský prostor\n")
    result = run_build(tmp_path / "out", config=site / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    english = (tmp_path / "out" / "events" / "index.html").read_text(encoding="utf-8")
    assert '<img src="../assets/logo.svg" alt="logo">' in english
    assert '<link rel="icon" href="../assets/favicon.svg">' in english
    assert ('<a href="https://programme.example.org/"><img src="../assets/programme.svg" alt="Interreg Alpine Space &lt;2026&gt;" '
            'height="40"></a>') in english
    czech = (tmp_path / "out" / "cs" / "events" / "index.html").read_text(encoding="utf-8")
    assert 'alt="Interreg Alpský prostor"' in czech
