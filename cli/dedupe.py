"""`rasd dedupe ROWS...`: the reduce step after sharded extraction, and cron-style dedupe against a state.

Shards (machines, Dask/Spark partitions, days) run ``rasd extract`` *without* ``--dedupe``;
their row files are then reduced here with the very code ``extract --dedupe`` uses
(:func:`extractor.dedupe.dedupe_partitioned`, by event type and country, within a day window),
so the result equals one unsharded ``--dedupe`` run when the files are given in input order.
With ``--state``, rows already reduced into that state are recognised: a report that retells
one of them updates it (same id, outlets added, the toll by ACLED's rule, a new timestamp).
"""

from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from dataclasses import fields
from pathlib import Path
from typing import Annotated

import typer

_FIELDS = None


def _err(msg: str) -> None:
    """``rasd: msg`` through the CLI's one stderr console (control characters stripped)."""
    from cli.console import MESSAGES

    MESSAGES.say(msg)


def read_rows(paths: list[str], err=_err) -> tuple[list, int]:
    """Rows (Events) from rasd JSON Lines or Parquet files, in file order; ``(rows, failed inputs)``."""
    import orjson

    from extractor.record import Event

    names = {f.name for f in fields(Event)}
    rows, failed = [], 0
    for p in paths:
        try:
            if p.endswith(".parquet"):
                from extractor.parquet import read_rows as read_parquet

                recs = [(f"{p}: row {i + 1}", r) for i, r in enumerate(read_parquet(p))]
            elif p.endswith(".csv"):
                err(f"error: {p}: rasd dedupe reads JSON Lines or Parquet rows (write the shards with -f jsonl)")
                failed += 1
                continue
            else:
                fh = sys.stdin.buffer if p == "-" else open(p, "rb")
                with fh:
                    recs = []
                    for n, line in enumerate(fh, 1):
                        if line.strip():
                            try:
                                recs.append((f"{p}:{n}", orjson.loads(line)))
                            except orjson.JSONDecodeError:
                                err(f"error: {p}:{n}: not a JSON line")
                                failed += 1
        except OSError as e:
            err(f"error: {p}: {e.strerror or e}")
            failed += 1
            continue
        for where, rec in recs:
            if not isinstance(rec, dict) or not rec.get("event_id_cnty") or not rec.get("event_type"):
                err(f"error: {where}: not a rasd row (needs event_id_cnty and event_type)")
                failed += 1
                continue
            try:
                rows.append(Event(**{k: v for k, v in rec.items() if k in names}))
            except TypeError as e:
                err(f"error: {where}: {e}")
                failed += 1
    return rows, failed


def dedupe(
    rows: Annotated[list[str], typer.Argument(help="Row files (JSON Lines or .parquet) from `rasd extract`, "
                                              "in input order; - for stdin.", show_default=False)],
    state_path: Annotated[Path | None, typer.Option("--state", help="SQLite state: dedupe against the rows "
                                                       "reduced by earlier runs; emit only new and updated rows.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.")] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="jsonl (default), csv or parquet "
                                               "(from the -o suffix when not given).")] = None,
    append: Annotated[bool, typer.Option("--append", help="Add the rows to the end of -o FILE (jsonl/csv).")] = False,
    max_km: Annotated[float, typer.Option("--max-km", min=0.0, help="Two reports within this distance are "
                                          "at the same place.")] = 10.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Merge reports of one event across shard outputs (and earlier runs, with --state) into one row."""
    from extractor.dedupe import dedupe_partitioned, latest_versions
    from extractor.record import replace
    from extractor.writing import atomic_output, make_writer

    out_fmt = fmt or ("parquet" if output and output.suffix == ".parquet" else
                      "csv" if output and output.suffix == ".csv" else "jsonl")  # fmt: skip
    if out_fmt not in ("jsonl", "csv", "parquet"):
        raise typer.BadParameter(f"{out_fmt!r}: choose jsonl, csv or parquet", param_hint="--format")
    if append and (output is None or out_fmt == "parquet"):
        raise typer.BadParameter("--append needs -o FILE in jsonl or csv", param_hint="--append")
    if out_fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet output needs -o FILE", param_hint="--format")
    events, failed = read_rows(rows)
    events = latest_versions(events)  # one id, several timestamps: an updated row; keep the newest
    now = int(time.time())
    state = None
    if state_path is not None:
        from extractor.state import State, StateLocked

        try:
            state = State(state_path, on_wait=None if quiet else _err)
        except StateLocked as e:
            _err(f"error: {e}")
            raise typer.Exit(1)
    try:
        already = 0
        if state is not None:
            known = state.known_reports([e.event_id_cnty for e in events])
            already = sum(e.event_id_cnty in known for e in events)
            events = [replace(e, timestamp=e.timestamp or now) for e in events if e.event_id_cnty not in known]
        d = dedupe_partitioned(events, max_km=max_km, prior=state.prior_rows(events) if state is not None else ())
        with ExitStack() as stack:
            if output is None:
                sink = sys.stdout.buffer
                header = True
            elif append:
                from extractor.state import AppendSink

                sink = AppendSink(output)
                stack.callback(sink.close)
                header = sink.empty
            else:
                sink = stack.enter_context(atomic_output(output))
                header = True
            if out_fmt == "parquet":
                from extractor.parquet import ParquetWriter

                writer = ParquetWriter(sink)
            else:
                writer = make_writer(out_fmt, sink, header=header)
            writer.write(d.events)
            writer.close()
        if state is not None:  # after the write: a killed run is simply redone
            row_of = {m.event_id_cnty: row.event_id_cnty for row, g in zip(d.events, d.groups) for m in g}
            state.record_reduced(events, [row_of[e.event_id_cnty] for e in events], now)
    except BrokenPipeError:
        raise SystemExit(0)
    finally:
        if state is not None:
            state.close()
    if not quiet:
        extra = f", {len(d.updated)} earlier row(s) updated, {already} already reduced" if state is not None else ""
        _err(f"{len(events)} report(s) in, {len(d.events)} row(s) out{extra}"
             + (f", {failed} input(s) failed" if failed else ""))
    raise typer.Exit(1 if failed else 0)
