"""Location of real rows (issue 9, h-fields3): where the news is told or where the actors set out from is not
where the event happened (place_words.yaml ``elsewhere_words``). Sentences of our own."""

from __future__ import annotations

from datetime import date

from extractor import get_pipeline
from extractor.document import Article


def _places(text: str) -> list[str]:
    res = get_pipeline(None).process(Article(id="p3", text=text, published=date(2015, 8, 9), date_basis="json"))
    return [e.to_dict()["location"] for e in res.events]


def test_the_press_conference_city_is_not_the_event_place() -> None:
    text = "وقال رئيس الوزراء أمام الصحافيين في أنقرة إن الهجوم الانتحاري الذي وقع أمس في مدينة سوروتش أوقع 30 قتيلا."
    assert _places(text) == ["Suruc"]


def test_the_town_an_attack_set_out_from_is_not_a_place_struck() -> None:
    text = "وتمكنت القوات اليمنية إثر هجوم شنته من عدن من السيطرة على مدينة زنجبار في محافظة أبين أمس."
    assert _places(text) == ["Zinjibar"]


def test_near_miss_a_town_that_is_the_scene_stays() -> None:
    # no telling frame before the name: the city is where it happened
    assert _places("شهدت أنقرة أمس اشتباكات بين الشرطة ومحتجين.") == ["Ankara"]
    assert _places("وقعت اشتباكات عنيفة أمس في مدينة عدن بين المقاومة والحوثيين في اليمن.") == ["Aden"]


def test_a_settlement_named_with_its_type_word_is_the_place_talked_about() -> None:
    # "مستوطنة" is a type word: the settlement, not the city it lies north of, is where the clash happened
    text = ("وافقت الحكومة على بناء وحدات سكنية في مستوطنة بيت ايل شمال رام الله في الضفة الغربية. "
            "وأدى هدم مبنيين إلى صدامات بين المستوطنين وقوات الأمن الإسرائيلية أمس.")
    assert _places(text) == ["Bet El"]
    # near miss: the same clash after a sentence that names the city alone stays at the city
    text = ("وافقت الحكومة على بناء وحدات سكنية في مدينة رام الله في الضفة الغربية. "
            "وأدى هدم مبنيين إلى صدامات بين المستوطنين وقوات الأمن الإسرائيلية أمس.")
    assert _places(text) == ["Ramallah"]
