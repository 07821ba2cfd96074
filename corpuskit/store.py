"""A corpus on disk: a folder of Parquet parts, written as the input is read and opened lazily.

Layout of a corpus folder::

    manifest.json          written last: format, corpuskit version, parts, counts, provenance
    docs/part-00000.parquet ...   the documents, ``part_size`` a part (one row group each)
    report/part-00000.parquet ... the load report, every file and record, in input order
    keys/part-00000.npz    per document: date, exact-duplicate key, MinHash LSH band keys
    tokens/part-00000.npz  the part's words (light normalization) as one list of types and
                           each document's title and text as type ids: counted without
                           tokenizing again (``DiskCorpus.tokens``)
    duplicates.parquet     the documents flagged as exact or near duplicates, and of what

Nothing of the corpus is held in memory while it is written but a few bytes a document (the
keys that duplicate detection needs across the whole corpus); the band keys are read back a
few bands at a time (``BAND_BYTES``). A folder being written carries a ``.writing`` marker
and no finished manifest, so an interrupted write is recognised and named, never read as a
corpus; a folder written in another format version is refused with the version that wrote it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .corpus import DOC_COLUMNS, REPORT_COLUMNS, Corpus, _jsonable_cell
from .errors import InputError, SettingsError

__all__ = ["DiskCorpus", "CorpusWriter", "open_corpus", "is_corpus_dir", "DISK_FORMAT",
           "DISK_FORMAT_VERSION"]

DISK_FORMAT = "corpuskit-corpus"
DISK_FORMAT_VERSION = 1
_MARKER = ".writing"
_OURS = ("manifest.json", _MARKER, "docs", "report", "keys", "tokens", "duplicates.parquet")
_KIND = np.array([None, "exact", "near"], dtype=object)
# LSH band keys held at once while duplicates are flagged (8 bytes a document and band): all 30
# bands up to about 130,000 documents, four at a time at a million
BAND_BYTES = 32 << 20


def _version() -> str:
    from . import __version__

    return __version__


def is_corpus_dir(path: str | Path) -> bool:
    """True for a folder that holds a corpus on disk (finished or not)."""
    p = Path(path)
    return p.is_dir() and ((p / "manifest.json").is_file() or (p / _MARKER).is_file())


class CorpusWriter:
    """Writes a corpus part by part (used by ``load_corpus(..., out=DIR)``)."""

    def __init__(self, path: str | Path, overwrite: bool = False):
        self.path = Path(path)
        p = self.path
        if p.exists() and not p.is_dir():
            raise SettingsError(f"{p}: exists and is not a folder; a corpus on disk is a folder "
                                "(give a new folder name, or a .parquet name for one file)")
        if p.is_dir() and any(p.iterdir()):
            if not is_corpus_dir(p):
                raise SettingsError(f"{p}: the folder is not empty and holds no corpuskit corpus; "
                                    "choose a new or empty folder")
            if not overwrite:
                raise SettingsError(f"{p}: already holds a corpus; pass overwrite=True "
                                    "(--overwrite) to replace it")
            for name in _OURS:
                q = p / name
                if q.is_dir():
                    shutil.rmtree(q)
                elif q.exists():
                    q.unlink()
        self._created = not p.exists()
        for sub in ("docs", "report", "keys", "tokens"):
            (p / sub).mkdir(parents=True, exist_ok=True)
        (p / _MARKER).write_text(json.dumps({
            "pid": os.getpid(), "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "corpuskit": _version()}))
        self.parts: list[dict[str, Any]] = []
        self.report_parts: list[dict[str, Any]] = []
        self.n_docs = 0
        self._dates: list[np.ndarray] = []
        self._exact: list[np.ndarray] = []
        self._nonempty: list[np.ndarray] = []
        self._ids: list[np.ndarray] = []
        self._sig8: list[np.ndarray] = []
        self._sig8_all: np.ndarray | None = None
        self._bands: tuple[int, np.ndarray] | None = None   # (first band, bands × documents)
        self.tokens = False

    # ---------------------------------------------------------------- writing
    def add(self, rows: list[dict[str, Any]], result: dict[str, Any]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not rows:
            return
        i = len(self.parts)
        docs = pd.DataFrame(rows)
        docs["date"] = pd.to_datetime(docs["date"])
        front = [c for c in DOC_COLUMNS if c in docs.columns]
        docs = docs[front + [c for c in docs.columns if c not in front]]
        for col in docs.columns:
            if docs[col].dtype == object:
                docs[col] = docs[col].map(_jsonable_cell)
        name = f"docs/part-{i:05d}.parquet"
        table = pa.Table.from_pandas(docs, preserve_index=False)
        pq.write_table(table, self.path / name, compression="zstd", row_group_size=len(docs))
        keys = f"keys/part-{i:05d}.npz"
        np.savez(self.path / keys, exact=result["exact"], bands=result["bands"],
                 sigs=result["sigs"], nonempty=result["nonempty"], dates=result["dates"])
        entry = {"file": name, "keys": keys, "rows": len(docs), "first": self.n_docs,
                 "bytes": (self.path / name).stat().st_size}
        if result.get("tokens") is not None:
            tok = f"tokens/part-{i:05d}.npz"
            np.savez(self.path / tok, **result["tokens"])
            entry.update(tokens=tok, tokens_bytes=(self.path / tok).stat().st_size)
            self.tokens = True
        self.parts.append(entry)
        self.n_docs += len(docs)
        self._dates.append(result["dates"])
        self._exact.append(result["exact"])
        self._nonempty.append(result["nonempty"])
        self._ids.append(docs["doc_id"].to_numpy().astype("S"))
        # the lowest byte of each MinHash value (b-bit minwise hashing): enough to screen
        # candidate pairs, 90 bytes a document, so never read back from the parts' keys
        self._sig8.append(np.ascontiguousarray(result["sigs"], dtype=np.uint32).astype(np.uint8))
        self._sig8_all = None

    def add_report(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        i = len(self.report_parts)
        name = f"report/part-{i:05d}.parquet"
        _write_report(pd.DataFrame(rows, columns=REPORT_COLUMNS), self.path / name)
        self.report_parts.append({"file": name, "rows": len(rows),
                                  "bytes": (self.path / name).stat().st_size})

    def report_rows(self) -> list[dict[str, Any]]:
        # as the rows were given: a missing member or record comes back from Parquet as NaN
        return [{k: (None if v is None or v != v else v) for k, v in r.items()}
                for p in self.report_parts
                for r in pd.read_parquet(self.path / p["file"]).to_dict("records")]

    # ---------------------------------------------------------------- duplicate keys
    def dates(self) -> np.ndarray:
        return np.concatenate(self._dates) if self._dates else np.zeros(0, "datetime64[ns]")

    def exact(self) -> np.ndarray:
        return np.concatenate(self._exact) if self._exact else np.zeros(0, "S16")

    def nonempty(self) -> np.ndarray:
        return np.concatenate(self._nonempty) if self._nonempty else np.zeros(0, bool)

    def band(self, b: int) -> np.ndarray:
        """Every document's key for LSH band ``b``. The bands are read from the parts' keys a
        group at a time (as many as fit in ``BAND_BYTES``: all of them up to about 130,000
        documents), so that each part's keys are opened a few times, not once per band (30
        passes over every part cost 0.5 s at 31,000 documents, 0.03 s in one)."""
        held = self._bands
        if held is None or not held[0] <= b < held[0] + len(held[1]):
            held = self._bands = None   # the group before is let go before the next is read
            group = max(1, BAND_BYTES // max(8 * self.n_docs, 1))
            out = []
            for p in self.parts:
                with np.load(self.path / p["keys"]) as z:
                    out.append(z["bands"][b:b + group])
            held = self._bands = (b, np.concatenate(out, axis=1))
        return held[1][b - held[0]]

    def shingles_of(self, positions: list[int]) -> dict[int, np.ndarray]:
        return _shingles_of(self.path, self.parts, positions)

    def signatures_of(self, positions: np.ndarray) -> np.ndarray:
        """The MinHash signatures of some documents, one byte a permutation (the lowest;
        :func:`corpuskit.clean.minhash_estimate` corrects for chance agreement), from memory:
        reading them back from the parts' keys for every chunk of pairs cost a million-document
        load minutes of I/O."""
        if self._sig8_all is None:
            self._sig8_all = (np.concatenate(self._sig8) if self._sig8
                              else np.zeros((0, 0), np.uint8))
            self._sig8 = [self._sig8_all]  # one copy, not two
        return self._sig8_all[positions]

    # ---------------------------------------------------------------- finishing
    def finish(self, kind: np.ndarray, of: np.ndarray, sim: np.ndarray,
               provenance: dict[str, Any]) -> DiskCorpus:
        self._bands = None
        ids = np.concatenate(self._ids)
        flagged = np.flatnonzero(kind)
        dup = pd.DataFrame({"position": flagged.astype(np.int64),
                            "doc_id": ids[flagged].astype(str),
                            "duplicate": _KIND[kind[flagged]].astype(str),
                            "duplicate_of": ids[of[flagged]].astype(str),
                            "duplicate_similarity": sim[flagged]})
        dup.to_parquet(self.path / "duplicates.parquet", index=False)
        if len(dup):  # the report says which documents turned out to be duplicates
            status = dict(zip(dup["doc_id"], np.where(dup["duplicate"] == "exact", "duplicate",
                                                       "near_duplicate")))
            original = dict(zip(dup["doc_id"], dup["duplicate_of"]))
            for p in self.report_parts:
                rep = pd.read_parquet(self.path / p["file"])
                hit = rep["doc_id"].isin(status.keys())
                if hit.any():
                    rep.loc[hit, "status"] = rep.loc[hit, "doc_id"].map(status)
                    rep.loc[hit, "duplicate_of"] = rep.loc[hit, "doc_id"].map(original)
                    _write_report(rep, self.path / p["file"])
                    p["bytes"] = (self.path / p["file"]).stat().st_size
        counts = {"documents": self.n_docs, "exact_duplicates": int((kind == 1).sum()),
                  "near_duplicates": int((kind == 2).sum()),
                  "report_rows": sum(p["rows"] for p in self.report_parts)}
        manifest = {"format": DISK_FORMAT, "format_version": DISK_FORMAT_VERSION,
                    "corpuskit": _version(), "complete": True,
                    "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "counts": counts, "parts": self.parts, "report_parts": self.report_parts,
                    "provenance": provenance}
        if self.tokens and all("tokens" in p for p in self.parts):
            from .arabic.normalization import get_normalizer

            manifest["tokens"] = {"normalize": sorted(get_normalizer("light").settings.steps)}
        tmp = self.path / "manifest.json.tmp"
        tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, default=str),
                       encoding="utf-8")
        tmp.replace(self.path / "manifest.json")
        (self.path / _MARKER).unlink()
        return DiskCorpus(self.path)

    def abandon(self) -> None:
        """Remove what this writer wrote (after an error: no half corpus is left behind)."""
        if self._created:
            shutil.rmtree(self.path, ignore_errors=True)
            return
        for name in _OURS:
            q = self.path / name
            if q.is_dir():
                shutil.rmtree(q, ignore_errors=True)
            elif q.exists():
                q.unlink()


def _write_report(rep: pd.DataFrame, path: Path) -> None:
    rep = rep.astype({c: object for c in rep.columns})
    rep = rep.where(rep.notna(), None)
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.string()) for c in REPORT_COLUMNS])
    table = pa.Table.from_pandas(rep[REPORT_COLUMNS].astype(object), schema=schema,
                                 preserve_index=False)
    pq.write_table(table, path, compression="zstd")


def _shingles_of(path: Path, parts: list[dict[str, Any]],
                 positions: list[int]) -> dict[int, np.ndarray]:
    """Shingle sets of some documents, read back from their parts."""
    from .clean import duplicate_tokens, shingle_sets

    firsts = np.array([p["first"] for p in parts])
    out: dict[int, np.ndarray] = {}
    by_part: dict[int, list[int]] = {}
    for pos in positions:
        by_part.setdefault(int(np.searchsorted(firsts, pos, side="right") - 1), []).append(pos)
    for i, poss in by_part.items():
        docs = pd.read_parquet(path / parts[i]["file"], columns=["title", "text"])
        local = [pos - parts[i]["first"] for pos in poss]
        words = [duplicate_tokens(docs["title"].iat[j], docs["text"].iat[j])[1] for j in local]
        out.update(zip(poss, shingle_sets(words)))
    return out


class DiskCorpus:
    """A corpus on disk (written by ``load_corpus(..., out=DIR)`` or ``corpuskit load --out
    DIR``), read lazily, part by part.

    ``len(corpus)``, ``corpus.report``, ``corpus.provenance`` and the metadata columns
    (``corpus.column("date")``) are cheap; ``corpus.parts()`` yields each part as a small
    in-memory :class:`~corpuskit.corpus.Corpus`; every stage of corpuskit (document-term
    matrix, topics, actors, framing) takes a DiskCorpus and runs part by part.
    ``corpus.docs`` / ``to_corpus()`` read it whole into memory.
    """

    def __init__(self, path: str | Path, *, skip_duplicates: bool = False):
        self.path = Path(path)
        self.skip_duplicates = bool(skip_duplicates)
        self.manifest = _read_manifest(self.path)
        self._dups: pd.DataFrame | None = None
        self._docs: pd.DataFrame | None = None
        self._report: pd.DataFrame | None = None
        for part in self.manifest["parts"] + self.manifest["report_parts"]:
            f = self.path / part["file"]
            if not f.is_file():
                raise InputError(f"{self.path}: the corpus is incomplete: {part['file']} is "
                                 "missing; load it again")
            if "bytes" in part and f.stat().st_size != part["bytes"]:
                raise InputError(f"{self.path}: {part['file']} has changed since the corpus was "
                                 f"written ({f.stat().st_size:,} bytes, not {part['bytes']:,}); "
                                 "load it again")
            t = self.path / part["tokens"] if "tokens" in part else None
            if t is not None and (not t.is_file() or t.stat().st_size != part["tokens_bytes"]):
                raise InputError(f"{self.path}: {part['tokens']} is missing or has changed since "
                                 "the corpus was written; load it again")

    # ---------------------------------------------------------------- basics
    @property
    def provenance(self) -> dict[str, Any]:
        return self.manifest.get("provenance", {})

    @property
    def written_by(self) -> str:
        """The corpuskit version that wrote this corpus."""
        return str(self.manifest.get("corpuskit"))

    @property
    def drops_duplicates(self) -> bool:
        """Whether reading leaves out the documents flagged as duplicates (loaded with
        ``duplicates="drop"``, or viewed through :meth:`drop_duplicates`)."""
        return (self.skip_duplicates
                or self.provenance.get("settings", {}).get("duplicates") == "drop")

    def drop_duplicates(self) -> DiskCorpus:
        """The same folder read without the documents flagged as exact or near duplicates
        (like ``Corpus.drop_duplicates``, lazily: nothing is read now)."""
        return self if self.drops_duplicates else DiskCorpus(self.path, skip_duplicates=True)

    @property
    def columns(self) -> list[str]:
        """The document columns (from the first part's schema, without reading it)."""
        import pyarrow.parquet as pq

        if not self.manifest["parts"]:
            return list(DOC_COLUMNS)
        return list(pq.read_schema(self.path / self.manifest["parts"][0]["file"]).names)

    @property
    def n_parts(self) -> int:
        return len(self.manifest["parts"])

    def __len__(self) -> int:
        c = self.manifest["counts"]
        dropped = c["exact_duplicates"] + c["near_duplicates"] if self.drops_duplicates else 0
        return int(c["documents"] - dropped)

    def __repr__(self) -> str:
        c = self.manifest["counts"]
        return (f"<DiskCorpus {self.path}: {len(self):,} documents in {self.n_parts} parts; "
                f"{c['exact_duplicates'] + c['near_duplicates']:,} flagged duplicates; "
                f"written by corpuskit {self.written_by}>")

    def summary_counts(self) -> dict[str, int]:
        rep = self.report
        c = self.manifest["counts"]
        return {"documents": len(self), "files": int(rep["path"].nunique()),
                "skipped": int(rep["status"].isin(["skipped", "error"]).sum()),
                "duplicates": c["exact_duplicates"] + c["near_duplicates"]}

    @property
    def duplicates(self) -> pd.DataFrame:
        """The documents flagged as duplicates: position, doc_id, duplicate, duplicate_of,
        duplicate_similarity."""
        if self._dups is None:
            self._dups = pd.read_parquet(self.path / "duplicates.parquet")
        return self._dups

    @property
    def report(self) -> pd.DataFrame:
        """The load report: one row per input file and record."""
        if self._report is None:
            parts = [pd.read_parquet(self.path / p["file"])
                     for p in self.manifest["report_parts"]]
            rep = pd.concat(parts, ignore_index=True) if parts else \
                pd.DataFrame(columns=REPORT_COLUMNS)
            self._report = rep.astype(object).where(rep.notna(), None)
        return self._report

    # ---------------------------------------------------------------- reading
    def read_part(self, i: int, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """The documents of part ``i`` (all columns, or some), duplicate flags joined."""
        part = self.manifest["parts"][i]
        cols = None if columns is None else list(dict.fromkeys(["doc_id", *columns]))
        try:
            docs = pd.read_parquet(self.path / part["file"], columns=cols)
        except Exception as exc:  # noqa: BLE001 - every way a part can be damaged
            raise InputError(f"{self.path / part['file']}: a damaged part of the corpus "
                             f"({type(exc).__name__}: {str(exc)[:200]}); load it again") from None
        if len(docs) != part["rows"]:
            raise InputError(f"{self.path / part['file']}: {len(docs)} documents, the manifest "
                             f"says {part['rows']}; load the corpus again")
        d = self.duplicates
        pos = np.arange(part["first"], part["first"] + part["rows"])
        mine = d[(d["position"] >= pos[0]) & (d["position"] <= pos[-1])]
        want = columns is None or any(c.startswith("duplicate") for c in columns)
        if want or self.drops_duplicates:
            kind = pd.Series([None] * len(docs), dtype=object)
            of = pd.Series([None] * len(docs), dtype=object)
            sim = np.full(len(docs), np.nan)
            loc = (mine["position"] - part["first"]).to_numpy()
            kind.iloc[loc] = mine["duplicate"].to_numpy()
            of.iloc[loc] = mine["duplicate_of"].to_numpy()
            sim[loc] = mine["duplicate_similarity"].to_numpy()
            if want:
                extra = pd.DataFrame({"duplicate": kind, "duplicate_of": of,
                                      "duplicate_similarity": sim})
                docs = pd.concat([docs, extra], axis=1)
                front = [c for c in DOC_COLUMNS if c in docs.columns]
                docs = docs[front + [c for c in docs.columns if c not in front]]
            if self.drops_duplicates:
                docs = docs[kind.isna().to_numpy()].reset_index(drop=True)
        if columns is not None:
            docs = docs[[c for c in dict.fromkeys(["doc_id", *columns]) if c in docs]]
        return docs

    def tokens(self, i: int, include_title: bool = True,
               normalize: Sequence[str] | None = None) -> tuple[list[str], np.ndarray,
                                                                 np.ndarray] | None:
        """The words of part ``i``'s documents (those :meth:`read_part` returns), as written at
        load: ``(words, ids, lengths)``, the part's word types, every document's tokens as
        type ids in order (title first, unless ``include_title=False``), and each document's
        number of tokens. None when the corpus keeps no tokens (written by an earlier
        corpuskit) or keeps them in another normalization than ``normalize`` (its steps)."""
        info = self.manifest.get("tokens")
        part = self.manifest["parts"][i]
        if not info or "tokens" not in part or (
                normalize is not None and sorted(normalize) != info["normalize"]):
            return None
        path = self.path / part["tokens"]
        try:
            with np.load(path, allow_pickle=False) as z:
                raw, ids = z["words"].tobytes().decode("utf-8"), z["ids"].astype(np.int64)
                tl, xl = z["title_len"].astype(np.int64), z["text_len"].astype(np.int64)
        except Exception as exc:  # noqa: BLE001 - every way a file can be damaged
            raise InputError(f"{path}: a damaged part of the corpus ({type(exc).__name__}: "
                             f"{str(exc)[:200]}); load it again") from None
        words = raw.split("\n") if raw else []
        if len(tl) != part["rows"] or len(xl) != part["rows"] or int(tl.sum() + xl.sum()) != \
                len(ids) or (len(ids) and int(ids.max()) >= len(words)):
            raise InputError(f"{path}: does not match its part of the corpus; load it again")
        keep_doc = np.ones(part["rows"], bool)
        if self.drops_duplicates:
            d = self.duplicates
            pos = d["position"].to_numpy()
            pos = pos[(pos >= part["first"]) & (pos < part["first"] + part["rows"])]
            keep_doc[pos - part["first"]] = False
        if keep_doc.all() and include_title:
            return words, ids, tl + xl
        # one flag per token: its document is kept, and it is no title token where titles go
        title_tok = np.repeat(np.tile([True, False], len(tl)), np.column_stack([tl, xl]).ravel())
        keep = np.repeat(keep_doc, tl + xl) & (include_title | ~title_tok)
        lengths = (xl + (tl if include_title else 0))[keep_doc]
        return words, ids[keep], lengths

    def parts(self, columns: Sequence[str] | None = None) -> Iterator[Corpus]:
        """Each part as a small in-memory Corpus (its provenance says which part)."""
        for i in range(self.n_parts):
            yield self.part(i, columns)

    def part(self, i: int, columns: Sequence[str] | None = None) -> Corpus:
        """Part ``i`` as an in-memory Corpus."""
        return Corpus(self.read_part(i, columns), None,
                      {**self.provenance, "part": i, "corpus": str(self.path)})

    def column(self, name: str) -> pd.Series:
        """One column of every document (e.g. ``"date"``, ``"source"``), without the texts."""
        parts = [self.read_part(i, [name])[name] for i in range(self.n_parts)]
        return pd.concat(parts, ignore_index=True) if parts else pd.Series(dtype=object)

    @property
    def docs(self) -> pd.DataFrame:
        """Every document in memory (read once, then kept)."""
        if self._docs is None:
            frames = [self.read_part(i) for i in range(self.n_parts)]
            docs = pd.concat(frames, ignore_index=True)
            if "date" in docs:
                docs["date"] = pd.to_datetime(docs["date"])
            self._docs = docs
        return self._docs

    def to_corpus(self) -> Corpus:
        """The whole corpus in memory."""
        return Corpus(self.docs, self.report, self.provenance)


def _read_manifest(path: Path) -> dict[str, Any]:
    if not path.is_dir():
        raise InputError(f"{path}: no such folder")
    mf = path / "manifest.json"
    marker = path / _MARKER
    if marker.is_file():
        try:
            info = json.loads(marker.read_text())
            when = f" (started {info.get('started')} by corpuskit {info.get('corpuskit')})"
        except (OSError, ValueError):
            when = ""
        raise InputError(f"{path}: an unfinished corpus: it was being written{when} and the "
                         "write did not finish; load the input again (with overwrite=True)")
    if not mf.is_file():
        raise InputError(f"{path}: not a corpuskit corpus (no manifest.json)")
    try:
        m = json.loads(mf.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"{mf}: a damaged manifest ({exc}); load the corpus again") from None
    if not isinstance(m, dict) or m.get("format") != DISK_FORMAT:
        raise InputError(f"{mf}: not the manifest of a corpuskit corpus")
    version = m.get("format_version")
    if version != DISK_FORMAT_VERSION:
        newer = isinstance(version, int) and version > DISK_FORMAT_VERSION
        raise InputError(f"{path}: written by corpuskit {m.get('corpuskit')} in corpus format "
                         f"{version}; this corpuskit ({_version()}) reads format "
                         f"{DISK_FORMAT_VERSION}: "
                         + ("upgrade corpuskit" if newer else "load the input again"))
    if m.get("complete") is not True:
        raise InputError(f"{path}: an unfinished corpus (the manifest is not marked complete); "
                         "load the input again")
    for key in ("parts", "report_parts", "counts"):
        if key not in m:
            raise InputError(f"{mf}: a damaged manifest (no {key!r}); load the corpus again")
    return m


def open_corpus(path: str | Path) -> Corpus | DiskCorpus:
    """Open a corpus written by corpuskit: a folder (:class:`DiskCorpus`, lazy) or a ``.parquet``
    file (:class:`~corpuskit.corpus.Corpus`, in memory)."""
    p = Path(path)
    if p.is_dir():
        return DiskCorpus(p)
    return Corpus.read_parquet(p)
