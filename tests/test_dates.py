"""Dates: Arabic phrase + publication date in -> event day and ACLED time_precision out."""

from __future__ import annotations

from datetime import date

import pytest

from extractor.normalize import normalize_text
from extractor.resolve.dates import DateMention, find_dates, is_old_history, resolve_event_date

SUN = date(2025, 4, 6)  # a Sunday


def one(phrase: str, published: date | None = SUN) -> DateMention:
    ms = find_dates(normalize_text(phrase), published)
    assert len(ms) == 1, ms
    return ms[0]


@pytest.mark.parametrize(
    "phrase, expected",
    [
        # weekdays: the most recent such day on or before publication
        ("قصفت الطائرات يوم الجمعة", date(2025, 4, 4)),  # the test: Sunday article, Friday = 2 days before
        ("فجر الجمعة", date(2025, 4, 4)),
        ("مساء السبت", date(2025, 4, 5)),
        ("صباح الاحد", date(2025, 4, 6)),  # the publication day itself
        ("صباح الأحد", date(2025, 4, 6)),
        ("ليلة الخميس", date(2025, 4, 3)),
        ("الاثنين", date(2025, 3, 31)),
        ("الإثنين", date(2025, 3, 31)),
        ("الثلاثاء", date(2025, 4, 1)),
        ("الأربعاء", date(2025, 4, 2)),
        ("وفي يوم الخميس", date(2025, 4, 3)),
        ("الأحد الماضي", date(2025, 3, 30)),  # "last Sunday" said on a Sunday is a week ago
        ("الجمعة الماضية", date(2025, 4, 4)),
        ("أمس السبت", date(2025, 4, 5)),
        # relative words
        ("أمس", date(2025, 4, 5)),
        ("امس", date(2025, 4, 5)),
        ("البارحة", date(2025, 4, 5)),
        ("ليلة أمس", date(2025, 4, 5)),
        ("أمس الأول", date(2025, 4, 4)),
        ("أول أمس", date(2025, 4, 4)),
        ("اليوم", date(2025, 4, 6)),
        ("فجر اليوم", date(2025, 4, 6)),
        ("صباح اليوم", date(2025, 4, 6)),
        ("الليلة", date(2025, 4, 6)),
        ("هذا الصباح", date(2025, 4, 6)),
        ("قبل يومين", date(2025, 4, 4)),
        # absolute dates, both month-name families, year from publication
        ("6 نيسان 2025", date(2025, 4, 6)),
        ("6 أبريل 2025", date(2025, 4, 6)),
        ("4 آب/ أغسطس", date(2024, 8, 4)),  # no year: the one at or before publication
        ("2 نيسان", date(2025, 4, 2)),
        ("2025-04-06", date(2025, 4, 6)),
        ("6/4/2025", date(2025, 4, 6)),  # day first
        ("1 كانون الثاني 2025", date(2025, 1, 1)),
        ("15 تشرين الأول 2024", date(2024, 10, 15)),
        ("3 يونيه 2024", date(2024, 6, 3)),
        ("أول أبريل 2025", date(2025, 4, 1)),
        ("3 الجاري", date(2025, 4, 3)),
    ],
)
def test_day_precision(phrase: str, expected: date) -> None:
    m = one(phrase)
    assert (m.date, m.precision) == (expected, 1)


@pytest.mark.parametrize(
    "phrase, pub, expected, kind",
    [
        ("الجمعة 12 أيلول/سبتمبر الجاري", date(2025, 9, 14), date(2025, 9, 12), "absolute"),
        ("اليوم الجمعة (4 آب/ أغسطس)", date(2017, 8, 4), date(2017, 8, 4), "absolute"),
        ("اليوم (الثلاثاء)", date(2025, 4, 2), date(2025, 4, 1), "weekday"),  # the weekday decides
        ("31 كانون الأول", date(2025, 1, 2), date(2024, 12, 31), "absolute"),  # year rolls back
        ("12 مايو", date(2025, 5, 20), date(2025, 5, 12), "absolute"),
        ("12 أيار", date(2025, 5, 20), date(2025, 5, 12), "absolute"),
    ],
)
def test_combined_and_year(phrase: str, pub: date, expected: date, kind: str) -> None:
    m = one(phrase, pub)
    assert (m.date, m.precision, m.kind) == (expected, 1, kind)


