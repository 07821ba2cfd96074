"""Actor networks from co-occurrence edges: networkx graphs, centrality, GEXF and GraphML."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import SettingsError
from .gazetteer import Gazetteer, load_gazetteer
from .unlisted import UNLISTED_PREFIX

__all__ = ["actor_network", "centrality", "write_network"]


def _attr(v: object) -> object:
    """A value GEXF and GraphML accept (no None, no NumPy scalars)."""
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    if isinstance(v, np.generic):
        return v.item()
    return v


def actor_network(edges: pd.DataFrame, gazetteer: Gazetteer | None = None,
                  mentions: pd.DataFrame | None = None, weight: str = "weight"):  # noqa: ANN201
    """A networkx graph of actors from an edge table of :func:`cooccurrence` (one slice).

    Nodes carry the gazetteer's ``name_ar``, ``name_en``, ``type`` and ``country`` (and
    ``mentions``, the number of mentions, when ``mentions`` is given); edges carry every column
    of the table (``count``, ``expected``, ``weight``, ``p_value``, ...). An actor id that the
    gazetteer does not know is an error naming it. Role mentions (``role:...``) are nodes of
    type ``role``; persons the gazetteer lacks (``unlisted:...``, from ``find_actors(...,
    unlisted=True)``) are nodes of type ``person`` named as the mentions write them.
    """
    import networkx as nx

    need = {"actor_a", "actor_b", weight}
    if not need <= set(edges.columns):
        raise SettingsError(f"actor_network takes an edge table from cooccurrence(); it lacks "
                            f"{sorted(need - set(edges.columns))}")
    from ..stats import TIME_BINS

    by = edges.attrs.get("by")
    slice_cols = [c for c in edges.columns if c == by or c in TIME_BINS]
    for c in slice_cols:
        if edges[c].nunique() > 1:
            raise SettingsError(f"the edge table has {edges[c].nunique()} slices by {c!r}: build "
                                f"one network per slice, e.g. edges[edges[{c!r}] == "
                                f"{edges[c].iloc[0]!r}]")
    gaz = gazetteer or load_gazetteer()
    actors = gaz.actors.set_index("actor_id")
    ids = pd.unique(pd.concat([edges["actor_a"], edges["actor_b"]]))
    unknown = [a for a in ids if a not in actors.index
               and not str(a).startswith(("role:", UNLISTED_PREFIX))]
    if unknown:
        raise SettingsError(f"actor id(s) {unknown[:5]} in the edge table are not in the "
                            f"gazetteer ({len(gaz.actors)} actors); pass the gazetteer the "
                            "mentions were found with")
    counts = mentions["actor_id"].value_counts() if mentions is not None else None
    written = _unlisted_names(mentions)   # once, not once per node
    G = nx.Graph()
    for a in ids:
        if a in actors.index:
            r = actors.loc[a]
            attrs = {"name_ar": r["name_ar"], "name_en": r["name_en"], "type": r["type"],
                     "country": r["country"]}
        elif str(a).startswith(UNLISTED_PREFIX):   # a person the gazetteer lacks
            name = written.get(a, str(a).split(":", 1)[1])
            attrs = {"name_ar": name, "name_en": name, "type": "person", "country": None}
        else:
            title = str(a).split(":", 1)[1]
            attrs = {"name_ar": title, "name_en": title, "type": "role", "country": None}
        if counts is not None:
            attrs["mentions"] = int(counts.get(a, 0))
        G.add_node(a, label=attrs["name_en"], **{k: _attr(v) for k, v in attrs.items()})
    for row in edges.to_dict("records"):
        attrs = {k: _attr(v) for k, v in row.items() if k not in ("actor_a", "actor_b")}
        G.add_edge(row["actor_a"], row["actor_b"], **attrs)
    return G


def _unlisted_names(mentions: pd.DataFrame | None) -> dict[str, str]:
    """The name each unlisted person is written with first in the mentions, by id."""
    if mentions is None or "name" not in mentions:
        return {}
    rows = mentions[mentions["actor_id"].astype(str).str.startswith(UNLISTED_PREFIX)]
    return dict(zip(rows["actor_id"], rows["name"])) if len(rows) else {}


def centrality(graph_or_edges, by: str | None = None,
               gazetteer: Gazetteer | None = None) -> pd.DataFrame:  # noqa: ANN001
    """Degree, weighted degree (strength), betweenness and eigenvector centrality per actor.

    Takes a graph from :func:`actor_network`, or an edge table (one network per slice of
    ``by``, e.g. per month). Betweenness uses 1/weight as the distance (strong ties are short);
    eigenvector centrality is weighted and falls back to NaN where it does not converge.
    """
    import networkx as nx

    if isinstance(graph_or_edges, pd.DataFrame):
        edges = graph_or_edges
        if by is not None and by in edges:
            parts = [centrality(actor_network(g.drop(columns=[by]), gazetteer), gazetteer=gazetteer)
                     .assign(**{by: key}) for key, g in edges.groupby(by, sort=True)]
            if not parts:
                return pd.DataFrame()
            out = pd.concat(parts, ignore_index=True)
            return out[[by] + [c for c in out.columns if c != by]]
        return centrality(actor_network(edges, gazetteer))
    G = graph_or_edges
    if G.number_of_nodes() == 0:
        return pd.DataFrame(columns=["actor_id", "name", "type", "degree", "weighted_degree",
                                     "betweenness", "eigenvector"])
    w = {e: max(float(d.get("weight", 1.0) or 0.0), 1e-12) for e, d in
         ((tuple(sorted((u, v))), d) for u, v, d in G.edges(data=True))}
    H = G.copy()
    for u, v, d in H.edges(data=True):
        d["_w"] = w[tuple(sorted((u, v)))]
        d["_dist"] = 1.0 / d["_w"]
    try:
        # ARPACK starts from a random vector: round away its last-digit noise
        eig = {n: round(float(v), 12)
               for n, v in nx.eigenvector_centrality_numpy(H, weight="_w").items()}
    except (nx.NetworkXException, ValueError, TypeError, np.linalg.LinAlgError):
        eig = {}
    bet = nx.betweenness_centrality(H, weight="_dist")
    rows = [{"actor_id": n, "name": G.nodes[n].get("name_en", n),
             "type": G.nodes[n].get("type"), "degree": G.degree(n),
             "weighted_degree": float(sum(d["_w"] for _, _, d in H.edges(n, data=True))),
             "betweenness": bet.get(n, np.nan), "eigenvector": eig.get(n, np.nan)}
            for n in G.nodes]
    return (pd.DataFrame(rows).sort_values(["weighted_degree", "actor_id"],
                                           ascending=[False, True]).reset_index(drop=True))


def write_network(graph, path: str | Path) -> Path:  # noqa: ANN001
    """Write a network for Gephi and other tools: ``.gexf`` or ``.graphml`` by the suffix."""
    import networkx as nx

    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.suffix.lower() == ".gexf":
        nx.write_gexf(graph, p)
    elif p.suffix.lower() == ".graphml":
        nx.write_graphml(graph, p)
    else:
        raise SettingsError(f"{p}: write a network as .gexf (Gephi) or .graphml")
    return p
