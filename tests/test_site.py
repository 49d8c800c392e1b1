"""The built site read as files: links and anchors, CSP and no inline script, escaping of
hostile article text (pages and feeds), feeds, sitemap, pagination, timeline, determinism."""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import SEEDS, build, run_pelican, site_files

ATOM = "{http://www.w3.org/2005/Atom}"


class PageParser(HTMLParser):
    """Collects ids, links, scripts, inline handlers and styles of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.resources, self.problems = set(), [], [], []
        self.csp = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for name in a:
            if name.startswith("on"):
                self.problems.append(f"inline handler {name} on <{tag}>")
        if "style" in a:
            self.problems.append(f"style attribute on <{tag}>")
        if tag == "script":
            if not a.get("src"):
                self.problems.append("inline <script>")
            self.resources.append(a.get("src") or "")
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "a" and "href" in a:
            self.links.append((a["href"], a.get("rel") or ""))
        if tag in ("link", "img", "iframe", "source", "video", "audio") and (a.get("href") or a.get("src")):
            self.resources.append(a.get("href") or a.get("src"))
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = a.get("content")


def parse(path: Path) -> PageParser:
    p = PageParser()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def html_pages(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.html") if "pagefind" not in p.parts)


def resolve(page: Path, href: str, root: Path) -> tuple[Path, str]:
    parts = urlsplit(href)
    target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


@pytest.mark.parametrize("which", ["seeds_site"])
def test_no_broken_links_or_anchors_and_sources_open_safely(which, request):
    site = request.getfixturevalue(which)
    root = site.root.resolve()
    parsed = {p.resolve(): parse(p) for p in html_pages(site.root)}
    broken = []
    for page, info in parsed.items():
        for href, rel in info.links:
            if href.startswith(("http://", "https://")):
                if not {"noopener", "noreferrer"} <= set(rel.split()):
                    broken.append(f"{page}: external link without rel=noopener noreferrer: {href}")
                continue
            assert not re.match(r"[a-z]+:", href), f"{page}: non-http link {href}"
            target, fragment = resolve(page, href, root)
            if root not in target.parents and target != root:
                broken.append(f"{page}: link leaves the site: {href}")
            elif not target.exists():
                broken.append(f"{page}: broken link {href}")
            elif fragment and target.suffix == ".html" and fragment not in parsed[target].ids:
                broken.append(f"{page}: missing anchor {href}")
        for res in info.resources:
            if res and not res.startswith(("http://", "https://")):
                target, _ = resolve(page, res, root)
                if not target.exists():
                    broken.append(f"{page}: missing resource {res}")
    assert not broken, "\n".join(broken[:20])


def test_every_page_has_a_strict_csp_no_inline_script_and_nothing_external(seeds_site):
    for page in html_pages(seeds_site.root):
        info = parse(page)
        assert info.csp and "script-src 'self'" in info.csp and "'unsafe-inline'" not in info.csp, page
        assert "object-src 'none'" in info.csp and "base-uri 'none'" in info.csp, page
        assert not info.problems, (page, info.problems)
        assert not [r for r in info.resources if re.match(r"[a-z]+:", r)], page  # all self-hosted
    css = (seeds_site.root / "theme/css/style.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css
    assert "prefers-color-scheme: dark" in css and "@media print" in css and ":focus-visible" in css


def test_pages_have_titles_descriptions_opengraph_and_a_favicon(seeds_site):
    slug = seeds_site.events[0]["slug"]
    page = seeds_site.text(f"events/{slug}/index.html")
    title = seeds_site.events[0]["title"]
    assert f"<title>{title[:30]}" in page.replace("&#39;", "'").replace("&#34;", '"')
    for tag in ('name="description"', 'property="og:title"', 'property="og:description"',
                'property="og:type"', 'rel="icon"', 'type="application/atom+xml"'):
        assert tag in page, tag
    assert (seeds_site.root / "theme/favicon.svg").exists()


HOSTILE = """Title: <script>alert("t")</script> Bridge & "Tunnel" <b>closes</b>
Source: <img src=x onerror=alert(1)>Evil & Co
URL: javascript:alert(document.cookie)
Date: 2024-05-01

