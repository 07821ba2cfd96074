"""Document-term matrices built on corpuskit's Arabic analyzer.

Counting the lightly normalized word forms on the side gives every term a readable **surface
form**: its most frequent word as written (المعارضة rather than the stem معارض or the normalized
المعارضه).
"""

from __future__ import annotations

import dataclasses
import hashlib
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import filterfalse, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from .._memory import release_memory
from .._progress import track
from ..arabic.normalization import NormalizeSettings
from ..errors import SettingsError
from .analyzer import ArabicAnalyzer

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["DTM", "document_term_matrix", "df_bounds"]


@dataclasses.dataclass
class DTM:
    """A document-term matrix: counts (CSR), its vocabulary, and what each row is.

    Attributes:
        matrix: ``scipy.sparse.csr_matrix`` of counts, rows × terms.
        vocabulary: the terms (stems, or n-grams of them), in column order.
        surface: a readable form of each term (its most frequent word as written).
        doc_ids: the document of each row. ``unit_ids``: the unit of each row (unit-level DTMs).
        meta: document metadata aligned with the rows (date, source, ...).
        settings: how it was built (unit, min_df, max_df, analyzer settings) and the corpus hash.
    """

    matrix: sp.csr_matrix
    vocabulary: np.ndarray
    surface: np.ndarray
    doc_ids: np.ndarray
    meta: pd.DataFrame
    settings: dict[str, Any]
    unit_ids: np.ndarray | None = None

    @property
    def shape(self) -> tuple[int, int]:
        return self.matrix.shape

    @property
    def row_ids(self) -> np.ndarray:
        """Unit ids for a unit-level DTM, else document ids."""
        return self.unit_ids if self.unit_ids is not None else self.doc_ids

    def __repr__(self) -> str:
        n, v = self.shape
        return (f"<DTM: {n} {self.settings.get('unit', 'document')}s × {v} terms, "
                f"{self.matrix.nnz} non-zero, {int(self.matrix.data.sum())} tokens>")

    def _repr_html_(self) -> str:
        from ..report.html import table_html

        top = self.terms().sort_values(["count", "term"], ascending=[False, True])
        return (f"<p><b>{repr(self)[1:-1]}</b></p>"
                + table_html(top[["surface", "term", "count", "df"]], rows=10,
                             caption="Most frequent terms"))

    def terms(self) -> pd.DataFrame:
        """One row per term: term, surface form, total count, document frequency."""
        m = self.matrix
        return pd.DataFrame({"term": self.vocabulary, "surface": self.surface,
                             "count": np.asarray(m.sum(axis=0)).ravel().astype(int),
                             "df": np.bincount(m.indices, minlength=m.shape[1])})

    def select(self, rows: np.ndarray | Sequence[int] | Sequence[bool]) -> DTM:
        """A DTM of some rows (positions or a boolean mask), same vocabulary."""
        idx = np.asarray(rows)
        if idx.dtype == bool:
            idx = np.flatnonzero(idx)
        return dataclasses.replace(
            self, matrix=self.matrix[idx], doc_ids=self.doc_ids[idx],
            meta=self.meta.iloc[idx].reset_index(drop=True),
            unit_ids=None if self.unit_ids is None else self.unit_ids[idx])

    def column_index(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.vocabulary)}


def _corpus_hash(ids: Iterable[str]) -> str:
    h = hashlib.blake2b(digest_size=12)
    _hash_ids(h, ids)
    return h.hexdigest()


def _hash_ids(h: Any, ids: Iterable[str]) -> None:
    """Add document ids to a running hash (a corpus' hash is built part by part)."""
    for i in ids:
        h.update(str(i).encode("utf-8"))
        h.update(b"\x00")


def df_bounds(min_df: float | int, max_df: float | int, n: int) -> tuple[int, int]:
    """Document-frequency bounds as counts, as scikit-learn reads them: an int is a count, a
    float in [0, 1] a share of the ``n`` rows (so ``min_df=1.0`` means every row, ``1`` one
    row). Used wherever a vocabulary is chosen, so that every path agrees."""
    def one(value: float | int, name: str) -> int:
        if isinstance(value, bool):
            raise SettingsError(f"{name}={value!r}: give a count (int) or a share (float)")
        if isinstance(value, (float, np.floating)):
            if not 0 <= value <= 1:
                raise SettingsError(f"{name}={value}: a float is a share of the rows and must be "
                                    "in [0, 1]; give an int for a count")
            return int(np.ceil(value * n)) if name == "min_df" else int(np.floor(value * n))
        if value < 0:
            raise SettingsError(f"{name}={value} must not be negative")
        return int(value)

    return one(min_df, "min_df"), one(max_df, "max_df")


