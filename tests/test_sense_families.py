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
    "احتفل أهالي محافظة رنية بعيد الفطر بمسيرة للخيول جابت شوارع رنية مساء أمس.",
    "بدأ علماء الأحياء البحرية في مدينة بوسطن الاستعانة بطائرات بدون طيار لتصوير أسراب الدلافين قرب الشاطئ.",
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


# --- an act that may come "at any moment" (في أي لحظة): a fear or a danger, not an act -----------------------------
@pytest.mark.parametrize("text", [
    "يصر أهالي قرية سوسيا على البقاء في بيوتهم رغم خوفهم من قدوم جرافات الجيش الإسرائيلي لهدمها في أي لحظة.",
    "يعيش الجنود على الحدود في مدينة نجران ترقبا لمواجهات مع الحوثيين قد تندلع في أي لحظة.",
])
def test_an_act_that_may_come_at_any_moment_gives_no_row(text):
    assert not list(extract(text, published="2015-07-24"))


@pytest.mark.parametrize("text, sub", [
    # the act told with its day, and the fear of the next one in its own clause
    ("هدمت جرافات الجيش الإسرائيلي أمس منزلين في قرية سوسيا جنوب الخليل، ويخشى السكان هدم بقية المنازل في أي لحظة.",
     "Looting/property destruction"),
    ("قصفت طائرات التحالف أمس مواقع للحوثيين في مدينة صعدة، فيما يتوقع السكان تجدد الغارات في أي لحظة.",
     "Air/drone strike"),
])
def test_an_act_told_before_the_fear_of_the_next_keeps_its_row(text, sub):
    rows = list(extract(text, published="2015-07-24"))
    assert [r.sub_event_type for r in rows] == [sub]


# --- a festival or an air show called تظاهرة/مظاهرة -------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "انطلقت أمس في مدينة بريدة أكبر تظاهرة تراثية في المنطقة بمشاركة مئات الحرفيين.",
    "انطلقت في مدينة الطائف أمس أكبر تظاهرة شعرية في المنطقة.",
    "شهدت سماء مدينة الطائف أمس مظاهرة جوية نفذها فريق الصقور بمناسبة العيد.",
])
def test_a_festival_or_air_show_is_no_protest(text):
    assert "protest" not in fired(text)


def test_a_protest_beside_a_festival_word_elsewhere_is_still_a_protest():
    # the display words cancel only their own phrase's sense: a protest told with its own words stays
    assert "protest" in fired("تظاهر مئات الطلاب أمس أمام مبنى الجامعة في مدينة تونس احتجاجا على رفع الرسوم.")
    # fishermen protesting in their boats ("مظاهرة بحرية") are a protest
    assert "protest" in fired("نظم صيادون مظاهرة بحرية بقواربهم أمس قبالة ميناء صيدا احتجاجا على منع الصيد.")


# --- no conflict anywhere in the article: a shooting, a killing or an arrest that is a crime or an accident ---------
@pytest.mark.parametrize("text", [
    ("طلقة تصيب طفلة في صلالة\nأصيبت طفلة في الرابعة من عمرها أمس بإطلاق نار في رأسها أثناء لعبها قرب فندق في مدينة صلالة "
    "العمانية، وقال والدها إنه لا يعرف مصدر الطلق الناري."),
    ("مقتل طالب خليجي في ولاية أوهايو\nلقي طالب خليجي مصرعه صباح أمس برصاص في موقف للسيارات قرب جامعته في مدينة كولومبوس "
    "الأمريكية، وتحقق الشرطة في الحادث."),
    ("فرنسي يدفن كلبه حيا\nاعتقلت الشرطة الفرنسية أمس في مدينة نيس شابا دفن كلبه حيا، بعد أن انتشرت صور الحيوان على مواقع "
    "التواصل."),
])
def test_a_shooting_or_arrest_in_an_article_with_no_conflict_is_no_row(text):
    assert not list(extract(text, published="2015-08-10"))


@pytest.mark.parametrize("text", [
    # unknown or masked men in the plural: a group that may be armed
    ("مواطن يتعرض لإطلاق نار في مدينة الزرقاء\nتعرض مواطن لإطلاق نار من أشخاص مجهولين ملثمين مساء أمس في مدينة الزرقاء "
    "الأردنية دون أن يصاب بأذى."),
    # a gunman firing on soldiers: a force is named
    ("مقتل أربعة جنود في إطلاق نار\nقتل مسلح أمس أربعة جنود من مشاة البحرية بعد أن أطلق النار على مركز للتجنيد في مدينة "
    "تشاتانوغا الأمريكية."),
    # a mob of villagers killing women they accused of witchcraft: mob violence
    ("قرويون يقتلون ثلاث نساء في الهند\nقال مفوض الشرطة في مدينة رانشي إن مجموعة من القرويين استخدموا هراوات في ضرب وقتل "
    "ثلاث نساء أمس."),
    # activists arrested: a political cause
    "اعتقال ناشطين في القاهرة\nاعتقلت الشرطة المصرية أمس ثلاثة ناشطين في حي الدقي بمدينة القاهرة.",
])
def test_a_shooting_or_arrest_with_a_conflict_word_keeps_its_row(text):
    assert list(extract(text, published="2015-08-10"))
