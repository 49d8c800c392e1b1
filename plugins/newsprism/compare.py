"""Compare the articles of one event: claim groups, consensus, unique and omitted claims,
conflicting numbers and who is quoted by whom.

- Claim groups: two outlets' claims are one claim when they share words AND their entities,
  predicate (what is done, synonyms folded) and modality agree and their numbers do not
  disagree. Token overlap alone is not enough. A group holds at most one sentence per article.
- Consensus: groups reported by more than half of the event's outlets (at least two).
- Unique: groups only one outlet reports. Omitted: consensus groups an outlet leaves out.
- Conflicts: the same quantity about the same subject ("North Korean troops") given different
  values by different outlets. Never compared: a plan with a fact, a vague amount ("thousands")
  with a number, or different subjects that share a unit (a missile's range in miles vs a
  buffer zone in miles).

All-pairs work is only over the claims of this one event. Output is deterministic.
"""
from __future__ import annotations

import re
from collections import defaultdict

from .claims import stem
from .model import (ArticleAnalysis, Claim, ClaimGroup, Conflict, ConflictValue, Event,
                    EventComparison, Number)
from .names import name_key
from .numbers import MEASURE_UNITS
from .text import STOPWORDS, content_words

# Two claims are the same claim only above this share of shared content stems ...
MIN_OVERLAP = 0.2
# ... or, with no predicate on one side, above this share and two shared entities.
MIN_OVERLAP_NO_PREDICATE = 0.3
# Below this share, they must also share words beyond the event's common vocabulary: at least
# MIN_DISTINCT_SHARED of them, and MIN_DISTINCT_OVERLAP of their non-common words.
MIN_OVERLAP_CLOSE = 0.5
# A stem in at least this share of the event's claims is part of the event's vocabulary.
COMMON_SHARE = 0.12
MIN_DISTINCT_SHARED = 1
MIN_DISTINCT_OVERLAP = 0.08
# Candidate pairs come only from words found in at most this many claims (blocking).
MAX_POSTINGS = 60
_GENERIC_PREDICATES = frozenset({"say"})


def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in content_words(text))


def same_name(a: str, b: str) -> bool:
    """Do two name keys name the same thing? "russia" / "russian", "ukraine" / "ukrainian",
    "joe biden" / "biden"."""
    if a == b:
        return True
    ta, tb = a.split(), b.split()
    if ta and tb and ta[-1] == tb[-1] and len(ta[-1]) > 2:
        return True
    if len(ta) == 1 and len(tb) == 1 or (len(ta) == len(tb)):
        x, y = (a, b) if len(a) <= len(b) else (b, a)
        common = len(_common_prefix(x, y))
        return len(x) >= 4 and common >= max(4, len(x) - 1)
    return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


class _ClaimRef:
    __slots__ = ("article", "order", "claim", "stems", "entities", "preds", "index")

    def __init__(self, article: str, order: int, claim: Claim, index: int) -> None:
        self.article, self.order, self.claim, self.index = article, order, claim, index
        self.stems = _stems(claim.text)
        self.entities = [k for k in (name_key(e) for e in claim.entities) if k]
        self.preds = set(claim.predicates)


def _entity_overlap(a: _ClaimRef, b: _ClaimRef) -> int:
    return sum(1 for x in a.entities if any(same_name(x, y) for y in b.entities))


def _values_agree(x: Number, y: Number) -> bool:
    """Are two values of the same unit compatible (within their qualifiers' slack)?"""
    lo_x, hi_x = x.value, x.value_max or x.value
    lo_y, hi_y = y.value, y.value_max or y.value
    slack = {"exact": 0.005, "upper": 0.05, "lower": 0.05, "approx": 0.1, "vague": 0.0}
    tol = max(slack.get(x.qualifier, 0.05), slack.get(y.qualifier, 0.05))
    if hi_x < lo_y:
        return (lo_y - hi_x) <= tol * max(abs(lo_y), abs(hi_x), 1e-9)
    if hi_y < lo_x:
        return (lo_x - hi_y) <= tol * max(abs(lo_x), abs(hi_y), 1e-9)
    return True


def _numbers_agree(a: Claim, b: Claim) -> bool:
    for x in a.numbers:
        for y in b.numbers:
            if x.unit and x.unit == y.unit and "vague" not in (x.qualifier, y.qualifier) and (
                    _subject_key(x) == _subject_key(y)) and not _values_agree(x, y):
                return False
    return True


