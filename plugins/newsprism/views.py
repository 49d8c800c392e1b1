"""View models for the reader's site: what each page shows, computed once, presented by templates.

Pure functions from the core model (EventComparison, ArticleAnalysis) to small dataclasses:
the claims matrix cells, per-outlet columns, averages per outlet, bar-chart geometry, article
sentences with their highlights, pagination and feed/sitemap entries. No Pelican, no Jinja.

Every link is a path relative to the site root ("articles/<id>/index.html#s3"); templates put
the page's own root in front, so the site works under any sub-path and from a file system.
Every text shown is the outlet's verbatim sentence or a number computed from it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable

from .model import (ArticleAnalysis, ClaimGroup, EventComparison, Quote, Readability, Sentence,
                    sentence_number)
from .numbers import with_qualifier
from .text import lower_words, slugify, words

# Readability figures shown per outlet, with what a higher value means.
READABILITY_METRICS: list[tuple[str, str, str]] = [
    ("flesch_reading_ease", "Flesch reading ease", "higher is easier"),
    ("flesch_kincaid_grade", "Flesch–Kincaid grade", "school grade; lower is easier"),
    ("gunning_fog", "Gunning fog", "years of schooling; lower is easier"),
    ("smog_index", "SMOG", "school grade; lower is easier"),
    ("dale_chall", "Dale–Chall", "lower is easier"),
]
GRADE_METRICS = ("flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall")


# ---------------------------------------------------------------------------------------------
# Links


def article_href(article_id: str, anchor: str | None = None) -> str:
    return f"articles/{article_id}/index.html" + (f"#{anchor}" if anchor else "")


def event_href(slug: str) -> str:
    return f"events/{slug}/index.html"


def outlet_href(slug: str) -> str:
    return f"outlets/{slug}/index.html"


def page_href(number: int) -> str:
    """The digest's page `number` (1-based): the first is the site's index."""
    return "index.html" if number == 1 else f"page/{number}/index.html"


def safe_source_url(url: str | None) -> str | None:
    """Only http(s) links to an original article; anything else (javascript:, data:) is dropped."""
    if url and re.match(r"https?://[^\s/]", url, re.IGNORECASE):
        return url
    return None


def outlet_slugs(names: Iterable[str]) -> dict[str, str]:
    """One slug per outlet name, made unique deterministically ("bbc", "bbc-2")."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(set(names)):
        base = slugify(name)
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        out[name] = slug
    return out


# ---------------------------------------------------------------------------------------------
# Charts: horizontal bars as inline SVG geometry (read without script, labelled in text)


@dataclass
class Bar:
    label: str
    value: float | None  # None: not scored
    display: str  # the value as shown
    y: float  # top of the row
    width: float  # bar length in SVG units (0 when not scored)


@dataclass
class Chart:
    title: str
    note: str  # what the figure means ("higher is easier")
    bars: list[Bar]
    max_value: float
    width: int = 320
    bar_x: int = 0
    bar_area: int = 250  # room for bars; the rest holds the value label
    row: int = 34
    bar_height: int = 12

    @property
    def height(self) -> int:
        return max(1, len(self.bars)) * self.row + 4


def bar_chart(title: str, note: str, items: list[tuple[str, float | None]],
              max_value: float | None = None, fmt: str = "{:.1f}") -> Chart:
    """Bars for `items` (label, value) on one scale from 0 to `max_value` (default: the largest
    value). Negative values (a Flesch score can be below 0) draw as an empty bar."""
    values = [v for _, v in items if v is not None]
    top = max_value if max_value is not None else max([v for v in values if v > 0], default=1.0)
    top = top or 1.0
    chart = Chart(title=title, note=note, bars=[], max_value=top)
    for i, (label, value) in enumerate(items):
        width = 0.0 if value is None else round(max(0.0, min(value, top)) / top * chart.bar_area, 1)
        chart.bars.append(Bar(label=label, value=value,
                              display="not scored" if value is None else fmt.format(value),
                              y=i * chart.row, width=width))
    return chart


