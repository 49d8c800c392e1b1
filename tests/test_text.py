import pytest
from hypothesis import given, strategies as st

from newsprism.text import normalise_space, shorten, slugify, split_sentences


def test_splits_sentences_and_keeps_abbreviations_and_initials():
    text = ("Gen. Mark Milley met Donald J. Trump in Washington. The U.S. sent 12,000 troops. "
            "“Strikes are not made with words,” he said. Was it enough? Yes.")
    assert split_sentences(text) == [
        "Gen. Mark Milley met Donald J. Trump in Washington.",
        "The U.S. sent 12,000 troops.",
        "“Strikes are not made with words,” he said.",
        "Was it enough?",
        "Yes.",
    ]


def test_an_abbreviation_ends_a_sentence_when_a_pronoun_or_article_opens_the_next():
    assert split_sentences(
        "It sounds like a victory for the U.S. It’s not, at least not yet. Israel shared the "
        "files with the U.S. And the U.S. Embassy checked them at 9 a.m. The talks ended. "
        "Mr. Kim works for Apple Inc. He met U.S. President Trump.") == [
        "It sounds like a victory for the U.S.", "It’s not, at least not yet.",
        "Israel shared the files with the U.S.", "And the U.S. Embassy checked them at 9 a.m.",
        "The talks ended.", "Mr. Kim works for Apple Inc.", "He met U.S. President Trump."]


def test_sentence_ending_inside_quotes_splits_after_the_quote():
    assert split_sentences("He said “no.” Then he left.") == ["He said “no.”", "Then he left."]


def test_a_quoted_question_or_exclamation_before_its_tag_does_not_end_the_sentence():
    assert split_sentences("“Also, he leaked it. WOW! Will the Witch Hunt continue?” Trump "
                           "tweeted. He left.") == [
        "“Also, he leaked it.", "WOW!", "Will the Witch Hunt continue?” Trump tweeted.",
        "He left."]
    assert split_sentences('"Is it over?" Rep. Zoe Lofgren asked. Yes.') == [
        '"Is it over?" Rep. Zoe Lofgren asked.', "Yes."]
    assert split_sentences('"What efforts were made?" Mr. Mueller planned to ask, according to '
                           'the list. Yes.') == [
        '"What efforts were made?" Mr. Mueller planned to ask, according to the list.', "Yes."]
    # a word of intent not followed by speech is no tag
    assert len(split_sentences('"Is it over?" Mr. Mueller planned to leave.')) == 2
    # no tag after the quote: the question ends its sentence
    assert split_sentences('"Is it over?" Trump Tower was empty.') == [
        '"Is it over?"', "Trump Tower was empty."]
    assert split_sentences("“Go!” The crowd cheered.") == ["“Go!”", "The crowd cheered."]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_splitting_is_verbatim(text):
    assert " ".join(split_sentences(text)) == normalise_space(text)


def test_slugify_is_ascii_and_cut_at_a_word():
    assert slugify("Biden’s Armed Shift: Ukraine Authorized!") == "bidens-armed-shift-ukraine-authorized"
    assert slugify("Ünïcode façade") == "unicode-facade"
    assert slugify("!!!") == "untitled"
    cut = slugify("Mueller Has Dozens of Inquiries for Trump in Broad Quest on Russia Ties and "
                  "Obstruction")
    assert cut == "mueller-has-dozens-of-inquiries-for-trump-in-broad-quest"
    assert slugify("What the city wants to") == "what-the-city-wants-to"  # whole: kept
    long = slugify("word " * 40)
    assert len(long) <= 60 and not long.endswith("-")


def test_shorten_cuts_at_a_word_and_marks_it():
    s = shorten("As the Biden administration faces the twilight of its tenure following electoral losses, more", 50)
    assert len(s) <= 50 and s.endswith("…") and not s[:-1].endswith(" ")


def test_shorten_ends_on_no_word_leading_into_the_next_nor_inside_a_name():
    assert shorten("President Trump spoke in intimate and candid terms to the former F.B.I. "
                   "director James Comey about some of the most sensitive matters", 90) == (
        "President Trump spoke in intimate and candid terms to the former F.B.I. director…")
    assert shorten("President Trump dispatched the C.I.A. director Mike Pompeo to North Korea to "
                   "meet with its leader, Kim Jong-un, over Easter weekend", 90) == (
        "President Trump dispatched the C.I.A. director Mike Pompeo to North Korea to meet…")
    assert shorten("President Joe Biden has authorized Ukraine to use long-range U.S.-provided "
                   "missiles to strike targets inside Russia", 90) == (
        "President Joe Biden has authorized Ukraine to use long-range U.S.-provided missiles…")
    # never more than half of it given up for that
    assert shorten("Officials Said The Long Run Of Capitalised Words Went On And On Past The "
                   "Limit Of The Title", 40) == "Officials Said The Long…"


@given(st.text(alphabet="ab AB.,—", max_size=300), st.integers(min_value=2, max_value=120))
def test_shorten_keeps_a_prefix_within_the_limit(text, max_chars):
    out = shorten(text, max_chars)
    whole = normalise_space(text)
    assert len(out) <= max_chars
    assert out == whole or (out.endswith("…") and whole.startswith(out[:-1]))


def test_the_lowercase_shortcut_list_is_complete():
    """content_words lower-cases whole texts unless one of these characters is present."""
    import re
    from newsprism import text as t
    inside = re.compile(t._WORD.pattern.split("+")[0])
    expected = {c for c in map(chr, range(0x110000))
                if not inside.fullmatch(c) and any(inside.fullmatch(x) for x in c.lower())}
    assert expected == set(t._LOWERS_INTO_WORD.pattern[1:-1])


