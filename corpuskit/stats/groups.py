"""Means of scores by time bin or group, with document-level bootstrap intervals."""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..errors import SettingsError

__all__ = ["TIME_BINS", "time_bins", "group_means", "group_seed"]

TIME_BINS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
COLUMNS = ["score", "mean", "lower", "upper", "n", "n_docs"]


def time_bins(dates: pd.Series, by: str) -> pd.Series:
    """Each date's bin (``day``, ``week``, ``month``, ``quarter``, ``year``) as a Period."""
    if by not in TIME_BINS:
        raise SettingsError(f"time bin {by!r}: choose one of {', '.join(TIME_BINS)}")
    return pd.to_datetime(dates).dt.to_period(TIME_BINS[by])


def group_seed(seed: int, key: object) -> np.random.Generator:
    """A random stream of its own for one group, from the seed and the group's key: adding or
    removing another group never changes this group's draws."""
    digest = hashlib.blake2b(repr(key).encode("utf-8"), digest_size=8).digest()
    return np.random.default_rng(np.random.SeedSequence([int(seed) & (2**63 - 1),
                                                         int.from_bytes(digest, "little")]))


def _keys(data: pd.DataFrame, by: str, time_col: str) -> tuple[pd.Series, bool]:
    if by in TIME_BINS:
        if time_col not in data:
            raise SettingsError(f"grouping by {by} needs a {time_col!r} column; this table has "
                                f"{', '.join(map(str, data.columns))}")
        dates = pd.to_datetime(data[time_col])
        missing = int(dates.isna().sum())
        if missing == len(dates):
            raise SettingsError(f"grouping by {by}: none of the {len(dates)} rows has a date; "
                                "group by a metadata column instead (e.g. by='source')")
        if missing:
            warnings.warn(f"grouping by {by}: {missing} of {len(dates)} rows have no date and "
                          "are left out", UserWarning, stacklevel=4)
        return time_bins(dates, by), True
    if by not in data:
        raise SettingsError(f"by={by!r}: not a time bin ({', '.join(TIME_BINS)}) nor a column "
                            f"({', '.join(map(str, data.columns))})")
    col = data[by]
    missing = int(col.isna().sum())
    if missing == len(col):
        raise SettingsError(f"grouping by {by!r}: the column is empty")
    if missing:
        warnings.warn(f"grouping by {by!r}: {missing} rows have no value and are left out",
                      UserWarning, stacklevel=4)
    return col.astype("string"), False


def group_means(data: pd.DataFrame, scores: Sequence[str], by: str = "month", *,
                doc_col: str = "doc_id", time_col: str = "date", n_boot: int = 500,
                ci: float = 0.95, seed: int = 0, empty: str = "gap") -> pd.DataFrame:
    """The mean of each score column by group, with a bootstrap interval over documents.

    Args:
        data: one row per document or per unit (paragraph, sentence), with the score columns,
            ``doc_col`` and the grouping column (or ``time_col`` for time bins).
        scores: the score columns (topic proportions, frame rates, mention counts ...).
        by: a time bin (``day``, ``week``, ``month``, ``quarter``, ``year``) or a column.
        n_boot, ci: bootstrap draws and interval level. Each draw resamples the group's
            **documents** with replacement and keeps each document's units together (a cluster
            bootstrap); for one row per document it is the ordinary bootstrap. Each group draws
            from its own stream (:func:`group_seed`), so adding a group or a month never changes
            another group's interval.
        empty: for time bins, ``"gap"`` keeps every bin between the first and the last date,
            empty ones with a missing mean (a gap in a line, never a bridge); ``"zero"`` gives
            empty bins a mean of 0 (for counts); ``"drop"`` leaves them out.

    Returns:
        A tidy table with the same columns whatever the score: the group (named ``by``),
        ``score``, ``mean``, ``lower``, ``upper``, ``n`` (rows), ``n_docs``.
    """
    if not 0 < ci < 1:
        raise SettingsError("ci must be between 0 and 1")
    if empty not in ("gap", "zero", "drop"):
        raise SettingsError(f"empty={empty!r}: choose 'gap', 'zero' or 'drop'")
    scores = list(scores)
    missing = [c for c in [*scores, doc_col] if c not in data]
    if missing:
        raise SettingsError(f"group_means: no column(s) {missing} in the table")
    keys, is_time = _keys(data, by, time_col)
    valid = keys.notna().to_numpy()
    values = data[scores].to_numpy(dtype=float)[valid]
    docs = data[doc_col].to_numpy()[valid]
    keys = keys[valid]
    lo_q, hi_q = (1 - ci) / 2, 1 - (1 - ci) / 2
    rows: list[tuple] = []
    order = sorted(keys.unique())
    codes = pd.Categorical(keys, categories=order).codes
    for g, key in enumerate(order):
        idx = np.flatnonzero(codes == g)
        vals = values[idx]
        doc_codes, doc_index = np.unique(docs[idx], return_inverse=True)
        m = len(doc_codes)
        sums = np.zeros((m, len(scores)))
        np.add.at(sums, doc_index, vals)
        counts = np.bincount(doc_index, minlength=m).astype(float)
        mean = sums.sum(axis=0) / counts.sum()
        if n_boot and m > 1:
            boot = _bootstrap(group_seed(seed, str(key)), sums, counts, n_boot)
            lower, upper = np.quantile(boot, [lo_q, hi_q], axis=0)
        else:
            lower = upper = np.full(len(scores), np.nan)
        for j, s in enumerate(scores):
            rows.append((key, s, mean[j], lower[j], upper[j], len(idx), m))
    out = pd.DataFrame(rows, columns=[by, *COLUMNS])
    if is_time and empty != "drop" and len(order):
        full = pd.period_range(order[0], order[-1], freq=order[0].freq)
        grid = pd.MultiIndex.from_product([full, scores], names=[by, "score"])
        out = out.set_index([by, "score"]).reindex(grid).reset_index()
        out["n"] = out["n"].fillna(0).astype(int)
        out["n_docs"] = out["n_docs"].fillna(0).astype(int)
        if empty == "zero":
            out[["mean", "lower", "upper"]] = out[["mean", "lower", "upper"]].fillna(
                {"mean": 0.0})
    if is_time:
        out[by] = out[by].astype(str)
    return out


def _bootstrap(rng: np.random.Generator, sums: np.ndarray, counts: np.ndarray,
               n_boot: int) -> np.ndarray:
    """n_boot × scores means of documents drawn with replacement (in blocks: bounded memory)."""
    m = len(counts)
    out = np.empty((n_boot, sums.shape[1]))
    block = max(1, min(n_boot, 4_000_000 // m))
    for start in range(0, n_boot, block):
        b = min(block, n_boot - start)
        draws = rng.integers(0, m, size=(b, m))
        w = np.bincount((np.arange(b)[:, None] * m + draws).ravel(),
                        minlength=b * m).reshape(b, m).astype(float)
        out[start:start + b] = (w @ sums) / (w @ counts)[:, None]
    return out
