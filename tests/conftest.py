"""Shared fixtures: the seed article, the bundled sample, and (when present) SaudiNewsNet."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")  # tests draw figures without a screen; notebooks keep their inline backend

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_5f59a5c6b29742c5.txt"
SAMPLE = ROOT / "data" / "sample"


def _saudinewsnet() -> Path | None:
    env = os.environ.get("CORPUSKIT_SAUDINEWSNET")
    for cand in ([Path(env)] if env else []) + [ROOT.parent / "shared" / "corpora" / "saudinewsnet"]:
        if cand.is_dir() and any(cand.glob("*.json")):
            return cand
    return None


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_corpus():
    import corpuskit as ck

    return ck.load_corpus(SAMPLE, SEED.parent)


@pytest.fixture(scope="session")
def saudinewsnet_dir() -> Path:
    path = _saudinewsnet()
    if path is None:
        pytest.skip("SaudiNewsNet sample not found: set CORPUSKIT_SAUDINEWSNET to its folder")
    return path


@pytest.fixture(scope="session")
def news_texts(saudinewsnet_dir) -> list[str]:
    """About 400 real articles (every 5th of one day's file), for realistic text tests."""
    import json

    data = json.loads((saudinewsnet_dir / "2015-07-22.json").read_text(encoding="utf-8"))
    return [a["title"] + "\n\n" + a["content"] for a in data[::5] if a.get("content")]


@pytest.fixture(scope="session")
def corpus():
    """The sample corpus without its flagged duplicates (what the topic tests fit on)."""
    import corpuskit as ck

    return ck.load_corpus(SAMPLE).drop_duplicates()


@pytest.fixture(scope="session")
def dtm(corpus):
    from corpuskit.features import document_term_matrix

    return document_term_matrix(corpus)


@pytest.fixture(scope="session")
def model(dtm):
    from corpuskit.topics import TopicModel

    return TopicModel(k=6).fit(dtm)
