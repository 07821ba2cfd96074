"""Topics on SaudiNewsNet: end-to-end time, corpuskit vs gensim, and stability of the defaults.

1. load → DTM (normalization, stop words, stems) → LDA k=20 with corpuskit's defaults, timed
   stage by stage in one fresh process (target: under 15 s).
2. gensim's LdaMulticore on the same DTM, same k, with as many passes as corpuskit's LDA makes
   (2) and with 10; the time ratio and the NPMI coherence (top 10 words, document co-occurrence
   on the same DTM) of each.
3. Stability at k=20 (3 seeds, each fitted on a 90% resample): corpuskit's default (LDA started
   from NMF), LDA from random starts (scikit-learn's default), and NMF.

    python benchmarks/bench_topics.py [SAUDINEWSNET_DIR]        (needs `pip install gensim`)
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from _common import saudinewsnet

END_TO_END = """
import json, sys, time
t0 = time.perf_counter()
import corpuskit as ck
from corpuskit.features import document_term_matrix
from corpuskit.topics import TopicModel
corpus = ck.load_corpus(sys.argv[1])
t1 = time.perf_counter()
dtm = document_term_matrix(corpus, min_df=5, max_df=0.5)
t2 = time.perf_counter()
model = TopicModel(k=20).fit(dtm)
t3 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "dtm": t2 - t1, "fit": t3 - t2, "total": t3 - t0,
                  "shape": list(dtm.shape), "coherence": float(model.coherence().mean())}))
"""


def main() -> None:
    folder = str(saudinewsnet(sys.argv))
    runs = [json.loads(subprocess.run([sys.executable, "-c", END_TO_END, folder], check=True,
                                      capture_output=True, text=True).stdout.splitlines()[-1])
            for _ in range(3)]
    e2e = min(runs, key=lambda r: r["total"])
    print(f"1. end to end, k=20 (best of 3 fresh processes; DTM {e2e['shape'][0]} documents × "
          f"{e2e['shape'][1]} terms)")
    print(f"   load_corpus {e2e['load']:.2f} s + DTM {e2e['dtm']:.2f} s + TopicModel.fit "
          f"{e2e['fit']:.2f} s = {e2e['total']:.2f} s   (target < 15 s)")

    import numpy as np

    import corpuskit as ck
    from corpuskit.features import document_term_matrix
    from corpuskit.topics import TopicModel, npmi_coherence, stability

    dtm = document_term_matrix(ck.load_corpus(folder), min_df=5, max_df=0.5)
    t = time.perf_counter()
    ours = TopicModel(k=20).fit(dtm)
    ours_s = time.perf_counter() - t
    ours_npmi = float(npmi_coherence(ours.components_, dtm).mean())
    print("2. against gensim LdaMulticore on the same DTM, k=20")
    print(f"   corpuskit TopicModel(k=20) (NMF start + 2 batch passes): {ours_s:6.2f} s  "
          f"NPMI {ours_npmi:.4f}")
    try:
        from gensim.matutils import Sparse2Corpus
        from gensim.models import LdaMulticore
    except ImportError:
        print("   gensim is not installed: pip install gensim")
    else:
        bow = Sparse2Corpus(dtm.matrix, documents_columns=False)
        id2word = dict(enumerate(dtm.vocabulary))
        for passes in (2, 10):
            t = time.perf_counter()
            g = LdaMulticore(bow, num_topics=20, id2word=id2word, passes=passes, workers=1,
                             chunksize=512, random_state=0)
            g_s = time.perf_counter() - t
            g_npmi = float(npmi_coherence(g.get_topics(), dtm).mean())
            print(f"   gensim LdaMulticore(passes={passes:2d}, workers=1):             {g_s:6.2f} s  "
                  f"NPMI {g_npmi:.4f}   time ratio gensim/corpuskit {g_s / ours_s:4.1f}x")

    print("3. stability at k=20: 3 seeds, each fitted on a 90% resample of the documents")
    for name, params in (("LDA started from NMF (default)", {}),
                         ("LDA from random starts", {"init": "random"}),
                         ("NMF", {"method": "nmf"})):
        t = time.perf_counter()
        st = stability(dtm, 20, seeds=(0, 1, 2), **params)
        coh = np.mean([r.coherence().mean() for r in st.runs])
        print(f"   {name:32s} stability {st.score:.3f} (least stable topic "
              f"{st.topics['stability'].min():.3f})  NPMI {coh:.4f}  "
              f"{(time.perf_counter() - t) / 3:5.1f} s per fit")


if __name__ == "__main__":
    main()
