"""Topic diagnostics: NPMI coherence, exclusivity, FREX, lift, and the rankings that label topics."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.stats import rankdata

from ..errors import SettingsError
from ..features import DTM

__all__ = ["npmi_coherence", "exclusivity", "frex", "lift", "label_score", "top_indices",
           "column_share"]


def top_indices(topic_word: np.ndarray, n: int) -> np.ndarray:
    """Each row's ``n`` largest columns; ties broken by column index, so equal weights give the
    same top terms everywhere."""
    return np.argsort(-topic_word, axis=1, kind="stable")[:, :n]


def npmi_coherence(topic_word: np.ndarray, reference: sp.spmatrix | DTM, n: int = 10,
                   top: np.ndarray | None = None) -> np.ndarray:
    """NPMI coherence of each topic's top ``n`` terms, from document co-occurrence.

    For every pair of top terms, NPMI = log(P(i, j) / (P(i) P(j))) / -log P(i, j), with P the
    share of reference documents that contain the term(s); a pair never seen together scores -1.
    A topic's coherence is the mean over its pairs (Bouma 2009; Röder et al. 2015). The
    reference is the training DTM or any DTM with the same columns.
    """
    X = reference.matrix if isinstance(reference, DTM) else reference
    X = sp.csc_matrix(X)
    n_docs = X.shape[0]
    if n_docs == 0:
        raise SettingsError("coherence needs a reference with at least one document")
    top = top_indices(topic_word, n) if top is None else top
    out = np.empty(len(top))
    for t, idx in enumerate(top):
        sub = (X[:, idx] > 0).astype(np.float64)
        co = (sub.T @ sub).toarray() / n_docs
        p = np.diag(co)
        vals = []
        for i in range(len(idx)):
            for j in range(i + 1, len(idx)):
                pij = co[i, j]
                if pij <= 0:
                    vals.append(-1.0)
                elif pij >= 1:
                    vals.append(1.0)
                else:
                    vals.append(np.log(pij / (p[i] * p[j])) / -np.log(pij))
        out[t] = float(np.mean(vals)) if vals else np.nan
    return out


def column_share(topic_word: np.ndarray) -> np.ndarray:
    """Each topic's share of every term's total weight (1/k where no topic uses the term)."""
    tot = topic_word.sum(axis=0, keepdims=True)
    return np.divide(topic_word, tot, out=np.full_like(topic_word, 1.0 / len(topic_word)),
                     where=tot > 0)


def exclusivity(topic_word: np.ndarray, n: int = 10) -> np.ndarray:
    """Mean exclusivity of each topic's top ``n`` terms: β[t, w] / Σ_s β[s, w] (1 = no other
    topic uses the word; 1/k = every topic uses it equally)."""
    share = column_share(topic_word)
    top = top_indices(topic_word, n)
    return np.take_along_axis(share, top, axis=1).mean(axis=1)


def _ecdf(a: np.ndarray) -> np.ndarray:
    """Within-row empirical CDF; tied values share their average rank (as R's ecdf in stm)."""
    return rankdata(a, method="average", axis=1) / a.shape[1]


def frex(topic_word: np.ndarray, weight: float = 0.5) -> np.ndarray:
    """FREX scores (stm's ``calcfrex``): the weighted harmonic mean of a word's exclusivity rank
    and its frequency rank within the topic, both as within-topic empirical CDFs::

        FREX = 1 / (weight / ECDF(exclusivity) + (1 - weight) / ECDF(probability))

    ``weight`` is the weight on exclusivity. Tied values get their average rank.
    """
    if not 0 <= weight <= 1:
        raise SettingsError("frex weight must be between 0 and 1")
    return 1.0 / (weight / _ecdf(column_share(topic_word)) + (1 - weight) / _ecdf(topic_word))


def lift(topic_word: np.ndarray, term_freq: np.ndarray) -> np.ndarray:
    """Lift (Taddy 2012, stm): a word's probability in the topic over its share of the corpus.
    High for words rare in the corpus but present in the topic."""
    freq = np.asarray(term_freq, dtype=float)
    freq = freq / freq.sum()
    return np.divide(topic_word, freq[None, :], out=np.zeros_like(topic_word), where=freq > 0)


def label_score(topic_word: np.ndarray) -> np.ndarray:
    """stm's "score": log β[t, w] minus the mean over topics of log β[s, w], times β[t, w]
    (Chang's labelling score): frequent words that are also distinctive."""
    logb = np.log(np.clip(topic_word, 1e-300, None))
    return topic_word * (logb - logb.mean(axis=0, keepdims=True))
