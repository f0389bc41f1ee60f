"""The columns ACLED derives from the others (disorder_type, civilian_targeting, interaction), from one table."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractor import extract
from extractor.record import (
    CODEBOOK,
    EVENT_TYPES,
    Codebook,
    civilian_targeting,
    derived_columns,
    disorder_type,
    interaction,
)

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "acledr_reference" / "derived"

PV, DEM, SD, BOTH = "Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"

# Every sub-event type of the ACLED Codebook with the disorder type it belongs to, and whether an event of
# that type aimed at civilians (inter 7) is marked "Civilian targeting". Written out here, apart from the
# data file, so that a slip in either shows.
EXPECTED = {
    ("Battles", "Armed clash"): (PV, False),
    ("Battles", "Government regains territory"): (PV, False),
    ("Battles", "Non-state actor overtakes territory"): (PV, False),
    ("Explosions/Remote violence", "Chemical weapon"): (PV, True),
    ("Explosions/Remote violence", "Air/drone strike"): (PV, True),
    ("Explosions/Remote violence", "Suicide bomb"): (PV, True),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"): (PV, True),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"): (PV, True),
    ("Explosions/Remote violence", "Grenade"): (PV, True),
    ("Violence against civilians", "Sexual violence"): (PV, True),
    ("Violence against civilians", "Attack"): (PV, True),
    ("Violence against civilians", "Abduction/forced disappearance"): (PV, True),
    ("Protests", "Peaceful protest"): (DEM, False),
    ("Protests", "Protest with intervention"): (DEM, False),
    ("Protests", "Excessive force against protesters"): (BOTH, True),  # codebook slip fixed: was Demonstrations
    ("Riots", "Violent demonstration"): (DEM, False),
    ("Riots", "Mob violence"): (PV, True),  # codebook slip fixed: was never marked
    ("Strategic developments", "Agreement"): (SD, False),
    ("Strategic developments", "Arrests"): (SD, False),
    ("Strategic developments", "Change to group/activity"): (SD, False),
    ("Strategic developments", "Disrupted weapons use"): (SD, False),
    ("Strategic developments", "Headquarters or base established"): (SD, False),
    ("Strategic developments", "Looting/property destruction"): (SD, False),
    ("Strategic developments", "Non-violent transfer of territory"): (SD, False),
    ("Strategic developments", "Other"): (SD, False),
}


def test_the_table_has_acleds_6_event_types_and_25_sub_event_types():
    assert set(CODEBOOK.sub_events) == set(EXPECTED)
    assert len(EVENT_TYPES) == 6 and sum(len(v) for v in EVENT_TYPES.values()) == 25


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_every_sub_event_type_re_derived(key):
    et, sub = key
    dis, targets_civilians = EXPECTED[key]
    assert disorder_type(et, sub) == dis
    assert civilian_targeting(et, sub, 7) == ("Civilian targeting" if targets_civilians else "")
    assert civilian_targeting(et, sub, 1) == ""  # a state force as the target is not civilian targeting
    assert civilian_targeting(et, sub, None) == ""
    cols = derived_columns(et, sub, 3, 7)
    assert cols == {"disorder_type": dis, "interaction": 37,
                    "civilian_targeting": "Civilian targeting" if targets_civilians else ""}  # fmt: skip


@pytest.mark.parametrize(
    "i1, i2, expected",
    [(1, 7, 17), (7, 1, 17), (2, 1, 12), (1, 1, 11), (8, 2, 28), (3, 7, 37), (6, None, 60), (6, 0, 60),
     (5, 1, 15), (8, 7, 78), (None, 1, None), (None, None, None)],
)  # fmt: skip
def test_interaction(i1, i2, expected):
    """ACLED codebook: the two actor-type codes, lower first; an actor alone is its code times ten."""
    assert interaction(i1, i2) == expected


def test_bad_table_is_refused_at_load():
    good = {"inter": {i: str(i) for i in range(1, 9)}, "event_types": {"Battles": {"Armed clash": [True, True, False]}}}
    Codebook.from_data(good)
    with pytest.raises(ValueError, match="unknown key"):
        Codebook.from_data({**good, "interactions": {}})
    with pytest.raises(ValueError, match="1..8"):
        Codebook.from_data({**good, "inter": {1: "State Forces"}})
    with pytest.raises(ValueError, match="flags"):
        Codebook.from_data({**good, "event_types": {"Battles": {"Armed clash": [1, 1]}}})


def _reference(name: str) -> list[dict]:
    path = REFERENCE / name
    if not path.is_file():
        pytest.skip(f"ACLED reference tables not present ({path})")
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_table_matches_acleds_event_categories():
    rows = _reference("acled_event_categories.csv")
    assert len(rows) == 25
    for r in rows:
        s = CODEBOOK.sub_events[(r["event_type"], r["sub_event_type"])]
        assert (s.political_violence, s.organized_political_violence, s.demonstrations) == (
            float(r["political_violence"]) == 1, float(r["organized_political_violence"]) == 1,
            float(r["demonstrations"]) == 1)  # fmt: skip


def test_inter_codes_match_acleds_interaction_codes_table():
    rows = _reference("acled_interaction_codes.csv")
    assert {int(float(r["Numeric Code"])): r["Inter1/Inter2"] for r in rows} == CODEBOOK.inter_names


def test_interaction_re_derived_on_every_acled_reference_row():
    rows = _reference("acled_old_deletion_dummy.csv") + _reference("acled_old_dummy.csv")
    wrong = []
    for r in rows:
        i1 = int(float(r["inter1"])) if r["inter1"] else None
        i2 = int(float(r["inter2"])) if r["inter2"] else None
        if interaction(i1, i2) != int(float(r["interaction"])):
            wrong.append((r["event_id_cnty"], i1, i2, r["interaction"]))
    assert len(rows) > 9000 and wrong == []


def test_mob_violence_on_villagers_is_civilian_targeting_in_the_row():
    [ev] = extract("اقتحم مستوطنون قرية حوارة جنوب نابلس وأحرقوا عددا من المنازل والمركبات.", published="2023-02-27")
    assert (ev.sub_event_type, ev.actor2, ev.inter2) == ("Mob violence", "Civilians (Palestine)", 7)
    assert (ev.disorder_type, ev.civilian_targeting, ev.interaction) == (PV, "Civilian targeting", 57)


def test_excessive_force_against_protesters_is_political_violence_and_demonstrations():
    [ev] = extract("قتل ثلاثة متظاهرين برصاص قوات الأمن التي أطلقت الرصاص الحي على المحتجين في مدينة الناصرية "
                   "جنوبي العراق اليوم.", published="2019-11-28")  # fmt: skip
    assert ev.sub_event_type == "Excessive force against protesters"
    assert (ev.disorder_type, ev.interaction) == (BOTH, 16)
