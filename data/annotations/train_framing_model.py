"""Train the framing model shipped with corpuskit (corpuskit/resources/framing_model/).

Training data: the SaudiNewsNet paragraphs of the *train* split of framing_saudinewsnet.csv and
the coded sample-corpus paragraphs (framing_sample.csv); the *test* split is never used here.

    .venv/bin/python data/annotations/train_framing_model.py ../shared/corpora/saudinewsnet
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
    sample = load_coding(HERE / "framing_sample.csv",
                         corpus=ck.load_corpus(HERE.parent / "sample", progress=False))
    train = pd.concat([snn[snn["split"] == "train"], sample], ignore_index=True)
    model = train_frame_model(train["text"], train["label"])
    out = HERE.parent.parent / "corpuskit" / "resources" / "framing_model"
    model.save(out)
    print(f"trained on {len(train)} paragraphs ({train['label'].value_counts().to_dict()}); "
          f"wrote {out}")


if __name__ == "__main__":
    main()