The old bridge closed on Monday <script>alert("b")</script> for repairs, the council said \
"it is <i>unsafe</i>" today. Engineers found corrosion in the steel frame last month, and the \
repairs will cost 4 million dollars according to the city. Residents were told to use the \
ferry instead while the work goes on for at least six weeks, officials said on Monday.
"""


def test_hostile_article_text_is_escaped_in_pages_and_feeds(tmp_path):
    content = tmp_path / "c"
    content.mkdir()
    (content / "evil.md").write_text(HOSTILE, encoding="utf-8")
    site = build(content, tmp_path / "out")
    outputs = [p for p in site.root.rglob("*") if p.suffix in (".html", ".xml")
               and "pagefind" not in p.parts]
    assert outputs
    for path in outputs:
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text, path
        assert "<i>unsafe" not in text and "<b>closes" not in text, path
        assert "javascript:" not in text, path
        if path.suffix == ".xml":
            ET.fromstring(text.encode("utf-8"))  # still well-formed XML
    event = site.events[0]
    page = site.text(f"articles/{event['articles'][0]['id']}/index.html")
    assert "&lt;script&gt;" in page


def test_feeds_are_atom_with_dates_from_articles_not_the_build(tmp_path):
    content = tmp_path / "c"
    content.mkdir()
    for n, (date, text) in enumerate([("2024-05-01", "The old bridge closed on Monday"),
                                      ("2024-05-03", "The old bridge closed this week")]):
        (content / f"a{n}.md").write_text(
            f"Title: Bridge closes for repairs {n}\nSource: Paper {n}\nURL: https://example.com/{n}\n"
            f"Date: {date}\nEvent: bridge-closure\n\n{text} for repairs, the council said. Engineers "
            "found corrosion in the steel frame last month. The repairs will take six weeks and "
            "cost four million dollars, according to the city engineer.\n", encoding="utf-8")
    site = build(content, tmp_path / "out")
    digest = ET.parse(site.root / "feeds/digest.atom.xml").getroot()
    assert digest.tag == f"{ATOM}feed"
    assert digest.find(f"{ATOM}updated").text == "2024-05-03T00:00:00Z"
    entry = digest.find(f"{ATOM}entry")
    link = entry.find(f"{ATOM}link").get("href")
    assert (site.root / "feeds" / link).resolve().exists()
    event = ET.parse(site.root / "events/bridge-closure/feed.atom.xml").getroot()
    assert [e.find(f"{ATOM}updated").text for e in event.findall(f"{ATOM}entry")] == [
        "2024-05-03T00:00:00Z", "2024-05-01T00:00:00Z"]
    page = site.text("events/bridge-closure/index.html")
    assert 'id="timeline"' in page and "2024-05-01" in page and "2024-05-03" in page
    sitemap = ET.parse(site.root / "sitemap.xml").getroot()
    locs = [u[0].text for u in sitemap]
    assert "events/bridge-closure/index.html" in locs and "index.html" in locs
    assert not any("search" in loc for loc in locs)


def test_an_undated_article_is_listed_last_in_the_timeline_and_says_so_in_its_column(tmp_path):
    rest = " for repairs, the council said. Engineers found corrosion in the steel frame."
    site = _one_event_site(tmp_path, [
        ("Bridge closes for repairs 0", ["The old bridge closed on Monday" + rest]),
        ("Bridge closes for repairs 1", ["The river bridge shut this week" + rest])],
        dates=["2024-05-02", None])
    page = site.text("events/one/index.html")
    timeline = page[page.index('id="timeline"'):]
    dated = timeline.index('<time datetime="2024-05-02">')
    undated = timeline.index("No date given")
    assert dated < timeline.index("repairs 0") < undated < timeline.index("repairs 1")
    assert timeline.count("<time") == 1
    assert "(this article carries no publication date)" in timeline
    column = page[page.index('aria-labelledby="h-a1"'):page.index('id="timeline"')]
    assert "no date given" in column  # its column says so too


def test_absolute_siteurl_gives_absolute_feed_links_and_og_urls(tmp_path):
    content = tmp_path / "c"
    shutil.copytree(SEEDS, content)
    out = tmp_path / "out"
    run = run_pelican(content, out, extra=["-e", 'SITEURL="https://user.github.io/repo"'])
    assert run.returncode == 0, run.stderr
    feed = (out / "feeds/digest.atom.xml").read_text(encoding="utf-8")
    assert 'href="https://user.github.io/repo/events/' in feed
    assert "<loc>https://user.github.io/repo/events/" in (out / "sitemap.xml").read_text()
    page = next((out / "events").glob("*/index.html")).read_text(encoding="utf-8")
    assert 'property="og:url" content="https://user.github.io/repo/events/' in page
    assert 'href="../../theme/css/style.css"' in page  # page links stay relative


def test_digest_paginates(tmp_path):
    content = tmp_path / "c"
    content.mkdir()
    for n in range(3):
        (content / f"a{n}.md").write_text(
            f"Title: Story {n}\nSource: Paper\nDate: 2024-05-0{n + 1}\nEvent: story-{n}\n\n"
            f"The council of town {n} met on Monday and agreed the budget, officials said. "
            "The plan adds money for roads and schools over the next three years.\n",
            encoding="utf-8")
    out = tmp_path / "out"
    run = run_pelican(content, out, extra=["-e", "NEWSPRISM_EVENTS_PER_PAGE=2"])
    assert run.returncode == 0, run.stderr
    first = (out / "index.html").read_text(encoding="utf-8")
    second = (out / "page/2/index.html").read_text(encoding="utf-8")
    assert first.index("story-2") < first.index("story-1") and "story-0" not in first
    assert "story-0" in second and 'rel="prev" href="../../index.html"' in second
    assert 'rel="next" href="./page/2/index.html"' in first or 'rel="next" href="page/2/index.html"' in first


def test_same_input_gives_byte_identical_site(tmp_path, seeds_site):
    """Byte-identical output, Pagefind's search bundle too (`search.make_stable` sorts what
    Pagefind writes in hash-map order)."""
    content = tmp_path / "c"
    shutil.copytree(SEEDS, content)
    again = build(content, tmp_path / "again")

    first, second = site_files(seeds_site.root), site_files(again.root)
    assert sorted(first) == sorted(second)
    assert any(f.startswith("pagefind/filter/") for f in first)
    assert [f for f in first if first[f] != second[f]] == []


def test_claims_matrix_shows_the_claims_two_articles_share_and_the_data_keeps_all(seeds_site):
    """The page's matrix has one row per claim group at least two articles carry; the claims
    only one outlet reports are counted in the legend, as many as its outlets' columns list.
    The event's JSON keeps every claim group."""
    slug = seeds_site.events[0]["slug"]
    event = seeds_site.event(slug)
    groups = event["claim_groups"]
    shared = [g for g in groups if len(g["articles"]) >= 2]
    single = sum(map(len, event["unique"].values()))
    assert shared and single
    page = seeds_site.text(f"events/{slug}/index.html")
    matrix = page[page.index('<section id="matrix"'):page.index('<section id="quotes"')]
    body = matrix[matrix.index("<tbody>"):matrix.index("</tbody>")]
    assert body.count("<tr") == len(shared)
    assert f"The {single} claims only one article reports are listed" in matrix
    outlets = page[page.index('<section id="outlets"'):page.index('<section id="matrix"')]
    assert outlets.count("<h4>Only this outlet reports</h4>") >= 1


