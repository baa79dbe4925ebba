"""Deal cue words (lexicon/deals.toml) found in sentences, with their positions."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import islice

import polars as pl

from ..lexicon import _read

CATEGORIES = (
    "investment", "compute", "chips", "acquisition", "partnership", "funding", "valuation",
    "revenue", "spending", "talks", "announced", "completed", "planned", "total", "tranche",
    "provider", "customer", "competitor", "anaphor", "receives",
    "sale", "shares", "price_move", "besides",
    "respectively", "alongside", "sells", "licensing", "pays",
)
# The categories that name goods bought rather than a company: compute and chips.
GOODS = ("compute", "chips")
# The categories of a word for a stake or shares (control.py, sales.py).
STAKES = ("investment", "shares")
# Contract words: what compute with no money needs (`candidates._read`).
CONTRACT_CUES = ("partnership", "licensing", "customer", "provider")
# Figures a money amount may be rather than a deal's (figures.py).
FIGURE_CUES = ("valuation", "revenue", "spending")
# The words an amount's nearest cue is looked for among (`figures.nearest_cue`).
AMOUNT_CUES = ("investment", "compute", "chips", "acquisition", "funding", "partnership",
               "licensing", *FIGURE_CUES)
STATUSES = ("talks", "completed", "announced", "planned")
# The words that name a deal's kind.
KIND_CUES = ("investment", "compute", "chips", "acquisition", "partnership", "licensing",
             "funding")
# The kinds a sentence naming no other company may go on with (`continuation`): not a
# company bought, which needs the company.
CONTINUED_CUES = tuple(c for c in KIND_CUES if c != "acquisition")


@cache
def _data() -> dict:
    return _read("deals")


_WORD = re.compile(r"\w[\w'-]*|[$€£¥]")
_BETWEEN = r"[^\w$€£¥]*"  # what `_WORD.finditer` steps over between words
_NO_KEY = re.compile("(?!)")


def _trie(words: set[str], end: str | Callable[[str], str]) -> str:
    """`words` as one regular expression, shared prefixes factored out (the regex
    engine then tries a few branches a word, not every word), each followed by `end`
    (or `end(word)`)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = end if isinstance(end, str) else end(word)
    def render(node: dict) -> str:
        alts = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append(node[""])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return render(root) if root else "(?!)"


def _next_word(words: frozenset[str], stems: tuple[str, ...]) -> str:
    """A lookahead: the next word (as `_WORD` reads it) is one of `words` or starts
    with one of `stems`. A currency sign is a word whatever follows it."""
    whole = {w for w in words if re.match(r"\w", w)}
    return ("(?=" + _BETWEEN + "(?:" + _trie(whole, r"(?![\w'-])") + "|"
            + _trie(set(stems) | (words - whole), "") + "))")


@dataclass
class Vocabulary:
    """One language's cue words, ready for one regex scan of a sentence."""

    # One-word stem → its categories, in the order read (a dict as an ordered set: a
    # set's order followed the process's string hashing, and it is `find`'s key order).
    stems: dict[str, dict[str, None]] = field(default_factory=dict)
    shortest: int = 0  # the shortest stem's length
    # A stem's first `shortest` characters → the stems starting so, shortest first,
    # with their categories: a word tries only the stems that share its head.
    by_head: dict[str, list[tuple[str, dict[str, None]]]] = field(default_factory=dict)
    # A phrase's first word → its (middle words, last word's stem, category) and the
    # most words after the first any of them needs.
    phrases: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=dict)
    phrase_len: dict[str, int] = field(default_factory=dict)
    # A phrase's first word → the words that may come next (its phrases' second words,
    # and the last words' stems of its two-word phrases): most times such a word is
    # found (in, w, в) the next word rules out all its phrases.
    follow: dict[str, tuple[frozenset[str], tuple[str, ...]]] = field(default_factory=dict)
    substrings: list[tuple[str, str]] = field(default_factory=list)  # (word, category): ja, zh
    # The words that start with a stem or are a phrase's first word, found by one regex
    # scan of the sentence instead of a test per word: group 1 is the longest stem a
    # word starts with, group 2 a phrase's first word that starts with none.
    words: re.Pattern[str] = _NO_KEY
    # The longest stem a word starts with → the categories of every stem it starts
    # with (shortest stem first, as `by_head` has them), and whether the word may be
    # a phrase's first word too.
    stem_cats: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict)
    # The substring entries (ja, zh) as one regex (a match is the longest entry found
    # there) and the longest entry → every entry it starts with, as (place in
    # `substrings`, category): a sentence's categories come out in the entries' order.
    entries: re.Pattern[str] = _NO_KEY
    within: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)


