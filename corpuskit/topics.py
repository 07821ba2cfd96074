"""Topic models researchers can trust: LDA and NMF with diagnostics, stability and prevalence.

``TopicModel`` follows scikit-learn's contract: settings in ``__init__``, ``fit(dtm)`` returns
self, learned attributes end in ``_``. Topics are numbered from 1 in every table and figure;
topic *t* is row ``t - 1`` of ``components_`` and column ``t - 1`` of ``doc_topic_``.

The default is **LDA started from NMF** (``method="lda", init="nmf"``): NMF on the TF-IDF matrix
with NNDSVDa initialization (deterministic) gives the starting topic-word weights, and variational
Bayes LDA (scikit-learn) refines them. On real Arabic news this is faster than random starts, more
coherent, and does not depend on the seed; ``init="random"`` gives the classic random start.
"""

from __future__ import annotations

import dataclasses
import json
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._progress import track
from ._versions import library_versions
from .errors import InputError, SettingsError
from .features import DTM

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["TopicModel", "npmi_coherence", "exclusivity", "frex", "align_topics", "stability",
           "Stability", "select_k"]

_FORMAT_VERSION = 1
_TIME_BINS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}


# --------------------------------------------------------------------------------- diagnostics
def _top_indices(topic_word: np.ndarray, n: int) -> np.ndarray:
    # Ties broken by column index, so equal weights give the same top terms everywhere.
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
    top = _top_indices(topic_word, n) if top is None else top
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


def _column_share(topic_word: np.ndarray) -> np.ndarray:
    """Each topic's share of every term's total weight (1/k where no topic uses the term)."""
    tot = topic_word.sum(axis=0, keepdims=True)
    return np.divide(topic_word, tot, out=np.full_like(topic_word, 1.0 / len(topic_word)),
                     where=tot > 0)


def exclusivity(topic_word: np.ndarray, n: int = 10) -> np.ndarray:
    """Mean exclusivity of each topic's top ``n`` terms: β[t, w] / Σ_s β[s, w] (1 = no other
    topic uses the word; 1/k = every topic uses it equally)."""
    share = _column_share(topic_word)
    top = _top_indices(topic_word, n)
    return np.take_along_axis(share, top, axis=1).mean(axis=1)


def frex(topic_word: np.ndarray, weight: float = 0.5) -> np.ndarray:
    """FREX scores (stm): the weighted harmonic mean of a word's rank by frequency within the
    topic and by exclusivity to it, both as within-topic empirical CDFs."""
    if not 0 <= weight <= 1:
        raise SettingsError("frex weight must be between 0 and 1")
    excl = _column_share(topic_word)

    def ecdf(a: np.ndarray) -> np.ndarray:
        ranks = np.argsort(np.argsort(a, axis=1, kind="stable"), axis=1, kind="stable") + 1
        return ranks / a.shape[1]

    return 1.0 / (weight / ecdf(excl) + (1 - weight) / ecdf(topic_word))


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


# --------------------------------------------------------------------------------- LDA backend
def _lda_class():
    from sklearn.decomposition import LatentDirichletAllocation
    from sklearn.decomposition._lda import _dirichlet_expectation_2d

    class _LDA(LatentDirichletAllocation):
        """scikit-learn's LDA, able to start from given topic-word weights."""

        init_components: np.ndarray | None = None

        def _e_step(self, X, cal_sstats, random_init, parallel=None):  # noqa: ANN001, ANN202
            out = super()._e_step(X, cal_sstats, random_init, parallel=parallel)
            if not cal_sstats and not random_init:
                # fit() ends with this very E-step (for its bound); it is what transform(X)
                # computes, so keep it instead of running it again.
                self._final_doc_topic = out[0]
            return out

        def _init_latent_vars(self, n_features, dtype=np.float64):  # noqa: ANN001
            super()._init_latent_vars(n_features, dtype)
            if self.init_components is not None:
                self.components_ = np.asarray(self.init_components, dtype=dtype).copy()
                self.exp_dirichlet_component_ = np.exp(
                    _dirichlet_expectation_2d(self.components_))

    return _LDA


