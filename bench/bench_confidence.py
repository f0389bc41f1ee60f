#!/usr/bin/env python
"""Does ``confidence`` mean something? How well it ranks real rows above false ones.

    python bench/bench_confidence.py                 # both sets, rules only (as the audit runs)
    python bench/bench_confidence.py --ner-model bundled

Two sets, both read where they are (never copied):
- ``../shared/dev-eval``: a row is right when ``rasd evaluate`` matches it to a gold event;
- the SaudiNewsNet precision audit (``bench/audit_precision.py``, seed 9's 3,000 articles): a row is
  right when ``bench/audit_judgements.tsv`` judges it real; rows nobody judged are left out.

For each set it prints the rows, the share right, the AUC of ``confidence`` (the chance that a right
row outranks a false one; 0.5 = no information), and, per threshold, what ``--min-confidence`` would
keep: rows, share right, and on dev-eval precision/recall/F1. Exit 0 always (a report).
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)


def auc(pairs: list[tuple[bool, float]]) -> float:
    pos = [s for ok, s in pairs if ok]
    neg = [s for ok, s in pairs if not ok]
    if not pos or not neg:
        return float("nan")
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def report(name: str, pairs: list[tuple[bool, float]], extra=None) -> None:
    right = sum(ok for ok, _ in pairs)
    print(f"{name}: {len(pairs)} rows, {right} right ({100 * right / max(1, len(pairs)):.0f}%), "
          f"AUC of confidence {auc(pairs):.3f}")  # fmt: skip
    for t in THRESHOLDS:
        kept = [ok for ok, s in pairs if s >= t - 1e-9]
        line = f"  >= {t:.2f}: {len(kept):4d} rows, {100 * sum(kept) / max(1, len(kept)):3.0f}% right"
        print(line + (extra(t) if extra else ""))


def dev_eval(dev: Path, ner: str | None) -> None:
    from extractor import evaluation as ev
    from extractor import get_pipeline

    gold = ev.load_gold(dev / "gold.jsonl")
    man = ev.load_manifest(dev / "manifest.csv")
    rows, _, _ = ev.extract_rows(get_pipeline(ner), [str(dev / "articles")], man, gold)
    res = ev.evaluate(gold, rows, manifest=man)
    tp = {(a["article"], m["pred"]["evidence_start"], m["pred"]["sub_event_type"])
          for a in res["articles"] for m in a["matches"]}  # fmt: skip
    known = set(man) | {ev.article_key(g) for g in gold}
    pairs = [((ev.article_key(r, known), r["evidence_start"], r["sub_event_type"]) in tp, r["confidence"]) for r in rows]

    def prf(t: float) -> str:
        e = ev.evaluate(gold, [r for r in rows if r["confidence"] >= t - 1e-9], manifest=man)["events"]
        return f"; P {e['precision']:.2f} R {e['recall']:.2f} F1 {e['f1']:.2f}"

    report("dev-eval (right = matches a gold event)", pairs, prf)


def audit(data: Path, ner: str | None, seed: int, articles: int) -> None:
    from audit_precision import load_judgements, row_keys
    from bench_pipeline import load_corpus

    from extractor import get_pipeline
    from extractor.document import Article

    arts = load_corpus(data)
    if not arts:
        print(f"audit: no SaudiNewsNet zips in {data}")
        return
    judged = load_judgements(ROOT / "bench" / "audit_judgements.tsv")
    pipe = get_pipeline(ner)
    pairs = []
    for a in random.Random(seed).sample(arts, min(articles, len(arts))):
        art = Article(id=a["id"], text=a["text"], published=date.fromisoformat(a["date"]) if a["date"] else None,
                      date_basis="json")  # fmt: skip
        events = pipe.process(art).events
        for e, k in zip(events, row_keys([e.to_dict() for e in events])):
            j = judged.get(k)
            if j is not None:
                pairs.append((j["real"].strip() == "1", e.confidence))
    report(f"SaudiNewsNet audit, judged rows of seed {seed}'s {articles} articles (right = judged real)", pairs)


def main(argv: list[str] | None = None) -> int:
    from bench_pipeline import DEFAULT_DATA

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev-eval")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--ner-model", default="none", help="bundled or none (the audit's default)")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--articles", type=int, default=3000)
    a = ap.parse_args(argv)
    ner = None if a.ner_model == "none" else a.ner_model
    if (a.dev / "gold.jsonl").is_file():
        dev_eval(a.dev, ner)
    audit(a.data, ner, a.seed, a.articles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
