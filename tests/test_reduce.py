"""The reduce step: `rasd dedupe` over shards, and --dedupe across cron runs (one event, one row)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_dedupe import STRIKE_REPORTS, real_pipeline_or_skip, strike
from test_engine import _generated

import cli.main as cm
from extractor.dedupe import Prior, dedupe, dedupe_partitioned, latest_versions
from extractor.record import replace


def _run(*args: str) -> str:
    res = CliRunner().invoke(cm.app, list(args))
    assert res.exit_code == 0, res.output
    return res.output


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def _rows(path: Path) -> list[dict]:
    return [orjson.loads(x) for x in path.read_bytes().splitlines()]


def test_partitions_give_the_rows_and_order_of_one_pass():
    rng = random.Random(7)
    kinds = [dict(), dict(event_type="Battles", sub_event_type="Armed clash"), dict(country="Iraq", iso=368),
             dict(event_date="2025-03-11"), dict(latitude=36.2, longitude=37.1, location="Aleppo", admin2="Jebel Saman")]
    rows = [strike(i, fatalities=rng.randint(0, 9), **rng.choice(kinds)) for i in range(60)]
    rng.shuffle(rows)
    one, parts = dedupe(rows), dedupe_partitioned(rows)
    assert [e.to_dict() for e in parts.events] == [e.to_dict() for e in one.events]
    assert parts.merged_into == one.merged_into and len(one.events) < 30


def test_a_prior_row_keeps_its_id_and_takes_the_new_outlet():
    day1 = strike(5, source="Enab Baladi", fatalities=5, timestamp=1000)  # SYR105, published yesterday
    retold = strike(1, source="SOHR", fatalities=7, event_date="2025-03-11", timestamp=2000)  # a lower id
    d = dedupe([retold], prior=[Prior("SYR105", [day1])])
    (row,) = d.events
    assert row.event_id_cnty == "SYR105" and d.updated == ["SYR105"]  # the published id is kept
    assert row.source == "Enab Baladi; SOHR" and row.fatalities == 5  # ACLED: the lowest figure
    assert row.timestamp == 2000  # the time of the update
    assert d.merged_into == {"SYR101": "SYR105"}
    unrelated = strike(2, event_type="Protests", sub_event_type="Peaceful protest")
    assert [e.event_id_cnty for e in dedupe([unrelated], prior=[Prior("SYR105", [day1])]).events] == ["SYR102"]


def test_latest_version_of_an_updated_row_wins():
    v1 = strike(5, source="Enab Baladi", timestamp=1000)
    v2 = strike(5, source="Enab Baladi; SOHR", timestamp=2000)
    assert [e.source for e in latest_versions([v1, v2])] == ["Enab Baladi; SOHR"]
    assert [e.source for e in latest_versions([v2, v1])] == ["Enab Baladi; SOHR"]  # whatever the line order
    twins = [strike(5, source="A"), strike(5, source="B")]  # same text, no state: left for dedupe to merge
    assert latest_versions(twins) == twins


def _corpus(tmp_path: Path) -> list[Path]:
    """Six input files: the three Sarmin reports spread over them, and 120 generated articles."""
    gen = _generated(120)
    files = []
    for k in range(6):
        recs = gen[k * 20:(k + 1) * 20]
        if k in (0, 2, 5):
            recs = [STRIKE_REPORTS[(0, 2, 5).index(k)], *recs]
        files.append(_jsonl(tmp_path / f"in{k}.jsonl", recs))
    return files


def test_dedupe_over_three_shards_equals_one_unsharded_run(tmp_path, monkeypatch):
    real_pipeline_or_skip("none")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # every run stamps its rows with "now"
    files = _corpus(tmp_path)
    common = ["-q", "--ner-model", "none", "-d", "2025-03-10"]
    _run("extract", *map(str, files), "--dedupe", "-o", str(tmp_path / "all.jsonl"), *common)
    shards = []
    for s in range(3):
        shards.append(tmp_path / f"shard{s}.jsonl")
        _run("extract", *map(str, files[2 * s:2 * s + 2]), "-o", str(shards[-1]), *common)
    raw = sum(len(_rows(p)) for p in shards)
    _run("dedupe", *map(str, shards), "-o", str(tmp_path / "reduced.jsonl"), "-q")
    unsharded, reduced = (tmp_path / "all.jsonl").read_bytes(), (tmp_path / "reduced.jsonl").read_bytes()
    assert reduced == unsharded  # byte for byte: the same rows in the same order
    rows = _rows(tmp_path / "reduced.jsonl")
    assert raw - len(rows) >= 10  # the reduce did merge
    sarmin = [r for r in rows if {"Al Jazeera", "Enab Baladi", "SOHR"} & set(r["source"].split("; "))]
    assert len(sarmin) == 1 and {"Al Jazeera", "Enab Baladi", "SOHR"} <= set(sarmin[0]["source"].split("; "))
    ids = [r["event_id_cnty"] for r in rows]
    assert len(set(ids)) == len(ids) and all(i[:3].isalpha() and len(i) <= 18 for i in ids)


def test_a_copy_of_one_article_in_two_shards_reduces_to_the_unsharded_rows(tmp_path, monkeypatch):
    """The same report (text and outlet) saved in two shards' folders: one article, as one run reads it."""
    real_pipeline_or_skip("none")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    a = _jsonl(tmp_path / "a.jsonl", [STRIKE_REPORTS[0], *_generated(4)])
    b = _jsonl(tmp_path / "b.jsonl", [STRIKE_REPORTS[0], STRIKE_REPORTS[2]])
    common = ["-q", "--ner-model", "none", "-d", "2025-03-10"]
    _run("extract", str(a), str(b), "--dedupe", "-o", str(tmp_path / "all.jsonl"), *common)
    _run("extract", str(a), "-o", str(tmp_path / "s0.jsonl"), *common)
    _run("extract", str(b), "-o", str(tmp_path / "s1.jsonl"), *common)
    _run("dedupe", str(tmp_path / "s0.jsonl"), str(tmp_path / "s1.jsonl"), "-o", str(tmp_path / "red.jsonl"), "-q")
    assert (tmp_path / "red.jsonl").read_bytes() == (tmp_path / "all.jsonl").read_bytes()
    ids = [r["event_id_cnty"] for r in _rows(tmp_path / "red.jsonl")]
    assert len(set(ids)) == len(ids)


