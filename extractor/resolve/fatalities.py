"""Casualties: deaths and injuries told in a sentence, under ACLED's fatality rules.

Works on *normalised* text (see :mod:`extractor.normalize`). Vocabulary lives in
``data/numbers.yaml`` (number words) and ``data/casualties.yaml`` (death and
injury words, vague quantities, "no casualties" phrases).

ACLED's rules as applied here:

- the figure is the most conservative one reported (``بين 5 و7`` -> 5; several
  reports of one event -> the lowest, :func:`merge_fatalities`);
- deaths reported without a number: a plural (``قتلى``, ``عدد من القتلى``,
  ``خسائر في الأرواح``) -> 3, ``عشرات`` -> 12, ``مئات`` -> 100, ``آلاف`` -> 1000
  (``exact=False``); a singular or a named victim -> 1; a dual -> 2;
- injuries are counted apart and are never fatalities;
- ``لم يسفر عن إصابات`` / ``لم يقتل أي مدني`` -> 0 when nothing else says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..normalize import normalize_key, normalize_text
from ..phrases import clitic_part, clitic_regex, proclitics
from ..rules_schema import load_yaml
from ..segment import Token, tokenize

_new_token = tuple.__new__  # a Token without the named tuple's Python-level __new__ (speed only)


@dataclass(frozen=True)
class Casualties:
    killed: int | None  # None when the text says nothing about deaths
    wounded: int | None
    killed_span: tuple[int, int] | None = None
    wounded_span: tuple[int, int] | None = None
    exact: bool = True  # False when a vague word rule (3/12/100) was applied


# --------------------------------------------------------------------------- vocabulary
def _load(name: str) -> dict:
    return load_yaml(name)  # schema-checked (extractor/rules_schema.py)


def _keys(words) -> frozenset[str]:
    return frozenset(normalize_key(str(w)) for w in words)


@dataclass(frozen=True)
class _Numbers:
    units: dict[str, int]
    teen: frozenset[str]
    tens: dict[str, int]
    hundreds: dict[str, int]
    scales: dict[str, int]
    scale_duals: dict[str, int]
    half: frozenset[str]
    vague_scales: frozenset[str]  # "مئات", "آلاف" alone: vague words, not 100 or 1000
    one_adjective: frozenset[str]  # "من أسرة واحدة": an adjective, not a count


@lru_cache(maxsize=1)
def _numbers() -> _Numbers:
    d = _load("numbers.yaml")

    def table(key: str) -> dict[str, int]:
        return {normalize_key(w): int(v) for v, ws in d[key].items() for w in ws}

    return _Numbers(table("units"), _keys(d["teen"]), table("tens"), table("hundreds"), table("scales"),
                    table("scale_duals"), _keys(d["half"]), _keys(d["vague_scales"]), _keys(d["one_adjective"]))  # fmt: skip


def _phrase_re(phrases) -> re.Pattern:
    alts = sorted({normalize_key(p) for p in phrases}, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    return re.compile(rf"(?<!\w){clitic_regex(clitic_part('conjunction'))}(?:{body})(?!\w)")  # و ف: data/clitics.yaml


@dataclass(frozen=True)
class _Lex:
    death: dict[str, str]  # bare word -> verb | noun | plural | singular | dual
    injury: dict[str, str]
    backward: frozenset[str]
    vague: dict[str, int]
    vague_multi: tuple[tuple[tuple[str, ...], int], ...]
    filler: frozenset[str]
    toll: frozenset[str]
    plural_nouns: frozenset[str]
    stop: frozenset[str]
    not_victim: frozenset[str]
    dual_stems: frozenset[str]
    dual_an_stems: frozenset[str]
    re_none: re.Pattern
    re_no_deaths: re.Pattern
    re_one_death: re.Pattern
    re_vague_death: re.Pattern
    persons: frozenset[str]  # "قتل رجل وامرأة وطفل": one each
    range_connectors: frozenset[str]  # "5 و7", "5 الى 7", "5-7", "5 او 7": the lower figure
    range_glued: tuple[str, ...]  # the connectors written joined to the second figure ("5 و7")
    before_figure: tuple[tuple[str, ...], ...]  # "مقتل بين 5 و7", "مقتل على الأقل 5": passed over, as tokens
    group_joiners: tuple[tuple[str, ...], ...]  # "عشرة إضافة إلى ثلاثة": a further group of the dead, as tokens
    met_verbs: frozenset[str]  # "لقي 20 شخصا حتفهم": the figure after the verb, the death noun later
    one_other: frozenset[str]  # "قتل وأصيب آخر": the one wounded besides the one killed
    day_words: frozenset[str]  # "قتل أمس ستة": the day between the death word and its figure
    months: frozenset[str]  # "قتل السبت 25 يوليو": a month after the figure makes it a date
    circumstance: frozenset[str]  # "وقتل خلال المواجهات 28 شخصا": a phrase between the verb and its figure
    circumstance_breaks: frozenset[str]  # "قتل في غارة مع اثنين من مرافقيه": no such phrase
    day_qualifiers: frozenset[str]  # "قتل أمس الأول": the word after the day qualifies it


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    d = _load("casualties.yaml")

    def kinds(section: dict) -> dict[str, str]:
        out: dict[str, str] = {}
        for kind in ("verbs", "nouns", "plurals", "singulars", "duals"):
            for w in section.get(kind, []):
                out.setdefault(normalize_key(w), kind.rstrip("s"))
        return out

    vague: dict[str, int] = {}
    multi: list[tuple[tuple[str, ...], int]] = []
    for v, ws in d["vague"].items():
        for w in ws:
            k = normalize_key(w)
            if " " in k:
                multi.append((tuple(k.split()), int(v)))
            else:
                vague[k] = int(v)
    multi.sort(key=lambda x: -len(x[0]))
    return _Lex(
        kinds(d["death"]), kinds(d["injury"]), _keys(d["backward"]), vague, tuple(multi), _keys(d["filler"]), _keys(d["toll_words"]),
        _keys(d["plural_nouns"]), _keys(d["stop"]), _keys(d["not_victim"]), _keys(d["dual_stems"]),
        _keys(d["dual_an_stems"]), _phrase_re(d["no_casualties"]), _phrase_re(d["no_deaths"]),
        _phrase_re(d["one_death_phrases"]), _phrase_re(d["vague_death_phrases"]), _keys(d["person_nouns"]),
        _keys(d["range_connectors"]), tuple(sorted(_keys(d["range_glued"]))),
        tuple(tuple(normalize_key(p).split()) for p in d["before_figure"]),
        tuple(tuple(normalize_key(p).split()) for p in d.get("group_joiners", [])), _keys(d.get("met_verbs", [])),
        _keys(d.get("one_other", [])), _keys(d.get("day_words", [])),
        _keys(w for ws in _load("dates.yaml")["months"].values() for w in ws),
        _keys(d.get("circumstance_words", [])), _keys(d.get("circumstance_breaks", [])),
        _keys(d.get("day_qualifiers", [])),
    )  # fmt: skip


# --------------------------------------------------------------------------- numbers
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
# the clitic letters stripped before a casualty word and before a number (data/clitics.yaml)
_WORD_CLITICS = tuple(f for f in proclitics("casualty_word").forms if f)  # و ف ب ل
_NUMBER_CLITICS = tuple(f for f in proclitics("number").forms if f)  # و ب ل


def _strip(word: str, prefixes=_WORD_CLITICS) -> list[str]:
    """The word and its forms without one or two clitic letters."""
    out = [word]
    for p in prefixes:
        if word.startswith(p) and len(word) > len(p) + 1:
            out.append(word[len(p) :])
            for q in prefixes:
                if q != p and out[-1].startswith(q) and len(out[-1]) > 2:
                    out.append(out[-1][1:])
    return out


def _atom(word: str, N: _Numbers) -> tuple[str, int] | None:
    if _DIGITS.fullmatch(word):
        digits = word.replace(",", "")
        if len(digits) > 9:  # no count of the dead has ten digits; int() refuses 4,300+ of them
            return None
        return "digits", int(digits)
    if word in N.units:
        return "unit", N.units[word]
    if word in N.tens:
        return "ten", N.tens[word]
    if word in N.hundreds:
        return "hundred", N.hundreds[word]
    if word in N.scale_duals:
        return "hundred", N.scale_duals[word]
    if word in N.scales:
        return "scale", N.scales[word]
    if word in N.half:
        return "half", 0
    return None


def _read_number(toks: list[Token], i: int, *, lead=_NUMBER_CLITICS) -> tuple[int, int] | None:
    """A number starting at token ``i``: (value, index after it), or None."""
    N = _numbers()
    if i >= len(toks):
        return None
    first = None
    for form in _strip(toks[i].text, lead):
        first = _atom(form, N)
        if first is not None:
            break
    if first is None:
        return None
    kind, val = first
    total, cur, j, half = 0, 0, i + 1, False
    if kind == "scale":
        if val == 100 or val >= 1000:  # "مئات", "آلاف" alone are vague words, "مئة" is 100
            if toks[i].text.endswith(("ات", "ين")) or toks[i].text in N.vague_scales:
                return None
        cur = val
    elif kind == "half":
        half = True
    else:
        cur = val
    last = cur
    while j < len(toks):
        w = toks[j].text
        # 11-19: "ثلاثه عشر"
        if kind == "unit" and 0 < cur < 10 and w in N.teen:
            cur += 10
            last, j = cur, j + 1
            kind = "teen"
            continue
        a = _atom(w, N)
        if a is not None and a[0] == "hundred" and a[1] == 100:
            a = ("scale", 100)
        if a is not None and a[0] == "scale":
            mult = a[1]
            if mult == 100:
                cur = cur * 100 if 0 < cur < 10 else cur + 100
                last, j = 100, j + 1
                continue
            base = cur or 1
            total += int(base * mult * (0.5 if half else 1))
            cur, half, last, j = 0, False, mult, j + 1
            continue
        if half:
            return None
        if w.startswith("و") and len(w) > 2:
            a = _atom(w[1:], N)
            if a is not None and a[0] in ("unit", "ten", "hundred", "digits"):
                v = a[1]
                ok = (last < 10 and a[0] == "ten") or (last >= 100 and v < last)  # "خمسة وعشرون", "مئة وخمسون"
                if ok:
                    cur += v
                    last, j = v, j + 1
                    continue
        break
    if half and total == 0:
        return None
    return total + cur, j


def parse_number(text: str) -> int | None:
    """The number written at the start of ``text``: digits (``1,000``) or Arabic number words."""
    toks = tokenize(normalize_text(text).strip())
    r = _read_number(toks, 0)
    return r[0] if r else None


# --------------------------------------------------------------------------- casualties
@dataclass
class _Figure:
    value: int
    exact: bool
    start: int  # char span in the sentence (trigger .. figure)
    end: int
    key: int  # token index of the figure (to count one figure once)
    toll: bool = False


def _bare_forms(word: str) -> tuple[str, ...]:
    """The word's forms without clitics and without the article (remembered: every token of a sentence with a
    casualty trigger is looked up in the tables of the dead and of the wounded, most of them words met before)."""
    forms = _BARE_FORMS.get(word)
    if forms is None:
        if len(_BARE_FORMS) > 100_000:
            _BARE_FORMS.clear()
        forms = _BARE_FORMS[word] = _read_bare_forms(word)
    return forms


_BARE_FORMS: dict[str, tuple[str, ...]] = {}


def _read_bare_forms(word: str) -> tuple[str, ...]:
    forms = []
    for f in _strip(word):
        forms.append(f)
        if f.startswith("ال") and len(f) > 3:
            forms.append(f[2:])
    return tuple(forms)


def _classify(word: str, table: dict[str, str]) -> str | None:
    """The kind of the first of the word's bare forms in ``table`` (verb, noun, plural, singular, dual), or None.
    Remembered per table and word (speed only: ``count_casualties`` classifies every token of its sentence in the
    table of the dead and in that of the wounded; the tables are built once, never changed)."""
    memo = _CLASSIFIED.get(id(table))
    if memo is None or memo[0] is not table:  # the table is held here, so its id names no other while remembered
        if len(_CLASSIFIED) > 16:
            _CLASSIFIED.clear()
        memo = _CLASSIFIED[id(table)] = (table, {})
    kinds = memo[1]
    kind = kinds.get(word, _UNSEEN)
    if kind is _UNSEEN:
        if len(kinds) > 100_000:
            kinds.clear()
        kind = kinds[word] = next((table[f] for f in _bare_forms(word) if f in table), None)
    return kind


_CLASSIFIED: dict[int, tuple[dict[str, str], dict[str, str | None]]] = {}
_UNSEEN = object()


def _in(word: str, words: frozenset[str]) -> bool:
    return any(f in words for f in _bare_forms(word))


def _is_dual(word: str, L: _Lex) -> bool:
    for f in _bare_forms(word):
        if f.endswith(("ان", "ين")) and f[:-2] in L.dual_stems:
            return True
        if f.endswith("ان") and (f[:-2] in L.dual_an_stems or (len(f) >= 6 and f[:-2].endswith("ي"))):
            return True
    return False


def _vague_at(toks: list[Token], i: int, L: _Lex) -> tuple[int, int] | None:
    """A vague quantity ('عدد من', 'عشرات') at token i: (value, index after)."""
    words = [t.text for t in toks[i : i + 4]]
    for seq, v in L.vague_multi:
        if len(words) >= len(seq) and all(w in _bare_forms(words[k]) for k, w in enumerate(seq)):
            return v, i + len(seq)
    if i < len(toks) and _in(toks[i].text, frozenset(L.vague)):
        for f in _bare_forms(toks[i].text):
            if f in L.vague:
                return L.vague[f], i + 1
    return None


def _range_min(toks: list[Token], value: int, j: int) -> tuple[int, int]:
    """'5 و7', '5 الى 7', '5-7', '5 او 7' after a figure: keep the lower (ACLED: most conservative)."""
    L = _lex()

    def counts_wounded(r: tuple[int, int]) -> bool:
        # "حصيلة القتلى 20 و5 جرحى": the second figure counts the wounded, no range of the dead
        return r[1] < len(toks) and _classify(toks[r[1]].text, L.injury) is not None

    if j < len(toks) and toks[j].text in L.range_connectors:
        r = _read_number(toks, j + 1, lead=())
        if r is not None and not counts_wounded(r):
            return min(value, r[0]), r[1]
    if j < len(toks) and toks[j].text.startswith(L.range_glued) and toks[j].text not in ("و",):
        r = _read_number(toks, j, lead=("و",))
        if r is not None and _DIGITS.fullmatch(toks[j].text[1:] or "x") is not None and not counts_wounded(r):
            return min(value, r[0]), r[1]
    return value, j


def _phrase_at(toks: list[Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The first of ``phrases`` (each a tuple of token texts) whose tokens stand at ``toks[i:]``, or None."""
    return next((p for p in phrases if tuple(t.text for t in toks[i : i + len(p)]) == p), None)


