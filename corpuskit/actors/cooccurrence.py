"""Who is mentioned with whom: actor co-occurrence counts, weights and significance."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from ..errors import SettingsError
from ..stats import TIME_BINS, time_bins

__all__ = ["cooccurrence", "EDGE_COLUMNS", "WEIGHTS"]

WEIGHTS = ("count", "jaccard", "pmi", "npmi", "llr")
EDGE_COLUMNS = ["actor_a", "actor_b", "name_a", "name_b", "count", "count_a", "count_b", "units",
                "expected", "weight", "llr", "p_value"]
_SIZES = ("sentence", "paragraph", "document")


def _unit_key(m: pd.DataFrame, unit: str | tuple) -> tuple[pd.Series, str]:
    found_at = m.attrs.get("unit", "sentence")
    if isinstance(unit, tuple):
        if len(unit) != 2 or unit[0] != "window" or not isinstance(unit[1], int) or unit[1] < 1:
            raise SettingsError(f"unit={unit!r}: a window is ('window', k) with k >= 1 words")
        return m["doc_id"].astype(str) + "#" + m.index.astype(str), "window"
    if unit not in _SIZES:
        raise SettingsError(f"unit={unit!r}: choose 'sentence', 'paragraph', 'document' or "
                            "('window', k)")
    if _SIZES.index(unit) < _SIZES.index(found_at):
        raise SettingsError(f"these mentions were found by {found_at}: they can be counted by "
                            f"{found_at} or a larger unit, not by {unit} (run find_actors with "
                            f"unit={unit!r})")
    if unit == "document":
        return m["doc_id"], unit
    if unit == "paragraph" and found_at == "sentence":
        return m["paragraph_id"], unit
    return m["unit_id"], unit


def _windows(m: pd.DataFrame, k: int) -> pd.DataFrame:
    """One unit per mention: the window of ``2k + 1`` words centred on it (same document)."""
    rows = []
    for doc_id, g in m.groupby("doc_id", sort=False):
        tok = g["token"].to_numpy()
        ids = g["actor_id"].to_numpy()
        order = np.argsort(tok, kind="stable")
        tok, ids = tok[order], ids[order]
        lo = np.searchsorted(tok, tok - k, side="left")
        hi = np.searchsorted(tok, tok + k, side="right")
        for i in range(len(tok)):
            for a in set(ids[lo[i]:hi[i]]):
                rows.append((f"{doc_id}#{i}", a))
    return pd.DataFrame(rows, columns=["unit", "actor_id"])


def _llr(n11: np.ndarray, n1: np.ndarray, n2: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Dunning's log-likelihood ratio (G²) of the 2×2 table of two actors over n units."""
    obs = np.stack([n11, n1 - n11, n2 - n11, n - n1 - n2 + n11]).astype(float)
    exp = np.stack([n1 * n2, n1 * (n - n2), (n - n1) * n2, (n - n1) * (n - n2)]) / n
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(obs > 0, obs * np.log(obs / exp), 0.0)
    return 2 * terms.sum(axis=0)