def hyphen_parts(code: str) -> bool:
    """Is a word of the language read again after each hyphen in it, as after an
    elision (its section's ``hyphen_parts``: compounds such as ``Nvidia-Chips``)?"""
    return bool(_data().get(code, {}).get("hyphen_parts"))


def found_anywhere(code: str) -> bool:
    """Are the language's entries whole words found anywhere in a sentence (its
    section's ``match = "anywhere"``), rather than word stems?"""
    return _data().get(code, {}).get("match") == "anywhere"


@cache
def vocabulary(lang: str) -> Vocabulary:
    """The language's words plus English (news mixes it in)."""
    data = _data()
    vocab = Vocabulary()
    for code in [lang] if lang == "en" else [lang, "en"]:
        anywhere = found_anywhere(code)
        for cat in CATEGORIES:
            for entry in data.get(code, {}).get(cat, []):
                entry = entry.replace("’", "'").lower()
                if not entry:  # an empty entry would be a cue everywhere
                    continue
                if anywhere:
                    vocab.substrings.append((entry, cat))
                    continue
                parts = _WORD.findall(entry)
                if len(parts) == 1:
                    vocab.stems.setdefault(parts[0], {})[cat] = None
                elif parts:
                    first, *middle, last = parts
                    if "'" in first:  # the elision rule assumes none (cues.rs `read`)
                        raise ValueError(f"deals.toml [{code}] {cat}: {entry!r}: a phrase's "
                                         "first word with an apostrophe")
                    vocab.phrases.setdefault(first, []).append((tuple(middle), last, cat))
                    vocab.phrase_len[first] = max(vocab.phrase_len.get(first, 0), len(parts) - 1)
    for first, options in vocab.phrases.items():
        vocab.follow[first] = (frozenset(middle[0] for middle, _, _ in options if middle),
                               tuple(last for middle, last, _ in options if not middle))
    vocab.shortest = min(map(len, vocab.stems), default=0)
    for stem in sorted(vocab.stems, key=len):
        vocab.by_head.setdefault(stem[: vocab.shortest], []).append((stem, vocab.stems[stem]))
    # A word starts where a run of [\w'-] starts, after any ' and - it begins with
    # (as `_WORD` finds it); a word no stem starts is read again after each elision in
    # it (l'acquisizione, d'investissement), and in a language of compounds (deals.toml
    # ``hyphen_parts``) after each hyphen (Nvidia-Chips, OpenAI-Konkurrent). The trie
    # tries longer stems first, so group 1 is the longest stem the word starts with; a
    # phrase's first word comes back only if the word after it may go on with one of
    # its phrases.
    part = r"(?<=\w['-])" if hyphen_parts(lang) else r"(?<=\w')"
    vocab.words = re.compile(
        r"(?:(?<![\w'-])['-]*|" + part + r")(?:(" + _trie(set(vocab.stems), "")
        + r")[\w'-]*"
        + "|(" + _trie(set(vocab.phrases),
                       lambda first: r"(?![\w'-])" + _next_word(*vocab.follow[first])) + "))")
    firsts = {m[1] for m in map(vocab.words.fullmatch, vocab.phrases) if m and m[1]}
    for longest in vocab.stems:
        cats = tuple(cat for stem, stem_cats in vocab.by_head[longest[: vocab.shortest]]
                     if longest.startswith(stem) for cat in stem_cats)
        vocab.stem_cats[longest] = cats, longest in firsts
    if vocab.substrings:
        # No lookahead: the search skips to an entry's first character at C speed.
        vocab.entries = re.compile(_trie({entry for entry, _ in vocab.substrings}, ""))
        for longest, _ in vocab.substrings:
            vocab.within[longest] = tuple((i, cat) for i, (entry, cat)
                                          in enumerate(vocab.substrings)
                                          if longest.startswith(entry))
    return vocab


@cache
def cloud_sellers() -> frozenset[str]:
    """Big tech companies that rank as cloud providers in a compute deal."""
    return frozenset(_data().get("cloud_sellers", {}).get("names", []))


@cache
def chip_families() -> list[tuple[str, tuple[str, ...], re.Pattern[str]]]:
    out = []
    for family, names in _data().get("chip_family", {}).items():
        alts = sorted((_chip_alternative(n) for n in names), key=len, reverse=True)
        out.append((family, tuple(names), re.compile("(?:" + "|".join(alts) + ")")))
    return out


# Scripts written without spaces (kana, hanzi, hangul): a name in Latin letters glued to
# them still stands alone (``英伟达H20芯片``, ``エヌビディアのH100を``), and a name in them
# needs no boundary at all (``华为昇腾AI服务器``).
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")


