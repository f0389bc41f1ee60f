#!/usr/bin/env python
"""CPU seconds per pass of two trees, interleaved pass by pass (not part of the test suite).

    python bench/bench_paired.py 577d4a6                 # a commit against the work tree, 5 passes each
    python bench/bench_paired.py 577d4a6 HEAD --rounds 7
    python bench/bench_paired.py 577d4a6 --ner-model none
    python bench/bench_paired.py 577d4a6 --cron --rounds 11  # cron no-op runs (fresh processes) instead

On a shared machine the wall time of one run swings by 30% and more with the other jobs; CPU time
(``time.process_time`` of the process doing the pass) swings less, and passes of the two trees run in turn
(A B B A A B ...) so that load changes hit both alike. Each side is a worker process that imports the
extractor of its own tree (a commit is checked out with ``git worktree add`` into a temporary folder),
loads its pipeline once, warms it up, then runs whole passes over bench_pipeline's 1,000-article sample
on request, each as ``rasd extract`` sends articles (batches of the tree's own ``extractor.parallel.BATCH``;
16 when a tree has none). Printed: per side, the median and minimum CPU seconds per pass, articles/s
from the median, and the ratio B / A of the medians and of the per-round pairs' median; the rows of the
last pass are compared too (a speed change must leave them identical).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
WORKTREE = "WORKTREE"


def worker(tree: Path, ner: str, n: int, warmup: int, warm: bool = False) -> None:
    """One side: read "pass" lines on stdin, answer each with one JSON line on stdout. Each pass runs in a forked
    child of the warmed-up worker (unless ``warm``), so that it reads the sample's texts for the first time, as a
    run does (bench_pipeline.cold: a pass over texts read before costs about a quarter less CPU)."""
    sys.path.insert(0, str(tree))
    from datetime import date

    import extractor  # the tree's own: imported before bench_pipeline, which puts the work tree on sys.path
    from extractor.document import Article
    from extractor.pipeline import Pipeline

    from bench_pipeline import DEFAULT_DATA, load_corpus, sample  # isort: skip

    if Path(extractor.__file__).resolve().parent != (tree / "extractor").resolve():
        raise SystemExit(f"bench_paired: imported {extractor.__file__}, not the tree {tree}")
    try:
        from extractor.parallel import BATCH as batch
    except ImportError:
        batch = 16
    arts = sample(load_corpus(DEFAULT_DATA), n, 20150721, 300, 500)
    articles = [Article(id=a["id"], text=a["text"], published=date.fromisoformat(a["date"]) if a["date"] else None,
                        date_basis="json" if a["date"] else "", source=a["source"]) for a in arts]  # fmt: skip
    pipe = Pipeline(None if ner == "none" else ner)
    for i in range(0, min(warmup, len(articles)), batch):
        pipe.process_many(articles[i : min(warmup, i + batch)])
    print(json.dumps({"ready": True, "batch": batch, "articles": len(articles)}), flush=True)
    for line in sys.stdin:
        if line.strip() != "pass":
            break
        pid = 0 if warm else os.fork()
        if pid:  # the worker: the child answers on the shared stdout
            os.waitpid(pid, 0)
            continue
        rows = []
        c0, w0 = time.process_time(), time.perf_counter()
        for i in range(0, len(articles), batch):
            for r in pipe.process_many(articles[i : i + batch]):
                rows += [json.dumps(e.to_dict(), sort_keys=True, default=str) for e in r.events]
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        print(json.dumps({"cpu": cpu, "wall": wall, "rows": rows}), flush=True)
        if not warm:
            os._exit(0)


class Side:
    def __init__(self, label: str, tree: Path, args):
        self.label, self.cpu, self.wall, self.rows = label, [], [], []
        env = dict(os.environ, PYTHONPATH=str(tree), SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1700000000"))
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(tree), "--ner-model", args.ner_model,
               "--n", str(args.n), "--warmup", str(args.warmup)] + (["--warm"] if args.warm else [])  # fmt: skip
        self.proc = subprocess.Popen(cmd, cwd=str(tree), env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ready(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"bench_paired: the worker of {self.label} stopped")
        return json.loads(line)

    def run_pass(self) -> None:
        self.proc.stdin.write("pass\n")
        self.proc.stdin.flush()
        got = json.loads(self.proc.stdout.readline())
        self.cpu.append(got["cpu"])
        self.wall.append(got["wall"])
        self.rows = got["rows"]

    def close(self) -> None:
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        self.proc.wait(timeout=60)


def cron_pairs(trees: list[tuple[str, Path]], rounds: int, tmp: Path) -> None:
    """``rasd extract DIR --state S -o F --append`` over the 1,000 sample files, all done: a fresh process per
    run, the two trees in turn, with and without a bytecode cache (an installed rasd has one; this machine may
    set PYTHONDONTWRITEBYTECODE). Wall and CPU seconds (user + system of the child)."""
    import resource

    from bench_pipeline import DEFAULT_DATA, load_corpus, sample

    folder = tmp / "cron-in"
    folder.mkdir()
    for i, a in enumerate(sample(load_corpus(DEFAULT_DATA), 1000, 20150721, 300, 500)):
        (folder / f"a{i:04d}.txt").write_text(a["text"], encoding="utf-8")
    state, out, pyc = tmp / "cron.db", tmp / "cron.jsonl", tmp / "pycache"
    args = ["-m", "cli.main", "extract", str(folder), "--state", str(state), "-o", str(out), "--append", "-f", "jsonl",
            "-q", "--ner-model", "bundled"]  # fmt: skip

    def run(tree: Path, cached: bool) -> tuple[float, float]:
        env = dict(os.environ, PYTHONPATH=str(tree))
        if cached:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(pyc)
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        r0, t0 = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        p = subprocess.run([sys.executable, *args], cwd=str(tree), env=env, capture_output=True, text=True, check=False)
        wall, r1 = time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN)
        if p.returncode != 0:
            raise SystemExit(f"bench_paired: cron run of {tree} failed: {p.stderr.strip()[-300:]}")
        return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)

    print("bench_paired: cron no-op: a first run fills the state ...", file=sys.stderr)
    run(trees[-1][1], True)
    for cached in (False, True):
        got: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in trees}
        for _label, tree in trees:
            run(tree, cached)  # the bytecode cache written (cached) / the files in the page cache
        for r in range(rounds):
            for label, tree in trees if r % 2 == 0 else trees[::-1]:
                got[label].append(run(tree, cached))
        print(f"  cron no-op over 1000 done files, {'with' if cached else 'without'} a bytecode cache, {rounds} runs each:")
        for label, xs in got.items():
            walls, cpus = [w for w, _ in xs], [c for _, c in xs]
            print(f"    {label:28s} wall median {statistics.median(walls):.3f} s (min {min(walls):.3f}); "
                  f"CPU median {statistics.median(cpus):.3f} s (min {min(cpus):.3f})")


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", nargs="?", help="commit (side A)")
    ap.add_argument("b", nargs="?", default=WORKTREE, help=f"commit, or {WORKTREE} (default): side B")
    ap.add_argument("--rounds", type=int, default=5, help="passes per side (default 5)")
    ap.add_argument("--n", type=int, default=1000, help="articles (default 1000: the bench sample)")
    ap.add_argument("--warmup", type=int, default=64, help="articles processed before the first pass (default 64)")
    ap.add_argument("--ner-model", default="bundled", help="bundled (default), official, a model file, or none")
    ap.add_argument("--cron", action="store_true", help="time cron no-op runs of both trees instead of passes")
    ap.add_argument("--warm", action="store_true",
                    help="run every pass in one process, each after the last (texts read before; rounds up to 16)")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.worker, args.ner_model, args.n, args.warmup, args.warm)
        return 0
    if not args.a:
        ap.error("give a commit (side A)")
    tmp = Path(tempfile.mkdtemp(prefix="rasd-paired-"))
    made: list[Path] = []
    sides: list = []  # (label, tree), then the Side workers
    try:
        for rev in (args.a, args.b):
            if rev == WORKTREE:
                sides.append(("work tree", ROOT))
                continue
            sha = _git("rev-parse", "--verify", rev + "^{commit}")
            tree = tmp / sha[:12]
            if not tree.exists():
                _git("worktree", "add", "--detach", str(tree), sha)
                made.append(tree)
            sides.append((f"{rev} ({sha[:9]})", tree))
        if args.cron:
            cron_pairs(sides, args.rounds, tmp)
            return 0
        sides = [Side(label, tree, args) for label, tree in sides]
        info = [s.ready() for s in sides]  # both load at once: the loads are not timed
        load = os.getloadavg()
        for r in range(args.rounds):
            for s in sides if r % 2 == 0 else sides[::-1]:
                s.run_pass()
            print(f"bench_paired: round {r + 1}/{args.rounds}: " + ", ".join(f"{s.label} {s.cpu[-1]:.2f} s CPU"
                                                                         for s in sides), file=sys.stderr)  # fmt: skip
        a, b = sides
        n = info[0]["articles"]
        print(f"bench_paired: {n} articles, NER {args.ner_model}, {args.rounds} passes per side, interleaved; "
              f"load average {load[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
        for s, i in zip(sides, info):
            med = statistics.median(s.cpu)
            print(f"  {s.label:28s} CPU per pass: median {med:.2f} s, min {min(s.cpu):.2f} s ({n / med:.1f} articles/s "
                  f"of CPU; wall median {statistics.median(s.wall):.2f} s); batch {i['batch']}")
        pairs = [y / x for x, y in zip(a.cpu, b.cpu)]
        print(f"  B / A: medians {statistics.median(b.cpu) / statistics.median(a.cpu):.3f}, "
              f"per-round pairs' median {statistics.median(pairs):.3f}, minima {min(b.cpu) / min(a.cpu):.3f}")
        print(f"  rows of the last pass: {'identical' if a.rows == b.rows else 'DIFFERENT'} ({len(a.rows)} / {len(b.rows)})")
        return 0 if a.rows == b.rows else 1
    finally:
        for s in sides:
            if isinstance(s, Side):
                s.close()
        for tree in made:
            _git("worktree", "remove", "--force", str(tree))
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