# ---------------------------------------------------------------------------------------------
# Event page


@dataclass
class Cited:
    """A verbatim sentence and where it stands: the outlet, its article, its anchor."""

    text: str
    article: str
    outlet: str
    href: str
    only_here: bool = False  # a summary line that is also a claim only this outlet reports


@dataclass
class ConsensusView:
    group: str
    text: str
    href: str
    outlets: list[Cited]  # every outlet's own sentence for the claim
    reworded: list[Cited] = field(default_factory=list)  # outlets saying it in other words


@dataclass
class ConflictValueView:
    outlet: str
    article: str
    value: float
    text: str  # the number as the outlet wrote it, with its qualifier ("at least 150 migrants")
    sentence: str
    href: str
    qualifier: str

    @property
    def qualified(self) -> str:
        """What the qualifier says of the figure, in words ("" for an exact one)."""
        return QUALIFIER_WORDS.get(self.qualifier, "")


# How a figure the outlet qualified is shown ("More than 150 migrants": 150, a lower bound).
QUALIFIER_WORDS = {"approx": "approximate", "lower": "a lower bound", "upper": "an upper bound",
                   "under": "just under"}


@dataclass
class ConflictView:
    subject: str
    unit: str
    values: list[ConflictValueView]

    @property
    def unit_shown(self) -> str:
        """The unit, unless the subject already says it ("migrants", "North Korean troops")."""
        return "" if self.unit.lower() in self.subject.lower().split() else self.unit


@dataclass
class MatrixCell:
    state: str  # "reported" | "absent" | "conflict"
    label: str  # screen-reader and print text: "reported", "not reported", "conflicting: 11,000"
    href: str | None = None
    sentence: str | None = None
    value: str | None = None  # the conflicting number as the outlet wrote it


@dataclass
class MatrixRow:
    group: str
    text: str
    href: str
    consensus: bool
    cells: list[MatrixCell]


@dataclass
class QuoteView:
    speaker: str
    text: str
    outlet: str
    article: str
    href: str
    place: int = 0  # the number of its sentence in the article ("s12": 12)
    unnamed_here: bool = False  # its outlet names no speaker; `speaker` is another outlet's


@dataclass
class SharedQuote:
    """One quotation, in the words of the first outlet that gives it (`text`, `href`), and
    every outlet that gives it in the same words, each linked to its own sentence; and the
    outlets that quote only a part of it (`in_part_by`, each with its own words and link)."""
    text: str
    href: str
    quoted_by: list[QuoteView]
    in_part_by: list[QuoteView] = field(default_factory=list)


@dataclass
class SpeakerQuotes:
    speaker: str
    quotes: list[SharedQuote]


UNNAMED = "unnamed speaker"  # how a quote with no speaker is listed
_QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


# "Mr Flynn" in a London house style is "Mr. Flynn" in a New York one
_HOUSE_STYLE_STOP = re.compile(r"\b(Mrs?|Ms|Dr|St)\.")


def same_words(text: str) -> str:
    """What two outlets' versions of a quotation must share to be shown as one: the words and
    their punctuation, whatever the case, the spacing, the quotation marks' style, the stop
    after "Mr" (a house style) and the stop the quotation was cut at."""
    text = _HOUSE_STYLE_STOP.sub(r"\1", text.translate(_QUOTE_FOLD))
    return " ".join(text.split()).rstrip(" .,;:!?…").casefold()


# A part of a longer quotation this many words long or longer is shown with it.
MIN_PART_WORDS = 4


def speaker_quotes(quotes: list[QuoteView]) -> list[SpeakerQuotes]:
    """The event's quotes by speaker, most quoted first ("unnamed speaker" last); a quotation
    several outlets give in the same words is listed once, with each of them, and so is one
    that other outlets quote only a part of (`_with_parts`)."""
    by_speaker: dict[str, list[QuoteView]] = {}
    for q in _speakers_from_other_outlets(quotes):
        by_speaker.setdefault(q.speaker, []).append(q)
    out = []
    for speaker, qs in sorted(by_speaker.items(), key=lambda kv: (
            kv[0] == UNNAMED, -len(kv[1]), kv[0])):
        shared: dict[str, SharedQuote] = {}
        for q in qs:
            one = shared.setdefault(same_words(q.text), SharedQuote(q.text, q.href, []))
            if all(o.article != q.article for o in one.quoted_by):
                one.quoted_by.append(q)
        out.append(SpeakerQuotes(speaker, _with_parts(shared)))
    return out


