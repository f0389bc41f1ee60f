#!/usr/bin/env python
"""A precision audit anyone can rerun: 100 rows from news the rules were not written against.

    python bench/audit_precision.py                   # print the sample (evidence + fields) and the score
    python bench/audit_precision.py --articles 3000 --rows 100 --seed 9
    python bench/audit_precision.py --gate off --keys-out /tmp/keys.txt --quiet   # paired comparisons
    python bench/audit_precision.py --sample 221      # a sample of bench/audit_samples.tsv, rebuilt as it was drawn

Samples ``--articles`` SaudiNewsNet articles (``../shared/data/saudinewsnet``, July-August 2015, read
where they are and never copied: CC BY-NC-SA, see its SOURCE.md) with a fixed seed, extracts events
from them (rules only: the bundled NER changes no row on dev-eval), then samples ``--rows`` of the
rows with the same seed and prints, for each, a key, the evidence sentence and the fields.

``bench/audit_judgements.tsv`` holds one hand judgement per key (no article text): ``real`` is 1 when
the row is a real, specific, dated event ACLED would code (right event, not a mention, a
threat, a statement, a cumulative toll or background), and ``wrong`` lists the fields of a real row
that are wrong. The script joins the sample with the judgements and prints the share of real rows;
rows of the sample with no judgement are counted and listed, so a changed rule set shows what needs
judging again. Exit 0 always (it is a report, not a test).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_pipeline import DEFAULT_DATA, load_corpus

JUDGEMENTS = ROOT / "bench" / "audit_judgements.tsv"
FIELDS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location",
          "fatalities")  # fmt: skip


def row_key(row: dict) -> str:
    """A key that names a row without its text: article id and the evidence offset."""
    return f"{row['article_id']}@{row['evidence_start']}:{row['sub_event_type']}"


def row_keys(rows: list[dict]) -> list[str]:
    """The key of each row of one article, in the order the pipeline gives them. A sentence split by place (ACLED:
    one event per location) gives rows with one evidence offset and sub-event; the second and later get their
    location after a ``~`` ("...@386:Suicide bomb~Ain al Arab"), so each row is judged on its own. The first keeps
    the plain key: judgements written before these keys still name it."""
    seen: set[str] = set()
    out = []
    for r in rows:
        k = row_key(r)
        if k in seen:
            k = f"{k}~{r.get('location') or ''}"
            n = 2
            while k in seen:
                k = f"{row_key(r)}~{r.get('location') or ''}~{n}"
                n += 1
        seen.add(k)
        out.append(k)
    return out


def load_judgements(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        return {r["key"]: r for r in csv.DictReader(fh, delimiter="\t")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--rows", type=int, default=100)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    ap.add_argument("--quiet", action="store_true", help="only the score, not the rows")
    ap.add_argument("--gate", choices=("default", "on", "off"), default="default",
                    help="the learned sentence gate (extractor/gate.py): as rasd extract does, or forced on/off")
    ap.add_argument("--keys-out", type=Path, help="also write the key of every row (not only the sample), one a "
                    "line: to compare two rule sets over all judged keys")
    ap.add_argument("--exclude-seeds", default="", metavar="S,S,...",
                    help="draw the articles only from those that the samples of these seeds do not hold: a fresh "
                    "sample that no rule was written on and that no earlier judging has read")
    ap.add_argument("--sample", help="a registered sample of bench/audit_samples.tsv (its seed also draws the rows); "
                    "--exclude-seeds leaves out first draws only, which a sample drawn with exclusions is not")
    args = ap.parse_args(argv)

    from extractor import get_pipeline
    from extractor.document import Article

    arts = load_corpus(args.data)
    if not arts:
        print(f"audit: no SaudiNewsNet zips in {args.data}", file=sys.stderr)
        return 0
    if args.sample:
        from audit_samples import Samples

        S = Samples(arts, size=args.articles)
        if args.sample not in S.reg:
            ap.error(f"sample {args.sample!r} is not in bench/audit_samples.tsv")
        args.seed = S.reg[args.sample].seed
        picked = S.articles(args.sample)
    else:
        used: set[str] = set()
        for other in (int(x) for x in args.exclude_seeds.split(",") if x.strip()):
            used |= {a["id"] for a in random.Random(other).sample(arts, min(args.articles, len(arts)))}
        pool = [a for a in arts if a["id"] not in used]
        picked = random.Random(args.seed).sample(pool, min(args.articles, len(pool)))
    pipe = get_pipeline(None, **({} if args.gate == "default" else {"gate": args.gate == "on"}))
    rows: list[dict] = []
    for a in picked:
        art = Article(id=a["id"], text=a["text"], published=date.fromisoformat(a["date"]) if a["date"] else None,
                      date_basis="json")  # fmt: skip
        mine = [e.to_dict() for e in pipe.process(art).events]
        for r, k in zip(mine, row_keys(mine)):
            r["audit_key"] = k
        rows += mine
    rows.sort(key=lambda r: r["audit_key"])
    if args.keys_out:
        args.keys_out.write_text("".join(r["audit_key"] + "\n" for r in rows), encoding="utf-8")
    sample = random.Random(args.seed).sample(rows, min(args.rows, len(rows)))
    judged = load_judgements(args.judgements)
    real = seen = 0
    missing = []
    wrong_fields: dict[str, int] = {}
    for i, r in enumerate(sample, 1):
        k = r["audit_key"]
        j = judged.get(k)
        if not args.quiet:
            print(f"--- {i} {k}")
            print(f"    evidence: {r['evidence']}")
            print("    " + " | ".join(f"{f}={r.get(f)}" for f in FIELDS))
            if j:
                print(f"    judged: real={j['real']} wrong={j.get('wrong', '')} {j.get('note', '')}")
        if j is None:
            missing.append(k)
            continue
        seen += 1
        real += j["real"].strip() == "1"
        if j["real"].strip() == "1":
            for f in filter(None, (j.get("wrong") or "").split(",")):
                wrong_fields[f.strip()] = wrong_fields.get(f.strip(), 0) + 1
    print(f"audit: {len(picked)} articles, {len(rows)} rows, {len(sample)} sampled (seed {args.seed}); "
          f"{seen} judged: {real} real ({100 * real / seen if seen else 0:.0f}%)"
          + (f"; wrong fields on real rows: {wrong_fields}" if wrong_fields else "")
          + (f"; {len(missing)} not judged yet" if missing else ""), file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
