"""Event grouping: put the articles that report the same event together, across outlets.

    group_into_events(articles) -> [Event, ...]   (newest first)

How (one fixed configuration for every corpus; see docs/grouping.md):

1. Each article becomes three sparse TF-IDF views (sublinear tf, IDF from the corpus):
   *words* of the headline (counted twice) and lead (first ~150 words), lightly stemmed;
   *names* (people, places, organisations) found by capitalisation over the first ~400
   words, each full name plus its parts ("Mike Pompeo" -> mike pompeo, pompeo);
   *numbers* of the headline and lead ("7.1", "12,000", "2016").  The three unit vectors are
   concatenated with fixed weights, so one dot product gives a weighted sum of cosines.
2. Candidate pairs come from blocking on each article's rarest, heaviest terms (a sparse
   product of pruned vectors, in row chunks), never a dense all-pairs matrix; each article keeps
   its best `NEIGHBOURS` candidates, scored exactly.
3. Dates: when both articles carry one, similarity fades with the gap in days
   (full up to `DATE_FULL_DAYS`, nothing from `DATE_MAX_DAYS`).  An undated article is
   judged on its text alone.
4. Average-link agglomerative clustering over that sparse graph (a missing edge counts as
   similarity 0, which keeps chains from forming), merging while the average similarity between
   two clusters is at least `MERGE_THRESHOLD`, and (near-twin guard) two groups of 2+ articles
   only when that link is at least `COHESION_RATIO` of the looser group's own cohesion: two
   tight groups loosely linked are two events on one topic.  Articles pinned with `Event: <slug>` start in
   their pinned cluster; clusters pinned to different slugs never merge, and an unpinned article
   joins a pinned event only by meeting the same threshold.

Slug rule (published links must not break):
    A pinned event's slug is its pin.  Otherwise the slug is `slugify(headline)` of the event's
    *anchor*: its earliest-dated article (undated articles count as later than any date), ties
    broken by a headline of the file's own that names the event in no side's words (no label in
    capitals before a colon, nothing in quotation marks), then by the smallest article id; a
    label in capitals before a colon ("DESPERATION: ") or a kicker ("Report: ") is left out of
    the slug.  A clash with another event's slug gets "-2", "-3", ... in the order of the
    anchors (date, then id); pinned slugs always win a clash.
    Consequences: rebuilding the same files gives the same slugs; adding coverage dated after
    the event's first day keeps the slug (the anchor does not change).  Limits of a rule that
    sees only the files: a new file dated the event's first day with a smaller id, or a
    back-dated one, becomes the anchor; two events merging keep one slug; a clash can renumber
    the later event.  Two ways to make links never move: pin the article (`Event: <slug>`), or
    pass `known_slugs` ({article id: slug} from the previous build's events.json): an unpinned
    event then keeps the slug most of its already-published articles had.

Event title: the real headline (never invented) of the article closest to the event's centroid,
preferring files that had a headline of their own, then one that names the event in no side's
words (`_in_a_side_s_words`), shortened at a word when long.
"""
from __future__ import annotations

import datetime as _dt
import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from .grouping_features import article_features
from .model import Article, Event, GroupingFeatures
from .quotes import HEADLINE_QUOTATION
from .text import shorten, slugify

# --- the one configuration (the same for every corpus; never tuned per data set) ----------
WEIGHT_WORDS, WEIGHT_NAMES, WEIGHT_NUMBERS = 0.55, 0.35, 0.10  # shares of the similarity
MERGE_THRESHOLD = 0.15  # average-link similarity needed to put two clusters together
# Near-twin guard: two groups of 2+ articles merge only when the link between them is at least
# this share of the looser group's own cohesion (capped, so near-duplicate wire copies do not
# make a group impossible to join).
COHESION_RATIO, COHESION_CAP = 0.6, 0.5
DATE_FULL_DAYS, DATE_MAX_DAYS = 2, 8  # date gap: no penalty up to 2 days, no link from 8
NEIGHBOURS = 20  # candidate neighbours kept per article
EDGE_FLOOR = 0.05  # weaker links are dropped (counted as 0) to keep the graph sparse
BLOCK_TERMS = 24  # heaviest terms per article used for blocking
TITLE_CHARS = 90

# --- vectors (each article's terms come from grouping_features.article_features) -----------

