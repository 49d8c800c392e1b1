"""The search index in bundles of bounded size: Pagefind's memory grows with the pages it indexes.

Pagefind needs about 6 bytes of memory per byte of HTML it indexes (measured at 10,000
articles: 1.8 GB for one run over the 321 MB of event and article pages; 0.24 GB for 40 MB,
whether of event or of article pages). What it holds grows with the text it indexes, a steady
share of these pages' HTML (stripping the rest saves nothing), so the HTML bytes are the
measure. The pages are split, in sorted order, into bundles of at most `budget` HTML bytes, and
Pagefind indexes one bundle at a time; the search page merges them in the browser (Pagefind's
multisite search, `mergeIndex`), results and filters alike. Where a bundle holds no word that
starts with a searched word, Pagefind searches it for the longest indexed word the searched one
starts with: a rare word can bring such near misses from the bundles that lack it.

- `pages_to_index`: the pages Pagefind indexes (the event and article pages, the ones marked
  data-pagefind-body), sorted, with their sizes;
- `plan_bundles`: sizes in, bundles out (pure);
- `early_bundles` / `later_bundles`: a site too large for one bundle is indexed in two steps
  (pure): its article pages, as soon as they are written (Pelican writes them first), while the
  event pages are still being written, then the rest;
- `bundle_path`: where bundle i goes: the first at pagefind/, where the search page loads
  Pagefind's UI from, the others at pagefind/more/1/, pagefind/more/2/, ... (inside the first:
  one folder for everything Pagefind writes, and a path the first bundle's does not start with,
  which is what mergeIndex requires);
- `make_stable`: rewrites a bundle Pagefind wrote so that the same pages give the same files,
  byte for byte (Pagefind writes its filter files in hash-map order);
- `BundleIndexer`: runs Pagefind over each bundle, one after another, in a background thread,
  taking bundles as they are added. Each run sees only its bundle's pages: they are hard-linked
  (copied where linking fails) into a temporary folder inside the site, at the same relative
  paths, so every URL comes out as from the whole site. Pagefind's own `--glob` takes one
  pattern, not a list of thousands of files.

No Pelican here.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import queue
import shutil
import struct
import subprocess
import threading
from typing import Any, Iterable, Sequence

MB = 1_000_000
DEFAULT_BUNDLE_MB = 40  # pelicanconf.py's NEWSPRISM_SEARCH_BUNDLE_MB says why
INDEXED_FOLDERS = ("articles", "events")  # <folder>/<slug>/index.html, marked data-pagefind-body
EARLY_FOLDER = "articles"  # Pelican writes the article pages before the event pages exist
BUNDLE_ROOT = "pagefind"
STAGING = ".search-bundle"  # the temporary folder inside the site: <i>/ holds bundle i's pages


def pages_to_index(site: str, folders: Sequence[str] = INDEXED_FOLDERS) -> list[tuple[str, int]]:
    """(path relative to the site, in "/" form; size in bytes) of every page Pagefind indexes
    (of `folders` only, when given), sorted by path."""
    pages = []
    for folder in folders:
        try:
            entries = list(os.scandir(os.path.join(site, folder)))
        except FileNotFoundError:
            continue
        for entry in entries:
            page = os.path.join(entry.path, "index.html")
            if entry.is_dir(follow_symlinks=False) and os.path.isfile(page):
                pages.append((f"{folder}/{entry.name}/index.html", os.path.getsize(page)))
    return sorted(pages)


def plan_bundles(pages: Iterable[tuple[str, int]], budget: int | None) -> list[list[str]]:
    """Pages (path, size) in the order given, cut into consecutive bundles: a new bundle starts
    whenever the next page would take the current one over `budget` bytes. A page larger than
    the budget is a bundle of its own; `budget` None is one bundle whatever the size; no pages,
    no bundles."""
    if budget is not None and budget <= 0:
        raise ValueError(f"the search bundle budget must be positive, not {budget}")
    bundles: list[list[str]] = []
    total = 0
    for path, size in pages:
        if not bundles or (budget is not None and total + size > budget):
            bundles.append([])
            total = 0
        bundles[-1].append(path)
        total += size
    return bundles


def early_bundles(article_pages: Sequence[tuple[str, int]], budget: int | None
                  ) -> list[list[str]]:
    """The bundles of the article pages to index before the event pages are written: none
    when the article pages fill half a bundle or less (the event pages are about as large, so
    the whole site may fit one bundle, which all pages then share), else the article pages cut
    by `plan_bundles`: the site needs several bundles anyway, and Pagefind gets to work on
    them while the build process writes the event pages."""
    if budget is None or sum(size for _, size in article_pages) <= budget / 2:
        return []
    return plan_bundles(article_pages, budget)


def later_bundles(pages: Iterable[tuple[str, int]], early: Sequence[Sequence[str]],
                  budget: int | None) -> list[list[str]]:
    """The bundles of the pages that no bundle of `early` holds, once every page is written."""
    done = {page for bundle in early for page in bundle}
    return plan_bundles([(path, size) for path, size in pages if path not in done], budget)


def bundle_path(i: int) -> str:
    """Bundle i's folder, relative to the site root, ending in "/"."""
    return f"{BUNDLE_ROOT}/" if i == 0 else f"{BUNDLE_ROOT}/more/{i}/"


