"""The geometry of horizontal bar charts, which templates/_charts.j2 draws as SVG at build time.

No charting library and no script: a bar's length is its value's share of the
largest value, and the numbers printed beside the bars are the data table's.
Each label sits above its bar, so the chart stays narrow enough to be read on a
phone without its text shrinking.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

WIDTH = 360  # viewBox units; the SVG scales to the column's width, up to about this many pixels
FONT = 14
LABEL = FONT + 4  # a label's line, above its bar
BAR = 18  # bar thickness
GAP = 10  # between one bar and the next label
VALUE_ROOM = 48  # right of the longest bar, for its number


@dataclass(frozen=True)
class Bar:
    label: Markup  # already escaped
    value: int
    value_text: str  # the value as the language writes it
    top: float  # the top of the row: its label's line
    length: float

    @property
    def label_y(self) -> float:
        return self.top + FONT

    @property
    def bar_y(self) -> float:
        return self.top + LABEL

    @property
    def value_x(self) -> float:
        return round(self.length + 6, 1)

    @property
    def value_y(self) -> float:
        return round(self.bar_y + BAR * 0.75, 1)


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    height: float
    width: int = WIDTH
    bar: int = BAR
    font: int = FONT


def bar_chart(rows: list[tuple[Markup, int, str]]) -> BarChart:
    """One bar per (label, value, value as text), in the order given."""
    room = WIDTH - VALUE_ROOM
    largest = max((value for _, value, _ in rows), default=0) or 1
    step = LABEL + BAR + GAP
    bars = [Bar(label, value, text, i * step, round(room * value / largest, 1)) for i, (label, value, text) in enumerate(rows)]
    return BarChart(bars, len(rows) * step)
