"""Groups and compares once Pelican has read every article, then writes the digest."""
from __future__ import annotations

import logging
import os

from pelican.generators import Generator

from ..export import dumps, event_detail, event_url, events_index
from ..pipeline import Digest, build_digest
from ..report import BuildReport, FileStatus
from .readers import SKIPPED, NewsArticleReader
from .speed import compare_all

logger = logging.getLogger(__name__)
DIGEST_KEY = "newsprism_digest"


def group_and_compare(article_generator) -> None:
    """article_generator_finalized: build the digest from every analysed article."""
    articles = list(article_generator.articles) + list(article_generator.hidden_articles)
    analyses = [a.newsprism for a in articles if hasattr(a, "newsprism")]
    digest = build_digest(analyses, compare_all(article_generator.settings))
    event_of = {i: c for c in digest.comparisons for i in c.event.article_ids}
    for a in articles:
        if hasattr(a, "newsprism"):
            a.newsprism_event = event_of.get(a.newsprism.article.id)
    article_generator.context[DIGEST_KEY] = digest


def build_report(content_path: str, digest: Digest) -> BuildReport:
    """Every file under the content folder, with what became of it."""
    read = {a.article.source_path: a for a in digest.analyses.values()}
    report = BuildReport()
    for root, dirs, files in os.walk(content_path):
        dirs.sort()
        for name in sorted(files):
            rel = os.path.relpath(os.path.join(root, name), content_path).replace(os.sep, "/")
            if rel in read:
                a = read[rel]
                report.files.append(FileStatus(rel, "read", warnings=list(a.article.warnings),
                                               article=a.article.id))
            elif rel in SKIPPED:
                report.files.append(FileStatus(rel, "skipped", SKIPPED[rel]))
            elif name.startswith("."):
                continue
            elif name.rsplit(".", 1)[-1].lower() not in NewsArticleReader.file_extensions:
                report.files.append(FileStatus(rel, "skipped", "not an article file (use .txt or .md)"))
            else:
                report.files.append(FileStatus(rel, "skipped", "not read (see the build log)"))
    return report


class DigestGenerator(Generator):
    """Writes the digest index, one page per event, and the JSON data."""

    def generate_context(self) -> None:
        pass  # the digest is built by group_and_compare, after the articles are read

    def generate_output(self, writer) -> None:
        digest: Digest = self.context.get(DIGEST_KEY) or build_digest([])
        analyses = digest.analyses
        for comparison in digest.comparisons:
            writer.write_file(
                event_url(comparison.event.slug) + "index.html",
                self.get_template("event"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                comparison=comparison,
                articles=digest.articles_of(comparison),
                page_name=event_url(comparison.event.slug),
            )
        writer.write_file("index.html", self.get_template("digest"), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"],
                          comparisons=digest.comparisons, analyses=analyses, page_name="")
        data = os.path.join(self.output_path, "data")
        self._write(os.path.join(data, "events.json"), dumps(events_index(digest.comparisons, analyses)))
        for c in digest.comparisons:
            self._write(os.path.join(data, "events", f"{c.event.slug}.json"),
                        dumps(event_detail(c, analyses)))
        report = build_report(self.path, digest)
        self._write(os.path.join(data, "build-report.json"), dumps(report.to_json()))
        SKIPPED.clear()

    @staticmethod
    def _write(path: str, text: str) -> None:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
