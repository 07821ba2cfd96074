"""Hostile input and memory: a load's peak memory does not grow with the largest file.

Builds, in a temporary folder, the inputs that used to exhaust memory (issue 6), each beside one
good article, and loads each in a fresh process with the default limits; prints time, peak
memory (VmHWM) and what the load report says of the crafted file. A reference load of the good
article alone gives the baseline the others are compared with. Then the JSON reader alone on the
large arrays: parsing streams, so its memory does not grow with the file; a load that keeps
every record in memory grows with the number of documents it keeps (the on-disk corpus of
issue 11 removes that).

    python benchmarks/bench_hostile.py            # about 1.2 GB of temporary files
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from _common import PEAK_RSS

GOOD = ("خبر سليم عن حلب\n\nقال المرصد السوري إن الاشتباكات استمرت في أحياء المدينة طوال الليل "
        "وسط قصف مدفعي عنيف على الأحياء السكنية.")
RUN = PEAK_RSS + """
import json, sys, time
t0 = time.perf_counter()
import corpuskit as ck
c = ck.load_corpus(*sys.argv[1:], progress=False)
rep = c.report[~c.report["path"].str.endswith("good.txt")]
reasons = sorted(set(rep["status"] + ": " + rep["reason"].fillna("").str.slice(0, 70)))
print(json.dumps({"seconds": time.perf_counter() - t0, "peak_mb": peak_mb(),
                  "documents": len(c), "rows": len(rep), "reasons": reasons[:3]}))
"""
READ_ONLY = PEAK_RSS + """
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from corpuskit.readers import READERS, ReadContext, Source
n = sum(1 for _ in READERS["json"](Source.from_path(Path(sys.argv[1])), ReadContext()))
print(json.dumps({"seconds": time.perf_counter() - t0, "peak_mb": peak_mb(), "records": n}))
"""
ARTICLE = ("قال المرصد السوري لحقوق الإنسان إن القوات الحكومية قصفت أحياء في مدينة حمص، وأضاف أن "
           "الاشتباكات استمرت حتى ساعات الصباح الأولى في حي الإنشاءات وبابا عمرو. ")


def build(root: Path) -> dict[str, Path]:
    cases: dict[str, Path] = {}
    nine_mb = ("خبر طويل\n\n" + ARTICLE * (9 * 1024 * 1024 // len(ARTICLE.encode()))).encode()
    z = root / "bomb400.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(400):
            zf.writestr(f"m{i:03d}.txt", nine_mb)
    cases["zip: 400 members of 9 MB"] = z
    gz = root / "big.txt.gz"
    with gzip.open(gz, "wb", compresslevel=1) as fh:
        chunk = ARTICLE.encode() * 4000
        for _ in range(200 * 1024 * 1024 // len(chunk)):
            fh.write(chunk)
    cases["200 MB .txt.gz (one page)"] = gz
    line = root / "oneline.txt"
    with line.open("wb") as fh:
        chunk = ARTICLE.encode() * 4000
        for _ in range(100 * 1024 * 1024 // len(chunk)):
            fh.write(chunk)
    cases["100 MB one-line text"] = line
    for mb in (100, 500):
        path = root / f"array{mb}.json"
        n = 0
        with path.open("w", encoding="utf-8") as fh:
            fh.write("[")
            size = 0
            while size < mb * 1024 * 1024:
                rec = json.dumps({"title": f"خبر {n}", "content": f"{ARTICLE} {n}" * 8,
                                  "date": "2012-02-10"}, ensure_ascii=False)
                fh.write(("," if n else "") + rec)
                size += len(rec.encode())
                n += 1
            fh.write("]")
        cases[f"{mb} MB JSON array ({n:,} records)"] = path
    return cases


def run(paths: list[Path], code: str = RUN) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *map(str, paths)], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        good = root / "good" / "good.txt"
        good.parent.mkdir()
        good.write_text(GOOD, encoding="utf-8")
        cases = build(root)
        base = run([good])
        print(f"{'input':36} {'size':>9} {'time':>8} {'peak':>9} {'vs good':>8}  report")
        print(f"{'one good article (reference)':36} {'':>9} {base['seconds']:7.2f}s "
              f"{base['peak_mb']:7.0f}MB {1:7.2f}x")
        for label, path in cases.items():
            r = run([path, good])
            size = path.stat().st_size / 1024 / 1024
            print(f"{label:36} {size:7.1f}MB {r['seconds']:7.2f}s {r['peak_mb']:7.0f}MB "
                  f"{r['peak_mb'] / base['peak_mb']:7.2f}x  {r['documents'] - 1} docs, "
                  f"{r['rows']} rows: {'; '.join(r['reasons'])}")
        print("\nThe JSON reader alone (records parsed and discarded; the corpus is not kept):")
        for label, path in cases.items():
            if path.suffix == ".json":
                r = run([path], READ_ONLY)
                print(f"{label:36} {path.stat().st_size / 2**20:7.1f}MB {r['seconds']:7.2f}s "
                      f"{r['peak_mb']:7.0f}MB  {r['records']:,} records")


if __name__ == "__main__":
    main()
