"""Larger than memory: online LDA streamed from Parquet keeps peak memory flat as the corpus grows.

Writes the SaudiNewsNet corpus to Parquet once (1x) and four times over (4x, 25,000 documents),
then in a fresh process for each: fit_topics_streaming(k=20, batch_size=1000, one pass, min_df
as a share of the documents so that both get the same vocabulary); prints
peak memory (RSS) and time, and the ratio 4x / 1x.

    python benchmarks/bench_stream.py [SAUDINEWSNET_DIR]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import PEAK_RSS, saudinewsnet

RUN = PEAK_RSS + """
import json, sys, time
t0 = time.perf_counter()
from corpuskit.stream import fit_topics_streaming
# min_df as a share: the same vocabulary for the corpus and for it repeated (counts would grow it)
model = fit_topics_streaming(sys.argv[1], 20, batch_size=1000, min_df=0.0008, passes=1)
print(json.dumps({"seconds": time.perf_counter() - t0, "terms": len(model.vocabulary_),
                  "peak_mb": peak_mb()}))
"""


def main() -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    import corpuskit as ck

    docs = ck.load_corpus(saudinewsnet(sys.argv)).docs[["doc_id", "title", "text", "date",
                                                        "source"]]
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for times in (1, 4):
            path = Path(tmp) / f"snn_{times}x.parquet"
            with pq.ParquetWriter(path, pa.Table.from_pandas(docs, preserve_index=False).schema) as w:
                for i in range(times):  # written copy by copy: the 4x file is never in memory
                    part = docs.assign(doc_id=docs["doc_id"] + f"-{i}")
                    w.write_table(pa.Table.from_pandas(part, preserve_index=False),
                                  row_group_size=1000)
            paths[times] = path
        res = {t: json.loads(subprocess.run([sys.executable, "-c", RUN, str(p)], check=True,
                                            capture_output=True, text=True).stdout.splitlines()[-1])
               for t, p in paths.items()}
    n = len(docs)
    for t, r in res.items():
        print(f"{t}x ({t * n:6d} documents): peak memory {r['peak_mb']:6.0f} MB, "
              f"{r['seconds']:6.1f} s, vocabulary {r['terms']} terms")
    print(f"ratio 4x / 1x: memory {res[4]['peak_mb'] / res[1]['peak_mb']:.2f}, "
          f"time {res[4]['seconds'] / res[1]['seconds']:.2f}")


if __name__ == "__main__":
    main()
