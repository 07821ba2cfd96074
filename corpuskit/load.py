"""``load_corpus``: files → readers → records → cleaning, ids, dates, duplicates → Corpus.

Every input file and record ends up in ``Corpus.report``: loaded, duplicate of another document,
or skipped with its reason and location. ``strict=True`` raises on the first bad one instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import warnings
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ._progress import wanted
from ._versions import library_versions
from .arabic.normalization import get_normalizer
from .clean import find_duplicates, repeated_blocks
from .corpus import DOC_COLUMNS, REPORT_COLUMNS, Corpus
from .dates import parse_date
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
               "note": "; ".join(rec.notes) if rec.notes else None}
        self.rows.append(row)
        return row


def load_corpus(*paths: str | Path, format: str | None = None,
                columns: Mapping[str, str] | None = None, strict: bool = False,
                progress: bool | None = None, duplicates: str = "flag",
                near_duplicate_threshold: float = 0.5, min_arabic: float = 0.2,
                include: str | list[str] | None = None, exclude: str | list[str] | None = None,
                documentation_files: bool = False, limits: Limits | None = None) -> Corpus:
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

    Returns:
        The corpus; see ``corpus.report`` for what happened to every file and record.
    """
    if format is not None and format not in READERS:
        raise SettingsError(f"format={format!r} is not a reader; choose one of {sorted(READERS)}")
    if duplicates not in ("flag", "drop"):
        raise SettingsError(f"duplicates={duplicates!r}: choose 'flag' or 'drop'")
    if not 0 < near_duplicate_threshold <= 1:
        raise SettingsError("near_duplicate_threshold must be in (0, 1]")
    if not 0 <= min_arabic <= 1:
        raise SettingsError("min_arabic must be between 0 and 1")
    if limits is not None and not isinstance(limits, Limits):
        raise SettingsError("limits= takes a corpuskit.Limits(...)")
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

    loaded: list[tuple[Record, dict[str, Any]]] = []
    inputs: list[dict[str, Any]] = []
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
            _read_one(item, format, ctx, report, loaded)
        if bar is not None:
            bar.update(src.size or 0)
    if bar is not None:
        bar.close()
    if not sources:
        raise InputError(f"nothing to read in {', '.join(map(str, paths))}: no files found"
                         + (f" ({len(passed_over)} files passed over or skipped: "
                            + "; ".join(sorted({e.reason for e in passed_over}))[:300] + ")"
                            if passed_over else ""))

    _finish_pages(loaded, report)
    docs = _build_docs(loaded, report, min_arabic)
    if docs.empty:
        raise InputError(
            f"nothing readable in {', '.join(map(str, paths))}: {len(report.rows)} files or records,"
            " none loaded. See the reasons below, or pass strict=True to stop at the first one:\n"
            + "\n".join(f"  {r['path']}{'!' + r['member'] if r['member'] else ''}"
                        f"{' ' + r['record'] if r['record'] else ''}: {r['reason']}"
                        for r in report.rows[:10]))
    docs, tokens = _flag_duplicates(docs, near_duplicate_threshold)
    by_id = {r["doc_id"]: r for r in report.rows if r["doc_id"] is not None}
    for doc_id, kind, of in zip(docs["doc_id"], docs["duplicate"], docs["duplicate_of"]):
        if kind is not None and kind == kind:
            row = by_id[doc_id]
            row["status"] = "duplicate" if kind == "exact" else "near_duplicate"
            row["duplicate_of"] = of
    if duplicates == "drop":
        keep = docs["duplicate"].isna().to_numpy()
        docs, tokens = docs[keep].reset_index(drop=True), tokens[keep]

    provenance = {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "inputs": inputs,
        "settings": {"format": format, "columns": dict(columns) if columns else None,
                     "strict": strict, "duplicates": duplicates,
                     "near_duplicate_threshold": near_duplicate_threshold,
                     "min_arabic": min_arabic, "include": list(selection.include),
                     "exclude": list(selection.exclude),
                     "documentation_files": documentation_files, "limits": limits.as_dict(),
                     "duplicate_normalization": get_normalizer("default").settings.as_dict()},
        "versions": library_versions(),
    }
    rep = pd.DataFrame(report.rows, columns=REPORT_COLUMNS)
    corpus = Corpus(docs, rep, provenance)
    corpus._tokens[get_normalizer("default").settings] = tokens
    return corpus


def _read_one(src: Source, format: str | None, ctx: ReadContext, report: _Report,
              loaded: list[tuple[Record, dict[str, Any]]]) -> None:
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
            loaded.append((item, report.loaded(src, item)))
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