class BundleIndexer:
    """Pagefind (`binary`) over each bundle of `site`, one after another, in a background thread.

    start() returns at once; add() queues more bundles (numbered on from the ones before);
    wait() says no more will come and returns the failures (one message per bundle that
    failed); stop() kills the running Pagefind and skips the bundles left. Whatever happens, the
    temporary folder is gone once wait() or stop() returns. The previous build's bundles are
    moved out of the way at once, so output/pagefind/ holds this build's bundles only.

    Each bundle's pages are linked into the temporary folder by add(), in the caller's thread:
    the background thread, while the build process writes pages, would wait for the
    interpreter lock after each of those thousands of file-system calls (seconds in all, where
    linking 2,000 pages takes a tenth of one), and Pagefind would start that much later.
    """

    _END = None  # queued after the last bundle

    def __init__(self, binary: str, site: str, bundles: Sequence[Sequence[str]] = ()):
        self.binary, self.site = binary, os.path.abspath(site)
        self.staging = os.path.join(self.site, STAGING)
        self.errors: list[str] = []
        self.bundles: list[Sequence[str]] = []  # added so far: the next is bundle_path(len)
        self._queue: queue.Queue = queue.Queue()
        self._closed = False
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        self._run: subprocess.Popen | None = None
        self._thread = threading.Thread(target=self._index_all, name="pagefind", daemon=True)
        try:
            shutil.rmtree(self.staging, ignore_errors=True)  # left by a killed build
            os.makedirs(self.staging)
            previous = os.path.join(self.site, BUNDLE_ROOT)
            if os.path.isdir(previous):  # deleted with the temporary folder, at the end
                os.rename(previous, os.path.join(self.staging, "previous"))
        except OSError as exc:
            self.errors.append(f"search index not built: {exc}")
            self._stopped.set()
        self.add(bundles)

    def start(self) -> "BundleIndexer":
        self._thread.start()
        return self

    def add(self, bundles: Iterable[Sequence[str]]) -> None:
        if self._closed:
            raise RuntimeError("no bundle can be added once the indexer is waited for")
        for pages in bundles:
            i = len(self.bundles)
            self.bundles.append(pages)
            if self._stopped.is_set():
                continue
            try:
                stage_pages(self.site, os.path.join(self.staging, str(i)), pages)
            except OSError as exc:  # disk full, ...: reported like a failed run
                self.errors.append(f"{bundle_path(i)} ({len(pages)} pages) not built: {exc}")
                continue
            self._queue.put(i)

    def _close(self) -> None:
        if not self._closed:
            self._closed = True
            self._queue.put(self._END)

    def wait(self) -> list[str]:
        self._close()
        if self._thread.ident is not None:  # started
            self._thread.join()
        shutil.rmtree(self.staging, ignore_errors=True)
        return self.errors

    def stop(self) -> None:
        self._stopped.set()
        self._close()
        with self._lock:
            if self._run is not None and self._run.poll() is None:
                self._run.kill()
        if self._thread.ident is not None:  # started
            self._thread.join()
        shutil.rmtree(self.staging, ignore_errors=True)

    def _index_all(self) -> None:
        while (i := self._queue.get()) is not self._END:
            if self._stopped.is_set():
                return
            self._index(i)

    def _index(self, i: int) -> None:
        staged = os.path.join(self.staging, str(i))
        out_dir = os.path.join(self.site, bundle_path(i))
        with self._lock:
            if self._stopped.is_set():
                return
            self._run = subprocess.Popen(
                [self.binary, "--site", staged, "--output-path", out_dir, "--silent"],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True)
        out, err = self._run.communicate()
        if self._run.returncode != 0 and not self._stopped.is_set():
            self.errors.append(f"{bundle_path(i)} ({len(self.bundles[i])} pages), exit "
                               f"{self._run.returncode}: {(err or out).strip()}")
        elif self._run.returncode == 0:
            try:
                make_stable(out_dir)
            except (OSError, ValueError) as exc:  # the bundle still works, as Pagefind wrote it
                self.errors.append(f"{bundle_path(i)} left as Pagefind wrote it, not made "
                                   f"byte-stable: {exc}")


