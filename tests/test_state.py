"""Incremental runs (--state, --append): grown folders, renames and edits, locks, kills, ids."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))  # helpers, whether or not tests/ is a package
import fake_pipeline  # noqa: E402
from conftest import assert_valid_rows  # noqa: E402
from extractor.record import Event
from extractor.state import State, content_hash, ids_in_output, repair_tail
from extractor.writing import AppendFile as AppendSink

FAKE = Path(fake_pipeline.__file__)
ROOT = FAKE.parent.parent


@pytest.fixture
def rasd(monkeypatch):
    """Run `rasd ...` in-process with the fake pipeline (the CLI's public hook); returns (exit code, stderr)."""
    import cli.main as cm

    monkeypatch.setenv("RASD_PIPELINE_FACTORY", "fake_pipeline:factory")
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        res = runner.invoke(cm.app, list(args))
        if res.exception and not isinstance(res.exception, SystemExit):
            raise res.exception
        return res.exit_code, res.stderr if hasattr(res, "stderr") else res.output

    return run


def rows(path: Path) -> list[dict]:
    """The rows of a JSON Lines output, each checked against `rasd schema`."""
    return assert_valid_rows([orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()])


def ids(path: Path) -> list[str]:
    """The ids in an output (also of the hand-made rows below, so not schema-checked)."""
    return [orjson.loads(line)["event_id_cnty"] for line in path.read_bytes().splitlines() if line.strip()]


def write(folder: Path, name: str, text: str) -> Path:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def test_grown_folder_renamed_and_edited_files(tmp_path, rasd):
    inp, out, db = tmp_path / "in", tmp_path / "events.jsonl", tmp_path / "state.db"
    inp.mkdir()
    write(inp, "2025-03-01-a.txt", "إدلب غارة قتلت 3\nحلب قصف قتل 2\n")
    write(inp, "2025-03-02-b.txt", "درعا انفجار قتل 1\n")
    code, err = rasd("extract", str(inp), "--state", str(db), "-o", str(out), "--append")
    assert code == 0, err
    first = rows(out)
    assert len(first) == 3 and "2 article(s), 3 event(s), 0 already done" in err
    assert all(isinstance(r["timestamp"], int) for r in first)

    write(inp, "2025-03-03-c.txt", "سرمين غارة قتلت 5\n")  # the folder grows
    code, err = rasd("extract", str(inp), "--state", str(db), "-o", str(out), "--append")
    assert code == 0 and "1 article(s), 1 event(s), 2 already done" in err
    assert rows(out)[:3] == first and len(rows(out)) == 4

    os.rename(inp / "2025-03-02-b.txt", inp / "2025-03-02-renamed.txt")  # same text: not redone
    code, err = rasd("extract", str(inp), "--state", str(db), "-o", str(out), "--append")
    assert "0 article(s), 0 event(s), 3 already done" in err and len(rows(out)) == 4

    write(inp, "2025-03-01-a.txt", "إدلب غارة قتلت 4\nحلب قصف قتل 2\n")  # edited: redone
    code, err = rasd("extract", str(inp), "--state", str(db), "-o", str(out), "--append")
    assert "1 article(s), 2 event(s)" in err
    assert len(rows(out)) == 6 and len(set(ids(out))) == 6

    with State(db) as st:
        assert st.summary()["done"] == 4 and st.summary()["events"] == 6
        stamps = dict(st.db.execute("SELECT event_id_cnty, first_written FROM events").fetchall())
    assert all(stamps[r["event_id_cnty"]] == r["timestamp"] for r in rows(out))


def test_without_append_only_new_rows_with_stable_ids_and_timestamps(tmp_path, rasd):
    inp, db = tmp_path / "in", tmp_path / "s.db"
    inp.mkdir()
    write(inp, "2025-03-01-a.txt", "إدلب غارة قتلت 3\n")
    assert rasd("extract", str(inp), "--state", str(db), "-o", str(tmp_path / "1.jsonl"))[0] == 0
    write(inp, "2025-03-02-b.txt", "حلب قصف قتل 2\n")
    assert rasd("extract", str(inp), "--state", str(db), "-o", str(tmp_path / "2.jsonl"), "-f", "csv")[0] == 0
    (r1,) = rows(tmp_path / "1.jsonl")
    lines = (tmp_path / "2.jsonl").read_text().splitlines()
    assert lines[0].startswith("event_id_cnty,") and len(lines) == 2  # only the new article's row
    # a fresh state gives the same ids (derived from content), and a re-run with the
    # same state would keep the first timestamp
    time.sleep(1.1)
    assert rasd("extract", str(inp / "2025-03-01-a.txt"), "--state", str(tmp_path / "t.db"),
                "-o", str(tmp_path / "3.jsonl"))[0] == 0  # fmt: skip
    (r3,) = rows(tmp_path / "3.jsonl")
    assert r3["event_id_cnty"] == r1["event_id_cnty"] and r3["timestamp"] > r1["timestamp"]


def test_append_needs_output(tmp_path, rasd):
    write(tmp_path, "a.txt", "إدلب 3\n")
    code, err = rasd("extract", str(tmp_path / "a.txt"), "--append", "-f", "jsonl")
    assert code == 2 and "--append needs -o" in err


def test_failed_article_recorded_and_retried(tmp_path, rasd):
    inp, out, db = tmp_path / "in", tmp_path / "o.jsonl", tmp_path / "s.db"
    inp.mkdir()
    write(inp, "bad.txt", "إدلب BOOM\n")
    write(inp, "good.txt", "حلب قصف 2\n")
    code, err = rasd("extract", str(inp), "--state", str(db), "-o", str(out), "--append", "-d", "2025-03-01")
    assert code == 1 and "processing failed (RuntimeError: boom)" in err and len(rows(out)) == 1
    with State(db) as st:
        assert st.db.execute("SELECT status, error, attempts FROM articles WHERE path LIKE '%bad.txt'").fetchone() == (
            "failed", "RuntimeError: boom", 1)
    code, err = rasd("extract", str(inp), "--state", str(db), "-o", str(out), "--append", "-d", "2025-03-01")
    assert code == 1 and "1 article(s), 0 event(s), 1 already done" in err  # the failed one is retried
    with State(db) as st:
        assert st.db.execute("SELECT attempts FROM articles WHERE status='failed'").fetchone() == (2,)


def test_lock_no_wait_and_wait(tmp_path):
    db = tmp_path / "s.db"
    write(tmp_path, "2025-03-01-a.txt", "إدلب 3\n")
    cmd = [sys.executable, str(FAKE), "extract", str(tmp_path / "2025-03-01-a.txt"), "--state", str(db),
           "-o", str(tmp_path / "o.jsonl"), "--append"]  # fmt: skip
    holder = State(db)
    try:
        p = subprocess.run(cmd + ["--no-wait"], capture_output=True, text=True, timeout=60)
        assert p.returncode == 75 and f"another rasd run holds {db}.lock" in p.stderr  # EX_TEMPFAIL: busy
        p = subprocess.run(cmd + ["--lock-timeout", "0.5"], capture_output=True, text=True, timeout=60)
        assert p.returncode == 75 and "gave up after 0.5s" in p.stderr
        waiting = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
        ready, _, _ = select.select([waiting.stderr], [], [], 60)  # its first line: it is waiting
        first = waiting.stderr.readline() if ready else ""
        assert "waiting up to 300s" in first and waiting.poll() is None  # still waiting for the lock
    finally:
        holder.close()
    _, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0 and "1 event(s)" in err


def test_two_concurrent_runs(tmp_path):
    inp, out, db = tmp_path / "in", tmp_path / "o.jsonl", tmp_path / "s.db"
    inp.mkdir()
    for i in range(6):
        write(inp, f"2025-03-0{i + 1}-{i}.txt", f"إدلب غارة {i}\nحلب قصف {i + 10}\n")
    cmd = [sys.executable, str(FAKE), "extract", str(inp), "--state", str(db), "-o", str(out), "--append"]
    env = dict(os.environ, RASD_FAKE_DELAY="0.05")
    a = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    b = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    ea, eb = a.communicate(timeout=60)[1], b.communicate(timeout=60)[1]
    assert (a.returncode, b.returncode) == (0, 0), (ea, eb)
    got = ids(out)
    assert len(got) == 12 and len(set(got)) == 12
    assert sorted(["6 article(s)" in ea, "6 article(s)" in eb]) == [False, True]  # one did it all
    assert "waiting" in ea + eb and "6 already done" in ea + eb


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_interrupted_run_loses_and_duplicates_nothing(tmp_path, sig):
    inp, out, db = tmp_path / "in", tmp_path / "o.jsonl", tmp_path / "s.db"
    inp.mkdir()
    from extractor.parallel import BATCH

    n = 2 * BATCH  # rows are written per batch of articles: two batches, killed during the second
    for i in range(n):
        write(inp, f"2025-03-01-{i:03}.txt", f"إدلب غارة {i}\n")
    cmd = [sys.executable, str(FAKE), "extract", str(inp), "--state", str(db), "-o", str(out), "--append"]
    p = subprocess.Popen(cmd, env=dict(os.environ, RASD_FAKE_DELAY=str(2.4 / n)), stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while (not out.exists() or not out.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    p.send_signal(sig)
    p.wait(timeout=30)
    partial = ids(out)
    assert 0 < len(partial) < n  # killed midway, after some rows were reported
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    got = ids(out)
    assert got[: len(partial)] == partial
    assert len(got) == n and len(set(got)) == n
    assert not list(tmp_path.glob(".*.tmp"))


def _ev(i: int, base: str = "SYR1") -> Event:
    return Event(event_id_cnty=base, article_id=f"a{i}", notes=str(i), confidence=0.9)


def test_kill_between_append_and_commit_is_recovered(tmp_path):
    out, db = tmp_path / "o.jsonl", tmp_path / "s.db"
    from extractor.writing import JsonlWriter

    with State(db) as st:  # run 1: rows appended, then killed before the commit
        rows_ = st.assign("h1", [_ev(1, "SYR10"), _ev(2, "SYR20")])
        st.add_pending(rows_)
        sink = AppendSink(out)
        JsonlWriter(sink).write([r.event for r in rows_])
        sink.write(b'{"event_id_cnty": "SYR3')  # and a torn line from the kill
        sink.close()
    with State(db) as st:  # run 2
        assert st.recover(out, "jsonl", append=True) == (2, 0)
        assert ids(out) == ["SYR10", "SYR20"]  # torn tail cut off
        again = st.assign("h1", [_ev(1, "SYR10"), _ev(2, "SYR20")])
        assert [r.status for r in again] == ["written", "written"]  # never appended twice
        assert [r.event.timestamp for r in again] == [r.event.timestamp for r in rows_]


def test_pending_rows_not_in_output_are_redone(tmp_path):
    db = tmp_path / "s.db"
    with State(db) as st:
        st.add_pending(st.assign("h1", [_ev(1, "SYR10")]))
    with State(db) as st:
        assert st.recover(tmp_path / "missing.jsonl", "jsonl", append=True) == (0, 1)
        assert [r.status for r in st.assign("h1", [_ev(1, "SYR10")])] == [None]


def test_id_collisions_get_distinct_stable_ids(tmp_path):
    with State(tmp_path / "s.db") as st:
        a = st.assign("hashA", [_ev(1, "SYR42")])
        st.add_pending(a)
        st.commit(a, [("hashA", "a.txt", "a", 1)])
        b = st.assign("hashB", [_ev(2, "SYR42"), _ev(3, "SYR42")])
        assert [r.event.event_id_cnty for r in a + b] == ["SYR42", "SYR43", "SYR44"]
        st.add_pending(b)
        st.commit(b, [("hashB", "b.txt", "b", 2)])
        assert [r.event.event_id_cnty for r in st.assign("hashB", [_ev(2, "SYR42"), _ev(3, "SYR42")])] == [
            "SYR43", "SYR44"]


def test_repair_tail_and_csv_ids(tmp_path):
    p = tmp_path / "o.csv"
    p.write_text('event_id_cnty,notes\nSYR1,"two\nlines"\nSYR2,x\nSYR', encoding="utf-8")
    assert repair_tail(p) and p.read_text().endswith("SYR2,x\n")
    assert ids_in_output(p, "csv") == {"SYR1", "SYR2"}
    assert not repair_tail(p)


def test_content_hash_is_the_pipelines():
    from extractor import rows as rows_mod

    text = "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب"
    assert content_hash(text) == rows_mod.content_hash(text)


def test_a_state_keyed_by_text_alone_is_adopted_not_redone(tmp_path, rasd):
    """States written before the outlet was part of the key: the same file and id is not written twice."""
    import json

    from extractor.state import article_key

    feed, out, db = tmp_path / "feed.jsonl", tmp_path / "o.jsonl", tmp_path / "s.db"
    feed.write_text(json.dumps({"id": "n1", "text": "إدلب غارة 3", "source": "SANA", "date": "2025-03-01"},
                               ensure_ascii=False) + "\n", encoding="utf-8")  # fmt: skip
    assert rasd("extract", str(feed), "--state", str(db), "-o", str(out), "--append")[0] == 0
    new_key, old_key = article_key("إدلب غارة 3", "SANA"), article_key("إدلب غارة 3")
    with State(db) as st:  # what an older rasd left: the same rows under the text's hash alone
        st.db.execute("UPDATE articles SET hash=? WHERE hash=?", (old_key, new_key))
        st.db.execute("UPDATE events SET article_hash=? WHERE article_hash=?", (old_key, new_key))
        st.db.execute("DELETE FROM files")
    code, err = rasd("extract", str(feed), "--state", str(db), "-o", str(out), "--append")
    assert code == 0 and "0 article(s), 0 event(s), 1 already done" in err and len(rows(out)) == 1
    with State(db) as st:
        assert st.is_done(new_key) and not st.is_done(old_key)
