"""Who did what to whom, from the clause: one Arabic sentence in, the actors of its row out."""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.resolve.actors import ActorLexicon


def one(text: str, published: str):
    events = extract(text, published=published)
    assert len(events) == 1, [(e.sub_event_type, e.actor1, e.actor2, e.evidence) for e in events]
    return events[0]


@pytest.mark.parametrize("text, published, expected", [
    # the speaker of the report is not a party: the Houthi authorities announce a US strike
    ("أعلنت سلطات الحوثيين سقوط قتلى وجرحى نتيجة غارات جوية نفذها الطيران الأمريكي على مدينة صعدة.", "2025-04-06",
     ("Military Forces of the United States (2025-)", "")),
    # both sides of a clash named by "بين A و B"
    ("اندلعت اشتباكات بين كتيبة النواصي وجهاز دعم الاستقرار وسط العاصمة الليبية طرابلس.", "2022-06-11",
     ("Al Nawasi Brigade", "Stability Support Apparatus")),
    # a violent demonstration is against the force it clashes with, not the residents
    ("اندلعت مواجهات عنيفة بين المواطنين وقوات الاحتلال في مخيم بلاطة شرق نابلس.", "2017-08-09",
     ("Rioters (Palestine)", "Military Forces of Israel (2009-2021)")),
    # a bombing at a police institution targets the police, not the "people" killed
    ("فجر انتحاري نفسه قرب مقر وزارة الداخلية في العاصمة الأفغانية كابول ما أدى إلى مقتل 6 أشخاص.", "2014-04-02",
     ("Unidentified Armed Group (Afghanistan)", "Police Forces of Afghanistan (2004-2021)")),
    # "مسلحين من تنظيم القاعدة" are the group; Al-Qaida in Iraq is coded as the Islamic State (Iraq)
    ("قتل شخصان في اشتباك مسلح مع مسلحين من تنظيم القاعدة في ناحية أبي صيدا بمحافظة ديالى العراقية.", "2013-09-15",
     ("Unidentified Armed Group (Iraq)", "Islamic State (Iraq)")),
    # a strike on a civilian object with casualties is against civilians
    ("سقط قتلى وجرحى في استهداف الطيران الأمريكي مشروع المياه في مديرية المنصورية بمحافظة الحديدة.", "2025-04-01",
     ("Military Forces of the United States (2025-)", "Civilians (Yemen)")),
    # the government period of the event date
    ("قصفت القوات العراقية مواقع لتنظيم داعش في الموصل.", "2015-06-01",
     ("Military Forces of Iraq (2014-2018)", "Islamic State (Iraq)")),
    # a force escorting the attackers is not their target: the villagers are
    ("اقتحم مستوطنون قرية عوريف جنوب نابلس بحماية قوات الاحتلال وأحرقوا أشجار الزيتون.", "2024-03-10",
     ("Rioters (Israel)", "Civilians (Palestine)")),
    # a ministry of defence that says its own planes struck is the striker
    ("قالت وزارة الدفاع الروسية إن طائراتها قصفت مواقع للمسلحين في ريف إدلب.", "2024-03-10",
     ("Military Forces of Russia (2000-)", "Unidentified Armed Group (Syria)")),
    # the civil defence reporting a strike is neither a military nor a party
    ("قال الدفاع المدني السوري إن غارة روسية قتلت ثلاثة مدنيين في ريف إدلب.", "2024-03-10",
     ("Military Forces of Russia (2000-)", "Civilians (Syria)")),
    # police the text says were hurt are the target, not the bomber
    ("قالت الشرطة إن ثلاثة رجال شرطة وسبعة مدنيين أصيبوا في انفجار عبوة ناسفة في إسطنبول.", "2024-03-10",
     ("Unidentified Armed Group (Turkey)", "Police Forces of Turkey (2016-)")),
    # the 'by' phrase names the perpetrator: "برصاص", "على يد", a weapon with its owner ("بقصف لقوات النظام")
    ("قتل مدنيان برصاص مسلحين مجهولين في مدينة درعا.", "2024-03-10",
     ("Unidentified Armed Group (Syria)", "Civilians (Syria)")),
    ("قتل ثلاثة مدنيين على يد عناصر من تنظيم داعش في ريف دير الزور.", "2024-03-10",
     ("Islamic State (Syria)", "Civilians (Syria)")),
    ("قتل طفل بقصف لقوات النظام على بلدة كفرنبل في ريف إدلب.", "2024-03-10",
     ("Military Forces of Syria (2000-2024)", "Civilians (Syria)")),
    # a clash whose two sides are named but neither as the subject: both are coded
    ("قتل ثلاثة في اشتباكات مع مسلحي تنظيم داعش شاركت فيها قوات البيشمركة قرب كركوك العراقية.", "2024-03-10",
     ("Military Forces of Iraq (2022-) Peshmerga", "Islamic State (Iraq)")),
    # a force that announces its own act stays its actor
    ("أعلنت الشرطة البحرينية توقيف 29 متظاهرا في المنامة.", "2012-09-22",
     ("Police Forces of Bahrain (1999-)", "Civilians (Bahrain)")),
])  # fmt: skip
def test_roles_from_the_clause(text, published, expected):
    ev = one(text, published)
    assert (ev.actor1, ev.actor2) == expected


