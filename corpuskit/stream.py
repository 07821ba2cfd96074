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
from .features import ArabicAnalyzer, df_bounds, document_term_matrix
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

    ``min_df`` and ``max_df`` are counts (int) or shares of the documents (float in [0, 1]),
    read exactly as :func:`~corpuskit.features.document_term_matrix` reads them.
    """
    return _stream_vocabulary(path, min_df=min_df, max_df=max_df, batch_size=batch_size,
                              analyzer=analyzer, max_terms=max_terms)[0]


def _stream_vocabulary(path: str | Path, *, min_df: int | float, max_df: int | float,
                       batch_size: int, analyzer: ArabicAnalyzer | None,
                       max_terms: int | None) -> tuple[list[str], int]:
    analyzer = analyzer or ArabicAnalyzer()
    df: Counter[str] = Counter()
    n = 0
    for corpus in iter_parquet_corpus(path, batch_size):
        for text in corpus.full_texts():
            df.update(set(analyzer(text)))
        n += len(corpus)
    lo, hi = df_bounds(min_df, max_df, n)
    terms = [t for t, c in df.items() if lo <= c <= hi]
    if not terms:
        raise SettingsError(f"min_df={min_df} and max_df={max_df} leave no terms in {path}")
    if max_terms is not None:
        terms = sorted(terms, key=lambda t: (-df[t], t))[:max_terms]
    return sorted(terms), n


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
    vocab, n_docs = _stream_vocabulary(path, min_df=min_df, max_df=max_df,
                                       batch_size=batch_size, analyzer=analyzer, max_terms=None)
    model = TopicModel(k=k, learning_method="online", batch_size=batch_size, **model_params)
    for _ in range(passes):
        for corpus in iter_parquet_corpus(path, batch_size):
            dtm = document_term_matrix(corpus, vocabulary=vocab, analyzer=analyzer, meta=[])
            # Each online update is scaled by the corpus size over the batch size: the corpus
            # size is the number of documents the vocabulary pass counted, not this batch's.
            model.partial_fit(dtm, total_samples=n_docs)
    model.meta_ = pd.DataFrame()
    model.doc_ids_ = np.asarray([], dtype=object)
    return model