def _tfidf(docs: Sequence[list[str]]) -> sp.csr_matrix:
    """Sublinear-tf, smooth-idf TF-IDF rows, L2-normalised (empty rows stay zero)."""
    vocab: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for doc in docs:
        counts = Counter(doc)
        indices.extend([vocab.setdefault(term, len(vocab)) for term in counts])
        data.extend(counts.values())
        indptr.append(len(indices))
    n = len(docs)
    m = sp.csr_matrix((np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64),
                       np.asarray(indptr, dtype=np.int64)), shape=(n, max(1, len(vocab))))
    m.data = 1.0 + np.log(m.data)
    m.sort_indices()
    df = np.bincount(m.indices, minlength=m.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    m = m @ sp.diags(idf)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ m)


def article_vectors(articles: Sequence[Article],
                    features_of: Callable[[Article], GroupingFeatures] = article_features
                    ) -> sp.csr_matrix:
    """One row per article: the weighted concatenation of its word, name and number views;
    the dot product of two rows is the weighted sum of the three cosines."""
    feats = [features_of(a) for a in articles]
    blocks = [np.sqrt(w) * _tfidf([f[i] for f in feats])
              for i, w in enumerate((WEIGHT_WORDS, WEIGHT_NAMES, WEIGHT_NUMBERS))]
    return sp.csr_matrix(sp.hstack(blocks, format="csr"))


# --- candidate pairs (blocking) -----------------------------------------------------------

