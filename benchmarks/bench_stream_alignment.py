"""Streaming LDA against the batch model: does online LDA, scaled by the corpus size, learn the
same topics? (issue 7)

SaudiNewsNet is shuffled (seeded) and written to Parquet; a batch TopicModel(k=20) is fitted on
the whole corpus with the streaming vocabulary; then online LDA is streamed over the file in
batches of 500 documents for 1 and 3 passes, twice: with each update scaled by the corpus size
(total_samples = the number of documents, as corpuskit now does) and as before the fix (scaled
by the first batch's size, as if every batch were the whole corpus). Printed: the mean and the
lowest Hungarian-matched cosine similarity of the streamed topics to the batch model's.

    python benchmarks/bench_stream_alignment.py [SAUDINEWSNET_DIR]
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

from _common import saudinewsnet

K, BATCH = 20, 500


def main() -> None:
    import corpuskit as ck
    from corpuskit.features import ArabicAnalyzer, document_term_matrix
    from corpuskit.stream import iter_parquet_corpus, stream_vocabulary
    from corpuskit.topics import TopicModel, align_topics

    warnings.simplefilter("ignore")
    corpus = ck.load_corpus(saudinewsnet(sys.argv), progress=False).drop_duplicates()
    order = np.random.default_rng(0).permutation(len(corpus))
    shuffled = ck.Corpus(corpus.docs.iloc[order].reset_index(drop=True))
    with tempfile.TemporaryDirectory() as tmp:
        path = shuffled.to_parquet(Path(tmp) / "c.parquet")
        analyzer = ArabicAnalyzer()
        vocab = stream_vocabulary(path, min_df=5, max_df=0.5, analyzer=analyzer)
        full = document_term_matrix(shuffled, vocabulary=vocab, analyzer=analyzer)
        t0 = time.perf_counter()
        batch = TopicModel(k=K).fit(full)
        print(f"batch model: {full.shape[0]} documents x {len(vocab)} terms, "
              f"{time.perf_counter() - t0:.1f} s")
        print(f"{'passes':>6} {'scaling':>28} {'mean sim':>9} {'lowest':>7} {'time':>7}")
        for passes in (1, 3):
            for label, total in (("corpus size (after the fix)", full.shape[0]),
                                 ("first batch (before the fix)", BATCH)):
                t0 = time.perf_counter()
                m = TopicModel(k=K, learning_method="online", batch_size=BATCH)
                for _ in range(passes):
                    for part in iter_parquet_corpus(path, BATCH):
                        dtm = document_term_matrix(part, vocabulary=vocab, analyzer=analyzer,
                                                   meta=[])
                        m.partial_fit(dtm, total_samples=total)
                sim = align_topics(batch.components_, m.components_)[1]
                print(f"{passes:>6} {label:>28} {sim.mean():9.3f} {sim.min():7.3f} "
                      f"{time.perf_counter() - t0:6.1f}s")


if __name__ == "__main__":
    main()
