"""Input readers: one module per format, a registry, and discovery of files in paths and archives.

Formats: ``page`` (scraped page text, like the seed), ``json``, ``jsonl``, ``csv``, ``tsv``,
``parquet``, ``sgml`` (TREC/CLEF/Gigaword), ``html``; zip/tar archives and ``.gz`` files are opened
in place. The format is chosen by extension and confirmed by sniffing the content (a ``.txt`` file
holding ``<DOC>`` records is SGML), or forced with ``load_corpus(format=...)``.
"""

from __future__ import annotations

import dataclasses
import errno
import fnmatch
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, RecordError
from . import html, page, sgml, tabular  # noqa: F401  (registers the readers)
from ..limits import DEFAULT_LIMITS, Limits
from .archive import gunzip, is_archive_name, iter_archive
from .base import READERS, ReadContext, Record, Source, decode_bytes, register

__all__ = ["READERS", "ReadContext", "Record", "Selection", "Source", "detect_format", "discover",
           "register", "expand_source"]

_BY_SUFFIX = {
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".parquet": "parquet", ".pq": "parquet",
    ".sgml": "sgml", ".sgm": "sgml", ".trec": "sgml",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
}
_TEXTLIKE = {".txt", ".text", ".md", ".xml", ""}
_SYSTEM_FILES = {"thumbs.db", "desktop.ini", ".ds_store"}


def _head(source: Source, n: int = 8192) -> bytes:
    with source.open() as fh:
        return fh.read(n)


def detect_format(source: Source) -> str:
    """The reader for a source: by extension, then by content where the extension is unsure."""
    suffix = Path(source.name).suffix.lower()
    fmt = _BY_SUFFIX.get(suffix)
    if fmt in ("parquet", "jsonl", "csv", "tsv"):
        return fmt
    raw = _head(source)
    try:
        head, _ = decode_bytes(raw)
    except RecordError:
        # Undecodable or binary: let the extension's reader (or the page reader) report it fully.
        return fmt or "page"
    stripped = head.lstrip("\ufeff \t\n")
    if sgml.looks_like_sgml(stripped):
        return "sgml"
    if html.looks_like_html(stripped):
        return "html"
    if fmt is not None:
        return fmt
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0].strip()
        return "jsonl" if first.endswith("}") and "\n" in stripped.strip() else "json"
    return "page"


def expand_source(source: Source, depth: int = 0, limits: Limits = DEFAULT_LIMITS
                  ) -> Iterator[Source | RecordError]:
    """A source, or the members of an archive (nested archives opened two levels deep)."""
    name = source.name.lower()
    if is_archive_name(name):
        if depth >= 2:
            yield RecordError("archive nested too deeply (more than two levels)", path=source.where)
            return
        for item in iter_archive(source, limits):
            if isinstance(item, RecordError):
                yield item
            else:
                yield from expand_source(item, depth + 1, limits)
    elif name.endswith(".gz"):
        for item in gunzip(source, limits):
            if isinstance(item, RecordError) or not is_archive_name(item.name.lower()):
                yield item
            else:
                yield from expand_source(item, depth + 1, limits)
    else:
        yield source


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.lower() in _SYSTEM_FILES or name.startswith("~$") \
        or name == "__MACOSX"


