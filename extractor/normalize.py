"""Arabic normalisation that remembers where every character came from.

Matching triggers, gazetteer names and NER tokens all happen on normalised text
(no diacritics or tatweel, one alef, ya for alef maqsura, ha for ta marbuta,
ASCII digits), but every row we emit must point back into the *original* text.
So normalisation maps each character to one character or deletes it (a few
presentation-form ligatures, such as ﻻ or ﷲ, become several), and keeps an index
map back.

It runs on every character of every article, so there is no Python loop per
character: one regex pass rewrites the characters that change, and the offset
map is a ``range`` unless characters were dropped (then it is built from the
dropped runs).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

# Characters that are dropped: harakat, tanwin, shadda, sukun, superscript alef,
# Quranic marks, tatweel, zero-width and bidi controls.
_DROP = set(range(0x0610, 0x061B)) | set(range(0x064B, 0x0660)) | {0x0670, 0x0640}
_DROP |= set(range(0x06D6, 0x06EE)) | {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF}
_DROP |= set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x061C}

_MAP: dict[int, str] = {}
for _c in "أإآٱٲٳ":
    _MAP[ord(_c)] = "ا"
_MAP[ord("ى")] = "ي"
_MAP[ord("ی")] = "ي"  # Farsi yeh
_MAP[ord("ک")] = "ك"  # Farsi keheh
_MAP[ord("ة")] = "ه"
_MAP[ord("ۀ")] = "ه"
for _i in range(10):
    _MAP[0x0660 + _i] = str(_i)  # Arabic-Indic digits
    _MAP[0x06F0 + _i] = str(_i)  # Extended (Persian) digits
_MAP[ord("٫")] = "."  # Arabic decimal separator
_MAP[ord("٬")] = ","  # Arabic thousands separator
_MAP[0x00A0] = " "  # no-break space
for _q in "“”«»„‟″":
    _MAP[ord(_q)] = '"'
for _q in "‘’‚‛′":
    _MAP[ord(_q)] = "'"
_MAP[ord("–")] = "-"
_MAP[ord("—")] = "-"

# Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFF: the shaped glyphs of old encodings and PDFs, e.g.
# ﻏﺎﺭﺓ) are read as the letters they show: their NFKC form, then the table above. A few ligatures expand
# (ﻻ -> لا, ﷲ -> الله); every character of an expansion maps back to the ligature.
for _cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]:
    _ch = chr(_cp)
    _nf = unicodedata.normalize("NFKC", _ch)
    if _nf == _ch or _cp in _DROP:
        continue
    _form_of = "".join("" if ord(c) in _DROP else _MAP.get(ord(c), c) for c in _nf)
    if _form_of.strip() == "" and _form_of != " ":
        _DROP.add(_cp)
    else:
        _MAP[_cp] = _form_of

# Every character that changes -> its form ('' when dropped). In news text about 6% of the characters
# change, nine in ten of them one of five letters (ة أ ى إ آ): those go by str.replace, one pass each over
# the text in C, and one regex finds the others, with a callback per hit (both beat str.translate's dict
# look-up per character). The order does not matter: no form holds a character that changes (checked).
_FORM: dict[str, str] = {chr(cp): "" for cp in _DROP}
_FORM.update({chr(cp): s for cp, s in _MAP.items() if cp not in _DROP})
assert not any(c in _FORM for f in _FORM.values() for c in f), "a normalised form must not change again"
_COMMON = tuple((c, _FORM[c]) for c in "ةأىإآ")
_CHANGED_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_FORM) if c not in dict(_COMMON)) + "]")
_DROP_RE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_DROP)) + "]+")
_EXPANDS = "".join(sorted(c for c, f in _FORM.items() if len(f) > 1))
_EXPAND_RE = re.compile("[" + re.escape(_EXPANDS) + "]")
_SIZED_RE = re.compile("[" + re.escape(_EXPANDS) + "".join(re.escape(chr(cp)) for cp in sorted(_DROP)) + "]")
_form = _FORM.__getitem__


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus ``offsets[i]`` = index in the original of ``text[i]``.

    ``offsets`` has one extra trailing entry (the original length) so that an
    exclusive end offset maps back too.
    """

    text: str
    offsets: Sequence[int]  # a range when nothing was dropped

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) span back to the original text."""
        if start >= end:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize_char(ch: str) -> str:
    """Return the normalised form of one character ('' when it is dropped)."""
    return _FORM.get(ch, ch)


class _Offsets(Sequence):
    """``offsets`` when characters were dropped: kept index ``i`` is ``i`` plus the characters dropped
    before it, found by bisection over the dropped runs (built in one regex pass, no list per character)."""

    __slots__ = ("_at", "_len", "_shift")

    def __init__(self, at: list[int], shift: list[int], length: int):
        self._at = at  # normalised index where each dropped run was (sorted)
        self._shift = shift  # characters dropped up to and including that run
        self._len = length

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._len))]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("offset index out of range")
        k = bisect_right(self._at, i)
        return i + (self._shift[k - 1] if k else 0)


def _offsets(text: str) -> Sequence[int]:
    """Original index of every kept character (plus the length): the gaps are the dropped runs."""
    n = len(text)
    if _EXPAND_RE.search(text) is not None:  # rare: a ligature that becomes several letters
        out: list[int] = []
        pos = 0
        for m in _SIZED_RE.finditer(text):
            out.extend(range(pos, m.start()))
            out.extend([m.start()] * len(_FORM[m.group()]))
            pos = m.end()
        out.extend(range(pos, n + 1))
        return out
    dropped = _DROP_RE.search(text)
    if dropped is None:
        return range(n + 1)
    at: list[int] = []
    shift: list[int] = []
    total = 0
    for m in _DROP_RE.finditer(text, dropped.start()):
        at.append(m.start() - total)
        total += m.end() - m.start()
        shift.append(total)
    return _Offsets(at, shift, n - total + 1)


def normalize(text: str) -> Normalized:
    """Normalise ``text`` and keep a map back to original character offsets."""
    return Normalized(normalize_text(text), _offsets(text))


def normalize_text(text: str) -> str:
    """Normalise without the offset map (for dictionary keys and patterns)."""
    for c, f in _COMMON:
        text = text.replace(c, f)
    return _CHANGED_RE.sub(_sub, text)


def _sub(m: re.Match) -> str:
    return _form(m.group())


_SPACE = re.compile(r"\s+")


def normalize_key(text: str) -> str:
    """Key form for dictionary look-ups: normalised, lower-cased, single spaces."""
    return _SPACE.sub(" ", normalize_text(text)).strip().lower()