def test_a_long_list_in_a_column_shows_five_and_folds_the_rest(seeds_site):
    """Each column's list of claims only its outlet reports shows its first five (the most
    important) and keeps the rest, every one of them, in a <details> that needs no script.
    One that is a summary line is marked there instead of listed again. An opinion piece
    (seed 003) is marked as one and "says" what only it says: it reports nothing."""
    import re
    slug = seeds_site.events[0]["slug"]
    event = seeds_site.event(slug)
    page = seeds_site.text(f"events/{slug}/index.html")
    anchors = {g["id"]: g["anchors"] for g in event["claim_groups"]}
    folded = marked = opinions = 0
    for article in event["articles"]:
        column = page[page.index(f'<article class="outlet" aria-labelledby="h-{article["id"]}"'):]
        column = column[:column.index("</article>")]
        opinion = article["tone"]["label"] == "opinion"
        opinions += opinion
        badge = '<span class="badge" data-pagefind-ignore>Opinion</span></p>'
        assert (badge in column[:column.index("</p>") + 4]) == opinion
        tag = "only this piece says it" if opinion else "only this outlet reports it"
        heading = ("<h4>Only this opinion piece says</h4>" if opinion
                   else "<h4>Only this outlet reports</h4>")
        in_summary = [g for g in event["unique"][article["id"]]
                      if anchors[g][article["id"]] in article["summary_anchors"]]
        summary = column[column.index('<ol class="summary">'):]
        summary = summary[:summary.index("</ol>")]
        assert summary.count(tag) == len(in_summary)
        assert "only this" not in summary.replace(tag, "")
        marked += len(in_summary)
        unique = [g for g in event["unique"][article["id"]] if g not in in_summary]
        if not unique:
            assert "<h4>Only this" not in column
            continue
        assert "<h4>Only this" not in column.replace(heading, "")
        part = column[column.index(heading):]
        part = part[:part.index("<h4>", 5)]
        shown = part[:part.index("</ul>")]
        assert shown.count("<li>") == min(5, len(unique))
        if len(unique) > 5:
            folded += 1
            more = part[part.index('<details class="more">'):part.index("</details>")]
            assert re.search(rf"<summary>{len(unique) - 5} more</summary>", more)
            assert more.count("<li>") == len(unique) - 5
        else:
            assert "<details" not in part
    # the seeds have columns long enough to fold and an opinion piece (no summary line of
    # theirs is only one outlet's: marking one is test_a_column_part_with_nothing_in_it_says_so)
    assert folded and opinions


