"""Extractive summary: the article's own most central sentences, in reading order.

Centrality is similarity to the article's centroid (the weight of each content word across the
whole article): a sentence scores high when it is made of what the article keeps talking about.
Linear in the article's length (no sentence-by-sentence matrix), so a huge article stays cheap.
"""
from __future__ import annotations

import bisect
import datetime
import functools
import math
import re
from collections import Counter

from .model import Sentence
from .quotes import closes_unopened_quotation, leaves_quotation_open, quote_spans
from .text import content_words, has_finite_verb, is_page_furniture, stem

MIN_WORDS, MAX_WORDS = 8, 60
# A news article puts what matters most first: its first sentences weigh up to this much more
# (the first 1 + LEAD_WEIGHT, then less, down to none from the LEAD_SENTENCES-th on).
LEAD_WEIGHT, LEAD_SENTENCES = 0.3, 3
# The headline says what the outlet takes the news to be: a sentence weighs up to this much
# more for the share of the headline's words it uses (by their stems, `text.stem`: "visit" is
# "visited"). More (0.4) let a photo caption naming the headline's people outweigh a verb.
HEADLINE_WEIGHT = 0.3


def summary_size(n_sentences: int) -> int:
    """3 sentences for a short article, up to 5 for a long one."""
    return max(1, min(5, n_sentences, 3 + n_sentences // 25))


def centrality(sentences: list[Sentence]) -> dict[str, float]:
    """Score each sentence by cosine similarity of its words to the article's centroid."""
    return dict(_centrality(tuple(sentences)))


# The claims and the summary of an article both weigh its sentences: computed once for both.
@functools.lru_cache(maxsize=8)
def _centrality(sentences: tuple[Sentence, ...]) -> dict[str, float]:
    bags = {s.id: Counter(content_words(s.text)) for s in sentences}
    doc_freq: Counter = Counter()
    for bag in bags.values():
        doc_freq.update(bag.keys())
    norm = math.sqrt(sum(v * v for v in doc_freq.values())) or 1.0
    scores = {}
    for s in sentences:
        bag = bags[s.id]
        length = math.sqrt(sum(v * v for v in bag.values())) or 1.0
        # words seen in only this sentence say nothing about the article's centre
        dot = sum(n * doc_freq[w] for w, n in bag.items() if doc_freq[w] > 1)
        scores[s.id] = dot / (length * norm)
    return scores


_QUOTE_MARKS = "“\"‘'"
# Openers that lean on the sentence before: a connective or a pronoun with nothing to refer to.
_DANGLING = re.compile(
    r"^(?:however|but|and|so|yet|still|also|again|moreover|meanwhile|instead|thus|therefore|then|"
    r"indeed|nonetheless|nevertheless|otherwise|besides|furthermore|additionally|likewise|"
    r"similarly|in addition|in fact|after all|even so|by contrast|on the other hand|"
    r"for example|for instance|for others|for some)\b",
    re.IGNORECASE)
_PRONOUN_START = re.compile(
    r"^(?:he|she|it|they|we|this|that|these|those|his|her|its|their|such|there)\b",
    re.IGNORECASE)

# "that"/"those" and a word after a preposition points back at something ("in that country",
# "Both of those summits", "At that point"): with no name before it in the sentence to point
# at, what it means is in another sentence.
_POINTS_BACK = re.compile(
    r"\b(?:in|of|from|at|to|for|with|on|by|into|about|after|before|since|during|under|over|"
    r"through) (?:that|those) (?!(?:is|was|are|were|has|have|had|will|would|could|should|may|"
    r"might|can|the|a|an|i|we|you|he|she|it|they|this|his|her|its|our|their|and|or|but|if|as)"
    r"\b)[a-z]", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][a-zA-Z]")


def points_back(text: str) -> bool:
    """Does the sentence name something only by pointing back at an earlier sentence: "that"
    or "those" after a preposition ("political instability in that country", "At that
    point"), with no name before it in the sentence ("the leaders of those countries" after
    "North and South Korea" points at them)?"""
    m = _POINTS_BACK.search(text)
    return bool(m) and not _NAME.search(text, text[:m.start()].find(" ") + 1 or m.start(),
                                        m.start())


# A closing attribution to a bare pronoun: "..., she said." leaves the reader asking who.
_PRONOUN_TAG = re.compile(
    r"[,”\"’']\s*(?:he|she|they)\s+(?:said|says|added|adds|told \w+|explained|noted|wrote|"
    r"continued|argued|insisted)\s*[.!]?[”\"’']?\s*$")


# Two summary candidates say the same thing when this share of the shorter one's content
# words (at least this many of them) are the other's too (`says_the_same`).
SAME_SHARE, SAME_MIN_WORDS = 0.6, 4
# The summary is chosen among this many of an article's best sentences at most: plenty for
# five lines that say different things, and a bound on the work for a pathological article
# that says one thing a thousand ways.
MAX_CANDIDATES = 100
# A sentence with no finite verb (a photo caption, a fragment) reads this well alone.
VERBLESS = 0.3


def standalone(text: str) -> float:
    """How well a sentence reads out of context, as a factor on its score (1 = fully):
    a sentence that only continues a quotation or leaves one open for the next sentence,
    starts with a dangling connective ("However,") or a pronoun ("He said ...") or points back
    at another sentence (`points_back`: "in that country") or ends on one ("..., she said."),
    exclaims outside quotation marks (an embedded tweet: "Denuclearization will be a great
    thing for World, but also for North Korea!"), or has no finite verb (a photo caption:
    "Members of the migrant caravan at the border wall in Tijuana on Sunday."), or is about
    the page (`text.is_page_furniture`: a video's caption, "can be seen below"), reads badly
    as a summary line."""
    return _at_a_glance(text) * (1.0 if has_finite_verb(text) else VERBLESS)


def _at_a_glance(text: str) -> float:
    """`standalone` as far as the sentence's opening and end tell (what it is at most)."""
    t = text.lstrip()
    spans = quote_spans(t)
    factor = VERBLESS if is_page_furniture(t) else 1.0
    if t.endswith("!") and not spans:
        factor *= 0.5
    opens_quoting = t[:1] in _QUOTE_MARKS
    if opens_quoting:
        closes_with_tag = spans and spans[0][1] < len(t) - 2 and re.search(
            r"[A-Za-z]", t[spans[0][1] + 1:])
        factor *= 0.8 if closes_with_tag else 0.3  # a tagged quote, or a bare continuation
        spans = spans[1:]  # what it says after the quotation it opens with
    elif closes_unopened_quotation(t):
        factor *= 0.3  # the rest of a quotation opened in an earlier sentence
    if leaves_quotation_open(t, spans):
        factor *= 0.5  # a quotation the next sentence goes on with: cut short here
    if opens_quoting:
        t = t[1:]
    if _DANGLING.match(t):
        factor *= 0.5
    elif _PRONOUN_START.match(t) or points_back(t):
        factor *= 0.6
    if _PRONOUN_TAG.search(t):
        factor *= 0.6
    return factor


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A sentence ending "on April 29, 2018." (a month, a day, perhaps a year, and a full stop)
_ENDS_ON_DATE = re.compile(r"\bon\s+([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?\.[”\"’']?\s*$")


def is_dated_caption(text: str, date: str | None) -> bool:
    """Is the sentence a photo caption the page carried into the text? A caption ends on the
    day the photo was taken, given as a date ("Central American migrants ... looking south into
    Mexico on April 29, 2018."), where a report says "on Sunday": true when the article's own
    date (ISO, "2018-04-29") is that day, or the day before and the caption gives the year.
    An article with no date has no day to match: there a caption is told by its verb, in the
    present ("Activists march toward the border in San Diego on April 29.") where a report of
    that day says "marched" (`has_finite_verb` with `tense_marked`)."""
    m = _ENDS_ON_DATE.search(text)
    if not m or m.group(1)[:3].lower() not in _MONTHS:
        return False
    if not date:
        return not has_finite_verb(text, tense_marked=True)
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError:
        return False
    month = _MONTHS.index(m.group(1)[:3].lower()) + 1
    for candidate, needs_year in ((day, False), (day - datetime.timedelta(days=1), True)):
        if (candidate.month, candidate.day) == (month, int(m.group(2))) and (
                m.group(3) == str(candidate.year) if m.group(3) else not needs_year):
            return True
    return False


def says_the_same(a: str, b: str) -> bool:
    """Do two sentences say the same thing: at least SAME_SHARE of the content words of the
    shorter (at least SAME_MIN_WORDS of them) are in the other? An article that gives its
    lead twice, once with a dateline and once without, or says a fact again with a phrase
    added ("During his first year in office, Trump's top foreign policy advisers ..."), gets
    one summary line for it."""
    x, y = _word_set(a), _word_set(b)
    shorter = min(len(x), len(y))
    return shorter >= SAME_MIN_WORDS and len(x & y) >= SAME_SHARE * shorter


@functools.lru_cache(maxsize=1024)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


def lead_weight(position: int) -> float:
    """The weight of the sentence at `position` (0 = first) for its place in the article."""
    return 1.0 + LEAD_WEIGHT * max(0.0, 1.0 - position / LEAD_SENTENCES)


def _stems(text: str) -> frozenset[str]:
    return frozenset(map(stem, _word_set(text)))


def summarise(sentences: list[Sentence], date: str | None = None,
              headline: str | None = None) -> list[str]:
    """Ids of the 3-5 most central sentences that read well alone, the first sentences of the
    article weighing a little more (`lead_weight`), and those using the headline's words (a
    `headline` of the outlet's own, not one derived from the lead: HEADLINE_WEIGHT), in
    reading order. A photo caption (`is_dated_caption`, by the article's `date`) reads as a
    sentence with no verb does. No two lines say the same thing (`says_the_same`): the better
    one stands for both."""
    if not sentences:
        return []
    order = {s.id: i for i, s in enumerate(sentences)}
    scores = {k: v * lead_weight(order[k]) for k, v in centrality(sentences).items()}
    told = _stems(headline) if headline else frozenset()
    if told:
        for s in sentences:
            scores[s.id] *= 1 + HEADLINE_WEIGHT * len(told & _stems(s.text)) / len(told)

    def eligible(s: Sentence) -> bool:
        n = len(s.text.split())
        return MIN_WORDS <= n <= MAX_WORDS and not s.text.rstrip("”\"’' ").endswith("?")

    pool = [s for s in sentences if eligible(s)] or sentences
    size = summary_size(len(sentences))
    # Ranked by score x `standalone`, its verb test asked only of the sentences that may still
    # make the summary: in order of score x `_at_a_glance` (what `standalone` is at most),
    # until the size-th best full key among those saying different things (`_distinct`) beats
    # the next sentence's best possible one.
    at_most = {s.id: _at_a_glance(s.text) * (VERBLESS if is_dated_caption(s.text, date) else 1)
               for s in pool}
    ranked = sorted((-scores[s.id] * at_most[s.id], order[s.id], s) for s in pool)
    # `seen`: the sentences ranked so far; a sentence saying what one ranked above it says is
    # no line (`dropped`); one yet to be ranked is below them all and takes no line from them
    seen: list[tuple[float, int, Sentence]] = []
    dropped: set[int] = set()  # positions
    best: list[tuple[float, int, Sentence]] = []
    for bound, position, s in ranked[:MAX_CANDIDATES]:
        if len(best) >= size and best[size - 1][:2] < (bound, position):
            break
        factor = 1.0 if has_finite_verb(s.text) else VERBLESS
        entry = (-scores[s.id] * (at_most[s.id] * factor), position, s)  # = standalone
        at = bisect.bisect(seen, entry[:2], key=lambda x: x[:2])
        if any(says_the_same(r[2].text, s.text) for r in seen[:at]):
            dropped.add(position)
        dropped.update(r[1] for r in seen[at:] if says_the_same(s.text, r[2].text))
        seen.insert(at, entry)
        best = [r for r in seen if r[1] not in dropped]
    return [s.id for _, _, s in sorted(best[:size], key=lambda x: x[1])]
