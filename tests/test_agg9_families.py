"""Precision families of round 15 (h-agg9, issue 9): aggregate tolls. The bombings of a wave told as the trigger
("وأسفرت موجة التفجيرات أمس عن مقتل 49 شخصا", "ضربت موجة تفجيرات جديدة العاصمة") are several blasts summed, no event,
and lend no toll to the act told beside them (decisions.aggregate.series.waves). Short sentences of our own (never
dev-eval or SaudiNewsNet text), and beside each the near misses: a toll told before the wave with its own act, a
blast told after the wave with its own noun, waves of strikes or attacks at one place, which keep their rows. (A
bare week, "منذ أسبوع" / "خلال أسبوع", stays an event: see test_agg3_families and test_agg5_families.)"""

from __future__ import annotations

from conftest import codes as _codes
from conftest import rows as _rows


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
