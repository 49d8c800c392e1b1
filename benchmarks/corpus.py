"""Generate N distinct, deterministic article files from a small corpus (for the speed benchmark).

Article i is a copy of corpus article `i % len(corpus)` in "round" `i // len(corpus)`. Each round
reproduces the corpus's own event structure, and every round gets its own vocabulary: each
capitalised word (names, places, organisations) is replaced by a pseudo-word fixed for that
round, so copies in one round still cover one story together while copies in different rounds
do not, and grouping forms many events of realistic size instead of one giant event. Each copy
also gets its own outlet, date, title suffix and a light paragraph shuffle (the lead stays
first). Files are Markdown with Pelican metadata, so plain Pelican and the digest read the same
files.
"""
from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path

from newsprism.parse import UnreadableArticle, parse_article
from newsprism.text import STOPWORDS

OUTLETS = ("Daily Planet", "Morning Ledger", "The Courier", "Evening Standard Post",
           "Valley Herald", "Harbour Times", "Northern Gazette", "City Observer",
           "Coastal Tribune", "Capital Record", "Prairie Voice", "Metro Dispatch")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "or")]


@dataclass
class Source:
    name: str
    title: str
    outlet: str
    date: str | None
    paragraphs: list[str]


def load_corpus(folder: Path) -> list[Source]:
    """Every readable article file in `folder` (recursively), parsed by the project's parser."""
    out = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md")):
        if path.name.lower() == "readme.md":
            continue
        try:
            art = parse_article(path.read_bytes(), path.name)
        except UnreadableArticle:
            continue
        if len(art.paragraphs) >= 2:
            out.append(Source(path.stem, art.title, art.outlet, art.date, art.paragraphs))
    if not out:
        raise SystemExit(f"no usable articles in {folder}")
    return out


def _pseudo_word(word: str, round_no: int) -> str:
    digest = hashlib.sha1(f"{round_no}:{word}".encode()).digest()
    n = 2 + digest[0] % 2
    return "".join(_SYLLABLES[b % len(_SYLLABLES)] for b in digest[1:1 + n]).capitalize()


def _rename(text: str, round_no: int) -> str:
    if round_no == 0:
        return text

    def sub(m: re.Match) -> str:
        w = m.group(0)
        return w if w.lower() in STOPWORDS else _pseudo_word(w, round_no)

    return _CAPITALISED.sub(sub, text)


def render_article(src: Source, index: int, round_no: int) -> str:
    rng = random.Random(index)
    paragraphs = [_rename(p, round_no) for p in src.paragraphs]
    body = paragraphs[1:]
    # a light shuffle: swap two neighbouring paragraphs after the lead
    if len(body) >= 3:
        k = rng.randrange(len(body) - 1)
        body[k], body[k + 1] = body[k + 1], body[k]
    year, month, day = 2024, 1 + (round_no // 28) % 12, 1 + round_no % 28
    outlet = OUTLETS[rng.randrange(len(OUTLETS))] if round_no else src.outlet
    title = f"{_rename(src.title, round_no)} ({index})"
    head = [f"Title: {title}", f"Date: {year:04d}-{month:02d}-{day:02d}", f"Source: {outlet}"]
    return "\n".join(head) + "\n\n" + "\n\n".join([paragraphs[0]] + body) + "\n"


def generate(corpus: list[Source], n: int, out: Path) -> list[Path]:
    """Write n article files into `out` (created), 500 per sub-folder; return their paths."""
    paths = []
    for i in range(n):
        round_no, src = divmod(i, len(corpus))
        folder = out / f"part{i // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"a{i:05d}-{corpus[src].name[:40]}.md"
        path.write_text(render_article(corpus[src], i, round_no), encoding="utf-8")
        paths.append(path)
    return paths
