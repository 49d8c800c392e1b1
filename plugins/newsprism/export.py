"""The output contract: output/data/events.json and output/data/events/<slug>.json.

Plain dicts in a fixed order, written with one deterministic JSON encoder (`dumps`). Each model
object becomes a dict with its fields in declaration order, built directly (the same dict
`dataclasses.asdict` gives, without its deep copy: tests/test_export.py holds them equal).
The dicts share the model's lists and are only for writing.
"""
from __future__ import annotations

import json
from typing import Any

from .model import (ArticleAnalysis, Claim, ClaimGroup, Conflict, EventComparison, Number, Quote,
                    Readability, Tone)

EVENTS_SCHEMA = "newsprism/events@1"
EVENT_SCHEMA = "newsprism/event@1"


def event_url(slug: str) -> str:
    return f"events/{slug}/"


def article_url(article_id: str) -> str:
    return f"articles/{article_id}/"


def dumps(obj: Any) -> str:
    """Deterministic JSON: same object, same bytes. Compact, so Python's C encoder writes it
    (an indent switches to the pure-Python one, several times slower). `<`, `>` and `&`
    (which JSON only has inside strings) are written as \\u escapes: the data can be inlined
    in a page's <script> and still never close it, and no markup from an article stands in any
    file we write."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
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


def readability_dict(r: Readability) -> dict[str, Any]:
    return {"flesch_reading_ease": r.flesch_reading_ease,
            "flesch_kincaid_grade": r.flesch_kincaid_grade, "gunning_fog": r.gunning_fog,
            "smog_index": r.smog_index, "dale_chall": r.dale_chall, "words": r.words,
            "sentences": r.sentences, "reading_time_s": r.reading_time_s,
            "applicable": r.applicable, "note": r.note}


def number_dict(n: Number) -> dict[str, Any]:
    return {"value": n.value, "unit": n.unit, "text": n.text, "qualifier": n.qualifier,
            "value_max": n.value_max, "subject": n.subject, "modality": n.modality}


def claim_dict(c: Claim) -> dict[str, Any]:
    return {"id": c.id, "text": c.text, "kinds": c.kinds, "entities": c.entities,
            "numbers": [number_dict(n) for n in c.numbers], "modality": c.modality,
            "score": c.score, "predicates": c.predicates}


def quote_dict(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "speaker": q.speaker, "sentence": q.sentence,
            "sentence_text": q.sentence_text, "cue": q.cue}


def tone_dict(t: Tone) -> dict[str, Any]:
    return {"label": t.label, "reasons": t.reasons, "loaded_share": t.loaded_share,
            "hedges": t.hedges, "attributions": t.attributions, "loaded_words": t.loaded_words,
            "loaded_sentences": t.loaded_sentences}


def claim_group_dict(g: ClaimGroup) -> dict[str, Any]:
    return {"id": g.id, "text": g.text, "articles": g.articles, "sentences": g.sentences,
            "anchors": g.anchors, "reworded": g.reworded,
            "reworded_anchors": g.reworded_anchors}


def conflict_dict(x: Conflict) -> dict[str, Any]:
    return {"subject": x.subject, "unit": x.unit, "values": [
        {"article": v.article, "value": v.value, "text": v.text, "sentence": v.sentence,
         "anchor": v.anchor, "qualifier": v.qualifier} for v in x.values]}


def article_detail(a: ArticleAnalysis) -> dict[str, Any]:
    by_id = {s.id: s.text for s in a.sentences}
    entry = article_entry(a)
    entry.update({
        "title_derived": a.article.title_derived,
        "readability": readability_dict(a.readability),
        "summary": [by_id[sid] for sid in a.summary],
        "summary_anchors": a.summary,
        "claims": [claim_dict(c) for c in a.claims],
        "quotes": [quote_dict(q) for q in a.quotes],
        "tone": tone_dict(a.tone) if a.tone else None,
        "warnings": a.article.warnings,
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
        "claim_groups": [claim_group_dict(g) for g in c.claim_groups],
        "consensus": c.consensus,
        "conflicts": [conflict_dict(x) for x in c.conflicts],
        "unique": c.unique,
        "omitted": c.omitted,
        "quotes": c.quotes,
    }