def test_the_outlets_section_opens_with_a_link_to_each_column(seeds_site):
    """On a phone the columns stand one under another, many screens long: a list of the
    outlets at the top of the section jumps to each one's column."""
    slug = seeds_site.events[0]["slug"]
    page = seeds_site.text(f"events/{slug}/index.html")
    section = page[page.index('<section id="outlets"'):page.index('<div class="columns">')]
    jumps = re.findall(r'<a href="#(h-[^"]+)">([^<]+)</a>', section)
    columns = re.findall(r'<article class="outlet" aria-labelledby="(h-[^"]+)"', page)
    assert [target for target, _ in jumps] == columns and len(columns) == 5
    for target, outlet in jumps:
        assert re.search(rf'<h3 id="{target}"><a [^>]+>{re.escape(outlet)}</a></h3>', page)


def _one_event_site(tmp_path, articles, dates=None):
    """Build a site of one event ("one") from (headline, paragraphs) per article: article n is
    a{n}.md from "Paper n", dated 2024-05-01 unless `dates` gives its date (None: undated),
    headed "Story n" when its headline is None."""
    content = tmp_path / "c"
    content.mkdir()
    for n, (title, paragraphs) in enumerate(articles):
        date = dates[n] if dates else "2024-05-01"
        (content / f"a{n}.md").write_text(
            f"Title: {title or f'Story {n}'}\nSource: Paper {n}\n"
            + (f"Date: {date}\n" if date else "") + "Event: one\n\n"
            + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return build(content, tmp_path / "out")


def test_a_column_part_with_nothing_in_it_says_so(tmp_path):
    """Beside the other columns' lists, a blank part reads as a fault: each part keeps its
    heading and says it has nothing."""
    site = _one_event_site(tmp_path, [
        (None, ["Governor Ann Lee approved the harbour flood budget of $40 million on Monday.",
                '"We will rebuild the sea wall before the winter storms," Governor Ann Lee '
                "said.",
                "The island ferry will run 12 sailings a day from June, Mayor Jo Park said."]),
        (None, ["Governor Ann Lee approved the harbour flood budget of $40 million on Monday, "
                "officials said."]),
        (None, ["On Monday, Governor Ann Lee approved the $40 million harbour flood budget."])])
    page = site.text("events/one/index.html")

    def column(n):
        part = page[page.index(f'<article class="outlet" aria-labelledby="h-a{n}"'):]
        return part[:part.index("</article>")]

    full, bare = column(0), column(1)
    for heading in ("Only this outlet reports", "Shared claims it leaves out", "Quotes"):
        assert f"<h4>{heading}</h4>" in full and f"<h4>{heading}</h4>" in bare
    assert "12 sailings" in full and "We will rebuild the sea wall" in full
    assert "Nothing the other outlets do not report too." in bare
    assert "None: it reports every claim most outlets share." in bare
    assert "It quotes no one." in bare
    # what only it reports is all in its summary: the part points there, it does not say none
    assert full.count("only this outlet reports it") >= 1
    assert '<p class="empty">Only the summary lines marked so above.</p>' in full
    assert "None: it reports every claim most outlets share." in full
    assert full.count('<p class="empty">') == 2 and "It quotes no one." not in full


def test_a_column_gives_its_quotes_in_the_order_its_article_does(tmp_path):
    """The quotes an article leads with come first in its column (its newsmaker), not the
    speakers whose names come first in the alphabet."""
    site = _one_event_site(tmp_path, [
        (None, ['"We will rebuild the harbour wall before winter," Governor Zoe Young said.',
                '"The ferry will run again in June," Governor Zoe Young said on Monday.',
                '"The schools stay shut this week," Mayor Alan Brook said.']),
        (None, ["Storms closed 40 schools across the north on Tuesday, police said."])])
    page = site.text("events/one/index.html")
    column = page[page.index('<article class="outlet" aria-labelledby="h-a0"'):]
    quotes = column[column.index("<h4>Quotes</h4>"):column.index("</ul>")]
    speakers = re.findall(r"— ([^<]+)</span>", quotes)
    assert speakers == ["Zoe Young", "Zoe Young", "Alan Brook"]
    places = [int(n) for n in re.findall(r'#s(\d+)"', quotes)]
    assert places == sorted(places)


def test_an_event_with_no_shared_claim_says_so_in_the_matrix(tmp_path):
    site = _one_event_site(tmp_path, [
        (None, ["The council met on Monday and agreed the budget, officials said."]),
        (None, ["Storms closed 40 schools across the north on Tuesday, police said."])])
    page = site.text("events/one/index.html")
    matrix = page[page.index('<section id="matrix"'):page.index('<section id="quotes"')]
    assert "<table" not in matrix and "No claim is reported by more than one article." in matrix
    assert "No claim was found in more than one outlet's coverage." in page
    assert "No claim is reported by most of its outlets." in site.text("index.html")


def test_a_claim_two_of_four_outlets_share_is_no_consensus_and_the_pages_say_so(tmp_path):
    shared = "Governor Ann Lee approved the $40 million harbour budget on Monday, officials said."
    others = ["Storms closed 40 schools across the north on Tuesday, police said.",
              "Mayor Tom Reyes opened the new ferry terminal on Wednesday, his office said."]
    site = _one_event_site(tmp_path, [(None, [text]) for text in
                                      [shared, shared + " " + others[0], others[1], others[0]]])
    event = site.event("one")
    assert event["consensus"] == [] and any(len(g["articles"]) == 2
                                            for g in event["claim_groups"])
    page = site.text("events/one/index.html")
    assert "No claim is reported by most of the outlets" in page and "<table" in page
    assert "No claim is reported by most of its outlets." in site.text("index.html")


def test_an_outlet_saying_the_top_claim_in_other_words_is_named_on_both_pages(tmp_path):
    budget = "Governor Ann Lee approved the harbour flood budget of $40 million on Monday."
    texts = [[budget, "The island ferry will run 12 sailings a day from June."],
             [budget, "The council meets again in the spring to look at the school roofs."],
             ["The state approved a harbour flood budget worth $40 million on Monday night.",
              "Opposition leader Tom Reyes called the vote rushed."],
             [budget, "Fishermen asked for a new quay at the north end of the bay."]]
    site = _one_event_site(tmp_path, [(None, sentences) for sentences in texts])
    page = site.text("events/one/index.html")
    cited = re.search(r'in other words by\s*<a class="reworded" href="([^"]+)"[^>]*>Paper 2</a>',
                      page)
    assert cited and cited.group(1).endswith("articles/a2/index.html#s1")
    # whose words the claim is shown in is said on both pages
    # the count is of every outlet reporting it, in the shown words or others; whose words
    # the claim is shown in is said on both pages
    assert ("Top shared claim, in Paper 0's words; reported by 4 of 4 (Paper 2 in other "
            "words)." in site.text("index.html"))
    assert re.search(r"Reported by 4 of 4:\s*<a [^>]+>Paper 0</a>, <a [^>]+>Paper 1</a>, "
                     r"<a [^>]+>Paper 3</a>, and in other words by\s*<a [^>]+>Paper 2</a>\. "
                     r"Shown in Paper 0's words\.", page)
    # no conflict found is said as such, not as a count that reads as a guarantee
    assert ">no conflicting figures found</a>" in site.text("index.html")


def test_a_headline_saying_the_top_claim_is_cited_and_linked_on_its_article_page(tmp_path):
    budget = "Governor Ann Lee approved the harbour flood budget of $40 million on Monday."
    texts = [(None, [budget, "The island ferry will run 12 sailings a day from June."]),
             (None, [budget, "The council meets again in the spring to look at roofs."]),
             ("Lee Approves $40 Million Harbour Flood Budget",
              ["Opposition leader Tom Reyes called the vote rushed and promised an appeal."]),
             (None, [budget, "Fishermen asked for a new quay at the north end of the bay."])]
    site = _one_event_site(tmp_path, texts)
    cited = re.search(r'in other words by\s*<a class="reworded" href="([^"]+)"[^>]*>Paper 2</a>',
                      site.text("events/one/index.html"))
    assert cited and cited.group(1).endswith("articles/a2/index.html#headline")
    assert ('<h1 id="headline">Lee Approves $40 Million Harbour Flood Budget</h1>'
            in site.text("articles/a2/index.html"))
    assert site.event("one")["omitted"]["a2"] == []


class SearchText(HTMLParser):
    """The words Pagefind indexes on a page: text inside data-pagefind-body, outside
    data-pagefind-ignore, plus attributes named by data-pagefind-index-attrs."""

    VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "source", "rect"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.words = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        body = "data-pagefind-body" in a or (self.stack and self.stack[-1][0])
        ignored = "data-pagefind-ignore" in a or (self.stack and self.stack[-1][1])
        if body and not ignored:
            for name in (a.get("data-pagefind-index-attrs") or "").split(","):
                if name:
                    self.words.append(a.get(name, ""))
        if tag not in self.VOID and not tag.endswith("/"):
            self.stack.append((bool(body), bool(ignored)))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] and not self.stack[-1][1]:
            self.words.append(data)


