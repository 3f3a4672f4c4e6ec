"""A :class:`concurrent.futures.Executor` backed by a Dask cluster (the ``dask`` extra).

The sweep engine accepts any executor; this module only starts (or joins) a cluster and
hands back ``Client.get_executor()``.  Dask is imported inside the function, so the core
library never imports it.

Examples
--------
>>> from crisisgames.sweep import Grid, sweep
>>> with dask_executor(n_workers=1, processes=False) as ex:  # doctest: +SKIP
...     ds = sweep(Grid("verification", {"detect": (0, 1, 101)}), executor=ex, chunk_size=10)
"""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["dask_executor"]


@contextmanager
def dask_executor(
    address: str | None = None,
    *,
    n_workers: int = 2,
    threads_per_worker: int = 1,
    processes: bool = True,
    **cluster_kwargs: Any,
) -> Iterator[cf.Executor]:
    """An executor on a Dask cluster: joined at ``address``, or a new
    :class:`dask.distributed.LocalCluster` closed on exit.

    Parameters
    ----------
    address
        A scheduler's address (``"tcp://host:8786"``); ``None`` starts a local cluster.
    n_workers, threads_per_worker, processes
        The local cluster's workers (one thread each by default: the batched solver is
        NumPy code that holds the GIL for much of its time, so processes scale better).
    **cluster_kwargs
        More :class:`~dask.distributed.LocalCluster` arguments.

    Notes
    -----
    The workers of a local cluster run without Dask's ``MALLOC_TRIM_THRESHOLD_=65536``
    (see the comment in the code: it slows the solver down by about 1.6 times) and
    without its statistical profiler (5-6% slower).  On a cluster joined by address,
    start the workers with that variable unset and ``distributed.worker.profile.enabled:
    false`` for the same speed.

    Raises
    ------
    ImportError
        Without ``dask.distributed`` (install the ``dask`` extra).
    """
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError(
            "Dask sweeps need dask.distributed: pip install 'crisisgames[dask]'"
        ) from exc
    cluster = None
    if address is None:
        # The dashboard on a free port, not the fixed default one, which clashes with any
        # other cluster on the machine.
        cluster_kwargs.setdefault("dashboard_address", ":0")
        # Dask starts its workers with MALLOC_TRIM_THRESHOLD_=65536, so that glibc hands
        # freed memory back to the system at once; the batched solver allocates and frees
        # large temporaries for every chunk, and under that setting each one is mapped
        # afresh and page-faulted again: chunks solve about 1.6 times slower than in a
        # plain process (measured on missile-trade).  The workers of the clusters started
        # here keep glibc's defaults.  Dask's statistical profiler (the dashboard's
        # profile page) samples the task's stack every 10 ms, which costs the solver
        # another 5-6%; it is off too.
        environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
        environ.pop("MALLOC_TRIM_THRESHOLD_", None)
        settings = {
            "distributed.nanny.pre-spawn-environ": environ,
            "distributed.worker.profile.enabled": False,
        }
        with dask.config.set(settings):
            cluster = LocalCluster(
                n_workers=n_workers,
                threads_per_worker=threads_per_worker,
                processes=processes,
                **cluster_kwargs,
            )
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        yield client.get_executor()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
