"""The clause around a trigger, read by its grammar: where it begins, its mood, and whether a negation reaches it.

A trigger counts as a reported act only in a clause that reports one. Three readings, each stated as grammar
with its small words in ``data/clause.yaml``:

* the clause: it begins after the last boundary mark (، . : « ...) or clause-opening word (لكن، بينما، الذي
  ...) before the trigger, and ends at the next mark;
* its mood: a conditional (إذا، لو، في حال), a question (هل), a wish or obligation (ليت، يجب أن) or the
  future (سوف، لن, or a verb with the future prefix: "سترون صواريخ تسقط") before the trigger in its clause
  makes it no report; a trigger with the article ("الهجوم") names an event told elsewhere and keeps its mood;
* negation over coordination: a negator's scope runs over the nouns of a list joined by أو / و / ولا ("لم
  تقع أعمال شغب أو مصادمات"), up to a preposition or another clause; a negated casualty noun ("دون وقوع
  إصابات في صفوف المتظاهرين") negates the casualties, not the event after it.

Positions are offsets in the (normalised) sentence text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .normalize import normalize_key
from .rules_schema import load_yaml

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Words:
    """The clause words of ``data/clause.yaml``, normalised."""

    marks: frozenset[str]
    openers: Phrases
    moods: dict[str, Phrases]
    prefix: str
    imperfect: tuple[str, ...]
    min_stem: int
    not_future: tuple[str, ...]
    past: Phrases
    negators: Phrases
    coordinators: frozenset[str]
    stops: frozenset[str]
    reach: int
    casualties: Phrases
    predicate: int


class Phrases(tuple):
    """Word phrases, longest first, with ``first``: the same phrases grouped by their first word (in that order),
    so that a look-up at a token tries only the phrases that can start there (the same answer as trying all)."""

    first: dict[str, tuple[tuple[str, ...], ...]]


def _phrases(items) -> Phrases:
    out = Phrases(sorted({tuple(normalize_key(str(p)).split()) for p in items or () if normalize_key(str(p))},
                         key=len, reverse=True))
    first: dict[str, list[tuple[str, ...]]] = {}
    for p in out:
        first.setdefault(p[0], []).append(p)
    out.first = {k: tuple(v) for k, v in first.items()}
    return out


@functools.cache
def words() -> Words:
    d = load_yaml("clause.yaml")
    fp, neg = d["future_prefix"], d["negation"]
    return Words(
        marks=frozenset(d["boundary_marks"]),
        openers=_phrases(d["openers"]),
        moods={k: _phrases(v) for k, v in d["mood"].items()},
        prefix=normalize_key(fp["prefix"]),
        imperfect=tuple(normalize_key(p) for p in fp["imperfect"]),
        min_stem=int(fp.get("min_stem", 3)),
        not_future=tuple(normalize_key(w) for w in d.get("not_future") or ()),
        past=_phrases(d.get("past_anchors")),
        negators=_phrases(neg["negators"]),
        coordinators=frozenset(normalize_key(w) for w in neg["coordinators"]),
        stops=frozenset(normalize_key(w) for w in neg["stops"]),
        reach=int(neg.get("reach", 8)),
        casualties=_phrases(neg.get("casualties")),
        predicate=int(fp.get("predicate", 0)),
    )


_key = functools.lru_cache(maxsize=1 << 16)(normalize_key)  # a word's key, remembered: the same words recur


@functools.lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, key) of each word; remembered: a trigger's mood and the negation over a list read the same
    stretch of its clause, and several triggers of a sentence the same clause."""
    return tuple([(m.start(), m.end(), _key(m.group())) for m in _WORD.finditer(text)])  # a list first: faster


def _at(toks: tuple[tuple[int, int, str], ...], i: int, phrases: Phrases) -> tuple[str, ...] | None:
    """The longest of ``phrases`` that starts at token ``i``."""
    for p in phrases.first.get(toks[i][2], ()):
        if len(p) == 1 or tuple(t[2] for t in toks[i : i + len(p)]) == p:
            return p
    return None


def mark_start(text: str, pos: int) -> int:
    """Where the text after the nearest boundary mark before ``pos`` begins (0 when there is none)."""
    marks = words().marks
    lo = pos
    while lo > 0 and text[lo - 1] not in marks:  # back to the nearest mark only: linear in the clause
        lo -= 1
    return lo


