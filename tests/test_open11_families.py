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
from extractor.context import article_context, without_foreign_countries
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
    ("قذائف أطلقت من داخل الأراضي اليمنية أمس", "قذائف أطلقت من داخل الأراضي أمس"),
    ("ومن الجانب السوري سقطت قذيفتان", "ومن الجانب سقطت قذيفتان"),
    ("أصيب شاب من الجنسية الهندية", "أصيب شاب من الجنسية"),
    ("تسلل مسلحون عبر الحدود اللبنانية ليلا", "تسلل مسلحون عبر الحدود ليلا"),
    # where strikes hit, with no من: the adjective stays
    ("غارات داخل الأراضي اليمنية", "غارات داخل الأراضي اليمنية"),
    ("على الحدود اليمنية", "على الحدود اليمنية"),
])
def test_the_word_after_a_foreign_head_is_left_out_of_the_country_count(text, want):
    assert without_foreign_countries(normalize_key(text)) == normalize_key(want)


def test_a_struck_saudi_city_is_not_read_as_its_yemeni_homonym_for_the_fire_s_origin():
    text = "سقطت قذائف أطلقت من داخل الحدود اليمنية على سوق في مدينة نجران فجر أمس، وأصيب مقيم من الجنسية اليمنية بجروح طفيفة."
    assert _places(text) == [("Saudi Arabia", "Najran")]
    assert _focus(text) == "Saudi Arabia"


def test_the_fire_s_origin_told_twice_leaves_the_struck_city_its_own_country():
    text = ("أصيب عامل من الجنسية اليمنية أمس في مدينة نجران بشظايا مقذوف عسكري من داخل الأراضي اليمنية. "
            "وأوضح متحدث الدفاع المدني أن المقذوف الذي أطلق من داخل الأراضي اليمنية أصاب ورشة في حي الفيصلية.")
    assert set(_places(text)) == {("Saudi Arabia", "Najran")}


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
