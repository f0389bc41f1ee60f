"""Round 11 (h-bg5): background retold and no-event rows, read from the tuning half of sample 191r11.

Each removed mention stands beside a near miss of the same shape that stays an event. Our own sentences.
"""

from __future__ import annotations

from datetime import date

import pytest

from extractor import extract, get_pipeline
from extractor.document import Article

PUBLISHED = "2015-08-09"


def rows(text: str, published: str = PUBLISHED):
    return extract(text, published=published)


def codes(text: str, published: str = PUBLISHED) -> set[str]:
    pipe = get_pipeline(None)
    r = pipe.process(Article(id="t", text=text, published=date.fromisoformat(published)), explain=True)
    return {x.code for x in r.rejected if x.code}


# --- the death of someone wounded earlier ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the father dies of the burns of an arson days before: the death is no event of its day
        "استشهد فجر أمس الأب سعد علي متأثرا بحروقه البالغة التي أصيب بها حين أحرق مستوطنون منزله في بلدة دوما جنوب "
        "مدينة نابلس.",
        # the pluperfect without قد: a colonel who died of wounds he had sustained
        "وكان العقيد حسان علي قتل يوم الخميس الماضي متأثرا بجروح أصيب بها من جراء طلق ناري في أحد شوارع مدينة اللاذقية.",
    ],
)
def test_a_death_of_earlier_wounds_is_no_event(text):
    assert rows(text) == []
    assert "died of wounds" in codes(text)


def test_a_death_of_wounds_told_with_the_shooting_stays_an_event():
    # no earlier wounding told ("أصيب بها"): the shooting may be the day's, and it is told here
    text = "استشهد أمس جندي في مدينة نابلس برصاص مستوطنين متأثرا بجروحه."
    assert [e.location for e in rows(text)] == ["Nablus"]


# --- a follow-up statement recalls what was announced before ----------------------------------------


def test_a_statement_further_to_an_earlier_announcement_is_no_new_event():
    text = ("وصرح المتحدث الأمني بوزارة الداخلية بأنه إلحاقا لما سبق إعلانه يوم الخميس بشأن حدوث تفجير بحزام ناسف "
            "في مسجد بمدينة أبها نتج عنه استشهاد 15، فقد تبين أن منفذ التفجير يدعى فلان.")  # fmt: skip
    assert rows(text) == []
    assert "further to" in codes(text)


def test_the_other_tellings_of_the_recalled_act_go_with_it():
    # the statement's list retells the dead of the act at its place, with no day of its own
    text = ("وصرح المتحدث الأمني بأنه إلحاقا لما سبق إعلانه يوم الخميس بشأن حدوث تفجير بحزام ناسف في مسجد بمدينة "
            "أبها، فقد تبين هوية منفذ الجريمة. ثانيا: نتج عن الحادث الإجرامي في مدينة أبها استشهاد 15 من رجال الأمن.")  # fmt: skip
    assert rows(text) == []


def test_the_statement_that_first_tells_the_bombing_stays_an_event():
    text = ("وصرح المتحدث الأمني بوزارة الداخلية بأنه حدث تفجير بحزام ناسف يوم الخميس في مسجد بمدينة أبها نتج عنه "
            "استشهاد 15 من رجال الأمن.")  # fmt: skip
    [ev] = rows(text)
    assert (ev.location, ev.sub_event_type, ev.event_date) == ("Abha", "Suicide bomb", "2015-08-06")


# --- a town's police arrest a man for what he did: ordinary crime ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ألقت شرطة محافظة ضباء القبض على شاب أطلق النار على منزل أسرة بالمحافظة.",
        "قبضت شرطة منطقة جازان على طالب جامعي لتورطه في قضية طعن مواطن بمحافظة أبي عريش أول أمس.",
        "ضبطت شرطة دبي شخصا آسيويا اعتدى بالضرب على امرأة واحتجزها داخل شقة في منطقة القصيص.",
    ],
)
def test_a_towns_police_arresting_a_man_for_a_crime_is_no_event(text):
    assert rows(text) == []
    assert "ordinary crime" in codes(text)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # an occupying force's police, and an armed man shooting at a patrol, are ACLED's
        ("ألقت شرطة الاحتلال القبض على خمسة شبان فلسطينيين في مدينة الخليل أمس.", "Hebron"),
        ("ألقت شرطة المنطقة الشرقية القبض على مسلح أطلق النار على دورية أمنية في بلدة العوامية أمس.", "Al Awwamiyah"),
        # the shooting told first, the arrest after it: the act is the sentence's, not the police's case
        ("أطلق شاب النار على منزل أسرة في محافظة ضباء أمس وألقت الشرطة القبض عليه.", "Duba'"),
    ],
)
def test_arrests_with_a_political_cause_or_an_act_told_first_stay(text, where):
    assert where in [e.location for e in rows(text)]


