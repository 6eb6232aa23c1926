"""The geometry of horizontal bar charts, which templates/_charts.j2 draws as SVG at build time.

No charting library and no script: a bar's length is its value's share of the
largest value, and the numbers printed beside the bars are the data table's.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

WIDTH = 640  # viewBox units; the SVG scales to the column's width
BAR = 24  # bar thickness
GAP = 10  # between bars
FONT = 14
CHAR = 7.6  # the average width of a character at FONT, to make room for the labels
VALUE_ROOM = 56  # right of the longest bar, for its number


@dataclass(frozen=True)
class Bar:
    label: Markup  # already escaped
    value: int
    value_text: str  # the value as the language writes it
    y: float
    length: float

    @property
    def text_y(self) -> float:
        """The baseline of the bar's label and number, centred on the bar."""
        return round(self.y + BAR * 0.7, 1)


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    label_width: float  # labels are right-aligned at this x; bars start just after
    height: float
    width: int = WIDTH
    bar: int = BAR
    font: int = FONT

    @property
    def bars_x(self) -> float:
        return round(self.label_width + 8, 1)


def bar_chart(rows: list[tuple[Markup, int, str]]) -> BarChart:
    """One bar per (label, value, value as text), in the order given."""
    longest_label = max((len(str(label)) for label, _, _ in rows), default=0)
    label_width = min(WIDTH * 0.45, 12 + longest_label * CHAR)
    room = WIDTH - label_width - 8 - VALUE_ROOM
    largest = max((value for _, value, _ in rows), default=0) or 1
    bars = [Bar(label, value, text, GAP + i * (BAR + GAP), round(room * value / largest, 1))
            for i, (label, value, text) in enumerate(rows)]
    return BarChart(bars, round(label_width, 1), GAP + len(rows) * (BAR + GAP))
