"""Actors: Arabic mentions -> ACLED actor names, inter codes and interaction.

The data lives in ``extractor/data/actors.yaml`` (named groups, state-force words,
generic roles such as protesters or civilians, and a country table with Arabic
adjectives and government periods). This module only compiles it into one
Aho-Corasick automaton and applies the rules documented in the YAML header:

* an alias matches at a word start after optional clitics (و ف ب ل ك ال), ends at a
  word end (unless written as a ``*`` stem); the longest match wins;
* the country of a state-force word or a role comes from a country adjective or name
  right after it (``الجيش السوري``, ``قوات الأمن العراقية``, ``غارات جوية أمريكية``),
  else from the entry's default country, else from the event country;
* government periods (``Military Forces of Syria (2000-2024)`` vs ``(2024-)``) and group
  renamings (RSF, HTS, Taliban, Houthis) follow the event date;
* a state's forces acting outside their own country get inter 8, as ACLED does.

All text given to :meth:`ActorLexicon.find` must already be normalised
(:func:`extractor.normalize.normalize`); offsets are into that text.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

import ahocorasick
import yaml

from ..normalize import normalize_key
from ..phrases import PhraseMatcher, clitic_part, clitic_regex, disjoint_in_order, phrase_keys, proclitics, suffixes
from ..record import interaction
from ..rules_schema import load_yaml
from ..segment import TOKEN_RE
from .places import _NEAR_WORDS  # place_words.yaml near_words, normalised (محيط، أطراف)

KINDS = ("state", "police", "rebel", "political_militia", "identity_militia", "rioters", "protesters",
         "civilians", "external", "unidentified")  # fmt: skip

# The clitic policy (data/clitics.yaml, extractor/phrases.py), the noun variant: the clitics allowed before
# an alias written without the article (they include the article), and those of them that realise the
# article of an alias written with it (الجيش -> والجيش، للجيش).
CLITICS = proclitics("noun").set
DEF_PREFIXES = proclitics("noun").definite
_ADJ_SUFFIXES = suffixes("adjective")  # endings of a country adjective stem (السوري -> السوريين)
_PRONOUNS = suffixes("pronoun")  # attached pronouns read back to a speaker (طائراتها، قواته)
_CUE_CLITICS = proclitics("cue").set  # before a cue word: the noun forms, and ي of a verb (يقصف، ويقاتل)
_HEAD_CLITICS = proclitics("group_head").set  # before a group head word (وكتيبة، بالكتيبة، للواء)
_HEAD_CLITIC_LENGTHS = sorted({len(p) for p in _HEAD_CLITICS if p}, reverse=True)
# the small words read around a mention (data/function_words.yaml, as written)
_WORDS_AROUND = load_yaml("function_words.yaml")["actors"]
_MADE_IN = frozenset(_WORDS_AROUND["made_in"])  # "إيرانية الصنع": the maker, not the actor
_CONJ = "".join(clitic_part("conjunction"))  # و ف: a word without its conjunction (data/clitics.yaml)
_WORD = re.compile(r"[^\W\d_]+")



@dataclass(frozen=True)
class Actor:
    name: str  # ACLED name, with country and period filled in
    inter: int  # 1..8
    kind: str  # state|police|rebel|political_militia|identity_militia|rioters|protesters|civilians|external|unidentified
    country: str = ""  # country the actor belongs to ('' for transnational)
    assoc: str = ""  # ACLED associated actor, if any
    start: int = -1
    end: int = -1  # span in the normalised text
    matched: str = ""


@dataclass(frozen=True)
class Period:
    """One government period of a state (ACLED labels state actors by it)."""

    start: datetime.date
    end: datetime.date | None  # exclusive; None while it lasts
    who: str = ""

    @property
    def label(self) -> str:
        """ACLED's label: the years it started and ended ("2014-2018"), open while it lasts ("2022-")."""
        return f"{self.start.year}-{self.end.year if self.end else ''}"

    def covers(self, when: datetime.date) -> bool:
        return self.start <= when and (self.end is None or when < self.end)


@dataclass
class _Country:
    name: str
    of: str
    periods: list[Period] = field(default_factory=list)

    def period(self, when: datetime.date) -> str:
        """The label of the period holding ``when``; '' when none does (never a neighbour's label)."""
        return next((p.label for p in self.periods if p.covers(when)), "")


_PERIOD_KEYS = {"basis", "periods", "check"}


def load_periods(data: dict[str, Any], source: str = "actor_periods.yaml") -> dict[str, list[Period]]:
    """Validated government periods per country: known keys, dates in order, no overlap."""
    out: dict[str, list[Period]] = {}
    for country, spec in (data.get("countries") or {}).items():
        unknown = set(spec) - _PERIOD_KEYS
        if unknown:
            raise ValueError(f"{source}: {country}: unknown key(s) {sorted(unknown)}")
        periods = []
        for item in spec.get("periods") or []:
            if not isinstance(item, list) or len(item) not in (2, 3):
                raise ValueError(f"{source}: {country}: a period is [from, to, who], got {item!r}")
            p = Period(_date(item[0]), _date(item[1]), str(item[2]) if len(item) > 2 else "")
            if p.end is not None and p.end <= p.start:
                raise ValueError(f"{source}: {country}: period {item!r} ends before it starts")
            if periods and (periods[-1].end is None or periods[-1].end > p.start):
                raise ValueError(f"{source}: {country}: period {item!r} overlaps the one before it")
            periods.append(p)
        out[country] = periods
    return out


@dataclass
class _Entry:
    """One alias target: a named group, a state-force word or a generic role."""

    type: str  # group | state | role
    name: str = ""
    kind: str = ""
    country: str = ""  # fixed/default country
    assoc: str = ""
    by_country: dict[str, str] = field(default_factory=dict)
    dated: list[dict[str, Any]] = field(default_factory=list)
    needs_country: bool = False
    needs_near: Any = None  # compiled cue matcher (list of (key, stem))
    needs_before: Any = None  # the same, for cues before the mention
    window: int = 8
    order: int = 0
    source: str = ""  # where the ACLED name comes from (vocabulary check)


@dataclass(frozen=True)
class _Payload:
    entry: int
    definite: bool  # alias written with the article: needs a prefix from DEF_PREFIXES
    stem: bool
    only_in: frozenset[str] | None


def _date(value: Any) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def _lower(text: str) -> str:
    """Lower-case without changing the length (offsets stay valid: 'İ'.lower() is two characters)."""
    out = text.lower()
    return out if len(out) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _today() -> datetime.date:
    return datetime.date.today()


