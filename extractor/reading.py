"""Inputs -> :class:`Article` objects, or one clear error per bad input.

Accepts files, folders (recursively), glob patterns and ``-`` for stdin.
Plain text (UTF-8, UTF-8 with BOM, Windows-1256), JSON Lines
(``{id, text, date, source, url}``) and HTML (main text and date via
trafilatura). A bad input never stops the others: :func:`read_inputs` yields
:class:`InputError` items in the stream and the caller reports them.

Publication date precedence: ``--date``, the JSON ``date`` field, the HTML
metadata, a date in the file name; otherwise ``None`` (dates stay relative).
"""

from __future__ import annotations

import glob
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import orjson

from .document import Article

DEFAULT_MAX_BYTES = 20_000_000
TEXT_EXTS = {".txt", ".text", ".md", ""}
JSONL_EXTS = {".jsonl", ".ndjson", ".json"}
HTML_EXTS = {".html", ".htm", ".xhtml"}
_GLOB_CHARS = re.compile(r"[*?\[]")
_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass(frozen=True)
class InputError:
    """A bad input: ``where`` names the file (and line), ``problem`` says what is wrong."""

    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


class UsageError(Exception):
    """Raised for mistakes in how the inputs were named (exit code 2)."""


def parse_date(value: object) -> date | None:
    """A publication date from an ISO-like string (``2025-04-06``, ``2025-04-06T10:00Z``)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = _FILENAME_DATE.search(s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def date_from_filename(path: str) -> date | None:
    m = _FILENAME_DATE.search(Path(path).name)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def expand_inputs(specs: Iterable[str]) -> Iterator[str | InputError]:
    """Paths, folders (recursive, sorted, hidden files skipped), globs and '-' -> file names."""
    for spec in specs:
        if spec == "-":
            yield "-"
            continue
        p = Path(spec)
        if p.is_dir():
            found = False
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and not name.endswith("~"):
                        found = True
                        yield str(Path(root) / name)
            if not found:
                yield InputError(spec, "folder holds no files")
        elif p.exists():
            yield spec
        elif _GLOB_CHARS.search(spec):
            matches = sorted(m for m in glob.glob(spec, recursive=True) if Path(m).is_file())
            if not matches:
                yield InputError(spec, "pattern matched no files")
            yield from matches
        else:
            yield InputError(spec, "no such file or folder")


def decode(data: bytes) -> str:
    """Bytes -> text: UTF-8 (BOM or not), else Windows-1256, else whatever charset-normalizer
    finds, as long as the result is Arabic text; raises ValueError otherwise."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = None
    if text is not None and _mostly_arabic(text):
        return text
    # other Arabic code pages (ISO-8859-6, UTF-16 without BOM, ...): ask charset-normalizer
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _mostly_arabic(str(best)):
        return str(best)
    raise ValueError("not valid UTF-8, and not Arabic text in Windows-1256 or another known encoding either")


def _mostly_arabic(text: str) -> bool:
    letters = sum(1 for ch in text if ch.isalpha())
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    return not letters or arabic / letters >= 0.3


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean a binary file."""
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return len(head) > 0 and ctrl / len(head) > 0.05


def _kind(path: str, data: bytes) -> str:
    ext = Path(path).suffix.lower()
    if ext in JSONL_EXTS:
        return "jsonl"
    if ext in HTML_EXTS:
        return "html"
    head = data.lstrip()[:200].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in data[:4096].lower():
        return "html"
    return "text"


def read_inputs(
    specs: Iterable[str],
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: io.BufferedIOBase | None = None,
    source: str = "",
) -> Iterator[Article | InputError]:
    """Every article found in ``specs``, and an :class:`InputError` for every bad input."""
    for item in expand_inputs(specs):
        if isinstance(item, InputError):
            yield item
            continue
        yield from read_one(item, published=published, max_bytes=max_bytes, stdin=stdin, source=source)


def read_one(
    path: str,
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: io.BufferedIOBase | None = None,
    source: str = "",
) -> Iterator[Article | InputError]:
    """Articles from one file (or '-' for stdin)."""
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1)
        else:
            size = os.path.getsize(path)
            if size > max_bytes:
                yield InputError(name, f"too large ({size:,} bytes > --max-bytes {max_bytes:,})")
                return
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except OSError as e:
        yield InputError(name, f"cannot read ({e.strerror or e})")
        return
    if len(data) > max_bytes:
        yield InputError(name, f"too large (> --max-bytes {max_bytes:,})")
        return
    if not data.strip():
        yield InputError(name, "empty input")
        return
    if looks_binary(data):
        yield InputError(name, "binary data, not text")
        return
    try:
        text = decode(data)
    except ValueError as e:
        yield InputError(name, str(e))
        return
    kind = "jsonl" if path == "-" and text.lstrip().startswith("{") else _kind(name, data)
    if kind == "jsonl":
        yield from _read_jsonl(name, text, published=published, source=source)
    elif kind == "html":
        yield from _read_html(name, text, published=published, source=source)
    else:
        yield _article(name, text.strip("\n"), published, "", source=source)


def _article(name: str, text: str, published: date | None, basis: str, *, id: str = "",
             source: str = "", url: str = "") -> Article:
    if published is not None and not basis:
        basis = "cli"
    if published is None and name != "<stdin>":
        published = date_from_filename(name)
        basis = "filename" if published else ""
    art_id = id or (Path(name).stem if name != "<stdin>" else "stdin")
    return Article(id=art_id, text=text, published=published, date_basis=basis, source=source,
                   url=url, path=name)


def _read_jsonl(name: str, text: str, *, published: date | None, source: str) -> Iterator[Article | InputError]:
    stem = Path(name).stem if name != "<stdin>" else "stdin"
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as e:
            yield InputError(where, f"malformed JSON ({str(e).split(':')[0]})")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, "a JSON line must be an object with a 'text' field")
            continue
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "missing or empty 'text' field")
            continue
        art_date, basis = published, ("cli" if published else "")
        if art_date is None and obj.get("date") not in (None, ""):
            art_date = parse_date(obj.get("date"))
            if art_date is None:
                yield InputError(where, f"unreadable 'date' {obj.get('date')!r}; dates stay relative")
            else:
                basis = "json"
        art = Article(
            id=str(obj.get("id") or f"{stem}:{lineno}"),
            text=body,
            published=art_date,
            date_basis=basis,
            source=str(obj.get("source") or source or ""),
            url=str(obj.get("url") or ""),
            path=name,
        )
        yield art


def _read_html(name: str, html: str, *, published: date | None, source: str) -> Iterator[Article | InputError]:
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    if doc is None:
        yield InputError(name, "no article text found in the HTML")
        return
    get = doc.get if isinstance(doc, dict) else lambda k, d=None: getattr(doc, k, d)
    body = get("text") or ""
    if not body.strip():
        yield InputError(name, "no article text found in the HTML")
        return
    title = get("title") or ""
    if title and not body.startswith(title):
        body = f"{title}\n{body}"
    basis = "cli" if published else ""
    if published is None:
        published = parse_date(get("date"))
        basis = "html" if published else ""
    site = get("sitename") or get("hostname") or ""
    yield _article(name, body, published, basis, source=source or site, url=get("url") or "")