def _chip_alternative(name: str) -> str:
    """A chip's name as a pattern, bounded where it is written in spaced letters. The
    name comes first and the test of the character before it after it, as a lookbehind
    over the name: a pattern opening with a lookbehind is tried at every character, ten
    times slower on the bench corpus than one opening with its names."""
    name_re = re.escape(name)
    start = "" if _UNSPACED_CHAR.match(name[0]) else rf"(?<![^\W{_UNSPACED}]{name_re})"
    end = "" if _UNSPACED_CHAR.match(name[-1]) else rf"(?![^\W{_UNSPACED}])"
    return name_re + start + end


def find(sentence: str, lang: str) -> dict[str, list[int]]:
    """Category → start offsets (within the sentence) of its cue words.

    Latin and Cyrillic entries are stems: a word matches when it starts with
    one, or when what follows an elision in it does (``l'acquisizione``), or in a
    language of compounds (`hyphen_parts`) what follows a hyphen (``Nvidia-Chips``); a
    phrase's words match in order, the last as a stem. Japanese and Chinese
    entries match anywhere.
    """
    low = sentence.lower().replace("’", "'")
    vocab = vocabulary(lang)
    found: dict[str, list[int]] = {}
    # Where the last phrase found ends: the words it read are not read again after
    # their elisions (the "investissement" of "dépenses d'investissement").
    covered = 0
    for m in vocab.words.finditer(low):
        if m.start() < covered and low[m.start() - 1] in "'-":
            continue
        stem = m[1]
        if stem is None:  # a phrase's first word, which starts with no stem
            word, pos = m[2], m.start(2)  # (the regex has read the next word)
        else:
            pos = m.start(1)
            cats, phrase = vocab.stem_cats[stem]
            for cat in cats:
                found.setdefault(cat, []).append(pos)
            if not phrase:
                continue
            word = low[pos : m.end()]
            if word not in vocab.phrases:
                continue
            nxt = _WORD.search(low, m.end())  # the next word may rule out all its phrases
            if nxt is None:
                continue
            words, stems = vocab.follow[word]
            if nxt[0] not in words and not nxt[0].startswith(stems):
                continue
        # The words after this one, read once for all its phrases.
        nexts = list(islice(_WORD.finditer(low, m.end()), vocab.phrase_len[word]))
        after = tuple(w.group() for w in nexts)
        for middle, last, cat in vocab.phrases[word]:
            k = len(middle)
            if len(after) > k and after[:k] == middle and after[k].startswith(last):
                found.setdefault(cat, []).append(pos)
                covered = max(covered, nexts[k].end())
    if vocab.within:
        # Every place an entry starts: the longest entry there, then the next place.
        places: list[tuple[int, int, str]] = []
        e = vocab.entries.search(low)
        while e is not None:
            at = e.start()
            for i, cat in vocab.within[e[0]]:
                places.append((i, at, cat))
            e = vocab.entries.search(low, at + 1)
        # Entry by entry in the lexicon's order, as a search per entry would find them.
        places.sort()
        for _, at, cat in places:
            found.setdefault(cat, []).append(at)
    for hits in found.values():
        hits.sort()
    return found


def find_all(sentences: Sequence[str] | pl.Series, langs: list[str], engine: str,
             threads: int = 0) -> list[dict[str, list[int]]]:
    """`find` of each sentence in its language (`langs[i]`), by the pure-Python
    engine or by the Rust core in one call (`threads`: 0 all cores, 1 this thread;
    a polars Series of sentences is read in place).

    Both give the same dicts, keys in the same order, with two documented limits on
    "rust": a language code must be one of the lexicon's (or "xx"), and a sentence
    must be encodable as UTF-8 (no lone surrogate); otherwise ValueError names it.
    """
    if len(langs) != len(sentences):
        raise ValueError(f"{len(langs)} languages given for {len(sentences)} sentences")
    if engine == "python":
        return [find(sentence, lang) for sentence, lang in zip(sentences, langs, strict=True)]
    if engine == "rust":
        from .. import _core

        return _core.deal_cues(sentences, langs, threads)
    raise ValueError(f"engine must be 'python' or 'rust', not {engine!r}")


@cache
def _any_chip_name() -> re.Pattern[str]:
    """Every family's names as plain text: one scan rules out most sentences (far
    faster than each family's pattern with its word boundaries)."""
    names = {n for _, names, _ in chip_families() for n in names}
    # As a trie: a plain alternation of ~100 names is tried name by name at every place.
    return re.compile(_trie(names, ""))


def chip_family(sentence: str) -> str | None:
    """The first family (in the lexicon's order) a name of which the sentence has."""
    if not _any_chip_name().search(sentence):
        return None
    for family, _names, pattern in chip_families():
        if pattern.search(sentence):
            return family
    return None


# deals.toml keys of split verbs (``announced_split``: German ``kündigte … an``), each
# giving the category before its ``_split``.
SPLIT = "_split"


