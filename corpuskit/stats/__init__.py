"""One statistics layer for every per-document or per-unit score.

Topic proportions, frame scores and actor mention rates all ask the same two questions: how does
a score's mean move over time and differ between groups (with honest intervals), and what is the
effect of outlet and time on it. Both are answered here once, on any tidy table of scores with
document metadata; ``TopicModel.prevalence`` and ``estimate_effect`` are thin calls into it, and
the framing and actor modules use it directly.

- :func:`group_means`: means by time bin (day ... year, empty bins kept as gaps) or by any
  column, with bootstrap intervals that resample **documents** (a document's units stay together).
- :func:`estimate_effect`: per score, OLS on covariate indicators and a time trend, with HC3 or
  cluster-robust errors, t intervals, rank-deficiency and leverage checks, and optionally the
  method of composition over draws of the scores.
"""

from .effects import estimate_effect
from .groups import TIME_BINS, group_means, time_bins

__all__ = ["group_means", "estimate_effect", "time_bins", "TIME_BINS"]
