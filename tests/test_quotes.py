from hypothesis import given, settings, strategies as st

from newsprism.model import Sentence
from newsprism.quotes import extract_quotes
from newsprism.text import split_sentences


def sentences(*paragraphs):
    out = []
    for b, p in enumerate(paragraphs):
        for t in split_sentences(p):
            out.append(Sentence(id=f"s{len(out) + 1}", text=t, block=b))
    return out


def speakers(*paragraphs):
    return [(q.speaker, q.text) for q in extract_quotes(sentences(*paragraphs))]


def test_tag_after_with_description_then_surname():
    got = speakers("“This isn’t just about Ukraine or Russia,” explains geopolitical analyst "
                   "Jay Douglas.", "“Trump’s critics like to paint him as naive,” says Douglas.")
    assert got == [("Jay Douglas", "This isn’t just about Ukraine or Russia"),
                   ("Jay Douglas", "Trump’s critics like to paint him as naive")]


def test_speaker_then_verb_after_quote_resolves_surname():
    got = speakers("Russian President Vladimir Putin has warned repeatedly.",
                   "“Ukrainian servicemen cannot do this,” Putin stated in September.")
    assert got == [("Vladimir Putin", "Ukrainian servicemen cannot do this")]


def test_pronoun_is_last_named_person():
    got = speakers("But Douglas suggests it is a natural response.",
                   "“If dozens of nations are arming Ukraine, it is logical,” he explains.")
    assert got[0][0] == "Douglas"


def test_lead_in_before_quote():
    got = speakers("In Ukraine, President Volodymyr Zelenskyy responded to the news of U.S. "
                   "support by stating, “Strikes are not made with words,” and expressed hope.")
    assert got == [("Volodymyr Zelenskyy", "Strikes are not made with words")]


def test_description_before_partial_quote():
    got = speakers("The response was unequivocal, with Kremlin spokesperson Dmitry Peskov "
                   "accusing Washington of “pouring oil into the flames” and more.")
    assert got == [("Dmitry Peskov", "pouring oil into the flames")]


def test_scare_quotes_and_titles_are_not_quotes():
    assert speakers("Critics accused the administration of attempting to “poison the well” "
                    "for the next one.") == []
    assert speakers("It is Russia that now plays the “adult in the room,” ironically.") == []
    assert speakers("He read “The Art of the Deal” on the plane.") == []


def test_straight_quotes_and_multi_sentence():
    got = speakers('"It\'s insane. It\'s ridiculous," Trump said when asked.')
    assert got == [("Trump", "It's insane. It's ridiculous")]


def test_continuation_paragraph():
    got = speakers("“This is high-stakes geopolitics,” says Jay Douglas.",
                   "“The next few weeks will shape the future of this conflict.”")
    assert [s for s, _ in got] == ["Jay Douglas", "Jay Douglas"]


_piece = st.sampled_from([
    "“", "”", '"', "said Jay Douglas", "he said", "Douglas warns,", "The deal is bad.",
    "Officials agreed", ",", ".", " ", "Kremlin spokesperson Dmitry Peskov", "according to",
    "It is “a sham” now.", "We will win.", "Nobody knows", "\u00a0", "’", "‘",
])


@settings(max_examples=300)
@given(st.lists(st.lists(_piece, min_size=1, max_size=12).map(" ".join), min_size=1,
                max_size=4))
def test_property_quote_text_is_verbatim(paragraphs):
    sents = sentences(*paragraphs)
    joined = {}
    for s in sents:
        joined.setdefault(s.block, []).append(s.text)
    blocks = {b: " ".join(t) for b, t in joined.items()}
    ids = {s.id for s in sents}
    for q in extract_quotes(sents):
        assert q.text and any(q.text in text for text in blocks.values())
        assert q.sentence in ids
