"""Fatalities that follow the wrong words (issue 9, round 17, h-dup11): sentences of our own.

A death verb whose figure stands after the act's circumstance ("وقتل خلال المواجهات في الحي 28 شخصا") or after the
killers and the day ("قتلت قوات الشرطة أمس الثلاثاء 21 مسلحا"); each family with the near misses that must keep
their count (a distance, a date, a year, a period, the companions of one man killed)."""

from __future__ import annotations

import pytest

from extractor.normalize import normalize_text
from extractor.resolve.fatalities import count_casualties


def killed(sentence: str) -> int | None:
    return count_casualties(normalize_text(sentence)).killed


@pytest.mark.parametrize(
    "text, n",
    [
        # the circumstance between the passive verb and its figure
        ("وقتل خلال الاشتباكات في حي الشيخ عثمان 19 شخصا، بينهم 12 من المسلحين.", 19),
        ("وقتل إثر القصف أكثر من خمسة عشر مدنيا في السوق.", 15),
        ("قتل في هذه الغارات سبعة مسلحين من التنظيم.", 7),
        ("وقتل جراء الانفجار نحو 30 شخصا قرب الجامع.", 30),
        ("قتل أثناء المواجهات أمس ثلاثة من عناصر الأمن.", 3),
        ("وقتل خلال المعارك 8 حوثيين و4 من المقاومة.", 12),
    ],
)
def test_a_circumstance_between_the_death_verb_and_its_figure(text: str, n: int) -> None:
    assert killed(text) == n


@pytest.mark.parametrize(
    "text, n",
    [
        # a distance, a date, a year: no count of the dead
        ("قتل في بلدة تقع على مسافة 40 كيلومترا من العاصمة.", None),
        ("قتل في غارة نفذت في 12 يوليو في ريف المدينة.", None),
        ("قتل في أبريل 2013 خلال معارك في الريف.", None),
        # a period: the toll of a war is no figure of the act (and منذ is no circumstance word)
        ("وقتل منذ بداية الحرب قبل ستة أشهر نحو ثلاثة آلاف شخص.", None),
        # one man killed with his companions: the two are not the dead's count
        ("قتل في غارة استهدفته مع اثنين من مرافقيه قرب المطار.", None),
        # a figure right after the verb and a singular victim keep their old reading
        ("قتل شاب في 3 غارات.", 1),
        ("قتل 4 جنود خلال المعارك في 3 قرى.", 4),
    ],
)
def test_circumstance_near_misses(text: str, n: int | None) -> None:
    assert killed(text) == n


@pytest.mark.parametrize(
    "text, n",
    [
        # the killers, then the day, then the figure
        ("قتلت قوات الشرطة المصرية أمس الثلاثاء 21 مسلحا في اشتباكات قرب العريش.", 21),
        ("قتل الجيش اليوم 6 من عناصر الجماعة في هجوم على مواقعهم.", 6),
        ("قتلت قوات الأمن أمس 4 مسلحين في كمين.", 4),
    ],
)
def test_the_day_after_the_killers(text: str, n: int) -> None:
    assert killed(text) == n


@pytest.mark.parametrize(
    "text, n",
    [
        # the figure after the day is a date: not the dead's count
        ("قتلت قوات الجيش السبت 25 يوليو مسلحا في المدينة.", 1),
        # no day: as before
        ("قتلت قوات الاحتلال ثلاثة شبان في جنين.", 3),
    ],
)
def test_the_day_after_the_killers_near_misses(text: str, n: int) -> None:
    assert killed(text) == n


@pytest.mark.parametrize(
    "text, n",
    [
        # the day right after the death verb, then the one killed (a title and a name, or a noun)
        ("قتل اليوم القائد الميداني أبو خالد في قصف على مواقع الجماعة.", 1),
        ("قتلت أمس الخميس مسلحا متشددا واعتقلت 9 آخرين في مداهمة.", 1),
        ("قتل أمس ضابط وجنديان في هجوم على الحاجز.", 3),
    ],
)
def test_the_day_then_the_one_killed(text: str, n: int) -> None:
    assert killed(text) == n


@pytest.mark.parametrize(
    "text, n",
    [
        # the day, then where or how: no victim named
        ("قتل أمس في غارة على البلدة.", None),
        ("قتل الخميس الماضي خلال المعارك في الريف.", None),
        ("قتل أمس الأول في كمين.", None),
        # the day, then the figure: as before
        ("قتل أمس ستة على الأقل في الهجوم.", 6),
    ],
)
def test_the_day_then_no_victim(text: str, n: int | None) -> None:
    assert killed(text) == n


@pytest.mark.parametrize(
    "text, n",
    [
        # a verb whose victims stand before it keeps them: the day or the circumstance after it names no one
        ("وكان سبعة جنود قتلوا أمس الجمعة المنصرمة بنيران القناصة.", 7),
        ("وأفاد المصدر بأن 11 شخصا قتلوا اليوم الخميس الفائت في المدينة.", 11),
        ("وذكر أن تسعة مدنيين قتلوا خلال القصف في 3 أحياء.", 9),
    ],
)
def test_victims_before_the_verb_stay(text: str, n: int) -> None:
    assert killed(text) == n


def test_the_first_named_after_the_verb_is_still_one_killed() -> None:
    # "الأول" right after the verb is a victim (the first of two men); after a day it qualifies the day
    assert killed("قتل الأول برصاص قناص وأصيب الثاني.") == 1
    assert killed("قتل أمس الأول في كمين على الطريق.") is None
