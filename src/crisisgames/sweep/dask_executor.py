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

    Raises
    ------
    ImportError
        Without ``dask.distributed`` (install the ``dask`` extra).
    """
    try:
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
