"""The `rasd` command line: a thin Typer layer over the `extractor` library.

It parses options into a :class:`extractor.run.RunConfig`, picks a sink, runs
:class:`extractor.run.Runner` and prints. Data goes to stdout (or -o FILE,
written atomically); errors, warnings and progress go to stderr through one
console. Exit codes: 0 success (also with no events), 1 some inputs failed,
2 usage errors, 75 (EX_TEMPFAIL) the --state lock is held by another run.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cli._fast_params import install as _fast_params
from cli.console import MESSAGES
from extractor import __version__

_fast_params()  # option values without pydantic where the answer is certain (0.25 s less at every start)

EX_TEMPFAIL = 75  # sysexits.h: try again later (cron wrappers tell "busy" from "broken")

app = typer.Typer(
    name="rasd",
    help="رصد — turn Arabic news articles into ACLED-style conflict-event rows.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

INPUT, OUTPUT, MODEL, CRON, DIAG = "Input", "Output", "Model", "Cron", "Diagnostics"


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    parquet = "parquet"  # needs pyarrow (rasd[parquet]) and -o FILE


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rasd {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool], typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version.")
    ] = None,
) -> None:
    """رصد — turn Arabic news articles into ACLED-style conflict-event rows."""


def _usage(msg: str, param: str | None = None) -> typer.Exit:
    """A usage error found after parsing: one line on stderr, exit 2 (raise what this returns)."""
    MESSAGES.say(f"{param}: {msg}" if param else msg, "usage error")
    return typer.Exit(2)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(value: str | None) -> date | None:
    """--date: exactly YYYY-MM-DD (a typo must not pass as some other date)."""
    if value is None:
        return None
    v = value.strip()
    try:
        if not _ISO_DAY.fullmatch(v):
            raise ValueError
        return date.fromisoformat(v)
    except ValueError:
        raise _usage(f"{value!r} is not a date (use YYYY-MM-DD)", "--date") from None


def _ner_name(value: str) -> str:
    """--ner-model: bundled, official, none or an existing .pt file; anything else is a usage error."""
    if value in ("bundled", "official", "none", ""):
        return value or "none"
    p = Path(value).expanduser()
    if p.suffix != ".pt":
        raise typer.BadParameter(f"{value!r}: use bundled, official, none or a path to a .pt model file")
    if not p.is_file():
        raise typer.BadParameter(f"{value!r}: no such model file")
    return value


def _choose_format(fmt: Format | None, output: Path | None) -> str:
    from extractor.writing import format_for_path

    if fmt is not None:
        return fmt.value
    if output is not None:
        got = format_for_path(output)
        if got is None:
            raise _usage(f"cannot tell the format of {output} from its suffix (.jsonl, .csv, .tsv, .parquet): give --format",
                         "--output")
        return got
    return "table" if sys.stdout.isatty() else "jsonl"


def _stdout_gone() -> None:
    """stdout cannot take more (closed pipe, full disk): silence it so the exit does not raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _quiet_broken_pipe() -> None:
    """stdout went away (e.g. `| head`): stop quietly, as Unix tools do."""
    _stdout_gone()
    raise SystemExit(0)


def _table_console():
    """The stdout console, only for the table (JSONL and CSV never build one)."""
    from rich.console import Console

    return Console()


PathsArg = Annotated[
    Optional[list[str]],
    typer.Argument(help="Files, folders (searched recursively), glob patterns, or - for stdin.", show_default=False),
]  # fmt: skip
DateOpt = Annotated[
    Optional[str], typer.Option("--date", "-d", help="Publication date for every input (YYYY-MM-DD); "
                                 "otherwise from JSON 'date', HTML metadata or the file name.", rich_help_panel=INPUT)
]  # fmt: skip
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", min=1, help="Skip (with an error) inputs larger than this.",
                                          rich_help_panel=INPUT)]  # fmt: skip
NerOpt = Annotated[
    str, typer.Option("--ner-model", envvar="RASD_NER_MODEL", callback=_ner_name, rich_help_panel=MODEL,
                      help="bundled (default), official (after `rasd models download`), a .pt model file, or none.")
]  # fmt: skip
DebugOpt = Annotated[bool, typer.Option("--debug", envvar="RASD_DEBUG", rich_help_panel=DIAG,
                                        help="Show the traceback of a failed article (or set RASD_DEBUG=1).")]


