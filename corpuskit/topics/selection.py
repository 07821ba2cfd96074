"""Topic alignment, stability across runs, and the choice of k."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .._progress import track
from ..errors import SettingsError
from ..features import DTM
from .model import TopicModel

__all__ = ["align_topics", "Stability", "stability", "select_k"]


def align_topics(reference: np.ndarray, other: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Match the topics of ``other`` to those of ``reference`` (Hungarian algorithm on the cosine
    similarity of topic-word rows). Returns ``(perm, sim)``: topic ``i`` of the reference matches
    topic ``perm[i]`` of ``other`` with cosine similarity ``sim[i]``."""
    from scipy.optimize import linear_sum_assignment

    if reference.shape != other.shape:
        raise SettingsError(f"cannot align topic matrices of shapes {reference.shape} and "
                            f"{other.shape}: fit them with the same k on the same vocabulary")
    a = reference / np.linalg.norm(reference, axis=1, keepdims=True)
    b = other / np.linalg.norm(other, axis=1, keepdims=True)
    sim = a @ b.T
    rows, cols = linear_sum_assignment(-sim)
    perm = np.empty(len(rows), dtype=int)
    perm[rows] = cols
    return perm, sim[np.arange(len(perm)), perm]


@dataclasses.dataclass
class Stability:
    """Topic stability across runs (different seeds, optionally resampled documents).

    ``topics``: one row per topic of the consensus run: its label, stability (mean cosine
    similarity of its matched topic in every other run) and the lowest match. ``score``: the
    mean topic stability. ``pairwise``: runs × runs mean matched similarity. ``consensus``: the
    most central run (highest mean similarity to the others). ``runs``: all fitted models.
    """

    topics: pd.DataFrame
    score: float
    pairwise: pd.DataFrame
    consensus: TopicModel
    runs: list[TopicModel]

    def __repr__(self) -> str:
        return (f"<Stability: {len(self.runs)} runs of k={self.consensus.k}, score "
                f"{self.score:.3f}, least stable topic {self.topics['stability'].min():.3f}>")


def _resample_rows(n: int, share: float | None, seed: int) -> np.ndarray:
    if share is None or share >= 1:
        return np.arange(n)
    if not 0 < share < 1:
        raise SettingsError("resample must be a share in (0, 1)")
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(n, size=max(2, int(round(share * n))), replace=False))


def stability(dtm: DTM, k: int, seeds: Sequence[int] = (0, 1, 2, 3, 4), *,
              resample: float | None = 0.9, progress: bool | None = None,
              **params: Any) -> Stability:
    """Fit one model per seed and measure how well its topics recur across runs.

    Each run uses its seed for the model's random choices and, with ``resample`` (a share of
    the rows, default 0.9), for drawing the documents it is fitted on: stability then measures
    robustness to the corpus as well as to the start. Topics are aligned between runs by the
    Hungarian algorithm on cosine similarity (:func:`align_topics`). ``progress``: a bar per
    fit (``None``: in notebooks, for large jobs).
    """
    if len(seeds) < 2:
        raise SettingsError("stability needs at least two seeds")
    runs = []
    large = len(seeds) * dtm.matrix.nnz >= 2_000_000
    for s in track(seeds, progress=progress, large=large, desc=f"stability k={k}", unit="fit"):
        rows = _resample_rows(dtm.shape[0], resample, s)
        runs.append(TopicModel(k=k, seed=s, **params).fit(dtm.select(rows) if len(rows) <
                                                          dtm.shape[0] else dtm))
    n = len(runs)
    sims = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            sims[i, j] = sims[j, i] = align_topics(runs[i].components_, runs[j].components_)[1].mean()
    centre = int(np.argmax(sims.sum(axis=1)))
    consensus = runs[centre]
    per_topic = np.array([align_topics(consensus.components_, runs[j].components_)[1]
                          for j in range(n) if j != centre])  # (n-1) × k
    topics = pd.DataFrame({"topic": np.arange(1, k + 1), "label": consensus.labels(),
                           "stability": per_topic.mean(axis=0), "min": per_topic.min(axis=0)})
    pairwise = pd.DataFrame(sims, index=pd.Index(list(seeds), name="seed"),
                            columns=pd.Index(list(seeds), name="seed"))
    return Stability(topics, float(topics["stability"].mean()), pairwise, consensus, runs)


def select_k(dtm: DTM, ks: Sequence[int], seeds: Sequence[int] = (0, 1, 2), *,
             heldout: float = 0.1, n_top: int = 10, progress: bool | None = None,
             **params: Any) -> pd.DataFrame:
    """Diagnostics across numbers of topics, in the spirit of stm's ``searchK``.

    For every k and seed: hold out a share of the rows (drawn with the seed), fit on the rest,
    and record NPMI coherence (on the training rows), exclusivity, held-out perplexity (LDA) and,
    across the seeds of the same k, topic stability. Returns one row per k and seed: ``k``,
    ``seed``, ``coherence``, ``exclusivity``, ``perplexity``, ``stability`` (the k's score,
    repeated on its rows), ``seconds``. ``progress``: a bar over the fits (``None``: in notebooks,
    for large jobs).
    """
    if not ks:
        raise SettingsError("select_k needs at least one k")
    rows = []
    n = dtm.shape[0]
    fits = [(k, s) for k in ks for s in seeds]
    large = len(fits) * dtm.matrix.nnz >= 2_000_000
    models: dict[int, list[TopicModel]] = {}
    for k, s in track(fits, progress=progress, large=large, desc="select_k", unit="fit"):
        train = _resample_rows(n, 1 - heldout if heldout else None, s)
        test = np.setdiff1d(np.arange(n), train)
        t0 = time.perf_counter()
        sub = dtm.select(train) if len(train) < n else dtm
        m = TopicModel(k=k, seed=s, **params).fit(sub)
        secs = time.perf_counter() - t0
        perp = m.perplexity(dtm.select(test)) if (m.method == "lda" and len(test)) else np.nan
        rows.append({"k": k, "seed": s, "coherence": float(m.coherence(n=n_top).mean()),
                     "exclusivity": float(m.exclusivity(n_top).mean()),
                     "perplexity": perp, "seconds": secs})
        models.setdefault(k, []).append(m)
    stab = {}
    for k, ms in models.items():  # each k's stability: mean matched similarity over seed pairs
        sims = [align_topics(ms[i].components_, ms[j].components_)[1].mean()
                for i in range(len(ms)) for j in range(i + 1, len(ms))]
        stab[k] = float(np.mean(sims)) if sims else np.nan
    for r in rows:
        r["stability"] = stab[r["k"]]
    out = pd.DataFrame(rows)
    return out[["k", "seed", "coherence", "exclusivity", "perplexity", "stability", "seconds"]]
