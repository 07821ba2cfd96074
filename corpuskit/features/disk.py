"""A document-term matrix on disk, for corpora whose matrix should not be held in memory.

``document_term_matrix(disk_corpus, out=FOLDER)`` reads and analyzes every part once: a worker
counts the part with the part's own term ids, writes its rows (``rows-00000.parquet``: document
ids and metadata) and stages its counts (``stage-00000.pkl``), and returns its document
frequencies, which fix the vocabulary; then each part's staged counts are mapped onto the
vocabulary and written by a worker as a block (``part-00000.npz``: CSR, int32 columns, float32
counts), and the staging files are removed. Only the vocabulary and
per-term totals are held in the main process. ``TopicModel.fit`` reads such a matrix block by
block (see :meth:`~corpuskit.topics.TopicModel.fit`).
"""

from __future__ import annotations

import json
import pickle
import re
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
_STAGE = "stage-"   # pass 1's counts of a part, until pass 2 writes its block
# what a write leaves in its folder (an interrupted one: no manifest.json yet)
_OURS = re.compile(r"(part-\d{5}\.npz|rows-\d{5}\.parquet|stage-\d{5}\.pkl|"
                   r"(vocabulary|surface|counts|df)\.npy|lda-k\d+-seed-?\d+)")
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


def _count_and_write_rows(spec: tuple, i: int, analyzer: ArabicAnalyzer, unit: str,
                          include_title: bool, meta_cols: list[str] | None,
                          out: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Count one part with its own term ids and write its rows (ids, metadata); return the
    counts (``terms``, CSR arrays, surface forms) and the rows' file name and id hashes."""
    from .dtm import _count_part

    res = _count_part(spec, analyzer, None, unit, include_title, meta_cols)
    terms = res["terms"]
    m = sp.csr_matrix((np.ones(len(res["indices"]), np.float32), res["indices"], res["indptr"]),
                      shape=(len(res["indptr"]) - 1, len(terms)))
    m.sum_duplicates()
    rows = res["meta"].copy()
    rows.insert(0, "doc_id", res["doc_ids"].astype(str))
    if res["unit_ids"] is not None:
        rows.insert(1, "unit_id", res["unit_ids"].astype(str))
    for col in rows.columns:
        if rows[col].dtype == object:
            rows[col] = rows[col].map(lambda x: x if x is None or isinstance(x, str) else str(x))
    name = f"rows-{i:05d}.parquet"
    rows.to_parquet(Path(out) / name, index=False)
    counts = {"terms": terms, "data": m.data, "indices": m.indices.astype(np.int32),
              "indptr": m.indptr.astype(np.int64), "surface": res["surface"]}
    return counts, {"n": m.shape[0], "rows": name, "hash_ids": res["all_doc_ids"]}


def _stage_part(spec: tuple, i: int, analyzer: ArabicAnalyzer, unit: str, include_title: bool,
                meta_cols: list[str] | None, out: str) -> dict[str, Any]:
    """Pass 1: count one part once, with its own term ids; write its rows and its counts (a
    staging file that pass 2 maps onto the vocabulary); return its document frequencies. The
    text is read and analyzed here only: pass 2 does not tokenize again."""
    st, info = _count_and_write_rows(spec, i, analyzer, unit, include_title, meta_cols, out)
    with open(Path(out) / f"{_STAGE}{i:05d}.pkl", "wb") as f:
        pickle.dump(st, f, protocol=pickle.HIGHEST_PROTOCOL)
    df = np.bincount(st["indices"], minlength=len(st["terms"]))
    return {**info, "df": dict(zip(st["terms"], df.tolist()))}


def _write_part(i: int, vocabulary: list[str], out: str) -> dict[str, Any]:
    """Pass 2: map one part's staged counts onto the vocabulary and write its block (by the
    worker itself). The staging file stays until every block is written (a retried task
    reads it again)."""
    with open(Path(out) / f"{_STAGE}{i:05d}.pkl", "rb") as f:
        st = pickle.load(f)
    return _write_block(i, st, vocabulary, out)


def _write_block(i: int, st: dict[str, Any], vocabulary: list[str], out: str) -> dict[str, Any]:
    """One part's counts (its own term ids) mapped onto the vocabulary, written as a block."""
    index = {t: j for j, t in enumerate(vocabulary)}
    v = len(vocabulary)
    column = np.fromiter((index.get(t, -1) for t in st["terms"]), np.int64, len(st["terms"]))
    indptr = st["indptr"]
    n = len(indptr) - 1
    cols = column[st["indices"]]
    keep = cols >= 0
    row = np.repeat(np.arange(n), np.diff(indptr))[keep]
    m = sp.csr_matrix((st["data"][keep], cols[keep],
                       np.concatenate([[0], np.cumsum(np.bincount(row, minlength=n))])),
                      shape=(n, v))
    m.sort_indices()
    name = f"part-{i:05d}.npz"
    np.savez(Path(out) / name, data=m.data.astype(np.float32),
             indices=m.indices.astype(np.int32), indptr=m.indptr.astype(np.int64),
             shape=np.array(m.shape))
    return {"file": name, "n": n, "nnz": int(m.nnz),
            "counts": np.asarray(m.sum(axis=0)).ravel(),
            "df": np.bincount(m.indices, minlength=v),
            "surface": _surface_on(st["surface"], column)}


def _surface_on(sf: dict[str, Any], column: np.ndarray) -> dict[str, Any]:
    """A part's surface counts (its own term ids) on the vocabulary's columns (terms outside
    it dropped)."""
    cols = column[sf["cols"]] if len(sf["cols"]) else np.zeros(0, np.int64)
    keep = np.flatnonzero(cols >= 0)
    return {"cols": cols[keep], "forms": [sf["forms"][i] for i in keep.tolist()],
            "counts": sf["counts"][keep]}


def _write_fixed_part(spec: tuple, i: int, analyzer: ArabicAnalyzer, vocabulary: list[str],
                      unit: str, include_title: bool, meta_cols: list[str] | None,
                      out: str) -> dict[str, Any]:
    """A fixed vocabulary: count one part and write it, in one pass (no staging file)."""
    st, info = _count_and_write_rows(spec, i, analyzer, unit, include_title, meta_cols, out)
    return {**_write_block(i, st, vocabulary, out), "rows": info["rows"],
            "hash_ids": info["hash_ids"]}


def write_disk_dtm(corpus: Any, out: str | Path, *, analyzer: ArabicAnalyzer, unit: str,
                   min_df: int | float, max_df: int | float, max_terms: int | None,
                   vocabulary: Sequence[str] | None, include_title: bool,
                   meta: Sequence[str] | None, engine: Any, workers: int | None,
                   part_size: int) -> DiskDTM:
    """``document_term_matrix(..., out=...)``: see the module's docstring."""
    import hashlib

    from ..engine import engine_for
    from ..parts import part_specs
    from .dtm import SurfaceTally, _hash_ids, _surface_forms, df_bounds

    out = Path(out)
    if out.exists() and not (out / "manifest.json").is_file() and \
            not all(_OURS.fullmatch(p.name) for p in out.iterdir()):
        raise SettingsError(f"{out}: the folder is not empty and holds no matrix; choose a new "
                            "or empty folder")
    out.mkdir(parents=True, exist_ok=True)
    for old in ("manifest.json", "vocabulary.npy", "surface.npy", "counts.npy", "df.npy"):
        (out / old).unlink(missing_ok=True)
    for old in out.glob(f"{_STAGE}*.pkl"):   # left by an interrupted write
        old.unlink()
    specs = part_specs(corpus, part_size)
    meta_cols = None if meta is None else list(meta)
    parts: list[dict[str, Any]] = []
    hashes = hashlib.blake2b(digest_size=12)
    with engine_for(engine, workers) as eng:
        if vocabulary is None:
            # pass 1: each part analyzed once; the counts wait in staging files
            df: Counter[str] = Counter()
            n_rows = 0
            items = [(spec, i) for i, spec in enumerate(specs)]
            for res in eng.imap(_stage_part_star, items, analyzer, unit, include_title,
                                meta_cols, str(out)):
                df.update(res["df"])
                n_rows += res["n"]
                parts.append({"rows": res["rows"], "n": res["n"]})
                _hash_ids(hashes, res["hash_ids"])
            lo, hi = df_bounds(min_df, max_df, n_rows)
            terms = [t for t, c in df.items() if lo <= c <= hi]
            if not terms:
                for old in out.glob(f"{_STAGE}*.pkl"):
                    old.unlink()
                raise SettingsError(f"min_df={min_df} and max_df={max_df} leave no terms")
            if max_terms is not None and len(terms) > max_terms:
                terms = sorted(terms, key=lambda t: (-df[t], t))[:max_terms]
            vocab = sorted(terms)
            del df
            # pass 2: the staged counts mapped onto the vocabulary, one block per part
            shared = eng.put(vocab)
            results = eng.imap(_write_part, range(len(specs)), shared, str(out))
        else:
            vocab = list(vocabulary)
            shared = eng.put(vocab)
            items = [(spec, i) for i, spec in enumerate(specs)]
            results = eng.imap(_write_fixed_part_star, items, analyzer, shared, unit,
                               include_title, meta_cols, str(out))
        v = len(vocab)
        counts = np.zeros(v, np.int64)
        dfs = np.zeros(v, np.int64)
        surface = SurfaceTally()
        rows, nnz = 0, 0
        for i, res in enumerate(results):
            counts += res["counts"].astype(np.int64)
            dfs += res["df"]
            surface.add(res["surface"]["cols"], res["surface"]["forms"], res["surface"]["counts"])
            if vocabulary is None:
                parts[i]["file"] = res["file"]
            else:
                parts.append({"file": res["file"], "rows": res["rows"], "n": res["n"]})
                _hash_ids(hashes, res["hash_ids"])
            rows += res["n"]
            nnz += res["nnz"]
    for stage in out.glob(f"{_STAGE}*.pkl"):
        stage.unlink()
    parts = [{"file": p["file"], "rows": p["rows"], "n": p["n"]} for p in parts]
    np.save(out / "vocabulary.npy", np.asarray(vocab, dtype=str))
    np.save(out / "surface.npy", _surface_forms(np.asarray(vocab, dtype=object), surface.best(v)))
    np.save(out / "counts.npy", counts)
    np.save(out / "df.npy", dfs)
    settings = {"unit": unit, "min_df": min_df, "max_df": max_df, "max_terms": max_terms,
                "fixed_vocabulary": vocabulary is not None, "include_title": include_title,
                "analyzer": analyzer.settings(), "corpus_hash": hashes.hexdigest()}
    (out / "manifest.json").write_text(json.dumps({
        "format": _FORMAT, "format_version": _VERSION, "rows": rows, "nnz": nnz,
        "parts": parts, "settings": settings}, ensure_ascii=False, default=str), "utf-8")
    return DiskDTM(out)


def _stage_part_star(item: tuple, *args: Any) -> dict[str, Any]:
    spec, i = item
    return _stage_part(spec, i, *args)


def _write_fixed_part_star(item: tuple, *args: Any) -> dict[str, Any]:
    spec, i = item
    return _write_fixed_part(spec, i, *args)
