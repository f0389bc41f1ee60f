"""Event assembly: trigger mentions -> the events an article reports.

Between the mentions (one per trigger clause, :mod:`extractor.mentions`) and the rows, three steps,
each of which names its reason in ``--explain``:

1. **Decide** (:func:`decide`): is the mention a *reported event* or only a *mention* of one — a
   reaction or condemnation ("أدانت مصر الهجوم"), a follow-up (funeral, condolences, visit to the
   wounded) of an event told as known, an event with no day of its own in an opinion column, a cumulative toll ("خلال أسبوعين"), an
   intention, plan or foiled attempt, background told in the pluperfect ("وكان ... قد", code="pluperfect") or as
   past ("هجوم الشهر الماضي"), or a bare noun with nothing that anchors an event (no place, no
   day, no toll, no named actor)? Past and pluperfect tellings are background only when the
   article also reports something else; alone, they are its news.
2. **Cluster** (:func:`extractor.merge.merge_mentions`): ACLED's aggregation rule — same actors,
   same place (a village and its district are one place), same day — with the highest-precedence
   type (:data:`PRECEDENCE`), and one evidence sentence, the most informative telling.
3. **Place** (:func:`place_policy`): ACLED codes no event at country precision and none without a
   location (codebook, spatial precision): a row with only a country takes the article's main
   place in that country, or is not emitted.

Typing lives in one table (``retype`` in ``data/assembly.yaml``) read by :func:`retype`; each rule
names itself. Article-level facts come from :mod:`extractor.context`, computed once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any

from .clause import clause_end, clause_opener, clause_start, mark_start, opener_span
from .context import (
    ArticleContext,
    ContextWords,
    assembly_data,
    check_keys,
    word_matcher,
)
from .normalize import normalize_key
from .phrases import PhraseGroups, PhraseMatcher, proclitics, suffixes
from .resolve.dates import date_words, find_dates
from .resolve.places import Gazetteer, country_word_direction, region_direction
from .rules_schema import load_yaml
from .templates import Rejection

STATE = {"state", "police", "external"}
#: a word's key (``normalize_key``), remembered: ``_arrested_for`` keys every word before the trigger of each mention,
#: and the same words recur (speed only)
_key = functools.lru_cache(maxsize=1 << 16)(normalize_key)


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Precedence:
    event_type: dict[str, int]
    sub_event_type: dict[str, int]
    demonstrations: frozenset[str]

    def rank(self, event_type: str, sub_event_type: str) -> tuple[int, int]:
        return self.event_type.get(event_type, 0), self.sub_event_type.get(sub_event_type, 0)


@functools.cache
def precedence() -> Precedence:
    """ACLED's precedence (``precedence`` in assembly.yaml), checked at load."""
    p = check_keys("precedence", assembly_data()["precedence"], {"event_type", "sub_event_type", "demonstrations"})
    for k in ("event_type", "sub_event_type"):
        if not isinstance(p[k], dict) or not all(isinstance(v, int) for v in p[k].values()):
            raise ValueError(f"assembly.yaml: precedence.{k}: expected a mapping of names to integers")
    return Precedence(dict(p["event_type"]), dict(p["sub_event_type"]), frozenset(p["demonstrations"]))


@dataclass(frozen=True)
class Cue:
    words: PhraseMatcher
    window: int = 0  # words before the trigger (0: anywhere in the clause)

    def before(self, text: str, rel: int) -> bool:
        """Whether one of the words is in the ``window`` words before the trigger at ``rel`` of ``text``."""
        if self.window > 0:
            got = _windowed(text, rel)  # decide's cues with a window, all read in one walk (speed only)
            if got is not None and self.words in got[2]:
                starts, last = got[0], got[1]
                k = len(starts) - self.window  # the window's first word in the walked words (0: all of them)
                return last.get(self.words, -1) >= (starts[k] if k > 0 else 0)
        return self.words.contains(_before(text, rel, self.window))


@dataclass(frozen=True)
class ComesAfterTold:
    """``decisions.comes_after_told``: "وتأتي هذه الغارات بعد أن ...": a head (``heads``: يأتي/تأتي) opening its
    clause, a link (``links``: بعد، عقب، في أعقاب) at most ``gap`` words after it, the trigger after the link and
    within ``window`` words of the head: the act is what the news comes after, unless it carries a time of its own
    (:func:`_own_time_after`: a day, a date, "أول من أمس", "بعد يومين من", "بعد ساعات من"): then it is a dated
    event of its own."""

    heads: PhraseMatcher
    links: PhraseMatcher
    gap: int
    window: int
    durations: PhraseMatcher | None = None  # "بعد ساعات من"، "بعد ثلاثة أيام على": the act's time, told from the news

    def link_at(self, text: str, rel: int) -> int | None:
        """Where the link after the head starts in ``text`` (the trigger at ``rel``), or None when the formula
        does not govern the trigger."""
        spans = [w.span() for w in _WORD_SPAN.finditer(text, 0, rel)]
        words = [text[a:b] for a, b in spans]
        start = max(0, len(words) - self.window)
        for i in range(start, len(words)):
            if not self.heads.contains(words[i]) or (i and not _CLAUSE_END.search(words[i - 1])):
                continue
            lo = spans[i + 1][0] if i + 1 < len(spans) else rel
            hi = spans[min(i + 3 + self.gap, len(spans)) - 1][1] if i + 1 < len(spans) else rel
            hits = self.links.find(text[lo:hi], lo)
            if hits:
                return hits[0].word_start
        return None


#: A word that ends a clause: the head of ``comes_after_told`` opens the next one.
_CLAUSE_END = re.compile(r"[.،,؛;:!؟?]$")
#: A whitespace-delimited word and its span (the words ``_words_before`` splits).
_WORD_SPAN = re.compile(r"\S+")
#: What ends the clause of the act told after the link (its own time is read up to there).
_ACT_CLAUSE_END = re.compile(r"[.،,؛;!؟?]")


def _own_time_after(text: str, at: int, end: int, published: Any,
                    durations: PhraseMatcher | None) -> bool:
    """Whether the act told after the link at ``at`` (its trigger ending at ``end``) carries a time of its own
    in its clause: a date, a weekday, أمس or أول من أمس, "قبل ثلاثة أيام" (``find_dates``), or a duration right
    after the link ("بعد ساعات من"، "بعد يومين على": ``durations``, the link's next four words). Such an act is
    an event of its own (dated by the code when it can), not the background of the news."""
    stop = _ACT_CLAUSE_END.search(text, end)
    seg = text[at : stop.start() if stop else len(text)]
    if any(d.kind != "year_only" for d in find_dates(seg, published)):
        return True
    return durations is not None and durations.contains(" ".join(seg.split()[1:5]))


def _comes_after_told_cues(d: dict) -> ComesAfterTold | None:
    if "comes_after_told" not in d:
        return None
    c = check_keys("decisions.comes_after_told", d["comes_after_told"], {"heads", "links", "gap", "window"},
                   {"durations"})
    return ComesAfterTold(word_matcher("decisions.comes_after_told.heads", c["heads"]),
                          word_matcher("decisions.comes_after_told.links", c["links"]), int(c["gap"]),
                          int(c["window"]),
                          word_matcher("decisions.comes_after_told.durations", c["durations"]) if c.get("durations") else None)


@dataclass(frozen=True)
class HeldBy:
    """``decisions.held_by``: the trigger's word names the people held (``nouns``: "رهائن") and a verb of holding in
    the present (``verbs``: "يحتجزون") stands within ``window`` words before it: a state told, not the act."""

    verbs: PhraseMatcher
    nouns: PhraseMatcher
    window: int


def _held_by_cues(d: dict) -> HeldBy | None:
    if "held_by" not in d:
        return None
    h = check_keys("decisions.held_by", d["held_by"], {"verbs", "nouns", "window"})
    return HeldBy(word_matcher("decisions.held_by.verbs", h["verbs"]), word_matcher("decisions.held_by.nouns", h["nouns"]),
                  int(h["window"]))


@dataclass(frozen=True)
class Followup:
    """The funeral, condolences or visit after an event told elsewhere (``decisions.followup``)."""

    cue: Cue
    heads: PhraseMatcher  # "حادث" before the trigger: the event is referred to as known
    not_types: frozenset[str]
    relative: PhraseMatcher  # "الذي" right before a trigger verb ...
    known: PhraseMatcher  # ... after "الحادث الإرهابي", "الهجوم": the act of an event named as known
    dead: PhraseMatcher | None = None  # ... or after the dead man named ("الشهيد فلان الذي استشهد"), ...
    dead_window: int = 0  # ... within this many words before the relative


@dataclass(frozen=True)
class Crime:
    """Words that make a mention of some sub-event types no event: ordinary crime, which ACLED does not code
    (``decisions.crime``: an arrest or theft for drugs, fraud, a gang; ``decisions.private_violence``: a
    stabbing, a family quarrel), or a territory change told as a purpose (``decisions.purpose``)."""

    words: PhraseMatcher
    sub_event_types: frozenset[str]


@dataclass(frozen=True)
class Announced:
    """An announcement of a past operation (``decisions.announced``): an announcement verb, then a mark that the
    act is past ("أنه نفذ", "بعد إصابته"), and no day told for the act itself."""

    verbs: PhraseMatcher
    past_marks: PhraseMatcher
    window: int
    after: int


@dataclass(frozen=True)
class TerritoryAfter:
    """A territory change named by its noun a few words after بعد/منذ ("منذ تحرير مدينة عدن")."""

    after: Cue
    nouns: PhraseMatcher
    sub_event_types: frozenset
    far: Cue | None = None  # victories told after بعد, further before the noun ("بعد الانتصارات التي حققتها ... وتحرير")


@dataclass(frozen=True)
class Blame:
    """Blame laid on someone for the act (``decisions.blame``): one of ``verbs`` within ``window`` words before
    the trigger, then one of ``objects`` between the verb and the trigger ("حمل ... مسؤولية")."""

    verbs: PhraseMatcher
    objects: PhraseMatcher
    window: int
    not_types: frozenset[str]  # event or sub-event types it is not for


@dataclass(frozen=True)
class RelativeAct:
    """``decisions.relative_act``: the trigger is the act of a relative clause ("الذين أحرقوا المنزل"، "الذي تورط
    بإطلاق النار") at most ``within`` words after its relative pronoun, and none of the ``before`` words before the
    pronoun is one of ``acts`` (an event named as its antecedent: "الهجوم الذي استهدف"), nor is the relative
    clause's first word one of ``results`` (a toll's verb, whose subject is an act: "الأمر الذي أدى إلى مقتل")."""

    within: int
    before: int
    acts: PhraseMatcher
    results: PhraseMatcher


@dataclass(frozen=True)
class KnownDescribed:
    """``decisions.known_described``: the trigger is the act of a relative clause (at most ``within`` words after
    its relative pronoun) whose antecedent is a known act opening its sentence or clause: one of ``acts`` (with
    the article) as the first word, at most ``before`` words before the pronoun ("الجريمة المروعة التي استهدفت
    ..."، "العملية الإرهابية الغادرة التي نفذها انتحاري ..."). The sentence is about the act told as known, its
    predicate a comment or a sequel; with no day of its own the act is background (it would take the telling's
    day)."""

    within: int
    before: int
    acts: PhraseMatcher


@dataclass(frozen=True)
class Conference:
    """A known event retold at a press conference (``decisions.conference``): one of the words within ``window``
    words before the trigger, then the event named as known (``known``) before the trigger, or a definite trigger."""

    cue: Cue
    known: PhraseMatcher


@dataclass(frozen=True)
class Plan:
    """A plot told up to ``window`` words before the act (``decisions.plan``); not for ``not_types``, event or
    sub-event types (the arrest of the plotters is an event)."""

    cue: Cue
    not_types: frozenset[str]

    def before(self, m: Any, text: str, rel: int) -> bool:
        """Whether the cue is before the trigger at ``rel`` and ``m``'s type is not one it spares."""
        return not {m.event_type, m.sub_event_type} & self.not_types and self.cue.before(text, rel)


@dataclass(frozen=True)
class BattleTopic:
    """``decisions.battle_topic``: a battle noun of ``templates`` named as a topic (see :func:`_battle_topic`)."""

    templates: frozenset[str]
    occur: PhraseMatcher  # a verb or an adjective that makes the fighting happen ("دارت"، "عنيفة")


@dataclass(frozen=True)
class Supposed:
    """``decisions.supposed``: the act as the clause a word of belief governs ("من المعتقد أنهم قد خطفوا")."""

    words: PhraseMatcher
    that: PhraseMatcher
    particles: PhraseMatcher


