"""Figures with matplotlib, Arabic shaped and ordered right to left in every label.

matplotlib before 3.11 draws characters one by one, left to right: Arabic comes out as isolated
letters in the wrong order. There :func:`shape` joins the letters (arabic-reshaper) and reorders
the line for display (python-bidi). matplotlib 3.11 lays text out with libraqm, which shapes and
orders Arabic itself, and shaping it twice would mirror it; so :func:`shape` first measures whether
matplotlib joins لا into its ligature, and leaves the text alone when it does. Every corpuskit
figure passes its labels through :func:`shape`.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .corpus import Corpus
    from .topics import TopicModel

__all__ = ["shape", "native_shaping", "arabic_font", "documents_over_time", "top_terms",
           "prevalence_over_time", "prevalence_by", "select_k", "network", "ego_network",
           "mentions_over_time", "comentions_over_time", "frame_timeline", "frame_categories",
           "keyness", "framed_network"]

_FONT_CANDIDATES = ("Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans")


@functools.lru_cache(maxsize=1)
def arabic_font() -> str:
    """The first installed font with Arabic glyphs (DejaVu Sans ships with matplotlib)."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((f for f in _FONT_CANDIDATES if f in names), "DejaVu Sans")


@contextlib.contextmanager
def _arabic_rc() -> Iterator[None]:
    """Arabic-capable fonts while a figure is drawn. Only ``font.family`` is set and restored:
    ``plt.rc_context`` would restore every setting, including the ``interactive`` flag that
    Jupyter's inline backend sets when a figure is first made inside it, and later figures of
    the notebook would then not be shown."""
    import matplotlib as mpl

    old = mpl.rcParams["font.family"]
    mpl.rcParams["font.family"] = [arabic_font(), "sans-serif"]
    try:
        yield
    finally:
        mpl.rcParams["font.family"] = old