def _prune(matrix: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Keep each row's `keep` heaviest entries (its most telling terms) for blocking."""
    m = matrix.copy()
    for i in range(m.shape[0]):
        start, end = m.indptr[i], m.indptr[i + 1]
        if end - start > keep:
            row = m.data[start:end]
            cut = np.partition(row, end - start - keep)[end - start - keep]
            row[row < cut] = 0.0
    m.eliminate_zeros()
    return m


def _date_ordinal(date: str | None) -> int | None:
    if not date:
        return None
    try:
        return _dt.date.fromisoformat(date).toordinal()
    except ValueError:
        return None


def date_factor(gap_days):
    """How much of the text similarity survives a gap of `gap_days` between two articles'
    dates (a number or a numpy array): all of it up to DATE_FULL_DAYS, none from DATE_MAX_DAYS."""
    return np.clip(1.0 - (np.asarray(gap_days, dtype=np.float64) - DATE_FULL_DAYS)
                   / (DATE_MAX_DAYS - DATE_FULL_DAYS), 0.0, 1.0)


def similarity_graph(vectors: sp.csr_matrix, days: Sequence[int | None],
                     chunk: int = 500) -> dict[tuple[int, int], float]:
    """Sparse graph {(i, j): similarity} with i < j over candidate pairs only."""
    n = vectors.shape[0]
    blocked = _prune(vectors, BLOCK_TERMS)
    blocked_t = sp.csr_matrix(blocked.T)
    day = np.array([d if d is not None else -(10**9) for d in days], dtype=np.int64)
    dated = np.array([d is not None for d in days])
    edges: dict[tuple[int, int], float] = {}
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        cand = sp.csr_matrix(blocked[start:stop] @ blocked_t)
        rows = np.repeat(np.arange(start, stop), np.diff(cand.indptr))
        cols, scores = cand.indices.astype(np.int64), cand.data
        keep = cols != rows
        # dated pairs too far apart can never link
        keep &= ~dated[rows] | ~dated[cols] | (np.abs(day[cols] - day[rows]) < DATE_MAX_DAYS)
        cols, scores = cols[keep], scores[keep]
        bounds = np.concatenate(([0], np.cumsum(np.bincount(rows[keep] - start,
                                                            minlength=stop - start))))
        left: list[np.ndarray] = []
        right: list[np.ndarray] = []
        for r in range(stop - start):
            row_cols = cols[bounds[r]:bounds[r + 1]]
            if len(row_cols) > NEIGHBOURS:  # the best NEIGHBOURS, ties to the lower column
                row_scores = scores[bounds[r]:bounds[r + 1]]
                floor = -np.partition(-row_scores, NEIGHBOURS - 1)[NEIGHBOURS - 1]
                top = row_scores >= floor
                row_cols, row_scores = row_cols[top], row_scores[top]
                row_cols = row_cols[np.lexsort((row_cols, -row_scores))[:NEIGHBOURS]]
            left.append(np.full(len(row_cols), start + r, dtype=np.int64))
            right.append(row_cols)
        if not left:
            continue
        lo, hi = np.concatenate(left), np.concatenate(right)
        lo, hi = np.minimum(lo, hi), np.maximum(lo, hi)
        exact = np.asarray(vectors[lo].multiply(vectors[hi]).sum(axis=1)).ravel()
        both = dated[lo] & dated[hi]
        gap = np.abs(day[lo] - day[hi]).astype(np.float64)
        exact *= np.where(both, date_factor(gap), 1.0)
        strong = exact >= EDGE_FLOOR
        for i, j, s in zip(lo[strong].tolist(), hi[strong].tolist(), exact[strong].tolist()):
            edges[(i, j)] = s
    return edges


# --- clustering ---------------------------------------------------------------------------
def _cohesion(inner_sum: float, size: int) -> float | None:
    """Average similarity between the members of one cluster (None for a single article)."""
    return inner_sum / (size * (size - 1) / 2) if size > 1 else None


def average_link(n: int, edges: dict[tuple[int, int], float], threshold: float,
                 pins: Sequence[str | None]) -> list[list[int]]:
    """Average-link agglomeration over a sparse graph; missing edges count as 0.
    Items sharing a pin start together; clusters with different pins never merge."""
    parent_of_pin: dict[str, int] = {}
    start_cluster = list(range(n))
    for i, pin in enumerate(pins):
        if pin is not None:
            start_cluster[i] = parent_of_pin.setdefault(pin, i)
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(start_cluster[i], []).append(i)
    pin_of: dict[int, str | None] = {c: pins[m[0]] for c, m in members.items()}
    sums: dict[int, dict[int, float]] = {c: {} for c in members}
    inner: dict[int, float] = {c: 0.0 for c in members}
    for (i, j), s in edges.items():
        a, b = start_cluster[i], start_cluster[j]
        if a == b:
            inner[a] += s
        else:
            sums[a][b] = sums[a].get(b, 0.0) + s
            sums[b][a] = sums[b].get(a, 0.0) + s

    pinned = bool(parent_of_pin)

    def compatible(a: int, b: int) -> bool:
        return not pinned or pin_of[a] is None or pin_of[b] is None or pin_of[a] == pin_of[b]

    heap: list[tuple[float, int, int]] = []
    for a, nbrs in sums.items():
        size_a = len(members[a])
        for b, s in nbrs.items():
            if a < b and (not pinned or compatible(a, b)):
                link = s / (size_a * len(members[b]))
                if link >= threshold:
                    heap.append((-link, a, b))
    heapq.heapify(heap)
    next_id = n
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # stale: one side was merged already
        tighter = [x for x in (_cohesion(inner[a], len(members[a])),
                               _cohesion(inner[b], len(members[b]))) if x is not None]
        if len(tighter) == 2 and -neg < COHESION_RATIO * min(COHESION_CAP, *tighter):
            continue  # two tight groups, loosely linked: near-twin events, keep apart
        c = next_id
        next_id += 1
        inner[c] = inner.pop(a) + inner.pop(b) + sums[a][b]
        members[c] = members.pop(a) + members.pop(b)
        pin_of[c] = pin_of[a] if pin_of[a] is not None else pin_of[b]
        merged: dict[int, float] = {}
        for old in (a, b):
            for other, s in sums.pop(old).items():
                if other == a or other == b:
                    continue
                merged[other] = merged.get(other, 0.0) + s
                del sums[other][old]
        sums[c] = merged
        size_c = len(members[c])
        for other, s in merged.items():
            sums[other][c] = s
            if not pinned or compatible(c, other):
                link = s / (size_c * len(members[other]))
                if link >= threshold:  # c is the newest cluster: other < c
                    heapq.heappush(heap, (-link, other, c))
    return [sorted(m) for m in members.values()]


# --- events -------------------------------------------------------------------------------

# A headline that names the news in one side's words: a label in capitals before a colon
# ("DESPERATION: DNC Files ...") or words in quotation marks (`HEADLINE_QUOTATION`: "... Iran
# deal that Trump calls 'insane'", "Comey Memos Show ‘He Leaked Classified Information’", a
# scare-quoted 'caravan').
_LABEL = re.compile(r"^[A-Z][A-Z’'\- ]{2,}[A-Z]:\s+")
# A kicker naming the kind of piece, not the news ("Report: Mike Pompeo Secretly Met ...",
# "Reports: North Korean State Media ..."): left out of the slug, which names the news.  The
# headline itself keeps it, and choosing the anchor does not look at it (an opinion piece's
# plain headline would otherwise win over the report).
_KICKER = re.compile(r"^(?:reports?|exclusive|breaking|watch|video|update)\s*:\s+", re.I)


def _in_a_side_s_words(article: Article) -> bool:
    """True when the article's headline is a label or quotation (`_LABEL`,
    `HEADLINE_QUOTATION`), or was made from its lead: an event's slug and title prefer a
    headline that is neither."""
    return (article.title_derived or not article.title or bool(_LABEL.match(article.title))
            or bool(HEADLINE_QUOTATION.search(article.title)))


def _date_key(article: Article) -> tuple[int, str]:
    """Sort key: dated before undated, earliest first."""
    return (0, article.date) if article.date else (1, "")


def _representative_title(group: list[int], articles: Sequence[Article],
                          vectors: sp.csr_matrix) -> str:
    """The real headline of the member closest to the group's centroid, preferring one that
    fits TITLE_CHARS whole to one that would be cut."""
    if len(group) == 1:
        best = articles[group[0]]
        return shorten(best.title.rstrip(" ."), TITLE_CHARS) if best.title else best.id
    rows = vectors[group]
    centroid = np.asarray(rows.sum(axis=0)).ravel()
    scores = rows @ centroid

    def rank(k: int) -> tuple:
        a = articles[group[k]]
        own = not a.title_derived and len(a.title) <= 2 * TITLE_CHARS
        whole = len(a.title.rstrip(" .")) <= TITLE_CHARS
        return (not own, not whole, _in_a_side_s_words(a), -round(float(scores[k]), 9), a.id)

    best = articles[group[min(range(len(group)), key=rank)]]
    return shorten(best.title.rstrip(" ."), TITLE_CHARS) if best.title else best.id


def group_into_events(articles: Iterable[Article],
                      known_slugs: Mapping[str, str] | None = None,
                      features_of: Callable[[Article], GroupingFeatures] = article_features
                      ) -> list[Event]:
    """Group articles into events (every article in exactly one), newest event first.

    `features_of` gives an article's `article_features`, e.g. from its cached analysis.

    `known_slugs` ({article id: event slug}, e.g. read from the last build's events.json) makes
    slugs fully stable: an unpinned event keeps the slug most of its already-published articles
    had.  Deterministic: the result depends on the set of articles, not their input order."""
    known_slugs = known_slugs or {}
    items = sorted(articles, key=lambda a: (a.id, a.content_hash))
    if not items:
        return []
    vectors = article_vectors(items, features_of)
    days = [_date_ordinal(a.date) for a in items]
    edges = similarity_graph(vectors, days)
    groups = average_link(len(items), edges, MERGE_THRESHOLD, [a.event for a in items])

    drafts = []
    for group in groups:
        members = [items[i] for i in group]
        anchor = min(members, key=lambda a: (_date_key(a), _in_a_side_s_words(a), a.id))
        pin = next((a.event for a in members if a.event), None)
        drafts.append((group, members, anchor, pin))
    # pinned slugs are claimed first; the rest in anchor order, so clashes resolve stably
    drafts.sort(key=lambda d: (d[3] is None, _date_key(d[2]), d[2].id))
    taken: set[str] = {d[3] for d in drafts if d[3]}
    kept: dict[int, str] = {}
    for k, (group, members, anchor, pin) in enumerate(drafts):
        votes = Counter(known_slugs[a.id] for a in members if a.id in known_slugs)
        for slug, _ in sorted(votes.items(), key=lambda v: (-v[1], v[0])):
            if not pin and slug not in taken:
                kept[k] = slug
                taken.add(slug)
                break
    events: list[Event] = []
    for k, (group, members, anchor, pin) in enumerate(drafts):
        if pin:
            slug = pin
        elif k in kept:
            slug = kept[k]
        else:
            base = slugify(_KICKER.sub("", _LABEL.sub("", anchor.title)) or anchor.id)
            slug, k = base, 2
            while slug in taken:
                slug, k = f"{base}-{k}", k + 1
            taken.add(slug)
        ordered = sorted(members, key=lambda a: (_date_key(a), a.outlet.lower(), a.id))
        dates = sorted(a.date for a in members if a.date)
        events.append(Event(
            slug=slug,
            title=_representative_title(group, items, vectors),
            article_ids=[a.id for a in ordered],
            date_first=dates[0] if dates else None,
            date_last=dates[-1] if dates else None,
        ))
    events.sort(key=lambda e: e.slug)
    events.sort(key=lambda e: e.date_last or "", reverse=True)
    events.sort(key=lambda e: e.date_last is None)
    return events
