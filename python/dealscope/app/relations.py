"""The Relationships view: one company's neighbourhood as a table and a drawn ego network.

Enter on a neighbour moves there; backspace goes back the way you came.
"""

from __future__ import annotations

import polars as pl
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from . import graph, model
from .table import FrameTable

NEIGHBOUR_COLUMNS = (
    ("role", "role", "role"),
    ("neighbour", "neighbour", "neighbour"),
    ("relation", "relation", "relation"),
    ("deals", "deals", "deals"),
    ("USD", "usd", "usd_total"),
    ("evidence", "evidence", "evidence"),
)


class RelationsView(Vertical):
    BINDINGS = [
        Binding("slash", "find", "Find company"),
        Binding("backspace", "back", "Back"),
        Binding("g", "focus_graph", "Graph", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="relations-view")
        self.corpus = None
        self.company: str | None = None
        self.history: list[str] = []
        self.names = pl.DataFrame()
        self.nb = pl.DataFrame()  # the focused company's neighbours

    def compose(self) -> ComposeResult:
        with Horizontal(id="relations-top"):
            with Vertical(id="company-pane"):
                yield Input(placeholder="/ find company", id="company-filter", compact=True)
                yield OptionList(id="company-list")
            with Vertical(id="neighbour-pane"):
                yield Static(id="relations-title", classes="count")
                yield FrameTable(NEIGHBOUR_COLUMNS, id="neighbour-table",
                                 empty="Pick a company on the left.")
        with VerticalScroll(id="graph-scroll"):
            yield Static(id="graph")

    def focus_main(self) -> None:
        self.query_one(FrameTable).focus_table()

    def load(self, data: model.Prepared) -> None:
        self.corpus = data.corpus
        self.names = data.companies
        self.history = []
        self._fill_companies("")
        first = self.names["company"][0] if self.names.height else None
        self.company = None
        if first is not None:
            self.goto(first, remember=False)
        else:
            self.query_one("#relations-title", Static).update(
                "No relations in this corpus.")
            self.query_one("#graph", Static).update("")

    def _fill_companies(self, query: str) -> None:
        names = self.names
        if query:
            names = names.filter(pl.col("company").str.to_lowercase()
                                 .str.contains(query.lower(), literal=True))
        options = self.query_one("#company-list", OptionList)
        options.clear_options()
        options.add_options(Option(f"{c} ({n})", id=c) for c, n in names.rows())

    def goto(self, company: str, remember: bool = True) -> None:
        """Put a company in focus (Enter on a neighbour, the palette, or the list)."""
        if self.corpus is None:
            return
        if remember and self.company and self.company != company:
            self.history.append(self.company)
        self.company = company
        nb = self.nb = model.neighbours(self.corpus.relations, company)
        table = self.query_one(FrameTable)
        table.show(nb, empty=f"{company} has no relations in this corpus.")
        deals = self.corpus.deals.filter(
            (pl.col("source") == company) | (pl.col("target") == company)).height
        back = f" · backspace: back to {self.history[-1]}" if self.history else ""
        self.query_one("#relations-title", Static).update(
            f"{company}: {nb.height} relations, {deals} deals{back}")
        self._draw()

    def _draw(self) -> None:
        if self.company is None or self.corpus is None:
            return
        left, right = model.graph_sides(self.nb)
        width = max(self.size.width - 2, 60)
        self.query_one("#graph", Static).update(graph.draw(self.company, left, right, width))

    def on_resize(self) -> None:
        self._draw()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "company-filter":
            self._fill_companies(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "company-filter":
            self.query_one("#company-list", OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Browsing the list previews each company; only Enter on a neighbour is a step
        # that backspace undoes.
        if event.option_list.id == "company-list" and event.option.id:
            if event.option.id != self.company:
                self.goto(event.option.id, remember=False)

    def on_frame_table_selected(self, event: FrameTable.Selected) -> None:
        self.goto(event.row["neighbour"])
        self.query_one(FrameTable).focus_table()

    def action_find(self) -> None:
        self.query_one("#company-filter", Input).focus()

    def action_back(self) -> None:
        if self.history:
            self.goto(self.history.pop(), remember=False)

    def action_focus_graph(self) -> None:
        self.query_one("#graph-scroll").focus()

    def export_frame(self) -> pl.DataFrame:
        rows = self.query_one(FrameTable).rows
        if rows.height == 0:
            return pl.DataFrame(schema={"company": pl.String})
        return rows.select(pl.lit(self.company).alias("company"), "neighbour", "role",
                           "relation", "side", "deals", "usd_total", "evidence", "docs")