def _finish_pages(loaded: list[tuple[Record, dict[str, Any]]], report: _Report) -> None:
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, (rec, _) in enumerate(loaded):
        if rec.fmt == "page":
            by_source[str(rec.canonical.get("source"))].append(i)
    failed: set[int] = set()
    for idx in by_source.values():
        repeated = repeated_blocks([loaded[i][0].text.split("\n\n") for i in idx])
        for i in idx:
            rec, row = loaded[i]
            try:
                finish_page(rec, repeated)
            except RecordError as exc:
                failed.add(i)
                row.update(status="skipped", reason=exc.reason)
                if report.strict:
                    raise RecordError(exc.reason, path=_where(row), where=row["record"]) from None
            if repeated:
                rec.extra["chrome_lines_removed"] = len(repeated)
    if failed:
        loaded[:] = [x for i, x in enumerate(loaded) if i not in failed]


def _build_docs(loaded: list[tuple[Record, dict[str, Any]]], report: _Report,
                min_arabic: float) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for rec, row in loaded:
        title = str(rec.canonical.get("title") or "").strip()
        text = rec.text.strip()
        if not _has_content(text):
            reason = "empty text" if not text else \
                "empty text (no letters or digits: only tatweel, punctuation or symbols)"
            row.update(status="skipped", reason=reason)
            if report.strict:
                raise RecordError(reason, path=_where(row), where=row["record"] or "")
            continue
        share = arabic_share(f"{title} {text}")
        if share < min_arabic:
            reason = f"not Arabic ({share:.0%} of letters are Arabic; min_arabic={min_arabic})"
            row.update(status="skipped", reason=reason)
            if report.strict:
                raise RecordError(reason, path=_where(row), where=row["record"] or "")
            continue
        base = _doc_hash(title, text)
        seen[base] = seen.get(base, 0) + 1
        doc_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        row["doc_id"] = doc_id
        raw_date = rec.canonical.get("date")
        date_field = rec.origin.get("date") if raw_date is not None else None
        rows.append({
            "doc_id": doc_id,
            "date": parse_date(raw_date),
            "source": rec.canonical.get("source"),
            "title": title or None,
            "text": text,
            "url": rec.canonical.get("url"),
            "author": rec.canonical.get("author"),
            "path": row["path"] + (f"!{row['member']}" if row["member"] else ""),
            "record": rec.locator,
            "format": rec.fmt,
            "date_raw": None if raw_date is None else str(raw_date),
            "date_field": date_field,
            "date_kind": None if date_field is None else date_kind(date_field),
            "source_field": rec.origin.get("source") if rec.canonical.get("source") else None,
            **rec.extra,
        })
    docs = pd.DataFrame(rows)
    if docs.empty:
        return docs
    docs["date"] = pd.to_datetime(docs["date"])
    front = [c for c in DOC_COLUMNS if c in docs.columns and c not in ("duplicate", "duplicate_of")]
    return docs[front + [c for c in docs.columns if c not in front]]


def _where(row: dict[str, Any]) -> str:
    return row["path"] + (f"!{row['member']}" if row["member"] else "")


_CONTENT = re.compile(r"[^\W_]", re.UNICODE)


def _has_content(text: str) -> bool:
    """True when ``text`` has a letter or digit other than tatweel (a stretching mark)."""
    return _CONTENT.search(text.replace("\u0640", "")) is not None


def _flag_duplicates(docs: pd.DataFrame, threshold: float) -> tuple[pd.DataFrame, pd.Series]:
    norm = get_normalizer("default")
    titles = docs["title"].fillna("")
    # Title and body are tokenized apart: the body's tokens are the exact-duplicate key (a copy
    # may carry another headline), all words together feed the near-duplicate test, and the full
    # token lists are handed to the corpus' cache so that nothing is tokenized twice.
    body = [norm.tokens(x) for x in docs["text"]]
    full = [norm.tokens(t) + b if t else b for t, b in zip(titles, body)]
    words = [[w for w in f if len(w) > 1 or w.isalnum()] for f in full]
    keys = [" ".join(b) for b in body]
    flags = find_duplicates(keys, list(docs["doc_id"]), tokens=words, dates=list(docs["date"]),
                            threshold=threshold)
    docs = docs.copy()
    docs["duplicate"] = flags["duplicate"].to_numpy()
    docs["duplicate_of"] = flags["duplicate_of"].to_numpy()
    docs["duplicate_similarity"] = flags["similarity"].to_numpy()
    front = [c for c in DOC_COLUMNS if c in docs.columns]
    tokens = pd.Series(full, index=docs["doc_id"], name="tokens")
    return docs[front + [c for c in docs.columns if c not in front]], tokens


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
