"""Speed shortcuts give what the plain definitions give (the pipeline's output must stay byte-identical)."""

from __future__ import annotations

import random
import re

from extractor.normalize import normalize_text
from extractor.resolve.places import Gazetteer

_PIECES = ["حلب", "دمشق", "دير الزور", "دير", "الزور", "للعراق", "وللعراق", "ريف", "الشمالي", "بمدينة", "مدينة",
           "قرية", "محافظة", "إدلب", "صنعاء", "في", "من", "على", "قتل", "مدنيين", "جنوب", "شرق", "أم", "صفا",
           "رام", "الله", "فبركة", "بازل", "السويسري", "«", "»", "-", "–", ":", "_", "3", "x", "و", "ب"]
_GAPS = [" ", " ", " ", "  ", "   ", "، ", ". ", "\n", "", "-", "_"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = ["", " ", "حلب", " حلب ", "قتل مدني في حلب."]
    for _ in range(n):
        k = rng.randint(1, 30)
        out.append(normalize_text("".join(rng.choice(_PIECES) + rng.choice(_GAPS) for _ in range(k))))
    return out


def test_candidates_with_the_word_memo_equal_the_word_by_word_scan():
    g = Gazetteer.load()
    for text in _texts(3000, 11):
        assert g._candidates(text) == g._candidates_plain(text), text
        assert g._candidates(text) == g._candidates_plain(text), text  # the memo filled


def test_memoised_find_and_mentions_equal_a_fresh_reading():
    g = Gazetteer.load()
    fresh = Gazetteer.load.__wrapped__(Gazetteer)  # its own, empty memos
    for i, text in enumerate(_texts(400, 12)):
        for country in (None, "Syria", "Yemen"):
            got = g.find(text, i, context_country=country)
            again = g.find(text, i, context_country=country)
            assert got == again == fresh._find(text, i, country, (), (), ())
            got.append(None)  # a caller's list is its own
            assert g.find(text, i, context_country=country) == again
        assert g._mentions(text, i) == fresh._read_mentions(text, i, ())


def test_mentions_with_ner_spans_equal_a_fresh_reading_with_them():
    """With LOC spans the mentions are those read without them, each told ``in_loc`` afresh."""
    g = Gazetteer.load()
    fresh = Gazetteer.load.__wrapped__(Gazetteer)
    rng = random.Random(17)
    for i, text in enumerate(_texts(400, 18)):
        n = len(text)
        for _ in range(3):
            spans = []
            for _ in range(rng.randint(1, 4)):
                a = rng.randint(0, n) + i
                spans.append((a, a + rng.randint(0, 12)))
            spans = tuple(spans)
            want = fresh._read(text, i, spans)[0]
            assert g._mentions(text, i, spans) == want
            assert g._mentions(text, i, spans) == want  # memoised
            assert g._mentions(text, i) == fresh._read(text, i, ())[0]


def test_the_checks_given_the_word_start_and_the_word_before_equal_them_reading_it_themselves():
    """_mention_at reads the word start and the word before once and hands them to the checks."""
    from extractor.resolve.places import _LETTER

    g = Gazetteer.load()
    for text in _texts(600, 19) + [normalize_text("زار #إدلب و بريف #حلب ومستشفى الشفاء")]:
        for s, e, key in g._candidates(text):
            entries = g.entries(key)
            j = s
            while j > 0 and _LETTER.match(text[j - 1]):
                j -= 1
            back = g._word_back(text, max(0, j - 40), j)
            assert g._modifiers(text, s, j, back) == g._modifiers(text, s), (text, s)
            hint = g._modifiers(text, s)[0]
            for h in {hint, "", "town"}:
                assert g._not_a_name(text, s, e, key, entries, h, j, back) == g._not_a_name(text, s, e, key, entries, h)
            assert g._after_facility(text, s, j, back) == g._after_facility(text, s)


def test_the_remembered_picker_context_equals_a_fresh_one():
    g = Gazetteer.load()
    args = [(None, (), ()), ("Syria", (), ()), ("Syria", ("Yemen", "SYR"), ()), (["Syria", "Iraq"], [], []),
            (("Yemen",), ("Syria",), (("Yemen", "Aden"), ("YEM", "Abyan", "Khanfar"))), ("Nowhere", (), [["Syria", "Idleb"]])]
    for _ in range(2):
        for a in args:
            assert g._context(*a) == g._make_context(*a), a


def test_token_texts_equal_the_tokens_and_countries_in_equals_the_word_loop():
    from extractor.resolve.actors import ActorLexicon
    from extractor.segment import split_sentences

    lex = ActorLexicon.load()
    for text in _texts(300, 13) + [normalize_text("قال مسؤول سعودي إن القوات اليمنية والسورية وللعراق MQ-9 3.5")]:
        for s in split_sentences(text):
            texts = s.token_texts
            assert texts == [t.text for t in s.tokens] == s.token_texts
            plain = [c for w in texts if w.isalpha() and (c := lex.country_of_word(w))]
            assert lex.countries_in(texts) == plain == lex.countries_in(texts)


def test_countries_in_texts_equals_countries_in_of_the_sentences_tokens():
    from extractor.resolve.actors import ActorLexicon
    from extractor.segment import split_sentences

    lex = ActorLexicon.load()
    extra = [normalize_text(t) for t in ("قال مسؤول سعودي:«القوات اليمنية»،والسورية(وللعراق) MQ-9 3.5 سوريا-العراق",
                                         "اليمن.وقال\tالعراقي\u00a0السعودية؟'ليبيا'", "x_سوريا 2015م.اليمنيين")]
    for text in _texts(400, 14) + extra:
        sents = split_sentences(text)
        want = lex.countries_in([w for s in sents for w in s.token_texts])
        assert lex.countries_in_texts([s.text for s in sents]) == want == lex.countries_in_texts([s.text for s in sents])
    assert lex.countries_in_texts(extra[:1]) == lex.countries_in(split_sentences(extra[0])[0].token_texts) != []


def test_a_whole_text_read_sentence_by_sentence_equals_the_whole_text_read_at_once():
    """country_of_article reads the text's sentences (memoised for the later stages) and checks again the
    candidates near a sentence's start or end, whose checks would see the neighbouring sentences."""
    g = Gazetteer.load()
    assert g._keys_within_sentences
    rng = random.Random(14)
    pieces = _PIECES + ["مدينة", "قرية", "شمال", "ريف", "السوري", "القوات", "مستشفى", "صحيفة", "«الرياض»", "السعودية",
                        "تدمر 16", "حماة الوطن", "الحي الصناعي", "الخرطوم.وتحولت", '."حلب"', "د. محمد", "مدينة\nحلب", "3حلب", "حلب3", '"', "«"]
    # the marks and spaces before a sentence decide whether a name near its start is read again in the whole
    # text (a letter or digit before a line break: yes; ". ", "؟ ", '." ': no)
    gaps = [" ", " ", "\n", "\n\n", ". ", "! ", "؟", ".", "…", '." ', "». ", " - ", ": ", ".\n", " \n ", "_\n",
            "3\n", ' "', "\n«", ".  "]
    texts = [normalize_text("".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(1, 40))))
             for _ in range(3000)]
    for text in texts:
        assert g._text_mentions(text) == g._read_mentions(text, 0, ()), text


def test_the_word_before_read_backwards_equals_the_regex_search():
    from extractor.resolve.places import _WORD_BACK

    rng = random.Random(15)
    chars = ["ا", "ب", "ل", "و", "x", "Y", "3", "٣", "²", "_", " ", " ", "\n", "\t", "\u00a0", "،", ".", "-"]
    for _ in range(20000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 60)))
        pos = rng.randint(0, len(text))
        lo = max(0, pos - rng.choice([40, 40, 5, 0, pos]))
        m = _WORD_BACK.search(text, lo, pos)
        assert Gazetteer._word_back(text, lo, pos) == ((m.group(1), m.start()) if m else None), (text, lo, pos)


