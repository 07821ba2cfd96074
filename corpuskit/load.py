"""``load_corpus``: files → readers → records → cleaning, ids, dates, duplicates → Corpus.

Every input file and record ends up in ``Corpus.report``: loaded, duplicate of another document,
or skipped with its reason and location. ``strict=True`` raises on the first bad one instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import warnings
from collections import defaultdict, deque
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._memory import release_memory
from ._progress import wanted
from ._versions import library_versions
from .arabic.normalization import get_normalizer
from .clean import (PartTokens, duplicate_tokens, exact_key, flag_duplicates, minhash_keys_flat,
                    repeated_blocks, shingle_sets, shingles_flat)
from .corpus import DOC_COLUMNS, REPORT_COLUMNS, Corpus
from .engine import get_engine
from .dates import date_from_url, parse_date
from .errors import CorpuskitError, InputError, RecordError, SettingsError
from .limits import DEFAULT_LIMITS, Limits
from .readers import (READERS, ReadContext, Record, Selection, Source, detect_format, discover,
                      expand_source)
from .readers.base import IO_ERRORS, arabic_share, describe_io_error
from .readers.fields import date_kind
from .readers.page import finish_page

__all__ = ["load_corpus"]

_PROGRESS_MIN_FILES = 500
_PROGRESS_MIN_BYTES = 100 * 1024 * 1024


def _doc_hash(title: str, text: str) -> str:
    return hashlib.blake2b(f"{title}\x1f{text}".encode(), digest_size=8).hexdigest()


class _Report:
    def __init__(self, strict: bool):
        self.rows: list[dict[str, Any]] = []
        self.strict = strict

    def skip(self, err: RecordError, source: Source | None = None, fmt: str | None = None) -> None:
        if self.strict and err.status == "skipped":
            raise err
        if source is not None:
            path, member = source.path, source.member
        else:  # errors raised before a source existed name it "archive!member"
            path, _, member = (err.path or "").partition("!")
        self.rows.append({"path": path, "member": member or None, "record": err.where or None,
                          "format": fmt, "encoding": None, "status": err.status,
                          "reason": err.reason, "doc_id": None, "duplicate_of": None,
                          "note": None})

    def loaded(self, source: Source, rec: Record) -> dict[str, Any]:
        row = {"path": source.path, "member": source.member, "record": rec.locator,
               "format": rec.fmt, "encoding": rec.encoding, "status": "loaded", "reason": None,
               "doc_id": None, "duplicate_of": None,
               "note": "; ".join(rec.notes) if rec.notes else None, "_pending": True}
        self.rows.append(row)
        return row

    def take_final(self) -> list[dict[str, Any]]:
        """Remove and return the rows that are settled (all rows before the first record whose
        part is still being processed), for a corpus written to disk as it is read."""
        n = 0
        while n < len(self.rows) and "_pending" not in self.rows[n]:
            n += 1
        out, self.rows = self.rows[:n], self.rows[n:]
        return out


def _flat_paths(paths: tuple) -> tuple[str | Path, ...]:
    """The paths given, a list or tuple of them (``load_corpus(["a.json", "b.json"])``, as
    pandas users write) taken as its items; anything else that is not a path is a clear error."""
    out: list[str | Path] = []
    for p in paths:
        items = p if isinstance(p, (list, tuple)) else [p]
        for q in items:
            if not isinstance(q, (str, Path)) and not hasattr(q, "__fspath__"):
                raise SettingsError(f"load_corpus takes paths (files, folders, archives); got "
                                    f"{type(q).__name__} {q!r:.60}")
            out.append(q)
    return tuple(out)


def load_corpus(*paths: str | Path, format: str | None = None,
                columns: Mapping[str, str] | None = None, strict: bool = False,
                progress: bool | None = None, duplicates: str = "flag",
                near_duplicate_threshold: float = 0.5, min_arabic: float = 0.2,
                include: str | list[str] | None = None, exclude: str | list[str] | None = None,
                documentation_files: bool = False, limits: Limits | None = None,
                out: str | Path | None = None, overwrite: bool = False, part_size: int = 1000,
                engine: Any = None, workers: int | None = None,
                url_dates: bool = True) -> Corpus:
    """Load Arabic news from files, folders and archives into a :class:`Corpus`.

    Args:
        *paths: files, folders (read recursively, in sorted order) and zip/tar archives.
        format: force one reader (``page``, ``json``, ``jsonl``, ``csv``, ``tsv``, ``parquet``,
            ``sgml``, ``html``) instead of choosing by extension and content.
        columns: map corpuskit's fields to the input's names, e.g. ``{"text": "content"}``;
            common names (text/content/body, title/headline, date/published, ...) need no mapping.
        strict: raise :class:`~corpuskit.errors.RecordError` on the first bad file or record
            (naming file and place) instead of skipping and reporting it.
        progress: show a progress bar (on stderr); ``None`` shows one for large loads (500+
            files or 100+ MB) in notebooks and terminals, none when stderr is a file or pipe.
        duplicates: ``"flag"`` (keep them, marked in ``docs.duplicate``/``duplicate_of``) or
            ``"drop"`` (leave them out of ``docs``; the report still lists them).
        near_duplicate_threshold: Jaccard similarity of word 3-shingles above which a document is
            a near duplicate of an earlier one (wire copies with small edits score 0.65-0.85).
        min_arabic: documents whose letters are less than this share Arabic are skipped as
            "not Arabic".
        include, exclude: glob patterns (``"*.json"``, ``"drafts/*"``) matched against file
            names and their paths below the folders given (and inside archives): only files
            matching ``include`` are read, none matching ``exclude``. Both are reported.
        documentation_files: read README*, LICENSE*, CHANGELOG* ... files too (by default they
            are passed over and reported: a README is not an article).
        limits: size, nesting and expansion limits (:class:`~corpuskit.limits.Limits`); what
            passes one is skipped and reported with its size.
        out: write the corpus to this folder (a corpus on disk: Parquet parts of ``part_size``
            documents, the load report, the duplicate keys and a manifest) instead of holding it
            in memory, and return it opened lazily (:class:`~corpuskit.store.DiskCorpus`).
        overwrite: replace a corpus already in ``out`` (a folder that is not a corpuskit corpus
            is never touched).
        part_size: documents per part: the unit of parallel work and of the files on disk.
            Up to twice as many parts as workers are in flight at once, so the load's memory
            grows with it (31,000 articles to disk: peak 1.7 GB with parts of 5,000, 0.8 GB
            with the default 1,000, in the same time).
        engine, workers: where the per-document work runs (:func:`~corpuskit.engine.get_engine`):
            ``"local"`` worker processes (default), ``"serial"``, ``"dask"``, or a Dask
            ``Client``.
        url_dates: a record with no date field whose address spells out a day
            (``/2023/10/14/``, ``-2015-03-12-``, ``/20150312/``: :func:`~corpuskit.dates.date_from_url`)
            is dated by it, with ``date_field`` ``"url"`` (see ``corpus.date_origins()``);
            ``False`` leaves such records undated.

    Returns:
        The corpus; see ``corpus.report`` for what happened to every file and record.
    """
    if format is not None and format not in READERS:
        raise SettingsError(f"format={format!r} is not a reader; choose one of {sorted(READERS)}")
    paths = _flat_paths(paths)
    if duplicates not in ("flag", "drop"):
        raise SettingsError(f"duplicates={duplicates!r}: choose 'flag' or 'drop'")
    if not 0 < near_duplicate_threshold <= 1:
        raise SettingsError("near_duplicate_threshold must be in (0, 1]")
    if not 0 <= min_arabic <= 1:
        raise SettingsError("min_arabic must be between 0 and 1")
    if limits is not None and not isinstance(limits, Limits):
        raise SettingsError("limits= takes a corpuskit.Limits(...)")
    from .parts import check_part_size

    check_part_size(part_size)
    limits = limits or DEFAULT_LIMITS
    as_tuple = (lambda v: (v,) if isinstance(v, str) else tuple(v or ()))
    selection = Selection(include=as_tuple(include), exclude=as_tuple(exclude),
                          documentation_files=documentation_files)
    ctx = ReadContext(columns=dict(columns) if columns else None, limits=limits)
    sources, passed_over = discover(list(paths), selection)
    report = _Report(strict)
    for err in passed_over:
        report.skip(err)

    total_bytes = sum(s.size or 0 for s in sources)
    large = len(sources) >= _PROGRESS_MIN_FILES or total_bytes >= _PROGRESS_MIN_BYTES
    bar = None
    if wanted(progress, large):
        from tqdm.auto import tqdm

        bar = tqdm(total=total_bytes, desc=f"reading {len(sources)} files", unit="B",
                   unit_scale=True, unit_divisor=1024)

    inputs: list[dict[str, Any]] = []

    def records():  # noqa: ANN202 - (record, its report row), in input order
        for src in sources:
            inputs.append(_fingerprint(src))
            for item in expand_source(src, limits=limits):
                if isinstance(item, RecordError):
                    report.skip(item)
                    continue
                # members of archives and the content of .gz files meet include/exclude here
                why = selection.why_not(item.member or item.name) if item is not src else None
                if why:
                    report.skip(RecordError(why, status="passed over"), item)
                    continue
                yield from _read_one(item, format, ctx, report)
            if bar is not None:
                bar.update(src.size or 0)

    settings = {"format": format, "columns": dict(columns) if columns else None,
                "strict": strict, "duplicates": duplicates,
                "near_duplicate_threshold": near_duplicate_threshold,
                "min_arabic": min_arabic, "include": list(selection.include),
                "exclude": list(selection.exclude),
                "documentation_files": documentation_files, "limits": limits.as_dict(),
                "duplicate_normalization": get_normalizer("default").settings.as_dict(),
                "part_size": part_size, "url_dates": url_dates}
    eng = get_engine(engine, workers=workers)   # a wrong engine is refused before any write
    if out is not None:
        from .store import CorpusWriter

        try:
            sink: Any = CorpusWriter(out, overwrite=overwrite)
        except BaseException:
            if eng is not engine:
                eng.close()
            raise
    else:
        sink = _MemorySink()
    pending: deque[list[tuple[Record, dict[str, Any]]]] = deque()

    def parts():  # noqa: ANN202 - the records of each part, page chrome removed
        chunk: list[tuple[Record, dict[str, Any]]] = []
        for pair in _cleaned_pages(records(), report):
            chunk.append(pair)
            if len(chunk) >= part_size:
                pending.append(chunk)
                yield [rec for rec, _ in chunk]
                chunk = []
        if chunk:
            pending.append(chunk)
            yield [rec for rec, _ in chunk]

    ids = _IdRegistry()
    try:
        for result in eng.imap(_process_part, parts(), min_arabic, out is not None,
                                 url_dates):
            chunk = pending.popleft()
            rows = _apply_part(chunk, result, report, ids)
            sink.add(rows, result)
            if out is not None:
                sink.add_report(report.take_final())
    except BaseException:
        if out is not None:
            sink.abandon()
        raise
    finally:
        if eng is not engine:   # what get_engine started for this load
            eng.close()
        if bar is not None:
            bar.close()
    if not sources:
        if out is not None:
            sink.abandon()
        raise InputError(f"nothing to read in {', '.join(map(str, paths))}: no files found"
                         + (f" ({len(passed_over)} files passed over or skipped: "
                            + "; ".join(sorted({e.reason for e in passed_over}))[:300] + ")"
                            if passed_over else ""))
    if sink.n_docs == 0:
        rows = (sink.report_rows() if out is not None else []) + report.rows
        if out is not None:
            sink.abandon()
        raise InputError(
            f"nothing readable in {', '.join(map(str, paths))}: {len(rows)} files or records,"
            " none loaded. See the reasons below, or pass strict=True to stop at the first one:\n"
            + "\n".join(f"  {r['path']}{'!' + r['member'] if r['member'] else ''}"
                        f"{' ' + r['record'] if r['record'] else ''}: {r['reason']}"
                        for r in rows[:10]))
    kind, of, sim = flag_duplicates(sink.dates(), sink.exact(), sink.band, sink.nonempty(),
                                    sink.shingles_of, near_duplicate_threshold,
                                    signatures_of=sink.signatures_of)
    provenance = {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "inputs": inputs,
        "settings": settings,
        "versions": library_versions(),
    }
    if out is not None:
        try:
            sink.add_report(report.take_final())
            done = sink.finish(kind, of, sim, provenance)
        except BaseException:
            sink.abandon()
            raise
        release_memory()   # the parts' rows and keys, freed: not kept by this process
        return done
    return sink.corpus(report, kind, of, sim, duplicates, provenance)


def _read_one(src: Source, format: str | None, ctx: ReadContext,
              report: _Report) -> Iterator[tuple[Record, dict[str, Any]]]:
    try:
        fmt = format or detect_format(src)
    except RecordError as exc:
        report.skip(exc, src)
        return
    except IO_ERRORS as exc:
        report.skip(RecordError(describe_io_error(exc), path=src.where), src)
        return
    n = 0
    max_chars = ctx.limits.max_record_chars
    try:
        for item in READERS[fmt](src, ctx):
            n += 1
            if isinstance(item, RecordError):
                report.skip(item, src, fmt)
                continue
            size = len(item.text) + len(str(item.canonical.get("title") or ""))
            if size > max_chars:
                report.skip(RecordError(
                    f"record too large ({size:,} characters; the limit is Limits("
                    f"max_record_chars={max_chars:,}))", path=src.where, where=item.locator),
                    src, fmt)
                continue
            if item.damaged and report.strict:
                raise RecordError("; ".join(item.notes), path=src.where, where=item.locator)
            yield item, report.loaded(src, item)
    except SettingsError:
        raise
    except RecordError as exc:
        report.skip(exc, src, fmt)
        return
    except CorpuskitError:
        raise
    except IO_ERRORS as exc:  # damaged input found while streaming it: the rest is unreadable
        after = f" after {n} records" if n else ""
        report.skip(RecordError(f"{describe_io_error(exc)}{after}; the rest of the file could "
                                "not be read", path=src.where), src, fmt)
        return
    except RecursionError:
        report.skip(RecordError("nested too deeply to read", path=src.where), src, fmt)
        return
    except MemoryError:
        report.skip(RecordError("too large to read into memory", path=src.where), src, fmt)
        return
    except Exception as exc:
        # A reader met something nobody foresaw: that is a bug, not bad input. It is reported
        # with its own status (never a quiet "skipped"), warned about, and raised under strict.
        reason = (f"reader error (a bug in corpuskit's {fmt} reader; please report it): "
                  f"{type(exc).__name__}: {exc}")
        if report.strict:
            raise RecordError(reason, path=src.where) from exc
        warnings.warn(f"{src.where}: {reason}", RuntimeWarning, stacklevel=3)
        report.skip(RecordError(reason, path=src.where, status="error"), src, fmt)
        return
    if n == 0:
        report.skip(RecordError("no records in this file", path=src.where), src, fmt)


_CHROME_SAMPLE = 2000   # a site's chrome is learned from its first pages, this many at most
_HOLD_MAX = 20_000      # records held back, at most, while sites' chrome is still being learned


def _cleaned_pages(pairs: Iterator[tuple[Record, dict[str, Any]]],
                   report: _Report) -> Iterator[tuple[Record, dict[str, Any]]]:
    """The records in input order, scraped pages with their site's chrome removed.

    A site's chrome (menus, footers: blocks repeated on most of its pages) is learned from its
    first ``_CHROME_SAMPLE`` pages; records are held back until the pages before them are
    decided (at most ``_HOLD_MAX``, after which every site decides on the pages it has). The
    result depends on the input and these constants only, not on how the corpus is split into
    parts or where the work runs.
    """
    buffer: deque[tuple[Record, dict[str, Any]]] = deque()
    seen: dict[str, list[Record]] = defaultdict(list)
    chrome: dict[str, frozenset[str]] = {}

    def site(rec: Record) -> str | None:
        return str(rec.canonical.get("source")) if rec.fmt == "page" else None

    def decide(s: str) -> None:
        chrome[s] = repeated_blocks([r.text.split("\n\n") for r in seen.pop(s, [])])

    def ready() -> Iterator[tuple[Record, dict[str, Any]]]:
        while buffer:
            s = site(buffer[0][0])
            if s is not None and s not in chrome:
                return
            rec, row = buffer.popleft()
            if s is not None:
                repeated = chrome[s]
                try:
                    finish_page(rec, repeated)
                except RecordError as exc:
                    row.pop("_pending", None)
                    row.update(status="skipped", reason=exc.reason)
                    if report.strict:
                        raise RecordError(exc.reason, path=_where(row),
                                          where=row["record"]) from None
                    continue
                if repeated:
                    rec.extra["chrome_lines_removed"] = len(repeated)
            yield rec, row

    for rec, row in pairs:
        buffer.append((rec, row))
        s = site(rec)
        if s is not None and s not in chrome:
            seen[s].append(rec)
            if len(seen[s]) >= _CHROME_SAMPLE:
                decide(s)
        if len(buffer) > _HOLD_MAX:
            for s in list(seen):
                decide(s)
        yield from ready()
    for s in list(seen):
        decide(s)
    yield from ready()


def _where(row: dict[str, Any]) -> str:
    return row["path"] + (f"!{row['member']}" if row["member"] else "")


_CONTENT = re.compile(r"[^\W_]", re.UNICODE)


def _has_content(text: str) -> bool:
    """True when ``text`` has a letter or digit other than tatweel (a stretching mark)."""
    return _CONTENT.search(text.replace("\u0640", "")) is not None


def _fingerprint(src: Source) -> dict[str, Any]:
    h = hashlib.blake2b(digest_size=16)
    size = 0
    try:
        with src.opener() as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
                size += len(chunk)
    except OSError as exc:
        return {"path": src.where, "error": str(exc)}
    return {"path": src.where, "bytes": size, "blake2b": h.hexdigest()}


# ---------------------------------------------------------------------------------------------
# Parts: the work on each part of the corpus runs in worker processes (or on Dask); the main
# process reads the input, hands out parts, and puts their results together in input order.

def _process_part(recs: list[Record], min_arabic: float,
                  keep_tokens: bool = False, url_dates: bool = False) -> dict[str, Any]:
    """Everything per document that does not need the rest of the corpus: cleaning, the content
    and language checks, the document row and the duplicate keys (exact key, MinHash signature
    and band keys). ``keep_tokens`` (a corpus on disk): also the part's words as integer ids
    (:class:`~corpuskit.clean.PartTokens`), so that counting them later does not tokenize the
    text again; in memory tokens are not kept: ``corpus.tokens()`` makes them when asked."""
    cache = PartTokens() if keep_tokens else None
    skipped: dict[int, str] = {}
    rows: list[dict[str, Any]] = []
    bases: list[str] = []
    exact: list[bytes] = []
    words_all: list[list[str]] = []
    dates: list[int] = []
    for i, rec in enumerate(recs):
        title = str(rec.canonical.get("title") or "").strip()
        text = rec.text.strip()
        if not _has_content(text):
            skipped[i] = ("empty text" if not text else
                          "empty text (no letters or digits: only tatweel, punctuation or symbols)")
            continue
        share = arabic_share(f"{title} {text}")
        if share < min_arabic:
            skipped[i] = f"not Arabic ({share:.0%} of letters are Arabic; min_arabic={min_arabic})"
            continue
        bases.append(_doc_hash(title, text))
        raw_date = rec.canonical.get("date")
        date_field = rec.origin.get("date") if raw_date is not None else None
        date = parse_date(raw_date)
        if raw_date is None and url_dates:   # no date field: the page's address, if it has one
            date = date_from_url(rec.canonical.get("url"))
            if date is not None:
                raw_date, date_field = rec.canonical["url"], "url"
        dates.append(_NAT if date is None else _ns(date))
        rows.append({
            "doc_id": None,
            "date": date,
            "source": rec.canonical.get("source"),
            "title": title or None,
            "text": text,
            "url": rec.canonical.get("url"),
            "author": rec.canonical.get("author"),
            "path": None,
            "record": rec.locator,
            "format": rec.fmt,
            "date_raw": None if raw_date is None else str(raw_date),
            "date_field": date_field,
            "date_kind": None if date_field is None else date_kind(date_field),
            "source_field": rec.origin.get("source") if rec.canonical.get("source") else None,
            **rec.extra,
        })
        if cache is not None:
            cache.add(title, text)
            continue
        body, words = duplicate_tokens(title, text)
        exact.append(exact_key(" ".join(body)))
        words_all.append(words)
    if cache is not None:   # the part's words kept: duplicate keys from its word types
        exact_keys, flat, sizes = cache.duplicate_keys()
    else:
        exact_keys = np.array(exact, dtype="S16")
        flat, sizes = shingles_flat(words_all, unique=False)
    sigs, bands = minhash_keys_flat(flat, sizes)
    return {"skipped": skipped, "rows": rows, "bases": bases,
            "exact": exact_keys, "bands": bands, "sigs": sigs,
            "nonempty": sizes > 0,
            "dates": np.array(dates, dtype=np.int64).view("datetime64[ns]"),
            "tokens": cache.arrays() if cache is not None else None}


_NAT = np.datetime64("NaT", "ns").view(np.int64)


def _ns(ts: pd.Timestamp) -> int:
    try:
        return int(pd.Timestamp(ts).as_unit("ns").value)
    except (OverflowError, ValueError):  # outside 1677-2262: ordered as undated
        return int(_NAT)


def _apply_part(chunk: list[tuple[Record, dict[str, Any]]], result: dict[str, Any],
                report: _Report, ids: _IdRegistry) -> list[dict[str, Any]]:
    """Put a part's result into the report (skips, doc ids) and its rows (ids, paths)."""
    skipped = result["skipped"]
    rows = result["rows"]
    doc_ids = ids.assign(result["bases"])
    k = 0
    for i, (_, row) in enumerate(chunk):
        row.pop("_pending", None)
        if i in skipped:
            row.update(status="skipped", reason=skipped[i])
            if report.strict:
                raise RecordError(skipped[i], path=_where(row), where=row["record"] or "")
            continue
        row["doc_id"] = doc_ids[k]
        rows[k]["doc_id"] = doc_ids[k]
        rows[k]["path"] = _where(row)
        k += 1
    return rows


