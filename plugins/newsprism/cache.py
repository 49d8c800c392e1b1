"""A content-addressed cache of per-article analyses and per-event comparisons.

    cache/analysis/ab/<key>.pickle   one ArticleAnalysis: key = the file's bytes and path
                                     + the analysis code's fingerprint
    cache/compare/cd/<key>.pickle    one EventComparison: key = the event + its articles'
                                     content hashes + the analysis and comparison fingerprints

A fingerprint is the hash of the source of a stage's modules and of every Newsprism module they
import (found by reading their import statements), plus the versions of the third-party
distributions those modules import and of Python. So a changed rule invalidates exactly the
stage whose code imports it (a change to compare.py keeps every cached analysis; a change to
text.py, which both use, invalidates both), and an upgrade of Newsprism, textstat or Python
never reuses a stale result. No Pelican here.

Entries are written atomically (a temporary file, then a rename), so an interrupted build or a
parallel writer never leaves half a file; an unreadable entry is a miss, never an error.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import pickle
import sys
import tempfile
import zlib
from dataclasses import asdict
from pathlib import Path
from typing import Any, Callable

from .model import Article, ArticleAnalysis, Event, EventComparison

PACKAGE = __name__.rsplit(".", 1)[0]  # "newsprism"
PACKAGE_DIR = Path(__file__).resolve().parent
FORMAT = "1"  # bump when the layout or the stored form changes
# The modules whose code decides each stage's result (their imports are followed).
ANALYSIS_MODULES = (f"{PACKAGE}.parse", f"{PACKAGE}.analyse")
COMPARE_MODULES = (f"{PACKAGE}.compare",)


def _module_file(name: str) -> Path | None:
    """The source file of a module of this package, None for anything else."""
    if name == PACKAGE:
        return PACKAGE_DIR / "__init__.py"
    if not name.startswith(PACKAGE + "."):
        return None
    rel = name[len(PACKAGE) + 1:].replace(".", "/")
    for candidate in (PACKAGE_DIR / f"{rel}.py", PACKAGE_DIR / rel / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@functools.lru_cache(maxsize=None)
def _imports(name: str, path: Path) -> frozenset[str]:
    """Absolute names of the modules that `name` (source at `path`) imports."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in _import_statements(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package) \
                if node.level else node.module or ""
            out.add(base)
            out.update(f"{base}.{alias.name}" for alias in node.names)  # `from . import x`
    return frozenset(out)


def _import_statements(tree: ast.Module):
    """The import statements of a module, at any depth of its statements (an import inside a
    function counts); expressions, which hold none, are not walked."""
    todo: list = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
            continue
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            todo.extend(getattr(node, field, ()))


def _distribution_versions(top_level: set[str]) -> list[str]:
    """name==version of the installed distributions that provide these top-level modules."""
    found, unknown = set(), set()
    for name in top_level:  # most distributions are named as their module: no full scan
        try:
            found.add(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            unknown.add(name)
    if unknown:
        dists = importlib.metadata.packages_distributions()
        for name in unknown:
            for dist in dists.get(name, ()):
                found.add(f"{dist}=={importlib.metadata.version(dist)}")
    return sorted(found)


@functools.lru_cache(maxsize=None)
def code_fingerprint(modules: tuple[str, ...]) -> str:
    """Hash of the code that decides the result of `modules`: their source, the source of every
    package module they import (transitively), the third-party versions they import, Python's."""
    seen: dict[str, Path] = {}
    third_party: set[str] = set()
    todo = list(modules)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _module_file(name)
        if path is None:
            if not name.startswith(PACKAGE + ".") and name != PACKAGE:
                third_party.add(name.split(".", 1)[0])
            continue
        seen[name] = path
        todo.extend(_imports(name, path))
    h = hashlib.sha256(f"{FORMAT}\0{sys.version_info[:2]}\0".encode())
    for name in sorted(seen):
        h.update(f"{name}\0".encode() + seen[name].read_bytes() + b"\0")
    for line in _distribution_versions(third_party - set(sys.stdlib_module_names)):
        h.update(line.encode() + b"\0")
    return h.hexdigest()


def analysis_key(raw: bytes, source_path: str) -> str:
    """The cache key of one article file's analysis: its bytes, its path, the analysis code."""
    h = hashlib.sha256(f"analysis\0{code_fingerprint(ANALYSIS_MODULES)}\0{source_path}\0".encode())
    h.update(raw)
    return h.hexdigest()


def comparison_key(event: Event, articles: list[Article]) -> str:
    """The cache key of one event's comparison: the event as grouped, each article's content
    (path and content hash: together they fix its analysis), and both stages' code."""
    h = hashlib.sha256("compare\0{}\0{}\0".format(
        code_fingerprint(COMPARE_MODULES), code_fingerprint(ANALYSIS_MODULES)).encode())
    h.update(json.dumps(asdict(event), sort_keys=True).encode())
    for a in articles:
        h.update(f"\0{a.id}\0{a.source_path}\0{a.content_hash}".encode())
    return h.hexdigest()


class ResultCache:
    """Pickled results by key under `root`. `load=False` (Pelican's --ignore-cache) recomputes
    everything but still stores the fresh results, so the next build is warm."""

    def __init__(self, root: str | os.PathLike, load: bool = True):
        self.root = Path(root)
        self.load = load
        self.hits = self.misses = 0

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.pickle"

    def get(self, kind: str, key: str) -> Any | None:
        if not self.load:
            return None
        try:
            with open(self._path(kind, key), "rb") as fh:
                value = pickle.loads(zlib.decompress(fh.read()))
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # a truncated or foreign file: recompute and overwrite
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, kind: str, key: str, value: Any) -> None:
        path = self._path(kind, key)
        data = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError:  # a read-only or full disk costs speed, never the build
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass

    def has(self, kind: str, key: str) -> bool:
        return self.load and self._path(kind, key).is_file()

    def get_or_compute(self, kind: str, key: str, compute: Callable[[], Any]) -> Any:
        value = self.get(kind, key)
        if value is None:
            value = compute()
            self.put(kind, key, value)
        return value


def cached_analysis(raw: bytes, source_path: str, cache: ResultCache | None,
                    analyse: Callable[[bytes, str], ArticleAnalysis],
                    key: str | None = None) -> ArticleAnalysis:
    """One article's analysis: from the cache, else `analyse(raw, source_path)`, then stored."""
    if cache is None:
        return analyse(raw, source_path)
    key = key or analysis_key(raw, source_path)
    return cache.get_or_compute("analysis", key, lambda: analyse(raw, source_path))


def cached_comparisons(jobs: list[tuple[Event, list[ArticleAnalysis]]],
                       cache: ResultCache | None,
                       compare_many: Callable[[list[tuple[Event, list[ArticleAnalysis]]]],
                                              list[EventComparison]]) -> list[EventComparison]:
    """Each event's comparison, from the cache where it holds one; the rest are computed by
    `compare_many` (one process or Dask) in one batch, then stored. Order is kept."""
    results: list[EventComparison | None] = [None] * len(jobs)
    keys = [comparison_key(e, [a.article for a in arts]) for e, arts in jobs]
    missing = []
    for i, key in enumerate(keys):
        if cache is not None:
            results[i] = cache.get("compare", key)
        if results[i] is None:
            missing.append(i)
    for i, value in zip(missing, compare_many([jobs[i] for i in missing])):
        results[i] = value
        if cache is not None:
            cache.put("compare", keys[i], value)
    return results  # type: ignore[return-value]
