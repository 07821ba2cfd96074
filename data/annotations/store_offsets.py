"""Turn an annotator's worksheet file (surface + occurrence) into the stored form for a corpus
that is not shipped: paragraph offsets and a hash of each span, never the text.

    .venv/bin/python data/annotations/store_offsets.py build/annotations/items_heldout6.csv \\
        WORKSHEET/sample_paragraphs.jsonl WORKSHEET/annotation_a.jsonl \\
        data/annotations/actors_saudinewsnet_heldout6_coder_a.jsonl
    .venv/bin/python data/annotations/store_offsets.py --adjudication \\
        WORKSHEET/sample_paragraphs.jsonl DECISIONS.jsonl \\
        data/annotations/actors_saudinewsnet_heldout6_adjudication.jsonl

``items`` is the reference file the drawing script wrote (item, doc_id, unit_id, hash); the
worksheet's paragraphs must hash as drawn. Every mention becomes ``start``, ``end`` (offsets
into the paragraph), ``sha`` (:func:`corpuskit.actors.evaluate.span_hash`), ``actor``,
``type``, ``metonymy``.

With ``--adjudication`` the third file is the adjudicator's decisions (one per line: item,
surface, occurrence, keep, reason, and actor/type where changed), stored the same way as
``..._adjudication.jsonl`` (start, end, sha, keep, rule, actor, type).
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

from corpuskit.actors.evaluate import span_hash


def _find(text: str, m: dict, where: str) -> tuple[int, int]:
    pos = -1
    for _ in range(int(m.get("occurrence", 1))):
        pos = text.find(m["surface"], pos + 1)
        if pos < 0:
            raise SystemExit(f"{where}: {m['surface']!r} does not occur "
                             f"{m.get('occurrence', 1)} times")
    return pos, pos + len(m["surface"])


def _texts(paragraphs: str) -> dict[str, str]:
    """The worksheet's paragraphs by item."""
    return {rec["item"]: rec["text"] for rec in map(json.loads, Path(paragraphs).read_text(
        encoding="utf-8").splitlines())}


def adjudication(paragraphs: str, decisions: str, out: str) -> None:
    texts = _texts(paragraphs)
    lines = []
    for n, line in enumerate(Path(decisions).read_text(encoding="utf-8").splitlines(), 1):
        d = json.loads(line)
        text = texts[d["item"]]
        a, b = _find(text, d, f"{decisions} line {n} ({d['item']})")
        rec = {"item": d["item"], "start": a, "end": b, "sha": span_hash(text[a:b]),
               "keep": d["keep"], "rule": d["reason"]}
        if d.get("actor"):
            rec["actor"], rec["type"] = d["actor"], d.get("type")
        lines.append(json.dumps(rec, ensure_ascii=False))
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} decisions")


def main(items: str, paragraphs: str, annotation: str, out: str) -> None:
    with open(items, encoding="utf-8", newline="") as fh:
        refs = {r["item"]: r for r in csv.DictReader(fh)}
    texts = _texts(paragraphs)
    lines = []
    for n, line in enumerate(Path(annotation).read_text(encoding="utf-8").splitlines(), 1):
        rec = json.loads(line)
        ref, text = refs[rec["item"]], texts[rec["item"]]
        if hashlib.blake2b(text.strip().encode(), digest_size=8).hexdigest() != ref["hash"]:
            raise SystemExit(f"{annotation} line {n}: {rec['item']} is not the paragraph drawn")
        mentions = []
        for m in rec["mentions"]:
            pos, end = _find(text, m, f"{annotation} line {n} ({rec['item']})")
            mentions.append({"start": pos, "end": end, "sha": span_hash(text[pos:end]),
                             "actor": m["actor"], "type": m["type"],
                             "metonymy": bool(m.get("metonymy", False))})
        lines.append(json.dumps({"item": rec["item"], "doc_id": ref["doc_id"],
                                 "unit_id": ref["unit_id"], "hash": ref["hash"],
                                 "mentions": mentions}, ensure_ascii=False))
    if len(lines) != len(refs):
        raise SystemExit(f"{annotation}: {len(lines)} items, {len(refs)} drawn")
    Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} paragraphs, {sum(len(json.loads(x)['mentions']) for x in lines)}"
          " mentions")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--adjudication":
        adjudication(*sys.argv[2:])
    elif len(sys.argv) == 5:
        main(*sys.argv[1:])
    else:
        raise SystemExit(__doc__)
