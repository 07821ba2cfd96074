"""Turn an annotator's worksheet file (surface + occurrence) into the stored form for a corpus
that is not shipped: paragraph offsets and a hash of each span, never the text.

    .venv/bin/python data/annotations/store_offsets.py build/annotations/items_heldout6.csv \\
        WORKSHEET/sample_paragraphs.jsonl WORKSHEET/annotation_a.jsonl \\
        data/annotations/actors_saudinewsnet_heldout6_coder_a.jsonl

``items`` is the reference file the drawing script wrote (item, doc_id, unit_id, hash); the
worksheet's paragraphs must hash as drawn. Every mention becomes ``start``, ``end`` (offsets
into the paragraph), ``sha`` (:func:`corpuskit.actors.evaluate.span_hash`), ``actor``,
``type``, ``metonymy``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

from corpuskit.actors.evaluate import span_hash


def main(items: str, paragraphs: str, annotation: str, out: str) -> None:
    with open(items, encoding="utf-8", newline="") as fh:
        refs = {r["item"]: r for r in csv.DictReader(fh)}
    texts = {}
    for line in Path(paragraphs).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        texts[rec["item"]] = rec["text"]
    lines = []
    for n, line in enumerate(Path(annotation).read_text(encoding="utf-8").splitlines(), 1):
        rec = json.loads(line)
        ref, text = refs[rec["item"]], texts[rec["item"]]
        if hashlib.blake2b(text.strip().encode(), digest_size=8).hexdigest() != ref["hash"]:
            raise SystemExit(f"{annotation} line {n}: {rec['item']} is not the paragraph drawn")
        mentions = []
        for m in rec["mentions"]:
            pos = -1
            for _ in range(int(m.get("occurrence", 1))):
                pos = text.find(m["surface"], pos + 1)
                if pos < 0:
                    raise SystemExit(f"{annotation} line {n}: {m['surface']!r} does not occur "
                                     f"{m.get('occurrence', 1)} times in {rec['item']}")
            end = pos + len(m["surface"])
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
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
