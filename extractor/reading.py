"""Inputs -> :class:`Article` objects, or one clear error per bad input.

Accepts files, folders (recursively), glob patterns and ``-`` for stdin.
Plain text (UTF-8, UTF-8/UTF-16 with a BOM, Windows-1256, ISO-8859-6, or the
encoding forced with ``encoding=``), JSON Lines (``{id, text, date, source,
url}``, read one line at a time, so a feed of any size streams in flat memory)
and HTML (main text and date via trafilatura). ``.gz``, ``.bz2`` and ``.xz``
inputs are opened transparently (recognised by their magic bytes, so on stdin
too). A bad input never stops the others: :func:`read_inputs` yields
:class:`InputError` items in the stream and the caller reports them.

Folders and globs yield regular files only: a FIFO, socket or device would block
or never end, so each gets one error instead of being opened. Symlinked folders
are followed once (by real path), so a link loop cannot hang the run and no file
is read twice. Files that are not articles are skipped silently when a folder or
glob is expanded: hidden and backup files, rasd's own state/lock/temp files and
output rows, and extensions that are not text (see :data:`READ_EXTS`). A file
named explicitly is always read (and reported if it is not an article).

The file's extension decides how it is read (``.txt`` is text even if it starts
with ``{``); only a file without a known extension, or stdin, is sniffed.
``--max-bytes`` applies per article: a whole text/HTML file, or one JSON line.

Publication date precedence: ``--date``, the JSON ``date`` field, the HTML
metadata (full dates only: a bare footer year is no publication date), a date in
the file name; otherwise ``None`` (dates stay relative). A month-only date
(``"2021-12"``) is an anchor of month precision.
"""

from __future__ import annotations

import bz2
import codecs
import fnmatch
import glob
import gzip
import io
import lzma
import os
import re
import stat
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
#: extensions read when a folder or glob is expanded ("" = none, or a numeric one like ``.06``)
READ_EXTS = TEXT_EXTS | JSONL_EXTS | HTML_EXTS
COMPRESSED_EXTS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz"}
#: rasd's own files (state database and its journal, lock, atomic-write temp files): never inputs
OWN_FILE_RE = re.compile(r"(?:\.db|\.sqlite3?|-wal|-shm|-journal|\.lock|\.tmp)$", re.IGNORECASE)
_MAGIC = ((b"\x1f\x8b", "gzip"), (b"BZh", "bz2"), (b"\xfd7zXZ\x00", "xz"))
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
_GLOB_CHARS = re.compile(r"[*?\[]")
_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_ISO_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_].*)", re.DOTALL)
_ISO_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")
_LINE_CHUNK = 1 << 20


@dataclass(frozen=True)
class InputError:
    """A bad input: ``where`` names the file (and line), ``problem`` says what is wrong."""

    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


class UsageError(Exception):
    """Raised for mistakes in how the inputs were named (exit code 2)."""


# --------------------------------------------------------------------------- dates
def parse_published(value: object) -> tuple[date | None, int]:
    """A publication date and its precision (1 = day, 3 = month: ACLED's time_precision).

    ``2025-04-06``, ``2025-04-06T10:00Z``, ``2025/04/06 10:00``, an RFC 2822 date
    (``Sun, 06 Apr 2025 10:00:00 GMT``), or a month alone (``2021-12``: the 15th,
    as ACLED codes month-precision dates). Anything else, including a date inside
    other text (``x2023-07-09y``), is ``(None, 0)``.
    """
    if value is None or value == "":
        return None, 0
    if isinstance(value, datetime):
        return value.date(), 1
    if isinstance(value, date):
        return value, 1
    s = str(value).strip()
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date(), 1
    except ValueError:
        pass
    m = _ISO_DAY.fullmatch(s)
    if m:
        d = _date(int(m[1]), int(m[2]), int(m[3]))
        return (d, 1) if d else (None, 0)
    m = _ISO_MONTH.fullmatch(s)
    if m:
        d = _date(int(m[1]), int(m[2]), 15)
        return (d, 3) if d else (None, 0)
    if re.search(r"[A-Za-z]{3}", s):
        from email.utils import (
            parsedate_to_datetime,  # on first use: 12 ms of imports at every start
        )

        try:
            return parsedate_to_datetime(s).date(), 1
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    return None, 0


def parse_date(value: object) -> date | None:
    """A publication day from an ISO-like string; ``None`` unless the day is known."""
    d, precision = parse_published(value)
    return d if precision == 1 else None


def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def date_from_filename(path: str) -> date | None:
    m = _FILENAME_DATE.search(Path(path).name)
    return _date(int(m[1]), int(m[2]), int(m[3])) if m else None


