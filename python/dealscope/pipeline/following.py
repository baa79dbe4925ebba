"""A sentence that goes on with the deal before: its figures (`continuation`), a
round's lead (`led_before`) or backers (`joined_round`)."""

from __future__ import annotations

from . import cues, rounds
from .cues import CONTINUED_CUES, FIGURE_CUES, STATUSES
from .figures import MIN_DEAL, ceiling, closest_cue, figure_of, role_at, size, total_leads
from .goods import has_goods_word, in_field
from .parties import provider_rank
from .records import Candidate, Org


def joined_round(doc: int, sid: int, sentence: str, lang: str, orgs: list[Org],
                 amounts: list[dict], previous: Candidate | None) -> list[Candidate] | None:
    """Companies, none a lab nor the one raising, told as taking part in a round the
    sentence before told (deals.toml ``joined_round``, `in_round`): they do not raise rounds of
    their own, nor deal with each other. One with money is its investment in the one
    raising (``В раунде участвовала Nvidia, которая вложила до 2 млрд долларов``), and
    one told as leading it with money is its lead too (``ASML led the round with €1.3
    billion``: `led_before`); else they join the round's backers (``Existing investors
    Google and Amazon are expected to take part``). None when the sentence is no such
    one."""
    if previous is None or previous.kind != "funding" \
            or any(o.type == "lab" or o.name == previous.target for o in orgs) \
            or cues.says(sentence, lang, "separately"):
        return None
    money = next((a for a in amounts if a["kind"] == "money"
                  and size(a) >= MIN_DEAL), None)
    # "ASML led the round with €1.3 billion": the round's lead, and its part its investment.
    led = led_before(doc, sid, sentence, lang, orgs, previous) \
        if money is not None and len(orgs) == 1 else []
    if not (led or cues.says(sentence, lang, "joined_round") or in_round(sentence, lang, orgs)):
        return None
    if money is not None and len(orgs) == 1:
        return [*led, Candidate(doc, sid, "investment", orgs[0].name, previous.target,
                                money["low"], money["high"], money["unit"],
                                status=previous.status, at=money["start"])]
    previous.backers = tuple(dict.fromkeys([*previous.backers, *(o.name for o in orgs)]))
    # "Greenoaks led the round, and Alphabet and Nvidia also invested": its lead too.
    return led_before(doc, sid, sentence, lang, orgs, previous)


def in_round(sentence: str, lang: str, orgs: list[Org]) -> bool:
    """Is a word of deals.toml ``in_round`` after the first company (``Nvidia is expected
    to invest up to $2 billion in the round``)? Before it, the round is the one raising's
    (``Mistral AI pozyskał 1,7 mld euro w rundzie finansowania, której przewodził
    ASML``)."""
    return bool(orgs) and any(m.start() >= orgs[0].end
                              for m in cues.words_found(lang, "in_round").finditer(sentence))


def led_before(doc: int, sid: int, sentence: str, lang: str, orgs: list[Org],
               previous: Candidate | None) -> list[Candidate]:
    """A round is known by its amount: with none, a sentence about a round names the lead
    of the round the sentence before told without one (``Anthropic has raised $13
    billion in a Series F round. The round was led by Iconiq …``): that round again, led
    (fold.py folds the two), else nothing."""
    if previous is None or previous.kind != "funding" or previous.source is not None \
            or not cues.words_found(lang, "leads").search(sentence):
        return []
    led = rounds.lead(sentence, lang, orgs, previous.target)
    if led is None:
        return []
    return [Candidate(doc, sid, "funding", led.name, previous.target, previous.low,
                      previous.high, previous.currency, role=previous.role, at=previous.at,
                      backers=rounds.backer_names(sentence, lang, orgs, previous.target,
                                                  led.name))]


def _role(found: dict[str, list[int]], amounts: list[dict], top: dict, sentence: str,
          lang: str, sent_start: int) -> str:
    """`figures.role_at` of amount `top` among the sentence's money amounts (`top` one of
    them, or a bare figure read as money: `continuation`)."""
    here = (top["start"] - sent_start, top["end"] - sent_start)
    spans = sorted({(a["start"] - sent_start, a["end"] - sent_start) for a in amounts
                    if a["kind"] == "money"} | {here})
    return role_at(found, spans, spans.index(here), total_leads(sentence, lang, spans))


def _names_deal(sentence: str, lang: str) -> bool:
    """Does a sentence name the deal told before (deals.toml ``deal_reference``, or
    ``deal_subject`` opening it) or its two companies (``pair_anaphor``)?"""
    return cues.refers_to_deal(sentence, lang) or cues.deal_named_first(sentence, lang) \
        or cues.says(sentence, lang, "pair_anaphor")