def document_term_matrix(corpus: Corpus, unit: str = "document", *, min_df: int | float = 2,
                         max_df: int | float = 0.5, ngrams: tuple[int, int] = (1, 1),
                         stem: bool = True, stop_words: bool | Iterable[str] = True,
                         normalize: str | NormalizeSettings | Mapping[str, Any] = "default",
                         max_terms: int | None = None, vocabulary: Sequence[str] | None = None,
                         include_title: bool = True, meta: Sequence[str] | None = None,
                         analyzer: ArabicAnalyzer | None = None,
                         progress: bool | None = None, engine: Any = None,
                         workers: int | None = None, part_size: int = 5000,
                         out: str | Path | None = None) -> DTM:
    """Count terms per document (or per paragraph) into a sparse matrix.

    Args:
        corpus: a loaded :class:`~corpuskit.corpus.Corpus`.
        unit: ``"document"`` (title and text) or ``"paragraph"`` (every paragraph, subheading
            and title unit; rows carry ``unit_ids``).
        min_df, max_df: keep terms in at least ``min_df`` and at most ``max_df`` rows; an int is
            a count, a float in (0, 1] a share of the rows.
        ngrams: ``(1, 1)`` words; ``(1, 2)`` adds pairs of adjacent terms.
        stem, stop_words, normalize: the analyzer's settings (see :class:`ArabicAnalyzer`).
        max_terms: keep only the most frequent terms after the df filters.
        vocabulary: a fixed vocabulary (e.g. a fitted model's) instead of one learned here.
        meta: document columns carried along for prevalence (default: date, source and every
            other metadata column).
        analyzer: a ready :class:`ArabicAnalyzer` (its settings then replace stem, stop_words,
            normalize and ngrams; reusing one keeps its word-type cache across batches).
        progress: a progress bar; ``None`` shows one in notebooks from 20,000 rows.
        engine, workers: where the counting runs (:func:`~corpuskit.engine.get_engine`):
            ``"local"`` worker processes (the default), ``"serial"``, ``"dask"`` or a Dask
            ``Client``; every engine gives the same matrix.
        part_size: documents counted per task.

    ``corpus`` may be a :class:`~corpuskit.store.DiskCorpus`: each part is then read by the
    worker that counts it, and only the counts come back. With ``out=FOLDER`` the matrix itself
    is written there block by block and returned as a :class:`~corpuskit.features.disk.DiskDTM`
    (for corpora whose matrix should not be held in memory; ``TopicModel.fit`` reads it block
    by block).
    """
    if unit not in ("document", "paragraph"):
        raise SettingsError(f"unit={unit!r}: choose 'document' or 'paragraph'")
    if analyzer is None:
        analyzer = ArabicAnalyzer(normalize=normalize, stem=stem, stop_words=stop_words,
                                  ngrams=ngrams)
    if out is not None:
        from .disk import write_disk_dtm

        return write_disk_dtm(corpus, out, analyzer=analyzer, unit=unit, min_df=min_df,
                              max_df=max_df, max_terms=max_terms, vocabulary=vocabulary,
                              include_title=include_title, meta=meta, engine=engine,
                              workers=workers, part_size=part_size)
    from ..engine import engine_for
    from ..parts import part_specs
    from ..store import DiskCorpus

    on_disk = isinstance(corpus, DiskCorpus)
    fixed = vocabulary is not None
    fixed_vocab = list(vocabulary) if fixed else None
    if on_disk:
        specs: list[Any] = part_specs(corpus)
        meta_cols = None if meta is None else list(meta)
    else:
        docs = corpus.docs
        meta_cols = list(meta) if meta is not None else [
            c for c in docs.columns if c not in ("text", "title", "doc_id", "path", "record")]
        bad = [c for c in meta_cols if c not in docs.columns]
        if bad:
            raise SettingsError(f"meta={bad}: no such docs column(s)")
        from ..parts import part_specs

        specs = part_specs(corpus, part_size)
    vocab: dict[str, int] = {t: i for i, t in enumerate(fixed_vocab)} if fixed else {}
    surface = SurfaceTally()   # (column, word as written) → count
    phrase_counts: Counter[tuple[str, str]] = Counter()
    indptr_parts, index_parts, doc_id_parts, unit_id_parts, meta_parts = [], [], [], [], []
    hashes = hashlib.blake2b(digest_size=12)
    rows_done = 0
    with engine_for(engine, workers) as eng:
        results = eng.imap(_count_part, specs, analyzer, fixed_vocab, unit, include_title,
                           meta_cols)
        for res in track(results, progress=progress, large=len(specs) >= 4, total=len(specs),
                         desc="counting terms", unit="part"):
            if fixed:
                idx = res["indices"]
            else:
                remap = _extend_vocab(vocab, res["terms"])
                idx = remap[res["indices"]] if len(res["indices"]) else res["indices"]
            index_parts.append(idx.astype(np.int64))
            indptr_parts.append(res["indptr"][1:] + rows_done)
            rows_done += int(res["indptr"][-1])
            sf = res["surface"]
            surface.add(sf["cols"] if fixed else remap[sf["cols"]], sf["forms"], sf["counts"])
            phrase_counts.update(res["phrases"])
            doc_id_parts.append(res["doc_ids"])
            if res["unit_ids"] is not None:
                unit_id_parts.append(res["unit_ids"])
            meta_parts.append(res["meta"])
            _hash_ids(hashes, res["all_doc_ids"])
    indptr = np.concatenate([[0], *indptr_parts]).astype(np.int64)
    indices = np.concatenate(index_parts) if index_parts else np.zeros(0, np.int64)
    doc_ids = np.concatenate(doc_id_parts) if doc_id_parts else np.zeros(0, object)
    unit_ids = np.concatenate(unit_id_parts) if unit == "paragraph" else None
    n_rows = len(indptr) - 1
    mat = sp.csr_matrix((np.ones(len(indices), dtype=np.float64), indices, indptr),
                        shape=(n_rows, len(vocab)))
    mat.sum_duplicates()
    terms_arr = np.empty(len(vocab), dtype=object)
    for t, i in vocab.items():
        terms_arr[i] = t
    forms = surface.best(len(vocab))   # by column, before columns are dropped or reordered
    if not fixed:
        if n_rows == 0 or len(vocab) == 0:
            raise SettingsError("the document-term matrix is empty: the corpus has no words "
                                "left after normalization and stop-word removal")
        df = np.bincount(mat.indices, minlength=mat.shape[1])
        lo, hi = df_bounds(min_df, max_df, n_rows)
        keep = (df >= lo) & (df <= hi)
        if not keep.any():
            raise SettingsError(
                f"min_df={min_df} and max_df={max_df} leave no terms: over {n_rows} rows the "
                f"document frequencies run from {df.min()} to {df.max()}; lower min_df or raise "
                "max_df")
        if max_terms is not None and keep.sum() > max_terms:
            totals = np.asarray(mat.sum(axis=0)).ravel()
            order = np.lexsort((terms_arr.astype(str), -totals))
            ranked = [i for i in order if keep[i]][:max_terms]
            keep = np.zeros_like(keep)
            keep[ranked] = True
        cols = np.flatnonzero(keep)
        # Columns in a stable order: by term, so the same corpus gives the same matrix.
        cols = cols[np.argsort(terms_arr[cols].astype(str), kind="stable")]
        mat = mat[:, cols].tocsr()
        # canonical (each row's columns in order), as a matrix on disk is: scipy's column
        # selection leaves them unsorted, so that sums and products over the matrix ran in
        # another order than over the same matrix read from disk (and scipy's own ``sum()``
        # sorted them in place under the caller)
        mat.sort_indices()
        terms_arr = terms_arr[cols]
        forms = forms[cols]
    surface_arr = _surface_forms(terms_arr, forms, phrase_counts)
    meta_df = pd.concat(meta_parts, ignore_index=True) if meta_parts else pd.DataFrame()
    settings = {"unit": unit, "min_df": min_df, "max_df": max_df, "max_terms": max_terms,
                "fixed_vocabulary": fixed, "include_title": include_title,
                "analyzer": analyzer.settings(), "corpus_hash": hashes.hexdigest()}
    release_memory()   # the parts' counts and the first vocabulary, freed
    return DTM(matrix=mat, vocabulary=terms_arr.astype(str), surface=surface_arr,
               doc_ids=np.asarray(doc_ids, dtype=object), meta=meta_df, settings=settings,
               unit_ids=None if unit_ids is None else np.asarray(unit_ids, dtype=object))