#: a quotation mark or an opening bracket standing alone as a token: '"استشهاد" أحد المواطنين' quotes the word,
#: 'استشهاد (15)' brackets the figure: the figure follows
_QUOTE = re.compile(r"[\"'«»“”„‘’(\[]+")


def _figure_after(toks: list[Token], i: int, L: _Lex, other: dict[str, str], table: dict[str, str],
                  verb: bool) -> tuple[_Figure | None, bool]:
    """The figure that follows the casualty word at token i. Returns (figure, combined)."""
    t0 = toks[i]
    j, toll = i + 1, False
    while j < len(toks):
        w = toks[j].text
        if _QUOTE.fullmatch(w) and j == i + 1:  # the casualty word in quotes
            j += 1
            continue
        if _in(w, L.day_words) and _read_number(toks, j + 1, lead=()) is not None and not _dated(toks, j + 1, L):
            j += 1  # "قتل أمس ستة على الأقل": the day, then the figure
            continue
        if (verb and _in(w, L.day_words) and not _in(t0.text, L.backward) and j + 1 < len(toks)
                and _victim_after_day(toks[j + 1].text, L, table, other)):
            j += 1  # "قتل اليوم القيادي أبو علي", "قتلت اليوم الجمعة مسلحا": the day, then the one killed
            continue
        skip = _phrase_at(toks, j, L.before_figure)
        if skip:  # "مقتل بين 5 و7", "مقتل على الأقل 5"
            j += len(skip)
            continue
        if _in(w, L.filler) and not _read_number(toks, j):
            toll = toll or any(f in L.toll for f in _bare_forms(w))
            j += 1
            continue
        break
    if j >= len(toks):
        return None, False
    w = toks[j].text
    # "مقتل وإصابة 11": one figure for both
    combined = w.startswith("و") and _classify(w, other) is not None and not _in(t0.text, L.backward)
    if combined:
        k = j + 1
        while k < len(toks) and _in(toks[k].text, L.filler) and not _read_number(toks, k):
            k += 1
        r = _read_number(toks, k)
        if r is not None:
            return _Figure(min(3, r[0]), False, t0.start, toks[r[1] - 1].end, k), True
        if k < len(toks) and _in(toks[k].text, L.one_other):
            # "إن جنديا قتل وأصيب آخر": one killed, another wounded
            return _Figure(1, True, t0.start, t0.end, i), True
        return None, True
    r = _read_number(toks, j)
    if r is not None:
        val, end = _range_min(toks, *r)
        val, end = _chain_after(toks, val, end, L)
        if not toll:
            val, end = _more_groups(toks, val, end, L)
        return _Figure(val, True, t0.start, toks[end - 1].end, j, toll), False
    vg = _vague_at(toks, j, L)
    if vg is not None:
        return _Figure(vg[0], False, t0.start, toks[vg[1] - 1].end, j), False
    if verb and j + 1 < len(toks) and not _in(w, L.stop) and _classify(w, table) is None and not w.startswith("و"):
        # a subject before the figure: "قتلت القوات 5 مسلحين", "قتل مقاتلوها ما لا يقل عن 19",
        # "قتلت قوات الاحتلال ثلاثة شبان", "قتلت غارة إسرائيلية 7 أشخاص" (up to three words)
        for width in (1, 2, 3):
            words = toks[j : j + width]
            if len(words) < width or any(
                _in(x.text, L.stop) or x.text in L.stop or _classify(x.text, table) or _classify(x.text, other)
                or not re.match(r"[^\W\d_]", x.text) or (n > 0 and x.text.startswith("و"))
                for n, x in enumerate(words)
            ):
                break
            k = j + width
            while k < len(toks) and _in(toks[k].text, L.day_words) and not _read_number(toks, k, lead=()):
                k += 1  # "قتلت قوات الشرطة أمس الثلاثاء 21 مسلحا": the day after the subject
            while k < len(toks) and _in(toks[k].text, L.filler) and not _read_number(toks, k, lead=()):
                k += 1
            r = _read_number(toks, k, lead=())
            if r is not None and k > j + width and _dated(toks, k, L):
                r = None
            if r is not None:
                val, end = _range_min(toks, *r)
                return _Figure(val, True, t0.start, toks[end - 1].end, k), False
    if verb and _in(w, L.circumstance) and not _in(t0.text, L.backward):  # "7 أشخاص قتلوا في": figure before
        fig = _figure_past_circumstance(toks, i, j, L, table, other)
        if fig is not None:
            return fig, False
    if _in(w, L.stop) or w in L.stop or not re.match(r"[^\W\d_]", w) or _classify(w, table) or _classify(w, other):
        return None, False
    if w.startswith("و") or _strip(t0.text)[-1].startswith("ال"):
        return None, False  # "والقتل ومحاولة القتل": the act, not a count
    if _in(w, L.not_victim):
        return None, False
    # a victim noun and then its number: "مدنيين اثنين", "جنود ثلاثة"
    r = _read_number(toks, j + 1, lead=())
    if r is not None and not _DIGITS.fullmatch(toks[j + 1].text):
        val, end = _range_min(toks, *r)
        return _Figure(val, True, t0.start, toks[end - 1].end, j + 1), False
    if _is_dual(w, L):
        return _Figure(2, True, t0.start, toks[j].end, j), False
    if _in(w, L.plural_nouns) or (len(w) >= 5 and w.endswith(("ين", "ون")) and not _in(w, L.dual_stems)):
        return _Figure(3, False, t0.start, toks[j].end, j), False
    # a singular noun or a named victim: "مقتل شخص", "مقتل أسامة المهاجر"; further groups joined to it add up
    # ("استشهاد ضابط وثلاثة مجندين" is 4, "مقتل قائد الكتيبة وجنديين" is 3)
    val, end = _more_groups(toks, 1, j + 1, L)
    return _Figure(val, True, t0.start, toks[end - 1].end, j), False


