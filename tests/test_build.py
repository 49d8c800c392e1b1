"""A real Pelican build of the seeds into a temp folder, read back as a user would."""
import re
import shutil

from conftest import SEEDS, build, run_pelican


def test_seeds_form_one_event_with_five_articles(seeds_site):
    events = seeds_site.events
    assert len(events) == 1
    articles = events[0]["articles"]
    assert sorted(a["source_path"] for a in articles) == sorted(p.name for p in SEEDS.glob("*.txt"))
    for a in articles:
        assert set(a) >= {"id", "source_path", "title", "outlet", "url", "date"}
    assert seeds_site.json("data/events.json")["schema"] == "newsprism/events@1"


def test_event_data_carries_readability_and_verbatim_summaries(seeds_site):
    event = seeds_site.event(seeds_site.events[0]["slug"])
    for a in event["articles"]:
        r = a["readability"]
        assert set(r) >= {"flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog",
                          "smog_index", "dale_chall", "words", "sentences", "reading_time_s"}
        assert r["words"] > 300 and r["sentences"] > 10 and 0 < r["flesch_reading_ease"] < 100
        assert 3 <= len(a["summary"]) <= 5
        raw = " ".join((SEEDS / a["source_path"]).read_text(encoding="utf-8").split())
        for line in a["summary"]:
            assert line in raw


def test_pages_exist_and_debris_is_gone(seeds_site):
    slug = seeds_site.events[0]["slug"]
    index = seeds_site.text("index.html")
    assert f"events/{slug}/index.html" in index
    event_page = seeds_site.text(f"events/{slug}/index.html")
    for a in seeds_site.events[0]["articles"]:
        assert f"articles/{a['id']}/index.html" in event_page
        page = seeds_site.text(f"articles/{a['id']}/index.html")
        assert 'id="s1"' in page
    for path in seeds_site.root.rglob("*"):
        if path.suffix in (".html", ".json"):
            text = path.read_text(encoding="utf-8")
            assert "Leave a Reply" not in text and "or to participate" not in text, path


def test_headline_less_seed_has_a_short_title(seeds_site):
    titles = {a["source_path"][:3]: a["title"] for a in seeds_site.events[0]["articles"]}
    assert len(titles["003"]) <= 90


def test_bad_files_are_reported_by_name_and_the_build_goes_on(tmp_path):
    content = tmp_path / "content"
    (content / "nested" / "deeper").mkdir(parents=True)
    shutil.copy(next(SEEDS.glob("000*")), content / "nested" / "deeper" / "good.txt")
    (content / "empty.txt").write_bytes(b"")
    (content / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (content / "notes.pdf").write_bytes(b"%PDF-1.4")
    site = build(content, tmp_path / "out")
    files = {f["path"]: f for f in site.json("data/build-report.json")["files"]}
    assert files["nested/deeper/good.txt"]["status"] == "read"
    assert files["empty.txt"]["status"] == "skipped" and "empty" in files["empty.txt"]["reason"]
    assert files["binary.txt"]["status"] == "skipped" and "binary" in files["binary.txt"]["reason"]
    assert files["notes.pdf"]["status"] == "skipped"
    log = site.run.stdout + site.run.stderr
    assert "empty.txt" in log and "binary.txt" in log
    assert [a["source_path"] for e in site.events for a in e["articles"]] == ["nested/deeper/good.txt"]


def test_source_url_does_not_move_the_page(tmp_path):
    content = tmp_path / "c"
    content.mkdir()
    (content / "story.md").write_text(
        "Title: Bridge closes\nSource: Daily Planet\nURL: https://example.com/news/bridge\n"
        "Date: 2024-05-01\n\nThe old bridge closed on Monday for repairs, the council said. "
        "Engineers found corrosion in the steel frame last month.\n", encoding="utf-8")
    site = build(content, tmp_path / "out")
    art = site.events[0]["articles"][0]
    assert art["url"] == "https://example.com/news/bridge"
    assert art["outlet"] == "Daily Planet" and art["date"] == "2024-05-01"
    page = site.text(f"articles/{art['id']}/index.html")
    assert 'href="https://example.com/news/bridge"' in page
    assert not (site.root / "news").exists()


def test_every_line_shown_is_verbatim_and_anchored_in_its_article(seeds_site):
    """Summary lines, claims, claim-group sentences, conflict sentences and quotes in the built
    data are the article's own words, and each anchor on its article page holds that sentence."""
    import html
    import re

    def fold(text):
        return " ".join(html.unescape(text).split())

    event = seeds_site.event(seeds_site.events[0]["slug"])
    raw = {a["id"]: fold((SEEDS / a["source_path"]).read_text(encoding="utf-8"))
           for a in event["articles"]}
    anchored = {}
    for a in event["articles"]:
        page = seeds_site.text(f"articles/{a['id']}/index.html")
        anchored[a["id"]] = {m.group(1): fold(re.sub(r"<[^>]+>", "", m.group(2))) for m in
                             re.finditer(r'<span class="s[^"]*" id="(s\d+)"[^>]*>(.*?)</span> ', page)}
    shown = []  # (article id, verbatim text, anchor or None)
    for a in event["articles"]:
        shown += [(a["id"], t, sid) for t, sid in zip(a["summary"], a["summary_anchors"])]
        shown += [(a["id"], c["text"], c["id"]) for c in a["claims"]]
        shown += [(a["id"], q["text"], None) for q in a["quotes"]]
        shown += [(a["id"], q["sentence_text"], q["sentence"]) for q in a["quotes"]]
    for g in event["claim_groups"]:
        shown += [(i, s, g["anchors"][i]) for i, s in g["sentences"].items()]
        shown += [(i, s, g["reworded_anchors"][i]) for i, s in g["reworded"].items()]
    for c in event["conflicts"]:
        shown += [(v["article"], v["sentence"], v["anchor"]) for v in c["values"]]
    shown += [(q["article"], q["sentence"], q["anchor"]) for q in event["quotes"]]
    assert len(shown) > 100
    for article, text, anchor in shown:
        assert fold(text) in raw[article], (article, text)
        if anchor:
            assert anchored[article][anchor] == fold(text), (article, anchor, text)
