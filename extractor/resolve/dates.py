"""Event dates: Arabic date expressions -> (day, ACLED time_precision).

Works on *normalised* text (see :mod:`extractor.normalize`). The vocabulary
(month names in their Levantine and Egyptian/Gulf forms, weekdays, relative
words) lives in ``data/dates.yaml``; this module is a small deterministic parser
over it. ``dateparser`` was tried and left out: it does not know most of the
phrasing below (``فجر الجمعة``, ``أيلول/سبتمبر الجاري``, weekday anchoring) and is
two orders of magnitude slower per sentence.

ACLED's ``time_precision``: 1 = the day is known; 2 = only the week (coded to the
middle of the week); 3 = only the month (coded to the 15th).

Hijri dates (``4/8/1436هـ``, ``15 رمضان 1446``) are converted to the Gregorian day
with ``hijridate`` (Umm al-Qura); one it cannot convert stays unresolved, never
read as a Gregorian date. All date arithmetic is bounded: a publication date of
0001-01-01 or 9999-12-31 leaves the expressions that would leave the calendar
unresolved instead of raising.

Anchoring: relative words and weekdays count back from the publication date. A
weekday is the most recent such day on or before publication (``الجمعة`` in an
article published on Sunday = two days before). A day and month without a year
take the year that puts the date nearest on or before publication. When an article opens
with a dateline (``صنعاء أول أبريل 2025 (شينخوا)``) one or two days before the
publication date, relative words count from the dateline instead.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..clause import clause_end
from ..normalize import normalize_key
from ..phrases import clitic_part, clitic_regex, proclitics
from ..rules_schema import load_yaml

_PRIORITY = {"absolute": 3, "weekday": 2, "relative": 1, "year_only": 0}


@dataclass(frozen=True)
class DateMention:
    start: int  # span in the normalised text (offset applied)
    end: int
    text: str
    date: datetime.date | None  # resolved day (middle of week/month for precision 2/3)
    precision: int  # 1 day, 2 week, 3 month
    kind: str  # 'absolute' | 'relative' | 'weekday' | 'year_only'
    year_only: int | None = None


# --------------------------------------------------------------------------- vocabulary
@lru_cache(maxsize=1)
def date_words() -> dict:
    """data/dates.yaml, parsed and schema-checked once (extractor/rules_schema.py); read, never changed."""
    return load_yaml("dates.yaml")


def _alt(words) -> str:
    """Regex alternation, longest first, spaces matching any whitespace."""
    ws = sorted({normalize_key(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws)


@dataclass(frozen=True)
class _Vocab:
    month_of: dict[str, int]
    weekday_of: dict[str, int]
    relative_of: dict[str, dict[str, Any]]
    re_abs_day: re.Pattern
    re_abs_month: re.Pattern
    re_numeric: tuple[re.Pattern, ...]
    re_weekday: re.Pattern
    re_relative: re.Pattern
    re_year: re.Pattern
    re_day_current: re.Pattern
    re_days_ago: re.Pattern
    re_hijri_day: re.Pattern
    re_hijri_tail: re.Pattern
    hijri_month_of: dict[str, int]
    month_current: frozenset
    month_last: frozenset
    month_next: frozenset
    year_current: frozenset
    year_last: frozenset
    weekday_past: frozenset
    weekday_next: frozenset
    ambiguous: frozenset
    first_day: frozenset  # "أول أبريل": day 1
    ordinal_day: dict  # "الثالث من مارس": 3
    re_weeks_ago: re.Pattern | None = None  # "قبل سبعة أسابيع": weeks counted back (dates.yaml weeks_ago)


def _key_set(words) -> frozenset:
    return frozenset(normalize_key(w) for w in words)


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = date_words()  # schema-checked (extractor/rules_schema.py)
    month_of = {normalize_key(w): int(m) for m, ws in data["months"].items() for w in ws}
    weekday_of = {normalize_key(w): int(d) for d, ws in data["weekdays"].items() for w in ws}
    relative_of: dict[str, dict[str, Any]] = {}
    for entry in data["relative"]:
        spec = {k: v for k, v in entry.items() if k != "words"}
        for w in entry["words"]:
            relative_of[normalize_key(w)] = spec
    B, E = r"(?<![\w])" + clitic_regex(proclitics("date").forms), r"(?![\w])"  # clitics: data/clitics.yaml
    month = f"(?:{_alt(month_of)})"
    months = rf"(?P<m1>{month})(?:\s*[/(\-]\s*(?P<m2>{month})\s*\)?)?"
    tail_words = list(data["month_current"]) + list(data["month_last"]) + list(data["month_next"])
    year_rel = list(data["year_current"]) + list(data["year_last"])
    year_words = _alt(data["year_words"])  # "5 أبريل عام 2024"
    tail = (
        rf"(?:\s*(?:,|،)?\s*(?:(?:{year_words})\s+)?(?P<y>\d{{4}})(?!\d)"
        rf"|\s+(?:من\s+)?(?P<yrel>{_alt(year_rel)})"
        rf"|\s+(?P<rel>{_alt(tail_words)}))?"
    )
    day = rf"(?P<d>\d{{1,2}}|{_alt(data['first_day'])})"
    ordinal_day = {normalize_key(w): int(d) for d, ws in (data.get("ordinal_days") or {}).items() for w in ws}
    if ordinal_day:  # "الثالث من مارس": an ordinal day needs من before the month
        day = rf"(?:(?P<d>\d{{1,2}}|{_alt(data['first_day'])})|(?P<od>{_alt(ordinal_day)})(?=\s+من\s))"
    re_abs_day = re.compile(rf"{B}{day}(?:\s+من)?\s*(?:\s|-)\s*(?:شهر\s+)?{months}{tail}{E}")
    cues = _alt(data["month_cues"])
    re_abs_month = re.compile(rf"{B}(?:(?P<cue>{cues})\s+(?:(?:شهر|من)\s+)?)?{months}{tail}{E}")
    re_numeric = (
        re.compile(r"(?<![\d/.:-])(?P<y>\d{4})[-/.:](?P<m>\d{1,2})[-/.:](?P<d>\d{1,2})(?![\d/-])"),
        re.compile(r"(?<![\d/.:-])(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})(?![\d/-])"),
    )
    wpre = _alt(data["weekday_prefixes"])
    wtail = _alt(list(data["weekday_past"]) + list(data["weekday_next"]))
    re_weekday = re.compile(
        rf"{B}(?:(?:{wpre})\s+)?(?P<wd>{_alt(weekday_of)})(?:\s+(?P<wrel>{wtail}))?{E}"
    )
    not_today = _alt(data["not_today_after"])
    rel = _alt(relative_of)
    re_relative = re.compile(rf"{B}(?:في\s+)?(?P<r>{rel}){E}(?!\s+(?:{not_today}){E})")
    re_year = re.compile(rf"{B}(?:{_alt(data['year_cues'])})\s+(?P<y>(?:19|20)\d\d)(?!\d)")
    cur_day = rf"(?P<d>\d{{1,2}})\s+(?:من\s+)?" + (rf"|(?P<od>{_alt(ordinal_day)})\s+من\s+" if ordinal_day else "")
    re_day_current = re.compile(  # "5 من الشهر الجاري", "الخامس من الشهر الجاري"
        rf"{B}(?:{cur_day})(?:(?:الشهر|هذا\s+الشهر)\s+)?(?P<rel>{_alt(data['month_current'])}){E}"
    )
    hijri_month_of = {normalize_key(w): int(m) for m, ws in data["hijri_months"].items() for w in ws}
    markers = _alt(data["hijri_markers"])
    re_hijri_day = re.compile(
        rf"{B}(?P<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?P<hm>{_alt(hijri_month_of)})"
        rf"(?:\s*(?:,|،)?\s*(?:(?:{year_words})\s+)?(?P<y>\d{{4}})(?!\d)(?:\s*(?:{markers}){E})?)?{E}"
    )
    re_hijri_tail = re.compile(rf"\s*(?:{markers}){E}")
    ago = _alt(data.get("days_ago_before") or ["قبل"])  # "قبل ثلاثة أيام", "منذ ثلاثة أيام"
    re_days_ago = re.compile(rf"{B}(?:{ago})\s+(?P<n>\d{{1,2}}|{_alt(_days_ago_numbers())})\s+(?:{_alt(data['days_ago_nouns'])}){E}")
    w = data.get("weeks_ago")
    re_weeks_ago = re.compile(  # "قبل أسبوعين", "قبل سبعة أسابيع" (dates.yaml weeks_ago)
        rf"{B}(?:{ago})\s+(?:(?P<two>{_alt(w['two'])})|(?P<one>{_alt(w['one'])})"
        rf"|(?P<n>\d{{1,2}}|{_alt(_days_ago_numbers())})\s+(?:{_alt(w['plural'])})){E}"
        r"(?!\s+(?:من|على)(?!\w))"  # "قبل أسبوع من الانتخابات": a week before something else, not ago
    ) if w else None
    return _Vocab(
        month_of, weekday_of, relative_of, re_abs_day, re_abs_month, re_numeric, re_weekday, re_relative,
        re_year, re_day_current, re_days_ago, re_hijri_day, re_hijri_tail, hijri_month_of,
        _key_set(data["month_current"]), _key_set(data["month_last"]), _key_set(data["month_next"]),
        _key_set(data["year_current"]), _key_set(data["year_last"]),
        _key_set(data["weekday_past"]), _key_set(data["weekday_next"]), _key_set(data["ambiguous_months"]),
        _key_set(data["first_day"]), ordinal_day, re_weeks_ago,
    )  # fmt: skip


@lru_cache(maxsize=1)
def _days_ago_numbers() -> dict[str, int]:
    """The number words of "قبل ثلاثة أيام" (numbers.yaml: 3 to 7, the plural أيام; a week back at most)."""
    units = load_yaml("numbers.yaml")["units"]
    return {normalize_key(w): int(v) for v, ws in units.items() if 3 <= int(v) <= 7 for w in ws}


# --------------------------------------------------------------------------- calendar helpers
def _safe_date(y: int, m: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def _shift(d: datetime.date | None, days: int) -> datetime.date | None:
    """``d`` moved by ``days``, or None past the ends of the calendar (0001-01-01, 9999-12-31)."""
    if d is None:
        return None
    try:
        return d + datetime.timedelta(days=days)
    except OverflowError:
        return None


def _hijri(y: int, m: int, d: int) -> datetime.date | None:
    """The Gregorian day of a Hijri date, or None where hijridate cannot convert it."""
    from hijridate import Hijri

    try:
        return datetime.date(*Hijri(y, m, d).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def _hijri_year_for(month: int, day: int, published: datetime.date | None) -> int | None:
    """The Hijri year that puts a Hijri day/month nearest on or before publication."""
    if published is None:
        return None
    from hijridate import Gregorian

    try:
        h = Gregorian(published.year, published.month, published.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year - 1 if (month, day) > (h.month, h.day) else h.year


def _year_for(month: int, day: int, published: datetime.date | None) -> int | None:
    """The year that puts day/month nearest on or before publication."""
    if published is None:
        return None
    y = published.year
    if (month, day) > (published.month, published.day):
        y -= 1
    return y


def _month_shift(d: datetime.date, k: int) -> tuple[int, int]:
    idx = d.year * 12 + (d.month - 1) + k
    return idx // 12, idx % 12 + 1


def _month_end(d: datetime.date) -> datetime.date:
    y, mo = _month_shift(d, 1)
    nxt = _safe_date(y, mo, 1)
    return nxt - datetime.timedelta(days=1) if nxt is not None else datetime.date.max


def _weekday_date(wd: int, published: datetime.date | None, rel: str | None, v: _Vocab) -> datetime.date | None:
    if published is None:
        return None
    back = (published.weekday() - wd) % 7
    if rel in v.weekday_past and back == 0:
        back = 7
    if rel in v.weekday_next:
        return _shift(published, (wd - published.weekday()) % 7 or 7)
    return _shift(published, -back)


# --------------------------------------------------------------------------- finding
def _absolute(m: re.Match, published: datetime.date | None, v: _Vocab, with_day: bool):
    month = v.month_of[normalize_key(m.group("m1"))]
    if with_day:
        dtxt = m.group("d")
        if dtxt is None:  # an ordinal day (الثالث من مارس)
            day = v.ordinal_day[re.sub(r"\s+", " ", m.group("od"))]
        else:
            day = 1 if dtxt in v.first_day else int(dtxt)
        if not 1 <= day <= 31:
            return None
    else:
        day = 15
        m1 = normalize_key(m.group("m1"))
        anchored = m.group("cue") or m.group("y") or m.group("yrel") or m.group("rel") or m.group("m2")
        if not anchored or (m1 in v.ambiguous and not (m.group("y") or m.group("m2") or m.group("rel"))):
            return None
    year: int | None = None
    if m.group("y"):
        year = int(m.group("y"))
    elif m.group("yrel") and published is not None:
        year = published.year - (1 if normalize_key(m.group("yrel")) in v.year_last else 0)
    elif m.group("rel") and published is not None:
        rel = normalize_key(m.group("rel"))
        if rel in v.month_current:
            year = published.year
            if month != published.month:  # "12 أيلول الجاري" with a wrong month: trust the name
                year = _year_for(month, day if with_day else 1, published)
        elif rel in v.month_last:
            year = published.year if month < published.month else published.year - 1
        elif rel in v.month_next:
            year = published.year if month > published.month else published.year + 1
    else:
        year = _year_for(month, day if with_day else 1, published)
    if year is None:
        return None, (3 if not with_day else 1)
    d = _safe_date(year, month, day)
    if d is None:
        return None
    return d, (1 if with_day else 3)


@lru_cache(maxsize=1)
def _ordinal_not_after_words() -> frozenset:
    return _key_set(date_words().get("ordinal_not_after") or ())


def _ordinal_not_after(text: str, at: int) -> bool:
    before = text[max(0, at - 20) : at].split()
    return bool(before) and before[-1] in _ordinal_not_after_words()


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _gates() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    r"""What some patterns cannot match without (speed only: a pattern skipped is one that finds nothing):
    a weekday name (re_weekday's ``wd``), a Hijri month name (re_hijri_day's ``hm``), a word that counts days
    back (re_days_ago: dates.yaml ``days_ago_before``). With ``_DIGIT`` (the ``\d`` that re_numeric,
    re_hijri_day and re_year need; re_day_current also reads ordinal days, so it is never gated)."""
    v = _vocab()
    ago = date_words().get("days_ago_before") or ["قبل"]
    return (re.compile(f"(?:{_alt(v.weekday_of)})"), re.compile(f"(?:{_alt(v.hijri_month_of)})"),
            re.compile(f"(?:{_alt(ago)})"))  # fmt: skip


_FOUND: dict = {}  # (text, published, offset) -> find_dates' mentions, for the vocabulary in _FOUND_OF
_FOUND_OF: list = [None]


def find_dates(text: str, published: datetime.date | None, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``text`` (normalised), resolved against ``published``.

    Remembered by the arguments (a pure function of them and the vocabulary): an event's sentence is read by
    ``find_mentions`` and again by its date, the article's head once per event (~54% of the calls on the bench
    sample repeat one)."""
    v = _vocab()
    if _FOUND_OF[0] is not v or len(_FOUND) > 4096:
        _FOUND.clear()
        _FOUND_OF[0] = v
    key = (text, published, offset)
    got = _FOUND.get(key)
    if got is None:
        got = _FOUND[key] = tuple(_find_dates(text, published, offset, v))
    return list(got)


