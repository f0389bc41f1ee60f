"""The rule files in ``extractor/data`` checked against a schema when they are loaded.

A misspelt key read with ``.get()`` is silently ignored, so every rule file is validated at
load: unknown or missing keys, wrong types, duplicate ids or mapping keys, and event or
sub-event types that are not ACLED's are one :class:`RuleFileError` naming the file and line
(PyYAML's node marks give the lines).

**To add a key** to a file: add it to that file's entry in :data:`SCHEMAS` (JSON Schema,
with a ``description``: that text becomes the key list in the file's header), then run
``rasd rules check --write-headers``. Checks a schema cannot say (a pair of types that must
match, an id used twice) are the functions in :data:`CHECKS`, also one entry per file.
Word lists (``*.txt``, one entry a line, ``#`` comments) are checked by
:func:`check_word_list`.

Loaders call :func:`load_yaml` (one call, in place of ``yaml.safe_load``) or
:func:`check_word_list`; ``rasd rules check`` runs :func:`check_all` alone.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .record import EVENT_TYPES

try:  # libyaml is much faster on the 100 KB files; same nodes, same marks
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader  # type: ignore[misc]

SUB_EVENT_TYPES = tuple(s for subs in EVENT_TYPES.values() for s in subs)


@dataclass
class RuleFileError(ValueError):
    """One problem in one rule file, at one line (1-based; 0 when the file as a whole is wrong)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


class RuleFileErrors(ValueError):
    """All the problems found in one file (raised by the loaders: the first one is in the message)."""

    def __init__(self, errors: list[RuleFileError]):
        self.errors = errors
        more = f" (and {len(errors) - 1} more: run `rasd rules check`)" if len(errors) > 1 else ""
        super().__init__(f"{errors[0]}{more}")


# ----------------------------------------------------------------------------- schema pieces
def _s(desc: str, **kw) -> dict:
    return {"type": "string", "minLength": 1, "description": desc, **kw}


def _phrases(desc: str) -> dict:
    return {"type": "array", "items": {"type": "string", "minLength": 1}, "description": desc}


def _int(desc: str, **kw) -> dict:
    return {"type": "integer", "description": desc, **kw}


def _bool(desc: str) -> dict:
    return {"type": "boolean", "description": desc}


def _obj(props: dict, required: tuple = (), desc: str = "", **kw) -> dict:
    return {"type": "object", "properties": props, "required": list(required), "additionalProperties": False,
            "description": desc, **kw}  # fmt: skip


def _map(values: dict, desc: str, keys: dict | None = None) -> dict:
    """A mapping with free keys (country names, numbers) and one value schema."""
    out = {"type": "object", "additionalProperties": values, "description": desc}
    if keys:
        out["propertyNames"] = keys
    return out


def _list(items: dict, desc: str) -> dict:
    return {"type": "array", "items": items, "description": desc}


_EVENT = _s("ACLED event type", enum=list(EVENT_TYPES))
_SUB = _s("ACLED sub-event type (of that event type)", enum=list(SUB_EVENT_TYPES))


def _retype(desc: str) -> dict:
    return _obj({"event_type": _EVENT, "sub_event_type": _SUB}, ("event_type", "sub_event_type"), desc)


_DATE = {"type": ["string", "null"], "format": "date", "description": "YYYY-MM-DD, or null (open)"}
_NUM_KEY = {"pattern": r"^-?[0-9]+$"}

TEMPLATE = _obj({
    "id": _s("unique name of the template (rows and --explain show it)"),
    "event_type": _EVENT,
    "sub_event_type": _SUB,
    "precedence": _int("when several templates fire for one event, the highest wins (default 0)"),
    "confidence": {"type": "number", "minimum": 0, "maximum": 1,
                   "description": "prior for a match of this template (default 0.7)"},
    "note": _s("the event's short English description (default: the sub-event type)"),
    "triggers": _phrases("the phrases that fire the template"),
    "needs": _phrases("cue phrases one of which must be in the same sentence"),
    "needs_imperfect": _phrases("imperfect-verb cues that count as `needs` only in a headline or in a sentence "
                                "with a past anchor (clause.yaml past_anchors): the body's imperfect tells no past act"),
    "unless": _phrases("phrases in the same sentence that cancel the template"),
    "air_if": _phrases("phrases that make a bare shelling an air strike"),
    "if_target_armed": _retype("re-type when the target is an armed actor"),
    "state_becomes": _retype("re-type when the actor is a state force"),
    "ground_if_nonstate": _obj({
        "air_words": _phrases("words that keep it an air strike"),
        "civilians": _retype("re-type against civilians"),
        "armed": _retype("re-type against armed actors"),
    }, desc="re-type a raid by a non-state actor (no air force) as a ground attack"),
    "air_by_foreign_state": _obj({"unless": _phrases("phrases that block it")},
                                 desc="a strike by a foreign state is an air strike unless ..."),
    "needs_actor": _list(_s("an actor kind of actors.yaml (kind_inter), or armed"),
                         "the trigger counts only with a participant of one of these kinds"),
    "battle_if_two_armed": _bool("two armed sides make it an armed clash"),
    "verb_only": _bool("the trigger counts only as a verb, not as a noun"),
    "generic": _bool("a generic trigger: yields to a specific one in the same event"),
}, ("id", "event_type", "sub_event_type", "triggers"), "one event template")

TRIGGERS = _obj({
    "templates": _list(TEMPLATE, "trigger phrases -> ACLED event type and sub-event type"),
    "modifiers": _list(_obj({
        "applies_to": _list(_SUB, "the sub-event types it upgrades"),
        "cues": _phrases("phrases in the sentence that upgrade it"),
        "becomes": _retype("the new types"),
    }, ("applies_to", "cues", "becomes")), "cues that upgrade a protest once it is found"),
    "air_capable_actors": _phrases("ACLED actor names that, named by a bare shelling, fight from the air"),
    "roles": _obj({
        "window": _int("tokens before an actor searched for a cue", minimum=0),
        "target_cues": _phrases("an armed actor right after one is struck, not striking"),
        "by_cues": _phrases("an actor right after one is the perpetrator"),
    }, desc="argument roles"),
    "filters": {"type": "object", "description": "what ACLED does not code",
                "properties": {
                    "window": _int("tokens before the trigger searched by `before` lists (default 4)", minimum=0),
                    "sentence": _map(_phrases("phrases"), "name -> phrases anywhere in the sentence that cancel it"),
                    "remembered": _phrases("commemoration words: a trigger after one is the event remembered (history)"),
                    "lift": _map(_obj({
                        "event_types": _list(_EVENT, "the event types it lets through"),
                        "cues": _phrases("phrases in the sentence that lift it"),
                    }, ("event_types", "cues")), "sentence filter name -> cues that lift it for these event types"),
                },
                "additionalProperties": _obj({
                    "before": _phrases("phrases within `window` tokens before the trigger"),
                    "window": _int("its own window", minimum=0),
                }, ("before",), "a named filter (negation, future ...)")},
}, ("templates",))

