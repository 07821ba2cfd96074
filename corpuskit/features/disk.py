"""A document-term matrix on disk, for corpora whose matrix should not be held in memory.

``document_term_matrix(disk_corpus, out=FOLDER)`` counts in two passes over the corpus' parts:
document frequencies fix the vocabulary, then every part's rows are counted against it and
written by the worker that counts them (``part-00000.npz``: a CSR block with int32 columns and
float32 counts, ``rows-00000.parquet``: its document ids and metadata). Only the vocabulary and
per-term totals are held in the main process. ``TopicModel.fit`` reads such a matrix block by
block (see :meth:`~corpuskit.topics.TopicModel.fit`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import InputError, SettingsError
from .analyzer import ArabicAnalyzer

__all__ = ["DiskDTM", "write_disk_dtm"]

_FORMAT = "corpuskit-dtm"
_VERSION = 1


class DiskDTM:
    """A document-term matrix written to a folder, read block by block.

    Attributes: ``vocabulary``, ``surface``, ``settings``, ``shape``; ``block(i)`` is part
    ``i``'s rows (CSR), ``rows(i)`` their document ids and metadata; ``meta`` and ``doc_ids``
    read every part's rows (small columns, not the counts).
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        mf = self.path / "manifest.json"
        if not mf.is_file():
            raise InputError(f"{self.path}: not a document-term matrix on disk (no manifest.json;"
                             " an interrupted write leaves none)")
        m = json.loads(mf.read_text(encoding="utf-8"))
        if m.get("format") != _FORMAT or m.get("format_version") != _VERSION:
            raise InputError(f"{self.path}: a matrix in format {m.get('format')} "
                             f"{m.get('format_version')}, not {_FORMAT} {_VERSION}")
        self.manifest = m
        self.vocabulary = np.load(self.path / "vocabulary.npy", allow_pickle=False)
        self.surface = np.load(self.path / "surface.npy", allow_pickle=False)
        self.settings = m["settings"]
        self.unit_ids = None

    @property
    def shape(self) -> tuple[int, int]:
        return int(self.manifest["rows"]), len(self.vocabulary)

    @property
    def n_blocks(self) -> int:
        return len(self.manifest["parts"])

    def __repr__(self) -> str:
        n, v = self.shape
        return (f"<DiskDTM {self.path}: {n:,} {self.settings.get('unit', 'document')}s × {v:,} "
                f"terms in {self.n_blocks} blocks, {self.manifest['nnz']:,} non-zero>")

    def block_path(self, i: int) -> str:
        return str(self.path / self.manifest["parts"][i]["file"])

    def block(self, i: int) -> sp.csr_matrix:
        """Part ``i``'s rows as a CSR matrix of float64 counts."""
        return load_block(self.block_path(i))

    def blocks(self) -> Iterator[sp.csr_matrix]:
        for i in range(self.n_blocks):
            yield self.block(i)

    def rows(self, i: int) -> pd.DataFrame:
        return pd.read_parquet(self.path / self.manifest["parts"][i]["rows"])

    @property
    def meta(self) -> pd.DataFrame:
        frames = [self.rows(i).drop(columns=["doc_id"]) for i in range(self.n_blocks)]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    @property
    def doc_ids(self) -> np.ndarray:
        return np.concatenate([self.rows(i)["doc_id"].to_numpy() for i in range(self.n_blocks)])

    @property
    def row_ids(self) -> np.ndarray:
        return self.doc_ids

    def sample(self, max_rows: int) -> sp.csr_matrix:
        """The first blocks, up to about ``max_rows`` rows (for a start or a reference)."""
        out, n = [], 0
        for i in range(self.n_blocks):
            if n >= max_rows:
                break
            b = self.block(i)
            out.append(b)
            n += b.shape[0]
        return sp.vstack(out).tocsr()[:max_rows]

    def terms(self) -> pd.DataFrame:
        return pd.DataFrame({"term": self.vocabulary, "surface": self.surface,
                             "count": np.load(self.path / "counts.npy"),
                             "df": np.load(self.path / "df.npy")})


def load_block(path: str) -> sp.csr_matrix:
    """One block of counts; a missing, truncated or altered block file is an error naming it
    (also when it is read by a worker of an engine), never a NumPy traceback."""
    try:
        with np.load(path, allow_pickle=False) as z:
            return sp.csr_matrix((z["data"].astype(np.float64), z["indices"], z["indptr"]),
                                 shape=tuple(z["shape"]))
    except Exception as e:  # noqa: BLE001 - zipfile, OSError, ValueError, KeyError ...
        raise InputError(f"{path}: this block of the document-term matrix cannot be read "
                         f"({type(e).__name__}: {e}); write the matrix again") from e


def _df_part(spec: tuple, analyzer: ArabicAnalyzer, unit: str,
             include_title: bool) -> tuple[dict[str, int], int]:
    """Pass 1: the document frequency of every term in one part."""
    from ..parts import open_part
    from .dtm import _texts, _worker_analyzer

    analyzer = _worker_analyzer(analyzer)
    texts = _texts(open_part(spec), unit, include_title)[0]
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(analyzer(text)))
    return dict(df), len(texts)


