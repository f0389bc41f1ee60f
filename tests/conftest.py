"""Shared fixtures: paths to the samples and to ../shared (read-only data, never copied)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLES / "centcom-drone-strike-syria.txt"


@lru_cache(maxsize=1)
def _validator():
    """A validator for the schema `rasd schema` prints (taken from the command, not the library)."""
    import jsonschema
    from typer.testing import CliRunner

    from cli.main import app

    res = CliRunner().invoke(app, ["schema"])
    assert res.exit_code == 0, res.output
    schema = json.loads(res.stdout)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def assert_valid_rows(rows: list[dict]) -> list[dict]:
    """Every row valid against `rasd schema` (all errors of the first bad row in the message)."""
    v = _validator()
    for i, row in enumerate(rows):
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in v.iter_errors(row)]
        assert not errors, f"row {i} ({row.get('event_id_cnty')}) breaks `rasd schema`: {errors}"
    return rows


def real_pipeline_or_skip(ner: str = "bundled"):
    """The full pipeline with that NER model; skips only when the bundled model files are not installed
    (the one documented missing-data condition), never on any other error."""
    from extractor import get_pipeline
    from extractor.ner import BUNDLED_MODEL, BUNDLED_PRETRAIN, RESOURCES

    if ner == "bundled":
        missing = [p.name for p in (BUNDLED_MODEL, BUNDLED_PRETRAIN, RESOURCES) if not p.exists()]
        if missing:
            pytest.skip(f"the bundled NER model is not installed ({', '.join(missing)})")
    return get_pipeline(None if ner == "none" else ner)


def rejection_codes(text: str, published: str) -> set[str]:
    """The ``--explain`` codes of every trigger the pipeline (rules only) rejected in ``text``: which family said no."""
    from datetime import date

    from extractor import get_pipeline
    from extractor.document import Article

    r = get_pipeline(None).process(Article(id="t", text=text, published=date.fromisoformat(published)), explain=True)
    return {x.code for x in r.rejected}


#: The publication day the family tests give their sentences unless a test says otherwise.
FAMILY_DAY = "2021-05-12"


def rows(text: str, published: str = FAMILY_DAY) -> list:
    """The rows rasd gives for ``text`` (the library, rules and the default model), published on ``published``."""
    from extractor import extract

    return extract(text, published=published)


def codes(text: str, published: str = FAMILY_DAY) -> set[str]:
    """:func:`rejection_codes` with the family tests' default day."""
    return rejection_codes(text, published)


def subs(text: str, published: str = FAMILY_DAY) -> set[str]:
    """The sub-event types of :func:`rows`."""
    return {r.sub_event_type for r in rows(text, published)}
