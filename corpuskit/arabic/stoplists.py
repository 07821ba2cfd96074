"""The bundled Arabic stop-word list, normalized with the same settings as the text it filters."""

from __future__ import annotations

import functools
from importlib import resources

from .normalization import NormalizeSettings, get_normalizer

__all__ = ["stopwords"]

_PREFIXES = ("", "و", "ف")
# ب ل ك attach to longer function words only: on two-letter ones they make content words
# (ب + كي = بكي "cried", ل + له = لله).
_LONG_PREFIXES = ("ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
_VERB_SUFFIXES = ("", "ت", "وا", "ا")


def _read_sections() -> dict[str, list[str]]:
    text = resources.files("corpuskit.resources").joinpath("stopwords_ar.txt").read_text("utf-8")
    sections: dict[str, list[str]] = {}
    current = "function"
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line)
    return sections


@functools.lru_cache(maxsize=16)
def _stopwords(settings: NormalizeSettings) -> frozenset[str]:
    norm = get_normalizer(settings)
    sections = _read_sections()
    words: set[str] = set()
    for w in sections.get("function", []):
        words.update(p + w for p in _PREFIXES)
        if len(w) >= 3:
            words.update(p + w for p in _LONG_PREFIXES)
    for v in sections.get("reporting", []):
        words.update(p + v + s for p in _PREFIXES for s in _VERB_SUFFIXES)
    words.update(w.lower() for w in sections.get("markup", []))
    return frozenset(t for w in words for t in norm.tokens(w))


def stopwords(preset: str | NormalizeSettings | None = "default", **switches: bool) -> frozenset[str]:
    """Arabic stop words (function words and news reporting verbs with their clitic forms,
    colloquial function words, the names of HTML entities), normalized with the given settings
    so that they match text normalized the same way.

    >>> "وقالت" in stopwords(), "واضاف" in stopwords(), "دمشق" in stopwords()
    (True, True, False)
    """
    return _stopwords(NormalizeSettings.resolve(preset, **switches))