def stage_pages(site: str, staging: str, pages: Iterable[str]) -> None:
    """Each page of `site` at the same relative path under `staging`: a hard link, or a copy
    where the file system refuses links."""
    link = True
    for rel in pages:
        src, dst = os.path.join(site, rel), os.path.join(staging, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if link:
            try:
                os.link(src, dst)
                continue
            except OSError:
                link = False
        shutil.copyfile(src, dst)


# --- byte-stable bundles ------------------------------------------------------------------
# Pagefind (1.5) writes each filter file (filter/<lang>_<hash>.pf_filter: one filter's values,
# each with the pages that have it) with its values in hash-map order, which differs between
# two runs over the same pages (Pagefind issue #638: fixed for the fragments, not for the
# filters), and names it by a hash of its bytes; the metadata file (pagefind.<lang>_<hash>.
# pf_meta) lists the filter files by those names, and pagefind-entry.json names the metadata
# file; it lists the filters in hash-map order too. Each of those files is gzip of
# "pagefind_dcd" and one CBOR value. `make_stable` sorts each filter's values and the list of
# filters, gives the filter and metadata files names hashed from their new bytes, and rewrites
# the names where they are given: the search page loads them by name and checks no hash. A
# file it cannot read as that format is a ValueError, and the bundle is left as it is.

_PAGEFIND_MAGIC = b"pagefind_dcd"


def make_stable(bundle: str) -> None:
    """Rewrite the Pagefind bundle in folder `bundle` so that the same pages give the same
    files byte for byte (see above). Every file is read before any is written, and the entry
    names the new metadata only once every new file is written: a bundle that cannot be made
    stable still works as Pagefind wrote it. A bundle with no filter files is left as it is."""
    filters = os.path.join(bundle, "filter")
    names = sorted(os.listdir(filters)) if os.path.isdir(filters) else []
    old_files = [os.path.join(filters, f) for f in names if f.endswith(".pf_filter")]
    if not old_files:
        return
    new_files: dict[str, bytes] = {}  # path -> gzipped bytes
    renamed: dict[str, str] = {}  # old hash name ("en_9f3a1c2") -> new
    for path in old_files:
        value = _read_pagefind(path)
        if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], list)):
            raise ValueError(f"{os.path.basename(path)}: not a filter file as Pagefind 1.x "
                             "writes it")
        value[1].sort(key=lambda entry: _cbor(entry[0]))  # its values, each with its pages
        old = os.path.basename(path)[:-len(".pf_filter")]
        renamed[old], data = _pagefind_file(old, value, 7)
        new_files[os.path.join(filters, renamed[old] + ".pf_filter")] = data
    entry_path = os.path.join(bundle, "pagefind-entry.json")
    with open(entry_path, encoding="utf-8") as fh:
        entry = fh.read()
    for meta_name in sorted(f for f in os.listdir(bundle) if f.endswith(".pf_meta")):
        path = os.path.join(bundle, meta_name)
        old_files.append(path)
        old = meta_name[len("pagefind."):-len(".pf_meta")]
        new, data = _pagefind_file(old, _stable_meta(_read_pagefind(path), renamed), 10)
        new_files[os.path.join(bundle, f"pagefind.{new}.pf_meta")] = data
        entry = entry.replace(f'"{old}"', f'"{new}"')
    for path, data in new_files.items():
        with open(path, "wb") as fh:
            fh.write(data)
    with open(entry_path + ".new", "w", encoding="utf-8") as fh:
        fh.write(entry)
    os.replace(entry_path + ".new", entry_path)
    for path in old_files:
        if path not in new_files:
            os.remove(path)