# --------------------------------------------------------------------------- finding files
def _ext(name: str) -> str:
    """The extension that decides how a file is read, past any compression suffix.

    A numeric suffix (``news-2025.04.06``) is no extension."""
    base = name.rpartition("/")[2] if os.sep == "/" else ""
    if base in ("", ".", ".."):  # odd names (and other systems' separators): pathlib says
        p = Path(name)
        suffix = p.suffix.lower()
        if suffix in COMPRESSED_EXTS:
            suffix = Path(p.stem).suffix.lower()
        return "" if suffix[1:].isdigit() else suffix
    suffix = _suffix(base).lower()  # = Path(name).suffix, without building a Path per file
    if suffix in COMPRESSED_EXTS:
        i = base.rfind(".")
        suffix = _suffix(base[:i] if 0 < i < len(base) - 1 else base).lower()
    return "" if suffix[1:].isdigit() else suffix


def _suffix(base: str) -> str:
    """``PurePath.suffix`` of a last path component."""
    i = base.rfind(".")
    return base[i:] if 0 < i < len(base) - 1 else ""


def _own_or_not_text(name: str) -> bool:
    """Names a folder walk leaves alone: hidden, backups, rasd's own files, non-text extensions."""
    if name.startswith(".") or name.endswith("~") or OWN_FILE_RE.search(name):
        return True
    return _ext(name) not in READ_EXTS


def _is_rasd_output(path: str) -> bool:
    """A JSON Lines file whose first line is one of rasd's own rows (an ``events.jsonl``)."""
    try:
        with _open(path) as fh:
            head = fh.readline(65536)
    except (OSError, EOFError, lzma.LZMAError, ValueError):
        return False
    try:
        obj = orjson.loads(head.lstrip(codecs.BOM_UTF8))
    except orjson.JSONDecodeError:
        return False
    return isinstance(obj, dict) and "event_id_cnty" in obj and "text" not in obj


