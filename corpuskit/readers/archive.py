"""zip and tar archives, read in place (never extracted to disk), member by member, safely."""

from __future__ import annotations

import io
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath

from ..errors import RecordError
from .base import MAX_FILE_BYTES, Source

__all__ = ["ARCHIVE_SUFFIXES", "is_archive_name", "iter_archive", "MAX_ARCHIVE_BYTES"]

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
MAX_ARCHIVE_BYTES = 8 * 1024**3  # total uncompressed bytes read from one archive
MAX_RATIO = 200                  # a member expanding more than this (and past 10 MB) is a bomb


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


def _problem(name: str, size: int, total: int, packed: int | None = None) -> str | None:
    """Why a member must be skipped (unsafe name, too large, a bomb, archive too large), or None."""
    why = _unsafe(name)
    if why is None and size > MAX_FILE_BYTES:
        why = f"archive member too large ({size} bytes)"
    if why is None and packed and size > 10 * 1024**2 and size / packed > MAX_RATIO:
        why = "archive member expands suspiciously (possible zip bomb)"
    if why is None and total > MAX_ARCHIVE_BYTES:
        why = f"archive holds more than {MAX_ARCHIVE_BYTES} bytes; the rest is not read"
    return why


def iter_archive(source: Source) -> Iterator[Source | RecordError]:
    """The members of an archive as sources, or a RecordError for each member that is skipped."""
    name = source.name.lower()
    try:
        if name.endswith(".zip"):
            yield from _iter_zip(source)
        else:
            yield from _iter_tar(source)
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as exc:
        yield RecordError(f"unreadable archive: {exc}", path=source.where)


def _member_source(archive: Source, member: str, size: int, read) -> Source:
    return Source(path=archive.where, name=PurePosixPath(member).name, member=member, size=size,
                  opener=lambda: io.BytesIO(read()))


def _iter_zip(source: Source) -> Iterator[Source | RecordError]:
    with source.opener() as fh:
        data = fh.read() if source.member else None
    zf = zipfile.ZipFile(io.BytesIO(data) if data is not None else source.path)
    total = 0
    with zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            total += info.file_size
            why = _problem(info.filename, info.file_size, total, info.compress_size)
            if why:
                yield RecordError(why, path=f"{source.where}!{info.filename}")
                continue
            payload = zf.read(info)  # read now: the ZipFile closes when this generator moves on
            yield _member_source(source, info.filename, len(payload), lambda p=payload: p)


def _iter_tar(source: Source) -> Iterator[Source | RecordError]:
    with source.opener() as fh:
        data = fh.read() if source.member else None
    tf = tarfile.open(fileobj=io.BytesIO(data), mode="r:*") if data is not None \
        else tarfile.open(source.path, mode="r:*")
    total = 0
    with tf:
        for info in tf:
            if info.isdir():
                continue
            total += info.size
            why = _problem(info.name, info.size, total)
            if why is None and not info.isfile():
                why = f"archive member {info.name!r} is a link or device, not a regular file"
            if why:
                yield RecordError(why, path=f"{source.where}!{info.name}")
                continue
            fh = tf.extractfile(info)
            payload = fh.read() if fh is not None else b""
            yield _member_source(source, info.name, len(payload), lambda p=payload: p)
