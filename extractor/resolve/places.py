"""Places: Arabic place mentions -> ACLED country/admin1/admin2/location/coordinates.

The index ``extractor/data/places.tsv.gz`` (+ ``places_sd_osm.tsv.gz``, ODbL) is built by
``tools/build_gazetteer.py`` from GeoNames and Who's On First (CC BY 4.0), OCHA/HDX tables,
OpenStreetMap Sudan and the hand-kept ``extractor/data/places_extra.yaml`` (see
``extractor/data/PLACES.md``).

Rules, in short:

* a name matches at a word start after optional clitics (the ``place`` variant of the clitic
  policy, ``extractor/data/clitics.yaml``: و ف ب ل ك and pairs such as وب، فل; ``لل`` for names
  written with the article: للعراق) and must end at a word end,
  so nationality adjectives (السوري، الأمريكية، المصري) never match a country;
* the longest match wins; up to four words before it are read as modifiers: a type word
  (مدينة، بلدة، قرية، مخيم، حي، منطقة -> a town; محافظة، ولاية، إقليم -> a province;
  مديرية، قضاء، ناحية -> a district), a "near" word (ريف، محيط، ضواحي، قرب، أطراف) or a
  direction (شمال، جنوب شرق، الريف الجنوبي ل...): the words of ``extractor/data/place_words.yaml``;
* geo_precision (ACLED): 1 the town itself; 2 near a town / part of it / a district;
  3 a province, region or country (also ``شرق سوريا``); a country told as a region of it is coded
  by the assembly at the seat of the region's main province (:meth:`Gazetteer.region_seat`,
  ``place_words.yaml`` ``region_seats``: ``شرق سوريا`` is Deir-ez-Zor), never at the country;
* a name found in several countries takes the one of the article's countries (then the
  same ACLED region, then the larger place); a containing admin unit named nearby
  ("كفر خاشر في ريف حلب") picks among same-named villages;
* a rare name (a bulk-list village with under 1,000 people, a name that is also a frequent
  word or a person's name) counts only with support: a type word, a NER LOC span, or a
  containing admin unit named nearby (for a word-like name: its district, not just its
  province); outside the article's countries it needs that admin unit; small towns abroad
  (< 50,000 people, < 10,000 in the same region) need it too, and a town on another
  continent needs support unless it is a capital-sized city;
* never places: names in quotes of their own («الرياض», the newspaper), after a media or
  building word (صحيفة الرياض، مستشفى الشفاء), a dateline opening the text ("جدة - ..."),
  phrases listed in ``places_stop.txt`` (حماة الوطن);
* a NER LOC span after a type word that the gazetteer does not know, located by a place
  named after it ("قرية X بريف حلب"), is kept with its Arabic name, the container's
  admin units and point, geo_precision 2.

All text given here must already be normalised (:func:`extractor.normalize.normalize`);
offsets are into that text.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from importlib import resources
from typing import ClassVar, NamedTuple

from ..normalize import normalize_key
from ..phrases import proclitics, suffixes
from ..rules_schema import check_word_list, load_yaml


@dataclass(frozen=True)
class Place:
    country: str
    iso3: str
    iso: int | None
    region: str
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    start: int = -1
    end: int = (
        -1
    )  # span in the normalised text that named it (-1 when inferred from context)
    matched: str = ""  # the normalised phrase matched


@dataclass(frozen=True)
class _Entry:
    kind: str  # country|admin1|admin2|town|region
    name: str
    country: str
    iso3: str
    iso: int | None
    region: str
    admin1: str
    admin2: str
    lat: float | None
    lon: float | None
    pop: int
    rare: bool = False  # a village with no population figure or a person-like name: needs support
    wordlike: bool = (
        False  # its name is also a common word or a person's name: needs more support
    )
    bulk: bool = False  # from a bulk list (Who's On First, OSM), not GeoNames cities or hand-kept


class _Mention(NamedTuple):
    """One place name read in a text. A named tuple, not a frozen dataclass: one is made for every name of every
    sentence (most of them words that are villages only with support), and a dataclass's frozen ``__init__``
    cost four times as much; it compares and hashes by its fields alike."""

    start: int
    end: int
    matched: str
    entries: tuple[_Entry, ...]
    hint: str  # "", town, admin1, admin2
    near: bool  # ريف / محيط / قرب / a direction before the name
    in_loc: bool = False  # inside a NER LOC span
    # whether it is the subject of a verb of witnessing (:meth:`Gazetteer._after_scene_verb`) is read by
    # ``resolve`` only, on the text the mention was read from: not worked out for every mention of every sentence


# the clitic policy (data/clitics.yaml, extractor/phrases.py): the place variant before a key, the forms
# of it that also stand before a key's article written لل (للعراق = ل + العراق)
_PLACE_CLITICS = proclitics("place")
CLITICS = _PLACE_CLITICS.set
_L_CLITICS = _PLACE_CLITICS.before_ll
_NOUN_CLITICS = proclitics("noun").forms  # before a building or media word (بمستشفى، لصحيفة)
_LETTER = re.compile(r"[^\W_]")
_WORD_BACK = re.compile(r"([^\W\d_]+)(\s+)$")

# the modifier words read around a name (data/place_words.yaml, normalised)
_PLACE_WORDS = load_yaml("place_words.yaml")


def _keys(words) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in words)


_TYPE_WORDS = {normalize_key(w): kind for kind, ws in _PLACE_WORDS["type_words"].items() for w in ws}
_PLURAL_TYPES = _keys(_PLACE_WORDS["plural_types"])
_NEAR_WORDS = _keys(_PLACE_WORDS["near_words"])
_DIRECTIONS = _keys(_PLACE_WORDS["directions"])
_SKIP_WORDS = _keys(_PLACE_WORDS["skip_words"])
_LOCATING_WORDS = _keys(_PLACE_WORDS["locating_words"])
_COUNTRYSIDE_WORDS = _keys(_PLACE_WORDS["countryside_words"])
_REFERENCE_WORDS = _keys(_PLACE_WORDS.get("reference_words") or ())
_SCENE_VERBS = _keys(_PLACE_WORDS.get("scene_verbs") or ())
_LEADER_WORDS = _keys(_PLACE_WORDS.get("leader_words") or ())
_DESTINATION_WORDS = _keys(_PLACE_WORDS.get("destination_words") or ())
_GOV_CAPITALS = _keys(_PLACE_WORDS.get("government_capitals") or ())
_GOV_WORDS = _keys(_PLACE_WORDS.get("government_words") or ())
_GOV_WIDTH = max((len(k.split()) for k in _GOV_WORDS), default=0)
_ORIGIN_WORDS = _keys(_PLACE_WORDS.get("origin_words") or ())
_FROM = _keys(["من"])
_ORIGIN_GAP = 3  # words between an origin word and the من before the name (شنته تلك القوات من عدن)
#: a word of these (or one with a ل glued: لطرد، للسيطرة) between an origin word and من opens the act's target or
#: purpose: "هجوم شنته القوات لطرد المسلحين من مدينة لودر" is at Lawdar
_ORIGIN_STOP = _keys(["على", "ضد", "في", "إلى", "الى", "داخل"])
_TITLE_WORDS = _keys(_PLACE_WORDS.get("title_words") or ())
_ROUTE_WORDS = _keys(_PLACE_WORDS.get("route_words") or ())
_ROUTE_PASS = _keys(["بين", "إلى", "الى", "من"])
_RANKING_WORDS = _keys(_PLACE_WORDS.get("ranking_words") or ())
_AFTER = _keys(["بعد"])
_GOAL_WORDS = _keys(_PLACE_WORDS.get("goal_words") or ())
_SUPPLY_WORDS = _keys(_PLACE_WORDS.get("supply_words") or ())
_SUPPLY_PASS = _keys(["على", "عن", "إلى", "الى", "من", "ناحية", "قاعدة", "معسكر", "مطار"])
_ANCHOR_DURATIONS = _keys(_PLACE_WORDS.get("anchor_durations") or ())
_ANCHOR_LINKS = _keys(["على", "من"])
_ANCHOR_WIDTH = 14  # words from بعد to the name at most (بعد يومين على الهجوم الذي أوقع 32 قتيلا ومئة جريح في سروج)
#: what ends the clause of a time anchor: a name after one is no longer in it
_ANCHOR_STOP = re.compile(r"[.،,؛;:!؟?]")
_ELSEWHERE = _keys(_PLACE_WORDS.get("elsewhere_words") or ())
_ELSEWHERE_WIDTH = max((len(k.split()) for k in _ELSEWHERE), default=0)
#: the next name glued to one of these alone only says where the first is (بلدة العوامية بالقطيف): mentions.py
LOCATING_CLITICS = _keys(_PLACE_WORDS["locating_clitics"])
_DOUBTFUL_CLITICS = _keys(_PLACE_WORDS["doubtful_clitics"])  # فبركة is not ف + بركة
_VERB_INITIALS = _keys(_PLACE_WORDS["verb_initials"])  # تدمر 16 آلية: the verb
_NOT_NOUNS = _keys(_PLACE_WORDS["not_nouns"])  # الي، علي، التي: begin with ال, are no definite noun
_DEFINITE_TYPE = tuple(proclitics("definite_type").forms)  # ال وال بال: a definite type word (الحي الصناعي)
_NISBA_SUFFIXES = suffixes("nisba")  # longest first: اليمنيين before اليمني
_KIND_RANK = {"town": 4, "admin2": 3, "admin1": 2, "region": 1, "country": 0}
_SMALL_TOWN = 50_000
_NISBA_HAMLET = 1_000  # a country's adjective names no place smaller than this (المصري)
_BIG_CITY = 5_000_000  # a capital-sized city abroad needs no support (القاهرة, طهران)


@dataclass(frozen=True)
class _Context:
    """What the picker knows of the article: its countries (ISO3, focus first) and admin units named."""

    focus: tuple[str, ...] = ()
    admin1: frozenset[tuple[str, str]] = frozenset()  # (ISO3, ACLED admin1)
    admin2: frozenset[tuple[str, str]] = frozenset()
    region: str = ""  # ACLED region of the focus country


class _Less:
    """A set less a few keys, without a copy: the units named in a text but one mention's own."""

    __slots__ = ("base", "gone")

    def __init__(self, base: frozenset, gone: frozenset) -> None:
        self.base, self.gone = base, gone

    def __contains__(self, key: object) -> bool:
        return key in self.base and key not in self.gone


class _Recent:
    """A memo of the results met lately: when it holds ``size`` of them, they become the older half and a new
    half starts (a result asked from the older half moves back to the new one). Emptied whole, it dropped the
    sentences of the batch being read between its context and its events, which were then read again."""

    __slots__ = ("new", "old", "size")

    def __init__(self, size: int) -> None:
        self.new: dict = {}
        self.old: dict = {}
        self.size = size

    def get(self, key):
        got = self.new.get(key)
        if got is None and self.old:
            got = self.old.get(key)
            if got is not None:
                self[key] = got
        return got

    def __setitem__(self, key, value) -> None:
        if len(self.new) >= self.size:
            self.old, self.new = self.new, {}
        self.new[key] = value

    def __len__(self) -> int:
        return len(self.new) + len(self.old)

    def clear(self) -> None:
        self.new, self.old = {}, {}


class _Overlaps:
    """Whether [s, e) overlaps any of some spans (``any(a < e and s < b)``), by bisection over the spans
    sorted by start with the running maximum of their ends: each place mention of a long sentence asks
    against every NER span, which was quadratic."""

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.ends = list(itertools.accumulate((b for _, b in spans), max))

    def __call__(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e)  # the spans with a < e
        return i > 0 and self.ends[i - 1] > s


