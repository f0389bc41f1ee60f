"""Dask against -j: articles/s of `rasd extract --engine dask -j 2` and `rasd extract -j 2` on the same articles.

    python bench/bench_scale.py                 # 2,000 SaudiNewsNet articles, bundled NER, 1 repeat
    python bench/bench_scale.py --n 500 --repeats 2 --ner-model none

Samples ``--n`` articles (seeded) from the SaudiNewsNet zips in ``../shared/data/saudinewsnet/``
(read at run time into a temporary JSONL feed, never copied into the repository: CC BY-NC-SA),
runs both engines as a user would (the CLI, wall clock including start-up and model loads, so the
figure is what a job costs), checks that both wrote the same rows, and prints articles/s for each
and the ratio dask / local (expected near 1 on one machine: the same two worker processes do the
work; Dask adds a scheduler and a network hop per chunk). Runs alternate engines, best of ``--repeats``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import DEFAULT_DATA, load_corpus, sample


def run(cmd: list[str], out: Path) -> float:
    t0 = time.perf_counter()
    r = subprocess.run(cmd + ["-o", str(out), "-q"], cwd=ROOT, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if r.returncode not in (0, 1):
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-2000:]}")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--workers", "-j", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--ner-model", default="bundled")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    a = ap.parse_args()
    if not a.data.exists():
        sys.exit(f"no data at {a.data} (SaudiNewsNet zips; see ../shared/data/saudinewsnet/SOURCE.md)")
    arts = sample(load_corpus(a.data), a.n, a.seed, 0, 0)
    with tempfile.TemporaryDirectory(prefix="rasd-bench-scale-") as tmp:
        feed = Path(tmp) / "feed.jsonl"
        with open(feed, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(art, ensure_ascii=False) + "\n" for art in arts)
        base = [sys.executable, "-m", "cli.main", "extract", str(feed), "--ner-model", a.ner_model]
        engines = {"local": base + ["-j", str(a.workers)],
                   "dask": base + ["--engine", "dask", "-j", str(a.workers)]}  # fmt: skip
        best: dict[str, float] = {}
        every: dict[str, list[float]] = {name: [] for name in engines}
        outs: dict[str, bytes] = {}
        for _ in range(a.repeats):
            for name, cmd in engines.items():
                out = Path(tmp) / f"{name}.jsonl"
                dt = run(cmd, out)
                best[name] = min(dt, best.get(name, dt))
                every[name].append(round(dt, 2))
                outs[name] = out.read_bytes()
    rows = outs["local"].count(b"\n")
    res = {
        "articles": len(arts), "workers": a.workers, "ner_model": a.ner_model, "rows": rows,
        "same_rows": outs["local"] == outs["dask"], "cpus": len(os.sched_getaffinity(0)),
        "local_s": round(best["local"], 2), "dask_s": round(best["dask"], 2),
        "local_articles_per_s": round(len(arts) / best["local"], 1),
        "dask_articles_per_s": round(len(arts) / best["dask"], 1),
        "ratio_dask_over_local": round(best["local"] / best["dask"], 3),
        "runs_s": every, "load_avg_1min": round(os.getloadavg()[0], 1),
    }  # fmt: skip
    if a.json:
        print(json.dumps(res))
        return
    print(f"{res['articles']} articles, -j {a.workers}, NER {a.ner_model}, {rows} rows, "
          f"identical output: {res['same_rows']}")
    print(f"  local -j {a.workers}:        {res['local_s']:7.2f} s  {res['local_articles_per_s']:6.1f} articles/s")
    print(f"  dask {a.workers} workers:    {res['dask_s']:7.2f} s  {res['dask_articles_per_s']:6.1f} articles/s")
    print(f"  ratio dask / local: {res['ratio_dask_over_local']:.3f} (articles/s, best of {a.repeats})")
    print(f"  every run (s): {every}; load average at the end {res['load_avg_1min']} on {res['cpus']} CPUs")


if __name__ == "__main__":
    main()
