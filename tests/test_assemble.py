"""Event assembly: which trigger mentions are reported events, how tellings cluster, how events are typed.

Each test is an example: Arabic text in, the rows (or the reason for none) out.
"""

from __future__ import annotations

from datetime import date

import pytest

from extractor import extract, get_pipeline
from extractor.assemble import RetypeRule, precedence, retype, retype_rules
from extractor.context import AssemblyDataError, check_keys
from extractor.document import Article


def rows(text: str, published: str = "2024-03-10"):
    return extract(text, published=published)


def explain(text: str, published: str = "2024-03-10") -> list[str]:
    pipe = get_pipeline(None)
    r = pipe.process(Article(id="t", text=text, published=date.fromisoformat(published)), explain=True)
    return [f"{x.verb}: {x.reason}" for x in r.rejected]


# --- reported event or mention ----------------------------------------------------------------


def test_a_condemnation_is_not_the_event_and_the_condemning_country_is_no_actor():
    text = "أدانت مصر الهجوم الإرهابي الذي استهدف مسجدا في مدينة بيشاور الباكستانية."
    assert rows(text) == []
    assert any("reaction" in line for line in explain(text))


def test_a_cumulative_toll_is_not_one_event():
    text = "قتل 390 شخصا في غارات جوية على مدينة غزة خلال أسبوعين."
    assert rows(text) == []
    assert any("cumulative" in line for line in explain(text))


def test_an_intention_is_not_an_event():
    text = "أبلغت قوات الاحتلال الأجهزة الأمنية عن نيتها القيام بعملية تخريب في مدينة نابلس."
    assert rows(text) == []


def test_the_pluperfect_recalls_an_earlier_event_beside_the_news():
    text = ("قتل ثلاثة مدنيين في قصف مدفعي على مدينة الفاشر اليوم. "
            "وكانت قوات الدعم السريع قد هاجمت مدينة نيالا بالطائرات المسيرة.")  # fmt: skip
    evs = rows(text, "2025-06-02")
    assert [e.location for e in evs] == ["El Fasher"]
    assert any("pluperfect" in line for line in explain(text, "2025-06-02"))


def test_the_pluperfect_with_todays_date_is_the_news():
    text = "وكانت مقاتلات أمريكية قد استهدفت فجر اليوم بغارات جوية مدينة صعدة."
    [ev] = rows(text, "2025-04-01")
    assert (ev.sub_event_type, ev.location, ev.event_date) == ("Air/drone strike", "Sadah", "2025-04-01")


# --- places: ACLED codes no event at country precision ------------------------------------------


def test_an_event_placed_only_in_a_country_is_not_coded():
    # ACLED codebook (spatial precision): no event is coded with only a country as its location
    text = "هاجمت جماعة الحوثي سفينة تجارية في البحر الأحمر بصاروخ باليستي."
    assert rows(text, "2024-01-09") == []
    assert any("country precision" in line for line in explain(text, "2024-01-09"))


def test_an_unnamed_place_inherits_the_articles_main_place():
    text = ("تظاهر المئات في مدينة إربد الأردنية اليوم ضد رفع الأسعار. "
            "وقال شهود إن الشرطة فرقت المتظاهرين بالغاز المسيل للدموع في إربد. "
            "وفي الأردن قتل مسلحون شخصا في هجوم مسلح.")  # fmt: skip
    assert {e.location for e in rows(text)} <= {"Irbid"}


def test_a_homonym_in_a_country_the_article_never_names_is_no_place():
    # "سلمية" (peaceful) is also a Syrian town; the article is about Amman
    text = ("تظاهرات في الأردن ضد رفع الأسعار. "
            "وانطلقت تظاهرة سلمية شارك فيها نحو 1000 شخص من أمام المسجد الحسيني في عمان الأردنية.")  # fmt: skip
    assert {e.country for e in rows(text)} <= {"Jordan"}


# --- typing: one table ---------------------------------------------------------------------------


def test_protesters_clashing_with_police_in_a_protest_article_riot():
    text = ("تواصلت الاحتجاجات في القاهرة لليوم الخامس. "
            "واندلعت اشتباكات بين المتظاهرين وقوات الأمن في ميدان التحرير بالقاهرة اليوم.")  # fmt: skip
    evs = rows(text, "2012-11-23")
    assert evs and all(e.event_type in ("Riots", "Protests") for e in evs)
    assert any(e.sub_event_type == "Violent demonstration" for e in evs)


def test_settlers_damaging_property_are_a_mob():
    text = "قام مستوطنون بأعمال تخريب في ممتلكات المواطنين في قرية عورتا جنوب نابلس."
    [ev] = rows(text, "2018-01-30")
    assert (ev.event_type, ev.sub_event_type, ev.location) == ("Riots", "Mob violence", "Awarta")
    assert (ev.actor1, ev.assoc_actor_1, ev.actor2) == ("Rioters (Israel)", "Settlers (Israel)", "Civilians (Palestine)")


def test_every_rule_names_itself_and_the_table_is_checked():
    rules = retype_rules()
    assert len({r.id for r in rules}) == len(rules) and all(r.why for r in rules)
    with pytest.raises(AssemblyDataError, match="unknown key"):
        check_keys("retype[0]", {"id": "x", "why": "y", "becomes": {}, "colour": 1}, {"id", "why", "becomes"})


def test_an_ambush_on_soldiers_is_a_battle():
    rule = RetypeRule(id="t", why="t", becomes=("Battles", "Armed clash"), event_type=frozenset({"x"}))
    et, sub, *_ , r = retype("Violence against civilians", "Attack", _Actor("state"), None,
                             trigger="كمين", text="قتل خمسة جنود في كمين", ctx=None)  # fmt: skip
    assert (et, sub, r.id) == ("Battles", "Armed clash", "ambush-is-a-battle")
    assert retype("x", "y", None, None, trigger="", text="", ctx=None, rules=(rule,))[4] is rule


def test_an_armed_attack_on_a_town_is_no_takeover():
    et, sub, *_, r = retype("Battles", "Non-state actor overtakes territory", None, None, trigger="هاجم",
                            text="هاجم مسلحون بلدة في ولاية بورنو", ctx=None)  # fmt: skip
    assert (et, sub, r.id) == ("Battles", "Armed clash", "attack-is-not-a-takeover")


def test_the_rule_that_retyped_an_event_is_in_explain():
    text = "قام مستوطنون بأعمال تخريب في ممتلكات المواطنين في قرية عورتا جنوب نابلس."
    assert any(line.startswith("re-typed:") and "settlers-vandalism" in line for line in explain(text, "2018-01-30"))


# --- clustering: ACLED's aggregation rule --------------------------------------------------------


def test_precedence_is_data():
    p = precedence()
    assert p.rank("Explosions/Remote violence", "Suicide bomb") > p.rank("Violence against civilians", "Attack")
    assert p.rank("Riots", "Violent demonstration") > p.rank("Protests", "Peaceful protest")


def test_a_suicide_bombing_and_the_attack_it_is_called_later_are_one_event():
    text = ("فجر انتحاري نفسه قرب مقر وزارة الداخلية في العاصمة كابول اليوم ما أدى إلى مقتل 6 أشخاص. "
            "وأكد المتحدث باسم الوزارة وقوع الهجوم في كابول ومقتل 6 أشخاص.")  # fmt: skip
    [ev] = rows(text, "2014-04-02")
    assert (ev.sub_event_type, ev.location) == ("Suicide bomb", "Kabul")


class _Actor:
    def __init__(self, kind: str):
        self.kind, self.name, self.assoc = kind, f"{kind} forces", ""
