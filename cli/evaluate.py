"""`rasd evaluate`: precision / recall / F1 of event rows against hand-coded gold events.

Thin layer over :mod:`extractor.evaluation` (the matching rule and the scores live there).
Either scores an existing prediction file (``--pred events.jsonl``) or runs the extraction itself
over ``PATHS`` (publication dates from the manifest). Exit codes: 0 scored, 1 an input could not
be read (gold/pred/manifest: one line naming file:line; or an article failed), 2 usage errors.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer


class EvalFormat(str, Enum):
    text = "text"
    json = "json"


def _err(msg: str) -> None:
    """``rasd: msg`` through the CLI's one stderr console (control characters stripped)."""
    from cli.console import MESSAGES

    MESSAGES.say(msg)


def _usage(msg: str) -> typer.Exit:
    _err(f"usage error: {msg}")
    return typer.Exit(2)


def evaluate(
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(help="Articles to extract from and score (files, folders, globs), instead of --pred.",
                       show_default=False),
    ] = None,
    gold: Annotated[Optional[Path], typer.Option("--gold", "-g", help="Gold events, JSON Lines (required).",
                                                 show_default=False)] = None,
    pred: Annotated[Optional[Path], typer.Option("--pred", "-p", help="Predicted rows, JSON Lines from "
                                                 "`rasd extract -f jsonl`.", show_default=False)] = None,
    manifest: Annotated[Optional[Path], typer.Option("--manifest", "-m", help="CSV with id, pub_date, has_events "
                                                     "(default: manifest.csv next to --gold, if there).",
                                                     show_default=False)] = None,
    ner_model: Annotated[str, typer.Option("--ner-model", envvar="RASD_NER_MODEL", help="With PATHS: bundled, "
                                           "official, a model file, or none.")] = "bundled",
    gate: Annotated[bool, typer.Option("--gate/--no-gate", help="With PATHS: the learned sentence gate "
                                       "(on by default, as in rasd extract).")] = True,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f", help="text (tables) or json (one object).")] = EvalFormat.text,
    details: Annotated[bool, typer.Option("--details", help="Per-article misses and false positives "
                                          "(on stderr with text, in the object with json).")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Skip (with an error) inputs larger than this.")] = 20_000_000,
) -> None:
    """Score events against gold: precision, recall, F1 and per-field accuracy."""
    from extractor import evaluation as ev

    if gold is None:
        raise _usage("--gold GOLD.jsonl is required")
    if not gold.is_file():
        raise _usage(f"--gold {gold}: no such file")
    if pred is not None and paths:
        raise _usage("give either --pred PRED.jsonl or PATHS, not both")
    if pred is None and not paths:
        raise _usage("give --pred PRED.jsonl or PATHS to extract from")
    if pred is not None and not pred.is_file():
        raise _usage(f"--pred {pred}: no such file")
    if manifest is not None and not manifest.is_file():
        raise _usage(f"--manifest {manifest}: no such file")
    if manifest is None and (gold.parent / "manifest.csv").is_file():
        manifest = gold.parent / "manifest.csv"

    try:
        gold_rows = ev.load_gold(gold)
        man = ev.load_manifest(manifest) if manifest is not None else {}
        run_info: dict[str, Any] = {"gold": str(gold), "manifest": str(manifest) if manifest else None}
        failed = 0
        if pred is not None:
            pred_rows = ev.load_predictions(pred)
            run_info["pred"] = str(pred)
        else:
            pred_rows, failed, info = _extract(paths or [], man, gold_rows, ner_model, max_bytes, gate)
            run_info.update(info)
    except ev.EvaluationInputError as e:
        _err(f"error: {e}")
        raise typer.Exit(1)

    report = ev.evaluate(gold_rows, pred_rows, manifest=man)
    report["run"] = run_info
    for k in report["unknown_articles"]:
        _err(f"warning: predictions for article {k!r}, which is neither in the gold nor in the manifest "
             "(counted as false positives)")
    if fmt is EvalFormat.json:
        if not details:
            for a in report["articles"]:
                for k in ("matches", "missed", "false"):
                    a.pop(k)
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_text(report)
        if details:
            _print_details(report)
    raise typer.Exit(1 if failed else 0)