def _speakers_from_other_outlets(quotes: list[QuoteView]) -> list[QuoteView]:
    """A quotation with no speaker that another outlet gives, in the same words (punctuation
    aside, for whose they are: "complimented and myriad", "complimented, and myriad"; shown,
    they stay two quotations, as `same_words` keeps punctuation) or as a longer quotation
    holding them (at least MIN_PART_WORDS words), with one speaker named is listed under that
    speaker: The New York Times's "went to great lengths to set dining room scenes ...", whose
    "they wrote" we could not resolve, is the three chairmen's, as Breitbart names them. It is
    marked `unnamed_here`, as its own outlet's column names no one. Unnamed quotes are few:
    each is compared with each named one."""
    named: dict[str, set[str]] = {}
    for q in quotes:
        if q.speaker != UNNAMED:
            named.setdefault(_bare_words(q.text), set()).add(q.speaker)
    out = []
    for q in quotes:
        if q.speaker == UNNAMED:
            key = _bare_words(q.text)
            speakers = set(named.get(key, ()))
            if len(key.split()) >= MIN_PART_WORDS:
                for whole, who in named.items():
                    if len(whole) > len(key) and _holds_words(whole, key):
                        speakers |= who
            if len(speakers) == 1:
                q = replace(q, speaker=speakers.pop(), unnamed_here=True)
        out.append(q)
    return out


def _bare_words(text: str) -> str:
    """A quotation's words (`text.words`), whatever their case and the punctuation between."""
    return " ".join(lower_words(words(text.replace("’", "'"))))


def _with_parts(shared: dict[str, SharedQuote]) -> list[SharedQuote]:
    """The quotations of one speaker, each that is a part of a longer one (its words, at least
    MIN_PART_WORDS of them, inside the longer one's: "have my blessing to discuss the end of the
    war" in "They do have my blessing to discuss the end of the war") folded into the longer
    one as quoted in part by its outlets; an outlet that quotes the whole is not listed again.
    One speaker's quotations in one event are few: each is compared with each."""
    keys = sorted(shared, key=len, reverse=True)
    folded: set[str] = set()
    for i, part in enumerate(keys):
        if len(part.split()) < MIN_PART_WORDS:
            continue
        whole = next((k for k in keys[:i] if k not in folded and len(k) > len(part)
                      and _holds_words(k, part)), None)
        if whole is None:
            continue
        folded.add(part)
        into = shared[whole]
        for q in shared[part].quoted_by + shared[part].in_part_by:
            if all(o.article != q.article for o in into.quoted_by + into.in_part_by):
                into.in_part_by.append(q)
    return [v for k, v in shared.items() if k not in folded]


def _holds_words(whole: str, part: str) -> bool:
    """Is `part` inside `whole` as whole words (not "war" in "warn")?"""
    start = whole.find(part)
    while start >= 0:
        end = start + len(part)
        if (start == 0 or not whole[start - 1].isalnum()) and (
                end == len(whole) or not whole[end].isalnum()):
            return True
        start = whole.find(part, start + 1)
    return False


@dataclass
class ToneView:
    label: str
    loaded_share: float
    reasons: list[str]
    hedges: list[str]
    loaded_words: list[str]


@dataclass
class OutletColumn:
    article: str
    outlet: str
    outlet_href: str
    title: str
    href: str
    source_url: str | None
    date: str | None
    summary: list[Cited]
    unique: list[Cited]
    omitted: list[Cited]  # consensus claims this outlet does not carry (other outlets' words)
    quotes: list[QuoteView]
    readability: Readability
    tone: ToneView | None


