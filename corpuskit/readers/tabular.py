"""Readers for structured exports: JSON, JSON Lines, CSV/TSV and Parquet.

All of them stream: JSON Lines and CSV line by line (each line decoded on its own, lines of
unbounded length refused), JSON arrays past ``Limits.json_in_memory_bytes`` record by record with
ijson, Parquet one row group at a time. Memory does not grow with the size of a file.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import RecordError, SettingsError
from .base import Decoded, Line, ReadContext, Record, Source, decode, iter_lines, register
from .fields import record_from_mapping, resolve_columns

__all__ = ["read_json", "read_jsonl", "read_csv", "read_tsv", "read_parquet"]

# An object that holds the records under one of these keys (or its only list of objects).
_CONTAINER_KEYS = ("articles", "documents", "docs", "records", "items", "data", "results", "rows")
_RESOLVE_AFTER = 1000  # field names are recognized from the first records, then extended


class _Fields:
    """Recognizes the canonical fields from the names seen so far; names that first appear in a
    later record extend the mapping (sparse exports), and fields resolved earlier stay."""

    def __init__(self, ctx: ReadContext, where: str):
        self.ctx, self.where = ctx, where
        self.seen: dict[str, None] = {}
        self.mapping: dict[str, str] = {}

    def see(self, obj: dict[str, Any]) -> None:
        new = [k for k in obj if k not in self.seen]
        if new or not self.seen:
            self.seen.update(dict.fromkeys(map(str, obj)))
            self.mapping = {**resolve_columns(list(self.seen), self.ctx.columns, self.where),
                            **self.mapping}


def _records(items: Iterable[tuple[str, Any]], source: Source, ctx: ReadContext, fmt: str,
             encoding: str | None) -> Iterator[Record | RecordError]:
    """Records from ``(locator, object)`` pairs: the first ones are buffered so that field names
    are recognized from all of them, not from the first record alone."""
    fields = _Fields(ctx, source.where)
    buffer: list[tuple[str, Any]] = []
    it = iter(items)
    for pair in it:
        buffer.append(pair)
        if isinstance(pair[1], dict):
            fields.seen.update(dict.fromkeys(map(str, pair[1])))
        if len(buffer) >= _RESOLVE_AFTER:
            break
    if fields.seen:  # no object yet: the first one met resolves the mapping (see)
        fields.mapping = resolve_columns(list(fields.seen), ctx.columns, source.where)
    for locator, obj in _chain(buffer, it):
        if isinstance(obj, RecordError):
            yield obj
            continue
        if not isinstance(obj, dict):
            yield RecordError(f"malformed record: a JSON {type(obj).__name__}, not an object",
                              path=source.where, where=locator)
            continue
        fields.see(obj)
        try:
            rec = record_from_mapping(obj, fields.mapping, locator=locator, fmt=fmt,
                                      where=source.where, max_depth=ctx.limits.max_depth)
        except RecordError as exc:
            yield exc
            continue
        rec.encoding = rec.encoding or encoding
        yield rec


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest


# ---------------------------------------------------------------------------------------------
# JSON

@register("json")
def read_json(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """A JSON file holding an array of objects, an object holding such an array, or one object.

    Files up to ``Limits.json_in_memory_bytes`` are parsed at once; larger ones are streamed.
    A JSON Lines file saved as ``.json`` is read as JSON Lines.
    """
    limits = ctx.limits
    if source.size is None or source.size > limits.json_in_memory_bytes:
        with source.open() as fh:
            head = fh.read(limits.json_in_memory_bytes + 1)
        if len(head) > limits.json_in_memory_bytes:
            yield from _json_streamed(source, ctx)
            return
        data_bytes = head
    else:
        data_bytes = source.read_bytes(limits.max_file_bytes)
    dec = decode(data_bytes, source.where)
    text = dec.text
    try:
        data = json.loads(text)
    except RecursionError:
        raise RecordError(f"JSON nested too deeply (more than Python can parse; the limit for "
                          f"records is Limits.max_depth={limits.max_depth})",
                          path=source.where) from None
    except json.JSONDecodeError as exc:
        if _first_line_parses(text):
            yield from _jsonl(_lines_of(text, dec), source, ctx)
            return
        raise RecordError(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                          path=source.where) from None
    data = _container(data)
    if not isinstance(data, list):
        raise RecordError(f"JSON holds a {type(data).__name__}, not records", path=source.where)
    for item in _records(((f"record {i}", o) for i, o in enumerate(data, 1)), source, ctx,
                         "json", dec.encoding):
        if dec.note and isinstance(item, Record):
            item.notes.append(dec.note)
            item.damaged = True
        yield item


def _first_line_parses(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    try:
        json.loads(first)
    except (json.JSONDecodeError, RecursionError):
        return False
    return "\n" in text.strip()


def _lines_of(text: str, dec: Decoded) -> Iterator[Line]:
    """Lines of an already decoded file; its repair note goes to the lines that hold a
    replacement character (or to line 1 when none does)."""
    marked = dec.note is not None and "\ufffd" in text
    for i, ln in enumerate(text.split("\n"), 1):
        hit = dec.note is not None and (("\ufffd" in ln) if marked else i == 1)
        yield Line(i, ln, dec.encoding, dec.note if hit else None,
                   damaged=bool(hit and dec.damaged))


def _container(data: Any) -> Any:
    if isinstance(data, dict):
        lists = [k for k, v in data.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
        preferred = [k for k in _CONTAINER_KEYS if k in lists]
        if preferred or len(lists) == 1:
            return data[(preferred or lists)[0]]
        return [data]
    return data


class _Utf8Stream(io.RawIOBase):
    """A binary stream re-encoded to UTF-8, for ijson (which reads UTF-8 bytes only)."""

    def __init__(self, text: io.TextIOBase):
        self.text, self.buf = text, b""

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while len(self.buf) < len(b):
            chunk = self.text.read(65536)
            if not chunk:
                break
            self.buf += chunk.encode("utf-8")
        n = min(len(b), len(self.buf))
        b[:n] = self.buf[:n]
        self.buf = self.buf[n:]
        return n


@contextlib.contextmanager
def _utf8_bytes(source: Source) -> Iterator[Any]:
    """The source as UTF-8 bytes (re-encoded from UTF-16 or a code page when need be)."""
    with source.open() as fh:
        head = fh.read(65536)
    try:  # incremental: a character cut by the end of the head is not an error
        codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) < 65536)
        utf8 = not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    except UnicodeDecodeError:
        utf8 = False
    with source.open() as fh:
        if utf8:
            if head.startswith(codecs.BOM_UTF8):
                fh.read(len(codecs.BOM_UTF8))
            yield fh
        else:
            enc = decode(head, source.where).encoding
            yield io.BufferedReader(_Utf8Stream(io.TextIOWrapper(fh, encoding=enc,
                                                                 errors="replace")))


def _json_streamed(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    import ijson

    prefix = _stream_prefix(source)
    if prefix is None:
        raise RecordError("JSON too large to read at once and not an array of records (or an "
                          "object holding one)", path=source.where)
    n = 0

    def objects() -> Iterator[tuple[str, Any]]:
        nonlocal n
        with _utf8_bytes(source) as fh:
            try:
                for obj in ijson.items(fh, prefix, use_float=True):
                    n += 1
                    yield f"record {n}", obj
            except ijson.common.IncompleteJSONError as exc:
                yield (f"record {n + 1}", RecordError(
                    f"malformed or truncated JSON after record {n}: {str(exc)[:200]}",
                    path=source.where, where=f"record {n + 1}"))

    yield from _records(objects(), source, ctx, "json", "utf-8")


def _stream_prefix(source: Source) -> str | None:
    """Where the records are in a large JSON file: ``item`` (an array) or ``key.item``."""
    import ijson

    with _utf8_bytes(source) as fh:
        try:
            depth_key = None
            for prefix, event, value in ijson.parse(fh):
                if prefix == "" and event == "start_array":
                    return "item"
                if prefix == "" and event == "start_map":
                    continue
                if event == "map_key" and prefix == "":
                    depth_key = value
                    continue
                if depth_key is not None and prefix == depth_key:
                    if event == "start_array":
                        return f"{depth_key}.item"
                    depth_key = None
        except ijson.common.IncompleteJSONError:
            return None
    return None


# ---------------------------------------------------------------------------------------------
# JSON Lines

def _jsonl(lines: Iterable[Line], source: Source, ctx: ReadContext
           ) -> Iterator[Record | RecordError]:
    notes: dict[str, tuple[str, str, bool]] = {}

    def objects() -> Iterator[tuple[str, Any]]:
        for line in lines:
            locator = f"line {line.number}"
            if line.error is not None:
                yield locator, RecordError(line.error, path=source.where, where=locator)
                continue
            if not line.text or not line.text.strip():
                continue
            try:
                obj = json.loads(line.text)
            except json.JSONDecodeError as exc:
                yield locator, RecordError(_json_problem(exc, line.text), path=source.where,
                                           where=locator)
                continue
            except RecursionError:
                yield locator, RecordError("JSON record nested too deeply", path=source.where,
                                           where=locator)
                continue
            if line.note or line.encoding != "utf-8":
                notes[locator] = (line.note or "", line.encoding, line.damaged)
            yield locator, obj

    for item in _records(objects(), source, ctx, "jsonl", "utf-8"):
        if isinstance(item, Record) and item.locator in notes:
            note, enc, damaged = notes.pop(item.locator)
            item.encoding = enc
            if note:
                item.notes.append(note)
                item.damaged = item.damaged or damaged
        yield item


def _json_problem(exc: json.JSONDecodeError, line: str) -> str:
    body = line.rstrip("\r\n")
    if exc.pos >= len(body.rstrip()) - 1 or "Unterminated" in exc.msg:
        return (f"truncated JSON record: it stops at column {len(body)} before the object closes "
                f"({exc.msg})")
    return f"malformed JSON record at column {exc.colno}: {exc.msg}"


@register("jsonl")
def read_jsonl(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """JSON Lines: one object per line, streamed; a bad line is reported and the rest still read."""
    yield from _jsonl(iter_lines(source, ctx.limits), source, ctx)


# ---------------------------------------------------------------------------------------------
# CSV / TSV

@contextlib.contextmanager
def _field_size_limit(n: int) -> Iterator[None]:
    """Raise csv's process-wide field size limit for one file, and restore it after."""
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, n))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _read_delimited(source: Source, ctx: ReadContext, delimiter: str | None, fmt: str
                    ) -> Iterator[Record | RecordError]:
    lines = iter_lines(source, ctx.limits)
    state = {"line": 0, "encoding": "utf-8"}
    problems: list[RecordError] = []
    notes: dict[int, tuple[str, bool]] = {}

    def texts() -> Iterator[str]:
        for ln in lines:
            state["line"] = ln.number
            state["encoding"] = ln.encoding
            if ln.error is not None:
                problems.append(RecordError(ln.error, path=source.where,
                                            where=f"line {ln.number}"))
                continue
            if ln.note:
                notes[ln.number] = (ln.note, ln.damaged)
            yield ln.text + "\n"

    stream = texts()
    first = next(stream, None)
    if first is None:
        raise RecordError("empty file", path=source.where)
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(first, delimiters=",\t;|").delimiter
        except csv.Error:
            delimiter = ","
    with _field_size_limit(ctx.limits.max_record_chars * 2):
        reader = csv.reader(_chain([first], stream), delimiter=delimiter)
        try:
            header = next(reader)
        except csv.Error as exc:
            raise RecordError(f"malformed {fmt.upper()} header: {exc}", path=source.where) from None
        except StopIteration:
            raise RecordError("empty file", path=source.where) from None
        header = [h.strip().lstrip("\ufeff") for h in header]
        mapping = resolve_columns(header, ctx.columns, source.where)
        while True:
            start = state["line"] + 1
            row: list[str] | None = None
            bad: RecordError | None = None
            try:
                row = next(reader)
            except StopIteration:
                pass
            except csv.Error as exc:
                bad = RecordError(f"malformed row: {exc}", path=source.where,
                                  where=f"line {state['line']}")
            while problems:  # lines that could not be read, in order, before what follows them
                yield problems.pop(0)
            if bad is not None:
                yield bad
                continue
            if row is None:
                break
            locator = f"line {start}" if start == state["line"] else \
                f"lines {start}-{state['line']}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield RecordError(f"malformed row: {len(row)} fields where the header has "
                                  f"{len(header)}", path=source.where, where=locator)
                continue
            try:
                rec = record_from_mapping(dict(zip(header, row)), mapping, locator=locator,
                                          fmt=fmt, where=source.where,
                                          max_depth=ctx.limits.max_depth)
            except RecordError as exc:
                yield exc
                continue
            rec.encoding = state["encoding"]
            damage = [notes.pop(n) for n in range(start, state["line"] + 1) if n in notes]
            if damage:
                rec.notes += [note for note, _ in damage]
                rec.damaged = rec.damaged or any(d for _, d in damage)
            yield rec


