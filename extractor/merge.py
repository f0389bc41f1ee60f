"""Mentions -> events: the tellings of one event in an article become one row.

Two mentions are one event when they have the same event type, compatible
sub-event types (equal, or within explosions/remote violence or violence against
civilians, where ACLED's precedence keeps the stronger tactic), compatible places
(the same location, a place and the unit holding it, a headline's region or
province-by-its-capital and the body's village, or one of them only inherited from
context), compatible dates (the same day, or one of them unresolved) and the same
named attacker (in a battle, the sides in either order). A later mention also joins
the event told just before it when it is a definite retelling ("الهجوم", "الانفجار")
or names no tactic ("هجمات", "قتل") while the other does. Places struck in one
sentence stay apart. In a battle a territory change and the clash for it at one named place are one
event, and one side may be named two ways (the army / the security forces of one country, or allies
against the one enemy); one act told from two days, the earlier as its night or the later as its dawn,
is one event; the headline's exact toll told again by the body's first sentence, in another province, is one act at
the body's place (:func:`_headline_elsewhere`). A telling that may join several events joins the one it fits best
(the same place named on the same day, then the same tactic: :func:`_by_fit`), else the first told. Slots are
filled from the most specific telling.

Fatalities take the highest count given for this one event in the article: a later
sentence usually updates or repeats an earlier partial toll. Across articles
(:mod:`extractor.dedupe`) ACLED's most-conservative (lowest) figure applies.
"""

from __future__ import annotations

import functools

from .assemble import precedence
from .context import assembly_data, check_keys, word_matcher
from .mentions import STATE, Mention
from .phrases import PhraseMatcher
from .resolve.fatalities import Casualties


def _same_place(a: Mention, b: Mention) -> bool:
    if a.place is None or b.place is None:
        return True
    if not (a.place_explicit and b.place_explicit):
        return a.place.country == b.place.country
    if a.place.country != b.place.country:
        return False
    if a.place.location == a.place.country or b.place.location == b.place.country:
        return True  # "في نيجيريا": the whole country holds any place in it
    if _headline_region(a, b) or _headline_region(b, a):
        return True  # a headline over a region ("غارات على جنوب لبنان") tells the body's first such event
    if _names_province_of(a, b) or _names_province_of(b, a):
        return True  # "هجوم في كركوك" (headline) and "قضاء الدبس في محافظة كركوك"
    if a.place.location and b.place.location:
        if a.place.location == b.place.location:
            return True
        # a town and its own province/district are one place at two precisions
        coarse, fine = (a, b) if a.place.geo_precision > b.place.geo_precision else (b, a)
        if coarse.place.geo_precision == fine.place.geo_precision:
            return False  # two different places of one kind (a headline's capital was handled above)
        if coarse.place.geo_precision == 2 and coarse.place.location not in (coarse.place.admin2, coarse.place.admin1):
            # "أطراف بلدة الخيام" is near one town, not the whole district around it, unless the
            # text itself locates the other place by that town ("أم صفا شمال غرب رام الله")
            return fine.near == coarse.place.location
        return (coarse.place.admin1 or "") in ("", fine.place.admin1) and (
            coarse.place.admin2 in ("", fine.place.admin2) or coarse.place.geo_precision == 3
        )
    return True


def _headline_region(a: Mention, b: Mention) -> bool:
    """``a`` is a headline over a large area ("غارات على جنوب لبنان", coded at the region's seat), which tells the body's
    first such event anywhere in the country; a headline over a province itself ("قتلى في مواجهات وقصف في لحج": the
    place is the province) tells only an event in that province, not the body's shelling of another one ("والحوثيون
    يقصفون تعز"). A body place whose province the gazetteer does not know may lie in it."""
    pa, pb = a.place, b.place
    if not (a.lead and pa.geo_precision == 3):
        return False
    return not (pa.admin1 and pa.location == pa.admin1) or not pb.admin1 or pb.admin1 == pa.admin1


def _names_province_of(a: Mention, b: Mention) -> bool:
    """``a`` is a headline naming a province by its capital (غارة على إدلب) and ``b`` a place in it."""
    pa, pb = a.place, b.place
    return (a.lead and not b.lead and bool(pa.admin1)
            and pa.location == pa.admin1 == pb.admin1 and pb.location != pb.admin1)  # fmt: skip