_NO_SPANS = _Overlaps(())  # read-only: overlaps nothing

_MOD_ARTICLES = proclitics("modifier").forms  # the article forms stripped from a modifier (clitics.yaml)
_MOD_LETTERS = proclitics("modifier").letters  # و ف ب ل ك: stripped one by one


def _bare(word: str) -> str:
    """A modifier word without its clitics and article (وبمدينة -> مدينه, الريف -> ريف)."""
    for _ in range(2):
        if word in _ALL_MOD:
            return word  # بلده is the type word itself, not ب + لده
        if len(word) > 3 and word[0] in _MOD_LETTERS and word[1:] in _ALL_MOD:
            return word[1:]
        for art in _MOD_ARTICLES:
            if word.startswith(art) and word[len(art) :] in _ALL_MOD:
                return word[len(art) :]
        if len(word) > 3 and word[0] in _MOD_LETTERS:
            word = word[1:]
    return word


_ALL_MOD = set(_TYPE_WORDS) | _NEAR_WORDS | _DIRECTIONS | _SKIP_WORDS
# a modifier word is never itself the place (WOF has villages called محيط and مركز)
_MOD_KEYS = frozenset(_ALL_MOD | {"ال" + w for w in _ALL_MOD})

# the five points a region is told by (شمالي، الشمال، شمالا، بشمال read as شمال)
_COMPASS = _keys(["شمال", "جنوب", "شرق", "غرب", "وسط"])


def _compass(word: str) -> str:
    """The point of the compass a word names ("بشمال", "الشرقي", "شمالا" -> its bare form), or ""."""
    b = _bare(word)
    for w in (b, b[2:] if b.startswith("ال") else ""):
        for suffix in ("", "ي", "ا", "يه"):
            if w.endswith(suffix) and w[: len(w) - len(suffix)] in _COMPASS:
                return w[: len(w) - len(suffix)]
    return ""


def region_direction(text: str, start: int) -> str:
    """The direction a name at ``start`` is told by ("في شمال شرقي سوريا" -> "شمال شرق"; "بأقصى شمال
    الكاميرون" -> "شمال"), or "" when no direction word stands right before it."""
    before = text[max(0, start - 40) : start]
    if before and not before[-1].isspace():
        before = before[: len(before) - len(before.split()[-1])]  # a clitic glued to the name (بسوريا)
    out: list[str] = []
    for w in reversed(before.split()[-4:]):
        c = _compass(w)
        if c:
            out.append(c)
        elif not (_bare(w) in _SKIP_WORDS and out):
            break
    return " ".join(reversed(out))


#: "في شرق البلاد": the article's country told by a region of it without its name
_THE_COUNTRY = normalize_key("البلاد")


def country_word_direction(text: str) -> str:
    """The direction of the first "شرق البلاد"-like phrase of a normalised text ("جنوب شرق"), or ""."""
    i = text.find(_THE_COUNTRY)
    while i >= 0:
        if (i == 0 or text[i - 1].isspace()) and (d := region_direction(text, i)):
            return d
        i = text.find(_THE_COUNTRY, i + 1)
    return ""


# "شرق سوريا" is coded at Deir-ez-Zor: ISO3 -> direction -> the seat's key (place_words.yaml region_seats)
_REGION_SEATS = {
    iso3: {" ".join(_compass(w) for w in normalize_key(d).split()): normalize_key(seat) for d, seat in ds.items()}
    for iso3, ds in (_PLACE_WORDS.get("region_seats") or {}).items()
}


