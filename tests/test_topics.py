"""Topic models: DTM, diagnostics on hand-computed examples, alignment, stability, prevalence,
effects, persistence, streaming, bad input; on the sample corpus's real Arabic text."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

import corpuskit as ck
from corpuskit.errors import InputError, SettingsError
from corpuskit.features import ArabicAnalyzer, document_term_matrix
from corpuskit.topics import (TopicModel, align_topics, exclusivity, frex, npmi_coherence,
                              select_k, stability)



# ----------------------------------------------------------------------------- diagnostics
def test_npmi_on_a_hand_computed_example():
    # 4 documents; columns w0..w4
    X = sp.csr_matrix(np.array([
        [1, 1, 0, 0, 1],   # d0: w0 w1 w4
        [1, 1, 0, 0, 0],   # d1: w0 w1
        [0, 0, 1, 0, 1],   # d2: w2 w4
        [0, 0, 0, 1, 0],   # d3: w3
    ]))
    # topic A's top terms w0, w1, w4: NPMI(w0,w1) = log(.5/.25)/-log(.5) = 1;
    # NPMI(w0,w4) = NPMI(w1,w4) = log(.25/(.5*.5))/-log(.25) = 0  -> mean 1/3
    # topic B's top terms w0, w2, w3: never together -> -1
    beta = np.array([[0.4, 0.3, 0.0, 0.0, 0.2], [0.3, 0.0, 0.3, 0.3, 0.0]]) + 1e-9
    coh = npmi_coherence(beta, X, n=3)
    assert coh == pytest.approx([1 / 3, -1.0])


def test_coherence_on_a_reference_corpus(model, corpus):
    # a reference DTM with another vocabulary is aligned by term; on the training corpus itself
    # it gives exactly the training coherence
    ref_same = document_term_matrix(corpus, min_df=1, max_df=1.0)
    assert model.coherence(ref_same) == pytest.approx(model.coherence())
    half = document_term_matrix(corpus.select(np.arange(len(corpus)) % 2 == 0), min_df=1,
                                max_df=1.0)
    other = model.coherence(half)
    assert other.shape == (6,) and not np.allclose(other, model.coherence())
    assert (other >= -1).all() and (other <= 1).all()


def test_exclusivity_and_frex_on_a_small_example():
    beta = np.array([[0.7, 0.2, 0.1, 0.0],
                     [0.1, 0.2, 0.1, 0.6]])
    ex = exclusivity(beta, n=2)
    # topic 1's top two: w0 (0.7/0.8) and w1 (0.2/0.4); topic 2's: w3 (0.6/0.6) and w1 (0.5)
    assert ex == pytest.approx([(0.875 + 0.5) / 2, (1.0 + 0.5) / 2])
    fx = frex(beta)
    assert fx[0].argmax() == 0 and fx[1].argmax() == 3  # frequent and exclusive wins
    assert fx[0, 1] < fx[0, 0]


def test_alignment_recovers_permuted_topics():
    rng = np.random.default_rng(3)
    beta = rng.dirichlet(np.full(50, 0.1), size=8)
    perm = rng.permutation(8)
    noisy = beta[perm] + rng.uniform(0, 1e-3, size=beta.shape)
    found, sim = align_topics(beta, noisy)
    assert (noisy[found] == noisy[np.argsort(perm)]).all()
    assert (perm[found] == np.arange(8)).all()
    assert sim.min() > 0.99
    with pytest.raises(SettingsError, match="same k"):
        align_topics(beta, beta[:4])


# ----------------------------------------------------------------------------- the DTM
def test_dtm_rows_vocabulary_and_surface_forms(corpus, dtm):
    assert dtm.shape[0] == len(corpus) and list(dtm.doc_ids) == list(corpus.docs["doc_id"])
    assert list(dtm.vocabulary) == sorted(dtm.vocabulary)
    terms = dtm.terms().set_index("term")
    assert terms.loc["معارض", "surface"] == "المعارضة"   # the stem shown as people write it
    assert terms.loc["لاجئ", "surface"] == "اللاجئين"
    assert (terms["df"] >= 2).all() and (terms["df"] <= 0.5 * len(corpus)).all()
    assert "قال" not in terms.index and "في" not in terms.index  # stop words out
    assert {"date", "source"} <= set(dtm.meta.columns)


def test_dtm_by_paragraph_and_as_sklearn_analyzer(corpus):
    para = document_term_matrix(corpus, unit="paragraph", min_df=1, max_df=1.0)
    units = corpus.units("paragraph")
    assert list(para.unit_ids) == list(units["unit_id"])
    assert set(para.doc_ids) == set(corpus.docs["doc_id"])
    from sklearn.feature_extraction.text import CountVectorizer

    texts = corpus.full_texts()[:20]
    cv = CountVectorizer(analyzer=ArabicAnalyzer())
    X = cv.fit_transform(texts)
    ours = document_term_matrix(corpus.select(np.arange(len(corpus)) < 20), min_df=1, max_df=1.0)
    cols = [cv.vocabulary_[t] for t in ours.vocabulary]
    assert (X[:, cols] != ours.matrix).nnz == 0


def test_ngrams_add_phrases(corpus):
    d = document_term_matrix(corpus, ngrams=(1, 2), min_df=3)
    terms = d.terms().set_index("term")
    assert "مجلس امن" in terms.index
    assert terms.loc["مجلس امن", "surface"] == "مجلس الأمن"


# ----------------------------------------------------------------------------- the model
def test_fit_contract_and_shapes(model, dtm):
    assert model.components_.shape == (6, dtm.shape[1])
    assert np.allclose(model.components_.sum(axis=1), 1)
    assert model.doc_topic_.shape == (dtm.shape[0], 6)
    assert np.allclose(model.doc_topic_.sum(axis=1), 1)
    assert list(model.doc_ids_) == list(dtm.doc_ids)
    assert list(model.vocabulary_) == list(dtm.vocabulary)
    assert np.allclose(model.transform(dtm), model.doc_topic_)
    assert repr(model) == "TopicModel(k=6)"


def test_topics_recover_the_writers_themes(model):
    # ahrar and khaleej carry the writers' section labels; refugee coverage is 'humanitarian'
    dt = model.doc_topics()
    section = dt["section"].fillna(dt["category"])
    shares = dt[[f"topic_{t}" for t in range(1, 7)]].groupby(section).mean()
    humanitarian_topic = int(shares.loc["humanitarian"].to_numpy().argmax()) + 1
    tt = model.top_terms(10)
    words = tt.loc[tt["topic"] == humanitarian_topic, "surface"].tolist()
    assert {"اللاجئين", "المخيم"} & set(words)
    opposition_topic = int(shares.loc["opposition"].to_numpy().argmax()) + 1
    words = tt.loc[tt["topic"] == opposition_topic, "surface"].tolist()
    assert {"الائتلاف", "المعارضة", "الخطيب", "غليون", "المجلس"} & set(words)


def test_default_is_deterministic_and_seed_independent(dtm):
    a = TopicModel(k=6, seed=0).fit(dtm)
    b = TopicModel(k=6, seed=0).fit(dtm)
    assert np.array_equal(a.components_, b.components_)
    c = TopicModel(k=6, seed=7).fit(dtm)
    assert align_topics(a.components_, c.components_)[1].min() > 0.95
    r1 = TopicModel(k=6, init="random", seed=0).fit(dtm)
    r2 = TopicModel(k=6, init="random", seed=7).fit(dtm)
    assert align_topics(r1.components_, r2.components_)[1].min() < 0.95


def test_nmf_method(dtm):
    m = TopicModel(k=6, method="nmf").fit(dtm)
    assert np.allclose(m.doc_topic_.sum(axis=1), 1)
    new = m.transform(dtm.select(np.arange(10)))
    assert new.shape == (10, 6)
    assert (new.argmax(axis=1) == m.doc_topic_[:10].argmax(axis=1)).mean() >= 0.8
    with pytest.raises(SettingsError, match="method='lda'"):
        m.perplexity(dtm)


def test_transform_texts_and_corpora(model, corpus):
    texts = ["فر آلاف اللاجئين السوريين إلى مخيم الزعتري في الأردن وسط نقص في الخيام والمساعدات.",
             "انتخب الائتلاف الوطني المعارض في الدوحة معاذ الخطيب رئيسا له."]
    theta = model.transform(texts)
    assert theta.shape == (2, 6) and np.allclose(theta.sum(axis=1), 1)
    labels = model.labels()
    assert "اللاجئين" in labels[theta[0].argmax()] or "المخيم" in labels[theta[0].argmax()]
    assert np.allclose(model.transform(corpus), model.doc_topic_, atol=1e-6)


def test_top_terms_summary_and_doc_topics(model):
    tt = model.top_terms(5, by="frex")
    assert list(tt.columns) == ["topic", "rank", "term", "surface", "prob", "frex", "value"]
    assert len(tt) == 30 and tt.groupby("topic")["rank"].max().eq(5).all()
    s = model.summary()
    assert list(s["topic"]) == [1, 2, 3, 4, 5, 6]
    assert s["prevalence"].sum() == pytest.approx(1)
    assert s["coherence"].between(-1, 1).all() and s["exclusivity"].between(1 / 6, 1).all()
    long = model.doc_topics(long=True)
    assert long.groupby("doc_id")["share"].sum().round(6).eq(1).all()


def test_prevalence_with_bootstrap_intervals(model):
    by_src = model.prevalence("source", n_boot=200)
    assert set(by_src["source"]) == {"ahrar", "alsham", "khaleej", "mashriq", "sada", "ufuq"}
    assert by_src.groupby("source")["share"].sum().round(6).eq(1).all()
    assert (by_src["lower"] <= by_src["share"] + 1e-12).all()
    assert (by_src["share"] <= by_src["upper"] + 1e-12).all()
    dt = model.doc_topics()
    assert by_src.query("source == 'sada' and topic == 1")["share"].iloc[0] == pytest.approx(
        dt.loc[dt["source"] == "sada", "topic_1"].mean())
    again = model.prevalence("source", n_boot=200)
    pd.testing.assert_frame_equal(by_src, again)  # seeded bootstrap
    by_year = model.prevalence("year")
    assert list(by_year["year"].unique()) == ["2011", "2012", "2013"]
    assert by_year["n"].groupby(by_year["year"]).first().sum() == len(dt)


def test_estimate_effect_matches_group_means(model):
    eff = model.estimate_effect(["source"], reference={"source": "alsham"})
    dt = model.doc_topics()
    means = dt.groupby("source")[[f"topic_{t}" for t in range(1, 7)]].mean()
    t3 = eff[eff["topic"] == 3].set_index("term")["estimate"]
    assert t3["(intercept)"] == pytest.approx(means.loc["alsham", "topic_3"])
    assert t3["source=sada"] == pytest.approx(means.loc["sada", "topic_3"]
                                              - means.loc["alsham", "topic_3"])
    assert (eff["lower"] <= eff["estimate"]).all() and (eff["std_error"] > 0).all()
    with_time = model.estimate_effect(["source", "time"])
    assert "time (years)" in set(with_time["term"])


def test_select_k_and_stability(dtm):
    table = select_k(dtm, ks=[4, 6], seeds=[0, 1])
    assert list(table.columns) == ["k", "seed", "coherence", "exclusivity", "perplexity",
                                   "stability", "seconds"]
    assert len(table) == 4 and table["perplexity"].gt(0).all()
    assert table.groupby("k")["stability"].nunique().eq(1).all()
    st_default = stability(dtm, 6, seeds=[0, 1, 2])
    st_random = stability(dtm, 6, seeds=[0, 1, 2], init="random")
    assert st_default.score > st_random.score
    assert len(st_default.topics) == 6 and st_default.pairwise.shape == (3, 3)
    assert st_default.consensus in st_default.runs


# ----------------------------------------------------------------------------- persistence
def test_save_and_load_round_trip(model, dtm, tmp_path):
    path = model.save(tmp_path / "m")
    back = TopicModel.load(path)
    assert np.array_equal(back.components_, model.components_)
    assert np.allclose(back.transform(dtm), model.transform(dtm))
    assert back.labels() == model.labels() and back.get_params() == model.get_params()
    pd.testing.assert_frame_equal(back.prevalence("source"), model.prevalence("source"))
    meta = json.loads((path / "model.json").read_text(encoding="utf-8"))
    assert meta["dtm_settings"]["corpus_hash"] == dtm.settings["corpus_hash"]
    assert meta["versions"]["scikit-learn"] and meta["params"]["seed"] == 0
    nmf = TopicModel(k=4, method="nmf").fit(dtm)
    nmf_back = TopicModel.load(nmf.save(tmp_path / "n"))
    assert np.allclose(nmf_back.transform(dtm), nmf.transform(dtm), atol=1e-6)


def test_load_errors(model, tmp_path):
    with pytest.raises(InputError, match="no such model folder"):
        TopicModel.load(tmp_path / "nothing")
    path = model.save(tmp_path / "m")
    (path / "model.npz").unlink()
    with pytest.raises(InputError, match="model.npz is missing"):
        TopicModel.load(path)
    path = model.save(tmp_path / "m2")
    meta = json.loads((path / "model.json").read_text(encoding="utf-8"))
    meta["format_version"] = 99
    (path / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(InputError, match="format 99"):
        TopicModel.load(path)


# ----------------------------------------------------------------------------- streaming
def test_streaming_fit_from_parquet(corpus, tmp_path):
    from corpuskit.stream import fit_topics_streaming, iter_parquet_corpus

    path = corpus.to_parquet(tmp_path / "c.parquet")
    sizes = [len(c) for c in iter_parquet_corpus(path, batch_size=40)]
    assert sizes == [40, 40, 40, 35]
    m = fit_topics_streaming(path, 6, batch_size=40, min_df=2, passes=2)
    assert m.components_.shape[0] == 6 and m.doc_topic_ is None
    theta = m.transform(corpus)
    assert theta.shape == (len(corpus), 6)
    full = TopicModel(k=6).fit(document_term_matrix(corpus))
    common = np.intersect1d(m.vocabulary_, full.vocabulary_)
    assert len(common) > 0.9 * len(full.vocabulary_)
    with pytest.raises(SettingsError, match="another vocabulary"):
        m.partial_fit(document_term_matrix(corpus, min_df=3))


# ----------------------------------------------------------------------------- bad input
def test_bad_settings_name_what_to_change(dtm, corpus):
    with pytest.raises(SettingsError, match="k >= 2"):
        TopicModel(k=1).fit(dtm)
    with pytest.raises(SettingsError, match=r"larger than the vocabulary \(\d+ terms\)"):
        TopicModel(k=dtm.shape[1] + 1).fit(document_term_matrix(corpus, min_df=40, max_df=1.0))
    with pytest.raises(SettingsError, match="min_df=500 and max_df=0.5 leave no terms"):
        document_term_matrix(corpus, min_df=500)
    with pytest.raises(SettingsError, match="method='bert'"):
        TopicModel(k=3, method="bert").fit(dtm)
    only_stop = ck.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": ["في من على", "إلى عن"]}))
    with pytest.raises(SettingsError, match="empty"):
        document_term_matrix(only_stop, min_df=1)
    with pytest.raises(SettingsError, match="not fitted"):
        TopicModel(k=3).top_terms()


def test_prevalence_on_undated_documents(corpus):
    undated = corpus.docs.assign(date=pd.NaT)
    d = document_term_matrix(ck.Corpus(undated))
    m = TopicModel(k=4).fit(d)
    with pytest.raises(SettingsError, match="none of the .* rows has a date"):
        m.prevalence("month")
    with pytest.raises(SettingsError, match="not a time bin"):
        m.prevalence("outlet")
    half = corpus.docs.copy()
    half.loc[half.index[:10], "date"] = pd.NaT
    m2 = TopicModel(k=4).fit(document_term_matrix(ck.Corpus(half)))
    with pytest.warns(UserWarning, match="10 of 155 rows have no date"):
        m2.prevalence("year")


def test_progress_bars_only_when_asked_or_large(dtm, capsys):
    from corpuskit._progress import wanted

    assert wanted(None, large=True) is False  # not in a notebook: scripts stay quiet
    assert wanted(True, large=False) is True and wanted(False, large=True) is False
    select_k(dtm, ks=[3], seeds=[0, 1], progress=True)
    assert "select_k: 100%" in capsys.readouterr().err
    select_k(dtm, ks=[3], seeds=[0, 1])
    assert capsys.readouterr().err == ""


def test_compiled_e_step_is_scikit_learns_on_real_news(news_texts):
    """The compiled E-step (corpuskit.topics._estep) against scikit-learn's own per-document
    update on SaudiNewsNet articles: the same estimates and sufficient statistics, from a cold
    start and from a warm one."""
    from sklearn.decomposition._lda import _dirichlet_expectation_2d, _update_doc_distribution

    from corpuskit.topics.model import _e_step_block

    corpus = ck.Corpus(pd.DataFrame({"doc_id": [f"n{i}" for i in range(len(news_texts))],
                                     "text": news_texts}))
    M = document_term_matrix(corpus, min_df=2).matrix.astype(np.float64).tocsr()
    lam = np.random.default_rng(0).gamma(100.0, 0.01, (7, M.shape[1]))
    expe = np.exp(_dirichlet_expectation_2d(lam))
    ref, ref_stats = _update_doc_distribution(M, expe, 0.1, 100, 1e-3, True, None)
    got, stats = _e_step_block(M, None, expe, 0.1, 100, 1e-3, True)
    np.testing.assert_allclose(got, ref, rtol=1e-9)
    np.testing.assert_allclose(stats, ref_stats, rtol=1e-9, atol=1e-12)
    warm, none = _e_step_block(M, got, expe, 0.1, 100, 1e-3, False)
    assert none is None and np.abs(warm - got).mean() < np.abs(got - 1).mean()


def test_threaded_nmf_start_is_scikit_learns_on_real_news(news_texts):
    """LDA's NMF start (corpuskit.topics._nmf) computes its two sparse products on threads:
    on SaudiNewsNet articles it gives scikit-learn's NMF to rounding, and the same bits on one
    thread and on three (each output row is summed by one thread, in scipy's order), so a
    study repeats on a machine with another number of cores."""
    from sklearn.decomposition import NMF

    from corpuskit.topics._nmf import nmf_components
    from corpuskit.topics.model import _tfidf

    corpus = ck.Corpus(pd.DataFrame({"doc_id": [f"n{i}" for i in range(len(news_texts))],
                                     "text": news_texts}))
    _, T = _tfidf(document_term_matrix(corpus, min_df=2).matrix)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # may stop at max_iter
        ref = NMF(n_components=8, init="nndsvda", max_iter=60, tol=1e-3,
                  random_state=3).fit(T).components_
    one = nmf_components(T, 8, 3, max_iter=60, tol=1e-3, threads=1)
    three = nmf_components(T, 8, 3, max_iter=60, tol=1e-3, threads=3)
    np.testing.assert_allclose(one, ref, rtol=1e-9, atol=1e-12)
    assert np.array_equal(one, three)
    assert not np.array_equal(one, nmf_components(T, 8, 4, max_iter=60, tol=1e-3))  # seeded
    # the iterations in single precision (LDA's start): the same bits on one thread and on
    # three, and double precision's topics to about 1e-6
    single = nmf_components(T, 8, 3, max_iter=60, tol=1e-3, threads=1, single=True)
    assert single.dtype == np.float64 and not np.array_equal(single, one)
    assert np.array_equal(single, nmf_components(T, 8, 3, max_iter=60, tol=1e-3, threads=3,
                                                 single=True))
    np.testing.assert_allclose(single, one, rtol=0, atol=1e-5 * np.abs(one).max())


def test_threaded_nndsvda_start_is_scikit_learns_bit_for_bit(news_texts):
    """The NMF's own start (NNDSVDa, from a randomized SVD) runs the SVD's sparse products on
    threads; on SaudiNewsNet articles it gives scikit-learn's ``_initialize_nmf`` to the bit,
    on one thread and on three, and depends on the seed."""
    from concurrent.futures import ThreadPoolExecutor

    from sklearn.decomposition._nmf import _initialize_nmf

    from corpuskit.topics._nmf import _Product, nndsvda
    from corpuskit.topics.model import _tfidf

    corpus = ck.Corpus(pd.DataFrame({"doc_id": [f"n{i}" for i in range(len(news_texts))],
                                     "text": news_texts}))
    _, T = _tfidf(document_term_matrix(corpus, min_df=2).matrix)
    T = sp.csr_matrix(T, dtype=np.float64)
    W0, H0 = _initialize_nmf(T, 8, init="nndsvda", random_state=5)
    with ThreadPoolExecutor(3) as pool:
        for p, threads in ((None, 1), (pool, 3)):
            W, H = nndsvda(T, 8, 5, _Product(T, p, threads), _Product(T.T.tocsr(), p, threads))
            assert np.array_equal(W, W0) and np.array_equal(H, H0)
    W6, _ = nndsvda(T, 8, 6, _Product(T, None, 1), _Product(T.T.tocsr(), None, 1))
    assert not np.array_equal(W6, W0)


def test_surface_forms_merged_over_parts_are_each_terms_most_frequent_word(news_texts):
    """The surface form of every term is its most frequent word as written over the whole
    corpus (ties: the first in code-point order), however the counting was cut into parts:
    counted here word by word and compared with a matrix counted in parts of 37 documents."""
    from collections import Counter

    corpus = ck.Corpus(pd.DataFrame({"doc_id": [f"n{i}" for i in range(len(news_texts))],
                                     "text": news_texts}))
    an = ArabicAnalyzer()
    dtm = document_term_matrix(corpus, min_df=2, part_size=37, engine="serial")
    pairs: Counter = Counter()
    for text in news_texts:
        pairs.update((t, w) for w in an.surface_tokens(text) if (t := an.term(w)))
    best: dict = {}
    for (t, w), c in pairs.items():
        if t not in best or (-c, w) < (-best[t][0], best[t][1]):
            best[t] = (c, w)
    assert len(dtm.vocabulary) > 3000
    assert [best[t][1] for t in dtm.vocabulary] == list(dtm.surface)
    top = Counter(t for (t, _), c in pairs.items() if c == best[t][0])
    assert sum(top[t] > 1 for t in dtm.vocabulary) > 50   # the tie rule is exercised


def test_extending_the_vocabulary_numbers_new_terms_as_a_running_dictionary_would():
    """The DTM's merge numbers each part's new terms in order after the known ones (the order
    a term-by-term setdefault gives), so columns do not depend on how it is computed."""
    from corpuskit.features.dtm import _extend_vocab

    parts = [["سوريا", "مجلس", "امن"], ["امن", "حلب", "سوريا", "دمشق"], [], ["دمشق", "عمان"]]
    vocab: dict = {}
    ref: dict = {}
    for terms in parts:
        got = _extend_vocab(vocab, terms)
        want = [ref.setdefault(t, len(ref)) for t in terms]
        assert got.tolist() == want and got.dtype == np.int64
    assert vocab == ref == {"سوريا": 0, "مجلس": 1, "امن": 2, "حلب": 3, "دمشق": 4, "عمان": 5}


def _rows_reversed(m: sp.csr_matrix) -> sp.csr_matrix:
    """The same matrix with each row's entries stored in reverse order (not canonical)."""
    order = np.concatenate([np.arange(a, b)[::-1] for a, b in zip(m.indptr[:-1], m.indptr[1:])])
    out = sp.csr_matrix((m.data[order], m.indices[order], m.indptr.copy()), shape=m.shape)
    assert not out.has_sorted_indices and (out != m).nnz == 0
    return out


def test_document_term_matrix_is_canonical_like_a_matrix_on_disk(corpus):
    """A matrix in memory stores each row's columns in order, as the same matrix on disk does,
    so that sums and products over either run in the same order (and scipy's ``sum()`` has
    nothing to sort in place under the caller)."""
    for kwargs in ({"min_df": 2}, {"min_df": 1, "max_terms": 300}, {"unit": "paragraph"}):
        m = document_term_matrix(corpus, **kwargs).matrix
        assert m.has_canonical_format
        assert all(np.all(np.diff(m.indices[a:b]) > 0) for a, b in zip(m.indptr[:-1], m.indptr[1:]))


def test_fitting_leaves_the_matrix_as_it_was_and_a_second_fit_repeats_the_first(corpus):
    """Showing a matrix, fitting a model on it and scoring it read the caller's counts and
    never reorder them: scipy's ``sum()`` of a CSR matrix whose indices are not sorted sorts
    them in place, which made the matrix's arrays change under the caller, and a second fit of
    the same matrix in the same process differ from the first in the last bits. The NMF start
    sorts its own copy, so a user's matrix whose rows are stored in another order gets the
    same topics to rounding (its single-precision iterations would turn the last bits of
    another summation order into 1e-6)."""
    import dataclasses

    from corpuskit.topics import TopicModel

    canonical = document_term_matrix(corpus, min_df=2)
    dtm = dataclasses.replace(canonical, matrix=_rows_reversed(canonical.matrix))
    m = dtm.matrix
    before = (m.data.copy(), m.indices.copy(), m.indptr.copy())
    repr(dtm)
    first = TopicModel(k=5, seed=2).fit(dtm)
    first.score(dtm)
    after = (m.data, m.indices, m.indptr)
    assert all(np.array_equal(x, y) for x, y in zip(before, after))
    second = TopicModel(k=5, seed=2).fit(dtm)
    assert np.array_equal(first.components_, second.components_)
    assert np.array_equal(first.doc_topic_, second.doc_topic_)
    ref = TopicModel(k=5, seed=2).fit(canonical)
    np.testing.assert_allclose(first.components_, ref.components_, rtol=1e-9, atol=1e-12)
