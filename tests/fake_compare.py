"""A stand-in comparison for tests and screenshots, until the real comparison engine lands.

It fills every field the theme shows (claim groups, consensus, a conflict, unique and omitted
claims, quotes, tone) from the articles' own sentences with crude rules, so the pages can be
checked with data in every section. Not the project's comparison: never imported by the site.

    python tests/fake_compare.py CONTENT -o OUTPUT -s pelicanconf.py   # Pelican's arguments
"""
from __future__ import annotations

import re
import sys

from newsprism.model import (ArticleAnalysis, Claim, ClaimGroup, Conflict, ConflictValue, Event,
                             EventComparison, Number, Quote, Tone)
from newsprism.text import content_words

LOADED = {"reckless", "dangerous", "catastrophic", "landmark", "precarious", "untenable", "dramatically"}
TROOPS = re.compile(r"(\d[\d,]*) North Korean troops")
QUOTE = re.compile(r"“([^”]{12,})”")


def _annotate(a: ArticleAnalysis) -> None:
    if a.claims:
        return
    a.claims = [Claim(id=s.id, text=s.text, kinds=["action"]) for s in a.sentences
                if s.id in a.summary or TROOPS.search(s.text)]
    for c in a.claims:
        m = TROOPS.search(c.text)
        if m:
            c.numbers = [Number(float(m.group(1).replace(",", "")), "troops", m.group(1))]
    a.quotes = [Quote(text=m.group(1), speaker="Vladimir Putin" if "Putin" in s.text else None,
                      sentence=s.id, sentence_text=s.text)
                for s in a.sentences for m in QUOTE.finditer(s.text)]
    loaded = [s for s in a.sentences if LOADED & set(content_words(s.text))]
    a.tone = Tone(label="opinion" if len(loaded) > 2 else "news report",
                  reasons=[f"{len(loaded)} sentences with loaded words"],
                  loaded_share=len(loaded) / max(1, len(a.sentences)), hedges=["reportedly"],
                  attributions=[], loaded_words=sorted({w for s in loaded for w in
                                                        LOADED & set(content_words(s.text))}),
                  loaded_sentences=[s.id for s in loaded])


def compare_event(event: Event, analyses: list[ArticleAnalysis]) -> EventComparison:
    for a in analyses:
        _annotate(a)
    groups: list[ClaimGroup] = []
    bags: list[set[str]] = []
    for a in analyses:
        for c in a.claims:
            bag = set(content_words(c.text))
            k = next((k for k, b in enumerate(bags) if a.article.id not in groups[k].articles
                      and len(b & bag) / (len(b | bag) or 1) > 0.25
                      or (TROOPS.search(c.text) and TROOPS.search(groups[k].text))), None)
            if k is None:
                groups.append(ClaimGroup(f"g{len(groups) + 1}", c.text, [], {}, {}))
                bags.append(bag)
                k = len(groups) - 1
            groups[k].articles.append(a.article.id)
            groups[k].sentences[a.article.id] = c.text
            groups[k].anchors[a.article.id] = c.id
    groups.sort(key=lambda g: -len(g.articles))
    for n, g in enumerate(groups, 1):
        g.id = f"g{n}"
    ids = [a.article.id for a in analyses]
    consensus = [g.id for g in groups if len(g.articles) > 1]
    values = [ConflictValue(a.article.id, c.numbers[0].value, c.numbers[0].text, c.text, c.id)
              for a in analyses for c in a.claims if c.numbers]
    conflicts = ([Conflict("North Korean troops sent to Russia", "troops", values)]
                 if len({v.value for v in values}) > 1 else [])
    return EventComparison(
        event=event, claim_groups=groups, consensus=consensus, conflicts=conflicts,
        unique={i: [g.id for g in groups if g.articles == [i]] for i in ids},
        omitted={i: [g for g in consensus if i not in next(x for x in groups if x.id == g).articles]
                 for i in ids},
        quotes=[{"speaker": q.speaker, "text": q.text, "article": a.article.id, "anchor": q.sentence}
                for a in analyses for q in a.quotes])


if __name__ == "__main__":
    import newsprism.pipeline
    from pelican import main

    newsprism.pipeline.compare_event = compare_event
    main(sys.argv[1:])
