"""Frame scores per sentence, paragraph or document: transparent lexicon counts and the
supervised model's probabilities, in one tidy table."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import SettingsError
from ..matching import TOKEN
from .lexicon import Lexicon, load_lexicon
from .model import FrameModel

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["frame_scores", "lexicon_counts", "CODE_TO_FRAME", "METHODS", "DEFAULT_METHOD"]

METHODS = ("combined", "supervised", "lexicon")
DEFAULT_METHOD = "combined"   # validates best on the held-out coded paragraphs (README)
CODE_TO_FRAME = {"military": "military", "diplomatic": "diplomatic", "both": "mixed",
                 "neither": "none"}
# The lexicon's decision rule, chosen on the coded *training* paragraphs: a unit with less than
# MIN_WEIGHT of frame words is "none"; otherwise the frame with RATIO times the other's weight,
# else "mixed".
MIN_WEIGHT = 2.0
RATIO = 1.5


@functools.lru_cache(maxsize=1)
def _bundled_lexicon() -> Lexicon:
    return load_lexicon()


@functools.lru_cache(maxsize=1)
def _bundled_model() -> FrameModel:
    return FrameModel.load()


def _units(corpus: Corpus, unit: str) -> pd.DataFrame:
    if unit == "document":
        return pd.DataFrame({"doc_id": corpus.docs["doc_id"].to_numpy(),
                             "unit_id": corpus.docs["doc_id"].to_numpy(),
                             "text": corpus.full_texts()})
    if unit not in ("paragraph", "sentence"):
        raise SettingsError(f"unit={unit!r}: choose 'sentence', 'paragraph' or 'document'")
    return corpus.units(unit, include_title=False)[["doc_id", "unit_id", "text"]]


def lexicon_counts(texts: list[str], lexicon: Lexicon) -> pd.DataFrame:
    """Weighted lexicon hits per text: one column per frame and per ``frame:category``, and the
    number of words (``tokens``)."""
    d = lexicon.dictionary()
    e = lexicon.entries
    frame = e["frame"].to_numpy()
    cat = (e["frame"] + ":" + e["category"]).to_numpy()
    weight = e["weight"].to_numpy(dtype=float)
    cats = [f"{f}:{c}" for f, c in lexicon.categories]
    col = {c: i for i, c in enumerate(cats)}
    out = np.zeros((len(texts), len(cats) + 2))
    tokens = np.zeros(len(texts), dtype=np.int64)
    fcol = {"diplomatic": len(cats), "military": len(cats) + 1}
    count_words = TOKEN.findall
    for r, text in enumerate(texts):
        if not text:
            continue
        tokens[r] = len(count_words(text))
        for found in d.payloads(text):
            p = found[0]
            out[r, col[cat[p]]] += weight[p]
            out[r, fcol[frame[p]]] += weight[p]
    table = pd.DataFrame(out, columns=[*cats, "diplomatic", "military"])
    table["tokens"] = tokens
    return table


PARALLEL_FROM = 4000  # units; below this the model runs in this process


_WORKER_MODEL: FrameModel | None = None  # set before the workers fork: they inherit it


def _predict_chunk(texts: list[str]) -> np.ndarray:
    assert _WORKER_MODEL is not None
    return _predict(_WORKER_MODEL, texts)


PREDICT_CHUNK = 4000  # units the model scores at a time: its features stay small in memory


def _predict(clf: FrameModel, texts: list[str]) -> np.ndarray:
    """The model's probabilities, ``PREDICT_CHUNK`` units at a time (each unit is scored on
    its own, so the result is the same; the memory for features is bounded)."""
    if len(texts) <= PREDICT_CHUNK:
        return clf.predict_proba(texts)
    return np.vstack([clf.predict_proba(texts[i:i + PREDICT_CHUNK])
                      for i in range(0, len(texts), PREDICT_CHUNK)])


# With two cores, one worker takes this share of the model's work; this process counts the
# lexicon and then scores the rest, so that both cores finish at about the same time.
WORKER_SHARE = 0.62


def _predict_in_background(clf: FrameModel, texts: list[str]):  # noqa: ANN202
    """Start the model on a worker process (forked: it shares the loaded model) for part of
    the units while this process counts lexicon hits and then scores the rest; returns a
    function that gives the probabilities of all units. Small inputs, machines with one core,
    and platforms without fork run the model in place, later."""
    import multiprocessing as mp
    import os

    if len(texts) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or \
            "fork" not in mp.get_all_start_methods() or mp.parent_process() is not None:
        return None  # (a worker of an engine already runs beside the others: no second one)
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_MODEL
    _WORKER_MODEL = clf
    live = [t if t else " " for t in texts]  # empty units are overwritten as "none" later
    cut = int(len(live) * WORKER_SHARE)
    pool = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork"))
    future = pool.submit(_predict_chunk, live[:cut])

    def wait() -> np.ndarray:
        try:
            rest = _predict(clf, live[cut:])
            return np.vstack([future.result(), rest])
        finally:
            pool.shutdown()

    return wait


def _lexicon_frame(dip: np.ndarray, mil: np.ndarray) -> np.ndarray:
    total = dip + mil
    out = np.where(mil >= RATIO * dip, "military",
                   np.where(dip >= RATIO * mil, "diplomatic", "mixed")).astype(object)
    out[total < MIN_WEIGHT] = "none"
    return out


def _lexicon_veto(frame: np.ndarray, dip: np.ndarray,
                  mil: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The combined method's one rule: where the lexicon finds a single frame with at least
    MIN_WEIGHT of words and none of the other, the model may not call the unit the *other*
    frame (it may still say ``none`` or ``mixed``). Returns the frames and which were changed."""
    frame = frame.copy()
    to_mil = (mil >= MIN_WEIGHT) & (dip == 0) & (frame == "diplomatic")
    to_dip = (dip >= MIN_WEIGHT) & (mil == 0) & (frame == "military")
    frame[to_mil] = "military"
    frame[to_dip] = "diplomatic"
    return frame, to_mil | to_dip


