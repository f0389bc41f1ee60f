"""Recall families (issue 9, round 3): each a construction the rules missed, with a short sentence of our own."""

from __future__ import annotations

import datetime

from extractor import extract
from extractor.normalize import normalize_key
from extractor.resolve.dates import resolve_event_date
from extractor.resolve.places import Gazetteer


def _rows(text: str, published: str = "2022-11-04"):
    return list(extract(text, published=published))


# --- a very short town name is a place right after a settlement's type word ----------------------------
def test_short_town_name_after_a_type_word():
    g = Gazetteer.load()
    told = g.find(normalize_key("تجمع المحتجون في مدينة خاش جنوب شرق البلاد"), context_country="Iran")
    assert [p.location for p in told] == ["Khash"]
    # alone, a three-letter word is mostly an ordinary word or part of a name: not a place
    assert g.find(normalize_key("وصل الوفد الى خاش امس"), context_country="Iran") == []
    # a plural type word lists things; it does not name the short word after it
    assert g.find(normalize_key("في مدن خاش"), context_country="Iran") == []


def test_firing_on_protesters_in_a_short_named_town_is_coded():
    rows = _rows("أطلقت قوات الأمن الإيرانية النار على المتظاهرين في مدينة خاش اليوم الجمعة، وأوقعت قتلى.")
    assert ("Protests", "Excessive force against protesters", "Khash") in {
        (r.event_type, r.sub_event_type, r.location) for r in rows}


# --- a side announcing it holds a place reports a capture --------------------------------------------
def test_announced_control_of_a_town_is_a_territory_event():
    rows = _rows("أعلن الجيش الوطني الليبي أمس سيطرته على مدينة درنة بعد معارك مع مسلحين.", "2018-06-29")
    assert [(r.event_type, r.location) for r in rows] == [("Battles", "Derna")]
    assert rows[0].event_date == "2018-06-28"


def test_announced_control_of_the_situation_is_no_event():
    assert _rows("أعلنت الشرطة سيطرتها على الوضع في مدينة درنة بعد الحريق.", "2018-06-29") == []


# --- a date that belongs to another noun in the clause --------------------------------------------------
def test_the_date_of_debris_of_an_earlier_blast_is_not_the_event_date():
    pub = datetime.date(2020, 8, 8)
    t = normalize_key("ورمى الشبان الحجارة وبقايا ومخلفات انفجار يوم الثلاثاء الماضي على قوات الأمن")
    assert resolve_event_date(t, pub, prefer_near=t.index("الحجاره"))[0] == pub
    # the blast itself keeps its day
    assert resolve_event_date(t, pub, prefer_near=t.index("انفجار"))[0] == datetime.date(2020, 8, 4)
    # with no such head noun, a date after the blast dates the killing told in it
    t = normalize_key("قتل خمسة مدنيين في انفجار يوم الثلاثاء الماضي")
    assert resolve_event_date(t, pub, prefer_near=t.index("قتل"))[0] == datetime.date(2020, 8, 4)


# --- places of a list: an aside in brackets, the و glued to the next name --------------------------------
def test_a_list_of_towns_with_an_aside_is_one_row_per_town():
    rows = _rows("تظاهر مئات الأشخاص أمس في كل من إربد (شمال الأردن) والكرك والطفيلة للمطالبة بالإصلاح.", "2012-06-16")
    assert {r.admin1 for r in rows} == {"Irbid", "Karak", "Tafilah"}


def test_peaceful_is_no_town():
    rows = _rows("تظاهر مئات الأشخاص أمس في مسيرات سلمية في الكرك للمطالبة بالإصلاح.", "2012-06-16")
    assert [r.admin1 for r in rows] == ["Karak"]


# --- gunfire heard; weapons seized ----------------------------------------------------------------------
def test_gunfire_heard_is_no_attack():
    assert _rows("أكد سكان سماع إطلاق نار في بلدة العوامية بالقطيف مساء الأربعاء.", "2015-10-08") == []


