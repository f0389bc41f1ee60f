"""Issue 15's defects in the CLI's own files, each reproduced with hostile inputs made in tmp_path."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import tomllib
import warnings
from pathlib import Path

import orjson
from typer.testing import CliRunner

from cli.main import app
from conftest import ROOT, assert_valid_rows
from extractor.record import Event
from extractor.writing import CsvWriter, TableWriter

runner = CliRunner()
FAKE = ["--pipeline-factory", "fake_pipeline:factory"]  # a light pipeline, through the CLI's public hook


def run(*args: str):
    return runner.invoke(app, [*args, *FAKE])


def one_line_error(r, code: int) -> str:
    """The run failed with ``code`` and said so in one line, without a traceback."""
    assert r.exit_code == code, (r.exit_code, r.stderr, r.exception)
    assert "Traceback" not in r.stderr and not (r.exception and not isinstance(r.exception, SystemExit))
    assert len(r.stderr.splitlines()) == 1, r.stderr
    return r.stderr


def article(tmp_path: Path, name: str = "a.txt", text: str = "إدلب غارة قتلت 3\n") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def rows(path: Path) -> list[dict]:
    return assert_valid_rows([orjson.loads(x) for x in path.read_bytes().splitlines() if x.strip()])


# --- 2. --state -o F without --append never empties F -----------------------------------------
def test_state_with_output_and_no_append_refuses_to_replace_a_file_with_fewer_rows(tmp_path):
    a, out, db = article(tmp_path), tmp_path / "events.jsonl", tmp_path / "s.db"
    assert run("extract", str(a), "--state", str(db), "-o", str(out)).exit_code == 0
    before = out.read_bytes()
    assert len(rows(out)) == 1
    err = one_line_error(run("extract", str(a), "--state", str(db), "-o", str(out)), 2)
    assert "--append" in err
    assert out.read_bytes() == before  # the second run would have written an empty file
    assert run("extract", str(a), "--state", str(db), "-o", str(out), "--append").exit_code == 0
    assert out.read_bytes() == before  # nothing new, nothing lost


# --- 4. injection -------------------------------------------------------------------------------
def hostile_event(**kw) -> Event:
    base = dict(event_id_cnty="SYR1", event_date="2024-03-09", year=2024, country="Syria", fatalities=1,
                source="=HYPERLINK(\"http://evil\",\"x\")", url="+cmd|' /C calc'!A0", file="@SUM(A1)",
                article_id="-2+3", evidence="[bold red]قصف[/] \x1b]0;pwned\x07\x1b[31mعلى إدلب\x1b[0m",
                location="[/]", notes="=1+1")  # fmt: skip
    base.update(kw)
    return Event(**base)


def test_csv_cells_that_a_spreadsheet_would_run_get_a_leading_quote_unless_raw():
    buf = io.BytesIO()
    w = CsvWriter(buf, provenance=True)
    w.write([hostile_event(latitude=-12.5)])
    w.close()
    import csv

    [rec] = list(csv.DictReader(io.StringIO(buf.getvalue().decode())))
    for col in ("source", "url", "file", "article_id", "notes"):
        assert rec[col].startswith("'") and rec[col][1] in "=+-@", col
    assert rec["latitude"] == "-12.5"  # a number is not a formula
    raw = io.BytesIO()
    CsvWriter(raw, provenance=True, raw=True).write([hostile_event()])
    assert next(csv.DictReader(io.StringIO(raw.getvalue().decode())))["source"].startswith("=HYPERLINK")


def test_raw_csv_option_on_the_command_line(tmp_path):
    a = article(tmp_path, text="=إدلب غارة 3\n")  # the fake pipeline puts the line in evidence
    for extra, first in (((), "'="), (("--raw-csv",), "=")):
        r = run("extract", str(a), "-f", "csv", "--provenance", "-q", *extra)
        import csv

        [rec] = list(csv.DictReader(io.StringIO(r.stdout)))
        assert rec["evidence"].startswith(first) and rec["location"].startswith(first)


def test_table_shows_markup_and_escapes_as_plain_text_and_never_crashes():
    from rich.console import Console

    out = io.StringIO()
    t = TableWriter(Console(file=out, width=220, force_terminal=True, color_system="standard"))
    t.write([hostile_event(), hostile_event(event_id_cnty="SYR2", sub_event_type="[/]")])
    t.close()  # "[/]" used to raise a MarkupError: all rows lost
    shown = out.getvalue()
    assert "[bold red]" in shown and "[/]" in shown  # shown, not interpreted
    assert "\x1b]" not in shown and "pwned" not in shown and "\x07" not in shown  # no OSC title change
    assert "\x1b[31mعلى" not in shown  # the article's own colour codes are gone (rich's own styling stays)


def test_stderr_messages_strip_escapes_from_file_names(tmp_path):
    bad = tmp_path / "x\x1b]0;pwned\x07\x1b[2J.txt"
    bad.write_text("")
    r = run("extract", str(tmp_path), "-f", "jsonl")
    assert r.exit_code == 1 and "empty input" in r.stderr
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr


# --- 7. one line, not a traceback ---------------------------------------------------------------
def test_state_on_a_file_that_is_not_sqlite_or_on_a_folder(tmp_path):
    a = article(tmp_path)
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database\n" * 100)
    err = one_line_error(run("extract", str(a), "--state", str(junk), "-f", "jsonl"), 2)
    assert "not a rasd state file" in err and not (tmp_path / "notes.txt.lock").exists()
    err = one_line_error(run("extract", str(a), "--state", str(tmp_path), "-f", "jsonl"), 2)
    assert "is a folder" in err


def test_output_on_a_folder_is_refused_before_any_article_is_read(tmp_path, monkeypatch):
    a = article(tmp_path)
    (tmp_path / "out").mkdir()
    monkeypatch.setenv("RASD_FAKE_DELAY", "30")  # processing would take 30 s
    t0 = time.monotonic()
    err = one_line_error(run("extract", str(a), "-o", str(tmp_path / "out")), 2)
    assert "is a folder" in err and time.monotonic() - t0 < 10


def test_output_that_cannot_be_written(tmp_path):
    a = article(tmp_path)
    err = one_line_error(run("extract", str(a), "-o", "/proc/rasd-cannot-write-here.jsonl"), 1)
    assert "cannot write /proc/rasd-cannot-write-here.jsonl" in err
    err = one_line_error(run("extract", str(a), "-o", str(a / "x.jsonl")), 2)
    assert "is not a folder" in err


def test_stdout_on_a_full_disk_is_one_line_and_exit_1(tmp_path):
    a = article(tmp_path, text="".join(f"إدلب غارة {i}\n" for i in range(2000)))
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with open("/dev/full", "wb") as full:
        p = subprocess.run([sys.executable, str(ROOT / "tests" / "fake_pipeline.py"), "extract", str(a), "-f",
                            "jsonl", "-d", "2025-03-01"], stdout=full, stderr=subprocess.PIPE, text=True, env=env, timeout=120)  # fmt: skip
    assert p.returncode == 1, p.stderr
    assert p.stderr.splitlines() == ["rasd: error: cannot write stdout: No space left on device"]


# --- 8. cron hygiene: source in the key, stale temp files, timestamps ---------------------------
def wire_feed(tmp_path: Path) -> Path:
    """One wire text carried by two outlets, as two JSON lines."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"n{i}", "text": "إدلب غارة قتلت 3", "source": s, "date": "2025-03-01"},
                                       ensure_ascii=False) + "\n" for i, s in enumerate(["SANA", "Enab Baladi"])),
                    encoding="utf-8")  # fmt: skip
    return feed


