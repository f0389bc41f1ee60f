"""Articles through the pipeline: in this process, in N local worker processes, or on any Executor.

``process(items, factory, workers=N)`` yields ``(item, Outcome)`` in input
order whatever N is, so output files are byte-identical across ``--workers``
and across engines. The work goes to a :class:`concurrent.futures.Executor`:
a local :class:`~concurrent.futures.ProcessPoolExecutor` (``-j N``), a Dask
cluster (:func:`make_executor` ``engine="dask"``), or any executor a caller
passes in. The only contract is that ``factory`` and the articles pickle.

Each worker process builds *one* pipeline, lazily, the first time a chunk
reaches it (:func:`worker_pipeline`, a module-level cache keyed by the
factory's pickled bytes): an executor we do not own (a Dask cluster) has no
initializer of ours, and a restarted worker simply builds it again. Torch is
limited to one thread per worker so N workers do not fight over cores.

Items are tuples whose first element is an :class:`~extractor.document.Article`
(plain dataclasses pickle cheaply); only the article goes to the worker and
only the rows (not the parsed document) come back. Work is sent in chunks and
at most ``window`` chunks per worker are in flight, so a huge archive is read
lazily and memory stays flat. Local workers are started with ``spawn`` (safe
with torch and threads; a forked torch can deadlock) and watch their parent:
when it dies (a cron timeout's SIGKILL), they exit within a second instead of
living on as ~0.5 GB orphans.

A failure inside one article is caught in the worker and comes back as
``Outcome.error``; the run goes on.
"""

from __future__ import annotations

import os
import pickle
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from .record import Event

ENGINES = ("local", "dask")


@dataclass
class Outcome:
    """What came out of one article."""

    events: list[Event] = field(default_factory=list)
    rejected: list[Any] = field(default_factory=list)
    error: str | None = None


class WorkerStartError(RuntimeError):
    """A worker could not build its pipeline (e.g. the NER model is missing)."""


# Articles per Pipeline.process_many in one process (one NER pass over their trigger sentences, sorted by length
# into calls of similar lengths: see extractor.ner.NER_CHUNK); chunks sent to workers are of this size too.
# 64 rather than 16: more sentences to group by length (NER time about -20%, paired on the bench sample).
BATCH = 64


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
_PIPELINES: dict[Any, Any] = {}  # pickled factory -> its pipeline
_PIPELINES_LOCK = threading.Lock()
_THREADS_PINNED = False


def _pin_threads() -> None:
    """One torch thread per worker process (N workers on N cores, not N x N threads)."""
    global _THREADS_PINNED
    if _THREADS_PINNED:
        return
    _THREADS_PINNED = True
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("MKL_NUM_THREADS", "1")
    try:
        import torch

        torch.set_num_threads(1)
    except Exception:  # pragma: no cover - torch missing or odd build
        pass


def _factory_key(factory: Callable[[], Any]) -> Any:
    """Equal for equal factories, even when each chunk brings its own unpickled copy."""
    try:
        return pickle.dumps(factory)
    except (pickle.PicklingError, AttributeError, TypeError):  # a lambda or local function (Dask ships it)
        try:
            import cloudpickle

            return cloudpickle.dumps(factory)
        except Exception:  # noqa: BLE001 - no cloudpickle or unpicklable: one pipeline per object
            return ("id", id(factory))


def worker_pipeline(factory: Callable[[], Any]) -> Any:
    """This process's pipeline for ``factory``, built on first use and kept (one model load per process).

    Raises :class:`WorkerStartError` when the factory fails; a failure is not kept, so a
    long-lived worker (Dask) tries again on the next run once the cause is fixed.
    """
    key = _factory_key(factory)
    with _PIPELINES_LOCK:  # a Dask worker may run several threads; build once
        pipe = _PIPELINES.get(key)
        if pipe is None:
            _pin_threads()
            try:
                pipe = factory()
            except BaseException as e:  # reported to the parent with the chunk
                raise WorkerStartError(f"{type(e).__name__}: {e}") from None
            _PIPELINES[key] = pipe
    return pipe


def work(factory: Callable[[], Any], chunk: list[Any], explain: bool = False) -> list[Outcome]:
    """One chunk of articles on a worker (what every executor runs)."""
    return run_many(worker_pipeline(factory), chunk, explain)


