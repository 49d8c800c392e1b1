"""newsprism.views without Pelican: the figures and cells the pages present, from small fakes."""
from __future__ import annotations

from dataclasses import replace

from newsprism.model import (Article, ArticleAnalysis, Block, Claim, ClaimGroup, Conflict,
                             ConflictValue, Event, EventComparison, Quote, Readability, Sentence,
                             Tone)
from newsprism import views


def analysis(i: str, outlet: str, sentences: list[str], date=None, fre=50.0, tone=None,
             url="https://example.com/x") -> ArticleAnalysis:
    art = Article(id=i, source_path=f"{i}.txt", title=f"Title {i}", outlet=outlet, url=url,
                  date=date, author=None, event=None, blocks=[Block("paragraph", " ".join(sentences))],
                  content_hash="")
    sents = [Sentence(f"s{k}", t, 0) for k, t in enumerate(sentences, 1)]
    r = Readability(fre, 10.0, 12.0, 11.0, 9.0, 100, len(sents), 30)
    return ArticleAnalysis(article=art, sentences=sents, readability=r, summary=["s1"], tone=tone)


def tone(share: float, label="news report") -> Tone:
    return Tone(label=label, reasons=[], loaded_share=share, hedges=[], attributions=[],
                loaded_words=["reckless"], loaded_sentences=["s2"])


A = analysis("a", "Daily Planet", ["Troops: 12,000 arrived.", "A reckless move, critics said."],
             date="2024-05-01", tone=tone(0.5, "opinion"))
B = analysis("b", "The Bugle", ["Troops: 11,000 arrived.", "The decision was made Monday."],
             date="2024-05-02", fre=30.0, tone=tone(0.0))
C = analysis("c", "Daily Planet", ["Officials met.", "Nothing else."], fre=None, url="javascript:x")
C.readability.applicable = False

COMPARISON = EventComparison(
    event=Event("troops", "Troops arrive", ["a", "b", "c"], "2024-05-01", "2024-05-02"),
    claim_groups=[
        ClaimGroup("g1", "Troops: 12,000 arrived.", ["a", "b"],
                   {"a": "Troops: 12,000 arrived.", "b": "Troops: 11,000 arrived."},
                   {"a": "s1", "b": "s1"}),
        ClaimGroup("g2", "The decision was made Monday.", ["b"],
                   {"b": "The decision was made Monday."}, {"b": "s2"}),
    ],
    consensus=["g1"],
    conflicts=[Conflict("troops", "troops", [
        ConflictValue("a", 12000, "12,000", "Troops: 12,000 arrived.", "s1"),
        ConflictValue("b", 11000, "11,000", "Troops: 11,000 arrived.", "s1")])],
    unique={"b": ["g2"]}, omitted={"c": ["g1"]},
    quotes=[{"speaker": "Ann Lee", "text": "We are ready", "article": "a", "anchor": "s2"}])
SLUGS = views.outlet_slugs(["Daily Planet", "The Bugle"])


def test_claims_matrix_cells_are_reported_absent_or_conflicting_with_links():
    v = views.event_view(COMPARISON, [A, B, C], SLUGS)
    (g1,) = v.matrix
    assert [c.state for c in g1.cells] == ["conflict", "conflict", "absent"]
    assert g1.cells[0].value == "12,000" and g1.cells[0].href == "articles/a/index.html#s1"
    assert g1.consensus


def test_claims_matrix_rows_are_the_claims_at_least_two_articles_report():
    shared = ClaimGroup("g3", "The decision was made Monday.", ["a", "b"],
                        {"a": "A reckless move, critics said.", "b": "The decision was made Monday."},
                        {"a": "s2", "b": "s2"})
    c = EventComparison(event=COMPARISON.event, claim_groups=COMPARISON.claim_groups + [shared],
                        consensus=["g1"], conflicts=COMPARISON.conflicts, unique={"b": ["g2"]})
    v = views.event_view(c, [A, B, C], SLUGS)
    # g2 is only The Bugle's: it is in its column, not a row of the matrix.
    assert [r.group for r in v.matrix] == ["g1", "g3"] and v.unshared == 1
    assert [u.text for u in v.columns[1].unique] == ["The decision was made Monday."]
    g3 = v.matrix[1]
    assert [x.state for x in g3.cells] == ["reported", "reported", "absent"]
    assert g3.cells[1].href == "articles/b/index.html#s2" and not g3.consensus


