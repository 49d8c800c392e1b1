"""PLACEHOLDER until the compare branch lands."""
from __future__ import annotations

from .model import ArticleAnalysis, Event, EventComparison


def compare_event(event: Event, analyses: list[ArticleAnalysis]) -> EventComparison:
    return EventComparison(event=event)
