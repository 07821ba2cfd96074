"""Helpers shared by the benchmarks: where the SaudiNewsNet sample is, and its texts."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def saudinewsnet(argv: list[str]) -> Path:
    """The SaudiNewsNet folder from the command line or $CORPUSKIT_SAUDINEWSNET."""
    cand = argv[1] if len(argv) > 1 else os.environ.get("CORPUSKIT_SAUDINEWSNET")
    if not cand:
        cand = str(Path(__file__).resolve().parents[1].parent / "shared/corpora/saudinewsnet")
    path = Path(cand)
    if not path.is_dir():
        sys.exit(f"SaudiNewsNet not found at {path}: pass its folder as the first argument or "
                 "set CORPUSKIT_SAUDINEWSNET")
    return path


def texts(path: Path) -> list[str]:
    out = []
    for f in sorted(path.glob("*.json")):
        out += [f"{a.get('title') or ''}\n\n{a.get('content') or ''}"
                for a in json.loads(f.read_text(encoding="utf-8"))]
    return out


PEAK_RSS = """
def peak_mb():
    # VmHWM belongs to this process's address space; ru_maxrss would also count the parent's
    # peak, which Linux carries across fork and exec.
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""
