"""corpuskit.arabic: normalization steps, the exact camel-tools preset, tokens, segments, stems."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuskit.arabic import (STEPS, NormalizeSettings, get_normalizer, is_subheading, lemmatize,
                              normalize, paragraph_spans, paragraphs, sentence_spans, sentences,
                              stem, stopwords, tokenize, words)
from corpuskit.errors import ResourceUnavailableError, SettingsError


def camel_chain(text: str) -> str:
    from camel_tools.utils.charmap import CharMapper
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar)

    arclean = CharMapper.builtin_mapper("arclean")
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(
        dediac_ar(arclean(text)))))


def camel_tokens(text: str) -> list[str]:
    from camel_tools.tokenizers.word import simple_word_tokenize

    return simple_word_tokenize(text)


# ----------------------------------------------------------------------------- normalize steps
STEP_CASES = {
    # step: (input, output with only that step on)
    "nfkc": ("\ufefb\ufe8e\ufdf2", "لااالله"),
    "invisible": ("سو\u200cريا\u200f \ufeffحمص\u200b", "سوريا حمص"),
    "diacritics": ("قَالَ الرَّئِيسُ", "قال الرئيس"),
    "quranic": ("الله\u06d6 \u0615", "الله "),
    "tatweel": ("الحـــرب", "الحرب"),
    "persian": ("ی ک ۀ ہ ے", "ي ك ه ه ي"),
    "alef": ("أإآٱ", "اااا"),
    "alef_maksura": ("على مستشفى", "علي مستشفي"),
    "teh_marbuta": ("المدينة", "المدينه"),
    "digits": ("٢٠١٢ ۱۳۹۰ ٣٫٥ ٥٠٪", "2012 1390 3.5 50%"),
    "punctuation": ("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"),
}


@pytest.mark.parametrize("step", sorted(STEP_CASES))
def test_each_step_alone(step):
    src, expected = STEP_CASES[step]
    only = {s: s == step for s in STEPS}
    assert normalize(src, "none", **only) == expected
    # and switching it off in the default preset leaves that phenomenon untouched
    off = normalize(src, "default", **{step: False})
    assert off != normalize(src, "default") or src == expected


def test_default_preset_folds_everything():
    text = "قالَ المتحدثُ باسم الأمم المتحدة، إنّ ٣٠٠ شخصٍ نزحوا إلى لبنانَ ــ ی\u200f"
    assert normalize(text) == "قال المتحدث باسم الامم المتحده, ان 300 شخص نزحوا الي لبنان  ي"


def test_settings_are_recorded_and_validated():
    s = NormalizeSettings.resolve("default", teh_marbuta=False)
    d = s.as_dict()
    assert d["teh_marbuta"] is False and d["alef"] is True and "teh_marbuta" not in d["steps"]
    assert NormalizeSettings.resolve(d) == s  # round trip through provenance
    with pytest.raises(SettingsError, match="unknown normalization step"):
        normalize("x", teh_marbouta=False)
    with pytest.raises(SettingsError, match="preset"):
        normalize("x", preset="egyptian")


def test_camel_preset_equals_camel_chain_on_the_seed(seed_text):
    assert normalize(seed_text, "camel") == camel_chain(seed_text)
    assert tokenize(normalize(seed_text, "camel")) == camel_tokens(camel_chain(seed_text))


def test_camel_preset_equals_camel_chain_on_real_news(news_texts):
    norm = get_normalizer("camel")
    for text in news_texts:
        ref = camel_chain(text)
        assert norm(text) == ref
        assert tokenize(norm(text)) == camel_tokens(ref)
        assert norm.tokens(text) == camel_tokens(ref)


# Random text drawn from Arabic, diacritics, punctuation of several scripts, digits, emoji with
# modifiers and joiners, flags, keycaps, bidi and zero-width controls, Latin, CJK and whitespace.
ALPHABET = st.sampled_from(list(
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئٱ ًٌٍَُِّْٰـ،؛؟٪٫٬٠١٩۰۹.,!?\"'()-/:;«»…—–#*@&%"
    "abcXYZ0123456789 \n\t\r\u00a0\u2003\u200b\u200c\u200d\u200e\u200f\ufeff\u061c"
    "ﻻﷲ\ufdfcیکۀПж中日©®™✓♂⚖\ufe0f\u20e3\U0001F1F8\U0001F1FE\U0001F3FB\U0001F44D\U0001F468"
    "\U000E0067\U000E007F\U0001F3F4"))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_camel_preset_and_tokenizer_equal_camel_on_any_text(text):
    norm = get_normalizer("camel")
    ref = camel_chain(text)
    assert norm(text) == ref
    assert tokenize(norm(text)) == camel_tokens(ref)
    assert norm.tokens(text) == camel_tokens(ref)
    assert tokenize(text) == camel_tokens(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.sampled_from(["default", "light", "none"]))
def test_fused_tokens_equal_two_step_path(text, preset):
    norm = get_normalizer(preset)
    assert norm.tokens(text) == tokenize(norm(text))


def test_fused_list_table_falls_back_where_the_fast_path_would_differ():
    """The list-indexed table (the fast path) hands a text to the exact path when it holds a
    character camel treats as part of a longer symbol, U+0000, or any character above U+FFFF
    (the list stops at U+1FFFF: emoji tag characters lie beyond it)."""
    from corpuskit.arabic.normalization import _has_astral

    norm = get_normalizer("default")
    assert norm._fused_list is not None
    for text in ("قال 😀\U000E0067\U000E007F الرئيس", "\U0001F3F4\U000E0067\U000E0062\U000E007F قال",
                 "قال\x00الرئيس: «نعم»", "👍\u200d👍 قالت", "🇸🇾 سوريا", "\U00020000قال،", "٣ أشخاص."):
        assert norm.tokens(text) == tokenize(norm(text)), text
    assert norm.tokens("قال 😀\U000E0067\U000E007F الرئيس")[1] == "😀\U000E0067\U000E007F"
    assert [_has_astral(s) for s in ("", "abc", "é", "قال", "قال😀", "x" * 500 + "\U000E0067")] == [
        False, False, False, False, True, True]


def test_complex_ranges_match_unicode_properties():
    import regex

    from corpuskit.arabic.tokenization import COMPLEX_RANGES

    listed = {cp for lo, hi in COMPLEX_RANGES for cp in range(lo, hi + 1)}
    extenders = regex.compile(r"[\p{RI}\p{EMod}\uFE0F\u20E3\u200D\U000E0020-\U000E007F]")
    derived = {cp for cp in range(sys.maxunicode + 1) if extenders.match(chr(cp))}
    assert listed == derived


def test_tokenize_and_words():
    assert tokenize('قال "الأسد": لا حل،وسنرى!') == [
        "قال", '"', "الأسد", '"', ":", "لا", "حل", "،", "وسنرى", "!"]
    assert words("قتل ٣ أشخاص، وجرح 12.") == ["قتل", "٣", "أشخاص", "وجرح", "12"]


# ----------------------------------------------------------------------------- segmentation
def test_sentences_split_on_arabic_and_latin_ends_and_quotes():
    text = ('وقال النعيمي "قوات الأسد تعتمد على القصف. نحن نتحدث عن مناطق." وأضاف أن 3.5 مليون '
            "نزحوا؟ نعم! The U.N. said so.\nسطر جديد")
    assert sentences(text) == [
        'وقال النعيمي "قوات الأسد تعتمد على القصف.', 'نحن نتحدث عن مناطق."',
        "وأضاف أن 3.5 مليون نزحوا؟", "نعم!", "The U.N. said so.", "سطر جديد"]
    for sp in sentence_spans(text):
        assert text[sp.start:sp.end].strip() == text[sp.start:sp.end]


_SENTENCE_ALPHABET = ".!?؟…۔\"'»”’)] \n\taب1ًU"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_SENTENCE_ALPHABET, max_size=40), st.integers(0, 45), st.integers(0, 45))
def test_sentence_ends_match_the_readable_pattern(text, a, b):
    """The sentence-end regex is written for speed (one leading character class); it must find
    exactly what the plain pattern finds, inside any bounds."""
    import re

    from corpuskit.arabic import segmentation

    plain = re.compile(r"""[.!?؟…۔]+["'»”’)\]]*(?=\s|$)|\n+""")
    lo, hi = min(a, b), max(a, b)
    for args in ((text,), (text, lo, hi)):
        assert ([m.span() for m in segmentation._SENT_END.finditer(*args)]
                == [m.span() for m in plain.finditer(*args)])


