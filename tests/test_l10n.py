"""CLDR formats in the four languages (unit tests of pure functions)."""

from datetime import date
from decimal import Decimal

import pytest

from clustersite.data.dates import Day
from clustersite.pages import l10n


def nbsp_free(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


@pytest.mark.parametrize("tag, expected", [
    ("cs", "16. listopadu 2016"),
    ("bg", "16 ноември 2016 г."),
    ("sr-Latn", "16. novembar 2016."),
    ("en", "16 November 2016"),
])
def test_long_dates(tag, expected):
    assert nbsp_free(l10n.long_date(date(2016, 11, 16), tag)) == expected


@pytest.mark.parametrize("tag, same_month, across_months", [
    ("cs", "28.–29. června 2017", "8. března – 15. května 2017"),
    ("sr-Latn", "28.–29. jun 2017.", "8. mart – 15. maj 2017."),
    ("bg", "28 – 29 юни 2017 г.", "8 март – 15 май 2017 г."),
    ("en", "28 – 29 June 2017", "8 March – 15 May 2017"),
])
def test_date_ranges(tag, same_month, across_months):
    assert nbsp_free(l10n.date_range(Day(date(2017, 6, 28)), Day(date(2017, 6, 29)), tag)) == same_month
    assert nbsp_free(l10n.date_range(Day(date(2017, 3, 8)), Day(date(2017, 5, 15)), tag)) == across_months


def test_month_headings_use_standalone_forms():
    assert l10n.month_year(date(2016, 11, 1), "cs") == "listopad 2016"
    assert nbsp_free(l10n.date_range(Day(date(2011, 12, 1), True), Day(date(2013, 11, 1), True), "cs")) == "prosinec 2011 – listopad 2013"


@pytest.mark.parametrize("tag, italy", [("cs", "Itálie"), ("bg", "Италия"), ("sr-Latn", "Italija"), ("en", "Italy")])
def test_country_names(tag, italy):
    assert l10n.country("IT", tag) == italy


def test_amounts_percentages_and_plural_months():
    assert nbsp_free(l10n.amount(Decimal("425698.75"), "EUR", "cs")) == "425 698,75 €"
    assert nbsp_free(l10n.percent(Decimal("93.96"), "cs")) == "93,96 %"
    assert l10n.percent(Decimal("6.04"), "en") == "6.04%"
    assert [l10n.months(24, t) for t in ("en", "sr-Latn", "bg", "cs")] == ["24 months", "24 meseca", "24 месеца", "24 měsíců"]
