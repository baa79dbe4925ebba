"""The Rust core (rust/python.rs). Columns leave as raw little-endian buffers;
`dealscope.frames.from_buffers` turns them into polars frames. `threads`: 0 means
all cores, 1 this thread; the output never depends on it."""

__version__: str

def tokenize(texts: list[str], threads: int = 0) -> tuple[int, dict[str, object]]:
    """Rows, and columns: doc/start/end as u32 bytes, token as (i64 offsets, utf-8 data),
    kind as u8 codes into frames.TOKEN_KINDS."""

def detect_languages(texts: list[str], threads: int = 0) -> list[str]:
    """One language code per text (`xx` when no cue was found)."""

def language_scores(texts: list[str], threads: int = 0) -> list[list[int]]:
    """Per text: [cjk, kana, hangul, cyrillic, latin, votes per Latin language];
    pieces of a text cut between tokens sum to the whole text's scores."""

def decide_language(scores: list[int]) -> str:
    """The language (summed) scores point to; `detect_languages` = this of the scores."""

def parse_amounts(
    texts: list[str], langs: list[str | None], threads: int = 0
) -> tuple[int, dict[str, object], list[str]]:
    """Rows, columns and unit names: value/low/high as f64 bytes with NaN for null,
    unit as u8 codes (0 null, i + 1 = units[i]), kind and qualifier as u8 codes."""

def tokens_and_amounts(
    texts: list[str], langs: list[str | None], threads: int = 0
) -> tuple[tuple[int, dict[str, object]], tuple[int, dict[str, object], list[str]]]:
    """`tokenize` and `parse_amounts` of the same texts in one pass (each text
    tokenized once): both results, as those functions return them."""

def parse_dates(
    texts: list[str], langs: list[str | None], refs: list[int | None], threads: int = 0
) -> tuple[int, dict[str, object]]:
    """Rows and columns: date as i32 days since 1970 (i32::MIN for null), precision and
    relation as u8 codes into frames.PRECISIONS / RELATIONS, relative as u8 0/1.
    `refs` are days since 1970."""

def find_names(
    texts: list[str], threads: int = 0
) -> tuple[int, dict[str, object], list[tuple[str, str, str, str]]]:
    """Rows, columns (entity as u32 index) and the entities of names.toml as
    (name, kind, role, parent)."""
