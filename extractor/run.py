"""One extraction run: inputs -> pipeline -> (dedupe) -> a sink, with an optional state.

    >>> from extractor.run import RunConfig, Runner, StreamSink
    >>> cfg = RunConfig(inputs=["articles/"], ner_model=None)
    >>> result = Runner(cfg, StreamSink("jsonl", sys.stdout.buffer)).run()

The :class:`Runner` reads the inputs lazily, skips what the state has done,
sends articles through :func:`extractor.parallel.process` (the one place the
engine is called), filters and dedupes rows, and hands them to a :class:`Sink`
in batches. It returns a :class:`RunResult`; messages (errors, warnings,
``--explain``) go to a ``report(level, text)`` callback, never to stdout.

Sinks decide where rows go and when they become real:

* :class:`StreamSink` - stdout (JSON Lines, CSV, TSV, or a table drawn at the end);
* :class:`AtomicFileSink` - ``-o FILE``: a temp file renamed into place at :meth:`close`;
* :class:`AppendFileSink` - ``-o FILE --append``: whole lines, fsynced per batch;
* :class:`StateSink` - wraps one of those for ``--state``: stable ids and
  timestamps, rows written by earlier runs left out, the crash-safe
  pending -> written protocol described in :mod:`extractor.state`.
"""

from __future__ import annotations

import functools
import importlib
import os
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any, Protocol

from .keys import article_key, outlet
from .record import Event, replace
from .state import Row, State
from .writing import FORMATS, AppendFile, AtomicFile, clean_stale_temps, make_writer

Report = Callable[[str, str], None]  # (level: error|warning|explain|info, text)


@dataclass
class RunConfig:
    """Every option of ``rasd extract`` (the CLI builds one; library users may too)."""

    inputs: list[str]
    # input
    published: date | None = None  # --date: publication date of every input
    max_bytes: int = 20_000_000  # per article (JSON Lines are read line by line)
    encoding: str | None = None  # --encoding: force one codec instead of detecting (a BOM still wins)
    # model
    ner_model: str | None = "bundled"  # bundled, official, a .pt file, or None (rules only)
    prefilter: bool = True
    gate: bool = True  # the learned sentence gate after assembly (extractor/gate.py); --no-gate keeps every row
    pipeline_factory: Callable[[], Any] | None = None  # builds the pipeline (picklable for workers > 1)
    workers: int = 1
    engine: str = "local"  # local: -j processes here; dask: a dask.distributed cluster (see docs/SCALE.md)
    scheduler: str | None = None  # a dask.distributed scheduler address (else a LocalCluster of -j workers)
    device: str = "cpu"  # where the NER runs: cpu or cuda
    # rows
    min_confidence: float = 0.0
    dedupe: bool = False
    # output
    format: str = "jsonl"  # one of writing.FORMATS
    output: Path | None = None  # None: stdout
    append: bool = False
    provenance: bool = False
    raw_csv: bool = False  # CSV/TSV: write cells starting with = + - @ as they are
    # cron
    state: Path | None = None
    wait: bool = True
    lock_timeout: float = 300.0
    # diagnostics
    explain: bool = False
    quiet: bool = False
    debug: bool = False  # report the traceback of a failed article
    batch_size: int = 64
    batch_seconds: float = 1.0

    def factory(self) -> Callable[[], Any]:
        """The pipeline factory: the one given, else the shared pipeline for ``ner_model``."""
        if self.pipeline_factory is not None:
            return self.pipeline_factory
        from . import get_pipeline

        kw: dict[str, Any] = {"device": self.device} if self.device != "cpu" else {}
        if not self.gate:
            kw["gate"] = False
        return functools.partial(get_pipeline, self.ner_model, prefilter=self.prefilter, **kw)


def load_factory(spec: str) -> Callable[[], Any]:
    """``module:callable`` -> that callable (a pipeline factory named on the command line or in the env)."""
    mod, sep, name = spec.partition(":")
    if not sep or not mod or not name:
        raise ValueError(f"{spec!r}: expected module:callable")
    obj = getattr(importlib.import_module(mod), name, None)
    if not callable(obj):
        raise ValueError(f"{spec!r}: {name} is not a callable in {mod}")
    return obj


@dataclass
class RunStats:
    files: int = 0
    articles: int = 0  # processed in this run
    skipped: int = 0  # already done (state) or the same text twice in this run
    failed: int = 0  # bad inputs and failed articles
    events: int = 0  # rows written
    merged: int = 0  # rows folded into others by --dedupe
    already: int = 0  # rows not re-emitted because an earlier run wrote them
    known_bad: int = 0  # bad inputs (malformed JSON lines ...) an earlier run already reported (--state)
    recovered: tuple[int, int] = (0, 0)


