#!/usr/bin/env python
"""Location and admin1 accuracy on dev-eval, split into the tuning and the held-back check articles.

The check split is the new article ids (``aNN``, ``bNN``) whose number is divisible by 3; the rest
(``artNN`` and the other ``aNN``/``bNN``) is the tuning split. Reads the JSON of
``bench/bench_evaluate.sh --format json --details`` (a file, or stdin):

    bench/bench_evaluate.sh --format json --details > /tmp/eval.json
    python bench/bench_places_split.py /tmp/eval.json

Only counts are printed, never article text.
"""

from __future__ import annotations

import json
import re
import sys


def is_check(article: str) -> bool:
    m = re.fullmatch(r"[ab](\d+)", article)
    return bool(m) and int(m.group(1)) % 3 == 0


def main() -> int:
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8") as f:
            report = json.load(f)
    else:
        report = json.load(sys.stdin)
    out = {}
    for split in ("tune", "check"):
        arts = [
            a
            for a in report["articles"]
            if is_check(a["article"]) == (split == "check")
        ]
        n = sum(len(a.get("matches", [])) for a in arts)
        if arts and "matches" not in arts[0]:
            print(
                "bench_places_split: run bench_evaluate.sh with --details",
                file=sys.stderr,
            )
            return 2
        row = {"gold": sum(a["gold"] for a in arts), "tp": sum(a["tp"] for a in arts),
               "fp": sum(a["fp"] for a in arts), "matched": n}  # fmt: skip
        for f in ("location", "admin1"):
            right = sum(1 for a in arts for m in a["matches"] if f not in m["disagree"])
            row[f] = round(right / n, 4) if n else None
        out[split] = row
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
