"""Corpus-level cleaning: page chrome that repeats within a source, exact and near duplicates.

Near duplicates (wire copies republished with small edits) are found with MinHash over word
shingles: every word type is hashed once with a stable hash (CRC32, so results do not depend on
Python's per-process string hashing), shingle hashes are combined from word hashes with NumPy,
MinHash signatures are computed for all documents at once, LSH banding proposes candidate pairs,
and every candidate is confirmed by its exact Jaccard similarity. Nothing is random: the
permutations come from a fixed seed.
"""

from __future__ import annotations

import hashlib
import math
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np
import pandas as pd

__all__ = ["repeated_blocks", "find_duplicates", "flag_duplicates", "band_keys", "exact_key",
           "duplicate_tokens", "minhash_keys",
           "shingles", "shingle_sets", "jaccard"]


def repeated_blocks(docs_blocks: Sequence[Iterable[str]], min_docs: int = 4,
                    min_share: float = 0.5) -> frozenset[str]:
    """Blocks (lines or paragraphs) that occur in at least ``min_share`` of the documents (and in
    at least 3) of one source's pages: site names, menus, footers. Needs ``min_docs`` pages."""
    n = len(docs_blocks)
    if n < min_docs:
        return frozenset()
    counts = Counter(b for blocks in docs_blocks for b in set(blocks))
    need = max(3, math.ceil(min_share * n))
    return frozenset(b for b, c in counts.items() if c >= need)


def shingles(tokens: Sequence[str], k: int = 3) -> set[str]:
    """Word k-shingles of a token sequence (the whole sequence when it is shorter than k)."""
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Jaccard similarity of two sets (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


_PRIME = (1 << 61) - 1
_ALL_PAIRS = 200  # buckets up to this size propose all their pairs; larger ones a linear set
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))


def _word_hashes(words: Sequence[str]) -> np.ndarray:
    """A stable 64-bit hash of each word: its CRC32 (the same across runs and machines) spread
    to 64 bits."""
    h = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64,
                    count=len(words))
    return (h + np.uint64(1)) * _MIX[0]


