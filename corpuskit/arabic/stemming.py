"""Light stemming (Larkey et al.'s light10) and lemmatization through camel-tools when available."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import ResourceUnavailableError

__all__ = ["stem", "stem_tokens", "lemmatize", "camel_data_dir"]

# light10 (Larkey, Ballesteros & Connell 2007). Teh marbuta forms are listed in both spellings so
# that the stemmer gives the same stem whether or not the text was normalized ة → ه.
_WAW = "\u0648"
_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")


@functools.lru_cache(maxsize=1 << 20)
def stem(token: str) -> str:
    """Light10 stem of one (normalized) Arabic token; non-Arabic tokens come back unchanged.

    Removes a leading و if at least three letters remain, one definite article (وال بال كال فال لل
    ال) if at least two remain, then the suffixes ها ان ات ون ين يه ية ه ة ي in that order, each if
    at least two letters remain. Results are cached per word type.

    >>> stem("والمعارضة"), stem("بالدبابات"), stem("السوريين")
    ('معارض', 'دباب', 'سور')
    """
    word = token
    if not word or not ("\u0621" <= word[0] <= "\u064a"):
        return token
    if word.startswith(_WAW) and len(word) >= 4:
        word = word[1:]
    for art in _ARTICLES:
        if word.startswith(art) and len(word) - len(art) >= 2:
            word = word[len(art):]
            break
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            word = word[: -len(suf)]
    return word


def stem_tokens(tokens: Iterable[str]) -> list[str]:
    """:func:`stem` applied to each token."""
    return [stem(t) for t in tokens]


_INSTALL_HINT = (
    "Install it once with `camel_data -i light` (or `camel_data -i disambig-mle-calima-msa-r13`) on "
    "a machine with network access, or set CAMELTOOLS_DATA to a folder holding it; then call "
    "lemmatize() again. Everything else in corpuskit works without it."
)


def camel_data_dir() -> Path:
    """Where camel-tools looks for its downloaded data (``$CAMELTOOLS_DATA`` or ``~/.camel_tools``)."""
    env = os.environ.get("CAMELTOOLS_DATA")
    return Path(env).expanduser() if env else Path.home() / ".camel_tools"


@functools.lru_cache(maxsize=1)
def _disambiguator():  # pragma: no cover - needs camel_data, which is absent offline
    # Importing camel_tools.data without its catalogue starts a download: look before importing.
    if not (camel_data_dir() / "catalogue.json").is_file():
        raise ResourceUnavailableError(
            f"lemmatization needs camel-tools' morphology data, and none is in {camel_data_dir()}. "
            + _INSTALL_HINT)
    try:
        from camel_tools.disambig.mle import MLEDisambiguator

        return MLEDisambiguator.pretrained()
    except Exception as exc:  # camel-tools raises several kinds when its data is missing
        raise ResourceUnavailableError(
            "lemmatization needs camel-tools' morphology data, which could not be loaded "
            f"({type(exc).__name__}: {exc}). " + _INSTALL_HINT) from exc


def lemmatize(tokens: list[str]) -> list[str]:
    """Lemmas of a tokenized sentence, from camel-tools' MLE disambiguator (diacritics removed).

    Needs camel-tools' data (``camel_data -i light``); without it this raises
    :class:`~corpuskit.errors.ResourceUnavailableError` saying how to install it. Everything else
    in corpuskit works without that data.
    """
    from .normalization import normalize

    disambig = _disambiguator()
    out = []
    for word in disambig.disambiguate(tokens):  # pragma: no cover - needs camel_data
        analyses = word.analyses
        lex = analyses[0].analysis.get("lex", word.word) if analyses else word.word
        out.append(normalize(lex, "light"))
    return out
