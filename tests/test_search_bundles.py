"""The search index in bundles of bounded size (newsprism.search): the planner alone, the runner
with a stand-in for Pagefind, and a real build of the seeds with a tiny budget."""
from __future__ import annotations

import gzip
import json
import os
import re
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import TINY_BUNDLE_MB, site_files
from newsprism import search
from newsprism.search import (BundleIndexer, bundle_path, early_bundles, later_bundles,
                              pages_to_index, plan_bundles)


# The planner --------------------------------------------------------------------------------

def test_a_bundle_is_cut_before_the_page_that_would_take_it_over_the_budget():
    pages = [("a", 40), ("b", 50), ("c", 20), ("d", 90), ("e", 10)]
    assert plan_bundles(pages, 100) == [["a", "b"], ["c"], ["d", "e"]]


def test_a_page_larger_than_the_budget_is_a_bundle_of_its_own():
    pages = [("a", 10), ("big", 500), ("b", 10), ("c", 10)]
    assert plan_bundles(pages, 100) == [["a"], ["big"], ["b", "c"]]


def test_no_pages_no_bundles_and_no_budget_one_bundle():
    assert plan_bundles([], 100) == []
    assert plan_bundles([], None) == []
    assert plan_bundles([("a", 10**9), ("b", 10**9)], None) == [["a", "b"]]
    with pytest.raises(ValueError):
        plan_bundles([("a", 1)], 0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 300), max_size=40), st.integers(1, 250))
def test_bundles_keep_the_order_respect_the_budget_and_are_as_full_as_allowed(sizes, budget):
    pages = [(f"p{i:02d}", s) for i, s in enumerate(sizes)]
    size = dict(pages)
    bundles = plan_bundles(pages, budget)
    assert [p for b in bundles for p in b] == [p for p, _ in pages]  # every page, once, in order
    assert all(b for b in bundles)
    for b in bundles:
        assert len(b) == 1 or sum(size[p] for p in b) <= budget
    for b, after in zip(bundles, bundles[1:]):  # a bundle was cut only when it had to be
        assert sum(size[p] for p in b) + size[after[0]] > budget
    assert plan_bundles(pages, budget) == bundles


def test_the_pages_to_index_are_the_event_and_article_pages_sorted(tmp_path):
    for rel in ("events/b-event/index.html", "articles/z/index.html", "articles/a/index.html",
                "events/a-event/index.html", "events/a-event/feed.atom.xml", "index.html",
                "outlets/x/index.html", "search/index.html", "articles/a/deeper/index.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x" * len(rel), encoding="utf-8")
    (tmp_path / "articles" / "no-page").mkdir()
    assert pages_to_index(str(tmp_path)) == [
        ("articles/a/index.html", 21), ("articles/z/index.html", 21),
        ("events/a-event/index.html", 25), ("events/b-event/index.html", 25)]
    assert pages_to_index(str(tmp_path / "nothing-here")) == []


def test_article_pages_start_early_only_when_the_site_cannot_be_one_bundle():
    articles = [("articles/a", 30), ("articles/b", 30)]
    assert early_bundles(articles, 120) == []  # half a bundle or less: all pages together later
    assert early_bundles(articles, None) == []  # one bundle, whatever the size
    assert early_bundles(articles, 100) == [["articles/a", "articles/b"]]
    assert early_bundles(articles, 50) == [["articles/a"], ["articles/b"]]
    pages = articles + [("events/e", 40), ("events/f", 40)]
    assert later_bundles(pages, [["articles/a", "articles/b"]], 100) == [["events/e", "events/f"]]
    assert later_bundles(pages, [], 100) == plan_bundles(pages, 100)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 300), max_size=20), st.lists(st.integers(0, 300), max_size=20),
       st.one_of(st.none(), st.integers(1, 250)))
def test_early_and_later_bundles_hold_every_page_once_in_order(article_sizes, event_sizes, budget):
    pages = ([(f"articles/{i:02d}", s) for i, s in enumerate(article_sizes)]
             + [(f"events/{i:02d}", s) for i, s in enumerate(event_sizes)])
    early = early_bundles([p for p in pages if p[0].startswith("articles/")], budget)
    later = later_bundles(pages, early, budget)
    assert [p for b in early + later for p in b] == [p for p, _ in pages]
    assert all(b for b in early + later)
    if budget is not None:
        size = dict(pages)
        assert all(len(b) == 1 or sum(size[p] for p in b) <= budget for b in early + later)