def _victim_after_day(w: str, L: _Lex, table: dict[str, str], other: dict[str, str]) -> bool:
    """The word after a day told right after a death verb: another day word ("اليوم الجمعة") or a noun that may
    name the one killed ("قتل اليوم القيادي"): not a stop word ("قتل أمس في الغارة"), a filler, a casualty word,
    a figure, a noun of ``not_victim``, a word of ``day_qualifiers`` ("أمس الأول") or a word joined by و."""
    if _in(w, L.day_words):
        return True
    return not (_in(w, L.stop) or w in L.stop or _in(w, L.filler) or _in(w, L.not_victim)
                or _in(w, L.day_qualifiers) or w.startswith("و")
                or not re.match(r"[^\W\d_]", w) or _classify(w, table) or _classify(w, other))


def _figure_past_circumstance(toks: list[Token], i: int, j: int, L: _Lex, table: dict[str, str],
                              other: dict[str, str]) -> _Figure | None:
    """"وقتل خلال المواجهات في منطقة التواهي 28 شخصا", "وقتل إثر الغارة أكثر من عشرة مسلحين": a phrase of the
    act's circumstance (a word of ``circumstance_words`` at token j, then up to six words) between the death verb at
    token i and its figure, and the figure's victim noun right after it. No clause mark, stop word (other than a
    circumstance word or a day), casualty word, figure or word of ``circumstance_breaks`` within the phrase ("في
    غارة استهدفته مع اثنين من مرافقيه": his companions); a figure that is a date or a year, or a noun of
    ``not_victim`` after it, gives none."""
    k = j + 1
    while k < len(toks) and k - j <= 6:
        w = toks[k].text
        if _read_number(toks, k, lead=()) is not None:
            break
        if _in(w, L.filler) and k + 1 < len(toks) and (
                _read_number(toks, k + 1, lead=()) is not None or _in(toks[k + 1].text, L.filler)):
            break  # "أكثر من عشرة": the words before the figure
        if not re.match(r"[^\W\d_]", w) or _classify(w, table) or _classify(w, other):
            return None
        if (_in(w, L.stop) or w in L.stop) and not (_in(w, L.circumstance) or _in(w, L.day_words)):
            return None
        if _in(w, L.circumstance_breaks):
            return None
        k += 1
    else:
        return None
    while k < len(toks) and _in(toks[k].text, L.filler) and not _read_number(toks, k, lead=()):
        k += 1
    r = _read_number(toks, k, lead=())
    if r is None or _dated(toks, k, L) or r[1] >= len(toks):
        return None
    if re.fullmatch(r"\d{4}", toks[k].text):
        return None  # a year
    noun = toks[r[1]].text
    if noun == "من" and r[1] + 1 < len(toks):  # "ثلاثة من عناصر التنظيم"
        noun = toks[r[1] + 1].text
    elif not _victim_noun(noun, L):
        return None
    if _in(noun, L.not_victim) or _classify(noun, table) or _classify(noun, other):
        return None
    val, end = _range_min(toks, *r)
    val, end = _more_groups(toks, val, end, L)
    return _Figure(val, True, toks[i].start, toks[end - 1].end, k)


