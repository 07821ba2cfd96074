"""Corpus: units and offsets, duplicates, the load report, ids, Parquet round trip; the sample."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import corpuskit as ck
from corpuskit.corpus import Corpus
from corpuskit.errors import InputError, SettingsError

from .conftest import SAMPLE, SEED


def test_sample_corpus_shape(sample_corpus):
    d = sample_corpus.docs
    assert len(d) == 163
    assert sorted(d["source"].unique()) == ["ahrar", "alsham", "khaleej", "mashriq", "sada",
                                            "seeds", "ufuq"]
    assert set(d["format"]) == {"page", "jsonl", "html", "sgml"}
    dated = d.dropna(subset=["date"])
    assert len(dated) == 162 and dated["date"].min().year == 2011 and dated["date"].max().year == 2013
    assert d["doc_id"].is_unique and d["title"].notna().all()
    words = d.loc[d["source"] != "seeds", "text"].str.split().str.len()
    assert words.between(90, 320).all()


def test_every_sample_file_and_record_is_accounted_for(sample_corpus):
    rep = sample_corpus.report
    files = {str(p) for p in SAMPLE.rglob("*") if p.is_file()} | {str(SEED)}
    assert set(rep["path"]) == files
    # the JSON Lines export holds 28 lines: 27 loaded, the last one cut off
    jl = rep[rep["path"].str.endswith(".jsonl") & rep["path"].str.contains("ahrar")]
    assert len(jl) == 28 and (jl["status"] == "loaded").sum() == 27
    assert jl["status"].iloc[-1] == "skipped" and jl["record"].iloc[-1] == "line 28"
    loaded = rep[rep["status"].isin(["loaded", "duplicate", "near_duplicate"])]
    assert sorted(loaded["doc_id"]) == sorted(sample_corpus.docs["doc_id"])


def test_wire_copies_and_resaved_page_are_flagged(sample_corpus):
    d = sample_corpus.docs.set_index("doc_id")
    dups = d[d["duplicate"].notna()]
    assert (dups["duplicate"] == "exact").sum() == 1 and (dups["duplicate"] == "near").sum() == 6
    near = dups[dups["duplicate"] == "near"]
    originals = d.loc[near["duplicate_of"]]
    # each pair is a wire story and its republication; the original is never the later one
    pairs = [{a, b} for a, b in zip(near["source"], originals["source"])]
    assert all("mashriq" in p and len(p) == 2 for p in pairs)
    assert {s for p in pairs for s in p} == {"mashriq", "khaleej", "sada", "ufuq"}
    assert (near["date"].to_numpy() >= originals["date"].to_numpy()).all()
    assert dups["duplicate_similarity"].between(0.5, 1).all()
    exact = dups[dups["duplicate"] == "exact"].iloc[0]
    assert d.loc[exact["duplicate_of"], "text"] == exact["text"]
    dropped = ck.load_corpus(SAMPLE, duplicates="drop")
    assert len(dropped) == 162 - 7 and dropped.docs["duplicate"].isna().all()
    assert len(dropped.report) == len(sample_corpus.report) - 1  # same files, seed not loaded


def test_doc_ids_are_stable_content_hashes(tmp_path, sample_corpus):
    again = ck.load_corpus(SAMPLE, SEED.parent)
    assert again.docs["doc_id"].tolist() == sample_corpus.docs["doc_id"].tolist()
    # the same article loaded from another place keeps its id
    # the same outlet's pages loaded from another place (renamed) keep their ids
    (tmp_path / "alsham").mkdir()
    for i, src in enumerate(sorted((SAMPLE / "alsham").iterdir())):
        (tmp_path / "alsham" / f"page{i:03d}.txt").write_bytes(src.read_bytes())
    moved = ck.load_corpus(tmp_path / "alsham").docs
    orig = sample_corpus.docs[sample_corpus.docs["source"] == "alsham"]
    assert moved["doc_id"].tolist() == orig["doc_id"].tolist()


def test_units_offsets_point_into_docs(sample_corpus):
    docs = sample_corpus.docs.set_index("doc_id")
    for kind in ("paragraph", "sentence"):
        u = sample_corpus.units(kind)
        assert list(u.columns[:7]) == ["doc_id", "unit_id", "kind", "field", "start", "end", "text"]
        assert u["unit_id"].is_unique
        for row in u.sample(300, random_state=0).itertuples():
            assert docs.at[row.doc_id, row.field][row.start:row.end] == row.text
    sents = sample_corpus.units("sentence")
    assert sents["paragraph_id"].isin(sample_corpus.units("paragraph")["unit_id"]).all()
    paras = sample_corpus.units("paragraph", meta=True)
    assert {"date", "source"} <= set(paras.columns)
    assert set(paras["kind"]) == {"title", "subheading", "paragraph"}
    with pytest.raises(SettingsError, match="kind must be"):
        sample_corpus.units("word")


def test_unit_spans_are_the_units_without_their_text(sample_corpus):
    """The spans find_actors reads (no copy of every unit's text) are the units' rows, in
    order, made afresh or read from cached units, with and without titles; ``text=True``
    adds the text."""
    for kind in ("paragraph", "sentence"):
        for title in (True, False):
            fresh = Corpus(sample_corpus.docs)
            spans = fresh._unit_spans(kind, include_title=title)
            units = fresh.units(kind, include_title=title)
            cols = [c for c in units.columns if c != "text"]
            assert list(spans) == cols and len(spans["doc_id"]) == len(units) > 300
            for c in cols:
                assert spans[c] == units[c].tolist(), (kind, title, c)
            assert fresh._unit_spans(kind, include_title=title) == spans   # from the cache
            with_text = Corpus(sample_corpus.docs)._unit_spans(kind, title, text=True)
            assert with_text["text"] == units["text"].tolist()
    empty = Corpus(sample_corpus.docs.iloc[:0])
    assert empty._unit_spans("sentence") == {c: [] for c in ("doc_id", "unit_id", "kind",
                                                            "field", "start", "end",
                                                            "paragraph_id")}
    assert len(empty.units("sentence")) == 0


def test_normalized_and_tokens_are_cached_per_settings(sample_corpus):
    a = sample_corpus.normalized()
    assert sample_corpus.normalized() is a
    b = sample_corpus.normalized(teh_marbuta=False)
    assert b is not a and a.index.equals(b.index)
    assert "ة" in "".join(b) and "ة" not in "".join(a)
    toks = sample_corpus.tokens()
    assert toks.index.equals(a.index)
    assert toks.iloc[0] == ck.arabic.get_normalizer().tokens(
        sample_corpus.docs["title"].iloc[0]) + ck.arabic.get_normalizer().tokens(
        sample_corpus.docs["text"].iloc[0])


def test_parquet_round_trip_keeps_docs_units_report_provenance(tmp_path, sample_corpus):
    path = sample_corpus.to_parquet(tmp_path / "c.parquet")
    back = Corpus.read_parquet(path)
    pd.testing.assert_frame_equal(back.docs, sample_corpus.docs, check_dtype=False)
    for kind in ("paragraph", "sentence"):
        pd.testing.assert_frame_equal(back.units(kind, include_title=False),
                                      sample_corpus.units(kind, include_title=False),
                                      check_dtype=False)
    assert back.report.equals(sample_corpus.report) or back.report.fillna("").astype(str).equals(
        sample_corpus.report.fillna("").astype(str))
    prov = back.provenance
    assert prov["versions"]["camel-tools"] and prov["settings"]["duplicates"] == "flag"
    inputs = {i["path"]: i for i in prov["inputs"]}
    assert inputs[str(SEED)]["bytes"] == SEED.stat().st_size and len(inputs[str(SEED)]["blake2b"]) == 32


def test_corpus_files_load_as_input_and_merge(tmp_path, sample_corpus):
    path = sample_corpus.to_parquet(tmp_path / "c.parquet")
    again = ck.load_corpus(path)
    assert again.docs["doc_id"].tolist() == sample_corpus.docs["doc_id"].tolist()
    assert not any(c.startswith("meta_") or c.startswith("_") for c in again.docs.columns)
    assert again.docs["original_path"].tolist() == sample_corpus.docs["path"].tolist()
    assert (again.docs["duplicate"].notna()).sum() == 7
    pd.testing.assert_series_equal(again.docs["date"], sample_corpus.docs["date"])
    # two corpus files merge; the second copy of everything is flagged as exact duplicates
    both = ck.load_corpus(path, sample_corpus.to_parquet(tmp_path / "d.parquet"))
    assert len(both) == 2 * len(sample_corpus)
    assert (both.docs["duplicate"] == "exact").sum() == len(sample_corpus) + 1


def test_read_parquet_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        Corpus.read_parquet(tmp_path / "none.parquet")
    pd.DataFrame({"text": ["نص"]}).to_parquet(tmp_path / "plain.parquet")
    with pytest.raises(InputError, match="not a corpuskit corpus"):
        Corpus.read_parquet(tmp_path / "plain.parquet")


def test_summaries(sample_corpus):
    by = sample_corpus.by_source().set_index("source")
    assert by.loc["ahrar", "documents"] == 27 and by.loc["seeds", "undated"] == 1
    months = sample_corpus.by_month()
    assert months.values.sum() == 162 and str(months.index[0]) == "2011-03"
    counts = sample_corpus.report_counts()
    assert counts.loc[counts["status"] == "loaded", "count"].sum() == 156
    html = sample_corpus._repr_html_()
    assert "163 documents" in html and "ahrar" in html and "unicode-bidi:plaintext" in html
    assert repr(sample_corpus).startswith("<Corpus: 163 documents from 7 sources, 2011-03-19")


def test_saudinewsnet_loads_every_record_accounted(saudinewsnet_dir):
    corpus = ck.load_corpus(saudinewsnet_dir)
    rep = corpus.report
    total = sum(len(json.loads(p.read_text(encoding="utf-8"))) for p in saudinewsnet_dir.glob("*.json"))
    records = rep[rep["path"].str.endswith(".json")]
    assert len(records) == total == 6340
    assert set(records["status"]) <= {"loaded", "duplicate", "near_duplicate", "skipped"}
    skipped = records[records["status"] == "skipped"]
    assert skipped["reason"].str.match(r"empty text|not Arabic").all()
    assert len(corpus) == total - len(skipped)
    assert corpus.docs["date"].notna().all() and corpus.docs["source"].nunique() >= 10
    # the crawl time is the only date there is, and it is kept as the date
    assert corpus.docs["date"].dt.strftime("%Y-%m-%d").isin(
        ["2015-07-21", "2015-07-22", "2015-07-23"]).all()