@dataclass
class TimelineDay:
    date: str | None  # None: the articles whose file gives no date, listed last
    articles: list[Cited]  # text = headline


@dataclass
class EventView:
    slug: str
    title: str
    href: str
    date_first: str | None
    date_last: str | None
    outlets: list[str]
    consensus: list[ConsensusView]
    conflicts: list[ConflictView]
    matrix_outlets: list[str]
    matrix: list[MatrixRow]  # claim groups at least two articles carry
    unshared: int  # claims only one outlet reports (listed in its column, not the matrix)
    columns: list[OutletColumn]
    speakers: list[SpeakerQuotes]
    timeline: list[TimelineDay]
    charts: list[Chart]
    description: str


def _once(items: Iterable[str]) -> list[str]:
    """Each word once, in order of first use, whatever its case ("likely, Likely" -> "likely")."""
    out: dict[str, str] = {}
    for w in items:
        out.setdefault(w.casefold(), w)
    return list(out.values())


def _tone_view(a: ArticleAnalysis) -> ToneView | None:
    t = a.tone
    if t is None:
        return None
    return ToneView(label=t.label, loaded_share=t.loaded_share, reasons=list(t.reasons),
                    hedges=_once(t.hedges), loaded_words=_once(t.loaded_words))


def _quote_views(c: EventComparison, by_id: dict[str, ArticleAnalysis]) -> list[QuoteView]:
    """The event's quotes: the comparison's list when it has one, else each article's own."""
    out: list[QuoteView] = []
    if c.quotes:
        for q in c.quotes:
            art = q.get("article")
            if art not in by_id:
                continue
            anchor = q.get("anchor") or q.get("sentence")
            out.append(QuoteView(speaker=q.get("speaker") or UNNAMED, text=q["text"],
                                 outlet=by_id[art].article.outlet, article=art,
                                 href=article_href(art, anchor), place=sentence_number(anchor)))
        return out
    for i, a in by_id.items():
        for q in a.quotes:
            out.append(QuoteView(speaker=q.speaker or UNNAMED, text=q.text,
                                 outlet=a.article.outlet, article=i,
                                 href=article_href(i, q.sentence),
                                 place=sentence_number(q.sentence)))
    return out


def _group_cited(g: ClaimGroup, by_id: dict[str, ArticleAnalysis]) -> list[Cited]:
    return [Cited(text=g.sentences.get(i, g.text), article=i, outlet=by_id[i].article.outlet,
                  href=article_href(i, g.anchors.get(i)))
            for i in g.articles if i in by_id]


def _reworded_cited(g: ClaimGroup, by_id: dict[str, ArticleAnalysis]) -> list[Cited]:
    return [Cited(text=text, article=i, outlet=by_id[i].article.outlet,
                  href=article_href(i, g.reworded_anchors.get(i)))
            for i, text in g.reworded.items() if i in by_id]


def _group_href(g: ClaimGroup) -> str:
    first = g.articles[0] if g.articles else ""
    return article_href(first, g.anchors.get(first)) if first else ""


