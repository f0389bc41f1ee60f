#!/usr/bin/env python
"""End-to-end speed of the rasd pipeline on real news (not part of the test suite).

    python bench/bench_pipeline.py                      # 400 articles, bundled NER, 2 threads
    python bench/bench_pipeline.py --ner-model none     # rules only
    python bench/bench_pipeline.py --n 200 --json out.json

Samples ``--n`` articles (seeded, so every run sees the same ones) from the SaudiNewsNet zips in
``../shared/data/saudinewsnet/`` — read at run time, never copied into the repository (CC BY-NC-SA) —
by default only those of 300-500 words (mean about 400, the size the target is stated for).
Then it builds one pipeline (model load time), warms it up, and runs the *same* articles twice
with the *same* loaded model: NER only on sentences that carry a trigger (the prefilter, the
default) and NER on every sentence. It prints articles/s, tokens/s, stage times, events found,
peak memory, and PASS/FAIL against the target of >= 25 articles/s end to end on 2 cores.
See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import resource
import sys
import time
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
TARGET_ARTICLES_PER_S = 25.0


def load_corpus(folder: Path) -> list[dict]:
    """Every article of every zip, in a fixed order (zip name, position in the file)."""
    arts: list[dict] = []
    for z in sorted(glob.glob(str(folder / "*.zip"))):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                for i, a in enumerate(json.loads(zf.read(name))):
                    title = (a.get("title") or "").strip()
                    body = (a.get("content") or "").strip()
                    text = f"{title}\n{body}" if title else body
                    if text.strip():
                        arts.append({"id": f"{Path(z).stem}:{i}", "text": text, "source": a.get("source") or "",
                                     "date": (a.get("date_extracted") or "")[:10]})
    return arts


def sample(arts: list[dict], n: int, seed: int, min_words: int, max_words: int) -> list[dict]:
    pool = [a for a in arts if (not min_words or len(a["text"].split()) >= min_words)
            and (not max_words or len(a["text"].split()) <= max_words)]  # fmt: skip
    rng = random.Random(seed)
    return rng.sample(pool, min(n, len(pool)))


def peak_rss_mb() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return r / 1024 / (1024 if sys.platform == "darwin" else 1)


def run_pass(pipeline, articles, prefilter: bool) -> dict:
    from extractor.pipeline import Timings

    pipeline.prefilter = prefilter
    load = pipeline.timings.load
    pipeline.timings = Timings(load=load)
    events = []
    t0 = time.perf_counter()
    # as `rasd extract` runs them: batches of BATCH articles per NER call (extractor.parallel)
    from extractor.parallel import BATCH

    for i in range(0, len(articles), BATCH):
        for r in pipeline.process_many(articles[i : i + BATCH]):
            events.extend(r.events)
    wall = time.perf_counter() - t0
    t = pipeline.timings
    return {
        "prefilter": prefilter,
        "seconds": round(wall, 3),
        "articles": t.articles,
        "articles_per_s": round(t.articles / wall, 2),
        "tokens": t.tokens,
        "tokens_per_s": round(t.tokens / wall, 1),
        "sentences": t.sentences,
        "ner_sentences": t.ner_sentences,
        "stage_seconds": {"segment": round(t.segment, 3), "ner": round(t.ner, 3), "rules": round(t.rules, 3)},
        "ner_tokens_per_s": round(t.tokens / t.ner, 1) if not prefilter and t.ner > 0.01 else None,
        "events": len(events),
        "_signature": sorted(
            (e.article_id, e.event_date or "", e.event_type, e.sub_event_type, e.actor1, e.actor2, e.location,
             e.fatalities) for e in events
        ),  # fmt: skip
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400, help="articles to sample (default 400)")
    ap.add_argument("--seed", type=int, default=20150721, help="sampling seed (default 20150721)")
    ap.add_argument("--ner-model", default=os.environ.get("RASD_NER_MODEL", "bundled"),
                    help="bundled (default, or $RASD_NER_MODEL), official, a model file, or none")
    ap.add_argument("--threads", type=int, default=2, help="torch threads (default 2: the target is for 2 cores)")
    ap.add_argument("--min-words", type=int, default=300, help="sample only articles with at least this many words (0: any)")
    ap.add_argument("--max-words", type=int, default=500, help="... and at most this many (0: any)")
    ap.add_argument("--warmup", type=int, default=10, help="articles processed before timing (default 10)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of SaudiNewsNet *.zip")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)

    # Pin intra-op threads before torch starts its pools (the env vars are read at import time).
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(args.threads))

    if not args.data.is_dir() or not glob.glob(str(args.data / "*.zip")):
        print(f"bench: no SaudiNewsNet zips in {args.data} (use --data)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    corpus = load_corpus(args.data)
    arts = sample(corpus, args.n, args.seed, args.min_words, args.max_words)
    read_s = time.perf_counter() - t0
    if not arts:
        print("bench: no article in the word range", file=sys.stderr)
        return 2
    words = [len(a["text"].split()) for a in arts]

    cpus = os.cpu_count()
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = cpus
    load_before = os.getloadavg()

    # --- model load: imports + Pipeline() (gazetteer, actors, triggers, NER) --------------------
    t0 = time.perf_counter()
    from extractor.document import Article
    from extractor.pipeline import Pipeline

    ner_arg = None if args.ner_model == "none" else args.ner_model
    try:
        pipeline = Pipeline(ner_arg)
    except Exception as e:  # the model is not there / cannot load: one line, not a traceback
        print(f"bench: --ner-model {args.ner_model}: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    cold_load = time.perf_counter() - t0
    torch_threads = None
    if "torch" in sys.modules:
        import torch

        torch.set_num_threads(args.threads)
        torch_threads = torch.get_num_threads()
    ner_ran = "none" if pipeline.ner is None else args.ner_model
    rss_after_load = peak_rss_mb()

    articles = [Article(id=a["id"], text=a["text"], published=date.fromisoformat(a["date"]) if a["date"] else None,
                        date_basis="json" if a["date"] else "", source=a["source"]) for a in arts]  # fmt: skip
    for a in articles[: args.warmup]:
        pipeline.process(a)

    on = run_pass(pipeline, articles, prefilter=True)
    off = run_pass(pipeline, articles, prefilter=False)
    same = on.pop("_signature") == off.pop("_signature")
    load_after = os.getloadavg()
    peak = peak_rss_mb()

    ok = on["articles_per_s"] >= TARGET_ARTICLES_PER_S
    res = {
        "ner_model": ner_ran,
        "cpus": cpus,
        "cpus_usable": usable,
        "torch_threads": torch_threads,
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", ""),
        "loadavg_1min_before": round(load_before[0], 2),
        "loadavg_1min_after": round(load_after[0], 2),
        "articles": len(articles),
        "seed": args.seed,
        "words_range": [args.min_words, args.max_words],
        "mean_words_per_article": round(sum(words) / len(words), 1),
        "corpus_read_seconds": round(read_s, 2),
        "load_seconds_cold": round(cold_load, 3),
        "load_seconds_pipeline": round(pipeline.timings.load, 3),
        "peak_rss_mb_after_load": round(rss_after_load, 1),
        "peak_rss_mb": round(peak, 1),
        "prefilter_on": on,
        "prefilter_off": off,
        "speedup_prefilter": round(on["articles_per_s"] / off["articles_per_s"], 2) if off["articles_per_s"] else None,
        "same_events_on_off": same,
        "target_articles_per_s": TARGET_ARTICLES_PER_S,
        "pass": ok,
    }

    p = print
    p(f"rasd pipeline bench — NER: {ner_ran}; CPUs: {cpus} ({usable} usable), torch threads: {torch_threads}"
      f"{' (OMP_WAIT_POLICY=' + res['omp_wait_policy'] + ')' if res['omp_wait_policy'] else ''}; "
      f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    p(f"articles: {len(articles)} from SaudiNewsNet (seed {args.seed}, {args.min_words or 0}-{args.max_words or '∞'} "
      f"words), mean {res['mean_words_per_article']} words/article")
    p(f"model load: {cold_load:.2f} s cold (imports + Pipeline), {pipeline.timings.load:.2f} s in Pipeline()")
    for r in (on, off):
        st = r["stage_seconds"]
        p(f"prefilter {'on ' if r['prefilter'] else 'off'}: {r['articles_per_s']:8.1f} articles/s "
          f"{r['tokens_per_s']:10.0f} tokens/s  ({r['seconds']:.2f} s; segment {st['segment']:.2f} s, "
          f"NER {st['ner']:.2f} s, rules {st['rules']:.2f} s; NER on {r['ner_sentences']}/{r['sentences']} "
          f"sentences; {r['events']} events)")
    if off["ner_tokens_per_s"]:
        p(f"NER alone (prefilter off, every sentence): {off['ner_tokens_per_s']:.0f} tokens/s")
    p(f"prefilter speed-up: x{res['speedup_prefilter']} (same articles, same model); "
      f"same events with and without: {'yes' if same else 'NO'}")
    p(f"peak RSS: {rss_after_load:.0f} MB after load, {peak:.0f} MB at the end")
    p(f"target >= {TARGET_ARTICLES_PER_S:.0f} articles/s end to end (prefilter on): "
      f"{'PASS' if ok else 'FAIL'} ({on['articles_per_s']:.1f})")
    if max(load_before[0], load_after[0]) > (usable or 1) * 0.75:
        p("note: the machine was busy during the run (load average above the usable CPUs): figures are pessimistic")
        if (torch_threads or 1) > 1 and res["omp_wait_policy"].upper() != "PASSIVE":
            p("note: torch's OpenMP threads spin while they wait; on busy cores that can slow NER tenfold or more. "
              "Compare with OMP_WAIT_POLICY=PASSIVE or --threads 1")
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
