"""One Aho-Corasick automaton for many Arabic phrases, with clitic-aware word edges.

Used for triggers, cue words and filters. A phrase matches at the start of a
word, optionally after attached clitics (و ف ب ل ك ال and combinations such as
وبال، فال، لل), and must end at a word end unless it was written with a trailing
``*`` (a stem) or only a pronoun suffix follows. Text and phrases are both
normalised (:mod:`extractor.normalize`), so spelling variants of hamza, ta
marbuta and alef maqsura meet.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick

from .normalize import normalize_key

# Clitic strings allowed between a word start and a phrase.
CLITICS = frozenset(
    {"", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "وب", "ول", "فب", "فل", "وك",
     "وبال", "وكال", "ولل", "فبال", "فلل", "س", "وس", "فس"}
)  # fmt: skip
# Endings allowed after a whole-word phrase: pronoun suffixes and case/number endings.
SUFFIXES = frozenset({"", "ه", "ها", "هم", "هما", "هن", "ا", "ي", "ين", "ون", "ات", "ان", "تين", "تان"})


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


class PhraseMatcher:
    """Find many phrases at once; each phrase carries payloads (e.g. template ids)."""

    def __init__(self, phrases: Iterable[tuple[str, Any]] = ()):
        self._auto = ahocorasick.Automaton()
        self._payloads: dict[str, list[tuple[bool, Any]]] = {}
        for phrase, payload in phrases:
            self.add(phrase, payload)
        self._built = False

    def add(self, phrase: str, payload: Any) -> None:
        """Add a phrase; a multi-word noun phrase also matches its definite form
        (قصف جوي -> القصف الجوي), as Arabic adjectives agree in definiteness."""
        stem = phrase.endswith("*")
        key = normalize_key(phrase.rstrip("*"))
        if not key:
            return
        keys = [key]
        words = key.split(" ")
        if len(words) > 1 and not any(w.startswith("ال") for w in words):
            keys.append(" ".join("ال" + w for w in words))
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
        for hit, _ in self.iter_edges(text, offset, strict_suffix=strict_suffix):
            yield hit

    @property
    def max_len(self) -> int:
        """Length of the longest phrase (after normalisation)."""
        return max(map(len, self._payloads), default=0)

    def iter_edges(self, text: str, offset: int = 0, *, strict_suffix: bool = False) -> Iterator[tuple[Hit, int]]:
        """Like :meth:`iter`, with the end of each hit's word (``offset`` added): the hit's verdict reads
        ``text[hit.word_start - 1 : word_end + 1]`` and nothing else."""
        if not self._built:
            self._build()
        if not self._payloads:
            return
        low = text.lower()
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
                    yield Hit(start + offset, end + offset, ws + offset, key, payload), we + offset

    def find(self, text: str, offset: int = 0) -> list[Hit]:
        return list(self.iter(text, offset))

    def contains(self, text: str, *, strict_suffix: bool = False) -> bool:
        return next(self.iter(text, strict_suffix=strict_suffix), None) is not None


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
