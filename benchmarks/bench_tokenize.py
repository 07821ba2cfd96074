"""Normalize + tokenize throughput with the camel preset, against camel-tools' own chain.

Reference: camel-tools' arclean → dediac_ar → normalize_alef_ar → normalize_alef_maksura_ar →
normalize_teh_marbuta_ar, then simple_word_tokenize. corpuskit: the same result (checked token for
token) through (a) ``tokenize(normalize(text, preset="camel"))`` and (b) the fused
``get_normalizer("camel").tokens(text)`` that corpuskit's own pipelines use.
Each is timed three times on all 6,340 SaudiNewsNet articles; the median counts.

    python benchmarks/bench_tokenize.py [SAUDINEWSNET_DIR]
"""

from __future__ import annotations

import statistics
import sys
import time

from _common import saudinewsnet, texts


def main() -> None:
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.charmap import CharMapper
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar)

    from corpuskit.arabic import get_normalizer, normalize, tokenize

    docs = texts(saudinewsnet(sys.argv))
    mb = sum(len(t.encode("utf-8")) for t in docs) / 1e6
    arclean = CharMapper.builtin_mapper("arclean")

    def camel(t: str) -> list[str]:
        return simple_word_tokenize(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(
            normalize_alef_ar(dediac_ar(arclean(t))))))

    norm = get_normalizer("camel")
    norm.tokens("تهيئة")  # build the tables outside the timing

    def two_step(t: str) -> list[str]:
        return tokenize(normalize(t, "camel"))

    runs = {}
    results = {}
    for name, fn in (("camel-tools chain", camel), ("corpuskit tokenize(normalize())", two_step),
                     ("corpuskit fused Normalizer.tokens()", norm.tokens)):
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            out = [fn(t) for t in docs]
            times.append(time.perf_counter() - t0)
        runs[name] = statistics.median(times)
        results[name] = out
    ref = results["camel-tools chain"]
    print(f"text: {len(docs)} SaudiNewsNet articles, {mb:.1f} MB UTF-8, "
          f"{sum(map(len, ref)):,} tokens")
    base = runs["camel-tools chain"]
    for name, secs in runs.items():
        same = results[name] == ref
        print(f"{name:38s} {secs:7.2f} s  {mb / secs:7.1f} MB/s  ratio {base / secs:5.2f}x  "
              f"identical tokens: {same}")
        if not same:
            raise SystemExit(f"{name} does not reproduce camel-tools' tokens")


if __name__ == "__main__":
    main()
