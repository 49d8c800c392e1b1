"""Over the NewsWCL50 development corpus (not in the repository: skipped when absent)."""
import json

import pytest

from conftest import NEWSWCL50, compare_files
from test_compare_seeds import assert_verbatim

pytestmark = pytest.mark.skipif(not (NEWSWCL50 / "gold.json").exists(),
                                reason="../shared/data/newswcl50 not present")


def events():
    gold = json.loads((NEWSWCL50 / "gold.json").read_text())
    grouped = {}
    for name, event in sorted(gold.items()):
        grouped.setdefault(event, []).append(NEWSWCL50 / name)
    return sorted(grouped.items())


def test_every_event_is_verbatim_and_sane():
    for slug, files in events():
        analyses, cmp = compare_files(files, slug)
        assert_verbatim(analyses, cmp)
        for c in cmp.conflicts:
            assert len({v.article for v in c.values}) >= 2
            assert all(v.qualifier != "vague" for v in c.values)
        for a in analyses:  # five of these articles say a sentence or a quotation twice
            summary = [a.sentence(i).text for i in a.summary]
            assert len(summary) == len(set(summary)), a.article.id
            assert len({c.text for c in a.claims}) == len(a.claims), a.article.id
            assert len({q.text for q in a.quotes}) == len(a.quotes), a.article.id


def test_shared_claims_come_most_widely_reported_first():
    """Reach counts the outlets that say a claim in their words and those that say it in other
    words: the tariffs event's delay (3 + 2 outlets) comes before its March exemptions (3 + 1)."""
    for slug, files in events():
        analyses, cmp = compare_files(files, slug)
        outlet = {a.article.id: a.article.outlet for a in analyses}
        groups = {g.id: g for g in cmp.claim_groups}
        reach = [len({outlet[a] for a in [*groups[gid].articles, *groups[gid].reworded]})
                 for gid in cmp.consensus]
        assert reach == sorted(reach, reverse=True), (slug, reach)
