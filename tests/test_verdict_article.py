"""A court ruling's article (context.verdict: the ruling in its headline) retells the act judged:
its mentions with no recent day of their own give no row; a new act told with its day, and an attack on a court,
keep theirs."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import rejection_codes

from extractor import get_pipeline
from extractor.document import Article


def rows(text: str, published: str = "2015-08-09"):
    art = Article(id="t", text=text, published=date.fromisoformat(published), date_basis="json")
    return get_pipeline(None).process(art).events


@pytest.mark.parametrize(
    "text",
    [
        # a headline of the sentence and the act judged
        ("السجن 25 عاما لشاب أطلق النار على دورية أمنية في بلدة العوامية\n"
         "أصدرت المحكمة الجزائية حكما ابتدائيا بحق المتهم بعد إدانته بحيازة سلاح وإطلاق النار على الدورية."),
        # a witness's account of the act, told in the trial of its doer (alone, the sentence gives its row)
        ("الحكم بالسجن المؤبد على مهاجم المقهى\n"
         "أصدرت المحكمة حكمها على الرجل بعد محاكمة استمرت شهرين.\n"
         "وقال أحد الشهود إنه ألقى قنبلة يدوية قبل أن يفتح النار على رواد المقهى في مدينة أورلاندو ما أسفر عن "
         "مقتل ستة أشخاص."),
    ],
)  # fmt: skip
def test_the_act_of_a_court_ruling_is_no_event(text: str) -> None:
    assert rows(text) == []
    assert "verdict article" in rejection_codes(text, "2015-08-09")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # near miss: a new attack told with its own day in a ruling's article
        (("قضت المحكمة بالسجن عشر سنوات على متهمين بتمويل الإرهاب.\n"
          "وفي سياق آخر، قتل شرطيان أمس في هجوم مسلح على نقطة تفتيش في مدينة العريش."), "Arish"),
        # near miss: a bomb at a court, no ruling in the lead
        (("انفجار عبوة ناسفة أمام محكمة في مدينة الإسكندرية\n"
          "انفجرت عبوة ناسفة صباح اليوم أمام مبنى المحكمة في مدينة الإسكندرية دون وقوع إصابات."), "Alexandria"),
        # near miss: a court shelled, told with its day, under a ruling's headline
        (("حكم بالسجن على قيادي في التنظيم\n"
          "وقصف مسلحون اليوم مقر المحكمة في مدينة بنغازي بقذائف الهاون ما أدى إلى إصابة حارسين."), "Benghazi"),
        # near miss: a new shooting in the headline; a ruling named in the first sentence is its background
        (("مقتل شخصين وإصابة 9 في إطلاق نار داخل مقهى بمدينة كولومبوس\n"
          "في الوقت الذي تناقش فيه هيئة محلفين في ولاية أخرى الحكم بالإعدام أو السجن المؤبد على مهاجم سابق، قتل "
          "مسلح في كولومبوس شخصين وجرح 9 في حادث مماثل، ثم قتل نفسه.\n"
          "وقال متحدث باسم الشرطة أمس إن الشرطة تحقق في دوافع الحادث."), "Columbus"),
        # near miss: a protest over a ruling is the news (context.verdict.not_types)
        (("قضت المحكمة بالسجن عامين على ناشطين حقوقيين.\n"
          "وتظاهر عشرات من أنصارهما في مدينة نواكشوط للمطالبة بالإفراج عنهما، وفرقت الشرطة المتظاهرين بالقوة."),
         "Nouakchott"),
    ],
)  # fmt: skip
def test_a_dated_act_beside_a_ruling_keeps_its_row(text: str, place: str) -> None:
    evs = rows(text)
    assert place in {e.location for e in evs}
