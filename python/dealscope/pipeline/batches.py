"""Planning extraction in bounded pieces: documents into batches, huge documents into chunks.

``extract`` never runs a stage over the whole corpus at once: it runs it over
one batch of documents (at most ``BATCH_BYTES`` of UTF-8, or one piece when a
piece alone is larger) and keeps only the small per-batch outputs. A document
longer than ``CHUNK_CHARS`` code points is cut into chunks, each a piece of
its own whose offsets are shifted back into the whole document.

A chunk ends where a sentence ends (the parsers' own sentences, ``sentences.py``),
so every sentence, token, amount, date and name lies inside one chunk and the
frames are identical to those of the uncut document. Only when no sentence
ends in the last ``WINDOW`` code points before the limit does the cut fall at
white space, and failing that at the limit itself: then the sentence that
straddles the cut is read as two sentences, and a mention, a name or a deal
that spans the cut is lost or read differently.

The defaults keep a batch's working set (Python rows for the deal stage, the
core's tokens) to a few hundred MB; what stays is the corpus's text (as given,
in ``documents.text`` and in ``sentences``) and the small frames.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .sentences import split

BATCH_BYTES = 8 * 2**20
CHUNK_CHARS = 4 * 2**20
WINDOW = 2**20
LOOKAHEAD = 256
_SPACE = re.compile(r"\s+")


class Piece(NamedTuple):
    """The code points [start, end) of document `doc`."""

    doc: int
    start: int
    end: int


def cut_points(text: str, limit: int = CHUNK_CHARS) -> list[int]:
    """Offsets where `text` is cut into chunks of at most about `limit` code points
    (0 and len(text) included)."""
    if limit < 1:
        raise ValueError(f"chunk size must be at least 1, not {limit}")
    cuts = [0]
    while len(text) - cuts[-1] > limit:
        cuts.append(_cut(text, cuts[-1], cuts[-1] + limit))
    cuts.append(len(text))
    return cuts


def _cut(text: str, pos: int, end: int) -> int:
    """The last safe boundary in (pos, end]: a sentence's start, else after white
    space, else `end` itself."""
    lo = max(pos + 1, end - WINDOW)
    # The window starts after white space (no token cut in two) and runs past `end`
    # (the tokens around it whole). Its first sentence's start is no cut: what ends
    # before it is not in the window.
    space = _SPACE.search(text, lo, end)
    first = space.end() if space else lo
    hi = min(len(text), end + LOOKAHEAD)
    best = None
    for start, _ in split(text[first:hi])[1:]:
        start += first
        if start <= end:
            best = start
    if best is None:
        for m in _SPACE.finditer(text, lo, end):
            best = m.end()
        # A run of white space is never split: the next chunk starts at a letter.
        while best is not None and best < len(text) and text[best].isspace():
            best += 1
    return end if best is None else best


def pieces(texts: Sequence[str], chunk_chars: int = CHUNK_CHARS) -> Iterator[Piece]:
    for doc, text in enumerate(texts):
        cuts = cut_points(text, chunk_chars) if len(text) > chunk_chars else [0, len(text)]
        for start, end in itertools.pairwise(cuts):
            yield Piece(doc, start, end)


def utf8_size(text: str, start: int, end: int) -> int:
    if text.isascii():  # O(1) in CPython: no copy for the common case
        return end - start
    return len(text[start:end].encode("utf-8", "surrogatepass"))


def plan(texts: Sequence[str], batch_bytes: int = BATCH_BYTES,
         chunk_chars: int = CHUNK_CHARS) -> list[list[Piece]]:
    """Pieces grouped into batches of at most `batch_bytes` of UTF-8 (a piece larger
    than that is a batch alone); never empty, so every stage runs at least once."""
    if batch_bytes < 1:
        raise ValueError(f"batch size must be at least 1 byte, not {batch_bytes}")
    batches: list[list[Piece]] = [[]]
    size = 0
    for piece in pieces(texts, chunk_chars):
        n = utf8_size(texts[piece.doc], piece.start, piece.end)
        if batches[-1] and size + n > batch_bytes:
            batches.append([])
            size = 0
        batches[-1].append(piece)
        size += n
    return batches


def piece_text(texts: Sequence[str], piece: Piece) -> str:
    """A new string, never the document itself: the UTF-8 copy the Rust core makes
    of it (CPython caches it on the string) then goes when the batch is done."""
    text = texts[piece.doc]
    if piece.start == 0 and piece.end == len(text) and text:
        return text[:-1] + text[-1]
    return text[piece.start:piece.end]
