"""Trigger families found on the OEDA training sentences (issue 9, round 4; bench/bench_oeda.py):
whole paradigms and their guards, each with short sentences of our own."""

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


# --- a bomb named alone: an event with a blast or a victim, not tear gas or a metaphor ------------------
@pytest.mark.parametrize("text", [
    "فجر المهاجمون قنابلهم في سوق المدينة فقتل خمسة أشخاص.",
    "انفجرت قنبلة زرعت قرب مركز للشرطة في بلدة الرمادي.",
])
def test_a_bomb_that_goes_off_is_an_explosion(text):
    assert "bomb_bare" in fired(text)


@pytest.mark.parametrize("text", [
    "أطلقت الشرطة قنابل الغاز المسيل للدموع على المحتجين فأصيب عشرة.",
    "حذر الوزير من أن البطالة قنبلة موقوتة قد تنفجر في أي لحظة.",
    "قال إن الطائفية قنبلة أخرى تريد تفجيرها في منطقتنا.",
    "عرض المتحف قنبلة من الحرب العالمية الثانية.",
])
def test_tear_gas_a_time_bomb_or_a_museum_bomb_is_no_explosion(text):
    assert "bomb_bare" not in fired(text)


# --- the verb of a blast (not "dawn", not a crisis "detonated") ----------------------------------------
def test_the_verbs_of_a_blast():
    assert "detonate_verb" in fired("فجروا سيارة مفخخة أمام مقر الشرطة.")
    assert "detonate_verb" in fired("تفجرت عبوة ناسفة بدورية للجيش.")
    assert "detonate_verb" not in fired("فجرت تصريحات الوزير أزمة جديدة وأثارت جدلا واسعا بعد هجوم الإعلام.")
    assert "detonate_verb" not in fired("قتل ثلاثة جنود فجر أمس.")  # فجر: dawn


def test_two_bombers_who_blew_themselves_up():
    assert "suicide_bomb" in fired("فجرا نفسيهما وسط حشد من المصلين.")


# --- gunfire with no "على" after it; shots in the air are no attack --------------------------------------
def test_gunfire_without_a_target_preposition():
    assert "gunfire" in fired("فتحوا النار داخل المقهى فقتلوا ثلاثة أشخاص.")
    # the shooter between the verb and "النار": shooting_split's family
    assert "shooting_split" in fired("فتح مسلح النار عشوائيا داخل المقهى فقتل ثلاثة أشخاص.")
    assert "gunfire" not in fired("أطلق المحتفلون النار في الهواء ابتهاجا بالزفاف.")
    assert "gunfire" not in fired("أطلقت الشرطة النار في الهواء لتفريق الحشد.")


def test_gunmen_opening_fire_is_a_row():
    rows = list(extract("فتح مسلحون مجهولون النار على سوق في مدينة بعقوبة أمس فقتلوا أربعة مدنيين.", published="2022-11-04"))
    assert rows and rows[0].event_type == "Violence against civilians"


# --- drones "بلا طيار" ----------------------------------------------------------------------------------
def test_a_drone_without_a_pilot_written_bila():
    assert {"drone_bare"} <= fired("أطلقت طائرة بلا طيار صاروخين على منزل في القرية.")
    assert "drone_instrument" in fired("قتل ثلاثة مسلحين بطائرة بلا طيار في شمال البلاد.")


# --- crowds: تجمع with a purpose, a count of protesters, human chains, marches into the streets -------
def test_a_crowd_gathering_with_slogans_is_a_protest():
    assert "crowd_gathered" in fired("وتجمع عشرات الشبان أمام مقر البلدية مرددين هتافات ضد الحكومة.")
    # the noun with the article (a party's name) and a gathering with no purpose are no protest
    assert "crowd_gathered" not in fired("أعلن التجمع الوطني رفضا للقرار.")
    assert "crowd_gathered" not in fired("تجمع الحجاج في منى صباح اليوم.")


def test_protest_counts_chains_and_streets():
    assert "protest" in fired("شارك نحو ألف متظاهر في المسيرة.")
    assert "protest" in fired("شكل المئات سلسلة بشرية على الشاطئ.")
    assert "protest" in fired("خرجوا في مسيرات جابت شوارع المدينة.")
    # the singular alone is mostly someone quoted, or "pretending" (متظاهرا بـ)
    assert "protest" not in fired("خاطب السكرتيرة متظاهرا بالفهم.")