def test_country_of_article_with_the_docs_sentences_equals_it_without():
    from extractor.segment import split_sentences

    g = Gazetteer.load()
    for text in _texts(500, 16):
        assert g.country_of_article(text, split_sentences(text)) == g.country_of_article(text)


def test_batched_viterbi_finds_each_sentences_path():
    import numpy as np

    from extractor.ner import _viterbi_batch, _viterbi_decode

    rng = np.random.default_rng(17)
    for trial in range(300):
        b, k = int(rng.integers(1, 12)), int(rng.integers(1, 9))
        lens = [int(x) for x in rng.integers(1, 40, size=b)]
        t_max = max(lens)
        if trial % 2:  # small integers: many ties, which argmax breaks by the first index
            scores = rng.integers(-3, 3, size=(b, t_max, k)).astype(np.float32)
            trans = rng.integers(-3, 3, size=(k, k)).astype(np.float32)
        else:
            scores = rng.normal(size=(b, t_max, k)).astype(np.float32) * 10
            trans = rng.normal(size=(k, k)).astype(np.float32)
        got = _viterbi_batch(scores, lens, trans)
        for i in range(b):
            want = _viterbi_decode(scores[i, : lens[i]], trans)[0]
            assert [int(x) for x in got[i]] == [int(x) for x in want]


def test_viterbi_with_sentences_last_finds_the_rows_layouts_paths():
    import numpy as np

    from extractor.ner import _viterbi_batch, _viterbi_batch_rows, _viterbi_decode

    rng = np.random.default_rng(23)
    for trial in range(300):
        b, k = int(rng.integers(1, 70)), int(rng.integers(1, 24))
        lens = [int(x) for x in rng.integers(1, 60, size=b)]
        if trial % 3:  # longest first, as the tagger hands them (the steps leave ended sentences out)
            lens.sort(reverse=True)
        t_max = max(lens) + int(rng.integers(0, 3))
        if trial % 2:  # small integers: many ties (and 0.0 / -0.0 sums), which argmax breaks by the first index
            scores = rng.integers(-2, 2, size=(b, t_max, k)).astype(np.float32)
            trans = rng.integers(-2, 2, size=(k, k)).astype(np.float32)
        else:
            scores = rng.normal(size=(b, t_max, k)).astype(np.float32) * 10
            trans = rng.normal(size=(k, k)).astype(np.float32)
        got = _viterbi_batch(scores, lens, trans)
        assert got == _viterbi_batch_rows(scores, lens, trans)
        if trial % 10 == 0:
            for i in range(b):
                assert got[i] == [int(x) for x in _viterbi_decode(scores[i, : lens[i]], trans)[0]]
    scores = rng.normal(size=(3, 5, 4)).astype(np.float32)
    scores[1, 2, 3] = np.nan  # not finite: the rows layout's loop answers
    assert _viterbi_batch(scores, [5, 4, 2], trans[:4, :4]) == _viterbi_batch_rows(scores, [5, 4, 2], trans[:4, :4])


def test_singleton_fix_reading_only_tagged_tokens_equals_stanzas():
    import random

    from stanza.models.ner.trainer import fix_singleton_tags

    from extractor.ner import _fix_singletons

    rng = random.Random(5)
    alphabet = ["O", "O", "O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "I-LOC", "E-LOC", "S-LOC", "X", "I-"]
    for _ in range(20_000):
        tags = [rng.choice(alphabet) for _ in range(rng.randint(0, 9))]
        assert _fix_singletons(tags) == fix_singleton_tags(tags)


def test_names_no_one_holds_only_where_find_gives_no_actor_whatever_the_spans_and_country():
    """ActorLexicon.names_no_one(text): find gives no actor for any country, date, ORG or PER spans (spans
    anywhere, some outside the text, as a clause cut from its sentence gets them)."""
    from datetime import date

    from extractor.resolve.actors import ActorLexicon

    lex = ActorLexicon.load()
    rng = random.Random(29)
    words = ["جماعه", "وجماعه", "بالكتيبه", "كتيبه", "لواء", "جيش", "الجيش", "مسلحون", "داعش", "الحوثي", "الشرطه",
             "«جماعه", "(تنظيم", "مجموعه", "رجال", "في", "من", "قرب", "المدينه", "حلب", "صنعاء", "امس", "سقط",
             "جرحى", "«", "»", "،", "الاهالي", "المواطنين", "شهداء", "الزاويه", "x"]
    none = 0
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 10)))
        if not lex.names_no_one(text):
            continue
        none += 1
        off = rng.randint(0, 50)
        for country in (None, "Syria", "Yemen", "Iraq"):
            spans = []
            for _ in range(rng.randint(0, 6)):
                a = rng.randint(-20, len(text) + 5)
                spans.append((off + a, off + a + rng.randint(1, 30)))
            got = lex.find(text, off, event_country=country, event_date=date(2025, 3, 4),
                           orgs=spans, persons=spans[::2])  # fmt: skip
            assert got == [], (text, country, spans, got)
    assert none > 300
    # and it does not hold where a group head ends a word or an alias stands
    assert not lex.names_no_one("اعلنت جماعه مسلحه")
    assert not lex.names_no_one("قصف الجيش المدينه")


def test_clauses_whose_trigger_finds_no_participant_are_not_tagged_and_rows_stay():
    """A clause whose trigger needs a participant (needs_actor) and in which the actor dictionary finds no one,
    whatever the entities, gives no mention: its sentence is not tagged for it. Rows and --explain rejections
    equal those of NER on every trigger sentence, with a dense fake tagger that also tags long ORG spans
    (from each group head to the sentence's end: an unknown armed group, where the dictionary would find one)."""
    from extractor.ner import Entity
    from extractor.pipeline import Pipeline

    class Tagger(_Recorder):
        def annotate(self, sentences):
            out = super().annotate(sentences)
            for s, ents in zip(sentences, out):
                for t in s.tokens:
                    if sum(map(ord, t.text)) % 3 == 0:
                        ents.append(Entity("ORG", t.start, s.end, s.text[t.start - s.start :]))
            return out

    class Everywhere(Pipeline):
        def _ner_sentences(self, doc, matched=None, ctx=None, scan=None):
            return [s for s in doc.sentences if self.templates.has_trigger(s.text)]

        def _no_participant(self, c, matches):
            return False

    short, full = Pipeline(None), Everywhere(None)
    short.ner, full.ner = Tagger(), Tagger()
    rng = random.Random(31)
    words = _PIECES + ["اشتباكات", "مواجهات", "اقتحام", "اعتقال", "سيطرة", "غارة", "قصف", "الجيش", "مسلحون",
                       "جماعة", "كتيبة", "لواء", "شهداء", "الزاوية", "عناصر", "الأهالي", "، فيما", "أمس", "محمد"]
    arts = []
    for i in range(300):
        sents = [" ".join(rng.choice(words) for _ in range(rng.randint(2, 14))) for _ in range(rng.randint(1, 8))]
        arts.append(_article(normalize_text(". ".join(sents) + ".")))
    assert _same_rows((short, full), arts) > 20
    assert len(short.ner.seen) < len(full.ner.seen)
    for a in arts[:120]:
        ra, rb = short.process(a, explain=True), full.process(a, explain=True)
        assert [e.to_dict() for e in ra.events] == [e.to_dict() for e in rb.events]
        assert repr(ra.rejected) == repr(rb.rejected)


