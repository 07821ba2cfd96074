"""Input readers: one module per format, a registry, and discovery of files in paths and archives.

Formats: ``page`` (scraped page text, like the seed), ``json``, ``jsonl``, ``csv``, ``tsv``,
``parquet``, ``sgml`` (TREC/CLEF/Gigaword), ``html``; zip/tar archives and ``.gz`` files are opened
in place. The format is chosen by extension and confirmed by sniffing the content (a ``.txt`` file
holding ``<DOC>`` records is SGML), or forced with ``load_corpus(format=...)``.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, RecordError
from . import html, page, sgml, tabular  # noqa: F401  (registers the readers)
from .archive import is_archive_name, iter_archive
from .base import READERS, ReadContext, Record, Source, decode_bytes, register

__all__ = ["READERS", "ReadContext", "Record", "Source", "detect_format", "discover", "register",
           "expand_source"]

_BY_SUFFIX = {
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".parquet": "parquet", ".pq": "parquet",
    ".sgml": "sgml", ".sgm": "sgml", ".trec": "sgml",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
}
_TEXTLIKE = {".txt", ".text", ".md", ".xml", ""}
_SYSTEM_FILES = {"thumbs.db", "desktop.ini", ".ds_store"}
_MAX_GZ_BYTES = 512 * 1024 * 1024


def _head(source: Source, n: int = 8192) -> bytes:
    with source.opener() as fh:
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


def _gunzip(source: Source) -> Source:
    def opener() -> io.BytesIO:
        with source.opener() as fh, gzip.GzipFile(fileobj=fh) as gz:
            data = gz.read(_MAX_GZ_BYTES + 1)
        if len(data) > _MAX_GZ_BYTES:
            raise RecordError(f"gzip file expands past {_MAX_GZ_BYTES} bytes", path=source.where)
        return io.BytesIO(data)

    inner = source.name[:-3]
    return Source(path=source.path, name=inner, opener=opener, size=None, member=source.member)


def expand_source(source: Source, depth: int = 0) -> Iterator[Source | RecordError]:
    """A source, or the members of an archive (nested archives opened two levels deep)."""
    name = source.name.lower()
    if is_archive_name(name):
        if depth >= 2:
            yield RecordError("archive nested too deeply (more than two levels)", path=source.where)
            return
        for item in iter_archive(source):
            if isinstance(item, RecordError):
                yield item
            else:
                yield from expand_source(item, depth + 1)
    elif name.endswith(".gz"):
        yield _gunzip(source)
    else:
        yield source


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.lower() in _SYSTEM_FILES or name.startswith("~$")


def discover(paths: list[str | Path]) -> tuple[list[Source], list[RecordError]]:
    """All input files under ``paths`` (folders recursively, sorted), and the ones passed over.

    A path that does not exist is an :class:`InputError` at once. Hidden and system files and
    folders (``.git``, ``.DS_Store``, ``__MACOSX``) are passed over and reported.
    """
    if not paths:
        raise InputError("no input paths given: pass files, folders or archives to load")
    found: list[Source] = []
    passed: list[RecordError] = []
    for p in map(Path, paths):
        if not p.exists():
            hint = " (check the path; relative paths start at the current folder, " \
                   f"{Path.cwd()})" if not p.is_absolute() else ""
            raise InputError(f"{p}: no such file or folder{hint}")
        if p.is_file():
            found.append(Source.from_path(p))
            continue
        for sub in sorted(p.rglob("*")):
            rel = sub.relative_to(p)
            hidden_parent = next((part for part in rel.parts[:-1]
                                  if _is_hidden(part) or part == "__MACOSX"), None)
            if hidden_parent is not None:
                continue  # reported once, for the folder itself
            if sub.is_dir():
                if _is_hidden(sub.name) or sub.name == "__MACOSX":
                    passed.append(RecordError("hidden or system folder, not read", path=str(sub),
                                              status="passed over"))
                continue
            if _is_hidden(sub.name):
                passed.append(RecordError("hidden or system file, not read", path=str(sub),
                                          status="passed over"))
                continue
            if sub.is_file():
                found.append(Source.from_path(sub))
    return found, passed


def formats() -> list[str]:
    """Names accepted by ``load_corpus(format=...)``."""
    return sorted(READERS)
