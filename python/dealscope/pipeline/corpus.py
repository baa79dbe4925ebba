"""`extract`: a folder of articles → a `Corpus` of polars frames."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import ClassVar

import polars as pl

from .. import api
from ..frames import DATE_SCHEMA, SENTENCE_SCHEMA
from ..memory import release_memory
from . import anaphors, batches, clauses, cues, deal_store, fold, following, unknown
from . import candidates as cand
from . import spill as spill_
from .cues import AMOUNT_CUES
from .figures import currency_carried, figure_of
from .fx import to_usd
from .ingest import Doc, ingest
from .merge import Item
from .parties import parties
from .records import NAME_COLUMNS, Name
from .sentences import joined_over_amounts

DOCUMENT_SCHEMA = {
    "doc": pl.UInt32, "path": pl.String, "lang": pl.String, "published": pl.Date,
    "published_precision": pl.String, "published_inferred": pl.Boolean, "title": pl.String,
    "text": pl.String, "encoding": pl.String,
}
EVIDENCE = pl.Struct({"doc": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32,
                      "sentence": pl.String})
DEAL_SCHEMA = {
    "deal_id": pl.String, "kind": pl.String, "source": pl.String, "target": pl.String,
    "low": pl.Float64, "high": pl.Float64, "currency": pl.String, "usd_low": pl.Float64,
    "usd_high": pl.Float64, "power_w": pl.Float64, "chips": pl.Float64, "chip": pl.String,
    "status": pl.String, "date": pl.Date, "date_precision": pl.String, "total_usd": pl.Float64,
    "backers": pl.List(pl.String), "sources": pl.List(pl.UInt32),
    "languages": pl.List(pl.String), "evidence": pl.List(EVIDENCE),
}
RELATION_SCHEMA = {
    "source": pl.String, "target": pl.String, "relation": pl.String, "deals": pl.UInt32,
    "usd_total": pl.Float64, "evidence": pl.UInt32, "docs": pl.List(pl.UInt32),
}
TIMELINE_SCHEMA = {
    "date": pl.Date, "precision": pl.String, "event": pl.String, "kind": pl.String,
    "source": pl.String, "target": pl.String, "usd_low": pl.Float64, "usd_high": pl.Float64,
    "status": pl.String, "deal_id": pl.String, "doc": pl.UInt32, "text": pl.String,
}
ERROR_SCHEMA = {"path": pl.String, "reason": pl.String}
RELATION_OF_KIND = {"investment": "investor_in", "funding": "investor_in",
                    "compute": "provides_compute_to", "acquisition": "acquired",
                    "partnership": "partner_of"}


@dataclass
class Corpus:
    """Every frame of a corpus (see DESIGN.md)."""

    documents: pl.DataFrame
    mentions: pl.DataFrame
    amounts: pl.DataFrame
    dates: pl.DataFrame
    deals: pl.DataFrame
    relations: pl.DataFrame
    timeline: pl.DataFrame
    sentences: pl.DataFrame = field(default_factory=pl.DataFrame)
    errors: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=ERROR_SCHEMA))

    FRAMES: ClassVar[tuple[str, ...]] = (
        "documents", "mentions", "amounts", "dates", "deals", "relations", "timeline",
        "sentences", "errors",
    )

    def summary(self) -> str:
        return (f"{self.documents.height} documents, {self.deals.height} deals, "
                f"{self.relations.height} relations, {self.timeline.height} timeline events, "
                f"{self.amounts.height} amounts, {self.mentions.height} names, "
                f"{self.errors.height} problems")


def infer_published(dates: pl.DataFrame, n: int) -> list[tuple[dt.date | None, str | None]]:
    """A dateline (a full date in the first 300 characters), else the latest
    absolute date the text states, deadlines aside (``by 2029``, ``before the end of
    2026``: when something is due, not when it was written)."""
    out: list[tuple[dt.date | None, str | None]] = [(None, None)] * n
    # In polars for every document at once (a query a document was 0.2 ms each: about
    # a minute on 1 GB): the first dateline, else the latest date (the last said of equals).
    absolute = (dates.filter(~pl.col("relative") & pl.col("date").is_not_null()
                             & pl.col("relation").is_in(["on", "since"]))
                .with_row_index("_at"))
    dateline = (pl.col("start") < 300) & (pl.col("precision") == "day")
    picked = absolute.group_by("doc").agg(
        pl.col("date", "precision").filter(dateline).first().name.suffix("_head"),
        pl.col("date", "precision").sort_by("date", "_at").last())
    for doc, head, head_precision, date, precision in picked.select(
            "doc", "date_head", "precision_head", "date", "precision").iter_rows():
        out[doc] = (head, head_precision) if head is not None else (date, precision)
    return out


def assign_sentences(frame: pl.DataFrame, sents: pl.DataFrame) -> pl.DataFrame:
    """Each mention's sentence id (the sentence its start falls in)."""
    if frame.height == 0:
        return frame.with_columns(pl.lit(None, pl.UInt32).alias("sid"))
    keys = sents.select("doc", "sid", pl.col("start").alias("s_start")).sort("doc", "s_start")
    return (
        frame.sort("doc", "start")
        .join_asof(keys, left_on="start", right_on="s_start", by="doc", strategy="backward",
                   check_sortedness=False)
        .drop("s_start")
    )


