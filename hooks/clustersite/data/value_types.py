"""Value types used by the model: ids, countries, languages, links, numbers, times.

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

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator, BeforeValidator, StringConstraints
from pydantic_core import PydanticCustomError

from .limits import MAX_DECIMALS, MAX_ID_CHARS, MAX_NUMBER
from .url_safety import hidden_character, link_problem

_TERRITORIES = {code for code in Locale("en").territories if len(code) == 2 and code.isalpha()}
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


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
        expected="lower-case letters, digits and hyphens, such as `my-project`",
        hint=f"write it as `{suggestion}`, and change every place that refers to it",
    )


# The pattern is checked inside pydantic-core, without a call into Python for each of
# the tens of thousands of ids; validation_errors.py words its error with `id_error`.
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=MAX_ID_CHARS)]


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


def _check_language(value: str) -> str:
    try:
        Locale.parse(value.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise problem(
            "language_unknown", "this is not a language code",
            expected="a language code (BCP 47), such as `it`, `en` or `sr-Latn`",
            hint="use the two-letter ISO 639-1 code of the language, for example `de` for German",
        ) from None
    return value


LanguageTag = Annotated[str, AfterValidator(_check_language)]
COUNTRY_CODES = tuple(sorted(_TERRITORIES))  # CLDR's two-letter territories, for the JSON Schemas' completion


# --- links -----------------------------------------------------------------


def check_link(value: str) -> str:
    """Only http, https, mailto and relative links may reach a page, read as a browser reads them."""
    wrong = link_problem(value)
    if wrong:
        raise problem(
            "link_scheme", wrong,
            expected="a link starting with https://, http:// or mailto:, or a relative link",
            hint="use the page's https:// address, typed again without invisible characters",
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


def _check_number(value: Decimal) -> Decimal:
    """Amounts and shares within reason: finite, within limits.MAX_NUMBER, at most a few decimals."""
    if not value.is_finite() or abs(value) >= MAX_NUMBER or value.as_tuple().exponent < -MAX_DECIMALS:
        raise problem(
            "number_range", "this number is out of range",
            expected=f"a number below {MAX_NUMBER:,} with at most {MAX_DECIMALS} decimals, such as `425698.75`",
            hint="check the number: write it out in digits, with a point for decimals",
        )
    return value


Number = Annotated[Decimal, BeforeValidator(_decimal_from_float), AfterValidator(_check_number)]


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


def _check_docs_path(value: str) -> str:
    """A path under docs/, written relative to it, that cannot lead out of it."""
    parts = value.replace("\\", "/").split("/")
    if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value) or ".." in parts or "\\" in value or hidden_character(value):
        raise problem(
            "docs_path", "this path leads outside docs/",
            expected="a path inside docs/, written relative to it, such as `files/agenda.pdf`",
            hint="put the file under docs/ and write its path from there, with `/` and without `..`",
        )
    return value


DocsPath = Annotated[str, AfterValidator(_check_docs_path)]


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


OptionalText = Annotated[str | None, BeforeValidator(_blank_to_none)]