def event_view(c: EventComparison, analyses: list[ArticleAnalysis],
               slugs: dict[str, str]) -> EventView:
    """Everything the event page shows, in its order: consensus, conflicts, matrix, columns."""
    by_id = {a.article.id: a for a in analyses}
    ids = [a.article.id for a in analyses]
    groups = {g.id: g for g in c.claim_groups}
    consensus_ids = [g for g in c.consensus if g in groups]
    consensus = [ConsensusView(group=g, text=groups[g].text, href=_group_href(groups[g]),
                               outlets=_group_cited(groups[g], by_id),
                               reworded=_reworded_cited(groups[g], by_id))
                 for g in consensus_ids]

    conflicts = [ConflictView(subject=x.subject, unit=x.unit, values=[
        ConflictValueView(outlet=by_id[v.article].article.outlet, article=v.article,
                          value=v.value, text=with_qualifier(v.sentence, v.text),
                          sentence=v.sentence,
                          href=article_href(v.article, v.anchor), qualifier=v.qualifier)
        for v in x.values if v.article in by_id]) for x in c.conflicts]

    # A cell conflicts when that outlet's sentence for the group carries a conflicting value.
    conflicting: dict[tuple[str, str], str] = {}
    for x in c.conflicts:
        for v in x.values:
            conflicting[(v.article, v.anchor)] = with_qualifier(v.sentence, v.text)
    # The matrix compares: one row per claim group at least two articles carry (a claim only one
    # article carries is listed in that outlet's column, "Only this outlet reports").
    matrix = []
    for g in c.claim_groups:
        if len(g.articles) < 2:
            continue
        cells = []
        for i in ids:
            if i in g.reworded:  # a consensus claim this outlet words its own way
                cells.append(MatrixCell("reported", "reported in other words",
                                        article_href(i, g.reworded_anchors.get(i)),
                                        g.reworded[i]))
                continue
            if i not in g.articles:
                cells.append(MatrixCell("absent", "not reported"))
                continue
            anchor = g.anchors.get(i)
            href, sentence = article_href(i, anchor), g.sentences.get(i)
            if (i, anchor) in conflicting:
                value = conflicting[(i, anchor)]
                cells.append(MatrixCell("conflict", f"conflicting value: {value}", href, sentence,
                                        value))
            else:
                cells.append(MatrixCell("reported", "reported", href, sentence))
        matrix.append(MatrixRow(group=g.id, text=g.text, href=_group_href(g),
                                consensus=g.id in consensus_ids, cells=cells))

    quotes = _quote_views(c, by_id)
    speaker_list = speaker_quotes(quotes)

    columns = []
    for a in analyses:
        i, art = a.article.id, a.article
        sentences = {s.id: s.text for s in a.sentences}
        # a claim only this outlet reports that is a summary line is marked there, not listed
        # again below it
        unique_anchors = {groups[g].anchors.get(i) for g in c.unique.get(i, []) if g in groups}
        columns.append(OutletColumn(
            article=i, outlet=art.outlet, outlet_href=outlet_href(slugs[art.outlet]),
            title=art.title, href=article_href(i), source_url=safe_source_url(art.url),
            date=art.date,
            summary=[Cited(sentences[s], i, art.outlet, article_href(i, s), s in unique_anchors)
                     for s in a.summary if s in sentences],
            unique=[Cited(groups[g].sentences.get(i, groups[g].text), i, art.outlet,
                          article_href(i, groups[g].anchors.get(i)))
                    for g in c.unique.get(i, [])
                    if g in groups and groups[g].anchors.get(i) not in a.summary],
            omitted=[Cited(groups[g].text, groups[g].articles[0] if groups[g].articles else i,
                           by_id[groups[g].articles[0]].article.outlet
                           if groups[g].articles and groups[g].articles[0] in by_id else "",
                           _group_href(groups[g]))
                     for g in c.omitted.get(i, []) if g in groups],
            # in the order the article gives them: its first quotes are the ones it leads with
            quotes=sorted((q for q in quotes if q.article == i), key=lambda q: q.place),
            readability=a.readability, tone=_tone_view(a)))

    timeline: dict[str | None, list[Cited]] = {}
    for a in analyses:  # an undated article is listed too, never given a date we guessed
        timeline.setdefault(a.article.date or None, []).append(
            Cited(a.article.title, a.article.id, a.article.outlet, article_href(a.article.id)))
    days = sorted(d for d in timeline if d)
    if days and None in timeline:
        days.append(None)

    outlets = [a.article.outlet for a in analyses]
    n = len(set(outlets))
    return EventView(
        slug=c.event.slug, title=c.event.title, href=event_href(c.event.slug),
        date_first=c.event.date_first, date_last=c.event.date_last,
        outlets=outlets, consensus=consensus, conflicts=conflicts,
        matrix_outlets=outlets, matrix=matrix,
        unshared=sum(map(len, c.unique.values())), columns=columns, speakers=speaker_list,
        timeline=[TimelineDay(d, timeline[d]) for d in days],
        charts=comparison_charts(analyses),
        description=(f"{n} outlet{'s' if n != 1 else ''} side by side: shared claims, "
                     f"{len(c.conflicts)} conflicting "
                     f"figure{'s' if len(c.conflicts) != 1 else ''}, "
                     "quotes, readability and tone, each line linked to the outlet's sentence."))