def _extend_vocab(vocab: dict[str, int], terms: Sequence[str]) -> np.ndarray:
    """The columns of a part's terms (distinct within the part), numbering the new ones in
    order after the others: as ``vocab.setdefault(t, len(vocab))`` term by term, with the loops
    in C (a million terms at 31,000 articles: 1.3 s → 0.2 s)."""
    new = list(filterfalse(vocab.__contains__, terms))
    vocab.update(zip(new, range(len(vocab), len(vocab) + len(new))))
    return np.fromiter(map(vocab.__getitem__, terms), dtype=np.int64, count=len(terms))


_ANALYZERS: dict[tuple[type, str], ArabicAnalyzer] = {}


def _worker_analyzer(analyzer: ArabicAnalyzer) -> ArabicAnalyzer:
    """The same analyzer across the parts a worker process counts, so that its word-type cache
    is built once per process, not once per part. Keyed by class and settings: a subclass
    (its own ``term``) is never swapped for a plain analyzer with the same settings."""
    import json

    key = (type(analyzer), json.dumps(analyzer.settings(), sort_keys=True, default=str))
    return _ANALYZERS.setdefault(key, analyzer)


def _count_unigrams(texts: list[str], analyzer: ArabicAnalyzer, vocab: dict[str, int],
                    fixed: bool) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    """Rows of term ids for words: each word *type* is looked up once (its term, its column),
    every token once in a dictionary, and the rest is NumPy. Columns are numbered in the order
    terms first occur, as a token-by-token count would number them. Also the surface counts:
    each word type with a column, that column and its count."""
    types: dict[str, int] = {}
    ids = array("q")
    lengths = array("q")
    tokens = analyzer.surface_tokens
    setdefault = types.setdefault
    for text in texts:
        toks = tokens(text)
        ids.extend([setdefault(t, len(types)) for t in toks])
        lengths.append(len(toks))
    return _count_types(list(types),
                        np.frombuffer(ids, dtype=np.int64) if len(ids) else np.zeros(0, np.int64),
                        np.frombuffer(lengths, dtype=np.int64) if len(lengths)
                        else np.zeros(0, np.int64), analyzer, vocab, fixed)


