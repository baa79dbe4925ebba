"""The public functions: one call, either engine, the same frame."""

from __future__ import annotations

import datetime as dt
import functools
import re
import warnings
from collections.abc import Sequence

import polars as pl

from . import pyengine
from .frames import (
    AMOUNT_SCHEMA,
    DATE_SCHEMA,
    NAME_SCHEMA,
    SENTENCE_SCHEMA,
    TOKEN_SCHEMA,
    from_arrow,
    from_rows,
)
from .pyengine.tokenizer import Token

Texts = str | Sequence[str] | pl.Series
Langs = str | Sequence[str | None] | None
Refs = dt.date | str | Sequence[dt.date | str | None] | None
ENGINES = ("rust", "python")

# Lone surrogates: possible in Python strings, impossible in UTF-8.
SURROGATE = re.compile("[\ud800-\udfff]")


def _listed(series: pl.Series) -> list[str]:
    """A String Series as Python strings, a null as an empty text."""
    return [t if t is not None else "" for t in series.to_list()]


def _texts(texts: Texts) -> list[str] | pl.Series:
    """Normalise the accepted inputs: a list of strings, or a String Series kept as it
    is (the core reads its Arrow memory in place; `_clean` lists it for the Python
    engine). A null in a Series is an empty text. Lone surrogates are dealt with by
    `_clean`."""
    if isinstance(texts, str):
        items: list = [texts]
    elif isinstance(texts, pl.Series):
        if texts.dtype != pl.String:
            raise TypeError(f"texts: expected a Series of strings, got {texts.dtype}")
        if hasattr(texts, "__arrow_c_stream__"):  # read in place; an older polars: listed
            return texts
        items = _listed(texts)
    elif hasattr(texts, "__arrow_c_stream__") or hasattr(texts, "__arrow_c_array__"):
        # pyarrow and other Arrow arrays, as polars takes them (without a copy)
        return _texts(pl.Series(texts))
    else:
        items = list(texts)
    for i, text in enumerate(items):
        if not isinstance(text, str):
            raise TypeError(f"texts[{i}]: expected str, got {type(text).__name__}")
    return items


def _clean(items: list[str] | pl.Series, depth: int = 3) -> list[str]:
    """Lone surrogates (possible in Python strings, impossible in UTF-8) replaced by
    U+FFFD, one code point for one, so every offset still holds; a warning names the
    text and the position. A Series (UTF-8, so none) is listed, a null as ``""``."""
    if isinstance(items, pl.Series):
        return _listed(items)
    out = list(items)
    for i, text in enumerate(items):
        if text.isascii():  # O(1) in CPython: most texts skip the scan
            continue
        m = SURROGATE.search(text)
        if m:
            warnings.warn(
                f"texts[{i}]: lone surrogate at offset {m.start()} replaced by U+FFFD",
                stacklevel=depth,  # the caller of the public function
            )
            out[i] = SURROGATE.sub("\ufffd", text)
    return out


def _rust(func, items: list[str] | pl.Series, *args):
    """Call the core. It cannot take a lone surrogate (its text is UTF-8): such a call
    fails at once, before any work, and is made again on the cleaned texts; so clean
    input never pays for the scan."""
    try:
        return func(items, *args)
    except UnicodeEncodeError:
        return func(_clean(items, depth=4), *args)


def _langs(langs: Langs, n: int) -> list[str | None]:
    if langs is None or isinstance(langs, str):
        return [langs] * n
    out = list(langs)
    if len(out) != n:
        raise ValueError(f"lang: {len(out)} languages given for {n} texts")
    return out


def _refs(refs: Refs, n: int) -> list[dt.date | None]:
    def one(ref) -> dt.date | None:
        if ref is None or isinstance(ref, dt.date):
            return ref.date() if isinstance(ref, dt.datetime) else ref
        if isinstance(ref, str):
            try:
                return dt.date.fromisoformat(ref)
            except ValueError:
                raise ValueError(f"ref: {ref!r} is not a date (YYYY-MM-DD)") from None
        raise TypeError(f"ref: expected a date or 'YYYY-MM-DD', got {type(ref).__name__}")

    if refs is None or isinstance(refs, (str, dt.date)):
        return [one(refs)] * n
    out = [one(r) for r in refs]
    if len(out) != n:
        raise ValueError(f"ref: {len(out)} dates given for {n} texts")
    return out


def _engine(engine: str):
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if engine == "rust":
        from . import _core

        return _core
    return None


def _threads(threads: int | None) -> int:
    """0 asks the core for all cores."""
    if threads is None:
        return 0
    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    return threads


def _token_frame(batch: object) -> pl.DataFrame:
    return from_arrow(batch, TOKEN_SCHEMA)


def _token_rows(doc: int, tokens: list[Token]) -> list[tuple]:
    return [(doc, start, end, tok, kind) for start, end, tok, kind in tokens]