def comparison_charts(analyses: list[ArticleAnalysis]) -> list[Chart]:
    """Readability and tone per outlet, one bar each, on shared scales."""
    charts = [
        bar_chart("Flesch reading ease", "0–100; higher is easier to read",
                  [(a.article.outlet, _score(a.readability, "flesch_reading_ease"))
                   for a in analyses], max_value=100),
        bar_chart("Flesch–Kincaid grade", "US school grade; lower is easier",
                  [(a.article.outlet, _score(a.readability, "flesch_kincaid_grade"))
                   for a in analyses], max_value=20),
    ]
    if any(a.tone for a in analyses):
        charts.append(bar_chart(
            "Loaded language", "share of the outlet's own sentences with loaded wording",
            [(a.article.outlet, a.tone.loaded_share * 100 if a.tone else None) for a in analyses],
            max_value=100, fmt="{:.0f}%"))
    return charts


def _score(r: Readability, name: str) -> float | None:
    return getattr(r, name) if r.applicable else None


def readability_chart(r: Readability) -> Chart:
    """One article's grade-level scores on one scale (the article page's panel)."""
    labels = {k: label for k, label, _ in READABILITY_METRICS}
    return bar_chart("Grade-level scores", "years of schooling; lower is easier",
                     [(labels[k], _score(r, k)) for k in GRADE_METRICS], max_value=20)


# ---------------------------------------------------------------------------------------------
# Digest index


@dataclass
class DigestEntry:
    slug: str
    title: str
    href: str
    date_first: str | None
    date_last: str | None
    outlets: list[tuple[str, str]]  # (name, href)
    top_claim: ConsensusView | None
    conflict_count: int
    article_count: int


def digest_entry(c: EventComparison, analyses: dict[str, ArticleAnalysis],
                 slugs: dict[str, str]) -> DigestEntry:
    arts = [analyses[i] for i in c.event.article_ids if i in analyses]
    groups = {g.id: g for g in c.claim_groups}
    by_id = {a.article.id: a for a in arts}
    top = next((groups[g] for g in c.consensus if g in groups), None)
    names = sorted({a.article.outlet for a in arts})
    return DigestEntry(
        slug=c.event.slug, title=c.event.title, href=event_href(c.event.slug),
        date_first=c.event.date_first, date_last=c.event.date_last,
        outlets=[(n, outlet_href(slugs[n])) for n in names],
        top_claim=(ConsensusView(top.id, top.text, _group_href(top), _group_cited(top, by_id),
                                 reworded=_reworded_cited(top, by_id)) if top else None),
        conflict_count=len(c.conflicts), article_count=len(arts))


@dataclass
class Page:
    number: int
    count: int
    items: list
    href: str
    prev_href: str | None
    next_href: str | None


def paginate(items: list, per_page: int) -> list[Page]:
    """Pages of `per_page` items (at least one page, possibly empty)."""
    per_page = max(1, per_page)
    chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]
    n = len(chunks)
    return [Page(number=k, count=n, items=chunk, href=page_href(k),
                 prev_href=page_href(k - 1) if k > 1 else None,
                 next_href=page_href(k + 1) if k < n else None)
            for k, chunk in enumerate(chunks, start=1)]


# ---------------------------------------------------------------------------------------------
# Outlet pages


@dataclass
class OutletArticle:
    title: str
    href: str
    date: str | None
    event_title: str | None
    event_href: str | None


