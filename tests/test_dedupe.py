"""Cross-article dedup (--dedupe): several outlets, one event, one row."""

from __future__ import annotations

import orjson
import pytest

from conftest import real_pipeline_or_skip  # noqa: F401  (also used by test_parallel)
from extractor.dedupe import actor_name, compatible, dedupe, haversine_km, id_key
from extractor.record import Event

# Three outlets report one air strike on Sarmin (Idlib) with different tolls.
STRIKE_REPORTS = [
    {"id": "enab-1", "source": "Enab Baladi", "date": "2025-03-10",
     "text": "قُتل خمسة مدنيين وأصيب ثمانية آخرون، اليوم الإثنين، جراء غارة جوية استهدفت مدينة سرمين "
             "في ريف إدلب الشرقي، بحسب ما أفاد به الدفاع المدني السوري."},
    {"id": "sohr-7", "source": "SOHR", "date": "2025-03-10",
     "text": "وثّق المرصد السوري لحقوق الإنسان مقتل سبعة مدنيين بينهم طفلان في غارة جوية على مدينة سرمين "
             "بريف إدلب اليوم."},
    {"id": "aljazeera-3", "source": "Al Jazeera", "date": "2025-03-11",
     "text": "قالت مصادر محلية إن ستة مدنيين قُتلوا أمس في غارة جوية استهدفت مدينة سرمين في محافظة إدلب "
             "شمال غربي سوريا."},
]  # fmt: skip


def strike(i: int, **kw) -> Event:
    base = dict(
        event_id_cnty=f"SYR{100 + i}", event_date="2025-03-10", year=2025, time_precision=1,
        disorder_type="Political violence", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", actor1="Unidentified Military Forces", actor2="Civilians (Syria)",
        iso=760, country="Syria", admin1="Idleb", admin2="Idleb", location="Sarmin",
        latitude=35.9035, longitude=36.7252, geo_precision=1, source=f"outlet{i}", notes=f"report {i}.",
        fatalities=5, article_id=f"art{i}", file=f"f{i}.txt", confidence=0.7, date_basis="explicit",
    )  # fmt: skip
    base.update(kw)
    return Event(**base)


def test_three_reports_of_one_strike_merge():
    reps = [
        strike(3, fatalities=5, source="Enab Baladi", timestamp=30),
        strike(1, fatalities=7, source="SOHR", latitude=35.91, longitude=36.73, timestamp=20),
        strike(2, fatalities=6, source="Al Jazeera", event_date="2025-03-11", actor1="", timestamp=None),
    ]
    d = dedupe(reps)
    assert len(d.events) == 1
    (row,) = d.events
    assert row.event_id_cnty == "SYR101"  # the lowest id
    assert row.source == "Al Jazeera; Enab Baladi; SOHR"
    assert row.fatalities == 5  # ACLED: the most conservative figure
    assert row.actor1 == "Unidentified Military Forces" and row.timestamp == 20
    assert d.merged_into == {"SYR103": "SYR101", "SYR102": "SYR101"}
    assert "[dedupe: merged 3 reports (SYR101, SYR102, SYR103) from Al Jazeera; Enab Baladi; SOHR" in row.notes
    assert "fatalities reported 5, 7, 6 -> 5" in row.notes and "km apart" in row.notes
    assert row.notes.startswith("report 3.")  # the first report's own description is kept


def test_zero_means_no_figure_and_precision_wins():
    coarse = strike(1, fatalities=0, location="Idleb", admin2="", geo_precision=3, latitude=35.0, longitude=36.0,
                    time_precision=2, date_basis="published")
    fine = strike(2, fatalities=4)
    (row,) = dedupe([coarse, fine]).events
    assert row.fatalities == 4 and row.location == "Sarmin" and row.geo_precision == 1
    assert row.time_precision == 1 and row.event_id_cnty == "SYR101"
    assert "Sarmin lies in Idleb" in row.notes and "fatalities reported none, 4 -> 4" in row.notes


