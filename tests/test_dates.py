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


# --------------------------------------------------------------------------- issue 15.3: wrong dates that look exact
@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("في 4/8/1436هـ", date(2015, 5, 22)),  # Hijri, numeric with the هـ mark: never 4 August 1436
        ("في 4/8/1436 هـ", date(2015, 5, 22)),
        ("في 4/8/1436", date(2015, 5, 22)),  # no news is dated 1436 CE: Hijri even unmarked
        ("يوم 15 رمضان 1446", date(2025, 3, 15)),
        ("يوم 15 رمضان 1446 هجرية", date(2025, 3, 15)),
        ("في 15 رمضان", date(2025, 3, 15)),  # no year: the Hijri year nearest before publication
        ("في 10 ذو الحجة", date(2024, 6, 16)),  # Eid al-Adha 1445, the last one before April 2025
        # Moroccan month names
        ("يوم 12 شتنبر", date(2024, 9, 12)),
        ("في 3 غشت 2024", date(2024, 8, 3)),
        ("في 20 يوليوز", date(2024, 7, 20)),
        ("في 2 نونبر", date(2024, 11, 2)),
        ("في 20 دجنبر", date(2024, 12, 20)),
        ("في 2 أبريل", date(2025, 4, 2)),
    ],
)
def test_hijri_and_maghreb_dates(phrase, expected):
    m = one(phrase)
    assert (m.date, m.precision, m.kind) == (expected, 1, "absolute")


def test_a_hijri_date_out_of_range_stays_unresolved_not_gregorian():
    m = one("في 4/8/1200هـ")
    assert m.date is None
    assert resolve_event_date(normalize_text("قصفت الطائرات المدينة في 4/8/1200هـ"), SUN)[0] is None


def test_day_and_month_take_the_year_nearest_before_publication():
    assert one("في 5 أبريل").date == date(2025, 4, 5)
    assert one("في 7 أبريل").date == date(2024, 4, 7)  # the day after publication: last year's


def test_without_a_publication_date_a_sentence_without_date_words_stays_unresolved():
    lead = normalize_text("صنعاء 3 أبريل 2025 (شينخوا) قصفت الطائرات سوق المدينة. وقتل في القصف خمسة.")
    sent = normalize_text("وقتل في القصف خمسة.")
    assert resolve_event_date(sent, None, article_text=lead) == (None, None, "unresolved")
    # with one, the lead's date still tells the main event's day
    assert resolve_event_date(sent, SUN, article_text=lead)[0] == date(2025, 4, 3)


def test_a_month_only_publication_date_gives_month_precision():
    mid = date(2021, 12, 15)
    assert resolve_event_date(normalize_text("قصفت الطائرات القرية أمس"), mid, published_precision=3) == (
        mid, 3, "relative")  # fmt: skip
    assert resolve_event_date(normalize_text("قصفت الطائرات القرية"), mid, published_precision=3) == (
        mid, 3, "published")  # fmt: skip
    # a full date in the sentence is still a day, in the right year
    assert resolve_event_date(normalize_text("قصفت الطائرات القرية في 20 ديسمبر"), mid, published_precision=3) == (
        date(2021, 12, 20), 1, "explicit")  # fmt: skip
    # a dateline in that month gives the day to count from
    art = normalize_text("دمشق 20 ديسمبر 2021 (سانا) قصفت الطائرات القرية أمس.")
    assert resolve_event_date(normalize_text("قصفت الطائرات القرية أمس"), mid, article_text=art,
                              published_precision=3)[:2] == (date(2021, 12, 19), 1)  # fmt: skip


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)])
@pytest.mark.parametrize("phrase", ["أمس", "الجمعة المقبلة", "الأسبوع الماضي", "الشهر المقبل", "قبل 3 أيام",
                                    "في 5 أبريل", "10 أبريل المقبل", "منذ عام 2011", "في 15 رمضان"])
def test_date_arithmetic_at_the_ends_of_the_calendar_does_not_raise(published, phrase):
    text = normalize_text(f"قصفت الطائرات القرية {phrase}")
    for m in find_dates(text, published):
        is_old_history(m, published)
    resolve_event_date(text, published, article_text=text)


@pytest.mark.parametrize("phrase, weeks", [("قبل أسبوع", 1), ("قبل أسبوعين", 2), ("قبل سبعة أسابيع", 7),
                                           ("قبل 3 أسابيع", 3)])  # fmt: skip
def test_weeks_ago_are_dated_to_the_week(phrase, weeks):
    """dates.yaml weeks_ago: a week is precision 2 (ACLED: the week is known, not the day)."""
    published = date(2024, 3, 20)
    got = resolve_event_date(normalize_text(f"قصفت الطائرات القرية {phrase}"), published)
    assert got[:2] == (date.fromordinal(published.toordinal() - 7 * weeks), 2)


def test_a_week_before_something_else_is_not_a_week_ago():
    published = date(2024, 3, 20)
    got = resolve_event_date(normalize_text("قصفت الطائرات القرية قبل أسبوع من الانتخابات"), published)
    assert got[:2] != (date(2024, 3, 13), 2)


@pytest.mark.parametrize("phrase, days", [("قبل ثلاثة أيام", 3), ("قبل خمس أيام", 5), ("قبل سبعة أيام", 7),
                                          ("قبل 4 أيام", 4), ("قبل 10 يوما", 10)])  # fmt: skip
def test_days_ago_in_words_or_digits(phrase, days):
    """The number words are numbers.yaml's (3 to 7), the day nouns dates.yaml's days_ago_nouns."""
    published = date(2024, 3, 20)
    got = resolve_event_date(normalize_text(f"قصفت الطائرات القرية {phrase}"), published)
    assert got[:2] == (date(2024, 3, 20 - days), 1)
