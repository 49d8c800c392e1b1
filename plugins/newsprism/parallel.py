"""Per-article analysis and per-event comparison as Dask tasks: local processes or a cluster.

Both stages are pure maps (one article in, one analysis out; one event in, one comparison out),
so they run unchanged on Dask's distributed scheduler:

- `workers=N` (N > 1): N processes on this machine, on Dask's local multiprocessing scheduler;
- `scheduler="tcp://host:8786"`: the workers of an existing cluster (each must have this same
  Newsprism installed: results carry the worker's code fingerprint, and a mismatch raises
  rather than mixing versions; the Pelican plugin then goes on in its own process).

`pays(n)` says whether n items are worth a cluster: starting processes and shipping the data
costs seconds, so small builds stay in one process. Results come back in input order and are
the very objects the single-process build computes, so the output is byte-identical. No Pelican
here; Dask is imported only when a cluster is used.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import math
import os
import pickle
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from .analyse import analyse_article
from .cache import ANALYSIS_MODULES, COMPARE_MODULES, ResultCache, analysis_key, code_fingerprint
from .model import ArticleAnalysis, Event, EventComparison
from .parse import parse_article

logger = logging.getLogger(__name__)


def analyse_file(raw: bytes, source_path: str) -> ArticleAnalysis:
    """The unit of per-article work: one file's bytes (and path) to its analysis."""
    return analyse_article(parse_article(raw, source_path))


def analyse_files(items: Sequence[tuple[bytes | str, str]], cache_root: str | None = None
                  ) -> tuple[str, list[tuple[str, ArticleAnalysis | None]]]:
    """A Dask task: analyse a batch of files, each given as its bytes or (on a cluster that
    shares the file system) its path, with its source path. Each result comes with the sha256
    of the bytes it was computed from, so the caller can check it analysed what it keyed. A
    file that fails gives None: the reader then analyses it again in the main process and
    reports it exactly as a one-process build does. With `cache_root` (workers on the build's
    machine), each analysis is also stored in that cache here, so the main process, on which
    the build waits, does not pickle it a second time."""
    cache = ResultCache(cache_root, load=False) if cache_root else None
    out: list[tuple[str, ArticleAnalysis | None]] = []
    for source, source_path in items:
        try:
            if isinstance(source, str):
                with open(source, "rb") as fh:
                    source = fh.read()
            digest = hashlib.sha256(source).hexdigest()
            analysis = analyse_file(source, source_path)
            if cache is not None:
                cache.put("analysis", analysis_key(source, source_path), analysis)
            out.append((digest, analysis))
        except Exception:
            out.append(("", None))
    return code_fingerprint(ANALYSIS_MODULES), out


def warm_up() -> None:
    """Load what a process's first analysis would: the analysis code, the pronunciation table
    and the hyphenation patterns (about half a second)."""
    from .readability import textstat_scores

    textstat_scores("Zxqvw loads the pronunciation table and the hyphenation patterns.")


def compare_events(jobs: Sequence[tuple[Event, list[ArticleAnalysis]]]
                   ) -> tuple[str, list[EventComparison]]:
    """A Dask task: compare a batch of events."""
    from .compare import compare_event  # numpy and scipy: not for the analysis workers

    return code_fingerprint(COMPARE_MODULES), [compare_event(e, arts) for e, arts in jobs]


def run_pickled(task: Callable, payload: bytes) -> bytes:
    """One batch as a Dask task: its items come in, and its result goes back, as one pickle
    each. Dask's local scheduler would otherwise serialise them with cloudpickle, whose
    per-object hook costs seconds for batches of analyses (thousands of small objects each);
    one bytes object costs it nothing."""
    return pickle.dumps(task(pickle.loads(payload)), protocol=pickle.HIGHEST_PROTOCOL)


@dataclass(frozen=True)
class ParallelConfig:
    workers: int = 1  # local processes; 1 = none
    scheduler: str | None = None  # address of a running Dask scheduler
    min_items: int = 300  # fewer uncached items than this run in one process

    @classmethod
    def from_values(cls, workers: Any = "auto", scheduler: Any = None,
                    min_items: Any = None) -> "ParallelConfig":
        if workers in (None, "", "auto"):
            # a worker per core: while they analyse, Pelican's own reading in the main
            # process mostly waits for their results (measured on 2 cores: 500 articles'
            # analysis 7.1 s in one process, 3.9 s on two workers)
            workers = max(1, os.cpu_count() or 1)
        return cls(workers=max(1, int(workers)), scheduler=scheduler or None,
                   min_items=cls.min_items if min_items is None else int(min_items))

    @property
    def enabled(self) -> bool:
        return bool(self.scheduler) or self.workers > 1

    def pays(self, n_items: int) -> bool:
        """Are n uncached items worth a cluster's start-up?"""
        return self.enabled and n_items >= self.min_items