def test_search_indexes_an_events_claims_headlines_and_summaries_not_its_lists(seeds_site):
    slug = seeds_site.events[0]["slug"]
    p = SearchText()
    p.feed(seeds_site.text(f"events/{slug}/index.html"))
    text = " ".join(" ".join(p.words).split())
    event = seeds_site.event(slug)
    shared = [g for g in event["claim_groups"] if g["id"] in event["consensus"]]
    assert all(" ".join(s.split()) in text for g in shared for s in g["sentences"].values())
    assert all(" ".join(a["title"].split()) in text for a in event["articles"])
    assert all(" ".join(s.split()) in text for a in event["articles"] for s in a["summary"])
    assert "ATACMS" in text  # one outlet's sentence for a shared claim
    for chrome in ("Only this outlet reports", "Claims matrix", "not reported", "Flesch", "Timeline"):
        assert chrome not in text, chrome


def test_search_indexes_an_articles_headline_and_summary_not_its_whole_body(seeds_site):
    """Article pages give Pagefind their headline and summary sentences only (a whole-body
    index does not fit the memory budget at 10,000 articles); every sentence stays on the page."""
    a = seeds_site.event(seeds_site.events[0]["slug"])["articles"][0]
    html = seeds_site.text(f"articles/{a['id']}/index.html")
    p = SearchText()
    p.feed(html)
    text = " ".join(" ".join(p.words).split())
    assert " ".join(a["title"].split()) in text
    assert a["summary"] and all(" ".join(s.split()) in text for s in a["summary"])
    others = [c["text"] for c in a["claims"] if c["text"] not in a["summary"]]
    assert others and all(" ".join(s.split()) not in text for s in others)
    assert all(html.count(f'id="{c["id"]}"') == 1 for c in a["claims"])  # still on the page


