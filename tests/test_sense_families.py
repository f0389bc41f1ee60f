"""Trigger words used in a sense that is no conflict event (issue 9, round 16: h-sense10): a drone or a march named
as an instrument with no act, ... Each family with the false case and near misses that keep their row, in our own
sentences."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.document import Article, Doc
from extractor.mentions import clauses
from extractor.templates import TemplateSet


def fired(text: str) -> set[str]:
    """The template ids whose triggers survive in the text (all clauses)."""
    t = TemplateSet.load()
    doc = Doc.from_article(Article(id="t", text=text))
    return {m.template.id for s in doc.sentences for c in clauses(s) for m in t.match_sentence(c)}


def _types(text: str, published: str = "2022-11-04") -> set[tuple[str, str]]:
    return {(r.event_type, r.sub_event_type) for r in extract(text, published=published)}


AIR = ("Explosions/Remote violence", "Air/drone strike")


# --- "with a drone / with a march" told with no act: a festive march, drones that film or watch ----------------
@pytest.mark.parametrize("text", [
    "احتفل أهالي القرية بعيد الفطر بمسيرة للخيول جابت شوارعها مساء أمس.",
    "بدأ علماء الأحياء البحرية الاستعانة بطائرات بدون طيار لتصوير أسراب الدلافين قرب الشاطئ.",
    "تعتزم شركة البريد توصيل الطرود إلى القرى النائية بطائرات مسيرة صغيرة.",
])
def test_a_drone_or_march_named_with_no_act_is_no_strike(text):
    assert "drone_instrument" not in fired(text)
    assert AIR not in _types(text)


@pytest.mark.parametrize("text", [
    # a strike, a target, a toll told with the drone: the strike stays
    "قتل أربعة مسلحين أمس بطائرة بدون طيار في ولاية شبوة.",
    "استهدف الحوثيون مطار المدينة صباح اليوم بمسيرة محملة بالمتفجرات.",
    "نفذت القوات الأمريكية أمس ضربة بطائرة بلا طيار على سيارة في شمال سوريا.",
    # a drone that fired its missiles, told with its own verb
    "وأطلقت طائرة بلا طيار صاروخين على منزل في مدينة مأرب أمس.",
])
def test_a_drone_that_strikes_keeps_its_row(text):
    assert AIR in _types(text)
