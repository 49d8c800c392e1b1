"""publish.sh against a local bare repository standing in for GitHub."""
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, SEEDS


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def publish(*args, env_extra=None):
    import os
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run(["bash", str(ROOT / "publish.sh"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, env=env)


def seeds_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, content)
    return content


def test_publishes_to_gh_pages_and_keeps_history(tmp_path):
    bare = tmp_path / "origin.git"
    git("init", "--bare", "-q", str(bare), cwd=tmp_path)
    content = seeds_content(tmp_path)

    run = publish("--remote", str(bare), "--content", str(content),
                  env_extra={"NEWSPRISM_CNAME": "news.example.org"})
    assert run.returncode == 0, run.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split()
    assert "index.html" in files and ".nojekyll" in files and "CNAME" in files
    assert "data/events.json" in files and "data/build-report.json" in files

    run = publish("--remote", str(bare), "--content", str(content))
    assert run.returncode == 0, run.stderr
    assert len(git("log", "--format=%H", "gh-pages", cwd=bare).split()) == 2


def test_dry_run_pushes_nothing(tmp_path):
    bare = tmp_path / "origin.git"
    git("init", "--bare", "-q", str(bare), cwd=tmp_path)
    run = publish("--dry-run", "--remote", str(bare), "--content", str(seeds_content(tmp_path)))
    assert run.returncode == 0, run.stderr
    assert "dry run" in run.stdout
    assert git("branch", "--list", cwd=bare).strip() == ""


def test_failed_build_publishes_nothing(tmp_path):
    bare = tmp_path / "origin.git"
    git("init", "--bare", "-q", str(bare), cwd=tmp_path)
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "broken.txt").write_bytes(b"")
    run = publish("--remote", str(bare), "--content", str(empty))
    assert run.returncode != 0
    assert "nothing was published" in run.stderr
    assert git("branch", "--list", cwd=bare).strip() == ""


def test_skipped_bad_inputs_do_not_stop_publishing(tmp_path):
    bare = tmp_path / "origin.git"
    git("init", "--bare", "-q", str(bare), cwd=tmp_path)
    content = seeds_content(tmp_path)
    (content / "empty.txt").write_bytes(b"")
    (content / "binary.md").write_bytes(b"\x00\x01\x02" * 100)
    run = publish("--remote", str(bare), "--content", str(content))
    assert run.returncode == 0, run.stderr
    assert "empty.txt was skipped" in run.stderr and "binary.md was skipped" in run.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split()
    assert "index.html" in files and ".nojekyll" in files and "CNAME" not in files


def test_a_build_report_with_errors_publishes_nothing(tmp_path):
    """A file that broke the reader (here: made to, by the settings) is an error, even though
    the build itself exits 0 with the other articles."""
    bare = tmp_path / "origin.git"
    git("init", "--bare", "-q", str(bare), cwd=tmp_path)
    content = seeds_content(tmp_path)
    shutil.copy(next(SEEDS.glob("000*")), content / "boom.txt")
    settings = tmp_path / "breaking.py"
    settings.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from publishconf import *  # noqa\n"
        "from newsprism.pelican_plugin.readers import NewsArticleReader\n"
        "_read = NewsArticleReader.read\n"
        "def _explode(self, path):\n"
        "    if path.endswith('boom.txt'):\n"
        "        raise RuntimeError('the reader broke')\n"
        "    return _read(self, path)\n"
        "NewsArticleReader.read = _explode\n", encoding="utf-8")
    run = publish("--remote", str(bare), "--content", str(content), "--settings", str(settings))
    assert run.returncode != 0
    assert "boom.txt" in run.stderr and "nothing was published" in run.stderr
    assert git("branch", "--list", cwd=bare).strip() == ""


def test_publishing_twice_keeps_history_and_replaces_the_whole_tree(tmp_path):
    bare = tmp_path / "origin.git"
    git("init", "--bare", "-q", str(bare), cwd=tmp_path)
    content = seeds_content(tmp_path)
    assert publish("--remote", str(bare), "--content", str(content)).returncode == 0
    first = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split())
    for f in list(content.glob("00[1-4]*.txt")):
        f.unlink()  # the next site has fewer pages: none of the old ones may linger
    run = publish("--remote", str(bare), "--content", str(content))
    assert run.returncode == 0, run.stderr
    second = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split())
    pages = {f for f in first | second if not f.startswith("pagefind/")}  # search bundle: hashed names
    assert second & pages < first & pages and not any("001-" in f for f in second)
    assert len(git("log", "--format=%H", "gh-pages", cwd=bare).split()) == 2
