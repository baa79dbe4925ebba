"""The Documents view: the articles, and a reader that highlights what was read in them.

n / p move the reader's current sentence; t shows the tokenizer's output for it.
"""

from __future__ import annotations

import polars as pl
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Static

from ..api import tokenize
from . import highlight, model
from .table import FrameTable

# Past this, the reader shows the start of a document: a person reads articles, and a
# 200 MB scrape would only freeze the screen.
READER_CHARS = 200_000


class DocumentsView(Vertical):
    BINDINGS = [
        Binding("slash", "filter", "Filter"),
        Binding("s", "sort", "Sort"),
        Binding("n", "next_sentence", "Next sentence"),
        Binding("p", "prev_sentence", "Prev sentence"),
        Binding("t", "toggle_tokens", "Tokens"),
    ]

    def __init__(self) -> None:
        super().__init__(id="documents-view")
        self.corpus = None
        self.all_rows = pl.DataFrame()
        self.doc: int | None = None
        self.row: dict = {}
        self.sentences: list[tuple[int, int, str]] = []
        self.sentence_langs: list[str | None] = []  # the language each is read in
        self.sentence = 0
        self.marks: list[model.Mark] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="/ filter documents: language, title, path…",
                    id="doc-filter", compact=True)
        yield FrameTable(model.DOCUMENT_COLUMNS, id="doc-table", empty="No documents.")
        yield Static(id="reader-title", classes="count")
        with Horizontal(id="reader-body"):
            with VerticalScroll(id="reader-scroll"):
                yield Static(id="reader")
            with VerticalScroll(id="tokens-scroll"):
                yield Static(id="tokens")

    def on_mount(self) -> None:
        self.query_one("#tokens-scroll").display = False

    def focus_main(self) -> None:
        self.query_one(FrameTable).focus_table()

    def load(self, data: model.Prepared) -> None:
        self.corpus = data.corpus
        self.all_rows = data.documents
        self.doc = None
        self.query_one(FrameTable).show(self.all_rows, empty=self._empty())
        if self.all_rows.height:
            self.open(self.all_rows["doc"][0])
        else:
            self.query_one("#reader-title", Static).update("")
            self.query_one("#reader", Static).update("")

    def _empty(self) -> str:
        if self.corpus is not None and self.corpus.documents.height == 0:
            return (f"No readable documents ({self.corpus.errors.height} problems: "
                    "press 6 to see them).")
        return "No document matches the filter."

    def open(self, doc: int, at: int | None = None) -> None:
        """Show a document in the reader; `at` is an offset whose sentence becomes current."""
        corpus = self.corpus
        if corpus is None:
            return
        self.doc = doc
        # Looked up once per document, not on every sentence step.
        self.row = corpus.documents.filter(pl.col("doc") == doc).row(0, named=True)
        sents = corpus.sentences.filter(pl.col("doc") == doc) if corpus.sentences.height \
            else pl.DataFrame(schema={"start": pl.UInt32, "end": pl.UInt32,
                                      "sentence": pl.String, "lang": pl.String})
        self.sentences = list(sents.select("start", "end", "sentence").rows())
        # A corpus saved before sentences had their language has none.
        self.sentence_langs = sents["lang"].to_list() if "lang" in sents.columns \
            else [None] * sents.height
        self.marks = model.document_marks(corpus, doc)
        self.sentence = 0
        if at is not None:
            for i, (start, end, _) in enumerate(self.sentences):
                if start <= at < max(end, start + 1):
                    self.sentence = i
                    break
        self._render_reader()
        self._render_tokens()

    def _render_reader(self) -> None:
        row = self.row
        text = row["text"]
        shown = text[:READER_CHARS]
        body = highlight.marked(shown, self.marks)
        if self.sentences:
            start, end, _ = self.sentences[self.sentence]
            if start < len(shown):
                body.stylize("underline", start, min(end, len(shown)))
        if len(text) > len(shown):
            body.append(f"\n\n… the first {READER_CHARS:,} of {len(text):,} characters "
                        "are shown.", style="italic dim")
        self.query_one("#reader", Static).update(body)
        where = f"sentence {self.sentence + 1} of {len(self.sentences)}" if self.sentences \
            else "no sentences"
        read_in = self.sentence_langs[self.sentence] if self.sentences else None
        if read_in and read_in != row["lang"]:
            where += f", read as {read_in}"  # quoted in another language
        title = Text.assemble(
            (f"doc {self.doc} ", "bold"), f"{row['lang']} · ",
            (row["path"].rsplit("/", 1)[-1], "dim"),
            f" · {where} · ", highlight.LEGEND,
        )
        self.query_one("#reader-title", Static).update(title)

    def _render_tokens(self) -> None:
        panel = self.query_one("#tokens", Static)
        if not self.query_one("#tokens-scroll").display or not self.sentences:
            return
        _, _, sentence = self.sentences[self.sentence]
        tokens = tokenize([sentence])
        table = Table("token", "kind", "span", box=None, padding=(0, 1),
                      title=f"{tokens.height} tokens of sentence {self.sentence + 1}")
        for t in tokens.iter_rows(named=True):
            style = highlight.TOKEN_STYLES.get(t["kind"], "")
            table.add_row(Text(t["token"], style=style), t["kind"], f"{t['start']}-{t['end']}")
        panel.update(table)

    def _scroll_to_sentence(self) -> None:
        if not self.sentences:
            return
        start = self.sentences[self.sentence][0]
        text = self.row["text"]
        line = text.count("\n", 0, start)
        scroll = self.query_one("#reader-scroll", VerticalScroll)
        scroll.scroll_to(y=max(line - 2, 0), animate=False)

    def _step(self, delta: int) -> None:
        if not self.sentences:
            return
        self.sentence = max(0, min(len(self.sentences) - 1, self.sentence + delta))
        self._render_reader()
        self._render_tokens()
        self._scroll_to_sentence()

    def on_frame_table_highlighted(self, event: FrameTable.Highlighted) -> None:
        if event.row is not None and event.row["doc"] != self.doc:
            self.open(event.row["doc"])

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "doc-filter":
            self.query_one(FrameTable).show(model.filter_text(self.all_rows, event.value),
                                            empty=self._empty())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(FrameTable).focus_table()

    def action_filter(self) -> None:
        self.query_one("#doc-filter", Input).focus()

    def action_sort(self) -> None:
        self.query_one(FrameTable).ask_sort()

    def action_next_sentence(self) -> None:
        self._step(1)

    def action_prev_sentence(self) -> None:
        self._step(-1)

    def action_toggle_tokens(self) -> None:
        scroll = self.query_one("#tokens-scroll")
        scroll.display = not scroll.display
        self._render_tokens()

    def export_frame(self) -> pl.DataFrame:
        rows = self.query_one(FrameTable).rows
        keep = [c for c in self.corpus.documents.columns if c != "text"] + \
            ["n_deals", "n_amounts", "n_names", "n_chars"]
        return rows.select(keep) if rows.height else pl.DataFrame()