_COUNTRY = _obj({
    "of": _s("the form used after 'of' (Military Forces of the United States)"),
    "adj": _phrases("Arabic adjective stems (السوري*)"),
    "names": _phrases("Arabic names of the country"),
    "periods": _list({"type": "array", "minItems": 3, "maxItems": 3,
                      "prefixItems": [_DATE, _DATE, {"type": "string"}]},
                     "[from, to, label] government periods ({period})"),
})
_DATED = _obj({"from": _DATE, "to": _DATE, "name": _s("the name in that range"), "kind": _s("actor kind"),
               "country": _s("ACLED country")}, desc="a renaming in a date range (from inclusive, to exclusive)")
ACTORS = _obj({
    "kind_inter": _map(_int("ACLED inter code", minimum=1, maximum=8), "actor kind -> ACLED inter code"),
    "countries": _map(_COUNTRY, "ACLED country name -> its Arabic forms and periods"),
    "fillers": _phrases("words skipped between a force word and its country adjective"),
    "generic_state_forces_in": _map(_s("ACLED actor name"), "country -> name for bare state-force words"),
    "ignore": _phrases("words that are never actors"),
    "state_words": _list(_obj({
        "role": _s("military or police", enum=["military", "police"]),
        "aliases": _phrases("Arabic forms"),
        "country": _s("ACLED country"),
        "only_in": _phrases("countries where it applies"),
        "needs_country": _bool("drop it when no country is found"),
    }, ("role", "aliases")), "state-force words"),
    "groups": _list(_obj({
        "name": _s("ACLED actor name"),
        "kind": _s("actor kind (a key of kind_inter)"),
        "aliases": _phrases("Arabic forms"),
        "country": _s("ACLED country"),
        "assoc": _s("associated actor"),
        "by_country": _map(_s("ACLED actor name"), "event country -> the name ACLED uses there"),
        "context_aliases": _phrases("forms that count only with context_only_in"),
        "context_only_in": _phrases("countries where context_aliases count"),
        "dated": _list(_DATED, "renamings by date"),
        "only_in": _phrases("countries where it applies"),
        "source": _s("where the name comes from (hand-kept, ACLED reference, ...)"),
    }, ("name", "kind")), "named groups"),
    "roles": _list(_obj({
        "name": _s("ACLED actor name"),
        "kind": _s("actor kind (a key of kind_inter)"),
        "aliases": _phrases("Arabic forms"),
        "country": _s("ACLED country"),
        "assoc": _s("associated actor"),
        "window": _int("tokens searched by needs_near (default 8)", minimum=0),
        "needs_near": _phrases("words one of which must be near"),
        "needs_before": _phrases("words one of which must come within `window` words before"),
        "agent": _bool("the actor these forms name acts, it is never the target"),
        "by_country": _map(_s("ACLED actor name"), "event country -> the name ACLED uses there"),
    }, ("name", "kind")), "people named by their role"),
    # roles from the clause (extractor/resolve/actors.py)
    "source": _s("where the hand-kept names come from"),
    "speech_verbs": _phrases("verbs of saying: their subject is a speaker, not a participant"),
    "speaker_doer": _phrases("words after a speech verb that make the speaker the doer (إنه ...)"),
    "speaker_own": _phrases("words after a speech verb that name the speaker's own forces"),
    "agent_cues": _obj({"near": _phrases("cues shortly before the perpetrator"),
                        "next": _phrases("cues right before the perpetrator")}, desc="'by' phrases"),
    "victim_verbs": _phrases("passive verbs whose subject is the victim"),
    "support_cues": _phrases("words that make a force the escort, not the target"),
    "source_nouns": _phrases("nouns of a reporting body (ministry, agency)"),
    "source_links": _phrases("words linking a reporting body to its owner"),
    "state_targets": _map(_phrases("words"), "force role -> its sites and members as targets"),
    "civilian_objects": _phrases("civilian objects whose strike with casualties targets civilians"),
    "settlements": _phrases("towns, villages and quarters whose shelling from another country's side, no target named, strikes their people"),
    "armed_sites": _phrases("sites of an armed side (camps, positions, arms depots) whose air strike names its target side"),
    "group_heads": _phrases("unit nouns that head a named armed group (كتيبة، لواء)"),
    "vague_victims": _phrases("victim nouns that name no side"),
    "casualty_words": _phrases("words for the dead and wounded"),
    "attacker_anaphora": _phrases("words that refer back to the attackers of an earlier sentence (القوات المهاجمة)"),
    "sides_anaphora": _phrases("words that refer back to the two sides an earlier sentence names (بين الطرفين)"),
    "allies": {"type": "array", "items": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 2},
               "description": "groups of ACLED actor names (period suffix left out) that fight on one side, never each other"},
    "attribution_cues": _phrases("words before a speech verb that attribute the report (بحسب ما): its subject is a source wherever it stands"),
    "owned_targets": _phrases("nouns whose owner named right after them is the target, not the agent (مسجد، مقر)"),
    "owned_by_link": _phrases("vehicles whose owner named after a link word (تابعة ل) is the target, not the agent "
                              "(دبابة تابعة للحوثيين); named right after them the owner may be the one firing "
                              "(دبابات الجيش)"),
    "opponent_cues": _phrases("words just before 'A و B' that make A and B opponents or victims, not allies (بين، اشتباكات)"),
}, ("kind_inter", "countries"))

