"""Places: Arabic place mentions -> ACLED country/admin1/admin2/location/coordinates.

The index ``extractor/data/places.tsv.gz`` is built by ``tools/build_gazetteer.py``
from GeoNames (CC BY 4.0), OCHA/HDX tables and the hand-kept
``extractor/data/places_extra.yaml`` (see ``extractor/data/PLACES.md``).

Rules, in short:

* a name matches at a word start after optional clitics (و ف ب ل ك and pairs such as
  وب، فل; ``لل`` for names written with the article: للعراق) and must end at a word end,
  so nationality adjectives (السوري، الأمريكية، المصري) never match a country;
* the longest match wins; up to four words before it are read as modifiers: a type word
  (مدينة، بلدة، قرية، مخيم، حي، منطقة -> a town; محافظة، ولاية، إقليم -> a province;
  مديرية، قضاء، ناحية -> a district), a "near" word (ريف، محيط، ضواحي، قرب، أطراف) or a
  direction (شمال، جنوب شرق، الريف الجنوبي ل...);
* geo_precision (ACLED): 1 the town itself; 2 near a town / part of it / a district;
  3 a province, region or country (also ``شرق سوريا``);
* a name found in several countries takes the one of the article's country, and small
  towns (< 50,000 people) outside that country are ignored.

All text given here must already be normalised (:func:`extractor.normalize.normalize`);
offsets are into that text.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import math
import re
from dataclasses import dataclass, replace
from importlib import resources

import ahocorasick

from ..normalize import normalize_key
from ..rules_schema import check_word_list


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
    end: int = -1  # span in the normalised text that named it (-1 when inferred from context)
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


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    matched: str
    entries: tuple[_Entry, ...]
    hint: str  # "", town, admin1, admin2
    near: bool  # ريف / محيط / قرب / a direction before the name


CLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لب"})
_L_CLITICS = frozenset({"ل", "ول", "فل"})  # before a لل-form (the second ل is the article's)
_LETTER = re.compile(r"[^\W_]")
_WORD_BACK = re.compile(r"([^\W\d_]+)(\s+)$")

_TYPE_WORDS = {
    "مدينه": "town", "بلده": "town", "قريه": "town", "مخيم": "town", "حي": "town", "منطقه": "town",
    "ضاحيه": "town", "بلدات": "town", "قري": "town", "مدن": "town", "مركز": "town", "عاصمه": "town",
    "محافظه": "admin1", "محافظات": "admin1", "ولايه": "admin1", "اقليم": "admin1", "مقاطعه": "admin1",
    "مديريه": "admin2", "قضاء": "admin2", "ناحيه": "admin2", "محليه": "admin2", "مديريات": "admin2",
}  # fmt: skip
_NEAR_WORDS = frozenset({"ريف", "محيط", "ضواحي", "قرب", "اطراف", "مشارف", "مقربه", "تخوم", "جوار", "بالقرب"})
_DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "شمالا",
                         "جنوبا", "شرقا", "غربا"})  # fmt: skip
_SKIP_WORDS = frozenset({"من", "الجنوبي", "الشمالي", "الشرقي", "الغربي", "الغربيه", "الشرقيه", "الشماليه",
                         "الجنوبيه", "اقصي"})  # fmt: skip
_KIND_RANK = {"town": 4, "admin2": 3, "admin1": 2, "region": 1, "country": 0}
_SMALL_TOWN = 50_000


def _bare(word: str) -> str:
    """A modifier word without its clitics and article (وبمدينة -> مدينه, الريف -> ريف)."""
    for _ in range(2):
        if word in _ALL_MOD:
            return word  # بلده is the type word itself, not ب + لده
        if len(word) > 3 and word[0] in "وفبلك" and word[1:] in _ALL_MOD:
            return word[1:]
        for art in ("ال", "بال", "وال", "فال", "لل", "وبال", "ولل"):
            if word.startswith(art) and word[len(art) :] in _ALL_MOD:
                return word[len(art) :]
        if len(word) > 3 and word[0] in "وفبلك":
            word = word[1:]
    return word


_ALL_MOD = set(_TYPE_WORDS) | _NEAR_WORDS | _DIRECTIONS | _SKIP_WORDS


def km(a: Place, b: Place) -> float:
    """Great-circle distance in km (inf when a coordinate is missing)."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return math.inf
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def locates_next(between: str) -> bool:
    """Whether the words between two place names make the second the first's reference point.

    "قرية أم صفا شمال غرب مدينة رام الله", "منطقة طخية بمديرية مجز", "حي الزيتون في
    مدينة غزة": the second name only says where the first is. "مدينة صعدة ومديرية
    سحار" lists two places.
    """
    words = re.findall(r"\w+", between)
    if any(c in between for c in ",،") or any(w.startswith("و") and len(w) > 3 for w in words):
        return False  # a list: "مدينة صعدة ومديرية سحار"
    for w in words:
        if w in ("في", "داخل", "قرب", "بالقرب", "بين"):
            return True
        if _bare(w) in _NEAR_WORDS or _bare(w) in _DIRECTIONS:
            return True
        if w.startswith(("ب", "وب")) and w.lstrip("و")[1:] in _TYPE_WORDS:
            return True
    return False


