"""NMF by coordinate descent (LDA's start) with its two sparse products on several cores.

scikit-learn's ``NMF(solver="cd")`` spends about nine tenths of its time on a news corpus in two
products of the sparse TF-IDF matrix with a thin dense one, ``X @ H.T`` and ``X.T @ W``, which
scipy computes on one core. Here each product is cut into blocks of output rows, compiled with
numba (no GIL) and run on threads: every output row is summed by one thread, over the same
entries in the same order as scipy's ``csr_matvecs``/``csc_matvecs``. The coordinate updates
are scikit-learn's own (``_update_cdnmf_fast``), on blocks of rows, which it updates
independently of one another. So the result does not depend on the number of threads and equals
scikit-learn's to rounding (the violation that decides when to stop is summed block by block;
tested). The start (``nndsvda``) is scikit-learn's algorithm, its randomized SVD included, with
that SVD's sixteen sparse products (three quarters of its time) on the same threads: the same
values, bit for bit (tested).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import scipy.sparse as sp
from numba import njit
from threadpoolctl import threadpool_limits


@njit(cache=True, nogil=True)
def _rows_times_dense(data, indices, indptr, dense, out, lo, hi):  # noqa: ANN001, ANN201
    """``out[i] = sum_j X[i, j] * dense[j]`` for the CSR rows ``lo:hi`` (in scipy's order)."""
    k = dense.shape[1]  # pragma: no cover - compiled
    for i in range(lo, hi):
        for t in range(k):
            out[i, t] = 0.0
        for jj in range(indptr[i], indptr[i + 1]):
            v = data[jj]
            j = indices[jj]
            for t in range(k):
                out[i, t] += v * dense[j, t]


class _Product:
    """``A @ dense`` for a fixed CSR matrix ``A`` on ``threads`` threads, rows cut into blocks
    of about equal numbers of stored entries."""

    def __init__(self, A: sp.csr_matrix, pool: ThreadPoolExecutor | None, threads: int):
        self.A, self.pool = A, pool
        parts = max(1, threads * 2) if pool is not None else 1
        cuts = np.searchsorted(A.indptr, np.linspace(0, A.nnz, parts + 1)[1:-1])
        bounds = [0, *sorted(set(int(c) for c in cuts) - {0, A.shape[0]}), A.shape[0]]
        self.bounds = list(zip(bounds[:-1], bounds[1:]))

    def __call__(self, dense: np.ndarray) -> np.ndarray:
        A = self.A
        out = np.empty((A.shape[0], dense.shape[1]), dtype=A.dtype)
        args = (A.data, A.indices, A.indptr, dense, out)
        if self.pool is None or len(self.bounds) == 1:
            _rows_times_dense(*args, 0, A.shape[0])
        else:
            for f in [self.pool.submit(_rows_times_dense, *args, a, b) for a, b in self.bounds]:
                f.result()
        return out


def nmf_components(X: sp.spmatrix, k: int, seed: int, max_iter: int = 100, tol: float = 1e-3,
                   threads: int | None = None, single: bool = False) -> np.ndarray:
    """The topic-term factor ``H`` of ``NMF(n_components=k, init="nndsvda", solver="cd",
    max_iter=max_iter, tol=tol, random_state=seed).fit(X)``, computed with the products on
    ``threads`` threads (default: the cores this process may use).

    ``single``: the coordinate-descent iterations in single precision, after the start in
    double precision (their products bound by memory: a quarter less time at 31,000 articles).
    The products keep their fixed order and the small BLAS products run on one thread, so the
    result is still the same bits on any number of threads; it differs from double
    precision's by about 1e-6 relative, and from a matrix whose rows hold the same entries in
    another order by as much (hence the sorted rows of the LDA's start, ``TopicModel._nmf_start``).
    """
    from ..engine import _cores

    X = sp.csr_matrix(X, dtype=np.float64)
    threads = threads or _cores()
    perm = np.arange(k, dtype=np.intp)
    with ThreadPoolExecutor(threads) if threads > 1 else _NoPool() as pool:
        times_ht = _Product(X, pool, threads)            # X @ H.T, n × k
        times_w = _Product(X.T.tocsr(), pool, threads)   # X.T @ W, terms × k
        W, H = nndsvda(X, k, seed, times_ht, times_w)
        dtype = np.float32 if single else np.float64
        if single:   # the double-precision transpose freed first: memory stays as it was
            del times_w
            X1 = sp.csr_matrix((X.data.astype(np.float32), X.indices, X.indptr), shape=X.shape)
            times_ht = _Product(X1, pool, threads)
            times_w = _Product(X1.T.tocsr(), pool, threads)
        W = np.ascontiguousarray(W, dtype=dtype)
        Ht = np.ascontiguousarray(H.T, dtype=dtype)
        # BLAS on one thread here (its k × k products are small): OpenBLAS' threads spin
        # while they wait and would take the cores from the products' threads
        with threadpool_limits(1, user_api="blas"):
            _iterate(W, Ht, times_ht, times_w, perm, pool, max_iter, tol)
    return np.ascontiguousarray(Ht.T, dtype=np.float64)


class _Operator:
    """A sparse matrix as scikit-learn's randomized SVD uses it (``A @ Q``, ``A.T @ Q``,
    ``Q.T @ A``), its products on threads. ``times``: ``A @ dense``; ``times_t``: ``A.T @ dense``.
    """

    ndim = 2
    __array_ufunc__ = None   # so that `dense @ op` calls __rmatmul__

    def __init__(self, times: _Product, times_t: _Product, shape: tuple[int, int], dtype: object):
        self.times, self.times_t, self.shape, self.dtype = times, times_t, shape, dtype

    @property
    def T(self) -> _Operator:  # noqa: N802 - as NumPy and scipy spell it
        return _Operator(self.times_t, self.times, self.shape[::-1], self.dtype)

    def __matmul__(self, dense: np.ndarray) -> np.ndarray:
        return self.times(np.ascontiguousarray(dense))

    def __rmatmul__(self, dense: np.ndarray) -> np.ndarray:   # Q.T @ A = (A.T @ Q).T
        return self.times_t(np.ascontiguousarray(dense.T)).T


def nndsvda(X: sp.csr_matrix, k: int, seed: int, times: _Product,
            times_t: _Product) -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's ``_initialize_nmf(X, k, init="nndsvda", random_state=seed)`` (NNDSVD,
    Boutsidis & Gallopoulos 2008, zeros filled with the mean; scikit-learn's code, BSD
    licence), its randomized SVD's products on threads. ``times``/``times_t``: ``X @ dense``
    and ``X.T @ dense``."""
    from sklearn.utils.extmath import _randomized_svd

    if X.nnz and X.data.min() < 0:
        raise ValueError("NMF needs a matrix without negative values")
    U, S, V = _randomized_svd(_Operator(times, times_t, X.shape, X.dtype), k,
                              random_state=seed)
    W = np.zeros_like(U)
    H = np.zeros_like(V)
    W[:, 0] = np.sqrt(S[0]) * np.abs(U[:, 0])
    H[0, :] = np.sqrt(S[0]) * np.abs(V[0, :])
    for j in range(1, k):
        x, y = U[:, j], V[j, :]
        x_p, y_p = np.maximum(x, 0), np.maximum(y, 0)
        x_n, y_n = np.abs(np.minimum(x, 0)), np.abs(np.minimum(y, 0))
        x_p_nrm, y_p_nrm = _norm(x_p), _norm(y_p)
        x_n_nrm, y_n_nrm = _norm(x_n), _norm(y_n)
        m_p, m_n = x_p_nrm * y_p_nrm, x_n_nrm * y_n_nrm
        if m_p > m_n:
            u, v, sigma = x_p / x_p_nrm, y_p / y_p_nrm, m_p
        else:
            u, v, sigma = x_n / x_n_nrm, y_n / y_n_nrm, m_n
        lbd = np.sqrt(S[j] * sigma)
        W[:, j] = lbd * u
        H[j, :] = lbd * v
    eps = 1e-6
    W[W < eps] = 0
    H[H < eps] = 0
    avg = X.mean()
    W[W == 0] = avg
    H[H == 0] = avg
    return W, H


def _norm(x: np.ndarray) -> float:
    """scikit-learn's ``_nmf.norm``: the dot-based Euclidean norm."""
    from sklearn.decomposition._nmf import norm

    return norm(x)