_WORDS5 = {k: _phrases(k) for k in ("verbs", "nouns", "plurals", "singulars", "duals")}
CASUALTIES = _obj({
    "death": _obj(_WORDS5, desc="words that report deaths"),
    "injury": _obj(_WORDS5, desc="words that report injuries"),
    "backward": _phrases("death words whose victims stand before them"),
    "one_death_phrases": _phrases("phrases that report one death"),
    "vague_death_phrases": _phrases("phrases that report an unknown number of deaths"),
    "vague": _map(_phrases("words"), "number -> vague words (dozens ...)", _NUM_KEY),
    "no_casualties": _phrases("phrases saying nobody was hurt"),
    "no_deaths": _phrases("phrases saying nobody was killed"),
    "filler": _phrases("words allowed between a number and its noun"),
    "toll_words": _phrases("fillers that make the figure a cumulative toll (ارتفعت حصيلة)"),
    "plural_nouns": _phrases("victim nouns in the plural"),
    "stop": _phrases("words that end a victim phrase"),
    "not_victim": _phrases("nouns that are not victims"),
    "dual_stems": _phrases("stems whose dual counts two"),
    "dual_an_stems": _phrases("stems whose -ان dual counts two"),
    "person_nouns": _phrases("victim nouns in the singular that count one each when joined by و (رجل وامرأة وطفل)"),
    "range_connectors": _phrases("words between two figures of a range, the lower is kept (بين 5 و7، 5 الى 7، 5-7)"),
    "range_glued": _phrases("connectors that may be glued to the second figure of a range (و7، او7)"),
    "before_figure": _phrases("words and phrases passed over whole, without clitics, between a casualty word and its "
                              "figure (مقتل بين 5 و7، مقتل على الأقل 5)"),
    "group_joiners": _phrases("words, without clitics, that add a further group of the dead to a first one told with its "
                              "figure (استشهاد عشرة إضافة إلى ثلاثة من العاملين)"),
    "met_verbs": _phrases("verbs whose figure stands after them and whose death noun comes later (لقي 20 شخصا حتفهم)"),
    "one_other": _phrases("'another' in the singular after a death verb joined to an injury verb: one killed, one "
                          "wounded (إن جنديا قتل وأصيب آخر)"),
    "day_words": _phrases("words of the day passed over between a death verb or noun and the figure right after them "
                          "(قتل أمس ستة على الأقل); a month after the figure makes it a date"),
    "day_qualifiers": _phrases("words that qualify a day told after a death verb (أمس الأول، الخميس الماضي): no victim"),
    "circumstance_words": _phrases("prepositions of the act's circumstance that may open a short phrase between a "
                                   "death verb and its figure (وقتل خلال المواجهات في الحي 28 شخصا، وقتل إثر "
                                   "الغارة عشرة مسلحين)"),
    "circumstance_breaks": _phrases("words that end such a phrase: the figure after them is not the dead's (قتل في "
                                    "غارة مع اثنين من مرافقيه، قتل في الهجوم على 3 مواقع)"),
}, ("death", "injury", "person_nouns", "range_connectors", "range_glued", "before_figure"))

DATES = _obj({
    "months": _map(_phrases("names"), "month number -> names", _NUM_KEY),
    "ambiguous_months": _phrases("month names that are also ordinary words"),
    "month_cues": _phrases("words before a bare month name that make it a date"),
    "month_current": _phrases("after a month: this month"),
    "month_last": _phrases("after a month: last month"),
    "month_next": _phrases("after a month: next month"),
    "year_current": _phrases("this year"),
    "year_last": _phrases("last year"),
    "weekdays": _map(_phrases("names"), "Python weekday number (Monday 0) -> names", _NUM_KEY),
    "weekday_prefixes": _phrases("words that may stand before a weekday"),
    "weekday_past": _phrases("after a weekday: strictly before publication"),
    "weekday_next": _phrases("after a weekday: strictly after publication"),
    "relative": _list(_obj({
        "days": _int("offset in days from the anchor"),
        "unit": _s("week or month", enum=["week", "month"]),
        "offset": _int("-1 previous, 0 current"),
        "words": _phrases("the expressions"),
    }, ("words",)), "relative expressions"),
    "not_today_after": _phrases("words after اليوم that do not mean today"),
    "year_cues": _phrases("words before a bare year"),
    "reporting_verbs": _phrases("verbs that frame a report"),
    "complementisers": _phrases("words after a reporting verb"),
    "other_event_heads": _phrases("nouns whose genitive event noun takes the date after it (مخلفات انفجار يوم الثلاثاء)"),
    "hijri_months": _map(_phrases("names"), "Hijri month number -> names", _NUM_KEY),
    "hijri_markers": _phrases("words after a year that mark it Hijri (هـ)"),
    "days_after": _obj({
        "heads": _phrases("the word before the count (بعد)"),
        "counts": _map(_phrases("words"), "days -> a count told in one word (يومين، أسبوع)", _NUM_KEY),
        "links": _phrases("the word between the count and the earlier event (من، على)"),
    }, ("heads", "counts", "links"), desc="'بعد يومين من مجزرة': the event after the link came that many days before"),
    "day_after": _obj({
        "words": _phrases("the words that stand for 'the day after' (غداة)"),
        "window": _int("at most this many words between the word and the trigger"),
    }, ("words", "window"), desc="'غداة الهجوم': the act after the word came the day before the time of its clause"),
    "days_ago_before": _phrases("words before 'ثلاثة أيام' that count the days back (قبل، منذ)"),
    "days_ago_nouns": _phrases("the day nouns of 'قبل ثلاثة أيام' (the number words: numbers.yaml units 3-7)"),
    "weeks_ago": _obj({
        "one": _phrases("one week (أسبوع)"),
        "two": _phrases("two weeks (أسبوعين)"),
        "plural": _phrases("the plural after a number 3-7 (أسابيع)"),
    }, ("one", "two", "plural"), desc="'قبل سبعة أسابيع': weeks counted back after days_ago_before, dated to the week"),
    "first_day": _phrases("words for the first day of a month in place of a day number (أول أبريل)"),
    "ordinal_not_after": _phrases("words after which an ordinal is no day (الأسبوع الثاني من مارس)"),
    "ordinal_days": _map(_phrases("ordinal words"), "day number -> ordinal words told before من and a month (الثالث من مارس)", _NUM_KEY),
    "year_words": _phrases("words between a month and its year (5 أبريل عام 2024)"),
}, ("months", "weekdays", "relative", "days_ago_nouns", "first_day", "year_words"))

