"""The NER training data: AQMAR stays a clean test set for vectors trained on Arabic Wikipedia."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT / "tools"))
import train_vectors

from extractor import ner_eval

ARWIKI = SHARED / "data" / "arwiki_text"


@pytest.mark.skipif(not (ARWIKI / "titles.txt").exists(), reason="../shared/data/arwiki_text not available")
def test_every_aqmar_overlapping_title_is_an_arwiki_article():
    # arwiki_text/SOURCE.md lists 18 AQMAR titles present in the dump; a misspelt one would leak AQMAR text
    titles = set((ARWIKI / "titles.txt").read_text(encoding="utf-8").split("\n"))
    assert len(train_vectors.AQMAR_OVERLAP) == 18
    assert train_vectors.AQMAR_OVERLAP <= titles


@pytest.mark.skipif(not (SHARED / "data" / "aqmar").exists(), reason="../shared/data/aqmar not available")
def test_aqmar_is_an_evaluation_set_with_all_four_types():
    sents, types = ner_eval.load_dataset("aqmar", SHARED / "data")
    assert types is None and len(sents) > 1000
    assert {t for s in sents for *_, t in s.spans} == {"PER", "LOC", "ORG", "MISC"}
