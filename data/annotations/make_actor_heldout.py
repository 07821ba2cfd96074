"""Draw a held-out set of sample-corpus paragraphs for actor-mention annotation.

    .venv/bin/python data/annotations/make_actor_heldout.py --set 2 --worksheets /tmp/worksheets

``--set 2`` drew ``actors_sample_heldout2.jsonl``, ``--set 3`` ``actors_sample_heldout3.jsonl``
(from the paragraphs no earlier set used, the second set included), ``--set 4``
``actors_sample_heldout4.jsonl`` (every eligible paragraph left: 164, in a seeded order).

The first held-out set (``actors_sample_gold.jsonl``) had been measured after two rounds of
gazetteer revision and its errors had been read, so it became development data; this set is
drawn from the paragraphs that no earlier set used (same eligibility: original documents, body
paragraphs of 12+ words) and was annotated by two independent annotators before the gazetteer
was revised again. References: (doc_id, paragraph unit_id, BLAKE2b-64 of the paragraph text).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
from pathlib import Path

import corpuskit as ck

SEEDS = {2: 3011, 3: 4127, 4: 5233}
N = 170
USED = ("actors_sample_gold.jsonl", "actors_sample_dev.jsonl")   # and every earlier held-out set


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", type=int, choices=sorted(SEEDS), required=True)
    ap.add_argument("--out", help="the references drawn (default build/annotations/"
                                  "items_heldout<set>.csv)")
    ap.add_argument("--worksheets", required=True)
    args = ap.parse_args()
    here = Path(__file__).resolve().parent
    earlier = [*USED, *(f"actors_sample_heldout{k}.jsonl" for k in SEEDS if k < args.set)]
    used = {json.loads(line)["unit_id"]
            for name in earlier for line in (here / name).open(encoding="utf-8")}
    corpus = ck.load_corpus(here.parent / "sample", progress=False).drop_duplicates()
    paras = corpus.units("paragraph")
    paras = paras[(paras["kind"] == "paragraph") & (paras["text"].str.split().str.len() >= 12)
                  & ~paras["unit_id"].isin(used)]
    meta = corpus.docs.set_index("doc_id")
    rows = list(paras[["doc_id", "unit_id", "text"]].itertuples(index=False))
    chosen = random.Random(SEEDS[args.set]).sample(rows, min(N, len(rows)))  # set 4: all 164 left
    write_items(chosen, meta, args.set,
                Path(args.out or f"build/annotations/items_heldout{args.set}.csv"),
                Path(args.worksheets))
    print(len(paras), "paragraphs ->", len(chosen))


def write_items(chosen: list, meta, n: int, out: Path, ws: Path) -> None:  # noqa: ANN001
    """The references drawn (item, doc_id, unit_id, hash) to ``out``, and the annotators'
    worksheet (item, the article's date, the paragraph) to ``ws/sample_paragraphs.jsonl``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    ws.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh, \
            (ws / "sample_paragraphs.jsonl").open("w", encoding="utf-8") as wf:
        w = csv.writer(fh)
        w.writerow(["item", "doc_id", "unit_id", "hash"])
        for i, r in enumerate(chosen, 1):
            item = f"ho{n}_{i:04d}"
            w.writerow([item, r.doc_id, r.unit_id,
                        hashlib.blake2b(r.text.strip().encode(), digest_size=8).hexdigest()])
            date = meta.at[r.doc_id, "date"]
            wf.write(json.dumps({"item": item, "date": None if date is None or date != date
                                 else str(date)[:10], "text": r.text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