def test_the_tone_box_lists_each_loaded_word_once(seeds_site):
    """The loaded words an article repeats ("proxy" three times) are counted in the reasons
    and listed once on its page, as on the event page, in the order first used."""
    import re
    repeated = 0
    for event in seeds_site.events:
        for a in seeds_site.event(event["slug"])["articles"]:
            html = seeds_site.text(f"articles/{a['id']}/index.html")
            listed = re.search(r"Loaded words: ([^<]*)</p>", html)
            words = a["tone"]["loaded_words"]
            if not words:
                assert listed is None
                continue
            once: dict[str, str] = {}
            for w in words:
                once.setdefault(w.casefold(), w)
            repeated += len(words) > len(once)
            assert listed.group(1).split(", ") == list(once.values())
    assert repeated  # the seeds repeat some: the check above is not vacuous


def test_a_quote_listed_under_a_speaker_its_outlet_does_not_name_says_so(tmp_path):
    """The quotes section lists an unnamed quotation under the speaker another outlet names
    for the same words; its own outlet's column says "unnamed speaker", and the quotes section
    says that outlet names no speaker, so the two do not seem to disagree."""
    words = "We will rebuild the harbour wall before the winter storms come"
    site = _one_event_site(tmp_path, [
        (None, [f'"{words}," Governor Zoe Young said on Monday.']),
        (None, ["The harbour council met on Monday about the wall.", f'"{words}."'])])
    page = site.text("events/one/index.html")
    column = page[page.index('<article class="outlet" aria-labelledby="h-a1"'):]
    assert "— unnamed speaker</span>" in column[:column.index("</article>")]
    quotes = page[page.index('<section id="quotes"'):]
    quotes = quotes[:quotes.index("</section>")]
    assert re.findall(r'<h3 class="speaker">([^<]+)</h3>', quotes) == ["Zoe Young"]
    assert re.search(r">Paper 0</a>, <a [^>]+>Paper 1</a> \(naming no speaker\)</span>", quotes)


