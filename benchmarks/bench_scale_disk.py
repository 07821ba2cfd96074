"""Scale on one machine (issue 11): a corpus on disk, from 100k to 1M documents.

For each size N, the synthetic corpus of bench_scale.py (SaudiNewsNet sentences recombined into
N new articles) goes through the whole pipeline on disk, in a fresh process:

    load_corpus(..., out=)  →  document_term_matrix(..., out=)  →  TopicModel(k=50).fit
    →  find_actors(..., out=)  →  frame_scores(..., out=)

on local worker processes (two on this machine). Printed per stage: wall time and the peak
memory (PSS) of the process and its workers; at the end the ratio of peak memory at the
largest size to the smallest, and a plot of time and memory against size. Each stage is also
written to WORK/stages.jsonl as it ends (WORK: the size's work folder under --scratch), so that
a run cut short still says how far it got.

    python benchmarks/bench_scale_disk.py [SAUDINEWSNET_DIR] [--sizes 100000,300000,1000000]
        [--scratch DIR] [--plot FILE] [--engine local|dask2] [--part-size 5000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import saudinewsnet
from bench_scale import TREE, build

PIPELINE = TREE + """
import json, sys, time
tree = Tree()
t0 = time.perf_counter()
import corpuskit as ck
from corpuskit.features import document_term_matrix
from corpuskit.topics import TopicModel
folder, work, mode, part_size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
only_load = sys.argv[5] == "load"
engine = "local"
if mode.startswith("dask"):
    from distributed import Client, LocalCluster
    engine = Client(LocalCluster(n_workers=int(mode[4:]), threads_per_worker=1,
                                 dashboard_address=":0"))
stages = {}
def stage(name, t):
    stages[name] = {"seconds": round(time.perf_counter() - t, 1), "peak_mb": round(tree.take())}
    with open(f"{work}/stages.jsonl", "a") as log:   # each stage as it ends: a run cut short
        log.write(json.dumps({"stage": name, **stages[name]}) + "\\n")   # still tells
    return time.perf_counter()
t = time.perf_counter()
corpus = ck.load_corpus(folder, progress=False, out=f"{work}/corpus", overwrite=True,
                        engine=engine, part_size=part_size)
t = stage("load to disk", t)
if only_load:
    print(json.dumps({"docs": len(corpus), "dtm": [0, 0], "mentions": 0, "units": 0,
                      "npmi": float("nan"), "stages": stages,
                      "total": round(time.perf_counter() - t0, 1)}))
    sys.exit(0)
dtm = document_term_matrix(corpus, min_df=5, max_df=0.5, out=f"{work}/dtm", engine=engine)
t = stage("document-term matrix", t)
model = TopicModel(k=50).fit(dtm, engine=engine)
t = stage("LDA k=50", t)
mentions = ck.find_actors(corpus, out=f"{work}/mentions", engine=engine)
t = stage("actors", t)
frames = ck.frame_scores(corpus, out=f"{work}/frames", engine=engine)
t = stage("framing", t)
print(json.dumps({"docs": len(corpus), "dtm": list(dtm.shape), "mentions": len(mentions),
                  "units": len(frames), "npmi": float(model.coherence().mean()),
                  "stages": stages, "total": round(time.perf_counter() - t0, 1)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("saudinewsnet", nargs="?")
    ap.add_argument("--sizes", default="100000,300000,1000000")
    ap.add_argument("--scratch", type=Path, default=Path(tempfile.gettempdir()))
    ap.add_argument("--plot", type=Path, default=Path(__file__).with_name("scale_disk.png"))
    ap.add_argument("--engine", default="local")
    ap.add_argument("--part-size", type=int, default=5000)
    ap.add_argument("--only-load", action="store_true",
                    help="run the load stage only (to measure it again)")
    ap.add_argument("--results", type=Path, default=Path(__file__).with_name("scale_disk.json"),
                    help="figures of every size run, kept across runs (the plot shows them all)")
    args = ap.parse_args()
    source = saudinewsnet([sys.argv[0]] + ([args.saudinewsnet] if args.saudinewsnet else []))
    results: dict[int, dict] = {}
    if args.results.exists():
        results = {int(k): v for k, v in json.loads(args.results.read_text()).items()}
    for n in [int(x) for x in args.sizes.split(",")]:
        folder = build(source, n, args.scratch / f"corpuskit_scale_{n}")
        work = args.scratch / f"corpuskit_scale_{n}_work"
        work.mkdir(exist_ok=True)
        proc = subprocess.run([sys.executable, "-c", PIPELINE, str(folder), str(work),
                               args.engine, str(args.part_size),
                               "load" if args.only_load else "all"],
                              capture_output=True, text=True)
        if proc.returncode:
            sys.exit(f"pipeline failed at {n:,}:\n{proc.stderr[-3000:]}")
        r = results[n] = json.loads(proc.stdout.splitlines()[-1])
        print(f"{n:,} documents ({r['docs']:,} loaded; DTM {r['dtm'][0]:,} × {r['dtm'][1]:,}; "
              f"{r['mentions']:,} mentions; {r['units']:,} framed paragraphs; "
              f"NPMI {r['npmi']:.4f}): {r['total']:.0f} s")
        for name, s in r["stages"].items():
            print(f"   {name:22s} {s['seconds']:8.1f} s   peak {s['peak_mb']:6.0f} MB")
        sys.stdout.flush()
        r["part_size"], r["engine"] = args.part_size, args.engine
        args.results.write_text(json.dumps(results, indent=1))
    sizes = sorted(results)
    peak = {n: max(s["peak_mb"] for s in results[n]["stages"].values()) for n in sizes}
    if len(sizes) > 1:
        print(f"peak memory at {sizes[-1]:,} / at {sizes[0]:,}: "
              f"{peak[sizes[-1]] / peak[sizes[0]]:.2f}x")
    plot(results, args.plot)
    print(f"wrote {args.plot}")


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(results)
    names = list(results[sizes[0]]["stages"])
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    for name in names:
        a.plot(sizes, [results[n]["stages"][name]["seconds"] for n in sizes], "o-", label=name)
        b.plot(sizes, [results[n]["stages"][name]["peak_mb"] for n in sizes], "o-", label=name)
    a.set(xlabel="documents", ylabel="seconds", title="time per stage", xscale="log",
          yscale="log")
    b.set(xlabel="documents", ylabel="peak memory (MB, PSS of all processes)",
          title="memory per stage", xscale="log", ylim=(0, None))
    a.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


if __name__ == "__main__":
    main()
