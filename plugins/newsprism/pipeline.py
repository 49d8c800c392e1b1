"""Chains the pure stages over a whole build: analyses -> events -> comparisons.

Reading and analysing files happens one article at a time (in the readers); this module takes
the analysed articles of a build and returns the digest. No Pelican here.
"""
from __future__ import annotations

from dataclasses import dataclass

from .compare import compare_event
from .grouping import group_into_events
from .model import ArticleAnalysis, EventComparison


@dataclass
class Digest:
    comparisons: list[EventComparison]  # events newest first
    analyses: dict[str, ArticleAnalysis]  # article id -> analysis

    def articles_of(self, comparison: EventComparison) -> list[ArticleAnalysis]:
        return [self.analyses[i] for i in comparison.event.article_ids]


def build_digest(analyses: list[ArticleAnalysis]) -> Digest:
    by_id = {a.article.id: a for a in sorted(analyses, key=lambda a: a.article.id)}
    events = group_into_events([a.article for a in by_id.values()])
    comparisons = [compare_event(e, [by_id[i] for i in e.article_ids]) for e in events]
    return Digest(comparisons=comparisons, analyses=by_id)
