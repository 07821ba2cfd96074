"""Who fights whom and who talks with whom: actor pairs by the frame of the units they share,
and frame shares by time and group."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..errors import SettingsError

__all__ = ["frame_dyads", "framed_network", "frame_shares"]

_FRAMES = ("military", "diplomatic", "mixed", "none")


def frame_dyads(mentions: pd.DataFrame, frames: pd.DataFrame, min_count: int = 2,
                unit: str = "paragraph") -> pd.DataFrame:
    """Every pair of actors mentioned in the same unit, with how many of their shared units are
    military, diplomatic, mixed or neither.

    ``mentions`` from :func:`corpuskit.find_actors` (found by sentence or paragraph);
    ``frames`` from :func:`corpuskit.frame_scores` at the paragraph level (``unit``). Returns
    ``actor_a``, ``actor_b``, ``name_a``, ``name_b``, ``units`` (shared), ``military``,
    ``diplomatic``, ``mixed``, ``none``, ``military_share``, ``diplomatic_share`` and ``tilt``
    = log((military + 0.5) / (diplomatic + 0.5)) (positive: they meet in war news)."""
    if unit != "paragraph":
        raise SettingsError("frame_dyads joins actors and frames at the paragraph level")
    key = "paragraph_id" if mentions.attrs.get("unit", "sentence") == "sentence" else "unit_id"
    if key not in mentions or "frame" not in frames or frames.attrs.get("unit") != "paragraph":
        raise SettingsError("frame_dyads takes find_actors() mentions and "
                            "frame_scores(..., unit='paragraph') frames")
    m = mentions[[key, "actor_id", "name"]].drop_duplicates([key, "actor_id"])
    m = m.rename(columns={key: "unit_id"})
    pairs = m.merge(m, on="unit_id")
    pairs = pairs[pairs["actor_id_x"] < pairs["actor_id_y"]]
    pairs = pairs.merge(frames[["unit_id", "frame"]], on="unit_id", how="inner")
    if pairs.empty:
        return pd.DataFrame(columns=["actor_a", "actor_b", "name_a", "name_b", "units",
                                     *_FRAMES, "military_share", "diplomatic_share", "tilt"])
    table = (pairs.groupby(["actor_id_x", "actor_id_y", "name_x", "name_y", "frame"]).size()
             .unstack("frame", fill_value=0).reindex(columns=list(_FRAMES), fill_value=0)
             .reset_index())
    table.columns.name = None
    table = table.rename(columns={"actor_id_x": "actor_a", "actor_id_y": "actor_b",
                                  "name_x": "name_a", "name_y": "name_b"})
    table["units"] = table[list(_FRAMES)].sum(axis=1)
    table = table[table["units"] >= min_count]
    table["military_share"] = table["military"] / table["units"]
    table["diplomatic_share"] = table["diplomatic"] / table["units"]
    table["tilt"] = np.log((table["military"] + 0.5) / (table["diplomatic"] + 0.5))
    cols = ["actor_a", "actor_b", "name_a", "name_b", "units", *_FRAMES, "military_share",
            "diplomatic_share", "tilt"]
    return table[cols].sort_values(["units", "actor_a", "actor_b"],
                                   ascending=[False, True, True]).reset_index(drop=True)


def framed_network(dyads: pd.DataFrame, gazetteer=None):  # noqa: ANN001, ANN201
    """A typed actor network: every edge carries its shared units by frame (``military``,
    ``diplomatic``, ``mixed``, ``none``), ``tilt`` and a ``kind`` (``military`` when most
    shared units are military, ``diplomatic`` when most are diplomatic, else ``other``).
    Exports to GEXF with :func:`corpuskit.write_network`."""
    from ..actors.network import actor_network

    edges = dyads.assign(weight=dyads["units"].astype(float))
    edges["kind"] = np.where(edges["military"] > edges[["diplomatic", "mixed", "none"]].max(axis=1),
                             "military",
                             np.where(edges["diplomatic"] > edges[["military", "mixed", "none"]]
                                      .max(axis=1), "diplomatic", "other"))
    return actor_network(edges, gazetteer)


def _with_shares(frames: pd.DataFrame) -> pd.DataFrame:
    return frames.assign(**{f"share_{f}": (frames["frame"] == f).astype(float)
                            for f in _FRAMES})


_with_shares.needs = ["frame", "balance"]  # type: ignore[attr-defined]


def frame_shares(frames: pd.DataFrame | Any, by: str = "month", n_boot: int = 500,
                 seed: int = 0, *, engine: Any = None,
                 workers: int | None = None) -> pd.DataFrame:
    """The share of units in each frame and the mean balance, by time bin or column, with
    bootstrap intervals that resample documents (:func:`corpuskit.stats.group_means`).
    ``frames`` may be a table on disk (``frame_scores(..., out=)``): it is reduced part by
    part (on ``engine`` if given) and gives the same table."""
    from ..stats import group_means

    scores = [f"share_{f}" for f in _FRAMES] + ["balance"]
    out = group_means(frames, scores, by, n_boot=n_boot, seed=seed, engine=engine,
                      workers=workers, prepare=_with_shares)
    out["score"] = out["score"].str.removeprefix("share_")
    return out.rename(columns={"score": "frame"})
