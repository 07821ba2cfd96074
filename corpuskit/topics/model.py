"""``TopicModel``: LDA (started from NMF by default) or NMF, as a scikit-learn estimator."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from ..errors import InputError, SettingsError
from ..features import DTM
from .diagnostics import (exclusivity, frex, label_score, lift, npmi_coherence, top_indices)

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["TopicModel"]

LABEL_POOL = 30  # label words are chosen among each topic's this many most probable words
RANKINGS = ("prob", "frex", "lift", "score")


def _lda_class():  # noqa: ANN202
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


_DASK_BLOCK = 20_000  # documents per E-step task on Dask


def _e_step_block(X: sp.csr_matrix, gamma: np.ndarray | None, expe: np.ndarray,
                  alpha: float, max_iter: int, tol: float,
                  sstats: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """One block's variational E-step: scikit-learn's per-document update (the loop of
    ``sklearn.decomposition._lda._update_doc_distribution``, compiled: :mod:`._estep`), each
    document started from its own previous estimate when there is one (``gamma``), else from
    ones. The start depends on the document alone, so results do not depend on how rows are
    blocked; a warm start needs fewer updates to converge than a cold one."""
    from ._estep import e_step

    if not isinstance(X, sp.csr_matrix):   # a block is used as it is: no copy per task
        X = sp.csr_matrix(X)
    doc_topic = np.ones((X.shape[0], expe.shape[0])) if gamma is None \
        else np.array(gamma, dtype=np.float64)
    stats = np.zeros(expe.shape) if sstats else np.zeros((0, 0))
    e_step(np.asarray(X.data, dtype=np.float64), X.indices, X.indptr, doc_topic,
           np.ascontiguousarray(expe.T), float(alpha), int(max_iter), float(tol), bool(sstats),
           stats)
    return doc_topic, (stats if sstats else None)


def _row_block(M: sp.csr_matrix, a: int, b: int) -> sp.csr_matrix:
    """Rows ``a:b`` of a CSR matrix in double precision, sharing the matrix' arrays where they
    already are (a view, not a copy: the blocks of a fit cost no second matrix)."""
    lo, hi = M.indptr[a], M.indptr[b]
    block = sp.csr_matrix((b - a, M.shape[1]))
    # set, not passed to the constructor: scipy's checks would copy the arrays
    block.data = np.asarray(M.data[lo:hi], dtype=np.float64)
    block.indices = M.indices[lo:hi]
    block.indptr = M.indptr[a:b + 1] - lo
    return block


def _load_e_step() -> None:
    """Load the compiled E-step (from numba's cache, or compile it) in this process before
    local worker processes are forked, so that they share its code instead of each loading numba's
    compiler and the code again (about 100 MB per worker)."""
    _e_step_block(sp.csr_matrix(np.ones((1, 1))), None, np.ones((1, 1)), 0.5, 1, 1e-3, True)


DISK_SAMPLE = 20_000  # rows of a matrix on disk used for LDA's NMF start and for coherence


class _SampleDTM:
    """Enough of a DTM for :meth:`TopicModel._check`: a sample's counts, the full shape."""

    def __init__(self, sample: sp.csr_matrix, full: Any):
        self.matrix, self.shape = sample, full.shape


def _e_step_disk(item: tuple[str, str, bool], expe: np.ndarray, alpha: float, max_iter: int,
                 tol: float, sstats: bool) -> np.ndarray:
    """One block of a matrix on disk: read it, start from its saved estimates, save them again;
    return the sufficient statistics (or, in the final step, the estimates)."""
    from ..features.disk import load_block

    path, gamma_path, warm = item
    X = load_block(path)
    gamma = np.load(gamma_path) if warm else None
    g, stats = _e_step_block(X, gamma, expe, alpha, max_iter, tol, sstats)
    np.save(gamma_path, g)
    return stats if sstats else g


def _tfidf(X: sp.spmatrix):  # noqa: ANN202
    from sklearn.feature_extraction.text import TfidfTransformer

    tf = TfidfTransformer(sublinear_tf=True)
    return tf, tf.fit_transform(X)


def _total(X: sp.spmatrix) -> float:
    """The sum of a sparse matrix's entries, read without changing it: scipy's ``X.sum()``
    sorts the indices of a CSR matrix that is not in canonical form in place, under the caller
    (a matrix shares its arrays with the caller's), so that the next computation on it sums
    in another order and differs in the last bits."""
    return float(np.sum(X.data)) if sp.issparse(X) else float(np.sum(X))


def _normalize_rows(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a, dtype=np.float64)
    s = a.sum(axis=1, keepdims=True)
    return np.divide(a, s, out=np.full_like(a, 1.0 / a.shape[1]), where=s > 0)


def as_dtm(X: Any) -> DTM:
    """A DTM, or a plain matrix (sparse or dense counts, e.g. from ``CountVectorizer`` in a
    ``Pipeline``) wrapped as one, with columns named ``w0``, ``w1`` ..."""
    if isinstance(X, DTM):
        return X
    if sp.issparse(X) or isinstance(X, np.ndarray):
        m = sp.csr_matrix(X, dtype=np.float64)
        n, v = m.shape
        names = np.asarray([f"w{j}" for j in range(v)])
        return DTM(matrix=m, vocabulary=names, surface=names.copy(),
                   doc_ids=np.asarray([str(i) for i in range(n)], dtype=object),
                   meta=pd.DataFrame(index=range(n)), settings={"unit": "row", "analyzer": None})
    raise SettingsError(f"TopicModel takes a DTM from corpuskit.document_term_matrix() or a "
                        f"matrix of counts, not {type(X).__name__}")


class TopicModel(TransformerMixin, BaseEstimator):
    """A topic model of a :class:`~corpuskit.features.DTM` (or of any count matrix).

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

    A scikit-learn estimator: ``clone``, ``get_params``/``set_params``, ``Pipeline`` (after a
    ``CountVectorizer(analyzer=ArabicAnalyzer())``) and ``GridSearchCV`` (``score`` is LDA's
    approximate log-likelihood, or minus NMF's reconstruction error) work.

    Learned attributes: ``components_`` (k × terms, rows sum to 1: topic-word probabilities),
    ``doc_topic_`` (rows × k, rows sum to 1, in ``dtm.row_ids`` order),
    ``doc_topic_concentration_`` (LDA: each row's variational Dirichlet parameters),
    ``vocabulary_``, ``surface_`` (readable form of each term), ``term_freq_``, ``doc_ids_``,
    ``unit_ids_``, ``meta_``, ``dtm_settings_``, ``estimator_``, ``n_iter_``,
    ``topic_labels_`` (labels set with :meth:`set_labels`).
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

    def set_params(self, **params: Any) -> TopicModel:
        try:
            return super().set_params(**params)
        except ValueError as exc:
            raise SettingsError(f"TopicModel: {exc}") from None

    def _repr_html_(self) -> str:  # noqa: D105 - JupyterLab: the topics, Arabic right to left
        from ..report.html import table_html

        if not hasattr(self, "components_"):
            return f"<p><b>{repr(self)}</b> (not fitted)</p>"
        summary = self.summary()[["topic", "label", "prevalence", "coherence", "exclusivity",
                                  "frex_terms"]]
        return f"<p><b>{repr(self)}</b></p>" + table_html(summary, rows=50)

    def _check(self, dtm: DTM) -> None:
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
        if not isinstance(self.k, (int, np.integer)) or isinstance(self.k, bool) or self.k < 2:
            raise SettingsError(f"k={self.k!r}: a topic model needs k >= 2 topics")
        if self.k > v:
            raise SettingsError(f"k={self.k} is larger than the vocabulary ({v} terms): lower k, "
                                "or lower min_df / raise max_df to keep more terms")
        if self.k > n:
            raise SettingsError(f"k={self.k} is larger than the number of rows ({n}): lower k")

    # ------------------------------------------------------------------ fitting
    def fit(self, X: DTM | sp.spmatrix | np.ndarray, y: Any = None, *, engine: Any = None,
            workers: int | None = None) -> TopicModel:
        """Learn k topics from a DTM (or a count matrix); returns self.

        ``engine``: run LDA as distributed batch variational Bayes (the algorithm of gensim's
        distributed LDA): each iteration's E-step runs on blocks of documents on the engine
        (``"local"`` worker processes, ``"serial"``, ``"dask"`` or a Dask ``Client``) and their
        sufficient statistics are summed for the M-step. Every document starts its E-step from
        the same point, so every engine and block size gives the same topics. Without an
        engine, scikit-learn's implementation runs in this process (the topics agree; see the
        README for their similarity).
        """
        from ..features.disk import DiskDTM

        if isinstance(X, DiskDTM):
            return self._fit_disk(X, engine, workers)
        dtm = as_dtm(X)
        self._check(dtm)
        k = int(self.k)
        self.doc_topic_concentration_ = None
        if engine is not None and self.method == "lda":
            if self.learning_method != "batch":
                raise SettingsError("fit(engine=...) runs batch variational Bayes: use "
                                    "learning_method='batch'")
            self._fit_distributed(dtm.matrix, k, engine, workers)
            self._remember(dtm)
            return self
        M = dtm.matrix.astype(np.float64)
        if self.method == "nmf":
            from sklearn.decomposition import NMF

            tf, T = _tfidf(M)
            est = NMF(n_components=k, init="nndsvda", max_iter=self.max_iter or 400,
                      random_state=self.seed, tol=1e-4)
            W = est.fit_transform(T)
            self.estimator_, self.tfidf_ = est, tf
            self.components_ = _normalize_rows(est.components_)
            self.doc_topic_ = _normalize_rows(W)
            self.n_iter_ = int(est.n_iter_)
        else:
            est = self._new_lda(k, M.shape[0])
            if self.init == "nmf":
                est.init_components = self._nmf_start(M, k)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", category=UserWarning)
                est.fit(M)
            self.estimator_ = est
            self.components_ = _normalize_rows(est.components_)
            final = est.__dict__.pop("_final_doc_topic", None)
            gamma = final if final is not None else est._e_step(M, False, False)[0]
            self.doc_topic_concentration_ = np.asarray(gamma, dtype=np.float64)
            self.doc_topic_ = _normalize_rows(gamma)
            self.n_iter_ = int(est.n_iter_)
        self._remember(dtm)
        return self

    def _fit_distributed(self, M: sp.csr_matrix, k: int, engine: Any,
                         workers: int | None) -> None:
        """Batch LDA with E-steps on an engine. ``M``: the counts (any numeric type; the
        blocks are made in double precision, so no second copy of the whole matrix is)."""
        from sklearn.decomposition._lda import _dirichlet_expectation_2d
        from sklearn.utils import check_random_state

        from .._memory import release_memory
        from ..engine import engine_for

        M = sp.csr_matrix(M)
        est = self._new_lda(k, M.shape[0])
        alpha, eta = est.doc_topic_prior, est.topic_word_prior
        if self.init == "nmf":
            lam = self._nmf_start(M, k)
        else:  # scikit-learn's random start
            lam = check_random_state(self.seed).gamma(100.0, 0.01, (k, M.shape[1]))
        with engine_for(engine, workers) as eng:
            if eng.name == "local":   # before its worker processes fork (on first use)
                _load_e_step()
                release_memory()   # the NMF start's arrays, not to be copied by the workers
            n = M.shape[0]
            size = max(1, -(-n // (2 * eng.workers))) if eng.name != "dask" else _DASK_BLOCK
            # The blocks (and each document's estimate) stay where the tasks run: on Dask, on
            # the workers; with local worker processes, in this process, which the workers
            # share by fork. Only the topic-word weights go out and the statistics come back.
            rows = eng.put_parts([_row_block(M, a, min(a + size, n))
                                  for a in range(0, n, size)])
            gammas: list[Any] = [None] * len(rows)
            for it in range(est.max_iter + 1):
                last = it == est.max_iter  # the final E-step: proportions, no statistics
                expe = np.exp(_dirichlet_expectation_2d(lam))
                out = eng.starmap(_e_step_block, list(zip(rows, gammas)), eng.put(expe), alpha,
                                  est.max_doc_update_iter, est.mean_change_tol, not last)
                gammas = eng.take(out, 0)
                if not last:  # summed pairwise in block order: the same sums on every engine
                    lam = eta + eng.tree_sum(eng.take(out, 1)) * expe
            gamma = np.vstack(eng.gather(gammas))
        # A fitted scikit-learn estimator, so that transform() and score() work as usual.
        est.components_ = lam
        est.exp_dirichlet_component_ = expe
        est.doc_topic_prior_, est.topic_word_prior_ = alpha, eta
        est.random_state_ = check_random_state(self.seed)
        est.n_batch_iter_ = est.n_iter_ = est.max_iter
        est.n_features_in_ = M.shape[1]
        est.bound_ = np.nan
        self.estimator_ = est
        self.components_ = _normalize_rows(lam)
        self.doc_topic_concentration_ = gamma
        self.doc_topic_ = _normalize_rows(gamma)
        self.n_iter_ = int(est.max_iter)
        self.engine_ = eng.name

    def _fit_disk(self, X: Any, engine: Any, workers: int | None) -> TopicModel:
        """LDA from a matrix on disk: the distributed E-steps read their blocks (and keep each
        document's estimate) on disk, so memory does not grow with the number of documents.
        The NMF start and the coherence reference are the first ``DISK_SAMPLE`` rows.
        ``doc_topic_`` is a read-only memory map of ``<matrix>/lda-k<k>-seed<seed>/``."""
        from sklearn.decomposition._lda import _dirichlet_expectation_2d
        from sklearn.utils import check_random_state

        from ..engine import engine_for

        if self.method != "lda" or self.learning_method != "batch":
            raise SettingsError("a matrix on disk is fitted by batch LDA (method='lda', "
                                "learning_method='batch')")
        n, v = X.shape
        k = int(self.k)
        sample = X.sample(DISK_SAMPLE)
        self._check(_SampleDTM(sample, X))
        if k > n:
            raise SettingsError(f"k={k} is larger than the number of rows ({n}): lower k")
        est = self._new_lda(k, n)
        alpha, eta = est.doc_topic_prior, est.topic_word_prior
        lam = self._nmf_start(sample, k, n) if self.init == "nmf" else \
            check_random_state(self.seed).gamma(100.0, 0.01, (k, v))
        scratch = X.path / f"lda-k{k}-seed{self.seed}"
        scratch.mkdir(exist_ok=True)
        with engine_for(engine, workers) as eng:
            if eng.name == "local":   # before its worker processes fork (on first use)
                _load_e_step()
            for it in range(est.max_iter + 1):
                last = it == est.max_iter
                expe = np.exp(_dirichlet_expectation_2d(lam))
                shared = eng.put(expe)
                items = [(X.block_path(i), str(scratch / f"gamma-{i:05d}.npy"), it > 0)
                         for i in range(X.n_blocks)]
                results = eng.imap(_e_step_disk, items, shared, alpha, est.max_doc_update_iter,
                                   est.mean_change_tol, not last)
                if not last:
                    total = np.zeros_like(lam)
                    for stats in results:  # in block order: the same sums on every engine
                        total += stats
                    lam = eta + total * expe
                    continue
                path = scratch / "doc_topic.npy"
                np.lib.format.open_memmap(path, mode="w+", dtype=np.float64, shape=(n, k)).flush()
                row = 0
                for gamma in results:
                    mm = np.load(path, mmap_mode="r+")
                    mm[row:row + len(gamma)] = _normalize_rows(gamma)
                    mm.flush()
                    del mm
                    row += len(gamma)
        est.components_ = lam
        est.exp_dirichlet_component_ = np.exp(_dirichlet_expectation_2d(lam))
        est.doc_topic_prior_, est.topic_word_prior_ = alpha, eta
        est.random_state_ = check_random_state(self.seed)
        est.n_batch_iter_ = est.n_iter_ = est.max_iter
        est.n_features_in_ = v
        est.bound_ = np.nan
        self.estimator_ = est
        self.components_ = _normalize_rows(lam)
        self.doc_topic_ = np.load(scratch / "doc_topic.npy", mmap_mode="r")
        self.doc_topic_concentration_ = None
        self.n_iter_ = int(est.max_iter)
        self.engine_ = eng.name
        self.vocabulary_ = np.asarray(X.vocabulary)
        self.surface_ = np.asarray(X.surface)
        self.term_freq_ = X.terms()["count"].to_numpy(dtype=float)
        # the rows' ids and metadata stay in the matrix's folder; doc_topics() reads them there
        self.doc_ids_ = np.asarray([], dtype=object)
        self.unit_ids_ = None
        self.meta_ = pd.DataFrame()
        self.rows_from_ = str(X.path)
        self.dtm_settings_ = dict(X.settings)
        if not hasattr(self, "topic_labels_"):
            self.topic_labels_ = {}
        self._train_X = sample
        return self

    def _new_lda(self, k: int, total_samples: int):  # noqa: ANN202
        lda_cls = _lda_class()
        default_iter = 2 if self.init == "nmf" else 10
        return lda_cls(n_components=k, doc_topic_prior=self.alpha or 1.0 / k,
                       topic_word_prior=self.eta or 1.0 / k,
                       learning_method=self.learning_method,
                       max_iter=self.max_iter or default_iter, batch_size=self.batch_size,
                       total_samples=max(int(total_samples), 1), random_state=self.seed)

    def _nmf_start(self, X: sp.spmatrix, k: int, n_docs: int | None = None) -> np.ndarray:
        from ._nmf import nmf_components

        _, T = _tfidf(X)
        # rows sorted (T is this method's own copy): the same entries in another order would
        # sum to other last bits, which single precision below would turn into 1e-6
        T.sort_indices()
        # The start (TF-IDF, randomized SVD, NNDSVDa) in double precision, the iterations in
        # single, on this module's fixed-order products (the same bits on any number of
        # threads): 6.0 -> 4.4 s at 31,000 articles, the same coherence, topics within about
        # 1e-6 of double precision's. Single precision throughout was not taken: BLAS results
        # in single precision depend on the number of threads, and a study repeats to the digit.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # NMF may stop at max_iter: it is only a start
            H = nmf_components(T, k, self.seed, max_iter=100, tol=1e-3, single=True)
        eta = self.eta or 1.0 / k
        # Pseudo-counts: each topic starts with an equal share of the corpus' tokens (scaled up
        # from the batch to the corpus when the start comes from one batch of a stream).
        tokens = _total(X) * ((n_docs or X.shape[0]) / max(X.shape[0], 1))
        return eta + _normalize_rows(H) * (tokens / k)

    def _remember(self, dtm: DTM) -> None:
        self.vocabulary_ = np.asarray(dtm.vocabulary)
        self.surface_ = np.asarray(dtm.surface)
        self.term_freq_ = np.asarray(dtm.matrix.sum(axis=0)).ravel().astype(float)
        self.doc_ids_ = np.asarray(dtm.doc_ids)
        self.unit_ids_ = None if dtm.unit_ids is None else np.asarray(dtm.unit_ids)
        self.meta_ = dtm.meta.reset_index(drop=True)
        self.dtm_settings_ = dict(dtm.settings)
        if not hasattr(self, "topic_labels_"):
            self.topic_labels_: dict[int, str] = {}
        self._train_X = dtm.matrix

    def partial_fit(self, X: DTM | sp.spmatrix, y: Any = None, *,
                    total_samples: int | None = None) -> TopicModel:
        """Online LDA update from one batch (for corpora larger than memory).

        ``total_samples``: the number of documents in the whole corpus. Online variational
        Bayes scales each batch's statistics by total_samples / batch size; without it the
        first batch is taken for the whole corpus (with a warning), and every update is
        over-weighted as if each batch were all of it.

        The first batch fixes the vocabulary (build later batches with
        ``document_term_matrix(..., vocabulary=model.vocabulary_)``) and, with ``init="nmf"``,
        the starting topics. ``doc_topic_`` is not kept: call :meth:`transform`.
        """
        if self.method != "lda":
            raise SettingsError("partial_fit is for method='lda' (online variational Bayes)")
        dtm = as_dtm(X)
        M = dtm.matrix.astype(np.float64)
        if not hasattr(self, "estimator_"):
            self._check(dtm)
            if total_samples is None:
                warnings.warn("partial_fit without total_samples: the first batch is taken for "
                              "the whole corpus; pass total_samples=<number of documents>",
                              UserWarning, stacklevel=2)
            k = int(self.k)
            est = self._new_lda(k, total_samples or M.shape[0])
            est.learning_method = "online"
            if self.init == "nmf":
                est.init_components = self._nmf_start(M, k, total_samples)
            self.estimator_ = est
            self.topic_labels_ = {}
            self._remember(dtm)
            self.n_iter_ = 0
            self.doc_topic_concentration_ = None
        elif list(dtm.vocabulary) != list(self.vocabulary_):
            raise SettingsError("this batch has another vocabulary: build it with "
                                "document_term_matrix(..., vocabulary=model.vocabulary_)")
        elif total_samples is not None:
            self.estimator_.total_samples = int(total_samples)
        self.estimator_.partial_fit(M)
        self.components_ = _normalize_rows(self.estimator_.components_)
        self.doc_topic_ = None
        self.n_iter_ += 1
        return self

    # ------------------------------------------------------------------ using a fitted model
    def _fitted(self) -> None:
        if not hasattr(self, "components_"):
            raise SettingsError("this TopicModel is not fitted yet: call fit(dtm) first")

    def _matrix_for(self, data: Any) -> sp.csr_matrix:
        from ..corpus import Corpus
        from ..features import document_term_matrix

        if sp.issparse(data) or isinstance(data, np.ndarray):
            m = sp.csr_matrix(data, dtype=np.float64)
            if m.shape[1] != len(self.vocabulary_):
                raise SettingsError(f"a matrix of {m.shape[1]} columns for a model of "
                                    f"{len(self.vocabulary_)} terms")
            return m
        if isinstance(data, Corpus):
            s = self.dtm_settings_
            a = s.get("analyzer")
            if not a:
                raise SettingsError("this model was fitted on a plain matrix: transform a "
                                    "matrix with the same columns")
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
        from ..features import ArabicAnalyzer

        a = self.dtm_settings_.get("analyzer")
        if not a:
            raise SettingsError("this model was fitted on a plain matrix: transform a matrix")
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

    def transform(self, X: DTM | Corpus | Sequence[str] | sp.spmatrix) -> np.ndarray:
        """Topic proportions (rows × k, rows sum to 1) of new documents: a DTM (any vocabulary:
        it is aligned by term), a Corpus, a list of texts, or a matrix with the model's columns."""
        self._fitted()
        M = self._matrix_for(X)
        if self.method == "nmf":
            from sklearn.decomposition import non_negative_factorization

            T = self.tfidf_.transform(M)
            W, _, _ = non_negative_factorization(
                T, H=self.estimator_.components_, n_components=int(self.k), init="custom",
                update_H=False, max_iter=400, random_state=self.seed)
            return _normalize_rows(W)
        return _normalize_rows(self.estimator_.transform(M))

    def fit_transform(self, X: DTM | sp.spmatrix, y: Any = None, **fit_params: Any) -> np.ndarray:
        return self.fit(X).doc_topic_

    def score(self, X: DTM | sp.spmatrix, y: Any = None) -> float:
        """Higher is better, for model selection (``GridSearchCV``): LDA's approximate
        log-likelihood per token of ``X``, or minus NMF's relative reconstruction error."""
        self._fitted()
        M = self._matrix_for(X)
        if self.method == "lda":
            return float(self.estimator_.score(M) / max(_total(M), 1.0))
        T = self.tfidf_.transform(M)
        W = self.estimator_.transform(T)   # NMF's own factor, not the normalized proportions
        R = T - W @ self.estimator_.components_
        return -float(np.linalg.norm(R) / max(sp.linalg.norm(T), 1e-12))

    # ------------------------------------------------------------------ terms and labels
    def _ranking(self, by: str, frex_weight: float = 0.5) -> np.ndarray:
        beta = self.components_
        if by == "prob":
            return beta
        if by == "frex":
            return frex(beta, frex_weight)
        if by == "lift":
            freq = getattr(self, "term_freq_", None)
            if freq is None:
                raise SettingsError("lift needs the training term frequencies (refit the model)")
            return lift(beta, freq)
        if by == "score":
            return label_score(beta)
        raise SettingsError(f"by={by!r}: choose one of {', '.join(RANKINGS)}")

    def top_terms(self, n: int = 10, by: str = "prob", frex_weight: float = 0.5,
                  pool: int | None = None) -> pd.DataFrame:
        """Each topic's top ``n`` terms by a ranking: ``"prob"`` (probability in the topic),
        ``"frex"`` (frequent and exclusive, stm), ``"lift"`` or ``"score"`` (stm's labelTopics).

        ``pool``: rank only among each topic's ``pool`` most probable terms, so that rare words
        cannot win on exclusivity alone. Columns: topic, rank, term, surface (the word as
        usually written), prob, frex, and ``value`` (the ranking's own value, in rank order).
        """
        self._fitted()
        beta = self.components_
        fx = frex(beta, frex_weight)
        rank = self._ranking(by, frex_weight)
        if pool is not None:
            allowed = np.zeros_like(beta, dtype=bool)
            np.put_along_axis(allowed, top_indices(beta, pool), True, axis=1)
            rank = np.where(allowed, rank, -np.inf)
        order = top_indices(rank, n)
        rows = []
        for t, idx in enumerate(order, 1):
            for r, j in enumerate(idx, 1):
                rows.append((t, r, self.vocabulary_[j], self.surface_[j], beta[t - 1, j],
                             fx[t - 1, j], rank[t - 1, j]))
        return pd.DataFrame(rows, columns=["topic", "rank", "term", "surface", "prob", "frex",
                                           "value"])

    def label_table(self, n: int = 7) -> pd.DataFrame:
        """stm's ``labelTopics``: each topic's top words by every ranking side by side
        (prob, frex, lift, score), to choose or check a label."""
        self._fitted()
        out = pd.DataFrame({"topic": np.arange(1, int(self.k) + 1), "label": self.labels()})
        for by in RANKINGS:
            tt = self.top_terms(n, by=by, pool=LABEL_POOL if by == "lift" else None)
            out[by] = tt.groupby("topic", sort=True)["surface"].apply(" · ".join).to_numpy()
        return out

    def labels(self, n: int = 3, by: str = "frex") -> list[str]:
        """A label per topic: the one set with :meth:`set_labels`, else its top ``n`` words by
        FREX among its 30 most probable words (frequent and exclusive; rare words cannot win)."""
        self._fitted()
        tt = self.top_terms(n, by=by, pool=LABEL_POOL)
        auto = [" · ".join(g["surface"]) for _, g in tt.groupby("topic", sort=True)]
        own = getattr(self, "topic_labels_", {})
        return [own.get(t, auto[t - 1]) for t in range(1, int(self.k) + 1)]

    def set_labels(self, labels: Sequence[str] | Mapping[int, str]) -> TopicModel:
        """Name topics yourself (e.g. English glosses): every table and figure then uses these.

        ``labels``: k strings in topic order, or ``{topic: label}`` for some topics (numbered
        from 1). An empty string or ``None`` restores the automatic label.
        """
        self._fitted()
        k = int(self.k)
        if isinstance(labels, Mapping):
            items = dict(labels)
        else:
            labels = list(labels)
            if len(labels) != k:
                raise SettingsError(f"set_labels: {len(labels)} labels for {k} topics")
            items = dict(enumerate(labels, 1))
        bad = [t for t in items if not isinstance(t, (int, np.integer)) or not 1 <= t <= k]
        if bad:
            raise SettingsError(f"set_labels: topics are numbered 1 to {k}, not {bad}")
        own = dict(getattr(self, "topic_labels_", {}))
        for t, lab in items.items():
            if lab is None or not str(lab).strip():
                own.pop(int(t), None)
            else:
                own[int(t)] = str(lab).strip()
        self.topic_labels_ = own
        return self

    # ------------------------------------------------------------------ diagnostics
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
        """Exclusivity per topic (see :func:`~corpuskit.topics.exclusivity`)."""
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

    def _rows_on_disk(self) -> pd.DataFrame:
        """doc_id (unit_id) and metadata of a model fitted on a matrix on disk, from its
        folder (never kept in the model: a million rows of ids and metadata)."""
        from ..features.disk import DiskDTM

        try:
            dtm = DiskDTM(self.rows_from_)
        except InputError as e:
            raise SettingsError(f"this model was fitted on the matrix in {self.rows_from_}, "
                                "which is gone: its documents' ids and metadata were there") \
                from e
        frames = [dtm.rows(i) for i in range(dtm.n_blocks)]
        rows = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame({"doc_id": []})
        if "date" in rows:
            rows["date"] = pd.to_datetime(rows["date"])
        return rows

    def doc_topics(self, meta: bool | Sequence[str] = True, long: bool = False) -> pd.DataFrame:
        """The document-topic table joined with document metadata.

        Wide (default): one row per DTM row, with ``doc_id`` (and ``unit_id``), the metadata and
        one column ``topic_1`` … ``topic_k`` of shares. ``long=True``: one row per row and topic
        (columns ``topic``, ``share``), tidy for grouping and plotting.
        """
        self._fitted()
        if getattr(self, "doc_topic_", None) is None:
            raise SettingsError("no doc_topic_ (the model was trained with partial_fit); use "
                                "transform()")
        cols = [f"topic_{t}" for t in range(1, int(self.k) + 1)]
        if getattr(self, "rows_from_", None) and not len(self.doc_ids_):
            out = self._rows_on_disk()
            if meta is not True:
                keep = ["doc_id", "unit_id"] + ([] if meta is False else list(meta))
                out = out[[c for c in out.columns if c in keep]]
        else:
            out = pd.DataFrame({"doc_id": self.doc_ids_})
            if self.unit_ids_ is not None:
                out["unit_id"] = self.unit_ids_
            if meta is not False and self.meta_ is not None and len(self.meta_.columns):
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

    def representative_docs(self, topic: int, n: int = 5, corpus: Corpus | None = None
                            ) -> pd.DataFrame:
        """The rows most typical of a topic (stm's ``findThoughts``), for close reading and for
        checking a label: the ``n`` rows with the highest share of ``topic``.

        With ``corpus`` (the one the DTM was built from), each row comes with its title and
        text (the paragraph's text for a paragraph-level model). Columns: rank, doc_id
        (unit_id), share, the metadata, and title, text.
        """
        self._fitted()
        k = int(self.k)
        if not isinstance(topic, (int, np.integer)) or not 1 <= topic <= k:
            raise SettingsError(f"topic={topic!r}: topics are numbered 1 to {k}")
        table = self.doc_topics()
        share = table[f"topic_{topic}"].to_numpy()
        order = np.lexsort((np.arange(len(share)), -share))[:n]
        out = table.iloc[order].drop(columns=[f"topic_{t}" for t in range(1, k + 1)])
        out.insert(0, "rank", np.arange(1, len(order) + 1))
        out.insert(2 + (self.unit_ids_ is not None), "share", share[order])
        if corpus is not None:
            docs = corpus.docs.set_index("doc_id")
            missing = [d for d in out["doc_id"] if d not in docs.index]
            if missing:
                raise SettingsError(f"representative_docs: {len(missing)} documents are not in "
                                    "this corpus; pass the corpus the model was fitted on")
            out["title"] = docs.loc[out["doc_id"], "title"].to_numpy() if "title" in docs \
                else None
            if self.unit_ids_ is not None:
                units = corpus.units("paragraph").set_index("unit_id")["text"]
                out["text"] = units.reindex(out["unit_id"]).to_numpy()
            else:
                out["text"] = docs.loc[out["doc_id"], "text"].to_numpy()
        return out.reset_index(drop=True)

    # ------------------------------------------------------------------ prevalence and effects
    def _scores_table(self) -> pd.DataFrame:
        if getattr(self, "doc_topic_", None) is None:
            raise SettingsError("prevalence and effects need doc_topic_: fit the model on a DTM")
        return self.doc_topics()

    def prevalence(self, by: str = "month", n_boot: int = 500, ci: float = 0.95,
                   seed: int | None = None, empty: str = "gap") -> pd.DataFrame:
        """Topic shares by time bin (``day``, ``week``, ``month``, ``quarter``, ``year``) or by
        any metadata column, with bootstrap intervals over documents
        (:func:`corpuskit.stats.group_means`; a paragraph-level model resamples documents with
        their paragraphs). Time bins without documents stay in the table as gaps (``empty``).

        Columns: the group, topic, label, share, lower, upper, n (rows), n_docs.
        """
        from ..stats import group_means

        self._fitted()
        table = self._scores_table()
        cols = [f"topic_{t}" for t in range(1, int(self.k) + 1)]
        out = group_means(table, cols, by, n_boot=n_boot, ci=ci,
                          seed=self.seed if seed is None else seed, empty=empty)
        topic = out["score"].str.removeprefix("topic_").astype(int)
        labels = self.labels()
        out = out.drop(columns="score").rename(columns={"mean": "share"})
        out.insert(1, "topic", topic.to_numpy())
        out.insert(2, "label", [labels[t - 1] for t in topic])
        return out

    def estimate_effect(self, covariates: Sequence[str] = ("source", "time"),
                        time_unit: str = "year", ci: float = 0.95,
                        reference: dict[str, str] | None = None, *, se: str = "HC3",
                        cluster: str | None = None, composition: bool = False,
                        n_draws: int = 25) -> pd.DataFrame:
        """Regression of topic proportions on covariates, per topic (stm's ``estimateEffect``),
        through :func:`corpuskit.stats.estimate_effect`.

        ``covariates``: metadata columns (indicators against a reference level: the most
        frequent unless ``reference`` names one) and ``"time"`` (a linear trend). ``se``:
        ``"HC3"`` or ``"cluster"`` (by the column ``cluster``, e.g. ``"source"``; a
        paragraph-level model defaults to clustering by document). ``composition=True``
        propagates the uncertainty of the proportions themselves (LDA): each of ``n_draws``
        refits uses θ drawn from every document's variational Dirichlet.

        Columns: topic, label, term, estimate, std_error, t, p_value, lower, upper, reference
        (the level a term is compared with), n.
        """
        from ..stats import estimate_effect

        self._fitted()
        table = self._scores_table()
        cols = [f"topic_{t}" for t in range(1, int(self.k) + 1)]
        if se == "HC3" and self.unit_ids_ is not None and cluster is None:
            se, cluster = "cluster", "doc_id"  # paragraphs of one document are not independent
        draws = None
        if composition:
            gamma = getattr(self, "doc_topic_concentration_", None)
            if gamma is None:
                raise SettingsError("composition=True needs LDA's variational posterior: fit "
                                    "the model with method='lda' (not loaded from an older "
                                    "file or trained with partial_fit)")

            def draws(rng: np.random.Generator) -> np.ndarray:
                g = rng.gamma(gamma)
                return g / g.sum(axis=1, keepdims=True)

        out = estimate_effect(table, cols, covariates, time_unit=time_unit, ci=ci,
                              reference=reference, se=se, cluster=cluster, draws=draws,
                              n_draws=n_draws, seed=int(self.seed))
        topic = out["score"].str.removeprefix("topic_").astype(int)
        labels = self.labels()
        out = out.drop(columns="score")
        out.insert(0, "topic", topic.to_numpy())
        out.insert(1, "label", [labels[t - 1] for t in topic])
        return out

    # ------------------------------------------------------------------ persistence
    def save(self, directory: str | Path) -> Path:
        """Write the model to a folder: ``model.npz`` (arrays) and ``model.json`` (settings,
        vocabulary, labels, provenance). No pickle: safe to receive from someone else."""
        from .persistence import save_model

        self._fitted()
        return save_model(self, directory)

    @classmethod
    def load(cls, directory: str | Path) -> TopicModel:
        """Read a model written by :meth:`save`."""
        from .persistence import load_model

        return load_model(cls, directory)
