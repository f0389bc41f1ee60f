"""Which article is which: the one key behind stable ids, the incremental state and in-run copies.

An article is its text *and* its outlet: the same wire copy from two outlets is two articles (each
outlet must reach ``source``, and their rows need distinct ids), while the same text from the same
outlet read twice is one article (read once). Without an outlet the key is the text's hash alone,
so ids of plain-text inputs are what they always were. Kept free of heavy imports: the state and a
cron no-op use it without loading any resolver.
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlparse


def content_hash(text: str) -> str:
    """Hash of an article's text alone (the key of an article whose outlet is unknown)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def outlet(art: Any) -> str:
    """Who published the article: its ``source``, else its URL's host, else ''."""
    if art.source:
        return art.source
    if art.url:
        return (urlparse(art.url).hostname or "").removeprefix("www.")
    return ""


def article_key(text: str, source: str = "") -> str:
    """The key of one article: its text and its outlet (see the module docstring)."""
    if not source:
        return content_hash(text)
    return hashlib.sha256(f"{source}\x00{text}".encode("utf-8", "surrogatepass")).hexdigest()


__all__ = ["article_key", "content_hash", "outlet"]