def _read_pagefind(path: str) -> Any:
    with open(path, "rb") as fh:
        try:
            raw = gzip.decompress(fh.read())
        except (OSError, EOFError) as exc:
            raise ValueError(f"{os.path.basename(path)}: {exc}") from None
    if not raw.startswith(_PAGEFIND_MAGIC):
        raise ValueError(f"{os.path.basename(path)}: not a Pagefind file")
    value, end = _uncbor(raw, len(_PAGEFIND_MAGIC))
    if end != len(raw):
        raise ValueError(f"{os.path.basename(path)}: bytes after its value")
    return value


def _pagefind_file(old: str, value: Any, digits: int) -> tuple[str, bytes]:
    """The name (the language part of the old one kept: "en_", then `digits` of the hash of
    its bytes) and the gzipped bytes of `value` as a Pagefind file."""
    raw = _PAGEFIND_MAGIC + _cbor(value)
    new = old.rsplit("_", 1)[0] + "_" + hashlib.sha256(raw).hexdigest()[:digits]
    return new, gzip.compress(raw, compresslevel=9, mtime=0)


def _stable_meta(value: Any, renamed: dict[str, str]) -> Any:
    """The metadata with the filter files' new names, its list of filters ([name, file], in
    hash-map order too) sorted by name."""
    if isinstance(value, str):
        return renamed.get(value, value)
    if not isinstance(value, list):
        return value
    out = [_stable_meta(v, renamed) for v in value]
    files = set(renamed.values())
    if out and all(isinstance(v, list) and len(v) == 2 and isinstance(v[1], str)
                   and v[1] in files for v in out):
        out.sort(key=lambda v: _cbor(v[0]))
    return out


# The CBOR Pagefind writes: unsigned integers, text and byte strings, arrays (RFC 8949).
def _cbor(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        raise ValueError(f"unexpected value in a Pagefind file: {value!r}")
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _cbor_head(3, len(data)) + data
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(map(_cbor, value))
    raise ValueError(f"unexpected value in a Pagefind file: {value!r}")


def _cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for extra, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if n < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | extra]) + struct.pack(fmt, n)
    raise ValueError(f"number too large for CBOR: {n}")


def _uncbor(raw: bytes, i: int) -> tuple[Any, int]:
    """The CBOR value at raw[i:] and where it ends."""
    if i >= len(raw):
        raise ValueError("a Pagefind file ends inside a value")
    major, extra = raw[i] >> 5, raw[i] & 31
    i += 1
    if extra < 24:
        n = extra
    elif extra <= 27:
        size = 1 << (extra - 24)
        if i + size > len(raw):
            raise ValueError("a Pagefind file ends inside a value")
        n = int.from_bytes(raw[i:i + size], "big")
        i += size
    else:
        raise ValueError(f"unexpected CBOR item {raw[i - 1]:#x} in a Pagefind file")
    if major == 0:
        return n, i
    if major == 1:
        return -1 - n, i
    if major in (2, 3):
        if i + n > len(raw):
            raise ValueError("a Pagefind file ends inside a string")
        data = raw[i:i + n]
        return (data.decode("utf-8") if major == 3 else data), i + n
    if major == 4:
        items = []
        for _ in range(n):
            item, i = _uncbor(raw, i)
            items.append(item)
        return items, i
    raise ValueError(f"unexpected CBOR item (major type {major}) in a Pagefind file")