def frame_scores(corpus: Corpus, unit: str = "paragraph", method: str = DEFAULT_METHOD,
                 lexicon: Lexicon | str | None = None, model: FrameModel | str | None = None,
                 meta: bool | list[str] = True, *, engine: Any = None,
                 workers: int | None = None, part_size: int = 5000,
                 out: str | Path | None = None) -> pd.DataFrame:
    """Diplomatic and military framing of every unit.

    Args:
        corpus: a loaded corpus.
        unit: ``"sentence"``, ``"paragraph"`` (the unit the codebook and the validation use) or
            ``"document"``.
        method: ``"combined"`` (the default: the supervised model, except that it may not
            give a unit the frame opposite to a one-sided lexicon reading of at least 2.0
            words; ``overruled`` marks those units), ``"supervised"`` (the bundled model, or
            ``model``, alone) or ``"lexicon"`` (transparent weighted counts and a fixed rule).
        lexicon: a :class:`Lexicon` or the path of your CSV/YAML lexicon (the counts are in
            the table whichever the method).
        model: a :class:`FrameModel` (e.g. from :func:`train_frame_model`) or its folder.
        meta: join document metadata (``date`` and ``source`` by default).
        engine, workers, part_size: run part by part on an engine (``"local"`` worker
            processes, ``"serial"``, ``"dask"`` or a Dask ``Client``); a
            :class:`~corpuskit.store.DiskCorpus` always runs part by part. Each unit's scores
            depend on the unit alone, so the table is the one a whole-corpus call gives.
        out: write the table to this folder part by part and return it as a
            :class:`~corpuskit.parts.TableOnDisk` (``.read()`` gives the DataFrame).

    Returns:
        One row per unit: ``doc_id``, ``unit_id``, ``text`` (the unit as written), weighted
        counts per frame (``diplomatic``, ``military``) and per sub-category
        (``military:sieges`` ...), ``tokens``, ``diplomatic_rate`` and ``military_rate`` (per
        1,000 words), ``balance`` = log((diplomatic + 0.5) / (military + 0.5)) (Lowe et al.
        2011: positive leans diplomatic), ``p_military``, ``p_diplomatic``, ``p_mixed``,
        ``p_none`` (supervised and combined), ``frame`` (``diplomatic``, ``military``,
        ``mixed``, ``none``), ``overruled`` (combined: the lexicon changed the model's frame)
        and ``method``. An empty unit is ``none`` with zero counts.
    """
    if method not in METHODS:
        raise SettingsError(f"method={method!r}: choose one of {', '.join(METHODS)}")
    from ..parts import map_parts, wants_parts, write_parts

    if wants_parts(corpus, engine) or out is not None:
        lx = load_lexicon(lexicon) if isinstance(lexicon, (str, Path)) else lexicon
        md = FrameModel.load(model) if isinstance(model, (str, Path)) else model
        if out is not None:
            return write_parts(frame_scores, corpus, out, "frames", unit, method, lx, md, meta,
                               engine=engine, workers=workers, part_size=part_size)
        outs = map_parts(frame_scores, corpus, unit, method, lx, md, meta, engine=engine,
                         workers=workers, part_size=part_size)
        out = pd.concat(outs, ignore_index=True)
        out.attrs = outs[0].attrs
        return out
    lex = lexicon if isinstance(lexicon, Lexicon) else (
        _bundled_lexicon() if lexicon is None else load_lexicon(lexicon))
    units = _units(corpus, unit).reset_index(drop=True)
    texts = units["text"].fillna("").tolist()
    clf = None
    pending = None
    if method in ("supervised", "combined"):
        clf = model if isinstance(model, FrameModel) else (
            _bundled_model() if model is None else FrameModel.load(model))
        pending = _predict_in_background(clf, texts)
    counts = lexicon_counts(texts, lex)
    out = pd.concat([units, counts], axis=1)
    per = np.maximum(out["tokens"].to_numpy(), 1)
    out["diplomatic_rate"] = 1000 * out["diplomatic"] / per
    out["military_rate"] = 1000 * out["military"] / per
    out["balance"] = np.log((out["diplomatic"] + 0.5) / (out["military"] + 0.5))
    empty = out["tokens"].to_numpy() == 0
    probs = {f"p_{f}": np.full(len(out), np.nan) for f in ("military", "diplomatic", "mixed",
                                                           "none")}
    overruled = np.zeros(len(out), dtype=bool)
    if method in ("supervised", "combined"):
        live = np.flatnonzero(~empty)
        p = pending() if pending is not None else _predict(clf, [texts[i] for i in live])
        p = p[live] if len(p) == len(texts) else p
        for j, c in enumerate(clf.classes_):
            name = f"p_{CODE_TO_FRAME[c]}"
            probs[name][live] = p[:, j]
        for k in probs:
            probs[k][empty] = 1.0 if k == "p_none" else 0.0
            probs[k] = np.nan_to_num(probs[k], nan=0.0)
        stack = np.column_stack([probs[f"p_{f}"] for f in ("military", "diplomatic", "mixed",
                                                          "none")])
        frames = np.array(["military", "diplomatic", "mixed", "none"], dtype=object)
        out = out.assign(**probs)
        out["frame"] = frames[stack.argmax(axis=1)]
        if method == "combined":
            out["frame"], overruled = _lexicon_veto(out["frame"].to_numpy(),
                                                    out["diplomatic"].to_numpy(),
                                                    out["military"].to_numpy())
    else:
        out = out.assign(**probs)
        out["frame"] = _lexicon_frame(out["diplomatic"].to_numpy(), out["military"].to_numpy())
    out.loc[empty, "frame"] = "none"
    out["overruled"] = overruled & ~empty
    out["method"] = method
    if meta:
        cols = [c for c in (["date", "source"] if meta is True else list(meta))
                if c in corpus.docs and c not in out]
        if cols:
            out = out.merge(corpus.docs[["doc_id", *cols]], on="doc_id", how="left")
    out.attrs = {"unit": unit, "method": method, "lexicon": {"version": lex.version,
                                                             "fingerprint": lex.fingerprint}}
    return out
