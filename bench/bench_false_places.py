#!/usr/bin/env python
"""False places: how often a row's place comes from a word that is not a place name in its sentence.

Runs rasd over a fixed slice of SaudiNewsNet (1,500 articles, seed 20150721, any length; the texts
are read from ``../shared/data/saudinewsnet`` and never copied), keeps every row whose location is
named in its evidence sentence (a "place choice": the Arabic word the gazetteer read), samples 100 of
them with a fixed seed, and scores them against the hand judgements in
``bench/false_places_judgements.tsv`` (article id, the Arabic word read, the location chosen, and
the verdict: ``place`` = that word names this place there, ``not`` = an ordinary word, a person's or a
newspaper's name read as a place; ``other`` = a real place but the wrong one). Only the word and the
verdict are kept in the repository, never a sentence.

    python bench/bench_false_places.py                      # run, sample, score (needs judgements)
    python bench/bench_false_places.py --show               # also print each sampled sentence to judge
    python bench/bench_false_places.py --ner-model none     # rules only
    python bench/bench_false_places.py --write-template F   # a judgement file to fill in (verdicts empty)

A sampled choice that has no judgement yet is reported as unjudged; a run after the gazetteer or
rules change may sample new choices, which then need judging (``--show``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_pipeline import DEFAULT_DATA, load_corpus, sample

JUDGEMENTS = ROOT / "bench" / "false_places_judgements.tsv"
COLUMNS = ("article", "word", "location", "country", "verdict", "note")


def place_choices(pipeline, gaz, articles) -> list[dict]:
    """Every row whose location is read from a word of its evidence sentence."""
    from extractor.normalize import normalize_text

    out = []
    for i in range(0, len(articles), 16):
        for art, res in zip(
            articles[i : i + 16], pipeline.process_many(articles[i : i + 16])
        ):
            for e in res.events:
                text = normalize_text(e.evidence)
                found = [
                    p
                    for p in gaz.find(text, context_country=e.country)
                    if p.location == e.location
                ]
                if not found:
                    continue  # inherited from an earlier sentence or the article's country: not a word here
                out.append({"article": art.id, "word": found[0].matched, "location": e.location,
                            "country": e.country, "evidence": e.evidence})  # fmt: skip
    return out


def read_judgements(path: Path) -> dict[tuple[str, str, str, str], dict]:
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as f:
        rows = [
            r
            for r in csv.DictReader(
                (x for x in f if not x.startswith("#")), delimiter="\t"
            )
        ]
    return {(r["article"], r["word"], r["location"], r["country"]): r for r in rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--n", type=int, default=1500, help="articles in the slice (default 1500)"
    )
    ap.add_argument("--seed", type=int, default=20150721, help="article sampling seed")
    ap.add_argument(
        "--sample", type=int, default=100, help="place choices judged (default 100)"
    )
    ap.add_argument(
        "--sample-seed", type=int, default=10, help="place-choice sampling seed"
    )
    ap.add_argument("--ner-model", default="bundled")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    ap.add_argument(
        "--show",
        action="store_true",
        help="print each sampled choice with its sentence (stderr)",
    )
    ap.add_argument(
        "--write-template",
        type=Path,
        help="write the sample as a judgement file to fill in",
    )
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "2")
    if not args.data.is_dir():
        print(f"bench_false_places: no SaudiNewsNet in {args.data}", file=sys.stderr)
        return 2
    from extractor.document import Article
    from extractor.pipeline import Pipeline

    t0 = time.perf_counter()
    arts = sample(load_corpus(args.data), args.n, args.seed, 0, 0)
    articles = [Article(id=a["id"], text=a["text"], source=a["source"]) for a in arts]
    pipeline = Pipeline(None if args.ner_model == "none" else args.ner_model)
    choices = place_choices(pipeline, pipeline.gazetteer, articles)
    # a stable sample: the choices with the smallest seeded hashes, so that a change of the rules
    # that adds or drops a few choices changes only those few picks (and their judgements carry over)
    def rank(c: dict) -> str:
        key = f"{args.sample_seed}|{c['article']}|{c['word']}|{c['location']}|{c['evidence'][:80]}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()

    picked = sorted(choices, key=rank)[: args.sample]
    picked.sort(key=lambda c: (c["article"], c["word"]))
    if args.write_template:
        with open(args.write_template, "w", encoding="utf-8") as f:
            f.write("\t".join(COLUMNS) + "\n")
            f.writelines(
                "\t".join(
                    [c["article"], c["word"], c["location"], c["country"], "", ""]
                )
                + "\n"
                for c in picked
            )
    judged = read_judgements(args.judgements)
    counts = {"place": 0, "not": 0, "other": 0, "unjudged": 0}
    for c in picked:
        j = judged.get((c["article"], c["word"], c["location"], c["country"]))
        verdict = (j or {}).get("verdict", "").strip() or "unjudged"
        counts[verdict if verdict in counts else "unjudged"] += 1
        if args.show:
            from extractor.normalize import normalize_text

            t = normalize_text(c["evidence"])
            k = max(t.find(c["word"]), 0)
            print(f"[{verdict}] {c['article']}  {c['word']} -> {c['location']} ({c['country']})\n"
                  f"    ...{t[max(0, k - 90) : k + len(c['word']) + 60]}...", file=sys.stderr)  # fmt: skip

    n = sum(v for k, v in counts.items() if k != "unjudged")
    print(
        f"articles: {len(articles)} (seed {args.seed}); rows with a place read from their sentence: {len(choices)}"
    )
    print(
        f"sampled: {len(picked)} (seed {args.sample_seed}); judged: {n}; "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
    )
    if n:
        print(
            f"from a word that is not a place: {counts['not'] / n:.1%}; a real place but the wrong one: {counts['other'] / n:.1%}"
        )
    print(f"({time.perf_counter() - t0:.0f} s, NER {args.ner_model})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
