"""Grouping at scale: generate N synthetic articles in memory, group them, report time and
peak memory.

    .venv/bin/python benchmarks/grouping_scale.py [--n 20000] [--seed 7]

Events have 1 to 8 articles from different outlets over a year; each article is ~350 words
drawn from a shared news vocabulary plus its event's own names, numbers and topic words, so
blocking has to cope with many same-topic events.  Deterministic for a given seed.  Prints
seconds (feature extraction + grouping), peak resident memory (getrusage; --tracemalloc adds
Python's own allocation peak), and
B-cubed F1 against the generating events as a sanity check.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from grouping_score import bcubed  # noqa: E402

from newsprism.grouping import group_into_events  # noqa: E402
from newsprism.model import Article, Block  # noqa: E402

OUTLETS = ["Daily Ledger", "Morning Post", "Wire Report", "Globe Times", "Evening Star",
           "Capitol Daily", "Market Watchers", "National Desk", "Metro Herald", "Courier"]


def _syllable_word(rng: random.Random, parts: int) -> str:
    sy = ["ka", "lo", "mi", "ren", "tu", "sa", "vor", "el", "dan", "qui", "bar", "zo", "pe", "lin",
          "gor", "ta", "mus", "ne", "ri", "ost", "hal", "ve", "cor", "dra"]
    return "".join(rng.choice(sy) for _ in range(parts))


def generate(n: int, seed: int = 7) -> tuple[list[Article], dict[str, str]]:
    rng = random.Random(seed)
    common = sorted({_syllable_word(rng, 2) for _ in range(3000)})
    topics = [sorted({_syllable_word(rng, 3) for _ in range(40)}) for _ in range(max(5, n // 400))]
    names = sorted({_syllable_word(rng, 2).capitalize() + " " + _syllable_word(rng, 3).capitalize()
                    for _ in range(max(50, n // 4))})
    places = sorted({_syllable_word(rng, 3).capitalize() for _ in range(max(50, n // 8))})
    start = dt.date(2023, 1, 1).toordinal()
    articles: list[Article] = []
    gold: dict[str, str] = {}
    event = 0
    while len(articles) < n:
        event += 1
        topic = rng.choice(topics)
        focus = rng.sample(topic, 8)
        who = rng.sample(names, 3)
        where = rng.choice(places)
        nums = [str(rng.randint(2, 5000)) for _ in range(3)]
        day = start + rng.randint(0, 364)
        size = min(n - len(articles), rng.choice([1, 2, 3, 4, 5, 5, 6, 8]))
        for k, outlet in enumerate(rng.sample(OUTLETS, size)):
            aid = f"e{event:05d}-{k}"
            date = dt.date.fromordinal(day + rng.choice([0, 0, 0, 1, 1, 2])).isoformat()
            title = " ".join([rng.choice(who)] + rng.sample(focus, 3) + ["in", where]).capitalize()
            paras = []
            for _ in range(5):
                sentences = []
                for _ in range(3):
                    words = (rng.sample(common, 10) + rng.sample(topic, 3) + rng.sample(focus, 3))
                    rng.shuffle(words)
                    sentence = " ".join(words[:8]) + f" {rng.choice(who)} " + " ".join(words[8:])
                    if rng.random() < 0.5:
                        sentence += f" in {where} with {rng.choice(nums)}"
                    sentences.append(sentence.capitalize() + ".")
                paras.append(" ".join(sentences))
            articles.append(Article(
                id=aid, source_path=f"{aid}.txt", title=title, outlet=outlet, url=None,
                date=None if rng.random() < 0.1 else date, author=None, event=None,
                blocks=[Block("paragraph", p) for p in paras], content_hash=aid))
            gold[aid] = f"e{event}"
    return articles, gold


def _cpu_seconds() -> float:
    """User + system CPU time of this process and its finished workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--tracemalloc", action="store_true",
                    help="also trace Python allocations (exact peak, but several times slower)")
    args = ap.parse_args(argv)
    articles, gold = generate(args.n, args.seed)
    words = sum(len(b.text.split()) for a in articles for b in a.blocks)
    print(f"{len(articles)} articles, {len(set(gold.values()))} events, "
          f"{words / len(articles):.0f} words per article")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.tracemalloc:
        tracemalloc.start()
    t0, c0 = time.perf_counter(), _cpu_seconds()
    events = group_into_events(articles)
    seconds, cpu = time.perf_counter() - t0, _cpu_seconds() - c0
    traced = ""
    if args.tracemalloc:
        traced = f"; peak traced {tracemalloc.get_traced_memory()[1] / 2**20:.0f} MiB"
        tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    found = {aid: e.slug for e in events for aid in e.article_ids}
    p, r, f1 = bcubed(found, gold)
    print(f"grouped into {len(events)} events in {seconds:.1f} s wall, {cpu:.1f} s CPU "
          f"(all processes); peak RSS {rss_mb:.0f} MiB "
          f"(corpus in memory before grouping: {rss_before:.0f} MiB){traced}")
    print(f"B-cubed against the generating events: P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