# --- the backdrop joined by و; "soon"; near-daily strikes ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the strikes are the second conjunct of what "في ظل" governs
        "ويعاني سكان مدينة الرقة أوضاعا صعبة في ظل الضغوط التي يمارسها التنظيم من جهة، وغارات التحالف الدولي ضد "
        "التنظيم من جهة أخرى.",
        # the strikes are the object of a masdar joined to "تزايد هجمات"
        "وسقط القتلى في مدينة سيلوبي وسط تزايد هجمات مسلحي حزب العمال الكردستاني ضد الجيش وشن سلاح الجو التركي ضربات "
        "جوية على مواقعهم.",
    ],
)
def test_an_act_joined_to_the_backdrop_is_no_event(text):
    assert rows(text) == []
    assert "backdrop" in codes(text)


def test_a_clause_of_its_own_after_the_backdrop_stays_an_event():
    # after the comma a verb opens its own clause: the arrests are the news
    text = "ونفذت القوات المصرية حملة في ظل توتر أمني في مدينة العريش، واعتقلت 20 مسلحا من عناصر التنظيم."
    assert "Arish" in [e.location for e in rows(text)]


@pytest.mark.parametrize(
    "text",
    [
        'وأكد وزير الخارجية أن بلاده ستبدأ "قريبا" بمحاربة تنظيم داعش في مدينة حلب في إطار معركة واسعة النطاق.',
        "وأفاد مصدر في المقاومة بأن عملية تحرير مدينة تعز من الحوثيين باتت قريبة.",
    ],
)
def test_an_act_told_as_coming_soon_did_not_happen(text):
    assert rows(text) == []
    assert "future time" in codes(text)


def test_a_shell_falling_near_a_house_is_no_time_to_come():
    # "قريبا من": near, not soon
    text = "وسقطت قذيفة هاون أطلقها الحوثيون قريبا من منزل في مدينة نجران دون إصابات."
    assert "Najran" in [e.location for e in rows(text)]


def test_near_daily_strikes_are_ongoing():
    text = "يذكر أن مدينة درنة تشهد معارك بين الأهالي وتنظيم داعش، وتقوم الطائرات الحربية بغارات شبه يومية على مواقع التنظيم."
    assert rows(text) == []
    assert "ongoing" in codes(text)


# --- a force's standing part in an offensive; an unlawful border crossing ------------------------------------


def test_a_force_leading_an_offensive_is_ongoing():
    text = "وتتصدر قوات من حزب الله طليعة الهجوم على مدينة الزبداني بريف دمشق الغربي."
    assert rows(text) == []
    assert "ongoing" in codes(text)


def test_a_dated_killing_beside_the_offensive_stays_an_event():
    text = "وتتصدر قوات حزب الله طليعة الهجوم على مدينة الزبداني، وقتل أمس خمسة من عناصر الحزب في اشتباكات مع المعارضة فيها."
    assert "Az Zabadani" in [e.location for e in rows(text)]


def test_a_man_crossing_the_border_unlawfully_is_no_battle():
    text = ("أوقفت دوريات حرس الحدود بقطاع حالة عمار بمنطقة تبوك أمس شخصا قادما من الأردن حاول التسلل إلى المملكة "
            "بطريقة غير شرعية.")  # fmt: skip
    assert rows(text) == []


def test_armed_men_infiltrating_across_the_border_stay_a_battle():
    text = "أحبطت قوات حرس الحدود أمس محاولة تسلل مسلحين حوثيين إلى قرية الخوبة في منطقة جازان واشتبكت معهم."
    assert [e.sub_event_type for e in rows(text)] == ["Armed clash"]