def opener_span(text: str, pos: int) -> tuple[int, int]:
    """(start, end) in ``text`` of the clause-opening word (``openers``: لكن، الذي ...) that opens the clause
    holding ``pos``; (lo, lo) at the clause's start when a boundary mark (or the text's start) opens it."""
    w = words()
    lo = mark_start(text, pos)
    toks = _tokens(text[lo:pos])
    for i in range(len(toks) - 1, -1, -1):
        p = _at(toks, i, w.openers)
        if p is not None and i + len(p) <= len(toks):
            return lo + toks[i][0], lo + toks[i + len(p) - 1][1]
    return lo, lo


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins: after the last boundary mark or clause-opening word before it."""
    return opener_span(text, pos)[1]


def clause_opener(text: str, pos: int) -> str:
    """The clause-opening word (``openers``: لكن، الذي، حيث ...) that opens the clause holding ``pos``, as written
    in ``text``, or "" when a boundary mark (or the text's start) opens it."""
    start, end = opener_span(text, pos)
    return text[start:end]


def clause_end(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` (an offset in ``text``, not negative) ends: at the next boundary mark."""
    found = _mark_re().search(text, pos)
    return found.start() if found is not None else len(text)


@functools.cache
def _mark_re() -> re.Pattern:
    """One character that is a boundary mark (a mark of more than one character is never one character of the text,
    so it ends no clause here either): the next one found in one regex scan, not character by character (speed only)."""
    marks = sorted(m for m in words().marks if len(m) == 1)
    return re.compile("[" + "".join(re.escape(m) for m in marks) + "]") if marks else re.compile("(?!)")


def _future_verb(word: str) -> bool:
    """"سترون"، "وسيواجه": the future prefix on an imperfect (not "سيارة"، "سياسة"، "سيطرة")."""
    w = words()
    if word[:1] in "وف" and word[1:2] == w.prefix:
        word = word[1:]
    if not word.startswith(w.prefix) or len(word) < len(w.prefix) + 1 + w.min_stem:
        return False
    rest = word[len(w.prefix) :]
    return rest.startswith(w.imperfect) and not word.startswith(w.not_future)


def mood(text: str, word_start: int, definite: bool = False, end: int | None = None,
         lo: int | None = None) -> tuple[str, str]:
    """(mood, the cue) of the clause before the trigger word at ``word_start``: ("report", "") when it reports.
    Moods: conditional, question, wish, future. A definite trigger names an event told elsewhere: a report.
    ``end`` (the trigger's end): a future verb among the next words is the trigger's own predicate ("هجوما
    بالقنبلة سينفذ"، "صواريخ ستسقط").
    ``lo``: where the clause begins (:func:`clause_start`), when the caller has it."""
    if definite:
        return "report", ""
    w = words()
    if end is not None:
        hi = clause_end(text, end)
        nxt = _tokens(text[end:hi])[: w.predicate]
        verb = next((t[2] for t in nxt if _future_verb(t[2])), "")
        if verb:
            return "future", verb
    lo = clause_start(text, word_start) if lo is None else lo
    toks = _tokens(text[lo:word_start])
    for i in range(len(toks)):
        for name, phrases in w.moods.items():
            p = _at(toks, i, phrases)
            if p is not None:
                return name, " ".join(p)
        if _future_verb(toks[i][2]):
            return "future", toks[i][2]
    return "report", ""


def past_anchor(text: str) -> str:
    """A word that dates the clause in the past ("أمس"، "يوم الخميس"), or ""."""
    toks = _tokens(text)
    for i in range(len(toks)):
        p = _at(toks, i, words().past)
        if p is not None:
            return " ".join(p)
    return ""


def negated_list(text: str, word_start: int, start: int | None = None, lo: int | None = None) -> str:
    """The negator whose scope reaches the trigger word at ``word_start`` as a noun of a coordinated list ("لم
    تقع أعمال شغب أو مصادمات", "لا قصف ولا اشتباكات"), or "". The trigger must follow a coordinator (or carry و),
    with no preposition, relative word or boundary between it and the negator. ``lo``: as for
    :func:`mood`."""
    w = words()
    lo = clause_start(text, word_start) if lo is None else lo
    toks = _tokens(text[lo:word_start])
    if not toks:
        return ""
    glued = text[word_start : start if start is not None else word_start].startswith("و")
    if not (glued or toks[-1][2] in w.coordinators):
        return ""
    for i in range(len(toks) - 1, -1, -1):
        if len(toks) - i > w.reach + 1:
            return ""
        p = _at(toks, i, w.negators)
        if p is not None:
            between = [t[2] for t in toks[i + len(p) :]]
            if any(b in w.stops for b in between) or spared(text, lo + toks[i][0], word_start):
                return ""
            return " ".join(p)
        if toks[i][2] in w.stops:
            return ""
    return ""


def spared(text: str, neg_start: int, word_start: int) -> bool:
    """"دون وقوع إصابات في صفوف المتظاهرين": between the negator and the trigger a casualty noun is negated and a
    preposition opens the phrase that holds the trigger: the event itself is not negated."""
    w = words()
    toks = _tokens(text[neg_start:word_start])
    for i in range(len(toks)):
        p = _at(toks, i, w.casualties)
        if p is not None:
            return any(t[2] in w.stops for t in toks[i + len(p) :])
    return False
