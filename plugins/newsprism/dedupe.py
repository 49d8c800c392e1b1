"""One article, one voice: copies of the same article are merged, and ids are made unique.

The same story saved under two file names (or re-encoded, or once as .txt and once as .md)
must count once: two copies would look like two outlets agreeing with each other. Copies are
found by a fingerprint of the body's normalised text, in one pass over a hash map; of each set
the file whose path sorts first is kept. Pure and deterministic: no Pelican here.
"""
from __future__ import annotations

import hashlib
import unicodedata

from .model import Article
from .text import normalise_space


def body_fingerprint(article: Article) -> str:
    """sha256 of the body's words: Unicode-normalised, case-folded, whitespace folded. The
    file's bytes, encoding, metadata and line breaks do not count."""
    text = " ".join(b.text for b in article.blocks)
    text = normalise_space(unicodedata.normalize("NFKC", text)).casefold()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_duplicates(articles: list[Article]) -> dict[str, str]:
    """{source_path of a copy: source_path of the article kept}. The kept file of each set of
    copies is the one whose path sorts first."""
    kept: dict[str, str] = {}  # fingerprint -> kept source_path
    merged: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.source_path):
        fingerprint = body_fingerprint(article)
        if fingerprint in kept:
            merged[article.source_path] = kept[fingerprint]
        else:
            kept[fingerprint] = article.source_path
    return merged


def unique_ids(articles: list[Article]) -> dict[str, str]:
    """{source_path: id} with every id unique. Files whose ids collide ("a.txt" and "a.md",
    "a b.txt" and "a-b.txt") keep the id in path order: the first as it is, the next ones with
    "-2", "-3", ... (skipping any suffix another file already has as its own id)."""
    taken = {a.id for a in articles}
    assigned: set[str] = set()
    next_suffix: dict[str, int] = {}
    out: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.source_path):
        new_id = article.id
        if new_id in assigned:
            n = next_suffix.get(article.id, 2)
            while f"{article.id}-{n}" in taken or f"{article.id}-{n}" in assigned:
                n += 1
            next_suffix[article.id] = n + 1
            new_id = f"{article.id}-{n}"
        assigned.add(new_id)
        out[article.source_path] = new_id
    return out