def word_list(name: str) -> frozenset[str]:
    """Normalised entries of a one-per-line data file (``#`` starts a comment)."""
    text = check_word_list(name)  # checked (extractor/rules_schema.py)
    return frozenset(normalize_key(x.strip()) for x in text.splitlines() if x.strip() and not x.startswith("#"))


class Gazetteer:
    """The compiled place index (one Aho-Corasick automaton over all Arabic keys)."""

    def __init__(self, rows: list[dict[str, str]], stop: frozenset[str] = frozenset(),
                 needs_type: frozenset[str] = frozenset(), facilities: frozenset[str] = frozenset()):  # fmt: skip
        self._stop = stop  # whole words (clitics included) that are never places: فرانس (برس)
        self._needs_type = needs_type  # common words that are places only after a type word: مدينة الباب
        # building words before a name (مسجد، مستشفى، مدرسة), with the clitics and article they take
        self._facilities = frozenset(p + a + f for f in facilities for p in ("", "و", "ب", "ف", "وب", "ل")
                                     for a in ("", "ال"))  # fmt: skip
        self._by_key: dict[str, list[_Entry]] = {}
        self._countries: dict[str, _Entry] = {}
        self._admin1: dict[tuple[str, str], _Entry] = {}
        for r in rows:
            e = _Entry(
                r["kind"], r["name"], r["country"], r["iso3"], int(r["iso"]) if r["iso"] else None, r["region"],
                r["admin1"], r["admin2"], float(r["lat"]) if r["lat"] else None,
                float(r["lon"]) if r["lon"] else None, int(r["population"] or 0),
            )  # fmt: skip
            key = r["key"]
            if key in stop:
                continue
            # very short one-word town names are mostly ordinary words or name parts (unless they
            # are listed as needing a type word: "بلدة جلب")
            if e.kind == "town" and " " not in key and len(key) <= 3 and e.pop < 100_000 and key not in needs_type:
                continue
            self._by_key.setdefault(key, []).append(e)
            if e.kind == "country":
                self._countries.setdefault(e.iso3, e)
                self._countries.setdefault(e.country, e)
            elif e.kind == "admin1":
                self._admin1.setdefault((e.iso3, e.name), e)
        self._auto = ahocorasick.Automaton()
        for key in self._by_key:
            self._auto.add_word(key, (key, False))
            if key.startswith("ال") and len(key) > 3:
                self._auto.add_word(key[1:], (key, True))  # للعراق = ل + لعراق
        self._auto.make_automaton()

    # ------------------------------------------------------------------ loading
    @classmethod
    @functools.cache
    def load(cls) -> "Gazetteer":
        data = resources.files("extractor.data").joinpath("places.tsv.gz").read_bytes()
        text = gzip.decompress(data).decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
        return cls(rows, word_list("places_stop.txt"), word_list("places_needs_type.txt"),
                   word_list("places_facilities.txt"))

    # ------------------------------------------------------------------ matching
    def _mentions(self, text: str, offset: int = 0) -> list[_Mention]:
        cands: list[tuple[int, int, str]] = []
        n = len(text)
        for end_idx, (key, lform) in self._auto.iter(text):
            s = end_idx - (len(key) - 1 if lform else len(key)) + 1
            e = end_idx + 1
            if e < n and _LETTER.match(text[e]):
                continue
            j = s
            while j > 0 and _LETTER.match(text[j - 1]) and s - j <= 3:
                j -= 1
            if j > 0 and _LETTER.match(text[j - 1]):
                continue
            prefix = text[j:s]
            if lform:
                if prefix not in _L_CLITICS:
                    continue
            elif prefix not in CLITICS:
                continue
            if text[j:e] in self._stop:
                continue
            cands.append((s, e, key))
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        out: list[_Mention] = []
        last = -1
        for s, e, key in cands:
            if s < last:
                continue
            # a longer match starting inside this one but ending later is not considered: leftmost-longest
            last = e
            hint, near = self._modifiers(text, s)
            if key in self._needs_type and not hint:
                continue
            if self._after_facility(text, s):
                continue  # "مسجد سيد آباد", "مستشفى الشفاء": a building's name, not a place
            out.append(_Mention(s + offset, e + offset, key, tuple(self._by_key[key]), hint, near))
        return out

    def _after_facility(self, text: str, s: int) -> bool:
        """Whether the word before the name (clitics stripped) is a building or institution."""
        j = s
        while j > 0 and _LETTER.match(text[j - 1]):
            j -= 1
        m = _WORD_BACK.search(text, max(0, j - 40), j)  # a bounded look back: whole articles pass here
        if not m:
            return False
        return m.group(1) in self._facilities

    @staticmethod
    def _modifiers(text: str, s: int) -> tuple[str, bool]:
        """Read the words before a name: type word, near word, direction."""
        # go back to the start of the word holding the clitics
        j = s
        while j > 0 and _LETTER.match(text[j - 1]):
            j -= 1
        hint, near = "", False
        pos = j
        for _ in range(5):
            m = _WORD_BACK.search(text, max(0, pos - 40), pos)
            if not m:
                break
            word = _bare(m.group(1))
            if word in _TYPE_WORDS:
                if not hint:
                    hint = _TYPE_WORDS[word]
            elif word in _NEAR_WORDS or word in _DIRECTIONS:
                near = True
            elif word not in _SKIP_WORDS:
                break
            pos = m.start()
        return hint, near

    # ------------------------------------------------------------------ choosing
    @staticmethod
    def _pick(m: _Mention, context_iso3: str | None) -> _Entry | None:
        best, best_score = None, -1e9
        for e in m.entries:
            if context_iso3 and e.iso3 != context_iso3 and e.kind == "town" and e.pop < _SMALL_TOWN:
                continue
            score = math.log10(e.pop + 10)
            if context_iso3 and e.iso3 == context_iso3:
                score += 100
            if m.hint and (e.kind == m.hint or (m.hint == "admin2" and e.kind == "town")):
                score += 20
            elif m.hint == "town" and e.kind in ("admin1", "country"):
                score -= 5
            elif not m.hint and e.kind == "town":
                score += 1
            if score > best_score:
                best, best_score = e, score
        return best

    def _place(self, m: _Mention, e: _Entry) -> Place:
        kind = e.kind
        loc = e.name
        admin1, admin2 = e.admin1, e.admin2
        if kind == "town":
            if m.hint == "admin1" and e.admin1:
                # محافظة صعدة: the province named after its capital
                a1 = self._admin1.get((e.iso3, e.admin1))
                lat, lon = (a1.lat, a1.lon) if a1 and a1.lat is not None else (e.lat, e.lon)
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
    def _mk(e: _Entry, admin1, admin2, loc, lat, lon, prec, m: _Mention | None) -> Place:
        return Place(e.country, e.iso3, e.iso, e.region, admin1, admin2, "", loc, lat, lon, prec,
                     m.start if m else -1, m.end if m else -1, m.matched if m else "")  # fmt: skip

    def _iso3(self, country: str | None) -> str | None:
        if not country:
            return None
        e = self._countries.get(country)
        return e.iso3 if e else None

    # ------------------------------------------------------------------ public API
    def find(self, text: str, offset: int = 0) -> list[Place]:
        """Every place mention in a normalised text chunk (offsets shifted by ``offset``)."""
        out = []
        for m in self._mentions(text, offset):
            e = self._pick(m, None)
            if e:
                out.append(self._place(m, e))
        return out

    def country_of_article(self, text: str) -> str | None:
        """The country the article is mostly about (country and town mentions counted)."""
        counts: dict[str, float] = {}
        first: dict[str, int] = {}
        for m in self._mentions(text):
            isos = {e.iso3 for e in m.entries}
            for e in m.entries:
                if len(isos) > 1 and e.kind == "town" and e.pop < _SMALL_TOWN:
                    continue
                w = (1.0 if e.kind in ("country", "admin1", "region") else 0.8) / len(isos)
                counts[e.country] = counts.get(e.country, 0) + w
                first.setdefault(e.country, m.start)
                if len(isos) == 1:
                    break
        if not counts:
            return None
        return max(counts, key=lambda c: (counts[c], -first[c]))

    def resolve(self, sentence_text: str, sentence_offset: int, *, context_country: str | None,
                loc_entities: list[tuple[int, int]] = (), prefer_near: int | None = None) -> Place | None:  # fmt: skip
        """Best place for an event told in this sentence (see module docstring)."""
        ctx = self._iso3(context_country)
        scored: list[tuple[float, Place]] = []
        places: list[Place] = []
        for m in self._mentions(sentence_text, sentence_offset):
            e = self._pick(m, ctx)
            if not e:
                continue
            p = self._place(m, e)
            places.append(p)
            score = {1: 30.0, 2: 25.0}.get(p.geo_precision, 0.0)
            score += {"town": 0, "admin2": 20, "admin1": 15, "region": 10, "country": 5}[e.kind] if p.geo_precision == 3 else 0
            if any(s <= m.start and m.end <= t for s, t in loc_entities):
                score += 8
            if ctx and e.iso3 == ctx:
                score += 10
            if prefer_near is not None:
                d = 0 if m.start <= prefer_near < m.end else min(abs(prefer_near - m.start), abs(prefer_near - m.end))
                score -= min(d / 3.0, 15.0)
                lo, hi = sorted((m.end if m.end <= prefer_near else m.start, prefer_near))
                if any(c in sentence_text[lo - sentence_offset : hi - sentence_offset] for c in "،,;؛"):
                    score -= 20.0  # another clause: "المعارك في دارفور، خصوصا بعد استعادة ... الخرطوم"
            scored.append((score, p))
        if not scored:
            return self.country_info(context_country) if ctx else None
        best = max(scored, key=lambda x: x[0])[1]
        if not best.admin1:
            # borrow the province from another mention of the same country in the sentence
            for p in places:
                if p is not best and p.iso3 == best.iso3 and p.admin1 and best.geo_precision <= 2:
                    best = replace(best, admin1=p.admin1)
                    break
        return best

    def country_info(self, country: str) -> Place:
        """Country-level Place (centroid, precision 3) for an ACLED country name or ISO3."""
        e = self._countries.get(country)
        if e is None:
            raise KeyError(country)
        return Place(e.country, e.iso3, e.iso, e.region, location=e.country, latitude=e.lat,
                     longitude=e.lon, geo_precision=3)  # fmt: skip


def key(text: str) -> str:
    """Convenience: the normalised key form of a place phrase."""
    return normalize_key(text)
