"""Run a per-document analysis over the parts of a corpus, on an engine, and keep the order.

Every analysis whose result for a document depends on that document alone (actor mentions,
framing scores, term counts) runs here part by part: a :class:`~corpuskit.store.DiskCorpus` part
is read by the worker that analyses it; an in-memory corpus is cut into slices of ``part_size``
documents. Results come back in part order, so concatenating them gives the table the
whole-corpus call gives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .corpus import Corpus

__all__ = ["part_specs", "open_part", "map_parts", "wants_parts"]


def wants_parts(corpus: Any, engine: Any) -> bool:
    """Whether a call should run part by part: a corpus on disk, or an engine was given."""
    from .store import DiskCorpus

    return isinstance(corpus, DiskCorpus) or engine is not None


def part_specs(corpus: Any, part_size: int = 5000) -> list[tuple]:
    """What a worker needs to open each part: ``("disk", folder, i)`` or ``("memory", Corpus)``."""
    from .store import DiskCorpus

    if isinstance(corpus, DiskCorpus):
        return [("disk", str(corpus.path), i) for i in range(corpus.n_parts)]
    n = len(corpus.docs)
    if n <= part_size:
        return [("memory", corpus)]
    which = np.arange(n) // part_size
    return [("memory", corpus.select(which == i)) for i in range(int(which.max()) + 1)]


def open_part(spec: tuple) -> Corpus:
    """The Corpus a part spec stands for (read from disk in the worker that runs it)."""
    if spec[0] == "disk":
        from .store import DiskCorpus

        return DiskCorpus(spec[1]).part(spec[2])
    return spec[1]


def _apply(spec: tuple, fn: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
    return fn(open_part(spec), *args, **kwargs)


def map_parts(fn: Callable[..., Any], corpus: Any, *args: Any, engine: Any = None,
              workers: int | None = None, part_size: int = 5000, **kwargs: Any) -> list[Any]:
    """``[fn(part, *args, **kwargs) for part in corpus' parts]`` on an engine, in order."""
    from .engine import get_engine

    eng = get_engine(engine, workers=workers)
    try:
        return eng.map(_apply, part_specs(corpus, part_size), fn, args, kwargs)
    finally:
        if engine is None or isinstance(engine, str):
            eng.close()
