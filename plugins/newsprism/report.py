"""The build report: every input file with its status (read / skipped / merged) and why."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FileStatus:
    path: str  # relative to the content folder
    status: str  # "read" | "skipped" | "merged"
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)
    article: str | None = None  # article id, when read or merged into one


@dataclass
class BuildReport:
    files: list[FileStatus] = field(default_factory=list)

    def to_json(self) -> dict:
        files = sorted(self.files, key=lambda f: f.path)
        counts: dict[str, int] = {}
        for f in files:
            counts[f.status] = counts.get(f.status, 0) + 1
        return {
            "schema": "newsprism/build-report@1",
            "counts": dict(sorted(counts.items())),
            "files": [
                {"path": f.path, "status": f.status, "reason": f.reason,
                 "warnings": f.warnings, "article": f.article}
                for f in files
            ],
            "warnings": [f"{f.path}: {w}" for f in files for w in f.warnings],
        }