def test_the_extension_without_pathlib_equals_the_pathlib_reading():
    from pathlib import Path

    from extractor.reading import COMPRESSED_EXTS, _ext

    def plain(name: str) -> str:
        p = Path(name)
        suffix = p.suffix.lower()
        if suffix in COMPRESSED_EXTS:
            suffix = Path(p.stem).suffix.lower()
        return "" if suffix[1:].isdigit() else suffix

    rng = random.Random(14)
    pieces = ["a", "news", ".", ".", "txt", "TXT", "gz", "bz2", "xz", "json", "jsonl", "html", "2025", "04", "/",
              "..", "~", " ", "-", "tar", "ي", ""]  # fmt: skip
    names = ["", ".", "..", "/", "a/", "a/.", ".gz", "a.gz", "..gz", "a..gz", "a.txt.gz", "a.", "a.gz.", "/x/.txt"]
    names += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(5000)]
    for name in names:
        assert _ext(name) == plain(name), name


def test_find_dates_with_its_gates_equals_every_pattern_tried(monkeypatch):
    import datetime
    import re

    from extractor.resolve import dates

    v = dates._vocab()
    words = (list(v.month_of) + list(v.weekday_of) + list(v.relative_of) + list(v.hijri_month_of) + list(v.ordinal_day)
             + ["قبل", "يومين", "ايام", "عام", "من", "شهر", "الماضي", "الجاري", "المقبل", "هـ", "في", "يوم"])  # fmt: skip
    rng = random.Random(15)
    pieces = words + ["3", "12", "2015", "1436", "4/8/1436", "2015-03-12", "12.3.2015", "و", "ب", "قتل", "مدنيين"]
    gaps = [" ", " ", "، ", "-", "/", ""]
    texts = ["".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    texts = [normalize_text(t) for t in texts]
    day = datetime.date(2015, 3, 20)
    gated = [dates.find_dates(t, day) for t in texts]
    assert sum(1 for g in gated if g) > 1000  # the texts hold dates
    everything = re.compile("")
    monkeypatch.setattr(dates, "_DIGIT", everything)
    monkeypatch.setattr(dates, "_gates", lambda: (everything, everything, everything))
    for t, g in zip(texts, gated):
        assert dates._find_dates(t, day, 0, v) == g, t
        assert dates.find_dates(t, day) == g, t  # remembered: the same
        assert dates.find_dates(t, day, 7) == dates._find_dates(t, day, 7, v)
    got = dates.find_dates(texts[0], day)
    got.append(None)  # a caller's list is its own
    assert dates.find_dates(texts[0], day) == gated[0]


def test_dateline_equals_its_plain_reading():
    from types import SimpleNamespace

    from extractor.resolve.places import _DASH_AFTER, _dateline, may_have_dateline

    def plain(text, m, offset):
        s, e = m.start - offset, m.end - offset
        n_head = len(text[:s].split())
        if n_head == 0 and _DASH_AFTER.match(text, e):
            return True
        return n_head <= 6 and any(c in text[:s] for c in "-–—") and text[e : e + 2].strip()[:1] == ":"

    rng = random.Random(16)
    pieces = ["جدة", "الرياض", "واس", "سبق", "-", "–", "—", ":", " :", "قال", "في", "3"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) + rng.choice([" ", "", "  ", "\n"]) for _ in range(rng.randint(1, 12)))
        s = rng.randint(0, len(text))
        e = rng.randint(s, len(text))
        off = rng.choice([0, 7])
        m = SimpleNamespace(start=s + off, end=e + off)
        assert _dateline(text, m, off) == plain(text, m, off), (text, s, e)
        assert may_have_dateline(text) or not _dateline(text, m, off), (text, s, e)  # no dash, no colon: none
    assert not may_have_dateline("جدة واس قال") and may_have_dateline("جدة - واس") and may_have_dateline("سبق:")


def test_match_sentence_after_has_trigger_equals_a_fresh_scan():
    from extractor.segment import split_sentences
    from extractor.templates import TemplateSet

    seen, fresh = TemplateSet.load(), TemplateSet.load()
    rng = random.Random(17)
    pieces = _PIECES + ["غارة", "قصف", "اشتباكات", "هجوم", "انفجار", "مظاهرة", "قتل", "اعتقال", "؟"]
    for _ in range(600):
        text = normalize_text("".join(rng.choice(pieces) + rng.choice(_GAPS) for _ in range(rng.randint(1, 25))))
        for s in split_sentences(text):
            seen.has_trigger(s.text)
            a, b = [], []
            assert repr(seen.match_sentence(s, a)) == repr(fresh.match_sentence(s, b)), s.text
            assert repr(a) == repr(b)


def test_ner_up_to_the_last_sentence_with_a_match_gives_the_rows_of_ner_on_every_trigger_sentence():
    """Pipeline._ner_sentences leaves out the trigger sentences after the last one with a match: their entities
    are never read; find_mentions reuses the matches it read. Checked with a dense fake tagger (every token an
    entity of a type its letters choose) against NER on every trigger sentence and every clause scanned afresh."""
    from datetime import date

    from extractor.document import Article
    from extractor.ner import Entity
    from extractor.pipeline import Pipeline

    class Tagger:
        name = "fake"

        def __init__(self):
            self.tagged = 0

        def annotate(self, sentences):
            self.tagged += len(sentences)
            return [[Entity(("PER", "LOC", "ORG")[k], t.start, t.end, t.text) for t in s.tokens
                     if (k := sum(map(ord, t.text)) % 4) < 3] for s in sentences]  # fmt: skip

    class Everywhere(Pipeline):
        def _ner_sentences(self, doc, matched=None, ctx=None, scan=None):  # no shortcut: every trigger sentence
            return [s for s in doc.sentences if self.templates.has_trigger(s.text)]

    class UpToTheLast(Pipeline):
        def _ner_sentences(self, doc, matched=None, ctx=None, scan=None):  # only the sentences after the last match left out
            return super()._ner_sentences(doc, matched, None, scan)

    short, full, last = Pipeline(None), Everywhere(None), UpToTheLast(None)
    short.ner, full.ner, last.ner = Tagger(), Tagger(), Tagger()
    rng = random.Random(19)
    words = _PIECES + ["غارة", "قصف", "اشتباكات", "هجوم", "انفجار", "مظاهرة", "اعتقال", "الجيش", "مسلحون",
                       "الشرطة", "محمد", "علي", "، فيما", "، بينما", "الحوثيين", "داعش", "طائرات", "أمس"]
    arts = []
    for i in range(300):
        sents = [" ".join(rng.choice(words) for _ in range(rng.randint(2, 14))) for _ in range(rng.randint(1, 8))]
        arts.append(Article(id=f"t{i}", text=normalize_text(". ".join(sents) + "."), published=date(2025, 3, 4),
                            date_basis="json", source="test"))  # fmt: skip
    assert _same_rows((short, full, last), arts) > 20
    # each shortcut left some sentences out (the overwritten place talked about: those before the last match too)
    assert short.ner.tagged < last.ner.tagged < full.ner.tagged, (short.ner.tagged, last.ner.tagged, full.ner.tagged)


def test_a_batch_raises_the_gc_threshold_and_sets_it_back(monkeypatch):
    import gc

    from extractor import pipeline as pl

    seen = []
    saved = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with pl._fewer_collections():
            seen.append(gc.get_threshold())
            with pl._fewer_collections():  # nested (or a second thread): set back only when the last ends
                seen.append(gc.get_threshold())
            seen.append(gc.get_threshold())
        seen.append(gc.get_threshold())
        gc.set_threshold(0, 10, 10)  # collection turned off by the caller stays off
        with pl._fewer_collections():
            seen.append(gc.get_threshold())
        seen.append(gc.get_threshold())
        gc.set_threshold(700, 10, 10)
        try:
            with pl._fewer_collections():
                raise ValueError
        except ValueError:
            pass
        seen.append(gc.get_threshold())
    finally:
        gc.set_threshold(*saved)
    t = pl.GC_BATCH_THRESHOLD
    assert seen == [(t, 10, 10)] * 3 + [(700, 10, 10), (0, 10, 10), (0, 10, 10), (700, 10, 10)]