def has_split_verbs(lang: str) -> bool:
    """Does `lang` have split verbs (deals.toml ``…_split``, `with_split_verbs`)?"""
    return bool(_splits(lang))


def with_split_verbs(sentence: str, lang: str,
                     found: dict[str, list[int]]) -> dict[str, list[int]]:
    """`found`, with the categories of split verbs (deals.toml ``…_split``: ``kündigte
    an``, ``steigt ein``) whose verb the sentence has and whose particle closes the
    clause (``Microsoft kündigte … eine Partnerschaft mit Anthropic an.``), at the verb."""
    splits = _splits(lang)
    if not splits:
        return found
    added = {c: list(at) for c, at in found.items()}
    for category, pattern in splits:
        for m in pattern.finditer(sentence):
            at = added.setdefault(category, [])
            if m.start() not in at:
                at.append(m.start())
                at.sort()
    return added


@cache
def _splits(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for key, entries in _data().get(lang, {}).items():
        if not key.endswith(SPLIT) or not isinstance(entries, list):
            continue
        alts = []
        for entry in entries:
            verb, particle = entry.rsplit(" ", 1)
            # The verb, then anything but a clause's end, then the particle closing it.
            alts.append(rf"(?<!\w){re.escape(verb)}(?!\w)(?=[^.;:!?]*?\s{re.escape(particle)}"
                        rf"\s*(?:[.,;:!?]|$))")
        out.append((key[:-len(SPLIT)], re.compile("|".join(alts), re.IGNORECASE)))
    return tuple(out)


def skip_spaces(text: str, at: int) -> int:
    """Where the first character after `at` that is no space stands (or the text's end)."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def chip_named_at(sentence: str, at: int) -> bool:
    """Does a chip's name (any family's) follow `at` across spaces only (``Nvidia
    GB200 chips``, ``AMD MI450``)?"""
    at = skip_spaces(sentence, at)
    # The one plain-text trie first: after most names no chip's name starts.
    return at < len(sentence) and _any_chip_name().match(sentence, at) is not None \
        and any(p.match(sentence, at) for _, _, p in chip_families())


def word_end(text: str, at: int) -> int:
    """Where the word starting at `at` ends (`at` itself if none starts there)."""
    m = _WORD.match(text, at)
    return m.end() if m else at


def anaphor_end(sentence: str, lang: str, pos: int) -> int:
    """Where the anaphor found at `pos` ends: its longest entry there, or the end
    of the word (an entry is a stem in Latin and Cyrillic script)."""
    low = sentence.lower().replace("’", "'")
    entries = _data().get(lang, {}).get("anaphor", [])
    end = max((pos + len(e) for e in entries if low.startswith(e, pos)), default=pos)
    if not found_anywhere(lang):
        word = _WORD.match(low, end)
        end = word.end() if word else end
    return end


# The kinds of company an anaphor's noun may name (deals.toml ``anaphor_lab``,
# ``anaphor_chips``, ``anaphor_bigtech``), as names.toml types.
ANAPHOR_TYPES = ("lab", "chips", "bigtech")


def anaphor_type(phrase: str, lang: str) -> str | None:
    """The kind of company an anaphor names (``the startup``: lab, ``der
    Chiphersteller``: chips), or None for any company (``the company``)."""
    return next((kind for kind in ANAPHOR_TYPES
                 if words_found(lang, f"anaphor_{kind}").search(phrase)), None)


def described_anaphor(sentence: str, lang: str) -> tuple[int, int] | None:
    """Where an anaphor with words between its article and its noun opens the sentence
    (``The British self-driving startup``: deals.toml ``anaphor_article``, up to three
    words, then a noun of ``anaphor_lab`` or ``anaphor_chips``), else None."""
    m = _described(lang).match(sentence)
    return (m.start(), m.end()) if m else None


def described_anaphor_after(sentence: str, lang: str, start: int) -> tuple[int, int] | None:
    """Where the first anaphor with words between its article and its noun stands at or
    after `start`, anywhere in the sentence (``… to invest more in the AI startup``), as
    `described_anaphor` reads one; else None."""
    m = _described_anywhere(lang).search(sentence, start)
    return (m.start(), m.end()) if m else None


@cache
def _described_anywhere(lang: str) -> re.Pattern[str]:
    described = _described(lang)
    if described is _NO_KEY:
        return _NO_KEY
    return re.compile(r"(?<![\w'-])" + described.pattern.removeprefix(r"\s*"), re.IGNORECASE)


@cache
def _described(lang: str) -> re.Pattern[str]:
    articles = _words_of(lang, "anaphor_article")
    nouns = [w for kind in ANAPHOR_TYPES for w in _words_of(lang, f"anaphor_{kind}")]
    if not articles or not nouns or found_anywhere(lang):
        return _NO_KEY
    return re.compile(r"\s*" + _article_noun(articles, nouns), re.IGNORECASE)


def deal_named_first(sentence: str, lang: str) -> bool:
    """Does the sentence open by naming a deal (deals.toml ``deal_subject``: ``The
    purchase``), with up to three words after an entry's article (``anaphor_article``:
    ``The seven-year agreement``, ``L'importante accordo``)?"""
    return _deal_first(lang).match(sentence) is not None