def _joined_dual(w: str, L: _Lex) -> bool:
    """"وجنديين": a dual joined by و, two more people (not a casualty word: "وجريحين" counts the wounded)."""
    return w.startswith("و") and _is_dual(w[1:], L) and _classify(w, L.death) is None and _classify(w, L.injury) is None


def _dated(toks: list[Token], i: int, L: _Lex) -> bool:
    """The figure at token i is a day of a month ("السبت 25 يوليو"), not a count."""
    r = _read_number(toks, i, lead=())
    return r is not None and r[1] < len(toks) and _in(toks[r[1]].text, L.months)


def _chain_after(toks: list[Token], val: int, end: int, L: _Lex) -> tuple[int, int]:
    """'ثلاث نساء وستة أطفال': groups joined by و add up (not 'و5 جرحى', the other kind)."""
    while end + 1 < len(toks):
        noun = toks[end].text
        if _classify(noun, L.death) or _classify(noun, L.injury) or not re.match(r"[^\W\d_]", noun):
            break
        k = end + 1
        nxt = toks[k].text
        if nxt == "و":
            r = _read_number(toks, k + 1, lead=())
        elif nxt.startswith("و") and _atom(nxt[1:], _numbers()) is not None:
            r = _read_number(toks, k, lead=("و",))
        else:
            break
        if r is None or r[1] >= len(toks):
            break
        after = toks[r[1]].text
        if _classify(after, L.death) or _classify(after, L.injury) or not re.match(r"[^\W\d_]", after):
            break
        if _in(after, L.stop) or _in(after, L.filler):
            break
        val, end = val + r[0], r[1] + 1
    return val, end


