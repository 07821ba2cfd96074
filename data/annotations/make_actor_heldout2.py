"""Draw the second held-out set of sample-corpus paragraphs for actor-mention annotation.

    .venv/bin/python data/annotations/make_actor_heldout2.py --worksheets /tmp/worksheets

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

SEED = 3011
N = 170
USED = ("actors_sample_gold.jsonl", "actors_sample_dev.jsonl")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="build/annotations/items_heldout2.csv")
    ap.add_argument("--worksheets", required=True)
    args = ap.parse_args()
    here = Path(__file__).resolve().parent
    used = {json.loads(line)["unit_id"]
            for name in USED for line in (here / name).open(encoding="utf-8")}
    corpus = ck.load_corpus(here.parent / "sample", progress=False).drop_duplicates()
    paras = corpus.units("paragraph")
    paras = paras[(paras["kind"] == "paragraph") & (paras["text"].str.split().str.len() >= 12)
                  & ~paras["unit_id"].isin(used)]
    meta = corpus.docs.set_index("doc_id")
    rows = list(paras[["doc_id", "unit_id", "text"]].itertuples(index=False))
    chosen = random.Random(SEED).sample(rows, N)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    ws = Path(args.worksheets)
    ws.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh, \
            (ws / "sample_paragraphs.jsonl").open("w", encoding="utf-8") as wf:
        w = csv.writer(fh)
        w.writerow(["item", "doc_id", "unit_id", "hash"])
        for i, r in enumerate(chosen, 1):
            item = f"ho2_{i:04d}"
            w.writerow([item, r.doc_id, r.unit_id,
                        hashlib.blake2b(r.text.strip().encode(), digest_size=8).hexdigest()])
            date = meta.at[r.doc_id, "date"]
            wf.write(json.dumps({"item": item, "date": None if date is None or date != date
                                 else str(date)[:10], "text": r.text}, ensure_ascii=False) + "\n")
    print(len(paras), "paragraphs ->", N)


if __name__ == "__main__":
    main()