_TOP_KEYS = {"kind_inter", "countries", "fillers", "generic_state_forces_in", "ignore", "speech_verbs", "speaker_doer", "speaker_own", "support_cues", "victim_verbs", "agent_cues",
             "source_nouns", "source_links", "state_targets", "civilian_objects", "settlements", "armed_sites", "vague_victims", "group_heads", "casualty_words", "state_words", "groups", "roles",
             "source", "attacker_anaphora", "sides_anaphora", "opponent_cues", "allies", "attribution_cues", "owned_targets",
             "owned_by_link"}  # fmt: skip
_ALIAS_GROUP_KEYS = {"name", "kind", "country", "acled", "only_in", "aliases", "sources"}


def merge_aliases(data: dict[str, Any], built: dict[str, Any], source: str = "actor_aliases.yaml") -> dict[str, Any]:
    """actors.yaml with the groups of the generated alias file added (tools/build_actors.py).

    A group already in actors.yaml (same name) gains the aliases, so its renamings and per-country
    names apply; any other group is added after the hand-kept ones (which win a tie)."""
    groups = [dict(g) for g in data.get("groups") or []]
    by_name = {}
    for g in groups:
        by_name.setdefault(g["name"], g)
    for g in built.get("groups") or []:
        unknown = set(g) - _ALIAS_GROUP_KEYS
        if unknown:
            raise ValueError(f"{source}: {g.get('name')!r}: unknown key(s) {sorted(unknown)}")
        missing = {a for a in g["aliases"] if not (g.get("sources") or {}).get(a)}
        if missing:
            raise ValueError(f"{source}: {g['name']!r}: aliases without a source: {sorted(missing)}")
        if g["name"] in by_name and not g.get("only_in"):
            target = by_name[g["name"]]
            target["aliases"] = list(target.get("aliases") or []) + list(g["aliases"])
        else:
            src = sorted({s for v in g["sources"].values() for s in v})
            if g.get("acled") is False:
                src.append("English name from the list, not an ACLED actor name")
            groups.append({k: g[k] for k in ("name", "kind", "country", "only_in", "aliases") if k in g}
                          | {"source": src})  # fmt: skip
    return {**data, "groups": groups}


