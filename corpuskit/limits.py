"""The limits that keep a load's memory bounded and hostile input harmless.

Every limit is a documented setting, not a hidden constant: ``load_corpus(..., limits=Limits(...))``
and ``corpuskit load --max-record-chars N`` change them. What goes past a limit is skipped and
reported with its size, never read half and never silently lost.

>>> Limits().max_record_chars
2000000
>>> Limits(max_record_chars=10_000).max_line_bytes
105536
"""

from __future__ import annotations

import dataclasses

from .errors import SettingsError

__all__ = ["Limits", "DEFAULT_LIMITS"]

_MiB = 1024 * 1024


@dataclasses.dataclass(frozen=True)
class Limits:
    """Size, depth and expansion limits of a load.

    Attributes:
        max_record_chars: one document's text (title + body) at most, in characters. News
            articles run to a few thousand words (SaudiNewsNet's longest is 57 KB); 2 million
            characters is a 300,000-word book. A larger record is skipped with its size.
        max_file_bytes: one input file or archive member at most, counted as actually read
            (decompressed), not as declared in a header.
        max_archive_bytes: all members of one archive together at most, as actually read.
        max_expansion_ratio: a member whose real size passes 10 MB and this many times its
            compressed size is skipped as a likely bomb.
        max_depth: nesting of JSON values (objects in lists in objects ...) at most.
        json_in_memory_bytes: JSON arrays up to this size are parsed at once (fast); larger ones
            are streamed record by record (ijson), so memory does not grow with the file.
        spool_bytes: archive members and gzip contents up to this size are held in memory; larger
            ones are spooled to a temporary file while they are read.
    """

    max_record_chars: int = 2_000_000
    max_file_bytes: int = 512 * _MiB
    max_archive_bytes: int = 8 * 1024 * _MiB
    max_expansion_ratio: float = 200.0
    max_depth: int = 64
    json_in_memory_bytes: int = 32 * _MiB
    spool_bytes: int = 32 * _MiB

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if not isinstance(v, (int, float)) or isinstance(v, bool) or v <= 0:
                raise SettingsError(f"Limits({f.name}={v!r}): must be a positive number")

    @property
    def max_line_bytes(self) -> int:
        """Longest line read from a line-oriented file (a JSON Lines record with its metadata)."""
        return 4 * self.max_record_chars + 64 * 1024

    @property
    def max_page_bytes(self) -> int:
        """Largest single-document file (a page or an HTML file, with its markup)."""
        return 4 * self.max_record_chars + 1 * _MiB

    def as_dict(self) -> dict[str, float]:
        return dataclasses.asdict(self)


DEFAULT_LIMITS = Limits()
