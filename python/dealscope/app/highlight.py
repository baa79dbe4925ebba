"""Styled text for evidence and documents: names, amounts and dates picked out."""

from __future__ import annotations

from rich.text import Text

from .model import Evidence, Mark

STYLES = {
    "name": "bold cyan",
    "candidate": "italic cyan",
    "amount": "bold green",
    "date": "bold magenta",
}
TOKEN_STYLES = {
    "word": "",
    "number": "bold green",
    "punct": "dim",
    "symbol": "yellow",
    "space": "dim",
}
LEGEND = Text.assemble(
    ("name", STYLES["name"]), "  ", ("unknown organisation", STYLES["candidate"]), "  ",
    ("amount", STYLES["amount"]), "  ", ("date", STYLES["date"]),
)


def marked(text: str, marks: list[Mark], offset: int = 0) -> Text:
    """`text` with each mark styled; `offset` is where the text starts in its document."""
    out = Text(text)
    for mark in marks:
        start, end = mark.start - offset, mark.end - offset
        if 0 <= start < end <= len(text):
            out.stylize(STYLES.get(mark.kind, "bold"), start, end)
    return out


def evidence_block(ev: Evidence) -> Text:
    """One piece of evidence: where it comes from, the sentence, and what was read in it."""
    head = Text.assemble(
        (f"doc {ev.doc}", "bold"), f" · {ev.lang} · {ev.published or 'undated'} · ",
        (ev.path.rsplit("/", 1)[-1], "dim"),
    )
    lines = [head, Text("  ") + marked(ev.sentence, ev.marks)]
    for mark in ev.marks:
        if mark.kind in ("amount", "date") or (mark.note and mark.note != mark.text):
            lines.append(Text.assemble(
                "    ", (mark.text, STYLES.get(mark.kind, "")), " → ", (mark.note, "bold"),
            ))
    return Text("\n").join(lines)