def _find_dates(text: str, published: datetime.date | None, offset: int, v) -> list[DateMention]:
    """:func:`find_dates`, read afresh."""
    cands: list[DateMention] = []
    # a pattern whose necessary part is not in the text finds nothing there (_gates): most sentences hold
    # no digit and no weekday, and scanning them with those patterns was most of this function's time
    digit = _DIGIT.search(text) is not None
    weekday_gate, hijri_gate, ago_gate = _gates()

    def add(m: re.Match, date, prec, kind, year_only=None, group: int | str = 0):
        s, e = m.span(group)
        cands.append(DateMention(s + offset, e + offset, text[s:e], date, prec, kind, year_only))

    for pat in v.re_numeric if digit else ():
        for m in pat.finditer(text):
            y, mo, dd = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            if 1300 <= y <= 1500 or v.re_hijri_tail.match(text, m.end()):
                add(m, _hijri(y, mo, dd), 1, "absolute")  # 4/8/1436هـ: never 4 August 1436
            elif (d := _safe_date(y, mo, dd)) is not None:
                add(m, d, 1, "absolute")
    for m in v.re_hijri_day.finditer(text) if digit and hijri_gate.search(text) else ():
        hm, dd = v.hijri_month_of[normalize_key(m.group("hm"))], int(m.group("d"))
        hy = int(m.group("y")) if m.group("y") else _hijri_year_for(hm, dd, published)
        d = _hijri(hy, hm, dd) if hy is not None and 1 <= dd <= 30 else None
        add(m, d, 1, "absolute")  # unconvertible: a date word all the same, left unresolved
    for m in v.re_abs_day.finditer(text):
        if m.group("od") and _ordinal_not_after(text, m.start("od")):
            continue  # "الأسبوع الثاني من مارس": a week, not the 2nd
        r = _absolute(m, published, v, True)
        if r is not None:
            add(m, r[0], r[1], "absolute")
    for m in v.re_abs_month.finditer(text):
        r = _absolute(m, published, v, False)
        if r is not None:
            add(m, r[0], 3, "absolute")
    for m in v.re_day_current.finditer(text):
        if m.group("od") and _ordinal_not_after(text, m.start("od")):
            continue
        if published is not None:
            day = int(m.group("d")) if m.group("d") else v.ordinal_day[re.sub(r"\s+", " ", m.group("od"))]
            d = _safe_date(published.year, published.month, day)
            if d is not None:
                add(m, d, 1, "absolute")
    for m in v.re_weekday.finditer(text) if weekday_gate.search(text) else ():
        wd = v.weekday_of[normalize_key(m.group("wd"))]
        rel = normalize_key(m.group("wrel")) if m.group("wrel") else None
        add(m, _weekday_date(wd, published, rel, v), 1, "weekday")
    for m in v.re_relative.finditer(text):
        spec = v.relative_of[normalize_key(m.group("r"))]
        d, prec = None, 1
        if published is not None:
            if "days" in spec:
                d = _shift(published, int(spec["days"]))
            elif spec.get("unit") == "week":
                mid = _shift(_shift(published, -published.weekday()), 7 * int(spec["offset"]) + 3)
                d = min(mid, published) if mid is not None else None
                prec = 2
            elif spec.get("unit") == "month":
                y, mo = _month_shift(published, int(spec["offset"]))
                d, prec = _safe_date(y, mo, 15), 3
        else:
            prec = {"week": 2, "month": 3}.get(spec.get("unit", ""), 1)
        add(m, d, prec, "relative", group="r")
    for m in v.re_days_ago.finditer(text) if ago_gate.search(text) else ():
        n = m.group("n")
        k = int(n) if n.isdigit() else _days_ago_numbers()[n]
        add(m, _shift(published, -k), 1, "relative")
    for m in v.re_weeks_ago.finditer(text) if v.re_weeks_ago is not None and ago_gate.search(text) else ():
        n = m.group("n")
        k = 1 if m.group("one") else 2 if m.group("two") else int(n) if n.isdigit() else _days_ago_numbers()[n]
        add(m, _shift(published, -7 * k), 2, "relative")
    for m in v.re_year.finditer(text) if digit else ():
        add(m, None, 3, "year_only", int(m.group("y")))

    # keep the longest, most specific non-overlapping mentions
    cands.sort(key=lambda c: (-(c.end - c.start), -_PRIORITY[c.kind], c.start))
    taken: list[DateMention] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return _cluster(taken, text, offset)