class DaskRunner:
    """Maps batches of work over a Dask cluster, started on first use and closed by `close`."""

    def __init__(self, config: ParallelConfig):
        self.config = config
        self._client = None
        self._pool = None

    @property
    def pool(self):
        """The local processes, started once and reused by every map of the build (Dask's
        multiprocessing scheduler takes a pool). Spawned, never forked: a fork can deadlock
        on a lock another thread holds."""
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(self.config.workers,
                                             mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    def pays(self, n_items: int) -> bool:
        return self.config.pays(n_items)

    @property
    def client(self):
        """The distributed client of the cluster at `scheduler` (local processes need none)."""
        if self._client is None:
            from distributed import Client

            self._client = Client(self.config.scheduler)
        return self._client

    @property
    def shares_files(self) -> bool:
        """Workers on this machine read article files themselves; a cluster's get the bytes."""
        return not self.config.scheduler

    def submit(self, task: Callable, items: Sequence, fingerprint: str,
               batch_size: int | None = None) -> "Pending | LocalPending":
        """Start `task` over `items` in batches (in order) and return at once."""
        if batch_size is None:
            n_workers = self.config.workers if not self.config.scheduler else max(
                1, len(self.client.scheduler_info().get("workers", {})))
            batch_size = max(1, min(32, math.ceil(len(items) / (n_workers * 4))))
        batches = [pickle.dumps(list(items[i:i + batch_size]), protocol=pickle.HIGHEST_PROTOCOL)
                   for i in range(0, len(items), batch_size)]
        if not self.config.scheduler:
            return LocalPending(task, batches, batch_size, fingerprint, self.pool)
        return Pending(self.client.map(functools.partial(run_pickled, task), batches, pure=False)
                       if batches else [], batch_size, fingerprint)

    def map(self, task: Callable, items: Sequence, fingerprint: str,
            on_progress: Callable[[int], None] | None = None) -> list:
        """`task` over `items` in batches, results flattened in input order."""
        if not items:
            return []
        pending = self.submit(task, items, fingerprint)
        out = []
        for i in range(len(items)):
            out.append(pending.result(i))
            if on_progress:
                on_progress(1)
        return out

    def warm_up(self) -> None:
        """Start the local processes now, each loading the analysis code (`warm_up`), while
        this process goes on preparing their work: Dask would start them only with its first
        batch, about a second later (spawning, importing Dask, then Newsprism)."""
        if not self.config.scheduler and self.config.workers > 1:
            for _ in range(self.config.workers):
                self.pool.submit(warm_up)

    def release_local(self) -> None:
        """Let the local processes exit without waiting for them (they take a few tenths of a
        second to end): the build goes on meanwhile. A later map starts new ones."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None


class Pending:
    """Results of a submitted map, taken item by item in input order as they arrive: the
    caller consumes early results while workers still compute later ones."""

    def __init__(self, futures: list, batch_size: int, fingerprint: str):
        self.futures = futures
        self.batch_size = batch_size
        self.fingerprint = fingerprint
        self._batches: dict[int, list] = {}

    def batch(self, b: int) -> list:
        if b not in self._batches:
            worker_fingerprint, values = pickle.loads(self.futures[b].result())
            if worker_fingerprint != self.fingerprint:
                raise RuntimeError(
                    "a Dask worker runs different Newsprism code than this build "
                    f"({worker_fingerprint[:12]} != {self.fingerprint[:12]}): install the same "
                    "version on every worker")
            self._batches[b] = values
        return self._batches[b]

    def result(self, i: int):
        """Item i's result, waiting for its batch if need be."""
        b, j = divmod(i, self.batch_size)
        return self.batch(b)[j]

    def cancel(self) -> None:
        for f in self.futures:
            f.cancel()


class LocalPending:
    """A map on Dask's local multiprocessing scheduler, run from a background thread; each
    batch's result is handed over as soon as its task ends, so the caller consumes early
    results while the processes go on. On two cores this beats a distributed LocalCluster,
    whose scheduler, nannies and workers cost seconds of CPU to start: the processes here
    only import Newsprism.
    """

    def __init__(self, task: Callable, batches: list[bytes], batch_size: int, fingerprint: str,
                 pool):
        import threading

        self.batch_size = batch_size
        self.fingerprint = fingerprint
        self._results: dict[int, bytes] = {}  # pickled, as the workers hand them over
        self._batches: dict[int, list] = {}  # unpickled, on first use
        self._error: BaseException | None = None
        self._finished = False
        self._ready = threading.Condition()
        self._thread = threading.Thread(target=self._run, args=(task, batches, pool),
                                        name="newsprism-dask", daemon=True)
        self._thread.start()

    def _run(self, task: Callable, batches: list[bytes], pool) -> None:
        import dask
        from dask.callbacks import Callback

        def posttask(key, result, dsk, state, worker_id):
            if isinstance(key, str) and key.startswith("newsprism-batch-"):
                with self._ready:
                    self._results[int(key.rsplit("-", 1)[1])] = result
                    self._ready.notify_all()

        tasks = [dask.delayed(run_pickled, pure=False)(task, b,
                                                       dask_key_name=f"newsprism-batch-{i:07d}")
                 for i, b in enumerate(batches)]
        try:
            with Callback(posttask=posttask):
                dask.compute(*tasks, scheduler="processes", pool=pool, optimize_graph=False)
        except BaseException as exc:  # handed to the consumer, raised in the main thread
            self._error = exc
        finally:
            with self._ready:
                self._finished = True
                self._ready.notify_all()

    def batch(self, b: int) -> list:
        if b not in self._batches:
            with self._ready:
                while b not in self._results and not self._finished:
                    self._ready.wait()
                if b not in self._results:
                    raise RuntimeError("Dask analysis failed") from self._error
                worker_fingerprint, values = pickle.loads(self._results.pop(b))
            if worker_fingerprint != self.fingerprint:
                raise RuntimeError("a Dask worker runs different Newsprism code than this build")
            self._batches[b] = values
        return self._batches[b]

    def result(self, i: int):
        b, j = divmod(i, self.batch_size)
        return self.batch(b)[j]
