"""Scale baseline (issue 11): load → DTM → TopicModel(k=20) on a synthetic corpus of N articles.

The corpus is built from SaudiNewsNet by recombining paragraphs of different articles into new
documents (seeded), so that duplicate detection does not collapse them, and written as
SaudiNewsNet-style JSON files (1,000 articles each) to a scratch folder. Each pipeline runs in a
fresh process; the figures are wall time per stage and the peak memory (PSS) of that process
and every worker process it starts.

1. corpuskit, in each of --modes: load_corpus (in memory, or to a corpus on disk) →
   document_term_matrix(min_df=5, max_df=0.5) → TopicModel(k=20).fit(engine=...), on local
   worker processes or a Dask LocalCluster of 1, 2 or 8 workers.
2. The plain pipeline: camel-tools' simple_word_tokenize as CountVectorizer's analyzer (same
   min_df/max_df) → scikit-learn LatentDirichletAllocation(20, random_state=0, n_jobs=2).

    python benchmarks/bench_scale.py [SAUDINEWSNET_DIR] [--n 31000] [--scratch DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import PEAK_RSS, saudinewsnet

SEED = 20261130
PER_FILE = 1000

TREE = """
import threading, psutil
class Tree:
    # Peak memory of this process and all its children (worker processes, a Dask
    # LocalCluster's nannies and workers), sampled every 200 ms, in MB; per stage. PSS, not RSS:
    # forked workers share the parent's pages (camel-tools, torch), counted once, not n times.
    def __init__(self):
        self.peak = 0.0; self.me = psutil.Process(); threading.Thread(target=self.run, daemon=True).start()
    def now(self):
        total = 0
        for p in [self.me] + self.me.children(recursive=True):
            try: total += p.memory_full_info().pss
            except psutil.Error: pass
        return total / 2**20
    def run(self):
        import time
        while True:
            self.peak = max(self.peak, self.now()); time.sleep(0.2)
    def take(self):
        p = max(self.peak, self.now()); self.peak = self.now(); return p