class _IdRegistry:
    """Document ids are content hashes; a second document with the same title and text gets
    ``-2``, a third ``-3`` ... in input order. The hashes seen are kept as a sorted NumPy array
    (8 bytes a document), not a dict of strings."""

    def __init__(self) -> None:
        self.seen = np.zeros(0, dtype=np.uint64)
        self.again: dict[str, int] = {}

    def assign(self, bases: list[str]) -> list[str]:
        h = np.array([int(b, 16) for b in bases], dtype=np.uint64)
        pos = np.searchsorted(self.seen, h)
        known = (pos < len(self.seen)) & (self.seen[np.minimum(pos, len(self.seen) - 1)] == h) \
            if len(self.seen) else np.zeros(len(h), bool)
        out = []
        fresh: set[str] = set()
        for b, old in zip(bases, known):
            if old or b in fresh:
                n = self.again.get(b, 1) + 1
                self.again[b] = n
                out.append(f"{b}-{n}")
            else:
                fresh.add(b)
                out.append(b)
        if fresh:
            self.seen = np.union1d(self.seen, np.array([int(b, 16) for b in fresh], np.uint64))
        return out


class _MemorySink:
    """Collects the parts of a corpus loaded into memory."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.parts: list[dict[str, Any]] = []

    @property
    def n_docs(self) -> int:
        return len(self.rows)

    def add(self, rows: list[dict[str, Any]], result: dict[str, Any]) -> None:
        self.rows += rows
        del result["rows"], result["skipped"], result["bases"]
        self.parts.append(result)

    def _cat(self, key: str) -> np.ndarray:
        return np.concatenate([p[key] for p in self.parts])

    def dates(self) -> np.ndarray:
        return self._cat("dates")

    def exact(self) -> np.ndarray:
        return self._cat("exact")

    def nonempty(self) -> np.ndarray:
        return self._cat("nonempty")

    def band(self, b: int) -> np.ndarray:
        return np.concatenate([p["bands"][b] for p in self.parts])

    def signatures_of(self, positions: np.ndarray) -> np.ndarray:
        if "sigs" not in self.__dict__:   # put together once, not for every chunk of pairs
            self.__dict__["sigs"] = self._cat("sigs")
        return self.__dict__["sigs"][positions]

    def shingles_of(self, positions: list[int]) -> dict[int, np.ndarray]:
        words = [duplicate_tokens(self.rows[i]["title"], self.rows[i]["text"])[1]
                 for i in positions]
        return dict(zip(positions, shingle_sets(words)))

    def corpus(self, report: _Report, kind: np.ndarray, of: np.ndarray, sim: np.ndarray,
               duplicates: str, provenance: dict[str, Any]) -> Corpus:
        docs = pd.DataFrame(self.rows)
        docs["date"] = pd.to_datetime(docs["date"])
        names = np.array([None, "exact", "near"], dtype=object)
        doc_ids = docs["doc_id"].to_numpy()
        docs["duplicate"] = names[kind]
        docs["duplicate_of"] = np.where(of >= 0, doc_ids[np.maximum(of, 0)], None)
        docs["duplicate_similarity"] = sim
        front = [c for c in DOC_COLUMNS if c in docs.columns]
        docs = docs[front + [c for c in docs.columns if c not in front]]
        by_id = {r["doc_id"]: r for r in report.rows if r["doc_id"] is not None}
        for i in np.flatnonzero(kind):
            row = by_id[doc_ids[i]]
            row["status"] = "duplicate" if kind[i] == 1 else "near_duplicate"
            row["duplicate_of"] = doc_ids[of[i]]
        if duplicates == "drop":
            keep = kind == 0
            docs = docs[keep].reset_index(drop=True)
        rep = pd.DataFrame(report.rows, columns=REPORT_COLUMNS)
        return Corpus(docs, rep, provenance)