@pytest.mark.parametrize(
    "other, why",
    [
        (dict(event_type="Battles", sub_event_type="Armed clash"), "event type"),
        (dict(event_date="2025-03-13"), "three days later"),
        (dict(event_date=None), "no date"),
        (dict(location="Aleppo", admin1="Aleppo", admin2="Jebel Saman", latitude=36.2, longitude=37.13), "far away"),
        (dict(actor1="Military Forces of Russia (2000-)"), "another named attacker"),
        (dict(article_id="art0", file="f0.txt"), "same article"),
        (dict(country="Iraq", iso=368), "another country"),
    ],
)
def test_not_the_same_event(other, why):
    a = strike(0, actor1="Military Forces of Syria (2024-)")
    assert compatible(a, strike(1, **other)) is None, why
    assert len(dedupe([a, strike(1, **other)]).events) == 2


def test_battles_actor_order_and_year_suffix():
    a = strike(0, event_type="Battles", sub_event_type="Armed clash", actor1="Military Forces of Syria (2024-)",
               actor2="HTS: Hayat Tahrir al Sham")
    b = strike(1, event_type="Battles", sub_event_type="Armed clash", actor1="HTS: Hayat Tahrir al Sham",
               actor2="Military Forces of Syria (2000-2024)")
    assert actor_name("Military Forces of Syria (2024-)") == "Military Forces of Syria"
    assert compatible(a, b)


def test_complete_linkage_does_not_chain_and_order_is_kept():
    # B is within 10 km of A and of C, but A and C are 16 km apart: two rows, not one
    a = strike(0, latitude=35.90, longitude=36.60)
    b = strike(1, latitude=35.90, longitude=36.69)
    c = strike(2, latitude=35.90, longitude=36.78, location="Other", admin2="Ariha")
    other = strike(3, event_type="Protests", sub_event_type="Peaceful protest")
    d = dedupe([other, a, b, c])
    assert [e.event_id_cnty for e in d.events] == ["SYR103", "SYR100", "SYR102"]
    assert len(d.groups[1]) == 2


def test_same_article_twice_and_helpers():
    a = strike(0)
    twin = strike(0, file="copy.txt")
    assert len(dedupe([a, twin]).events) == 1
    assert id_key("SYR99") < id_key("SYR100")
    assert 1.0 < haversine_km(35.9306, 36.6339, 35.9035, 36.7252) < 10.0


@pytest.mark.parametrize("ner", ["none", "bundled"])
def test_real_pipeline_merges_three_reports(tmp_path, ner):
    """End to end: three Arabic articles, one merged strike row (needs the full pipeline)."""
    real_pipeline_or_skip(ner)
    from typer.testing import CliRunner

    import cli.main as cm

    src = tmp_path / "reports.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in STRIKE_REPORTS))
    runs = {}
    for flag in ([], ["--dedupe"]):
        out = tmp_path / f"o{len(flag)}.jsonl"
        res = CliRunner().invoke(cm.app, ["extract", str(src), "-o", str(out), "-q", "--ner-model", ner, *flag])
        assert res.exit_code == 0, res.output
        rows = [orjson.loads(x) for x in out.read_bytes().splitlines()]
        runs[bool(flag)] = [r for r in rows if r["location"] == "Sarmin"]
    assert len(runs[False]) == 3  # one Sarmin strike per article ...
    (row,) = runs[True]  # ... and one after --dedupe
    assert row["sub_event_type"] == "Air/drone strike"
    assert row["source"] == "Al Jazeera; Enab Baladi; SOHR"
    assert row["fatalities"] == 5 and row["event_date"] == "2025-03-10"
    assert row["event_id_cnty"] == min((r["event_id_cnty"] for r in runs[False]), key=lambda i: int(i[3:]))
    assert "[dedupe: merged 3 reports" in row["notes"] and "5, 7, 6 -> 5" in row["notes"]
