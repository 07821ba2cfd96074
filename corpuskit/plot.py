"""Figures with matplotlib, Arabic shaped and ordered right to left in every label.

matplotlib draws characters one by one, left to right: Arabic comes out as isolated letters in
the wrong order. :func:`shape` joins the letters (arabic-reshaper) and reorders the line for
display (python-bidi); every corpuskit figure passes its labels through it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from .corpus import Corpus

__all__ = ["shape", "documents_over_time"]

_ARABIC_FONTS = ["DejaVu Sans", "Noto Sans Arabic", "Amiri", "Arial", "sans-serif"]


@functools.lru_cache(maxsize=4096)
def shape(text: str) -> str:
    """Arabic text ready for matplotlib: letters joined and the line in visual (display) order.

    Text without Arabic letters comes back unchanged.
    """
    if not isinstance(text, str) or not any("\u0600" <= c <= "\u06ff" for c in text):
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
    with plt.rc_context({"font.family": _ARABIC_FONTS}):
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
