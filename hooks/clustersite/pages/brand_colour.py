"""The primary colour's contrast with the white text on it (WCAG 2.1), and a darker shade when it is too low.

    contrast("#3399ff") == 2.94...   darker_passing("#3399ff") == "#2877c7" (4.61:1)

Pure functions; the MkDocs layer turns a failure into one clear error.
"""

from __future__ import annotations

import re

MINIMUM = 4.5  # WCAG 2.1 AA for normal text: the header and footer print white text on the colour
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def is_colour(value: str) -> bool:
    return bool(_COLOUR.match(value))


def _channels(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def luminance(colour: str) -> float:
    """Relative luminance, as WCAG 2.1 defines it."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, other: str = "#ffffff") -> float:
    """The contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(colour), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker_passing(colour: str, minimum: float = MINIMUM) -> str:
    """The lightest shade of the colour (same hue, each channel scaled down alike) with enough contrast."""
    r, g, b = _channels(colour)
    for step in range(100, -1, -1):
        factor = step / 100
        shade = "#{:02x}{:02x}{:02x}".format(*(round(c * factor) for c in (r, g, b)))
        if contrast(shade) >= minimum:
            return shade
    return "#000000"


def colour_problem(colour: str) -> str | None:
    """Why the colour cannot carry white text, with the shade to use instead; None when it can."""
    ratio = contrast(colour)
    if ratio >= MINIMUM:
        return None
    shade = darker_passing(colour)
    return (f"the primary colour {colour} has a contrast of {ratio:.2f}:1 with the white text on it; "
            f"at least {MINIMUM}:1 is needed (WCAG 2.1 AA). Use a darker shade, such as {shade} "
            f"({contrast(shade):.2f}:1).")
