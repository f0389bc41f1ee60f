"""Incremental runs over a growing folder (``rasd extract --state STATE.db``).

The state is one SQLite file (WAL journal, ``synchronous=FULL``) with

* ``articles(hash, path, article_id, status, error, n_events, attempts, ...)``:
  one row per article, keyed by :func:`extractor.rows.content_hash` of its
  text, so a renamed file is not redone and an edited one is. ``status`` is
  ``done`` or ``failed``; failed articles are retried on the next run.
* ``events(event_id_cnty, article_hash, base_id, ordinal, first_written,
  status, merged_into)``: every id ever handed out. ``first_written`` (unix
  seconds) becomes the row's ``timestamp`` on every later run; ``status`` is
  ``pending`` (being written), ``written``, or ``merged`` (folded into another
  row by ``--dedupe``). Two different events whose hashed ids collide get the
  next free number, remembered here, so ids stay unique and stable.
* ``files(path, size, mtime_ns, hashes, errors)``: a file whose size and
  mtime are unchanged and whose articles are all done is not even re-read.

Only one run at a time holds ``STATE.db.lock`` (an OS file lock, released by
the kernel if the holder is killed); a second run waits for it (``--wait``,
bounded) or exits at once (``--no-wait``) with a clear message.

Crash safety (SIGTERM or SIGKILL at any point). Rows of a batch of articles
are recorded as ``pending``, then appended to the output (whole lines, one
``write``, ``fsync``), then marked ``written`` together with their articles
``done`` in one transaction. A kill before the append loses nothing reported;
a kill after it leaves ``pending`` rows, which the next ``--append`` run looks
up in the output file (dropping a torn last line if there is one): rows found
are marked written and never appended again, the others are forgotten and
their articles redone. Without ``--append`` the output is written atomically
(temp + rename) and the articles are marked done only after the rename.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .record import Event, replace

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles(
    hash TEXT PRIMARY KEY,
    path TEXT,
    article_id TEXT,
    status TEXT NOT NULL,              -- done | failed
    error TEXT,
    n_events INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    first_seen INTEGER,
    processed_at INTEGER
);
CREATE TABLE IF NOT EXISTS events(
    event_id_cnty TEXT PRIMARY KEY,
    article_hash TEXT NOT NULL,
    base_id TEXT NOT NULL,             -- the id as hashed, before any collision bump
    ordinal INTEGER NOT NULL,          -- nth row of this article with that base id
    first_written INTEGER NOT NULL,
    status TEXT NOT NULL,              -- pending | written | merged
    merged_into TEXT,
    UNIQUE(article_hash, base_id, ordinal)
);
CREATE INDEX IF NOT EXISTS events_status ON events(status);
CREATE TABLE IF NOT EXISTS files(
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, hashes TEXT, errors INTEGER
);
"""
SCHEMA_VERSION = "1"


def content_hash(text: str) -> str:
    """The same key as :func:`extractor.rows.content_hash` (kept here so the state needs no resolvers)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class StateLocked(Exception):
    """Another run holds the state's lock."""


@dataclass
class Row:
    """One output row with its place in the state."""

    event: Event
    article_hash: str
    base_id: str
    ordinal: int
    status: str | None = None  # None: new in this run; else its status in the DB
    merged_into: str | None = None


