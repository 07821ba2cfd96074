"""The supervised framing model: word and character n-gram TF-IDF and a logistic regression.

It is stored as plain arrays and JSON (vocabularies, IDF weights, coefficients), never pickle, so
it is safe to receive, and it is shipped with the package (``resources/framing_model/``),
trained on the hand-coded *training* paragraphs of SaudiNewsNet and the coded sample-corpus
paragraphs. :func:`train_frame_model` retrains it on a researcher's own coding.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from .._versions import library_versions
from ..errors import InputError, SettingsError

__all__ = ["FrameModel", "train_frame_model", "LABELS"]

LABELS = ("military", "diplomatic", "both", "neither")   # the codebook's labels
_FORMAT = 1


def _normalizer():  # noqa: ANN202
    from ..arabic.normalization import get_normalizer

    return get_normalizer("default")


class FrameModel:
    """A fitted framing classifier: ``predict_proba(texts)`` over :data:`LABELS` present in
    the training coding (``classes_``)."""

    def __init__(self, C: float = 10.0, word_ngrams: tuple[int, int] = (1, 2),
                 char_ngrams: tuple[int, int] = (3, 5), min_df: int = 2, seed: int = 0):
        self.C, self.word_ngrams, self.char_ngrams = C, tuple(word_ngrams), tuple(char_ngrams)
        self.min_df, self.seed = min_df, seed

    # -------------------------------------------------------------- features
    def _vectorizers(self):  # noqa: ANN202
        from sklearn.feature_extraction.text import TfidfVectorizer

        from ..features import ArabicAnalyzer

        norm = _normalizer()
        word = TfidfVectorizer(analyzer=ArabicAnalyzer(ngrams=self.word_ngrams),
                               min_df=self.min_df, sublinear_tf=True)
        char = TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams,
                               min_df=self.min_df, sublinear_tf=True, preprocessor=norm)
        return word, char

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> FrameModel:
        from sklearn.linear_model import LogisticRegression

        labels = [str(x) for x in labels]
        bad = sorted(set(labels) - set(LABELS))
        if bad:
            raise SettingsError(f"unknown labels {bad}; the codebook's labels are {LABELS}")
        if len(set(labels)) < 2:
            raise SettingsError("training needs at least two different labels")
        word, char = self._vectorizers()
        X = sp.hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
        clf = LogisticRegression(C=self.C, max_iter=5000, class_weight="balanced",
                                 random_state=self.seed).fit(X, labels)
        self._word, self._char, self._clf = word, char, clf
        self._fast_char = None   # built from the new character vocabulary on first use
        self.classes_ = [str(c) for c in clf.classes_]
        self.n_train_ = len(labels)
        return self

    def _matrix(self, texts: Sequence[str]) -> sp.csr_matrix:
        if getattr(self, "_fast_char", None) is None:
            self._fast_char = _CharNgrams(self._char)
        return sp.hstack([self._word.transform(texts), self._fast_char.transform(texts)]).tocsr()

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Rows × classes probabilities (``classes_`` order)."""
        if not hasattr(self, "_clf"):
            raise SettingsError("this FrameModel is not trained: fit() or load() it first")
        texts = list(texts)
        if not texts:
            return np.zeros((0, len(self.classes_)))
        return self._clf.predict_proba(self._matrix(texts))

    def predict(self, texts: Sequence[str]) -> list[str]:
        p = self.predict_proba(texts)
        return [self.classes_[i] for i in p.argmax(axis=1)]

    # -------------------------------------------------------------- persistence (no pickle)
    def save(self, directory: str | Path) -> Path:
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(d / "model.npz", word_idf=self._word.idf_,
                            char_idf=self._char.idf_, coef=self._clf.coef_,
                            intercept=self._clf.intercept_)
        meta = {"format": "corpuskit.FrameModel", "format_version": _FORMAT,
                "params": {"C": self.C, "word_ngrams": list(self.word_ngrams),
                           "char_ngrams": list(self.char_ngrams), "min_df": self.min_df,
                           "seed": self.seed},
                "classes": self.classes_, "n_train": self.n_train_,
                "word_vocabulary": sorted(self._word.vocabulary_, key=self._word.vocabulary_.get),
                "char_vocabulary": sorted(self._char.vocabulary_, key=self._char.vocabulary_.get),
                "versions": library_versions()}
        (d / "model.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        return d

    @classmethod
    def load(cls, directory: str | Path | None = None) -> FrameModel:
        """A saved model, or the bundled one (``None``)."""
        from sklearn.linear_model import LogisticRegression

        if directory is None:
            base = resources.files("corpuskit.resources").joinpath("framing_model")
            meta_text = base.joinpath("model.json").read_text(encoding="utf-8")
            with resources.as_file(base.joinpath("model.npz")) as npz:
                arrays = dict(np.load(npz, allow_pickle=False))
        else:
            d = Path(directory)
            if not (d / "model.json").is_file() or not (d / "model.npz").is_file():
                raise InputError(f"{d}: not a framing model folder (model.json, model.npz)")
            meta_text = (d / "model.json").read_text(encoding="utf-8")
            arrays = dict(np.load(d / "model.npz", allow_pickle=False))
        meta = json.loads(meta_text)
        if meta.get("format") != "corpuskit.FrameModel" or meta.get("format_version") != _FORMAT:
            raise InputError("not a corpuskit framing model of this version")
        p = meta["params"]
        m = cls(C=p["C"], word_ngrams=tuple(p["word_ngrams"]), char_ngrams=tuple(p["char_ngrams"]),
                min_df=p["min_df"], seed=p["seed"])
        word, char = m._vectorizers()
        for vec, vocab, idf in ((word, meta["word_vocabulary"], arrays["word_idf"]),
                                (char, meta["char_vocabulary"], arrays["char_idf"])):
            vec.vocabulary_ = {t: i for i, t in enumerate(vocab)}
            vec.fixed_vocabulary_ = True
            vec.idf_ = idf
        clf = LogisticRegression()
        clf.classes_ = np.asarray(meta["classes"])
        clf.coef_, clf.intercept_ = arrays["coef"], arrays["intercept"]
        clf.n_features_in_ = arrays["coef"].shape[1]
        m._word, m._char, m._clf = word, char, clf
        m.classes_, m.n_train_ = list(meta["classes"]), meta.get("n_train")
        return m


_WHITE = re.compile(r"\s\s+")


class _CharNgrams:
    """The fitted character n-gram TF-IDF of a model, computed with a cache per word type.

    scikit-learn builds every character n-gram of every word in Python; news repeats its words,
    so each word type's n-gram columns are found once and reused. The result equals
    ``vectorizer.transform`` (tested), about five times faster on real news."""

    def __init__(self, vec):  # noqa: ANN001 - a fitted TfidfVectorizer(analyzer="char_wb")
        self.vocab, self.idf = vec.vocabulary_, vec.idf_
        self.lo, self.hi = vec.ngram_range
        self.pre = vec.preprocessor
        self.cache: dict[str, list[int]] = {}

    def _cols(self, word: str) -> list[int]:
        # exactly scikit-learn's _char_wb_ngrams: a word shorter than n counts once, whole
        w = f" {word} "
        out = []
        get = self.vocab.get
        for n in range(self.lo, self.hi + 1):
            last = max(len(w) - n, 0)
            for i in range(last + 1):
                j = get(w[i:i + n])
                if j is not None:
                    out.append(j)
            if last == 0:
                break
        return out

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        import pandas as pd
        from sklearn.preprocessing import normalize

        words = [_WHITE.sub(" ", self.pre(t)).split() for t in texts]
        lengths = np.fromiter((len(w) for w in words), dtype=np.int64, count=len(words))
        flat = [w for ws in words for w in ws]
        n_feat = len(self.idf)
        if not flat:
            return sp.csr_matrix((len(texts), n_feat))
        codes, types = pd.factorize(pd.Series(flat, dtype=object))
        rows = np.repeat(np.arange(len(texts)), lengths)
        # paragraphs × word types (counts), then word types × n-gram columns (counts)
        P = sp.csr_matrix((np.ones(len(codes)), (rows, codes)), shape=(len(texts), len(types)))
        cache, cols = self.cache, self._cols
        per_type = []
        for w in types:
            c = cache.get(w)
            if c is None:
                c = cache[w] = cols(w)
            per_type.append(c)
        counts = np.fromiter((len(c) for c in per_type), dtype=np.int64, count=len(per_type))
        T = sp.csr_matrix((np.ones(int(counts.sum())),
                           np.fromiter((j for c in per_type for j in c), dtype=np.int64,
                                       count=int(counts.sum())),
                           np.concatenate([[0], np.cumsum(counts)])),
                          shape=(len(types), n_feat))
        T.sum_duplicates()
        X = (P @ T).tocsr()
        X.data = np.log(X.data) + 1.0          # sublinear tf
        X = X @ sp.diags(self.idf)
        return normalize(X, norm="l2", copy=False).tocsr()


def train_frame_model(texts: Sequence[str], labels: Sequence[str], **params: float) -> FrameModel:
    """Train a framing model on your own coding (labels of the codebook: military, diplomatic,
    both, neither); its predictions come out of :func:`frame_scores` in the same table."""
    return FrameModel(**params).fit(list(texts), list(labels))


def cross_validate(texts: Sequence[str], labels: Sequence[str], folds: int = 5, seed: int = 0,
                   **params: float) -> dict:
    """Stratified k-fold cross-validation of the supervised model on a coding: each fold is
    predicted by a model trained on the others. Returns ``folds`` (macro-F1 of each fold) and
    the pooled :func:`~corpuskit.framing.evaluate_frames` result of all out-of-fold
    predictions (``scores``, ``macro_f1``, ``confusion``, ``agreement``)."""
    from sklearn.model_selection import StratifiedKFold

    from .validation import evaluate_frames

    texts, labels = list(texts), [str(x) for x in labels]
    counts = {c: labels.count(c) for c in set(labels)}
    if min(counts.values()) < folds:  # a label too rare to stratify (e.g. "both"): merge it
        rare = {c for c, n in counts.items() if n < folds}
        strata = ["rare" if c in rare else c for c in labels]
    else:
        strata = labels
    pred = [""] * len(texts)
    per_fold = []
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(texts, strata):
        m = FrameModel(**params).fit([texts[i] for i in train], [labels[i] for i in train])
        out = m.predict([texts[i] for i in test])
        for i, p in zip(test, out):
            pred[i] = p
        per_fold.append(evaluate_frames(out, [labels[i] for i in test])["macro_f1"])
    result = evaluate_frames(pred, labels)
    result["folds"] = per_fold
    return result