def _is_sqlite(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _mode_name(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


class _Expander:
    """Folder walks and ``**`` globs that follow symlinked folders once and yield each file once."""

    def __init__(self, skipped: list[str] | None) -> None:
        self.seen_dirs: set[str] = set()
        self.seen_files: set[str] = set()
        self.skipped = skipped
        self.left_out = 0  # files left out on purpose (not articles)

    def leave_out(self, path: str) -> None:
        self.left_out += 1
        if self.skipped is not None:
            self.skipped.append(path)

    def file(self, path: str, *, walked: bool, real: str | None = None) -> Iterator[str | InputError]:
        """``real``: the path's realpath when the caller knows it (a folder walk: the folder's real path
        and the name of an entry that is no symlink)."""
        try:
            st = os.stat(path)
        except OSError as e:
            yield InputError(path, f"cannot read ({e.strerror or e})")
            return
        if not stat.S_ISREG(st.st_mode):
            yield InputError(path, f"{_mode_name(st.st_mode)}, not a regular file; skipped")
            return
        if real is None:
            real = os.path.realpath(path)
        if real in self.seen_files:
            return
        self.seen_files.add(real)
        if walked and (_ext(path) in JSONL_EXTS and _is_rasd_output(path) or _ext(path) == "" and _is_sqlite(path)):
            self.leave_out(path)  # rasd's own rows, or a --state database named without an extension
            return
        yield path

    def walk(self, top: str) -> Iterator[str | InputError]:
        """Files under ``top``: a folder's own files first (sorted), then each sub-folder in turn
        (depth first, with an explicit stack: no recursion limit on deep trees)."""
        stack = [top]
        while stack:
            folder = stack.pop()
            real = os.path.realpath(folder)
            if real in self.seen_dirs:
                continue
            self.seen_dirs.add(real)
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as e:
                yield InputError(folder, f"cannot read folder ({e.strerror or e})")
                continue
            dirs = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    is_dir = entry.is_dir()  # follows symlinks; seen_dirs stops loops
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.path)
                elif _own_or_not_text(entry.name):
                    self.leave_out(entry.path)
                else:
                    try:  # realpath of a name that is no symlink, in a folder whose realpath is known
                        known = None if entry.is_symlink() else os.path.join(real, entry.name)
                    except OSError:
                        known = None
                    yield from self.file(entry.path, walked=True, real=known)
            stack.extend(reversed(dirs))

    def glob(self, spec: str) -> Iterator[str | InputError]:
        if "**" in spec:
            parts = Path(spec).parts
            k = next(i for i, part in enumerate(parts) if _GLOB_CHARS.search(part))
            root = str(Path(*parts[:k])) if k else "."
            rest = parts[k:]
            for item in self.walk(root):
                if isinstance(item, InputError):
                    yield item
                elif _match(Path(os.path.relpath(item, root)).parts, rest):
                    yield item if k else os.path.relpath(item, root)
            return
        for m in sorted(glob.glob(spec)):
            if os.path.isdir(m) or _own_or_not_text(Path(m).name):
                continue
            yield from self.file(m, walked=True)


def _match(parts: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Glob match of path components, ``**`` standing for any number of folders."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_match(parts[i:], pattern[1:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], pattern[0]) and _match(parts[1:], pattern[1:])


def expand_inputs(specs: Iterable[str], *, skipped: list[str] | None = None) -> Iterator[str | InputError]:
    """Paths, folders (recursive, sorted), globs and '-' -> file names, or an error per bad one.

    Names left out of folders and globs (see the module docstring) are appended to ``skipped``.
    """
    ex = _Expander(skipped)
    for spec in specs:
        if spec == "-":
            yield "-"
            continue
        if os.path.isdir(spec):
            if os.path.realpath(spec) in ex.seen_dirs:
                continue  # named twice, or inside a folder already walked
            before, found = ex.left_out, False
            for item in ex.walk(spec):
                found = True
                yield item
            if not found and ex.left_out == before:
                yield InputError(spec, "folder holds no files")
        elif os.path.lexists(spec):
            yield from ex.file(spec, walked=False)
        elif _GLOB_CHARS.search(spec):
            found = False
            for item in ex.glob(spec):
                found = found or not isinstance(item, InputError)
                yield item
            if not found:
                yield InputError(spec, "pattern matched no files")
        else:
            yield InputError(spec, "no such file or folder")


# --------------------------------------------------------------------------- decoding
def check_encoding(name: str | None) -> str | None:
    """The codec name for ``--encoding``; raises :class:`UsageError` for an unknown one."""
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise UsageError(f"unknown encoding {name!r} (try utf-8, cp1256, iso-8859-6, utf-16)") from None


def _bom(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes -> text: a BOM's encoding, else ``encoding`` if given, else UTF-8, else the
    Arabic single-byte code page (Windows-1256 or ISO-8859-6) that gives the most Arabic,
    else whatever charset-normalizer finds, as long as the result is Arabic text;
    raises ValueError otherwise."""
    bom = _bom(data)
    if bom is not None:
        return data.decode(bom)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as e:
            raise ValueError(f"not valid {encoding} (byte {e.start:,})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best, best_score = None, 0.3
    for enc in ("cp1256", "iso8859_6"):  # ISO-8859-6 read as cp1256 gives Latin letters, so it scores lower
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _arabic_share(text)
        if score > best_score:
            best, best_score = text, score
    if best is not None:
        return best
    from charset_normalizer import from_bytes  # UTF-16 without BOM and other rarities

    found = from_bytes(data).best()
    if found is not None and _arabic_share(str(found)) >= 0.3:
        return str(found)
    raise ValueError("not valid UTF-8, and not Arabic text in Windows-1256, ISO-8859-6 or another known "
                     "encoding either (give --encoding)")  # fmt: skip


def _arabic_share(text: str) -> float:
    letters = sum(1 for ch in text if ch.isalpha())
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    return arabic / letters if letters else 1.0


def _mostly_arabic(text: str) -> bool:
    return _arabic_share(text) >= 0.3


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean a binary file
    (text with a UTF-16/32 BOM is not: check :func:`_bom` first)."""
    head = data[:8192]
    if _bom(head) in ("utf-16", "utf-32"):
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return len(head) > 0 and ctrl / len(head) > 0.05


def _ascii_compatible(encoding: str | None) -> bool:
    return encoding is None or "\n{}".encode(encoding) == b"\n{}"


# --------------------------------------------------------------------------- streams
def _peekable(raw) -> io.BufferedIOBase:
    return raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[arg-type]


def _decompress(stream: io.BufferedIOBase) -> tuple[io.BufferedIOBase, str | None]:
    head = stream.peek(6)[:6]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            opener = {"gzip": gzip.GzipFile, "bz2": bz2.BZ2File, "xz": lzma.LZMAFile}[kind]
            return io.BufferedReader(opener(fileobj=stream) if kind == "gzip" else opener(stream), 1 << 16), kind
    return stream, None


def _open(path: str) -> io.BufferedIOBase:
    """A file opened for reading, decompressed when it is gzip, bzip2 or xz."""
    fh = open(path, "rb")
    try:
        stream, kind = _decompress(_peekable(fh))
    except Exception:
        fh.close()
        raise
    return stream if kind else fh


def _sniff(head: bytes) -> str:
    bom = _bom(head)
    if bom in ("utf-16", "utf-32"):  # sniff what the bytes say, not the bytes
        head = head.decode(bom, "ignore").encode("utf-8")
    text = head.lstrip(b" \t\r\n\xef\xbb\xbf").lower()
    if text.startswith(b"{"):
        return "jsonl"
    if text.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head.lower():
        return "html"
    return "text"


def _kind(path: str, data: bytes) -> str:
    """How to read a file: by its extension; only one without a known one is sniffed."""
    ext = _ext(path)
    if ext in JSONL_EXTS:
        return "jsonl"
    if ext in HTML_EXTS:
        return "html"
    if ext in TEXT_EXTS - {""}:
        return "text"
    return _sniff(data[:4096])


def read_inputs(
    specs: Iterable[str],
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: io.BufferedIOBase | None = None,
    source: str = "",
    encoding: str | None = None,
) -> Iterator[Article | InputError]:
    """Every article found in ``specs``, and an :class:`InputError` for every bad input."""
    for item in expand_inputs(specs):
        if isinstance(item, InputError):
            yield item
            continue
        yield from read_one(item, published=published, max_bytes=max_bytes, stdin=stdin, source=source,
                            encoding=encoding)  # fmt: skip


def read_one(
    path: str,
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: io.BufferedIOBase | None = None,
    source: str = "",
    encoding: str | None = None,
) -> Iterator[Article | InputError]:
    """Articles from one file (or '-' for stdin), streamed: JSON Lines one line at a time."""
    name = "<stdin>" if path == "-" else path
    if encoding:
        try:
            encoding = check_encoding(encoding)
        except UsageError as e:
            yield InputError(name, str(e))
            return
    fh = None
    try:
        if path == "-":
            raw = stdin if stdin is not None else sys.stdin.buffer
            size = None
        else:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode):
                yield InputError(name, f"{_mode_name(st.st_mode)}, not a regular file; skipped")
                return
            size = st.st_size
            raw = fh = open(path, "rb")
        yield from _read_stream(name, _peekable(raw), size, published=published, max_bytes=max_bytes,
                                source=source, encoding=encoding)  # fmt: skip
    except OSError as e:
        yield InputError(name, f"cannot read ({e.strerror or e})")
    except (EOFError, lzma.LZMAError) as e:
        yield InputError(name, f"corrupt compressed data ({e})")
    finally:
        if fh is not None:
            fh.close()


def _read_stream(name: str, stream: io.BufferedIOBase, size: int | None, *, published: date | None,
                 max_bytes: int, source: str, encoding: str | None) -> Iterator[Article | InputError]:
    try:
        stream, compressed = _decompress(stream)
        head = stream.peek(4096)[:4096]
    except (OSError, EOFError, lzma.LZMAError) as e:
        yield InputError(name, f"corrupt compressed data ({e})")
        return
    if not head.strip():
        yield InputError(name, "empty input")
        return
    kind = _kind(name, head)
    if _bom(head) is None and encoding is None and looks_binary(head):
        yield InputError(name, "binary data, not text" + (" (compressed)" if compressed else ""))
        return
    if kind == "jsonl":
        yield from _read_jsonl_stream(name, stream, published=published, max_bytes=max_bytes, source=source,
                                      encoding=encoding)  # fmt: skip
        return
    if size is not None and not compressed and size > max_bytes:
        yield InputError(name, f"too large ({size:,} bytes > --max-bytes {max_bytes:,})")
        return
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, EOFError, lzma.LZMAError) as e:
        yield InputError(name, f"corrupt compressed data ({e})")
        return
    if len(data) > max_bytes:
        yield InputError(name, f"too large (> --max-bytes {max_bytes:,})")
        return
    try:
        text = decode(data, encoding)
    except ValueError as e:
        yield InputError(name, str(e))
        return
    if not text.strip():
        yield InputError(name, "empty input")
    elif kind == "html":
        yield from _read_html(name, text, published=published, source=source)
    else:
        # trailing newlines go; leading ones stay, so evidence offsets point into the file as written
        yield _article(name, text.rstrip("\r\n"), published, "", source=source)


def _article(name: str, text: str, published: date | None, basis: str, *, id: str = "",
             source: str = "", url: str = "", precision: int = 1) -> Article:
    if published is not None and not basis:
        basis = "cli"
    if published is None and name != "<stdin>":
        published = date_from_filename(name)
        basis = "filename" if published else ""
    art_id = id or (_stem(name) if name != "<stdin>" else "stdin")
    return Article(id=art_id, text=text, published=published, date_basis=basis, source=source,
                   url=url, path=name, date_precision=precision if published else 1)  # fmt: skip


def _stem(name: str) -> str:
    p = Path(name)
    return Path(p.stem).stem if p.suffix.lower() in COMPRESSED_EXTS else p.stem


def _lines(stream: io.BufferedIOBase | io.TextIOBase, limit: int) -> Iterator[tuple[int, bytes | str | None, int]]:
    """(line number, line, size) one at a time; a line longer than ``limit`` comes as None
    and is skipped without being held in memory."""
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        nl = "\n" if isinstance(line, str) else b"\n"
        if len(line) > limit and not line.endswith(nl):  # type: ignore[arg-type]
            total = len(line)
            while line and not line.endswith(nl):  # type: ignore[arg-type]
                line = stream.readline(_LINE_CHUNK)
                total += len(line)
            yield lineno, None, total
            continue
        yield lineno, line, len(line)


def _read_jsonl_stream(name: str, stream: io.BufferedIOBase, *, published: date | None, max_bytes: int,
                       source: str, encoding: str | None) -> Iterator[Article | InputError]:
    """JSON Lines, one line in memory at a time; ``max_bytes`` is per line (one article)."""
    bom = _bom(stream.peek(4)[:4])
    text_enc = bom if bom in ("utf-16", "utf-32") else (encoding if not _ascii_compatible(encoding) else None)
    src: io.BufferedIOBase | io.TextIOBase = stream
    if text_enc:  # UTF-16/32: the newline is not one byte, decode the stream as a whole
        src = io.TextIOWrapper(stream, encoding=text_enc, errors="replace", newline="")
    stem = _stem(name) if name != "<stdin>" else "stdin"
    any_line = False
    for lineno, line, size in _lines(src, max_bytes):
        where = f"{name}:{lineno}"
        if line is None:
            any_line = True
            yield InputError(where, f"too large ({size:,} bytes > --max-bytes {max_bytes:,})")
            continue
        if isinstance(line, bytes):
            if lineno == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[3:]
            if not line.strip():
                continue
            try:
                line = line.decode(encoding) if encoding else line.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    line = decode(line, encoding)
                except ValueError as e:
                    any_line = True
                    yield InputError(where, str(e))
                    continue
        line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        any_line = True
        yield from _jsonl_article(where, line, stem, lineno, name, published=published, source=source)
    if not any_line:
        yield InputError(name, "empty input")


def _jsonl_article(where: str, line: str, stem: str, lineno: int, name: str, *, published: date | None,
                   source: str) -> Iterator[Article | InputError]:
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        yield InputError(where, f"malformed JSON ({str(e).split(':')[0]})")
        return
    if not isinstance(obj, dict):
        yield InputError(where, "a JSON line must be an object with a 'text' field")
        return
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        yield InputError(where, "missing or empty 'text' field")
        return
    art_date, basis, precision = published, ("cli" if published else ""), 1
    if art_date is None and obj.get("date") not in (None, ""):
        art_date, precision = parse_published(obj.get("date"))
        if art_date is None:
            yield InputError(where, f"unreadable 'date' {obj.get('date')!r}; dates stay relative")
            precision = 1
        else:
            basis = "json"
    yield Article(
        id=str(obj.get("id") or f"{stem}:{lineno}"),
        text=body,
        published=art_date,
        date_basis=basis,
        source=str(obj.get("source") or source or ""),
        url=str(obj.get("url") or ""),
        path=name,
        date_precision=precision,
    )


def _read_jsonl(name: str, text: str, *, published: date | None, source: str) -> Iterator[Article | InputError]:
    """JSON Lines already in memory (kept for callers that hold the text)."""
    stem = _stem(name) if name != "<stdin>" else "stdin"
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield from _jsonl_article(f"{name}:{lineno}", line, stem, lineno, name, published=published,
                                      source=source)  # fmt: skip


# htmldate's extensive search takes any year in the page ("© 2016" in a footer) as a date:
# only the page's metadata and markup count as a publication date
_HTML_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def _read_html(name: str, html: str, *, published: date | None, source: str) -> Iterator[Article | InputError]:
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    params = dict(_HTML_DATE_PARAMS, max_date=datetime.now().strftime("%Y-%m-%d"))
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True,
                                          date_extraction_params=params)  # fmt: skip
    except Exception as e:  # lxml and friends on a hostile page: one line, not a traceback
        yield InputError(name, f"unreadable HTML ({type(e).__name__})")
        return
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