# Documentation and licence files that live beside the data in corpus folders and archives.
_DOC_FILE = re.compile(r"^(?:readme|read_me|licen[cs]e|changelog|changes|copying|authors|"
                       r"contributors|contributing|notice|citation|code_of_conduct|history)"
                       r"(?:[._ -].*)?$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class Selection:
    """Which files of a folder or archive are read.

    ``include``/``exclude`` are glob patterns (``*.json``, ``drafts/*``) matched against the file
    name and against its path below the folder given (or inside the archive). Documentation
    and licence files (README*, LICENSE*, CHANGELOG*, ...) are passed over unless
    ``documentation_files`` is true: a README that shows an example record is not an article.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    documentation_files: bool = False

    def why_not(self, rel: str, *, container: bool = False) -> str | None:
        """Why a file at ``rel`` (posix path below the root) is passed over, or None.

        A ``container`` (an archive or a ``.gz`` file) is only subject to ``exclude``: ``include``
        patterns apply to the members inside it."""
        name = rel.rsplit("/", 1)[-1]
        for pat in self.exclude:
            if fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(name, pat):
                return f"excluded by the pattern {pat!r}"
        if self.include and not container and not any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p)
                                    for p in self.include):
            return f"not matched by include={list(self.include)}"
        if not self.documentation_files and _DOC_FILE.match(name):
            return ("documentation or licence file, not an article (documentation_files=True "
                    "reads it)")
        return None


def _passed(path: str, reason: str) -> RecordError:
    return RecordError(reason, path=path, status="passed over")


def _special_kind(mode: int) -> str:
    for test, what in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return what
    return "not a regular file"


def discover(paths: list[str | Path], selection: Selection | None = None
             ) -> tuple[list[Source], list[RecordError]]:
    """All input files under ``paths`` (folders recursively, sorted), and every path met that is
    not read, with the reason.

    A path that does not exist is an :class:`InputError` at once. Hidden and system files and
    folders (``.git``, ``.DS_Store``, ``__MACOSX``), documentation files and files left out by
    ``include``/``exclude`` are passed over; folders that cannot be read, broken symbolic links,
    link loops, FIFOs, sockets and devices are skipped. Each gets a row in the report.
    """
    if not paths:
        raise InputError("no input paths given: pass files, folders or archives to load")
    sel = selection or Selection()
    found: list[Source] = []
    other: list[RecordError] = []
    for p in map(Path, paths):
        if not p.exists() and not p.is_symlink():
            hint = " (check the path; relative paths start at the current folder, " \
                   f"{Path.cwd()})" if not p.is_absolute() else ""
            raise InputError(f"{p}: no such file or folder{hint}")
        if p.is_dir():
            _walk(p, p, sel, found, other, {os.path.realpath(p)})
        else:
            _visit_file(p, p.name, sel, found, other, explicit=True)
    return found, other


def _visit_file(p: Path, rel: str, sel: Selection, found: list[Source],
                other: list[RecordError], explicit: bool = False) -> None:
    try:
        st = p.stat()
    except OSError as exc:
        if p.is_symlink():
            what = "symbolic link loop" if exc.errno == errno.ELOOP else \
                "broken symbolic link (its target does not exist)"
            other.append(RecordError(what, path=str(p)))
        else:
            other.append(RecordError(f"unreadable: {exc.strerror or exc}", path=str(p)))
        return
    if not stat.S_ISREG(st.st_mode):
        other.append(RecordError(f"{_special_kind(st.st_mode)}, not read", path=str(p)))
        return
    container = is_archive_name(p.name.lower()) or p.name.lower().endswith(".gz")
    why = None if explicit else sel.why_not(rel, container=container)
    if why:
        other.append(_passed(str(p), why))
        return
    found.append(Source(path=str(p), name=p.name, opener=lambda: open(p, "rb"),
                        size=st.st_size))


def _walk(root: Path, folder: Path, sel: Selection, found: list[Source],
          other: list[RecordError], seen: set[str]) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        other.append(RecordError(f"folder not readable: {exc.strerror or exc}", path=str(folder)))
        return
    for e in entries:
        sub = Path(e.path)
        rel = sub.relative_to(root).as_posix()
        if _is_hidden(e.name):
            kind = "folder" if e.is_dir() else "file"
            other.append(_passed(str(sub), f"hidden or system {kind}, not read"))
            continue
        try:
            is_dir = e.is_dir()  # follows symbolic links
        except OSError:
            is_dir = False
        if is_dir:
            real = os.path.realpath(sub)
            if real in seen:  # a link back to a folder above: reading it would never end
                other.append(RecordError("symbolic link loop (its target folder is already "
                                         "being read)", path=str(sub)))
                continue
            _walk(root, sub, sel, found, other, seen | {real})
        else:
            _visit_file(sub, rel, sel, found, other)


def formats() -> list[str]:
    """Names accepted by ``load_corpus(format=...)``."""
    return sorted(READERS)
