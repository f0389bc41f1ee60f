#!/usr/bin/env python
"""Every row of an audit sample (not only the 100 audit_precision.py draws), for judging a whole sample by hand.

    python bench/audit_rows.py SAMPLE OUT.jsonl
    python bench/audit_rows.py 151 /tmp/rows151.jsonl

SAMPLE: a sample name of bench/audit_samples.tsv (the registry says how it was drawn, so its articles are rebuilt
exactly; a new sample is registered there first: `NAME SEED * ROLE ROUND NOTE` draws it from the articles no
earlier sample holds). Each line: key (audit_precision.row_keys: a second row of one sentence and sub-event, split by place, has
~LOCATION after it), article_id, the row's fields, its evidence, the
article's first 400 characters (headline) and date. OUT holds publishers' text (SaudiNewsNet is CC BY-NC-SA):
write it outside the repository. Pair two such files with bench/audit_pair.py (--clean SAMPLE: the articles no
tuning sample held).
"""

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from audit_precision import FIELDS, row_keys
from audit_samples import Samples
from bench_pipeline import DEFAULT_DATA, load_corpus

ap = argparse.ArgumentParser()
ap.add_argument("sample", help="a name of bench/audit_samples.tsv")
ap.add_argument("out", type=Path)
a = ap.parse_args()
from extractor import get_pipeline
from extractor.document import Article

S = Samples(load_corpus(DEFAULT_DATA))
if a.sample not in S.reg:
    ap.error(f"sample {a.sample!r} is not in bench/audit_samples.tsv: register it first (NAME SEED * ROLE ROUND NOTE)")
picked = S.articles(a.sample)
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
        rows = [e.to_dict() for e in pipe.process(art).events]
        for r, key in zip(rows, row_keys(rows)):
            rec = {
                "key": key,
                "article_id": r["article_id"],
                **{f: r.get(f) for f in FIELDS},
                "evidence": r["evidence"],
                "head": x["text"][:400],
                "date": x["date"],
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
print(f"audit_rows: {len(picked)} articles, {n} rows -> {a.out}", file=sys.stderr)
