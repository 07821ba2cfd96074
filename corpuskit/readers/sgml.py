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
from .base import ReadContext, Record, RecordError, Source, iter_lines, register

__all__ = ["read_sgml", "looks_like_sgml"]

_DOC_OPEN = re.compile(r"<DOC(?:\s+[^>]*)?>", re.IGNORECASE)
_DOC_CLOSE = re.compile(r"</DOC\s*>", re.IGNORECASE)
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TAG_ANY = re.compile(r"<(?P<close>/?)(?P<tag>[A-Za-z][\w.-]*)(?:\s[^>]*)?>")
_P_OPEN = re.compile(r"<P(?:\s[^>]*)?>", re.IGNORECASE)
_P_CLOSE = re.compile(r"</P\s*>", re.IGNORECASE)
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


def _elements(chunk: str) -> dict[str, str]:
    """The first complete element of each tag name, outermost first, in linear time.

    Same result as matching ``<TAG ...>(.*?)</TAG>`` left to right without overlaps, but a
    regex with a back-reference rescans to the end for every unclosed tag: quadratic on a
    ``<DOC>`` with 100,000 unclosed tags. Here each tag is read once and closes are looked up.
    """
    opens: list[tuple[int, int, str]] = []
    closes: dict[str, list[tuple[int, int]]] = {}
    for m in _TAG_ANY.finditer(chunk):
        name = m["tag"]
        if m["close"]:
            closes.setdefault(name, []).append((m.start(), m.end()))
        else:
            opens.append((m.start(), m.end(), name))
    out: dict[str, str] = {}
    cursor = 0
    next_close = {name: 0 for name in closes}
    for start, end, name in opens:
        if start < cursor or name not in closes:
            continue
        lst, i = closes[name], next_close[name]
        while i < len(lst) and lst[i][0] < end:
            i += 1
        next_close[name] = i
        if i == len(lst):
            continue  # unclosed: skipped, like the regex would
        out.setdefault(name.upper(), chunk[end:lst[i][0]])
        cursor = lst[i][1]
    return out


def _p_bodies(body: str) -> Iterator[str]:
    """Bodies of ``<P>`` elements: up to ``</P>``, the next ``<P>`` or the end (linear)."""
    opens = list(_P_OPEN.finditer(body))
    for i, m in enumerate(opens):
        stop = opens[i + 1].start() if i + 1 < len(opens) else len(body)
        close = _P_CLOSE.search(body, m.end(), stop)
        yield body[m.end(): close.start() if close else stop]


def _paragraphs(body: str) -> str:
    if _P_OPEN.search(body):
        paras = [_clean(p) for p in _p_bodies(body)]
    else:
        paras = [_clean(p) for p in re.split(r"\n\s*\n", body)]
    return "\n\n".join(p for p in paras if p)


def _parse_doc(chunk: str, open_tag: str, source: Source, locator_hint: str) -> Record:
    attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
             for m in _ATTR.finditer(open_tag)}
    elements = _elements(chunk)
    docno = _clean(elements.get("DOCNO", "") or elements.get("DOCID", "")) or attrs.get("id", "")
    locator = f"DOC {docno}" if docno else locator_hint
    body = next((elements[t] for t in _TEXT_TAGS if t in elements), None)
    if body is None:
        raise RecordError("no <TEXT> element in this <DOC>", path=source.where, where=locator)
    text = _paragraphs(body)
    if not text:
        raise RecordError("empty <TEXT>", path=source.where, where=locator)
    canonical: dict[str, object] = {}
    origin: dict[str, str] = {}
    for field, tags in _FIELD_TAGS.items():
        for t in tags:
            if t in elements and _clean(elements[t]):
                canonical[field] = _clean(elements[t])
                origin[field] = f"<{t}>"
                break
    if "source" not in canonical and source.folder:
        canonical["source"], origin["source"] = source.folder, "folder name"
    if "date" not in canonical and docno:
        if find_date(docno) is not None:
            canonical["date"] = docno  # Gigaword ids carry the date: AFP_ARB_20120210.0001
            origin["date"] = "DOC id"
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
    return Record(text=text, locator=locator, fmt="sgml", canonical=canonical, extra=extra,
                  origin=origin)


@register("sgml")
def read_sgml(source: Source, ctx: ReadContext) -> Iterator[Record | RecordError]:
    """Every ``<DOC>`` of an SGML file, streamed line by line; an unclosed ``<DOC>``, or one
    larger than the record limit, is reported, never lost silently."""
    limits = ctx.limits
    cap = 4 * limits.max_record_chars
    found = False
    cur: list[str] | None = None     # the open DOC's text so far
    cur_open = cur_line = ""
    cur_size = 0
    too_large = False
    n_doc = 0
    enc = "utf-8"
    notes: list[str] = []
    doc_damaged = False              # a line of the open DOC had characters replaced

    def finish(close: bool, before: str) -> Iterator[Record | RecordError]:
        chunk = "".join(cur or [])
        hint = f"DOC {n_doc} (line {cur_line})"
        if too_large:
            no = _DOCNO.search(chunk[:4096]) or _ATTR_ID.search(cur_open)
            where = f"DOC {_clean(no.group(1))} (line {cur_line})" if no else hint
            yield RecordError(f"<DOC> too large (over {cap:,} characters; "
                              "Limits(max_record_chars=...) raises it)", path=source.where,
                              where=where)
            return
        if not close:
            no = _DOCNO.search(chunk) or _ATTR_ID.search(cur_open)
            where = f"DOC {_clean(no.group(1))} (line {cur_line})" if no else hint
            yield RecordError(f"unclosed <DOC> (no </DOC> before {before})", path=source.where,
                              where=where)
            return
        try:
            rec = _parse_doc(chunk, cur_open, source, hint)
        except RecordError as exc:
            yield exc
            return
        rec.encoding = enc
        if notes:
            rec.notes += notes
            rec.damaged = doc_damaged
        yield rec

    for line in iter_lines(source, limits):
        if line.error is not None:
            if cur is not None:
                too_large = True  # the DOC holding an unreadable line cannot be trusted whole
            else:
                yield RecordError(line.error, path=source.where, where=f"line {line.number}")
            continue
        enc = line.encoding
        text = line.text + "\n"
        pos = 0
        while pos < len(text):
            if cur is None:
                m = _DOC_OPEN.search(text, pos)
                if m is None:
                    break
                found = True
                n_doc += 1
                cur, cur_open, cur_line, cur_size, too_large = [], m.group(0), str(line.number), 0, False
                notes = [line.note] if line.note else []
                doc_damaged = line.damaged
                pos = m.end()
                continue
            close = _DOC_CLOSE.search(text, pos)
            reopen = _DOC_OPEN.search(text, pos)
            if reopen is not None and (close is None or reopen.start() < close.start()):
                piece, pos = text[pos:reopen.start()], reopen.start()
                cur.append(piece)
                yield from finish(False, "the next <DOC>")
                cur = None
                continue
            if close is None:
                piece, pos = text[pos:], len(text)
            else:
                piece, pos = text[pos:close.start()], close.end()
            if line.note and line.note not in notes:
                notes.append(line.note)
            doc_damaged = doc_damaged or line.damaged
            if not too_large and cur_size + len(piece) > cap:
                too_large = True
                cur = ["".join(cur)[:4096]]  # keep the start (for its DOCNO), drop the rest
            elif not too_large:
                cur.append(piece)
            cur_size += len(piece)
            if close is not None:
                yield from finish(True, "")
                cur = None
    if cur is not None:
        yield from finish(False, "the end of the file")
    if not found:
        raise RecordError("no <DOC> records", path=source.where)
