#!/usr/bin/env python
"""How many actor names rasd emits on unseen news exist in ACLED's own vocabulary for that country.

    python bench/bench_actor_vocab.py                   # 1,500 SaudiNewsNet articles, rules only
    python bench/bench_actor_vocab.py --ner-model bundled --n 1500 --json out.json
    python bench/bench_actor_vocab.py --rows /tmp/rows.tsv   # every row, to read errors (never into the repo)

Samples ``--n`` articles (seeded; every run sees the same ones) from ``../shared/data/saudinewsnet``
(CC BY-NC-SA: read at run time, never copied), runs the pipeline, and compares every emitted actor1
and actor2 with the names ACLED itself used for events in the same country in the acledR reference
rows (``../shared/data/acledr_reference``, 2022, reference only). Names are compared without period
suffixes (``Military Forces of Iraq (2014-2018)`` = ``Military Forces of Iraq (2020-)``), since the
reference rows are from one half-year. It prints the share of actor slots (and of distinct names)
found there, over rows whose country has reference rows at all, and the names most often missing;
``share_slots_with_assoc_names`` also counts names ACLED used there only as associated actors.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT.parent / "shared" / "data"


def reference_vocabulary(folder: Path, assoc: bool = False) -> dict[str, set[str]]:
    """Country -> the actor names (period suffix stripped) ACLED used for its events there (as actor1/actor2;
    with ``assoc``, also as associated actors: ACLED names some allies only there, "Popular Resistance")."""
    from extractor.evaluation import norm_actor

    vocab: dict[str, set[str]] = collections.defaultdict(set)
    for name in ("acled_old_deletion_dummy.csv", "acled_old_dummy.csv"):
        with (folder / name).open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                for k in ("actor1", "actor2"):
                    if r[k]:
                        vocab[r["country"]].add(norm_actor(r[k]))
                for k in ("assoc_actor_1", "assoc_actor_2") if assoc else ():
                    for n in (r[k] or "").split("; "):
                        if n:
                            vocab[r["country"]].add(norm_actor(n))
    return vocab


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--ner-model", default="none")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--rows", type=Path, help="also write every row (id, type, actors, country, evidence) as TSV "
                    "here, to read errors (outside the repository: the evidence is SaudiNewsNet text)")
    args = ap.parse_args(argv)
    ref_dir = DATA / "acledr_reference" / "derived"
    if not (DATA / "saudinewsnet").is_dir() or not ref_dir.is_dir():
        print("bench_actor_vocab: needs ../shared/data/saudinewsnet and ../shared/data/acledr_reference", file=sys.stderr)
        return 2
    from bench_pipeline import load_corpus, sample

    from extractor import get_pipeline
    from extractor.document import Article
    from extractor.evaluation import norm_actor
    from extractor.resolve.actors import ActorLexicon

    ref = reference_vocabulary(ref_dir)
    ref_assoc = reference_vocabulary(ref_dir, assoc=True)
    found_assoc = 0
    arts = sample(load_corpus(DATA / "saudinewsnet"), args.n, args.seed, 0, 0)
    pipe = get_pipeline(None if args.ner_model == "none" else args.ner_model)
    ours = ActorLexicon.load().vocabulary()
    slots = found = outside = 0
    missing: collections.Counter = collections.Counter()
    distinct: dict[tuple[str, str], bool] = {}
    rows = 0
    dump = args.rows.open("w", encoding="utf-8") if args.rows else None
    for a in arts:
        pub = date.fromisoformat(a["date"]) if len(a["date"]) == 10 else None
        for e in pipe.process(Article(id=a["id"], text=a["text"], published=pub)).events:
            rows += 1
            if dump is not None:
                cells = (a["id"], e.event_type, e.sub_event_type, e.actor1, e.actor2, e.country, e.evidence)
                dump.write("\t".join(str(c).replace("\t", " ").replace("\n", " ") for c in cells) + "\n")
            for name in (e.actor1, e.actor2):
                if not name:
                    continue
                if e.country not in ref:
                    outside += 1
                    continue
                slots += 1
                ok = norm_actor(name) in ref[e.country]
                found += ok
                found_assoc += norm_actor(name) in ref_assoc[e.country]
                distinct[(e.country, norm_actor(name))] = ok
                if not ok:
                    missing[f"{name} [{e.country}]"] += 1
    if dump is not None:
        dump.close()
    out = {
        "articles": len(arts), "rows": rows, "ner_model": args.ner_model,
        "actor_slots_in_reference_countries": slots,
        "slots_in_acled_vocabulary": found,
        "share_slots": round(found / slots, 4) if slots else None,
        "share_slots_with_assoc_names": round(found_assoc / slots, 4) if slots else None,
        "distinct_names": len(distinct),
        "share_distinct": round(sum(distinct.values()) / len(distinct), 4) if distinct else None,
        "slots_in_countries_without_reference_rows": outside,
        "vocabulary_entries_with_source": sum(bool(s) for _, s in ours), "vocabulary_entries": len(ours),
        "most_missing": missing.most_common(15),
    }  # fmt: skip
    print(json.dumps(out, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
