"""Per-article analysis and per-event comparison as Dask tasks: local processes or a cluster.

Both stages are pure maps (one article in, one analysis out; one event in, one comparison out),
so they run unchanged on Dask's distributed scheduler:

- `workers=N` (N > 1): a LocalCluster of N single-threaded processes on this machine;
- `scheduler="tcp://host:8786"`: the workers of an existing cluster (each must have this same
  Newsprism installed: results carry the worker's code fingerprint and a mismatch stops the
  build rather than mixing versions).

`pays(n)` says whether n items are worth a cluster: starting processes and shipping the data
costs seconds, so small builds stay in one process. Results come back in input order and are
the very objects the single-process build computes, so the output is byte-identical. No Pelican
here; Dask is imported only when a cluster is used.
"""
from __future__ import annotations

import hashlib
import logging
import math
import os
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from .analyse import analyse_article
from .cache import ANALYSIS_MODULES, COMPARE_MODULES, code_fingerprint
from .compare import compare_event
from .model import ArticleAnalysis, Event, EventComparison
from .parse import parse_article

logger = logging.getLogger(__name__)


def analyse_file(raw: bytes, source_path: str) -> ArticleAnalysis:
    """The unit of per-article work: one file's bytes (and path) to its analysis."""
    return analyse_article(parse_article(raw, source_path))


def analyse_files(items: Sequence[tuple[bytes | str, str]]
                  ) -> tuple[str, list[tuple[str, ArticleAnalysis | None]]]:
    """A Dask task: analyse a batch of files, each given as its bytes or (on a cluster that
    shares the file system) its path, with its source path. Each result comes with the sha256
    of the bytes it was computed from, so the caller can check it analysed what it keyed. A
    file that fails gives None: the reader then analyses it again in the main process and
    reports it exactly as a one-process build does."""
    out: list[tuple[str, ArticleAnalysis | None]] = []
    for source, source_path in items:
        try:
            if isinstance(source, str):
                with open(source, "rb") as fh:
                    source = fh.read()
            digest = hashlib.sha256(source).hexdigest()
            out.append((digest, analyse_file(source, source_path)))
        except Exception:
            out.append(("", None))
    return code_fingerprint(ANALYSIS_MODULES), out


def compare_events(jobs: Sequence[tuple[Event, list[ArticleAnalysis]]]
                   ) -> tuple[str, list[EventComparison]]:
    """A Dask task: compare a batch of events."""
    return code_fingerprint(COMPARE_MODULES), [compare_event(e, arts) for e, arts in jobs]


@dataclass(frozen=True)
class ParallelConfig:
    workers: int = 1  # local processes; 1 = none
    scheduler: str | None = None  # address of a running Dask scheduler
    min_items: int = 1500  # fewer items than this run in one process

    @classmethod
    def from_values(cls, workers: Any = "auto", scheduler: Any = None,
                    min_items: Any = None) -> "ParallelConfig":
        if workers in (None, "", "auto"):
            workers = os.cpu_count() or 1
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
        self._cluster = None

    def pays(self, n_items: int) -> bool:
        return self.config.pays(n_items)

    @property
    def client(self):
        if self._client is None:
            from distributed import Client, LocalCluster

            if self.config.scheduler:
                self._client = Client(self.config.scheduler)
            else:
                # Dask's default start method, spawn: forking would start faster but can
                # deadlock a worker when another thread (a profiler, a plugin) holds a lock.
                self._cluster = LocalCluster(
                    n_workers=self.config.workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR)
                self._client = Client(self._cluster)
        return self._client

    @property
    def shares_files(self) -> bool:
        """Workers on this machine read article files themselves; a cluster's get the bytes."""
        return not self.config.scheduler

    def map(self, task: Callable, items: Sequence, fingerprint: str,
            on_progress: Callable[[int], None] | None = None) -> list:
        """`task` over `items` in batches, results flattened in input order."""
        if not items:
            return []
        from distributed import as_completed

        n_workers = max(1, len(self.client.scheduler_info().get("workers", {})) or
                        self.config.workers)
        size = max(1, min(32, math.ceil(len(items) / (n_workers * 4))))
        batches = [list(items[i:i + size]) for i in range(0, len(items), size)]
        futures = self.client.map(task, batches, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[list | None] = [None] * len(batches)
        for future in as_completed(futures):
            worker_fingerprint, values = future.result()
            if worker_fingerprint != fingerprint:
                raise RuntimeError(
                    "a Dask worker runs different Newsprism code than this build "
                    f"({worker_fingerprint[:12]} != {fingerprint[:12]}): install the same "
                    "version on every worker")
            results[index[future.key]] = values
            if on_progress:
                on_progress(len(values))
        return [v for batch in results for v in batch]  # type: ignore[union-attr]

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
