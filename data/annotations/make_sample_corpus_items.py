"""Draw the sample-corpus paragraphs hand-coded for framing and annotated for actor mentions.

    .venv/bin/python data/annotations/make_sample_corpus_items.py --worksheets /tmp/worksheets

References are (doc_id, paragraph unit_id, BLAKE2b-64 of the paragraph text): the sample corpus
is corpuskit's own data, so ids from ``load_corpus("data/sample")`` are stable content hashes.
Original documents only (near-duplicate wire copies left out); body paragraphs of 12+ words.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
from pathlib import Path

import corpuskit as ck

SEED = 20261130
N = 170


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="build/annotations/items.csv",
                    help="the references drawn (the first columns of the coding files here)")
    ap.add_argument("--worksheets", required=True)
    args = ap.parse_args()
    here = Path(__file__).resolve().parent
    corpus = ck.load_corpus(here.parent / "sample", progress=False).drop_duplicates()
    paras = corpus.units("paragraph")
    paras = paras[(paras["kind"] == "paragraph") & (paras["text"].str.split().str.len() >= 12)]
    rows = list(paras[["doc_id", "unit_id", "text"]].itertuples(index=False))
    rng = random.Random(SEED)
    chosen = rng.sample(rows, N)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["item", "doc_id", "unit_id", "hash"])
        for i, r in enumerate(chosen, 1):
            w.writerow([f"smp{i:04d}", r.doc_id, r.unit_id,
                        hashlib.blake2b(r.text.strip().encode(), digest_size=8).hexdigest()])
    ws = Path(args.worksheets)
    ws.mkdir(parents=True, exist_ok=True)
    with (ws / "sample_paragraphs.jsonl").open("w", encoding="utf-8") as fh:
        for i, r in enumerate(chosen, 1):
            fh.write(json.dumps({"item": f"smp{i:04d}", "text": r.text}, ensure_ascii=False) + "\n")
    print(len(paras), "paragraphs ->", N)


if __name__ == "__main__":
    main()
