"""The learned sentence gate (extractor/gate.py): its model file, its score, its hook after assembly."""

from __future__ import annotations

import gzip
from datetime import date

import pytest
from typer.testing import CliRunner

from cli.main import app
from extractor import gate
from extractor.document import Article
from extractor.gate import MODEL_FILE, GateModel, model, tokens
from extractor.pipeline import Pipeline
from extractor.run import RunConfig

EVENT = "قتل ثلاثة أشخاص وأصيب خمسة آخرون في انفجار سيارة مفخخة في سوق مدينة الموصل صباح أمس."
OPINION = "قال الوزير في مقابلة إن الحوار هو الطريق الوحيد لحل الأزمة السياسية في البلاد."


def test_the_shipped_model_loads_and_scores_in_0_1():
    m = model()
    assert 0 < m.threshold < 1
    assert len(m.word) > 100_000 and len(m.gram) > 1_000
    for text in (EVENT, OPINION, "", "...", "abc"):
        assert 0.0 <= m.score(text) <= 1.0
    assert m.score("") == 0.0


def test_an_event_report_outscores_an_opinion():
    m = model()
    assert m.score(EVENT) > m.threshold
    assert m.score(EVENT) > m.score(OPINION)


def test_tokens_are_normalised_words_without_punctuation():
    assert tokens("قُتِلَ، في بغداد!") == tokens("قتل في بغداد")
    assert "،" not in "".join(tokens("قتل، في"))


def test_write_then_read_is_the_same_model_and_byte_identical(tmp_path):
    m = GateModel.from_weights(-0.5, 0.2, 0.0, {"قتل": 1.5, "قتل في": 0.25}, {"انفجار": 3.0, "حوار": -4.0, "في": 0.0})
    a, b = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    m.write(a)
    m2 = GateModel.read(a)
    m2.write(b)
    assert a.read_bytes() == b.read_bytes()
    assert m2.threshold == 0.2 and m2.gram == m.gram
    for text in ("قتل في انفجار", "حوار", "كلمة جديدة"):
        assert m2.score(text) == pytest.approx(m.score(text))
    assert m.score("انفجار") > m.score("حوار")


def test_the_model_file_is_the_documented_format():
    with gzip.open(MODEL_FILE, "rt", encoding="utf-8") as fh:
        names = [line.split("\t", 1)[0] for line in fh]
    assert names == ["#bias", "#threshold", "#unknown", "#word_offset", "#word_step",
                     "grams", "gram_weights", "words", "word_codes"]  # fmt: skip


def test_the_model_card_names_its_data_and_licence():
    card = (MODEL_FILE.parent / "GATE.md").read_text(encoding="utf-8")
    assert "OEDA" in card and "MIT" in card and "gate_experiment.py" in card


def _process(pipe: Pipeline, text: str):
    return pipe.process(Article(id="t", text=text, published=date(2024, 3, 10)), explain=True)


def test_the_gate_is_on_by_default_and_drops_low_scores_with_a_reason(monkeypatch):
    plain = _process(Pipeline(None, gate=False), EVENT)
    assert plain.events and Pipeline(None).gate is True
    assert [e.to_dict() for e in _process(Pipeline(None), EVENT).events] == [e.to_dict() for e in plain.events]
    strict = GateModel(0.0, 1.01, 0.0, {}, {})  # scores every sentence below its threshold
    monkeypatch.setattr(gate, "model", lambda: strict)
    r = _process(Pipeline(None), EVENT)
    assert r.events == []
    assert any(x.code == "gate" and "learned gate" in x.reason for x in r.rejected)
    assert _process(Pipeline(None, gate=False), EVENT).events  # no gate, no drop


def test_run_config_and_cli_pass_the_gate_off():
    assert RunConfig(inputs=[], gate=False).factory().keywords.get("gate") is False
    assert "gate" not in RunConfig(inputs=[]).factory().keywords  # on: the default pipeline
    out = CliRunner().invoke(app, ["extract", "--help"])
    assert "--gate" in out.output and "--no-gate" in out.output
