#!/usr/bin/env python
"""Paired precision: real / false over the judged keys that each key file emits (a steadier figure than a new draw).

    python bench/audit_pair.py bench/audit_judgements.tsv OLD.jsonl NEW.jsonl          # seed 9 / 101 samples
    python bench/audit_pair.py J.tsv[,MORE.tsv] KEYS1 [KEYS2 ...] [--half even|odd]     # a tuning split by id
    python bench/audit_pair.py bench/audit_judgements.tsv OLD.jsonl NEW.jsonl --clean 9  # the honest part of a check

Key files: one key a line (audit_precision.py --keys-out) or audit_rows.py JSONL. --half keeps the articles whose
id ends in an even (tune) or odd (check) digit. --clean SAMPLE keeps the articles of that registered sample
(bench/audit_samples.tsv) that no tuning sample held; --tuned SAMPLE the others (what a rule writer had seen)."""

import csv
import json
import sys

argv = sys.argv[1:]
opts = {}
for o in ("--half", "--clean", "--tuned"):
    if o in argv:
        i = argv.index(o)
        opts[o] = argv[i + 1]
        del argv[i : i + 2]
args = argv
half = opts.get("--half")
part = None  # the article ids kept by --clean / --tuned
if "--clean" in opts or "--tuned" in opts:
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from audit_samples import Samples
    from bench_pipeline import DEFAULT_DATA, load_corpus

    S = Samples(load_corpus(DEFAULT_DATA))
    name = opts.get("--clean") or opts["--tuned"]
    part = S.clean_ids(name) if "--clean" in opts else S.ids(name) - S.clean_ids(name)
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
    if part is not None and k.split("@")[0] not in part:
        return False
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