def test_a_seizure_of_ammunition_is_disrupted_weapons_use():
    rows = _rows("أعلنت وزارة الداخلية اليوم ضبط كمية كبيرة من الذخيرة في مزرعة بمدينة القطيف.", "2015-10-07")
    assert [(r.event_type, r.sub_event_type) for r in rows] == [("Strategic developments", "Disrupted weapons use")]
    assert _rows("أعلنت الجمارك اليوم ضبط كمية كبيرة من المخدرات والأسلحة في ميناء جدة.", "2015-10-07") == []


# --- a province named after its town; an ordinal day ---------------------------------------------------
def test_a_town_told_as_a_province_beats_the_country_beside_it():
    g = Gazetteer.load()
    t = normalize_key("وقالت الوكالة إن الصاروخ استهدف قاعدة جوية في محافظة خميس مشيط السعودية.")
    p = g.resolve(t, 0, context_country="Yemen", prefer_near=t.index("الصاروخ"))
    assert (p.location, p.admin1) == ("Khamis Mushait", "Asir")


def test_ordinal_days():
    from extractor.resolve.dates import find_dates

    pub = datetime.date(2024, 3, 5)
    got = {m.text: m.date for m in find_dates(normalize_key("وقع الهجوم يوم الأحد الثالث من مارس"), pub)}
    assert list(got.values()) == [datetime.date(2024, 3, 3)]
    got = [m.date for m in find_dates(normalize_key("في الحادي والعشرين من فبراير"), pub)]
    assert got == [datetime.date(2024, 2, 21)]
    # a week or a count, not a day
    assert find_dates(normalize_key("في الأسبوع الثاني من مارس"), pub) == []
    assert find_dates(normalize_key("الفصل الثاني مارس"), pub) == []


# --- trigger vocabulary: VSO singular verbs, undergoing an attack, crowds, drones ----------------------
def _types(text: str, published: str = "2015-08-10"):
    return [(r.event_type, r.sub_event_type, r.location) for r in _rows(text, published)]


def test_air_raid_verb():
    assert _types("أغارت الطائرات الحربية على موقع في بلدة الخيام جنوب لبنان فجر اليوم.") == [
        ("Explosions/Remote violence", "Air/drone strike", "Khiam")]


def test_a_singular_verb_before_its_crowd_makes_the_protest_violent():
    assert _types("أحرق متظاهرون غاضبون مقر حزب معارض في مدينة السليمانية مساء أمس.") == [
        ("Riots", "Violent demonstration", "Al Sulaymaniyah")]


def test_a_target_undergoing_an_attack():
    assert _types("تعرض مركز للشرطة في مدينة العريش لهجوم بقذائف الهاون فجر اليوم.") == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Arish")]
    # an animal's attack is no political violence
    assert _types("لقي سباح حتفه إثر تعرضه لهجوم من سمكة قرش قرب شاطئ مدينة جدة اليوم.") == []


def test_a_crowd_gathering_for_a_demand_is_a_protest():
    assert _types("احتشد المئات أمام مبنى الولاية في مدينة الحسيمة للمطالبة بالإفراج عن موقوفين اليوم.") == [
        ("Protests", "Peaceful protest", "Al Hoceima")]
    assert _types("احتشدت قوات الجيش قرب مدينة الحسيمة اليوم للمطالبة بالهدوء.") == []


def test_a_drone_launched_at_an_airport():
    assert _types("أطلق الحوثيون طائرة مسيرة على مطار أبها السعودي اليوم.", "2019-08-10") == [
        ("Explosions/Remote violence", "Air/drone strike", "Abha")]
    # intercepted: not a strike
    assert ("Explosions/Remote violence", "Air/drone strike", "Abha") not in _types(
        "اعترضت الدفاعات الجوية طائرة مسيرة أطلقها الحوثيون على مدينة أبها اليوم.", "2019-08-10")


def test_a_masculine_adjective_after_a_town_belongs_to_its_airport_or_port():
    g = Gazetteer.load()
    assert [p.location for p in g.find(normalize_key("وصلت سفينة إلى ميناء الحديدة اليمني"))] == ["Al Hudaydah"]
    assert g.find(normalize_key("فاز نادي بازل السويسري")) == []  # a club


