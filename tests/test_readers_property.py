"""Property-based tests (hypothesis): every reader, thrown random bytes, random truncations of
valid files and random JSON/SGML/CSV structures, raises nothing but corpuskit's documented errors,
and accounts for every input in the load report."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpuskit as ck
from corpuskit.errors import CorpuskitError

NEIGHBOUR = "خبر سليم عن حلب\n\nقال المرصد السوري إن الاشتباكات استمرت في أحياء المدينة طوال الليل."
ARABIC = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإىة ـًٌٍَُِّ،.؟\n", min_size=0, max_size=80)
STATUSES = {"loaded", "duplicate", "near_duplicate", "skipped", "passed over"}
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check(name: str, data: bytes, fmt: str | None = None) -> None:
    """Load one crafted file beside a good one; only documented errors; every input reported."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "good.txt").write_text(NEIGHBOUR, encoding="utf-8")
        (root / name).write_bytes(data)
        try:
            corpus = ck.load_corpus(root / name, root / "good.txt", format=fmt)
        except CorpuskitError:
            if fmt is None:
                raise  # the good neighbour always loads, unless a reader is forced on it
            return
        rep = corpus.report
        assert set(rep["status"]) <= STATUSES, rep[~rep["status"].isin(STATUSES)].to_dict("records")
        assert (rep["path"].str.endswith(name)).any(), f"{name} is not in the report"
        assert rep["doc_id"].notna().sum() == len(corpus)
        assert set(corpus.docs["doc_id"]) == set(rep["doc_id"].dropna())


def _valid_files(texts: list[str]) -> dict[str, bytes]:
    recs = [{"title": t[:20] or "عنوان", "text": t or "نص", "date": "2012-02-10"} for t in texts]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["title", "text", "date"])
    for r in recs:
        w.writerow([r["title"], r["text"], r["date"]])
    sgml = "".join(f'<DOC id="D{i}">\n<HEADLINE>{r["title"]}</HEADLINE>\n<TEXT>\n<P>{r["text"]}</P>\n'
                   f"</TEXT>\n</DOC>\n" for i, r in enumerate(recs))
    html = ("<!DOCTYPE html><html><head><title>خبر</title></head><body><article><h1>خبر</h1>"
            + "".join(f"<p>{r['text']}</p>" for r in recs) + "</article></body></html>")
    return {
        "a.json": json.dumps(recs, ensure_ascii=False).encode(),
        "a.jsonl": "\n".join(json.dumps(r, ensure_ascii=False) for r in recs).encode(),
        "a.csv": buf.getvalue().encode(),
        "a.sgml": sgml.encode(),
        "a.html": html.encode(),
        "a.txt": ("\n\n".join(r["text"] for r in recs)).encode("cp1256", errors="replace"),
    }


@SETTINGS
@given(data=st.binary(max_size=3000),
       name=st.sampled_from(["x.txt", "x.json", "x.jsonl", "x.csv", "x.tsv", "x.sgml", "x.html",
                             "x.parquet", "x.zip", "x.tar", "x.tar.gz", "x.gz", "x"]))
def test_random_bytes_under_any_name(data, name):
    check(name, data)


@SETTINGS
@given(texts=st.lists(ARABIC, min_size=1, max_size=6), cut=st.floats(0, 1),
       which=st.sampled_from(["a.json", "a.jsonl", "a.csv", "a.sgml", "a.html", "a.txt"]),
       flip=st.integers(0, 10_000))
def test_truncated_and_damaged_valid_files(texts, cut, which, flip):
    raw = bytearray(_valid_files(texts)[which])
    raw = raw[: int(len(raw) * cut)]
    if raw and flip % 3 == 0:
        raw[flip % len(raw)] ^= 0xA5  # one damaged byte somewhere
    check(which, bytes(raw))


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | ARABIC,
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "title", "date", "content", "source", "x", "articles"]), kids,
        max_size=4),
    max_leaves=25)


@SETTINGS
@given(value=JSON, as_lines=st.booleans())
def test_random_json_structures(value, as_lines):
    if as_lines and isinstance(value, list):
        data = "\n".join(json.dumps(v, ensure_ascii=False) for v in value).encode()
        check("r.jsonl", data)
    else:
        check("r.json", json.dumps(value, ensure_ascii=False).encode())


SGML_PIECE = st.sampled_from(["<DOC>", "</DOC>", '<DOC id="X1">', "<TEXT>", "</TEXT>", "<P>", "</P>",
                              "<HEADLINE>", "</HEADLINE>", "<DATE>2012-02-10</DATE>", "<X>", "&amp;",
                              "&", "<", ">", "\n", "<DOCNO>A</DOCNO>"]) | ARABIC


@SETTINGS
@given(pieces=st.lists(SGML_PIECE, max_size=40))
def test_random_sgml_structures(pieces):
    check("r.sgml", ("<DOC>" + "".join(pieces)).encode(), fmt=None)


CSV_PIECE = st.sampled_from([",", ";", "\t", '"', '""', "\n", "\r\n", "title", "text"]) | ARABIC


@SETTINGS
@given(pieces=st.lists(CSV_PIECE, max_size=40))
def test_random_csv_structures(pieces):
    check("r.csv", ("title,text\n" + "".join(pieces)).encode())
