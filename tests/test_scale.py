"""Issue 11: a corpus on disk, parts processed in worker processes or on Dask, same results."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import corpuskit as ck
from corpuskit.errors import InputError, SettingsError
from corpuskit.store import DiskCorpus

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
SEEDS = ROOT / "seeds"
COLS = ["doc_id", "date", "source", "title", "text", "duplicate", "duplicate_of"]


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Values as objects with None for missing (Parquet and pandas spell 'missing' apart)."""
    return df.astype(object).where(df.notna(), None).reset_index(drop=True)


@pytest.fixture(scope="module")
def memory_corpus():
    return ck.load_corpus(SAMPLE, SEEDS, progress=False, engine="serial")


@pytest.fixture(scope="module")
def disk_corpus(tmp_path_factory, memory_corpus):
    out = tmp_path_factory.mktemp("disk") / "corpus"
    return ck.load_corpus(SAMPLE, SEEDS, progress=False, out=out, part_size=40)


def test_disk_corpus_holds_what_memory_holds(memory_corpus, disk_corpus):
    assert isinstance(disk_corpus, DiskCorpus)
    assert disk_corpus.n_parts == -(-len(memory_corpus) // 40) > 1
    assert len(disk_corpus) == len(memory_corpus)
    pd.testing.assert_frame_equal(_plain(disk_corpus.docs[COLS]),
                                  _plain(memory_corpus.docs[COLS]), check_dtype=False)
    # every file and record is accounted for, duplicates included
    pd.testing.assert_frame_equal(_plain(disk_corpus.report), _plain(memory_corpus.report),
                                  check_dtype=False)
    assert (disk_corpus.report["status"] == "near_duplicate").sum() == \
        (memory_corpus.docs["duplicate"] == "near").sum() > 0


def test_duplicates_are_found_across_parts(tmp_path, memory_corpus):
    """A copy in another part than its original is still flagged (keys, not texts, are kept)."""
    d = memory_corpus.docs
    d = d[d["duplicate"].isna() & (d["text"].str.len() > 400)].head(6)
    arts = [{"title": t, "content": x, "date": f"2012-02-0{i + 1}"}
            for i, (t, x) in enumerate(zip(d["title"].fillna(""), d["text"]))]
    copy = dict(arts[0], url="copy", date="2030-01-01")
    words = copy["content"].split()
    copy["content"] = " ".join(words[:-3])          # a wire copy with its last words cut
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.json").write_text(json.dumps(arts, ensure_ascii=False), "utf-8")
    (tmp_path / "in" / "b.json").write_text(json.dumps([copy], ensure_ascii=False), "utf-8")
    dc = ck.load_corpus(tmp_path / "in", out=tmp_path / "c", part_size=2, progress=False)
    assert dc.n_parts == 4
    docs = dc.docs
    assert docs["duplicate"].tolist()[-1] == "near"
    assert docs["duplicate_of"].tolist()[-1] == docs["doc_id"].iloc[0]
    rep = dc.report
    assert rep.loc[rep["record"].astype(str).str.contains("record 1") &
                   rep["path"].str.endswith("b.json"), "status"].tolist() == ["near_duplicate"]


def test_drop_mode_reads_without_duplicates(tmp_path, memory_corpus):
    dc = ck.load_corpus(SAMPLE, SEEDS, progress=False, out=tmp_path / "c", part_size=50,
                        duplicates="drop")
    assert len(dc) == len(dc.docs) == int(memory_corpus.docs["duplicate"].isna().sum())
    assert dc.docs["duplicate"].isna().all()


def test_parts_are_small_corpora(disk_corpus):
    parts = list(disk_corpus.parts())
    assert [len(p) for p in parts] == [p["rows"] for p in disk_corpus.manifest["parts"]]
    assert sum(len(p) for p in parts) == len(disk_corpus)
    dates = disk_corpus.column("date")
    assert len(dates) == len(disk_corpus) and dates.notna().any()


def test_interrupted_write_is_named_never_read(tmp_path):
    out = tmp_path / "c"
    ck.load_corpus(SAMPLE, progress=False, out=out, part_size=50)
    (out / ".writing").write_text('{"started": "2026-11-30T10:00:00+00:00", "corpuskit": "0.1.0"}')
    (out / "manifest.json").unlink()
    with pytest.raises(InputError, match="unfinished corpus.*did not finish"):
        DiskCorpus(out)


def test_other_format_version_is_refused_with_its_version(tmp_path):
    out = tmp_path / "c"
    ck.load_corpus(SAMPLE, progress=False, out=out, part_size=50)
    m = json.loads((out / "manifest.json").read_text())
    m.update(format_version=99, corpuskit="9.0")
    (out / "manifest.json").write_text(json.dumps(m))
    with pytest.raises(InputError, match="corpuskit 9.0 in corpus format 99.*upgrade"):
        ck.open_corpus(out)


def test_missing_or_changed_part_is_detected(tmp_path):
    out = tmp_path / "c"
    ck.load_corpus(SAMPLE, progress=False, out=out, part_size=50)
    part = out / "docs" / "part-00001.parquet"
    part.write_bytes(part.read_bytes()[:-100])
    with pytest.raises(InputError, match="part-00001.parquet has changed"):
        DiskCorpus(out)
    part.unlink()
    with pytest.raises(InputError, match="part-00001.parquet is missing"):
        DiskCorpus(out)
    # the load report's parts are checked the same way
    ck.load_corpus(SAMPLE, progress=False, out=out, part_size=50, overwrite=True)
    report = sorted((out / "report").iterdir())[0]
    report.write_bytes(report.read_bytes() + b"\0")
    with pytest.raises(InputError, match=f"report/{report.name} has changed"):
        DiskCorpus(out)


def test_writer_never_replaces_a_foreign_folder(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.docx").write_text("precious")
    with pytest.raises(SettingsError, match="not empty and holds no corpuskit corpus"):
        ck.load_corpus(SAMPLE, progress=False, out=tmp_path / "mine")
    assert (tmp_path / "mine" / "thesis.docx").read_text() == "precious"
    ck.load_corpus(SAMPLE, progress=False, out=tmp_path / "c")
    with pytest.raises(SettingsError, match="already holds a corpus; pass overwrite=True"):
        ck.load_corpus(SAMPLE, progress=False, out=tmp_path / "c")
    dc = ck.load_corpus(SEEDS, progress=False, out=tmp_path / "c", overwrite=True)
    assert len(dc) == 1


def test_failed_load_leaves_no_half_corpus(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "a.json").write_text('[{"title": "x", "content": ""}]', "utf-8")
    with pytest.raises(InputError, match="none loaded"):
        ck.load_corpus(bad, progress=False, out=tmp_path / "c")
    assert not (tmp_path / "c").exists()


def test_token_cache_is_compact_and_equal(memory_corpus):
    from corpuskit.arabic.normalization import get_normalizer

    toks = memory_corpus.tokens()
    table = memory_corpus._tokens[get_normalizer("default").settings]
    norm = get_normalizer("default")
    first = memory_corpus.docs.iloc[0]
    assert toks.iloc[0] == norm.tokens(first["title"]) + norm.tokens(first["text"])
    assert table.ids.dtype == np.int32 and table.nbytes < 8 * sum(map(len, toks)) + 10**5


def test_local_worker_processes_give_the_serial_result(memory_corpus):
    par = ck.load_corpus(SAMPLE, SEEDS, progress=False, engine="local", workers=2,
                         part_size=30)
    pd.testing.assert_frame_equal(_plain(par.docs[COLS]), _plain(memory_corpus.docs[COLS]))
    pd.testing.assert_frame_equal(_plain(par.report), _plain(memory_corpus.report))


class _NoPickle:
    """A part that cannot travel to a worker by pickle: only fork can hand it over."""

    def __init__(self, n: int):
        self.n = n

    def __reduce__(self):
        raise TypeError("not picklable")


def _size(part: _NoPickle, plus: int) -> tuple[int, int]:
    import os

    return part.n + plus, os.getpid()


def _size_of(x: int, plus: int) -> tuple[int, int]:
    return x + plus, 0


def test_local_workers_share_placed_parts_by_fork_instead_of_pickling_them():
    """LDA's blocks are placed once (put_parts) before the workers start: forked workers read
    them from the parent's pages, so nothing is pickled per task (and memory is not doubled).
    A part that cannot be pickled proves it; once the workers run, parts go by pickle."""
    import os

    from corpuskit.engine import _SHARED, get_engine

    eng = get_engine("local", workers=2)
    try:
        handles = eng.put_parts([_NoPickle(i) for i in range(6)])
        got = eng.starmap(_size, [(h,) for h in handles], 10)
        assert [g[0] for g in got] == list(range(10, 16))
        assert {g[1] for g in got} - {os.getpid()}          # in worker processes
        # once the workers run, placed parts could not reach them: they go with the tasks
        later = eng.put_parts([3, 4])
        assert later == [3, 4] and [g[0] for g in eng.starmap(_size_of, [(x,) for x in later],
                                                               1)] == [4, 5]
    finally:
        eng.close()
    assert not _SHARED                                         # released with the engine


def _doc_ids_and_pid(part: ck.Corpus) -> tuple[list, int]:
    import os

    return part.docs["doc_id"].tolist(), os.getpid()


def test_in_memory_parts_reach_local_workers_by_fork_not_pickle(monkeypatch, memory_corpus):
    """map_parts over an in-memory corpus hands its parts to forked local workers without
    pickling them (the texts are not copied through a pipe); a corpus that cannot be pickled
    proves it. The parts are consecutive slices that cover every document once, in order."""
    import multiprocessing as mp
    import os

    from corpuskit.parts import map_parts

    if "fork" not in mp.get_all_start_methods():
        pytest.skip("fork is not available here")

    def refuse(self, protocol):
        raise AssertionError("a part was pickled")

    monkeypatch.setattr(ck.Corpus, "__reduce_ex__", refuse, raising=False)
    got = map_parts(_doc_ids_and_pid, memory_corpus, engine="local", workers=2, part_size=25)
    assert len(got) == -(-len(memory_corpus) // 25) > 2
    assert sum((ids for ids, _ in got), []) == memory_corpus.docs["doc_id"].tolist()
    assert {pid for _, pid in got} - {os.getpid()}   # ran in worker processes


def test_lda_blocks_are_views_of_the_matrix():
    import scipy.sparse as sp

    from corpuskit.topics.model import _row_block

    M = sp.random(60, 40, density=0.2, format="csr", random_state=1)
    blocks = [_row_block(M, a, min(a + 25, 60)) for a in range(0, 60, 25)]
    assert all(np.shares_memory(b.data, M.data) and np.shares_memory(b.indices, M.indices)
               for b in blocks)
    np.testing.assert_array_equal(sp.vstack(blocks).toarray(), M.toarray())


def test_unknown_engine_is_a_clear_error(tmp_path):
    with pytest.raises(SettingsError, match="engine='spark'"):
        ck.load_corpus(SEEDS, engine="spark")
    with pytest.raises(SettingsError, match="engine='spark'"):
        ck.load_corpus(SEEDS, engine="spark", out=tmp_path / "c")
    assert not (tmp_path / "c").exists()       # refused before anything was written
    with pytest.raises(SettingsError, match="part_size=0"):
        ck.load_corpus(SEEDS, part_size=0)


@pytest.mark.parametrize("part_size", [0, -3, 2.5])
def test_a_part_size_that_is_no_number_of_documents_is_a_clear_error(memory_corpus, part_size):
    """Every analysis that runs part by part says what is wrong with ``part_size``, instead of
    dividing by zero or finding nothing to put together deep inside."""
    with pytest.raises(SettingsError, match="part_size="):
        ck.find_actors(memory_corpus, engine="serial", part_size=part_size)
    with pytest.raises(SettingsError, match="part_size="):
        ck.frame_scores(memory_corpus, method="lexicon", engine="serial", part_size=part_size)
    with pytest.raises(SettingsError, match="part_size="):
        ck.document_term_matrix(memory_corpus, engine="serial", part_size=part_size)
    mentions = ck.find_actors(memory_corpus)
    with pytest.raises(SettingsError, match="part_size="):
        ck.cooccurrence(mentions, engine="serial", part_size=part_size)


def test_copy_of_sample_keeps_its_parts(tmp_path, disk_corpus):
    """A corpus folder can be moved: its manifest holds relative paths."""
    moved = tmp_path / "moved"
    shutil.copytree(disk_corpus.path, moved)
    assert len(DiskCorpus(moved)) == len(disk_corpus)


# --------------------------------------------------------------------------- the same analysis
# on every engine: serial, local worker processes, a Dask LocalCluster of two worker processes

@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0")
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def _same_dtm(a, b) -> None:
    assert a.shape == b.shape
    assert (a.matrix != b.matrix).nnz == 0
    assert list(a.vocabulary) == list(b.vocabulary) and list(a.surface) == list(b.surface)
    assert list(a.doc_ids) == list(b.doc_ids)
    assert a.settings["corpus_hash"] == b.settings["corpus_hash"]


@pytest.mark.parametrize("unit", ["document", "paragraph"])
def test_dtm_is_the_same_on_every_engine_and_from_disk(unit, memory_corpus, disk_corpus,
                                                       dask_client):
    from corpuskit.features import document_term_matrix

    ref = document_term_matrix(memory_corpus, unit=unit, engine="serial")
    assert ref.shape[0] > len(memory_corpus) or unit == "document"
    _same_dtm(ref, document_term_matrix(memory_corpus, unit=unit, engine="local", workers=2,
                                        part_size=25))
    _same_dtm(ref, document_term_matrix(disk_corpus, unit=unit, engine="serial"))
    on_dask = document_term_matrix(disk_corpus, unit=unit, engine=dask_client)
    _same_dtm(ref, on_dask)
    pd.testing.assert_frame_equal(_plain(on_dask.meta[["date", "source"]]),
                                  _plain(ref.meta[["date", "source"]]))
    # a fixed vocabulary (a fitted model's) counts the same way everywhere
    vocab = list(ref.vocabulary[::3])
    _same_dtm(document_term_matrix(memory_corpus, unit=unit, vocabulary=vocab, engine="serial"),
              document_term_matrix(disk_corpus, unit=unit, vocabulary=vocab, engine=dask_client))


def _topic_similarity(a, b) -> np.ndarray:
    """Cosine similarity of each topic of ``a`` to its best match in ``b`` (Hungarian)."""
    from scipy.optimize import linear_sum_assignment

    x = a.components_ / np.linalg.norm(a.components_, axis=1, keepdims=True)
    y = b.components_ / np.linalg.norm(b.components_, axis=1, keepdims=True)
    sim = x @ y.T
    rows, cols = linear_sum_assignment(-sim)
    return sim[rows, cols]


def test_distributed_lda_agrees_with_local_and_is_engine_independent(memory_corpus, dask_client):
    from corpuskit.features import document_term_matrix
    from corpuskit.topics import TopicModel

    dtm = document_term_matrix(memory_corpus, min_df=2, engine="serial")
    local = TopicModel(k=6, seed=3).fit(dtm)                       # scikit-learn, in process
    serial = TopicModel(k=6, seed=3).fit(dtm, engine="serial")
    on_dask = TopicModel(k=6, seed=3).fit(dtm, engine=dask_client)
    procs = TopicModel(k=6, seed=3).fit(dtm, engine="local", workers=2)
    for other in (on_dask, procs):
        np.testing.assert_allclose(other.components_, serial.components_, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(other.doc_topic_, serial.doc_topic_, rtol=1e-7, atol=1e-9)
    assert _topic_similarity(local, on_dask).min() > 0.99
    # the fitted model works as any other: labels, transform, score
    assert on_dask.labels() == serial.labels()
    # transform starts each document afresh, the fit from its last estimate: they agree to the
    # E-step's tolerance
    np.testing.assert_allclose(on_dask.transform(dtm.select(np.arange(3))),
                               on_dask.doc_topic_[:3], atol=1e-3)
    assert np.isfinite(on_dask.score(dtm))
    with pytest.raises(SettingsError, match="learning_method='batch'"):
        TopicModel(k=3, learning_method="online").fit(dtm, engine="serial")


class _DiesOnce:
    """An analyzer whose worker process dies (os._exit) in the middle of the first part that
    holds a given document, once: the marker file says it already happened."""

    def __init__(self, marker: str, needle: str):
        from corpuskit.features import ArabicAnalyzer

        self.inner, self.marker, self.needle = ArabicAnalyzer(), marker, needle

    def __getattr__(self, name: str):  # noqa: ANN204 - everything else is the real analyzer
        if name.startswith("__") or name == "inner":  # while being unpickled
            raise AttributeError(name)
        return getattr(self.inner, name)

    def settings(self) -> dict:
        return {**self.inner.settings(), "dies_once": self.marker}

    def surface_tokens(self, text: str) -> list[str]:
        import os

        if self.needle in text and not os.path.exists(self.marker):
            open(self.marker, "w").close()
            os._exit(1)   # the worker process dies mid-partition
        return self.inner.surface_tokens(text)


def test_a_worker_killed_mid_partition_is_retried_and_nothing_is_lost(tmp_path, disk_corpus,
                                                                     memory_corpus):
    distributed = pytest.importorskip("distributed")
    import cloudpickle

    from corpuskit.features import document_term_matrix

    cloudpickle.register_pickle_by_value(__import__(__name__))
    needle = memory_corpus.docs["text"].iloc[100][:40]
    marker = tmp_path / "died"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        pids = set(client.run(lambda: __import__("os").getpid()).values())
        dtm = document_term_matrix(disk_corpus, analyzer=_DiesOnce(str(marker), needle),
                                   engine=client)
        after = set(client.run(lambda: __import__("os").getpid()).values())
    assert marker.exists() and pids - after   # a worker did die ...
    ref = document_term_matrix(memory_corpus, engine="serial")
    _same_dtm(ref, dtm)                        # ... and every document was counted once


def test_actors_are_the_same_on_every_engine_and_from_disk(memory_corpus, disk_corpus,
                                                           dask_client):
    ref = ck.find_actors(memory_corpus)
    assert len(ref) > 100
    for other in (ck.find_actors(memory_corpus, engine="local", workers=2, part_size=30),
                  ck.find_actors(disk_corpus, engine="serial"),
                  ck.find_actors(disk_corpus, engine=dask_client)):
        pd.testing.assert_frame_equal(_plain(other), _plain(ref))
        assert other.attrs["units"] == ref.attrs["units"]
        assert other.attrs["dropped_short_forms"] == ref.attrs["dropped_short_forms"]
    # co-occurrence from the part-wise table, and counted on the engine, is the same
    edges = ck.cooccurrence(ref, unit="paragraph")
    pd.testing.assert_frame_equal(ck.cooccurrence(other, unit="paragraph", engine=dask_client),
                                  edges)
    pd.testing.assert_frame_equal(
        ck.cooccurrence(ref, unit="sentence", by="source", engine="local", workers=2,
                        part_size=20), ck.cooccurrence(ref, unit="sentence", by="source"))


def test_parts_of_a_corpus_in_memory_reuse_its_sentences(memory_corpus, monkeypatch):
    """A corpus whose sentences are built (as notebooks and the CLI build them) is not split
    into sentences again when an analysis runs on its parts: the parts carry their slices of
    the unit tables, equal to the tables each part would build."""
    from corpuskit.parts import part_specs

    corpus = ck.Corpus(memory_corpus.docs)
    corpus.units("sentence")
    ref = ck.find_actors(corpus)
    parts = [spec[1] for spec in part_specs(corpus, part_size=30)]
    assert len(parts) > 2
    for part in parts:
        pd.testing.assert_frame_equal(part.units("sentence"),
                                      ck.Corpus(part.docs).units("sentence"))
    built = []
    real = ck.Corpus._build_units
    monkeypatch.setattr(ck.Corpus, "_build_units",
                        lambda self, *a: built.append(len(self)) or real(self, *a))
    serial = ck.find_actors(corpus, engine="serial", part_size=30)
    assert built == []
    pd.testing.assert_frame_equal(_plain(serial), _plain(ref))
    assert serial.attrs["units"] == ref.attrs["units"]


def test_balanced_parts_hold_about_equal_text_and_give_the_same_mentions(memory_corpus,
                                                                         monkeypatch):
    """When find_actors spreads an in-memory corpus over worker processes by itself, the parts
    are cut where each holds about the same amount of text, not the same number of documents:
    with the long articles in one stretch of the corpus, parts of equal counts leave one worker
    busy long after the other. The parts are consecutive, carry their units, and the mentions
    are those of one process."""
    import corpuskit.actors.mentions as mentions
    import corpuskit.parts as parts_mod
    from corpuskit.parts import part_specs

    docs = memory_corpus.docs
    # the first third of the corpus long (each text four times), the rest as it is
    long = docs.index < len(docs) // 3
    docs = docs.assign(text=[(t + "\n\n") * 4 if x else t for t, x in zip(docs["text"], long)])
    corpus = ck.Corpus(docs)
    corpus.units("sentence")

    def text_sizes(parts):
        return [int(p.docs["text"].str.len().sum() + p.docs["title"].fillna("").str.len().sum())
                for p in parts]

    size = -(-len(docs) // 4)
    counted = [spec[1] for spec in part_specs(corpus, part_size=size)]
    balanced = [spec[1] for spec in part_specs(corpus, part_size=size, balance=True)]
    assert len(balanced) == len(counted) == 4
    assert max(text_sizes(counted)) > 2 * min(text_sizes(counted))
    assert max(text_sizes(balanced)) < 1.3 * min(text_sizes(balanced))
    assert pd.concat([p.docs for p in balanced], ignore_index=True).equals(corpus.docs)
    for part in balanced:
        pd.testing.assert_frame_equal(part.units("sentence"),
                                      ck.Corpus(part.docs).units("sentence"))
    ref = ck.find_actors(corpus, engine="serial")
    calls = []
    real = parts_mod.map_parts
    monkeypatch.setattr(parts_mod, "map_parts",
                        lambda *a, **kw: calls.append(kw["balance"]) or real(*a, **kw))
    monkeypatch.setattr(mentions, "PARALLEL_FROM", 10)
    auto = ck.find_actors(corpus, workers=2)
    assert calls == [True]
    pd.testing.assert_frame_equal(_plain(auto), _plain(ref))
    assert auto.attrs["units"] == ref.attrs["units"]


@pytest.mark.parametrize("method", ["combined", "supervised", "lexicon"])
def test_framing_is_the_same_on_every_engine_and_from_disk(method, memory_corpus, disk_corpus,
                                                           dask_client):
    ref = ck.frame_scores(memory_corpus, method=method)
    for other in (ck.frame_scores(memory_corpus, method=method, engine="local", workers=2,
                                  part_size=30),
                  ck.frame_scores(disk_corpus, method=method, engine=dask_client)):
        pd.testing.assert_frame_equal(_plain(other), _plain(ref))
        assert other.attrs == ref.attrs


def test_arabic_share_tables_count_as_the_regular_expressions_do():
    import random

    from corpuskit.readers import base

    def by_regex(part: str) -> float:
        letters = len(base._NON_LETTERS.sub("", part))
        arabic = len(part) - len(base._ARABIC.sub("", part))
        return min(1.0, arabic / letters) if letters else 0.0

    rng = random.Random(11)
    texts = [memory_text for memory_text in
             (ck.load_corpus(SEEDS, progress=False).docs["text"].iloc[0],
              "تقرير ٣ _ ـــ abc ²", "😀 مرحبا abc", "")]
    for _ in range(2000):
        texts.append("".join(chr(rng.choice([rng.randrange(0x600, 0x700), rng.randrange(0x10000),
                                             0x640, 0x5F, 0x663, 0xB2])) for _ in range(25)))
    assert [base.arabic_share(t) for t in texts] == [by_regex(t[:4000]) for t in texts]


# --------------------------------------------------------------------------- outputs on disk

def test_dtm_on_disk_holds_the_matrix_in_memory(tmp_path, memory_corpus, disk_corpus,
                                                 dask_client):
    from corpuskit.features import document_term_matrix
    from corpuskit.features.disk import DiskDTM

    ref = document_term_matrix(memory_corpus, engine="serial")
    for engine in ("local", dask_client):
        on_disk = document_term_matrix(disk_corpus, out=tmp_path / "dtm", engine=engine)
        assert isinstance(on_disk, DiskDTM) and on_disk.shape == ref.shape
        m = __import__("scipy.sparse", fromlist=["vstack"]).vstack(list(on_disk.blocks()))
        assert (m.tocsr() != ref.matrix).nnz == 0
        assert list(on_disk.vocabulary) == list(ref.vocabulary)
        assert list(on_disk.surface) == list(ref.surface)
        assert list(on_disk.doc_ids) == list(ref.doc_ids)
        assert on_disk.settings["corpus_hash"] == ref.settings["corpus_hash"]
        pd.testing.assert_frame_equal(on_disk.terms(), ref.terms(), check_dtype=False)
    with pytest.raises(InputError, match="not a document-term matrix"):
        DiskDTM(tmp_path)
    # a damaged block is named, also from a worker of an engine
    Path(on_disk.block_path(1)).write_bytes(b"PK\x03\x04 truncated")
    from corpuskit.topics import TopicModel

    with pytest.raises(InputError, match="block of the document-term matrix cannot be read"):
        TopicModel(k=3, seed=1).fit(on_disk, engine=dask_client)


def test_dtm_on_disk_analyzes_each_document_once(tmp_path, disk_corpus):
    """Pass 1 stages each part's counts; pass 2 maps them onto the vocabulary without reading
    or tokenizing the text again (it used to analyze every document twice)."""
    from scipy.sparse import vstack

    from corpuskit.features import ArabicAnalyzer, document_term_matrix

    class Counting(ArabicAnalyzer):
        texts = 0

        def surface_tokens(self, text):
            type(self).texts += 1
            return super().surface_tokens(text)

    ref = document_term_matrix(disk_corpus, engine="serial")
    on_disk = document_term_matrix(disk_corpus, out=tmp_path / "dtm", analyzer=Counting(),
                                   engine="serial")
    assert Counting.texts == len(disk_corpus)
    assert (vstack(list(on_disk.blocks())).tocsr() != ref.matrix).nnz == 0
    assert list(on_disk.vocabulary) == list(ref.vocabulary)
    assert not list((tmp_path / "dtm").glob("stage-*"))   # staging files are removed


def test_dtm_on_disk_with_a_fixed_vocabulary_counts_in_one_pass_without_staging(
        tmp_path, disk_corpus, monkeypatch):
    """With a given vocabulary there is no second pass: each part is counted and written at
    once, with no staging file written and read back."""
    from scipy.sparse import vstack

    import corpuskit.features.disk as disk
    from corpuskit.features import document_term_matrix

    vocab = list(document_term_matrix(disk_corpus, engine="serial").vocabulary)[::3]
    ref = document_term_matrix(disk_corpus, vocabulary=vocab, engine="serial")

    class NoStaging:
        HIGHEST_PROTOCOL = 5

        @staticmethod
        def dump(*args, **kwargs):
            raise AssertionError("a fixed vocabulary wrote a staging file")

    monkeypatch.setattr(disk, "pickle", NoStaging)
    on_disk = document_term_matrix(disk_corpus, vocabulary=vocab, out=tmp_path / "dtm",
                                   engine="serial")
    assert (vstack(list(on_disk.blocks())).tocsr() != ref.matrix).nnz == 0
    assert list(on_disk.vocabulary) == vocab and list(on_disk.doc_ids) == list(ref.doc_ids)


def test_a_subclassed_analyzer_is_not_swapped_for_a_cached_plain_one(disk_corpus):
    """Workers keep one analyzer per settings; a subclass with the same settings used to get
    the plain analyzer cached before it, and its own term() was silently ignored."""
    from corpuskit.features import ArabicAnalyzer, document_term_matrix

    class OnlyAlAssad(ArabicAnalyzer):
        def term(self, token):
            return "الأسد" if token in ("الأسد", "والأسد", "للأسد") else None

    document_term_matrix(disk_corpus, engine="serial", min_df=1)   # caches a plain analyzer
    dtm = document_term_matrix(disk_corpus, engine="serial", analyzer=OnlyAlAssad(), min_df=1,
                               max_df=1.0)
    assert list(dtm.vocabulary) == ["الأسد"]


def test_dtm_on_disk_takes_back_a_folder_it_left_unfinished(tmp_path, disk_corpus):
    from corpuskit.features import document_term_matrix

    out = tmp_path / "dtm"
    out.mkdir()
    (out / "rows-00000.parquet").write_bytes(b"from an interrupted write")
    (out / "stage-00003.pkl").write_bytes(b"from an interrupted write")
    dtm = document_term_matrix(disk_corpus, out=out, engine="serial")
    assert dtm.shape[0] == len(disk_corpus) and not list(out.glob("stage-*"))
    other = tmp_path / "notes"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    with pytest.raises(SettingsError, match="holds no matrix"):
        document_term_matrix(disk_corpus, out=other, engine="serial")
    assert (other / "notes.txt").read_text() == "mine"


def test_lda_from_a_matrix_on_disk_matches_the_matrix_in_memory(tmp_path, memory_corpus,
                                                                 disk_corpus, dask_client):
    from corpuskit.features import document_term_matrix
    from corpuskit.topics import TopicModel

    ref_dtm = document_term_matrix(memory_corpus, engine="serial")
    ref = TopicModel(k=5, seed=1).fit(ref_dtm, engine="serial")
    on_disk = document_term_matrix(disk_corpus, out=tmp_path / "dtm")
    for engine in ("serial", dask_client):
        m = TopicModel(k=5, seed=1).fit(on_disk, engine=engine)
        # under 20,000 rows the NMF start sees every document, so the fits are the same
        np.testing.assert_allclose(m.components_, ref.components_, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(np.asarray(m.doc_topic_), ref.doc_topic_, atol=1e-9)
        assert isinstance(m.doc_topic_, np.memmap)
    assert m.labels() == ref.labels()
    np.testing.assert_allclose(m.coherence(), ref.coherence())
    # ids and metadata come from the matrix's folder (they used to be empty)
    cols = ["doc_id", "source", "date"] + [f"topic_{t}" for t in range(1, 6)]
    pd.testing.assert_frame_equal(m.doc_topics()[cols], ref.doc_topics()[cols],
                                  check_dtype=False, atol=1e-9)
    assert list(m.doc_topics(meta=["source"]).columns[:2]) == ["doc_id", "source"]


def test_mention_and_framing_tables_on_disk_read_back_whole(tmp_path, memory_corpus,
                                                            disk_corpus):
    from corpuskit.parts import TableOnDisk

    mentions = ck.find_actors(disk_corpus, out=tmp_path / "mentions", engine="local")
    assert isinstance(mentions, TableOnDisk) and len(mentions) > 100
    ref = ck.find_actors(memory_corpus)
    back = mentions.read()
    pd.testing.assert_frame_equal(_plain(back), _plain(ref))
    pd.testing.assert_frame_equal(ck.cooccurrence(back), ck.cooccurrence(ref))
    frames = ck.frame_scores(disk_corpus, out=tmp_path / "frames", engine="serial")
    pd.testing.assert_frame_equal(_plain(frames.read()), _plain(ck.frame_scores(memory_corpus)))
    with pytest.raises(SettingsError, match="not empty and holds no corpuskit table"):
        ck.find_actors(disk_corpus, out=SAMPLE)


def test_aggregations_of_a_table_on_disk_equal_those_in_memory(tmp_path, disk_corpus,
                                                               memory_corpus, dask_client):
    """frame_shares / group_means reduce a table on disk part by part to per-document sums
    (on any engine) and give the very table the in-memory frames give, intervals included."""
    from corpuskit.stats import group_means

    frames = ck.frame_scores(disk_corpus, method="lexicon", out=tmp_path / "frames",
                             part_size=25)
    assert len(frames.manifest["parts"]) > 2
    ref_frames = ck.frame_scores(memory_corpus, method="lexicon")
    for by in ("month", "source"):
        ref = ck.frame_shares(ref_frames, by=by, n_boot=200, seed=3)
        for engine in (None, "local", dask_client):
            got = ck.frame_shares(frames, by=by, n_boot=200, seed=3, engine=engine)
            pd.testing.assert_frame_equal(got, ref)
    ref = group_means(ref_frames, ["military_rate", "tokens"], "quarter", n_boot=100)
    pd.testing.assert_frame_equal(
        group_means(frames, ["military_rate", "tokens"], "quarter", n_boot=100), ref)
    with pytest.raises(SettingsError, match="no column"):
        group_means(frames, ["nope"], "month")
    # the regression reads only its columns from the parts and gives the in-memory result
    from corpuskit.stats import estimate_effect

    assert "text" in frames.columns and len(frames.columns) > 20
    args = (["balance"], ["source", "time"])
    kw = {"se": "cluster", "cluster": "doc_id"}
    pd.testing.assert_frame_equal(estimate_effect(frames, *args, **kw),
                                  estimate_effect(ref_frames, *args, **kw))
    # a damaged part is named, not a pyarrow traceback from a worker
    part = frames.path / frames.manifest["parts"][1]["file"]
    part.write_bytes(part.read_bytes()[:100])
    with pytest.raises(InputError, match="part 1 cannot be read"):
        ck.frame_shares(frames, by="month")


def test_duplicate_screening_holds_a_bounded_number_of_pairs(monkeypatch, memory_corpus):
    """Documents that share sentences propose many candidate pairs; their signatures are asked
    for a chunk at a time (a million-document load once held all of them: 8 GB)."""
    import random

    from corpuskit import clean
    from corpuskit.arabic.normalization import get_normalizer

    paras = [p for t in memory_corpus.docs["text"] for p in t.split("\n\n")
             if len(p.split()) > 15][:12]
    rng = random.Random(5)
    texts = [" ".join(rng.sample(paras, 3)) for _ in range(300)]
    norm = get_normalizer("default")
    sets = clean.shingle_sets([norm.tokens(t) for t in texts])
    sigs, keys = clean.minhash_keys(sets)
    asked: list[int] = []

    def signatures_of(pos: np.ndarray) -> np.ndarray:
        asked.append(len(pos))
        return sigs[pos]

    monkeypatch.setattr(clean, "_SCREEN_CHUNK", 100)
    exact = np.array([clean.exact_key(t) for t in texts], dtype="S16")
    kind, of, sim = clean.flag_duplicates(
        np.full(len(texts), np.datetime64("NaT"), "datetime64[ns]"), exact, lambda b: keys[b],
        np.ones(len(texts), bool), lambda pos: {p: sets[p] for p in pos}, 0.5,
        signatures_of=signatures_of)
    assert sum(asked) > 10 * 200 and max(asked) <= 2 * 100
    # the same flags as the all-at-once screening of find_duplicates
    ref = clean.find_duplicates(texts, [str(i) for i in range(len(texts))],
                                tokens=[norm.tokens(t) for t in texts])
    assert (ref["duplicate"].notna().to_numpy() == (kind > 0)).all() and (kind > 0).sum() > 50
    # screening with one byte a permutation (what a corpus on disk keeps in memory) flags the
    # same documents, and its corrected estimate tracks the full one
    kind8, of8, _ = clean.flag_duplicates(
        np.full(len(texts), np.datetime64("NaT"), "datetime64[ns]"), exact, lambda b: keys[b],
        np.ones(len(texts), bool), lambda pos: {p: sets[p] for p in pos}, 0.5,
        signatures_of=lambda pos: sigs[pos].astype(np.uint8))
    assert (kind8 == kind).all() and (of8 == of).all()
    a, b = sigs[:150], sigs[150:]
    full = clean.minhash_estimate(a, b)
    byte = clean.minhash_estimate(a.astype(np.uint8), b.astype(np.uint8))
    assert abs(byte.mean() - full.mean()) < 0.01 and np.abs(byte - full).max() < 0.12
    raw = (a.astype(np.uint8) == b.astype(np.uint8)).mean(axis=1)
    # uncorrected, chance agreement of the low bytes biases the share upwards
    assert (raw >= full).all() and raw.mean() > full.mean() and (byte <= raw).all()


def test_a_corpus_on_disk_screens_duplicates_from_one_byte_signatures_in_memory(
        tmp_path, monkeypatch):
    """The writer keeps one byte of each MinHash value in memory and never reads the parts'
    signature files back while screening; the flags are those of the in-memory load."""
    from corpuskit import store

    disk = ck.load_corpus(SAMPLE, progress=False, out=tmp_path / "c", part_size=40,
                          engine="serial")
    memory = ck.load_corpus(SAMPLE, progress=False, engine="serial")
    flags = disk.to_corpus().docs.set_index("doc_id")[["duplicate", "duplicate_of"]]
    ref = memory.docs.set_index("doc_id")[["duplicate", "duplicate_of"]]
    def flagged(t: pd.DataFrame) -> dict:
        t = t[t["duplicate"].notna()]
        return {d: (str(k), str(o)) for d, k, o in zip(t.index, t["duplicate"],
                                                       t["duplicate_of"])}

    assert flagged(flags) == flagged(ref) and len(flagged(ref)) > 5
    writer = store.CorpusWriter(tmp_path / "w")
    sigs = np.arange(12, dtype=np.uint32).reshape(2, 6) * 1000 + 7
    writer.add([{"doc_id": "a", "title": None, "text": "x", "date": None},
                {"doc_id": "b", "title": None, "text": "y", "date": None}],
               {"exact": np.array([b"a", b"b"], "S16"), "bands": np.zeros((3, 2), np.uint64),
                "sigs": sigs, "nonempty": np.ones(2, bool),
                "dates": np.full(2, np.datetime64("NaT"), "datetime64[ns]")})
    for f in (tmp_path / "w" / "keys").iterdir():  # from memory, not from the parts' keys
        f.unlink()
    got = writer.signatures_of(np.array([1, 0]))
    assert got.dtype == np.uint8 and (got == (sigs[[1, 0]] & 0xFF)).all()
    writer.abandon()


def test_band_keys_are_read_a_group_of_bands_at_a_time(tmp_path, monkeypatch, memory_corpus):
    """Flagging duplicates reads each part's LSH band keys once per group of bands that fits in
    ``BAND_BYTES`` (here four bands: eight groups of 30), not once per band, with the flags of
    the in-memory load; every band handed over is the one asked for."""
    from corpuskit import clean, store

    n_parts = -(-len(memory_corpus) // 40)
    monkeypatch.setattr(store, "BAND_BYTES", 4 * 8 * len(memory_corpus))
    opened: list[str] = []
    real_load = np.load

    def counting_load(path, *args, **kwargs):  # noqa: ANN001, ANN202
        if "keys" in Path(path).parts:
            opened.append(Path(path).name)
        return real_load(path, *args, **kwargs)

    asked: list[tuple[int, np.ndarray]] = []
    real_flag = clean.flag_duplicates

    def recording_flag(dates, exact, band, *args, **kwargs):  # noqa: ANN001, ANN202
        def recorded(b: int) -> np.ndarray:
            asked.append((b, band(b).copy()))
            return asked[-1][1]
        return real_flag(dates, exact, recorded, *args, **kwargs)

    monkeypatch.setattr(store.np, "load", counting_load)
    monkeypatch.setattr("corpuskit.load.flag_duplicates", recording_flag)
    disk = ck.load_corpus(SAMPLE, SEEDS, progress=False, out=tmp_path / "c", part_size=40,
                          engine="serial")
    monkeypatch.setattr(store.np, "load", real_load)
    assert [b for b, _ in asked] == list(range(clean.BANDS))
    assert len(opened) == n_parts * -(-clean.BANDS // 4)
    keys = sorted((tmp_path / "c" / "keys").iterdir())
    for b, got in asked:   # the band asked for, every document's key in order
        want = np.concatenate([np.load(k)["bands"][b] for k in keys])
        assert np.array_equal(got, want)
    flags = disk.docs.set_index("doc_id")["duplicate_of"].dropna()
    ref = memory_corpus.docs.set_index("doc_id")["duplicate_of"].dropna()
    assert flags.astype(str).to_dict() == ref.astype(str).to_dict() and len(ref) > 5


def test_a_corpus_folder_written_anew_is_opened_anew(tmp_path):
    """Workers open a corpus folder once and keep it; a folder loaded again in its place must
    not be read through the old manifest."""
    from corpuskit.parts import open_part

    out = tmp_path / "c"
    ck.load_corpus(SAMPLE, progress=False, out=out, part_size=50)
    first = open_part(("disk", str(out), 0))
    assert len(first) == 50
    ck.load_corpus(SEEDS, progress=False, out=out, overwrite=True)
    again = open_part(("disk", str(out), 0))
    assert len(again) == 1 and again.docs["doc_id"].iloc[0] not in set(first.docs["doc_id"])


def test_cli_runs_part_by_part_on_a_corpus_folder(tmp_path, monkeypatch):
    """`corpuskit topics|actors|framing FOLDER` on a corpus written by `load --out FOLDER` work
    part by part (the folder is never read whole) and write the tables the same command writes
    from the inputs, duplicates left out as there."""
    from corpuskit.cli import EXIT_OK, main

    folder = tmp_path / "corpus"
    assert main(["load", str(SAMPLE), "--out", str(folder), "--part-size", "40"]) == EXIT_OK
    assert DiskCorpus(folder).n_parts > 2
    disk_dups = DiskCorpus(folder).drop_duplicates()
    assert len(disk_dups) < len(DiskCorpus(folder))
    assert len(disk_dups) == sum(len(p) for p in disk_dups.parts())

    def whole(*a, **k):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("the corpus folder was read whole")

    outs = {}
    for name, source in (("folder", folder), ("inputs", SAMPLE)):
        with monkeypatch.context() as mp:
            if name == "folder":
                mp.setattr(DiskCorpus, "to_corpus", whole)
                mp.setattr(DiskCorpus, "docs", property(whole))
            for cmd, extra in (("actors", ["--min-count", "2"]), ("framing", []),
                               ("topics", ["--k", "4"])):
                out = tmp_path / name / cmd
                assert main([cmd, str(source), "--out", str(out), "--engine", "serial",
                             *extra]) == EXIT_OK
        outs[name] = tmp_path / name
    for rel in ("actors/mentions.csv", "actors/edges.csv", "framing/scores.csv",
                "framing/shares_source.csv", "framing/effects.csv", "framing/dyads.csv",
                "topics/summary.csv", "topics/doc_topics.csv"):
        a = pd.read_csv(outs["folder"] / rel)
        b = pd.read_csv(outs["inputs"] / rel)
        pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-6, obj=rel,
                                      check_like=True)  # column order may differ


# --------------------------------------------------------------------------- tokens kept at load

HOSTILE = [
    ("", "قَالَ الرَّئِيسُ إنّ الجيـــش السوري ﻻ يتراجع، وإن ٣٫٥ مليون لاجئ ﷲ"),
    ("عنوان: «حلب»", "ا\u064e\u0654 همزة بعد فتحة، و\u0627\u0654 مركبة، و ی ک ۀ فارسية ۃ"),
    ("\u200fتقرير\u200e", "وكالة\u200d الأنباء‌ السورية (سانا) 😀 قالت 12:30 \x00 ثم 𝔸𝔹"),
    (None, "In English only, with an Arabic ، comma and digits ٠١٢ and ۴۵"),
    ("title", "ﺍﻟﺮﺋﻴﺲ بأشكال العرض، والنص ﴿ قرآني ﴾ ۖ ۗ ـ"),
    # every kind of whitespace str.split() splits at, some of which NFKC keeps
    ("\x1cعنوان\u2028فرعي\x1d", "حمص\tدمشق\u00a0حلب\u3000درعا\x1f إدلب\r\nحماة\u202fاللاذقية"
                                 "\x85طرطوس\u2029 \u205fالرقة\x0b\x0cدير\u1680الزور\u2009قال\x1e"),
]


def test_tokens_kept_at_load_give_duplicate_detection_its_own_tokens(memory_corpus):
    """The load reads each document's words once, as written (light normalization), and
    derives duplicate detection's tokens (default normalization) from each word type: the same
    tokens as tokenizing the text again, on real news and on hostile text (diacritics, tatweel,
    presentation forms, a hamza that composes once a vowel is gone, Persian letters,
    Arabic-Indic digits and separators, bidi marks, emoji, U+0000, mathematical letters)."""
    from corpuskit.arabic.normalization import get_normalizer
    from corpuskit.clean import PartTokens, duplicate_tokens

    light = get_normalizer("light")
    cache = PartTokens()
    docs = memory_corpus.docs
    pairs = list(zip(docs["title"], docs["text"])) + HOSTILE
    for title, text in pairs:
        cache.add(title, text)
    got = list(cache.duplicate_tokens())
    assert got == [duplicate_tokens(title, text) for title, text in pairs]
    arr = cache.arrays()
    words = arr["words"].tobytes().decode("utf-8").split("\n")
    ids = arr["ids"].astype(int)
    ends = np.cumsum(arr["title_len"] + arr["text_len"])
    assert len(ends) == len(pairs) and ends[-1] == len(ids)
    for (title, text), a, b in zip(pairs, np.r_[0, ends[:-1]], ends):
        want = (light.tokens(title) if isinstance(title, str) and title else []) \
            + light.tokens(text)
        assert [words[i] for i in ids[a:b]] == want


def test_a_parts_duplicate_keys_come_from_its_word_types_at_once(memory_corpus):
    """The load computes a part's exact keys and MinHash signatures from its word types with
    NumPy, all documents at once; they equal what each document's own tokens give
    (duplicate_tokens, exact_key, shingle_sets, minhash_keys), on real news, on hostile text
    (the documents that take the slow path among the others) and on documents of zero, one,
    two and three words."""
    from corpuskit import clean
    from corpuskit.clean import PartTokens, duplicate_tokens, exact_key

    docs = memory_corpus.docs
    short = [("", "حمص"), (None, "حمص ودمشق"), ("عنوان", "،"), ("", "٫"), ("أ", "ب ج")]
    pairs = list(zip(docs["title"], docs["text"]))
    pairs = pairs[:40] + HOSTILE + short + pairs[40:]
    cache = PartTokens()
    for title, text in pairs:
        cache.add(title, text)
    exact, flat, sizes = cache.duplicate_keys()
    want = [duplicate_tokens(title, text) for title, text in pairs]
    assert (exact == np.array([exact_key(" ".join(body)) for body, _ in want], "S16")).all()
    sets = clean.shingle_sets([words for _, words in want])
    got = np.split(flat, np.cumsum(sizes)[:-1])
    assert len(got) == len(pairs) and all(np.array_equal(np.unique(g), s)
                                          for g, s in zip(got, sets))
    sigs, bands = clean.minhash_keys_flat(flat, sizes)
    ref_sigs, ref_bands = clean.minhash_keys(sets)
    assert (sigs == ref_sigs).all() and (bands == ref_bands).all()
    assert (sizes > 0).sum() == len(pairs) - 1   # "٫" alone has no word to shingle
    # the part's words are numbered once, all at once: a document added later is refused,
    # not silently left out of the ids
    with pytest.raises(RuntimeError, match="added after the part's words were read"):
        cache.add("عنوان", "حمص")
    assert len(cache.title_len) == len(pairs)


def test_shingles_never_span_two_documents(memory_corpus):
    """Shingles of many documents computed at once (one array of token hashes) are each
    document's own: the same as shingling it alone, whatever its neighbours; a document shorter
    than three words is one shingle, an empty one has none."""
    from corpuskit import clean
    from corpuskit.arabic.normalization import get_normalizer

    norm = get_normalizer("default")
    toks = [norm.tokens(t) for t in memory_corpus.docs["text"][:30]]
    toks[3:3] = [[], ["حمص"], ["حمص", "دمشق"], ["حمص", "دمشق", "حلب"], []]
    together = clean.shingle_sets(toks)
    alone = [clean.shingle_sets([t])[0] for t in toks]
    assert all(np.array_equal(a, b) for a, b in zip(together, alone))
    assert [len(s) for s in together[3:8]] == [0, 1, 1, 1, 0]
    assert len(together[0]) == len(set(zip(toks[0], toks[0][1:], toks[0][2:])))
    flat, sizes = clean.shingles_flat(toks, unique=False)
    assert sizes.tolist() == [max(len(t) - 2, 1) if t else 0 for t in toks]
    assert all(np.array_equal(np.unique(g), s)
               for g, s in zip(np.split(flat, np.cumsum(sizes)[:-1]), together))


def test_dtm_of_a_corpus_on_disk_counts_the_words_kept_at_load(tmp_path, monkeypatch,
                                                              memory_corpus):
    """A corpus loaded to disk keeps each part's words as type ids; its document-term matrix
    counts them without tokenizing any text again, and equals the matrix of the same corpus in
    memory: with and without titles, without the flagged duplicates, with a fixed vocabulary,
    and written to disk. A corpus whose folder keeps no tokens (an earlier corpuskit's) is
    tokenized as before; a damaged token file is named."""
    from corpuskit.features import dtm as dtm_module
    from corpuskit.features import document_term_matrix

    disk = ck.load_corpus(SAMPLE, SEEDS, progress=False, out=tmp_path / "c", part_size=40)
    manifest = json.loads((tmp_path / "c" / "manifest.json").read_text())
    assert manifest["tokens"]["normalize"] and all("tokens" in p for p in manifest["parts"])
    refs = {(t, d): document_term_matrix(memory_corpus.drop_duplicates() if d else
                                         memory_corpus, include_title=t, engine="serial")
            for t in (True, False) for d in (True, False)}

    def no_tokenizing(*args, **kwargs):
        raise AssertionError("the text was tokenized again")

    vocab = list(refs[True, False].vocabulary[::4])
    fixed = document_term_matrix(memory_corpus, vocabulary=vocab, engine="serial")
    with monkeypatch.context() as m:
        m.setattr(dtm_module, "_count_unigrams", no_tokenizing)
        for (t, d), ref in refs.items():
            _same_dtm(ref, document_term_matrix(disk.drop_duplicates() if d else disk,
                                                include_title=t, engine="serial"))
        _same_dtm(fixed, document_term_matrix(disk, vocabulary=vocab, engine="serial"))
        on_disk = document_term_matrix(disk, out=tmp_path / "dtm", engine="serial")
        assert list(on_disk.surface) == list(refs[True, False].surface)
    # the folder of an earlier corpuskit: no tokens, counted from the text
    del manifest["tokens"]
    (tmp_path / "c" / "manifest.json").write_text(json.dumps(manifest))
    _same_dtm(refs[True, False], document_term_matrix(DiskCorpus(tmp_path / "c"),
                                                      engine="serial"))
    manifest["tokens"] = {"normalize": ["diacritics"]}   # kept in another normalization
    (tmp_path / "c" / "manifest.json").write_text(json.dumps(manifest))
    _same_dtm(refs[True, False], document_term_matrix(DiskCorpus(tmp_path / "c"),
                                                      engine="serial"))
    (tmp_path / "c" / manifest["parts"][1]["tokens"]).write_bytes(b"damaged")
    with pytest.raises(InputError, match="tokens/part-00001.npz"):
        DiskCorpus(tmp_path / "c")
