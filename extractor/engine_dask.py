"""The Dask engine: ``rasd extract --engine dask [--scheduler ADDRESS]`` (needs ``pip install 'rasd[dask]'``).

Only the article texts travel: the driver reads the inputs (so workers need no shared
file system), sends chunks of :class:`~extractor.document.Article` to the cluster, and
writes the rows and the ``--state`` itself. Workers need rasd installed (the same
version) and build one pipeline each, on first use (:func:`extractor.parallel.worker_pipeline`).
When a worker dies mid-chunk, the scheduler gives that chunk to another worker; results
are collected per chunk in input order, so nothing is lost or doubled.
"""

from __future__ import annotations

import os
from concurrent.futures import Executor
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin

from .parallel import watch_pid


class WatchDriver(WorkerPlugin):
    """Every (re)started worker of a local cluster exits when the driver process is gone."""

    name = "rasd-watch-driver"

    def __init__(self, pid: int):
        self.pid = pid

    def setup(self, worker: Any) -> None:
        watch_pid(self.pid)


class DaskExecutor(Executor):
    """A ``dask.distributed`` client as a :class:`concurrent.futures.Executor` that owns its cluster.

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``); without it, a
    ``LocalCluster`` of ``workers`` single-threaded worker processes on this machine.
    """

    def __init__(self, workers: int = 2, scheduler: str | None = None, **cluster_kw: Any):
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            kw: dict[str, Any] = dict(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=":0")  # fmt: skip
            kw.update(cluster_kw)
            self.cluster = LocalCluster(**kw)
            self.client = Client(self.cluster)
            self.client.register_plugin(WatchDriver(os.getpid()))  # a SIGKILLed driver leaves no worker
        self._ex = self.client.get_executor(pure=False)

    @property
    def max_workers(self) -> int:
        """Worker threads in the cluster now (at least 1): sizes how many chunks are in flight."""
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[override]
        return self._ex.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        try:
            self._ex.shutdown(wait=wait and not cancel_futures)
        finally:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()


__all__ = ["DaskExecutor", "WatchDriver"]
