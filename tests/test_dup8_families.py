"""Precision families of round 14 (h-dup8, issue 9): one incident, one row. Short sentences of our own (never
dev-eval or SaudiNewsNet text); beside each the near miss that must keep its rows."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.normalize import normalize
from extractor.resolve.places import Gazetteer

DAY = "2021-05-12"


def _rows(text: str, published: str = DAY) -> list[tuple[str, str, str]]:
    return [(d["sub_event_type"], d["actor1"], d["location"]) for d in (e.to_dict() for e in extract(text, published=published))]


def _places(text: str, country: str = "Yemen") -> list[str]:
    n = normalize(text)
    n = str(getattr(n, "text", n))
    return [p.location for p in Gazetteer.load().find(n, 0, context_country=country)]


# --- a definite type word's adjective is no second place struck ----------------------------------------------


def test_the_adjective_after_a_definite_type_word_is_no_second_place():
    # "للمدينة الواقعة جنوبي اليمن" (the city lying in the south): الواقعة is also a hamlet's name, but after a type
    # word with the article it is the adjective, so the strike on Aden is one row, not a second one at that hamlet
    text = "شنت مقاتلات التحالف أمس غارات على تجمعات للحوثيين في الأطراف الشرقية لمدينة عدن، وهي المدينة الواقعة جنوبي اليمن."
    assert [r[2] for r in _rows(text)] == ["Aden"]
    text = "شنت مقاتلات التحالف أمس غارات على مواقع للمسلحين في أطراف عدن الشمالية والشرقية للمدينة الواقعة جنوبي البلاد."
    assert [r[2] for r in _rows(text)] == ["Aden"]
    assert _places("قصف الطيران أحياء في المدينة الخضراء") == []
    assert _places("سقطت قذائف على القرية الخضراء") == []


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # near miss: an indefinite type word names the village ("قرية الواقعة": the village of al-Waqa'a)
        ("قصفت طائرات التحالف أمس مواقع للحوثيين في قرية الواقعة بمحافظة حجة.", ["Al Waqah"]),
        # near miss: a town named by its type word beside another place struck keeps its own row
        ("قتل 3 مدنيين أمس في قصف للحوثيين على مدينة عدن وبلدة الخضراء في محافظة الجوف.", ["Aden", "Al Khadra'"]),
        # near miss: a known city in apposition to a definite type word stands on its own
        ("تظاهر آلاف المصريين أمس في العاصمة القاهرة احتجاجا على ارتفاع الأسعار.", ["Cairo"]),
    ],
)
def test_a_name_after_an_indefinite_type_word_or_a_known_name_stays(text, where):
    assert sorted(r[2] for r in _rows(text)) == where


# --- the headline's toll told by the body's first sentence in another province ------------------------------


def _located(text: str) -> list[tuple[str, str, int]]:
    return sorted((d["sub_event_type"], d["location"], d["fatalities"]) for d in (e.to_dict() for e in extract(text, published=DAY)))


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the headline names where the anger or mourning is; the body's first sentence the act, with the same toll
        (("غضب في بغداد بعد غارة أميركية خاطئة تقتل 12 جنديا عراقيا\nأسفرت غارة أميركية أمس عن مقتل 12 جنديا عراقيا في "
         "مدينة الفلوجة غرب بغداد، في حادث جديد من حوادث النيران الصديقة."), [("Air/drone strike", "Fallujah", 12)]),
        (("حداد في كابل بعد تفجير انتحاري يقتل 15 شرطيا\nقتل 15 شرطيا أفغانيا أمس في تفجير انتحاري استهدف مركزا للشرطة في "
         "مدينة قندهار جنوب البلاد."), [("Suicide bomb", "Kandahar", 15)]),
    ],
)
def test_a_headline_toll_told_by_the_first_sentence_elsewhere_is_that_act(text, rows):
    assert _located(text) == rows


@pytest.mark.parametrize(
    "text",
    [
        # near miss: another toll in the first sentence is another act
        "مقتل 12 جنديا في تفجير انتحاري في كابل\nقتل 5 جنود أفغان أمس في تفجير انتحاري في مدينة قندهار.",
        # near miss: the same toll in another province further down the body is another act
        ("مقتل 12 جنديا في تفجير انتحاري في كابل\nفجر انتحاري نفسه أمس أمام مقر للجيش في العاصمة كابل.\n"
        "وفي قندهار قتل 12 شرطيا أمس في تفجير انتحاري استهدف مركزا للشرطة."),
    ],
)
def test_another_toll_or_a_toll_further_down_in_another_province_stays_two(text):
    assert sorted(r[1] for r in _located(text)) == ["Kabul", "Kandahar"]


def test_a_headline_toll_by_another_named_attacker_stays_its_own_row():
    # near miss: the same toll, but the headline names another attacker (and tactic) than the body's first sentence
    text = "مقتل 12 جنديا في هجوم لطالبان في كابل\nقتل 12 جنديا أفغانيا أمس في غارة أميركية خاطئة في ولاية لوغار."
    assert sorted(r[1] for r in _located(text)) == ["Kabul", "Logar"]


def test_a_headline_toll_told_in_another_country_stays_its_own_row():
    # near miss: the first sentence tells the same toll in another country: two acts
    text = "مقتل 10 أشخاص في تفجير سيارة مفخخة في بغداد\nقتل 10 أشخاص أمس في تفجير سيارة مفخخة في مدينة حمص السورية."
    assert sorted(r[1] for r in _located(text)) == ["Baghdad", "Homs"]
