"""The ego network of one company, drawn with box-drawing characters.

Neighbours that point at the company (investors, providers, suppliers, acquirers) stand on
the left, those it points at on the right; a vertical bus on each side joins them to the
company's box, and every edge carries its role and amount:

    Google ── investor $5 bn ─┐    ╭───────────╮
    Amazon ── investor $8 bn ─┼───▶│ Anthropic │─┬─ compute provider ─▶ Google
                              │    ╰───────────╯ └─ partner ──────────▶ Accenture
"""

from __future__ import annotations

from rich.text import Text

# The bus character for a row, from which sides it connects: (up, down, left, right).
_JOINTS = {
    (True, True, True, True): "┼", (True, True, True, False): "┤",
    (True, True, False, True): "├", (True, True, False, False): "│",
    (False, True, True, True): "┬", (True, False, True, True): "┴",
    (False, True, True, False): "┐", (True, False, True, False): "┘",
    (False, True, False, True): "┌", (True, False, False, True): "└",
    (False, False, True, True): "─", (False, False, True, False): "╴",
    (False, False, False, True): "╶", (False, False, False, False): " ",
}


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _bus(row: int, rows: list[int], centre: int, outer: bool) -> str:
    """The bus character at `row`; `outer` means neighbours join it from the outside."""
    span = [*rows, centre]
    top, bottom = min(span), max(span)
    if not rows or row < top or row > bottom:
        return " "
    has_item, at_centre = row in rows, row == centre
    left, right = (has_item, at_centre) if outer else (at_centre, has_item)
    return _JOINTS[(row > top, row < bottom, left, right)]


def draw(company: str, left: list[tuple[str, str]], right: list[tuple[str, str]],
         width: int = 100, max_side: int = 12) -> Text:
    """The picture as styled text, at most `width` cells wide."""
    left, right = _clip(left, max_side), _clip(right, max_side)
    box_w = min(len(company), 28) + 4
    # Besides names and labels a row holds the box and 6 cells of buses and arrows.
    lname, llabel, rname, rlabel = _widths(left, right, width - box_w - 6)
    rows = max(len(left), len(right), 3)
    centre = (rows - 1) // 2
    lrows = _spread(len(left), rows)
    rrows = _spread(len(right), rows)
    text = Text(no_wrap=True, overflow="crop")
    for r in range(rows):
        if r:
            text.append("\n")
        # left neighbour and its edge
        if r in lrows:
            name, label = left[lrows.index(r)]
            text.append(f"{_fit(name, lname):>{lname}}", style="bold cyan")
            edge = f" ─ {_fit(label, llabel)} "
            text.append(edge + "─" * (llabel + 4 - len(edge)), style="yellow")
        else:
            text.append(" " * (lname + llabel + 4))
        text.append(_bus(r, lrows, centre, outer=True), style="yellow")
        # the company's box
        if r == centre:
            text.append("───▶" if lrows else "    ", style="yellow")
            text.append(f"│ {_fit(company, box_w - 4)} │", style="bold magenta")
            text.append("─" if rrows else " ", style="yellow")
        elif r == centre - 1:
            text.append("    ")
            text.append("╭" + "─" * (box_w - 2) + "╮", style="magenta")
            text.append(" ")
        elif r == centre + 1:
            text.append("    ")
            text.append("╰" + "─" * (box_w - 2) + "╯", style="magenta")
            text.append(" ")
        else:
            text.append(" " * (box_w + 5))
        text.append(_bus(r, rrows, centre, outer=False), style="yellow")
        if r in rrows:
            name, label = right[rrows.index(r)]
            edge = f"─ {_fit(label, rlabel)} "
            text.append(edge + "─" * (rlabel + 3 - len(edge)) + "▶ ", style="yellow")
            text.append(_fit(name, rname), style="bold cyan")
    return text


def _widths(left, right, room: int) -> tuple[int, int, int, int]:
    """(left name, left label, right name, right label) widths: what each side needs,
    then, while that is too wide, the longest label loses a cell (names give way only
    when labels are down to 8)."""
    def need(items):
        return (max([len(n) for n, _ in items] + [4]),
                max([len(lab) for _, lab in items] + [4]))

    (ln, ll), (rn, rl) = need(left), need(right)
    widths = [ln, ll, rn, rl]
    over = ln + ll + rn + rl + 10 - room
    while over > 0:
        labels = [i for i in (1, 3) if widths[i] > 8]
        names = [i for i in (0, 2) if widths[i] > 8]
        pool = labels or names
        if not pool:
            break
        widest = max(pool, key=lambda i: widths[i])
        widths[widest] -= 1
        over -= 1
    return widths[0], widths[1], widths[2], widths[3]


def _spread(n: int, rows: int) -> list[int]:
    """Rows for n items, centred in the picture."""
    start = (rows - n) // 2
    return list(range(start, start + n))


def _clip(items: list[tuple[str, str]], most: int) -> list[tuple[str, str]]:
    if len(items) <= most:
        return items
    return [*items[: most - 1], (f"+{len(items) - most + 1} more", "")]
