"""Analyse one article alone: sentences, readability, summary, claims, quotes, tone, and the
features grouping reads of it.

A pure function of the Article, so its result can be cached by the file's content hash and the
analysis version, and mapped over processes or a cluster.
"""
from __future__ import annotations

from .claims import extract_claims, rank_claims
from .grouping_features import article_features
from .model import Article, ArticleAnalysis, Sentence
from .quotes import extract_quotes
from .readability import measure
from .summary import summarise
from .text import split_sentences
from .tone import assess_tone

# Bump when any rule of the per-article analysis changes: cached analyses of an older version
# are then recomputed, never reused.
ANALYSIS_VERSION = "4"  # 2: claims, quotes, tone; 3: stricter claims, quote speakers, summary;
# 4: predicates: participles after "the"/"newly" are no action; arrive/travel/defer/suit folded


def sentences_of(article: Article) -> list[Sentence]:
    """Body sentences in reading order, numbered s1, s2, ... (headings are not sentences)."""
    out: list[Sentence] = []
    for index, block in enumerate(article.blocks):
        if block.kind != "paragraph":
            continue
        for text in split_sentences(block.text):
            out.append(Sentence(id=f"s{len(out) + 1}", text=text, block=index))
    return out


def analyse_article(article: Article) -> ArticleAnalysis:
    sentences = sentences_of(article)
    quotes = extract_quotes(sentences)
    claims = extract_claims(sentences, quotes)
    return ArticleAnalysis(
        article=article,
        sentences=sentences,
        readability=measure(article.paragraphs, len(sentences)),
        summary=summarise(sentences),
        key_claims=rank_claims(claims),
        claims=claims,
        quotes=quotes,
        tone=assess_tone(sentences),
        grouping=article_features(article),
    )