def test_event_view_columns_conflicts_quotes_and_timeline():
    v = views.event_view(COMPARISON, [A, B, C], SLUGS)
    assert [c.text for c in v.consensus[0].outlets] == ["Troops: 12,000 arrived.",
                                                          "Troops: 11,000 arrived."]
    assert [(x.outlet, x.text, x.href) for x in v.conflicts[0].values] == [
        ("Daily Planet", "12,000", "articles/a/index.html#s1"),
        ("The Bugle", "11,000", "articles/b/index.html#s1")]
    a, b, c = v.columns
    assert [s.href for s in a.summary] == ["articles/a/index.html#s1"]
    assert [u.text for u in b.unique] == ["The decision was made Monday."]
    assert [o.text for o in c.omitted] == ["Troops: 12,000 arrived."]
    assert c.source_url is None and a.source_url == "https://example.com/x"
    assert a.outlet_href == c.outlet_href == "outlets/daily-planet/index.html"
    assert [(s.speaker, [[o.outlet for o in q.quoted_by] for q in s.quotes])
            for s in v.speakers] == [("Ann Lee", [["Daily Planet"]])]
    # the undated article is listed last, under no date, never given one we guessed
    assert [(d.date, [x.article for x in d.articles]) for d in v.timeline] == [
        ("2024-05-01", ["a"]), ("2024-05-02", ["b"]), (None, ["c"])]
    fre = v.charts[0]
    assert [b.display for b in fre.bars] == ["50.0", "30.0", "not scored"]
    assert fre.bars[0].width == 125.0 and fre.bars[2].width == 0
    assert v.charts[2].bars[0].display == "50%"


def test_an_empty_comparison_degrades_to_summaries_and_figures():
    v = views.event_view(EventComparison(event=COMPARISON.event), [A, B, C], SLUGS)
    assert v.consensus == v.conflicts == v.matrix == [] and len(v.columns) == 3
    assert v.unshared == 0
    assert [c.unique for c in v.columns] == [[], [], []]
    e = views.digest_entry(EventComparison(event=COMPARISON.event), {"a": A, "b": B, "c": C}, SLUGS)
    assert e.top_claim is None and e.conflict_count == 0
    assert [n for n, _ in e.outlets] == ["Daily Planet", "The Bugle"]


def test_digest_entry_leads_with_the_top_consensus_claim():
    e = views.digest_entry(COMPARISON, {"a": A, "b": B, "c": C}, SLUGS)
    assert e.top_claim.text == "Troops: 12,000 arrived." and len(e.top_claim.outlets) == 2
    assert e.conflict_count == 1 and e.article_count == 3 and e.href == "events/troops/index.html"


def test_outlet_averages_skip_unscored_articles():
    daily, bugle = views.outlet_views({"a": A, "b": B, "c": C}, [COMPARISON], SLUGS)
    assert daily.name == "Daily Planet" and daily.scored == 1 and len(daily.articles) == 2
    assert daily.readability[0] == ("Flesch reading ease", 50.0, "higher is easier")
    assert daily.tone_labels == [("opinion", 1)] and daily.loaded_share == 50.0
    assert daily.articles[0].event_href == "events/troops/index.html"


def test_outlet_slugs_are_unique_and_from_slugify():
    assert views.outlet_slugs(["BBC", "B.B.C.", "bbc"]) == {"B.B.C.": "b-b-c", "BBC": "bbc",
                                                            "bbc": "bbc-2"}


def test_bar_chart_clamps_to_its_scale():
    chart = views.bar_chart("t", "n", [("x", -5.0), ("y", 150.0), ("z", None)], max_value=100)
    assert [b.width for b in chart.bars] == [0.0, chart.bar_area, 0.0]
    assert [b.y for b in chart.bars] == [0, chart.row, 2 * chart.row]