class ActorLexicon:
    """All actor aliases in one automaton, plus the country table."""

    def __init__(self, data: dict[str, Any], periods: dict[str, list[Period]] | None = None):
        self.kind_inter: dict[str, int] = {k: int(v) for k, v in data["kind_inter"].items()}
        self.countries: dict[str, _Country] = {}
        periods = periods or {}
        for name in set(periods) - set(data["countries"]):
            raise ValueError(f"actor_periods.yaml: {name!r} is not a country of actors.yaml")
        self._country_words: dict[str, str] = {}  # normalised adjective/name form -> country
        self._country_adj: set[str] = set()  # forms that are adjectives (not names)
        for name, spec in data["countries"].items():
            self.countries[name] = _Country(name, spec.get("of", name), list(periods.get(name, [])))
            for stem in spec.get("adj") or []:
                s = normalize_key(stem)
                for suf in _ADJ_SUFFIXES:
                    for form in (s + suf, "ال" + s + suf):
                        self._country_words.setdefault(form, name)
                        self._country_adj.add(form)
            for nm in spec.get("names") or []:
                k = normalize_key(nm)
                self._country_words.setdefault(k, name)
                if k.startswith("ال"):
                    self._country_words.setdefault(k[2:], name)  # after لل (للعراق)
        self._fillers = {normalize_key(w) for w in data.get("fillers") or []}
        self._fillers |= {"ال" + w for w in self._fillers}
        self._ignore = {normalize_key(w) for w in data.get("ignore") or []}
        # generic soldiers/army in an event country stand for another state's forces there
        self._state_of_event: dict[str, str] = dict(data.get("generic_state_forces_in") or {})

        unknown = set(data) - _TOP_KEYS
        if unknown:
            raise ValueError(f"actors.yaml: unknown key(s) {sorted(unknown)}")
        self._speech = {normalize_key(w) for w in data.get("speech_verbs") or []}
        self._doer = {normalize_key(w) for w in data.get("speaker_doer") or []}
        self._source_nouns = {normalize_key(w) for w in data.get("source_nouns") or []}
        self._source_links = {normalize_key(w) for w in data.get("source_links") or []}
        self._own = {normalize_key(w) for w in data.get("speaker_own") or []}
        self._victim = PhraseMatcher((w, "victim") for w in data.get("victim_verbs") or [])
        self._victim_words = frozenset(normalize_key(w) for w in data.get("victim_verbs") or [])
        agent = data.get("agent_cues") or {}
        if set(agent) - {"near", "next"}:
            raise ValueError(f"actors.yaml: agent_cues: unknown key(s) {sorted(set(agent) - {'near', 'next'})}")
        self._agent = PhraseMatcher((w, 2 if k == "near" else 0) for k, ws in agent.items() for w in ws)
        self._agent_forms: set[str] = set()  # forms of roles marked agent: true (filled with the roles below)
        self._support = PhraseMatcher((w, "support") for w in data.get("support_cues") or [])
        self._word_lists = self._speech | self._source_nouns | self._source_links
        targets = data.get("state_targets") or {}
        if set(targets) - {"police", "military"}:
            raise ValueError(f"actors.yaml: state_targets: unknown role(s) {sorted(set(targets) - {'police', 'military'})}")
        self._state_targets = PhraseMatcher((w, role) for role, ws in targets.items() for w in ws)
        self._civilian_objects = PhraseMatcher((w, "civilian") for w in data.get("civilian_objects") or [])
        self._armed_sites = PhraseMatcher((w, "site") for w in data.get("armed_sites") or [])
        self._settlements = PhraseMatcher((w, "settlement") for w in data.get("settlements") or [])
        self._vague = {normalize_key(w) for w in data.get("vague_victims") or []}
        self._group_heads = {normalize_key(w) for w in data.get("group_heads") or []}
        self._casualty_words = PhraseMatcher((w, "casualty") for w in data.get("casualty_words") or [])
        self._anaphora = PhraseMatcher((w, "attackers") for w in data.get("attacker_anaphora") or [])
        self._sides_anaphora = PhraseMatcher((w, "sides") for w in data.get("sides_anaphora") or [])
        self._attribution = {normalize_key(w) for w in data.get("attribution_cues") or []}
        self._owned = {normalize_key(w) for w in data.get("owned_targets") or []}
        self._owned_by_link = self._owned | {normalize_key(w) for w in data.get("owned_by_link") or []}
        self._allies = [tuple(str(n) for n in group) for group in data.get("allies") or []]
        self._opponent_cues = {normalize_key(w) for w in data.get("opponent_cues") or []}
        self._opponent_cues |= {normalize_key(w) for w in (data.get("casualty_words") or []) + (data.get("vague_victims") or [])}

        self.entries: list[_Entry] = []
        self._payloads: dict[str, list[_Payload]] = {}
        for spec in data.get("groups") or []:
            src = spec.get("source") or data.get("source") or ""
            e = self._add_entry(
                _Entry("group", spec["name"], spec["kind"], spec.get("country", ""), spec.get("assoc", ""),
                       dict(spec.get("by_country") or {}), list(spec.get("dated") or []),
                       source=", ".join(src) if isinstance(src, list) else str(src))
            )  # fmt: skip
            only = frozenset(spec["only_in"]) if spec.get("only_in") else None
            for a in spec.get("aliases") or []:
                self._add_alias(a, e, only)
            ctx = frozenset(spec.get("context_only_in") or ())
            for a in spec.get("context_aliases") or []:
                self._add_alias(a, e, ctx)
        for spec in data.get("state_words") or []:
            kind = "police" if spec["role"] == "police" else "state"
            e = self._add_entry(_Entry("state", "", kind, spec.get("country", ""),
                                       needs_country=bool(spec.get("needs_country"))))  # fmt: skip
            only = frozenset(spec["only_in"]) if spec.get("only_in") else None
            for a in spec.get("aliases") or []:
                self._add_alias(a, e, only)
        for spec in data.get("roles") or []:
            near = before = None
            if spec.get("needs_near"):
                near = [(normalize_key(c.rstrip("*")), c.endswith("*")) for c in spec["needs_near"]]
            if spec.get("needs_before"):
                before = [(normalize_key(c.rstrip("*")), c.endswith("*")) for c in spec["needs_before"]]
            e = self._add_entry(
                _Entry("role", spec["name"], spec["kind"], spec.get("country", ""), spec.get("assoc", ""),
                       by_country=dict(spec.get("by_country") or {}), needs_near=near, needs_before=before,
                       window=int(spec.get("window", 8)))
            )  # fmt: skip
            for a in spec.get("aliases") or []:
                self._add_alias(a, e, None)
                if spec.get("agent"):  # "من داخل الأراضي اليمنية": whoever it names fired, never the target
                    self._agent_forms.add(_lower(normalize_key(a)))
        for e in self.entries:
            if e.kind not in self.kind_inter:
                raise ValueError(f"actors.yaml: unknown kind {e.kind!r} for {e.name!r}")
            for d in e.dated:
                if d.get("kind", e.kind) not in self.kind_inter:
                    raise ValueError(f"actors.yaml: unknown kind in dated entry of {e.name!r}")
        self._auto = ahocorasick.Automaton()
        for key in self._payloads:
            self._auto.add_word(key, key)
        self._auto.make_automaton()

    # ------------------------------------------------------------------ loading
    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> ActorLexicon:
        """The bundled lexicon (parsed once per process)."""
        folder = resources.files("extractor").joinpath("data")

        def read(name: str) -> Any:
            return folder.joinpath(name).read_text(encoding="utf-8")

        # actors.yaml against its schema (extractor/rules_schema.py); the built alias file and the periods
        # by the checks of merge_aliases and load_periods
        data = merge_aliases(load_yaml("actors.yaml", read("actors.yaml")), yaml.safe_load(read("actor_aliases.yaml")))
        return cls(data, load_periods(yaml.safe_load(read("actor_periods.yaml"))))

    def _add_entry(self, e: _Entry) -> int:
        e.order = len(self.entries)
        self.entries.append(e)
        return e.order

    def _add_alias(self, alias: str, entry: int, only_in: frozenset[str] | None) -> None:
        stem, keys = phrase_keys(alias)  # with the definite form: مسلحين مجهولين -> المسلحين المجهولين
        for k in keys:
            definite = k.startswith("ال") and len(k) > 3
            if definite:
                k = k[2:]
            lst = self._payloads.setdefault(k, [])
            p = _Payload(entry, definite, stem, only_in)
            if p not in lst:
                lst.append(p)

    @property
    def alias_count(self) -> int:
        return sum(len(v) for v in self._payloads.values())

    # ------------------------------------------------------------------ naming helpers
    def _period(self, country: str, when: datetime.date | None) -> str:
        c = self.countries.get(country)
        return c.period(when or _today()) if c else ""

    def _of(self, country: str) -> str:
        c = self.countries.get(country)
        return c.of if c else country

    def _fill(self, template: str, country: str, when: datetime.date | None) -> str:
        period = self._period(country, when)
        name = template.replace("{country}", country).replace("{of}", self._of(country))
        if "{period}" in name:
            name = name.replace(" ({period})", f" ({period})" if period else "").replace("{period}", period)
        return name

    def _inter(self, kind: str, country: str, event_country: str | None) -> int:
        if kind in ("state", "police") and country and event_country and country != event_country:
            return self.kind_inter["external"]
        return self.kind_inter[kind]

    def state_forces(self, country: str, event_date: datetime.date | None = None, police: bool = False,
                     *, event_country: str | None = None) -> Actor:  # fmt: skip
        """``Military Forces of <country> (<period>)`` (or ``Police Forces of ...``)."""
        tmpl = "Police Forces of {of} ({period})" if police else "Military Forces of {of} ({period})"
        kind = "police" if police else "state"
        return Actor(self._fill(tmpl, country, event_date), self._inter(kind, country, event_country), kind, country)

    def unidentified(self, country: str, event_date: datetime.date | None = None) -> Actor:
        return Actor(f"Unidentified Armed Group ({country})", self.kind_inter["unidentified"], "unidentified", country)

    def civilians(self, country: str, assoc: str = "") -> Actor:
        return Actor(f"Civilians ({country})", self.kind_inter["civilians"], "civilians", country, assoc)

    def protesters(self, country: str) -> Actor:
        return Actor(f"Protesters ({country})", self.kind_inter["protesters"], "protesters", country)

    def rioters(self, country: str) -> Actor:
        return Actor(f"Rioters ({country})", self.kind_inter["rioters"], "rioters", country)

    # ------------------------------------------------------------------ vocabulary
    GENERIC = ("Military Forces of {of} ({period})", "Police Forces of {of} ({period})")

    def vocabulary(self) -> list[tuple[str, str]]:
        """Every actor name template rasd can emit with where it comes from: (name, source).

        Generic ACLED patterns (state forces, roles such as ``Civilians ({country})``) have the source
        "ACLED codebook (generic)"; named groups the source their data gives."""
        out = [(t, "ACLED codebook (generic)") for t in self.GENERIC]
        for e in self.entries:
            if e.type == "role":
                out.extend((n, "ACLED codebook (generic)") for n in [e.name, *e.by_country.values()])
                if e.assoc:
                    out.append((e.assoc, "ACLED codebook (generic)"))
            elif e.type == "group":
                names = [e.name] + [d["name"] for d in e.dated] + list(e.by_country.values())
                out.extend((n, e.source) for n in names if not n.endswith("(context)"))
        return sorted(set(out))

    # ------------------------------------------------------------------ roles in the clause
    def source_role(self, text: str, start: int, end: int, trigger_start: int) -> str:
        """How the actor at [start, end) of ``text`` only reports, if it does: 'owner' of a source ("الوزارة
        الحوثية", "مصدر في الجيش", also the subject of an attribution "بحسب ما أعلن الجيش"), 'speaker' (subject of a speech verb before the trigger, "أعلنت سلطات
        الحوثيين سقوط قتلى", that does not go on to say it acted: "قال الجيش إنه قصف"), else ''."""
        words = [self._bare(m.group()) for m in _last_words(text, start, 5)]
        i = len(words) - 1
        while i >= 0 and len(words) - i <= 3 and words[i] in self._source_links:
            i -= 1
        if i >= 0 and len(words) - i <= 4 and words[i] in self._source_nouns:
            return "owner"
        if i < 0 or len(words) - i > 4 or words[i] not in self._speech:
            return ""
        if start >= trigger_start:  # after the trigger only when attributed: "بحسب ما أعلن الجيش"
            # a source, not a speaker who may be announcing its own act
            return "owner" if any(" ".join(words[j:i]).lower() in self._attribution for j in (i - 2, i - 1) if j >= 0) else ""
        after = [self._bare(m.group()) for _, m in zip(range(4), _WORD.finditer(text, end, trigger_start))]
        return "" if self._own_forces(after) or any(w in self._doer for w in after) else "speaker"

    def _own_forces(self, words: list[str]) -> bool:
        return any(w.endswith(suf) and w[: -len(suf)] in self._own for w in words for suf in _PRONOUNS)

    def own_forces_follow(self, text: str, pos: int) -> bool:
        """Whether the speaker's own forces ("طائراتها", "قواته") are named within 3 words after ``pos``."""
        return self._own_forces([m.group().lower() for _, m in zip(range(3), _WORD.finditer(text, pos))])

    def agent_before(self, text: str, start: int) -> bool:
        """Whether a 'by' phrase ends right before ``start`` ("بقصف لـ"), or within 2 words ("برصاص قناص تابع لـ"),
        or the actor there is named by a phrase that only names who acts ("من داخل الأراضي اليمنية")."""
        if self._agent_forms:
            low = _lower(text[start : start + 40])
            if any(low.startswith(f) for f in self._agent_forms):
                return True
        before = text[max(0, start - 60) : start]
        for h in self._agent.iter(before):
            gap = before[h.end :]
            if gap.endswith("ل") and (len(gap) == 1 or not gap[-2].isalpha()):
                gap = gap[:-1]  # the actor's own preposition: "بقصف |لقوات النظام"
            if _words(gap, 0, len(gap)) <= h.payload and not re.search(r"[.،,:؛]", gap):
                return True
        return False

    def victim_after(self, text: str, end: int) -> bool:
        """Whether a victim verb ("أصيبوا", "لقوا حتفهم") follows within 4 words of ``end``, with no
        other actor word between ("ثلاثة رجال شرطة وسبعة مدنيين أصيبوا")."""
        window = " ".join(m.group() for _, m in zip(range(5), _WORD.finditer(text, end)))
        hit = next(self._victim.iter(window), None)
        return hit is not None and len(window[: hit.start].split()) <= 4

    def is_victim_verb(self, phrase: str) -> bool:
        """Whether ``phrase`` is one of the passive verbs whose subject is the victim ("هوجمت دورية")."""
        return normalize_key(phrase) in self._victim_words

    def supports(self, text: str, start: int) -> bool:
        """Whether the actor starting at ``start`` is named as escorting another ("بحماية قوات الاحتلال")."""
        before = text[max(0, start - 40) : start]
        return any(h.end == len(before) or not before[h.end :].strip(" \"'«»“”")
                   for h in self._support.iter(before))  # fmt: skip

    def _bare(self, word: str) -> str:
        """A word without a leading و/ف (the conjunction), for word-list look-ups."""
        w = word.lower()
        return w[1:] if len(w) > 3 and w[0] in _CONJ and w[1:] in self._word_lists else w

    def state_target(self, text: str, after: int = 0) -> str | None:
        """'police' or 'military' when the text after ``after`` names a state-force institution as the target."""
        hit = next(self._state_targets.iter(text[after:]), None)
        return hit.payload if hit else None

    def armed_site_after(self, text: str, after: int = 0) -> bool:
        """Whether the text after ``after`` names a site of an armed side as the target ("غارات استهدفت
        معسكر الصباحية", "مواقع الدفاع الجوي")."""
        return self._armed_sites.contains(text[after:])

    def opponent_nearby(self, sentences: list[tuple[str, int]], of: Actor, *, event_country: str | None,
                        event_date: datetime.date | None) -> Actor | None:
        """The armed side, neither ``of`` nor its ally nor an unnamed group, that ``sentences`` ((normalised
        text, offset), nearest first) name: whose camp an air strike that names no owner hit."""
        for text, offset in sentences:
            found = named_members(self.find(text, offset, event_country=event_country, event_date=event_date),
                                  text, offset)  # fmt: skip
            for a in found:
                if a.kind in _ARMED and a.kind != "unidentified" and a.name != of.name and not self.allied(a, of):
                    return a
        return None

    def is_vague_victim(self, actor: Actor) -> bool:
        """Civilians named only as "people" (أشخاص): any named target says more."""
        return actor.kind == "civilians" and not actor.assoc and actor.matched.lower() in self._vague

    def is_place_phrase(self, before: str, phrase: str) -> bool:
        """Whether a country name is a place rather than a subject: after a preposition ("في العراق") or
        with one glued to it ("بالعراق", "للعراق")."""
        w = before.lower()
        if w in _PREPOSITIONS or (w[:1] in _CONJ and w[1:] in _PREPOSITIONS):
            return True
        p = phrase.lower()
        return p not in self._country_words and p.lstrip(_CONJ)[:1] in ("ب", "ل")

    def owned_target(self, text: str, start: int) -> bool:
        """Whether the actor at ``start`` is named as the owner of a place ("مسجد قوات الطوارئ", "بمسجد تابع
        لقوات الطوارئ", ``owned_targets``): the place's owner is a target, not the one striking."""
        words = [m.group().lower() for m in _last_words(text, start, 3)]
        if words and len(words[-1]) == 1:
            words = words[:-1]  # the actor's own clitic: "لقوات"
        words = words[-2:]
        owned = self._owned
        if words and words[-1] in _OWNER_LINKS and len(words) == 2:
            words = words[:1]  # "مسجد تابع لـ"
            owned = self._owned_by_link  # "دبابة تابعة للحوثيين": the vehicle's owner is struck
        elif len(words) == 2:
            words = words[1:]
        w = words[-1] if words else ""
        return w in owned or (w[:1] in "وبلف" and w[1:] in owned)

    def refers_to_attackers(self, text: str) -> bool:
        """Whether the text names "the attackers" of an earlier sentence ("كبد الجيش القوات المهاجمة خسائر")."""
        return self._anaphora.contains(text)

    def refers_to_sides(self, text: str) -> bool:
        """Whether the text names "the two sides" of an earlier sentence ("اشتباكات بين الطرفين")."""
        return self._sides_anaphora.contains(text)

    def two_sides_before(self, sentences: list[tuple[str, int]], *, event_country: str | None,
                         event_date: datetime.date | None) -> tuple[Actor, Actor] | None:
        """The two named armed sides (not allies, no unnamed group) of the nearest of ``sentences``
        ((normalised text, offset), nearest last) that names two: whom "الطرفين" refers back to."""
        for text, offset in reversed(sentences):
            armed = [a for a in named_members(self.join_allies(self.find(text, offset, event_country=event_country,
                                                                         event_date=event_date), text, offset),
                                              text, offset)
                     if a.kind in _ARMED and a.kind != "unidentified"]  # fmt: skip
            for i, a in enumerate(armed):
                b = next((b for b in armed[i + 1 :] if b.name != a.name and not self.allied(a, b)), None)
                if b is not None:
                    return a, b
        return None

    def antecedent(self, sentences: list[tuple[str, int]], than: Actor, *, event_country: str | None,
                   event_date: datetime.date | None) -> Actor | None:  # fmt: skip
        """The armed actor other than ``than`` last named in ``sentences`` ((normalised text, offset), the
        nearest last): whom "القوات المهاجمة" refers back to."""
        for text, offset in reversed(sentences):
            armed = [a for a in named_members(self.find(text, offset, event_country=event_country, event_date=event_date),
                                              text, offset)
                     if a.kind in _ARMED and a.name != than.name]  # fmt: skip
            if armed:
                return armed[-1]
        return None

    def allied(self, a: Actor, b: Actor) -> bool:
        """Whether ``a`` and ``b`` fight on one side (``allies`` in actors.yaml): both in one group, by name
        without the period suffix (a sub-unit is its own name: the Houthi-Saleh forces are not the
        government's), and not the same actor."""
        if a.name == b.name or (a.kind in _STATE_KINDS and b.kind in _STATE_KINDS and a.country == b.country):
            return False  # the army and its own police, or two periods' forces, are left to the roles

        an, bn = _PERIOD_SUFFIX.sub("", a.name), _PERIOD_SUFFIX.sub("", b.name)
        return any(an in g and bn in g for g in self._allies)

    def join_allies(self, actors: list[Actor], text: str, offset: int = 0) -> list[Actor]:
        """Two armed actors joined by و act together: "الجيش الوطني والمقاومة الشعبية" is one actor, the second
        its associated actor, as ACLED codes allies (see ``opponent_cues`` in actors.yaml for when not)."""
        out: list[Actor] = []
        i = 0
        while i < len(actors):
            a = actors[i]
            b = actors[i + 1] if i + 1 < len(actors) else None
            if b is not None and self._allied(a, b, text, offset):
                out.append(replace(a, assoc="; ".join(x for x in (a.assoc, b.name) if x), end=b.end,
                                   matched=text[a.start - offset : b.end - offset]))  # fmt: skip
                i += 2
                continue
            out.append(a)
            i += 1
        return out

    def _allied(self, a: Actor, b: Actor, text: str, offset: int) -> bool:
        if a.kind not in _ALLY_KINDS or b.kind not in _ALLY_KINDS or a.name == b.name:
            return False
        if {a.kind, b.kind} & {"state", "police"} and "rebel" in (a.kind, b.kind):
            return False  # a state's forces and a rebel group named together are the two sides
        if not re.fullmatch(r"\s*و", text[a.end - offset : b.start - offset]):
            return False
        before = [m.group().lower() for m in _last_words(text, a.start - offset, 3)]
        cues = self._opponent_cues
        return not any(w in cues or (w[:1] in _CONJ and w[1:] in cues) for w in before)

    def names_settlement(self, text: str) -> bool:
        """Whether the text names a town, village or quarter, or a civilian object (settlements,
        civilian_objects), and not only the ground near one ("أطراف بلدة": place_words.yaml near_words) nor a word of a
        town's name ("بلدة الخيام": the town, not tents)."""
        for m in (self._settlements, self._civilian_objects):
            for hit in m.iter(text):
                before = [w.group() for w in _last_words(text, hit.word_start, 1)]
                word = normalize_key(before[-1]) if before else ""
                bare = word[1:] if word[:1] in "وب" else word
                if word in _NEAR_WORDS or bare in _NEAR_WORDS:
                    continue  # the ground near a town
                if self._settlements.contains(word):
                    continue  # the name of a town ("بلدة الخيام"), not tents
                return True
        return False

    def civilian_object_with_casualties(self, text: str, after: int = 0) -> bool:
        """Whether the text names a civilian object struck (after ``after``) and reports casualties."""
        return self._civilian_objects.contains(text[after:]) and self._casualty_words.contains(text)

    # ------------------------------------------------------------------ matching
    def countries_in(self, words: list[str]) -> list[str]:
        """The country of each alphabetic word that names one (:meth:`country_of_word`), in text order;
        each distinct word is looked up once (a memo: every token of every article passes here)."""
        memo = self._word_countries
        if len(memo) > 200_000:
            memo.clear()
        for w in set(words).difference(memo):
            memo[w] = self.country_of_word(w) if w.isalpha() else None
        return list(filter(None, map(memo.__getitem__, words)))

    def countries_in_texts(self, texts: Iterable[str]) -> list[str]:
        """``countries_in`` of the tokens of ``texts`` (``TOKEN_RE.findall`` of each, one after the other),
        without tokenising them: a token never holds whitespace, so each whitespace-parted chunk of a
        text is read once (its countries remembered per chunk; most chunks are one word, met before).

        Only the chunks that hold a country word are read (``_country_scan``: one automaton walk over each text
        finds them, where looking up each of its chunks cost a dictionary look-up per word)."""
        scan = self._country_scan
        if scan is None:
            return self._countries_of_chunks(list(itertools.chain.from_iterable(map(str.split, texts))))
        chunks: list[str] = []
        for text in texts:
            if "\u0130" in text or "\u03a3" in text:  # lower-cased apart, a word may differ (İ grows; Σ reads its neighbours)
                chunks += text.split()
                continue
            n, taken = len(text), -1
            for end, length in scan.iter(text.lower()):
                start = end - length + 1
                if start < taken:
                    continue  # in the chunk taken already
                a, b = start, end + 1
                while a > 0 and not text[a - 1].isspace():
                    a -= 1
                while b < n and not text[b].isspace():
                    b += 1
                chunks.append(text[a:b])  # the chunk of str.split() that holds the hit
                taken = b
        return self._countries_of_chunks(chunks)

    @functools.cached_property
    def _country_scan(self) -> ahocorasick.Automaton | None:
        """Every string a token naming a country must hold (``country_of_word``: a country word, after a clitic,
        or after لل the word without its article), lower-cased: a chunk of text without one names no country.
        Phrases are left out (no token holds a space). None when there is none to find (then every chunk is read)."""
        keys = {k for w in self._country_words if not any(c.isspace() for c in w)
                for k in ((w, w[2:]) if w.startswith("ال") else (w,))}  # fmt: skip
        if not keys or "" in keys:
            return None
        auto = ahocorasick.Automaton()
        for k in keys:
            auto.add_word(k, len(k))
        auto.make_automaton()
        return auto

    def _countries_of_chunks(self, chunks: list[str]) -> list[str]:
        """The countries of the tokens of whitespace-free ``chunks``, in order (remembered per chunk)."""
        memo = self._chunk_countries
        if len(memo) > 200_000:
            memo.clear()
        got = list(map(memo.get, chunks))
        if None in got:  # chunks met for the first time
            words = self._word_countries
            if len(words) > 200_000:
                words.clear()
            for i in itertools.compress(range(len(got)), map(operator.is_, got, itertools.repeat(None))):
                ch = chunks[i]
                g = memo.get(ch)
                if g is None:
                    out = []
                    for w in (ch,) if ch.isalpha() else TOKEN_RE.findall(ch):
                        c = words.get(w, "")
                        if c == "":  # not met yet ("" is no word's country)
                            c = words[w] = self.country_of_word(w) if w.isalpha() else None
                        if c:
                            out.append(c)
                    g = memo[ch] = tuple(out)
                got[i] = g
        return list(itertools.chain.from_iterable(filter(None, got)))

    @functools.cached_property
    def _word_countries(self) -> dict[str, str | None]:
        return {}

    @functools.cached_property
    def _chunk_countries(self) -> dict[str, tuple[str, ...]]:
        return {}

    def country_of_word(self, word: str) -> str | None:
        """Country for one normalised word or phrase (adjective or name), clitics allowed."""
        w = word.lower()
        if w in self._country_words:
            return self._country_words[w]
        for n in (4, 3, 2, 1):
            p = w[:n]
            if len(w) > n and p in CLITICS:
                rest = w[n:]
                if rest in self._country_words:
                    return self._country_words[rest]
                if p.endswith("لل") and "ال" + rest in self._country_words:
                    return self._country_words["ال" + rest]
        return None

    def _country_after(self, text: str, end: int, *, adjectives_only: bool) -> tuple[str, int] | None:
        """A country adjective/name right after ``end`` (through fillers): (country, new_end)."""
        words: list[tuple[str, int, int]] = []
        pos = end
        for m in _WORD.finditer(text, end):
            if text[pos : m.start()].strip():  # punctuation or digits in between: stop
                break
            words.append((m.group(), m.start(), m.end()))
            pos = m.end()
            if len(words) >= 6:
                break
        i = 0
        while i < len(words) and i <= 3:
            for n in (3, 2, 1):
                if i + n > len(words):
                    continue
                phrase = " ".join(w for w, _, _ in words[i : i + n])
                country = self.country_of_word(phrase)
                if country:
                    if adjectives_only and not self._is_adjective(phrase):
                        continue
                    if i + n < len(words) and words[i + n][0] in _MADE_IN:
                        return None  # 'Iranian-made' names the maker, not the actor
                    return country, words[i + n - 1][2]
            if words[i][0] in self._fillers:
                i += 1
                continue
            break
        return None

    def country_adjective_after(self, text: str, end: int) -> tuple[str, int] | None:
        """(country, end of the adjective) when a country adjective follows ``end`` ("غارة جوية روسية")."""
        return self._country_after(text, end, adjectives_only=True)

    def _is_adjective(self, phrase: str) -> bool:
        w = phrase.lower()
        if w in self._country_adj:
            return True
        return any(w.startswith(p) and w[len(p):] in self._country_adj for p in CLITICS if p)

    def _near(self, cues: list[tuple[str, bool]], text: str, end: int, window: int, *, before: bool = False) -> bool:
        if before:  # the `window` words before ``end`` (the mention's start)
            words = [m.group() for m in _last_words(text, end, window)]
        else:
            words = [m.group() for _, m in zip(range(window), _WORD.finditer(text, end))]
        joined = " ".join(words)
        for key, stem in cues:
            for m in re.finditer(re.escape(key), joined):
                s, e = m.start(), m.end()
                ws = s
                while ws > 0 and joined[ws - 1].isalpha():
                    ws -= 1
                if joined[ws:s] not in _CUE_CLITICS:
                    continue
                if stem or e == len(joined) or not joined[e].isalpha():
                    return True
        return False

    def _resolve(self, e: _Entry, text: str, end: int, event_country: str | None,
                 when: datetime.date, start: int = 0) -> tuple[str, int, str, str, str, int] | None:  # fmt: skip
        """(name, inter, kind, country, assoc, new_end) or None when the entry does not apply."""
        if e.type == "group":
            name, kind, country = e.name, e.kind, e.country
            for d in e.dated:
                lo, hi = _date(d.get("from")), _date(d.get("to"))
                if (lo is None or when >= lo) and (hi is None or when < hi):
                    name, kind, country = d["name"], d.get("kind", kind), d.get("country", country)
                    break
            scoped = "{country}" in name
            if e.by_country:
                if event_country in e.by_country:
                    name, scoped = e.by_country[event_country], True
                elif e.name.endswith("(context)"):
                    return None
            if scoped:
                country = country or event_country or ""
            if not country and "{" in name:
                return None
            assoc = self._fill(e.assoc, country, when) if e.assoc else ""
            return self._fill(name, country, when), self._inter(kind, country, event_country), kind, country, assoc, end
        if e.type == "state":
            found = self._country_after(text, end, adjectives_only=e.needs_country)
            if found:
                country, new_end = found
            elif e.needs_country:
                return None
            else:
                generic = self._state_of_event.get(event_country or "", event_country or "")
                country, new_end = (e.country or generic), end
            if not country:
                return None
            a = self.state_forces(country, when, e.kind == "police", event_country=event_country)
            return a.name, a.inter, a.kind, country, "", new_end
        # role
        if e.needs_near is not None and not self._near(e.needs_near, text, end, e.window):
            return None
        if e.needs_before is not None and not self._near(e.needs_before, text, start, e.window, before=True):
            return None
        found = self._country_after(text, end, adjectives_only=True)
        if found and not e.country:
            country, new_end = found
        else:
            country, new_end = (e.country or event_country or ""), end
        if not country:
            return None
        assoc = e.assoc.replace("{country}", country) if e.assoc else ""
        name = e.by_country.get(country, e.name)
        return name.replace("{country}", country), self.kind_inter[e.kind], e.kind, country, assoc, new_end

    def names_no_one(self, text: str) -> bool:
        """Whether :meth:`find` gives no actor in ``text`` whatever its ``event_country``, ``event_date``, ``orgs``
        and ``persons`` (``Pipeline`` tags no clause for its own sake when it holds and the trigger needs a
        participant: see ``Pipeline._scan``). Keep it true to ``find``: ``find`` builds its actors from the keys
        of the alias automaton found in the text alone (none here, whatever the country and date), then only drops
        some (the land of the one who fired, names inside PER spans), and adds one only for an ORG span holding a
        space whose first word, its clitics bared (:meth:`_bare_clitic`), is a group head. That first word ends at
        a space of the text (the span holds one after it), and it ends with the head (a clitic is a prefix): so no
        head followed by a space or the end of the text, no added group, wherever the span starts (the spans of a
        clause's whole sentence may begin outside it; ``find`` then reads some other piece of it)."""
        if next(self._auto.iter(_lower(text)), None) is not None:
            return False
        heads = self._heads_at_word_end
        return heads is not None and heads.search(text) is None

    @functools.cached_property
    def _heads_at_word_end(self) -> re.Pattern | None:
        """A group head followed by a space or the end (see :meth:`names_no_one`); None when a head has a cased
        letter (``_bare_clitic`` lower-cases the word: the text's letters would then have to be lowered too)."""
        heads = sorted(self._group_heads, key=len, reverse=True)
        if not heads or any(h != h.lower() or h != h.upper() for h in heads):
            return None
        return re.compile("(?:" + "|".join(map(re.escape, heads)) + ")(?= |$)")

    def find(self, text: str, offset: int = 0, *, event_country: str | None = None,
             event_date: datetime.date | None = None, orgs: list[tuple[int, int]] | None = None,
             persons: list[tuple[int, int]] | None = None) -> list[Actor]:  # fmt: skip
        """Every actor mention in a normalised text chunk, in text order (offsets + ``offset``).

        ``orgs`` / ``persons``: NER ORG and PER spans (same coordinates as the offsets). A name inside a
        PER span is a person, never a group ("أبو بكر البغدادي" is not a Baghdad group), but a PER span that
        is exactly the matched word is the model mistagging a people noun ("مستوطنون"); an ORG span that
        names an armed group the dictionary lacks (its head word is in ``group_heads``: "كتيبة شهداء
        الزاوية") is kept as that group, with its Arabic name as the associated actor of an
        Unidentified Armed Group, rather than lost."""
        found = self._find(text, offset, event_country, event_date)
        if self._agent_forms:  # a land that names who fired says nothing more when a side of that country is named
            # ("أطلقت ميليشيا الحوثي قذائف من داخل الأراضي اليمنية": the Houthis fired)
            origin = [a for a in found if any(_lower(a.matched).startswith(f) for f in self._agent_forms)]
            named = [a for a in found if a not in origin and a.kind in _ARMED]
            found = [a for a in found if a not in origin or not any(o.country == a.country for o in named)]
        if persons:  # a name inside a longer PER span; a span that is just the match (with its clitics: "ومسلحي
            # الحوثي") is a mistagged noun
            found = [a for a in found
                     if not any(s <= a.start and a.end <= e and not (a.end == e and text[s - offset : a.start - offset].isalpha()
                                                                      or (a.start, a.end) == (s, e))
                                for s, e in persons)]  # fmt: skip
        if orgs and event_country:
            for s, e in orgs:
                if any(a.start < e and s < a.end for a in found):
                    continue
                span = text[s - offset : e - offset].strip(" \"'«»“”()")
                head = self._bare_clitic(span.split(" ", 1)[0]) if span else ""
                if head in self._group_heads and " " in span:
                    a = self.unidentified(event_country)
                    found.append(replace(a, assoc=span, start=s, end=e, matched=span))
            found.sort(key=lambda a: a.start)
        return found

    def _bare_clitic(self, word: str) -> str:
        w = word.lower()
        for n in _HEAD_CLITIC_LENGTHS:
            if len(w) > n + 2 and w[:n] in _HEAD_CLITICS and w[n:] in self._group_heads:
                return w[n:]
        return w

    def _find(self, text: str, offset: int, event_country: str | None,
              event_date: datetime.date | None) -> list[Actor]:  # fmt: skip
        low = _lower(text)
        n = len(low)
        when = event_date or _today()
        cands: list[tuple[int, int, int, int, Actor]] = []  # (-len, start, -alias_len, order, actor)
        for end_idx, key in self._auto.iter(low):
            start = end_idx - len(key) + 1
            end = end_idx + 1
            ws = start
            while ws > 0 and low[ws - 1].isalpha():
                ws -= 1
            prefix = low[ws:start]
            we = end
            while we < n and low[we].isalpha():
                we += 1
            if low[ws:we] in self._ignore:
                continue
            for p in self._payloads[key]:
                if p.definite:
                    if prefix not in DEF_PREFIXES:
                        continue
                elif prefix not in CLITICS:
                    continue
                if not p.stem and we != end:
                    continue
                if p.only_in is not None and event_country not in p.only_in:
                    continue
                e = self.entries[p.entry]
                res = self._resolve(e, low, end, event_country, when, ws)
                if res is None:
                    continue
                name, inter, kind, country, assoc, new_end = res
                # include the article (or the ل of لل) in the span, not other clitics
                a_start = start - 2 if prefix in DEF_PREFIXES else start  # every form ending in ال or لل
                actor = Actor(name, inter, kind, country, assoc, a_start + offset, new_end + offset,
                              text[a_start:new_end])  # fmt: skip
                cands.append((-(new_end - a_start), a_start, -(end - start), e.order, actor))
                break  # first applicable payload of this key wins
        # the first of overlapping candidates, O(log n) each
        chosen = disjoint_in_order((c[-1] for c in sorted(cands, key=lambda c: c[:4])), lambda a: a.start, lambda a: a.end)
        return sorted(chosen, key=lambda a: a.start)


