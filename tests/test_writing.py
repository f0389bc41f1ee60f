"""Writers: ACLED-order CSV, JSON Lines, atomic files."""

from __future__ import annotations

import csv
import io
import json

import pytest

from extractor.record import ACLED_COLUMNS, PROVENANCE_COLUMNS, Event, json_schema
from extractor.writing import CsvWriter, JsonlWriter, atomic_output


def row(**kw) -> Event:
    base = dict(event_id_cnty="SYR1", event_date="2023-07-07", year=2023, time_precision=1,
                event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="Military Forces of the United States (2021-)", country="Syria", fatalities=1,
                notes='He said "hello", then left.', evidence="قال الجيش الأمريكي")
    base.update(kw)
    return Event(**base)


def test_csv_header_is_acleds_export_order():
    buf = io.BytesIO()
    w = CsvWriter(buf)
    w.write([row()])
    w.close()
    lines = buf.getvalue().decode("utf-8").splitlines()
    assert lines[0].split(",") == list(ACLED_COLUMNS)
    parsed = list(csv.DictReader(io.StringIO(buf.getvalue().decode())))
    assert parsed[0]["notes"] == 'He said "hello", then left.' and parsed[0]["fatalities"] == "1"
    assert parsed[0]["latitude"] == ""  # None is an empty cell, as in ACLED exports


def test_csv_with_provenance_appends_columns_and_empty_csv_keeps_header():
    buf = io.BytesIO()
    w = CsvWriter(buf, provenance=True)
    w.close()
    assert buf.getvalue().decode().strip().split(",") == list(ACLED_COLUMNS + PROVENANCE_COLUMNS)


def test_jsonl_has_every_column_and_valid_json_per_line():
    buf = io.BytesIO()
    JsonlWriter(buf).write([row(), row(event_id_cnty="SYR2")])
    lines = buf.getvalue().decode("utf-8").splitlines()
    assert len(lines) == 2
    d = json.loads(lines[0])
    assert list(d) == list(ACLED_COLUMNS + PROVENANCE_COLUMNS)
    assert d["evidence"] == "قال الجيش الأمريكي"


def test_schema_lists_all_columns_and_types():
    s = json_schema()
    assert s["required"] == list(ACLED_COLUMNS)
    assert set(s["properties"]) == set(ACLED_COLUMNS + PROVENANCE_COLUMNS)
    assert "Air/drone strike" in s["properties"]["sub_event_type"]["enum"]
    assert len(s["properties"]["sub_event_type"]["enum"]) == 25


def test_atomic_output_replaces_only_on_success(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as fh:
            fh.write(b"half")
            raise RuntimeError("killed")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temp file left
    with atomic_output(target) as fh:
        fh.write(b"new\n")
    assert target.read_text() == "new\n"