@dataclass
class OutletView:
    name: str
    slug: str
    href: str
    articles: list[OutletArticle]
    readability: list[tuple[str, float | None, str]]  # (label, average or None, meaning)
    scored: int  # articles whose readability applies
    tone_labels: list[tuple[str, int]]  # label, count
    loaded_share: float | None  # average over articles with a tone


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def outlet_views(analyses: dict[str, ArticleAnalysis], events: list[EventComparison],
                 slugs: dict[str, str]) -> list[OutletView]:
    """One view per outlet, by name: its articles (newest first) and its averages."""
    event_of = {i: c.event for c in events for i in c.event.article_ids}
    by_outlet: dict[str, list[ArticleAnalysis]] = {}
    for a in analyses.values():
        by_outlet.setdefault(a.article.outlet, []).append(a)
    out = []
    for name in sorted(by_outlet):
        arts = sorted(by_outlet[name], key=lambda a: (a.article.date or "", a.article.id),
                      reverse=True)
        scored = [a.readability for a in arts if a.readability.applicable]
        tones = [a.tone for a in arts if a.tone]
        labels: dict[str, int] = {}
        for t in tones:
            labels[t.label] = labels.get(t.label, 0) + 1
        out.append(OutletView(
            name=name, slug=slugs[name], href=outlet_href(slugs[name]),
            articles=[OutletArticle(
                a.article.title, article_href(a.article.id), a.article.date,
                event_of[a.article.id].title if a.article.id in event_of else None,
                event_href(event_of[a.article.id].slug) if a.article.id in event_of else None)
                for a in arts],
            readability=[(label, _mean([getattr(r, k) for r in scored
                                        if getattr(r, k) is not None]), meaning)
                         for k, label, meaning in READABILITY_METRICS],
            scored=len(scored),
            tone_labels=sorted(labels.items(), key=lambda kv: (-kv[1], kv[0])),
            loaded_share=_mean([t.loaded_share * 100 for t in tones])))
    return out


# ---------------------------------------------------------------------------------------------
# Article page


@dataclass
class Segment:
    text: str
    kind: str = ""  # "" | "quote" | "loaded"


@dataclass
class SentenceView:
    id: str
    segments: list[Segment]
    marks: list[str]  # "claim", "quote", "loaded", "summary"
    css: str = "s"  # its class attribute: "s" and a "mark-<mark>" class per mark
    searched: bool = False  # indexed by Pagefind: the summary sentences (see article.html)


@dataclass
class BlockView:
    kind: str  # "paragraph" | "heading"
    text: str
    sentences: list[SentenceView] = field(default_factory=list)


@dataclass
class ArticleView:
    blocks: list[BlockView]
    legend: list[str]  # the highlight kinds that occur on the page
    chart: Chart
    source_url: str | None
    description: str
    tone: ToneView | None  # as the event page's columns show it


def segments_of(text: str, quotes: list[str], loaded_words: list[str]) -> list[Segment]:
    """Split a sentence into plain, quoted and loaded-word spans (quotes win over words)."""
    spans: list[tuple[int, int, str]] = []
    for q in quotes:
        k = text.find(q) if q else -1
        if k >= 0:
            spans.append((k, k + len(q), "quote"))
    if loaded_words:
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in
                                                 sorted(set(loaded_words), key=len, reverse=True))
                             + r")\b", re.IGNORECASE)
        for m in pattern.finditer(text):
            if not any(s <= m.start() < e for s, e, _ in spans):
                spans.append((m.start(), m.end(), "loaded"))
    if not spans:
        return [Segment(text)]
    out, pos = [], 0
    for start, end, kind in sorted(spans):
        if start < pos:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], kind))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


_CLOSING_MARKS = "”\"’' \t\n"


