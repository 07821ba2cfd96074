"""Progress bars for long loops: on for large jobs in notebooks and terminals, off otherwise.

Small jobs never show a bar, so notebooks on small corpora keep outputs that nbval can compare.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


def in_notebook() -> bool:
    """True inside a Jupyter kernel (JupyterLab, Notebook), False in scripts and terminals."""
    shell = sys.modules.get("IPython")
    if shell is None:
        return False
    try:
        ip = shell.get_ipython()  # type: ignore[attr-defined]
    except AttributeError:
        return False
    return ip is not None and type(ip).__name__ == "ZMQInteractiveShell"


def interactive() -> bool:
    """True in a notebook, or when stderr (where bars are drawn) is a terminal."""
    if in_notebook():
        return True
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def wanted(progress: bool | None, large: bool) -> bool:
    """``progress`` if given; else on for large jobs in notebooks and terminals, quiet in
    scripts whose output goes to a file or a pipe."""
    return (interactive() and large) if progress is None else bool(progress)


def track(items: Iterable[T], *, progress: bool | None, large: bool, total: int | None = None,
          desc: str = "", unit: str = "it", **kw: Any) -> Iterator[T]:
    """``items``, wrapped in a tqdm.auto bar when :func:`wanted`."""
    if not wanted(progress, large):
        yield from items
        return
    from tqdm.auto import tqdm

    with tqdm(items, total=total, desc=desc, unit=unit, **kw) as bar:
        yield from bar