def _count_types(words: list[str], type_ids: np.ndarray, lengths: np.ndarray,
                 analyzer: ArabicAnalyzer, vocab: dict[str, int],
                 fixed: bool) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    """Rows of term ids from rows of word-type ids (``lengths`` tokens a row): each type's
    term looked up once. Types that occur in no row get no column."""
    counts = np.bincount(type_ids, minlength=len(words))
    column = np.full(len(words), -1, dtype=np.int64)
    # the word-type cache itself, once (not term()'s settings check per word), unless a
    # subclass says otherwise
    term = analyzer._c.cache.__getitem__ \
        if getattr(type(analyzer), "term", None) is ArabicAnalyzer.term else analyzer.term
    # each type's term and column with the loops in C (map), numbered as a loop of
    # ``vocab.setdefault(term, len(vocab))`` over the types in order would number them
    live = np.flatnonzero(counts)
    live_words = words if len(live) == len(words) else [words[i] for i in live.tolist()]
    terms = list(map(term, live_words))
    if not fixed:
        new = [t for t in dict.fromkeys(terms) if t is not None and t not in vocab]
        vocab.update(zip(new, range(len(vocab), len(vocab) + len(new))))
    column[live] = np.fromiter(map(vocab.get, terms, repeat(-1)), dtype=np.int64,
                               count=len(terms))
    cols = column[type_ids]
    keep = cols >= 0
    row = np.repeat(np.arange(len(lengths)), lengths)[keep]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(row, minlength=len(lengths)))])
    has = np.flatnonzero(column >= 0)
    surface = {"cols": column[has], "forms": [words[i] for i in has.tolist()],
               "counts": counts[has].astype(np.int64)}
    return indptr.astype(np.int64), cols[keep], surface


