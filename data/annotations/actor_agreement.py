"""Agreement of the two annotators of a held-out actor set (actors_sample_heldout<N>_coder_*).

    .venv/bin/python data/annotations/actor_agreement.py N   (2-4: sample corpus; 5 on: SaudiNewsNet, with
    CORPUSKIT_SAUDINEWSNET set)

Mentions are compared paragraph by paragraph: two mentions agree when their spans overlap
(``span``), and also name the same actor (``span and actor``: names mapped to gazetteer ids
with actors_gold_map.csv; the names of actors the gazetteer lacks are compared as written, so
"Ahmad al-Jarba" and "Ahmad Jarba" differ). Agreement is F1 = 2·matched / (mentions of A +
mentions of B), the usual figure for span annotation, where a kappa has no negatives to count.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from pathlib import Path

import corpuskit as ck
from corpuskit.actors.evaluate import load_mention_annotations

HERE = Path(__file__).resolve().parent


def _matched(a, b, same_actor: bool) -> int:  # noqa: ANN001 - two mention tables
    by_unit = defaultdict(list)
    for j, r in enumerate(b.itertuples(index=False)):
        by_unit[r.unit_id].append((j, r))
    used, hits = set(), 0
    for r in a.itertuples(index=False):
        for j, s in by_unit[r.unit_id]:
            if j not in used and r.start < s.end and s.start < r.end \
                    and (not same_actor or r.actor_id == s.actor_id):
                used.add(j)
                hits += 1
                break
    return hits


def _corpus(n: str):  # noqa: ANN202
    """Sets 2-4 are sample-corpus paragraphs; 5 on SaudiNewsNet (CORPUSKIT_SAUDINEWSNET)."""
    if int(n) >= 5:
        folder = os.environ.get("CORPUSKIT_SAUDINEWSNET")
        if not folder:
            raise SystemExit("set CORPUSKIT_SAUDINEWSNET to the SaudiNewsNet folder")
        return (ck.load_corpus(folder, progress=False).drop_duplicates(),
                f"actors_saudinewsnet_heldout{n}")
    return ck.load_corpus(HERE.parent / "sample", progress=False), f"actors_sample_heldout{n}"


def main() -> None:
    n = sys.argv[1] if len(sys.argv) > 1 else "3"
    corpus, stem = _corpus(n)
    mapping = HERE / "actors_gold_map.csv"
    a = load_mention_annotations(HERE / f"{stem}_coder_a.jsonl", corpus, mapping)
    b = load_mention_annotations(HERE / f"{stem}_coder_b.jsonl", corpus, mapping)
    print(f"held-out set {n}")
    print(f"paragraphs {len(a.attrs['units']['unit_id'])}; mentions: coder A {len(a)}, "
          f"coder B {len(b)}")
    for label, same in (("span", False), ("span and actor", True)):
        m = _matched(a, b, same)
        print(f"  {label:15s} matched {m:4d}  agreement F1 {2 * m / (len(a) + len(b)):.3f}")


if __name__ == "__main__":
    main()
