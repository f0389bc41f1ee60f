"""extract_batch for dataframe engines, Parquet output, --device reaching the NER."""

from __future__ import annotations

import logging
import sys
from dataclasses import fields
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_dedupe import STRIKE_REPORTS, real_pipeline_or_skip

import cli.main as cm
from extractor import extract_batch
from extractor.record import Event, json_schema

ROOT = Path(__file__).resolve().parent.parent


def _cli_rows(tmp_path: Path, records: list[dict]) -> list[dict]:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    res = CliRunner().invoke(cm.app, ["extract", str(src), "-f", "jsonl", "-q", "--ner-model", "none"])
    assert res.exit_code == 0, res.output
    return [orjson.loads(x) for x in res.stdout.splitlines()]


def test_extract_batch_gives_the_cli_rows(tmp_path, monkeypatch):
    real_pipeline_or_skip("none")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # both stamp their rows with "now"
    rows = extract_batch(STRIKE_REPORTS, ner=None)
    want = _cli_rows(tmp_path, STRIKE_REPORTS)
    for r in want:
        r["file"] = ""  # the CLI names the input file; a batch has none
    assert rows == want and len(rows) == 3
    assert [r["source"] for r in rows] == ["Enab Baladi", "SOHR", "Al Jazeera"]


def test_extract_batch_takes_dataframe_values_and_skips_bad_records(caplog):
    real_pipeline_or_skip("none")
    from datetime import datetime

    rec = dict(STRIKE_REPORTS[1], date=datetime(2025, 3, 10, 9, 30), url=float("nan"))  # a pandas row's values
    with caplog.at_level(logging.WARNING, logger="rasd"):
        rows = extract_batch([{"id": "empty", "text": "  "}, rec], ner=None)
    assert [r["published"] for r in rows] == ["2025-03-10"] and rows[0]["url"] == ""
    assert "record 1 (empty): missing or empty 'text' field" in caplog.text


def test_parquet_schema_is_the_event_record():
    pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'rasd[parquet]')")
    from extractor.parquet import arrow_schema

    schema = arrow_schema()
    assert schema.names == [f.name for f in fields(Event)]  # ACLED's 31 columns first, in ACLED's order
    props = json_schema()["properties"]
    for f in schema:
        nullable = "null" in props[f.name]["type"]
        assert f.nullable == nullable, f.name
    assert schema.field("fatalities").type == pa.int64() and schema.field("latitude").type == pa.float64()


def test_format_parquet_holds_the_jsonl_rows(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # both runs stamp their rows with "now"
    pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'rasd[parquet]')")
    real_pipeline_or_skip("none")
    from extractor.parquet import read_rows

    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in STRIKE_REPORTS))
    out = tmp_path / "rows.parquet"
    res = CliRunner().invoke(cm.app, ["extract", str(src), "-o", str(out), "-q", "--ner-model", "none"])
    assert res.exit_code == 0, res.output
    assert read_rows(str(out)) == _cli_rows(tmp_path, STRIKE_REPORTS)
    res = CliRunner().invoke(cm.app, ["extract", str(src), "-f", "parquet", "-q", "--ner-model", "none"])
    assert res.exit_code == 2 and "-o FILE" in res.output


def test_device_reaches_the_ner(monkeypatch):
    from extractor import ner
    from extractor.pipeline import Pipeline

    seen = []
    monkeypatch.setattr(ner, "load_ner", lambda which, cache_dir=None, use_gpu=False: seen.append(use_gpu))
    for p in (Pipeline("bundled", device="cuda"), Pipeline("bundled")):
        p.ner  # the model loads on first use
    assert seen == [True, False]


def test_device_errors_are_usage_errors():
    import torch

    res = CliRunner().invoke(cm.app, ["extract", "-", "--device", "tpu"], input="x")
    assert res.exit_code == 2 and "unknown device 'tpu'" in res.output
    if not torch.cuda.is_available():
        res = CliRunner().invoke(cm.app, ["extract", "-", "--device", "cuda"], input="x")
        assert res.exit_code == 2 and "no CUDA device" in res.output
    res = CliRunner().invoke(cm.app, ["extract", "-", "--engine", "spark"], input="x")
    assert res.exit_code == 2 and "unknown engine 'spark'" in res.output
    res = CliRunner().invoke(cm.app, ["extract", "-", "--scheduler", "tcp://x:8786"], input="x")
    assert res.exit_code == 2 and "--scheduler needs --engine dask" in res.output
