"""Actors on SaudiNewsNet: matching + sentence co-occurrence after loading (target: under 5 s).

Loads the 6,340 articles once (not timed), then times, on a fresh copy of the corpus each time
(so that no cache from an earlier run helps): find_actors, which splits the documents into
sentence units and matches and resolves the mentions (by default, from 2,000 documents, on
local worker processes, which then also make the units; engine="serial": one process), and
sentence co-occurrence (NPMI); on a quarter, a half and all of the corpus, to show how the
cost grows. The units alone (made in this process) are timed too, to show their share. Prints
mentions per second.

    python benchmarks/bench_actors.py [SAUDINEWSNET_DIR]
"""

from __future__ import annotations

import sys
import time
import warnings

from _common import saudinewsnet


def main() -> None:
    import corpuskit as ck

    warnings.simplefilter("ignore")
    full = ck.load_corpus(saudinewsnet(sys.argv), progress=False)
    ck.find_actors(full.select(full.docs.index < 20))  # compile the gazetteer once
    print(f"{'documents':>9} {'find_actors':>11} {'cooccur':>8} {'total':>7} "
          f"{'mentions':>8} {'mentions/s':>10} {'pairs':>6} {'(units alone)':>13}")
    n = len(full)
    for label, engine in (("default (both cores from 2,000 documents)", None),
                          ('one process (engine="serial")', "serial")):
        print(label)
        for share in (0.25, 0.5, 1.0):
            docs = full.docs.iloc[: int(n * share)].reset_index(drop=True)
            t0 = time.perf_counter()
            ck.Corpus(docs).units("sentence")
            units = time.perf_counter() - t0
            corpus = ck.Corpus(docs)
            t1 = time.perf_counter()
            mentions = ck.find_actors(corpus, unit="sentence", engine=engine)
            t2 = time.perf_counter()
            edges = ck.cooccurrence(mentions, unit="sentence", weight="npmi")
            t3 = time.perf_counter()
            total = t3 - t1
            print(f"{len(corpus):9d} {t2 - t1:10.2f}s {t3 - t2:7.2f}s {total:6.2f}s "
                  f"{len(mentions):8d} {len(mentions) / (t2 - t1):10.0f} {len(edges):6d} "
                  f"{units:12.2f}s")


if __name__ == "__main__":
    main()
