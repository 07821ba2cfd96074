"""TREC / CLEF / LDC Gigaword style SGML: many ``<DOC>`` records per file.

Real archives are not well-formed XML: stray ``&``, unknown entities, unquoted attributes, missing
end tags. So this reader uses forgiving regular expressions, not an XML parser. Fields are taken
from child elements (DOCNO, DOCID, URL, SRC, CAT, TITLE, HEADLINE, DATE, TIME, DATELINE, ABSTRACT,
TEXT with or without ``<P>``) and from ``<DOC id=... type=...>`` attributes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ..dates import find_date
from .base import ReadContext, Record, RecordError, Source, decode_bytes, register

__all__ = ["read_sgml", "looks_like_sgml"]

_DOC_OPEN = re.compile(r"<DOC(?:\s+[^>]*)?>", re.IGNORECASE)
_DOC_CLOSE = re.compile(r"</DOC\s*>", re.IGNORECASE)
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_ELEMENT = re.compile(r"<(?P<tag>[A-Za-z][\w.-]*)(?:\s[^>]*)?>(?P<body>.*?)</(?P=tag)\s*>",
                      re.DOTALL)
_P = re.compile(r"<P(?:\s[^>]*)?>(.*?)(?:</P\s*>|(?=<P[\s>])|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_DOCNO = re.compile(r"<DOC(?:NO|ID)>(.*?)</DOC(?:NO|ID)>", re.IGNORECASE | re.DOTALL)
_ATTR_ID = re.compile(r"""\bid\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_ENTITY = re.compile(r"&(#?\w+);")

_TEXT_TAGS = ("TEXT", "BODY", "CONTENT")
_FIELD_TAGS = {
    "title": ("HEADLINE", "TITLE", "HEAD", "HL"),
    "date": ("DATE", "DATE_TIME", "DATETIME", "TIME", "PUBDATE"),
    "source": ("SRC", "SOURCE", "PUBLISHER"),
    "url": ("URL", "LINK"),
    "author": ("AUTHOR", "BYLINE"),
}


def looks_like_sgml(head: str) -> bool:
    """True when the start of a file holds a ``<DOC>`` record."""
    return _DOC_OPEN.search(head[:4096]) is not None


def _unescape(text: str) -> str:
    # Known entities are decoded; an unknown one or a bare "&" stays as written (never dropped).
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def _clean(text: str) -> str:
    return " ".join(_unescape(_TAG.sub(" ", text)).split())


def _paragraphs(body: str) -> str:
    if _P.search(body):
        paras = [_clean(m.group(1)) for m in _P.finditer(body)]
    else:
        paras = [_clean(p) for p in re.split(r"\n\s*\n", body)]
    return "\n\n".join(p for p in paras if p)


def _parse_doc(chunk: str, open_tag: str, source: Source, locator_hint: str) -> Record:
    attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
             for m in _ATTR.finditer(open_tag)}
    elements: dict[str, str] = {}
    for m in _ELEMENT.finditer(chunk):
        elements.setdefault(m["tag"].upper(), m["body"])
    docno = _clean(elements.get("DOCNO", "") or elements.get("DOCID", "")) or attrs.get("id", "")
    locator = f"DOC {docno}" if docno else locator_hint
    body = next((elements[t] for t in _TEXT_TAGS if t in elements), None)
    if body is None:
        raise RecordError("no <TEXT> element in this <DOC>", path=source.where, where=locator)
    text = _paragraphs(body)
    if not text:
        raise RecordError("empty <TEXT>", path=source.where, where=locator)
    canonical: dict[str, object] = {}
    for field, tags in _FIELD_TAGS.items():
        for t in tags:
            if t in elements and _clean(elements[t]):
                canonical[field] = _clean(elements[t])
                break
    if "source" not in canonical and source.folder:
        canonical["source"] = source.folder
    if "date" not in canonical and docno:
        if find_date(docno) is not None:
            canonical["date"] = docno  # Gigaword ids carry the date: AFP_ARB_20120210.0001
    extra: dict[str, object] = {}
    if docno:
        extra["docno"] = docno
    for k, v in attrs.items():
        if k != "id":
            extra[f"doc_{k}"] = v
    used = {"DOCNO", "DOCID", *_TEXT_TAGS} | {t for ts in _FIELD_TAGS.values() for t in ts}
    for tag, val in elements.items():
        if tag not in used and tag != "P":
            extra[tag.lower()] = _clean(val)
    return Record(text=text, locator=locator, fmt="sgml", canonical=canonical, extra=extra)


@register("sgml")
def read_sgml(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """Every ``<DOC>`` of an SGML file; an unclosed last ``<DOC>`` is reported, not lost silently."""
    text, encoding = decode_bytes(source.read_bytes(), source.where)
    opens = list(_DOC_OPEN.finditer(text))
    if not opens:
        raise RecordError("no <DOC> records", path=source.where)
    line, counted_to = 1, 0
    for i, m in enumerate(opens):
        line += text.count("\n", counted_to, m.start())  # incremental: files hold 1000s of DOCs
        counted_to = m.start()
        hint = f"DOC {i + 1} (line {line})"
        end_limit = opens[i + 1].start() if i + 1 < len(opens) else len(text)
        close = _DOC_CLOSE.search(text, m.end(), end_limit)
        chunk = text[m.end(): close.start() if close else end_limit]
        if close is None:
            no = _DOCNO.search(chunk) or _ATTR_ID.search(m.group(0))
            where = f"DOC {_clean(no.group(1))} (line {line})" if no else hint
            yield RecordError("unclosed <DOC> (no </DOC> before "
                              f"{'the next <DOC>' if i + 1 < len(opens) else 'the end of the file'})",
                              path=source.where, where=where)
            continue
        try:
            rec = _parse_doc(chunk, m.group(0), source, hint)
        except RecordError as exc:
            yield exc
            continue
        rec.encoding = encoding
        yield rec