_MEMBER_OF = tuple(_WORDS_AROUND["member_links"])  # read inside the gap: تابعين، الموالين
_MEMBER_PHRASES = tuple(normalize_key(w) for w in _WORDS_AROUND.get("member_phrases") or ())  # within 5 words
_BETWEEN = re.compile(r"(?:^|\s)" + clitic_regex(clitic_part("conjunction")) + "(?:"
                      + "|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted(_WORDS_AROUND["between"], key=len, reverse=True))
                      + r")\s")  # fmt: skip
_SIDE_MARK = re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(normalize_key(w)).replace(r"\ ", r"\s")
                                                 for w in sorted(_WORDS_AROUND.get("side_marks") or [], key=len, reverse=True))
                        + r")(?=[\s،,؛]|$)") if _WORDS_AROUND.get("side_marks") else None  # fmt: skip
_ARMED = {"state", "police", "rebel", "political_militia", "identity_militia", "external", "unidentified"}
_ALLY_KINDS = _ARMED - {"unidentified"}
_STATE_KINDS = {"state", "police"}
_OWNER_LINKS = frozenset(_WORDS_AROUND["owner_links"])
_PREPOSITIONS = frozenset(_WORDS_AROUND["place_prepositions"])
_PERIOD_SUFFIX = re.compile(r" \(\d{4}-(?:\d{4})?\)")


