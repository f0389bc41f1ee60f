"""Precision families of round 14 (h-agg8, issue 9): aggregates and cumulative tolls. Acts told as a plural that
struck areas ("ثلاث هجمات استهدفت مناطق في المدينة", "سلسلة تفجيرات ضربت مناطق مختلفة من البلاد") are several acts
at several places, their toll summed (decisions.aggregate.series). Short sentences of our own (never dev-eval or
SaudiNewsNet text), and beside each the near misses: one act at one place, the act told first with its own toll,
counted air strikes on one camp, shells on a city's districts, which keep their rows."""

from __future__ import annotations

from conftest import codes as _codes
from conftest import rows as _rows


# --- several acts told as striking areas ------------------------------------------------------------------
def test_attacks_counted_over_areas_of_a_city_are_a_tally():
    text = "وقتل 19 شخصا على الأقل ليلة أمس، في أربع هجمات استهدفت مناطق في مدينة الموصل."
    assert _rows(text) == []
    assert "aggregate" in _codes(text)


def test_a_series_of_bombings_over_areas_of_a_country_is_a_tally():
    text = "وقتل 26 شخصا في سلسلة تفجيرات ضربت مناطق مختلفة من العراق يوم الاثنين، بحسب مصادر في الشرطة."
    assert _rows(text) == []
    assert "aggregate" in _codes(text)
    text = "وأسفرت التفجيرات التي هزت مناطق في العاصمة بغداد عن مقتل 14 شخصا."
    assert _rows(text) == []


def test_one_bombing_in_one_area_stays():
    # one act, one area: its own toll
    text = "وقتل سبعة أشخاص أمس في تفجير سيارة مفخخة استهدف منطقة الكرادة وسط بغداد."
    rows = _rows(text)
    assert [r.fatalities for r in rows] == [7]
    assert "aggregate" not in _codes(text)


def test_the_act_told_first_keeps_its_toll_beside_a_series():
    # the car bomb is told with its own noun before the earlier series: its row stays, with its dead
    text = ("وقتل 12 شخصا أمس في تفجير سيارة مفخخة في سوق شعبي بحي الشعب شمال بغداد، بعد يوم من هجمات "
            "استهدفت مناطق في العاصمة.")
    rows = _rows(text)
    assert len(rows) == 1 and rows[0].fatalities == 12


def test_counted_strikes_on_one_camp_and_shells_on_districts_stay():
    # strikes and shells are left out: counted strikes on one target, or shelling of a city's districts, is one event
    text = "وشنت طائرات التحالف أمس ثماني غارات استهدفت مناطق قرب معسكر خالد في مديرية موزع."
    assert any(r.sub_event_type == "Air/drone strike" for r in _rows(text))
    text = "وقتل خمسة مدنيين أمس في قذائف أطلقها المسلحون استهدفت أحياء سكنية في مدينة تعز."
    assert [r.fatalities for r in _rows(text)] == [5]


# --- a chain of acts ----------------------------------------------------------------------------------------
def test_a_chain_of_attacks_is_no_one_event():
    # the attacks a campaign came after, told as a chain: several acts summed
    text = "وقتل وأصيب عدد من المدنيين في الحملة الجوية التي أطلقتها الحكومة بعد سلسلة من هجمات دامية في البلاد."
    assert "Attack" not in {r.sub_event_type for r in _rows(text)}
    assert "aggregate" in _codes(text)


def test_a_chain_of_bombings_of_one_day_in_one_city_stays():
    # a chain told with its day, in one city: that day's news (the OEDA gold codes such a sentence an event)
    text = "وقتل 17 شخصا على الأقل في سلسلة تفجيرات بسيارات ملغومة ضربت مدينة كركوك يوم الثلاثاء."
    assert [r.fatalities for r in _rows(text)] == [17]


def test_an_act_of_another_kind_after_a_chain_stays():
    # a rescue (or an arrest) told after the chain of attacks it answers is its own act
    text = "وحرر الجيش أمس 40 رهينة في قرية بولاية بورنو إثر سلسلة من هجماتها الدامية."
    assert len(_rows(text)) == 1


def test_a_chain_of_air_strikes_on_one_base_stays():
    # strikes are left out of the chains: a day's strikes on one base is one event
    text = "وشن طيران التحالف أمس سلسلة غارات على قاعدة العند الجوية في محافظة لحج."
    assert any(r.sub_event_type == "Air/drone strike" for r in _rows(text))
