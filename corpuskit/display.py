"""Rich displays for JupyterLab: tables whose Arabic cells read right to left.

``ck.show(table)`` displays any DataFrame (mentions, frame scores, edges ...) or an actor
network with every Arabic cell marked ``dir="rtl"``; the DTM, topic model, gazetteer and lexicon
objects display themselves the same way.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["show", "HTMLTable"]


class HTMLTable:
    """An HTML rendering that JupyterLab displays (``_repr_html_``), with a plain-text repr."""

    def __init__(self, html: str, text: str):
        self.html, self.text = html, text

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def show(obj: Any, rows: int = 20) -> HTMLTable:
    """A table for JupyterLab with Arabic cells right to left: a DataFrame, or a networkx graph
    (its nodes with their attributes and degree)."""
    from .report.html import table_html

    if hasattr(obj, "nodes") and hasattr(obj, "edges") and not isinstance(obj, pd.DataFrame):
        nodes = pd.DataFrame([{"actor_id": n, **d, "degree": obj.degree(n)}
                              for n, d in obj.nodes(data=True)])
        if len(nodes):
            nodes = nodes.sort_values(["degree", "actor_id"], ascending=[False, True])
        caption = f"{obj.number_of_nodes()} nodes, {obj.number_of_edges()} edges"
        return HTMLTable(table_html(nodes, rows=rows, caption=caption), caption)
    if not isinstance(obj, pd.DataFrame):
        raise TypeError("show() takes a DataFrame or a networkx graph")
    caption = f"{len(obj)} rows × {obj.shape[1]} columns"
    return HTMLTable(table_html(obj, rows=rows, caption=caption), repr(obj))