def test_paginate_links_pages():
    pages = views.paginate(list(range(5)), 2)
    assert [p.href for p in pages] == ["index.html", "page/2/index.html", "page/3/index.html"]
    assert pages[0].prev_href is None and pages[0].next_href == "page/2/index.html"
    assert pages[2].items == [4] and pages[2].next_href is None
    assert views.paginate([], 20)[0].items == []


def test_article_view_marks_claims_quotes_and_loaded_words():
    a = analysis("q", "P", ['She said "we will go" today.', "A reckless plan, truly Reckless."],
                 tone=tone(0.5))
    a.claims = [Claim("s1", a.sentences[0].text, ["attributed"])]
    a.quotes = [Quote("we will go", "Ann", "s1")]
    v = views.article_view(a)
    s1, s2 = v.blocks[0].sentences
    assert s1.marks == ["summary", "claim", "quote"] and s2.marks == ["loaded"]
    assert s1.css == "s mark-summary mark-claim mark-quote" and s2.css == "s mark-loaded"
    assert [(g.text, g.kind) for g in s1.segments] == [
        ('She said "', ""), ("we will go", "quote"), ('" today.', "")]
    assert [g.text for g in s2.segments if g.kind == "loaded"] == ["reckless", "Reckless"]
    assert "".join(g.text for g in s2.segments) == a.sentences[1].text
    assert v.legend == ["summary", "claim", "quote", "loaded"]


def test_a_quotation_over_several_sentences_is_marked_in_each_of_them():
    """Khan's "His visit next month would ... protests. This just reinforces ... place." was
    in the data but marked nowhere on the page: only its first sentence was searched, for the
    whole of it."""
    a = analysis("q", "P", ['Lee said on Monday: "The ferry will run.', "It runs daily.",
                            'And it is cheap," she said.', "The mayor left."])
    a.quotes = [Quote("The ferry will run. It runs daily. And it is cheap,", "Lee", "s1")]
    v = views.article_view(a)
    assert [[(g.text, g.kind) for g in x.segments] for x in v.blocks[0].sentences] == [
        [("Lee said on Monday: \"", ""), ("The ferry will run.", "quote")],
        [("It runs daily.", "quote")],
        [("And it is cheap,", "quote"), ('" she said.', "")],
        [("The mayor left.", "")]]
    assert [x.marks for x in v.blocks[0].sentences] == [
        ["summary", "quote"], ["quote"], ["quote"], []]
    # words that do not go on as the quotation does mark nothing past its first sentence
    assert views.quoted_parts(a.sentences, [Quote("The ferry will run. It runs weekly.", "Lee",
                                                  "s1")]) == {"s1": ["The ferry will run."]}


def test_only_http_links_to_sources():
    assert views.safe_source_url("https://x.org/a") == "https://x.org/a"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//x.org", "ftp://x", None, "http://"):
        assert views.safe_source_url(bad) is None


def test_feeds_use_article_dates():
    v = views.event_view(COMPARISON, [A, B, C], SLUGS)
    entries = views.event_feed(v)
    assert [e.updated for e in entries] == ["2024-05-02T00:00:00Z", "2024-05-01T00:00:00Z",
                                            "1970-01-01T00:00:00Z"]
    assert views.feed_updated(entries) == "2024-05-02T00:00:00Z"
    assert views.feed_updated([]) == "1970-01-01T00:00:00Z"


