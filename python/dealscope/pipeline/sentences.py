"""The pipeline's sentences: the parsers' own (``ds.sentences``; the rules are in
``pyengine/langdetect.py``), so that a sentence, its amounts and its dates are
cut by one rule.

A sentence runs from its first token to its last: it ends at a new line, after
。！？, or after . ! ? … followed by white space and a token that does not
start with a lower-case letter (so ``tys. procesorów`` and ``12.5`` stay whole).
"""

from __future__ import annotations

from .. import api

# Cuts do not depend on the language: giving one skips detection.
_ANY_LANG = "xx"


def split(text: str) -> list[tuple[int, int]]:
    """The code points [start, end) of each sentence of `text`."""
    sents = api.sentences(text, lang=_ANY_LANG)
    return list(zip(sents["start"].to_list(), sents["end"].to_list(), strict=True))