@dataclass(frozen=True)
class Campaign:
    """``decisions.campaign``: a campaign stepped up ("تصعيد عمليات اعتقال"; see :func:`_campaign`)."""

    heads: PhraseMatcher
    escalation: Cue


@dataclass(frozen=True)
class Series:
    """``decisions.aggregate.series``: acts (plural) told as striking areas, several places summed ("قتل 21 شخصا في
    ثلاث هجمات استهدفت مناطق في بغداد"; see :func:`_series_toll`)."""

    words: PhraseMatcher  # an act plural, optionally التي, a verb of striking and a plural of places
    chains: PhraseMatcher  # a chain of acts (سلسلة من هجمات): a tally only in a telling with no day of its own
    window: int  # words after a toll trigger where the series may stand
    single: PhraseMatcher  # one act's nouns: told between, the toll is that act's
    tolls: frozenset[str]  # the templates of a toll ("قتل 21 ... في ثلاث هجمات"): a series after them is the toll's
    waves: PhraseMatcher | None = None  # a wave of acts (موجة التفجيرات): a tally when it holds the trigger


@dataclass(frozen=True)
class DiedOfWounds:
    """``decisions.died_of_wounds``: the death of someone wounded earlier ("متأثرا بجروح أصيب بها")."""

    templates: frozenset[str]
    window: int  # words after the trigger where one of ``affected`` stands
    within: int  # words after it where one of ``earlier`` stands
    affected: PhraseMatcher
    earlier: PhraseMatcher


@dataclass(frozen=True)
class ArrestedFor:
    """``decisions.arrested_for``: the police of a town arresting a man for what he did (see :func:`_arrested_for`)."""

    police: frozenset[str]  # normalised words, a construct (no article): شرطة دبي
    not_after: PhraseMatcher
    window: int
    arrest: PhraseMatcher
    political: PhraseMatcher


@dataclass(frozen=True)
class BackdropJoined:
    """``decisions.backdrop_joined``: the act joined by و to what a backdrop word governs (see :func:`_backdrop_joined`)."""

    window: int  # words before the trigger where the backdrop word stands
    conjunct: int  # words before the trigger where the و-joined word stands (0: the trigger's own word)
    heads: PhraseMatcher  # the backdrop words (decisions.backdrop.words) and these
    breaks: PhraseMatcher  # a complementiser or relative between the conjunct and the trigger opens another clause


@dataclass(frozen=True)
class Soon:
    """``decisions.soon``: a word of "soon" within ``window`` words either side, not before one of ``not_then``."""

    window: int
    words: PhraseMatcher
    not_then: PhraseMatcher


@dataclass(frozen=True)
class DecisionCues:
    reaction: Cue
    followup: Followup
    alleged: Cue
    call: Cue
    aggregate: Cue
    hypothetical: Cue
    past: Cue
    after: Cue
    pluperfect_aux: PhraseMatcher
    pluperfect_window: int
    ongoing: Cue
    scattered: Cue
    period: Cue
    forecast: Cue
    commentary: Cue
    verdict: Cue
    judgement: Cue
    crime: Crime
    private_violence: Crime
    purpose: Crime
    tag_line: PhraseMatcher
    announced: Announced
    earlier: Cue
    future_time: Cue
    halt: Cue
    generic_kind: Cue
    backdrop: Cue
    not_conflict: Cue
    territory_after: TerritoryAfter
    still: Cue
    vow: Cue
    accusation: Cue  # an accusation verb, then the act as its بـ object
    blame: Blame  # "حملت الرئاسة الاحتلال مسؤولية استشهاد ..."
    media: Plan  # a video or photos of the act passed round (not for ``not_types``)
    conference: Conference  # a known event retold at a press conference
    plan: Plan  # a plot told further back ("كانوا يخططون لارتكاب اعتداءات ...")
    held: Cue  # the trigger names the people held ("المختطفين"), a state, not the act
    protested: Plan  # the act a protest is against ("للاحتجاج على الضربات"), not for demonstrations
    coming: Cue  # a time to come right after the trigger ("المواجهات العسكرية المقبلة")
    reprisal: Cue  # the act a reprisal answers ("ردا على هجوم سوروتش"), told as known
    accused_that: PhraseMatcher | None  # decisions.accusation.that: the act as the بأن clause of an accusation
    forecast_always: PhraseMatcher | None = None  # decisions.forecast.always, an optional key
    relative: PhraseMatcher | None = None  # decisions.relative_retold.relatives: a known act inside a relative clause
    preceded: Cue | None = None  # decisions.preceded: "وسبق الهجوم انتشار ...": the known act as the time of another
    relative_act: RelativeAct | None = None  # decisions.relative_act: someone or somewhere described by a past act
    known_again: int = 0  # decisions.known_again.distance: a known act told again this far from a different lead act
    known_again_not: frozenset[str] = frozenset()  # decisions.known_again.not_types
    known_described: KnownDescribed | None = None  # decisions.known_described: a known act opening its sentence
    comes_after: Cue | None = None  # decisions.comes_after: "ويأتي ذلك في أعقاب ...": what the news comes after
    battle_topic: BattleTopic | None = None  # decisions.battle_topic: fighting named as a topic ("في المعارك")
    seized: Crime | None = None  # decisions.seized: a takeover of goods ("استولوا على ملايين الدولارات")
    supposed: Supposed | None = None  # decisions.supposed: the act believed ("من المعتقد أنهم قد خطفوا")
    campaign: Campaign | None = None  # decisions.campaign: "تصعيد عمليات اعتقال" with no day, a trend of many acts
    further_to: Cue | None = None  # decisions.further_to: "إلحاقا لما سبق إعلانه بشأن ...": the act reported before
    died_of_wounds: DiedOfWounds | None = None  # decisions.died_of_wounds: "متأثرا بجروح أصيب بها"
    arrested_for: ArrestedFor | None = None  # decisions.arrested_for: "ألقت شرطة جدة القبض على شاب أطلق النار"
    backdrop_joined: BackdropJoined | None = None  # decisions.backdrop_joined: "في ظل الضغوط ... وغارات التحالف"
    soon: Soon | None = None  # decisions.soon: "ستبدأ قريبا بمحاربة التنظيم في إطار معركة"
    held_by: HeldBy | None = None  # decisions.held_by: "الحوثيون يحتجزون رهائن": people held, a state
    comes_after_told: ComesAfterTold | None = None  # decisions.comes_after_told: "وتأتي هذه الغارات بعد ..."
    no_conflict: Crime | None = None  # decisions.no_conflict: a shooting or arrest in an article with no conflict word
    series: Series | None = None  # decisions.aggregate.series: several acts summed ("ثلاث هجمات استهدفت مناطق")
    week: Week | None = None  # decisions.aggregate.week: acts named by their plural noun over a bare week
    war_toll: int | None = None  # decisions.aggregate.war_toll: dead in the thousands are a war's toll
    over_length: re.Pattern = re.compile(r"(?!)")  # decisions.aggregate.over: a tally over a counted length of time
    since_date: re.Pattern = re.compile(r"(?!)")  # decisions.period.since: a period from a day on, up to now
    forecast_spared: PhraseMatcher | None = None  # decisions.forecast.spared: an expectation the act met or defied

    @functools.cached_property
    def clause_scan(self) -> PhraseGroups:
        """The words of the cues ``decide`` reads over the whole clause (``_CLAUSE_CUES``), in one automaton."""
        return PhraseGroups({name: getattr(self, name).words for name in _CLAUSE_CUES})

    @classmethod
    @functools.cache
    def load(cls) -> DecisionCues:
        d = check_keys("decisions", assembly_data()["decisions"],
                       {"reaction", "followup", "alleged", "call", "aggregate", "hypothetical", "pluperfect", "past", "after",
                        "ongoing", "scattered", "period", "forecast", "commentary", "verdict", "judgement", "crime",
                        "private_violence", "purpose", "tag_line", "announced", "earlier", "future_time", "halt", "generic_kind", "backdrop",
                        "not_conflict", "territory_after", "still", "vow", "accusation", "blame", "media", "conference",
                        "plan", "held", "protested", "coming", "reprisal"},
                       {"relative_retold", "preceded", "known_again", "relative_act", "known_described",
                        "comes_after", "battle_topic", "seized", "supposed", "campaign", "further_to",
                        "died_of_wounds", "arrested_for", "backdrop_joined", "soon", "held_by", "comes_after_told",
                        "no_conflict"})  # fmt: skip

        def cue(name: str, windowed: bool, optional: set[str] = frozenset()) -> Cue:
            c = check_keys(f"decisions.{name}", d[name], {"words", "window"} if windowed else {"words"}, optional)
            return Cue(word_matcher(f"decisions.{name}.words", c["words"]), int(c.get("window", 0)))

        def plan_cue(name: str) -> Plan:
            c = check_keys(f"decisions.{name}", d[name], {"words", "window", "not_types"})
            return Plan(Cue(word_matcher(f"decisions.{name}.words", c["words"]), int(c["window"])),
                        frozenset(c["not_types"]))

        pl = check_keys("decisions.pluperfect", d["pluperfect"], {"aux", "window"})
        f = check_keys("decisions.followup", d["followup"], {"words", "window", "heads", "not_types", "relative", "known"},
                       {"dead"})
        dead = check_keys("decisions.followup.dead", f["dead"], {"words", "window"}) if "dead" in f else None
        followup = Followup(Cue(word_matcher("decisions.followup.words", f["words"]), int(f["window"])),
                            word_matcher("decisions.followup.heads", f["heads"]), frozenset(f["not_types"]),
                            word_matcher("decisions.followup.relative", f["relative"]),
                            word_matcher("decisions.followup.known", f["known"]),
                            word_matcher("decisions.followup.dead.words", dead["words"]) if dead else None,
                            int(dead["window"]) if dead else 0)  # fmt: skip
        def typed(name: str) -> Crime:
            c = check_keys(f"decisions.{name}", d[name], {"words", "sub_event_types"})
            return Crime(word_matcher(f"decisions.{name}.words", c["words"]), frozenset(c["sub_event_types"]))

        crime = typed("crime")
        t = check_keys("decisions.tag_line", d["tag_line"], {"words"})
        an = check_keys("decisions.announced", d["announced"], {"window", "after", "verbs", "past_marks"})
        announced = Announced(word_matcher("decisions.announced.verbs", an["verbs"]),
                              word_matcher("decisions.announced.past_marks", an["past_marks"]), int(an["window"]),
                              int(an["after"]))  # fmt: skip

        ta = check_keys("decisions.territory_after", d["territory_after"], {"sub_event_types", "window", "words", "nouns"},
                        {"far"})
        far = None
        if "far" in ta:
            fa = check_keys("decisions.territory_after.far", ta["far"], {"words", "window"})
            far = Cue(word_matcher("decisions.territory_after.far.words", fa["words"]), int(fa["window"]))
        territory_after = TerritoryAfter(Cue(word_matcher("decisions.territory_after.words", ta["words"]), int(ta["window"])),
                                         word_matcher("decisions.territory_after.nouns", ta["nouns"]),
                                         frozenset(ta["sub_event_types"]), far)  # fmt: skip
        b = check_keys("decisions.blame", d["blame"], {"words", "objects", "window", "not_types"})
        blame = Blame(word_matcher("decisions.blame.words", b["words"]),
                      word_matcher("decisions.blame.objects", b["objects"]), int(b["window"]),
                      frozenset(b["not_types"]))  # fmt: skip
        cf = check_keys("decisions.conference", d["conference"], {"words", "window", "known"})
        conference = Conference(Cue(word_matcher("decisions.conference.words", cf["words"]), int(cf["window"])),
                                word_matcher("decisions.conference.known", cf["known"]))  # fmt: skip
        ac = d["accusation"]
        accused_that = word_matcher("decisions.accusation.that", ac["that"]) if "that" in ac else None
        fc = d["forecast"]
        always = word_matcher("decisions.forecast.always", fc["always"]) if "always" in fc else None
        relative = None
        if "relative_retold" in d:
            rr = check_keys("decisions.relative_retold", d["relative_retold"], {"relatives"})
            relative = word_matcher("decisions.relative_retold.relatives", rr["relatives"])
        preceded = cue("preceded", True) if "preceded" in d else None
        relative_act = None
        if "relative_act" in d:
            ra = check_keys("decisions.relative_act", d["relative_act"], {"within", "before", "acts", "results"})
            relative_act = RelativeAct(int(ra["within"]), int(ra["before"]),
                                       word_matcher("decisions.relative_act.acts", ra["acts"]),
                                       word_matcher("decisions.relative_act.results", ra["results"]))
        known_again, known_again_not = 0, frozenset()
        if "known_again" in d:
            ka = check_keys("decisions.known_again", d["known_again"], {"distance", "not_types"})
            known_again, known_again_not = int(ka["distance"]), frozenset(ka["not_types"])
        known_described = None
        if "known_described" in d:
            kd = check_keys("decisions.known_described", d["known_described"], {"within", "before", "acts"})
            known_described = KnownDescribed(int(kd["within"]), int(kd["before"]),
                                             word_matcher("decisions.known_described.acts", kd["acts"]))

        battle_topic = None
        if "battle_topic" in d:
            bt = check_keys("decisions.battle_topic", d["battle_topic"], {"templates", "occur"})
            battle_topic = BattleTopic(frozenset(bt["templates"]), word_matcher("decisions.battle_topic.occur", bt["occur"]))
        seized = typed("seized") if "seized" in d else None
        supposed = None
        if "supposed" in d:
            sp = check_keys("decisions.supposed", d["supposed"], {"words", "that", "particles"})
            supposed = Supposed(word_matcher("decisions.supposed.words", sp["words"]),
                                word_matcher("decisions.supposed.that", sp["that"]),
                                word_matcher("decisions.supposed.particles", sp["particles"]))
        campaign = None
        if "campaign" in d:
            cp = check_keys("decisions.campaign", d["campaign"], {"heads", "escalation", "window"})
            campaign = Campaign(word_matcher("decisions.campaign.heads", cp["heads"]),
                                Cue(word_matcher("decisions.campaign.escalation", cp["escalation"]), int(cp["window"])))
        return cls(cue("reaction", True), followup, cue("alleged", True), cue("call", True), cue("aggregate", False, {"over", "units", "counted", "counted_units", "series", "week", "war_toll"}), cue("hypothetical", True), cue("past", True), cue("after", True),
                   word_matcher("decisions.pluperfect.aux", pl["aux"]), int(pl["window"]),
                   cue("ongoing", False), cue("scattered", False), cue("period", True, {"since", "units", "long_units", "approx", "weekday", "spans"}), cue("forecast", True, {"always", "spared"}), cue("commentary", True), cue("verdict", True), cue("judgement", False), crime, typed("private_violence"), typed("purpose"),
                   word_matcher("decisions.tag_line.words", t["words"]), announced, cue("earlier", True), cue("future_time", True),
                   cue("halt", True), cue("generic_kind", True), cue("backdrop", True), cue("not_conflict", False),
                   territory_after, cue("still", True), cue("vow", False), cue("accusation", True, {"that"}), blame,
                   plan_cue("media"), conference, plan_cue("plan"), cue("held", False),
                   plan_cue("protested"), cue("coming", True), cue("reprisal", True), accused_that, always, relative,
                   preceded, relative_act, known_again, known_again_not, known_described,
                   cue("comes_after", True) if "comes_after" in d else None, battle_topic, seized, supposed,
                   campaign, further_to=cue("further_to", True) if "further_to" in d else None,
                   died_of_wounds=_died_of_wounds_cues(d), arrested_for=_arrested_for_cues(d),
                   backdrop_joined=_backdrop_joined_cues(d), soon=_soon_cues(d), held_by=_held_by_cues(d),
                   comes_after_told=_comes_after_told_cues(d),
                   no_conflict=typed("no_conflict") if "no_conflict" in d else None,
                   series=_series_cues(d["aggregate"]), week=_week_cues(d["aggregate"]),
                   war_toll=int(d["aggregate"]["war_toll"]) if "war_toll" in d["aggregate"] else None,
                   over_length=_over_length(d["aggregate"]), since_date=_since_date(d["period"]),
                   forecast_spared=word_matcher("decisions.forecast.spared", fc["spared"]) if "spared" in fc else None)  # fmt: skip


