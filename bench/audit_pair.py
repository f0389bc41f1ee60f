#!/usr/bin/env python
"""Paired precision: real / false over the judged keys that each key file emits (a steadier figure than a new draw).

    python bench/audit_pair.py bench/audit_judgements.tsv OLD.jsonl NEW.jsonl          # seed 9 / 101 samples
    python bench/audit_pair.py J.tsv[,MORE.tsv] KEYS1 [KEYS2 ...] [--half even|odd]     # a tuning split by id

Key files: one key a line (audit_precision.py --keys-out) or audit_rows.py JSONL. --half keeps the articles whose
id ends in an even (tune) or odd (check) digit."""

import csv
import json
import sys

args = [x for x in sys.argv[1:] if not x.startswith("--")]
half = None
if "--half" in sys.argv:
    half = sys.argv[sys.argv.index("--half") + 1]
    args = [x for x in args if x != half]
J = {}
for p in args[0].split(","):
    with open(p, encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            J[r["key"]] = r


def keys(p):
    out = []
    with open(p, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for line in lines:
        line = line.strip()
        if not line:
            continue
        out.append(json.loads(line)["key"] if line.startswith("{") else line)
    return out


def ok(k):
    if half is None:
        return True
    c = k.split("@")[0][-1]
    d = int(c) if c.isdigit() else 0
    return (d % 2 == 0) == (half == "even")


for p in args[1:]:
    ks = [k for k in dict.fromkeys(keys(p)) if ok(k)]
    real = sum(1 for k in ks if k in J and J[k]["real"].strip() == "1")
    false = sum(1 for k in ks if k in J and J[k]["real"].strip() == "0")
    un = [k for k in ks if k not in J]
    print(
        f"{p}: {len(ks)} keys, judged real {real} false {false} ({100 * real / max(1, real + false):.1f}%), unjudged {len(un)}"
    )
