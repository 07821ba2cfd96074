"""Every reader on real Arabic text: page scrapes (the seed), JSON, JSON Lines, CSV/TSV, Parquet,
SGML, HTML, archives, folders; dates and encodings."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import corpuskit as ck
from corpuskit.dates import date_from_filename, date_from_url, parse_date
from corpuskit.errors import SettingsError

SEED_TITLE = "القوات السورية تقتحم بالدبابات حي الإنشاءات في حمص"
SEED_SUBHEADINGS = ["الجيش السوري الحر", "اجتماعات للمعارضة بقطر", "تحرك دبلوماسي",
                    "وقف قتل الأطفال", "مبعوث أميركي للتشاور"]

ART = [
    {"title": "الجامعة العربية تعلق عضوية سوريا",
     "text": "قرر وزراء الخارجية العرب في القاهرة تعليق مشاركة الوفود السورية في اجتماعات الجامعة.\n\n"
             "وقال الأمين العام نبيل العربي إن القرار يهدف إلى حماية المدنيين."},
    {"title": "قصف عنيف على حي بابا عمرو في حمص",
     "text": "تعرض حي بابا عمرو لقصف مدفعي عنيف لليوم الخامس على التوالي.\n\n"
             "وأفاد ناشطون بسقوط عشرات القتلى والجرحى بين المدنيين."},
    {"title": "أنان يصل إلى دمشق لبحث خطة النقاط الست",
     "text": "وصل المبعوث الدولي العربي كوفي أنان إلى دمشق حيث يلتقي الرئيس بشار الأسد.\n\n"
             "وتنص خطته على وقف إطلاق النار وسحب الأسلحة الثقيلة من المدن."},
]


def write(path: Path, data: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


# ----------------------------------------------------------------------------- page scrapes
def test_seed_loads_with_title_subheadings_and_no_chrome(seed_path):
    corpus = ck.load_corpus(seed_path)
    assert len(corpus) == 1
    doc = corpus.docs.iloc[0]
    assert doc["title"] == SEED_TITLE
    assert doc["format"] == "page" and pd.isna(doc["date"])
    for chrome in ("Accessibility links", "XS", "SM", "MD", "LG"):
        assert chrome not in doc["text"].split("\n")
    paras = corpus.units("paragraph")
    assert paras["kind"].tolist()[0] == "title"
    assert paras.loc[paras["kind"] == "subheading", "text"].tolist() == SEED_SUBHEADINGS
    body = paras[paras["kind"] == "paragraph"]
    assert len(body) == 19
    assert body["text"].iloc[0].startswith("اقتحمت القوات السورية ليل الخميس الجمعة")
    assert body["text"].iloc[-1].startswith("كما سيلتقي المسؤول الأميركي")
    assert corpus.report["status"].tolist() == ["loaded"]


def test_page_chrome_repeated_within_a_source_is_removed(tmp_path):
    for i, art in enumerate(ART * 2):  # six pages of one site
        body = f"موقع الخبر اليوم\nالرئيسية | سياسة | اقتصاد\n\n{art['title']} {i}\n\n{art['text']}\n\n" \
               "شارك هذا الخبر\n\nحقوق النشر محفوظة لموقع الخبر اليوم"
        write(tmp_path / "khabar" / f"2012-02-1{i}-page.txt", body)
    corpus = ck.load_corpus(tmp_path)
    assert len(corpus) == 6
    assert set(corpus.docs["source"]) == {"khabar"}
    assert corpus.docs["title"].str.startswith(tuple(a["title"] for a in ART)).all()
    lines = {ln for t in corpus.docs["text"] for ln in t.split("\n\n")}
    assert not any(ln.startswith(("موقع الخبر اليوم", "الرئيسية", "شارك هذا", "حقوق النشر"))
                   for ln in lines)
    assert len(lines) == 6  # the two paragraphs of each of the three articles
    assert corpus.docs["date"].dt.strftime("%Y-%m-%d").tolist() == [
        f"2012-02-1{i}" for i in range(6)]


def test_page_dateline_in_arabic_is_parsed_and_removed(tmp_path):
    write(tmp_path / "p.txt", f"{ART[0]['title']}\n\nتاريخ النشر: ١٤ شباط ٢٠١٢\n\n{ART[0]['text']}")
    doc = ck.load_corpus(tmp_path).docs.iloc[0]
    assert doc["date"] == pd.Timestamp("2012-02-14")
    assert doc["date_raw"] == "تاريخ النشر: ١٤ شباط ٢٠١٢"
    assert "تاريخ النشر" not in doc["text"]


# ----------------------------------------------------------------------------- structured
def test_json_array_and_wrapped_object_recognize_common_fields(tmp_path):
    recs = [{"headline": a["title"], "body": a["text"], "published": "2012-02-10T23:30:00+03:00",
             "site": "outlet", "link": f"https://x.example/{i}", "writer": "سامر",
             "section": "politics", "tags": ["سوريا", "حمص"]} for i, a in enumerate(ART)]
    write(tmp_path / "a.json", json.dumps(recs, ensure_ascii=False))
    write(tmp_path / "b.json", json.dumps({"meta": {"n": 3}, "articles": recs[:1]},
                                          ensure_ascii=False))
    corpus = ck.load_corpus(tmp_path / "a.json", tmp_path / "b.json")
    d = corpus.docs
    assert len(d) == 4 and d["duplicate"].notna().sum() == 1  # b.json repeats record 1
    row = d.iloc[0]
    assert row["title"] == ART[0]["title"] and row["text"] == ART[0]["text"]
    assert row["date"] == pd.Timestamp("2012-02-10 23:30")  # local wall time kept
    assert (row["source"], row["url"], row["author"]) == ("outlet", "https://x.example/0", "سامر")
    assert row["section"] == "politics" and json.loads(row["tags"]) == ["سوريا", "حمص"]
    assert corpus.report["record"].tolist() == ["record 1", "record 2", "record 3", "record 1"]


def test_jsonl_csv_tsv_parquet_and_column_override(tmp_path):
    rows = [{"content": a["text"], "title": a["title"], "date": "10/02/2012", "outlet": "x"}
            for a in ART]
    write(tmp_path / "a.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    pd.DataFrame(rows).to_csv(tmp_path / "a.csv", index=False)
    pd.DataFrame(rows).to_csv(tmp_path / "a.tsv", index=False, sep="\t")
    pd.DataFrame(rows).to_parquet(tmp_path / "a.parquet")
    for name in ("a.jsonl", "a.csv", "a.tsv", "a.parquet"):
        c = ck.load_corpus(tmp_path / name)
        assert c.docs["text"].tolist() == [a["text"] for a in ART], name
        assert (c.docs["date"] == pd.Timestamp("2012-02-10")).all(), name
        assert set(c.docs["source"]) == {"x"}, name
    # an explicit mapping wins, and a wrong one names the fields there are
    odd = [{"matn": a["text"], "unwan": a["title"]} for a in ART]
    write(tmp_path / "odd" / "o.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in odd))
    c = ck.load_corpus(tmp_path / "odd", columns={"text": "matn", "title": "unwan"})
    assert c.docs["title"].tolist() == [a["title"] for a in ART]
    with pytest.raises(SettingsError, match="'matn'"):
        ck.load_corpus(tmp_path / "odd", columns={"text": "nass"})


def test_csv_with_quoted_newlines(tmp_path):
    df = pd.DataFrame([{"text": a["text"], "title": a["title"]} for a in ART])
    df.to_csv(tmp_path / "q.csv", index=False)  # texts hold "\n\n": quoted fields
    c = ck.load_corpus(tmp_path / "q.csv")
    assert c.docs["text"].tolist() == df["text"].tolist()


SGML = """<DOC id="MSH_ARB_20120210.0001" type="story" >
<HEADLINE>
قصف عنيف على حمص
</HEADLINE>
<DATELINE>
حمص (المشرق)
</DATELINE>
<TEXT>
<P>
تعرضت أحياء حمص لقصف عنيف &amp; متواصل
منذ فجر اليوم.
</P>
<P>
وقالت مصادر إن شركة م&ن للاتصالات أوقفت خدماتها.
</P>
</TEXT>
</DOC>
<DOC>
<DOCNO> CLEF_2012_0002 </DOCNO>
<URL>https://x.example/2</URL>
<SRC>wire</SRC>
<TITLE>وزراء الخارجية العرب يجتمعون في القاهرة</TITLE>
<DATE>2012-03-04</DATE>
<TEXT>
اجتمع وزراء الخارجية العرب في القاهرة لبحث الأزمة السورية.

