"""The Amounts view: every amount the parser read, the place to audit it.

Enter opens the amount's sentence in the Documents reader.
"""

from __future__ import annotations

import polars as pl
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from . import model
from .table import FrameTable


class AmountsView(Vertical):
    BINDINGS = [
        Binding("slash", "filter", "Filter"),
        Binding("s", "sort", "Sort"),
    ]

    class OpenSource(Message):
        def __init__(self, doc: int, offset: int) -> None:
            super().__init__()
            self.doc, self.offset = doc, offset

    def __init__(self) -> None:
        super().__init__(id="amounts-view")
        self.corpus = None
        self.all_rows = pl.DataFrame()

    def compose(self) -> ComposeResult:
        yield Input(placeholder="/ filter amounts: text as written, kind, unit, language…",
                    id="amount-filter", compact=True)
        yield Static(id="amount-count", classes="count")
        yield FrameTable(model.AMOUNT_COLUMNS, id="amount-table", empty="No amounts.")

    def focus_main(self) -> None:
        self.query_one(FrameTable).focus_table()

    def load(self, data: model.Prepared) -> None:
        self.corpus = data.corpus
        self.all_rows = data.amounts
        self._show(self.all_rows)

    def _show(self, rows: pl.DataFrame) -> None:
        self.query_one(FrameTable).show(rows, empty="No amount matches the filter."
                                        if self.all_rows.height else "No amounts were read.")
        total = self.all_rows.height
        kinds = rows.group_by("kind").len().sort("len", descending=True).rows() \
            if rows.height else []
        by_kind = ", ".join(f"{n} {k}" for k, n in kinds)
        self.query_one("#amount-count", Static).update(
            f"{rows.height} of {total} amounts" + (f" · {by_kind}" if by_kind else "")
            + " · Enter opens the sentence")

    def on_input_changed(self, event: Input.Changed) -> None:
        self._show(model.filter_text(self.all_rows, event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(FrameTable).focus_table()

    def on_frame_table_selected(self, event: FrameTable.Selected) -> None:
        self.post_message(self.OpenSource(event.row["doc"], event.row["start"]))

    def action_filter(self) -> None:
        self.query_one("#amount-filter", Input).focus()

    def action_sort(self) -> None:
        self.query_one(FrameTable).ask_sort()

    def export_frame(self) -> pl.DataFrame:
        rows = self.query_one(FrameTable).rows
        return rows.select([*self.corpus.amounts.columns, "lang"]) if rows.height \
            else self.corpus.amounts.clear()