def _same_date(a: Mention, b: Mention) -> bool:
    if a.event_date is None or b.event_date is None:
        return True
    if a.date_basis == "published" or b.date_basis == "published":
        return abs((a.event_date - b.event_date).days) <= 2
    return a.event_date == b.event_date


def _rank(m: Mention) -> int:
    """ACLED precedence of the sub-event type within its type (``precedence`` in data/assembly.yaml)."""
    return precedence().sub_event_type.get(m.sub_event_type, 0)


def _type_rank(m: Mention) -> tuple[int, int]:
    return precedence().rank(m.event_type, m.sub_event_type)


# Event types that tell what an incident did to people or property, rather than the fighting itself:
# a strike that kills civilians, told once as the strike and once as the killing, is one event.
_EFFECT_TYPES = {"Violence against civilians", "Strategic developments"}


def _aggregates(a: Mention, b: Mention) -> bool:
    """ACLED's aggregation rule across types: one place (named in both), one day, the same actors.
    Demonstrations need only the same location, named or inherited: one crowd, one place, one day."""
    demo = precedence().demonstrations
    both_demo = a.event_type in demo and b.event_type in demo
    if a.place is None or b.place is None or not (both_demo or (a.place_explicit and b.place_explicit)):
        return False
    if not (_same_place(a, b) and _same_date(a, b)):
        return False
    if a.place.location != b.place.location and not (both_demo and (_lead_in_country(a) or _lead_in_country(b))):
        return False  # across types, two places of one province are two incidents
    if both_demo:
        return True  # a protest that turns violent is one demonstration event (protesters become rioters)
    a1, b1 = _named(a.actor1), _named(b.actor1)
    if a1 and b1 and a1 != b1 and not (b1 == _named(a.actor2) or a1 == _named(b.actor2)):
        return False
    if a.event_type in demo or b.event_type in demo:
        return False
    return bool({a.event_type, b.event_type} & _EFFECT_TYPES) or a.definite or b.definite


def _lead_in_country(m: Mention) -> bool:
    """The headline tells its demonstration in the whole country ("تظاهرات عنيفة ضد رئيس بوروندي"): the body's
    first demonstration of that day, in a town of that country, is the one it tells (one crowd, one day)."""
    return m.lead and m.place is not None and m.place.location == m.place.country


def _named(x) -> str:
    return "" if x is None or x.kind == "unidentified" else _strip_years(x.name)


def _one_named_place(a: Mention, b: Mention) -> bool:
    """Both tellings name one and the same place, finer than the country."""
    return (a.place is not None and b.place is not None and a.place_explicit and b.place_explicit
            and a.place.location == b.place.location and a.place.location not in ("", a.place.country))  # fmt: skip


def _split_siblings(a: Mention, b: Mention) -> bool:
    """Two places struck in one sentence ("على مدينة صعدة ومديرية سحار") stay two events."""
    return bool(set(a.sentence_indexes) & set(b.sentence_indexes)) and any(
        f.startswith("split ") for f in a.flags
    ) and any(f.startswith("split ") for f in b.flags)


def _compatible(a: Mention, b: Mention) -> bool:
    if _split_siblings(a, b):
        return False
    if a.event_type != b.event_type:
        if _aggregates(a, b):
            return True
        # "عشرات القتلى في هجمات للدعم السريع على الفاشر" (no tactic named) retells the shelling
        # of El Fasher told next: same place, day and attacker, whatever type each alone would take
        if a.generic != b.generic and _same_place(a, b) and _same_date(a, b):
            g = a if a.generic else b
            if not g.place_explicit and not _named(g.actor1):
                return True  # "... فيما أفادت معلومات عن مقتل 6 أشخاص": the toll of the event just told
            s = b if g is a else a
            if not _named(g.actor1) and not _named(s.actor1) and _near(g, s):
                # "استشهد 12 من منسوبي القوات ..." then "... إثر تفجير انتحاري": the toll and the tactic of one
                # incident told in neighbouring sentences, no attacker named in either
                return True
            if g.lead and not s.lead and not _named(g.actor1) and _near(g, s) and _one_named_place(g, s):
                # "المعارضة تكثف هجماتها على قوات الأسد في درعا" (the headline: no tactic, no attacker read) over
                # "قالت المعارضة إنها كثفت قصفها على ... درعا أمس": the body's next telling names what the headline sums up
                return True
        return (a.generic != b.generic and _same_place(a, b) and _same_date(a, b)
                and bool(_named(a.actor1)) and _named(a.actor1) == _named(b.actor1))  # fmt: skip
    if a.sub_event_type != b.sub_event_type and a.event_type not in (
        "Explosions/Remote violence", "Violence against civilians"
    ) and not (a.event_type in precedence().demonstrations and _aggregates(a, b)) and not _one_battle_site(a, b):
        return False
    if not (_same_place(a, b) and _same_date(a, b)):
        return False
    # one side of a battle may also be named two ways (_one_side); one telling of a strike may read the side
    # struck as its attacker (_victim_read_as_actor)
    return (_attackers_agree(a, b) or (a.event_type == "Battles" and _one_side(a, b))
            or _victim_read_as_actor(a, b) is not None)  # fmt: skip