@cache
def _deal_subjects(lang: str) -> tuple[tuple[str | None, str], ...]:
    """deals.toml ``deal_subject`` entries as (article, noun): ``the deal`` is ("the",
    "deal"), ``l'accord`` ("l'", "accord"), ``umowa`` (None, "umowa")."""
    articles = _words_of(lang, "anaphor_article")
    out = []
    for entry in _words_of(lang, "deal_subject"):
        article = next((a for a in articles if entry.startswith(a) and (
            a.endswith("'") or entry[len(a):len(a) + 1] == " ")), None)
        out.append((article, entry[len(article):].strip() if article else entry))
    return tuple(out)


@cache
def _deal_first(lang: str) -> re.Pattern[str]:
    # In ja, zh and ko a word runs on with no space ("買収は11月に完了した").
    word = re.escape if found_anywhere(lang) else lambda noun: _any_of([noun])
    parts = [word(noun) if article is None else _article_noun([article], [noun])
             for article, noun in _deal_subjects(lang)]
    return re.compile(r"\s*(?:" + "|".join(parts) + ")", re.IGNORECASE) if parts else _NO_KEY



def refers_to_deal(sentence: str, lang: str) -> bool:
    """Does the sentence name the deal before (deals.toml ``deal_reference``: ``As part of
    the deal``, ``in exchange``), with up to three words after the article of an entry
    ending in a ``deal_subject`` (``Under the seven-year agreement``, ``As part of the
    proposed deal``)? The entries' plain words first, as `says`."""
    pattern, plain = _deal_reference(lang)
    return _plain_then(sentence, plain, pattern)


def tells_no_kind(sentence: str, lang: str, found: dict[str, list[int]]) -> bool:
    """Is each partnership word of the sentence a word for a deal or an agreement that
    tells no kind (deals.toml ``deal_nouns``: ``Meta ha cerrado un acuerdo con Google``),
    none a partnership's own (``strategic partnership``, ``alliance``)?"""
    at = found.get("partnership", ())
    return bool(at) and all(is_deal_noun(sentence, lang, p) for p in at)


def is_deal_noun(sentence: str, lang: str, at: int) -> bool:
    """Is the partnership word at `at` a word for a deal that tells no kind (deals.toml
    ``deal_nouns``: ``deal``, ``계약``)?"""
    return sentence[at:at + _NOUN_REACH].lower().startswith(_deal_nouns(lang))


# How much of a sentence at a partnership word is compared with `_deal_nouns`.
_NOUN_REACH = 40


@cache
def _deal_nouns(lang: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _words_of(lang, "deal_nouns"))


@cache
def _deal_reference(lang: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    parts, plain = [], set()
    for entry in _words_of(lang, "deal_reference"):
        low = entry.lower()
        for article, noun in _deal_subjects(lang):
            subject = article + noun if article and article.endswith("'") \
                else f"{article} {noun}" if article else None
            if subject and low.endswith(subject.lower()) and len(low) > len(subject):
                before = entry[:len(entry) - len(subject)]
                parts.append(re.escape(before) + _article_noun([article], [noun]))
                plain.add(before.strip().lower())
                break
        else:
            parts.append(_any_of([entry]))
            plain.add(low)
    if not parts:
        return _NO_KEY, ()
    return re.compile(_word_start(lang) + "(?:" + "|".join(parts) + ")", re.IGNORECASE), \
        tuple(plain)

# How far before a valuation word a deal's noun is looked for (`valued_deal`): the
# longest noun and a space.
DEAL_NOUN = 24


def valued_deal(sentence: str, lang: str, at: int) -> bool:
    """Does a deal's noun stand right before the valuation word at `at`, one in the
    passive (deals.toml ``deal_valued``: ``in a deal valued at more than $10 billion``,
    ``un contrat évalué à``)? Then the figure is the deal's worth, no company's value
    (``The deal values the startup at …`` is the startup's). The nouns are those of
    ``deal_subject`` that are no word for investing."""
    return _deal_valued(lang).match(sentence, at) is not None \
        and _deal_noun_before(lang).search(sentence, max(0, at - DEAL_NOUN), at) is not None


@cache
def _deal_valued(lang: str) -> re.Pattern[str]:
    words = _words_of(lang, "deal_valued")
    return re.compile(_any_of(words), re.IGNORECASE) if words else _NO_KEY


@cache
def _deal_noun_before(lang: str) -> re.Pattern[str]:
    nouns = {noun for _, noun in _deal_subjects(lang) if not find(noun, lang).get("investment")}
    if not nouns:
        return _NO_KEY
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, nouns))) + r")\s+$",
                      re.IGNORECASE)


