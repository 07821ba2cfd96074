"""Topics, second pass (issue 7): streaming scaled by the corpus size, stricter effects,
scikit-learn citizenship, labels, representative documents, figures, near duplicates."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from scipy.stats import rankdata

import corpuskit as ck
from corpuskit.errors import SettingsError
from corpuskit.features import ArabicAnalyzer, df_bounds, document_term_matrix
from corpuskit.topics import TopicModel, frex

from .conftest import ROOT, SAMPLE


# ------------------------------------------------------------------ 1. streaming LDA

def test_streaming_scales_updates_by_the_corpus_size(corpus, tmp_path):
    from corpuskit.stream import fit_topics_streaming

    path = corpus.to_parquet(tmp_path / "c.parquet")
    m = fit_topics_streaming(path, 5, batch_size=40, min_df=2)
    assert m.estimator_.total_samples == len(corpus)  # not the first batch's 40 rows


def test_partial_fit_takes_total_samples_and_warns_without(dtm):
    first = dtm.select(np.arange(40))
    m = TopicModel(k=4, learning_method="online")
    m.partial_fit(first, total_samples=dtm.shape[0])
    assert m.estimator_.total_samples == dtm.shape[0]
    with pytest.warns(UserWarning, match="total_samples"):
        TopicModel(k=4).partial_fit(first)


# ------------------------------------------------------------------ 2. FREX as stm computes it

def test_frex_at_weight_0_3_on_a_hand_computed_example():
    beta = np.array([[0.5, 0.3, 0.2],
                     [0.1, 0.1, 0.8]])
    # exclusivity (column shares): row 0 = [5/6, 3/4, 1/5]; ranks within the row: [3, 2, 1]
    # probability ranks in row 0: [3, 2, 1]; ECDF = rank / 3
    # row 1: exclusivity [1/6, 1/4, 4/5] -> ranks [1, 2, 3]; probability [.1, .1, .8] -> tied
    # first two get the average rank 1.5: ECDF [0.5, 0.5, 1]
    w = 0.3
    exp0 = [1 / (w / (r / 3) + (1 - w) / (r / 3)) for r in (3, 2, 1)]
    exp1 = [1 / (w / (1 / 3) + (1 - w) / 0.5), 1 / (w / (2 / 3) + (1 - w) / 0.5),
            1 / (w / 1 + (1 - w) / 1)]
    assert frex(beta, weight=w) == pytest.approx(np.array([exp0, exp1]))


def test_frex_ties_get_average_ranks():
    beta = np.array([[0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4]])
    f = frex(beta, weight=0.0)  # weight 0: the frequency ECDF alone
    assert f[0] == pytest.approx(np.full(4, rankdata([1, 1, 1, 1])[0] / 4))  # 2.5 / 4 each
    assert f[0] == pytest.approx(np.full(4, 0.625))


# ------------------------------------------------------------------ 3. scikit-learn citizens

def test_topic_model_is_a_scikit_learn_estimator(dtm):
    from sklearn.base import clone

    m = TopicModel(k=5, seed=3, method="nmf")
    c = clone(m)
    assert c.get_params() == m.get_params() and c is not m
    assert c.set_params(k=4).k == 4
    with pytest.raises(SettingsError, match="Invalid parameter"):
        m.set_params(topics=3)
    assert not hasattr(clone(TopicModel(k=3).fit(dtm)), "components_")


def test_pipeline_and_grid_search_with_the_arabic_analyzer(corpus):
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.model_selection import GridSearchCV
    from sklearn.pipeline import Pipeline

    texts = corpus.full_texts()
    pipe = Pipeline([("counts", CountVectorizer(analyzer=ArabicAnalyzer(), min_df=2)),
                     ("topics", TopicModel(k=3))])
    theta = pipe.fit_transform(texts)
    assert theta.shape == (len(texts), 3) and np.allclose(theta.sum(axis=1), 1)
    search = GridSearchCV(pipe, {"topics__k": [2, 4], "counts__analyzer__stem": [True, False]},
                          cv=2)
    search.fit(texts)
    assert search.best_params_["topics__k"] in (2, 4)
    assert np.isfinite(search.cv_results_["mean_test_score"]).all()


def test_analyzer_settings_never_go_stale_and_it_pickles():
    a = ArabicAnalyzer()
    text = "والمعارضة السورية تطالب بالمفاوضات"
    stemmed = a(text)
    a.stem = False
    assert a(text) != stemmed and "والمعارضه" in a(text)
    assert a.settings()["stem"] is False
    a.set_params(stop_words=["السوريه"])
    assert "السوريه" not in a(text) and a.settings()["stop_words"] == ["السوريه"]
    back = pickle.loads(pickle.dumps(a))
    assert back(text) == a(text) and back.get_params() == a.get_params()


def test_document_frequency_bounds_agree_between_memory_and_stream(corpus, tmp_path):
    from corpuskit.stream import stream_vocabulary

    path = corpus.to_parquet(tmp_path / "c.parquet")
    for min_df, max_df in ((1.0, 1.0), (0.05, 0.5), (3, 0.8)):
        try:
            mem = list(document_term_matrix(corpus, min_df=min_df, max_df=max_df).vocabulary)
        except SettingsError:
            mem = []
        try:
            streamed = stream_vocabulary(path, min_df=min_df, max_df=max_df, batch_size=50)
        except SettingsError:
            streamed = []
        assert mem == streamed, (min_df, max_df)
    assert df_bounds(1.0, 1.0, 155) == (155, 155) and df_bounds(1, 0.5, 155) == (1, 77)


# ------------------------------------------------------------------ 4. labels, reading

def test_labels_come_from_frequent_and_exclusive_words_and_can_be_set(model, tmp_path):
    table = model.label_table(5)
    assert list(table.columns) == ["topic", "label", "prob", "frex", "lift", "score"]
    top30 = model.top_terms(30, by="prob")
    for t, label in enumerate(model.labels(), 1):
        pool = set(top30.loc[top30["topic"] == t, "surface"])
        assert set(label.split(" · ")) <= pool
    m = TopicModel.load(model.save(tmp_path / "m"))
    m.set_labels({2: "Diplomacy"})
    assert m.labels()[1] == "Diplomacy" and m.labels()[0] == model.labels()[0]
    assert set(m.prevalence("source", n_boot=0).query("topic == 2")["label"]) == {"Diplomacy"}
    assert TopicModel.load(m.save(tmp_path / "m2")).labels()[1] == "Diplomacy"
    with pytest.raises(SettingsError, match="numbered 1 to 6"):
        m.set_labels({7: "x"})
    m.set_labels({2: ""})
    assert m.labels()[1] == model.labels()[1]


def test_representative_documents_with_their_text(model, corpus):
    reps = model.representative_docs(3, n=4, corpus=corpus)
    assert list(reps["rank"]) == [1, 2, 3, 4]
    assert reps["share"].is_monotonic_decreasing
    theta = model.doc_topic_[:, 2]
    assert reps["share"].iloc[0] == pytest.approx(theta.max())
    docs = corpus.docs.set_index("doc_id")
    assert reps["text"].iloc[0] == docs.loc[reps["doc_id"].iloc[0], "text"]


def test_model_effects_refuse_a_narrow_interval_for_a_one_document_outlet(corpus):
    docs = corpus.docs.copy()
    docs.loc[docs.index[0], "source"] = "lonely"
    m = TopicModel(k=4).fit(document_term_matrix(ck.Corpus(docs)))
    with pytest.warns(UserWarning, match="source=lonely"):
        eff = m.estimate_effect(["source"])
    lonely = eff[eff["term"] == "source=lonely"]
    assert lonely["std_error"].isna().all() and lonely["lower"].isna().all()
    ref = eff["reference"].dropna().unique()
    assert len(ref) == 1 and ref[0].startswith("source=")


def test_composition_propagates_the_uncertainty_of_proportions(model, dtm):
    plain = model.estimate_effect(["source"])
    comp = model.estimate_effect(["source"], composition=True, n_draws=10)
    wide = (comp["upper"] - comp["lower"]).to_numpy()
    narrow = (plain["upper"] - plain["lower"]).to_numpy()
    assert (wide >= narrow * 0.999).mean() > 0.9 and np.nanmean(wide / narrow) > 1.0
    assert np.allclose(comp["estimate"], plain["estimate"], atol=0.05)
    nmf = TopicModel(k=4, method="nmf").fit(dtm)
    with pytest.raises(SettingsError, match="composition=True needs"):
        nmf.estimate_effect(["source"], composition=True)


def test_paragraph_models_cluster_their_errors_by_document(corpus):
    para = document_term_matrix(corpus, unit="paragraph")
    m = TopicModel(k=4).fit(para)
    default = m.estimate_effect(["source"]).set_index(["topic", "term"])
    by_doc = m.estimate_effect(["source"], se="cluster", cluster="doc_id").set_index(
        ["topic", "term"])
    pd.testing.assert_frame_equal(default, by_doc)


# ------------------------------------------------------------------ 5. figures and tables

def test_top_terms_figure_draws_bars_in_ranking_order_with_the_measure_named(model):
    import matplotlib.pyplot as plt

    fig = ck.plot.top_terms(model, n=6, by="prob")
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert widths == sorted(widths)  # barh draws bottom-up: rank 1 on top, the longest bar
    assert "probability" in fig.get_supxlabel()
    plt.close(fig)
    fig = ck.plot.top_terms(model, n=6, by="frex")
    xs = list(fig.axes[0].lines[0].get_xdata())
    assert xs == sorted(xs) and "FREX" in fig.get_supxlabel()
    tt = model.top_terms(6, by="frex")
    assert xs[::-1] == pytest.approx(tt.loc[tt["topic"] == 1, "frex"].tolist())
    plt.close(fig)


def test_twenty_topic_figure_title_does_not_overlap_the_panels(dtm):
    import matplotlib.pyplot as plt

    m = TopicModel(k=20, method="nmf").fit(dtm)
    fig = ck.plot.top_terms(m, n=10)
    fig.canvas.draw()
    title = fig._suptitle.get_window_extent()
    for ax in fig.axes:
        assert not title.overlaps(ax.get_tightbbox())
    plt.close(fig)


def test_prevalence_over_time_leaves_empty_months_as_gaps(model):
    prev = model.prevalence("month", n_boot=0)
    months = pd.period_range(prev["month"].min(), prev["month"].max(), freq="M").astype(str)
    assert list(prev["month"].unique()) == list(months)  # every month, empty ones too
    empty = prev[prev["n"] == 0]
    assert len(empty) and empty["share"].isna().all()


def test_by_month_keeps_months_without_documents(corpus):
    table = corpus.by_month()
    assert len(table) == len(pd.period_range(table.index.min(), table.index.max(), freq="M"))
    assert (table.sum(axis=1) == 0).any()


# ------------------------------------------------------------------ 6. near duplicates

WIRE = ("قال المرصد السوري لحقوق الإنسان إن القوات الحكومية قصفت أحياء في مدينة حمص صباح اليوم "
        "وأوقعت عشرات القتلى والجرحى بين المدنيين وسط انقطاع الكهرباء والاتصالات عن المدينة "
        "فيما دعت المعارضة مجلس الأمن إلى التحرك العاجل لوقف العنف وحماية السكان").split()


def _flags(texts, dates=None, threshold=0.5):
    from corpuskit.clean import find_duplicates

    toks = [t.split() for t in texts]
    return find_duplicates(texts, [f"d{i}" for i in range(len(texts))], tokens=toks, dates=dates,
                           threshold=threshold)


def test_near_duplicate_threshold_is_inclusive_at_the_boundary():
    from corpuskit.clean import jaccard, shingles

    a = " ".join(WIRE)
    b = " ".join(WIRE[:-4] + ["كلمة", "أخرى", "هنا", "تماما"])
    sim = jaccard(shingles(a.split()), shingles(b.split()))
    at = _flags([a, b], threshold=sim)
    above = _flags([a, b], threshold=sim + 1e-6)
    assert at.loc["d1", "duplicate"] == "near" and at.loc["d1", "similarity"] == pytest.approx(sim, abs=1e-4)
    assert pd.isna(above.loc["d1", "duplicate"])


def test_a_chain_of_edited_copies_is_one_group_with_the_earliest_as_original():
    v0 = WIRE
    v1 = v0[:20] + ["تعديل"] + v0[21:]
    v2 = v1[:5] + ["تغيير"] + v1[6:30] + ["إضافة", "جديدة"]
    texts = [" ".join(v) for v in (v2, v1, v0)]
    dates = pd.to_datetime(["2012-02-12", "2012-02-11", "2012-02-10"])
    f = _flags(texts, dates=dates)
    assert pd.isna(f.loc["d2", "duplicate"])
    assert f.loc["d0", "duplicate_of"] == "d2" and f.loc["d1", "duplicate_of"] == "d2"


def test_more_than_200_copies_of_one_wire_story_are_all_found():
    rng = np.random.default_rng(0)
    texts = []
    for i in range(260):
        words = list(WIRE)
        words[int(rng.integers(0, len(words)))] = f"نسخة{i}"  # each copy edits one word
        texts.append(" ".join(words))
    f = _flags(texts)
    assert f["duplicate"].eq("near").sum() == 259
    assert f["duplicate_of"].dropna().nunique() == 1


def test_short_documents_are_compared_whole():
    f = _flags(["حمص", "حمص", "حلب تحت القصف", "حلب تحت القصف", "درعا"])
    assert f["duplicate"].tolist()[1] == "exact" and f["duplicate"].tolist()[3] == "exact"
    assert f["duplicate"].isna().sum() == 3


def test_duplicate_flags_do_not_depend_on_python_hash_randomization(tmp_path):
    code = (f"import corpuskit as ck; c = ck.load_corpus(r'{SAMPLE}'); "
            "print(sorted(zip(c.docs.doc_id, c.docs.duplicate.fillna(''), "
            "c.docs.duplicate_of.fillna(''))))")
    outs = set()
    for seed in ("1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                env=env, check=True, cwd=ROOT).stdout)
    assert len(outs) == 1 and "near" in outs.pop()


def test_cli_topics_writes_svg_and_pdf_and_names_the_reference(tmp_path):
    from corpuskit.cli import EXIT_OK, EXIT_USAGE, main

    out = tmp_path / "t"
    assert main(["topics", str(SAMPLE), "--k", "4", "--out", str(out),
                 "--figure-format", "svg,pdf"]) == EXIT_OK
    assert (out / "top_terms.svg").read_text().lstrip().startswith("<?xml")
    assert (out / "prevalence_month.pdf").read_bytes()[:4] == b"%PDF"
    assert not (out / "top_terms.png").exists()
    eff = pd.read_csv(out / "effects.csv")
    assert eff.loc[eff["term"].str.startswith("source="), "reference"].str.startswith(
        "source=").all()
    assert main(["topics", str(SAMPLE), "--k", "4", "--out", str(out),
                 "--figure-format", "gif"]) == EXIT_USAGE


def test_nmf_score_is_minus_its_relative_reconstruction_error(dtm):
    import scipy.sparse as sp

    m = ck.TopicModel(k=4, method="nmf", seed=0).fit(dtm)
    T = m.tfidf_.transform(dtm.matrix)
    expected = -m.estimator_.reconstruction_err_ / sp.linalg.norm(T)
    assert -1.0 <= m.score(dtm) <= 0.0
    assert m.score(dtm) == pytest.approx(expected, rel=0.05)
    assert ck.TopicModel(k=8, method="nmf", seed=0).fit(dtm).score(dtm) > m.score(dtm)