STAGES = ("read", "languages", "dates", "amounts", "names", "deals")


def extract(source, *, engine: str = "rust", cache=None, progress=None,
            batch_bytes: int = batches.BATCH_BYTES,
            chunk_chars: int = batches.CHUNK_CHARS, spill=None) -> Corpus:
    """Read `source` (a folder, files, texts or a frame) into a Corpus.

    ``cache``: a folder (or True for the default, ``$DEALSCOPE_CACHE`` or
    ``~/.cache/dealscope``) where extracted corpora are stored by content
    hash; the second extraction of an unchanged corpus is read from there.
    ``progress(stage, done, total)`` is called as each of ``STAGES`` ends, for
    each batch: ``total`` is 1 + 5 × batches (one more per batch when some
    documents have no publication date to read).
    ``batch_bytes``: documents are processed in batches of about this much
    UTF-8, so working memory does not grow with the corpus; ``chunk_chars``:
    a longer document is processed in chunks cut at sentence ends (see
    ``pipeline/batches.py``). Neither changes the result when chunks are cut
    between sentences.
    ``spill``: where each batch's frames wait for the end. None (the default)
    writes them to disk for a corpus of more than ``spill.SPILL_CHARS`` code
    points and returns frames mapped from those files (see
    ``pipeline/spill.py``), in ``spill/`` under the cache folder (``cache``'s,
    else the default one, also when ``cache`` is off); True always does so,
    False never, a folder always, there. The frames are the same either way.
    """
    got = ingest(source)
    plan = batches.plan([d.text for d in got.docs], batch_bytes, chunk_chars)
    undated = [b for b in plan if any(got.docs[p.doc].published is None for p in b)]
    total = 1 + 5 * len(plan) + len(undated)
    done = 0

    def step(stage: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(stage, done, total)

    step("read")
    from .. import store

    root = Path(cache) if cache and cache is not True else store.default_root()

    def build() -> Corpus:
        sink = spill_.sink(spill, sum(len(d.text) for d in got.docs), root / "spill")
        try:
            return _build(got, engine, plan, step, sink, batch_bytes)
        finally:
            sink.close()

    if not cache:
        return build()
    digest = store.key(got.docs, got.errors, engine)
    built: list[Corpus] = []

    def frames_to_store() -> dict[str, pl.DataFrame]:
        built.append(build())
        return {name: getattr(built[0], name) for name in Corpus.FRAMES}

    frames = store.cached(root, digest, Corpus.FRAMES, frames_to_store)
    if built:
        return built[0]
    # Read from the store: the progress still runs to its end.
    for _ in plan:
        for stage in STAGES[1:]:
            step(stage)
    for _ in undated:
        step("dates")
    return Corpus(**frames)


def _shift(frame: pl.DataFrame, part: list[batches.Piece]) -> pl.DataFrame:
    """A batch's frame with each piece's doc and offsets turned into its document's."""
    if frame.height == 0 or all(p.doc == i and p.start == 0 for i, p in enumerate(part)):
        return frame
    doc = pl.Series([p.doc for p in part], dtype=pl.UInt32)
    offset = pl.Series([p.start for p in part], dtype=pl.UInt32)
    at = frame["doc"]
    return frame.with_columns(
        doc.gather(at).alias("doc"),
        (pl.col("start") + offset.gather(at)).alias("start"),
        (pl.col("end") + offset.gather(at)).alias("end"),
    )


def _languages(engine: str, docs: list[Doc], plan, step) -> list[str]:
    """Each document's language: given, else decided from the summed scores of its pieces."""
    texts = [d.text for d in docs]
    scores: dict[int, list[int]] = {}
    for part in plan:
        todo = [p for p in part if not docs[p.doc].lang]
        got = api.language_scores([batches.piece_text(texts, p) for p in todo], engine=engine)
        for p, s in zip(todo, got, strict=True):
            have = scores.get(p.doc)
            scores[p.doc] = s if have is None else [x + y for x, y in zip(have, s, strict=True)]
        release_memory(kept_buffers=False)
        step("languages")
    return [d.lang or api.decide_language(scores[i], engine=engine) for i, d in enumerate(docs)]


def _published(engine: str, docs: list[Doc], langs: list[str], plan, step):
    """Only documents without a publication date are read for one."""
    texts = [d.text for d in docs]
    found = []
    for part in plan:
        todo = [p for p in part if docs[p.doc].published is None]
        if not todo:
            continue
        dates = api.parse_dates([batches.piece_text(texts, p) for p in todo], engine=engine,
                                lang=[langs[p.doc] for p in todo])
        found.append(_shift(dates, todo).filter(~pl.col("relative") &
                                                 pl.col("date").is_not_null()))
        release_memory(kept_buffers=False)
        step("dates")
    frame = pl.concat(found) if found else pl.DataFrame(schema=DATE_SCHEMA)
    return infer_published(frame, len(docs))


def _build(got, engine: str, plan: list[list[batches.Piece]], step,
           sink: spill_.InMemory | spill_.Spill, batch_bytes: int) -> Corpus:
    docs: list[Doc] = got.docs
    texts = [d.text for d in docs]
    langs = _languages(engine, docs, plan, step)
    inferred = _published(engine, docs, langs, plan, step)
    published, precisions, was_inferred = [], [], []
    for d, (date, precision) in zip(docs, inferred, strict=True):
        given = d.published is not None
        published.append(d.published if given else date)
        precisions.append(d.precision if given else precision)
        was_inferred.append(not given and date is not None)
    meta = pl.DataFrame(
        {"doc": range(len(docs)), "path": [d.path for d in docs], "lang": langs,
         "published": published, "published_precision": precisions,
         "published_inferred": was_inferred, "title": [d.title or _title(d.text) for d in docs],
         "encoding": [d.encoding for d in docs]},
        schema={k: v for k, v in DOCUMENT_SCHEMA.items() if k != "text"},
    )
    # The text goes in a batch's worth at a time, so a spilled corpus never holds it all.
    for first, last in _slices(texts, batch_bytes):
        sink.put("documents", meta.slice(first, last - first)
                 .with_columns(_text_column(texts[first:last])).select(list(DOCUMENT_SCHEMA)))
    del meta
    info = list(zip(langs, published, precisions, strict=True))
    state = _DealState()
    sids: dict[int, int] = {}  # sentences so far of each document (its chunks go on counting)

    def read(part: list[batches.Piece]) -> _Read:
        return _read(engine, texts, part, langs, published, precisions, sids)

    for i, r in enumerate(_in_order(engine, plan, read)):
        for stage in ("dates", "amounts", "names"):
            step(stage)
        rows = r.sents.rows()  # doc, sid, start, end, sentence, lang
        found = dict(zip(((doc, sid) for doc, sid, *_ in rows), r.cues, strict=True))
        # The lexicon's names by sentence, for the candidates and the deals alike.
        known = _by_sentence(r.mentions, r.sents, NAME_COLUMNS, named=False)
        mentions, named = _with_candidates(r.mentions, rows, known, found)
        _deals(state, info, r.sents, rows, r.amounts, r.dates, mentions, named, found)
        state.flush(sink, r.sents)
        for name, frame in (("dates", r.dates), ("amounts", r.amounts), ("mentions", mentions),
                            ("sentences", r.sents)):
            sink.put(name, frame)
        del r, rows, found, known, mentions
        release_memory(kept_buffers=False)
        if i < len(plan) - 1:
            step("deals")
    documents, dates, amounts, mentions, sents = (
        sink.take(k) for k in ("documents", "dates", "amounts", "mentions", "sentences"))
    deals = _deals_frame(*fold.fold_deals(*deal_store.merged(sink.take("candidates"),
                                                             _DEAL_ROW)),
                         sink.take("evidence"))
    relations = _relations(deals, mentions, state.competitors)
    timeline = _timeline(deals, sink.take("valuations"))
    errors = pl.DataFrame(got.errors, schema=ERROR_SCHEMA, orient="row")
    step("deals")  # the last batch's deals are done when all are merged
    return Corpus(documents, mentions, amounts, dates, deals, relations, timeline, sents, errors)


@dataclass
class _Read:
    """A batch as the core reads it: its dates, amounts, names and sentences (doc and
    offsets its documents'), and each sentence's deal cues (`cues.find_all`)."""

    dates: pl.DataFrame
    amounts: pl.DataFrame
    mentions: pl.DataFrame
    sents: pl.DataFrame
    cues: list[dict[str, list[int]]]


def _read(engine: str, texts: list[str], part: list[batches.Piece], langs: list[str],
          published: list, precisions: list, sids: dict[int, int]) -> _Read:
    """Batch `part` read by the engine, each document in its language (a sentence
    plainly in another in its own), dates relative to its publication date. A day or
    week told relative to it (``on Tuesday``, ``28日``, ``yesterday``, ``last week``)
    has no date when that date is not a day's (``2026`` inferred from the text):
    Tuesday of which week?"""
    chunk = [batches.piece_text(texts, p) for p in part]
    part_langs = [langs[p.doc] for p in part]
    dates = api.parse_dates(chunk, ref=[published[p.doc] for p in part], engine=engine,
                            lang=part_langs, by_sentence=True)
    coarse = pl.Series([precisions[p.doc] != "day" for p in part], dtype=pl.Boolean)
    if dates.height and coarse.any():
        unknown = pl.col("relative") & pl.col("precision").is_in(["day", "week"]) & \
            coarse.gather(dates["doc"])
        dates = dates.with_columns(pl.when(unknown).then(None).otherwise(pl.col("date"))
                                   .alias("date"))
    dates = _shift(dates, part)
    read = api.parse_amounts(chunk, engine=engine, lang=part_langs, by_sentence=True)
    amounts = _shift(read, part)
    mentions = _shift(api.find_names(chunk, engine=engine), part)
    sents = _sentences(part, chunk, part_langs, sids, engine, read)
    found = cues.find_all(sents["sentence"], sents["lang"].to_list(), engine)
    return _Read(dates, amounts, mentions, sents, found)


def _in_order(engine: str, plan: list[list[batches.Piece]],
              read: Callable[[list[batches.Piece]], _Read]) -> Iterator[_Read]:
    """`read` of each batch of `plan`, in order. With the Rust engine the next batch
    is read in a second thread while the caller works through this one: the core
    lets go of the GIL, so its reading and the deal stage's Python overlap on two
    cores (one batch ahead at most). The Python engine's reading holds the GIL, so it
    goes one batch at a time."""
    if engine != "rust" or len(plan) < 2:
        yield from map(read, plan)
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="dealscope-read") as ahead:
        coming = ahead.submit(read, plan[0])
        for part in plan[1:]:
            current = coming.result()
            coming = ahead.submit(read, part)  # `read` numbers sentences: in order only
            yield current
            del current
        yield coming.result()


