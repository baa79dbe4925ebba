"""The Problems view: every file the corpus could not use, and why."""

from __future__ import annotations

import polars as pl
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ..sources import CERTAIN
from .table import FrameTable

PROBLEM_COLUMNS = (("", "what", "what"), ("path", "path", "path"), ("reason", "reason", "reason"))


def problem_rows(corpus) -> pl.DataFrame:
    """Files skipped, then files read with a guessed encoding (read, but worth a look)."""
    skipped = corpus.errors.select(pl.lit("skipped").alias("what"), "path", "reason")
    docs = corpus.documents
    if "encoding" not in docs.columns:
        return skipped
    guessed = docs.filter(~pl.col("encoding").is_in(sorted(CERTAIN))).select(
        pl.lit("notice").alias("what"), "path",
        pl.format("decoded as {} (not UTF-8)", "encoding").alias("reason"),
    ).unique(maintain_order=True)
    return pl.concat([skipped, guessed])


class ProblemsView(Vertical):
    def __init__(self) -> None:
        super().__init__(id="problems-view")
        self.corpus = None

    def compose(self) -> ComposeResult:
        yield Static(id="problem-count", classes="count")
        yield FrameTable(PROBLEM_COLUMNS, id="problem-table",
                         empty="No problems: every file was read.")

    def focus_main(self) -> None:
        self.query_one(FrameTable).focus_table()

    def load(self, data) -> None:
        corpus = self.corpus = data.corpus
        errors = corpus.errors
        read = corpus.documents.height
        rows = problem_rows(corpus)
        guessed = rows.height - errors.height
        text = (f"{errors.height} files skipped, {read} documents read: what was read is in "
                "the other views." if errors.height else f"{read} documents read, none skipped.")
        if guessed:
            text += f" {guessed} read in a guessed encoding."
        self.query_one("#problem-count", Static).update(text)
        self.query_one(FrameTable).show(rows)

    def export_frame(self) -> pl.DataFrame:
        return self.query_one(FrameTable).rows
