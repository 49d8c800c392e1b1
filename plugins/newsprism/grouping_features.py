"""What grouping reads of one article: the terms of its word, name and number views.

A pure function of the Article (`article_features`), so the per-article analysis computes it
once, cached with the rest and in parallel, and grouping (grouping.py) only builds the vectors
and clusters. Kept apart from grouping.py so that editing the clustering does not invalidate
every cached analysis.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .model import Article, GroupingFeatures
from .names import find_names, find_names_in_sentences, name_key
from .numbers import find_numbers
from .text import STOPWORDS, content_words, split_sentences

LEAD_WORDS = 150  # words of the body read as the lead
NAME_WORDS = 250  # words of the body searched for names

# Capitalised words that open sentences or name calendar units, not entities.
_NOT_NAMES = STOPWORDS | frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tomorrow but and
    the a an in on at as if for after before when while with this that these those there here
    it its his her their our we they he she i you yet so still however meanwhile according
    read watch see photo video update editor note breaking exclusive opinion""".split()
)
# One spelling for the places news names most often in several ways (general knowledge, not
# fitted to any corpus): "Britain", "British", "U.K." and "United Kingdom" are one place.
_ALIASES = {
    "united kingdom": "britain", "great britain": "britain", "uk": "britain",
    "british": "britain", "us": "united states", "usa": "united states",
    "united states of america": "united states", "america": "united states",
    "american": "united states", "americans": "united states", "european union": "eu",
    "european": "europe",
    "north korean": "north korea", "south korean": "south korea", "russian": "russia",
    "chinese": "china", "iranian": "iran", "israeli": "israel", "french": "france",
    "german": "germany", "mexican": "mexico", "canadian": "canada", "ukrainian": "ukraine",
    "syrian": "syria", "turkish": "turkey", "japanese": "japan", "indian": "india",
    "saudi": "saudi arabia", "palestinian": "palestine", "italian": "italy",
    "spanish": "spain", "brazilian": "brazil", "australian": "australia", "pakistani": "pakistan",
    "afghan": "afghanistan", "iraqi": "iraq", "egyptian": "egypt", "venezuelan": "venezuela",
}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")

@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A light, rule-based stem so "sues"/"sue" and "delays"/"delayed" meet."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word in _ALIASES:
        return _ALIASES[word].replace(" ", "_")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _lead(article: Article, limit: int) -> str:
    """The first `limit` words of the body (whole paragraphs, the last one cut)."""
    parts: list[str] = []
    count = 0
    for para in article.paragraphs:
        tokens = para.split()
        parts.append(" ".join(tokens[: limit - count]))
        count += len(tokens)
        if count >= limit:
            break
    return " ".join(parts)


@lru_cache(maxsize=1 << 16)
def _name_key(span: str) -> str:
    key = name_key(span.replace("-", " "))
    return _ALIASES.get(key, key)


def _sentence_starts(text: str) -> tuple[int, ...]:
    return (0,) + tuple(m.end() for m in _SENTENCE_END.finditer(text))


def extract_names(text: str) -> list[str]:
    """Name keys of the shared name finder, with place spellings folded and calendar or
    function words dropped."""
    # mostly the body's own sentences, whose names the claims and quotes have found already
    sentences = split_sentences(text)
    starts = _sentence_starts(text)
    if " ".join(sentences) == text:
        found = find_names_in_sentences(sentences, starts)
    else:
        found = find_names(text, starts)
    keys = (_name_key(n.text) for n in found)
    return [k for k in keys if len(k) > 1 and not k.isdigit() and k not in _NOT_NAMES]


def _name_features(names: list[str]) -> list[str]:
    out: list[str] = []
    for key in names:
        parts = key.split()
        out.append(key)
        if len(parts) > 1:  # "mike pompeo" also answers to "pompeo"
            out.extend(p for p in parts if p not in _NOT_NAMES and len(p) > 1)
    return out


def extract_numbers(text: str) -> list[str]:
    """Quantities stated in the text (values only: a shared figure is a strong link)."""
    out = []
    for sentence in split_sentences(text):
        for n in find_numbers(sentence):
            if n.qualifier != "vague":
                out.append(f"{n.value:g}" + ("%" if n.unit == "%" else ""))
    return out


def article_features(article: Article) -> GroupingFeatures:
    """A pure function of the article, so the per-article analysis computes it once (cached,
    and in parallel) and grouping only builds the vectors."""
    opening = _lead(article, NAME_WORDS)
    lead = " ".join(opening.split(" ", LEAD_WORDS)[:LEAD_WORDS])
    title = article.title
    words = list(map(_stem, content_words(title))) * 2 + list(map(_stem, content_words(lead)))
    names = _name_features(extract_names(title) + extract_names(opening))
    numbers = extract_numbers(title + " . " + lead)
    return GroupingFeatures(tuple(words), tuple(names), tuple(numbers))
