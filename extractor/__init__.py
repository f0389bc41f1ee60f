"""rasd's library: Arabic news articles in, ACLED-style conflict events out.

    >>> from extractor import extract
    >>> events = extract("قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس", published="2024-03-10")

The CLI (``rasd``) is one user of this package; every stage can be called alone, and a whole run
(inputs, state, sinks) is ``Runner(RunConfig(...), open_sink(cfg)).run()`` (see :mod:`extractor.run`).
"""

from __future__ import annotations

import os
from datetime import date

# torch's OpenMP threads spin while they wait; on a busy machine (cron next to other jobs) that
# slows the NER 10-40x (measured in bench/). Passive waiting costs nothing when idle. Set before
# torch is imported; a value the user set wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"

from .document import Article, Doc  # noqa: E402
from .record import ACLED_COLUMNS, Event, json_schema  # noqa: E402

_PIPELINES: dict[str, object] = {}


def default_ner() -> str | None:
    """The NER model to use when none is named: ``$RASD_NER_MODEL``, else the bundled one."""
    name = os.environ.get("RASD_NER_MODEL", "bundled")
    return None if name in ("", "none") else name


def get_pipeline(ner: str | None = "default", **kw):
    """A shared :class:`~extractor.pipeline.Pipeline` (models load once per process).

    ``ner``: 'bundled', 'official', a model file, None for no NER, or 'default' (see :func:`default_ner`).
    """
    if ner == "default":
        ner = default_ner()

    key = f"{ner}|{sorted(kw.items())}"
    if key not in _PIPELINES:
        _PIPELINES[key] = _LazyPipeline(ner, kw)
    return _PIPELINES[key]


class _LazyPipeline:
    """What :func:`get_pipeline` hands out: the :class:`~extractor.pipeline.Pipeline`, built (and its modules
    imported) on first use, so a run with nothing to do (cron over files already done) imports none of the
    extraction code. A missing NER model still fails here, at once."""

    def __init__(self, ner: str | None, kw: dict):
        if ner not in (None, "none"):
            from .ner import check_ner

            check_ner(ner, kw.get("cache_dir"))
        object.__setattr__(self, "_args", (ner, kw))
        object.__setattr__(self, "_real", None)

    def _pipeline(self):
        if self._real is None:
            from .pipeline import Pipeline

            ner, kw = self._args
            object.__setattr__(self, "_real", Pipeline(ner, **kw))
        return self._real

    def __getattr__(self, name: str):
        return getattr(self._pipeline(), name)

    def __setattr__(self, name: str, value) -> None:
        setattr(self._pipeline(), name, value)


def extract(text: str | Article, *, published: str | date | None = None, id: str = "text",
            source: str = "", ner: str | None = "default") -> list[Event]:
    """Events in one article (a string or an :class:`Article`)."""
    from .reading import parse_published

    if isinstance(text, Article):
        article = text
    else:
        pub, precision = parse_published(published)  # "2021-12": a month-precision anchor
        article = Article(id=id, text=text, published=pub, date_basis="cli" if pub else "", source=source,
                          date_precision=precision or 1)
    return get_pipeline(ner).process(article).events  # type: ignore[attr-defined]


_RUN_API = ("RunConfig", "Runner", "RunResult", "open_sink")


def __getattr__(name: str):
    """The run API (:mod:`extractor.run`), imported on first use."""
    if name in _RUN_API:
        from . import run

        return getattr(run, name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")


def extract_batch(records, **kw) -> list[dict]:
    """ACLED row dicts for a batch of ``{id, text, date, source, url}`` records (see :mod:`extractor.batch`)."""
    from .batch import extract_batch as _extract_batch

    return _extract_batch(records, **kw)


__all__ = ["extract", "extract_batch", "get_pipeline", "Article", "Doc", "Event", "ACLED_COLUMNS", "json_schema", "__version__",
           *_RUN_API]
