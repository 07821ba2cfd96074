"""HTML news pages reduced to the article's main text and metadata by trafilatura."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

from .base import ReadContext, Record, RecordError, Source, decode, register

__all__ = ["read_html", "looks_like_html"]

_HTML_HEAD = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)",
                        re.IGNORECASE | re.DOTALL)
# Publication timestamps in meta tags keep the time of day, which trafilatura's date drops.
_META_TIME = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|"""
    r"""pubdate|publishdate|date|dc\.date(?:\.issued)?|og:published_time)["'][^>]*>""",
    re.IGNORECASE)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_META_SITE = re.compile(r"""<meta[^>]+property\s*=\s*["']og:site_name["'][^>]*>""", re.IGNORECASE)
_META_AUTHOR = re.compile(r"""<meta[^>]+name\s*=\s*["']author["'][^>]*>""", re.IGNORECASE)


def looks_like_html(head: str) -> bool:
    """True when a file starts like an HTML document."""
    return _HTML_HEAD.match(head[:2048]) is not None


def _meta(regex: re.Pattern[str], html_text: str) -> str | None:
    m = regex.search(html_text)
    if m is None:
        return None
    c = _CONTENT.search(m.group(0))
    return c.group(1).strip() if c else None


@register("html")
def read_html(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """One article per HTML page: main text (navigation, footers, comments removed), title, date,
    author, site and URL from the page's metadata."""
    import trafilatura

    dec = decode(source.read_bytes(ctx.limits.max_page_bytes, "HTML page"), source.where)
    html_text = dec.text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(html_text, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_recall=True)
    data = (doc.as_dict() if hasattr(doc, "as_dict") else doc) or {}
    lines = [ln.strip() for ln in (data.get("text") or "").split("\n") if ln.strip()]
    title = data.get("title") or None
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]
    if not lines:
        raise RecordError("no article text found in this HTML page", path=source.where)
    canonical: dict[str, object] = {}
    origin: dict[str, str] = {}
    if title:
        canonical["title"] = title
    meta_time = _meta(_META_TIME, html_text)
    date = meta_time or data.get("date")
    if date:
        canonical["date"] = date
        origin["date"] = "meta published_time" if meta_time else "page (trafilatura)"
    author = data.get("author") or _meta(_META_AUTHOR, html_text)
    if author:
        canonical["author"] = author
    if data.get("url"):
        canonical["url"] = data["url"]
    for value, how in ((_meta(_META_SITE, html_text), "meta og:site_name"),
                       (data.get("sitename"), "page (trafilatura sitename)"),
                       (data.get("hostname"), "URL host name"), (source.folder, "folder name")):
        if value:
            canonical["source"], origin["source"] = value, how
            break
    extra = {k: data[k] for k in ("description", "categories", "tags") if data.get(k)}
    yield Record(text="\n\n".join(lines), locator="", fmt="html", canonical=canonical,
                 extra={k: (", ".join(v) if isinstance(v, list) else v) for k, v in extra.items()},
                 encoding=dec.encoding, origin=origin, notes=[dec.note] if dec.note else [],
                 damaged=bool(dec.damaged))
