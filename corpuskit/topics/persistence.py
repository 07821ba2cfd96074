"""Saving and loading topic models: ``model.npz`` (arrays) and ``model.json`` (settings,
vocabulary, metadata, provenance). No pickle: a saved model is safe to receive from someone else."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._versions import library_versions
from ..errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from .model import TopicModel

__all__ = ["save_model", "load_model", "FORMAT_VERSION"]

FORMAT_VERSION = 1


def save_model(model: TopicModel, directory: str | Path) -> Path:
    """Write a fitted model to a folder (see :meth:`TopicModel.save`)."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {"components": model.components_}
    if getattr(model, "doc_topic_", None) is not None:
        arrays["doc_topic"] = model.doc_topic_
    if getattr(model, "doc_topic_concentration_", None) is not None:
        arrays["doc_topic_concentration"] = model.doc_topic_concentration_
    est = model.estimator_
    if model.method == "lda":
        arrays["lda_components"] = est.components_
    else:
        arrays["nmf_components"] = est.components_
        arrays["idf"] = model.tfidf_.idf_
    np.savez_compressed(d / "model.npz", **arrays)
    meta = {
        "format": "corpuskit.TopicModel", "format_version": FORMAT_VERSION,
        "params": model.get_params(), "n_iter": int(getattr(model, "n_iter_", 0)),
        "lda": {"doc_topic_prior": float(est.doc_topic_prior_),
                "topic_word_prior": float(est.topic_word_prior_),
                "n_batch_iter": int(getattr(est, "n_batch_iter_", 1))}
        if model.method == "lda" else None,
        "vocabulary": [str(t) for t in model.vocabulary_],
        "surface": [str(t) for t in model.surface_],
        "term_freq": None if getattr(model, "term_freq_", None) is None
        else [float(x) for x in model.term_freq_],
        "doc_ids": [str(t) for t in model.doc_ids_],
        "unit_ids": None if model.unit_ids_ is None else [str(t) for t in model.unit_ids_],
        "meta": json.loads(model.meta_.to_json(orient="split", date_format="iso",
                                               force_ascii=False)),
        "topic_labels": {str(t): lab for t, lab in getattr(model, "topic_labels_", {}).items()},
        "dtm_settings": model.dtm_settings_,
        "versions": library_versions(),
    }
    (d / "model.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1, default=str),
                                  encoding="utf-8")
    return d


def load_model(cls: type[TopicModel], directory: str | Path) -> TopicModel:
    """Read a model written by :func:`save_model`."""
    d = Path(directory)
    if not d.is_dir():
        raise InputError(f"{d}: no such model folder (write one with model.save(folder))")
    for name in ("model.json", "model.npz"):
        if not (d / name).is_file():
            raise InputError(f"{d}: {name} is missing; this is not a complete corpuskit "
                             "topic model folder")
    try:
        meta = json.loads((d / "model.json").read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{d / 'model.json'}: not valid JSON ({exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != "corpuskit.TopicModel":
        raise InputError(f"{d / 'model.json'}: not a corpuskit topic model")
    version = meta.get("format_version")
    if version != FORMAT_VERSION:
        raise InputError(f"{d}: written in model format {version}, this corpuskit reads "
                         f"format {FORMAT_VERSION}; refit the model or use the corpuskit "
                         f"version that wrote it ({meta.get('versions', {}).get('corpuskit')})")
    try:
        return _build(cls, d, meta)
    except (KeyError, TypeError, ValueError, OSError) as exc:
        raise InputError(f"{d}: a damaged topic model folder ({type(exc).__name__}: "
                         f"{exc})") from None


def _build(cls: type[TopicModel], d: Path, meta: dict) -> TopicModel:
    model = cls(**meta["params"])
    with np.load(d / "model.npz", allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    model.components_ = arrays["components"]
    model.doc_topic_ = arrays.get("doc_topic")
    model.doc_topic_concentration_ = arrays.get("doc_topic_concentration")
    model.n_iter_ = meta.get("n_iter", 0)
    model.vocabulary_ = np.asarray(meta["vocabulary"], dtype=object).astype(str)
    model.surface_ = np.asarray(meta["surface"], dtype=object).astype(str)
    tf = meta.get("term_freq")
    model.term_freq_ = None if tf is None else np.asarray(tf, dtype=float)
    model.doc_ids_ = np.asarray(meta["doc_ids"], dtype=object)
    model.unit_ids_ = None if meta["unit_ids"] is None else np.asarray(meta["unit_ids"],
                                                                      dtype=object)
    m = meta["meta"]
    model.meta_ = pd.DataFrame(m["data"], columns=m["columns"])
    if "date" in model.meta_:
        model.meta_["date"] = pd.to_datetime(model.meta_["date"])
    model.topic_labels_ = {int(t): lab for t, lab in (meta.get("topic_labels") or {}).items()}
    model.dtm_settings_ = meta["dtm_settings"]
    k, v = model.components_.shape
    if model.method == "lda":
        from sklearn.decomposition._lda import _dirichlet_expectation_2d

        est = model._new_lda(k, len(model.doc_ids_))
        est.components_ = arrays["lda_components"]
        est.exp_dirichlet_component_ = np.exp(_dirichlet_expectation_2d(est.components_))
        est.doc_topic_prior_ = meta["lda"]["doc_topic_prior"]
        est.topic_word_prior_ = meta["lda"]["topic_word_prior"]
        est.n_batch_iter_ = meta["lda"]["n_batch_iter"]
        est.n_features_in_ = v
        est.n_iter_ = model.n_iter_
        est.random_state_ = np.random.RandomState(model.seed)
        model.estimator_ = est
    else:
        from sklearn.decomposition import NMF
        from sklearn.feature_extraction.text import TfidfTransformer

        est = NMF(n_components=k)
        est.components_ = arrays["nmf_components"]
        est.n_components_ = k
        model.estimator_ = est
        tfidf = TfidfTransformer(sublinear_tf=True)
        tfidf.idf_ = arrays["idf"]
        tfidf.n_features_in_ = v
        model.tfidf_ = tfidf
    model._train_X = None
    return model
