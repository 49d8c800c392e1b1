from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.analyse import analyse_article
from newsprism.compare import compare_event
from newsprism.model import Event
from newsprism.parse import parse_article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NEWSWCL50 = ROOT.parent / "shared" / "data" / "newswcl50"


def analyse_files(paths):
    return [analyse_article(parse_article(p.read_bytes(), p.name)) for p in sorted(paths)]


def compare_files(paths, slug="event"):
    analyses = analyse_files(paths)
    event = Event(slug=slug, title=slug, article_ids=[a.article.id for a in analyses])
    return analyses, compare_event(event, analyses)


@pytest.fixture(scope="session")
def seed_comparison():
    return compare_files(SEEDS.glob("*.txt"), "seeds")
