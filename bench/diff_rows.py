#!/usr/bin/env python
"""Do two versions of rasd write the same rows? (not part of the test suite)

    python bench/diff_rows.py                        # HEAD vs the work tree, bundled NER
    python bench/diff_rows.py f2abc5e                # a commit vs the work tree
    python bench/diff_rows.py f2abc5e h-speed        # two commits
    python bench/diff_rows.py --ner-model none HEAD  # rules only

Every speed change must leave the output byte-identical; this is the check. Each side runs in its own
Python process with ``PYTHONPATH`` set to its source tree: the work tree as it is, or a commit checked out
with ``git worktree add --detach`` into a temporary folder (removed afterwards). Both sides run the same
driver (this file), over the same inputs:

- ``../shared/dev-eval/articles``, with the publication dates of its ``manifest.csv`` (as ``rasd evaluate``
  passes them: a full ``pub_date`` replaces the article's own, basis ``manifest``);
- a fixed sample of 1,000 SaudiNewsNet articles of 300-500 words (seed 20150721: the sample
  ``bench/bench_pipeline.py`` times), read from the zips in ``../shared/data/saudinewsnet`` at run time.

Articles go through ``Pipeline.process_many`` in batches of the tree's own ``extractor.parallel.BATCH`` (16 at
577d4a6, 64 since), as ``rasd extract`` sends them. Rows are
compared as JSON (every column, ACLED and provenance). A commit's rows are cached in
``$TMPDIR/rasd-diff-rows/`` by commit id and model, so a second comparison against the same base is quick.
Exit status: 0 identical, 1 some rows differ, 2 usage error. Texts are never written into the repository.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_pipeline import load_corpus, sample

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "dev-eval"
SNN = SHARED / "data" / "saudinewsnet"
SEED, N, MIN_WORDS, MAX_WORDS, BATCH = 20150721, 1000, 300, 500, 16
CACHE = Path(tempfile.gettempdir()) / "rasd-diff-rows"
WORKTREE = "WORKTREE"


# --------------------------------------------------------------------------- inputs (driver side)
def snn_sample(folder: Path = SNN, n: int = N, seed: int = SEED) -> list[dict]:
    """The bench sample: bench_pipeline's corpus and seeded 300-500-word sample (one loader for both benches)."""
    return sample(load_corpus(folder), n, seed, MIN_WORDS, MAX_WORDS)


def _manifest_dates(path: Path) -> dict[str, str]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return {(r.get("id") or "").strip(): (r.get("pub_date") or "").strip() for r in csv.DictReader(fh)}


def dump(tree: Path, out: Path, ner: str, n: int) -> None:
    """Driver: run the extractor found in ``tree`` over both input sets, one JSON row per line into ``out``."""
    sys.path.insert(0, str(tree))
    import dataclasses
    from datetime import date

    import extractor
    from extractor.document import Article
    from extractor.pipeline import Pipeline
    from extractor.reading import read_inputs

    if Path(extractor.__file__).resolve().parent != (tree / "extractor").resolve():
        raise SystemExit(f"diff_rows: imported {extractor.__file__}, not the tree {tree}")
    pipe = Pipeline(None if ner == "none" else ner)
    lines: list[str] = []
    try:  # the tree's own batch (articles per process_many, as `rasd extract` sends them)
        from extractor.parallel import BATCH as batch
    except ImportError:
        batch = BATCH

    def run(kind: str, articles: list) -> None:
        for i in range(0, len(articles), batch):
            for r in pipe.process_many(articles[i : i + batch]):
                rows = [e.to_dict() for e in r.events] or [None]  # an article without rows is a line too
                for row in rows:
                    lines.append(json.dumps({"set": kind, "article": r.article.id, "row": row}, ensure_ascii=False))

    if (DEV / "articles").is_dir():
        dates = _manifest_dates(DEV / "manifest.csv") if (DEV / "manifest.csv").is_file() else {}
        dev = []
        for item in read_inputs([str(DEV / "articles")]):
            if not hasattr(item, "text"):
                print(f"diff_rows: {item}", file=sys.stderr)
                continue
            d = dates.get(Path(item.path).stem) or dates.get(item.id) or ""
            if len(d) == 10:
                item = dataclasses.replace(item, published=date.fromisoformat(d), date_basis="manifest")
            dev.append(item)
        run("dev-eval", dev)
    if glob.glob(str(SNN / "*.zip")):
        snn = [Article(id=a["id"], text=a["text"], published=date.fromisoformat(a["date"]) if a["date"] else None,
                       date_basis="json" if a["date"] else "", source=a["source"]) for a in snn_sample(n=n)]  # fmt: skip
        run("saudinewsnet", snn)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- sides (parent side)
def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True).stdout.strip()