def km(a: Place, b: Place) -> float:
    """Great-circle distance in km (inf when a coordinate is missing)."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    la1, lo1, la2, lo2 = map(
        math.radians, (a.latitude, a.longitude, b.latitude, b.longitude)
    )
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


_ASIDE = re.compile(r"\([^()]*\)")  # "(شمال المملكة)": an aside in brackets
#: "، الواقعة قبالة", "، التي تقع قرب": the comma before an aside that locates the first name (place_words.yaml)
_APPOSITIVE = _keys(_PLACE_WORDS.get("appositive_words") or ())
_APPOSITIVE_WIDTH = max((len(k.split()) for k in _APPOSITIVE), default=0)


def _appositive(between: str) -> str:
    """``between`` with the comma before a locating aside dropped ("، الواقعة قبالة مدينة" -> " الواقعة قبالة
    مدينة"). Only a comma right after the first name (or its adjectives: "سروج التركية،") counts; any other
    stays a list."""
    head, sep, tail = between.partition("،") if "،" in between else between.partition(",")
    if not sep or "،" in tail or "," in tail:
        return between
    head_words = head.split()
    if len(head_words) > 2 or not all(w.startswith("ال") for w in head_words):
        return between  # "مدينة صعدة ومديرية سحار، قرب ...": a clause or a list before the comma
    words = [normalize_key(w) for w in tail.split()[:_APPOSITIVE_WIDTH]]
    if any(" ".join(words[:n]) in _APPOSITIVE for n in range(1, len(words) + 1)):
        return head + " " + tail
    return between


def aside_locates(between: str) -> bool:
    """Whether an aside of ``appositive_words`` (not a bare near word) makes the next name the first's reference
    point: "سروج، الواقعة قبالة مدينة كوباني السورية". Such an aside locates a place across a border too."""
    words = [normalize_key(w) for w in re.findall(r"\w+", _ASIDE.sub(" ", between))]
    told = any(" ".join(words[i : i + n]) in _APPOSITIVE and words[i] not in _NEAR_WORDS
               for i in range(len(words)) for n in range(1, _APPOSITIVE_WIDTH + 1))
    return told and len(words) <= 6 and locates_next(between)


def list_joint(between: str) -> bool:
    """Whether the words between two names join a list: a comma, a word with و glued to it ("ومديرية"), or a و
    ending the gap ("صنعاء و عدن")."""
    words = re.findall(r"\w+", between)
    return (any(c in between for c in ",،") or any(w.startswith("و") and len(w) > 3 for w in words)
            or bool(words and words[-1] == "و" and between.rstrip().endswith("و")))  # fmt: skip


def locates_next(between: str) -> bool:
    """Whether the words between two place names make the second the first's reference point.

    "قرية أم صفا شمال غرب مدينة رام الله", "منطقة طخية بمديرية مجز", "حي الزيتون في
    مدينة غزة": the second name only says where the first is. "مدينة صعدة ومديرية
    سحار" lists two places; so does "إربد (شمال المملكة) والكرك": an aside in brackets says where the
    first is, and the و glued to the next name joins a list.
    """
    between = _appositive(_ASIDE.sub(" ", between))
    if list_joint(between):
        return False  # a list: "مدينة صعدة ومديرية سحار"
    for w in re.findall(r"\w+", between):
        if w in _LOCATING_WORDS or normalize_key(w) in _LOCATING_WORDS:
            return True
        if _bare(w) in _NEAR_WORDS or _bare(w) in _DIRECTIONS:
            return True
        if w.startswith(("ب", "وب")) and w.lstrip("و")[1:] in _TYPE_WORDS:
            return True
    return False


#: the words of a containing phrase between a name and the unit it lies in (place_words.yaml inside_words)
_INSIDE_WORDS = _keys(_PLACE_WORDS["inside_words"])


def told_inside(between: str) -> bool:
    """Whether the words between two names say the first lies inside the second: "قرية الخوجرة بجازان",
    "بلدة سروج بجنوب شرق تركيا", "حي كلابة في مدينة تعز" (ب or في, a type word, a direction).

    Narrower than :func:`locates_next`: a near word ("قرب الحدود مع سوريا"), بين or a list says nothing
    of which country the first name is in.
    """
    between = _ASIDE.sub(" ", between)
    if any(c in between for c in ",،-–()\"«»") or any(ch.isdigit() for ch in between):
        return False
    words = between.split()
    if len(words) > 4:
        return False
    told = False
    for w in words:
        k = normalize_key(w)
        bare = k[1:] if k.startswith("ب") and len(k) > 2 else k
        if k in _INSIDE_WORDS or k in LOCATING_CLITICS:
            told = True
        elif _bare(bare) in _DIRECTIONS or _bare(bare) in _TYPE_WORDS or bare in _TYPE_WORDS:
            told = told or bare != k  # a ب glued to it: "بجنوب شرق", "بمحافظة"
        elif k in _SKIP_WORDS:
            continue
        else:
            return False
    return told


def type_word(word: str) -> str:
    """The place kind a type word names (مدينة، وبمحافظة -> town, admin1), or '' for any other word."""
    return _TYPE_WORDS.get(_bare(normalize_key(word)), "")


#: the last word of each ``elsewhere_words`` phrase (في، من): a name whose words before end otherwise (type words
#: passed over) is told where it happened, whatever the words before them
_ELSEWHERE_LAST = frozenset(k.split()[-1] for k in _ELSEWHERE if " " in k)


def _words_back(text: str, lo: int, j: int):
    """The words of ``text[lo:j]`` as ``re.findall(r"\\w+", ...)`` finds them (runs of letters, digits and _:
    ``c.isalnum() or c == "_"``), last first, read back from ``j`` only as far as they are asked for."""
    k = j
    while True:
        while k > lo and not (text[k - 1].isalnum() or text[k - 1] == "_"):
            k -= 1
        if k == lo:
            return
        i = k - 1
        while i > lo and (text[i - 1].isalnum() or text[i - 1] == "_"):
            i -= 1
        yield text[i:k]
        k = i


def _held_in_one(words) -> tuple[str, ...]:
    """The words that hold no other of them (صحفي, not الصحفيين): a text holds one of them iff it holds one of all."""
    out: list[str] = []
    for w in sorted(words, key=lambda w: (len(w), w)):
        if not any(a in w for a in out):
            out.append(w)
    return tuple(out)


#: the word before the last of each ``elsewhere_words`` phrase (الصحفيين، إقامته، شنته): every phrase has one; those
#: that hold no other (صحفي for الصحفيين، للصحفيين، صحفيا)
_ELSEWHERE_BEFORE_LAST = _held_in_one({k.split()[-2] for k in _ELSEWHERE if " " in k})


def may_tell_elsewhere(text: str) -> bool:
    """Whether a word before the last of an ``elsewhere_words`` phrase is in ``text`` at all (as a part of any
    word): read once per text; most sentences have none, and then no name in them is told elsewhere."""
    for w in _ELSEWHERE_BEFORE_LAST:
        if w in text:
            return True
    return False


def _told_elsewhere_at(text: str, j: int, maybe: bool = True) -> bool:
    """Whether the words of the 80 characters before ``j`` (type words passed over) end with one of
    ``elsewhere_words``: "أمام الصحافيين في أنقرة", "هجوم شنته من عدن", "من مقر إقامته في الرياض"
    (place_words.yaml). The words are read back from ``j`` only as far as needed: the type words, then the last
    word (most are no في or من: no phrase ends there), then the few words of a phrase.

    ``maybe``: False when the caller knows that no word before the last of a phrase is in the text
    (:func:`may_tell_elsewhere`): then none is read."""
    if not maybe:
        return False
    lo = max(0, j - 80)
    words = _words_back(text, lo, j)
    for w in words:
        if Gazetteer._bare_word(w) not in _TYPE_WORDS:
            break
    else:
        return False  # no word, or type words only
    if w not in _ELSEWHERE_LAST:
        return False
    tail = [w, *itertools.islice(words, _ELSEWHERE_WIDTH - 1)]
    return any(" ".join(reversed(tail[:n])) in _ELSEWHERE for n in range(2, len(tail) + 1))


def _told_as_government(text: str, j: int, s: int) -> bool:
    """Whether the capital whose word starts at ``j`` (its name at ``s``, clitics between) comes right after one of
    ``government_words`` (place_words.yaml): "واصلت أنقرة حملتها", "ما وصفته أنقرة بأنه", "بحسب أنقرة", "وفقا
    لدمشق", "الهدنة بين أنقرة والمتمردين". A conjunction on the phrase's first word is passed over (وواصلت); a ب
    glued to the name ("بأنقرة") makes it a place whatever comes before."""
    if not _GOV_WORDS or "ب" in text[j:s]:
        return False
    words = list(itertools.islice(_words_back(text, max(0, j - 60), j), _GOV_WIDTH))
    for n in range(1, len(words) + 1):
        tail = list(reversed(words[:n]))
        if " ".join(tail) in _GOV_WORDS:
            return True
        if tail[0][:1] in "وف" and " ".join([tail[0][1:], *tail[1:]]) in _GOV_WORDS:
            return True
    return False


def _told_as_origin(text: str, j: int) -> bool:
    """Whether the name whose word starts at ``j`` comes after من (type words passed over) with one of
    ``origin_words`` (place_words.yaml) at most ``_ORIGIN_GAP`` words before that من, none of them a target or
    purpose word (``_ORIGIN_STOP``, a ل glued): "هجوم شنته تلك القوات من عدن", "قذائف مصدرها مواقع الفصائل المقاتلة
    من حي جوبر": where the act was launched from, not where it struck."""
    words = _words_back(text, max(0, j - 120), j)
    for w in words:
        if Gazetteer._bare_word(w) not in _TYPE_WORDS:
            break
    else:
        return False
    if w not in _FROM and not (w[:1] == "و" and w[1:] in _FROM):
        return False
    for w in itertools.islice(words, _ORIGIN_GAP + 1):
        if w in _ORIGIN_WORDS or (w[:1] in "وف" and w[1:] in _ORIGIN_WORDS):
            return True
        if w in _ORIGIN_STOP or w[:1] == "ل":
            return False
    return False


def _nisba(word: str) -> bool:
    """A definite nationality or relation adjective after a type word ("للعاصمة الأردنية عمان", "محافظة صعدة
    اليمنية"): ال + a stem + ي or يه."""
    return word.startswith("ال") and len(word) > 5 and word.endswith(("ي", "يه"))


_TO = _keys(["إلى", "الى", "من"])  # "متجها إلى العاصمة", "قادما من الأردن": the preposition after a word of going


@functools.lru_cache(maxsize=4096)
def _last_words(before: str) -> tuple[str, ...]:
    """The words just before a name, last first, with type words and the adjectives after them passed over.
    Remembered by the text: ``split_by_place`` asks toward, aimed, on_route, ranked, supplied and titled about
    the same 40 characters before each name."""
    out = []
    words = re.findall(r"\w+", before)[-5:]
    for i, w in enumerate(reversed(words)):
        if _bare(w) in _TYPE_WORDS or (_nisba(w) and i < 2):
            continue
        if w in _TO:
            continue  # "متجها إلى العاصمة": the preposition after a destination word
        out.append(w)
    return tuple(out)


def toward(before: str) -> bool:
    """Whether the words just before a name (type words and their adjective passed over) make it a destination:
    "نحو بلدتي النخيب والعلم", "فروا باتجاه محافظة البيضاء", "متجهة للعاصمة الأردنية عمان" (place_words.yaml
    ``destination_words``)."""
    for w in _last_words(before):
        return w in _DESTINATION_WORDS or w[1:] in _DESTINATION_WORDS
    return False


def on_route(before: str) -> bool:
    """Whether the name is an end of a road or a bridge: "الطريق الرابط بين كركوك وأربيل", "الطرق المؤدية إلى
    حلب", "جسرا يربط لحج وعدن", "طريق (الفيوم - القاهرة)" (place_words.yaml ``route_words``; type words,
    adjectives, بين and إلى passed over, three words back at most). A road's ends are where it goes, not where the
    event happened."""
    words = [w for w in itertools.islice(_last_words(before), 3) if w not in _ROUTE_PASS]
    # the nearest word only: "حي طريق السد وبلدتي النعيمة" names a quarter called "the dam road", then a town struck
    return bool(words) and (words[0] in _ROUTE_WORDS or words[0][1:] in _ROUTE_WORDS)


def time_anchored(text: str, s: int, at: int) -> bool:
    """Whether the name starting at ``s`` of ``text`` is told inside a time anchor that the trigger at ``at`` (same
    coordinates) lies outside of: "وذلك بعد أربعة أيام على تفجير سروج"، "وبعد يومين على الهجوم الذي أوقع 32 قتيلا
    في سروج تبنت الحركة قتل شرطيين" (بعد, at most two words, one of ``anchor_durations`` of place_words.yaml, at most
    one word, على/من; the name at most ``_ANCHOR_WIDTH`` words after بعد, no clause mark between). The name is the
    place of the act the news is timed by, a reference point, not where the news happened."""
    if not _ANCHOR_DURATIONS:
        return False
    lo = max(0, s - 200)
    words = [(m.start(), normalize_key(m.group())) for m in re.finditer(r"\S+", text[lo:s])][-_ANCHOR_WIDTH:]
    for i, (b, w) in enumerate(words):
        if w not in _AFTER and not (w[:1] == "و" and w[1:] in _AFTER):
            continue
        if _ANCHOR_STOP.search(text, lo + b, s):
            continue  # a clause mark between بعد and the name
        rest = [x for _, x in words[i + 1 : i + 6]]
        for k in range(min(3, len(rest))):
            if rest[k] in _ANCHOR_DURATIONS and any(x in _ANCHOR_LINKS for x in rest[k + 1 : k + 3]):
                return not lo + b <= at < s
    return False


def ranked(before: str) -> bool:
    """Whether the name is what a place is ranked against: "تعز، ثالث أكبر مدينة في اليمن بعد صنعاء وعدن",
    "الفلوجة ثاني أكبر مدن الأنبار بعد الرمادي" (place_words.yaml ``ranking_words``: بعد right before the name, type
    words passed over, a superlative or ordinal at most five words before it). The name compared with is not
    where the event happened."""
    words = [normalize_key(w) for w in re.findall(r"\w+", before)[-7:]]
    last = next(iter(_last_words(before)), None)
    if last is None or normalize_key(last) not in _AFTER:
        return False
    at = max(i for i, w in enumerate(words) if w in _AFTER)
    return any(w in _RANKING_WORDS for w in words[max(0, at - 5) : at])


def aimed(before: str) -> bool:
    """Whether the name is what an operation is meant to protect or secure: "هجوما لاستعادة قاعدة العند في لحج وحماية
    عدن", "نشر جنود لتأمين عدن" (place_words.yaml ``goal_words``, one clitic and type words passed over). A goal is
    not where the event happened."""
    words = _last_words(before)
    if not words:
        return False
    w = normalize_key(words[0])
    return w in _GOAL_WORDS or w[1:] in _GOAL_WORDS


def supplied(before: str) -> bool:
    """Whether the name is whose supply line was cut: "قطعت طرق الإمداد على قاعدة العند", "قطعوا طرق الإمداد عن قاعدة
    العند", "قطعت خطوط إمدادها إلى مطار المدينة" (place_words.yaml ``supply_words``; type words,
    prepositions and a base word passed over, four words back at most). The line's end is not where it was cut."""
    words = [normalize_key(w) for w in itertools.islice(_last_words(before), 4)]
    words = [w for w in words if w not in _SUPPLY_PASS and w[1:] not in _SUPPLY_PASS][:1]
    return bool(words) and words[0] in _SUPPLY_WORDS


def joins_list(between: str) -> bool:
    """Whether only a list's joints stand between two names (و، a comma, a dash, type words, brackets): the
    second continues what governed the first ("باتجاه بلدات صدد وفيروزة", "طريق (الفيوم - القاهرة)")."""
    if any(ch.isdigit() for ch in between) or len(between) > 30:
        return False
    if re.sub(r"[\w\s،,\-–()\"«»]", "", between):
        return False
    for w in re.findall(r"\w+", between):
        b = _bare(w[1:] if w.startswith("و") and len(w) > 2 else w)
        if w != "و" and b not in _TYPE_WORDS:
            return False
    return True


def titled(before: str) -> bool:
    """Whether the name belongs to a person's title: "أمير منطقة مكة المكرمة", "محافظ عدن", "سفير خادم الحرمين
    لدى الأردن" (place_words.yaml ``title_words``, type words passed over). Such a name says who spoke or acted,
    not one more place where the event happened."""
    words = list(itertools.islice(_last_words(before), 2))
    return bool(words) and (words[0] in _TITLE_WORDS or " ".join(reversed(words)) in _TITLE_WORDS)


def points_back(between: str) -> bool:
    """Whether the words between two names make the second only a direction or distance from the first.

    "ولاية لوغار جنوب كابول", "محافظة صعدة شمال العاصمة صنعاء", "سيفاري التي تبعد 600 كلم شمال شرق
    باماكو": only a direction or near word, with type, skip and ``reference_words`` and figures, stands
    between them. Then the event is at the first name however coarse it is (a province), and never at the
    reference point, which lies elsewhere. A list, a comma or any other word between is no such pointer.
    """
    between = _ASIDE.sub(" ", between)
    if any(c in between for c in ",،.:؛;"):
        return False
    pointed = False
    for w in re.findall(r"\w+", between):
        b = _bare(w)
        if b in _DIRECTIONS or b in _NEAR_WORDS:
            pointed = True
        elif not (w.isdigit() or b in _TYPE_WORDS or b in _SKIP_WORDS or w in _SKIP_WORDS
                  or w in _REFERENCE_WORDS or b in _REFERENCE_WORDS):
            return False
    return pointed


# country names that are also the feminine nationality adjective: after a definite noun they are
# the adjective ("القوات السعودية"), not the country
_ADJECTIVE_KEYS = _keys(_PLACE_WORDS["adjective_keys"])
_DIRECTION_ADJ = _keys(_PLACE_WORDS["direction_adjectives"])
_ADJECTIVE_HEADS = _keys(_PLACE_WORDS.get("adjective_heads") or ())
_UNSET = object()  # an argument not given (None is a value: no word before)
_CLUB_ADJ = re.compile(r"\s+(ال[^\W\d_]{3,}ي)(?![^\W\d_])")  # "بازل السويسري": see Gazetteer._not_a_name
_DASH_AFTER = re.compile(r"\s*[-–—]\s")
_NON_SPACE = re.compile(r"\S+")
_DASH = re.compile("[-–—]")
_SPACE_DIGIT = re.compile(r"\s+\d")  # "تدمر 16 آلية": a number right after the name (read in its next 3 characters)


def _start_of_word(text: str, s: int) -> int:
    """The start of the word whose letters run up to ``s`` (where its clitics begin: "وبمدينة" -> the و)."""
    j = s
    while j > 0 and text[j - 1].isalnum():  # = _LETTER.match (tests/test_speed_equiv.py), without the regex call
        j -= 1
    return j


def _after_a_mark(text: str, i: int) -> bool:
    """Whether ``text[:i]`` is empty, or ends with spaces after a character that is no letter or digit (". ",
    "؟\n", or spaces alone): no word can be read back across it from ``i``."""
    if i == 0:
        return True
    if not text[i - 1].isspace():
        return False
    k = i - 2
    while k >= 0 and text[k].isspace():
        k -= 1
    return k < 0 or not text[k].isalnum()


def may_have_dateline(text: str) -> bool:
    """Whether a dash or a colon is in the text: with neither, no name in it is a dateline (:func:`_dateline`), and
    its mentions need not be asked one by one."""
    return ":" in text or "-" in text or "–" in text or "—" in text


def _dateline(text: str, m: _Mention, offset: int) -> bool:
    """A name opening the text and followed by a dash ("جدة - ...", "الرياض – واس"), or closing a
    byline with a colon ("عبدالله السالم- سبق- الدمام:"): where the report was filed, never the
    event's place."""
    s, e = m.start - offset, m.end - offset
    dash_after = _DASH_AFTER.match(text, e) is not None
    colon = text[e : e + 2].strip()[:1] == ":"
    if not (dash_after or colon):
        return False  # the usual case: neither reading, no need to count the words before the name
    # the words before the name, counted as str.split() counts them but only up to 7: every place
    # mention of a long text asks, so splitting the whole head was quadratic
    n_head = sum(1 for _, _ in zip(range(7), _NON_SPACE.finditer(text, 0, s)))
    if n_head == 0 and dash_after:
        return True
    return (
        n_head <= 6
        and colon
        and _DASH.search(text, 0, s) is not None  # a dash before the name (checked last: the rarest)
    )


def word_list(name: str) -> frozenset[str]:
    """Normalised entries of a one-per-line data file (``#`` starts a comment)."""
    text = check_word_list(name)  # checked (extractor/rules_schema.py)
    return frozenset(
        normalize_key(x.strip())
        for x in text.splitlines()
        if x.strip() and not x.startswith("#")
    )


_COLUMNS = ("key", "kind", "name", "country", "iso3", "iso", "region", "admin1", "admin2",
            "lat", "lon", "population", "flags")  # fmt: skip
_FILES = (
    "places.tsv.gz",
    "places_sd_osm.tsv.gz",
)  # CC BY (GeoNames, WOF, OCHA, hand-kept); ODbL (OSM Sudan)
_WORD = re.compile(r"[^\W_]+")
_WORD_END = re.compile(r"[^\W_](?=[\W_])")  # the last letter of a _WORD match that is not the text's last
_CLITIC_ORDER = _PLACE_CLITICS.forms  # shortest first
# the clitics a word can start with, by its first letter (in _CLITIC_ORDER's order; "" fits every word)
_CLITICS_BY_FIRST = {c: tuple(p for p in _CLITIC_ORDER if not p or p[0] == c) for c in {p[0] for p in _CLITIC_ORDER if p}}
_CLITICS_NONE = tuple(p for p in _CLITIC_ORDER if not p)
_QUOTES_OPEN = "«\"“'‘"
_QUOTES_CLOSE = "»\"”'’"


def _parse(line: str) -> _Entry:
    f = line.split("\t")
    f += [""] * (len(_COLUMNS) - len(f))
    return _Entry(
        f[1], f[2], f[3], f[4], int(f[5]) if f[5] else None, f[6], f[7], f[8],
        float(f[9]) if f[9] else None, float(f[10]) if f[10] else None, int(f[11] or 0),
        rare="r" in f[12], wordlike="w" in f[12], bulk="s" in f[12],
    )  # fmt: skip


_MAX_WORDS = 8  # the longest key, in words (tools/build_gazetteer.py checks it)


def _lines_with(text: str, needles: tuple[str, ...]) -> list[str]:
    """The lines of ``text`` that contain one of the needles (found by str.find, not line by line)."""
    out = []
    for needle in needles:
        i = text.find(needle)
        while i >= 0:
            a = text.rfind("\n", 0, i) + 1
            b = text.find("\n", i)
            b = len(text) if b < 0 else b
            out.append(text[a:b])
            i = text.find(needle, b)
    return out


@dataclass(frozen=True)
class _Blocks:
    """File bodies (rows sorted by key, one a line), handed to the constructor as they are."""

    texts: list[str]


class _Lines:
    """Key -> its rows' lines over sorted texts (the lines of one key are consecutive): the lines,
    the keys and a dict from key to its first line, each built by one C-speed call."""

    def __init__(self, texts: list[str], stop: frozenset[str] = frozenset()):
        self._blocks = []
        for text in texts:
            lines = text.split("\n")
            keys = [x[: x.find("\t")] for x in lines]
            first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1)))
            self._blocks.append((lines, keys, first))
        self._stop = stop

    def __contains__(self, key: str) -> bool:
        return key not in self._stop and any(key in b[2] for b in self._blocks)

    def get(self, key: str, default=()) -> list[str]:
        if key in self._stop:
            return list(default)
        out = []
        for lines, keys, first in self._blocks:
            i = first.get(key)
            while i is not None and i < len(keys) and keys[i] == key:
                out.append(lines[i])
                i += 1
        return out or list(default)

    def __len__(self) -> int:
        return sum(len(b[0]) for b in self._blocks)

    def keys(self):
        return {k for b in self._blocks for k in b[2] if k not in self._stop}

    def items(self):
        return [(k, self.get(k)) for k in sorted(self.keys())]

    def values(self):
        return [v for _k, v in self.items()]


