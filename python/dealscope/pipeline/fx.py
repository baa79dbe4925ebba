"""Money to US dollars with the shipped table of yearly average rates (lexicon/fx.toml)."""

from __future__ import annotations

from functools import cache

from ..lexicon import _read


@cache
def rates() -> dict[str, dict[int, float]]:
    table = _read("fx").get("usd_per_unit", {})
    return {cur: {int(y): float(r) for y, r in years.items()} for cur, years in table.items()}


def to_usd(amount: float | None, currency: str | None, year: int | None) -> float | None:
    """The amount in US dollars at the year's average rate (the nearest year the
    table has when the year is outside it or unknown); None for an unknown currency."""
    if amount is None or currency is None:
        return None
    if currency == "USD":
        return amount
    years = rates().get(currency)
    if not years:
        return None
    if year is None or year not in years:
        year = max(years) if year is None else min(years, key=lambda y: (abs(y - year), -y))
    return amount * years[year]
