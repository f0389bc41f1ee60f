"""Whole rows from Arabic sentences: what the analyst gets, field by field."""

from __future__ import annotations

from datetime import date

import pytest

from extractor import extract
from extractor.document import Article

from conftest import SAMPLES


def one(text: str, published: str = "2024-03-10"):
    events = extract(text, published=published)
    assert len(events) == 1, [(e.sub_event_type, e.location, e.evidence) for e in events]
    return events[0]


def test_seed_sample_is_one_us_drone_strike_on_islamic_state_in_eastern_syria():
    text = (SAMPLES / "centcom-drone-strike-syria.txt").read_text(encoding="utf-8")
    art = Article(id="centcom", text=text, published=date(2023, 7, 9), date_basis="cli")
    events = extract(art)
    assert len(events) == 1, [(e.sub_event_type, e.evidence) for e in events]
    ev = events[0]
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert ev.actor1.startswith("Military Forces of the United States")
    assert ev.actor2.startswith("Islamic State")
    assert ev.country == "Syria" and ev.iso == 760
    assert ev.geo_precision == 3  # "شرق سوريا": a large part of the country
    assert ev.fatalities == 1
    assert ev.event_date == "2023-07-07" and ev.time_precision == 1  # the Friday before Sunday 9 July
    assert ev.disorder_type == "Political violence"
    assert text[ev.evidence_start : ev.evidence_end] == ev.evidence
    assert ev.event_id_cnty.startswith("SYR")


def test_same_input_gives_the_same_event_id():
    text = "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس."
    assert one(text).event_id_cnty == one(text).event_id_cnty


def test_air_strike_on_civilians_in_a_town():
    ev = one("قتل ثلاثة مدنيين في غارة جوية روسية على مدينة إدلب أمس.")
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1.startswith("Military Forces of Russia")
    assert ev.actor2 == "Civilians (Syria)"
    assert ev.civilian_targeting == "Civilian targeting"
    assert ev.location and ev.admin1 == "Idleb" and ev.geo_precision == 1
    assert ev.fatalities == 3 and ev.event_date == "2024-03-09"


def test_negated_and_threatened_events_give_no_rows():
    assert extract("نفى الجيش السوري شن أي غارة على ريف إدلب.", published="2024-03-10") == []
    assert extract("هددت جماعة الحوثي بقصف السفن في البحر الأحمر.", published="2024-03-10") == []


def test_old_history_gives_no_row():
    assert extract("قمعت الحكومة الاحتجاجات في درعا عام 2011.", published="2024-03-10") == []


def test_without_a_publication_date_relative_dates_stay_unresolved():
    [ev] = extract("قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.")
    assert ev.event_date is None and ev.date_basis == "unresolved"


def test_wounded_are_not_fatalities():
    ev = one("أصيب خمسة مدنيين بجروح في قصف مدفعي على بلدة في ريف حلب اليوم.")
    assert ev.fatalities == 0 and ev.wounded == 5
    assert ev.sub_event_type == "Shelling/artillery/missile attack"


def test_protest_with_intervention():
    ev = one("تظاهر مئات في بغداد اليوم وفرقت قوات الأمن المتظاهرين بالغاز المسيل للدموع.")
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Protest with intervention")
    assert ev.actor1 == "Protesters (Iraq)" and ev.country == "Iraq"
    assert ev.interaction == 16


@pytest.mark.parametrize("text, sub", [
    ("اندلعت اشتباكات عنيفة بين الجيش السوري ومسلحين في درعا اليوم.", "Armed clash"),
    ("انفجرت عبوة ناسفة بدورية للجيش العراقي في الموصل اليوم.", "Remote explosive/landmine/IED"),
    ("اختطف مسلحون مجهولون ثلاثة مواطنين في ولاية زمفارا بنيجيريا اليوم.", "Abduction/forced disappearance"),
])
def test_each_tactic_becomes_its_sub_event_type(text, sub):
    assert one(text).sub_event_type == sub