def _slices(texts: list[str], limit: int) -> list[tuple[int, int]]:
    """Runs [first, last) of documents with about `limit` code points in each (at least one
    document, and one run for no documents, so the frame has its schema)."""
    out, first, size = [], 0, 0
    for i, text in enumerate(texts):
        if i > first and size + len(text) > limit:
            out.append((first, i))
            first, size = i, 0
        size += len(text)
    out.append((first, len(texts)))
    return out


def _text_column(texts: list[str]) -> pl.Series:
    """The documents' text, handed to polars as UTF-8 bytes: a Python string turned
    into a polars string keeps a cached UTF-8 copy of itself for as long as it lives
    (the caller's input may live on), doubling the memory of non-ASCII text."""
    if all(map(_encodable, texts)):
        return pl.Series("text", [t.encode("utf-8") for t in texts], dtype=pl.Binary) \
            .cast(pl.String)
    return pl.Series("text", texts, dtype=pl.String)  # lone surrogates: polars' own handling


def _encodable(text: str) -> bool:
    return text.isascii() or not api.SURROGATE.search(text)


def _sentences(part: list[batches.Piece], chunk: list[str], langs: list[str],
               sids: dict[int, int], engine: str, amounts: pl.DataFrame) -> pl.DataFrame:
    """The batch's sentences (the parsers' own, ``ds.sentences``, none cut inside one of
    the batch's `amounts`: `sentences.joined_over_amounts`), numbered on from the
    document's earlier chunks, with the language each is read in (``lang``)."""
    sents = joined_over_amounts(
        api.sentences(chunk, engine=engine, lang=langs, by_sentence=True), amounts, chunk)
    counts = dict(sents.group_by("doc").len().iter_rows())
    firsts = []
    for i, p in enumerate(part):
        firsts.append(sids.get(p.doc, 0))
        sids[p.doc] = firsts[-1] + counts.get(i, 0)
    first = pl.Series(firsts, dtype=pl.UInt32)
    numbered = sents.with_columns(pl.col("sid") + first.gather(sents["doc"]))
    return _shift(numbered, part).select(list(SENTENCE_SCHEMA))