def _attackers_agree(a: Mention, b: Mention) -> bool:
    """Whether two tellings name no different attackers: in a battle the sides are told in either order;
    otherwise different attackers are different events."""
    a1, b1 = _named(a.actor1), _named(b.actor1)
    return not (a1 and b1 and a1 != b1) or (
        a.event_type == "Battles" and (b1 == _named(a.actor2) or a1 == _named(b.actor2))
    )


def _one_battle_site(a: Mention, b: Mention) -> bool:
    """A town taken and the fighting for it ("سيطرت على القاعدة بعد مواجهات عنيفة"), told as a territory change in
    one telling and a clash in another, at the one place both name, is one battle (ACLED: the territory change)."""
    return (a.event_type == b.event_type == "Battles" and a.place is not None and b.place is not None
            and a.place_explicit and b.place_explicit and a.place.location == b.place.location)  # fmt: skip


def _state_side(x) -> str:
    """The country whose state forces (army, police, "قوات الأمن") ``x`` is, or ''."""
    return x.country if x is not None and x.kind in ("state", "police") and x.country else ""


def _one_side(a: Mention, b: Mention) -> bool:
    """Two tellings of one battle whose attackers differ only in how the side is named: the army in one and
    the security forces (police) of the same country in the other ("القوات العراقية" / "قوات الأمن"), or two
    allies against the one enemy both name at the one place both name (the resistance and the army it fights
    beside). Their other sides must not be two different named groups."""
    a2, b2 = _named(a.actor2), _named(b.actor2)
    if a2 and b2 and a2 != b2:
        return False
    sa = _state_side(a.actor1)
    if sa and sa == _state_side(b.actor1):
        return True
    return bool(a2) and a2 == b2 and _one_battle_site(a, b)


def _near(a: Mention, b: Mention, gap: int = 2) -> bool:
    """Two tellings at most ``gap`` sentences apart."""
    return any(abs(i - j) <= gap for i in a.sentence_indexes for j in b.sentence_indexes)


def _refers_back(e: Mention, m: Mention) -> bool:
    """A definite trigger ("الغارة", "الهجوم") retelling event ``e`` in other words."""
    return m.definite and not _split_siblings(e, m) and _same_place(e, m) and _same_date(e, m) and (
        not _named(m.actor1) or not _named(e.actor1) or _named(m.actor1) in (_named(e.actor1), _named(e.actor2))
    )


def _background(m: Mention) -> bool:
    """'اشتدت المعارك في دارفور وكردفان': a definite trigger over a whole region, with no day and no toll."""
    return (
        m.definite
        and m.date_basis in ("published", "unresolved")
        and (m.place is None or m.place.geo_precision == 3)
        and not (m.casualties and (m.casualties.killed or m.casualties.wounded))
    )


def _strip_years(name: str) -> str:
    return name.split(" (")[0] if name.rstrip().endswith(")") and "-" in name[-12:] else name


def _better_place(a: Mention, b: Mention):
    if a.place is None:
        return b.place, b.place_explicit
    if b.place is None:
        return a.place, a.place_explicit
    if a.place_explicit != b.place_explicit:
        return (a.place, True) if a.place_explicit else (b.place, True)
    if a.place.geo_precision == b.place.geo_precision and a.place.location == a.place.country:
        return b.place, b.place_explicit  # a province says more than the country
    if _names_province_of(a, b):
        return b.place, b.place_explicit  # the village says more than the province's capital
    return (a.place, a.place_explicit) if a.place.geo_precision <= b.place.geo_precision else (b.place, b.place_explicit)


