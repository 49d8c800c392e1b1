"""Browser-test helpers: serve a built site under a sub-path on 127.0.0.1, and Debian's Chromium.

The site folder is served from its parent, so pages live at http://127.0.0.1:PORT/<folder>/,
as on GitHub Pages project sites (https://user.github.io/repo/): any link that assumes the
site is at the server root breaks the tests.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".pagefind": "application/wasm", ".pf_meta": "application/octet-stream",
                      ".pf_filter": "application/octet-stream",
                      ".pf_index": "application/octet-stream",
                      ".pf_fragment": "application/octet-stream",
                      ".js": "text/javascript", ".svg": "image/svg+xml",
                      ".xml": "application/xml"}

    def log_message(self, *args):  # keep test output clean
        pass


@contextlib.contextmanager
def serve_under_subpath(site: Path):
    """Yield the site's base URL, e.g. http://127.0.0.1:PORT/site/ (ends with a slash)."""
    handler = functools.partial(_QuietHandler, directory=str(site.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{site.name}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
