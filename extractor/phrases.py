"""The one Arabic phrase-matching layer: the clitic policy, and an Aho-Corasick automaton for many
phrases with clitic-aware word edges.

**The clitic policy** lives in ``extractor/data/clitics.yaml``: the parts of a proclitic chain
(conjunction و ف, preposition ب ل ك, the article ال, the future س), how they join (ل + ال = لل)
and one named variant per kind of matcher where the uses truly differ (``phrase`` allows the future
prefix before verbs, ``noun`` (actor aliases, building words) does not, ``place`` stops before the article because a gazetteer key
carries its own, ``modifier`` is the article forms stripped from a place modifier word). Every
matcher takes its clitics from :func:`proclitics` and its endings from :func:`suffixes`:
:class:`PhraseMatcher` (triggers, cues, filters), ``resolve/actors.py`` (the actor lexicon),
``resolve/places.py`` (place candidate scanning and modifier stripping).

**PhraseMatcher** is used for triggers, cue words and filters. A phrase matches at the start of a
word, optionally after attached clitics (the ``phrase`` variant: و ف ب ل ك ال and chains such as
وبال، فال، لل، فس), and must end at a word end unless it was written with a trailing ``*`` (a stem)
or only an ending of the ``phrase`` suffixes follows. Text and phrases are both normalised
(:mod:`extractor.normalize`), so spelling variants of hamza, ta marbuta and alef maqsura meet.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick

from .normalize import normalize_key
from .rules_schema import load_yaml


# ----------------------------------------------------------------------------- the clitic policy
@dataclass(frozen=True)
class Proclitics:
    """One variant of the clitic policy: the strings allowed between a word start and a phrase."""

    name: str
    forms: tuple[str, ...]  # "" first, then by length (a fixed order: the data's)
    definite: frozenset[str]  # the forms that end in the article (ال، وبال، لل): before an alias written with it
    before_ll: frozenset[str]  # the forms ending in the preposition ل: they also stand before an article written لل
    letters: str  # the one-letter conjunctions and prepositions (و ف ب ل ك), stripped letter by letter

    def __contains__(self, form: object) -> bool:
        return form in self.set

    def __iter__(self) -> Iterator[str]:
        return iter(self.forms)

    def __len__(self) -> int:
        return len(self.forms)

    @functools.cached_property
    def set(self) -> frozenset[str]:
        return frozenset(self.forms)

    @property
    def longest(self) -> int:
        return max(map(len, self.forms))


@functools.cache
def _policy() -> dict[str, Any]:
    return load_yaml("clitics.yaml")  # checked against its schema (extractor/rules_schema.py)


@functools.cache
def proclitics(variant: str) -> Proclitics:
    """The proclitics of one named variant of ``data/clitics.yaml`` (phrase, actor, place, modifier)."""
    data = _policy()
    spec = data["proclitics"][variant]
    parts: dict[str, list[str]] = data["parts"]
    joins: dict[str, str] = data.get("contractions") or {}
    required = set(spec.get("required") or ())
    drop = set(spec.get("drop") or ())
    forms: dict[str, bool] = {}  # form -> whether it ends in the article
    for chain in spec["chains"]:
        slots = [[("", None)] + [(f, part) for f in parts[part]] for part in chain]
        for combo in itertools.product(*slots):
            used = {part for _, part in combo if part}
            if not required <= used:
                continue
            form = "".join(f for f, _ in combo)
            for joined, written in joins.items():
                form = form.replace(joined, written)
            if form not in drop:
                forms.setdefault(form, "article" in used)
    for form in spec.get("add") or ():
        forms.setdefault(form, False)
    ordered = tuple(sorted(forms, key=len))  # stable: the data's order within a length
    letters = "".join(f for part in ("conjunction", "preposition") for f in parts.get(part, ()) if len(f) == 1)
    # the prepositions that join the article (ل of لال -> لل): a form ending in one, without the article,
    # also stands before a key whose article is written joined (للعراق = ل + العراق)
    joining = tuple(j[: -len(a)] for j in joins for a in parts.get("article", ()) if j.endswith(a) and len(j) > len(a))
    before_ll = frozenset(f for f in ordered if joining and f.endswith(joining) and not forms[f])
    return Proclitics(variant, ordered, frozenset(f for f in ordered if forms[f]), before_ll, letters)


def clitic_part(name: str) -> tuple[str, ...]:
    """The forms of one part of a proclitic chain (``conjunction``: و ف; ``preposition``: ب ل ك; ...)."""
    return tuple(_policy()["parts"][name])


def clitic_regex(forms) -> str:
    """An optional regex group of clitic forms, in the order given ("" left out): ``(?:و|ف)?``."""
    return "(?:" + "|".join(re.escape(f) for f in forms if f) + ")?"


@functools.cache
def suffixes(variant: str) -> tuple[str, ...]:
    """The endings of one named ``suffixes`` variant of ``data/clitics.yaml`` (phrase, adjective), in the data's order."""
    return tuple(_policy()["suffixes"][variant]["forms"])


