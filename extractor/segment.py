"""Sentences and tokens, the same way at training time and at run time.

The bundled NER model is trained on ANERcorp re-tokenised with :func:`tokenize`
(see ``tools/build_ner_data.py``), so run-time tokens look exactly like the
training tokens: words are split on whitespace and punctuation only; clitics
(و، ب، ل، ال) stay attached, as in ANERcorp. Numbers keep their separators
(``1,000``, ``3.5``) and Latin words keep inner hyphens (``MQ-9``).
Tokenisation runs on *normalised* text (see :mod:`extractor.normalize`).

A sentence tokenises itself when its tokens are first read: only the sentences
that carry a trigger (NER, rules) ever need them, and building a token object
for every word of every article was the largest cost of the floor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

TOKEN_RE = re.compile(
    r"\d+(?:[.,:/]\d+)*%?"  # numbers, times, dates, percentages
    r"|[^\W\d_]+(?:[-'][^\W\d_]+)*(?:-\d+)?"  # words (Arabic or Latin), MQ-9
    r"|\w+"  # anything else word-like
    r"|[^\w\s]",  # one punctuation mark
)

# A sentence ends after . ! ? ؟ … (and runs of them) followed by a space, the end,
# or an Arabic letter (scraped text often glues sentences: "الخرطوم.وتحولت"),
# or at a line break -- but not at the stop of an initial or an abbreviation (see _no_stop).
_SENT_END = re.compile(r"[.!?؟…]+[\"')\]»]*(?=\s|$|[\u0621-\u064a])|\n+")


def _load_abbreviations() -> frozenset[str]:
    """``data/abbreviations.txt``: words after which "." is not a full stop (normalised, lower-cased)."""
    from importlib import resources

    from .normalize import normalize_text

    out = set()
    text = resources.files("extractor.data").joinpath("abbreviations.txt").read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        word = line.split("#", 1)[0].strip()
        if not word:
            continue
        pieces = normalize_text(word).lower().split(".")
        if not all(p and all(c.isalpha() for c in p) for p in pieces):
            raise ValueError(f"abbreviations.txt:{lineno}: {word!r}: letters only (pieces joined by '.')")
        out.update(pieces if len(pieces) > 1 else [pieces[0]])
    return frozenset(out)


ABBREVIATIONS = _load_abbreviations()
_OPENERS = frozenset(" \t\n([{«\"'.-/")


def _no_stop(text: str, i: int) -> bool:
    """Whether the "." at ``text[i]`` closes an initial or an abbreviation rather than a sentence:
    ``(ا.ف.ب)``, ``د. محمد``, ``سي.اي.ايه``; not ``عام 2015م.`` (a letter right after a number)."""
    j = i
    while j > 0 and i - j <= 12 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    if not word or (j > 0 and text[j - 1].isalpha()):
        return False
    before = text[j - 1] if j > 0 else " "
    if len(word) == 1:
        k = j
        while k > 0 and text[k - 1] == " ":
            k -= 1
        return before in _OPENERS and not (k > 0 and text[k - 1].isdigit())
    return word.lower() in ABBREVIATIONS and (before in _OPENERS or before == "(")


class Token(NamedTuple):
    """One token (a tuple: cheap to build, immutable)."""

    text: str
    start: int  # offsets into the normalised text
    end: int


class Sentence:
    """A sentence of the normalised text with its tokens (built on first use unless given)."""

    __slots__ = ("_ends", "_tokens", "end", "index", "start", "text")

    def __init__(self, start: int, end: int, text: str, tokens: list[Token] | None = None, index: int = 0):
        self.start = start
        self.end = end
        self.text = text
        self.index = index
        self._tokens = tokens
        self._ends: list[int] | None = None

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = tokenize(self.text, self.start)
        return self._tokens

    @property
    def token_texts(self) -> list[str]:
        """The tokens' texts (``[t.text for t in self.tokens]``), without building the tokens if not built yet."""
        if self._tokens is None:
            return TOKEN_RE.findall(self.text)
        return [t.text for t in self._tokens]

    @tokens.setter
    def tokens(self, value: list[Token]) -> None:
        self._tokens = value
        self._ends = None

    def words_before(self, pos: int, k: int) -> list[Token]:
        """The last ``k`` word tokens (``text.isalnum()``) that end at or before ``pos``, in text order.

        Equal to ``[t for t in self.tokens if t.end <= pos and t.text.isalnum()][-k:]`` (k > 0), found by
        bisection from ``pos`` backwards: a rule asking this per trigger stays linear on a long sentence.
        """
        toks = self.tokens
        if self._ends is None:
            self._ends = [t.end for t in toks]
        i = bisect_right(self._ends, pos)
        out: list[Token] = []
        while i > 0 and len(out) < k:
            i -= 1
            if toks[i].text.isalnum():
                out.append(toks[i])
        out.reverse()
        return out

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sentence):
            return NotImplemented
        return (self.start, self.end, self.text, self.index, self.tokens) == (
            other.start, other.end, other.text, other.index, other.tokens)  # fmt: skip

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it replaces

    def __repr__(self) -> str:
        return f"Sentence(start={self.start}, end={self.end}, text={self.text!r}, index={self.index})"


_new_token = tuple.__new__  # Token(text, start, end) without the named tuple's Python-level __new__ (speed only)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens; offsets are shifted by ``offset``."""
    # the same tokens as ``Token(m.group(), m.start() + offset, m.end() + offset)`` for each match, built from
    # the matches' spans (one call per match, not three) and ``tuple.__new__`` (a quarter less time: the rules and
    # the NER tokenise every sentence they read)
    spans = [m.span() for m in TOKEN_RE.finditer(text)]
    return [_new_token(Token, (text[s:e], s + offset, e + offset)) for s, e in spans]


def split_sentences(text: str) -> list[Sentence]:
    """Split normalised text into sentences (with tokens), skipping empty ones."""
    sentences: list[Sentence] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if m.group() == "." and _no_stop(text, m.start()):
            continue
        _add(sentences, text, start, m.end())
        start = m.end()
    _add(sentences, text, start, len(text))
    return sentences


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    e = s + len(stripped)
    # a stripped non-empty chunk always has a token (TOKEN_RE matches any character that is not
    # whitespace, and \s and str.strip agree on what whitespace is): no need to tokenise it here
    out.append(Sentence(s, e, stripped, None, len(out)))
