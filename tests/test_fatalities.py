"""Fatalities: sentence in -> killed / wounded out, under ACLED's rules."""

from __future__ import annotations

import pytest

from extractor.normalize import normalize_text
from extractor.resolve.fatalities import Casualties, count_casualties, merge_fatalities, parse_number


def cas(sentence: str) -> Casualties:
    return count_casualties(normalize_text(sentence))


@pytest.mark.parametrize(
    "text, value",
    [
        ("3", 3), ("1,000", 1000), ("٣", 3), ("١٢", 12),
        ("واحد", 1), ("إحدى", 1), ("اثنان", 2), ("اثنين", 2), ("اثنتين", 2),
        ("ثلاثة", 3), ("ثلاث", 3), ("ثمانية", 8), ("عشرة", 10),
        ("أحد عشر", 11), ("اثنا عشر", 12), ("ثلاث عشرة", 13), ("تسعة عشر", 19),
        ("عشرون", 20), ("عشرين", 20), ("خمسة وعشرون", 25), ("ثلاثة وأربعين", 43),
        ("مئة", 100), ("مائة", 100), ("مئتين", 200), ("ثلاثمائة", 300), ("ثلاث مئة", 300),
        ("ثلاثمائة وخمسون", 350), ("ألف", 1000), ("ألفين", 2000), ("ثلاثة آلاف", 3000),
        ("20 ألف", 20000), ("نصف مليون", 500000),
    ],
)  # fmt: skip
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["قتلى", "مئات", "عشرات", "نصف", "الجمعة", ""])
def test_parse_number_none(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "sentence, killed, wounded",
    [
        ("أسفر القصف عن مقتل 3 أشخاص وإصابة 5 آخرين", 3, 5),
        ("استشهد 9 مواطنين وأصيب 25 آخرون جراء قصف إسرائيلي", 9, 25),
        ("قُتل 17 شخصًا وأصيب 25 آخرون جراء قصف", 17, 25),
        ("أسفرت الغارة عن مقتل أسامة المهاجر", 1, None),  # a named person
        ("مقتل شخص وإصابة آخر", 1, 1),
        ("مصرع جنديين في هجوم", 2, None),  # dual
        ("مقتل شخصين", 2, None),
        ("قتيلان وثلاثة جرحى", 2, 3),
        ("استشهد فلسطينيان برصاص الاحتلال", 2, None),
        ("مقتل مدنيين اثنين", 2, None),
        ("قتل ثلاثة على الأقل", 3, None),
        ("مقتل ما لا يقل عن 12 شخصا", 12, None),
        ("قتل 30 شخصاً على الأقل، اليوم السبت", 30, None),
        ("ارتفع عدد القتلى إلى 20", 20, None),
        ("ارتفعت حصيلة الشهداء إلى 20 شهيدا", 20, None),
        ("سقوط بين 5 و 7 قتلى", 5, None),  # the most conservative figure
        ("20 قتيلا و40 جريحا", 20, 40),
        ("لقي 5 أشخاص حتفهم", 5, None),
        ("قتلت القوات 5 مسلحين", 5, None),
        ("انتشال 5 جثث من تحت الأنقاض", 5, None),
        ("ثلاث نساء وستة أطفال من أسرة واحدة قتلوا اليوم الجمعة في غارة", 9, None),
        ("مسلحين قتلوا رجلاً واختطفوا 18 امرأة", 1, None),
        ("أسفر عن استشهاد أربعة مدنيين، بينهم امرأتان، وإصابة 25 آخرين، بينهم 11 امرأة", 4, 25),
        ("بمقتل وإصابة 11 مدنياً، وأسفرت عن مقتل اثنين وإصابة تسعة آخرين", 2, 9),
        ("مقتل 46 شخصا وإصابة 143 آخرين", 46, 143),
        ("أصيب ثلاثة جنود بجروح", None, 3),
        ("قتل 3 جنود ولم يقتل أي مدني", 3, None),
        ("قتل ثلاث نساء وستة أطفال من أسرة واحدة في غارة", 9, None),  # groups joined by و add up
        ("قتل 3 جنود و2 مدنيين", 5, None),
        ("مقتل 3 أشخاص و5 جرحى", 3, 5),  # the second group is the wounded
        ("وقتل مقاتلوها ما لا يقل عن 19 مدنيا", 19, None),  # subject between verb and figure
        ("مقتل على الأقل 5 أشخاص", 5, None),
        ("اطلقوا النار على رجل وأردوه قتيلا وأصابوا زوجته", 1, 1),
        # the act of killing, not a count
        ("بتهم القتل ومحاولة القتل", None, None),
        ("وتنفذ أعمال قتل على أساس الهوية", None, None),
        ("وأضاف أن الجثث نقلت إلى المشرحة", None, None),
        # no figure
        ("قصفت المدفعية المدينة", None, None),
        ("اندلعت مواجهات بين الشبان وقوات الاحتلال", None, None),
    ],
)
def test_exact_counts(sentence: str, killed: int | None, wounded: int | None) -> None:
    c = cas(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)
    if killed:
        assert c.exact


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("أدى القصف إلى سقوط قتلى وجرحى", 3),
        ("أكدت سقوط عدد من القتلى من دون تحديد عددهم", 3),
        ("سقط عشرات القتلى", 12),
        ("سقوط مئات الضحايا", 100),
        ("آلاف القتلى", 1000),
        ("كبد القوات المهاجمة خسائر في الأرواح", 3),
        ("أسفر عن سقوط ضحايا", 3),
        ("مقتل مدنيين في القصف", 3),  # sound plural without a number
        ("بمقتل وإصابة 11 مدنياً", 3),  # a combined figure: at most 3 dead is the safe reading
    ],
)
def test_vague_counts(sentence: str, killed: int) -> None:
    c = cas(sentence)
    assert c.killed == killed and not c.exact