def outside_names(found: dict[str, list[int]], names: Sequence[tuple],
                  sent_start: int) -> dict[str, list[int]]:
    """`found` less the cue words inside a company's name (``Google Cloud``, ``Vantage Data
    Centers``: its words name it, no deal); `names` are name rows (records.Name, document
    offsets), the sentence starting at `sent_start`."""
    if not names or not found:
        return found
    spans = [(n[1] - sent_start, n[2] - sent_start) for n in names if n[4] == "org"]
    if not spans:
        return found
    # Most cues stand outside every name: a range test first, cheaper than each span's.
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    inside = {(p, cat) for cat, hits in found.items() for p in hits
              if lo <= p < hi and any(a <= p < b for a, b in spans)}
    return without(found, inside)


def said_right_after(found: dict[str, list[int]], end: int, *categories: str) -> bool:
    """Does a cue word of `categories` follow right after what ends at `end` (`right_after`:
    ``Nvidia chips``, ``Intel common stock``)?"""
    return any(right_after(p, end) for p in positions(found, *categories))


def positions(found: dict[str, list[int]], *categories: str) -> list[int]:
    """Where the cue words of any of `categories` start, in a sentence's `found` cues."""
    return [p for c in categories for p in found.get(c, ())]


def right_after(p: int, e: int) -> bool:
    """Does a word at `p` follow right after what ends at `e` (a space, a sign between)?"""
    return e <= p <= e + 2


def without(found: dict[str, list[int]], dropped: set[tuple[int, str]]) -> dict[str, list[int]]:
    """`found` less the cues `dropped` ((offset, category) pairs), a category left with
    none gone."""
    if not dropped:
        return found
    out = {c: [p for p in at if (p, c) not in dropped] for c, at in found.items()}
    return {c: at for c, at in out.items() if at}


@cache
def words_of_own(lang: str, key: str) -> tuple[str, ...]:
    """A pipeline-only word list of deals.toml (`key`), the language's own only
    (particles: ``sold_to_after``, ``topic_marker``, ``acquirer_marker``)."""
    return tuple(_data().get(lang, {}).get(key, []))


@cache
def own_flag(lang: str, key: str) -> bool:
    """A pipeline-only switch of the language's deals.toml section
    (``sold_named_before``)."""
    return bool(_data().get(lang, {}).get(key))


def _words_of(lang: str, key: str) -> list[str]:
    """A pipeline-only word list of deals.toml (`key`), the language's then English's."""
    data = _data()
    codes = [lang] if lang == "en" else [lang, "en"]
    return [w for code in codes for w in data.get(code, {}).get(key, [])]


def _word_start(lang: str) -> str:
    """A word's start; in a language of compounds also right after a hyphen (as `find`)."""
    return r"(?:(?<![\w'-])|(?<=\w-))" if hyphen_parts(lang) else r"(?<![\w'-])"


# Up to three words between an article and its noun ("The seven-year agreement").
_UP_TO_THREE = r"\s*(?:[^\s,.;:]+\s+){0,3}?"


def _article_noun(articles: list[str], nouns: list[str]) -> str:
    """One of `articles`, up to three words, then one of `nouns`, as a regex."""
    return _any_of(articles) + _UP_TO_THREE + _any_of(nouns)


def _any_of(words: list[str]) -> str:
    """Whole words, longest first; one ending in an elision runs on into the next word."""
    return "(?:" + "|".join(re.escape(w) + ("" if w.endswith("'") else r"(?![\w'-])")
                            for w in sorted(set(words), key=len, reverse=True)) + ")"


@cache
def doer_gap(lang: str) -> re.Pattern[str]:
    """What may stand between a company and its verb, matched at the name's end
    (deals.toml ``doer_then``: ``Oracle will buy``, ``Oracle va investir``)."""
    words = _words_of(lang, "doer_then")
    if not words:
        return _NO_KEY
    return re.compile(r"(?:\s+" + _any_of(words) + ")+", re.IGNORECASE)


@cache
def _goods_of(lang: str) -> tuple[frozenset[str], re.Pattern[str]]:
    """The last words of deals.toml ``goods_of`` (lower case), and one or two words then
    one of its entries at the end of a text, group 1 where the words start."""
    words = _words_of(lang, "goods_of")
    if not words:
        return frozenset(), _NO_KEY
    lasts = frozenset(w.lower().split()[-1] for w in words)
    return lasts, re.compile(r"(?<![\w'-])(\w[\w'-]*(?:\s+\w[\w'-]*)?)\s+"
                             + "(?:" + "|".join(re.escape(w) + ("" if w.endswith("'") else r"\s+")
                                                for w in sorted(set(words), key=len,
                                                                reverse=True))
                             + ")$", re.IGNORECASE)


