"""Readers for structured exports: JSON, JSON Lines, CSV/TSV and Parquet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from ..errors import RecordError, SettingsError
from .base import ReadContext, Record, Source, decode_bytes, open_text, register
from .fields import record_from_mapping, resolve_columns

__all__ = ["read_json", "read_jsonl", "read_csv", "read_tsv", "read_parquet"]

# An object that holds the records under one of these keys (or its only list of objects).
_CONTAINER_KEYS = ("articles", "documents", "docs", "records", "items", "data", "results", "rows")


def _records_from_objects(objs: list[Any], source: Source, ctx: ReadContext, fmt: str,
                          label: str = "record") -> Iterator[Record | RecordError]:
    names: list[str] = []
    seen: set[str] = set()
    for o in objs:
        if isinstance(o, dict):
            for k in o:
                if k not in seen:
                    seen.add(k)
                    names.append(k)
    mapping = resolve_columns(names, ctx.columns, source.where)
    for i, obj in enumerate(objs, 1):
        locator = f"{label} {i}"
        if not isinstance(obj, dict):
            yield RecordError(f"malformed record: a JSON {type(obj).__name__}, not an object",
                              path=source.where, where=locator)
            continue
        try:
            yield record_from_mapping(obj, mapping, locator=locator, fmt=fmt, where=source.where)
        except RecordError as exc:
            yield exc


@register("json")
def read_json(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """A JSON file holding an array of objects, an object holding such an array, or one object."""
    text, encoding = decode_bytes(source.read_bytes(), source.where)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # A JSON Lines file saved as .json is common: read it as that when its first line parses.
        first = text.lstrip().split("\n", 1)[0]
        try:
            json.loads(first)
            is_lines = "\n" in text.strip()
        except json.JSONDecodeError:
            is_lines = False
        if is_lines:
            yield from _jsonl_lines(io.StringIO(text), source, ctx)
            return
        raise RecordError(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                          path=source.where) from None
    if isinstance(data, dict):
        lists = [k for k, v in data.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
        preferred = [k for k in _CONTAINER_KEYS if k in lists]
        if preferred or len(lists) == 1:
            data = data[(preferred or lists)[0]]
        else:
            data = [data]
    if not isinstance(data, list):
        raise RecordError(f"JSON holds a {type(data).__name__}, not records", path=source.where)
    for item in _records_from_objects(data, source, ctx, "json"):
        if isinstance(item, Record):
            item.encoding = encoding
        yield item


def _jsonl_lines(lines: Any, source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    mapping: dict[str, str] = {}
    seen: dict[str, None] = {}
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        locator = f"line {lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(_json_problem(exc, line), path=source.where, where=locator)
            continue
        if not isinstance(obj, dict):
            yield RecordError(f"malformed record: a JSON {type(obj).__name__}, not an object",
                              path=source.where, where=locator)
            continue
        if any(k not in seen for k in obj):
            # Sparse exports: a field may first appear in a later line. Fields resolved earlier stay.
            seen.update(dict.fromkeys(obj))
            mapping = {**resolve_columns(list(seen), ctx.columns, source.where), **mapping}
        try:
            rec = record_from_mapping(obj, mapping, locator=locator, fmt="jsonl", where=source.where)
        except RecordError as exc:
            yield exc
            continue
        rec.encoding = "utf-8"
        yield rec


def _json_problem(exc: json.JSONDecodeError, line: str) -> str:
    body = line.rstrip("\r\n")
    if exc.pos >= len(body.rstrip()) - 1 or "Unterminated" in exc.msg:
        return (f"truncated JSON record: it stops at column {len(body)} before the object closes "
                f"({exc.msg})")
    return f"malformed JSON record at column {exc.colno}: {exc.msg}"


@register("jsonl")
def read_jsonl(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """JSON Lines: one object per line, streamed; a bad line is reported and the rest still read."""
    yield from _jsonl_lines(open_text(source), source, ctx)


def _read_delimited(source: Source, ctx: ReadContext, delimiter: str | None, fmt: str
                    ) -> Iterator[Record | RecordError]:
    text, encoding = decode_bytes(source.read_bytes(), source.where)
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",\t;|").delimiter
        except csv.Error:
            delimiter = ","
    csv.field_size_limit(1 << 30)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise RecordError("empty file", path=source.where) from None
    except csv.Error as exc:
        raise RecordError(f"malformed {fmt.upper()} header: {exc}", path=source.where) from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    try:
        mapping = resolve_columns(header, ctx.columns, source.where)
    except SettingsError:
        raise
    row_no = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield RecordError(f"malformed row: {exc}", path=source.where,
                              where=f"line {reader.line_num}")
            break
        row_no += 1
        locator = f"line {reader.line_num}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield RecordError(f"malformed row: {len(row)} fields where the header has "
                              f"{len(header)}", path=source.where, where=locator)
            continue
        try:
            rec = record_from_mapping(dict(zip(header, row)), mapping, locator=locator, fmt=fmt,
                                      where=source.where)
            rec.encoding = encoding
            yield rec
        except RecordError as exc:
            yield exc


@register("csv")
def read_csv(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """CSV with a header row (delimiter sniffed among , ; | and tab); quoted newlines allowed."""
    yield from _read_delimited(source, ctx, None, "csv")


@register("tsv")
def read_tsv(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """Tab-separated values with a header row."""
    yield from _read_delimited(source, ctx, "\t", "tsv")


# Columns that corpuskit itself derives when it writes a corpus file: recomputed on loading.
_DERIVED = frozenset({"doc_id", "record", "format", "date_raw", "duplicate", "duplicate_of",
                      "duplicate_similarity", "chrome_lines_removed", "_paragraphs",
                      "_sentences"})


@register("parquet")
def read_parquet(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """A Parquet table, read one row group at a time.

    A corpus file written by corpuskit (``Corpus.to_parquet``) loads as its documents: the
    columns corpuskit derives (ids, duplicate flags, unit spans) are computed afresh, and each
    document's first path is kept as ``original_path``; so corpus files can be merged.
    """
    import pyarrow.parquet as pq

    try:
        with source.opener() as fh:
            pf = pq.ParquetFile(io.BytesIO(fh.read()) if source.member else fh)
            meta = pf.schema_arrow.metadata or {}
            derived = _DERIVED if b"corpuskit" in meta else frozenset()
            names = [n for n in pf.schema_arrow.names if n not in derived]
            rename = {"path": "original_path"} if derived else {}
            mapping = resolve_columns([rename.get(n, n) for n in names], ctx.columns,
                                      source.where)
            row = 0
            for batch in pf.iter_batches(batch_size=2048, columns=names):
                for obj in batch.to_pylist():
                    row += 1
                    if rename:
                        obj = {rename.get(k, k): v for k, v in obj.items()}
                    try:
                        yield record_from_mapping(obj, mapping, locator=f"row {row}",
                                                  fmt="parquet", where=source.where)
                    except RecordError as exc:
                        yield exc
    except (OSError, ValueError) as exc:
        if isinstance(exc, SettingsError):
            raise
        raise RecordError(f"unreadable Parquet file: {exc}", path=source.where) from None