# Deal words that make a sentence's unknown names worth looking for (selling too:
# "agreed to sell Altera to Silver Lake").
_DEAL_CUES = frozenset((*AMOUNT_CUES, "sells"))


def _with_candidates(mentions: pl.DataFrame, sent_rows: list[tuple],
                     known: dict[tuple[int, int], list[Name]],
                     found: dict[tuple[int, int], dict[str, list[int]]],
                     ) -> tuple[pl.DataFrame, dict[tuple[int, int], list[Name]]]:
    """Add organisations the lexicon does not know, as kind "candidate" (see unknown.py);
    and the names by sentence for the deal stage: `known`, plus the candidates marked
    as a deal's side (`unknown.sides`) as organisations of the role their mark gives
    (a round's lead an investor) or else of no known type."""
    rows = []
    named = known
    after_round = False  # the sentence before told a round
    for doc, sid, start, _end, sentence, lang in sent_rows:
        has_cues = not _DEAL_CUES.isdisjoint(found[(doc, sid)]) or (
            # A split verb's category counts too ("arbeitet künftig mit … zusammen").
            cues.has_split_verbs(lang) and not _DEAL_CUES.isdisjoint(
                cues.with_split_verbs(sentence, lang, found[(doc, sid)]))) or (
            # So does "led by" right after a round ("… ha sido liderada por el fondo EQT").
            after_round and cues.says(sentence, lang, "name_leads"))
        after_round = "funding" in found[(doc, sid)] and (doc, sid + 1) in found
        has_marks = unknown.marked(sentence)
        if not (has_cues or has_marks):
            continue  # no pattern of unknown.find could match
        at = known.get((doc, sid), [])
        spans = [(n[1] - start, n[2] - start) for n in at]  # start, end
        sides = unknown.sides(sentence, spans, lang) if has_cues else []
        if sides:
            if named is known:
                named = dict(known)  # the caller's `known` stays the lexicon's names
            named[(doc, sid)] = sorted(at + [(doc, start + s, start + e, sentence[s:e], "org",
                                              role, None, sid) for s, e, role in sides],
                                       key=lambda n: n[1])
        side_spans = [(s, e) for s, e, _ in sides]
        for s, e in sorted(side_spans + unknown.find(sentence, spans + side_spans, has_cues,
                                                     lang, has_marks)):
            rows.append((doc, start + s, start + e, sentence[s:e], sentence[s:e], "candidate",
                         None, None))
    if not rows:
        return mentions, named
    extra = pl.DataFrame(rows, schema=mentions.schema, orient="row")
    return pl.concat([mentions, extra]).sort("doc", "start", maintain_order=True), named


