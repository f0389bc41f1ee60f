"""The clause around a trigger, read by its grammar (extractor/clause.py, data/clause.yaml): mood, negation
over coordination, the imperfect cues of a body sentence. Our own short example sentences."""

from __future__ import annotations

import pytest

from extractor import clause
from extractor.normalize import normalize_text
from extractor.segment import split_sentences
from extractor.templates import TemplateSet


@pytest.fixture(scope="module")
def ts() -> TemplateSet:
    return TemplateSet.load()


def fired(ts: TemplateSet, text: str) -> list[str]:
    out = []
    for s in split_sentences(normalize_text(text)):
        out += [m.template.id for m in ts.match_sentence(s)]
    return out


def dropped(ts: TemplateSet, text: str) -> list[str]:
    rej: list = []
    for s in split_sentences(normalize_text(text)):
        ts.match_sentence(s, rej)
    return [r.code for r in rej]


def _at(text: str, word: str) -> tuple[str, int]:
    t = normalize_text(text)
    return t, t.index(normalize_text(word))


@pytest.mark.parametrize("text, word, want", [
    ("إذا ما قررت الحكومة شن هجوم على البلدة", "هجوم", "conditional"),
    ("وفي حال تعرضت المدينة لقصف مدفعي فإن السكان سيغادرون", "قصف", "conditional"),
    ("وتساءل الكاتب هل يشن الجيش هجوما على البلدة", "هجوما", "question"),
    ("سترون صواريخنا تسقط على مدنكم", "صواريخنا", "future"),
    ("وسيواجه المتظاهرون قوات الأمن في الساحة", "المتظاهرون", "report"),  # the article: a known event
    ("وسيواجه متظاهرون قوات الأمن في الساحة", "متظاهرون", "future"),
    ("ليت الطائرات تقصف مواقعهم", "تقصف", "wish"),
    ("قتل ثلاثة في قصف على البلدة", "قصف", "report"),
    ("قتل سائق سيارة في قصف على البلدة", "قصف", "report"),  # سيارة is a noun, no future verb
    ("قال إن السياسة لن تتغير، وقتل ثلاثة في قصف على البلدة", "قصف", "report"),  # another clause
])
def test_mood_of_the_clause(text, word, want):
    t, i = _at(text, word)
    assert clause.mood(t, i, definite=t.startswith("ال", i))[0] == want


def test_a_future_verb_right_after_an_indefinite_trigger_is_its_predicate():
    t, i = _at("وأفاد المصدر بأن هجوما سينفذ على الحاجز", "هجوما")
    assert clause.mood(t, i, end=i + len("هجوما"))[0] == "future"


@pytest.mark.parametrize("text, word, negated", [
    ("لم تقع أعمال شغب أو مصادمات في المدينة", "مصادمات", True),
    ("لا قصف ولا اشتباكات على الجبهة", "اشتباكات", True),
    ("لم يصب أحد وقتل اثنان في اشتباكات قرب البلدة", "اشتباكات", False),  # a preposition ends the list
    ("انتهت المسيرة دون وقوع إصابات في صفوف المتظاهرين أو اشتباكات", "اشتباكات", False),
    ("وقعت مواجهات أو اشتباكات في البلدة", "اشتباكات", False),  # no negator
    ("قد لا تكون الرواية صحيحة إنما الثابت تفجير السوق وخطف الطائرة", "خطف", False),  # إنما opens a clause
])
def test_negation_reaches_over_a_coordinated_list(text, word, negated):
    t, i = _at(text, word)
    assert bool(clause.negated_list(t, i, i)) is negated


def test_negated_casualties_spare_the_event_after_them(ts):
    t, i = _at("تفرقت المظاهرة دون وقوع إصابات في صفوف المتظاهرين", "المتظاهرين")
    assert clause.spared(t, t.index(normalize_text("دون")), i)
    t, i = _at("تفرقت المظاهرة دون أي اشتباكات", "اشتباكات")
    assert not clause.spared(t, t.index(normalize_text("دون")), i)


def test_templates_drop_a_negated_list_and_a_hypothetical_clause(ts):
    assert "negation" in dropped(ts, "وقالت الشرطة إنه لم تقع أعمال نهب أو اشتباكات مسلحة في المدينة.")
    assert fired(ts, "وقالت الشرطة إنه لم تقع أعمال نهب أو اشتباكات مسلحة في المدينة.") == []
    assert "conditional" in dropped(ts, "وقال إن الجيش يرد بقوة إذا ما قررت الجماعة المسلحة في الجنوب شن هجوم على البلدة.")
    assert fired(ts, "وقتل ثلاثة مسلحين في اشتباكات مع الجيش قرب البلدة.")  # a report stays


def test_an_imperfect_cue_counts_in_a_headline_or_with_a_past_anchor_only(ts):
    assert fired(ts, "خبر عن المدينة.\nوقال القائد في كلمته: سترون قذائف تسقط على مدنكم.") == []
    assert "needs" in dropped(ts, "خبر عن المدينة.\nوقال السكان إن قذائف تطال الأحياء كل يوم.")
    assert "projectile_bare" in fired(ts, "قذائف تسقط على أحياء المدينة\nوقال السكان إن الأحياء خالية.")
    assert "projectile_bare" in fired(ts, "خبر عن المدينة.\nوقال السكان إن قذائف تطال الأحياء منذ أمس.")