class State:
    """The incremental state of one STATE.db (holds its lock while open)."""

    def __init__(self, path: str | os.PathLike[str], *, wait: bool = True, timeout: float = 300.0,
                 on_wait: Callable[[str], None] | None = None):
        from filelock import FileLock, Timeout

        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.lock_path = Path(str(self.path) + ".lock")
        self._lock = FileLock(str(self.lock_path))
        held = f"another rasd run holds {self.lock_path}"
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            if not wait:
                raise StateLocked(f"{held}; not waiting (--no-wait)") from None
            if on_wait is not None:
                on_wait(f"{held}; waiting up to {timeout:g}s")
            try:
                self._lock.acquire(timeout=timeout)
            except Timeout:
                raise StateLocked(f"{held}; gave up after {timeout:g}s") from None
        try:
            self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=60)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(SCHEMA)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        except BaseException:
            self._lock.release()
            raise
        self._reserved: dict[str, tuple[str, str, int]] = {}  # ids handed out in this run, not yet in the DB

    # --- plumbing -------------------------------------------------------------------
    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            self._lock.release()

    def __enter__(self) -> "State":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- articles and files ---------------------------------------------------------
    def article_status(self, h: str) -> str | None:
        row = self.db.execute("SELECT status FROM articles WHERE hash=?", (h,)).fetchone()
        return row[0] if row else None

    def is_done(self, h: str) -> bool:
        return self.article_status(h) == "done"

    def file_unchanged(self, path: str, st: os.stat_result) -> int | None:
        """Number of articles in ``path`` if it is unchanged since read and all are done."""
        row = self.db.execute("SELECT size, mtime_ns, hashes, errors FROM files WHERE path=?", (path,)).fetchone()
        if not row or (row[0], row[1]) != (st.st_size, st.st_mtime_ns) or row[3]:
            return None
        hashes = orjson.loads(row[2])
        if not hashes:
            return None
        q = f"SELECT COUNT(*) FROM articles WHERE status='done' AND hash IN ({','.join('?' * len(hashes))})"
        n = self.db.execute(q, hashes).fetchone()[0]
        return len(hashes) if n == len(set(hashes)) else None

    def record_file(self, path: str, st: os.stat_result, hashes: list[str], errors: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?,?,?,?,?)",
                        (path, st.st_size, st.st_mtime_ns, orjson.dumps(hashes).decode(), errors))

    def mark_failed(self, h: str, path: str, article_id: str, error: str) -> None:
        now = int(time.time())
        with self.tx() as db:
            db.execute(
                "INSERT INTO articles(hash, path, article_id, status, error, n_events, attempts, first_seen, processed_at)"
                " VALUES (?,?,?,'failed',?,0,1,?,?) ON CONFLICT(hash) DO UPDATE SET path=excluded.path,"
                " article_id=excluded.article_id, status='failed', error=excluded.error, attempts=attempts+1,"
                " processed_at=excluded.processed_at",
                (h, path, article_id, error, now, now),
            )

    # --- ids and timestamps ---------------------------------------------------------
    def assign(self, h: str, events: Iterable[Event], now: int | None = None) -> list[Row]:
        """Final ids and timestamps for one article's rows, and whether each was written before."""
        now = int(time.time()) if now is None else now
        seen: dict[str, int] = {}
        rows = []
        for ev in events:
            base = ev.event_id_cnty
            ordinal = seen[base] = seen.get(base, -1) + 1
            key = (h, base, ordinal)
            got = self.db.execute(
                "SELECT event_id_cnty, first_written, status, merged_into FROM events"
                " WHERE article_hash=? AND base_id=? AND ordinal=?", key,
            ).fetchone()  # fmt: skip
            if got:
                rows.append(Row(replace(ev, event_id_cnty=got[0], timestamp=got[1]), h, base, ordinal, got[2], got[3]))
                continue
            eid = self._free_id(base, key)
            rows.append(Row(replace(ev, event_id_cnty=eid, timestamp=now), h, base, ordinal))
        return rows

    def _free_id(self, base: str, key: tuple[str, str, int]) -> str:
        for eid, k in self._reserved.items():
            if k == key:
                return eid
        prefix = base.rstrip("0123456789")
        digits = base[len(prefix):]
        num = int(digits) if digits else 0
        eid = base
        while eid in self._reserved or self.db.execute(
            "SELECT 1 FROM events WHERE event_id_cnty=?", (eid,)
        ).fetchone():
            num = (num + 1) % 10**8
            eid = f"{prefix}{num}"
        self._reserved[eid] = key
        return eid

    def add_pending(self, rows: list[Row]) -> None:
        """Record rows about to be written (before the write)."""
        if not rows:
            return
        with self.tx() as db:
            db.executemany(
                "INSERT OR REPLACE INTO events VALUES (?,?,?,?,?,'pending',?)",
                [(r.event.event_id_cnty, r.article_hash, r.base_id, r.ordinal, r.event.timestamp, r.merged_into)
                 for r in rows],
            )  # fmt: skip
        for r in rows:
            self._reserved.pop(r.event.event_id_cnty, None)

    def commit(self, rows: list[Row], articles: list[tuple[str, str, str, int]]) -> None:
        """After the write: rows written (or merged), articles ``(hash, path, id, n_events)`` done."""
        now = int(time.time())
        with self.tx() as db:
            db.executemany(
                "UPDATE events SET status=CASE WHEN merged_into IS NULL THEN 'written' ELSE 'merged' END"
                " WHERE event_id_cnty=? AND status='pending'",
                [(r.event.event_id_cnty,) for r in rows],
            )
            db.executemany(
                "INSERT INTO articles(hash, path, article_id, status, error, n_events, attempts, first_seen, processed_at)"
                " VALUES (?,?,?,'done',NULL,?,1,?,?) ON CONFLICT(hash) DO UPDATE SET path=excluded.path,"
                " article_id=excluded.article_id, status='done', error=NULL, n_events=excluded.n_events,"
                " attempts=attempts+1, processed_at=excluded.processed_at",
                [(h, p, a, n, now, now) for h, p, a, n in articles],
            )

    # --- recovery after a killed run ------------------------------------------------
    def recover(self, output: Path | None, fmt: str | None, append: bool) -> tuple[int, int]:
        """Settle rows left ``pending`` by a killed run: ``(found in output, forgotten)``."""
        pending = self.db.execute("SELECT event_id_cnty, merged_into FROM events WHERE status='pending'").fetchall()
        if not pending:
            return 0, 0
        present: set[str] = set()
        if append and output is not None and output.exists():
            present = ids_in_output(output, fmt or "jsonl")
        found = [eid for eid, into in pending if (into or eid) in present]
        lost = [eid for eid, into in pending if (into or eid) not in present]
        with self.tx() as db:
            db.executemany(
                "UPDATE events SET status=CASE WHEN merged_into IS NULL THEN 'written' ELSE 'merged' END"
                " WHERE event_id_cnty=?", [(e,) for e in found],
            )  # fmt: skip
            db.executemany("DELETE FROM events WHERE event_id_cnty=?", [(e,) for e in lost])
        return len(found), len(lost)

    def summary(self) -> dict[str, int]:
        q = self.db.execute
        return {
            "done": q("SELECT COUNT(*) FROM articles WHERE status='done'").fetchone()[0],
            "failed": q("SELECT COUNT(*) FROM articles WHERE status='failed'").fetchone()[0],
            "events": q("SELECT COUNT(*) FROM events WHERE status='written'").fetchone()[0],
            "merged": q("SELECT COUNT(*) FROM events WHERE status='merged'").fetchone()[0],
        }