_GAP = re.compile(r"[\s,،()\[\]\-/:\"'«»]*")


def _cluster(ms: list[DateMention], text: str, offset: int) -> list[DateMention]:
    """Adjacent tellings of one date ('اليوم الجمعة (4 آب/ أغسطس)') become one mention.

    The most specific one decides: absolute > weekday > relative.
    """
    out: list[DateMention] = []
    for m in ms:
        if out and m.kind != "year_only" and out[-1].kind != "year_only":
            prev = out[-1]
            gap = text[prev.end - offset : m.start - offset]
            if len(gap) <= 4 and _GAP.fullmatch(gap):
                best = m if _PRIORITY[m.kind] > _PRIORITY[prev.kind] else prev
                if best.date is None and (other := (prev if best is m else m)).date is not None and best.kind != "absolute":
                    best = other
                s, e = prev.start, m.end
                out[-1] = DateMention(s, e, text[s - offset : e - offset], best.date, best.precision, best.kind,
                                      best.year_only)  # fmt: skip
                continue
        out.append(m)
    return out


# --------------------------------------------------------------------------- event dates
_DATELINE_TAIL = re.compile(r"\s*[(\-]")


def article_anchor(article_text: str | None, published: datetime.date | None,
                   month_only: bool = False) -> datetime.date | None:
    """The day the report was written: a dateline 0-2 days before publication (or, when only the
    month of publication is known, a dateline in that month), else publication."""
    if not article_text or published is None:
        return published
    head = article_text[:400]
    for m in find_dates(head, None):
        if m.kind != "absolute" or m.date is None or m.precision != 1:
            continue
        if not _DATELINE_TAIL.match(head, m.end):
            continue
        if 0 < (published - m.date).days <= 2:
            return m.date
        if month_only and (m.date.year, m.date.month) == (published.year, published.month):
            return m.date  # a month-precision publication date, and the dateline gives the day
    return published


