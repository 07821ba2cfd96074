"""Framing on SaudiNewsNet: quality on the held-out coded paragraphs and speed (issue 9).

1. Quality: the 360 coded paragraphs of the *test* split (never used to build the lexicon or
   to train the model): macro-F1 over military, diplomatic and neither of each method, with
   the two coders' agreement on the same paragraphs beside it.
2. Speed: paragraph-level frame scores for the 6,340 articles after loading (target: under
   5 s for the default method), for each method, on a quarter, half and all of the corpus.

    python benchmarks/bench_framing.py [SAUDINEWSNET_DIR]
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import pandas as pd

from _common import saudinewsnet

ANN = Path(__file__).resolve().parents[1] / "data" / "annotations"


def main() -> None:
    import corpuskit as ck
    from corpuskit.framing import agreement, evaluate_frames, load_coding

    warnings.simplefilter("ignore")
    root = saudinewsnet(sys.argv)
    coded = load_coding(ANN / "framing_saudinewsnet.csv", corpus_dir=root)
    test = coded[coded["split"] == "test"]
    units = ck.Corpus(pd.DataFrame({"doc_id": test["item"], "title": None, "text": test["text"]}))
    print(f"1. held-out coded paragraphs: {len(test)}")
    a = agreement(test["coder_a"], test["coder_b"])
    print(f"   coder A vs coder B: agreement {a['agreement']:.3f}, kappa {a['kappa']:.3f}, "
          f"alpha {a['alpha']:.3f}")
    for method in ("combined", "supervised", "lexicon"):
        f = ck.frame_scores(units, unit="document", method=method)
        r = evaluate_frames(f["frame"], test["label"])
        s = r["scores"].set_index("frame")
        print(f"   {method:10s} macro-F1 {r['macro_f1']:.3f} (military {s.loc['military', 'f1']:.3f}, "
              f"diplomatic {s.loc['diplomatic', 'f1']:.3f}, none {s.loc['none', 'f1']:.3f}); "
              f"kappa with the coding {r['agreement']['kappa']:.3f}")
    corpus = ck.load_corpus(root, progress=False)
    ck.frame_scores(ck.Corpus(corpus.docs.head(3)))  # load the model once
    print("2. paragraph-level scores after loading")
    n = len(corpus)
    for share in (0.25, 0.5, 1.0):
        part = ck.Corpus(corpus.docs.iloc[: int(n * share)].reset_index(drop=True))
        t0 = time.perf_counter()
        part.units("paragraph", include_title=False)
        t1 = time.perf_counter()
        line = f"   {len(part):5d} documents: units {t1 - t0:.2f} s"
        for method in ("lexicon", "supervised", "combined"):
            t = time.perf_counter()
            f = ck.frame_scores(part, unit="paragraph", method=method)
            line += f", {method} {time.perf_counter() - t:.2f} s"
        print(line + f" ({len(f)} paragraphs)")


if __name__ == "__main__":
    main()