def test_copies_of_one_row_are_one_row_and_versions_keep_the_newest():
    first, copy = strike(5, source="SANA", timestamp=1000), strike(5, source="SANA", timestamp=1000)
    copy = replace(copy, file="elsewhere/b.jsonl")
    assert latest_versions([first, copy]) == [first]  # read twice: the first copy is the row
    update = strike(5, source="SANA; SOHR", timestamp=2000)
    assert latest_versions([first, copy, update]) == [update]


def test_cron_day2_retelling_updates_the_day1_row(tmp_path):
    """Day 1: Enab Baladi reports the Sarmin strike. Day 2: Al Jazeera retells it ("أمس"). One row, two outlets."""
    real_pipeline_or_skip("none")
    feed, state, out = tmp_path / "feed", tmp_path / "rasd.db", tmp_path / "events.jsonl"
    feed.mkdir()
    cron = ["extract", str(feed), "--state", str(state), "-o", str(out), "--append", "--dedupe", "-q",
            "--ner-model", "none"]  # fmt: skip
    _jsonl(feed / "day1.jsonl", [STRIKE_REPORTS[0]])  # 2025-03-10, five killed
    _run(*cron)
    (day1,) = [r for r in _rows(out) if r["location"] == "Sarmin"]
    assert day1["source"] == "Enab Baladi" and day1["fatalities"] == 5
    _jsonl(feed / "day2.jsonl", [STRIKE_REPORTS[2]])  # 2025-03-11: "yesterday", six killed
    _run(*cron)
    lines = [r for r in _rows(out) if r["location"] == "Sarmin"]
    assert len(lines) == 2 and lines[1]["event_id_cnty"] == day1["event_id_cnty"]  # an update, the id kept
    upd = lines[1]
    assert upd["source"] == "Al Jazeera; Enab Baladi" and upd["fatalities"] == 5  # ACLED: the lowest figure
    assert upd["timestamp"] >= day1["timestamp"] and upd["event_date"] == "2025-03-10"
    _run("dedupe", str(out), "-o", str(tmp_path / "current.jsonl"), "-q")  # the newest version of each row
    (final,) = [r for r in _rows(tmp_path / "current.jsonl") if r["location"] == "Sarmin"]
    assert final == upd
    _run(*cron)  # day 3, nothing new: nothing written again
    assert len([r for r in _rows(out) if r["location"] == "Sarmin"]) == 2