def test_wire_copy_from_another_outlet_still_reaches_source_with_state(tmp_path):
    feed = wire_feed(tmp_path)
    out, db = tmp_path / "o.jsonl", tmp_path / "s.db"
    r = run("extract", str(feed), "--state", str(db), "-o", str(out), "--append")
    assert r.exit_code == 0 and "2 article(s), 2 event(s)" in r.stderr
    assert sorted(x["source"] for x in rows(out)) == ["Enab Baladi", "SANA"]
    assert len({x["event_id_cnty"] for x in rows(out)}) == 2
    r = run("extract", str(feed), "--state", str(db), "-o", str(out), "--append")
    assert "0 article(s), 0 event(s), 2 already done" in r.stderr and len(rows(out)) == 2


def test_the_same_article_twice_without_state_is_read_once(tmp_path):
    """One text from one outlet in two files (a re-scrape): one article, one row, a note on stderr."""
    rec = json.dumps({"id": "n1", "text": "إدلب غارة قتلت 3", "source": "SANA", "date": "2025-03-01"},
                     ensure_ascii=False) + "\n"  # fmt: skip
    (tmp_path / "mon.jsonl").write_text(rec, encoding="utf-8")
    (tmp_path / "tue.jsonl").write_text(rec, encoding="utf-8")
    r = run("extract", str(tmp_path / "mon.jsonl"), str(tmp_path / "tue.jsonl"), "-f", "jsonl")
    assert r.exit_code == 0
    [row] = assert_valid_rows([json.loads(x) for x in r.stdout.splitlines()])
    assert row["file"].endswith("mon.jsonl")
    assert "tue.jsonl: the same text and outlet as an article read earlier in this run; skipped" in r.stderr
    assert "1 article(s), 1 event(s)" in r.stderr
    q = run("extract", str(tmp_path / "mon.jsonl"), str(tmp_path / "tue.jsonl"), "-f", "jsonl", "-q")
    assert q.exit_code == 0 and q.stderr == ""  # -q: the note is not a problem
    # the same row; only `timestamp` (this run's start, without --state) may differ between the two runs
    same = [{k: v for k, v in json.loads(x).items() if k != "timestamp"} for x in (r.stdout, q.stdout)]
    assert same[0] == same[1]


