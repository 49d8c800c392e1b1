"""Pelican Reader for article files: calls the core parser and per-article analysis."""
from __future__ import annotations

import datetime
import html
import os

from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from ..parse import UnreadableArticle
from .speed import analysis_of

# Files the reader refused in this build, by path relative to the content folder, with the
# reason; the generator turns them into the build report.
SKIPPED: dict[str, str] = {}
NO_DATE = SafeDatetime(1970, 1, 1)  # Pelican requires a date; ours stays None in the data


def relative_source_path(path: str, settings: dict) -> str:
    return os.path.relpath(os.path.abspath(path), os.path.abspath(settings["PATH"])).replace(
        os.sep, "/")


class NewsArticleReader(BaseReader):
    enabled = True
    file_extensions = ["txt", "md", "markdown"]

    def read(self, source_path: str):
        rel = relative_source_path(source_path, self.settings)
        try:
            with open(source_path, "rb") as fh:
                raw = fh.read()
            analysis = analysis_of(raw, rel, self.settings)  # cached, or ready from Dask
        except UnreadableArticle as exc:
            SKIPPED[rel] = str(exc)
            raise
        except Exception as exc:  # a bug or an unforeseen input: still name the file and go on
            SKIPPED[rel] = f"could not be read: {type(exc).__name__}: {exc}"
            raise
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