def _same_claim(a: _ClaimRef, b: _ClaimRef, common: frozenset[str] = frozenset()) -> float:
    """How surely two claims from different articles are the same claim; 0 when they are not.

    They must share wording beyond the words the whole event uses (`common`: "Trump",
    "tariffs", "caravan" are in every article and tell two of its claims apart from nothing),
    a named entity, the modality, an action (what is done) and agree on their numbers."""
    union = a.stems | b.stems
    if not union:
        return 0.0
    shared = a.stems & b.stems
    overlap = len(shared) / len(union)
    if overlap < MIN_OVERLAP:
        return 0.0
    distinct = shared - common
    distinct_overlap = len(distinct) / (len(union - common) or 1)
    if overlap < MIN_OVERLAP_CLOSE and (len(distinct) < MIN_DISTINCT_SHARED
                                        or distinct_overlap < MIN_DISTINCT_OVERLAP):
        return 0.0  # the little they share is what every article of the event says
    shared_entities = _entity_overlap(a, b)
    if shared_entities == 0 or a.claim.modality != b.claim.modality:
        return 0.0
    if overlap < MIN_OVERLAP_NO_PREDICATE and shared_entities < 2:
        return 0.0  # little shared wording needs more shared names
    pa, pb = a.preds - _GENERIC_PREDICATES, b.preds - _GENERIC_PREDICATES
    if pa and pb:
        if not pa & pb:
            return 0.0
    elif overlap < MIN_OVERLAP_NO_PREDICATE or shared_entities < 2:
        return 0.0
    if not _numbers_agree(a.claim, b.claim):
        return 0.0
    return overlap + distinct_overlap + 0.05 * shared_entities


def event_common_stems(refs: list[_ClaimRef]) -> frozenset[str]:
    """The event's own vocabulary: stems found in a large share of all its claims ("Trump",
    "tariffs", "caravan"). Sharing only these tells two of its claims apart from nothing."""
    if len({r.article for r in refs}) < 2:
        return frozenset()
    counts: dict[str, int] = defaultdict(int)
    for r in refs:
        for st in r.stems:
            counts[st] += 1
    need = max(3, COMMON_SHARE * len(refs))
    return frozenset(st for st, c in counts.items() if c >= need)


