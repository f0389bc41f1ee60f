"""Fuzzing (issue 15, "Must show"): readers, ``extractor.extract`` and the CLI under random input.

Random bytes, random Unicode, JSON Lines and HTML, mixed with real event sentences so that
rows do come out. Asserted every time: no exception but the documented :class:`InputError`
(one line each), every row valid against ``rasd schema``, and ``text[start:end] == evidence``.
Sized to run in well under a minute (``max_examples``); set ``HYPOTHESIS_PROFILE=deep`` for more.
"""

from __future__ import annotations

import bz2
import gzip
import json
import os
import tempfile
from datetime import date
from pathlib import Path

import jsonschema
import orjson
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from extractor import Article, extract
from extractor.reading import InputError, read_inputs, read_one
from extractor.record import json_schema

settings.register_profile("ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
settings.register_profile("deep", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
DEEP = os.environ.get("HYPOTHESIS_PROFILE") == "deep"


def examples(n: int) -> int:
    return n * 20 if DEEP else n


VALIDATOR = jsonschema.Draft202012Validator(json_schema())

# Event sentences written for these tests, and the pieces that stress the date and number readers.
EVENTS = [
    "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.",
    "اندلعت اشتباكات عنيفة بين الجيش السوري ومسلحين في درعا.",
    "قصفت المدفعية قرية في ريف حلب الجنوبي فجر الجمعة، ما أدى إلى مقتل طفلين.",
    "تظاهر مئات المحتجين في الخرطوم يوم 12 شتنبر.",
    "انفجرت عبوة ناسفة في سوق بغداد في 4/8/1436هـ وأسفرت عن مقتل 5 أشخاص.",
    "شنت طائرات مسيرة غارة على صعدة في 15 رمضان 1446.",
]
PIECES = EVENTS + [
    "أمس", "الأسبوع الماضي", "15 رمضان", "قبل 3 أيام", "في 31/2/2024", "١٢٣٤٥", "9" * 60, "\n", "\n\n", "  ", "،",
    "(أ.ف.ب)", "د.", "ﻏﺎﺭﺓ ﺟﻮﻳﺔ", "\u200f", "\u0640", "َ", "{", "}", "<b>", "[/]", "\x1b[31m", "\ufeff", "\r\n",
]  # fmt: skip
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
ANY = st.characters(blacklist_categories=("Cs",))
TEXTS = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(ARABIC, max_size=30), st.text(ANY, max_size=15)), max_size=12
).map("".join)
DATES = st.one_of(st.none(), st.dates(), st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2025, 4, 6)]))


def check_rows(events, text: str) -> None:
    event("rows" if events else "no rows")
    for ev in events:
        row = orjson.loads(orjson.dumps(ev.to_dict()))
        VALIDATOR.validate(row)
        assert text[ev.evidence_start : ev.evidence_end] == ev.evidence, (ev.evidence_start, ev.evidence)


def check_items(items) -> list[Article]:
    out = []
    for it in items:
        if isinstance(it, InputError):
            assert it.problem and "\n" not in it.problem
        else:
            assert isinstance(it, Article) and isinstance(it.text, str) and it.text.strip()
            out.append(it)
    return out


# --------------------------------------------------------------------------- extract()
@settings(max_examples=examples(150))
@given(text=TEXTS, published=DATES)
def test_extract_on_random_text(text, published):
    check_rows(extract(text, published=published, ner=None), text)


@settings(max_examples=examples(40))
@given(text=st.text(ANY, max_size=300), surrogate=st.sampled_from(["\ud800", "\udfff", "\udbff\udc00x\ud800"]))
def test_extract_on_arbitrary_unicode_and_lone_surrogates(text, surrogate):
    s = text + surrogate + EVENTS[0]
    events = extract(s, published="2025-04-06", ner=None)
    check_rows(events, Article(id="x", text=s).text)  # the text as the pipeline holds it (U+FFFD for each)


# --------------------------------------------------------------------------- readers
SUFFIXES = ["a.txt", "b", "feed.jsonl", "page.html", "c.md", "feed.jsonl.gz", "t.txt.bz2", "n-2025.04.06"]


def _encode(name: str, data: bytes) -> bytes:
    if name.endswith(".gz"):
        return gzip.compress(data)
    if name.endswith(".bz2"):
        return bz2.compress(data)
    return data


