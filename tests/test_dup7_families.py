"""Precision families of round 13 (h-dup7, issue 9): one incident, one row. Short sentences of our own (never
dev-eval or SaudiNewsNet text); beside each the near miss that must keep its rows."""

from __future__ import annotations

from extractor import extract

DAY = "2021-05-12"


def _rows(text: str, published: str = DAY) -> list[tuple[str, str, str]]:
    return [(d["sub_event_type"], d["actor1"], d["location"]) for d in (e.to_dict() for e in extract(text, published=published))]


def test_a_place_and_the_town_naming_its_unit_are_one_place():
    text = "قتل 4 من مقاتلي المقاومة في اشتباكات وقعت أمس مع الحوثيين في قرى جبل صبر المطل على مدينة تعز."
    assert [r[2] for r in _rows(text)] == ["Jabal Sabir"]
    text = "أعلن الجيش اللبناني أمس أن قوة من الجيش أوقفت في محلة تعنايل - زحلة 12 شخصا للاشتباه بانتمائهم إلى تنظيمات إرهابية."
    assert [r[2] for r in _rows(text)] == ["Taanayel"]


def test_a_place_and_the_town_listed_beside_it_stay_two_places():
    # near miss: a list (و, a comma) names two places struck
    assert sorted(r[2] for r in _rows("قصف الحوثيون أمس قرى جبل صبر ومدينة تعز بقذائف الدبابات.")) == ["Jabal Sabir", "Taizz"]
    assert sorted(r[2] for r in _rows("شنت طائرات التحالف أمس غارات على منطقة جبل صبر، ومدينة تعز.")) == ["Jabal Sabir", "Taizz"]