def _tfidf(X: sp.spmatrix):
    from sklearn.feature_extraction.text import TfidfTransformer

    tf = TfidfTransformer(sublinear_tf=True)
    return tf, tf.fit_transform(X)


def _normalize_rows(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a, dtype=np.float64)
    s = a.sum(axis=1, keepdims=True)
    out = np.divide(a, s, out=np.full_like(a, 1.0 / a.shape[1]), where=s > 0)
    return out


# --------------------------------------------------------------------------------- the model
class TopicModel:
    """A topic model of a :class:`~corpuskit.features.DTM`.

    Args:
        k: number of topics (at least 2, at most the vocabulary size).
        method: ``"lda"`` (variational Bayes LDA, scikit-learn) or ``"nmf"`` (NMF on TF-IDF).
        seed: the seed of every random choice (random starts, LDA's per-document starts).
        init: for LDA, ``"nmf"`` (start from NMF topics: deterministic, coherent, fast) or
            ``"random"`` (scikit-learn's random Gamma start).
        max_iter: passes over the data (LDA default 2 from an NMF start, 10 from a random one;
            NMF default 400).
        alpha, eta: LDA's document-topic and topic-word priors (default 1/k each).
        learning_method: ``"batch"`` or ``"online"`` variational Bayes (LDA).
        batch_size: documents per online update (LDA, and ``partial_fit``).

    Learned attributes: ``components_`` (k × terms, rows sum to 1: topic-word probabilities),
    ``doc_topic_`` (rows × k, rows sum to 1, in ``dtm.row_ids`` order), ``vocabulary_``,
    ``surface_`` (readable form of each term), ``doc_ids_``, ``unit_ids_``, ``meta_``,
    ``dtm_settings_``, ``estimator_`` (the fitted scikit-learn object), ``n_iter_``.
    """

    def __init__(self, k: int = 10, method: str = "lda", seed: int = 0, init: str = "nmf",
                 max_iter: int | None = None, alpha: float | None = None,
                 eta: float | None = None, learning_method: str = "batch",
                 batch_size: int = 512):
        self.k = k
        self.method = method
        self.seed = seed
        self.init = init
        self.max_iter = max_iter
        self.alpha = alpha
        self.eta = eta
        self.learning_method = learning_method
        self.batch_size = batch_size

    # ------------------------------------------------------------------ scikit-learn protocol
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {p: getattr(self, p) for p in ("k", "method", "seed", "init", "max_iter", "alpha",
                                              "eta", "learning_method", "batch_size")}

    def set_params(self, **params: Any) -> TopicModel:
        for key, value in params.items():
            if key not in self.get_params():
                raise SettingsError(f"TopicModel has no setting {key!r}")
            setattr(self, key, value)
        return self

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.get_params().items()
                   if v != TopicModel().get_params()[k] or k == "k"}
        return "TopicModel(" + ", ".join(f"{k}={v!r}" for k, v in changed.items()) + ")"

    def _check(self, dtm: DTM) -> None:
        if not isinstance(dtm, DTM):
            raise SettingsError("TopicModel.fit takes a DTM from corpuskit.document_term_matrix()")
        n, v = dtm.shape
        if n == 0 or v == 0 or dtm.matrix.nnz == 0:
            raise SettingsError(f"the document-term matrix is empty ({n} rows × {v} terms); "
                                "lower min_df or check the corpus")
        if self.method not in ("lda", "nmf"):
            raise SettingsError(f"method={self.method!r}: choose 'lda' or 'nmf'")
        if self.init not in ("nmf", "random"):
            raise SettingsError(f"init={self.init!r}: choose 'nmf' or 'random'")
        if self.learning_method not in ("batch", "online"):
            raise SettingsError(f"learning_method={self.learning_method!r}: 'batch' or 'online'")
        if not isinstance(self.k, (int, np.integer)) or self.k < 2:
            raise SettingsError(f"k={self.k!r}: a topic model needs k >= 2 topics")
        if self.k > v:
            raise SettingsError(f"k={self.k} is larger than the vocabulary ({v} terms): lower k, "
                                "or lower min_df / raise max_df to keep more terms")
        if self.k > n:
            raise SettingsError(f"k={self.k} is larger than the number of rows ({n}): lower k")

    def fit(self, dtm: DTM, y: Any = None) -> TopicModel:
        """Learn k topics from a DTM; returns self."""
        self._check(dtm)
        X = dtm.matrix.astype(np.float64)
        k = int(self.k)
        if self.method == "nmf":
            from sklearn.decomposition import NMF

            tf, T = _tfidf(X)
            est = NMF(n_components=k, init="nndsvda", max_iter=self.max_iter or 400,
                      random_state=self.seed, tol=1e-4)
            W = est.fit_transform(T)
            self.estimator_, self.tfidf_ = est, tf
            self.components_ = _normalize_rows(est.components_)
            self.doc_topic_ = _normalize_rows(W)
            self.n_iter_ = int(est.n_iter_)
        else:
            est = self._new_lda(k, X.shape[0])
            if self.init == "nmf":
                est.init_components = self._nmf_start(X, k)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", category=UserWarning)
                est.fit(X)
            self.estimator_ = est
            self.components_ = _normalize_rows(est.components_)
            final = est.__dict__.pop("_final_doc_topic", None)
            self.doc_topic_ = _normalize_rows(final if final is not None else est.transform(X))
            self.n_iter_ = int(est.n_iter_)
        self._remember(dtm)
        return self

    def _new_lda(self, k: int, n_rows: int):  # noqa: ANN202
        lda_cls = _lda_class()
        default_iter = 2 if self.init == "nmf" else 10
        return lda_cls(n_components=k, doc_topic_prior=self.alpha or 1.0 / k,
                       topic_word_prior=self.eta or 1.0 / k,
                       learning_method=self.learning_method,
                       max_iter=self.max_iter or default_iter, batch_size=self.batch_size,
                       total_samples=max(n_rows, 1), random_state=self.seed)

    def _nmf_start(self, X: sp.spmatrix, k: int) -> np.ndarray:
        from sklearn.decomposition import NMF

        _, T = _tfidf(X)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # NMF may stop at max_iter: it is only a start
            H = NMF(n_components=k, init="nndsvda", max_iter=100, tol=1e-3,
                    random_state=self.seed).fit(T).components_
        eta = self.eta or 1.0 / k
        # Pseudo-counts: each topic starts with an equal share of the corpus' tokens.
        return eta + _normalize_rows(H) * (float(X.sum()) / k)

    def _remember(self, dtm: DTM) -> None:
        self.vocabulary_ = np.asarray(dtm.vocabulary)
        self.surface_ = np.asarray(dtm.surface)
        self.doc_ids_ = np.asarray(dtm.doc_ids)
        self.unit_ids_ = None if dtm.unit_ids is None else np.asarray(dtm.unit_ids)
        self.meta_ = dtm.meta.reset_index(drop=True)
        self.dtm_settings_ = dict(dtm.settings)
        self._train_X = dtm.matrix

    def partial_fit(self, dtm: DTM) -> TopicModel:
        """Online LDA update from one batch (for corpora larger than memory).

        The first batch fixes the vocabulary (build later batches with
        ``document_term_matrix(..., vocabulary=model.vocabulary_)``) and, with ``init="nmf"``,
        the starting topics. ``doc_topic_`` is not kept: call :meth:`transform`.
        """
        if self.method != "lda":
            raise SettingsError("partial_fit is for method='lda' (online variational Bayes)")
        X = dtm.matrix.astype(np.float64)
        if not hasattr(self, "estimator_"):
            self._check(dtm)
            k = int(self.k)
            est = self._new_lda(k, X.shape[0])
            est.learning_method = "online"
            if self.init == "nmf":
                est.init_components = self._nmf_start(X, k)
            self.estimator_ = est
            self._remember(dtm)
            self.n_iter_ = 0
        elif list(dtm.vocabulary) != list(self.vocabulary_):
            raise SettingsError("this batch has another vocabulary: build it with "
                                "document_term_matrix(..., vocabulary=model.vocabulary_)")
        self.estimator_.partial_fit(X)
        self.components_ = _normalize_rows(self.estimator_.components_)
        self.doc_topic_ = None
        self.n_iter_ += 1
        return self

    # ------------------------------------------------------------------ using a fitted model
    def _fitted(self) -> None:
        if not hasattr(self, "components_"):
            raise SettingsError("this TopicModel is not fitted yet: call fit(dtm) first")

    def _matrix_for(self, data: DTM | Corpus | Sequence[str]) -> sp.csr_matrix:
        from .corpus import Corpus
        from .features import document_term_matrix

        if isinstance(data, Corpus):
            s = self.dtm_settings_
            a = s["analyzer"]
            data = document_term_matrix(
                data, unit=s["unit"], vocabulary=list(self.vocabulary_), stem=a["stem"],
                stop_words=a["stop_words"], normalize=a["normalize"],
                ngrams=tuple(a["ngrams"]), include_title=s.get("include_title", True))
        if isinstance(data, DTM):
            if list(data.vocabulary) == list(self.vocabulary_):
                return data.matrix.astype(np.float64)
            pos = {t: i for i, t in enumerate(self.vocabulary_)}
            src = [j for j, t in enumerate(data.vocabulary) if t in pos]
            dst = [pos[data.vocabulary[j]] for j in src]
            m = data.matrix.tocsc()[:, src].tocoo()
            return sp.csr_matrix((m.data, (m.row, np.asarray(dst)[m.col])),
                                 shape=(data.shape[0], len(self.vocabulary_)))
        from .features import ArabicAnalyzer

        a = self.dtm_settings_["analyzer"]
        analyzer = ArabicAnalyzer(normalize=a["normalize"], stem=a["stem"],
                                  stop_words=a["stop_words"], ngrams=tuple(a["ngrams"]))
        pos = {t: i for i, t in enumerate(self.vocabulary_)}
        rows, cols = [], []
        for r, text in enumerate(data):
            for t in analyzer(text):
                j = pos.get(t)
                if j is not None:
                    rows.append(r)
                    cols.append(j)
        return sp.csr_matrix((np.ones(len(rows)), (rows, cols)),
                             shape=(len(data), len(self.vocabulary_)))

    def transform(self, data: DTM | Corpus | Sequence[str]) -> np.ndarray:
        """Topic proportions (rows × k, rows sum to 1) of new documents: a DTM (any vocabulary:
        it is aligned by term), a Corpus, or a list of texts."""
        self._fitted()
        X = self._matrix_for(data)
        if self.method == "nmf":
            from sklearn.decomposition import non_negative_factorization

            T = self.tfidf_.transform(X)
            W, _, _ = non_negative_factorization(
                T, H=self.estimator_.components_, n_components=int(self.k), init="custom",
                update_H=False, max_iter=400, random_state=self.seed)
            return _normalize_rows(W)
        return _normalize_rows(self.estimator_.transform(X))

    def fit_transform(self, dtm: DTM, y: Any = None) -> np.ndarray:
        return self.fit(dtm).doc_topic_

    def top_terms(self, n: int = 10, by: str = "prob", frex_weight: float = 0.5) -> pd.DataFrame:
        """Each topic's top ``n`` terms, by probability (``"prob"``) or FREX (``"frex"``).

        Columns: topic, rank, term, surface (the word as usually written), prob, frex.
        """
        self._fitted()
        if by not in ("prob", "frex"):
            raise SettingsError(f"by={by!r}: choose 'prob' or 'frex'")
        beta = self.components_
        fx = frex(beta, frex_weight)
        order = _top_indices(beta if by == "prob" else fx, n)
        rows = []
        for t, idx in enumerate(order, 1):
            for r, j in enumerate(idx, 1):
                rows.append((t, r, self.vocabulary_[j], self.surface_[j], beta[t - 1, j],
                             fx[t - 1, j]))
        return pd.DataFrame(rows, columns=["topic", "rank", "term", "surface", "prob", "frex"])

    def labels(self, n: int = 3, by: str = "frex") -> list[str]:
        """A short label per topic: its top ``n`` surface words (FREX by default)."""
        tt = self.top_terms(n, by=by)
        return [" · ".join(g["surface"]) for _, g in tt.groupby("topic", sort=True)]

    def coherence(self, reference: DTM | sp.spmatrix | None = None, n: int = 10) -> np.ndarray:
        """NPMI coherence per topic on the training DTM (or a reference DTM with the same
        vocabulary, aligned by term)."""
        self._fitted()
        if reference is None:
            ref = getattr(self, "_train_X", None)
            if ref is None:
                raise SettingsError("coherence() of a loaded model needs a reference DTM")
        else:
            ref = self._matrix_for(reference) if isinstance(reference, DTM) else reference
        return npmi_coherence(self.components_, ref, n)

    def exclusivity(self, n: int = 10) -> np.ndarray:
        """Exclusivity per topic (see :func:`exclusivity`)."""
        self._fitted()
        return exclusivity(self.components_, n)

    def perplexity(self, dtm: DTM) -> float:
        """Perplexity of held-out documents (LDA only; lower is better)."""
        self._fitted()
        if self.method != "lda":
            raise SettingsError("perplexity is defined for method='lda'")
        return float(self.estimator_.perplexity(self._matrix_for(dtm)))

    def summary(self, n: int = 10, reference: DTM | None = None) -> pd.DataFrame:
        """One row per topic: label, prevalence (mean share), coherence (NPMI), exclusivity and
        top terms (probability and FREX)."""
        self._fitted()
        prev = self.doc_topic_.mean(axis=0) if getattr(self, "doc_topic_", None) is not None \
            else np.full(int(self.k), np.nan)
        try:
            coh = self.coherence(reference, n)
        except SettingsError:
            coh = np.full(int(self.k), np.nan)
        prob = self.top_terms(n, "prob").groupby("topic")["surface"].apply(" ".join)
        fx = self.top_terms(n, "frex").groupby("topic")["surface"].apply(" ".join)
        return pd.DataFrame({
            "topic": np.arange(1, int(self.k) + 1), "label": self.labels(),
            "prevalence": prev, "coherence": coh, "exclusivity": self.exclusivity(n),
            "top_terms": prob.to_numpy(), "frex_terms": fx.to_numpy()})

    def doc_topics(self, meta: bool | Sequence[str] = True, long: bool = False) -> pd.DataFrame:
        """The document-topic table joined with document metadata.

        Wide (default): one row per DTM row, with ``doc_id`` (and ``unit_id``), the metadata and
        one column ``topic_1`` … ``topic_k`` of shares. ``long=True``: one row per row and topic
        (columns ``topic``, ``share``), tidy for grouping and plotting.
        """
        self._fitted()
        if getattr(self, "doc_topic_", None) is None:
            raise SettingsError("no doc_topic_ (the model was trained with partial_fit or "
                                "loaded); use transform()")
        cols = [f"topic_{t}" for t in range(1, int(self.k) + 1)]
        out = pd.DataFrame({"doc_id": self.doc_ids_})
        if self.unit_ids_ is not None:
            out["unit_id"] = self.unit_ids_
        if meta is not False and self.meta_ is not None:
            m = self.meta_ if meta is True else self.meta_[list(meta)]
            out = pd.concat([out, m.reset_index(drop=True)], axis=1)
        shares = pd.DataFrame(self.doc_topic_, columns=cols)
        wide = pd.concat([out, shares], axis=1)
        if not long:
            return wide
        keys = [c for c in wide.columns if c not in cols]
        tidy = wide.melt(id_vars=keys, value_vars=cols, var_name="topic", value_name="share")
        tidy["topic"] = tidy["topic"].str.removeprefix("topic_").astype(int)
        return tidy

    # ------------------------------------------------------------------ prevalence and effects
    def _grouping(self, by: str) -> tuple[pd.Series, str]:
        meta = self.meta_
        if by in _TIME_BINS:
            if "date" not in meta:
                raise SettingsError(f"prevalence by {by} needs a date column; this DTM has none")
            dates = pd.to_datetime(meta["date"])
            n_missing = int(dates.isna().sum())
            if n_missing == len(dates):
                raise SettingsError(f"prevalence by {by}: none of the {len(dates)} rows has a "
                                    "date; group by a metadata column instead (e.g. by='source')")
            if n_missing:
                warnings.warn(f"prevalence by {by}: {n_missing} of {len(dates)} rows have no date "
                              "and are left out", UserWarning, stacklevel=3)
            return dates.dt.to_period(_TIME_BINS[by]).astype("string"), by
        if by not in meta:
            raise SettingsError(f"prevalence by={by!r}: not a time bin ({', '.join(_TIME_BINS)}) "
                                f"nor a metadata column ({', '.join(map(str, meta.columns))})")
        col = meta[by].astype("string")
        n_missing = int(col.isna().sum())
        if n_missing == len(col):
            raise SettingsError(f"prevalence by {by!r}: the column is empty")
        if n_missing:
            warnings.warn(f"prevalence by {by!r}: {n_missing} rows have no value and are left out",
                          UserWarning, stacklevel=3)
        return col, by

    def prevalence(self, by: str = "month", n_boot: int = 500, ci: float = 0.95,
                   seed: int | None = None) -> pd.DataFrame:
        """Topic shares by time bin (``day``, ``week``, ``month``, ``quarter``, ``year``) or by
        any metadata column, with bootstrap confidence intervals.

        A group's share of a topic is the mean of its rows' topic proportions; the interval
        resamples the group's rows ``n_boot`` times (percentile interval). Columns: the group,
        topic, label, share, lower, upper, n (rows in the group).
        """
        self._fitted()
        if getattr(self, "doc_topic_", None) is None:
            raise SettingsError("prevalence needs doc_topic_: fit the model on a DTM")
        if not 0 < ci < 1:
            raise SettingsError("ci must be between 0 and 1")
        groups, name = self._grouping(by)
        rng = np.random.default_rng(self.seed if seed is None else seed)
        theta = self.doc_topic_
        labels = self.labels()
        rows = []
        valid = groups.notna().to_numpy()
        keys = sorted(groups[valid].unique())
        lo_q, hi_q = (1 - ci) / 2, 1 - (1 - ci) / 2
        for key in keys:
            idx = np.flatnonzero((groups == key).to_numpy(na_value=False))
            sub = theta[idx]
            share = sub.mean(axis=0)
            if n_boot and len(idx) > 1:
                draws = rng.integers(0, len(idx), size=(n_boot, len(idx)))
                boot = sub[draws].mean(axis=1)  # n_boot × k
                lower, upper = np.quantile(boot, [lo_q, hi_q], axis=0)
            else:
                lower = upper = np.full(len(share), np.nan)
            for t in range(len(share)):
                rows.append((key, t + 1, labels[t], share[t], lower[t], upper[t], len(idx)))
        return pd.DataFrame(rows, columns=[name, "topic", "label", "share", "lower", "upper", "n"])

    def estimate_effect(self, covariates: Sequence[str] = ("source", "time"),
                        time_unit: str = "year", ci: float = 0.95,
                        reference: dict[str, str] | None = None) -> pd.DataFrame:
        """Regression of topic proportions on covariates, per topic (in the spirit of stm's
        ``estimateEffect``), with heteroskedasticity-robust (HC3) standard errors.

        ``covariates``: metadata columns (categorical: one indicator per level but the reference,
        the most frequent level unless ``reference`` names one) and ``"time"`` (a linear trend in
        ``time_unit``s since the first date). Rows missing any covariate are left out (with a
        warning). Returns one row per topic and term: estimate, std_error, lower, upper.
        """
        from scipy import stats

        self._fitted()
        if getattr(self, "doc_topic_", None) is None:
            raise SettingsError("estimate_effect needs doc_topic_: fit the model on a DTM")
        meta = self.meta_
        days = {"day": 1, "week": 7, "month": 30.4375, "year": 365.25}
        keep = np.ones(len(meta), dtype=bool)
        for cov in covariates:  # first: which rows have every covariate
            if cov == "time":
                if "date" not in meta:
                    raise SettingsError("covariate 'time' needs a date column")
                if time_unit not in days:
                    raise SettingsError(f"time_unit={time_unit!r}: choose {list(days)}")
                keep &= pd.to_datetime(meta["date"]).notna().to_numpy()
            elif cov not in meta:
                raise SettingsError(f"covariate {cov!r} is not a metadata column; the columns "
                                    f"are {', '.join(map(str, meta.columns))}")
            else:
                keep &= meta[cov].notna().to_numpy()
        if not keep.any():
            raise SettingsError(f"estimate_effect: no row has all of {list(covariates)}")
        if (~keep).any():
            warnings.warn(f"estimate_effect: {int((~keep).sum())} rows lack a covariate and are "
                          "left out", UserWarning, stacklevel=2)
        kept = meta[keep].reset_index(drop=True)
        parts: list[pd.DataFrame] = [pd.DataFrame({"(intercept)": np.ones(len(kept))})]
        for cov in covariates:  # then: the design, from the kept rows only
            if cov == "time":
                d = pd.to_datetime(kept["date"])
                parts.append(pd.DataFrame({f"time ({time_unit}s)":
                                           (d - d.min()).dt.total_seconds() / 86400 / days[time_unit]}))
            else:
                col = kept[cov].astype("string")
                ref = (reference or {}).get(cov) or col.value_counts().idxmax()
                if ref not in set(col):
                    raise SettingsError(f"reference level {ref!r} of {cov!r} is not in the data")
                levels = sorted(lv for lv in col.unique() if lv != ref)
                parts.append(pd.DataFrame({f"{cov}={lv}": (col == lv).astype(float)
                                           for lv in levels}))
        design = pd.concat(parts, axis=1)
        Xd = design.to_numpy(dtype=float)
        Y = self.doc_topic_[keep]
        n, p = Xd.shape
        if n <= p:
            raise SettingsError(f"estimate_effect: {n} rows for {p} coefficients; use fewer "
                                "covariates or more documents")
        xtx_inv = np.linalg.pinv(Xd.T @ Xd)
        B = xtx_inv @ Xd.T @ Y
        resid = Y - Xd @ B
        h = np.einsum("ij,jk,ik->i", Xd, xtx_inv, Xd)
        z = stats.norm.ppf(1 - (1 - ci) / 2)
        labels = self.labels()
        rows = []
        for t in range(Y.shape[1]):
            w = (resid[:, t] / (1 - np.clip(h, 0, 0.999999))) ** 2
            cov_t = xtx_inv @ (Xd.T * w) @ Xd @ xtx_inv
            se = np.sqrt(np.clip(np.diag(cov_t), 0, None))
            for j, term in enumerate(design.columns):
                rows.append((t + 1, labels[t], term, B[j, t], se[j], B[j, t] - z * se[j],
                             B[j, t] + z * se[j]))
        return pd.DataFrame(rows, columns=["topic", "label", "term", "estimate", "std_error",
                                           "lower", "upper"])

    # ------------------------------------------------------------------ persistence
    def save(self, directory: str | Path) -> Path:
        """Write the model to a folder: ``model.npz`` (arrays) and ``model.json`` (settings,
        vocabulary, provenance). No pickle: safe to receive from someone else."""
        self._fitted()
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {"components": self.components_}
        if getattr(self, "doc_topic_", None) is not None:
            arrays["doc_topic"] = self.doc_topic_
        est = self.estimator_
        if self.method == "lda":
            arrays["lda_components"] = est.components_
        else:
            arrays["nmf_components"] = est.components_
            arrays["idf"] = self.tfidf_.idf_
        np.savez_compressed(d / "model.npz", **arrays)
        meta = {
            "format": "corpuskit.TopicModel", "format_version": _FORMAT_VERSION,
            "params": self.get_params(), "n_iter": int(getattr(self, "n_iter_", 0)),
            "lda": {"doc_topic_prior": float(est.doc_topic_prior_),
                    "topic_word_prior": float(est.topic_word_prior_),
                    "n_batch_iter": int(getattr(est, "n_batch_iter_", 1))}
            if self.method == "lda" else None,
            "vocabulary": [str(t) for t in self.vocabulary_],
            "surface": [str(t) for t in self.surface_],
            "doc_ids": [str(t) for t in self.doc_ids_],
            "unit_ids": None if self.unit_ids_ is None else [str(t) for t in self.unit_ids_],
            "meta": json.loads(self.meta_.to_json(orient="split", date_format="iso",
                                                  force_ascii=False)),
            "dtm_settings": self.dtm_settings_,
            "versions": library_versions(),
        }
        (d / "model.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1, default=str),
                                      encoding="utf-8")
        return d

    @classmethod
    def load(cls, directory: str | Path) -> TopicModel:
        """Read a model written by :meth:`save`."""
        d = Path(directory)
        if not d.is_dir():
            raise InputError(f"{d}: no such model folder (write one with model.save(folder))")
        for name in ("model.json", "model.npz"):
            if not (d / name).is_file():
                raise InputError(f"{d}: {name} is missing; this is not a complete corpuskit "
                                 "topic model folder")
        try:
            meta = json.loads((d / "model.json").read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"{d / 'model.json'}: not valid JSON ({exc})") from None
        if meta.get("format") != "corpuskit.TopicModel":
            raise InputError(f"{d / 'model.json'}: not a corpuskit topic model")
        version = meta.get("format_version")
        if version != _FORMAT_VERSION:
            raise InputError(f"{d}: written in model format {version}, this corpuskit reads "
                             f"format {_FORMAT_VERSION}; refit the model or use the corpuskit "
                             f"version that wrote it ({meta.get('versions', {}).get('corpuskit')})")
        model = cls(**meta["params"])
        with np.load(d / "model.npz") as z:
            arrays = {k: z[k] for k in z.files}
        model.components_ = arrays["components"]
        model.doc_topic_ = arrays.get("doc_topic")
        model.n_iter_ = meta.get("n_iter", 0)
        model.vocabulary_ = np.asarray(meta["vocabulary"], dtype=object).astype(str)
        model.surface_ = np.asarray(meta["surface"], dtype=object).astype(str)
        model.doc_ids_ = np.asarray(meta["doc_ids"], dtype=object)
        model.unit_ids_ = None if meta["unit_ids"] is None else np.asarray(meta["unit_ids"],
                                                                          dtype=object)
        m = meta["meta"]
        model.meta_ = pd.DataFrame(m["data"], columns=m["columns"])
        if "date" in model.meta_:
            model.meta_["date"] = pd.to_datetime(model.meta_["date"])
        model.dtm_settings_ = meta["dtm_settings"]
        k, v = model.components_.shape
        if model.method == "lda":
            from sklearn.decomposition._lda import _dirichlet_expectation_2d

            est = model._new_lda(k, len(model.doc_ids_))
            est.components_ = arrays["lda_components"]
            est.exp_dirichlet_component_ = np.exp(_dirichlet_expectation_2d(est.components_))
            est.doc_topic_prior_ = meta["lda"]["doc_topic_prior"]
            est.topic_word_prior_ = meta["lda"]["topic_word_prior"]
            est.n_batch_iter_ = meta["lda"]["n_batch_iter"]
            est.n_features_in_ = v
            est.n_iter_ = model.n_iter_
            est.random_state_ = np.random.RandomState(model.seed)
            model.estimator_ = est
        else:
            from sklearn.decomposition import NMF
            from sklearn.feature_extraction.text import TfidfTransformer

            est = NMF(n_components=k)
            est.components_ = arrays["nmf_components"]
            est.n_components_ = k
            model.estimator_ = est
            tf = TfidfTransformer(sublinear_tf=True)
            tf.idf_ = arrays["idf"]
            tf.n_features_in_ = v
            model.tfidf_ = tf
        model._train_X = None
        return model


# --------------------------------------------------------------------------------- stability
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


# --------------------------------------------------------------------------------- choosing k
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
    import time

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
