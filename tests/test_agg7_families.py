"""Precision families of round 13 (h-agg7, issue 9): the toll of a wave of attacks (موجة تفجيرات، موجة عنف), several
acts summed, which is no event and lends no toll to a real act told beside it. Each with short sentences of our own
(never dev-eval or SaudiNewsNet text), and beside each the near miss: one act with its own toll, which keeps its
row even when its sentence also gives the wave's total."""

from __future__ import annotations

from conftest import rejection_codes

from extractor import extract

DAY = "2021-05-12"


def _rows(text: str, published: str = DAY) -> list:
    return extract(text, published=published)


def _codes(text: str, published: str = DAY) -> set[str]:
    return rejection_codes(text, published)


# --- the toll of a wave of attacks ---------------------------------------------------------------------------
def test_the_toll_of_a_wave_of_bombings_is_no_event_and_lends_no_toll():
    # the wave's total (its noun the trigger) is no event, and the truck bomb told before it keeps its own dead
    text = (
        "قتل تسعة أشخاص صباح أمس في انفجار شاحنة مفخخة قرب سوق الخضار في مدينة قندهار. "
        "وأسفرت موجة التفجيرات أمس عن مقتل 40 شخصا وإصابة العشرات."
    )
    assert "aggregate" in _codes(text)
    assert [r.fatalities for r in _rows(text)] == [9]


def test_dead_told_in_a_wave_of_violence_are_a_tally():
    # the toll's "في" goes to the wave, with no act between: several acts over the areas of a city
    text = "وأعلن مسؤولون أمنيون أمس مقتل ثمانية مسلحين وستة مدنيين وإصابة 20 آخرين في موجة عنف جديدة ضربت قرى تابعة لمدينة بعقوبة."
    assert _rows(text) == []
    assert "aggregate" in _codes(text)
    text = "قتل 12 شخصا على الأقل أمس جراء موجة من الهجمات استهدفت أحياء في العاصمة."
    assert _rows(text) == []


def test_one_act_in_a_wave_keeps_its_row():
    # near miss: the act comes first with its own toll, the wave's total after it in the same sentence
    text = "قتل تسعة أشخاص أمس في انفجار سيارة مفخخة في سوق حي الشعب ببغداد، في حين بلغت حصيلة موجة التفجيرات 30 قتيلا."
    rows = _rows(text)
    assert [r.sub_event_type for r in rows] == ["Remote explosive/landmine/IED"]
    assert [r.fatalities for r in rows] == [9]
    text = "قتل تسعة أشخاص أمس في انفجار سيارة مفخخة في سوق حي الشعب ببغداد، وهو الأعنف في موجة التفجيرات التي ضربت العاصمة."
    rows = _rows(text)
    assert [r.sub_event_type for r in rows] == ["Remote explosive/landmine/IED"]
    assert [r.fatalities for r in rows] == [9]
    # near miss: the blast is the act the toll is told of, the wave only its frame
    text = "وقتل خمسة جنود أمس بانفجار عبوة ناسفة استهدفت دوريتهم قرب مدينة بعقوبة في موجة هجمات جديدة."
    rows = _rows(text)
    assert [r.fatalities for r in rows] == [5]


def test_a_wave_in_another_clause_or_of_arrests_keeps_the_act():
    # near miss: the wave told in a clause of its own, then the act; a raid of one day in one quarter stays
    text = "ضمن موجة تفجيرات جديدة، انفجرت أمس سيارة مفخخة في سوق حي الشعب ببغداد ما أدى إلى مقتل تسعة أشخاص."
    assert "Remote explosive/landmine/IED" in {r.sub_event_type for r in _rows(text)}
    text = "وشنت قوات الأمن فجر اليوم موجة اعتقالات في حي الشجاعية شرق مدينة غزة طالت 15 شابا."
    assert "Arrests" in {r.sub_event_type for r in _rows(text)}