def test_the_near_start_bound_equals_the_fullmatch_at_every_position():
    """``_read`` asks ``_NEAR_START.fullmatch(text, 0, s)`` as ``s <= _NEAR_START.match(text).end()``."""
    rng = random.Random(17)
    chars = ["ا", "ب", "ل", "و", "x", "3", "_", " ", " ", "  ", "\n", "\t", "،", ".", "-", "#", "حلب", "مدينة "]
    texts = ["", " ", "ب", "ab cd ef gh ij kl", "ab cd ef gh ij kl mn", " ab"] + _texts(300, 18)
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(0, 50))) for _ in range(3000)]
    r = Gazetteer._NEAR_START
    for text in texts:
        end = r.match(text).end()
        for s in range(len(text) + 1):
            assert (r.fullmatch(text, 0, s) is not None) == (s <= end), (text, s)


def test_picks_reusing_the_contexts_own_pick_equal_a_pick_in_each_mentions_context():
    """``_picks`` keeps a mention's pick in the context itself when its own context adds nothing to it."""
    from extractor.resolve.places import _Context

    g = Gazetteer.load()
    ctxs = [g._context(None), g._context("SYR"), g._context("YEM", ("SAU",)), _Context(("SYR",), region=""),
            g._context("SYR", admins=(("SYR", "Aleppo"),))]
    for text in _texts(400, 19):
        ms = g._mentions(text)
        for ctx in ctxs:
            plain = []
            for m in ms:
                mine = g._named_admins([x for x in ms if x is not m], ctx)
                if (e := g._pick(m, mine)) is not None:
                    plain.append((m, e))
            assert g._picks(ms, ctx) == plain, text


def test_contains_and_the_remembered_lower_case_equal_a_fresh_scan():
    from extractor.phrases import PhraseMatcher

    a = PhraseMatcher([("قصف", 1), ("MQ-9", 2), ("غارة جوية", 3)])
    b = PhraseMatcher([("mq-9", 4), ("حلب", 5)])
    for text in ["", "قصف", "وبالقصف MQ-9", "Mq-9 غارة جوية", "حلب mq-9", "قصفها", "xقصف"] + _texts(200, 20):
        for m in (a, b, a):
            want = list(m.iter((" " + text)[1:]))  # another object of the same text: its lower case made afresh
            assert list(m.iter(text)) == want
            assert m.contains(text) == bool(want)


def test_isalnum_is_the_letter_pattern_of_places():
    """places reads ``_LETTER.match(c)`` ([^\\W_]) as ``c.isalnum()``: the same on every code point."""
    from extractor.resolve.places import _LETTER

    assert not [c for c in map(chr, range(0x110000)) if bool(_LETTER.match(c)) != c.isalnum()]


def test_country_of_article_with_its_votes_remembered_equals_them_counted_afresh():
    g = Gazetteer.load()
    for text in _texts(300, 21):
        warm = g.country_of_article(text)
        g._votes.clear()
        assert g.country_of_article(text) == warm, text


def test_clause_phrase_index_gives_the_answer_of_trying_every_phrase():
    """clause._at looks only at phrases starting with the token's word: the same phrase as the full, longest-first scan."""
    import random as _random

    from extractor import clause

    w = clause.words()
    lists = [w.openers, w.past, w.negators, w.casualties, *w.moods.values()]
    vocab = sorted({t for ph in lists for p in ph for t in p} | {"في", "الهجوم", "أمس"})
    rng = _random.Random(7)
    for phrases in lists:
        for _ in range(300):
            toks = [(0, 0, rng.choice(vocab)) for _ in range(rng.randint(1, 6))]
            for i in range(len(toks)):
                brute = next((p for p in phrases if tuple(t[2] for t in toks[i : i + len(p)]) == p), None)
                assert clause._at(toks, i, phrases) == brute


def test_the_memo_of_recent_results_keeps_the_latest_when_it_fills_up():
    """The gazetteer's memo turns its results into an older half when full: a sentence read just before is
    still there (its context read it, its events read it next), and a result is one a fresh reading gives."""
    from extractor.resolve.places import _Recent

    memo = _Recent(3)
    for i in range(10):
        memo[("m", f"قصف في حلب {i}")] = i
        assert memo.get(("m", f"قصف في حلب {i}")) == i
        if i:
            assert memo.get(("m", f"قصف في حلب {i - 1}")) == i - 1  # the one before, whichever half holds it
        assert len(memo) <= 6
    assert memo.get(("m", "قصف في حلب 0")) is None  # long gone
    memo.clear()
    assert len(memo) == 0 and memo.get(("m", "قصف في حلب 9")) is None
    g = Gazetteer.load()
    text = normalize_text("قتل ثلاثة مدنيين في قصف على مدينة حلب")
    first = g.find(text, 0, context_country="Syria")
    for i in range(30_000):  # more results than the memo holds
        g._memo[("x", i)] = ()
    assert g.find(text, 0, context_country="Syria") == first == g._find(text, 0, "Syria", (), (), ())


class _Recorder:
    """A fake tagger that remembers which sentences it was given (their indexes) and tags every token PER or LOC
    by its letters (dense, so that any entity read changes a row)."""

    name = "fake"

    def __init__(self):
        self.seen: list[int] = []

    def annotate(self, sentences):
        from extractor.ner import Entity

        self.seen += [s.index for s in sentences]
        return [[Entity(("PER", "LOC")[sum(map(ord, t.text)) % 2], t.start, t.end, t.text) for t in s.tokens]
                for s in sentences]  # fmt: skip


def _same_rows(pipelines, arts, batch: int = 16) -> int:
    """Run every pipeline over ``arts`` in batches of ``batch`` and assert that all give the same rows; the
    number of rows (a test whose texts give none proves nothing)."""
    rows = 0
    for i in range(0, len(arts), batch):
        first, *others = [[[e.to_dict() for e in r.events] for r in p.process_many(arts[i : i + batch])]
                          for p in pipelines]  # fmt: skip
        assert all(o == first for o in others)
        rows += sum(map(len, first))
    return rows


def _article(text: str):
    from datetime import date

    from extractor.document import Article

    return Article(id="t", text=text, published=date(2025, 3, 4), date_basis="json", source="test")


def test_a_clause_dated_years_before_the_news_is_not_tagged():
    """find_mentions rejects a clause with matches dated well before the article's news (history) before it
    reads any entity or the place talked about: its sentence is not tagged; the news before it is."""
    from extractor.pipeline import Pipeline

    p = Pipeline(None)
    p.ner = _Recorder()
    text = "قصفت طائرات حربية مواقع المسلحين في حلب أمس. وشن الجيش هجوما على مدينة حمص عام 2012."
    rows = p.process(_article(text)).events
    assert p.ner.seen == [0]
    assert [(r.event_type, r.event_date) for r in rows] == [("Explosions/Remote violence", "2025-03-03")]
    # a date a year before publication reads the same way
    p.ner.seen.clear()
    p.process(_article(text.replace("عام 2012", "في 5 يناير 2024")))
    assert p.ner.seen == [0]


def test_an_opinion_column_is_not_tagged_unless_explained():
    """An opinion column gives no rows whatever its entities (assemble.decide): none of its sentences is
    tagged; with --explain, whose rejections list its mentions, they are, as before."""
    from extractor.pipeline import Pipeline

    p = Pipeline(None)
    p.ner = _Recorder()
    musing = "نحن نرى أن الحرب طويلة ولعل السلام بعيد عنا جميعا فلماذا نصمت على ما يجري في بلادنا كل يوم."
    art = _article("قصفت طائرات حربية مواقع المسلحين في حلب. " + " ".join([musing] * 14))
    assert p.process(art).events == [] and p.ner.seen == []
    explained = p.process(art, explain=True)
    assert explained.events == [] and p.ner.seen == [0]
    assert any(r.code == "opinion" for r in explained.rejected)