def cooccurrence(mentions: pd.DataFrame, unit: str | tuple = "sentence", weight: str = "npmi",
                 min_count: int = 1, by: str | None = None,
                 units: pd.DataFrame | None = None, *, engine: Any = None,
                 workers: int | None = None, part_size: int = 2000) -> pd.DataFrame:
    """Pairs of actors mentioned in the same unit, with counts, expected counts and a weight.

    Args:
        mentions: from :func:`find_actors` (one row per mention).
        unit: ``"sentence"``, ``"paragraph"``, ``"document"`` (as large as or larger than the
            unit the mentions were found by), or ``("window", k)``: a window of ``2k + 1``
            words centred on each mention is a unit (the actors within ``k`` words of it).
        weight: ``"count"`` (units with both), ``"jaccard"`` (both / either), ``"pmi"``
            (log of observed over expected), ``"npmi"`` (PMI / -log P(both), in [-1, 1]) or
            ``"llr"`` (Dunning's G²).
        min_count: keep pairs seen together in at least this many units.
        by: ``None``, a time bin (``"month"``, ``"year"``, ...) or a metadata column of the
            mentions (e.g. ``"source"``): one edge table per slice, in one tidy table.
        units: the number of units per document (``doc_id`` and a column per unit size);
            taken from ``mentions.attrs`` by default, so that units without any mention count
            in the expected counts.
        engine, workers, part_size: count the pairs on an engine (``"local"`` worker
            processes, ``"dask"`` or a Dask ``Client``), ``part_size`` documents a task, and sum
            the counts (a reduction: units never span documents, so the result is the same).

    Returns:
        One row per pair (and slice): ``actor_a``, ``actor_b`` (ids, ``actor_a < actor_b``),
        ``name_a``, ``name_b``, ``count`` (units with both), ``count_a``, ``count_b`` (units with
        each), ``units`` (all units), ``expected`` (count_a × count_b / units), ``weight``,
        ``llr`` and ``p_value`` (G² against independence, χ² with 1 degree of freedom); sorted
        by weight.
    """
    if weight not in WEIGHTS:
        raise SettingsError(f"weight={weight!r}: choose one of {', '.join(WEIGHTS)}")
    if not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise SettingsError("min_count must be a whole number >= 1")
    need = {"doc_id", "actor_id", "name"}
    if not need <= set(mentions.columns):
        raise SettingsError(f"cooccurrence takes the table of find_actors(); it lacks "
                            f"{sorted(need - set(mentions.columns))}")
    m = mentions.reset_index(drop=True)
    m.attrs = mentions.attrs
    units = units if units is not None else mentions.attrs.get("units")
    if isinstance(units, dict):
        units = pd.DataFrame(units)
    names = m.drop_duplicates("actor_id").set_index("actor_id")["name"]
    if isinstance(unit, tuple):
        key, size = _unit_key(m, unit)
        pairs_in = _windows(m, unit[1])
        doc_of_unit = pairs_in["unit"].str.rsplit("#", n=1).str[0]
        table = pairs_in.assign(doc_id=doc_of_unit.to_numpy())
    else:
        key, size = _unit_key(m, unit)
        table = pd.DataFrame({"unit": key.to_numpy(), "actor_id": m["actor_id"].to_numpy(),
                              "doc_id": m["doc_id"].to_numpy()}).drop_duplicates(["unit",
                                                                                   "actor_id"])
    slice_col = None
    if by is not None:
        slice_col = by
        if by in TIME_BINS:
            if "date" not in m:
                raise SettingsError(f"by={by!r} needs the mentions' date column (find_actors "
                                    "with meta=True)")
            dates = m.drop_duplicates("doc_id").set_index("doc_id")["date"]
            doc_slice = time_bins(dates, by).astype(str).where(dates.notna().to_numpy())
        elif by in m:
            doc_slice = m.drop_duplicates("doc_id").set_index("doc_id")[by].astype("string")
        else:
            raise SettingsError(f"by={by!r}: not a time bin ({', '.join(TIME_BINS)}) nor a "
                                f"column of the mentions")
        table["slice"] = table["doc_id"].map(doc_slice).to_numpy()
        table = table[table["slice"].notna()]
    else:
        table["slice"] = "all"
    totals = _unit_totals(table, size, units, by, m)
    per_actor_all, cnt_all = _count_on(table, engine, workers, part_size)
    out = []
    for sl in sorted(table["slice"].unique()):
        g_units = table.loc[table["slice"] == sl, "unit"]
        n = totals.get(sl)
        if n is None or n <= 0:
            n = g_units.nunique()
        per_actor = per_actor_all.loc[sl] if sl in per_actor_all.index else pd.Series(dtype=int)
        if sl not in cnt_all.index:
            continue
        cnt = cnt_all.loc[[sl]].reset_index(drop=True)
        cnt = cnt[cnt["count"] >= min_count]
        if cnt.empty:
            continue
        a = cnt["actor_id_x"].map(per_actor).to_numpy(dtype=float)
        b = cnt["actor_id_y"].map(per_actor).to_numpy(dtype=float)
        c = cnt["count"].to_numpy(dtype=float)
        nn = np.full(len(c), float(n))
        expected = a * b / nn
        llr = _llr(c, a, b, nn)
        with np.errstate(divide="ignore", invalid="ignore"):
            pmi = np.log(c / expected)
            if weight == "count":
                w = c
            elif weight == "jaccard":
                w = c / (a + b - c)
            elif weight == "pmi":
                w = pmi
            elif weight == "npmi":
                w = np.where(c >= nn, 1.0, pmi / -np.log(c / nn))
            else:
                w = llr
        frame = pd.DataFrame({"actor_a": cnt["actor_id_x"].to_numpy(),
                              "actor_b": cnt["actor_id_y"].to_numpy(),
                              "name_a": cnt["actor_id_x"].map(names).to_numpy(),
                              "name_b": cnt["actor_id_y"].map(names).to_numpy(),
                              "count": c.astype(int), "count_a": a.astype(int),
                              "count_b": b.astype(int), "units": nn.astype(int),
                              "expected": expected, "weight": w, "llr": llr,
                              "p_value": stats.chi2.sf(llr, 1)})
        if slice_col is not None:
            frame.insert(0, slice_col, sl)
        out.append(frame)
    cols = ([slice_col] if slice_col else []) + EDGE_COLUMNS
    if not out:
        return pd.DataFrame(columns=cols)
    edges = pd.concat(out, ignore_index=True)
    sort = ([slice_col] if slice_col else []) + ["weight", "count", "actor_a", "actor_b"]
    asc = ([True] if slice_col else []) + [False, False, True, True]
    edges = edges.sort_values(sort, ascending=asc, kind="stable").reset_index(drop=True)
    edges.attrs = {"unit": unit if isinstance(unit, str) else f"window {unit[1]}",
                   "weight": weight, "by": by}
    return edges


