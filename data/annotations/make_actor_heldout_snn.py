"""Draw a held-out set of SaudiNewsNet paragraphs for actor-mention annotation (sets 5 on).

    CORPUSKIT_SAUDINEWSNET=../shared/corpora/saudinewsnet \\
    .venv/bin/python data/annotations/make_actor_heldout_snn.py --set N --worksheets /tmp/ws

The bundled sample corpus has no paragraph left that no earlier actor set used (set 4 took the
last 164), so the fifth held-out set comes from real news: SaudiNewsNet (6,340 articles from
Saudi newspapers, July-August 2015), loaded with corpuskit, paragraphs of
``corpus.units("paragraph")`` of 15-120 words (set 11: up to 200, ``MAX_WORDS``). Articles
are screened, not paragraphs: an article qualifies if its text names a country or party of the
region's conflicts (the words in ``SCREEN``), so that the set is conflict news as the
gazetteer's scope is; within qualifying articles paragraphs are drawn uniformly (seeded, at most
two per article), so most of them name no screened word. The screen only chose what to read;
annotators never saw it. References: (doc_id, paragraph unit_id, BLAKE2b-64 of the paragraph
text); the text is never stored.

Each set has its own seed (``SEEDS``) and leaves out every article an earlier SaudiNewsNet set
drew from (its gold file in this folder), so set 5 is drawn exactly as it was and set 6 shares no
article with it. Set 12 on (``OUTSIDE_SCREEN``) draws from the articles the screen leaves out:
the screened ones were used up by sets 5-11.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
from pathlib import Path

import corpuskit as ck
from make_actor_heldout import write_items  # this folder: run as a script

SEEDS = {5: 6151, 6: 6161, 7: 6171, 8: 6181, 9: 6191, 10: 6201, 11: 6211, 12: 6221}
# Paragraph length (words). Sets 5-10 drew paragraphs of 15-120 words; after them the screened
# articles had 14 such paragraphs left, so set 11 takes paragraphs of up to 200 words.
MAX_WORDS = {11: 200}
# After set 11 the screened articles had 12 unused paragraphs of up to 200 words: set 12 draws
# from the articles the screen leaves out (Saudi domestic, economic, regional news).
OUTSIDE_SCREEN = {12}
N = 160
HERE = Path(__file__).resolve().parent


def earlier_docs(n: int) -> set[str]:
    """doc_ids of the articles the SaudiNewsNet sets before ``n`` drew from."""
    docs: set[str] = set()
    for k in SEEDS:
        if k < n:
            with (HERE / f"actors_saudinewsnet_heldout{k}.jsonl").open(encoding="utf-8") as fh:
                docs.update(json.loads(line)["doc_id"] for line in fh if line.strip())
    return docs
SCREEN = re.compile(r"سوري|اليمن|العراق|ليبيا|لبنان|فلسطين|إسرائيل|إيران|داعش|الحوثي|حزب الله|"
                    r"المعارضة|التحالف|مجلس الأمن|الأمم المتحدة")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--saudinewsnet", default=os.environ.get("CORPUSKIT_SAUDINEWSNET"))
    ap.add_argument("--set", type=int, default=5, choices=sorted(SEEDS))
    ap.add_argument("--out", help="default: build/annotations/items_heldoutN.csv")
    ap.add_argument("--worksheets", required=True)
    args = ap.parse_args()
    if not args.saudinewsnet:
        raise SystemExit("give --saudinewsnet DIR or set CORPUSKIT_SAUDINEWSNET")
    corpus = ck.load_corpus(args.saudinewsnet, progress=False).drop_duplicates()
    docs = corpus.docs.set_index("doc_id")
    skip = earlier_docs(args.set)
    outside = args.set in OUTSIDE_SCREEN
    chosen_docs = {d for d, t in zip(corpus.docs["doc_id"], corpus.docs["text"])
                   if (SCREEN.search(t) is None) == outside and d not in skip}
    paras = corpus.units("paragraph")
    words = paras["text"].str.split().str.len()
    paras = paras[(paras["kind"] == "paragraph") & words.between(15, MAX_WORDS.get(args.set, 120))
                  & paras["doc_id"].isin(chosen_docs)]
    rows = list(paras[["doc_id", "unit_id", "text"]].itertuples(index=False))
    rng = random.Random(SEEDS[args.set])
    rng.shuffle(rows)
    chosen, per_doc = [], {}
    for r in rows:
        if per_doc.get(r.doc_id, 0) < 2:
            per_doc[r.doc_id] = per_doc.get(r.doc_id, 0) + 1
            chosen.append(r)
        if len(chosen) == N:
            break
    out = Path(args.out or HERE.parent.parent / "build" / "annotations"
               / f"items_heldout{args.set}.csv")   # from the repository root, wherever run
    write_items(chosen, docs, args.set, out, Path(args.worksheets))
    print(f"{len(chosen_docs)} of {len(corpus)} articles "
          f"{'fail' if outside else 'pass'} the screen (leaving out "
          f"{len(skip)} of earlier sets); {len(paras)} "
          f"paragraphs -> {len(chosen)}")


if __name__ == "__main__":
    main()
