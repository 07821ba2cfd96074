"""Topic models researchers can trust: LDA and NMF with diagnostics, stability and prevalence.

``TopicModel`` follows scikit-learn's contract (it is a ``BaseEstimator``): settings in
``__init__``, ``fit(dtm)`` returns self, learned attributes end in ``_``. Topics are numbered from
1 in every table and figure; topic *t* is row ``t - 1`` of ``components_`` and column ``t - 1`` of
``doc_topic_``.

The default is **LDA started from NMF** (``method="lda", init="nmf"``): NMF on the TF-IDF matrix
with NNDSVDa initialization (deterministic) gives the starting topic-word weights, and variational
Bayes LDA (scikit-learn) refines them. On real Arabic news this is faster than random starts, more
coherent, and does not depend on the seed; ``init="random"`` gives the classic random start.

Modules: ``model`` (TopicModel), ``diagnostics`` (NPMI, exclusivity, FREX, lift, label score),
``selection`` (alignment, stability, select_k), ``persistence`` (save/load without pickle).
Prevalence and effects are computed by :mod:`corpuskit.stats`, shared with framing and actors.
"""

from .diagnostics import exclusivity, frex, label_score, lift, npmi_coherence
from .model import TopicModel
from .persistence import load_model, save_model
from .selection import Stability, align_topics, select_k, stability

__all__ = ["TopicModel", "npmi_coherence", "exclusivity", "frex", "lift", "label_score",
           "align_topics", "stability", "Stability", "select_k", "save_model", "load_model"]
