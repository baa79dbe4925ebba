"""Organisations the lexicon does not know, caught where the text marks them.

Three marks, each a candidate (kind ``candidate`` in ``Corpus.mentions``),
not a deal party on its own (`find`):

- a project name: ``Project Rainier``, ``Projekt``/``Progetto``/``Proyecto``/
  ``Projet``/``Проект`` + a capitalised word, ``「スターゲート」`` after プロジェクト;
- a short capitalised name in quotes: „Stargate”, «Hyperion», "Colossus";
- two to four capitalised words in a row in a sentence with deal words
  (``Crusoe Energy Systems``), when none of them is a known name (not in
  German, which capitalises every noun).

Chip family names (``Tensor Processing Unit``) are not candidates, nor are the
places deals.toml lists (``San Francisco``, ``Polska``); other places are not told
apart yet.

A candidate is a deal's side (`sides`) where deals.toml's marks of a company stand next
to it: right after an acquisition word (``acquired ZT Systems``, ``收购Enfabrica``),
opening the sentence before a word for raising money (``Wayve raised``) or the subject's
verb of a deal, with a second company listed after a word for "and" a side too (``Poste
Italiane e Microsoft hanno firmato``, ``Disney will invest``), or next to a word for a
company (``startup Wayve``, ``Wayve, a British startup``, ``la empresa de pagos Voxel``), or
given a word for "to" after a verb of supplying (``will provide GPUs to Pinecone``), or
right after a word for buying from (``закупит у Yadro``; a name these words mark may be
quoted, ``у компании «Ядро»``; in zh one in Chinese characters before a word for buying,
``向燧原科技采购``), or right after a word for a deal and one for "with" (``a GPU contract
with Shopify``), or after a percentage and a word for "of" (``il 10% di Plenitude``), or
sold to a buyer, both the company sold and the buyer (``sold a stake in Altera to Silver
Lake``), or right after a word for leading a round (``a round led by Aker``, more leads
listed after a word for "and") or for a fund (``od funduszu OTB Ventures``), an
investor. In zh a name in Chinese characters after a deal's verb and 了 (``美团投资了无问
芯穹，``), in ja one in katakana after a word for a startup (``AIスタートアップのカラクリに
出資``). These marks leave places out (``invest in Portugal``): no mark is only a
preposition. A side is one to three capitalised words (a French, Spanish or Italian
particle may join them, ``Ferrovie dello Stato``; the first maybe a brand opening
lower-case, ``mBank``; an opening name may be quoted, then holding lower-case words,
``«Газпром нефть»``; Latin letters in ja, zh and ko, or there a name in Chinese
characters, katakana or hangul opening the sentence and ending in a word for a kind of
company, ``三菱商事は``, ``신한은행은``, or one in Latin letters so opening with a known company
right after its particle, ``ENEOSはエヌビディアと``), cut at a month, a weekday or a word of
`_STOP`, and never one word of the lexicon's lists (``Separatamente, la società``); in
German, which capitalises every noun, only the word for a company marks a side (``den
Softwareanbieter Excellicon``), or a known company listed with a name opening the
sentence before their verb of a deal (``Vodafone und Google vertiefen``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import LANGS, _read
from .cues import _data, _trie, chip_family

CAPITALISED_NOUN_LANGS = ("de",)

_CAP_HEAD = r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ]"
_CAP_TAIL = r"[A-Za-zÀ-ÿĀ-ſА-яЁё0-9&'’-]*(?:\.[a-z]{2,4})?"
_CAP = _CAP_HEAD + _CAP_TAIL
# PROJECT and CAPITALISED start with a letter, the test of the character before it (the
# word's start) coming after it as a lookbehind: the regex engine then skips to those
# letters instead of trying the test at every character.
_PROJECT_WORDS = ("Project", "Projekt", "Projektu", "Progetto", "Proyecto", "Projet", "Проект")
PROJECT = re.compile("(?:" + "|".join(rf"{w[0]}(?<!\w{w[0]}){w[1:]}" for w in _PROJECT_WORDS)
                     + rf")\s+{_CAP}")
# The marks a quoted name opens with (QUOTED, and what MARKS looks for).
_OPENING_QUOTES = "„“\"«「『"
QUOTED = re.compile(
    rf"[{_OPENING_QUOTES}]({_CAP}(?:\s+{_CAP}){{0,3}}|[\u30a0-\u30ff・ー]{{2,}})[”\"»」』]")
CAPITALISED = re.compile(rf"({_CAP_HEAD}(?<![\w.].){_CAP_TAIL}(?:\s+{_CAP}){{1,3}})")
# What every PROJECT or QUOTED match holds, a quote mark or a project word: a sentence
# without any needs neither pattern (one cheap scan instead of two).
MARKS = re.compile(f"[{_OPENING_QUOTES}]|" + "|".join(_PROJECT_WORDS))
# Their first characters, as one class: scanned for twice as fast as MARKS' alternation.
_MARK_FIRSTS = re.compile(
    f"[{_OPENING_QUOTES}" + "".join(sorted({w[0] for w in _PROJECT_WORDS})) + "]")
# Capitalised words that start sentences or are common nouns in titles, not names.
_STOP = {"The", "A", "An", "In", "On", "At", "For", "And", "But", "CEO", "AI", "IA", "ИИ",
         "GPU", "TPU", "US", "USA", "UK", "EU"}


def marked(sentence: str) -> bool:
    """Does the sentence hold a quote mark or a project word (``MARKS``)?"""
    return _MARK_FIRSTS.search(sentence) is not None and MARKS.search(sentence) is not None


def find(sentence: str, known: list[tuple[int, int]], has_cues: bool,
         lang: str = "en", has_marks: bool = True) -> list[tuple[int, int]]:
    """Spans (within the sentence) of organisation candidates; ``has_marks``: False
    when the caller knows the sentence holds none of ``MARKS`` (see `marked`)."""
    spans: list[tuple[int, int]] = []

    def add(start: int, end: int) -> None:
        if any(s < end and start < e for s, e in known + spans):
            return
        if chip_family(sentence[start:end]):  # Tensor Processing Unit, Vera Rubin
            return
        if sentence[start:end] in _places(lang):
            return
        spans.append((start, end))

    if has_marks:
        for m in PROJECT.finditer(sentence):
            add(m.start(), m.end())
        for m in QUOTED.finditer(sentence):
            text = m.group(1)
            if len(text) <= 40 and text.split()[0] not in _STOP:
                add(m.start(1), m.end(1))
    # German capitalises every noun, so capitals alone say nothing there.
    if has_cues and lang not in CAPITALISED_NOUN_LANGS:
        for m in CAPITALISED.finditer(sentence):
            words = m.group(1).split()
            if m.start(1) == 0 or any(w in _STOP for w in words):
                continue
            add(m.start(1), m.end(1))
    return sorted(spans)


# A lower-case word of French, Spanish or Italian that may join a name's capitalised words
# (``Ferrovie dello Stato``, ``Caisse des Dépôts``, ``Banco de Sabadell``).
_PARTICLE = r"(?:de|del|della|dello|degli|dei|di|du|des)"
# A side's name: capitalised words (`_CAP`); in ja, zh and ko, words in Latin letters.
_NAME_REST = rf"{_CAP_TAIL}(?:[ \t]+(?:&[ \t]+|{_PARTICLE}[ \t]+)?{_CAP}){{0,2}}"
_NAME = rf"{_CAP_HEAD}(?<![\w.]{_CAP_HEAD}){_NAME_REST}"
# One opening the sentence may be a brand opening with one lower-case letter before a
# capital (``mBank``, ``eToro``): only there, as a pattern free to start at any lower-case
# letter is tried at every one (`_OPENER`).
_BRAND = rf"[a-z](?<![\w.][a-z])(?=[A-Z]){_NAME_REST}"
_LATIN_NAME = r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&.-]*(?:[ \t][A-Z][A-Za-z0-9&.-]*){0,2}"
# What a name's end may not keep: a possessive ('s) or a dangling mark.
_TRAILING = re.compile(r"(?:['’]s?|[.&-])$")
# An opening name (`_openers`) may be quoted, and then hold lower-case words, as Russian
# writes companies' names: «Газпром нефть» и «Яндекс» подписали.
_QUOTED_NAME = rf"(?<=[{_OPENING_QUOTES}]){_CAP}(?:[ \t]+[^\W\d_][\w'’-]*){{0,2}}(?=[”\"»」』])"
_OPENER = rf"(?:{_QUOTED_NAME}|{_NAME}|{_BRAND})"
# A name a word marks (`_marks`: after a word for acquiring, for leading a round, for a
# fund, for a company or for buying from) may be quoted too: ``у компании «Ядро»``.
_MARKED = rf"[{_OPENING_QUOTES}]?(?P<name>{_QUOTED_NAME}|{_NAME})"
_CLOSING_QUOTE = r"[”\"»」』]?"
# A name running on through a mark the name pattern does not take (Run:ai, Scale·AI).
_JOINED = re.compile(r"[:·/+]\w")


# How far after a word for selling the buyer's word for "to" may stand.
SOLD_TO = 80
# How far after its particle (ja を) the verb of a name_precedes entry may stand.
OBJECT_GAP = 24

# Words of `_STOP` that end a company's name rather than cut it: Scale AI, Silo AI.
_SUFFIXES = frozenset({"AI", "IA", "ИИ"})
# The lower-case word after a name (its possessive between: "Alphawave's parent").
_LOWER_WORD = re.compile(r"(?:['’]s)?[ \t]+([^\W\d_A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]*)")


def _words(words: list[str]) -> str:
    """A word list as one case-insensitive alternation (a trie of the lower-cased words)."""
    return rf"(?i:{_trie({w.lower() for w in words}, '')})"


# The groups of a `_Marks` pattern that hold a side's name (``second``: a second company
# listed with the first, both opening the sentence).
_NAME_GROUPS = ("name", "second")

# A pattern of `_Marks`: its group ``name``, whether a lower-case word after the name makes
# it a modifier (`_modifier`: after a word for buying, in Latin and Cyrillic script), and
# the role the mark gives the company (``investor`` after "led by"), or None.
_Mark = tuple[re.Pattern[str], bool, str | None]


@dataclass(frozen=True)
class _Marks:
    """One language's patterns for `sides` (`_Mark`). The `probed` ones run only when
    `probe` finds one of their words in the lower-cased sentence: one cheap scan, and
    most sentences have none."""

    probe: re.Pattern[str] | None = None
    probed: tuple[_Mark, ...] = ()
    always: tuple[_Mark, ...] = ()


@cache
def _marks(lang: str) -> _Marks:
    code = lang if lang in _data() else "en"
    section = _data().get(code, {})
    if code in CAPITALISED_NOUN_LANGS:
        compound = _compound_marks(section.get("company_nouns", []))
        return _Marks(compound.probe, compound.probed, tuple(_openers(section, known=True)))
    follows, precedes = section.get("name_follows", []), section.get("name_precedes", [])
    nouns = section.get("company_nouns", [])
    sells, sold_to = section.get("sells", []), section.get("sold_to", [])
    if section.get("match") == "anywhere":
        probed = []
        if follows:
            probed.append(rf"(?:{_trie(set(follows), '')})[ \t]*(?P<name>{_LATIN_NAME})")
        # "美团投资了无问芯穹，": a name in Chinese characters after the verb and 了 (a
        # deal done, not "投资的谈判" nor "投资规模"), ended by 的 or a mark.
        han_follows = follows + section.get("han_name_follows", [])
        if section.get("han_name_follows"):
            probed.append(rf"(?:{_trie(set(han_follows), '')})了{_not_described(section)}"
                          rf"(?![的{_HAN_NUMERALS}])(?P<name>[\u4e00-\u9fff]{{2,6}}?)"
                          rf"(?=的|[，。；、,;])")
        verb = rf"(?:{_trie(set(precedes), '')})" if precedes else ""
        if precedes:
            probed.append(rf"(?P<name>{_LATIN_NAME})[ \t]*{verb}")
        # "Enfabricaを9億ドルで買収": the particle, then the verb a few words on.
        particles = section.get("name_object", [])
        verbs = {e[len(p):].strip() for e in precedes for p in particles if e.startswith(p)}
        apart = rf"(?:{_trie(set(particles), '')})[^。．！？.!?]{{1,{OBJECT_GAP}}}?" \
            rf"(?:{_trie(verbs, '')})" if particles and verbs else ""
        if apart:
            probed.append(rf"(?P<name>{_LATIN_NAME})[ \t]*{apart}")
        # "AIスタートアップのカラクリに出資": a name in katakana after a word for a startup,
        # before the verb, its particle maybe apart.
        after = section.get("kana_name_after", [])
        if after and precedes:
            ending = rf"(?:{verb}|{apart})" if apart else verb
            probed.append(rf"(?:{_trie(set(after), '')})(?P<name>[\u30a0-\u30ff]{{2,12}}){ending}")
        # "百度向昆仑芯采购": a name in Chinese characters between a word for "from" and
        # one for buying right after it (deals.toml seller_before, buys_after); not a word
        # for a kind of company (name_suffix_not: 向多家供应商采购).
        before, buys = section.get("seller_before", []), section.get("buys_after", [])
        if before and buys:
            probed.append(rf"(?:{_trie(set(before), '')}){_not_described(section)}"
                          rf"(?P<name>[\u4e00-\u9fff]{{2,6}}?)(?:{_trie(set(buys), '')})")
        return _Marks(_probe(han_follows + precedes + sorted(verbs) + buys + after),
                      tuple((re.compile(p), False, None) for p in probed),
                      _suffixed_openers(section))
    # A cue ending in an apostrophe (rachat d') runs into the name.
    gap = r"(?:(?<=['’])|[ \t]+)"
    probed: list[_Mark] = []
    leads = section.get("name_leads", [])
    ands = section.get("coordinated", [])
    # "a round co-led by Andra Capital and SGW": a round's leads may be listed.
    listed = rf"(?:[ \t]+{_words(ands)}[ \t]+" \
        rf"[{_OPENING_QUOTES}]?(?P<second>{_NAME}))?" if ands else ""
    funds = section.get("investor_nouns", [])
    dealt = section.get("name_after_deal", [])
    # A fund's name may be followed by its own verb ("Fundusz Inovo poprowadził rundę"):
    # no modifier test there.
    for words, role, more, bought in ((follows, None, "", True), (dealt, None, "", True),
                                      (leads, "investor", listed, True),
                                      (funds, "investor", "", False)):
        if words:
            probed.append((re.compile(rf"(?<!\w){_words(words)}{gap}{_MARKED}{more}"),
                           bought, role))
    if nouns:
        stems = rf"(?<!\w){_words(nouns)}[\w-]*"
        # "la startup española Multiverse Computing": one adjective of four letters or
        # more may stand between where it follows its noun.
        adjective = r"(?:[ \t]+[a-zà-ÿ][\w-]{3,})?" if section.get("adjective_after_noun") else ""
        # "la empresa de pagos Voxel", "la startup de inteligencia artificial Mistral": a
        # complement of one or two lower-case words after a particle (twice: "la startup
        # de centros de datos Nabiax").
        particles = section.get("noun_complement", [])
        complement = rf"(?:[ \t]+{_words(particles)}(?:(?<=['’])|[ \t]+)" \
            rf"[a-zà-ÿ][\w-]+(?:[ \t]+[a-zà-ÿ][\w-]+)?){{0,2}}" if particles else ""
        probed.append((re.compile(rf"{stems}{adjective}{complement}[ \t]+{_MARKED}"),
                       False, None))
        # "Wayve, a British startup", not "… Atreides Management, valuing the company":
        # a word of a deal's verb between makes the noun the object, not an apposition.
        verbs = _deal_verbs(code, nouns)
        no_verb = rf"(?!(?i:{_trie(verbs, '')}))" if verbs else ""
        # Nor "… in Waltham Cross, the company said": the noun then names the teller.
        tellers = section.get("teller_after", [])
        told = rf"(?![ \t]+(?i:{_trie(set(tellers), '')})(?!\w))" if tellers else ""
        probed.append((re.compile(
            rf"(?P<name>{_NAME}),[ \t]+(?:{no_verb}[\w-]+[ \t]+){{0,4}}?{stems}{told}"),
            False, None))
    stakes = section.get("percent_of", [])
    if stakes:  # "il 10% di Plenitude": the company a stake is told of
        probed.append((re.compile(rf"\d[ \t]?%[ \t]+{_words(stakes)}{gap}{_MARKED}"), True, None))
    sellers = section.get("name_sellers", [])
    if sellers:  # "закупит у Yadro серверы": what follows the name is what is bought
        probed.append((re.compile(rf"(?<!\w){_words(sellers)}[ \t]+{_MARKED}"), False, None))
    to = rf"(?<!\w){_words(sold_to)}" if sold_to else ""
    if sells and sold_to:  # "sold a stake in Altera to Silver Lake": both are sides
        sold = rf"(?<!\w){_words(sells)}[\w-]*"  # stems
        probed.append((re.compile(rf"{sold}{gap}(?P<name>{_NAME})"), True, None))
        probed.append((re.compile(rf"{sold}[^.;]{{0,{SOLD_TO}}}?{to}[ \t]+(?P<name>{_NAME})"),
                       True, None))
    supplies = section.get("supplies", [])
    if supplies and sold_to:  # "will provide cloud GPUs to Pinecone": the one supplied
        probed.append((re.compile(rf"(?<!\w){_words(supplies)}(?!\w)[^.;]{{0,{SOLD_TO}}}?"
                                  rf"{to}[ \t]+(?P<name>{_NAME})"), True, None))
    always: list[_Mark] = []
    if precedes:  # anchored at the sentence's start: cheap
        always.append((re.compile(rf"^\W{{0,2}}(?P<name>{_NAME})[ \t]+{_words(precedes)}(?!\w)"),
                       False, None))
    always.extend(_openers(section))
    return _Marks(_probe(follows + dealt + leads + funds + nouns + sellers
                         + (["%"] if stakes else [])
                         + ((sells + supplies) if sold_to else [])),
                  tuple(probed), tuple(always))


def _openers(section: dict, known: bool = False) -> list[_Mark]:
    """The patterns of a name opening the sentence (after an article, deals.toml
    ``anaphor_article``) before its verb of a deal, doer words between (``Disney will
    invest``): of deals.toml ``name_opens``, with a second
    company listed after a word for "and" (``Poste Italiane e Microsoft hanno firmato``);
    of ``name_opens_alone`` (buying or supplying: what two buy may be anything, ``Pimco
    and BlackRock bought bonds``) and ``chooses``, alone (``Seeweb ha acquistato GPU Nvidia``).
    ``known`` (de, where every noun is capitalised): ``name_opens`` only, the second
    company listed, and one the names file knows (group ``partner``, `sides`):
    ``Vodafone und Google vertiefen ihre Partnerschaft``; or ``name_opens_with``, its
    words ending in a word for "with" right before a known company (``Mercedes-Benz
    kooperiert mit Nvidia``)."""
    ands, doers = section.get("coordinated", []), section.get("doer_then", [])
    doer = rf"(?:[ \t]+{_words(doers)})*" if doers else ""
    # An article before the name is none of it: "Le Crédit Agricole a signé …".
    articles = section.get("anaphor_article", [])
    # Not one glued to the name: "L'Oréal".
    article = rf"(?:{_words(articles)}[ \t]+)?" \
        if articles else ""
    listed = rf"[{_OPENING_QUOTES}]?(?P<{'partner' if known else 'second'}>{_OPENER})" \
        rf"{_CLOSING_QUOTE}"
    second = rf"(?:[ \t]+{_words(ands)}[ \t]+{listed})" \
             + ("" if known else "?") if ands else ""
    if known and not second:
        return []
    patterns = []
    with_partner = section.get("name_opens_with", []) if known else []
    if with_partner:  # "Mercedes-Benz kooperiert mit Nvidia": the partner named right after
        # or after a word for a company ("mit dem KI-Unternehmen Anthropic").
        nouns = section.get("company_nouns", [])
        described = rf"(?:(?:[^\W\d_]{{2,5}}[ \t]+)?[\w-]*?{_words(nouns)}\w{{0,2}}[ \t]+)?" \
            if nouns else ""
        patterns.append((re.compile(
            rf"^\W{{0,2}}{article}(?P<name>{_OPENER}){_CLOSING_QUOTE}[ \t]+"
            rf"{_words(with_partner)}[ \t]+{described}(?P<partner>{_NAME})"),
            False, None))
    # Choosing a provider is the subject's too: "Intesa Sanpaolo ha scelto Google Cloud".
    alone = [] if known else section.get("name_opens_alone", []) + section.get("chooses", [])
    for verbs, listed in ((section.get("name_opens", []), second), (alone, "")):
        if verbs:
            patterns.append((re.compile(
                rf"^\W{{0,2}}{article}(?P<name>{_OPENER}){_CLOSING_QUOTE}{listed}{doer}[ \t]+"
                rf"{_words(verbs)}(?!\w)"), False, None))
    return patterns


# Characters that open a figure, not a name (数十亿元, 两家公司).
_HAN_NUMERALS = "一二三四五六七八九十百千万亿两数几"

# Letters a name in Chinese characters, katakana or hangul is written in
# (`_suffixed_openers`): not hiragana, whose particles end it (米国の大手銀行 is no name).
_HAN_KANA = "\u4e00-\u9fff\u30a0-\u30ff\uac00-\ud7a3"


def _suffixed_openers(section: dict) -> tuple[_Mark, ...]:
    """ja, zh, ko: a name in Chinese characters, katakana or hangul (maybe after Latin
    capitals, ``SK브로드밴드``) opening the sentence and ending in a word for a kind of
    company (deals.toml ``name_suffixes``: ``商事``, ``集团``, ``은행``), right before a word
    that makes it the doer or lists a second company (``name_suffix_then``:
    ``三菱商事はOpenAIと…``, ``中国电信采购…``); not opening with a word that describes the kind
    (``name_suffix_not``: ``大手銀行は``). And one in Latin letters opening the sentence
    before such a word, a known company right after it (group ``partner``, `sides`; a
    country's mark between, 米): ``ENEOSはエヌビディアと…``."""
    suffixes, then = section.get("name_suffixes", []), section.get("name_suffix_then", [])
    if not (suffixes and then):
        return ()
    then_words = _trie(set(then), "")
    countries = section.get("country_marks", [])
    country = rf"(?:{_trie(set(countries), '')})?" if countries else ""
    latin = (re.compile(rf"^\W{{0,2}}(?P<name>{_LATIN_NAME})[ \t]*(?:{then_words})[ \t、，]*"
                        rf"{country}(?P<partner>\S)"), False, None)
    # Its first letters may be Latin capitals (SK브로드밴드, TCL集团).
    return ((re.compile(rf"^\W{{0,2}}{_not_described(section)}(?P<name>(?:[A-Z][A-Z0-9&]{{0,3}}"
                        rf"[{_HAN_KANA}]{{0,8}}?|[{_HAN_KANA}]{{1,8}}?)"
                        rf"(?:{_trie(set(suffixes), '')}))(?=(?:{then_words}))"),
             False, None), latin)


def _not_described(section: dict) -> str:
    """A lookahead refusing a word that describes a kind of company rather than names one
    (deals.toml ``name_suffix_not``: 大手銀行, 多家银行, 시중은행), or nothing."""
    generic = section.get("name_suffix_not", [])
    return rf"(?!(?:{_trie(set(generic), '')}))" if generic else ""


def _compound_marks(nouns: list[str]) -> _Marks:
    """Where every noun is capitalised (de), a name only right after a word for a
    company, which may end a compound and take a case ending: ``des
    US-Softwareanbieters Altair``."""
    if not nouns:
        return _Marks()
    pattern = re.compile(rf"(?<![\w-])[\w-]*?{_words(nouns)}\w{{0,2}}[ \t]+(?P<name>{_NAME})")
    return _Marks(_probe(nouns), ((pattern, False, None),))


# The deals.toml lists whose one-word entries are a deal's verbs or their nouns
# (`_deal_verbs`).
_VERB_LISTS = ("valuation", "funding", "acquisition")


def _deal_verbs(code: str, nouns: list[str]) -> set[str]:
    """One-word entries (stems) of `_VERB_LISTS` in `code`, less the `nouns` for a
    company (``unicorn``)."""
    section = _data().get(code, {})
    kept = {n.lower() for n in nouns}
    return {w.lower() for cat in _VERB_LISTS for w in section.get(cat, [])
            if " " not in w and w.isalpha() and w.lower() not in kept}


def _probe(words: list[str]) -> re.Pattern[str] | None:
    """Any of `words` in a lower-cased sentence."""
    return re.compile(_trie({w.lower() for w in words}, "")) if words else None


@cache
def _calendar() -> frozenset[str]:
    """Month and weekday words of every language (``the company Tuesday said``)."""
    words: set[str] = set()
    for code in LANGS:
        data = _read(code)
        for table in ("month", "weekday"):
            words.update(w.rstrip(".") for w in data.get(table, {}))
    return frozenset(words)


@cache
def _places(lang: str) -> frozenset[str]:
    """deals.toml ``places`` of `lang` and English, as written: no company's name."""
    return frozenset(w for code in {lang, "en"} for w in _data().get(code, {}).get("places", []))


@cache
def _then(lang: str) -> frozenset[str]:
    """Lower-case words that may follow a company bought (deals.toml ``name_then``, the
    stopwords, the first words of date phrases), in `lang` and English."""
    words: set[str] = set()
    for code in {lang if lang in LANGS else "en", "en"}:
        data = _read(code)
        words.update(data.get("stopwords", []))
        words.update(k.split()[0] for k in data.get("date_relative", {}))
        words.update(_data().get(code, {}).get("name_then", []))
    return frozenset(words)


@cache
def _vocabulary(lang: str) -> frozenset[str]:
    """The one-word entries of deals.toml's lists and the stopwords, in `lang` and
    English, lower case: a capitalised one opening a sentence (``Separatamente,``) is
    no company's name."""
    words: set[str] = set()
    for code in {lang if lang in LANGS else "en", "en"}:
        words.update(_read(code).get("stopwords", []))
        for entries in _data().get(code, {}).values():
            if isinstance(entries, list):
                words.update(w for w in entries if isinstance(w, str) and " " not in w)
    return frozenset(w.lower() for w in words)


def _modifier(sentence: str, end: int, lang: str) -> bool:
    """Does a lower-case word other than `_then`'s follow a name ending at `end`? Then
    the name qualifies it (``bought Texas land``, ``buy Blackwell chips``)."""
    m = _LOWER_WORD.match(sentence, end)
    return m is not None and m.group(1).lower() not in _then(lang)


@cache
def _cut(lang: str) -> frozenset[str]:
    """Calendar words (`_calendar`) and `lang`'s deals.toml ``name_cut``: words that end
    a name."""
    return _calendar() | frozenset(_data().get(lang, {}).get("name_cut", []))


def _trim(name: str, lang: str) -> int | None:
    """How much of a side's name to keep: up to the first word of `_cut` or of
    `_STOP` (a suffix of `_SUFFIXES` after the first word kept), less a possessive;
    None when under two characters are left."""
    end = 0
    for m in re.finditer(r"\S+", name):
        word = m.group()
        if (word in _STOP and not (end and word in _SUFFIXES)) \
                or word.lower().rstrip(".") in _cut(lang):
            break
        end = m.end()
    kept = _TRAILING.sub("", name[:end])
    return len(kept) if len(kept) >= 2 else None


def sides(sentence: str, known: list[tuple[int, int]],
          lang: str) -> list[tuple[int, int, str | None]]:
    """Spans (within the sentence) of companies not in the names file that the
    sentence marks as a deal's side (see the module docstring), clear of the `known`
    names' spans, each with the role its mark gives it (``investor``) or None."""
    spans: list[tuple[int, int, str | None]] = []
    marks = _marks(lang)
    patterns = marks.always
    if marks.probe is not None and marks.probe.search(sentence.lower()):
        patterns = marks.probed + patterns
    for pattern, bought, role in patterns:
        groups = [g for g in _NAME_GROUPS if g in pattern.groupindex]
        partner = "partner" in pattern.groupindex
        for m in pattern.finditer(sentence):
            if partner and not any(s < m.end("partner") and m.start("partner") < e
                                   for s, e in known):
                continue  # the company named as the name's partner must be a known one
            for group in groups:
                span = _side(sentence, m, group, bought, lang)
                if span is not None and not any(
                        s < span[1] and span[0] < e for s, e, *_ in known + spans):
                    spans.append((*span, role))
    return sorted(spans, key=lambda span: span[:2])


def _side(sentence: str, m: re.Match[str], group: str, bought: bool,
          lang: str) -> tuple[int, int] | None:
    """The span of the name `m`'s `group` holds, trimmed (`_trim`); None when it is
    none (cut short, a modifier, a chip family or a word of the lexicon)."""
    if m.group(group) is None:
        return None
    kept = _trim(m.group(group), lang)
    if kept is None:
        return None
    start = m.start(group)
    end = start + kept
    if _JOINED.match(sentence, end):
        return None  # cut short: Run:ai
    if bought and _modifier(sentence, end, lang):
        return None
    if chip_family(sentence[start:end]) or sentence[start:end] in _places(lang):
        return None
    if sentence[start:end].lower() in _vocabulary(lang):
        return None  # "Separatamente, la società …": a word of the lexicon, no name
    return start, end