def _cached_tokens(spec: tuple, analyzer: ArabicAnalyzer, unit: str, include_title: bool
                   ) -> tuple[list[str], np.ndarray, np.ndarray] | None:
    """A part's words as the load kept them (a corpus on disk), where they are the analyzer's:
    whole documents, single words, its own tokenizer (not a subclass's) and the same light
    normalization; else None (the text is tokenized)."""
    if spec[0] != "disk" or unit != "document" or analyzer._c.ngrams != (1, 1) \
            or type(analyzer).surface_tokens is not ArabicAnalyzer.surface_tokens:
        return None
    from ..parts import _disk_corpus

    steps = analyzer._c.surface.settings.steps
    return _disk_corpus(spec[1], bool(spec[3]) if len(spec) > 3 else False).tokens(
        spec[2], include_title, sorted(steps))


def _texts(corpus: Corpus, unit: str, include_title: bool) -> tuple[list[str], np.ndarray,
                                                                    np.ndarray | None, np.ndarray]:
    """The texts of a corpus' rows (documents or paragraphs), their documents, units, and each
    row's document position."""
    docs = corpus.docs
    if unit == "document":
        return (corpus.full_texts(include_title=include_title), docs["doc_id"].to_numpy(), None,
                np.arange(len(docs)))
    units = corpus.units("paragraph", include_title=include_title)
    doc_ids = units["doc_id"].to_numpy()
    pos = pd.Series(np.arange(len(docs)), index=docs["doc_id"])
    return (units["text"].tolist(), doc_ids, units["unit_id"].to_numpy(),
            pos.loc[doc_ids].to_numpy())


def _count_part(spec: tuple, analyzer: ArabicAnalyzer, vocabulary: list[str] | None, unit: str,
                include_title: bool, meta_cols: list[str] | None) -> dict[str, Any]:
    """Count one part's terms: its rows as local term ids (or ids of a fixed vocabulary)."""
    from ..parts import open_part

    corpus = open_part(spec)
    analyzer = _worker_analyzer(analyzer)
    docs = corpus.docs
    if meta_cols is None:
        meta_cols = [c for c in docs.columns if c not in ("text", "title", "doc_id", "path",
                                                          "record")]
    fixed = vocabulary is not None
    vocab: dict[str, int] = {t: i for i, t in enumerate(vocabulary)} if fixed else {}
    phrase_counts: Counter[tuple[str, str]] = Counter()
    cached = _cached_tokens(spec, analyzer, unit, include_title)
    if cached is not None:   # the words the load kept: no text joined, none tokenized
        doc_ids, unit_ids = docs["doc_id"].to_numpy(), None
        row_doc_pos = np.arange(len(docs))
        indptr, indices, surface = _count_types(*cached, analyzer, vocab, fixed)
        return _part_result(vocab, fixed, indptr, indices, surface, phrase_counts, doc_ids,
                            unit_ids, docs, meta_cols, row_doc_pos)
    texts, doc_ids, unit_ids, row_doc_pos = _texts(corpus, unit, include_title)
    if analyzer.ngrams[1] == 1:
        indptr, indices, surface = _count_unigrams(texts, analyzer, vocab, fixed)
    else:
        surface_counts: Counter[tuple[str, str]] = Counter()   # (term, word as written)
        indptr = array("q", [0])
        indices = array("q")
        for text in texts:
            toks = analyzer.surface_tokens(text)
            surface_counts.update((t, w) for w in toks if (t := analyzer.term(w)) is not None)
            terms, phrases = analyzer.terms_and_surfaces(toks)
            phrase_counts.update((t, p) for t, p in zip(terms, phrases) if " " in t)
            if fixed:
                get = vocab.get
                indices.extend(j for j in map(get, terms) if j is not None)
            else:
                setdefault = vocab.setdefault
                indices.extend(setdefault(t, len(vocab)) for t in terms)
            indptr.append(len(indices))
        pairs = [(vocab.get(t, -1), w, c) for (t, w), c in surface_counts.items()]
        pairs = [p for p in pairs if p[0] >= 0]
        surface = {"cols": np.array([p[0] for p in pairs], np.int64),
                   "forms": [p[1] for p in pairs],
                   "counts": np.array([p[2] for p in pairs], np.int64)}
    return _part_result(vocab, fixed, indptr, indices, surface, phrase_counts, doc_ids, unit_ids,
                        docs, meta_cols, row_doc_pos)


