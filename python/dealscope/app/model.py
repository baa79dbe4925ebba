"""What the app shows, computed from a Corpus with polars: no Textual here, so it is testable.

Each view gets a frame of display strings (what the table shows) kept row-aligned with the
raw columns it came from (what sorting, filtering, details and export use).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from ..formatting import fmt_date, fmt_number, fmt_power, fmt_range, fmt_side, fmt_value

# (label, display column, sort column): the order the tables show.
DEAL_COLUMNS = (
    ("date", "when", "date"),
    ("kind", "kind", "kind"),
    ("source → target", "parties", "parties"),
    ("amount (USD)", "amount", "usd_sort"),
    ("as stated", "stated", "usd_sort"),
    ("power", "power", "power_w"),
    ("chips", "chips_shown", "chips"),
    ("status", "status_shown", "status"),
    ("langs", "langs", "langs"),
    ("docs", "n_docs", "n_docs"),
)
AMOUNT_COLUMNS = (
    ("doc", "doc", "doc"),
    ("lang", "lang", "lang"),
    ("as written", "text", "text"),
    ("kind", "kind", "kind"),
    ("value", "value_shown", "value"),
    ("low–high", "bounds", "low"),
    ("unit", "unit_shown", "unit"),
    ("qualifier", "qualifier", "qualifier"),
)
DOCUMENT_COLUMNS = (
    ("doc", "doc", "doc"),
    ("lang", "lang", "lang"),
    ("published", "published_shown", "published"),
    ("title", "title_shown", "title_shown"),
    ("deals", "n_deals", "n_deals"),
    ("amounts", "n_amounts", "n_amounts"),
    ("names", "n_names", "n_names"),
    ("chars", "n_chars", "n_chars"),
    ("encoding", "encoding_shown", "encoding_shown"),
)

# How a neighbour stands to the company in focus: (when the company is the source,
# when it is the target). Symmetric relations read the same both ways.
NEIGHBOUR_ROLES = {
    "investor_in": ("investee", "investor"),
    "provides_compute_to": ("compute customer", "compute provider"),
    "supplies_chips_to": ("chip customer", "chip supplier"),
    "acquired": ("acquired", "acquirer"),
    "partner_of": ("partner", "partner"),
    "competitor_of": ("competitor", "competitor"),
    "subsidiary_of": ("parent", "subsidiary"),
    "works_for": ("employer", "person"),
}
SYMMETRIC = {"partner_of", "competitor_of"}


def _str(expr: pl.Expr) -> pl.Expr:
    return expr.cast(pl.String).fill_null("")


def _formatted(frame: pl.DataFrame, columns: tuple[str, ...], fmt) -> pl.Series:
    """fmt(*row) for each row of `columns`, computed once per distinct row."""
    keys = frame.select(columns)
    distinct = keys.unique(maintain_order=True)
    shown = [fmt(*row) for row in distinct.rows()]
    table = distinct.with_columns(pl.Series("_shown", shown, pl.String))
    return keys.join(table, on=list(columns), how="left", nulls_equal=True,
                     maintain_order="left")["_shown"]


def deal_rows(deals: pl.DataFrame) -> pl.DataFrame:
    """Deals with their display columns, a sort key for amounts and a search text."""
    if deals.height == 0:
        return deals.with_columns(
            *(pl.lit("", pl.String).alias(c) for c in
              ("when", "parties", "amount", "stated", "power", "chips_shown", "status_shown",
               "langs", "search")),
            pl.lit(None, pl.Float64).alias("usd_sort"),
            pl.lit(0, pl.UInt32).alias("n_docs"),
            pl.lit(None, pl.Int32).alias("year"),
        )
    # Only the scalar columns cross into Python (the evidence lists stay in polars), and
    # each distinct value is formatted once: repeated figures are the common case.
    when = _formatted(deals, ("date", "date_precision"), fmt_date)
    amount = _formatted(deals, ("usd_low", "usd_high"), lambda lo, hi: fmt_range(lo, hi, "$"))
    # The figure in the currency the article used, where that was not USD.
    stated = _formatted(deals, ("low", "high", "currency"), lambda lo, hi, cur: (
        f"{fmt_range(lo, hi)} {cur}" if cur and cur != "USD" and fmt_range(lo, hi) else ""))
    power = _formatted(deals, ("power_w",), fmt_power)
    # Backers joined into one string: a list is no join key.
    side = _formatted(deals.with_columns(pl.col("backers").list.join("\x1f").alias("_backers")),
                      ("source", "_backers"),
                      lambda source, backers: fmt_side(source, backers.split("\x1f")
                                                       if backers else []))
    chips = _formatted(deals, ("chips", "chip"), lambda n, chip: " ".join(
        x for x in (fmt_number(n) if n else "", chip or "") if x))
    return deals.with_columns(
        when.alias("when"),
        (side + " → " + _str(pl.col("target"))).alias("parties"),
        amount.alias("amount"),
        stated.alias("stated"),
        pl.coalesce("usd_high", "usd_low").alias("usd_sort"),
        power.alias("power"),
        chips.alias("chips_shown"),
        _str(pl.col("status")).alias("status_shown"),
        pl.col("languages").list.join(",").alias("langs"),
        pl.col("sources").list.len().cast(pl.UInt32).alias("n_docs"),
        pl.col("date").dt.year().alias("year"),
    ).with_columns(
        pl.concat_str(
            "parties", pl.col("backers").list.join(" "), "kind", "langs", "status_shown",
            _str(pl.col("chip")), "when",
            pl.col("evidence").list.eval(pl.element().struct.field("sentence")).list.join(" "),
            separator=" ",
        ).str.to_lowercase().alias("search")
    )


@dataclass
class Prepared:
    """A corpus with the frames its views show, computed off the UI thread."""

    corpus: object
    deals: pl.DataFrame
    amounts: pl.DataFrame
    documents: pl.DataFrame
    companies: pl.DataFrame


def prepare(corpus) -> Prepared:
    return Prepared(corpus, deal_rows(corpus.deals), amount_rows(corpus),
                    document_rows(corpus), companies(corpus))


@dataclass
class Facets:
    """The deal filters a person can set; None means any."""

    query: str = ""
    kind: str | None = None
    company: str | None = None
    language: str | None = None
    status: str | None = None
    year: int | None = None


def filter_deals(rows: pl.DataFrame, facets: Facets) -> pl.DataFrame:
    keep = pl.lit(True)
    if facets.query.strip():
        for word in facets.query.lower().split():
            keep &= pl.col("search").str.contains(word, literal=True)
    if facets.kind:
        keep &= pl.col("kind") == facets.kind
    if facets.company:
        keep &= (pl.col("source") == facets.company) | (pl.col("target") == facets.company) \
            | pl.col("backers").list.contains(facets.company)
    if facets.language:
        keep &= pl.col("languages").list.contains(facets.language)
    if facets.status:
        keep &= pl.col("status") == facets.status
    if facets.year is not None:
        keep &= pl.col("year") == facets.year
    return rows.filter(keep)


def facet_values(rows: pl.DataFrame) -> dict[str, list]:
    """The choices each facet offers, from the data (sorted, no nulls)."""
    if rows.height == 0:
        return {"kind": [], "company": [], "language": [], "status": [], "year": []}
    companies = pl.concat([rows["source"], rows["target"], rows["backers"].list.explode()]) \
        .drop_nulls().unique().sort()
    return {
        "kind": rows["kind"].drop_nulls().unique().sort().to_list(),
        "company": companies.to_list(),
        "language": rows["languages"].list.explode().drop_nulls().unique().sort().to_list(),
        "status": rows["status"].drop_nulls().unique().sort().to_list(),
        "year": rows["year"].drop_nulls().unique().sort().to_list(),
    }


def sort_rows(rows: pl.DataFrame, column: str, descending: bool) -> pl.DataFrame:
    """Sorted by a raw column, missing values last whichever the direction."""
    if column not in rows.columns or rows.height == 0:
        return rows
    return rows.sort(column, descending=descending, nulls_last=True, maintain_order=True)


def display(rows: pl.DataFrame, columns) -> pl.DataFrame:
    """The strings a table shows, in the given order and with the given labels."""
    return rows.select(
        pl.col(col).cast(pl.String).fill_null("").alias(label) for label, col, _ in columns
    )


# --- evidence -------------------------------------------------------------------------

@dataclass
class Mark:
    """A highlighted span inside an evidence sentence (offsets relative to it)."""

    start: int
    end: int
    kind: str  # name | candidate | amount | date
    text: str
    note: str  # the parsed value beside it


@dataclass
class Evidence:
    doc: int
    path: str
    lang: str
    published: str
    sentence: str
    start: int
    marks: list[Mark]


def _marks_in(frame: pl.DataFrame, doc: int, start: int, end: int) -> pl.DataFrame:
    return frame.filter(
        (pl.col("doc") == doc) & (pl.col("start") >= start) & (pl.col("end") <= end)
    )


def evidence_of(corpus, deal: dict) -> list[Evidence]:
    """Every sentence behind a deal, with names, amounts and dates marked and read."""
    docs = corpus.documents
    out = []
    for ev in deal["evidence"] or []:
        doc, start, end = ev["doc"], ev["start"], ev["end"]
        marks: list[Mark] = []
        for m in _marks_in(corpus.mentions, doc, start, end).iter_rows(named=True):
            kind = "candidate" if m["kind"] == "candidate" else "name"
            note = m["name"] or ""
            marks.append(Mark(m["start"] - start, m["end"] - start, kind, m["text"], note))
        for a in _marks_in(corpus.amounts, doc, start, end).iter_rows(named=True):
            marks.append(Mark(a["start"] - start, a["end"] - start, "amount", a["text"],
                              amount_note(a)))
        for d in _marks_in(corpus.dates, doc, start, end).iter_rows(named=True):
            note = fmt_date(d["date"], d["precision"])
            if d["relation"] and d["relation"] != "on":
                note = f"{d['relation']} {note}"
            marks.append(Mark(d["start"] - start, d["end"] - start, "date", d["text"], note))
        marks.sort(key=lambda m: (m.start, -m.end))
        row = docs.filter(pl.col("doc") == doc).row(0, named=True) if docs.height else {}
        out.append(Evidence(
            doc=doc, path=row.get("path") or f"document {doc}", lang=row.get("lang") or "",
            published=fmt_date(row.get("published"), row.get("published_precision")),
            sentence=ev["sentence"], start=start, marks=marks,
        ))
    return out


def amount_note(a: dict) -> str:
    """An amount as the parser read it: '4 bn USD', '≤ 10 bn USD', '1 GW', '~3%'."""
    unit = a["unit"] or ""
    if a["qualifier"] in ("range", "at_most", "at_least", "vague") or a["value"] is None:
        lo, hi = fmt_value(a["low"], unit), fmt_value(a["high"], unit)
        figure = (lo if lo == hi else f"{lo}–{hi}") if lo and hi else \
            (f"≤ {hi}" if hi else f"≥ {lo}" if lo else "")
    else:
        figure = ("~" if a["qualifier"] == "approx" else "") + fmt_value(a["value"], unit)
    if unit in ("W", "%"):
        return figure
    return f"{figure} {unit}".strip()


# --- amounts and documents --------------------------------------------------------------

def amount_rows(corpus) -> pl.DataFrame:
    amounts = corpus.amounts
    langs = corpus.documents.select("doc", "lang")
    if amounts.height == 0:
        return amounts.with_columns(
            pl.lit("", pl.String).alias(c)
            for c in ("lang", "value_shown", "bounds", "unit_shown", "search")
        )
    value = _formatted(amounts, ("value", "unit", "qualifier"), lambda v, unit, q: (
        ("~" if q in ("approx", "vague") else "") + fmt_value(v, unit) if v is not None else ""))
    bounds = _formatted(amounts, ("low", "high", "unit"), lambda lo, hi, unit: amount_note(
        {"low": lo, "high": hi, "value": None, "qualifier": "range",
         "unit": unit if unit in ("W", "%") else ""}))
    return (
        amounts.join(langs, on="doc", how="left", maintain_order="left")
        .with_columns(
            value.alias("value_shown"),
            bounds.alias("bounds"),
            _str(pl.col("unit")).alias("unit_shown"),
        )
        .with_columns(
            pl.concat_str("text", "kind", "unit_shown", _str(pl.col("lang")),
                          _str(pl.col("qualifier")), separator=" ")
            .str.to_lowercase().alias("search")
        )
    )


def filter_text(rows: pl.DataFrame, query: str) -> pl.DataFrame:
    keep = pl.lit(True)
    for word in query.lower().split():
        keep &= pl.col("search").str.contains(word, literal=True)
    return rows.filter(keep)


def document_rows(corpus) -> pl.DataFrame:
    docs = corpus.documents
    if docs.height == 0:
        return docs.with_columns(
            *(pl.lit("", pl.String).alias(c) for c in ("published_shown", "title_shown",
                                                      "encoding_shown", "search")),
            *(pl.lit(0, pl.UInt32).alias(c) for c in ("n_deals", "n_amounts", "n_names",
                                                      "n_chars")),
        )

    def count(frame: pl.DataFrame, name: str) -> pl.DataFrame:
        return frame.group_by("doc").len(name=name).with_columns(pl.col(name).cast(pl.UInt32))

    deal_docs = corpus.deals.select(pl.col("sources").list.explode().alias("doc")) \
        if corpus.deals.height else pl.DataFrame(schema={"doc": pl.UInt32})
    names = corpus.mentions.filter(pl.col("kind") != "candidate")
    first_line = pl.col("text").str.strip_chars().str.split("\n").list.first()
    title = pl.when(pl.col("title").fill_null("") != "").then(pl.col("title")) \
        .otherwise(first_line)
    published = [fmt_date(d, p) + (" (inferred)" if inferred and d else "")
                 for d, p, inferred in docs.select("published", "published_precision",
                                                   "published_inferred").rows()]
    out = docs.with_columns(
        pl.Series("published_shown", published, pl.String),
        title.str.slice(0, 120).alias("title_shown"),
        pl.col("text").str.len_chars().cast(pl.UInt32).alias("n_chars"),
        (_str(pl.col("encoding")) if "encoding" in docs.columns else pl.lit(""))
        .alias("encoding_shown"),
    )
    for frame, name in ((deal_docs, "n_deals"), (corpus.amounts, "n_amounts"),
                        (names, "n_names")):
        out = out.join(count(frame.select("doc"), name), on="doc", how="left",
                       maintain_order="left").with_columns(pl.col(name).fill_null(0))
    return out.with_columns(
        pl.concat_str(_str(pl.col("lang")), "title_shown", "path", separator=" ")
        .str.to_lowercase().alias("search")
    )


def document_marks(corpus, doc: int) -> list[Mark]:
    """Names, amounts and dates of one document, in text order."""
    marks = [Mark(m["start"], m["end"], "candidate" if m["kind"] == "candidate" else "name",
                  m["text"], m["name"] or "")
             for m in corpus.mentions.filter(pl.col("doc") == doc).iter_rows(named=True)]
    marks += [Mark(a["start"], a["end"], "amount", a["text"], amount_note(a))
              for a in corpus.amounts.filter(pl.col("doc") == doc).iter_rows(named=True)]
    marks += [Mark(d["start"], d["end"], "date", d["text"], fmt_date(d["date"], d["precision"]))
              for d in corpus.dates.filter(pl.col("doc") == doc).iter_rows(named=True)]
    return sorted(marks, key=lambda m: (m.start, -m.end))


# --- timeline ---------------------------------------------------------------------------

def _group_of(date: dt.date, precision: str) -> str:
    """The heading an event sits under: its month, its quarter, its half, or its year alone."""
    if precision in ("day", "week", "month"):
        return fmt_date(date, "month")
    if precision in ("quarter", "half"):
        return fmt_date(date, precision)
    return f"{date.year} (month not stated)"


def timeline_groups(timeline: pl.DataFrame, company: str | None = None
                    ) -> list[tuple[int, list[tuple[str, list[dict]]]]]:
    """[(year, [(group heading, events)])], in date order; undated events are left out."""
    events = timeline.filter(pl.col("date").is_not_null())
    if company:
        events = events.filter((pl.col("source") == company) | (pl.col("target") == company))
    # Year-only events first in their year: they are the least precise, not January;
    # then halves, then quarters, so that each heading gathers its events once.
    rank = pl.col("precision").replace_strict({"year": 0, "half": 1, "quarter": 2}, default=3,
                                              return_dtype=pl.UInt8)
    events = events.with_columns(pl.col("date").dt.year().alias("_year"), rank.alias("_rank"))
    events = events.sort("_year", "_rank", "date", maintain_order=True)
    years: list[tuple[int, list[tuple[str, list[dict]]]]] = []
    for row in events.iter_rows(named=True):
        if not years or years[-1][0] != row["_year"]:
            years.append((row["_year"], []))
        group = _group_of(row["date"], row["precision"])
        groups = years[-1][1]
        if not groups or groups[-1][0] != group:
            groups.append((group, []))
        groups[-1][1].append(row)
    return years


def value_by_period(deals: pl.DataFrame, by: str = "quarter", company: str | None = None
                    ) -> tuple[list[str], list[float], list[float], int]:
    """(period labels, sum of lower bounds, sum of upper bounds, deals left out) in USD.

    By quarter, deals dated only by year or half cannot be placed honestly and are counted
    as left out; a missing bound counts as the other one (an exact figure has both).
    """
    frame = deals.filter(pl.col("date").is_not_null()
                         & (pl.col("usd_low").is_not_null() | pl.col("usd_high").is_not_null()))
    if company:
        frame = frame.filter((pl.col("source") == company) | (pl.col("target") == company))
    left_out = 0
    if by == "quarter":
        placed = frame.filter(~pl.col("date_precision").is_in(["year", "half"]))
        left_out = frame.height - placed.height
        period = pl.format("{}-Q{}", pl.col("date").dt.year(), pl.col("date").dt.quarter())
        frame = placed
    else:
        period = pl.col("date").dt.year().cast(pl.String)
    if frame.height == 0:
        return [], [], [], left_out
    sums = (
        frame.with_columns(period.alias("period"))
        .group_by("period")
        .agg(pl.col("usd_low").fill_null(0).sum().alias("low"),
             pl.coalesce("usd_high", "usd_low").sum().alias("high"))
        .sort("period")
    )
    return sums["period"].to_list(), sums["low"].to_list(), sums["high"].to_list(), left_out


# --- relationships ------------------------------------------------------------------------

def companies(corpus) -> pl.DataFrame:
    """Every party of a relation or deal with how many relations it has."""
    rel = corpus.relations
    if rel.height == 0:
        return pl.DataFrame(schema={"company": pl.String, "relations": pl.UInt32})
    names = pl.concat([rel.select(pl.col("source").alias("company")),
                       rel.select(pl.col("target").alias("company"))]).drop_nulls()
    return (names.group_by("company").len(name="relations")
            .with_columns(pl.col("relations").cast(pl.UInt32))
            .sort(["relations", "company"], descending=[True, False]))


def neighbours(relations: pl.DataFrame, company: str) -> pl.DataFrame:
    """The company's neighbourhood: one row per (neighbour, relation), with its role,
    the side it stands on (in: points at the company; out: the company points at it)."""
    out = relations.filter(pl.col("source") == company).select(
        pl.col("target").alias("neighbour"), "relation", pl.lit("out").alias("side"),
        "deals", "usd_total", "evidence", "docs")
    inc = relations.filter(pl.col("target") == company).select(
        pl.col("source").alias("neighbour"), "relation", pl.lit("in").alias("side"),
        "deals", "usd_total", "evidence", "docs")
    both = pl.concat([inc, out])
    roles = [NEIGHBOUR_ROLES.get(r, (r, r))[0 if s == "out" else 1]
             for r, s in both.select("relation", "side").rows()]
    return both.with_columns(
        pl.Series("role", roles, pl.String),
        # A relation with no stated amount carries a total of 0: show nothing, not "$0".
        pl.col("usd_total").map_elements(lambda v: fmt_range(v, v, "$") if v else "",
                                         return_dtype=pl.String).fill_null("").alias("usd"),
    ).sort(["side", "role", "neighbour"])


def graph_sides(nb: pl.DataFrame) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(left, right) of the ego picture: who points at the company, and whom it points at;
    one edge per neighbour and side, its roles joined. Symmetric relations go to whichever
    side is shorter."""
    sides: dict[str, dict[str, list[str]]] = {"in": {}, "out": {}, "both": {}}
    for row in nb.iter_rows(named=True):
        side = "both" if row["relation"] in SYMMETRIC else row["side"]
        label = row["role"] + (f" {row['usd']}" if row["usd"] else "")
        sides[side].setdefault(row["neighbour"], []).append(label)
    left = [(name, " · ".join(labels)) for name, labels in sides["in"].items()]
    right = [(name, " · ".join(labels)) for name, labels in sides["out"].items()]
    for name, labels in sides["both"].items():
        (left if len(left) < len(right) else right).append((name, " · ".join(labels)))
    return left, right
