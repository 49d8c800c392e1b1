"""The comparison's shortcuts give exactly what the plain rules give: the opening actor read
from the start of a sentence, the name tags that skip hopeless name pairs, and the candidate
pairs from the sparse term product. Checked on the seeds and the hand-written twin corpus,
and on a NewsWCL50 sample too when ../shared is beside the repo."""
import itertools

import pytest

from conftest import NEWSWCL50, SEEDS, analyse_files


@pytest.fixture(scope="module")
def analyses():
    from newsprism.analyse import analyse_article
    from twin_corpus import twin_articles

    files = analyse_files(list(SEEDS.glob("*.txt")) + sorted(NEWSWCL50.glob("*.txt"))[:20])
    return files + [analyse_article(a) for a in twin_articles()[0]]


def _actor_reading_everything(claim):
    """`compare._actor` as first written: the name finder over the whole sentence."""
    from newsprism.compare import same_name
    from newsprism.names import find_names, name_key
    from newsprism.text import DATELINE
    text = claim.text.strip()
    if text[:1] in "“\"‘'":
        return ""
    body = DATELINE.sub("", text)
    keys = [name_key(e) for e in claim.entities]
    for name in find_names(body)[:1]:
        key = name_key(name.text)
        opens = body[:name.start].strip(" ,") in ("", name.title)
        if opens and any(same_name(key, k) for k in keys):
            return key
    return ""


TRICKY = [
    "May said on Tuesday that the vote would go ahead in the House of Commons next week.",
    "May we never see such a thing again, said the mayor of the small coastal town.",
    "President Donald J. Trump’s lawyers filed the motion in Manhattan federal court on Friday.",
    "Secretary of State Mike Pompeo met Kim Yong Chol, a senior North Korean official, today.",
    "WASHINGTON (Reuters) — Senator Elizabeth Warren introduced the bill on Thursday morning.",
    "Mr. Smith. The Long Capitalised Run Of Words That Goes On And On Past The Cut Point Here",
    ", Kim Jong Un arrived in Singapore " + "after a very long flight " * 8 + "with Moon.",
    "In May the Court ruled against Donald Trump, according to " + "filings " * 20,
    "Theresa May " + "x" * 120 + " was glowing.",
]


def test_opening_actor_is_the_one_the_whole_sentence_gives(analyses):
    from newsprism.compare import _actor
    from newsprism.model import Claim
    from newsprism.names import find_names
    claims = [c for a in analyses for c in a.claims]
    for text in TRICKY:
        names = [n.text for n in find_names(text)]
        claims.append(Claim(id="s1", text=text, kinds=[], entities=names))
    assert len(claims) > 100  # 118 from the repo's own corpora; more with NewsWCL50
    for claim in claims:
        assert _actor(claim) == _actor_reading_everything(claim), claim.text


def test_names_the_same_always_share_a_tag(analyses):
    from newsprism.compare import _entity_key, name_signature, same_name
    keys = {_entity_key(e) for a in analyses for c in a.claims for e in c.entities}
    keys |= {"uk", "united kingdom", "us", "united states", "us president", "kim jongun",
             "kim jong un", "russia", "russian", "biden", "joe biden", "ukraine", "ukrainian"}
    keys.discard("")
    assert len(keys) > 60  # 83 from the repo's own corpora; more with NewsWCL50
    for a, b in itertools.combinations(sorted(keys), 2):
        if same_name(a, b):
            assert name_signature(a) & name_signature(b), (a, b)


def test_candidate_pairs_keep_every_pair_the_rules_accept(analyses):
    """Every pair from different articles sharing a blocking term that `_same_claim` accepts
    is among `_alike_pairs`, and `_group_claims` scores no other."""
    from newsprism.compare import MAX_POSTINGS, _alike_pairs, _ClaimRef, _same_claim, folded_weights
    refs = [_ClaimRef(a.article.id, k, c, j)
            for k, a in enumerate(analyses) for j, c in enumerate(a.claims)]
    weight = folded_weights(refs)
    postings: dict[str, list[int]] = {}
    for i, r in enumerate(refs):
        for t in r.terms:
            postings.setdefault(t, []).append(i)
    every = {(i, j) for ids in postings.values() if len(ids) <= MAX_POSTINGS
             for i, j in itertools.combinations(ids, 2) if refs[i].article != refs[j].article}
    accepted = {p for p in every if _same_claim(refs[p[0]], refs[p[1]], weight) > 0}
    assert len(accepted) > 20
    alike = set(_alike_pairs(refs, weight))
    assert accepted <= alike <= every
