"""The build report: every input file with its status and why, and the build's errors.

Statuses:

- "read": the file is an article of the digest;
- "skipped": a bad or unsuitable input (empty, binary, no text, a symlink out of the content
  folder, not an article file...). The build goes on: a skipped file is not an error;
- "merged": the same article as another file (`reason` names the file kept);
- "failed": the file should have been read but something broke (a bug): an error.

Errors are what make a build unfit to publish: a failed file, or no article read at all.
No Pelican here: the adapter hands in what it read and what it refused.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .model import Article

REPORT_SCHEMA = "newsprism/build-report@1"
NOT_AN_ARTICLE = "not an article file (use .txt or .md)"


@dataclass
class FileStatus:
    path: str  # relative to the content folder
    status: str  # "read" | "skipped" | "merged" | "failed"
    reason: str | None = None
    warnings: list[str] = field(default_factory=list)
    article: str | None = None  # article id, when read or merged into one


@dataclass
class BuildReport:
    files: list[FileStatus] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        errors = [f"{f.path}: {f.reason}" for f in sorted(self.files, key=lambda f: f.path)
                  if f.status == "failed"]
        if not any(f.status == "read" for f in self.files):
            errors.append("no article could be read")
        return errors

    def to_json(self) -> dict:
        files = sorted(self.files, key=lambda f: f.path)
        counts: dict[str, int] = {}
        for f in files:
            counts[f.status] = counts.get(f.status, 0) + 1
        return {
            "schema": REPORT_SCHEMA,
            "counts": dict(sorted(counts.items())),
            "errors": self.errors,
            "files": [
                {"path": f.path, "status": f.status, "reason": f.reason,
                 "warnings": f.warnings, "article": f.article}
                for f in files
            ],
            "warnings": [f"{f.path}: {w}" for f in files for w in f.warnings],
        }


def is_inside(path: str, folder: str) -> bool:
    """Does `path`, every symlink resolved, lie inside `folder` (also resolved)?"""
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def symlinked_folder_reason(path: str, content_path: str) -> str:
    where = "inside" if is_inside(path, content_path) else "outside"
    return f"symlink to a folder {where} the content folder: not followed"


def symlinked_folders(content_path: str) -> list[str]:
    """Every symlinked folder under the content folder (relative paths, sorted). The walk does
    not follow them, so a link loop or a link to / costs nothing."""
    found = []
    for root, dirs, _files in os.walk(content_path):
        dirs.sort()
        for name in dirs:
            if os.path.islink(os.path.join(root, name)):
                found.append(_relative(os.path.join(root, name), content_path))
    return found


def account_for_files(content_path: str, read: Iterable[Article],
                      refused: Mapping[str, FileStatus],
                      article_extensions: Iterable[str]) -> BuildReport:
    """Every file under the content folder with what became of it: `read` are the articles of
    the digest, `refused` the files the reader skipped, merged or failed on."""
    read_by_path = {a.source_path: a for a in read}
    extensions = {e.lower() for e in article_extensions}
    report = BuildReport()
    seen: set[str] = set()

    def add(status: FileStatus) -> None:
        seen.add(status.path)
        report.files.append(status)

    def status_of(rel: str) -> FileStatus:
        if rel in read_by_path:
            a = read_by_path[rel]
            return FileStatus(rel, "read", warnings=list(a.warnings), article=a.id)
        return refused[rel]

    for root, dirs, files in os.walk(content_path):
        dirs.sort()
        for name in list(dirs):
            full = os.path.join(root, name)
            if os.path.islink(full):
                add(FileStatus(_relative(full, content_path), "skipped",
                               symlinked_folder_reason(full, content_path)))
        for name in sorted(files):
            rel = _relative(os.path.join(root, name), content_path)
            if rel in read_by_path or rel in refused:
                add(status_of(rel))
            elif name.startswith("."):
                continue  # hidden files (.DS_Store, .gitkeep) are not inputs
            elif name.rsplit(".", 1)[-1].lower() not in extensions or "." not in name:
                add(FileStatus(rel, "skipped", NOT_AN_ARTICLE))
            else:
                add(FileStatus(rel, "failed", "not read (see the build log)"))
    for rel in sorted(set(read_by_path) | set(refused)):  # anything the walk did not meet
        if rel not in seen:
            add(status_of(rel))
    return report


def _relative(path: str, folder: str) -> str:
    return os.path.relpath(path, folder).replace(os.sep, "/")
