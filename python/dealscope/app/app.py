"""The dealscope app: wires the views, loads a corpus in a worker, exports what is shown."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.widgets import Footer, Header, Label, ProgressBar, TabbedContent, TabPane

from ..export import format_of, write_frame
from ..pipeline.corpus import STAGES, Corpus, extract
from . import model
from .amounts import AmountsView
from .commands import DealscopeCommands
from .deals import DealsView
from .documents import DocumentsView
from .problems import ProblemsView
from .relations import RelationsView
from .screens import HelpScreen, PromptScreen
from .timeline import TimelineView

TABS = (
    ("deals", "Deals", DealsView),
    ("timeline", "Timeline", TimelineView),
    ("relations", "Relationships", RelationsView),
    ("documents", "Documents", DocumentsView),
    ("amounts", "Amounts", AmountsView),
    ("problems", "Problems", ProblemsView),
)


class DealscopeApp(App[None]):
    """Browse the deals, timeline, relationships and sources of a corpus of articles."""

    TITLE = "dealscope"
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    COMMANDS = App.COMMANDS | {DealscopeCommands}
    BINDINGS = [
        *(Binding(str(i), f"tab('{key}')", label, show=False)
          for i, (key, label, _) in enumerate(TABS, 1)),
        Binding("question_mark", "help", "Help"),
        Binding("x", "export", "Export"),
        Binding("o", "open", "Open"),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, paths: Sequence[str] | None = None, *, engine: str = "rust",
                 cache: bool | str | Path = True, label: str | None = None) -> None:
        super().__init__()
        self.paths = list(paths) if paths else None
        self.engine = engine
        self.cache = cache
        self.label = label
        self.corpus: Corpus | None = None
        self.data: model.Prepared | None = None
        self.load_seconds: float | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="loading"):
            with Center():
                yield Label("Reading the corpus…", id="loading-label")
            with Center():
                yield ProgressBar(total=len(STAGES), id="loading-bar", show_eta=False)
        with TabbedContent(id="tabs"):
            for i, (key, label, view) in enumerate(TABS, 1):
                with TabPane(f"{i} {label}", id=key):
                    yield view()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#tabs").display = False
        self.load(self.paths)

    # --- loading ----------------------------------------------------------------------

    def _sources(self, paths: list[str] | None) -> list[Path]:
        # Paths, not strings: a missing name is a problem listed, not a one-word text.
        if paths:
            return [Path(p) for p in paths]
        from ..sources import bundled_seeds

        return [bundled_seeds()[0].parent]

    @work(thread=True, exclusive=True, group="load")
    def load(self, paths: list[str] | None) -> None:
        """Extract (or read from the store) off the UI thread; the bar follows the stages."""
        sources = self._sources(paths)
        started = time.perf_counter()

        def progress(stage: str, done: int, total: int) -> None:
            self.call_from_thread(self._progress, stage, done, total)

        try:
            corpus = extract(sources, engine=self.engine, cache=self.cache, progress=progress)
            data = model.prepare(corpus)
        except Exception as err:  # shown to the person; the app stays up
            self.call_from_thread(self._failed, sources, err)
            return
        self.call_from_thread(self._loaded, sources, data, time.perf_counter() - started)

    def _progress(self, stage: str, done: int, total: int) -> None:
        self.query_one("#loading-label", Label).update(f"Reading the corpus: {stage}…")
        self.query_one("#loading-bar", ProgressBar).update(progress=done, total=total)

    def _failed(self, sources: list[Path], err: Exception) -> None:
        self.query_one("#loading-label", Label).update(
            f"Could not read {', '.join(map(str, sources))}: {err}\n"
            "Press o to open another corpus.")
        self.notify(str(err), title="Could not read the corpus", severity="error")

    def _loaded(self, sources: list[Path], data: model.Prepared, seconds: float) -> None:
        corpus = self.corpus = data.corpus
        self.data = data
        self.load_seconds = seconds
        name = self.label or ("bundled seeds" if not self.paths else ", ".join(map(str, sources)))
        self.sub_title = f"{name} · {corpus.summary()} · read in {seconds:.2f} s"
        self.query_one("#loading").display = False
        self.query_one("#tabs").display = True
        for _, _, view in TABS:
            self.query_one(view).load(data)
        tabs = self.query_one(TabbedContent)
        problems = corpus.errors.height
        tabs.get_tab("problems").label = f"6 Problems ({problems})" if problems \
            else "6 Problems"
        if problems:
            self.notify(f"{problems} files could not be used: press 6 to see them.",
                        title="Problems", severity="warning")
        if corpus.documents.height and corpus.deals.height == 0:
            self.notify("No deals were found; Documents and Amounts show what was read.")
        self.query_one(DealsView).focus_main()

    # --- navigation -----------------------------------------------------------------------

    def action_tab(self, key: str) -> None:
        if self.corpus is not None:
            self.query_one(TabbedContent).active = key

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # Focus moves into the view so the footer shows that view's keys.
        if self.corpus is not None:
            self.current_view().focus_main()

    def goto_company(self, company: str) -> None:
        self.action_tab("relations")
        self.query_one(RelationsView).goto(company)

    def goto_deal(self, deal_id: str) -> None:
        self.action_tab("deals")
        if not self.query_one(DealsView).select_deal(deal_id):
            self.notify("That deal is not in the current corpus.", severity="warning")

    def on_timeline_view_open_deal(self, event: TimelineView.OpenDeal) -> None:
        self.goto_deal(event.deal_id)

    def on_amounts_view_open_source(self, event: AmountsView.OpenSource) -> None:
        self.action_tab("documents")
        self.query_one(DocumentsView).open(event.doc, at=event.offset)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    # --- export and open --------------------------------------------------------------------

    def current_view(self):
        key = self.query_one(TabbedContent).active
        return next(self.query_one(view) for k, _, view in TABS if k == key)

    def export_view(self, path: Path) -> int:
        """Write the current view as filtered and sorted; returns the number of rows."""
        frame = self.current_view().export_frame()
        write_frame(frame, path, format_of(path))
        return frame.height

    def action_export(self) -> None:
        if self.corpus is None:
            return
        key = self.query_one(TabbedContent).active

        def done(answer: str | None) -> None:
            if not answer:
                return
            path = Path(answer).expanduser()
            try:
                rows = self.export_view(path)
            except Exception as err:  # a bad name, a full disk, a polars error: said, not fatal
                self.notify(str(err), title="Not exported", severity="error")
                return
            self.notify(f"{rows} rows written to {path}", title="Exported")

        self.push_screen(PromptScreen(
            f"Export the {key} view as shown (filters and sort kept) to:",
            f"dealscope-{key}.csv", "The name's ending picks the format: .csv .parquet .json"),
            done)

    def action_open(self) -> None:
        def done(answer: str | None) -> None:
            if not answer:
                return
            self.paths = answer.split()
            self.label = None
            self.query_one("#tabs").display = False
            self.query_one("#loading").display = True
            self.query_one("#loading-bar", ProgressBar).update(progress=0)
            self.load(self.paths)

        self.push_screen(PromptScreen("Open a corpus: folders or files, separated by spaces",
                                      "", "txt md html jsonl json csv parquet"), done)


def run(paths: Sequence[str] | None = None, *, engine: str = "rust",
        cache: bool = True) -> None:
    DealscopeApp(paths, engine=engine, cache=cache).run()