def _goods_supplied(sentence: str, lang: str, found: dict[str, list[int]]) -> bool:
    """Does a sentence naming the deal told before (`_names_deal`) tell goods supplied
    or used under it: a chip or compute word and a supply or use word, none for
    developing them together nor a field of work (``L'intesa prevede l'uso del cloud
    Azure``, ``양사는 차세대 메모리 공급과 … 협력하기로 했다``)?"""
    return has_goods_word(found) and ("customer" in found or "provider" in found) \
        and not cues.says(sentence, lang, "develops") and not in_field(sentence, lang, found)


def _told_again(doc: int, sid: int, sentence: str, lang: str, found: dict[str, list[int]],
                previous: Candidate, types: dict[str, str]) -> list[Candidate]:
    """A sentence with no figure that names the deal told before or its two companies
    (`_names_deal`), told again: as goods supplied, a partnership is compute, and so is
    the one its sentences went on with (``Fastweb ha siglato un accordo con Microsoft.
    L'intesa prevede l'uso del cloud Azure …``); with a word for announced or completed,
    that status (``… wollen gemeinsam … aufbauen. Die beiden Unternehmen kündigten die
    Partnerschaft am Mittwoch an.``). Else nothing."""
    if not _names_deal(sentence, lang):
        return []
    supplied = previous.kind == "partnership" and _goods_supplied(sentence, lang, found)
    if supplied:
        for told in _partnerships_told(previous):
            as_compute(told, types)
    done = next((st for st in ("completed", "announced") if st in found), None)
    if not supplied and done is None:
        return []
    return [Candidate(doc, sid, previous.kind, previous.source, previous.target,
                      chip=cues.chip_family(sentence),
                      status=done, first=previous.first or previous)]


def _partnerships_told(previous: Candidate) -> list[Candidate]:
    """The deal told before and the one its sentences went on with (`Candidate.first`),
    those that are partnerships."""
    return [c for c in (previous, previous.first) if c is not None and c.kind == "partnership"]


def as_compute(told: Candidate, types: dict[str, str]) -> None:
    """A partnership told again as compute: the likelier provider its source
    (`parties.provider_rank`)."""
    told.kind = "compute"
    if told.source is not None and _rank(told.target, types) > _rank(told.source, types):
        told.source, told.target = told.target, told.source


def named_again(told: list[Candidate], found: list[Candidate]) -> None:
    """The deal named again (deals.toml ``deal_reference``: ``Under the deal``, ``Under
    it``), or told first by words for a deal alone (``deal_nouns``), by a sentence telling a
    deal of another kind between the same two companies: each partnership of `told` with
    no figure is that deal, of its kind and sides (``AMD and OpenAI announced a multi-year
    deal. Under it, OpenAI will deploy 6 gigawatts of AMD GPUs``, ``Meta ha cerrado un
    acuerdo con Google. La compañía … usará la nube de Google``: compute, one deal)."""
    for c in told:
        if c.kind != "partnership" or c.source is None \
                or any(v is not None for v in (c.low, c.high, c.power_w, c.chips)):
            continue
        again = next((f for f in found if f.kind != "partnership"
                      and {f.source, f.target} == {c.source, c.target}), None)
        if again is not None:
            c.kind, c.source, c.target = again.kind, again.source, again.target


def _rank(name: str, types: dict[str, str]) -> int:
    return provider_rank(Org(name, types.get(name, "other"), 0))