@pytest.mark.parametrize(
    "sentence, killed, wounded",
    [
        ("وقع الانفجار ولم يسفر عن وقوع إصابات", 0, 0),
        ("سقطت القذيفة دون وقوع إصابات", 0, 0),
        ("لا إصابات", 0, 0),
        ("لم يقتل أي مدني في الغارة", 0, None),
    ],
)
def test_zero(sentence: str, killed: int, wounded: int | None) -> None:
    c = cas(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


def test_suicide_bomber_counts() -> None:
    assert cas("فجر انتحاري نفسه قرب حاجز").killed == 1
    assert cas("إرهابيا فجر نفسه صباح الاحد").killed == 1


def test_spans_and_offset() -> None:
    text = normalize_text("قال مصدر إن 3 أشخاص قتلوا وأصيب 5 آخرون")
    c = count_casualties(text, offset=50)
    s, e = c.killed_span
    assert "3" in text[s - 50 : e - 50] and "قتلوا" in text[s - 50 : e - 50]
    s, e = c.wounded_span
    assert text[s - 50 : e - 50].startswith("واصيب 5")


def test_merge_fatalities() -> None:
    assert merge_fatalities([12, 9, None, 15]) == 9  # the lowest reported figure
    assert merge_fatalities([None, None]) == 0
    assert merge_fatalities([]) == 0
    assert merge_fatalities([0, 4]) == 0


@pytest.mark.parametrize("text, killed", [
    ("قتلت قوات الاحتلال ثلاثة شبان في جنين.", 3),          # two-word subject between verb and figure
    ("قتل الجيش الإسرائيلي 5 فلسطينيين.", 5),
    ("قتلت غارة إسرائيلية 7 أشخاص.", 7),
    ("أعدم مسلحو داعش خمسة رعاة في بادية السخنة.", 5),
    ("قتل شاب في 3 غارات.", 1),                             # a preposition ends the subject: 3 is not a toll
])
def test_a_subject_between_the_killing_verb_and_its_figure(text, killed):
    assert count_casualties(normalize_text(text)).killed == killed


@pytest.mark.parametrize("text, killed", [
    ("قتل رجل وامرأة في القصف.", 2),
    ("مقتل رجل وامرأة وطفل.", 3),
    ("قتل شاب وأصيب آخر.", 1),   # the second verb starts another count
])
def test_victims_joined_by_wa_count_one_each(text, killed):
    assert count_casualties(normalize_text(text)).killed == killed
