"""Precision families of round 9 (h-agg3, issue 9): fighting named as a topic, a takeover of goods, an act only
believed, a period up to now told by one week or month, a tally's figure told again, days counted after the
unit, flares. Each with short sentences of our own (never dev-eval or SaudiNewsNet text), and beside each the
near miss: a real act told with the same noun, which keeps its row."""

from __future__ import annotations

from conftest import codes as _codes
from conftest import rows as _rows
from conftest import subs as _subs


# --- fighting named as a topic: governed by a noun or a preposition, no day, no toll, no verb of its own ----------
def test_fighting_talked_about_is_no_battle():
    text = "واعترف قائد الجيش اليمني في عدن بضعف قدرات جنوده في المعارك مع الحوثيين."
    assert "Armed clash" not in _subs(text)
    assert "battle topic" in _codes(text)
    text = "وقال المتحدث إن دخول المليشيات في المعركة في مدينة تعز جاء لحماية مواقعها."
    assert "Armed clash" not in _subs(text)


def test_a_battle_told_by_its_verb_its_sides_its_day_or_its_dead_stays():
    # the same noun, with a verb of occurrence, its two sides, a day or its dead: a battle told
    assert "Armed clash" in _subs("ودارت معارك عنيفة بين الجيش اليمني والحوثيين في مدينة تعز.")
    assert "Armed clash" in _subs("وتحدثت مصادر محلية عن معارك بين الجيش اليمني والحوثيين في مدينة تعز.")
    assert "Armed clash" in _subs("وقتل ثلاثة جنود يمنيين في المعارك مع الحوثيين في مدينة تعز.")
    assert "Armed clash" in _subs("وشارك الجيش اليمني أمس في المعارك مع الحوثيين في مدينة تعز.")


# --- a takeover whose object is goods, not land ----------------------------------------------------------------
def test_a_takeover_of_money_or_weapons_is_no_territory_change():
    text = "فر قيادي في تنظيم داعش من مدينة الرقة أمس بعد أن استولى على ملايين الدولارات من خزينة التنظيم."
    assert not any("territory" in s for s in _subs(text))
    assert "seized" in _codes(text)


def test_a_takeover_of_a_town_stays():
    text = "استولى تنظيم داعش أمس على بلدة القريتين في ريف حمص بعد هجوم على مواقع الجيش السوري."
    assert "Non-state actor overtakes territory" in _subs(text)


# --- the act only believed ------------------------------------------------------------------------------------
def test_an_act_only_believed_is_no_event():
    text = "وقالت الخارجية الإيطالية إن ثلاثة صحفيين فقدوا في سوريا ومن المعتقد أنهم قد خطفوا قرب حلب."
    assert "Abduction/forced disappearance" not in _subs(text)
    assert "supposed" in _codes(text)


def test_a_belief_about_the_doers_of_a_told_act_keeps_the_act():
    # the belief is about who did it; the kidnapping itself is told
    text = "وقالت الشرطة إنها تعتقد أن المسلحين الذين خطفوا ثلاثة صحفيين أمس قرب حلب ينتمون إلى تنظيم داعش."
    assert "Abduction/forced disappearance" in _subs(text)


# --- a week's fighting told with its toll: kept (round 9's "منذ أسبوع" period was reverted at the merge) ----------
def test_a_toll_of_fighting_going_on_for_a_week_stays_an_event():
    # "منذ أسبوع" right after the verb of fighting: the report's toll of fighting still going on, coded on its day.
    # As a period it cost three real rows of two articles on the check samples (both judges coded them), so no rule
    text = "قتل 35 شخصا على الأقل في اشتباكات تدور منذ أسبوع بين مسلحين من قبيلتين في مدينة سبها الليبية."
    assert "Armed clash" in _subs(text)
    assert "period" not in _codes(text)


def test_a_toll_over_more_than_a_week_is_a_period():
    text = "قتل 35 شخصا على الأقل في اشتباكات قبلية تدور منذ أكثر من أسبوع في مدينة سبها الليبية."
    assert "Armed clash" not in _subs(text)
    assert "period" in _codes(text)


