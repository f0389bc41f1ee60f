#!/usr/bin/env python
"""Does the time per MB stay flat as inputs grow? (not part of the test suite)

    python bench/bench_scaling.py                      # bundled NER, medians of 3
    python bench/bench_scaling.py --ner-model none     # rules only
    python bench/bench_scaling.py --json out.json

Three families, each timed per MB of input (UTF-8) at several sizes:

- **articles**: 1 MB of real news each time, packed into articles of at most 1 KB, 10 KB, 100 KB or 1 MB (SaudiNewsNet
  texts from ``../shared/data/saudinewsnet``, read at run time: the same stream of paragraphs for every size, each
  article ending at a paragraph boundary, or a sentence one inside a paragraph too long for it), sent in batches
  of ``extractor.parallel.BATCH`` (64) as ``rasd extract`` sends them. Flat means no size pays more per byte than another.
- **one long sentence** with an event in every clause (no full stop: ``... أمس في غارة جوية على مدينة إدلب، ...``),
  1 KB to 100 KB (100 KB in all each time: 100 articles of one 1 KB sentence, 10 of 10 KB, one of 100 KB):
  every trigger meets every filter of one sentence. Each clause says "أمس" (yesterday): without a reporting word a
  text over 250 words reads as an opinion column (``context.is_opinion``), whose sentences are never tagged, so
  until round 12 the 10 KB and 100 KB sentences took that cheap path and gave no row while the 1 KB ones gave
  theirs (the bench printed 2.40x "FAIL" because the *smallest* size was the dearest).
- **a run of letters without spaces** (``غارةقتل`` repeated), 10 KB to 3.9 MB: one word, a trigger every few
  letters (a scraped page with its spaces lost).

Times are CPU seconds of this process (``time.process_time``; one torch thread), which a busy machine disturbs
far less than wall time; wall seconds are printed too. ``flat`` = largest / smallest seconds per MB in a family
(target <= 1.5 for articles and the long sentence).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
TARGET_FLAT = 1.5
CLAUSE = "قتل ثلاثة مدنيين أمس في غارة جوية على مدينة إدلب، "  # a report word: no opinion column (see above)
RUN = "غارةقتل"


def _bytes(text: str) -> int:
    return len(text.encode("utf-8"))


def _mb(text: str) -> float:
    return _bytes(text) / 1e6


def _cut(text: str, size: int) -> str:
    """``text`` cut to at most ``size`` UTF-8 bytes (Arabic letters are 2 bytes)."""
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def _pieces(para: str, size: int) -> list[str]:
    """``para`` as it is when it fits in ``size`` UTF-8 bytes; else its sentences (cut after . ! ? ؟), a
    sentence still longer cut at its last space before ``size`` (the rest goes on as the next piece): no
    text is dropped, and every piece starts at a paragraph, sentence or word boundary."""
    if _bytes(para) <= size:
        return [para]
    out: list[str] = []
    for sent in _SENTENCE_END.split(para):
        while _bytes(sent) > size:
            head = _cut(sent, size)
            cut = head.rfind(" ")
            head = head[:cut] if cut > 0 else head
            out.append(head)
            sent = sent[len(head) :].lstrip()
        if sent:
            out.append(sent)
    return out


def news_articles(size: int, total: int, pool: list[str]) -> list[str]:
    """Articles of at most ``size`` bytes, ``total`` bytes in all: the paragraphs of real news in ``pool``
    taken in order and packed whole (joined by a line break) while they fit; a paragraph longer than ``size``
    goes in as its sentences (:func:`_pieces`). Every size reads the same stream of text from its start, so
    the sizes hold the same kind of text and differ only in where the articles end. (Until round 14 each
    article was cut at ``size`` bytes and the rest of the paragraph it cut was dropped: 37% of the sample's
    bytes are in paragraphs over 1 KB, so the 1 KB set held mostly titles and the first kilobyte of each
    story, denser in events than the larger sizes: 51 events per MB against 7 for 10 KB.)"""
    out: list[str] = []
    cur: list[str] = []
    cur_bytes = done = 0
    i = 0
    while done + cur_bytes < total * 0.99:
        for piece in _pieces(pool[i % len(pool)], size):
            b = _bytes(piece)
            if cur and cur_bytes + 1 + b > size:
                out.append("\n".join(cur))
                done += cur_bytes
                cur, cur_bytes = [], 0
            cur_bytes += b + (1 if cur else 0)
            cur.append(piece)
        i += 1
    if cur:
        out.append("\n".join(cur))
    return out


def _pass(pipeline, arts: list) -> tuple[float, float, int]:
    """One pass over ``arts`` in batches of ``extractor.parallel.BATCH``: (CPU s, wall s, events)."""
    from extractor.parallel import BATCH

    c0, w0 = time.process_time(), time.perf_counter()
    events = 0
    for i in range(0, len(arts), BATCH):
        events += sum(len(r.events) for r in pipeline.process_many(arts[i : i + BATCH]))
    return time.process_time() - c0, time.perf_counter() - w0, events


def timed_all(pipeline, cases: dict[tuple[str, str], tuple[list[str], int]]) -> dict:
    """Every case (family, size) -> (texts, rounds) timed round by round, the cases interleaved (forward in
    even rounds, backward in odd ones) after one untimed pass over each: a busy machine's slow spell, or the
    first-use costs of whichever size ran first (lazy tables, the memos the same texts fill), fall on every
    size alike instead of on one. Each round times the same texts again, so the figures are of passes whose
    place memos and NER character memo already hold them (as the median of the earlier sequential rounds
    mostly was)."""
    from extractor.document import Article

    arts = {k: [Article(id=f"s{i}", text=t) for i, t in enumerate(texts)] for k, (texts, _) in cases.items()}
    for k in cases:
        _pass(pipeline, arts[k])  # warm-up, untimed
    cpu: dict = {k: [] for k in cases}
    wall: dict = {k: [] for k in cases}
    events: dict = {}
    order = list(cases)
    for r in range(max(n for _, n in cases.values())):
        for k in order if r % 2 == 0 else order[::-1]:
            if r < cases[k][1]:
                c, w, events[k] = _pass(pipeline, arts[k])
                cpu[k].append(c)
                wall[k].append(w)
    out = {}
    for k, (texts, _) in cases.items():
        mb = sum(_mb(t) for t in texts)
        out[k] = {"mb": round(mb, 4), "inputs": len(texts), "events": events[k], "cpu_s": statistics.median(cpu[k]),
                  "wall_s": statistics.median(wall[k]), "cpu_s_per_mb": statistics.median(cpu[k]) / mb,
                  "wall_s_per_mb": statistics.median(wall[k]) / mb}  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ner-model", default=os.environ.get("RASD_NER_MODEL", "bundled"),
                    help="bundled (default), official, a model file, or none")
    ap.add_argument("--rounds", type=int, default=3, help="median of this many runs per size (default 3)")
    ap.add_argument("--total-kb", type=int, default=1000, help="KB of news per article size (default 1000)")
    ap.add_argument("--max-run-kb", type=int, default=3900, help="longest run of letters, KB (default 3900)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    args = ap.parse_args(argv)

    from diff_rows import SNN, snn_sample

    from extractor.pipeline import Pipeline

    pipeline = Pipeline(None if args.ner_model == "none" else args.ner_model)
    pipeline.templates, pipeline.gazetteer, pipeline.lexicon, pipeline.ner  # noqa: B018  (load before timing)
    pipeline.process_many([])
    res: dict = {"ner_model": args.ner_model if pipeline.ner is not None else "none", "rounds": args.rounds}

    cases: dict[tuple[str, str], tuple[list[str], int]] = {}
    if list(SNN.glob("*.zip")):
        pool = [p for a in snn_sample(n=1000) for p in a["text"].split("\n") if p.strip()]
        total = args.total_kb * 1000
        for size in (1_000, 10_000, 100_000, 1_000_000):
            if size <= total:
                cases[("articles", f"{size // 1000} KB")] = (news_articles(size, total, pool), args.rounds)
    else:
        print(f"bench: no SaudiNewsNet zips in {SNN}: the articles family is skipped", file=sys.stderr)
    for size in (1_000, 10_000, 100_000):  # 100 KB each time: 100 one-sentence articles of 1 KB, ..., one of 100 KB
        text = _cut(CLAUSE * (size // len(CLAUSE.encode("utf-8")) + 1), size)
        cases[("one long sentence", f"{size // 1000} KB")] = ([text] * (100_000 // size), args.rounds)
    for size in (10_000, 80_000, args.max_run_kb * 1000):
        text = _cut(RUN * (size // len(RUN.encode("utf-8")) + 1), size)
        cases[("letters without spaces", f"{size // 1000} KB")] = ([text], 1 if size > 1_000_000 else args.rounds)
    families: dict[str, dict[str, dict]] = {}
    for (name, label), v in timed_all(pipeline, cases).items():
        families.setdefault(name, {})[label] = v
    print(f"rasd scaling bench — NER: {res['ner_model']}; CPU seconds per MB (median of {args.rounds}; wall in brackets)")
    for name, fam in families.items():
        per = [v["cpu_s_per_mb"] for v in fam.values()]
        flat = max(per) / min(per) if per and min(per) > 0 else None
        res[name] = {"sizes": fam, "flat": flat}
        print(f"{name}:")
        for label, v in fam.items():
            print(f"  {label:>8}: {v['inputs']:5d} input(s), {v['mb']:.3f} MB, {v['cpu_s']:.3f} s CPU "
                  f"({v['wall_s']:.3f} s wall) = {v['cpu_s_per_mb']:.2f} s/MB ({v['wall_s_per_mb']:.2f}); {v['events']} events")
        target = f" (target <= {TARGET_FLAT})" if name != "letters without spaces" else ""
        ok = "" if not target else (" PASS" if flat is not None and flat <= TARGET_FLAT else " FAIL")
        print(f"  flat: largest / smallest s/MB = {flat:.2f}{target}{ok}" if flat else "  flat: -")
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
