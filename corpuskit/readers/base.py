"""What every reader shares: input sources, byte decoding, records, and the reader registry."""

from __future__ import annotations

import codecs
import dataclasses
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import RecordError

__all__ = [
    "Source", "Record", "ReadContext", "decode_bytes", "arabic_share", "READERS", "register",
]

MAX_FILE_BYTES = 512 * 1024 * 1024  # one input file (or archive member) at most; larger is skipped


@dataclasses.dataclass
class Source:
    """One input: a file on disk, or a member of an archive (``member`` set)."""

    path: str                       # the file on disk, as given (archive path for members)
    name: str                       # file name used for extension and date sniffing
    opener: Callable[[], BinaryIO]  # opens a fresh binary stream
    size: int | None = None
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

    def read_bytes(self) -> bytes:
        if self.size is not None and self.size > MAX_FILE_BYTES:
            raise RecordError(f"file too large ({self.size} bytes; the limit is {MAX_FILE_BYTES})",
                              path=self.where)
        with self.opener() as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise RecordError(f"file too large (over {MAX_FILE_BYTES} bytes)", path=self.where)
        return data


@dataclasses.dataclass
class Record:
    """One document as a reader found it, before ids, cleaning and duplicate detection.

    ``fields`` holds the metadata as named in the input; ``canonical`` maps corpuskit's field names
    (title, date, source, url, author) to values once recognized.
    """

    text: str
    locator: str                 # where in the file: "line 12", "record 3", "DOC AFP_ARB_0001"
    fmt: str                     # reader name: page, json, jsonl, csv, parquet, sgml, html
    canonical: dict[str, Any] = dataclasses.field(default_factory=dict)
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)
    encoding: str | None = None


@dataclasses.dataclass
class ReadContext:
    """Settings a reader needs: the user's column mapping and, for CSV, a delimiter."""

    columns: dict[str, str] | None = None


# ---------------------------------------------------------------------------------------------
# Decoding

_ARABIC = re.compile(r"[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]")
_NON_LETTERS = re.compile(r"[\W\d_]+")
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


def arabic_share(text: str, sample: int = 4000) -> float:
    """Share of Arabic letters among all letters of ``text`` (0 when it has no letters).

    Looks at the first ``sample`` characters: enough to tell an Arabic article from an English one.
    """
    part = text[:sample]
    letters = len(_NON_LETTERS.sub("", part))
    arabic = len(part) - len(_ARABIC.sub("", part))
    return min(1.0, arabic / letters) if letters else 0.0


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


def decode_bytes(data: bytes, where: str = "") -> tuple[str, str]:
    """Decode a file's bytes, detecting the encoding; returns ``(text, encoding)``.

    Tries BOMs, UTF-8, UTF-16 without BOM, then the two Arabic legacy code pages (Windows-1256 and
    ISO-8859-6, whichever yields more Arabic), then charset-normalizer. CRLF and CR become LF.
    Raises :class:`RecordError` for binary or undecodable data.
    """
    if not data or not data.strip():
        raise RecordError("empty file", path=where)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise RecordError(f"binary file ({what})", path=where)
    boms = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
            (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16")]
    text = encoding = None
    for bom, enc in boms:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise RecordError(f"undecodable: has a {enc} byte-order mark but invalid {enc} "
                                  f"at byte {exc.start}", path=where) from None
            break
    if text is None and b"\x00" in data[:4096]:
        enc16 = _looks_utf16(data)
        if enc16 is None:
            raise RecordError("binary file (NUL bytes, not UTF-16 text)", path=where)
        try:
            text, encoding = data.decode(enc16), enc16
        except UnicodeDecodeError:
            raise RecordError(f"undecodable: looks like {enc16} but is not valid", path=where) from None
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data, where)
    if len(_CONTROL.findall(text[:4096])) > 0.05 * min(len(text), 4096):
        raise RecordError("binary file (control characters)", path=where)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def _decode_legacy(data: bytes, where: str) -> tuple[str, str]:
    best: tuple[float, str, str] | None = None
    for enc in ("cp1256", "iso-8859-6"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = arabic_share(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is not None and best[0] >= 0.5:
        return best[1], best[2]
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is None or guess.encoding is None:
        raise RecordError("undecodable: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6, and no "
                          "other encoding fits", path=where)
    return str(guess), guess.encoding


def open_text(source: Source) -> Iterator[str]:
    """Stream a UTF-8 (or BOM-marked) text source line by line, for line-oriented formats.

    Falls back to decoding the whole file when it is not UTF-8.
    """
    with source.opener() as fh:
        head = fh.read(4)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        text, _ = decode_bytes(source.read_bytes(), source.where)
        yield from io.StringIO(text)
        return
    with source.opener() as fh:
        wrapper = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="strict", newline=None)
        try:
            yield from wrapper
        except UnicodeDecodeError:
            raise RecordError("undecodable: not valid UTF-8 (line-oriented files must be UTF-8 "
                              "or UTF-16)", path=source.where) from None


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