def _write_part(spec: tuple, i: int, analyzer: ArabicAnalyzer, vocabulary: list[str], unit: str,
                include_title: bool, meta_cols: list[str] | None, out: str) -> dict[str, Any]:
    """Pass 2: count one part against the vocabulary and write it (by the worker itself)."""
    from .dtm import _count_part

    res = _count_part(spec, analyzer, vocabulary, unit, include_title, meta_cols)
    v = len(vocabulary)
    m = sp.csr_matrix((np.ones(len(res["indices"]), np.float32), res["indices"], res["indptr"]),
                      shape=(len(res["indptr"]) - 1, v))
    m.sum_duplicates()
    name = f"part-{i:05d}.npz"
    np.savez(Path(out) / name, data=m.data.astype(np.float32),
             indices=m.indices.astype(np.int32), indptr=m.indptr.astype(np.int64),
             shape=np.array(m.shape))
    rows = res["meta"].copy()
    rows.insert(0, "doc_id", res["doc_ids"].astype(str))
    if res["unit_ids"] is not None:
        rows.insert(1, "unit_id", res["unit_ids"].astype(str))
    for col in rows.columns:
        if rows[col].dtype == object:
            rows[col] = rows[col].map(lambda x: x if x is None or isinstance(x, str) else str(x))
    rows.to_parquet(Path(out) / f"rows-{i:05d}.parquet", index=False)
    return {"file": name, "rows": f"rows-{i:05d}.parquet", "n": m.shape[0], "nnz": int(m.nnz),
            "counts": np.asarray(m.sum(axis=0)).ravel(),
            "df": np.bincount(m.indices, minlength=v), "surface": res["surface"],
            "hash_ids": res["all_doc_ids"]}


def write_disk_dtm(corpus: Any, out: str | Path, *, analyzer: ArabicAnalyzer, unit: str,
                   min_df: int | float, max_df: int | float, max_terms: int | None,
                   vocabulary: Sequence[str] | None, include_title: bool,
                   meta: Sequence[str] | None, engine: Any, workers: int | None,
                   part_size: int) -> DiskDTM:
    """``document_term_matrix(..., out=...)``: see the module's docstring."""
    import hashlib

    from ..engine import engine_for
    from ..parts import part_specs
    from .dtm import _hash_ids, _surface_forms, df_bounds

    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / "manifest.json").is_file():
        raise SettingsError(f"{out}: the folder is not empty and holds no matrix; choose a new "
                            "or empty folder")
    out.mkdir(parents=True, exist_ok=True)
    for old in ("manifest.json", "vocabulary.npy", "surface.npy", "counts.npy", "df.npy"):
        (out / old).unlink(missing_ok=True)
    specs = part_specs(corpus, part_size)
    with engine_for(engine, workers) as eng:
        if vocabulary is None:
            df: Counter[str] = Counter()
            n_rows = 0
            for part_df, n in eng.imap(_df_part, specs, analyzer, unit, include_title):
                df.update(part_df)
                n_rows += n
            lo, hi = df_bounds(min_df, max_df, n_rows)
            terms = [t for t, c in df.items() if lo <= c <= hi]
            if not terms:
                raise SettingsError(f"min_df={min_df} and max_df={max_df} leave no terms")
            if max_terms is not None and len(terms) > max_terms:
                terms = sorted(terms, key=lambda t: (-df[t], t))[:max_terms]
            vocab = sorted(terms)
            del df
        else:
            vocab = list(vocabulary)
        v = len(vocab)
        counts = np.zeros(v, np.int64)
        dfs = np.zeros(v, np.int64)
        surface: Counter[tuple[str, str]] = Counter()
        parts, rows, nnz = [], 0, 0
        hashes = hashlib.blake2b(digest_size=12)
        shared = eng.put(vocab)
        items = [(spec, i) for i, spec in enumerate(specs)]
        for res in eng.imap(_write_part_star, items, analyzer, shared, unit, include_title,
                            None if meta is None else list(meta), str(out)):
            counts += res["counts"].astype(np.int64)
            dfs += res["df"]
            surface.update(res["surface"])
            parts.append({"file": res["file"], "rows": res["rows"], "n": res["n"]})
            rows += res["n"]
            nnz += res["nnz"]
            _hash_ids(hashes, res["hash_ids"])
    np.save(out / "vocabulary.npy", np.asarray(vocab, dtype=str))
    np.save(out / "surface.npy", _surface_forms(np.asarray(vocab, dtype=object), surface))
    np.save(out / "counts.npy", counts)
    np.save(out / "df.npy", dfs)
    settings = {"unit": unit, "min_df": min_df, "max_df": max_df, "max_terms": max_terms,
                "fixed_vocabulary": vocabulary is not None, "include_title": include_title,
                "analyzer": analyzer.settings(), "corpus_hash": hashes.hexdigest()}
    (out / "manifest.json").write_text(json.dumps({
        "format": _FORMAT, "format_version": _VERSION, "rows": rows, "nnz": nnz,
        "parts": parts, "settings": settings}, ensure_ascii=False, default=str), "utf-8")
    return DiskDTM(out)


def _write_part_star(item: tuple, *args: Any) -> dict[str, Any]:
    spec, i = item
    return _write_part(spec, i, *args)