class Gazetteer:
    """The place index: every Arabic key -> its rows, looked up word by word.

    The files are held as sorted lines with one dict from key to its first line; a row is
    parsed the first time its key is met, so loading costs one pass over the keys and a
    lookup costs the same whatever the gazetteer's size (a few dict probes per word of text).
    """

    def __init__(self, rows: list[dict[str, str]] | None = None, stop: frozenset[str] = frozenset(),
                 needs_type: frozenset[str] = frozenset(), facilities: frozenset[str] = frozenset(),
                 *, lines: list[str] | None = None, stop_phrases: frozenset[str] = frozenset(),
                 media: frozenset[str] = frozenset()):  # fmt: skip
        self._stop = (
            stop  # whole words (clitics included) that are never places: فرانس (برس)
        )
        self._needs_type = needs_type  # common words that are places only after a type word: مدينة الباب
        # building and media words before a name (مسجد، مستشفى، صحيفة، قناة), with their clitics and article
        self._facilities = frozenset(p + f for f in facilities | media for p in _NOUN_CLITICS)
        # multi-word phrases that are never places although they start with one (حماة الوطن)
        self._stop_phrases: dict[str, list[str]] = {}
        for ph in stop_phrases:
            self._stop_phrases.setdefault(ph.split(" ")[0], []).append(ph)
        if lines is None:
            lines = ["\t".join(r.get(c, "") for c in _COLUMNS) for r in rows or []]
        texts = (
            ["\n".join(sorted(x for x in lines if x))]
            if not isinstance(lines, _Blocks)
            else lines.texts
        )
        texts = [t for t in texts if t]
        self._lines = _Lines(texts, stop)
        self._parsed: dict[str, tuple[_Entry, ...]] = {}
        self._max_words = _MAX_WORDS
        self._countries: dict[str, _Entry] = {}
        self._admin1: dict[tuple[str, str], _Entry] = {}
        # the Arabic keys of country names: a village or district of the same name never wins over the
        # country (اليمن is Yemen, not the hamlet Al Yaman in Al Hudaydah)
        self._country_keys: set[str] = set()
        for text in texts:
            for line in _lines_with(text, ("\tcountry\t", "\tadmin1\t")):
                e = _parse(line)
                if e.kind == "country":
                    self._country_keys.add(line.partition("\t")[0])
                    self._countries.setdefault(e.iso3, e)
                    self._countries.setdefault(e.country, e)
                elif e.kind == "admin1":
                    self._admin1.setdefault((e.iso3, e.name), e)

    def __len__(self) -> int:
        return len(self._lines)

    def entries(self, key: str, *, short: bool = False) -> tuple[_Entry, ...]:
        """The rows of one normalised key (parsed once, then cached). With ``short``, only the rows left
        out because the name is a very short word (kept after a type word: "مدينة خاش")."""
        got = self._parsed.get((key, short) if short else key)
        if got is None:
            long, small = [], []
            floor = country_word_floor(key, self._country_keys)
            for line in self._lines.get(key, ()):
                e = _parse(line)
                if e.kind in ("town", "admin2") and e.pop < floor:
                    continue  # a country's name or adjective is not a small place of that name
                # very short one-word town names are mostly ordinary words or name parts (unless they
                # are listed as needing a type word: "بلدة جلب", or told right after one: "مدينة خاش")
                if (e.kind in ("town", "admin2") and " " not in key and len(key) <= 3 and e.pop < 100_000
                        and key not in self._needs_type):  # fmt: skip
                    small.append(e)
                else:
                    long.append(e)
            if long and small:
                # the name is read as a place anyway (Gaza's Rafah): its smaller homonyms are places too, for
                # the article's country to choose (Rafah of North Sinai), not words
                long, small = long + small, []
            got = self._parsed[(key, short) if short else key] = tuple(small if short else long)
        return got

    def _short_after_type(self, text: str, s: int, key: str) -> tuple[_Entry, ...]:
        """The towns of a very short one-word name told right after a settlement's type word ("مدينة خاش",
        "بلدة جلب"): the type word says the word is a name."""
        if " " in key or len(key) > 3 or s == 0 or text[s - 1].isalnum():
            return ()
        prev = self._word_back(text, max(0, s - 40), s)
        if not prev or _TYPE_WORDS.get(self._bare_word(prev[0])) != "town" or self._bare_word(prev[0]) in _PLURAL_TYPES:
            return ()
        if text[prev[1] + len(prev[0]) : s].strip(" "):
            return ()  # only spaces between: never across a line break or a sentence's end
        return self.entries(key, short=True)

    # ------------------------------------------------------------------ loading
    @classmethod
    @functools.cache
    def load(cls) -> Gazetteer:
        blocks: list[str] = []
        for name in _FILES:
            res = resources.files("extractor.data").joinpath(name)
            if not res.is_file():
                continue
            text = gzip.decompress(res.read_bytes()).decode("utf-8")
            header, _, body = text.partition("\n")
            if tuple(header.split("\t")[: len(_COLUMNS) - 1]) != _COLUMNS[:-1]:
                raise ValueError(f"{name}: unexpected columns {header!r}")
            blocks.append(body.rstrip("\n"))  # written sorted by key
        lines = _Blocks(blocks)
        stop = word_list("places_stop.txt")
        return cls(None, frozenset(x for x in stop if " " not in x), word_list("places_needs_type.txt"),
                   word_list("places_facilities.txt"), lines=lines,
                   stop_phrases=frozenset(x for x in stop if " " in x), media=word_list("places_media.txt"))  # fmt: skip

    # ------------------------------------------------------------------ matching
    # the text cut into words and the runs between them, as _WORD reads words ([^\W_]+)
    _SPLIT = re.compile(r"([\W_]+)")
    _MEMO_MAX = 200_000  # entries in each memo below before it is emptied (they only save time)
    _BACK = re.compile(r"(\s+)([^\W\d_]+)")  # _WORD_BACK read on the reversed text
    _BARE: ClassVar[dict[str, str]] = {}  # _bare of the words met (a pure function of the word)

    @staticmethod
    def _word_back(text: str, lo: int, pos: int) -> tuple[str, int] | None:
        """``_WORD_BACK.search(text, lo, pos)`` as (its word, its start), or None: the word (letters) and
        the spaces that end right at ``pos``, the word cut at ``lo``. Read backwards from ``pos`` on the
        reversed window rather than tried at every start from ``lo``."""
        if pos <= lo or not text[pos - 1].isspace():
            return None
        m = Gazetteer._BACK.match(text[lo:pos][::-1])
        if m is None:
            return None
        a, b = m.end(1), m.end(2)
        return text[pos - b : pos - a], pos - b

    @staticmethod
    def _bare_word(word: str) -> str:
        """``_bare(word)``, remembered."""
        got = Gazetteer._BARE.get(word)
        if got is None:
            if len(Gazetteer._BARE) > 100_000:
                Gazetteer._BARE.clear()
            got = Gazetteer._BARE[word] = _bare(word)
        return got

    def _candidates(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of every key found at a word start (after clitics), ending at a word end.

        What a word can start (its clitic readings, the keys it is alone, whether a longer key can start
        with it) depends on the word only: it is worked out once per distinct word (:meth:`_word_starts`),
        and only the few words that can start a longer key read the words after them."""
        parts = self._SPLIT.split(text)  # word, gap, word, ..., word ("" at an end that is a gap)
        ends = list(itertools.accumulate(map(len, parts)))
        out: list[tuple[int, int, str]] = []
        memo = self._word_memo
        if len(memo) > self._MEMO_MAX:
            memo.clear()
        lines, heads = self._key_index
        stop = self._stop
        maxw = self._max_words
        last = len(parts) - 1 if parts[-1] else len(parts) - 3  # the last word's index
        words = parts[::2]
        starts = list(map(memo.get, words))  # each word's readings, None for a word met for the first time
        if None in starts:
            for w in set(words).difference(memo):
                memo[w] = self._word_starts(w)
            starts = list(map(memo.__getitem__, words))
        for i2 in itertools.compress(range(len(words)), starts):  # the words that yield
            i = 2 * i2
            w = parts[i]
            got = starts[i2]
            ws = ends[i] - len(w)
            we = ends[i]
            for plen, lform, hits, cont in got:
                s = ws + plen
                for k in hits:
                    out.append((s, we, k))
                if not cont:
                    continue
                j = i
                for _ in range(1, maxw):
                    if j + 2 > last or len(parts[j + 1]) > 2:
                        break  # no next word, or one too far away
                    j += 2
                    e = ends[j]
                    k = text[s:e]
                    if k in _MOD_KEYS:
                        continue
                    if k in lines and text[ws:e] not in stop:
                        out.append((s, e, k))
                    if lform and "ا" + k in lines and text[ws:e] not in stop:
                        out.append((s, e, "ا" + k))
                    if k not in heads and not (lform and "ا" + k in heads):
                        break  # no longer key starts with these words: the loop's cost does not grow with maxw
        return out

    @functools.cached_property
    def _word_memo(self) -> dict[str, tuple]:
        return {}

    def _word_starts(self, w: str) -> tuple[tuple[int, bool, tuple[str, ...], bool], ...]:
        """A word's readings as the start of a key: (clitic length, ل-form, the keys the word alone is,
        whether a longer key can start there), for each clitic it can start with (shortest first;
        a clitic leaves at least two letters), leaving out the readings that yield nothing."""
        lines, heads = self._key_index
        alone = w not in self._stop
        out = []
        for p in _CLITICS_BY_FIRST.get(w[:1], _CLITICS_NONE):
            if len(p) >= len(w) - 1 or not w.startswith(p):
                continue
            k = w[len(p) :]
            lform = p in _L_CLITICS and k[0] == "ل"  # للعراق = ل + (ا)لعراق
            if k in _MOD_KEYS:
                out.append((len(p), lform, (), True))
                continue
            hits = []
            if k in lines and alone:
                hits.append(k)
            if lform and "ا" + k in lines and alone:
                hits.append("ا" + k)
            cont = k in heads or (lform and "ا" + k in heads)
            if hits or cont:
                out.append((len(p), lform, tuple(hits), cont))
        return tuple(out)

    def _candidates_plain(self, text: str) -> list[tuple[int, int, str]]:
        """:meth:`_candidates` word by word from the text, with no memo (the definition; for tests)."""
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        out: list[tuple[int, int, str]] = []
        lines, heads = self._key_index
        maxw = self._max_words
        for i, (ws, we) in enumerate(words):
            w = text[ws:we]
            for p in _CLITIC_ORDER:
                if len(p) >= len(w) - 1 or not w.startswith(p):
                    continue
                s = ws + len(p)
                lform = p in _L_CLITICS and w[len(p)] == "ل"  # للعراق = ل + (ا)لعراق
                for n in range(min(maxw, len(words) - i)):
                    e = words[i + n][1]
                    if n and words[i + n][0] - words[i + n - 1][1] > 2:
                        break
                    k = text[s:e]
                    if k in _MOD_KEYS:
                        continue
                    if k in lines and text[ws:e] not in self._stop:
                        out.append((s, e, k))
                    if lform and "ا" + k in lines and text[ws:e] not in self._stop:
                        out.append((s, e, "ا" + k))
                    if k not in heads and not (lform and "ا" + k in heads):
                        break
        return out

    @functools.cached_property
    def _key_index(self) -> tuple[frozenset[str], frozenset[str]]:
        """The keys (as ``in self._lines`` reads them) and every word-end prefix of a key ("دير" of "دير الزور"),
        built once, on first use: a lookup is then two set probes, whatever the gazetteer's size."""
        keys = frozenset(self._lines.keys())
        # a word end before the key's end is a letter or digit followed by a character that is none (a space, "-"):
        # one-word keys (most, all letters) have none
        return keys, frozenset(k[: m.end()] for k in keys if not k.isalnum() for m in _WORD_END.finditer(k))

    @functools.cached_property
    def _memo(self) -> _Recent:
        """Recent :meth:`_mentions` and :meth:`find` results by their arguments: an article's sentences are
        read several times (its context, then its events), with the same text, offset and country."""
        return _Recent(10_000)  # 20,000 results at most, as when it was emptied whole: not every article ever read

    def _memoised(self, key, compute):
        memo = self._memo
        try:
            got = memo.get(key)
        except TypeError:  # unhashable arguments (lists given by a caller): not memoised
            return compute()
        if got is None:
            got = memo[key] = tuple(compute())
        return list(got)

    def _mentions(
        self, text: str, offset: int = 0, loc_spans: tuple[tuple[int, int], ...] = ()
    ) -> list[_Mention]:
        return self._memoised(("m", text, offset, loc_spans), lambda: self._read_mentions(text, offset, loc_spans))

    def _read_mentions(self, text: str, offset: int, loc_spans: tuple[tuple[int, int], ...]) -> list[_Mention]:
        if not loc_spans:
            return self._read(text, offset, ())[0]
        # NER LOC spans change only ``in_loc`` (the checks read the text alone): the mentions read without
        # them (memoised: the context read the article's sentences already), each told whether it is inside
        loc_hit = _Overlaps(loc_spans)
        return [m if m.in_loc == (h := loc_hit(m.start, m.end)) else m._replace(in_loc=h)
                for m in self._mentions(text, offset, ())]  # fmt: skip

    def _text_mentions(self, text: str, sentences=None) -> list[_Mention]:
        """``_mentions(text)`` of a whole text, read sentence by sentence: the sentences' own readings are
        memoised for the context and event stages, which read the same sentences next.

        A key never spans two sentences (keys hold letters, digits, spaces, "-" and "'"; sentences are
        parted by line breaks or . ! ? ؟ …), and a candidate's checks read the text a few words before it and
        up to 30 characters after it: they see the same text in the sentence as in the whole text unless
        they reach the sentence's start or end. Those few candidates are checked again on the whole text.
        ``sentences``: ``split_sentences(text)`` when the caller has it (a Doc's sentences)."""
        if not self._keys_within_sentences:
            return self._read_mentions(text, 0, ())
        if sentences is None:
            from ..segment import split_sentences

            sentences = split_sentences(text)
        out: list[_Mention] = []
        none = _NO_SPANS
        elsewhere = None  # may_tell_elsewhere(text), when a candidate at a sentence's edge is checked again
        for sent in sentences:
            key = ("e", sent.text, sent.start)
            got = self._memo.get(key)
            if got is None:
                ms, edge = self._read(sent.text, sent.start, (), edges=True)
                self._memoised(("m", sent.text, sent.start, ()), lambda ms=ms: ms)
                got = self._memo[key] = (tuple(ms), tuple(edge))
            ms, edge = got
            if edge and _after_a_mark(text, sent.start):
                # the text before the sentence is nothing, or spaces after a mark that is no letter or digit
                # (". ", "؟ "): the checks read back only over spaces into letters (_word_back, _start_of_word),
                # so a candidate near the start sees what it saw in the sentence; those at its end still ask
                end = sent.start + len(sent.text)
                edge = tuple(c for c in edge if c[1] == end)
            if not edge:
                out += ms
                continue
            if elsewhere is None:
                elsewhere = may_tell_elsewhere(text)
            redo = {s: self._mention_at(text, 0, s, e, k, entries, none, elsewhere) for s, e, k, entries in edge}
            kept = [m for m in ms if m.start not in redo] + [m for m in redo.values() if m is not None]
            kept.sort(key=lambda m: m.start)
            out += kept
        return out

    @functools.cached_property
    def _keys_within_sentences(self) -> bool:
        """Whether no key holds a character that may part two sentences (see :meth:`_text_mentions`)."""
        keys, _heads = self._key_index
        return re.search(r"[.!?؟…\n\r]", "\t".join(keys)) is None

    # the words a mention's checks may read before it (up to five, see _modifiers) reach the text's start
    _NEAR_START = re.compile(r"(?:[^\W\d_]+\s+){0,5}[^\W\d_]*")

    def _read(self, text: str, offset: int, loc_spans: tuple[tuple[int, int], ...], edges: bool = False
              ) -> tuple[list[_Mention], list[tuple[int, int, str, tuple[_Entry, ...]]]]:  # fmt: skip
        """The mentions of the text and, with ``edges``, the candidates whose checks read up to the text's
        start or end, (start, end, key, entries) with offsets shifted (see :meth:`_text_mentions`)."""
        cands = self._candidates(text)
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        loc_hit = _Overlaps(loc_spans) if loc_spans else _NO_SPANS
        out: list[_Mention] = []
        edge: list[tuple[int, int, str, tuple[_Entry, ...]]] = []
        # ``_NEAR_START.fullmatch(text, 0, s)`` holds for every s up to the end of its longest match from 0 and
        # for no s after (the words read back from s reach the text's start): computed once, when edges are asked
        near_end = self._NEAR_START.match(text).end() if edges else -1
        n = len(text)
        last = -1
        elsewhere = None
        for s, e, key in cands:
            if s < last:
                continue
            entries = self.entries(key) or self._short_after_type(text, s, key)
            if not entries:
                continue
            # a longer match starting inside this one but ending later is not considered: leftmost-longest
            last = e
            if edges and (e == n or s <= near_end):
                edge.append((s + offset, e + offset, key, entries))
            if elsewhere is None:
                elsewhere = may_tell_elsewhere(text)  # once per text, and only when a candidate is checked
            m = self._mention_at(text, offset, s, e, key, entries, loc_hit, elsewhere)
            if m is not None:
                out.append(m)
        return out, edge

    def _mention_at(self, text: str, offset: int, s: int, e: int, key: str, entries: tuple[_Entry, ...],
                    loc_hit, elsewhere: bool = True) -> _Mention | None:  # fmt: skip
        """The mention of one candidate (the longest at its start), or None when the checks on the text
        around it say it names no place (``elsewhere``: False when :func:`may_tell_elsewhere` says the text has
        no phrase that tells a name elsewhere)."""
        first, _, rest = key.partition(" ")
        if first in self._stop_phrases and self._stop_phrase(text, s, key):
            return None  # "حماة الوطن" (protectors of the nation) is not Hama
        # the start of the word holding the clitics and the word before it, which most checks below read
        j = _start_of_word(text, s)
        back = self._word_back(text, max(0, j - 40), j)
        hint, near = self._modifiers(text, s, j, back)
        if rest and _bare(first) in _TYPE_WORDS:
            # "قرية الزهيرات", "مدينة زنجبار" are keys themselves: the type word is a hint, and the
            # places of the bare name compete too
            hint = hint or _TYPE_WORDS[_bare(first)]
            more = [x for x in self.entries(rest) if x not in entries]
            entries = entries + tuple(more)
        if (
            hint
            and " " not in key
            and key.startswith("ال")
            and (key.endswith(("ي", "يه")) or (
                all(x.rare for x in entries) and not (loc_hit is not _NO_SPANS and loc_hit(s + offset, e + offset))
            ))
        ):
            prev = back if s == j else self._word_back(text, max(0, s - 40), s)
            if (
                prev
                and prev[0].startswith(_DEFINITE_TYPE)
                and self._bare_word(prev[0]) in _TYPE_WORDS
            ):
                # "الحي الصناعي", "المنطقة الشرقية": a definite type word and its adjective; so too a definite word
                # that names only rare villages ("المدينة الخضراء", "للمدينة الواقعة جنوبي البلاد": the green, the
                # lying one): a type word with the article is no "town of", so it lends such a word no support
                # (a known name in apposition, "العاصمة القاهرة", stands on its own; a NER LOC span over it is
                # support of its own: "المدينة الخضراء" is also a quarter's name)
                hint = ""
        if key in self._needs_type and not hint:
            return None
        if self._not_a_name(text, s, e, key, entries, hint, j, back):
            return None
        if self._after_facility(text, s, j, back):
            return None  # "مسجد سيد آباد", "مستشفى الشفاء": a building's name, not a place
        if _LEADER_WORDS and (prev := back if s == j else self._word_back(text, max(0, s - 40), s)) and (
            prev[0] in _LEADER_WORDS or prev[0][1:] in _LEADER_WORDS
        ):
            return None  # "التحالف بقيادة السعودية", "الذي تقوده واشنطن": who leads, not where
        if key in _GOV_CAPITALS and _told_as_government(text, j, s):
            return None  # "واصلت أنقرة حملتها", "بحسب أنقرة", "الهدنة مع أنقرة": its government, not where
        if _ORIGIN_WORDS and _told_as_origin(text, j):
            return None  # "هجوم شنته تلك القوات من عدن", "قذائف مصدرها مواقع الفصائل من حي جوبر": where it came from
        if _ELSEWHERE and _told_elsewhere_at(text, j, elsewhere):
            return None  # "قال أمام الصحافيين في أنقرة", "هجوم شنته من عدن": not where it happened
        if self._title(text, s, e):
            return None  # «الرياض» the newspaper, "عاصفة الحزم": a quoted title names no place
        in_loc = loc_hit is not _NO_SPANS and loc_hit(s + offset, e + offset)  # the span may leave out قرية
        return _Mention(s + offset, e + offset, key, entries, hint, near, in_loc)

    @staticmethod
    def _after_scene_verb(text: str, s: int, key: str) -> bool:
        """Whether the name is the subject of a verb of witnessing (place_words.yaml ``scene_verbs``): "وشهد
        مخيم بلاطة مواجهات", "شهدت مدينة تعز اشتباكات" (the type word may stand between)."""
        if not _SCENE_VERBS:
            return False
        pos = _start_of_word(text, s)
        first = key.partition(" ")[0]
        for _ in range(2):
            m = Gazetteer._word_back(text, max(0, pos - 40), pos)
            if not m:
                return False
            word = m[0]
            if word in _SCENE_VERBS or (word[:1] in "وف" and word[1:] in _SCENE_VERBS):
                return True
            if _bare(word) not in _TYPE_WORDS or _bare(first) in _TYPE_WORDS:
                return False
            pos = m[1]
        return False

    def _not_a_name(
        self,
        text: str,
        s: int,
        e: int,
        key: str,
        entries: tuple[_Entry, ...],
        hint: str,
        j: int | None = None,
        back: tuple[str, int] | None | object = _UNSET,
    ) -> bool:
        """Readings of the letters that are not the place (checked on the text, before choosing).

        * ف/ك + a name that is no large city: "فبركة" (fabrication) is not ف + بركة;
        * a one-word name that could be an imperfect verb, followed by a number: "تدمر 16 آلية"
          (destroys 16 vehicles), not Palmyra;
        * السعودية, or a definite -ية name, after a definite noun or a place is the adjective:
          "القوات السعودية", "مظاهرات حلب السلمية";
        * a town before a masculine adjective is a club: "بازل السويسري".

        ``j``, ``back``: the start of the word holding the clitics and ``_word_back(text, max(0, j - 40), j)``,
        when the caller has them.
        """
        if j is None:
            j = _start_of_word(text, s)
        if back is _UNSET:
            back = self._word_back(text, max(0, j - 40), j)
        clitic = text[j:s]
        if clitic in _DOUBTFUL_CLITICS and not any(
            x.pop >= 500_000 or x.kind in ("country", "admin1") for x in entries
        ):  # not famous
            return True
        if (
            " " not in key
            and key[0] in _VERB_INITIALS
            and not hint
            and _SPACE_DIGIT.match(text, e, e + 3)
        ):
            return True
        nisba = " " not in key and key.startswith("ال") and key.endswith("يه")
        if (key in _ADJECTIVE_KEYS or nisba) and not clitic and not hint:
            # "القوات السعودية", "مظاهرات حلب السلمية" (peaceful): a feminine adjective after its noun
            m = back
            prev = m[0] if m else ""
            if prev.startswith("ال") and prev not in _NOT_NOUNS:
                return True
            if nisba and prev and prev in self._lines:
                return True
        # "بازل السويسري", "ريال مدريد الاسباني": a town and a masculine nationality adjective name a
        # club (a town is feminine in Arabic: "الرقة السورية")
        if hint:
            return False
        nxt = _CLUB_ADJ.match(text[e : e + 30])
        if not (nxt and nxt.group(1) not in _DIRECTION_ADJ and all(x.kind == "town" for x in entries)):
            return False
        # "مطار أبها السعودي": the adjective is the airport's, the town stays a place
        m = back
        return not (m and self._bare_word(m[0]) in _ADJECTIVE_HEADS and not text[m[1] + len(m[0]) : j].strip(" "))

    def _stop_phrase(self, text: str, s: int, key: str) -> bool:
        for ph in self._stop_phrases.get(key.split(" ")[0], ()):
            if text.startswith(ph, s) and (
                s + len(ph) >= len(text) or not _LETTER.match(text[s + len(ph)])
            ):
                return True
        return False

    @staticmethod
    def _title(text: str, s: int, e: int) -> bool:
        """Whether the name stands in quotes of its own: «الرياض», ل"الرياض" (a paper, a channel, an operation)."""
        return (
            s >= 1
            and text[s - 1] in _QUOTES_OPEN
            and e < len(text)
            and text[e] in _QUOTES_CLOSE
        )

    def _after_facility(self, text: str, s: int, j: int | None = None, back=_UNSET) -> bool:
        """Whether the word before the name (clitics stripped) is a building or institution (``j``, ``back``:
        as :meth:`_not_a_name` reads them)."""
        if j is None:
            j = _start_of_word(text, s)
        # a bounded look back: whole articles pass here
        m = self._word_back(text, max(0, j - 40), j) if back is _UNSET else back
        if not m:
            return False
        return m[0] in self._facilities

    @staticmethod
    def _modifiers(text: str, s: int, j: int | None = None, back=_UNSET) -> tuple[str, bool]:
        """Read the words before a name: type word, near word, direction (``j``, ``back``: as
        :meth:`_not_a_name` reads them)."""
        if j is None:
            j = _start_of_word(text, s)  # the start of the word holding the clitics
        if j > 0 and text[j - 1] == "#":
            j -= 1  # "بريف #إدلب": a hashtag is the name, its modifiers stand before the sign
            back = _UNSET
        hint, near = "", False
        pos = j
        for i in range(5):
            if i == 0 and back is not _UNSET:
                m = back
            else:
                m = Gazetteer._word_back(text, max(0, pos - 40), pos)
            if not m:
                break
            word = Gazetteer._bare_word(m[0])
            if word in _TYPE_WORDS:
                if not hint and not (
                    word in _PLURAL_TYPES and text[j:s].startswith("و")
                ):
                    hint = _TYPE_WORDS[
                        word
                    ]  # "المحافظات والمواقع": a list, not "the governorate of المواقع"
            elif word in _NEAR_WORDS or word in _DIRECTIONS:
                near = True
            elif word not in _SKIP_WORDS:
                break
            pos = m[1]
        return hint, near

    # ------------------------------------------------------------------ choosing
    def _context(self, focus, countries=(), admins=()) -> _Context:
        """The article's countries (ISO3) and admin units named nearby, as the picker reads them
        (remembered by its arguments: each sentence of an article asks with the same ones)."""
        try:
            key = (focus, tuple(countries or ()), tuple(admins or ()))
            got = self._context_memo.get(key)
        except TypeError:  # unhashable arguments
            return self._make_context(focus, countries, admins)
        if got is None:
            if len(self._context_memo) > 10_000:
                self._context_memo.clear()
            got = self._context_memo[key] = self._make_context(focus, countries, admins)
        return got

    @functools.cached_property
    def _context_memo(self) -> dict:
        return {}

    def _make_context(self, focus, countries=(), admins=()) -> _Context:
        isos = [i for c in ([focus] if isinstance(focus, str) else list(focus or [])) + list(countries or [])
                if (i := self._iso3(c))]  # fmt: skip
        a1, a2 = set(), set()
        for a in admins or ():
            iso3 = self._iso3(a[0]) or a[0]
            if len(a) > 1 and a[1]:
                a1.add((iso3, a[1]))
            if len(a) > 2 and a[2]:
                a2.add((iso3, a[2]))
        first = self._countries.get(isos[0]) if isos else None
        return _Context(
            tuple(dict.fromkeys(isos)),
            frozenset(a1),
            frozenset(a2),
            first.region if first else "",
        )

    @staticmethod
    def _pick(m: _Mention, ctx: _Context | str | None) -> _Entry | None:
        """The entry a mention names: support, the article's countries, admin units nearby, population.

        A rare name (a village with no population figure, a person-like name) counts only with
        support: a type word, a NER LOC span or a containing admin unit named nearby; outside
        the article's countries it needs that admin unit. A town outside the article's
        countries must be a sizeable one, and one on another continent needs support too
        (جنان is not Jinan in an article about Syria).
        """
        if not isinstance(ctx, _Context):
            ctx = _Context((ctx,) if ctx else ())
        strong = bool(m.hint) or m.in_loc
        if not strong and not ctx.admin1 and not ctx.admin2 and len(m.entries) == 1 and m.entries[0].rare:
            return None  # a rare name alone (most mentions: words that are also villages), no unit named to support it
        best, best_score = None, -1e9
        famous = None  # any(not e.rare and e.pop >= 100_000 for e in m.entries), when a rare entry asks
        # a definite one-word name (المعقل "the stronghold", الضيق "the narrow") reads as a noun first
        noun_like = " " not in m.matched and m.matched.startswith("ال")
        for e in m.entries:
            inside = not ctx.focus or e.iso3 in ctx.focus
            in2 = (
                bool(e.admin2) and (e.iso3, e.admin2) in ctx.admin2 and e.kind == "town"
            )
            in1 = (
                bool(e.admin1)
                and (e.iso3, e.admin1) in ctx.admin1
                and e.kind in ("town", "admin2")
            )
            if e.rare:
                if (
                    m.hint == "area"
                    and not (m.in_loc or in1 or in2)
                    and any(not x.rare for x in m.entries)
                ):
                    continue  # "منطقة عسير": the known province, not a hamlet abroad of that name
                weak_ok = in2 or (in1 and not e.wordlike and not noun_like)
                if not (strong or weak_ok) or (not inside and not (in1 or in2)):
                    continue
                if not strong:
                    if famous is None:
                        famous = any(not x.rare and x.pop >= 100_000 for x in m.entries)
                    if famous:
                        continue  # القاهرة next to بغداد is Cairo, not a Baghdad quarter of that name
            support = strong or in1 or in2
            if ctx.focus and not inside and e.kind == "admin2" and not strong:
                continue  # a district abroad is named with its type word (مديرية، محلية، قضاء)
            if ctx.focus and not inside and e.kind == "town":
                floor = (
                    _SMALL_TOWN // 5
                    if ctx.region and e.region == ctx.region
                    else _SMALL_TOWN
                )
                if e.pop < floor and not (in1 or in2):
                    continue  # a small town abroad: only with its province named
                if (
                    ctx.region
                    and e.region != ctx.region
                    and not support
                    and (e.pop < _BIG_CITY or len(m.matched) <= 3)
                ):
                    continue  # on another continent: a capital-sized city, with a name longer than خفي
            score = math.log10(e.pop + 10)
            if ctx.focus and inside:
                score += 100 - 5 * ctx.focus.index(e.iso3)
            elif ctx.region and e.region == ctx.region:
                score += 30  # زنجبار in a Saudi article on the Yemen war is Zinjibar, not Zanzibar
            score += 60 if in2 else 40 if in1 else 0
            if m.hint and (
                e.kind == m.hint or (m.hint == "admin2" and e.kind == "town")
            ):
                score += 20
            elif m.hint == "town" and e.kind in ("admin1", "country"):
                score -= 5
            elif not m.hint and e.kind == "town":
                score += 1
            score += (0 if e.rare else 3) + (0 if e.bulk else 2)
            if score > best_score:
                best, best_score = e, score
        return best

    def _adds(self, m: _Mention, ctx: _Context) -> tuple[str, tuple[str, str] | None, tuple[str, str] | None]:
        """What one mention adds to the context: the country it names with no doubt ('' if none), its admin1
        and its admin2 unit (None if none)."""
        return self._adds_of(m, self._pick(m, ctx))

    @staticmethod
    def _adds_of(m: _Mention, e: _Entry | None) -> tuple[str, tuple[str, str] | None, tuple[str, str] | None]:
        """:meth:`_adds` of a mention whose pick in the context is ``e``."""
        if e is None or e.rare:
            return "", None, None
        iso = e.iso3 if len({x.iso3 for x in m.entries if not x.rare}) == 1 else ""
        if e.kind in ("country", "region"):
            return iso, None, None
        k1 = (e.iso3, e.admin1 or e.name) if e.admin1 or e.kind == "admin1" else None
        k2 = (e.iso3, e.admin2 or e.name) if e.kind == "admin2" or (e.kind == "town" and m.hint in ("admin1", "admin2")) else None
        return iso, k1, k2

    def _focus_region(self, ctx: _Context, focus: tuple[str, ...]) -> str:
        """The region a context read with ``focus`` has: its own, or else the first focus country's."""
        if not ctx.region and focus and (first := self._countries.get(focus[0])) is not None:
            return first.region
        return ctx.region

    def _with_focus(self, ctx: _Context, focus: tuple[str, ...], a1, a2) -> _Context:
        return replace(ctx, focus=focus, admin1=a1, admin2=a2, region=self._focus_region(ctx, focus))

    def _named_admins(self, mentions: list[_Mention], ctx: _Context) -> _Context:
        """The context plus the admin units (and towns' units) the text itself names (the definition
        :meth:`_picks` computes once for all mentions)."""
        a1, a2 = set(ctx.admin1), set(ctx.admin2)
        named: list[str] = []  # countries of the places named with no doubt (one country only)
        for m in mentions:
            iso, k1, k2 = self._adds(m, ctx)
            if iso:
                named.append(iso)
            if k1:
                a1.add(k1)
            if k2:
                a2.add(k2)
        # "في عدن والضالع وزنجبار": the countries named around a name are the article's too
        focus = tuple(dict.fromkeys(ctx.focus + tuple(named)))
        return self._with_focus(ctx, focus, frozenset(a1), frozenset(a2))

    def _picks(
        self, mentions: list[_Mention], ctx: _Context
    ) -> list[tuple[_Mention, _Entry]]:
        """Each mention's entry, read with the admin units named by the other mentions.

        Equal to ``_named_admins(others, ctx)`` per mention, but linear: each mention's additions are
        read once, and a mention's context differs from the whole text's only by the units and the
        first-named countries that it alone adds (a sentence with 2,000 place names was quadratic).
        """
        if not mentions:
            return []
        pick = self._pick
        alone = [pick(m, ctx) for m in mentions]  # each mention's pick in the context itself
        adds = list(map(self._adds_of, mentions, alone))
        n1: dict = {}  # how many mentions add each unit (counted by hand: a Counter of a few items costs more)
        n2: dict = {}
        for _, k1, k2 in adds:
            if k1:
                n1[k1] = n1.get(k1, 0) + 1
            if k2:
                n2[k2] = n2.get(k2, 0) + 1
        where: dict[str, list[int]] = {}  # the positions naming each country not yet in the focus
        for i, (iso, _, _) in enumerate(adds):
            if iso and iso not in ctx.focus:
                where.setdefault(iso, []).append(i)
        base_focus = tuple(dict.fromkeys(ctx.focus))
        if not (n1 or n2 or where) and base_focus == ctx.focus and self._focus_region(ctx, base_focus) == ctx.region:
            # no mention adds a unit or a country (most sentences: words that are villages only with support), and
            # the context's region is what _with_focus would set: every mention is read in the context itself
            return [(m, e) for m, e in zip(mentions, alone) if e is not None]
        same: dict[int, list[int]] = {}
        for i, m in enumerate(mentions):
            same.setdefault(id(m), []).append(i)
        all1, all2 = frozenset(ctx.admin1 | n1.keys()), frozenset(ctx.admin2 | n2.keys())
        full_focus = base_focus + tuple(where)
        # the units the mentions add to the context: a mention whose own context adds none of them (they are
        # all its own), with the context's focus and region, is read in the context itself: its first pick
        new1, new2 = n1.keys() - ctx.admin1, n2.keys() - ctx.admin2
        memo: dict = {}
        out = []
        _NONE: frozenset = frozenset()
        for i, m in enumerate(mentions):
            idx = same[id(m)]
            if len(idx) == 1:  # listed once (the usual case): the Counters below, of one item at most
                _, k1, k2 = adds[idx[0]]
                gone1 = frozenset((k1,)) if k1 and n1[k1] == 1 and k1 not in ctx.admin1 else _NONE
                gone2 = frozenset((k2,)) if k2 and n2[k2] == 1 and k2 not in ctx.admin2 else _NONE
            else:
                mine1 = Counter(adds[j][1] for j in idx if adds[j][1])
                mine2 = Counter(adds[j][2] for j in idx if adds[j][2])
                gone1 = frozenset(k for k, c in mine1.items() if n1[k] == c and k not in ctx.admin1)
                gone2 = frozenset(k for k, c in mine2.items() if n2[k] == c and k not in ctx.admin2)
            focus = full_focus
            if any(adds[j][0] in where and where[adds[j][0]][0] == j for j in idx):
                skip = set(idx)
                firsts = []
                for iso, pos in where.items():
                    p = next((q for q in pos if q not in skip), None)
                    if p is not None:
                        firsts.append((p, iso))
                focus = base_focus + tuple(iso for _, iso in sorted(firsts))
            key = (gone1, gone2, focus)
            got = memo.get(key)
            if got is None:
                # _pick reads a context's focus, region and whether a unit is in admin1 / admin2: when they are the
                # context's own (the region as _with_focus sets it), the mention's pick is its first one, and its
                # own context need not be built
                if focus == ctx.focus and self._focus_region(ctx, focus) == ctx.region and new1 <= gone1 and new2 <= gone2:
                    got = memo[key] = None, True
                else:
                    mine = self._with_focus(
                        ctx, focus, _Less(all1, gone1) if gone1 else all1, _Less(all2, gone2) if gone2 else all2
                    )
                    got = memo[key] = (mine, False)
            e = alone[i] if got[1] else pick(m, got[0])
            if e is not None:
                out.append((m, e))
        return out

    @staticmethod
    def _inside_next(picks: list[tuple[_Mention, _Entry]], text: str, offset: int) -> list[tuple[_Mention, _Entry]]:
        """A town told inside the next name ("قرية الخوجرة بجازان", "بلدة سروج بجنوب شرق تركيا") is in that
        name's country: a homonym picked in another country gives way to the name's entry in that one, or,
        when the gazetteer has none there, the name is no place of ours (the unit after it says where).
        """
        if len(picks) < 2:
            return picks
        out = []
        for i, (m, e) in enumerate(picks):
            if i + 1 < len(picks) and e.kind in ("town", "admin2"):
                n, f = picks[i + 1]
                if f.iso3 != e.iso3 and n.start >= m.end and told_inside(text[m.end - offset : n.start - offset]):
                    there = [x for x in m.entries if x.iso3 == f.iso3 and x.kind in ("town", "admin2")]
                    if not there:
                        continue
                    e = max(there, key=lambda x: (bool(f.admin1) and x.admin1 == f.admin1, not x.rare, x.pop))
            out.append((m, e))
        return out

    def _place(self, m: _Mention, e: _Entry) -> Place:
        kind = e.kind
        loc = e.name
        admin1, admin2 = e.admin1, e.admin2
        if kind == "town":
            if m.hint == "admin1" and e.admin1:
                # محافظة صعدة: the province named after its capital
                a1 = self._admin1.get((e.iso3, e.admin1))
                lat, lon = (
                    (a1.lat, a1.lon) if a1 and a1.lat is not None else (e.lat, e.lon)
                )
                return self._mk(e, admin1, admin2, loc, lat, lon, 3, m)
            prec = 2 if (m.near or m.hint == "admin2") else 1
            return self._mk(e, admin1, admin2, loc, e.lat, e.lon, prec, m)
        if kind == "admin2":
            return self._mk(e, admin1, admin2 or e.name, loc, e.lat, e.lon, 2, m)
        if kind == "admin1":
            return self._mk(e, e.admin1 or e.name, "", loc, e.lat, e.lon, 3, m)
        if kind == "region":
            return self._mk(e, "", "", loc, e.lat, e.lon, 3, m)
        return self._mk(e, "", "", e.country, e.lat, e.lon, 3, m)

    @staticmethod
    def _mk(
        e: _Entry, admin1, admin2, loc, lat, lon, prec, m: _Mention | None
    ) -> Place:
        return Place(e.country, e.iso3, e.iso, e.region, admin1, admin2, "", loc, lat, lon, prec,
                     m.start if m else -1, m.end if m else -1, m.matched if m else "")  # fmt: skip

    def _iso3(self, country: str | None) -> str | None:
        if not country:
            return None
        e = self._countries.get(country)
        return e.iso3 if e else None

    # ------------------------------------------------------------------ public API
    def find(self, text: str, offset: int = 0, *, context_country: str | None = None,
             countries: tuple[str, ...] = (), admins: tuple[tuple[str, ...], ...] = (),
             loc_entities: list[tuple[int, int]] = ()) -> list[Place]:  # fmt: skip
        """Every place mention in a normalised text chunk (offsets shifted by ``offset``).

        ``context_country`` / ``countries``: the article's countries (ACLED names or ISO3);
        ``admins``: (country, admin1[, admin2]) units the article names; ``loc_entities``:
        NER LOC spans (offsets as given). All optional; they decide rare and ambiguous names.
        """
        loc_entities = tuple(loc_entities)
        key = ("f", text, offset, context_country, tuple(countries), tuple(admins), loc_entities)
        return self._memoised(key, lambda: self._find(text, offset, context_country, countries, admins, loc_entities))

    def _find(self, text, offset, context_country, countries, admins, loc_entities) -> list[Place]:
        ms = self._mentions(text, offset, loc_entities)
        if ms and may_have_dateline(text):
            ms = [m for m in ms if not _dateline(text, m, offset)]
        if not ms:
            return []  # most sentences name no place: no context to build
        ctx = self._context(context_country, countries, admins)
        return [self._place(m, e) for m, e in self._inside_next(self._picks(ms, ctx), text, offset)]

    def countries_of(self, matched: str) -> frozenset[str]:
        """The countries (ACLED names) that have a place under this key (a Place's ``matched``)."""
        return frozenset(e.country for e in self.entries(matched))

    def country_of_article(self, text: str, sentences=None) -> str | None:
        """The country the article is mostly about (country and town mentions counted); ``sentences``:
        the text's sentences (``split_sentences(text)``, e.g. a Doc's), if the caller has them."""
        counts: dict[str, float] = {}
        first: dict[str, int] = {}
        votes = self._votes
        if len(votes) > 50_000:
            votes.clear()
        for m in self._text_mentions(text, sentences):
            # what a mention counts depends on its entries and whether it has a type word alone: remembered by
            # the entries' tuple (held in the memo, so its id stays its own; most are the gazetteer's own tuples)
            got = votes.get((id(m.entries), not m.hint))
            if got is None or got[0] is not m.entries:
                got = votes[(id(m.entries), not m.hint)] = (m.entries, self._votes_of(m.entries, bool(m.hint)))
            for country, w in got[1]:
                counts[country] = counts.get(country, 0) + w
                first.setdefault(country, m.start)
        if not counts:
            return None
        return max(counts, key=lambda c: (counts[c], -first[c]))

    @functools.cached_property
    def _votes(self) -> dict:
        return {}

    @staticmethod
    def _votes_of(entries: tuple[_Entry, ...], hint: bool) -> tuple[tuple[str, float], ...]:
        """What a mention with these entries (and a type word or not) counts for :meth:`country_of_article`:
        (country, weight), in the order the countries are first met."""
        out = []
        ents = [e for e in entries if not e.rare or hint]
        isos = {e.iso3 for e in ents}
        if len(isos) > 1:
            ents = [
                e for e in ents if not (e.kind == "town" and e.pop < _SMALL_TOWN)
            ]
        # an ambiguous name counts for each of its countries alike, unless one place is over ten
        # times the others (لندن is London, not London, Ontario)
        pops = sorted((e.pop for e in ents), reverse=True)
        if len(isos) > 1 and len(pops) > 1 and pops[0] >= 10 * max(pops[1], 1):
            ents = [max(ents, key=lambda e: e.pop)]
        n = len({e.iso3 for e in ents}) or 1
        done: set[str] = set()
        for e in ents:
            if e.country in done:
                continue
            done.add(e.country)
            w = (1.0 if e.kind in ("country", "admin1", "region") else 0.8) / n
            out.append((e.country, w))
        return tuple(out)

    def resolve(self, sentence_text: str, sentence_offset: int, *, context_country: str | None,
                loc_entities: list[tuple[int, int]] = (), prefer_near: int | None = None,
                countries: tuple[str, ...] = (), admins: tuple[tuple[str, ...], ...] = ()) -> Place | None:  # fmt: skip
        """Best place for an event told in this sentence (see module docstring and :meth:`find`)."""
        ctx = self._context(context_country, countries, admins)
        scored: list[tuple[float, Place]] = []
        places: list[Place] = []
        ms = self._mentions(sentence_text, sentence_offset, tuple(loc_entities))
        if ms and may_have_dateline(sentence_text):
            ms = [m for m in ms if not _dateline(sentence_text, m, sentence_offset)]
        if ms and prefer_near is not None and _ANCHOR_DURATIONS and "بعد" in sentence_text:
            # "غارات على مواقع في سوريا بعد أربعة أيام على تفجير سروج": the anchor's place is no place of the news
            at = prefer_near - sentence_offset
            ms = [m for m in ms if not time_anchored(sentence_text, m.start - sentence_offset, at)]
            loc_entities = [(a, b) for a, b in loc_entities if not time_anchored(sentence_text, a - sentence_offset, at)]
        picks = self._inside_next(self._picks(ms, ctx), sentence_text, sentence_offset)
        for m, e in picks:
            p = self._place(m, e)
            places.append(p)
            score = {1: 30.0, 2: 25.0}.get(p.geo_precision, 0.0)
            # a town told with a province's type word ("محافظة خميس مشيط") is the province named after it:
            # as specific as an admin1, more than the country named beside it
            score += (
                {"town": 15, "admin2": 20, "admin1": 15, "region": 10, "country": 5}[
                    e.kind
                ]
                if p.geo_precision == 3
                else 0
            )
            if m.in_loc:
                score += 8
            if (
                p.geo_precision <= 2
                and (prefer_near is None or m.end <= prefer_near)
                and self._after_scene_verb(sentence_text, m.start - sentence_offset, m.matched)
            ):
                # "وشهد مخيم بلاطة ... مواجهات ... نابلس": the scene named as the subject of the verb whose
                # object is the event; a scene told after the trigger is another event's ("كما شهدت كربلاء تظاهرة")
                score += 20
            if ctx.focus and e.iso3 in ctx.focus:
                score += 10
            if prefer_near is not None:
                d = (
                    0
                    if m.start <= prefer_near < m.end
                    else min(abs(prefer_near - m.start), abs(prefer_near - m.end))
                )
                score -= min(d / 3.0, 15.0)
                lo, hi = sorted(
                    (m.end if m.end <= prefer_near else m.start, prefer_near)
                )
                if any(
                    c in sentence_text[lo - sentence_offset : hi - sentence_offset]
                    for c in "،,;؛"
                ):
                    score -= 20.0  # another clause: "المعارك في دارفور، خصوصا بعد استعادة ... الخرطوم"
            scored.append((score, p))
        for p in self._proposed(
            sentence_text, sentence_offset, loc_entities, picks, ms
        ):
            score = 33.0 + (10.0 if ctx.focus and p.iso3 in ctx.focus else 0.0)
            scored.append(
                (
                    score
                    - (
                        min(abs(prefer_near - p.start) / 3.0, 15.0)
                        if prefer_near is not None
                        else 0
                    ),
                    p,
                )
            )
        if not scored:
            return (
                self.country_info(context_country)
                if ctx.focus and context_country
                else None
            )
        best = max(scored, key=lambda x: x[0])[1]
        if not best.admin1:
            # borrow the province from another mention of the same country in the sentence
            for p in places:
                if (
                    p is not best
                    and p.iso3 == best.iso3
                    and p.admin1
                    and best.geo_precision <= 2
                ):
                    best = replace(best, admin1=p.admin1)
                    break
        return best

    def _proposed(
        self, text: str, offset: int, loc_entities, picks, mentions
    ) -> list[Place]:
        """Places the gazetteer lacks, proposed by a NER LOC span after a type word ("قرية X" where
        X is unknown) and located by a town or admin unit named in the same sentence: kept with
        its Arabic name, the container's admin units and point, geo_precision 2 (ACLED: a place
        not found is coded at the nearest known one, precision 2). Inside a city the city stays."""
        if not loc_entities or not picks:
            return []
        out = []
        picked = _Overlaps([(m.start, m.end) for m, _e in picks])
        for a, b in loc_entities:
            if picked(a, b):
                continue  # the gazetteer read (part of) it as a place
            rel = a - offset
            if rel < 0 or b - offset > len(text):
                continue
            hint, _near = self._modifiers(text, rel)
            before = text[max(0, rel - 8) : rel].split()
            if hint != "town" and not (
                before
                and _bare(before[-1]) in _TYPE_WORDS
                and _TYPE_WORDS[_bare(before[-1])] == "town"
            ):
                continue
            after = [
                (m, e)
                for m, e in picks
                if m.start >= b and e.kind in ("town", "admin2", "admin1")
            ]
            if not after:
                continue
            m, e = after[0]
            if not locates_next(text[b - offset : m.start - offset]):
                continue
            countryside = any(
                _bare(w) in _COUNTRYSIDE_WORDS
                for w in text[b - offset : m.start - offset].split()
            )
            if e.kind == "town" and e.pop >= 100_000 and not countryside:
                continue  # a quarter of a city is coded at the city (ACLED: Gaza City for حي الشجاعية)
            name = text[rel : b - offset].strip()
            if not name or len(name) < 3:
                continue
            base = self._place(m, e)
            a2 = base.admin2 if e.kind != "admin1" else ""
            out.append(
                replace(
                    base,
                    admin2=a2,
                    location=name,
                    geo_precision=2,
                    start=a,
                    end=b,
                    matched=name,
                )
            )
        return out

    def region_seat(self, text: str, p: Place | None, direction: str | None = None) -> Place | None:
        """A country told as a region of it ("شرق سوريا", "جنوب شرق تركيا") -> the seat of the region's main
        province (``place_words.yaml`` ``region_seats``), geo_precision 3, as ACLED codes a larger region;
        None when the name is not told so or the region has no main province listed."""
        if p is None or p.start < 0 or p.location != p.country:
            return None
        d = region_direction(text, p.start) if direction is None else direction
        seat = _REGION_SEATS.get(p.iso3, {}).get(d)
        towns = [e for e in self.entries(seat) if e.iso3 == p.iso3 and e.kind == "town"] if seat else []
        if not towns:
            return None
        e = max(towns, key=lambda e: e.pop)
        return Place(e.country, e.iso3, e.iso, e.region, e.admin1, e.admin2, "", e.name, e.lat, e.lon, 3,
                     p.start, p.end, p.matched)  # fmt: skip

    def seat_of_region(self, country: str, direction: str) -> Place | None:
        """The seat of a region of a country (ACLED name or ISO3) told by its direction, as :meth:`region_seat`
        ("جنوب شرق البلاد" in an article about Turkey: Diyarbakir), or None when none is listed."""
        c = self._countries.get(country)
        if c is None or not direction:
            return None
        return self.region_seat("", replace(self.country_info(country), start=0, end=0), direction)

    def country_info(self, country: str) -> Place:
        """Country-level Place (centroid, precision 3) for an ACLED country name or ISO3."""
        e = self._countries.get(country)
        if e is None:
            raise KeyError(country)
        return Place(e.country, e.iso3, e.iso, e.region, location=e.country, latitude=e.lat,
                     longitude=e.lon, geo_precision=3)  # fmt: skip


def country_word_floor(key: str, country_keys: set[str] | frozenset[str]) -> int:
    """The population under which a town or district of this key is dropped: a country's name
    (اليمن is Yemen, not the hamlet Al Yaman) never names a place under a small town's size, its
    nisba adjective (اليمني، المصريه) never a hamlet with no population figure; other keys: 0.
    """
    if key in country_keys:
        return _SMALL_TOWN
    for suf in _NISBA_SUFFIXES:
        if " " not in key and key.endswith(suf) and len(key) - len(suf) >= 3:
            base = key[: -len(suf)]
            bare = base.removeprefix("ال")
            if {base, bare, "ال" + bare, bare + "يا", bare + "يه", "ال" + bare + "يه"} & country_keys:
                return _NISBA_HAMLET
    return 0


def key(text: str) -> str:
    """Convenience: the normalised key form of a place phrase."""
    return normalize_key(text)
