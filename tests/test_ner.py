"""The bundled Stanza NER model: loads offline from package data, finds entities, CLI, scorer."""

from __future__ import annotations

import itertools
import json
import socket

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from extractor import ner
from extractor.ner import Entity, NerUnavailable, _spans, build_ner, load_ner
from extractor.ner_corpus import WOJOOD_MAP, read_columns, retokenize
from extractor.ner_eval import score_spans, sentences_from_stanza_json
from extractor.normalize import normalize_text
from extractor.segment import split_sentences

SENTENCE = "التقى رئيس الوزراء البريطاني توني بلير في لندن مع ممثلين عن الأمم المتحدة."


@pytest.fixture(scope="module")
def model():
    return load_ner("bundled")


def _sents(text: str):
    return split_sentences(normalize_text(text))


def test_model_files_ship_inside_the_package():
    d = ROOT / "extractor" / "data" / "models"
    for p in (ner.BUNDLED_MODEL, ner.BUNDLED_PRETRAIN, ner.RESOURCES, ner.BUNDLED_META, d / "README.md"):
        assert p.exists() and p.parent == d, p
    total = sum(p.stat().st_size for p in d.iterdir())
    assert total <= 60_000_000
    meta = json.loads(ner.BUNDLED_META.read_text())
    assert meta["scores"]["anercorp-test"]["micro"]["f1"] > 60


def test_loads_from_package_data_and_caches(model):
    assert model.source == str(ner.BUNDLED_MODEL)
    assert model.pretrain == str(ner.BUNDLED_PRETRAIN)
    assert model.scores["anercorp-test"]["micro"]["f1"] > 60
    assert load_ner("bundled") is model  # one load per process


def test_person_place_and_organisation(model):
    sents = _sents(SENTENCE)
    got = {(e.type, e.text) for e in model.annotate(sents)[0]}
    assert ("PER", "توني بلير") in got
    assert ("LOC", "لندن") in got
    assert ("ORG", "الامم المتحده") in got


def test_offsets_point_into_the_normalised_text(model):
    text = normalize_text("مقدمة قصيرة. " + SENTENCE)
    sents = split_sentences(text)
    assert len(sents) == 2
    ents = model.annotate(sents)
    assert ents[1]
    for e in ents[1]:
        assert text[e.start : e.end] == e.text
        assert sents[1].start <= e.start < e.end <= sents[1].end
        assert e.type in ("PER", "LOC", "ORG", "MISC")


def test_empty_input(model):
    assert model.annotate([]) == []
    assert model.annotate(_sents("لندن")) and isinstance(model.annotate(_sents("لندن"))[0], list)


