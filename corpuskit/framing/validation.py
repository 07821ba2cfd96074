"""Checking framing against hand coding: loading coded paragraphs, agreement, precision and
recall, samples to code, keyword in context, and keyness."""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..errors import SettingsError
from .model import LABELS

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["load_coding", "agreement", "evaluate_frames", "coding_sample", "read_coding",
           "kwic", "keyness", "paragraph_hash"]


def paragraph_hash(text: str) -> str:
    """BLAKE2b-64 of the stripped paragraph: how coding files check they point at the same text."""
    return hashlib.blake2b(text.strip().encode("utf-8"), digest_size=8).hexdigest()


def _paragraphs(content: str | None) -> list[str]:
    return [b.strip() for b in (content or "").split("\n\n") if b.strip()]


def load_coding(path: str | Path, *, corpus_dir: str | Path | None = None,
                corpus: Corpus | None = None) -> pd.DataFrame:
    """A coding file with the paragraphs' text filled in.

    Coding files store references, never third-party text: SaudiNewsNet paragraphs as ``file``,
    ``article`` (index in the file's JSON array), ``paragraph`` (index among the blank-line
    separated blocks of ``content``) and ``hash``, read from ``corpus_dir``; paragraphs of a
    corpus as ``doc_id``, ``unit_id``, ``hash``, read from ``corpus``. Rows whose reference is
    missing, whose text changed (hash), or whose labels are not the codebook's are left out and
    listed in ``attrs["problems"]`` (row number and reason), with a warning.
    """
    table = pd.read_csv(path, dtype=str).fillna("")
    problems: list[dict] = []
    texts: list[str | None] = []
    cache: dict[str, list] = {}
    units = corpus.units("paragraph").set_index("unit_id")["text"] if corpus is not None else None
    for i, r in enumerate(table.to_dict("records"), 2):
        text = None
        try:
            if "file" in r and r.get("file"):
                if corpus_dir is None:
                    raise SettingsError("corpus_dir= is needed to read SaudiNewsNet references")
                f = Path(corpus_dir) / r["file"]
                if r["file"] not in cache:
                    cache[r["file"]] = json.loads(f.read_text(encoding="utf-8"))
                text = _paragraphs(cache[r["file"]][int(r["article"])].get("content"))[
                    int(r["paragraph"])]
            elif units is not None:
                text = units[r["unit_id"]]
            else:
                raise SettingsError("corpus= is needed for doc_id/unit_id references")
        except (FileNotFoundError, IndexError, KeyError, ValueError) as exc:
            problems.append({"row": i, "problem": f"missing reference ({type(exc).__name__}: "
                                                  f"{exc})"})
        if text is not None and r.get("hash") and paragraph_hash(text) != r["hash"]:
            problems.append({"row": i, "problem": "the paragraph's text changed (hash)"})
            text = None
        for col in [c for c in ("coder_a", "coder_b", "label") if c in r]:
            if r[col] and r[col] not in LABELS:
                problems.append({"row": i, "problem": f"unknown label {r[col]!r} in {col}"})
                text = None
        texts.append(text)
    table["text"] = texts
    out = table[table["text"].notna()].reset_index(drop=True)
    out.attrs["problems"] = problems  # a list of {row, problem}
    if problems:
        warnings.warn(f"{path}: {len(problems)} coded rows left out; see .attrs['problems']",
                      UserWarning, stacklevel=2)
    return out


def agreement(a: Sequence[str], b: Sequence[str]) -> dict[str, float]:
    """Agreement of two codings of the same units: raw share, Cohen's kappa, Krippendorff's
    alpha (nominal)."""
    import krippendorff
    from sklearn.metrics import cohen_kappa_score

    a, b = [str(x) for x in a], [str(x) for x in b]
    if len(a) != len(b) or not a:
        raise SettingsError("agreement needs two codings of the same, non-empty set of units")
    labels = sorted(set(a) | set(b))
    data = np.array([[labels.index(x) for x in a], [labels.index(x) for x in b]], dtype=float)
    alpha = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal") \
        if len(labels) > 1 else 1.0
    return {"units": len(a), "agreement": float(np.mean(np.array(a) == np.array(b))),
            "kappa": float(cohen_kappa_score(a, b)) if len(labels) > 1 else 1.0,
            "alpha": float(alpha)}


