"""The article as the pipeline sees it: original text, normalised text, sentences, entities.

Built once per article; every later stage reads it and none mutates the text.
All offsets inside are into the *normalised* text; :meth:`Doc.original_span`
maps them back to the article as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported on first use: reading articles (a cron run that finds them done) needs neither
    from .normalize import Normalized
    from .segment import Sentence


@dataclass
class Article:
    """One input article, whatever it was read from."""

    id: str
    text: str
    published: date | None = None
    date_basis: str = ""  # where `published` came from: cli, json, html, filename, ""
    source: str = ""
    url: str = ""
    path: str = ""  # file path, or "<stdin>"
    date_precision: int = 1  # of `published`, as ACLED's time_precision: 1 the day, 3 only the month

    def __post_init__(self) -> None:
        # A lone surrogate (from a Python caller; no reader makes one) cannot be encoded, hashed or
        # written: it becomes U+FFFD, one character for one, so every offset still holds.
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, str) and _SURROGATE.search(v):
                setattr(self, f.name, _SURROGATE.sub("\ufffd", v))


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Doc:
    article: Article
    norm: Normalized
    sentences: list[Sentence]
    entities: list[list] = field(default_factory=list)  # per sentence: list[ner.Entity]

    @classmethod
    def from_article(cls, article: Article) -> "Doc":
        from .normalize import normalize
        from .segment import split_sentences

        norm = normalize(article.text)
        return cls(article, norm, split_sentences(norm.text))

    @property
    def text(self) -> str:
        """The normalised text."""
        return self.norm.text

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_original(start, end)

    def original_text(self, start: int, end: int) -> str:
        s, e = self.original_span(start, end)
        return self.article.text[s:e]