def of_words(lang: str) -> frozenset[str]:
    """The words for "of" that end deals.toml ``goods_of`` entries (lower case)."""
    return _goods_of(lang)[0]


def goods_start(sentence: str, at: int, lang: str, reach: int) -> int:
    """Where one or two words and a word for "of" (deals.toml ``goods_of``) right before
    `at` start (``chips de`` Nvidia), looked for `reach` characters back; else `at`."""
    lasts, pattern = _goods_of(lang)
    before = sentence[max(0, at - reach):at]
    words = before.split()
    if not words:
        return at
    if words[-1].lower() not in lasts:
        if own_flag(lang, "of_by_case") and before[-1:].isspace() \
                and not words[-1].endswith(_CLAUSE_MARKS) \
                and not (len(words) > 1 and words[-2].lower() in word_set(lang, "maker_nouns")):
            # pl, ru: "of" told by the name's case, the word right before it (``do chmury
            # Google``, ``процессоров Nvidia``); not a maker's trade (``producenta chipów
            # Graphcore``: the maker itself).
            return at - len(before) + before.rstrip().rfind(words[-1])
        return at  # the last word is no word for "of": no search (most names)
    m = pattern.search(sentence, max(0, at - reach), at)
    return m.start(1) if m else at


# Marks ending a clause: no word across them is a name's "of" (`goods_start`).
_CLAUSE_MARKS = (",", ".", ";", ":", "!", "?", ")", "»", "”", "\"")


# What an entry glued to the word before it starts with (`_alternatives`).
_GLUED = ("-", "'", "’")


def _alternatives(lang: str, key: str) -> list[tuple[str, bool]]:
    """A pipeline-only word list of deals.toml (`key`), the language's and English's,
    as regex alternatives, each with whether it is found anywhere (ja, zh and ko's own
    entries) rather than as whole words; an entry starting with a hyphen or an
    apostrophe is glued to the word before it (``SoftBank-led``, ``Snowflake's
    customers``)."""
    data = _data()
    parts = []
    start = _word_start(lang)
    for code in [lang] if lang == "en" else [lang, "en"]:
        words = data.get(code, {}).get(key, [])
        if not words:
            continue
        if found_anywhere(code):
            parts.append(("(?:" + "|".join(map(re.escape, words)) + ")", True))
            continue
        whole = [w for w in words if not w.startswith(_GLUED)]
        glued = [w for w in words if w.startswith(_GLUED)]
        if whole:
            parts.append((start + _any_of(whole), False))
        if glued:
            parts.append((_any_of(glued), False))
    return parts


@cache
def split_word(lang: str) -> re.Pattern[str]:
    """A comma or semicolon, maybe a word for "and" (``coordinated``), then a word of
    ``separately``, ``clause_joins`` or ``opening_after`` (a clause after the comma
    opening with a word for "after": ``…, after OpenAI signed deals with Oracle``):
    where a sentence telling two deals splits (clauses.separated). One pattern, searched
    once a sentence."""
    parts = [p for key in ("separately", "clause_joins", "opening_after")
             for p, _ in _alternatives(lang, key)]
    if not parts:
        return _NO_KEY
    joins = _words_of(lang, "coordinated")
    join = rf"(?:{_any_of(joins)}\s+)?" if joins else ""
    return re.compile(rf"[,;]\s*{join}(?:" + "|".join(parts) + ")", re.IGNORECASE)


@cache
def word_before(lang: str, key: str) -> re.Pattern[str]:
    """A pipeline-only word list of deals.toml (`key`) as a word right before a company,
    at the end of the text searched: ``sold_to`` (``… to Blackstone``; glued to it in zh:
    ``出售给Silver Lake``), ``seller_of`` (``kauft bei AMD``, ``从英伟达``)."""
    parts = [p + (r"\s*$" if anywhere else r"\s+$")
             for p, anywhere in _alternatives(lang, key)]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else _NO_KEY


@cache
def word_after(lang: str, key: str) -> re.Pattern[str]:
    """A pipeline-only word list of deals.toml (`key`) as a word right after a company,
    matched at the name's end (``seller_after``: ``エヌビディアから``) or its verb's start
    (``acquires_now``: ``Nvidia acquires``)."""
    parts = [p for p, _ in _alternatives(lang, key)]
    return re.compile(r"\s*(?:" + "|".join(parts) + ")", re.IGNORECASE) if parts else _NO_KEY


@cache
def words_found(lang: str, key: str) -> re.Pattern[str]:
    """A pipeline-only word list of deals.toml (`key`: ``leads``, ``control``,
    ``acquired_by`` …) as one pattern (`_alternatives`)."""
    parts = [p for p, _ in _alternatives(lang, key)]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else _NO_KEY