def test_one_wire_text_from_two_outlets_gives_two_ids_without_state(tmp_path):
    feed = wire_feed(tmp_path)
    r = run("extract", str(feed), "-f", "jsonl")
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.exit_code == 0 and sorted(x["source"] for x in out) == ["Enab Baladi", "SANA"]
    assert len({x["event_id_cnty"] for x in out}) == 2  # two articles, two ids: never one id on two rows


def test_stale_temp_files_of_killed_runs_are_cleaned(tmp_path):
    a, out = article(tmp_path), tmp_path / "events.jsonl"
    dead = tmp_path / ".events.jsonl.4194999.k1ll3d.tmp"  # above any pid_max: its writer is gone
    legacy = tmp_path / ".events.jsonl.abc123.tmp"  # an older rasd's name, hours old
    alive = tmp_path / f".events.jsonl.{os.getpid()}.w0rk1n.tmp"  # a run still writing
    other = tmp_path / ".other.jsonl.4194999.x.tmp"  # another output's: not ours to touch
    for p in (dead, legacy, alive, other):
        p.write_text("{half")
    old = time.time() - 7200
    os.utime(legacy, (old, old))
    assert run("extract", str(a), "-o", str(out)).exit_code == 0
    assert not dead.exists() and not legacy.exists() and alive.exists() and other.exists()
    assert len(rows(out)) == 1


def test_timestamp_is_filled_without_state(tmp_path):
    a = article(tmp_path)
    t0 = int(time.time())
    r = run("extract", str(a), "-f", "jsonl")
    [row] = assert_valid_rows([json.loads(x) for x in r.stdout.splitlines()])
    assert isinstance(row["timestamp"], int) and t0 <= row["timestamp"] <= time.time() + 1


# --- 9. usage errors --------------------------------------------------------------------------
def test_bad_option_values_are_usage_errors(tmp_path):
    a = article(tmp_path)
    for bad in (["--ner-model", "foo"], ["--ner-model", str(tmp_path / "missing.pt")], ["--max-bytes", "-5"],
                ["--max-bytes", "0"], ["--date", "x2023-07-09y"], ["--date", "2023-02-30"]):
        r = runner.invoke(app, ["extract", str(a), "-f", "jsonl", *bad])
        assert r.exit_code == 2, (bad, r.exit_code, r.stderr)


# --- 10. install noise --------------------------------------------------------------------------
def test_pyproject_licence_is_an_spdx_string_and_setuptools_does_not_warn():
    from setuptools.config.pyprojecttoml import apply_configuration
    from setuptools.dist import Distribution

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["license"] == "MIT"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        apply_configuration(Distribution(), ROOT / "pyproject.toml")
    assert not [w for w in caught if "license" in str(w.message).lower()], [str(w.message) for w in caught]
