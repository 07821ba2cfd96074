"""Figures: Arabic labels shaped right to left and drawn with real glyphs."""

from __future__ import annotations

import io
import warnings

import matplotlib.pyplot as plt
import pytest

from corpuskit.errors import SettingsError
from corpuskit.plot import documents_over_time, shape


def test_shape_joins_letters_and_orders_right_to_left():
    shaped = shape("حمص")
    # ح م ص joined: initial hah, medial meem, final sad, displayed right to left
    assert shaped == "\ufea3\ufee4\ufeba"[::-1]
    assert shape("UN Security Council") == "UN Security Council"
    mixed = shape("مجلس الأمن UN")
    assert mixed.startswith("UN") and "\ufee0" in mixed  # Latin run first in visual order


def test_arabic_labels_render_without_missing_glyphs():
    fig, ax = plt.subplots()
    ax.set_title(shape("القوات السورية تقتحم بالدبابات حي الإنشاءات في حمص"))
    ax.set_xlabel(shape("الجامعة العربية ومجلس الأمن"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font" would fail here
        fig.savefig(io.BytesIO(), format="png")
    plt.close(fig)


def test_documents_over_time(sample_corpus):
    ax = documents_over_time(sample_corpus)
    n_months = 34  # 2011-03 .. 2013-12, empty months included
    bars = [p for p in ax.patches if p.get_height() > 0]
    assert len(ax.containers) == 6 and len(ax.containers[0]) == n_months
    assert sum(p.get_height() for p in bars) == 162  # every dated document, once
    plt.close(ax.figure)
    with pytest.raises(SettingsError, match="no document has a date"):
        documents_over_time(sample_corpus.select(sample_corpus.docs["date"].isna()))