def ids_in_output(path: Path, fmt: str) -> set[str]:
    """Every ``event_id_cnty`` in an output file; a torn last line is cut off first."""
    repair_tail(path)
    ids: set[str] = set()
    with open(path, "rb") as fh:
        if fmt == "csv":
            for rec in csv.reader(io.TextIOWrapper(fh, encoding="utf-8", newline="")):
                if rec and rec[0] != "event_id_cnty":
                    ids.add(rec[0])
        else:
            for line in fh:
                if line.strip():
                    try:
                        ids.add(orjson.loads(line).get("event_id_cnty", ""))
                    except orjson.JSONDecodeError:
                        continue
    return ids


def repair_tail(path: Path) -> bool:
    """Cut a partial last line (no final newline) left by a killed writer."""
    with open(path, "r+b") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return False
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return False
        pos, step = size, 65536
        while pos > 0:
            start = max(0, pos - step)
            fh.seek(start)
            chunk = fh.read(pos - start)
            i = chunk.rfind(b"\n")
            if i >= 0:
                fh.truncate(start + i + 1)
                break
            pos = start
        else:
            fh.truncate(0)
        fh.flush()
        os.fsync(fh.fileno())
        return True


class AppendSink:
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


# --- the run ------------------------------------------------------------------------------
@dataclass
class RunStats:
    files: int = 0
    articles: int = 0  # processed in this run
    skipped: int = 0  # already done (state) or the same text twice in this run
    failed: int = 0  # bad inputs and failed articles
    events: int = 0  # rows written
    merged: int = 0  # rows folded into others by --dedupe
    already: int = 0  # rows not re-emitted because an earlier run wrote them
    recovered: tuple[int, int] = (0, 0)
    extra: dict[str, Any] = field(default_factory=dict)


