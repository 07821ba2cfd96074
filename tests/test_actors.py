"""Actors (issue 8): dictionary matching, the gazetteer, find_actors on the seed and real Arabic,
co-occurrence weights on hand-computed examples, networks, the CLI, and the hand-annotated check."""

from __future__ import annotations

import math
import re

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuskit as ck
from corpuskit.actors import load_gazetteer
from corpuskit.actors.evaluate import evaluate_mentions, load_mention_annotations
from corpuskit.errors import InputError, SettingsError
from corpuskit.matching import TOKEN, Dictionary, Tokens, clitic_forms

from .conftest import ROOT, SAMPLE, SEED

ANN = ROOT / "data" / "annotations"


def docs(*texts: str, dates=None) -> ck.Corpus:
    d = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "title": None,
                      "text": list(texts),
                      "date": pd.to_datetime(dates) if dates else pd.NaT, "source": "x"})
    return ck.Corpus(d)


def found(*texts: str, dates=None) -> tuple[pd.DataFrame, set[tuple[str, str]]]:
    """find_actors on documents d0, d1 ... and the (doc_id, actor_id) pairs it found."""
    m = ck.find_actors(docs(*texts, dates=dates))
    return m, set(zip(m["doc_id"], m["actor_id"]))


# ------------------------------------------------------------------ matching


def test_the_longest_glob_prefix_wins_with_or_without_clitics():
    d = Dictionary([("تفاوض*", "talks"), ("تفاوضي*", "negotiating")], strip_article=True)
    for text in ("تفاوضية", "الجولة التفاوضية", "والتفاوضيين"):
        assert [m.payloads for m in d.finditer(text)] == [("negotiating",)], text
    for text in ("تفاوض", "والتفاوض", "مفاوضات تفاوضات"):
        assert [m.payloads for m in d.finditer(text)][-1:] == [("talks",)], text
    assert d.payloads("بدأت الجولة التفاوضية") == [("negotiating",)]


def test_clitics_longest_match_and_offsets():
    d = Dictionary([("الجيش السوري", "army"), ("الجيش السوري الحر", "fsa"),
                    ("الأمم المتحدة", "un"), ("لبنان", "lb"), ("الأسد", "assad")])
    text = "قال الجيش السوري الحر إن الجيش السوري قصف، وللأمم المتحدة رأي، والأسد وللبنان وبالأمم المتحدة"
    found = [(text[m.start:m.end], m.payloads[0]) for m in d.finditer(text)]
    assert found == [("الجيش السوري الحر", "fsa"), ("الجيش السوري", "army"),
                     ("وللأمم المتحدة", "un"), ("والأسد", "assad"), ("وللبنان", "lb"),
                     ("وبالأمم المتحدة", "un")]


def test_tokens_from_one_split_are_the_regex_words_with_their_offsets():
    """The matcher's tokens (one split of the text and a running sum of lengths) are the words
    the token pattern finds, at the same offsets, on the seed article (harakat, tatweel,
    Latin, digits, punctuation) and at the edges; matching on them gives the matches that
    tokens passed as tuples give."""
    seed = SEED.read_text(encoding="utf-8")
    # the token pattern as first written, before its quantifiers were made possessive
    marks = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"
    plain = re.compile(f"[^\\W_]+(?:[{marks}][^\\W_]*)*|[{marks}]+[^\\W_]+")
    for text in (seed, "", " ، ", "ـالأسدُ", "قَطَر_قطر 5+1 «داعش»", seed[:1000] + "x",
                 "ًبًت ً ـ بـ ـــ قُوَّاتُ النِّظَامِ ـالجيشُ ٰ_الأمم"):
        want = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
        assert want == [(m.start(), m.end(), m.group(0)) for m in plain.finditer(text)]
        toks = Tokens(text)
        assert list(toks) == want and len(toks) == len(want)
        assert [toks[i] for i in range(len(toks))] == want and toks[2:5] == want[2:5]
        assert all(text[a:b] == w for a, b, w in toks)
    gaz = load_gazetteer()
    from corpuskit.actors.mentions import dictionary_for

    d = dictionary_for(gaz)
    assert len(Tokens(seed)) > 400
    assert [(m.start, m.end, m.payloads) for m in d.finditer(seed, Tokens(seed))] == \
        [(m.start, m.end, m.payloads) for m in d.finditer(seed, d.tokens(seed))] != []


_EDGE_TEXTS = ("", " ، ", "ـالأسدُ", "قَطَر_قطر 5+1 «داعش»", "ًبًت ً ـ بـ ـــ قُوَّاتُ النِّظَامِ ـالجيشُ ٰ_الأمم",
               "َكتبُوا x", "حمص 😀 قصف", "𝐀𝐁 درعا", "a\u0300b\u00a0c\u2028د", "\x00قطر\x00", "۱۲ ١٢ 12")


def _as_lists(toks: Tokens) -> tuple[list, list, list]:
    return toks.words, toks.starts, toks.ends


def test_tokens_made_in_batch_are_each_texts_tokens():
    """Tokens.batch (one NumPy pass over a batch of texts) gives every text the words and
    offsets Tokens(text) gives: on the seed and the sample corpus, and on the edges the regex
    reads in its own way (a word that begins with a haraka, tatweel, characters beyond U+FFFF,
    NUL, marks that are not Arabic); a batch with a lone surrogate falls back to the regex."""
    seed = SEED.read_text(encoding="utf-8")
    sample = ck.load_corpus(SAMPLE, progress=False).docs["text"].tolist()
    texts = [seed, *sample, *_EDGE_TEXTS]
    batch = Tokens.batch(texts)
    assert len(batch) == len(texts)
    assert [_as_lists(t) for t in batch] == [_as_lists(Tokens(t)) for t in texts]
    assert sum(len(t) for t in batch) > 20_000
    odd = ["قال \ud800 الأسد", "حمص"]
    assert [_as_lists(t) for t in Tokens.batch(odd)] == [_as_lists(Tokens(t)) for t in odd]
    assert [_as_lists(t) for t in Tokens.batch(["درعا"])] == [_as_lists(Tokens("درعا"))]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(
    list("قطرالأسدحمصوبـ") + ["\u064e", "\u0651", "\u0670", "\u06e5", "\u0300", " ", "،", ".",
                               "_", "5", "٣", "x", "\n", "\x00", "😀", "𝐀", "«", "-"])),
    min_size=2, max_size=6))
def test_tokens_in_batch_equal_the_regex_on_any_text(texts):
    assert [_as_lists(t) for t in Tokens.batch(texts)] == [_as_lists(Tokens(t)) for t in texts]


def test_words_learnt_in_one_pass_get_the_forms_they_get_one_by_one():
    """``learn`` normalizes a batch's new words as one string and gives each its clitic forms
    and whether it may start an entry: the same as looking each word up alone, for a
    gazetteer and for a lexicon with globs (the forms without the article too)."""
    seed = SEED.read_text(encoding="utf-8")
    words = [w for t in [seed, *_EDGE_TEXTS] for w in Tokens(t).words] + ["إلى", "للأمم", "ٱلأمم"]
    entries = [(f, i) for i, f in enumerate(load_gazetteer().entries["form"])]
    for make in (lambda: Dictionary(entries),
                 lambda: Dictionary([("تفاوض*", 1), ("قصف", 2), ("الأمم المتحدة", 3)],
                                    strip_article=True)):
        one, batch = make(), make()
        for w in words:
            one._forms(w)
        assert batch.learn(iter(words)) is True
        assert batch._cache == one._cache and batch._starters == one._starters
        assert len(batch._starters) > 5


def test_start_words_found_by_sets_with_a_full_cache_and_after_new_entries(monkeypatch):
    """The words that may start an entry are picked out by set operations over a text's
    distinct words, the cached ones through the dictionary's set of starters; words left out of
    a full cache, and words first seen before an entry that they start was added, still start
    matches: the seed matches the same with a cache of any size."""
    import corpuskit.matching as matching

    seed = SEED.read_text(encoding="utf-8")
    entries = [(f, i) for i, f in enumerate(load_gazetteer().entries["form"])]
    want = [(m.start, m.end, m.payloads) for m in Dictionary(entries).finditer(seed)]
    assert len(want) > 40
    for size in (0, 50):   # nothing cached; the cache full after 50 words
        monkeypatch.setattr(matching, "_CACHE_WORDS", size)
        d = Dictionary(entries)
        assert [(m.start, m.end, m.payloads) for m in d.finditer(seed)] == want
        assert len(d._cache) == size and [p for p in d.payloads(seed)] == [w[2] for w in want]
    monkeypatch.undo()
    d = Dictionary([("قطر", "qatar")])
    assert [m.payloads for m in d.finditer("وزير خارجية قطر")] == [("qatar",)]
    d.add("وزير خارجية قطر", "hbj")   # a word already seen now starts an entry
    assert [m.payloads for m in d.finditer("وزير خارجية قطر")] == [("hbj",)]
    assert [m.payloads for m in d.finditer("تبرعت قطر للنازحين")] == [("qatar",)]
    d.add("قطر الخيرية", "qc")   # a word walked from before leads further now
    assert [m.payloads for m in d.finditer("تبرعت قطر الخيرية للنازحين")] == [("qc",)]


def test_learnt_words_match_as_the_set_path_and_a_full_cache_is_reported(monkeypatch):
    """Words learnt for a batch of texts (``learn``) are matched by one membership test per
    word; the matches are those of the usual path on the seed. A cache too small for the
    batch makes ``learn`` say so (False), and find_actors then matches as usual: the seed's
    mentions are the same with a cache of 30 words."""
    import corpuskit.matching as matching

    seed = SEED.read_text(encoding="utf-8")
    entries = [(f, i) for i, f in enumerate(load_gazetteer().entries["form"])]
    want = [(m.start, m.end, m.payloads) for m in Dictionary(entries).finditer(seed)]
    d = Dictionary(entries)
    toks = Tokens(seed)
    assert d.learn(toks.words) is True
    assert [(m.start, m.end, m.payloads) for m in d.finditer(seed, toks, learned=True)] == want
    corpus = ck.Corpus(pd.DataFrame({"doc_id": ["seed"], "title": ["حمص"], "text": [seed]}))
    full = ck.find_actors(corpus, load_gazetteer())
    assert len(full) > 40
    monkeypatch.setattr(matching, "_CACHE_WORDS", 30)
    small = Dictionary(entries)
    assert small.learn(toks.words) is False and len(small._cache) == 30
    pd.testing.assert_frame_equal(ck.find_actors(corpus, load_gazetteer()), full)


def test_resolution_tables_follow_a_gazetteer_whose_tables_are_replaced():
    """What resolution needs from a gazetteer is made once per gazetteer, and again when its
    actors or entries are replaced: a renamed actor is reported under its new name."""
    corpus = corpus_of_one("قال وزير الخارجية إن روسيا وقطر بحثتا الأزمة")
    g = load_gazetteer()
    assert "Qatar" in set(ck.find_actors(corpus, g)["name"])
    actors = g.actors.copy()
    actors.loc[actors["actor_id"] == "state_qatar", "name_en"] = "State of Qatar"
    g.actors = actors
    names = set(ck.find_actors(corpus, g)["name"])
    assert "State of Qatar" in names and "Qatar" not in names


def test_a_long_name_seen_again_elsewhere_gives_its_inner_antecedents_at_their_place():
    """Antecedents named inside a long match are worked out once per name and placed at each
    occurrence's own token: the same mission named at different points of two documents lets
    each document's later الجامعة refer back to the Arab League."""
    one = ("في يوم الثلاثاء وبعد أسابيع من الانتظار الطويل في المدن والبلدات المحاصرة وصلت "
           "بعثة مراقبي جامعة الدول العربية. وقال ناشطون إن الجامعة لم ترد.")
    two = "بعثة مراقبي جامعة الدول العربية في حمص. وقالت الجامعة إنها ملتزمة."
    m = ck.find_actors(docs(one, two, dates=["2011-12-27", "2011-12-28"]))
    got = m[m["resolved_by"] == "definite description"]
    assert list(got["doc_id"]) == ["d0", "d1"]
    assert set(got["actor_id"]) == {"igo_arab_league"}
    assert list(got["surface"]) == ["الجامعة", "الجامعة"]


def test_never_inside_a_longer_word_and_diacritics_do_not_hide_a_name():
    d = Dictionary([("قطر", "qatar"), ("إيران", "iran")])
    text = "قطرات المطر في قطري، ووصل إلى قَطَر وفد من إِيرانَ"
    found = [text[m.start:m.end] for m in d.finditer(text)]
    assert found == ["قَطَر", "إِيرانَ"]


def test_clitic_forms_read_lam_lam_both_ways():
    assert "الامم" in clitic_forms("للامم") and "لبنان" in clitic_forms("للبنان")
    assert clitic_forms("مفاوضات") == ("مفاوضات",)
    assert "مفاوضات" in clitic_forms("والمفاوضات", strip_article=True)


def test_globs_and_bad_entries():
    d = Dictionary([("قصف*", "shelling"), ("مضاد طائرات", "aa")], strip_article=True)
    text = "تواصل القصف وقصفت الطائرات بصاروخ مضاد للطائرات"
    assert [text[m.start:m.end] for m in d.finditer(text)] == ["القصف", "وقصفت",
                                                              "مضاد للطائرات"]
    with pytest.raises(SettingsError, match="only end the last word"):
        Dictionary([("قص* الطائرات", 1)])
    with pytest.raises(SettingsError, match="no words"):
        Dictionary([("  ،  ", 1)])


# ------------------------------------------------------------------ gazetteer

def test_bundled_gazetteer_is_clean_and_large():
    g = load_gazetteer()
    assert len(g.actors) >= 300 and g.problems.empty
    assert set(g.actors["type"]) <= set(ck.actors.ACTOR_TYPES)
    assert g.actors["actor_id"].is_unique


def test_bad_gazetteer_rows_are_reported_with_file_and_line(tmp_path):
    csv = tmp_path / "mine.csv"
    csv.write_text(
        "id,name_ar,name_en,type,country,variants,short_forms,metonyms,roles,notes\n"
        "me_a,ألف,A,person,SYR,ألف|,,,,\n"                       # line 2: empty variant
        ",باء,B,person,SYR,باء,,,,\n"                            # line 3: missing id
        "me_c,جيم,C,wizard,SYR,جيم,,,,\n"                         # line 4: unknown type
        "me_d,دال,D,person,SYR,دال,,,رئيس@2012-13-01/,\n"         # line 5: bad date
        "me_e,هاء,E,person,SYR,قطر,,,,\n"                          # line 6: Qatar's form
        "me_e,هاء,E,person,SYR,هاء,,,,\n",                         # line 7: duplicate id
        encoding="utf-8")
    g = load_gazetteer(csv)
    probs = g.problems[g.problems["file"] == str(csv)].set_index("line")["problem"]
    assert "empty form" in probs[2] and "missing id" in probs[3]
    assert "unknown type" in probs[4] and "real date" in probs[5]
    assert "also state_qatar" in probs[6] and "duplicate id" in probs[7]
    with pytest.raises(SettingsError, match="6 bad rows"):
        load_gazetteer(csv, strict=True)


