"""Cron hygiene (issue 15, item 8): a bad input line is reported once, not on every later run."""

from __future__ import annotations

import orjson
from conftest import real_pipeline_or_skip
from typer.testing import CliRunner

from cli.main import app

TEXT = "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس."


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