def test_a_toll_of_fighting_since_this_morning_stays():
    # "منذ صباح اليوم": the same word, a part of the day, one day's fighting
    text = "قتل 35 شخصا في اشتباكات قبلية تدور منذ صباح اليوم في مدينة سبها الليبية."
    assert "Armed clash" in _subs(text)


# --- the figure of a tally told again with no day ---------------------------------------------------------------
def test_the_figure_of_a_tally_told_again_is_that_tally():
    text = ("قتل 35 شخصا على الأقل في اشتباكات قبلية تدور منذ أكثر من أسبوع في مدينة سبها الليبية. "
            "وقال مسؤول محلي في سبها: سقط 35 قتيلا في اشتباكات بين القبيلتين.")
    assert "Armed clash" not in _subs(text)


def test_a_dated_act_with_another_figure_stays_beside_a_tally():
    text = ("قتل 35 شخصا على الأقل في اشتباكات قبلية تدور منذ أكثر من أسبوع في مدينة سبها الليبية. "
            "وقتل 12 شخصا أمس في اشتباكات بين القبيلتين في مدينة أوباري.")
    assert "Armed clash" in _subs(text)


# --- days counted after the unit ----------------------------------------------------------------------------------
def test_days_counted_after_the_unit_are_a_tally():
    text = "قتل 50 مدنيا في قصف الحوثيين على أحياء مدينة عدن خلال الأيام الـ5 الماضية."
    assert not _rows(text)
    assert "aggregate" in _codes(text)


def test_one_days_shelling_stays():
    assert "Shelling/artillery/missile attack" in _subs("قتل 5 مدنيين أمس في قصف الحوثيين على أحياء مدينة عدن.")


# --- flares ---------------------------------------------------------------------------------------------------------
def test_flares_are_no_explosion():
    assert not _rows("أطلقت القوات الإسرائيلية فجر اليوم قنابل مضيئة فوق تلال كفر شوبا في جنوب لبنان.")


def test_a_bomb_thrown_on_a_patrol_stays():
    text = "ألقى مسلحون فجر اليوم قنابل على دورية للجيش اللبناني في بلدة كفر شوبا في جنوب لبنان."
    assert "Remote explosive/landmine/IED" in _subs(text)


# --- a campaign stepped up ------------------------------------------------------------------------------------------
def test_a_campaign_of_arrests_with_no_day_is_no_event():
    text = "وصعدت مليشيا الحوثي في مدينة الحديدة من عمليات اعتقال المعارضين لها والناشطين."
    assert "Arrests" not in _subs(text)
    assert "campaign" in _codes(text)


def test_operations_going_on_that_day_stay():
    # the same head with no escalation: the day's shelling goes on, one event of the news
    text = "وتواصل قوات الاحتلال عمليات القصف المدفعي على شرق مدينة رفح."
    assert "Shelling/artillery/missile attack" in _subs(text)


def test_a_raid_of_arrests_on_its_day_stays():
    text = "نفذت قوات الاحتلال فجر اليوم عمليات اعتقال في بلدة بيت أمر شمال الخليل طالت خمسة شبان."
    assert "Arrests" in _subs(text)


# --- an accusation past a relative clause -----------------------------------------------------------------------------
def test_an_act_an_accusation_governs_past_a_relative_clause_is_a_statement():
    text = "واتهمت الشركة الوطنية التي يقع مقرها في مدينة طرابلس الجيش الليبي بأنه قصف ناقلة نفط في ميناء درنة."
    assert "accusation" in _codes(text)
    assert not _rows(text)


def test_an_act_told_after_a_relative_clause_with_no_accusation_stays():
    text = "وقال الجيش الليبي الذي يقع مقره في مدينة البيضاء بأنه قصف أمس مواقع للمتطرفين في مدينة درنة."
    assert "Shelling/artillery/missile attack" in _subs(text) or "Air/drone strike" in _subs(text)
