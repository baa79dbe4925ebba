"""The Problems view: every file the corpus could not use, and why."""

from __future__ import annotations

import polars as pl
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from .table import FrameTable

PROBLEM_COLUMNS = (("path", "path", "path"), ("reason", "reason", "reason"))


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
        self.query_one("#problem-count", Static).update(
            f"{errors.height} files skipped, {read} documents read: what was read is in "
            "the other views." if errors.height else f"{read} documents read, none skipped.")
        self.query_one(FrameTable).show(errors)

    def export_frame(self) -> pl.DataFrame:
        return self.corpus.errors
