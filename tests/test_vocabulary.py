"""Every actor name rasd can emit is an ACLED-style generic name or a named group listed with its source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SAMPLES

from extractor import extract
from extractor.resolve.actors import ActorLexicon

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev-eval" / "articles"


def _pattern(template: str) -> re.Pattern:
    """A name template as a pattern: {country}/{of} any name, " ({period})" a period label or none."""
    rx = re.escape(template)
    rx = rx.replace(re.escape(" ({period})"), r"(?: \(\d{4}-(?:\d{4})?\))?")
    rx = rx.replace(re.escape("{country}"), r"[A-Z][\w .'-]+").replace(re.escape("{of}"), r"(?:the )?[A-Z][\w .'-]+")
    return re.compile(rx + "$")


@pytest.fixture(scope="module")
def vocab():
    return ActorLexicon.load().vocabulary()


def test_every_name_in_the_actor_data_has_a_source(vocab):
    assert len(vocab) > 100
    assert [name for name, source in vocab if not source.strip()] == []


def test_names_not_from_acled_say_so(vocab):
    un_only = [s for n, s in vocab if s.startswith("UN ") and "not an ACLED actor name" in s]
    assert un_only, "the UN list's own English names are marked as such"


def _emitted(texts: list[str]) -> set[str]:
    names = set()
    for t in texts:
        for e in extract(t, published="2024-03-10"):
            names |= {e.actor1, e.actor2} - {""}
    return names


def test_every_emitted_name_is_in_the_vocabulary(vocab):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [
        "قصفت قوات الدعم السريع مدينة الفاشر.",
        "اندلعت اشتباكات بين كتيبة النواصي وجهاز دعم الاستقرار في طرابلس الليبية.",
        "هاجم مسلحو العشائر عناصر من تنظيم داعش في محافظة الأنبار العراقية.",
        "قتل مسلحون مجهولون ثلاثة مدنيين في قرية بولاية زمفارا النيجيرية.",
        "فرقت الشرطة التونسية المتظاهرين في العاصمة تونس.",
    ]
    if DEV.is_dir():  # the dev-eval texts, read where they are (never copied)
        texts += [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
    patterns = [_pattern(n) for n, _ in vocab]
    names = _emitted(texts)
    assert len(names) >= 5
    assert sorted(n for n in names if not any(p.match(n) for p in patterns)) == []


def test_the_pattern_of_a_template():
    assert _pattern("Military Forces of {of} ({period})").match("Military Forces of the United States (2025-)")
    assert _pattern("Military Forces of {of} ({period})").match("Military Forces of Turkey")
    assert not _pattern("Civilians ({country})").match("Civilians of Syria")
