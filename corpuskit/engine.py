"""Where the work runs: in this process, in worker processes on this machine, or on Dask.

Every stage that scales (loading, document-term matrices, LDA, actors, framing) is written as a
pure function applied to *parts* of a corpus (a few thousand documents each), whose results are
then combined in a fixed order. An engine only decides where those functions run:

- ``"local"`` (the default): worker processes on this machine (as many as it has cores, at most
  ``workers``), or this process alone for small inputs;
- ``"serial"``: this process only (debugging, profiling);
- ``"dask"``: a ``dask.distributed`` cluster: a ``Client`` you pass, a scheduler address, or a
  ``LocalCluster`` started for the run. Tasks are retried when a worker dies.

Because the same functions see the same parts and their results are combined in the same order,
the engines give identical results; only LDA's parallel sums may differ in the last bits.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from .errors import SettingsError

__all__ = ["Engine", "get_engine", "engine_for", "ENGINES"]

ENGINES = ("local", "serial", "dask")


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class Engine:
    """Runs a function over parts, in order. Use :func:`get_engine` to make one."""

    name = "serial"
    workers = 1

    def map(self, fn: Callable[..., Any], items: Sequence[Any], *args: Any) -> list[Any]:
        """``[fn(item, *args) for item in items]``, in order."""
        return list(self.imap(fn, items, *args))

    def imap(self, fn: Callable[..., Any], items: Iterable[Any], *args: Any) -> Iterator[Any]:
        """``fn(item, *args)`` for each item, yielded in order as they finish (a bounded number
        in flight, so that results can be written away as they come)."""
        for item in items:
            yield fn(item, *args)

    def put(self, obj: Any) -> Any:
        """Make ``obj`` available to every task (once, not with each task); pass what this
        returns as an argument to :meth:`map`."""
        return obj

    def put_parts(self, parts: Sequence[Any]) -> list[Any]:
        """Place parts that several rounds of tasks use (e.g. the blocks of a matrix for
        LDA's iterations) where the tasks run; returns handles to pass in :meth:`starmap`'s
        argument tuples."""
        return list(parts)

    def starmap(self, fn: Callable[..., Any], arg_tuples: Sequence[tuple], *common: Any) -> list:
        """``fn(*t, *common)`` for each tuple, as handles: results here, futures on Dask (which
        stay on the workers until :meth:`gather` or :meth:`tree_sum`)."""
        return self.map(_star, list(arg_tuples), fn, common)

    def take(self, handles: list, i: int) -> list:
        """Item ``i`` of each result (a tuple), as handles."""
        return [h[i] for h in handles]

    def gather(self, handles: list) -> list:
        return list(handles)

    def tree_sum(self, handles: list) -> Any:
        """The sum of the results, added pairwise in a fixed order (the same bits everywhere)."""
        level = list(handles)
        while len(level) > 1:
            level = [level[i] + level[i + 1] if i + 1 < len(level) else level[i]
                     for i in range(0, len(level), 2)]
        return level[0]

    def close(self) -> None:
        """Release workers this engine started (a cluster you passed in stays up)."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Engine {self.name}: {self.workers} worker(s)>"


class LocalEngine(Engine):
    """Worker processes on this machine (``concurrent.futures``); serial with one worker."""

    name = "local"

    def __init__(self, workers: int | None = None):
        self.workers = max(1, workers or _cores())
        self._pool = None
        self._shared: list[int] = []

    def put_parts(self, parts: Sequence[Any]) -> list[Any]:
        """Parts placed before the worker processes start are inherited by them through
        ``fork`` (pages shared, not copied) instead of being pickled to a worker with every
        task: LDA's blocks, used by every iteration, then cost their memory once. Elsewhere
        (workers already started, no ``fork``) they go with each task as before."""
        import multiprocessing as mp

        parts = list(parts)
        if self._pool is not None or self.workers == 1 or \
                "fork" not in mp.get_all_start_methods():
            return parts
        key = next(_KEYS)
        _SHARED[key] = parts
        self._shared.append(key)
        return [_Shared(key, i) for i in range(len(parts))]

    def _executor(self):  # noqa: ANN202
        if self._pool is None:
            import multiprocessing as mp
            from concurrent.futures import ProcessPoolExecutor

            # fork shares the imported modules (camel-tools, the gazetteer) with the workers
            # at no cost; elsewhere (macOS, Windows) the default start method is used.
            ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
            self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx)
        return self._pool

    def imap(self, fn: Callable[..., Any], items: Iterable[Any], *args: Any) -> Iterator[Any]:
        if self.workers == 1 or (isinstance(items, Sequence) and len(items) <= 1):
            yield from super().imap(fn, items, *args)
            return
        pool = self._executor()
        window = 2 * self.workers
        pending: list[Any] = []
        for item in items:
            pending.append(pool.submit(fn, item, *args))
            if len(pending) >= window:
                yield pending.pop(0).result()
        for fut in pending:
            yield fut.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        for key in self._shared:
            _SHARED.pop(key, None)
        self._shared = []