def _died_of_wounds_cues(d: dict) -> DiedOfWounds | None:
    if "died_of_wounds" not in d:
        return None
    w = check_keys("decisions.died_of_wounds", d["died_of_wounds"], {"templates", "window", "within", "affected", "earlier"})
    return DiedOfWounds(frozenset(w["templates"]), int(w["window"]), int(w["within"]),
                        word_matcher("decisions.died_of_wounds.affected", w["affected"]),
                        word_matcher("decisions.died_of_wounds.earlier", w["earlier"]))


def _backdrop_joined_cues(d: dict) -> BackdropJoined | None:
    if "backdrop_joined" not in d:
        return None
    b = check_keys("decisions.backdrop_joined", d["backdrop_joined"], {"window", "conjunct", "heads", "breaks"})
    return BackdropJoined(int(b["window"]), int(b["conjunct"]),
                          word_matcher("decisions.backdrop_joined.heads", list(d["backdrop"]["words"]) + list(b["heads"])),
                          word_matcher("decisions.backdrop_joined.breaks", b["breaks"]))


def _soon_cues(d: dict) -> Soon | None:
    if "soon" not in d:
        return None
    b = check_keys("decisions.soon", d["soon"], {"window", "words", "not_then"})
    return Soon(int(b["window"]), word_matcher("decisions.soon.words", b["words"]),
                word_matcher("decisions.soon.not_then", b["not_then"]))


def _arrested_for_cues(d: dict) -> ArrestedFor | None:
    if "arrested_for" not in d:
        return None
    a = check_keys("decisions.arrested_for", d["arrested_for"], {"police", "not_after", "window", "arrest", "political"})
    return ArrestedFor(frozenset(normalize_key(w) for w in a["police"]),
                       word_matcher("decisions.arrested_for.not_after", a["not_after"]), int(a["window"]),
                       word_matcher("decisions.arrested_for.arrest", a["arrest"]),
                       word_matcher("decisions.arrested_for.political", a["political"]))


_RULE_KEYS = {"event_type", "sub_event_type", "context", "actor1", "actor2", "trigger_starts", "sentence_has",
              "sentence_lacks", "roles"}  # fmt: skip
_ROLES = {"swap", "rioters_vs_state", "protesters_vs_state", "rioters_vs_civilians", "unidentified_vs_armed",
          "unidentified_vs_state"}
_CONTEXTS = {"protest", "battle", "not_protest"}


@dataclass(frozen=True)
class RetypeRule:
    """One line of the re-typing table: conditions -> a new (event type, sub-event type)."""

    id: str
    why: str
    becomes: tuple[str, str]
    event_type: frozenset[str] = frozenset()
    sub_event_type: frozenset[str] = frozenset()
    context: str = ""
    actor1: frozenset[str] = frozenset()
    actor2: frozenset[str] = frozenset()
    trigger_starts: tuple[str, ...] = ()
    sentence_has: PhraseMatcher | None = None
    sentence_lacks: PhraseMatcher | None = None
    roles: str = ""


def _names(v: Any) -> frozenset[str]:
    return frozenset([v] if isinstance(v, str) else v or [])


@functools.cache
def retype_rules() -> tuple[RetypeRule, ...]:
    """The ``retype`` table of assembly.yaml, checked at load (unknown keys, roles, contexts, duplicate ids)."""
    out: list[RetypeRule] = []
    seen: set[str] = set()
    for i, r in enumerate(assembly_data()["retype"]):
        where = f"retype[{i}]"
        check_keys(where, r, {"id", "why", "becomes"}, _RULE_KEYS)
        if r["id"] in seen:
            raise ValueError(f"assembly.yaml: {where}: duplicate rule id {r['id']!r}")
        seen.add(r["id"])
        b = check_keys(f"{where}.becomes", r["becomes"], {"event_type", "sub_event_type"})
        if r.get("roles", "") and r["roles"] not in _ROLES:
            raise ValueError(f"assembly.yaml: {where}: roles must be one of {sorted(_ROLES)}")
        if r.get("context", "") and r["context"] not in _CONTEXTS:
            raise ValueError(f"assembly.yaml: {where}: context must be one of {sorted(_CONTEXTS)}")
        out.append(RetypeRule(
            id=r["id"], why=r["why"], becomes=(b["event_type"], b["sub_event_type"]),
            event_type=_names(r.get("event_type")), sub_event_type=_names(r.get("sub_event_type")),
            context=r.get("context", ""), actor1=_names(r.get("actor1")), actor2=_names(r.get("actor2")),
            trigger_starts=tuple(r.get("trigger_starts") or ()),
            sentence_has=word_matcher(f"{where}.sentence_has", r["sentence_has"]) if "sentence_has" in r else None,
            sentence_lacks=word_matcher(f"{where}.sentence_lacks", r["sentence_lacks"]) if "sentence_lacks" in r
            else None,
            roles=r.get("roles", ""),
        ))  # fmt: skip
    return tuple(out)


# --------------------------------------------------------------------------- typing


def _kind_ok(actor: Any, kinds: frozenset[str]) -> bool:
    if not kinds:
        return True
    if actor is None:
        return "none" in kinds
    if "settlers" in kinds and (actor.assoc.startswith("Settlers") or actor.name.startswith("Settlers")):
        return True
    return actor.kind in kinds


def _applies(r: RetypeRule, event_type: str, sub: str, actor1, actor2, trigger: str, text: str,
             ctx: ArticleContext | None) -> bool:  # fmt: skip
    if r.event_type and event_type not in r.event_type:
        return False
    if r.sub_event_type and sub not in r.sub_event_type:
        return False
    if r.context:
        protest, battle = (ctx.protest, ctx.battle) if ctx is not None else (False, False)
        if {"protest": not protest, "battle": not battle, "not_protest": protest}[r.context]:
            return False
    if not (_kind_ok(actor1, r.actor1) and _kind_ok(actor2, r.actor2)):
        return False
    if r.trigger_starts and not trigger.startswith(r.trigger_starts):
        return False
    if r.sentence_has is not None and not r.sentence_has.contains(text):
        return False
    return not (r.sentence_lacks is not None and r.sentence_lacks.contains(text))


def retype(event_type: str, sub: str, actor1, actor2, *, trigger: str, text: str, ctx: ArticleContext | None,
           lexicon: Any = None, country: str = "", rules: tuple[RetypeRule, ...] | None = None):  # fmt: skip
    """Apply the first matching rule of the table: (event_type, sub, actor1, actor2, rule or None)."""
    for r in retype_rules() if rules is None else rules:
        if not _applies(r, event_type, sub, actor1, actor2, trigger, text, ctx):
            continue
        event_type, sub = r.becomes
        if r.roles == "swap":
            actor1, actor2 = actor2, actor1
        elif r.roles in ("rioters_vs_state", "protesters_vs_state"):
            state = next((a for a in (actor1, actor2) if a is not None and a.kind in STATE), None)
            crowd = "rioters" if r.roles == "rioters_vs_state" else "protesters"
            if lexicon is not None and country:
                actor1 = getattr(lexicon, crowd)(country)
            actor2 = state
        elif r.roles == "rioters_vs_civilians" and lexicon is not None and country:
            group = actor1
            actor1 = lexicon.rioters(group.country if group is not None and group.country else country)
            if group is not None:
                actor1 = replace(actor1, assoc=group.assoc or group.name)
            actor2 = lexicon.civilians(country)
        elif r.roles == "unidentified_vs_armed" and lexicon is not None and country:
            actor1 = lexicon.unidentified(country)
        elif r.roles == "unidentified_vs_state" and lexicon is not None and country:
            # the state force read as the attacker is the one struck, unless the target is named already
            actor1, actor2 = lexicon.unidentified(country), actor2 if actor2 is not None else actor1
        return event_type, sub, actor1, actor2, r
    return event_type, sub, actor1, actor2, None


# --------------------------------------------------------------------------- decisions


@dataclass(frozen=True)
class Decision:
    reported: bool
    reason: str = ""  # in words, for --explain
    code: str = ""  # which cue decided: reaction, followup, call, aggregate, hypothetical, pluperfect, past, opinion, bare
    background: bool = False  # past or pluperfect: a mention only when the article reports something else


@functools.cache
def _window_cues() -> tuple[PhraseGroups, frozenset, int]:
    """The words of every :class:`Cue` with a window that ``DecisionCues`` holds (as a field, or a field of a
    field), one automaton for them all (each matcher its own group), the matchers, and the widest window."""
    cues = DecisionCues.load()
    found: list[Cue] = []
    for f in fields(cues):
        v = getattr(cues, f.name)
        found += [v] if isinstance(v, Cue) else [getattr(v, g.name) for g in fields(v)] if is_dataclass(v) else []
    found = [c for c in found if isinstance(c, Cue) and c.window > 0]
    groups = PhraseGroups({c.words: c.words for c in found})
    return groups, frozenset(c.words for c in found), max((c.window for c in found), default=0)