وناقشوا مقترح إرسال بعثة مراقبين مشتركة.
</TEXT>
</DOC>
"""


def test_sgml_records_with_and_without_p_entities_and_stray_ampersand(tmp_path):
    write(tmp_path / "wire.txt", SGML)  # a .txt holding <DOC> records is SGML
    c = ck.load_corpus(tmp_path / "wire.txt")
    d = c.docs
    assert d["format"].tolist() == ["sgml", "sgml"]
    assert d["title"].tolist() == ["قصف عنيف على حمص", "وزراء الخارجية العرب يجتمعون في القاهرة"]
    assert d["text"].iloc[0] == ("تعرضت أحياء حمص لقصف عنيف & متواصل منذ فجر اليوم.\n\n"
                                 "وقالت مصادر إن شركة م&ن للاتصالات أوقفت خدماتها.")
    assert d["text"].iloc[1].split("\n\n")[1] == "وناقشوا مقترح إرسال بعثة مراقبين مشتركة."
    assert d["date"].tolist() == [pd.Timestamp("2012-02-10"), pd.Timestamp("2012-03-04")]
    assert d["docno"].tolist() == ["MSH_ARB_20120210.0001", "CLEF_2012_0002"]
    assert d["dateline"].iloc[0] == "حمص (المشرق)" and d["source"].iloc[1] == "wire"
    assert d["url"].iloc[1] == "https://x.example/2"
    assert c.report["record"].tolist() == ["DOC MSH_ARB_20120210.0001", "DOC CLEF_2012_0002"]


HTML = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | موقع</title><meta property="og:site_name" content="ufuq">
<meta property="article:published_time" content="2012-02-10T14:05:00+03:00">
<meta name="author" content="ليلى"><link rel="canonical" href="https://ufuq.example/a/1"></head>
<body><nav><a href="/">الرئيسية</a> <a href="/w">العالم</a></nav><article><h1>{title}</h1>
<p>{p1}</p><h2>تحرك دبلوماسي</h2><p>{p2}</p></article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/x">خبر آخر لا علاقة له</a></li></ul></aside>
<footer>© 2012 جميع الحقوق محفوظة</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    p1, p2 = ART[0]["text"].split("\n\n")
    write(tmp_path / "a.html", HTML.format(title=ART[0]["title"], p1=p1, p2=p2))
    d = ck.load_corpus(tmp_path).docs.iloc[0]
    assert d["title"] == ART[0]["title"]
    assert d["text"].split("\n\n") == [p1, "تحرك دبلوماسي", p2]
    assert (d["source"], d["author"], d["url"]) == ("ufuq", "ليلى", "https://ufuq.example/a/1")
    assert d["date"] == pd.Timestamp("2012-02-10 14:05")


# ----------------------------------------------------------------------------- archives, folders
def test_zip_tar_gz_and_nested_folders(tmp_path):
    pages = {f"outlet/2012-0{i + 1}-01.txt": f"{a['title']}\n\n{a['text']}"
             for i, a in enumerate(ART)}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in pages.items():
            zf.writestr(name, text)
    write(tmp_path / "in" / "a.zip", buf.getvalue())
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, text in pages.items():
            data = (text + "\n\nتحديث.").encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    write(tmp_path / "in" / "deep" / "b.tar.gz", buf.getvalue())
    write(tmp_path / "in" / "c.sgml.gz", gzip.compress(SGML.encode()))
    c = ck.load_corpus(tmp_path / "in")
    rep = c.report
    assert len(c) == 8
    assert rep["member"].notna().sum() == 6
    assert set(c.docs.loc[c.docs["format"] == "page", "source"]) == {"outlet"}
    assert c.docs["path"].str.contains(r"a\.zip!outlet/2012-01-01\.txt").any()
    assert (c.docs["format"] == "sgml").sum() == 2


def test_format_override(tmp_path):
    write(tmp_path / "x.dat", "\n".join(json.dumps({"text": a["text"]}, ensure_ascii=False)
                                        for a in ART))
    assert ck.load_corpus(tmp_path / "x.dat", format="jsonl").docs["format"].eq("jsonl").all()
    with pytest.raises(SettingsError, match="format='xml'"):
        ck.load_corpus(tmp_path, format="xml")


# ----------------------------------------------------------------------------- encodings, dates
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256",
                                      "iso-8859-6"])
def test_encodings_are_detected(tmp_path, encoding):
    text = f"{ART[1]['title']}\r\n\r\n{ART[1]['text'].replace(chr(10), chr(13) + chr(10))}"
    write(tmp_path / "p.txt", text, encoding=encoding)
    c = ck.load_corpus(tmp_path)
    assert c.docs["title"].iloc[0] == ART[1]["title"]
    assert c.docs["text"].iloc[0] == ART[1]["text"]  # CRLF gone, text intact
    assert "\r" not in c.docs["text"].iloc[0]


@pytest.mark.parametrize("value,expected", [
    ("2012-02-10T23:30:00+03:00", "2012-02-10 23:30"), ("2012-02-10T23:30:00Z", "2012-02-10 23:30"),
    ("10/02/2012", "2012-02-10"), ("١٠/٠٢/٢٠١٢", "2012-02-10"), ("20120210", "2012-02-10"),
    ("الجمعة 10 شباط 2012", "2012-02-10"), ("10 شباط/فبراير 2012", "2012-02-10"),
    ("3 كانون الثاني 2012", "2012-01-03"), ("٣ تشرين الأول ٢٠١١", "2011-10-03"),
    ("21 أغسطس 2013", "2013-08-21"), ("21 أوت 2013", "2013-08-21"), ("5 جويلية 2012", "2012-07-05"),
    ("الأحد 1 جانفي 2012", "2012-01-01"), ("Feb 10, 2012", "2012-02-10"),
    ("2015-07-21 02:51:32", "2015-07-21 02:51:32"), (1328832000, "2012-02-10"),
])
def test_parse_date(value, expected):
    assert parse_date(value) == pd.Timestamp(expected)


@pytest.mark.parametrize("value", [None, "", "قبل ساعة", "31/02/2012", "n/a"])
def test_unparseable_dates_stay_null(value):
    assert parse_date(value) is None


def test_dates_in_file_names():
    assert date_from_filename("sada_20120214_0007.txt") == pd.Timestamp("2012-02-14")
    assert date_from_filename("2012-02-14-homs.txt") == pd.Timestamp("2012-02-14")
    assert date_from_filename("article-0007.txt") is None


@pytest.mark.parametrize("url, expected", [
    # WordPress-style /YYYY/MM/DD/ with a percent-encoded Arabic slug (arabicpost.live)
    ("https://arabicpost.live/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/2023/10/14/%d9%84%d8%a8%d9%86%d8%a7%d9%86",
     "2023-10-14"),
    ("https://www.aljazeera.net/news/2012/2/10/حمص-قصف", "2012-02-10"),      # one-digit month, day
    ("https://example.com/news/2015-03-12-aleppo-talks", "2015-03-12"),
    ("https://example.com/ar/20150312/", "2015-03-12"),
    ("https://example.com/2015/03/12.html", "2015-03-12"),
    ("https://example.com/2015/03/", None),                  # a month, no day
    ("https://example.com/article?id=20150312", None),       # numbers in the query are ids
    ("https://20150312.example.com/a", None),                # nor in the host
    ("https://example.com/2015/02/30/homs", None),           # no such day
    ("https://example.com/archive/2015031234", None),        # part of a longer number
    ("http://[::1", None), ("", None), (None, None),
])
def test_dates_in_page_addresses(url, expected):
    got = date_from_url(url)
    assert got == (pd.Timestamp(expected) if expected else None)


def test_records_without_a_date_are_dated_by_their_address(tmp_path):
    """A JSON export with urls and no date field (common for scraped pages): the day in the url
    dates the record, says so in date_field, and a record's own date always wins."""
    recs = [dict(ART[0], url="https://arabicpost.live/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/2011/11/12/x"),
            dict(ART[1], url="https://example.com/news/2012-02-09-homs",
                 date="2012-02-10"),                                   # its own date wins
            dict(ART[2], url="https://example.com/news/annan-damascus")]  # nothing to read
    write(tmp_path / "export.json", json.dumps(recs, ensure_ascii=False))
    corpus = ck.load_corpus(tmp_path, progress=False)
    d = corpus.docs.set_index("title")
    a, b, c = (d.loc[r["title"]] for r in recs)
    assert a["date"] == pd.Timestamp("2011-11-12") and a["date_field"] == "url"
    assert a["date_raw"] == recs[0]["url"] and a["date_kind"] == "published"
    assert b["date"] == pd.Timestamp("2012-02-10") and b["date_field"] == "date"
    assert pd.isna(c["date"]) and pd.isna(c["date_field"])
    origins = corpus.date_origins().set_index("date_field")["documents"]
    assert origins.to_dict() == {"url": 1, "date": 1, "(none)": 1}
    assert "1 dates come from the pages' addresses (date_field 'url'), their records having " \
           "none" in corpus.date_notes()
    assert corpus.provenance["settings"]["url_dates"] is True
    off = ck.load_corpus(tmp_path, progress=False, url_dates=False).docs.set_index("title")
    assert pd.isna(off.loc[recs[0]["title"], "date"])
    assert off.loc[recs[1]["title"], "date"] == pd.Timestamp("2012-02-10")
    # a corpus on disk reads the same dates
    disk = ck.load_corpus(tmp_path, progress=False, out=tmp_path / "disk", engine="serial")
    assert disk.docs.set_index("title").loc[recs[0]["title"], "date"] == pd.Timestamp("2011-11-12")