class DaskEngine(Engine):
    """A ``dask.distributed`` client: tasks run on its workers and are retried when one dies."""

    name = "dask"

    def __init__(self, client: Any = None, scheduler: str | None = None,
                 workers: int | None = None, retries: int = 3):
        try:
            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - dask is an extra
            raise SettingsError("engine='dask' needs dask.distributed: "
                                "pip install 'corpuskit[dask]'") from None
        self._owned: list[Any] = []
        if client is None and scheduler:
            try:
                client = Client(scheduler, timeout="20s")
            except OSError as exc:
                raise SettingsError(f"no Dask scheduler answers at {scheduler}: {exc}") from None
            self._owned.append(client)
        elif client is None:
            cluster = LocalCluster(n_workers=workers or _cores(), threads_per_worker=1,
                                   processes=True, dashboard_address=":0")
            client = Client(cluster)
            self._owned += [client, cluster]
        self.client = client
        self.retries = retries
        self.workers = max(1, len(client.scheduler_info().get("workers", {})) or 1)

    def imap(self, fn: Callable[..., Any], items: Iterable[Any], *args: Any) -> Iterator[Any]:
        from distributed import wait

        window = max(4, 3 * self.workers)
        pending: list[Any] = []
        for item in items:
            pending.append(self.client.submit(fn, item, *args, pure=False, retries=self.retries))
            if len(pending) >= window:
                fut = pending.pop(0)
                wait(fut)
                yield fut.result()
                fut.release()
        for fut in pending:
            yield fut.result()
            fut.release()

    def put(self, obj: Any) -> Any:
        return self.client.scatter(obj, broadcast=True, hash=False)

    def starmap(self, fn: Callable[..., Any], arg_tuples: Sequence[tuple], *common: Any) -> list:
        return [self.client.submit(fn, *t, *common, pure=False, retries=self.retries)
                for t in arg_tuples]

    def take(self, handles: list, i: int) -> list:
        import operator

        return [self.client.submit(operator.getitem, h, i, pure=False, retries=self.retries)
                for h in handles]

    def gather(self, handles: list) -> list:
        return self.client.gather(handles)

    def tree_sum(self, handles: list) -> Any:
        import operator

        level = list(handles)
        while len(level) > 1:
            level = [self.client.submit(operator.add, level[i], level[i + 1], pure=False,
                                        retries=self.retries) if i + 1 < len(level) else level[i]
                     for i in range(0, len(level), 2)]
        return level[0].result()

    def put_parts(self, parts: Sequence[Any]) -> list[Any]:
        return self.client.scatter(list(parts), hash=False)

    def close(self) -> None:
        for obj in self._owned:
            obj.close()
        self._owned = []

    def __repr__(self) -> str:
        return f"<Engine dask: {self.workers} worker(s) at {self.client.scheduler.address}>"


_SHARED: dict[int, list[Any]] = {}   # parts a LocalEngine placed before forking its workers
_KEYS = itertools.count()


class _Shared:
    """A handle to a part in :data:`_SHARED` (in the worker: the forked copy of the parent's)."""

    __slots__ = ("key", "i")

    def __init__(self, key: int, i: int):
        self.key, self.i = key, i

    def resolve(self) -> Any:
        return _SHARED[self.key][self.i]


def _star(t: tuple, fn: Callable[..., Any], common: tuple) -> Any:
    return fn(*(x.resolve() if isinstance(x, _Shared) else x for x in t), *common)


def get_engine(engine: str | Engine | Any | None = None, *, workers: int | None = None,
               scheduler: str | None = None) -> Engine:
    """An :class:`Engine` from a name (``"local"``, ``"serial"``, ``"dask"``), a Dask
    ``Client``, or an engine (returned as is). ``scheduler``: a Dask scheduler address
    (``tcp://host:8786``); without one, ``"dask"`` starts a ``LocalCluster`` of ``workers``
    processes."""
    if isinstance(engine, Engine):
        return engine
    if engine is None or engine == "local":
        return LocalEngine(workers)
    if engine == "serial":
        return Engine()
    if engine == "dask":
        return DaskEngine(scheduler=scheduler, workers=workers)
    if type(engine).__name__ == "Client" and hasattr(engine, "submit"):
        return DaskEngine(client=engine)
    raise SettingsError(f"engine={engine!r}: choose one of {', '.join(ENGINES)}, or pass a "
                        "dask.distributed Client")


@contextlib.contextmanager
def engine_for(engine: Any = None, workers: int | None = None) -> Iterator[Engine]:
    """:func:`get_engine` for one call: what it starts (worker processes, a LocalCluster) is
    stopped at the end; an engine or a Dask client passed in stays up."""
    eng = get_engine(engine, workers=workers)
    try:
        yield eng
    finally:
        if eng is not engine:
            eng.close()