def _token_hashes(tokens: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Stable 64-bit hashes of all tokens, concatenated, and each document's token count."""
    lengths = np.fromiter((len(t) for t in tokens), dtype=np.int64, count=len(tokens))
    flat = [w for t in tokens for w in t]
    codes, uniques = pd.factorize(pd.Series(flat, dtype=object))
    type_hash = _word_hashes(uniques)
    return type_hash[codes] if len(codes) else np.zeros(0, np.uint64), lengths


def shingle_sets(tokens: Sequence[Sequence[str]], k: int = 3) -> list[np.ndarray]:
    """Each document's word ``k``-shingles as a sorted array of unique 64-bit hashes."""
    flat, counts = _shingles_flat(*_token_hashes(tokens), k=k)
    return np.split(flat, np.cumsum(counts)[:-1]) if len(counts) else []


def shingles_flat(tokens: Sequence[Sequence[str]], k: int = 3,
                  unique: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """:func:`shingle_sets` as one array (each document's sorted unique shingle hashes, one
    document after another) and each document's count; ``unique=False``: each document's
    shingle hashes as they come, repeats included (enough for MinHash, and faster)."""
    return _shingles_flat(*_token_hashes(tokens), k=k, unique=unique)


def _shingles_flat(h: np.ndarray, lengths: np.ndarray, k: int = 3,
                   unique: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Word ``k``-shingles of many documents at once, from their tokens' hashes ``h``
    (concatenated; document ``i`` has ``lengths[i]`` tokens): every document's sorted unique
    shingle hashes, concatenated, and their counts. A shingle combines ``k`` consecutive
    token hashes; a document shorter than ``k`` (but not empty) is one shingle, the XOR of its
    tokens' mixed hashes. ``unique=False``: each document's shingles as they come, repeats
    included (all a MinHash signature needs: the minimum of a multiset is its set's)."""
    lengths = np.asarray(lengths, dtype=np.int64)
    n_docs, total = len(lengths), int(lengths.sum())
    if total == 0:
        return np.zeros(0, np.uint64), np.zeros(n_docs, np.int64)
    starts = np.cumsum(lengths) - lengths
    doc_of = np.repeat(np.arange(n_docs), lengths)
    parts_doc, parts_val = [], []
    with np.errstate(over="ignore"):
        if total >= k:
            m = total - k + 1
            sh = h[:m].copy()
            for j in range(1, k):
                sh = (sh ^ (sh >> np.uint64(29))) * _MIX[j % 3] + h[j:m + j]
            # a window is a shingle when its k tokens are all in one document
            pos = np.arange(m) - starts[doc_of[:m]]
            ok = pos <= lengths[doc_of[:m]] - k
            parts_doc.append(doc_of[:m][ok])
            parts_val.append(sh[ok])
        short = np.flatnonzero((lengths > 0) & (lengths < k))
        if len(short):
            nonempty = np.flatnonzero(lengths > 0)
            xor = np.bitwise_xor.reduceat(h * _MIX[1], starts[nonempty])
            parts_doc.append(short)
            parts_val.append(xor[np.searchsorted(nonempty, short)])
    doc = np.concatenate(parts_doc)
    val = np.concatenate(parts_val)
    if not unique:
        if len(parts_doc) > 1:   # the short documents' shingles into their places
            order = np.argsort(doc, kind="stable")
            doc, val = doc[order], val[order]
        return val, np.bincount(doc, minlength=n_docs).astype(np.int64)
    order = np.lexsort((val, doc))
    doc, val = doc[order], val[order]
    first = np.ones(len(val), bool)
    first[1:] = (doc[1:] != doc[:-1]) | (val[1:] != val[:-1])
    doc, val = doc[first], val[first]
    return val, np.bincount(doc, minlength=n_docs).astype(np.int64)


def _jaccard_sorted(a: np.ndarray, b: np.ndarray) -> float:
    inter = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - inter
    return inter / union if union else 1.0


def _minhash_signatures(sets: list[np.ndarray], num_perm: int, seed: int) -> np.ndarray:
    lengths = np.array([len(x) for x in sets], dtype=np.int64)
    flat = np.concatenate(sets) if len(sets) else np.zeros(0, np.uint64)
    return _minhash_flat(flat, lengths, num_perm, seed)


def _minhash_flat(flat: np.ndarray, lengths: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """MinHash signatures of shingle sets given as one array and each set's size."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, _PRIME, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, _PRIME, size=num_perm, dtype=np.uint64)
    sig = np.full((len(lengths), num_perm), np.iinfo(np.uint64).max, dtype=np.uint64)
    lengths = np.asarray(lengths, dtype=np.int64)
    nonempty = np.flatnonzero(lengths)
    if len(nonempty) == 0:
        return sig
    allh = flat.astype(np.uint64, copy=False)
    starts = (np.cumsum(lengths) - lengths)[nonempty]
    # (a*x + b) mod 2^64 with odd a, keeping the high 32 bits: a cheap universal family.
    with np.errstate(over="ignore"):
        for j in range(num_perm):
            h = (allh * a[j] + b[j]) >> np.uint64(32)
            sig[nonempty, j] = np.minimum.reduceat(h, starts)
    return sig


def duplicate_tokens(title: object, text: str) -> tuple[list[str], list[str]]:
    """What duplicate detection looks at in a document: the body's tokens (default
    normalization; the exact-duplicate key, since a copy may carry another headline) and the
    words of title and body together (for near duplicates; single punctuation marks out)."""
    from .arabic.normalization import get_normalizer

    norm = get_normalizer("default")
    body = norm.tokens(text)
    full = norm.tokens(title) + body if isinstance(title, str) and title else body
    return body, [w for w in full if len(w) > 1 or w.isalnum()]


def _one_or_list(mapped: str) -> str | list[str]:
    """A word's tokens as the one-table path leaves them (symbols padded with spaces): the
    token itself where there is exactly one, else the list."""
    toks = mapped.split()
    return toks[0] if len(toks) == 1 else toks


class PartTokens:
    """A part's words as written (``light`` normalization, the tokens a document-term matrix
    counts and names its terms by), kept as one list of word types and a sequence of integer
    ids per document (title, then text), made while duplicate detection reads the part. Its
    tokens (``default`` normalization) are derived from the word types, all of a part's in one
    pass, instead of tokenizing every text a second time.

    That holds where both normalizers take their one-table path and a word is in NFKC form
    (see :meth:`~corpuskit.arabic.normalization.Normalizer.fast_tokens`); any other document
    is tokenized for duplicate detection as before. :meth:`duplicate_tokens` gives exactly
    what :func:`duplicate_tokens` gives for each document (tested on real news and on hostile
    text)."""

    def __init__(self) -> None:
        from .arabic.normalization import get_normalizer

        self.light = get_normalizer("light")
        self.default = get_normalizer("default")
        self._spaced = self.light._spaced_list
        self._joined: list[str] = []   # each document's title and text words, space-separated
        self._numbered: tuple[list[str], np.ndarray, np.ndarray, np.ndarray] | None = None
        self.docs: list[tuple[object, str, bool]] = []

    def add(self, title: object, text: str) -> None:
        """Record a document's words (title first)."""
        from .arabic.normalization import _has_astral

        if self._numbered is not None:
            raise RuntimeError("PartTokens: a document added after the part's words were read")
        has_title = isinstance(title, str) and bool(title)
        spaced, light = self._spaced, self.light
        safe = spaced is not None
        if safe:   # light.fast_tokens, each whitespace written as a space, not yet split
            pt = light._prepare(title) if has_title else ""   # type: ignore[arg-type]
            px = light._prepare(text)
            jt, jx = pt.translate(spaced), px.translate(spaced)
            safe = not ("\x00" in jt or "\x00" in jx or _has_astral(pt) or _has_astral(px))
        if not safe:
            jt = " ".join(light.tokens(title)) if has_title else ""   # type: ignore[arg-type]
            jx = " ".join(light.tokens(text))
        self._joined += (jt, jx)
        self.docs.append((title, text, safe))

    def _number(self) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        """The part's word types (in order of first use), every word's type id, and each
        document's number of title and text words: all documents split at their spaces and
        numbered at once by Arrow (``dictionary_encode`` numbers values in order of first
        appearance, as a dictionary's ``setdefault`` does; a loop over 430,000 words a part
        in Python before)."""
        if self._numbered is None:
            import pyarrow as pa
            import pyarrow.compute as pc

            joined, self._joined = self._joined, []   # read once: add() after this is refused
            big = sum(map(len, joined)) >= 1 << 29   # (4 bytes a character at most)
            split = pc.split_pattern(pa.array(joined, pa.large_string() if big else pa.string()),
                                     " ")
            n = len(joined)
            del joined
            flat, parent = pc.list_flatten(split), pc.list_parent_indices(split)
            del split
            word = pc.not_equal(flat, "")   # runs of spaces, and empty titles, leave ""
            coded = pc.dictionary_encode(flat.filter(word))
            del flat
            counts = np.bincount(parent.filter(word).to_numpy(), minlength=n)
            self._numbered = (coded.dictionary.to_pylist(),
                              coded.indices.to_numpy().astype(np.int64),
                              counts[0::2].astype(np.int64), counts[1::2].astype(np.int64))
        return self._numbered

    @property
    def words(self) -> list[str]:
        """The part's word types, in order of first use."""
        return self._number()[0]

    @property
    def ids(self) -> np.ndarray:
        """Every word's type id, document after document (title, then text)."""
        return self._number()[1]

    @property
    def title_len(self) -> np.ndarray:
        return self._number()[2]

    @property
    def text_len(self) -> np.ndarray:
        return self._number()[3]

    def _fold(self, words: list[str]) -> list[str | list[str] | None]:
        """Each word type's default tokens, all types in one translation: the token itself
        where there is one, else a list; None where the one-table path does not apply."""
        import unicodedata

        from .arabic.normalization import _has_astral

        if not words:
            return []
        fast = self.default._fused_list
        if fast is None or self.light._fused_list is None:
            return [None] * len(words)
        joined = "\n".join(words)
        mapped = joined.translate(fast)
        out = mapped.split("\n")
        if len(out) != len(words):   # a word the table would turn into a line break
            return [None] * len(words)
        nul, astral = "\x00" in mapped, _has_astral(joined)
        if not nul and not astral and unicodedata.is_normalized("NFKC", joined):
            # most words stay one token: a string, not a one-element list
            return [p if p and " " not in p else _one_or_list(p) for p in out]
        nfkc = unicodedata.is_normalized   # each word checked only for what the part holds
        return [(p if p and " " not in p else _one_or_list(p))
                if not (nul and "\x00" in p) and not (astral and _has_astral(w))
                and nfkc("NFKC", w) else None for w, p in zip(words, out)]

    def duplicate_tokens(self) -> Iterator[tuple[list[str], list[str]]]:
        """For every document added, in order: :func:`duplicate_tokens`' (body, words)."""
        return self._duplicate_tokens(self._fold(self.words), range(len(self.docs)))

    def _duplicate_tokens(self, folded: list[str | list[str] | None],
                          which: Iterable[int]) -> Iterator[tuple[list[str], list[str]]]:
        """:func:`duplicate_tokens`' (body, words) of the documents ``which``, in order."""
        from itertools import compress

        single = [f if isinstance(f, str) else "" for f in folded]
        simple = [isinstance(f, str) for f in folded]
        folds = [f is not None for f in folded]
        keep = [len(x) > 1 or x.isalnum() for x in single]
        ids = self.ids.tolist()
        title_len, text_len = self.title_len.tolist(), self.text_len.tolist()
        ends = np.cumsum(self.title_len + self.text_len).tolist()
        for i in which:
            title, text, safe = self.docs[i]
            tl, end = title_len[i], ends[i]
            both = ids[end - tl - text_len[i]:end]
            if safe and all(map(simple.__getitem__, both)):
                words = list(map(single.__getitem__, both))
                yield words[tl:], list(compress(words, map(keep.__getitem__, both)))
            elif safe and all(map(folds.__getitem__, both)):
                toks = [[f] if isinstance(f, str) else f
                        for f in map(folded.__getitem__, both)]
                body = [t for f in toks[tl:] for t in f]   # type: ignore[union-attr]
                full = [t for f in toks[:tl] for t in f] + body   # type: ignore[union-attr]
                yield body, [w for w in full if len(w) > 1 or w.isalnum()]
            else:
                yield duplicate_tokens(title, text)

    def duplicate_keys(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """What duplicate detection keeps of every document added, in order: its exact key
        (:func:`exact_key` of its body's tokens), and the hashes of its word 3-shingles, one
        document after another (repeats included: what a MinHash signature needs; their set
        is :func:`shingle_sets`'), with each document's count. The same values as
        :meth:`duplicate_tokens` through those functions (tested), computed for the whole part
        at once: a word type is folded and hashed once, a document's shingles come from its
        type ids with NumPy."""
        n_docs = len(self.docs)
        folded = self._fold(self.words)
        single = [f if isinstance(f, str) else "" for f in folded]
        simple = np.fromiter((isinstance(f, str) for f in folded), bool, len(folded))
        keep = np.fromiter((len(x) > 1 or x.isalnum() for x in single), bool, len(single))
        type_hash = _word_hashes(single)
        ids, tl, xl = self.ids, self.title_len, self.text_len
        ends = np.cumsum(tl + xl)
        starts = ends - tl - xl
        not_simple = np.concatenate([[0], np.cumsum(~simple[ids])]) if len(ids) else np.zeros(1)
        safe = np.fromiter((d[2] for d in self.docs), bool, n_docs)
        fast = safe & (not_simple[ends] == not_simple[starts])
        exact: list[bytes] = []
        slow: dict[int, np.ndarray] = {}
        slow_docs = self._duplicate_tokens(folded, np.flatnonzero(~fast).tolist())
        ids_list = ids.tolist()
        for i in range(n_docs):
            if fast[i]:
                # (a word type's one default token holds no whitespace: the tables write none)
                exact.append(_folded_key(" ".join(
                    map(single.__getitem__, ids_list[starts[i] + tl[i]:ends[i]]))))
            else:
                body_tokens, words = next(slow_docs)
                exact.append(exact_key(" ".join(body_tokens)))
                slow[i] = _token_hashes([words])[0]
        # the kept tokens of the documents on the fast path, by type
        tok_doc = np.repeat(np.arange(n_docs), tl + xl)
        take = fast[tok_doc] & keep[ids]
        h = type_hash[ids[take]]
        counts = np.bincount(tok_doc[take], minlength=n_docs)
        if slow:   # put the other documents' hashes in their places
            pieces = np.split(h, np.cumsum(counts)[:-1])
            for i, hs in slow.items():
                pieces[i] = hs
                counts[i] = len(hs)
            h = np.concatenate(pieces) if pieces else h
        flat, sizes = _shingles_flat(h, counts, unique=False)
        return np.array(exact, dtype="S16"), flat, sizes

    def arrays(self) -> dict[str, np.ndarray]:
        """What a corpus on disk stores for the part (``tokens/part-NNNNN.npz``)."""
        n = len(self.words)
        return {"words": np.frombuffer("\n".join(self.words).encode("utf-8"), np.uint8),
                "ids": np.asarray(self.ids, np.uint16 if n <= 1 << 16 else np.int32),
                "title_len": np.asarray(self.title_len, np.int32),
                "text_len": np.asarray(self.text_len, np.int32)}


NUM_PERM = 90
BANDS = 30


def band_keys(sets: list[np.ndarray], num_perm: int = NUM_PERM, bands: int = BANDS,
              seed: int = 0) -> np.ndarray:
    """MinHash LSH band keys of shingle sets: a ``bands × documents`` array of 64-bit keys.

    Each band's rows of the MinHash signature are folded into one key: two documents share a
    band's key when (up to a verified collision) they share its rows. Computed per document, so
    parts of a corpus can be done apart (in worker processes) and their keys put together."""
    return minhash_keys(sets, num_perm, bands, seed)[1]


def minhash_keys(sets: list[np.ndarray], num_perm: int = NUM_PERM, bands: int = BANDS,
                 seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The MinHash signatures of shingle sets (documents × ``num_perm``, 32-bit: 360 bytes a
    document) and their LSH band keys (see :func:`band_keys`)."""
    return _keys_of(_minhash_signatures(sets, num_perm, seed), bands)


def minhash_keys_flat(flat: np.ndarray, lengths: np.ndarray, num_perm: int = NUM_PERM,
                       bands: int = BANDS, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """:func:`minhash_keys` of shingle sets given as one array and each set's size."""
    return _keys_of(_minhash_flat(flat, lengths, num_perm, seed), bands)


def _keys_of(sig: np.ndarray, bands: int) -> tuple[np.ndarray, np.ndarray]:
    rows = sig.shape[1] // bands
    out = np.empty((bands, sig.shape[0]), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            block = sig[:, band * rows:(band + 1) * rows]
            key = block[:, 0].copy()
            for j in range(1, rows):  # fold the band's rows into one key; collisions are verified
                key = (key ^ (key >> np.uint64(31))) * _MIX[0] + block[:, j]
            out[band] = key
    return sig.astype(np.uint32), out


def exact_key(text: str) -> bytes:
    """A 128-bit key of a text with its whitespace folded: equal keys, equal texts."""
    return _folded_key(" ".join(text.split()))


def _folded_key(folded: str) -> bytes:
    """:func:`exact_key` of a text whose whitespace is already folded (tokens joined by one
    space, none holding whitespace)."""
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=16).digest()


def find_duplicates(texts: Sequence[str], ids: Sequence[str], *, tokens: Sequence[Sequence[str]],
                    dates: Sequence[object] | None = None, threshold: float = 0.5, k: int = 3,
                    num_perm: int = NUM_PERM, bands: int = BANDS, seed: int = 0) -> pd.DataFrame:
    """Flag exact and near duplicates among documents, in input order.

    ``texts`` are the keys for exact duplicates (documents with equal keys after whitespace
    folding are copies), ``tokens`` the word tokens for near duplicates: Jaccard similarity of word
    ``k``-shingles at least ``threshold``. With 30 bands of 3 rows, a pair at Jaccard 0.5 is
    proposed with probability 0.98 and one at 0.6 with 0.999, one at 0.05 with 0.004; every
    proposal is then checked exactly. Wire copies with small edits score 0.65-0.85 on
    3-shingles, unrelated news below 0.05. The original of a group is its earliest document by
    ``dates`` (undated ones last; input order breaks ties); every other one points to it.
    Returns a DataFrame indexed by ``ids`` with ``duplicate`` ("exact",
    "near" or None), ``duplicate_of`` (the original's id) and ``similarity``.
    """
    n = len(texts)
    sh = shingle_sets(tokens, k)
    sigs, keys = minhash_keys(sh, num_perm, bands, seed)
    exact = np.array([exact_key(t) for t in texts], dtype="S16") if n else np.zeros(0, "S16")
    when = pd.to_datetime(pd.Series(list(dates) if dates is not None else [pd.NaT] * n,
                                    dtype=object))
    kind, of, sim = flag_duplicates(when.to_numpy(dtype="datetime64[ns]"), exact,
                                    lambda b: keys[b], np.array([len(s) > 0 for s in sh], bool),
                                    lambda pos: {p: sh[p] for p in pos}, threshold, bands,
                                    signatures_of=lambda pos: sigs[pos])
    ids = list(ids)
    names = np.array([None, "exact", "near"], dtype=object)
    return pd.DataFrame({"duplicate": names[kind],
                         "duplicate_of": [ids[j] if j >= 0 else None for j in of],
                         "similarity": sim},
                        index=pd.Index(ids, name="doc_id"))


ESTIMATE_MARGIN = 0.2  # candidates whose MinHash estimate is this far below the threshold go
_SCREEN_CHUNK = 200_000  # candidate pairs screened at a time


def _band_pairs(key: np.ndarray, has: np.ndarray) -> np.ndarray:
    """The pairs one LSH band proposes: members of a bucket (documents with the same band key),
    as positions ``has`` gives them, smaller first; an ``m × 2`` int64 array."""
    korder = np.argsort(key, kind="stable")
    skey = key[korder]
    cuts = np.flatnonzero(np.diff(skey)) + 1
    starts = np.concatenate([[0], cuts])
    ends = np.concatenate([cuts, [len(skey)]])
    size = ends - starts
    out: list[np.ndarray] = []
    two = starts[size == 2]  # most buckets hold two documents: done at once
    if len(two):
        a, b = has[korder[two]], has[korder[two + 1]]
        out.append(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1))
    for g in np.flatnonzero(size > 2):
        members = np.sort(has[korder[starts[g]:ends[g]]])
        if len(members) <= _ALL_PAIRS:
            x, y = np.triu_indices(len(members), 1)
            out.append(np.stack([members[x], members[y]], axis=1))
        else:
            # A large bucket: hundreds of copies of one wire story, or boilerplate that many
            # documents share. Checking every pair would be quadratic; checking each member
            # against the bucket's first (earliest) member and its neighbour is linear, and
            # copies of one story all match the first, so they still unite.
            rest = members[1:]
            out.append(np.stack([np.full(len(rest), members[0]), rest], axis=1))
            out.append(np.stack([members[:-1], members[1:]], axis=1))
    return np.concatenate(out).astype(np.int64) if out else np.zeros((0, 2), np.int64)


def minhash_estimate(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The Jaccard similarity that two rows of MinHash signatures estimate: the share of equal
    values, corrected for chance where only the lowest bits are kept (b-bit minwise hashing, Li
    and König 2010: two values agree by chance with probability 2^-bits, so the share is
    J + (1 - J)·2^-bits). One byte a permutation is the form a corpus on disk keeps in memory."""
    share = (a == b).mean(axis=-1)
    bits = a.dtype.itemsize * 8
    if bits >= 32:
        return share
    chance = 2.0 ** -bits
    return (share - chance) / (1 - chance)


def flag_duplicates(dates: np.ndarray, exact: np.ndarray, band: Callable[[int], np.ndarray],
                    nonempty: np.ndarray, shingles_of: Callable[[list[int]], dict[int, np.ndarray]],
                    threshold: float, bands: int = BANDS,
                    signatures_of: Callable[[np.ndarray], np.ndarray] | None = None,
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Exact and near duplicates of a whole corpus from small per-document keys.

    Holds only what each document contributes in a few bytes (its date, a 128-bit exact key,
    one band of LSH keys at a time), so that a corpus on disk is deduplicated without holding its
    texts: ``band(b)`` returns every document's key for band ``b``, ``shingles_of(positions)``
    the shingle sets of the documents whose candidate pairs must be verified.

    LSH proposes many pairs that share a paragraph or two (Jaccard 0.1-0.2). With
    ``signatures_of(positions)`` (their MinHash signatures), a pair whose estimated similarity
    is more than ``ESTIMATE_MARGIN`` below the threshold is let go without the exact check: the
    estimate's standard deviation is at most 0.053 with 90 permutations, so 0.2 is about four
    of them; every other pair is checked exactly, as before.

    Returns per document: kind (0 none, 1 exact, 2 near), the position of its original (-1) and
    the similarity (NaN when not a duplicate).
    """
    n = len(exact)
    kind = np.zeros(n, dtype=np.int8)
    of = np.full(n, -1, dtype=np.int64)
    sim = np.full(n, np.nan)
    if n == 0:
        return kind, of, sim
    # Priority: earliest date first, undated last, then input order.
    d = np.asarray(dates, dtype="datetime64[ns]")
    undated = np.isnat(d)
    order = np.lexsort((np.arange(n), np.where(undated, 0, d.view(np.int64)), undated))
    _, first, inverse = np.unique(exact[order], return_index=True, return_inverse=True)
    original = order[first[inverse]]
    copies = original != order
    kind[order[copies]] = 1
    of[order[copies]] = original[copies]
    sim[order[copies]] = 1.0
    candidates = order[~copies]
    has = np.flatnonzero(nonempty[candidates])
    # Candidate pairs (positions in `candidates`, smaller first), band by band. Each band's new
    # pairs are screened at once by their MinHash estimate, a chunk at a time, and only their
    # codes (8 bytes a pair) are remembered: a corpus that reuses sentences a lot proposes
    # millions of pairs, and they must never be held as Python tuples or signatures at once.
    n_cand = max(len(candidates), 1)
    seen = np.zeros(0, dtype=np.int64)        # codes x * n_cand + y of every pair proposed
    kept: list[np.ndarray] = []
    for b in range(bands):
        new = _band_pairs(band(b)[candidates[has]], has)
        if not len(new):
            continue
        codes = np.unique(new[:, 0] * n_cand + new[:, 1])
        codes = codes[~np.isin(codes, seen, assume_unique=True)]
        seen = np.union1d(seen, codes)
        for c in range(0, len(codes), _SCREEN_CHUNK):
            chunk = codes[c:c + _SCREEN_CHUNK]
            pair_arr = np.stack([chunk // n_cand, chunk % n_cand], axis=1)
            if signatures_of is not None:
                sigs = signatures_of(candidates[pair_arr.ravel()]).reshape(len(pair_arr), 2, -1)
                estimate = minhash_estimate(sigs[:, 0], sigs[:, 1])
                pair_arr = pair_arr[estimate >= threshold - ESTIMATE_MARGIN]
            kept.append(pair_arr)
    del seen
    pairs = set(map(tuple, np.concatenate(kept).tolist())) if kept else set()
    if not pairs:
        return kind, of, sim
    involved = sorted({p for pair in pairs for p in pair})
    got = shingles_of([int(candidates[p]) for p in involved])
    sh = {p: got[int(candidates[p])] for p in involved}
    # Union the confirmed pairs; each group's earliest document is its original.
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    best: dict[int, float] = {}
    for x, y in sorted(pairs):
        s = _jaccard_sorted(sh[x], sh[y])
        if s >= threshold:
            rx, ry = root(x), root(y)
            if rx != ry:
                parent[max(rx, ry)] = min(rx, ry)
            best[y] = max(best.get(y, 0.0), s)
    # candidates are in priority order, so each group's root (its smallest position) is its
    # original
    for pos in involved:
        r = root(pos)
        if r != pos:
            i = candidates[pos]
            kind[i], of[i] = 2, candidates[r]
            sim[i] = round(best.get(pos, _jaccard_sorted(sh[pos], sh[r])), 4)
    return kind, of, sim
