"""analyse_article: what an article says twice counts once (its page keeps every sentence)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.analyse import analyse_article, first_of_each, repeats
from newsprism.model import Quote, Sentence
from newsprism.parse import parse_article

from conftest import SEEDS

LEAD = ("President Trump late Thursday tweeted that the newly released memos written by former "
        "FBI Director James Comey showed no collusion with Russia in 2016.")
QUOTE = '"We will not accept this deal," Foreign Minister Anna Berg said on Friday in Oslo.'
PARAGRAPHS = [
    "The memos, 15 pages in all, were sent to Congress by the Justice Department on Thursday.",
    "Republican lawmakers said the memos showed that Comey had leaked classified information.",
    QUOTE,
    "Democrats said the release of the memos was meant to discredit the former director.",
    "The White House did not respond to a request for comment on the memos late on Thursday.",
    "Comey wrote that Trump asked him for loyalty at a dinner in January 2017.",
]


def article_of(paragraphs: list[str]):
    text = "Title: Memos released\nSource: Test Outlet\n\n" + "\n\n".join(paragraphs) + "\n"
    return parse_article(text.encode(), "memos.txt")


def test_a_lead_given_twice_is_one_summary_line_and_one_claim():
    a = analyse_article(article_of([LEAD, LEAD] + PARAGRAPHS))
    texts = [s.text for s in a.sentences]
    assert texts[:2] == [LEAD, LEAD]  # the page keeps both
    summary = [a.sentence(i).text for i in a.summary]
    assert summary.count(LEAD) == 1
    claims = [c.text for c in a.claims]
    assert claims.count(LEAD) == 1 and len(claims) == len(set(claims))
    assert a.claims[0].id == "s1"  # the first place, where the reader meets it


def test_a_quotation_given_twice_is_one_quote():
    again = '"We will not accept this deal," Berg told reporters in Oslo later that day.'
    a = analyse_article(article_of(PARAGRAPHS + [again]))
    berg = [q for q in a.quotes if q.text.startswith("We will not accept")]
    assert len(berg) == 1
    assert a.sentence(berg[0].sentence).text == QUOTE


def test_an_article_without_repeats_is_analysed_as_before():
    for path in sorted(SEEDS.glob("*.txt")):
        a = analyse_article(parse_article(path.read_bytes(), path.name))
        assert not repeats(a.sentences)
        assert len({q.text for q in a.quotes}) == len(a.quotes)


def test_first_of_each_keeps_reading_order_and_first_places():
    q = [Quote("a", "X", "s1"), Quote("b", None, "s2"), Quote("a", "Y", "s5"),
         Quote("c", "Z", "s6"), Quote("b", "W", "s7")]
    assert [(x.text, x.sentence) for x in first_of_each(q)] == [("a", "s1"), ("b", "s2"),
                                                                ("c", "s6")]


def test_repeats_names_every_later_copy_and_never_a_first():
    s = [Sentence(f"s{i + 1}", t, 0) for i, t in enumerate("A B A C B A".split())]
    assert repeats(s) == {"s3", "s5", "s6"}


TWEET = ("Mike Pompeo met with Kim Jong Un in North Korea last week. Meeting went very smoothly "
         "and a good relationship was formed. Denuclearization will be a great thing for World!")


def test_a_tweet_embedded_after_the_paragraph_quoting_it_is_no_line_of_the_outlet():
    a = analyse_article(article_of(PARAGRAPHS[:2] + [f'"{TWEET}" he tweeted.', TWEET]
                                   + PARAGRAPHS[2:]))
    tweet_ids = {s.id for s in a.sentences if s.block == 3}
    assert [a.sentence(i).text for i in sorted(tweet_ids)][0].startswith("Mike Pompeo met")
    assert repeats(a.sentences, a.quotes) == tweet_ids  # the quoting paragraph stays
    assert not tweet_ids & set(a.summary) and not tweet_ids & {c.id for c in a.claims}
    assert any(q.text.startswith("Mike Pompeo met") for q in a.quotes)


def test_a_quotation_going_on_in_its_own_paragraph_is_no_repeat():
    a = analyse_article(article_of(PARAGRAPHS[:2] + [
        '"We will not accept this deal. The ministers agreed on it in Oslo," Berg said.']
        + PARAGRAPHS[2:]))
    assert any("The ministers agreed" in q.text for q in a.quotes)
    assert not repeats(a.sentences, a.quotes)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([LEAD] + PARAGRAPHS), min_size=1, max_size=14))
def test_nothing_is_shown_twice_whatever_repeats(paragraphs):
    a = analyse_article(article_of(paragraphs))
    first_place = {}
    for s in a.sentences:
        first_place.setdefault(s.text, s.id)
    summary = [a.sentence(i).text for i in a.summary]
    assert len(summary) == len(set(summary))
    assert all(first_place[a.sentence(i).text] == i for i in a.summary)
    assert all(first_place[c.text] == c.id for c in a.claims)
    assert len({q.text for q in a.quotes}) == len(a.quotes)
    assert set(a.key_claims) <= {c.id for c in a.claims}
    assert len(a.sentences) == len(paragraphs)  # the page keeps every sentence (one each)
