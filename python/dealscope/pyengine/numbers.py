"""Reading number tokens: digit groups with each language's marks, and CJK numerals.

Shared rules (``rust/numbers.rs`` follows them to the letter):

- Full-width digits read as ASCII. Space-like separators always group.
- One kind of mark (``.`` or ``,``) seen once: if the digits after it are not
  exactly three, it is the decimal mark; if they are three, it is the decimal
  mark only where it is the language's own (``1,4`` → 1.4 everywhere;
  ``3,500`` → 3500 in ja/en/zh, ``300.000`` → 300000 in it/pl; text of
  unknown language has no decimal mark of its own, so both group).
- One kind of mark seen more than once: grouping, and every group after the
  first must have three digits (``1.000.000``), or, with commas, the Indian
  way: one or two digits, groups of two, then three (``1,00,000`` → 100000,
  ``1,00,00,000`` → 10000000); otherwise not a number (``22.10.2025``).
- Both marks: the last one, seen once and last, is the decimal mark; the other
  groups, every group before it having three digits after the first.
- The value is the decimal string read as an IEEE double (correctly rounded),
  so huge inputs give ``inf`` rather than an error.
"""

from __future__ import annotations

_FULLWIDTH = {ord("０") + i: ord("0") + i for i in range(10)}
_SPACES = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, "\u2009": None})


def parse_digits(text: str, decimal: str) -> float | None:
    text = text.translate(_FULLWIDTH)
    grouped = text.translate(_SPACES)
    marks = [(i, ch) for i, ch in enumerate(grouped) if ch in ".,"]
    if not marks:
        return float(grouped)
    kinds = {ch for _, ch in marks}
    groups = grouped.replace(",", ".").split(".")
    if len(kinds) == 1:
        mark = marks[0][1]
        if len(marks) == 1:
            tail = groups[1]
            if len(tail) != 3 or mark == decimal:
                return float(groups[0] + "." + tail)
            return float(groups[0] + tail)
        if all(len(g) == 3 for g in groups[1:]) or _indian(groups, mark):
            return float("".join(groups))
        return None
    last = marks[-1][1]
    if sum(1 for _, ch in marks if ch == last) != 1:
        return None
    whole = groups[:-1]
    if not all(len(g) == 3 for g in whole[1:]):
        return None
    return float("".join(whole) + "." + groups[-1])


def _indian(groups: list[str], mark: str) -> bool:
    """Lakh grouping with commas: 1,00,000 (1–2 digits, twos, a last three)."""
    return mark == "," and 1 <= len(groups[0]) <= 2 and len(groups[-1]) == 3 \
        and all(len(g) == 2 for g in groups[1:-1])


def parse_cjk(text: str, digits: dict[str, int], multipliers: dict[str, int]) -> float:
    """三千五百 → 3500; 二〇二三 → 2023 (digits only read positionally)."""
    if not any(ch in multipliers for ch in text):
        value = 0.0
        for ch in text:
            value = value * 10.0 + digits[ch]
        return value
    total = 0.0
    current = -1.0
    for ch in text:
        if ch in multipliers:
            total += (1.0 if current < 0 else current) * multipliers[ch]
            current = -1.0
        else:
            current = float(digits[ch]) if current < 0 else current * 10.0 + digits[ch]
    if current >= 0:
        total += current
    return total