def test_the_first_bundle_is_where_the_search_page_loads_pagefind_from():
    assert [bundle_path(i) for i in range(3)] == ["pagefind/", "pagefind/more/1/",
                                                  "pagefind/more/2/"]


# The runner, with a stand-in for the pagefind binary -----------------------------------------

FAKE_PAGEFIND = """\
    import json, os, sys, time
    args = dict(zip(sys.argv[1::2], sys.argv[2::2]))
    site, out = args["--site"], args["--output-path"]
    seen = sorted(os.path.relpath(os.path.join(d, f), site).replace(os.sep, "/")
                  for d, _, files in os.walk(site) for f in files)
    if any(os.environ.get("FAKE_FAIL_ON", "?") in p for p in seen):
        sys.exit("cannot index " + os.environ["FAKE_FAIL_ON"])
    time.sleep(float(os.environ.get("FAKE_SLEEP", "0")))
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "pagefind-entry.json"), "w") as fh:
        json.dump({"pages": seen}, fh)
    if os.environ.get("FAKE_FILTER"):  # a filter file, as given
        os.makedirs(os.path.join(out, "filter"))
        with open(os.path.join(out, "filter", "en_1234567.pf_filter"), "w") as fh:
            fh.write(os.environ["FAKE_FILTER"])
"""


@pytest.fixture
def fake_pagefind(tmp_path) -> str:
    path = tmp_path / "pagefind"
    path.write_text(f"#!{sys.executable}\n" + textwrap.dedent(FAKE_PAGEFIND), encoding="utf-8")
    path.chmod(0o755)
    return str(path)


@pytest.fixture
def small_site(tmp_path) -> Path:
    """Four article pages and two event pages, 100 bytes each."""
    site = tmp_path / "site"
    for rel in ["articles/a1/index.html", "articles/a2/index.html", "articles/a3/index.html",
                "articles/a4/index.html", "events/e1/index.html", "events/e2/index.html"]:
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(rel.ljust(100), encoding="utf-8")
    return site


def bundles_written(site: Path) -> list[list[str]]:
    """The pages each bundle's run saw, bundle by bundle."""
    found, i = [], 0
    while (site / bundle_path(i) / "pagefind-entry.json").exists():
        found.append(json.loads((site / bundle_path(i) / "pagefind-entry.json").read_text())["pages"])
        i += 1
    return found


def test_each_run_sees_its_bundles_pages_at_their_own_paths_and_nothing_is_left(fake_pagefind,
                                                                                  small_site):
    bundles = plan_bundles(pages_to_index(str(small_site)), 250)
    assert len(bundles) == 3
    (small_site / search.STAGING / "old").mkdir(parents=True)  # left by a killed build
    (small_site / "pagefind" / "more" / "7").mkdir(parents=True)  # a larger site's bundle
    assert BundleIndexer(fake_pagefind, str(small_site), bundles).start().wait() == []
    assert bundles_written(small_site) == bundles
    assert not (small_site / search.STAGING).exists()
    assert not (small_site / "pagefind" / "more" / "7").exists()
    assert all(os.stat(small_site / p).st_nlink == 1 for b in bundles for p in b)  # links gone


def test_a_failed_bundle_is_reported_the_others_are_built_and_nothing_is_left(
        fake_pagefind, small_site, monkeypatch):
    monkeypatch.setenv("FAKE_FAIL_ON", "articles/a3/")
    bundles = plan_bundles(pages_to_index(str(small_site)), 250)
    errors = BundleIndexer(fake_pagefind, str(small_site), bundles).start().wait()
    assert len(errors) == 1 and errors[0].startswith("pagefind/more/1/ (2 pages), exit 1")
    assert "cannot index articles/a3/" in errors[0]
    assert (small_site / bundle_path(2) / "pagefind-entry.json").exists()
    assert not (small_site / search.STAGING).exists()


