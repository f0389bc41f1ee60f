"""Writers: a rich table for people, JSON Lines and ACLED-order CSV for pipelines.

File output is atomic: rows go to a temporary file next to the target, which
replaces the target only when everything was written (``os.replace``), so a
crash or a kill never leaves a half-written file behind. ``append`` mode adds
whole lines to an existing file under an exclusive lock and fsyncs them.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

import orjson

from .record import ACLED_COLUMNS, PROVENANCE_COLUMNS, Event

FORMATS = ("table", "jsonl", "csv", "parquet")


def jsonl_line(event: Event) -> bytes:
    return orjson.dumps(event.to_dict()) + b"\n"


class JsonlWriter:
    def __init__(self, out: IO[bytes]):
        self.out = out

    def write(self, events: Iterable[Event]) -> None:
        for ev in events:
            self.out.write(jsonl_line(ev))
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class CsvWriter:
    """ACLED export order; ``provenance=True`` appends rasd's provenance columns."""

    def __init__(self, out: IO[bytes], *, provenance: bool = False, header: bool = True):
        self.out = out
        self.columns = ACLED_COLUMNS + (PROVENANCE_COLUMNS if provenance else ())
        self.header = header

    def write(self, events: Iterable[Event]) -> None:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        if self.header:
            w.writerow(self.columns)
            self.header = False
        for ev in events:
            d = ev.to_dict()
            w.writerow(["" if d[c] is None else d[c] for c in self.columns])
        self.out.write(buf.getvalue().encode("utf-8"))
        self.out.flush()

    def close(self) -> None:
        if self.header:  # no rows at all: still a valid CSV with its header
            self.write([])
        self.out.flush()


class TableWriter:
    """A rich table on the terminal; rows are collected and drawn at the end."""

    COLUMNS = (
        ("event_date", "Date"), ("sub_event_type", "Sub-event type"), ("actor1", "Actor 1"),
        ("actor2", "Actor 2"), ("location", "Location"), ("admin1", "Admin 1"), ("country", "Country"),
        ("fatalities", "Fat."), ("evidence", "Evidence"),
    )  # fmt: skip

    def __init__(self, console=None):
        from rich.console import Console

        self.console = console or Console()
        self.rows: list[Event] = []

    def write(self, events: Iterable[Event]) -> None:
        self.rows.extend(events)

    def close(self) -> None:
        from rich.table import Table

        if not self.rows:
            self.console.print("[dim]No events found.[/dim]")
            return
        # a narrow terminal keeps the columns an analyst scans first; -f jsonl has everything
        width = self.console.width
        drop = set() if width >= 140 else {"country"} if width >= 110 else {"country", "admin1", "evidence"}
        columns = [(c, t) for c, t in self.COLUMNS if c not in drop]
        caption = "narrow terminal: some columns hidden (use -f jsonl or -f csv for all)" if drop else None
        table = Table(show_lines=True, title=f"{len(self.rows)} event(s)", caption=caption)
        for col, title in columns:
            table.add_column(title, overflow="fold", no_wrap=col == "event_date",
                             max_width=48 if col == "evidence" else None)  # fmt: skip
        for ev in self.rows:
            cells = []
            for col, _ in columns:
                v = getattr(ev, col)
                if col == "event_date" and v and ev.time_precision and ev.time_precision > 1:
                    v = f"{v} (±{'week' if ev.time_precision == 2 else 'month'})"
                if col == "event_date" and not v:
                    v = "unresolved"
                if col == "evidence" and isinstance(v, str) and len(v) > 160:
                    v = v[:157] + "…"
                cells.append("" if v is None else str(v))
            table.add_row(*cells)
        self.console.print(table)


def make_writer(fmt: str, out: IO[bytes], *, provenance: bool = False, header: bool = True, console=None):
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt == "csv":
        return CsvWriter(out, provenance=provenance, header=header)
    if fmt == "table":
        return TableWriter(console)
    if fmt == "parquet":  # optional: pyarrow (rasd[parquet]); see extractor/parquet.py
        from .parquet import ParquetWriter

        return ParquetWriter(out)
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Write ``path`` all-or-nothing: a temp file in the same folder, fsync, rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