# How far after a word for receiving an order noun may stand (`order_won`): a few words,
# "won a large order", "获得字节跳动的大额AI芯片订单".
ORDER_WON = 40


def order_won(sentence: str, lang: str, found: dict[str, list[int]]) -> bool:
    """Does the sentence tell an order or contract won: an order noun (deals.toml
    ``order_nouns``) within `ORDER_WON` characters after a word for receiving
    (``Cambricon won a large order from ByteDance``), or in ja and ko an ``order_after``
    word (``受注した``, ``수주를 따냈다``)?"""
    if says(sentence, lang, "order_after"):
        return True
    if "receives" not in found:
        return False
    nouns = words_found(lang, "order_nouns")
    return any(nouns.search(sentence, p, p + ORDER_WON) is not None for p in found["receives"])


def says(sentence: str, lang: str, key: str) -> bool:
    """Does the sentence hold a word of a pipeline-only list (`words_found`)? Its
    entries are first looked for as plain text in the lower-cased sentence, the
    whole-word pattern only run when one is there: most sentences have none, and the
    plain search took half to a third of the pattern's time on the bench corpus's
    sentences (en, pl, ja)."""
    return _plain_then(sentence, _plain(lang, key), words_found(lang, key))


def _plain_then(sentence: str, plain: tuple[str, ...], pattern: re.Pattern[str]) -> bool:
    """`pattern` found in the sentence, looked for only when one of its `plain` words is
    in the lower-cased sentence (`says`)."""
    low = _lower(sentence)
    return any(w in low for w in plain) and pattern.search(sentence) is not None


# The last sentences lower-cased: `says` is asked of one sentence many times in a row.
_lower = lru_cache(maxsize=4)(str.lower)


# How far before a talks word its word for "after" may end (`after_word`): "after months of";
# and how long that word may be, where it is looked for ("nach langwierigen").
AFTER_TALKS = 24
AFTER_WORD = 20


def after_word(sentence: str, lang: str, at: int) -> bool:
    """Does a word of deals.toml ``talks_after`` end within `AFTER_TALKS` characters
    before `at` (``After months of talks``, ``经过数月谈判``)?"""
    return any(0 <= at - m.end() <= AFTER_TALKS for m in words_found(lang, "talks_after")
               .finditer(sentence, max(0, at - AFTER_TALKS - AFTER_WORD), at))


# How far apart a word for forming and a joint venture word may stand (`venture_formed`).
FORMED = 48


def venture_formed(sentence: str, lang: str, key: str = "venture_formed") -> bool:
    """Is a joint venture told as formed: a word of deals.toml ``venture_formed`` within
    `FORMED` characters before or after a ``joint_venture`` word (``formed a $27 billion
    joint venture``; ja and ko name the verb last, ``合弁会社「SB OAI Japan」を設立した``)?
    With `key` ``venture_to_form``: told as to be formed (``will set up a joint venture``)."""
    if not (says(sentence, lang, "joint_venture") and says(sentence, lang, key)):
        return False
    ventures = [m.start() for m in words_found(lang, "joint_venture").finditer(sentence)]
    return any(abs(m.start() - v) <= FORMED
               for m in words_found(lang, key).finditer(sentence) for v in ventures)


def says_any(sentence: str, lang: str, *keys: str) -> bool:
    """Might the sentence hold a word of any of `keys`' lists: their plain text in the
    lower-cased sentence, one pass for all (a test before `says` of each)."""
    low = sentence.lower()
    return any(w in low for w in _plain_of(lang, keys))


@cache
def _plain_of(lang: str, keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple({w for key in keys for w in _plain(lang, key)})


@cache
def _plain(lang: str, key: str) -> tuple[str, ...]:
    return tuple({w.lower().lstrip("-") for w in _words_of(lang, key)})


@cache
def word_set(lang: str, key: str) -> frozenset[str]:
    """A pipeline-only word list of deals.toml (`key`: ``group_of``, ``rival_before``
    …), the language's and English's, lower case, to compare with the text between
    two things (`groups.one_side`, `rivals.compared`)."""
    return frozenset(w.replace("’", "'").lower() for w in _words_of(lang, key))


@cache
def markers(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Particles that mark the doer and the thing done to (Japanese が / を)."""
    data = _data().get(lang, {})
    return tuple(data.get("agent_marker", [])), tuple(data.get("object_marker", []))


@cache
def doer_marks(lang: str) -> tuple[str, ...]:
    """Particles after a company that make it the doer: the agent's and the topic's
    (Japanese が and は, deals.toml ``topic_marker``)."""
    return markers(lang)[0] + words_of_own(lang, "topic_marker")