def _last_words(text: str, end: int, n: int) -> list[re.Match]:
    """The last ``n`` words before ``end``, as ``list(_WORD.finditer(text, 0, end))[-n:]`` gives them, read in
    a window that grows from the end: every actor of a long sentence asks, so a scan from its start is
    quadratic. A window's first word may be cut at its edge; it is used only when the window starts the text."""
    span = 64
    while True:
        lo = max(0, end - span)
        found = list(_WORD.finditer(text, lo, end))
        if lo == 0 or len(found) > n:
            return found[-n:] if n else []
        span *= 2


def _words(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text, a, b))


def named_members(actors: list[Actor], text: str, offset: int = 0) -> list[Actor]:
    """Drop "مسلحون" when the group they belong to is named next: "مسلحون من تنظيم داعش" and
    "مسلحين تابعين لحركة الشباب" name one actor, the group. ``text`` starts at ``offset``."""
    out = []
    moved: dict[int, int] = {}  # the group told a few words on stands where its men are named
    for i, u in enumerate(actors):
        if u.kind == "unidentified":
            nxt = next((a for a in actors[i + 1 :] if a.kind in _ARMED and a.kind != "unidentified"), None)
            if nxt is not None:
                gap = text[u.end - offset : nxt.start - offset]
                if _words(gap, 0, len(gap)) <= 3 and any(w in gap for w in _MEMBER_OF):
                    # "استهدف مسلحون من المقاومة الشعبية مواقع": the group stands where its men are named
                    # (right after the verb, its subject), not two words on
                    moved[id(nxt)] = u.start
                    continue
                if _words(gap, 0, len(gap)) <= 5 and any(w in gap for w in _MEMBER_PHRASES):
                    moved[id(nxt)] = u.start  # "هاجم مسلحون يشتبه في انتمائهم لجماعة بوكو حرام قرية"
                    continue
        # the moved group reads as its men's noun phrase ("مسلحون من المقاومة", a nominative subject)
        out.append(replace(u, start=moved[id(u)], matched=text[moved[id(u)] - offset : u.end - offset])
                   if id(u) in moved else u)
    return out


