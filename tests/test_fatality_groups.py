"""Fatalities of real rows (issue 9, round 8): families found on a fresh tuning draw, sentences of our own.

Each family has its sentence in and the count out, and the near miss that must stay as it was."""

from __future__ import annotations

from datetime import date

import pytest

from extractor.normalize import normalize_text
from extractor.resolve.fatalities import count_casualties


def killed(sentence: str) -> int | None:
    return count_casualties(normalize_text(sentence)).killed


@pytest.mark.parametrize(
    "text, n",
    [
        # a further group of the dead after the first one's qualifier: they add up
        ("قتل أربعة من عناصر الشرطة المحلية ومدني في هجوم مساء أمس.", 5),
        ("أسفرت المعارك عن مقتل 8 مقاتلين من القبائل، و14 مسلحا من الجماعة.", 22),
        ("أوقعت المواجهات 20 قتيلا من المتمردين وحلفائهم و6 جنود.", 26),
        ("أسفر التفجير عن استشهاد سبعة من رجال الأمن إضافة إلى اثنين من المارة وإصابة عشرة.", 9),
        ("قتل 7 من عناصر التنظيم و3 من قوات البيشمركة في اشتباكات ليلية.", 10),
        # near misses: who the dead were, another place, an injury or a thing destroyed
        ("قتل 6 أشخاص بينهم طفلان وامرأة في القصف.", 6),
        ("مقتل 5 من المسلحين في البلدة و3 في القرية المجاورة.", 5),
        ("مقتل 4 جنود وإصابة 9 آخرين في الهجوم.", 4),
        ("مقتل 3 جنود وتدمير دبابتين و4 آليات.", 3),
    ],
)  # fmt: skip
def test_further_groups_of_the_dead_add_up(text: str, n: int) -> None:
    assert killed(text) == n


@pytest.mark.parametrize(
    "text, n",
    [
        ("قتل عضوين من الحركة في غارة على سيارتهما.", 2),  # the dual of عضو
        ("عثرت الشرطة صباح اليوم على جثتي حارسين مقتولين قرب الحدود.", 2),  # جثتي: the dual before its noun
        ("وقالت المصادر إن معارك عنيفة دارت قتل فيها العشرات من المسلحين.", 12),  # فيها refers back, no victim
        ("قالت المصادر إن 14 شخصا قتلوا بينهم نساء في انفجار السوق.", 14),  # بينهم: who they were
        ('أدى سقوط القذيفة إلى "استشهاد" أحد السكان.', 1),  # the death word in quotes
        ("ولقي 11 من عمال المصنع في ضواحي المدينة صباح أمس حتفهم في الانفجار.", 11),  # the figure after لقي
        # near misses: a plural with no figure stays vague, a dual noun with no death word counts nothing
        ("أعلنت المصادر مقتل مسلحين في المنطقة.", 3),
        ("اعتقلت الشرطة عضوين من الحركة.", None),
    ],
)  # fmt: skip
def test_dual_pronoun_quote_and_far_figures(text: str, n: int | None) -> None:
    assert killed(text) == n


def _rows(text: str) -> list[dict]:
    from extractor import get_pipeline
    from extractor.document import Article

    res = get_pipeline(None).process(Article(id="f3", text=text, published=date(2015, 8, 9), date_basis="json"))
    return [e.to_dict() for e in res.events]


def test_the_dead_a_protest_is_against_are_not_its_fatalities() -> None:
    from extractor import get_pipeline
    from extractor.document import Article

    text = "اعتصم مئات الأشخاص أمس في مدينة حمص احتجاجا على قتل ضابط في الجيش على يد أحد أقارب المسؤولين."
    res = get_pipeline(None).process(Article(id="f3", text=text, published=date(2015, 8, 9), date_basis="json"),
                                     explain=True)  # fmt: skip
    assert res.events and all(e.to_dict()["fatalities"] == 0 for e in res.events)
    assert any(r.code == "protested_dead" for r in res.rejected)  # the decision names itself in --explain
    # near miss: protesters killed at the protest are its fatalities
    rows = _rows("تظاهر مئات الأشخاص أمس في مدينة حمص وقتل اثنان من المتظاهرين برصاص الشرطة.")
    assert rows and rows[0]["fatalities"] == 2


@pytest.mark.parametrize(
    "text, n",
    [
        # the body and the dead man named together are one victim, told twice in one sentence
        ("نقلت طائرة أمس جثمان الشهيد الجندي علي إلى قريته، وكان علي استشهد صباح الجمعة على الحدود.", 1),
        ("عثر السكان على جثة القتيل قرب منزله.", 1),
        ("سقط قتيل وشهيد في الاشتباك.", 2),  # near miss: two joined by و are two
        # "قتل وأصيب آخر": one killed and another wounded
        ("قالت القناة إن شرطيا قتل وأصيب آخر اليوم برصاص قناص.", 1),
        ("قتل وأصيب آخرون في القصف.", 3),  # near miss: the plural stays vague
    ],
)  # fmt: skip
def test_one_victim_told_twice_and_one_other(text: str, n: int) -> None:
    assert killed(text) == n


def test_a_figure_of_the_wounded_after_the_toll_is_no_range():
    from extractor.resolve.fatalities import count_casualties

    c = count_casualties(normalize_text("وصلت حصيلة القتلى إلى 12 و4 جرحى بعد انفجار السيارة المفخخة."))
    assert (c.killed, c.wounded) == (12, 4)
    # near miss: two figures of the dead are a range, the lower kept (ACLED: the most conservative)
    c = count_casualties(normalize_text("قتل ما بين 5 و7 أشخاص في الهجوم على السوق."))
    assert c.killed == 5