def _better_actor(x, y, same_type: bool = False):
    if x is None:
        return y
    if y is None:
        return x
    if same_type and x.kind == "civilians" and y.kind != "civilians":
        from .resolve.actors import ActorLexicon

        if ActorLexicon.load().is_vague_victim(x):  # "مقتل 7 أشخاص" in one telling, "قرب صف من المجندين" in another
            return y
    if x.kind == "unidentified" and y.kind == "unidentified" and x.name != y.name and not x.matched and y.matched:
        # "إصابة مواطن جراء سقوط مقذوف" (no one named: the default group of the place's country) and "سقوط
        # مقذوفات من داخل الأراضي اليمنية" (the group of the land it came from): the telling that names it wins
        return y
    return y if x.kind == "unidentified" and y.kind != "unidentified" else x


def _merge_cas(a: Casualties | None, b: Casualties | None) -> Casualties | None:
    if a is None or b is None:
        return a or b

    def mx(x, y):
        return y if x is None else x if y is None else max(x, y)

    # the count is exact when the telling it is taken from is ("قتل 40 شخصا" over a headline's "قتلى"): a vague
    # telling beside it says nothing of the dead the exact one counts
    if a.killed is None or b.killed is None or a.killed == b.killed:
        exact = (a.exact or b.exact) if a.killed == b.killed and a.killed else a.exact and b.exact
    else:
        exact = a.exact if a.killed > b.killed else b.exact
    return Casualties(killed=mx(a.killed, b.killed), wounded=mx(a.wounded, b.wounded), exact=exact)


def _informative(m: Mention) -> float:
    """How much one telling says: a named place (the finer the better), a day, named sides, a toll."""
    score = 0.0
    if m.place is not None and m.place_explicit:
        score += 2 + (3 - min(m.place.geo_precision, 3)) * 0.5
    score += m.date_basis in ("explicit", "relative")
    score += bool(_named(m.actor1)) + bool(_named(m.actor2)) * 0.5
    score += bool(m.casualties and (m.casualties.killed or m.casualties.wounded))
    return score - 0.5 * m.lead  # a headline is terse


