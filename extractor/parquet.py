"""Columnar output: ``rasd extract --format parquet -o rows.parquet`` (needs ``pip install 'rasd[parquet]'``).

The Arrow schema is derived from the :class:`~extractor.record.Event` dataclass (its field
order and type hints), so the Parquet columns are exactly the JSON Lines keys — ACLED's 31
columns in ACLED's order, then rasd's provenance — and cannot drift from the record.
Rows are buffered and written in row groups; the file itself goes through
:func:`extractor.writing.atomic_output` like every other format.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from dataclasses import fields
from typing import IO, Any

from .record import Event

ROW_GROUP = 50_000


def _require_pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:  # pragma: no cover - depends on the install
        raise RuntimeError("--format parquet needs pyarrow: pip install 'rasd[parquet]'") from e
    return pa, pq


def arrow_schema():
    """The Arrow schema of one row: a field per Event field, nullable exactly where the type says ``| None``."""
    pa, _ = _require_pyarrow()
    kinds = {str: pa.string(), int: pa.int64(), float: pa.float64()}
    hints = typing.get_type_hints(Event)
    cols = []
    for f in fields(Event):
        args = typing.get_args(hints[f.name])
        base = next((a for a in args if a is not type(None)), hints[f.name])
        cols.append(pa.field(f.name, kinds[base], nullable=type(None) in args))
    return pa.schema(cols, metadata={b"rasd": b"ACLED columns in ACLED order, then provenance (see rasd schema)"})


def to_table(rows: Iterable[Event | dict[str, Any]]):
    """An Arrow table of rows (Events or their dicts) under :func:`arrow_schema`."""
    pa, _ = _require_pyarrow()
    dicts = [r.to_dict() if isinstance(r, Event) else r for r in rows]
    return pa.Table.from_pylist(dicts, schema=arrow_schema())


class ParquetWriter:
    """The writer for ``--format parquet`` (same ``write``/``close`` interface as the others)."""

    def __init__(self, out: IO[bytes]):
        pa, pq = _require_pyarrow()
        self._pq = pq
        self.schema = arrow_schema()
        self.out = out
        self.buf: list[dict[str, Any]] = []
        raw = getattr(out, "fh", out)  # an AtomicFile's temp file itself (Arrow wants a real file object)
        self._writer = pq.ParquetWriter(pa.PythonFile(raw, mode="w"), self.schema, compression="zstd")

    def write(self, events: Iterable[Event]) -> None:
        self.buf.extend(ev.to_dict() for ev in events)
        if len(self.buf) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.buf:
            self._writer.write_table(to_table(self.buf))
            self.buf = []

    def close(self) -> None:
        self._flush()
        self._writer.close()  # writes the footer; an empty run is a valid file with the schema
        self.out.flush()


def read_rows(path: str) -> list[dict[str, Any]]:
    """Rows of a Parquet file written by rasd, as dicts (for tests and `rasd dedupe`)."""
    _, pq = _require_pyarrow()
    return pq.read_table(path).to_pylist()


__all__ = ["ROW_GROUP", "ParquetWriter", "arrow_schema", "read_rows", "to_table"]
