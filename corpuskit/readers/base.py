"""What every reader shares: input sources, byte decoding, records, and the reader registry."""

from __future__ import annotations

import bz2  # noqa: F401  (its errors are OSError; imported so that IO_ERRORS is complete)
import codecs
import dataclasses
import functools
import io
import lzma
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from ..errors import RecordError
from ..limits import DEFAULT_LIMITS, Limits

__all__ = [
    "Source", "Record", "ReadContext", "Decoded", "decode", "decode_bytes", "iter_lines",
    "arabic_share", "READERS", "register", "IO_ERRORS", "MAX_FILE_BYTES",
]

MAX_FILE_BYTES = DEFAULT_LIMITS.max_file_bytes  # kept for callers of corpuskit < 0.2

# What reading a damaged file or stream raises: a truncated gzip (EOFError), a corrupt deflate
# stream (zlib.error), a bad xz/bz2 stream, a zip member failing its CRC (BadZipFile), a broken
# tar header, or the operating system itself. Each means "this input is damaged", never a bug.
IO_ERRORS: tuple[type[BaseException], ...] = (
    OSError, EOFError, zlib.error, lzma.LZMAError, zipfile.BadZipFile, tarfile.TarError)


def describe_io_error(exc: BaseException) -> str:
    """A reason for the load report from an error of :data:`IO_ERRORS`."""
    if isinstance(exc, EOFError):
        return "truncated: the compressed stream ends early"
    if isinstance(exc, zlib.error | lzma.LZMAError):
        return f"corrupt compressed data ({exc})"
    if isinstance(exc, zipfile.BadZipFile):
        return f"corrupt zip member ({exc})"
    if isinstance(exc, tarfile.TarError):
        return f"corrupt tar archive ({exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return f"unreadable: {exc.strerror}"
    return f"unreadable: {exc}"


@dataclasses.dataclass
class Source:
    """One input: a file on disk, or a member of an archive (``member`` set)."""

    path: str                       # the file on disk, as given (archive path for members)
    name: str                       # file name used for extension and date sniffing
    opener: Callable[[], BinaryIO]  # opens a fresh binary stream
    size: int | None = None         # bytes, when known before reading
    member: str | None = None       # archive member name

    @classmethod
    def from_path(cls, path: Path) -> Source:
        return cls(path=str(path), name=path.name, opener=lambda: open(path, "rb"),
                   size=path.stat().st_size)

    @property
    def where(self) -> str:
        """How messages name this input: ``path`` or ``archive.zip!member``."""
        return f"{self.path}!{self.member}" if self.member else self.path

    @property
    def folder(self) -> str:
        """The name of the folder holding this input (inside its archive for members)."""
        inner = Path(self.member) if self.member else Path(self.path)
        parent = inner.parent.name
        if not parent and self.member:
            parent = Path(self.path).name.split(".")[0]
        return parent

    def open(self) -> BinaryIO:
        """A fresh binary stream; a damaged or unreadable input raises :class:`RecordError`."""
        try:
            return self.opener()
        except RecordError:
            raise
        except IO_ERRORS as exc:
            raise RecordError(describe_io_error(exc), path=self.where) from None

    def read_bytes(self, limit: int | None = None, what: str = "file") -> bytes:
        """All bytes, or :class:`RecordError` when there are more than ``limit`` (counted as read,
        whatever a header declared) or the input is damaged."""
        limit = DEFAULT_LIMITS.max_file_bytes if limit is None else limit
        if self.size is not None and self.size > limit:
            raise RecordError(f"{what} too large ({self.size:,} bytes; the limit is {limit:,})",
                              path=self.where)
        try:
            with self.open() as fh:
                data = fh.read(limit + 1)
        except RecordError:
            raise
        except IO_ERRORS as exc:
            raise RecordError(describe_io_error(exc), path=self.where) from None
        if len(data) > limit:
            raise RecordError(f"{what} too large (over {limit:,} bytes)", path=self.where)
        return data


