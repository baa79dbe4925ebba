"""Which language a text is in, from its tokens' scripts and lexicon words.

Shared with ``rust/langdetect.rs``: letters are counted per script (han and
kana count double, as one character carries about a word); the largest
wins, ties going to CJK, then hangul, Cyrillic, Latin. CJK with at least 5 %
kana is Japanese, else Chinese. Latin text votes by stopwords and
single-word lexicon phrases, written as words (an acronym of two or more ASCII
capitals, ``AI`` in ``Mistral AI``, is not Italian's ``ai``); with no vote at all
the next script group with letters decides (Latin-letter names in a Japanese
sentence). A tie at the top goes to the tied language with the most of its own
letters (each lexicon's ``letters``: é, ü, ł…, a letter counting for each language
that lists it): ``SoftBank a finalisé l'acquisition`` ties French with Italian on
``a``, ``l'`` and ``d'``, and its ``é`` makes it French. A tie the letters leave goes
to the tied language with the most votes cast by words in lower case: a capitalised
word may be part of a name (``OpenAI y Sur Energy anunciaron un proyecto`` ties
Spanish's ``y`` with French's ``Sur``). With no vote at all, or a tie all of these
leave, the text is ``xx`` (unknown, read with every lexicon): a name's letters alone
(``Zoë``) tell no language.

A text whose language is not given is also read sentence by sentence
(``sentence_langs``): a sentence ends at a new line, after ``sentence_ends_wide``
(。！？), and after ``sentence_ends`` (. ! ? …) followed by white space and a
token that does not start with a lower-case letter (common.toml [chars]). A
sentence is read in its own language, by the rules above on its tokens alone,
when that language is known, differs from the text's, and:

- its script group (CJK, hangul, Cyrillic, Latin) differs from the text's;
- or it is Japanese (by its kana) in a Chinese text;
- or it is Chinese in a Japanese text with at least ``MIN_HAN`` han characters
  (a short kana-free line, a headline say, is as likely Japanese);
- or both are Latin-script and the sentence's own language has at least
  ``MIN_VOTES`` votes and more than twice the text language's (one shared word,
  ``ai`` or ``ma``, does not move a sentence, nor does it hold one: Italian's
  ``a`` does not keep a Polish sentence of six Polish words Italian).

Otherwise a sentence is read in the text's language.

The text's language may be given instead of detected: the parsers' ``lang=``
with ``by_sentence=True`` (what the pipeline does with each document's
language). Its script group is then the language's (common.toml
``[languages] groups``: CJK for ja and zh, hangul for ko, Cyrillic for ru, Latin
for ``LATIN_LANGS``), or the text's scores' for a code with none.
``by_sentence=False`` reads the whole text in one language, the given one or else
the detected one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import FALLBACK, GROUPS, LATIN_LANGS, load_common
from .chars import char_table
from .phrases import detection_letters, detection_words, norm
from .tokenizer import Token

# The sentence rules' thresholds (as rust/langdetect.rs).
MIN_HAN = 10
MIN_VOTES = 2

_CHARS = load_common()["chars"]
_ENDS = frozenset(_CHARS["sentence_ends"])
_ENDS_WIDE = frozenset(_CHARS["sentence_ends_wide"])

# Languages by token: (first token, language) runs in order, the first at token 0.
Runs = list[tuple[int, str]]


def detect(tokens: list[Token]) -> str:
    return decide(scores(tokens))


def scores(tokens: list[Token]) -> list[int]:
    """The counts `detect` weighs, which add up over pieces of a text cut between
    tokens: [cjk, kana, hangul, cyrillic, latin, one vote count per LATIN_LANGS, one
    letter count per LATIN_LANGS, one count per LATIN_LANGS of its votes cast by
    lower-case words]."""
    table = char_table()
    votes = detection_words()
    letters = detection_letters()
    latin = cyrillic = cjk = kana = hangul = 0
    counts = dict.fromkeys(LATIN_LANGS, 0)
    own = [0] * len(LATIN_LANGS)
    lower = dict.fromkeys(LATIN_LANGS, 0)
    for start, end, text, kind in tokens:
        size = end - start
        if kind == "word":
            script = table.class_of(text[0])
            if script == "latin":
                latin += size
                if not text.isascii():
                    for c in text:
                        for i in letters.get(c, ()):
                            own[i] += 1
                if size >= 2 and text.isascii() and text.isupper() and text.isalpha():
                    continue  # an acronym (AI, US) is no stopword: Italian's "ai"
                key = norm(text)
                voted = [lang for lang in LATIN_LANGS if key in votes[lang]]
                # Asked of voting words only (as rust/langdetect.rs).
                is_lower = bool(voted) and text[0].upper() != text[0]
                for lang in voted:
                    counts[lang] += 1
                    lower[lang] += is_lower
            elif script == "cyrillic":
                cyrillic += size
        elif kind == "han":
            cjk += size
        elif kind == "kana":
            kana += size
            cjk += size
        elif kind == "hangul":
            hangul += size
    return [cjk, kana, hangul, cyrillic, latin, *counts.values(), *own, *lower.values()]


def _group(s: list[int]) -> str:
    """The script group with the most letters (han and kana count double), "" if none."""
    cjk, _, hangul, cyrillic, latin = s[:5]
    best, group = 0, ""
    for name, score in (("cjk", 2 * cjk), ("hangul", 2 * hangul), ("cyrillic", cyrillic),
                        ("latin", latin)):
        if score > best:
            best, group = score, name
    return group


def decide(s: list[int]) -> str:
    """The language (summed) `scores` point to. Counts missing from a short list are
    zeros and counts past the languages' are ignored, as by the Rust engine."""
    return _decided(s)[0]


