"""The Deals view: merged deals, filtered as you type and by facets, with their evidence."""

from __future__ import annotations

import polars as pl
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Select, Static

from ..formatting import fmt_date, fmt_number, fmt_power, fmt_range, fmt_side
from . import highlight, model
from .table import FrameTable

FACETS = ("kind", "company", "language", "status", "year")
TYPING_PAUSE = 0.15  # seconds


class DealDetail(VerticalScroll):
    """Everything known about one deal, evidence in its own language."""

    def compose(self) -> ComposeResult:
        yield Static(id="deal-detail-body")

    def show(self, corpus, deal: dict) -> None:
        parts = [self._summary(deal), highlight.LEGEND]
        for ev in model.evidence_of(corpus, deal):
            parts.append(highlight.evidence_block(ev))
        self.query_one("#deal-detail-body", Static).update(Text("\n\n").join(parts))
        self.scroll_home(animate=False)

    @staticmethod
    def _summary(d: dict) -> Text:
        written = fmt_range(d["low"], d["high"])
        usd = fmt_range(d["usd_low"], d["usd_high"], "$")
        facts = [
            ("when", fmt_date(d["date"], d["date_precision"]) or "undated"),
            ("amount", f"{written} {d['currency']}" if written else ""),
            ("in USD", usd if d["currency"] != "USD" else ""),
            ("running total", fmt_range(d["total_usd"], d["total_usd"], "$")
             if d["total_usd"] else ""),
            ("power", fmt_power(d["power_w"])),
            ("chips", " ".join(x for x in (fmt_number(d["chips"]) if d["chips"] else "",
                                           d["chip"] or "") if x)),
            ("backers", ", ".join(d["backers"] or [])),
            ("status", d["status"] or ""),
            ("languages", ", ".join(d["languages"] or [])),
            ("sources", ", ".join(f"doc {s}" for s in d["sources"] or [])),
        ]
        title = Text.assemble(
            (f" {d['kind']} ", "bold reverse"), " ",
            (fmt_side(d["source"], d["backers"]), "bold cyan"), " → ",
            (d["target"] or "—", "bold cyan"),
        )
        body = Text("  ·  ").join(Text.assemble((f"{k} ", "dim"), v) for k, v in facts if v)
        return Text("\n").join([title, body])


