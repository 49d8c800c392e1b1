"""The name finder's paragraph shortcut gives exactly what reading the paragraph whole gives."""
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import NEWSWCL50, SEEDS
from newsprism.analyse import sentences_of
from newsprism.names import find_names, find_names_in_sentences
from newsprism.parse import parse_article
from newsprism.text import split_sentences


def _whole(sentences):
    offsets = itertools.accumulate((len(s) + 1 for s in sentences[:-1]), initial=0)
    return find_names(" ".join(sentences), tuple(offsets))


def test_paragraph_names_match_on_the_real_articles():
    """The seeds and the twin corpus, and NewsWCL50 when ../shared is beside the repo."""
    from twin_corpus import twin_articles

    paths = sorted([*SEEDS.rglob("*.txt"), *NEWSWCL50.rglob("*.txt")])
    checked = 0
    for article in [parse_article(p.read_bytes(), p.name) for p in paths] + twin_articles()[0]:
        by_block = {}
        for s in sentences_of(article):
            by_block.setdefault(s.block, []).append(s.text)
        for sentences in by_block.values():
            assert find_names_in_sentences(sentences) == _whole(sentences)
            checked += 1
    assert checked > 100


_PIECES = ["Trump", "President.", "Gen.", "U.S.", "said", "the", "May", "in", "of", "State",
           "John", "Kerry’s", "“The", "(Trump.", "However,", "Critics", "Jr.", "de", "Gaulle",
           "Mr.", "J.", "…", "?", "!", "”", ")", "’", "\"", ".", ":", "—", "New", "York",
           "China's", "Xi", "People's", "Republic"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_paragraph_names_match_on_tricky_text(pieces):
    sentences = split_sentences(" ".join(pieces))
    if sentences:
        assert find_names_in_sentences(sentences) == _whole(sentences)


def test_a_possessive_names_its_owner_only():
    def names(text):
        return [(n.text, n.person, n.title) for n in find_names(text)]
    assert names("Talks with China's Xi Jinping went well.") == [
        ("Talks", False, ""), ("China", False, ""), ("Xi Jinping", True, "")]
    assert names("It attacked Obama's Iran deal.") == [("Obama", False, ""), ("Iran", False, "")]
    assert names("He met Britain’s Prime Minister Theresa May.") == [
        ("Britain", False, ""), ("Theresa May", True, "Prime Minister")]
    assert names("Trump's White House said no.") == [("Trump", False, ""),
                                                     ("White House", False, "")]
    # a plural's possessive is part of the name
    assert names("The People's Republic of China said so.")[0][0] == "People's Republic of China"


def test_an_organisation_goes_on_over_of_and_for_a_person_does_not():
    def names(text):
        return [(n.text, n.person) for n in find_names(text)]
    assert names("said Victor Cha of the Washington-based Center for Strategic & International "
                 "Studies.") == [("Victor Cha", True),
                                 ("Center for Strategic & International Studies", False)]
    assert names("They crossed at the San Ysidro Port of Entry under the Department of the "
                 "Treasury rules.") == [("San Ysidro Port of Entry", False),
                                        ("Department of the Treasury", False)]
    assert names("Macron of France met Abe of Japan and Trump for an hour.") == [
        ("Macron", False), ("France", False), ("Abe", False), ("Japan", False), ("Trump", False)]


def test_common_nouns_and_adjectives_make_no_person():
    def people(text):
        return [n.text for n in find_names(text) if n.person]
    assert people("The memos were released by Republican Congressional intelligence officials "
                  "on Thursday, Devin Nunes said.") == ["Devin Nunes"]
    assert people("Pompeo met Kim over the Easter Weekend as the Iran Nuclear talks went on and "
                  "the Winter Olympics ended.") == []


def test_a_title_opening_a_sentence_is_the_persons_title_not_an_opener():
    for title in ("Mr.", "Mrs.", "Ms.", "Dr."):
        found = [(n.text, n.title) for n in find_names(f"{title} Pompeo met Kim Jong Un.")]
        assert found[0] == ("Pompeo", title)
    assert [n.text for n in find_names("The talks went on.")] == []  # an opener still drops


def test_an_ordinal_after_a_name_keeps_it_a_person_and_mr_surname_finds_him():
    from newsprism.names import PeopleRegister
    def names(text):
        return [(n.text, n.person) for n in find_names(text)]
    assert names("Robert S. Mueller III fired James B. Comey.") == [
        ("Robert S. Mueller III", True), ("James B. Comey", True)]
    assert names("Pope John Paul II met the World War II veterans.")[1] == ("World War II", False)
    assert names("The FBI Director spoke.") == [("FBI Director", False)]  # an acronym still is none
    register = PeopleRegister()
    register.add(find_names("Robert S. Mueller III asked.")[0], [])
    assert register.resolve("Mueller") == "Robert S. Mueller III"