def _inputs(paths: list[str] | None) -> list[str]:
    if paths:
        return paths
    if not sys.stdin.isatty():
        return ["-"]
    raise _usage("give at least one file, folder or glob, or - for stdin", "PATHS")


def _check_output(output: Path | None, append: bool, state_path: Path | None) -> None:
    """Before any work: -o must be a file we can write, and --state without --append must not empty it."""
    if output is None:
        return
    if output.is_dir():
        raise _usage(f"{output} is a folder; give a file name", "--output")
    parent = output.parent if str(output.parent) else Path(".")
    if parent.exists() and not parent.is_dir():
        raise _usage(f"{parent} is not a folder", "--output")
    if state_path is not None and not append and output.exists() and output.stat().st_size > 0:
        raise _usage(
            f"{output} exists, and with --state only this run's new rows would replace it; "
            "add --append to add them to it, or write each run to a new file", "--output")  # fmt: skip


@app.command()
def extract(
    paths: PathsArg = None,
    pub_date: DateOpt = None,
    max_bytes: MaxBytesOpt = 20_000_000,
    encoding: Annotated[Optional[str], typer.Option("--encoding", rich_help_panel=INPUT,
                                                    help="Read every input in this encoding (e.g. cp1256, iso-8859-6, "
                                                    "utf-16) instead of detecting it; a BOM still wins.")] = None,
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", rich_help_panel=OUTPUT,
                                                   help="table on a terminal, jsonl when piped; csv and tsv are in "
                                                   "ACLED's column order.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", rich_help_panel=OUTPUT,
                                                   help="Write to FILE (atomically) instead of stdout; its suffix "
                                                   "(.jsonl, .csv, .tsv) picks the format.")] = None,
    provenance: Annotated[bool, typer.Option("--provenance", rich_help_panel=OUTPUT,
                                             help="CSV/TSV: append rasd's provenance columns after ACLED's.")] = False,
    raw_csv: Annotated[bool, typer.Option("--raw-csv", rich_help_panel=OUTPUT,
                                          help="CSV/TSV: write cells starting with = + - @ as they are (by default "
                                          "they get a leading ' so spreadsheets do not run them).")] = False,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, rich_help_panel=OUTPUT,
                                                  help="Drop rows below this confidence.")] = 0.0,
    dedupe: Annotated[bool, typer.Option("--dedupe", rich_help_panel=OUTPUT,
                                         help="Merge reports of one event from several articles into one row "
                                         "(all outlets in source, lowest fatality figure).")] = False,
    ner_model: NerOpt = "bundled",
    prefilter: Annotated[bool, typer.Option("--prefilter/--no-prefilter", rich_help_panel=MODEL,
                                            help="Run NER only on sentences with a trigger.")] = True,
    gate: Annotated[bool, typer.Option("--gate/--no-gate", rich_help_panel=MODEL,
                                       help="Drop rows whose evidence the learned sentence gate (a linear model "
                                       "trained on the OEDA Arabic gold, extractor/gate.py) reads as no specific "
                                       "event report (on by default; --no-gate keeps every row); --explain gives the score.")] = True,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, rich_help_panel=MODEL,
                                         help="Worker processes, one model each; the output does not depend on it.")] = 1,
    state_path: Annotated[Optional[Path], typer.Option("--state", rich_help_panel=CRON,
                                                       help="SQLite state file: skip articles done by earlier runs "
                                                       "(by content and source), record per-article status and "
                                                       "errors, keep event ids and timestamps stable.")] = None,
    append: Annotated[bool, typer.Option("--append", rich_help_panel=CRON,
                                         help="Add the new rows to the end of -o FILE (kill-safe with --state).")] = False,
    wait: Annotated[bool, typer.Option("--wait/--no-wait", rich_help_panel=CRON,
                                       help="When another run holds the --state lock: wait (up to --lock-timeout) "
                                       "or exit 75 (EX_TEMPFAIL) at once.")] = True,
    lock_timeout: Annotated[float, typer.Option("--lock-timeout", min=0.0, rich_help_panel=CRON,
                                                help="Seconds to wait for the --state lock (then exit 75).")] = 300.0,
    explain: Annotated[bool, typer.Option("--explain", rich_help_panel=DIAG,
                                          help="On stderr, say why trigger phrases were not coded.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", rich_help_panel=DIAG,
                                        help="No progress or summary on stderr.")] = False,
    debug: DebugOpt = False,
    engine: Annotated[str, typer.Option("--engine", rich_help_panel=MODEL,
                                        help="local: -j worker processes here; dask: a Dask cluster (--scheduler, "
                                        "else a LocalCluster of -j workers). See docs/SCALE.md.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", rich_help_panel=MODEL,
                                                     help="Address of a dask.distributed scheduler, e.g. "
                                                     "tcp://10.0.0.5:8786 (--engine dask).")] = None,
    device: Annotated[str, typer.Option("--device", rich_help_panel=MODEL, help="Where the NER runs: cpu or cuda.")] = "cpu",
    pipeline_factory: Annotated[Optional[str], typer.Option("--pipeline-factory", envvar="RASD_PIPELINE_FACTORY",
                                                            hidden=True, help="module:callable building the "
                                                            "pipeline (tests, embedding).")] = None,
) -> None:
    """Extract ACLED-style events from articles."""
    import signal

    from extractor.run import RunConfig, load_factory, open_state
    from extractor.state import StateError, StateLocked

    from extractor.reading import UsageError, check_encoding

    published = _parse_date(pub_date)
    try:
        encoding = check_encoding(encoding)
    except UsageError as e:
        raise _usage(str(e), "--encoding") from None
    specs = _inputs(paths)
    _check_output(output, append, state_path)
    out_fmt = _choose_format(fmt, output)
    if out_fmt == "table" and output is not None:
        raise _usage("table output goes to the terminal; use jsonl, csv or tsv with -o", "--format")
    if append and output is None:
        raise _usage("--append needs -o FILE", "--append")
    from extractor.batch import check_device, check_engine

    try:
        check_engine(engine, scheduler)
    except UsageError as e:
        raise _usage(str(e), "--engine") from None
    try:
        check_device(device, engine == "local")
    except UsageError as e:
        raise _usage(str(e), "--device") from None
    if out_fmt == "parquet" and (output is None or append):
        raise _usage("parquet is written to -o FILE, whole (no --append)", "--format")
    factory = None
    if pipeline_factory:
        try:
            factory = load_factory(pipeline_factory)
        except (ImportError, ValueError) as e:
            raise _usage(str(e), "--pipeline-factory") from None
    cfg = RunConfig(
        inputs=specs, published=published, max_bytes=max_bytes, encoding=encoding, ner_model=None if ner_model == "none" else ner_model,
        prefilter=prefilter, gate=gate, pipeline_factory=factory, workers=workers, engine=engine, scheduler=scheduler,
        device=device, min_confidence=min_confidence,
        dedupe=dedupe, format=out_fmt, output=output, append=append, provenance=provenance, raw_csv=raw_csv,
        state=state_path, wait=wait, lock_timeout=lock_timeout, explain=explain, quiet=quiet, debug=debug,
    )  # fmt: skip
    # SIGTERM (cron, systemd, kill) unwinds like Ctrl-C: temp files go, the state rolls back cleanly.
    try:
        old_term = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    except ValueError:  # not the main thread (library use): leave signals alone
        old_term = None
    state = None
    try:
        try:
            state, (found, lost) = open_state(cfg, on_wait=None if quiet else MESSAGES.say)
        except StateLocked as e:
            MESSAGES.error(str(e))
            raise typer.Exit(EX_TEMPFAIL) from None
        except StateError as e:
            raise _usage(str(e), "--state") from None
        if (found or lost) and not quiet:
            MESSAGES.say(f"recovered an interrupted run: {found} row(s) already in the output, {lost} to redo")
        result = _run(cfg, state)
    finally:
        if state is not None:
            state.close()
        if old_term is not None:
            signal.signal(signal.SIGTERM, old_term)
    stats = result.stats
    if not quiet:
        extra = f", {stats.skipped} already done" if state is not None else ""
        extra += f", {stats.merged} merged by --dedupe" if dedupe else ""
        extra += f", {stats.known_bad} bad input(s) reported by an earlier run" if stats.known_bad else ""
        MESSAGES.say(f"{stats.articles} article(s), {stats.events} event(s)" + extra
                     + (f", {stats.failed} input(s) failed" if stats.failed else ""))  # fmt: skip
    raise typer.Exit(result.exit_code)


