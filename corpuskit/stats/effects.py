"""Effects of covariates (outlet, time, ...) on scores: OLS per score with robust errors."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import SettingsError

__all__ = ["estimate_effect", "design_matrix"]

_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}
COLUMNS = ["score", "term", "estimate", "std_error", "t", "p_value", "lower", "upper",
           "reference", "n"]


def design_matrix(meta: pd.DataFrame, covariates: Sequence[str], *, time_col: str = "date",
                  time_unit: str = "year", reference: dict[str, str] | None = None
                  ) -> tuple[pd.DataFrame, np.ndarray, dict[str, str]]:
    """The regression design: an intercept, one indicator per level of each categorical
    covariate but its reference (the most frequent level unless ``reference`` names one), and
    ``"time"`` as a linear trend in ``time_unit``s since the first date.

    Returns ``(design, keep, references)``: the design for the rows that have every covariate,
    the boolean mask of those rows, and the reference level of each categorical covariate.
    """
    keep = np.ones(len(meta), dtype=bool)
    for cov in covariates:
        if cov == "time":
            if time_col not in meta:
                raise SettingsError(f"covariate 'time' needs a {time_col!r} column")
            if time_unit not in _DAYS:
                raise SettingsError(f"time_unit={time_unit!r}: choose {list(_DAYS)}")
            keep &= pd.to_datetime(meta[time_col]).notna().to_numpy()
        elif cov not in meta:
            raise SettingsError(f"covariate {cov!r} is not a column; the columns are "
                                f"{', '.join(map(str, meta.columns))}")
        else:
            keep &= meta[cov].notna().to_numpy()
    if not keep.any():
        raise SettingsError(f"no row has all of the covariates {list(covariates)}")
    kept = meta[keep].reset_index(drop=True)
    parts = [pd.DataFrame({"(intercept)": np.ones(len(kept))})]
    refs: dict[str, str] = {}
    for cov in covariates:
        if cov == "time":
            d = pd.to_datetime(kept[time_col])
            parts.append(pd.DataFrame({f"time ({time_unit}s)":
                                       (d - d.min()).dt.total_seconds() / 86400 / _DAYS[time_unit]}))
            continue
        col = kept[cov].astype("string")
        counts = col.value_counts()
        ref = (reference or {}).get(cov)
        if ref is None:  # the most frequent level; ties by name, so the choice is stable
            ref = sorted(counts[counts == counts.max()].index)[0]
        if ref not in set(col):
            raise SettingsError(f"reference level {ref!r} of {cov!r} is not in the data; its "
                                f"levels are {sorted(set(col))}")
        refs[cov] = ref
        levels = sorted(lv for lv in col.unique() if lv != ref)
        parts.append(pd.DataFrame({f"{cov}={lv}": (col == lv).astype(float) for lv in levels}))
    return pd.concat(parts, axis=1), keep, refs


def _dependent_columns(X: np.ndarray, names: list[str]) -> list[str]:
    """Columns that are linear combinations of earlier ones (QR with column pivoting)."""
    from scipy.linalg import qr

    _, R, piv = qr(X, mode="economic", pivoting=True)
    diag = np.abs(np.diag(R))
    tol = diag.max() * max(X.shape) * np.finfo(float).eps if len(diag) else 0
    rank = int((diag > tol).sum())
    return [names[i] for i in sorted(piv[rank:])]


def estimate_effect(data: pd.DataFrame | Any, scores: Sequence[str],
                    covariates: Sequence[str] = ("source", "time"), *, time_col: str = "date",
                    time_unit: str = "year", ci: float = 0.95,
                    reference: dict[str, str] | None = None, se: str = "HC3",
                    cluster: str | None = None,
                    draws: Callable[[np.random.Generator], np.ndarray] | None = None,
                    n_draws: int = 25, seed: int = 0) -> pd.DataFrame:
    """Regress each score on covariates (stm's ``estimateEffect``, made stricter).

    Args:
        data: one row per document (or unit) with the score columns and the covariates; or a
            :class:`~corpuskit.parts.TableOnDisk`, of which only those columns are read.
        scores: the score columns to explain (topic proportions, frame balance, ...).
        covariates: categorical columns (indicators against a reference level) and ``"time"``
            (a linear trend in ``time_unit``s since the first date).
        se: ``"HC3"`` (heteroskedasticity-robust, the default) or ``"cluster"`` (robust to
            correlation within the groups of ``cluster``, e.g. an outlet or a document whose
            paragraphs are the rows), or ``"nonrobust"``.
        draws: for the method of composition (as stm's ``estimateEffect`` uses it): a function
            that returns one draw of the scores (rows × scores) from their posterior; the model
            is refitted on ``n_draws`` draws, and the fits are combined by Rubin's rules, so the
            intervals carry the uncertainty of the scores as well as the estimation's.

    Intervals use t quantiles (residual degrees of freedom; clusters - 1 for cluster errors).
    A coefficient whose indicator covers only rows with leverage 1 (a level with one document)
    has no usable robust variance: its error and interval are missing, with a warning, never
    smaller than the intercept's. Collinear covariates raise an error that names the columns.

    Returns:
        One row per score and term: ``score``, ``term``, ``estimate``, ``std_error``, ``t``,
        ``p_value``, ``lower``, ``upper``, ``reference`` (the reference level the term is
        compared with), ``n`` (rows used).
    """
    import statsmodels.api as sm
    from scipy import stats

    if not isinstance(data, pd.DataFrame):
        from ..parts import TableOnDisk

        if not isinstance(data, TableOnDisk):
            raise SettingsError(f"estimate_effect: a DataFrame or a TableOnDisk, not "
                                f"{type(data).__name__}")
        # a table on disk (frame_scores(..., out=)): only the columns the model uses are read,
        # part by part (never a unit's text); the regression itself needs them all at once
        wanted = {*scores, *covariates, time_col, *([cluster] if cluster else [])} - {"time"}
        data = data.read([c for c in data.columns if c in wanted])
    if se not in ("HC3", "cluster", "nonrobust"):
        raise SettingsError(f"se={se!r}: choose 'HC3', 'cluster' or 'nonrobust'")
    if se == "cluster" and (cluster is None or cluster not in data):
        raise SettingsError("se='cluster' needs cluster=<column> naming the groups")
    if not 0 < ci < 1:
        raise SettingsError("ci must be between 0 and 1")
    scores = list(scores)
    design, keep, refs = design_matrix(data, covariates, time_col=time_col,
                                       time_unit=time_unit, reference=reference)
    if (~keep).any():
        warnings.warn(f"estimate_effect: {int((~keep).sum())} rows lack a covariate and are "
                      "left out", UserWarning, stacklevel=3)
    X = design.to_numpy(dtype=float)
    names = list(design.columns)
    n, p = X.shape
    if n <= p:
        raise SettingsError(f"estimate_effect: {n} rows for {p} coefficients; use fewer "
                            "covariates or more documents")
    dependent = _dependent_columns(X, names)
    if dependent:
        raise SettingsError(f"estimate_effect: the covariates are collinear: {dependent} "
                            "are combinations of the other columns (e.g. an outlet that only "
                            "appears in one period, or two columns that say the same); drop one")
    xtx_inv = np.linalg.inv(X.T @ X)
    lev = np.einsum("ij,jk,ik->i", X, xtx_inv, X)
    certain = lev > 1 - 1e-8
    # A coefficient is unidentified for robust errors when its column is nonzero only on rows
    # that fit exactly (leverage 1): HC3 drops their residual, leaving no variance to estimate.
    blind = [j for j in range(p) if names[j] != "(intercept)"
             and np.any(X[:, j] != 0) and np.all(certain[X[:, j] != 0])]
    if blind and se != "nonrobust":
        warnings.warn(f"estimate_effect: {[names[j] for j in blind]} rest on single rows "
                      "(leverage 1): their robust errors and intervals are left missing",
                      UserWarning, stacklevel=3)
    groups = None
    if se == "cluster":
        groups = pd.factorize(data.loc[keep, cluster].astype("string"))[0]
    Y_all = data.loc[keep, scores].to_numpy(dtype=float)
    dof = (len(np.unique(groups)) - 1) if groups is not None else n - p
    tq = stats.t.ppf(1 - (1 - ci) / 2, max(dof, 1))

    def fit(Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        B, V = np.empty((Y.shape[1], p)), np.empty((Y.shape[1], p, p))
        for j in range(Y.shape[1]):
            model = sm.OLS(Y[:, j], X)
            if se == "HC3":
                res = model.fit(cov_type="HC3")
            elif se == "cluster":
                res = model.fit(cov_type="cluster", cov_kwds={"groups": groups})
            else:
                res = model.fit()
            B[j], V[j] = res.params, np.asarray(res.cov_params())
        return B, V

    if draws is None:
        B, V = fit(Y_all)
        sd = np.sqrt(np.clip(np.diagonal(V, axis1=1, axis2=2), 0, None))
        lower, upper = B - tq * sd, B + tq * sd
    else:
        # Every refit on a draw of the scores is like one imputation: combine them by Rubin's
        # rules (within-fit variance plus (1 + 1/m) times the between-fit variance), with
        # Barnard and Rubin's degrees of freedom, so a few draws still give honest intervals.
        rng = np.random.default_rng(seed)
        if n_draws < 2:
            raise SettingsError("n_draws must be at least 2")
        fits = [fit(np.asarray(draws(rng), dtype=float)[keep]) for _ in range(n_draws)]
        Bs = np.stack([f[0] for f in fits])                       # m × scores × p
        W = np.stack([np.diagonal(f[1], axis1=1, axis2=2) for f in fits]).mean(axis=0)
        between = Bs.var(axis=0, ddof=1)
        B = Bs.mean(axis=0)
        total = W + (1 + 1 / n_draws) * between
        sd = np.sqrt(np.clip(total, 0, None))
        with np.errstate(divide="ignore", invalid="ignore"):
            r = (1 + 1 / n_draws) * between / W
            nu_m = (n_draws - 1) * (1 + 1 / r) ** 2
        nu = np.where(np.isfinite(nu_m), np.minimum(nu_m, max(dof, 1)), max(dof, 1))
        tq = stats.t.ppf(1 - (1 - ci) / 2, nu)
        lower, upper = B - tq * sd, B + tq * sd
        dof = nu
    if blind and se != "nonrobust":
        sd[:, blind] = np.nan
        lower[:, blind] = np.nan
        upper[:, blind] = np.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        tval = B / sd
    pval = 2 * stats.t.sf(np.abs(tval), np.maximum(dof, 1))
    ref_of = {}
    for name in names:
        cov = name.split("=", 1)[0] if "=" in name else None
        ref_of[name] = f"{cov}={refs[cov]}" if cov in refs else None
    rows = [(s, name, B[j, t], sd[j, t], tval[j, t], pval[j, t], lower[j, t], upper[j, t],
             ref_of[name], n)
            for j, s in enumerate(scores) for t, name in enumerate(names)]
    return pd.DataFrame(rows, columns=COLUMNS)