def test_shops_are_no_town():
    assert _types("نهب مسلحون محلات تجارية في سوق مدينة نيالا أمس.") == [
        ("Strategic developments", "Looting/property destruction", "Nyala")]


# --- roles: the hurt told after a passive verb are the target ------------------------------------------
def test_soldiers_wounded_by_a_sniper_are_the_target_of_a_battle():
    rows = _rows("أصيب جنديان بجروح إثر إطلاق نار من قناص في مدينة الشيخ زويد اليوم.", "2015-08-10")
    assert [(r.event_type, r.actor2.split(" (")[0]) for r in rows] == [("Battles", "Military Forces of Egypt")]
    assert not rows[0].actor1.startswith("Military Forces of Egypt")


# --- passive verbs; running protesters over ----------------------------------------------------------
def test_passive_assassination_and_attack():
    assert _types("اغتيل ناشط سياسي بالرصاص أمام منزله في مدينة بنغازي مساء أمس.", "2023-12-10") == [
        ("Violence against civilians", "Attack", "Benghazi")]
    assert _types("هوجمت دورية للشرطة بالأسلحة الرشاشة في مدينة العريش اليوم.", "2023-12-10") == [
        ("Battles", "Armed clash", "Arish")]


def test_running_protesters_over_is_lethal_force():
    assert _types("دهست سيارة عسكرية متظاهرين في أم درمان اليوم، ما أدى إلى مقتل اثنين.", "2023-12-10") == [
        ("Protests", "Excessive force against protesters", "Omdurman")]


# --- provinces named without a town --------------------------------------------------------------------
def test_an_event_told_at_a_province_is_coded_at_its_admin1():
    rows = _rows("قتل مسلحو حركة طالبان ثمانية من رجال الشرطة في هجوم على نقطة تفتيش بولاية هلمند أمس.", "2015-08-10")
    assert [(r.country, r.admin1) for r in rows] == [("Afghanistan", "Helmand")]
    rows = _rows("شنت حركة الشباب هجوما على قاعدة للقوات الكينية في منطقة لامو أمس.", "2023-12-10")
    assert [(r.event_type, r.admin1) for r in rows] == [("Battles", "Lamu")]
    # an Indian state is a ولاية, a Pakistani province an إقليم
    rows = _rows("اقتحم مسلحون مركزا للشرطة في ولاية البنجاب بشمال الهند اليوم مما أدى إلى مقتل ستة أشخاص.", "2015-07-27")
    assert {(r.country, r.admin1) for r in rows} == {("India", "Punjab")}


def test_days_of_this_month_and_days_ago():
    pub = datetime.date(2015, 8, 10)
    for text, day in [("قتل خمسة في الخامس من الشهر الجاري", datetime.date(2015, 8, 5)),
                      ("قتل خمسة في اليوم الثالث من الشهر الجاري", datetime.date(2015, 8, 3)),
                      ("قتل خمسة قبل ثلاثة أيام", datetime.date(2015, 8, 7)),
                      # "منذ يومين" with an ongoing verb is "for two days": the day of publication
                      ("تتواصل العمليات العسكرية منذ يومين", pub)]:
        t = normalize_key(text)
        assert resolve_event_date(t, pub, prefer_near=0)[0] == day, text


# --- roles: a count of a force's men, a soldier killed, a patrol fired on ------------------------------
def test_a_group_before_a_count_of_policemen_is_the_attacker():
    rows = _rows("قتلت حركة طالبان ثمانية من رجال الشرطة في هجوم على نقطة تفتيش بولاية هلمند أمس.", "2015-08-10")
    assert [(r.actor1, r.actor2.split(" (")[0]) for r in rows] == [("Taliban", "Police Forces of Afghanistan")]


def test_a_soldier_killed_by_projectiles_from_across_the_border_is_the_target():
    rows = _rows("أعلنت القيادة استشهاد جندي من منسوبي القوات المسلحة إثر سقوط مقذوفات عسكرية أطلقت من داخل "
                 "الأراضي اليمنية على مركز حدودي بمنطقة جازان أمس.")
    assert [(r.event_type, r.sub_event_type) for r in rows] == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")]
    assert rows[0].actor2.startswith("Military Forces of Saudi Arabia")


