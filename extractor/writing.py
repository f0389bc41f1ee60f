"""Writers: a rich table for people, JSON Lines and ACLED-order CSV/TSV for pipelines.

File output is atomic: rows go to a temporary file next to the target, which
replaces the target only when everything was written (``os.replace``), so a
crash or a kill never leaves a half-written file behind. ``append`` mode adds
whole lines to an existing file under an exclusive lock and fsyncs them.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import orjson

from .record import ACLED_COLUMNS, PROVENANCE_COLUMNS, Event

FORMATS = ("table", "jsonl", "csv", "tsv", "parquet")

# ANSI CSI/OSC/other escape sequences, then any remaining C0/C1 control character but tab and newline.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
                      r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c|\x1b\\)?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """``text`` with escape sequences and control characters removed (for anything shown on a terminal):
    article text and file names must not move the cursor, set the title or hide what follows."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


# OWASP "CSV injection": a cell starting with one of these is a formula in spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object, raw: bool = False) -> object:
    """One CSV cell: None is empty; text that a spreadsheet would run as a formula gets a leading ``'``."""
    if value is None:
        return ""
    if not raw and isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


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


class DelimitedWriter:
    """Records (mappings) as CSV or TSV under a header of ``columns``; formula-looking cells neutralised."""

    def __init__(self, out: IO[bytes], columns: Sequence[str], *, header: bool = True, delimiter: str = ",",
                 raw: bool = False):
        self.out = out
        self.columns = tuple(columns)
        self.header = header
        self.delimiter = delimiter
        self.raw = raw

    def write_records(self, records: Iterable[Mapping[str, object]]) -> None:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n", delimiter=self.delimiter)
        if self.header:
            w.writerow(self.columns)
            self.header = False
        for d in records:
            w.writerow([csv_cell(d.get(c), self.raw) for c in self.columns])
        self.out.write(buf.getvalue().encode("utf-8"))
        self.out.flush()

    write = write_records

    def close(self) -> None:
        if self.header:  # no rows at all: still a valid file with its header
            self.write_records([])
        self.out.flush()


class CsvWriter(DelimitedWriter):
    """ACLED export order; ``provenance=True`` appends rasd's provenance columns."""

    def __init__(self, out: IO[bytes], *, provenance: bool = False, header: bool = True, delimiter: str = ",",
                 raw: bool = False):
        super().__init__(out, ACLED_COLUMNS + (PROVENANCE_COLUMNS if provenance else ()), header=header,
                         delimiter=delimiter, raw=raw)  # fmt: skip

    def write(self, events: Iterable[Event]) -> None:  # type: ignore[override]
        self.write_records(ev.to_dict() for ev in events)


def _text(value: object):
    """A table cell: plain text (never rich markup), stripped of control characters."""
    from rich.text import Text

    return Text("" if value is None else terminal_safe(str(value)))


class TableWriter:
    """A rich table on the terminal; rows are collected and drawn at the end."""

    COLUMNS = (
        ("event_date", "Date"), ("sub_event_type", "Sub-event type"), ("actor1", "Actor 1"),
        ("actor2", "Actor 2"), ("location", "Location"), ("admin1", "Admin 1"), ("country", "Country"),
        ("fatalities", "Fat."), ("evidence", "Evidence"),
    )  # fmt: skip

    def __init__(self, console=None):
        if console is None:
            from rich.console import Console

            console = Console()
        self.console = console
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
                cells.append(_text(v))
            table.add_row(*cells)
        self.console.print(table)


