"""Arabic normalisation that remembers where every character came from.

Matching triggers, gazetteer names and NER tokens all happen on normalised text
(no diacritics or tatweel, one alef, ya for alef maqsura, ha for ta marbuta,
ASCII digits), but every row we emit must point back into the *original* text.
So normalisation is a character-by-character rewrite that only ever maps one
character to one character or deletes it, and keeps an index map back.
"""

from __future__ import annotations

import re
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


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus ``offsets[i]`` = index in the original of ``text[i]``.

    ``offsets`` has one extra trailing entry (the original length) so that an
    exclusive end offset maps back too.
    """

    text: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) span back to the original text."""
        if start >= end:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize_char(ch: str) -> str:
    """Return the normalised form of one character ('' when it is dropped)."""
    cp = ord(ch)
    if cp in _DROP:
        return ""
    return _MAP.get(cp, ch)


def normalize(text: str) -> Normalized:
    """Normalise ``text`` and keep a map back to original character offsets."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        n = normalize_char(ch)
        if n:
            out.append(n)
            offsets.append(i)
    offsets.append(len(text))
    return Normalized("".join(out), tuple(offsets))


def normalize_text(text: str) -> str:
    """Normalise without the offset map (for dictionary keys and patterns)."""
    return "".join(normalize_char(ch) for ch in text)


_SPACE = re.compile(r"\s+")


def normalize_key(text: str) -> str:
    """Key form for dictionary look-ups: normalised, lower-cased, single spaces."""
    return _SPACE.sub(" ", normalize_text(text)).strip().lower()
