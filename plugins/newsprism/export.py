"""The output contract: output/data/events.json and output/data/events/<slug>.json.

Plain dicts in a fixed order, written with one deterministic JSON encoder (`dumps`).
"""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from .model import ArticleAnalysis, EventComparison

EVENTS_SCHEMA = "newsprism/events@1"
EVENT_SCHEMA = "newsprism/event@1"


def event_url(slug: str) -> str:
    return f"events/{slug}/"


def article_url(article_id: str) -> str:
    return f"articles/{article_id}/"


def dumps(obj: Any) -> str:
    """Deterministic JSON: same object, same bytes. `<`, `>` and `&` (which JSON only has
    inside strings) are written as \\u escapes: the data can be inlined in a page's <script>
    and still never close it, and no markup from an article stands in any file we write."""
    text = json.dumps(obj, ensure_ascii=False, indent=1, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def article_entry(a: ArticleAnalysis) -> dict[str, Any]:
    art = a.article
    return {"id": art.id, "source_path": art.source_path, "title": art.title,
            "outlet": art.outlet, "url": art.url, "date": art.date,
            "page": article_url(art.id)}


def events_index(comparisons: list[EventComparison],
                 analyses: dict[str, ArticleAnalysis]) -> dict[str, Any]:
    return {
        "schema": EVENTS_SCHEMA,
        "events": [
            {"slug": c.event.slug, "title": c.event.title, "url": event_url(c.event.slug),
             "date_first": c.event.date_first, "date_last": c.event.date_last,
             "articles": [article_entry(analyses[i]) for i in c.event.article_ids]}
            for c in comparisons
        ],
    }


def article_detail(a: ArticleAnalysis) -> dict[str, Any]:
    by_id = {s.id: s.text for s in a.sentences}
    entry = article_entry(a)
    entry.update({
        "title_derived": a.article.title_derived,
        "readability": asdict(a.readability),
        "summary": [by_id[sid] for sid in a.summary],
        "summary_anchors": list(a.summary),
        "claims": [asdict(c) for c in a.claims],
        "quotes": [asdict(q) for q in a.quotes],
        "tone": asdict(a.tone) if a.tone else None,
        "warnings": list(a.article.warnings),
    })
    return entry


def event_detail(c: EventComparison, analyses: dict[str, ArticleAnalysis]) -> dict[str, Any]:
    return {
        "schema": EVENT_SCHEMA,
        "slug": c.event.slug,
        "title": c.event.title,
        "url": event_url(c.event.slug),
        "date_first": c.event.date_first,
        "date_last": c.event.date_last,
        "articles": [article_detail(analyses[i]) for i in c.event.article_ids],
        "claim_groups": [asdict(g) for g in c.claim_groups],
        "consensus": list(c.consensus),
        "conflicts": [asdict(x) for x in c.conflicts],
        "unique": {k: list(v) for k, v in c.unique.items()},
        "omitted": {k: list(v) for k, v in c.omitted.items()},
        "quotes": list(c.quotes),
    }
