"""End to end over the five seed articles (one event): the comparison an editor relies on."""
import json
import re

from newsprism.model import to_dict

from conftest import SEEDS, compare_files


def _ws(text):
    return re.sub(r"\s+", " ", text).strip()


def _article(analyses, prefix):
    return next(a for a in analyses if a.article.id.startswith(prefix))


def test_north_korean_troops_conflict(seed_comparison):
    analyses, cmp = seed_comparison
    a000, a004 = _article(analyses, "000").article.id, _article(analyses, "004").article.id
    troops = [c for c in cmp.conflicts if c.unit == "troops"]
    assert len(troops) == 1
    values = {(v.article, v.value, v.qualifier) for v in troops[0].values}
    assert values == {(a000, 12000, "upper"), (a004, 11000, "exact")}
    assert "North Korean" in troops[0].subject


def test_no_false_conflicts(seed_comparison):
    _, cmp = seed_comparison
    for c in cmp.conflicts:
        values = {v.value for v in c.values}
        assert not {190, 800} <= values  # a missile's range is not a buffer zone
        assert 100000 not in values  # "up to 100,000 soldiers" is a plan, not a fact
        assert c.unit != "miles"
    assert len(cmp.conflicts) == 1


def test_quote_speakers(seed_comparison):
    analyses, cmp = seed_comparison
    by_text = {q["text"]: q for q in cmp.quotes}
    assert by_text["Strikes are not made with words"]["speaker"] == "Volodymyr Zelenskyy"
    a000 = _article(analyses, "000").article.id
    assert {q["speaker"] for q in cmp.quotes if q["article"] == a000} == {"Jay Douglas"}
    assert len([q for q in cmp.quotes if q["article"] == a000]) >= 8
    a003 = _article(analyses, "003").article.id
    assert [q["speaker"] for q in cmp.quotes if q["article"] == a003] == ["Dmitry Peskov"]
    assert "poison the well" not in by_text and "adult in the room" not in by_text
    putin = [q for q in cmp.quotes if q["speaker"] == "Vladimir Putin"]
    assert putin and all(q["article"].startswith("002") for q in putin)
    assert cmp.quoted_by["Jay Douglas"] == [a000]


def test_claim_groups_consensus_unique_omitted(seed_comparison):
    analyses, cmp = seed_comparison
    ids = [a.article.id for a in analyses]
    g1 = cmp.claim_groups[0]
    assert len(g1.articles) == 5 and "authorized" in g1.sentences[ids[0]]
    assert g1.id in cmp.consensus
    assert [g.id for g in cmp.claim_groups] == [f"g{i + 1}" for i in range(len(cmp.claim_groups))]
    for g in cmp.claim_groups:
        assert len(set(g.articles)) == len(g.articles)
    for aid in ids:
        for gid in cmp.unique[aid]:
            group = next(g for g in cmp.claim_groups if g.id == gid)
            assert group.articles == [aid]
        for gid in cmp.omitted[aid]:
            assert gid in cmp.consensus
            assert aid not in next(g for g in cmp.claim_groups if g.id == gid).articles


def test_everything_shown_is_verbatim(seed_comparison):
    analyses, cmp = seed_comparison
    assert_verbatim(analyses, cmp)


def assert_verbatim(analyses, cmp):
    """Every summary line, claim, group sentence, conflict sentence and quote is the outlet's
    own text (whitespace aside), and every anchor points at that sentence."""
    for a in analyses:
        body = _ws(" ".join(a.article.paragraphs))
        sent = {s.id: s.text for s in a.sentences}
        for sid in a.summary + a.key_claims:
            assert _ws(sent[sid]) in body
        for c in a.claims:
            assert sent[c.id] == c.text and _ws(c.text) in body
            for n in c.numbers:
                assert n.text in c.text
        for q in a.quotes:
            assert _ws(q.text) in body
            assert sent[q.sentence] == q.sentence_text
    by_id = {a.article.id: a for a in analyses}
    for g in cmp.claim_groups:
        for aid, text in g.sentences.items():
            assert by_id[aid].sentence(g.anchors[aid]).text == text
        assert g.text == g.sentences[g.articles[0]]  # what links to articles[0] shows its own
    for c in cmp.conflicts:
        for v in c.values:
            assert by_id[v.article].sentence(v.anchor).text == v.sentence
            assert v.text in v.sentence
    for q in cmp.quotes:
        assert _ws(q["text"]) in _ws(" ".join(by_id[q["article"]].article.paragraphs))


def test_output_is_json_and_deterministic(seed_comparison):
    _, cmp = seed_comparison
    first = json.dumps(to_dict(cmp), sort_keys=True)
    _, again = compare_files(SEEDS.glob("*.txt"), "seeds")
    assert json.dumps(to_dict(again), sort_keys=True) == first