def run_extract(
    specs: list[str],
    *,
    writer: Any,
    factory: Callable[[], Any] | None = None,
    pipeline: Any = None,
    state: State | None = None,
    sink: Any = None,
    commit_at_end: bool = False,
    workers: int = 1,
    dedupe: bool = False,
    published: Any = None,
    max_bytes: int = 20_000_000,
    explain: bool = False,
    min_confidence: float = 0.0,
    quiet: bool = False,
    err: Callable[[str], None] = print,
    progress: Any = None,
    batch_size: int = 64,
    batch_seconds: float = 1.0,
) -> RunStats:
    """Read ``specs``, skip what ``state`` has done, extract, (dedupe), write, record.

    ``writer`` is a :mod:`extractor.writing` writer over ``sink``; when ``sink``
    has ``sync()`` (append mode) it is called before rows are marked written.
    ``commit_at_end``: the output only becomes real at the end (atomic file),
    so the state is updated only by :func:`finish` afterwards; call it with
    the returned stats' ``extra['finish']``.
    """
    from .dedupe import dedupe as dedupe_rows
    from .parallel import process
    from .reading import InputError, expand_inputs, read_one

    stats = RunStats()
    paths = list(expand_inputs(specs))
    if progress is not None:
        progress.start(len(paths))
    seen: set[str] = set()

    def articles() -> Iterator[tuple]:
        for item in paths:
            if isinstance(item, InputError):
                err(f"error: {item}")
                stats.failed += 1
                _advance(progress, stats)
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
                        _advance(progress, stats)
                        continue
            hashes, errors = [], 0
            for art in read_one(item, published=published, max_bytes=max_bytes):
                if isinstance(art, InputError):
                    err(f"error: {art}")
                    stats.failed += 1
                    errors += 1
                    continue
                h = content_hash(art.text)
                hashes.append(h)
                if state is not None and (h in seen or state.is_done(h)):
                    stats.skipped += 1
                    continue
                seen.add(h)
                yield art, h
            if st is not None:
                state.record_file(item, st, hashes, errors)  # type: ignore[union-attr]
            _advance(progress, stats)

    to_commit_rows: list[Row] = []
    to_commit_articles: list[tuple[str, str, str, int]] = []
    batch: list[tuple[Any, str, list[Event]]] = []
    last = time.monotonic()

    def flush() -> None:
        nonlocal last
        last = time.monotonic()
        if not batch:
            return
        rows: list[Row] = []
        for art, h, events in batch:
            if state is not None:
                rows.extend(state.assign(h, events))
            else:
                rows.extend(Row(ev, h, ev.event_id_cnty, i) for i, ev in enumerate(events))
        new = [r for r in rows if r.status is None]
        stats.already += len(rows) - len(new)
        out_rows = new
        if dedupe and new:
            d = dedupe_rows([r.event for r in new])
            for r in new:
                into = d.merged_into.get(r.event.event_id_cnty)
                if into:
                    r.merged_into = into
            stats.merged += len(new) - len(d.events)
            events_out = d.events
        else:
            events_out = [r.event for r in out_rows]
        if state is not None:
            state.add_pending(new)
        writer.write(events_out)
        stats.events += len(events_out)
        arts = [(h, art.path, art.id, len(evs)) for art, h, evs in batch]
        batch.clear()
        if state is None:
            return
        if commit_at_end:
            to_commit_rows.extend(new)
            to_commit_articles.extend(arts)
            return
        if hasattr(sink, "sync"):
            sink.sync()
        elif sink is not None:
            sink.flush()
        state.commit(new, arts)

    for (art, h), out in process(articles(), factory, workers=workers, pipeline=pipeline, explain=explain):
        stats.articles += 1
        if out.error is not None:
            err(f"error: {art.path or art.id}: processing failed ({out.error})")
            stats.failed += 1
            if state is not None:
                state.mark_failed(h, art.path, art.id, out.error)
            continue
        if explain:
            for r in out.rejected:
                err(f"explain: {art.id}: sentence {r.sentence_index}: '{r.phrase}' ({r.template_id}) {getattr(r, 'verb', 'dropped')}: {r.reason}")
        events = [e for e in out.events if e.confidence >= min_confidence]
        if art.published is None and events and not quiet:
            err(f"warning: {art.path or art.id}: no publication date; relative dates left unresolved (give --date)")
        batch.append((art, h, events))
        if progress is not None:
            progress.articles(stats)
        if not dedupe and (len(batch) >= batch_size or time.monotonic() - last >= batch_seconds):
            flush()
    flush()
    if state is not None and commit_at_end:
        stats.extra["finish"] = (to_commit_rows, to_commit_articles)
    return stats


def finish(state: State, stats: RunStats) -> None:
    """Record a ``commit_at_end`` run once its output file is in place."""
    rows, arts = stats.extra.pop("finish", ([], []))
    state.commit(rows, arts)


def _advance(progress: Any, stats: RunStats) -> None:
    if progress is not None:
        progress.file_done(stats)


class Progress:
    """A rich progress bar on stderr (files read, articles processed, rows written)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress

        self._p = RichProgress(
            SpinnerColumn(), TextColumn("files"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
            TimeElapsedColumn(), console=Console(stderr=True), transient=True,
        )  # fmt: skip
        self._task = None

    def start(self, total: int) -> None:
        self._p.start()
        self._task = self._p.add_task("", total=total)

    def file_done(self, stats: RunStats) -> None:
        self._p.update(self._task, advance=1, description=self._text(stats))

    def articles(self, stats: RunStats) -> None:
        self._p.update(self._task, description=self._text(stats))

    @staticmethod
    def _text(s: RunStats) -> str:
        return f"{s.articles} new article(s), {s.skipped} skipped, {s.events} row(s)"

    def stop(self) -> None:
        self._p.stop()


__all__ = ["State", "StateLocked", "Row", "AppendSink", "RunStats", "run_extract", "finish", "Progress",
           "ids_in_output", "repair_tail"]
