"""Actors on SaudiNewsNet: matching + sentence co-occurrence after loading (target: under 5 s).

Loads the 6,340 articles once (not timed), then times each stage on a fresh copy of the corpus
(so that no cache from an earlier stage helps): sentence units, matching and resolution
(find_actors), sentence co-occurrence (NPMI); on a quarter, a half and all of the corpus, to show
how the cost grows; by default (from 2,000 documents find_actors uses local worker processes)
and in one process (engine="serial"). Prints mentions per second.

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
    print(f"{'documents':>9} {'units':>7} {'find_actors':>11} {'cooccur':>8} {'total':>7} "
          f"{'mentions':>8} {'mentions/s':>10} {'pairs':>6}")
    n = len(full)
    for label, engine in (("default (both cores from 2,000 documents)", None),
                          ('one process (engine="serial")', "serial")):
        print(label)
        for share in (0.25, 0.5, 1.0):
            corpus = ck.Corpus(full.docs.iloc[: int(n * share)].reset_index(drop=True))
            t0 = time.perf_counter()
            corpus.units("sentence")
            t1 = time.perf_counter()
            mentions = ck.find_actors(corpus, unit="sentence", engine=engine)
            t2 = time.perf_counter()
            edges = ck.cooccurrence(mentions, unit="sentence", weight="npmi")
            t3 = time.perf_counter()
            total = t3 - t0
            print(f"{len(corpus):9d} {t1 - t0:6.2f}s {t2 - t1:10.2f}s {t3 - t2:7.2f}s "
                  f"{total:6.2f}s {len(mentions):8d} {len(mentions) / (t2 - t0):10.0f} "
                  f"{len(edges):6d}")


if __name__ == "__main__":
    main()