def test_bundles_added_after_the_start_are_numbered_on_and_built(fake_pagefind, small_site):
    pages = pages_to_index(str(small_site))
    early = early_bundles(pages_to_index(str(small_site), ("articles",)), 250)
    assert len(early) == 2  # 400 bytes of article pages: more than half the budget
    run = BundleIndexer(fake_pagefind, str(small_site), early).start()
    later = later_bundles(pages, early, 250)
    run.add(later)
    assert run.wait() == []
    assert bundles_written(small_site) == early + later == [
        ["articles/a1/index.html", "articles/a2/index.html"],
        ["articles/a3/index.html", "articles/a4/index.html"],
        ["events/e1/index.html", "events/e2/index.html"]]
    with pytest.raises(RuntimeError):
        run.add(later)  # waited for: no more bundles


def test_stop_ends_the_running_pagefind_and_skips_the_rest(fake_pagefind, small_site,
                                                           monkeypatch):
    monkeypatch.setenv("FAKE_SLEEP", "60")
    bundles = plan_bundles(pages_to_index(str(small_site)), 250)
    run = BundleIndexer(fake_pagefind, str(small_site), bundles).start()
    time.sleep(0.5)
    started = time.monotonic()
    run.stop()
    assert time.monotonic() - started < 10
    assert run.errors == []  # a stopped run is not a failure
    assert bundles_written(small_site) == []
    assert not (small_site / search.STAGING).exists()
    run.stop()  # twice is harmless
    BundleIndexer(fake_pagefind, str(small_site), bundles).stop()  # never started: harmless


# Byte-stable bundles ------------------------------------------------------------------------

def pagefind_bundle(folder: Path, filters: dict[str, list], order: list[str]) -> None:
    """A bundle as Pagefind 1.x writes it: filter files (one filter's values, each with its
    pages, in the order given), the metadata listing them (filters in `order`) and the entry
    naming the metadata; names as Pagefind gives them, whatever they are."""
    def write(path: Path, value) -> None:
        path.write_bytes(gzip.compress(search._PAGEFIND_MAGIC + search._cbor(value)))
    (folder / "filter").mkdir(parents=True)
    files = {}
    for k, (name, values) in enumerate(filters.items()):
        files[name] = f"en_{os.urandom(4).hex()[:7]}"
        write(folder / "filter" / f"{files[name]}.pf_filter", [name, values])
    meta = f"en_{os.urandom(5).hex()}"
    write(folder / f"pagefind.{meta}.pf_meta",
          ["1.5.2", [["en_page000", 12]], [], [[n, files[n]] for n in order], [], ["title"]])
    (folder / "pagefind-entry.json").write_text(json.dumps(
        {"version": "1.5.2", "languages": {"en": {"hash": meta, "page_count": 1}}}))


def bundle_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_bundle_pagefind_wrote_in_hash_map_order_is_made_byte_stable(tmp_path):
    """Pagefind writes each filter's values, and the list of filters, in hash-map order, which
    differs between two runs over the same pages, and names the files by their bytes: once
    made stable, two such bundles of the same pages are the same files, and the entry, the
    metadata and the filter files still name one another."""
    a, b = tmp_path / "a", tmp_path / "b"
    pagefind_bundle(a, {"outlet": [["Fox News", [0, 2]], ["BBC", [1]]], "event": [["E", [0]]]},
                    ["outlet", "event"])
    pagefind_bundle(b, {"event": [["E", [0]]], "outlet": [["BBC", [1]], ["Fox News", [0, 2]]]},
                    ["event", "outlet"])
    assert bundle_files(a) != bundle_files(b)
    search.make_stable(str(a))
    search.make_stable(str(b))
    assert bundle_files(a) == bundle_files(b)
    meta_name = json.loads((a / "pagefind-entry.json").read_text())["languages"]["en"]["hash"]
    meta = search._read_pagefind(str(a / f"pagefind.{meta_name}.pf_meta"))
    assert [name for name, _ in meta[3]] == ["event", "outlet"]
    outlet = search._read_pagefind(str(a / "filter" / f"{dict(meta[3])['outlet']}.pf_filter"))
    assert outlet == ["outlet", [["BBC", [1]], ["Fox News", [0, 2]]]]
    assert len(list((a / "filter").iterdir())) == 2 and len(list(a.glob("*.pf_meta"))) == 1
    search.make_stable(str(a))  # again: nothing changes
    assert bundle_files(a) == bundle_files(b)


