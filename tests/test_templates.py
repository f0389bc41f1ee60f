"""Trigger phrases -> templates, and the filters for what ACLED does not code.

These tests look at the template layer alone (which template fires on which
sentence and why a hit is dropped); full rows are tested in test_extract.py.
"""

from __future__ import annotations

import pytest

from extractor.normalize import normalize_text
from extractor.phrases import PhraseMatcher
from extractor.record import EVENT_TYPES
from extractor.segment import split_sentences
from extractor.templates import TemplateSet


@pytest.fixture(scope="module")
def ts() -> TemplateSet:
    return TemplateSet.load()


def fired(ts: TemplateSet, text: str) -> list[tuple[str, str]]:
    """(template id, sub-event type) of every surviving match in the text."""
    out = []
    for s in split_sentences(normalize_text(text)):
        out += [(m.template.id, m.sub_event_type) for m in ts.match_sentence(s)]
    return out


def test_explain_says_why_in_words(ts):
    """--explain prints the reason as a sentence, not an internal code such as 'needs'."""
    rej: list = []
    for s in split_sentences(normalize_text("نفى الجيش شن غارة على القرية.")):
        ts.match_sentence(s, rej)
    assert rej and all(" " in r.reason and r.reason != r.code for r in rej)
    assert any("negated" in r.reason for r in rej)


def dropped(ts: TemplateSet, text: str) -> set[str]:
    rej: list = []
    for s in split_sentences(normalize_text(text)):
        ts.match_sentence(s, rej)
    return {r.code for r in rej}


def test_every_acled_sub_event_type_has_a_template(ts):
    covered = {(t.event_type, t.sub_event_type) for t in ts.templates.values()}
    covered |= {(m.becomes.event_type, m.becomes.sub_event_type) for m in ts.modifiers}
    covered |= {(t.state_becomes.event_type, t.state_becomes.sub_event_type)
                for t in ts.templates.values() if t.state_becomes}
    wanted = {(et, sub) for et, subs in EVENT_TYPES.items() for sub in subs}
    missing = wanted - covered
    assert not missing, missing


def test_clitics_and_definite_forms_match():
    m = PhraseMatcher([("قصف جوي", "air"), ("غارة", "air"), ("اشتباك*", "clash")])
    text = normalize_text("وبغارة أمس، والقصف الجوي، واشتباكات عنيفة")
    assert [h.phrase for h in m.iter(text)] == ["غاره", "القصف الجوي", "اشتباك"]


def test_a_phrase_inside_a_longer_word_does_not_match():
    m = PhraseMatcher([("قتل", "kill")])
    assert m.find(normalize_text("مقاتلين قتلوا")) == []  # قتلوا needs the stem form, مقاتلين is another word


@pytest.mark.parametrize(
    "sentence, sub",
    [
        ("قتل ثلاثة مدنيين في غارة جوية على إدلب.", "Air/drone strike"),
        ("انفجرت عبوة ناسفة بدورية للجيش في درعا.", "Remote explosive/landmine/IED"),
        ("فجر انتحاري حزاما ناسفا في سوق مزدحم.", "Suicide bomb"),
        ("سقطت قذائف هاون على حي سكني في المدينة.", "Shelling/artillery/missile attack"),
        ("اندلعت اشتباكات عنيفة بين الجيش ومسلحين.", "Armed clash"),
        ("اختطف مسلحون مجهولون ثلاثة مواطنين.", "Abduction/forced disappearance"),
        ("تظاهر مئات أمام مبنى البرلمان.", "Peaceful protest"),
        ("اعتقلت قوات الأمن ناشطا سياسيا.", "Arrests"),
    ],
)
def test_typical_sentences_fire_the_expected_template(ts, sentence, sub):
    assert sub in {s for _, s in fired(ts, sentence)}


def test_negation_before_the_trigger_drops_it(ts):
    assert fired(ts, "نفى الجيش شن غارة على القرية.") == []
    assert "negation" in dropped(ts, "نفى الجيش شن غارة على القرية.")


def test_threats_and_future_action_are_not_events(ts):
    assert fired(ts, "هدد الجيش بشن غارات على المدينة.") == []
    assert fired(ts, "سوف تشن القوات هجوما مسلحا على المتمردين غدا.") == []


def test_trials_disasters_exercises_and_statistics_are_not_events(ts):
    assert fired(ts, "قضت المحكمة بسجن المتهمين في تفجير عبوة ناسفة.") == []
    assert fired(ts, "أجرت القوات مناورات بالذخيرة الحية وقذائف المدفعية.") == []
    assert fired(ts, "ارتفع عدد القتلى منذ بداية الحرب إلى ألف بعد الغارات.") == []


def test_aircraft_alone_is_a_weapon_not_an_event(ts):
    assert fired(ts, "تعرضت الطائرات المسيرة لمضايقات من الطائرات الحربية الروسية.") == []


def test_diplomatic_protest_is_not_a_protest(ts):
    assert fired(ts, "قدمت وزارة الخارجية مذكرة احتجاج إلى السفير.") == []


def test_ordinary_crime_arrests_are_not_coded(ts):
    assert fired(ts, "ألقت الشرطة القبض على مروج للمخدرات.") == []


def test_protest_modifiers_upgrade_by_cues(ts):
    assert ts.apply_modifiers("Protests", "Peaceful protest", normalize_text("فرقت الشرطة المتظاهرين بالغاز المسيل للدموع")) == (
        "Protests", "Protest with intervention")
    assert ts.apply_modifiers("Protests", "Peaceful protest", normalize_text("قتل متظاهرين بالرصاص الحي")) == (
        "Protests", "Excessive force against protesters")
