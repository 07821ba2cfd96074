"""Hostile and broken input (issue 6): each case is built here from a small crafted input.

The promise under test: no aborted load, no mojibake, no silent loss (every path, file and record
met has a row in the report), and memory bounded by the documented limits.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import signal
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import corpuskit as ck
from corpuskit.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from corpuskit.errors import InputError, RecordError

from .test_bad_input import GOOD, GOOD2, write

HOMS = "خبر عن حمص\n\nقال المرصد السوري إن القصف على حي الإنشاءات أوقع عشرات القتلى"
GOOD_PAGE = f"عنوان صالح عن حلب\n\n{GOOD2}"


def report_for(corpus, name: str) -> pd.DataFrame:
    rep = corpus.report
    return rep[(rep["path"].map(lambda p: Path(p).name) == name) | (rep["member"] == name)]


def titled(corpus) -> list[str]:
    return sorted(corpus.docs["title"].dropna())


# ------------------------------------------------------------------ 1. no silent mojibake

def test_utf8_cut_in_a_character_is_utf8_with_one_replacement_not_cp1256(tmp_path):
    data = HOMS.encode("utf-8")[:-1]  # the last letter cut in half (a truncated download)
    write(tmp_path / "m.txt", data)
    c = ck.load_corpus(tmp_path)
    assert c.docs.loc[0, "title"] == "خبر عن حمص"
    assert c.docs.loc[0, "text"].endswith("القتل\ufffd")
    row = c.report.iloc[0]
    assert row["encoding"] == "utf-8" and row["status"] == "loaded"
    assert "middle of a character" in row["note"]


def test_one_invalid_byte_is_replaced_and_reported_with_its_offset(tmp_path):
    raw = HOMS.encode("utf-8")
    pos = raw.index("المرصد".encode())
    write(tmp_path / "m.txt", raw[:pos] + b"\xff" + raw[pos:])
    c = ck.load_corpus(tmp_path)
    assert "\ufffdالمرصد" in c.docs.loc[0, "text"]
    note = c.report.iloc[0]["note"]
    assert f"at byte {pos}" in note and "1 invalid UTF-8" in note


def test_damaged_utf8_is_an_error_under_strict(tmp_path):
    write(tmp_path / "m.txt", HOMS.encode("utf-8")[:-1])
    with pytest.raises(RecordError, match=r"m\.txt.*middle of a character"):
        ck.load_corpus(tmp_path, strict=True)


def test_real_windows_1256_still_decodes_as_cp1256(tmp_path):
    write(tmp_path / "old.txt", HOMS.encode("cp1256"))
    c = ck.load_corpus(tmp_path, strict=True)
    assert c.docs.loc[0, "title"] == "خبر عن حمص"
    assert c.report.iloc[0]["encoding"] == "cp1256" and pd.isna(c.report.iloc[0]["note"])


# ------------------------------------------------------------------ 2. one bad file never aborts

def _good_and(tmp_path: Path, name: str, data: bytes, **kw):
    write(tmp_path / "good.txt", GOOD_PAGE)
    write(tmp_path / name, data)
    return ck.load_corpus(tmp_path, **kw)


def test_truncated_gzip_is_a_reported_skip(tmp_path):
    gz = gzip.compress((HOMS * 50).encode())
    c = _good_and(tmp_path, "cut.txt.gz", gz[: len(gz) // 2])
    assert titled(c) == ["عنوان صالح عن حلب"]
    row = report_for(c, "cut.txt.gz").iloc[0]
    assert row["status"] == "skipped" and "truncated" in row["reason"]


def test_corrupt_gzip_stream_is_a_reported_skip(tmp_path):
    gz = bytearray(gzip.compress((HOMS * 50).encode()))
    gz[20:40] = b"\x00" * 20  # damage the deflate stream after the header
    c = _good_and(tmp_path, "bad.txt.gz", bytes(gz))
    row = report_for(c, "bad.txt.gz").iloc[0]
    assert row["status"] == "skipped" and ("corrupt" in row["reason"] or "unreadable" in row["reason"])


def _zip_bytes(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_member_with_corrupt_deflate_stream_skips_only_that_member(tmp_path):
    payload = (HOMS * 40).encode()
    data = bytearray(_zip_bytes({"a.txt": GOOD_PAGE.encode(), "b.txt": payload,
                                 "c.txt": f"خبر ثالث\n\n{GOOD}".encode()}))
    start = data.index(b"b.txt") + len("b.txt")  # local header name, then the deflate stream
    data[start + 5: start + 25] = b"\xff" * 20
    c = ck.load_corpus(write(tmp_path / "z.zip", bytes(data)))
    assert titled(c) == ["خبر ثالث", "عنوان صالح عن حلب"]
    row = report_for(c, "b.txt").iloc[0]
    assert row["status"] == "skipped"


@pytest.mark.parametrize("date", ["Infinity", "-Infinity", "1e400", "NaN"])
def test_json_dates_that_are_not_finite_numbers_leave_the_date_empty(tmp_path, date):
    write(tmp_path / "a.json", f'[{{"title": "خبر", "text": {json.dumps(GOOD2)}, "date": {date}}}]')
    c = ck.load_corpus(tmp_path)
    assert len(c) == 1 and pd.isna(c.docs.loc[0, "date"])
    assert c.docs.loc[0, "date_raw"] in ("inf", "-inf", None)  # NaN is a missing value


def test_json_nested_100000_levels_is_a_reported_skip(tmp_path):
    c = _good_and(tmp_path, "deep.json", b"[" * 100_000 + b"]" * 100_000)
    row = report_for(c, "deep.json").iloc[0]
    assert row["status"] == "skipped" and "nested too deeply" in row["reason"]


def test_text_field_nested_400_lists_deep_is_a_reported_skip_of_that_record(tmp_path):
    deep = "[" * 400 + json.dumps(GOOD2) + "]" * 400
    write(tmp_path / "a.jsonl", f'{{"title": "عميق", "text": {deep}}}\n'
                                f'{{"title": "سطحي", "text": {json.dumps(GOOD2)}}}\n')
    c = ck.load_corpus(tmp_path)
    assert titled(c) == ["سطحي"]
    row = c.report[c.report["record"] == "line 1"].iloc[0]
    assert "nested more than 64 levels" in row["reason"]


def test_cli_reports_bad_files_and_writes_the_corpus(tmp_path, capsys):
    data = tmp_path / "in"
    gz = gzip.compress(HOMS.encode())
    write(data / "cut.txt.gz", gz[:-9])
    write(data / "deep.json", b"[" * 100_000 + b"]" * 100_000)
    write(data / "good.txt", GOOD_PAGE)
    assert main(["load", str(data), "--out", str(tmp_path / "c.parquet")]) == EXIT_OK
    assert "1 documents" in capsys.readouterr().out


# ------------------------------------------------------------------ 3. no silent loss

def test_jsonl_with_one_bad_byte_keeps_every_line_and_names_the_damaged_one(tmp_path):
    lines = [json.dumps({"title": f"خبر {i}", "text": f"{GOOD2} {i}"}, ensure_ascii=False)
             for i in range(1, 101)]
    raw = [ln.encode() for ln in lines]
    raw[50] = raw[50].replace("خبر".encode(), b"\xff" + "خبر".encode()[1:], 1)  # line 51
    write(tmp_path / "a.jsonl", b"\n".join(raw) + b"\n")
    c = ck.load_corpus(tmp_path)
    assert len(c) == 100 and c.report["doc_id"].notna().sum() == 100
    noted = c.report.dropna(subset=["note"])
    assert list(noted["record"]) == ["line 51"] and "line 51" in noted.iloc[0]["note"]


def test_jsonl_line_in_windows_1256_among_utf8_lines_is_decoded_and_noted(tmp_path):
    good = json.dumps({"title": "أ", "text": GOOD2}, ensure_ascii=False)
    old = json.dumps({"title": "ب", "text": GOOD}, ensure_ascii=False).encode("cp1256")
    write(tmp_path / "a.jsonl", good.encode() + b"\n" + old + b"\n")
    c = ck.load_corpus(tmp_path)
    assert titled(c) == ["أ", "ب"]
    assert c.report.loc[c.report["record"] == "line 2", "encoding"].item() == "cp1256"


def test_zip_member_failing_its_crc_does_not_lose_the_members_after_it(tmp_path):
    data = bytearray(_zip_bytes({"a.txt": GOOD_PAGE.encode(), "b.txt": HOMS.encode(),
                                 "c.txt": f"خبر ثالث\n\n{GOOD}".encode()},
                                method=zipfile.ZIP_STORED))
    i = data.index(HOMS.encode())
    data[i + 30] ^= 0x01  # stored bytes changed: the CRC no longer matches
    c = ck.load_corpus(write(tmp_path / "z.zip", bytes(data)))
    assert titled(c) == ["خبر ثالث", "عنوان صالح عن حلب"]
    row = report_for(c, "b.txt").iloc[0]
    assert row["status"] == "skipped" and "CRC" in row["reason"]


def test_every_path_met_in_discovery_has_a_row(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    write(root / "good.txt", GOOD_PAGE)
    os.mkfifo(root / "pipe")
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    (root / "loop").symlink_to(root)                    # a folder linking to its parent
    (root / "self.txt").symlink_to(root / "self.txt")   # a link to itself
    locked = root / "locked"
    write(locked / "x.txt", GOOD_PAGE)
    real_scandir = os.scandir

    def scandir(path):  # root can read any folder: make this one unreadable as for a user
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    c = ck.load_corpus(root)
    reasons = {Path(p).name: r for p, r in zip(c.report["path"], c.report["reason"])}
    assert "FIFO" in reasons["pipe"]
    assert "broken symbolic link" in reasons["dangling.txt"]
    assert "loop" in reasons["loop"] and "loop" in reasons["self.txt"]
    assert "not readable" in reasons["locked"] and "Permission denied" in reasons["locked"]
    assert len(c) == 1


def test_zip_symlink_member_is_unsafe_not_content(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("ok.txt", GOOD_PAGE)
        link = zipfile.ZipInfo("link.txt")
        link.create_system = 3
        link.external_attr = (0o120777 << 16)
        zf.writestr(link, "/etc/passwd")
    c = ck.load_corpus(write(tmp_path / "z.zip", buf.getvalue()))
    row = report_for(c, "link.txt").iloc[0]
    assert row["status"] == "skipped" and "symbolic link" in row["reason"]
    assert not c.docs["text"].str.contains("/etc/passwd").any()


# ------------------------------------------------------------------ 4. memory bounded by limits

def test_record_over_the_limit_is_skipped_with_its_size(tmp_path):
    write(tmp_path / "big.jsonl",
          json.dumps({"title": "كبير", "text": "كلمة " * 5000}, ensure_ascii=False) + "\n"
          + json.dumps({"title": "صغير", "text": GOOD2}, ensure_ascii=False) + "\n")
    c = ck.load_corpus(tmp_path, limits=ck.Limits(max_record_chars=10_000))
    assert titled(c) == ["صغير"]
    row = c.report[c.report["record"] == "line 1"].iloc[0]
    assert "line too long" in row["reason"] or "record too large" in row["reason"]


def test_one_line_text_past_the_page_limit_is_skipped_without_being_read(tmp_path):
    import tracemalloc

    big = write(tmp_path / "huge.txt", ("خبر " * 1_500_000).encode())  # 12 MB, one line
    write(tmp_path / "good.txt", GOOD_PAGE)
    tracemalloc.start()
    c = ck.load_corpus(tmp_path, limits=ck.Limits(max_record_chars=200_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    row = report_for(c, "huge.txt").iloc[0]
    assert row["status"] == "skipped" and "too large" in row["reason"]
    assert peak < big.stat().st_size / 2


def test_large_json_array_is_streamed_with_every_record(tmp_path):
    recs = [{"title": f"خبر {i}", "content": f"{GOOD2} رقم {i}", "date_extracted": "2015-07-21"}
            for i in range(300)]
    write(tmp_path / "a.json", json.dumps({"articles": recs}, ensure_ascii=False))
    c = ck.load_corpus(tmp_path, limits=ck.Limits(json_in_memory_bytes=4096))
    assert len(c) == 300 and list(c.report["record"][:2]) == ["record 1", "record 2"]
    assert set(c.docs["date_kind"]) == {"crawled"}


def test_streamed_json_array_cut_off_keeps_what_came_before_and_says_where(tmp_path):
    recs = [{"title": f"خبر {i}", "text": f"{GOOD2} رقم {i}"} for i in range(50)]
    raw = json.dumps(recs, ensure_ascii=False).encode()
    write(tmp_path / "a.json", raw[: len(raw) * 3 // 4])
    c = ck.load_corpus(tmp_path, limits=ck.Limits(json_in_memory_bytes=1024))
    bad = c.report[c.report["status"] == "skipped"]
    assert len(c) + len(bad) >= 37 and len(bad) == 1
    assert "truncated" in bad.iloc[0]["reason"] and f"after record {len(c)}" in bad.iloc[0]["reason"]


def test_archive_expansion_is_bounded_by_the_bytes_actually_read(tmp_path):
    # Each member packs 600 KB into about 1 KB: the limits apply to what decompression yields.
    members = {f"m{i}.txt": (f"خبر {i}\n\n" + "ا" * 300_000).encode() for i in range(3)}
    z = write(tmp_path / "z.zip", _zip_bytes(members))
    with pytest.raises(InputError) as err:
        ck.load_corpus(z, limits=ck.Limits(max_file_bytes=100_000))
    assert str(err.value).count("member too large (over 100,000 bytes as read") == 3
    c = ck.load_corpus(z, limits=ck.Limits(max_archive_bytes=700_000))
    assert list(c.docs["title"]) == ["خبر 0"]
    assert list(c.report["status"]) == ["loaded", "skipped", "skipped"]
    assert c.report["reason"].str.contains("max_archive_bytes").sum() == 2


def test_large_gzip_member_is_spooled_to_disk_and_still_read(tmp_path):
    text = GOOD_PAGE + "\n\n" + "\n\n".join(f"{GOOD2} {i}" for i in range(2000))
    write(tmp_path / "big.txt.gz", gzip.compress(text.encode()))
    c = ck.load_corpus(tmp_path, limits=ck.Limits(spool_bytes=10_000))
    assert titled(c) == ["عنوان صالح عن حلب"] and c.docs.loc[0, "text"].endswith("1999")


# ------------------------------------------------------------------ 5. SGML in linear time

def test_sgml_with_100000_unclosed_tags_parses_in_linear_time(tmp_path):
    body = "<X>" * 100_000
    para = GOOD2.split("\n\n")[0]
    sgml = (f'<DOC id="A1">\n<HEADLINE>خبر</HEADLINE>\n{body}\n<TEXT>\n<P>{para}</P>\n</TEXT>\n'
            "</DOC>\n")
    write(tmp_path / "a.sgml", sgml)

    def too_slow(*_):
        raise TimeoutError("SGML parsing took over 60 s (quadratic?)")

    old = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(60)  # the quadratic parser took 425 s here; the linear one well under a second
    try:
        c = ck.load_corpus(tmp_path)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert c.docs.loc[0, "title"] == "خبر" and c.docs.loc[0, "text"] == para


def test_sgml_elements_match_the_nongreedy_regex_semantics():
    import re

    from corpuskit.readers.sgml import _elements

    old = re.compile(r"<(?P<tag>[A-Za-z][\w.-]*)(?:\s[^>]*)?>(?P<body>.*?)</(?P=tag)\s*>", re.S)
    chunks = ["<A>1</A><B x='y'>2<A>3</A></B><C>", "<TEXT><P>a</P><P>b</TEXT><DATE>d</DATE>",
              "<X><X>in</X></X><Y>open<Z>z</Z>", "<A>1<A>2</A>3</A><A>4</A>"]
    for chunk in chunks:
        expected: dict[str, str] = {}
        for m in old.finditer(chunk):
            expected.setdefault(m["tag"].upper(), m["body"])
        assert _elements(chunk) == expected, chunk


def test_sgml_doc_larger_than_the_limit_is_skipped_and_the_next_read(tmp_path):
    big = "\n".join(f"<P>{GOOD2.split(chr(10))[0]} {i}</P>" for i in range(400))
    write(tmp_path / "a.sgml", f'<DOC id="BIG">\n<TEXT>\n{big}\n</TEXT>\n</DOC>\n'
                               f'<DOC id="OK"><TEXT><P>{GOOD2}</P></TEXT></DOC>\n')
    c = ck.load_corpus(tmp_path, limits=ck.Limits(max_record_chars=5_000))
    assert list(c.docs["docno"]) == ["OK"]
    row = c.report[c.report["status"] == "skipped"].iloc[0]
    assert "too large" in row["reason"] and "BIG" in row["record"]


# ------------------------------------------------------------------ 6. damaged corpus files

def _damage(path: Path, value: bytes) -> Path:
    table = pq.read_table(path)
    meta = dict(table.schema.metadata)
    meta[b"corpuskit"] = value
    out = path.with_name("damaged.parquet")
    pq.write_table(table.replace_schema_metadata(meta), out)
    return out


@pytest.mark.parametrize("value", [
    b"\xff\xfe not utf-8", b"{not json", b"[1, 2]", b'"text"', b'{"format_version": "x"}',
    b'{"format_version": 1, "report": 5}', b'{"format_version": 1, "report": [1]}',
    b'{"format_version": 1, "report_columns": {"a": 1}}', b'{"format_version": 1, "provenance": []}',
    b"[" * 100_000, b"",
])
def test_damaged_corpus_metadata_is_an_input_error_naming_the_file(tmp_path, value):
    good = ck.load_corpus(write(tmp_path / "in" / "a.txt", GOOD_PAGE)).to_parquet(tmp_path / "c.parquet")
    bad = _damage(good, value)
    with pytest.raises(InputError, match="damaged.parquet"):
        ck.Corpus.read_parquet(bad)
    assert main(["info", str(bad)]) == EXIT_INPUT


def test_corpus_file_missing_its_columns_is_an_input_error(tmp_path):
    good = ck.load_corpus(write(tmp_path / "in" / "a.txt", GOOD_PAGE)).to_parquet(tmp_path / "c.parquet")
    table = pq.read_table(good).drop(["text"])
    pq.write_table(table, tmp_path / "cut.parquet")
    with pytest.raises(InputError, match="cut.parquet.*damaged"):
        ck.Corpus.read_parquet(tmp_path / "cut.parquet")


# ------------------------------------------------------------------ 7. smaller defects

def test_binary_parquet_text_column_holding_utf8_arabic_is_decoded(tmp_path):
    table = pa.table({"title": pa.array(["خبر".encode()], pa.binary()),
                      "text": pa.array([GOOD2.encode()], pa.binary())})
    pq.write_table(table, tmp_path / "b.parquet")
    c = ck.load_corpus(tmp_path, strict=True)
    assert c.docs.loc[0, "text"] == GOOD2 and c.docs.loc[0, "title"] == "خبر"


def test_file_of_only_tatweel_is_empty_text(tmp_path):
    c = _good_and(tmp_path, "t.txt", ("ـ" * 50 + "\n\n" + "ـــ ـــ").encode())
    row = report_for(c, "t.txt").iloc[0]
    assert row["status"] == "skipped" and "empty text" in row["reason"]
    assert ck.readers.base.arabic_share("ـــــ") == 0.0


def test_load_restores_csvs_field_size_limit(tmp_path):
    before = csv.field_size_limit()
    write(tmp_path / "a.csv", f"title,text\nخبر,\"{GOOD2}\"\n")
    ck.load_corpus(tmp_path)
    assert csv.field_size_limit() == before


def test_cli_exit_codes_input_and_output_errors_are_3(tmp_path, capsys):
    assert main(["load", str(tmp_path / "missing"), "--out", str(tmp_path / "c.parquet")]) == EXIT_INPUT
    write(tmp_path / "in" / "a.txt", GOOD_PAGE)
    blocker = write(tmp_path / "file", "x")
    assert main(["load", str(tmp_path / "in"), "--out", str(blocker / "c.parquet")]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "internal error" not in err and "file" in err


def test_strict_jsonl_errors_name_the_line(tmp_path):
    write(tmp_path / "a.jsonl", json.dumps({"title": "أ", "text": GOOD2}, ensure_ascii=False)
          + '\n{"title": "ب", "text": \n')
    with pytest.raises(RecordError, match=r"a\.jsonl line 2: truncated"):
        ck.load_corpus(tmp_path, strict=True)
    write(tmp_path / "b" / "b.jsonl", json.dumps({"title": "أ", "text": GOOD2}).encode()
          + b"\n" + bytes(range(0x80, 0xA0)) * 4 + b"\n")
    with pytest.raises(RecordError, match=r"b\.jsonl line 2: (undecodable|malformed)"):
        ck.load_corpus(tmp_path / "b", strict=True)


def test_strict_names_the_record_that_fails_a_later_check(tmp_path):
    lines = [{"title": "أ", "text": GOOD2}, {"title": "b", "text": "English only text here."},
             {"title": "ج", "text": GOOD}]
    write(tmp_path / "a.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    with pytest.raises(RecordError, match=r"a\.jsonl line 2: not Arabic"):
        ck.load_corpus(tmp_path, strict=True)
    write(tmp_path / "b" / "t.jsonl", json.dumps({"title": "د", "text": "ـــ"}) + "\n")
    with pytest.raises(RecordError, match=r"t\.jsonl line 1: empty text"):
        ck.load_corpus(tmp_path / "b", strict=True)


# ------------------------------------------------------------------ what a researcher tripped over

def test_readme_in_a_corpus_folder_is_passed_over_and_not_a_duplicate_original(tmp_path):
    article = f"اقتصاد اليوم\n\n{GOOD2}"
    write(tmp_path / "economy" / "JA-economy-32-20170125.txt", article)
    write(tmp_path / "README.md", f"# Corpus\n\nAn example record:\n\n{article}\n")
    write(tmp_path / "LICENSE", "CC BY 4.0")
    c = ck.load_corpus(tmp_path)
    assert len(c) == 1 and pd.isna(c.docs.loc[0, "duplicate"])
    passed = c.report[c.report["status"] == "passed over"]
    assert sorted(Path(p).name for p in passed["path"]) == ["LICENSE", "README.md"]
    assert passed["reason"].str.contains("documentation").all()
    back = ck.load_corpus(tmp_path, documentation_files=True).docs.set_index("path")
    readme, article = (back.filter(like=n, axis=0).iloc[0] for n in ("README", "JA-economy"))
    assert pd.isna(article["duplicate"]) and readme["duplicate"] == "near"  # the dated one wins
    assert readme["duplicate_of"] == article["doc_id"]


def test_include_and_exclude_patterns_are_applied_and_reported(tmp_path):
    write(tmp_path / "news" / "a.txt", GOOD_PAGE)
    write(tmp_path / "drafts" / "b.txt", f"مسودة\n\n{GOOD}")
    write(tmp_path / "news" / "c.json", json.dumps([{"title": "ج", "text": GOOD}], ensure_ascii=False))
    c = ck.load_corpus(tmp_path, exclude="drafts/*")
    assert sorted(c.docs["title"]) == ["ج", "عنوان صالح عن حلب"]
    c = ck.load_corpus(tmp_path, include=["*.json"])
    assert list(c.docs["title"]) == ["ج"]
    why = dict(zip(c.report["path"].map(lambda p: Path(p).name), c.report["reason"]))
    assert "include" in why["a.txt"] and "include" in why["b.txt"]
    z = write(tmp_path / "z.zip", _zip_bytes({"README.txt": b"about", "x/a.txt": GOOD_PAGE.encode()}))
    c = ck.load_corpus(z)
    assert len(c) == 1 and (c.report["status"] == "passed over").sum() == 1


def test_undated_document_never_becomes_the_original_of_a_dated_one(tmp_path):
    write(tmp_path / "a" / "copy.txt", f"نسخة\n\n{GOOD2}")              # undated, read first
    write(tmp_path / "b" / "orig-2012-02-10.txt", f"أصل\n\n{GOOD2}")   # dated
    c = ck.load_corpus(tmp_path)
    d = c.docs.set_index("title")
    assert pd.isna(d.loc["أصل", "duplicate"]) and d.loc["نسخة", "duplicate"] == "exact"


def test_where_dates_and_sources_came_from_is_kept_and_crawl_times_are_said(tmp_path, capsys):
    write(tmp_path / "snn.json", json.dumps(
        [{"title": "خبر", "content": GOOD2, "date_extracted": "2015-07-21 02:51:32"}],
        ensure_ascii=False))
    write(tmp_path / "other.json", json.dumps(
        [{"title": "خبر آخر", "content": GOOD, "date": "2015-07-20"}], ensure_ascii=False))
    write(tmp_path / "politic" / "p-2012-02-10.txt", GOOD_PAGE)
    c = ck.load_corpus(tmp_path)
    d = c.docs.set_index("title")
    assert d.loc["خبر", "date_field"] == "date_extracted" and d.loc["خبر", "date_kind"] == "crawled"
    assert d.loc["خبر آخر", "date_kind"] == "published"
    page = d.loc["عنوان صالح عن حلب"]
    assert page["source"] == "politic" and page["source_field"] == "folder name"
    assert page["date_field"] == "file name"
    assert "1 dates are crawl times (date_extracted)" in " ".join(c.date_notes())
    assert main(["info", str(tmp_path)]) == EXIT_OK
    assert "crawl times" in capsys.readouterr().out


def test_progress_follows_the_terminal(monkeypatch):
    from corpuskit import _progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stderr", Tty())
    assert _progress.wanted(None, large=True) and not _progress.wanted(None, large=False)
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert not _progress.wanted(None, large=True) and _progress.wanted(True, large=False)


def test_cli_checks_arguments_before_fitting(tmp_path, capsys):
    assert main(["topics", str(tmp_path), "--k", "1", "--out", str(tmp_path / "o")]) == EXIT_USAGE
    out = tmp_path / "c.parquet"
    write(tmp_path / "in" / "a.txt", GOOD_PAGE)
    assert main(["load", str(tmp_path / "in"), "--out", str(out)]) == EXIT_OK
    assert main(["topics", str(out), "--k", "3", "--by", "outlet",
                 "--out", str(tmp_path / "o")]) == EXIT_USAGE
    assert "no column 'outlet'" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_a_reader_bug_is_an_error_row_and_a_warning_not_a_quiet_skip(tmp_path, monkeypatch):
    from corpuskit.readers import READERS

    def broken(source, ctx):
        raise KeyError("a field the reader assumed")
        yield  # pragma: no cover

    monkeypatch.setitem(READERS, "json", broken)
    write(tmp_path / "a.json", "[]")
    write(tmp_path / "good.txt", GOOD_PAGE)
    with pytest.warns(RuntimeWarning, match="a bug in corpuskit's json reader"):
        c = ck.load_corpus(tmp_path)
    row = report_for(c, "a.json").iloc[0]
    assert row["status"] == "error" and "KeyError" in row["reason"]
    assert c.summary_counts()["skipped"] == 1
    with pytest.raises(RecordError, match="KeyError"):
        ck.load_corpus(tmp_path, strict=True)


# ------------------------------------------------------------------ found in review

def test_a_file_without_any_object_does_not_abort_a_load_with_a_column_mapping(tmp_path):
    write(tmp_path / "a_bad.jsonl", "not json\n{broken\n")
    write(tmp_path / "b_list.json", "[1, 2]")
    write(tmp_path / "c_good.jsonl", json.dumps({"head": "ج", "body": GOOD}, ensure_ascii=False))
    c = ck.load_corpus(tmp_path, columns={"title": "head", "text": "body"})
    assert list(c.docs["title"]) == ["ج"]
    bad = report_for(c, "a_bad.jsonl")
    assert len(bad) == 2 and set(bad["record"]) == {"line 1", "line 2"}
    assert len(report_for(c, "b_list.json")) == 2


def test_include_patterns_apply_to_members_inside_archives_found_in_a_folder(tmp_path):
    write(tmp_path / "data.zip", _zip_bytes({
        "a.json": json.dumps([{"title": "ج", "text": GOOD}], ensure_ascii=False).encode(),
        "b.txt": GOOD_PAGE.encode()}))
    write(tmp_path / "c.txt.gz", gzip.compress(GOOD_PAGE.encode()))
    write(tmp_path / "old.zip", _zip_bytes({"d.json": b"[]"}))
    c = ck.load_corpus(tmp_path, include=["*.json"], exclude=["old.zip"])
    assert list(c.docs["title"]) == ["ج"]
    why = dict(zip(c.report["member"].fillna(c.report["path"].map(lambda p: Path(p).name)),
                   c.report["reason"]))
    assert "include" in why["b.txt"] and "excluded" in why["old.zip"]



def _jsonl_lines(n: int = 5) -> list[bytes]:
    return [json.dumps({"title": f"خبر {i}", "text": f"{GOOD2} {i}"}, ensure_ascii=False).encode()
            for i in range(1, n + 1)]


def test_strict_refuses_damaged_lines_in_utf8_files_with_a_bom_and_in_utf16(tmp_path):
    raw = _jsonl_lines()
    raw[2] = raw[2].replace("خبر".encode(), b"\xff" + "خبر".encode()[1:], 1)   # line 3
    write(tmp_path / "bom" / "a.jsonl", codecs.BOM_UTF8 + b"\n".join(raw) + b"\n")
    c = ck.load_corpus(tmp_path / "bom")
    noted = c.report.dropna(subset=["note"])
    assert list(noted["record"]) == ["line 3"] and set(c.report["encoding"]) == {"utf-8"}
    with pytest.raises(RecordError, match="line 3"):
        ck.load_corpus(tmp_path / "bom", strict=True)
    text = "\n".join(ln.decode() for ln in _jsonl_lines()).replace("خبر 2", "خبر \ud800 2")
    write(tmp_path / "u16" / "a.jsonl", text.encode("utf-16", errors="surrogatepass"))
    assert len(ck.load_corpus(tmp_path / "u16")) == 5
    with pytest.raises(RecordError, match="line 2"):
        ck.load_corpus(tmp_path / "u16", strict=True)


def test_json_lines_saved_as_json_keep_the_damage_note_on_the_damaged_line(tmp_path):
    raw = _jsonl_lines()
    raw[3] = raw[3].replace("خبر".encode(), b"\xff" + "خبر".encode()[1:], 1)   # line 4
    write(tmp_path / "a.json", b"\n".join(raw) + b"\n")
    c = ck.load_corpus(tmp_path)
    assert len(c) == 5
    noted = c.report.dropna(subset=["note"])
    assert list(noted["record"]) == ["line 4"]
    with pytest.raises(RecordError, match="a.json"):
        ck.load_corpus(tmp_path, strict=True)


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
@pytest.mark.parametrize("pad", range(3))
def test_streamed_utf8_json_is_read_wherever_the_sniffed_head_cuts_a_character(tmp_path, bom, pad):
    # Arabic letters are two bytes: the padding moves the 64 KiB and 65,000-byte marks across them
    records = [{"title": f"خبر {i}", "text": f"{GOOD2} {i}"} for i in range(300)]
    data = bom + b" " * pad + json.dumps(records, ensure_ascii=False).encode()
    write(tmp_path / "a.json", data)
    c = ck.load_corpus(tmp_path, limits=ck.Limits(json_in_memory_bytes=10_000))
    assert len(c.report) == 300 and (c.report["status"] != "skipped").all()
    assert set(c.report["encoding"]) == {"utf-8"}
