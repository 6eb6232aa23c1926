"""What validating one file notes for the cross-file checks: references, texts, records with rules.

Validators note what they meet in the file's `Seen` (passed in the validation
context), so that the checks after validation need not walk every record again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import GetCoreSchemaHandler, ValidationInfo
from pydantic_core import core_schema

from .localized_text import Localized, TextRules


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
    """Model validator for records that have rules (see record_rules.py): note them in the file's Seen."""
    seen = _seen(info)
    if seen is not None:
        seen.records.append(record)
    return record


def validation_context(codes: tuple[str, ...], default: str, seen: Seen | None = None) -> dict[str, Any]:
    """The context the model's validators read: the languages, and where to note what they meet."""
    return {"text": TextRules(tuple(codes), default), "seen": seen}