_NONSPACE = re.compile(r"\S")


def _title(text: str) -> str:
    """The first line of the stripped text, found without copying a huge document."""
    first = _NONSPACE.search(text)
    if first is None:
        return ""
    nl = text.find("\n", first.start())
    end = nl if nl >= 0 else len(text)
    line = text[first.start():min(end, first.start() + 4096)]  # a title is 120 at most
    if _NONSPACE.search(text, first.start() + len(line)) is None:  # strip() took the rest
        line = line.rstrip()
    return line if len(line) <= 120 else line[:117].rstrip() + "…"


# The columns the deal stage reads of each frame, by sentence (a column fewer is a
# Python object fewer a row).
_AMOUNT_KEYS = ("doc", "start", "end", "text", "kind", "low", "high", "unit")
_DATE_KEYS = ("doc", "start", "date", "precision", "relation")


def _by_sentence(frame: pl.DataFrame, sents: pl.DataFrame, keys: tuple[str, ...],
                 named: bool = True) -> dict[tuple[int, int], list]:
    """The rows of `frame` by (doc, sid): its columns `keys`, then ``sid``, as dicts, or
    as plain tuples when not `named` (half the cost: see `candidates.Name`)."""
    joined = assign_sentences(frame.select(keys), sents)  # sid comes last
    rows = joined.iter_rows(named=True) if named else joined.rows()
    out: dict[tuple[int, int], list] = {}
    keys = zip(joined["doc"].to_list(), joined["sid"].to_list(), strict=True)
    for key, row in zip(keys, rows, strict=True):
        out.setdefault(key, []).append(row)
    return out


@dataclass
class _DealState:
    """What the deal stage keeps between batches: the batch's candidates and
    valuations until `flush` hands them to the sink as frames (see deal_store.py),
    competitor pairs (few), and the last candidate, which the next sentence of the
    same document may continue (in the next batch, for a long document)."""

    items: list[Item] = field(default_factory=list)
    valuations: list[tuple] = field(default_factory=list)
    competitors: list[tuple[str, str, int]] = field(default_factory=list)
    told: list = field(default_factory=list)  # the candidates of the sentence before
    # Its partnership told by words for a deal alone, no kind (`cues.tells_no_kind`).
    no_kind: bool = False
    last_doc: int = -1
    # The company an anaphor ("the company", 同社) of the document stands for, and the
    # companies of the last sentence naming any (one the kind an anaphor names: "the startup").
    antecedent: object = None
    named_before: list = field(default_factory=list)
    named_sid: int = -1  # the sentence that named them

    @property
    def previous(self):
        """The last candidate of the sentence before, which the next may go on with."""
        return self.told[-1] if self.told else None

    def flush(self, sink: spill_.InMemory | spill_.Spill, sents: pl.DataFrame) -> None:
        """Every batch puts a frame, an empty one too, so `take` finds the schema.
        The candidates' sentences go too: read back from the whole ``sentences``
        frame, a join copied all its text (a corpus's worth) for a moment."""
        sink.put("candidates", deal_store.candidate_frame(self.items))
        keys = pl.DataFrame([(i.cand.doc, i.cand.sid) for i in self.items],
                            schema={"doc": pl.UInt32, "sid": pl.UInt32}, orient="row")
        sink.put("evidence", sents.join(keys.unique(), on=["doc", "sid"], how="semi")
                 .select("doc", "sid", "start", "end", "sentence"))
        sink.put("valuations", deal_store.valuation_frame(self.valuations))
        self.items, self.valuations = [], []


