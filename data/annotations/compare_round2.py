"""Does the second framing coding round help? Cross-validation on the first round's training data.

Each fold trains on the other folds of the first round's training paragraphs (SaudiNewsNet train
split and the sample corpus), once without and once with the 190 second-round paragraphs, and is
scored on its own paragraphs; the held-out test split is not read.

    .venv/bin/python data/annotations/compare_round2.py ../shared/corpora/saudinewsnet
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold

import corpuskit as ck
from corpuskit.framing import evaluate_frames, load_coding, train_frame_model

HERE = Path(__file__).resolve().parent


def main() -> None:
    snn = load_coding(HERE / "framing_saudinewsnet.csv", corpus_dir=sys.argv[1])
    round2 = load_coding(HERE / "framing_saudinewsnet_round2.csv", corpus_dir=sys.argv[1])
    sample = load_coding(HERE / "framing_sample.csv",
                         corpus=ck.load_corpus(HERE.parent / "sample", progress=False))
    base = pd.concat([snn[snn["split"] == "train"], sample], ignore_index=True)
    strata = base["label"].replace({"both": "neither"})   # too few "both" to stratify on
    scores: dict[str, list[float]] = {"without round 2": [], "with round 2": []}
    for seed in (0, 1):
        folds = StratifiedKFold(5, shuffle=True, random_state=seed).split(base, strata)
        for train, test in folds:
            for name, extra in (("without round 2", base.iloc[:0]), ("with round 2", round2)):
                fit = pd.concat([base.iloc[train], extra])
                model = train_frame_model(fit["text"], fit["label"])
                predicted = pd.Series(model.predict(list(base["text"].iloc[test])))
                truth = base["label"].iloc[test].reset_index(drop=True)
                scores[name].append(evaluate_frames(predicted, truth)["macro_f1"])
    for name, values in scores.items():
        print(f"{name}: macro-F1 {np.mean(values):.3f} "
              f"(folds {min(values):.2f}-{max(values):.2f}, n={len(values)})")


if __name__ == "__main__":
    main()
