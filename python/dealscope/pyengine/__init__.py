"""The pure-Python engine: a second implementation of the Rust core's rules."""

from __future__ import annotations

from .amounts import parse_amounts
from .dates import parse_dates
from .langdetect import decide, detect, scores, sentence_langs, sentence_spans
from .names import names
from .phrases import phrase_table
from .tokenizer import tokenize

__all__ = ["decide", "detect", "names", "parse_amounts", "parse_dates", "phrase_table", "scores",
           "sentence_langs", "sentence_spans", "tokenize"]
