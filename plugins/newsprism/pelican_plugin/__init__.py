"""The Pelican plugin: thin adapters between Pelican and the Newsprism core.

    PLUGINS = ["newsprism.pelican_plugin"]

- readers.py: a Reader for .txt and .md article files (parse + analyse one article, so
  Pelican's reader cache keeps the analysis);
- generator.py: the hook that groups and compares once the articles are read, the Generator
  that writes the digest, event, outlet, methodology and search pages, feeds, sitemap and
  output/data/*.json, and Pagefind over the written site, bundle after bundle
  (newsprism.search; on a large site started on the article pages as soon as they are written,
  else once every HTML page is; waited for in the finalized hook).
"""
from pelican import signals

from .generator import (DigestGenerator, finish_pagefind, group_and_compare,
                        index_article_pages, release_frozen_objects, view_article)
from .readers import NewsArticleReader, harden_settings, merge_duplicates, start_build
from .speed import finish, prepare_analyses


def _add_readers(readers) -> None:
    for ext in NewsArticleReader.file_extensions:
        readers.reader_classes[ext] = NewsArticleReader


def _get_generators(pelican):
    return DigestGenerator


def register() -> None:
    signals.initialized.connect(harden_settings)
    signals.article_generator_init.connect(start_build)
    signals.article_generator_init.connect(prepare_analyses)  # after start_build: cache + Dask
    signals.article_generator_pretaxonomy.connect(merge_duplicates)
    signals.readers_init.connect(_add_readers)
    signals.article_generator_finalized.connect(group_and_compare)
    signals.article_generator_write_article.connect(view_article)
    signals.article_writer_finalized.connect(index_article_pages)
    signals.finalized.connect(finish)
    signals.get_generators.connect(_get_generators)
    signals.finalized.connect(finish_pagefind)
    signals.finalized.connect(release_frozen_objects)
