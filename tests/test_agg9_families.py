"""Precision families of round 15 (h-agg9, issue 9): aggregate and cumulative tolls. A toll told over one week, the
unit alone with no count ("قتل 40 في اشتباكات يخوضها منذ أسبوع", "أسفرت الغارات خلال أسبوع عن مقتل 260"), is a
week's tally, not one event, and lends no toll to the act told beside it (decisions.aggregate.one_span). Short
sentences of our own (never dev-eval or SaudiNewsNet text), and beside each the near misses: an act counted among
others of the week (ثاني تفجير خلال أسبوع), an act told a week after another (بعد أسبوع من), a protest repeated in
the week, which keep their rows."""

from __future__ import annotations

from conftest import rejection_codes

from extractor import extract

DAY = "2021-05-12"


def _rows(text: str, published: str = DAY) -> list:
    return extract(text, published=published)


def _codes(text: str, published: str = DAY) -> set[str]:
    return rejection_codes(text, published)


# --- a toll over one week ----------------------------------------------------------------------------------
def test_a_toll_of_fighting_going_on_for_a_week_is_a_tally():
    text = ("وقتل 40 شخصا على الأقل وأصيب العشرات في اشتباكات عنيفة يخوضها منذ أسبوع مسلحون من قبيلتين متنافستين "
            "في مدينة سبها، بحسب ما أفاد مسؤول محلي أمس.")
    assert _rows(text) == []
    assert "aggregate" in _codes(text)


def test_strikes_summed_over_a_week_are_a_tally():
    text = "وأسفرت الغارات الجوية خلال أسبوع عن مقتل نحو 150 مسلحا في مدينة الرقة، بحسب وكالة الأنباء الرسمية."
    assert _rows(text) == []
    text = "وقتل 35 مسلحا في أسبوع من المواجهات مع الجيش في ريف مدينة درعا."
    assert _rows(text) == []


def test_a_weeks_tally_lends_no_toll_to_the_strike_told_beside_it():
    # the village's strike keeps its own dead; the week's count of the campaign is not its toll
    text = ("وقتل أربعة مدنيين فجر أمس في غارة جوية على قرية بيرمام شمال مدينة أربيل. "
            "وأسفرت الغارات خلال أسبوع عن مقتل نحو 190 مسلحا من الحزب.")
    rows = _rows(text)
    assert [r.fatalities for r in rows] == [4]


def test_an_act_counted_among_others_of_the_week_stays():
    # an ordinal before the span: the act of the day, the second of its kind that week
    text = "وقتل خمسة أشخاص أمس في ثاني تفجير يضرب مدينة الرمادي خلال أسبوع."
    assert [r.fatalities for r in _rows(text)] == [5]
    assert "aggregate" not in _codes(text)
    text = "وقتل جنديان أمس في هجوم مسلح على حاجز للجيش في مدينة العريش، هو الثالث من نوعه في أسبوع."
    assert [r.fatalities for r in _rows(text)] == [2]


def test_an_act_told_a_week_after_another_stays():
    text = "وقتل ثلاثة جنود أمس في كمين نصبه مسلحون قرب مدينة العريش، بعد أسبوع من هجوم مماثل."
    assert [r.fatalities for r in _rows(text)] == [3]
    text = "وقتل سبعة أشخاص أمس في انفجار سيارة مفخخة في سوق شعبي بمدينة الحلة قبل أسبوع من الانتخابات."
    assert [r.fatalities for r in _rows(text)] == [7]


def test_a_protest_repeated_in_the_week_stays():
    text = "واعتصم مئات العمال أمس أمام مقر الحكومة في مدينة صفاقس، للمرة الثالثة في أسبوع."
    assert any(r.event_type == "Protests" for r in _rows(text))


# --- the bombings of a wave ------------------------------------------------------------------------------------
def test_the_toll_of_a_wave_of_bombings_is_a_tally():
    text = "وأسفرت موجة التفجيرات أمس عن مقتل 40 شخصا في العاصمة كابل."
    assert _rows(text) == []
    assert "aggregate" in _codes(text)
    text = "ضربت موجة تفجيرات جديدة مدينة بغداد أمس، وأسفرت عن مقتل 30 شخصا."
    assert _rows(text) == []


def test_a_waves_toll_lends_nothing_to_the_act_told_before_it():
    # the truck bomb keeps its own dead, not the day's total over the wave
    text = ("وقتل 12 شخصا أمس في هجوم بشاحنة مفخخة استهدف حيا سكنيا في العاصمة كابل. "
            "وأسفرت موجة التفجيرات أمس عن مقتل 40 شخصا وإصابة المئات.")
    assert [r.fatalities for r in _rows(text)] == [12]


def test_an_act_told_with_its_own_toll_inside_a_wave_stays():
    # the toll is told first, of its own act; the wave after it is only its frame
    text = "وقتل 15 شخصا أمس في هجوم بشاحنة مفخخة في مدينة كابل، ضمن موجة تفجيرات تضرب العاصمة."
    assert [r.fatalities for r in _rows(text)] == [15]
    # one blast told after the wave, with its noun and its own toll
    text = "وشهدت المدينة موجة تفجيرات أمس، وأسفر انفجار سيارة مفخخة في سوق الخضار بمدينة الحلة عن مقتل 12 شخصا."
    assert [r.fatalities for r in _rows(text)] == [12]


def test_a_wave_of_strikes_or_attacks_at_one_place_stays():
    # strikes or attacks told as a wave can be one operation at one place: left out
    text = "وأسفرت موجة جديدة من الغارات التركية أمس على مواقع الحزب في جبل قنديل عن مقتل 20 مسلحا."
    assert [r.fatalities for r in _rows(text)] == [20]
    text = "وشن الجيش أمس موجة هجمات على مواقع التنظيم في بلدة بيجي، أسفرت عن مقتل 30 مسلحا."
    assert [r.fatalities for r in _rows(text)] == [30]