def make_writer(fmt: str, out: IO[bytes], *, provenance: bool = False, header: bool = True, console=None,
                raw: bool = False):
    """The writer of event rows in ``fmt``; ``raw``: CSV/TSV cells exactly as they are (no formula guard)."""
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt in ("csv", "tsv"):
        return CsvWriter(out, provenance=provenance, header=header, delimiter="," if fmt == "csv" else "\t", raw=raw)
    if fmt == "table":
        return TableWriter(console)
    if fmt == "parquet":  # optional: pyarrow (rasd[parquet]); see extractor/parquet.py
        from .parquet import ParquetWriter

        return ParquetWriter(out)
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format ``-o PATH`` implies by its suffix (None: the suffix says nothing)."""
    return {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
            ".json": "jsonl", ".parquet": "parquet"}.get(Path(path).suffix.lower())  # fmt: skip


# --- entity spans (`rasd entities`) ---------------------------------------------------------
ENTITY_COLUMNS = ("article_id", "file", "type", "text", "start", "end", "sentence")


class EntityJsonl:
    def __init__(self, out: IO[bytes]):
        self.out = out

    def write(self, spans: Iterable[Mapping[str, object]]) -> None:
        for s in spans:
            self.out.write(orjson.dumps(s) + b"\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class EntityTable:
    """Entity spans as a rich table, drawn at the end."""

    def __init__(self, console=None):
        if console is None:
            from rich.console import Console

            console = Console()
        self.console = console
        self.rows: list[Mapping[str, object]] = []

    def write(self, spans: Iterable[Mapping[str, object]]) -> None:
        self.rows.extend(spans)

    def close(self) -> None:
        from rich.table import Table

        t = Table(title=f"{len(self.rows)} entit{'y' if len(self.rows) == 1 else 'ies'}")
        for c in ("article", "type", "text", "start", "end"):
            t.add_column(c)
        for r in self.rows:
            t.add_row(*(_text(r[c]) for c in ("article_id", "type", "text", "start", "end")))
        self.console.print(t)


def make_entity_writer(fmt: str, out: IO[bytes], *, console=None, raw: bool = False):
    """The writer of NER spans (dicts with :data:`ENTITY_COLUMNS`) in ``fmt``."""
    if fmt == "jsonl":
        return EntityJsonl(out)
    if fmt in ("csv", "tsv"):
        return DelimitedWriter(out, ENTITY_COLUMNS, delimiter="," if fmt == "csv" else "\t", raw=raw)
    if fmt == "table":
        return EntityTable(console)
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


class AtomicFile:
    """A file written all-or-nothing: a temp file in the target's folder, fsynced and renamed by
    :meth:`commit`; :meth:`discard` (or a kill) never touches the target."""

    def __init__(self, path: str | os.PathLike[str]):
        self.target = Path(path)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        clean_stale_temps(self.target)
        # the writer's pid is in the name, so a later run can tell a killed run's file from a live one
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.target.name}.{os.getpid()}.", suffix=".tmp",
                                        dir=self.target.parent)  # fmt: skip
        self.fh = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> int:
        return self.fh.write(data)

    def flush(self) -> None:
        if not self.fh.closed:
            self.fh.flush()

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        if self.target.exists():
            os.chmod(self.tmp, self.target.stat().st_mode & 0o777)
        else:
            os.chmod(self.tmp, 0o644)
        os.replace(self.tmp, self.target)

    def discard(self) -> None:
        self.fh.close()
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass


STALE_AFTER = 3600.0  # seconds: a temp file without a pid (older rasd) this old is a killed run's


def clean_stale_temps(target: str | os.PathLike[str]) -> list[Path]:
    """Remove the temp files that killed runs left next to ``target`` (``.NAME.PID.XXXX.tmp`` whose
    process is gone; pid-less ones from older versions once they are an hour old). Returns them."""
    target = Path(target)
    removed = []
    for p in target.parent.glob(f".{glob_escape(target.name)}.*.tmp"):
        middle = p.name[len(target.name) + 2 : -len(".tmp")]
        pid, _, rest = middle.partition(".")
        try:
            if pid.isdigit() and rest:
                if _alive(int(pid)):
                    continue
            elif time.time() - p.stat().st_mtime < STALE_AFTER:
                continue
            p.unlink()
            removed.append(p)
        except OSError:
            continue
    return removed


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process (or an impossible pid: leave the file alone)
    return True


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Write ``path`` all-or-nothing (see :class:`AtomicFile`)."""
    f = AtomicFile(path)
    try:
        yield f.fh
        f.commit()
    except BaseException:
        f.discard()
        raise


class AppendFile:
    """``-o FILE --append``: whole lines, ``O_APPEND``, one write per flush, fsync on ``sync``."""

    def __init__(self, path: str | os.PathLike[str]):
        import fcntl

        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        fcntl.flock(self.fd, fcntl.LOCK_EX)  # other writers of this file wait
        self.empty = os.fstat(self.fd).st_size == 0
        self.buf = bytearray()

    def write(self, data: bytes) -> int:
        self.buf += data
        return len(data)

    def flush(self) -> None:
        view = memoryview(bytes(self.buf))
        self.buf.clear()
        while view:
            n = os.write(self.fd, view)
            view = view[n:]

    def sync(self) -> None:
        self.flush()
        os.fsync(self.fd)

    def close(self) -> None:
        if self.fd >= 0:
            self.sync()
            os.close(self.fd)
            self.fd = -1