# Clitic strings allowed between a word start and a phrase (the ``phrase`` variant).
CLITICS = proclitics("phrase").set
# Endings allowed after a whole-word phrase: pronoun suffixes and case/number endings.
SUFFIXES = frozenset(suffixes("phrase"))


_LAST_LOWER: tuple[str | None, str] = (None, "")  # the last text PhraseMatcher.iter_edges read, and its lower case
_MAX_CLITIC = max(map(len, CLITICS))
_MAX_SUFFIX = max(map(len, SUFFIXES))


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


@dataclass(frozen=True)
class Hit:
    start: int  # span of the phrase itself (without clitics)
    end: int
    word_start: int  # start of the word the phrase begins in (clitics included)
    phrase: str  # the normalised phrase
    payload: Any


def phrase_keys(phrase: str) -> tuple[bool, list[str]]:
    """How a phrase of a rule file is matched: (a ``*`` stem?, its normalised keys). A multi-word noun
    phrase also matches its definite form (قصف جوي -> القصف الجوي, مسلحين مجهولين -> المسلحين
    المجهولين), as Arabic adjectives agree in definiteness; an empty phrase has no key."""
    stem = phrase.endswith("*")
    key = normalize_key(phrase.rstrip("*"))
    if not key:
        return stem, []
    keys = [key]
    words = key.split(" ")
    if len(words) > 1 and not any(w.startswith("ال") for w in words):
        keys.append(" ".join("ال" + w for w in words))
    return stem, keys


class PhraseMatcher:
    """Find many phrases at once; each phrase carries payloads (e.g. template ids)."""

    def __init__(self, phrases: Iterable[tuple[str, Any]] = ()):
        self._auto = ahocorasick.Automaton()
        self._payloads: dict[str, list[tuple[bool, Any]]] = {}
        for phrase, payload in phrases:
            self.add(phrase, payload)
        self._built = False

    def add(self, phrase: str, payload: Any) -> None:
        """Add a phrase (its keys: :func:`phrase_keys`)."""
        stem, keys = phrase_keys(phrase)
        for k in keys:
            entries = self._payloads.setdefault(k, [])
            if (stem, payload) not in entries:
                entries.append((stem, payload))
        self._built = False

    def _build(self) -> None:
        self._auto = ahocorasick.Automaton()
        for key in self._payloads:
            self._auto.add_word(key, key)
        if self._payloads:
            self._auto.make_automaton()
        self._built = True

    def __len__(self) -> int:
        return len(self._payloads)

    def iter(self, text: str, offset: int = 0, *, strict_suffix: bool = False) -> Iterator[Hit]:
        """All clitic-aware matches in ``text`` (already normalised), in text order."""
        for start, end, ws, _, key, payload in self._matches(text, strict_suffix):
            yield Hit(start + offset, end + offset, ws + offset, key, payload)

    @property
    def max_len(self) -> int:
        """Length of the longest phrase (after normalisation)."""
        return max(map(len, self._payloads), default=0)

    def iter_edges(self, text: str, offset: int = 0, *, strict_suffix: bool = False) -> Iterator[tuple[Hit, int]]:
        """Like :meth:`iter`, with the end of each hit's word (``offset`` added): the hit's verdict reads
        ``text[hit.word_start - 1 : word_end + 1]`` and nothing else."""
        for start, end, ws, we, key, payload in self._matches(text, strict_suffix):
            yield Hit(start + offset, end + offset, ws + offset, key, payload), we + offset

    def _matches(self, text: str, strict_suffix: bool = False) -> Iterator[tuple[int, int, int, int, str, Any]]:
        """The matches of :meth:`iter_edges` as plain tuples (start, end, word start, word end, key, payload), offsets
        in ``text``: the callers that only ask whether there is one (:meth:`contains`, :class:`PhraseGroups`) build
        no :class:`Hit` (a frozen dataclass, slow to make; speed only)."""
        if not self._built:
            self._build()
        if not self._payloads:
            return
        global _LAST_LOWER
        last = _LAST_LOWER  # many matchers read the same sentence in turn: its lower case is made once
        if last[0] is text:
            low = last[1]
        else:
            low = text.lower()
            _LAST_LOWER = (text, low)
        n = len(low)
        # Word edges are found by walking over letters; the last walk in each direction is remembered,
        # so a long run of letters without spaces is walked once, not once per hit in it (linear time).
        la = lb = ra = rb = -1  # [la, lb): letters from a word start; [ra, rb): letters up to a word end
        for end_idx, key in self._auto.iter(low):
            start = end_idx - len(key) + 1
            end = end_idx + 1
            # left edge: walk back over letters to the word start; they must be clitics
            if la <= start <= lb:
                ws = la
            else:
                ws = start
                while ws > 0 and low[ws - 1].isalpha():
                    ws -= 1
                    if ws == lb:
                        ws = la
                        break
            la, lb = ws, start
            if start - ws > _MAX_CLITIC or low[ws:start] not in CLITICS:
                continue
            # right edge
            if ra <= end <= rb:
                we = rb
            else:
                we = end
                while we < n and low[we].isalpha():
                    we += 1
                ra, rb = end, we
            tail = low[end:we] if we - end <= _MAX_SUFFIX else None  # longer: no suffix, and not ""
            # a final ه is mostly a normalised ة, which takes suffixes as ت (مظاهرتها): "مظاهرها" is
            # "its aspects", not "مظاهره" + ا
            suffix_ok = not strict_suffix and tail in SUFFIXES and not (key.endswith("ه") and tail)
            for stem, payload in self._payloads[key]:
                if stem or tail == "" or suffix_ok:
                    yield start, end, ws, we, key, payload

    def find(self, text: str, offset: int = 0) -> list[Hit]:
        return list(self.iter(text, offset))

    def contains(self, text: str, *, strict_suffix: bool = False) -> bool:
        for _ in self._matches(text, strict_suffix):
            return True
        return False