def test_a_patrol_fired_on_is_the_target():
    rows = _rows("تعرضت دورية أمنية لإطلاق نار من مجهولين في بلدة العوامية بمحافظة القطيف أمس.")
    assert [(r.event_type, r.actor2.split(" (")[0]) for r in rows] == [("Battles", "Police Forces of Saudi Arabia")]


# --- "two days after the massacre"; a university named after its town ---------------------------------
def test_an_event_told_days_before_its_clause():
    pub = datetime.date(2015, 4, 4)
    t = normalize_key("يأتي هذا التهديد بعد يومين من مجزرة في جامعة المدينة")
    assert resolve_event_date(t, pub, prefer_near=t.index("مجزره"))[0] == datetime.date(2015, 4, 2)
    t = normalize_key("قتل خمسة مدنيين بعد يومين من الهجوم")
    assert resolve_event_date(t, pub, prefer_near=0)[0] == pub  # the killing is the clause's own event
    t = normalize_key("جاء ذلك بعد ثلاثة أيام من تفجير انتحاري")
    assert resolve_event_date(t, pub, prefer_near=t.index("تفجير"))[0] == datetime.date(2015, 4, 1)


def test_a_university_named_after_its_town_is_in_it():
    assert _types("تظاهر مئات الطلاب أمام جامعة الموصل اليوم احتجاجا على تأخر الرواتب.", "2019-01-10") == [
        ("Protests", "Peaceful protest", "Mosul")]


def test_gunmen_suspected_of_belonging_to_a_group_are_the_group():
    rows = _rows("هاجم مسلحون يشتبه في انتمائهم لجماعة بوكو حرام قرية في ولاية بورنو وقتلوا 12 شخصا أمس.", "2015-08-10")
    assert [(r.event_type, r.actor1.split(" - ")[0], r.actor2) for r in rows] == [
        ("Violence against civilians", "Boko Haram", "Civilians (Nigeria)")]


def test_a_launch_towards_a_country_is_not_placed_at_the_launch_site():
    g = Gazetteer.load()
    t = normalize_key("أطلق الحوثيون صاروخا بالستيا صوب السعودية فجر اليوم.")
    assert [p.location for p in g.find(t, context_country="Yemen")] == ["Saudi Arabia"]


def test_tolls_told_as_victims_of_it_or_lives_taken():
    from extractor.normalize import normalize_text
    from extractor.resolve.fatalities import count_casualties

    for text, n in [("المجزرة التي ذهب ضحيتها 148 شخصا", 148), ("الهجوم الذي راح ضحيته 20 مدنيا", 20),
                    ("انفجار أودى بحياة 12 شخصا", 12), ("انفجار أودى بحياة ما لا يقل عن 7 أشخاص", 7)]:
        assert count_casualties(normalize_text(text)).killed == n, text


def test_two_named_before_a_backward_death_word():
    from extractor.normalize import normalize_text
    from extractor.resolve.fatalities import count_casualties

    for text in ["أفاد مصدر بأن شخصين قتلا خلال اشتباك", "لقي شخصان مصرعهما في الهجوم", "جنديين لقيا حتفهما"]:
        assert count_casualties(normalize_text(text)).killed == 2, text


def test_a_district_glued_by_b_to_its_town_is_the_place():
    assert [r.location for r in _rows("شنت الطائرات الحربية غارات على مواقع في مديرية صرواح بمأرب اليوم.",
                                       "2015-08-10")] == ["Sirwah"]


def test_libyan_government_forces_are_state_forces():
    rows = _rows("اندلعت اشتباكات بين قوات حكومة الوفاق والجيش الوطني الليبي جنوب العاصمة طرابلس اليوم.", "2019-08-10")
    assert [(r.actor1.split(" (")[0], r.actor2) for r in rows] == [("Military Forces of Libya", "LNA: Libyan National Army")]


def test_attacks_over_the_internet_are_no_event():
    assert _rows("تصدرت سنغافورة قائمة المستخدمين الذين تعرضوا لهجمات عن طريق شبكة الإنترنت في هونغ كونغ.",
                 "2015-08-08") == []
