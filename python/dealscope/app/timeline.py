"""The Timeline view: events by year and month, and deal value per quarter as a bar chart.

Dates keep the precision they were stated with: an event known only by its year sits under
"2023 (month not stated)", never under January; the quarterly chart leaves such deals out
and says how many (press y for the yearly chart, which has them all).
"""

from __future__ import annotations

import polars as pl
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option
from textual_plotext import PlotextPlot

from ..formatting import fmt_date, fmt_range
from . import model


class TimelineView(Vertical):
    BINDINGS = [
        Binding("y", "toggle_period", "Quarter/year"),
        Binding("c", "company", "Company"),
    ]

    class OpenDeal(Message):
        def __init__(self, deal_id: str) -> None:
            super().__init__()
            self.deal_id = deal_id

    def __init__(self) -> None:
        super().__init__(id="timeline-view")
        self.corpus = None
        self.company: str | None = None
        self.by = "quarter"

    def compose(self) -> ComposeResult:
        with Horizontal(classes="bar"):
            yield Select([], prompt="every company", id="timeline-company", compact=True)
            yield Static(id="timeline-count", classes="count")
        with Horizontal(id="timeline-body"):
            yield OptionList(id="timeline-events")
            yield PlotextPlot(id="timeline-chart")

    def load(self, data: model.Prepared) -> None:
        corpus = self.corpus = data.corpus
        select = self.query_one("#timeline-company", Select)
        names = pl.concat([corpus.timeline["source"], corpus.timeline["target"]]) \
            .drop_nulls().unique().sort().to_list() if corpus.timeline.height else []
        with select.prevent(Select.Changed):
            select.set_options((n, n) for n in names)
            select.clear()
        self.company = None
        self.refresh_view()

    def refresh_view(self) -> None:
        if self.corpus is None:
            return
        events = self.query_one("#timeline-events", OptionList)
        events.clear_options()
        groups = model.timeline_groups(self.corpus.timeline, self.company)
        options: list[Option] = []
        n = 0
        for year, periods in groups:
            options.append(Option(Text(f"━━ {year} ", style="bold magenta"), disabled=True))
            for heading, items in periods:
                options.append(Option(Text(f"  {heading}", style="bold"), disabled=True))
                for e in items:
                    n += 1
                    options.append(Option(self._event_text(e), id=f"ev-{n}-{e['deal_id']}"))
        if not options:
            options.append(Option(Text("No dated events" + (
                f" for {self.company}" if self.company else " in this corpus") + ".",
                style="dim"), disabled=True))
        events.add_options(options)
        undated = self.corpus.timeline.filter(pl.col("date").is_null()).height
        count = f"{n} events" + (f" ({undated} undated, not shown)" if undated else "")
        self.query_one("#timeline-count", Static).update(count)
        self._chart()

    @staticmethod
    def _event_text(e: dict) -> Text:
        amount = fmt_range(e["usd_low"], e["usd_high"], "$")
        return Text.assemble(
            (f"    {fmt_date(e['date'], e['precision']):<10} ", "dim"),
            (e["kind"] or e["event"] or "", "yellow"), " ",
            (e["source"] or "—", "cyan"), " → ", (e["target"] or "—", "cyan"),
            (f"  {amount}" if amount else "", "bold green"),
            (f"  {e['status']}" if e["status"] else "", "italic"),
            no_wrap=True, overflow="ellipsis",
        )

    def _chart(self) -> None:
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        labels, low, high, left_out = model.value_by_period(self.corpus.deals, self.by,
                                                            self.company)
        if labels:
            plt.multiple_bar(labels, [[v / 1e9 for v in low], [v / 1e9 for v in high]],
                             labels=["at least", "up to"])
        title = f"Deal value per {self.by}, bn USD"
        if left_out:
            title += f" ({left_out} dated by year only: press y)"
        if not labels:
            title += ": no dated deal with an amount"
        plt.title(title)
        plot.refresh()

    def on_resize(self) -> None:
        self.query_one("#timeline-body").set_class(self.size.width >= 150, "-wide")

    def focus_main(self) -> None:
        self.query_one("#timeline-events", OptionList).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "timeline-company":
            self.company = None if event.value is Select.NULL else event.value
            self.refresh_view()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        deal_id = option_id.split("-", 2)[-1] if option_id.startswith("ev-") else ""
        if deal_id and deal_id != "None":
            self.post_message(self.OpenDeal(deal_id))

    def action_toggle_period(self) -> None:
        self.by = "year" if self.by == "quarter" else "quarter"
        self._chart()

    def action_company(self) -> None:
        self.query_one("#timeline-company", Select).focus()

    def export_frame(self) -> pl.DataFrame:
        """The timeline as shown: every event of the company picked, in date order."""
        events = self.corpus.timeline
        if self.company:
            events = events.filter((pl.col("source") == self.company)
                                   | (pl.col("target") == self.company))
        return events

    def set_company(self, company: str | None) -> None:
        select = self.query_one("#timeline-company", Select)
        if company is None:
            select.clear()
        else:
            select.value = company
