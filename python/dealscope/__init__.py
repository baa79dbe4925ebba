"""dealscope: follow the AI compute race in the world's news.

    import dealscope as ds
    ds.parse_amounts("Amazon investirà 8 miliardi di dollari")
"""

from __future__ import annotations

from .api import (
    detect_languages,
    find_names,
    parse_amounts,
    parse_dates,
    sentences,
    tokenize,
    tokens_and_amounts,
)
from .memory import release_memory
from .pipeline.corpus import Corpus, extract

__version__ = "0.1.0"
__all__ = [
    "Corpus",
    "__version__",
    "detect_languages",
    "extract",
    "find_names",
    "parse_amounts",
    "parse_dates",
    "release_memory",
    "sentences",
    "tokenize",
    "tokens_and_amounts",
]