@functools.lru_cache(maxsize=1)
def _windowed(text: str, rel: int) -> tuple[list[int], dict, frozenset] | None:
    """For :meth:`Cue.before`: the widest window's words before ``rel`` (``_before(text, rel, widest)``) walked once
    for every windowed cue of ``DecisionCues`` (:func:`_window_cues`): (where each of those words starts in the
    walked string, the last word start of each cue's hits, the cues walked). A narrower window's string is a suffix
    of the walked one that starts after a space, so its hits are the walked hits whose word starts at or after
    its first word (their verdicts read the same characters; a word start is found walking back to the space).
    None when the string holds İ or Σ, whose lower case may change the string's length or read a neighbour
    (then each cue reads its own window). Remembered for the last (clause, trigger): decide asks up to a score of
    cues about it (speed only)."""
    groups, walked, widest = _window_cues()
    words = _words_before(text, rel)[-widest:]
    walk = " ".join(words)
    if "\u0130" in walk or "\u03a3" in walk:
        return None
    starts, at = [], 0
    for w in words:
        starts.append(at)
        at += len(w) + 1
    last: dict = {}
    for name, ws, _ in groups.iter_names(walk):
        if ws > last.get(name, -1):
            last[name] = ws
    return starts, last, walked


def _before(text: str, rel: int, window: int) -> str:
    """The ``window`` words before offset ``rel`` of ``text`` (the clause up to the trigger)."""
    if not window:
        return text[:rel]
    return " ".join(_words_before(text, rel)[-window:])


# The words before and after a trigger, remembered for the last (text, offset) asked: ``decide`` asks for windows of
# the same clause at the same offset a score of times (speed only). Callers must not change the lists.
@functools.lru_cache(maxsize=1)
def _words_before(text: str, rel: int) -> list[str]:
    """``text[:rel].split()`` (remembered: see above)."""
    return text[:rel].split()


@functools.lru_cache(maxsize=1)
def _words_after(text: str, rel: int) -> list[str]:
    """``text[rel:].split()`` (remembered: see above)."""
    return text[rel:].split()


#: A telling dated this close to publication is news even when told in the pluperfect
#: ("وكانت مقاتلات أمريكية قد استهدفت فجر اليوم").
RECENT_DAYS = 3


def _after(text: str, rel: int, window: int) -> str:
    """The ``window`` words after offset ``rel`` of ``text`` (the trigger's end)."""
    return " ".join(_words_after(text, rel)[:window])


def _word_at(text: str, rel: int) -> str:
    """The whole word that holds offset ``rel`` of ``text``, with its clitics ("لاستعادة"), and the rest after it."""
    start = rel
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:]


def _dated_recent(m: Any, ctx: ArticleContext | None) -> bool:
    if m.date_basis not in ("explicit", "relative") or m.event_date is None:
        return False
    published = ctx.published if ctx is not None else None
    return published is None or abs((published - m.event_date).days) <= RECENT_DAYS


#: A pronoun suffix right after a trigger ("هجومه", "قصفها"): the event is one already known.
_PRONOUN = re.compile("(?:" + "|".join(map(re.escape, suffixes("retold"))) + r")(?=\W|$)")  # data/clitics.yaml
_RETOLD_ARTICLE = tuple(proclitics("retold").forms)  # ال، لل، وبال، كال ... (data/clitics.yaml)
#: "كان ... قد": the pluperfect's particle (data/function_words.yaml)
_PLUPERFECT = tuple(load_yaml("function_words.yaml")["assemble"]["pluperfect_particles"])


def _definite(text: str, rel: int) -> bool:
    """Whether the trigger at ``rel`` carries the article ("الهجوم", "للغارة", "بالتفجير")."""
    if text[:rel].endswith(("ال", "لل")):
        return True
    word = text[rel:].split(maxsplit=1)[0] if text[rel:].strip() else ""
    return word.startswith(_RETOLD_ARTICLE)


def _names_known(text: str, rel: int, end: int) -> bool:
    """Whether the trigger at ``rel`` (ending at ``end``) names its act as one already known: the article
    ("الهجوم", "للغارة") or a pronoun after it ("هجومه", "اختطافه")."""
    return _definite(text, rel) or bool(_PRONOUN.match(text, end))


def _word_before(text: str, rel: int, window: int) -> str:
    """The ``window`` whole words before the word that holds the trigger at ``rel`` (its clitics and
    article left out: "عقب الهجوم" gives "عقب")."""
    words = _words_before(text, rel)
    last = text[:rel][-1:]
    if last and not last.isspace():
        words = words[:-1]  # the word that holds the trigger, left out
    return " ".join(words[-window:]) if words else ""


def _referring(text: str, rel: int, heads: PhraseMatcher, f: Followup | None = None) -> bool:
    """Whether the trigger at ``rel`` names its event as one already known: it carries the article
    ("التفجير", "للهجوم"), follows one of ``heads`` ("حادث تفجير"), or (with ``f``) is the verb of a relative
    clause on an event named as known ("الحادث الإرهابي الذي استهدف المسجد")."""
    if _definite(text, rel):
        return True
    words = text[:rel].split()
    if words and heads.contains(words[-1]):
        return True
    if f is None:
        return False
    words = _word_before(text, rel, max(4, f.dead_window + 1)).split()
    if not words or not f.relative.contains(words[-1], strict_suffix=True):
        return False
    if any(f.known.contains(w) for w in words[-4:-1]):
        return True
    return f.dead is not None and any(f.dead.contains(w) for w in words[-f.dead_window - 1 : -1])


def _alt(words) -> str:
    """A regex alternation of ``words`` normalised, longest first."""
    return "|".join(map(re.escape, sorted({normalize_key(w) for w in words}, key=len, reverse=True)))


def _since_date(period: dict) -> re.Pattern:
    """"منذ 20 يوليو", "منذ 26 يوما", "منذ قرابة أربعة أشهر", "منذ الاثنين": a period from a day on, or of a length
    up to now; "في 12 يوما": a span of days counted (``decisions.period.since``, ``units``, ``long_units``,
    ``approx``, ``weekday``, ``spans``; the month names, weekdays and first-day words from data/dates.yaml)."""
    dates = date_words()
    since = period.get("since") or []
    if not since:
        return re.compile(r"(?!)")
    months = _alt(w for ws in dates["months"].values() for w in ws)
    day = rf"(?:\d{{1,2}}|{_alt(dates['first_day'])})"
    units = period.get("units") or []
    span = rf"|\d{{1,4}}\s+(?:{_alt(units)})" if units else ""
    if period.get("long_units"):  # "منذ قرابة أربعة أشهر": any count word, an optional approximator
        approx = rf"(?:(?:{_alt(period['approx'])})\s+)?" if period.get("approx") else ""
        span += rf"|{approx}\S+\s+(?:{_alt(period['long_units'])})"
    if period.get("weekday"):  # "منذ الاثنين", "منذ يوم الاثنين"
        span += rf"|(?:(?:{_alt(period['weekday'])})\s+)?(?:{_alt(w for ws in dates['weekdays'].values() for w in ws)})"
    out = rf"(?<!\w)\w?(?:{_alt(since)})\s+(?:{day}\s+(?:{months}){span})(?!\w)"
    if period.get("spans") and units:  # "في 12 يوما": a span of days counted
        out += rf"|(?<!\w)\w?(?:{_alt(period['spans'])})\s+\d{{1,4}}\s+(?:{_alt(units)})(?!\w)"
    return re.compile(out)


def _over_length(agg: dict) -> re.Pattern:
    """"خلال 9 أشهر", "على مدى ثلاثة أسابيع", "خلال الأشهر التسعة الماضية": a length of time told as the span of a
    tally (``decisions.aggregate.over`` and ``units``; the number words 2-10 of data/numbers.yaml)."""
    over, units = agg.get("over") or [], agg.get("units") or []
    if not (over and units):
        return re.compile(r"(?!)")

    numbers = load_yaml("numbers.yaml")["units"]
    words = _alt(w for v, ws in numbers.items() if 2 <= int(v) <= 10 for w in ws)
    unit = _alt(units)
    count = rf"(?:\d{{1,4}}|(?:{words}))"
    # the figure first ("خلال 9 أشهر", "خلال ثلاثة أسابيع") or the unit, definite, first ("خلال الأشهر التسعة")
    # ... or the unit, definite, before a definite figure ("خلال الأيام الـ5")
    out = rf"(?<!\w)\w?(?:{_alt(over)})\s+(?:(?:ال)?{count}\s+(?:{unit})|ال(?:{unit})\s+ال(?:{words}|\s?\d{{1,4}}))(?!\w)"
    counted, plural = agg.get("counted") or [], agg.get("counted_units") or []
    if counted and plural:  # "في أربعة أيام": a count of days and a plural unit after في (``counted``)
        out += rf"|(?<!\w)\w?(?:{_alt(counted)})\s+{count}\s+(?:{_alt(plural)})(?!\w)"
    return re.compile(out)


def _series_cues(agg: dict) -> Series | None:
    """The cues of ``decisions.aggregate.series`` (none when the key is absent)."""
    if "series" not in agg:
        return None
    s = check_keys("decisions.aggregate.series", agg["series"],
                   {"acts", "relative", "verbs", "places", "chains", "window", "single", "tolls"},
                   {"waves", "wave_acts"})
    links = [""] + [f"{r} " for r in s["relative"]]
    words = [f"{a} {r}{v} {p}" for a in s["acts"] for r in links for v in s["verbs"] for p in s["places"]]
    chains = [f"{c} {a}" for c in s["chains"] for a in s["acts"]]
    return Series(word_matcher("decisions.aggregate.series", words),
                  word_matcher("decisions.aggregate.series.chains", chains), int(s["window"]),
                  word_matcher("decisions.aggregate.series.single", s["single"]), frozenset(s["tolls"]),
                  word_matcher("decisions.aggregate.series.waves",
                               [f"{w} {d}{a}" for w in s["waves"] for a in s["wave_acts"] for d in ("", "ال")])
                  if s.get("waves") and s.get("wave_acts") else None)


@dataclass(frozen=True)
class Week:
    """``decisions.aggregate.week``: acts named by their plural noun over a bare week ("أسفرت الغارات خلال أسبوع عن
    مقتل 260"; see :func:`_week_of_acts`)."""

    acts: PhraseMatcher  # the plural nouns of acts the trigger opens with (غارات، ضربات، هجمات)
    spans: PhraseMatcher  # a bare week (خلال أسبوع، على مدى أسبوع)
    window: int  # words either side of the trigger where the week may stand


def _week_cues(agg: dict) -> Week | None:
    """The cues of ``decisions.aggregate.week`` (none when the key is absent)."""
    if "week" not in agg:
        return None
    w = check_keys("decisions.aggregate.week", agg["week"], {"acts", "spans", "window"})
    return Week(word_matcher("decisions.aggregate.week.acts", w["acts"]),
                word_matcher("decisions.aggregate.week.spans", w["spans"]), int(w["window"]))


def _week_of_acts(text: str, rel: int, trigger_end: int, w: Week) -> bool:
    """Whether the trigger at ``rel`` (ending at ``trigger_end``) is a plural noun of acts (``w.acts``: "الغارات"،
    "ضربات جوية") with a bare week (``w.spans``) within ``w.window`` words of it, either side ("أسفرت الغارات التركية
    خلال أسبوع عن مقتل 260 مسلحا"): many acts summed over a week. A trigger of fighting ("اشتباكات"، "معارك") or a
    verb is no plural of acts: a week's fighting told with its toll stays one event going on."""
    if not _starts_with(_word_at(text, rel), w.acts):
        return False
    return w.spans.contains(_before(text, rel, w.window) + " " + text[rel:trigger_end] + " "
                            + _after(text, trigger_end, w.window))


def _war_toll(m: Any, most: int | None) -> bool:
    """Whether the mention's dead are counted in the thousands (``most``, ``decisions.aggregate.war_toll``, or more:
    "مجازر خلفت عشرات الآلاف من القتلى"): a war's toll over months or years, never one event's."""
    cas = m.casualties
    return most is not None and cas is not None and (cas.killed or 0) >= most


