"""Precision families of round 16 (h-dup10, issue 9): a retelling joins the act it retells. Short sentences of our
own (never dev-eval or SaudiNewsNet text); beside each the near miss that must keep its rows."""

from __future__ import annotations

import pytest

from extractor import extract


def _rows(text: str, published: str) -> list[tuple[str, str, str, str, int]]:
    return [(d["event_date"], d["sub_event_type"], d["actor1"], d["location"], d["fatalities"])
            for d in (e.to_dict() for e in extract(text, published=published))]  # fmt: skip


# --- a telling joins the event it fits best, not the first it could join (merge._by_fit) ----------------------


@pytest.mark.parametrize(
    "text",
    [
        # the police chief's words retell the Thursday suicide bombing, not the Wednesday attack that names no tactic
        ("قتلى في هجومين شمال العراق\nقتل ثمانية أشخاص ليل الأربعاء في هجوم على سوق شعبي في مدينة كركوك. ووقع تفجير "
         "انتحاري مساء الخميس أمام مقر للشرطة في كركوك. وقال قائد الشرطة إن انتحاريا فجر نفسه وسط مجموعة من المجندين."),
        ("هجومان في كركوك\nقتل ثمانية أشخاص ليل الأربعاء في هجوم على سوق شعبي في المدينة. ووقع تفجير انتحاري مساء "
         "الخميس أمام مقر للشرطة في كركوك. وصرح قائد الشرطة بأن انتحاريا فجر نفسه وسط مجموعة من المجندين."),
    ],
)
def test_a_quote_retelling_a_bombing_joins_that_bombing(text):
    rows = _rows(text, "2021-05-15")
    assert [(r[0], r[1], r[3]) for r in rows] == [("2021-05-12", "Attack", "Kirkuk"),
                                                 ("2021-05-13", "Suicide bomb", "Kirkuk")]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # the group's statement tells the assault at Marea that day: it joins the bombing there, not the
        # headline's advance north of Aleppo, which keeps its place and takes no toll of the assault
        ("شن تنظيم داعش هجوما جديدا على فصائل المعارضة شمال مدينة حلب وسيطر على قرى قرب الحدود التركية. وفجر "
         "انتحاريون من التنظيم سيارتين مفخختين الليلة الماضية في مدينة مارع. وقال تنظيم داعش في بيان إن مقاتليه "
         "هاجموا مبنيين في مارع وقتلوا 30 مقاتلا."),
        ("واصل تنظيم داعش هجومه على فصائل المعارضة في ريف حلب وسيطر على أراض قرب الحدود التركية. وفجر انتحاريون من "
         "التنظيم سيارتين مفخختين الليلة الماضية في مدينة مارع. وقال تنظيم داعش في بيان إن مقاتليه اقتحموا مبنيين في "
         "مارع وقتلوا 30 مقاتلا."),
    ],
)
def test_a_statement_joins_the_act_told_at_its_own_place(text):
    rows = _rows(text, "2021-05-15")
    assert [(r[1], r[3], r[4]) for r in rows] == [("Non-state actor overtakes territory", "Aleppo", 0),
                                                 ("Suicide bomb", "Mari", 30)]  # fmt: skip
    assert rows[1][2] == "Islamic State (Syria)"


def test_near_miss_a_bombing_of_the_day_before_keeps_its_own_row():
    # the truck bomb "less than 24 hours before" is its own act on its own day, though told after the suicide
    # bombing in the same city: it stays with the Thursday toll, not with the Friday bombing
    text = ("هجمات دامية في كابل\nقتل 15 شخصا ليل الخميس في هجوم على حي سكني في المدينة. ووقع تفجير انتحاري مساء "
            "الجمعة أمام أكاديمية الشرطة في كابل. وصرح قائد الشرطة بأن انتحاريا فجر نفسه بين الطلاب. وقبل أقل من 24 "
            "ساعة على هذا الهجوم دمر انفجار شاحنة مفخخة حيا سكنيا في وسط كابل وقتل 15 شخصا.")
    rows = _rows(text, "2021-08-08")
    assert [(r[0], r[1], r[4]) for r in rows] == [("2021-08-05", "Remote explosive/landmine/IED", 15),
                                                 ("2021-08-06", "Suicide bomb", 1)]  # fmt: skip


@pytest.mark.parametrize("retold", ["حجة", "صعدة"])
def test_near_miss_two_strikes_in_two_towns_stay_two_rows(retold):
    # whichever town a source's words name again, the two strikes of one day in two towns stay two rows
    text = ("قصفت طائرات التحالف أمس مواقع للحوثيين في مدينة صعدة. وشنت الطائرات غارات أخرى أمس على مدينة حجة. "
            f"وقال مصدر محلي إن الطائرات قصفت مخازن أسلحة في {retold}.")
    assert [(r[1], r[3]) for r in _rows(text, "2021-08-08")] == [("Air/drone strike", "Sadah"),
                                                                ("Air/drone strike", "Hajjah")]  # fmt: skip


def test_near_miss_a_statement_at_another_town_does_not_join_the_bombing():
    # the statement names an assault at A'zaz, not at Marea: it does not join the Marea bombing, which keeps no toll
    text = ("شن تنظيم داعش هجوما جديدا على فصائل المعارضة شمال مدينة حلب وسيطر على قرى قرب الحدود التركية. وفجر "
            "انتحاريون من التنظيم سيارتين مفخختين الليلة الماضية في مدينة مارع. وقال تنظيم داعش في بيان إن مقاتليه "
            "هاجموا مبنيين في مدينة اعزاز وقتلوا 30 مقاتلا.")
    rows = _rows(text, "2021-05-15")
    assert ("Suicide bomb", "Mari", 0) in [(r[1], r[3], r[4]) for r in rows]


# --- a headline over a province tells an event in that province only (merge._headline_region) ----------------


def test_a_province_headline_does_not_take_the_shelling_of_another_province():
    # the headline sums up the Lahij fighting; the second headline line and the body tell the shelling of Taizz,
    # another province: it keeps its own row instead of becoming the headline's event placed at Taizz
    text = ("مقتل العشرات في مواجهات وغارات في لحج\nوالحوثيون يقصفون تعز بشكل عشوائي\nقتل 20 مسلحا حوثيا أمس في "
            "مواجهات مع المقاومة في جبهة العند بمحافظة لحج. وفي تعز قصف الحوثيون أمس أحياء سكنية في المدينة مما أدى "
            "إلى مقتل مدنيين اثنين.")
    rows = _rows(text, "2021-05-15")
    assert sorted(r[3] for r in rows) == ["Al Anad", "Taizz"]
    assert [r[1] for r in rows if r[3] == "Taizz"] == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # near miss: a headline over a region of the country (coded at its seat) tells the body's strike anywhere in it
        ("غارات على جنوب لبنان\nشنت طائرات حربية أمس غارات على بلدة الخيام في قضاء مرجعيون.", ["Khiam"]),
        # near miss: a headline over a province tells the body's act in that province: one row
        ("اشتباكات عنيفة في محافظة لحج\nاندلعت أمس اشتباكات عنيفة بين المقاومة والحوثيين في منطقة العند.", ["Al Anad"]),
    ],
)
def test_near_miss_a_headline_over_a_region_or_the_same_province_is_the_body_act(text, where):
    assert [r[3] for r in _rows(text, "2021-05-15")] == where