def test_a_quotation_outlets_give_in_the_same_words_is_listed_once_with_each_of_them():
    def q(speaker, text, outlet, article):
        return views.QuoteView(speaker, text, outlet, article, f"articles/{article}/index.html#s1")
    got = views.speaker_quotes([
        q("Tom Perez", "Russia launched an all-out assault on our democracy.", "Breitbart", "a"),
        q("the suit", "In the Trump campaign, Russia found a willing partner", "Fox News", "b"),
        q("Tom Perez", "Russia launched an all-out assault on our  democracy", "Fox News", "b"),
        q("Tom Perez", "“Russia launched an all-out assault, on our democracy", "HuffPost", "c"),
        q("Tom Perez", "This constituted an act of unprecedented treachery.", "HuffPost", "c"),
        q("Tom Perez", "russia launched an all-out assault on our democracy!", "HuffPost", "c"),
        q("Tom Perez", "Ask Mr. Flynn about a pardon?", "HuffPost", "c"),
        q("Tom Perez", "Ask Mr Flynn about a pardon?", "Breitbart", "a"),
        q("unnamed speaker", "Words nobody is named for, said twice.", "HuffPost", "c")])
    assert [(s.speaker, [(x.text, x.href, [o.outlet for o in x.quoted_by]) for x in s.quotes])
            for s in got] == [
        ("Tom Perez", [
            ("Russia launched an all-out assault on our democracy.", "articles/a/index.html#s1",
             ["Breitbart", "Fox News", "HuffPost"]),
            # another comma is other words: never shown as the same quotation
            ("“Russia launched an all-out assault, on our democracy", "articles/c/index.html#s1",
             ["HuffPost"]),
            ("This constituted an act of unprecedented treachery.", "articles/c/index.html#s1",
             ["HuffPost"]),
            # "Mr Flynn" is "Mr. Flynn" in another house style
            ("Ask Mr. Flynn about a pardon?", "articles/c/index.html#s1",
             ["HuffPost", "Breitbart"])]),
        ("the suit", [("In the Trump campaign, Russia found a willing partner",
                       "articles/b/index.html#s1", ["Fox News"])]),
        ("unnamed speaker", [("Words nobody is named for, said twice.",
                              "articles/c/index.html#s1", ["HuffPost"])])]


def test_a_part_of_a_longer_quotation_is_listed_with_it_as_quoted_in_part():
    def q(text, outlet, article):
        return views.QuoteView("Donald Trump", text, outlet, article,
                               f"articles/{article}/index.html#s1")
    got = views.speaker_quotes([
        q("have my blessing to discuss the end of the war.", "Fox News", "b"),
        q("They do have my blessing to discuss the end of the war", "The New York Times", "c"),
        q("discuss the end of the war", "The New York Times", "c"),
        q("They do have my blessing to discuss the end of the war", "USA Today", "d"),
        q("a warning to all of them", "Fox News", "b"),
        q("to all", "USA Today", "d"),  # too short to tell
        q("warning to all of the", "USA Today", "d")])  # not whole words of it
    assert [(x.text, [o.outlet for o in x.quoted_by], [o.text for o in x.in_part_by])
            for x in got[0].quotes] == [
        ("They do have my blessing to discuss the end of the war",
         ["The New York Times", "USA Today"],
         # The New York Times quotes the whole already: not listed for its part
         ["have my blessing to discuss the end of the war."]),
        ("a warning to all of them", ["Fox News"], []),
        ("to all", ["USA Today"], []),
        ("warning to all of the", ["USA Today"], [])]


def test_a_columns_loaded_words_and_hedges_are_each_listed_once():
    t = Tone(label="analysis", reasons=[], loaded_share=0.1, attributions=[],
             hedges=["likely", "appeared to", "Likely"], loaded_words=["dictator", "dictator"],
             loaded_sentences=["s1"])
    a = analysis("d", "Daily Planet", ["A dictator, likely."], tone=t)
    column = views.event_view(COMPARISON, [a, B], SLUGS).columns[0]
    assert column.tone.loaded_words == ["dictator"]
    assert column.tone.hedges == ["likely", "appeared to"]


def test_a_conflict_names_its_unit_once_and_its_qualifiers_in_words():
    def value(qualifier: str) -> views.ConflictValueView:
        return views.ConflictValueView(outlet="The Bugle", article="b", value=150.0,
                                       text="150 migrants", sentence="More than 150 migrants.",
                                       href="articles/b/#s1", qualifier=qualifier)
    assert views.ConflictView("migrants", "migrants", []).unit_shown == ""
    assert views.ConflictView("North Korean troops", "troops", []).unit_shown == ""
    assert views.ConflictView("range", "miles", []).unit_shown == "miles"
    assert [value(q).qualified for q in ("exact", "approx", "lower", "upper", "under")] == [
        "", "approximate", "a lower bound", "an upper bound", "just under"]


