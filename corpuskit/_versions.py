"""Library versions recorded in provenance (corpus files, saved models)."""

from __future__ import annotations

import platform

_PACKAGES = ("corpuskit", "camel-tools", "pandas", "numpy", "scipy", "pyarrow", "scikit-learn",
             "statsmodels", "networkx", "matplotlib")


def library_versions() -> dict[str, str]:
    """Python's version and those of the libraries results depend on."""
    from importlib import metadata

    out = {"python": platform.python_version()}
    for pkg in _PACKAGES:
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out
