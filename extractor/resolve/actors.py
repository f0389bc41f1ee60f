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
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

import ahocorasick

from ..normalize import normalize_key
from ..rules_schema import load_yaml

KINDS = ("state", "police", "rebel", "political_militia", "identity_militia", "rioters", "protesters",
         "civilians", "external", "unidentified")  # fmt: skip

# Clitics allowed before an alias written without the article (they include the article).
CLITICS = frozenset(
    {"", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "وب", "ول", "فب", "فل", "وك",
     "وبال", "وكال", "ولل", "فبال", "فلل"}
)  # fmt: skip
# Prefixes that realise the article of an alias written with it (الجيش -> والجيش، للجيش).
DEF_PREFIXES = frozenset({"ال", "وال", "فال", "بال", "كال", "لل", "وبال", "وكال", "ولل", "فبال", "فلل"})
_ADJ_SUFFIXES = ("", "ه", "ين", "ون", "تين", "تان", "ان", "ا")
_WORD = re.compile(r"[^\W\d_]+")

POLITICAL_VIOLENCE_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence", "Battles"})


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


@dataclass
class _Country:
    name: str
    of: str
    periods: list[tuple[datetime.date, datetime.date | None, str]]

    def period(self, when: datetime.date) -> str:
        if not self.periods:
            return ""
        for start, end, label in self.periods:
            if start <= when and (end is None or when < end):
                return label
        return self.periods[0][2] if when < self.periods[0][0] else self.periods[-1][2]


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
    window: int = 8
    order: int = 0


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


class ActorLexicon:
    """All actor aliases in one automaton, plus the country table."""

    def __init__(self, data: dict[str, Any]):
        self.kind_inter: dict[str, int] = {k: int(v) for k, v in data["kind_inter"].items()}
        self.countries: dict[str, _Country] = {}
        self._country_words: dict[str, str] = {}  # normalised adjective/name form -> country
        self._country_adj: set[str] = set()  # forms that are adjectives (not names)
        for name, spec in data["countries"].items():
            periods = [(_date(p[0]), _date(p[1]), str(p[2])) for p in spec.get("periods") or []]
            self.countries[name] = _Country(name, spec.get("of", name), periods)
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

        self.entries: list[_Entry] = []
        self._payloads: dict[str, list[_Payload]] = {}
        for spec in data.get("groups") or []:
            e = self._add_entry(
                _Entry("group", spec["name"], spec["kind"], spec.get("country", ""), spec.get("assoc", ""),
                       dict(spec.get("by_country") or {}), list(spec.get("dated") or []))
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
            near = None
            if spec.get("needs_near"):
                near = [(normalize_key(c.rstrip("*")), c.endswith("*")) for c in spec["needs_near"]]
            e = self._add_entry(
                _Entry("role", spec["name"], spec["kind"], spec.get("country", ""), spec.get("assoc", ""),
                       needs_near=near, window=int(spec.get("window", 8)))
            )  # fmt: skip
            for a in spec.get("aliases") or []:
                self._add_alias(a, e, None)
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
    def load(cls) -> "ActorLexicon":
        """The bundled lexicon (parsed once per process)."""
        text = resources.files("extractor").joinpath("data/actors.yaml").read_text(encoding="utf-8")
        return cls(load_yaml("actors.yaml", text))  # schema-checked (extractor/rules_schema.py)

    def _add_entry(self, e: _Entry) -> int:
        e.order = len(self.entries)
        self.entries.append(e)
        return e.order

    def _add_alias(self, alias: str, entry: int, only_in: frozenset[str] | None) -> None:
        stem = alias.endswith("*")
        key = normalize_key(alias.rstrip("*"))
        if not key:
            return
        keys = [key]
        words = key.split(" ")
        if len(words) > 1 and not any(w.startswith("ال") for w in words):
            keys.append(" ".join("ال" + w for w in words))  # مسلحين مجهولين -> المسلحين المجهولين
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

    # ------------------------------------------------------------------ matching
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
                    if i + n < len(words) and words[i + n][0] in ("الصنع", "صنع"):
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

    def _near(self, cues: list[tuple[str, bool]], text: str, end: int, window: int) -> bool:
        words = [m.group() for _, m in zip(range(window), _WORD.finditer(text, end))]
        joined = " ".join(words)
        for key, stem in cues:
            for m in re.finditer(re.escape(key), joined):
                s, e = m.start(), m.end()
                ws = s
                while ws > 0 and joined[ws - 1].isalpha():
                    ws -= 1
                if joined[ws:s] not in CLITICS and not any(joined[ws:s] == p + "ي" for p in ("", "و", "ف")):
                    continue
                if stem or e == len(joined) or not joined[e].isalpha():
                    return True
        return False

    def _resolve(self, e: _Entry, text: str, end: int, event_country: str | None,
                 when: datetime.date) -> tuple[str, int, str, str, str, int] | None:  # fmt: skip
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
        found = self._country_after(text, end, adjectives_only=True)
        if found and not e.country:
            country, new_end = found
        else:
            country, new_end = (e.country or event_country or ""), end
        if not country:
            return None
        assoc = e.assoc.replace("{country}", country) if e.assoc else ""
        return e.name.replace("{country}", country), self.kind_inter[e.kind], e.kind, country, assoc, new_end

    def find(self, text: str, offset: int = 0, *, event_country: str | None = None,
             event_date: datetime.date | None = None) -> list[Actor]:  # fmt: skip
        """Every actor mention in a normalised text chunk, in text order (offsets + ``offset``)."""
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
                res = self._resolve(e, low, end, event_country, when)
                if res is None:
                    continue
                name, inter, kind, country, assoc, new_end = res
                # include the article (or the ل of لل) in the span, not other clitics
                a_start = start - 2 if prefix.endswith(("ال", "لل")) else start
                actor = Actor(name, inter, kind, country, assoc, a_start + offset, new_end + offset,
                              text[a_start:new_end])  # fmt: skip
                cands.append((-(new_end - a_start), a_start, -(end - start), e.order, actor))
                break  # first applicable payload of this key wins
        chosen: list[Actor] = []
        for *_, actor in sorted(cands, key=lambda c: c[:4]):
            if all(actor.end <= c.start or actor.start >= c.end for c in chosen):
                chosen.append(actor)
        return sorted(chosen, key=lambda a: a.start)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction code: the two inter codes, lower first (7,1 -> 17); solo -> inter1*10."""
    if inter1 is None:
        return None
    if not inter2:
        return inter1 * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def civilian_targeting(actor2: Actor | None, event_type: str, sub_event_type: str = "") -> str:
    """'Civilian targeting' when civilians are the target of a political-violence event, else ''.

    Political violence here is Violence against civilians, Explosions/Remote violence (and
    Battles, which never target civilians by definition) plus Mob violence riots.
    """
    if actor2 is None or actor2.inter != 7:
        return ""
    if event_type in POLITICAL_VIOLENCE_TYPES or "Mob violence" in (event_type, sub_event_type):
        return "Civilian targeting"
    return ""


def for_event(actor: Actor, event_type: str) -> Actor:
    """Adjust a role to the event: protesters who riot are rioters, rioters who only protest are protesters."""
    if event_type == "Riots" and actor.kind == "protesters":
        return replace(actor, name=f"Rioters ({actor.country})", inter=5, kind="rioters")
    if event_type == "Protests" and actor.kind == "rioters" and not actor.assoc:
        return replace(actor, name=f"Protesters ({actor.country})", inter=6, kind="protesters")
    return actor


__all__ = ["Actor", "ActorLexicon", "interaction", "civilian_targeting", "for_event", "KINDS"]