def test_dedupe_with_state_reduces_shards_day_after_day(tmp_path):
    real_pipeline_or_skip("none")
    state = tmp_path / "reduce.db"
    days = []
    for n, rep in enumerate(STRIKE_REPORTS):
        src = _jsonl(tmp_path / f"d{n}.jsonl", [rep])
        shard = tmp_path / f"shard{n}.jsonl"
        _run("extract", str(src), "-o", str(shard), "-q", "--ner-model", "none")
        _run("dedupe", str(shard), "--state", str(state), "-o", str(tmp_path / f"out{n}.jsonl"), "-q")
        days.append([r for r in _rows(tmp_path / f"out{n}.jsonl") if r["location"] == "Sarmin"])
    assert [len(d) for d in days] == [1, 1, 1]
    assert days[0][0]["event_id_cnty"] == days[1][0]["event_id_cnty"] == days[2][0]["event_id_cnty"]
    assert days[2][0]["source"] == "Al Jazeera; Enab Baladi; SOHR" and days[2][0]["fatalities"] == 5
    _run("dedupe", str(tmp_path / "shard2.jsonl"), "--state", str(state), "-o", str(tmp_path / "again.jsonl"), "-q")
    assert _rows(tmp_path / "again.jsonl") == []  # a shard reduced twice adds nothing


def test_dedupe_bad_inputs_one_line_each(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"event_id_cnty": "SYR1", "event_type": "Battles"}\nnot json\n{"x": 1}\n', encoding="utf-8")
    res = CliRunner().invoke(cm.app, ["dedupe", str(bad), str(tmp_path / "missing.jsonl"), "-q"])
    assert res.exit_code == 1
    assert res.stdout.count("\n") == 1 and '"SYR1"' in res.stdout
    assert "bad.jsonl:2: not a JSON line" in res.stderr and "missing.jsonl" in res.stderr
    with pytest.raises(AssertionError):
        _run("dedupe", str(bad), "--append")


def test_dedupe_reads_and_writes_parquet_shards(tmp_path, monkeypatch):
    pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'rasd[parquet]')")
    real_pipeline_or_skip("none")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # two runs: the same "now", whatever the load
    from extractor.parquet import read_rows

    src = _jsonl(tmp_path / "in.jsonl", STRIKE_REPORTS)
    for ext in ("jsonl", "parquet"):
        _run("extract", str(src), "-o", str(tmp_path / f"shard.{ext}"), "-q", "--ner-model", "none")
    _run("dedupe", str(tmp_path / "shard.jsonl"), "-o", str(tmp_path / "a.jsonl"), "-q")
    _run("dedupe", str(tmp_path / "shard.parquet"), "-o", str(tmp_path / "b.parquet"), "-q")
    assert read_rows(str(tmp_path / "b.parquet")) == _rows(tmp_path / "a.jsonl")
    assert len(_rows(tmp_path / "a.jsonl")) < len(_rows(tmp_path / "shard.jsonl"))