def test_two_death_tolls_are_shown_as_a_conflict_on_the_event_page(tmp_path):
    """End to end: two outlets' tolls for one quake, each in its own words, reach the page's
    conflicts with both sentences linked; the count of a crowd in a third is not set against
    them."""
    site = _one_event_site(tmp_path, [
        ("Quake hits harbour town", [
            "A strong earthquake struck the harbour town of Port Ellis on Tuesday.",
            "The earthquake killed at least 30 people in Port Ellis, officials said."]),
        ("Port Ellis earthquake toll", [
            "A strong earthquake struck the harbour town of Port Ellis on Tuesday.",
            "The death toll from the earthquake in Port Ellis rose to 24, officials said."]),
        ("Port Ellis mourns", [
            "A strong earthquake struck the harbour town of Port Ellis on Tuesday.",
            "About 500 people gathered in Port Ellis after the earthquake, officials said."])])
    page = site.text("events/one/index.html")
    conflicts = page[page.index('id="conflicts"'):page.index('id="outlets"')]
    assert "people killed" in conflicts
    assert "30 people" in conflicts and ">24<" in conflicts
    assert "500" not in conflicts
    assert 'href="../../articles/a0/index.html#s2"' in conflicts
    assert "1 conflicting figure" in site.text("index.html")