def _victim_noun(w: str, L: _Lex) -> bool:
    """A noun that can name a group of the dead after its figure ("11 حوثيا", "3 مدنيين", "عنصرا")."""
    if _in(w, L.plural_nouns) or _strip_clitic(w) in L.persons or w in L.persons:
        return True
    return len(w) >= 4 and w.endswith(("ين", "ون", "ا")) and not w.endswith(("ات", "ها"))


def _more_groups(toks: list[Token], val: int, end: int, L: _Lex) -> tuple[int, int]:
    """Further groups of the dead told after a first one and its qualifier: "قتل 3 من أفراد الشرطة ومدني" (4),
    "مقتل 6 من المقاومة، و11 حوثيا" (17), "25 قتيلا من الحوثيين وصالح و13 مقاوما" (38), "استشهاد عشرة
    إضافة إلى ثلاثة من العاملين" (13). Up to four words of qualifier between; a stop word (في، بينهم، و alone
    before no figure), an injury or death word, or a figure not joined by و ends the search."""
    N = _numbers()
    k, words = end, 0
    while k < len(toks) and words <= 4:
        w = toks[k].text
        joiner = _phrase_at(toks, k, L.group_joiners)
        r = None
        if joiner is not None:
            r = _read_number(toks, k + len(joiner), lead=())
        elif w == "و" and k + 1 < len(toks):
            r = _read_number(toks, k + 1, lead=())
        elif w.startswith("و") and len(w) > 1 and (_DIGITS.fullmatch(w[1:]) or _atom(w[1:], N) is not None):
            r = _read_number(toks, k, lead=("و",))
        elif w.startswith("و") and w[1:] in L.persons and not (k + 1 < len(toks) and _classify(toks[k + 1].text, L.death)):
            val, end, k, words = val + 1, k + 1, k + 1, 0  # "ومدني", "وطفل": one more
            continue
        elif _joined_dual(w, L) and not (k + 1 < len(toks) and _classify(toks[k + 1].text, L.death)):
            val, end, k, words = val + 2, k + 1, k + 1, 0  # "وجنديين": two more
            continue
        if r is not None:
            n = r[1]
            noun = toks[n].text if n < len(toks) else ""
            partitive = noun == "من" and n + 1 < len(toks)  # "ثلاثة من العاملين", "3 من قوات البيشمركة"
            if partitive:
                n, noun = n + 1, toks[n + 1].text
            after = toks[n + 1].text if n + 1 < len(toks) else ""
            if (not re.match(r"[^\W\d_]", noun or "0") or not (partitive or _victim_noun(noun, L))
                    or _classify(noun, L.death) or _classify(noun, L.injury)
                    or _classify(after, L.death) or _classify(after, L.injury) and not after.startswith("و")):
                break
            val, end, k, words = val + r[0], n + 1, n + 1, 0
            continue
        if (w in L.stop or _in(w, L.stop) or _classify(w, L.death) or _classify(w, L.injury)
                or _read_number(toks, k) is not None or (not re.match(r"[^\W\d_]", w) and w != "،")):
            break
        k, words = k + 1, words + (w != "،")
    return val, end


