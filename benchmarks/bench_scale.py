"""Scale baseline (issue 11): load → DTM → TopicModel(k=20) on a synthetic corpus of N articles.

The corpus is built from SaudiNewsNet by recombining paragraphs of different articles into new
documents (seeded), so that duplicate detection does not collapse them, and written as
SaudiNewsNet-style JSON files (1,000 articles each) to a scratch folder. Each pipeline runs in a
fresh process; the figures are wall time per stage and the peak resident memory of that process.

1. corpuskit: load_corpus → document_term_matrix(min_df=5, max_df=0.5) → TopicModel(k=20).
2. The plain pipeline: camel-tools' simple_word_tokenize as CountVectorizer's analyzer (same
   min_df/max_df) → scikit-learn LatentDirichletAllocation(20, random_state=0, n_jobs=2).

    python benchmarks/bench_scale.py [SAUDINEWSNET_DIR] [--n 31000] [--scratch DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import PEAK_RSS, saudinewsnet

SEED = 20261130
PER_FILE = 1000

OURS = PEAK_RSS + """
import json, sys, time
t0 = time.perf_counter()
import corpuskit as ck
from corpuskit.features import document_term_matrix
from corpuskit.topics import TopicModel
corpus = ck.load_corpus(sys.argv[1], progress=False)
t1 = time.perf_counter(); m1 = peak_mb()
dtm = document_term_matrix(corpus, min_df=5, max_df=0.5)
t2 = time.perf_counter(); m2 = peak_mb()
model = TopicModel(k=20).fit(dtm)
t3 = time.perf_counter()
print(json.dumps({"docs": len(corpus.docs), "load": t1 - t0, "dtm": t2 - t1, "fit": t3 - t2,
                  "total": t3 - t0, "peak_load": m1, "peak_dtm": m2, "peak": peak_mb(),
                  "shape": list(dtm.shape), "npmi": float(model.coherence().mean())}))
"""

PLAIN = PEAK_RSS + """
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from camel_tools.tokenizers.word import simple_word_tokenize
from sklearn.decomposition import LatentDirichletAllocation
from sklearn.feature_extraction.text import CountVectorizer
texts = []
for f in sorted(Path(sys.argv[1]).glob("*.json")):
    texts += [f"{a['title']}\\n\\n{a['content']}" for a in json.loads(f.read_text("utf-8"))]
t1 = time.perf_counter()
X = CountVectorizer(analyzer=simple_word_tokenize, min_df=5, max_df=0.5).fit_transform(texts)
t2 = time.perf_counter()
LatentDirichletAllocation(20, random_state=0, n_jobs=2).fit(X)
t3 = time.perf_counter()
print(json.dumps({"docs": len(texts), "load": t1 - t0, "dtm": t2 - t1, "fit": t3 - t2,
                  "total": t3 - t0, "peak": peak_mb(), "shape": list(X.shape)}))
"""


def build(source: Path, n: int, out: Path) -> Path:
    """Write n recombined articles to out (reused when a finished build is already there)."""
    done = out / "BUILT"
    if done.exists() and done.read_text() == f"{n} v2":
        return out
    out.mkdir(parents=True, exist_ok=True)
    articles, pool, seen = [], [], set()
    for f in sorted(source.glob("*.json")):
        for a in json.loads(f.read_text(encoding="utf-8")):
            # SaudiNewsNet separates paragraphs by single line breaks.
            paras = [p.strip() for p in (a.get("content") or "").splitlines() if p.strip()]
            articles.append((a, len(paras)))
            for p in paras:
                if len(p.split()) >= 8 and p not in seen:
                    seen.add(p)
                    pool.append(p)
    rng = random.Random(SEED)
    batch: list[dict] = []
    for i in range(n):
        meta, length = rng.choice(articles)
        paras = rng.sample(pool, max(1, min(length, 12)))
        batch.append({"source": meta.get("source"), "url": f"synthetic://{SEED}/{i}",
                      "date_extracted": meta.get("date_extracted"),
                      "title": " ".join(paras[0].split()[:10]), "author": "",
                      "content": "\n\n".join(paras)})
        if len(batch) == PER_FILE or i == n - 1:
            name = out / f"part-{i // PER_FILE:05d}.json"
            name.write_text(json.dumps(batch, ensure_ascii=False), encoding="utf-8")
            batch = []
    done.write_text(f"{n} v2")
    return out


def run(code: str, folder: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True,
                          text=True)
    if proc.returncode:
        sys.exit(f"pipeline failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("saudinewsnet", nargs="?")
    ap.add_argument("--n", type=int, default=31000)
    ap.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()))
    ap.add_argument("--skip-plain", action="store_true")
    args = ap.parse_args()
    source = saudinewsnet([sys.argv[0]] + ([args.saudinewsnet] if args.saudinewsnet else []))
    folder = build(source, args.n, args.scratch / f"corpuskit_scale_{args.n}")
    print(f"synthetic corpus: {args.n:,} recombined articles in {folder}")
    ours = run(OURS, folder)
    print(f"corpuskit: {ours['docs']:,} documents, DTM {ours['shape'][0]:,} × {ours['shape'][1]:,}")
    print(f"   load {ours['load']:.1f} s (peak {ours['peak_load']:.0f} MB) + DTM {ours['dtm']:.1f} s "
          f"(peak {ours['peak_dtm']:.0f} MB) + TopicModel(k=20) {ours['fit']:.1f} s = "
          f"{ours['total']:.1f} s; peak {ours['peak']:.0f} MB "
          f"({ours['peak'] * 1024 / ours['docs']:.0f} KB per document); NPMI {ours['npmi']:.4f}")
    if not args.skip_plain:
        plain = run(PLAIN, folder)
        print(f"plain camel-tools + scikit-learn: read {plain['load']:.1f} s + CountVectorizer "
              f"{plain['dtm']:.1f} s + LatentDirichletAllocation(20) {plain['fit']:.1f} s = "
              f"{plain['total']:.1f} s; peak {plain['peak']:.0f} MB")
        print(f"time ratio plain / corpuskit: {plain['total'] / ours['total']:.2f}x; "
              f"memory ratio {plain['peak'] / ours['peak']:.2f}x")


if __name__ == "__main__":
    main()
