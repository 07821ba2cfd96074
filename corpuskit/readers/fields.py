"""Recognizing the common field names of news exports, and turning a raw record into a Record."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from ..errors import RecordError, SettingsError
from .base import Record

__all__ = ["CANONICAL", "FIELD_NAMES", "resolve_columns", "record_from_mapping", "date_kind"]

CANONICAL = ("text", "title", "date", "source", "url", "author")

# Candidates in priority order (compared case-insensitively, with "-" and " " read as "_").
# date_extracted and crawl times come last: they are when a page was fetched, not published.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "article_text", "articletext", "story",
             "full_text", "fulltext", "maintext", "main_text", "article_body", "articlebody",
             "النص", "نص", "المحتوى", "محتوى"),
    "title": ("title", "headline", "head", "heading", "header", "subject", "العنوان", "عنوان"),
    "date": ("date", "published", "date_published", "published_date", "publish_date",
             "publication_date", "pubdate", "pub_date", "published_at", "datetime", "time",
             "timestamp", "created", "created_at", "date_created", "التاريخ", "تاريخ",
             "date_extracted", "date_crawled", "crawled_at", "scraped_at", "date_modified"),
    "source": ("source", "outlet", "site", "sitename", "site_name", "publisher", "newspaper",
               "source_name", "media", "media_outlet", "domain", "المصدر", "مصدر"),
    "url": ("url", "link", "href", "uri", "permalink", "source_url", "article_url", "الرابط"),
    "author": ("author", "authors", "writer", "byline", "by", "creator", "journalist", "الكاتب",
               "الكاتب"),
}

# Columns corpuskit itself writes in Corpus.docs: input fields with these names get a "meta_" prefix.
RESERVED = frozenset({"doc_id", "text", "title", "date", "date_raw", "source", "url", "author",
                      "path", "record", "format", "duplicate_of", "duplicate", "date_field",
                      "date_kind", "source_field"})


def _key(name: str) -> str:
    return str(name).strip().lower().replace("-", "_").replace(" ", "_")


def resolve_columns(names: list[str], columns: Mapping[str, str] | None = None,
                    where: str = "") -> dict[str, str]:
    """Map corpuskit's canonical fields to the input's column names.

    ``columns`` overrides recognition, e.g. ``{"text": "content", "date": "pub"}``. A mapped column
    that the input does not have is an error that names it and lists the columns there are.
    """
    by_key = {}
    for n in names:
        by_key.setdefault(_key(n), n)
    out: dict[str, str] = {}
    for field, col in (columns or {}).items():
        if field not in CANONICAL:
            raise SettingsError(f"columns= maps unknown field {field!r}; the fields are {list(CANONICAL)}")
        if col not in names and _key(col) not in by_key:
            raise SettingsError(f"{where}: columns= maps {field!r} to {col!r}, which is not a field "
                                f"of this input; its fields are {sorted(map(str, names))}")
        out[field] = col if col in names else by_key[_key(col)]
    taken = set(out.values())
    for field in CANONICAL:
        if field in out:
            continue
        for cand in FIELD_NAMES[field]:
            col = by_key.get(cand)
            if col is not None and col not in taken:
                out[field] = col
                taken.add(col)
                break
    return out


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, (str, bytes)) and not value.strip():
        return True
    if isinstance(value, (list, dict, tuple, str, bytes, int, float, bool)):
        return False
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _too_deep(value: Any, limit: int) -> bool:
    """True when ``value`` nests lists/objects more than ``limit`` levels (checked without
    recursion, so a hostile 100,000-level value costs no stack)."""
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, dict):
            children = v.values()
        elif isinstance(v, (list, tuple)):
            children = v
        else:
            continue
        if d > limit:
            return True
        stack.extend((c, d + 1) for c in children if isinstance(c, (dict, list, tuple)))
    return False


def _as_str(value: Any) -> str:
    if isinstance(value, (bytes, bytearray, memoryview)):
        # Binary columns (Parquet BYTE_ARRAY without a UTF-8 annotation) often hold UTF-8 text.
        return bytes(value).decode("utf-8", errors="replace").strip()
    return str(value).strip()


def _as_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "\n\n".join(_as_text(v) for v in value if not _is_missing(v))
    if isinstance(value, dict):
        for k in ("text", "content", "value", "name", "#text"):
            if k in value:
                return _as_text(value[k])
        return json.dumps(value, ensure_ascii=False, default=str)
    return _as_str(value)


def _as_scalar(value: Any) -> Any:
    """Metadata values kept as columns: scalars as they are, lists and objects as JSON text."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return _as_str(value)
    return value


# Date fields that hold when a page was fetched or changed, not when it was published.
CRAWL_DATE_FIELDS = frozenset({"date_extracted", "date_crawled", "crawled_at", "scraped_at",
                               "crawl_date", "fetched_at", "retrieved", "date_retrieved"})
MODIFIED_DATE_FIELDS = frozenset({"date_modified", "modified", "updated", "updated_at",
                                  "last_modified"})


def date_kind(field_name: str) -> str:
    """``published``, ``crawled`` or ``modified``: what a date field's name says it holds."""
    key = _key(field_name)
    if key in CRAWL_DATE_FIELDS:
        return "crawled"
    if key in MODIFIED_DATE_FIELDS:
        return "modified"
    return "published"


def record_from_mapping(obj: Mapping[str, Any], mapping: dict[str, str], *, locator: str,
                        fmt: str, where: str, max_depth: int = 64) -> Record:
    """Build a :class:`Record` from one input object, given the resolved column mapping."""
    if _too_deep(obj, max_depth):
        raise RecordError(f"record nested more than {max_depth} levels deep (Limits.max_depth)",
                          path=where, where=locator)
    text_col = mapping.get("text")
    if text_col is None:
        raise RecordError("no text field (looked for "
                          f"{', '.join(FIELD_NAMES['text'][:8])} ...); name it with "
                          "columns={'text': '<field>'}", path=where, where=locator)
    raw_text = obj.get(text_col)
    if _is_missing(raw_text):
        raise RecordError(f"empty text in field {text_col!r}", path=where, where=locator,
                          status="skipped")
    canonical: dict[str, Any] = {"text": _as_text(raw_text)}
    origin: dict[str, str] = {}
    for field in ("title", "source", "url", "author"):
        col = mapping.get(field)
        if col is not None and not _is_missing(obj.get(col)):
            canonical[field] = "; ".join(map(_as_text, obj[col])) if field == "author" and \
                isinstance(obj[col], (list, tuple)) else _as_text(obj[col])
            origin[field] = str(col)
    col = mapping.get("date")
    if col is not None and not _is_missing(obj.get(col)):
        value = obj[col]
        canonical["date"] = _as_str(value) if isinstance(value, (bytes, bytearray)) else value
        origin["date"] = str(col)
    used = set(mapping.values())
    extra = {}
    for k, v in obj.items():
        if k in used:
            continue
        name = str(k)
        extra[f"meta_{name}" if name in RESERVED else name] = _as_scalar(v)
    notes = []
    if isinstance(raw_text, (bytes, bytearray)) and "\ufffd" in canonical["text"]:
        notes.append(f"field {text_col!r} is binary and not all of it is UTF-8: "
                     "damaged characters replaced by U+FFFD")
    return Record(text=canonical.pop("text"), locator=locator, fmt=fmt, canonical=canonical,
                  extra=extra, origin=origin, notes=notes, damaged=bool(notes))
