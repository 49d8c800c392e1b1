import pytest

from newsprism.parse import UnreadableArticle, decode, looks_like_heading, parse_article

from conftest import SEEDS


def seed(prefix: str):
    path = next(SEEDS.glob(prefix + "*.txt"))
    return parse_article(path.read_bytes(), path.name)


def test_seed_headline_is_the_first_line():
    a = seed("000")
    assert a.title.startswith("As Biden Greenlights Ukraine Strikes Inside Russia")
    assert not a.title_derived


def test_headline_less_seed_gets_a_short_title_not_a_paragraph():
    a = seed("003")
    assert a.title_derived
    assert len(a.title) <= 90
    assert a.title.startswith("As the Biden administration faces the twilight")


def test_a_title_holding_the_lead_is_the_first_sentence_not_a_headline():
    """Two NYT files of NewsWCL50 give their lead as the title ("WEST PALM BEACH, Fla. — ...")
    and begin the body with the second sentence: the lead was shown only as a headline cut at
    90 characters, and was missing from the claims and the summary."""
    lead = ("WEST PALM BEACH, Fla. — President Trump dispatched the C.I.A. director Mike Pompeo "
            "to North Korea to meet with its leader, Kim Jong-un, in recent weeks.")
    raw = f"Title: {lead}\nSource: The New York Times\n\nMr. Trump alluded to the mission.\n"
    a = parse_article(raw.encode(), "nyt.txt")
    assert a.paragraphs == [lead, "Mr. Trump alluded to the mission."]
    assert a.title_derived
    assert a.title.startswith("President Trump dispatched the C.I.A. director")
    for title in ("BREAKING — Trump fires Comey", "NEW YORK — Trump fires Comey",
                  "Trump Tower — a history.", "White House Delays Tariffs for 30 Days."):
        a = parse_article(f"Title: {title}\n\nThe body.\n".encode(), "x.txt")
        assert (a.title, a.paragraphs, a.title_derived) == (title, ["The body."], False)


def test_sub_headings_are_kept_as_headings_not_glued_to_sentences():
    a = seed("000")
    headings = [b.text for b in a.blocks if b.kind == "heading"]
    assert "The Official Justification: Countering New Threats" in headings
    assert "The Timing: A Political Chess Move?" in headings
    assert not any("Countering New Threats The Biden" in p for p in a.paragraphs)


def test_hard_wrapped_lines_are_joined():
    a = seed("000")
    assert a.paragraphs[0].startswith("In a move marking a significant policy shift, President Joe Biden has authorized")


def test_web_debris_is_removed():
    for prefix in ("001", "003"):
        text = " ".join(b.text for b in seed(prefix).blocks)
        assert "Leave a Reply" not in text and "to participate" not in text
        assert not any(b.text == "Reply" for b in seed(prefix).blocks)


def test_links_to_other_stories_are_debris():
    raw = ("Title: Memos released\nSource: Daily Planet\n\n"
           "The memos were released to Congress on Thursday night.\n\n"
           "More: A minute-by-minute guide to our exclusive interview with the director.\n\n"
           "The Bubble: Conservatives and liberals agree the book did him no favors.\n\n"
           "Related: The director on the president: 'like the breakup he can't get over'.\n\n"
           "More than 150 migrants reached the border, officials said.\n").encode()
    assert parse_article(raw, "memos.txt").paragraphs == [
        "The memos were released to Congress on Thursday night.",
        "More than 150 migrants reached the border, officials said."]


def test_a_video_blurb_is_debris():
    """USA Today's DNC story carried its video's blurb; it stood for USA Today's words on the
    event's top shared claim."""
    raw = ("Title: Lawsuit filed\nSource: Daily Planet\n\n"
           "A major lawsuit from the party, targeting the campaign for conspiring to help win "
           "the 2016 election. Veuer's Nick Cardona has that story.\n\n"
           "The party filed the lawsuit in Manhattan on Friday.\n\n"
           "The reporter has the story of a lifetime to tell, she said on Friday.\n").encode()
    assert parse_article(raw, "suit.txt").paragraphs == [
        "The party filed the lawsuit in Manhattan on Friday.",
        "The reporter has the story of a lifetime to tell, she said on Friday."]


def test_header_metadata_and_source_link():
    raw = (b"Title: Quake hits city\nSource: Daily Planet\nURL: https://example.com/a/b\n"
           b"Date: April 20, 2018\nAuthor: Lois Lane\nEvent: Big Quake 2018\n\n"
           b"A strong earthquake struck the city on Friday, officials said.\n")
    a = parse_article(raw, "sub/quake.txt")
    assert (a.title, a.outlet, a.url, a.date, a.author, a.event) == (
        "Quake hits city", "Daily Planet", "https://example.com/a/b", "2018-04-20", "Lois Lane",
        "big-quake-2018")
    assert a.id == "sub-quake"
    assert a.paragraphs == ["A strong earthquake struck the city on Friday, officials said."]


def test_outlet_falls_back_to_url_domain_then_file_name():
    raw = b"URL: https://www.example.org/x\n\nHeadline Here\n\nSome text about things that happened.\n"
    assert parse_article(raw, "a.txt").outlet == "example.org"
    a = seed("002")
    assert a.outlet == "unknown outlet (002_49b24d08c9ff5df6.txt)"


def test_bad_metadata_is_warned_not_fatal():
    raw = b"Title: T\nDate: 2018-02-31\nURL: javascript:alert(1)\n\nBody text of the article here.\n"
    a = parse_article(raw, "a.txt")
    assert a.date is None and a.url is None
    assert len(a.warnings) == 2


def test_markdown_with_pelican_metadata():
    raw = ("Title: A *markdown* story\nDate: 2024-11-18\nSource: Example News\n\n"
           "# Sub heading\n\nFirst paragraph with a [link](https://x.y) and **bold** words.\n"
           "It goes on.\n\n## Another\n\nSecond paragraph.\n").encode()
    a = parse_article(raw, "story.md")
    assert a.title == "A *markdown* story"
    assert [(b.kind, b.text) for b in a.blocks] == [
        ("heading", "Sub heading"),
        ("paragraph", "First paragraph with a link and bold words. It goes on."),
        ("heading", "Another"),
        ("paragraph", "Second paragraph."),
    ]


@pytest.mark.parametrize("raw,reason", [
    (b"", "empty"), (b"  \n\t\n", "empty"), (b"\x00\x01\x02PNG\x00" * 50, "binary"),
    (b"Title: Only metadata\nSource: X\n\n", "no article text"),
])
def test_unreadable_input_says_why(raw, reason):
    with pytest.raises(UnreadableArticle, match=reason):
        parse_article(raw, "bad.txt")


def test_decodes_utf16_and_cp1252():
    text = "Café owners said the rally drew 2,000 people."
    assert decode(b"\xff\xfe" + text.encode("utf-16-le")) == text
    assert decode(text.encode("cp1252")) == text


def test_heading_detection():
    assert looks_like_heading("Why Now?")
    assert looks_like_heading("North Korea’s Role in the Conflict")
    assert not looks_like_heading("In a move marking a significant policy shift, President")
    assert not looks_like_heading("Putin warns escalation could lead to NATO’s direct involvement in the conflict.")
    # a quoted sentence whose tag names people ends in a period inside the closing mark
    assert not looks_like_heading('"He presented a smoking bomb," Ron Dermer told Bret Baier '
                                  'on "Special Report."')
    assert not looks_like_heading("“He Presented a Smoking Bomb,” Ron Dermer Told Bret Baier on "
                                  "“Special Report.”")
    assert looks_like_heading('Trump Calls the Deal "Insane"')
