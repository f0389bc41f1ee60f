"""`rasd models ...`: the NER model: info, evaluate, train, download.

A thin layer: the work is done by extractor.ner, extractor.ner_eval and tools/train_ner.py.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    help="The NER model: info, evaluate, train, download.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ROOT = Path(__file__).resolve().parent.parent


class OutFormat(str, Enum):
    table = "table"
    json = "json"


ModelOpt = Annotated[
    str, typer.Option("--model", "--ner-model", "-m", envvar="RASD_NER_MODEL",
                      help="bundled (default), official (after `rasd models download`), or a .pt model file.")
]  # fmt: skip
CacheOpt = Annotated[
    Optional[Path], typer.Option("--cache-dir", help="Where official models live (default $RASD_CACHE/stanza or "
                                 "~/.cache/rasd/stanza).")
]  # fmt: skip
FormatOpt = Annotated[OutFormat, typer.Option("--format", "-f", help="table for people, json for machines.")]


def _err(msg: str) -> None:
    """One line on stderr, through the CLI's one stderr console."""
    from cli.console import MESSAGES

    MESSAGES.error(msg)


_STDOUT = None


def _console():
    """The stdout console for score tables (built once)."""
    global _STDOUT
    if _STDOUT is None:
        from rich.console import Console

        _STDOUT = Console()
    return _STDOUT


def _load(model: str, cache_dir: Path | None):
    from extractor.ner import NerUnavailable, build_ner

    if model in ("none", ""):
        _err("this command needs an NER model: --model bundled, official or a .pt file (RASD_NER_MODEL is 'none')")
        raise typer.Exit(2)

    try:
        return build_ner(model, str(cache_dir) if cache_dir else None)
    except NerUnavailable as e:
        _err(str(e))
        raise typer.Exit(1)


def _score_table(title: str, results: dict) -> None:
    from rich.table import Table

    console = _console()
    for name, r in results.items():
        if "error" in r:
            _err(f"{name}: {r['error']}")
            continue
        scores = r.get("scores", r)
        t = Table(title=f"{title}{name}" + (f" ({r['sentences']} sentences, {r['tokens']} tokens)" if "tokens" in r else ""))
        for col in ("type", "precision", "recall", "F1", "support"):
            t.add_column(col, justify="left" if col == "type" else "right")
        for typ, s in scores.items():
            t.add_row(typ, f"{s['precision']:.2f}", f"{s['recall']:.2f}", f"{s['f1']:.2f}", str(s.get("support", "")),
                      style="bold" if typ == "micro" else None)  # fmt: skip
        console.print(t)
        if r.get("description"):
            console.print(f"  {r['description']}", style="dim")


@app.command()
def info(
    model: ModelOpt = "bundled",
    cache_dir: CacheOpt = None,
    fmt: FormatOpt = OutFormat.table,
) -> None:
    """What NER model is loaded, from where, its size and its recorded scores."""
    if model in ("none", ""):
        if fmt == OutFormat.json:
            typer.echo(json.dumps({"name": None, "source": None, "note": "NER is off: rules only"}))
        else:
            typer.echo("model:      none (NER is off: --ner-model none or RASD_NER_MODEL=none; rules only)")
        return
    m = _load(model, cache_dir)
    data = {
        "name": m.name,
        "source": m.source,
        "pretrain": m.pretrain,
        "size_mb": round(m.size_bytes / 1e6, 1),
        "load_seconds": round(m.load_seconds, 2),
        "trained_on": m.meta.get("trained_on"),
        "vectors": (m.meta.get("vectors") or {}).get("sources"),
        "scores": m.scores,
        "lexicon": {"source": m.lexicon.source, "strings": len(m.lexicon), "by_type": m.lexicon.counts()}
        if m.lexicon is not None else None,
    }
    if fmt == OutFormat.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    typer.echo(f"model:      {m.name}")
    typer.echo(f"source:     {m.source}")
    typer.echo(f"vectors:    {m.pretrain}")
    typer.echo(f"size:       {data['size_mb']} MB")
    typer.echo(f"loaded in:  {data['load_seconds']} s")
    lex = data["lexicon"]
    typer.echo("dictionary: " + (f"on, {lex['strings']} strings after the tagger (RASD_NER_LEXICON=0: off)" if lex
                                 else "off"))  # fmt: skip
    if data["trained_on"]:
        typer.echo("trained on: " + "; ".join(data["trained_on"]))
    if m.scores:
        _score_table("recorded scores: ", {k: {"scores": v} for k, v in m.scores.items()})