def test_tribal_militia_in_iraq_and_clan_militia_in_somalia():
    from extractor.normalize import normalize_text

    lex = ActorLexicon.load()
    [a] = lex.find(normalize_text("هاجم مسلحو العشائر"), event_country="Iraq")
    assert (a.name, a.inter) == ("Unidentified Tribal Militia (Iraq)", 4)
    [a] = lex.find(normalize_text("هاجمت ميليشيات عشائرية"), event_country="Somalia")
    assert (a.name, a.inter) == ("Unidentified Clan Militia (Somalia)", 4)


@pytest.mark.parametrize("text, country, role", [
    ("ذكرت وزارة الصحة التابعة للحوثيين أن", "Yemen", "owner"),
    ("وكانت الوزارة الحوثية قد أفادت", "Yemen", "owner"),
    ("قال مصدر في الجيش إن", "Sudan", "owner"),
    ("أعلنت سلطات الحوثيين سقوط قتلى", "Yemen", "speaker"),
    ("قال الجيش الأمريكي إنه قصف", "Yemen", ""),
    ("قصف الجيش الأمريكي", "Yemen", ""),
])
def test_source_roles(text, country, role):
    from extractor.normalize import normalize_text

    lex = ActorLexicon.load()
    t = normalize_text(text)
    a = lex.find(t, event_country=country)[0]
    trigger = len(t)  # the event is told after the phrase
    assert lex.source_role(t, a.start, a.end, trigger) == role


def test_an_ner_org_span_naming_an_unknown_armed_group_keeps_the_group():
    from extractor.normalize import normalize_text

    lex = ActorLexicon.load()
    t = normalize_text("هاجمت كتيبة شهداء الزاوية مقرا لقوات الأمن في مدينة الزاوية")
    org = (t.index("كتيبه"), t.index(" مقرا"))
    first = lex.find(t, event_country="Libya", orgs=[org])[0]
    assert (first.name, first.inter, first.assoc) == ("Unidentified Armed Group (Libya)", 3, "كتيبه شهداء الزاويه")
    # without the span, or with a span that is not an armed group's name, nothing is added
    assert [a.name for a in lex.find(t, event_country="Libya")] == ["Police Forces of Libya (2021-)"]
    t2 = normalize_text("قالت وزارة الصحة إن")
    assert lex.find(t2, event_country="Libya", orgs=[(t2.index("وزاره"), len(t2) - 3)]) == []


def test_a_name_inside_a_person_span_is_not_a_group():
    from extractor.normalize import normalize_text

    lex = ActorLexicon.load()
    t = normalize_text("أعلن أحمد حزب الله أن")  # a person's name that contains a group's name
    per = (t.index("احمد"), t.index(" ان"))
    assert [a.name for a in lex.find(t, event_country="Lebanon")] == ["Hezbollah"]
    assert lex.find(t, event_country="Lebanon", persons=[per]) == []