def merge_into(a: Mention, b: Mention, one_toll: bool = False) -> Mention:
    """Fold mention ``b`` into ``a`` (same event). The one of them that reads the side struck as the attacker
    (:func:`_victim_read_as_actor`: of any tactic when they are one act by their toll, else among air strikes)
    takes the other's sides. ``one_toll``: they are one act only by their one toll (:func:`_one_toll`), so a
    headline's type gives way to the body's telling that names the tactic ("مقتل 10 جنود بنيران صديقة" over "قتل 10 جنود في غارة"): the headline is terse, and
    ACLED's precedence ranks two acts of one event, not two readings of one."""
    # another telling of the strike (or the bare toll of it) may name whom "7 people" were
    same_type = a.event_type == b.event_type or a.generic != b.generic
    misread = (one_toll and _victim_read_as_actor(a, b, any_tactic=True)) or _victim_read_as_actor(a, b)
    if misread is not None:  # the telling that read the side struck as the attacker takes the other's sides
        right = b if misread is a else a
        a.actor1, a.actor2 = right.actor1, right.actor2
        b.actor1, b.actor2 = right.actor1, right.actor2
    if a.generic and not b.generic:  # the specific telling gives the type
        a.event_type, a.sub_event_type, a.template_id = b.event_type, b.sub_event_type, b.template_id
        a.trigger, a.trigger_start, a.trigger_end, a.generic = b.trigger, b.trigger_start, b.trigger_end, False
        a.actor2 = _better_actor(b.actor2, a.actor2, True) if b.actor2 is not None else a.actor2
    # ACLED: the highest-precedence type; a retelling ("الكمين", "الهجوم") only adds detail
    demo = precedence().demonstrations
    # a headline's demonstration in the whole country takes the body's telling of it at its place: the body says
    # how the crowd and the police met ("أطلقت الشرطة الرصاص على المتظاهرين"), the headline only names it
    told_at_place = (_lead_in_country(a) and not b.generic and a.event_type != b.event_type
                     and {a.event_type, b.event_type} <= demo)  # fmt: skip
    body_tactic = one_toll and a.lead and not b.lead and not b.generic and a.event_type != b.event_type
    if body_tactic or told_at_place or not b.generic and _type_rank(b) > _type_rank(a) and (
        b.event_type == a.event_type or not b.definite or {a.event_type, b.event_type} <= demo
    ):
        if b.event_type != a.event_type:
            a.actor1, a.actor2 = b.actor1 or a.actor1, b.actor2 or a.actor2
        a.event_type, a.sub_event_type, a.template_id, a.trigger = b.event_type, b.sub_event_type, b.template_id, b.trigger
        a.trigger_start, a.trigger_end = b.trigger_start, b.trigger_end
    if _informative(b) > _informative(a):  # one evidence span: the telling that says most
        a.start, a.end, a.sentence_index = b.start, b.end, b.sentence_index
    if one_toll and a.place is not None and b.place is not None and a.place.admin1 != b.place.admin1 and (
        _headline_elsewhere(a, b)
    ):
        a.place, a.place_explicit = b.place, b.place_explicit  # the body's place: the headline's is where it is told
    else:
        a.place, a.place_explicit = _better_place(a, b)
    if not (a.actor2 is not None and b.actor1 is not None and b.actor1.name == a.actor2.name):
        a.actor1 = _better_actor(a.actor1, b.actor1)  # the target of one telling never becomes the attacker
    a.actor2 = _better_actor(a.actor2, b.actor2, same_type)
    if a.actor2 is not None and a.actor1 is not None and a.actor2.name == a.actor1.name:
        a.actor2 = b.actor2 if b.actor2 is not None and b.actor2.name != a.actor1.name else None
    rank = {"explicit": 3, "relative": 2, "published": 1, "unresolved": 0}
    if rank.get(b.date_basis, 0) > rank.get(a.date_basis, 0) or (
        b.date_basis == a.date_basis and (b.time_precision or 9) < (a.time_precision or 9)
    ):
        a.event_date, a.time_precision, a.date_basis = b.event_date, b.time_precision, b.date_basis
    a.casualties = _merge_cas(a.casualties, b.casualties)
    a.confidence = round(min(0.99, max(a.confidence, b.confidence) + 0.05), 3)
    a.sentence_indexes = sorted(set(a.sentence_indexes) | set(b.sentence_indexes))
    return no_state_bomber(a)


def no_state_bomber(e: Mention) -> Mention:
    """Only armed groups blow themselves up (the retype rule ``suicide-bomber-is-no-state-force`` says it of one
    telling): a suicide bombing whose merged tellings leave a state's forces as the bomber (a headline's "تفجير
    تركيا ... أصابع الاتهام تتجه إلى داعش", the army that told it, the side struck in another telling) takes as its
    bomber the armed group they name as the other side, the force becoming the side struck; with none, an
    unidentified group, the force the side struck unless another is named."""
    a1, a2 = e.actor1, e.actor2
    if e.sub_event_type != "Suicide bomb" or a1 is None or a1.kind not in STATE or e.place is None:
        return e
    from .resolve.actors import ActorLexicon

    if a2 is not None and a2.kind in _GROUPS:
        e.actor1, e.actor2 = a2, a1
    else:
        e.actor1, e.actor2 = ActorLexicon.load().unidentified(e.place.country), a2 if a2 is not None else a1
    e.flags = e.flags + [_NO_STATE_BOMBER]
    return e


#: The non-state armed groups that send suicide bombers (actor kinds).
_GROUPS = frozenset({"rebel", "political_militia", "identity_militia"})
_NO_STATE_BOMBER = "actors: a state's forces are never a suicide bomber (merge.no_state_bomber)"


_ONE_TOLL = "one toll: a telling of the same dead in a neighbouring sentence is this act told again (merge._one_toll)"