NUMBERS = _obj({
    **{k: _map(_phrases("words"), f"value -> {k} words", _NUM_KEY)
       for k in ("units", "tens", "hundreds", "scales", "scale_duals")},
    "teen": _phrases("the teen stem words"),
    "half": _phrases("words for a half"),
    "vague_scales": _phrases("plural scale words that alone are a vague quantity, not a figure (مئات، آلاف)"),
    "one_adjective": _phrases("forms of واحد that after a noun are an adjective (من أسرة واحدة), not a count"),
}, ("units", "teen", "tens", "hundreds", "scales", "scale_duals", "half", "vague_scales", "one_adjective"))

_ISO3 = {"pattern": "^[A-Z]{3}$"}
PLACES_EXTRA = _obj({
    "priority_countries": _list(_s("ISO3", pattern="^[A-Z]{3}$"), "countries whose small towns are kept"),
    "min_population_other": _int("minimum town population outside priority countries", minimum=0),
    "min_population_other_rare": _int("towns outside priority countries from this population up to "
                                      "min_population_other are kept as rare", minimum=0),
    "min_population": _map(_int("population", minimum=0), "ISO3 -> minimum town population", _ISO3),
    "region_by_subregion": _map(_s("ACLED region"), "UN M49 sub-region -> ACLED region"),
    "country_regions": _map(_s("ACLED region"), "ISO3 -> ACLED region (overrides)", _ISO3),
    "country_names": _map(_s("ACLED country name"), "ISO3 -> ACLED country name", _ISO3),
    "country_arabic": _map(_phrases("Arabic names"), "ISO3 -> Arabic names", _ISO3),
    "location_names": _map(_map(_s("ACLED spelling"), "gazetteer name -> ACLED's spelling"),
                           "ISO3 -> location names in ACLED's spelling", _ISO3),
    "admin1_names": _map(_map(_s("ACLED admin1"), "source name -> ACLED name"), "ISO3 -> admin1 renames", _ISO3),
    "admin2_names": _map(_map(_s("ACLED admin2"), "source name -> ACLED name"), "ISO3 -> admin2 renames", _ISO3),
    "admin1_auto_skip": _phrases("ISO3 codes whose admin1 is not derived automatically"),
    "admin1_codes": _map(_map(_s("ACLED admin1"), "code -> name"), "ISO3 -> GeoNames admin1 code -> name", _ISO3),
    "admin1_seats": _map(_map(_s("seat town"), "admin1 -> seat"), "ISO3 -> admin1 -> its seat", _ISO3),
    "places": _list(_obj({
        "kind": _s("what it is (town, admin1, ...)"),
        "iso3": _s("ISO3", pattern="^[A-Z]{3}$"),
        "name": _s("the ACLED/English name"),
        "ar": _phrases("Arabic forms"),
        "lat": {"type": "number", "minimum": -90, "maximum": 90, "description": "latitude"},
        "lon": {"type": "number", "minimum": -180, "maximum": 180, "description": "longitude"},
        "admin1": _s("admin1"),
        "admin2": _s("admin2"),
        "pop": _int("population", minimum=0),
    }, ("kind", "iso3", "name", "ar")), "hand-kept places"),
}, ("places",))

_PART = _s("a part name (a key of parts)")
CLITICS = _obj({
    "parts": _map(_phrases("its forms"), "part name (conjunction, preposition, article, future) -> its forms"),
    "contractions": _map(_s("how it is written"), "letters as joined -> as written (لال -> لل)"),
    "proclitics": _map(_obj({
        "use": _s("which matchers use it and why it differs from the others"),
        "chains": _list(_list(_PART, "parts in the order they attach, each optional"), "the chains allowed"),
        "required": _list(_PART, "parts every form must contain"),
        "add": _phrases("forms allowed beyond the chains"),
        "drop": _phrases("forms of the chains left out"),
    }, ("use", "chains")), "variant name -> the proclitics one kind of matcher allows"),
    "suffixes": _map(_obj({
        "use": _s("which matchers use it"),
        "forms": _list({"type": "string"}, "the endings (\"\" for none)"),
    }, ("use", "forms")), "variant name -> the endings allowed after a whole word"),
}, ("parts", "proclitics", "suffixes"))

