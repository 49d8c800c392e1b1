"""Build speed: the digest against plain Pelican on the same articles, in one run.

    .venv/bin/python benchmarks/build_speed.py                       # seeds as corpus
    .venv/bin/python benchmarks/build_speed.py --corpus ../shared/data/newswcl50 \
        --sizes 500,2000,10000 --repeats 3
    .venv/bin/python benchmarks/build_speed.py --quick               # smoke test, ~1 minute

For each size N it writes N distinct articles (benchmarks/corpus.py) as Markdown with Pelican
metadata, then, alternating, builds them in fresh subprocesses:

- plain:    Pelican with PLUGINS=[] and its default theme (pelican-quickstart's settings);
- digest:   the project's pelicanconf.py, cold (empty cache), in one process and on Dask with
            2 local processes; "digest" in the table is what the default settings choose at
            that size (one process below NEWSPRISM_PARALLEL_MIN uncached articles);
- warm:     the digest again after adding one article, on the cache the cold build left.

and prints medians over the repeats: wall seconds, articles per second, CPU seconds (the
machine is shared: CPU time is the steadier measure), peak RSS of the build's process tree
(Dask workers included), and the ratios the targets are stated in. A benchmark, not a test:
it never fails a build, it prints PASS/FAIL against the targets.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "plugins"))
import corpus as corpus_mod  # noqa: E402
from newsprism.parallel import ParallelConfig  # noqa: E402

PLAIN_SETTINGS = '''# pelican-quickstart's answers: default theme, no plugins, no feeds while developing
AUTHOR = "Benchmark"
SITENAME = "Plain Pelican"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
PLUGINS = []
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = 10
RELATIVE_URLS = True
'''


def pelican_cmd(content: Path, output: Path, settings: Path, **extra: object) -> list[str]:
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(settings),
           "-q"]
    if extra:  # Pelican's --extra-settings: KEY=json-value
        cmd += ["-e"] + [f"{k}={json.dumps(v)}" for k, v in extra.items()]
    return cmd


def run_build(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run one build; wall seconds, CPU seconds and peak RSS (MB) of its whole process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:  # sum over the tree: Dask workers are processes of their own
        try:
            rss = 0
            for p in [ps] + ps.children(recursive=True):
                try:
                    rss += p.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - start
    out = proc.stdout.read().decode("utf-8", "replace")
    proc.stdout.close()
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}): {' '.join(cmd)}\n{out[-3000:]}")
    return {"wall": wall, "peak_mb": peak / 2**20}


def timed(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = run_build(cmd, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # the build and every process it waited for (its Dask workers included)
    result["cpu"] = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return result


def tree_digest(folder: Path) -> str:
    """One hash of every file written, the search index included."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def add_one_article(content: Path, n: int) -> Path:
    """A new, distinct article for the warm rebuild (a copy of one with a new title)."""
    source = sorted(content.rglob("*.md"))[0]
    text = source.read_text(encoding="utf-8").replace("Title: ", "Title: Update: ", 1)
    path = content / f"added-{n}.md"
    path.write_text(text, encoding="utf-8")
    return path


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "seeds",
                    help="folder of article files to copy from (default: the repo's seeds)")
    ap.add_argument("--sizes", default="500,2000,10000")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="sizes 100,400, one repeat")
    ap.add_argument("--no-dask", action="store_true", help="skip the 2-process builds")
    ap.add_argument("--workdir", type=Path, help="keep generated files here (default: temp)")
    ap.add_argument("--json", type=Path, help="also write the raw measurements here")
    args = ap.parse_args(argv)
    sizes = [100, 400] if args.quick else [int(s) for s in args.sizes.split(",")]
    repeats = 1 if args.quick else args.repeats

    work = args.workdir or Path(tempfile.mkdtemp(prefix="newsprism-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    plain_conf = work / "plainconf.py"
    plain_conf.write_text(PLAIN_SETTINGS, encoding="utf-8")
    sources = corpus_mod.load_corpus(args.corpus)
    print(f"corpus: {args.corpus} ({len(sources)} articles); sizes {sizes}; {repeats} repeats; "
          f"{os.cpu_count()} cores; work folder {work}", flush=True)
    contents = {}
    for n in sizes:
        contents[n] = work / f"content-{n}"
        shutil.rmtree(contents[n], ignore_errors=True)
        corpus_mod.generate(sources, n, contents[n])

    base_env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSPRISM_")}
    base_env["NEWSPRISM_PROGRESS"] = "0"
    default = ParallelConfig.from_values("auto")
    runs: dict[tuple[int, str], list[dict]] = {}
    identical: dict[int, bool] = {}
    for rep in range(repeats):
        for n in sizes:
            content, out = contents[n], work / "out"
            kinds = ["plain", "digest1"] + ([] if args.no_dask else ["digest2"])
            if rep % 2:
                kinds.reverse()  # alternate the order: drift on a shared machine cancels out
            shutil.rmtree(out, ignore_errors=True)
            for kind in kinds:
                cache = work / f"cache-{kind}"
                shutil.rmtree(cache, ignore_errors=True)
                env = dict(base_env, NEWSPRISM_CACHE=str(cache))
                if kind == "plain":
                    cmd = pelican_cmd(content, out / kind, plain_conf)
                else:  # digest1: one process; digest2: Dask on 2 processes, whatever the size
                    cmd = pelican_cmd(content, out / kind, ROOT / "pelicanconf.py",
                                      NEWSPRISM_WORKERS=int(kind[-1]), NEWSPRISM_PARALLEL_MIN=0)
                r = timed(cmd, env)
                runs.setdefault((n, kind), []).append(r)
                print(f"  N={n:>6} {kind:8} {r['wall']:8.2f} s wall {r['cpu']:8.2f} s cpu "
                      f"{r['peak_mb']:7.0f} MB", flush=True)
                if kind == "digest1":  # warm rebuild on this cache, one article added
                    added = add_one_article(content, n)
                    w = timed(pelican_cmd(content, out / "warm", ROOT / "pelicanconf.py"), env)
                    added.unlink()
                    runs.setdefault((n, "warm"), []).append(w)
                    print(f"  N={n:>6} warm+1   {w['wall']:8.2f} s wall {w['cpu']:8.2f} s cpu "
                          f"{w['peak_mb']:7.0f} MB", flush=True)
            if "digest2" in kinds and rep == 0:
                identical[n] = (tree_digest(out / "digest1") == tree_digest(out / "digest2")
                                and (out / "digest1" / "data" / "events.json").is_file())
            shutil.rmtree(out, ignore_errors=True)

    def m(n, kind, field="wall"):
        return median([r[field] for r in runs.get((n, kind), [])])

    def paired(n, kind, base, field="wall"):
        """Median over the repeats of each repeat's own ratio: builds that ran side by side
        are compared, so the machine's drift between repeats cancels out."""
        return median([a[field] / b[field]
                       for a, b in zip(runs.get((n, kind), []), runs.get((n, base), []))])

    rows, checks = [], []
    for n in sizes:
        plain, one, two = m(n, "plain"), m(n, "digest1"), m(n, "digest2")
        dask_default = default.pays(n) and not args.no_dask  # measured with 2 processes
        digest = two if dask_default else one
        kind = "digest2" if dask_default else "digest1"
        rows.append(dict(
            N=n, plain_s=plain, digest_s=digest, mode="dask x2" if dask_default else "1 proc",
            ratio=paired(n, kind, "plain"), plain_aps=n / plain, digest_aps=n / digest,
            plain_cpu=m(n, "plain", "cpu"), digest_cpu=m(n, kind, "cpu"),
            cpu_ratio=paired(n, kind, "plain", "cpu"),
            plain_mb=m(n, "plain", "peak_mb"), digest_mb=m(n, kind, "peak_mb"),
            one_s=one, two_s=two, speedup=1 / paired(n, "digest2", "digest1"),
            warm_s=m(n, "warm"), warm_ratio=paired(n, "warm", "digest1"),
            identical=identical.get(n)))
    print()
    print(f"medians of {repeats} run(s); ratios are medians of each repeat's own ratio; digest = "
          f"the default settings' choice on this machine ("
          + (f"Dask from {default.min_items} uncached articles on {default.workers} processes)"
             if default.enabled else "one process: 'auto' found one core)"))
    head = ("N", "plain s", "digest s", "mode", "digest/plain", "plain art/s", "digest art/s",
            "cpu ratio", "plain MB", "digest MB", "1-proc s", "2-proc s", "speed-up",
            "warm+1 s", "warm/cold", "1p==2p")
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for r in rows:
        print(" | ".join([
            f"{r['N']}", f"{r['plain_s']:.1f}", f"{r['digest_s']:.1f}", r["mode"],
            f"{r['ratio']:.2f}", f"{r['plain_aps']:.0f}", f"{r['digest_aps']:.0f}",
            f"{r['cpu_ratio']:.2f}", f"{r['plain_mb']:.0f}", f"{r['digest_mb']:.0f}",
            f"{r['one_s']:.1f}", f"{r['two_s']:.1f}", f"{r['speedup']:.2f}x",
            f"{r['warm_s']:.1f}", f"{r['warm_ratio']:.2f}",
            {True: "yes", False: "NO", None: "-"}[r["identical"]]]))
    by_n = {r["N"]: r for r in rows}
    print()
    for n in (500, 2000):
        if n in by_n:
            checks.append((f"digest <= 1.5x plain at {n}", by_n[n]["ratio"] <= 1.5))
    if 500 in by_n and 2000 in by_n:
        checks.append(("time at 2,000 <= 4.4x time at 500",
                       by_n[2000]["digest_s"] <= 4.4 * by_n[500]["digest_s"]))
    if 10000 in by_n:
        checks.append(("peak RSS at 10,000 <= 1.5 GB", by_n[10000]["digest_mb"] <= 1536))
    for r in rows:
        checks.append((f"warm rebuild +1 article <= 0.6x cold at {r['N']}", r["warm_ratio"] <= 0.6))
        if r["identical"] is not None:
            checks.append((f"1-process and Dask output byte-identical at {r['N']}", r["identical"]))
    for name, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {name}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "runs": {f"{k[0]}/{k[1]}": v
                                                               for k, v in runs.items()}},
                                        indent=1), encoding="utf-8")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