def test_an_opinion_column_reads_no_place_unless_explained(monkeypatch):
    """Past its word facts nothing of an opinion column is read (no context, places, NER or mentions), unless
    for --explain or without the prefilter; its result is the one the whole reading gives: no rows."""
    from extractor import pipeline as pl
    from extractor.pipeline import Pipeline

    p = Pipeline(None)
    p.ner = _Recorder()
    read: list = []
    real = pl.article_context
    monkeypatch.setattr(pl, "article_context", lambda doc, *a: read.append(doc) or real(doc, *a))
    musing = "نحن نرى أن الحرب طويلة ولعل السلام بعيد عنا جميعا فلماذا نصمت على ما يجري في بلادنا كل يوم."
    column = _article("قصفت طائرات حربية مواقع المسلحين في حلب أمس. " + " ".join([musing] * 14))
    report = _article("قصفت طائرات حربية مواقع المسلحين في حلب أمس، وقتل ثلاثة مدنيين.")
    short = p.process_many([column, report])
    assert [len(r.events) for r in short] == [0, 1] and [d.article for d in read] == [report]
    assert short[0].rejected == [] and short[0].doc.entities == [[] for _ in short[0].doc.sentences]
    read.clear()
    assert p.process(column, explain=True).events == [] and len(read) == 1
    read.clear()
    p.prefilter = False
    assert [len(r.events) for r in p.process_many([column, report])] == [0, 1] and len(read) == 2


def test_articles_left_unread_give_the_rows_of_the_whole_reading():
    """Random articles, some opinion columns, some with no trigger, some whose matches are all filtered or old
    history: the pipeline reads no context, NER or mentions of those (no rows), and its rows equal those of the
    whole reading (--no-prefilter: every sentence tagged, every article's context, every clause scanned afresh)."""
    from extractor import pipeline as pl
    from extractor.pipeline import Pipeline

    short, full = Pipeline(None), Pipeline(None, prefilter=False)
    short.ner, full.ner = _Recorder(), _Recorder()
    rng = random.Random(29)
    words = _PIECES + ["غارة", "قصف", "اشتباكات", "هجوم", "انفجار", "اعتقال", "الجيش", "مسلحون", "الشرطة", "محمد",
                       "، فيما", "أمس", "عام 2012", "في 3 مايو 2023", "نحن", "لعل", "لماذا", "هل", "؟", "مباراة",
                       "الكرة", "مسلسل", "ستقصف", "الحوثيين", "في حلب", "في صنعاء"]
    arts = []
    for i in range(240):
        n = rng.choice((rng.randint(1, 8), 40))
        pool = words if rng.random() < 0.6 else _PIECES  # some with no trigger word at all
        sents = [" ".join(rng.choice(pool) for _ in range(rng.randint(2, 14))) for _ in range(n)]
        arts.append(_article(normalize_text(". ".join(sents) + ".")))
    read = []
    real = pl.article_context
    pl_context = lambda doc, *a: read.append(doc) or real(doc, *a)
    import pytest

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pl, "article_context", pl_context)
        rows = _same_rows((short, full), arts)
    assert rows > 20
    assert len(arts) < len(read) < 2 * len(arts) - 40  # the whole reading reads every article, the pipeline far fewer


def test_leaving_out_history_clauses_and_opinion_columns_keeps_the_rows():
    """Random articles with old dates among the clauses, and some long enough to read as opinion columns:
    the rows of Pipeline._ner_sentences equal those of NER on every trigger sentence."""
    from extractor.pipeline import Pipeline

    class Everywhere(Pipeline):
        def _ner_sentences(self, doc, matched=None, ctx=None, scan=None):
            return [s for s in doc.sentences if self.templates.has_trigger(s.text)]

    short, full = Pipeline(None), Everywhere(None)
    short.ner, full.ner = _Recorder(), _Recorder()
    rng = random.Random(23)
    words = _PIECES + ["غارة", "قصف", "اشتباكات", "هجوم", "انفجار", "اعتقال", "الجيش", "مسلحون", "الشرطة",
                       "محمد", "، فيما", "أمس", "عام 2012", "في 3 مايو 2023", "منذ 2019", "نحن", "لعل", "لماذا"]
    arts = []
    for i in range(240):
        n = rng.choice((rng.randint(1, 8), 40))  # some long enough (and reporting little) to be opinion columns
        sents = [" ".join(rng.choice(words) for _ in range(rng.randint(2, 14))) for _ in range(n)]
        arts.append(_article(normalize_text(". ".join(sents) + ".")))
    assert _same_rows((short, full), arts) > 20
    assert len(short.ner.seen) < len(full.ner.seen)


def test_told_elsewhere_read_from_its_last_word_equals_the_whole_window_read():
    """A name after "قال للصحفيين في" or "هجوم انطلق من مدينة" is told elsewhere; the shortcut reads the last word
    first and gives the whole window's answer at every position of random texts (type words, digits, _ included)."""
    from extractor.resolve.places import (
        _ELSEWHERE,
        _ELSEWHERE_WIDTH,
        _TYPE_WORDS,
        _bare,
        _told_elsewhere_at,
        may_tell_elsewhere,
    )

    def _told_elsewhere(before: str) -> bool:  # the whole window read, word by word
        words = re.findall(r"\w+", before)
        while words and _bare(words[-1]) in _TYPE_WORDS:
            words.pop()
        return any(" ".join(words[-n:]) in _ELSEWHERE for n in range(2, _ELSEWHERE_WIDTH + 1) if len(words) >= n)

    words = ["قال", "للصحفيين", "الصحفيين", "في", "من", "انطلق", "انطلقت", "شنته", "مؤتمر", "صحفي", "عقده", "إقامته",
             "مدينة", "بلدة", "ومحافظة", "قرية", "حلب", "3", "x_", "_", "في3", "٣من", "وانطلق", "ويقيم", "يقيمون",
             "صحفيا", "مؤتمرا"]
    gaps = [" ", " ", "  ", "، ", ".", "\n", "", "-", "«"]
    rng = random.Random(17)
    hits = 0
    for _ in range(4000):
        text = normalize_text("".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(0, 25))))
        maybe = may_tell_elsewhere(text)
        for j in range(len(text) + 1):
            want = _told_elsewhere(text[max(0, j - 80) : j])
            hits += want
            assert _told_elsewhere_at(text, j) == want, (text, j)
            assert _told_elsewhere_at(text, j, maybe) == want, (text, j)  # the text asked once
    assert hits  # the phrases were met
    # every phrase's word before the last holds one of the words may_tell_elsewhere looks for
    from extractor.resolve.places import _ELSEWHERE_BEFORE_LAST

    assert all(any(a in k.split()[-2] for a in _ELSEWHERE_BEFORE_LAST) for k in _ELSEWHERE if " " in k)
    assert not [c for c in map(chr, range(0x110000)) if bool(re.match(r"\w", c)) != (c.isalnum() or c == "_")]
    assert _told_elsewhere_at(normalize_text("وقال للصحفيين في مدينة "), len(normalize_text("وقال للصحفيين في ")))


def test_candidates_equal_the_word_by_word_scan_whatever_the_spaces():
    """A key runs on over its words ("دير" + "الزور"), across two spaces or none ("دير\\tالزور",
    "حلب،دمشق"), but never across a gap of three characters: the memoised scan as the word-by-word one."""
    g = Gazetteer.load()
    gaps = [" ", "  ", "   ", "    ", "\t", "\u00a0", " \n", "، ", "،", " ، ", "-", " - ", "", "_", "((", ". "]
    rng = random.Random(19)
    for _ in range(3000):
        k = rng.randint(0, 25)
        text = "".join(rng.choice(gaps[:4]) * rng.randint(0, 1) + rng.choice(_PIECES) + rng.choice(gaps) for _ in range(k))
        text = normalize_text(text)
        assert g._candidates(text) == g._candidates_plain(text), text
    text = normalize_text("قصف على دير الزور و دير   الزور")
    assert [c[2] for c in g._candidates(text)].count("دير الزور") == 1  # three spaces part the second pair