@pytest.mark.parametrize("text", [
    "Officials’ REPORT on Ukraine’s 12,000 troops: the Minister’s view.",
    "The \u212a scale, \u0178vonne and \u0130stanbul’s MAYORS.",
])
def test_content_words_lowercases_tokens(text):
    from newsprism.text import STOPWORDS, content_words, words
    expected = [w for w in (x.lower().replace("’", "'") for x in words(text))
                if len(w) > 2 and w not in STOPWORDS and not w.isdigit()]
    assert content_words(text) == expected


def test_a_dotted_acronym_is_one_content_word():
    """"the F.B.I. director" is about the FBI as "the FBI director" is; "U.S." stays a
    stopword's letters and "Donald J. Trump" keeps his names."""
    from newsprism.text import content_words
    assert content_words("The F.B.I. director met C.I.A. officials in the U.S.") == [
        "fbi", "director", "met", "cia", "officials"]
    assert content_words("The FBI director met CIA officials.") == [
        "fbi", "director", "met", "cia", "officials"]
    assert content_words("Donald J. Trump met H.R. McMaster.") == [
        "donald", "trump", "met", "mcmaster"]


def test_the_caseless_pattern_exceptions_are_complete():
    """CaselessPattern matches lower-cased text unless one of these characters is present."""
    import re
    from newsprism import text as t
    letter, word, space = re.compile("[a-z]", re.I), re.compile(r"\w"), re.compile(r"\s")
    expected = set()
    for c in map(chr, range(0x110000)):
        low = c.lower()
        if (not c.isascii() and letter.fullmatch(c)) or len(low) != 1 or (
                bool(word.fullmatch(c)) != bool(word.fullmatch(low))) or (
                bool(space.fullmatch(c)) != bool(space.fullmatch(low))):
            expected.add(c)
    assert expected == set(t._CASE_EXOTIC.pattern[1:-1])


def test_a_caseless_pattern_finds_what_ignorecase_finds():
    from newsprism.text import CaselessPattern
    p = CaselessPattern(r"\b(?:said|according to)\b")
    for text in ("He SAID so, according To them.", "ſaid İt", "Said K said", "unsaid"):
        assert p.findall(text) == [m.group() for m in p.ignorecase.finditer(text)]
        assert p.search(text) == (lambda m: m and m.group())(p.ignorecase.search(text))
        assert p.match(text) == (lambda m: m and m.group())(p.ignorecase.match(text))


@given(st.text(alphabet=st.sampled_from(list(" \t\n\u00a0\u2003\r\x0bab.")), max_size=60))
def test_normalise_space_folds_every_whitespace_run(text):
    import re
    assert normalise_space(text) == re.sub(r"\s+", " ", text).strip()


def test_dotted_initials_end_no_sentence_unless_one_opens_after_them():
    assert split_sentences("Trump has fired national security adviser H.R. McMaster. He left.") \
        == ["Trump has fired national security adviser H.R. McMaster.", "He left."]
    assert split_sentences("The governor spoke in Trenton, N.J. The crowd cheered.") == [
        "The governor spoke in Trenton, N.J.", "The crowd cheered."]


def test_sentences_about_the_page_are_told_from_the_news():
    from newsprism.claims import extract_claims
    from newsprism.model import Sentence
    from newsprism.text import is_page_furniture
    page = ["A photograph released by North Korea's state news agency shows the North's leader, "
            "Kim Jong-un, center, at a ruling party meeting in Pyongyang on Friday.",
            "Redacted copies of the seven documents can be seen below.",
            "The Washington Post reports the CIA director met Kim; chief White House "
            "correspondent John Roberts reports from West Palm Beach, Florida.",
            "Read the full statement below."]
    news = ["The report shows Iran lied about its nuclear program, Netanyahu said.",
            "The photo shows the missile launch, the ministry said on Monday.",
            "The temperature fell below zero in Pyongyang on Friday.",
            "Reporters from Reuters saw 12 trucks leave the site."]
    assert [is_page_furniture(t) for t in page] == [True] * 4
    assert [is_page_furniture(t) for t in news] == [False] * 4
    claims = extract_claims([Sentence(f"s{k}", t, k) for k, t in enumerate(page + news)])
    assert not {c.text for c in claims} & set(page)


@pytest.mark.parametrize("sentence, dateline", [
    ("WASHINGTON — Mr. Trump said.", "WASHINGTON — "),
    ("SEOUL, South Korea — North Korea's leader spoke.", "SEOUL, South Korea — "),
    ("WEST PALM BEACH, Fla. — President Trump said.", "WEST PALM BEACH, Fla. — "),
    ("TEL AVIV (Reuters) - Israel presented evidence.", "TEL AVIV (Reuters) - "),
    ("WASHINGTON, April 30 (Reuters) - President Trump said.", "WASHINGTON, April 30 (Reuters) - "),
    ("Washington (AFP) – Special Counsel Robert Mueller said.", "Washington (AFP) – "),
    # a dash inside a sentence is no dateline
    ("The three Republican chairmen — Goodlatte, Nunes and Gowdy — said.", None),
    ("Trump has strongly – and repeatedly – denied it.", None),
    ("A decades-long war ended.", None),
])
def test_one_dateline_rule_for_titles_and_claims(sentence, dateline):
    from newsprism.text import DATELINE
    m = DATELINE.match(sentence)
    assert (m.group() if m else None) == dateline
