#!/usr/bin/env python
"""Sentence-level recall and false-fire rate of rasd's triggers on the OEDA Arabic gold (training half).

    python bench/bench_oeda.py                  # the figures
    python bench/bench_oeda.py --list yes       # also every "yes" sentence it misses (with the reason)
    python bench/bench_oeda.py --list dno       # ... every "difficult no" sentence it fires on
    python bench/bench_oeda.py --ner-model bundled

Reads ``../shared/data/oeda_sentences/*_gsr_train.csv`` (MIT; see its SOURCE.md) at run time: nothing is
copied into the repository. Each sentence is one article (its publication day taken from the Gigaword id,
``AAW_ARB_YYYYMMDD``, when it has one). Three levels, each a sentence "fires" when:

    trigger  a template's trigger survives its needs/unless cues and the filters (templates.py)
    mention  ... and the mention stage builds a mention of it (needs_actor, history; mentions.py)
    row      ... and the whole pipeline emits a row (assembly: decisions, places; most OEDA sentences
             name no place rasd can code, so this level mostly measures places, not triggers)

A sentence fires *in class* when the type fired belongs to its file's PLOVER class: ASSAULT = Battles,
Explosions/Remote violence, Violence against civilians; PROTEST = Protests, Riots. Labels: ``yes`` (every
annotator agreed it is an event of the class), ``difficult no`` (looks like one, is not), ``easy no``;
``ambiguous`` is left out. Recall is the in-class fire rate on ``yes``; the false-fire rates are the
in-class fire rates on ``difficult no`` and ``easy no`` (an assault file's "easy no" may be a protest or
an arrest, which is why only in-class fires count).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OEDA = ROOT.parent / "shared" / "data" / "oeda_sentences"

CLASSES = {
    "ASSAULT": {"Battles", "Explosions/Remote violence", "Violence against civilians"},
    "PROTEST": {"Protests", "Riots"},
}
LABELS = {"yes": "yes", "difficult no": "dno", "easy no": "eno"}
LEVELS = ("trigger", "mention", "row")


def load(folder: Path = OEDA) -> list[dict]:
    out = []
    for name in ("assault", "protest"):
        with open(folder / f"{name}_gsr_train.csv", encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                if r["label"] in LABELS:
                    out.append({"id": r["id"], "cls": r["event_type"], "label": LABELS[r["label"]], "text": r["text"]})
    return out


def published(sid: str) -> date | None:
    m = re.search(r"_(\d{4})(\d\d)(\d\d)\.", sid)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def scan(rows: list[dict], ner: str = "none") -> None:
    """Adds, per sentence, the types fired at each level (``r[level]``: a set) and the reasons dropped."""
    from extractor.assemble import assemble
    from extractor.context import article_context
    from extractor.document import Article, Doc
    from extractor.mentions import clauses, find_mentions
    from extractor.pipeline import Pipeline

    pipe = Pipeline(ner=ner)
    tpl, gaz, lex = pipe.templates, pipe.gazetteer, pipe.lexicon
    for r in rows:
        art = Article(id=r["id"], text=r["text"], published=published(r["id"]), date_basis="cli" if published(r["id"]) else "")
        doc = Doc.from_article(art)
        doc.entities = [[] for _ in doc.sentences]
        if pipe.ner is not None:
            for s, ents in zip(doc.sentences, pipe.ner.annotate(doc.sentences)):
                doc.entities[s.index] = ents
        rejected: list = []
        trig = set()
        for s in doc.sentences:
            for c in clauses(s):
                trig |= {m.event_type for m in tpl.match_sentence(c, rejected)}
        ctx = article_context(doc, gaz, lex)
        mentions = find_mentions(doc, tpl, gaz, lex, rejected=rejected, ctx=ctx)
        merged = assemble(mentions, doc, ctx, rejected)
        r["trigger"] = trig
        r["mention"] = {m.event_type for m in mentions}
        r["row"] = {m.event_type for m in merged}
        r["by"] = sorted({f"{m.template_id}:{m.trigger}" for m in mentions})
        r["why"] = sorted({f"{x.template_id}:{x.phrase}:{x.code or x.reason[:40]}" for x in rejected})


def fired(r: dict, level: str) -> bool:
    return bool(r[level] & CLASSES[r["cls"]])


def report(rows: list[dict]) -> dict:
    table: dict = defaultdict(dict)
    for cls in ("ASSAULT", "PROTEST", "all"):
        for lab in ("yes", "dno", "eno"):
            sel = [r for r in rows if r["label"] == lab and cls in ("all", r["cls"])]
            for lv in LEVELS:
                table[(cls, lab)][lv] = (sum(fired(r, lv) for r in sel), len(sel))
    return table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ner-model", default="none", help="'none' (default) or 'bundled'")
    ap.add_argument("--list", choices=["yes", "dno", "eno"], help="list the yes sentences missed, or the no sentences fired on")
    ap.add_argument("--level", choices=LEVELS, default="mention", help="level for --list (default mention)")
    ap.add_argument("--class", dest="cls", choices=["ASSAULT", "PROTEST"], help="only this class for --list")
    ap.add_argument("--dump", type=Path, help="write each sentence's id, label and the types it fired, one JSON a line")
    args = ap.parse_args(argv)
    rows = load()
    scan(rows, args.ner_model)
    t = report(rows)
    print("OEDA training half, in-class sentence fire rates (recall on yes; false fires on difficult/easy no)")
    print(f"{'class':8} {'label':4} {'n':>5} " + " ".join(f"{lv:>14}" for lv in LEVELS))
    for (cls, lab), v in t.items():
        n = next(iter(v.values()))[1]
        print(f"{cls:8} {lab:4} {n:5d} " + " ".join(f"{k:5d} ({k / max(n, 1):5.1%})" for k, _ in v.values()))
    if args.dump:
        import json

        with open(args.dump, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({"id": r["id"], "cls": r["cls"], "label": r["label"], "by": r["by"],
                                     **{lv: sorted(r[lv]) for lv in LEVELS}}, ensure_ascii=False) + "\n")
    if args.list:
        sel = [r for r in rows if r["label"] == args.list and (args.cls in (None, r["cls"]))]
        sel = [r for r in sel if fired(r, args.level) == (args.list != "yes")]
        print(f"\n{len(sel)} {args.list} sentences {'missed' if args.list == 'yes' else 'fired on'} at level {args.level}:")
        for r in sel:
            print(f"- {r['id']} [{r['cls']}] fired={sorted(r[args.level])} by={r['by'][:4]} why={r['why'][:6]}\n  {r['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