@dataclass
class RunResult:
    stats: RunStats = field(default_factory=RunStats)

    @property
    def exit_code(self) -> int:
        return 1 if self.stats.failed else 0


@dataclass
class Batch:
    """What one flush hands to a sink."""

    events: list[Event]  # the rows to emit
    rows: list[Row]  # the new rows behind them (merged ones too, with ``merged_into``)
    articles: list[tuple[str, str, str, int]]  # (key, path, article id, n events) now done


# --- sinks ----------------------------------------------------------------------------------
class Sink(Protocol):
    """Where rows go. ``rows`` gives ids and timestamps; ``write`` takes one batch;
    ``close`` completes the output (only then is an atomic file real); ``abort`` leaves no trace."""

    def rows(self, key: str, events: list[Event]) -> list[Row]: ...

    def write(self, batch: Batch) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


class _WriterSink:
    """A format writer over a byte stream; rows keep the pipeline's ids, ``timestamp`` is this run's
    start (``SOURCE_DATE_EPOCH`` if set, for reproducible outputs)."""

    at_close = False  # True: the rows become real only at close (atomic file, table)

    def __init__(self, fmt: str, out: IO[bytes], *, provenance: bool = False, raw_csv: bool = False,
                 header: bool = True, console: Any = None):
        self.fmt = fmt
        self.out = out
        self.now = now_stamp()
        self.writer = make_writer(fmt, out, provenance=provenance, header=header, console=console, raw=raw_csv)

    def rows(self, key: str, events: list[Event]) -> list[Row]:
        return [Row(replace(ev, timestamp=self.now) if ev.timestamp is None else ev, key, ev.event_id_cnty, i)
                for i, ev in enumerate(events)]  # fmt: skip

    def write(self, batch: Batch) -> None:
        self.writer.write(batch.events)

    def sync(self) -> None:
        """Make the rows written so far durable (a no-op where that happens only at close)."""

    def close(self) -> None:
        self.writer.close()

    def abort(self) -> None:
        pass


def now_stamp() -> int:
    """ACLED's ``timestamp`` of rows made now (``SOURCE_DATE_EPOCH`` if set, for reproducible outputs)."""
    try:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    except (KeyError, ValueError):
        return int(time.time())


class StreamSink(_WriterSink):
    """stdout (or any byte stream): rows go out per batch; a table is drawn at close."""

    def __init__(self, fmt: str, out: IO[bytes], **kw: Any):
        super().__init__(fmt, out, **kw)
        self.at_close = fmt == "table"

    def sync(self) -> None:
        self.out.flush()


class AtomicFileSink(_WriterSink):
    """``-o FILE``: all or nothing - a temp file next to FILE, renamed into place at close."""

    at_close = True

    def __init__(self, path: str | os.PathLike[str], fmt: str, **kw: Any):
        self.file = AtomicFile(path)
        super().__init__(fmt, self.file, **kw)

    def close(self) -> None:
        self.writer.close()
        self.file.commit()

    def abort(self) -> None:
        self.file.discard()


class AppendFileSink(_WriterSink):
    """``-o FILE --append``: whole lines added to FILE under its lock, fsynced per batch."""

    def __init__(self, path: str | os.PathLike[str], fmt: str, **kw: Any):
        clean_stale_temps(path)
        self.file = AppendFile(path)
        kw.setdefault("header", self.file.empty)
        super().__init__(fmt, self.file, **kw)

    def sync(self) -> None:
        self.file.sync()

    def close(self) -> None:
        self.writer.close()
        self.file.close()

    def abort(self) -> None:
        self.file.close()  # whole lines only: what was appended is recorded as pending in the state


class StateSink:
    """``--state``: ids and timestamps from the state; rows of earlier runs not again; kill-safe.

    Rows are recorded ``pending``, written, made durable, then marked ``written``
    with their articles ``done`` in one transaction. When the inner sink's rows
    become real only at close (atomic file, table), the state is updated then.
    """

    def __init__(self, state: State, inner: _WriterSink):
        self.state = state
        self.inner = inner
        self._deferred: list[Batch] = []

    def rows(self, key: str, events: list[Event]) -> list[Row]:
        return self.state.assign(key, events)

    def write(self, batch: Batch) -> None:
        self.state.add_pending(batch.rows)
        self.state.add_reports([r.event for r in batch.rows], [r.merged_into or r.event.event_id_cnty for r in batch.rows])
        self.inner.write(batch)
        if self.inner.at_close:
            self._deferred.append(batch)
            return
        self.inner.sync()
        self.state.commit(batch.rows, batch.articles)

    def close(self) -> None:
        self.inner.close()
        for b in self._deferred:
            self.state.commit(b.rows, b.articles)
        self._deferred.clear()

    def abort(self) -> None:
        self.inner.abort()