def _counts(table: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    """Units with each actor, and with each pair of actors, per slice. Units never span
    documents, so the counts of parts of the documents add up to those of the whole."""
    per_actor = table.groupby(["slice", "actor_id"])["unit"].nunique()
    pairs = table[["slice", "unit", "actor_id"]].merge(table[["unit", "actor_id"]], on="unit")
    pairs = pairs[pairs["actor_id_x"] < pairs["actor_id_y"]]
    cnt = pairs.groupby(["slice", "actor_id_x", "actor_id_y"]).size().rename("count")
    return per_actor, cnt.reset_index()


def _sum_counts(parts: list[tuple[pd.Series, pd.DataFrame]]) -> tuple[pd.Series, pd.DataFrame]:
    per_actor = pd.concat([p for p, _ in parts]).groupby(level=[0, 1]).sum()
    cnt = (pd.concat([c for _, c in parts], ignore_index=True)
           .groupby(["slice", "actor_id_x", "actor_id_y"])["count"].sum().reset_index())
    return per_actor, cnt


def _count_on(table: pd.DataFrame, engine: Any, workers: int | None,
              part_size: int) -> tuple[pd.Series, pd.DataFrame]:
    """:func:`_counts`, in this process or summed over parts of documents on an engine;
    the pair counts come indexed by slice."""
    if engine is None:
        per_actor, cnt = _counts(table)
    else:
        from ..engine import engine_for
        from ..parts import check_part_size

        check_part_size(part_size)

        docs = pd.unique(table["doc_id"])
        part_of = pd.Series(np.arange(len(docs)) // part_size, index=docs)
        which = table["doc_id"].map(part_of).to_numpy()
        pieces = [table[which == i] for i in range(int(which.max()) + 1)] if len(table) else \
            [table]
        with engine_for(engine, workers) as eng:
            per_actor, cnt = _sum_counts(eng.map(_counts, pieces))
    return per_actor, cnt.set_index("slice")


def _unit_totals(table: pd.DataFrame, size: str, units: pd.DataFrame | None, by: str | None,
                 m: pd.DataFrame) -> dict:
    """Units per slice, counting units without mentions when the per-document counts are
    known; otherwise the units that hold a mention (and a lower bound of the truth)."""
    if size == "window" or units is None or size not in units:
        return table.groupby("slice")["unit"].nunique().to_dict()
    u = units
    if by is None:
        return {"all": int(u[size].sum())}
    if by in TIME_BINS:
        if "date" not in u:
            return table.groupby("slice")["unit"].nunique().to_dict()
        sl = time_bins(u["date"], by).astype(str).where(u["date"].notna().to_numpy())
    elif by in u:
        sl = u[by].astype("string")
    else:
        return table.groupby("slice")["unit"].nunique().to_dict()
    return u.groupby(sl.to_numpy())[size].sum().to_dict()
