"""The Rust core (rust/python.rs). Frames leave as Arrow struct arrays
(`ArrowBatch`), which polars takes without a copy: `pl.DataFrame(batch)`
(`dealscope.frames.from_arrow`). `threads`: 0 means all cores, 1 this thread;
the output never depends on it.

`texts` is a list of str, or any object with `__arrow_c_stream__` giving strings
(Arrow "u", "U" or "vu": a polars String Series, say), read in place: no Python
string per text; a null is an empty text, and bytes that are not UTF-8 raise
ValueError naming the text."""

from typing import Any, Protocol

class _ArrowStream(Protocol):
    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any: ...

Texts = list[str] | _ArrowStream

__version__: str

class ArrowBatch:
    """One frame's columns as an Arrow struct array (the Arrow PyCapsule
    interface). It can be taken once; a second take raises ValueError."""

    def __arrow_c_array__(self, requested_schema: Any = None) -> tuple[Any, Any]: ...
    def __len__(self) -> int: ...

def tokenize(texts: Texts, threads: int = 0) -> ArrowBatch:
    """Columns of frames.TOKEN_SCHEMA."""

def detect_languages(texts: Texts, threads: int = 0) -> list[str]:
    """One language code per text (`xx` when no cue was found)."""

def language_scores(texts: Texts, threads: int = 0) -> list[list[int]]:
    """Per text: [cjk, kana, hangul, cyrillic, latin, votes per Latin language,
    tie-breaking letters per Latin language, votes cast by lower-case words per Latin
    language];
    pieces of a text cut between tokens sum to the whole text's scores."""

def decide_language(scores: list[int]) -> str:
    """The language (summed) scores point to; `detect_languages` = this of the scores."""

def parse_amounts(
    texts: Texts, langs: list[str | None], threads: int = 0, by_sentence: bool | None = None
) -> ArrowBatch:
    """Columns of frames.AMOUNT_SCHEMA."""

def tokens_and_amounts(
    texts: Texts, langs: list[str | None], threads: int = 0, by_sentence: bool | None = None
) -> tuple[ArrowBatch, ArrowBatch]:
    """`tokenize` and `parse_amounts` of the same texts in one pass (each text
    tokenized once)."""

def parse_dates(
    texts: Texts,
    langs: list[str | None],
    refs: list[int | None],
    threads: int = 0,
    by_sentence: bool | None = None,
) -> ArrowBatch:
    """Columns of frames.DATE_SCHEMA; `refs` are days since 1970."""

def sentences(
    texts: Texts, langs: list[str | None], threads: int = 0, by_sentence: bool | None = None
) -> ArrowBatch:
    """Columns of frames.SENTENCE_SCHEMA: each text's sentences, as the parsers cut
    them, and the language each is read in."""

def find_names(texts: Texts, threads: int = 0) -> ArrowBatch:
    """Columns doc, start, end, text and entity (an index into `name_entities()`)."""

def name_entities() -> list[tuple[str, str, str, str]]:
    """The entities of names.toml as (name, kind, role, parent), in the order
    `find_names`' entity column counts them."""

def deal_cues(
    sentences: Texts, langs: list[str], threads: int = 0
) -> list[dict[str, list[int]]]:
    """Each sentence's deal cues as `pipeline.cues.find(sentences[i], langs[i])`
    gives them: category -> sorted start offsets in code points of the lowered
    sentence, keys in the same order. `langs` holds a lexicon language code or "xx"
    per sentence; another code raises ValueError naming it, and so does a str that
    cannot be UTF-8 (a lone surrogate), naming its index. Python's lowering and word
    characters are CPython 3.11's (Unicode 14.0.0). A stem of two categories gives
    them in the lexicon's order, as `find` does."""

def code_tables() -> list[tuple[str, list[str]]]:
    """The names the core gives each code column, in code order, and the lexicon's
    flags ("flag", bit order)."""

def kept_buffer_bytes() -> int:
    """Bytes of big output buffers kept for the next call (at most 256 MiB)."""

def free_kept_buffers() -> int:
    """Free the kept buffers; returns the bytes handed back."""

def set_kept_limit(nbytes: int) -> int:
    """Keep at most `nbytes` of buffers (0: none), freeing the oldest past it;
    returns the limit before."""

def kept_limit() -> int:
    """The bytes of buffers the core may keep (256 MiB unless set)."""