def open_sink(cfg: RunConfig, *, state: State | None = None, stdout: IO[bytes] | None = None,
              console: Any = None) -> Sink:
    """The sink ``cfg`` asks for: stdout, an atomic file or an appended file; over the state if any."""
    if cfg.format not in FORMATS:
        raise ValueError(f"unknown format {cfg.format!r} (choose from {', '.join(FORMATS)})")
    kw: dict[str, Any] = {"provenance": cfg.provenance, "raw_csv": cfg.raw_csv}
    if cfg.output is None:
        import sys

        inner: _WriterSink = StreamSink(cfg.format, stdout or sys.stdout.buffer, console=console, **kw)
    elif cfg.append:
        inner = AppendFileSink(cfg.output, cfg.format, **kw)
    else:
        inner = AtomicFileSink(cfg.output, cfg.format, **kw)
    return StateSink(state, inner) if state is not None else inner


def open_state(cfg: RunConfig, on_wait: Callable[[str], None] | None = None) -> tuple[State | None, tuple[int, int]]:
    """``cfg.state`` opened (its lock held: the caller closes it) and the rows a killed run left
    pending settled against the output: ``(state, (found in the output, to redo))``.

    Raises :class:`~extractor.state.StateLocked` (busy) or :class:`~extractor.state.StateError` (unusable).
    """
    if cfg.state is None:
        return None, (0, 0)
    state = State(cfg.state, wait=cfg.wait, timeout=cfg.lock_timeout, on_wait=on_wait)
    try:
        return state, state.recover(cfg.output, cfg.format, cfg.append)
    except BaseException:
        state.close()
        raise


# --- the run --------------------------------------------------------------------------------
class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def file_done(self, stats: RunStats) -> None: ...

    def articles(self, stats: RunStats) -> None: ...

    def stop(self) -> None: ...


def _ignore(level: str, text: str) -> None:
    pass


