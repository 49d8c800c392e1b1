"""A progress bar with counts and ETA for long builds (rich), silent when not on a terminal.

    bar = ProgressBar.start("Analysing articles", total=2000)
    bar.advance()          # once per item
    bar.stop()

Silent (every call a no-op) when stderr is not a terminal, when the total is below
`min_total`, or when NEWSPRISM_PROGRESS=0; NEWSPRISM_PROGRESS=1 forces it on.
"""
from __future__ import annotations

import os
import sys


def wanted(total: int, min_total: int = 200) -> bool:
    forced = os.environ.get("NEWSPRISM_PROGRESS")
    if forced is not None:
        return forced not in ("", "0", "false", "no")
    return total >= min_total and sys.stderr.isatty()


class ProgressBar:
    def __init__(self, progress=None, task=None):
        self._progress, self._task = progress, task

    @classmethod
    def start(cls, description: str, total: int, min_total: int = 200) -> "ProgressBar":
        if not wanted(total, min_total):
            return cls()
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                            console=Console(stderr=True), transient=False)
        progress.start()
        return cls(progress, progress.add_task(description, total=total))

    def advance(self, n: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    @property
    def active(self) -> bool:
        return self._progress is not None
