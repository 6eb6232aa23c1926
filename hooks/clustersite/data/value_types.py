"""Value types used by the model: ids, countries, links, numbers, times.

Each type checks what staff typed and, when it is wrong, says so in words a
communications officer can act on. The checks raise pydantic errors whose
`ctx` carries `expected` and `hint`; `validation_errors.py` turns them into problems.
Dates are in `dates.py`, text in several languages in `localized_text.py`.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Annotated, Any

from babel import Locale
from pydantic import AfterValidator, BeforeValidator, StringConstraints
from pydantic_core import PydanticCustomError

_TERRITORIES = {code for code in Locale("en").territories if len(code) == 2 and code.isalpha()}
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def problem(kind: str, message: str, expected: str, hint: str = "", **extra: Any) -> PydanticCustomError:
    """A validation error worded for staff; `message` may use {found}."""
    return PydanticCustomError(kind, message, {"expected": expected, "hint": hint, **extra})


# --- ids -------------------------------------------------------------------

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def id_error(value: str) -> PydanticCustomError:
    """The worded error for an id written in a form ids do not take."""
    suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "my-id"
    return problem(
        "id_format", "this id is not written the way ids are",
        expected="lower-case letters, digits and hyphens, such as `trace-kei`",
        hint=f"write it as `{suggestion}`, and change every place that refers to it",
    )


# The pattern is checked inside pydantic-core, without a call into Python for each of
# the tens of thousands of ids; validation_errors.py words its error with `id_error`.
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


# --- countries ---------------------------------------------------------------


def _check_country(value: str) -> str:
    if value.upper() in _TERRITORIES and value != value.upper():
        raise problem(
            "country_case", "country codes are written in capitals",
            expected="a two-letter ISO 3166-1 code in capitals, such as `IT`",
            hint=f"write `{value.upper()}`",
        )
    if value not in _TERRITORIES:
        hint = "look the code up in the ISO 3166-1 alpha-2 list, for example `RS` for Serbia, `CZ` for Czechia"
        if value.upper() == "UK":
            hint = "the ISO code of the United Kingdom is `GB`"
        if value.upper() == "EL":
            hint = "the ISO code of Greece is `GR` (EL is the EU's own abbreviation)"
        raise problem(
            "country_unknown", "this is not a known country code",
            expected="a two-letter ISO 3166-1 code, such as `IT` or `RS`", hint=hint,
        )
    return value


Country = Annotated[str, AfterValidator(_check_country)]
COUNTRY_CODES = tuple(sorted(_TERRITORIES))  # CLDR's two-letter territories, for the JSON Schemas' completion


# --- links -----------------------------------------------------------------


def check_link(value: str) -> str:
    """Only http, https, mailto and relative links may reach a page."""
    lowered = value.strip().lower()
    if ":" in lowered.split("/", 1)[0] and not lowered.startswith(_SAFE_SCHEMES):
        scheme = lowered.split(":", 1)[0]
        raise problem(
            "link_scheme", f"links starting with `{scheme}:` are not allowed",
            expected="a link starting with https://, http:// or mailto:, or a relative link",
            hint="use the page's https:// address",
        )
    return value


def _check_web_url(value: str) -> str:
    check_link(value)
    if not value.lower().startswith(("http://", "https://")):
        raise problem(
            "url_format", "this is not a web address",
            expected="a full address starting with https://", hint=f"write `https://{value.removeprefix('//')}`",
        )
    return value


Link = Annotated[str, AfterValidator(check_link)]
WebUrl = Annotated[str, AfterValidator(_check_web_url)]


# --- numbers ---------------------------------------------------------------


def _decimal_from_float(value: Any) -> Any:
    """A number the fast YAML reader gave as a float becomes the decimal that was typed.

    A float holds up to 15 significant digits exactly, so `93.96` comes back as
    Decimal('93.96'). Longer numbers, and infinities, are refused here, which
    makes the loader read the file again with every number kept as text.
    """
    if not isinstance(value, float):
        return value
    text = repr(value)
    digits = text.split("e")[0].lstrip("-").replace(".", "").strip("0")
    if not math.isfinite(value) or len(digits) > 15:
        raise PydanticCustomError("float_inexact", "this number needs to be read as text")
    return Decimal(text)


Number = Annotated[Decimal, BeforeValidator(_decimal_from_float)]


# --- times -----------------------------------------------------------------


_TIME_RANGE = re.compile(r"^\s*(\d{1,2}[:.]\d{2})\s*[-–—]\s*(\d{1,2}[:.]\d{2})\s*$")


def _check_time(value: str) -> str:
    if not _TIME.match(value):
        hint = "write hours and minutes with two digits each, separated by a colon"
        if match := _TIME_RANGE.match(value):  # a range: the end has a key of its own
            start, end = (part.replace(".", ":").zfill(5) for part in match.groups())
            hint = f"write the start and the end on two lines: `time: \"{start}\"` and `end_time: \"{end}\"`"
        raise problem("time_format", "this is not a time of day", expected="a 24-hour time written HH:MM, such as `08:30`",
                      hint=hint)
    return value


Time = Annotated[str, AfterValidator(_check_time)]


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


OptionalText = Annotated[str | None, BeforeValidator(_blank_to_none)]