def test_an_outlet_saying_a_shared_claim_in_other_words_is_cited_and_marked_reported():
    g1 = COMPARISON.claim_groups[0]
    reworded = ClaimGroup(g1.id, g1.text, ["a", "b"], g1.sentences, g1.anchors,
                          reworded={"c": "Officials met."}, reworded_anchors={"c": "s1"})
    c = EventComparison(event=COMPARISON.event, claim_groups=[reworded], consensus=["g1"],
                        conflicts=[])
    v = views.event_view(c, [A, B, C], SLUGS)
    assert [(x.outlet, x.text, x.href) for x in v.consensus[0].reworded] == [
        ("Daily Planet", "Officials met.", "articles/c/index.html#s1")]
    cells = v.matrix[0].cells
    assert [x.state for x in cells] == ["reported", "reported", "reported"]
    assert cells[2].label == "reported in other words" and cells[2].sentence == "Officials met."
    # the front page says so too
    top = views.digest_entry(c, {"a": A, "b": B, "c": C}, SLUGS).top_claim
    assert [x.outlet for x in top.reworded] == ["Daily Planet"]


def test_a_quotation_with_no_speaker_is_listed_under_the_one_another_outlet_names():
    def q(speaker, text, outlet, article):
        return views.QuoteView(speaker, text, outlet, article, f"articles/{article}/index.html#s1")
    question = "What efforts were made to reach out to Mr. Flynn about seeking a pardon?"
    got = views.speaker_quotes([
        q("Robert S. Mueller III", question, "The New York Times", "a"),
        q(views.UNNAMED, question.replace("Mr.", "Mr"), "Breitbart", "b"),
        q(views.UNNAMED, "about seeking a pardon", "USA Today", "c"),  # a part of it
        q(views.UNNAMED, "a pardon", "HuffPost", "d"),  # too short to tell
        q("Donald Trump", "It is a pardon", "Fox News", "e"),
        q("Lena Ortiz", "It is a pardon", "HuffPost", "d"),
        q(views.UNNAMED, "It is a pardon", "USA Today", "c")])  # two speakers: whose?
    assert [(s.speaker, [([o.outlet for o in x.quoted_by], [o.outlet for o in x.in_part_by])
                         for x in s.quotes]) for s in got] == [
        ("Robert S. Mueller III", [(["The New York Times", "Breitbart"], ["USA Today"])]),
        ("Donald Trump", [(["Fox News"], [])]),
        ("Lena Ortiz", [(["HuffPost"], [])]),
        (views.UNNAMED, [(["HuffPost"], []), (["USA Today"], [])])]
    # the outlets that name no one are marked so: their own columns say "unnamed speaker"
    (mueller, *_) = got
    (shared,) = mueller.quotes
    assert [o.unnamed_here for o in shared.quoted_by + shared.in_part_by] == [False, True, True]
    # a comma more or less is the same words: whose they are does not hang on it
    got = views.speaker_quotes([
        q("Ann Lee, Tom Reyes and Jo Park", "he felt complimented, and myriad other facts",
          "Breitbart", "b"),
        q(views.UNNAMED, "he felt complimented and myriad other facts", "The New York Times",
          "a")])
    assert [s.speaker for s in got] == ["Ann Lee, Tom Reyes and Jo Park"]


def test_a_conflicting_figure_is_shown_with_the_qualifier_its_sentence_gives_it():
    """NYT's "at least four dozen questions" against USA Today's "almost four dozen
    questions": shown as "four dozen questions" twice, the dispute is invisible in the
    matrix; the words before the figure are the outlet's own, and shown."""
    c = replace(COMPARISON, conflicts=[Conflict("questions", "questions", [
        ConflictValue("a", 48, "four dozen questions",
                      "Mueller has at least four dozen questions.", "s1", "lower"),
        ConflictValue("b", 48, "four dozen questions",
                      "Mueller gave almost four dozen questions.", "s1", "under")])])
    v = views.event_view(c, [A, B, C], SLUGS)
    assert [x.text for x in v.conflicts[0].values] == [
        "at least four dozen questions", "almost four dozen questions"]
    assert v.matrix[0].cells[0].label == "conflicting value: at least four dozen questions"
