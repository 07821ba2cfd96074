"""Checking the matcher against hand annotation: precision and recall of actor mentions.

Annotation files are JSON Lines, one line per annotated paragraph: ``item``, ``doc_id``,
``unit_id`` (a paragraph of ``corpus.units("paragraph")``), ``hash`` (BLAKE2b-64 of the
paragraph text, to detect that the text changed) and ``mentions``: ``surface`` (as written),
``occurrence`` (which occurrence of that surface in the paragraph), ``actor`` (a name), ``type``;
or, for corpora whose text is not shipped (SaudiNewsNet), ``start``/``end`` (offsets into the
paragraph) and ``sha`` (:func:`span_hash` of the surface) instead of ``surface``.
A mapping table (``gold_actor`` → ``actor_id``) ties the annotators' names to gazetteer ids;
actors the gazetteer lacks keep an id of their own (``gold:<name>``) and count as misses.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import InputError, SettingsError
from .unlisted import UNLISTED_PREFIX

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["load_mention_annotations", "evaluate_mentions", "span_hash"]


def load_mention_annotations(path: str | Path, corpus: Corpus,
                             mapping: str | Path | dict[str, str] | None = None) -> pd.DataFrame:
    """Hand-annotated mentions as a table with offsets into ``corpus.docs`` (like
    :func:`find_actors`' output): ``item``, ``doc_id``, ``unit_id``, ``start``, ``end``,
    ``surface``, ``actor_id``, ``gold_actor``, ``type``. ``attrs["units"]`` lists every annotated
    paragraph (those with no mention too). A paragraph whose text no longer hashes as annotated,
    or a surface not found, is an error naming the item."""
    if isinstance(mapping, (str, Path)):
        table = pd.read_csv(mapping, dtype=str).fillna("")
        mapping = dict(zip(table["gold_actor"], table["actor_id"]))
    mapping = mapping or {}
    units = corpus.units("paragraph").set_index("unit_id")
    rows, annotated = [], []
    p = Path(path)
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        uid = rec["unit_id"]
        if uid not in units.index:
            raise InputError(f"{p} line {n}: paragraph {uid} is not in this corpus")
        u = units.loc[uid]
        digest = hashlib.blake2b(u["text"].strip().encode(), digest_size=8).hexdigest()
        if rec.get("hash") and digest != rec["hash"]:
            raise InputError(f"{p} line {n}: the text of {uid} changed since it was annotated")
        annotated.append((rec["item"], rec["doc_id"], uid))
        for m in rec["mentions"]:
            if "surface" not in m:   # a span by offsets (corpora whose text is not shipped)
                m = {**m, "surface": _span(u["text"], m, p, n, uid)}
                pos = int(m["start"])
            else:
                pos = -1
                for _ in range(int(m.get("occurrence", 1))):
                    pos = u["text"].find(m["surface"], pos + 1)
                    if pos < 0:
                        raise InputError(f"{p} line {n}: {m['surface']!r} does not occur "
                                         f"{m.get('occurrence', 1)} times in {uid}")
            aid = mapping.get(m["actor"]) or f"gold:{m['actor']}"
            rows.append({"item": rec["item"], "doc_id": rec["doc_id"], "unit_id": uid,
                         "start": int(u["start"]) + pos,
                         "end": int(u["start"]) + pos + len(m["surface"]),
                         "surface": m["surface"], "actor_id": aid, "gold_actor": m["actor"],
                         "type": m["type"]})
    out = pd.DataFrame(rows, columns=["item", "doc_id", "unit_id", "start", "end", "surface",
                                      "actor_id", "gold_actor", "type"])
    out.attrs["units"] = {"item": [a[0] for a in annotated], "doc_id": [a[1] for a in annotated],
                          "unit_id": [a[2] for a in annotated]}
    return out


def span_hash(surface: str) -> str:
    """The hash a span stored by offsets carries (BLAKE2b-32 of the surface as written)."""
    return hashlib.blake2b(surface.encode(), digest_size=4).hexdigest()


def _span(text: str, m: dict, path: Path, line: int, uid: str) -> str:
    if "start" not in m or "end" not in m:
        raise InputError(f"{path} line {line}: a mention in {uid} has neither a surface nor "
                         "start and end")
    a, b = int(m["start"]), int(m["end"])
    surface = text[a:b]
    if not 0 <= a < b <= len(text) or ("sha" in m and span_hash(surface) != m["sha"]):
        raise InputError(f"{path} line {line}: the span {a}-{b} of {uid} is not the one "
                         "annotated")
    return surface


def evaluate_mentions(predicted: pd.DataFrame, gold: pd.DataFrame,
                      nested: str = "score") -> dict[str, pd.DataFrame]:
    """Precision, recall and F1 of predicted mentions against gold ones.

    A predicted mention is correct when a gold mention of the **same actor** overlaps it in the
    same paragraph (each gold mention matched once). A person the gazetteer lacks
    (``unlisted:...``, from ``find_actors(..., unlisted=True)``) is correct where it overlaps a
    gold mention of an actor the gazetteer lacks (``gold:...``), the same gold actor for every
    mention of that id in a document. Only the annotated paragraphs count
    (``gold.attrs["units"]``); predictions elsewhere are ignored. Returns ``scores`` (overall and
    per actor type: predicted, gold, correct, precision, recall, f1) and ``errors`` (every false
    positive and false negative, with surface, actor and offsets into the document) for
    reading.

    ``nested``: the annotation guidelines mark a role title and a name as one mention of the
    person and do not mark the organizations and states named inside the title (المبعوث الخاص
    للأمم المتحدة والجامعة العربية كوفي أنان), while ``find_actors`` reports them (the issue
    asks for the Syrian Observatory inside مدير المرصد السوري ... رامي عبد الرحمن). ``"score"``
    counts such predictions as false positives (strict); ``"ignore"`` leaves predictions of
    another actor that lie wholly inside a gold *person* span out of the count (the gold
    neither confirms nor denies them). ``scores.attrs["unscored"]`` says how many.
    """
    if nested not in ("score", "ignore"):
        raise SettingsError(f"nested={nested!r}: choose 'score' or 'ignore'")
    units = gold.attrs.get("units")
    keep = set(units["unit_id"]) if units else set(gold["unit_id"])
    pred = predicted[predicted["field"].eq("text") & predicted["unit_id"].isin(keep)] \
        if "field" in predicted else predicted[predicted["unit_id"].isin(keep)]
    pred = pred.reset_index(drop=True)
    unscored = 0
    if nested == "ignore" and len(pred):
        spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for u, a, b, t, g in gold[["unit_id", "start", "end", "type", "actor_id"]].itertuples(
                index=False):
            if t == "person":
                spans[u].append((a, b, g))
        inside = [any(a <= p.start and p.end <= b and p.actor_id != g
                      for a, b, g in spans.get(p.unit_id, ()))
                  for p in pred.itertuples(index=False)]
        unscored = int(sum(inside))
        pred = pred[~pd.Series(inside, index=pred.index)].reset_index(drop=True)
    by_unit: dict[str, list[int]] = defaultdict(list)
    for j, u in enumerate(gold["unit_id"]):
        by_unit[u].append(j)
    g_start, g_end = gold["start"].to_numpy(), gold["end"].to_numpy()
    g_actor = gold["actor_id"].to_numpy()
    used: set[int] = set()
    ok_pred = []
    bound: dict[tuple[str, str], str] = {}   # (document, unlisted id) → the gold actor it is
    doc_of = dict(zip(gold["unit_id"], gold["doc_id"])) if "doc_id" in gold else {}
    for p in pred.itertuples(index=False):
        aid = p.actor_id
        if isinstance(aid, str) and aid.startswith(UNLISTED_PREFIX):
            # a person the gazetteer lacks (find_actors(unlisted=True)) is right where it
            # overlaps a gold mention of an actor the gazetteer lacks, the same one throughout
            # a document
            key = (doc_of.get(p.unit_id, p.unit_id), aid)
            want = bound.get(key)
            hit = next((j for j in by_unit.get(p.unit_id, []) if j not in used
                        and g_actor[j].startswith("gold:")
                        and (want is None or g_actor[j] == want)
                        and g_start[j] < p.end and p.start < g_end[j]), None)
            if hit is not None:
                bound.setdefault(key, g_actor[hit])
        else:
            hit = next((j for j in by_unit.get(p.unit_id, []) if j not in used
                        and g_actor[j] == aid and g_start[j] < p.end and p.start < g_end[j]),
                       None)
        if hit is not None:
            used.add(hit)
        ok_pred.append(hit is not None)
    pred = pred.assign(correct=ok_pred)
    gold = gold.assign(found=[j in used for j in range(len(gold))])

    def score(p: pd.DataFrame, g: pd.DataFrame, label: str) -> dict:
        n_p, n_g = len(p), len(g)
        prec = p["correct"].mean() if n_p else float("nan")
        rec = g["found"].mean() if n_g else float("nan")
        f1 = 2 * prec * rec / (prec + rec) if n_p and n_g and prec + rec else float("nan")
        return {"type": label, "predicted": n_p, "gold": n_g, "correct": int(p["correct"].sum()),
                "precision": prec, "recall": rec, "f1": f1}

    rows = [score(pred, gold, "all")]
    types = sorted(set(pred.get("type", pd.Series(dtype=str))) | set(gold["type"]))
    for t in types:
        rows.append(score(pred[pred["type"] == t], gold[gold["type"] == t], t))
    cols = ["unit_id", "surface", "actor_id", "type", "start", "end"]
    errors = pd.concat([
        pred.loc[~pred["correct"], [c for c in cols if c in pred]].assign(
            error="false positive"),
        gold.loc[~gold["found"], [c for c in cols if c in gold]].assign(
            error="false negative")], ignore_index=True)
    table = pd.DataFrame(rows)
    table.attrs["unscored"] = unscored
    return {"scores": table, "errors": errors}
