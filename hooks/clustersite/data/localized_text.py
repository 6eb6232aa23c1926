"""Text in several languages (`en: ...`, `sr: ...`), checked against the site's languages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any

from babel.languages import get_official_languages
from pydantic import AfterValidator, GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationInfo
from pydantic_core import core_schema

from .limits import MAX_TEXT_CHARS, MAX_TITLE_CHARS
from .value_types import problem

LOCALIZED_DESCRIPTION = "Text in each of the site's languages, one line per language code, such as `en: ...`."


class Localized(dict[str, str]):
    """Text in several languages, keyed by language code (`en`, `sr`, `bg`, `cs`)."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        # The texts are stripped in _check_languages, only where needed: pydantic-core's own
        # stripping copies every string, which was a third of the time validation took.
        # A language written `~` (nothing) counts as missing, as an empty one does.
        value = core_schema.nullable_schema(core_schema.str_schema(strip_whitespace=False, max_length=MAX_TEXT_CHARS))
        mapping = core_schema.dict_schema(core_schema.str_schema(strip_whitespace=True), value)
        return core_schema.with_info_after_validator_function(_check_languages, mapping)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        result = handler(schema)
        result["description"] = LOCALIZED_DESCRIPTION
        # Editors show `~` as a mistake: the model counts it as a missing language, never as text.
        result["additionalProperties"] = {"type": "string", "maxLength": MAX_TEXT_CHARS}
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
    optional: tuple[str, ...] = ()  # keys allowed but never missing: hand-made texts of derived languages (sr-Cyrl)

    @cached_property
    def allowed(self) -> frozenset[str]:
        return frozenset(self.codes + self.optional)


def _check_languages(value: dict[str, str], info: ValidationInfo) -> Localized:
    # Called for every localized text (50,000 for 10,000 events), so it is one loop over
    # the languages that strips (a `|` block ends in a line break) and looks for what
    # Localized.needs_a_look looks for.
    text = Localized(value)
    look = False
    for key, content in value.items():
        if content is None:
            del text[key]
            continue
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
            expected="one of " + ", ".join(f"`{code}`" for code in rules.codes + rules.optional),
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


def _check_title(text: Localized) -> Localized:
    """A title, a name: one line, of a length a heading can show."""
    for language, content in text.items():
        if len(content) > MAX_TITLE_CHARS or any(char in content for char in "\n\r\u2028\u2029\x85"):
            raise problem(
                "title_form", "a title is one line of at most {max} characters",
                expected=f"one line of at most {MAX_TITLE_CHARS} characters",
                hint="put the longer text in `summary` or `body`, and write the title on one line",
                field=language, max=MAX_TITLE_CHARS,
                found_text=f"{len(content)} characters" + (", with a line break" if len(content.splitlines()) > 1 else ""),
            )
    return text


def _check_line(value: str) -> str:
    return _check_title(Localized({"": value}))[""] if value else value


Title = Annotated[Localized, AfterValidator(_check_title)]
Line = Annotated[str, AfterValidator(_check_line)]
