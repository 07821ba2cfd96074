"""Bad input: every case gives a reported skip (or, with strict=True, an error naming file and
place); nothing crashes, and everything readable next to it still loads."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest

import corpuskit as ck
from corpuskit.errors import InputError, RecordError

GOOD = "قال المرصد السوري لحقوق الإنسان إن القصف على حمص أوقع عشرات القتلى.\n\n" \
       "وأضاف أن الدبابات دخلت حي الإنشاءات فجر اليوم."
GOOD2 = "اجتمع وزراء الخارجية العرب في القاهرة لبحث المبادرة العربية.\n\n" \
        "وأكد الأمين العام أن بعثة المراقبين ستصل إلى دمشق قريبا."


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def load_with_good_neighbour(tmp_path: Path, **kw):
    write(tmp_path / "good.txt", f"عنوان صالح عن حمص\n\n{GOOD}")
    return ck.load_corpus(tmp_path, **kw)


def skipped(corpus) -> list[tuple[str, str | None, str]]:
    rep = corpus.report[corpus.report["status"] == "skipped"]
    return [(Path(p).name, r, why) for p, r, why in zip(rep["path"], rep["record"], rep["reason"])]


def test_windows_1256_and_utf16_files_load(tmp_path):
    write(tmp_path / "old.txt", f"خبر قديم\r\n\r\n{GOOD}".encode("cp1256"))
    write(tmp_path / "u16.txt", f"خبر آخر\n\n{GOOD2}".encode("utf-16"))
    c = ck.load_corpus(tmp_path)
    assert sorted(c.docs["title"]) == ["خبر آخر", "خبر قديم"]
    assert dict(zip(c.report["path"].map(lambda p: Path(p).name), c.report["encoding"])) == {
        "old.txt": "cp1256", "u16.txt": "utf-16"}


def test_truncated_jsonl_keeps_every_complete_record(tmp_path):
    lines = [json.dumps({"title": f"خبر {i}", "text": t}, ensure_ascii=False)
             for i, t in enumerate([GOOD, GOOD2, GOOD + " تحديث."])]
    lines[-1] = lines[-1][: len(lines[-1]) // 2]
    write(tmp_path / "cut.jsonl", "\n".join(lines) + "\n")
    c = ck.load_corpus(tmp_path)
    assert c.docs["title"].tolist() == ["خبر 0", "خبر 1"]
    [(name, where, why)] = skipped(c)
    assert (name, where) == ("cut.jsonl", "line 3") and why.startswith("truncated JSON record")
    with pytest.raises(RecordError, match=r"cut\.jsonl line 3: truncated JSON record"):
        ck.load_corpus(tmp_path, strict=True)


def test_json_array_with_non_object_element(tmp_path):
    write(tmp_path / "a.json", json.dumps([{"text": GOOD}, "نص ضائع", 42, {"text": GOOD2}],
                                          ensure_ascii=False))
    c = ck.load_corpus(tmp_path)
    assert len(c) == 2
    assert skipped(c) == [("a.json", "record 2", "malformed record: a JSON str, not an object"),
                          ("a.json", "record 3", "malformed record: a JSON int, not an object")]
    with pytest.raises(RecordError, match=r"a\.json record 2: malformed record"):
        ck.load_corpus(tmp_path, strict=True)


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.json", b"  \n\n ", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file"),
    ("noise.bin", bytes(range(256)) * 16, "binary file"),
    ("english.txt", b"Syria talks\n\nDiplomats met in Geneva on Friday to discuss a ceasefire.",
     "not Arabic"),
    ("record.json", json.dumps([{"text": ""}, {"title": "x"}]).encode(), "empty text"),
])
def test_unreadable_files_are_reported_and_neighbours_load(tmp_path, name, data, reason):
    write(tmp_path / name, data)
    c = load_with_good_neighbour(tmp_path)
    assert c.docs["title"].tolist() == ["عنوان صالح عن حمص"]
    reasons = [why for n, _, why in skipped(c) if n == name]
    assert reasons and all(why.startswith(reason) for why in reasons), reasons
    with pytest.raises(RecordError, match=name.replace(".", r"\.")):
        load_with_good_neighbour(tmp_path, strict=True)


def test_sgml_with_unclosed_doc(tmp_path):
    sgml = (f"<DOC>\n<DOCNO>A1</DOCNO>\n<TEXT>\n{GOOD}\n</TEXT>\n</DOC>\n"
            f"<DOC>\n<DOCNO>A2</DOCNO>\n<TEXT>\n{GOOD2}\n</TEXT>\n"      # never closed
            f"<DOC>\n<DOCNO>A3</DOCNO>\n<TEXT>\n{GOOD} ثالث.\n</TEXT>\n</DOC>\n"
            f"<DOC>\n<DOCNO>A4</DOCNO>\n<TEXT>\n{GOOD2} رابع.")              # cut at the end
    write(tmp_path / "wire.sgml", sgml)
    c = ck.load_corpus(tmp_path)
    assert c.docs["docno"].tolist() == ["A1", "A3"]
    assert skipped(c) == [
        ("wire.sgml", "DOC A2 (line 9)", "unclosed <DOC> (no </DOC> before the next <DOC>)"),
        ("wire.sgml", "DOC A4 (line 24)", "unclosed <DOC> (no </DOC> before the end of the file)")]
    with pytest.raises(RecordError, match=r"wire\.sgml DOC A2 \(line 9\): unclosed <DOC>"):
        ck.load_corpus(tmp_path, strict=True)


def test_archive_member_escaping_its_folder_is_skipped(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("news/ok.txt", f"خبر سليم\n\n{GOOD}")
        zf.writestr("../evil.txt", f"خبر خارج المجلد\n\n{GOOD2}")
        zf.writestr("/etc/abs.txt", f"مسار مطلق\n\n{GOOD2}")
    write(tmp_path / "a.zip", buf.getvalue())
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        data = f"خبر في أرشيف\n\n{GOOD2}".encode()
        for name in ("ok/t.txt", "ok/../../up.txt"):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("ok/link.txt")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tf.addfile(link)
    write(tmp_path / "b.tar", buf.getvalue())
    c = ck.load_corpus(tmp_path)
    assert sorted(c.docs["title"]) == ["خبر سليم", "خبر في أرشيف"]
    rep = c.report[c.report["status"] == "skipped"].set_index("member")["reason"]
    assert rep["../evil.txt"].startswith("unsafe archive member '../evil.txt': path escapes")
    assert rep["/etc/abs.txt"].startswith("unsafe archive member '/etc/abs.txt': absolute path")
    assert rep["ok/../../up.txt"].startswith("unsafe archive member")
    assert "link or device" in rep["ok/link.txt"]
    assert not (tmp_path.parent / "evil.txt").exists()
    with pytest.raises(RecordError, match=r"a\.zip!\.\./evil\.txt: unsafe archive member"):
        ck.load_corpus(tmp_path, strict=True)


def test_missing_path_and_nothing_readable_are_clear_errors(tmp_path):
    with pytest.raises(InputError, match="no-such-folder: no such file or folder"):
        ck.load_corpus(tmp_path / "no-such-folder")
    write(tmp_path / "only" / "english.txt", "Only English here, nothing Arabic at all.")
    with pytest.raises(InputError, match=r"(?s)nothing readable.*english\.txt: not Arabic"):
        ck.load_corpus(tmp_path / "only")
    # the same to a corpus on disk: its report rows come back from Parquet, where a missing
    # member or record is NaN, not None; the message is still made, and nothing is left behind
    write(tmp_path / "only" / "BUILT", "")
    with pytest.raises(InputError, match=r"nothing readable.*2 files or records") as err:
        ck.load_corpus(tmp_path / "only", out=tmp_path / "disk")
    assert "BUILT: empty file" in str(err.value) and "english.txt: not Arabic" in str(err.value)
    assert not (tmp_path / "disk").exists()
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no files found"):
        ck.load_corpus(tmp_path / "empty")
    with pytest.raises(InputError, match="no input paths"):
        ck.load_corpus()


def test_hidden_files_are_passed_over_and_reported(tmp_path):
    write(tmp_path / ".DS_Store", b"\x00\x01junk")
    write(tmp_path / ".git" / "config", "[core]")
    c = load_with_good_neighbour(tmp_path)
    rep = c.report.set_index(c.report["path"].map(lambda p: Path(p).name))
    assert rep.loc[".DS_Store", "status"] == "passed over"
    assert rep.loc[".git", "status"] == "passed over"
    assert len(c) == 1


def test_a_list_of_paths_loads_as_the_paths_and_a_non_path_is_named(tmp_path):
    """load_corpus(["a.txt", "b.txt"]) (as pandas users pass files) reads both files; a value
    that is no path is a clear error naming it, not a TypeError from inside pathlib."""
    from corpuskit.errors import SettingsError

    a = write(tmp_path / "a.txt", f"عنوان عن حمص\n\n{GOOD}")
    b = write(tmp_path / "b.txt", f"عنوان عن القاهرة\n\n{GOOD2}")
    listed = ck.load_corpus([a, str(b)], progress=False)
    assert listed.docs["text"].tolist() == ck.load_corpus(a, b, progress=False).docs["text"].tolist()
    assert len(listed) == 2
    with pytest.raises(SettingsError, match="got int 3"):
        ck.load_corpus(a, 3, progress=False)