@functools.lru_cache(maxsize=1)
def native_shaping() -> bool:
    """True when matplotlib shapes and orders Arabic itself (complex text layout, 3.11+)."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(200, 100, 72)
    font = FontProperties(family=arabic_font(), size=20)

    def width(t: str) -> float:
        return renderer.get_text_width_height_descent(t, font, ismath=False)[0]

    # Shaped, lam + alef form one ligature glyph, narrower than the two letters side by side.
    return width("\u0644\u0627") < 0.8 * (width("\u0644") + width("\u0627"))


@functools.lru_cache(maxsize=4096)
def shape(text: str) -> str:
    """Arabic text ready for matplotlib: unchanged where matplotlib shapes Arabic itself, else
    letters joined (arabic-reshaper) and the line put in visual order (python-bidi).

    Text without Arabic letters always comes back unchanged.
    """
    if not isinstance(text, str) or not any("\u0600" <= c <= "\u06ff" for c in text):
        return text
    if native_shaping():
        return text
    import arabic_reshaper
    from bidi.algorithm import get_display

    return get_display(arabic_reshaper.reshape(text))


def documents_over_time(corpus: Corpus, by: str = "source", freq: str = "M",
                        ax: Axes | None = None) -> Axes:
    """Stacked bars of documents per period (``freq``: "D", "W", "M", "Y") by a docs column."""
    import matplotlib.pyplot as plt

    d = corpus.docs.dropna(subset=["date"])
    if d.empty:
        from .errors import SettingsError

        raise SettingsError("documents_over_time: no document has a date")
    period = d["date"].dt.to_period(freq).rename("period")
    table = (d.groupby([period, d[by].fillna("(unknown)").astype(str)]).size()
             .unstack(fill_value=0).sort_index())
    full = pd.period_range(table.index.min(), table.index.max(), freq=freq)
    table = table.reindex(full, fill_value=0)
    table.index = table.index.astype(str)  # bar positions 0..n-1, not dates
    table.columns = [shape(c) for c in table.columns]
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 3.8))
    with _arabic_rc():
        table.plot.bar(stacked=True, ax=ax, width=0.85)
        step = max(1, len(table) // 12)
        ax.set_xticks(range(0, len(table), step), list(table.index[::step]),
                      rotation=45, ha="right")
        ax.set_xlabel({"D": "day", "W": "week", "M": "month", "Y": "year"}.get(freq, freq))
        ax.set_ylabel("documents")
        ax.legend(title=by, ncols=2, fontsize="small")
        ax.set_title(f"Documents per {ax.get_xlabel()} by {by}")
        ax.figure.tight_layout()
    return ax


def _grid(n: int, ncols: int, width: float = 3.2, height: float = 2.6,
          layout: str | None = "constrained"):  # noqa: ANN202
    import matplotlib.pyplot as plt

    ncols = max(1, min(ncols, n))
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(width * ncols, height * nrows),
                             squeeze=False, layout=layout)
    for ax in axes.ravel()[n:]:
        ax.set_visible(False)
    return fig, axes.ravel()[:n]


def _topic_title(topic: int, label: str) -> str:
    return f"{topic}: {shape(label)}"


_MEASURE = {"prob": "probability of the word in the topic", "frex": "FREX (frequency and "
            "exclusivity, 0-1)", "lift": "lift (probability in the topic / in the corpus)",
            "score": "labelling score (stm)"}


def top_terms(model: TopicModel, n: int = 10, by: str = "frex", topics: list[int] | None = None,
              ncols: int = 4) -> Figure:
    """One panel per topic: its top ``n`` words (as usually written), in the order of the
    ranking ``by`` (``prob``, ``frex``, ``lift``, ``score``), each word at its value on that
    ranking (named on the axis): bars for probabilities, dots for the other measures, which
    have no meaningful zero. Panel titles are the topics' labels (yours, if set)."""
    from matplotlib.ticker import MaxNLocator

    tt = model.top_terms(n, by=by)
    labels = model.labels()
    topics = topics or sorted(tt["topic"].unique())
    with _arabic_rc():
        fig, axes = _grid(len(topics), ncols, height=0.28 * n + 0.9)
        for ax, t in zip(axes, topics):
            g = tt[tt["topic"] == t].sort_values("rank", ascending=False)  # rank 1 on top
            words = [shape(w) for w in g["surface"]]
            if by == "prob":  # a probability starts at zero: bars
                ax.barh(words, g["value"], color="#4c72b0")
            else:  # FREX, lift and score have no meaningful zero: dots show the order honestly
                ax.hlines(words, g["value"].min(), g["value"], color="#c9d3e6", lw=1)
                ax.plot(g["value"], words, "o", color="#4c72b0", ms=4)
            ax.set_title(_topic_title(t, labels[t - 1]), fontsize=10)
            ax.tick_params(axis="y", labelsize=9)
            ax.tick_params(axis="x", labelsize=7)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=3))
        fig.supxlabel(_MEASURE[by], fontsize=9)
        fig.suptitle(f"Top words per topic, ranked by {by if by != 'prob' else 'probability'}")
    return fig


