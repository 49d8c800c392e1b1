"""The data model: plain, JSON-serialisable dataclasses passed between the pipeline stages.

    article file --parse--> Article --analyse--> ArticleAnalysis --group--> Event
    Event + its ArticleAnalysis list --compare--> EventComparison

Nothing here imports Pelican. Every text field that comes from an article holds the outlet's
own words (verbatim sentences), never text we wrote. The per-article classes have slots (no
per-object __dict__): a build keeps every article's analysis in memory.
"""
from __future__ import annotations

import functools
import operator
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple


@functools.cache
def _fields_getter(cls: type) -> operator.attrgetter:
    return operator.attrgetter(*cls.__slots__)


class _Slotted:
    """Base of the slotted dataclasses: pickled as the class and its field values, rebuilt by
    its __init__. (A slotted dataclass's own pickling calls `dataclasses.fields` per object:
    analyses pass between processes and through the cache by the thousand.)"""

    __slots__ = ()

    def __reduce__(self):
        return type(self), _fields_getter(type(self))(self)


@dataclass(frozen=True, slots=True)
class Block(_Slotted):
    """One block of an article body: a paragraph of prose or a sub-heading."""

    kind: str  # "paragraph" | "heading"
    text: str


@dataclass(slots=True)
class Article(_Slotted):
    """One parsed article file."""

    id: str  # stable slug derived from the file path; unique within a build
    source_path: str  # relative to the content folder, with forward slashes
    title: str
    outlet: str
    url: str | None  # link to the original article (http/https only)
    date: str | None  # ISO date, YYYY-MM-DD
    author: str | None
    event: str | None  # pinned event slug from `Event:` metadata
    blocks: list[Block]
    content_hash: str  # sha256 of the raw file bytes
    title_derived: bool = False  # True when the file had no headline (or gave its lead as one)
    # and the title is the lead, shortened
    outlet_derived: str = "source"  # "source" | "url" | "file": where the outlet name came from
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "paragraph"]


@dataclass(frozen=True, slots=True)
class Sentence(_Slotted):
    """A sentence of the body, numbered in reading order; `id` is its anchor on the article page."""

    id: str  # "s1", "s2", ...
    text: str
    block: int  # index into Article.blocks


def sentence_number(sentence_id: str | None) -> int:
    """A sentence's place in its article from its id ("s12" -> 12); 0 for none (a headline)."""
    digits = "".join(ch for ch in sentence_id or "" if ch.isdigit())
    return int(digits) if digits else 0


@dataclass(slots=True)
class Readability(_Slotted):
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog_index: float | None
    dale_chall: float | None
    words: int
    sentences: int
    reading_time_s: int
    applicable: bool = True  # False for non-English or too-short text: the scores mean nothing
    note: str | None = None


@dataclass(slots=True)
class Number(_Slotted):
    """A quantity stated in a sentence, normalised."""

    value: float
    unit: str  # what is counted, synonyms folded ("troops"), "%" for percentages, "" if unknown
    text: str  # the verbatim span it was read from
    qualifier: str = "exact"  # exact | approx | upper | lower | under | vague
    value_max: float | None = None  # for ranges ("10 to 12 miles")
    subject: str = ""  # what is counted or measured, in the sentence's words ("North Korean troops")
    modality: str = "fact"  # fact | plan | possibility, from the number's clause


@dataclass(slots=True)
class Claim(_Slotted):
    """A sentence that asserts something checkable."""

    id: str  # the sentence id (anchor) it comes from
    text: str  # the verbatim sentence
    kinds: list[str]  # e.g. ["number", "action", "attributed"]
    entities: list[str] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    modality: str = "fact"  # fact | plan | possibility
    score: float = 0.0  # importance within the article (higher = more important)
    predicates: list[str] = field(default_factory=list)  # actions, synonyms folded ("authorize")


@dataclass(slots=True)
class Quote(_Slotted):
    text: str  # the quoted words, verbatim
    speaker: str | None  # a name, a source described in the article's words, or None
    sentence: str  # sentence id the quote starts in
    sentence_text: str = ""  # the verbatim sentence it stands in
    # how the speaker was found: "after", "before", "pronoun", "description" (a role the
    # article gave a person, or an organisation by its kind: "the agency" for the Korean
    # Central News Agency named before), "source" (a source described, not named: "the suit"),
    # "continuation" (a quote going on from the previous one)
    cue: str = ""


@dataclass(slots=True)
class Tone(_Slotted):
    label: str  # "news report" | "analysis" | "opinion"
    reasons: list[str]
    loaded_share: float  # share of sentences with loaded or opinionated wording
    hedges: list[str]  # evidence words, verbatim
    attributions: list[str]
    loaded_words: list[str]
    loaded_sentences: list[str] = field(default_factory=list)  # sentence ids


class GroupingFeatures(NamedTuple):
    """What grouping reads of one article (grouping_features.article_features): the terms of its word,
    name and number views. Internal: not part of the JSON output."""
    words: tuple[str, ...]
    names: tuple[str, ...]
    numbers: tuple[str, ...]


@dataclass(slots=True)
class ArticleAnalysis(_Slotted):
    """Everything computed from one article alone (cacheable by content hash)."""

    article: Article
    sentences: list[Sentence]
    readability: Readability
    summary: list[str]  # sentence ids, in reading order
    key_claims: list[str] = field(default_factory=list)  # claim ids, most important first
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    tone: Tone | None = None
    grouping: GroupingFeatures | None = None  # computed here once, cached with the rest

    def sentence(self, sid: str) -> Sentence:
        return self._by_id()[sid]

    def _by_id(self) -> dict[str, Sentence]:
        return {s.id: s for s in self.sentences}


@dataclass
class Event:
    slug: str
    title: str
    article_ids: list[str]  # ordered: by date, then outlet, then id
    date_first: str | None = None
    date_last: str | None = None


@dataclass
class ClaimGroup:
    id: str  # "g1", "g2", ... in order of importance
    text: str  # the verbatim sentence that stands for it: that of its first article
    articles: list[str]  # article ids, the one whose sentence reads best alone first
    sentences: dict[str, str]  # article id -> verbatim sentence
    anchors: dict[str, str]  # article id -> sentence id
    # a consensus claim's outlets that say it in other words (compare.COVERED_SHARE): article
    # id -> their verbatim sentence, and -> its sentence id
    reworded: dict[str, str] = field(default_factory=dict)
    reworded_anchors: dict[str, str] = field(default_factory=dict)


@dataclass
class ConflictValue:
    article: str
    value: float
    text: str  # verbatim number span
    sentence: str  # verbatim sentence
    anchor: str  # sentence id
    qualifier: str = "exact"


@dataclass
class Conflict:
    subject: str
    unit: str
    values: list[ConflictValue]


@dataclass
class EventComparison:
    event: Event
    claim_groups: list[ClaimGroup] = field(default_factory=list)
    consensus: list[str] = field(default_factory=list)  # claim group ids
    conflicts: list[Conflict] = field(default_factory=list)
    unique: dict[str, list[str]] = field(default_factory=dict)  # article id -> group ids
    omitted: dict[str, list[str]] = field(default_factory=dict)  # article id -> consensus ids
    quotes: list[dict[str, Any]] = field(default_factory=list)  # speaker, text, article, anchor
    quoted_by: dict[str, list[str]] = field(default_factory=dict)  # speaker -> article ids


def to_dict(obj: Any) -> Any:
    """A JSON-ready copy of any model object (dataclasses become dicts)."""
    return asdict(obj)
