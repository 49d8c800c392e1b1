"""Shared test helpers: a real Pelican build into a temp folder, and no network, ever."""
from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
NEWSWCL50 = SHARED / "data" / "newswcl50"

# Offline, always: tests/offline/sitecustomize.py blocks every connection and name lookup off
# this machine, here and (through PYTHONPATH) in every Python subprocess the tests start; each
# attempt is also logged to NETWORK_LOG, so one that a library catches still fails its test.
OFFLINE = ROOT / "tests" / "offline"
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(OFFLINE)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])
NETWORK_LOG = Path(tempfile.mkstemp(prefix="newsprism-network-", suffix=".log")[1])
os.environ["NEWSPRISM_NETWORK_LOG"] = str(NETWORK_LOG)
atexit.register(NETWORK_LOG.unlink, missing_ok=True)
sys.path.insert(0, str(OFFLINE))
import sitecustomize as offline  # noqa: E402  (installs the guard in this process)

offline.install()


@pytest.fixture(autouse=True)
def no_network_attempt():
    """Fails the test during which anything (in this process or a child) tried the network."""
    before = NETWORK_LOG.stat().st_size
    yield
    with NETWORK_LOG.open(encoding="utf-8") as fh:
        fh.seek(before)
        attempts = fh.read()
    assert not attempts, f"network access attempted during this test:\n{attempts}"


# Builds cache analyses under a temporary folder, never the repo's cache/ (pelicanconf.py reads
# it), removed when the tests end.
if "NEWSPRISM_CACHE" not in os.environ:
    os.environ["NEWSPRISM_CACHE"] = tempfile.mkdtemp(prefix="newsprism-test-cache-")
    atexit.register(shutil.rmtree, os.environ["NEWSPRISM_CACHE"], ignore_errors=True)


def run_pelican(content: Path, output: Path, settings: Path | None = None,
                extra: list[str] | None = None) -> subprocess.CompletedProcess:
    """Build `content` into `output` with the project's settings, as a user would."""
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output),
           "-s", str(settings or ROOT / "pelicanconf.py")] + (extra or [])
    env = dict(os.environ, COLUMNS="1000")  # one log record, one line: no wrapping
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)


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


def site_files(root: Path, search: bool = True) -> dict[str, bytes]:
    """Every file a build wrote, by relative path; Pagefind's search bundles too, unless not
    `search`."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and (search or p.relative_to(root).parts[0] != "pagefind")}


def build(content: Path, output: Path) -> Site:
    run = run_pelican(content, output)
    assert run.returncode == 0, run.stderr + run.stdout
    return Site(output, run)


def seeds_copy(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("seeds-content")
    for f in SEEDS.iterdir():
        shutil.copy(f, content / f.name)
    return content


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory) -> Site:
    """The five seed articles built once for the whole session, into a folder named like a
    GitHub repository (the browser tests serve it under that sub-path)."""
    return build(seeds_copy(tmp_path_factory), tmp_path_factory.mktemp("pages") / "repo")


# A search bundle budget (MB of HTML) small enough to cut the seeds' six indexed pages (five
# articles of 9-18 KB, one event page of about 58 KB) into several bundles.
TINY_BUNDLE_MB = 0.03


@pytest.fixture(scope="session")
def bundled_seeds_site(tmp_path_factory) -> Site:
    """The seeds built with a tiny search bundle budget, so Pagefind writes several bundles;
    in a folder named like a GitHub repository, as seeds_site."""
    output = tmp_path_factory.mktemp("pages-bundled") / "repo"
    run = run_pelican(seeds_copy(tmp_path_factory), output,
                      extra=["-e", f"NEWSPRISM_SEARCH_BUNDLE_MB={TINY_BUNDLE_MB}"])
    assert run.returncode == 0, run.stderr + run.stdout
    return Site(output, run)


def analyse_files(paths):
    """Parse and analyse article files with the core alone (no Pelican)."""
    from newsprism.analyse import analyse_article
    from newsprism.parse import parse_article
    return [analyse_article(parse_article(p.read_bytes(), p.name)) for p in sorted(paths)]


def compare_files(paths, slug="event"):
    """Analyse files and compare them as one event."""
    from newsprism.compare import compare_event
    from newsprism.model import Event
    analyses = analyse_files(paths)
    event = Event(slug=slug, title=slug, article_ids=[a.article.id for a in analyses])
    return analyses, compare_event(event, analyses)


@pytest.fixture(scope="session")
def seed_comparison():
    return compare_files(SEEDS.glob("*.txt"), "seeds")
