"""The Arabic analyzer: text → terms (normalized, stop words out, light10-stemmed, n-grams).

It tokenizes text *lightly* normalized (diacritics, tatweel and invisible characters removed,
letters as written), then maps each word type once, through a cache, to its term: fully
normalized with the chosen settings, stop words dropped, stemmed. A scikit-learn estimator:
its settings are plain ``__init__`` parameters, and everything derived from them (normalizers,
the stop list, the cache) is built on first use and rebuilt when a setting changes, so
``set_params``, ``clone`` and assignments like ``analyzer.stem = False`` take effect.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sklearn.base import BaseEstimator

from ..arabic.normalization import PRESETS, NormalizeSettings, get_normalizer
from ..arabic.stemming import stem as light10
from ..arabic.stoplists import stopwords
from ..errors import SettingsError

__all__ = ["ArabicAnalyzer"]


class _TermCache(dict):  # type: ignore[type-arg]
    """token → term (or None), computed on first sight; lookups stay in C."""

    def __init__(self, compute, limit: int = 2_000_000):  # noqa: ANN001
        super().__init__()
        self.compute, self.limit = compute, limit

    def __missing__(self, token: str) -> str | None:
        value = self.compute(token)
        if len(self) < self.limit:
            self[token] = value
        return value


class _Compiled:
    """What an analyzer derives from its settings; rebuilt whenever they change."""

    def __init__(self, a: ArabicAnalyzer):
        lo, hi = a.ngrams
        if not (1 <= lo <= hi):
            raise SettingsError(f"ngrams={a.ngrams!r}: give (min_n, max_n) with 1 <= min_n <= max_n")
        self.settings = NormalizeSettings.resolve(a.normalize)
        # Tokens come from the lighter of the two settings, so surface forms stay as written.
        self.surface = get_normalizer(NormalizeSettings(self.settings.steps & PRESETS["light"],
                                                        "surface"))
        self.norm = get_normalizer(self.settings)
        if a.stop_words is True:
            self.stop = stopwords(self.settings)
        elif a.stop_words:
            self.stop = frozenset(t for w in a.stop_words for t in self.norm.tokens(w))
        else:
            self.stop = frozenset()
        self.stem, self.min_length, self.ngrams = bool(a.stem), int(a.min_length), (lo, hi)
        self.cache = _TermCache(self.term)

    def term(self, token: str) -> str | None:
        n = self.norm(token)
        if len(n) < self.min_length or not n.isalpha() or n in self.stop:
            return None
        t = light10(n) if self.stem else n
        return None if t in self.stop or len(t) < min(2, self.min_length) else t


class ArabicAnalyzer(BaseEstimator):
    """Text → terms: normalized, stop words out, stemmed, optionally n-grams.

    Usable on its own (``analyzer(text)``) or inside scikit-learn:
    ``CountVectorizer(analyzer=ArabicAnalyzer())``. Words shorter than ``min_length`` letters,
    numbers and punctuation are dropped. The analyzer pickles (its cache is rebuilt), and
    ``settings()`` records what was actually applied, for provenance.
    """

    def __init__(self, normalize: str | NormalizeSettings | Mapping[str, Any] = "default",
                 stem: bool = True, stop_words: bool | Iterable[str] = True,
                 ngrams: tuple[int, int] = (1, 1), min_length: int = 2):
        self.normalize = normalize
        self.stem = stem
        self.stop_words = stop_words
        self.ngrams = ngrams
        self.min_length = min_length

    def _key(self) -> tuple:
        norm = self.normalize
        if isinstance(norm, Mapping):
            norm = tuple(sorted(norm.items()))
        sw = self.stop_words
        sw = sw if isinstance(sw, bool) or sw is None else ("id", id(sw))
        return (norm, self.stem, sw, tuple(self.ngrams), self.min_length)

    @property
    def _c(self) -> _Compiled:
        key = self._key()
        comp = self.__dict__.get("_compiled")
        if comp is None or self.__dict__.get("_compiled_key") != key:
            comp = _Compiled(self)
            self.__dict__["_compiled"], self.__dict__["_compiled_key"] = comp, key
        return comp

    def settings(self) -> dict[str, Any]:
        """The settings actually applied, as plain JSON (for provenance and saved models)."""
        c = self._c
        return {"normalize": c.settings.as_dict(), "stem": c.stem,
                "stop_words": self.stop_words if isinstance(self.stop_words, bool)
                else sorted(c.stop), "ngrams": list(c.ngrams), "min_length": c.min_length}

    def term(self, token: str) -> str | None:
        """The term of one (lightly normalized) token, or None when it is dropped."""
        return self._c.cache[token]

    def surface_tokens(self, text: str) -> list[str]:
        """The lightly normalized tokens of ``text`` (before terms are made of them)."""
        return self._c.surface.tokens(text)

    def terms_of_tokens(self, tokens: Sequence[str]) -> list[str]:
        c = self._c
        out = [x for x in map(c.cache.__getitem__, tokens) if x]
        lo, hi = c.ngrams
        if hi == 1:
            return out
        grams = [] if lo > 1 else list(out)
        for n in range(max(2, lo), hi + 1):
            grams += [" ".join(out[i:i + n]) for i in range(len(out) - n + 1)]
        return grams

    def terms_and_surfaces(self, tokens: Sequence[str]) -> tuple[list[str], list[str]]:
        """Terms with the words they were made from (n-grams: the phrase as written)."""
        c = self._c
        pairs = [(t, tok) for tok in tokens if (t := c.cache[tok])]
        lo, hi = c.ngrams
        terms: list[str] = []
        surfaces: list[str] = []
        for n in range(lo, hi + 1):
            for i in range(len(pairs) - n + 1):
                chunk = pairs[i:i + n]
                terms.append(" ".join(p[0] for p in chunk))
                surfaces.append(" ".join(p[1] for p in chunk))
        return terms, surfaces

    def __call__(self, text: str) -> list[str]:
        return self.terms_of_tokens(self.surface_tokens(text))

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())
        state.pop("_compiled", None)  # rebuilt on first use after unpickling
        state.pop("_compiled_key", None)
        return state
