"""Reading bundled and user resource files (gazetteers, lexicons) the same way everywhere."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from .errors import InputError

__all__ = ["read_resource_texts", "source_record", "fingerprint"]


def read_resource_texts(bundled: str, path: str | Path | None, extend: bool,
                        what: str) -> list[tuple[str, str]]:
    """``(where, text)`` of the bundled resource (unless a user file replaces it) and of the
    user's file; a missing or non-UTF-8 user file is an :class:`InputError` naming it."""
    texts = []
    if path is None or extend:
        res = resources.files("corpuskit.resources").joinpath(bundled)
        texts.append((f"corpuskit/resources/{bundled}", res.read_text(encoding="utf-8")))
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"{p}: no such {what} file")
        try:
            texts.append((str(p), p.read_text(encoding="utf-8-sig")))
        except UnicodeDecodeError as exc:
            raise InputError(f"{p}: not UTF-8 text (byte {exc.start}); save the {what} as "
                             "UTF-8") from None
    return texts


def source_record(where: str, text: str, rows: int) -> dict:
    return {"file": where, "sha256": hashlib.sha256(text.encode()).hexdigest(), "rows": rows}


def fingerprint(sources: list[dict]) -> str:
    """One hash over every source read (for provenance)."""
    h = hashlib.sha256()
    for s in sources:
        h.update(s["sha256"].encode())
    return h.hexdigest()[:16]