def _word_texts(words: list[str], n: int, seed: int) -> list[str]:
    """Invented texts of ``words`` (and clitics, endings, full stops, line breaks) between the pieces above."""
    rng = random.Random(seed)
    gaps = [" ", " ", ". ", ".", "\n", "، ", "؟ ", "! ", " - "]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 40)):
            w = rng.choice(words) if rng.random() < 0.4 else rng.choice(_PIECES)
            w = rng.choice(["", "", "و", "ب", "ال", "وال"]) + w + rng.choice(["", "", "ات", "ها", "ية"])
            parts.append(w + rng.choice(gaps))
        out.append("".join(parts))
    return out


def test_phrase_groups_answer_each_matcher_as_it_answers_alone():
    from extractor.context import ContextWords
    from extractor.phrases import PhraseGroups

    w = ContextWords.load()
    groups = {"protest": w.protest, "battle": w.battle, "report": w.report, "none": None}
    union = PhraseGroups(groups)
    words = [k for m in (w.protest, w.battle, w.report) for k in m._payloads]
    for text in _word_texts(words, 400, 31):
        text = normalize_text(text)
        assert union.names_in(text) == {n for n, m in groups.items() if m is not None and m.contains(text)}
        for name, m in groups.items():
            if m is None:
                continue
            want = [(h, e) for h, e in m.iter_edges(text, 7)]
            assert [(h, e) for n, h, e in union.iter_edges(text, 7) if n == name] == want
            assert [(ws, e) for n, ws, e in union.iter_names(text, 7) if n == name] == [(h.word_start, e) for h, e in want]


def test_context_words_read_in_one_scan_equal_them_read_sentence_by_sentence():
    """Protest and battle words per sentence and the reporting and voice counts, from one scan of the text,
    equal ``_at_least_two`` (and the head) and ``is_opinion`` reading them one by one; a text with İ or Σ
    (lower-cased differently as a whole) is read one by one."""
    from extractor.context import ContextWords, _at_least_two, _word_facts, is_opinion
    from extractor.document import Article, Doc

    w = ContextWords.load()
    words = [k for m in (w.protest, w.battle, w.report, w.voice) for k in m._payloads]
    texts = _word_texts(words, 600, 32) + ["مظاهرة في المدينة.\nاشتباكات عنيفة. İstanbul اشتباكات", "ΣΑΣ. مظاهرات"]
    seen = set()
    for text in texts:
        doc = Doc.from_article(Article(id="t", text=text))
        sents = doc.sentences
        head = sents[0] if sents else None
        protest = (head is not None and w.protest.contains(head.text)) or _at_least_two(w.protest, sents)
        battle = _at_least_two(w.battle, sents)
        lead = " ".join(s.text for s in sents[:2])
        p, b, counts = _word_facts(doc, w)
        assert (p, b) == (protest, battle), text
        assert is_opinion(doc.text, w, lead, counts) == is_opinion(doc.text, w, lead), text
        if counts is not None:
            assert counts == (len(w.report.find(doc.text)), len(w.voice.find(doc.text)))
        seen.add((p, b, counts is None))
    assert {(True, True, False), (False, False, False), (True, False, False)} <= seen and any(s[2] for s in seen)


def test_word_facts_and_triggers_in_one_walk_equal_word_facts_and_has_trigger_per_sentence():
    """The word facts and each sentence's trigger test read in one walk over the text equal ``word_facts`` and
    ``has_trigger`` sentence by sentence (sentences glued by a full stop, "قتل.واشتباكات", line breaks, commas); a
    text with İ or Σ gives no list (the caller asks each sentence). A sentence without a trigger phrase has no
    clause with a match (``Pipeline._scan``), so an article with none is read no further."""
    from extractor.context import ContextWords, word_facts, word_facts_and_triggers
    from extractor.document import Article, Doc
    from extractor.pipeline import Pipeline
    from extractor.templates import TemplateSet

    t, w = TemplateSet.load(), ContextWords.load()
    p = Pipeline(None)
    words = [k for m in (w.protest, w.battle, w.report) for k in list(m._payloads)[:20]]
    words += list(t.triggers._payloads)[:80] + ["فيما", "بينما", "، فيما"]
    texts = _word_texts(words, 500, 35) + ["قتل.واشتباكات في حلب", "İstanbul: قتل مدني", "ΣΑΣ. قصف", ""]
    kinds = set()
    for text in texts:
        doc = Doc.from_article(Article(id="t", text=text))
        facts, trigs = word_facts_and_triggers(doc, t.triggers)
        assert facts == word_facts(doc), text
        if trigs is None:
            kinds.add("none")
            continue
        assert trigs == [t.triggers.contains(s.text) for s in doc.sentences], text
        kinds.add(any(trigs))
        if not any(trigs):
            assert all(k == "no match" for _, _, ks in p._scan(doc, {}) for k in ks), text
        got, ref = {}, {}
        a, b = p._scan(doc, got, trigs), p._scan(doc, ref)
        assert [(x[0], [c.text for c in x[1]], x[2]) for x in a] == [(x[0], [c.text for c in x[1]], x[2]) for x in b]
        assert {k: [m.template.id for m in v] for k, v in got.items()} == {k: [m.template.id for m in v] for k, v in ref.items()}
    assert kinds == {True, False, "none"}


def test_no_trigger_phrase_only_where_the_one_walk_finds_no_trigger_sentence():
    """``no_trigger_phrase`` (the pipeline reads no word facts of such an article) says True only where
    ``word_facts_and_triggers`` gives every sentence False, and it does say True for texts with no trigger word;
    never for a text with İ or Σ (the walk is not read there)."""
    from extractor.context import ContextWords, no_trigger_phrase, word_facts_and_triggers
    from extractor.document import Article, Doc
    from extractor.templates import TemplateSet

    t, w = TemplateSet.load(), ContextWords.load()
    words = [k for m in (w.protest, w.battle, w.report) for k in list(m._payloads)[:20]]
    words += list(t.triggers._payloads)[:80] + ["فيما", "بينما", "، فيما"]
    texts = _word_texts(words, 500, 36) + _word_texts(words[:60], 200, 37)
    texts += ["قتل.واشتباكات في حلب", "İstanbul: قتل مدني", "İstanbul: مدني", "ΣΑΣ. مدني", "", "مدني في حلب"]
    said = set()
    for text in texts:
        doc = Doc.from_article(Article(id="t", text=text))
        no = no_trigger_phrase(doc, t.triggers)
        _, trigs = word_facts_and_triggers(doc, t.triggers)
        if no:
            assert trigs is not None and not any(trigs), text
        elif "İ" not in text and "Σ" not in text:
            assert t.triggers.contains(doc.text), text  # a trigger hit in the text: the facts are read
        said.add(no)
        if "İ" in text or "Σ" in text:
            assert not no
    assert said == {True, False}


def test_match_sentence_one_walk_gives_each_matcher_its_own_hits():
    """``TemplateSet._sentence_walk`` (one walk for the triggers, the commemoration words, the sentence filters
    and every template's unless/needs/needs_imperfect/air_if) gives, per matcher, exactly the hits that
    matcher's own walk gives, in its order; so match_sentence reads the same hits, filters and memo answers."""
    from extractor.templates import TemplateSet

    t = TemplateSet.load()
    groups = {"trigger": t.triggers, "remembered": t.remembered}
    groups.update({("filter", n): m for n, m in t.sentence_filters.items()})
    for tpl in t.templates.values():
        groups.update({("unless", tpl.id): tpl.unless, ("needs", tpl.id): tpl.needs,
                       ("needs", tpl.id + "/imperfect"): tpl.needs_imperfect, ("air_if", tpl.id): tpl.air_if})
    words = list(t.triggers._payloads)[:60]
    for m in groups.values():
        if m is not None:
            words += list(m._payloads)[:6]
    names = set()
    for text in _word_texts(words, 600, 38) + [""]:
        text = normalize_text(text)
        want = {n: list(m._matches(text)) for n, m in groups.items() if m is not None}
        want = {n: v for n, v in want.items() if v}
        assert t._sentence_walk(text) == want, text
        names |= {n if isinstance(n, str) else n[0] for n in want}
    assert names == {"trigger", "remembered", "filter", "unless", "needs", "air_if"}