def test_clashes_of_a_crowd_with_the_police_are_a_riot():
    assert ("Riots", "Violent demonstration") in _types(
        "اندلعت صدامات بين المتظاهرين والشرطة في مدينة البصرة اليوم.")


# --- headlines tell a past event in the imperfect; the future prefix makes it a plan ---------------------
@pytest.mark.parametrize("text, tid", [
    ("القوات العراقية تشتبك مع مسلحين في الرمادي", "armed_clash"),
    ("مسلحون يغتالون ضابطا في مدينة درنة", "attack_civilians"),
    ("طائرات التحالف تقصف مواقع للمتمردين في صعدة", "bombardment_generic"),
    ("الجيش يستعيد السيطرة على بلدة في ريف حماة", "regain_territory"),
])
def test_imperfect_headline_verbs(text, tid):
    assert tid in fired(text)


def test_the_future_prefix_before_an_imperfect_trigger_is_a_plan():
    assert "bombardment_generic" not in fired("قال إن الطائرات ستقصف مواقع المتمردين في صعدة")
    assert "protest" not in fired("وسيتظاهرون أمام البرلمان في مدينة عمان")
    assert "protest" in fired("يتظاهرون أمام البرلمان في مدينة عمان")
    # the singular imperfect is mostly "pretends" (يتظاهر بالفهم), and "يحتج ب" "argues from"
    assert "protest" not in fired("الكل يتظاهر بمظهر الضحية")
    assert "protest" not in fired("قد يحتج البعض بتصريحات الوزير")


def test_an_atomic_bombing_retold_is_no_strike():
    assert "bombardment_generic" not in fired("أمريكا تقصف مدينة هيروشيما بالقنبلة الذرية")


# --- arson told as a masdar; troops massing are no crowd -----------------------------------------------
def test_arson_by_settlers_or_of_a_party_office():
    assert "mob_violence" in fired("توفي رضيع جراء إحراق مستوطنين منزل عائلته في قرية دوما.")
    assert "mob_violence" in fired("شارك المحتجون في إحراق مقر الحزب في بغداد.")


def test_troops_massing_are_no_protest_but_a_crowd_near_the_police_is():
    assert "crowd_gathered" not in fired("احتشدت القوات على الحدود رفضا لأي تقدم.")
    assert "crowd_gathered" in fired("احتشد المئات أمام مقر قوات الأمن للمطالبة بالإفراج عن المعتقلين.")


# --- a march told by its verb or its kind; a career or a development "march" is none --------------------
def test_a_march_told_by_its_verb_or_kind():
    assert "march" in fired("انطلقت مسيرة من ساحة الشهداء باتجاه مقر الحكومة.")
    assert "march" in fired("نظموا وقفة أمام السفارة تضامنا مع الأسرى.")
    assert "march" not in fired("انطلقت مسيرة التنمية في المنطقة قبل عقود.")
    assert "march" not in fired("انطلقت مسيرة تعليم البنات في المملكة متأخرة.")


def test_a_bomb_of_history_or_of_manufacture_is_no_explosion():
    assert "bomb_bare" not in fired("بعد ثلاثة أيام من قنبلة هيروشيما ألقت قاذفة قنبلة أخرى أسفرت عن مقتل الآلاف.")
    assert "bomb_bare" not in fired("صدر حكم على صبي لتحميله كيفية صنع القنبلة التي قتلت ثلاثة.")


# --- a court is also a place: a bombing at a courthouse is still an event, a verdict is not ---------------
def test_a_bombing_near_a_court_is_an_event_but_a_verdict_is_not():
    assert "ied" in fired("قتل شخصان في انفجار سيارة مفخخة قرب محكمة المدينة.")
    assert "suicide_bomb" in fired("قتل عشرة في هجوم انتحاري وقع في قاعة محكمة بمدينة كويتا.")
    assert fired("قضت المحكمة بسجن المتهمين في تفجير عبوة ناسفة.") == set()
    assert fired("رفضت المحكمة طعن المدانين في الهجوم الانتحاري.") == set()
