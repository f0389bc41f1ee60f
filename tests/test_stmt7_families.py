"""Precision families of round 13 (h-stmt7, issue 9): people someone holds, told in the present in a statement or a
headline ("الحوثيون يحتجزون رهائن"), are a state, not the act of taking them. Short sentences of our own (never
dev-eval or SaudiNewsNet text), each with its near miss: the taking told as a past act keeps its row."""

from __future__ import annotations

from conftest import rejection_codes

from extractor import extract

DAY = "2021-05-12"


def _subs(text: str) -> set[str]:
    return {r.sub_event_type for r in extract(text, published=DAY)}


def test_hostages_held_in_the_present_are_a_state():
    text = "وزير يمني: الحوثيون يحتجزون رهائن للمساومة عليهم\nقال وزير يمني إن القوات تحاصر قاعدة العند في محافظة لحج."
    assert "Abduction/forced disappearance" not in _subs(text)
    assert "held" in rejection_codes(text, DAY)
    text = "وقال المتحدث إن الجماعة المسلحة تحتجز رهائن أجانب في مدينة تعز للمساومة عليهم."
    assert "Abduction/forced disappearance" not in _subs(text)


def test_hostages_taken_as_a_past_act_keep_the_row():
    # the taking itself, told with a past verb, inside a statement's sentence or on its own
    assert "Abduction/forced disappearance" in _subs("احتجز الحوثيون أمس رهائن في مدينة تعز.")
    assert "Abduction/forced disappearance" in _subs(
        "وقالت الوزارة إن المسلحين احتجزوا أمس رهائن في مدينة تعز للمساومة عليهم.")
    # held in the present but dated to yesterday: the day's news
    assert "Abduction/forced disappearance" in _subs("وقال مصدر إن الحوثيين يحتجزون منذ أمس رهائن في مدينة تعز.")