def both_sides(armed: list[Actor], text: str, offset: int, trigger_start: int,
               trigger_end: int) -> tuple[Actor, Actor] | None:  # fmt: skip
    """The two sides of "<trigger> بين A و B" (A and B armed, named differently), in text order."""
    rel = trigger_end - offset
    while rel < len(text) and text[rel].isalpha():
        rel += 1  # the rest of a stem trigger's word ("اشتباك|ات") is no word between
    hit = _BETWEEN.search(text, max(0, trigger_start - offset), rel + 60)
    if hit is None or _words(text, rel, hit.start()) > 4:
        return None
    after = [a for a in armed if a.start - offset >= hit.end() - 1]
    if not after or _words(text, hit.end(), after[0].start - offset) > 3:
        return None
    first = after[0]
    # "بين قوات النظام وميليشيا الدفاع الوطني من طرف، والفصائل المقاتلة من طرف آخر": one side ends at the mark,
    # those named with the first before it are its allies (associated actors), the other side follows it
    mark = _SIDE_MARK.search(text, first.end - offset, first.end - offset + 160) if _SIDE_MARK else None
    if mark is not None and _words(text, first.end - offset, mark.start()) <= 8:
        other = next((b for b in after if b.start - offset >= mark.end() and b.name != first.name), None)
        if other is not None:
            gap = text[mark.end() : other.start - offset]
            if _words(gap, 0, len(gap)) <= 2 and re.search(r"(?:^|[\s\"'«»“”،,])و", gap):
                allies = [a.name for a in after if first.end <= a.start and a.end - offset <= mark.start()
                          and a.name not in (first.name, other.name)]  # fmt: skip
                assoc = "; ".join(dict.fromkeys(x for x in (first.assoc, *allies) if x))
                return replace(first, assoc=assoc), other
    for b in after[1:]:
        gap = text[first.end - offset : b.start - offset]
        if b.name != first.name and _words(gap, 0, len(gap)) <= 4 and re.search(r"(?:^|\s|[\"'«»“”])و", gap):
            return first, b
    return None


def for_event(actor: Actor, event_type: str) -> Actor:
    """Adjust a role to the event: protesters who riot are rioters, rioters who only protest are protesters."""
    if event_type == "Riots" and actor.kind == "protesters":
        return replace(actor, name=f"Rioters ({actor.country})", inter=5, kind="rioters")
    if event_type == "Protests" and actor.kind == "rioters" and not actor.assoc:
        return replace(actor, name=f"Protesters ({actor.country})", inter=6, kind="protesters")
    return actor


__all__ = ["KINDS", "Actor", "ActorLexicon", "Period", "both_sides", "for_event", "interaction", "load_periods",
           "named_members"]