def test_a_bundle_with_one_unreadable_file_is_left_entirely_as_it_was(tmp_path):
    """Every file is read before any is written: one filter file in another format leaves the
    bundle as Pagefind wrote it, the good filter files too, so the search page still works."""
    pagefind_bundle(tmp_path, {"outlet": [["Fox News", [0]]], "event": [["E", [0]]]},
                    ["outlet", "event"])
    (tmp_path / "filter" / "en_zzzzzzz.pf_filter").write_bytes(gzip.compress(b"other format"))
    before = bundle_files(tmp_path)
    with pytest.raises(ValueError, match="en_zzzzzzz.pf_filter: not a Pagefind file"):
        search.make_stable(str(tmp_path))
    assert bundle_files(tmp_path) == before


def test_a_bundle_that_cannot_be_read_is_reported_and_left_as_pagefind_wrote_it(
        fake_pagefind, small_site, monkeypatch):
    """The indexer makes each bundle stable after its run; one it cannot read (another
    Pagefind's format) still works as written, and the build says why it is not stable."""
    monkeypatch.setenv("FAKE_FILTER", "not gzip")
    bundles = plan_bundles(pages_to_index(str(small_site)), None)
    errors = BundleIndexer(fake_pagefind, str(small_site), bundles).start().wait()
    assert len(errors) == 1 and errors[0].startswith("pagefind/ left as Pagefind wrote it")
    assert (small_site / "pagefind" / "filter" / "en_1234567.pf_filter").read_bytes() == \
        b"not gzip"
    with pytest.raises(ValueError, match="en_1234567.pf_filter"):
        search.make_stable(str(small_site / "pagefind"))


# A real build -------------------------------------------------------------------------------

def fragment_urls(bundle: Path) -> set[str]:
    """The page URLs a Pagefind bundle holds (each fragment: gzip, a 12-byte tag, JSON)."""
    return {json.loads(gzip.decompress(f.read_bytes())[12:])["url"]
            for f in (bundle / "fragment").glob("*.pf_fragment")}


def listed_bundles(site) -> list[str]:
    m = re.search(r'<div id="search"(?: data-bundles="([^"]*)")?>', site.text("search/index.html"))
    assert m, "no #search element"
    return (m.group(1) or "").split()


def test_a_small_budget_splits_the_index_into_bundles_the_search_page_lists(bundled_seeds_site):
    site = bundled_seeds_site
    pages = pages_to_index(str(site.root))
    budget = int(TINY_BUNDLE_MB * search.MB)
    early = early_bundles(pages_to_index(str(site.root), ("articles",)), budget)
    assert early  # the article pages were indexed before the event pages were written
    plan = early + later_bundles(pages, early, budget)
    assert len(plan) >= 3
    assert listed_bundles(site) == [bundle_path(i) for i in range(1, len(plan))]
    held = []
    for i, bundle in enumerate(plan):
        folder = site.root / bundle_path(i)
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"]["en"]["page_count"] == len(bundle)
        urls = fragment_urls(folder)
        assert urls == {"/" + p.removesuffix("index.html") for p in bundle}
        held.append(urls)
    assert sum(map(len, held)) == len(pages) == 6  # every page in exactly one bundle
    event = next(i for i, urls in enumerate(held) if any(u.startswith("/events/") for u in urls))
    assert any(u.startswith("/articles/") for i, urls in enumerate(held) if i != event
               for u in urls)
    assert not (site.root / search.STAGING).exists()
    assert "Pagefind failed" not in site.run.stderr + site.run.stdout


def test_a_small_site_stays_one_bundle(seeds_site):
    assert (seeds_site.root / "pagefind" / "pagefind-entry.json").exists()
    assert not (seeds_site.root / "pagefind" / "more").exists()
    assert listed_bundles(seeds_site) == []
    assert not (seeds_site.root / search.STAGING).exists()


def test_bundles_change_nothing_but_the_search_pages_list(bundled_seeds_site, seeds_site):
    one = site_files(seeds_site.root, search=False)
    several = site_files(bundled_seeds_site.root, search=False)
    assert sorted(one) == sorted(several)
    assert [f for f in one if one[f] != several[f]] == ["search/index.html"]
    attribute = ' data-bundles="' + " ".join(listed_bundles(bundled_seeds_site)) + '"'
    assert several["search/index.html"].decode().replace(attribute, "") == \
        one["search/index.html"].decode()