def _run(cfg, state):
    """Open the sink, load the pipeline, run; every failure is one line on stderr."""
    from extractor.parallel import WorkerStartError
    from extractor.run import Runner, open_sink

    from cli.console import Progress

    try:
        sink = open_sink(cfg, state=state, console=_table_console() if cfg.format == "table" else None)
    except OSError as e:
        MESSAGES.error(f"cannot write {cfg.output}: {e.strerror or e}")
        raise typer.Exit(1) from None
    try:
        pipeline = _pipeline(cfg) if cfg.workers <= 1 and cfg.engine == "local" else None
        progress = Progress() if sys.stderr.isatty() and not cfg.quiet else None
        report = MESSAGES.report if not cfg.quiet else MESSAGES.report_unless_info  # -q: problems only
        return Runner(cfg, sink, state=state, report=report, progress=progress, pipeline=pipeline).run()
    except BaseException as e:
        sink.abort()
        if isinstance(e, (typer.Exit, SystemExit, KeyboardInterrupt)):
            raise
        if isinstance(e, BrokenPipeError):
            _quiet_broken_pipe()
        if isinstance(e, WorkerStartError):
            MESSAGES.error(str(e).split(": ", 1)[-1])
            raise typer.Exit(1) from None
        if isinstance(e, OSError) and not cfg.debug:
            where = "stdout" if cfg.output is None else str(cfg.output)
            if cfg.output is None:
                _stdout_gone()
            MESSAGES.error(f"cannot write {where}: {e.strerror or e}")
            raise typer.Exit(1) from None
        if isinstance(e, Exception) and not cfg.debug:
            MESSAGES.error(f"internal error: {type(e).__name__}: {e} (--debug or RASD_DEBUG=1 shows the traceback)")
            raise typer.Exit(1) from None
        raise


