"""The `rasd` command end to end: Typer's CliRunner and a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

from typer.testing import CliRunner

from cli.main import app
from extractor.record import ACLED_COLUMNS

from conftest import ROOT, SAMPLES, assert_valid_rows

runner = CliRunner()
PUB = "2023-07-09"  # the Sunday CENTCOM published the statement in the sample


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def jsonl(out: str) -> list[dict]:
    """The rows of a JSON Lines output, each checked against `rasd schema`."""
    return assert_valid_rows([json.loads(line) for line in out.splitlines() if line.strip()])


def test_version_and_help():
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.startswith("rasd ")
    r = run("--help")
    assert r.exit_code == 0 and "extract" in r.stdout and "schema" in r.stdout


def test_schema_is_json():
    r = run("schema")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["required"] == list(ACLED_COLUMNS)


def test_extract_samples_gives_jsonl_when_not_a_terminal():
    r = run("extract", str(SAMPLES), "--date", PUB)
    assert r.exit_code == 0, r.stderr
    rows = jsonl(r.stdout)
    assert rows and all(row["article_id"] == "centcom-drone-strike-syria" for row in rows)


def test_csv_output_to_file_has_acled_header(tmp_path):
    out = tmp_path / "events.csv"
    r = run("extract", str(SAMPLES), "--date", PUB, "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    header = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert header == list(ACLED_COLUMNS)


def test_bad_inputs_are_reported_and_the_rest_processed(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "feed.jsonl").write_text('{"id": "ok", "text": "اندلعت اشتباكات عنيفة بين الجيش السوري ومسلحين في درعا."}\n{broken\n',
                                         encoding="utf-8")
    # a folder walk leaves .bin files out (not articles); named explicitly, one is read and reported
    r = run("extract", str(tmp_path), str(tmp_path / "blob.bin"), str(SAMPLES), "--date", PUB, "-f", "jsonl")
    assert r.exit_code == 1
    errs = [line for line in r.stderr.splitlines() if "error:" in line]
    assert len(errs) == 3
    assert any("empty.txt" in e and "empty" in e for e in errs)
    assert any("blob.bin" in e and "binary" in e for e in errs)
    assert any("feed.jsonl:2" in e and "JSON" in e for e in errs)
    ids = {row["article_id"] for row in jsonl(r.stdout)}
    assert "centcom-drone-strike-syria" in ids


def test_no_events_is_success_and_usage_errors_exit_2(tmp_path):
    p = tmp_path / "sport.txt"
    p.write_text("فاز المنتخب الوطني على نظيره بثلاثة أهداف مقابل هدف في المباراة الودية.", encoding="utf-8")
    r = run("extract", str(p), "-f", "jsonl")
    assert r.exit_code == 0 and r.stdout == ""
    assert run("extract", str(p), "--date", "not-a-date").exit_code == 2
    assert run("extract", str(p), "--format", "xml").exit_code == 2
    assert run("nonsense").exit_code == 2


def test_stdin_jsonl():
    line = json.dumps({"id": "s1", "text": "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.", "date": "2024-03-10"},
                      ensure_ascii=False)
    r = run("extract", "-", "-f", "jsonl", input=line + "\n")
    assert r.exit_code == 0, r.stderr
    rows = jsonl(r.stdout)
    assert rows and rows[0]["article_id"] == "s1" and rows[0]["event_date"] == "2024-03-09"



def test_min_confidence_keeps_the_row_whose_day_the_text_gives():
    feed = "".join(json.dumps({"id": i, "text": t, "date": "2024-03-10"}, ensure_ascii=False) + "\n" for i, t in (
        ("told", "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس."),
        ("assumed", "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب.")))
    every = jsonl(run("extract", "-", "-f", "jsonl", input=feed).stdout)
    conf = {r["article_id"]: r["confidence"] for r in every}
    assert conf["assumed"] < conf["told"]
    cut = f"{(conf['told'] + conf['assumed']) / 2:.3f}"
    r = run("extract", "-", "-f", "jsonl", "--min-confidence", cut, input=feed)
    assert r.exit_code == 0, r.stderr
    assert [x["article_id"] for x in jsonl(r.stdout)] == ["told"]

def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_real_subprocess_pipe_and_head_ends_quietly(tmp_path):
    big = tmp_path / "many.jsonl"
    text = "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس."
    big.write_text("".join(json.dumps({"id": f"a{i}", "text": text}, ensure_ascii=False) + "\n" for i in range(300)),
                   encoding="utf-8")
    cmd = f"{sys.executable} -m cli.main extract {big} --date 2024-03-10 -q | head -n 1"
    p = subprocess.run(["bash", "-c", "set -o pipefail; " + cmd], capture_output=True, text=True, cwd=ROOT, env=_env(),
                       timeout=300)
    assert p.stdout.count("\n") == 1
    assert "Traceback" not in p.stderr and "BrokenPipe" not in p.stderr


def test_real_subprocess_on_samples():
    p = subprocess.run([sys.executable, "-m", "cli.main", "extract", "samples/", "--date", PUB],
                       capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=300)
    assert p.returncode == 0, p.stderr
    rows = jsonl(p.stdout)
    assert len(rows) == 1
    assert "1 article(s), 1 event(s)" in p.stderr


# --- CLI conventions --------------------------------------------------------------------------
FAKE = ["--pipeline-factory", "fake_pipeline:factory"]  # the public hook: a light pipeline, no model


def test_help_groups_options_in_panels():
    r = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "160"})
    assert r.exit_code == 0
    for panel in ("Input", "Output", "Model", "Cron", "Diagnostics"):
        assert f" {panel} " in r.stdout, panel
    assert "--pipeline-factory" not in r.stdout  # a hidden hook for tests and embedding
    assert "--install-completion" in run("--help").stdout  # shell completion is on


def test_debug_shows_the_traceback_of_a_failed_article(tmp_path):
    (tmp_path / "bad.txt").write_text("إدلب BOOM\n", encoding="utf-8")
    r = run("extract", str(tmp_path / "bad.txt"), "-f", "jsonl", *FAKE)
    assert r.exit_code == 1 and "processing failed (RuntimeError: boom)" in r.stderr
    assert "Traceback" not in r.stderr
    r = runner.invoke(app, ["extract", str(tmp_path / "bad.txt"), "-f", "jsonl", *FAKE], env={"RASD_DEBUG": "1"})
    assert r.exit_code == 1 and "Traceback (most recent call last)" in r.stderr and "fake_pipeline.py" in r.stderr


def test_messages_are_plain_in_logs_and_coloured_on_a_terminal(tmp_path):
    from rich.console import Console

    from cli.console import Messages

    (tmp_path / "empty.txt").write_text("")
    r = run("extract", str(tmp_path / "empty.txt"), "-f", "jsonl", *FAKE)
    assert r.stderr.splitlines()[0] == f"rasd: error: {tmp_path / 'empty.txt'}: empty input"
    assert "\x1b" not in r.stderr
    m = Messages()
    m._console = Console(file=io.StringIO(), force_terminal=True, color_system="standard")
    m.warning("no publication date")
    out = m.console.file.getvalue()
    assert "\x1b[" in out and "warning:" in out and "no publication date" in out


def test_output_suffix_picks_tsv_and_an_unknown_suffix_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("إدلب غارة 3\n", encoding="utf-8")
    r = run("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "e.tsv"), *FAKE)
    assert r.exit_code == 0, r.stderr
    lines = (tmp_path / "e.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(ACLED_COLUMNS) and len(lines) == 2
    assert lines[1].split("\t")[ACLED_COLUMNS.index("location")] == "Idlib"
    r = run("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "e.out"), *FAKE)
    assert r.exit_code == 2 and "give --format" in r.stderr and not (tmp_path / "e.out").exists()
    r = run("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "e.out"), "-f", "jsonl", *FAKE)
    assert r.exit_code == 0 and len(jsonl((tmp_path / "e.out").read_text(encoding="utf-8"))) == 1


def test_jsonl_and_csv_never_build_a_console(tmp_path, monkeypatch):
    import rich.console

    def no_console(*a, **kw):
        raise AssertionError("a rich Console was built for machine output")

    (tmp_path / "a.txt").write_text("إدلب غارة 3\n", encoding="utf-8")
    monkeypatch.setattr(rich.console, "Console", no_console)
    for f in ("jsonl", "csv"):
        r = run("extract", str(tmp_path / "a.txt"), "-f", f, "-q", *FAKE)
        assert r.exit_code == 0, (f, r.stderr, r.exception)


def test_entities_csv_comes_from_the_library_writer():
    from extractor.writing import ENTITY_COLUMNS, make_entity_writer

    buf = io.BytesIO()
    w = make_entity_writer("csv", buf)
    w.write([{"article_id": "a", "file": "a.txt", "type": "LOC", "text": "=إدلب", "start": 0, "end": 5,
              "sentence": 0}])  # fmt: skip
    w.close()
    header, line = buf.getvalue().decode().splitlines()
    assert header.split(",") == list(ENTITY_COLUMNS) and "'=إدلب" in line