def test_runs_with_networking_disabled(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    fresh = build_ner("bundled")  # a new pipeline, not the cached one
    got = {(e.type, e.text) for e in fresh.annotate(_sents(SENTENCE))[0]}
    assert ("LOC", "لندن") in got


def test_official_without_download_is_a_clear_error(tmp_path):
    with pytest.raises(NerUnavailable, match="rasd models download"):
        load_ner("official", cache_dir=str(tmp_path))


def test_missing_model_file_is_a_clear_error(tmp_path):
    with pytest.raises(NerUnavailable, match="does not exist"):
        load_ner(str(tmp_path / "nope.pt"))
    with pytest.raises(NerUnavailable, match="unknown NER model"):
        load_ner("bert-large")


def test_models_info_says_when_ner_is_off():
    from cli.main import app

    r = CliRunner().invoke(app, ["models", "info", "--model", "none"])
    assert r.exit_code == 0 and "NER is off" in r.stdout
    r = CliRunner().invoke(app, ["models", "evaluate", "--model", "none"])
    assert r.exit_code == 2


def test_models_info_cli():
    from cli.main import app

    r = CliRunner().invoke(app, ["models", "info", "--model", "bundled", "--format", "json"])
    assert r.exit_code == 0, r.output
    info = json.loads(r.stdout)
    assert info["source"].endswith("ar_rasd_nertagger.pt")
    assert info["size_mb"] <= 60
    assert "anercorp-test" in info["scores"]
    r = CliRunner().invoke(app, ["models", "info", "--model", "bundled"])
    assert r.exit_code == 0 and "rasd-ar-ner" in r.stdout and "anercorp-test" in r.stdout


def test_download_offline_is_one_line_not_a_traceback(monkeypatch, tmp_path):
    from cli.main import app

    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    r = CliRunner().invoke(app, ["models", "download", "--cache-dir", str(tmp_path)])
    assert r.exit_code == 1
    assert "Traceback" not in r.output
    assert "could not download" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_scorer_exact_spans():
    gold = [[(0, 5, "PER"), (10, 15, "LOC")], [(0, 3, "ORG")]]
    pred = [[(0, 5, "PER"), (10, 14, "LOC")], [(0, 3, "ORG"), (5, 8, "LOC")]]
    s = score_spans(gold, pred)
    assert (s["PER"].tp, s["PER"].fp, s["PER"].fn) == (1, 0, 0)
    assert (s["LOC"].tp, s["LOC"].fp, s["LOC"].fn) == (0, 2, 1)  # a boundary error is a miss and a false alarm
    assert (s["micro"].tp, s["micro"].fp, s["micro"].fn) == (2, 2, 1)
    assert s["micro"].precision == pytest.approx(50.0)
    assert s["micro"].recall == pytest.approx(200 / 3)
    assert s["micro"].f1 == pytest.approx(2 * 50 * (200 / 3) / (50 + 200 / 3))
    only = score_spans(gold, [[(0, 5, "PER"), (20, 25, "MISC")], []], types=("PER", "LOC", "ORG"))
    assert "MISC" not in only and only["micro"].fp == 0 and only["micro"].fn == 2


def test_bioes_decoding():
    assert _spans(["B-PER", "E-PER", "O", "S-LOC", "B-ORG", "I-ORG", "E-ORG"]) == [(0, 1, "PER"), (3, 3, "LOC"), (4, 6, "ORG")]
    assert _spans(["I-LOC", "I-LOC", "B-PER"]) == [(0, 1, "LOC"), (2, 2, "PER")]  # broken sequences repaired


def test_corpus_alignment_to_run_time_tokens():
    # ANERcorp-style tokens: punctuation glued to an entity is left out of the span; alef variants normalised
    first, second = retokenize([("زار", "O"), ("إسرائيل.", "B-LOC"), ("جورج", "B-PERS"), ("بوش", "I-PERS")])
    assert [t.text for t in first.sentence.tokens] == ["زار", "اسرائيل", "."]
    assert first.tags() == ["O", "B-LOC", "O"]
    assert second.tags() == ["B-PER", "I-PER"]
    sents = retokenize([("زار", "O"), ("إسرائيل", "B-LOC"), ("جورج", "B-PERS"), ("بوش", "I-PERS"), (".", "O")])
    assert len(sents) == 1
    s = sents[0]
    assert [(s.sentence.text[a - s.sentence.start : b - s.sentence.start], t) for a, b, t in s.spans] == [
        ("اسرائيل", "LOC"),
        ("جورج بوش", "PER"),
    ]
    assert s.tags() == ["O", "B-LOC", "B-PER", "I-PER", "O"]


def test_wojood_outer_layer_mapping(tmp_path):
    f = tmp_path / "w.txt"
    f.write_text("جامعة B-ORG O\nبيرزيت I-ORG B-GPE\nفي O O\nيوم B-DATE O\n$#$ O\nفلسطين B-GPE O\n\n", encoding="utf-8")
    (words,) = list(read_columns(f, column=1))
    (ts,) = retokenize(words, WOJOOD_MAP)
    assert [t for *_, t in ts.spans] == ["ORG", "LOC"]  # DATE dropped, GPE -> LOC, $#$ skipped


def test_stanza_json_round_trip(tmp_path):
    f = tmp_path / "d.json"
    f.write_text(json.dumps([[{"text": "جورج", "ner": "B-PER"}, {"text": "بوش", "ner": "I-PER"}, {"text": "في", "ner": "O"},
                              {"text": "بغداد", "ner": "B-LOC"}]]), encoding="utf-8")  # fmt: skip
    (ts,) = sentences_from_stanza_json(f)
    assert [ts.sentence.text[a:b] for a, b, _ in ts.spans] == ["جورج بوش", "بغداد"]


def test_entity_is_frozen():
    e = Entity("PER", 0, 4, "جورج")
    with pytest.raises(Exception):
        e.type = "LOC"  # type: ignore[misc]


# --- speed shortcuts: the same tags as Stanza's own path ---------------------------------------------
SPEED_SENTENCES = [
    SENTENCE,
    "قتل ثلاثة مدنيين في غارة جوية شنتها طائرات التحالف على مدينة تعز اليوم الاثنين.",
    "وقال المتحدث باسم الجيش اللبناني العميد علي قانصو إن دورية تعرضت لإطلاق نار قرب بعلبك.",
    "اندلعت اشتباكات بين قوات سوريا الديمقراطية وتنظيم داعش في ريف دير الزور الشرقي.",
    "تظاهر مئات الطلاب أمام جامعة الخرطوم احتجاجا على ارتفاع الأسعار.",
    "MQ-9 1,000 3.5 % ( ) : ؟",
    "ب",
]


def _token_batch():
    return [[t.text for t in s.tokens] for text in SPEED_SENTENCES for s in _sents(text)]


def test_fast_tagging_gives_the_tags_of_the_whole_stanza_pipeline(model):
    batch = _token_batch()
    assert model.tag(batch) == model._tag_with_pipeline(batch)
    assert model.tag([batch[0]]) == model._tag_with_pipeline([batch[0]])  # batch size does not matter either


def test_skipping_the_crf_partition_keeps_every_label(model):
    # Stanza's prediction exactly as shipped (the CRF partition computed, every word read by the character model)
    full = build_ner("bundled", skip_crf_partition=False, char_words_once=False)
    batch = _token_batch()
    assert model.tag(batch) == full._tag_with_pipeline(batch)
    assert sum(t != "O" for s in model.tag(batch) for t in s) >= 5  # the sentences do carry entities
    # the character model reads each distinct word of a batch once: words repeated within and across sentences
    cms = [tr.model.charmodel for tr in model._pipeline.processors["ner"].trainers]
    assert cms and all("forward" in vars(cm) for cm in cms)  # the shortcut is in place on the loaded model
    repeated = batch + [batch[1] + batch[1], batch[2][::-1], ["في", "في", "في"], batch[1][:3]]
    assert model.tag(repeated) == full._tag_with_pipeline(repeated) == full.tag(repeated)


def test_tagging_without_the_loader_gives_the_loaders_logits_bit_for_bit(model, monkeypatch):
    import torch

    proc = model._pipeline.processors["ner"]
    trainer, config = proc.trainers[0], proc.configs[0]
    assert ner._direct_fits(trainer, config)  # the bundled tagger takes the direct path
    batch = _token_batch()
    repeated = batch + [batch[1] + batch[1], batch[2][::-1], ["في", "في", "في"], batch[1][:3], batch[0]]
    monkeypatch.setattr(ner, "CHAR_MEMO", False)  # every batch's character rows afresh, as the loader computes them
    seen = []
    decode = ner._decode
    monkeypatch.setattr(ner, "_decode", lambda tr, lg, tn, lens, idx: seen.append((lg, tn, lens, idx)) or decode(tr, lg, tn, lens, idx))
    for sents in (batch, repeated, [batch[0]], [["ب"]]):
        seen.clear()
        with torch.no_grad():
            direct = ner._predict_direct(trainer, sents)
        with torch.no_grad(), ner._exact_shortcuts():
            loader = ner._loader_class()(ner._TokenTexts(sents), config["batch_size"], config, vocab=trainer.vocab,
                                         evaluation=True, preprocess_tags=False, bert_tokenizer=None)
            via = [t for b in loader for t in ner._predict(trainer, b)]
        assert direct == via
        (l1, t1, s1, o1), (l2, t2, s2, o2) = seen
        assert l1[0].shape == l2[0].shape and l1[0].tobytes() == l2[0].tobytes()  # the same float32 bits
        assert t1[0].tobytes() == t2[0].tobytes() and s1 == s2 and o1 == o2
    # tag() splits a batch as the loader does (batch_size sentences, input order)
    monkeypatch.setitem(config, "batch_size", 3)
    assert model.tag(repeated) == model._tag_with_pipeline(repeated)


def test_character_rows_kept_across_batches_give_the_same_tags(model, monkeypatch):
    # words met in an earlier batch take the character model's row computed then; the tags are those of
    # batches computed afresh
    trainer = model._pipeline.processors["ner"].trainers[0]
    batch = _token_batch()
    later = [["قصفت", "طائرات", "التحالف", "مواقع", "في", "مدينة", "تعز", "امس"], batch[2][::-1], batch[1][:4]]
    monkeypatch.setattr(ner, "CHAR_MEMO", False)
    fresh = model.tag(batch), model.tag(later)
    monkeypatch.setattr(ner, "CHAR_MEMO", True)
    monkeypatch.setattr(ner, "_CHAR_REPS", None)  # an empty memo
    assert (model.tag(batch), model.tag(later)) == fresh
    kept = {"".join(trainer.vocab["char"].unmap(list(k))) for k in ner._char_memo(trainer.model)}
    assert {"في", "تعز", "قصفت"} <= kept and "مظاهرة" not in kept  # a word no batch held


def test_exact_stand_ins_for_stanza_helpers():
    import numpy as np
    import torch
    from stanza.models.common.crf import viterbi_decode
    from stanza.models.common.data import get_long_tensor

    rng = np.random.default_rng(7)
    for n in (1, 2, 9, 40):
        scores = rng.normal(size=(n, 17)).astype(np.float32)
        trans = rng.normal(size=(17, 17)).astype(np.float32)
        a, b = viterbi_decode(scores, trans), ner._viterbi_decode(scores, trans)
        assert [int(x) for x in a[0]] == [int(x) for x in b[0]] and a[1] == b[1]
    # the batched Viterbi: each sentence's path as Stanza decodes it alone, rows longest first (steps read only
    # the sentences still running) or in any order
    for lens in ([9, 9, 4, 1], [1], [5, 12, 3, 12, 1], [30, 2, 2, 2, 1, 1]):
        scores = rng.normal(size=(len(lens), max(lens) + 2, 11)).astype(np.float32)
        trans = rng.normal(size=(11, 11)).astype(np.float32)
        paths = ner._viterbi_batch(scores, lens, trans)
        assert [[int(x) for x in p] for p in paths] == [
            [int(x) for x in viterbi_decode(scores[i, :n], trans)[0]] for i, n in enumerate(lens)
        ]
    fast = ner._long_tensor(get_long_tensor)
    for rows in ([[3, 4, 5], [1], [2, 2]], [[7]], [[1, 2], [3, 4]]):
        for pad in (0, 9):
            assert torch.equal(fast(rows, len(rows) + 1, pad), get_long_tensor(rows, len(rows) + 1, pad))
    nested = [[[1], [2]], [[3]]]
    assert torch.equal(fast(nested, 2), get_long_tensor(nested, 2))


def test_default_is_one_torch_thread_unless_set(monkeypatch):
    import torch

    before = torch.get_num_threads()
    try:
        for var in ("RASD_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            monkeypatch.delenv(var, raising=False)
        torch.set_num_threads(2)
        ner._set_threads()
        assert torch.get_num_threads() == 1
        monkeypatch.setenv("RASD_THREADS", "2")
        ner._set_threads()
        assert torch.get_num_threads() == 2
        monkeypatch.delenv("RASD_THREADS")
        monkeypatch.setenv("OMP_NUM_THREADS", "2")
        ner._set_threads()
        assert torch.get_num_threads() == 2  # the user's own setting stays
    finally:
        torch.set_num_threads(before)


def test_pipeline_loads_the_model_only_for_a_batch_that_needs_it(tmp_path):
    from extractor.document import Article
    from extractor.pipeline import Pipeline

    p = Pipeline("bundled")
    assert not p.ner_loaded
    assert p.process(Article(id="a", text="افتتح الوزير معرضا للكتاب في الرياض.")).events == []
    assert not p.ner_loaded  # no trigger sentence: nothing for the NER to do
    events = p.process(Article(id="b", text="قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب.")).events
    assert p.ner_loaded and events
    with pytest.raises(NerUnavailable):  # missing files still fail at construction, before any input
        Pipeline(str(tmp_path / "missing.pt"))


def test_a_huge_token_is_cut_for_the_tagger_but_keeps_its_offsets(model, monkeypatch):
    import time

    seen = []
    real = model.tag
    monkeypatch.setattr(model, "tag", lambda batch, **kw: seen.append(batch) or real(batch, **kw))
    text = normalize_text("زار توني بلير لندن ثم " + ("غارةقتل" * 15000)[:100_000] + " في بغداد.")
    t0 = time.perf_counter()
    (ents,) = model.annotate(_sents(text))  # was: a 100,000-wide character tensor, 15 GB
    assert time.perf_counter() - t0 < 60
    assert max(len(w) for s in seen[0] for w in s) == ner.MAX_TOKEN_CHARS
    for e in ents:
        assert text[e.start : e.end] == e.text


def test_get_pipeline_imports_the_extraction_code_only_when_used():
    import subprocess
    import sys

    code = ("import sys, extractor; p = extractor.get_pipeline('bundled'); "
            "assert 'extractor.mentions' not in sys.modules and 'torch' not in sys.modules; "
            "from extractor.document import Article; "
            "p.process(Article(id='a', text='افتتح الوزير معرضا للكتاب.')); "
            "assert 'extractor.mentions' in sys.modules and not p.ner_loaded; print('ok')")  # fmt: skip
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                       env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def test_long_sentence_windows_partition_the_tokens():
    for size, overlap in ((1000, 64), (10, 2), (7, 3)):
        for n in (1, size - 1, size, size + 1, 2 * size, 3 * size - 2 * overlap, 10 * size + 3):
            w = ner._windows(n, size, overlap)
            assert w[0][2] == 0 and w[-1][3] == n
            assert all(x[3] == y[2] for x, y in itertools.pairwise(w))
            for a, b, ka, kb in w:
                assert b - a <= size and a <= ka < kb <= b
                assert (ka - a >= overlap or a == 0) and (b - kb >= overlap or b == n)
            assert sum(b - a for a, b, _, _ in w) <= n * size / max(1, size - 2 * overlap) + size
    assert ner._windows(5) == [(0, 5, 0, 5)]


def test_a_very_long_sentence_is_tagged_in_bounded_windows(model, monkeypatch):
    monkeypatch.setattr(ner, "MAX_SENTENCE_TOKENS", 40)
    monkeypatch.setattr(ner, "WINDOW_OVERLAP", 8)
    seen = []
    real = model.tag
    monkeypatch.setattr(model, "tag", lambda batch, **kw: seen.append(batch) or real(batch, **kw))
    clause = "وصل توني بلير الى لندن ثم زار بغداد، "
    text = normalize_text(clause * 30 + "وانتهت الزيارة.")
    short = normalize_text(SENTENCE)
    sents = _sents(text) + _sents(short)
    assert len(sents) == 2 and len(sents[0].tokens) > 200
    ents = model.annotate(sents)
    assert len(seen) == 1 and max(len(s) for s in seen[0]) <= 40  # one call, every piece bounded
    assert [t.text for t in sents[1].tokens] in seen[0]  # a short sentence goes whole
    for e in ents[0]:
        assert text[e.start : e.end] == e.text
    found = [e.text for e in ents[0] if e.type == "LOC"]
    assert found.count("لندن") >= 25 and found.count("بغداد") >= 25  # every window finds its places
    assert {(e.type, e.text) for e in ents[1]} == {(e.type, e.text) for e in model.annotate(_sents(short))[0]}
    # a batch without a long sentence is tagged exactly as before: one call with the sentences as they are
    seen.clear()
    model.annotate(_sents(short))
    assert seen == [[[t.text for t in _sents(short)[0].tokens]]]


def test_a_sentences_tags_do_not_depend_on_its_batch(model):
    assert not model.quantized  # int8 dynamic quantisation scales by the whole batch's range
    texts = [SENTENCE, "قتل ثلاثة مدنيين في غارة جوية على مدينة ادلب شمال سوريا امس.",
             "اعلنت وزارة الداخلية في بغداد القبض على خمسة مطلوبين.", "لندن", "زار الملك عبدالله الرياض."]  # fmt: skip
    sents = [s for t in texts for s in _sents(t)]
    batch = [[t.text for t in s.tokens] for s in sents]
    together = model.tag(batch)
    assert together == [model.tag([b])[0] for b in batch]
    assert model.tag(batch[::-1]) == together[::-1]
    assert model.tag(batch, size=2) == model.tag(batch, size=64) == together  # nor on the model batch's size


def test_annotate_tags_by_length_in_chunks_with_the_same_entities(model, monkeypatch):
    texts = [SENTENCE, "قتل ثلاثة مدنيين في غارة جوية على مدينة ادلب شمال سوريا امس.", "لندن",
             "اعلنت وزارة الداخلية في بغداد القبض على خمسة مطلوبين.", "زار الملك عبدالله الرياض."]  # fmt: skip
    sents = [s for t in texts for s in _sents(t)]
    whole = model.annotate(sents)
    seen = []
    real = model.tag
    sizes = []
    monkeypatch.setattr(model, "tag", lambda batch, **kw: seen.append(batch) or sizes.append(kw.get("size")) or real(batch, **kw))
    monkeypatch.setattr(ner, "NER_CHUNK", 2)
    assert model.annotate(sents) == whole
    assert [len(b) for b in seen] == [2, 2, 1]  # ceil(5 / 2) calls
    assert sizes == [2, 2, 2]  # each call one model batch
    lengths = [len(s) for b in seen for s in b]
    assert lengths == sorted(lengths)  # shortest first: each call's sentences of similar lengths
