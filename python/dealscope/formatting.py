"""How figures and dates are shown to people: by the CLI tables and the app."""

from __future__ import annotations

import datetime as dt

_SCALES = ((1e12, " tn"), (1e9, " bn"), (1e6, " M"), (1e3, " k"))


def fmt_number(value: float | None) -> str:
    """10000000000.0 → '10 bn': readable at a glance; exports keep the exact floats."""
    if value is None:
        return ""
    for size, suffix in _SCALES:
        if abs(value) >= size and abs(value) != float("inf"):
            return f"{value / size:.4g}{suffix}"
    return f"{value:.4g}"


def fmt_range(low: float | None, high: float | None, prefix: str = "") -> str:
    """A bounded figure as stated: '$4 bn', '$10 bn–100 bn', '≤ $10 bn', '≥ $1 bn'."""
    lo = f"{prefix}{fmt_number(low)}" if low is not None else ""
    hi = f"{prefix}{fmt_number(high)}" if high is not None else ""
    if lo and hi:
        return lo if lo == hi else f"{lo}–{fmt_number(high)}"
    if hi:
        return f"≤ {hi}"
    if lo:
        return f"≥ {lo}"
    return ""


def fmt_date(date: dt.date | None, precision: str | None) -> str:
    """A date as precise as it was stated: 2023, 2024-03, 2025-Q4, 2026-H1, 2024-W47,
    2024-11-26."""
    if date is None:
        return ""
    if precision == "year":
        return f"{date.year}"
    if precision == "quarter":
        return f"{date.year}-Q{(date.month - 1) // 3 + 1}"
    if precision == "half":
        return f"{date.year}-H{(date.month - 1) // 6 + 1}"
    if precision == "month":
        return f"{date.year}-{date.month:02d}"
    if precision == "week":
        year, week, _ = date.isocalendar()
        return f"{year}-W{week:02d}"
    return date.isoformat()


def fmt_power(watts: float | None) -> str:
    """Power capacity in gigawatts (or megawatts below one GW)."""
    if not watts:
        return ""
    if watts >= 1e9:
        return f"{watts / 1e9:g} GW"
    return f"{watts / 1e6:g} MW"


def fmt_value(value: float | None, unit: str | None) -> str:
    """A parsed figure in its unit's own terms: '10 GW', '3%', '4 bn'."""
    if value is None:
        return ""
    if unit == "W":
        return fmt_power(value)
    if unit == "%":
        return f"{value:g}%"
    return fmt_number(value)


def fmt_side(source: str | None, backers: list[str] | None = None) -> str:
    """A deal's source as shown: a round with no lead shows its backers in brackets
    (two, then how many more), a deal with neither a dash."""
    if source:
        return source
    if not backers:
        return "—"
    more = f" +{len(backers) - 2}" if len(backers) > 2 else ""
    return "(" + ", ".join(backers[:2]) + more + ")"