def _figure_before(toks: list[Token], i: int, L: _Lex, *, chain: bool) -> _Figure | None:
    """A figure before the casualty word: '5 قتلى', 'بين 5 و7 قتلى', 'ثلاث نساء وستة أطفال قتلوا'."""
    lo = max(0, i - (10 if chain else 3))
    nums: list[tuple[int, int, int]] = []  # (value, first token, after-last token)
    k = lo
    while k < i:
        r = _read_number(toks, k)
        if r is not None and chain and toks[k].text in _numbers().one_adjective:
            r = None  # "من أسرة واحدة": an adjective, not a count
        if r is not None and r[1] <= i:
            nums.append((r[0], k, r[1]))
            k = r[1]
        else:
            k += 1
    if not nums:
        vg = _vague_at(toks, i - 1, L) if i >= 1 else None
        if vg is None and i >= 2:
            vg = _vague_at(toks, i - 2, L)
            if vg is not None and vg[1] != i:
                vg = None
        if vg is not None and vg[1] == i:
            return _Figure(vg[0], False, toks[i - 1].start, toks[i].end, i - 1)
        return None
    v, s, e = nums[-1]
    if not chain:
        if e != i:
            return None
        # "بين 5 و 7 قتلى", "5-7 قتلى": the lower figure
        if len(nums) >= 2 and nums[-2][2] >= s - 1 and toks[s - 1].text in L.range_connectors or (
            len(nums) >= 2 and nums[-2][2] == s and toks[s].text.startswith(L.range_glued)
        ):
            v = min(v, nums[-2][0])
            s = nums[-2][1]
        return _Figure(v, True, toks[s].start, toks[i].end, s)
    # "19 على الأقل من مقاتلي الجماعة وجنديين من الجيش قتلوا": a dual joined by و after the figure is two more of
    # the dead, and the figure may then stand further back (its group's qualifier, then the dual's)
    duals = [k for k in range(e, i) if _joined_dual(toks[k].text, L)]
    if i - e > 6 and not (duals and i - duals[-1] <= 3 and duals[0] - e <= 6):
        return None
    total, first = v + 2 * len(duals), s
    for pv, ps, pe in reversed(nums[:-1]):
        w0 = toks[first].text
        if w0.startswith("و") and _atom(w0[1:], _numbers()) is not None and first - pe <= 3:
            total, first = total + pv, ps
        else:
            break
    return _Figure(total, True, toks[first].start, toks[i].end, first)