def _series_toll(m: Any, text: str, rel: int, trigger_end: int, s: Series) -> bool:
    """Whether the trigger at ``rel`` of ``text`` (ending at ``trigger_end``) tells several acts summed
    (``decisions.aggregate.series``): the series holds the trigger ("ثلاث هجمات استهدفت مناطق"), or stands within
    ``s.window`` words after a toll trigger (``s.tolls``) that names no one act, with no one act's noun between
    ("قتل 21 شخصا في ثلاث هجمات استهدفت مناطق في بغداد"). A chain of acts ("بعد سلسلة من هجمات دامية") counts only
    in a telling with no day of its own: a day's chain of car bombs in one city is that day's news. An act told with
    its own noun first keeps its toll ("قتل 20 في تفجير سيارة مفخخة في السوق، غداة هجمات استهدفت مناطق في
    المدينة"), and an act of another kind its row ("حرر الجيش الرهائن إثر سلسلة من هجمات الحركة")."""
    hits = s.words.find(text) + ([] if _own_day(m) else s.chains.find(text))
    if any(h.word_start <= rel < h.end for h in hits):
        return True
    if s.waves is not None and any(h.word_start <= rel < h.end for h in s.waves.find(text)):
        return True  # "أسفرت موجة التفجيرات عن مقتل 49": the trigger is the wave's own noun
    if m.template_id not in s.tolls or s.single.contains(text[rel:trigger_end]):
        return False  # not a toll, or the trigger names one act: the toll told with it is its own
    after = [w.end() for w in _WORD.finditer(text, trigger_end)]
    end = after[min(s.window, len(after)) - 1] if after else trigger_end
    return any(trigger_end <= h.word_start <= end and not s.single.contains(text[trigger_end : h.word_start])
               for h in hits)


def _starts_with(text: str, words: PhraseMatcher) -> bool:
    """Whether one of ``words``, as written (no ending), opens ``text`` (its first two words)."""
    return words.contains(" ".join(text.split()[:2]), strict_suffix=True)


_WORD = re.compile(r"\S+")


def _announced_past(m: Any, text: str, rel: int, ctx: ArticleContext | None, a: Announced) -> bool:
    """Whether the trigger at ``rel`` is told in an announcement of a past operation that gives no day of the act
    (``decisions.announced``): a day after the past mark ("أعلن أنه نفذ أمس غارات") dates the act itself."""
    before = [w.start() for w in _WORD.finditer(text, 0, rel)]
    lo = before[-a.window] if len(before) >= a.window else 0
    verbs = a.verbs.find(text[lo:rel], lo)
    if not verbs:
        return False
    after = [w.end() for w in _WORD.finditer(text, rel)]
    end = after[min(a.after, len(after)) - 1] if after else rel
    marks = [h for h in a.past_marks.find(text[verbs[0].end : end], verbs[0].end)]
    if not marks:
        return False
    at = min(marks[0].word_start, rel)
    published = ctx.published if ctx is not None else None
    return not any(d.start >= at for d in find_dates(text, published) if d.kind != "year_only")


def _retold_in_relative(text: str, rel: int, end: int, relatives: PhraseMatcher) -> bool:
    """Whether the trigger at ``rel`` (ending at ``end``) names an act already known, with the article ("الغارة") or
    a pronoun after it ("اختطافه"), inside a relative clause: the clause that holds it opens with one of
    ``relatives`` (clause.py reads where the clause begins). The trigger that is the relative clause's own verb
    ("الحادث الذي استهدف المسجد") carries neither, and stays a telling of the act."""
    return _names_known(text, rel, end) and relatives.contains(clause_opener(text, rel), strict_suffix=True)


def _described_by_act(text: str, rel: int, relatives: PhraseMatcher, ra: RelativeAct) -> bool:
    """Whether the trigger at ``rel`` is the act of a relative clause that describes someone or somewhere ("الرضيع
    الذي أحرق المستوطنون منزله"، "المتهم الذي تورط بإطلاق النار"): the clause holding it opens with a relative
    pronoun, at most ``ra.within`` words before the trigger, and the pronoun's antecedent (the ``ra.before`` words
    before it) names no act (``ra.acts``: "الهجوم الذي استهدف" tells the act itself)."""
    start, end = opener_span(text, rel)
    if start == end or not relatives.contains(text[start:end], strict_suffix=True):
        return False
    between = text[end:rel].split()
    if len(between) > ra.within or (between and ra.results.contains(between[0])):
        return False
    return not any(ra.acts.contains(w) for w in text[:start].split()[-ra.before :])


#: The marks that end a clause before a known act's name (clause.py's boundary marks, read here as written).
_MARKS = re.compile(r"[.,،؛;:!?؟«»\"()\[\]\n]")


def _known_act_described(text: str, rel: int, relatives: PhraseMatcher, kd: KnownDescribed) -> bool:
    """Whether the trigger at ``rel`` tells a known act that opens its sentence or clause and is described by a
    relative clause ("الجريمة المروعة التي استهدفت قوات الأمن لن تزيدنا إلا عزيمة"): either the trigger is that
    act's word (one of ``kd.acts``, first in its clause, a relative pronoun of ``relatives`` among the
    ``kd.before`` words after it), or it is the relative clause's verb, the pronoun at most ``kd.within`` words
    before it and, back to the clause's start, at most ``kd.before`` words before the pronoun, the first of them one
    of ``kd.acts``."""
    # the trigger names the known act itself, opening its clause, a relative pronoun soon after it ("الهجوم الذي
    # شنه مسلحون على الحاجز يكشف ...")
    word_start = rel
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    cut = max((m.end() for m in _MARKS.finditer(text, 0, word_start)), default=0)
    if not text[cut:word_start].split():
        word = text[word_start:].split(maxsplit=1)
        after = text[word_start:].split()[1 : kd.before + 1]
        return (bool(word) and kd.acts.contains(word[0], strict_suffix=True)
                and any(relatives.contains(w, strict_suffix=True) for w in after))  # fmt: skip
    # the trigger is the verb of the relative clause on it ("الجريمة التي استهدفت ...")
    start, end = opener_span(text, rel)
    if start == end or not relatives.contains(text[start:end], strict_suffix=True):
        return False
    if len(text[end:rel].split()) > kd.within:
        return False
    cut = max((m.end() for m in _MARKS.finditer(text, 0, start)), default=0)
    words = text[cut:start].split()
    return 0 < len(words) <= kd.before and kd.acts.contains(words[0], strict_suffix=True)


def _battle_topic(m: Any, text: str, rel: int, bt: BattleTopic) -> bool:
    """Whether the battle noun at ``rel`` names fighting as a topic (``decisions.battle_topic``): a noun of one of
    ``bt.templates`` that does not open its clause (a preposition or a noun governs it: "في المعارك"، "قدرات قواته
    في المعارك"، "آخر معارك الحزب"), in a clause with no verb or adjective that makes it happen (``bt.occur``:
    "دارت"، "عنيفة"), and told with no day of its own and no dead or wounded."""
    if m.template_id not in bt.templates or _own_day(m):
        return False
    cas = m.casualties
    if cas is not None and (cas.killed or cas.wounded):
        return False
    lo = clause_start(text, rel)
    if not text[lo:rel].strip():
        return False
    return not bt.occur.contains(text[lo : clause_end(text, max(rel, m.trigger_end - m.start))])


def _supposed(text: str, rel: int, sp: Supposed) -> bool:
    """Whether the trigger at ``rel`` is the verb of a clause a word of belief governs (``decisions.supposed``):
    the words right before it are a belief word, one of ``that`` and at most one of ``particles``."""
    words = text[:rel].split()
    if words and sp.particles.contains(words[-1], strict_suffix=True):
        words = words[:-1]
    if not words or not sp.that.contains(words[-1], strict_suffix=True):
        return False
    return any(sp.words.contains(" ".join(words[-1 - n : -1]), strict_suffix=True) for n in (1, 2, 3)
               if len(words) > n)


def _accused_that(text: str, rel: int, cues: DecisionCues) -> bool:
    """Whether the trigger at ``rel`` is the verb of the بأن clause an accusation governs ("اتهمت المؤسسة التي يقع
    مقرها في طرابلس الحكومة بأنها قصفت"): one of ``accusation.that`` within two words before it, and an accusation
    verb before that, within the accusation's window or anywhere back to the last boundary mark (a relative clause
    describing the accuser does not end the sentence that governs the بأن clause)."""
    if cues.accused_that is None or not cues.accused_that.contains(_word_before(text, rel, 2)):
        return False
    if cues.accusation.before(text, rel):
        return True
    return cues.accusation.words.contains(text[mark_start(text, rel) : rel])


def _campaign(m: Any, text: str, rel: int, c: Campaign) -> bool:
    """Whether the trigger at ``rel`` is the act's noun governed by a plural of operations or a campaign word right
    before it (``decisions.campaign.heads``: "عمليات اعتقال"، "حملة قصف"), itself governed by a word of escalation
    within the window before it ("بتصعيد عمليات اعتقال"، "تكثف من عمليات قصف"), in a telling with no day of its own."""
    words = list(_WORD.finditer(text, 0, rel))
    if not words or _own_day(m) or not c.heads.contains(words[-1].group(), strict_suffix=True):
        return False
    return c.escalation.before(text, words[-1].start())


def _blamed(text: str, rel: int, b: Blame) -> bool:
    """Whether blame is laid for the act at ``rel`` (``decisions.blame``): a verb, then its object, before it."""
    head = _before(text, rel, b.window)
    verbs = b.verbs.find(head)
    return bool(verbs) and b.objects.contains(head[verbs[0].end :])


def _retold_at_conference(text: str, rel: int, c: Conference) -> bool:
    """Whether the trigger at ``rel`` retells a known event at a press conference (``decisions.conference``)."""
    head = _before(text, rel, c.cue.window)
    at = c.cue.words.find(head)
    return bool(at) and (_definite(text, rel) or c.known.contains(head[at[0].end :]))


def _died_of_wounds(m: Any, text: str, dw: DiedOfWounds) -> bool:
    """A killing trigger of ``dw.templates`` followed, within ``dw.window`` words, by "متأثرا" and, within
    ``dw.within`` words after it, by a wounding told as earlier ("التي أصيب بها"): the death of someone wounded before."""
    if m.template_id not in dw.templates:
        return False
    after = text[m.trigger_end - m.start :].split()
    head = " ".join(after[: dw.window])
    for h in dw.affected.find(head):
        if dw.earlier.contains(" ".join(head[h.end :].split()[: dw.within] + after[dw.window :][: dw.within])):
            return True
    return False


def _arrested_for(text: str, rel: int, af: ArrestedFor) -> bool:
    """The police of a town or province (``af.police`` as a construct, not before one of ``af.not_after``) with an
    arrest word within ``af.window`` words of it, told before the trigger at ``rel``, in a clause that names no
    political or armed cause (``af.political``): a criminal case ("قبضت شرطة منطقة جازان على طالب لتورطه في قضية
    طعن مواطن")."""
    spans = [(w.start(), w.group()) for w in _WORD.finditer(text)]
    for i, (start, word) in enumerate(spans):
        if start >= rel:
            break
        if _key(word) not in af.police:
            continue
        if _starts_with(" ".join(w for _, w in spans[i + 1 : i + 3]), af.not_after):
            continue
        near = " ".join(w for _, w in spans[max(0, i - af.window) : i + 1 + af.window + 1])
        if af.arrest.contains(near):
            return not af.political.contains(text)
    return False


def _backdrop_joined(text: str, rel: int, bj: BackdropJoined) -> bool:
    """The act as a conjunct of what a backdrop word governs: a word opening with و at most ``bj.conjunct`` words
    before the trigger (or the trigger's own word: "في ظل الضغوط التي يمارسها التنظيم من جهة، وغارات التحالف"; "وسط
    تزايد هجمات الحزب ضد الجيش وشن سلاح الجو ضربات"), a backdrop word within ``bj.window`` words before it, and no
    complementiser, relative or full stop between the conjunct and the trigger (another clause)."""
    words = text[:rel].split()
    own = _word_at(text, rel).split()[:1]
    tail = words[-bj.conjunct :] if bj.conjunct else []
    for k, w in enumerate(tail + own):
        if not (w.startswith("و") and len(w) > 2):
            continue
        between = (tail + own)[k + 1 :]
        if any(b.endswith((".", "؛", ":", "!", "؟")) for b in between) or bj.breaks.contains(" ".join(between)):
            continue
        cut = len(words) - len(tail) + k  # the conjunct's index in ``words`` (len(words) for the trigger's own word)
        head = words[max(0, cut - bj.window) : cut]
        if head and head[-1].endswith((".", "؛", "!", "؟")):
            continue
        # after a comma only a plural noun joins the backdrop's list ("من جهة، وغارات التحالف"): "في ظل توتر أمني،
        # واعتقلت القوات ..." opens a clause of its own
        if any(h.endswith(("،", ",")) for h in head) and not w.rstrip("،,").endswith("ات"):
            continue
        if bj.heads.contains(" ".join(head)):
            return True
    return False


