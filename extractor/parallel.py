"""Articles through the pipeline, in one process or in N worker processes.

``process(items, factory, workers=N)`` yields ``(item, Outcome)`` in input
order whatever N is, so output files are byte-identical across ``--workers``.
Each worker process builds *one* pipeline (``factory()``, e.g. a
``functools.partial(extractor.get_pipeline, "bundled")``) in its initializer,
with torch limited to one thread so N workers do not fight over cores.

Items are tuples whose first element is an :class:`~extractor.document.Article`
(plain dataclasses pickle cheaply); only the article goes to the worker and
only the rows (not the parsed document) come back. Work is sent in chunks and
at most ``window`` chunks are in flight, so a huge archive is read lazily and
memory stays flat. Worker processes are started with ``spawn`` (safe with
torch and threads; a forked torch can deadlock).

A failure inside one article is caught in the worker and comes back as
``Outcome.error``; the run goes on.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from .record import Event


@dataclass
class Outcome:
    """What came out of one article."""

    events: list[Event] = field(default_factory=list)
    rejected: list[Any] = field(default_factory=list)
    error: str | None = None


class WorkerStartError(RuntimeError):
    """A worker could not build its pipeline (e.g. the NER model is missing)."""


# Articles per NER call in one process: Stanza's cost is mostly per call (see Pipeline.process_many).
BATCH = 16


def run_one(pipeline: Any, article: Any, explain: bool = False) -> Outcome:
    try:
        res = pipeline.process(article, explain=explain)
    except Exception as e:  # one bad article must not stop the run
        return Outcome(error=f"{type(e).__name__}: {e}")
    return Outcome(list(res.events), list(res.rejected) if explain else [])


def run_many(pipeline: Any, articles: list[Any], explain: bool = False) -> list[Outcome]:
    """One batch; if it fails, article by article, so one bad article costs only itself."""
    many = getattr(pipeline, "process_many", None)
    if many is None or len(articles) == 1:
        return [run_one(pipeline, a, explain) for a in articles]
    try:
        results = many(articles, explain=explain)
    except Exception:
        return [run_one(pipeline, a, explain) for a in articles]
    return [Outcome(list(r.events), list(r.rejected) if explain else []) for r in results]


# --- worker side ----------------------------------------------------------------------
_PIPELINE: Any = None
_INIT_ERROR: str | None = None


def _init_worker(factory: Callable[[], Any]) -> None:
    global _PIPELINE, _INIT_ERROR
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("MKL_NUM_THREADS", "1")
    try:
        import torch  # noqa: F401  (only to pin its threads; the model needs it anyway)

        torch.set_num_threads(1)
    except Exception:  # pragma: no cover - torch missing or odd build
        pass
    try:
        _PIPELINE = factory()
    except BaseException as e:  # reported to the parent with the first chunk
        _INIT_ERROR = f"{type(e).__name__}: {e}"


def _work(chunk: list[Any], explain: bool) -> list[Outcome]:
    if _INIT_ERROR is not None:
        raise WorkerStartError(_INIT_ERROR)
    return run_many(_PIPELINE, chunk, explain)


# --- parent side ----------------------------------------------------------------------
def process(
    items: Iterable[tuple],
    factory: Callable[[], Any] | None = None,
    *,
    workers: int = 1,
    pipeline: Any = None,
    explain: bool = False,
    chunksize: int = BATCH,
    window: int = 4,
    start_method: str = "spawn",
) -> Iterator[tuple[tuple, Outcome]]:
    """``(item, Outcome)`` for every item, in input order.

    ``workers <= 1`` runs in this process with ``pipeline`` (or ``factory()``).
    Otherwise ``factory`` must be picklable; at most ``workers * window``
    chunks of ``chunksize`` articles are in flight.
    """
    if workers <= 1:
        pipe = pipeline if pipeline is not None else factory()  # type: ignore[misc]
        it = iter(items)
        while batch := list(islice(it, BATCH)):
            yield from zip(batch, run_many(pipe, [b[0] for b in batch], explain))
        return
    if factory is None:
        raise ValueError("workers > 1 needs a picklable pipeline factory")
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context(start_method)
    it = iter(items)
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(factory,)) as ex:
        pending: deque = deque()

        def submit() -> bool:
            chunk = list(islice(it, chunksize))
            if not chunk:
                return False
            pending.append((chunk, ex.submit(_work, [c[0] for c in chunk], explain)))
            return True

        try:
            while len(pending) < workers * window and submit():
                pass
            while pending:
                chunk, fut = pending.popleft()
                outcomes = fut.result()
                submit()
                yield from zip(chunk, outcomes)
        except BaseException:
            ex.shutdown(wait=True, cancel_futures=True)
            raise


def default_workers() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


__all__ = ["Outcome", "process", "run_one", "run_many", "BATCH", "WorkerStartError", "default_workers"]
