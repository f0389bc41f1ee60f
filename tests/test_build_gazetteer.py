"""The gazetteer builder's romanisation word tables and the rows they add (tools/build_gazetteer.py)."""

from __future__ import annotations

import gzip
from pathlib import Path

from extractor.normalize import normalize_text
from extractor.resolve.places import Gazetteer
from tools.build_gazetteer import latin_tokens, learn_words, transliterate

DATA = Path(__file__).resolve().parents[1] / "extractor" / "data"


def _row(en: str, ar: str, pt: str = "locality") -> dict:
    return {"placetype": pt, "name_en": en, "names_ar": ar}


def test_latin_tokens_join_the_article_to_its_word():
    assert latin_tokens("Kafr ash Shaykh Khalil") == ["kafr", "al_shaykh", "khalil"]
    assert latin_tokens("Al-Hadjaren") == ["al_hadjaren"]
    assert latin_tokens("`Izbat Abū Şīr") == ["`izbat", "abu", "sir"]
    assert latin_tokens("حمص") is None


def test_a_name_is_inferred_only_from_well_attested_words():
    rows = [_row("Bayt al Faqih", "بيت الفقيه"), _row("Bayt Na`am", "بيت نعم"),
            _row("Al Faqih", "الفقيه"), _row("Na`am", "نعم"),
            _row("Dar Sa`d", "دار سعد|مديرية دار سعد"),
            _row("Bayt Shams", "بيت شمس", pt="county")]  # fmt: skip
    table = learn_words(rows)
    assert table["bayt"] == ("بيت", 2, 2)
    assert "shams" not in table  # counties are not learnt from
    assert transliterate(table, "Bayt al Faqih") == "بيت الفقيه"
    assert transliterate(table, "Na`am al Faqih") == "نعم الفقيه"
    assert transliterate(table, "Dar al Faqih") is None  # دار was seen once
    pooled = {"kafr": ("كفر", 5, 5), "dar": ("دار", 5, 5)}
    assert transliterate(table, "Kafr al Faqih", pooled) == "كفر الفقيه"  # a word the country has not seen
    assert transliterate(table, "Dar al Faqih", pooled) is None  # the country's own sighting decides


def test_inferred_rows_are_rare():
    with gzip.open(DATA / "places.tsv.gz", "rt", encoding="utf-8") as f:
        flags = [line.rstrip("\n").split("\t")[12] for line in f][1:]
    inferred = [x for x in flags if "t" in x]
    assert len(inferred) > 1000
    assert all("r" in x and "s" in x for x in inferred)


def test_a_district_named_bare_is_the_district_not_a_village_elsewhere():
    g = Gazetteer.load()
    text = normalize_text("سقطت قذائف على منطقة دار سعد في محافظة عدن صباح اليوم.")
    p = g.resolve(text, 0, context_country="Yemen", prefer_near=text.index("قذائف"))
    assert p is not None and p.admin1 == "Aden"
