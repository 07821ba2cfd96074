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
