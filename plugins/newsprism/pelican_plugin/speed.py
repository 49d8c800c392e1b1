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
analysed as Dask tasks, and the reader then finds every analysis ready. Once every article is
read and grouped, the events are compared (start_comparisons) while Pelican writes the article
pages, and the digest generator takes the comparisons when it needs them.
"""
from __future__ import annotations

import functools
import hashlib
import importlib
import logging
import os
import threading
from typing import Callable

from ..cache import (ANALYSIS_MODULES, COMPARE_MODULES, PACKAGE, ResultCache, analysis_key,
                     cached_analysis, cached_comparisons, code_fingerprint)
from ..model import ArticleAnalysis, Event, EventComparison
from ..parse import UnreadableArticle
from ..parallel import (ANALYSIS, COMPARISON, DaskRunner, ParallelConfig, analyse_file,
                        analyse_files, compare_events, compare_stored_events)
from ..progress import ProgressBar

logger = logging.getLogger(__name__)
# Fewer events than this (or than NEWSPRISM_PARALLEL_MIN, if lower) are compared in this process
# even when local workers are up: a map on them costs more than such a handful of comparisons.
LOCAL_COMPARISONS_MIN = 40


class BuildState:
    """What one build shares between the hooks and the reader."""

    def __init__(self, settings: dict | None = None):
        self.settings = settings
        self.cache = cache_from_settings(settings or {})
        self.pending = None  # a parallel.Pending of analyses submitted to Dask
        self.pending_index: dict[str, tuple[int, str]] = {}  # key -> (item, sha256 of bytes)
        self.workers_cache = False  # the workers store the pending analyses in the cache
        self.analysis_keys: dict[str, str] = {}  # source path -> its analysis's cache key
        self.json_written: set[str] = set()  # slugs of the events whose JSON a worker wrote
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
    # code it needs next (numpy and scipy: about half a second), and so do the processes that
    # will compare the events (start_comparisons).
    threading.Thread(target=importlib.import_module, args=(f"{PACKAGE}.pipeline",),
                     name="newsprism-import", daemon=True).start()
    if state.workers_cache:
        state.runner.start_local(COMPARISON, f"{PACKAGE}.compare")


def analysis_of(raw: bytes, source_path: str, settings: dict) -> ArticleAnalysis:
    """The reader's call: the analysis of one file, from Dask, the cache, or computed now."""
    state = state_for(settings)
    try:
        key = state.analysis_keys[source_path] = analysis_key(raw, source_path)
        if key in state.pending_index:
            i, digest = state.pending_index.pop(key)
            worker_digest, analysis = state.pending.result(i)
            if analysis is not None and worker_digest == digest:  # else: changed since; redo
                if state.cache is not None and not state.workers_cache:
                    state.cache.put("analysis", key, analysis)
                return analysis
        return cached_analysis(raw, source_path, state.cache, analyse_file, key)
    finally:
        state.reading.advance()


def start_comparisons(settings: dict, jobs: list[tuple[Event, list[ArticleAnalysis]]]
                      ) -> Callable[[], list[EventComparison]]:
    """Start comparing a build's events and return at once a function that gives their
    comparisons, in order, waiting for them if need be. Cached comparisons are reused; the
    rest run
    - on local processes (started while the articles were analysed, see parallel.DaskRunner),
      when the analyses were made on local processes: they read the analyses from the cache
      those stored them in (only keys travel), and compare while this process writes the
      article pages (which need the events, not their comparisons);
    - on a Dask cluster, when one is named and it pays (the analyses are shipped to it);
    - else in this process, when the function is called.
    """
    state = state_for(settings)
    state.reading.stop()
    local = (state.workers_cache and not state.runner.config.scheduler
             and len(jobs) >= min(LOCAL_COMPARISONS_MIN, state.runner.config.min_items))
    state.runner.release_local(ANALYSIS)  # every analysis is in
    if not local:
        state.runner.release_local(COMPARISON)

    def compare_many(todo: list[tuple[Event, list[ArticleAnalysis]]], keys: list[str]
                     ) -> list[EventComparison]:
        from ..compare import compare_event

        bar = ProgressBar.start("Comparing events", len(todo))
        try:
            if local and todo:
                return _compare_on_local_workers(state, todo, keys, bar)
            if state.runner.config.scheduler and state.runner.pays(len(todo)):
                return state.runner.map(compare_events, todo,
                                        code_fingerprint(COMPARE_MODULES), bar.advance)
            out = []
            for event, analyses in todo:
                out.append(compare_event(event, analyses))
                bar.advance()
            return out
        finally:
            bar.stop()

    if not local:
        return lambda: cached_comparisons(jobs, state.cache, compare_many)
    done: dict[str, list[EventComparison]] = {}
    failed: list[BaseException] = []

    def run() -> None:
        try:
            done["comparisons"] = cached_comparisons(jobs, state.cache, compare_many,
                                                     stores_itself=True)
        except BaseException as exc:  # raised in the main thread, by result()
            failed.append(exc)
        finally:
            state.runner.release_local(COMPARISON)

    thread = threading.Thread(target=run, name="newsprism-compare", daemon=True)
    thread.start()

    def result() -> list[EventComparison]:
        thread.join()
        if failed:
            raise failed[0]
        return done["comparisons"]

    return result


def _compare_on_local_workers(state: BuildState, todo, keys: list[str], bar: ProgressBar
                              ) -> list[EventComparison]:
    """`todo` on the local processes, from the analyses they stored; an event they could not
    find every analysis of is compared here (and stored)."""
    from ..compare import compare_event

    items = [(event, [(state.analysis_keys.get(a.article.source_path, ""), a.article.id)
                      for a in analyses], key)
             for (event, analyses), key in zip(todo, keys)]
    pending = state.runner.submit(functools.partial(compare_stored_events,
                                                    cache_root=str(state.cache.root),
                                                    json_folder=json_folder(state.settings)),
                                  items, code_fingerprint(COMPARE_MODULES), stage=COMPARISON)
    out = []
    for i, (event, analyses) in enumerate(todo):
        comparison = pending.result(i)
        if comparison is None:
            comparison = compare_event(event, analyses)
            state.cache.put("compare", keys[i], comparison)
        else:
            state.json_written.add(event.slug)
        out.append(comparison)
        bar.advance()
    return out


def json_folder(settings: dict) -> str:
    """output/data/events/, where each event's JSON file goes (workers write there too)."""
    return os.path.join(settings["OUTPUT_PATH"], "data", "events")


def json_written(settings: dict, comparison: EventComparison) -> bool:
    """Did a worker write this event's JSON file when it compared the event (this build)?"""
    return comparison.event.slug in state_for(settings).json_written


def finish(pelican) -> None:
    """finalized: stop the bars and the cluster."""
    STATE.reading.stop()
    STATE.pending = None
    STATE.pending_index.clear()
    STATE.json_written.clear()
    STATE.runner.close()
