"""What the periodic reports need: the events' reporting fields, and data/reporting.yaml.

model.py declares the events that use these types; `clustersite report` and the
project pages' "Dissemination in figures" read them.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
    model_validator,
)

from .validation_notes import Refers, note_record
from .value_types import COUNTRY_CODES, Country, Id, problem

_RECORD = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)  # as model.Record: unknown keys are mistakes

AudienceType = Annotated[Id, Refers("audiences")]
CountryCode = Annotated[Country, WithJsonSchema({"type": "string", "enum": list(COUNTRY_CODES)})]  # editors complete the codes


class Estimate(BaseModel):
    """A number of people the sources give only roughly: `about: 120`, or `at_least: 50` for "more than 50"."""

    model_config = _RECORD
    about: int | None = Field(None, gt=0, description="An estimate, such as `about: 120`.")
    at_least: int | None = Field(None, gt=0, description="A lower bound, for sources that say \"more than 50\".")

    @property
    def value(self) -> int:
        return self.about if self.about is not None else self.at_least or 0

    @property
    def qualifier(self) -> str:
        return "about" if self.about is not None else "at least"


def _audience_size(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    # One worded message instead of pydantic's two (one per form of the union).
    try:
        if isinstance(value, bool):
            raise ValueError(value)
        return handler(value)
    except (ValidationError, ValueError):
        raise problem(
            "audience_size_format", "this is not a number of people",
            expected="a whole number above 0, such as `120`; or `about: 120` for an estimate, `at_least: 50` for \"more than 50\"",
            hint="write the number alone, without words or separators; leave the key out when the sources give no number",
        ) from None


AudienceSize = Annotated[Annotated[int, Field(gt=0)] | Estimate, WrapValidator(_audience_size)]


class ActivityCategory(BaseModel):
    """One of the granting authority's activity types, with the event types reported under it."""

    model_config = _RECORD
    name: str = Field(description="The category as the report forms spell it, such as `Organisation of a conference`.")
    event_types: list[Annotated[Id, Refers("event_types")]] = Field(min_length=1, description="Keys of `event_types` in data/ui.yaml.")


class ReportingFile(BaseModel):
    """data/reporting.yaml: how the timeline's events are reported to the granting authority."""

    model_config = _RECORD
    categories: list[ActivityCategory] = Field(min_length=1)

    @model_validator(mode="after")
    def _note(self, info: ValidationInfo) -> ReportingFile:
        return note_record(self, info)  # its rule (each event type in one category) is in record_rules.py
