"""Build a held-out actor set's gold file from its two annotations and the adjudication.

    .venv/bin/python data/annotations/apply_adjudication.py 4 [--check]

The gold set is coder A's annotation (``..._heldout<N>_coder_a.jsonl``) with the third
adjudicator's decisions (``..._heldout<N>_adjudication.jsonl``) applied: a span with
``"keep": false`` is removed, a span with ``"keep": true`` that coder A did not mark is taken
from coder B (with the adjudicator's actor name when one is given); a dropped span coder A did
not mark was coder B's alone and simply stays out. Writes ``actors_sample_heldout<N>.jsonl``
(sets 5 on: ``actors_saudinewsnet_heldout<N>.jsonl``); ``--check`` only compares with the file already
there (sets 2 and 3 were built this way before the script existed, and the check reproduces
them).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _key(m: dict) -> object:
    """A mention's span: its surface, or its offsets where the text is not shipped."""
    return m["surface"] if "surface" in m else (m["start"], m["end"])


def _same(m: dict, key: object, actor: str | None) -> bool:
    return _key(m) == key and (actor is None or m["actor"] == actor)


def stem(n: int) -> str:
    """Sets 2-4 are sample-corpus paragraphs, sets 5 on SaudiNewsNet paragraphs."""
    return f"actors_saudinewsnet_heldout{n}" if n >= 5 else f"actors_sample_heldout{n}"


def build(n: int) -> list[dict]:
    a = _records(HERE / f"{stem(n)}_coder_a.jsonl")
    b = {r["item"]: r for r in _records(HERE / f"{stem(n)}_coder_b.jsonl")}
    decisions = _records(HERE / f"{stem(n)}_adjudication.jsonl")
    by_item: dict[str, list[dict]] = {}
    for d in decisions:
        by_item.setdefault(d["item"], []).append(d)
    out = []
    for rec in a:
        mentions = list(rec["mentions"])
        for d in by_item.pop(rec["item"], []):
            actor = d.get("actor_a") if "actor_a" in d else None
            key = _key(d)
            if not d["keep"]:
                hit = [m for m in mentions if _same(m, key, actor)]
                if hit:
                    mentions.remove(hit[0])
                elif not any(_key(m) == key for m in b[rec["item"]]["mentions"]):
                    sys.exit(f"{rec['item']}: {key!r} to drop is in neither file")
            elif not any(_same(m, key, d.get("actor")) for m in mentions):
                src = [m for m in b[rec["item"]]["mentions"] if _key(m) == key]
                if not src:
                    sys.exit(f"{rec['item']}: {key!r} to keep is in neither file")
                m = dict(src[0])
                if d.get("actor"):
                    m["actor"], m["type"] = d["actor"], d.get("type", m["type"])
                mentions.append(m)
        out.append({**rec, "mentions": mentions})
    if by_item:
        sys.exit(f"decisions for unknown items: {sorted(by_item)}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("set", type=int)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    gold = build(args.set)
    path = HERE / f"{stem(args.set)}.jsonl"
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold)
    if args.check:
        old = _records(path)
        same = [sorted(map(json.dumps, r["mentions"])) for r in old] == \
            [sorted(map(json.dumps, r["mentions"])) for r in gold]
        print("same as", path.name if same else f"DIFFERENT from {path.name}")
        sys.exit(0 if same else 1)
    path.write_text(text, encoding="utf-8")
    print(f"{path.name}: {len(gold)} paragraphs, {sum(len(r['mentions']) for r in gold)} "
          "mentions")


if __name__ == "__main__":
    main()
