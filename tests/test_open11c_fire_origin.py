"""Precision families of round 17's unjudged tuning rows (issue 9, h-open11c), each with the false case and near
misses that keep their row, in our own sentences.

Family 1: a country told only as where the fire came from ("قذائف من داخل الأراضي اليمنية") or as a man's nationality
("مقيم من الجنسية اليمنية") is not a country the news is about. It counted for the article's focus country, and then the
Yemeni homonyms of the struck Saudi towns won ("مدينة نجران" read as a village of Marib), which also left a second row
of one act at the homonym beside its row at the right town.
"""

from __future__ import annotations

from datetime import date

import pytest

from extractor import extract
from extractor.context import article_context, foreign_spans, without_foreign_countries
from extractor.document import Article, Doc
from extractor.normalize import normalize_key, normalize_text
from extractor.pipeline import Pipeline


def _places(text: str, published: str = "2015-07-25") -> list[tuple[str, str]]:
    return [(r.country, r.location) for r in extract(text, published=published)]


def _focus(text: str) -> str | None:
    p = Pipeline(None)
    doc = Doc.from_article(Article(id="t", text=normalize_text(text), published=date(2015, 7, 25), date_basis="json"))
    return article_context(doc, p.gazetteer, p.lexicon).focus_country


@pytest.mark.parametrize("text, want", [
    ("قذائف أطلقت من داخل الأراضي اليمنية، أمس", ["اليمنيه"]),
    ("ومن الجانب السوري سقطت قذيفتان", ["السوري"]),
    ("أصيب شاب من الجنسية الهندية.", ["الهنديه"]),
    ("تسلل مسلحون عبر الحدود اللبنانية ليلا", ["اللبنانيه"]),
    ("سقط مقذوف من داخل اليمن على المدينة", ["اليمن"]),
    ("سقوط مقذوف عسكري من اليمن", ["اليمن"]),
    # where strikes hit (no من), a town after من داخل, a visit: nothing left out
    ("غارات داخل الأراضي اليمنية", []),
    ("على الحدود اليمنية", []),
    ("وصلت القذائف إلى من داخل مدينة حلب", []),
    ("عاد الوفد من اليمن أمس", []),
])
def test_a_country_named_only_as_the_fire_s_origin_or_a_nationality_is_left_out_of_the_country_count(text, want):
    lex = Pipeline(None).lexicon
    t = normalize_key(text)
    assert [t[a:b] for a, b in foreign_spans(t, lex.country_of_word)] == want
    assert len(without_foreign_countries(t, lex.country_of_word)) == len(t)  # offsets kept


def test_a_struck_saudi_city_is_not_read_as_its_yemeni_homonym_for_the_fire_s_origin():
    text = "سقطت قذائف أطلقت من داخل الحدود اليمنية على سوق في مدينة نجران فجر أمس، وأصيب مقيم من الجنسية اليمنية بجروح طفيفة."
    assert _places(text) == [("Saudi Arabia", "Najran")]
    assert _focus(text) == "Saudi Arabia"


def test_the_fire_s_origin_told_twice_leaves_the_struck_city_its_own_country():
    text = ("أصيب عامل من الجنسية اليمنية أمس في مدينة نجران بشظايا مقذوف عسكري من داخل الأراضي اليمنية. "
            "وأوضح متحدث الدفاع المدني أن المقذوف الذي أطلق من داخل الأراضي اليمنية أصاب ورشة في حي الفيصلية.")
    assert set(_places(text)) == {("Saudi Arabia", "Najran")}


@pytest.mark.parametrize("text", [
    # the headline names the origin country, the body its adjective: the Saudi city had no row at all (read as a
    # homonym abroad in an article "about" Yemen)
    ("استشهاد مقيم في نجران إثر سقوط مقذوف عسكري من اليمن\nأفاد الدفاع المدني بمنطقة نجران أن مقذوفا عسكريا من داخل "
    "الأراضي اليمنية سقط فجر اليوم على منزل بمدينة نجران، ما أدى إلى استشهاد مقيم."),
    ("إصابة طفلين في نجران بمقذوف من داخل اليمن\nقال متحدث الدفاع المدني بمنطقة نجران إن مقذوفا سقط ظهر أمس على "
    "مدرسة في مدينة نجران وأصاب طفلين بجروح."),
])
def test_a_struck_saudi_city_keeps_its_row_when_the_headline_names_the_origin_country(text):
    assert ("Saudi Arabia", "Najran") in _places(text)


@pytest.mark.parametrize("text, want", [
    # strikes inside the country (no من): it is the country of the news
    ("شنت طائرات التحالف أمس غارات داخل الأراضي اليمنية على مواقع للحوثيين في محافظة صعدة.", ("Yemen", "Sadah")),
    # the origin's adjective left out, the struck place's own adjective still counts
    ("قصفت المدفعية السعودية أمس من داخل الأراضي السعودية مواقع للحوثيين في مديرية حرض اليمنية.", ("Yemen", "Haradh")),
    # a country adjective that is no origin and no nationality
    ("قتل خمسة جنود يمنيين أمس في هجوم للحوثيين على معسكر في مدينة مأرب اليمنية.", ("Yemen", "Marib")),
])
def test_a_country_the_news_is_about_still_counts(text, want):
    assert want in _places(text)


def test_a_nationality_does_not_move_the_country_of_the_place_named():
    # the men's nationality (Syrian) is no place: the arrest stays in Turkey
    text = "داهمت الشرطة التركية أمس منزلا في مدينة غازي عنتاب واعتقلت ثلاثة مسلحين من الجنسية السورية."
    assert _focus(text) == "Turkey"