_DEAL_ROW = {k: v for k, v in DEAL_SCHEMA.items() if k != "evidence"}


def _deals_frame(merged: pl.DataFrame, keys: pl.DataFrame,
                 sentences: pl.DataFrame) -> pl.DataFrame:
    """The merged deals (`deal_store.merged`), each with its evidence sentences read by
    `keys` (deal, doc, sid) from `sentences` (doc, sid, start, end, sentence)."""
    if merged.height == 0:
        return pl.DataFrame(schema=DEAL_SCHEMA)
    evidence = (
        keys.join(sentences, on=["doc", "sid"], how="left", maintain_order="left")
        .group_by("deal", maintain_order=True)
        .agg(pl.struct("doc", "start", "end", "sentence").alias("evidence"))
    )
    deals = (
        merged.with_row_index("deal")
        .join(evidence, on="deal", how="left", maintain_order="left")
        .select(list(DEAL_SCHEMA))
    )
    return deals.sort("date", "kind", "source", "target", nulls_last=True)


def _with_anaphors(state: _DealState, pair: list, named: list, found: dict[str, list[int]],
                   amounts: list[dict], start: int, sentence: str, lang: str,
                   types: dict[str, str]) -> list:
    """A sentence's companies `named`, with those its anaphors stand for (companies
    the sentences before named: `state`; the two of `pair`, the sentence right before's,
    for words for the two companies); `types`: each company's type."""
    named = anaphors.pair_anaphor(named, found, pair, state.previous, sentence, lang, types)
    money = [(a["start"] - start, a["end"] - start) for a in amounts if a["kind"] == "money"] \
        if "anaphor" in found and state.antecedent is not None else []
    orgs = anaphors.invested_anaphor(named, found, money, state.antecedent,
                                     state.named_before, sentence, lang)
    orgs = anaphors.investee_in_return(orgs, found, state.previous, state.named_before,
                                       sentence, lang)
    if "investment" in found and state.told:
        orgs = anaphors.investee_again(orgs, found, any(a["kind"] == "money" for a in amounts),
                                       state.told, types, sentence)
    return anaphors.with_antecedent(orgs, found, state.antecedent, sentence, lang,
                                    state.named_before)


def _goes_on(state: _DealState, orgs: list, amounts: list[dict], view: int):
    """The deal told before that a sentence's `view` (its first, or a clause read apart)
    may go on with: of the sentence before's investments, the one whose investor is the
    view's one company, when the view gives money (``Microsoft and Nvidia … would invest
    in Anthropic. Microsoft will put in up to $5 billion, while Nvidia …``: each clause
    its own), else for the first view the last deal told."""
    if len(orgs) == 1 and any(a["kind"] == "money" for a in amounts):
        own = [c for c in state.told if c.kind == "investment" and c.source == orgs[0].name]
        if len(own) == 1:
            return own[0]
    return None if view else state.previous


# A document with no company named has no roles.
_NO_TYPES: dict[str, str] = {}