_WORDS = _phrases("words")
PLACE_WORDS = _obj({
    "type_words": _map(_WORDS, "place kind (town, area, admin1, admin2) -> the words naming it before a name "
                       "(مدينة، محافظة، مديرية)"),
    "plural_types": _phrases("type words in the plural: after one, a name starting with و is a list"),
    "near_words": _phrases("words before a name that put the event near it (ريف، محيط، قرب): precision 2"),
    "directions": _phrases("direction words before a name (شمال، جنوب شرق): near it"),
    "skip_words": _phrases("words passed over between modifiers and the name (من، الجنوبي)"),
    "direction_adjectives": _phrases("adjectives after a town that do not make it a club (الشمالي، الدولي)"),
    "adjective_heads": _phrases("masculine nouns before a town whose adjective after the town is theirs, no club "
                                "(مطار أبها السعودي، ميناء الحديدة اليمني)"),
    "adjective_keys": _phrases("country names that are also the feminine adjective (السعودية)"),
    "locating_words": _phrases("words between two names that make the second the first's reference point (في، قرب)"),
    "appositive_words": _phrases("words that, right after a comma between two names, open an aside saying where the "
                                 "first lies, not a list (في سروج، الواقعة قبالة مدينة كوباني)"),
    "inside_words": _phrases("words between two names that put the first inside the second, so in its country "
                             "(سروج في تركيا; not قرب)"),
    "countryside_words": _phrases("words that put an unknown place in a city's countryside (ريف، ضواحي)"),
    "locating_clitics": _phrases("clitics that, glued to the next name alone, make it the first's reference point "
                                 "(بلدة العوامية بالقطيف)"),
    "doubtful_clitics": _phrases("clitic letters that before a name that is no large city rather begin another "
                                 "word (فبركة is not ف + بركة)"),
    "verb_initials": _phrases("first letters of an imperfect verb (تدمر، يقصف، نقصف): a one-word name with one, "
                              "before a number, is the verb (تدمر 16 آلية)"),
    "reference_words": _phrases("words that may stand between a place and the direction word before its reference "
                                "point (التي تبعد 60 كلم شمال عدن)"),
    "scene_verbs": _phrases("verbs of witnessing whose subject, a town, is where the event happened "
                            "(وشهد مخيم بلاطة مواجهات)"),
    "leader_words": _phrases("words after which a name is who leads, not a place (التحالف بقيادة السعودية)"),
    "route_words": _phrases("words after which a name is an end of a road or bridge, not one more place of the event "
                            "(الطريق الرابط بين كركوك وأربيل، جسرا يربط لحج وعدن)"),
    "ranking_words": _phrases("superlatives and ordinals of a ranking: a name after بعد in a phrase with one is what "
                              "the place is compared with, not one more place of the event (ثالث أكبر مدينة بعد صنعاء)"),
    "goal_words": _phrases("masdars of a goal: a name right after one is what an operation is meant to protect or "
                           "secure, not one more place of the event (لاستعادة قاعدة العند وحماية عدن)"),
    "supply_words": _phrases("words of a supply line: a name after one (a preposition and a base word between) is "
                             "whose supplies were cut, not one more place of the event (قطعت طرق الإمداد على قاعدة "
                             "العند)"),
    "title_words": _phrases("words after which a name is part of a person's title, not one more place of the event "
                            "(أمير منطقة مكة، محافظ عدن، سفير لدى الأردن)"),
    "destination_words": _phrases("words after which a name is where someone went, not one more place struck "
                                  "(نحو بلدتي النخيب والعلم)"),
    "elsewhere_words": _phrases("phrases right before a name (type words passed over) that make it where the news is "
                                "told or where the actors set out from or stay, not where the event happened "
                                "(قال أمام الصحافيين في أنقرة، هجوم شنته من عدن، من مقر إقامته في الرياض)"),
    "government_capitals": _phrases("capitals that the news also names for their governments (أنقرة، دمشق، واشنطن): "
                                    "after one of government_words such a name is no place"),
    "government_words": _phrases("words or phrases right before a capital of government_capitals that make it the "
                                 "government acting, speaking, told as a source or as a party, not a place (واصلت "
                                 "أنقرة حملتها، ما وصفته أنقرة بأنه، بحسب أنقرة، الهدنة مع أنقرة)"),
    "origin_words": _phrases("words of launching or of a source of fire: a name after من at most three words after "
                             "one is where the act came from, not where it struck (هجوم شنته تلك القوات من عدن، "
                             "قذائف مصدرها مواقع الفصائل من حي جوبر)"),
    "foreign_heads": _phrases("phrases right before a country adjective that make it where the fire came from or a "
                              "person's nationality, not a country the news is about: it does not count for the "
                              "article's focus country (مقذوفات من داخل الأراضي اليمنية، مقيم من الجنسية اليمنية)"),
    "fire_nouns": _phrases("nouns of fired munitions: a country after one (one word between allowed) and من is where the "
                           "fire came from, not a country the news is about (سقوط مقذوف عسكري من اليمن)"),
    "anchor_durations": _phrases("spans of time after بعد and before على/من: a name in that phrase is the place of the "
                                 "act the news is timed by, a reference point, never the place of an act told outside "
                                 "it (وذلك بعد أربعة أيام على تفجير سروج)"),
    "not_nouns": _phrases("words that begin with ال but are no definite noun: after one, السعودية is the country "
                          "(إلى، على، التي)"),
    "region_seats": _map(_map(_s("the seat: a town of the index in that country"), "direction -> seat"),
                         "ISO3 -> a region told by its direction (شرق سوريا) -> the town it is coded at, "
                         "geo_precision 3", _ISO3),
}, ("type_words", "plural_types", "near_words", "directions", "skip_words", "direction_adjectives",
    "adjective_keys", "locating_words", "inside_words", "countryside_words", "locating_clitics", "doubtful_clitics", "verb_initials",
    "not_nouns"))

FUNCTION_WORDS = _obj({
    "actors": _obj({
        "member_links": _phrases("words between an unidentified armed actor and the group it belongs to "
                                 "(مسلحون من تنظيم، مسلحين تابعين ل): the group is the one actor; read inside the gap"),
        "member_phrases": _phrases("longer phrases between an unidentified armed actor and its group, read within 5 "
                                   "words (مسلحون يشتبه في انتمائهم لجماعة): the group is the one actor"),
        "between": _phrases("the word of '<trigger> بين A و B' (also ما بين): A and B are the two sides"),
        "side_marks": _phrases("words that close the first side of 'بين A و A2 من جهة و B من جهة أخرى': A2 is A's "
                               "ally, B the other side"),
        "made_in": _phrases("words after a country adjective that make it the maker, not the actor (إيرانية الصنع)"),
        "owner_links": _phrases("words that make an actor the owner of the place before (مسجد تابع لقوات)"),
        "place_prepositions": _phrases("words before a country name that make it a place, not a subject "
                                       "(في العراق، شمال سوريا)"),
    }, ("member_links", "between", "made_in", "owner_links", "place_prepositions"),
        desc="the small words resolve/actors.py reads around an actor mention"),
    "mentions": _obj({
        "target_prepositions": _phrases("trigger endings after which a country adjective names those struck, not the "
                                        "striker (النار على فلسطينيين)"),
        "contrast_words": _phrases("words that, after a comma and an optional و, open a contrastive clause telling "
                                   "another event (، فيما قتل)"),
        "no_subject_prefixes": _phrases("beginnings of a trigger verb ending in ت after which a country is not its "
                                        "subject (استهدفت: the tenth form)"),
        "partitive": _phrases("the word between a count and a force's men (ثمانية من رجال الشرطة): those are struck"),
        "following_numbers": _phrases("number words that follow the noun they count (اثنان، اثنين): after an actor, "
                                      "its own count (عسكريين تركيين اثنين), not its verb's object"),
        "air_support": _phrases("words just before a backing force that make it air support, no side of a ground "
                                "fight (بغطاء جوي من)"),
        "person_triggers": _phrases("trigger phrases that name a person (انتحاري): a country adjective after one is "
                                    "his nationality, not the state that struck (فجر انتحاري سعودي نفسه)"),
    }, ("target_prepositions", "contrast_words", "no_subject_prefixes"),
        desc="the small words mentions.py reads around a trigger"),
    "assemble": _obj({
        "pluperfect_particles": _phrases("the particle after the auxiliary of a pluperfect (كان ... قد): an earlier "
                                         "event recalled"),
    }, ("pluperfect_particles",), desc="the small words assemble.py reads before a trigger"),
}, ("actors", "mentions", "assemble"))

