"""Persons the gazetteer lacks, found where the news introduces them: after a title.

Arabic news names a person it has not named before with a title or a role first (العقيد هشام
الردادي، المتحدث باسم الجيش البوروندي الكولونيل غاسبار باراتوزا، وزير الإعلام اليمني معمر
الإرياني). ``find_actors(..., unlisted=True)`` reads these: a name right after a rank or an
honorific (العقيد، الدكتور، الشيخ، القاضي), or a given name (from the bundled list of given names
and the first names of the gazetteer's persons) after a role phrase (a title head such as
وزير، رئيس، المتحدث باسم، قائد with the bodies and adjectives that complete it, or a role title
the gazetteer matched), is a mention of a person of its own: ``actor_id`` ``unlisted:<name>``
(the name normalized), type ``person``, ``resolved_by`` ``unlisted (title + name)``; so is a
name with a title after it (سهيل شاهين، المتحدث باسم ...), and a name after "and" right after
a person's full name (علي حسن خليل وسامر عياش: ``unlisted (coordinated name)``), and a name after
a verb of saying or a noun of what befell someone (اعتقال حسين فريدون، وقال بديع عارف: a given
name and one more name word; or any two or three name words that a comma and a title follow:
وقال ظاهر عادل، المتحدث باسم ...), and a name that begins with a given name and that the
person's age follows (حسن حطاب (40 عاما)، ... البالغ من العمر; ``unlisted (name + age)``; not
after a word for a private person: الطفل، المواطن، الأسير). A given name that is also an
ordinary word (غازي، مثال، سلام) begins a name only right after a title. Later uses of
the surname alone in the same text (the body, or the title; وأضاف الردادي) are mentions of that
person too (``unlisted (short form)``). A role title that the gazetteer could not resolve (an
undated رئيس الوزراء الصومالي) and that runs straight into such a name is that named person; a
title the gazetteer resolved to its holder by date is left as it is, and the name after it is
not read (it is most often the holder's, in a spelling the gazetteer lacks).

These are candidates of a pattern, not a curated list: review them with
``mentions[mentions.actor_id.str.startswith("unlisted:")]`` and add the ones you keep to your
gazetteer (see :func:`~corpuskit.suggest_actors`).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from importlib import resources
from typing import Any

from ..arabic.normalization import get_normalizer
from ..arabic.stoplists import stopwords
from ..matching import Dictionary, Tokens, entry_words

__all__ = ["UNLISTED_PREFIX", "given_names"]

UNLISTED_PREFIX = "unlisted:"

# Ranks and honorifics: the word right after one of them begins a name, whatever it is (a verb
# or a function word excepted): العقيد طارق، الدكتور سليم النهدي، القاضي جاسم عبود.
_RANKS = ("العقيد", "اللواء", "العميد", "المقدم", "الرائد", "النقيب", "الملازم", "العماد",
          "المشير", "الجنرال", "الكولونيل", "الأدميرال", "العريف", "الرقيب", "الدكتور",
          "الدكتورة", "د", "القاضي", "الميجور", "الليفتنانت", "السيناتور",
          "البروفسور")
# Titles after which the name must begin with a given name (الرئيس يزور / الرئيس محمد ...;
# الفريق is also "the team", الشيخ and الأمير begin place names: حي الشيخ رضوان).
_RANKS_NEED_GIVEN = ("الفريق", "الشيخ", "الشيخة", "السيد", "السيدة", "الأستاذ", "الأستاذة",
                     "المهندس", "المهندسة", "المحامي", "المحامية", "الحاج", "الملا", "الإمام",
                     "المطران", "البطريرك", "الكاردينال", "الأمير", "الأميرة", "النائب",
                     "النائبة", "الناشط", "الناشطة", "الصحفي", "الصحفية", "الصحافي",
                     "الصحافية", "القيادي", "القيادية", "المعارض", "المعارضة", "المستشار",
                     "المستشارة", "السفير", "السفيرة", "الوزير", "الوزيرة", "المبعوث", "الرئيس",
                     "الزعيم", "القائد", "المراسل", "المراسلة", "البروفيسور", "الرئيسة")
# What may follow a rank before the name (الفريق أول ركن، العميد الركن، اللواء المتقاعد)
_RANK_TAILS = ("أول", "اول", "ركن", "الركن", "المتقاعد", "البحري", "الطيار", "أولى", "جنرال")
# Heads of role phrases (وزير الإعلام اليمني، رئيس هيئة الأركان، المتحدث باسم الجيش): a given
# name after the phrase begins a name.
_ROLE_HEADS = ("وزير", "وزيرة", "رئيس", "رئيسة", "مدير", "مديرة", "المتحدث", "متحدث",
               "المتحدثة", "الناطق", "ناطق", "الناطقة", "قائد", "قائدة", "زعيم", "زعيمة",
               "سفير", "سفيرة", "محافظ", "محافظة", "مبعوث", "مبعوثة", "نائب", "نائبة", "عضو",
               "عضوة", "مسؤول", "مسؤولة", "المسؤول", "القيادي", "قيادي", "مستشار", "مستشارة",
               "مساعد", "مساعدة", "وكيل", "وكيلة", "أمين", "امين", "الأمين", "مراسل", "مراسلة",
               "مندوب", "مندوبة", "ممثل", "ممثلة", "منسق", "منسقة", "أمير", "عاهل", "ملك",
               "شيخ", "مفتي", "مفتى", "نقيب", "عميد", "رئيسه", "أمينة", "مؤسس", "مؤسسة",
               "القائد", "الزعيم", "الرئيس", "الوزير", "السفير", "المبعوث", "المدير", "المحافظ",
               "الضابط", "ضابط", "المحقق", "محقق", "المدعي", "القنصل", "قنصل",
               "النائب", "العضو", "المستشار", "المساعد", "الوكيل", "المراسل", "المندوب",
               "الممثل", "المنسق", "مرشح", "المرشح", "الداعية", "الخبير", "خبير", "المحلل",
               "حاكم", "الحاكم", "مفوض", "المفوض", "محامي", "محامية")
# Verbs of saying and reporting, and nouns of what befalls a person, right before a name (وقال
# بديع عارف، بحسب حسام أبو الرب، اعتقال حسين فريدون، إعدام طارق عزيز): a given name after one of
# them begins a name of two words or more; so do any two or three name words that a comma and a
# title follow (وقال ظاهر عادل، المتحدث باسم ...).
_SAYING = ("قال", "وقال", "قالت", "وقالت", "أضاف", "وأضاف", "أضافت", "وأضافت", "أكد", "وأكد",
           "أكدت", "وأكدت", "أوضح", "وأوضح", "أوضحت", "وأوضحت", "أشار", "وأشار", "أشارت",
           "وأشارت", "اعتبر", "واعتبر", "اعتبرت", "واعتبرت", "ذكر", "وذكر", "ذكرت", "وذكرت",
           "صرح", "وصرح", "صرحت", "وصرحت", "أفاد", "وأفاد", "أفادت", "وأفادت", "تابع", "وتابع",
           "رأى", "ورأى", "لفت", "ولفت", "كشف", "وكشف", "أعلن", "وأعلن", "يقول", "ويقول",
           "تقول", "وتقول", "حسب", "بحسب", "وحسب", "وبحسب", "وفق", "ووفق", "اعتقال", "توقيف",
           "اغتيال", "مقتل", "إعدام", "بإعدام", "محاكمة", "ومحاكمة", "اعتقلت", "واعتقلت",
           "استدعت", "واستدعت", "بحق")
# Ranks and honorifics that are also family names (جميل السيد، علي الحاج، عثمان الشيخ): at the end
# of a name, before a comma, a full stop or a word that cannot be part of it, they are its last
# word, not the title of a name that follows.
_FAMILY_RANKS = ("السيد", "الحاج", "الشيخ", "الأمير", "الإمام", "القاضي", "الملا")
# Words that may stand inside a role phrase between its head and the name (beside definite
# words and the bodies the gazetteer matched): باسم، في، لدى، أول، ركن، العام
_ROLE_FILLERS = ("باسم", "في", "لدى", "عن", "أول", "اول", "ركن", "لشؤون", "بوزارة", "بمنظمة")
# Words that end a name (or cannot begin one): time words, adjectives of a title that follow
# the name, reporting verbs and other verbs that follow a subject in news prose.
_NAME_STOP = (
    "اليوم", "أمس", "امس", "غدا", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
    "الخميس", "الجمعة", "السبت", "صباح", "مساء", "صباحا", "مساءا", "ظهر", "فجر", "السابق",
    "الأسبق", "الراحل", "الحالي", "الجديد", "المستقيل", "المكلف", "المنتخب", "المقال",
    "المعزول", "المخلوع", "الأول", "الثاني", "الثالث", "الرابع", "الخامس",
    "قال", "يقول", "تقول", "قالت", "أكد", "يؤكد", "أكدت", "تؤكد", "أضاف", "يضيف", "أضافت",
    "أوضح", "يوضح", "أوضحت", "أشار", "يشير", "أشارت", "ذكر", "يذكر", "ذكرت", "أعلن", "يعلن",
    "أعلنت", "دعا", "يدعو", "دعت", "اعتبر", "يعتبر", "اعتبرت", "شدد", "يشدد", "شددت", "أفاد",
    "يفيد", "أفادت", "صرح", "يصرح", "نفى", "ينفي", "نفت", "كشف", "يكشف", "كشفت", "لفت",
    "يلفت", "لفتت", "تابع", "يتابع", "رأى", "يرى", "طالب", "يطالب", "طالبت", "زار", "يزور",
    "زارت", "التقى", "يلتقي", "التقت", "استقبل", "يستقبل", "استقبلت", "بحث", "يبحث", "بحثت",
    "وصل", "يصل", "وصلت", "أجرى", "يجري", "أجرت", "هنأ", "يهنئ", "عزى", "أدان", "يدين",
    "أدانت", "رحب", "يرحب", "رحبت", "حذر", "يحذر", "حذرت", "أعرب", "يعرب", "أعربت", "وقع",
    "يوقع", "وقعت", "ترأس", "يترأس", "ترأست", "افتتح", "يفتتح", "أصدر", "يصدر", "أصدرت",
    "أمر", "يأمر", "قرر", "يقرر", "قررت", "أبلغ", "يبلغ", "أبلغت", "أشاد", "يشيد", "أشادت",
    "طلب", "يطلب", "طلبت", "عقد", "يعقد", "عقدت", "توجه", "يتوجه", "غادر", "يغادر", "قتل",
    "يقتل", "قتلت", "اغتيل", "أصيب", "اعتقل", "يعتقل", "اعتقلت", "أفرج", "يتهم", "اتهم",
    "اتهمت", "يواجه", "واجه", "تسلم", "يتسلم", "أوضح", "موضحا", "مؤكدا", "مشيرا", "مضيفا",
    "قائلا", "لافتا", "معتبرا", "مشددا", "داعيا", "محذرا", "معربا", "مبينا", "بين", "يبين",
    "وأضاف", "وقال", "وأكد", "وأشار", "نقل", "ينقل", "نقلت", "سيزور", "سيلتقي", "سيعقد",
    "صلى", "رحمه", "حفظه", "رضي",
    # kin words that follow a name (زياد عزيز نجل طارق عزيز)
    "نجل", "نجلة", "شقيق", "شقيقة", "زوج", "زوجة", "أرملة", "ابنة", "والد", "والدة", "حفيد",
    "حفيدة",
)
_CONNECTORS = ("بن", "ابن", "بنت", "ولد", "عبد", "أبو", "أبي", "أبا", "آل", "ال", "أم", "ام",
               "ابو", "ابي", "ابا", "دي", "فون", "فان", "دو", "لا", "دا", "ذو")
# Places and bodies named after a person (جامعة الإمام محمد بن سعود، مدينة الشيخ زايد، حي الشيخ
# رضوان): a title after one of these is part of the place's name.
_VENUE_HEADS = ("جامعة", "جامعه", "مدينة", "مدينه", "حي", "شارع", "مطار", "مستشفى", "مسجد",
                "جامع", "مركز", "مدرسة", "قاعة", "ميناء", "فندق", "مؤسسة", "جائزة", "كلية",
                "معهد", "مجمع", "برج", "قصر", "سجن", "ضاحية", "منطقة", "قرية", "بلدة", "ميدان",
                "دوار", "ساحة", "جسر", "طريق", "مرقد", "ضريح", "مقام", "مستشفيات", "كأس",
                "بطولة", "ملعب", "استاد", "نادي", "مهرجان", "مكتبة", "متحف", "قاعدة", "معسكر")
# Given names that news prose uses more often as ordinary words (تركي "Turkish", جميل
# "beautiful", عيد "feast", نجاح "success")
_NOT_GIVEN = ("تركي", "جميل", "عيد", "نجاح", "كبير", "أمل", "نصر", "سلام", "وحيد", "فورد",
              "سلطان", "ملك", "أمير", "نور", "فجر", "بشرى", "وفاء", "حرب", "فداء", "عزة",
              "الله", "بدر", "غازي", "باسم", "بسام", "امين", "أمين", "شريف", "منصور")
# First words of the gazetteer's persons' names that are above all ordinary words (بيان
# "statement" for Bayan Jabr, صدر "issued", قدم "presented", جار "ongoing", خلف "behind", بيت
# "house" for Baitullah Mehsud, the days and months): not taken as given names from the
# gazetteer (a name the bundled list holds is kept)
_COMMON_FIRST_WORDS = (
    "بيان", "بيت", "صدر", "قدم", "فور", "دان", "جار", "دفع", "دليل", "فتح", "أكبر", "إسلام",
    "روح", "شمس", "قمر", "نجم", "وعد", "ثابت", "مسلم", "جمعة", "خميس", "رمضان", "شعبان",
    "ضيف", "معروف", "مطلق", "شاهد", "ميزان", "مراجع", "ثان", "بري", "كامل", "تمام", "عون", "ظاهر",
    "أسماء", "فضل", "معين", "واصل", "نضال", "جهاد", "كفاح", "عقاب", "هدية", "عوض", "فكري",
    "رائد", "راتب", "نصير", "نذير", "ناجم", "خلف", "حاجة", "عالية", "سعادة", "بشارة",
    "صوفي", "اختر", "أبشر", "أفريل", "عسكر", "خادم", "آسيا", "فرح", "مثال", "كلام", "صبر",
    "آمال", "نظير", "سعيدة", "آل", "مسيح", "صغير", "سيدنا", "راغب", "نواب", "قاصدي")
# Given names that are also ordinary words (among them some of the two lists above): they begin
# a name only right after a title or a role phrase, with another name word after them (وزير
# الداخلية غازي كنعان، النائب مثال الألوسي، رئيس الوزراء تمام سلام)
_WEAK_GIVEN = ("غازي", "جميل", "نجاح", "أمل", "نصر", "سلام", "وحيد", "نور", "بشرى", "وفاء",
               "فداء", "بدر", "بسام", "شريف", "منصور", "مثال", "فضل", "معين", "واصل", "نضال",
               "رائد", "راتب", "نصير", "نذير", "تمام", "ظاهر", "عوض", "بشارة")
# Adjectives of a title that may stand between it and the name (رئيس الوزراء الحالي، وزير
# الصناعة الأسبق): a role phrase goes on over them
_TITLE_ADJECTIVES = ("السابق", "الأسبق", "الحالي", "الجديد", "المستقيل", "المكلف", "المنتخب",
                     "المقال", "المعزول", "المخلوع", "سابقا")
# what may stand between a title and a name beside spaces: an opening quotation mark (القاضي
# "طارق بيطار"، وزير الداخلية «حمود بن فيصل البوسعيدي»)
_OPENERS = frozenset(("", '"', "«", "“", "”", "'", "„", "‘"))
# Nouns of private persons, whose names the news gives with their age (الطفل أحمد ... (11
# عاما)، الشاب، المواطن، الأسير): no age cue after them
_PRIVATE = ("الطفل", "الطفلة", "الرضيع", "الرضيعة", "الصبي", "الفتى", "الفتاة", "الشاب",
            "الشابة", "المواطن", "المواطنة", "المسن", "المسنة", "الأسير", "الأسيرة", "الشهيد",
            "الشهيدة", "الجريح", "القتيل", "الضحية", "السجين", "السجينة", "المعتقل",
            "المعتقلة", "الطالب", "الطالبة", "العامل", "المزارع", "الراعي", "السيدة", "الحاجة",
            "والدة", "والد", "شقيق", "شقيقة", "ابن", "ابنة", "زوجة", "زوج")
# a person's age right after the name: " (40 عاما)", "، 63 عاما،"
_AGE = re.compile(r"\s*[(،,]\s*[0-9\u0660-\u0669]{1,3}\s*(?:عاما|عامًا|عاماً|عام|سنة|سنوات|أعوام"
                  r"|اعوام)(?!\w)")
_AGED = re.compile(r"\s+(?:البالغ|البالغة)\s+(?:من\s+العمر|عمره|عمرها)(?!\w)")
_MAX_NAME = 4    # words of a name
_MAX_PHRASE = 7  # words between a role head and the name it introduces


@functools.lru_cache(maxsize=4)
def given_names(settings: Any = "default") -> frozenset[str]:
    """The bundled list of given names (Arabic and transliterated foreign ones), normalized."""
    norm = get_normalizer(settings)
    text = resources.files("corpuskit.resources").joinpath("given_names_ar.txt").read_text(
        encoding="utf-8")
    return frozenset(norm(w.strip()) for w in text.splitlines()
                     if w.strip() and not w.startswith("#"))


class _Words:
    """The word lists of this module, normalized with one setting."""

    def __init__(self, settings: Any, gazetteer_given: frozenset[str]):
        def forms(words: tuple[str, ...]) -> frozenset[str]:
            return frozenset(w for x in words for w in entry_words(x, settings)[:1])

        self.ranks_need_given = forms(_RANKS_NEED_GIVEN)
        self.ranks = forms(_RANKS) | self.ranks_need_given
        self.rank_tails = forms(_RANK_TAILS)
        self.venues = forms(_VENUE_HEADS)
        self.role_heads = forms(_ROLE_HEADS) | self.ranks
        self.fillers = forms(_ROLE_FILLERS)
        self.stop = forms(_NAME_STOP) | frozenset(stopwords(settings))
        self.phrase_break = self.stop - forms(_TITLE_ADJECTIVES)
        self.connectors = forms(_CONNECTORS)
        self.kunya = forms(("أبو", "أبي", "أبا", "عبد"))
        self.saying = forms(_SAYING)
        self.private = forms(_PRIVATE)
        self.family_ranks = forms(_FAMILY_RANKS)
        self.given = (given_names(settings) | gazetteer_given) - self.stop - self.role_heads \
            - forms(_NOT_GIVEN)
        self.bare_nouns = forms(("حاكم",))
        self.weak = forms(_WEAK_GIVEN) - self.given - self.stop - self.role_heads
        self.team = next(iter(forms(("الفريق",))))   # "the team" as often as the rank


@functools.lru_cache(maxsize=4)
def _words(settings: Any, gazetteer_given: frozenset[str]) -> _Words:
    return _Words(settings, gazetteer_given)


def title_heads(settings: Any = "default") -> frozenset[str]:
    """The normalized words that begin a person's title or role (وزير، المتحدث، العقيد،
    الشيخ ...): where a name or an organization name read forward stops."""
    return _words(settings, frozenset()).role_heads


def gazetteer_given_names(actors: Any, settings: Any) -> frozenset[str]:
    """The first words of the gazetteer's persons' Arabic names (محمد، جون، سيرغي): given names
    the bundled list may lack; not those that are above all ordinary words (بيان، صدر، خلف)."""
    out = set()
    for name, kind in zip(actors["name_ar"].tolist(), actors["type"].tolist()):
        if kind != "person" or not isinstance(name, str):
            continue
        words = entry_words(name, settings)
        if len(words) > 1 and not words[0].startswith("ال") and len(words[0]) > 2:
            out.add(words[0])
    common = {w for f in _COMMON_FIRST_WORDS for w in entry_words(f, settings)}
    return frozenset(out - (common - given_names(settings)))


class _Lazy:
    """The normalized form of word ``k`` of a text as ``norm[k]``, looked up when asked."""

    __slots__ = ("raw", "norm_of")

    def __init__(self, raw: list[str], norm_of: dict[str, str]):
        self.raw, self.norm_of = raw, norm_of

    def __getitem__(self, k: int) -> str:
        return self.norm_of[self.raw[k]]


def gazetteer_single_names(entries: Any, actors: Any, settings: Any) -> frozenset[str]:
    """The one-word forms of the gazetteer's persons (سليمان، الأسد، ميقاتي): a given name after
    "and" that is one of these is that person's surname, not a new name (ميقاتي وسليمان)."""
    persons = set(actors.loc[actors["type"] == "person", "actor_id"])
    out = set()
    for aid, form in zip(entries["actor_id"].tolist(), entries["form"].tolist()):
        if aid in persons and isinstance(form, str):
            words = entry_words(form, settings)
            if len(words) == 1:
                out.add(words[0])
    return frozenset(out)


