"""The `rasd` command line: a thin Typer layer over the `extractor` library.

Data goes to stdout (or -o FILE, written atomically); errors, warnings and
progress go to stderr. Exit codes: 0 success (also with no events), 1 some
inputs failed, 2 usage errors.
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from extractor import __version__

app = typer.Typer(
    name="rasd",
    help="رصد — turn Arabic news articles into ACLED-style conflict-event rows.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


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


def err(msg: str) -> None:
    """One line on stderr."""
    sys.stderr.write(f"rasd: {msg}\n")
    sys.stderr.flush()


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    from extractor.reading import parse_date

    d = parse_date(value)
    if d is None:
        raise typer.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)", param_hint="--date")
    return d


def _choose_format(fmt: Format | None, output: Path | None) -> str:
    if fmt is not None:
        return fmt.value
    if output is not None:
        return "csv" if output.suffix.lower() == ".csv" else "jsonl"
    return "table" if sys.stdout.isatty() else "jsonl"


def _quiet_broken_pipe() -> None:
    """stdout went away (e.g. `| head`): stop quietly, as Unix tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    raise SystemExit(0)


PathsArg = Annotated[
    Optional[list[str]],
    typer.Argument(help="Files, folders (searched recursively), glob patterns, or - for stdin.", show_default=False),
]
DateOpt = Annotated[
    Optional[str], typer.Option("--date", "-d", help="Publication date for every input (YYYY-MM-DD); "
                                 "otherwise from JSON 'date', HTML metadata or the file name.")
]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Skip (with an error) inputs larger than this.")]
NerOpt = Annotated[
    str, typer.Option("--ner-model", envvar="RASD_NER_MODEL", help="bundled (default), official (after "
                       "`rasd models download`), a model file, or none.")
]


def _inputs(paths: list[str] | None) -> list[str]:
    if paths:
        return paths
    if not sys.stdin.isatty():
        return ["-"]
    raise typer.BadParameter("give at least one file, folder or glob, or - for stdin", param_hint="PATHS")


@app.command()
def extract(
    paths: PathsArg = None,
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help="table on a terminal, jsonl when piped; "
                                                   "csv is in ACLED's column order.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.")] = None,
    pub_date: DateOpt = None,
    max_bytes: MaxBytesOpt = 20_000_000,
    ner_model: NerOpt = "bundled",
    prefilter: Annotated[bool, typer.Option("--prefilter/--no-prefilter", help="Run NER only on sentences with a trigger.")] = True,
    provenance: Annotated[bool, typer.Option("--provenance", help="CSV: append rasd's provenance columns after ACLED's.")] = False,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Drop rows below this confidence.")] = 0.0,
    explain: Annotated[bool, typer.Option("--explain", help="On stderr, say why trigger phrases were not coded.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
    state_path: Annotated[Optional[Path], typer.Option("--state", help="SQLite state file: skip articles done by earlier "
                                                       "runs (by content hash), record per-article status and errors, "
                                                       "keep event ids and timestamps stable.")] = None,
    append: Annotated[bool, typer.Option("--append", help="Add the new rows to the end of -o FILE (kill-safe with --state).")] = False,
    dedupe: Annotated[bool, typer.Option("--dedupe", help="Merge reports of one event from several articles into one row "
                                         "(all outlets in source, lowest fatality figure).")] = False,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Worker processes, one model each; "
                                         "the output does not depend on it.")] = 1,
    wait: Annotated[bool, typer.Option("--wait/--no-wait", help="When another run holds the --state lock: wait "
                                       "(up to --lock-timeout) or exit 1 at once.")] = True,
    lock_timeout: Annotated[float, typer.Option("--lock-timeout", min=0.0, help="Seconds to wait for the --state lock.")] = 300.0,
) -> None:
    """Extract ACLED-style events from articles."""
    import functools
    import signal

    from extractor.parallel import WorkerStartError
    from extractor.reading import UsageError
    from extractor.state import AppendSink, Progress, State, StateLocked, finish, run_extract
    from extractor.writing import atomic_output, make_writer

    published = _parse_date(pub_date)
    specs = _inputs(paths)
    out_fmt = _choose_format(fmt, output)
    if out_fmt == "table" and output is not None:
        raise typer.BadParameter("table output goes to the terminal; use jsonl or csv with -o", param_hint="--format")
    if append and output is None:
        raise typer.BadParameter("--append needs -o FILE", param_hint="--append")
    # SIGTERM (cron, systemd, kill) unwinds like Ctrl-C: temp files go, the state rolls back cleanly.
    try:
        old_term = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    except ValueError:  # not the main thread (library use): leave signals alone
        old_term = None
    state = None
    if state_path is not None:
        try:
            state = State(state_path, wait=wait, timeout=lock_timeout, on_wait=None if quiet else err)
        except StateLocked as e:
            err(f"error: {e}")
            raise typer.Exit(1)
    try:
        if state is not None:
            found, lost = state.recover(output, out_fmt, append)
            if (found or lost) and not quiet:
                err(f"recovered an interrupted run: {found} row(s) already in the output, {lost} to redo")
        pipeline = factory = None
        if workers > 1:
            from extractor import get_pipeline

            factory = functools.partial(get_pipeline, None if ner_model == "none" else ner_model, prefilter=prefilter)
        else:
            try:
                pipeline = _pipeline(ner_model, prefilter)
            except UsageError as e:
                raise typer.BadParameter(str(e), param_hint="--ner-model")
        commit_at_end = (output is not None and not append) or out_fmt == "table"
        progress = Progress() if sys.stderr.isatty() and not quiet else None
        try:
            with ExitStack() as stack:
                header = True
                if output is not None and append:
                    sink = AppendSink(output)
                    stack.callback(sink.close)
                    header = sink.empty
                elif output is not None:
                    sink = stack.enter_context(atomic_output(output))
                else:
                    sink = sys.stdout.buffer
                from rich.console import Console

                writer = make_writer(out_fmt, sink, provenance=provenance, header=header, console=Console())
                if progress is not None:
                    stack.callback(progress.stop)
                stats = run_extract(
                    specs, writer=writer, factory=factory, pipeline=pipeline, state=state, sink=sink,
                    commit_at_end=commit_at_end, workers=workers, dedupe=dedupe, published=published,
                    max_bytes=max_bytes, explain=explain, min_confidence=min_confidence, quiet=quiet, err=err,
                    progress=progress,
                )  # fmt: skip
                writer.close()
            if state is not None and commit_at_end:
                finish(state, stats)
        except BrokenPipeError:
            _quiet_broken_pipe()
        except WorkerStartError as e:
            if str(e).startswith("UsageError: "):
                raise typer.BadParameter(str(e).removeprefix("UsageError: "), param_hint="--ner-model")
            err(f"error: {str(e).split(': ', 1)[-1]}")
            raise typer.Exit(1)
    finally:
        if state is not None:
            state.close()
        if old_term is not None:
            signal.signal(signal.SIGTERM, old_term)
    if not quiet:
        extra = f", {stats.skipped} already done" if state is not None else ""
        extra += f", {stats.merged} merged by --dedupe" if dedupe else ""
        err(f"{stats.articles} article(s), {stats.events} event(s)" + extra
            + (f", {stats.failed} input(s) failed" if stats.failed else ""))
    raise typer.Exit(1 if stats.failed else 0)


