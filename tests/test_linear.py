"""Rule matching stays linear: long letter runs and long sentences with many triggers.

Each shortcut that makes it linear is also checked against the plain (quadratic) definition it replaces.
"""

from __future__ import annotations

import random
import time

from extractor.document import Article
from extractor.normalize import normalize_text
from extractor.phrases import PhraseMatcher
from extractor.pipeline import Pipeline
from extractor.segment import split_sentences
from extractor.templates import TemplateSet, _contains_without, _drop_nested


def _rules_time(text: str) -> float:
    p = Pipeline(None)
    p.process(Article(id="warm", text="قتل مدني في غارة جوية"))
    t0 = time.process_time()
    p.process(Article(id="x", text=text))
    return time.process_time() - t0


def test_an_80_kb_run_of_letters_without_spaces_is_matched_in_linear_time():
    small = ("غارةقتل" * 1500)[:10_000]
    big = ("غارةقتل" * 12000)[:80_000]  # was 36 s: every hit walked the whole run back to its start
    t_small, t_big = _rules_time(small), _rules_time(big)
    assert t_big < 5.0
    assert t_big < 8 * 3 * max(t_small, 0.002)  # 8x the text: at most 3x the time per character


def test_a_long_sentence_with_many_events_costs_the_same_per_character():
    clause = "قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب، "
    t10 = _rules_time((clause * 250)[:10_000])
    t80 = _rules_time((clause * 2000)[:80_000])  # was 2.2 s (x3.5 per doubling)
    assert t80 < 8 * 2.5 * max(t10, 0.005)


def _plain_hits(m: PhraseMatcher, low: str):
    """The definition (the former code): walk to both word edges for every hit."""
    from extractor.phrases import CLITICS, SUFFIXES

    m._build()
    out = []
    for end_idx, key in m._auto.iter(low):
        start, end = end_idx - len(key) + 1, end_idx + 1
        ws = start
        while ws > 0 and low[ws - 1].isalpha():
            ws -= 1
        if low[ws:start] not in CLITICS:
            continue
        we = end
        while we < len(low) and low[we].isalpha():
            we += 1
        tail = low[end:we]
        ok = tail in SUFFIXES and not (key.endswith("ه") and tail)
        out += [(start, end, ws, p) for stem, p in m._payloads[key] if stem or tail == "" or ok]
    return out


def test_phrase_hits_on_letter_runs_are_those_of_the_plain_walk():
    m = PhraseMatcher([("قتل", 1), ("غارة", 2), ("قصف*", 3), ("اشتباك", 4), ("قصف مدفعي", 5)])
    rng = random.Random(3)
    pieces = ["قتل", "غاره", "قصف", "اشتباك", "مدفعي", "و", "بال", "ال", "ها", "ات", "ين", " ", " ", "،", "1", "x"]
    for _ in range(3000):
        low = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        assert [(h.start, h.end, h.word_start, h.payload) for h in m.iter(low)] == _plain_hits(m, low)


def _naive_drop_nested(hits):
    return [h for h in hits if not any(o is not h and o.payload != h.payload and o.start <= h.start
                                       and h.end <= o.end and (o.end - o.start) > (h.end - h.start) for o in hits)]


def test_shortcuts_equal_their_plain_definitions_on_random_sentences():
    ts = TemplateSet.load()
    rng = random.Random(11)
    trig = list(ts.triggers._payloads)[:200]
    needs = [t.needs for t in ts.templates.values() if t.needs is not None]
    words = ["قوات", "الجيش", "مدنيين", "في", "على", "مدينة", "قرية", "و", "ب", "ل", "من", "قرب", "3", "،", ".", "لم"]
    for _ in range(600):
        text = " ".join(rng.choice(trig + words * 3) for _ in range(rng.randint(2, 30)))
        for s in split_sentences(normalize_text(text)):
            hits = list(ts.triggers.iter(s.text, s.start))
            assert _drop_nested(hits) == _naive_drop_nested(hits)
            for h in hits:
                a, b = h.start - s.start, h.end - s.start
                for m in needs[:6]:
                    memo: dict = {}
                    assert _contains_without(m, s.text, a, b, memo, "k") == m.contains(s.text[:a] + " " + s.text[b:])


def test_disjoint_selection_equals_the_pairwise_check():
    from extractor.phrases import disjoint_in_order

    rng = random.Random(2)
    for _ in range(3000):
        spans = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 30) for _ in range(rng.randint(0, 15)))]
        naive: list = []
        for s, e in spans:
            if all(e <= c[0] or s >= c[1] for c in naive):
                naive.append((s, e))
        assert disjoint_in_order(spans, lambda x: x[0], lambda x: x[1]) == naive


def test_place_picks_equal_the_per_mention_definition():
    """Each mention reads the units and countries the *other* mentions name: the linear
    ``_picks`` against ``_named_admins`` run for every mention."""
    from extractor.resolve.places import Gazetteer

    g = Gazetteer.load()
    rng = random.Random(5)
    names = ["إدلب", "حلب", "عدن", "الضالع", "زنجبار", "صعدة", "غزة", "رفح", "الخرطوم", "بغداد", "الموصل",
             "القاهرة", "جدة", "الرياض", "دمشق", "حمص", "محافظة إدلب", "مدينة زنجبار", "قرية", "ريف", "مديرية"]
    words = ["في", "على", "قرب", "و", "،", "قتل", "مدنيين"]
    for _ in range(300):
        text = normalize_text(" ".join(rng.choice(names + words) for _ in range(rng.randint(1, 25))))
        for focus in (None, "Yemen", "Syria"):
            ctx = g._context(focus)
            ms = g._mentions(text)
            plain = [(m, e) for m in ms
                     if (e := g._pick(m, g._named_admins([x for x in ms if x is not m], ctx))) is not None]
            assert g._picks(ms, ctx) == plain


def test_last_words_equal_a_scan_from_the_start():
    from extractor.resolve.actors import _WORD, _last_words

    rng = random.Random(7)
    pieces = ["قال", "الجيش", "وزارة", "الصحة", " ", " ", "، ", "3", "x" * 70, "ب" * 130]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        end = rng.randint(0, len(text))
        assert [m.span() for m in _last_words(text, end, 5)] == [m.span() for m in list(_WORD.finditer(text, 0, end))[-5:]]


def test_span_overlap_by_bisection_equals_the_pairwise_check():
    from extractor.resolve.places import _Overlaps

    rng = random.Random(4)
    for _ in range(3000):
        spans = [(a, a + rng.randint(0, 8)) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 12)))]
        hit = _Overlaps(spans)
        for _ in range(10):
            s = rng.randint(0, 45)
            e = s + rng.randint(0, 8)
            assert hit(s, e) == any(a < e and s < b for a, b in spans)
