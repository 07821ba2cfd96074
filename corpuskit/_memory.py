"""Giving freed memory back to the operating system between the stages of a large run."""

from __future__ import annotations

import ctypes
import sys

__all__ = ["release_memory"]


def release_memory() -> None:
    """Return the heap that a finished stage freed to the operating system (glibc's
    ``malloc_trim``; elsewhere nothing happens). glibc keeps freed small blocks for reuse, so a
    process that built and dropped millions of Python strings (a load, a vocabulary) keeps
    their memory, and worker processes forked after it copy those pages as they touch them."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl, ...)
        pass