def _lead_date(article_text: str, published: datetime.date | None) -> DateMention | None:
    """The date the article gives its main event in the opening lines."""
    head = article_text[:600]
    for m in find_dates(head, published):
        if m.kind == "year_only" or m.date is None:
            continue
        if published is not None and not 0 <= (published - m.date).days <= 7:
            continue
        return m
    return None


@lru_cache(maxsize=1)
def _reporting_res() -> tuple[re.Pattern, re.Pattern]:
    data = date_words()  # schema-checked (extractor/rules_schema.py)
    verbs = _alt({normalize_key(w) for w in data["reporting_verbs"]})
    comps = _alt({normalize_key(w) for w in data["complementisers"]})
    conj = clitic_regex(clitic_part("conjunction"))  # و ف (data/clitics.yaml)
    return re.compile(rf"(?<![\w]){conj}(?:{verbs})(?![\w])"), re.compile(rf"(?<![\w])(?:{comps})(?![\w])")


@lru_cache(maxsize=1)
def _other_event_re() -> re.Pattern:
    """A head noun of dates.yaml's ``other_event_heads`` and at most two words after it, ending where a
    date may start: "مخلفات انفجار " before "يوم الثلاثاء"."""
    heads = _alt(date_words().get("other_event_heads") or ["\uffff"])
    conj = clitic_regex(proclitics("date").forms)
    return re.compile(rf"(?<![\w]){conj}(?:{heads})(?:\s+[^\W\d_]+){{1,2}}\s+$")


