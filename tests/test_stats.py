"""The statistics layer (corpuskit.stats) and the topic model's statistics: hand-computed
examples, identities, and properties that fail if the method is wrong."""

from __future__ import annotations


import numpy as np
import pandas as pd
import pytest

from corpuskit.errors import SettingsError
from corpuskit.stats import estimate_effect, group_means


def _docs(n_per: dict[str, int], seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for src, n in n_per.items():
        for i in range(n):
            rows.append({"doc_id": f"{src}{i}", "source": src,
                         "date": pd.Timestamp("2012-01-01") + pd.Timedelta(days=int(rng.integers(0, 360))),
                         "y": rng.normal(1.0 if src == "a" else 2.0, 0.5)})
    return pd.DataFrame(rows)


# ------------------------------------------------------------------ group means and intervals

def test_group_means_are_means_and_intervals_cover_them():
    d = _docs({"a": 40, "b": 60})
    out = group_means(d, ["y"], "source", n_boot=300)
    for src, g in d.groupby("source"):
        row = out[out["source"] == src].iloc[0]
        assert row["mean"] == pytest.approx(g["y"].mean())
        assert row["lower"] < row["mean"] < row["upper"]
        assert row["n"] == row["n_docs"] == len(g)
    assert list(out.columns) == ["source", "score", "mean", "lower", "upper", "n", "n_docs"]


def test_bootstrap_intervals_shrink_with_more_documents():
    small = group_means(_docs({"a": 25}, seed=1), ["y"], "source", n_boot=400)
    large = group_means(_docs({"a": 400}, seed=1), ["y"], "source", n_boot=400)
    w_small = float((small["upper"] - small["lower"]).iloc[0])
    w_large = float((large["upper"] - large["lower"]).iloc[0])
    assert w_small > 0 and w_large > 0
    assert w_large < w_small / 2.5  # ~ 1/sqrt(n): 25 -> 400 documents is a factor of 4


def test_adding_a_group_never_changes_another_groups_interval():
    d = _docs({"a": 30, "b": 30})
    before = group_means(d, ["y"], "source", n_boot=200)
    more = pd.concat([d, _docs({"c": 30}, seed=5)])
    after = group_means(more, ["y"], "source", n_boot=200)
    pd.testing.assert_frame_equal(before.reset_index(drop=True),
                                  after[after["source"] != "c"].reset_index(drop=True))


def test_units_are_resampled_with_their_document():
    # Two documents, each with 50 identical paragraphs: the units are not 100 independent draws.
    d = pd.DataFrame({"doc_id": ["d1"] * 50 + ["d2"] * 50, "g": "x",
                      "y": [0.0] * 50 + [1.0] * 50})
    out = group_means(d, ["y"], "g", n_boot=500)
    row = out.iloc[0]
    assert row["n"] == 100 and row["n_docs"] == 2 and row["mean"] == 0.5
    # resampling documents: a draw is 0, 0.5 or 1, so the 95% interval is [0, 1]
    assert row["lower"] == 0.0 and row["upper"] == 1.0


def test_empty_time_bins_are_gaps_or_zeros_never_dropped():
    d = pd.DataFrame({"doc_id": ["a", "b", "c"], "y": [1.0, 2.0, 3.0],
                      "date": pd.to_datetime(["2012-01-05", "2012-01-20", "2012-04-02"])})
    gap = group_means(d, ["y"], "month", n_boot=0)
    assert list(gap["month"]) == ["2012-01", "2012-02", "2012-03", "2012-04"]
    assert gap["mean"].isna().tolist() == [False, True, True, False]
    assert gap["n"].tolist() == [2, 0, 0, 1]
    zero = group_means(d, ["y"], "month", n_boot=0, empty="zero")
    assert zero["mean"].tolist() == [1.5, 0.0, 0.0, 3.0]
    assert len(group_means(d, ["y"], "month", n_boot=0, empty="drop")) == 2


# ------------------------------------------------------------------ effects

def _design(x: pd.DataFrame) -> np.ndarray:
    return np.column_stack([np.ones(len(x)), (x["source"] == "b").astype(float)])


def test_hc3_equals_the_leave_one_out_identity():
    # HC3 = sum_i x_i x_i' e_i^2 / (1 - h_i)^2 sandwiched: the (n-1)/n jackknife without the
    # finite-sample factor, where e_i / (1 - h_i) is the leave-one-out prediction error.
    d = _docs({"a": 12, "b": 9}, seed=3)
    out = estimate_effect(d, ["y"], ["source"], reference={"source": "a"})
    X, y = _design(d), d["y"].to_numpy()
    loo = []
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        b = np.linalg.lstsq(X[keep], y[keep], rcond=None)[0]
        loo.append(y[i] - X[i] @ b)
    loo = np.array(loo)
    xtx_inv = np.linalg.inv(X.T @ X)
    meat = (X * loo[:, None] ** 2).T @ X
    se = np.sqrt(np.diag(xtx_inv @ meat @ xtx_inv))
    assert out["std_error"].to_numpy() == pytest.approx(se, rel=1e-8)


def test_intervals_use_t_quantiles():
    from scipy import stats

    d = _docs({"a": 6, "b": 5}, seed=4)
    out = estimate_effect(d, ["y"], ["source"])
    row = out[out["term"] == "(intercept)"].iloc[0]
    half = (row["upper"] - row["lower"]) / 2
    assert half == pytest.approx(stats.t.ppf(0.975, len(d) - 2) * row["std_error"])


def test_a_level_with_one_document_gets_no_interval_not_a_narrow_one():
    d = pd.concat([_docs({"a": 30, "b": 30}, seed=2),
                   pd.DataFrame([{"doc_id": "z0", "source": "z", "y": 5.0,
                                  "date": pd.Timestamp("2012-06-01")}])])
    with pytest.warns(UserWarning, match="source=z.*leverage 1"):
        out = estimate_effect(d, ["y"], ["source"], reference={"source": "a"})
    z = out[out["term"] == "source=z"].iloc[0]
    assert np.isnan(z["std_error"]) and np.isnan(z["lower"]) and np.isnan(z["upper"])
    b = out[out["term"] == "source=b"].iloc[0]
    assert b["std_error"] > 0


def test_collinear_covariates_are_named():
    d = _docs({"a": 20, "b": 20})
    d["copy"] = d["source"]
    with pytest.raises(SettingsError, match="collinear.*copy=b"):
        estimate_effect(d, ["y"], ["source", "copy"])


def test_cluster_robust_errors_widen_with_correlated_rows():
    # paragraphs of one document share its value: clustering by document must widen the error
    rows = []
    rng = np.random.default_rng(0)
    for i in range(40):
        src = "a" if i < 20 else "b"
        v = rng.normal(1.0 if src == "a" else 1.3, 0.5)
        rows += [{"doc_id": f"d{i}", "source": src, "y": v + rng.normal(0, 0.01)}
                 for _ in range(10)]
    d = pd.DataFrame(rows)
    hc3 = estimate_effect(d, ["y"], ["source"]).set_index("term")
    cl = estimate_effect(d, ["y"], ["source"], se="cluster", cluster="doc_id").set_index("term")
    assert cl.loc["source=b", "std_error"] > 2.5 * hc3.loc["source=b", "std_error"]
    assert cl.loc["source=b", "estimate"] == pytest.approx(hc3.loc["source=b", "estimate"])


def test_reference_level_is_named_in_the_table():
    out = estimate_effect(_docs({"a": 10, "b": 20}), ["y"], ["source", "time"])
    assert out.loc[out["term"] == "source=a", "reference"].item() == "source=b"
    assert out.loc[out["term"].str.startswith("time"), "reference"].isna().all()


def test_method_of_composition_widens_intervals_by_the_scores_uncertainty():
    d = _docs({"a": 50, "b": 50}, seed=7)
    plain = estimate_effect(d, ["y"], ["source"]).set_index("term")

    def draws(rng):
        return (d["y"].to_numpy() + rng.normal(0, 1.0, len(d)))[:, None]

    comp = estimate_effect(d, ["y"], ["source"], draws=draws, n_draws=40).set_index("term")
    w_plain = plain.loc["source=b", "upper"] - plain.loc["source=b", "lower"]
    w_comp = comp.loc["source=b", "upper"] - comp.loc["source=b", "lower"]
    assert w_comp > 1.3 * w_plain
    assert comp.loc["source=b", "estimate"] == pytest.approx(plain.loc["source=b", "estimate"],
                                                              abs=0.15)