def _figures(toks: list[Token], table: dict[str, str], other: dict[str, str], L: _Lex,
             skip: list[tuple[int, int]]) -> list[_Figure]:
    out: list[_Figure] = []
    for i, t in enumerate(toks):
        kind = _classify(t.text, table)
        if kind is None or any(s <= t.start < e for s, e in skip):
            continue
        fig: _Figure | None = None
        if (t.text.startswith("و") and i > 0 and _classify(toks[i - 1].text, other) in ("verb", "noun")
                and not _in(toks[i - 1].text, L.backward)):
            # "مقتل وإصابة 11": one figure for both; the death side reads it as vague
            r = _read_number(toks, i + 1)
            if r is not None:
                out.append(_Figure(min(3, r[0]), False, t.start, toks[r[1] - 1].end, i + 1))
            continue
        if kind in ("verb", "noun"):
            fig, combined = _figure_after(toks, i, L, other, table, verb=kind == "verb")
            if fig is None and not combined and _in(t.text, L.backward):
                fig = _figure_before(toks, i, L, chain=True)
            if fig is None and not combined and _in(t.text, L.backward) and L.met_verbs:
                # "لقي 20 من طلاب أكاديمية الشرطة في العاصمة أمس حتفهم": the figure after لقي, far back
                k = next((k for k in range(i - 1, max(-1, i - 16), -1) if _in(toks[k].text, L.met_verbs)), None)
                r = _read_number(toks, k + 1) if k is not None else None
                if r is not None and r[1] < i:
                    val, end = _range_min(toks, *r)
                    fig = _Figure(val, True, toks[k].start, t.end, k + 1)
            if fig is None and not combined and _in(t.text, L.backward):
                # "شخصين قتلا", "جنديين لقيا حتفهما": the two named right before (or before the verb)
                j = next((j for j in (i - 1, i - 2) if j >= 0 and _is_dual(toks[j].text, L)), None)
                if j is not None:
                    fig = _Figure(2, True, toks[j].start, t.end, j)
            if fig is None and not combined and _in(t.text, L.backward):
                fig = _Figure(3 if t.text.endswith(("وا", "هم")) else 1, not t.text.endswith(("وا", "هم")),
                              t.start, t.end, i)
            if fig is None and combined:
                fig = _Figure(3, False, t.start, t.end, i)
        elif (kind == "singular" and i > 0 and not t.text.startswith("و")
              and _classify(toks[i - 1].text, table) == "singular"):
            continue  # "جثمان الشهيد", "جثة القتيل": the body and the dead man are one victim
        elif kind in ("plural", "singular"):
            fig = _figure_before(toks, i, L, chain=False)
            if (fig is not None and i + 1 < len(toks) and toks[i + 1].text.startswith("و")
                    and _classify(toks[i + 1].text, L.injury) in ("plural", "singular")):
                # "عشرات القتلى والجرحى", "60 قتيلا وجريحا": one figure for the dead and the wounded together,
                # read as for "مقتل وإصابة 60": vague
                fig = _Figure(min(3, fig.value), False, fig.start, toks[i + 1].end, fig.key)
            elif fig is not None:
                more, end = _more_groups(toks, fig.value, i + 1, L)  # "25 قتيلا من الحوثيين و13 مقاوما"
                if more != fig.value:
                    fig = _Figure(more, True, fig.start, toks[end - 1].end, fig.key)
            if fig is None:
                after, _ = _figure_after(toks, i, L, other, table, verb=False)
                if after is not None and after.exact and after.toll or (after is not None and after.exact and
                                                                         _DIGITS.fullmatch(toks[after.key].text)):
                    fig = after
            if fig is None and not (kind == "plural" and _strip(t.text)[-1].startswith("ال")):
                fig = _Figure(1 if kind == "singular" else 3, kind == "singular", t.start, t.end, i)
        elif kind == "dual":
            fig = _Figure(2, True, t.start, t.end, i)
        if fig is not None:
            out.append(fig)
    return out