@pytest.mark.parametrize(
    "phrase, expected, precision",
    [
        ("الأسبوع الماضي", date(2025, 3, 27), 2),  # middle of the previous week
        ("الأسبوع الجاري", date(2025, 4, 3), 2),
        ("الشهر الماضي", date(2025, 3, 15), 3),  # middle of the month
        ("في مارس", date(2025, 3, 15), 3),
        ("خلال أيار الماضي", date(2024, 5, 15), 3),
        ("في مارس من العام الماضي", date(2024, 3, 15), 3),
        ("في أيار/مايو 2019", date(2019, 5, 15), 3),
    ],
)
def test_week_and_month_precision(phrase: str, expected: date, precision: int) -> None:
    m = one(phrase)
    assert (m.date, m.precision) == (expected, precision)


@pytest.mark.parametrize("phrase", ["اليوم التالي", "مارس الجيش ضغوطا", "في آب", "قتل 3 أشخاص"])
def test_not_dates(phrase: str) -> None:
    assert [m for m in find_dates(normalize_text(phrase), SUN) if m.kind != "year_only"] == []


def test_span_offset_and_text() -> None:
    text = normalize_text("قصفت الطائرات فجر الجمعة مواقع")
    (m,) = find_dates(text, SUN, offset=100)
    assert text[m.start - 100 : m.end - 100] == m.text == "فجر الجمعه"


def test_year_only_and_old_history() -> None:
    (m,) = find_dates(normalize_text("منذ اندلاع الثورة عام 2011"), SUN)
    assert (m.kind, m.year_only, m.date) == ("year_only", 2011, None)
    assert is_old_history(m, SUN)
    assert not is_old_history(one("عام 2025"), SUN)
    assert is_old_history(one("في مارس من العام الماضي"), SUN)
    assert not is_old_history(one("الشهر الماضي"), SUN)  # March: ended 6 days before
    assert not is_old_history(one("يوم الجمعة"), SUN)
    assert is_old_history(one("6 نيسان 2024"), SUN)
    assert is_old_history(one("أمس"), SUN, days=0)
    assert not is_old_history(one("عام 2011"), None)


def test_resolve_event_date_bases() -> None:
    r = resolve_event_date
    assert r(normalize_text("قتل 3 أشخاص يوم الجمعة"), SUN) == (date(2025, 4, 4), 1, "relative")
    assert r(normalize_text("قتل 3 أشخاص في 4 نيسان 2025"), SUN) == (date(2025, 4, 4), 1, "explicit")
    assert r(normalize_text("قتل 3 أشخاص"), SUN) == (SUN, 1, "published")
    assert r(normalize_text("قتل 3 أشخاص يوم الجمعة"), None) == (None, None, "unresolved")
    assert r(normalize_text("قتل 3 أشخاص"), None) == (None, None, "unresolved")
    # the lead dates the main event; a later sentence without date words inherits it
    art = normalize_text("قصف الطيران مساء السبت قرية في ريف إدلب. وقال المرصد إن 5 أشخاص قتلوا.")
    assert r(normalize_text("وقال المرصد إن 5 أشخاص قتلوا."), SUN, article_text=art) == (date(2025, 4, 5), 1, "published")
    # a dateline a day before publication is the anchor of "اليوم"
    art = normalize_text("صنعاء أول أبريل 2025 (شينخوا) قالت الجماعة إن غارات استهدفت فجر اليوم صعدة.")
    assert r(normalize_text("استهدفت غارات فجر اليوم صعدة"), date(2025, 4, 2), article_text=art)[0] == date(2025, 4, 1)


def test_prefer_near_and_future() -> None:
    text = normalize_text("بعد غارة يوم الخميس، قصفت الطائرات مساء السبت المدينة، وسيعقد اجتماع الأحد المقبل")
    near = text.index("قصفت")
    assert resolve_event_date(text, SUN, prefer_near=near)[0] == date(2025, 4, 5)
    fut = find_dates(text, SUN)[-1]
    assert fut.date == date(2025, 4, 13) and fut.date > SUN