def _pipeline(ner_model: str, prefilter: bool = True):
    from extractor import get_pipeline
    from extractor.reading import UsageError

    try:
        return get_pipeline(None if ner_model == "none" else ner_model, prefilter=prefilter)
    except Exception as e:  # NerUnavailable and friends: one clear line, no traceback
        if type(e).__name__ in ("NerUnavailable", "FileNotFoundError"):
            err(f"error: {e}")
            raise typer.Exit(1)
        if isinstance(e, UsageError):
            raise
        raise


@app.command()
def entities(
    paths: PathsArg = None,
    pub_date: DateOpt = None,
    max_bytes: MaxBytesOpt = 20_000_000,
    ner_model: Annotated[str, typer.Option("--ner-model", help="bundled (default), official, or a model file.")] = "bundled",
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help="table or jsonl (csv too).")] = None,
) -> None:
    """Print the named-entity spans (PER, LOC, ORG, MISC) that the NER model finds."""
    import orjson

    from extractor.reading import read_inputs

    if ner_model == "none":
        raise typer.BadParameter("entities needs an NER model (bundled, official or a model file)",
                                 param_hint="--ner-model")  # fmt: skip
    specs = _inputs(paths)
    out_fmt = _choose_format(fmt, None)
    pipeline = _pipeline(ner_model)
    failed = 0
    rows: list[dict] = []
    try:
        for item in read_inputs(specs, published=_parse_date(pub_date), max_bytes=max_bytes):
            if not hasattr(item, "text"):
                err(f"error: {item}")
                failed += 1
                continue
            spans = pipeline.entities(item)
            if out_fmt == "jsonl":
                for s in spans:
                    sys.stdout.buffer.write(orjson.dumps(s) + b"\n")
                sys.stdout.buffer.flush()
            else:
                rows.extend(spans)
        if out_fmt == "csv":
            import csv

            w = csv.DictWriter(sys.stdout, fieldnames=["article_id", "file", "type", "text", "start", "end", "sentence"])
            w.writeheader()
            w.writerows(rows)
        elif out_fmt == "table":
            from rich.console import Console
            from rich.table import Table

            t = Table(title=f"{len(rows)} entit{'y' if len(rows) == 1 else 'ies'}")
            for c in ("article", "type", "text", "start", "end"):
                t.add_column(c)
            for r in rows:
                t.add_row(r["article_id"], r["type"], r["text"], str(r["start"]), str(r["end"]))
            Console().print(t)
    except BrokenPipeError:
        _quiet_broken_pipe()
    raise typer.Exit(1 if failed else 0)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one event row (the JSON Lines output)."""
    import json

    from extractor.record import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


from cli.evaluate import evaluate as _evaluate; app.command("evaluate")(_evaluate)  # noqa: E402,E702
from cli.rules import app as _rules; app.add_typer(_rules, name="rules", help="The rule files: check them.")  # noqa: E402,E702,E501

try:  # `rasd models ...` (train, evaluate, info, download)
    from . import models as _models

    app.add_typer(_models.app, name="models", help="The NER model: info, evaluate, train, download.")
except ImportError:  # pragma: no cover - while the module is being written
    pass


if __name__ == "__main__":
    app()
