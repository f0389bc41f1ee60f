"""Copies in one run: the same text twice is one article; the same wire text from two outlets is two
articles whose rows still get one id each (issue 15, item 8)."""

from __future__ import annotations

import orjson
from typer.testing import CliRunner

from cli.main import app
from conftest import real_pipeline_or_skip

TEXT = "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس."


def _rows(args: list[str]) -> list[dict]:
    res = CliRunner().invoke(app, ["extract", *args, "-f", "jsonl", "-q", "--ner-model", "none", "-d", "2024-03-10"])
    assert res.exit_code == 0, res.output
    return [orjson.loads(x) for x in res.stdout.splitlines()]


def test_the_same_text_in_two_files_is_one_article(tmp_path):
    real_pipeline_or_skip("none")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    rows = _rows([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert len(rows) == 1 and rows[0]["file"].endswith("a.txt")


def test_wire_copy_from_two_outlets_gives_two_rows_with_two_ids(tmp_path):
    real_pipeline_or_skip("none")
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"".join(orjson.dumps({"id": f"x{i}", "text": TEXT, "source": s}) + b"\n"
                              for i, s in enumerate(("Outlet A", "Outlet B"))))  # fmt: skip
    rows = _rows([str(feed)])
    assert [r["source"] for r in rows] == ["Outlet A", "Outlet B"]
    assert len({r["event_id_cnty"] for r in rows}) == 2


def test_cron_reports_a_bad_json_line_once(tmp_path):
    """A malformed line in a growing feed is reported (exit 1) by the run that first meets it, not by
    every later cron run (the exit status would stay 1 for ever); a new bad line is reported again."""
    real_pipeline_or_skip("none")
    feed, state, out = tmp_path / "feed.jsonl", tmp_path / "rasd.db", tmp_path / "events.jsonl"
    line = orjson.dumps({"id": "x1", "text": TEXT, "date": "2024-03-10"}) + b"\n"
    feed.write_bytes(line + b"{broken\n")

    def run() -> tuple[int, str]:
        res = CliRunner().invoke(app, ["extract", str(feed), "--state", str(state), "-o", str(out), "--append",
                                       "--ner-model", "none"])  # fmt: skip
        return res.exit_code, res.stderr

    code, err = run()
    assert code == 1 and "feed.jsonl:2: malformed JSON" in err
    code, err = run()
    assert code == 0 and "malformed" not in err and "reported by an earlier run" in err
    with feed.open("ab") as fh:
        fh.write(b"{also broken\n")
    code, err = run()
    assert code == 1 and "feed.jsonl:3: malformed JSON" in err and "feed.jsonl:2:" not in err
