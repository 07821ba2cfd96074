"""Scraped news pages saved as text (like the seed article): title, subheadings, paragraphs.

A page is read in two steps. The reader drops lines that are page chrome everywhere (accessibility
links, the font-size widget, share/print/related lines) and keeps the rest as lines. Once the whole
corpus is read, :func:`finish_page` drops lines that repeat across many pages of the same source
(site names, footers), finds a date line, takes the first line as the title, and joins the rest
into paragraphs. The order matters: a site name on every page must not become every title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from ..dates import date_from_filename, find_date
from ..errors import RecordError
from .base import ReadContext, Record, Source, decode, register

__all__ = ["read_page", "finish_page", "is_chrome_line", "split_blocks"]

_CHROME_EXACT = {
    "accessibility links", "skip to content", "skip to main content", "skip navigation",
    "xs", "sm", "md", "lg", "xl", "a a a", "a+ a a-", "a- a a+", "xs sm md lg",
    "share", "print", "email", "tweet", "facebook", "twitter", "whatsapp", "telegram",
    "related", "related articles", "related stories", "read more", "advertisement",
    "شارك", "شاركها", "مشاركة", "شارك الخبر", "شارك هذا الخبر", "شارك المقال", "طباعة", "اطبع",
    "أرسل لصديق", "ارسل لصديق", "إرسال", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً",
    "مواضيع ذات صلة", "أخبار ذات صلة", "اخبار ذات صلة", "مقالات ذات صلة", "الأكثر قراءة",
    "حجم الخط", "تكبير الخط", "تصغير الخط", "إعلان", "اعلان", "تعليقات", "أضف تعليقك",
    "الرئيسية", "عودة", "للأعلى",
}
_CHROME_RE = re.compile(
    r"^(?:(?:xs|sm|md|lg|xl)\s*){2,}$"                       # font-size widget on one line
    r"|^(?:share|شارك|مشاركة)\s*(?:on|عبر|على)?\s*[:：]"       # "شارك عبر: فيسبوك تويتر"
    r"|^(?:©|\(c\)|copyright\b|جميع الحقوق محفوظة|حقوق النشر)"  # copyright footers
    r"|جميع الحقوق محفوظة$",
    re.IGNORECASE)
_DATE_LABEL = re.compile(
    r"^\s*(?:تاريخ النشر|نشر في|نشر بتاريخ|نُشر في|آخر تحديث|اخر تحديث|تم النشر|بتاريخ|التاريخ|"
    r"published(?: on)?|updated|last updated|date)\s*[:：\-]?\s*", re.IGNORECASE)
_MAX_DATE_LINE_WORDS = 9


def is_chrome_line(line: str) -> bool:
    """True for a line that is page furniture on any news site (not content)."""
    s = " ".join(line.split()).strip(" |•·-–—:").lower()
    if not s:
        return False
    return s in _CHROME_EXACT or bool(_CHROME_RE.search(s))


def split_blocks(text: str) -> list[str]:
    """Content blocks of a page: blank-line separated when the page uses blank lines (inner line
    breaks become spaces), else one block per line. Chrome lines are dropped."""
    lines = [ln.strip() for ln in text.split("\n")]
    lines = ["" if is_chrome_line(ln) else ln for ln in lines]
    if any(not ln for ln in lines[1:-1]) and sum(1 for ln in lines if ln) > 1:
        blocks, cur = [], []
        for ln in lines + [""]:
            if ln:
                cur.append(ln)
            elif cur:
                blocks.append(" ".join(cur))
                cur = []
        return blocks
    return [ln for ln in lines if ln]


@register("page")
def read_page(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """A scraped page saved as text: one document per file, finished by :func:`finish_page`."""
    dec = decode(source.read_bytes(ctx.limits.max_page_bytes, "page"), source.where)
    blocks = split_blocks(dec.text)
    if not blocks:
        raise RecordError("no content lines (only page chrome or blank lines)", path=source.where)
    canonical: dict[str, str] = {}
    origin: dict[str, str] = {}
    if source.folder:
        canonical["source"], origin["source"] = source.folder, "folder name"
    if date_from_filename(source.name) is not None:
        canonical["date"] = source.name  # parsed later; date_raw keeps where the date came from
        origin["date"] = "file name"
    yield Record(text="\n\n".join(blocks), locator="", fmt="page", canonical=canonical,
                 encoding=dec.encoding, origin=origin, notes=[dec.note] if dec.note else [],
                 damaged=bool(dec.damaged))


def _date_line(block: str) -> pd.Timestamp | None:
    words = block.split()
    if len(words) > _MAX_DATE_LINE_WORDS:
        return None
    labelled = _DATE_LABEL.match(block) is not None
    ts = find_date(block)
    if ts is None:
        return None
    # An unlabelled line counts only if it is little more than the date (a dateline, not a sentence).
    if labelled or len(words) <= 6:
        return ts
    return None


def finish_page(record: Record, repeated: frozenset[str]) -> Record:
    """Title, date line and paragraphs of a page record, with its source's repeated lines removed."""
    blocks = [b for b in record.text.split("\n\n") if b not in repeated]
    # A date line near the top (or at the very bottom) is metadata, not content.
    for idx in [*range(min(4, len(blocks))), len(blocks) - 1]:
        if 0 <= idx < len(blocks):
            ts = _date_line(blocks[idx])
            if ts is not None:
                if "date" not in record.canonical:
                    record.canonical["date"], record.origin["date"] = blocks[idx], "date line"
                del blocks[idx]
                break
    if not blocks:
        raise RecordError("no content left once repeated page lines were removed")
    record.canonical["title"] = blocks[0]
    record.text = "\n\n".join(blocks[1:])
    if not record.text.strip():
        record.text = blocks[0]
    return record