def continuation(doc: int, sid: int, sent_start: int, sentence: str, lang: str,
                 found: dict[str, list[int]], amounts: list[dict],
                 previous: Candidate, types: dict[str, str] | None = None,
                 side_named: bool = False) -> list[Candidate]:
    """Figures in a sentence that names no second company, right after a deal
    sentence (``Questa collaborazione … decine di miliardi di dollari … oltre
    un gigawatt``), belong to that deal; a larger one it may rise to is its ceiling
    (`figures.ceiling`). So does a chip count, after compute or a partnership, in a
    sentence naming one of its sides (`side_named`: ``Nvidia liefert 10.000
    Grafikprozessoren für die Anlage``). A sentence naming the deal or the two with no
    figure tells what the deal was (goods supplied: `_goods_supplied`) or its status
    (announced or completed)."""
    if not amounts and ("completed" in found or "announced" in found) \
            and "planned" not in found:
        # "The acquisition was completed in November": the deal named, its status told
        # (not "is expected to be completed", "完了する見通し": a plan).
        return _told_again(doc, sid, sentence, lang, found, previous, types or {})
    money_here = any(a["kind"] == "money" for a in amounts)
    if "valuation" in found and previous.kind in ("compute", "partnership") \
            and cues.deal_named_first(sentence, lang):
        # "The purchase is valued at roughly $40 billion": the deal's worth, no company's
        # (after an investment, "Transakcja wycenia firmę na …" values the company).
        found = {c: at for c, at in found.items() if c != "valuation"}
    if not any(c in found for c in CONTINUED_CUES) \
            and not (previous.low is None and previous.high is None and money_here) \
            and not (amounts and cues.says(sentence, lang, "rises_to")):
        # Figures for a deal whose sentence gave none may follow with any wording, and so
        # may a figure the deal may rise to ("Le montant pourrait atteindre 19,4 milliards").
        return []
    if any(c in found for c in FIGURE_CUES):
        return []  # one company's own spending, revenue or value, not the deal's figures
    ends = tuple(a["end"] - sent_start for a in amounts if a["kind"] == "money")
    money = [a for a in amounts if a["kind"] == "money" and size(a) >= MIN_DEAL
             and not figure_of(found, a["start"] - sent_start, a["end"] - sent_start, ends)]
    if not money and previous.currency is not None:
        # "… un contrat de 17,4 milliards de dollars … Le montant pourrait atteindre 19,4
        # milliards": a bare figure the deal may rise to is in the deal's currency.
        bare = [{**a, "kind": "money", "unit": previous.currency} for a in amounts
                if a["kind"] == "number" and size(a) >= MIN_DEAL]
        money = [a for a in bare if ceiling(sentence, lang, a, sent_start, previous)]
    power = [a for a in amounts if a["kind"] == "power"]
    chips = [a for a in amounts if a["kind"] == "count"] \
        if side_named and previous.kind in ("compute", "partnership") else []
    if chips and "chips" not in found and cues.chip_family(sentence) is None:
        chips = []  # a count of no chips
    if not money and not power and not chips:
        return _told_again(doc, sid, sentence, lang, found, previous, types or {})
    top = money[0] if money else None
    role = _role(found, amounts, top, sentence, lang, sent_start) if top else "deal"
    # "Nvidia will invest up to $100 billion in OpenAI. The chipmaker will also supply at
    # least 10 gigawatts …": goods with no money after an investment are its compute; money
    # a round word names ("… w ramach rundy o wartości 20 mld dolarów") is the round.
    kind, source, target = previous.kind, previous.source, previous.target
    cue = closest_cue(found, top["start"] - sent_start, top["end"] - sent_start) \
        if top is not None else None
    labs = [n for n in (source, target) if (types or {}).get(n) == "lab"]
    if kind in ("compute", "partnership") and cue == "investment" and len(labs) == 1 \
            and cues.words_found(lang, "anaphor_lab").search(sentence):
        # "Mistral AI firmó un acuerdo con Microsoft … La compañía estadounidense invertirá 15
        # millones de euros en la startup francesa": the other side invests in the lab the
        # sentence names as a startup.
        kind, target = "investment", labs[0]
        source = next(n for n in (previous.source, previous.target) if n != target)
    elif kind in ("investment", "partnership") and not money and has_goods_word(found) \
            and not previous.venture:
        # (A joint venture's goods are its own: "Humain and AMD plan to form a joint
        # venture. The venture will build 1 gigawatt of AI data centers": partners.)
        if kind == "partnership":
            # "OpenAI podpisała umowę z Broadcomem. Firmy wspólnie opracują akceleratory …":
            # the agreement was for chips, one compute deal; so was the one it went on with.
            for told in _partnerships_told(previous):
                told.kind = "compute"
        kind = "compute"
    elif kind == "investment" and cue == "funding":
        kind, source = "funding", None
    low, high = (top["low"], top["high"]) if top else (None, None)
    if top is not None and kind == previous.kind \
            and ceiling(sentence, lang, top, sent_start, previous):
        # "… $17.4 billion … The deal could rise to $19.4 billion": one deal, 17.4 to 19.4.
        low, high = previous.low, top["high"]
        previous.high = high  # the deal told before widens to its ceiling
    return [Candidate(
        doc, sid, kind, source, target, low, high, top["unit"] if top else None,
        power_w=max(size(a) for a in power) if power else None,
        chips=max(size(a) for a in chips) if chips else None,
        chip=cues.chip_family(sentence), status=next((s for s in STATUSES if s in found), None),
        role=role, at=top["start"] if top else None, first=previous.first or previous,
        venture=previous.venture and kind == "partnership",
    )]
