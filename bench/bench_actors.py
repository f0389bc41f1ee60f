#!/usr/bin/env python
"""Actor figures on ../shared/dev-eval (not part of the test suite; texts read in place, never copied).

    python bench/bench_actors.py                  # rules only (--ner-model none), tune and check split
    python bench/bench_actors.py --ner-model bundled
    python bench/bench_actors.py --details        # every matched pair whose actors disagree (tune split only)

Events are matched exactly as ``rasd evaluate`` matches them (:func:`extractor.evaluation.match_article`).
On the matched pairs it prints:

* **pair**: actor1 and actor2 both right after stripping ACLED's year suffix; the pair is unordered
  except for Violence against civilians (who attacks whom is the event there). ``pair_acronym`` also
  ignores an ACLED acronym prefix (``RSF: Rapid Support Forces`` = ``Rapid Support Forces``), since
  the gold writes the same actor both ways.
* **period**: of the gold actors that carry a period label (``Military Forces of Iraq (2014-2018)``)
  and whose name (suffix stripped) rasd got right, the share whose period is right: same start year,
  and the same end year when both labels have one (``(2016-)`` in older data is ``(2016-2021)`` once
  the period closed).

The check split (ids ``aNN``/``bNN`` with NN divisible by 3) is printed apart and never detailed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "dev-eval"

_PERIOD = re.compile(r"\((\d{4})-(\d{4})?\)")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9\-]{1,9}: ")


def is_check(article: str) -> bool:
    m = re.fullmatch(r"[ab](\d+)", article)
    return bool(m) and int(m.group(1)) % 3 == 0


def _n(name: str, acronym: bool) -> str:
    from extractor.evaluation import norm_actor

    name = name or ""
    return norm_actor(_ACRONYM.sub("", name) if acronym else name)


def pair_right(g: dict, p: dict, acronym: bool = False) -> bool:
    g1, g2 = _n(g.get("actor1"), acronym), _n(g.get("actor2"), acronym)
    p1, p2 = _n(p.get("actor1"), acronym), _n(p.get("actor2"), acronym)
    if (g1, g2) == (p1, p2):
        return True
    return g.get("event_type") != "Violence against civilians" and (g1, g2) == (p2, p1)


def period_right(gold_name: str, pred_name: str) -> bool:
    g, p = _PERIOD.search(gold_name), _PERIOD.search(pred_name or "")
    if not p or g.group(1) != p.group(1):
        return False
    return not (g.group(2) and p.group(2)) or g.group(2) == p.group(2)


def score(pairs: list[tuple[dict, dict]]) -> dict:
    n = len(pairs)
    pair = sum(pair_right(g, p) for g, p in pairs)
    pair_acr = sum(pair_right(g, p, True) for g, p in pairs)
    per_ok = per_n = 0
    for g, p in pairs:
        for side in ("actor1", "actor2"):
            name = g.get(side) or ""
            if not _PERIOD.search(name):
                continue
            match = next((p[s] for s in ("actor1", "actor2") if _n(p.get(s), True) == _n(name, True)), None)
            if match is None:
                continue
            per_n += 1
            per_ok += period_right(name, match)
    return {
        "matched": n,
        "pair": round(pair / n, 4) if n else None, "pair_n": pair,
        "pair_acronym": round(pair_acr / n, 4) if n else None, "pair_acronym_n": pair_acr,
        "period": round(per_ok / per_n, 4) if per_n else None, "period_n": f"{per_ok}/{per_n}",
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ner-model", default="none")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--dev", default=str(DEV))
    args = ap.parse_args(argv)
    dev = Path(args.dev)
    if not (dev / "gold.jsonl").is_file():
        print(f"bench_actors: no {dev}/gold.jsonl", file=sys.stderr)
        return 2
    from cli.evaluate import _extract
    from extractor import evaluation as ev

    gold = ev.load_gold(dev / "gold.jsonl")
    man = ev.load_manifest(dev / "manifest.csv")
    pred, failed, _ = _extract([str(dev / "articles")], man, gold, args.ner_model, 20_000_000)
    known = set(man) | {ev.article_key(g) for g in gold}
    by: dict[str, tuple[list, list]] = {}
    for g in gold:
        by.setdefault(ev.article_key(g, known), ([], []))[0].append(g)
    for p in pred:
        by.setdefault(ev.article_key(p, known), ([], []))[1].append(p)
    split: dict[str, list] = {"tune": [], "check": []}
    for key, (gs, ps) in sorted(by.items()):
        for i, j in ev.match_article(gs, ps):
            split["check" if is_check(key) else "tune"].append((gs[i], ps[j]))
    out = {k: score(v) for k, v in split.items()}
    out["all"] = score(split["tune"] + split["check"])
    out["ner_model"] = args.ner_model
    print(json.dumps(out, indent=1))
    if args.details:
        for g, p in split["tune"]:
            if not pair_right(g, p):
                print(f"{g['article']}\t{g['event_type']}\tgold: {g.get('actor1')} | {g.get('actor2')}"
                      f"\tpred: {p.get('actor1')} | {p.get('actor2')}", file=sys.stderr)  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