def find_unlisted(rows: list[tuple], texts: dict, titles: dict, where: dict,
                  matcher: Dictionary, gazetteer_given: frozenset[str],
                  tokens: dict | None = None,
                  single_names: frozenset[str] = frozenset()) -> list[tuple]:
    """The mention rows with the unlisted persons of each document added (see the module's
    docstring). ``rows``: find_actors' rows (before ``in_title``); ``where``: (doc_id, field)
    → the units' (starts, ends, unit ids, paragraph ids); ``tokens``: (doc_id, field) → its
    :class:`~corpuskit.matching.Tokens`, where the matcher already made them."""
    from bisect import bisect_right

    words = _words(matcher.settings, gazetteer_given)
    forms_of = matcher._forms
    cached = matcher._cache.get
    begins = words.given | words.kunya | words.weak
    after = words.ranks | words.rank_tails | words.saying
    norm_of: dict[str, str] = {}   # a word as written → its normalized form
    raw_begin: set[str] = set()    # words as written whose form is in ``begins``
    raw_after: set[str] = set()
    raw_coord: dict[str, str] = {}  # وغازي → غازي: a given name after "and"
    by_field: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_field[(r[0], r[3])].append(i)
    drop: set[int] = set()
    added: list[tuple] = []
    fields = [(d, "title", v) for d, v in titles.items() if isinstance(v, str) and v] + \
        [(d, "text", v) for d, v in texts.items() if isinstance(v, str) and v]

    def one(doc_id: str, field: str, value: str) -> None:   # one field of one document
        slot = where.get((doc_id, field))
        if slot is None:
            return
        toks = tokens.get((doc_id, field)) if tokens else None
        if toks is None:
            toks = Tokens(value)
        n = len(toks)
        if not n:
            return
        # where a name may begin: a given name or a kunya, or the word after a rank (each
        # distinct word normalized once per call, then one set lookup per word)
        raw = toks.words
        uniq = set(raw)
        for w in uniq.difference(norm_of):
            f = norm_of[w] = (cached(w) or forms_of(w))[0][0]
            if f in begins:
                raw_begin.add(w)
            if f in after:
                raw_after.add(w)
            if f.startswith("و") and f[1:] in words.given:
                raw_coord[w] = f[1:]
        hit_b, hit_a = uniq & raw_begin, uniq & raw_after
        hit_c = uniq.intersection(raw_coord)
        if not hit_b and not hit_a and not hit_c:
            return
        cands = [k for k, w in enumerate(raw) if w in hit_b or w in hit_c]
        if hit_a:
            cands += [k + 1 for k, w in enumerate(raw) if w in hit_a and k + 1 < n]
            cands = sorted(set(cands))
        norm = _Lazy(raw, norm_of)
        mine = by_field.get((doc_id, field), [])
        owner = [-1] * n   # the row that covers each word
        for i in mine:
            r = rows[i]
            a = bisect_right(toks.starts, r[4]) - 1
            for k in range(max(a, 0), n):
                if toks.starts[k] >= r[5]:
                    break
                if toks.ends[k] > r[4]:
                    owner[k] = i

        def gap(k: int) -> str:   # what stands between word k-1 and word k
            return value[toks.ends[k - 1]:toks.starts[k]]

        def joined(k: int) -> bool:
            g = gap(k)
            return not g.strip() and "\n" not in g

        def opens(k: int) -> bool:   # spaces and at most an opening quote before word k
            g = gap(k)
            return "\n" not in g and g.strip() in _OPENERS

        def headed(j: int) -> bool:   # word j is (or, with a proclitic, reads as) a role head
            return norm[j] in words.role_heads or any(
                f in words.role_heads for f in (cached(raw[j]) or forms_of(raw[j]))[0])

        def fits(e: int) -> bool:   # word e may be part of a name
            return owner[e] < 0 and joined(e) and toks.words[e].isalpha() and len(norm[e]) > 1 \
                and norm[e] not in words.stop and not headed(e)

        def name_from(s: int) -> int:   # the word after the name that begins at s
            e = s + 2 if norm[s] in words.kunya and s + 1 < n and fits(s + 1) else s + 1
            while e < n and e - s < _MAX_NAME and fits(e):
                w = norm[e]
                if w.startswith("و") and w not in words.connectors and w not in words.given \
                        and w[1:] not in words.given:
                    break   # ميليس وخلفه، بشير ورفاقه: "and" begins what follows the name
                if w in words.connectors:   # بن، أبو، عبد، آل: another word must follow
                    if e + 1 < n and fits(e + 1):
                        e += 2
                        continue
                    break
                if w in words.given:   # a father's or grandfather's name
                    e += 1
                    continue
                if w.startswith("ال") or not (w.endswith("ا") and len(w) > 4):
                    e += 1   # a family name ends the name (الردادي، بخيت، شرماركي), not an
                break        # adverbial accusative (اجتماعا، تدريبا)
            if e < n and e - s < _MAX_NAME and norm[e] in words.family_ranks \
                    and owner[e] < 0 and joined(e) and ends_name(e + 1):
                e += 1   # جميل السيد، علي الحاج: a family name, no title of a name after it
            while e - 1 > s and norm[e - 1] in words.connectors:
                e -= 1
            return e

        def ends_name(e: int) -> bool:   # word e cannot go on a name: the end, punctuation
            return e >= n or not joined(e) or norm[e] in words.stop   # or a stop word

        def may_begin(s: int) -> bool:
            w = norm[s]
            return owner[s] < 0 and toks.words[s].isalpha() and len(w) > 1 \
                and w not in words.stop and w not in words.role_heads \
                and w not in words.rank_tails and w not in words.connectors - words.kunya \
                and not (w.startswith("ال") and w not in words.given)

        said: set[int] = set()    # names read after a verb of saying
        aged: set[int] = set()    # names read before an age
        found: list[tuple] = []   # (span start word, name start, name end, role row replaced,
        done = 0                  # the first word's form without و)
        for k in cands:
            if k < done or k == 0 or not may_begin(k):
                continue
            cue = None
            replaced = None
            coord = raw_coord.get(raw[k]) if norm[k] not in words.given else None
            if coord in single_names:
                continue   # ميقاتي وسليمان: a listed person's surname
            r0 = k - 1
            while r0 > 0 and norm[r0] in words.rank_tails and joined(r0):
                r0 -= 1   # الفريق أول ركن
            prev = norm[r0]
            # a given name that is also an ordinary word (غازي، مثال، سلام) begins a name only
            # right after a title, and with another name word after it
            weak = norm[k] in words.weak and name_from(k) - k > 1
            if coord is not None:
                # a name after "and" right after a person's name: وغازي زعيتر in علي حسن خليل
                # وغازي زعيتر (the name before: a person the gazetteer or this pass found)
                before = owner[k - 1]
                if joined(k) and name_from(k) - k > 1 and (
                        (before >= 0 and rows[before][11] == "person"
                         and rows[before][5] == toks.ends[k - 1]
                         and len(rows[before][7].split()) > 1)   # a full name, not ميقاتي
                        or (found and found[-1][2] == k)):
                    cue = k
            elif opens(k) and (r0 + 1 == k or joined(r0 + 1)) and owner[r0] < 0 \
                    and prev in words.ranks and (
                    prev not in words.ranks_need_given or norm[k] in words.given
                    or (weak and prev != words.team)) \
                    and (norm[k] in words.given or not norm[k].startswith("ل")):
                cue = r0   # (not الدكتور لمساعدة: "for", a preposition, begins no name)
            elif norm[k] in words.given or weak or (norm[k] in words.kunya and k + 1 < n
                                                     and fits(k + 1)):
                # a role phrase before the name: back over definite words, fillers and the
                # bodies the gazetteer matched, to a role head (or a role title it matched)
                j = k - 1
                comma_ok = True
                plain = True   # no comma and only definite words or fillers on the way
                while j >= 0 and k - j <= _MAX_PHRASE:
                    g = gap(j + 1)
                    if "\n" in g or (g.strip() and not (
                            comma_ok and (g.strip() in ("،", ",") or g.strip() in _OPENERS))):
                        break
                    plain = plain and g.strip() in _OPENERS
                    comma_ok = False
                    if owner[j] >= 0:
                        r = rows[owner[j]]
                        if r[11] == "role":   # a title the gazetteer could not resolve
                            cue = bisect_right(toks.starts, r[4]) - 1
                            if r[5] == toks.ends[k - 1] or (
                                    k >= 2 and owner[k - 1] < 0 and r[5] == toks.ends[k - 2]):
                                replaced = owner[j]
                            break
                        if str(r[13]).startswith("role") and r[13] != "role + name":
                            # a title resolved to its holder (by date): the name after it is
                            # most often the holder's in a spelling the gazetteer lacks
                            # (أحمد داود أغولو): neither replaced nor a person of its own
                            cue = -1
                            break
                        if r[11] == "person":
                            break
                        first = bisect_right(toks.starts, r[4]) - 1
                        if first >= 0 and headed(first):
                            cue = first   # a body whose name begins with a title (النائب العام)
                            break
                        j = first - 1
                        continue
                    w = norm[j]
                    if headed(j):
                        if not (j + 1 == k and w in words.bare_nouns):
                            cue = j   # (حاكم عادل: "a just ruler", a noun and its adjective)
                        break
                    if w in words.phrase_break and w not in words.fillers:
                        break
                    plain = plain and (w.startswith("ال") or w in words.fillers)
                    j -= 1   # a word of the phrase (الخارجية، مكتب، نظيره، باسم)
                if weak and norm[k] not in words.given and (
                        not plain or (cue is not None and norm[cue] == words.team)):
                    cue = None   # (وزير الدفاع بمناسبة عيد الفطر، المشرف على الفريق منصور)
            if cue is not None and cue > 0 and joined(cue) and (
                    norm[cue - 1] in words.venues
                    or (norm[cue] in words.ranks   # (وجامعة الأمير، بمركز الشيخ; not بسجن وزير)
                        and any(f in words.venues for f in (cached(raw[cue - 1])
                                                            or forms_of(raw[cue - 1]))[0]))):
                cue = None   # جامعة الإمام محمد بن سعود، مدينة الشيخ زايد: a place's name
            if cue is None and norm[k] in words.given and not (
                    owner[k - 1] >= 0 and rows[owner[k - 1]][11] == "person"):
                # a title after the name: سهيل شاهين، المتحدث باسم المكتب السياسي ...
                e = name_from(k)
                if e - k > 1 and e < n and "\n" not in gap(e) \
                        and gap(e).strip() in ("،", ",") and headed(e):
                    cue = k
            if cue is None and norm[k] in words.given and not (
                    owner[k - 1] >= 0 and rows[owner[k - 1]][11] == "person"):
                # a person's age after the name: حسن حطاب (40 عاما)، جون قرنق البالغ من العمر
                e = name_from(k)
                if e - k > 1 and norm[k - 1] not in words.private and (
                        _AGE.match(value, toks.ends[e - 1])
                        or _AGED.match(value, toks.ends[e - 1])):
                    cue = k
                    aged.add(k)
            if cue is None and norm[k - 1] in words.saying and opens(k) and owner[k - 1] < 0 \
                    and not norm[k].startswith("ال"):
                # اعتقال حسين فريدون، وقال بديع عارف محامي عزيز، وقال ظاهر عادل، المتحدث باسم
                # ...: after a verb of saying or a noun of what befell someone, a given name
                # with at least one more name word, or any two or three name words that a comma
                # and a title follow
                e = name_from(k)
                if e - k > 1 and (norm[k] in words.given or (
                        e < n and headed(e) and "\n" not in gap(e)
                        and gap(e).strip() in ("،", ","))):
                    cue = k
                    said.add(k)
            if cue is None:
                continue
            e = name_from(k)
            if cue < 0:
                done = e
                continue
            if norm[k] in words.connectors and e - k < 2:
                continue
            found.append((cue, k, e, replaced, coord))
            done = e
        if not found:
            return
        title = titles.get(doc_id) if field == "text" else None
        base = 0   # the title's words come first in a document's word positions
        if isinstance(title, str) and title:
            base = len((tokens or {}).get((doc_id, "title")) or Tokens(title))
        starts, ends, uid, para = slot

        def unit_of(pos: int) -> tuple | None:
            u = bisect_right(starts, pos) - 1
            if u < 0 or pos >= ends[u]:
                return None
            return uid[u], para[u]

        named: dict[str, str] = {}   # actor id → name as first written
        introduced: dict[str, int] = {}   # actor id → the word its first full mention ends at
        surnames: dict[str, str] = {}   # a surname → the actor id it stands for
        taken = set()
        for cue, s, e, replaced, coord in found:
            key = " ".join([coord or norm[s], *(norm[x] for x in range(s + 1, e))])
            aid = UNLISTED_PREFIX + key
            name = value[toks.starts[s]:toks.ends[e - 1]]
            named.setdefault(aid, name)
            introduced.setdefault(aid, e)
            if e - s > 1 and norm[e - 1] not in words.given and len(norm[e - 1]) > 2 \
                    and norm[e - 2] not in words.kunya:   # not عبد الوهاب's الوهاب
                surnames.setdefault(norm[e - 1], aid)
            first = s
            if replaced is not None:
                drop.add(replaced)
                first = bisect_right(toks.starts, rows[replaced][4]) - 1
            elif cue < s and norm[cue] in words.ranks \
                    and all(norm[x] in words.rank_tails for x in range(cue + 1, s)):
                first = cue
            a, b = toks.starts[first], toks.ends[e - 1]
            where_ = unit_of(a)
            if where_ is None:
                continue
            taken.update(range(first, e))
            added.append((doc_id, where_[0], where_[1], field, a, b, base + first, value[a:b], aid,
                          named[aid], named[aid], "person", None,
                          "unlisted (coordinated name)" if coord else
                          "unlisted (after saying)" if s in said else
                          "unlisted (name + age)" if s in aged else "unlisted (title + name)"))
        if surnames:   # the surname alone, later in the document (وأضاف الردادي)
            of_word = {}   # the words of the text that read as a surname (with proclitics)
            for w in uniq:
                aid = next((surnames[f] for f in (cached(w) or forms_of(w))[0]
                            if f in surnames), None)
                if aid is not None:
                    of_word[w] = aid
            for k, w in enumerate(raw):
                aid = of_word.get(w)
                if aid is None or owner[k] >= 0 or k in taken or k < introduced[aid]:
                    continue
                where_ = unit_of(toks.starts[k])
                if where_ is None:
                    continue
                a, b = toks.starts[k], toks.ends[k]
                added.append((doc_id, where_[0], where_[1], field, a, b, base + k, value[a:b], aid,
                              named[aid], named[aid], "person", None, "unlisted (short form)"))
    for doc_id, field, value in fields:
        one(doc_id, field, value)

    if not added:
        return rows
    return [r for i, r in enumerate(rows) if i not in drop] + added