"""

OURS = TREE + """
import json, shutil, sys, time
t0 = time.perf_counter()
tree = Tree()
import corpuskit as ck
from corpuskit.features import document_term_matrix
from corpuskit.topics import TopicModel
mode, folder = sys.argv[2], sys.argv[1]
engine, client = "local", None
if mode.startswith("dask"):
    from distributed import Client, LocalCluster
    cluster = LocalCluster(n_workers=int(mode[4:]), threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    engine = client = Client(cluster)
kw = {} if mode == "default" else {"engine": engine}
if mode in ("memory", "default"):
    corpus = ck.load_corpus(folder, progress=False)
else:
    out = folder.rstrip("/") + f"_disk_{mode}"
    corpus = ck.load_corpus(folder, progress=False, out=out, overwrite=True, engine=engine)
t1 = time.perf_counter(); m1 = tree.take()
dtm = document_term_matrix(corpus, min_df=5, max_df=0.5, **kw)
t2 = time.perf_counter(); m2 = tree.take()
model = TopicModel(k=20).fit(dtm, **kw)
t3 = time.perf_counter(); m3 = tree.take()
print(json.dumps({"docs": len(corpus), "load": t1 - t0, "dtm": t2 - t1, "fit": t3 - t2,
                  "total": t3 - t0, "peak_load": m1, "peak_dtm": m2, "peak_fit": m3,
                  "peak": max(m1, m2, m3), "shape": list(dtm.shape),
                  "npmi": float(model.coherence().mean()),
                  "topics": model.components_.tolist()}))
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


BUILD_VERSION = "v4"
_SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+")


def build(source: Path, n: int, out: Path) -> Path:
    """Write n recombined articles to out (reused when a finished build is already there).

    The pool is SaudiNewsNet's sentences (5 words or more, each once); a new article takes 5 to
    18 of them (about 370 words, as SaudiNewsNet's articles have on average) from different
    articles, in paragraphs of 1 to 4 sentences, with the source and crawl date of a random real
    article. Six in ten SaudiNewsNet articles are one line with no paragraph breaks, so
    recombining whole lines would make thousands of exact copies; two recombined articles here
    share a sentence now and then, as wire copies and boilerplate do, and (almost) never most of
    their text."""
    done = out / "BUILT"
    if done.exists() and done.read_text() == f"{n} {BUILD_VERSION}":
        return out
    out.mkdir(parents=True, exist_ok=True)
    articles, pool, seen = [], [], set()
    for f in sorted(source.glob("*.json")):
        for a in json.loads(f.read_text(encoding="utf-8")):
            articles.append(a)
            for line in (a.get("content") or "").splitlines():
                for sent in _SENTENCE_END.split(line.strip()):
                    if len(sent.split()) >= 5 and sent not in seen:
                        seen.add(sent)
                        pool.append(sent)
    rng = random.Random(SEED)
    batch: list[dict] = []
    for i in range(n):
        meta = rng.choice(articles)
        sents = rng.sample(pool, rng.randint(5, 18))
        paras, k = [], 0
        while k < len(sents):
            step = rng.randint(1, 4)
            paras.append(" ".join(sents[k:k + step]))
            k += step
        batch.append({"source": meta.get("source"), "url": f"synthetic://{SEED}/{i}",
                      "date_extracted": meta.get("date_extracted"),
                      "title": " ".join(sents[0].split()[:10]), "author": "",
                      "content": "\n\n".join(paras)})
        if len(batch) == PER_FILE or i == n - 1:
            name = out / f"part-{i // PER_FILE:05d}.json"
            name.write_text(json.dumps(batch, ensure_ascii=False), encoding="utf-8")
            batch = []
    done.write_text(f"{n} {BUILD_VERSION}")
    return out


def run(code: str, folder: Path, *extra: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, str(folder), *extra], capture_output=True,
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
    ap.add_argument("--modes", default="memory,disk,dask1,dask2",
                    help="comma-separated: " + ", ".join(MODES))
    args = ap.parse_args()
    source = saudinewsnet([sys.argv[0]] + ([args.saudinewsnet] if args.saudinewsnet else []))
    folder = build(source, args.n, args.scratch / f"corpuskit_scale_{args.n}")
    print(f"synthetic corpus: {args.n:,} recombined articles in {folder}")
    runs = {}
    for mode in args.modes.split(","):
        r = runs[mode] = run(OURS, folder, mode)
        print(f"corpuskit [{MODES[mode]}]: {r['docs']:,} documents, DTM {r['shape'][0]:,} × "
              f"{r['shape'][1]:,}")
        print(f"   load {r['load']:.1f} s (peak {r['peak_load']:.0f} MB) + DTM {r['dtm']:.1f} s "
              f"(peak {r['peak_dtm']:.0f} MB) + TopicModel(k=20) {r['fit']:.1f} s (peak "
              f"{r['peak_fit']:.0f} MB) = {r['total']:.1f} s; peak {r['peak']:.0f} MB "
              f"({r['peak'] * 1024 / r['docs']:.0f} KB per document); NPMI {r['npmi']:.4f}")
    first = runs[args.modes.split(",")[0]]
    for mode, r in runs.items():
        if r is not first:
            print(f"   {mode} against {args.modes.split(',')[0]}: time "
                  f"{r['total'] / first['total']:.2f}x, topic similarity "
                  f"{similarity(first['topics'], r['topics']):.6f}")
    if not args.skip_plain:
        plain = run(PLAIN, folder)
        print(f"plain camel-tools + scikit-learn: read {plain['load']:.1f} s + CountVectorizer "
              f"{plain['dtm']:.1f} s + LatentDirichletAllocation(20) {plain['fit']:.1f} s = "
              f"{plain['total']:.1f} s; peak {plain['peak']:.0f} MB")
        print(f"time ratio plain / corpuskit [{args.modes.split(',')[0]}]: "
              f"{plain['total'] / first['total']:.2f}x; memory ratio "
              f"{plain['peak'] / first['peak']:.2f}x")


MODES = {"default": "the calls without engine= (the API before issue 11)",
         "memory": "in memory, local worker processes",
         "disk": "corpus on disk, local worker processes",
         "dask1": "corpus on disk, Dask LocalCluster of 1 worker",
         "dask2": "corpus on disk, Dask LocalCluster of 2 workers",
         "dask8": "corpus on disk, Dask LocalCluster of 8 workers (on 2 cores)"}


def similarity(a: list, b: list) -> float:
    """Mean cosine similarity of matched topics (Hungarian matching)."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    x, y = np.asarray(a), np.asarray(b)
    x = x / np.linalg.norm(x, axis=1, keepdims=True)
    y = y / np.linalg.norm(y, axis=1, keepdims=True)
    sim = x @ y.T
    r, c = linear_sum_assignment(-sim)
    return float(sim[r, c].mean())


if __name__ == "__main__":
    main()