def test_the_attackers_of_an_earlier_sentence_are_the_other_side_of_the_clash():
    # "القوات المهاجمة" refers back to the force the sentence before names
    text = ("قصفت قوات الدعم السريع بالمدفعية أحياء سكنية في مدينة الفاشر اليوم الخميس. وقال مصدر عسكري إن الجيش "
            "كبد القوات المهاجمة خسائر كبيرة في معركة استمرت ساعات في الفاشر.")
    battles = [e for e in extract(text, published="2025-09-04") if e.event_type == "Battles"]
    assert [(e.actor1, e.actor2) for e in battles] == [("Military Forces of Sudan (2019-)", "Rapid Support Forces")]
    # with no attackers referred to, the other side stays empty rather than taken from another sentence
    text = text.replace("كبد القوات المهاجمة خسائر كبيرة", "خاض معركة عنيفة")
    battles = [e for e in extract(text, published="2025-09-04") if e.event_type == "Battles"]
    assert [(e.actor1, e.actor2) for e in battles] == [("Military Forces of Sudan (2019-)", "")]


def test_a_telling_that_names_the_target_beats_people_killed():
    # one sentence says "seven people", the next that the bomber struck soldiers: the soldiers are the target
    text = ("قتل سبعة أشخاص اليوم الأحد في هجوم انتحاري تبنته حركة الشباب في مقديشو. وقال ضابط إن انتحاريا فجر "
            "نفسه وسط مجموعة من الجنود في قاعدة عسكرية بمقديشو.")
    [ev] = extract(text, published="2022-09-25")
    assert (ev.actor1, ev.actor2) == ("Al Shabaab", "Military Forces of Somalia (2022-)")
    [ev] = extract(text.split(". ")[0] + ".", published="2022-09-25")
    assert (ev.actor1, ev.actor2) == ("Al Shabaab", "Civilians (Somalia)")


@pytest.mark.parametrize("text, published, expected", [
    # two forces joined by و act together: the second is the first one's associated actor
    ("تمكن الجيش الوطني والمقاومة الشعبية من استعادة السيطرة على مدينة الحوطة في محافظة لحج أمس بعد معارك مع الحوثيين.",
     "2015-08-06", ("Military Forces of Yemen (2012-)", "Popular Resistance", "Military Forces of Yemen (2015-2017) Houthi-Saleh")),
    # "بين A و B" names the two sides, not allies
    ("اندلعت اشتباكات بين الجيش الوطني والحوثيين في مدينة الحوطة في محافظة لحج أمس.", "2015-08-06",
     ("Military Forces of Yemen (2012-)", "", "Military Forces of Yemen (2015-2017) Houthi-Saleh")),
    # the government's name for the Houthi-Saleh side, and the forces loyal to the president
    ("استعادت القوات الموالية لهادي قاعدة العند في محافظة لحج أمس بعد معارك عنيفة مع الانقلابيين.", "2015-08-06",
     ("Military Forces of Yemen (2012-)", "", "Military Forces of Yemen (2015-2017) Houthi-Saleh")),
])
def test_allies_and_sides(text, published, expected):
    ev = one(text, published)
    assert (ev.actor1, ev.assoc_actor_1, ev.actor2) == expected


def test_allies_are_never_the_two_sides():
    import datetime as dt

    from extractor.normalize import normalize_text

    lex = ActorLexicon.load()
    when = dt.date(2015, 8, 6)
    army, resistance, houthis = lex.find(normalize_text("قوات هادي والمقاومة الشعبية والحوثيين"), event_country="Yemen",
                                         event_date=when)
    assert lex.allied(army, resistance) and lex.allied(resistance, army)
    assert not lex.allied(army, houthis)  # a sub-unit is its own name: the Houthi-Saleh forces are not the government's
    # a state's forces and a casualty list are not joined ("مقتل وجرح 45 من الجيش والحشد")
    text = normalize_text("مقتل وجرح 45 من الجيش والحشد الشعبي")
    assert len(lex.join_allies(lex.find(text, event_country="Iraq", event_date=when), text)) == 2
    text = normalize_text("شن الجيش والحشد الشعبي هجوما")
    [joined] = lex.join_allies(lex.find(text, event_country="Iraq", event_date=when), text)
    assert (joined.name, joined.assoc) == ("Military Forces of Iraq (2014-2018)",
                                           "Military Forces of Iraq (2014-2018) Popular Mobilization Forces")