def _pipeline(cfg):
    """The pipeline of ``cfg`` in this process; a missing model is one clear line, exit 1."""
    from extractor.ner import NerUnavailable

    try:
        return cfg.factory()()
    except (NerUnavailable, FileNotFoundError) as e:
        MESSAGES.error(str(e))
        raise typer.Exit(1) from None


@app.command()
def entities(
    paths: PathsArg = None,
    pub_date: DateOpt = None,
    max_bytes: MaxBytesOpt = 20_000_000,
    ner_model: NerOpt = "bundled",
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", rich_help_panel=OUTPUT,
                                                   help="table, jsonl, csv or tsv.")] = None,
    raw_csv: Annotated[bool, typer.Option("--raw-csv", rich_help_panel=OUTPUT,
                                          help="CSV/TSV: write formula-looking cells as they are.")] = False,
) -> None:
    """Print the named-entity spans (PER, LOC, ORG, MISC) that the NER model finds."""
    from extractor.reading import read_inputs
    from extractor.run import RunConfig
    from extractor.writing import make_entity_writer

    if ner_model == "none":
        raise _usage("entities needs an NER model (bundled, official or a model file)", "--ner-model")
    specs = _inputs(paths)
    out_fmt = _choose_format(fmt, None)
    pipeline = _pipeline(RunConfig(inputs=specs, ner_model=ner_model))
    writer = make_entity_writer(out_fmt, sys.stdout.buffer, raw=raw_csv,
                                console=_table_console() if out_fmt == "table" else None)  # fmt: skip
    failed = 0
    try:
        for item in read_inputs(specs, published=_parse_date(pub_date), max_bytes=max_bytes):
            if not hasattr(item, "text"):
                MESSAGES.error(str(item))
                failed += 1
                continue
            writer.write(pipeline.entities(item))
        writer.close()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except OSError as e:
        _stdout_gone()
        MESSAGES.error(f"cannot write stdout: {e.strerror or e}")
        raise typer.Exit(1) from None
    raise typer.Exit(1 if failed else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one event row (the JSON Lines output)."""
    import json

    from extractor.record import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


from cli.evaluate import evaluate as _evaluate; app.command("evaluate")(_evaluate)  # noqa: E402,E702
from cli.dedupe import dedupe as _dedupe; app.command("dedupe")(_dedupe)  # noqa: E402,E702
from cli.rules import app as _rules; app.add_typer(_rules, name="rules", help="The rule files: check them.")  # noqa: E402,E702,E501

try:  # `rasd models ...` (train, evaluate, info, download)
    from . import models as _models

    app.add_typer(_models.app, name="models", help="The NER model: info, evaluate, train, download.")
except ImportError:  # pragma: no cover - while the module is being written
    pass


if __name__ == "__main__":
    app()
