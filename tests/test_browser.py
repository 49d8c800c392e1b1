"""The reader's site in Debian's Chromium (Playwright), served under a sub-path on 127.0.0.1.

Every kind of page loads with no console error and no failed request, axe-core finds no serious
or critical violation, the event page fits a 375 px phone, search finds the seed event, and the
pages work from the keyboard and with JavaScript off.
"""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from browser import launch, serve_under_subpath

SEVERE = {"serious", "critical"}


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def site_pages(site) -> list[str]:
    """One page of each kind, plus every event and article page."""
    pages = ["index.html", "methodology/index.html", "outlets/index.html", "search/index.html"]
    pages.append(sorted(p.relative_to(site.root).as_posix()
                        for p in (site.root / "outlets").glob("*/index.html"))[0])
    for e in site.events:
        pages.append(f"events/{e['slug']}/index.html")
        pages += [f"articles/{a['id']}/index.html" for a in e["articles"]]
    return pages


def open_page(browser, url: str, width: int = 1280, **context):
    """A page loaded at `url`, with every console error, page error and failed request."""
    ctx = browser.new_context(viewport={"width": width, "height": 900}, **context)
    page = ctx.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type in ("error", "warning") and problems.append(
        f"console {m.type}: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    page.goto(url, wait_until="networkidle")
    return page, problems


@pytest.mark.parametrize("which", ["seeds_site"])
def test_every_page_loads_clean_and_passes_axe(browser, which, request):
    site = request.getfixturevalue(which)
    failures = []
    with serve_under_subpath(site.root) as base:
        for path in site_pages(site):
            page, problems = open_page(browser, base + path)
            violations = [v for v in Axe().run(page).response["violations"]
                          if v["impact"] in SEVERE]
            failures += [f"{path}: {p}" for p in problems]
            failures += [f"{path}: axe {v['id']} ({v['impact']}): "
                         f"{[n['target'] for n in v['nodes']][:3]}" for v in violations]
            page.context.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("which", ["seeds_site"])
def test_pages_fit_a_375px_phone(browser, which, request):
    site = request.getfixturevalue(which)
    slug = site.events[0]["slug"]
    article = site.events[0]["articles"][0]["id"]
    with serve_under_subpath(site.root) as base:
        for path in (f"events/{slug}/index.html", "index.html", f"articles/{article}/index.html"):
            page, _ = open_page(browser, base + path, width=375)
            assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
            page.context.close()


def test_event_page_columns_side_by_side_with_their_parts_aligned_and_stacked_on_phones(
        browser, seeds_site):
    """Five outlets in one row on a wide screen, three in the first row at 1280 px (a readable
    width), one under another on a phone; in a row, each part of a column (head, summary, only
    this outlet, leaves out, quotes, figures) starts at the same height as in the others."""
    slug = seeds_site.events[0]["slug"]
    with serve_under_subpath(seeds_site.root) as base:
        for width, in_first_row in ((1920, 5), (1280, 3), (375, 1)):
            page, _ = open_page(browser, base + f"events/{slug}/index.html", width=width)
            tops = page.eval_on_selector_all("#outlets .outlet", """els => els.map(e =>
                [...e.children].map(c => Math.round(c.getBoundingClientRect().top)))""")
            assert len(tops) == 5 and all(len(parts) == 6 for parts in tops)
            first_row = [parts for parts in tops if parts[0] == tops[0][0]]
            assert len(first_row) == in_first_row, (width, tops)
            if in_first_row > 1:
                assert all(parts == first_row[0] for parts in first_row), (width, tops)
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.context.close()


def test_search_finds_the_seed_event_for_atacms(browser, seeds_site):
    slug = seeds_site.events[0]["slug"]
    with serve_under_subpath(seeds_site.root) as base:
        page, problems = open_page(browser, base + "search/index.html")
        page.fill(".pagefind-ui__search-input", "ATACMS")
        # Results appear one by one as their fragments load: wait for the event's.
        page.wait_for_selector(f'.pagefind-ui__result-link[href*="/events/{slug}/"]', timeout=15000)
        links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
        assert any(f"/events/{slug}/" in h for h in links), links
        assert all(h.startswith(base) for h in links), links  # the sub-path is kept
        filters = page.inner_text(".pagefind-ui__filter-panel")
        assert "outlet" in filters.lower() and "event" in filters.lower()
        page.goto(next(h for h in links if f"/events/{slug}/" in h))
        assert page.inner_text("h1").startswith(seeds_site.events[0]["title"][:20])
        assert not problems, problems
        page.context.close()


def search_for(page, term: str) -> None:
    """Type `term` into Pagefind's box and wait for its results to settle."""
    page.fill(".pagefind-ui__search-input", term)
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    page.wait_for_load_state("networkidle")


def settled(page, read, expect=None, wait_ms: int = 400, agreeing: int = 3, tries: int = 50):
    """`read()` once `agreeing` reads in a row, `wait_ms` apart, agree: the search UI updates
    its filter counts as each bundle's filters arrive, after the network is idle. With `expect`,
    wait for that value instead (up to `tries` reads): on a busy machine a half-merged count
    once held for three reads over a second apart."""
    last, same = read(), 1
    for _ in range(tries):
        if expect is not None and last == expect:
            return last
        page.wait_for_timeout(wait_ms)
        now = read()
        same = same + 1 if now == last else 1
        if expect is None and same >= agreeing:
            return now
        last = now
    return last


def test_search_merges_the_bundles_of_a_site_indexed_in_several(browser, bundled_seeds_site,
                                                                 seeds_site):
    """With the index in several bundles, one search finds pages of several bundles, and its
    result count and filters (outlet, event, with their counts) are those of one bundle."""
    slug = bundled_seeds_site.events[0]["slug"]
    seen: dict = {}
    for site in (seeds_site, bundled_seeds_site):  # one bundle first: what the merge must give
        one = seen.get(seeds_site, {})
        with serve_under_subpath(site.root) as base:
            page, problems = open_page(browser, base + "search/index.html")
            fragments: list[str] = []
            page.on("request", lambda r: r.url.endswith(".pf_fragment") and fragments.append(r.url))
            search_for(page, "Ukraine")  # in every seed article's headline and on the event page
            # Pagefind loads its index on the first search and counts filters only from the
            # filter chunks already loaded: a search that outruns that loading (a busy machine,
            # several bundles) keeps its undercounts until the next search. Search again.
            page.fill(".pagefind-ui__search-input", "")
            search_for(page, "Ukraine")
            page.wait_for_selector(f'.pagefind-ui__result-link[href*="/events/{slug}/"]',
                                   timeout=15000)
            links = page.eval_on_selector_all(".pagefind-ui__result-link",
                                              "els => els.map(e => e.href)")
            assert all(h.startswith(base) for h in links), links  # the sub-path is kept
            assert any("/articles/" in h for h in links), links
            seen[site] = dict(
                message=settled(page, lambda: page.inner_text(".pagefind-ui__message"),
                                one.get("message")),
                panel=page.inner_text(".pagefind-ui__filter-panel").lower(),
                filters=settled(page, lambda: page.eval_on_selector_all(
                    ".pagefind-ui__filter-label", "els => els.map(e => e.textContent.trim())"),
                    one.get("filters")),
                bundles={f[len(base):].rsplit("fragment/", 1)[0] for f in fragments})
            assert not problems, problems
            page.context.close()
    one, several = seen[seeds_site], seen[bundled_seeds_site]
    assert one["bundles"] == {"pagefind/"}
    assert len(several["bundles"]) >= 2, several["bundles"]  # results from several bundles
    assert several["message"] == one["message"] == "6 results for Ukraine"
    assert "outlet" in several["panel"] and "event" in several["panel"]
    assert several["filters"] == one["filters"] and len(one["filters"]) == 6  # 1 event, 5 outlets


def test_readable_with_javascript_off(browser, seeds_site):
    slug = seeds_site.events[0]["slug"]
    with serve_under_subpath(seeds_site.root) as base:
        page, problems = open_page(browser, base + f"events/{slug}/index.html",
                                   java_script_enabled=False)
        for section in ("#consensus", "#conflicts", "#outlets", "#matrix", "#quotes", "#figures"):
            assert page.locator(section).is_visible(), section
        assert page.locator("#figures svg").count() >= 2
        assert "12,000" in page.inner_text("#conflicts") and "11,000" in page.inner_text("#conflicts")
        page.goto(base + "search/index.html")
        assert "needs JavaScript" in page.inner_text("main")
        assert not problems, problems
        page.context.close()


def test_keyboard_reaches_content_with_a_visible_focus(browser, seeds_site):
    slug = seeds_site.events[0]["slug"]
    with serve_under_subpath(seeds_site.root) as base:
        page, _ = open_page(browser, base + f"events/{slug}/index.html")
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        assert focused == "Skip to content"
        style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert style not in ("none", ""), style
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
        # The claims matrix scrolls inside a focusable region, reachable by Tab.
        assert page.get_attribute(".table-scroll", "tabindex") == "0"
        # A cited sentence link leads to its anchor, which exists and is highlighted.
        href = page.get_attribute("#consensus a.cite", "href")
        page.click("#consensus a.cite")
        anchor = href.split("#")[1]
        assert page.evaluate(f"document.getElementById('{anchor}') !== null")
        assert page.evaluate("location.hash") == f"#{anchor}"
        page.context.close()