def dates_another_event(sentence_text: str, m_start: int, trigger_at: int) -> bool:
    """Whether the date starting at ``m_start`` (sentence coordinates) follows "head noun + event noun"
    ("مخلفات انفجار يوم الثلاثاء"), away from the trigger at ``trigger_at``: it dates that other event."""
    lo = max(0, m_start - 60)
    hit = _other_event_re().search(sentence_text[lo:m_start])
    return hit is not None and not (lo + hit.start() <= trigger_at < m_start)


def reporting_clause(sentence_text: str, before: int) -> tuple[int, int] | None:
    """Span (in sentence coordinates) of the reporting clause that frames position ``before``.

    ``قالت القيادة في بيان، الأحد، إن الضربة`` -> the span from ``قالت`` to ``إن``.
    """
    verb_re, comp_re = _reporting_res()
    verb = verb_re.search(sentence_text, 0, before)
    if verb is None:
        return None
    comp = None
    for c in comp_re.finditer(sentence_text, verb.end(), before):
        comp = c
    if comp is None:
        return None
    return verb.start(), comp.start()


def _act_day_over_speech(ms: list, sentence_text: str, offset: int, at: int) -> list:
    """"أعلن الوزير أمس الأحد اعتقال المتورطين بالتفجير الذي استهدف البلدة الجمعة": a day told between a reporting
    verb and its object (a masdar, no complementiser: :func:`reporting_clause` reads those with one) dates the
    statement; when the act's own clause, after the trigger at ``at`` and before the next boundary mark, gives a
    day too, that day is the act's and the speaker's is left out. A speaker's day alone stays the row's day
    ("أعلن الجيش أمس مقتل 10 مسلحين": the act told that day)."""
    verb_re, _ = _reporting_res()
    verbs = list(verb_re.finditer(sentence_text, 0, at))
    if not verbs:
        return ms
    lo = verbs[-1].end()
    hi = clause_end(sentence_text, at)
    spoken = [m for m in ms if lo <= m.start - offset and m.end - offset <= at]
    own = [m for m in ms if at < m.start - offset and m.end - offset <= hi and m.date is not None]
    if not (spoken and own):
        return ms
    return [m for m in ms if m not in spoken]


