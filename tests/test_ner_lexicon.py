"""The NER dictionary pass after the tagger (extractor/ner_lexicon.py): its rules, its data file, its switch."""

from __future__ import annotations

import pytest

from extractor import ner_lexicon as nl
from extractor.ner import load_ner
from extractor.ner_corpus import retokenize
from extractor.normalize import normalize_text
from extractor.segment import split_sentences

LEX = nl.NerLexicon({("الامم", "المتحده"): "ORG", ("بغداد",): "LOC", ("حزب", "الله"): "ORG", ("جورج", "بوش"): "PER"})


def test_fill_extend_relabel_and_a_longer_tagger_span_stands():
    toks = "قال مسؤول في الامم المتحده ان وبغداد و حزب الله و جورج بوش الابن".split()
    spans = [(3, 4, "ORG"),  # الامم: extended to الامم المتحده
             (8, 9, "PER"),  # حزب: another type inside the match, left alone
             (11, 14, "PER")]  # جورج بوش الابن: longer than the match, stands  # fmt: skip
    got = LEX.apply(toks, spans)
    assert (3, 5, "ORG") in got and (3, 4, "ORG") not in got
    assert (6, 7, "LOC") in got  # وبغداد: filled, the proclitics stay in the span as in ANERcorp
    assert (8, 9, "PER") in got and (8, 10, "ORG") not in got
    assert (11, 14, "PER") in got and (11, 13, "PER") not in got
    # the same tokens with another type: relabelled
    assert LEX.apply(["في", "بغداد"], [(1, 2, "PER")]) == [(1, 2, "LOC")]
    assert LEX.apply(["لا", "شيء"], [(0, 1, "MISC")]) == [(0, 1, "MISC")]


def test_clitics_on_the_first_token_only_and_a_short_stem_is_not_read():
    assert LEX.matches(["للامم", "المتحده"]) == [(0, 2, "ORG")]  # لل = ل + ال
    assert LEX.matches(["ولحزب", "الله"]) == [(0, 2, "ORG")]
    assert LEX.matches(["الامم", "والمتحده"]) == []
    short = nl.NerLexicon({("بكر",): "PER"})
    assert short.matches(["وبكر"]) == [(0, 1, "PER")]
    assert nl.NerLexicon({("كر",): "PER"}).matches(["بكر"]) == []  # a stem under MIN_STEM letters


def test_retag_writes_bioes():
    tags = LEX.retag([["في", "الامم", "المتحده", "و", "بغداد"]], [["O", "S-ORG", "O", "O", "O"]])
    assert tags == [["O", "B-ORG", "E-ORG", "O", "S-LOC"]]
    same = [["O", "B-PER", "I-PER", "E-PER"]]
    assert LEX.retag([["قال", "جورج", "بوش", "الابن"]], same) == same


def test_build_keeps_strings_seen_twice_with_one_type_that_are_mostly_entities():
    corpus = []
    for words in (
        [("زار", "O"), ("بغداد", "B-LOC"), ("امس", "O")],
        [("في", "O"), ("بغداد", "B-LOC")],
        [("زار", "O"), ("باريس", "B-LOC")],  # seen once
        [("قال", "O"), ("العربي", "B-ORG")],
        [("الفريق", "O"), ("العربي", "B-ORG")],
        [("العالم", "O"), ("العربي", "O"), ("و", "O"), ("العربي", "O")],  # mostly an ordinary word
        [("نادي", "O"), ("هلال", "B-ORG")],
        [("قمر", "O"), ("هلال", "B-PER")],  # two types
    ):
        corpus += retokenize(words)
    lex, info = nl.build(corpus)
    assert lex.entries == {("بغداد",): "LOC"}
    assert info[("بغداد",)][:2] == ("LOC", 2)


def test_shipped_file_reads_and_says_its_source():
    head = "".join(line for line in nl.LEXICON_FILE.read_text(encoding="utf-8").splitlines(True) if line.startswith("#"))
    assert "ANERcorp" in head and "CC BY-SA" in head and "never its dev or test" in head
    lex = nl.read()
    assert len(lex) > 500 and set(lex.counts()) == {"PER", "LOC", "ORG", "MISC"}
    assert lex.entries[("الامم", "المتحده")] == "ORG"


