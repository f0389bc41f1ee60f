"""Hostile inputs (issue 15): FIFOs, link loops, rasd's own files, odd encodings, huge feeds.

Each test builds its hostile folder in ``tmp_path`` and pins the behaviour that replaced
a hang, a silent loss or a wrong reading.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import itertools
import json
import lzma
import os
import signal
import socket
from contextlib import contextmanager
from datetime import date

import pytest

from extractor import extract
from extractor.reading import (
    InputError,
    UsageError,
    check_encoding,
    expand_inputs,
    read_inputs,
    read_one,
)

TEXT = "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس."


def arts(items):
    return [i for i in items if not isinstance(i, InputError)]


def errs(items):
    return [i for i in items if isinstance(i, InputError)]


@contextmanager
def deadline(seconds: int = 10):
    """Fail instead of hanging for ever (the defect being pinned is a hang)."""

    def boom(*_):
        raise TimeoutError("hung")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# --------------------------------------------------------------------------- 15.1 hangs
def test_a_fifo_in_a_folder_is_reported_not_opened(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    with deadline():
        items = list(read_inputs([str(tmp_path)]))
    assert [a.id for a in arts(items)] == ["a"]
    [e] = errs(items)
    assert e.where == str(tmp_path / "pipe.txt") and "FIFO" in e.problem


def test_a_fifo_named_directly_is_reported_not_opened(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with deadline():
        [e] = list(read_inputs([str(fifo)]))
        [e2] = list(read_one(str(fifo)))
    assert "FIFO" in e.problem and "FIFO" in e2.problem


def test_a_socket_in_a_folder_is_reported(tmp_path):
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(tmp_path / "s.txt"))
        with deadline():
            [e] = list(read_inputs([str(tmp_path)]))
        assert "socket" in e.problem
    finally:
        s.close()


def test_a_symlink_loop_under_a_double_star_glob_ends_and_reads_each_file_once(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(TEXT, encoding="utf-8")
    os.symlink("..", tmp_path / "news" / "up")  # news/up -> tmp_path: a loop
    os.symlink(".", tmp_path / "news" / "self")
    with deadline():
        by_glob = list(read_inputs([str(tmp_path / "**" / "*.txt")]))
        by_folder = list(read_inputs([str(tmp_path)]))
    assert [a.id for a in by_glob] == ["a"]
    assert [a.id for a in by_folder] == ["a"]


def test_a_symlinked_folder_is_followed_once(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "b.txt").write_text(TEXT, encoding="utf-8")
    top = tmp_path / "in"
    top.mkdir()
    os.symlink(real, top / "link1")
    os.symlink(real, top / "link2")
    assert [a.id for a in read_inputs([str(top)])] == ["b"]
    assert [a.id for a in read_inputs([str(top / "**" / "*.txt")])] == ["b"]
    assert len(list(expand_inputs([str(top), str(top), str(real)]))) == 1


# --------------------------------------------------------------------------- 15.8 cron hygiene
def test_rasd_own_files_and_non_text_files_are_left_out_of_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    for name in ("rasd.db", "rasd.db-wal", "rasd.db-shm", "rasd.db.lock", "out.jsonl.tmp", "x.sqlite"):
        (tmp_path / name).write_bytes(b"SQLite format 3\x00" + bytes(100))
    for name in ("photo.jpg", "logo.png", "report.pdf", "archive.zip", "clip.mp4"):
        (tmp_path / name).write_bytes(bytes(range(256)))
    (tmp_path / "state").write_bytes(b"SQLite format 3\x00" + bytes(100))  # --state state
    row = {"event_id_cnty": "SYR12345678", "event_date": "2025-04-05", "evidence": TEXT}
    (tmp_path / "events.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    skipped: list[str] = []
    items = list(expand_inputs([str(tmp_path)], skipped=skipped))
    assert items == [str(tmp_path / "a.txt")]
    assert len(skipped) == 13
    # named explicitly, a file is read (and reported when it is not an article)
    [e] = list(read_inputs([str(tmp_path / "photo.jpg")]))
    assert "binary" in e.problem
    assert list(expand_inputs([str(tmp_path / "*")])) == [str(tmp_path / "a.txt")]


def test_a_folder_of_only_left_out_files_is_not_an_error(tmp_path):
    (tmp_path / "rasd.db").write_bytes(b"x")
    assert list(expand_inputs([str(tmp_path)])) == []
    empty = tmp_path / "empty"
    empty.mkdir()
    [e] = list(expand_inputs([str(empty)]))
    assert "no files" in e.problem


def test_a_numeric_suffix_is_no_extension(tmp_path):
    (tmp_path / "news-2025.04.06").write_text(TEXT, encoding="utf-8")
    [a] = read_inputs([str(tmp_path)])
    assert a.published == date(2025, 4, 6)


# --------------------------------------------------------------------------- 15.9 small ones
def test_an_unreadable_subfolder_is_one_error(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(TEXT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # root ignores chmod 000, so the refusal is simulated
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_inputs([str(tmp_path)]))
    assert [a.id for a in arts(items)] == ["a"]
    [e] = errs(items)
    assert e.where == str(locked) and "Permission denied" in e.problem

    from typer.testing import CliRunner

    from cli.main import app

    r = CliRunner().invoke(app, ["extract", str(tmp_path), "--date", "2024-03-10", "--ner-model", "none",
                                 "-f", "jsonl"])  # fmt: skip
    assert r.exit_code == 1 and "Permission denied" in r.stderr


def test_a_txt_file_that_starts_with_a_brace_is_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("{عاجل} " + TEXT + "\n" + "{ثانية}", encoding="utf-8")
    [a] = read_inputs([str(p)])
    assert a.text.startswith("{عاجل}") and a.id == "a"


def test_evidence_offsets_point_into_the_file_after_leading_newlines(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("\n\n\n" + TEXT + "\n\n", encoding="utf-8")
    [a] = read_inputs([str(p)], published=date(2024, 3, 10))
    rows = extract(a, ner=None)
    assert rows
    on_disk = p.read_text(encoding="utf-8")
    for ev in rows:
        assert on_disk[ev.evidence_start : ev.evidence_end] == ev.evidence


def test_extract_survives_lone_surrogates_huge_numbers_and_calendar_ends():
    assert extract(TEXT + "\ud800 \udfff", published="2024-03-10", ner=None)
    many = "قتل " + "9" * 5000 + " مدنيا في غارة جوية على مدينة إدلب أمس."
    extract(many, published="2024-03-10", ner=None)  # no ValueError from int()
    [ev] = extract(TEXT, published="0001-01-01", ner=None)  # أمس of 1 January 1 AD: no OverflowError
    assert ev.event_date is None
    extract(TEXT.replace("أمس", "الجمعة المقبلة"), published="9999-12-31", ner=None)


# --------------------------------------------------------------------------- 15.6 encodings
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_text(tmp_path, codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    p = tmp_path / "u.txt"
    p.write_bytes(bom + TEXT.encode(codec))
    [a] = read_inputs([str(p)])
    assert a.text == TEXT


def test_utf16_jsonl_with_a_bom_streams(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = "".join(json.dumps({"id": f"x{i}", "text": TEXT}, ensure_ascii=False) + "\n" for i in range(3))
    p.write_bytes(lines.encode("utf-16"))
    assert [a.id for a in read_inputs([str(p)])] == ["x0", "x1", "x2"]


def test_utf16_jsonl_on_stdin_is_sniffed_as_jsonl():
    data = (json.dumps({"id": "s1", "text": TEXT}, ensure_ascii=False) + "\n").encode("utf-16")
    [a] = read_one("-", stdin=io.BytesIO(data))
    assert a.id == "s1" and a.text == TEXT


def test_iso_8859_6_is_decoded_not_read_as_windows_1256(tmp_path):
    p = tmp_path / "iso.txt"
    p.write_bytes(TEXT.encode("iso8859_6"))
    [a] = read_inputs([str(p)])
    assert a.text == TEXT
    cp = tmp_path / "cp.txt"
    cp.write_bytes(TEXT.encode("cp1256"))
    [b] = read_inputs([str(cp)])
    assert b.text == TEXT


def test_an_encoding_can_be_forced(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode("iso8859_6"))
    [a] = read_inputs([str(p)], encoding="iso-8859-6")
    assert a.text == TEXT
    [e] = read_inputs([str(p)], encoding="utf-8")
    assert "not valid utf-8" in e.problem
    with pytest.raises(UsageError):
        check_encoding("no-such-codec")


# --------------------------------------------------------------------------- 13 streaming
def _feed(n: int, start: int = 0) -> bytes:
    return b"".join(
        json.dumps({"id": f"n{i}", "text": TEXT, "date": "2024-03-10"}, ensure_ascii=False).encode() + b"\n"
        for i in range(start, start + n)
    )


def test_max_bytes_applies_per_article_in_a_jsonl_feed(tmp_path):
    p = tmp_path / "feed.jsonl"
    big = json.dumps({"id": "big", "text": TEXT * 50}, ensure_ascii=False).encode() + b"\n"
    p.write_bytes(_feed(40) + big + _feed(5, 40))
    assert p.stat().st_size > 4000
    items = list(read_inputs([str(p)], max_bytes=2000))
    assert len(arts(items)) == 45
    [e] = errs(items)
    assert e.where == f"{p}:41" and "too large" in e.problem


class _Endless(io.RawIOBase):
    """A stdin that never ends: reading it whole would never return."""

    def __init__(self) -> None:
        self.n = 0
        self.buf = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while len(self.buf) < len(b):
            self.buf += _feed(1, self.n)
            self.n += 1
        k = len(b)
        b[:k], self.buf = self.buf[:k], self.buf[k:]
        return k


def test_jsonl_on_stdin_is_read_line_by_line():
    with deadline():
        first = list(itertools.islice(read_one("-", stdin=io.BufferedReader(_Endless())), 3))
    assert [a.id for a in first] == ["n0", "n1", "n2"]


def test_a_jsonl_file_is_read_line_by_line(tmp_path, monkeypatch):
    p = tmp_path / "feed.jsonl"
    p.write_bytes(_feed(2000))
    reads: list[int] = []
    real_open = open

    class Counting(io.FileIO):
        def readinto(self, b):
            n = super().readinto(b)
            reads.append(n or 0)
            return n

    monkeypatch.setattr("builtins.open", lambda f, mode="r", *a, **k: Counting(f, "rb") if mode == "rb" else real_open(f, mode, *a, **k))
    it = read_one(str(p))
    next(it)
    assert sum(reads) < p.stat().st_size / 10  # the first article came before the file was read
    it.close()


@pytest.mark.parametrize("suffix, opener", [(".gz", gzip.open), (".bz2", bz2.open), (".xz", lzma.open)])
def test_compressed_inputs_are_opened(tmp_path, suffix, opener):
    feed = tmp_path / f"feed.jsonl{suffix}"
    with opener(feed, "wb") as fh:
        fh.write(_feed(3))
    txt = tmp_path / f"article-2024-03-10.txt{suffix}"
    with opener(txt, "wb") as fh:
        fh.write(TEXT.encode("utf-8"))
    items = list(read_inputs([str(tmp_path)]))
    assert [a.id for a in items] == ["article-2024-03-10", "n0", "n1", "n2"]
    assert items[0].text == TEXT and items[0].published == date(2024, 3, 10)
    [a] = list(read_one("-", stdin=io.BytesIO(gzip.compress(_feed(1)))))
    assert a.id == "n0"


def test_corrupt_compressed_input_is_one_error(tmp_path):
    p = tmp_path / "feed.jsonl.gz"
    p.write_bytes(gzip.compress(_feed(50))[:200])
    items = list(read_inputs([str(p)]))
    assert errs(items) and "corrupt" in errs(items)[-1].problem


def test_a_month_only_publication_date_is_a_month_anchor(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "m", "text": TEXT, "date": "2021-12"}, ensure_ascii=False) + "\n",
                 encoding="utf-8")  # fmt: skip
    [a] = read_inputs([str(p)])
    assert a.published == date(2021, 12, 15) and a.date_precision == 3
    [ev] = extract(a, ner=None)
    assert (ev.event_date, ev.time_precision) == ("2021-12-15", 3)  # ACLED: month known, coded to the 15th


def test_cli_encoding_option(tmp_path):
    from typer.testing import CliRunner

    from cli.main import app

    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode("iso8859_6"))
    args = ["extract", str(p), "--date", "2024-03-10", "--ner-model", "none", "-f", "jsonl"]
    r = CliRunner().invoke(app, args + ["--encoding", "iso-8859-6"])
    assert r.exit_code == 0 and json.loads(r.stdout.splitlines()[0])["evidence"] == TEXT
    r = CliRunner().invoke(app, args + ["--encoding", "utf-8"])
    assert r.exit_code == 1 and "not valid utf-8" in r.stderr
    assert CliRunner().invoke(app, args + ["--encoding", "klingon"]).exit_code == 2


def test_extract_takes_a_month_only_publication_date():
    [ev] = extract(TEXT, published="2021-12", ner=None)
    assert (ev.event_date, ev.time_precision) == ("2021-12-15", 3)


def test_a_very_deep_folder_tree_is_walked(tmp_path):
    d = tmp_path
    for _ in range(1100):  # deeper than Python's recursion limit, shorter than PATH_MAX
        d = d / "d"
        d.mkdir()
    try:
        (d / "deep.txt").write_text(TEXT, encoding="utf-8")
        (tmp_path / "top.txt").write_text(TEXT, encoding="utf-8")
        assert [a.id for a in read_inputs([str(tmp_path)])] == ["top", "deep"]
    finally:  # shutil.rmtree (pytest's clean-up) recurses: take the tree down from the bottom
        (d / "deep.txt").unlink(missing_ok=True)
        while d != tmp_path:
            d.rmdir()
            d = d.parent
