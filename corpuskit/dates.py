"""Dates as Arabic news writes them: ISO stamps, DD/MM/YYYY, YYYYMMDD, and Arabic month names.

Month names come in three series: Levantine/Iraqi (كانون الثاني، شباط ...), Egyptian/Gulf
(يناير، فبراير ...) and Maghrebi (جانفي، فيفري ...); news often writes two together ("شباط/فبراير").
Digits may be Eastern Arabic. Timestamps keep their local wall-clock time: an article stamped
``2012-02-10T23:30:00+03:00`` belongs to the 10th where it was published, so the offset is dropped,
not converted to UTC. Anything unparseable is ``None``, never a guess.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd

__all__ = ["parse_date", "date_from_filename", "date_from_url", "find_date"]

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "\u0640": ""})

_MONTHS_RAW = {
    1: ["كانون الثاني", "يناير", "جانفي", "ينايِر", "janvier", "january", "jan"],
    2: ["شباط", "فبراير", "فيفري", "فبراير", "february", "feb", "fevrier", "février"],
    3: ["آذار", "اذار", "مارس", "march", "mar", "mars"],
    4: ["نيسان", "أبريل", "ابريل", "إبريل", "أفريل", "افريل", "april", "apr", "avril"],
    5: ["أيار", "ايار", "مايو", "ماي", "may", "mai"],
    6: ["حزيران", "يونيو", "يونيه", "جوان", "june", "jun", "juin"],
    7: ["تموز", "يوليو", "يوليه", "جويلية", "جويليه", "july", "jul", "juillet"],
    8: ["آب", "اب", "أغسطس", "اغسطس", "غشت", "أوت", "اوت", "august", "aug", "aout", "août"],
    9: ["أيلول", "ايلول", "سبتمبر", "شتنبر", "september", "sep", "sept", "septembre"],
    10: ["تشرين الأول", "تشرين الاول", "أكتوبر", "اكتوبر", "october", "oct", "octobre"],
    11: ["تشرين الثاني", "نوفمبر", "نونبر", "november", "nov", "novembre"],
    12: ["كانون الأول", "كانون الاول", "ديسمبر", "دجنبر", "december", "dec", "décembre", "decembre"],
}
_MONTHS = {name.translate(_FOLD).lower(): m for m, names in _MONTHS_RAW.items() for name in names}
# Longest names first so "تشرين الثاني" wins over a bare "تشرين".
_MONTH_ALT = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_MONTH_PAIR = rf"(?P<month>{_MONTH_ALT})(?:\s*[/\-(]\s*(?:{_MONTH_ALT})\)?)?"

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[Tt ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?:[Zz]|[+-]\d{2}:?\d{2}|utc|gmt)?")
_DMY = re.compile(r"(?<!\d)(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})(?!\d)")
_YMD_SLASH = re.compile(r"(?<!\d)(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
_NAMED_DMY = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:من\s+)?{_MONTH_PAIR}\s*,?\s*"
                        rf"(?:عام\s+|سنة\s+)?(?P<y>\d{{4}})",
                        re.IGNORECASE)
_NAMED_MDY = re.compile(rf"{_MONTH_PAIR}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})", re.IGNORECASE)
_TIME = re.compile(r"(?<!\d)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?")


def _fold(text: str) -> str:
    return text.translate(_DIGITS).translate(_FOLD).lower()


def _mk(y: str | int, m: str | int, d: str | int, H: str | None = None, M: str | None = None,
        S: str | None = None) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(dt.datetime(int(y), int(m), int(d), int(H or 0), int(M or 0), int(S or 0)))
    except (ValueError, OverflowError):
        return None


def _month(name: str) -> int:
    return _MONTHS[name.lower()]


def find_date(text: str) -> pd.Timestamp | None:
    """The first date written anywhere in ``text`` (a dateline, a 'published on' line), or None.

    >>> find_date("دمشق - الخميس ١٤ شباط/فبراير ٢٠١٢، الساعة 10:30")
    Timestamp('2012-02-14 10:30:00')
    """
    if not text:
        return None
    s = _fold(str(text))
    candidates = []
    for rx in (_ISO, _NAMED_DMY, _NAMED_MDY, _DMY, _YMD_SLASH, _COMPACT):
        m = rx.search(s)
        if m is None:
            continue
        g = m.groupdict()
        month = _month(g["month"]) if "month" in g and g["month"] else g["m"]
        ts = _mk(g["y"], month, g["d"], g.get("H"), g.get("M"), g.get("S"))
        if ts is not None:
            if rx is not _ISO and g.get("H") is None:
                t = _TIME.search(s, m.end())
                if t is not None and t.start() - m.end() < 20:
                    ts = _mk(g["y"], month, g["d"], t["H"], t["M"], t["S"]) or ts
            candidates.append((m.start(), ts))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def parse_date(value: object) -> pd.Timestamp | None:
    """Parse one date value (string, number, datetime) to a naive local ``Timestamp``, or None.

    >>> parse_date("2012-02-10T23:30:00+03:00"), parse_date("10/02/2012")
    (Timestamp('2012-02-10 23:30:00'), Timestamp('2012-02-10 00:00:00'))
    >>> parse_date("الجمعة 10 فيفري 2012"), parse_date("no date")
    (Timestamp('2012-02-10 00:00:00'), None)
    """
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.tz_localize(None) if value.tzinfo else value
    if isinstance(value, dt.datetime):
        return pd.Timestamp(value.replace(tzinfo=None))
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):  # NaN, Infinity, 1e400
            return None
        v = int(value)
        if 19000101 <= v <= 21001231:  # YYYYMMDD as a number
            return _mk(v // 10000, v // 100 % 100, v % 100)
        if 10**8 < v < 10**10:  # seconds since the epoch
            return pd.Timestamp(dt.datetime.fromtimestamp(v, dt.UTC).replace(tzinfo=None))
        if 10**11 < v < 10**13:  # milliseconds
            return pd.Timestamp(dt.datetime.fromtimestamp(v / 1000, dt.UTC).replace(tzinfo=None))
        return None
    text = str(value).strip()
    if not text:
        return None
    return find_date(text) or date_from_filename(text)


_FILENAME_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_.]?(?P<m>0[1-9]|1[0-2])[-_.]?(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_filename(name: str) -> pd.Timestamp | None:
    """A ``YYYY-MM-DD``, ``YYYY_MM_DD`` or ``YYYYMMDD`` date in a file name, or None.

    >>> date_from_filename("sada_20120214_aleppo.txt")
    Timestamp('2012-02-14 00:00:00')
    """
    m = _FILENAME_DATE.search(name)
    return _mk(m["y"], m["m"], m["d"]) if m else None


# A date in a page's address: path segments /YYYY/MM/DD (the day may be followed by more of the
# path), or YYYY-MM-DD / YYYYMMDD as a whole segment or between - _ . in one. Only in the path,
# never in the host or the query (ids and tracking numbers live there), and only with a day.
_URL_YMD = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])"
                      r"(?=/|$|[-_.])")
_URL_DASHED = re.compile(r"(?<=[/_.\-])(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])-"
                         r"(?P<d>0[1-9]|[12]\d|3[01])(?=/|$|[_.\-])")
_URL_COMPACT = re.compile(r"(?<=[/_.\-])(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])"
                          r"(?P<d>0[1-9]|[12]\d|3[01])(?=/|$|[_.\-])")


def date_from_url(url: object) -> pd.Timestamp | None:
    """The publication date a news page's address spells out, or None.

    Many sites put it in the path (``/2023/10/14/slug``, ``/news/2015-03-12-title``,
    ``/20150312/``); a path with only a year and month, a number in the query string or the
    host, or an impossible date gives None, never a guess.

    >>> date_from_url("https://arabicpost.live/news/2023/10/14/lebanon-journalist")
    Timestamp('2023-10-14 00:00:00')
    >>> date_from_url("https://example.com/article?id=20150312") is None
    True
    """
    if not isinstance(url, str) or not url:
        return None
    from urllib.parse import unquote, urlsplit

    try:
        path = unquote(urlsplit(url.strip()).path)
    except ValueError:   # a malformed address (an unbalanced IPv6 bracket)
        return None
    for rx in (_URL_YMD, _URL_DASHED, _URL_COMPACT):
        m = rx.search(path)
        if m is not None:
            ts = _mk(m["y"], m["m"], m["d"])
            if ts is not None:
                return ts
    return None
