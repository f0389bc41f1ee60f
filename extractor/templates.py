"""Event templates: trigger phrases (data in ``data/triggers.yaml``) -> event mentions.

One automaton finds every trigger of every template in a sentence; each hit is
then checked against the template's ``needs``/``unless`` cues and against the
filters for what ACLED does not code (negation, future or threatened action,
trials, exercises, disasters, statistics summaries, old history). What survives
becomes a :class:`TriggerMatch`; the highest-precedence match of a sentence is
its event (ACLED's precedence for co-occurring tactics lives in the YAML).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from . import clause
from .phrases import Hit, PhraseGroups, PhraseMatcher, clitic_part, proclitics
from .rules_schema import load_yaml
from .segment import Sentence


@dataclass(frozen=True)
class Retype:
    event_type: str
    sub_event_type: str


@dataclass
class Template:
    id: str
    event_type: str
    sub_event_type: str
    precedence: int
    confidence: float
    note: str
    needs: PhraseMatcher | None = None
    # imperfect-verb cues that count as needs only in a headline or with a past anchor ("قذائف تسقط على ...")
    needs_imperfect: PhraseMatcher | None = None
    unless: PhraseMatcher | None = None
    air_if: PhraseMatcher | None = None
    if_target_armed: Retype | None = None
    state_becomes: Retype | None = None
    # a raid, not an air strike: when a non-state actor carries it out and no aircraft is named
    air_words: PhraseMatcher | None = None
    ground_vs_civilians: Retype | None = None
    ground_vs_armed: Retype | None = None
    # Air/drone strike when a foreign air power does it and none of these ground cues is in the sentence
    air_by_foreign_unless: PhraseMatcher | None = None
    # the event needs a participant of one of these kinds in the sentence ("armed" = any armed actor)
    needs_actor: frozenset[str] = frozenset()
    battle_if_two_armed: bool = False  # two armed sides and no rioters: a battle, not a riot
    verb_only: bool = False  # triggers are verbs: a form with the article (السيطرة) is a noun
    generic: bool = False  # names no tactic ("هجوم", "قتل"): may retell a specific event of another type


@dataclass(frozen=True)
class Modifier:
    applies_to: tuple[str, ...]
    cues: PhraseMatcher
    becomes: Retype


@dataclass
class TriggerMatch:
    """One surviving trigger hit: the template and where it was found."""

    template: Template
    sentence: Sentence
    hit: Hit
    event_type: str
    sub_event_type: str
    confidence: float
    flags: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.hit.start

    @property
    def end(self) -> int:
        return self.hit.end


@dataclass
class Rejection:
    """A trigger hit dropped by a filter; kept for ``--explain`` style debugging."""

    template_id: str
    sentence_index: int
    phrase: str
    reason: str  # in words: why it was not coded (or, with verb "re-typed", how it was typed)
    verb: str = "dropped"
    code: str = ""  # the filter or rule that decided (a triggers.yaml filter name, a retype rule id)


#: Why a trigger hit was not coded, in words (``--explain``); keys are the filter names of triggers.yaml.
REASONS = {
    "question": "the sentence is a question, which reports nothing",
    "unless": "a word in the sentence cancels this trigger (e.g. a sports or figurative use)",
    "noun form": "this trigger counts only as a verb, and here it is a noun with the article",
    "needs": "the sentence lacks the cue word this trigger needs to mean an event",
    "negation": "negated (لم، لا، نفى ...): the event did not happen",
    "front": "names the fronts, a stop or the war as a whole (جبهات القتال، وقف القصف), not one event",
    "anaphora": "refers back (هذه، تلك ...) to an event already told",
    "any": "'any' (أي) puts the event in doubt",
    "future": "future, threatened or hypothetical action, not an event that happened",
    "conditional": "its clause is a condition (إذا، لو، في حال): a hypothetical act, not an event that happened",
    "wish": "its clause is a wish or an obligation (ليت، يجب أن), not an event that happened",
    "threat": "a threat, not an event",
    "legal": "a court case or verdict, not the event itself",
    "exercise": "a military exercise",
    "disaster": "an accident or natural disaster, which ACLED does not code",
    "statistics": "a cumulative toll or statistics summary, not one event",
    "history": "history: an event recalled from long before the article's news",
    "habitual": "a habitual or repeated pattern, not one event",
    "crime": "ordinary crime (drugs, theft, smuggling), which ACLED does not code",
    "other_event": "sports, film or fiction, not political violence",
    "link": "a link line repeating another article's headline",
    "hashtag": "the trigger is part of a hashtag (#تفجير_...), which names a topic, not an event",
}


def reason_words(code: str) -> str:
    """The reason a hit was dropped, in words (the code itself when it is already a sentence)."""
    return REASONS.get(code, code)


# A year on its own (not a resolution or other number): 'عام 2011', 'ديسمبر 2017', '(2019)'.
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
_YEAR = re.compile(r"(?<![\d/.,-])(?<!قرار )(?<!رقم )((?:19|20)\d\d)(?![\d/.,-]\d)")


def _matcher(items: list[str] | None, payload: Any = True) -> PhraseMatcher | None:
    if not items:
        return None
    return PhraseMatcher((str(p), payload) for p in items)


def _retype(d: dict | None) -> Retype | None:
    return Retype(d["event_type"], d["sub_event_type"]) if d else None


class TemplateSet:
    """All templates, modifiers and filters, loaded once from YAML."""

    def __init__(self, spec: dict[str, Any]):
        self.templates: dict[str, Template] = {}
        self.triggers = PhraseMatcher()
        for t in spec["templates"]:
            tpl = Template(
                id=t["id"],
                event_type=t["event_type"],
                sub_event_type=t["sub_event_type"],
                precedence=int(t.get("precedence", 0)),
                confidence=float(t.get("confidence", 0.7)),
                note=t.get("note", t["sub_event_type"].lower()),
                needs=_matcher(t.get("needs")),
                needs_imperfect=_matcher(t.get("needs_imperfect")),
                unless=_matcher(t.get("unless")),
                air_if=_matcher(t.get("air_if")),
                if_target_armed=_retype(t.get("if_target_armed")),
                state_becomes=_retype(t.get("state_becomes")),
                air_words=_matcher((t.get("ground_if_nonstate") or {}).get("air_words")),
                ground_vs_civilians=_retype((t.get("ground_if_nonstate") or {}).get("civilians")),
                ground_vs_armed=_retype((t.get("ground_if_nonstate") or {}).get("armed")),
                air_by_foreign_unless=_matcher((t.get("air_by_foreign_state") or {}).get("unless")),
                needs_actor=frozenset(t.get("needs_actor") or ()),
                battle_if_two_armed=bool(t.get("battle_if_two_armed", False)),
                verb_only=bool(t.get("verb_only", False)),
                generic=bool(t.get("generic", False)),
            )
            self.templates[tpl.id] = tpl
            for phrase in t["triggers"]:
                self.triggers.add(str(phrase), tpl.id)
        self.modifiers = [
            Modifier(tuple(m["applies_to"]), _matcher(m["cues"]), _retype(m["becomes"]))  # type: ignore[arg-type]
            for m in spec.get("modifiers", [])
        ]
        self.air_capable_actors = set(spec.get("air_capable_actors", []))
        roles = spec.get("roles", {})
        self.role_window = int(roles.get("window", 3))
        self.target_cues = _matcher(roles.get("target_cues"))
        self.by_cues = _matcher(roles.get("by_cues"))
        f = spec.get("filters", {})
        self.window = int(f.get("window", 4))
        self.before = {
            name: (_matcher(v["before"]), int(v.get("window", self.window)))
            for name, v in f.items()
            if isinstance(v, dict) and "before" in v
        }
        self.sentence_filters = {name: _matcher(v) for name, v in f.get("sentence", {}).items()}
        # the sentence filters, all read in one scan of a sentence (match_sentence)
        self._sentence_filter_scan = PhraseGroups(self.sentence_filters)
        self.remembered = _matcher(f.get("remembered"))
        self.lifts = {name: (frozenset(v["event_types"]), _matcher(v["cues"])) for name, v in f.get("lift", {}).items()}
        # everything match_sentence reads over a whole sentence, in one walk (see _sentence_walk)
        walked: dict[Any, PhraseMatcher | None] = {"trigger": self.triggers, "remembered": self.remembered}
        walked.update({("filter", name): m for name, m in self.sentence_filters.items()})
        for tpl in self.templates.values():
            walked.update({("unless", tpl.id): tpl.unless, ("needs", tpl.id): tpl.needs,
                           ("needs", tpl.id + "/imperfect"): tpl.needs_imperfect, ("air_if", tpl.id): tpl.air_if})
        self._sentence_scan = PhraseGroups(walked)
        self._sentence_walked = frozenset(self._sentence_scan.names)  # the names of the matchers there are

    @classmethod
    @functools.cache
    def load(cls, path: str | None = None) -> "TemplateSet":
        if path:
            text = open(path, encoding="utf-8").read()
        else:
            text = resources.files("extractor.data").joinpath("triggers.yaml").read_text(encoding="utf-8")
        return cls(load_yaml("triggers.yaml", text, source=path))  # schema-checked (extractor/rules_schema.py)

    # ------------------------------------------------------------------ matching
    def has_trigger(self, text: str) -> bool:
        """Cheap test used to decide which sentences need NER at all."""
        found = self.triggers.contains(text)
        if not found:
            self.note_no_trigger(text)
        return found

    def note_no_trigger(self, text: str) -> None:
        """Remember that ``text`` has no trigger phrase (``not self.triggers.contains(text)``, found by the caller):
        match_sentence need not scan it again (speed only; most sentences have none)."""
        none = self.__dict__.setdefault("_no_trigger", set())
        if len(none) > 20_000:
            none.clear()
        none.add(text)

    def match_sentence(self, sent: Sentence, rejected: list[Rejection] | None = None) -> list[TriggerMatch]:
        """Surviving trigger matches in one sentence (all templates)."""
        if sent.text in self.__dict__.get("_no_trigger", ()):
            return []  # has_trigger found none in this text
        memo: dict = {}  # per-sentence answers shared by the hits (linear on a long sentence with many)
        walk = self._sentence_walk(sent.text)
        off = sent.start
        hits = [Hit(a + off, b + off, ws + off, key, p) for a, b, ws, _, key, p in walk.get("trigger", ())]
        if not hits:
            return []
        # sentence-wide filters first: one look per sentence
        if sent.text.rstrip(" \"'”»)").endswith(("?", "؟")):
            if rejected is not None:  # "هل يهدد داعش حكم طالبان؟": a question reports nothing
                rejected.extend(Rejection(h.payload, sent.index, h.phrase, reason_words("question"), code="question")
                                for h in hits)
            return []
        # filters lifted by a cue: they still stop the other event types, and a hit inside the cue itself
        # ("احتجاجا على قرار المحكمة" says why, it tells no protest of its own)
        lifted: list[tuple[str, frozenset, list]] = []
        for name in self.sentence_filters:
            if ("filter", name) in walk:
                types, cues = self.lifts.get(name, (None, None))
                spans = cues.find(sent.text, sent.start) if cues is not None else []
                if spans:
                    lifted.append((name, types, spans))
                    continue
                if rejected is not None:
                    rejected.extend(Rejection(h.payload, sent.index, h.phrase, reason_words(name), code=name) for h in hits)
                return []
        out: list[TriggerMatch] = []
        # "في الذكرى الأولى لأحداث ...": what follows a commemoration word is the event remembered
        after = min((b + off for _, b, _, _, _, _ in walk.get("remembered", ())), default=None)
        # the hits' templates' own matchers over the whole sentence, as _reject_reason and _contains_without
        # would read them (each walked once per sentence there too): from the same walk
        n, walked = len(sent.text), self._sentence_walked
        for tid in {h.payload for h in hits}:
            for key in (("unless", tid), ("air_if", tid)):
                if key in walked:
                    memo[key] = key in walk  # tpl.unless.contains(text), tpl.air_if.contains(text)
            for key in (tid, tid + "/imperfect"):
                if ("needs", key) in walked:  # _contains_without's edges of tpl.needs (needs_imperfect) in text
                    got = walk.get(("needs", key), ())
                    memo[("needs", key)] = (min((we for _, _, _, we, _, _ in got), default=n + 1),
                                            max((ws for _, _, ws, _, _, _ in got), default=-1))
        # a phrase covered by a longer trigger of another template yields to it
        for h in _drop_nested(hits):
            tpl = self.templates[h.payload]
            reason = next((name for name, types, spans in lifted if tpl.event_type not in types
                           or any(c.word_start <= h.start and h.end <= c.end for c in spans)), "")
            if not reason:
                reason = "history" if after is not None and h.start >= after else self._reject_reason(tpl, sent, h, memo)
            flags = []
            if reason == "needs" and is_definite(sent.text, h.word_start - sent.start, h.start - sent.start):
                # "ووقع الهجوم في مدينة قندوز": a retelling may add place or perpetrator to an event
                # already told, but cannot stand alone (see merge)
                reason, flags = "", ["retell-only"]
            if reason:
                if rejected is not None:
                    rejected.append(Rejection(tpl.id, sent.index, h.phrase, reason_words(reason), code=reason))
                continue
            ev, sub = tpl.event_type, tpl.sub_event_type
            if tpl.air_if is not None and _once(memo, ("air_if", tpl.id), tpl.air_if.contains, sent.text):
                ev, sub = "Explosions/Remote violence", "Air/drone strike"
            out.append(TriggerMatch(tpl, sent, h, ev, sub, tpl.confidence, flags))
        return out

    def _sentence_walk(self, text: str) -> dict[Any, list[tuple[int, int, int, int, str, Any]]]:
        """The hits in ``text`` of every matcher ``match_sentence`` reads over a whole sentence, by name (only names
        with a hit): the triggers (``"trigger"``), the commemoration words (``"remembered"``), each sentence filter
        (``("filter", name)``) and each template's ``unless``, ``needs``, ``needs_imperfect`` and ``air_if``
        (``("unless", id)``, ``("needs", id)``, ``("needs", id + "/imperfect")``, ``("air_if", id)``), as
        ``PhraseMatcher._matches`` tuples (start, end, word start, word end, key, payload), offsets in ``text``.

        One walk of one automaton (:class:`~extractor.phrases.PhraseGroups`) instead of one per matcher (about
        five per sentence with a trigger, a fifth of the characters all matchers walk in a pass): a hit of the
        union is a hit of the matcher it is tagged with and every hit of that matcher is one, each matcher's hits
        in the order its own walk gives them, so ``triggers.iter``, ``contains`` and ``iter_edges`` read from here
        give what the matchers give alone (speed only)."""
        out: dict[Any, list] = {}
        for start, end, ws, we, key, (name, payload) in self._sentence_scan._union._matches(text):
            got = out.get(name)
            if got is None:
                got = out[name] = []
            got.append((start, end, ws, we, key, payload))
        return out

    def _reject_reason(self, tpl: Template, sent: Sentence, h: Hit, memo: dict | None = None) -> str:
        local = sent.text
        memo = {} if memo is None else memo
        ws, we = h.word_start - sent.start, h.end - sent.start
        if (ws > 0 and local[ws - 1] in "#_") or local.startswith("_", we):
            return "hashtag"
        if h.start > h.word_start and local[ws : h.start - sent.start].endswith(_FUTURE):
            return "future"  # "ستقصف"، "وسيتظاهرون": the future prefix before an imperfect trigger
        if tpl.unless is not None and _once(memo, ("unless", tpl.id), tpl.unless.contains, local):
            return "unless"
        if tpl.verb_only and is_definite(local, h.word_start - sent.start, h.start - sent.start):
            return "noun form"
        if tpl.needs is not None and not _contains_without(
            tpl.needs, local, h.start - sent.start, h.end - sent.start, memo, tpl.id
        ) and not (tpl.needs_imperfect is not None and _imperfect_cue(tpl, sent, h, memo)):
            return "needs"
        # a window of tokens before the trigger (size per filter)
        sizes = [size for _, size in self.before.values()]
        if sizes and min(sizes) > 0:
            before_tokens = sent.words_before(h.word_start, max(sizes))
        else:
            before_tokens = [t for t in sent.tokens if t.end <= h.word_start and t.text.isalnum()]
        for name, (m, size) in self.before.items():
            toks = before_tokens[-size:]
            if m is not None and toks and m.contains(local[toks[0].start - sent.start : h.word_start - sent.start]):
                if name == "negation" and clause.spared(local, toks[0].start - sent.start, ws):
                    continue  # "دون وقوع إصابات في صفوف المتظاهرين": the casualties are negated, not the event
                return name
        # the clause's grammar: its mood, and a negation over a coordinated list ("لم تقع أعمال شغب أو مصادمات")
        hs = h.start - sent.start
        lo = clause.clause_start(local, ws)  # read once: the mood and the negation both start there
        mood, _ = clause.mood(local, ws, is_definite(local, ws, hs), we, lo=lo)
        if mood != "report":
            return mood
        if clause.negated_list(local, ws, hs, lo=lo):
            return "negation"
        return ""

    def cue_before(self, which: str, sent: Sentence, pos: int) -> bool:
        """Whether a ``which`` ('target' or 'by') role cue ends within the role window before ``pos``."""
        m = self.target_cues if which == "target" else self.by_cues
        if m is None:
            return False
        if self.role_window > 0:
            toks = sent.words_before(pos, self.role_window)
        else:
            toks = [t for t in sent.tokens if t.end <= pos and t.text.isalnum()][-self.role_window :]
        if not toks:
            return False
        # whole words only: the cue "قتل" is the verb, not "القتلى" (the dead)
        window = sent.text[toks[0].start - sent.start : pos - sent.start]
        if window.endswith("لل"):
            window = window[:-1]  # "تابعة للدعم السريع": ل + (ا)ل, the cue is "تابعة ل"
        elif not window.endswith("ل") and sent.text.startswith("ل", pos - sent.start):
            window += "ل"  # the actor's own word carries the preposition: "تابعة |للدعم"
        return m.contains(window, strict_suffix=True)

    def apply_modifiers(self, event_type: str, sub_event_type: str, text: str) -> tuple[str, str]:
        """Upgrade a protest by cues in its text (intervention, lethal force, riot)."""
        for mod in self.modifiers:
            if sub_event_type in mod.applies_to and mod.cues.contains(text):
                return mod.becomes.event_type, mod.becomes.sub_event_type
        return event_type, sub_event_type


_FUTURE = clitic_part("future")  # the future prefix (س) of the phrase clitics (data/clitics.yaml)
_DEFINITE = proclitics("phrase").definite  # the clitic forms that end in the article (data/clitics.yaml)


def is_definite(text: str, word_start: int, start: int) -> bool:
    """Whether the trigger word carries the article (الضربة، بالغارة، للهجوم): told before, or background.
    ``word_start``..``start`` is a hit's clitics (a form of the clitic policy's phrase variant)."""
    return text[word_start:start] in _DEFINITE or text.startswith("ال", start)


def _drop_nested(hits: list[Hit]) -> list[Hit]:
    """Drop a hit that lies strictly inside a longer hit of a different template.

    A hit that covers ``h`` starts at most ``longest`` characters before ``h`` ends, so only the hits
    starting in that window are compared (sorted by start, found by bisection): linear on a long sentence.
    """
    if len(hits) < 2:
        return list(hits)
    longest = max(h.end - h.start for h in hits)
    by_start = sorted(hits, key=lambda o: o.start)
    starts = [o.start for o in by_start]
    keep = []
    for h in hits:
        lo, hi = bisect_left(starts, h.end - longest), bisect_right(starts, h.start)
        inside = any(
            o is not h and o.payload != h.payload and o.start <= h.start and h.end <= o.end
            and (o.end - o.start) > (h.end - h.start)
            for o in by_start[lo:hi]
        )  # fmt: skip
        if not inside:
            keep.append(h)
    return keep


def _imperfect_cue(tpl: Template, sent: Sentence, h: Hit, memo: dict) -> bool:
    """Whether an imperfect cue of ``tpl`` (``needs_imperfect``) stands in the sentence, outside the trigger, and
    counts: in a headline (the article's first line, no closing full stop; headlines tell past acts in the
    imperfect, "قذائف تسقط على أحياء المدينة") or beside a past anchor ("أمس"), in a clause that reports."""
    local = sent.text
    if not _contains_without(tpl.needs_imperfect, local, h.start - sent.start, h.end - sent.start, memo,
                             tpl.id + "/imperfect"):  # fmt: skip
        return False
    headline = sent.index == 0 and not local.rstrip(" \"'”»)").endswith((".", "!"))
    return headline or bool(_once(memo, ("past",), clause.past_anchor, local))


def _once(memo: dict, key: tuple, fn, *args):
    """``fn(*args)``, computed once per ``key`` in ``memo``."""
    if key not in memo:
        memo[key] = fn(*args)
    return memo[key]


def _contains_without(m: PhraseMatcher, text: str, a: int, b: int, memo: dict, key: str) -> bool:
    """``m.contains(text[:a] + " " + text[b:])`` (the sentence without the trigger), without a new scan of
    the whole sentence per trigger.

    A hit of ``m`` in ``text`` is decided by ``text[word_start - 1 : word_end + 1]`` alone; a hit whose
    verdict reads nothing at or between ``a - 1`` and ``b`` is a hit of the cut text too. So: if such a hit
    exists (the smallest word end before ``a``, or the largest word start after ``b``; both computed once per
    sentence), the answer is yes; otherwise only hits near the cut can answer, and they all lie in a window
    around it that starts and ends at a non-letter (``m.max_len`` beyond the words touching the cut).
    """
    edges = memo.get(("needs", key))
    if edges is None:
        found = list(m.iter_edges(text))
        edges = memo[("needs", key)] = (min((we for _, we in found), default=len(text) + 1),
                                        max((hit.word_start for hit, _ in found), default=-1))  # fmt: skip
    min_end, max_start = edges
    if min_end < a or max_start - 1 >= b:
        return True
    n, k = len(text), m.max_len + 1
    i = a
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    c1 = max(0, i - k)
    while c1 > 0 and text[c1 - 1].isalpha():
        c1 -= 1
    j = b
    while j < n and text[j].isalpha():
        j += 1
    c2 = min(n, j + k)
    while c2 < n and text[c2].isalpha():
        c2 += 1
    return m.contains(text[c1:a] + " " + text[b:c2])


def old_years(text: str, published_year: int | None) -> list[int]:
    """Years named in a sentence that lie before the publication year (history)."""
    if published_year is None:
        return []
    # both patterns need a year's first two digits as written, "19" or "20" (ASCII): a text without either names
    # no year, and the look-behinds of _YEAR, tried at every character, make the scan cost more than this test
    # (speed only; every clause with trigger matches asks)
    if "19" not in text and "20" not in text:
        return []
    years = [int(y) for y in _YEAR.findall(text)]
    years += [int(y) for pair in _YEAR_RANGE.findall(text) for y in pair]  # "(1982-1990)"
    return [y for y in years if y < published_year]