CLAUSE = _obj({
    "boundary_marks": _phrases("marks after which a new clause begins (، . : « ...)"),
    "openers": _phrases("words that open a new clause (لكن، بينما، الذي): the clause "
                                                  "around a trigger begins after the last one before it"),
    "mood": _obj({
        "conditional": _phrases("a condition before the trigger in its clause (إذا، لو، في حال)"),
        "question": _phrases("a question word before the trigger in its clause (هل)"),
        "wish": _phrases("a wish or obligation before the trigger in its clause (ليت، يجب أن)"),
        "future": _phrases("future particles before the trigger in its clause (سوف، لن)"),
    }, ("conditional", "question", "wish", "future"), "the clause's mood: no report of a past act"),
    "future_prefix": _obj({
        "prefix": _s("the future prefix (س)"),
        "imperfect": _phrases("the imperfect prefixes after it (ي، ت)"),
        "min_stem": _int("letters at least after the two prefixes", minimum=1),
        "predicate": _int("words right after an indefinite trigger read for its own future verb (0: none)",
                          minimum=0),
    }, ("prefix", "imperfect"), "a verb with the future prefix before the trigger makes its clause future"),
    "not_future": _phrases("beginnings of nouns and names that look like a future verb (سيار، سياس، سيطر)"),
    "past_anchors": _phrases("words that date a sentence in the past (أمس، يوم الخميس): imperfect cues "
                             "(needs_imperfect) count in a body sentence only with one"),
    "negation": _obj({
        "negators": _phrases("negators whose scope reaches over a coordinated list (لم، لا، دون)"),
        "coordinators": _phrases("words that join the nouns of the list (أو، و، ولا)"),
        "stops": _phrases("prepositions and clause words beyond which the negation reaches no further"),
        "reach": _int("the list's nouns at most this many words after the negator", minimum=1),
        "casualties": _phrases("casualty nouns: negated before a preposition, they spare the event after it "
                               "(دون وقوع إصابات في صفوف المتظاهرين)"),
    }, ("negators", "coordinators", "stops"), "negation scope over coordination"),
}, ("boundary_marks", "openers", "mood", "future_prefix", "negation"))

#: file name -> its schema. One place per file: add a key here (with a description).
SCHEMAS: dict[str, dict] = {
    "triggers.yaml": TRIGGERS,
    "actors.yaml": ACTORS,
    "casualties.yaml": CASUALTIES,
    "dates.yaml": DATES,
    "numbers.yaml": NUMBERS,
    "places_extra.yaml": PLACES_EXTRA,
    "clitics.yaml": CLITICS,
    "place_words.yaml": PLACE_WORDS,
    "function_words.yaml": FUNCTION_WORDS,
    "clause.yaml": CLAUSE,
}

WORD_LISTS = ("agencies.txt", "places_facilities.txt", "places_needs_type.txt", "places_stop.txt", "places_media.txt",
              "abbreviations.txt")


# ----------------------------------------------------------------------------- checks beyond the schema
Path_ = tuple  # a path into the data: keys (str) and list indices (int)


def _types_match(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every mapping with event_type and sub_event_type: the sub-event must be of that event type."""
    if isinstance(data, dict):
        et, st = data.get("event_type"), data.get("sub_event_type")
        if et in EVENT_TYPES and st in SUB_EVENT_TYPES and st not in EVENT_TYPES[et]:
            yield path + ("sub_event_type",), f"sub-event type {st!r} is not one of {et!r}: {', '.join(EVENT_TYPES[et])}"
        for k, v in data.items():
            yield from _types_match(v, path + (str(k),))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _types_match(v, path + (i,))


def _unique(items: Any, key: str, where: str) -> Iterator[tuple[Path_, str]]:
    seen: dict[Any, int] = {}
    for i, it in enumerate(items or []):
        if isinstance(it, dict) and it.get(key) is not None:
            if it[key] in seen:
                yield (where, i, key), f"duplicate {key} {it[key]!r} (first at {where}[{seen[it[key]]}])"
            else:
                seen[it[key]] = i


@functools.lru_cache(maxsize=1)
def _actor_kinds() -> frozenset[str]:
    text = resources.files("extractor.data").joinpath("actors.yaml").read_text(encoding="utf-8")
    return frozenset(str(k) for k in (yaml.load(text, Loader=_Loader) or {}).get("kind_inter") or {})


def _check_triggers(d: dict) -> Iterator[tuple[Path_, str]]:
    yield from _unique(d.get("templates"), "id", "templates")
    yield from _types_match(d)
    kinds = _actor_kinds() | {"armed"}
    for i, t in enumerate(d.get("templates") or []):
        for j, k in enumerate((t or {}).get("needs_actor") or []):
            if k not in kinds:
                yield ("templates", i, "needs_actor", j), f"unknown actor kind {k!r} (one of: {', '.join(sorted(kinds))})"


def _check_actors(d: dict) -> Iterator[tuple[Path_, str]]:
    kinds = set(d.get("kind_inter") or {})
    for part in ("groups", "roles"):
        for i, g in enumerate(d.get(part) or []):
            for path, k in [((part, i, "kind"), (g or {}).get("kind"))] + [
                ((part, i, "dated", j, "kind"), x.get("kind")) for j, x in enumerate((g or {}).get("dated") or [])
            ]:
                if k is not None and k not in kinds:
                    yield path, f"unknown actor kind {k!r} (a key of kind_inter: {', '.join(sorted(kinds))})"


def _check_dates(d: dict) -> Iterator[tuple[Path_, str]]:
    for i, r in enumerate(d.get("relative") or []):
        if isinstance(r, dict) and ("days" in r) == ("unit" in r):
            yield ("relative", i), "a relative entry needs either days or unit (with offset)"


def _check_clitics(d: dict) -> Iterator[tuple[Path_, str]]:
    parts = set(d.get("parts") or {})
    for name, v in (d.get("proclitics") or {}).items():
        for i, chain in enumerate(v.get("chains") or []):
            for j, part in enumerate(chain):
                if part not in parts:
                    yield ("proclitics", name, "chains", i, j), f"unknown part {part!r} (a key of parts: {', '.join(sorted(parts))})"
        for j, part in enumerate(v.get("required") or []):
            if part not in parts:
                yield ("proclitics", name, "required", j), f"unknown part {part!r} (a key of parts: {', '.join(sorted(parts))})"
    for name in ("phrase", "noun", "place", "modifier", "date", "casualty_word", "number", "cue", "group_head",
                 "definite_type", "retold", "ner_token"):
        if name not in (d.get("proclitics") or {}):
            yield ("proclitics",), f"the {name!r} variant is missing (extractor/phrases.py reads it)"
    for name in ("phrase", "adjective", "nisba", "pronoun", "retold"):
        if name not in (d.get("suffixes") or {}):
            yield ("suffixes",), f"the {name!r} variant is missing (extractor/phrases.py reads it)"


#: file name -> checks a schema cannot say; each yields (path, message).
CHECKS: dict[str, Callable[[Any], Iterator[tuple[Path_, str]]]] = {
    "triggers.yaml": _check_triggers,
    "actors.yaml": _check_actors,
    "dates.yaml": _check_dates,
    "clitics.yaml": _check_clitics,
}


# ----------------------------------------------------------------------------- parsing with lines
def _plain(node: yaml.Node, path: Path_, lines: dict, dups: list) -> None:
    """Record each path's line (1-based) and any duplicate mapping key."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for k, v in node.value:
            key = str(k.value)
            if key in seen:
                dups.append(RuleFileError("", k.start_mark.line + 1,
                                          f"duplicate key {key!r} (first at line {seen[key]})"))  # fmt: skip
            seen.setdefault(key, k.start_mark.line + 1)
            lines[path + (key, "<key>")] = k.start_mark.line + 1
            _plain(v, path + (key,), lines, dups)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _plain(v, path + (i,), lines, dups)


def _bad_scalar(name: str, root: yaml.Node, err: Exception) -> RuleFileError:
    stack = [root]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.ScalarNode):
            try:
                yaml.constructor.SafeConstructor().construct_object(n)
            except ValueError as e:
                return RuleFileError(name, n.start_mark.line + 1, f"not a valid value: {n.value!r} ({e})")
        elif isinstance(n, yaml.MappingNode):
            stack.extend(x for kv in reversed(n.value) for x in reversed(kv))
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(reversed(n.value))
    return RuleFileError(name, 0, f"not a valid value ({err})")


