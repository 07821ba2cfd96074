"""Recognizing the common field names of news exports, and turning a raw record into a Record."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from ..errors import RecordError, SettingsError
from .base import Record

__all__ = ["CANONICAL", "FIELD_NAMES", "resolve_columns", "record_from_mapping"]

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
                      "path", "record", "format", "duplicate_of", "duplicate"})


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
    if isinstance(value, str) and not value.strip():
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value)) if not isinstance(value, (list, dict, tuple)) else False
    except (TypeError, ValueError):
        return False


def _as_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "\n\n".join(_as_text(v) for v in value if not _is_missing(v))
    if isinstance(value, dict):
        for k in ("text", "content", "value", "name", "#text"):
            if k in value:
                return _as_text(value[k])
        return json.dumps(value, ensure_ascii=False)
    return str(value).strip()


def _as_scalar(value: Any) -> Any:
    """Metadata values kept as columns: scalars as they are, lists and objects as JSON text."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def record_from_mapping(obj: Mapping[str, Any], mapping: dict[str, str], *, locator: str,
                        fmt: str, where: str) -> Record:
    """Build a :class:`Record` from one input object, given the resolved column mapping."""
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
    for field in ("title", "source", "url", "author"):
        col = mapping.get(field)
        if col is not None and not _is_missing(obj.get(col)):
            canonical[field] = "; ".join(map(_as_text, obj[col])) if field == "author" and \
                isinstance(obj[col], (list, tuple)) else _as_text(obj[col])
    col = mapping.get("date")
    if col is not None and not _is_missing(obj.get(col)):
        canonical["date"] = obj[col]
    used = set(mapping.values())
    extra = {}
    for k, v in obj.items():
        if k in used:
            continue
        name = str(k)
        extra[f"meta_{name}" if name in RESERVED else name] = _as_scalar(v)
    return Record(text=canonical.pop("text"), locator=locator, fmt=fmt, canonical=canonical,
                  extra=extra)