def quoted_parts(sentences: list[Sentence], quotes: list[Quote]) -> dict[str, list[str]]:
    """The words of each sentence that are a quotation: a quotation's whole text in the
    sentence it starts in, or, for one that runs over several sentences (Khan's "His visit next
    month would ... protests. This just reinforces ... in the first place."), its part in each
    of them: the end of the first, from just after an opening mark (or from its start, for a
    paragraph that left the mark out), then each next sentence from its start or just after the
    mark reopening it in a new paragraph, as far as the quotation's words go on in it."""
    position = {s.id: k for k, s in enumerate(sentences)}
    out: dict[str, list[str]] = {}
    for q in quotes:
        k = position.get(q.sentence)
        if k is None or not q.text:
            continue
        rest, first = q.text, True
        while rest and k < len(sentences):
            text = sentences[k].text
            if first and rest in text:
                out.setdefault(sentences[k].id, []).append(rest)
                break
            starts = [0] + [i + 1 for i, c in enumerate(text[:None if first else 1])
                            if c in "“\""]
            start = next((p for p in starts if _goes_on(text, p, rest)), None)
            if start is None:
                break
            part = rest if text.startswith(rest, start) else text[start:].rstrip(_CLOSING_MARKS)
            out.setdefault(sentences[k].id, []).append(part)
            rest, k, first = rest[len(part):].lstrip(), k + 1, False
    return out


def _goes_on(text: str, start: int, quotation: str) -> bool:
    """Does `quotation` stand in `text` from `start`: all of it, or as far as the text goes
    (closing marks aside)?"""
    if text.startswith(quotation, start):
        return True
    tail = text[start:].rstrip(_CLOSING_MARKS)
    return bool(tail) and quotation.startswith(tail)


def article_view(a: ArticleAnalysis) -> ArticleView:
    """The article's blocks with every sentence anchored and its highlights marked."""
    claims = {c.id for c in a.claims}
    summary = set(a.summary)
    quotes_in = quoted_parts(a.sentences, a.quotes)
    loaded = set(a.tone.loaded_sentences) if a.tone else set()
    words = list(a.tone.loaded_words) if a.tone else []
    blocks = [BlockView(b.kind, b.text) for b in a.article.blocks]
    seen: set[str] = set()
    for s in a.sentences:
        marks = [m for m, on in (("summary", s.id in summary), ("claim", s.id in claims),
                                 ("quote", s.id in quotes_in), ("loaded", s.id in loaded)) if on]
        seen.update(marks)
        blocks[s.block].sentences.append(SentenceView(
            s.id, segments_of(s.text, quotes_in.get(s.id, []), words if s.id in loaded else []),
            marks, "s" + "".join(" mark-" + m for m in marks), "summary" in marks))
    first = next((s.text for s in a.sentences if s.id in summary), None) or \
        (a.sentences[0].text if a.sentences else a.article.title)
    return ArticleView(blocks=blocks,
                       legend=[m for m in ("summary", "claim", "quote", "loaded") if m in seen],
                       chart=readability_chart(a.readability),
                       source_url=safe_source_url(a.article.url),
                       description=first, tone=_tone_view(a))


# ---------------------------------------------------------------------------------------------
# Feeds and sitemap


@dataclass
class FeedEntry:
    id: str
    title: str
    href: str  # relative to the site root
    updated: str  # ISO date
    summary: str
    author: str = ""


def atom_date(date: str | None) -> str:
    """An Atom timestamp from an article date (no build time: output must be reproducible)."""
    return f"{date or '1970-01-01'}T00:00:00Z"


def digest_feed(entries: list[DigestEntry], limit: int = 50) -> list[FeedEntry]:
    return [FeedEntry(id=f"urn:newsprism:event:{e.slug}", title=e.title, href=e.href,
                      updated=atom_date(e.date_last or e.date_first),
                      summary=e.top_claim.text if e.top_claim else
                      f"{e.article_count} article(s): " + ", ".join(n for n, _ in e.outlets))
            for e in entries[:limit]]


def event_feed(view: EventView) -> list[FeedEntry]:
    return [FeedEntry(id=f"urn:newsprism:article:{col.article}", title=col.title,
                      href=col.href, updated=atom_date(col.date),
                      summary=" ".join(s.text for s in col.summary), author=col.outlet)
            for col in sorted(view.columns, key=lambda c: (c.date or "", c.article), reverse=True)]


def feed_updated(entries: list[FeedEntry]) -> str:
    return max((e.updated for e in entries), default=atom_date(None))
