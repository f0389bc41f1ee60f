#!/usr/bin/env python
"""Geocoding benchmark without hand labels: ACLED's own locations, named in Arabic, put in a sentence.

For every distinct ACLED location of the MENA and African rows in
``../shared/data/acledr_reference`` (location, admin1, latitude/longitude), find its Arabic name in the
staged open sources (Who's On First, OSM Sudan, OCHA Sudan units): a source point within 5 km whose
English name matches ACLED's (loose transliteration fold). Each Arabic name is put into a short news
sentence that names its country ("قتل ثلاثة أشخاص في هجوم على بلدة X في سوريا"), and rasd's chosen
place is right when it has ACLED's admin1 and lies within 10 km of ACLED's point.

    python bench/bench_geocode.py                 # table per country on stdout
    python bench/bench_geocode.py --json out.json # also the per-location results
    python bench/bench_geocode.py --no-type-word  # the bare name, no "بلدة" before it

ACLED rows are read at run time and never copied into the repository (ACLED terms of use).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gzip
import json
import math
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.evaluation import norm
from extractor.normalize import normalize_text
from extractor.resolve.places import Gazetteer
from tools.build_gazetteer import arabic_key, fold

REGIONS = {
    "Middle East",
    "Northern Africa",
    "Eastern Africa",
    "Western Africa",
    "Middle Africa",
}
WOF_ISO2 = {"sy": "Syria", "ye": "Yemen", "iq": "Iraq", "lb": "Lebanon", "ps": "Palestine", "eg": "Egypt",
            "jo": "Jordan", "sd": "Sudan", "ly": "Libya", "so": "Somalia", "ml": "Mali", "td": "Chad",
            "dz": "Algeria"}  # fmt: skip
TEMPLATE = (
    "قتل ثلاثة أشخاص في هجوم مسلح على {typ}{name} في {country}، بحسب مصادر محلية."
)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def same_name(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    return fa == fb or difflib.SequenceMatcher(None, fa, fb).ratio() >= 0.85


def acled_locations(shared: Path) -> list[dict]:
    path = shared / "acledr_reference" / "derived" / "acled_old_deletion_dummy.csv"
    seen: dict[tuple, dict] = {}
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["region"] not in REGIONS:
                continue
            k = (r["country"], r["admin1"], r["location"])
            seen.setdefault(k, {"country": r["country"], "admin1": r["admin1"], "location": r["location"],
                                "lat": float(r["latitude"]), "lon": float(r["longitude"])})  # fmt: skip
    return sorted(seen.values(), key=lambda x: (x["country"], x["location"]))


def arabic_points(shared: Path) -> dict[str, list[tuple[float, float, str, str]]]:
    """ACLED country -> (lat, lon, English name, Arabic name) of the staged open sources."""
    out: dict[str, list] = defaultdict(list)
    for path in sorted((shared / "wof_places").glob("wof_*.tsv.gz")):
        country = WOF_ISO2.get(path.name[4:6])
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                ar = next(
                    (a for a in r["names_ar"].split("|") if a and arabic_key(a)), ""
                )
                if (
                    ar
                    and r["lat"]
                    and r["placetype"]
                    in ("locality", "neighbourhood", "county", "region")
                ):
                    out[country].append(
                        (float(r["lat"]), float(r["lon"]), r["name_en"], ar)
                    )
    osm = shared / "sudan_places" / "sudan_osm_places.tsv.gz"
    if osm.exists():
        with gzip.open(osm, "rt", encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                ar = next(
                    (a for a in (r["name_ar"], r["name"]) if a and arabic_key(a)), ""
                )
                en = r["name_en"] or r["name"]
                if ar and en:
                    out["Sudan"].append((float(r["lat"]), float(r["lon"]), en, ar))
    adm = shared / "sudan_places" / "sudan_admin.tsv"
    if adm.exists():
        with open(adm, encoding="utf-8") as f:
            adm_rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        for r in adm_rows:
            out["Sudan"].append(
                (float(r["lat"]), float(r["lon"]), r["name_en"], r["name_ar"])
            )
    return out


def pair(locs: list[dict], points: dict) -> list[dict]:
    """Each ACLED location with the Arabic name of the nearest same-named source point (<= 5 km)."""
    out = []
    for loc in locs:
        best = None
        for lat, lon, en, ar in points.get(loc["country"], ()):
            if abs(lat - loc["lat"]) > 0.05 or abs(lon - loc["lon"]) > 0.06:
                continue
            d = km((lat, lon), (loc["lat"], loc["lon"]))
            if (
                d <= 5
                and same_name(en, loc["location"])
                and (best is None or d < best[0])
            ):
                best = (d, ar)
        if best:
            out.append({**loc, "arabic": best[1], "pair_km": round(best[0], 2)})
    return out


def country_arabic(g: Gazetteer) -> dict[str, str]:
    """ACLED country name -> the shortest Arabic key the gazetteer reads as that country."""
    out: dict[str, str] = {}
    for key, lines in g._lines.items():
        for line in lines:
            f = line.split("\t")
            if f[1] == "country" and (f[3] not in out or len(key) < len(out[f[3]])):
                out[f[3]] = key
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--json", type=Path)
    ap.add_argument(
        "--no-type-word",
        action="store_true",
        help="the bare name, without بلدة before it",
    )
    args = ap.parse_args()
    if not (args.shared / "acledr_reference").exists():
        print(f"bench_geocode: no {args.shared}/acledr_reference", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    g = Gazetteer.load()
    locs = acled_locations(args.shared)
    cases = pair(locs, arabic_points(args.shared))
    ar_country = country_arabic(g)
    per: dict[str, list[int]] = defaultdict(
        lambda: [0, 0, 0]
    )  # right, admin1 right, total
    details = []
    for c in cases:
        typ = "" if args.no_type_word else "بلدة "
        text = normalize_text(
            TEMPLATE.format(
                typ=typ,
                name=c["arabic"],
                country=ar_country.get(c["country"], c["country"]),
            )
        )
        ctx = g.country_of_article(text)
        p = g.resolve(text, 0, context_country=ctx, prefer_near=text.index("هجوم"))
        a1 = p is not None and norm(p.admin1) == norm(c["admin1"])
        d = (
            km((p.latitude, p.longitude), (c["lat"], c["lon"]))
            if p and p.latitude is not None
            else math.inf
        )
        ok = a1 and d <= 10
        row = per[c["country"]]
        row[0] += ok
        row[1] += a1
        row[2] += 1
        details.append({**c, "ok": ok, "got_location": p.location if p else "", "got_admin1": p.admin1 if p else "",
                        "km": None if math.isinf(d) else round(d, 1)})  # fmt: skip
    print(
        f"ACLED MENA/Africa locations: {len(locs)}; paired with an Arabic name (<= 5 km, same name): {len(cases)}"
    )
    print(f"{'country':<22}{'n':>5}{'right':>8}{'admin1':>8}")
    tot = [0, 0, 0]
    for country, (ok, a1, n) in sorted(per.items(), key=lambda x: -x[1][2]):
        print(f"{country:<22}{n:>5}{ok / n:>8.1%}{a1 / n:>8.1%}")
        tot = [tot[0] + ok, tot[1] + a1, tot[2] + n]
    if tot[2]:
        print(f"{'all':<22}{tot[2]:>5}{tot[0] / tot[2]:>8.1%}{tot[1] / tot[2]:>8.1%}")
    print(
        f"({time.perf_counter() - t0:.1f} s; right = same ACLED admin1 and within 10 km)",
        file=sys.stderr,
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {"per_country": per, "cases": details}, ensure_ascii=False, indent=1
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
