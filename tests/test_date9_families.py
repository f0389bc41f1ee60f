"""Round 15 (h-date9): past acts told as the time of the news, and their days. Own sentences, never article text."""

from __future__ import annotations

import datetime

from extractor import extract
from extractor.normalize import normalize_key
from extractor.resolve.dates import day_after_head, resolve_event_date

PUB = "2022-11-04"


def _rows(text: str, published: str = PUB):
    return [(r.event_date, r.sub_event_type, r.location) for r in extract(text, published=published)]


# --- "غداة" (the day after): the act after the word came the day before its clause's time ----------------------
def test_the_act_after_ghadat_is_dated_the_day_before_its_clause():
    rows = _rows("انفجرت عبوة ناسفة بدورية للجيش في مدينة الرمادي اليوم. ويأتي هذا التفجير غداة قيام الطيران "
                 "الحربي العراقي بقصف مواقع للمسلحين في مدينة الفلوجة.")
    assert ("2022-11-04", "Remote explosive/landmine/IED", "Ramadi") in rows
    assert ("2022-11-03", "Air/drone strike", "Fallujah") in rows  # not the publication day


def test_the_day_before_counts_from_the_day_the_clause_tells():
    t = normalize_key("قصفت المدفعية المواقع يوم الأربعاء غداة غارات نفذها الطيران")
    pub = datetime.date(2022, 11, 4)
    assert resolve_event_date(t, pub, prefer_near=t.index("غارات"))[0] == datetime.date(2022, 11, 1)
    assert resolve_event_date(t, pub, prefer_near=0)[0] == datetime.date(2022, 11, 2)  # the shelling: its own day


def test_the_clause_act_before_ghadat_is_its_news_not_the_act_after_it():
    # one row for the clause: the shelling told first, with its own day; the air strikes are only its time
    assert _rows("قصفت المدفعية العراقية أمس مواقع المسلحين في مدينة الفلوجة غداة غارات جوية شنها الطيران على "
                 "المدينة.") == [("2022-11-03", "Shelling/artillery/missile attack", "Fallujah")]


def test_near_miss_an_act_with_its_own_day_after_ghadat_keeps_that_day():
    t = normalize_key("تظاهر المئات غداة الهجوم الذي استهدف حاجزا للجيش يوم الثلاثاء")
    pub = datetime.date(2022, 11, 4)
    assert resolve_event_date(t, pub, prefer_near=t.index("الهجوم"))[0] == datetime.date(2022, 11, 1)


def test_near_miss_ghadat_before_a_non_act_leaves_the_act_and_its_day():
    # the killing is told first, with أمس: it keeps its row and its day (the elections are no act)
    assert _rows("قتل خمسة جنود أمس في هجوم مسلح على حاجز للجيش في مدينة الرمادي غداة الانتخابات البرلمانية.") == [
        ("2022-11-03", "Armed clash", "Ramadi")]
    # ... and a comma closes what غداة governs
    assert _rows("غداة الانتخابات البرلمانية، قتل خمسة جنود أمس في هجوم مسلح على حاجز للجيش في مدينة الرمادي.") == [
        ("2022-11-03", "Armed clash", "Ramadi")]


def test_near_miss_an_act_told_first_with_a_day_keeps_its_row_and_day():
    rows = _rows("قتل خمسة جنود في هجوم مسلح على حاجز للجيش في مدينة الرمادي يوم الثلاثاء. وتظاهر المئات في مدينة "
                 "الفلوجة أمس غداة الهجوم.")
    assert ("2022-11-01", "Armed clash", "Ramadi") in rows


def test_ghadat_reaches_a_few_words_and_stops_at_a_comma():
    t = normalize_key("وجاء القصف غداة قيام الجيش التركي بقصف القواعد")
    assert day_after_head(t, t.rindex("بقصف")) == t.index("غداه")
    assert day_after_head(t, t.index("القصف")) is None  # before the word
    t = normalize_key("غداة الانتخابات، قصف الطيران القواعد")
    assert day_after_head(t, t.index("قصف")) is None


def test_the_toll_told_after_the_act_after_ghadat_belongs_to_that_act():
    # the news is a visit (no act); the suicide bombing after غداة keeps its own type, and its toll further on
    # ("وأسفر عن مقتل 31") is that bombing's, not a second act that would outrank it
    assert _rows("يزور رئيس الوزراء مدينة الرمادي اليوم غداة تفجير انتحاري نسبته السلطات الى تنظيم داعش واسفر عن "
                 "مقتل 31 شخصا على الاقل في المدينة.") == [("2022-11-03", "Suicide bomb", "Ramadi")]
