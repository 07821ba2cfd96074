"""Diplomatic versus military framing, measured and validated.

- ``lexicon``: the bundled, versioned Arabic framing lexicon and user lexicons (CSV, YAML).
- ``scores``: :func:`frame_scores`: lexicon counts, rates, balance, the supervised model's
  probabilities and a frame per sentence, paragraph or document.
- ``model``: the supervised model (TF-IDF of words and characters, logistic regression), stored
  as arrays and JSON; :func:`train_frame_model` retrains it on your coding.
- ``validation``: coding files, agreement (kappa, alpha), precision/recall/F1 and confusion,
  samples to code, keyword in context, keyness.
- ``dyads``: who fights whom and who talks with whom: actor pairs by frame.
"""

from .dyads import frame_dyads, frame_shares, framed_network
from .lexicon import FRAMES, LEXICON_VERSION, Lexicon, load_lexicon
from .model import LABELS, FrameModel, cross_validate, train_frame_model
from .scores import DEFAULT_METHOD, METHODS, frame_scores
from .validation import (agreement, coding_sample, evaluate_frames, keyness, kwic, load_coding,
                         read_coding)

__all__ = ["Lexicon", "load_lexicon", "FRAMES", "LEXICON_VERSION", "FrameModel",
           "train_frame_model", "LABELS", "frame_scores", "METHODS", "DEFAULT_METHOD",
           "agreement", "coding_sample", "evaluate_frames", "keyness", "kwic", "load_coding",
           "read_coding", "frame_dyads", "framed_network", "frame_shares", "cross_validate"]
