"""Precision families of round 11 (h-dup6, issue 9): one act, one row, and its bomber read right. Short sentences of
our own (never dev-eval or SaudiNewsNet text); beside each the near miss that must not change."""

from __future__ import annotations

from datetime import date

from extractor import extract
from extractor.merge import no_state_bomber
from extractor.mentions import Mention
from extractor.resolve.actors import Actor
from extractor.resolve.places import Place

DAY = "2021-05-12"


def _rows(text: str, published: str = DAY) -> list[dict]:
    return [e.to_dict() for e in extract(text, published=published)]


# --- only armed groups blow themselves up: a state's forces are never a suicide bomber ------------------------------
def test_a_bombing_blamed_on_a_group_is_the_groups_not_the_states():
    # the headline names the country ("تفجير تركيا") and the group it blames; the body names the group as the doer:
    # one bombing, by the group, not the Turkish army's
    text = ("تفجير تركيا: مقتل 20 شخصا وأصابع الاتهام تتجه إلى داعش. وقال مسؤول تركي إن هجوما انتحاريا نفذه تنظيم "
            "داعش هز بلدة سروج أمس وأسفر عن مقتل 20 شخصا.")
    rows = [r for r in _rows(text) if r["sub_event_type"] == "Suicide bomb"]
    assert len(rows) == 1
    assert rows[0]["actor1"].startswith("Islamic State")


def test_a_suicide_bombing_merged_with_a_state_as_its_doer_takes_an_unidentified_bomber():
    # tellings merged into one suicide bombing left the police who told it as its doer
    police = Actor("Police Forces of Pakistan (2013-2018)", 1, "police", "Pakistan")
    civ = Actor("Civilians (Pakistan)", 7, "civilians", "Pakistan")
    quetta = Place("Pakistan", "PAK", 586, "Southern Asia", admin1="Balochistan", location="Quetta", geo_precision=1)
    m = Mention("Explosions/Remote violence", "Suicide bomb", "suicide_bomb", 0, 0, 10, 0, 5, "انتحاري",
                actor1=police, actor2=civ, place=quetta, place_explicit=True, event_date=date(2021, 5, 11))
    e = no_state_bomber(m)
    assert e.actor1.name == "Unidentified Armed Group (Pakistan)" and e.actor2.name == "Civilians (Pakistan)"


def test_a_states_own_bomb_and_a_state_struck_by_a_bomber_stay():
    # a bomb the clause says the army planted stays the army's (ACLED codes a government's mines and bombs) ...
    rows = _rows("زرع الجيش الإسرائيلي عبوة ناسفة انفجرت أمس في سيارة ناشط فلسطيني في بلدة بيت حانون.")
    assert [r["actor1"] for r in rows] == ["Military Forces of Israel (2009-2021)"]
    # ... and the army a suicide bomber struck stays the side struck
    rows = _rows("أعلن الجيش الأفغاني مقتل ثلاثة جنود في هجوم انتحاري على قاعدة عسكرية في قندهار أمس.")
    assert [(r["actor1"], r["actor2"]) for r in rows] == [
        ("Unidentified Armed Group (Afghanistan)", "Military Forces of Afghanistan (2004-2021)")]


# --- a terse headline (no tactic, no attacker read) over the body's telling of it at the one place both name --------
def test_a_headline_with_no_tactic_is_the_body_act_it_sums_up():
    text = ("المعارضة السورية تكثف هجماتها على قوات النظام في درعا. قالت المعارضة المسلحة إنها كثفت قصفها على مواقع "
            "لقوات النظام في مدينة درعا أمس.")
    rows = _rows(text)
    assert [(r["sub_event_type"], r["actor1"], r["location"]) for r in rows] == [
        ("Shelling/artillery/missile attack", "Opposition Rebels (Syria)", "Dara")]


def test_a_headline_over_another_place_stays_its_own_row():
    # the body tells an act at another city: the headline is not its summary
    text = ("المعارضة السورية تكثف هجماتها على قوات النظام في درعا. وقصفت المعارضة المسلحة أمس مواقع لقوات النظام في "
            "مدينة حلب.")
    assert sorted(r["location"] for r in _rows(text)) == ["Aleppo", "Dara"]


# --- a headline's exact toll told again far down the body, in the headline's province, is that act -----------------
_HEAD = ("مقتل 14 مدنيا في قصف بالبراميل على مدينة الباب. وقال ناشطون إن اشتباكات عنيفة دارت أمس في مدينة حلب. "
         "وأضافوا أن الطيران قصف بلدة عندان. ")


def test_a_headline_toll_told_again_down_the_body_is_one_row():
    text = _HEAD + "وأفاد المرصد السوري بمقتل 14 مدنيا في قصف بالبراميل المتفجرة شنته طائرات النظام أمس على قرية قصر البريج في ريف حلب."
    tolls = sorted(r["fatalities"] for r in _rows(text))
    assert tolls == [0, 0, 14]


def test_another_toll_down_the_body_stays_its_own_row():
    text = _HEAD + "وأفاد المرصد السوري بمقتل 9 مدنيين في قصف بالبراميل المتفجرة شنته طائرات النظام أمس على قرية قصر البريج في ريف حلب."
    assert sorted(r["fatalities"] for r in _rows(text)) == [0, 0, 9, 14]


# --- a merged event's count is exact when the telling it is taken from is --------------------------------------------
def test_the_exact_count_of_one_telling_stays_exact_beside_a_vague_one():
    from extractor.merge import _killed, _merge_cas
    from extractor.resolve.fatalities import Casualties

    vague, exact = Casualties(killed=3, wounded=None, exact=False), Casualties(killed=40, wounded=None, exact=True)
    merged = _merge_cas(vague, exact)
    assert (merged.killed, merged.exact) == (40, True)
    m = Mention("Explosions/Remote violence", "Remote explosive/landmine/IED", "ied", 0, 0, 10, 0, 5, "تفجير",
                casualties=merged)
    assert _killed(m) == 40  # so a later telling of the same 40 dead is the same act (merge._one_toll)


def test_a_vague_count_over_an_exact_one_stays_vague():
    from extractor.merge import _merge_cas
    from extractor.resolve.fatalities import Casualties

    merged = _merge_cas(Casualties(killed=10, wounded=None, exact=False), Casualties(killed=4, wounded=None, exact=True))
    assert (merged.killed, merged.exact) == (10, False)
    assert _merge_cas(Casualties(killed=3, wounded=None, exact=False), Casualties(killed=None, wounded=None, exact=True)).exact is False