def watch_parent(parent_pid: int, interval: float = 0.5) -> threading.Thread:
    """Exit this process as soon as ``parent_pid`` is no longer its parent (the parent died).

    A daemon thread polling ``os.getppid()``: portable, and unlike ``PR_SET_PDEATHSIG``
    it does not fire when merely the parent's *thread* that started us ends.
    """

    def loop() -> None:
        while True:
            if os.getppid() != parent_pid:
                os._exit(1)
            time.sleep(interval)

    t = threading.Thread(target=loop, name="rasd-parent-watch", daemon=True)
    t.start()
    return t


def watch_pid(pid: int, interval: float = 1.0) -> threading.Thread:
    """Exit this process when process ``pid`` is gone (for grandchildren, e.g. Dask workers of a local cluster)."""

    def loop() -> None:
        while True:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # exists, owned by someone else: pid reused, the driver is gone
                os._exit(1)
            time.sleep(interval)

    t = threading.Thread(target=loop, name="rasd-driver-watch", daemon=True)
    t.start()
    return t


def _init_local_worker(parent_pid: int) -> None:
    _pin_threads()
    watch_parent(parent_pid)


# --- executors ------------------------------------------------------------------------
def local_executor(workers: int, start_method: str = "spawn") -> Executor:
    """``workers`` local processes that die with this one."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=mp.get_context(start_method),
                               initializer=_init_local_worker, initargs=(os.getpid(),))  # fmt: skip


def make_executor(engine: str = "local", workers: int = 2, scheduler: str | None = None) -> Executor:
    """The executor for ``rasd extract --engine ENGINE -j N [--scheduler ADDRESS]``."""
    if engine == "local":
        return local_executor(workers)
    if engine == "dask":
        try:
            from .engine_dask import DaskExecutor
        except ImportError as e:
            raise RuntimeError("--engine dask needs Dask: pip install 'rasd[dask]'") from e
        return DaskExecutor(workers, scheduler)
    raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")


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
    executor: Executor | None = None,
) -> Iterator[tuple[tuple, Outcome]]:
    """``(item, Outcome)`` for every item, in input order.

    With ``executor`` (any :class:`~concurrent.futures.Executor`) the chunks go there;
    otherwise ``workers <= 1`` runs in this process with ``pipeline`` (or ``factory()``)
    and ``workers > 1`` starts that many local processes. ``factory`` must pickle;
    at most ``window`` chunks of ``chunksize`` articles per worker are in flight.
    """
    if executor is None and workers <= 1:
        pipe = pipeline if pipeline is not None else factory()  # type: ignore[misc]
        it = iter(items)
        while batch := list(islice(it, BATCH)):
            yield from zip(batch, run_many(pipe, [b[0] for b in batch], explain))
        return
    if factory is None:
        raise ValueError("parallel work needs a picklable pipeline factory")
    if executor is not None:
        size = getattr(executor, "max_workers", None) or getattr(executor, "_max_workers", None) or workers
        yield from _pump(executor, items, factory, explain, chunksize, max(1, size) * window)
        return
    with local_executor(workers, start_method) as ex:
        try:
            yield from _pump(ex, items, factory, explain, chunksize, workers * window)
        except BaseException:
            ex.shutdown(wait=True, cancel_futures=True)
            raise


def _pump(ex: Executor, items: Iterable[tuple], factory: Callable[[], Any], explain: bool,
          chunksize: int, in_flight: int) -> Iterator[tuple[tuple, Outcome]]:
    """Keep ``in_flight`` chunks submitted; yield results in submission order."""
    it = iter(items)
    pending: deque = deque()

    def submit() -> bool:
        chunk = list(islice(it, chunksize))
        if not chunk:
            return False
        pending.append((chunk, ex.submit(work, factory, [c[0] for c in chunk], explain)))
        return True

    try:
        while len(pending) < in_flight and submit():
            pass
        while pending:
            chunk, fut = pending.popleft()
            outcomes = fut.result()
            submit()
            yield from zip(chunk, outcomes)
    finally:
        for _, fut in pending:  # stopped early (error, Ctrl-C): do not leave work queued
            fut.cancel()


def default_workers() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


__all__ = [
    "BATCH",
    "ENGINES",
    "Outcome",
    "WorkerStartError",
    "default_workers",
    "local_executor",
    "make_executor",
    "process",
    "run_many",
    "run_one",
    "watch_parent",
    "watch_pid",
    "work",
    "worker_pipeline",
]