def _jsonable(x: Any) -> Any:
    """The data as JSON Schema sees it: keys as strings, dates as ISO strings."""
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_jsonable(v) for v in x]
    if isinstance(x, (_dt.date, _dt.datetime)):
        return x.isoformat()
    return x


def _line(lines: dict, path: Path_) -> int:
    for n in range(len(path), -1, -1):
        if path[:n] in lines:
            return lines[path[:n]]
    return 0


def _where(path: Path_) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


@functools.cache
def _validator(name: str):
    import jsonschema

    cls = jsonschema.validators.validator_for(SCHEMAS[name], default=jsonschema.Draft202012Validator)
    return cls(SCHEMAS[name], format_checker=cls.FORMAT_CHECKER)


def _schema_errors(name: str, view: Any, lines: dict) -> list[RuleFileError]:
    out = []
    for e in _validator(name).iter_errors(view):
        path = tuple(e.absolute_path)
        at = _where(path) or "top level"
        if e.validator == "additionalProperties" and e.validator_value is False:
            allowed = list(e.schema.get("properties", {}))
            for key in sorted(set(e.instance) - set(allowed)):
                hint = difflib.get_close_matches(key, allowed, n=1)
                msg = f"{at}: unknown key {key!r}" + (f" (did you mean {hint[0]!r}?)" if hint else "")
                out.append(RuleFileError(name, _line(lines, path + (key, "<key>")),
                                         msg + f"; allowed: {', '.join(allowed)}"))  # fmt: skip
            continue
        if e.validator == "required":
            msg = f"{at}: {e.message.replace(' is a required property', '')} missing (required)"
        elif e.validator == "enum":
            known = [str(x) for x in e.validator_value]
            hint = difflib.get_close_matches(str(e.instance), known, n=1, cutoff=0.4)
            msg = f"{at}: {e.instance!r} is not a known value" + (
                f" (did you mean {hint[0]!r}?)" if hint else f" (one of: {', '.join(known)})")
        elif e.validator == "type":
            msg = f"{at}: expected {e.validator_value}, got {type(e.instance).__name__} {e.instance!r:.60}"
        else:
            msg = f"{at}: {e.message}"
        out.append(RuleFileError(name, _line(lines, path), msg))
    return out