class DealsView(Vertical):
    """The table of deals and, below it, the selected deal's detail."""

    BINDINGS = [
        Binding("slash", "filter", "Filter"),
        Binding("s", "sort", "Sort"),
        Binding("enter", "detail", "Detail", show=False),
        Binding("d", "toggle_detail", "Detail"),
        Binding("r", "reset", "Reset"),
        Binding("escape", "back", "Back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="deals-view")
        self.corpus = None
        self.all_rows = pl.DataFrame()
        self.facets = model.Facets()
        self._typing = None

    def compose(self) -> ComposeResult:
        yield Input(placeholder="/ filter deals: company, kind, language, words of the evidence…",
                    id="deal-filter", compact=True)
        with Horizontal(id="deal-facets"):
            for name in FACETS:
                yield Select([], prompt=f"any {name}", id=f"facet-{name}", compact=True)
        yield Static(id="deal-count", classes="count")
        yield FrameTable(model.DEAL_COLUMNS, id="deal-table",
                         empty="Loading…")
        yield DealDetail(id="deal-detail")

    def focus_main(self) -> None:
        self.query_one(FrameTable).focus_table()

    def load(self, data: model.Prepared) -> None:
        self.corpus = data.corpus
        self.all_rows = data.deals
        values = model.facet_values(self.all_rows)
        for name in FACETS:
            select = self.query_one(f"#facet-{name}", Select)
            with select.prevent(Select.Changed):
                select.set_options((str(v), v) for v in values[name])
                select.clear()
        self.facets = model.Facets()
        with self.query_one("#deal-filter", Input).prevent(Input.Changed):
            self.query_one("#deal-filter", Input).value = ""
        self.query_one("#deal-detail").display = False
        self.refilter()

    def _empty_message(self) -> str:
        corpus = self.corpus
        if corpus is None:
            return "Loading…"
        if corpus.documents.height == 0:
            return (f"No readable documents: {corpus.errors.height} files could not be used "
                    "(press 6 for the Problems view), or the folder holds no articles.")
        if self.all_rows.height == 0:
            return (f"No deals found in {corpus.documents.height} documents. The Documents (4) "
                    "and Amounts (5) views show what was read.")
        return "No deal matches the filter (r resets the filters)."

    def refilter(self) -> None:
        rows = model.filter_deals(self.all_rows, self.facets)
        table = self.query_one(FrameTable)
        table.show(rows, empty=self._empty_message())
        self._count(table)

    def _count(self, table: FrameTable) -> None:
        total = self.all_rows.height
        shown = table.rows.height
        text = f"{shown} of {total} deals" if shown != total else f"{total} deals"
        usd = table.rows["usd_sort"].drop_nulls().sum() if shown else 0
        if usd:
            text += f" · up to ${fmt_number(usd)} in all"
        if table.sort_column is not None:
            label = model.DEAL_COLUMNS[table.sort_column][0]
            text += f" · sorted by {label} {'▼' if table.descending else '▲'}"
        self.query_one("#deal-count", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "deal-filter":
            self.facets.query = event.value
            # Refilter once typing pauses: a 100k-row table is remounted each time.
            if self._typing is not None:
                self._typing.stop()
            self._typing = self.set_timer(TYPING_PAUSE, self._typed)

    def _typed(self) -> None:
        self._typing = None
        self.refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "deal-filter":
            if self._typing is not None:  # Enter before the pause: filter now
                self._typing.stop()
                self._typed()
            self.query_one(FrameTable).focus_table()

    def on_select_changed(self, event: Select.Changed) -> None:
        name = (event.select.id or "").removeprefix("facet-")
        if name in FACETS:
            value = None if event.value is Select.NULL else event.value
            setattr(self.facets, name, value)
            self.refilter()

    def on_frame_table_highlighted(self, event: FrameTable.Highlighted) -> None:
        detail = self.query_one(DealDetail)
        if detail.display and event.row is not None:
            detail.show(self.corpus, event.row)

    def on_frame_table_selected(self, event: FrameTable.Selected) -> None:
        self.open_detail(event.row)

    def open_detail(self, deal: dict) -> None:
        detail = self.query_one(DealDetail)
        detail.display = True
        detail.show(self.corpus, deal)

    def select_deal(self, deal_id: str) -> bool:
        """Show one deal (from the timeline or the palette): clear filters, move to it."""
        if self.facets != model.Facets():
            self.action_reset()
        table = self.query_one(FrameTable)
        matches = table.rows.with_row_index("_i").filter(pl.col("deal_id") == deal_id)
        if matches.height == 0:
            return False
        index = matches["_i"][0]
        table.move_to(index)
        table.focus_table()
        row = table.row_at(index)
        if row is not None:
            self.open_detail(row)
        return True

    def export_frame(self) -> pl.DataFrame:
        """The deals as filtered and sorted, with the contract's columns."""
        if self.corpus is None:
            return pl.DataFrame()
        rows = self.query_one(FrameTable).rows
        return rows.select(self.corpus.deals.columns) if rows.height else self.corpus.deals.clear()

    def action_filter(self) -> None:
        self.query_one("#deal-filter", Input).focus()

    def action_sort(self) -> None:
        table = self.query_one(FrameTable)
        table.ask_sort(then=lambda: self._count(table))

    def action_detail(self) -> None:
        row = self.query_one(FrameTable).current
        if row is not None:
            self.open_detail(row)

    def action_toggle_detail(self) -> None:
        detail = self.query_one(DealDetail)
        if detail.display:
            detail.display = False
        else:
            self.action_detail()

    def action_reset(self) -> None:
        self.facets = model.Facets()
        with self.query_one("#deal-filter", Input).prevent(Input.Changed):
            self.query_one("#deal-filter", Input).value = ""
        for name in FACETS:
            select = self.query_one(f"#facet-{name}", Select)
            with select.prevent(Select.Changed):
                select.clear()
        self.refilter()

    def action_back(self) -> None:
        focused = self.app.focused
        if isinstance(focused, Input):
            self.query_one(FrameTable).focus_table()
        elif self.query_one(DealDetail).display:
            self.query_one(DealDetail).display = False
