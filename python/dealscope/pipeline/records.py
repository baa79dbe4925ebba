"""The records the deal rules pass between them: a company as a sentence names it
(`Org`), a name row as `parties.parties` reads it (`Name`) and the deal a sentence
tells, before merging (`Candidate`)."""

from __future__ import annotations

from dataclasses import dataclass, field

# The metadata of a field that links records rather than holding data: no frame column.
LINK = {"link": True}


@dataclass
class Org:
    name: str
    type: str
    start: int  # offset within the sentence
    after: str = ""  # the text right after the name (for particles such as が)
    end: int = -1  # where the name ends within the sentence
    verb: int = -1  # where its own verb may start: after "will", "plans to" (`cues.doer_gap`)
    head: int = -1  # where "chips de" before it starts (`cues.goods_start`), else `start`
    sold_by: bool = False  # a word for "from" by it: "kauft bei AMD", "エヌビディアから"
    served: bool = False  # a word for "for" right before it: "… GPUs for Microsoft"
    backer: bool = False  # named among a round's backers: "d'investisseurs dont Nokia"
    chip_after: bool = False  # a chipmaker, a chip's name after it: "AMD MI450", "Nvidia's GB300"

    def named_at(self, sentence: str, start: int, end: int) -> Org:
        """This company as the words at `start`..`end` of `sentence` name it (an anaphor,
        a pronoun): its place is theirs, the two characters after them its particle's."""
        return Org(self.name, self.type, start, sentence[end:end + 2], end)


@dataclass(slots=True)
class Candidate:
    doc: int
    sid: int
    kind: str
    source: str | None
    target: str
    low: float | None = None
    high: float | None = None
    currency: str | None = None
    power_w: float | None = None
    chips: float | None = None
    chip: str | None = None
    status: str | None = None
    role: str = "deal"  # deal | total | tranche
    at: int | None = None  # where the amount starts in the document
    backers: tuple[str, ...] = ()  # a round's backers named, the lead among them (rounds.py)
    # The deal a sentence that goes on with it first told (`following.continuation`): a
    # link between candidates, no column of their frame (`LINK`).
    first: Candidate | None = field(default=None, metadata=LINK)
    # A partnership that is a company the two form (a joint venture): what it builds,
    # told after, stays the partnership's (`following.continuation`).
    venture: bool = field(default=False, metadata=LINK)


# A name as `parties` reads it: these columns of a row of `Corpus.mentions`, in this
# order, then its sentence id (plain tuples: an 8 MB batch has some 80,000 names, and
# making a dict of each took twice as long as the tuples).
NAME_COLUMNS = ("doc", "start", "end", "name", "kind", "role", "parent")
Name = tuple[int, int, int, str, str, str | None, str | None, int]
