#!/usr/bin/env python
"""Every row of an audit sample (not only the 100 audit_precision.py draws), for judging a whole sample by hand.

    python bench/audit_rows.py SEED EXCL OUT.jsonl [--articles 3000]
    python bench/audit_rows.py 151 9,21,33,45,57,77,88,101,131,141,161 /tmp/rows151.jsonl

EXCL: comma list of seeds whose samples are excluded (as audit_precision.py --exclude-seeds; SEED itself is
dropped from it; "" for none). Each line: key (audit_precision.row_key), article_id, the row's fields, its
evidence, the article's first 400 characters (headline) and date. OUT holds publishers' text (SaudiNewsNet is
CC BY-NC-SA): write it outside the repository. Pair two such files with bench/audit_pair.py.
"""

import argparse
import json
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from audit_precision import FIELDS, row_key
from bench_pipeline import DEFAULT_DATA, load_corpus

ap = argparse.ArgumentParser()
ap.add_argument("seed", type=int)
ap.add_argument("excl")
ap.add_argument("out", type=Path)
ap.add_argument("--articles", type=int, default=3000)
a = ap.parse_args()
from extractor import get_pipeline
from extractor.document import Article

arts = load_corpus(DEFAULT_DATA)
used = set()
for other in (int(x) for x in a.excl.split(",") if x.strip() and int(x) != a.seed):
    used |= {
        x["id"] for x in random.Random(other).sample(arts, min(a.articles, len(arts)))
    }
pool = [x for x in arts if x["id"] not in used]
picked = random.Random(a.seed).sample(pool, min(a.articles, len(pool)))
pipe = get_pipeline(None)
n = 0
with open(a.out, "w", encoding="utf-8") as fh:
    for x in picked:
        art = Article(
            id=x["id"],
            text=x["text"],
            published=date.fromisoformat(x["date"]) if x["date"] else None,
            date_basis="json",
        )
        for e in pipe.process(art).events:
            r = e.to_dict()
            rec = {
                "key": row_key(r),
                "article_id": r["article_id"],
                **{f: r.get(f) for f in FIELDS},
                "evidence": r["evidence"],
                "head": x["text"][:400],
                "date": x["date"],
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
print(f"audit_rows: {len(picked)} articles, {n} rows -> {a.out}", file=sys.stderr)
