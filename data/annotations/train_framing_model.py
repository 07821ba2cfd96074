"""Train the framing model shipped with corpuskit (corpuskit/resources/framing_model/).

Training data: the SaudiNewsNet paragraphs of the *train* split of framing_saudinewsnet.csv and
the coded sample-corpus paragraphs (framing_sample.csv); the *test* split is never used here.

    .venv/bin/python data/annotations/train_framing_model.py ../shared/corpora/saudinewsnet

``--round2`` adds the second coding round (framing_saudinewsnet_round2.csv: 190 train paragraphs,
none from an article of the test split). It did not measurably help (data/annotations/README.md),
so the shipped model is trained without it; compare_round2.py repeats the comparison.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

import corpuskit as ck
from corpuskit.framing import load_coding, train_frame_model

HERE = Path(__file__).resolve().parent


def main() -> None:
    snn = load_coding(HERE / "framing_saudinewsnet.csv", corpus_dir=sys.argv[1])
    parts = [snn[snn["split"] == "train"]]
    if "--round2" in sys.argv[2:]:
        snn2 = load_coding(HERE / "framing_saudinewsnet_round2.csv", corpus_dir=sys.argv[1])
        if (snn2["split"] != "train").any():
            raise SystemExit("framing_saudinewsnet_round2.csv must hold train paragraphs only")
        parts.append(snn2)
    sample = load_coding(HERE / "framing_sample.csv",
                         corpus=ck.load_corpus(HERE.parent / "sample", progress=False))
    train = pd.concat([*parts, sample], ignore_index=True)
    model = train_frame_model(train["text"], train["label"])
    out = HERE.parent.parent / "corpuskit" / "resources" / "framing_model"
    model.save(out)
    print(f"trained on {len(train)} paragraphs ({train['label'].value_counts().to_dict()}); "
          f"wrote {out}")


if __name__ == "__main__":
    main()