def _soon(text: str, rel: int, end: int, sn: Soon) -> bool:
    """A word of "soon" within ``sn.window`` words before or after the trigger, not "قريبا من" (near)."""
    window = text[:rel].split()[-sn.window :] + text[end:].split()[: sn.window]
    joined = " ".join(window)
    for h in sn.words.find(joined):
        if not _starts_with(joined[h.end :].lstrip(" \"'«»"), sn.not_then):
            return True
    return False


#: The cues whose words ``decide`` looks for anywhere in the clause (``cues.X.words.contains(text)``).
_CLAUSE_CUES = ("not_conflict", "judgement", "vow", "aggregate", "crime", "private_violence", "ongoing", "scattered")


@functools.lru_cache(maxsize=1)
def _clause_cues(text: str) -> frozenset[str]:
    """The names of the ``_CLAUSE_CUES`` whose words the clause ``text`` holds: ``{n for n in _CLAUSE_CUES if
    getattr(cues, n).words.contains(text)}``, from one walk of one automaton (``DecisionCues.clause_scan``: a hit
    of the union is a hit of the cue it is tagged with, and every hit of that cue is one). ``decide`` asks up to
    eight of them about the same clause; remembered for the last clause (speed only)."""
    return frozenset(DecisionCues.load().clause_scan.names_in(text))


def decide(m: Any, text: str, ctx: ArticleContext | None = None) -> Decision:
    """Reported event or mention, for one mention whose clause text is ``text``."""
    cues = DecisionCues.load()
    rel = max(0, m.trigger_start - m.start)
    if ctx is not None and ctx.opinion:
        return Decision(False, "the article is an opinion column or analysis (few reporting words), which retells or "
                        "judges events reported elsewhere", code="opinion")
    if (ctx is not None and getattr(ctx, "verdict", False) and not _dated_recent(m, ctx)
            and m.event_type not in ContextWords.load().verdict_not_types):  # fmt: skip
        return Decision(False, "a court ruling's article (its lead: قضت المحكمة بالسجن، السجن المؤبد لـ ...) retells "
                        "the act judged: told with no recent day of its own", background=True, code="verdict article")
    if _starts_with(text, cues.tag_line):
        return Decision(False, "a tag line (سمات، الكلمات الدلالية): the article's keywords, not a sentence", code="tags")
    if "not_conflict" in _clause_cues(text):
        return Decision(False, "no conflict: a TV series or film, a hacked website, a stock market, a road accident",
                        code="not conflict")
    if cues.reaction.before(text, rel):
        return Decision(False, "a reaction to the event (condemnation, condolence, welcome), not the event", code="reaction")
    if cues.commentary.before(text, rel):
        return Decision(False, "a columnist's or analyst's retelling (أشار الكاتب، يرى محللون), not a report",
                        code="commentary")
    if cues.verdict.before(text, rel):
        return Decision(False, "a comment on what happened (ما حدث من ...، ما قام به ...), told as known", code="verdict")
    if "judgement" in _clause_cues(text):
        return Decision(False, "a judgement passed on the act (عمل جبان، فعل مجرم): a reaction, not the report",
                        code="judgement")
    if "vow" in _clause_cues(text):
        return Decision(False, "a vow about a campaign (لن تتوقف حتى، ستستمر حتى يتم): a statement, not an event told",
                        code="vow")
    if cues.died_of_wounds is not None and _died_of_wounds(m, text, cues.died_of_wounds):
        return Decision(False, "the death of someone wounded earlier (متأثرا بجروح أصيب بها): the act that wounded him "
                        "is not of the death's day, and ACLED adds the dead to it", code="died of wounds")
    if cues.further_to is not None and cues.further_to.before(text, rel):
        return Decision(False, "a follow-up statement's recall of what was announced before (إلحاقا لما سبق إعلانه "
                        "بشأن ...): the act was reported then, whatever day the clause gives", code="further to")
    f = cues.followup
    if (m.event_type not in f.not_types and f.cue.before(text, rel)
            and _referring(text, rel, f.heads, f)):  # fmt: skip
        return Decision(False, "a follow-up (funeral, condolences, a visit to the wounded) of an event told as known",
                        code="followup")
    if cues.media.before(m, text, rel):
        return Decision(False, "a video or photos of the act passed round (نشر صورا، مقطع فيديو لـ): the news is the "
                        "video, not an event of its day", code="media")
    if (cues.relative is not None and not _dated_recent(m, ctx)
            and _retold_in_relative(text, rel, m.trigger_end - m.start, cues.relative)):  # fmt: skip
        return Decision(False, "a known act named inside a relative clause (الحي الذي وقع فيه القصف، الصحفي الذي "
                        "أعلنت الجماعة عن اختطافه): told as known, the clause describes someone or somewhere", background=True,
                        code="relative retold")
    pc = cues.preceded
    if (pc is not None and pc.words.contains(_word_before(text, rel, pc.window))
            and _names_known(text, rel, m.trigger_end - m.start)):  # fmt: skip
        return Decision(False, "a known act another was told before (وسبق الهجوم انتشار الجنود، قبل التفجير): the "
                        "time of something else, whatever day the clause gives", background=True, code="preceded")
    if cues.generic_kind.words.contains(_word_before(text, rel, cues.generic_kind.window)):
        return Decision(False, "a kind of act, not one act (مثل هذه الهجمات، أي استهداف)", code="generic kind")
    if cues.earlier.before(text, rel):
        return Decision(False, "an earlier event the news is told after (بعد أيام على مقتل ...، بعد أقل من شهر على الهجوم): "
                        "background, whatever day the clause gives", code="earlier")
    if _announced_past(m, text, rel, ctx, cues.announced):
        return Decision(False, "an announcement of a past operation (أعلن أنه نفذ، بعد إصابته) with no day of the act: "
                        "the day told is the announcement's", code="announced")
    published = ctx.published if ctx is not None and ctx.date_precision == 1 else None
    if published is not None and m.event_date is not None and m.event_date > published:
        return Decision(False, "dated after the publication day: a plan or an announcement, not an event",
                        code="future")
    if _starts_with(_word_at(text, rel), cues.held.words):
        return Decision(False, "the people held (المختطفين، المخطوفين): a state, not the act of taking them", code="held")
    hb = cues.held_by
    if (hb is not None and _starts_with(_word_at(text, rel), hb.nouns) and not _dated_recent(m, ctx)
            and hb.verbs.contains(_before(text, rel, hb.window))):  # fmt: skip
        return Decision(False, "people someone holds (يحتجزون رهائن): a state told, not the act of taking them",
                        code="held")
    if m.sub_event_type in cues.purpose.sub_event_types and _starts_with(_word_at(text, rel), cues.purpose.words):
        return Decision(False, "a territory change told as a purpose (لاستعادة، لتحرير): nothing changed hands yet",
                        code="purpose")
    sz = cues.seized
    if (sz is not None and m.sub_event_type in sz.sub_event_types
            and _starts_with(_after(text, m.trigger_end - m.start, 2), sz.words)):  # fmt: skip
        return Decision(False, "a takeover of goods, not of land (استولوا على ملايين الدولارات، على كميات من الأسلحة): "
                        "no territory changed hands", code="seized")
    if (cues.accusation.before(text, rel) and _word_at(text, rel).startswith("بال")) or _accused_that(text, rel, cues):
        return Decision(False, "a known act an accusation names (تتهم أنقرة المجموعة بالهجوم على ...، اتهمت الحكومة بأنها قصفت ...): a "
                        "statement, not "
                        "an event told", code="accusation")
    if (not {m.event_type, m.sub_event_type} & cues.blame.not_types and not _dated_recent(m, ctx)
            and _blamed(text, rel, cues.blame)):  # fmt: skip
        return Decision(False, "blame laid for the act (حملت الرئاسة الاحتلال مسؤولية ...): a reaction, not the event",
                        code="blame")
    if cues.protested.before(m, text, rel):
        return Decision(False, "the act a protest is against (للاحتجاج على الضربات، تنديدا بالهجوم): told as known, "
                        "the protest's place and day are not its", code="protested")
    if cues.reprisal.before(text, rel):
        return Decision(False, "the act a reprisal answers (ردا على هجوم ...، انتقاما لمقتل ...): told as known, the "
                        "reprisal's place and day are not its", background=True, code="reprisal")
    if cues.alleged.before(text, rel):
        return Decision(False, "the act a suspicion or charge alleges (يشتبه بتورطهم في، بتهمة), not an event told",
                        code="alleged")
    if cues.supposed is not None and _supposed(text, rel, cues.supposed):
        return Decision(False, "the act as what is believed (من المعتقد أنهم قد خطفوا، يرجح أنه قتل): a supposition, "
                        "not an event told", code="supposed")
    if cues.call.before(text, rel):
        return Decision(False, "a call to act (دعا إلى ...), not the act", code="call")
    if "aggregate" in _clause_cues(text):
        return Decision(False, "a cumulative or aggregate toll over a period, not one event", code="aggregate")
    series = cues.series
    if series is not None and _series_toll(m, text, rel, m.trigger_end - m.start, series):
        return Decision(False, "several acts summed (ثلاث هجمات استهدفت مناطق في بغداد، سلسلة من الهجمات): their toll "
                        "and places are many acts', not one event", code="aggregate")
    if cues.campaign is not None and _campaign(m, text, rel, cues.campaign):
        return Decision(False, "a campaign of acts summed (تصعيد عمليات اعتقال، حملة قصف) with no day of its own, not "
                        "one event", code="campaign")
    if cues.over_length.search(text):
        return Decision(False, "a tally over a counted length of time (خلال 9 أشهر، على مدى ثلاثة أسابيع), not one event",
                        code="aggregate")
    week = cues.week
    if week is not None and _week_of_acts(text, rel, m.trigger_end - m.start, week):
        return Decision(False, "acts named by their plural noun over a week (أسفرت الغارات خلال أسبوع عن مقتل ...): many "
                        "acts summed, not one event", code="aggregate")
    if _war_toll(m, cues.war_toll):
        return Decision(False, "dead counted in the thousands (خلفت عشرات الآلاف من القتلى): a war's toll, not one "
                        "event's", code="aggregate")
    if cues.plan.before(m, text, rel):
        return Decision(False, "a plot told before the act (كانوا يخططون لارتكاب اعتداءات): nothing happened yet",
                        code="plan")
    if cues.hypothetical.before(text, rel):
        return Decision(False, "an intention, plan, warning or foiled attempt: nothing happened yet", code="hypothetical")
    ft = cues.future_time
    if ft.words.contains(_before(text, rel, ft.window) + " " + _after(text, m.trigger_end - m.start, ft.window)):
        return Decision(False, "told with a time to come (الأسبوع المقبل، الأيام القادمة، في المستقبل): nothing happened yet",
                        code="future time")
    if cues.soon is not None and _soon(text, rel, m.trigger_end - m.start, cues.soon):
        return Decision(False, "told with a time to come (ستبدأ قريبا، باتت وشيكة): nothing happened yet",
                        code="future time")
    if cues.coming.words.contains(_after(text, m.trigger_end - m.start, cues.coming.window)):
        return Decision(False, "a time to come right after the act (المواجهات المقبلة، المعركة القادمة): nothing happened "
                        "yet", code="future time")
    if cues.halt.words.contains(_before(text, rel, cues.halt.window) + " " + text[rel : m.trigger_end - m.start]):
        return Decision(False, "a halt or suspension of the act (علقت العمليات، توقف المعارك), not the act", code="halt")
    recent = _dated_recent(m, ctx)
    fa = cues.forecast_always
    fs = cues.forecast_spared
    met = fs is not None and fs.contains(_before(text, rel, cues.forecast.window))  # "كما توقع المحللون، شن ..."
    if fa is not None and not met and fa.contains(_before(text, rel, cues.forecast.window)):
        return Decision(False, "an expectation (من المتوقع، من المقرر، على وشك): nothing happened yet, whatever day the "
                        "clause gives", code="forecast")
    if not recent and not met and cues.forecast.before(text, rel):
        return Decision(False, "a forecast, threat or promise (على وشك، هدد، توعد): nothing happened yet", code="forecast")
    if m.sub_event_type in cues.crime.sub_event_types and "crime" in _clause_cues(text):
        return Decision(False, "an arrest or theft for ordinary crime (drugs, fraud, a gang), which ACLED does not code",
                        code="ordinary crime")
    if cues.arrested_for is not None and _arrested_for(text, rel, cues.arrested_for):
        return Decision(False, "a town's police arresting a man for what he did (ألقت شرطة المحافظة القبض على شاب أطلق "
                        "النار): a criminal case, which ACLED does not code", code="ordinary crime")
    pv = cues.private_violence
    if m.sub_event_type in pv.sub_event_types and "private_violence" in _clause_cues(text):
        return Decision(False, "violence between private people (a stabbing, a family quarrel, harassment), which ACLED "
                        "does not code", code="private violence")
    around = _before(text, rel, cues.period.window) + " " + _after(text, m.trigger_end - m.start, cues.period.window)
    if cues.period.words.contains(around) or cues.since_date.search(around):
        return Decision(False, "told over a period up to now (منذ أكثر من أسبوع، منذ 20 يوليو), not one event",
                        code="period")
    before = _before(text, rel, cues.pluperfect_window)
    aux = [h for h in cues.pluperfect_aux.find(before)]
    if not recent and "ongoing" in _clause_cues(text):
        return Decision(False, "ongoing fighting with no day of its own (المعارك الدائرة، تتواصل): no one event",
                        code="ongoing")
    if not recent and cues.still.before(text, rel):
        return Decision(False, "a state still going on (لا يزال، ما زالت القوات تتصدى): no one event", code="still")
    if not recent and cues.backdrop.words.contains(_before(text, rel, cues.backdrop.window) + " "
                                                    + text[rel : m.trigger_end - m.start]):
        return Decision(False, "the backdrop of the story, an activity going on (وسط تزايد الهجمات، في ظل قيام الطائرات "
                        "بشن غارات): no one event", code="backdrop")
    if not recent and cues.backdrop_joined is not None and _backdrop_joined(text, rel, cues.backdrop_joined):
        return Decision(False, "the backdrop of the story, the act joined to what a backdrop word governs (في ظل الضغوط "
                        "... وغارات التحالف): no one event", code="backdrop")
    ta = cues.territory_after
    if (not recent and m.sub_event_type in ta.sub_event_types
            and _starts_with(_word_at(text, rel), ta.nouns)
            and (ta.after.words.contains(_word_before(text, rel, ta.after.window)) or (ta.far is not None and ta.far.before(text, rel)))):  # fmt: skip
        return Decision(False, "a territory change named after بعد/منذ (منذ تحرير المدينة): the time of the news, told as "
                        "known", background=True, code="territory after")
    if not recent and "scattered" in _clause_cues(text):
        return Decision(False, "scattered places with no day of their own (في أنحاء متفرقة): no one event",
                        code="scattered")
    if not recent and _retold_at_conference(text, rel, cues.conference):
        return Decision(False, "an event retold at a press conference (قال في مؤتمر صحافي إن التفجير ...): told as known",
                        background=True, code="conference")
    if aux and any(f" {w} " in f" {before[aux[-1].end:]} " for w in _PLUPERFECT) and not recent:
        return Decision(False, "told in the pluperfect (كان ... قد): an earlier event recalled", background=True,
                        code="pluperfect")
    ra = cues.relative_act
    if (ra is not None and cues.relative is not None and not recent
            and _described_by_act(text, rel, cues.relative, ra)):  # fmt: skip
        return Decision(False, "someone or somewhere described by a past act in a relative clause (المتهم الذي تورط "
                        "بإطلاق النار، الرضيع الذي أحرقوا منزله): the clause describes, it does not report",
                        background=True, code="relative act")
    ca = cues.comes_after
    cat = cues.comes_after_told
    link = cat.link_at(text, rel) if cat is not None else None
    if link is not None and not (m.place_explicit and _own_time_after(
            text, link, m.trigger_end - m.start, ctx.published if ctx is not None else None, cat.durations)):
        return Decision(False, "what the news comes after (وتأتي هذه الغارات بعد أن ...): an earlier act with no time "
                        "of its own, told as its background", background=True, code="comes after")
    if ca is not None and not recent and ca.before(text, rel):
        return Decision(False, "what the news comes after (ويأتي ذلك في أعقاب ...، جاء هذا بعد أن ...): an earlier act "
                        "told as its background", background=True, code="comes after")
    kd = cues.known_described
    if (kd is not None and cues.relative is not None and not _own_day(m)
            and _known_act_described(text, rel, cues.relative, kd)):  # fmt: skip
        return Decision(False, "a known act opening the sentence, described by a relative clause (الجريمة التي "
                        "استهدفت ...، العملية التي نفذها ...), with no day of its own: the sentence comments on an act "
                        "told as known", background=True, code="known described")
    if not recent and cues.past.words.contains(_before(text, rel, cues.past.window) + " " + text[rel : rel + 80]):
        return Decision(False, "told as past background (last month, earlier, an anniversary)", background=True, code="past")
    two = _word_before(text, rel, 2).split()
    after_head = len(two) == 2 and cues.after.words.contains(two[0]) and cues.followup.heads.contains(two[1])
    if not recent and (after_head or cues.after.words.contains(_word_before(text, rel, cues.after.window)) and (
            _names_known(text, rel, m.trigger_end - m.start))):  # fmt: skip
        return Decision(False, "the time of something else, told as known (عقب الهجوم، بعد هجومه)", background=True,
                        code="after")
    if cues.battle_topic is not None and _battle_topic(m, text, rel, cues.battle_topic):
        return Decision(False, "fighting named as a topic (قدرات قواته في المعارك، الهرب من المعارك، دخول الحزب في "
                        "المعركة) with no day, toll or verb of its own: the war talked about, not a battle told",
                        code="battle topic")
    # a named actor anchors a tactic ("غارة أمريكية"), not a bare "هجمات"
    named = m.actor1 is not None and m.actor1.kind != "unidentified" and not m.generic
    anchored = (m.place_explicit or m.date_basis in ("explicit", "relative") or named
                or (m.casualties is not None and bool(m.casualties.killed or m.casualties.wounded)))  # fmt: skip
    if not anchored:
        return Decision(False, "a bare mention: no place, day, toll or named actor anchors an event", code="bare")
    return Decision(True)


