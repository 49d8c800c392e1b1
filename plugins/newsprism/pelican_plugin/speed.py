"""Speed for the Pelican build: the result cache, the Dask pre-pass and the progress bars.

Settings (pelicanconf.py):

    NEWSPRISM_CACHE = "cache"         # folder of cached analyses and comparisons; "" = off
                                      # (default: Pelican's CACHE_PATH)
    LOAD_CONTENT_CACHE = True         # False, or `pelican --ignore-cache`: recompute everything
    NEWSPRISM_WORKERS = "auto"        # local Dask processes ("auto": one per core; 1 = none)
    NEWSPRISM_DASK_SCHEDULER = None   # "tcp://host:8786": use that cluster's workers instead
    NEWSPRISM_PARALLEL_MIN = 300      # fewer uncached items than this stay in one process

Pelican reads article files one at a time, so parallel analysis is a pre-pass: when the
ArticlesGenerator starts, the article files are listed, the ones with no cached analysis are
analysed as Dask tasks, and the reader then finds every analysis ready.
"""
from __future__ import annotations

import functools
import hashlib
import importlib
import logging
import os
import threading

from ..cache import (ANALYSIS_MODULES, COMPARE_MODULES, PACKAGE, ResultCache, analysis_key,
                     cached_analysis, cached_comparisons, code_fingerprint)
from ..model import ArticleAnalysis, Event, EventComparison
from ..parse import UnreadableArticle
from ..parallel import DaskRunner, ParallelConfig, analyse_file, analyse_files, compare_events
from ..progress import ProgressBar

logger = logging.getLogger(__name__)


class BuildState:
    """What one build shares between the hooks and the reader."""

    def __init__(self, settings: dict | None = None):
        self.settings = settings
        self.cache = cache_from_settings(settings or {})
        self.pending = None  # a parallel.Pending of analyses submitted to Dask
        self.pending_index: dict[str, tuple[int, str]] = {}  # key -> (item, sha256 of bytes)
        self.workers_cache = False  # the workers store the pending analyses in the cache
        self.runner = DaskRunner(ParallelConfig.from_values(
            (settings or {}).get("NEWSPRISM_WORKERS", "auto"),
            (settings or {}).get("NEWSPRISM_DASK_SCHEDULER"),
            (settings or {}).get("NEWSPRISM_PARALLEL_MIN")))
        self.reading = ProgressBar()


def cache_from_settings(settings: dict) -> ResultCache | None:
    root = settings.get("NEWSPRISM_CACHE", settings.get("CACHE_PATH"))
    if not root:
        return None
    return ResultCache(root, load=bool(settings.get("LOAD_CONTENT_CACHE", False)))


STATE = BuildState()


def state_for(settings: dict) -> BuildState:
    global STATE
    if STATE.settings is not settings:
        STATE.runner.close()
        STATE = BuildState(settings)
    return STATE


def prepare_analyses(generator) -> None:
    """article_generator_init: analyse the uncached article files ahead, on Dask when it pays."""
    state = state_for(generator.settings)
    from .readers import NewsArticleReader

    # the very set Pelican's generate_context builds and iterates, so the same order
    files = generator.get_files(generator.settings["ARTICLE_PATHS"],
                                exclude=generator.settings["ARTICLE_EXCLUDES"])
    ours = {ext.lower() for ext in NewsArticleReader.file_extensions}
    files = [f for f in files if f.rsplit(".", 1)[-1].lower() in ours]
    if state.runner.config.enabled:
        _analyse_ahead(state, generator, files)
    state.reading = ProgressBar.start("Reading articles", len(files))