@dataclasses.dataclass
class Record:
    """One document as a reader found it, before ids, cleaning and duplicate detection.

    ``canonical`` maps corpuskit's field names (title, date, source, url, author) to values once
    recognized; ``origin`` says where each came from (``{"date": "date_extracted"}``); ``extra``
    holds the other metadata as named in the input; ``notes`` are things a reader repaired
    (damaged characters replaced) and that the load report shows.
    """

    text: str
    locator: str                 # where in the file: "line 12", "record 3", "DOC AFP_ARB_0001"
    fmt: str                     # reader name: page, json, jsonl, csv, parquet, sgml, html
    canonical: dict[str, Any] = dataclasses.field(default_factory=dict)
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)
    encoding: str | None = None
    origin: dict[str, str] = dataclasses.field(default_factory=dict)
    notes: list[str] = dataclasses.field(default_factory=list)
    damaged: bool = False        # characters were replaced: strict=True refuses the record


@dataclasses.dataclass
class ReadContext:
    """Settings a reader needs: the user's column mapping and the limits of the load."""

    columns: dict[str, str] | None = None
    limits: Limits = DEFAULT_LIMITS


# ---------------------------------------------------------------------------------------------
# Decoding

_ARABIC = re.compile(r"[\u0621-\u063F\u0641-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")
_NON_LETTERS = re.compile(r"[\W\d_\u0640]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "gzip-compressed data (name it .gz/.tar.gz to have it opened)",
    b"PK\x03\x04": "a zip archive or office document (name it .zip to have it opened)",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
}
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]
# A file is UTF-8 with damaged characters (not another code page) when fewer than this share of
# its non-ASCII characters fail to decode. Arabic in Windows-1256 fails on almost every letter.
_MAX_DAMAGE_SHARE = 0.02