def _decided(s: list[int]) -> tuple[str, str]:
    """`decide`'s language and the script group that decided it."""
    s = [*s, *[0] * (5 + 3 * len(LATIN_LANGS) - len(s))]
    cjk, kana = s[:2]
    group = _group(s)
    if group == "cjk":
        return ("ja" if kana * 20 >= cjk else "zh"), group
    if group == "hangul":
        return "ko", group
    if group == "cyrillic":
        return "ru", group
    if group == "latin":
        votes = _votes(s)
        if max(votes.values()) == 0 and _group([*s[:4], 0]):
            # Latin letters and no Latin word: company names in a CJK, Korean or Cyrillic
            # text ("CohereはNvidiaやSalesforce Venturesなどから…調達した").
            return _decided([*s[:4], 0])
        return _vote(votes, _letters(s), _lower(s)), group
    return FALLBACK, group


def _votes(s: list[int]) -> dict[str, int]:
    """Each Latin language's vote count in scores `s` (`scores`' layout)."""
    return dict(zip(LATIN_LANGS, s[5:5 + len(LATIN_LANGS)], strict=False))


def _letters(s: list[int]) -> dict[str, int]:
    """Each Latin language's letter count in scores `s` (`scores`' layout)."""
    n = len(LATIN_LANGS)
    return dict(zip(LATIN_LANGS, s[5 + n:5 + 2 * n], strict=True))


def _lower(s: list[int]) -> dict[str, int]:
    """Each Latin language's count of votes cast by lower-case words in scores `s`
    (`scores`' layout). Not strict: counts past the languages' are ignored, as by the
    Rust engine."""
    return dict(zip(LATIN_LANGS, s[5 + 2 * len(LATIN_LANGS):], strict=False))


def _vote(votes: dict[str, int], letters: dict[str, int], lower: dict[str, int]) -> str:
    """The one language with the most votes, a tie going to the one of the tied with
    the most letters, then with the most lower-case votes (module docstring); else
    FALLBACK."""
    winners = _top(votes, LATIN_LANGS)
    if votes[winners[0]] == 0:
        return FALLBACK
    for tie_break in (letters, lower):
        if len(winners) > 1:
            kept = _top(tie_break, winners)
            if tie_break[kept[0]] > 0:
                winners = kept
    return winners[0] if len(winners) == 1 else FALLBACK


def _top(counts: dict[str, int], among: Sequence[str]) -> list[str]:
    """The languages of `among` with the highest count, in order."""
    best = max(counts[lang] for lang in among)
    return [lang for lang in among if counts[lang] == best]


def sentence_starts(text: str, tokens: list[Token]) -> list[int]:
    """The first token of each sentence (see the module's docstring); [0] at least."""
    starts = [0]
    for k in range(len(tokens) - 1):
        end, after = tokens[k], tokens[k + 1]
        gap = text[end[1]:after[0]]
        if "\n" in gap or end[2] in _ENDS_WIDE or (
            end[2] in _ENDS and gap and after[2][0].upper() == after[2][0]
        ):
            starts.append(k + 1)
    return starts


def sentence_langs(text: str, tokens: list[Token], given: str | None = None) -> Runs:
    """The text's language (`given`, else detected), and the sentences read in
    another (module docstring)."""
    starts = sentence_starts(text, tokens)
    pieces = [scores(tokens[a:b]) for a, b in zip(starts, [*starts[1:], len(tokens)], strict=True)]
    # Scores add up: the text's are its sentences' summed.
    whole = [sum(column) for column in zip(*pieces, strict=True)]
    lang, group = _text_lang(given, whole)
    runs: Runs = []
    for first, piece in zip(starts, pieces, strict=True):
        own = _own(lang, group, piece)
        if not runs or own != runs[-1][1]:
            runs.append((first, own))
    return runs


def sentence_spans(text: str, tokens: list[Token], runs: Runs) -> list[tuple[int, int, str]]:
    """Each sentence's code points, from its first token's start to its last token's
    end, and the language `runs` read it in; none for a text with no tokens."""
    if not tokens:
        return []
    starts = sentence_starts(text, tokens)
    out = []
    run = 0
    for first, end in zip(starts, [*starts[1:], len(tokens)], strict=True):
        # Each run starts at a sentence's first token: walk the runs alongside.
        while run + 1 < len(runs) and runs[run + 1][0] <= first:
            run += 1
        out.append((tokens[first][0], tokens[end - 1][1], runs[run][1]))
    return out


def _text_lang(given: str | None, whole: list[int]) -> tuple[str, str]:
    """The text's language and script group: the language `given`, else the one its
    scores point to; the group of the language, else of the scores (a code with no
    script of its own, ``xx`` say)."""
    if given is None:
        return _decided(whole)
    group = GROUPS.get(given) or _group(whole)
    return given, group


def _own(lang: str, group: str, s: list[int]) -> str:
    """The language a sentence with scores `s` is read in, in a text of `lang`."""
    own, own_group = _decided(s)
    if own in (FALLBACK, lang):
        return lang
    if own_group != group:
        return own
    if own_group == "cjk":
        return own if own == "ja" or s[0] - s[1] >= MIN_HAN else lang
    if own_group == "latin":
        votes = _votes(s)
        mine = votes[own]
        return own if mine >= MIN_VOTES and mine > 2 * votes.get(lang, 0) else lang
    return lang
