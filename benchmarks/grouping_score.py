"""Score event grouping against a gold standard.

    .venv/bin/python benchmarks/grouping_score.py DIR [DIR ...] [--gold DIR/gold.json]
    .venv/bin/python benchmarks/grouping_score.py --twins      # the near-twin test corpus

Every article file (.txt, .md) in each DIR is parsed with parse_article and grouped with
group_into_events.  The gold standard is `{file name: event id}` from DIR/gold.json (or
--gold for a single DIR); a DIR without gold.json is taken as ONE event (for example
../shared/seeds).  Prints B-cubed precision, recall and F1 over articles, the adjusted Rand
index, and the worst merges (a found event mixing gold events) and splits (a gold event spread
over found events), by title.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from newsprism.grouping import group_into_events
from newsprism.parse import UnreadableArticle, parse_article

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")


def load(dirs: list[Path], gold_path: Path | None):
    articles, gold = [], {}
    for d in dirs:
        gp = gold_path if (gold_path and len(dirs) == 1) else d / "gold.json"
        labels = json.loads(gp.read_text()) if gp.exists() else None
        for f in sorted(d.iterdir()):
            if f.suffix.lower() not in ARTICLE_SUFFIXES or f.name.lower().startswith("readme"):
                continue
            rel = f"{d.name}/{f.name}"
            try:
                a = parse_article(f.read_bytes(), rel)
            except UnreadableArticle as exc:
                print(f"skipped {rel}: {exc}", file=sys.stderr)
                continue
            if labels is None:
                gold[a.id] = f"{d.name}:all"
            elif f.name in labels:
                gold[a.id] = f"{d.name}:{labels[f.name]}"
            else:
                print(f"no gold label for {rel}; left out of the score", file=sys.stderr)
            articles.append(a)
    return articles, gold


def bcubed(found: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the items labelled in both."""
    items = [i for i in gold if i in found]
    by_found, by_gold = defaultdict(set), defaultdict(set)
    for i in items:
        by_found[found[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        same_found, same_gold = by_found[found[i]], by_gold[gold[i]]
        both = len(same_found & same_gold)
        p += both / len(same_found)
        r += both / len(same_gold)
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def adjusted_rand(found: dict[str, str], gold: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score
    items = [i for i in gold if i in found]
    return float(adjusted_rand_score([gold[i] for i in items], [found[i] for i in items]))


def score(articles, gold, show: int = 5, out=sys.stdout) -> dict:
    t0 = time.perf_counter()
    events = group_into_events(articles)
    seconds = time.perf_counter() - t0
    found = {aid: e.slug for e in events for aid in e.article_ids}
    p, r, f1 = bcubed(found, gold)
    ari = adjusted_rand(found, gold)
    titles = {a.id: a.title for a in articles}
    print(f"articles {len(articles)}  gold events {len(set(gold.values()))}  "
          f"found events {len(events)}  ({seconds:.2f} s)", file=out)
    print(f"B-cubed precision {p:.4f}  recall {r:.4f}  F1 {f1:.4f}  ARI {ari:.4f}", file=out)

    merges = []
    for e in events:
        labels = Counter(gold[i] for i in e.article_ids if i in gold)
        if len(labels) > 1:
            merges.append((sum(labels.values()) - max(labels.values()), e, labels))
    merges.sort(key=lambda m: (-m[0], m[1].slug))
    print(f"\nworst merges ({len(merges)} found events mix gold events):", file=out)
    for impurity, e, labels in merges[:show]:
        print(f"  [{e.slug}] {e.title}", file=out)
        for aid in e.article_ids:
            print(f"      {gold.get(aid, '?'):>12}  {titles[aid][:90]}", file=out)

    by_gold = defaultdict(list)
    for aid, g in gold.items():
        by_gold[g].append(aid)
    splits = []
    for g, ids in by_gold.items():
        parts = Counter(found[i] for i in ids)
        if len(parts) > 1:
            splits.append((len(ids) - max(parts.values()), g, ids))
    splits.sort(key=lambda s: (-s[0], s[1]))
    print(f"\nworst splits ({len(splits)} gold events spread over found events):", file=out)
    for missing, g, ids in splits[:show]:
        print(f"  gold {g}", file=out)
        for aid in sorted(ids, key=lambda i: found[i]):
            print(f"      {found[aid][:40]:>40}  {titles[aid][:80]}", file=out)
    return {"precision": p, "recall": r, "f1": f1, "ari": ari, "events": len(events)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path, help="folders of article files")
    ap.add_argument("--twins", action="store_true",
                    help="score the hand-written near-twin corpus of tests/, dated and undated")
    ap.add_argument("--gold", type=Path, help="gold.json for a single DIR (default DIR/gold.json)")
    ap.add_argument("--show", type=int, default=5, help="how many merges and splits to list")
    args = ap.parse_args(argv)
    if args.twins:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from twin_corpus import twin_articles
        for dated in (True, False):
            print(f"== near-twin corpus, {'dated' if dated else 'dates removed'}")
            score(*twin_articles(dated), show=args.show)
            print()
    if not args.dirs:
        return 0
    articles, gold = load(args.dirs, args.gold)
    if not gold:
        print("no gold labels found", file=sys.stderr)
        return 2
    score(articles, gold, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