def _iterate(W: np.ndarray, Ht: np.ndarray, times_ht: _Product, times_w: _Product,
             perm: np.ndarray, pool: ThreadPoolExecutor | None, max_iter: int,
             tol: float) -> None:
    """scikit-learn's ``_fit_coordinate_descent`` loop (W, then H; no regularization),
    updating ``W`` and ``Ht`` in place."""
    violation_init = None
    for _ in range(max_iter):
        violation = _coordinate_step(W, np.dot(Ht.T, Ht), times_ht(Ht), perm, pool)
        violation += _coordinate_step(Ht, np.dot(W.T, W), times_w(W), perm, pool)
        if violation_init is None:
            violation_init = violation
        if violation_init == 0 or violation / violation_init <= tol:
            break


_STEP_BLOCKS = 4   # fixed, so that the sum of the violations does not depend on the threads


def _coordinate_step(W: np.ndarray, HHt: np.ndarray, XHt: np.ndarray, perm: np.ndarray,
                     pool: ThreadPoolExecutor | None) -> float:
    """One pass of scikit-learn's coordinate updates of ``W``. Its rows are updated
    independently of one another (scikit-learn's ``_update_cdnmf_fast`` releases the GIL), so
    blocks of rows run on threads: the same values, and the violation summed block by block."""
    from sklearn.decomposition._cdnmf_fast import _update_cdnmf_fast

    cuts = np.linspace(0, W.shape[0], _STEP_BLOCKS + 1).astype(int)
    blocks = [(W[a:b], XHt[a:b]) for a, b in zip(cuts[:-1], cuts[1:]) if b > a]
    if pool is None:
        parts = [_update_cdnmf_fast(w, HHt, x, perm) for w, x in blocks]
    else:
        parts = [f.result() for f in [pool.submit(_update_cdnmf_fast, w, HHt, x, perm)
                                      for w, x in blocks]]
    return float(sum(parts))


class _NoPool:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