def test_decide_clause_cues_in_one_walk_equal_each_cue_read_alone():
    """``assemble._clause_cues`` (the cues decide looks for anywhere in the clause, read in one walk) names exactly
    the cues whose own matcher finds a hit in the clause."""
    from extractor.assemble import _CLAUSE_CUES, DecisionCues, _clause_cues

    cues = DecisionCues.load()
    words = [k for n in _CLAUSE_CUES for k in list(getattr(cues, n).words._payloads)[:12]]
    seen = set()
    for text in _word_texts(words, 500, 39) + [""]:
        text = normalize_text(text)
        want = {n for n in _CLAUSE_CUES if getattr(cues, n).words.contains(text)}
        assert _clause_cues(text) == want, text
        seen |= want
    assert seen == set(_CLAUSE_CUES)


def test_cue_windows_in_one_walk_equal_each_window_read_alone():
    """``Cue.before`` answers from one walk of the widest window for every windowed cue (``assemble._windowed``):
    the same as each cue's own matcher over its own window, at every word of invented clauses (İ and Σ too)."""
    import random

    from extractor.assemble import _before, _window_cues

    groups, walked, widest = _window_cues()
    cues = [c for c in _all_cues() if c.window > 0 and c.words in walked]
    assert len(cues) > 10 and widest >= max(c.window for c in cues)
    words = [k for c in cues for k in list(c.words._payloads)[:5]]
    rng = random.Random(40)
    told = set()
    for text in _word_texts(words, 250, 40) + ["İstanbul قال مصدر ΣΑΣ ان هجوم", ""]:
        text = normalize_text(text)
        for rel in sorted({0, len(text)} | {rng.randrange(len(text) + 1) for _ in range(4)}):
            for c in cues:
                want = c.words.contains(_before(text, rel, c.window))
                assert c.before(text, rel) == want, (text, rel, c.window)
                told.add(want)
    assert told == {True, False}


def _all_cues():
    from dataclasses import fields, is_dataclass

    from extractor.assemble import Cue, DecisionCues

    d = DecisionCues.load()
    out = []
    for f in fields(d):
        v = getattr(d, f.name)
        out += [v] if isinstance(v, Cue) else [getattr(v, g.name) for g in fields(v)] if is_dataclass(v) else []
    return [c for c in out if isinstance(c, Cue)]


def test_sentence_filters_read_in_one_scan_equal_each_filter_read_alone():
    from extractor.templates import TemplateSet

    t = TemplateSet.load()
    words = [k for m in t.sentence_filters.values() if m is not None for k in list(m._payloads)[:15]]
    words += [k for k in list(t.triggers._payloads)[:40]]
    for text in _word_texts(words, 400, 33):
        text = normalize_text(text)
        want = {n for n, m in t.sentence_filters.items() if m is not None and m.contains(text)}
        assert t._sentence_filter_scan.names_in(text) == want


def test_normalize_text_with_the_common_letters_replaced_first_equals_the_character_by_character_map():
    from extractor import normalize as n

    rng = random.Random(34)
    alphabet = sorted(n._FORM) + list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي 0123456789.,-\n") + ["x", "İ"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert n.normalize_text(text) == "".join(n._FORM.get(c, c) for c in text)


