"""The Pelican plugin: thin adapters between Pelican and the Newsprism core.

    PLUGINS = ["newsprism.pelican_plugin"]

- readers.py: a Reader for .txt and .md article files (parse + analyse one article, so
  Pelican's reader cache keeps the analysis);
- generator.py: the finalized-signal hook that groups and compares, and the Generator that
  writes the digest index, event pages and output/data/*.json.
"""
from pelican import signals

from .generator import DigestGenerator, group_and_compare
from .readers import NewsArticleReader
from .speed import finish, prepare_analyses


def _add_readers(readers) -> None:
    for ext in NewsArticleReader.file_extensions:
        readers.reader_classes[ext] = NewsArticleReader


def _get_generators(pelican):
    return DigestGenerator


def register() -> None:
    signals.readers_init.connect(_add_readers)
    signals.article_generator_init.connect(prepare_analyses)  # cache + Dask pre-pass
    signals.article_generator_finalized.connect(group_and_compare)
    signals.finalized.connect(finish)
    signals.get_generators.connect(_get_generators)
