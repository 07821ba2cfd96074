"""Means of scores by time bin or group, with document-level bootstrap intervals."""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError, SettingsError

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


def _keys(data: pd.DataFrame, by: str, time_col: str) -> tuple[pd.Series, bool, int]:
    """Each row's group key, whether the groups are time bins, and how many rows have none."""
    if by in TIME_BINS:
        if time_col not in data:
            raise SettingsError(f"grouping by {by} needs a {time_col!r} column; this table has "
                                f"{', '.join(map(str, data.columns))}")
        dates = pd.to_datetime(data[time_col])
        return time_bins(dates, by), True, int(dates.isna().sum())
    if by not in data:
        raise SettingsError(f"by={by!r}: not a time bin ({', '.join(TIME_BINS)}) nor a column "
                            f"({', '.join(map(str, data.columns))})")
    col = data[by]
    return col.astype("string"), False, int(col.isna().sum())


def _check_missing(by: str, missing: int, rows: int, is_time: bool) -> None:
    if is_time:
        if rows and missing == rows:
            raise SettingsError(f"grouping by {by}: none of the {rows} rows has a date; "
                                "group by a metadata column instead (e.g. by='source')")
        if missing:
            warnings.warn(f"grouping by {by}: {missing} of {rows} rows have no date and "
                          "are left out", UserWarning, stacklevel=4)
    else:
        if rows and missing == rows:
            raise SettingsError(f"grouping by {by!r}: the column is empty")
        if missing:
            warnings.warn(f"grouping by {by!r}: {missing} rows have no value and are left out",
                          UserWarning, stacklevel=4)


def _doc_sums(data: pd.DataFrame, scores: list[str], by: str, doc_col: str,
              time_col: str) -> tuple[pd.DataFrame, bool, int, int]:
    """One row per (group, document): the key, the document, its number of rows (``_n``) and
    the sum of each score over them; with whether the keys are time bins, the rows without a
    key and all rows. What a group's mean and its document bootstrap need, and no more."""
    missing = [c for c in [*scores, doc_col] if c not in data]
    if missing:
        raise SettingsError(f"group_means: no column(s) {missing} in the table")
    keys, is_time, n_missing = _keys(data, by, time_col)
    valid = keys.notna().to_numpy()
    table = pd.DataFrame({"_key": keys[valid].to_numpy(),
                          "_doc": data[doc_col].to_numpy()[valid], "_n": 1.0})
    values = data[scores].to_numpy(dtype=float)[valid]
    for j in range(len(scores)):
        table[f"_s{j}"] = values[:, j]
    sums = table.groupby(["_key", "_doc"], sort=False, observed=True).sum().reset_index()
    return sums, is_time, n_missing, len(data)


def _part_sums(i: int, path: str, scores: list[str], by: str, doc_col: str, time_col: str,
               prepare: Any = None) -> tuple[pd.DataFrame, bool, int, int]:
    from ..parts import TableOnDisk

    import pyarrow.parquet as pq

    table = TableOnDisk(path)
    try:
        have = set(pq.read_schema(table.path / table.manifest["parts"][i]["file"]).names)
        wanted = [*scores, doc_col, by, time_col, *getattr(prepare, "needs", [])]
        part = table.part(i, [c for c in dict.fromkeys(wanted) if c in have])
    except Exception as e:  # noqa: BLE001 - a damaged part is named, not a pyarrow traceback
        raise InputError(f"{table.path}: part {i} cannot be read ({type(e).__name__}: {e})") \
            from e
    if prepare is not None:
        part = prepare(part)
    return _doc_sums(part, scores, by, doc_col, time_col)


def group_means(data: pd.DataFrame | Any, scores: Sequence[str], by: str = "month", *,
                doc_col: str = "doc_id", time_col: str = "date", n_boot: int = 500,
                ci: float = 0.95, seed: int = 0, empty: str = "gap",
                engine: Any = None, workers: int | None = None,
                prepare: Any = None) -> pd.DataFrame:
    """The mean of each score column by group, with a bootstrap interval over documents.

    Args:
        data: one row per document or per unit (paragraph, sentence), with the score columns,
            ``doc_col`` and the grouping column (or ``time_col`` for time bins); or a
            :class:`~corpuskit.parts.TableOnDisk` (``frame_scores(..., out=)``), reduced part
            by part to per-document sums (on ``engine`` if given), so that memory grows with
            the number of documents per group, not with the rows.
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
        engine, workers: for a table on disk, the engine that reduces its parts.
        prepare: a function applied to the table (or to each part on disk) before the means,
            e.g. to derive score columns; a module-level function, so that engines can send
            it, with a ``needs`` attribute naming the columns it reads.

    Returns:
        A tidy table with the same columns whatever the score: the group (named ``by``),
        ``score``, ``mean``, ``lower``, ``upper``, ``n`` (rows), ``n_docs``. A table on disk
        gives the same numbers as the same table in memory.
    """
    if not 0 < ci < 1:
        raise SettingsError("ci must be between 0 and 1")
    if empty not in ("gap", "zero", "drop"):
        raise SettingsError(f"empty={empty!r}: choose 'gap', 'zero' or 'drop'")
    scores = list(scores)
    if isinstance(data, pd.DataFrame):
        if prepare is not None:
            data = prepare(data)
        sums, is_time, n_missing, n_rows = _doc_sums(data, scores, by, doc_col, time_col)
    else:
        from ..engine import engine_for
        from ..parts import TableOnDisk

        if not isinstance(data, TableOnDisk):
            raise SettingsError(f"group_means: a DataFrame or a TableOnDisk, not "
                                f"{type(data).__name__}")
        n_parts = len(data.manifest["parts"])
        with engine_for(engine or "serial", workers) as eng:
            outs = eng.gather(eng.starmap(_part_sums, [(i,) for i in range(n_parts)],
                                          str(data.path), scores, by, doc_col, time_col,
                                          prepare))
        if not outs:
            raise SettingsError(f"group_means: {data.path} has no parts")
        is_time = outs[0][1]
        n_missing = sum(o[2] for o in outs)
        n_rows = sum(o[3] for o in outs)
        # a document's rows are in one part; summing again also covers any that are not
        sums = (pd.concat([o[0] for o in outs], ignore_index=True)
                .groupby(["_key", "_doc"], sort=False, observed=True).sum().reset_index())
    _check_missing(by, n_missing, n_rows, is_time)
    lo_q, hi_q = (1 - ci) / 2, 1 - (1 - ci) / 2
    rows: list[tuple] = []
    keys = sums["_key"]
    order = sorted(keys.unique())
    codes = pd.Categorical(keys, categories=order).codes
    cols = [f"_s{j}" for j in range(len(scores))]
    for g, key in enumerate(order):
        grp = sums.iloc[np.flatnonzero(codes == g)]
        grp = grp.iloc[np.argsort(grp["_doc"].to_numpy(), kind="stable")]  # documents sorted
        doc_sums = grp[cols].to_numpy(dtype=float)
        counts = grp["_n"].to_numpy(dtype=float)
        m = len(grp)
        mean = doc_sums.sum(axis=0) / counts.sum()
        if n_boot and m > 1:
            boot = _bootstrap(group_seed(seed, str(key)), doc_sums, counts, n_boot)
            lower, upper = np.quantile(boot, [lo_q, hi_q], axis=0)
        else:
            lower = upper = np.full(len(scores), np.nan)
        for j, s in enumerate(scores):
            rows.append((key, s, mean[j], lower[j], upper[j], int(counts.sum()), m))
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