def arabic_share(text: str, sample: int = 4000) -> float:
    """Share of Arabic letters among all letters of ``text`` (0 when it has no letters).

    Looks at the first ``sample`` characters: enough to tell an Arabic article from an English one.
    Tatweel (U+0640), a stretching mark, is not a letter.
    """
    part = text[:sample]
    codes = np.frombuffer(part.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if codes.size and codes.max() > 0xFFFF:  # beyond the tables: the regular expressions
        letters = len(_NON_LETTERS.sub("", part))
        arabic = len(part) - len(_ARABIC.sub("", part))
    else:  # the same classification, looked up in NumPy tables: ten times faster
        is_letter, is_arabic = _letter_tables()
        letters = int(is_letter[codes].sum())
        arabic = int(is_arabic[codes].sum())
    return min(1.0, arabic / letters) if letters else 0.0


@functools.lru_cache(maxsize=1)
def _letter_tables() -> tuple[np.ndarray, np.ndarray]:
    """For every character of the Basic Multilingual Plane: is it a letter as ``_NON_LETTERS``
    counts them (a word character, not a decimal digit, underscore or tatweel), and is it an
    Arabic letter as ``_ARABIC`` counts them."""
    import unicodedata

    chars = [chr(c) for c in range(0x10000)]
    letter = np.fromiter((ch.isalnum() and unicodedata.category(ch) != "Nd" and ch != "\u0640"
                          for ch in chars), dtype=bool, count=0x10000)
    arabic = np.zeros(0x10000, dtype=bool)
    for lo, hi in ((0x0621, 0x063F), (0x0641, 0x064A), (0x0671, 0x06D3), (0xFB50, 0xFDFF),
                   (0xFE70, 0xFEFC)):
        arabic[lo:hi + 1] = True
    return letter, arabic


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    # Arabic in UTF-16 has 0x06 high bytes, ASCII has 0x00: either way one half is mostly 0x00/0x06.
    even_hi = sum(b in (0, 6) for b in sample[0::2]) / (len(sample) / 2)
    odd_hi = sum(b in (0, 6) for b in sample[1::2]) / (len(sample) / 2)
    if odd_hi > 0.9 and odd_nul + even_nul > 0.05:
        return "utf-16-le"
    if even_hi > 0.9 and odd_nul + even_nul > 0.05:
        return "utf-16-be"
    return None


@dataclasses.dataclass
class Decoded:
    """Decoded text, its encoding, and the damage repaired on the way (0 when none)."""

    text: str
    encoding: str
    damaged: int = 0
    note: str | None = None


def _utf8_lenient(data: bytes, final: bool = True) -> Decoded | None:
    """UTF-8 with its few damaged characters replaced by U+FFFD, or None when the bytes are not
    UTF-8 at all (too many invalid sequences: another code page)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad <= 0:
        return Decoded(text, "utf-8")
    non_ascii = sum(1 for ch in text if ord(ch) > 127) - bad
    if non_ascii <= 0 or bad / (bad + non_ascii) >= _MAX_DAMAGE_SHARE:
        return None
    first = _first_invalid(data)
    if first is not None and len(data) - first <= 3 and final and bad == 1:
        note = "the text ends in the middle of a character (truncated?); it was replaced by U+FFFD"
    else:
        note = (f"{bad} invalid UTF-8 byte sequence{'s' if bad > 1 else ''} replaced by U+FFFD"
                + (f" (the first at byte {first})" if first is not None else ""))
    return Decoded(text, "utf-8", bad, note)


def _first_invalid(data: bytes) -> int | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return None


def decode(data: bytes, where: str = "") -> Decoded:
    """Decode a file's bytes, detecting the encoding.

    Tries BOMs, UTF-8, UTF-16 without BOM, then UTF-8 with a few damaged characters (a truncated
    download, one bad byte: replaced and said so, never read as another code page), then the two
    Arabic legacy code pages (Windows-1256 and ISO-8859-6, whichever yields more Arabic), then
    charset-normalizer. CRLF and CR become LF. Raises :class:`RecordError` for binary or
    undecodable data.
    """
    if not data or not data.strip():
        raise RecordError("empty file", path=where)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise RecordError(f"binary file ({what})", path=where)
    dec: Decoded | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                dec = Decoded(data.decode(enc), enc)
            except UnicodeDecodeError as exc:
                raise RecordError(f"undecodable: has a {enc} byte-order mark but invalid {enc} "
                                  f"at byte {exc.start}", path=where) from None
            break
    if dec is None and b"\x00" in data[:4096]:
        enc16 = _looks_utf16(data)
        if enc16 is None:
            raise RecordError("binary file (NUL bytes, not UTF-16 text)", path=where)
        try:
            dec = Decoded(data.decode(enc16), enc16)
        except UnicodeDecodeError:
            raise RecordError(f"undecodable: looks like {enc16} but is not valid", path=where) from None
    if dec is None:
        dec = _utf8_lenient(data) or _decode_legacy(data, where)
    if len(_CONTROL.findall(dec.text[:4096])) > 0.05 * min(len(dec.text), 4096):
        raise RecordError("binary file (control characters)", path=where)
    if "\r" in dec.text:
        dec.text = dec.text.replace("\r\n", "\n").replace("\r", "\n")
    return dec


def decode_bytes(data: bytes, where: str = "") -> tuple[str, str]:
    """``(text, encoding)`` of :func:`decode` (which also says what damage was repaired)."""
    dec = decode(data, where)
    return dec.text, dec.encoding


def _legacy_guess(data: bytes) -> tuple[float, str, str] | None:
    best: tuple[float, str, str] | None = None
    for enc in ("cp1256", "iso-8859-6"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = arabic_share(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    return best


def _decode_legacy(data: bytes, where: str) -> Decoded:
    best = _legacy_guess(data)
    if best is not None and best[0] >= 0.5:
        return Decoded(best[1], best[2])
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is None or guess.encoding is None:
        raise RecordError("undecodable: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6, and no "
                          "other encoding fits", path=where)
    return Decoded(str(guess), guess.encoding)


# ---------------------------------------------------------------------------------------------
# Line-oriented reading: bounded lines, each decoded (and its damage reported) on its own

@dataclasses.dataclass
class Line:
    """One line of a line-oriented file: its number, text (None when it could not be read),
    the repair made (``note``), or why it was not read (``error``); ``damaged`` when characters
    were replaced (strict loads refuse such records), not when a line was merely in another
    code page."""

    number: int
    text: str | None
    encoding: str = "utf-8"
    note: str | None = None
    error: str | None = None
    damaged: bool = False


_HEAD_BYTES = 64 * 1024


def iter_lines(source: Source, limits: Limits = DEFAULT_LIMITS) -> Iterator[Line]:
    """The lines of a text file, streamed: memory is bounded by the longest allowed line.

    Each line is decoded on its own, so one bad byte costs at most that line's damaged
    characters (replaced and noted), never the lines after it. A line longer than
    ``limits.max_line_bytes`` is reported and skipped. Files in UTF-16/32 are decoded as a stream.
    """
    with source.open() as fh:
        head = fh.read(_HEAD_BYTES)
    if not head.strip():
        raise RecordError("empty file", path=source.where)
    enc = next((e for bom, e in _BOMS if head.startswith(bom)), None)
    if enc is None and b"\x00" in head[:4096]:
        enc = _looks_utf16(head)
        if enc is None:
            raise RecordError("binary file (NUL bytes, not UTF-16 text)", path=source.where)
    if enc == "utf-8-sig":  # the BOM is dropped from line 1; lines decode as UTF-8, damage noted
        enc = "utf-8"
    if enc in ("utf-16", "utf-32", "utf-16-le", "utf-16-be"):
        yield from _text_lines(source, enc, limits)
        return
    if b"\r" in head and b"\n" not in head:  # old Mac line ends: the whole file, bounded
        dec = decode(source.read_bytes(limits.max_file_bytes), source.where)
        for i, ln in enumerate(dec.text.split("\n"), 1):
            yield Line(i, ln, dec.encoding, dec.note if i == 1 else None)
        return
    if enc is None:
        # The file's encoding from its head (a cut at the end may split one character).
        cut = head if len(head) < _HEAD_BYTES else head[: head.rfind(b"\n") + 1] or head
        if _utf8_lenient(cut) is None:
            best = _legacy_guess(cut)
            enc = best[2] if best is not None and best[0] >= 0.5 else "utf-8"
        else:
            enc = "utf-8"
    yield from _binary_lines(source, enc, limits)


def _binary_lines(source: Source, enc: str, limits: Limits) -> Iterator[Line]:
    cap = limits.max_line_bytes
    with source.open() as fh:
        number = 0
        while True:
            raw = fh.readline(cap + 1)
            if not raw:
                return
            number += 1
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if len(raw) > cap and not raw.endswith(b"\n"):
                size = len(raw)
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line, in chunks
                    raw = fh.readline(cap)
                    size += len(raw)
                yield Line(number, None, enc, error=f"line too long ({size:,} bytes; the limit "
                           f"is {cap:,}: Limits(max_record_chars=...) raises it)")
                continue
            yield _decode_line(number, raw, enc)


def _decode_line(number: int, raw: bytes, enc: str) -> Line:
    raw = raw.rstrip(b"\r\n")
    try:  # a line that is valid UTF-8 is UTF-8, whatever most lines of the file are
        return Line(number, raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if enc == "utf-8":
        dec = _utf8_lenient(raw)
        if dec is not None:
            return Line(number, dec.text, "utf-8", f"line {number}: {dec.note}", damaged=True)
        best = _legacy_guess(raw)
        if best is not None and best[0] >= 0.5:
            return Line(number, best[1], best[2], f"line {number} is {best[2]}, not UTF-8")
        return Line(number, None, enc, error="undecodable line (not UTF-8, nor an Arabic code page)")
    text = raw.decode(enc, errors="replace")
    bad = text.count("\ufffd") - raw.decode(enc, errors="ignore").count("\ufffd")
    if bad:
        return Line(number, text, enc, f"line {number}: {bad} invalid {enc} characters replaced",
                    damaged=True)
    return Line(number, text, enc)


def _text_lines(source: Source, enc: str, limits: Limits) -> Iterator[Line]:
    with source.open() as fh:
        wrapper = io.TextIOWrapper(fh, encoding=enc, errors="replace", newline=None)
        cap = limits.max_line_bytes // 2
        number = 0
        while True:
            line = wrapper.readline(cap + 1)
            if not line:
                return
            number += 1
            if len(line) > cap and not line.endswith("\n"):
                while line and not line.endswith("\n"):
                    line = wrapper.readline(cap)
                yield Line(number, None, enc, error=f"line too long (over {cap:,} characters)")
                continue
            text = line.rstrip("\r\n").lstrip("\ufeff")
            bad = text.count("\ufffd")
            yield Line(number, text, enc,
                       f"line {number}: {bad} invalid {enc} characters replaced" if bad else None,
                       damaged=bool(bad))


# ---------------------------------------------------------------------------------------------
# Registry

ReaderFn = Callable[[Source, ReadContext], Iterator["Record | RecordError"]]
READERS: dict[str, ReaderFn] = {}


def register(name: str) -> Callable[[ReaderFn], ReaderFn]:
    """Register a reader function under a format name (used by ``load_corpus(format=...)``)."""

    def deco(fn: ReaderFn) -> ReaderFn:
        READERS[name] = fn
        return fn

    return deco