@register("csv")
def read_csv(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """CSV with a header row (delimiter sniffed among , ; | and tab); quoted newlines allowed."""
    yield from _read_delimited(source, ctx, None, "csv")


@register("tsv")
def read_tsv(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """Tab-separated values with a header row."""
    yield from _read_delimited(source, ctx, "\t", "tsv")


# ---------------------------------------------------------------------------------------------
# Parquet

# Columns that corpuskit itself derives when it writes a corpus file: recomputed on loading.
_DERIVED = frozenset({"doc_id", "record", "format", "date_raw", "duplicate", "duplicate_of",
                      "duplicate_similarity", "chrome_lines_removed", "_paragraphs",
                      "_sentences", "date_field", "date_kind", "source_field"})


@register("parquet")
def read_parquet(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """A Parquet table, read one row group at a time.

    A corpus file written by corpuskit (``Corpus.to_parquet``) loads as its documents: the
    columns corpuskit derives (ids, duplicate flags, unit spans) are computed afresh, and each
    document's first path is kept as ``original_path``; so corpus files can be merged. Binary
    columns holding UTF-8 text are decoded.
    """
    import pyarrow.parquet as pq

    try:
        with source.open() as fh:
            pf = pq.ParquetFile(io.BytesIO(fh.read(ctx.limits.max_file_bytes)) if source.member
                                else fh)
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
                                                  fmt="parquet", where=source.where,
                                                  max_depth=ctx.limits.max_depth)
                    except RecordError as exc:
                        yield exc
    except (OSError, ValueError) as exc:
        if isinstance(exc, SettingsError):
            raise
        raise RecordError(f"unreadable Parquet file: {exc}", path=source.where) from None