class Runner:
    """Runs one :class:`RunConfig` into one :class:`Sink` (and the state, if any)."""

    def __init__(self, cfg: RunConfig, sink: Sink, *, state: State | None = None, report: Report = _ignore,
                 progress: Progress | None = None, pipeline: Any = None):
        self.cfg = cfg
        self.sink = sink
        self.state = state
        self.report = report
        self.progress = progress
        self._pipeline = pipeline  # an already built pipeline (workers == 1), else built from cfg.factory()

    # --- input side ---------------------------------------------------------------------
    def _articles(self, stats: RunStats) -> Iterator[tuple[Any, str]]:
        from .reading import InputError, expand_inputs, read_one

        cfg, state = self.cfg, self.state
        paths = list(expand_inputs(cfg.inputs))
        if self.progress is not None:
            self.progress.start(len(paths))
        seen: set[int] = set()  # articles of this run (their key's first 64 bits)
        for item in paths:
            if isinstance(item, InputError):
                self.report("error", str(item))
                stats.failed += 1
                self._file_done(stats)
                continue
            stats.files += 1
            st = None
            if state is not None and item != "-":
                try:
                    st = os.stat(item)
                except OSError:
                    st = None
                if st is not None:
                    n = state.file_unchanged(item, st)
                    if n is not None:
                        stats.skipped += n
                        self._file_done(stats)
                        continue
            keys, errors = [], 0
            for art in read_one(item, published=cfg.published, max_bytes=cfg.max_bytes, encoding=cfg.encoding):
                if isinstance(art, InputError):
                    errors += 1
                    if state is not None and state.input_error_known(str(art)):
                        stats.known_bad += 1  # reported by an earlier run: not again, not a new failure
                        continue
                    self.report("error", str(art))
                    stats.failed += 1
                    if state is not None:
                        state.record_input_error(str(art), art.where)
                    continue
                k = article_key(art.text, outlet(art))
                keys.append(k)
                short = int(k[:16], 16)  # 64 bits of the key: a small set, even over a long stream
                if short in seen:  # the same text from the same outlet, read twice in this run: one article
                    stats.skipped += 1
                    self.report("info", f"{art.path or art.id}: the same text and outlet as an article read "
                                        "earlier in this run; skipped")
                    continue
                if state is not None and not state.is_done(k):
                    state.adopt(k, article_key(art.text), art.path, art.id)
                if state is not None and state.is_done(k):
                    stats.skipped += 1
                    continue
                seen.add(short)
                yield art, k
            if st is not None:
                state.record_file(item, st, keys, errors)  # type: ignore[union-attr]
            self._file_done(stats)

    def _file_done(self, stats: RunStats) -> None:
        if self.progress is not None:
            self.progress.file_done(stats)

    # --- engine -------------------------------------------------------------------------
    def _outcomes(self, items: Iterator[tuple[Any, str]]) -> Iterator[tuple[tuple[Any, str], Any]]:
        """The one call into the engine (local processes today; see extractor.parallel)."""
        from .parallel import process

        cfg = self.cfg
        if cfg.engine != "local":
            from .parallel import make_executor

            return self._on_executor(make_executor(cfg.engine, cfg.workers, cfg.scheduler), items)
        if cfg.workers <= 1:
            return process(items, workers=1, pipeline=self._local_pipeline(), explain=cfg.explain)
        return process(items, cfg.factory(), workers=cfg.workers, explain=cfg.explain)

    def _on_executor(self, executor: Any, items: Iterator[tuple[Any, str]]) -> Iterator[tuple[tuple[Any, str], Any]]:
        """Outcomes from an executor this run owns (closed when the run ends)."""
        from .parallel import process

        with executor as ex:
            yield from process(items, self.cfg.factory(), workers=self.cfg.workers, explain=self.cfg.explain,
                               executor=ex)

    def _local_pipeline(self) -> Any:
        if self._pipeline is None:
            self._pipeline = self.cfg.factory()()
        return self._pipeline

    def _traceback(self, article: Any) -> str:
        """--debug: the failed article again in this process, for its traceback."""
        try:
            self._local_pipeline().process(article, explain=self.cfg.explain)
        except Exception:
            return traceback.format_exc().rstrip()
        return "(the article did not fail again in this process)"

    # --- the run ------------------------------------------------------------------------
    def run(self) -> RunResult:
        """Process every input; the sink is closed on success and aborted on failure."""
        try:
            result = self._run()
        except BaseException:
            self._stop_progress()
            self.sink.abort()
            raise
        return result

    def _stop_progress(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    def _run(self) -> RunResult:
        cfg, state = self.cfg, self.state
        result = RunResult()
        stats = result.stats
        batch: list[tuple[Any, str, list[Event]]] = []
        last = time.monotonic()

        def flush() -> None:
            nonlocal last
            last = time.monotonic()
            if not batch:
                return
            rows: list[Row] = []
            for _, k, events in batch:
                rows.extend(self.sink.rows(k, events))
            new = [r for r in rows if r.status is None]
            stats.already += len(rows) - len(new)
            events_out = [r.event for r in new]
            if cfg.dedupe and new:
                from .dedupe import dedupe as dedupe_rows

                # against the rows of earlier runs too (their reports are kept in the state)
                d = dedupe_rows(events_out, prior=state.prior_rows(events_out) if state is not None else ())
                for r in new:
                    into = d.merged_into.get(r.event.event_id_cnty)
                    if into:
                        r.merged_into = into
                stats.merged += len(new) - len(d.events)
                events_out = d.events
            arts = [(k, art.path, art.id, len(evs)) for art, k, evs in batch]
            batch.clear()
            self.sink.write(Batch(events_out, new, arts))
            stats.events += len(events_out)

        for (art, k), out in self._outcomes(self._articles(stats)):
            stats.articles += 1
            if out.error is not None:
                self.report("error", f"{art.path or art.id}: processing failed ({out.error})")
                if cfg.debug:
                    self.report("debug", self._traceback(art))
                stats.failed += 1
                if state is not None:
                    state.mark_failed(k, art.path, art.id, out.error)
                continue
            if cfg.explain:
                for r in out.rejected:
                    self.report("explain", f"{art.id}: sentence {r.sentence_index}: '{r.phrase}' ({r.template_id}) "
                                           f"{getattr(r, 'verb', 'dropped')}: {r.reason}")  # fmt: skip
            events = [e for e in out.events if e.confidence >= cfg.min_confidence]
            if art.published is None and events and not cfg.quiet:
                self.report("warning", f"{art.path or art.id}: no publication date; relative dates left unresolved "
                                       "(give --date)")  # fmt: skip
            batch.append((art, k, events))
            if self.progress is not None:
                self.progress.articles(stats)
            if not cfg.dedupe and (len(batch) >= cfg.batch_size or time.monotonic() - last >= cfg.batch_seconds):
                flush()
        flush()
        self._stop_progress()  # before a table is drawn
        self.sink.close()
        return result


__all__ = ["RunConfig", "Runner", "RunResult", "RunStats", "Batch", "Sink", "StreamSink", "AtomicFileSink",
           "AppendFileSink", "StateSink", "open_sink", "open_state", "load_factory", "Progress"]