def test_paragraphs_and_subheadings():
    text = "تحرك دبلوماسي\n\nقال دبلوماسيون إن الاجتماع عقد أمس.\n\nسطر أخير قصير"
    spans = paragraph_spans(text)
    assert [s.kind for s in spans] == ["subheading", "paragraph", "paragraph"]
    assert paragraphs(text)[1] == "قال دبلوماسيون إن الاجتماع عقد أمس."
    # without blank lines every line is a paragraph
    assert len(paragraphs("سطر أول.\nسطر ثان.\nسطر ثالث.")) == 3
    assert is_subheading("الجيش السوري الحر") and not is_subheading("قال إنه سيأتي.")


# ----------------------------------------------------------------------------- stems, stop words
@pytest.mark.parametrize("word,expected", [
    ("والمعارضة", "معارض"), ("بالدبابات", "دباب"), ("السوريين", "سور"), ("للأمم", "أمم"),
    ("المعارضه", "معارض"), ("قوات", "قو"), ("وقال", "قال"), ("حمص", "حمص"), ("UN", "UN"),
    ("في", "في"),
])
def test_light10_stem(word, expected):
    assert stem(word) == expected


def test_stopwords_cover_reporting_verbs_and_follow_normalization():
    sw = stopwords()
    for w in ("وقال", "قالت", "واضاف", "اكدت", "فيما", "الذي", "مشيرا"):
        assert normalize(w) in sw
    assert "دمشق" not in sw and "الجيش" not in sw
    assert "أكد" in stopwords("light") and "أكد" not in sw  # alef kept in the light preset


def test_lemmatize_without_data_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))
    from corpuskit.arabic import stemming as stem_mod

    stem_mod._disambiguator.cache_clear()
    with pytest.raises(ResourceUnavailableError, match="camel_data -i light"):
        lemmatize(["قال", "الرئيس"])


def test_import_is_offline_safe_and_light():
    code = ("import sys, corpuskit as ck; ck.normalize('قال'); ck.tokenize('قال');"
            "ck.load_corpus; bad=[m for m in sys.modules if m.startswith(('camel_tools.data',"
            "'camel_tools.morphology','camel_tools.disambig','camel_tools.ner','torch'))];"
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
