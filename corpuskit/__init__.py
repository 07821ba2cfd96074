"""corpuskit: a research toolkit for Arabic conflict-news corpora.

    import corpuskit as ck
    corpus = ck.load_corpus("data/sample/")
    corpus.docs, corpus.report, corpus.units("paragraph")

The public API is re-exported here lazily, so ``import corpuskit`` stays light (no camel-tools,
pandas or scikit-learn until they are used).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_corpus": "corpuskit.load",
    "Limits": "corpuskit.limits",
    "Corpus": "corpuskit.corpus",
    "CorpuskitError": "corpuskit.errors",
    "InputError": "corpuskit.errors",
    "RecordError": "corpuskit.errors",
    "SettingsError": "corpuskit.errors",
    "ResourceUnavailableError": "corpuskit.errors",
    "normalize": "corpuskit.arabic",
    "tokenize": "corpuskit.arabic",
    "parse_date": "corpuskit.dates",
    "document_term_matrix": "corpuskit.features",
    "DTM": "corpuskit.features",
    "ArabicAnalyzer": "corpuskit.features",
    "TopicModel": "corpuskit.topics",
    "find_actors": "corpuskit.actors",
    "load_gazetteer": "corpuskit.actors",
    "cooccurrence": "corpuskit.actors",
    "actor_network": "corpuskit.actors",
    "centrality": "corpuskit.actors",
    "write_network": "corpuskit.actors",
    "suggest_actors": "corpuskit.actors",
    "show": "corpuskit.display",
    "frame_scores": "corpuskit.framing",
    "load_lexicon": "corpuskit.framing",
    "kwic": "corpuskit.framing",
    "keyness": "corpuskit.framing",
    "frame_dyads": "corpuskit.framing",
    "frame_shares": "corpuskit.framing",
    "train_frame_model": "corpuskit.framing",
    "select_k": "corpuskit.topics",
    "stability": "corpuskit.topics",
    "open_corpus": "corpuskit.store",
    "DiskCorpus": "corpuskit.store",
    "get_engine": "corpuskit.engine",
}
_SUBMODULES = {"arabic", "readers", "clean", "dates", "errors", "corpus", "load", "cli", "plot",
               "features", "topics", "stream", "limits", "stats", "matching", "actors", "framing",
               "report", "display", "store", "engine"}

__all__ = sorted(_EXPORTS) + sorted(_SUBMODULES)

if TYPE_CHECKING:  # pragma: no cover
    from . import (actors, arabic, clean, dates, errors, features, framing, limits, matching,
                   plot, readers, stats, stream, topics)
    from .actors import (actor_network, centrality, cooccurrence, find_actors, load_gazetteer,
                         suggest_actors, write_network)
    from .framing import (frame_dyads, frame_scores, frame_shares, keyness, kwic, load_lexicon,
                          train_frame_model)
    from .arabic import normalize, tokenize
    from .corpus import Corpus
    from .engine import get_engine
    from .store import DiskCorpus, open_corpus
    from .dates import parse_date
    from .errors import (CorpuskitError, InputError, RecordError, ResourceUnavailableError,
                         SettingsError)
    from .features import DTM, ArabicAnalyzer, document_term_matrix
    from .limits import Limits
    from .load import load_corpus
    from .topics import TopicModel, select_k, stability


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"corpuskit.{name}")
    raise AttributeError(f"module 'corpuskit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
