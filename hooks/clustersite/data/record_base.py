"""The base classes of every record of the model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

from .validation_notes import note_record


class Record(BaseModel):
    """Base of every record: unknown keys are mistakes, not extensions."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class RuledRecord(Record):
    """A record with rules that compare its fields (record_rules.py); validation notes each one."""

    @model_validator(mode="after")
    def _note(self, info: ValidationInfo) -> RuledRecord:
        return note_record(self, info)
