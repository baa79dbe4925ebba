"""A polars frame shown by textual-fastdatatable (Arrow-backed, fast on 100k rows).

The fast table cannot swap its data in place, so a new one is mounted whenever the rows
change (filter, sort, new corpus). The raw rows stay here, aligned with the display rows,
for details and export.
"""

from __future__ import annotations

import polars as pl
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static
from textual_fastdatatable import ArrowBackend, DataTable

from . import model


class FrameTable(Vertical):
    """Rows of a frame under labelled columns, sortable by any column."""

    DEFAULT_CSS = """
    FrameTable { height: 1fr; }
    FrameTable > DataTable { height: 1fr; }
    FrameTable > .empty { height: 1fr; content-align: center middle; color: $text-muted; }
    """

    class Highlighted(Message):
        def __init__(self, table: FrameTable, row: dict | None) -> None:
            super().__init__()
            self.table, self.row = table, row

    class Selected(Message):
        def __init__(self, table: FrameTable, row: dict) -> None:
            super().__init__()
            self.table, self.row = table, row

    def __init__(self, columns, *, empty: str = "Nothing to show.", id: str | None = None):
        super().__init__(id=id)
        self.columns = columns
        self.empty = empty
        self.rows = pl.DataFrame()
        self.sort_column: int | None = None
        self.descending = False
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static(self.empty, classes="empty")

    @property
    def table(self) -> DataTable | None:
        found = self.query(DataTable)
        return found.first() if found else None

    def show(self, rows: pl.DataFrame, empty: str | None = None) -> None:
        """Show these rows (sorted as the person last asked)."""
        if empty is not None:
            self.empty = empty
        if self.sort_column is not None:
            rows = model.sort_rows(rows, self.columns[self.sort_column][2], self.descending)
        self.rows = rows
        self._remount()

    def _remount(self) -> None:
        had_focus = self.table is not None and self.table.has_focus
        self.remove_children()
        self._generation += 1
        if self.rows.height == 0:
            self.mount(Static(self.empty, classes="empty"))
            return
        labels = [self._label(i) for i in range(len(self.columns))]
        shown = model.display(self.rows, self.columns).to_arrow()
        table = DataTable(
            backend=ArrowBackend(shown), column_labels=labels, cursor_type="row",
            zebra_stripes=True, max_column_content_width=48, show_row_labels=False,
            id=f"{self.id or 'table'}-{self._generation}",
        )
        self.mount(table)
        if had_focus:
            table.focus()

    def _label(self, index: int) -> str:
        label = self.columns[index][0]
        if index == self.sort_column:
            label += " ▼" if self.descending else " ▲"
        return label

    def sort_by(self, index: int) -> None:
        """Sort by a column; asking again for the same column flips the direction."""
        if index == self.sort_column:
            self.descending = not self.descending
        else:
            self.sort_column, self.descending = index, False
        self.show(self.rows)

    def ask_sort(self, then=None) -> None:
        """Let the person pick a sort column (`s` in the views)."""
        from .screens import SortScreen

        def done(index: int | None) -> None:
            if index is not None:
                self.sort_by(index)
                self.focus_table()
                if then is not None:
                    then()

        labels = [label for label, _, _ in self.columns]
        self.app.push_screen(SortScreen(labels, self.sort_column, self.descending), done)

    def focus_table(self) -> None:
        # After a remount the new table is only focusable once it is mounted.
        def focus() -> None:
            if self.table is not None:
                self.table.focus()

        focus()
        self.call_after_refresh(focus)

    def row_at(self, index: int) -> dict | None:
        if 0 <= index < self.rows.height:
            return self.rows.row(index, named=True)
        return None

    @property
    def current(self) -> dict | None:
        table = self.table
        return self.row_at(table.cursor_row) if table is not None else None

    def move_to(self, index: int) -> None:
        table = self.table
        if table is not None and 0 <= index < self.rows.height:
            table.move_cursor(row=index)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self, self.row_at(event.cursor_row)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.row_at(event.cursor_row)
        if row is not None:
            self.post_message(self.Selected(self, row))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.sort_by(event.column_index)