@pytest.mark.parametrize("text, published, expected", [
    # residents who fight back are an armed side: a tribal militia in Iraq ...
    ("قتل ثلاثة أشخاص في اشتباك مسلح مع مسلحين من تنظيم القاعدة في قرية قرب بعقوبة، وتصدى لهم عدد من أهالي القرية.",
     "2013-09-15", ("Unidentified Tribal Militia (Iraq)", "Islamic State (Iraq)")),
    # ... a communal militia elsewhere
    ("هاجم مسلحون قرية قرب مدينة مايدوغوري في نيجيريا أمس لكن الأهالي تصدوا لهم وقتل خمسة من المهاجمين.", "2023-09-15",
     ("Unidentified Armed Group (Nigeria)", "Unidentified Communal Militia (Nigeria)")),
    # residents who are only killed stay civilians
    ("قتل مسلحون خمسة من سكان قرية قرب مدينة مايدوغوري في نيجيريا أمس.", "2023-09-15",
     ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")),
])
def test_residents_who_fight_back(text, published, expected):
    ev = one(text, published)
    assert (ev.actor1, ev.actor2) == expected


@pytest.mark.parametrize("text, published, expected", [
    # "بحسب ما أعلن الجيش": the army that reports the rocket is its source, not its target
    ("سقط صاروخ أطلق من قطاع غزة على بلدة سديروت جنوب إسرائيل من دون وقوع إصابات، بحسب ما أعلن الجيش الإسرائيلي اليوم الجمعة.",
     "2015-08-07", ""),
    # a group that claimed two bombings (the dual "تبناهما") is their perpetrator
    ("قتل 21 شخصا في تفجيرين استهدفا سوقا في بغداد أمس تبناهما تنظيم داعش.", "2015-07-22", "Islamic State (Iraq)"),
])
def test_attributions_and_claims(text, published, expected):
    ev = one(text, published)
    assert expected in (ev.actor1, ev.actor2)
    assert "Military Forces of Israel" not in ev.actor2


@pytest.mark.parametrize("text, published, expected", [
    # the country right after the attack verb is the one striking
    ("قصفت إسرائيل مدينة رفح جنوب قطاع غزة فجر اليوم.", "2025-04-06", "Military Forces of Israel (2022-)"),
    # a country after "في" is where it happened, not who struck
    ("وفي العراق نفذت 21 ضربة جوية بالقرب من مدينة الرمادي أمس.", "2015-08-11", "Unidentified Armed Group (Iraq)"),
    # tribes named as a side of the fight
    ("تتواصل المعارك بين قبائل مأرب والميليشيات الحوثية على مدخل مدينة مأرب منذ أمس.", "2015-08-03",
     "Unidentified Tribal Militia (Yemen)"),
])
def test_country_subjects_and_tribes(text, published, expected):
    assert one(text, published).actor1 == expected


def test_emergency_forces_are_police():
    ev = one("قتل 15 شخصا في تفجير انتحاري استهدف مسجد قوات الطوارئ الخاصة في مدينة أبها اليوم الخميس.", "2015-08-06")
    assert ev.actor2 == "Police Forces of Saudi Arabia (2015-)"


def test_the_owner_of_the_place_struck_is_the_target():
    for text in ("أسفر تفجير مسجد قوات الطوارئ في مدينة أبها اليوم عن مقتل 15 شخصا.",
                 "وأثناء أداء الصلاة بمسجد تابع لقوات الطوارئ في مدينة أبها اليوم حدث تفجير أسفر عن مقتل 15 شخصا."):
        ev = one(text, "2015-08-06")
        assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group (Saudi Arabia)", "Police Forces of Saudi Arabia (2015-)")
    # a telling in which the police only act afterwards does not make them the bomber of the first
    text = ("فجر انتحاري نفسه داخل مسجد قوات الطوارئ في مدينة أبها اليوم. وضبطت قوات الأمن أحزمة ناسفة في مدينة أبها "
            "اليوم.")
    assert all(ev.actor1 != "Police Forces of Saudi Arabia (2015-)" or ev.sub_event_type != "Suicide bomb"
               for ev in extract(text, published="2015-08-06"))


@pytest.mark.parametrize("text, published, expected", [
    # ACLED codes an air strike with the force whose aircraft flew it: a 'by' phrase of a feminine strike ...
    ("قتل قيادي في تنظيم داعش وأصيب عدد من مرافقيه بغارة جوية نفذتها طائرات التحالف الدولي قرب مدينة البعاج.",
     "2015-08-06", ("Global Coalition Against Daesh", "Islamic State (Iraq)")),
    # ... an air force named with no 'by' cue, the group only struck
    ("وقال الأهالي إن مسلحي تنظيم داعش تعرضوا لغارة جوية من طائرات التحالف الدولي في مدينة الرقة السورية أمس.",
     "2016-08-06", ("Global Coalition Against Daesh", "Islamic State (Syria)")),
    # ... but an air force named as the target of a group's drones stays the target
    ("هاجم مقاتلو هيئة تحرير الشام بطائرات مسيرة مواقع للقوات الروسية قرب مدينة جبلة السورية اليوم.", "2019-08-06",
     ("HTS: Hayat Tahrir al Sham", "Military Forces of Russia (2000-)")),
    # the Arab coalition by its other name, and the international coalition as "الائتلاف الدولي"
    ("قصف طيران تحالف الدول العربية أمس مواقع للحوثيين في مدينة الحوطة بمحافظة لحج.", "2015-08-06",
     ("Operation Restoring Hope", "Military Forces of Yemen (2015-2017) Houthi-Saleh")),
    ("نفذ الائتلاف الدولي غارات جوية على مواقع لتنظيم داعش في مدينة الرقة السورية أمس.", "2016-08-06",
     ("Global Coalition Against Daesh", "Islamic State (Syria)")),
    # lethal force on protesters keeps the protesters as actor1, as ACLED's reference rows code it (12 of 12
    # Excessive force rows in acledr_reference: Protesters, then the force)
    ("أطلقت قوات الأمن الرصاص الحي على متظاهرين في مدينة أم درمان اليوم فقتلت اثنين منهم.", "2019-06-03",
     ("Protesters (Sudan)", "Police Forces of Sudan (2019-)")),
])  # fmt: skip
def test_who_flew_and_who_fired(text, published, expected):
    ev = one(text, published)
    assert (ev.actor1, ev.actor2) == expected


@pytest.mark.parametrize("text, published, expected", [
    # "بين A و A2 من طرف، و B من طرف آخر": A2 fights with A, B is the other side
    (("ودارت اشتباكات عنيفة بين قوات النظام وميليشيا الدفاع الوطني من طرف، والفصائل المقاتلة من طرف آخر في محيط مدينة "
      "مورك بريف حماة الشمالي أمس."), "2015-08-06",
     ("Military Forces of Syria (2000-2024)", "QDW: National Defence Forces", "Opposition Rebels (Syria)")),
    (("واستمرت المعارك بين القوات النظامية و«حزب الله» من جهة، والفصائل الإسلامية المعارضة من جهة أخرى في مدينة الزبداني "
      "أمس."), "2015-08-06", ("Military Forces of Syria (2000-2024)", "Hezbollah", "Opposition Rebels (Syria)")),
    ("تدور اشتباكات بين قوات النظام من جهة، والفصائل المقاتلة من جهة أخرى في مدينة الزبداني بريف دمشق.", "2015-08-06",
     ("Military Forces of Syria (2000-2024)", "", "Opposition Rebels (Syria)")),
])  # fmt: skip
def test_the_two_sides_marked_from_one_side_and_the_other(text, published, expected):
    ev = one(text, published)
    assert (ev.actor1, ev.assoc_actor_1, ev.actor2) == expected


def test_a_clause_opening_feminine_verb_has_its_subject_after_it():
    # "في حين استهدفت الفصائل ...": the factions right after the verb target, the army's positions are targeted
    text = ("وقصفت قوات النظام أحياء في مدينة حلب أمس، في حين استهدفت الفصائل المقاتلة مواقع قوات النظام في محيط حي "
            "الخالدية بمدينة حلب.")
    battles = [e for e in extract(text, published="2015-07-21") if e.event_type == "Battles"]
    assert [(e.actor1, e.actor2) for e in battles] == [("Opposition Rebels (Syria)", "Military Forces of Syria (2000-2024)")]


@pytest.mark.parametrize("text, published, expected", [
    # the regime named by its president
    ("قصفت قوات الأسد قرية محمبل في ريف إدلب بصواريخ أرض أرض ما أوقع جرحى من المدنيين.", "2015-08-06",
     ("Military Forces of Syria (2000-2024)", "Civilians (Syria)")),
    # a feminine 'by' verb after the shell: the force that fired it, not its target
    ("سقطت قذيفة دبابة أطلقتها قوات النظام على حي الوعر في مدينة حمص أمس دون أنباء عن إصابات.", "2015-08-06",
     ("Military Forces of Syria (2000-2024)", "")),
    # the wounded police and the police post are the target (the post in the accusative)
    ("أصيب خمسة من رجال الشرطة في هجوم مسلح استهدف مركزا للأمن في مدينة إسطنبول التركية اليوم.", "2015-08-06",
     ("Unidentified Armed Group (Turkey)", "Police Forces of Turkey")),
    # the president's full name inside the name of his forces; "بين" after a stem trigger's ending
    ("تدور اشتباكات عنيفة في مدينة عدن بين القوات الموالية للرئيس عبدربه منصور هادي ومسلحي الحوثي.", "2015-07-06",
     ("Military Forces of Yemen (2012-)", "Military Forces of Yemen (2015-2017) Houthi-Saleh")),
])  # fmt: skip
def test_more_names_and_cues_of_the_sides(text, published, expected):
    ev = one(text, published)
    assert (ev.actor1, ev.actor2) == expected


def test_a_person_span_that_is_a_group_with_its_conjunction_keeps_the_group():
    from extractor.normalize import normalize_text

    lex = ActorLexicon.load()
    t = normalize_text("بين القوات والحوثيين ومسلحي الحوثي")
    per = (t.index("ومسلحي"), len(t))
    assert "Military Forces of Yemen (2015-2017) Houthi-Saleh" in [
        a.name for a in lex.find(t, event_country="Yemen", event_date=__import__("datetime").date(2015, 7, 6),
                                 persons=[per])]  # fmt: skip


@pytest.mark.parametrize("text, published, expected", [
    # the coalition backing a ground advance is no side of the battle: the ground forces fight
    ("تقدمت القوات العراقية بدعم من طيران التحالف الدولي باتجاه مدينة الرمادي واشتبكت مع عناصر تنظيم داعش أمس.",
     "2015-08-06", ("Military Forces of Iraq (2014-2018)", "Islamic State (Iraq)")),
    ("اشتبكت القوات العراقية بغطاء جوي من التحالف الدولي مع مسلحي تنظيم داعش في مدينة الرمادي أمس.", "2015-08-06",
     ("Military Forces of Iraq (2014-2018)", "Islamic State (Iraq)")),
    # in Syria and Iraq "the United States and its allies" striking is the coalition
    ("شنت الولايات المتحدة وحلفاؤها غارات جوية على مواقع لتنظيم داعش في مدينة الرقة السورية أمس.", "2015-08-06",
     ("Global Coalition Against Daesh", "Islamic State (Syria)")),
])  # fmt: skip
def test_backing_forces_and_the_coalition_by_its_members(text, published, expected):
    ev = one(text, published)
    assert (ev.actor1, ev.actor2) == expected
