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
from .model import ArticleAnalysis, Event, EventComparison


@dataclass
class Digest:
    comparisons: list[EventComparison]  # events newest first
    analyses: dict[str, ArticleAnalysis]  # article id -> analysis

    def articles_of(self, comparison: EventComparison) -> list[ArticleAnalysis]:
        return [self.analyses[i] for i in comparison.event.article_ids]


CompareJob = tuple[Event, list[ArticleAnalysis]]


def group_articles(analyses: list[ArticleAnalysis]
                   ) -> tuple[dict[str, ArticleAnalysis], list[CompareJob]]:
    """The analyses by article id, and the events (newest first), each with its analyses: what
    is then compared."""
    by_id = {a.article.id: a for a in sorted(analyses, key=lambda a: a.article.id)}
    events = group_into_events([a.article for a in by_id.values()],
                               features_of=lambda art: by_id[art.id].grouping
                               or article_features(art))
    return by_id, [(e, [by_id[i] for i in e.article_ids]) for e in events]


def finish_digest(by_id: dict[str, ArticleAnalysis],
                  comparisons: list[EventComparison]) -> Digest:
    """The digest, once every event is compared (in group_articles's order)."""
    forget_remembered()
    return Digest(comparisons=comparisons, analyses=by_id)


def build_digest(analyses: list[ArticleAnalysis], compare_all: Callable | None = None) -> Digest:
    """`compare_all` maps a list of (event, its analyses) to their comparisons, in order;
    default: compare_event each. (The Pelican plugin runs the two steps apart, so that article
    pages are written while the events are compared.)"""
    by_id, jobs = group_articles(analyses)
    comparisons = (compare_all(jobs) if compare_all
                   else [compare_event(e, arts) for e, arts in jobs])
    return finish_digest(by_id, comparisons)