class PhraseGroups:
    """Several matchers read in one scan of a text (most of the matching time is the automaton's walk over
    the characters, so k matchers over the same text cost k walks; here, one).

    Built from ``{name: PhraseMatcher}``: one automaton holds every key of every matcher, each entry tagged
    with its matcher's name. A hit of the union is a hit of the matcher it is tagged with, and every hit of
    that matcher is one: a hit's verdict (word edges, clitics, suffix) reads only the text and its own entry,
    never the other keys. ``names_in`` answers ``m.contains(text)`` for every matcher at once; ``iter_edges``
    yields ``(name, hit, word_end)`` with each matcher's own payloads, in text order (each matcher's hits in
    the order its own ``iter_edges`` gives them).
    """

    def __init__(self, matchers: dict[str, PhraseMatcher | None]):
        self.names = tuple(name for name, m in matchers.items() if m is not None)
        self._union = PhraseMatcher()
        for name in self.names:
            for key, entries in matchers[name]._payloads.items():  # keys already normalised: copied as they are
                self._union._payloads.setdefault(key, []).extend((stem, (name, p)) for stem, p in entries)

    def iter_edges(self, text: str, offset: int = 0, *, strict_suffix: bool = False) -> Iterator[tuple[str, Hit, int]]:
        for start, end, ws, we, key, (name, payload) in self._union._matches(text, strict_suffix):
            yield name, Hit(start + offset, end + offset, ws + offset, key, payload), we + offset

    def iter_names(self, text: str, offset: int = 0, *, strict_suffix: bool = False) -> Iterator[tuple[str, int, int]]:
        """``(name, word_start, word_end)`` of each hit of :meth:`iter_edges`, without making the hit."""
        for _, _, ws, we, _, payload in self._union._matches(text, strict_suffix):
            yield payload[0], ws + offset, we + offset

    def names_in(self, text: str, *, strict_suffix: bool = False) -> set[str]:
        """The names of the matchers with a hit in ``text`` (``{n for n, m in matchers.items() if m.contains(text)}``)."""
        found: set[str] = set()
        want = len(self.names)
        for match in self._union._matches(text, strict_suffix):
            found.add(match[5][0])
            if len(found) == want:
                break
        return found


def longest_non_overlapping(hits: Iterable[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (ties: the earlier one)."""
    ordered = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    return sorted(disjoint_in_order(ordered, lambda h: h.start, lambda h: h.end), key=lambda h: h.start)


def disjoint_in_order(items: Iterable[Any], start: Callable[[Any], int], end: Callable[[Any], int]) -> list[Any]:
    """Each item in turn, kept unless its [start, end) overlaps one kept before (``all(e <= c.start or
    s >= c.end for c in kept)``), in O(log n) per item: the kept spans are disjoint, so sorted by
    (start, end) their ends rise too, and only the last kept span starting before ``end`` can overlap."""
    kept: list[Any] = []
    keys: list[tuple[int, int]] = []  # (start, end) of the kept spans, sorted
    for it in items:
        s, e = start(it), end(it)
        i = bisect_left(keys, (e, -1))  # kept spans that start before e ...
        if i > 0 and keys[i - 1][1] > s:  # ... the one ending last reaches past s: overlap
            continue
        kept.append(it)
        insort(keys, (s, e))
    return kept
