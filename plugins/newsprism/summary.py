"""Extractive summary: the article's own most central sentences, in reading order.

Centrality is similarity to the article's centroid (the weight of each content word across the
whole article): a sentence scores high when it is made of what the article keeps talking about.
Linear in the article's length (no sentence-by-sentence matrix), so a huge article stays cheap.
"""
from __future__ import annotations

import math
from collections import Counter

from .model import Sentence
from .text import content_words

MIN_WORDS, MAX_WORDS = 8, 60


def summary_size(n_sentences: int) -> int:
    """3 sentences for a short article, up to 5 for a long one."""
    return max(1, min(5, n_sentences, 3 + n_sentences // 25))


def centrality(sentences: list[Sentence]) -> dict[str, float]:
    """Score each sentence by cosine similarity of its words to the article's centroid."""
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


def summarise(sentences: list[Sentence]) -> list[str]:
    """Ids of the 3-5 most central sentences that read well alone, in reading order."""
    if not sentences:
        return []
    scores = centrality(sentences)
    order = {s.id: i for i, s in enumerate(sentences)}

    def eligible(s: Sentence) -> bool:
        n = len(s.text.split())
        return MIN_WORDS <= n <= MAX_WORDS and not s.text.rstrip("”\"’' ").endswith("?")

    pool = [s for s in sentences if eligible(s)] or sentences
    ranked = sorted(pool, key=lambda s: (-scores[s.id], order[s.id]))
    chosen = ranked[: summary_size(len(sentences))]
    return [s.id for s in sorted(chosen, key=lambda s: order[s.id])]
