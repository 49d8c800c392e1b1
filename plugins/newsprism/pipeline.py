"""Chains the pure stages over a whole build: analyses -> events -> comparisons.

Reading and analysing files happens one article at a time (in the readers); this module takes
the analysed articles of a build and returns the digest. No Pelican here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .compare import compare_event, forget_remembered
from .grouping import group_into_events
from .grouping_features import article_features
from .model import ArticleAnalysis, EventComparison


@dataclass
class Digest:
    comparisons: list[EventComparison]  # events newest first
    analyses: dict[str, ArticleAnalysis]  # article id -> analysis

    def articles_of(self, comparison: EventComparison) -> list[ArticleAnalysis]:
        return [self.analyses[i] for i in comparison.event.article_ids]


def build_digest(analyses: list[ArticleAnalysis], compare_all: Callable | None = None) -> Digest:
    """`compare_all` maps a list of (event, its analyses) to their comparisons, in order (the
    Pelican plugin passes one that caches and may run on Dask); default: compare_event each."""
    by_id = {a.article.id: a for a in sorted(analyses, key=lambda a: a.article.id)}
    events = group_into_events([a.article for a in by_id.values()],
                               features_of=lambda art: by_id[art.id].grouping
                               or article_features(art))
    jobs = [(e, [by_id[i] for i in e.article_ids]) for e in events]
    comparisons = (compare_all(jobs) if compare_all
                   else [compare_event(e, arts) for e, arts in jobs])
    forget_remembered()
    return Digest(comparisons=comparisons, analyses=by_id)