def tokenize(texts: Texts, *, engine: str = "rust", threads: int | None = None) -> pl.DataFrame:
    """One row per token: doc, start, end (code points), token, kind.

    ``threads`` (Rust engine): documents are split over this many threads
    (default: all cores; texts of under 64 KiB in all stay on the calling
    thread); the result does not depend on it.
    """
    items = _texts(texts)
    core = _engine(engine)
    if core is not None:
        return _token_frame(_rust(core.tokenize, items, _threads(threads)))
    rows = []
    for doc, text in enumerate(_clean(items)):
        rows.extend(_token_rows(doc, pyengine.tokenize(text)))
    return from_rows(rows, TOKEN_SCHEMA)


def detect_languages(texts: Texts, *, engine: str = "rust",
                     threads: int | None = None) -> pl.Series:
    """The language code each text is read as (``xx`` when no cue was found)."""
    items = _texts(texts)
    core = _engine(engine)
    if core is not None:
        return pl.Series("lang", _rust(core.detect_languages, items, _threads(threads)),
                         dtype=pl.String)
    return pl.Series("lang", [pyengine.detect(pyengine.tokenize(t)) for t in _clean(items)],
                     dtype=pl.String)


def language_scores(texts: Texts, *, engine: str = "rust",
                    threads: int | None = None) -> list[list[int]]:
    """Per text, the counts its language is decided by; they add up over pieces
    of a text cut between tokens (how a huge document is read in parts)."""
    items = _texts(texts)
    core = _engine(engine)
    if core is not None:
        return _rust(core.language_scores, items, _threads(threads))
    return [pyengine.scores(pyengine.tokenize(t)) for t in _clean(items)]


def decide_language(scores: Sequence[int], *, engine: str = "rust") -> str:
    """The language summed `language_scores` point to."""
    core = _engine(engine)
    return core.decide_language(list(scores)) if core is not None else \
        pyengine.decide(list(scores))


def _amount_frame(batch: object) -> pl.DataFrame:
    return from_arrow(batch, AMOUNT_SCHEMA)


def _runs(text: str, tokens: list[Token], code: str | None,
          by_sentence: bool | None) -> list[tuple[int, str]]:
    """How the tokens are read (as ``runs_of`` in rust/batch.rs): in the language
    given, else detected; sentence by sentence when `by_sentence` (by default, when
    no language is given), else the whole text in one."""
    code = code or None  # an empty code asks for detection
    if by_sentence is None:
        by_sentence = code is None
    if by_sentence:
        return pyengine.sentence_langs(text, tokens, code)
    return [(0, code or pyengine.detect(tokens))]


def _amount_rows(doc: int, text: str, tokens: list[Token], code: str | None,
                 by_sentence: bool | None) -> list[tuple]:
    return [(doc, *amount) for amount in
            pyengine.parse_amounts(text, tokens, _runs(text, tokens, code, by_sentence))]


def parse_amounts(texts: Texts, *, engine: str = "rust", lang: Langs = None,
                  by_sentence: bool | None = None, threads: int | None = None) -> pl.DataFrame:
    """One row per amount mention (money, percent, power, count, number).

    ``lang`` (a code or one per text) reads each text in that language; by
    default each text's language is detected from its script and words, and a
    sentence plainly in another language (a Chinese sentence quoted in an
    Italian text) is read in its own (the rules: ``pyengine/langdetect.py``).
    ``by_sentence=True`` reads sentences so also when ``lang`` is given (the
    text's language, not each sentence's); ``False`` reads each text whole in one
    language, given or detected (faster, as no sentence is weighed apart).
    """
    items = _texts(texts)
    langs = _langs(lang, len(items))
    core = _engine(engine)
    if core is not None:
        return _amount_frame(
            _rust(core.parse_amounts, items, langs, _threads(threads), by_sentence))
    rows = []
    for doc, (text, code) in enumerate(zip(_clean(items), langs, strict=True)):
        rows.extend(_amount_rows(doc, text, pyengine.tokenize(text), code, by_sentence))
    return from_rows(rows, AMOUNT_SCHEMA)