def _part_result(vocab: dict[str, int], fixed: bool, indptr: Any, indices: Any,
                 surface: dict[str, Any], phrase_counts: Counter[tuple[str, str]],
                 doc_ids: Any, unit_ids: Any, docs: pd.DataFrame, meta_cols: list[str],
                 row_doc_pos: np.ndarray) -> dict[str, Any]:
    """What a worker sends back for one counted part."""
    return {"terms": None if fixed else list(vocab), "indptr": np.asarray(indptr, np.int64),
            "indices": np.asarray(indices, np.int64), "surface": surface,
            "phrases": dict(phrase_counts), "doc_ids": np.asarray(doc_ids, dtype=object),
            "unit_ids": None if unit_ids is None else np.asarray(unit_ids, dtype=object),
            "all_doc_ids": docs["doc_id"].tolist(),
            "meta": docs[meta_cols].iloc[row_doc_pos].reset_index(drop=True)}


class SurfaceTally:
    """Counts of (column, word as written) gathered part by part: each word interned once,
    the counts kept as integer arrays and summed as they grow (a dictionary of (term, word)
    pairs cost the main process about 3 s at 31,000 articles); ``best`` picks each column's
    most frequent word, ties to the first in code-point order."""

    _COMPACT = 2_000_000   # pairs held before equal pairs are summed

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.keys: list[np.ndarray] = []     # column << 32 | word id
        self.counts: list[np.ndarray] = []
        self.held = 0

    def add(self, cols: np.ndarray, forms: list[str], counts: np.ndarray) -> None:
        index = self.index   # new words numbered after the others, the loops in C
        new = dict.fromkeys(filterfalse(index.__contains__, forms))
        index.update(zip(new, range(len(index), len(index) + len(new))))
        ids = np.fromiter(map(index.__getitem__, forms), np.int64, len(forms))
        self.keys.append((np.asarray(cols, np.int64) << 32) | ids)
        self.counts.append(np.asarray(counts, np.int64))
        self.held += len(forms)
        if self.held > self._COMPACT:
            self._compact()

    def _compact(self) -> tuple[np.ndarray, np.ndarray]:
        keys = np.concatenate(self.keys) if self.keys else np.zeros(0, np.int64)
        counts = np.concatenate(self.counts) if self.counts else np.zeros(0, np.int64)
        keys, inv = np.unique(keys, return_inverse=True)
        total = np.zeros(len(keys), np.int64)
        np.add.at(total, inv.ravel(), counts)
        self.keys, self.counts, self.held = [keys], [total], len(keys)
        return keys, total

    def best(self, n: int) -> np.ndarray:
        """The most frequent form of each of ``n`` columns (None where none was counted)."""
        out = np.full(n, None, dtype=object)
        keys, total = self._compact()
        if not len(keys):
            return out
        words = np.asarray(list(self.index), dtype=object)
        rank = np.empty(len(words), np.int64)
        rank[np.argsort(words.astype(str), kind="stable")] = np.arange(len(words))
        col, form = keys >> 32, keys & 0xFFFFFFFF
        order = np.lexsort((rank[form], -total, col))
        first = order[np.r_[True, col[order][1:] != col[order][:-1]]]
        out[col[first]] = words[form[first]]
        return out


def _surface_forms(terms: np.ndarray, forms: np.ndarray,
                   phrases: Counter[tuple[str, str]] | None = None) -> np.ndarray:
    """Each term's readable form: ``forms`` (its most frequent word, by column; None where
    none), and for n-grams the most frequent phrase from counts of (term, phrase); else the
    term itself."""
    best: dict[str, tuple[int, str]] = {}
    for (t, form), c in (phrases or {}).items():
        cur = best.get(t)
        if cur is None or c > cur[0] or (c == cur[0] and form < cur[1]):
            best[t] = (c, form)
    out = []
    for term, form in zip(terms, forms):
        out.append(form if form is not None else best[term][1] if term in best else term)
    return np.asarray(out, dtype=object).astype(str)


