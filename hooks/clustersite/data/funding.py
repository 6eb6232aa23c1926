"""A project's funding as the fact sheet shows it: each source's share, and its amount where one is given.

Funding is written either as shares of the budget (`share: 93.96`) or, as Horizon Europe grant
agreements state it, as amounts (`amount: 4999000` of a `budget:` of 5980250.50); the shares of
amounts are worked out here. record_rules.py checks that the figures agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from .localized_text import Localized
from .value_types import Number

if TYPE_CHECKING:
    from .model import Project

_RECORD = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)  # as model.Record: unknown keys are mistakes


class Money(BaseModel):
    model_config = _RECORD

    amount: Number = Field(gt=0)
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code, such as EUR.")


class FundingShare(BaseModel):
    """One source of funding: a share of the budget, or an amount (whose share is worked out)."""

    model_config = _RECORD

    source: Localized
    share: Number | None = Field(None, gt=0, le=100, description="Percentage of the total budget, such as 93.96.")
    amount: Number | None = Field(None, gt=0, description="Amount in the budget's currency, such as 4999000 for the EU contribution.")


@dataclass(frozen=True)
class FundingLine:
    source: Localized
    share: Decimal  # per cent
    amount: Money | None  # given amounts only: an amount worked out from a rounded share would claim a precision it lacks


def funding_lines(project: Project) -> list[FundingLine]:
    """Each funding source with its share of the budget; shares of amounts to 0.01 %."""
    lines = []
    for part in project.funding:
        if part.amount is not None and project.budget is not None:
            share = (part.amount * 100 / project.budget.amount).quantize(Decimal("0.01"))
            lines.append(FundingLine(part.source, share, Money(amount=part.amount, currency=project.budget.currency)))
        elif part.share is not None:
            lines.append(FundingLine(part.source, part.share, None))
    return lines