def test_switch(monkeypatch):
    monkeypatch.setenv("RASD_NER_LEXICON", "0")
    assert not nl.enabled() and nl.load_default() is None
    monkeypatch.setenv("RASD_NER_LEXICON", "1")
    assert nl.enabled() and nl.load_default() is not None


@pytest.fixture(scope="module")
def model():
    return load_ner("bundled")


def test_a_dictionary_organisation_the_tagger_misses_is_tagged(model):
    # one of rasd's own example sentences: the tagger alone finds nothing in it
    sents = split_sentences(normalize_text("وقال متحدث باسم تيار المستقبل إن الاجتماع المقبل سيعقد في الربيع."))
    assert model.lexicon is not None  # on by default for the bundled model
    assert [(e.type, e.text) for e in model.annotate(sents)[0]] == [("ORG", "تيار المستقبل")]
    lex, model.lexicon = model.lexicon, None
    try:
        assert model.annotate(sents)[0] == []
    finally:
        model.lexicon = lex


def test_models_evaluate_reports_the_dictionary_pass(tmp_path):
    import json

    from typer.testing import CliRunner

    from cli.main import app

    d = tmp_path / "anercorp" / "derived"
    d.mkdir(parents=True)
    words = "وقال متحدث باسم تيار المستقبل إن الاجتماع المقبل سيعقد في الربيع .".split()
    tags = ["O", "O", "O", "B-ORG", "I-ORG"] + ["O"] * 7
    (d / "anercorp_camelsplit_test.bio").write_text("".join(f"{w} {t}\n" for w, t in zip(words, tags)) + "\n",
                                                     encoding="utf-8")  # fmt: skip
    args = ["models", "evaluate", "--set", "anercorp-test", "--data", str(tmp_path), "--format", "json"]
    on = CliRunner().invoke(app, args)
    assert on.exit_code == 0, on.output
    res = json.loads(on.stdout)
    assert res["lexicon"]["strings"] > 500
    r = res["results"]["anercorp-test"]
    assert r["scores"]["ORG"]["f1"] == 100.0 and r["in_lexicon"]["all"] == {"in": 1, "of": 1, "share": 100.0}
    off = CliRunner().invoke(app, args + ["--no-lexicon"])
    assert off.exit_code == 0, off.output
    res = json.loads(off.stdout)
    assert res["lexicon"] is None and res["results"]["anercorp-test"]["scores"]["micro"]["tp"] == 0


def test_models_info_says_whether_the_dictionary_pass_is_on(monkeypatch):
    import json

    from typer.testing import CliRunner

    from cli.main import app

    r = CliRunner().invoke(app, ["models", "info", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["lexicon"]["strings"] > 500
    monkeypatch.setenv("RASD_NER_LEXICON", "0")
    r = CliRunner().invoke(app, ["models", "info"])
    assert r.exit_code == 0 and "dictionary: off" in r.stdout


def test_the_entries_a_token_starts_are_read_once_and_found_the_same():
    """_hits keeps, per token, the entries its stems start: the hits are those of the stem-by-stem look-up,
    the first time and from the memo."""
    from extractor.ner_lexicon import NerLexicon, _stems

    lex = NerLexicon({("بغداد",): "LOC", ("الامم", "المتحدة"): "ORG", ("الامم",): "ORG", ("محمد", "علي"): "PER"})
    toks = "وصل وفد للامم المتحدة الى بغداد وقال محمد علي ان الامم تنظر".split()

    def plain(toks):
        return [(i, i + len(k), k) for i, t in enumerate(toks) for s in _stems(t) for k in lex._first.get(s, ())
                if len(k) == 1 or tuple(toks[i + 1 : i + len(k)]) == k[1:]]  # fmt: skip

    assert lex._hits(toks) == plain(toks) == lex._hits(toks)
    assert [(a, b) for a, b, _k in lex._hits(toks)] == [(2, 4), (2, 3), (5, 6), (7, 9), (10, 11)]
