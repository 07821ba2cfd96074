"""Reproducible studies: ``run_study`` (the ``corpuskit study`` command) writes tables,
figures, networks, a self-contained HTML report and a manifest; ``verify`` re-runs a study from
its manifest and compares every table."""

from .html import table_html, write_report
from .study import StudySettings, default_inputs, run_study, verify

__all__ = ["StudySettings", "run_study", "verify", "default_inputs", "write_report", "table_html"]