#: The remote violence an army's campaign does from afar (ACLED sub-event types); a roadside bomb, a
#: suicide bomber or a grenade is laid or thrown on the ground and says nothing of who else struck that day.
_CAMPAIGN_STRIKES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def fill_unnamed_attackers(events: list[Mention]) -> list[Mention]:
    """An unnamed air strike or shelling in an article whose other strikes in that country all
    have one named state attacker ("استشهد فلسطينيان في قصف جوي" in a report on Israeli strikes
    on Gaza) takes that attacker: only armies fly, and the article is about one campaign. An unnamed
    roadside bomb in a report on the coalition's raids ("مقتل 10 مدنيين في انفجار عبوتين ناسفتين") is
    not the coalition's: only the strikes of :data:`_CAMPAIGN_STRIKES` take the attacker."""
    for e in events:
        if (e.event_type != "Explosions/Remote violence" or e.sub_event_type not in _CAMPAIGN_STRIKES
                or e.place is None or _named(e.actor1)):  # fmt: skip
            continue
        donors = {
            _named(o.actor1): o.actor1
            for o in events
            if o is not e and o.event_type == e.event_type and o.place is not None
            and o.place.country == e.place.country and _named(o.actor1) and o.actor1.kind in ("state", "external")
        }  # fmt: skip
        if len(donors) == 1:
            (actor,) = donors.values()
            e.actor1 = actor
            if e.actor2 is not None and _named(e.actor2) == _named(actor):
                e.actor2 = None
            e.flags = e.flags + ["attacker from the article's other strikes"]
            e.confidence = round(e.confidence * 0.9, 3)
    return events


@functools.cache
def _night_words() -> tuple[PhraseMatcher, PhraseMatcher]:
    d = check_keys("one_night", assembly_data()["one_night"], {"night", "dawn"})
    return word_matcher("one_night.night", d["night"]), word_matcher("one_night.dawn", d["dawn"])


def _parts_of_night(text: str, m: Mention) -> frozenset[str]:
    """Which end of a night the sentence of ``m`` tells ("ليلة أمس": the night; "فجر اليوم": its dawn)."""
    if not text:
        return frozenset()
    night, dawn = _night_words()
    sent = text[m.start : m.end]
    return frozenset(n for n, w in (("night", night), ("dawn", dawn)) if w.find(sent))


def _one_night(a: Mention, b: Mention, parts: dict[int, frozenset[str]]) -> bool:
    """One act told from two days: the same sub-event at one place (named in both, or in one and the other names
    only its country), by the same attacker, dated a
    day apart by two tellings that count their days ("ليلة أول أمس" in a quote given a day later than the
    reporter's "أمس"), where the earlier day is told as its night or the later as its dawn ("ليلة أمس" and
    "فجر اليوم"): the night runs over midnight. Any other two days are two events (ACLED: one event a day)."""
    if a.event_type != b.event_type or a.sub_event_type != b.sub_event_type or _split_siblings(a, b):
        return False
    if a.place is None or b.place is None or not (a.place_explicit or b.place_explicit) or not _same_place(a, b):
        return False  # one names the place, the other the same place or only its country
    if any(not m.place_explicit and m.place.location != m.place.country for m in (a, b)):
        return False  # a place only inherited from the article's context says nothing of where this act was
    if (a.place_explicit and b.place_explicit and a.place.location != b.place.location) or None in (
        a.event_date, b.event_date
    ):
        return False
    if not {a.date_basis, b.date_basis} <= {"explicit", "relative"} or abs((a.event_date - b.event_date).days) != 1:
        return False
    early, late = (a, b) if a.event_date < b.event_date else (b, a)
    if not ("night" in parts.get(id(early), ()) or "dawn" in parts.get(id(late), ())):
        return False
    return _attackers_agree(a, b)


@functools.cache
def _other_words() -> PhraseMatcher:
    d = check_keys("one_toll", assembly_data()["one_toll"], {"others"})
    return word_matcher("one_toll.others", d["others"])


def _killed(m: Mention) -> int:
    c = m.casualties
    return c.killed if c is not None and c.exact and c.killed else 0


def _another_group(text: str, m: Mention) -> bool:
    """The toll is told of others ("وقتل 3 آخرون"): a second group of dead, so a second act."""
    span = m.casualties.killed_span if m.casualties is not None else None
    if not text or span is None:
        return False
    return bool(_other_words().find(text[span[0] : span[1] + 12]))


