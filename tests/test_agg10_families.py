"""Precision families of round 16 (h-agg10, issue 9): aggregate counts and tolls with no single place or day. Acts
named by their plural noun over a bare week ("أسفرت الغارات خلال أسبوع عن مقتل ..."), dead counted in the thousands
(a war's toll), and fronts told with the adjective after ("في جبهات القتال المختلفة"). Short sentences of our own
(never dev-eval or SaudiNewsNet text), and beside each the near misses the project has reverted aggregate rules
over: a per-place strike list from a statement (one row per place), a week of fighting told with its toll (kept,
test_agg3), one operation told with a count of strikes on one place and day, and one operation told as a wave or
series of strikes."""

from __future__ import annotations

from conftest import codes as _codes
from conftest import rows as _rows
from conftest import subs as _subs


# --- acts named by their plural noun over a bare week ---------------------------------------------------------------
def test_strikes_summed_over_a_week_are_a_tally():
    text = "ونقلت وكالة رسمية أن الغارات الجوية التركية أسفرت خلال أسبوع عن مقتل 150 مسلحا كرديا في شمال العراق."
    assert _rows(text) == []
    assert "aggregate" in _codes(text)
    text = "وقال الجيش إن 120 مسلحا قتلوا في ضربات جوية على معاقل التنظيم في محافظة الأنبار خلال أسبوع."
    assert _rows(text) == []


def test_a_weeks_strikes_lend_no_toll_to_the_strike_of_a_day():
    text = ("ونقلت وكالة رسمية أن الغارات الجوية التركية أسفرت خلال أسبوع عن مقتل 150 مسلحا كرديا في شمال العراق. "
            "وقال شاهد من قرية في منطقة سيدكان إن مقاتلات تركية قصفت القرية فجر أمس وقتلت أربعة مدنيين.")
    assert [r.fatalities for r in _rows(text)] == [4]


def test_fighting_told_over_a_week_with_its_toll_stays():
    # the clashes of a week, told with their toll: one fight going on, coded on the report's day (test_agg3)
    text = "وأسفرت الاشتباكات بين مسلحين من قبيلتين خلال أسبوع عن مقتل 25 شخصا في مدينة الكفرة الليبية."
    assert "Armed clash" in _subs(text)
    assert "aggregate" not in _codes(text)


def test_strikes_counted_on_one_place_and_day_stay():
    # one operation told with a count of strikes on one town on one day
    text = "وشن طيران التحالف أمس 12 غارة على مدينة زنجبار في محافظة أبين."
    assert "Air/drone strike" in _subs(text)
    # a week named as the time since something else is no bare week of strikes
    text = "وشنت المقاتلات التركية أمس سلسلة غارات على مواقع الحزب في جبال قنديل بعد أسبوع من هجوم على مركز للشرطة."
    assert "Air/drone strike" in _subs(text)


def test_a_per_place_strike_list_keeps_a_row_per_place():
    # a statement's strikes city by city: each city's strike is its own event
    text = ("وقال بيان للتحالف إن خمس غارات نفذت أمس قرب مدينة الرمادي ودمرت مواقع قتالية للتنظيم. "
            "وأضاف البيان أن أربع غارات أخرى نفذت أمس قرب مدينة تلعفر ودمرت مبنى للتنظيم.")
    assert {r.location for r in _rows(text)} >= {"Ramadi", "Tal Afar"}


# --- dead counted in the thousands: a war's toll ---------------------------------------------------------------------
def test_dead_in_the_thousands_are_a_wars_toll():
    text = "وتحول الخلاف بين الرجلين إلى نزاع قبلي ارتكبت فيه مجازر بين القبيلتين خلفت عشرات الآلاف من القتلى."
    assert _rows(text) == []
    text = "وأدت هجمات الجماعة المسلحة على القرى إلى مقتل 20 ألف شخص على الأقل."
    assert _rows(text) == []


def test_a_large_toll_of_one_bombing_stays():
    text = "وقتل 120 شخصا أمس في تفجير شاحنة مفخخة في سوق مدينة الحلة جنوب بغداد."
    assert [r.fatalities for r in _rows(text)] == [120]


def test_thousands_of_protesters_are_no_toll():
    text = "وتظاهر آلاف العراقيين أمس في ساحة التحرير وسط بغداد احتجاجا على انقطاع الكهرباء."
    assert "Peaceful protest" in _subs(text)


# --- fronts told with the adjective after -------------------------------------------------------------------------
def test_fighting_on_the_various_fronts_is_no_one_event():
    text = "وقتل 13 مسلحا حوثيا أمس في هجمات شنوها على مواقع المقاومة في جبهات القتال المختلفة بمحافظة مأرب."
    assert _rows(text) == []
    assert "aggregate" in _codes(text)


def test_fighting_on_one_named_front_stays():
    text = "واندلعت أمس اشتباكات عنيفة بين المقاومة والحوثيين في جبهة الجفينة جنوب مدينة مأرب."
    assert "Armed clash" in _subs(text)
    text = "وقتل 20 حوثيا في كمين نصبته المقاومة أمس لرتل عسكري في بلدة الوزيرية بمحافظة تعز."
    assert [r.fatalities for r in _rows(text)] == [20]


# --- campaigns counted as many: a security statement's sum of sweeps -------------------------------------------------
def test_many_campaigns_summed_are_no_one_event():
    text = ("وأعلنت مديرية أمن المحافظة أمس توجيه حملات مشتركة متعددة بالتنسيق مع القوات المسلحة استهدفت العناصر "
            "المسلحة في مدينة العريش، وتم حرق خمس عشش كانت يستخدمها المسلحون.")
    assert _rows(text) == []
    assert "aggregate" in _codes(text)
    text = ("وأعلنت مديرية أمن المحافظة أمس أنه تم توجيه عدة حملات بالتنسيق مع القوات المسلحة استهدفت العناصر المسلحة "
            "في مدينة العريش وأسفرت عن ضبط 12 مطلوبا.")
    assert _rows(text) == []


def test_campaigns_told_at_one_city_stay():
    # plural campaigns alone, told at one city on one day: kept
    text = "كما شنت قوات الأمن التركية أمس حملات استهدفت عناصر حزب العمال الكردستاني في العاصمة أنقرة واعتقلت 20 شخصا."
    assert {r.location for r in _rows(text)} == {"Ankara"}


# --- the areas or sectors of operations of a war bulletin ------------------------------------------------------------
def test_dead_over_the_areas_of_operations_are_a_sum():
    assert _rows("مقتل العشرات من مسلحي التنظيم في مناطق العمليات العسكرية غربي العراق") == []
    text = "وقتل العشرات من مسلحي التنظيم أمس في مناطق العمليات العسكرية التي تنفذها القوات العراقية في محافظة الأنبار."
    assert _rows(text) == []
    assert "aggregate" in _codes(text)
    assert _rows("وأعلنت خلية الإعلام الحربي أمس مقتل 30 مسلحا في قواطع العمليات العسكرية بمحافظة صلاح الدين.") == []


def test_one_sector_of_operations_stays():
    text = "وقتل 15 مسلحا أمس في قصف للجيش على مواقع التنظيم في قاطع عمليات سامراء."
    assert [r.fatalities for r in _rows(text)] == [15]