def _analyse_ahead(state: BuildState, generator, files) -> None:
    """Submit the uncached files to Dask, in the order Pelican will read them, and return at
    once: the reader takes each result as it arrives while the workers go on with the rest."""
    from .readers import read_inside, relative_source_path

    missing: list[tuple[bytes | str, str]] = []
    keys: list[tuple[str, str]] = []  # (cache key, sha256 of the bytes)
    for f in files:
        path = os.path.join(generator.path, f)
        try:  # the reader's own checks: no symlink out of the folder, no FIFO, no huge file
            raw = read_inside(path, generator.settings["PATH"])
        except UnreadableArticle:
            continue  # the reader reports it
        rel = relative_source_path(path, generator.settings)
        key = analysis_key(raw, rel)
        if state.cache is None or not state.cache.has("analysis", key):
            missing.append((path if state.runner.shares_files else raw, rel))
            keys.append((key, hashlib.sha256(raw).hexdigest()))
    if not state.runner.pays(len(missing)):
        return
    state.runner.warm_up()
    # workers on this machine store their analyses in the cache themselves (keyed by the bytes
    # they read); a cluster's hand them back and this process stores them
    task = analyse_files
    state.workers_cache = state.cache is not None and state.runner.shares_files
    if state.workers_cache:
        task = functools.partial(analyse_files, cache_root=str(state.cache.root))
    pending = state.runner.submit(task, missing, code_fingerprint(ANALYSIS_MODULES),
                                  batch_size=8)
    state.pending = pending
    state.pending_index = {key: (i, digest) for i, (key, digest) in enumerate(keys)}
    # While the reading waits for the workers, this process imports the grouping and comparison
    # code it needs next (numpy and scipy: about half a second).
    threading.Thread(target=importlib.import_module, args=(f"{PACKAGE}.pipeline",),
                     name="newsprism-import", daemon=True).start()


def analysis_of(raw: bytes, source_path: str, settings: dict) -> ArticleAnalysis:
    """The reader's call: the analysis of one file, from Dask, the cache, or computed now."""
    state = state_for(settings)
    try:
        key = analysis_key(raw, source_path)
        if key in state.pending_index:
            i, digest = state.pending_index.pop(key)
            try:
                worker_digest, analysis = state.pending.result(i)
            except Exception as exc:  # a worker died, or runs other code: go on without them
                give_up_parallel(state, exc)
            else:
                if analysis is not None and worker_digest == digest:  # else: changed; redo
                    if state.cache is not None and not state.workers_cache:
                        state.cache.put("analysis", key, analysis)
                    return analysis
        return cached_analysis(raw, source_path, state.cache, analyse_file, key)
    finally:
        state.reading.advance()


def warn_parallel_failed(stage: str, exc: Exception) -> None:
    from .readers import one_line

    logger.warning("Parallel %s failed (%s: %s); it goes on in this process", stage,
                   type(exc).__name__, one_line(exc.__cause__ or exc))


def give_up_parallel(state: BuildState, exc: Exception) -> None:
    """The workers failed (one died, or runs other code: its results are never mixed in): say
    so once, and analyse every article still to come in this process."""
    warn_parallel_failed("analysis", exc)
    state.pending = None
    state.pending_index.clear()
    if not state.runner.config.scheduler:
        state.runner.release_local()


def compare_all(settings: dict):
    """A `compare_all` for pipeline.build_digest: cached comparisons, the rest on a Dask cluster
    when one is named and it pays, else in this process. Local worker processes never pay
    here: every analysis lives in this process, and shipping them out costs more than the
    comparing (measured at 2,000 articles on 2 cores: 8 s slower); having the workers read
    them back from the cache while Pelican wrote the article pages measured no faster."""
    state = state_for(settings)
    state.reading.stop()
    if not state.runner.config.scheduler:
        state.runner.release_local()  # every analysis is in; comparisons run here

    def compare_many(jobs: list[tuple[Event, list[ArticleAnalysis]]]) -> list[EventComparison]:
        from ..compare import compare_event

        bar = ProgressBar.start("Comparing events", len(jobs))
        try:
            if state.runner.config.scheduler and state.runner.pays(len(jobs)):
                try:
                    return state.runner.map(compare_events, jobs,
                                            code_fingerprint(COMPARE_MODULES), bar.advance)
                except Exception as exc:  # as for the analysis: go on here
                    warn_parallel_failed("comparison", exc)
                    bar.stop()
                    bar = ProgressBar.start("Comparing events", len(jobs))
            out = []
            for event, analyses in jobs:
                out.append(compare_event(event, analyses))
                bar.advance()
            return out
        finally:
            bar.stop()

    return lambda jobs: cached_comparisons(jobs, state.cache, compare_many)


def finish(pelican) -> None:
    """finalized: stop the bars and the cluster."""
    STATE.reading.stop()
    STATE.pending = None
    STATE.pending_index.clear()
    STATE.runner.close()
