"""zip, tar and gzip inputs, read in place (never extracted to disk), member by member, safely.

Safety does not trust headers: every member is read through a counter, so a member (or a whole
archive) that expands past its limit is stopped at the limit, whatever size its header declared.
Members larger than ``Limits.spool_bytes`` are spooled to a temporary file while they are read,
so memory stays bounded. A damaged member (bad CRC, corrupt deflate stream, truncated) is reported
and the members after it are still read. Links, devices and names that escape the archive are
skipped as unsafe.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import tarfile
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import BinaryIO

from ..errors import RecordError
from ..limits import DEFAULT_LIMITS, Limits
from .base import IO_ERRORS, Source, describe_io_error

__all__ = ["ARCHIVE_SUFFIXES", "is_archive_name", "iter_archive", "gunzip", "MAX_ARCHIVE_BYTES"]

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
MAX_ARCHIVE_BYTES = DEFAULT_LIMITS.max_archive_bytes
_BOMB_FLOOR = 10 * 1024**2  # the expansion ratio applies past this many bytes
_CHUNK = 1024**2


def is_archive_name(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _unsafe(name: str) -> str | None:
    """Why a member name is unsafe (escapes the archive), or None."""
    p = PurePosixPath(name.replace("\\", "/"))
    if p.is_absolute() or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return f"unsafe archive member {name!r}: absolute path"
    if ".." in p.parts:
        return f"unsafe archive member {name!r}: path escapes the archive folder"
    return None


class _Spool:
    """A member's bytes, read once through a counter: in memory when small, else in a temporary
    file (deleted by :meth:`close`)."""

    def __init__(self, stream: BinaryIO, *, limit: int, spool_bytes: int, budget: list[int],
                 packed: int | None, ratio: float, where: str):
        self.data: bytes | None = None
        self.path: str | None = None
        chunks: list[bytes] = []
        size = 0
        tmp = None
        try:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                budget[0] -= len(chunk)
                if size > limit:
                    raise RecordError(f"member too large (over {limit:,} bytes as read; "
                                      "Limits.max_file_bytes)", path=where)
                if budget[0] < 0:
                    raise RecordError("archive expands past Limits.max_archive_bytes as read; "
                                      "this member and the rest are not read", path=where)
                if packed is not None and size > _BOMB_FLOOR and size > ratio * max(packed, 1):
                    raise RecordError(f"member expands suspiciously (over {ratio:g} times its "
                                      f"compressed size of {packed:,} bytes; possible bomb)",
                                      path=where)
                if tmp is None and size > spool_bytes:
                    fd, self.path = tempfile.mkstemp(prefix="corpuskit-", suffix=".member")
                    tmp = os.fdopen(fd, "wb")
                    tmp.writelines(chunks)
                    chunks = []
                if tmp is not None:
                    tmp.write(chunk)
                else:
                    chunks.append(chunk)
        except BaseException:
            if tmp is not None:
                tmp.close()
            self.close()
            raise
        if tmp is not None:
            tmp.close()
        else:
            self.data = b"".join(chunks)
        self.size = size

    def opener(self) -> Callable[[], BinaryIO]:
        if self.data is not None:
            data = self.data
            return lambda: io.BytesIO(data)
        path = self.path
        return lambda: open(path, "rb")  # type: ignore[arg-type]

    def close(self) -> None:
        if self.path is not None:
            try:
                os.unlink(self.path)
            except OSError:
                pass
            self.path = None


def _spooled(source: Source, stream_fn: Callable[[], BinaryIO], member: str, name: str,
             limits: Limits, budget: list[int], packed: int | None
             ) -> Iterator[Source | RecordError]:
    where = f"{source.where}!{member}" if member else source.where
    try:
        with stream_fn() as stream:
            spool = _Spool(stream, limit=limits.max_file_bytes, spool_bytes=limits.spool_bytes,
                           budget=budget, packed=packed, ratio=limits.max_expansion_ratio,
                           where=where)
    except RecordError as exc:
        yield exc
        return
    except IO_ERRORS as exc:
        yield RecordError(describe_io_error(exc), path=where)
        return
    try:
        if member:
            yield Source(path=source.where, name=PurePosixPath(member).name, member=member,
                         size=spool.size, opener=spool.opener())
        else:  # a .gz file: the same input, decompressed
            yield Source(path=source.path, name=name, member=source.member, size=spool.size,
                         opener=spool.opener())
    finally:
        spool.close()


def gunzip(source: Source, limits: Limits = DEFAULT_LIMITS) -> Iterator[Source | RecordError]:
    """A ``.gz`` file as the file it holds, decompressed once with its real size counted."""
    budget = [limits.max_file_bytes]
    packed = source.size

    def stream() -> BinaryIO:
        return gzip.GzipFile(fileobj=source.open())  # type: ignore[return-value]

    yield from _spooled(source, stream, "", source.name[:-3], limits, budget, packed)


def iter_archive(source: Source, limits: Limits = DEFAULT_LIMITS
                 ) -> Iterator[Source | RecordError]:
    """The members of an archive as sources, or a RecordError for each member that is skipped."""
    name = source.name.lower()
    try:
        if name.endswith(".zip"):
            yield from _iter_zip(source, limits)
        else:
            yield from _iter_tar(source, limits)
    except RecordError as exc:
        yield exc
    except IO_ERRORS as exc:
        yield RecordError(f"unreadable archive: {describe_io_error(exc)}", path=source.where)


def _member_problem(name: str, kind: str | None, budget: list[int]) -> str | None:
    """Why a member is not read (an unsafe name, not a regular file, the archive's budget
    spent), or None."""
    why = _unsafe(name)
    if why is None and kind is not None:
        why = f"unsafe archive member {name!r}: {kind}, not a regular file"
    if why is None and budget[0] <= 0:
        why = "archive expands past Limits.max_archive_bytes; not read"
    return why


def _zip_kind(info: zipfile.ZipInfo) -> str | None:
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_IFMT(mode):  # Unix file type bits are set
        if stat.S_ISLNK(mode):
            return "a symbolic link"
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            return "a device or special file"
    return None


def _iter_zip(source: Source, limits: Limits) -> Iterator[Source | RecordError]:
    budget = [limits.max_archive_bytes]
    with source.open() as fh, zipfile.ZipFile(fh) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            why = _member_problem(info.filename, _zip_kind(info), budget)
            if why:
                yield RecordError(why, path=f"{source.where}!{info.filename}")
                continue
            yield from _spooled(source, lambda i=info: zf.open(i), info.filename, "", limits,
                                budget, info.compress_size)


def _iter_tar(source: Source, limits: Limits) -> Iterator[Source | RecordError]:
    budget = [limits.max_archive_bytes]
    packed_total = source.size
    with source.open() as fh, tarfile.open(fileobj=fh, mode="r:*") as tf:
        last = None
        try:
            for info in tf:
                last = info.name
                if info.isdir():
                    continue
                kind = None if info.isfile() else "a link or device"
                why = _member_problem(info.name, kind, budget)
                if why:
                    yield RecordError(why, path=f"{source.where}!{info.name}")
                    continue
                # A tar member has no compressed size of its own: a member that expands past
                # the ratio times the whole archive's size on disk is a bomb.
                yield from _spooled(source, lambda i=info: _tar_member(tf, i), info.name, "",
                                    limits, budget, packed_total)
        except (tarfile.TarError, EOFError, OSError) as exc:
            after = f" after member {last!r}" if last else ""
            yield RecordError(f"corrupt or truncated tar archive{after}: {describe_io_error(exc)}; "
                              "the rest could not be read", path=source.where)


def _tar_member(tf: tarfile.TarFile, info: tarfile.TarInfo) -> BinaryIO:
    fh = tf.extractfile(info)
    return fh if fh is not None else io.BytesIO(b"")  # type: ignore[return-value]
