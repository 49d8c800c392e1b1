"""Groups and compares once Pelican has read every article, then writes the reader's site:
the digest (paginated), event pages, outlet pages, methodology and search pages, Atom feeds,
sitemap.xml and the JSON data. Pagefind indexes the event and article pages, in bundles of
bounded size (newsprism.search) that the search page merges. It runs in another process, on
another core: on a site too large for one bundle it starts on the article pages as soon as
Pelican has written them (index_article_pages), while the event pages are written; the rest
(or, on a smaller site, everything) once the last HTML page is written (index_site), while the
digest feed, the sitemap and the JSON are written. The build waits for it at the end.

Thin: every figure a page shows comes from newsprism.views; this module only writes files.
"""
from __future__ import annotations

import atexit
import gc
import logging
import os

from pelican.generators import Generator

from .. import search, views
from ..export import dumps, event_detail, events_index
from .readers import account_for_input, stop_if_nothing_built
from .speed import compare_all

logger = logging.getLogger(__name__)
DIGEST_KEY = "newsprism_digest"
SLUGS_KEY = "newsprism_outlet_slugs"


def absolute_site_url(settings: dict) -> str:
    """SITEURL when it is an absolute http(s) address (publishing), else "" (local builds)."""
    url = (settings.get("SITEURL") or "").rstrip("/")
    return url if url.startswith(("http://", "https://")) else ""


def group_and_compare(article_generator) -> None:
    """article_generator_finalized: build the digest from every analysed article, and give each
    article page its event and its outlet page (its highlights come in view_article)."""
    from ..pipeline import build_digest  # numpy and scipy: imported ahead (speed.py)

    articles = list(article_generator.articles) + list(article_generator.hidden_articles)
    analyses = [a.newsprism for a in articles if hasattr(a, "newsprism")]
    # The articles and analyses, and then the digest, live until the build ends: take them
    # out of the garbage collector's generations, so that each full collection while events
    # are compared and pages written does not walk them all again (about a second at 500
    # articles; release_frozen_objects gives them back).
    gc.freeze()
    digest = build_digest(analyses, compare_all(article_generator.settings))
    gc.freeze()
    slugs = views.outlet_slugs(a.article.outlet for a in analyses)
    event_of = {i: c.event for c in digest.comparisons for i in c.event.article_ids}
    for a in articles:
        if hasattr(a, "newsprism"):
            a.newsprism_event = event_of.get(a.newsprism.article.id)
            a.newsprism_outlet_href = views.outlet_href(slugs[a.newsprism.article.outlet])
    article_generator.context[DIGEST_KEY] = digest
    article_generator.context[SLUGS_KEY] = slugs
    article_generator.context["NEWSPRISM_SITE_URL"] = absolute_site_url(article_generator.settings)


def view_article(article_generator, content) -> None:
    """article_generator_write_article: the view an article page shows (its sentences with
    their highlights), made just before Pelican writes that page and dropped with the next
    one, so that only one article's view is alive at a time (all of them: about 250 MB at
    10,000 articles)."""
    previous = getattr(article_generator, "newsprism_viewed", None)
    if previous is not None:
        del previous.newsprism_view
        article_generator.newsprism_viewed = None
    if hasattr(content, "newsprism"):
        content.newsprism_view = views.article_view(content.newsprism)
        article_generator.newsprism_viewed = content


class DigestGenerator(Generator):
    """Writes the digest, event, outlet, methodology and search pages, feeds, sitemap and JSON."""

    def generate_context(self) -> None:
        pass  # the digest is built by group_and_compare, after the articles are read

    def _page(self, writer, name: str, template: str, **kwargs) -> None:
        writer.write_file(name, self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], page_name=name, **kwargs)

    def _feed(self, writer, name: str, title: str, alternate: str,
              entries: list[views.FeedEntry]) -> None:
        """An Atom feed; links absolute when SITEURL is, else relative to the feed's folder."""
        site = absolute_site_url(self.settings)
        root = site + "/" if site else "../" * name.count("/")
        writer.write_file(name, self.get_template("feed"), self.context, feed_root=root,
                          feed_id=f"urn:newsprism:feed:{name}", feed_title=title,
                          feed_self=root + name, feed_alternate=root + alternate,
                          feed_entries=entries, feed_updated=views.feed_updated(entries))

    def generate_output(self, writer) -> None:
        """Every HTML page first (Pelican's article pages are already written: its own
        generators run before a plugin's; each event's feed goes with its page), then Pagefind
        gets the pages it has not started on, then the digest feed, sitemap and JSON data are
        written while it indexes."""
        try:
            self._write_site(writer)
        except BaseException:
            stop_pagefind(self.output_path)
            raise

    def _write_site(self, writer) -> None:
        from ..pipeline import Digest, build_digest

        digest: Digest = self.context.get(DIGEST_KEY) or build_digest([])
        analyses = digest.analyses
        slugs = self.context.get(SLUGS_KEY) or views.outlet_slugs(
            a.article.outlet for a in analyses.values())
        self.context.setdefault("NEWSPRISM_SITE_URL", absolute_site_url(self.settings))
        sitemap: list[tuple[str, str | None]] = []

        for comparison in digest.comparisons:  # each event's view lives for its page and feed
            view = views.event_view(comparison, digest.articles_of(comparison), slugs)
            feed = f"events/{view.slug}/feed.atom.xml"
            self._page(writer, view.href, "event", comparison=comparison, view=view,
                       articles=digest.articles_of(comparison), feed_href=feed)
            self._feed(writer, feed, view.title, view.href, views.event_feed(view))
            sitemap.append((view.href, view.date_last))

        entries = [views.digest_entry(c, analyses, slugs) for c in digest.comparisons]
        for page in views.paginate(entries, int(self.settings.get("NEWSPRISM_EVENTS_PER_PAGE", 20))):
            self._page(writer, page.href, "digest", page=page, comparisons=digest.comparisons,
                       analyses=analyses)
            sitemap.append((page.href, None))

        outlets = views.outlet_views(analyses, digest.comparisons, slugs)
        self._page(writer, "outlets/index.html", "outlets", outlets=outlets)
        for outlet in outlets:
            self._page(writer, outlet.href, "outlet", outlet=outlet)
        self._page(writer, "methodology/index.html", "methodology")
        bundles = index_site(self.settings, self.output_path)  # every HTML page is written
        self._page(writer, "search/index.html", "search",
                   search_bundles=[search.bundle_path(i) for i in range(1, bundles)])

        self._feed(writer, "feeds/digest.atom.xml", self.settings["SITENAME"], "index.html",
                   views.digest_feed(entries))
        sitemap += [("outlets/index.html", None), ("methodology/index.html", None)]
        sitemap += [(o.href, None) for o in outlets]
        sitemap += [(views.article_href(i), a.article.date) for i, a in analyses.items()]
        site = absolute_site_url(self.settings)
        writer.write_file("sitemap.xml", self.get_template("sitemap"), self.context,
                          sitemap_root=site + "/" if site else "",
                          sitemap_urls=sorted(sitemap))

        data = os.path.join(self.output_path, "data")
        self._write(os.path.join(data, "events.json"), dumps(events_index(digest.comparisons, analyses)))
        for c in digest.comparisons:
            self._write(os.path.join(data, "events", f"{c.event.slug}.json"),
                        dumps(event_detail(c, analyses)))
        report = account_for_input(self.path, analyses.values())
        self._write(os.path.join(data, "build-report.json"), dumps(report.to_json()))
        stop_if_nothing_built(report)

    @staticmethod
    def _write(path: str, text: str) -> None:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)