def _extract(paths: list[str], man: dict, gold_rows: list[dict], ner_model: str, max_bytes: int, gate: bool = True):
    """Load the pipeline (one line on failure) and let the library run it over ``paths``."""
    from extractor import evaluation as ev
    from extractor import get_pipeline

    try:
        pipeline = get_pipeline(None if ner_model == "none" else ner_model, **({} if gate else {"gate": False}))
    except Exception as e:  # NerUnavailable, missing model folder, ...: one line, no traceback
        _err(f"error: --ner-model {ner_model}: {e}")
        raise typer.Exit(1)
    rows, failed, info = ev.extract_rows(pipeline, paths, man, gold_rows, max_bytes=max_bytes, warn=_err)
    if pipeline.ner is not None:
        info["ner_model"] = ner_model
    return rows, failed, info


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def _print_text(report: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console(file=sys.stdout, width=max(100, Console().width), highlight=False)
    e = report["events"]
    t = Table(title="events", title_justify="left")
    for c in ("gold", "pred", "tp", "fp", "fn", "precision", "recall", "F1"):
        t.add_column(c, justify="right")
    t.add_row(*(str(e[k]) for k in ("gold", "pred", "tp", "fp", "fn")),
              f"{e['precision']:.3f}", f"{e['recall']:.3f}", f"{e['f1']:.3f}")
    con.print(t)

    t = Table(title=f"fields on {e['tp']} matched pair(s)", title_justify="left")
    for c in ("field", "correct", "accuracy"):
        t.add_column(c, justify="left" if c == "field" else "right")
    for name, f in report["fields"].items():
        label = "fatalities ±1" if name == "fatalities_pm1" else name
        t.add_row(label, f"{f['correct']}/{f['total']}", _pct(f["accuracy"]))
    con.print(t)

    n = report["negatives"]
    if n is None:
        con.print("negatives: no manifest, so no negative articles known")
    else:
        con.print(f"negatives: {n['false_events']} false event(s) on {n['articles_with_events']} of "
                  f"{n['articles']} negative article(s)")

    t = Table(title="by event type", title_justify="left")
    for c in ("event_type", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1"):
        t.add_column(c, justify="left" if c == "event_type" else "right")
    for name, b in report["by_event_type"].items():
        t.add_row(name, *(str(b[k]) for k in ("gold", "pred", "tp", "fp", "fn")),
                  f"{b['precision']:.2f}", f"{b['recall']:.2f}", f"{b['f1']:.2f}")
    con.print(t)

    t = Table(title="by article group (old: art*, new: a*/b*, check: new ids divisible by 3, tune: the rest)",
              title_justify="left")
    for c in ("group", "articles", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1", "rows on negatives"):
        t.add_column(c, justify="left" if c == "group" else "right")
    for name, b in report.get("splits", {}).items():
        t.add_row(name, *(str(b[k]) for k in ("articles", "gold", "pred", "tp", "fp", "fn")),
                  f"{b['precision']:.2f}", f"{b['recall']:.2f}", f"{b['f1']:.2f}",
                  f"{b['false_events_on_negatives']} on {b['negatives']}")
    con.print(t)

    t = Table(title="by article", title_justify="left")
    for c in ("article", "gold", "pred", "tp", "fp", "fn", "note"):
        t.add_column(c, justify="left" if c in ("article", "note") else "right")
    for a in report["articles"]:
        note = "negative" if a["negative"] else ("not in gold/manifest" if not a["in_gold"] and not a["in_manifest"] else "")
        t.add_row(a["article"], *(str(a[k]) for k in ("gold", "pred", "tp", "fp", "fn")), note)
    con.print(t)
    run = report.get("run", {})
    if "ner_model" in run:
        con.print(f"extracted {run['articles']} article(s) with --ner-model {run['ner_model']}"
                  + (f"; {run['failed_inputs']} input(s) failed" if run["failed_inputs"] else ""))
    con.print(f"matching: {report['match_rule']}")


def _print_details(report: dict) -> None:
    from extractor.evaluation import describe

    w = sys.stderr.write
    for a in report["articles"]:
        if not (a["missed"] or a["false"] or any(m["disagree"] for m in a["matches"])):
            continue
        w(f"== {a['article']}{' (negative)' if a['negative'] else ''}: tp {a['tp']} fp {a['fp']} fn {a['fn']}\n")
        for m in a["matches"]:
            if m["disagree"]:
                diffs = "; ".join(f"{f}: gold {d['gold']!r} pred {d['pred']!r}" for f, d in m["disagree"].items())
                w(f"  matched  {describe(m['gold'])}\n           differs: {diffs}\n")
        for g in a["missed"]:
            w(f"  MISSED   {describe(g)}\n")
        for p in a["false"]:
            w(f"  FALSE    {describe(p)}\n")
    sys.stderr.flush()
