"""PLACEHOLDER until the grouping branch lands: pinned events, else word overlap of leads."""
from __future__ import annotations

from .model import Article, Event
from .text import content_words, slugify


def group_into_events(articles: list[Article]) -> list[Event]:
    groups: dict[str, list[Article]] = {}
    bags: dict[str, set[str]] = {}
    for a in sorted(articles, key=lambda a: a.id):
        if a.event:
            groups.setdefault(a.event, []).append(a)
            continue
        bag = set(content_words(a.title + " " + " ".join(a.paragraphs[:3])))
        best = max(bags, key=lambda k: len(bags[k] & bag) / (len(bags[k] | bag) or 1), default=None)
        if best and len(bags[best] & bag) / (len(bags[best] | bag) or 1) > 0.1:
            groups[best].append(a)
            bags[best] |= bag
        else:
            key = slugify(a.title)
            groups[key] = [a]
            bags[key] = bag
    events = []
    for slug, arts in groups.items():
        dates = sorted(a.date for a in arts if a.date)
        events.append(Event(slug=slug, title=arts[0].title, article_ids=[a.id for a in arts],
                            date_first=dates[0] if dates else None,
                            date_last=dates[-1] if dates else None))
    return sorted(events, key=lambda e: (e.date_last or "", e.slug), reverse=True)