def resolve_event_date(
    sentence_text: str,
    published: datetime.date | None,
    *,
    article_text: str | None = None,
    offset: int = 0,
    prefer_near: int | None = None,
    published_precision: int = 1,
) -> tuple[datetime.date | None, int | None, str]:
    """(date, time_precision, basis) for an event told in ``sentence_text``.

    basis: 'explicit' (an absolute date), 'relative' (weekday, yesterday ...),
    'published' (no date words: the report date, or the date the article's lead
    gives its main event), 'unresolved' (nothing to anchor relative words on:
    with no publication date, a sentence without date words stays unresolved
    rather than borrow a date from the lead).

    ``published_precision`` 3: only the month of publication is known (``published``
    is its 15th, as ACLED codes months). A dateline in that month gives the day;
    otherwise dates counted from publication (yesterday, Friday, no date words)
    are known to the month only (time_precision 3), and a day and month without
    a year are placed before the end of that month.
    """
    month_only = published_precision == 3 and published is not None
    anchor = article_anchor(article_text, published, month_only)
    if month_only and anchor == published:
        coarse = published  # what a date counted from publication can say: this month
        anchor = _month_end(published)
    else:
        coarse = None
    day, precision, basis = _resolve(sentence_text, anchor, article_text, offset, prefer_near)
    if coarse is not None and basis in ("relative", "published") and (precision or 0) < 3:
        return coarse, 3, basis
    return day, precision, basis


