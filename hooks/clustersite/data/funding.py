"""A project's funding as the fact sheet shows it: each source's share, and its amount where one is given.

Funding is written either as shares of the budget (`share: 93.96`) or, as Horizon Europe grant
agreements state it, as amounts (`amount: 4999000` of a `budget:` of 5980250.50); the shares of
amounts are worked out here. record_rules.py checks that the figures agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .localized_text import Localized
from .model import Money, Project


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
