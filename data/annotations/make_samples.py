"""Draw the paragraphs that are hand-coded for corpuskit's validation (framing and actors).

Run once; the output references (never the SaudiNewsNet text) are what the project stores:

    python data/annotations/make_samples.py --saudinewsnet ../shared/corpora/saudinewsnet \
        --worksheets /tmp/worksheets

A paragraph is referenced by (file, article index in the JSON array, paragraph index among the
non-empty blank-line separated blocks of ``content``, BLAKE2b-64 of the stripped paragraph text).
Stratification uses a deliberately crude keyword screen only to over-sample conflict news; the
coders never see the stratum. The split into ``train`` (for building and fitting methods) and
``test`` (held out for the quality figures) is fixed here, by seed, before any coding.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
from pathlib import Path

SEED = 20261130
MIL = ("قصف", "غارات", "غارة", "اشتباك", "معارك", "مسلح", "قتلى", "قتل", "الجيش", "صواريخ", "هجوم",
       "عسكري", "الحوثي", "داعش", "انتحاري", "تفجير", "القوات")
DIP = ("محادثات", "مفاوضات", "وزير الخارجية", "اجتماع", "مجلس الأمن", "زيارة", "الأمم المتحدة",
       "اتفاق", "قمة", "مبعوث", "السفير", "بيان", "التعاون", "العلاقات", "استقبل")


def para_hash(text: str) -> str:
    return hashlib.blake2b(text.strip().encode("utf-8"), digest_size=8).hexdigest()


def paragraphs(content: str) -> list[str]:
    return [b.strip() for b in (content or "").split("\n\n") if b.strip()]


def stratum(p: str) -> str:
    m = sum(p.count(w) for w in MIL)
    d = sum(p.count(w) for w in DIP)
    if m >= 2 and m > d:
        return "mil"
    if d >= 2 and d > m:
        return "dip"
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--saudinewsnet", required=True)
    ap.add_argument("--out", default="build/annotations/items.csv",
                    help="the references drawn (the first columns of the coding files here)")
    ap.add_argument("--worksheets", required=True, help="folder for the coders' worksheets (not committed)")
    ap.add_argument("--n", type=int, default=720)
    args = ap.parse_args()
    root = Path(args.saudinewsnet)
    pools: dict[str, list[dict]] = {"mil": [], "dip": [], "other": []}
    seen: set[str] = set()
    for f in sorted(root.glob("*.json")):
        for ai, art in enumerate(json.loads(f.read_text(encoding="utf-8"))):
            for pi, p in enumerate(paragraphs(art.get("content", ""))):
                n_words = len(p.split())
                h = para_hash(p)
                if not 15 <= n_words <= 160 or h in seen:
                    continue
                seen.add(h)
                pools[stratum(p)].append({"file": f.name, "article": ai, "paragraph": pi,
                                          "hash": h, "text": p})
    rng = random.Random(SEED)
    quota = {"mil": args.n * 3 // 8, "dip": args.n * 3 // 8}
    quota["other"] = args.n - quota["mil"] - quota["dip"]
    chosen = []
    for s, q in quota.items():
        chosen += [dict(r, stratum=s) for r in rng.sample(pools[s], q)]
    rng.shuffle(chosen)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    ws = Path(args.worksheets)
    ws.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["item", "file", "article", "paragraph", "hash", "split"])
        for i, r in enumerate(chosen, 1):
            w.writerow([f"snn{i:04d}", r["file"], r["article"], r["paragraph"], r["hash"],
                        "test" if i % 2 == 0 else "train"])
    # Worksheets hold the text for the coders only; they stay outside the project.
    with (ws / "saudinewsnet_paragraphs.jsonl").open("w", encoding="utf-8") as fh:
        for i, r in enumerate(chosen, 1):
            fh.write(json.dumps({"item": f"snn{i:04d}", "text": r["text"]}, ensure_ascii=False) + "\n")
    print({s: len(p) for s, p in pools.items()}, "->", len(chosen), "items;", out)


if __name__ == "__main__":
    main()