def _one_toll(a: Mention, b: Mention, text: str = "") -> bool:
    """One act told twice in neighbouring sentences with one exact toll ("قتل 13 شخصا ليل السبت في قرية ..." then
    "إن 13 شخصا قتلوا حين هاجم المسلحون القرية الأحد"): the same dead are the same act, whatever type each telling
    alone would take (an attack on a village and the clash the villager tells), at places one of which holds the
    other (a village and its province, or a place only inherited) and on days at most one apart (the report's day
    and the act's; two when either day is read from a weekday or the report, not a date). No different attackers (or one telling reads the victim as the attacker,
    :func:`_victim_read_as_actor`); a toll told of others ("آخرون") is a second group, so a second act; a
    demonstration keeps its own rule (:func:`_aggregates`). The later telling is the body under its headline or
    told by a source (a reporting clause, :func:`_reported`); two tactics named on two different targets are two
    acts. Two acts in one city on one day with two tolls stay two."""
    k = _killed(a)
    if not k or k != _killed(b) or _split_siblings(a, b):
        return False
    headline = _headline_toll(a, b, k)
    if not (_near(a, b, 1) or headline):
        return False
    demo = precedence().demonstrations
    if a.event_type in demo or b.event_type in demo or a.place is None or b.place is None:
        return False
    if not (_same_place(a, b) or headline and (a.place.admin1 and a.place.admin1 == b.place.admin1
                                                or _headline_elsewhere(a, b))):  # fmt: skip
        return False
    if a.event_date is not None and b.event_date is not None:
        gap = abs((a.event_date - b.event_date).days)
        if gap > 2 or gap == 2 and (a.date_basis == b.date_basis == "explicit" or not _near(a, b, 1)):
            # a day apart, or two when a day is only read from a weekday or the report (in neighbouring sentences:
            # a headline's toll told far down the body is of the act a day off at most)
            return False
    if _another_group(text, a) or _another_group(text, b):
        return False
    if not ((a.lead and not b.lead) or _reported(text, b)):
        return False  # a second telling is the body under its headline, or someone telling the act again
    a2, b2 = _named(a.actor2), _named(b.actor2)
    if a.event_type != b.event_type and not (a.generic or b.generic) and a2 and b2 and a2 != b2:
        return False  # two tactics named, on two different targets: a bomb in a market and an attack on a checkpoint
    return _attackers_agree(a, b) or _victim_read_as_actor(a, b, any_tactic=True) is not None


#: The fewest dead a headline's toll counts to be read as the toll of the body's telling anywhere in the article.
HEADLINE_TOLL_MIN = 5


def _headline_toll(a: Mention, b: Mention, k: int) -> bool:
    """The headline's exact toll of at least :data:`HEADLINE_TOLL_MIN` dead ("12 قتيلا في قصف على ريف حلب") told again
    by the body, however far down ("... بمقتل 12 سوريا في قصف ... على قرية قصر البريج في ريف حلب"), in the headline's
    province (a headline names the province or its main town, the body the village): the headline sums up that act."""
    return (a.lead and not b.lead and k >= HEADLINE_TOLL_MIN and a.place is not None and b.place is not None
            and a.place.country == b.place.country)  # fmt: skip


def _headline_elsewhere(a: Mention, b: Mention) -> bool:
    """The headline's toll told again by the body's first sentence, in another province of the country ("غضب في كابل بعد
    غارة أميركية تقتل 10 جنود" over "أسفرت غارة أميركية أمس عن مقتل عشرة جنود في ولاية لوغار"): the headline names where
    the news is told or felt, the body where the act was. Only the headline and the sentence right after it (further
    down the body, a toll told in another province is another act's)."""
    return a.lead and not b.lead and 0 in a.sentence_indexes and min(b.sentence_indexes, default=-1) == 1


def _reported(text: str, m: Mention) -> bool:
    """The telling is in a reporting clause ("وقال أحد السكان إن 13 شخصا قتلوا حين ..."): a source tells it."""
    if not text or m.trigger_start is None:
        return False
    from .resolve.dates import reporting_clause

    return reporting_clause(text[m.start : m.end], m.trigger_start - m.start) is not None


#: The attackers that fly: a non-state group read as the doer of an air strike is the side struck.
_FLYING_KINDS = frozenset({"state", "external"})