def _deals(state: _DealState, docs, sents, sent_rows, amounts, dates, mentions, names_at,
           found_at) -> None:
    """`names_at`: the names by sentence, the lexicon's and the candidates marked as a
    deal's side (`_with_candidates`)."""
    # A name's role: its last mention's in its document. Per document, so that a
    # document's deals do not hang on the others read with it (a cloud arm is its
    # parent, typed as the parent only where the parent is named bare).
    by_doc = (mentions.lazy().filter(kind="org").group_by("doc", maintain_order=True)
              .agg("name", "role").collect())
    types_by_doc = {d: dict(zip(names, roles, strict=True))
                    for d, names, roles in by_doc.iter_rows()}
    amounts_at = _by_sentence(amounts, sents, _AMOUNT_KEYS)
    dates_at = _by_sentence(dates, sents, _DATE_KEYS)
    for doc, sid, start, _end, sentence, read_in in sent_rows:
        if doc != state.last_doc:
            state.antecedent, state.last_doc = None, doc
            state.named_before, state.told = [], []
        types = types_by_doc.get(doc, _NO_TYPES)
        at = names_at.get((doc, sid))
        pair = state.named_before if sid == state.named_sid + 1 else []
        if not at and state.previous is None and not (
                len(pair) == 2 and cues.says(sentence, read_in, "pair_anaphor")):
            continue  # no party, no deal to go on, no words for the two named right before
        # The report's language is its document's; the sentence is read in its own.
        lang, published, pub_precision = docs[doc]
        names = at or []
        hits = cues.outside_names(
            cues.with_split_verbs(sentence, read_in, found_at[(doc, sid)]), names, start)
        named = parties(names, types, sentence, start, read_in)
        here = currency_carried(amounts_at.get((doc, sid), []), sentence, start, read_in,
                                hits)
        orgs = _with_anaphors(state, pair, named, hits, here, start, sentence, read_in, types)
        # A clause set off after the subject is read apart from the rest (clauses.py).
        views = clauses.views(sentence, read_in, start, hits, named, names, here,
                              partial(parties, types=types, sentence=sentence,
                                      sentence_start=start, lang=read_in))
        was = state.previous.kind if state.previous is not None else None
        found = []
        for i, view in enumerate(views):
            # A later view's anaphor may stand for a company the first named ("…, while
            # Nvidia and Microsoft pledged to invest … in the startup").
            told = state if not i or not views[0].orgs else replace(
                state, antecedent=views[0].orgs[0], named_before=views[0].orgs)
            view_orgs = orgs if len(views) == 1 else _with_anaphors(
                told, pair, view.orgs, view.found, view.amounts, start, view.sentence, read_in,
                types)
            goes_on = _goes_on(state, view_orgs, view.amounts, i)
            found += cand.from_sentence(doc, sid, start, view.sentence, read_in, view.names,
                                        view.amounts, types, goes_on, view.found, view_orgs)
        if was == "partnership" and state.previous.kind == "compute" \
                and cues.says(sentence, read_in, "pair_anaphor"):
            # The partnership told last turned out compute, told of "the two": so did the
            # other its sentence told ("오픈AI는 삼성전자, SK하이닉스와 … 의향서를
            # 체결했다. 두 회사는 … D램 웨이퍼를 공급할 계획이다").
            for c in state.told:
                if c.kind == "partnership":
                    following.as_compute(c, types)
        elif was == "partnership" and (state.no_kind or cues.refers_to_deal(sentence, read_in)):
            following.named_again(state.told, found)
        if "talks" in hits and any(c.status == "talks" for c in state.told) \
                and cues.says(sentence, read_in, "talks_failed"):
            # "The talks broke down …": the deal in talks told right before is none (one
            # already flushed, the last sentence of a chunk of a huge document, stays).
            failed = {id(c) for c in state.told if c.status == "talks"}
            state.items = [i for i in state.items if id(i.cand) not in failed]
            found = [c for c in found if c.status != "talks"]
        if not found and len(pair) == 2 and "anaphor" in hits \
                and {o.name for o in orgs} < {o.name for o in pair}:
            # "Der Chipkonzern zahlt 23,28 Dollar je Aktie.": a word for one of the two,
            # no other company and no deal told; words for the two in the next sentence
            # still name both.
            state.named_sid = sid
        elif orgs:
            state.antecedent, state.named_before, state.named_sid = orgs[0], orgs, sid
        state.told = found
        state.no_kind = any(c.kind == "partnership" for c in found) \
            and cues.tells_no_kind(sentence, read_in, hits)
        # Dates after the article's own are plans and deadlines, not when a deal happened.
        stated = [d for d in dates_at.get((doc, sid), [])
                  if d["date"] is not None and d["relation"] in ("on", "since")
                  and (published is None or d["date"] <= published)]
        date, precision = (stated[0]["date"], stated[0]["precision"]) if stated else \
            (published, pub_precision)
        for c in found:
            # The date said closest before the amount (2023 年 … 12.5 亿, 今年 3 月 … 27.5 亿).
            before = [d for d in stated if c.at is not None and d["start"] <= c.at]
            when = (before[-1]["date"], before[-1]["precision"]) if before else (date, precision)
            state.items.append(Item(c, when[0], when[1], published, lang))
        # Two rivals, with no deal between them ("Anthropic, a rival of OpenAI, raised …").
        if len(orgs) == 2 and "competitor" in hits:
            a, b = sorted(o.name for o in orgs)
            if not any({c.source, c.target} == {a, b} for c in found):
                state.competitors.append((a, b, doc))
        # The company valued: the one named, or the one raising the round its investors
        # are named in ("… led by Iconiq at a $183 billion valuation").
        valued = orgs[0].name if len(orgs) == 1 else \
            next((c.target for c in found if c.kind == "funding"), None)
        if valued is not None and "valuation" in hits:
            money = [a for a in amounts_at.get((doc, sid), []) if a["kind"] == "money"]
            ends = tuple(a["end"] - start for a in money)
            for a in money:
                if figure_of(hits, a["start"] - start, a["end"] - start,
                                  ends) == "valuation":
                    state.valuations.append((date, precision, valued, doc, a["text"],
                                             a["low"], a["high"], a["unit"]))