def tokens_and_amounts(texts: Texts, *, engine: str = "rust", lang: Langs = None,
                       by_sentence: bool | None = None,
                       threads: int | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``(tokenize(texts), parse_amounts(texts))`` in one pass: each text is
    tokenized once, for both frames (the parser reads the same tokens)."""
    items = _texts(texts)
    langs = _langs(lang, len(items))
    core = _engine(engine)
    if core is not None:
        tokens, amounts = _rust(core.tokens_and_amounts, items, langs, _threads(threads),
                                 by_sentence)
        return _token_frame(tokens), _amount_frame(amounts)
    token_rows: list[tuple] = []
    amount_rows: list[tuple] = []
    for doc, (text, code) in enumerate(zip(_clean(items), langs, strict=True)):
        tokens = pyengine.tokenize(text)
        token_rows.extend(_token_rows(doc, tokens))
        amount_rows.extend(_amount_rows(doc, text, tokens, code, by_sentence))
    return from_rows(token_rows, TOKEN_SCHEMA), from_rows(amount_rows, AMOUNT_SCHEMA)


def sentences(texts: Texts, *, engine: str = "rust", lang: Langs = None,
              by_sentence: bool | None = None, threads: int | None = None) -> pl.DataFrame:
    """One row per sentence: doc, sid (its number in the document), start, end,
    sentence (from its first token to its last), and lang, the language its
    amounts and dates are read in.

    These are the parsers' own sentences (the rules: ``pyengine/langdetect.py``);
    ``lang`` and ``by_sentence`` are read as by ``parse_amounts``. A text with no
    tokens has none.
    """
    items = _texts(texts)
    langs = _langs(lang, len(items))
    core = _engine(engine)
    if core is not None:
        return from_arrow(_rust(core.sentences, items, langs, _threads(threads), by_sentence),
                          SENTENCE_SCHEMA)
    rows = []
    for doc, (text, code) in enumerate(zip(_clean(items), langs, strict=True)):
        tokens = pyengine.tokenize(text)
        spans = pyengine.sentence_spans(text, tokens, _runs(text, tokens, code, by_sentence))
        rows.extend((doc, sid, s, e, text[s:e], lg) for sid, (s, e, lg) in enumerate(spans))
    return from_rows(rows, SENTENCE_SCHEMA)


def parse_dates(
    texts: Texts, *, ref: Refs = None, engine: str = "rust", lang: Langs = None,
    by_sentence: bool | None = None, threads: int | None = None,
) -> pl.DataFrame:
    """One row per date mention: doc, start, end, text, date (first day of the
    period), precision, relation (on/by/since/before), relative.

    ``ref`` (a date or ``YYYY-MM-DD``, or one per text) is what relative
    expressions (``last week``, ``去年``, a month without a year) resolve
    against; without it their ``date`` is null and ``relative`` true.
    ``lang`` and ``by_sentence`` are read as by ``parse_amounts``.
    """
    items = _texts(texts)
    langs = _langs(lang, len(items))
    refs = _refs(ref, len(items))
    core = _engine(engine)
    if core is not None:
        epoch = dt.date(1970, 1, 1).toordinal()
        days = [r.toordinal() - epoch if r is not None else None for r in refs]
        return from_arrow(_rust(core.parse_dates, items, langs, days, _threads(threads),
                                by_sentence),
                          DATE_SCHEMA)
    rows = []
    epoch = dt.date(1970, 1, 1)
    for doc, (text, code, day) in enumerate(zip(_clean(items), langs, refs, strict=True)):
        tokens = pyengine.tokenize(text)
        for start, end, mention, days, precision, relation, relative in pyengine.parse_dates(
            text, tokens, _runs(text, tokens, code, by_sentence), day
        ):
            date = epoch + dt.timedelta(days=days) if days is not None else None
            rows.append((doc, start, end, mention, date, precision, relation, relative))
    return from_rows(rows, DATE_SCHEMA)


def find_names(texts: Texts, *, engine: str = "rust", threads: int | None = None) -> pl.DataFrame:
    """One row per company or person name: doc, start, end, text, and the
    canonical name, kind (org/person), role (org type or a person's role) and
    parent (parent organisation, or a person's organisation; null if none)."""
    items = _texts(texts)
    core = _engine(engine)
    if core is not None:
        batch = _rust(core.find_names, items, _threads(threads))
        spans = from_arrow(batch, {**{k: NAME_SCHEMA[k] for k in ("doc", "start", "end", "text")},
                                   "entity": pl.UInt32})
        table = _name_table()
        picked = table[spans["entity"]] if spans.height else table.clear()
        # The spans' columns then the entity's are NAME_SCHEMA's, in order.
        return spans.drop("entity").hstack(picked)
    found = pyengine.names()
    rows = []
    for doc, text in enumerate(_clean(items)):
        for start, end, entity in found.find(text):
            e = found.entities[entity]
            rows.append((doc, start, end, text[start:end], e.name, e.kind, e.role, e.parent))
    return _empty_as_null(from_rows(rows, NAME_SCHEMA))


@functools.cache
def _name_table() -> pl.DataFrame:
    """names.toml's entities as the core counts them. Made once: building it took
    longer than finding the names of a sentence."""
    from . import _core

    return _empty_as_null(pl.DataFrame(_core.name_entities(),
                                       schema=["name", "kind", "role", "parent"], orient="row"))


def _empty_as_null(frame: pl.DataFrame) -> pl.DataFrame:
    """No role or parent is null, not an empty string."""
    return frame.with_columns(pl.col(c).replace("", None) for c in ("role", "parent"))
