"""Sentences and tokens, the same way at training time and at run time.

The bundled NER model is trained on ANERcorp re-tokenised with :func:`tokenize`
(see ``tools/build_ner_data.py``), so run-time tokens look exactly like the
training tokens: words are split on whitespace and punctuation only; clitics
(و، ب، ل، ال) stay attached, as in ANERcorp. Numbers keep their separators
(``1,000``, ``3.5``) and Latin words keep inner hyphens (``MQ-9``).
Tokenisation runs on *normalised* text (see :mod:`extractor.normalize`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TOKEN_RE = re.compile(
    r"\d+(?:[.,:/]\d+)*%?"  # numbers, times, dates, percentages
    r"|[^\W\d_]+(?:[-'][^\W\d_]+)*(?:-\d+)?"  # words (Arabic or Latin), MQ-9
    r"|\w+"  # anything else word-like
    r"|[^\w\s]",  # one punctuation mark
)

# A sentence ends after . ! ? ؟ … (and runs of them) followed by a space, the end,
# or an Arabic letter (scraped text often glues sentences: "الخرطوم.وتحولت"),
# or at a line break.
_SENT_END = re.compile(r"[.!?؟…]+[\"')\]»]*(?=\s|$|[\u0621-\u064a])|\n+")


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offsets into the normalised text
    end: int


@dataclass
class Sentence:
    """A sentence of the normalised text with its tokens."""

    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    index: int = 0


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens; offsets are shifted by ``offset``."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN_RE.finditer(text)]


def split_sentences(text: str) -> list[Sentence]:
    """Split normalised text into sentences (with tokens), skipping empty ones."""
    sentences: list[Sentence] = []
    start = 0
    for m in _SENT_END.finditer(text):
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
    tokens = tokenize(stripped, s)
    if tokens:
        out.append(Sentence(s, e, stripped, tokens, len(out)))