@app.command()
def evaluate(
    model: ModelOpt = "bundled",
    cache_dir: CacheOpt = None,
    data: Annotated[Optional[Path], typer.Option("--data", envvar="RASD_DATA",
                                                 help="The shared data folder (default ../shared/data).")] = None,
    sets: Annotated[Optional[list[str]], typer.Option("--set", help="anercorp-test (default), wojood (default), "
                                                      "anercorp-dev. Repeatable.")] = None,
    lexicon: Annotated[bool, typer.Option("--lexicon/--no-lexicon", help="The dictionary pass after the bundled "
                                          "tagger (extractor/ner_lexicon.py; off: RASD_NER_LEXICON=0).")] = True,
    fmt: FormatOpt = OutFormat.table,
) -> None:
    """Entity-level precision/recall/F1 (exact span, CoNLL style), per type and micro.

    ANERcorp test (in-domain news) and the Wojood sample's outer layer mapped to
    PER/ORG/LOC (PERS->PER, ORG->ORG, GPE/LOC/FAC->LOC; other Wojood types and MISC
    predictions are left out) as out-of-domain.
    """
    from extractor import ner_eval
    from extractor.ner_corpus import default_data_dir

    if model in ("none", ""):
        _err("this command needs an NER model: --model bundled, official or a .pt file (RASD_NER_MODEL is 'none')")
        raise typer.Exit(2)
    names = sets or ["anercorp-test", "wojood"]
    for n in names:
        if n not in ner_eval.DATASETS:
            raise typer.BadParameter(f"{n!r}: choose from {', '.join(ner_eval.DATASETS)}", param_hint="--set")
    d = data or default_data_dir()
    if not d.is_dir():
        _err(f"data folder {d} not found: pass --data or set RASD_DATA")
        raise typer.Exit(1)
    m = _load(model, cache_dir)
    if not lexicon:
        m.lexicon = None
    lex = m.lexicon
    lex_info = {"source": lex.source, "strings": len(lex), "by_type": lex.counts()} if lex is not None else None
    results = ner_eval.run_evaluations(m, names, d)
    if fmt == OutFormat.json:
        typer.echo(json.dumps({"model": m.name, "source": m.source, "lexicon": lex_info, "results": results},
                              ensure_ascii=False, indent=2))  # fmt: skip
    else:
        if lex_info:
            by = ", ".join(f"{k} {v}" for k, v in lex_info["by_type"].items())
            _console().print(f"dictionary pass: on ({lex_info['strings']} strings: {by}; --no-lexicon or "
                             "RASD_NER_LEXICON=0 turns it off)")  # fmt: skip
        else:
            _console().print("dictionary pass: off (tagger only)")
        _score_table(f"{m.name} on ", results)
        for name, r in results.items():
            cov = r.get("in_lexicon", {}).get("all")
            if cov:
                _console().print(f"  {name}: {cov['in']} of {cov['of']} gold entities ({cov['share']:.1f}%) are "
                                 "dictionary strings", style="dim")  # fmt: skip
    if any("error" in r for r in results.values()):
        raise typer.Exit(1)


@app.command()
def train(
    steps: Annotated[int, typer.Option("--steps", help="Maximum training steps (early stopping on dev).")] = 2000,
    seed: Annotated[int, typer.Option("--seed")] = 1234,
    data: Annotated[Optional[Path], typer.Option("--data", envvar="RASD_DATA", help="The shared data folder.")] = None,
    work: Annotated[Path, typer.Option("--work", help="Folder for intermediate files.")] = ROOT / "work",
    aqmar: Annotated[bool, typer.Option("--aqmar/--no-aqmar", help="Add AQMAR (Wikipedia) to the training data.")] = False,
    fresh: Annotated[bool, typer.Option("--fresh", help="Rebuild the word vectors too.")] = False,
    install: Annotated[bool, typer.Option("--install/--no-install", help="Copy the result into extractor/data/models.")] = True,
    continue_from: Annotated[Optional[Path], typer.Option("--continue-from", help="Go on training this model "
                                                          "(a second stage, Stanza's --finetune).")] = None,
) -> None:
    """Reproduce the bundled model from ../shared/data (needs a source checkout and gensim)."""
    tools = ROOT / "tools"
    if not (tools / "train_ner.py").exists():
        _err("training needs a source checkout of rasd (tools/train_ner.py not found)")
        raise typer.Exit(1)
    sys.path.insert(0, str(tools))
    import train_ner  # type: ignore[import-not-found]

    from extractor.ner_corpus import default_data_dir

    d = data or default_data_dir()
    if not d.is_dir():
        _err(f"data folder {d} not found: pass --data or set RASD_DATA")
        raise typer.Exit(1)
    train_ner.train(d, work, steps, seed, aqmar, fresh, continue_from=continue_from)
    if install:
        meta = train_ner.install(work, d)
        _score_table("", {k: {"scores": v} for k, v in meta["scores"].items()})


@app.command()
def download(cache_dir: CacheOpt = None) -> None:
    """Fetch Stanza's official Arabic models (needs internet); use them with --ner-model official."""
    from extractor.ner import NerUnavailable, download_official

    try:
        d = download_official(cache_dir)
    except NerUnavailable as e:
        _err(str(e))
        raise typer.Exit(1)
    from cli.console import MESSAGES

    MESSAGES.say(f"official Stanza Arabic models are in {d}; use them with --ner-model official")


if __name__ == "__main__":  # pragma: no cover
    app()
