"""The Corpus: documents, their units, the load report and provenance, with a Parquet round trip."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .arabic.normalization import NormalizeSettings, get_normalizer
from .arabic.segmentation import paragraph_spans, sentence_spans
from .errors import InputError, SettingsError

__all__ = ["Corpus", "TokenTable", "DOC_COLUMNS", "UNIT_COLUMNS", "REPORT_COLUMNS"]

DOC_COLUMNS = ["doc_id", "date", "source", "title", "text", "url", "author", "path", "record",
               "format", "date_raw", "date_field", "date_kind", "source_field", "duplicate",
               "duplicate_of"]
UNIT_COLUMNS = ["doc_id", "unit_id", "kind", "field", "start", "end", "text"]
REPORT_COLUMNS = ["path", "member", "record", "format", "encoding", "status", "reason", "doc_id",
                  "duplicate_of", "note"]
_PARQUET_KEY = b"corpuskit"
_FORMAT_VERSION = 1


class TokenTable:
    """Every document's tokens, compactly: a vocabulary, one int32 id per token and each
    document's length (about 4 bytes a token instead of a Python string's 60 or more)."""

    def __init__(self, vocab: np.ndarray, ids: np.ndarray, lengths: np.ndarray):
        self.vocab = np.asarray(vocab, dtype=object)
        self.ids = np.asarray(ids, dtype=np.int32)
        self.lengths = np.asarray(lengths, dtype=np.int64)
        self.offsets = np.concatenate([[0], np.cumsum(self.lengths)]).astype(np.int64)

    @classmethod
    def from_lists(cls, docs: list[list[str]]) -> TokenTable:
        vocab: dict[str, int] = {}
        ids = np.fromiter((vocab.setdefault(w, len(vocab)) for d in docs for w in d),
                          dtype=np.int32)
        return cls(np.array(list(vocab), dtype=object), ids, np.array([len(d) for d in docs]))

    def __len__(self) -> int:
        return len(self.lengths)

    def __getitem__(self, i: int) -> list[str]:
        return self.vocab[self.ids[self.offsets[i]:self.offsets[i + 1]]].tolist()

    def lists(self) -> list[list[str]]:
        """The tokens of every document as lists of strings."""
        return [self[i] for i in range(len(self))]

    def select(self, mask: np.ndarray) -> TokenTable:
        """The documents where ``mask`` is true."""
        keep = np.repeat(np.asarray(mask, bool), self.lengths)
        return TokenTable(self.vocab, self.ids[keep], self.lengths[np.asarray(mask, bool)])

    @property
    def nbytes(self) -> int:
        return int(self.ids.nbytes + self.lengths.nbytes + self.offsets.nbytes)


class Corpus:
    """A loaded corpus.

    Attributes:
        docs: one row per document (columns :data:`DOC_COLUMNS`, then every other metadata field
            of the input as its own column).
        report: one row per input file and record: loaded, duplicate, or skipped with its reason.
        provenance: inputs (paths, sizes, content hashes), settings and library versions.

    Derived tables (units, normalized text, tokens) are computed on first use and cached; the
    cache of normalized text is keyed by the normalization settings.
    """

    def __init__(self, docs: pd.DataFrame, report: pd.DataFrame | None = None,
                 provenance: dict[str, Any] | None = None):
        missing = [c for c in ("doc_id", "text") if c not in docs.columns]
        if missing:
            raise SettingsError(f"a Corpus needs the columns {missing} in its docs table")
        if docs["doc_id"].duplicated().any():
            dup = docs.loc[docs["doc_id"].duplicated(), "doc_id"].iloc[0]
            raise SettingsError(f"doc_id must be unique; {dup!r} appears more than once")
        self.docs = docs.reset_index(drop=True)
        self.report = report if report is not None else pd.DataFrame(columns=REPORT_COLUMNS)
        self.provenance = provenance or {}
        self._units: dict[str, pd.DataFrame] = {}
        self._normalized: dict[NormalizeSettings, pd.Series] = {}
        self._tokens: dict[NormalizeSettings, TokenTable] = {}

    # ------------------------------------------------------------------ basics
    def __len__(self) -> int:
        return len(self.docs)

    def __repr__(self) -> str:
        s = self.summary_counts()
        dates = self.docs["date"].dropna() if "date" in self.docs else pd.Series(dtype=object)
        span = f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no dates"
        srcs = self.docs["source"].nunique() if "source" in self.docs else 0
        crawl = [n for n in self.date_notes() if "crawl" in n]
        return (f"<Corpus: {s['documents']} documents from {srcs} sources, {span}; "
                f"{s['skipped']} skipped, {s['duplicates']} flagged duplicates"
                + (f"; {crawl[0].split(' (')[0]}" if crawl else "") + ">")

    def summary_counts(self) -> dict[str, int]:
        """Counts for a one-line summary: documents, files, records skipped, duplicates."""
        rep = self.report
        status = rep["status"] if "status" in rep else pd.Series(dtype=str)
        dup = self.docs["duplicate"].notna().sum() if "duplicate" in self.docs else 0
        return {"documents": len(self.docs),
                "files": int(rep["path"].nunique()) if "path" in rep else 0,
                "skipped": int(status.isin(["skipped", "error"]).sum()),
                "duplicates": int(dup)}

    def by_source(self) -> pd.DataFrame:
        """Documents, words, first and last date per source (a tidy summary table)."""
        d = self.docs.assign(words=self.docs["text"].str.split().str.len())
        g = d.groupby(d["source"].fillna("(unknown)"), sort=True)
        out = pd.DataFrame({
            "documents": g.size(),
            "words": g["words"].sum(),
            "first_date": g["date"].min(),
            "last_date": g["date"].max(),
            "undated": g["date"].apply(lambda s: int(s.isna().sum())),
        })
        out.index.name = "source"
        return out.reset_index()

    def by_month(self) -> pd.DataFrame:
        """Documents per month and source (rows: every month from the first to the last, months
        without documents as zeros; columns: sources; undated documents left out)."""
        d = self.docs.dropna(subset=["date"])
        if d.empty:
            return pd.DataFrame()
        month = d["date"].dt.to_period("M").rename("month")
        table = (d.groupby([month, d["source"].fillna("(unknown)")]).size()
                 .unstack(fill_value=0).sort_index())
        # Every month between the first and the last, months without documents as zeros.
        full = pd.period_range(table.index.min(), table.index.max(), freq="M", name="month")
        return table.reindex(full, fill_value=0)

    def date_origins(self) -> pd.DataFrame:
        """Where the documents' dates came from: one row per field and kind (``published``,
        ``crawled``, ``modified``), with counts; undated documents as ``(none)``.

        A crawl time is when a page was fetched, not when it was published: analyses over time
        on crawl dates say when the scraper ran.
        """
        d = self.docs
        if d.empty:
            return pd.DataFrame(columns=["date_field", "date_kind", "documents"])
        field = d["date_field"] if "date_field" in d else pd.Series([None] * len(d))
        kind = d["date_kind"] if "date_kind" in d else pd.Series([None] * len(d))
        dated = d["date"].notna().to_numpy() if "date" in d else np.zeros(len(d), bool)
        t = pd.DataFrame({"date_field": field.where(dated, "(none)").fillna("(unknown)").to_numpy(),
                          "date_kind": kind.where(dated, "undated").fillna("published").to_numpy()})
        return (t.groupby(["date_field", "date_kind"]).size().rename("documents").reset_index()
                .sort_values("documents", ascending=False).reset_index(drop=True))

    def date_notes(self) -> list[str]:
        """Plain sentences about dates a reader must know, e.g. ``"30,672 dates are crawl times
        (date_extracted), not publication dates"``."""
        notes = []
        o = self.date_origins()
        for kind, what in (("crawled", "crawl times"), ("modified", "modification times")):
            rows = o[o["date_kind"] == kind]
            if len(rows):
                fields = ", ".join(rows["date_field"].astype(str))
                notes.append(f"{int(rows['documents'].sum()):,} dates are {what} ({fields}), "
                             "not publication dates")
        from_url = int(o.loc[o["date_field"] == "url", "documents"].sum())
        if from_url:
            notes.append(f"{from_url:,} dates come from the pages' addresses (date_field 'url'), "
                         "their records having none")
        undated = int(o.loc[o["date_kind"] == "undated", "documents"].sum())
        if undated:
            notes.append(f"{undated:,} documents have no date")
        return notes

    def report_counts(self) -> pd.DataFrame:
        """The load report summed up: rows per status and reason."""
        rep = self.report
        if rep.empty:
            return pd.DataFrame(columns=["status", "reason", "count"])
        reasons = rep["reason"].fillna("").str.replace(r"\s*\(.*", "", regex=True)
        return (rep.assign(reason=reasons).groupby(["status", "reason"], dropna=False).size()
                .rename("count").reset_index().sort_values(["status", "count"], ascending=[True, False])
                .reset_index(drop=True))

    def _repr_html_(self) -> str:
        counts = self.summary_counts()
        head = html.escape(repr(self))
        by_src = self.by_source().to_html(index=False, classes="corpuskit", border=0)
        rep = self.report_counts().to_html(index=False, border=0)
        cols = ["doc_id", "date", "source", "title"]
        sample = self.docs[[c for c in cols if c in self.docs]].head(5).to_html(index=False, border=0)
        style = ("<style>.corpuskit-corpus td{unicode-bidi:plaintext;text-align:start}"
                 "</style>")  # each cell takes its direction from its text (Arabic titles)
        return (f'{style}<div class="corpuskit-corpus"><p><b>{head}</b></p>'
                f"<details open><summary>By source</summary>{by_src}</details>"
                f"<details><summary>Load report ({counts['files']} files)</summary>{rep}</details>"
                f"<details><summary>First documents</summary>{sample}</details>"
                "</div>")

    # ------------------------------------------------------------------ selection
    def select(self, mask: pd.Series | np.ndarray | list[bool]) -> Corpus:
        """A new Corpus with the documents where ``mask`` is true (report and provenance kept)."""
        docs = self.docs[np.asarray(mask, dtype=bool)].reset_index(drop=True)
        return Corpus(docs, self.report, {**self.provenance, "selected_from": len(self.docs)})

    def _parts(self, part_size: int, balance: bool = False) -> list[Corpus]:
        """The corpus cut into consecutive parts of ``part_size`` documents that an analysis
        runs on; with ``balance``, into as many parts, cut where each holds about the same
        amount of text (a part's work grows with its text, and news archives often hold long
        articles in one stretch and briefs in another: parts of equal counts then keep one
        worker busy long after the other). The unit tables already built go along, sliced (a
        document's units depend on that document alone, and the tables list documents in
        order): a part does not split its documents into sentences a second time, and the
        slicing is one pass over each table."""
        n = len(self.docs)
        if not n:
            return []
        k = -(-n // part_size)
        if balance and k > 1:
            size = self.docs["text"].fillna("").str.len().to_numpy(dtype=np.int64) + 1
            if "title" in self.docs:
                size += self.docs["title"].fillna("").astype(str).str.len().to_numpy(np.int64)
            cum = np.cumsum(size)
            ends = np.searchsorted(cum, cum[-1] * np.arange(1, k) / k) + 1
            bounds = np.unique(np.clip(np.concatenate([[0], ends, [n]]), 0, n))
        else:
            bounds = np.append(np.arange(0, n, part_size), n)
        # consecutive slices, not boolean selections: no copy of the texts
        parts = [Corpus(self.docs.iloc[a:b].reset_index(drop=True), self.report,
                        {**self.provenance, "selected_from": n})
                 for a, b in zip(bounds[:-1], bounds[1:])]
        for key, units in self._units.items():
            pos = pd.Index(self.docs["doc_id"]).get_indexer(units["doc_id"])
            if (pos < 0).any() or (np.diff(pos) < 0).any():
                continue   # not in document order: each part builds its own
            cuts = np.searchsorted(pos, bounds)
            for part, a, b in zip(parts, cuts[:-1], cuts[1:]):
                part._units[key] = units.iloc[a:b].reset_index(drop=True)
        return parts

    def drop_duplicates(self) -> Corpus:
        """A new Corpus without the documents flagged as exact or near duplicates."""
        if "duplicate" not in self.docs:
            return self
        return self.select(self.docs["duplicate"].isna())

    # ------------------------------------------------------------------ units
    def units(self, kind: str = "paragraph", *, include_title: bool = True,
              meta: list[str] | bool = False) -> pd.DataFrame:
        """A tidy table of units: ``"paragraph"`` (with subheadings) or ``"sentence"``.

        Columns: ``doc_id``, ``unit_id``, ``kind`` (title, subheading, paragraph), ``field`` (the
        docs column the offsets refer to: ``title`` or ``text``), ``start``, ``end``, ``text``;
        sentences add ``paragraph_id``. ``text`` equals ``docs[field][start:end]``. With
        ``meta=True`` (or a list of columns) document metadata such as date and source is joined.
        """
        if kind not in ("paragraph", "sentence"):
            raise SettingsError(f"units(kind={kind!r}): kind must be 'paragraph' or 'sentence'")
        key = f"{kind}:{include_title}"
        if key not in self._units:
            self._units[key] = self._build_units(kind, include_title)
        out = self._units[key]
        if meta:
            cols = ["date", "source"] if meta is True else list(meta)
            bad = [c for c in cols if c not in self.docs]
            if bad:
                raise SettingsError(f"units(meta=...): no such docs column(s) {bad}")
            out = out.merge(self.docs[["doc_id", *cols]], on="doc_id", how="left")
        return out.copy()

    def _build_units(self, kind: str, include_title: bool) -> pd.DataFrame:
        spans = self._unit_spans(kind, include_title, text=True)
        cols = UNIT_COLUMNS + (["paragraph_id"] if kind == "sentence" else [])
        df = pd.DataFrame({c: spans[c] for c in cols}, columns=cols)
        df["start"] = df["start"].astype("int64")
        df["end"] = df["end"].astype("int64")
        return df

    def _unit_spans(self, kind: str, include_title: bool = True,
                    text: bool = False) -> dict[str, list]:
        """The units of :meth:`units` without their text, as plain lists (``doc_id``,
        ``unit_id``, ``kind``, ``field``, ``start``, ``end``; ``paragraph_id`` for sentences):
        for analyses that read the documents themselves and need only where each unit lies
        (actors), at a fraction of the cost of the table and its copies of every unit's text
        (``text=True`` adds them). Cached units (of :meth:`units` or a stored corpus) are read
        from their table."""
        key = f"{kind}:{include_title}"
        cols = UNIT_COLUMNS[:-1] + (["paragraph_id"] if kind == "sentence" else []) \
            + (["text"] if text else [])
        if key in self._units and not text:
            table = self._units[key]
            return {c: table[c].tolist() for c in cols}
        sentences, with_text = kind == "sentence", text
        rows: list[tuple] = []
        titles = self.docs["title"].tolist() if "title" in self.docs else [None] * len(self.docs)
        for doc_id, title, body in zip(self.docs["doc_id"].tolist(), titles,
                                       self.docs["text"].tolist()):
            pieces: list[tuple[str, str, str, int, int]] = []  # (pid, kind, field, start, end)
            if include_title and isinstance(title, str) and title.strip():
                pieces.append((f"{doc_id}:t", "title", "title", 0, len(title)))
            for n, sp in enumerate(paragraph_spans(body), 1):
                pieces.append((f"{doc_id}:p{n}", sp.kind, "text", sp.start, sp.end))
            for pid, pkind, field, a, b in pieces:
                src = title if field == "title" else body
                if not sentences:
                    rows.append((doc_id, pid, pkind, field, a, b, src[a:b]) if with_text
                                else (doc_id, pid, pkind, field, a, b))
                    continue
                for m, s in enumerate(sentence_spans(src, a, b), 1):
                    rows.append((doc_id, f"{pid}.s{m}", pkind, field, s.start, s.end, pid,
                                 src[s.start:s.end]) if with_text
                                else (doc_id, f"{pid}.s{m}", pkind, field, s.start, s.end, pid))
        columns = list(zip(*rows)) if rows else [()] * len(cols)
        return {c: list(v) for c, v in zip(cols, columns)}

    # ------------------------------------------------------------------ text views
    def normalized(self, preset: str | NormalizeSettings | None = "default",
                   **switches: bool) -> pd.Series:
        """Normalized document text (title and body) as a Series indexed by ``doc_id``; cached
        per normalization settings."""
        settings = NormalizeSettings.resolve(preset, **switches)
        if settings not in self._normalized:
            norm = get_normalizer(settings)
            full = self.full_texts()
            self._normalized[settings] = pd.Series([norm(t) for t in full],
                                                   index=self.docs["doc_id"], name="normalized")
        return self._normalized[settings]

    def tokens(self, preset: str | NormalizeSettings | None = "default",
               **switches: bool) -> pd.Series:
        """Tokens of each document (title and body), normalized with the given settings, as a
        Series of lists indexed by ``doc_id``. Cached compactly (:class:`TokenTable`); the
        lists are made on each call."""
        settings = NormalizeSettings.resolve(preset, **switches)
        if settings not in self._tokens:
            norm = get_normalizer(settings)
            self._tokens[settings] = TokenTable.from_lists(self._tokens_full(norm))
        return pd.Series(self._tokens[settings].lists(), index=self.docs["doc_id"],
                         name="tokens", dtype=object)

    def full_texts(self, include_title: bool = True) -> list[str]:
        """Each document's title and text as one string (``title``, a blank line, ``text``):
        the one place where corpuskit joins them, for every analysis of whole documents."""
        if not include_title or "title" not in self.docs:
            return list(self.docs["text"])
        return [join_title(t, x) for t, x in zip(self.docs["title"], self.docs["text"])]

    def _tokens_full(self, norm) -> list[list[str]]:  # noqa: ANN001
        titles = self.docs["title"].fillna("") if "title" in self.docs else [""] * len(self.docs)
        return [norm.tokens(t) + norm.tokens(x) if t else norm.tokens(x)
                for t, x in zip(titles, self.docs["text"])]

    # ------------------------------------------------------------------ persistence
    def to_parquet(self, path: str | Path) -> Path:
        """Write docs, units and provenance (and the load report) to one Parquet file."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        docs = self.docs.copy()
        for col in docs.columns:
            if docs[col].dtype == object:
                docs[col] = docs[col].map(_jsonable_cell)
        table = pa.Table.from_pandas(docs, preserve_index=False)
        paras = self.units("paragraph", include_title=False)
        sents = self.units("sentence", include_title=False)
        table = table.append_column("_paragraphs", _spans_column(docs["doc_id"], paras,
                                                                  ["start", "end", "kind"]))
        table = table.append_column("_sentences", _spans_column(docs["doc_id"], sents,
                                                                 ["start", "end"]))
        meta = {
            "format_version": _FORMAT_VERSION,
            "provenance": self.provenance,
            "report": json.loads(self.report.to_json(orient="records", force_ascii=False)),
            "report_columns": list(self.report.columns),
        }
        table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                               _PARQUET_KEY: json.dumps(meta, ensure_ascii=False,
                                                                        default=str).encode()})
        pq.write_table(table, path, compression="zstd")
        return path

    @classmethod
    def read_parquet(cls, path: str | Path) -> Corpus:
        """Read a corpus written by :meth:`to_parquet` (docs, units, report and provenance)."""
        path = Path(path)
        pf = open_parquet(path)
        raw = (pf.schema_arrow.metadata or {}).get(_PARQUET_KEY)
        if raw is None:
            raise InputError(f"{path}: a Parquet file, but not a corpuskit corpus (no corpuskit "
                             "metadata); load it as input data with load_corpus() instead")
        meta = _corpus_meta(path, raw)
        try:
            table = pf.read()
            docs = table.to_pandas()
            paras = docs.pop("_paragraphs") if "_paragraphs" in docs else None
            sents = docs.pop("_sentences") if "_sentences" in docs else None
            if "doc_id" not in docs or "text" not in docs:
                raise ValueError("the documents table has no doc_id or text column")
            if "date" in docs:
                docs["date"] = pd.to_datetime(docs["date"])
            report = pd.DataFrame(meta["report"], columns=meta["report_columns"])
            corpus = cls(docs, report, meta["provenance"])
            if paras is not None:
                corpus._units["paragraph:False"] = _units_from_spans(docs, paras, "paragraph")
            if sents is not None and paras is not None:
                corpus._units["sentence:False"] = _units_from_spans(docs, sents, "sentence",
                                                                    paras)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - every way a file can be damaged
            raise InputError(f"{path}: a damaged corpuskit corpus file ({type(exc).__name__}: "
                             f"{str(exc)[:200]}); write it again with `corpuskit load`") from None
        return corpus


def join_title(title: object, text: str) -> str:
    """``title``, a blank line and ``text``; just ``text`` when there is no title."""
    return f"{title}\n\n{text}" if isinstance(title, str) and title else text


def _corpus_meta(path: Path, raw: bytes) -> dict[str, Any]:
    """The corpuskit metadata of a corpus file, checked; a damaged one is an InputError."""
    def bad(what: str) -> InputError:
        return InputError(f"{path}: a damaged corpuskit corpus file ({what}); write it again "
                          "with `corpuskit load`")

    try:
        meta = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise bad("its metadata is not UTF-8") from None
    except RecursionError:
        raise bad("its metadata is nested too deeply") from None
    except ValueError as exc:
        raise bad(f"its metadata is not valid JSON: {exc}") from None
    if not isinstance(meta, dict):
        raise bad(f"its metadata is a JSON {type(meta).__name__}, not an object")
    version = meta.get("format_version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        raise bad(f"format_version is {version!r}")
    if version > _FORMAT_VERSION:
        raise InputError(f"{path}: written by a newer corpuskit (format {version}); upgrade "
                         "corpuskit to read it")
    report = meta.get("report", [])
    columns = meta.get("report_columns")
    if not isinstance(report, list) or not all(isinstance(r, dict) for r in report):
        raise bad("its load report is not a list of rows")
    if columns is not None and (not isinstance(columns, list)
                                or not all(isinstance(c, str) for c in columns)):
        raise bad("its report columns are not a list of names")
    provenance = meta.get("provenance", {})
    if not isinstance(provenance, dict):
        raise bad("its provenance is not an object")
    return {"report": report, "report_columns": columns, "provenance": provenance}


def is_corpus_file(path: str | Path) -> bool:
    """True for a Parquet file that carries corpuskit's metadata (written by ``to_parquet``)."""
    p = Path(path)
    if not p.is_file() or p.suffix.lower() not in (".parquet", ".pq"):
        return False
    try:
        import pyarrow.parquet as pq

        return _PARQUET_KEY in (pq.read_schema(p).metadata or {})
    except Exception:  # noqa: BLE001 - unreadable: not a corpus file; the loader will report it
        return False


def open_parquet(path: str | Path):  # noqa: ANN201 - pyarrow.parquet.ParquetFile
    """Open a Parquet file, or raise :class:`InputError` saying why it cannot be read."""
    import pyarrow.parquet as pq

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        return pq.ParquetFile(path)
    except Exception as exc:
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from None


def _jsonable_cell(v: Any) -> Any:
    if isinstance(v, (dict, list, tuple)):
        return json.dumps(v, ensure_ascii=False, default=str)
    if isinstance(v, (dt.date, pd.Timestamp)) and not isinstance(v, str):
        return str(v)
    return v


def _spans_column(doc_ids: pd.Series, units: pd.DataFrame, cols: list[str]):  # noqa: ANN202
    """Each document's unit spans as one Arrow list<struct> column, built without Python loops."""
    import pyarrow as pa

    pos = pd.Series(np.arange(len(doc_ids)), index=doc_ids.to_numpy())
    order = np.argsort(pos.loc[units["doc_id"].to_numpy()].to_numpy(), kind="stable")
    u = units.iloc[order]
    counts = np.bincount(pos.loc[u["doc_id"].to_numpy()].to_numpy(), minlength=len(doc_ids))
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    fields = [pa.array(u[c].to_numpy(dtype=np.int64 if c != "kind" else object),
                       type=pa.int64() if c != "kind" else pa.string()) for c in cols]
    return pa.ListArray.from_arrays(pa.array(offsets), pa.StructArray.from_arrays(fields, cols))


def _units_from_spans(docs: pd.DataFrame, spans: pd.Series, kind: str,
                      paras: pd.Series | None = None) -> pd.DataFrame:
    rows = []
    for i, (doc_id, text) in enumerate(zip(docs["doc_id"], docs["text"])):
        if kind == "paragraph":
            for n, sp in enumerate(spans.iloc[i], 1):
                a, b = int(sp["start"]), int(sp["end"])
                rows.append((doc_id, f"{doc_id}:p{n}", sp["kind"], "text", a, b, text[a:b]))
        else:
            pspans = [(int(p["start"]), int(p["end"]), p["kind"]) for p in paras.iloc[i]]
            counters: dict[int, int] = {}
            for sp in spans.iloc[i]:
                a, b = int(sp["start"]), int(sp["end"])
                n = next(k for k, (pa_, pb, _) in enumerate(pspans, 1) if pa_ <= a and b <= pb)
                counters[n] = counters.get(n, 0) + 1
                rows.append((doc_id, f"{doc_id}:p{n}.s{counters[n]}", pspans[n - 1][2], "text",
                             a, b, text[a:b], f"{doc_id}:p{n}"))
    cols = UNIT_COLUMNS + (["paragraph_id"] if kind == "sentence" else [])
    df = pd.DataFrame(rows, columns=cols)
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    return df
