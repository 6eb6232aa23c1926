"""Value types used by the model: localized text, dates, ids, countries, links.

Each type checks what staff typed and, when it is wrong, says so in words a
communications officer can act on. The checks raise pydantic errors whose
`ctx` carries `expected` and `hint`; `validation.py` turns them into problems.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any

from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages
from pydantic import AfterValidator, BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler, StringConstraints, ValidationInfo
from pydantic_core import PydanticCustomError, core_schema

_TERRITORIES = {code for code in Locale("en").territories if len(code) == 2 and code.isalpha()}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
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
# the tens of thousands of ids; validation.py words its error with `id_error`.
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


@dataclass(frozen=True)
class Refers:
    """Marks a field whose value names something defined elsewhere.

    `to` is a registry (`organisations`, `projects`, `places`), a list of words in
    data/ui.yaml (`event_types`, `organisation_types`) or `docs` (a file under docs/).
    The cross-file checks read these marks; while a file is validated, every value
    of a marked field is noted in the file's `Seen`, so that the checks can look
    them up without walking the records again.
    """

    to: str

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        to = self.to

        def note(value: str, info: ValidationInfo) -> str:
            seen = _seen(info)
            if seen is not None:
                seen.references.setdefault(to, []).append(value)
            return value

        return core_schema.with_info_after_validator_function(note, handler(source))


@dataclass
class Seen:
    """What validating one file met, for the cross-file checks' quick look.

    Texts are noted only when a language is missing or a link needs checking;
    references and records with rules are all noted.
    """

    texts: list[Localized] = field(default_factory=list)
    references: dict[str, list[str]] = field(default_factory=dict)
    records: list[Any] = field(default_factory=list)


def _seen(info: ValidationInfo) -> Seen | None:
    """Where this validation run notes what it meets (validation_context); None outside the loader."""
    return info.context.get("seen") if info.context else None


def note_record(record: Any, info: ValidationInfo) -> Any:
    """Model validator for records that have rules (see rules.py): note them in the file's Seen."""
    seen = _seen(info)
    if seen is not None:
        seen.records.append(record)
    return record


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


def _check_time(value: str) -> str:
    if not _TIME.match(value):
        raise problem(
            "time_format", "this is not a time of day", expected="a 24-hour time written HH:MM, such as `08:30`",
            hint="write hours and minutes with two digits each, separated by a colon",
        )
    return value


Time = Annotated[str, AfterValidator(_check_time)]


# --- dates -----------------------------------------------------------------


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


# --- localized text ----------------------------------------------------------


LOCALIZED_DESCRIPTION = "Text in each language: en, sr (Serbian, Latin script), bg, cs."


class Localized(dict[str, str]):
    """Text in several languages, keyed by language code (`en`, `sr`, `bg`, `cs`)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        # The texts are stripped in _check_languages, only where needed: pydantic-core's own
        # stripping copies every string, which was a third of the time validation took.
        mapping = core_schema.dict_schema(core_schema.str_schema(strip_whitespace=True), core_schema.str_schema(strip_whitespace=False))
        return core_schema.with_info_after_validator_function(_check_languages, mapping)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        result = handler(schema)
        result["description"] = LOCALIZED_DESCRIPTION
        return result

    def needs_a_look(self, languages: int) -> bool:
        """Whether a language is missing or a link may need checking; false for most texts.

        Validation allows no keys but the site's languages, so fewer keys means a missing
        one. Every link in Markdown or HTML has a `]` or a `<`; most texts have neither.
        """
        return len(self) != languages or not all(
            content and "<" not in content and "]" not in content for content in self.values())

    def get_in(self, language: str, fallback: str) -> tuple[str, str]:
        """The text in `language`, or in `fallback`, with the language actually used."""
        if self.get(language):
            return self[language], language
        return self.get(fallback, ""), fallback


@dataclass(frozen=True)
class TextRules:
    """The site's languages, as localized text is checked against them (one per validation run)."""

    codes: tuple[str, ...]
    default: str

    @cached_property
    def allowed(self) -> frozenset[str]:
        return frozenset(self.codes)


def validation_context(codes: tuple[str, ...], default: str, seen: Seen | None = None) -> dict[str, Any]:
    """The context the model's validators read: the languages, and where to note what they meet."""
    return {"text": TextRules(tuple(codes), default), "seen": seen}


def _check_languages(value: dict[str, str], info: ValidationInfo) -> Localized:
    # Called for every localized text (50,000 for 10,000 events), so it is one loop over
    # the languages that strips (a `|` block ends in a line break) and looks for what
    # Localized.needs_a_look looks for.
    text = Localized(value)
    look = False
    for key, content in value.items():
        stripped = content.strip()
        if stripped is not content:
            text[key] = stripped
        if not stripped or "<" in stripped or "]" in stripped:
            look = True
    context = info.context
    rules: TextRules | None = context.get("text") if context else None
    if rules is None:
        return text
    if not rules.allowed.issuperset(text):
        key = next(key for key in text if key not in rules.allowed)
        raise problem(
            "language_unknown", f"`{key}` is not one of the site's languages",
            expected="one of " + ", ".join(f"`{code}`" for code in rules.codes),
            hint=language_hint(key, rules.codes), key=key,
        )
    if not text.get(rules.default):
        raise problem(
            "language_default_missing", f"the text has no `{rules.default}` version",
            expected=f"at least `{rules.default}: ...`, which every other language falls back to",
            hint=f"add a line `{rules.default}: ...` with the text in the default language",
        )
    seen = context.get("seen")
    if seen is not None and (look or len(text) != len(rules.codes)):
        seen.texts.append(text)
    return text


def language_hint(key: str, languages: tuple[str, ...]) -> str:
    """Suggest the right language code for a mistyped one (`rs` -> `sr`, `cz` -> `cs`)."""
    stem = re.split(r"[-_]", key)[0].lower()
    if stem in languages:
        return f"write `{stem}`; the script and region are set once in mkdocs.yml"
    for official in get_official_languages(key.upper(), de_facto=True):
        code = official.split("_")[0]
        if code in languages:
            return f"did you mean `{code}`? `{key}` is a country code; the language code is `{code}`"
    return "use the language codes listed under the i18n plugin in mkdocs.yml"


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


OptionalText = Annotated[str | None, BeforeValidator(_blank_to_none)]