_ROW_SCHEMA = {"source": pl.String, "target": pl.String, "relation": pl.String,
               "usd": pl.Float64, "evidence": pl.UInt32, "docs": pl.List(pl.UInt32)}
_NOT_DEALS = ["subsidiary_of", "works_for", "competitor_of"]


def _relations(deals: pl.DataFrame, mentions: pl.DataFrame,
               competitors: list[tuple[str, str, int]]) -> pl.DataFrame:
    """Relations from deals, from the parents the lexicon gives names, and from
    competitor sentences. Mentions are read with polars, never row by row: a large
    corpus has millions of them (and its frames may be mapped from disk)."""
    # Each name's role as the last of its mentions says it.
    types = dict(mentions.lazy().filter(kind="org").group_by("name", maintain_order=True)
                 .agg(pl.col("role").last()).collect().iter_rows())
    rows = []
    # The deals without their evidence's text: a deal on a large corpus may have thousands.
    counted = deals.select(pl.exclude("evidence"), pl.col("evidence").list.len().alias("n"))
    for d in counted.iter_rows(named=True):
        for backer in d["backers"] or []:
            if backer != d["source"]:
                # A round's other backers invest in it too; their part is not stated.
                rows.append((backer, d["target"], "investor_in", None, d["n"], d["sources"]))
        if d["source"] is None:
            continue
        relation = RELATION_OF_KIND[d["kind"]]
        if relation == "provides_compute_to" and types.get(d["source"]) == "chips":
            relation = "supplies_chips_to"
        usd = d["usd_high"] if d["usd_high"] is not None else d["usd_low"]
        rows.append((d["source"], d["target"], relation, usd, d["n"], d["sources"]))
    for a, b, doc in competitors:
        rows.append((a, b, "competitor_of", None, 1, [doc]))
    parents = (
        mentions.lazy().filter(pl.col("parent").is_not_null())
        .group_by(pl.col("name").alias("source"), pl.col("parent").alias("target"),
                  pl.when(pl.col("kind") == "person").then(pl.lit("works_for"))
                  .otherwise(pl.lit("subsidiary_of")).alias("relation"))
        .agg(pl.lit(None, pl.Float64).alias("usd"), pl.len().cast(pl.UInt32).alias("evidence"),
             pl.col("doc").unique().alias("docs"))
        .collect()
    )
    frame = pl.concat([pl.DataFrame(rows, orient="row", schema=_ROW_SCHEMA),
                       parents.select(list(_ROW_SCHEMA))])
    if frame.height == 0:
        return pl.DataFrame(schema=RELATION_SCHEMA)
    return (
        frame.group_by("source", "target", "relation")
        # usd_total is null, not 0, where no deal of the pair states a figure.
        .agg(pl.len().cast(pl.UInt32).alias("deals"),
             pl.when(pl.col("usd").is_not_null().any()).then(pl.col("usd").sum())
             .alias("usd_total"),
             pl.col("evidence").sum().cast(pl.UInt32),
             pl.col("docs").list.explode(keep_nulls=False, empty_as_null=False).unique().sort()
             .alias("docs"))
        .with_columns(
            pl.when(pl.col("relation").is_in(_NOT_DEALS))
            .then(0).otherwise(pl.col("deals")).cast(pl.UInt32).alias("deals"),
            pl.when(pl.col("relation").is_in(_NOT_DEALS))
            .then(None).otherwise(pl.col("usd_total")).alias("usd_total"),
        )
        .select(list(RELATION_SCHEMA))
        .sort("relation", "source", "target")
    )


def _timeline(deals: pl.DataFrame, valuations: pl.DataFrame) -> pl.DataFrame:
    """Dated deals (each with its first source and evidence sentence) and valuations."""
    dated = deals.filter(pl.col("date").is_not_null()).select(
        "date", pl.col("date_precision").alias("precision"), pl.lit("deal").alias("event"),
        "kind", "source", "target", "usd_low", "usd_high", "status", "deal_id",
        pl.col("sources").list.first().alias("doc"),
        pl.col("evidence").list.first().struct.field("sentence").alias("text"))
    rows = list(dated.iter_rows(named=True))
    for v in valuations.filter(pl.col("date").is_not_null()).iter_rows(named=True):
        year = v["date"].year
        rows.append({"date": v["date"], "precision": v["precision"], "event": "valuation",
                     "kind": None, "source": None, "target": v["target"],
                     "usd_low": to_usd(v["low"], v["currency"], year),
                     "usd_high": to_usd(v["high"], v["currency"], year), "status": None,
                     "deal_id": None, "doc": v["doc"], "text": v["text"]})
    if not rows:
        return pl.DataFrame(schema=TIMELINE_SCHEMA)
    return pl.DataFrame(rows, schema=TIMELINE_SCHEMA).sort("date", "event", nulls_last=True)
