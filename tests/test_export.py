"""newsprism.export builds each model object's dict by hand: it must be exactly the dict
dataclasses.asdict gives (same fields, same order), so data/*.json keeps its bytes and a field
added to the model cannot be left out of the JSON unnoticed."""
from __future__ import annotations

from dataclasses import asdict, fields

from newsprism import export
from newsprism.model import Claim, ClaimGroup, Conflict, ConflictValue, Number, Quote, Readability, Tone


def same(built: dict, model_object) -> bool:
    """Equal as JSON text (which keeps key order), not only as dicts."""
    return export.dumps(built) == export.dumps(asdict(model_object))


SAMPLES = [
    (export.readability_dict, Readability(50.0, 10.0, 12.0, 11.0, 9.0, 100, 5, 30, False, "short")),
    (export.number_dict, Number(12.0, "troops", "12", "approx", 15.0, "North Korean troops", "plan")),
    (export.claim_dict, Claim("s1", "Troops: 12 arrived.", ["number"], ["Kim"],
                              [Number(12.0, "troops", "12")], "fact", 1.5, ["arrive"])),
    (export.quote_dict, Quote("We are ready", "Ann Lee", "s2", "“We are ready,” she said.", "after")),
    (export.tone_dict, Tone("opinion", ["first person"], 0.5, ["may"], ["said"], ["reckless"], ["s2"])),
    (export.claim_group_dict, ClaimGroup("g1", "T.", ["a", "b"], {"a": "T.", "b": "U."},
                                         {"a": "s1", "b": "s4"})),
    (export.conflict_dict, Conflict("troops", "troops", [ConflictValue("a", 12.0, "12", "T.", "s1")])),
]


def test_each_dict_builder_covers_every_field_of_its_dataclass_in_order():
    for build, sample in SAMPLES:
        assert list(build(sample)) == [f.name for f in fields(sample)], build.__name__
        assert same(build(sample), sample), build.__name__


def test_event_detail_equals_the_asdict_export_of_the_seed_event(seed_comparison):
    analyses, comparison = seed_comparison
    by_id = {a.article.id: a for a in analyses}
    detail = export.event_detail(comparison, by_id)
    for a, d in zip(analyses, detail["articles"]):
        assert export.dumps(d["readability"]) == export.dumps(asdict(a.readability))
        assert export.dumps(d["claims"]) == export.dumps([asdict(c) for c in a.claims])
        assert export.dumps(d["quotes"]) == export.dumps([asdict(q) for q in a.quotes])
        assert export.dumps(d["tone"]) == export.dumps(asdict(a.tone) if a.tone else None)
    assert export.dumps(detail["claim_groups"]) == export.dumps(
        [asdict(g) for g in comparison.claim_groups])
    assert comparison.conflicts and export.dumps(detail["conflicts"]) == export.dumps(
        [asdict(x) for x in comparison.conflicts])
