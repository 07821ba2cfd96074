"""Corpora larger than memory: read a Parquet corpus in row batches and learn topics from them.

Two passes over the file, one batch in memory at a time: the first counts document frequencies
to fix the vocabulary, the next ones feed online LDA (``TopicModel.partial_fit``). Memory then
depends on the batch size and the vocabulary, not on the number of documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .corpus import Corpus, open_parquet
from .errors import InputError, SettingsError
from .features import ArabicAnalyzer, document_term_matrix
from .topics import TopicModel

__all__ = ["iter_parquet_corpus", "stream_vocabulary", "fit_topics_streaming"]


def iter_parquet_corpus(path: str | Path, batch_size: int = 2000) -> Iterator[Corpus]:
    """Batches of a Parquet file as small corpora (a corpuskit corpus file, or any Parquet table
    with a ``text`` column; ``doc_id``, ``title``, ``date``, ``source`` are used when present)."""
    pf = open_parquet(path)
    names = set(pf.schema_arrow.names)
    if "text" not in names:
        raise InputError(f"{path}: no 'text' column (columns: {sorted(names)})")
    cols = [c for c in ("doc_id", "title", "text", "date", "source") if c in names]
    row = 0
    for batch in pf.iter_batches(batch_size=batch_size, columns=cols):
        docs = batch.to_pandas()
        if "doc_id" not in docs:
            docs.insert(0, "doc_id", [f"row{row + i}" for i in range(len(docs))])
        dup = docs["doc_id"].duplicated()
        if dup.any():  # repeated ids inside a batch (e.g. a corpus stored twice) stay apart
            docs.loc[dup, "doc_id"] = [f"{d}@{row + i}" for i, d in
                                       zip(np.flatnonzero(dup), docs.loc[dup, "doc_id"])]
        row += len(docs)
        yield Corpus(docs)


def stream_vocabulary(path: str | Path, *, min_df: int | float = 5, max_df: int | float = 0.5,
                      batch_size: int = 2000, analyzer: ArabicAnalyzer | None = None,
                      max_terms: int | None = None) -> list[str]:
    """The vocabulary of a Parquet corpus by document frequency, counted batch by batch.

    ``min_df`` and ``max_df`` are counts (int) or shares of the documents (float below 1).
    """
    analyzer = analyzer or ArabicAnalyzer()
    df: Counter[str] = Counter()
    n = 0
    for corpus in iter_parquet_corpus(path, batch_size):
        for text in corpus._full_texts():
            df.update(set(analyzer(text)))
        n += len(corpus)
    lo = min_df * n if isinstance(min_df, float) and min_df < 1 else min_df
    hi = max_df * n if isinstance(max_df, float) and max_df <= 1 else max_df
    terms = [t for t, c in df.items() if lo <= c <= hi]
    if not terms:
        raise SettingsError(f"min_df={min_df} and max_df={max_df} leave no terms in {path}")
    if max_terms is not None:
        terms = sorted(terms, key=lambda t: (-df[t], t))[:max_terms]
    return sorted(terms)


def fit_topics_streaming(path: str | Path, k: int, *, passes: int = 1, batch_size: int = 2000,
                         min_df: int | float = 5, max_df: int | float = 0.5,
                         **model_params: Any) -> TopicModel:
    """Learn an online LDA model from a Parquet corpus without loading it whole.

    The first batch also gives the NMF start (``init="nmf"``). The model has no ``doc_topic_``;
    use ``model.transform(batch)`` on batches to get document proportions.
    """
    if passes < 1:
        raise SettingsError("passes must be at least 1")
    analyzer = ArabicAnalyzer()
    vocab = stream_vocabulary(path, min_df=min_df, max_df=max_df, batch_size=batch_size,
                              analyzer=analyzer)
    model = TopicModel(k=k, learning_method="online", batch_size=batch_size, **model_params)
    for _ in range(passes):
        for corpus in iter_parquet_corpus(path, batch_size):
            dtm = document_term_matrix(corpus, vocabulary=vocab, analyzer=analyzer, meta=[])
            model.partial_fit(dtm)
    model.meta_ = pd.DataFrame()
    model.doc_ids_ = np.asarray([], dtype=object)
    return model
