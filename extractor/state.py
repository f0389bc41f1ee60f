"""The store behind incremental runs (``rasd extract --state STATE.db``); the run is :mod:`extractor.run`.

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
from dataclasses import dataclass
from pathlib import Path

import orjson

from .keys import article_key, content_hash
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


class StateLocked(Exception):
    """Another run holds the state's lock."""


class StateError(ValueError):
    """STATE.db cannot be used: a folder, not a SQLite file, or not writable."""


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
        if self.path.is_dir():
            raise StateError(f"{self.path} is a folder, not a state file")
        if not _sqlite_or_empty(self.path):  # checked before anything (a .lock) is created next to it
            raise StateError(f"{self.path} is not a rasd state file (not SQLite)")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StateError(f"cannot create the folder of {self.path}: {e.strerror or e}") from None
        self.lock_path = Path(str(self.path) + ".lock")
        self._lock = FileLock(str(self.lock_path))
        held = f"another rasd run holds {self.lock_path}"
        try:
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
        except OSError as e:  # filelock's Timeout is an OSError too: handled above
            raise StateError(f"cannot lock {self.lock_path}: {e.strerror or e}") from None
        try:
            self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=60)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.executescript(SCHEMA)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        except sqlite3.Error as e:
            self._lock.release()
            raise StateError(f"{self.path} is not a rasd state file ({e})") from None
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

    def adopt(self, key: str, old_key: str, path: str, article_id: str) -> bool:
        """Re-key an article done under ``old_key`` (its text alone, by an older rasd) to ``key``,
        when it is the same file and id, so its rows are not written again. True if adopted."""
        if key == old_key:
            return False
        row = self.db.execute("SELECT 1 FROM articles WHERE hash=? AND path=? AND article_id=? AND status='done'",
                              (old_key, path, article_id)).fetchone()  # fmt: skip
        if not row or self.db.execute("SELECT 1 FROM articles WHERE hash=?", (key,)).fetchone():
            return False
        with self.tx() as db:
            db.execute("UPDATE articles SET hash=? WHERE hash=?", (key, old_key))
            db.execute("UPDATE events SET article_hash=? WHERE article_hash=?", (key, old_key))
        return True

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

    # --- bad inputs already reported -------------------------------------------------
    @staticmethod
    def _input_error_key(error: str) -> str:
        return hashlib.sha256(f"input-error\x00{error}".encode("utf-8", "surrogatepass")).hexdigest()

    def input_error_known(self, error: str) -> bool:
        """True when an earlier run already reported this bad input (same place, same problem)."""
        return self.db.execute("SELECT 1 FROM articles WHERE hash=? AND status='bad_input'",
                               (self._input_error_key(error),)).fetchone() is not None  # fmt: skip

    def record_input_error(self, error: str, path: str) -> None:
        """Remember a reported bad input (a malformed JSON line ...), so cron does not report it, and exit 1,
        on every later run while the file keeps it."""
        now = int(time.time())
        with self.tx() as db:
            db.execute(
                "INSERT OR IGNORE INTO articles(hash, path, article_id, status, error, n_events, attempts, first_seen,"
                " processed_at) VALUES (?,?,'','bad_input',?,0,1,?,?)",
                (self._input_error_key(error), path, error, now, now),
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
            num = (num + 1) % 10**15  # rows.ID_SPACE
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

    # --- the reports behind rows, for --dedupe across runs and `rasd dedupe --state` (helper "scale") ---
    def _reports(self) -> sqlite3.Connection:
        """The ``reports`` table: every report (pre-merge row) ever written, and the output row holding it."""
        if not getattr(self, "_reports_ready", False):
            self.db.executescript(
                "CREATE TABLE IF NOT EXISTS reports(event_id_cnty TEXT PRIMARY KEY, row_id TEXT NOT NULL,"
                " event_type TEXT, country TEXT, day TEXT, data BLOB NOT NULL);"
                "CREATE INDEX IF NOT EXISTS reports_day ON reports(event_type, country, day);"
                "CREATE INDEX IF NOT EXISTS reports_row ON reports(row_id);"
            )
            self._reports_ready = True
        return self.db

    def add_reports(self, events: list[Event], row_ids: list[str]) -> None:
        """Remember reports and the row each went into. They count (:meth:`prior_rows`) once their
        ``events`` entry is written or merged, so a killed run's pending reports are never used."""
        if not events:
            return
        db = self._reports()
        with self.tx():
            db.executemany(
                "INSERT OR REPLACE INTO reports VALUES (?,?,?,?,?,?)",
                [(ev.event_id_cnty, rid, ev.event_type, ev.country, ev.event_date, orjson.dumps(ev.to_dict()))
                 for ev, rid in zip(events, row_ids)],
            )  # fmt: skip

    def record_reduced(self, events: list[Event], row_ids: list[str], now: int) -> None:
        """`rasd dedupe --state`: reports that came from shard files, settled at once (after the write)."""
        db = self._reports()
        with self.tx():
            db.executemany(
                "INSERT OR IGNORE INTO events VALUES (?,?,?,0,?,?,?)",
                [(ev.event_id_cnty, "", ev.event_id_cnty, ev.timestamp or now,
                  "written" if rid == ev.event_id_cnty else "merged", None if rid == ev.event_id_cnty else rid)
                 for ev, rid in zip(events, row_ids)],
            )  # fmt: skip
        self.add_reports(events, row_ids)

    def known_reports(self, ids: list[str]) -> set[str]:
        """Which of ``ids`` are settled reports already (a shard file reduced twice)."""
        db = self._reports()
        got: set[str] = set()
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            q = (f"SELECT r.event_id_cnty FROM reports r JOIN events e ON e.event_id_cnty=r.event_id_cnty"
                 f" WHERE e.status IN ('written','merged') AND r.event_id_cnty IN ({','.join('?' * len(part))})")
            got.update(x for (x,) in db.execute(q, part))
        return got

    def prior_rows(self, events: list[Event], span_days: int = 31) -> list[Any]:
        """The published rows (as :class:`extractor.dedupe.Prior`) that a report in ``events`` may join:
        those with a settled report of the same event type and country within ``span_days``."""
        from datetime import date, timedelta

        from .dedupe import Prior

        db = self._reports()
        ranges: dict[tuple[str, str], list[date]] = {}
        for ev in events:
            try:
                d = date.fromisoformat(ev.event_date) if ev.event_date else None
            except ValueError:
                d = None
            if d is not None:
                ranges.setdefault((ev.event_type, ev.country), []).append(d)
        row_ids: dict[str, int] = {}  # row id -> first report's rowid (publication order)
        span = timedelta(days=span_days)
        for (etype, country), days in ranges.items():
            days.sort()
            lo = hi = None
            windows = []
            for d in days:  # merge overlapping windows: one query per stretch of days
                if hi is not None and d - span <= hi:
                    hi = d + span
                else:
                    if lo is not None:
                        windows.append((lo, hi))
                    lo, hi = d - span, d + span
            windows.append((lo, hi))
            for lo, hi in windows:
                for rid, first in db.execute(
                    "SELECT r.row_id, MIN(r.rowid) FROM reports r JOIN events e ON e.event_id_cnty=r.event_id_cnty"
                    " WHERE e.status IN ('written','merged') AND r.event_type=? AND r.country=?"
                    " AND r.day BETWEEN ? AND ? GROUP BY r.row_id", (etype, country, lo.isoformat(), hi.isoformat()),
                ):  # fmt: skip
                    row_ids[rid] = min(first, row_ids.get(rid, first))
        out = []
        for rid in sorted(row_ids, key=row_ids.__getitem__):
            members = [
                Event(**orjson.loads(data)) for (data,) in db.execute(
                    "SELECT r.data FROM reports r JOIN events e ON e.event_id_cnty=r.event_id_cnty"
                    " WHERE e.status IN ('written','merged') AND r.row_id=? ORDER BY r.rowid", (rid,))
            ]  # fmt: skip
            if members:
                out.append(Prior(rid, members))
        return out



def ids_in_output(path: Path, fmt: str) -> set[str]:
    """Every ``event_id_cnty`` in an output file; a torn last line is cut off first."""
    repair_tail(path)
    ids: set[str] = set()
    with open(path, "rb") as fh:
        if fmt in ("csv", "tsv"):
            text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
            for rec in csv.reader(text, delimiter="," if fmt == "csv" else "\t"):
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


def _sqlite_or_empty(path: Path) -> bool:
    """True for a missing or empty file or one that starts with SQLite's header."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return True
    except OSError as e:
        raise StateError(f"cannot read {path}: {e.strerror or e}") from None
    return not head or head == b"SQLite format 3\x00"


__all__ = ["State", "StateLocked", "StateError", "Row", "content_hash", "article_key", "ids_in_output", "repair_tail"]