def prevalence_over_time(prevalence: pd.DataFrame, topics: list[int] | None = None,
                         ncols: int = 3) -> Figure:
    """Small multiples: each topic's share per time bin, with its confidence band. Bins
    without documents (missing shares in the table) are gaps in the line, never bridged."""

    when = prevalence.columns[0]
    topics = topics or sorted(prevalence["topic"].unique())
    with _arabic_rc():
        fig, axes = _grid(len(topics), ncols, width=3.6, height=2.4)
        for ax, t in zip(axes, topics):
            g = prevalence[prevalence["topic"] == t]
            try:  # time bins: place them at their dates, so empty bins leave real gaps
                x = pd.DatetimeIndex([pd.Period(v).start_time for v in g[when].astype(str)])
            except (ValueError, TypeError):
                x = pd.Index(range(len(g)))
            ax.fill_between(x, g["lower"], g["upper"], alpha=0.25, color="#4c72b0", lw=0)
            ax.plot(x, g["share"], color="#4c72b0", lw=1.2, marker="o", ms=2.5)
            if isinstance(x, pd.DatetimeIndex):
                ax.tick_params(axis="x", labelsize=7, labelrotation=30)
            else:
                step = max(1, len(g) // 4)
                ax.set_xticks(list(x)[::step], list(g[when].astype(str))[::step], fontsize=7,
                              rotation=30, ha="right")
            ax.set_ylim(bottom=0)
            ax.set_title(_topic_title(t, g["label"].iloc[0]), fontsize=10)
            ax.tick_params(axis="y", labelsize=7)
        fig.supylabel("share of documents' words", fontsize=9)
        fig.suptitle(f"Topic prevalence by {when} (bands: bootstrap confidence intervals)")
    return fig


def prevalence_by(prevalence: pd.DataFrame, topics: list[int] | None = None,
                  ncols: int = 3) -> Figure:
    """Small multiples: each topic's share per group (e.g. outlet), with intervals."""

    by = prevalence.columns[0]
    topics = topics or sorted(prevalence["topic"].unique())
    with _arabic_rc():
        levels = list(dict.fromkeys(prevalence[by].astype(str)))
        fig, axes = _grid(len(topics), ncols, width=3.4, height=0.32 * len(levels) + 1.2)
        for ax, t in zip(axes, topics):
            g = prevalence[prevalence["topic"] == t]
            g = g.set_index(g[by].astype(str)).reindex(levels)
            y = range(len(levels))
            err = [g["share"] - g["lower"], g["upper"] - g["share"]]
            ax.errorbar(g["share"], y, xerr=err, fmt="o", color="#c44e52", ms=4, capsize=2)
            ax.set_yticks(list(y), [shape(lv) for lv in levels], fontsize=8)
            ax.invert_yaxis()
            ax.set_xlim(left=0)
            ax.set_title(_topic_title(t, g["label"].dropna().iloc[0]), fontsize=10)
            ax.tick_params(axis="x", labelsize=7)
        fig.supxlabel("topic share (bars: bootstrap confidence intervals)", fontsize=9)
        fig.suptitle(f"Topic prevalence by {by}")
    return fig


def select_k(table: pd.DataFrame) -> Figure:
    """Diagnostics across k (from :func:`corpuskit.topics.select_k`): mean and range over seeds."""
    metrics = [("coherence", "NPMI coherence (higher is better)"),
               ("exclusivity", "exclusivity (higher is better)"),
               ("perplexity", "held-out perplexity (lower is better)"),
               ("stability", "stability across seeds (higher is better)")]
    metrics = [(m, t) for m, t in metrics if table[m].notna().any()]
    fig, axes = _grid(len(metrics), len(metrics), width=3.2, height=2.8)
    g = table.groupby("k")
    for ax, (m, title) in zip(axes, metrics):
        mean, lo, hi = g[m].mean(), g[m].min(), g[m].max()
        ax.fill_between(mean.index, lo, hi, alpha=0.2, color="#55a868", lw=0)
        ax.plot(mean.index, mean, "o-", color="#55a868")
        ax.set_xticks(list(mean.index))
        ax.set_xlabel("k")
        ax.set_title(title, fontsize=9)
    fig.suptitle("Choosing the number of topics")
    return fig


# ------------------------------------------------------------------------------------ actors
_TYPE_COLORS = {"state": "#4c72b0", "government": "#55a868", "military": "#c44e52",
                "security": "#8c564b", "armed_group": "#dd8452", "political_org": "#937860",
                "igo": "#64b5cd", "ngo": "#8172b3", "person": "#da8bc3", "media": "#8c8c8c",
                "place": "#ccb974", "role": "#bbbbbb"}


def network(graph, labels: str = "ar", max_nodes: int = 40, seed: int = 0,
            ax: Axes | None = None) -> Figure:  # noqa: ANN001
    """An actor network (from :func:`corpuskit.actor_network`): nodes sized by weighted degree
    and colored by type, edges by weight; the ``max_nodes`` best connected actors. ``labels``:
    ``"ar"`` (Arabic names, shaped right to left) or ``"en"``. The layout is seeded."""
    import matplotlib.pyplot as plt
    import networkx as nx

    if graph.number_of_nodes() == 0:
        raise ValueError("the network has no actors: lower min_count or use a larger unit")
    strength = {n: sum(abs(float(d.get("weight", 1) or 0)) for *_, d in graph.edges(n, data=True))
                for n in graph.nodes}
    keep = sorted(graph.nodes, key=lambda n: (-strength[n], str(n)))[:max_nodes]
    G = _subgraph_in_order(graph, keep)
    for _, _, d in G.edges(data=True):
        d["_w"] = max(float(d.get("weight", 1) or 0), 1e-3)
    pos = nx.spring_layout(G, weight="_w", seed=seed, k=1.2 / max(1, len(G)) ** 0.5)
    with _arabic_rc():
        if ax is None:
            fig, ax = plt.subplots(figsize=(9, 7), layout="constrained")
        else:
            fig = ax.figure
        ws = [d["_w"] for *_, d in G.edges(data=True)]
        top = max(ws) if ws else 1.0
        nx.draw_networkx_edges(G, pos, ax=ax, width=[0.4 + 3 * w / top for w in ws],
                               alpha=0.35, edge_color="#777777")
        s_top = max(strength[n] for n in G) or 1.0
        nx.draw_networkx_nodes(G, pos, ax=ax, node_size=[80 + 900 * strength[n] / s_top for n in G],
                               node_color=[_TYPE_COLORS.get(G.nodes[n].get("type"), "#999999")
                                           for n in G], linewidths=0.5, edgecolors="white")
        key = "name_ar" if labels == "ar" else "name_en"
        nx.draw_networkx_labels(G, pos, ax=ax, font_size=8, font_family=arabic_font(),
                                labels={n: shape(str(G.nodes[n].get(key) or n)) for n in G})
        types = sorted({G.nodes[n].get("type") for n in G} - {None})
        handles = [plt.Line2D([], [], marker="o", ls="", color=_TYPE_COLORS.get(t, "#999"),
                              label=t.replace("_", " ")) for t in types]
        ax.legend(handles=handles, fontsize=7, loc="lower left", frameon=False)
        ax.set_axis_off()
        ax.set_title(f"Who is mentioned with whom ({len(G)} actors, {G.number_of_edges()} ties)")
    return fig


def _subgraph_in_order(graph, nodes: list):  # noqa: ANN001, ANN202
    """A copy of ``graph`` restricted to ``nodes``, in that order. ``graph.subgraph`` iterates a
    set, whose order changes between Python processes, and a seeded layout depends on the node
    order: without this the same network is drawn differently in every run."""
    import networkx as nx

    G = nx.Graph()
    G.graph.update(graph.graph)
    G.add_nodes_from((n, graph.nodes[n]) for n in nodes)
    rank = {n: i for i, n in enumerate(nodes)}
    G.add_edges_from(sorted(((u, v, d) for u, v, d in graph.edges(nodes, data=True)
                             if u in rank and v in rank),
                            key=lambda e: (rank[e[0]], rank[e[1]])))
    return G


def ego_network(graph, actor_id: str, labels: str = "ar", max_nodes: int = 25,
                seed: int = 0) -> Figure:  # noqa: ANN001
    """One actor and the actors mentioned with it, strongest ties first."""
    if actor_id not in graph:
        raise ValueError(f"{actor_id!r} is not in this network")
    nbrs = sorted(graph[actor_id],
                  key=lambda n: (-float(graph[actor_id][n].get("weight", 0) or 0), str(n)))
    sub = _subgraph_in_order(graph, [actor_id, *nbrs[: max_nodes - 1]])
    fig = network(sub, labels=labels, max_nodes=max_nodes, seed=seed)
    name = graph.nodes[actor_id].get("name_ar" if labels == "ar" else "name_en", actor_id)
    fig.axes[0].set_title(f"{shape(str(name))} and the actors mentioned with it")
    return fig


def mentions_over_time(mentions: pd.DataFrame, actors: list[str], by: str = "month",
                       n_boot: int = 300, seed: int = 0) -> Figure:
    """Mentions per document of chosen actors (ids) by time bin, with bootstrap intervals over
    documents (through :func:`corpuskit.stats.group_means`); months without documents are gaps.
    Documents without any mention count as zeros, so the mean is per document of the corpus."""
    import matplotlib.pyplot as plt

    from .stats import group_means

    units = mentions.attrs.get("units")
    units = pd.DataFrame(units) if isinstance(units, dict) else units
    if units is None or "date" not in units:
        raise ValueError("mentions_over_time needs find_actors' table with its attrs (dates)")
    per_doc = (mentions[mentions["actor_id"].isin(actors)]
               .pivot_table(index="doc_id", columns="actor_id", values="start", aggfunc="count")
               .reindex(columns=actors).fillna(0))
    table = units[["doc_id", "date"]].merge(per_doc, left_on="doc_id", right_index=True,
                                            how="left").fillna({a: 0 for a in actors})
    out = group_means(table, actors, by, n_boot=n_boot, seed=seed)
    names = mentions.drop_duplicates("actor_id").set_index("actor_id")["name"]
    with _arabic_rc():
        fig, ax = plt.subplots(figsize=(8, 3.8), layout="constrained")
        for a in actors:
            g = out[out["score"] == a]
            x = pd.DatetimeIndex([pd.Period(v).start_time for v in g[by]])
            ax.fill_between(x, g["lower"], g["upper"], alpha=0.2, lw=0)
            ax.plot(x, g["mean"], marker="o", ms=2.5, lw=1.2, label=shape(str(names.get(a, a))))
        ax.set_ylim(bottom=0)
        ax.set_ylabel("mentions per document")
        ax.legend(fontsize=8, frameon=False)
        ax.set_title(f"Mentions by {by} (bands: bootstrap intervals over documents)")
    return fig


def comentions_over_time(edges: pd.DataFrame, pairs: list[tuple[str, str]] | None = None,
                         top: int = 5) -> Figure:
    """Units mentioning both actors of a pair, per time slice (an edge table made with
    ``cooccurrence(..., by="month")``); the ``top`` pairs by total count unless ``pairs``."""
    import matplotlib.pyplot as plt

    by = edges.columns[0]
    if by in ("actor_a", "actor_b"):
        raise ValueError("comentions_over_time needs edges by time: cooccurrence(..., by='month')")
    key = edges["actor_a"] + "|" + edges["actor_b"]
    if pairs is None:
        chosen = key.groupby(key).size().index.tolist()
        totals = edges.assign(k=key).groupby("k")["count"].sum().sort_values(ascending=False)
        chosen = totals.index[:top].tolist()
    else:
        chosen = ["|".join(sorted(p)) for p in pairs]
    slices = sorted(edges[by].astype(str).unique())
    full = pd.period_range(slices[0], slices[-1], freq=pd.Period(slices[0]).freq).astype(str)
    with _arabic_rc():
        fig, ax = plt.subplots(figsize=(8, 3.8), layout="constrained")
        for k in chosen:
            g = edges[key == k].set_index(edges.loc[key == k, by].astype(str))["count"]
            g = g.reindex(full).fillna(0)
            row = edges[key == k].iloc[0]
            label = f"{shape(str(row['name_a']))} – {shape(str(row['name_b']))}"
            ax.plot(pd.DatetimeIndex([pd.Period(v).start_time for v in full]), g.to_numpy(),
                    marker="o", ms=2.5, lw=1.2, label=label)
        ax.set_ylabel(f"{edges.attrs.get('unit', 'unit')}s with both")
        ax.legend(fontsize=7, frameon=False)
        ax.set_title(f"Co-mentions by {by}")
    return fig


# ------------------------------------------------------------------------------------ framing
_FRAME_COLORS = {"military": "#c44e52", "diplomatic": "#4c72b0", "mixed": "#8172b3",
                 "none": "#bbbbbb"}


def frame_timeline(frames: pd.DataFrame, by: str = "source", time: str = "quarter",
                   n_boot: int = 300, seed: int = 0) -> Figure:
    """Frame balance (log of diplomatic over military weight; above 0 leans diplomatic) per
    time bin, one line per group (e.g. outlet), with bootstrap intervals over documents.
    Bins without documents are gaps."""
    import matplotlib.pyplot as plt

    from .stats import group_means

    if by not in frames:
        raise ValueError(f"frame_timeline: the frames table has no column {by!r}")
    with _arabic_rc():
        fig, ax = plt.subplots(figsize=(9, 4), layout="constrained")
        for key, g in frames.groupby(by, sort=True):
            if g["date"].notna().sum() < 2:
                continue
            out = group_means(g, ["balance"], time, n_boot=n_boot, seed=seed)
            x = pd.DatetimeIndex([pd.Period(v).start_time for v in out[time]])
            ax.fill_between(x, out["lower"], out["upper"], alpha=0.12, lw=0)
            ax.plot(x, out["mean"], marker="o", ms=3, lw=1.2, label=shape(str(key)))
        ax.axhline(0, color="#777777", lw=0.8)
        ax.set_ylabel("frame balance (+ diplomatic, − military)")
        ax.legend(fontsize=8, frameon=False, ncols=2)
        ax.set_title(f"Framing by {time} and {by} (bands: bootstrap intervals over documents)")
    return fig


def frame_categories(frames: pd.DataFrame, by: str | None = None) -> Figure:
    """Weighted lexicon hits per sub-category (per 1,000 words), overall or per group."""
    import matplotlib.pyplot as plt

    cats = [c for c in frames.columns if ":" in c and c.split(":")[0] in ("military",
                                                                          "diplomatic")]
    words = frames["tokens"].sum()
    with _arabic_rc():
        fig, ax = plt.subplots(figsize=(8, 0.3 * len(cats) + 1.2), layout="constrained")
        if by is None:
            rates = 1000 * frames[cats].sum() / max(words, 1)
            ax.barh([c.split(":")[1].replace("_", " ") for c in cats], rates,
                    color=[_FRAME_COLORS[c.split(":")[0]] for c in cats])
        else:
            table = frames.groupby(by)[cats + ["tokens"]].sum()
            rates = 1000 * table[cats].div(table["tokens"].clip(lower=1), axis=0)
            y = np.arange(len(cats))
            h = 0.8 / max(len(rates), 1)
            for i, (key, row) in enumerate(rates.iterrows()):
                ax.barh(y + i * h, row.to_numpy(), height=h, label=shape(str(key)))
            ax.set_yticks(y + 0.4 - h / 2, [c.split(":")[1].replace("_", " ") for c in cats])
            ax.legend(fontsize=7, frameon=False)
        ax.set_xlabel("lexicon weight per 1,000 words")
        ax.set_title("Sub-categories of the military (red) and diplomatic (blue) frames")
    return fig


def keyness(table: pd.DataFrame, n: int = 15, labels: tuple[str, str] = ("A", "B")) -> Figure:
    """The words most typical of each group (from :func:`corpuskit.keyness`): z-scores of the
    log-odds ratio, group A to the right."""
    import matplotlib.pyplot as plt

    top = pd.concat([table.nlargest(n, "z"), table.nsmallest(n, "z")]).sort_values("z")
    with _arabic_rc():
        fig, ax = plt.subplots(figsize=(7, 0.22 * len(top) + 1), layout="constrained")
        ax.barh([shape(w) for w in top["surface"]], top["z"],
                color=np.where(top["z"] > 0, "#c44e52", "#4c72b0"))
        ax.axvline(0, color="#777777", lw=0.8)
        ax.set_xlabel(f"z-score of the log-odds ratio (→ {labels[0]}, ← {labels[1]})")
        ax.set_title("Keyness (log-odds with an informative Dirichlet prior)")
    return fig


def framed_network(graph, labels: str = "en", max_nodes: int = 30, seed: int = 0) -> Figure:  # noqa: ANN001
    """The typed network of :func:`corpuskit.framing.framed_network`: red edges where the
    actors meet mostly in military units, blue where mostly in diplomatic ones."""
    import networkx as nx

    fig = network(graph, labels=labels, max_nodes=max_nodes, seed=seed)
    ax = fig.axes[0]
    sub = _subgraph_in_order(graph, sorted(
        graph.nodes, key=lambda n: (-graph.degree(n, weight="weight"), str(n)))[:max_nodes])
    pos = nx.spring_layout(sub, weight="weight", seed=seed, k=1.2 / max(1, len(sub)) ** 0.5)
    colors = {"military": "#c44e52", "diplomatic": "#4c72b0", "other": "#cccccc"}
    ax.clear()
    with _arabic_rc():
        nx.draw_networkx_edges(sub, pos, ax=ax, alpha=0.6, width=1.4,
                               edge_color=[colors.get(d.get("kind"), "#cccccc")
                                           for *_, d in sub.edges(data=True)])
        nx.draw_networkx_nodes(sub, pos, ax=ax, node_size=120, node_color="#eeeeee",
                               edgecolors="#555555", linewidths=0.5)
        key = "name_ar" if labels == "ar" else "name_en"
        nx.draw_networkx_labels(sub, pos, ax=ax, font_size=7, font_family=arabic_font(),
                                labels={n: shape(str(sub.nodes[n].get(key) or n)) for n in sub})
        ax.set_axis_off()
        ax.set_title("Who fights whom (red) and who talks with whom (blue)")
    return fig
