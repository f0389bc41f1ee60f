"""The Runner as a library: a RunConfig in, rows in a sink, a RunResult back."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))  # helpers, whether or not tests/ is a package
import fake_pipeline  # noqa: E402
from conftest import assert_valid_rows  # noqa: E402
from extractor.run import AtomicFileSink, RunConfig, Runner, StreamSink, open_sink  # noqa: E402


def folder(tmp_path: Path, **files: str) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for name, text in files.items():
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
    return d


def test_a_run_returns_its_result_and_writes_rows_to_the_sink(tmp_path):
    d = folder(tmp_path, **{"2025-03-01-a": "إدلب غارة قتلت 3\nحلب قصف 2\n", "2025-03-02-b": "درعا 1\n"})
    cfg = RunConfig(inputs=[str(d)], pipeline_factory=fake_pipeline.factory)
    buf = io.BytesIO()
    result = Runner(cfg, StreamSink("jsonl", buf)).run()
    assert (result.stats.files, result.stats.articles, result.stats.events, result.exit_code) == (2, 2, 3, 0)
    rows = assert_valid_rows([orjson.loads(x) for x in buf.getvalue().splitlines()])
    assert [r["location"] for r in rows] == ["Idlib", "Aleppo", "Dara'a"]


def test_failures_are_reported_through_the_callback_not_printed(tmp_path, capsys):
    d = folder(tmp_path, a="إدلب BOOM\n", b="حلب 2\n")
    (d / "empty.txt").write_text("")
    said: list[tuple[str, str]] = []
    cfg = RunConfig(inputs=[str(d)], pipeline_factory=fake_pipeline.factory, debug=True)
    result = Runner(cfg, StreamSink("jsonl", io.BytesIO()), report=lambda lv, t: said.append((lv, t))).run()
    assert result.exit_code == 1 and result.stats.failed == 2
    levels = [lv for lv, _ in said]
    assert levels.count("error") == 2 and "debug" in levels
    assert "RuntimeError: boom" in dict(said)["debug"]
    assert capsys.readouterr() == ("", "")


def test_the_progress_bar_is_stopped_before_the_table_is_drawn(tmp_path):
    from rich.console import Console

    calls: list[str] = []

    class Bar:
        def start(self, total): calls.append("start")  # noqa: E704
        def file_done(self, stats): pass  # noqa: E704
        def articles(self, stats): pass  # noqa: E704
        def stop(self): calls.append("stop")  # noqa: E704

    out = io.StringIO()
    console = Console(file=out, width=200)
    real_print = console.print
    console.print = lambda *a, **kw: (calls.append("table"), real_print(*a, **kw))  # type: ignore[method-assign]
    d = folder(tmp_path, a="إدلب غارة 3\n")
    cfg = RunConfig(inputs=[str(d)], pipeline_factory=fake_pipeline.factory, format="table")
    Runner(cfg, open_sink(cfg, console=console), progress=Bar()).run()
    assert calls == ["start", "stop", "table"] and "Idlib" in out.getvalue()


def test_a_failed_run_leaves_the_atomic_file_untouched(tmp_path):
    target = tmp_path / "o.jsonl"
    target.write_text("old\n")

    def broken():
        raise RuntimeError("no pipeline")

    d = folder(tmp_path, a="إدلب 3\n")
    sink = AtomicFileSink(target, "jsonl")
    try:
        Runner(RunConfig(inputs=[str(d)], pipeline_factory=broken), sink).run()
    except RuntimeError:
        pass
    assert target.read_text() == "old\n" and sorted(p.name for p in tmp_path.iterdir()) == ["in", "o.jsonl"]