@lru_cache(maxsize=1)
def _days_after_re() -> re.Pattern:
    """ "بعد يومين من", "بعد ثلاثة أيام من", "بعد أسبوع من" right before a trigger: the event after من came
    that many days before the time of the clause (dates.yaml days_after)."""
    data = date_words()
    spec = data.get("days_after") or {}
    counts = {normalize_key(w): int(n) for n, ws in (spec.get("counts") or {}).items() for w in ws}
    nums = _alt(_days_ago_numbers())
    nouns = _alt(data["days_ago_nouns"])
    heads = _alt(spec.get("heads") or ["\uffff"])
    links = _alt(spec.get("links") or ["\uffff"])
    alt = _alt(counts) if counts else "\uffff"
    rx = re.compile(rf"(?<![\w])(?:{heads})\s+(?:(?P<c>{alt})|(?P<n>\d{{1,2}}|{nums})\s+(?:{nouns}))\s+(?:{links})\s+$")
    return rx, counts


def _days_after(sentence_text: str, at: int) -> int | None:
    """The days back of "بعد يومين من <trigger>" when the trigger at ``at`` (sentence coordinates) follows it."""
    rx, counts = _days_after_re()
    m = rx.search(sentence_text[max(0, at - 40) : at])
    if m is None:
        return None
    if m.group("c"):
        return counts[re.sub(r"\s+", " ", m.group("c"))]
    n = m.group("n")
    return int(n) if n.isdigit() else _days_ago_numbers().get(n)


@lru_cache(maxsize=1)
def _day_after_re() -> tuple[re.Pattern | None, int]:
    """dates.yaml day_after: the word for "the day after" (غداة) as a whole word, and the window of words."""
    spec = date_words().get("day_after") or {}
    if not spec.get("words"):
        return None, 0
    return re.compile(rf"(?<![\w])(?:و)?(?:{_alt(spec['words'])})(?![\w])"), int(spec["window"])


_DAY_AFTER_CLAUSE_MARKS = ",،;؛.:"  # what ends the clause "غداة" governs


def _day_after_word(sentence_text: str, at: int) -> re.Match | None:
    """The "غداة" (dates.yaml day_after) that governs the trigger at ``at`` (sentence coordinates): the last one
    before it, with no comma or other clause mark between. None when there is none."""
    rx, _ = _day_after_re()
    if rx is None:
        return None
    heads = [m for m in rx.finditer(sentence_text, 0, max(0, at)) if m.start() < at]
    if not heads or any(c in sentence_text[heads[-1].end() : at] for c in _DAY_AFTER_CLAUSE_MARKS):
        return None
    return heads[-1]


