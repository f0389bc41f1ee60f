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