def release_frozen_objects(pelican) -> None:
    """finalized: hand the objects group_and_compare froze back to the garbage collector (a
    long-lived process, `pelican --autoreload`, builds again)."""
    gc.unfreeze()


# Pagefind runs per output folder, from index_article_pages (or index_site) to finish_pagefind.
_PAGEFIND: dict[str, search.BundleIndexer] = {}


def search_budget(settings: dict) -> int | None:
    """Each search bundle's HTML budget in bytes (NEWSPRISM_SEARCH_BUNDLE_MB; None: one bundle)."""
    mb = settings.get("NEWSPRISM_SEARCH_BUNDLE_MB", search.DEFAULT_BUNDLE_MB)
    return None if mb is None else int(float(mb) * search.MB)


def pagefind_binary() -> tuple[str | None, str]:
    """The pagefind executable (shipped by the pagefind[bin] wheel), or None and why not."""
    try:
        from pagefind_bin import get_executable
        return str(get_executable()), ""
    except (ImportError, FileNotFoundError) as exc:
        return None, str(exc)


def index_article_pages(article_generator, writer) -> None:
    """article_writer_finalized: on a site too large for one search bundle, Pagefind starts on
    the article pages now (newsprism.search.early_bundles) and runs, on the other core, while
    the event pages are written. A run left by an earlier build in this process is ended."""
    output_path = article_generator.output_path
    stop_pagefind(output_path)
    settings = article_generator.settings
    if not settings.get("NEWSPRISM_SEARCH", True):
        return
    binary, _ = pagefind_binary()
    if binary is None:
        return  # index_site says so, once
    bundles = search.early_bundles(search.pages_to_index(output_path, (search.EARLY_FOLDER,)),
                                   search_budget(settings))
    if bundles:
        _PAGEFIND[os.path.abspath(output_path)] = search.BundleIndexer(
            binary, output_path, bundles).start()


def index_site(settings: dict, output_path: str) -> int:
    """Once every HTML page is written: Pagefind over the pages not indexed yet, in the
    background, bundle after bundle (see newsprism.search): the first bundle goes to
    output/pagefind/, the others to output/pagefind/more/<i>/. Returns the number of bundles
    (0 when search is off)."""
    if not settings.get("NEWSPRISM_SEARCH", True):
        return 0
    run = _PAGEFIND.get(os.path.abspath(output_path))
    early = run.bundles if run else []
    bundles = search.later_bundles(search.pages_to_index(output_path), early,
                                   search_budget(settings))
    logger.info("Search: Pagefind indexes %d pages in %d bundle(s)",
                sum(map(len, early + bundles)), len(early) + len(bundles))
    if run is not None:
        run.add(bundles)
        return len(run.bundles)
    binary, missing = pagefind_binary()
    if binary is None:
        logger.warning("Search index not built: the pagefind binary is missing (%s); "
                       "install pagefind[bin].", missing)
    elif bundles:
        _PAGEFIND[os.path.abspath(output_path)] = search.BundleIndexer(
            binary, output_path, bundles).start()
    return len(bundles)


def stop_pagefind(output_path: str) -> None:
    """End a Pagefind run that is no longer wanted (the build failed)."""
    run = _PAGEFIND.pop(os.path.abspath(output_path), None)
    if run is not None:
        run.stop()


@atexit.register
def _stop_every_pagefind() -> None:
    """A build that ends with an error after the pages are written (a later generator, a
    finalized hook) never reaches finish_pagefind: stop its run rather than leave Pagefind
    writing and the temporary folder behind."""
    for output_path in list(_PAGEFIND):
        stop_pagefind(output_path)


def finish_pagefind(pelican) -> None:
    """finalized: wait for the build's Pagefind runs; each failed bundle is logged as an error."""
    run = _PAGEFIND.pop(os.path.abspath(pelican.output_path), None)
    if run is None:
        return
    for error in run.wait():
        logger.error("Pagefind failed: %s", error)