def test_unreadable_or_empty_gazetteers_are_clear_errors_naming_the_file(tmp_path):
    header = "id,name_ar,name_en,type,country,variants,short_forms,metonyms,roles,notes\n"
    empty = tmp_path / "empty.csv"
    empty.write_text(header, encoding="utf-8")
    all_bad = tmp_path / "bad.csv"
    all_bad.write_text(header + ",باء,B,person,SYR,باء,,,,\n", encoding="utf-8")
    for path in (empty, all_bad):
        with pytest.raises(InputError, match=f"{path.name}.*no usable actor rows"):
            load_gazetteer(path, extend=False)
    huge = tmp_path / "huge.csv"
    huge.write_text(header + "me_a,ألف,A,person,SYR,\"" + "ا" * 200_000 + "\",,,,\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match="huge.csv line"):
        load_gazetteer(huge)


def test_a_filtered_gazetteer_is_matched_with_its_own_rows():
    text = corpus_of_one("قال وزير الخارجية إن روسيا وقطر بحثتا الأزمة")
    g = load_gazetteer()
    before = set(ck.find_actors(text, g)["actor_id"])
    assert {"state_russia", "state_qatar"} <= before
    g.entries = g.entries[g.entries["actor_id"] != "state_russia"].reset_index(drop=True)
    after = ck.find_actors(text, g)
    assert "state_russia" not in set(after["actor_id"]) and "state_qatar" in set(after["actor_id"])
    # every mention's surface is one of its actor's forms in the current table
    forms = g.entries.groupby("actor_id")["form"].apply(set)
    assert all(a in forms.index for a in after["actor_id"])


def corpus_of_one(text: str) -> ck.Corpus:
    return ck.Corpus(pd.DataFrame({"doc_id": ["d0"], "title": None, "text": [text],
                                   "date": pd.NaT, "source": "x"}))


def test_roles_resolve_by_date_and_stay_roles_when_undated():
    text = "قال الأمين العام للأمم المتحدة إن الوضع خطير"
    c = docs(text, text, text, dates=["2012-03-01", "2018-03-01", None])
    m = ck.find_actors(c)
    by = dict(zip(m["doc_id"], zip(m["actor_id"], m["resolved_by"])))
    assert by["d0"] == ("int_ban_ki_moon", "role at date")
    assert by["d1"] == ("int_guterres_antonio", "role at date")
    assert by["d2"] == ("role:الأمين العام للأمم المتحدة", "role (undated)")


def test_short_forms_need_a_full_mention_or_their_rule():
    c = docs("قال النعيمي إن الهجوم وشيك",
             "قال الرائد ماهر النعيمي إن الهجوم وشيك. وأضاف النعيمي أن القوات تتقدم",
             "قال الأسد إن الحرب طويلة", "قالت دمشق إن الأسد باق")
    m = ck.find_actors(c)
    assert "d0" not in set(m["doc_id"])  # a surname alone: not enough
    d1 = m[m["doc_id"] == "d1"]
    assert list(d1["resolved_by"]) == ["variant", "short form"]
    assert set(d1["actor_id"]) == {"syr_nuaimi_maher"}
    assert "d2" not in set(m["doc_id"])  # no Syria in the document: الأسد is not resolved
    d3 = m[m["doc_id"] == "d3"]
    assert list(d3["actor_id"]) == ["state_syria", "syr_assad_bashar"]  # {country} rule


def test_empty_documents_and_units_give_no_mentions():
    c = docs("", "   ", "نص بلا أسماء")
    m = ck.find_actors(c)
    assert m.empty and list(m.columns)[:len(ck.actors.MENTION_COLUMNS)] == ck.actors.MENTION_COLUMNS


def test_a_corpus_with_no_documents_gives_an_empty_table_with_its_metadata():
    # a frame of no rows whose date column was filled from a scalar: pandas types its empty
    # doc_id as float, which the metadata join used to refuse (ValueError from pandas' merge)
    c = ck.Corpus(pd.DataFrame({"doc_id": [], "text": [], "date": pd.NaT}))
    m = ck.find_actors(c)
    assert m.empty and "date" in m.columns
    assert ck.cooccurrence(m, unit="sentence").empty


# ------------------------------------------------------------------ the seed

SEED_ACTORS = {
    "syr_army": "Syrian forces", "ngo_sohr": "SOHR", "ngo_sohr_abdulrahman_rami": "Rami Abdulrahman",
    "media_afp": "AFP", "syr_fsa": "Free Syrian Army", "syr_nuaimi_maher": "Maher al-Nuaimi",
    "media_reuters": "Reuters", "syr_assad_bashar": "Assad", "syr_sheikh_mustafa": "Mustafa al-Sheikh",
    "syr_snc": "Syrian National Council", "state_qatar": "Qatar",
    "igo_un_security_council": "Security Council", "igo_un": "UN", "igo_arab_league": "Arab League",
    "int_nesirky_martin": "Martin Nesirky", "usa_state_dept": "US State Department",
    "int_feltman_jeffrey": "Jeffrey Feltman", "state_morocco": "Morocco", "state_france": "France",
    "state_bahrain": "Bahrain", "qat_hbj": "Hamad bin Jassim", "state_turkey": "Turkey"}


def test_the_seed_article_names_every_actor_and_nothing_else():
    c = ck.load_corpus(SEED.parent)
    m = ck.find_actors(c)
    assert set(SEED_ACTORS) <= set(m["actor_id"])
    allowed = {"state", "government", "military", "security", "armed_group", "political_org",
               "igo", "ngo", "person", "media", "place", "role"}
    assert set(m["type"]) <= allowed
    text = c.docs.set_index("doc_id")
    for r in m.itertuples():
        assert text.at[r.doc_id, r.field][r.start:r.end] == r.surface


def test_offsets_point_at_the_original_characters_on_real_news(saudinewsnet_dir):
    import json

    arts = json.loads((saudinewsnet_dir / "2015-07-22.json").read_text(encoding="utf-8"))[:300]
    c = ck.Corpus(pd.DataFrame({"doc_id": [f"a{i}" for i in range(len(arts))],
                                "title": [a["title"] for a in arts],
                                "text": [a["content"] or "" for a in arts]}))
    m = ck.find_actors(c, unit="paragraph")
    assert len(m) > 500
    text = c.docs.set_index("doc_id")
    bad = [r for r in m.itertuples() if text.at[r.doc_id, r.field][r.start:r.end] != r.surface]
    assert not bad
    assert {"ye_houthis", "state_yemen", "state_iran"} & set(m["actor_id"]) or \
        m["country"].isin(["YEM", "IRN", "SAU"]).any()


# ------------------------------------------------------------------ co-occurrence

def _toy_mentions() -> pd.DataFrame:
    # 4 sentences (units) in 2 documents; actors A, B, C:
    # s1: A B   s2: A B C   s3: A   s4: C   -> n_A=3, n_B=2, n_C=2, n_AB=2, n_AC=1, n_BC=1, N=4
    rows = []
    for unit, doc, first, actors in (("s1", "d1", 0, "AB"), ("s2", "d1", 10, "ABC"),
                                     ("s3", "d2", 0, "A"), ("s4", "d2", 5, "C")):
        for k, a in enumerate(actors):  # token: the word position in the document
            rows.append({"doc_id": doc, "unit_id": unit, "paragraph_id": unit,
                         "token": first + k, "actor_id": a, "name": a})
    m = pd.DataFrame(rows)
    m.attrs = {"unit": "sentence",
               "units": pd.DataFrame({"doc_id": ["d1", "d2"], "sentence": [2, 2],
                                      "paragraph": [2, 2], "document": [1, 1]})}
    return m


@pytest.mark.parametrize("weight,expected", [
    ("count", 2.0),
    ("jaccard", 2 / (3 + 2 - 2)),
    ("pmi", math.log(2 * 4 / (3 * 2))),
    ("npmi", math.log(2 * 4 / (3 * 2)) / -math.log(2 / 4)),
    # G² of the table [[2, 1], [0, 1]] against expected [[1.5, 1.5], [0.5, 0.5]]
    ("llr", 2 * (2 * math.log(2 / 1.5) + 1 * math.log(1 / 1.5) + 1 * math.log(1 / 0.5))),
])
def test_each_weight_on_a_hand_computed_example(weight, expected):
    e = ck.cooccurrence(_toy_mentions(), weight=weight).set_index(["actor_a", "actor_b"])
    assert e.loc[("A", "B"), "weight"] == pytest.approx(expected)
    assert e.loc[("A", "B"), "expected"] == pytest.approx(3 * 2 / 4)
    assert e.loc[("A", "B"), "units"] == 4


def test_units_windows_min_count_and_slices():
    m = _toy_mentions()
    by_doc = ck.cooccurrence(m, unit="document", weight="count").set_index(["actor_a", "actor_b"])
    assert by_doc.loc[("A", "C"), "count"] == 2 and by_doc.loc[("A", "C"), "units"] == 2
    assert len(ck.cooccurrence(m, weight="count", min_count=2)) == 1
    win = ck.cooccurrence(m, unit=("window", 1), weight="count").set_index(["actor_a", "actor_b"])
    # windows of 3 words centred on each mention: A-B in s1 (2 windows) and s2 (2: around A
    # and B), B-C in s2 (around B and C), A-C only in the window around B (10..12)
    assert win["count"].to_dict() == {("A", "B"): 4, ("B", "C"): 2, ("A", "C"): 1}
    m2 = m.assign(source=np.where(m["doc_id"] == "d1", "x", "y"))
    m2.attrs = m.attrs
    sl = ck.cooccurrence(m2, weight="count", by="source")
    assert set(sl["source"]) == {"x"}
    with pytest.raises(SettingsError, match="found by paragraph"):
        ck.cooccurrence(_with_unit(m, "paragraph"), unit="sentence")


def _with_unit(m: pd.DataFrame, unit: str) -> pd.DataFrame:
    m = m.copy()
    m.attrs = {**m.attrs, "unit": unit}
    return m


def test_network_gexf_graphml_and_centrality(tmp_path):
    c = ck.load_corpus(SAMPLE, SEED.parent).drop_duplicates()
    m = ck.find_actors(c)
    e = ck.cooccurrence(m, unit="paragraph", min_count=2)
    G = ck.actor_network(e, mentions=m)
    assert G.number_of_nodes() > 20 and G.nodes["state_syria"]["name_ar"] == "سوريا"
    back = nx.read_gexf(ck.write_network(G, tmp_path / "n.gexf"))
    assert back.number_of_edges() == G.number_of_edges()
    assert nx.read_graphml(ck.write_network(G, tmp_path / "n.graphml")).number_of_nodes() == \
        G.number_of_nodes()
    cen = ck.centrality(G)
    assert list(cen.columns) == ["actor_id", "name", "type", "degree", "weighted_degree",
                                 "betweenness", "eigenvector"]
    assert cen["degree"].max() == max(d for _, d in G.degree())
    per_year = ck.centrality(ck.cooccurrence(m, unit="paragraph", min_count=2, by="year"),
                             by="year")
    assert set(per_year["year"]) == {"2011", "2012", "2013"}


def test_an_unknown_actor_in_an_edge_table_is_a_clear_error():
    edges = pd.DataFrame({"actor_a": ["state_syria"], "actor_b": ["nobody_here"],
                          "weight": [1.0]})
    with pytest.raises(SettingsError, match="nobody_here.*not in the gazetteer"):
        ck.actor_network(edges)


def test_suggest_actors_proposes_names_the_gazetteer_lacks():
    """Persons come from the names find_actors(unlisted=True) reads after titles (whole names,
    no word of the title or of what follows): الدكتور مازن الجوهري, not the field commander of
    قائد ميداني that a title followed by any word once proposed."""
    c = ck.load_corpus(SAMPLE).drop_duplicates()
    s = ck.suggest_actors(c, use_ner=False)
    assert "patterns only" in s.attrs["notes"][0]
    found = " ".join(s["candidate"])
    assert "حسن تركماني" not in found  # in the gazetteer now: matched, so not proposed
    assert s["count"].is_monotonic_decreasing and (s["count"] >= 2).all()
    every = ck.suggest_actors(c, use_ner=False, min_count=1, top=None)
    persons = every[every["kind"] == "person"].set_index("candidate")
    assert {"مازن الجوهري", "فراس المحمد"} <= set(persons.index)
    assert persons.loc["مازن الجوهري", "cue"] == "الدكتور"
    assert "ميداني" not in set(every["candidate"]) and "organization" in set(every["kind"])


# ------------------------------------------------------------------ quality, held out

def test_matcher_against_the_fourth_annotated_sample_set():
    """The fourth set: the last 164 sample paragraphs, annotated by two independent annotators
    before round 5 and measured once after it (P 0.955, R 0.895; README); development data for
    round 6. A floor against regressions, and no paragraph shared with an earlier set."""
    c = ck.load_corpus(SAMPLE)
    gold = load_mention_annotations(ANN / "actors_sample_heldout4.jsonl", c,
                                    ANN / "actors_gold_map.csv")
    assert len(gold.attrs["units"]["unit_id"]) == 164 and len(gold) == 381
    earlier = set()
    for name in ("gold", "dev", "heldout2", "heldout3"):
        earlier |= set(load_mention_annotations(ANN / f"actors_sample_{name}.jsonl", c)
                       .attrs["units"]["unit_id"])
    assert len(earlier) == 660 and not earlier & set(gold.attrs["units"]["unit_id"])
    outlets = load_gazetteer(ROOT / "data" / "gazetteers" / "sample_outlets.csv")
    pred = ck.find_actors(c, outlets, unit="paragraph")
    scores = evaluate_mentions(pred, gold)["scores"].set_index("type")
    assert scores.loc["all", "precision"] >= 0.93
    assert scores.loc["all", "recall"] >= 0.90


def test_evaluation_can_leave_actors_named_inside_a_gold_person_span_unscored():
    text = ("بحسب ما ذكر مدير المرصد السوري لحقوق الإنسان رامي عبد الرحمن لوكالة الصحافة "
            "الفرنسية، وقال المرصد السوري لحقوق الإنسان إن روسيا تدعم الهجوم")
    c = docs(text)
    pred = ck.find_actors(c, unit="paragraph")
    uid = pred["unit_id"].iloc[0]
    title = "مدير المرصد السوري لحقوق الإنسان رامي عبد الرحمن"
    a = text.index(title)
    sohr = "المرصد السوري لحقوق الإنسان"
    second = text.rindex(sohr)
    rami = pred.loc[pred["surface"].str.contains("رامي"), "actor_id"].item()
    sohr_id = pred.loc[pred["start"] == second, "actor_id"].item()

    def m(start: int, end: int, actor: str, typ: str) -> dict:
        return {"item": "x", "doc_id": pred["doc_id"].iloc[0], "unit_id": uid, "start": start,
                "end": end, "surface": text[start:end], "actor_id": actor, "gold_actor": actor,
                "type": typ}

    gold = pd.DataFrame([m(a, a + len(title), rami, "person"),
                         m(text.index("الفرنسية") - 17, text.index("الفرنسية") + 8, "int_afp",
                           "media"),
                         m(second, second + len(sohr), sohr_id, "ngo"),
                         m(text.index("روسيا"), text.index("روسيا") + 5, "state_russia", "state")])
    gold.attrs["units"] = {"item": ["x"], "doc_id": [gold["doc_id"][0]], "unit_id": [uid]}
    # the Observatory is found inside the director's title (the issue's seed check asks for it)
    assert (pred["actor_id"] == sohr_id).sum() == 2
    found = evaluate_mentions(pred, gold)
    strict = found["scores"].set_index("type").loc["all"]
    lenient = evaluate_mentions(pred, gold, nested="ignore")
    row = lenient["scores"].set_index("type").loc["all"]
    # inside the title: a false positive when scored, left out when not; the Observatory named
    # on its own is scored either way
    assert strict["predicted"] == row["predicted"] + 1
    assert strict["correct"] == row["correct"] and row["recall"] == strict["recall"]
    assert row["precision"] > strict["precision"]
    assert lenient["scores"].attrs["unscored"] == 1
    fp = found["errors"][found["errors"]["error"] == "false positive"]
    assert sohr_id in set(fp["actor_id"])
    # each error says where it is: the copy of the Observatory inside the title, not the other
    row = fp[fp["actor_id"] == sohr_id].iloc[0]
    assert (row["start"], row["end"]) == (text.index(sohr), text.index(sohr) + len(sohr))
    assert text[row["start"]:row["end"]] == row["surface"]
    with pytest.raises(SettingsError, match="nested='maybe'"):
        evaluate_mentions(pred, gold, nested="maybe")


def test_cli_actors_writes_tables_network_and_figures(tmp_path):
    from corpuskit.cli import EXIT_OK, EXIT_USAGE, main

    out = tmp_path / "a"
    assert main(["actors", str(SEED.parent), "--out", str(out), "--unit", "sentence",
                 "--weight", "npmi", "--min-count", "1"]) == EXIT_OK
    for name in ("mentions.csv", "edges.csv", "network.gexf", "network.graphml",
                 "centrality.csv", "network.png"):
        assert (out / name).stat().st_size > 0
    assert nx.read_gexf(out / "network.gexf").number_of_nodes() > 10
    assert main(["actors", str(SEED.parent), "--out", str(out), "--weight", "tfidf"]) == EXIT_USAGE


def test_cli_actors_home_reads_generic_references_as_the_outlets_country(tmp_path):
    from corpuskit.cli import EXIT_OK, EXIT_USAGE, main

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("أعلنت وزارة الداخلية القبض على خمسة مطلوبين، وقال الدفاع المدني "
                               "إن المملكة ستواصل جهودها في الحج.", encoding="utf-8")
    found = {}
    for home in (None, "SAU"):
        out = tmp_path / f"out{home}"
        args = ["actors", str(src), "--out", str(out), "--min-count", "1"]
        assert main(args + (["--home", home] if home else [])) == EXIT_OK
        found[home] = pd.read_csv(out / "mentions.csv")["actor_id"].tolist()
    assert found[None] == []
    assert set(found["SAU"]) == {"sau_moi", "sau_civil_defense", "state_saudi_arabia"}
    assert main(["actors", str(src), "--out", str(tmp_path / "x"), "--home", "KSA"]) == EXIT_USAGE


def test_cli_actors_skip_in_title_leaves_out_bodies_named_in_a_persons_title(tmp_path):
    """``--skip-in-title``: the Observatory inside مدير المرصد ... رامي عبد الرحمن is left out of
    the mentions and so of the pairs; named on its own it stays."""
    from corpuskit.cli import EXIT_OK, main

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("وقال مدير المرصد السوري لحقوق الإنسان رامي عبد الرحمن إن القوات "
                               "السورية قصفت حمص.\n\nوأكد المرصد السوري لحقوق الإنسان مقتل "
                               "عشرة مدنيين.", encoding="utf-8")
    got = {}
    for skip in (False, True):
        out = tmp_path / f"out{skip}"
        args = ["actors", str(src), "--out", str(out), "--min-count", "1"]
        assert main(args + (["--skip-in-title"] if skip else [])) == EXIT_OK
        got[skip] = pd.read_csv(out / "mentions.csv")
    assert got[False]["in_title"].sum() == 1
    assert len(got[True]) == len(got[False]) - 1 and not got[True]["in_title"].any()
    assert (got[True]["actor_id"] == "ngo_sohr").sum() == 1


def test_places_are_matched_but_not_reported_as_actors():
    c = docs("قصفت القوات أحياء في ريف دمشق، وقالت دمشق إن الوضع مستقر")
    m = ck.find_actors(c)
    assert list(m["surface"]) == ["دمشق"] and m["actor_id"].item() == "state_syria"
    with_places = ck.find_actors(c, places=True)
    assert "place_rif_dimashq" in set(with_places["actor_id"])


def test_a_short_form_goes_to_the_actor_last_named_in_full_before_it():
    c = docs("عقد مجلس الأمن جلسة طارئة. وقال مجلس الأمن في بيان إنه قلق. ثم اجتمع المجلس "
             "الوطني السوري في الدوحة، وقال المجلس إنه يرفض الحوار.",
             "قال مجلس الأمن إن المجلس سيجتمع غدا، فيما دعا المجلس الوطني السوري إلى التدخل.",
             dates=["2012-03-01", "2012-03-02"])
    m = ck.find_actors(c)
    short = m[m["resolved_by"] == "short form"].set_index("doc_id")
    # named twice before, the Security Council loses to the council named last
    assert short.loc["d0", "actor_id"] == "syr_snc" and short.loc["d0", "surface"] == "المجلس"
    # before any other council is named, the one named so far
    assert short.loc["d1", "actor_id"] == "igo_un_security_council"


def test_an_organization_named_inside_a_role_title_licenses_its_short_forms():
    text = ("قال رئيس الائتلاف الوطني السوري المعارض الخطيب إن النظام يماطل. وأضاف أن الائتلاف "
            "لن يشارك في الحوار.")
    m = ck.find_actors(docs(text, dates=["2013-01-20"]))
    got = dict(zip(m["surface"], m["actor_id"]))
    assert got["رئيس الائتلاف الوطني السوري"] == "syr_khatib_moaz"   # one mention: the person
    assert "syr_coalition" not in set(m.loc[m["resolved_by"] != "short form", "actor_id"])
    assert got["الائتلاف"] == "syr_coalition"
    assert text[m.loc[m["surface"] == "الائتلاف", "start"].item():].startswith("الائتلاف لن")
    # without the title, a bare الائتلاف stays unresolved
    bare = ck.find_actors(docs("وأضاف أن الائتلاف لن يشارك في الحوار.", dates=["2013-01-20"]))
    assert "syr_coalition" not in set(bare["actor_id"])


def test_title_and_name_merge_but_a_capital_and_its_state_or_a_bracketed_abbreviation_do_not():
    text = ("نقلت الوكالة العربية السورية للأنباء (سانا) عن مصدر. وزار الوفد القاهرة ومصر. وقال "
            "وزير الخارجية الروسي سيرغي لافروف إن الأزمة طويلة.")
    m = ck.find_actors(docs(text, dates=["2012-05-01"]))
    assert list(m["surface"]) == ["الوكالة العربية السورية للأنباء", "سانا", "القاهرة", "ومصر",
                                  "وزير الخارجية الروسي سيرغي لافروف"]
    assert list(m["actor_id"]) == ["syr_sana", "syr_sana", "state_egypt", "state_egypt",
                                   "rus_lavrov"]
    assert all(text[a:b] == s for a, b, s in zip(m["start"], m["end"], m["surface"]))


def test_observer_missions_resolve_by_date():
    text = "وصلت بعثة المراقبين إلى حمص"
    m = ck.find_actors(docs(text, text, dates=["2012-01-05", "2012-05-10"]))
    assert list(m["actor_id"]) == ["igo_arab_league_observers", "igo_unsmis"]


# ------------------------------------------------------------------ round 5: descriptions


def _got(m: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(zip(m["surface"], m["actor_id"], m["resolved_by"]))


def test_a_definite_description_refers_back_to_the_actor_whose_name_it_repeats():
    text = ("اجتمع مجلس جامعة الدول العربية في القاهرة. ودعت الجامعة دمشق إلى وقف العنف. وقال "
            "وزير الخارجية الروسي سيرغي لافروف إن موسكو ترفض. وأضاف الوزير الروسي أن الحل سياسي، "
            "بينما رفض الوزير التركي ذلك.")
    m = ck.find_actors(docs(text, dates=["2012-01-22"]))
    got = _got(m)
    assert ("الجامعة", "igo_arab_league", "definite description") in got
    assert ("الوزير الروسي", "rus_lavrov", "definite description") in got   # head + adjective
    # a nisba the antecedent does not have names someone else: nothing is resolved
    assert not [g for g in got if g[0].startswith("الوزير التركي") or g[0] == "الوزير"]
    start = m.loc[m["surface"] == "الوزير الروسي", "start"].item()
    assert text[start:start + len("الوزير الروسي")] == "الوزير الروسي"


def test_a_head_and_adjective_that_go_on_into_another_name_are_not_a_description():
    """الاتحاد التونسي للصناعة ... is the employers' union, named in full after the labour
    union: the head and its adjective begin a longer name whose next word (للصناعة) the
    antecedent's name lacks (it was read as the labour union and merged with it into one
    span). Where the next word belongs to the antecedent's name (المجلس الأعلى للقضاء), the
    description still refers back."""
    m, _ = found("وتضم الوساطة الرباعية منظمات أربع هي: الاتحاد العام التونسي للشغل، والاتحاد "
                 "التونسي للصناعة والتجارة والصناعات التقليدية.",
                 "أعلن المجلس الأعلى للقضاء في السعودية تعيين قضاة، وقال رئيس المجلس الأعلى "
                 "للقضاء إن القرار نهائي.")
    ugtt = m[m["actor_id"] == "tun_ugtt"]
    assert ugtt["surface"].tolist() == ["الاتحاد العام التونسي للشغل"]
    sjc = m[(m["doc_id"] == "d1") & (m["actor_id"] == "sau_sjc")]
    assert sjc["resolved_by"].tolist() == ["variant", "definite description"]
    # a union the gazetteer does not list (the farmers' union), its complement written plainly,
    # with a vowel mark or with a tatweel (لِلفلاحة، لـلفلاحة): the same word, the same reading
    for written in ("للفلاحة", "لِلفلاحة", "لـلفلاحة"):
        m, _ = found("شارك في الحوار الاتحاد العام التونسي للشغل، "
                     f"والاتحاد التونسي {written} والصيد البحري.")
        assert m[["surface", "actor_id"]].values.tolist() == \
            [["الاتحاد العام التونسي للشغل", "tun_ugtt"]], written


def test_a_description_needs_an_antecedent_before_it_and_keeps_to_its_kind():
    before = "ودعت الجامعة إلى الحوار. ثم اجتمع مجلس جامعة الدول العربية في القاهرة."
    assert "igo_arab_league" not in set(
        ck.find_actors(docs(before, dates=["2012-01-22"]))
        .query("resolved_by == 'definite description'")["actor_id"])
    # المجلس العسكري after the Syrian National Council is another council
    other = ck.find_actors(docs("قال المجلس الوطني السوري إنه يرفض. وأعلن المجلس العسكري في حمص "
                                "تشكيل كتيبة.", dates=["2012-03-01"]))
    assert list(other["actor_id"]) == ["syr_snc"]


def test_an_organization_named_inside_a_longer_name_is_an_antecedent():
    text = ("وصلت بعثة مراقبي جامعة الدول العربية إلى حمص. وقالت السلطات إنها ملتزمة "
            "بالبروتوكول الموقع مع الجامعة.")
    m = ck.find_actors(docs(text, dates=["2011-12-27"]))
    assert ("الجامعة", "igo_arab_league", "definite description") in _got(m)


def test_a_generic_head_refers_to_the_last_actor_of_its_kind_and_not_inside_a_title():
    text = ("تمكن الهلال الأحمر العربي السوري من إجلاء مئات المدنيين، بحسب مسؤولين في المنظمة. "
            "وقال الناطق باسم الوزارة جهاد مقدسي إن الوضع مستقر.")
    m = ck.find_actors(docs(text, dates=["2013-10-13"]))
    got = _got(m)
    assert ("المنظمة", "ngo_sarc", "definite description") in got
    assert not [g for g in got if g[0] == "الوزارة"]   # part of the spokesman's title


def test_a_title_in_the_construct_state_is_not_shortened_to_its_bare_head():
    # Salim Idris's title is رئيس هيئة الأركان ...: a bare الرئيس is not him
    text = ("قال رئيس هيئة أركان الجيش السوري الحر سليم إدريس إن قواته تتقدم. وقال الرئيس في "
            "خطاب إن الحل سياسي.")
    m = ck.find_actors(docs(text, dates=["2013-06-01"]))
    assert not [g for g in _got(m) if g[0] == "الرئيس"]
    # ... while a title with the article is: الرئيس after بشار الأسد (الرئيس السوري)
    m = ck.find_actors(docs("التقى بشار الأسد الوفد. وقال الرئيس إن الحل سياسي.",
                            dates=["2013-06-01"]))
    assert ("الرئيس", "syr_assad_bashar", "definite description") in _got(m)


def test_a_name_does_not_run_on_across_a_bracket():
    text = "نقلت وكالة الأنباء السورية (سانا) عن مصدر عسكري أن الوحدات تقدمت."
    m = ck.find_actors(docs(text, dates=["2012-06-01"]))
    assert list(m["surface"]) == ["وكالة الأنباء السورية", "سانا"]
    assert set(m["actor_id"]) == {"syr_sana"}
    # quotation marks inside a name do not break it
    q = ck.find_actors(docs('عقد اجتماع "مجموعة العمل" حول سوريا في جنيف.', dates=["2012-06-30"]))
    assert "igo_action_group_syria" in set(q["actor_id"])
    # the shared matcher keeps crossing punctuation unless told not to (the framing lexicon)
    d = Dictionary([("وكالة الأنباء السورية سانا", 1)])
    assert len(list(d.finditer(text))) == 1
    assert not list(Dictionary([("وكالة الأنباء السورية سانا", 1)],
                               cross_punctuation=False).finditer(text))


def test_a_dropped_short_form_does_not_hide_the_name_inside_it():
    # إعلان دمشق (the Damascus Declaration) is a short form: without a full mention it is
    # dropped, and دمشق inside it is still Syria
    text = "قتل مئات المدنيين منذ إعلان دمشق قبولها المبادرة العربية."
    m = ck.find_actors(docs(text, dates=["2012-01-10"]))
    assert _got(m) == [("دمشق", "state_syria", "metonymy")]
    start = m["start"].item()
    assert text[start:m["end"].item()] == "دمشق"


def test_a_dropped_short_form_does_not_hide_a_name_that_runs_on_past_it(tmp_path):
    """The longest-match pass takes مكتب الرئاسة (a short form of another body, waiting for a
    full mention) over the start of الرئاسة العامة لرعاية الشباب; with no full mention the short
    form is dropped, and the text it covered is read again: the youth presidency is found, once.
    Where the short form is licensed it stays."""
    path = tmp_path / "mine.csv"
    path.write_text(
        "id,name_ar,name_en,type,country,variants,short_forms\n"
        "x_office,مكتب رئاسة الجمهورية الأفغانية,Afghan presidential office,government,AFG,,"
        "مكتب الرئاسة\n"
        "x_youth,الرئاسة العامة لرعاية الشباب,Youth welfare presidency,government,SAU,,\n",
        encoding="utf-8")
    gz = ck.load_gazetteer(path, extend=False)
    dropped = "أعلن مكتب الرئاسة العامة لرعاية الشباب في الرياض عن برنامج جديد للأندية."
    licensed = ("قال مكتب رئاسة الجمهورية الأفغانية إن الرئيس سافر، وأضاف مكتب الرئاسة العامة "
                "أن الزيارة تستمر يومين.")
    m = ck.find_actors(docs(dropped, licensed), gazetteer=gz, unit="paragraph")
    got = list(zip(m["doc_id"], m["surface"], m["actor_id"]))
    assert got == [("d0", "الرئاسة العامة لرعاية الشباب", "x_youth"),
                   ("d1", "مكتب رئاسة الجمهورية الأفغانية", "x_office"),
                   ("d1", "مكتب الرئاسة", "x_office")]
    start = m["start"].iloc[0]
    assert dropped[start:m["end"].iloc[0]] == "الرئاسة العامة لرعاية الشباب"


def test_a_title_followed_by_its_holders_name_is_that_person_after_the_term_ended():
    text = "اغتيل رئيس فرع المعلومات اللواء وسام الحسن في انفجار ببيروت."
    m = ck.find_actors(docs(text, dates=["2012-10-20"]))   # the day after his death
    assert m.loc[m["actor_id"] == "lbn_hassan_wissam", "surface"].tolist() == [
        "رئيس فرع المعلومات اللواء وسام الحسن"]
    assert not m["actor_id"].str.startswith("role:").any()


def test_national_branches_of_the_brotherhood_follow_the_document_country():
    syria = ck.find_actors(docs("قال المجلس الوطني السوري إن جماعة الإخوان المسلمين جزء منه، "
                                "وإن سوريا لكل السوريين.", dates=["2011-10-02"]))
    egypt = ck.find_actors(docs("أعلنت الحكومة المصرية حظر جماعة الإخوان المسلمين في مصر، "
                                "وقالت القاهرة إن جماعة الإخوان المسلمين خطر.",
                                dates=["2013-12-25"]))
    assert "syr_mb" in set(syria["actor_id"]) and "egy_mb" not in set(syria["actor_id"])
    assert set(egypt.loc[egypt["surface"].str.contains("الإخوان"), "actor_id"]) == {"egy_mb"}


def test_international_officials_do_not_count_for_their_nationality():
    # Nabil Elaraby (Egyptian) leads the Arab League: the document is about Syria
    text = ("قال الأمين العام لجامعة الدول العربية نبيل العربي إن العربي سيزور سوريا. وأكد "
            "نبيل العربي أن السلطات وعدت بالتعاون.")
    m = ck.find_actors(docs(text, dates=["2011-12-01"]))
    assert m.loc[m["surface"] == "السلطات", "actor_id"].tolist() == ["syr_gov"]


def test_a_country_named_just_before_a_generic_form_decides_it():
    text = ("فتحت تركيا حدودها، وقالت أنقرة إن تركيا ستستقبل اللاجئين. وكانت السلطات السورية قد "
            "أعلنت أن وحدات من الجيش دخلت جسر الشغور.")
    m = ck.find_actors(docs(text, dates=["2011-06-12"]))
    # Turkey is named three times, Syria once: but Syria right before الجيش
    assert m.loc[m["surface"] == "الجيش", "actor_id"].tolist() == ["syr_army"]
    far = ck.find_actors(docs("وكانت السلطات السورية قد أعلنت موقفها. " + "وقالت تركيا إن " * 3
                              + "وحدات من الجيش دخلت المدينة.", dates=["2011-06-12"]))
    assert far.loc[far["surface"] == "الجيش", "actor_id"].tolist() == ["tur_army"]


def test_matcher_against_the_held_out_saudinewsnet_paragraphs(saudinewsnet_dir):
    """The fifth to twelfth held-out sets: 160 SaudiNewsNet paragraphs each (real news the
    gazetteer was not built on), each annotated by two independent annotators before the round
    it measures and measured once: set 5 after round 6 (P 0.832, R 0.649), set 6 after round 7
    (0.878 / 0.741), set 7 after round 8 (0.827 / 0.731), set 8 after round 9 (0.881 / 0.738),
    set 9 after round 10 (0.900 / 0.823), set 10 after round 11 (0.881 / 0.753), set 11 (1,662
    mentions in longer paragraphs) after round 12 (0.876 / 0.753), set 12 (articles outside the
    conflict screen) after round 13 (0.776 / 0.628 with home="SAU"; 0.775 / 0.624 without, as
    here); each is development data after its measurement (README). Floors against regressions
    (a little below the development figures after round 13); the references still point at the
    same paragraphs (the loader raises if a paragraph's text changed)."""
    c = ck.load_corpus(saudinewsnet_dir, progress=False).drop_duplicates()
    pred = ck.find_actors(c, unit="paragraph")
    for n, size, floor_p, floor_r in ((5, 450, 0.92, 0.87), (6, 468, 0.92, 0.90),
                                      (7, 420, 0.87, 0.83), (8, 572, 0.92, 0.83),
                                      (9, 682, 0.92, 0.88), (10, 754, 0.90, 0.84),
                                      (11, 1662, 0.88, 0.84), (12, 226, 0.75, 0.60)):
        gold = load_mention_annotations(ANN / f"actors_saudinewsnet_heldout{n}.jsonl", c,
                                        ANN / "actors_gold_map.csv")
        assert len(gold.attrs["units"]["unit_id"]) == 160 and len(gold) == size
        scores = evaluate_mentions(pred, gold)["scores"].set_index("type")
        assert scores.loc["all", "precision"] >= floor_p, n
        assert scores.loc["all", "recall"] >= floor_r, n


def test_annotations_of_a_corpus_not_shipped_are_stored_as_offsets(tmp_path):
    import hashlib
    import json

    from corpuskit.actors.evaluate import span_hash

    c = ck.load_corpus(SAMPLE)
    found = ck.find_actors(c, unit="paragraph").iloc[0]
    para = c.units("paragraph").set_index("unit_id").loc[found["unit_id"]]
    para = para.to_dict() | {"unit_id": found["unit_id"]}
    text = para["text"]
    a, b = int(found["start"] - para["start"]), int(found["end"] - para["start"])
    rec = {"item": "x1", "doc_id": para["doc_id"], "unit_id": para["unit_id"],
           "hash": hashlib.blake2b(text.strip().encode(), digest_size=8).hexdigest(),
           "mentions": [{"start": a, "end": b, "sha": span_hash(text[a:b]), "actor": "X",
                         "type": "state"}]}
    path = tmp_path / "ann.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    gold = load_mention_annotations(path, c)
    assert gold["surface"].item() == text[a:b] == found["surface"]
    assert gold["start"].item() == found["start"]
    rec["mentions"][0]["sha"] = "00000000"   # the span no longer holds what was annotated
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="not the one annotated"):
        load_mention_annotations(path, c)
    del rec["mentions"][0]["start"]   # neither a surface nor a span: named, not a KeyError
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1: a mention .* neither a surface"):
        load_mention_annotations(path, c)


def test_saudiyya_after_a_definite_noun_is_the_adjective_not_the_state():
    text = ("تطبق الرسوم على الشركات التي تستخدم المطارات السعودية. وقالت السعودية إن المرأة "
            "السعودية حققت تقدما، ووقعت اتفاقا مع السعودية.")
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    got = m.loc[m["actor_id"] == "state_saudi_arabia"]
    # the state after a verb and after a preposition; not the adjective after المطارات، المرأة
    assert [text[:a].split()[-1] for a in got["start"]] == ["وقالت", "مع"]


def test_quoted_rule_names_an_outlet_only_inside_quotation_marks(tmp_path):
    """A newspaper named by a common word or a region (الشرق الأوسط، سبق) is the outlet where
    the press writes it as one, in quotation marks, and never elsewhere."""
    text = ("وقال مصدر لـ«الشرق الأوسط» إن الوضع في الشرق الأوسط معقد. وأضاف لـ\"سبق\" "
            "أن الوفد سبق أن زار المنطقة.")
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    found = m.loc[m["type"] == "media", ["surface", "actor_id"]].values.tolist()
    assert found == [["الشرق الأوسط", "media_asharq_awsat"], ["سبق", "media_sabq"]]
    assert text[m.loc[m["actor_id"] == "media_sabq", "start"].item() - 1] == '"'
    # a user's row with the rule works the same
    mine = tmp_path / "outlets.csv"
    mine.write_text("id,name_ar,name_en,type,country,variants,short_forms\n"
                    "media_test,صحيفة المنظار,Al-Minzar,media,SAU,,المنظار{quoted}\n",
                    encoding="utf-8")
    two = ck.find_actors(docs("نقلت «المنظار» عن مصدر أن المنظار معطل.",
                              dates=["2015-07-20"]), ck.load_gazetteer(mine))
    assert two["actor_id"].tolist() == ["media_test"] and two["start"].item() == 6
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name_ar,name_en,type,country,variants,short_forms\n"
                   "x1,صحيفة المثال,Example,media,SAU,,المثال{italic}\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"line 2: .*\{quoted\}"):
        ck.load_gazetteer(bad, strict=True)


def test_generic_form_is_left_alone_for_a_country_the_gazetteer_does_not_cover():
    """الحكومة after Afghanistan is Afghanistan's government, which the gazetteer lacks: it is
    not given to another country the document names (Russia), whose government it lists."""
    text = ("قال وزير الخارجية الروسي سيرغي لافروف إن موسكو تتابع الوضع. "
            "وفي أفغانستان أعلنت الحكومة أنها ستفاوض حركة طالبان.")
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    assert "rus_gov" not in set(m["actor_id"])
    assert {"rus_lavrov", "state_afghanistan"} <= set(m["actor_id"])
    # the same sentence about Syria, whose government the gazetteer lists, still resolves
    syr = ck.find_actors(docs(text.replace("أفغانستان", "سوريا"), dates=["2015-07-20"]))
    assert syr.loc[syr["surface"] == "الحكومة", "actor_id"].tolist() == ["syr_gov"]


def test_former_holder_and_foreign_nationality_after_a_title_or_generic_form():
    """الرئيس الفرنسي السابق in 2015 is Sarkozy (the holder whose term ended last before the
    date), not Hollande; الشرطة البرازيلية in a document about Syria is not the Syrian police
    (the gazetteer has no row for Brazil's police)."""
    text = ("قال الرئيس الفرنسي السابق إن الحكومة أخطأت. وقالت السلطات السورية إن الشرطة "
            "البرازيلية اعتقلت ثلاثة، وإن الشرطة أفرجت عن اثنين.")
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    got = dict(zip(m["surface"], m["actor_id"]))
    assert got["الرئيس الفرنسي"] == "fra_sarkozy"
    assert m.loc[m["surface"] == "الشرطة", "actor_id"].tolist() == ["syr_police"]   # the 2nd
    assert text[:m.loc[m["surface"] == "الشرطة", "start"].item()].endswith("وإن ")
    now = ck.find_actors(docs(text.replace(" السابق", ""), dates=["2015-07-20"]))
    assert dict(zip(now["surface"], now["actor_id"]))["الرئيس الفرنسي"] == "fra_hollande"


def test_descriptions_of_a_centre_and_of_a_group_called_terrorist():
    """المركز refers back to a centre named in full (مركز الملك سلمان ...); an evaluative
    adjective (التنظيم الإرهابي، التنظيم المتطرف) does not stop a description from referring
    back, as a restrictive one would (المجلس العسكري is not the SNC)."""
    text = ("وصلت طائرة من مركز الملك سلمان للإغاثة والأعمال الإنسانية إلى عدن، وقال متحدث إن "
            "المركز سيرسل المزيد. وتبنى تنظيم داعش الهجوم، ويحاول التنظيم الإرهابي تجنيد الشباب.")
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    got = m.loc[m["resolved_by"] == "definite description", ["surface", "actor_id"]]
    assert got.values.tolist() == [["المركز", "ngo_ksrelief"], ["التنظيم", "ag_isis"]]


def test_parliaments_by_country_and_the_occupation_for_israel():
    """مجلس النواب is the parliament of the country the document is about (Lebanon, Iraq,
    Egypt, Libya, Yemen); الاحتلال الإسرائيلي is Israel, and bare الاحتلال too once Israel
    is named."""
    text = ("دعا رئيس الحكومة اللبنانية تمام سلام إلى عقد جلسة لمجلس النواب. وفي غزة قصف "
            "الاحتلال الإسرائيلي مخيم الشاطئ، وقالت حماس إن الاحتلال يتحمل المسؤولية.")
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    got = list(zip(m["surface"], m["actor_id"]))
    assert ("لمجلس النواب", "lbn_parliament") in got
    assert got.count(("الاحتلال", "state_israel")) == 1
    assert ("الاحتلال الإسرائيلي", "state_israel") in got
    iraq = ck.find_actors(docs("صوت مجلس النواب العراقي أمس، وقال رئيس الوزراء العراقي حيدر "
                               "العبادي إن مجلس النواب سيقر الإصلاحات.", dates=["2015-08-11"]))
    assert iraq.loc[iraq["surface"] == "مجلس النواب", "actor_id"].tolist() == ["irq_parliament"]


def test_a_nationality_adjective_formed_from_a_state_name_decides_a_generic_form():
    """السلطات الأوكرانية is Ukraine's authorities (no row: left out), not Russia's, though
    the document names Russia's government; السلطات الروسية after it is Russia's."""
    text = ("قال الكرملين إن موسكو ستطرد صحافيين ردا على إجراءات اتخذتها السلطات الأوكرانية، "
            "وأكدت السلطات الروسية القرار.")
    m = ck.find_actors(docs(text, dates=["2015-08-20"]))
    got = list(zip(m["surface"], m["actor_id"]))
    assert ("السلطات", "rus_gov") not in got
    assert ("السلطات الروسية", "rus_gov") in got


def test_bare_houthi_is_the_movement_or_the_leader_named_last_and_security_men_are_generic():
    """Bare الحوثي refers to whichever of the movement (الحوثيين) and its leader (عبد الملك
    الحوثي) was named last before it; رجال الأمن and الجهات الأمنية ("security men", "the
    security authorities") are descriptions, not the Saudi security forces (annotators of three
    held-out sets never marked them)."""
    text = ("قصف الحوثيون مواقع في تعز، واتهمت الحكومة اليمنية الحوثي بخرق الهدنة. "
            "وقال عبد الملك الحوثي في خطاب إن الحوثي لن يتراجع.")
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    bare = m[m["surface"].isin(["الحوثي"])].sort_values("start")
    assert bare["actor_id"].tolist() == ["yem_houthis", "yem_houthi_abdulmalik"]
    saudi = ("قالت وزارة الداخلية السعودية إن رجال الأمن والجهات الأمنية في الرياض "
             "ألقوا القبض على المطلوب، وإن قوات الأمن السعودية طوقت الحي.")
    s = ck.find_actors(docs(saudi, dates=["2015-07-20"]))
    assert s.loc[s["actor_id"].eq("sau_security_forces"), "surface"].tolist() == \
        ["قوات الأمن السعودية"]


def test_a_large_in_memory_corpus_is_matched_on_worker_processes(monkeypatch):
    """From 2,000 documents an in-memory corpus is matched on local worker processes when no
    engine is named (both cores: the speed target), in balanced parts, and the table is the
    one a single process gives; ``engine="serial"`` or one worker keeps one process."""
    import corpuskit.parts as parts
    from corpuskit.actors.mentions import PARALLEL_FROM

    sample = ck.load_corpus(SAMPLE).docs
    copies = -(-PARALLEL_FROM // len(sample))
    big = ck.Corpus(pd.concat([sample.assign(doc_id=sample["doc_id"] + f"~{i}")
                               for i in range(copies)], ignore_index=True))
    calls: list[dict] = []
    real = parts.map_parts
    monkeypatch.setattr(parts, "map_parts",
                        lambda *a, **kw: calls.append(kw) or real(*a, **kw))
    auto = ck.find_actors(big, workers=2)
    assert [(c["engine"], c["part_size"]) for c in calls] == [("local", -(-len(big) // 4))]
    one = ck.find_actors(big, engine="serial")
    assert len(calls) == 2 and calls[1]["engine"] == "serial"
    ck.find_actors(big, workers=1)
    assert len(calls) == 2       # one worker: no parts
    pd.testing.assert_frame_equal(auto, one)
    assert auto.attrs["units"] == one.attrs["units"] and len(auto) > 10 * len(sample)


def test_compound_saudi_titles_spokesmen_and_generic_words_of_round_ten():
    """A Saudi compound title (ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع) is one
    mention of its holder at the date, not the cabinet inside it; the coalition's and the
    Kremlin's spokesmen by title are persons; in Saudi papers النظام is a statute, not the
    government, and a naval or air base (القاعدة البحرية) is not al-Qaeda."""
    text = ("استقبل صاحب السمو الملكي الأمير محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس "
            "مجلس الوزراء وزير الدفاع وفدا أمريكيا. وقال المتحدث باسم قوات التحالف العربي إن "
            "الطائرات قصفت مواقع الحوثيين. وقال المتحدث باسم الكرملين إن موسكو تتابع.")
    saudi = ("أقر مجلس الشورى السعودي تعديل النظام، وتنص بنود النظام على عقوبات، فيما أعلنت "
             "الحكومة السعودية توسعة القاعدة البحرية في جدة.")
    m = ck.find_actors(docs(text, saudi, dates=["2016-03-10", "2016-03-10"]))
    got = dict(zip(m["surface"], m["actor_id"]))
    title = "ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع"
    assert any(s.endswith(title) and a == "sau_mbs" for s, a in got.items())
    assert "sau_council_of_ministers" not in set(m["actor_id"])
    assert got["المتحدث باسم قوات التحالف العربي"] == "sau_asiri"
    assert got["المتحدث باسم الكرملين"] == "rus_peskov"
    assert "النظام" not in got and got["الحكومة السعودية"] == "sau_gov"
    assert not m["actor_id"].isin(["ag_aq", "ag_aqap"]).any()


def test_former_and_late_between_a_title_and_its_holder_and_organized_as_an_adjective():
    """"Former" or "the late" between a title and its holder's name leaves one mention of
    the person (رئيس تشاد السابق حسين حبري), dated or not; المنظمة right after a definite noun
    or غير is the participle "organized" (الجريمة المنظمة، الهجرة غير المنظمة), not a
    description of the organization named before it."""
    text = ("قضت المحكمة في داكار بسجن رئيس تشاد السابق حسين حبري مدى الحياة. وقالت منظمة "
            "هيومن رايتس ووتش إن الحكم رسالة، ودعت إلى مكافحة الجريمة المنظمة والهجرة غير "
            "المنظمة، وقالت المنظمة إنها ستتابع.")
    for date in ("2016-05-30", None):
        m = ck.find_actors(docs(text, dates=[date]))
        habre = m[m["actor_id"].eq("tcd_habre")]
        assert habre["surface"].tolist() == ["رئيس تشاد السابق حسين حبري"], date
        hrw = m.loc[m["actor_id"].eq("ngo_hrw"), "surface"].tolist()
        assert hrw == ["منظمة هيومن رايتس ووتش", "المنظمة"], date   # the last one refers back


def test_kingdom_in_a_list_with_morocco_and_the_p5_plus_one_spelled_out():
    """Round 11: bare المملكة in a Saudi text that then lists المغرب and الأردن among other
    states is Saudi Arabia: among states a short form goes to the one named most often before
    it, then to the one named first (not to the last of a list), and Morocco's {country} form is
    gone; the P5+1 spelled out in words (خمسة زائد واحد) is the group; the Saudi armed forces by
    their bare name in a Saudi document."""
    text = ("أكدت المملكة العربية السعودية دعمها للاتفاق، وشارك في الاجتماع وزراء من مصر "
            "والمغرب والأردن. وقالت المملكة إنها ترحب بالاتفاق. ورحبت مجموعة خمسة زائد واحد "
            "بالموقف.")
    army = ("أعلنت وزارة الدفاع السعودية أن القوات المسلحة أتمت استعداداتها على الحدود "
            "الجنوبية للمملكة العربية السعودية.")
    m = ck.find_actors(docs(text, army, dates=["2015-07-20", "2015-07-20"]))
    got = m[["surface", "actor_id"]].values.tolist()
    assert ["المملكة", "state_saudi_arabia"] in got   # named first, not Jordan listed last
    assert not m["surface"].eq("المملكة").mul(m["actor_id"].ne("state_saudi_arabia")).any()
    assert any(a == "igo_p5plus1" and "خمسة زائد واحد" in s for s, a in got)
    assert ["القوات المسلحة", "sau_armed_forces"] in got


def test_a_generic_form_inside_a_persons_title_is_not_the_body():
    """A generic form right after a person's head noun in construct is part of a title (رئيس
    الحكومة "head of government", قائد الجيش "army commander"), not a mention of the body;
    the same form elsewhere in the document still is."""
    text = ("أعلنت الحكومة الفرنسية خطة جديدة، وقال رئيس الحكومة مانويل فالس إن فرنسا ستواجه "
            "التطرف. وأضاف أن الحكومة ستعرض الخطة على البرلمان، فيما زار قائد الجيش باريس.")
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    gov = m[m["actor_id"].eq("fra_gov")].sort_values("start")
    assert gov["surface"].tolist() == ["الحكومة الفرنسية", "الحكومة"]
    assert text.index("الحكومة ستعرض") == gov["start"].iloc[1]
    assert not m["surface"].eq("الجيش").any()


def test_idioms_that_look_like_states_and_the_kuwaiti_guard():
    """Round 12: مسقط رأسه ("his birthplace") is not Muscat, and اليمن والبركات in an Eid
    greeting ("blessing") is not Yemen; in a Kuwaiti story the bare National Guard is Kuwait's,
    not Saudi Arabia's; the FBI by its Arabic name."""
    text = ("عاد اللاعب إلى مسقط رأسه بعد الموسم، وهنأ الجميع بالعيد داعين أن يعيده الله باليمن "
            "والبركات.")
    kuwait = ("أعلن الحرس الوطني في الكويت رفع الجاهزية، وقال الحرس الوطني إن قواته تتابع. "
              "وشارك مكتب التحقيقات الفيدرالي الأمريكي في التحقيق.")
    m = ck.find_actors(docs(text, kuwait, dates=["2015-07-20", "2015-07-20"]))
    assert not m["actor_id"].isin(["state_oman", "state_yemen"]).any()
    guard = m[m["surface"].str.startswith("الحرس الوطني")]
    assert len(guard) == 2 and set(guard["actor_id"]) == {"kwt_national_guard"}
    assert "usa_fbi" in set(m["actor_id"])


def test_a_name_and_its_form_in_curly_quotes_stay_two_mentions():
    """As with «» and brackets, a name and its other form in curly quotes (الإذاعة البريطانية
    “بي بي سي”) are two mentions side by side, not one merged span."""
    text = "وقالت الإذاعة البريطانية “بي بي سي” إن المفاوضات استؤنفت."
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    bbc = m[m["actor_id"].eq("media_bbc")].sort_values("start")
    assert bbc["surface"].tolist() == ["الإذاعة البريطانية", "بي بي سي"]


def test_the_newspaper_and_the_magazine_refer_back_to_the_outlet_named_before():
    """الصحيفة / المجلة ("the newspaper", "the magazine") refer back to the outlet named in full
    before them, as الجامعة refers back to the Arab League."""
    text = ("نشرت صحيفة ديلي ميل البريطانية تقريرا عن التنظيم، وقالت الصحيفة إن مقاتليه يتلقون "
            "رواتب شهرية.")
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    got = m[m["surface"].eq("الصحيفة")]
    assert got["actor_id"].tolist() == ["media_daily_mail"]
    assert got["resolved_by"].tolist() == ["definite description"]


def test_an_outlets_dateline_names_it_without_quotation_marks():
    """An outlet whose bare name needs quotation marks ({quoted}: سبق is also "preceded") is
    named by its dateline too: at a line's start or after a byline's dash, followed by a dash
    or a colon (سبق- الرياض:, فهد كاملي- سبق:); the word in running text still is not."""
    texts = ["سبق- الرياض: أعلنت وزارة الداخلية القبض على خلية.",
             "فهد كاملي- سبق- جازان: بعد أن نجا الطفل من الحادث عاد إلى منزله.",
             "وقال المتحدث إن الوزارة سبق أن حذرت من ذلك."]
    m = ck.find_actors(docs(*texts, dates=["2015-07-20"] * 3))
    sabq = m[m["actor_id"].eq("media_sabq")]
    assert sorted(sabq["doc_id"]) == ["d0", "d1"]
    assert set(sabq["surface"]) == {"سبق"}


def test_a_generic_body_inside_an_official_title_is_not_a_mention_of_the_body():
    """مجلس الوزراء after عضو or after a head with a proclitic (لرئيس) is part of a person's
    title (the guidelines mark the title with its holder), not the cabinet; after a verb it is
    the cabinet."""
    text = ("حضر اللقاء وزير الدولة عضو مجلس الوزراء الدكتور مساعد العيبان، والنائب الأول "
            "لرئيس مجلس الوزراء. وعقد مجلس الوزراء السعودي جلسته، وقرر مجلس الوزراء الموافقة.")
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    council = m.loc[m["actor_id"] == "sau_council_of_ministers", "start"].tolist()
    assert council == [text.index("مجلس الوزراء السعودي"), text.rindex("مجلس الوزراء")]
    assert "sau_aiban" in set(m["actor_id"])


def test_home_country_reads_generic_references_in_documents_that_name_no_country():
    text = "أعلنت وزارة الداخلية القبض على خمسة مطلوبين، وقال الدفاع المدني إن المملكة ستواصل جهودها."
    jordan = "قال وزير الخارجية الأردني إن المملكة ترحب، وأعلنت وزارة الداخلية القبض على مطلوب."
    c = docs(text, jordan, dates=["2015-07-20"] * 2)
    plain = ck.find_actors(c)
    assert set(plain["doc_id"]) == {"d1"}   # no country named in d0: left out
    for home in ("SAU", {"x": "SAU"}):
        m = ck.find_actors(c, home=home)
        assert m.loc[m["doc_id"] == "d0", "actor_id"].tolist() == [
            "sau_moi", "sau_civil_defense", "state_saudi_arabia"]
        # a document that names a country is read as before
        assert m.loc[m["doc_id"] == "d1", "actor_id"].tolist() == \
            plain.loc[plain["doc_id"] == "d1", "actor_id"].tolist()
    assert ck.find_actors(c, home={"other outlet": "SAU"}).equals(plain)
    # part by part (on an engine, one document a part) it is the same table
    parts = ck.find_actors(c, home="SAU", engine="serial", part_size=1)
    assert parts["actor_id"].tolist() == m["actor_id"].tolist()
    with pytest.raises(SettingsError, match="KSA is not a country code"):
        ck.find_actors(c, home="KSA")


def test_a_wrong_home_is_refused_before_any_part_is_written(tmp_path):
    """home= used to be checked only where a part was matched: with out= the folder was made
    and the error came from inside the first part."""
    c = docs("قالت وزارة الداخلية إن الدفاع المدني أنقذ عشرة أشخاص.", dates=["2015-07-20"])
    out = tmp_path / "mentions"
    with pytest.raises(SettingsError, match="KSA is not a country code"):
        ck.find_actors(c, home="KSA", out=out, engine="serial")
    assert not out.exists()
    with pytest.raises(SettingsError, match="give a country code"):
        ck.find_actors(c, home=966, engine="serial", part_size=1)


def test_a_dropped_outlet_name_does_not_hide_the_state_it_begins_with():
    """إسرائيل اليوم and الإمارات اليوم name newspapers only inside quotation marks; outside them
    the words are "Israel today", "the Emirates today": the state is still a mention."""
    text = ("قالت صحيفة «إسرائيل اليوم» إن الحكومة تدرس الأمر، فيما تواجه إسرائيل اليوم ضغوطا، "
            "وتستضيف الإمارات اليوم مؤتمرا.")
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    got = dict(zip(m["start"], m["actor_id"]))
    assert "media_israel_hayom" in got.values()
    assert got[text.index("إسرائيل اليوم ضغوطا")] == "state_israel"
    assert got[text.index("الإمارات")] == "state_uae"
    assert not m["surface"].str.contains("اليوم م").any()


def test_undetermined_syria_after_an_agreeing_noun_is_the_adjective():
    """سورية is also the feminine nisba "Syrian": after an undetermined noun that agrees with it
    or a plural (عائلة سورية، مصادر سورية، غير سورية، عراقية وسورية) it is the adjective; after
    a preposition, a verb or a comma it is the state."""
    text = ("كشفت مصادر عراقية وسورية عن عملية، وتوزع على 3900 عائلة سورية في مخيمات، ومن جنسيات "
            "غير سورية. وقالت مصادر سورية إن الوضع في سورية صعب، ودخلت سورية مرحلة جديدة، وسورية "
            "والعراق جارتان، وزار لسورية وفدا، ومجموعة دولية خاصة بسورية.")
    m = ck.find_actors(docs(text, dates=["2015-07-20"]))
    syria = m.loc[m["actor_id"] == "state_syria", "start"].tolist()
    assert syria == [text.index("في سورية") + 3, text.index("ودخلت سورية") + 6,
                     text.index("وسورية والعراق"), text.index("لسورية"), text.index("بسورية")]


def test_round_fourteen_digits_plus_brackets_nationalities_and_libyas_sides():
    """Round 14 (development data: the other outlets' set 13): the P5+1 written with digits,
    also with quotation marks around it (the matcher joins words across "+" and ″); an outlet
    whose bare name is a common word named in brackets (قناة (الحرة)) but not the adjective; a
    document that names no country in full but says whose it is by a nationality adjective
    reads its generic forms as that country's; the GNA's forces are an actor of their own and
    the GNA's bare name counts where the document is about Libya; Morsi's surname in a
    document about Egypt, but not the city of Marsa Matruh."""
    m = ck.find_actors(docs(
        'توجه الوفد الإيراني إلى فيينا للتفاوض مع مجموعة "5+1". وتبدأ الجمهورية الاسلامية '
        "ومجموعة الـ”5+1″ صياغة اتفاق نهائي.", dates=["2014-05-14"]))
    assert m.loc[m["actor_id"] == "igo_p5plus1", "surface"].tolist() == ['مجموعة "5+1', "5+1"]
    m = ck.find_actors(docs("وأشار المرصد السوري، حسبما أفادت قناة (الحرة)، إلى استمرار "
                            "الاشتباكات. وقالت إن المرأة الحرة لا تخاف.", dates=["2016-03-02"]))
    assert m.loc[m["actor_id"] == "media_alhurra", "surface"].tolist() == ["الحرة"]
    egypt = ("أعلنت مصادر أمنية مصرية عن مقتل عشرة جنود في هجوم استهدف حاجزا للجيش قرب مدينة "
             "العريش.")
    nowhere = "أعلنت مصادر أمنية عن مقتل عشرة جنود في هجوم استهدف حاجزا للجيش قرب المدينة."
    m = ck.find_actors(docs(egypt, nowhere, dates=["2014-10-24", "2014-10-24"]))
    assert _got(m) == [("للجيش", "egy_army", "short form")]
    libya = ("اندلعت اشتباكات جنوب طرابلس بين قوات حكومة الوفاق الوطني وقوات اللواء المتقاعد "
             "خليفة حفتر. وقالت حكومة الوفاق الوطني إن ليبيا لن تعود إلى الحكم العسكري.")
    other = "قالت حكومة الوفاق الوطني إنها ستعلن برنامجها الأسبوع المقبل."
    m = ck.find_actors(docs(libya, other, dates=["2019-05-01", "2019-05-01"]))
    got = m[["doc_id", "surface", "actor_id"]].values.tolist()
    assert ["d0", "قوات حكومة الوفاق الوطني", "lby_gna_forces"] in got
    assert ["d0", "وقوات اللواء المتقاعد خليفة حفتر", "lby_lna"] in got
    assert ["d0", "حكومة الوفاق الوطني", "lby_gna"] in got
    assert not m["doc_id"].eq("d1").any()
    m = ck.find_actors(docs("رفع المتظاهرون في مصر صور مرسي، وتظاهر آخرون في مرسى مطروح.",
                            dates=["2013-08-23"]))
    assert m.loc[m["actor_id"] == "egy_morsi", "surface"].tolist() == ["مرسي"]


def test_round_fifteen_venues_quoted_abbreviations_and_latin_acronyms():
    """Round 15 (development data: set 14): a capital inside the name of a place or an event
    (مطار بغداد، اتفاق ستوكهولم، محادثات أستانا) is not its state, the capital as an agent is; a
    name and its abbreviation in quotation marks are two mentions, side by side one; Ennahda's
    bare name where the document is about Tunisia, not the Ethiopian dam (سد النهضة) in a
    document about Egypt; Kurdish and Turkish acronyms in Latin letters."""
    text = ("قتل قائد في غارة قرب مطار بغداد الدولي، وقالت بغداد إنها ستحقق. "
            "ورحبت موسكو باتفاق ستوكهولم وبمحادثات أستانا.")
    m = ck.find_actors(docs(text, dates=["2020-01-03"]))
    assert m[["surface", "actor_id"]].values.tolist() == [
        ["بغداد", "state_iraq"], ["موسكو", "state_russia"]]
    assert m["start"].iloc[0] == text.index("وقالت بغداد") + len("وقالت ")
    m = ck.find_actors(docs('نقلت وكالة الأنباء السورية "سانا" عن مصدر عسكري.',
                            "نقلت وكالة الأنباء السورية سانا عن مصدر عسكري.",
                            dates=["2018-04-17", "2018-04-17"]))
    assert m.loc[m["doc_id"] == "d0", "surface"].tolist() == ["وكالة الأنباء السورية", "سانا"]
    assert m.loc[m["doc_id"] == "d1", "surface"].tolist() == ["وكالة الأنباء السورية سانا"]
    m = ck.find_actors(docs("فازت حركة النهضة في تونس، وقالت النهضة إنها ستشكل الحكومة.",
                            "قالت مصر إن سد النهضة يهدد حصتها، ورفضت النهضة في الملء.",
                            dates=["2011-10-27", "2020-07-15"]))
    ennahda = m[m["actor_id"] == "tun_ennahda"]
    assert ennahda["doc_id"].tolist() == ["d0", "d0"]
    m = ck.find_actors(docs("قال الجيش التركي إنه قصف مواقع PKK قرب الحدود العراقية.",
                            dates=["2019-10-10"]))
    assert ["PKK", "tur_pkk"] in m[["surface", "actor_id"]].values.tolist()


def test_round_sixteen_sudan_iraq_egypt_and_an_institute_named_after_a_capital():
    """Round 16: actors of 2011-2020 political news the gazetteer lacked (Sudan's professionals
    and military council, Iraq's electoral lists, Mubarak's interior minister by his dated title)
    and a capital inside an institute's name (معهد واشنطن) that is not its state."""
    m = ck.find_actors(docs(
        "قال تجمع المهنيين السودانيين إن المجلس العسكري الانتقالي في السودان يماطل.",
        "فاز تحالف سائرون بأكبر عدد من المقاعد في الانتخابات العراقية.",
        "قال وزير الداخلية المصري إن الشرطة ستحمي المنشآت.",
        "وقال باحث في معهد واشنطن لسياسات الشرق الأدنى إن واشنطن قلقة.",
        dates=["2019-05-01", "2018-05-20", "2010-05-01", "2018-05-20"]))
    got = m[["doc_id", "surface", "actor_id", "resolved_by"]].values.tolist()
    assert ["d0", "تجمع المهنيين السودانيين", "sdn_spa", "exact"] in got
    assert ["d0", "المجلس العسكري الانتقالي في السودان", "sdn_tmc", "exact"] in got
    assert ["d1", "تحالف سائرون", "irq_sairoon", "exact"] in got
    assert ["d2", "وزير الداخلية المصري", "egy_adly_habib", "role at date"] in got
    usa = m[m["actor_id"] == "state_usa"]
    text = "وقال باحث في معهد واشنطن لسياسات الشرق الأدنى إن واشنطن قلقة."
    assert usa["doc_id"].tolist() == ["d3"] and usa["start"].tolist() == [text.rindex("واشنطن")]


def test_round_seventeen_a_kunya_in_every_case_and_mubarak_where_the_text_is_about_egypt():
    """A kunya declines (أبو مازن nominative, لأبي مازن genitive, أبا مازن accusative): one
    gazetteer form matches all three; Mubarak's bare surname counts in a document about Egypt,
    not as the word "blessed" elsewhere."""
    m = ck.find_actors(docs("التقى الوفد بأبي مازن في رام الله، وإن أبا مازن رحب باللقاء. "
                            "وقال أبو مازن إن الحل سياسي.", dates=["2015-01-01"]))
    abbas = m[m["actor_id"] == "pse_abbas"]
    assert abbas["surface"].tolist() == ["بأبي مازن", "أبا مازن", "أبو مازن"]
    m = ck.find_actors(docs("حكم على مبارك في القاهرة، وقالت مصر إن الحكم نهائي.",
                            "قال المتحدث: عيد مبارك، وكل عام وأنتم بخير.",
                            dates=["2012-06-02", "2012-06-02"]))
    assert m.loc[m["actor_id"] == "egy_mubarak", "doc_id"].tolist() == ["d0"]
    # a row of round 17's: Germany's foreign minister by his dated title
    m = ck.find_actors(docs("قال وزير الخارجية الألماني إن برلين تدعم الحل السياسي.",
                            dates=["2019-06-01"]))
    assert ("وزير الخارجية الألماني", "deu_maas", "role at date") in _got(m)


def test_round_eighteen_the_syrian_interior_minister_is_not_egypts_and_titles_find_holders():
    """Round 18 (development set 17): "وزير الداخلية محمد إبراهيم الشعار" is Syria's minister
    (Egypt's had the same first names, and the title with them is one of his variants: the
    longer name now wins from the same start); the US ambassador to Libya resolves to Chris
    Stevens at a 2012 date; the Quds Force's commander is Soleimani until 3 January 2020 and
    Qaani after (the force inside the title is not a mention of its own); a Lebanese news
    site's name counts only in quotation marks, not as the word "bulletin"."""
    m = ck.find_actors(docs("وقتل في التفجير وزير الدفاع داوود عبد الله راجحة ووزير الداخلية "
                            "محمد إبراهيم الشعار.", dates=["2012-07-18"]))
    got = _got(m)
    assert ("ووزير الداخلية محمد إبراهيم الشعار", "syr_shaar_mohammad") in \
        {(s, a) for s, a, _ in got}
    assert "egy_ibrahim_mohamed" not in set(m["actor_id"])
    assert "syr_rajiha_dawoud" in set(m["actor_id"])
    m = ck.find_actors(docs("قتل السفير الأمريكي في ليبيا في هجوم على القنصلية في بنغازي.",
                            dates=["2012-09-12"]))
    assert ("السفير الأمريكي في ليبيا", "usa_stevens_chris", "role at date") in _got(m)
    m = ck.find_actors(docs("وصل قائد فيلق القدس الإيراني إلى بغداد.",
                            "وصل قائد فيلق القدس الإيراني إلى بغداد.",
                            dates=["2020-01-03", "2020-02-01"]))
    who = m[m["type"] == "person"].set_index("doc_id")["actor_id"]
    assert who.to_dict() == {"d0": "irn_soleimani", "d1": "irn_qaani"}
    assert "irn_quds_force" not in set(m["actor_id"])
    m = ck.find_actors(docs("وتجد النشرة الموجزة أن ستة أشهر من العنف أدت إلى النزوح.",
                            'وقال مصدر لموقع "النشرة" إن الجلسة تأجلت.',
                            dates=["2016-01-01", "2016-01-01"]))
    assert m.loc[m["actor_id"] == "lbn_elnashra", "doc_id"].tolist() == ["d1"]


def test_round_nineteen_an_undated_title_is_the_holder_the_document_names():
    """In an undated document a bare title is the holder the document names in full (the
    annotators read it so; ACTOR_GUIDELINES §2.2), and stays a role where it names none or
    two of them; a title and its holder's name with "designate" or a nationality adjective
    between them are one mention."""
    m = ck.find_actors(docs("قال الرئيس الأمريكي دونالد ترامب إن بلاده ستنسحب. وأضاف الرئيس "
                            "الأمريكي أن القرار نهائي.",
                            "وقال الرئيس الأمريكي إن القرار نهائي.",
                            "التقى الرئيس الأمريكي السابق باراك أوباما والرئيس الأمريكي دونالد "
                            "ترامب، وقال الرئيس الأمريكي إن اللقاء مفيد."))
    got = {(d, s, a, how) for d, s, a, how in
           zip(m["doc_id"], m["surface"], m["actor_id"], m["resolved_by"])}
    assert ("d0", "الرئيس الأمريكي", "usa_trump", "role (holder named)") in got
    assert ("d1", "الرئيس الأمريكي", "role:الرئيس الأمريكي", "role (undated)") in got
    assert ("d2", "الرئيس الأمريكي", "role:الرئيس الأمريكي", "role (undated)") in got
    m = ck.find_actors(docs("قدم رئيس الحكومة اللبنانية المكلف سعد الحريري تشكيلته، وقال رئيس "
                            "وزراء الاحتلال الإسرائيلي بنيامين نتنياهو إن الوضع خطير.",
                            dates=["2018-06-01"]))
    persons = m[m["type"] == "person"]
    assert persons["surface"].tolist() == ["رئيس الحكومة اللبنانية المكلف سعد الحريري",
                                           "رئيس وزراء الاحتلال الإسرائيلي بنيامين نتنياهو"]
    assert persons["actor_id"].tolist() == ["lbn_hariri_saad", "isr_netanyahu"]


def test_round_twenty_news_sites_and_state_institutions_by_country():
    """Round 20 (gazetteer 2026.12.01.20): the region's news sites and state institutions;
    an upper house by its bare name is the one of the country the document is about, a news
    site whose name is a phrase only in quotation marks, and the government rows keep the
    bare words that every country's government shares."""
    m = ck.find_actors(docs("وقالت صحيفة عنب بلدي إن القصف استمر، ونقل موقع «عربي 21» الخبر.",
                            "صوت مجلس الشيوخ على القانون بعد أن أقرته الحكومة المصرية، وقالت "
                            "الحكومة إن مصر ستبدأ التنفيذ.",
                            "قال عربي 21 مرة إنه لن يعود.",
                            dates=["2016-01-01", "2020-11-01", "2016-01-01"]))
    got = {(d, a) for d, a in zip(m["doc_id"], m["actor_id"])}
    assert {("d0", "media_enab_baladi"), ("d0", "media_arabi21"), ("d1", "egy_senate"),
            ("d1", "egy_gov")} <= got
    assert not any(d == "d2" and a.startswith("media_") for d, a in got)
    assert m.loc[(m["doc_id"] == "d1") & (m["surface"] == "الحكومة"), "actor_id"].tolist() == \
        ["egy_gov"]


def test_a_leader_or_a_state_after_regime_government_or_administration_is_its_government():
    """نظام صدام حسين، حكومة حسان دياب، إدارة الرئيس دونالد ترامب، لحكومة الأردن: one mention
    of that country's government, spanning the head and the name (as the annotation guidelines
    and both coders of the held-out sets read them); the person still licenses their short
    form. Not across a line break, and not a state after إدارة (إدارة الأردن: "running Jordan");
    نظام معمر القذافي is the Gaddafi government the gazetteer lists since round 49 (before it, with
    no row for that government, the man)."""
    text = ("بعد عامين من سقوط نظام صدام حسين وإعدام صدام، قررت حكومة حسان دياب الاستقالة. "
            "ووقعت إدارة الرئيس دونالد ترامب الاتفاق، وأعلنت لحكومة الأردن دعمها.")
    m = ck.find_actors(docs(text, "اعترض على إدارة الأردن للملف بعد الإطاحة بنظام معمر القذافي.",
                            "وهذه هي الحكومة\nحسان دياب رئيسها.", dates=["2020-08-10"] * 3))
    got = [(d, text_of(m, i), a, h) for i, (d, a, h) in
           enumerate(zip(m["doc_id"], m["actor_id"], m["resolved_by"]))]
    d0 = [g[1:] for g in got if g[0] == "d0"]
    assert ("نظام صدام حسين", "irq_gov", "government of") in d0
    assert ("حكومة حسان دياب", "lbn_gov", "government of") in d0
    assert ("إدارة الرئيس دونالد ترامب", "usa_gov", "government of") in d0
    assert ("لحكومة الأردن", "jor_gov", "government of") in d0
    assert ("صدام", "irq_saddam", "short form") in d0
    assert not {"irq_saddam", "usa_trump", "state_jordan"} & {g[2] for g in d0}
    d1 = {g[2] for g in got if g[0] == "d1"}
    assert {"state_jordan", "lby_gaddafi_gov"} <= d1 and not {"jor_gov", "lby_gaddafi"} & d1
    assert "lbn_diab_hassan" in {g[2] for g in got if g[0] == "d2"}
    rows = m[m["resolved_by"] == "government of"]
    assert all(text[a:b] == s for a, b, s in zip(rows["start"], rows["end"], rows["surface"]))


def text_of(m: pd.DataFrame, i: int) -> str:
    return m["surface"].iloc[i]


def test_the_unit_counts_a_mention_table_carries_are_shared_not_copied():
    """pandas deep-copies ``attrs`` into every table an operation makes; the per-document unit
    counts a mention table carries (for co-occurrence's expected counts) are shared instead,
    so that filtering a table of a large corpus does not copy tens of thousands of ids and
    dates each time. They survive pickling (worker processes) and counting is unchanged."""
    import copy
    import pickle

    seed = SEED.read_text(encoding="utf-8")
    m = ck.find_actors(docs(seed, seed.replace("حمص", "حماة"), dates=["2012-02-10"] * 2))
    units = m.attrs["units"]
    assert set(units) >= {"doc_id", "sentence", "paragraph", "document"}
    states = m[m["type"] == "state"].reset_index(drop=True)
    assert all(states.attrs["units"][k] is units[k] for k in units)
    assert copy.deepcopy(units["doc_id"]) is units["doc_id"]
    back = pickle.loads(pickle.dumps(m))
    assert back.attrs["units"] == units and list(back.attrs["units"]["doc_id"]) == ["d0", "d1"]
    edges = ck.cooccurrence(m, unit="sentence", weight="npmi")
    plain = m.copy()
    plain.attrs = {**m.attrs, "units": {k: list(v) for k, v in units.items()}}
    pd.testing.assert_frame_equal(edges, ck.cooccurrence(plain, unit="sentence", weight="npmi"))
    assert len(edges) > 10


def test_matching_pauses_the_garbage_collector_and_restores_it(monkeypatch):
    """find_actors runs with the cyclic garbage collector paused (its passes cost time and find
    nothing to free there) and turns it back on after, also when it fails; a caller who had it
    off keeps it off."""
    import gc

    import corpuskit.actors.mentions as mentions

    seen = []
    real = mentions._scan
    monkeypatch.setattr(mentions, "_scan", lambda *a, **k: seen.append(gc.isenabled())
                        or real(*a, **k))
    assert gc.isenabled()
    m = ck.find_actors(docs(SEED.read_text(encoding="utf-8")))
    assert seen == [False] and gc.isenabled() and len(m) > 20
    with pytest.raises(SettingsError):
        ck.find_actors(docs("قال الأسد"), unit="chapter")
    assert gc.isenabled()
    gc.disable()
    try:
        ck.find_actors(docs("قال الأسد"))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_round_twenty_two_seats_of_government_and_capitals_as_places():
    """Round 22: a building or seat that stands for a government is the place itself after a
    locative or with ب attached (حفل في البيت الأبيض، بقصر الإليزيه، الحكومة في رام الله), and
    still the government as an agent (قال البيت الأبيض); a capital inside the name of a port,
    road, prison, governorate or centre (مرفأ بيروت، طريق الرياض - القصيم، سجن بغداد المركزي،
    محافظة صنعاء، مركز بغداد لحقوق الإنسان) or followed by الجديدة (القاهرة الجديدة) is not
    its state, while a capital as a plain place still is (وصل إلى بيروت، سجن ببرلين)."""
    m = ck.find_actors(docs(
        "أقيم الحفل في البيت الأبيض بحضور السفير، ثم التقى الوزير نظيره بقصر الإليزيه. "
        "وقال البيت الأبيض إن الاتفاق تاريخي، وقالت الحكومة في رام الله إنها ترفضه.",
        "وقع انفجار مرفأ بيروت قبل عام، ثم وصل الوزير إلى بيروت. وانقلبت حافلة على طريق الرياض "
        "- القصيم، وهرب سجناء من سجن بغداد المركزي، وقصفت محافظة صنعاء، وقال مركز بغداد لحقوق "
        "الإنسان إن المحاكمة في القاهرة الجديدة. واحتجز في سجن ببرلين.",
        dates=["2020-09-15", "2021-08-04"]))
    got = [(d, s, a) for d, s, a in zip(m["doc_id"], m["surface"], m["actor_id"])]
    d0 = [(s, a) for d, s, a in got if d == "d0"]
    assert d0.count(("البيت الأبيض", "usa_gov")) == 1      # the one that speaks
    assert not any(a in ("fra_gov", "pse_pa") for _, a in d0)
    d1 = [(s, a) for d, s, a in got if d == "d1"]
    assert d1.count(("بيروت", "state_lebanon")) == 1        # reached Beirut, not the port
    assert ("ببرلين", "state_germany") in d1
    assert not any(a in ("state_saudi_arabia", "state_iraq", "state_yemen", "state_egypt")
                   for _, a in d1)


def test_round_twenty_three_distinctive_surnames_count_alone_ambiguous_ones_still_need_a_name():
    """Gazetteer 2026.12.01.21: a surname that Arabic news uses alone for one person and that
    is no ordinary word (حمدوك، تبون، لفتيت) is a variant and counts in a document that never
    names the person in full; an ambiguous one (البرهان "the proof", الحريري) still needs the
    full name, and a name that reads as a preposition and a common word (بنودا "clauses": ب +
    نودا) is not a mention of Yoshihiko Noda."""
    m = ck.find_actors(docs(
        "وقال حمدوك إن الحكومة ستواصل الحوار مع الحركات المسلحة.",
        "وأكد تبون أن الجزائر لن تتدخل، فيما قال لفتيت إن الانتخابات ستجري في موعدها.",
        "وقدم البرهان على ذلك، وتضمن الاتفاق بنوداً عدة.",
        "وقال الحريري إن الحكومة لن تستقيل."))
    got = set(zip(m["doc_id"], m["actor_id"], m["resolved_by"]))
    assert ("d0", "sdn_hamdok", "variant") in got
    assert {("d1", "dza_tebboune", "variant"), ("d1", "mar_laftit", "variant")} <= got
    assert not set(m.loc[m["doc_id"].isin(["d2", "d3"]), "type"]) & {"person"}
    full = ck.find_actors(docs("قال رئيس مجلس السيادة عبد الفتاح البرهان إن البرهان سيزور القاهرة."))
    assert list(full["actor_id"]).count("sdn_burhan") == 2


def test_merging_a_page_set_counts_an_actor_once_where_its_spans_nest():
    """``page_sets.py merge``: a kept "only A" span inside the longer span a "different actor"
    decision gave the same person (set 62: وهاب inside الوزير السابق وئام وهاب), or the same
    span twice, is one gold mention; two actors on one span (8 و14 آذار) stay two."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("page_sets", ANN / "page_sets.py")
    page_sets = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(page_sets)
    text = "قال الوزير السابق وئام وهاب إن قوى 8 و14 آذار اتفقت، وأضاف وهاب أن الحكومة مسؤولة."

    def span(surface, actor, nth=0):
        start = [i for i in range(len(text)) if text.startswith(surface, i)][nth]
        return {"start": start, "end": start + len(surface), "actor": actor}

    ms = [span("الوزير السابق وئام وهاب", "Wiam Wahhab"), span("وهاب", "Wiam Wahhab"),
          span("8 و14 آذار", "March 8 Alliance"), span("8 و14 آذار", "March 14 Alliance"),
          span("الحكومة", "Government of Lebanon"), span("الحكومة", "Government of Lebanon"),
          span("وهاب", "Wiam Wahhab", 1)]
    kept, dropped = page_sets._one_span_per_actor(sorted(ms, key=lambda m: m["start"]))
    assert dropped == 2
    assert [(text[m["start"]:m["end"]], m["actor"]) for m in kept] == [
        ("الوزير السابق وئام وهاب", "Wiam Wahhab"), ("8 و14 آذار", "March 8 Alliance"),
        ("8 و14 آذار", "March 14 Alliance"), ("وهاب", "Wiam Wahhab"),
        ("الحكومة", "Government of Lebanon")]


def test_the_stored_page_sets_hold_offsets_and_hashes_not_text():
    """The held-out sets drawn from stored public web pages (13 onwards) ship no text: each
    record names its page (url), the paragraph's hash and each mention's offsets, span hash,
    actor and type; the two coders' files and the gold cover the same paragraphs, and every
    adjudicated disagreement says what was decided."""
    import json
    import re

    types = {"state", "government", "military", "security", "armed_group", "political_org",
             "igo", "ngo", "person", "media", "role"}
    sets = sorted(ANN.glob("actors_pages_heldout[0-9]*.jsonl"))
    sets = [p for p in sets if re.fullmatch(r"actors_pages_heldout\d+\.jsonl", p.name)]
    assert len(sets) >= 11
    for gold_path in sets:
        stem = gold_path.name[:-len(".jsonl")]
        files = {k: [json.loads(x) for x in (ANN / f"{stem}{k}.jsonl").read_text().splitlines()
                     if x.strip()] for k in ("", "_coder_a", "_coder_b")}
        keys = {k: [(r["item"], r["url"], r["hash"]) for r in recs] for k, recs in files.items()}
        assert keys[""] == keys["_coder_a"] == keys["_coder_b"], stem
        # a set large enough to measure by (151-261 paragraphs; set 71, whose collectors found
        # few stories earlier sets had not told, 90 paragraphs with 376 gold mentions)
        assert len(keys[""]) >= 80 and len({k[0] for k in keys[""]}) == len(keys[""]), stem
        assert sum(len(r["mentions"]) for r in files[""]) >= 300, stem
        for recs in files.values():
            for r in recs:
                assert "text" not in r and r["url"].startswith("http"), (stem, r["item"])
                assert re.fullmatch(r"[0-9a-f]{16}", r["hash"]), (stem, r["item"])
                for m in r["mentions"]:
                    assert 0 <= m["start"] < m["end"] and re.fullmatch(r"[0-9a-f]{8}", m["sha"])
                    assert m["type"] in types and m["actor"], (stem, r["item"], m)
        decisions = [json.loads(x) for x in
                     (ANN / f"{stem}_adjudication.jsonl").read_text().splitlines() if x.strip()]
        # A or B: that coder's reading; C / other / neither: another actor, or no mention
        assert decisions and all(d["decision"] in ("A", "B", "C", "other", "neither")
                                 and d["kind"] for d in decisions), stem


def test_round_twenty_four_generic_security_forces_are_the_countrys():
    """Gazetteer 2026.12.02.22: the generic forms of a country's security forces (قوات الأمن،
    الأجهزة الأمنية، القوى الأمنية) are that country's in a document about it, for every country
    of the region, and قوات الشرطة its police. A bare قوات الأمن in Palestinian news names no
    actor (the PA's in the West Bank, Hamas's in Gaza); the full names do. "The security
    authorities" in general (الجهات الأمنية) is no body, and Turkey's security forces are no
    longer its police."""
    m = ck.find_actors(docs(
        "قالت لجنة أطباء السودان إن قوات الأمن أطلقت الغاز على المتظاهرين في الخرطوم، "
        "وإن القوى الأمنية اعتقلت العشرات.",
        "وانتشرت قوات الأمن في مسقط بعد أن أعلنت سلطنة عمان حظر التجول، وأغلقت قوات الشرطة الطرق.",
        "اعتقلت الأجهزة الأمنية الفلسطينية ثلاثة ناشطين في رام الله، فيما قالت حركة حماس إن "
        "قوات الأمن لاحقت أنصارها، وإن أجهزة أمن السلطة تواصل حملتها.",
        "وفي غزة، قالت وزارة الداخلية إن الأجهزة الأمنية التابعة لحماس اعتقلت المشتبه بهم.",
        "وأكدت وزارة الداخلية السعودية أن الجهات الأمنية تتابع القضية.",
        "وقالت قوات الأمن التركية إنها اعتقلت 12 شخصا في إسطنبول."))
    got = list(zip(m["doc_id"], m["surface"], m["actor_id"]))
    assert ("d0", "قوات الأمن", "sdn_security_forces") in got
    assert ("d0", "القوى الأمنية", "sdn_security_forces") in got
    assert ("d1", "قوات الأمن", "omn_security_forces") in got
    assert ("d1", "قوات الشرطة", "omn_rop") in got
    d2 = [(s, a) for d, s, a in got if d == "d2"]
    assert ("الأجهزة الأمنية الفلسطينية", "pse_security_forces") in d2
    assert ("أجهزة أمن السلطة", "pse_security_forces") in d2
    assert not any(s == "قوات الأمن" for s, _ in d2)
    assert ("d3", "الأجهزة الأمنية التابعة لحماس", "pse_gaza_security_forces") in got
    assert not any(d == "d4" and a == "sau_security_forces" for d, _, a in got)
    assert ("d5", "قوات الأمن التركية", "tur_security_forces") in got


def test_a_venue_named_after_a_person_is_not_a_mention_of_the_person():
    """A person's name after the head of a place or institution named after them (مرقد الخميني،
    مطار رفيق الحريري، دار الأسد) is the venue's name: the person is not mentioned there
    (ACTOR_GUIDELINES: venue names built on a personal name). The same name elsewhere is."""
    m = ck.find_actors(docs(
        "استهدف الهجوم مبنى البرلمان ومرقد الإمام الخميني في طهران.",
        "هبطت الطائرة في مطار رفيق الحريري الدولي في بيروت.",
        "وأحيا أنصار رفيق الحريري ذكرى اغتياله، فيما نقلت وسائل الإعلام خطابا قديما للإمام الخميني."))
    got = list(zip(m["doc_id"], m["actor_id"]))
    assert ("d0", "irn_khomeini") not in got and ("d0", "state_iran") in got
    assert ("d1", "lbn_hariri_rafik") not in got
    assert ("d2", "lbn_hariri_rafik") in got and ("d2", "irn_khomeini") in got


def test_round_twenty_five_every_state_has_a_government_and_an_army():
    """Gazetteer 2026.12.02.23: every state has a government and an armed-forces actor, named
    by its nationality adjective and its name (الجيش التشادي، الحكومة النيجرية، حكومة غانا), and an
    African or Asian state's are also its generic الجيش and الحكومة where the document is about
    it (that they do not make a state "covered" is tested below)."""
    m = ck.find_actors(docs(
        "قال الجيش التشادي إنه صد هجوما للمتمردين، وأكدت الحكومة الكينية دعمها.",
        "وفي نيامي قالت الحكومة إن الجيش سيعود إلى ثكناته.",
        "وانتقدت حكومة غانا الانقلاب."))
    got = list(zip(m["doc_id"], m["surface"], m["actor_id"]))
    assert ("d0", "الجيش التشادي", "tcd_army") in got
    assert ("d0", "الحكومة الكينية", "ken_gov") in got
    assert ("d1", "الحكومة", "ner_gov") in got and ("d1", "الجيش", "ner_army") in got
    assert ("d2", "حكومة غانا", "gha_gov") in got


def test_round_twenty_six_heads_of_state_beyond_the_region_resolve_by_date():
    """Gazetteer 2026.12.02.24: the heads of state and government of 2011-2023 of Africa, Asia,
    Latin America and Europe that the gazetteer lacked, with dated titles: الرئيس الموريتاني is
    Ould Abdel Aziz in 2015 and Ghazouani in 2020; a name in full counts at any date."""
    m = ck.find_actors(docs(
        "التقى الرئيس الموريتاني وفدا من المعارضة في نواكشوط.",
        "التقى الرئيس الموريتاني وفدا من المعارضة في نواكشوط.",
        "وقال رئيس الوزراء الباكستاني شهباز شريف إن محمد بازوم ما زال محتجزا.",
        dates=["2015-05-01", "2020-05-01", "2023-08-01"]))
    got = set(zip(m["doc_id"], m["actor_id"], m["resolved_by"]))
    assert ("d0", "mrt_abdel_aziz", "role at date") in got
    assert ("d1", "mrt_ghazouani", "role at date") in got
    assert {a for d, a, _ in got if d == "d2"} >= {"pak_shehbaz_sharif", "ner_bazoum"}


def test_round_twenty_seven_every_state_has_a_parliament():
    """Gazetteer 2026.12.02.25: every state has its national legislature (البرلمان الباكستاني،
    برلمان غانا), also as the generic البرلمان where the document is about the state."""
    m = ck.find_actors(docs(
        "صوت البرلمان الباكستاني على حجب الثقة عن الحكومة.",
        "وفي أكرا أقر البرلمان قانونا جديدا للانتخابات في غانا."))
    got = list(zip(m["doc_id"], m["surface"], m["actor_id"]))
    assert ("d0", "البرلمان الباكستاني", "pak_parliament") in got
    assert ("d1", "البرلمان", "gha_parliament") in got


@pytest.mark.parametrize("state", ["تشاد", "غانا"])
def test_a_government_army_and_parliament_do_not_make_a_state_covered(state):
    """Rounds 25 and 27 give every state a government, an army and a parliament with generic
    forms; those forms do not make it a state whose institutions the gazetteer lists, so a
    ministry in a paragraph about Chad (government and army only) or Ghana (parliament too) is
    not given to the ministry of another state the text names (Sudan's)."""
    m = ck.find_actors(docs(
        f"قال مسؤول في الخرطوم إن الحدود مع السودان مفتوحة. وفي {state} أعلنت وزارة الصحة "
        "وفاة عشرة أشخاص."))
    assert "وزارة الصحة" not in set(m["surface"])


def test_round_twenty_eight_foreign_ministers_resolve_by_date():
    """Gazetteer 2026.12.02.26: foreign ministers of 2011-2023 with dated titles in both forms
    (وزير الخارجية الكويتي، وزير خارجية الكويت): Sabah al-Khalid in 2015, Ahmad Nasser in 2021;
    Iraq's Zebari in 2012 and Jaafari in 2016."""
    m, got = found(
        "التقى وزير الخارجية الكويتي نظيره الإيراني.",
        "التقى وزير خارجية الكويت نظيره الإيراني.",
        "وقال وزير الخارجية العراقي إن بغداد ترفض التدخل.",
        "وقال وزير الخارجية العراقي إن بغداد ترفض التدخل.",
        dates=["2015-05-01", "2021-05-01", "2012-05-01", "2016-05-01"])
    assert {("d0", "kwt_sabah_khalid"), ("d1", "kwt_ahmad_nasser"),
            ("d2", "irq_zebari_hoshyar"), ("d3", "irq_jaafari_ibrahim")} <= got


def test_round_twenty_nine_distinctive_surnames_count_alone():
    """Gazetteer 2026.12.02.27: a surname that news readers take to mean one person wherever it
    stands (الكاظمي، باشينيان، تينوبو) counts without the full name in the document; a surname
    that is also a word or shared (البرهان "the proof", الأسد) still needs it; and a person's
    short form with the {country} rule counts where the document names that country, even
    where it names another more (أبي أحمد beside Afwerki and Eritrea)."""
    m, got = found(
        "واستقبل الكاظمي في بغداد وفدا أرمنيا، فيما أكد باشينيان أن الحوار مستمر.",
        "وقال تينوبو إن نيجيريا ستواجه الإرهاب.",
        "وأكد البرهان أن الأسد لا يزال في موقعه.",
        "وقع الرئيسان أبي أحمد وأفورقي اتفاقية للسلام بين إثيوبيا وإريتريا.",
        dates=["2021-05-01", "2023-07-01", "2021-05-01", "2018-07-09"])
    assert {("d0", "irq_kadhimi_mustafa"), ("d0", "arm_pashinyan"),
            ("d1", "nga_tinubu"), ("d3", "eth_abiy"), ("d3", "eri_afwerki")} <= got
    assert not m[m["doc_id"] == "d2"]["type"].eq("person").any()
    assert set(m.loc[m["doc_id"] == "d0", "resolved_by"]) >= {"variant"}


def test_round_thirty_every_states_ministries_and_courts_by_adjective_and_name():
    """Gazetteer 2026.12.02.28: the foreign, defence and interior ministries and the supreme and
    constitutional courts of every state, by nationality adjective and name (وزارة الخارجية
    الإسبانية، وزارة دفاع أفغانستان، المحكمة العليا الباكستانية، المحكمة الدستورية في مالي); not a
    bare الخارجية/الدفاع + adjective, which is often a policy or a weapon."""
    m, got = found(
        "وقالت وزارة الخارجية الإسبانية إن مدريد تدين الهجوم، فيما أعلنت وزارة دفاع أفغانستان "
        "مقتل عشرة مسلحين.",
        "وقضت المحكمة العليا الباكستانية بعزل رئيس الوزراء، ونظرت المحكمة الدستورية في مالي في "
        "الطعون.",
        "وانتقد الكاتب السياسة الخارجية الإسبانية ومنظومة الدفاع البريطانية.")
    assert {("d0", "esp_mfa"), ("d0", "afg_mod"), ("d1", "pak_supreme_court"),
            ("d1", "mli_constitutional_court")} <= got
    assert not m[m["doc_id"] == "d2"]["actor_id"].str.endswith(("_mfa", "_mod")).any()


def test_foreign_and_interior_ministries_without_wizara_are_not_adjectives_of_a_noun():
    """الخارجية الأمريكية alone is the State Department (قالت الخارجية الأمريكية، إلى الخارجية
    الأمريكية، أعلنت اليوم الخارجية الأمريكية), but after a definite noun it is that noun's
    adjective: السياسة الخارجية الأمريكية is US foreign policy, الشؤون الداخلية السورية Syria's
    internal affairs."""
    m = ck.find_actors(docs(
        "وانتقد الكاتب السياسة الخارجية الأمريكية في المنطقة.",
        "ورفضت دمشق التدخل في الشؤون الداخلية السورية.",
        "وقالت الخارجية الأمريكية إن الهجوم مدان، وتوجه الوفد إلى الخارجية الأمريكية.",
        "وأعلنت اليوم الخارجية الأمريكية دعمها."))
    got = list(zip(m["doc_id"], m["actor_id"]))
    assert ("d0", "usa_state_dept") not in got
    assert not m[m["doc_id"] == "d1"]["actor_id"].str.endswith("_moi").any()
    assert got.count(("d2", "usa_state_dept")) == 2 and ("d3", "usa_state_dept") in got


def test_round_thirty_one_forms_the_annotators_never_took_for_the_actor():
    """Gazetteer 2026.12.02.29: وزراء الخارجية العرب (the ministers, people) is no mention of the
    Arab League Council, which مجلس وزراء الخارجية العرب still is; رام الله is a city, not the
    Palestinian Authority; and البعثة, a dated title of the observer missions of 2012, names
    nothing outside their period or in an undated text (no role mention), while in Syria in May
    2012 it is still UNSMIS."""
    m = ck.find_actors(docs(
        "واجتمع وزراء الخارجية العرب في القاهرة، ثم أصدر مجلس وزراء الخارجية العرب بيانا.",
        "ووصل الوفد إلى رام الله للقاء المسؤولين.",
        "وقالت البعثة إن الوضع هادئ.",
        "وقالت البعثة إن الوضع هادئ.",
        "وقالت البعثة إن المراقبين زاروا حمص.",
        dates=["2019-03-01", "2019-03-01", "2019-03-01", None, "2012-05-10"]))
    got = list(zip(m["doc_id"], m["actor_id"]))
    assert got.count(("d0", "igo_arab_league_council")) == 1
    assert not m[m["doc_id"] == "d1"]["actor_id"].eq("pse_pa").any()
    assert not m["doc_id"].isin(["d2", "d3"]).any()
    assert ("d4", "igo_unsmis") in got


def test_round_thirty_two_generic_forms_in_titles_and_before_the_financial_adjective():
    """A generic form after القائد العام / القائد الأعلى is in a person's title, as after قائد
    (القائد العام للقوات المسلحة حيدر العبادي: not the Iraqi army); and السلطات المالية (Mali's
    authorities, or the financial ones) is never given to another state the text names (France),
    while the army of a text about Iraq is still its army."""
    m, got = found(
        "وأعلن القائد العام للقوات المسلحة حيدر العبادي تحرير الموصل في العراق.",
        "وانتهى انسحاب القوات الفرنسية من مالي بتسليم آخر قاعدة إلى السلطات المالية، وقالت "
        "فرنسا إن المهمة انتهت.",
        "وقال الجيش إن العراق انتصر.",
        dates=["2017-07-10", "2022-08-16", "2017-07-10"])
    assert ("d0", "irq_abadi_haider") in got and ("d0", "irq_army") not in got
    assert ("d1", "fra_gov") not in got and ("d1", "state_france") in got
    assert ("d2", "irq_army") in got


def test_round_thirty_three_offices_bases_regions_and_places_named_after_states():
    """Round 33 (gazetteer 2026.12.02.30), precision: a cabinet named as an office or as one still
    to be formed (رئاسة الحكومة، تشكيل الحكومة، الحكومة المقبلة) is no mention, while the cabinet
    that acts is, and a named body being formed (تشكيل مجلس السيادة) keeps its mention; bare
    القاعدة (also "the base") counts only where al-Qaeda is named in full; العراق in كردستان العراق
    is part of the region's name; a state name after مطار/جامعة is a place; and السعودية after a
    definite noun with a proclitic (للعاصمة السعودية) is the adjective."""
    m, got = found(
        "وكلف الرئيس نجيب ميقاتي بتشكيل الحكومة في لبنان، ورفض التخلي عن رئاسة الحكومة، ويتوقع "
        "أن تضم الحكومة المقبلة وزراء جددا.",
        "وقالت الحكومة في لبنان إنها ستدرس الخطة.",
        "وأعلن البرهان تشكيل مجلس السيادة في السودان.",
        "وسقطت صواريخ على القاعدة الأمريكية في سوريا، ثم أعلن الجيش السيطرة على القاعدة.",
        "وأعلن تنظيم القاعدة مسؤوليته، وقال إن عناصر القاعدة نفذوا الهجوم.",
        "وقصفت تركيا مواقع في إقليم كردستان العراق قرب دهوك.",
        "وسيطرت قوات فجر ليبيا على مطار طرابلس في ليبيا، وتحدث أستاذ في جامعة الكويت.",
        "ووصل ترامب إلى العاصمة الرياض، وقال إن زيارته للعاصمة السعودية ناجحة.",
        dates=["2021-09-10", "2021-09-10", "2021-11-11", "2020-01-05", "2015-04-02",
               "2022-06-20", "2014-08-23", "2017-05-20"])
    assert ("d0", "lbn_gov") not in got and ("d1", "lbn_gov") in got
    assert ("d2", "sdn_sovereignty_council") in got
    assert ("d3", "ag_aq") not in got
    assert list(zip(m["doc_id"], m["actor_id"])).count(("d4", "ag_aq")) == 2
    assert ("d5", "state_iraq") not in got and ("d5", "state_turkey") in got
    assert ("d6", "state_kuwait") not in got
    assert m[(m["doc_id"] == "d6") & m["actor_id"].eq("state_libya")]["surface"].tolist() \
        == ["ليبيا"]
    assert ("d7", "state_saudi_arabia") in got   # الرياض, the capital (a plain place too)
    assert not m[m["doc_id"] == "d7"]["surface"].str.contains("السعودية").any()


def test_organizations_named_inside_a_persons_title_are_flagged_not_dropped():
    """Round 34: ``in_title`` marks an organization, state or role title named inside a person's
    title right before the person's name (مدير المرصد ... رامي عبد الرحمن; a chain such as رئيس مجلس
    السيادة الانتقالي بالسودان الفريق أول ركن عبد الفتاح البرهان; القيادي في حركة فتح مروان البرغوثي):
    the rows stay (the seed check asks for them) and can be filtered out to count titles as the
    guidelines do. The same bodies as subjects of their own (قال المرصد، أعلنت حركة فتح) are not
    flagged, nor is a person."""
    m, _ = found(
        "وقال مدير المرصد السوري لحقوق الإنسان رامي عبد الرحمن إن القيادي في حركة فتح مروان "
        "البرغوثي أكد ذلك، وقال المرصد السوري لحقوق الإنسان إن حركة فتح رحبت.",
        "وقال رئيس مجلس السيادة الانتقالي بالسودان الفريق أول ركن عبد الفتاح البرهان إن الجيش "
        "السوداني جاهز.",
        dates=["2019-02-10", "2021-01-01"])
    flagged = set(zip(m["doc_id"], m["actor_id"], m["in_title"]))
    assert ("d0", "ngo_sohr", True) in flagged and ("d0", "ngo_sohr", False) in flagged
    assert ("d0", "pse_fatah", True) in flagged and ("d0", "pse_fatah", False) in flagged
    assert ("d1", "sdn_sovereignty_council", True) in flagged and ("d1", "state_sudan", True) \
        in flagged
    assert not m[m["type"].eq("person")]["in_title"].any()
    assert not m[m["actor_id"].eq("sdn_army")]["in_title"].any()
    assert m["in_title"].dtype == bool


def test_a_surname_after_a_title_counts_without_a_full_mention():
    """Round 35: الرئيس صالح in a paragraph about Yemen is Ali Abdullah Saleh though the text
    never names him in full; not where the country is not named, not a first name that a
    further name follows (اللواء صالح القرزعي), and not after an honorific that is part of a name
    (سعد عبد الأمير لصالح نادي القادسية: "for")."""
    m, got = found(
        "وطالب المحتجون في اليمن بعدم منح الرئيس صالح أي حصانة.",
        "وطالب المحتجون بعدم منح الرئيس صالح أي حصانة.",
        "وتفقد مدير شرطة منطقة نجران اللواء صالح القرزعي الجنود في اليمن.",
        "وانتقل اللاعب العراقي سعد عبد الأمير لصالح نادي القادسية قادما من اليمن.",
        dates=["2011-11-20"] * 4)
    assert ("d0", "yem_saleh") in got
    assert m[m["doc_id"].eq("d0") & m["actor_id"].eq("yem_saleh")]["resolved_by"].tolist() \
        == ["short form after title"]
    assert not {("d1", "yem_saleh"), ("d2", "yem_saleh"), ("d3", "yem_saleh")} & got


def test_round_thirty_six_cabinets_and_partisan_names_of_the_israeli_army():
    """Gazetteer 2026.12.02.31: مجلس الوزراء is the cabinet of the country a document names, as
    الحكومة is (not where it is an office: رئاسة مجلس الوزراء), without making the state
    "covered" for its ministries; the partisan names of the Israeli army (الجيش الصهيوني، قوات
    العدو الصهيوني) are the army, and قوات شرق ليبيا Haftar's forces, not Libya."""
    m, got = found(
        "وفي السودان أعلن مجلس الوزراء إلغاء كل اللقاءات.",
        "وفي السودان أعلن حمدوك استقالته من رئاسة مجلس الوزراء.",
        "وقال الجيش الصهيوني إنه اعتقل 37 فلسطينيا، واقتحمت قوات العدو الصهيوني مخيم جنين.",
        "وسيطرت قوات الوفاق على غريان التي كانت تسيطر عليها قوات شرق ليبيا.",
        "أكدت وزارة الصحة عدم تسجيل حالات جديدة. وطالبت القادمين من السودان وتشاد والنيجر "
        "وغانا ومالي بأخذ اللقاح.",
        dates=["2020-03-09", "2022-01-02", "2022-05-01", "2019-06-27", "2015-09-09"])
    assert ("d0", "sdn_gov") in got and ("d1", "sdn_gov") not in got
    assert [a for d, a in zip(m["doc_id"], m["actor_id"]) if d == "d2"] == ["isr_idf", "isr_idf"]
    assert ("d3", "lby_lna") in got and ("d3", "state_libya") not in got
    # the cabinet is a basic generic form: it does not make every state with one "covered",
    # so that a ministry named before a list of states is not the ministry of one of them
    assert ("d4", "sdn_moh") not in got


def test_round_thirty_nine_the_regime_and_a_system():
    """Gazetteer 2026.12.02.32: bare النظام is the regime of Sudan, Algeria and Niger in a
    document about them (as of Syria, Iran ...); followed by a relative adjective that is no
    nationality it is a system (النظام الملكي البائد، النظام الانتخابي), not the government, but
    النظام الأمني السوري is the regime and an object after it (منح النظام المهلة) changes nothing."""
    m, got = found(
        "خرج آلاف السودانيين في الخرطوم مطالبين بإسقاط النظام، وردت قوات الأمن بالغاز.",
        "ردد المتظاهرون في الجزائر شعارات مناوئة لرموز النظام، وطالب آخرون بتعديل النظام "
        "الانتخابي.",
        "اتهم الحرس الثوري في إيران أنصار النظام الملكي البائد بتمويل الاحتجاجات.",
        "حذر المجلس الوطني السوري من أن منح النظام المهلة تلو الأخرى يطيل معاناة السوريين في حمص.",
        "قاتل مع النظام الأمني السوري في حمص مئات المسلحين.")
    assert {("d0", "sdn_gov"), ("d1", "dza_gov"), ("d3", "syr_gov"), ("d4", "syr_gov")} <= got
    assert ("d2", "irn_gov") not in got
    assert m[(m["doc_id"] == "d1") & (m["actor_id"] == "dza_gov")]["surface"].tolist() == ["النظام"]


def test_a_title_followed_by_a_short_form_of_its_holder_is_that_holder():
    """An undated title followed by a short form of one of its holders (أبي أحمد, counted alone
    only where Ethiopia is named) is that person ("role + name"), also with an honorific between
    (رئيس وزراء إثيوبيا الدكتور أبي أحمد); without a holder's name after it, it stays a role."""
    m, got = found("جاء ذلك في قمة بين رئيس إريتريا إسياس أفورقي ورئيس الوزراء الأثيوبي أبي أحمد.",
                   "وصل رئيس وزراء إثيوبيا الدكتور أبي أحمد إلى أسمرة.",
                   "وصل رئيس وزراء إثيوبيا إلى أسمرة.")
    assert {("d0", "eth_abiy"), ("d1", "eth_abiy")} <= got
    assert m[m["doc_id"] == "d0"]["resolved_by"].tolist() == ["role + name", "role + name"]
    assert m[m["doc_id"] == "d2"]["actor_id"].str.startswith("role:").any()


def test_round_forty_one_actors_of_recent_held_out_news():
    """Gazetteer 2026.12.02.33: 24 actors the news of held-out sets 34-35 named and the
    gazetteer lacked: Pakistan's Taliban (not the Afghan movement), Hurras al-Din, the Palestinian
    Prisoners' Society, AFRICOM, Manbij's military council, Tunisia's People's Movement where the
    document is about Tunisia, Nigeria's election commission and no other country's."""
    m, got = found(
        "تبنت حركة طالبان باكستان الهجوم على المدرسة في بيشاور.",
        "اعتقلت هيئة تحرير الشام قياديا في تنظيم حراس الدين بإدلب، وانتشر مجلس منبج العسكري "
        "في ريف حلب.",
        "قال نادي الأسير الفلسطيني إن الاحتلال اعتقل عشرين شابا، وأعلنت القيادة الأميركية في "
        "أفريقيا (أفريكوم) تنفيذ غارة.",
        "حصلت حركة الشعب على ثلاثة مقاعد في الانتخابات البلدية في تونس.",
        "أعلنت اللجنة الوطنية المستقلة للانتخابات في نيجيريا النتائج.",
        "حصلت حركة الشعب على ثلاثة مقاعد في الانتخابات البلدية في مصر.")
    assert {("d0", "pak_ttp"), ("d1", "syr_hurras_aldin"), ("d1", "syr_manbij_mc"),
            ("d2", "pse_prisoners_society"), ("d2", "usa_africom"), ("d3", "tun_echaab"),
            ("d4", "nga_inec")} <= got
    assert ("d5", "tun_echaab") not in got   # a People's Movement of another country
    assert ("d0", "ag_taliban") not in got
    assert m[m["actor_id"] == "usa_africom"]["surface"].tolist() == [
        "القيادة الأميركية في أفريقيا", "أفريكوم"]


def test_an_unresolved_title_before_a_listed_persons_name_is_that_persons_mention():
    """Round 42: a role title the gazetteer cannot resolve (undated, or a title it lists no
    holder of), right before a listed person's name, with a space, a comma or an opening
    quotation mark between, is the person's title: one mention of the person spanning both
    (ACTOR_GUIDELINES §2.2), not a role beside it. Not where the name follows "and" or a
    preposition: there the title is someone else's."""
    m = ck.find_actors(docs(
        "ووقع الاتفاقين وزير خارجية البحرين عبد اللطيف بن راشد الزياني.",
        "كما شنت المندوبة الأميركية، نيكي هالي، هجوما عنيفا على الأمم المتحدة.",
        "وقال وزير الداخليّة الإيراني «أحمد وحيدي» إنّ فرق الإنقاذ توجّهت إلى منطقة الحادث.",
        "وتم ذلك بحضور الرئيس الأمريكي ورئيس الوزراء الإسرائيلي بنيامين نتنياهو.",
        "وقال المتحدث باسم الخارجية الإيرانية لنيكي هالي إن بلاده ترفض القرار.",
        "وقال المتحدث باسم الأمين العام للأمم المتحدة مارتن نيسيركي إن الوضع خطير."),
        unit="paragraph")
    got = {d: list(zip(g["surface"], g["actor_id"])) for d, g in m.groupby("doc_id")}
    assert got["d0"] == [("وزير خارجية البحرين عبد اللطيف بن راشد الزياني",
                          "int_zayani_abdullatif")]
    assert ("المندوبة الأميركية، نيكي هالي", "usa_haley") in got["d1"]
    assert got["d2"] == [("وزير الداخليّة الإيراني «أحمد وحيدي", "irn_vahidi")]
    assert ("الرئيس الأمريكي", "role:الرئيس الأمريكي") in got["d3"]   # "and": someone else
    assert ("لنيكي هالي", "usa_haley") in got["d4"]
    # the title of the one he speaks for is part of his own: one mention, spanning it all
    assert got["d5"] == [("المتحدث باسم الأمين العام للأمم المتحدة مارتن نيسيركي",
                          "int_nesirky_martin")]
    assert not any(a.startswith("role:") for d in ("d0", "d1", "d2", "d5") for _, a in got[d])


def test_a_listed_persons_surname_alone_counts_once_the_document_names_them_in_full():
    """Round 43: the last word of a listed person's name, alone, is that person where the
    same document names them in full (after it in the text; in the title where the text does):
    بمقتل القنطار after سمير القنطار. Not before the full name, not in another document, not
    where the word before it makes it another's (a given name: another man of the family; a
    family word; a definite noun it qualifies), not a name's tail after a connector (آل ثاني)
    or of a compound given name (نصر الله), not an adjective-like surname (نبيل العربي)."""
    m = ck.find_actors(docs(
        "أكدت قناة المنار نبأ استشهاد الأسير اللبناني المحرر سمير القنطار في غارة إسرائيلية. "
        "وتعالت في إسرائيل أصوات تعبر عن الفرح بمقتل القنطار.",
        "وتعالت أصوات تعبر عن الفرح بمقتل القنطار.",
        "قتل أحد أنصار الشيخ أحمد الأسير في الاشتباكات. وقال الأسير إن أنصاره لن يتراجعوا، "
        "فيما نفى حسين الأسير أي علاقة له، وأعلنت عائلة الأسير براءتها.",
        "التقى رئيس الوزراء القطري حمد بن جاسم آل ثاني نظيره. وهذه ثاني زيارة له.",
        "قال الأمين العام لحزب الله حسن نصر الله إن الله معنا.",
        "قال الأمين العام للجامعة نبيل العربي إن الموقف العربي موحد، وإن البلد العربي يعاني."),
        unit="paragraph")
    sur = m[m["resolved_by"] == "surname after full name"]
    got = list(zip(sur["doc_id"], sur["surface"], sur["actor_id"]))
    assert ("d0", "القنطار", "lbn_kuntar") in got
    assert ("d2", "الأسير", "lbn_assir_ahmad") in got
    assert [d for d, _, _ in got] == ["d0", "d2"]   # nothing in d1 (no full name), d3-d5
    d2 = sur[sur["doc_id"] == "d2"]
    text = "قتل أحد أنصار الشيخ أحمد الأسير في الاشتباكات. وقال الأسير إن أنصاره لن يتراجعوا، "
    assert list(d2["start"]) == [text.index("وقال الأسير") + len("وقال ")]   # not حسين الأسير,
    #                                                                       not عائلة الأسير


def test_round_forty_four_actors_of_held_out_set_36s_news():
    """Gazetteer 2026.12.02.34: 18 actors that held-out set 36 (and earlier sets) named and the
    gazetteer lacked, and spellings of six it had: IGAD, ISWAP (not the Islamic State itself,
    by the longest match), the AU Commission (not the AU), the Taliban's spokesman, Egypt's
    prosecutors general by date, MINUSMA by its descriptions, Nigeria's interior ministry by
    its nationality adjective."""
    m, got = found(
        "دعت الهيئة الحكومية للتنمية (إيغاد) طرفي النزاع إلى وقف القتال، وقالت مفوضية الاتحاد "
        "الأفريقي إنها تتابع الوضع.",
        "تبنى تنظيم الدولة الإسلامية في غرب إفريقيا الهجوم، وفق ما قال المتحدث باسم طالبان "
        "ذبيح الله مجاهد في سياق آخر.",
        "وأمر النائب العام المصري بفتح تحقيق في الحادث.",
        "وأمر النائب العام المصري بفتح تحقيق في الحادث.",
        "وأنهى مجلس الأمن مهمة الأمم المتحدة لحفظ السلام في مالي، وأعلنت وزارة الداخلية "
        "النيجيرية فرار السجناء.",
        dates=["2023-05-01", "2022-01-01", "2017-03-01", "2020-03-01", "2023-06-30"])
    assert {("d0", "igo_igad"), ("d0", "igo_au_commission"), ("d1", "ag_iswap"),
            ("d1", "afg_mujahid_zabihullah"), ("d2", "egy_sadek_nabil"),
            ("d3", "egy_sawi_hamada"), ("d4", "igo_minusma"), ("d4", "nga_moi")} <= got
    assert ("d0", "igo_au") not in got and ("d1", "ag_isis") not in got


def test_round_forty_five_bare_names_read_where_the_document_names_the_country():
    """Gazetteer 2026.12.02.35: bare حزب العدالة والتنمية is Morocco's PJD in a document that
    names Morocco (it stays a short form of Turkey's AKP elsewhere), bare حركة الشباب is
    al-Shabaab where the document names Somalia (elsewhere it is a youth movement), and
    المؤتمر العام Libya's General National Congress where it names Libya."""
    m, got = found(
        "فاز حزب العدالة والتنمية بالانتخابات التشريعية في المغرب.",
        "فاز حزب العدالة والتنمية بالانتخابات البلدية في مصر.",
        "تبنت حركة الشباب الهجوم على قاعدة عسكرية في الصومال.",
        "دعت حركة الشباب في مصر إلى التظاهر.",
        "صوت المؤتمر العام في ليبيا على سحب الثقة من الحكومة.")
    assert {("d0", "mar_pjd"), ("d2", "ag_shabaab"), ("d4", "lby_gnc")} <= got
    assert not {("d1", "mar_pjd"), ("d1", "tur_akp"), ("d3", "ag_shabaab")} & got


def test_round_forty_six_actors_of_held_out_set_38s_news_and_namesakes():
    """Gazetteer 2026.12.02.36: actors held-out set 38 named and the gazetteer lacked, so that
    the states inside their names are no longer read on their own (أرض الصومال is Somaliland,
    not Somalia; حركة لبيك باكستان a party, not Pakistan), ECOWAS and the ICJ, and spellings of
    listed actors (جوزاف عون). A surname that is another person's short form (عون{country}:
    Michel Aoun) is the person the document named in full before it (Joseph Aoun); where the
    name's last word follows آل (عبد العزيز آل الشيخ) it is no surname, and الشيخ stays an
    honorific."""
    m, got = found(
        "اندلعت اشتباكات بين قوات أرض الصومال ومسلحين، وقالت حكومة أرض الصومال إنها سترد.",
        "نظمت حركة لبيك باكستان احتجاجات في لاهور.",
        "علقت المجموعة الاقتصادية لدول غرب إفريقيا (إيكواس) عضوية مالي، وأحالت جنوب أفريقيا "
        "القضية إلى محكمة العدل الدولية.",
        "استقبل رئيس الجمهورية جوزاف عون السفير، وقال عون إن لبنان ملتزم بالقرار 1701.",
        "أعلن الرئيس اللبناني ميشال عون أن الحكومة ستجتمع، وقال عون إن لبنان لن يتراجع.",
        "قال مفتي عام المملكة الشيخ عبد العزيز آل الشيخ إن الفتوى واضحة، وأضاف الشيخ أن "
        "العلماء متفقون.",
        dates=["2023-02-01", "2021-04-12", "2023-11-01", "2025-03-01", "2018-01-01",
               "2015-01-01"])
    assert {("d0", "som_somaliland_army"), ("d0", "som_somaliland_gov"), ("d1", "pak_tlp"),
            ("d2", "igo_ecowas"), ("d2", "igo_icj"), ("d3", "lbn_aoun_joseph"),
            ("d4", "lbn_aoun_michel")} <= got
    assert not {("d0", "state_somalia"), ("d1", "state_pakistan"), ("d3", "lbn_aoun_michel"),
                ("d4", "lbn_aoun_joseph")} & got
    aoun = m[(m["doc_id"] == "d3") & (m["surface"] == "عون")]
    assert aoun["resolved_by"].tolist() == ["surname after full name"]
    assert m[m["doc_id"] == "d5"]["surface"].tolist().count("الشيخ") == 0


def test_round_forty_seven_actors_of_held_out_set_39s_news():
    """Gazetteer 2026.12.02.37: actors held-out set 39 named and the gazetteer lacked (the EU's
    Aspides mission, World Central Kitchen, Jubaland and Ahmed Madobe, Ghnewa by his nickname,
    the ICC's prosecutor by date), and forms of listed actors (حكومة طالبان as Afghanistan's
    government; bare القناة 12 and الدعم السريع where the document names their country; a third
    spelling of Joseph Aoun)."""
    m, got = found(
        "أعلنت المهمة البحرية الأوروبية أسبيدس أن فرقاطة أسقطت مسيرتين، بينما علقت منظمة المطبخ "
        "المركزي العالمي عملها في غزة.",
        "اندلعت اشتباكات بين قوات جوبالاند بقيادة أحمد مدوبي والجيش الصومالي.",
        "قتل عبد الغني الككلي المعروف بغنيوة في طرابلس، وقالت حكومة طالبان إنها تدين الهجوم.",
        "قال المدعي العام للمحكمة الجنائية الدولية إن المحكمة أصدرت مذكرتي اعتقال.",
        "قال المدعي العام للمحكمة الجنائية الدولية إن المحكمة أصدرت مذكرتي اعتقال.",
        "استقبل رئيس الجمهورية جوزف عون الوفد، وقال عون إن لبنان ملتزم.",
        "ذكرت القناة 12 أن الجيش الإسرائيلي يستعد للعملية.",
        "قالت مصادر في السودان إن الدعم السريع قصف مدينة الفاشر، وقال الدعم السريع في بيان آخر.",
        "ذكرت القناة 12 أن الحكومة المصرية تستعد للانتخابات.",
        dates=["2024-03-01", "2024-12-11", "2025-05-13", "2024-11-21", "2015-01-01",
               "2025-05-01", "2024-01-01", "2025-04-12", "2024-01-01"])
    assert {("d0", "igo_eunavfor_aspides"), ("d0", "ngo_wck"), ("d1", "som_jubaland_forces"),
            ("d1", "som_madobe"), ("d2", "lby_kikli"), ("d2", "afg_gov"),
            ("d3", "igo_khan_karim"), ("d4", "igo_bensouda"), ("d5", "lbn_aoun_joseph"),
            ("d6", "media_isr_channel12"), ("d7", "sdn_rsf")} <= got
    assert not {("d2", "lby_ghneiwa"), ("d5", "lbn_aoun_michel"),
                ("d8", "media_isr_channel12")} & got


def test_bare_amman_is_jordan_where_the_document_names_jordan_and_oman_in_a_list_of_states():
    """عمان is Amman (Jordan's capital, marked as Jordan by the guidelines) and Oman: Jordan
    where the document names Jordan, Oman where it names Oman, Oman in a list of states (قطر
    وعمان) even where only Jordan is named, and neither in خليج عمان (a sea) or where the
    document names neither country. A form no candidate's own name holds (الكونجو) is
    resolved as usual in a list too."""
    m, got = found(
        "قال وزير الخارجية الأردني أيمن الصفدي إن الأردن يرفض التهجير، وعقد مؤتمرا صحفيا في عمان.",
        "التقى السلطان قابوس بن سعيد وزير الخارجية الإيراني، وقالت مصادر إن عمان تتوسط بين الطرفين.",
        "عبرت ناقلة نفط خليج عمان، وقالت البحرية الإيرانية إنها رصدتها.",
        "وصل الوفد إلى عمان مساء أمس.",
        "زار وزير الخارجية الإيراني قطر وعمان، ثم توجه إلى الأردن.",
        "وقعت جمهورية الكونغو الديمقراطية اتفاقا، وزار الوفد أنغولا والكونجو الأسبوع الماضي.")
    amman = m[m["surface"].str.endswith("عمان")]
    assert amman[["doc_id", "actor_id"]].values.tolist() == [
        ["d0", "state_jordan"], ["d1", "state_oman"], ["d4", "state_oman"]]
    d0 = m[m["doc_id"].eq("d0") & m["surface"].eq("عمان")].iloc[0]
    assert d0["resolved_by"] == "short form"
    assert not {("d2", "state_oman"), ("d2", "state_jordan"), ("d3", "state_oman"),
                ("d3", "state_jordan")} & got
    congo = m[m["doc_id"].eq("d5") & m["actor_id"].eq("state_dr_congo")]["surface"].tolist()
    assert congo == ["جمهورية الكونغو الديمقراطية", "والكونجو"]


def test_agency_initials_written_with_full_stops_are_the_agency():
    """أ.ف.ب and د.ب.أ (initials with full stops) are AFP and dpa, as أ ف ب is; a full stop
    between longer words or digits still ends a name (1.5 is not the 5+1 group, الأمم. المتحدة
    not the UN)."""
    m, got = found("باريس (أ.ف.ب) - قال الرئيس الفرنسي إن بلاده تدعم الحل.",
                   "برلين (د.ب.أ) - قالت الحكومة الألمانية إنها ترحب بالاتفاق.",
                   "ارتفع الإنتاج 1.5 مليون برميل، ووصل وفد الأمم. المتحدة غدا.")
    rows = m[["doc_id", "surface", "actor_id"]].values.tolist()
    assert ["d0", "أ.ف.ب", "media_afp"] in rows and ["d1", "د.ب.أ", "media_dpa"] in rows
    afp = m[m["surface"].eq("أ.ف.ب")].iloc[0]
    assert (afp["start"], afp["end"]) == (7, 12)
    assert not {("d2", "igo_p5plus1"), ("d2", "igo_un")} & got


def test_a_websites_name_written_with_its_domain_is_the_outlet():
    """العربية.نت and الجزيرة.نت (the website's name with its domain after a full stop, also
    after a clitic: للجزيرة.نت) are the outlets the gazetteer lists as العربية نت and الجزيرة
    نت; a full stop before a word that is no domain, or with a space after it, still ends a
    name."""
    m, got = found("وقال الخبير لـ«العربية.نت» إن الوضع خطير.",
                   "وقال مصدر للجزيرة.نت إن الوفد وصل.",
                   "وصل وفد الجزيرة. نت ثم غادر.")
    rows = m[["doc_id", "surface", "actor_id"]].values.tolist()
    assert ["d0", "العربية.نت", "media_alarabiya"] in rows
    assert ["d1", "للجزيرة.نت", "qat_aljazeera"] in rows
    assert not [s for d, s, a in rows if d == "d2" and "نت" in s]


def test_round_forty_eight_actors_of_held_out_set_40s_news():
    """Gazetteer 2026.12.03.39: actors held-out set 40 named and the gazetteer lacked (Israel's
    parties, Jaish al-Adl, the Jenin Battalion, MINURSO, Interpol, Ayachi Zammel), forms of listed
    ones (كيان الاحتلال for Israel, bare الحلف for NATO where the document names NATO, يونيفيل),
    and a full name that a longer short form no longer hides (قيادة الجيش اللبناني)."""
    m, got = found(
        "فاز حزب الليكود بـ35 مقعدا، فيما حصل حزب أزرق أبيض على 35 مقعدا وحزب شاس على 8.",
        "تبنى جيش العدل خطف جنود من حرس الحدود الإيراني، وقالت كتيبة جنين إنها تصدت للاقتحام.",
        "أكدت بعثة المينورسو التزامها، وأصدر الإنتربول نشرة حمراء بحق المرشح العياشي زمال.",
        "قال حلف شمال الأطلسي إن الحلف يقف إلى جانب تركيا، ودعا كيان الاحتلال إلى التهدئة.",
        "نشرت قوات يونيفيل دوريات، وأعلنت قيادة الجيش اللبناني أن الجيش انتشر في الجنوب.",
        "قال مسؤول إن الحلف الجديد سيضم دولا عدة.")
    assert {("d0", "isr_likud"), ("d0", "isr_blue_white"), ("d0", "isr_shas"),
            ("d1", "irn_jaish_aladl"), ("d1", "irn_border_guard"), ("d1", "pse_jenin_battalion"),
            ("d2", "igo_minurso"), ("d2", "igo_interpol"), ("d2", "tun_zammel"),
            ("d3", "state_israel"), ("d4", "igo_unifil")} <= got
    nato = m[m["doc_id"].eq("d3") & m["actor_id"].eq("igo_nato")]["surface"].tolist()
    assert nato == ["حلف شمال الأطلسي", "الحلف"]
    army = m[m["doc_id"].eq("d4") & m["actor_id"].eq("lbn_army")]
    assert army["surface"].tolist() == ["قيادة الجيش اللبناني", "الجيش"]
    assert army["resolved_by"].tolist() == ["variant", "short form"]
    assert ("d5", "igo_nato") not in got


def test_round_forty_nine_actors_of_held_out_set_41s_news():
    """Gazetteer 2026.12.03.40: actors held-out set 41 named and the gazetteer lacked (Ibrahim
    al-Organi and the Union of Arab Tribes, Abu Agila Masud, Boualem Sansal, Hadramout's National
    Council, Afghanistan's police) and forms of listed ones (النظام الجزائري for Algeria's
    government, the Gaddafi regime as a government, not the man; bare المحكمة العليا as Israel's
    supreme court where the document names Israel)."""
    m, got = found(
        "أعلن إبراهيم العرجاني رئيس اتحاد القبائل العربية دعمه للدولة في سيناء.",
        "سلمت السلطات الليبية المشتبه به أبو عجيلة مسعود إلى الولايات المتحدة.",
        "اعتقل النظام الجزائري الكاتب بوعلام صنصال بعد وصوله إلى مطار الجزائر.",
        "طالب مجلس حضرموت الوطني بحصة في السلطة.",
        "قاتل المتمردون نظام القذافي حتى سقوطه.",
        "حكمت المحكمة العليا الإسرائيلية بهدم المبنى، وقال نتنياهو إن المحكمة العليا تجاوزت "
        "صلاحياتها.")
    assert {("d0", "egy_organi"), ("d1", "lby_abu_agila_masud"), ("d2", "dza_gov"),
            ("d2", "dza_sansal"), ("d3", "yem_hadramout_national_council"),
            ("d4", "lby_gaddafi_gov"), ("d5", "isr_supreme_court")} <= got
    assert ("d4", "lby_gaddafi") not in got
    court = m[m["doc_id"].eq("d5") & m["actor_id"].eq("isr_supreme_court")]
    assert len(court) == 2


def test_an_office_holders_title_inside_a_deputys_spokesmans_or_envoys_title_is_not_the_holder():
    """A role title right after نائب، مساعد، مستشار، المتحدث باسم ... or after an envoy (مبعوث
    الأمين العام، المبعوث الخاص للأمين العام) is part of another person's title (ACTOR_GUIDELINES
    §2.2): on a dated page it used to resolve to the office holder (Elaraby for the Arab League
    deputy's title, Ban Ki-moon beside his spokesman, Kerry for his assistant). With the name
    that follows it is one mention of that person, spanning the whole title; alone, none. After
    بن the word مساعد is a name (عبدالله بن مساعد), not "assistant"."""
    m = ck.find_actors(docs(
        "وصرح السفير أحمد بن حلى، نائب الأمين العام للجامعة، في ختام الاجتماع بأن الجامعة "
        "العربية تدارس التطورات في سوريا.",
        "وقال المتحدث باسم الأمين العام للأمم المتحدة مارتن نيسيركي إن الوضع خطير.",
        "وأثنى البيان على جهود ممثل الأمين العام للأمم المتحدة، برناردينو ليون، في الحوار.",
        "وأشاد سلال بالجهود التي يبذلها المبعوث الخاص للأمين العام للأمم المتحدة إلى ليبيا.",
        "وقال مساعد وزير الخارجية الأمريكي إن الحوار ممكن، وقال وزير الخارجية الأمريكي إنه "
        "متفائل.",
        "واعتمد الأمير عبدالله بن مساعد الرئيس العام لرعاية الشباب لائحة جديدة.",
        dates=["2012-02-01", "2012-02-10", "2015-06-01", "2015-06-01", "2013-05-01",
               "2015-06-01"]), unit="paragraph")
    got = {d: list(zip(g["surface"], g["actor_id"])) for d, g in m.groupby("doc_id")}
    assert "int_elaraby_nabil" not in dict(got["d0"]).values()
    assert ("السفير أحمد بن حلى", "int_ben_helli_ahmed") in got["d0"]
    assert got["d1"] == [("المتحدث باسم الأمين العام للأمم المتحدة مارتن نيسيركي",
                          "int_nesirky_martin")]
    assert got["d2"] == [("ممثل الأمين العام للأمم المتحدة، برناردينو ليون",
                          "int_leon_bernardino")]
    assert "int_ban_ki_moon" not in dict(got["d3"]).values()
    assert ("ليبيا", "state_libya") in got["d3"]
    # the assistant's title names no one; the minister's own title, later, is Kerry
    assert [s for s, a in got["d4"] if a == "usa_kerry"] == ["وزير الخارجية الأمريكي"]
    assert m[(m["doc_id"] == "d4")]["start"].min() > 40
    assert got["d5"] == [("الأمير عبدالله بن مساعد الرئيس العام لرعاية الشباب",
                          "sau_abdullah_bin_musaed")]


def test_quotation_marks_set_either_way_round_still_quote_a_name():
    """Arabic sites often open a quotation with the mark that usually closes (”قلب تونس”،
    لـ»المدينة»): a form that names an actor only inside quotation marks ({quoted}) counts there
    too. A closing mark that ends an earlier quotation opens nothing: in لـ«نيويورك تايمز» بأن
    «داعش» the word بأن is not a quoted بان (Ban Ki-moon)."""
    m = ck.find_actors(docs(
        "وفاز الغنوشي بفضل مساندة حليفه حزب :”قلب تونس”.",
        "وقال مدير الجوازات لـ»المدينة» إن العمل مستمر.",
        "وصرح لـ«نيويورك تايمز» بأن «داعش» لا يقارن بالقاعدة."), unit="paragraph")
    got = set(zip(m["doc_id"], m["actor_id"]))
    assert ("d0", "tun_qalb_tounes") in got and ("d0", "state_tunisia") not in got
    assert ("d1", "media_almadina") in got
    assert ("d2", "int_ban_ki_moon") not in got


def test_the_red_cross_before_a_nationality_adjective_is_that_countrys_society():
    """الصليب الأحمر alone is the ICRC, but before a nationality adjective (الصليب الأحمر الكيني)
    it is that country's society, which the gazetteer may lack: no ICRC mention, and no other
    country's Red Crescent through its {country} short form (الهلال الأحمر العراقي in a document
    that also names Turkey). A society the gazetteer lists keeps its full name."""
    m = ck.find_actors(docs(
        "وأشار الصليب الأحمر الكيني إلى سقوط 65 جريحا في غاريسا بكينيا.",
        "وقال الصليب الأحمر إن فرقه دخلت حمص.",
        "وأرسل الهلال الأحمر التركي قافلة إلى سوريا عبر تركيا.",
        "وقال الهلال الأحمر العراقي إن قافلة وصلت إلى الموصل، فيما أرسلت تركيا مساعدات."),
        unit="paragraph")
    got = set(zip(m["doc_id"], m["actor_id"]))
    assert ("d0", "ngo_icrc") not in got and ("d0", "state_kenya") in got
    assert ("d1", "ngo_icrc") in got
    assert ("d2", "ngo_turkish_red_crescent") in got
    assert not any(d == "d3" and a.startswith("ngo_") for d, a in got)


def test_a_role_title_before_a_name_the_gazetteer_lacks_is_no_role_mention():
    """A role title the gazetteer cannot resolve, right before a person's name it lacks (رئيس
    الوزراء الصومالي عمر عبد الرشيد شرماركي on an undated page), is that person's title
    (ACTOR_GUIDELINES §2.2), not a mention of the office: by default neither is kept, with
    ``unlisted=True`` the person is. A title with no name after it stays a role mention. (The
    name must stay one the gazetteer lacks: rounds 50, 59 and 60 listed the real ones used
    before, Muammer Güler, Omar Abdirashid Sharmarke and Mohamed Hussein Roble, so the name is
    now an invented one that no round will add.)"""
    name = "عمر حسن شرواني"
    assert ck.find_actors(docs(f"وقال {name} إن الحكومة مستمرة."), unit="paragraph").empty
    c = docs(f"وأعلن رئيس الوزراء الصومالي {name} تشكيل حكومة جديدة.",
             "وأعلن رئيس الوزراء الصومالي تشكيل حكومة جديدة.")
    m = ck.find_actors(c, unit="paragraph")
    assert list(zip(m["doc_id"], m["actor_id"])) == [("d1", "role:رئيس الوزراء الصومالي")]
    u = ck.find_actors(c, unit="paragraph", unlisted=True)
    d0 = u[u["doc_id"] == "d0"]
    assert len(d0) == 1 and d0["surface"].iloc[0] == f"رئيس الوزراء الصومالي {name}"
    assert d0["type"].iloc[0] == "person"


def test_round_fifty_actors_of_held_out_set_42s_news():
    """Gazetteer 2026.12.03.41: actors held-out set 42 named and the gazetteer lacked (Algeria's
    police chief Abdelghani Hamel, Karim Tabbou, Volker Perthes and UNITAMS, Patriarch Sako,
    Itamar Ben-Gvir, Task Force Takuba) and forms of listed ones (the G5 Sahel as مجموعة الخمس في
    الساحل, AQAP under its own name قاعدة الجهاد في جزيرة العرب, قوات هادي for Yemen's army).
    Quoted كان stays out: it is the Cannes festival (مهرجان «كان») as often as Israel's
    broadcaster."""
    m, got = found(
        "أقال الرئيس بوتفليقة اللواء عبد الغاني هامل، واعتقلت الشرطة المعارض كريم طابو.",
        "أعلنت الحكومة السودانية فولكر بيرتس رئيس بعثة يونيتامس شخصا غير مرغوب فيه.",
        "استقبل البطريرك لويس ساكو وفدا، واقتحم إيتمار بن غفير المسجد الأقصى.",
        "انسحبت فرقة عمل تاكوبا من مالي، وغادرت مالي مجموعة الخمس في الساحل.",
        "تبنى تنظيم قاعدة الجهاد في جزيرة العرب الهجوم، فيما تقدمت قوات هادي في تعز.",
        "فازت الممثلة بجائزة أفضل ممثلة في مهرجان «كان» الأخير.")
    assert {("d0", "dza_hamel"), ("d0", "dza_tabbou"), ("d1", "int_perthes_volker"),
            ("d2", "irq_sako"), ("d2", "isr_ben_gvir"), ("d3", "fra_takuba"),
            ("d3", "igo_g5_sahel"), ("d4", "ag_aqap"), ("d4", "yem_army")} <= got
    assert not any(d == "d5" for d, _ in got)


def test_round_fifty_one_actors_of_held_out_set_43s_news():
    """Gazetteer 2026.12.03.42: actors held-out set 43 named and the gazetteer lacked (the
    Freedom Flotilla Coalition, Greta Thunberg, the Gaza Humanitarian Foundation, Operation
    Sophia, Katiba Macina) and spellings of listed ones (غوتيرش، غروندبيرغ، تاسك). The new
    persons' bare surnames are short forms, not variants: the Sankara hotel in Nairobi is not
    Thomas Sankara, and بن علي inside another Tunisian's name is not Ben Ali."""
    m, got = found(
        "أبحرت سفينة تحالف أسطول الحرية نحو غزة، وعلى متنها الناشطة غريتا ثونبرغ.",
        "أعادت مؤسسة غزة الإنسانية فتح مركز للتوزيع، وأنهت عملية صوفيا مهمتها.",
        "قال الأمين العام للأمم المتحدة أنطونيو غوتيرش إن هانس غروندبيرغ سيتولى المهمة، "
        "وأيده دونالد تاسك.",
        "تبنت كتيبة ماسينا الهجوم على القاعدة العسكرية في وسط مالي.",
        "نزل الوفد الكيني في فندق سنكارا بنيروبي.",
        "قال الجامعي زهير بن علي إن قرار الخارجية التونسية اتخذ منذ مدة.")
    assert {("d0", "ngo_freedom_flotilla"), ("d0", "swe_thunberg"), ("d1", "ngo_ghf"),
            ("d1", "igo_eunavfor_sophia"), ("d2", "int_guterres_antonio"),
            ("d2", "int_grundberg_hans"), ("d2", "int_tusk"), ("d3", "mli_katiba_macina"),
            ("d5", "tun_mfa")} <= got
    assert not any(a in ("bfa_sankara", "tun_ben_ali") for _, a in got)


def test_a_party_or_armed_group_before_another_countrys_adjective_is_its_namesake():
    """A party or armed group the gazetteer lists for one country, followed by the nationality
    adjective of another (لحزب الله العراقي، حزب الله الكويتي، حزب البعث العراقي، حزب العدالة
    والبناء اليمني), is that country's namesake, not the listed body (nor does it license the
    body's short forms). Its own country's adjective (حزب الله اللبناني) changes nothing, nor
    does a word that only looks like one (الحكومية، الشيعي)."""
    m = ck.find_actors(docs(
        "شنت الولايات المتحدة غارات على مواقع لحزب الله العراقي في القائم.",
        "وتبنى حزب الله الكويتي التفجيرات، بحسب ضباط في حزب البعث العراقي.",
        "وقال الأمين العام لحزب العدالة والبناء اليمني إن العدالة والبناء يرفض الاتفاق.",
        "وقال حزب الله اللبناني إن مقاتليه استهدفوا موقعا إسرائيليا، وإن حزب الله الشيعي لن "
        "يتراجع."), unit="paragraph")
    got = list(zip(m["doc_id"], m["actor_id"]))
    assert not any(d in ("d0", "d1", "d2") and a in ("lbn_hezbollah", "syr_baath", "lby_jcp")
                   for d, a in got)
    assert got.count(("d3", "lbn_hezbollah")) == 2


def test_round_fifty_two_actors_of_held_out_set_44s_news():
    """Gazetteer 2026.12.03.45: actors held-out set 44 named and the gazetteer lacked (Ziad
    Itani, the Islamic Movement's northern branch, Alireza Akbari, MI6, Mahmoud al-Mashhadani,
    Mustafa Sanalla) and forms of listed ones (تنظيم القاعدة في بلاد الشام for the Nusra Front,
    not al-Qaeda itself). A quoted common word stays a word: «ميزان» is a scale, not Iran's
    judiciary agency, and Fatah's bare short form still counts after a full mention."""
    m, got = found(
        "اعتقل فرع المعلومات الممثل زياد عيتاني، وحظرت إسرائيل الجناح الشمالي للحركة الإسلامية.",
        "أعدمت إيران علي رضا أكبري بتهمة التجسس لصالح جهاز الاستخبارات السرية البريطاني.",
        "انتخب البرلمان محمود المشهداني، وأقال الدبيبة مصطفى صنع الله.",
        "سيطرت جبهة النصرة (تنظيم القاعدة في بلاد الشام) على إدلب.",
        "ليس لدينا «ضابط» أو «ميزان» لتسعير الإيجار.",
        "ثمنت حركة \"فتح\" القرار، وحث الناطق باسم فتح الدول الأوروبية على الاعتراف.")
    assert {("d0", "lbn_itani_ziad"), ("d0", "isr_islamic_movement_north"),
            ("d1", "irn_akbari_alireza"), ("d1", "gbr_mi6"), ("d2", "irq_mashhadani"),
            ("d2", "lby_sanalla"), ("d3", "syr_nusra")} <= got
    assert ("d3", "ag_aq") not in got and not any(d == "d4" for d, _ in got)
    assert list(m.loc[m["doc_id"] == "d5", "actor_id"]) == ["pse_fatah", "pse_fatah"]


def test_round_fifty_three_actors_of_held_out_set_45s_news():
    """Gazetteer 2026.12.03.46: actors held-out set 45 named and the gazetteer lacked (Mukhtar
    Robow, Musa Hilal, Zaki Bani Irsheid, Mohammed al-Qiq, the Central Bank of Iraq, Suha
    Arafat, Mohsen Marzouk, Chad's ruling MPS). سهى عرفات is Arafat's widow, not Arafat."""
    m, got = found(
        "اعتقلت قوات الأمن مختار روبو، وأفرجت قوات الدعم السريع عن موسى هلال.",
        "حكمت المحكمة على زكي بني ارشيد، وأضرب الصحفي محمد القيق عن الطعام.",
        "أصدر البنك المركزي العراقي بيانا، وقالت سهى عرفات إن القضية لم تغلق.",
        "قال الأمين العام لحركة نداء تونس محسن مرزوق إن الحزب باق.",
        "فاز حزب الحركة الوطنية للإنقاذ في تشاد بالانتخابات.")
    assert {("d0", "som_robow"), ("d0", "sdn_hilal_musa"), ("d1", "jor_bani_irsheid"),
            ("d1", "pse_qiq"), ("d2", "irq_central_bank"), ("d2", "pse_suha_arafat"),
            ("d3", "tun_marzouk_mohsen"), ("d4", "tcd_mps")} <= got
    assert ("d2", "pse_arafat") not in got


def test_round_fifty_four_actors_of_held_out_set_46s_news():
    """Gazetteer 2026.12.03.47: actors held-out set 46 named and the gazetteer lacked (Hassan
    al-Laqqis, Francesca Albanese, Nawaf al-Fares, the Global Sumud Flotilla, the Alliance of
    Sahel States, Atiku Abubakar, Shahbaz Bhatti) and forms of listed ones: the LNA's formal name,
    the Tunisian presidency, words run together (الولاياتالمتحدة)."""
    m, got = found(
        "اغتيل القيادي في حزب الله حسان اللقيس، وانتقدت فرانشيسكا ألبانيزي الحصار.",
        "انشق السفير نواف الفارس، وأبحر أسطول الصمود العالمي نحو غزة.",
        "اجتمع قادة تحالف دول الساحل، ونافس عتيق أبو بكر في نيجيريا، واغتيل شهباز بهاتي.",
        "أعلنت القوات المسلحة العربية الليبية وقف النار، وأصدرت الرئاسة التونسية بيانا.",
        "وصل وفد من الولاياتالمتحدة إلى المنطقة.")
    assert {("d0", "lbn_laqqis"), ("d0", "int_albanese_francesca"), ("d1", "syr_fares_nawaf"),
            ("d1", "ngo_global_sumud_flotilla"), ("d2", "igo_aes"), ("d2", "nga_atiku"),
            ("d2", "pak_bhatti"), ("d3", "lby_lna"), ("d3", "tun_gov"), ("d4", "state_usa")} <= got


def test_the_popular_congress_party_is_sudans_or_yemens_by_the_document():
    """حزب المؤتمر الشعبي is Sudan's Popular Congress Party (al-Turabi's) in news of Sudan and
    Yemen's General People's Congress (Saleh's) in news of Yemen: held-out set 46's article on
    al-Bashir's trial had it three times as Yemen's. The full names stay each party's own."""
    m = ck.find_actors(ck.Corpus(pd.DataFrame({
        "doc_id": ["d0", "d1", "d2"],
        "text": ["أعلن حزب المؤتمر الشعبي رفضه لمحاكمة البشير في الخرطوم، وقال إن السودان يحتاج "
                 "إلى حوار.",
                 "قال مسؤول في حزب المؤتمر الشعبي إن الحوثيين هاجموا مقراته في صنعاء، اليمن.",
                 "أعلن حزب المؤتمر الشعبي العام تأييده، ورحب حزب المؤتمر الشعبي السوداني."],
        "date": pd.Timestamp("2019-07-21")})), unit="paragraph")
    got = set(zip(m["doc_id"], m["actor_id"]))
    assert ("d0", "sdn_pcp") in got and ("d0", "yem_gpc") not in got
    assert ("d1", "yem_gpc") in got and ("d1", "sdn_pcp") not in got
    assert {("d2", "yem_gpc"), ("d2", "sdn_pcp")} <= got


def test_round_fifty_five_actors_of_held_out_set_47s_news():
    """Gazetteer 2026.12.03.49: actors held-out set 47 named and the gazetteer lacked (Khaled
    Drareni, Hajar Raissouni, Navid Afkari, Walid Daqqa, Ahmed Tantawy, the Niger Delta Avengers,
    Morocco's USFP, the Council of Europe, Libya's foreign ministry) and forms of listed ones
    (ناتو، حكومة العثماني). Greece's police is the police of news of Greece only."""
    m, got = found(
        "قضت محكمة جزائرية بسجن الصحفي خالد درارني، وأدانت هاجر الريسوني في الرباط.",
        "أعدمت إيران المصارع نويد أفكاري، وتوفي الأسير وليد دقة في سجون الاحتلال.",
        "أعلن أحمد الطنطاوي انسحابه، وفجرت جماعة منتقمو دلتا النيجر أنبوبا للنفط.",
        "حل حزب الاتحاد الاشتراكي للقوات الشعبية ثالثا، وانتقد مجلس أوروبا القانون.",
        "أدانت وزارة الخارجية الليبية الهجوم، وقالت حكومة العثماني إن حلف الأطلسي (ناتو) شريك.",
        "أغلقت الشرطة اليونانية الطريق في أثينا، واعتقلت الشرطة عشرين شخصا.",
        "أغلقت الشرطة الطريق في أنقرة.")
    assert {("d0", "dza_drareni"), ("d0", "mar_raissouni_hajar"), ("d1", "irn_afkari_navid"),
            ("d1", "isr_daqqa_walid"), ("d2", "egy_tantawy_ahmed"),
            ("d2", "nga_niger_delta_avengers"), ("d3", "mar_usfp"),
            ("d3", "igo_council_of_europe"), ("d4", "lby_mfa"), ("d4", "mar_gov"),
            ("d4", "igo_nato"), ("d5", "grc_police")} <= got
    assert ("d6", "grc_police") not in got



def test_round_fifty_six_actors_of_held_out_set_48s_news():
    """Gazetteer 2026.12.03.50: actors held-out set 48 named and the gazetteer lacked (Ehud
    Olmert, Bezalel Smotrich, Amadou Koufa, Adnan Abu Walid al-Sahrawi, MUJAO, Lotfi Brahem,
    Shaimaa al-Sabbagh, Khalil Haqqani), forms of listed ones (بوكوحرام، جيش جمهورية مالي), and
    the White House press secretaries from 2011, so that the title resolves at every date
    (Sean Spicer's alone had turned Josh Earnest's title into a role without a holder)."""
    m, got = found(
        "التقى أيهود أولمرت وزير المالية بتسلئيل سموتريتش في القدس.",
        "ظهر أمادو كوفا في تسجيل، وأعلن عدنان أبو وليد الصحراوي ولاءه، وهاجمت حركة التوحيد "
        "والجهاد في غرب أفريقيا قاعدة لجيش جمهورية مالي، وقتلت بوكوحرام عشرة.",
        "أقال يوسف الشاهد وزير الداخلية لطفي براهم، وقتلت شيماء الصباغ في ميدان طلعت حرب.",
        "قتل خليل حقاني وزير شؤون اللاجئين في كابل.",
        "وقال المتحدث باسم البيت الأبيض إن الرئيس سيزور الرياض.",
        "وقال المتحدث باسم البيت الأبيض إن الرئيس سيزور الرياض.",
        "وقالت المتحدثة باسم البيت الأبيض إن الرئيس سيزور الرياض.",
        dates=[None, None, None, None, "2012-03-01", "2016-03-01", "2021-03-01"])
    assert {("d0", "isr_olmert"), ("d0", "isr_smotrich"), ("d1", "mli_koufa"),
            ("d1", "esh_sahrawi_adnan"), ("d1", "mli_mujao"), ("d1", "mli_army"),
            ("d1", "ag_boko_haram"), ("d2", "tun_brahem"), ("d2", "egy_sabbagh_shaimaa"),
            ("d3", "afg_haqqani_khalil"), ("d4", "usa_carney"), ("d5", "usa_earnest"),
            ("d6", "usa_psaki")} <= got
    assert ("d1", "state_mali") not in got   # the state inside its army's name




def test_spellings_of_one_bodys_generic_name_make_no_nationality():
    """A word after several bodies' generic forms is a nationality (الحكومة الألمانية، الشرطة
    الألمانية); after two spellings of one body's (لجنة شؤون الأحزاب السياسية and لجنة شئون
    الأحزاب السياسية, Egypt's parties committee) it is not: السياسية had become an Egyptian
    nisba, so that القيادة السياسية in Kuwaiti news was taken for Egypt's and dropped."""
    m, got = found("قال الوزير إن لدينا دعما واضحا من القيادة السياسية في الكويت، وإن الحكومة "
                   "الكويتية ستواصل عملها.",
                   "قالت الشرطة الألمانية إن المشتبه به اعتقل في برلين.")
    assert ("القيادة", "kwt_gov") in set(zip(m["surface"], m["actor_id"]))
    assert ("d1", "deu_police") in got


def test_a_surname_variant_after_another_given_name_is_another_person():
    """A person's one-word variant right after a given name that is no word of the person's
    names (nor one letter from one) is another person of that family name: ميشيل أوباما and يوسف
    أوباما are not Barack Obama. Still him: the name alone, after فإن ("for"), after a verb
    that is no given name (ولد حبري: "Habré was born"), and after his own given name in another
    spelling (جوزف بلاتر for جوزيف بلاتر)."""
    m, got = found(
        "وأعلنت السيدة الأولى ميشيل أوباما المبادرة، وسجل يوسف أوباما هدفا.",
        "وقال أوباما إن الاتفاق جيد، فإن لافروف قال إن موسكو توافق، وولد حبري في فايا لارجو، "
        "وأكد السويسري جوزف بلاتر أنه باق.")
    assert ("d0", "usa_obama") not in got
    assert {("d1", "usa_obama"), ("d1", "rus_lavrov"), ("d1", "tcd_habre"),
            ("d1", "int_blatter")} <= got


def test_round_eighty_seven_actors_of_held_out_set_81s_news():
    """Gazetteer 2026.12.05.87: actors of 1990s and 2000s news (held-out set 81) the gazetteer
    lacked (Shaul Mofaz, Leyla Zana, Amari Saifi "El Para", the Islamic Army in Iraq, Shayetet
    13, Gamal Abdel Nasser, the BND, نظام بن علي as Tunisia's government); and what was left out:
    "the American occupation" (الاحتلال الأمريكي, an event with a nationality adjective to the
    adjudicator), and bare الجمعية الوطنية for Pakistan's and Mali's parliaments (it begins other
    bodies' names)."""
    m, got = found(
        "وقال شاؤول موفاز إن ليلى زانا وعماري صايفي وجمال عبد الناصر غيروا التاريخ، وتبنى الجيش "
        "الإسلامي في العراق الهجوم، وهاجمت وحدة شييطت 13 الساحل، واتهم نظام بن علي المعارضة.",
        "وقاوم العراقيون الاحتلال الأمريكي، وقالت الجمعية الوطنية إن البرلمان الباكستاني سيجتمع.")
    assert {("d0", "isr_mofaz"), ("d0", "tur_zana_leyla"), ("d0", "dza_saifi_amari"),
            ("d0", "egy_nasser"), ("d0", "irq_islamic_army"), ("d0", "isr_shayetet13"),
            ("d0", "tun_gov")} <= got
    assert ("d1", "state_usa") not in got
    assert m.loc[m["doc_id"].eq("d1") & m["surface"].eq("الجمعية الوطنية")].empty
    assert ck.load_gazetteer().version == "2026.12.05.87"


def test_round_eighty_six_actors_of_held_out_set_80s_news():
    """Gazetteer 2026.12.04.86: actors of 1990s and 2000s news (held-out set 80) the gazetteer
    lacked (Kasdi Merbah, Rifaat el-Mahgoub, Bernard Borrel, Nasrallah Sfeir with his term as
    Maronite patriarch dated, Jimmy Carter with his presidency dated, Jacques Chirac, Faisal
    Husseini); and what was left out: the bare مجد ("glory") for Merbah's party, and قاصدي
    (Merbah's first name, "intending") as a given name for unlisted persons."""
    m, got = found(
        "اغتيل قاصدي مرباح، وقتل رفعت المحجوب، وتوفي القاضي برنار بوريل، وقال جاك شيراك إن فيصل "
        "الحسيني كان صديقا.",
        "وقال البطريرك الماروني إن الانتخابات مرفوضة.",
        "ووافق الرئيس الأميركي جيمي كارتر على الاتفاق.",
        "وأسس الحركة الجزائرية من أجل العدالة والتنمية، وقال إن مجد الأمة في وحدتها.",
        dates=[None, "1992-06-01", "2015-06-01", None])
    assert {("d0", "dza_merbah_kasdi"), ("d0", "egy_mahgoub_rifaat"),
            ("d0", "fra_borrel_bernard"), ("d0", "fra_chirac"), ("d0", "pse_husseini_faisal"),
            ("d1", "lbn_sfeir"), ("d2", "usa_carter_jimmy"), ("d3", "dza_majd")} <= got
    assert ("d2", "usa_obama") not in got   # a 2015 page: the title is Carter's, named after it
    assert m.loc[m["actor_id"].eq("dza_majd"), "surface"].tolist() == [
        "الحركة الجزائرية من أجل العدالة والتنمية"]
    d = docs("وقال قاصدي كثير من الناس إنهم ينتظرون.")
    assert not ck.find_actors(d, unlisted=True)["actor_id"].str.startswith("unlisted:").any()


def test_round_eighty_five_actors_of_held_out_set_79s_news():
    """Gazetteer 2026.12.04.85: actors of 1990s and 2000s news (held-out set 79) the gazetteer
    lacked (Abdelhak Benhamouda, Abu Nidal, Asbat al-Ansar, Siad Barre, Khalid Sheikh Mohammed,
    Warren Christopher, Bülent Ecevit, Driss Basri) and dated titles of the decade: Syria's prime
    ministers from Kasm to Otri, Hafez al-Assad as الرئيس السوري until 2000 (a 1990s page's Syrian
    president was Bashar), Colin Powell and James Baker as US secretary of state; and what was left
    out: a bare محمد إبراهيم (Saddam's bodyguard, too common a name)."""
    m, got = found(
        "اغتيل عبد الحق بن حمودة، وتبنت عصبة الأنصار الهجوم، وسقط محمد سياد بري، واعتقل خالد شيخ "
        "محمد، وقال وارن كريستوفر إن بولنت أجاويد وإدريس البصري التقيا.",
        "وقال الرئيس السوري إن السلام خيار استراتيجي، وقال رئيس الوزراء السوري إن الحكومة "
        "مستقيلة.",
        "وقال وزير الخارجية الأمريكي إن العراق لم يتعاون.",
        "وألقي القبض على محمد إبراهيم في تكريت.",
        dates=[None, "1995-06-01", "2003-02-01", None])
    assert {("d0", "dza_benhamouda_abdelhak"), ("d0", "lbn_asbat_al_ansar"),
            ("d0", "som_barre_siad"), ("d0", "pak_ksm"), ("d0", "usa_christopher_warren"),
            ("d0", "tur_ecevit"), ("d0", "mar_basri_driss"), ("d1", "syr_assad_hafez"),
            ("d1", "syr_zoubi_mahmoud"), ("d2", "usa_powell")} <= got
    assert ("d3", "irq_muslit") not in got


def test_round_eighty_four_actors_of_held_out_set_78s_news():
    """Gazetteer 2026.12.04.84: actors of 1990s news (held-out set 78) the gazetteer lacked (Fathi
    Shaqaqi, Abbas al-Musawi with his term as Hezbollah's secretary-general dated, Elie Hobeika,
    Gulbuddin Hekmatyar, Mikhail Gorbachev, the South Lebanon Army, Bahrain's Abdul Amir al-Jamri);
    and what was left out or taken out: "the American planes" (الطائرات الأمريكية: a nationality
    adjective, which the guidelines do not mark), a bare عباس موسوي (also Iran's spokesman), and
    صغير ("small", Sagir Musa) as a given name for unlisted persons."""
    m, got = found(
        "اغتيل فتحي الشقاقي في مالطا، وقتل إيلي حبيقة في الحازمية، وهاجم قلب الدين حكمتيار كابول، "
        "وقال ميخائيل غورباتشوف إن الحرب انتهت، وانهار جيش لبنان الجنوبي، وقاد عبد الأمير الجمري "
        "العريضة.",
        "وقال الأمين العام لحزب الله إن المقاومة مستمرة.",
        "وقصفت الطائرات الأمريكية الملجأ.",
        dates=[None, "1991-10-01", None])
    assert {("d0", "pse_shaqaqi_fathi"), ("d0", "lbn_hobeika"), ("d0", "afg_hekmatyar"),
            ("d0", "sun_gorbachev"), ("d0", "lbn_sla"), ("d0", "bhr_jamri_abdulamir"),
            ("d1", "lbn_musawi_abbas")} <= got
    assert ("d2", "usa_military") not in got
    d = docs("وقال صغير كثير من الناس إنهم ينتظرون.")
    assert not ck.find_actors(d, unlisted=True)["actor_id"].str.startswith("unlisted:").any()


def test_round_eighty_three_actors_of_held_out_set_77s_news():
    """Gazetteer 2026.12.04.83: actors of 1990s news (held-out set 77) the gazetteer lacked (Bill
    Clinton, Yitzhak Rabin, Necmettin Erbakan, Mohamed Boudiaf, Najibullah, the FIS and the GIA,
    the Organisation of African Unity), and dated titles of the decade (الرئيس الأمريكي of 1998 is
    Clinton, رئيس الوزراء الإسرائيلي of 1997 Netanyahu's first term); and what was left out: the
    Delta Force film's transliterated name (دلتا فورس), the palace of Rabat as a place
    (بالقصر الملكي بالرباط: Rabat stays Morocco), Saeed Emami's bare surname (امامي, "in front
    of me"), and آل (Al Gore's first name) as a given name for unlisted persons (آل سعود)."""
    m, got = found(
        "وقال بيل كلينتون إن إسحاق رابين ونجم الدين أربكان ومحمد بوضياف ومحمد نجيب الله التقوا، "
        "وحظرت السلطات الجبهة الإسلامية للإنقاذ وهاجمت الجماعة الإسلامية المسلحة قرية، وانعقدت "
        "قمة منظمة الوحدة الأفريقية.",
        "وقال الرئيس الأمريكي إن العراق لم يتعاون، وقال رئيس الوزراء الإسرائيلي إن الاتفاق صامد.",
        "وعرض فيلم دلتا فورس، واستقبل الملك ضيوفه بالقصر الملكي بالرباط، وتحدث سعيد إمامي "
        "للصحفيين ثم وقف الحارس امامي.",
        dates=[None, "1998-06-01", None])
    assert {("d0", "usa_clinton_bill"), ("d0", "isr_rabin"), ("d0", "tur_erbakan"),
            ("d0", "dza_boudiaf"), ("d0", "afg_najibullah"), ("d0", "dza_fis"),
            ("d0", "dza_gia"), ("d0", "igo_oau"), ("d1", "usa_clinton_bill"),
            ("d1", "isr_netanyahu")} <= got
    assert not {a for d, a in got if d == "d2"} & {"usa_delta_force", "mar_royal_palace"}
    assert ("d2", "state_morocco") in got
    assert m.loc[m["actor_id"].eq("irn_emami_saeed"), "surface"].tolist() == ["سعيد إمامي"]
    d = docs("وقال آل سعود إن الاجتماع تأجل، وتزور آل خليفة المنطقة.")
    assert not ck.find_actors(d, unlisted=True)["actor_id"].str.startswith("unlisted:").any()


def test_round_eighty_two_actors_of_held_out_set_76s_news():
    """Gazetteer 2026.12.04.82: actors of 2000-2012 news (held-out set 76) the gazetteer lacked
    (Izz al-Din Salim, Hassan Hattab, Fereydoon Abbasi with his term at Iran's atomic energy
    organization dated, Maulana Fazlullah, the Tamil Tigers, Driss Benzekri), النظام الصهيوني as
    Israel's government; and what was left out: a Niger broadcaster's name spelled with Nigeria's
    adjective (الإذاعة العامة النيجيرية), and a bare حبيب الرحمن (a common name)."""
    m, got = found(
        "اغتيل عز الدين سليم رئيس مجلس الحكم، واستسلم حسن حطاب، وقاد مولانا فضل الله مسلحي "
        "وادي سوات، وهاجمت نمور التاميل الحافلة، وقال إدريس بنزكري إن الهيئة أنهت عملها، وندد "
        "النظام الصهيوني بالقرار.",
        "وقال رئيس منظمة الطاقة الذرية الإيرانية إن التخصيب مستمر.",
        "وبثت الإذاعة العامة النيجيرية الخبر، وقال حبيب الرحمن إن الوضع هادئ.",
        dates=[None, "2012-03-01", None])
    assert {("d0", "irq_salim_ezzedine"), ("d0", "dza_hattab_hassan"),
            ("d0", "pak_fazlullah"), ("d0", "lka_ltte"), ("d0", "mar_benzekri_driss"),
            ("d0", "isr_gov"), ("d1", "irn_abbasi_fereydoon")} <= got
    assert not {a for d, a in got if d == "d2"} & {"media_ortn_niger", "pak_habib_ur_rehman"}


def test_round_eighty_one_actors_of_held_out_set_75s_news():
    """Gazetteer 2026.12.04.81: actors of 2000-2012 news (held-out set 75) the gazetteer lacked
    (Nizar Rayan, Said Seyam, Lubna al-Hussein, Gordon Brown, Mahmoud Gul Aghasi, the Multi-National
    Force in Iraq, the Sudanese Communist Party), the Bush administration as the US government,
    other spellings of AQIM and UNIFIL; and what was left out: Sayeeda Warsi's bare surname (وأرسى,
    "and he established", normalizes to it), and صبر ("patience", Sabr al-Rawashdeh) as a given
    name for unlisted persons."""
    m, got = found(
        "اغتالت إسرائيل نزار ريان وسعيد صيام، وحوكمت الصحفية لبنى الحسين، وقال غوردن براون إن "
        "بلاده قلقة، وقتل محمود قول آغاسي في حلب، وانتقد الحزب الشيوعي السوداني الحكم.",
        "وقالت إدارة بوش إن القوات المتعددة الجنسيات في العراق باقية، وتبنى تنظيم القاعدة "
        "بالمغرب الإسلامي الهجوم على قوات اليونيفل.",
        "حافظ الحزب على مكانته في بريطانيا وأرسى قواعد جديدة، وقال صبر كثير من الناس إنهم ينتظرون.")
    assert {("d0", "pse_rayan_nizar"), ("d0", "pse_seyam_said"), ("d0", "sdn_lubna_hussein"),
            ("d0", "gbr_brown_gordon"), ("d0", "syr_abu_qaqaa"), ("d0", "sdn_scp"),
            ("d1", "usa_gov"), ("d1", "igo_mnf_iraq"), ("d1", "ag_aqim"),
            ("d1", "igo_unifil")} <= got
    assert ("d2", "gbr_warsi") not in got
    d = docs("وقال صبر كثير من الناس إنهم ينتظرون.")
    assert not ck.find_actors(d, unlisted=True)["actor_id"].str.startswith("unlisted:").any()


def test_round_eighty_actors_of_held_out_set_74s_news():
    """Gazetteer 2026.12.04.80: actors of 2000-2012 news (held-out set 74) the gazetteer lacked
    (May Chidiac, Hakimullah Mehsud, Mullah Dadullah, Salah Shehade, ISAF, UNMISS, Iraq's Baath
    party, Pope Shenouda III, Mustapha Sahel with his term dated); and what was left out: a bare
    البعث for Iraq's party (Syrian documents name Iraq), Taqadoumy's name «تقدمي» in quotes (the
    adjective "progressive"), and كلام ("speech", Kalam Tini) as a given name for unlisted
    persons."""
    m, got = found(
        "نجت الإعلامية مي شدياق من محاولة اغتيال، وقتل حكيم الله محسود والملا داد الله، واغتيل صلاح "
        "شحادة، وأطلقت قوة إيساف صاروخا، وقالت بعثة الأمم المتحدة في جنوب السودان إن القتلى كثر.",
        "وهاجم حزب البعث العراقي المنحل الحكومة، وترأس البابا شنودة الثالث القداس، وقال وزير "
        "الداخلية المغربي إن الخلية فككت.",
        "وقال حزب البعث السوري إن البعث باق، ووصف الحزب بأنه «تقدمي»، وقال كلام المسؤول إن الوضع هادئ.",
        dates=[None, "2004-05-01", None])
    assert {("d0", "lbn_chidiac_may"), ("d0", "pak_mehsud_hakimullah"), ("d0", "afg_dadullah"),
            ("d0", "pse_shehade_salah"), ("d0", "igo_isaf"), ("d0", "igo_unmiss"),
            ("d1", "irq_baath"), ("d1", "egy_pope_shenouda"), ("d1", "mar_sahel_mustapha")} <= got
    assert not {a for d, a in got if d == "d2"} & {"irq_baath", "media_taqadoumy",
                                                     "ner_tini_kalam"}
    d = docs("وأكد كلام الرئيس أن القرار نهائي، وقال كلام كثير عن الاتفاق.")
    assert not ck.find_actors(d, unlisted=True)["actor_id"].str.startswith("unlisted:").any()


def test_a_title_before_another_countrys_nationality_is_not_its_holder():
    """زعيم حركة طالبان الباكستانية is the Pakistani Taliban's leader, not the (Afghan) holder
    of زعيم حركة طالبان at the date: no mention of Mullah Omar; the bare title still is his, and
    a nationality of the holder's own country keeps the title (رئيس وزراء الاحتلال الإسرائيلي)."""
    m, got = found("أعلنت باكستان مقتل حكيم الله محسود زعيم حركة طالبان الباكستانية في هجوم.",
                   "وقال زعيم حركة طالبان إن الحركة لن تفاوض.",
                   "وقال رئيس وزراء الاحتلال الإسرائيلي إن العملية مستمرة.",
                   dates=["2010-01-01", "2010-01-01", "2016-01-01"])
    assert ("d0", "afg_mullah_omar") not in got and ("d1", "afg_mullah_omar") in got
    assert ("d2", "isr_netanyahu") in got


def test_round_seventy_nine_actors_of_held_out_set_73s_news():
    """Gazetteer 2026.12.04.79: actors of 2000-2012 news (held-out set 73) the gazetteer lacked
    (Dick Cheney with his vice-presidency dated, Amir Peretz's term at defence, George Habash and
    Abu Ali Mustafa, Anwar al-Bunni, Aref Dalila, Lam Akol, Chemical Ali), the Sahrawi press's
    سلطات الاحتلال المغربي for Morocco's authorities (not Israel's); and what was left out: Jordan's
    كتائب التوحيد and Iraq's سرايا المجاهدين by those bare names outside their countries (other
    groups have used them), and surnames that are words (البني "brown") without a full name."""
    m, got = found(
        "وقال نائب الرئيس الأمريكي إن الحرب ستطول، وقال وزير الدفاع الإسرائيلي إن الجيش مستعد.",
        "اغتيل أبو علي مصطفى بعد جورج حبش، واعتقل أنور البني وعارف دليلة، وأسس لام أكول حزبا، "
        "وأعدم علي الكيماوي، وحاصرت سلطات الاحتلال المغربي منزل الناشطة.",
        "وقاتلت كتائب التوحيد في حلب، وتبنت سرايا المجاهدين الهجوم، ولون الباب البني.",
        dates=["2006-08-01", None, None])
    assert {("d0", "usa_cheney"), ("d0", "isr_peretz_amir"), ("d1", "pse_abu_ali_mustafa"),
            ("d1", "pse_habash_george"), ("d1", "syr_bunni_anwar"), ("d1", "syr_dalila_aref"),
            ("d1", "ssd_akol_lam"), ("d1", "irq_majid_ali_hassan"), ("d1", "mar_gov")} <= got
    assert ("d1", "isr_gov") not in got
    assert not {a for d, a in got if d == "d2"} & {"jor_kataib_tawhid", "irq_saraya_mujahideen",
                                                     "syr_bunni_anwar"}


def test_a_dated_title_before_another_persons_name_is_not_the_holder_at_the_date():
    """A role title followed by a given name that begins no name of the title's holder at the
    page's date introduces someone else (نائب الرئيس الأمريكي نيلسون روكفلر on a page of 2021,
    الرئيس الأمريكي جيمي كارتر on one of 2015): no mention of the holder; with ``unlisted=True``
    the title goes with the name. Still the holder: his name in another spelling (بيجان زنكنه
    for بيجن زنغنه), a misspelt given name before his surname (جون إيرنست), a word that is also
    a given name (لخادم الحرمين الشريفين باسم ...)."""
    texts = ["وكان نائب الرئيس الامريكي نيلسون روكفلر قد زار المنطقة في جولة آسيوية.",
             "وفي عام 1977 وافق الرئيس الأمريكي جيمي كارتر على المعاهدة.",
             "وقال وزير النفط الإيراني بيجان زنكنه إن الإنتاج سيرتفع.",
             "وقال المتحدث باسم البيت الأبيض جون إيرنست للصحفيين إن الرئيسين تحدثا.",
             "وقدمت الهدية لخادم الحرمين الشريفين باسم الجمعية."]
    dates = ["2021-05-01", "2015-06-01", "2016-01-01", "2015-06-01", "2016-01-01"]
    m, got = found(*texts, dates=dates)
    assert not {a for d, a in got if d in ("d0", "d1")} & {"usa_biden", "usa_obama"}
    assert {("d2", "irn_zanganeh"), ("d3", "usa_earnest"), ("d4", "sau_salman_king")} <= got
    d = pd.DataFrame({"doc_id": ["d0"], "title": None, "text": texts[:1],
                      "date": pd.to_datetime(dates[:1]), "source": "x"})
    u = ck.find_actors(ck.Corpus(d), unit="paragraph", unlisted=True)
    assert u["surface"].tolist() == ["نائب الرئيس الامريكي نيلسون روكفلر"]
    assert u["actor_id"].tolist() == ["unlisted:نيلسون روكفلر"]


def test_the_splas_bare_name_where_south_sudan_is_named():
    """Gazetteer 2026.12.04.78: a bare الجيش الشعبي is the SPLA where South Sudan is named, and
    nobody's elsewhere (the SPLA-IO's longer name, where written, is the SPLA-IO)."""
    m, got = found(
        "انشق جورج أطور عن الجيش الشعبي في جنوب السودان.",
        "وقال قائد الجيش الشعبي إن الوضع هادئ.",
        "هاجم الجيش الشعبي لتحرير السودان في المعارضة مواقع في جنوب السودان.")
    assert ("d0", "ssd_spla") in got and ("d1", "ssd_spla") not in got
    assert ("d2", "ssd_spla") not in got


def test_a_brothers_shared_family_name_and_a_bare_national_assembly():
    """Gazetteer 2026.12.04.77: أبو ريشة goes to the brother last named in full (Abdul Sattar
    after his full name; Ahmed where only Iraq is named), and a bare الجمعية الوطنية is the
    parliament of Djibouti or Mauritania where that country is named, and nobody's elsewhere."""
    m, got = found(
        "قتل الشيخ عبد الستار أبو ريشة في الأنبار، وشيع الآلاف أبو ريشة في الرمادي.",
        "قال أبو ريشة إن العشائر العراقية ستقاتل القاعدة في العراق.",
        "صوتت الجمعية الوطنية في جيبوتي على إلغاء حد السن، وقال رئيس الجمعية الوطنية إن القرار نهائي.",
        "صادقت الجمعية الوطنية على القانون، ونددت الجمعية الوطنية لحقوق الإنسان بالاعتقالات.")
    d0 = m.loc[m["doc_id"] == "d0", "actor_id"].tolist()
    assert d0.count("irq_abu_risha_abdul_sattar") == 2 and "irq_abu_risha" not in d0
    assert ("d1", "irq_abu_risha") in got
    assert (m.loc[m["doc_id"] == "d2", "actor_id"] == "dji_parliament").sum() >= 1
    assert not {a for d, a in got if d == "d3"} & {"dji_parliament", "mrt_national_assembly"}


def test_round_seventy_eight_actors_of_held_out_set_72s_news():
    """Gazetteer 2026.12.04.76: actors of 2000-2012 news (held-out set 72) the gazetteer lacked
    (Abdul Sattar Abu Risha and the Anbar Awakening, Humam al-Balawi, Mithal al-Alusi, Silvan
    Shalom, Akbar Ganji, Mowaffak al-Rubaie), Lula's presidency dated (2003-2010), the World
    Bank's البنك العالمي, ISNA's name without its adjective; and what was left out: a bare حسين
    الهلالي for Oman's prosecutor (a common name), Guelleh's جيله without his full name ("his
    generation"), and Shalom's surname alone (the greeting)."""
    m, got = found(
        "قتل الشيخ عبد الستار أبو ريشة رئيس مجلس صحوة الأنبار، وفجر همام خليل البلوي نفسه، ورفع "
        "البرلمان الحصانة عن مثال الآلوسي، وزار سيلفان شالوم عمان، وأضرب أكبر غانجي عن الطعام، "
        "وقال موفق الربيعي إن الاتفاق وشيك.",
        "وقال الرئيس البرازيلي إن البنك العالمي سيمول المشروع، بحسب وكالة أنباء الطلبة.",
        "وتحدث حسين الهلالي عم الشهيد، وقال أبناء جيله في جيبوتي إنه كان شجاعا، وقال شالوم للجميع.",
        dates=[None, "2009-06-01", None])
    assert {("d0", "irq_abu_risha_abdul_sattar"), ("d0", "irq_anbar_awakening"),
            ("d0", "jor_balawi_humam"), ("d0", "irq_alusi_mithal"), ("d0", "isr_shalom_silvan"),
            ("d0", "irn_ganji_akbar"), ("d0", "irq_rubaie_mowaffak"), ("d1", "bra_lula"),
            ("d1", "igo_world_bank"), ("d1", "media_isna")} <= got
    assert not {a for d, a in got if d == "d2"} & {"omn_hilali_hussein", "dji_guelleh",
                                                     "isr_shalom_silvan"}


def test_a_state_named_like_its_adjective_after_a_counted_noun_and_tamarods_name():
    """تركيا، سوريا، موريتانيا، بريطانيا are also the nationality adjectives in the accusative
    after a counted noun (16 عاملا تركيا: "16 Turkish workers"): no mention of the state there,
    but after a participle with tanween (متهمًا تركيا: "accusing Turkey"), a verb or a
    preposition, and with a proclitic, still one. Tamarod's حركة تمرد is also "an insurgent
    movement": its name alone counts only where Egypt is named (gazetteer 2026.12.04.75)."""
    m, got = found(
        "قتل 16 عاملا تركيا في بغداد، ووصل ١٢ جنديا موريتانيا، وعالجت العيادات 1343 لاجئا سوريا.",
        "وقال متهمًا تركيا بالترويج، وفي 2015 دعا تركيا إلى الحوار، واختطف 16 عاملا في تركيا "
        "وسوريا.",
        "شهدت العاصمة البوركينابية واغادوغو حركة تمرد بدأها عناصر من الحرس الرئاسي.",
        "جمعت حركة تمرد في مصر ملايين التوقيعات ضد الرئيس محمد مرسي.")
    assert not {a for d, a in got if d == "d0"} & {"state_turkey", "state_mauritania",
                                                     "state_syria"}
    assert (m.loc[m["doc_id"] == "d1", "actor_id"] == "state_turkey").sum() == 3
    assert ("d1", "state_syria") in got
    assert ("d2", "egy_tamarod") not in got and ("d3", "egy_tamarod") in got


def test_round_seventy_seven_actors_of_held_out_set_71s_news():
    """Gazetteer 2026.12.04.74: actors of 2000-2012 news (held-out set 71) the gazetteer lacked
    (Uday Hussein, Paul Bremer and the Coalition Provisional Authority, Baitullah Mehsud, Pagan
    Amum, Sani Abacha, Jarallah Omar), Saddam Hussein's presidency dated (1979 to the fall of
    Baghdad), إخوان اليمن for Islah, Switzerland's federal council as its government; and what was
    left out: a bare قصي (it begins other men's names), a bare المعتقلين السابقين ("the former
    detainees") for the SPLM group, a bare الأحمر ("red"), and the Iraqi president's title after
    April 2003, when no holder is dated."""
    m, got = found(
        "قتل عدي صدام حسين في الموصل، وقرر الحاكم المدني الأمريكي بول بريمر حل الجيش، وأصدرت "
        "سلطة الائتلاف المؤقتة قرارا، وقتل بيت الله محسود، واغتيل جار الله عمر.",
        "قال باقان أموم إن أموم لن يعود، واستعادت سويسرا أموال ساني أباتشا بقرار من المجلس "
        "الاتحادي السويسري، وانتقد إخوان اليمن الحكومة.",
        "ألقى الرئيس العراقي خطابا في بغداد.",
        "أفرج عن المعتقلين السابقين في جوبا بجنوب السودان، ورفع العلم الأحمر، وقال قصي إن الرئيس "
        "العراقي سيزور عمان.",
        dates=[None, None, "2002-10-15", "2004-08-01"])
    assert {("d0", "irq_uday_hussein"), ("d0", "usa_bremer"), ("d0", "irq_cpa"),
            ("d0", "pak_mehsud_baitullah"), ("d0", "yem_omar_jarallah"),
            ("d1", "ssd_amum_pagan"), ("d1", "nga_abacha"), ("d1", "che_gov"),
            ("d1", "yem_islah"), ("d2", "irq_saddam")} <= got
    assert (m[(m["doc_id"] == "d1")]["actor_id"] == "ssd_amum_pagan").sum() == 2
    assert not {a for d, a in got if d == "d3"} & {"ssd_splm_fd", "yem_ahmar_abdullah",
                                                     "irq_qusay_hussein", "irq_saddam"}


def test_round_seventy_six_actors_of_held_out_set_70s_news():
    """Gazetteer 2026.12.04.73: actors of 2000-2012 news (held-out set 70) the gazetteer,
    built for 2011 on, lacked (Condoleezza Rice with her term as secretary of state dated,
    Pervez Musharraf, Benazir Bhutto, John Garang, Ahmed Qurei, Terje Rød-Larsen, the Islamic
    Courts Union, MEND); and what was left out: a dated emir's title for Saad al-Abdullah (his
    nine days of 2006 would make every later الأمير السابق his, where the text names Jaber), a
    bare مشرف ("supervisor") and a bare الأمريكية embassy (it begins other embassies' names)."""
    m, got = found(
        "التقت وزيرة الخارجية الأمريكية كوندوليزا رايس الرئيس برويز مشرف، واغتيلت بينظير بوتو، "
        "وقتل جون قرنق، واستقال أحمد قريع، ووصل تيري رود لارسن.",
        "سيطر اتحاد المحاكم الإسلامية على مقديشو، وخطفت حركة تحرير دلتا النيجر عمالا.",
        "نعى الشيخ جابر الأحمد أمير الكويت السابق، وقال مشرف العمال إن السفارة الأمريكية مغلقة.",
        dates=["2007-01-10", None, "2015-06-01"])
    assert {("d0", "usa_rice_condoleezza"), ("d0", "pak_musharraf"),
            ("d0", "pak_benazir_bhutto"), ("d0", "sdn_garang"), ("d0", "pse_qurei"),
            ("d0", "int_rod_larsen"), ("d1", "som_icu"), ("d1", "nga_mend"),
            ("d2", "kwt_jaber_ahmad")} <= got
    assert not {a for d, a in got if d == "d2"} & {"kwt_saad_abdullah", "pak_musharraf",
                                                     "usa_embassy_damascus"}


def test_round_seventy_five_actors_of_held_out_set_69s_news():
    """Gazetteer 2026.12.04.72: actors held-out set 69 named and the gazetteer lacked, many of
    them before 2011 (Samir Kassir, Abdel Aziz al-Rantisi, Sheikh Ahmed Yassin, Hussein Majali,
    Amar Ghoul, Sunday Igboho, the ONLF), the joined spelling رئيس بوركينافاسو dated as the
    other spellings are, قوات الاحتلال الإسرائيلية for the IDF; and what was left out: TAP's
    acronym وات (also the watt), a Syrian council of ministers apart from the government (set 64's
    gold reads مجلس الوزراء السوري as the government), and MUJAO's name for Zarqawi's group."""
    m, got = found(
        "اغتيل الصحفي سمير قصير، واستشهد عبد العزيز الرنتيسي بعد الشيخ أحمد ياسين، واستقال "
        "وزير الداخلية حسين المجالي، وأودع عمار غول الحبس، واعتقل صنداي إيغبوهو.",
        "أعلنت الجبهة الوطنية لتحرير أوغادين مسؤوليتها، وأعلن رئيس بوركينافاسو حالة الطوارئ، "
        "واقتحمت قوات الاحتلال الإسرائيلية المخيم.",
        "بلغت قدرة المحطة مئة ميغا وات، ووافق مجلس الوزراء السوري على المشروع في دمشق، وتبنت "
        "جماعة التوحيد والجهاد في غرب أفريقيا الهجوم في غاو بمالي.",
        dates=[None, "2019-01-01", "2012-06-01"])
    assert {("d0", "lbn_kassir_samir"), ("d0", "pse_rantisi"), ("d0", "pse_yassin_ahmed"),
            ("d0", "jor_majali_hussein"), ("d0", "dza_ghoul_amar"), ("d0", "nga_igboho_sunday"),
            ("d1", "eth_onlf"), ("d1", "bfa_kabore"), ("d1", "isr_idf"),
            ("d2", "syr_gov")} <= got
    d2 = {a for d, a in got if d == "d2"}
    assert not d2 & {"media_tap_tun", "ag_tawhid_jihad_iraq"}


def test_round_seventy_four_actors_of_held_out_set_68s_news():
    """Gazetteer 2026.12.04.71: actors held-out set 68 named and the gazetteer lacked (Belhassen
    Trabelsi, Khalida Toumi, the Axis of Resistance, the Okba Ibn Nafaa Brigade), other names of
    listed ones (مجلس حماية الدستور for the Guardian Council, Iranian state media's جيش الظلم for
    Jaish al-Adl, ATMIS's acronym أتميص), Peres's presidency dated (2007-2014) beside Katsav's and
    Rivlin's; and what was left out: Nur al-Din Zengi's name alone (the twelfth-century ruler,
    not the Zenki movement), a bare الطرابلسي, and الرئيس الإسرائيلي outside Peres's term."""
    m, got = found(
        "رفض القضاء الفرنسي تسليم بلحسن الطرابلسي، وأدانت المحكمة خليدة تومي، وتعهدت إيران بدعم "
        "محور المقاومة، وتبنت كتيبة عقبة بن نافع الهجوم.",
        "صادق مجلس حماية الدستور على القانون، وتبنى جيش الظلم الهجوم، وبدأت أتميص الانسحاب من "
        "الصومال.",
        "انسحب أردوغان بعد سجال مع الرئيس الإسرائيلي في دافوس.",
        "حكم نور الدين الزنكي دمشق، وقال الطرابلسي إن الرئيس الإسرائيلي زار المدينة.",
        dates=[None, None, "2009-01-29", "2016-05-01"])
    assert {("d0", "tun_trabelsi_belhassen"), ("d0", "dza_toumi_khalida"),
            ("d0", "int_axis_of_resistance"), ("d0", "tun_okba_ibn_nafaa"),
            ("d1", "irn_guardian_council"), ("d1", "irn_jaish_aladl"), ("d1", "igo_atmis"),
            ("d2", "isr_peres")} <= got
    assert not {a for d, a in got if d == "d3"} & {"syr_zenki", "tun_trabelsi_belhassen",
                                                     "isr_peres"}


def test_round_seventy_three_actors_of_held_out_set_67s_news():
    """Gazetteer 2026.12.04.70: actors held-out set 67 named and the gazetteer lacked (Said
    Naciri, Nabila Mounib, Bahaeddine Tliba, Wagdi Salih, Omoyele Sowore, Gaza's Army of
    Islam, London's Metropolitan Police), Murat Çetinkaya's dated title as central bank
    governor, رئيس الإمارات dated like رئيس دولة الإمارات, the ECB's المصرف المركزي الأوروبي; and
    what was left out: bare الشرطة البريطانية (any British police), Syria's جيش الإسلام staying
    Syria's, and the surnames الناصري and زعلان alone (a common family name, a colloquial word)."""
    m, got = found(
        "أجلت المحكمة محاكمة سعيد الناصري، وقالت نبيلة منيب إن القرار ظالم، ورفع البرلمان "
        "الحصانة عن النائب بهاء الدين طليبة.",
        "أفرجت السلطات السودانية عن وجدي صالح، واعتقلت أجهزة الأمن النيجيرية أوموييلي سووري، "
        "وأفرج جيش الإسلام الفلسطيني عن الصحفي، وقالت شرطة العاصمة البريطانية إنها تحقق.",
        "أقال الرئيس التركي محافظ البنك المركزي التركي، وأصدر رئيس الإمارات مرسوما، وطالب "
        "المصرف المركزي الأوروبي اليونان بالسداد.",
        "قالت الشرطة البريطانية إنها أوقفت رجلا، وسيطر جيش الإسلام على دوما، وقال الناصري "
        "إنه زعلان من النتيجة.",
        dates=[None, None, "2018-06-01", "2016-03-01"])
    assert {("d0", "mar_naciri_said"), ("d0", "mar_mounib_nabila"),
            ("d0", "dza_tliba_bahaeddine"), ("d1", "sdn_salih_wagdi"),
            ("d1", "nga_sowore_omoyele"), ("d1", "pse_army_of_islam"),
            ("d1", "gbr_met_police"), ("d2", "tur_cetinkaya_murat"), ("d2", "are_khalifa"),
            ("d2", "igo_ecb")} <= got
    assert m.loc[m["actor_id"] == "igo_ecb", "surface"].tolist() == ["المصرف المركزي الأوروبي"]
    d3 = {a for d, a in got if d == "d3"}
    assert "syr_jaish_islam" in d3
    assert not d3 & {"gbr_met_police", "pse_army_of_islam", "mar_naciri_said",
                     "dza_zaalane_abdelghani"}


def test_round_seventy_two_actors_of_held_out_set_66s_news():
    """Gazetteer 2026.12.04.69: actors held-out set 66 named and the gazetteer lacked
    (Montazeri, Ahmed Chalabi, Tawfik Okasha, Hevrin Khalaf and the Future Syria Party, Issad
    Rebrab, Diezani Alison-Madueke), Khomeini's titles dated to his death, so that a title with
    السابق after 1989 is his, and what was left out: a bare السفارة الإيرانية (it begins the
    names of Iran's embassies in several capitals), فرق الموت (any death squads)."""
    m, got = found(
        "توفي آية الله حسين علي منتظري، ونعت أوساط عراقية أحمد الجلبي، وطرد البرلمان المصري "
        "توفيق عكاشة.",
        "قتلت الأمينة العامة لحزب سوريا المستقبل هفرين خلف، وأدان حزب سوريا المستقبل الهجوم، "
        "واعتقل رجل الأعمال يسعد ربراب، "
        "واعتقلت وزيرة النفط النيجيرية السابقة ديزاني أليسون-مادويكي في لندن.",
        "قال المرشد الأعلى الإيراني السابق إن الحرب ستستمر.",
        "اختطفت فرق الموت عمالا أمام السفارة الإيرانية في بيروت، وتظاهر آخرون أمام السفارة "
        "الإيرانية.",
        dates=[None, None, "2005-06-01", "2015-09-02"])
    assert {("d0", "irn_montazeri"), ("d0", "irq_chalabi_ahmed"), ("d0", "egy_okasha_tawfik"),
            ("d1", "syr_future_syria_party"), ("d1", "syr_khalaf_hevrin"),
            ("d1", "dza_rebrab_issad"), ("d1", "nga_alison_madueke"),
            ("d2", "irn_khomeini")} <= got
    assert {a for d, a in got if d == "d3"} <= {"state_lebanon", "irn_embassy_lebanon"}


def test_round_seventy_one_actors_of_held_out_set_65s_news():
    """Gazetteer 2026.12.04.68: actors held-out set 65 named and the gazetteer lacked (Izzat
    al-Douri, Walter Onnoghen, Abdolmalek Rigi, Harith al-Dhari, Blackwater, the GSPC, Egypt's
    parties committee), and what was left out: Afghanistan's presidency's bare الرئاسة and
    مكتب الرئاسة (they begin other bodies' names: مكتب الرئاسة العامة لرعاية الشباب is Saudi),
    Izzat al-Douri's bare الدوري (also Etab al-Douri's, and the word for a league), and
    Gülen's كولن (it reads as a function word)."""
    m, got = found(
        "أعلنت وسائل إعلام عراقية مقتل عزة إبراهيم الدوري، ونعت هيئة علماء المسلمين في العراق "
        "الشيخ حارث الضاري.",
        "أعدمت إيران زعيم جند الله عبد الملك ريغي، وعلّق الرئيس النيجيري رئيس المحكمة العليا "
        "والتر أونوجن، وحُكم على حراس شركة بلاك ووتر.",
        "اجتمع مدير مكتب الرئاسة العامة لرعاية الشباب مع اللاعبين، وفاز فريق الدوري بالمباراة، "
        "وقالت الرئاسة إن الموسم انتهى.")
    assert {("d0", "irq_douri_izzat"), ("d0", "irq_amsi"), ("d0", "irq_dhari_harith"),
            ("d1", "irn_rigi"), ("d1", "nga_onnoghen"), ("d1", "usa_blackwater")} <= got
    assert {a for d, a in got if d == "d2"} <= {"sau_gpyw"}
    assert ("d2", "sau_gpyw") in got


def test_a_football_clubs_name_is_no_mention_of_its_country():
    """Clubs named after a city (ريال مدريد، أتلتيكو مدريد) are places, so their city is not read
    as the state; they do not count either when the document's country is tallied for its
    generic words: an Egyptian sports report that names two Spanish clubs and Egypt once gives
    مجلس الوزراء to Egypt's government (counted, Spain was the country named most, whose
    cabinet the gazetteer does not list, and the cabinet stayed unresolved). The Egyptian club
    طلائع الجيش is a place too, not a mention of the army."""
    m, got = found(
        "تدخل مجلس الوزراء في مصر قبل مباراة ريال مدريد وأتلتيكو مدريد، ويلعب الأهلي أمام طلائع "
        "الجيش.")
    assert ("d0", "egy_gov") in got
    assert ("d0", "egy_army") not in got and ("d0", "state_spain") not in got
    m, got = found("قال الجيش إن القوات انتشرت في مصر.")
    assert ("d0", "egy_army") in got   # the army itself, where no club is named


def test_round_seventy_actors_of_held_out_set_64s_news():
    """Gazetteer 2026.12.04.66: actors held-out set 64 named and the gazetteer lacked (Ghazi
    Kanaan, Tariq Aziz, Basel Ghattas, Wissam Eid, the Spanish Civil Guard, Galmudug's spellings,
    Ariel Sharon and Aznar with their terms), and what was left out: عزيز alone (a word and a
    given name), خدام and غطاس only after the full name (also "servants" and "diver"), and the
    Civil Guard's bare الحرس المدني only after its full name (with a country rule it changed how
    generic words resolved in unrelated Saudi news)."""
    m, got = found(
        "انتحر وزير الداخلية السوري غازي كنعان، وحكمت المحكمة على طارق عزيز، واعتقل عضو الكنيست "
        "باسل غطاس.",
        "اقتحم الحرس المدني الإسباني جزيرة ليلى، واتهمت ولاية جلمدج بونتلاند بالهجوم.",
        "قال رئيس الوزراء الإسرائيلي إن الانسحاب سيتم، والتقى رئيس الوزراء الإسباني بنظيره.",
        "قال عبد العزيز إن الخدام غطاس في البحر، وإن الحرس المدني في المدينة يحرس المصارف، "
        "والرجل عزيز على قومه.",
        dates=[None, None, "2003-05-01", None])
    assert {("d0", "syr_kanaan_ghazi"), ("d0", "irq_aziz_tariq"), ("d0", "isr_ghattas_basel"),
            ("d1", "esp_guardia_civil"), ("d1", "som_galmudug_gov"), ("d2", "isr_sharon"),
            ("d2", "esp_aznar")} <= got
    assert not [a for d, a in got if d == "d3"]


def test_round_sixty_nine_actors_of_held_out_set_63s_news():
    """Gazetteer 2026.12.04.65: actors held-out set 63 named and the gazetteer lacked (Ahmad
    Obeidat, Laith Shubeilat, Mouloud Hamrouche, al-Megrahi, Edi Rama, Umaru Yar'Adua by date),
    and what was left out: a bare «حسم» (Hasm's acronym, but a word of a slogan, quoted, in
    Saudi news), بن علي with a Tunisian rule (inside many men's names), and dated titles for
    Rama (the gazetteer dates no other Albanian prime minister)."""
    m, got = found(
        "قال رئيس الوزراء الأردني الأسبق أحمد عبيدات إن الجبهة الوطنية للإصلاح ستواصل، واعتقل "
        "المعارض ليث شبيلات.",
        "أعلن مولود حمروش أنه لن يترشح، وأفرجت اسكتلندا عن عبد الباسط المقرحي، وقطع إيدي راما "
        "العلاقات مع إيران.",
        "قال الرئيس النيجيري إن الحكومة ستحاور المسلحين.",
        "مائة يوم تختصرها ثلاث كلمات «عزم» و«حزم» و«حسم»، وقال رئيس الوزراء الألباني إن "
        "بلاده ستشارك، وزار محمد بن علي تونس.",
        dates=[None, None, "2008-06-01", "2020-03-01"])
    assert {("d0", "jor_obeidat_ahmad"), ("d0", "jor_shubeilat"), ("d1", "dza_hamrouche"),
            ("d1", "lby_megrahi"), ("d1", "alb_rama"), ("d2", "nga_yaradua")} <= got
    assert {a for d, a in got if d == "d3"} <= {"state_tunisia"}


def test_round_sixty_eight_actors_of_held_out_set_62s_news():
    """Gazetteer 2026.12.04.64: actors held-out set 62 named and the gazetteer lacked (Mohammad
    Ali Najafi, Youssef Fenianos, Godwin Emefiele, Mamadou Tandja by date, Meral Akşener, Boko
    Haram's founder), and what was left out: his bare name محمد يوسف (a common name, counted
    only after his full mention), Farmaajo's legal name محمد عبد الله محمد, a bare حزب أمل
    (Lebanon's Amal is also called so) and محمد شيخ عبد الرحمن for Mohamed Mursal."""
    m, got = found(
        "قتل رئيس بلدية طهران السابق محمد علي نجفي زوجته، وفرضت واشنطن عقوبات على يوسف فنيانوس.",
        "اعتقلت السلطات محافظ البنك المركزي النيجيري غودوين إيمفييلي، وأطاح الجيش بالرئيس "
        "النيجري في نيامي، وأسست ميرال أكشنار الحزب الجيد.",
        "قتلت الشرطة زعيم بوكو حرام محمد يوسف في مايدوغوري.",
        "سجل محمد يوسف هدفين، وقال محمد عبد الله محمد إن حزب أمل سيشارك، وحضر محمد شيخ عبد "
        "الرحمن.",
        dates=[None, "2010-02-18", None, None])
    assert {("d0", "irn_najafi_mohammad_ali"), ("d0", "lbn_fenianos"), ("d1", "nga_emefiele"),
            ("d1", "nga_central_bank"), ("d1", "tur_aksener"), ("d1", "tur_iyi_party"),
            ("d2", "nga_yusuf_mohammed")} <= got
    assert ("d1", "ner_tandja") not in got   # the coup of 18 February 2010 ended his term
    assert not [a for d, a in got if d == "d3"]
    m2, got2 = found("قال الرئيس النيجري إن الانتخابات ستجرى.", dates=["2009-08-04"])
    assert ("d0", "ner_tandja") in got2


def test_round_sixty_seven_actors_of_held_out_set_61s_news():
    """Gazetteer 2026.12.04.63: actors held-out set 61 named and the gazetteer lacked (Mohammed
    al-Dahabi, Lakhdar Bouregaa, Ibrahim Attahiru by date, Ali Mahmoud Abbas by date, Libya's
    government), forms of listed ones (السلطنة where Oman is named, المارينز, bare القاعدة after
    AQAP's full name), and what was left out or taken back: El-Keib's titles (the gazetteer
    dates no Libyan prime minister, so his alone made a later رئيس الحكومة الليبية a role
    mention and hid the Bashagha government's own name), and الشرق اليوم alone ("the East
    today"), no name of the Iraqi site."""
    m, got = found(
        "قرر مدعي عام عمان توقيف مدير المخابرات الأسبق محمد الذهبي، وأفرج القضاء الجزائري عن "
        "المجاهد لخضر بورقعة.",
        "قال رئيس أركان الجيش النيجيري إن القوات تتقدم.",
        "التقى وزير الدفاع السوري نظيره التركي في موسكو.",
        "وقالت الحكومة الليبية إنها ترفض التدخل، وارتفع مؤشر مسقط في سلطنة عمان مع صعود سهم "
        "أكبر شركة في السلطنة، وقتل أربعة من جنود المارينز.",
        "هاجم تنظيم القاعدة في جزيرة العرب مدينة المكلا، وسيطرت القاعدة على الميناء.",
        "وجه رئيس الحكومة الليبية المكلفة من مجلس النواب رسالة إلى المجلس الرئاسي، وأرادها منارة "
        "مدن الشرق اليوم.",
        dates=[None, "2021-03-01", "2022-12-28", None, "2015-04-03", "2023-05-01"])
    assert {("d0", "jor_dahabi_mohammed"), ("d0", "dza_bouregaa"), ("d1", "nga_attahiru"),
            ("d2", "syr_abbas_ali_mahmoud"), ("d2", "tur_akar"), ("d3", "lby_gov"),
            ("d3", "state_oman"), ("d3", "usa_military"), ("d4", "ag_aqap")} <= got
    assert ("d4", "ag_aq") not in got
    assert "السلطنة" in set(m[(m["doc_id"] == "d3") & (m["actor_id"] == "state_oman")]["surface"])
    d5 = m[m["doc_id"] == "d5"]
    assert "lby_gns" in set(d5["actor_id"]) and not d5["actor_id"].str.startswith("role:").any()
    assert "media_alsharq_alyoum" not in set(d5["actor_id"])


def test_round_sixty_six_actors_of_held_out_set_60s_news():
    """Gazetteer 2026.12.04.62: actors held-out set 60 named and the gazetteer lacked (Rayan
    al-Kildani, Ümit Özdağ and his Victory Party, Nadir Larbaoui by date, the Oromo Liberation
    Army, the Extraordinary African Chambers), Mohammed bin Rashid's title حاكم دبي, and what was
    left out: Twitter, a platform where a post appears, is no actor the guidelines mark, and a
    bare القوات اللبنانية (the Lebanese forces) is not the Lebanese Forces party."""
    m, got = found(
        "فرضت واشنطن عقوبات على ريان الكلداني، واعتقلت السلطات التركية أوميت أوزداغ زعيم حزب "
        "النصر.",
        "قال الوزير الأول الجزائري إن الحكومة ستعرض مخطط عملها.",
        "اشتبك جيش تحرير أورومو مع القوات الإثيوبية، وحوكم حبري أمام الدوائر الأفريقية "
        "الاستثنائية.",
        "استقبل حاكم دبي وفدا من رجال الأعمال.",
        "نشر الرئيس تغريدة على تويتر، وانتشرت القوات اللبنانية على الحدود مع سوريا في لبنان.",
        dates=[None, "2024-03-01", None, "2019-05-01", None])
    assert {("d0", "irq_kildani_rayan"), ("d0", "tur_ozdag_umit"), ("d1", "dza_larbaoui"),
            ("d2", "eth_ola"), ("d2", "igo_eac"), ("d3", "are_mbr")} <= got
    assert ("d4", "lbn_lf") not in got
    assert not m[m["doc_id"] == "d4"]["surface"].str.contains("تويتر").any()


def test_round_sixty_five_actors_of_held_out_set_59s_news():
    """Gazetteer 2026.12.04.61: actors held-out set 59 named and the gazetteer lacked (Abu
    Khalid al-Suri, Amrullah Saleh with his vice-presidency by date, Hrant Dink, UNAMA), forms
    of listed ones (للرئيس الشرع is Ahmed al-Sharaa, never president before 2025, not Farouk;
    العونيون for the Free Patriotic Movement), and what was taken out again after reading every
    change on SaudiNewsNet: McKenzie's and Haines's surnames alone in a document that names
    the United States (Wood Mackenzie, Baker McKenzie, a researcher called Haines), and a
    Nigerian official whose two names end a Saudi boat owner's."""
    m, got = found(
        "اغتيل أبو خالد السوري في حلب بهجوم انتحاري.",
        "نجا النائب الأول للرئيس الأفغاني من انفجار استهدف موكبه في كابل.",
        "قُتل الصحفي هرانت دينك أمام مكتب صحيفة أكوس في إسطنبول، وقالت بعثة الأمم المتحدة "
        "لتقديم المساعدة إلى أفغانستان إنها تتابع.",
        "وسلمت اللجنة المسودة للرئيس الشرع في دمشق، وهاجم العونيون خصومهم في بيروت.",
        "قالت شركة وود ماكينزي الأمريكية إن الأسعار سترتفع، ويقول الباحث هاينز إن الطائرات "
        "في الولايات المتحدة مكشوفة.",
        "فاز المركب عاصفة الحزم للمالك أحمد سنوسي أبو بكر بالمركز الثالث.",
        dates=[None, "2020-09-09", None, "2025-03-13", None, None])
    assert {("d0", "syr_abu_khalid_suri"), ("d1", "afg_saleh_amrullah"),
            ("d2", "tur_dink_hrant"), ("d2", "media_agos"), ("d2", "igo_unama"),
            ("d3", "syr_julani"), ("d3", "lbn_fpm")} <= got
    assert ("d3", "syr_sharaa_farouk") not in got
    assert {a for d, a in got if d == "d4"} == {"state_usa"}
    assert not [a for d, a in got if d == "d5"]


def test_round_sixty_four_actors_of_held_out_set_58s_news():
    """Gazetteer 2026.12.04.60: actors held-out set 58 named and the gazetteer lacked (Abu
    Qatada's bare kunya in a document about Jordan, Kamel Daoud, Moussa Tchangari, Nader
    al-Dahabi with his premiership by date, the Islamic State of Iraq of 2006-2013 apart from
    ISIS), Ayelet Shaked's title (وزيرة القضاء الإسرائيلي had read as the judiciary), and what
    must not follow: the Jordanian analyst حسن أبو هنية is not Ismail Haniyeh, a bare أبو قتادة
    needs Jordan in the document, and ISIS keeps its own name."""
    m, got = found(
        "برأت محكمة أمن الدولة الأردنية أبو قتادة من تهم الإرهاب.",
        "ويقول الباحث الأردني في الجماعات الإسلامية حسن أبو هنية إن السجون لا تصلح أحدا.",
        "نفذ تنظيم دولة العراق الإسلامية هجمات في بغداد، ثم أعلن تنظيم الدولة الإسلامية في "
        "العراق والشام السيطرة على الرقة.",
        "منحت فرنسا جائزة غونكور للكاتب كمال داود، واعتقلت شرطة النيجر الناشط موسى تشانجاري.",
        "قال رئيس الوزراء الأردني إن الحكومة ستخفض الأسعار.",
        "دانت الخارجية الفلسطينية إقدام وزيرة القضاء الإسرائيلي على تقديم مشروع القانون.",
        "قال أبو قتادة إن الكتيبة تقدمت نحو الجبل.",
        dates=[None, None, None, None, "2008-05-01", "2017-07-10", None])
    assert {("d0", "jor_abu_qatada"), ("d1", "jor_abu_hanieh_hassan"), ("d2", "ag_isi"),
            ("d2", "ag_isis"), ("d3", "dza_daoud_kamel"), ("d3", "ner_tchangari_moussa"),
            ("d3", "ner_police"), ("d4", "jor_dahabi_nader"), ("d5", "isr_shaked")} <= got
    assert ("d1", "pse_haniyeh") not in got
    assert m[(m["doc_id"] == "d2") & (m["type"] == "armed_group")]["surface"].tolist() == [
        "تنظيم دولة العراق الإسلامية", "تنظيم الدولة الإسلامية في العراق والشام"]
    assert ("d5", "isr_judiciary") not in got
    assert not [a for d, a in got if d == "d6"]
    # a title and its holder's name are one mention (the emirate inside the title is none)
    m, got = found("وصل ولي عهد أبو ظبي، محمد بن زايد آل نهيان، إلى أنقرة في زيارة رسمية.")
    assert m[["surface", "actor_id"]].values.tolist() == [
        ["ولي عهد أبو ظبي، محمد بن زايد آل نهيان", "are_mbz"], ["أنقرة", "state_turkey"]]


def test_a_body_named_in_a_persons_title_says_whose_generic_forms_are():
    """A person's listed name with a title (المتحدث باسم الجيش التشادي الجنرال إسحق الشيخ شنان)
    is one mention of the person; the army named in the title is no mention of its own, but
    the document names Chad through it, so a later bare الجيش is Chad's army, not Nigeria's
    (whose country a group named twice gives the document; that army was read before)."""
    m, got = found("قال المتحدث باسم الجيش التشادي الجنرال إسحق الشيخ شنان إن الجيش قتل عشرات "
                   "من مسلحي جماعة بوكو حرام، وإن الجيش يلاحق بوكو حرام قرب البحيرة.")
    assert m[m["surface"] == "الجيش"]["actor_id"].tolist() == ["tcd_army", "tcd_army"]
    assert "tcd_army" not in set(m[m["surface"] != "الجيش"]["actor_id"])


def test_round_sixty_three_actors_of_held_out_set_57s_news():
    """Gazetteer 2026.12.04.59: actors held-out set 57 named and the gazetteer lacked (Rachid
    Nekkaz, Imam Mahmoud Dicko, Osama al-Juwaili), the Islamic State's leader's title by date
    (al-Baghdadi in 2017), and forms left out because they catch other things: the title of
    Iran's deputy foreign minister, which several hold at once (it made عباس عراقجي's title a
    role of its own), and a bare قوى الأمن العام for Syria's General Security of 2025 (Riyadh's
    public security officers' club in 2015)."""
    m, got = found(
        "اعتقلت السلطات الجزائرية الناشط رشيد نكاز، وطالب الإمام محمود ديكو بالعودة إلى الحكم "
        "المدني في مالي.",
        "أقال المجلس الرئاسي اللواء أسامة الجويلي من رئاسة الاستخبارات العسكرية في ليبيا.",
        "قال زعيم تنظيم داعش في تسجيل صوتي إن التنظيم باق.",
        "وقال نائب وزير الخارجية الإيراني عباس عراقجي إن المحادثات مستمرة.",
        "عقد المؤتمر الصحفي بنادي ضباط قوى الأمن العام بالرياض.",
        dates=[None, None, "2017-06-01", "2015-07-13", "2015-07-20"])
    assert {("d0", "dza_nekkaz_rachid"), ("d0", "mli_dicko"), ("d1", "lby_juwaili"),
            ("d2", "ag_baghdadi"), ("d3", "irn_araghchi")} <= got
    assert not m["actor_id"].str.startswith("role:").any()
    assert ("d4", "syr_general_security_2025") not in got


def test_round_sixty_two_actors_of_held_out_set_56s_news():
    """Gazetteer 2026.12.04.58: actors held-out set 56 named and the gazetteer lacked (Fatah
    al-Islam, whose name holds Fatah's, the Tunisian dialogue Quartet and UTICA, Jake Sullivan
    with his office by date), and forms left out because they catch other things: a Moroccan
    website's bare name (الحافة, also a harbour), a surname shared by a researcher in a
    document that names Iraq."""
    m, got = found(
        "اشتبك الجيش اللبناني مع مسلحي حركة فتح الإسلام في مخيم نهر البارد.",
        "فاز الرباعي الراعي للحوار التونسي بجائزة نوبل، ويضم الاتحاد التونسي للصناعة والتجارة "
        "والصناعات التقليدية.",
        "قال مستشار الأمن القومي الأمريكي إن واشنطن تدعم الاتفاق.",
        "وصل الزوار إلى مرسى الحافة في جازان.",
        "صدر في بغداد كتاب للباحثة الخامسة علاوي عن رحلة ابن فضلان.",
        dates=[None, None, "2022-03-01", None, None])
    assert {("d0", "lbn_fatah_al_islam"), ("d1", "tun_quartet"), ("d1", "tun_utica"),
            ("d2", "usa_sullivan_jake")} <= got
    assert ("d0", "pse_fatah") not in got and ("d1", "tun_ugtt") not in got
    assert not [a for d, a in got if d == "d3"]
    assert ("d4", "irq_allawi_ayad") not in got


def test_round_sixty_one_actors_of_held_out_set_55s_news():
    """Gazetteer 2026.12.04.57: actors held-out set 55 named and the gazetteer lacked (Babagana
    Zulum with Borno's governorship by date, Ihsane El Kadi and his Radio M, the Iranian
    consulate in Najaf), a surname that now counts alone in a document of its country
    (طالباني), and forms left out because they catch other things: the bare name of an
    engineer who shares the Salafist Front spokesman's, an FM socket, Mitiga airport as a
    place."""
    m, got = found(
        "تعرض موكب حاكم ولاية بورنو باباغانا زولوم لهجوم قرب باغا.",
        "قال حاكم ولاية بورنو إن الهجوم أودى بحياة 30 شخصا.",
        "قضت المحكمة بسجن الصحافي إحسان القاضي، وأغلقت السلطات إذاعة راديو إم.",
        "قال مسؤولون في العراق إن طالباني توفي في برلين.",
        "أحرق محتجون القنصلية الإيرانية في النجف.",
        "ويمكنك شراء شاحن مع مأخذ راديو «إم وإف إم». وقال المهندس خالد سعيد باشويعر إن "
        "الطائرات هبطت في مطار معيتيقة.",
        dates=["2020-09-26", "2020-09-27", None, None, None, None])
    assert {("d0", "nga_zulum"), ("d1", "nga_zulum"), ("d2", "dza_el_kadi_ihsane"),
            ("d2", "media_radio_m_dza"), ("d3", "irq_talabani_jalal"),
            ("d4", "irn_consulate_najaf")} <= got
    assert not [a for d, a in got if d == "d5"]


def test_round_sixty_actors_of_held_out_set_53s_news():
    """Gazetteer 2026.12.03.56: actors held-out set 53 named and the gazetteer lacked (Abu Aqla
    Keikal, Mashaal Tammo, Moshe Katsav with Israel's presidency by date, Ali Babacan's DEVA,
    Mohamed Hussein Roble)."""
    m, got = found(
        "أعلن القائد أبو عاقلة كيكل انشقاقه عن قوات الدعم السريع في السودان.",
        "اغتيل المعارض الكردي مشعل تمو في القامشلي.",
        "قال الرئيس الإسرائيلي إن الحكومة ستواصل عملها.",
        "أسس علي باباجان حزب الديمقراطية والتقدم في أنقرة.",
        "التقى رئيس الوزراء الصومالي محمد حسين روبلي وفدا أمميا في مقديشو.",
        dates=[None, None, "2005-03-01", None, "2021-05-01"])
    assert {("d0", "sdn_keikal_abu_aqla"), ("d1", "syr_tammo_mashaal"), ("d2", "isr_katsav"),
            ("d3", "tur_babacan"), ("d3", "tur_deva"), ("d4", "som_roble")} <= got


def test_round_fifty_nine_actors_of_held_out_set_52s_news():
    """Gazetteer 2026.12.03.55: actors held-out set 52 named and the gazetteer lacked
    (Abdelhamid Abou Zeid, Ahmed Daqamseh, Judge Ghada Aoun, Jordan's anti-narcotics department,
    the US intelligence community, Somalia's prime ministers by date), and forms of listed ones
    (جودان for Godane)."""
    m, got = found(
        "أعلن الجيش التشادي مقتل القيادي في تنظيم القاعدة عبد الحميد أبو زيد في شمال مالي.",
        "أفرجت السلطات الأردنية عن الجندي أحمد الدقامسة، وأحبطت إدارة مكافحة المخدرات الأردنية "
        "عملية تهريب.",
        "ادعت القاضية غادة عون على المصرف في بيروت.",
        "وقالت أجهزة الاستخبارات الأميركية إن جودان قتل في غارة في الصومال.",
        "عزى الملك رئيس الوزراء الصومالي في وفاة والدته.",
        "وقال عمر عبد الرشيد شرماركي إن الحكومة مستمرة.",
        dates=[None, None, None, None, "2015-02-20", None])
    assert {("d0", "dza_abou_zeid"), ("d1", "jor_daqamseh"), ("d1", "jor_anti_narcotics"),
            ("d2", "lbn_ghada_aoun"), ("d3", "usa_intel_community"), ("d3", "som_godane"),
            ("d4", "som_sharmarke"), ("d5", "som_sharmarke")} <= got
    assert not [a for d, a in got if d == "d2" and a == "lbn_aoun_michel"]


def test_round_fifty_eight_actors_of_held_out_set_50s_news():
    """Gazetteer 2026.12.03.54: actors held-out set 50 named and the gazetteer lacked (Nizar
    Zakka, Hisham Geneina, the Moscow and Cairo platforms, King Hussein with Jordan's throne
    before 1999), forms of listed ones (ترومب), and the Popular Resistance Committees, whose bare
    name is Yemen's resistance committees in news of Yemen."""
    m, got = found(
        "اعتقلت السلطات الإيرانية نزار زكا، وأفرج عنه بطلب من لبنان.",
        "أقال السيسي المستشار هشام جنينة رئيس الجهاز المركزي للمحاسبات.",
        "التقت الهيئة العليا للمفاوضات مع منصة موسكو ومنصة القاهرة في الرياض.",
        "قال وزير الخارجية الأمريكي إن دونالد ترومب سيلتقي حفتر.",
        "واستقبل العاهل الأردني الرئيس المصري في عمان.",
        "انتهت معركة عدن بعد أربعة أشهر من القتال بين لجان المقاومة الشعبية المؤيدة للرئيس "
        "اليمني والحوثيين.",
        "أطلقت لجان المقاومة الشعبية صواريخ من قطاع غزة، وقالت حركة حماس إنها تدعمها.",
        dates=[None, None, None, None, "1990-05-01", None, None])
    assert {("d0", "lbn_zakka"), ("d1", "egy_geneina"), ("d2", "syr_moscow_platform"),
            ("d2", "syr_cairo_platform"), ("d3", "usa_trump"), ("d4", "jor_hussein"),
            ("d5", "yem_popular_resistance"), ("d6", "pse_prc")} <= got
    assert not {("d4", "jor_abdullah2"), ("d5", "pse_prc")} & got

def test_round_fifty_seven_actors_of_held_out_set_49s_news():
    """Gazetteer 2026.12.03.52: actors held-out set 49 named and the gazetteer lacked (Sonia
    Dahmani and Tunisia's bar, Abdelaziz Belkhadem, Ansaru, Eric Holder, Reza Zarrab; Djibouti's
    presidents with the title by date; Kais Saied as الرئيس سعيد where Tunisia is named) and
    forms of listed ones (فيلق قدس)."""
    m, got = found(
        "اعتقلت السلطات التونسية المحامية سونيا الدهماني، وانتقدت الهيئة الوطنية للمحامين بتونس "
        "القرار.",
        "فاز الرئيس الجيبوتي بولاية رابعة، وهنأ عبد العزيز بلخادم نظيره.",
        "تبنت جماعة أنصارو الهجوم في كانو.",
        "قال وزير العدل الأمريكي إريك هولدر إن رضا ضراب اعتقل، وإن فيلق قدس متورط.",
        "وقال الرئيس سعيد في تونس إن البلاد لن تقبل الإملاءات.",
        "وقال الرئيس سعيد في القاهرة إن البلاد لن تقبل الإملاءات.",
        dates=[None, "2016-04-10", None, None, None, None])
    assert {("d0", "tun_dahmani_sonia"), ("d0", "tun_onat"), ("d1", "dji_guelleh"),
            ("d1", "dza_belkhadem"), ("d2", "nga_ansaru"), ("d3", "usa_holder"),
            ("d3", "tur_zarrab"), ("d3", "irn_quds_force"), ("d4", "tun_saied")} <= got
    assert ("d5", "tun_saied") not in got


def test_surname_sweep_surnames_count_where_their_country_is_named():
    """Gazetteer 2026.12.03.51: listed persons' surnames that mean them alone in their
    country's news (الرزاز، دحلان، بلحاج، هرتسوغ) count where the document names the country,
    as a paragraph that never names the person in full uses them; not in a document that names
    no country of theirs, nor after another given name (سمير دحلان)."""
    m, got = found(
        "وكان عاهل الأردن قد كلف الرزاز برئاسة الحكومة.",
        "واتهمت حركة فتح في رام الله دحلان بالتآمر على السلطة الفلسطينية.",
        "ولاحق نظام القذافي معارضيه من أمثال بلحاج في ليبيا.",
        "وقال زعيم حزب العمل الإسرائيلي هرتسوغ إن الاتفاق سيئ.",
        "وكلف الملك الرزاز برئاسة الحكومة، وهاجم دحلان خصومه.",
        "وقال المهندس سمير دحلان إن المشروع في رام الله اكتمل مع السلطة الفلسطينية.")
    assert {("d0", "jor_razzaz"), ("d1", "pse_dahlan"), ("d2", "lby_belhadj"),
            ("d3", "isr_herzog")} <= got
    assert not {a for d, a in got if d == "d4"} and ("d5", "pse_dahlan") not in got


def test_a_surname_counted_by_its_country_rule_is_not_another_family_members():
    """مرسي{country} and المالكي{country} count where the document names Egypt or Iraq, but not
    right after a given name that is not the listed person's own (هشام مرسي, a Saudi club's
    president; حسين المالكي): that is another person of the family. A word that only reads as a
    given name once a ك is taken off (كيان مبارك: "Mubarak's entity") or a preposition (لصالح
    العبادي: "in favour of al-Abadi") is no given name; after "and" it is (وحسين المالكي). الله
    ends a name only after عبد (عبد الله المالكي, not حزب الله الأسد)."""
    m, got = found(
        "أكد هشام مرسي رئيس نادي الوحدة أن الفريق سيسافر إلى مصر.",
        "وقال مرسي في القاهرة إن مصر لن تتراجع عن مواقفها.",
        "وأصدر النائب حسين المالكي بيانا عن الحكومة العراقية.",
        "وقال المالكي إن العراق يرفض التدخل.",
        "تحدثت الصحف عن «كيان مبارك» في مصر.",
        "وقال سعد عبد الله المالكي إن العراق يرفض التدخل.",
        "ودعم حزب الله الأسد منذ بداية الحرب في سوريا.",
        "لم يهضم المالكي إزاحته في العراق عام 2014 لصالح العبادي.",
        "وأصدر النائب وحسين المالكي بيانا عن الحكومة العراقية.")
    assert ("d0", "egy_morsi") not in got and ("d2", "irq_maliki_nouri") not in got
    assert ("d5", "irq_maliki_nouri") not in got and ("d8", "irq_maliki_nouri") not in got
    assert {("d1", "egy_morsi"), ("d3", "irq_maliki_nouri"), ("d4", "egy_mubarak"),
            ("d6", "syr_assad_bashar"), ("d7", "irq_abadi_haider")} <= got


def test_a_surname_alone_after_another_of_the_family_was_named_is_theirs():
    """Held-out set 52 (Lebanon's banks, 2022): القاضية غادة عون is Judge Ghada Aoun, not Michel
    Aoun (the family rule above), and the bare عون after her, in a document that names Lebanon
    but never Michel Aoun in full, is hers too, not his by the rule {country}. Where no other
    Aoun was named before it, عون in a Lebanese story stays Michel Aoun's."""
    m, got = found(
        "ادعت مدعي عام جبل لبنان القاضية غادة عون على مصرفين في بيروت. وقالت القاضية عون إن "
        "التحقيق مستمر في لبنان.",
        "استقبل رئيس الوزراء اللبناني في بيروت وفدا أمريكيا، وقال عون إن لبنان يرحب بالمبادرة.",
        "وقال عون إن لبنان لن يقبل بالضغوط. ثم ردت القاضية غادة عون على منتقديها في بيروت.")
    assert not [a for d, a in got if d == "d0" and a.startswith("lbn_aoun")]
    assert ("d1", "lbn_aoun_michel") in got
    # before her name: his (the rule reads what came before, as a reader does)
    aoun = m[(m["doc_id"] == "d2") & (m["actor_id"] == "lbn_aoun_michel")]
    assert aoun["surface"].tolist() == ["عون"]


def test_an_adjective_after_one_bodys_name_is_no_nationality():
    """A document that names no country takes the country of its nationality adjectives for
    its generic forms (مصادر أمنية أفغانية ... الشرطة). The gazetteer's own names teach those
    adjectives (الشرطة الأفغانية), but a word after a single body's name that looks like no
    name of its country is another adjective (الكابينت الأمني "the security cabinet", الأجهزة
    الحكومية "government bodies"): الأمني and الحكومية made a Saudi paper's police Israel's and
    its civil defence Palestine's."""
    m, got = found(
        "واستنفرت جهود رجال الدفاع المدني بعد انهيار المبنى، وتابعت الجهات الحكومية الحادث.",
        "تمكنت الدوريات أثناء عملها الأمني المعتاد من ضبط ثلاثة مطلوبين للشرطة.",
        "وأشاد الحفل بدور رجال الجيش في الحفاظ على الحدود الجنوبية للوطن.",
        "قالت مصادر أمنية أفغانية إن الشرطة اعتقلت ثلاثة مسلحين.")
    assert not {a for d, a in got if d in ("d0", "d1", "d2")}
    assert ("d3", "afg_police") in got

def test_a_generic_body_followed_by_in_and_a_state_is_that_states():
    """الحكومة في مالي، الجيش في ميانمار: a generic form right before "in" and a state's name is a
    body of that state, not of the country the document names most (France, Egypt); a state's
    own short form stays itself (دور المملكة في اليمن). Mali's government and army have generic
    forms (المالية, also "financial", counts only where the document names Mali)."""
    m, got = found(
        "وتحدث الوزير عن الأزمة في مصر، وقال إن قوات الجيش في ميانمار ألقت القبض على المتهمين.",
        "وحول دور المملكة في اليمن قال خصروف إن المملكة أنقذت اليمن وإن السعودية لن تتخلى عنه.",
        "ورفضت الحكومة في مالي في بيان المزاعم، وقالت فرنسا إن فرانس 24 ستواصل البث.",
        "وتعتقد الحكومة المالية أن المزاعم كاذبة، وقال متحدث في باماكو إن الجيش باق.",
        "وتعتقد الحكومة المالية أن الميزانية متوازنة في مصر.")
    assert {("d0", "mmr_army"), ("d1", "state_saudi_arabia"), ("d2", "mli_gov"),
            ("d3", "mli_gov"), ("d3", "mli_army")} <= got
    assert not {("d0", "egy_army"), ("d2", "fra_gov"), ("d4", "mli_gov")} & got
    assert list(m.loc[m["doc_id"] == "d3", "surface"])[:1] == ["الحكومة المالية"]

def test_a_one_word_match_bearing_tanween_is_a_common_word_not_a_name():
    """Names of states, persons and bodies take no tanween in news prose, so a one-word match
    whose word bears it is a common word its letters happen to spell: سوريًا (Syrians),
    وروسياً (Russian-backed), باكراً (early, not ب + Accra), وجوباً (necessarily, not و + Juba),
    كوبًا (a cup, not Cuba). The same names written plainly are found, and so is a name
    inside a longer match or inside quotation marks ("معاً", the Ma'an agency)."""
    m = ck.find_actors(docs(
        "وبلغ عدد القتلى خلال رمضان 1452 سوريًا.",
        "حرب يشنها النظام المدعوم إيرانياً وروسياً على شعب أعزل.",
        "أعلن النادي جدول إعداده باكراً، لذا أصبح وجوباً استيعاب المشهد، ثم أضف كوبًا من الماء.",
        "وأوضحت وكالة \"معاً\" الفلسطينية أن سوريا وروسيا وكوبا تبادلت الرسائل، وعاد الوفد إلى "
        "أكرا وجوبا، وذكرت وكالة معا أن الجيش الإسرائيلي اعتقل شابين، وقالت \"معاً\" إن "
        "الاعتقال جرى فجرا."), unit="paragraph")
    got = list(zip(m["doc_id"], m["actor_id"]))
    assert not any(d in ("d0", "d1", "d2") for d, _ in got)
    assert {"state_syria", "state_russia", "state_cuba", "state_ghana", "state_south_sudan",
            "isr_idf"} <= {a for d, a in got if d == "d3"}
    assert list(m.loc[m["actor_id"] == "media_maan", "surface"]) == [
        "وكالة \"معاً\" الفلسطينية", "وكالة معا", "معاً"]


def test_the_militia_refers_back_to_the_armed_group_last_named():
    """الميليشيا (either spelling) is a definite description of the armed group last named in
    full, as المنظمة is of the last organization: وحدات من الميليشيا after ميليشيا الحشد
    الشعبي is the PMF. Without an armed group before it, it is no mention."""
    m = ck.find_actors(docs(
        "أسفرت الغارة عن مقتل قيادي بارز في صفوف حزب الله، في ظل تصعيد عسكري إسرائيلي ضد "
        "الميليشيا.",
        "اعترف المستشار بالأعمال المثيرة لميليشيا الحشد الشعبي، حيث عمدت وحدات من المليشيا إلى "
        "اختطاف أربعة من الحراس.",
        "قالت الشرطة إن الميليشيا اختطفت أربعة من الحراس."), unit="paragraph")
    desc = m[m["resolved_by"] == "definite description"]
    assert list(zip(desc["doc_id"], desc["actor_id"], desc["surface"])) == [
        ("d0", "lbn_hezbollah", "الميليشيا"), ("d1", "irq_pmf", "المليشيا")]
    assert not (m["doc_id"] == "d2").any()


def test_syrias_law_enforcement_forces_by_their_bare_name_only_in_news_of_syria():
    """قوات حفظ النظام is Syria's riot police in news of Syria, but Mauritania's and other
    countries' forces bear the same name: in a Nouakchott report it is not Syria's (nor does
    it make الشرطة there Syria's police, as it did when the bare name was a variant)."""
    m = ck.find_actors(docs(
        "طوقت قوة من الدرك الموريتاني محملة بعناصر قوات حفظ النظام الليلة الماضية محيط مفوضية "
        "الشرطة في مقاطعة دار النعيم بولاية نواكشوط الشمالية.",
        "فرقت قوات حفظ النظام متظاهرين في حي الميدان بدمشق، بحسب ناشطين سوريين."),
        unit="paragraph")
    got = set(zip(m["doc_id"], m["actor_id"]))
    assert not any(d == "d0" and a.startswith("syr_") for d, a in got)
    assert ("d0", "mrt_police") in got and ("d1", "syr_law_enforcement") in got


def test_words_a_proclitic_and_a_short_name_happen_to_spell_are_not_mentions():
    """With a proclitic, EFE's bare إفي spells common words and names (لافي، وافي، ولا في،
    كافي): it counts only in quotation marks or brackets, and the agency's full name as
    ever. باكرا ("early") is not ب + Accra, nor كلاوس (Klaus) ك + Laos, nor باندورا (the
    Pandora papers) ب + Andorra; بأكرا, لاوس and بأندورا are."""
    m = ck.find_actors(docs(
        "أحيا الشاعران لافي الغيداني وفراج الكرشمي أمسية، وقال الدكتور عبد الواحد وافي إن "
        "الوقت كافي، ولا في الأمر جديد.",
        "ذكرت وكالة إفي الإسبانية أن الرئيس وصل، ونقلت (إفي) عن مصدر أن الزيارة تستمر يومين.",
        "عاد الوفد باكرا إلى بلاده، وقاد كلاوس شينك فون شتاوفنبرغ الحملة، وكشفت وثائق "
        "باندورا أصولا في الخارج.",
        "وصل الوفد إلى أكرا ثم عقد بأكرا اجتماعا، وزار الوزير لاوس وكمبوديا، وأقام بأندورا."),
        unit="paragraph")
    got = list(zip(m["doc_id"], m["actor_id"], m["surface"]))
    assert not any(d in ("d0", "d2") for d, _, _ in got)
    assert [(a, s) for d, a, s in got if d == "d1"] == [("media_efe", "وكالة إفي"),
                                                       ("media_efe", "إفي")]
    assert {("state_ghana", "أكرا"), ("state_ghana", "بأكرا"), ("state_laos", "لاوس"),
            ("state_andorra", "بأندورا")} <= {(a, s) for d, a, s in got if d == "d3"}


def test_a_short_form_listed_plain_and_with_a_rule_is_one_form_that_takes_the_rule(tmp_path):
    """A user's row that lists a short form twice, plain and {quoted}, gets one entry with the
    rule (as documented in the README): the bare word then counts only in quotation marks."""
    path = tmp_path / "mine.csv"
    path.write_text("id,name_ar,name_en,type,country,variants,short_forms\n"
                    "media_x,صحيفة الميزان,Al-Mizan,media,IRQ,صحيفة الميزان,الميزان|الميزان{quoted}\n",
                    encoding="utf-8")
    gz = ck.load_gazetteer(path)
    rows = gz.entries[gz.entries["actor_id"] == "media_x"]
    assert list(rows.loc[rows["kind"] == "short", "rule"]) == ["quoted"]
    m = ck.find_actors(docs("نشرت صحيفة الميزان تقريرا، وقالت الميزان إن الميزان التجاري اختل، "
                            "كما ذكرت «الميزان»."), gazetteer=gz, unit="paragraph")
    assert list(m.loc[m["actor_id"] == "media_x", "surface"]) == ["صحيفة الميزان", "الميزان"]
    assert m.loc[m["actor_id"] == "media_x", "start"].iloc[1] > 60


def test_a_bare_mali_after_a_noun_it_qualifies_is_financial_not_the_state():
    """مالي is also the adjective "financial": after a noun it qualifies or an adjective it
    is coordinated with (برنامج إنقاذ مالي، دعم عسكري ومالي، نظام مالي، مستشار مالي) it is no
    mention of Mali; after a preposition or another word (إلى مالي، دعم لمالي، رئيس مالي، شمال
    مالي) and in a list of states (النيجر ومالي وتشاد) it is the state."""
    m = ck.find_actors(docs(
        "بدأت أثينا مفاوضات مع دائنيها حول برنامج إنقاذ مالي ثالث، وطلبت دعم عسكري ومالي.",
        "تتطلب المشاريع نظام مالي وإداري صارم، وقال مستشار مالي إن السوق في وضع مالي ضعيف.",
        "أرسلت فرنسا قوات إلى مالي، وقدمت دعم لمالي، والتقى الوزير في شمال مالي، وزار الوفد "
        "النيجر ومالي وتشاد."), unit="paragraph")
    mali = m[m["actor_id"] == "state_mali"]
    assert list(mali["doc_id"]) == ["d2"] * 4
    assert list(mali["surface"]) == ["مالي", "لمالي", "مالي", "ومالي"]


def test_a_role_title_before_its_holders_quoted_name_is_one_mention():
    """Maghreb and Egyptian sites put quotation marks around the name after a title (الرئيس
    الفرنسي "إيمانويل ماكرون"، رئيس الوزراء الإسرائيلي " بنيامين نتنياهو "): the title and the name
    are one mention of the person, as without the marks, not two. A name and its abbreviation
    in brackets stay two mentions (وكالة الأنباء السورية (سانا))."""
    m = ck.find_actors(ck.Corpus(pd.DataFrame({
        "doc_id": ["d0", "d1"],
        "text": ["انتقد الرئيس الأمريكي \" باراك أوباما \" خطاب رئيس الوزراء الإسرائيلي \" بنيامين "
                 "نتنياهو \" في الكونغرس، ويشارك الرئيس الفرنسي \"إيمانويل ماكرون\" في القمة.",
                 "نقلت وكالة الأنباء السورية (سانا) عن الرئيس السوري بشار الأسد قوله."],
        "date": pd.Timestamp("2015-03-04")})), unit="paragraph")
    d0 = m[m["doc_id"] == "d0"]
    assert list(zip(d0["actor_id"], d0["resolved_by"])) == [
        ("usa_obama", "role + name"), ("isr_netanyahu", "role + name"),
        ("usa_congress", "variant"), ("fra_macron", "role + name")]
    assert list(d0["surface"])[0] == "الرئيس الأمريكي \" باراك أوباما"
    assert list(m.loc[m["doc_id"] == "d1", "actor_id"]).count("syr_sana") == 2


def test_a_former_title_is_the_holder_named_a_few_words_on():
    """A "former" title followed, past an apposition, by the name of one of its holders
    (رئيس الوزراء المصري الأسبق المرشح الرئاسي المحتمل الفريق «أحمد شفيق») is that person, who
    is mentioned by name: the title is not the holder whose term ended last before the date
    (here Ibrahim Mahlab). A former title with no holder named after it, or another person
    named after a preposition (مع أحمد شفيق), is that last holder as before."""
    m = ck.find_actors(ck.Corpus(pd.DataFrame({
        "doc_id": ["d0", "d1", "d2"],
        "text": ["وصل رئيس الوزراء المصري الأسبق المرشح الرئاسي المحتمل الفريق «أحمد شفيق»، "
                 "مساء السبت إلى القاهرة.",
                 "وصل رئيس الوزراء المصري السابق إلى القاهرة.",
                 "التقى رئيس الوزراء المصري السابق اليوم مع أحمد شفيق."],
        "date": pd.Timestamp("2017-12-02")})), unit="paragraph")
    got = {d: list(g["actor_id"]) for d, g in m.groupby("doc_id")}
    assert got["d0"] == ["egy_shafik", "state_egypt"]
    assert got["d1"] == ["egy_mahlab", "state_egypt"]
    assert got["d2"] == ["egy_mahlab", "egy_shafik"]


def test_an_ousted_or_deposed_title_is_not_the_holder_of_the_day():
    """المعزول ("deposed") and المخلوع ("ousted") after a title make it a former holder's: with
    the name after it, the title and the name are that person (الرئيس المصري المعزول محمد مرسي,
    the name written with المعزول or after a comma: one mention, as after السابق،); without one,
    no holder is guessed (the
    holder of the day was wrong, and so is the last to leave office: Egypt's interim president
    followed Morsi). The title alone is the holder of the day as before."""
    texts = [("بدأت محاكمة الرئيس المصري المعزول محمد مرسي و10 متهمين آخرين.", "2015-05-16"),
             ("طالب بإطلاق سراح الرئيس المصري المعزول، محمد مرسي.", "2013-11-23"),
             ("طالب بإعادة محاكمة الرئيس المصري المعزول.", "2015-05-16"),
             ("قال الرئيس التونسي المخلوع إنه سيعود.", "2011-03-01"),
             ("وقال الرئيس المصري إن البلاد تمر بمرحلة صعبة.", "2013-11-23"),
             ("وصل الرئيس الفرنسي السابق، نيكولا ساركوزي، إلى باريس.", "2015-07-21")]
    m = ck.find_actors(ck.Corpus(pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(len(texts))], "text": [t for t, _ in texts],
        "date": [pd.Timestamp(d) for _, d in texts]})), unit="paragraph")
    m = m[m["type"] == "person"]
    assert list(zip(m["doc_id"], m["actor_id"], m["surface"])) == [
        ("d0", "egy_morsi", "الرئيس المصري المعزول محمد مرسي"),
        ("d1", "egy_morsi", "الرئيس المصري المعزول، محمد مرسي"),
        ("d4", "egy_mansour_adly", "الرئيس المصري"),
        ("d5", "fra_sarkozy", "الرئيس الفرنسي السابق، نيكولا ساركوزي")]


def test_force_majeure_is_not_cairo():
    """القوة القاهرة is "force majeure" (القاهرة "overpowering"), not Egypt's capital; Cairo
    after any other word is Egypt as before."""
    m = ck.find_actors(docs(
        "أعلنت المؤسسة رفع حالة القوة القاهرة عن الحقول والموانئ النفطية، بسبب ظروف قوة قاهرة.",
        "عاد الوفد إلى القاهرة بعد لقاء القوة الأمنية في بنغازي."), unit="paragraph")
    got = list(zip(m["doc_id"], m["actor_id"], m["surface"]))
    assert not any(d == "d0" and a == "state_egypt" for d, a, _ in got)
    assert ("d1", "state_egypt", "القاهرة") in got


def test_an_armed_groups_short_name_counts_where_its_country_is_named_whoever_is_nearer():
    """حركة الشباب (a bare "youth movement" elsewhere) is al-Shabaab in a document that names
    Somalia, also where Uganda, whose soldiers it attacked, is named nearer before it: the check
    that keeps a generic form (الحكومة) from a country whose institutions the gazetteer lacks
    is for institutions, not for a group's own name cut short. A youth movement in a document
    that does not name Somalia stays unread."""
    m, got = found("أعلن الرئيس الأوغندي يوري موسيفيني مقتل 54 من جنود بلاده في هجوم شنته حركة "
                   "الشباب المسلحة على قاعدة عسكرية بالصومال.",
                   "نظمت حركة الشباب في تونس وقفة احتجاجية أمام البرلمان.")
    assert ("d0", "ag_shabaab") in got and ("d0", "uga_museveni") in got
    assert ("d1", "ag_shabaab") not in got


def test_a_counterpart_is_the_antecedents_title_with_the_other_nationality_at_the_date():
    """نظيره الروسي after Iran's foreign minister is Russia's foreign minister at the date (his
    title at that date, its nationality swapped); after Macron it is the US president of the
    day; نظيرتها التركية after Egypt's foreign ministry is Turkey's. Where one antecedent's
    counterpart is named in the document (Shoukry), that one is taken, not the nearest
    antecedent's (the Saudi interior minister named between). No counterpart: in an undated
    document (the holders change), when a name follows (its own mention), or when a body's
    name would need the other gender (a ministry is no نظيره)."""
    c = docs(
        "وصل وزير الخارجية الإيراني محمد جواد ظريف إلى موسكو حيث التقى نظيره الروسي، "
        "وبحثا الملف السوري.",
        "وقال الرئيس الفرنسي إيمانويل ماكرون إنه سيتصل بنظيره الأمريكي قريبا.",
        "وقال الرئيس الفرنسي إيمانويل ماكرون إنه سيتصل بنظيره الأمريكي قريبا.",
        "وأصدرت وزارة الخارجية المصرية بيانا مشتركا مع نظيرتها التركية.",
        "أوضح وزير الخارجية عادل الجبير أن لقاء وزير الخارجية المصري سامح شكري أمس مع الأمير "
        "محمد بن نايف ولي العهد وزير الداخلية تناول العلاقات. وأشار خلال المؤتمر الصحفي الذي "
        "عقده اليوم مع نظيره المصري إلى أهمية التنسيق.",
        "وصل وزير الخارجية الإيراني محمد جواد ظريف إلى موسكو حيث التقى نظيره الروسي.",
        "التقى الرئيس التركي رجب طيب أردوغان نظيره الروسي فلاديمير بوتين في أنقرة.",
        "قالت وزارة الخارجية التشيكية إن الوزير سيجري اتصالا هاتفيا بنظيره اللبناني.",
        dates=["2019-05-01", "2018-03-01", "2022-03-01", "2018-01-10", "2015-07-23", None,
               "2019-05-01", "2015-07-21"])
    m = ck.find_actors(c, unit="paragraph")
    counterparts = m[m["resolved_by"] == "counterpart"]
    got = dict(zip(counterparts["doc_id"], zip(counterparts["actor_id"],
                                               counterparts["surface"])))
    assert got == {"d0": ("rus_lavrov", "نظيره الروسي"), "d1": ("usa_trump", "بنظيره الأمريكي"),
                   "d2": ("usa_biden", "بنظيره الأمريكي"), "d3": ("tur_mfa", "نظيرتها التركية"),
                   "d4": ("egy_shoukry", "نظيره المصري")}
    text = dict(zip(c.docs["doc_id"], c.docs["text"]))
    assert all(text[r.doc_id][r.start:r.end] == r.surface for r in counterparts.itertuples())
    d6 = m[m["doc_id"] == "d6"]
    assert list(d6["actor_id"]) == ["tur_erdogan", "rus_putin", "state_turkey"]
    d7 = m[m["doc_id"] == "d7"]
    assert list(d7["actor_id"]) == ["cze_mfa"]


def test_a_title_dated_to_the_time_told_is_not_the_holder_at_the_pages_date():
    """آنذاك، حينها، في ذلك الوقت after a title date it to the events told, not to the page (a
    2015 page looking back): with a holder's name after them, quotes and dashes around, the
    title and the name are one mention of that holder; without one, the title is a mention of
    the role, not the holder at the page's date (the bare title still is)."""
    m = ck.find_actors(docs(
        "وأعلن الرئيس الأميركي -في ذلك الوقت- جورج بوش بدء العملية.",
        "والتقى وزير الخارجية الإيراني حينها علي أكبر صالحي بالوفد، ثم افتتح رئيس الوزراء "
        "الإسرائيلي آنذاك، “بنيامين نتنياهو”، النفق.",
        "وكان الرئيس الأمريكي آنذاك قد هدد بالرد.",
        "وكان الرئيس الأمريكي قد هدد بالرد.",
        dates=["2015-06-01"] * 4))
    got = list(zip(m["doc_id"], m["surface"], m["actor_id"], m["resolved_by"]))
    assert got == [
        ("d0", "الرئيس الأميركي -في ذلك الوقت- جورج بوش", "usa_bush_gw", "role + name"),
        ("d1", "وزير الخارجية الإيراني حينها علي أكبر صالحي", "irn_salehi", "role + name"),
        ("d1", "رئيس الوزراء الإسرائيلي آنذاك، “بنيامين نتنياهو", "isr_netanyahu", "role + name"),
        ("d2", "الرئيس الأمريكي", "role:الرئيس الأمريكي", "role (then)"),
        ("d3", "الرئيس الأمريكي", "usa_obama", "role at date")]


def test_bare_leadership_before_an_adjective_is_a_command_not_the_government():
    """Bare القيادة is a short form of a country's government ("the leadership"), but not before a
    definite adjective that is no nationality: القيادة العسكرية، القيادة الأمنية، القيادة
    المركزية are commands, القيادة الليلية is night driving; القيادة السياسية and القيادة السورية
    stay the leadership."""
    m, got = found(
        "وأكدت الحكومة العراقية أن القيادة العسكرية استخدمت الملجأ، وأن القيادة الأمنية "
        "اتبعت استراتيجية جديدة، وحذرت من القيادة الليلية.",
        "وأكدت الحكومة العراقية أن القيادة قررت الرد، وأن القيادة السياسية تدعم القرار.")
    assert m.loc[m["doc_id"].eq("d0"), "surface"].tolist() == ["الحكومة العراقية"]
    assert m.loc[m["doc_id"].eq("d1"), "surface"].tolist() == [
        "الحكومة العراقية", "القيادة", "القيادة"]
    assert set(m.loc[m["doc_id"].eq("d1"), "actor_id"]) == {"irq_gov"}


def test_a_title_right_after_a_holders_name_is_that_holders():
    """A role title right after the name of one of its holders (a space or a comma between) is
    that holder's, whatever the page's date (حسني مبارك الرئيس المصري on a 2020 page is not the
    president of 2020), and one mention with the name; not a title with a proclitic
    (الملك سلمان وولي العهد: "and the crown prince", another person). The name in it is a full
    name: the surname alone later is the person."""
    m = ck.find_actors(docs(
        "وشارك في المأتم حسني مبارك الرئيس المصري، وإلياس الهراوي، الرئيس اللبناني.",
        "وبايع المواطنون الملك سلمان بن عبدالعزيز وولي العهد.",
        "وشارك في الاجتماع علي كافي الرئيس الجزائري، وقال كافي إن الوضع صعب.",
        dates=["2020-06-01", "2015-02-01", None]))
    got = list(zip(m["doc_id"], m["surface"], m["actor_id"], m["resolved_by"]))
    assert got[:2] == [
        ("d0", "حسني مبارك الرئيس المصري", "egy_mubarak", "name + role"),
        ("d0", "وإلياس الهراوي، الرئيس اللبناني", "lbn_hrawi", "name + role")]
    assert ("d1", "وولي العهد", "sau_muqrin", "role at date") in got   # crown prince then
    # the name in such a mention is a full name, after which the surname alone is the person
    assert [x for x in got if x[0] == "d2"] == [
        ("d2", "علي كافي الرئيس الجزائري", "dza_kafi_ali", "name + role"),
        ("d2", "كافي", "dza_kafi_ali", "surname after full name")]


def test_an_emirate_named_after_its_capital_is_a_region_not_the_state():
    """أبو ظبي alone stands for the UAE (its capital), but إمارة أبو ظبي is the emirate, which
    the annotation guidelines read as a region, as they read محافظة حلب."""
    m, got = found("تولى الشيخ زايد الحكم في إمارة أبوظبي، وحكم إمارة أبو ظبي حتى وفاته.",
                   "وأعلنت أبوظبي دعمها للقرار.")
    assert ("d0", "state_uae") not in got
    assert ("d1", "state_uae") in got