def decide_all(mentions: list, doc: Any, ctx: ArticleContext | None, rejected: list | None = None) -> list:
    """The mentions that report events (see :func:`decide`); the others go to ``rejected`` with the reason."""
    decisions = [decide(m, doc.text[m.start : m.end], ctx) for m in mentions]
    decisions = _headline_of_a_tally(mentions, decisions, doc.text)
    decisions = _tally_told_again(mentions, decisions)
    decisions = _known_again(mentions, decisions, doc.text)
    decisions = _recalled_again(mentions, decisions)
    decisions = _no_conflict(mentions, decisions, doc)
    news = any(d.reported for d in decisions)
    keep = []
    for m, d in zip(mentions, decisions):
        if d.reported or (d.background and not news and _own_day(m)):
            keep.append(m)
        elif rejected is not None:
            reason = d.reason if not d.background or news else f"{d.reason}, with no day of its own (it would take the telling's)"
            rejected.append(Rejection(m.template_id, m.sentence_index, m.trigger, f"a mention, not an event: {reason}",
                                      code=d.code))
    for m in keep:
        if _protested_dead(m, doc.text) and rejected is not None:
            rejected.append(Rejection(m.template_id, m.sentence_index, m.trigger, _PROTESTED_DEAD, verb="counted",
                                      code="protested_dead"))
    return keep


def _no_conflict(mentions: list, decisions: list, doc: Any) -> list:
    """``decisions.no_conflict``: a shooting, a killing or an arrest (its sub-event types) reported in an article whose
    whole text names no armed group, force, war, blast or political cause ("أصيبت طفلة برصاصة مجهولة المصدر أثناء
    رحلة سياحية"، "تحقق الشرطة في مقتل طالب في حرم الجامعة"): a crime, an accident or a police case, which ACLED does
    not code. The text is read only when such a mention is reported, and only in an article of two sentences or more
    (a lone sentence, a headline or a snippet passed alone, is silent about its context, not an article that names none)."""
    nc = DecisionCues.load().no_conflict
    if nc is None or len(doc.sentences) < 2:
        return decisions
    if not any(d.reported and m.sub_event_type in nc.sub_event_types for m, d in zip(mentions, decisions)):
        return decisions
    if nc.words.contains(doc.text):
        return decisions
    return [Decision(False, "no conflict named anywhere in the article (no armed group, force, war, blast or political "
                            "cause): a crime, an accident or a police case, which ACLED does not code",
                     code="ordinary crime")
            if d.reported and m.sub_event_type in nc.sub_event_types else d
            for m, d in zip(mentions, decisions)]


#: The flag of a protest whose sentence's dead are the act it is against.
_PROTESTED_DEAD = "fatalities: the dead the protest is against (احتجاجا على قتل), not its own"


def _protested_dead(m: Any, text: str) -> bool:
    """A protest or riot "احتجاجا على قتل فلان": the killing is what the crowd protests, told as known, and its
    dead are no fatalities of the protest (the protested cue of ``decisions.protested`` within its window of
    words before the death word)."""
    cas = m.casualties
    if m.event_type not in ("Protests", "Riots") or cas is None or not cas.killed or cas.killed_span is None:
        return False
    at = cas.killed_span[0]
    if not (m.start <= at <= m.end) or not DecisionCues.load().protested.cue.before(text[m.start : at], at - m.start):
        return False
    m.casualties = replace(cas, killed=None, killed_span=None)
    m.flags = m.flags + [_PROTESTED_DEAD]
    return True


_FIGURE = re.compile(r"(?<!\d)\d{2,}(?!\d)")


def _headline_of_a_tally(mentions: list, decisions: list, text: str) -> list:
    """"تركيا تعتقل 590 ..." over "اعتقلت الشرطة في جميع أنحاء تركيا 590 شخصا": the headline gives the count the
    body tells as a tally (decision code ``aggregate``), of the same kind of act; it is that tally, not one event.
    The headline is the article's first mention; the link is the same sub-event type and a figure (two digits
    or more) both tellings give."""
    if not mentions or not mentions[0].lead or not decisions[0].reported:
        return decisions
    head = mentions[0]
    figures = set(_FIGURE.findall(text[head.start : head.end]))
    if not figures:
        return decisions
    for m, d in zip(mentions[1:], decisions[1:]):
        if d.code == "aggregate" and m.sub_event_type == head.sub_event_type and figures & set(
            _FIGURE.findall(text[m.start : m.end])
        ):
            return [Decision(False, "the headline's count is the tally its body tells (the same figure, the same kind "
                                    "of act), not one event", code="aggregate")] + decisions[1:]
    return decisions


#: The decision codes of a tally (a toll summed over places or a period), whose figure a later clause may repeat.
_TALLY_CODES = frozenset({"aggregate", "period"})


def _tally_told_again(mentions: list, decisions: list) -> list:
    """"قتل 40 شخصا في اشتباكات تدور منذ أكثر من أسبوع ..." then "سقط 40 قتيلا في اشتباكات عنيفة": a clause with no day of
    its own whose dead (10 or more) are the figure of a tally the article tells (decision code ``aggregate`` or
    ``period``) of the same kind of act is that tally told again, not one event. A clause that dates its act
    ("قتل 15 في تفجير أمس") stays, whatever figure it shares."""
    tallies = {(m.sub_event_type, m.casualties.killed) for m, d in zip(mentions, decisions)
               if d.code in _TALLY_CODES and m.casualties is not None and (m.casualties.killed or 0) >= 10}
    if not tallies:
        return decisions
    out = list(decisions)
    for i, (m, d) in enumerate(zip(mentions, decisions)):
        if (d.reported and not _own_day(m) and m.casualties is not None
                and (m.sub_event_type, m.casualties.killed) in tallies):  # fmt: skip
            out[i] = Decision(False, "the dead of a tally the article tells (the same figure, the same kind of act) told "
                              "again with no day of its own, not one event", code="aggregate")
    return out