def day_after_head(sentence_text: str, at: int) -> int | None:
    """Where "غداة" stands before the trigger at ``at``, at most ``window`` words before it ("غداة قيام الجيش بقصف
    القواعد"). The act after the word is the time of the clause's news, the day before it. None when it is not there."""
    h = _day_after_word(sentence_text, at)
    if h is None or len(sentence_text[h.end() : at].split()) > _day_after_re()[1]:
        return None
    return h.start()


def told_after_day_after(sentence_text: str, at: int) -> bool:
    """Whether the trigger at ``at`` stands anywhere after "غداة" in the same clause: the whole clause the word
    governs is the earlier act, its toll too ("غداة تفجير انتحاري ... وأسفر عن مقتل 31"), however far it runs; only
    its first words (``day_after_head``'s window) date it."""
    return _day_after_word(sentence_text, at) is not None


def _resolve(
    sentence_text: str,
    anchor: datetime.date | None,
    article_text: str | None,
    offset: int,
    prefer_near: int | None,
    day_after: bool = True,
) -> tuple[datetime.date | None, int | None, str]:
    if prefer_near is not None and anchor is not None:
        back = _days_after(sentence_text, prefer_near - offset)
        if back is not None and 0 < back <= 14:  # "يأتي هذا التهديد بعد يومين من مجزرة": the massacre, 2 days back
            return _shift(anchor, -back), 1, "relative"
        head = day_after_head(sentence_text, prefer_near - offset) if day_after else None
        if head is not None and not any(  # no date told after غداة: none is the act's own ("غداة الهجوم يوم الخميس")
            m.start - offset > head for m in find_dates(sentence_text, anchor, offset) if m.kind != "year_only"
        ):
            # "قصفت المدفعية أمس المواقع غداة غارات نفذها الطيران": the strikes came the day before the clause's day
            day, precision, basis = _resolve(sentence_text, anchor, article_text, offset, offset + head, False)
            if day is not None and precision == 1:
                return _shift(day, -1), 1, "relative"
            return day, precision, basis
    ms = [m for m in find_dates(sentence_text, anchor, offset) if m.kind != "year_only"]
    if ms and prefer_near is not None:
        clause = reporting_clause(sentence_text, prefer_near - offset)
        if clause is not None:  # the statement's date, not the event's
            ms = [m for m in ms if not (clause[0] <= m.start - offset and m.end - offset <= clause[1])]
        # "ومخلفات انفجار يوم الثلاثاء الماضي": the day of another, earlier event
        ms = [m for m in ms if not dates_another_event(sentence_text, m.start - offset, prefer_near - offset)]
        ms = _act_day_over_speech(ms, sentence_text, offset, prefer_near - offset)
    if ms:
        usable = [m for m in ms if m.date is None or anchor is None or m.date <= anchor]
        pool = usable or ms
        if prefer_near is not None:

            def dist(x: DateMention) -> tuple[int, int]:
                lo, hi = sorted((x.end if x.end <= prefer_near else x.start, prefer_near))
                between = sentence_text[max(0, lo - offset) : max(0, hi - offset)]
                clause = 60 if any(c in between for c in ",،;؛") else 0
                return (0 if x.date is not None else 1, hi - lo + clause)

            m = min(pool, key=dist)
        else:
            m = next((x for x in pool if x.date is not None), pool[0])
        if m.date is None:
            return None, None, "unresolved"
        day = m.date
        if anchor is not None and day > anchor and m.precision > 1:
            day = anchor  # "مطلع الشهر الجاري" told on the 10th: the middle of the month has not come yet
        return day, m.precision, "explicit" if m.kind == "absolute" else "relative"
    if article_text and anchor is not None:
        lead = _lead_date(article_text, anchor)
        if lead is not None:
            return lead.date, lead.precision, "published"
    if anchor is None:
        return None, None, "unresolved"
    return anchor, 1, "published"


def is_old_history(m: DateMention, published: datetime.date | None, days: int = 30) -> bool:
    """Whether the mention lies wholly more than ``days`` days before publication."""
    if published is None:
        return False
    if m.kind == "year_only":
        if m.year_only is None or not 1 <= m.year_only <= 9999:
            return False
        return (published - datetime.date(m.year_only, 12, 31)).days > days
    if m.date is None:
        return False
    last = m.date
    if m.precision == 2:
        last = _shift(m.date, 3) or m.date
    elif m.precision == 3:
        last = _month_end(m.date)
    return (published - last).days > days
