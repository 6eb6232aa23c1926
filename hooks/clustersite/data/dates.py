"""Dates as staff write them: a day (`2016-11-16`) or a whole month (`2011-12`)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import core_schema

from .limits import YEARS
from .value_types import problem

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Day:
    """A calendar date, or a whole month where the sources give only the month."""

    first: date
    whole_month: bool = False

    @property
    def last(self) -> date:
        if not self.whole_month:
            return self.first
        days = calendar.monthrange(self.first.year, self.first.month)[1]
        return self.first.replace(day=days)

    def iso(self) -> str:
        return self.first.strftime("%Y-%m") if self.whole_month else self.first.isoformat()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            parse_day, serialization=core_schema.plain_serializer_function_ser_schema(lambda d: d.iso())
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}(-\d{2})?$",
            "description": "A date written YYYY-MM-DD, or YYYY-MM when only the month is known.",
        }


def parse_day(value: Any) -> Day:
    """`2016-11-16` or `2011-12`; anything else gets a worded error."""
    if isinstance(value, Day):
        return value
    text = str(value).strip() if value is not None else ""
    expected = "a date written YYYY-MM-DD, such as `2016-11-16` (or YYYY-MM for a whole month)"
    match = _DAY.match(text) or _MONTH.match(text)
    if match and not YEARS[0] <= int(match.group(1)) <= YEARS[1]:
        raise problem("date_range", "this year is out of range", expected=f"a year from {YEARS[0]} to {YEARS[1]}",
                      hint="check the year; dates are written year first, such as `2016-11-16`")
    match = _DAY.match(text)
    if match:
        year, month, day = map(int, match.groups())
        try:
            return Day(date(year, month, day))
        except ValueError:
            raise problem("date_invalid", "this date does not exist in the calendar", expected=expected,
                          hint="check the day and the month; the month comes in the middle") from None
    match = _MONTH.match(text)
    if match:
        year, month = map(int, match.groups())
        if 1 <= month <= 12:
            return Day(date(year, month, 1), whole_month=True)
    raise problem("date_format", "this is not a date", expected=expected, hint=_date_hint(text))


def _date_hint(text: str) -> str:
    parts = re.findall(r"\d+", text)
    if len(parts) == 3 and len(parts[2]) == 4:
        day, month, year = parts
        return f"dates are written year first: `{year}-{int(month):02d}-{int(day):02d}`"
    return "write the year, month and day with hyphens, year first; for a range use `date:` and `end:`"
