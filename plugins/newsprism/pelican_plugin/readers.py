"""Reading article files into Pelican, and accounting for every input file.

- `NewsArticleReader.read` parses and analyses one file. A bad file is skipped with ONE warning
  line naming it and why; Pelican gets a `status: skip` stub, so it logs nothing more.
- `harden_settings` (initialized): templates always autoescape; equal slugs are clashes to
  resolve, never "translations" of each other.
- `start_build` (article_generator_init): a fresh account, and symlinked folders are never
  walked (a link to / or a link loop costs nothing).
- `merge_duplicates` (article_generator_pretaxonomy): copies of one article are merged into the
  file that sorts first, ids are made unique, and the article order is made stable.
- `account_for_input` / `stop_if_nothing_built`: the build report, and the build's exit status.
"""
from __future__ import annotations

import html
import logging
import os
import stat

from pelican.log import LimitFilter
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from ..dedupe import find_duplicates, unique_ids
from ..parse import UnreadableArticle, check_size
from ..report import (BuildReport, FileStatus, account_for_files, is_inside,
                      symlinked_folder_reason, symlinked_folders)
from .speed import analysis_of

logger = logging.getLogger(__name__)

# What became of the files not read as articles in this build (skipped, merged, failed), by
# path relative to the content folder; the build report is made from it. Reset by start_build.
REFUSED: dict[str, FileStatus] = {}
NO_DATE = SafeDatetime(1970, 1, 1)  # Pelican requires a date; ours stays None in the data


class NothingToBuild(Exception):
    """No article could be read: Pelican logs this and exits with `exitcode`."""

    exitcode = 1


def relative_source_path(path: str, settings: dict) -> str:
    return os.path.relpath(os.path.abspath(path), os.path.abspath(settings["PATH"])).replace(
        os.sep, "/")


def one_line(text: str, limit: int = 200) -> str:
    """Text for a log line or a report reason: one line, bounded."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def refuse(rel: str, status: str, reason: str) -> None:
    """Record a file that is not an article of this build, with one log line naming it."""
    REFUSED[rel] = FileStatus(rel, status, reason)
    if status == "failed":
        logger.error("Could not read %s: %s", rel, reason)
    elif status == "merged":
        logger.warning("Merged %s: %s", rel, reason)
    else:
        logger.warning("Skipped %s: %s", rel, reason)


def read_inside(path: str, content_path: str) -> bytes:
    """The bytes of a regular file inside the content folder; UnreadableArticle otherwise
    (a symlink out of the folder, a FIFO or device, a missing link target, a huge file)."""
    if not is_inside(path, content_path):
        raise UnreadableArticle("symlink to a file outside the content folder: not followed")
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableArticle("not a regular file")
        check_size(info.st_size)
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise UnreadableArticle(f"cannot be opened: {exc.strerror or exc}") from None


class NewsArticleReader(BaseReader):
    enabled = True
    file_extensions = ["txt", "md", "markdown"]

    def read(self, source_path: str):
        rel = relative_source_path(source_path, self.settings)
        try:
            raw = read_inside(source_path, self.settings["PATH"])
            analysis = analysis_of(raw, rel, self.settings)  # cached, or ready from Dask
        except UnreadableArticle as exc:
            refuse(rel, "skipped", one_line(exc))
            return "", {"status": "skip"}
        except Exception as exc:  # a bug: name the file, keep building, and report an error
            refuse(rel, "failed", one_line(f"internal error: {type(exc).__name__}: {exc}"))
            logger.debug("Traceback for %s", rel, exc_info=True)
            return "", {"status": "skip"}
        article = analysis.article
        date = (SafeDatetime(*map(int, article.date.split("-")))
                if article.date else NO_DATE)
        metadata = {
            "title": article.title,
            "slug": article.id,
            "date": date,
            "outlet": article.outlet,
            "source_url": article.url,  # never `url`: Pelican would move the page there
            "newsprism": analysis,
        }
        content = "\n".join(
            f"<h2>{html.escape(b.text)}</h2>" if b.kind == "heading"
            else f"<p>{html.escape(b.text)}</p>" for b in article.blocks)
        return content, metadata


def harden_settings(pelican) -> None:
    """initialized: settings the plugin's safety relies on, whatever pelicanconf.py says."""
    settings = pelican.settings
    settings["JINJA_ENVIRONMENT"] = {**settings.get("JINJA_ENVIRONMENT", {}), "autoescape": True}
    settings["ARTICLE_TRANSLATION_ID"] = None  # "a.txt" and "a.md" are two articles
    # Pelican's cache would otherwise hash each file by reading it whole before our reader
    # sees it: a FIFO would hang the build, a link to /dev/zero would never end.
    settings["CHECK_MODIFIED_METHOD"] = "mtime"
    # ...and a dangling link gets one line, from our reader, not two more from that cache.
    LimitFilter._ignore.add((logging.WARNING, "Cannot get modification stamp for %s\n\t%s"))


def start_build(article_generator) -> None:
    """article_generator_init: a fresh account; symlinked folders are excluded from the walk."""
    REFUSED.clear()
    settings = article_generator.settings
    links = symlinked_folders(article_generator.path)
    settings["ARTICLE_EXCLUDES"] = sorted(set(settings.get("ARTICLE_EXCLUDES") or []) | set(links))
    for rel in links:
        refuse(rel, "skipped", symlinked_folder_reason(
            os.path.join(article_generator.path, rel), article_generator.path))


def merge_duplicates(article_generator) -> None:
    """article_generator_pretaxonomy: one article per story, unique ids, a stable order."""
    def key(a) -> str:
        return a.get_relative_source_path().replace(os.sep, "/")

    gen = article_generator
    ours = [a for a in gen.articles + gen.hidden_articles if hasattr(a, "newsprism")]
    merged = find_duplicates([a.newsprism.article for a in ours])
    kept = [a for a in ours if a.newsprism.article.source_path not in merged]
    ids = unique_ids([a.newsprism.article for a in kept])
    for a in kept:
        new_id = ids[a.newsprism.article.source_path]
        if new_id != a.newsprism.article.id:
            a.newsprism.article.id = a.slug = a.metadata["slug"] = new_id
    for copy, original in sorted(merged.items()):
        refuse(copy, "merged", f"the same article as {original}")
        REFUSED[copy].article = ids[original]
    for name in ("articles", "hidden_articles"):
        items = [a for a in getattr(gen, name)
                 if not hasattr(a, "newsprism") or a.newsprism.article.source_path not in merged]
        items.sort(key=key)  # then newest first; equal dates stay in path order
        items.sort(key=lambda a: a.date, reverse=True)
        setattr(gen, name, items)


def account_for_input(content_path: str, analyses) -> BuildReport:
    """The build report: every file under the content folder and what became of it. Files
    that no reader opened (a PDF, an image) get their log line here."""
    report = account_for_files(content_path, [a.article for a in analyses], REFUSED,
                               NewsArticleReader.file_extensions)
    for f in report.files:
        if f.status in ("skipped", "failed") and f.path not in REFUSED:
            refuse(f.path, f.status, f.reason or "")
    return report


def stop_if_nothing_built(report: BuildReport) -> None:
    """A build that read no article fails (exit status 1): the report says why for each file."""
    if not any(f.status == "read" for f in report.files):
        raise NothingToBuild("no article could be read; output/data/build-report.json gives "
                             "the reason for each file")