def test_countries_in_texts_reading_only_the_chunks_with_a_country_word_equals_reading_every_chunk():
    from extractor.resolve.actors import ActorLexicon

    lex = ActorLexicon.load()
    words = [w for w in lex._country_words if " " not in w][::7] + ["للعراق", "وللسعودية", "باليمن", "العراقيين"]
    texts = _word_texts(words, 500, 35) + ["İstanbul والعراق", "ΣΑΣ اليمنية", "فرنسا-العراق سوريا،الأردن"]
    seen = 0
    for text in texts:
        text = normalize_text(text)
        parts = [text, text[: len(text) // 2], ""]
        want = lex._countries_of_chunks([c for p in parts for c in p.split()])
        assert lex.countries_in_texts(parts) == want, text
        seen += bool(want)
    assert seen > 100


def _find_mentions_eagerly(doc, templates, gazetteer, lexicon, rejected, ctx):
    """``find_mentions`` as it was: the place talked about read at every clause without matches."""
    from extractor import mentions as mn

    out, last_place = [], None
    for sent in (c for s in doc.sentences for c in mn.clauses(s)):
        matches = templates.match_sentence(sent, rejected)
        if not matches:
            found = [p for p in gazetteer.find(mn.place_text_of(sent, mn._entities(doc, sent)), sent.start,
                                               context_country=ctx.focus_country) if ctx.plausible(p)]  # fmt: skip
            if found:
                last_place = max(found, key=lambda p: -p.geo_precision)
            continue
        if mn.is_history(sent, doc.article.published):
            if rejected is not None:
                rejected.extend(mn._rej(m, "history: the sentence dates the event well before the article's news")
                                for m in matches)  # fmt: skip
            continue
        place_text = mn.place_text_of(sent, mn._entities(doc, sent))
        named = mn.sentence_countries(sent, lexicon)
        found = [p for p in gazetteer.find(place_text, sent.start, context_country=ctx.focus_country)
                 if ctx.plausible(p, named)]  # fmt: skip
        clause = mn.Clause(doc, sent, matches, mn._best(matches, sent), place_text, found, ctx, last_place, named)
        m = mn._build(clause, templates, gazetteer, lexicon, rejected)
        if m is None:
            if rejected is not None:
                rejected.append(mn._rej(mn._best(matches, sent), "no participant of the kind this trigger needs (e.g. an armed party)"))
            continue
        split = mn.split_by_place(m, found, sent.text, sent.start)
        out.extend(split)
        if split[-1].place is not None and split[-1].place_explicit:
            last_place = split[-1].place
    if out:
        out[0].lead = True
    return mn.drop_background(out, doc.article.published, rejected)


def test_the_place_talked_about_read_only_when_a_clause_with_matches_comes_equals_it_read_at_every_clause():
    """find_mentions looks up the place talked about of the clauses without matches only when a later clause with
    matches reads it (from the last back to the first that names a place): the same mentions and rejections as
    looking it up at every clause; and a clause that only says "هناك" still gets the place told before it."""
    from datetime import date

    from extractor.context import article_context
    from extractor.document import Article, Doc
    from extractor.mentions import find_mentions
    from extractor.pipeline import Pipeline

    p = Pipeline(None)
    t, g, lex = p.templates, p.gazetteer, p.lexicon
    places = ["وصل الوفد إلى مدينة حلب", "زار الوزير محافظة إدلب", "عاد السكان إلى دير الزور", "اجتمع المسؤولون في صنعاء",
              "وتحدث الشيخ عن الطقس"]
    events = ["وقتل ثلاثة مدنيين في قصف جوي هناك أمس", "واندلعت اشتباكات بين الجيش ومسلحين هناك",
              "وتظاهر مئات من السكان هناك", "وقتل مسلحون جنديا في هجوم على حاجز في ريف حلب الشمالي"]
    rng = random.Random(36)
    mentions = 0
    for i in range(150):
        sents = [rng.choice(places if rng.random() < 0.6 else events) for _ in range(rng.randint(1, 9))]
        art = Article(id=f"p{i}", text=normalize_text(". ".join(sents) + "."), published=date(2025, 3, 4),
                      date_basis="json", source="test")  # fmt: skip
        doc = Doc.from_article(art)
        doc.entities = [[] for _ in doc.sentences]
        ctx = article_context(doc, g, lex)
        for rejected in (None, []):
            want_rej = None if rejected is None else []
            want = _find_mentions_eagerly(doc, t, g, lex, want_rej, ctx)
            got = find_mentions(doc, t, g, lex, rejected=rejected, ctx=ctx)
            assert got == want and rejected == want_rej, art.text
        mentions += len(got)
    assert mentions > 50
    # past the lead (no main place): the place told last before the event, not one told after it
    lead = "وتحدث الشيخ عن الطقس. وقال المتحدث إن الاجتماع انتهى. وتحدث الشيخ عن المطر. "
    event = "وقتل ثلاثة مدنيين في قصف جوي هناك أمس."
    for text, where in ((lead + "زار الوزير محافظة إدلب. " + event, "Idleb"),
                        (lead + "زار الوزير محافظة إدلب. عاد السكان إلى دير الزور. " + event, "Deir-ez-Zor"),
                        (lead + event + " زار الوزير محافظة إدلب.", "Syria")):  # fmt: skip
        doc = Doc.from_article(Article(id="h", text=normalize_text(text), published=date(2025, 3, 4),
                                       date_basis="json", source="test"))  # fmt: skip
        doc.entities = [[] for _ in doc.sentences]
        got = find_mentions(doc, t, g, lex, ctx=article_context(doc, g, lex))
        assert [m.place.location for m in got] == [where], text


def test_the_remembered_clause_words_equal_a_fresh_reading():
    from extractor import clause

    for text in _texts(300, 37):
        want = tuple((m.start(), m.end(), clause._key(m.group())) for m in clause._WORD.finditer(text))
        assert clause._tokens(text) == want == clause._tokens(text)


def test_the_pick_of_a_rare_name_alone_equals_the_entries_read_one_by_one():
    """``_pick`` gives no place at once for a mention whose one entry is rare, with no type word, LOC span or unit
    named: what the loop over its entries gives (a doubled entry takes the loop, and a tie keeps the first)."""
    from extractor.resolve.places import _Context

    g = Gazetteer.load()
    words = ["الله", "الذين", "العالم", "عليه", "الشباب", "قرية", "مدينة", "منطقة", "في", "حلب", "إدلب", "ريف",
             "محافظة", "عدن", "كفر", "خاشر", "أم", "صفا", "رام", "و", "قال"]
    rng = random.Random(23)
    ctxs = [g._context(None), g._context("SYR"), g._context("YEM", ("SAU",)), _Context(("SYR",), region=""),
            g._context("SYR", admins=(("SYR", "Aleppo"),)), g._context("SYR", admins=(("SYR", "Aleppo", "Jebel Saman"),))]
    alone = 0
    for _ in range(600):
        text = normalize_text(" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))))
        for m in g._mentions(text):
            for loc in (False, True):
                m = m._replace(in_loc=loc)
                alone += len(m.entries) == 1 and m.entries[0].rare and not m.hint and not loc
                for ctx in ctxs:
                    assert g._pick(m, ctx) == g._pick(m._replace(entries=m.entries * 2), ctx), (text, m)
    assert alone  # the shortcut was taken


def test_the_key_heads_equal_every_word_end_before_a_keys_end():
    g = Gazetteer.load()
    keys, heads = g._key_index
    word = re.compile(r"[^\W_]+")
    assert heads == frozenset(k[: m.end()] for k in keys for m in word.finditer(k) if m.end() < len(k))
    assert "دير" in heads and "دير الزور" in keys


def test_the_context_read_on_first_use_equals_the_context_read_at_once_and_an_article_with_no_match_never_reads_it(
    monkeypatch,
):
    """``article_context`` reads the place facts when one is first asked for: the same facts (focus, countries,
    main place, counts) as read at once, whichever is asked first; and the pipeline never asks for them in an
    article with no trigger match (its rows are the same: none)."""
    from datetime import date

    from extractor import context as cx
    from extractor.context import ArticleContext, article_context
    from extractor.document import Article, Doc
    from extractor.pipeline import Pipeline

    p = Pipeline(None)
    g, lex = p.gazetteer, p.lexicon
    sents = ["وصل الوفد إلى مدينة حلب", "زار الوزير محافظة إدلب", "اجتمع المسؤولون في صنعاء", "قال مسؤول يمني في عدن",
             "وتحدث الشيخ عن الطقس", "وقتل ثلاثة مدنيين في قصف جوي على بلدة سراقب", "تظاهر مئات في طرابلس اللبنانية"]
    rng = random.Random(41)
    for i in range(60):
        text = normalize_text(". ".join(rng.choice(sents) for _ in range(rng.randint(1, 7))) + ".")
        doc = Doc.from_article(Article(id=f"c{i}", text=text, published=date(2025, 3, 4), date_basis="json"))
        want = cx._place_facts(doc, g, lex)
        for name in ("focus_country", "countries", "main_place", "place_counts"):
            ctx = article_context(doc, g, lex)
            assert getattr(ctx, name) == want[name], text
            assert {n: getattr(ctx, n) for n in want} == want
            assert isinstance(ctx, ArticleContext) and ctx.plausible(None)
    asked = []
    real = cx._place_facts
    monkeypatch.setattr(cx, "_place_facts", lambda *a: asked.append(a[0].article.id) or real(*a))
    quiet = Article(id="quiet", text=normalize_text("زار الوزير محافظة إدلب. وتحدث الشيخ عن الطقس في حلب."),
                    published=date(2025, 3, 4), date_basis="json")  # fmt: skip
    busy = Article(id="busy", text=normalize_text("وقتل ثلاثة مدنيين في قصف جوي على بلدة سراقب في ريف إدلب."),
                   published=date(2025, 3, 4), date_basis="json")  # fmt: skip
    quiet_rows, busy_rows = (r.events for r in p.process_many([quiet, busy]))
    assert asked == ["busy"] and not quiet_rows and busy_rows


def test_the_remembered_last_words_equal_the_words_read_afresh():
    """``places._last_words`` is remembered by its text (split_by_place asks six checks about the same words): the
    words a fresh reading gives, whether asked once or again."""
    from extractor.resolve import places as pl

    def plain(before):
        words = re.findall(r"\w+", before)[-5:]
        for i, w in enumerate(reversed(words)):
            if pl._bare(w) in pl._TYPE_WORDS or (pl._nisba(w) and i < 2) or w in pl._TO:
                continue
            yield w

    extra = [normalize_text(t) for t in ("قصفت الطائرات متجهة نحو بلدة", "الطريق الرابط بين مدينة", "ثاني أكبر مدينة بعد",
                                         "قطعت طرق الإمداد على قاعدة", "أمير منطقة", "لتأمين محافظة")]  # fmt: skip
    for text in _texts(200, 43) + extra:
        for cut in range(0, len(text), 7):
            before = text[max(0, cut - 40) : cut]
            assert pl._last_words(before) == tuple(plain(before)) == pl._last_words(before)


def test_decide_windows_with_the_remembered_split_equal_their_definitions():
    """``assemble._before``, ``_after`` and ``_word_before`` read the words around a trigger from a split remembered
    for the last (text, offset): the same strings as splitting afresh, whatever the order of the questions."""
    from extractor import assemble as a

    def before(text, rel, window):
        head = text[:rel]
        words = head.split()
        return " ".join(words[-window:]) if window else head

    def after(text, rel, window):
        return " ".join(text[rel:].split()[:window])

    def word_before(text, rel, window):
        head = text[:rel]
        if head and not head[-1].isspace():
            head = head[: len(head) - len(head.split()[-1])]
        words = head.split()
        return " ".join(words[-window:]) if words else ""

    rng = random.Random(36)
    for text in _texts(300, 37) + ["", " ", "قتل  مدني\nفي حلب "]:
        for _ in range(6):
            rel = rng.randint(0, len(text) + 2)
            for w in (0, 1, 2, 3, 5, 40):
                assert a._before(text, rel, w) == before(text, rel, w)
                assert a._after(text, rel, w) == after(text, rel, w)
                assert a._word_before(text, rel, w) == word_before(text, rel, w)