def _group_claims(refs: list[_ClaimRef]) -> list[list[_ClaimRef]]:
    """Greedy agglomeration over scored pairs, best first; a group never holds two sentences
    of the same article. Candidate pairs come from an index of shared stems; a stem found in
    very many claims blocks nothing and is skipped, so the work stays near-linear in the number
    of claims even for a very large event."""
    common = event_common_stems(refs)
    index: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(refs):
        for st in r.stems:
            index[st].append(i)
    candidates: set[tuple[int, int]] = set()
    for key in sorted(index):
        ids = index[key]
        if len(ids) > MAX_POSTINGS:  # a word in very many claims blocks nothing
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                i, j = ids[x], ids[y]
                if refs[i].article != refs[j].article:
                    candidates.add((i, j))
    scored = []
    for i, j in candidates:
        score = _same_claim(refs[i], refs[j], common)
        if score > 0:
            scored.append((-score, i, j))
    scored.sort()
    parent = list(range(len(refs)))
    members: dict[int, set[str]] = {i: {r.article} for i, r in enumerate(refs)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in scored:
        ri, rj = find(i), find(j)
        if ri == rj or members[ri] & members[rj]:
            continue
        parent[rj] = ri
        members[ri] |= members.pop(rj)
    groups: dict[int, list[_ClaimRef]] = defaultdict(list)
    for i, r in enumerate(refs):
        groups[find(i)].append(r)
    return list(groups.values())


# --- conflicts ----------------------------------------------------------------------------

def _subject_words(n: Number) -> list[tuple[str, str]]:
    """The words that say what a number is about, besides the counted noun itself, as
    (comparable stem, word as written): "North Korean troops" -> [("north", "North"),
    ("korea", "Korean")]; demonyms are cut to a common prefix."""
    out = []
    for w in re.findall(r"[A-Za-z][A-Za-z\-]*", n.subject):
        low = w.lower()
        if n.unit and low and (stem(low) == stem(n.unit) or low == n.unit) or low in STOPWORDS:
            continue
        if low in _TIME_ADVERBS:
            continue  # "three years ago" is a point in time, not the length of anything
        out.append((stem(low)[:5], w))
    return out


_TIME_ADVERBS = frozenset("ago later earlier before after since hence early late".split())


def _subject_key(n: Number) -> tuple[str, frozenset[str]]:
    """What a number is about: its unit plus the stems of its subject's words ("North Korean
    troops" -> ("troops", {"north", "korea"}))."""
    return n.unit, frozenset(k for k, _ in _subject_words(n))


# Modifiers that change which things are counted, not how they are described: "2,000
# additional troops" is not "12,000 troops".
_COUNT_CHANGING = frozenset(
    """additional more other extra further remaining former current total fewer new
    original initial first last previous latest only all combined""".split())
# Adjective endings that classify (what kind of thing) rather than describe: "ballistic",
# "nuclear", "military", "chemical", "presidential", "wounded", "remaining".
_CLASSIFYING_ENDINGS = ("al", "ic", "ar", "ary", "ian", "ean", "ese", "ish", "ed", "ing")


def _descriptive(word: str) -> bool:
    """A lower-case describing word that leaves what is counted the same: "secret files" are
    the files, "missile tests" the tests; proper adjectives ("North Korean"), classifying
    adjectives ("ballistic"), participles ("wounded") and count-changing words do not."""
    low = word.lower()
    return (word.isalpha() and word.islower() and low not in _COUNT_CHANGING
            and not low.endswith(_CLASSIFYING_ENDINGS))


def _subjects_match(a: Number, b: Number) -> bool:
    """Same counted thing: the same subject words, or one subject is the other plus a single
    describing word ("files" / "secret files")."""
    wa, wb = _subject_words(a), _subject_words(b)
    ka, kb = {k for k, _ in wa}, {k for k, _ in wb}
    measure = a.unit in MEASURE_UNITS or a.unit == "%"
    if ka == kb:
        return bool(ka) or not measure
    if measure:
        # a share or a distance of what: both must say, and one must contain the other
        return bool(ka and kb) and (ka <= kb or kb <= ka)
    if not (ka <= kb or kb <= ka):
        return False
    small, big = (ka, wb) if ka <= kb else (kb, wa)
    extra = [w for k, w in big if k not in small]
    return len(extra) == 1 and _descriptive(extra[0])


_YEAR = re.compile(r"(?<![\d,.$])(?:1[89]|20)\d\d(?![\d,])")


def _same_time_frame(a: Claim, b: Claim) -> bool:
    """Counts over different years are not in conflict ("16 tests in 2017" / "6 tests in
    2016"): when both sentences name years, they must name a common one."""
    ya, yb = set(_YEAR.findall(a.text)), set(_YEAR.findall(b.text))
    return not (ya and yb) or bool(ya & yb)


class _Mention:
    __slots__ = ("article", "order", "claim", "number", "key", "ref")

    def __init__(self, ref: _ClaimRef, number: Number) -> None:
        self.article, self.order, self.claim, self.number = ref.article, ref.order, ref.claim, number
        self.key = _subject_key(number)
        self.ref = ref


def _comparable(a: _Mention, b: _Mention) -> bool:
    if a.article == b.article or a.number.unit != b.number.unit or not a.number.unit:
        return False
    if "vague" in (a.number.qualifier, b.number.qualifier):
        return False  # "thousands" vs "12,000" is not a disagreement
    if a.number.modality != b.number.modality:
        return False  # a plan ("up to 100,000") is not a report of what happened
    if a.number.unit in _GENERIC_UNITS and not (a.key[1] and b.key[1]):
        return False  # "100 people" of which crowd? unknown: do not compare
    if not _subjects_match(a.number, b.number):
        # "North Korean troops" vs "Russian troops"; "range" vs "buffer zone"; but "tariff on
        # steel" is "tariff on steel imports" and "secret files" are "files"
        return False
    if not _same_time_frame(a.claim, b.claim):
        return False
    # the sentences must be about the same thing beyond the counted noun: a shared name, a
    # shared action, or a shared content word other than the unit's own
    unit_stems = {stem(w) for w in re.findall(r"[a-z]+", a.number.unit)}
    return _entity_overlap(a.ref, b.ref) > 0 or bool(
        (a.ref.preds & b.ref.preds) - _GENERIC_PREDICATES) or bool(
        (a.ref.stems & b.ref.stems) - unit_stems)


# Pairwise comparison of one unit's mentions stops at this many (a 200-article event).
MAX_MENTIONS_PER_UNIT = 400
# Counted nouns too general to tell which group is meant without a modifier.
_GENERIC_UNITS = frozenset("people times things ones cases items others".split())


def _find_conflicts(refs: list[_ClaimRef]) -> list[Conflict]:
    mentions = [_Mention(r, n) for r in refs for n in r.claim.numbers]
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_key[m.number.unit].append(i)
    conflicts: list[Conflict] = []
    for key in sorted(by_key):
        # all pairs within one unit: capped (first mentions in event order) for huge events
        ids = by_key[key][:MAX_MENTIONS_PER_UNIT]
        parent = {i: i for i in ids}

        def find(i: int) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        disagree: set[int] = set()
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                a, b = mentions[ids[x]], mentions[ids[y]]
                if _comparable(a, b):
                    parent[find(ids[y])] = find(ids[x])
                    if not _values_agree(a.number, b.number):
                        disagree.add(ids[x])
                        disagree.add(ids[y])
        clusters: dict[int, list[int]] = defaultdict(list)
        for i in ids:
            clusters[find(i)].append(i)
        for members in clusters.values():
            if not any(i in disagree for i in members):
                continue
            # one article giving two values for the "same" subject means the subject is not
            # specific enough to tell what is counted: no conflict can be claimed
            per_article: dict[str, list[Number]] = defaultdict(list)
            for i in members:
                per_article[mentions[i].article].append(mentions[i].number)
            if any(not _values_agree(x, y) for ns in per_article.values() for x in ns for y in ns):
                continue
            chosen = sorted(members, key=lambda i: (mentions[i].order, mentions[i].ref.index))
            values: list[ConflictValue] = []
            seen: set[tuple[str, float]] = set()
            for i in chosen:
                m = mentions[i]
                if (m.article, m.number.value) in seen:
                    continue
                seen.add((m.article, m.number.value))
                values.append(ConflictValue(article=m.article, value=m.number.value,
                                            text=m.number.text, sentence=m.claim.text,
                                            anchor=m.claim.id, qualifier=m.number.qualifier))
            if len({v.article for v in values}) < 2:
                continue
            subject = max((mentions[i].number.subject for i in chosen), key=lambda s: (
                len(s), s)) or key
            conflicts.append(Conflict(subject=subject, unit=key, values=values))
    return conflicts


# --- quotes -------------------------------------------------------------------------------

def _canonical_speakers(analyses: list[ArticleAnalysis]) -> dict[str, str]:
    """One name per person across the event: "Trump" and "Donald Trump" -> "Donald Trump"."""
    names = sorted({q.speaker for a in analyses for q in a.quotes if q.speaker},
                   key=lambda s: (-len(s.split()), s))
    canonical: dict[str, str] = {}
    for name in names:
        last = name.split()[-1].lower()
        match = next((c for c in canonical.values()
                      if c.split()[-1].lower() == last and len(c.split()) >= len(name.split())),
                     None)
        canonical[name] = match or name
    return canonical


def compare_event(event: Event, analyses: list[ArticleAnalysis]) -> EventComparison:
    """Everything the event page shows across outlets (see the module docstring)."""
    by_id = {a.article.id: a for a in analyses}
    ordered = [by_id[i] for i in event.article_ids if i in by_id]
    ordered += sorted((a for a in analyses if a.article.id not in event.article_ids),
                      key=lambda a: a.article.id)
    order = {a.article.id: k for k, a in enumerate(ordered)}
    outlet_of = {a.article.id: a.article.outlet for a in ordered}
    n_outlets = len(set(outlet_of.values()))

    refs = [_ClaimRef(a.article.id, order[a.article.id], c, k)
            for a in ordered for k, c in enumerate(a.claims)]
    raw_groups = _group_claims(refs)

    def group_sort_key(members: list[_ClaimRef]) -> tuple:
        importance = max(r.claim.score for r in members)
        first = min((r.order, r.index) for r in members)
        return (-len(members), -round(importance, 4), first)

    raw_groups.sort(key=group_sort_key)
    groups: list[ClaimGroup] = []
    for k, members in enumerate(raw_groups, start=1):
        members = sorted(members, key=lambda r: (r.order, r.index))
        groups.append(ClaimGroup(
            id=f"g{k}", text=members[0].claim.text,
            articles=[r.article for r in members],
            sentences={r.article: r.claim.text for r in members},
            anchors={r.article: r.claim.id for r in members}))

    need = max(2, n_outlets // 2 + 1)
    consensus = [g.id for g in groups if len({outlet_of[a] for a in g.articles}) >= need]
    unique: dict[str, list[str]] = {a.article.id: [] for a in ordered}
    for g in groups:
        if len(g.articles) == 1:
            unique[g.articles[0]].append(g.id)
    omitted = {a.article.id: [g.id for g in groups if g.id in consensus
                              and a.article.id not in g.articles] for a in ordered}

    canonical = _canonical_speakers(ordered)
    quotes = []
    for a in ordered:
        for q in a.quotes:
            quotes.append({"speaker": canonical.get(q.speaker, q.speaker) if q.speaker else None,
                           "text": q.text, "article": a.article.id, "anchor": q.sentence,
                           "sentence": q.sentence_text})
    quotes.sort(key=lambda d: (d["speaker"] is None, d["speaker"] or "", order[d["article"]],
                               int(d["anchor"][1:]) if d["anchor"][1:].isdigit() else 0,
                               d["text"]))
    quoted_by: dict[str, list[str]] = {}
    for d in quotes:
        if d["speaker"]:
            arts = quoted_by.setdefault(d["speaker"], [])
            if d["article"] not in arts:
                arts.append(d["article"])

    return EventComparison(event=event, claim_groups=groups, consensus=consensus,
                           conflicts=_find_conflicts(refs), unique=unique, omitted=omitted,
                           quotes=quotes, quoted_by=quoted_by)
