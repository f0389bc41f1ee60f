"""A batch entry point for dataframe engines: ``extract_batch(records) -> rows``.

Dask bag/dataframe, Ray Data and Spark hand a function one partition (or batch) of
records at a time. ``extract_batch`` takes dicts ``{id, text, date, source, url}`` (the
JSON Lines input format) and returns ACLED row dicts (the JSON Lines output format).
The pipeline comes from :func:`extractor.get_pipeline`, cached per process, so each
worker process loads the NER model once however many partitions it runs. Worked
examples for each engine are in ``docs/SCALE.md`` (the Dask ones run in the tests).

Rows are final except for cross-article dedupe, which is the reduce step
(:func:`extractor.dedupe.dedupe` on the collected rows, or ``rasd dedupe``): ids are
deterministic (see :mod:`extractor.rows`), so the same text gives the same id on any
worker. A record that fails gives no rows and one warning on stderr (logging).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from itertools import islice
from typing import Any

from .document import Article
from .parallel import BATCH, ENGINES, run_many
from .reading import UsageError  # a wrong engine or device: exit code 2 in the CLI

log = logging.getLogger("rasd")
DEVICES = ("cpu", "cuda")




def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v == ""


def record_article(rec: Mapping[str, Any], where: str = "") -> Article:
    """An :class:`Article` from one record (a JSON Lines object, a pandas/Spark row as a dict)."""
    from .reading import parse_date

    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("missing or empty 'text' field")
    raw = rec.get("date")
    if isinstance(raw, datetime):  # pandas Timestamp, Spark timestamp
        raw = raw.date()
    pub = None if _missing(raw) else parse_date(raw if isinstance(raw, date) else str(raw))
    rid, src, url = (rec.get(k) for k in ("id", "source", "url"))
    return Article(id="" if _missing(rid) else str(rid), text=text, published=pub,
                   date_basis="json" if pub else "", source="" if _missing(src) else str(src),
                   url="" if _missing(url) else str(url), path=where)  # fmt: skip


def _pipeline_kw(prefilter: bool, device: str) -> dict[str, Any]:
    return {"prefilter": prefilter, **({"device": device} if device != "cpu" else {})}


def extract_batch(records: Iterable[Mapping[str, Any]], *, ner: str | None = "default", prefilter: bool = True,
                  device: str = "cpu", min_confidence: float = 0.0) -> list[dict[str, Any]]:
    """ACLED row dicts for a batch of article records, in record order (one model load per process).

    ``ner``: as :func:`extractor.get_pipeline` ('default' = ``$RASD_NER_MODEL`` or the bundled model).
    """
    from . import get_pipeline

    from .run import now_stamp

    pipe = get_pipeline(ner, **_pipeline_kw(prefilter, device))
    stamp = now_stamp()  # as the CLI does: the time the rows were made
    rows: list[dict[str, Any]] = []
    it = iter(records)
    n = 0
    while chunk := list(islice(it, BATCH)):
        arts = []
        for rec in chunk:
            n += 1
            try:
                arts.append(record_article(rec))
            except (ValueError, TypeError, AttributeError) as e:
                log.warning("rasd: error: record %d (%s): %s", n, _rid(rec), e)
        for art, out in zip(arts, run_many(pipe, arts)):
            if out.error is not None:
                log.warning("rasd: error: %s: processing failed (%s)", art.id or "record", out.error)
                continue
            rows.extend(dict(ev.to_dict(), timestamp=ev.timestamp or stamp)
                        for ev in out.events if ev.confidence >= min_confidence)
    return rows


def _rid(rec: Any) -> str:
    try:
        return str(rec.get("id") or "no id")
    except AttributeError:
        return type(rec).__name__


def extract_frame(df: Any, **kw: Any) -> Any:
    """A pandas DataFrame of rows for a DataFrame of records (Dask ``map_partitions``, Ray ``map_batches``).

    Columns and dtypes are :func:`empty_frame`'s whatever the batch holds, so it is a valid ``meta``.
    """
    from .parquet import to_table

    return _to_pandas(to_table(extract_batch(df.to_dict("records"), **kw)))


def empty_frame() -> Any:
    """A DataFrame with no rows and the row schema (Arrow-backed dtypes): the ``meta`` for Dask."""
    from .parquet import arrow_schema

    return _to_pandas(arrow_schema().empty_table())


def _to_pandas(table: Any) -> Any:
    import pandas as pd

    return table.to_pandas(types_mapper=pd.ArrowDtype)


def check_engine(engine: str, scheduler: str | None = None) -> None:
    """Raise :class:`UsageError` unless ``engine`` (and ``scheduler``) can be used here."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if scheduler and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise UsageError("--engine dask needs Dask: pip install 'rasd[dask]'") from None


def check_device(device: str, here: bool = True) -> None:
    """Raise :class:`UsageError` unless ``device`` exists (checked ``here`` only when the NER runs here)."""
    if device not in DEVICES:
        raise UsageError(f"unknown device {device!r} (choose from {', '.join(DEVICES)})")
    if device == "cuda" and here:
        import torch

        if not torch.cuda.is_available():
            raise UsageError("--device cuda: no CUDA device is available to torch on this machine")


__all__ = [
    "DEVICES",
    "UsageError",
    "check_device",
    "check_engine",
    "empty_frame",
    "extract_batch",
    "extract_frame",
    "record_article",
]