def _combine(figs: list[_Figure]) -> tuple[int | None, bool, tuple[int, int] | None]:
    if not figs:
        return None, True, None
    exact = {}
    for f in figs:
        if f.exact:
            exact.setdefault(f.key, f)
    if exact:
        fs = list(exact.values())
        tolls = [f for f in fs if f.toll]
        if tolls:
            best = max(tolls, key=lambda f: f.value)
            return best.value, True, (best.start, best.end)
        return sum(f.value for f in fs), True, (min(f.start for f in fs), max(f.end for f in fs))
    best = max(figs, key=lambda f: f.value)
    return best.value, False, (best.start, best.end)


def _coordinated(toks: list[Token], killed: int, span: tuple[int, int]) -> tuple[int, tuple[int, int]]:
    """'قتل رجل وامرأة وطفل': one victim noun and more joined by و count one each."""
    persons = _lex().persons
    i = next((k for k, t in enumerate(toks) if t.start >= span[1]), len(toks))
    if i == 0 or _strip_clitic(toks[i - 1].text) not in persons:
        return killed, span
    end = span[1]
    while i < len(toks) and toks[i].text.startswith("و") and toks[i].text[1:] in persons:
        killed, end, i = killed + 1, toks[i].end, i + 1
    return killed, (span[0], end)


def _strip_clitic(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def count_casualties(text: str, offset: int = 0, tokens: list[Token] | None = None) -> Casualties:
    """Deaths and injuries reported in one (normalised) sentence. ``tokens``: ``tokenize(text, offset)``, when the
    caller has them (a :class:`~extractor.segment.Sentence`'s): they are moved to the text's own offsets, the same
    tokens as ``tokenize(text)`` gives, rather than the text tokenised again (speed only)."""
    L = _lex()
    if tokens is None:
        toks = tokenize(text)
    else:
        toks = [_new_token(Token, (t.text, t.start - offset, t.end - offset)) for t in tokens]
    none_spans = [m.span() for m in L.re_none.finditer(text)]
    no_death_spans = [m.span() for m in L.re_no_deaths.finditer(text)]
    skip = none_spans + no_death_spans
    dead = _figures(toks, L.death, L.injury, L, skip)
    hurt = _figures(toks, L.injury, L.death, L, skip)
    for m in L.re_vague_death.finditer(text):
        if not any(f.start <= m.start() < f.end for f in dead):
            dead.append(_Figure(3, False, m.start(), m.end(), -1 - m.start()))
    for m in L.re_one_death.finditer(text):
        dead.append(_Figure(1, True, m.start(), m.end(), -100000 - m.start()))
    killed, k_exact, k_span = _combine(dead)
    if killed == 1 and k_exact and k_span is not None:
        killed, k_span = _coordinated(toks, killed, k_span)
    wounded, _, w_span = _combine(hurt)
    if killed is None and (none_spans or no_death_spans):
        s, e = (none_spans + no_death_spans)[0]
        killed, k_span = 0, (s, e)
    if wounded is None and none_spans:
        s, e = none_spans[0]
        wounded, w_span = 0, (s, e)

    def shift(sp):
        return (sp[0] + offset, sp[1] + offset) if sp is not None else None

    return Casualties(killed, wounded, shift(k_span), shift(w_span), k_exact)


def merge_fatalities(counts: list[int | None]) -> int:
    """ACLED's most conservative figure among several reports of one event (0 when none)."""
    vals = [c for c in counts if c is not None]
    return min(vals) if vals else 0