def evaluate_frames(predicted: Sequence[str], gold: Sequence[str],
                    frames: Sequence[str] = ("military", "diplomatic", "none")) -> dict:
    """Precision, recall and F1 per frame, their macro average over ``frames``, and the
    confusion matrix (rows: gold, columns: predicted). Labels may be the codebook's
    (both, neither) or corpuskit's (mixed, none)."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    to = {"both": "mixed", "neither": "none"}
    p = [to.get(str(x), str(x)) for x in predicted]
    g = [to.get(str(x), str(x)) for x in gold]
    order = ["military", "diplomatic", "mixed", "none"]
    prec, rec, f1, sup = precision_recall_fscore_support(g, p, labels=order, zero_division=0)
    scores = pd.DataFrame({"frame": order, "precision": prec, "recall": rec, "f1": f1,
                           "support": sup})
    macro = float(scores.set_index("frame").loc[list(frames), "f1"].mean())
    conf = pd.DataFrame(confusion_matrix(g, p, labels=order), index=pd.Index(order, name="gold"),
                        columns=pd.Index(order, name="predicted"))
    return {"scores": scores, "macro_f1": macro, "confusion": conf,
            "agreement": agreement(p, g)}


def coding_sample(frames: pd.DataFrame, n: int = 200, *, seed: int = 0,
                  path: str | Path | None = None, coders: Sequence[str] = ("coder_a", "coder_b")
                  ) -> pd.DataFrame:
    """A sample of units to code by hand, stratified by the method's frame (so that rare
    frames are represented), shuffled, with empty coder columns; written to CSV if ``path``."""
    if "frame" not in frames:
        raise SettingsError("coding_sample takes a frame_scores() table")
    rng = np.random.default_rng(seed)
    groups = [g for _, g in frames.groupby("frame", sort=True)]
    per = max(1, n // max(1, len(groups)))
    picked = pd.concat([g.iloc[rng.permutation(len(g))[:per]] for g in groups])
    if len(picked) < n:  # a rare frame had fewer units than its share: top up from the rest
        rest = frames.drop(index=picked.index)
        picked = pd.concat([picked, rest.iloc[rng.permutation(len(rest))[:n - len(picked)]]])
    sample = picked.iloc[rng.permutation(len(picked))][:n]
    out = sample[["doc_id", "unit_id", "text"]].reset_index(drop=True)
    out["hash"] = [paragraph_hash(t) for t in out["text"]]
    for c in coders:
        out[c] = ""
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        out.to_csv(path, index=False)
    return out


def read_coding(path: str | Path, coders: Sequence[str] = ("coder_a", "coder_b")) -> pd.DataFrame:
    """A coding sample filled in by hand (:func:`coding_sample`), checked: unknown labels and
    uncoded rows are reported by row in ``attrs["problems"]`` and left out."""
    t = pd.read_csv(path, dtype=str).fillna("")
    problems = []
    keep = np.ones(len(t), dtype=bool)
    for i, r in enumerate(t.to_dict("records")):
        for c in coders:
            v = r.get(c, "").strip().lower()
            if not v:
                problems.append({"row": i + 2, "problem": f"{c} is empty"})
                keep[i] = False
            elif v not in LABELS:
                problems.append({"row": i + 2, "problem": f"unknown label {v!r} in {c}"})
                keep[i] = False
            else:
                t.at[i, c] = v
    out = t[keep].reset_index(drop=True)
    out.attrs["problems"] = problems  # a list of {row, problem}
    return out


def kwic(corpus: Corpus, pattern: str, window: int = 6, *, lexicon_entry: bool = True,
         limit: int | None = 200) -> pd.DataFrame:
    """Keyword in context on the original text: every match of ``pattern`` with ``window``
    words on each side. ``pattern`` is a lexicon entry (clitic-aware, ``*`` for any ending,
    several words) or, with ``lexicon_entry=False``, a regular expression."""
    from ..matching import Dictionary

    rows = []
    d = Dictionary([(pattern, 0)], strip_article=True) if lexicon_entry else None
    rx = None if lexicon_entry else re.compile(pattern)
    for doc_id, text in zip(corpus.docs["doc_id"], corpus.docs["text"]):
        spans = ([(m.start, m.end) for m in d.finditer(text)] if d is not None
                 else [m.span() for m in rx.finditer(text)])
        for a, b in spans:
            left = text[:a].split()[-window:]
            right = text[b:].split()[:window]
            rows.append({"doc_id": doc_id, "start": a, "end": b, "left": " ".join(left),
                         "match": text[a:b], "right": " ".join(right)})
            if limit is not None and len(rows) >= limit:
                return pd.DataFrame(rows)
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "left", "match", "right"])


def keyness(texts_a: Sequence[str], texts_b: Sequence[str], *, prior: float = 0.01,
            min_count: int = 5, top: int | None = 30) -> pd.DataFrame:
    """Words that set group A apart from group B: the log-odds ratio with an informative
    Dirichlet prior (Monroe, Colaresi and Quinn 2008), as a z-score.

    Counts are the Arabic analyzer's terms (shown by their most frequent written form). The
    prior is ``prior`` times the words' frequencies in both groups together. Returns ``term``,
    ``surface``, ``count_a``, ``count_b``, ``log_odds``, ``z``; the top ``top`` of each side
    (positive z: typical of A)."""
    from ..corpus import Corpus
    from ..features import document_term_matrix

    docs = pd.DataFrame({"doc_id": [f"a{i}" for i in range(len(texts_a))]
                         + [f"b{i}" for i in range(len(texts_b))],
                         "text": list(texts_a) + list(texts_b)})
    dtm = document_term_matrix(Corpus(docs), min_df=1, max_df=1.0, meta=[])
    na = len(texts_a)
    ya = np.asarray(dtm.matrix[:na].sum(axis=0)).ravel()
    yb = np.asarray(dtm.matrix[na:].sum(axis=0)).ravel()
    alpha = prior * (ya + yb) + 1e-9
    a0, na_, nb_ = alpha.sum(), ya.sum(), yb.sum()
    delta = (np.log((ya + alpha) / (na_ + a0 - ya - alpha))
             - np.log((yb + alpha) / (nb_ + a0 - yb - alpha)))
    var = 1 / (ya + alpha) + 1 / (yb + alpha)
    z = delta / np.sqrt(var)
    out = pd.DataFrame({"term": dtm.vocabulary, "surface": dtm.surface, "count_a": ya.astype(int),
                        "count_b": yb.astype(int), "log_odds": delta, "z": z})
    out = out[(out["count_a"] + out["count_b"]) >= min_count]
    out = out.sort_values("z", ascending=False)
    if top is not None:
        out = pd.concat([out.head(top), out.tail(top)]).drop_duplicates("term")
    return out.reset_index(drop=True)
