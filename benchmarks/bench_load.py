"""Loading + normalizing the 6,340 SaudiNewsNet articles: wall time and peak memory.

corpuskit: ``load_corpus(folder)`` (decoding, field recognition, dates, ids, exact and near
duplicate detection, the load report) then ``corpus.normalized()`` (default preset). Each run is a
fresh Python process so that peak RSS is that run's own. Reference in the same run: the naive
script a researcher would write (``json.load`` every file, camel-tools' normalization chain on
each text; no dates, ids, duplicates or report).

    python benchmarks/bench_load.py [SAUDINEWSNET_DIR]
"""

from __future__ import annotations

import json
import subprocess
import sys

from _common import PEAK_RSS, saudinewsnet

CORPUSKIT = PEAK_RSS + """
import json, sys, time
t0 = time.perf_counter()
import corpuskit as ck
corpus = ck.load_corpus(sys.argv[1])
t1 = time.perf_counter()
normalized = corpus.normalized()
t2 = time.perf_counter()
print(json.dumps({"docs": len(corpus), "records": int(corpus.report["record"].notna().sum()),
                  "load": t1 - t0, "normalize": t2 - t1, "total": t2 - t0,
                  "peak_mb": peak_mb()}))
"""

NAIVE = PEAK_RSS + """
import json, pathlib, sys, time
t0 = time.perf_counter()
from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                         normalize_teh_marbuta_ar)
arclean = CharMapper.builtin_mapper("arclean")
docs = []
for f in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
    docs += json.loads(f.read_text(encoding="utf-8"))
norm = [normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(
    arclean(d.get("content") or ""))))) for d in docs]
t1 = time.perf_counter()
print(json.dumps({"docs": len(docs), "total": t1 - t0,
                  "peak_mb": peak_mb()}))
"""


def run(code: str, folder: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, folder], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    folder = str(saudinewsnet(sys.argv))
    ck = min((run(CORPUSKIT, folder) for _ in range(3)), key=lambda r: r["total"])
    naive = min((run(NAIVE, folder) for _ in range(3)), key=lambda r: r["total"])
    print(f"corpuskit: {ck['records']} records read, {ck['docs']} documents loaded")
    print(f"  load_corpus   {ck['load']:6.2f} s  (imports, decoding, fields, dates, ids, duplicates)")
    print(f"  normalized()  {ck['normalize']:6.2f} s")
    print(f"  total         {ck['total']:6.2f} s   peak memory {ck['peak_mb']:6.0f} MB   "
          f"(targets: < 10 s, < 1 GB)")
    print(f"reference (json.load + camel-tools chain, nothing else): {naive['total']:6.2f} s   "
          f"peak memory {naive['peak_mb']:6.0f} MB")
    print(f"ratio corpuskit / reference time: {ck['total'] / naive['total']:.2f}")


if __name__ == "__main__":
    main()
