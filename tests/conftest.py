"""Shared test helpers: a real Pelican build into a temp folder, and no network, ever."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
NEWSWCL50 = SHARED / "data" / "newswcl50"

_real_connect = socket.socket.connect


def _loopback_only(self, address):
    """The suite runs offline: any connection off this machine is a test failure."""
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (host in ("localhost", "::1") or host.startswith("127.")
                                  or self.family == socket.AF_UNIX):
        return _real_connect(self, address)
    raise AssertionError(f"network access attempted during tests: {address!r}")


socket.socket.connect = _loopback_only
# Builds cache analyses under a temporary folder, never the repo's cache/ (pelicanconf.py reads it).
os.environ.setdefault("NEWSPRISM_CACHE", tempfile.mkdtemp(prefix="newsprism-test-cache-"))


def run_pelican(content: Path, output: Path, settings: Path | None = None,
                extra: list[str] | None = None) -> subprocess.CompletedProcess:
    """Build `content` into `output` with the project's settings, as a user would."""
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output),
           "-s", str(settings or ROOT / "pelicanconf.py")] + (extra or [])
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


class Site:
    """A built site: its folder and readers for what it wrote."""

    def __init__(self, root: Path, run: subprocess.CompletedProcess):
        self.root, self.run = root, run

    def json(self, rel: str):
        return json.loads((self.root / rel).read_text(encoding="utf-8"))

    def text(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    @property
    def events(self) -> list[dict]:
        return self.json("data/events.json")["events"]

    def event(self, slug: str) -> dict:
        return self.json(f"data/events/{slug}.json")


def build(content: Path, output: Path) -> Site:
    run = run_pelican(content, output)
    assert run.returncode == 0, run.stderr + run.stdout
    return Site(output, run)


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory) -> Site:
    """The five seed articles built once for the whole session."""
    content = tmp_path_factory.mktemp("seeds-content")
    for f in SEEDS.iterdir():
        shutil.copy(f, content / f.name)
    return build(content, tmp_path_factory.mktemp("seeds-site"))