def _victim_read_as_actor(a: Mention, b: Mention, any_tactic: bool = False) -> Mention | None:
    """Of two tellings of one act, the one that reads the side struck as the attacker: its attacker is the side
    the other telling names as the target, struck by another named side. For a strike alone that is only an air
    strike whose attacker is a non-state group, the other's a state or foreign force (only armies fly: "مقتل 7 من
    قادة داعش بغارة" read as Islamic State's strike); a group's own shelling of the force that struck it is its own
    act. Tellings already known to be one act (``any_tactic``: one toll, :func:`_one_toll`) may be of any tactic;
    when each reads the other backwards the one whose attacker flies is right. That telling's sides give way to
    the other's."""
    found = []
    for wrong, right in ((a, b), (b, a)):
        w1, r1 = _named(wrong.actor1), _named(right.actor1)
        if not (w1 and r1 and w1 != r1 and w1 == _named(right.actor2)):
            continue
        flies = wrong.actor1.kind not in _FLYING_KINDS and right.actor1.kind in _FLYING_KINDS
        if any_tactic or (flies and wrong.sub_event_type == "Air/drone strike" and right.event_type == wrong.event_type):
            found.append((wrong, flies))
    if len(found) == 2:
        found = [f for f in found if f[1]]
    return found[0][0] if len(found) == 1 else None


def _fit(e: Mention, m: Mention) -> int:
    """How closely telling ``m`` matches event ``e``: told at the one place both name on the same day counts two;
    the same tactic (sub-event type), when ``m`` names one (a bare toll or "هجوم" takes a default type), one."""
    here = _one_named_place(e, m) and e.event_date is not None and e.event_date == m.event_date
    return 2 * here + (not m.generic and e.sub_event_type == m.sub_event_type)


def _by_fit(events: list[Mention], m: Mention, parts: dict, text: str) -> list[Mention]:
    """The events a telling may join, the one it fits best first (:func:`_fit`): "ووقع تفجير انتحاري مساء الجمعة أمام
    الأكاديمية" then "وصرح قائد الشرطة بأن انتحاريا فجر نفسه" joins that bombing, not an earlier attack of the night
    before that names no tactic and only inherits the city; "قال التنظيم إن مقاتليه هاجموا مبنيين في مارع" joins the
    bombing told at Marea that day, not the headline's advance north of Aleppo. Among events that fit alike, text
    order (the first told): only when a later event fits better than the first ``m`` can join is the order changed."""
    ok = [e for e in events if _compatible(e, m) or _one_night(e, m, parts) or _one_toll(e, m, text)]
    if len(ok) < 2:
        return ok
    best = max(ok, key=lambda e: _fit(e, m))  # max keeps the first of equal fit
    return [best] if _fit(best, m) > _fit(ok[0], m) else ok[:1]


def merge_mentions(mentions: list[Mention], rejected: list | None = None, text: str = "") -> list[Mention]:
    """Greedy, order-preserving merge of mentions of the same event.

    ``rejected`` (for ``--explain``) receives the mentions dropped here and why; ``text`` (the article's
    normalised text) lets two tellings of one night a day apart be one event (:func:`_one_night`).
    """
    events: list[Mention] = []
    parts = {id(m): _parts_of_night(text, m) for m in mentions}
    for m in mentions:
        for e in _by_fit(events, m, parts, text):
            toll = False
            if _compatible(e, m) or _one_night(e, m, parts) or (toll := _one_toll(e, m, text)):
                parts[id(e)] = parts[id(e)] | parts[id(m)]
                merge_into(e, m, one_toll=toll)
                if toll:
                    e.flags = e.flags + [_ONE_TOLL]
                    # the headline is now its body's act, told at the body's place: no longer a terse headline
                    # over a region that would take in the body's first other event there (_same_place)
                    e.lead = e.lead and m.lead
                    if rejected is not None:
                        from .templates import Rejection

                        rejected.append(Rejection(m.template_id, m.sentence_index, m.trigger, _ONE_TOLL,
                                                  verb="merged", code="one toll"))  # fmt: skip
                break
        else:
            if events and _refers_back(events[-1], m):
                merge_into(events[-1], m)
            elif m.retell_only or _background(m):
                if rejected is not None:
                    from .templates import Rejection

                    why = ("a retelling ('the attack') with no event told before it to retell" if m.retell_only
                           else "background: a definite mention over a whole region, with no day and no toll")
                    rejected.append(Rejection(m.template_id, m.sentence_index, m.trigger, why))
            else:
                events.append(m)
    return fill_unnamed_attackers(events)