BYTES = st.one_of(
    st.binary(max_size=400),
    TEXTS.map(lambda t: t.encode("utf-8")),
    TEXTS.map(lambda t: t.encode("utf-16")),
    TEXTS.map(lambda t: t.encode("cp1256", "ignore")),
    TEXTS.map(lambda t: t.encode("iso8859_6", "ignore")),
)
JSON_LINE = st.fixed_dictionaries(
    {"text": st.one_of(TEXTS, st.integers(), st.none())},
    optional={"id": st.one_of(st.text(max_size=8), st.integers()), "date": st.one_of(
        st.sampled_from(["2021-12", "2025-04-06", "0001-01-01", "x2023-07-09y", "", "2025-13-45"]), st.text(max_size=12)),
        "source": st.text(max_size=8)},
).map(lambda d: json.dumps(d, ensure_ascii=False))
JSONL = st.lists(st.one_of(JSON_LINE, st.text(ANY, max_size=40), st.just("")), max_size=6).map("\n".join)
HTML = st.tuples(TEXTS, TEXTS, st.sampled_from(["", '<meta property="article:published_time" content="2025-04-06">',
                                                "<time>© 2016</time>"])).map(
    lambda t: f"<!doctype html><html><head>{t[2]}<title>{t[0][:40]}</title></head><body><nav>{t[0][:20]}</nav>"
    f"<article><p>{t[0]}</p><p>{t[1]}</p></article><footer>© 2016</footer></body></html>"
)  # fmt: skip


@settings(max_examples=examples(120))
@given(name=st.sampled_from(SUFFIXES), data=st.one_of(BYTES, JSONL.map(str.encode), HTML.map(str.encode)),
       max_bytes=st.sampled_from([50, 500, 20_000_000]))  # fmt: skip
def test_readers_on_random_files(name, data, max_bytes):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(_encode(name, data))
        arts = check_items(read_inputs([d], max_bytes=max_bytes))
        for a in arts:
            if name.endswith((".txt", ".md")) or name in ("b", "n-2025.04.06"):
                assert len(a.text) <= len(data)
    for a in arts[:3]:
        check_rows(extract(a, ner=None), a.text)


@settings(max_examples=examples(60))
@given(data=st.one_of(BYTES, JSONL.map(str.encode)))
def test_stdin_reader_on_random_bytes(data):
    import io

    check_items(read_one("-", stdin=io.BytesIO(data)))


# --------------------------------------------------------------------------- the CLI
@pytest.fixture(scope="module")
def cli():
    from typer.testing import CliRunner

    from cli.main import app

    return lambda args, stdin=None: CliRunner().invoke(app, args, input=stdin)


@settings(max_examples=examples(25))
@given(files=st.lists(st.tuples(st.sampled_from(SUFFIXES), st.one_of(TEXTS, JSONL, HTML)), min_size=1, max_size=4,
                      unique_by=lambda t: t[0]),  # fmt: skip
       pub=st.sampled_from([[], ["--date", "2025-04-06"], ["--date", "0001-01-01"]]))
def test_cli_on_a_random_folder(cli, files, pub):
    with tempfile.TemporaryDirectory() as d:
        texts = {}
        for name, content in files:
            (Path(d) / name).write_bytes(_encode(name, content.encode("utf-8")))
            texts[str(Path(d) / name)] = content
        r = cli(["extract", d, "--ner-model", "none", "-f", "jsonl", "-q", *pub])
        assert r.exit_code in (0, 1), r.output
        assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
        for line in filter(None, r.stdout.split("\n")):  # JSON Lines: \n only (\x85 is text)
            row = json.loads(line)
            VALIDATOR.validate(row)
            f = row["file"]
            if f.endswith(".txt") and f in texts:  # plain UTF-8 text: evidence offsets are into the file
                assert texts[f][row["evidence_start"] : row["evidence_end"]] == row["evidence"]
        assert all(line.startswith("rasd: ") or line.startswith(("error:", "warning:")) or not line
                   for line in r.stderr.splitlines()), r.stderr  # fmt: skip


@settings(max_examples=examples(15))
@given(stdin=st.one_of(JSONL, TEXTS))
def test_cli_on_random_stdin(cli, stdin):
    r = cli(["extract", "-", "--ner-model", "none", "-f", "jsonl", "-q", "--date", "2025-04-06"], stdin=stdin)
    assert r.exit_code in (0, 1), r.output
    for line in filter(None, r.stdout.split("\n")):  # JSON Lines: \n only (\x85 is text)
        VALIDATOR.validate(json.loads(line))
