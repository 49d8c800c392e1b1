from newsprism.claims import extract_claims, predicates
from newsprism.model import Sentence
from newsprism.tone import assess_tone


def sents(*texts):
    return [Sentence(id=f"s{i + 1}", text=t, block=0) for i, t in enumerate(texts)]


def test_claim_kinds_entities_numbers_modality():
    claims = extract_claims(sents(
        "President Joe Biden has authorized Ukraine to use U.S. missiles inside Russia.",
        "Biden’s decision was confirmed by officials, according to Reuters.",
        "Pyongyang is planning to send up to 100,000 soldiers.",
        "Is this the end?",
    ))
    by_id = {c.id: c for c in claims}
    assert "action" in by_id["s1"].kinds and "Joe Biden" in by_id["s1"].entities
    assert "authorize" in by_id["s1"].predicates
    assert "Joe Biden" in by_id["s2"].entities  # possessive folded, surname resolved
    assert "attributed" in by_id["s2"].kinds
    assert by_id["s3"].modality == "plan" and by_id["s3"].numbers[0].unit == "troops"
    assert "s4" not in by_id  # a question asserts nothing


def test_predicates_fold_synonyms():
    assert "authorize" in predicates("Biden approved the strikes")
    assert "authorize" in predicates("the White House greenlit the plan")


def test_tone_label_has_reasons_and_evidence():
    tone = assess_tone(sents(
        "This reckless, dangerous gamble is a catastrophic betrayal.",
        "We must stop it now!",
        "Critics argue it is a sinister ploy.",
    ))
    assert tone.label == "opinion"
    assert tone.reasons and "reckless" in tone.loaded_words
    assert "Critics argue" in tone.hedges
    news = assess_tone(sents(
        "The ministry said on Monday that 40 people were evacuated.",
        "According to officials, the road reopened at noon.",
        "Police confirmed the figures, the agency reported.",
    ))
    assert news.label == "news report"
    assert "According to" in news.attributions


def test_quoted_words_do_not_count_as_the_outlets_tone():
    tone = assess_tone(sents("“This is a reckless disaster,” the minister said on Monday."))
    assert tone.loaded_words == []