def side_rows(rev: str, ner: str, n: int) -> tuple[str, list[str], float]:
    """(label, row lines, seconds) of one side: the work tree or a commit."""
    if rev == WORKTREE:
        out = Path(tempfile.mkstemp(prefix="rasd-diff-", suffix=".jsonl")[1])
        t0 = time.perf_counter()
        _run_driver(ROOT, out, ner, n)
        secs = time.perf_counter() - t0
        lines = out.read_text(encoding="utf-8").splitlines()
        out.unlink()
        return "work tree", lines, secs
    sha = _git("rev-parse", "--verify", rev + "^{commit}")
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = CACHE / f"{sha}-{ner.replace('/', '_')}-{n}.jsonl"
    label = f"{rev} ({sha[:9]})"
    if cached.exists():
        return label + " [cached]", cached.read_text(encoding="utf-8").splitlines(), 0.0
    tmp = Path(tempfile.mkdtemp(prefix="rasd-diff-wt-"))
    tree = tmp / "tree"
    _git("worktree", "add", "--detach", str(tree), sha)
    try:
        part = cached.with_suffix(".part")
        t0 = time.perf_counter()
        _run_driver(tree, part, ner, n)
        secs = time.perf_counter() - t0
        os.replace(part, cached)
    finally:
        _git("worktree", "remove", "--force", str(tree))
        shutil.rmtree(tmp, ignore_errors=True)
    return label, cached.read_text(encoding="utf-8").splitlines(), secs


def _run_driver(tree: Path, out: Path, ner: str, n: int) -> None:
    env = dict(os.environ, PYTHONPATH=str(tree))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--dump", str(out), "--tree", str(tree),
           "--ner-model", ner, "--n", str(n)]  # fmt: skip
    subprocess.run(cmd, check=True, env=env, cwd=str(tree))


def _without(lines: list[str], ignore: list[str]) -> list[str]:
    if not ignore:
        return lines
    out = []
    for x in lines:
        d = json.loads(x)
        if d["row"] is not None:
            d["row"] = {k: v for k, v in d["row"].items() if k not in ignore}
        out.append(json.dumps(d, ensure_ascii=False))
    return out


def compare(a: list[str], b: list[str], shown: int, ignore: list[str] | None = None) -> int:
    """Print per input set: identical, or how many rows differ and the first few; return the number differing."""
    a, b = _without(a, ignore or []), _without(b, ignore or [])
    total = 0
    for kind in ("dev-eval", "saudinewsnet"):
        xa = [x for x in a if json.loads(x)["set"] == kind]
        xb = [x for x in b if json.loads(x)["set"] == kind]
        rows_a = sum(1 for x in xa if json.loads(x)["row"] is not None)
        arts = len({json.loads(x)["article"] for x in xa})
        if not xa and not xb:
            print(f"{kind}: not there (skipped)")
            continue
        if xa == xb:
            print(f"{kind}: identical ({rows_a} rows from {arts} articles)")
            continue
        diff = [d for d in difflib.unified_diff(xa, xb, lineterm="", n=0) if d[:1] in "+-" and d[:3] not in ("+++", "---")]
        minus, plus = sum(d.startswith("-") for d in diff), sum(d.startswith("+") for d in diff)
        total += max(minus, plus)
        print(f"{kind}: {max(minus, plus)} rows differ ({minus} only in A, {plus} only in B; A has {rows_a} rows)")
        for d in diff[:shown]:
            print("  " + (d if len(d) < 600 else d[:600] + " ..."))
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", nargs="?", default="HEAD", help="commit (default HEAD)")
    ap.add_argument("b", nargs="?", default=WORKTREE, help=f"commit, or {WORKTREE} (default)")
    ap.add_argument("--ner-model", default="bundled", help="bundled (default), official, a model file, or none")
    ap.add_argument("--n", type=int, default=N, help=f"SaudiNewsNet articles (default {N})")
    ap.add_argument("--show", type=int, default=6, help="differing lines to print (default 6)")
    ap.add_argument("--ignore", default="", help="columns left out of the comparison, e.g. event_id_cnty,evidence")
    ap.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--tree", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.dump:
        dump(args.tree, args.dump, args.ner_model, args.n)
        return 0
    if not (DEV / "articles").is_dir() and not glob.glob(str(SNN / "*.zip")):
        print(f"diff_rows: neither {DEV}/articles nor {SNN}/*.zip is there", file=sys.stderr)
        return 2
    try:
        la, ra, sa = side_rows(args.a, args.ner_model, args.n)
        lb, rb, sb = side_rows(args.b, args.ner_model, args.n)
    except subprocess.CalledProcessError as e:
        print(f"diff_rows: {' '.join(map(str, e.cmd[:3]))}...: {(e.stderr or '').strip() or 'failed'}", file=sys.stderr)
        return 2
    print(f"A = {la}{f' ({sa:.1f} s)' if sa else ''}; B = {lb}{f' ({sb:.1f} s)' if sb else ''}; NER: {args.ner_model}")
    ignore = [c.strip() for c in args.ignore.split(",") if c.strip()]
    if ignore:
        print(f"columns not compared: {', '.join(ignore)}")
    return 1 if compare(ra, rb, args.show, ignore) else 0


if __name__ == "__main__":
    raise SystemExit(main())