def _known_again(mentions: list, decisions: list, text: str) -> list:
    """A known act told again, away from the article's lead, when the lead reports a different act: the trigger
    carries the article or a pronoun ("نتج عن الحادث ..."، "أسفر الهجوم عن ..."), its clause names neither a day
    nor a place of its own, it stands ``decisions.known_again.distance`` sentences or more after the first
    reported mention, and that mention is an act of another event type, neither of them a demonstration or riot
    (``not_types``: "المحتجين"، "الحجارة" name the lead protest's own crowd as it turns violent). The news is the lead's; this is an earlier
    act retold as its background, and it would take the telling's day and the article's place."""
    cues = DecisionCues.load()
    dist = cues.known_again
    first = next((i for i, d in enumerate(decisions) if d.reported), None)
    if not dist or first is None:
        return decisions
    lead = mentions[first]
    out = list(decisions)
    for i, (m, d) in enumerate(zip(mentions, decisions)):
        if (i > first and d.reported and m.event_type != lead.event_type
                and not {m.event_type, lead.event_type} & cues.known_again_not
                and m.sentence_index - lead.sentence_index >= dist and not _own_day(m) and not m.place_explicit
                and _names_known(text, m.trigger_start, m.trigger_end)):  # fmt: skip
            out[i] = Decision(False, "a known act told again away from the lead, which reports another act "
                              "(نتج عن الحادث، أسفر الهجوم عن), with no day or place of its own: background retold",
                              code="known again")
    return out


def _recalled_again(mentions: list, decisions: list) -> list:
    """The other tellings of an act a follow-up statement recalls (``decisions.further_to``: "إلحاقا لما سبق إعلانه
    بشأن حدوث تفجير ..."): at the place of the recalled act, with no day of their own ("نتج عن الحادث الإجرامي
    استشهاد 15"، "أن منفذ تفجير المسجد تم إيقافه"), they tell the same act again, which was reported before."""
    places = {m.place.location for m, d in zip(mentions, decisions)
              if d.code == "further to" and m.place is not None and m.place.location}  # fmt: skip
    if not places:
        return decisions
    return [Decision(False, "another telling of the act a follow-up statement recalls (إلحاقا لما سبق إعلانه), at its "
                     "place and with no day of its own: the act was reported before", code="further to")
            if d.reported and not _own_day(m) and m.place is not None and m.place.location in places else d
            for m, d in zip(mentions, decisions)]  # fmt: skip


def _own_day(m: Any) -> bool:
    """Whether a telling dates its event itself (a date or "أمس"), rather than taking the publication day: an
    article that only retells an earlier event ("بعد حادث إطلاق النار الأخير") with no day would re-date it."""
    return m.date_basis in ("explicit", "relative")


# --------------------------------------------------------------------------- places

#: The flag place_policy sets on a row that takes the article's main place.
_INHERITED = "place: the article's main place"


@functools.cache
def _place_words() -> tuple[PhraseMatcher, PhraseMatcher]:
    d = check_keys("places", assembly_data()["places"], {"region_words", "settlement_words"})
    return (word_matcher("places.region_words", d["region_words"]),
            word_matcher("places.settlement_words", d["settlement_words"]))  # fmt: skip


def names_region(text: str, p: Any) -> bool:
    """Whether the country name at ``p`` is told as a region of it ("شرق سوريا", "جنوب لبنان")."""
    if p is None or p.start < 0:
        return False
    before = text[max(0, p.start - 20) : p.start].split()
    return any(_place_words()[0].contains(" ".join(before[-n:])) for n in (1, 2) if len(before) >= n)


_REGION_SEAT = "place: a region of the country, coded at its main province's seat (precision 3)"


def _told_region(text: str, e: Any) -> str:
    """The direction of "في شرق البلاد" in the event's own sentence, or "": the article's country by a region."""
    return country_word_direction(text[e.start : e.end]) if e.start >= 0 else ""


def _told_seat(text: str, e: Any, country: str) -> Any:
    """The seat of the region of ``country`` that the event's sentence names ("في جنوب شرق البلاد"), or None."""
    told = _told_region(text, e)
    return replace(seat, start=-1, end=-1) if told and (seat := Gazetteer.load().seat_of_region(country, told)) else None


def _at_region_seat(e: Any, seat: Any, out: list, rejected: list | None) -> None:
    """An event told only in a region of a country: coded at the seat of the region's main province
    (precision 3), or, when the region has none listed, not coded and the reason kept."""
    if seat is not None:
        e.place, e.place_explicit = seat, True
        e.flags = e.flags + [_REGION_SEAT]
        out.append(e)
    elif rejected is not None:
        rejected.append(Rejection(e.template_id, e.sentence_index, e.trigger,
                                  "not coded: only a region of the country is named, and no province "
                                  "of it is the region's main one (place_words.yaml region_seats)",
                                  code="region"))  # fmt: skip


def place_policy(events: list, ctx: ArticleContext | None, rejected: list | None = None, text: str = "") -> list:
    """ACLED codes no event at country precision and none without a location (codebook: spatial
    precision). A row with only a country takes the article's main place there; one told in a region
    of the country ("شرق سوريا") takes the seat of the region's main province at precision 3, or is
    not emitted when the region has none listed; else it is not emitted."""
    out = []
    for e in events:
        p = e.place
        if p is not None and p.location not in ("", p.country):
            seat = None if e.place_explicit else _told_seat(text, e, p.country)
            if seat is not None:
                # "... في جنوب شرق البلاد" in a sentence that inherited another place of the article
                e.place = seat
                e.flags = e.flags + [_REGION_SEAT]
            out.append(e)
            continue
        unknown_town = _place_words()[1].contains(text[e.start : e.end])
        if unknown_town:
            # "في مدينة مانديرا في شمال شرق كينيا": a town is named, only not one the gazetteer knows;
            # neither the country nor the article's main place would be where it happened
            if rejected is not None:
                rejected.append(Rejection(e.template_id, e.sentence_index, e.trigger,
                                          "not coded: it names a town or village the gazetteer does not know",
                                          code="unknown place"))  # fmt: skip
            continue
        if p is not None and e.place_explicit and names_region(text, p) and region_direction(text, p.start):
            # "شرق سوريا" (not "وسط أعلام العراق", amid): ACLED codes a larger region at the seat of its main
            # province (precision 3)
            _at_region_seat(e, Gazetteer.load().region_seat(text, p), out, rejected)
            continue
        told = _told_region(text, e)
        country = p.country if p is not None else (ctx.focus_country if ctx is not None else None)
        if told and country:
            # "قتل جندي في هجوم في شرق البلاد": the region of the article's country, not its main place
            seat = Gazetteer.load().seat_of_region(country, told)
            _at_region_seat(e, replace(seat, start=-1, end=-1) if seat is not None else None, out, rejected)
            continue
        main = ctx.main_place if ctx is not None else None
        if main is not None and (p is None or main.country == p.country):
            e.place, e.place_explicit = replace(main, start=-1, end=-1), False
            e.flags = e.flags + [_INHERITED]
            out.append(e)
            continue
        if rejected is not None:
            why = ("only a country is named, and ACLED codes no event at country precision" if p is not None
                   else "no place is named or can be inherited from the article")  # fmt: skip
            rejected.append(Rejection(e.template_id, e.sentence_index, e.trigger, f"not coded: {why}"))
    return out


#: An event no telling dates is background when first told this many sentences into the article.
UNDATED_AFTER = 8


def undated_background(events: list, rejected: list | None = None) -> list:
    """An event that no telling dates ("أمس", "الخميس", a date) and that is first told deep in the article is
    background or analysis more often than news: the news of the day is in the lead, or dated."""
    out = []
    for e in events:
        if e.date_basis in ("published", "unresolved") and min(e.sentence_indexes) >= UNDATED_AFTER:
            if rejected is not None:
                rejected.append(Rejection(e.template_id, e.sentence_index, e.trigger,
                                          "a mention, not an event: told deep in the article with no day of its own",
                                          code="undated"))  # fmt: skip
            continue
        out.append(e)
    return out


def assemble(mentions: list, doc: Any, ctx: ArticleContext | None, rejected: list | None = None) -> list:
    """Mentions -> events: decide, cluster, place (see module docstring)."""
    from .merge import merge_mentions

    reported = decide_all(mentions, doc, ctx, rejected)
    events = undated_background(merge_mentions(reported, rejected, doc.text), rejected)
    return act_day(fold_inherited(place_policy(events, ctx, rejected, doc.text), rejected), doc, ctx)


@functools.cache
def _act_day_words() -> PhraseMatcher:
    d = check_keys("act_day", assembly_data()["act_day"], {"words"}, {"other"})
    return word_matcher("act_day.words", d["words"])


@functools.lru_cache(maxsize=1)
def _other_act_words() -> frozenset[str]:
    """act_day.other: "حادث مماثل وقع في مارس": the day of another act, compared with the row's."""
    return frozenset(normalize_key(w) for w in assembly_data()["act_day"].get("other") or ())


def _of_another_act(text: str, at: int) -> bool:
    """Whether one of act_day.other stands in the two words before ``at``."""
    return any(normalize_key(w) in _other_act_words() for w in text[max(0, at - 40) : at].split()[-2:])


def act_day(events: list, doc: Any, ctx: ArticleContext | None) -> list:
    """An announcement dated by its own day ("أعلن الجيش أمس أن غارة قتلت قياديا") whose next words give the
    act's own day ("وأنه قتل في ضربة وقعت في 11 يوليو", ``act_day.words`` then a date, in one of the row's
    sentences or the one after it): the row takes the
    act's day when it lies more than three days before the announcement's. Only for a row no telling dates
    itself (its day is the publication's or the lead's)."""
    published = ctx.published if ctx is not None else None
    sentences = getattr(doc, "sentences", None) or []
    for e in events:
        if e.date_basis != "published" or e.event_date is None:
            continue
        idx = sorted({j for i in e.sentence_indexes for j in (i, i + 1)})
        for i in idx:
            if not 0 <= i < len(sentences):
                continue
            text = sentences[i].text
            day = None
            for h in _act_day_words().find(text):
                if _of_another_act(text, h.start):
                    continue
                rest = text[h.end :].lstrip()
                found = [d for d in find_dates(rest[:40], published) if d.start == 0 and d.kind == "absolute"]
                if found and found[0].date is not None and (e.event_date - found[0].date).days > RECENT_DAYS:
                    day = found[0]
                    break
            if day is not None:
                e.event_date, e.time_precision, e.date_basis = day.date, day.precision, "explicit"
                e.flags = e.flags + ["date: the act's own day (وقعت في ...), not the announcement's"]
                break
    return events


#: Event types that tell what an incident did to people ("مقتل القيادي"), rather than the fighting itself.
_EFFECT_TYPES = frozenset({"Violence against civilians", "Strategic developments"})


def fold_inherited(events: list, rejected: list | None = None) -> list:
    """ACLED's one-event rule across types for a row that names no place of its own: a telling of what was done
    to people (violence against civilians, a strategic development) or with no tactic, that only names the
    country ("مقتل القيادي في أفغانستان") and takes the article's main place, on the day of another row of the
    article there, of another type, is that event told again (a strike and the killing it caused), not a
    second one. A battle or explosion told so stays: two attacks in one city on one day are two events. It folds into that row; the higher-precedence type wins
    (``precedence`` in data/assembly.yaml, as in clustering); demonstrations are left to their own rule."""
    from .merge import merge_into

    demo = precedence().demonstrations
    out: list = []

    def hosts(o, e) -> bool:
        """Whether ``o`` can take ``e`` in: another type (not a demonstration), the same place and day."""
        return (o is not e and o.event_type != e.event_type
                and o.event_type not in demo and o.place is not None and e.place is not None
                and o.place.location == e.place.location and o.event_date == e.event_date)  # fmt: skip

    for i, e in enumerate(events):
        # the host may be one too (both name the country)
        if _INHERITED in e.flags and (e.event_type in _EFFECT_TYPES or e.generic) and e.event_type not in demo:
            # an earlier row, or a later one: a headline with no tactic ("تصعيد العنف بهجومين قتلا 4 جنود") over
            # the body's suicide bombing at the article's main place that day
            host = next((o for o in out if hosts(o, e)), None) or next((o for o in events[i + 1 :] if hosts(o, e)), None)
            if host is not None:
                span = host.start, host.end, host.sentence_index
                merge_into(host, e)
                host.start, host.end, host.sentence_index = span  # the evidence stays the telling with a place
                if rejected is not None:
                    rejected.append(Rejection(e.template_id, e.sentence_index, e.trigger,
                                              "folded: a telling with no place of its own, on the day of another event "
                                              "at the article's main place, is that event told again (ACLED: one event, "
                                              "the higher-precedence type)", code="one event"))  # fmt: skip
                continue
        out.append(e)
    return out