def validate_text(name: str, text: str) -> tuple[Any, list[RuleFileError]]:
    """Parse one YAML rule file and check it: (data, errors)."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        return None, [RuleFileError(name, mark.line + 1 if mark else 0, f"not valid YAML: {e}")]
    except ValueError as e:  # a scalar YAML cannot build (2021-13-01): find which one
        return None, [_bad_scalar(name, node, e)]
    if node is None:
        return data, [RuleFileError(name, 0, "the file is empty")]
    lines: dict = {}
    dups: list[RuleFileError] = []
    _plain(node, (), lines, dups)
    errors = [RuleFileError(name, d.line, d.message) for d in dups]
    if name not in SCHEMAS:
        return data, errors + [RuleFileError(name, 0, f"no schema for this file (known: {', '.join(SCHEMAS)})")]
    errors += _schema_errors(name, _jsonable(data), lines)
    if name in CHECKS:
        try:
            errors += [RuleFileError(name, _line(lines, p), f"{_where(p)}: {m}") for p, m in CHECKS[name](data)]
        except (TypeError, AttributeError, KeyError):  # a shape the schema errors above already name
            if not errors:
                raise
    return data, sorted(errors, key=lambda e: e.line)


def load_yaml(name: str, text: str | None = None, source: str | None = None) -> Any:
    """The loaders' one call: parse and validate ``extractor/data/<name>`` (or ``text``); raise on any error.

    ``name`` picks the schema; ``source`` (a path the text came from) is the file errors name.
    """
    if text is None:
        text = resources.files("extractor.data").joinpath(name).read_text(encoding="utf-8")
    data, errors = validate_text(name, text)
    if errors and source:
        errors = [RuleFileError(str(source), e.line, e.message) for e in errors]
    if errors:
        raise RuleFileErrors(errors)
    return data


# ----------------------------------------------------------------------------- word lists
def word_list_errors(name: str, text: str, normalise: Callable[[str], str] | None = None) -> list[RuleFileError]:
    """A word list: one entry a line, ``#`` comments; no entry twice, none empty once normalised.

    Spelling variants that normalise alike (مستشفى / مستشفي) are allowed: authors list them on purpose.
    """
    if normalise is None:
        from .normalize import normalize_key as normalise
    out: list[RuleFileError] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(text.splitlines(), 1):
        s = raw.strip()
        if not s or s.startswith("#"):
            continue
        if "\t" in s or "#" in s:
            out.append(RuleFileError(name, i, f"one entry a line, no tabs or trailing comments: {s!r}"))
            continue
        if not normalise(s).strip():
            out.append(RuleFileError(name, i, f"{s!r} is empty once normalised"))
        elif s in seen:
            out.append(RuleFileError(name, i, f"duplicate entry {s!r} (first at line {seen[s]})"))
        else:
            seen[s] = i
    return out


def check_word_list(name: str, text: str | None = None) -> str:
    """The loaders' one call for a word list: its text, checked (raises :class:`RuleFileErrors`)."""
    if text is None:
        text = resources.files("extractor.data").joinpath(name).read_text(encoding="utf-8")
    errors = word_list_errors(name, text)
    if errors:
        raise RuleFileErrors(errors)
    return text


# ----------------------------------------------------------------------------- YAML headers
HEADER_BEGIN = "# --- keys (generated from extractor/rules_schema.py by `rasd rules check --write-headers`) ---"
HEADER_END = "# --- end of keys ---"


def _type_name(s: dict) -> str:
    t = s.get("type")
    if s.get("format") == "date":
        return "date or null"
    if "enum" in s and len(s["enum"]) <= 3:
        return " | ".join(map(str, s["enum"]))
    if t == "array":
        it = s.get("items", {})
        return "list" if it.get("type") in ("object", "array") else f"list of {_type_name(it)}"
    if isinstance(t, list):
        return " or ".join(t)
    return {"object": "mapping", "string": "text", "integer": "int", "number": "number", "boolean": "bool"}.get(t, "any")


def _doc_lines(s: dict, path: str, depth: int) -> Iterator[str]:
    if s.get("type") == "array" and s.get("items", {}).get("type") == "object":
        s, path = s["items"], path + "[]"
    if s.get("type") != "object":
        return
    props = s.get("properties", {})
    req = set(s.get("required", []))
    pad = "# " + "  " * depth
    for k, v in props.items():
        flag = ", required" if k in req else ""
        sub = v.get("properties", {})
        if v.get("type") == "object" and sub and len(sub) <= 2 and all(x.get("type") != "object" for x in sub.values()):
            # a small leaf mapping ({event_type, sub_event_type}) on one line
            yield f"{pad}{k} (mapping of {', '.join(sub)}{flag}): {v.get('description', '')}".rstrip()
            continue
        yield f"{pad}{k} ({_type_name(v)}{flag}): {v.get('description', '')}".rstrip()
        yield from _doc_lines(v, f"{path}.{k}", depth + 1)
    extra = s.get("additionalProperties")
    if isinstance(extra, dict) and extra.get("type") == "object" and extra.get("properties"):
        yield f"{pad}<name> ({_type_name(extra)}): {extra.get('description', '')}".rstrip()
        yield from _doc_lines(extra, f"{path}.<name>", depth + 1)
    elif isinstance(extra, dict) and extra.get("additionalProperties"):
        yield from _doc_lines(extra["additionalProperties"], f"{path}.<key>", depth + 1)


def header_block(name: str) -> str:
    """The key list for one YAML file's header, from its schema."""
    return "\n".join([HEADER_BEGIN, *_doc_lines(SCHEMAS[name], "", 0), HEADER_END])


def header_errors(name: str, text: str) -> list[RuleFileError]:
    """The file's generated key list must be there and up to date."""
    start, end = text.find(HEADER_BEGIN), text.find(HEADER_END)
    if start < 0 or end < 0:
        return [RuleFileError(name, 1, "no generated key list in the header: run `rasd rules check --write-headers`")]
    if text[start: end + len(HEADER_END)] != header_block(name):
        line = text[:start].count("\n") + 1
        return [RuleFileError(name, line, "the header's key list is out of date with the schema: run "
                              "`rasd rules check --write-headers`")]  # fmt: skip
    return []


def with_header(name: str, text: str) -> str:
    """``text`` with its generated key list replaced, or put after the first comment paragraph."""
    block = header_block(name)
    start, end = text.find(HEADER_BEGIN), text.find(HEADER_END)
    if start >= 0 and end >= 0:
        return text[:start] + block + text[end + len(HEADER_END):]
    lines = text.split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    return "\n".join(lines[:i] + ["#", *block.split("\n")] + lines[i:])


# ----------------------------------------------------------------------------- all files
def data_dir() -> Path:
    """The bundled extractor/data folder."""
    return Path(__file__).resolve().parent / "data"


def check_all(folder: Path | None = None, headers: bool = True) -> dict[str, list[RuleFileError]]:
    """Every rule file in ``folder`` (default the bundled extractor/data): file -> its errors."""
    folder = folder or data_dir()
    out: dict[str, list[RuleFileError]] = {}
    for name in SCHEMAS:
        p = folder / name
        if not p.exists():
            out[name] = [RuleFileError(name, 0, "file not found")]
            continue
        text = p.read_text(encoding="utf-8")
        _, errors = validate_text(name, text)
        out[name] = errors + (header_errors(name, text) if headers else [])
    for name in WORD_LISTS:
        p = folder / name
        out[name] = word_list_errors(name, p.read_text(encoding="utf-8")) if p.exists() else [
            RuleFileError(name, 0, "file not found")]
    return out
