"""Actor families read off whole sentences (each written for these tests, no article text): who is
actor1 and actor2 of the row a short report gives."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor import extract
from extractor.normalize import normalize_text
from extractor.resolve.actors import ActorLexicon

D2015 = dt.date(2015, 8, 1)


@pytest.fixture(scope="module")
def lex() -> ActorLexicon:
    return ActorLexicon.load()


def _actors(text: str, published: str = "2015-08-02") -> list[tuple[str, str]]:
    return [(r.actor1, r.actor2) for r in extract(text, published=published)]


def _first(lex: ActorLexicon, text: str, country: str) -> str:
    found = lex.find(normalize_text(text), event_country=country, event_date=D2015)
    assert found, f"no actor in {text!r}"
    return found[0].name


# --- fire from a country's land is fired by a group of that country, not of the country it falls in -----
# (ACLED: an unidentified armed group is coded by the country it operates from when that is known)
@pytest.mark.parametrize("text", [
    "سقطت مقذوفات عسكرية من داخل الأراضي اليمنية على منزل في محافظة أحد المسارحة بمنطقة جازان أمس مما أدى إلى إصابة مواطن.",
    "سقطت مقذوفات قادمة من الأراضي اليمنية على مدرسة في محافظة أحد المسارحة بمنطقة جازان أمس مما أدى إلى إصابة طالب.",
])
def test_projectiles_from_a_neighbours_land(text):
    assert _actors(text) == [("Unidentified Armed Group (Yemen)", "Civilians (Saudi Arabia)")]


def test_a_land_named_without_a_munition_is_no_actor(lex):
    found = lex.find(normalize_text("انسحب الوفد من الأراضي السورية أمس"), event_country="Lebanon", event_date=D2015)
    assert not found


# --- the regime named with its country's adjective is that state's forces (ACLED: Military Forces of X) ---
def test_a_warplane_of_the_syrian_regime():
    rows = _actors("قصفت طائرة حربية تابعة للنظام السوري أمس حيا في مدينة أريحا ما تسبب بمقتل 27 شخصا.")
    assert rows and rows[0][0] == "Military Forces of Syria (2000-2024)"


def test_the_regime_needs_its_adjective(lex):
    found = lex.find(normalize_text("طالب المتظاهرون بإصلاح النظام"), event_country="Jordan", event_date=D2015)
    assert [a.name for a in found] == ["Protesters (Jordan)"]


# --- a ministry of the interior speaks for its police: "its forces" after it are the police ------------
def test_the_interior_ministrys_own_forces(lex):
    assert _first(lex, "قالت وزارة الداخلية التونسية إن قواتها الخاصة قتلت مسلحا", "Tunisia").startswith("Police Forces of Tunisia")
    rows = _actors("قالت وزارة الداخلية التونسية أمس إن قواتها الخاصة قتلت مسلحا في كمين بجبل الشعانبي في محافظة القصرين.")
    assert rows and rows[0][0].startswith("Police Forces of Tunisia")


# --- ACLED's spelling: a country named with its article keeps it after "of", with its period ------------
def test_the_philippines_keeps_its_article(lex):
    found = lex.find(normalize_text("قتل جنديان فلبينيان في هجوم"), event_country="Philippines", event_date=dt.date(2019, 1, 1))
    assert [a.name for a in found] == ["Military Forces of the Philippines (2016-2022)"]


# --- fire on a border post from a neighbour's land: the post's forces are the target --------------------
def test_shells_from_a_neighbours_land_on_a_border_post():
    rows = _actors("تعرض مركز حدودي في قطاع ظهران الجنوب بمنطقة عسير أمس لقذائف عسكرية كثيفة من داخل الأراضي اليمنية"
                   " مما أدى إلى مقتل جندي من حرس الحدود.")
    assert rows and rows[0][0] == "Unidentified Armed Group (Yemen)"


def test_a_named_side_of_that_country_is_the_one_firing(lex):
    found = lex.find(normalize_text("أطلقت ميليشيا الحوثي قذائف من داخل الأراضي اليمنية على مدينة نجران"),
                     event_country="Saudi Arabia", event_date=D2015)
    assert [a.name for a in found] == ["Military Forces of Yemen (2015-2017) Houthi-Saleh"]


# --- the one suspected is no participant (ACLED: no actor on an accusation alone) -----------------------
def test_the_suspected_group_is_not_the_perpetrator():
    rows = _actors("رجحت السلطات أمس تورط حزب الله في تفجير استهدف دورية للشرطة في قرية سترة وأسفر عن مقتل شرطيين.")
    assert rows and rows[0][0] == "Unidentified Armed Group (Bahrain)"
