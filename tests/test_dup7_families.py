"""Precision families of round 13 (h-dup7, issue 9): one incident, one row. Short sentences of our own (never
dev-eval or SaudiNewsNet text); beside each the near miss that must keep its rows."""

from __future__ import annotations

from extractor import extract

DAY = "2021-05-12"


def _rows(text: str, published: str = DAY) -> list[tuple[str, str, str]]:
    return [(d["sub_event_type"], d["actor1"], d["location"]) for d in (e.to_dict() for e in extract(text, published=published))]


# --- one place changing hands, told twice with two verbs (regained / took control) --------------------------------
def test_a_territory_change_told_again_in_the_next_sentence_is_one_row():
    text = ("تمكنت المقاومة الشعبية في محافظة تعز أمس من استعادة السيطرة على مناطق واسعة من أيدي مسلحي الحوثيين. "
            "وأكدت مصادر ميدانية أن مقاتلي المقاومة فرضوا سيطرتهم الكاملة على مديرية جديدة في جبل صبر بعد معارك "
            "عنيفة مع الحوثيين.")
    rows = _rows(text)
    assert len(rows) == 1
    assert rows[0][0] in ("Government regains territory", "Non-state actor overtakes territory")
    assert rows[0][1] == "Popular Resistance"


def test_a_headline_territory_change_is_the_bodys_change_at_that_place():
    # the headline names the taker one way (the resistance), the body another (the president's forces)
    text = ("المقاومة اليمنية سيطرت على مواقع للحوثيين على مشارف عدن\n"
            "وسيطرت القوات الموالية للرئيس هادي أمس على منطقة عند المدخل الشرقي لمدينة عدن.")
    rows = _rows(text)
    assert len(rows) == 1 and rows[0][2] == "Aden"


def test_two_places_taken_stay_two_territory_changes():
    # near miss: two towns of one province taken in neighbouring sentences are two events
    text = ("استعادت القوات العراقية أمس السيطرة على مدينة الرمادي من مسلحي داعش. كما سيطرت القوات العراقية على "
            "مدينة الفلوجة بعد معارك عنيفة مع التنظيم.")
    assert sorted(r[2] for r in _rows(text)) == ["Fallujah", "Ramadi"]
    # ... and so does a headline's change at one town over the body's change at another
    text = ("المقاومة اليمنية سيطرت على مواقع للحوثيين على مشارف عدن\n"
            "وسيطرت القوات الموالية للرئيس هادي أمس على مدينة زنجبار في محافظة أبين.")
    assert sorted(r[2] for r in _rows(text)) == ["Aden", "Zinjibar"]


# --- one act counted at a place and at the town naming the unit that holds it ------------------------------------
def test_a_place_and_the_town_naming_its_unit_are_one_place():
    text = "قتل 4 من مقاتلي المقاومة في اشتباكات وقعت أمس مع الحوثيين في قرى جبل صبر المطل على مدينة تعز."
    assert [r[2] for r in _rows(text)] == ["Jabal Sabir"]
    text = "أعلن الجيش اللبناني أمس أن قوة من الجيش أوقفت في محلة تعنايل - زحلة 12 شخصا للاشتباه بانتمائهم إلى تنظيمات إرهابية."
    assert [r[2] for r in _rows(text)] == ["Taanayel"]


def test_a_place_and_the_town_listed_beside_it_stay_two_places():
    # near miss: a list (و, a comma) names two places struck
    assert sorted(r[2] for r in _rows("قصف الحوثيون أمس قرى جبل صبر ومدينة تعز بقذائف الدبابات.")) == ["Jabal Sabir", "Taizz"]
    assert sorted(r[2] for r in _rows("شنت طائرات التحالف أمس غارات على منطقة جبل صبر، ومدينة تعز.")) == ["Jabal Sabir", "Taizz"]
