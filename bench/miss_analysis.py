#!/usr/bin/env python3
"""Why each gold event of dev-eval's *tune* split is missed: the closest row and the condition that failed.

    python bench/miss_analysis.py                 # tune split (new ids aNN/bNN, NN not divisible by 3)
    python bench/miss_analysis.py --old           # + the art* articles (the rules' first tuning set)
    python bench/miss_analysis.py --ner-model none
    python bench/miss_analysis.py --quiet         # the family counts only

Reads ``../shared/dev-eval`` at run time (nothing is copied into the repository) and only ever extracts
from the tune articles (and art* with ``--old``): the check split (ids whose number is divisible by 3)
is never read, extracted or printed. A gold event is missed when no row of its article can stand for it
under ``rasd evaluate``'s rule (same event_type, dates within a day, same location or admin1). For each
miss it prints the article's row that fails the fewest of those conditions (and, among those, agrees on
most fields), the conditions it fails, and the family:

    no row   the article has no row at all (or every row is paired with another gold event and none is close)
    type     the closest row has the wrong event_type (date and place right)
    date     the closest row has the wrong date (type and place right)
    place    the closest row has the wrong location and admin1 (type and date right)
    type+date, type+place, date+place, all: several conditions fail

Rows paired with another gold event are candidates too (marked "paired"): a miss next to a paired row is
often one row that should have been two.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEV = ROOT.parent / "shared" / "dev-eval"


def is_check(key: str) -> bool:
    from extractor import evaluation as ev

    return "check" in ev.splits_of(key)


def failed_conditions(g: dict, p: dict) -> list[str]:
    """Which of the matching conditions ``p`` fails for ``g`` (empty: compatible)."""
    from extractor import evaluation as ev

    out = []
    if ev.norm(g.get("event_type")) != ev.norm(p.get("event_type")):
        out.append("type")
    gd, pd = ev.parse_day(g.get("event_date")), ev.parse_day(p.get("event_date"))
    if (gd is None) != (pd is None) or (gd is not None and pd is not None and abs((gd - pd).days) > 1):
        out.append("date")
    if not (ev.same_place_name(g.get("location"), p.get("location"))
            or ev.same_place_name(g.get("admin1"), p.get("admin1"))):  # fmt: skip
        out.append("place")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", default=str(DEV), help="the dev-eval folder (default ../shared/dev-eval)")
    ap.add_argument("--old", action="store_true", help="also the art* articles")
    ap.add_argument("--ner-model", default="bundled", help="'bundled' (default), 'none' or a model folder")
    ap.add_argument("--quiet", action="store_true", help="print the family counts only")
    args = ap.parse_args(argv)

    from extractor import evaluation as ev
    from extractor import get_pipeline

    dev = Path(args.dev)
    gold_all, man = ev.load_gold(dev / "gold.jsonl"), ev.load_manifest(dev / "manifest.csv")

    def wanted(key: str) -> bool:
        groups = ev.splits_of(key)
        return "tune" in groups or (args.old and "old" in groups)

    keys = sorted({k for k in man if wanted(k)} | {ev.article_key(g) for g in gold_all if wanted(ev.article_key(g))})
    assert not any(is_check(k) for k in keys)
    paths = [str(dev / "articles" / f"{k}.txt") for k in keys if (dev / "articles" / f"{k}.txt").is_file()]
    gold = [g for g in gold_all if ev.article_key(g) in keys]
    pipeline = get_pipeline(None if args.ner_model == "none" else args.ner_model)
    rows, _, _ = ev.extract_rows(pipeline, paths, {k: v for k, v in man.items() if k in keys}, gold)
    report = ev.evaluate(gold, rows, manifest={k: v for k, v in man.items() if k in keys})
    by_article: dict[str, list[dict]] = collections.defaultdict(list)
    for r in rows:
        by_article[ev.article_key(r, set(keys))].append(r)

    families: collections.Counter[str] = collections.Counter()
    e = report["events"]
    print(f"split tune{' + old' if args.old else ''}: gold {e['gold']} rows {e['pred']} tp {e['tp']} "
          f"fp {e['fp']} fn {e['fn']}  P {e['precision']:.2f} R {e['recall']:.2f} F1 {e['f1']:.2f}")
    for art in report["articles"]:
        key = art["article"]
        if is_check(key) or not art["missed"]:
            continue
        paired = {m["pred"].get("evidence_start") for m in art["matches"]}
        for brief in art["missed"]:
            g = next((x for x in gold if ev.article_key(x) == key and all(x.get(k) == v for k, v in brief.items())), brief)
            best, best_rank = None, None
            for p in by_article.get(key, []):
                fails = failed_conditions(g, p)
                agree = sum(ev.field_agreement(g, p).values())
                rank = (len(fails), -agree)
                if best_rank is None or rank < best_rank:
                    best, best_rank = (p, fails), rank
            if best is None:
                fam = "no row"
            else:
                fails = best[1]
                fam = "all" if len(fails) == 3 else "+".join(fails) or "paired"
            families[fam] += 1
            if args.quiet:
                continue
            print(f"\n[{key}] MISSED ({fam}): {ev.describe(g)}")
            if g.get("evidence"):
                print(f"    gold evidence: {g['evidence'][:300]}")
            if best is not None:
                p = best[0]
                mark = " (paired)" if p.get("evidence_start") in paired else ""
                print(f"    closest row{mark}: {ev.describe(p)}  [{p.get('template_id')}, {p.get('date_basis')}]")
                print(f"    row evidence: {(p.get('evidence') or '')[:300]}")
    print("\nfamilies of the misses:", ", ".join(f"{k} {v}" for k, v in families.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
