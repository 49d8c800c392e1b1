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
