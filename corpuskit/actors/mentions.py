"""Actor mentions: every place a gazetteer actor is named, resolved, with offsets into the text."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from ..errors import SettingsError
from ..matching import TOKEN, Dictionary, Tokens, clitic_forms, entry_words
from .gazetteer import Gazetteer, load_gazetteer
from .surnames import SURNAME, listed_surnames

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["find_actors", "MENTION_COLUMNS", "dictionary_for"]

MENTION_COLUMNS = ["doc_id", "unit_id", "paragraph_id", "field", "start", "end", "token",
                   "surface", "actor_id", "name", "name_ar", "type", "country", "resolved_by",
                   "in_title"]
_UNITS = ("sentence", "paragraph", "document")

# Definite descriptions: a bare definite head noun (الجامعة، المجلس، الوزير الروسي) that repeats
# the first word of an actor named in full earlier in the document refers back to it (the most
# recent such actor). Organization heads, then the heads of person titles.
_BODY_HEADS = (
    "مجلس", "جامعة", "منظمة", "وكالة", "وزارة", "بعثة", "ائتلاف", "هيئة", "لجنة", "جبهة",
    "حركة", "كتيبة", "مفوضية", "اتحاد", "جماعة", "تنظيم", "حزب", "مرصد", "تحالف", "مكتب",
    "صندوق", "برنامج", "محكمة", "مجموعة", "مركز", "صحيفة", "مجلة", "قناة", "ميليشيا",
    "مليشيا",
)
# Heads of person titles: رئيس هيئة الأركان (construct state) is not shortened to الرئيس; the
# title must carry the article (الرئيس السوري) or the description a modifier (الوزير الروسي).
_PERSON_HEADS = (
    "رئيس", "وزير", "مبعوث", "موفد", "سفير", "مندوب", "ممثل", "قائد", "زعيم", "امين", "ملك",
    "امير", "مدير", "منسق", "مفوض",
)
DESCRIPTION_HEADS = _BODY_HEADS + _PERSON_HEADS
# generic heads that may refer back to the last actor of a type, whatever its name
_HEAD_TYPES = {"منظمه": ("ngo", "igo"), "جماعه": ("armed_group", "political_org"),
               "تنظيم": ("armed_group",), "صحيفه": ("media",), "مجله": ("media",),
               "ميليشيا": ("armed_group",), "مليشيا": ("armed_group",)}
# a head right after one of these is part of another title (نائب الأمين العام، الناطق باسم
# الوزارة): not a description of its own
_TITLE_OF = ("نائب", "وكيل", "وكيله", "وكيلة", "مساعد", "مساعده", "مساعدة", "مستشار",
             "مستشاره", "مستشارة", "باسم", "ناطق", "متحدث", "الناطق", "المتحدث")
# an envoy or representative of an office holder (مبعوث الأمين العام، المبعوث الخاص للأمين
# العام، الممثل الشخصي للرئيس): the office holder's title is part of the envoy's own
_ENVOY_OF = ("مبعوث", "المبعوث", "مبعوثة", "المبعوثة", "ممثل", "الممثل", "ممثلة", "الممثلة",
             "المستشار", "المستشارة")
_ENVOY_ADJECTIVES = ("الخاص", "الخاصة", "الشخصي", "الشخصية")
_BEFORE_TITLE = frozenset(_TITLE_OF + _ENVOY_OF + _ENVOY_ADJECTIVES)
_MOVEMENT = ("الصليب الأحمر", "الهلال الأحمر")
# body heads that are also participles: after a definite noun (or غير) they are its adjective
_PARTICIPLE_HEADS = ("منظمة",)
# heads of the proper names of places and events built on a city (مطار بغداد، جامعة دمشق، اتفاق
# ستوكهولم، محادثات أستانا، قمة الرياض): the capital in them is part of the name, not its state;
# so is an emirate named after its capital (إمارة أبو ظبي: a region, as the guidelines read it)
_VENUE_HEADS = (
    "مطار", "ميناء", "جامعة", "جامعه", "اتفاق", "اتفاقية", "اتفاقيه", "محادثات", "مفاوضات",
    "مباحثات", "مسار", "مؤتمر", "موتمر", "قمة", "قمه", "إعلان", "اعلان", "منتدى", "منتدي",
    "معاهدة", "معاهده", "تفاهمات", "جولة", "جوله", "اجتماع", "اجتماعات", "ريف", "معهد",
    "مرفأ", "غوطة", "طريق", "سجن", "أكاديمية", "مجمع", "مركز", "محافظة", "محافظات",
    "اتفاقي", "اتفاقيتي", "إمارة", "امارة", "إماره",
)
# the generic forms every state's government, army and parliament have: they do not make a state
# "covered"
_BASIC_GENERIC = ("الحكومة", "السلطات", "الجيش", "القوات المسلحة", "البرلمان",
                  "مجلس الوزراء")
# heads of the names of places and institutions built on a person's name (مرقد الخميني، جامعة
# الملك سعود، مطار الإمام الخميني، دار الأسد للثقافة): the person is not mentioned
_PERSON_VENUE_HEADS = (
    "مطار", "ميناء", "جامعة", "مستشفى", "مستشفي", "مستوصف", "مدينة", "مرقد", "ضريح", "مقام",
    "قبر", "مسجد", "جامع", "شارع", "طريق", "ساحة", "ميدان", "حي", "مركز", "مجمع", "قاعدة",
    "مدرسة", "كلية", "معهد", "جائزة", "جسر", "سد", "ملعب", "استاد", "حديقة", "برج", "مكتبة",
    "كرسي", "متحف", "دار", "قاعة", "محطة", "مؤسسة",
)
# names that begin with a word that is also an adjective of the noun before it: the foreign and
# interior ministries written without وزارة (الخارجية الأمريكية، الداخلية السورية). After a
# definite noun they are that noun's adjectives (السياسة الخارجية الأمريكية: US foreign policy;
# الشؤون الداخلية السورية: Syria's internal affairs), not the ministry
_ADJECTIVAL_HEADS = ("الخارجية", "الداخلية")
# a building or seat that stands for a government (البيت الأبيض، الإليزيه، قصر بعبدا، رام الله)
# after one of these is the place itself (حفل في البيت الأبيض، زيارة إلى البيت الأبيض، كلمة من
# البيت الأبيض، بقصر بعبدا), which the guidelines do not mark; a capital as a place still counts
# as its state
_LOCATIVES = ("في", "من", "إلى", "الى", "أمام", "امام", "قرب", "عند")
# a capital followed by one of these is another place (القاهرة الجديدة، القاهرة القديمة)
_OTHER_PLACE = ("الجديدة", "القديمة")
# heads that make a leader's or a state's name the name of its government, as readers and the
# annotation guidelines take them: نظام صدام حسين، حكومة حسان دياب، إدارة الرئيس دونالد ترامب
# (a person); حكومة الأردن، حكومة كابول (a state: after حكومة only, as إدارة ليبيا is also "running
# Libya")
_GOVERNMENT_OF_PERSON = ("نظام", "حكومة", "إدارة")
_GOVERNMENT_OF_STATE = ("حكومة",)
# "the late": like السابق between a title and its holder's name (الرئيس المصري الراحل أنور
# السادات), but not a reason to look for the holder whose term ended last
_LATE = ("الراحل", "الراحلة")
_FORMER_WORDS = frozenset(("السابق", "السابقة", "الأسبق", "الاسبق", "الراحل", "الراحلة",
                           "المعزول", "المخلوع"))
# words after a title that date it to the time told rather than the page's (الرئيس الأمريكي
# آنذاك بيل كلينتون، رئيس الوزراء الإسرائيلي -في ذلك الوقت- شمعون بيرس): the name after them is
# the holder's, and without a listed holder's name the title is not the holder at the page's date
_THEN = ("آنذاك", "انذاك", "آنئذ", "حينها", "حينئذ", "حينذاك", "وقتها", "وقتئذ", "وقتذاك",
         "يومها", "يومئذ", "يومذاك", "في ذلك الوقت", "في ذلك الحين", "في حينه", "في حينها",
         "في تلك الفترة")
_THEN_GAP = " \t،,-–—()\"'«»“”:"
# words that may stand between a title and its holder's name (رئيس الحكومة اللبنانية المكلف سعد
# الحريري، رئيس وزراء الاحتلال الإسرائيلي بنيامين نتنياهو): "designate", "elect", "new", and a
# definite nationality adjective
_DESIGNATE = frozenset(("المكلف", "المكلفة", "المكلفه", "المنتخب", "المنتخبة", "المنتخبه",
                        "الجديد", "الجديدة", "الجديده"))


def _holder_words(gaz: Gazetteer, actor: str) -> frozenset[str]:
    """The words of an actor's names and variants, normalized (cached per gazetteer)."""
    hit = gaz.__dict__.get("_holder_words")
    if hit is None or hit[0] is not gaz.entries:
        words: dict[str, set[str]] = defaultdict(set)
        ent = gaz.entries
        full = ent["kind"].isin(("name", "variant")).to_numpy()
        for a, k in zip(ent["actor_id"].to_numpy()[full], ent["key"].to_numpy()[full]):
            words[a].update(k.split())
        hit = gaz.__dict__["_holder_words"] = (ent, {a: frozenset(w) for a, w in words.items()})
    return hit[1].get(actor, frozenset())


def _given_name_follows(r: tuple, texts: dict, titles: dict, matcher: Dictionary,
                        skip: bool, holder: frozenset[str]) -> bool:
    """The word right after a role title (after "former", "designate" or a nationality
    adjective where ``skip``), with only spaces or an opening quotation mark between, is a given
    name (of the bundled list, less the names that are also words: باسم) followed by more
    words, none of the three a word of the holder's names or one letter from one (``holder``:
    جون إيرنست, a misspelt جوش إيرنست, and بيجان زنكنه for بيجن زنغنه are the holder): the
    title introduces another person by name (جيمي كارتر after الرئيس الأمريكي on a page of
    2015). على ("on") is no given name here."""
    from .unlisted import _words

    value = (titles if r[3] == "title" else texts).get(r[0])
    if not isinstance(value, str):
        return False
    seg = value[r[5]:r[5] + 80]
    toks = matcher.tokens(seg)
    k = 1 if skip else 0
    if len(toks) < k + 2:
        return False
    pos = toks[k - 1][1] if k else 0
    if seg[pos:toks[k][0]].strip(" \u00a0\"«“'") or seg[toks[k][1]:toks[k + 1][0]].strip() \
            or toks[k][2] == "على":
        return False
    name = [matcher._forms(t[2])[0][0] for t in toks[k:k + 3]]
    return name[0] in _words(matcher.settings, frozenset()).given \
        and not any(_one_edit(w, h) for w in name for h in holder)


def _one_edit(a: str, b: str) -> bool:
    """The same word, or, both of four letters or more, one letter apart (added, dropped or
    changed: بيجان and بيجن، زنكنه and زنغنه, transliterations of one name)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _between_title_and_name(word: str | None) -> bool:
    """A word that a role title and its holder's name may have between them (raw or
    normalized): "former", "the late", "designate", "new" or a definite nationality adjective."""
    if not word:
        return False
    return word in _FORMER_WORDS or word in _DESIGNATE or (
        word.startswith("ال") and len(word) >= 6 and word.endswith(("ي", "ى", "ية", "يه")))


# definite words that end a description without modifying it (dates, days)
_NOT_MODIFIERS = frozenset((
    "اليوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "الجمعة", "السبت",
    "الماضي", "الماضيه", "الماضية", "المقبل", "الجاري", "الحالي", "الاسبوع", "الشهر", "امس",
    "الليله", "الليلة", "الان",
    # words that only look definite: إلى, إلا and the relative pronouns
    "الي", "الى", "الا", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان",
    "اللواتي", "اللاتي", "اللائي"))
# definite adjectives that judge rather than restrict (التنظيم الإرهابي، التنظيم المتطرف): a
# description ends before them, as before a date
_EVALUATIVE = frozenset((
    "الارهابي", "الارهابيه", "المتطرف", "المتطرفه", "المتشدد", "المتشدده", "الدموي",
    "الدمويه", "المجرم", "المجرمه"))
# what may follow a person head that refers back (a particle, a preposition, a pronoun-like
# word); any other undetermined word after الرئيس / الأمير / الملك is most often a name
# (الأمير بندر، الملك عبدالعزيز): not a description
_AFTER_PERSON = frozenset((
    "في", "من", "على", "علي", "عن", "مع", "ان", "خلال", "بعد", "قبل", "امام", "عبر", "منذ",
    "حتي", "حتى", "لدي", "لدى", "لم", "لن", "قد", "كان", "كما", "او", "ام", "ثم", "بين", "عند",
    "نفسه", "ذاته", "شخصيا", "حول", "الي", "الى", "الذي", "بان", "انه", "لها", "له"))


@functools.lru_cache(maxsize=8)
def _bundled() -> Gazetteer:
    return load_gazetteer()


def dictionary_for(gazetteer: Gazetteer) -> Dictionary:
    """The compiled matcher of a gazetteer: built once, and again when ``entries`` is replaced
    (e.g. filtered), so that it never points at rows of an older table."""
    hit = gazetteer.__dict__.get("_matcher")
    if hit is None or hit[0] is not gazetteer.entries:
        ent = gazetteer.entries
        forms = ent["form"].tolist()
        d = Dictionary(zip(forms, range(len(ent))), normalize=gazetteer.normalize,
                       cross_punctuation=False)
        for text, i in _compound_spellings(forms):
            d.add(text, i)
        gazetteer.__dict__["_matcher"] = hit = (ent, d)
    return hit[1]


# names built on عبد and أبو are written both apart and joined (عبد الله / عبدالله، أبو مازن /
# أبومازن): a form written one way also matches the other
_COMPOUND = re.compile(r"(?<!\S)(عبد|أبو|ابو) (?=\S)")
_JOINED = re.compile(r"(?<!\S)عبد(?=(?:ال|الل)\S)")


def _compound_spellings(forms: list[str]) -> list[tuple[str, int]]:
    """The other spelling of every form with a name built on عبد or أبو: apart where the
    gazetteer joins them, joined where it writes them apart (عبد الله ديوب → عبدالله ديوب)."""
    have = set(forms)
    out = []
    for i, f in enumerate(forms):
        for other in (_COMPOUND.sub(r"\1", f), _JOINED.sub("عبد ", f)):
            if other != f and other not in have:
                out.append((other, i))
    return out


def _pieces(corpus: Corpus, unit: str) -> dict[str, list]:
    """The stretches of text to scan, as plain lists (``doc_id``, ``unit_id``,
    ``paragraph_id``, ``field``, ``start``, ``end``): one item per unit. Only where each unit
    lies, not its text: the matcher reads the documents themselves (on SaudiNewsNet, in one
    process, the sentence table with every sentence's text took 1.2-1.4 s, the spans alone
    0.8-1.0 s)."""
    if unit == "document":
        out: dict[str, list] = {c: [] for c in ("doc_id", "unit_id", "paragraph_id", "field",
                                                "start", "end")}
        titles = corpus.docs["title"].tolist() if "title" in corpus.docs \
            else [None] * len(corpus)
        for doc_id, title, text in zip(corpus.docs["doc_id"].tolist(), titles,
                                       corpus.docs["text"].tolist()):
            for field, value in (("title", title), ("text", text)):
                if field == "title" and not (isinstance(value, str) and value):
                    continue
                for c, v in zip(out, (doc_id, doc_id, None, field, 0, len(value))):
                    out[c].append(v)
        return out
    units = corpus._unit_spans(unit)
    if unit == "paragraph":
        units["paragraph_id"] = units["unit_id"]
    return units


def _gc_paused(fn: Any) -> Any:
    """Run ``fn`` with Python's cyclic garbage collector paused (and restored after, errors
    included). Matching makes millions of short-lived tuples and lists and no reference
    cycles worth collecting; with the collector on, its passes over a process that also holds
    a corpus cost 6-9% of ``find_actors`` on SaudiNewsNet (alternating runs)."""
    import gc

    @functools.wraps(fn)
    def paused(*args: Any, **kwargs: Any) -> Any:
        if not gc.isenabled():
            return fn(*args, **kwargs)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            gc.enable()

    return paused


@_gc_paused
def find_actors(corpus: Corpus, gazetteer: Gazetteer | str | None = None,
                unit: str = "sentence", meta: bool | list[str] = True,
                places: bool = False, *, home: str | Mapping[str, str] | None = None,
                unlisted: bool = False, engine: Any = None, workers: int | None = None,
                part_size: int = 5000, out: str | Path | None = None) -> pd.DataFrame:
    """Every mention of a gazetteer actor in a corpus, one row per mention.

    Args:
        corpus: a loaded corpus.
        gazetteer: a :class:`Gazetteer`, the path of a CSV that extends the bundled one, or
            ``None`` for the bundled gazetteer.
        unit: the unit each mention is assigned to (``"sentence"``, ``"paragraph"``,
            ``"document"``); co-occurrence can then count at this unit or a larger one.
        meta: join document metadata (``date`` and ``source`` by default).
        places: also report gazetteer entries of type ``place`` (regions such as ريف دمشق).
            They are always matched, so that "دمشق" in "ريف دمشق" is not read as Syria, but
            they are places, not actors, and are left out of the table by default.
        home: the country of the corpus's outlets (the gazetteer's country code, e.g.
            ``"SAU"`` for Saudi newspapers), or a mapping from ``source`` to country code. In a
            document that names no country at all, generic references (الحكومة، وزارة
            الداخلية، الدفاع المدني، المملكة) are then read as that country's, as its readers
            read them; without it they are left out there. A document that names a country
            is read as before.
        unlisted: also report persons the gazetteer lacks where the text introduces them with
            a title (العقيد هشام الردادي، وزير الإعلام في الحكومة المؤقتة عبد الحكيم الزوي),
            after a verb of saying (وقال بديع عارف) or with their age (حسن حطاب (40 عاما)), and
            their surnames later in the same text: ``actor_id`` ``unlisted:<name>``, type
            ``person``, ``resolved_by`` ``unlisted (title + name)``, ``unlisted (after
            saying)``, ``unlisted (name + age)``, ``unlisted (coordinated name)`` or
            ``unlisted (short form)``; a role title the gazetteer could not resolve
            that runs into such a name is that person (see :mod:`corpuskit.actors.unlisted`).
            Candidates of a pattern, for review.
        engine, workers, part_size: run part by part on an engine (``"local"`` worker
            processes, ``"serial"``, ``"dask"`` or a Dask ``Client``); a
            :class:`~corpuskit.store.DiskCorpus` always runs part by part (on local worker
            processes unless told otherwise), and so does an in-memory corpus of 2,000
            documents or more when no engine is named (``engine="serial"`` keeps one
            process). Mentions depend on their document alone, so the table is the one a
            whole-corpus call gives.
        out: write the table to this folder part by part (by the workers) and return it as a
            :class:`~corpuskit.parts.TableOnDisk` (``.read()`` gives the DataFrame): for corpora
            whose mention table should not be held in memory.

    Returns:
        A tidy DataFrame (columns :data:`MENTION_COLUMNS`, then metadata): ``start``/``end`` are
        offsets into ``corpus.docs[field]`` (``field`` is ``text`` or ``title``), so
        ``docs.text[start:end]`` is the ``surface`` as written, clitics included; ``token`` is
        the mention's word position in its document (title first). ``resolved_by``: ``exact``
        (the canonical name), ``variant``, ``metonymy``, ``role at date`` (a title resolved to
        its holder at the document's date), ``role + name`` (a title followed by the name of
        one of its holders), ``name + role`` (a title right after the name of one of its
        holders, حسني مبارك الرئيس المصري), ``role (holder named)`` (a title in an undated
        document that names one of its holders in full), ``role (undated)`` / ``role (no
        holder at date)`` /
        ``role (then)`` (a title dated to the time told, الرئيس الأمريكي آنذاك, with no listed
        holder's name after it) (kept as a mention of the role: ``actor_id``
        ``role:<title>``, type ``role``),
        ``short form`` (a short form in a document that names the actor in full, or whose rule
        allows it), ``short form after title`` (a person's surname right after a title or an
        honorific, الرئيس صالح, in a document that names the person's country), ``surname
        after full name`` (the last word of a listed person's name alone, once the document
        has named the person in full: :mod:`corpuskit.actors.surnames`),
        ``definite description`` (الجامعة، الوزير الروسي: the actor last named in full whose
        name or title begins with the same noun), or ``government of`` (نظام صدام حسين، حكومة
        حسان دياب، إدارة الرئيس دونالد ترامب، حكومة الأردن: a leader or a state after نظام،
        حكومة or إدارة is one mention of that country's government, head and name), or
        ``counterpart`` (نظيره الروسي after Iran's foreign minister: the antecedent's title at
        the date with the other nationality, Russia's foreign minister; in dated documents).
        ``in_title``: an organization, state or role title named inside a person's title just
        before the person's name (مدير [المرصد السوري لحقوق الإنسان] رامي عبد الرحمن); the
        annotation guidelines count such a phrase as one mention of the person: drop these rows
        (``mentions[~mentions["in_title"]]``) to count as they do, or to keep a person's own
        organization out of its co-mentions. ``mentions.attrs`` holds the number of units of
        every size (for co-occurrence) and the gazetteer's version and fingerprint.
    """
    if unit not in _UNITS:
        raise SettingsError(f"unit={unit!r}: choose one of {', '.join(_UNITS)}")
    from ..parts import map_parts, wants_parts, write_parts

    if home is not None:   # checked before any part is written or sent to a worker
        if isinstance(gazetteer, (str, Path)):
            gazetteer = load_gazetteer(gazetteer)
        _check_home(home, _bundled() if gazetteer is None else gazetteer)
    if out is not None:
        gz = load_gazetteer(gazetteer) if isinstance(gazetteer, (str, Path)) else gazetteer
        return write_parts(_find_in_part, corpus, out, "mentions", gz, unit, meta, places,
                           home, unlisted, engine=engine, workers=workers, part_size=part_size)
    balance = False
    if engine is None:
        auto = _parallel_part_size(corpus, workers, part_size)
        if auto:   # parts of about equal text, so that both workers finish together
            engine, part_size, balance = "local", auto, True
    if wants_parts(corpus, engine):
        gz = load_gazetteer(gazetteer) if isinstance(gazetteer, (str, Path)) else gazetteer
        outs = map_parts(_find_in_part, corpus, gz, unit, meta, places, home, unlisted,
                         engine=engine,
                         workers=workers, part_size=part_size, balance=balance)
        return _concat_mentions(outs)
    if gazetteer is None:
        gaz = _bundled()
    elif isinstance(gazetteer, Gazetteer):
        gaz = gazetteer
    else:
        gaz = load_gazetteer(gazetteer)
    matcher = dictionary_for(gaz)
    tables = _resolution_tables(gaz, matcher)   # read by name: the fields may grow or move
    (e_actor, e_kind, e_rule, e_from, e_to, e_form, info, country_of, type_of, international,
     covered, nisbas, former, late, title_heads, venue_heads, locatives, other_place,
     weak, person_venues, adjectival, financial, office, future, state_venues, title_of,
     honorifics, another, movement, state_nisbas) = (
        getattr(tables, f) for f in (
            "e_actor", "e_kind", "e_rule", "e_from", "e_to", "e_form", "info", "country_of",
            "type_of", "international", "covered", "nisbas", "former", "late", "title_heads",
            "venue_heads", "locatives", "other_place", "weak", "person_venues", "adjectival",
            "financial", "office", "future", "state_venues", "title_of", "honorifics", "another",
            "movement", "state_nisbas"))

    pieces = _pieces(corpus, unit)
    # plain lists (iterating an Arrow-backed column one value at a time costs far more)
    ids = corpus.docs["doc_id"].tolist()
    dates = dict(zip(ids, corpus.docs["date"].tolist())) if "date" in corpus.docs else {}
    texts = dict(zip(ids, corpus.docs["text"].tolist()))
    titles = dict(zip(ids, corpus.docs["title"].tolist())) if "title" in corpus.docs else {}
    sources = (dict(zip(ids, corpus.docs["source"].tolist()))
               if home is not None and not isinstance(home, str) and "source" in corpus.docs
               else {})
    kept: dict = {}   # each field's tokens, for the passes after resolution
    raw, heads = _scan(corpus, pieces, matcher, describe=True, weak=weak, keep=kept)
    by_doc_heads: dict[str, list[tuple]] = defaultdict(list)
    for h in heads:
        by_doc_heads[h[0]].append(h)

    rows: list[tuple] = []
    dropped = 0
    surnames_ar: dict[str, str | None] = {}   # person → its Arabic name's last word (normalized)
    by_doc: dict[str, list[tuple]] = defaultdict(list)
    for r in raw:
        by_doc[r[0]].append(r)
    wh = None   # the units of each document and field (for counterparts, when one is met)
    for doc_id, items in by_doc.items():
        date = dates.get(doc_id)
        date = None if date is None or pd.isna(date) else pd.Timestamp(date)
        resolved: list[tuple[tuple, str | None, str]] = []
        antecedents: list[tuple[int, str, str]] = []   # (token, actor, surface) named in full
        containers: list[tuple] = []   # long matches that may name other actors inside
        full: Counter[str] = Counter()
        inside: Counter[str] = Counter()   # named inside a title (no mention of their own)
        seen_at: dict[str, list[int]] = defaultdict(list)   # token positions of full mentions
        shorts: list[tuple[tuple, list[int]]] = []
        kin: dict[str, int] = {}   # person → where another of the family was named in full
        undated: list[tuple[tuple, list[int], str]] = []   # role titles in an undated document
        following = {(r[1], r[6]): r for r in items}
        ending = {(r[1], r[6] + r[9]): r for r in items}   # the match that ends before a word
        read_over: dict[tuple[str, str], int] = {}   # (unit, field) → read again up to here

        def held(r: tuple, holder: str, how: str, resolved: list = resolved,
                 full: Counter = full, seen_at: dict = seen_at,
                 antecedents: list = antecedents) -> None:
            """A role title read as one of its holders: the person's mention, and the bodies
            named inside the title seen (licensing their short forms)."""
            for inner in _named_inside(r, matcher, e_kind, e_actor):
                seen_at[inner].append(r[6])
            resolved.append((r, holder, how))
            full[holder] += 1
            seen_at[holder].append(r[6])
            antecedents.append((r[6], holder, r[7]))
        for r in items:
            if read_over and r[4] < read_over.get((r[1], r[3]), -1):
                continue   # the text a dropped short form covered was read again (below)
            payloads = list(r[8])
            if movement.intersection(payloads) \
                    and _next_word(r, texts, titles, matcher) in state_nisbas:
                continue   # الصليب الأحمر الكيني: Kenya's society, which the gazetteer lacks
            strong = [p for p in payloads if e_kind[p] in ("name", "variant", "metonym")]
            if strong:
                p = min(strong, key=lambda q: ("name", "variant", "metonym").index(e_kind[q]))
                if r[9] == 1 and _adjective(r, e_form[p], texts, titles, matcher):
                    continue   # المطارات السعودية: the nationality adjective, not the state
                if type_of.get(e_actor[p]) in ("armed_group", "political_org") \
                        and _nation(country_of.get(e_actor[p])) \
                        and country_of[e_actor[p]] not in state_nisbas.get(
                            _next_word(r, texts, titles, matcher) or "", (country_of[e_actor[p]],)):
                    continue   # حزب الله الكويتي، حزب البعث العراقي: another country's namesake
                if type_of.get(e_actor[p]) == "person" and person_venues.intersection(
                        _prev_word(r, texts, titles, matcher, True)):
                    continue   # مرقد الخميني، جامعة الملك سعود: a venue named after a person
                if type_of.get(e_actor[p]) == "government" and _no_body(
                        r, texts, titles, matcher, office, future):
                    continue   # تشكيل الحكومة اللبنانية: its forming, not the body that acts
                if type_of.get(e_actor[p]) == "state" and e_kind[p] != "metonym" \
                        and state_venues.intersection(_prev_word(r, texts, titles, matcher,
                                                                 True)):
                    continue   # جامعة الكويت، مطار الكويت: a place named after the state
                if r[9] == 1 and _as_adjective(r, texts, titles, matcher):
                    continue   # دعم مالي، إنقاذ مالي، عسكري ومالي: "financial", not Mali
                if r[9] == 1 and e_kind[p] == "variant" \
                        and type_of.get(e_actor[p]) == "person" \
                        and _anothers_given_name(r, p, texts, titles, matcher, e_actor, e_form,
                                                 gaz):
                    continue   # فرانسوا كومباوري: a brother's name ends in the surname variant
                if r[9] > 1 and _first_word(e_form[p], matcher.settings) in adjectival \
                        and _definite(_prev_word(r, texts, titles, matcher, True),
                                      matcher.settings):
                    continue   # السياسة الخارجية الأمريكية: "foreign", not the ministry
                if e_kind[p] == "metonym" and (
                        (venue_heads.intersection(_prev_word(r, texts, titles, matcher, True))
                         and not _with_b(r, e_form[p], matcher))
                        or _next_word(r, texts, titles, matcher) in other_place
                        or _force_majeure(r, e_form[p], texts, titles, matcher)
                        or (type_of.get(e_actor[p]) != "state"
                            and _as_place(r, e_form[p], texts, titles, matcher, locatives))):
                    # مطار بغداد، اتفاق ستوكهولم (not سجن ببرلين)، القاهرة الجديدة، في البيت
                    # الأبيض: a place or an event, not the state or government
                    continue
                how = {"name": "exact", "variant": "variant", "metonym": "metonymy"}[e_kind[p]]
                resolved.append((r, e_actor[p], how))
                full[e_actor[p]] += 1
                seen_at[e_actor[p]].append(r[6])
                antecedents.append((r[6], e_actor[p], r[7]))
                if r[9] > 2 and how != "metonymy":
                    containers.append(r)
                    if type_of.get(e_actor[p]) == "person":
                        # المتحدث باسم الجيش التشادي الجنرال إسحق الشيخ شنان: the army named
                        # in the person's title is no mention of its own, but the document
                        # names it (its short forms, its country), as inside a role title
                        for inner in _named_inside(r, matcher, e_kind, e_actor):
                            if inner != e_actor[p]:
                                seen_at[inner].append(r[6])
                                inside[inner] += 1
                continue
            roles = [p for p in payloads if e_kind[p] == "role"]
            if roles:
                title = e_form[roles[0]]
                containers.append(r)
                # a title followed straight by the name of one of its holders is that person,
                # whatever the date says (the day after a death, an undated text)
                after = r[6] + r[9]
                word = _next_word(r, texts, titles, matcher)
                was = date is not None and word in former
                at_word = following.get((r[1], after))   # a name may begin with the word
                if word in former or word in late or _between_title_and_name(word):
                    after += 1   # الرئيس الفرنسي السابق [نيكولا ساركوزي]، رئيس الحكومة المكلف
                then = 0 if word in former else _then_words(r, texts, titles, matcher)
                if then:   # الرئيس الأمريكي -في ذلك الوقت- [بيل كلينتون]
                    after = r[6] + r[9] + then
                nxt = following.get((r[1], after))
                if nxt is None and word in honorifics:   # رئيس وزراء إثيوبيا الدكتور [أبي أحمد]
                    nxt = following.get((r[1], after + 1))
                # the name, or a short form of one of the title's holders (رئيس الوزراء
                # الأثيوبي أبي أحمد: a short form counted only where Ethiopia is named, but
                # after the title it can be no one else)
                named = {e_actor[p] for p in nxt[8] if e_kind[p] in ("name", "variant", "short")} \
                    if nxt is not None else set()
                holder = next((e_actor[p] for p in roles if e_actor[p] in named), None)
                if holder is None and at_word is not None and at_word is not nxt:
                    # الرئيس المصري [المعزول محمد مرسي]: the holder's name begins with the word
                    named = {e_actor[p] for p in at_word[8]
                             if e_kind[p] in ("name", "variant", "short")}
                    holder = next((e_actor[p] for p in roles if e_actor[p] in named), None)
                if holder is not None:
                    held(r, holder, "role + name")
                    continue
                before = ending.get((r[1], r[6]))
                if before is not None and before[3] == r[3] and _apposed(before, r, texts, titles) \
                        and _light(r[7].split()[0]) == _light(title.split()[0]):
                    # حسني مبارك الرئيس المصري، إلياس الهراوي، الرئيس اللبناني: a title right
                    # after the name of one of its holders is that holder's, whatever the date
                    # (not one with a proclitic: وولي العهد after the king's name is another)
                    named = {e_actor[p] for p in before[8] if e_kind[p] in ("name", "variant")}
                    holder = next((e_actor[p] for p in roles if e_actor[p] in named), None)
                    if holder is not None:
                        held(r, holder, "name + role")
                        continue
                if then and date is not None:
                    # الرئيس الأمريكي آنذاك, without a listed holder's name after it: the holder
                    # at the time told, not at the page's date (a mention of the role)
                    resolved.append((r, None, f"role (then):{title}"))
                    for inner in _named_inside(r, matcher, e_kind, e_actor):
                        seen_at[inner].append(r[6])
                    continue
                if word in state_nisbas and not {country_of.get(e_actor[q]) for q in roles} \
                        & set(state_nisbas[word]):
                    # زعيم حركة طالبان الباكستانية: the title of another country's namesake (the
                    # Pakistani Taliban's leader, not the Afghan Taliban's); a nationality of the
                    # holders' own country (رئيس وزراء الاحتلال الإسرائيلي) stays the title
                    for inner in _named_inside(r, matcher, e_kind, e_actor):
                        seen_at[inner].append(r[6])
                    continue
                if _anothers_title(r, texts, titles, matcher, another):
                    # نائب الأمين العام للجامعة، المتحدث باسم الأمين العام ...، المبعوث الخاص
                    # للأمين العام: the title of a deputy, spokesman or envoy, not its holder
                    # (one mention with the name that follows, else none)
                    resolved.append((r, None, f"{_ANOTHERS}:{title}"))
                    for inner in _named_inside(r, matcher, e_kind, e_actor):
                        seen_at[inner].append(r[6])
                    continue
                if word in former:
                    later = _former_named_after(r, after, roles, following, e_kind, e_actor,
                                                texts, titles, matcher)
                    if later is not None:
                        # رئيس الوزراء المصري الأسبق المرشح الرئاسي المحتمل الفريق «أحمد شفيق»:
                        # the former holder is named a few words on, in his own mention; the
                        # title is not the holder before the date
                        seen_at[later].append(r[6])
                        continue
                    if former[word]:   # ousted, no name: not the holder whose term ended last
                        continue
                if date is None:   # decided once the whole document is read (below)
                    undated.append((r, roles, title))
                    continue
                if was:   # the holder whose term ended last before the date
                    ended = [p for p in roles if e_to[p] is not None and not pd.isna(e_to[p])
                             and e_to[p] < date]
                    holders = sorted(ended, key=lambda p: e_to[p], reverse=True)[:1]
                else:
                    holders = [p for p in roles if _held(p, date, e_from, e_to)]
                if holders and nxt is None and _given_name_follows(
                        r, texts, titles, matcher, word in former or word in late
                        or _between_title_and_name(word), _holder_words(gaz, e_actor[holders[0]])):
                    # نائب الرئيس الأمريكي ديك تشيني in a page of 2021: the title of a person the
                    # gazetteer lacks, not the holder at the page's date (a role mention, which
                    # goes with the name below, or alone where the name is not read)
                    resolved.append((r, None, f"role (a name follows):{title}"))
                    for inner in _named_inside(r, matcher, e_kind, e_actor):
                        seen_at[inner].append(r[6])
                    continue
                if holders:
                    resolved.append((r, e_actor[holders[0]], "role at date"))
                    full[e_actor[holders[0]]] += 1
                    seen_at[e_actor[holders[0]]].append(r[6])
                    antecedents.append((r[6], e_actor[holders[0]], r[7]))
                elif any(type_of.get(e_actor[p]) == "person" for p in roles):
                    resolved.append((r, None, f"role (no holder at date):{title}"))
                # (a title only organizations hold, such as البعثة for the observer missions of
                # 2012, is a dated name: outside its period it names nothing)
                # an organization named inside the title (رئيس الائتلاف الوطني السوري) is
                # not a mention of its own, but licenses its short forms (الائتلاف) later on
                for inner in _named_inside(r, matcher, e_kind, e_actor):
                    seen_at[inner].append(r[6])
                continue
            cands = [p for p in payloads if e_kind[p] == "short"]
            kinds = {type_of.get(e_actor[p]) for p in cands}
            if kinds == {"government"} and _no_body(r, texts, titles, matcher, office, future):
                continue   # رئاسة الحكومة، تشكيل الحكومة، الحكومة المقبلة: no body that acts
            if kinds == {"government"} and r[9] == 1 and _a_system(r, texts, titles, matcher,
                                                                   nisbas):
                continue   # النظام الملكي، النظام الانتخابي: a system, not the regime
            if kinds == {"state"} and state_venues.intersection(
                    _prev_word(r, texts, titles, matcher, True)):
                continue   # مطار طرابلس، مطار كابل: the airport, not the state
            shorts.append((r, cands))
        for r, roles, title in undated:
            # an undated document that names one holder of the title in full (الرئيس
            # الأمريكي دونالد ترامب ... وأضاف الرئيس الأمريكي): the bare title is that holder,
            # as a reader takes it; none or several named: a mention of the role
            holders = {e_actor[p] for p in roles if full[e_actor[p]]}
            if len(holders) == 1:
                holder = holders.pop()
                resolved.append((r, holder, "role (holder named)"))
                full[holder] += 1
                seen_at[holder].append(r[6])
                antecedents.append((r[6], holder, r[7]))
            elif any(type_of.get(e_actor[p]) == "person" for p in roles):
                resolved.append((r, None, f"role (undated):{title}"))
        countries: Counter[str] = Counter()
        country_at: dict[str, list[int]] = defaultdict(list)
        for a, k in (full + inside).items():
            # (a place is no mention of its country: ريال مدريد in a sports report is a club)
            if country_of.get(a) and a not in international and type_of.get(a) != "place":
                countries[country_of[a]] += k
                country_at[country_of[a]] += seen_at[a]
        if not countries:
            # a document that names no country in full but says whose it is by a nationality
            # (مصادر أمنية مصرية ... حاجزا للجيش): the generic forms are that country's
            countries.update(_nisba_countries(doc_id, texts, titles, nisbas, matcher))
        if not countries and home is not None:
            # a document that names no country: its generic references are the outlet's
            # own country's (home=), as in a Saudi paper's "وزارة الداخلية" and "المملكة"
            here = home if isinstance(home, str) else home.get(sources.get(doc_id))
            if here:
                countries[here] = 1
        for r, cands in shorts:
            # a rule {quoted}: the form is a name only inside quotation marks (لـ«الشرق
            # الأوسط»: the newspaper; bare الشرق الأوسط is the region), then always
            quoted = [p for p in cands if e_rule[p] == "quoted"]
            if quoted:
                if _quoted(r, texts, titles) or _dateline(r, texts, titles):
                    # outlets of one name (الوطن in several countries): the one named in
                    # full, else the one whose country the document names most, else the first
                    best = max(quoted, key=lambda q: (e_actor[q] in seen_at,
                                                      countries.get(country_of[e_actor[q]], 0),
                                                      -q))
                    resolved.append((r, e_actor[best], "short form"))
                    continue
                cands = [p for p in cands if e_rule[p] != "quoted"]
            if len(cands) > 1 and all(type_of.get(e_actor[p]) == "state" for p in cands) \
                    and _in_list_of_states(r, items, texts, titles, e_kind, e_actor, type_of):
                # قطر وعمان: in a list of states a bare عمان is the state whose own name it is
                # (سلطنة عمان), named in full or not, not Jordan's capital; where no candidate's
                # own name holds the form, or several do (كوريا), it is resolved as usual
                own = [p for p in cands if _in_own_name(e_form[p], info[e_actor[p]][1],
                                                        matcher.settings)]
                if len(own) == 1:
                    resolved.append((r, e_actor[own[0]], "short form"))
                    continue
            if any(e_rule[p] == "country" for p in cands) \
                    and title_heads.intersection(_title_word(r, texts, titles, matcher)):
                # رئيس الحكومة، قائد الجيش، القائد العام للقوات المسلحة: a generic form in a
                # person's title, not the body
                cands = [p for p in cands if e_rule[p] != "country"]
            after = _next_word(r, texts, titles, matcher) \
                if any(e_rule[p] == "country" for p in cands) else None
            if after in financial:
                # السلطات المالية: Mali's in a document that names Mali (الحكومة المالية), else
                # "the financial authorities"; never another state's
                cands = [p for p in cands if e_rule[p] != "country" or (
                    country_of.get(e_actor[p]) == _MALI and countries.get(_MALI, 0) > 0)]
            nation = nisbas.get(after) if after is not None else None
            if nation is None and after in _IN:
                # الحكومة في مالي، الجيش في العراق: a body of the state named right after "in"
                # (a state's own short form stays itself: دور المملكة في اليمن)
                there = _state_right_after(r, items, texts, titles, e_kind, e_actor, type_of)
                if there in country_of:
                    cands = [p for p in cands if e_rule[p] != "country"
                             or type_of.get(e_actor[p]) == "state"
                             or country_of.get(e_actor[p]) == country_of[there]]
            if nation:
                # الشرطة العراقية, السلطات الأوكرانية: a generic form followed by a nationality
                # is only an actor of that nation (none, where the gazetteer has no such row)
                cands = [p for p in cands if e_rule[p] != "country"
                         or country_of.get(e_actor[p]) in nation]
            named = [p for p in cands if e_actor[p] in seen_at]
            if named:
                # the actor last named in full before the short form; if none was named before
                # it, the one named most often (ties: the gazetteer's order). States (المملكة:
                # Saudi Arabia or Jordan) go to the one named most often before it, then to the
                # one named first: a bare "the kingdom" is the text's own country, not the last
                # one of a list (مصر والمغرب والأردن); persons and bodies to the one named last.
                if all(type_of.get(e_actor[q]) == "state" for q in named):
                    ranked = [(sum(t < r[6] for t in seen_at[e_actor[q]]),
                               -min((t for t in seen_at[e_actor[q]] if t < r[6]),
                                    default=r[6]), full[e_actor[q]], -q) for q in named]
                else:
                    ranked = [(max((t for t in seen_at[e_actor[q]] if t < r[6]), default=-1),
                               full[e_actor[q]], -q) for q in named]
                p = named[ranked.index(max(ranked))]
                resolved.append((r, e_actor[p], "short form"))
                if r[9] > 1:
                    antecedents.append((r[6], e_actor[p], r[7]))
                continue
            namesake = _namesake(r, cands, seen_at, e_actor, type_of, info, matcher,
                                 surnames_ar) if cands else None
            if namesake is not None:
                # عون{country} is Michel Aoun's surname alone; in a document that names Joseph
                # Aoun in full before it, and not Michel, it is Joseph's
                resolved.append((r, namesake, SURNAME))
                continue
            # A rule {country}: the form counts where the document mentions the actor's country;
            # if several actors claim it, the one whose country the document mentions most.
            ruled = [p for p in cands if e_rule[p] == "country"
                     and countries.get(country_of.get(e_actor[p]), 0) > 0]
            if ruled:   # خالد قهوجي، محمد بن عبدالله العساف: another man of the family
                keep = []
                for p in ruled:
                    a = e_actor[p]
                    if type_of.get(a) == "person":
                        if _in_anothers_name(r, a, texts, titles, matcher, e_actor, e_form,
                                             gaz):
                            kin.setdefault(a, r[6])
                            continue
                        if kin.get(a, r[6]) < r[6]:
                            # القاضية غادة عون ... القاضية عون: the surname alone after another
                            # of the family was named in full is theirs, as a reader takes it
                            continue
                    keep.append(p)
                ruled = keep
            if ruled and not all(type_of.get(e_actor[p]) in _OWN_NAMES for p in ruled) \
                    and not _generic_may_resolve({country_of[e_actor[p]] for p in ruled},
                                                 r[6], country_at, countries, covered):
                # (a person's name is no generic form: أبي أحمد counts in a document that
                # names Ethiopia, even where it names Eritrea more; nor is an armed group's
                # short name: حركة الشباب is al-Shabaab where the document names Somalia, though
                # Uganda, whose soldiers it attacked, is named nearer)
                ruled = []
            if ruled:
                # the country named in full last, a few words before the form (السلطات
                # السورية ... وحدات من الجيش), decides; else the one the document names most
                near = {a: max((t for t in country_at.get(country_of[a], ())
                                if r[6] - _NEAR <= t < r[6]), default=-1)
                        for a in {e_actor[p] for p in ruled}}
                ranked = sorted(near, key=lambda a: (-near[a], -countries[country_of[a]]))
                if len(ranked) == 1 or near[ranked[0]] > near[ranked[1]] or (
                        countries[country_of[ranked[0]]] > countries[country_of[ranked[1]]]):
                    resolved.append((r, ranked[0], "short form"))
                    if r[9] > 1:
                        antecedents.append((r[6], ranked[0], r[7]))
                    continue
            persons = {e_actor[p] for p in cands if type_of.get(e_actor[p]) == "person"
                       and countries.get(country_of.get(e_actor[p]), 0) > 0}
            if len(persons) == 1 and _after_honorific(r, texts, titles, matcher, honorifics):
                # الرئيس صالح، السيد الصدر، الجنرال البرهان: a surname right after a title or an
                # honorific, in a document that names the person's country, is that person's
                # even where the document never names him in full
                aid = persons.pop()
                resolved.append((r, aid, "short form after title"))
                seen_at[aid].append(r[6])
                continue
            dropped += 1
            # a dropped short form does not hide a name inside it (إعلان دمشق قبولها الخطة:
            # not the Damascus Declaration, but دمشق is still Syria), nor one that begins inside
            # it and runs on past its end (مكتب الرئاسة العامة لرعاية الشباب: not the short form
            # مكتب الرئاسة of another body, but the youth presidency)
            if r[9] > 1:
                value = titles[doc_id] if r[3] == "title" else texts[doc_id]
                over, end = _overlapping(r, value, matcher, e_kind)
                if over:
                    read_over[(r[1], r[3])] = end
                    first = over[0][0][4]
                    over = [(inner, p) for inner, p in _inside(r, matcher, e_kind, head=True)
                            if inner[5] <= first and inner[6] == r[6]] + over
                for inner, p in over or _inside(r, matcher, e_kind, head=True):
                    how = {"name": "exact", "variant": "variant",
                           "metonym": "metonymy"}[e_kind[p]]
                    resolved.append((inner, e_actor[p], how))
        if doc_id in by_doc_heads and (antecedents or containers):
            for r in containers:
                antecedents += _inner_antecedents(r, matcher, e_kind, e_actor)
            taken = {t for r, _, _ in resolved for t in range(r[6], r[6] + r[9])}
            resolved += [d for d in _descriptions(by_doc_heads[doc_id], antecedents, matcher,
                                                  type_of, _role_words(gaz, matcher))
                         if not taken.intersection(range(d[0][6], d[0][6] + d[0][9]))]
        if date is not None and antecedents and any(
                isinstance(v, str) and "نظير" in v for v in (texts.get(doc_id),
                                                              titles.get(doc_id))):
            if wh is None:
                wh = _where(pieces)
            resolved += _counterparts(doc_id, date, texts, titles, kept, wh, antecedents,
                                      resolved, matcher, _counterpart_table(gaz, nisbas), nisbas,
                                      (e_actor, e_kind, e_from, e_to), type_of)
        resolved = _merge_adjacent(resolved, texts, titles, info)
        resolved = _governments_of(resolved, texts, titles, matcher, type_of, country_of,
                                   international, info)
        for r, aid, how in resolved:
            if r[7] is None:   # a merged span: its text as written
                value = titles[doc_id] if r[3] == "title" else texts[doc_id]
                r = (*r[:7], value[r[4]:r[5]])
            if aid is None:
                how, title = how.split(":", 1)
                if how == _ANOTHERS:   # no name followed to take it as its title
                    continue
                key = "role:" + title
                rows.append((*r[:8], key, title, title, "role", None, how))
            else:
                rows.append((*r[:8], aid, *info[aid], how))
    if not places:
        rows = [r for r in rows if r[11] != "place"]
    one_word = gaz.__dict__.get("_one_word")
    if one_word is None or one_word[0] is not gaz.entries:
        one_word = gaz.__dict__["_one_word"] = (
            gaz.entries, frozenset(k for k in gaz.entries["key"] if " " not in k))
    rows = listed_surnames(rows, texts, titles, _where(pieces), matcher, kept, info,
                           one_word[1], tables.nisbas, tables.title_of | tables.honorifics)
    with_roles = {r[0] for r in rows if r[11] == "role"} if not unlisted else set()
    if unlisted or with_roles:
        from .unlisted import find_unlisted, gazetteer_given_names, gazetteer_single_names

        given = gaz.__dict__.get("_given")
        if given is None or given[0] is not gaz.actors or given[1] is not gaz.entries:
            given = gaz.__dict__["_given"] = (
                gaz.actors, gaz.entries, gazetteer_given_names(gaz.actors, matcher.settings),
                gazetteer_single_names(gaz.entries, gaz.actors, matcher.settings))
    if unlisted:
        rows = find_unlisted(rows, texts, titles, _where(pieces), matcher, given[2], kept,
                             given[3])
    elif with_roles:
        # a role title the gazetteer could not resolve, right before a name it lacks (وزير
        # الداخلية التركي معمر غولر), is that person's title, not a mention of the role: without
        # ``unlisted`` neither is kept (the documents with such titles only are read again)
        some = [r for r in rows if r[0] in with_roles]
        kept_rows = set(find_unlisted(
            some, {d: texts.get(d) for d in with_roles},
            {d: titles.get(d) for d in with_roles if d in titles}, _where(pieces), matcher,
            given[2], kept, given[3]))
        titled = {r for r in some if r[11] == "role" and r not in kept_rows}
        rows = [r for r in rows if r not in titled]
    # in document order, then word order (sorted as plain tuples: sorting the table's Arrow
    # columns cost 4% of the call)
    order = {d: i for i, d in enumerate(ids)}
    rows.sort(key=lambda r: (order[r[0]], r[6]))
    rows = _in_titles(rows, texts, titles, matcher, title_of)
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    out["start"] = out["start"].astype("int64")
    out["end"] = out["end"].astype("int64")
    out["token"] = out["token"].astype("int64")
    out["in_title"] = out["in_title"].astype(bool)
    if meta:
        cols = [c for c in (["date", "source"] if meta is True else list(meta))
                if c in corpus.docs]
        if cols:
            if out.empty:   # no mention: the ids take the corpus' type (an empty frame's
                out["doc_id"] = out["doc_id"].astype(corpus.docs["doc_id"].dtype)   # float)
            out = out.merge(corpus.docs[["doc_id", *cols]], on="doc_id", how="left")
    out.attrs.update(_unit_counts(corpus, unit, pieces))
    out.attrs["gazetteer"] = {"version": gaz.version, "fingerprint": gaz.fingerprint,
                              "actors": len(gaz.actors)}
    out.attrs["dropped_short_forms"] = dropped
    return out


class _Tables(NamedTuple):
    """What resolving mentions needs from one gazetteer (see :func:`_resolution_tables`)."""

    e_actor: Any
    e_kind: Any
    e_rule: Any
    e_from: Any
    e_to: Any
    e_form: Any
    info: Any
    country_of: Any
    type_of: Any
    international: Any
    covered: Any
    nisbas: Any
    former: Any
    late: Any
    title_heads: Any
    venue_heads: Any
    locatives: Any
    other_place: Any
    weak: Any
    person_venues: Any
    adjectival: Any
    financial: Any
    office: Any
    future: Any
    state_venues: Any
    title_of: Any
    honorifics: Any
    another: Any
    movement: Any
    state_nisbas: Any


def _resolution_tables(gaz: Gazetteer, matcher: Dictionary) -> _Tables:
    """What resolving mentions needs from a gazetteer, made once per gazetteer (and again when
    its ``entries`` or ``actors`` are replaced), not once per call: every part of a corpus, on
    every worker, used to rebuild them (the nationality adjectives alone took a third of a
    second)."""
    hit = gaz.__dict__.get("_resolution")
    if hit is not None and hit[0] is gaz.entries and hit[1] is gaz.actors:
        return hit[2]
    ent = gaz.entries
    e_actor = ent["actor_id"].to_numpy()
    e_kind = ent["kind"].to_numpy()
    e_rule = ent["rule"].to_numpy()
    e_from = ent["valid_from"].to_numpy()
    e_to = ent["valid_to"].to_numpy()
    e_form = ent["form"].to_numpy()
    info = {r.actor_id: (r.name_en, r.name_ar, r.type, r.country)
            for r in gaz.actors.itertuples(index=False)}
    country_of = {a: v[3] for a, v in info.items()}
    type_of = {a: v[2] for a, v in info.items()}
    # officials of international bodies (the gazetteer's int_ persons: UN and Arab League
    # envoys, secretaries-general): their nationality says nothing of the document's country
    international = {a for a, v in info.items() if v[2] == "person" and a.startswith("int_")}
    # countries whose institutions the gazetteer lists (a generic form with {country})
    # (beyond the government, army and parliament the gazetteer gives every state: a document
    # about a state whose ministries it lacks leaves وزارة الصحة unresolved)
    basic = {" ".join(entry_words(f, gaz.normalize)) for f in _BASIC_GENERIC}
    ruled = e_rule == "country"
    # (a person's surname with {country}, ماسرا{country}, is no institution)
    covered = {country_of[a] for a, k in zip(e_actor[ruled], ent["key"].to_numpy()[ruled])
               if k not in basic and type_of.get(a) != "person"}
    nisbas = _nisbas(ent, gaz.actors, matcher)
    state_nisbas = _nisbas(ent, gaz.actors, matcher, states_only=True)
    # the words that make a title a former holder's (True: "ousted", "deposed")
    former = {matcher._forms(w)[0][0]: w in _OUSTED for w in _FORMER}
    late = {matcher._forms(w)[0][0] for w in _LATE}
    # bare person heads in construct (رئيس الحكومة، لرئيس مجلس الوزراء، عضو مجلس الوزراء): a
    # generic form after them is in a title
    title_heads = set(_head_forms(matcher.settings, _PERSON_HEADS + ("عضو",)).values())
    venue_heads = {matcher._forms(w)[0][0] for w in _VENUE_HEADS}
    person_venues = {matcher._forms(w)[0][0] for w in _PERSON_VENUE_HEADS}
    adjectival = {matcher._forms(w)[0][0] for w in _ADJECTIVAL_HEADS}
    # المالي/المالية: Mali's nationality adjective and "financial" (none of its forms is a nisba
    # of the table, so that a generic form before it would otherwise go to another state)
    financial = {matcher._forms(w)[0][0] for w in ("المالي", "المالية")}
    honorifics = {matcher._forms(w)[0][-1] for w in _HONORIFICS}
    locatives = {matcher._forms(w)[0][0] for w in _LOCATIVES}
    other_place = {matcher._forms(w)[0][0] for w in _OTHER_PLACE}
    weak = frozenset(np.flatnonzero(e_kind == "short").tolist())
    office = {matcher._forms(w)[0][0] for w in _OFFICE_OF}
    future = {matcher._forms(w)[0][0] for w in _FUTURE}
    state_venues = {matcher._forms(w)[0][0] for w in _STATE_VENUE_HEADS}
    # the words a person's title begins with, before an organization or state it names
    title_of = title_heads | {matcher._forms(w)[0][0] for w in _TITLE_OF + _MORE_TITLE_HEADS} \
        | {matcher._forms(w)[0][-1] for w in _TITLE_OF + _MORE_TITLE_HEADS}
    # the words before an office holder's title that make it another person's title
    another = (frozenset(matcher._forms(w)[0][0] for w in _TITLE_OF + _ENVOY_OF),
               frozenset(matcher._forms(w)[0][0] for w in _ENVOY_OF),
               frozenset(matcher._forms(w)[0][0] for w in _ENVOY_ADJECTIVES))
    # the bare names of the Red Cross and Red Crescent movement: before a nationality adjective
    # they name that country's society (الصليب الأحمر الكيني), not the ICRC or another's
    bare = {" ".join(entry_words(f, gaz.normalize)) for f in _MOVEMENT}
    movement = frozenset(np.flatnonzero(ent["key"].isin(bare).to_numpy()).tolist())
    out = _Tables(e_actor, e_kind, e_rule, e_from, e_to, e_form, info, country_of, type_of,
                  international, covered, nisbas, former, late, title_heads, venue_heads,
                  locatives, other_place, weak, person_venues, adjectival, financial, office,
                  future, state_venues, title_of, honorifics, another, movement, state_nisbas)
    gaz.__dict__["_resolution"] = (ent, gaz.actors, out)
    return out


@functools.lru_cache(maxsize=4)
def _head_pattern() -> re.Pattern:
    """A quick screen for the tokens that may be definite heads (the article and a head
    written with any alef, ta marbuta or alef maqsura, anywhere in a token: each token it
    touches is then checked on its normalized forms, proclitics included)."""
    def loose(word: str) -> str:
        out = []
        for ch in word:
            out.append({"ا": "[اأإآ]", "ه": "[هة]", "ة": "[هة]", "ي": "[يى]"}.get(ch, ch))
        return "".join(out)
    alts = "|".join(sorted({loose(h) for h in DESCRIPTION_HEADS}, key=len, reverse=True))
    return re.compile(rf"(?:ال|لل)(?:{alts})")


@functools.lru_cache(maxsize=8)
def _head_forms(settings: Any, heads: tuple[str, ...] = DESCRIPTION_HEADS) -> dict[str, str]:
    """Normalized definite head (with ال) → normalized bare head."""
    return {"ال" + entry_words(h, settings)[0]: entry_words(h, settings)[0] for h in heads}


def _word_forms(text: str, matcher: Dictionary) -> list[tuple[str, ...]]:
    return [matcher._forms(w)[0] for _, _, w in matcher.tokens(text)]


def _adjective(r: tuple, form: str, texts: dict, titles: dict, matcher: Dictionary) -> bool:
    """A one-word name that is also a feminine nisba (السعودية) is the adjective where it
    follows a definite noun with nothing between (المطارات السعودية، المرأة السعودية); the
    guidelines never count a nationality adjective as a mention. An undetermined one (سورية,
    the Syrian press's spelling of Syria) is the adjective after an undetermined noun that
    agrees with it or is plural (عائلة سورية، جنسيات غير سورية، مصادر سورية، مصادر عراقية
    وسورية), not after a verb or a preposition (دخلت سورية، في سورية، لسورية)."""
    if form.endswith("يا") and not form.startswith("ال"):
        return _counted_nisba(r, form, texts, titles, matcher)
    if not form.endswith(("ية", "يه")):
        return False
    if not form.startswith("ال"):
        return _undetermined_adjective(r, texts, titles, matcher)
    if not r[7].startswith("ال"):
        return False
    prev = _prev_word(r, texts, titles, matcher, True)   # للعاصمة السعودية: definite too
    return bool(prev) and prev[0] not in _NOT_MODIFIERS and prev[0] not in _AFTER_PERSON \
        and _definite(prev, matcher.settings)


# undetermined broken plurals that nationality adjectives follow in the news (مصادر سورية)
_PLURALS_BEFORE_NISBA = frozenset(("مصادر", "مواقع", "عوالم", "فصائل", "اطراف", "أطراف",
                                   "قوى", "جهات"))


# titles and honorifics before a surname (الرئيس صالح، السيد الصدر، العميد الحسن)
_HONORIFICS = ("الرئيس", "الوزير", "السيد", "الشيخ", "العميد", "اللواء", "الفريق", "العقيد",
               "المشير", "الملك", "الأمير", "الدكتور", "الجنرال", "الإمام", "المرشد", "القاضي",
               "السفير", "المبعوث", "الزعيم", "القائد", "السيدة")
# what a government is named after when it is an office or a body still to be formed, not one
# that acts: رئاسة الحكومة (the premiership), رئيسا للحكومة، تشكيل/تأليف الحكومة, and the one
# to come (الحكومة المقبلة/المرتقبة/القادمة/العتيدة)
_OFFICE_OF = ("رئاسة", "رئيسا", "تشكيل", "تأليف")
_FUTURE = ("المقبلة", "المرتقبة", "القادمة", "العتيدة")
_CABINET = ("الحكومة", "حكومة")
# places named after a state (جامعة الكويت، مطار طرابلس، فندق فلسطين)
_STATE_VENUE_HEADS = ("مطار", "ميناء", "جامعة", "جامعه", "فندق", "شارع")


# what may stand between an organization or state named in a title and the name of the person
# who holds it (or the next name of the same title): spaces, a comma, quotation marks, up to
# three definite words or ranks (المعارض، النيابية، الوزير، الشيخ، الفريق أول ركن)
_TITLE_GAP = re.compile(r"[\s،,\"'«»“”]*(?:(?:ال\w+|أول|اول|ركن)[\s،,\"'«»“”]+){0,3}")
# prepositions between a title's head and the body it names (القيادي في حركة فتح، سفيرها لدى
# فرنسا، المبعوث إلى اليمن)
_TITLE_PREPOSITIONS = ("في", "لدى", "إلى", "عن")
# heads of persons' titles beyond those of descriptions (عضو، نائب، القيادي في ...)
_MORE_TITLE_HEADS = ("عضو", "نائب", "قيادي", "مسؤول", "زعيمة", "رئيسة", "وزيرة", "سفيرة",
                     "مديرة", "منسقة", "ممثلة", "مبعوثة", "عاهل")


def _in_titles(rows: list[tuple], texts: dict, titles: dict, matcher: Dictionary,
               heads: set) -> list[tuple]:
    """Each row with ``in_title``: whether it is an organization, state or role title named
    inside a person's title that the person's name follows (مدير [المرصد السوري لحقوق الإنسان]
    رامي عبد الرحمن، زعيم [كتلة الفتح] النيابية هادي العامري، رئيس [مجلس السيادة] [بالسودان] الفريق
    أول ركن عبد الفتاح البرهان، القيادي في [حركة فتح] مروان البرغوثي). The annotation guidelines
    mark such a phrase as one mention of the person; these rows are the bodies a reader of the
    title also learns of (the issue's seed check asks for them). Filter them out
    (``mentions[~mentions["in_title"]]``) to count persons' titles as the guidelines do, or to
    keep a person's own organization out of its co-mentions."""
    def value_of(r: tuple) -> Any:
        return (titles if r[3] == "title" else texts).get(r[0])

    def head_words(r: tuple) -> tuple[str, ...]:
        words = _title_word(r, texts, titles, matcher)   # and without the article (القيادي)
        return words + tuple(w[2:] for w in words if w.startswith("ال"))

    def headed(r: tuple) -> bool:
        words = head_words(r)
        if heads.intersection(words):
            return True
        if words and words[0] in preps:   # القيادي في حركة فتح: the head before the preposition
            prev = _prev_span(r, texts, titles)
            if prev is not None:
                return bool(heads.intersection(head_words((*r[:4], prev[0], *r[5:]))))
        return False

    def joined(a: tuple, b: tuple) -> bool:
        """b follows a with only a title's filler between (or b's proclitic: بالسودان)."""
        if b[0] != a[0] or b[3] != a[3] or b[4] < a[5]:
            return False
        value = value_of(a)
        return isinstance(value, str) and _TITLE_GAP.fullmatch(value, a[5], b[4]) is not None

    preps = {matcher._forms(w)[0][0] for w in _TITLE_PREPOSITIONS}
    flags = [False] * len(rows)
    # right to left: a row is in a title when a title head comes before it (or it follows
    # another row of the same title) and the chain of rows after it ends at a person's name
    reaches = [False] * len(rows)   # the chain from this row on ends at a person
    for i in range(len(rows) - 1, -1, -1):
        r = rows[i]
        if r[11] == "person":
            reaches[i] = True
            continue
        if i + 1 < len(rows) and joined(r, rows[i + 1]) and reaches[i + 1]:
            reaches[i] = True
    for i, r in enumerate(rows):
        if r[11] == "person" or not reaches[i] or i + 1 >= len(rows):
            continue
        if (r[11] == "role" and joined(r, rows[i + 1])) or headed(r) \
                or (i and flags[i - 1] and joined(rows[i - 1], r)):
            flags[i] = True   # (a role title right before a name is that name's title)
    return [(*r, f) for r, f in zip(rows, flags)]


_NAME_GOES_ON = ("بن", "ابن", "ولد", "بنت")


def _after_honorific(r: tuple, texts: dict, titles: dict, matcher: Dictionary,
                     honorifics: set) -> bool:
    """A one-word short form right after a title or an honorific (الرئيس صالح), not a first
    name that a further name follows (اللواء صالح القرزعي، الدكتور صالح بن عبدالرحمن) nor after
    an honorific that is part of a name (عبد الملك سلال، سعد عبد الأمير لصالح)."""
    if r[9] != 1 or not honorifics.intersection(_prev_word(r, texts, titles, matcher, True)):
        return False
    prev = _prev_span(r, texts, titles)
    if prev is not None:
        before = _prev_word((*r[:4], prev[0], *r[5:]), texts, titles, matcher, True)
        if _name_heads(matcher.settings)[0] in before:
            return False
    after = _next_word(r, texts, titles, matcher)
    return after is None or not (after in _name_heads(matcher.settings)[1:] or (
        after.startswith("ال") and after not in _NOT_MODIFIERS))


@functools.lru_cache(maxsize=8)
def _name_heads(settings: Any) -> tuple[str, ...]:
    """عبد (before an honorific that is part of a name), then the words that continue a name."""
    return tuple(entry_words(w, settings)[0] for w in ("عبد", *_NAME_GOES_ON))


def _no_body(r: tuple, texts: dict, titles: dict, matcher: Dictionary, office: set,
             future: set) -> bool:
    """A cabinet (a match that begins with الحكومة, حكومة or مجلس الوزراء) named as an office or
    as one still to be formed (رئاسة الحكومة، رئاسة مجلس الوزراء، تشكيل الحكومة، الحكومة
    المقبلة): the guidelines mark the body that acts, not these. Other named bodies keep their
    mention (تشكيل مجلس السيادة)."""
    words = r[7].split()
    if not words:
        return False
    first = matcher._forms(words[0])[0]
    council = len(words) > 1 and _council(matcher.settings)[0] in first \
        and matcher._forms(words[1])[0][0] == _council(matcher.settings)[1]
    if not council and not _cabinet(matcher.settings).intersection(first):
        return False
    return bool(office.intersection(_prev_word(r, texts, titles, matcher, True))) \
        or _next_word(r, texts, titles, matcher) in future


def _a_system(r: tuple, texts: dict, titles: dict, matcher: Dictionary, nisbas: dict) -> bool:
    """Bare النظام ("the regime", a short form of a country's government) followed by a
    definite relative adjective that is no nationality: a system or an order (النظام الملكي
    البائد، النظام الانتخابي، النظام الداخلي), not the government. النظام السوري is a name of
    its own, and النظام الأمني السوري the regime. So is bare القيادة ("the leadership") before
    such an adjective: a command (القيادة العسكرية العراقية، القيادة الأمنية), not the
    government; القيادة السورية and القيادة السياسية are the leadership."""
    forms = matcher._forms(r[7])[0]
    command = _leadership(matcher.settings) in forms
    if not command and _regime(matcher.settings) not in forms:
        return False
    after = _next_word(r, texts, titles, matcher)
    if after is None or not after.startswith("ال") \
            or not after.endswith(("ي", "يه", "ية") if command else "ي") \
            or after in nisbas or after in _NOT_MODIFIERS:
        return False   # منح النظام المهلة، اتهم النظام الثوار: an object after the subject
    if command:   # (القيادة السياسية، القيادة الشرعية: the leadership still)
        return after not in _leadership_adjectives(matcher.settings)
    value = (titles if r[3] == "title" else texts).get(r[0])
    rest = matcher.tokens(value[r[5]:r[5] + 60]) if isinstance(value, str) else []
    # النظام الأمني السوري: a nationality after the adjective names the regime
    return not (len(rest) > 1 and matcher._forms(rest[1][2])[0][0] in nisbas)


@functools.lru_cache(maxsize=8)
def _regime(settings: Any) -> str:
    return entry_words("النظام", settings)[0]


@functools.lru_cache(maxsize=8)
def _leadership(settings: Any) -> str:
    return entry_words("القيادة", settings)[0]


@functools.lru_cache(maxsize=8)
def _leadership_adjectives(settings: Any) -> frozenset[str]:
    return frozenset(entry_words(w, settings)[0] for w in ("السياسية", "الشرعية"))


# tens, and the "ten" of 11-19, after which a counted noun is a singular in the accusative
# (عشرون جنديا، خمسة عشر عاملا); digits are read as numbers too
_TENS = frozenset(("عشر", "عشرة", "عشرون", "عشرين", "ثلاثون", "ثلاثين", "أربعون", "أربعين",
                   "خمسون", "خمسين", "ستون", "ستين", "سبعون", "سبعين", "ثمانون", "ثمانين",
                   "تسعون", "تسعين"))
_TANWEEN_FATH = "\u064b"


def _counted_nisba(r: tuple, form: str, texts: dict, titles: dict, matcher: Dictionary) -> bool:
    """A state whose name ends in -iya (تركيا، سوريا، موريتانيا، بريطانيا) written alone after
    a counted noun is the masculine nationality adjective in the accusative, spelled the same:
    16 عاملا تركيا ("16 Turkish workers"), ١٢ جنديا موريتانيا، 1343 لاجئا سوريا. The noun is
    counted where a number of eleven and more comes before it (digits that are no year, or
    tens: عشرون جنديا). Tanween alone is no sign (متهمًا تركيا: "accusing Turkey"); with a
    proclitic (وتركيا، لسوريا), after a verb (دعا تركيا) or a preposition it stays the state."""
    if matcher._forms(r[7])[0][0] != form:
        return False
    span = _prev_span(r, texts, titles)
    if span is None:
        return False
    start, prev = span
    bare = prev.replace(_TANWEEN_FATH, "")
    if len(bare) < 3 or not bare.endswith("ا") or bare.startswith("ال"):
        return False
    before = _prev_span((r[0], r[1], r[2], r[3], start) + tuple(r[5:]), texts, titles)
    if before is None:
        return False
    word = before[1]
    if word.isdigit():   # not a year before a verb (في 2015 دعا تركيا)
        return not (len(word) == 4 and 1900 <= int(word) <= 2099)
    return word in _TENS


def _undetermined_adjective(r: tuple, texts: dict, titles: dict, matcher: Dictionary) -> bool:
    readings = matcher._forms(r[7])[0]
    written, bare = readings[0], readings[-1]
    if written not in (bare, "و" + bare):   # بسورية، لسورية: after a preposition, the state
        return False
    prev = _prev_token(r, texts, titles, matcher)
    if prev is None or prev.startswith("ال"):
        return False
    if written != bare:   # مصادر عراقية وسورية: coordinated with another adjective
        return prev.endswith("ية")
    return prev.endswith(("ة", "ات")) or prev == "غير" or prev in _PLURALS_BEFORE_NISBA


def _prev_token(r: tuple, texts: dict, titles: dict, matcher: Dictionary) -> str | None:
    """The word right before a match as written, if only spaces lie between; else None."""
    span = _prev_span(r, texts, titles, line_break=True)
    return None if span is None else span[1]


def _prev_word(r: tuple, texts: dict, titles: dict, matcher: Dictionary,
               forms: bool = False) -> Any:
    """The word right before a match (normalized, proclitics kept), if only spaces lie
    between; else None. ``forms=True``: all its readings with and without proclitics
    (لرئيس: لرئيس، رئيس), empty where there is no such word."""
    raw = _prev_token(r, texts, titles, matcher)
    if raw is None:
        return () if forms else None
    readings = matcher._forms(raw)[0]
    return readings if forms else readings[0]


# nouns that مالي ("financial") qualifies in news, and the adjectives it is coordinated with
# (دعم عسكري ومالي): after them a bare مالي or ومالي is the adjective, not Mali (نظام مالي
# مستقر، برنامج إنقاذ مالي، مستشار مالي). After a preposition (في مالي، دعم لمالي) or a word
# not listed (شمال مالي، رئيس مالي، جيش مالي) it stays the state.
_FINANCIAL_HEADS = (
    "مبلغ", "دعم", "إنقاذ", "فساد", "عجز", "مستشار", "مقابل", "عبء", "هدر", "إرهاق", "ربع",
    "وسيط", "سوق", "أجر", "دخل", "منتج", "إجراء", "خلاف", "تمويل", "عائد", "مردود", "تعويض",
    "حافز", "ضمان", "غطاء", "احتياطي", "إفصاح", "ربح", "فائض", "قرض", "مكسب", "حساب",
    "محاسب", "محلل", "خبير", "احتيال", "تلاعب", "ابتزاز", "إغراء", "تحفيز", "إنفاق", "ملاءة",
    "نظام", "بيان", "وضع", "مأزق", "تقرير", "عون", "التزام", "استثمار", "نزاع", "مورد",
    "ضغط", "تحويل", "تبرع", "صندوق", "إسهام", "مخصص", "جزاء", "قطاع", "مركز", "أداء", "نمو",
    "مدير", "مراقب", "مدقق", "إداري", "اقتصادي", "عسكري", "سياسي", "لوجستي", "فني", "تقني",
    "معنوي", "مادي", "قانوني", "إعلامي", "أمني", "بشري", "سلبي", "إيجابي", "اجتماعي",
    "تجاري", "ضريبي",
)


@functools.lru_cache(maxsize=8)
def _financial(settings: Any) -> tuple[frozenset[str], frozenset[str]]:
    """The normalized forms of مالي/ومالي and of :data:`_FINANCIAL_HEADS`."""
    return (frozenset(entry_words(w, settings)[0] for w in ("مالي", "ومالي")),
            frozenset(entry_words(w, settings)[0] for w in _FINANCIAL_HEADS))


def _as_adjective(r: tuple, texts: dict, titles: dict, matcher: Dictionary) -> bool:
    """A bare مالي (or ومالي) right after a noun it qualifies or an adjective it is coordinated
    with (:data:`_FINANCIAL_HEADS`): the adjective "financial", not the state."""
    forms, heads = _financial(matcher.settings)
    if not r[7] or matcher._forms(r[7])[0][0] not in forms:
        return False
    return not heads.isdisjoint(_prev_word(r, texts, titles, matcher, True))


@functools.lru_cache(maxsize=8)
def _force_words(settings: Any) -> tuple[str, frozenset[str]]:
    return (entry_words("القاهرة", settings)[0],
            frozenset(entry_words(w, settings)[0] for w in ("القوة", "قوة")))


def _force_majeure(r: tuple, form: str, texts: dict, titles: dict, matcher: Dictionary) -> bool:
    """القاهرة after القوة or قوة is "overpowering": القوة القاهرة (force majeure), not Cairo."""
    cairo, forces = _force_words(matcher.settings)
    return " " not in form and matcher._forms(form)[0][0] == cairo \
        and not forces.isdisjoint(_prev_word(r, texts, titles, matcher, True))


def _title_word(r: tuple, texts: dict, titles: dict, matcher: Dictionary) -> Any:
    """The readings of the word before a match that would make it part of a person's title:
    the word right before, or the one before that where العام or الأعلى stands between
    (القائد العام للقوات المسلحة، القائد الأعلى للجيش)."""
    words = _prev_word(r, texts, titles, matcher, True)
    if words and words[0] in _title_adjectives(matcher.settings):
        prev = _prev_span(r, texts, titles)
        if prev is not None:   # القائد العام: the head is definite before its adjective
            before = _prev_word((*r[:4], prev[0], *r[5:]), texts, titles, matcher, True)
            return before + tuple(f[2:] for f in before if f.startswith("ال"))
    return words


@functools.lru_cache(maxsize=8)
def _title_adjectives(settings: Any) -> frozenset[str]:
    return frozenset(entry_words(w, settings)[0] for w in ("العام", "الأعلى"))


def _as_place(r: tuple, form: str, texts: dict, titles: dict, matcher: Dictionary,
              locatives: set[str]) -> bool:
    """A metonym written as a place: right after a locative (في، من، إلى، أمام ...) or with the
    preposition ب attached (بالبيت الأبيض، بقصر بعبدا)."""
    return _prev_word(r, texts, titles, matcher) in locatives or _with_b(r, form, matcher)


def _with_b(r: tuple, form: str, matcher: Dictionary) -> bool:
    """The match is written with the preposition ب attached (ببغداد، وبالبيت الأبيض)."""
    words = r[7].split() if r[7] else []
    if not words:
        return False
    first = _first_word(form, matcher.settings)
    return matcher._forms(words[0])[0][0] in ("ب" + first, "وب" + first, "فب" + first)


# words that begin with ال but are no definite noun that an adjective could follow (إلى، الذي،
# الآن، اليوم، the days of the week): قال المتحدث اليوم الخارجية ... is still the ministry
_NOT_DEFINITE = (
    "إلى", "إلا", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللتان", "اللذان", "اللواتي",
    "اللاتي", "الآن", "اليوم", "الله", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس",
    "الجمعة", "السبت", "الليلة", "البارحة")


def _definite(readings: tuple[str, ...], settings: Any) -> bool:
    """Whether the word before a match (its normalized readings with and without proclitics)
    is a definite noun: السياسة، والشؤون، للسياسة."""
    skip = _not_definite(settings)
    return any(f.startswith("ال") and len(f) > 3 and f not in skip for f in readings)


@functools.lru_cache(maxsize=8)
def _not_definite(settings: Any) -> frozenset[str]:
    return frozenset(entry_words(w, settings)[0] for w in _NOT_DEFINITE)


@functools.lru_cache(maxsize=8)
def _cabinet(settings: Any) -> frozenset[str]:
    return frozenset(entry_words(w, settings)[0] for w in _CABINET)


@functools.lru_cache(maxsize=8)
def _council(settings: Any) -> tuple[str, ...]:
    return tuple(entry_words("مجلس الوزراء", settings))


@functools.lru_cache(maxsize=4096)
def _first_word(form: str, settings: Any) -> str:
    """The first normalized word of a gazetteer form (cached: forms repeat across mentions)."""
    return entry_words(form, settings)[0]


# words after a title that make it a former holder's: "former" and "ousted, deposed" (الرئيس
# المصري المعزول is Morsi after July 2013, الرئيس التونسي المخلوع Ben Ali)
_FORMER = ("السابق", "الأسبق", "المعزول", "المخلوع")
_OUSTED = ("المعزول", "المخلوع")   # without a name after them: no holder (an interim one may
# have followed: الرئيس المصري المعزول in 2015 is Morsi, not Adly Mansour, whose term ended last)
_FORMER_REACH = 6   # words after "former" (السابق، الأسبق) in which a holder's name decides
# words that end the apposition after a former title: another person may follow them
_FORMER_STOPS = frozenset(("مع", "و", "في", "الى", "إلى", "على", "عن", "من", "ضد", "بين", "أن",
                           "ان", "إن", "قال", "قالت", "التقى", "استقبل", "خلف", "بعد", "قبل",
                           "حول", "لدى", "عند", "نحو", "تجاه", "بشأن", "خلال", "مثل", "أو", "او"))


def _former_named_after(r: tuple, after: int, roles: list, following: dict, e_kind: Any,
                        e_actor: Any, texts: dict, titles: dict,
                        matcher: Dictionary) -> str | None:
    """The holder of a "former" title (رئيس الوزراء المصري الأسبق) named within
    :data:`_FORMER_REACH` words after it, past an apposition (المرشح الرئاسي المحتمل الفريق
    «أحمد شفيق»: no preposition, conjunction or verb between), if any: the title is that
    person, who is mentioned by name already."""
    value = (titles if r[3] == "title" else texts).get(r[0])
    if not isinstance(value, str):
        return None
    toks = matcher.tokens(value[r[5]:r[5] + 30 * (_FORMER_REACH + 2)])
    holders = {e_actor[p] for p in roles}
    first = after - 1   # the position of the word "former" itself: toks[0]
    for pos in range(after, after + _FORMER_REACH + 1):
        i = pos - first
        if i >= len(toks) or toks[i][2] in _FORMER_STOPS:
            return None
        nxt = following.get((r[1], pos))
        if nxt is None:
            continue
        named = {e_actor[p] for p in nxt[8] if e_kind[p] in ("name", "variant", "short")}
        hit = sorted(named & holders)
        if hit:
            return hit[0]
    return None


def _next_word(r: tuple, texts: dict, titles: dict, matcher: Dictionary) -> str | None:
    """The word right after a match (normalized, proclitics kept), if only spaces lie
    between; else None."""
    value = (titles if r[3] == "title" else texts).get(r[0])
    if not isinstance(value, str):
        return None
    toks = matcher.tokens(value[r[5]:r[5] + 40])
    if not toks or value[r[5]:r[5] + toks[0][0]].strip():
        return None
    return matcher._forms(toks[0][2])[0][0]


def _apposed(before: tuple, r: tuple, texts: dict, titles: dict) -> bool:
    """Only spaces and at most one comma between two matches of one field (no line break)."""
    value = (titles if r[3] == "title" else texts).get(r[0])
    if not isinstance(value, str) or before[5] > r[4]:
        return False
    gap = value[before[5]:r[4]]
    return "\n" not in gap and gap.replace("،", "", 1).replace(",", "", 1).strip() == "" \
        and (gap.count("،") + gap.count(",")) <= 1


def _light(text: str) -> str:
    return text.translate(_LIGHT)


_LIGHT = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
_THEN_LIGHT = frozenset(" ".join(_light(p).split()) for p in _THEN)


def _is_then(gap: str) -> bool:
    """The text between a title and a name is only "at the time" (آنذاك، -في ذلك الوقت-) with
    spaces and punctuation around it (no line break)."""
    if "\n" in gap:
        return False
    words = "".join(" " if ch in _THEN_GAP else ch for ch in gap).split()
    return " ".join(_light(w) for w in words) in _THEN_LIGHT


def _then_words(r: tuple, texts: dict, titles: dict, matcher: Dictionary) -> int:
    """How many words right after a match say "at the time" (آنذاك، في ذلك الوقت), with at
    most spaces and punctuation (no line break) before them; 0 where none do."""
    value = (titles if r[3] == "title" else texts).get(r[0])
    if not isinstance(value, str):
        return 0
    toks = matcher.tokens(value[r[5]:r[5] + 40])
    if not toks or value[r[5]:r[5] + toks[0][0]].strip(_THEN_GAP):
        return 0
    words = [matcher._forms(t[2])[0][0] for t in toks[:3]]
    for phrase in _then_phrases(matcher):
        if tuple(words[:len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _then_phrases(matcher: Dictionary) -> tuple[tuple[str, ...], ...]:
    """:data:`_THEN` as tuples of normalized words, longest first (cached on the matcher)."""
    hit = getattr(matcher, "_then", None)
    if hit is None:
        hit = tuple(sorted({tuple(matcher._forms(w)[0][0] for w in p.split()) for p in _THEN},
                           key=len, reverse=True))
        matcher._then = hit
    return hit


def _nisbas(entries: pd.DataFrame, actors: pd.DataFrame,
            matcher: Dictionary, states_only: bool = False) -> dict[str, frozenset[str]]:
    """Nationality adjectives and the countries they name: those the gazetteer writes after its
    generic forms (the last word of a variant that is an actor's {country} form plus one
    definite word: الشرطة السورية → السورية, Syria), and those formed from one-word state names
    (أوكرانيا → الأوكراني، الأوكرانية; الصين → الصيني، الصينية). ``states_only``: the latter
    alone (the former also yield words such as الإخبارية or الحكومية from a country's names)."""
    country = dict(zip(actors["actor_id"], actors["country"]))
    generic = entries[entries["rule"].eq("country")]
    by_actor: dict[str, set[str]] = defaultdict(set)
    for a, k in zip(generic["actor_id"], generic["key"]):
        by_actor[a].add(k)
    out: dict[str, set[str]] = defaultdict(set)
    full = entries[entries["kind"].isin(("name", "variant"))]
    states = set(actors.loc[actors["type"].eq("state"), "actor_id"])
    # a word after a generic form is the country's adjective where it looks like one of the
    # country's names (السورية: سوريا) or follows several of its generic forms (الحكومة
    # الألمانية، الشرطة الألمانية); once, and like no name of it, it is another adjective of
    # one body (الكابينت الأمني: "the security cabinet", not an Israeli nisba)
    # (counted by body: two spellings of one body's generic form, لجنة شؤون الأحزاب السياسية
    # and لجنة شئون الأحزاب السياسية, do not make السياسية a nationality)
    heads: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a, k in zip(full["actor_id"], full["key"]):
        if states_only:
            break
        head, _, last = k.rpartition(" ")
        if head in by_actor.get(a, ()) and last.startswith("ال") and \
                last.endswith(("ي", "يه")) and _nation(country.get(a)):
            heads[(last, country[a])].add(a)
    if heads:
        stems: dict[str, set[str]] = defaultdict(set)   # country → its names' first letters
        for a, k in zip(full["actor_id"], full["key"]):
            if a in states:
                for w in k.split():   # (ألمانيا begins with the letters of the article)
                    stems[country.get(a)].update((w[:3], w[2:5] if w.startswith("ال") else ""))
        for (last, c), hs in heads.items():
            if len(hs) > 1 or last[2:5] in stems.get(c, ()):
                out[last].add(c)
    for a, k in zip(full["actor_id"], full["key"]):
        if a not in states or " " in k or len(k) < 3 or not _nation(country.get(a)):
            continue
        base = k[2:] if k.startswith("ال") else k
        base = base[:-1] if base.endswith(("ا", "ه", "ة")) else base   # فرنسا، سورية
        if not base.endswith("ي"):
            base += "ي"
        for form in ("ال" + base, "ال" + base + "ة"):
            out[matcher._forms(form)[0][0]].add(country[a])
    return {k: frozenset(v) for k, v in out.items() if k not in _NOT_NATIONAL}


_NISBA_ENDS = frozenset("يةهى")


def _nisba_countries(doc_id: str, texts: dict, titles: dict, nisbas: dict[str, frozenset[str]],
                     matcher: Dictionary) -> Counter[str]:
    """The countries a document's nationality adjectives name (مصرية، التركي، والسورية), each
    adjective one vote; an adjective of several countries gives none."""
    votes: Counter[str] = Counter()
    for value in (titles.get(doc_id), texts.get(doc_id)):
        if not isinstance(value, str):
            continue
        for word in TOKEN.findall(value):
            if word[-1] not in _NISBA_ENDS:
                continue   # a nationality adjective ends in ي، ية، يه (or ى where so written)
            for form in matcher._forms(word)[0]:
                nation = nisbas.get(form) or nisbas.get("ال" + form)
                if nation:
                    if len(nation) == 1:
                        votes[next(iter(nation))] += 1
                    break
    return votes


# definite nisbas written after generic forms that name no nationality (الجيش الوطني,
# قوات النظام الأسدي, مجلس الشورى الإسلامي), normalized as the default preset writes them
_NOT_NATIONAL = frozenset((
    "الوطني", "الوطنيه", "الاسلامي", "الاسلاميه", "الارهابي", "الارهابيه", "الاسدي",
    "الاسديه", "الشعبي", "الشعبيه", "الرسمي", "الرسميه", "الشرعي", "الشرعيه", "المركزي",
    "المركزيه", "الانتقالي", "الانتقاليه", "العربي", "العربيه", "الدولي", "الدوليه",
    "المالي", "الماليه"))   # Mali's adjective is also "financial" (السلطات المالية)


_MALI = "MLI"   # the country whose adjective المالي is also "financial"
_IN = frozenset(("في",))


def _state_right_after(r: tuple, items: list[tuple], texts: dict, titles: dict,
                       e_kind: Any, e_actor: Any, type_of: dict) -> str | None:
    """The state named in full one word after a match, with only spaces and that word (في)
    between (الحكومة في مالي), or None."""
    value = (titles if r[3] == "title" else texts).get(r[0])
    if not isinstance(value, str):
        return None
    for q in items:
        if q[3] == r[3] and q[6] == r[6] + r[9] + 1 and len(value[r[5]:q[4]].split()) == 1:
            states = {e_actor[p] for p in q[8] if e_kind[p] in ("name", "variant")
                      and type_of.get(e_actor[p]) == "state"}
            return states.pop() if len(states) == 1 else None
    return None


def _in_list_of_states(r: tuple, items: list[tuple], texts: dict, titles: dict,
                       e_kind: Any, e_actor: Any, type_of: dict) -> bool:
    """The match is coordinated with a state's name: the match right before it is a state and
    only و (attached) or a comma lies between (قطر وعمان، قطر، عمان), or the match right after it
    is a state written with و attached (عمان وقطر)."""
    value = (titles if r[3] == "title" else texts).get(r[0])
    if not isinstance(value, str):
        return False

    def state(q: tuple) -> bool:
        return any(e_kind[p] in ("name", "variant") and type_of.get(e_actor[p]) == "state"
                   for p in q[8])

    for q in items:
        if q[3] != r[3] or not state(q):
            continue
        if q[6] + q[9] == r[6]:   # right before
            gap = value[q[5]:r[4]].strip()
            if gap in (",", "،") or (not gap and r[7] and r[7].startswith("و")):
                return True
        elif q[6] == r[6] + r[9]:   # right after
            gap = value[r[5]:q[4]].strip()
            if gap in (",", "،") or (not gap and q[7] and q[7].startswith("و")):
                return True
    return False


def _in_own_name(form: str, name: Any, settings: Any) -> bool:
    """The gazetteer form is a word of the actor's own Arabic name (عمان in سلطنة عمان)."""
    return isinstance(name, str) and _first_word(form, settings) in entry_words(name, settings)


# quotation marks, and the brackets the press also names outlets in (قناة (الحرة)، لـ(عكاظ));
# Arabic sites set quotation marks either way round (”قلب تونس”، »...«): any of them opens or
# closes
_OPEN_QUOTES = "«»\"“”„'‘’″("
_CLOSE_QUOTES = "»«\"”“'’‘″)"
_OPENING = "«\"“„'‘″("   # marks that open wherever they stand (straight ones too: a count of
# them before a match would be thrown by any stray one)
_QUOTE_KINDS = ("«»", "“”„", "‘’")


def _quoted(r: tuple, texts: dict, titles: dict) -> bool:
    """The match stands directly inside quotation marks: «سبق», "عكاظ", “الوطن”."""
    value = (titles if r[3] == "title" else texts).get(r[0])
    if not isinstance(value, str):
        return False
    lo = max(0, r[4] - 2)
    before = value[lo:r[4]].rstrip()
    after = value[r[5]:r[5] + 2].lstrip()
    if not (before and before[-1] in _OPEN_QUOTES and after and after[0] in _CLOSE_QUOTES):
        return False
    mark = before[-1]
    if mark in _OPENING:
        return True
    # a mark that usually closes opens only where the marks of its kind before it on the line
    # are paired (لـ»المدينة»), not where it closes an earlier one (لـ«نيويورك تايمز» بأن «داعش»)
    at = lo + len(before) - 1   # where the mark stands
    kind = next(k for k in _QUOTE_KINDS if mark in k)
    line = value[max(0, at - 300):at]
    line = line[line.rfind("\n") + 1:]
    return sum(line.count(q) for q in kind) % 2 == 0


_DASHES = "-–—"


def _dateline(r: tuple, texts: dict, titles: dict) -> bool:
    """The match is an outlet's dateline at the start of a line: ``سبق- الرياض:``, ``فهد
    كاملي- سبق:`` (at the line's start or after a byline's dash, and followed by a dash or a
    colon), as papers credit themselves where a quotation would name them."""
    value = (titles if r[3] == "title" else texts).get(r[0])
    if not isinstance(value, str):
        return False
    line = value[value.rfind("\n", 0, r[4]) + 1:r[4]]
    after = value[r[5]:r[5] + 3].lstrip(" ")
    if len(line) > 40 or not after or after[0] not in _DASHES + ":":
        return False
    before = line.rstrip(" ")
    return not before or before[-1] in _DASHES


def _named_inside(r: tuple, matcher: Dictionary, e_kind: np.ndarray,
                  e_actor: np.ndarray) -> list[str]:
    """Actors named by full name or variant inside a matched role title, after its first word
    (رئيس الائتلاف الوطني السوري → the Coalition)."""
    return list(dict.fromkeys(e_actor[p] for _, p in _inside(r, matcher, e_kind)
                              if e_kind[p] != "metonym"))


def _inside(r: tuple, matcher: Dictionary, e_kind: np.ndarray,
            head: bool = False) -> list[tuple[tuple, int]]:
    """Names, variants and metonyms matched inside a match's span after its first word, as raw
    matches of their own (with the payload to resolve them by). ``head=True``: also the
    longest one that begins the span and ends before its end (اليمن in اليمن اليوم, a
    newspaper's name left out for want of quotation marks)."""
    span = r[7]
    toks = matcher.tokens(span)
    if len(toks) < 2:
        return []
    out = []

    def add(m: Any, cut: int, first: int) -> bool:
        strong = [p for p in m.payloads if e_kind[p] in ("name", "variant", "metonym")]
        if not strong:
            return False
        p = min(strong, key=lambda q: ("name", "variant", "metonym").index(e_kind[q]))
        a, b = r[4] + cut + m.start, r[4] + cut + m.end
        out.append(((r[0], r[1], r[2], r[3], a, b, r[6] + first + m.first,
                     span[cut + m.start:cut + m.end], m.payloads, m.last - m.first), p))
        return True

    rest = 1
    if head:
        for k in range(len(toks) - 1, 0, -1):
            m = next(iter(matcher.finditer(span[:toks[k - 1][1]])), None)
            if m is not None and m.first == 0 and add(m, 0, 0):
                rest = m.last
                break
    if rest < len(toks):
        cut = toks[rest][0]
        for m in matcher.finditer(span[cut:]):
            add(m, cut, rest)
    return out


def _overlapping(r: tuple, value: str, matcher: Dictionary,
                 e_kind: np.ndarray) -> tuple[list[tuple[tuple, int]], int]:
    """A dropped multiword short form's text read again from its second word on, as the
    longest-match pass would have read it without the form: where a name found there runs on
    past the form's end (مكتب [الرئاسة العامة لرعاية الشباب]), the names, variants and metonyms
    that begin inside the form (raw matches of their own, with the payload to resolve them by)
    and the end of the text so read; else nothing (the names inside are :func:`_inside`'s)."""
    toks = matcher.tokens(r[7])
    if len(toks) < 2:
        return [], -1
    a = r[4] + toks[1][0]
    stop = len(value)   # no name runs over a line or a full stop
    for ch in "\n.!?؟":
        k = value.find(ch, r[5])
        if k != -1:
            stop = min(stop, k)
    window = value[a:stop]
    out: list[tuple[tuple, int]] = []
    end = -1
    for m in matcher.finditer(window):
        if a + m.start >= r[5]:
            break
        strong = [q for q in m.payloads if e_kind[q] in ("name", "variant", "metonym")]
        if not strong:
            continue
        p = min(strong, key=lambda q: ("name", "variant", "metonym").index(e_kind[q]))
        out.append(((r[0], r[1], r[2], r[3], a + m.start, a + m.end, r[6] + 1 + m.first,
                     window[m.start:m.end], m.payloads, m.last - m.first), p))
        end = max(end, a + m.end)
    return (out, end) if end > r[5] else ([], -1)


def _inner_antecedents(r: tuple, matcher: Dictionary, e_kind: np.ndarray,
                       e_actor: np.ndarray) -> list[tuple[int, str, str]]:
    """Actors named in full inside a longer match, after its first word (جامعة الدول العربية
    in بعثة مراقبي جامعة الدول العربية), as antecedents of later definite descriptions."""
    span = r[7]
    memo = matcher.__dict__.setdefault("_inner_antecedents", {})
    key = (span, r[8])
    hit = memo.get(key)
    if hit is None:   # once per span and payloads: long names recur across documents
        toks = matcher.tokens(span)
        outer = {e_actor[p] for p in r[8]}
        hit, found = [], set()
        for k in range(1, len(toks) - 1):
            rest = span[toks[k][0]:]
            m = next(iter(matcher.finditer(rest)), None)
            if m is None or m.first:
                continue
            names = [e_actor[p] for p in m.payloads if e_kind[p] in ("name", "variant")
                     and e_actor[p] not in outer and e_actor[p] not in found]
            if names:
                found.add(names[0])
                hit.append((k, names[0], rest[m.start:m.end]))
        if len(memo) < _MEMO_SIZE:
            memo[key] = hit
    return [(r[6] + k, name, surface) for k, name, surface in hit]


def _role_words(gaz: Gazetteer, matcher: Dictionary) -> dict[str, tuple[set, set, set, set]]:
    """For each actor with role titles in the gazetteer: the bare first words of its titles
    that carry the article (الرئيس of الرئيس السوري), those that do not (وزير of وزير
    الخارجية الروسي), all their words and their second words. A description may repeat a title
    instead of the words the document used (الرئيس after بشار الأسد); a title in the construct
    state (رئيس هيئة الأركان) is not shortened to its bare head, so it needs a modifier
    (الوزير الروسي)."""
    hit = gaz.__dict__.get("_role_words")
    if hit is not None and hit[0] is gaz.entries:
        return hit[1]
    out: dict[str, tuple[set, set, set, set]] = {}
    roles = gaz.entries[gaz.entries["kind"] == "role"]
    for actor, form in zip(roles["actor_id"], roles["form"]):
        forms = _word_forms(form, matcher)
        if not forms:
            continue
        definite, construct, words, second = out.setdefault(actor, (set(), set(), set(), set()))
        into = definite if forms[0][0].startswith("ال") else construct
        for f in forms[0]:
            into.update(clitic_forms(f, strip_article=True))
        words.update(f for fs in forms for f in fs)
        if len(forms) > 1:
            second.update(forms[1])
    gaz.__dict__["_role_words"] = (gaz.entries, out)
    return out


_NISBA = ("ي", "يه", "ية")
_UNSEEN = object()
_NEAR = 12  # words before a {country} form in which a named country decides it


def _nation(code: object) -> bool:
    """A country code of a nation (not INT, the international bodies' code, nor missing)."""
    return isinstance(code, str) and code != "INT"


# the kinds of actor whose {country} short forms are their own names cut short (a surname, an
# armed group's short name), not generic words for a country's institutions (a party's, an
# outlet's or a federation's short names often are ordinary words: النهضة، اتحاد الكرة)
_OWN_NAMES = frozenset(("person", "armed_group"))


def _generic_may_resolve(have: set, at: int, country_at: dict, countries: Counter,
                     covered: set) -> bool:
    """Whether a generic form (الحكومة، قوات الأمن) may go to one of the countries in ``have``:
    not when the country it most likely refers to, the one named in full last within
    :data:`_NEAR` words before it, else the one the document names most, is a country whose
    institutions the gazetteer does not list at all (``covered``: countries with a generic
    form). Afghanistan's government is left unresolved rather than given to Russia's."""
    near = max(((t, c) for c, ts in country_at.items() for t in ts
                if at - _NEAR <= t < at and _nation(c)), default=None)
    if near is not None:
        about = near[1]
    else:
        top = [(k, c) for c, k in countries.items() if _nation(c)]
        if not top:
            return True
        about = max(top)[1]   # ties: the larger code, so that every run agrees
    return about in have or about in covered


_MEMO_SIZE = 50_000   # surfaces (and long matches) whose words a matcher keeps for resolution


def _antecedent_words(surface: str, matcher: Dictionary,
                      person_heads: set[str]) -> tuple[frozenset, ...] | None:
    """The words of an antecedent's surface that a description may begin with (with and
    without the article), those that need a modifier, all its words and its second word."""
    forms = _word_forms(surface, matcher)
    if not forms:
        return None
    first: set[str] = set()
    for f in forms[0]:
        first.update(clitic_forms(f, strip_article=True))
    words = {f for fs in forms for f in fs}
    second = set(forms[1]) if len(forms) > 1 else set()
    construct: set[str] = set()
    if not any(f.startswith("ال") for f in forms[0]):   # رئيس هيئة ...: not to الرئيس
        construct = first & person_heads
        first = first - construct
    return frozenset(first), frozenset(construct), frozenset(words), frozenset(second)


def _descriptions(heads: list[tuple], antecedents: list[tuple[int, str, str]],
                  matcher: Dictionary, type_of: dict[str, str] | None = None,
                  titles: dict[str, tuple[set, set, set, set]] | None = None) -> list[tuple]:
    """Definite descriptions resolved to the actor last named in full before them whose name
    or title begins with the same head noun (الجامعة → جامعة الدول العربية; الوزير الروسي →
    وزير الخارجية الروسي سيرغي لافروف). A definite modifier after the head must occur in
    that name too (الوزير الروسي, not الوزير التركي); one that does not (المجلس العسكري
    after المجلس الوطني السوري) rules that actor out. A few generic heads also refer back to
    the last actor of their kind (المنظمة after الهلال الأحمر العربي السوري:
    :data:`_HEAD_TYPES`), when no name begins with them."""
    person_heads = set(_head_forms(matcher.settings, _PERSON_HEADS).values())
    seen = []   # (token, actor, heads, heads that need a modifier, words, second words)
    memo = matcher.__dict__.setdefault("_antecedent_words", {})
    for pos, actor, surface in antecedents:
        hit = memo.get(surface)
        if hit is None:   # once per surface (the same names recur in every document)
            hit = _antecedent_words(surface, matcher, person_heads)
            if len(memo) < _MEMO_SIZE:
                memo[surface] = hit
        if not hit:
            continue
        first, construct, words, second = hit
        if titles and actor in titles:
            definite, t_construct, t_words, t_second = titles[actor]
            first, words, second = first | definite, words | t_words, second | t_second
            construct = construct | t_construct
        seen.append((pos, actor, first, construct, words, second))
    seen.sort(key=lambda a: -a[0])

    def modifiers(mods: list, ante: tuple) -> int:
        n = 0
        for form, _end in mods:   # an adjective of the name, or the word after its head
            if form in ante[4] and (form.endswith(_NISBA) or (n == 0 and form in ante[5])):
                n += 1
                continue
            break
        return n

    out = []
    for h in heads:
        doc_id, uid, para, field, start, end, pos, surface, head, mods, more = h
        hit = None
        for ante in seen:
            if ante[0] >= pos or not (head in ante[2] or head in ante[3]):
                continue
            if more and head not in person_heads and more.isdisjoint(ante[4]):
                continue   # الاتحاد التونسي للصناعة: a longer name, not الاتحاد العام التونسي للشغل
            n = modifiers(mods, ante)
            # a definite word after the head that is not in the name, or a construct-state
            # title shortened to its bare head: another actor
            if n == 0 and (mods or head not in ante[2]):
                continue
            hit = (ante, n)
            break
        if hit is None:
            kinds = _HEAD_TYPES.get(head)
            if not kinds or not type_of or mods:
                continue
            ante = next((a for a in seen if a[0] < pos and type_of.get(a[1]) in kinds), None)
            if ante is None:
                continue
            hit = (ante, 0)
        ante, n = hit
        stop = mods[n - 1][1] if n else end
        r = (doc_id, uid, para, field, start, stop, pos, None if n else surface, (), 1 + n)
        out.append((r, ante[1], "definite description"))
    return out


# نظيره، لنظيرته، ونظيرتها ... (normalized): "his/her/their counterpart", before a nationality
_COUNTERPARTS = ("نظيره", "نظيرها", "نظيرهم", "نظيرهما", "نظيرته", "نظيرتها")
_COUNTERPART_WINDOW = 80   # words back to the person or body whose counterpart is meant


def _counterpart_table(gaz: Gazetteer, nisbas: dict) -> tuple[dict, dict]:
    """Once per gazetteer: each entry key that ends in a nationality adjective, by actor, as
    (the key without it, entry), and every role, name and variant entry by key."""
    hit = gaz.__dict__.get("_counterparts")
    if hit is not None and hit[0] is gaz.entries:
        return hit[1]
    ent = gaz.entries
    by_key: dict[str, list[int]] = defaultdict(list)
    titled: dict[str, list[tuple[str, int]]] = defaultdict(list)
    type_of = dict(zip(gaz.actors["actor_id"], gaz.actors["type"]))
    for i, (a, k, kind) in enumerate(zip(ent["actor_id"], ent["key"], ent["kind"])):
        if kind not in ("role", "name", "variant"):
            continue
        by_key[k].append(i)
        head, _, last = k.rpartition(" ")
        # a person's titles, a body's names (not a state's: الاتحاد الروسي names no office)
        if head and last in nisbas and (kind == "role") == (type_of.get(a) == "person") \
                and type_of.get(a) not in ("state", "place"):
            titled[a].append((head, i))
    out = (dict(by_key), dict(titled))
    gaz.__dict__["_counterparts"] = (ent, out)
    return out


def _held(i: int, date: pd.Timestamp, e_from: Any, e_to: Any) -> bool:
    """Entry ``i`` (a dated title) is held on ``date``: no start or started, no end or not
    ended."""
    lo, hi = e_from[i], e_to[i]
    return (lo is None or pd.isna(lo) or lo <= date) and (hi is None or pd.isna(hi) or date <= hi)


def _counterparts(doc_id: str, date: pd.Timestamp, texts: dict, titles: dict, kept: dict,
                  where: dict, antecedents: list[tuple[int, str, str]], resolved: list[tuple],
                  matcher: Dictionary, table: tuple[dict, dict], nisbas: dict,
                  entries: tuple[Any, Any, Any, Any], type_of: dict) -> list[tuple]:
    """Counterpart phrases (التقى ظريف نظيره الروسي، وزارة الخارجية المصرية ونظيرتها التركية):
    the actor whose title or name is that of the person or body named last before the phrase
    (within :data:`_COUNTERPART_WINDOW` words) with the other nationality: Zarif's title at the
    document's date, وزير الخارجية الإيراني, becomes وزير الخارجية الروسي, Lavrov at that date.
    The counterpart is an actor of the antecedent's type, never the antecedent itself; a
    body's name must agree with the adjective's gender. Where one antecedent's counterpart is
    named elsewhere in the document, that one is taken, else the nearest antecedent's. A phrase
    followed by a name is left to that name's mention, and an undated document to none (the
    holders of a title change)."""
    from bisect import bisect_right

    by_key, titled = table
    e_actor, e_kind, e_from, e_to = entries
    forms_of = matcher._forms
    taken = {t for r, _, _ in resolved for t in range(r[6], r[6] + r[9])}
    starts_at = {r[6] for r, _, _ in resolved}
    named = {aid for _, aid, _ in resolved}
    order = sorted(antecedents, key=lambda x: -x[0])
    out = []
    for field, value in (("title", titles.get(doc_id)), ("text", texts.get(doc_id))):
        toks, slot = kept.get((doc_id, field)), where.get((doc_id, field))
        if not isinstance(value, str) or "نظير" not in value or toks is None or slot is None:
            continue
        base = len(kept[(doc_id, "title")]) if field == "text" and (doc_id, "title") in kept \
            else 0
        starts, ends, uid, para = slot
        for i in range(len(toks) - 1):
            a, b, w = toks[i]
            if "نظير" not in w or not set(forms_of(w)[0]).intersection(_COUNTERPARTS):
                continue
            a2, b2, w2 = toks[i + 1]
            nisba = forms_of(w2)[0][0]
            pos = base + i
            if nisba not in nisbas or value[b:a2].strip() or pos in taken \
                    or pos + 1 in taken or pos + 2 in starts_at:
                continue
            k = bisect_right(starts, a) - 1
            if k < 0 or b2 > ends[k]:
                continue
            other = nisba[:-1] if nisba.endswith("يه") else nisba + "ه"   # the other gender
            found = []   # what each antecedent's counterpart is, nearest first
            for apos, actor, _surface in order:
                if apos >= pos or pos - apos > _COUNTERPART_WINDOW:
                    continue
                heads = [h for h, j in titled.get(actor, ())
                         if e_kind[j] != "role" or _held(j, date, e_from, e_to)]
                if not heads:
                    continue   # a state or a person without such a title: look further back
                person = type_of.get(actor) == "person"
                hit: set[str] = set()
                for h in heads:
                    # a person's title may be written in the other gender (نظيرته الألمانية:
                    # المستشارة or المستشار الألماني); a body's name agrees with its nisba
                    for key in (f"{h} {nisba}", f"{h} {other}") if person else (f"{h} {nisba}",):
                        hit.update(e_actor[j] for j in by_key.get(key, ())
                                   if (e_kind[j] != "role" or _held(j, date, e_from, e_to))
                                   and type_of.get(e_actor[j]) == type_of.get(actor)
                                   and e_actor[j] != actor)
                    if hit:
                        break
                found.append(hit.pop() if len(hit) == 1 else None)
            # the counterpart the document names (أوضح الجبير ... لقاء سامح شكري ... مع نظيره
            # المصري: the minister the Saudi minister met, not the interior minister named
            # between), else the nearest antecedent's
            aid = next((f for f in found if f is not None and f in named), None) \
                or (found[0] if found else None)
            if aid is not None:
                r = (doc_id, uid[k], para[k], field, a, b2, pos, value[a:b2], (), 2)
                out.append((r, aid, "counterpart"))
    return out


def _scan(corpus: Corpus, pieces: dict[str, list], matcher: Dictionary,
          describe: bool = False, weak: frozenset = frozenset(), keep: dict | None = None
          ) -> tuple[list[tuple], list[tuple]]:
    """Raw matches: each document field is tokenized and matched once; every match is then
    given to the unit that holds its first character. With ``describe``, also the candidate
    definite descriptions (a head of :data:`DESCRIPTION_HEADS` outside every match, with the
    definite words that follow it; matches of ``weak`` payloads only, short forms that may
    yet be dropped, do not hide a head). ``keep``: a dict that is given each field's tokens,
    by (doc_id, field), for a later pass to reuse."""
    from bisect import bisect_right

    heads_of = _head_forms(matcher.settings) if describe else {}
    person_heads = set(_head_forms(matcher.settings, _PERSON_HEADS).values()) if describe \
        else set()
    head_rx = _head_pattern()
    # heads that are also participles, adjectives after a definite noun (الجريمة المنظمة)
    participles = set(_head_forms(matcher.settings, _PARTICIPLE_HEADS)) if describe else set()
    head_of: dict[str, str | None] = {}
    forms_of = matcher._forms
    heads: list[tuple] = []
    raw: list[tuple] = []
    docs = corpus.docs
    titles = docs["title"].tolist() if "title" in docs else [None] * len(docs)
    where = _where(pieces)   # units of each document and field, as plain lists
    finditer = matcher.finditer
    fields = []   # a batch of documents' fields, tokenized, whose new words are learnt at once
    for n, (doc_id, title, text) in enumerate(zip(docs["doc_id"].tolist(), titles,
                                                  docs["text"].tolist())):
        for field, value in (("title", title), ("text", text)):
            if isinstance(value, str) and value:
                fields.append((doc_id, field, value))
        if n + 1 < len(docs) and len(fields) < _SCAN_BATCH:
            continue
        fields = [(*f, toks) for f, toks in zip(fields, Tokens.batch([f[2] for f in fields]))]
        learned = matcher.learn(chain.from_iterable(f[3].words for f in fields))
        if keep is not None:
            keep.update(((f[0], f[1]), f[3]) for f in fields)
        base, last_doc = 0, None
        for doc_id, field, value, toks in fields:
            if doc_id != last_doc:
                base, last_doc = 0, doc_id
            slot = where.get((doc_id, field))
            if slot is not None:
                starts, ends, uid, para = slot
                covered = bytearray(len(toks)) if describe else None
                for m in finditer(value, toks, learned):
                    if m.last - m.first == 1 and (_indefinite(value, m.end)
                                                  or value[m.start:m.end] in _NOT_CLITIC_NAME):
                        continue
                    if covered is not None and not weak.issuperset(m.payloads):
                        covered[m.first:m.last] = b"\x01" * (m.last - m.first)
                    k = bisect_right(starts, m.start) - 1
                    if k < 0 or m.start >= ends[k]:
                        continue  # between units (e.g. a heading line left out of units)
                    raw.append((doc_id, uid[k], para[k], field, m.start, m.end, base + m.first,
                                value[m.start:m.end], m.payloads, m.last - m.first))
                hits = [h.start() for h in head_rx.finditer(value)] if covered is not None \
                    else []
                if hits:
                    last = -1
                    for h in hits:
                        i = bisect_right(toks.starts, h) - 1   # the token that holds h
                        if i <= last or i < 0 or toks[i][1] <= h:
                            continue
                        last = i
                        a, b, w = toks[i]
                        head = head_of.get(w, _UNSEEN)
                        if head is _UNSEEN:   # once per word type
                            head = head_of[w] = next((heads_of[f] for f in forms_of(w)[0]
                                                      if f in heads_of), None)
                        if head is None or covered[i]:
                            continue
                        k = bisect_right(starts, a) - 1
                        if k < 0 or a >= ends[k]:
                            continue
                        if i and forms_of(toks[i - 1][2])[0][0] in _TITLE_OF:
                            continue
                        if i and forms_of(w)[0][0] in participles \
                                and not value[toks[i - 1][1]:a].strip():
                            prev = forms_of(toks[i - 1][2])[0][0]
                            if prev == "غير" or (prev.startswith("ال")
                                                 and prev not in _NOT_MODIFIERS):
                                continue   # الجريمة المنظمة: "organized", not the organization
                        mods = []
                        named = False   # an undetermined word follows (الأمير بندر)
                        # a body's name may go on (الاتحاد التونسي للصناعة): the word's forms
                        other: frozenset = frozenset()
                        j = i + 1
                        while j < len(toks) and len(mods) < 3 and not covered[j] \
                                and toks[j][0] <= ends[k] and not value[toks[j - 1][1]:
                                                                        toks[j][0]].strip():
                            f = forms_of(toks[j][2])[0][0]
                            if not f.startswith("ال") or f in _NOT_MODIFIERS \
                                    or f in _EVALUATIVE:
                                named = not mods and f not in _AFTER_PERSON \
                                    and not f.startswith("ال")
                                if f.startswith("لل"):   # normalized: لِلصناعة، لـلصناعة
                                    other = frozenset(forms_of(toks[j][2])[0])
                                break
                            mods.append((f, toks[j][1]))
                            j += 1
                        if named and head in person_heads:
                            continue
                        heads.append((doc_id, uid[k], para[k], field, a, b, base + i, w,
                                      head, mods, other if mods else frozenset()))
            base += len(toks)
        fields = []
    return raw, heads


_TANWEEN = frozenset("\u064b\u064c\u064d")


def _indefinite(value: str, end: int) -> bool:
    """The word ending at ``end`` bears tanween (سوريًا، سورياً، وحماسٍ): an indefinite noun or
    an adverb, never a name. Names of states, persons and bodies do not take it in news prose,
    so a one-word match that does is a common word that its letters happen to spell: 1452
    سوريًا (Syrians), المدعوم إيرانياً وروسياً (Iranian- and Russian-backed), باكرًا (early,
    not ب + Accra), وجوباً (necessarily, not و + Juba), كوبًا (a cup). Inside quotation marks
    (وكالة "معاً") the word is a name as written."""
    return not _TANWEEN.isdisjoint(value[end - 2:end]) \
        and not (end < len(value) and value[end] in _CLOSE_QUOTES)


# common words and names that a proclitic and a gazetteer name happen to spell: باكرا "early"
# (not ب + Accra, which is written بأكرا), كلاوس "Klaus" (not ك + Laos), باندورا "Pandora"
# (وثائق باندورا, not ب + Andorra, written بأندورا)
_NOT_CLITIC_NAME = frozenset(("باكرا", "كلاوس", "باندورا"))

_SCAN_BATCH = 1000   # fields (titles and texts) tokenized and learnt together


def _merge_adjacent(resolved: list[tuple], texts: dict | None = None,
                    titles: dict | None = None,
                    info: Mapping[str, Any] | None = None) -> list[tuple]:
    """One mention where a role title runs straight into the name of the same person
    (وزير الخارجية الروسي سيرغي لافروف): adjacent matches of one actor in one unit (a space or
    a comma between, or "former"/"the late" alone, a comma after it or not: رئيس تشاد السابق حسين
    حبري، الرئيس الفرنسي السابق، نيكولا ساركوزي) merge. Side by
    side but not one mention: a name and its abbreviation in brackets or quotes (... (سانا)), a
    capital and its state (القاهرة ومصر). A role title the gazetteer could not resolve, right
    before a listed person's name (a space, a comma or an opening quotation mark between:
    وزير خارجية البحرين عبد اللطيف الزياني، المندوبة الأميركية، نيكي هالي), is that person's
    title: one mention of the person (``info``: each actor's names and type), not a role
    beside it; not where the name carries a proclitic its own name lacks (الرئيس الأمريكي
    ورئيس الوزراء ...، قال الوزير لنيكي هالي)."""
    resolved = sorted(resolved, key=lambda x: (x[0][1], x[0][6]))
    out: list[tuple] = []
    for r, aid, how in resolved:
        if out and aid is not None and info is not None and out[-1][1] is None \
                and _title_of_person(out[-1], r, info.get(aid), texts, titles):
            pr, _, _ = out[-1]
            # the role may name the one the person speaks for or assists (المتحدث باسم
            # الأمين العام ...، نائب وزير الخارجية ...): the span takes those words too
            value = ((titles if r[3] == "title" else texts) or {}).get(r[0], "")
            start, extra = _title_words_before(value, pr[4])
            out[-1] = ((pr[0], pr[1], pr[2], pr[3], start, r[5], pr[6] - extra, None, pr[8],
                        pr[9] + r[9] + extra), aid, how)
            continue
        if out and aid is not None:
            pr, paid, phow = out[-1]
            n_prev = pr[9]
            if paid == aid and "metonymy" not in (phow, how) and pr[1] == r[1] \
                    and pr[3] == r[3] and r[6] - 3 <= pr[6] + n_prev <= r[6]:
                value = ((titles if r[3] == "title" else texts) or {}).get(r[0])
                gap = value[pr[5]:r[4]] if isinstance(value, str) else " "
                if phow.startswith("role") and _is_then(gap):
                    # الرئيس الأميركي -في ذلك الوقت- بيل كلينتون، رئيس الوزراء آنذاك، "بنيامين
                    # نتنياهو": one mention, the quotes and dashes around the words included
                    out[-1] = ((pr[0], pr[1], pr[2], pr[3], pr[4], r[5], pr[6], None, pr[8],
                                r[6] + r[9] - pr[6]), aid, phow)
                    continue
                near = 0 <= r[4] - pr[5] <= 3 if pr[6] + n_prev == r[6] \
                    else pr[6] + n_prev == r[6] - 1 and phow.startswith("role") \
                    and _between_title_and_name(gap.strip().rstrip("،,").rstrip())
                # (الرئيس الفرنسي السابق، نيكولا ساركوزي)
                # (a quotation mark may open the name after its holder's title: رئيس الوزراء
                # الإسرائيلي " بنيامين نتنياهو "، الرئيس الفرنسي "إيمانويل ماكرون")
                if near and (not set(gap) & set("()[]«»\"'“”„‘’")
                             or (phow.startswith("role") and len(gap.strip()) == 1
                                 and gap.strip() in _OPEN_QUOTES and gap.strip() != "(")):
                    merged = (pr[0], pr[1], pr[2], pr[3], pr[4], r[5], pr[6], None, pr[8],
                              pr[9] + r[9])
                    keep = phow if phow.startswith("role") else how
                    out[-1] = (merged, aid, keep)
                    continue
        out.append((r, aid, how))
    return out


_HARAKAT = re.compile("[\u064b-\u0652\u0640]")


def _title_words_before(value: str, start: int) -> tuple[int, int]:
    """Where a role title begins once the words before it that make it someone else's title
    are taken in (المتحدث باسم، نائب، مساعد، مستشار، المبعوث الخاص ...: :data:`_BEFORE_TITLE`),
    and how many."""
    extra = 0
    while extra < 3:
        lo = max(0, start - 60)   # a window: never a search over the whole text before it
        m = _WORD_BEFORE.search(value, lo, start)
        if not m:
            break
        w = _HARAKAT.sub("", m.group(1))
        if w not in _BEFORE_TITLE and not (w[:1] in "وف" and w[1:] in _BEFORE_TITLE):
            break
        start, extra = m.start(1), extra + 1
    return start, extra


_WORD_BEFORE = re.compile(r"(\S+)[ \t\u00a0]+$")   # the word before a position, on its line


_ANOTHERS = "role (title of another)"


def _anothers_title(r: tuple, texts: dict, titles: dict, matcher: Dictionary,
                    another: tuple[frozenset, frozenset, frozenset]) -> bool:
    """Whether an office holder's title is part of another person's title: right after
    نائب، مساعد، مستشار، المتحدث باسم ... or an envoy (مبعوث الأمين العام), or after an envoy and
    his adjective (المبعوث الخاص للأمين العام، الممثل الشخصي للرئيس)."""
    words, envoys, adjectives = another
    before = _prev_word(r, texts, titles, matcher, True)
    titled = bool(words.intersection(before))
    if not titled and not (before and before[0] in adjectives):
        return False   # (most role titles: the word before is neither; nothing more to read)
    prev = _prev_span(r, texts, titles)
    earlier = _prev_word((*r[:4], prev[0], *r[5:]), texts, titles, matcher, True) \
        if prev is not None else ()
    if titled:
        # not the last word of a name (الأمير عبدالله بن مساعد الرئيس العام لرعاية الشباب)
        return not earlier or earlier[0] not in _NAME_GOES_ON
    return bool(envoys.intersection(earlier))


def _title_of_person(prev: tuple, r: tuple, actor: tuple | None, texts: dict | None,
                     titles: dict | None) -> bool:
    """Whether ``prev``, an unresolved role title, runs into ``r``, a match of a person
    (``actor``: names, type), as a title into its holder's name."""
    pr, _, phow = prev
    if actor is None or actor[2] != "person" or not str(phow).startswith("role") \
            or pr[1] != r[1] or pr[3] != r[3] or pr[6] + pr[9] != r[6]:
        return False
    value = ((titles if r[3] == "title" else texts) or {}).get(r[0])
    if not isinstance(value, str):
        return False
    gap = value[pr[5]:r[4]]
    first = value[r[4]:r[4] + 1]
    return len(gap) <= 4 and not gap.strip(" \u00a0،,«\"“„'") \
        and (first not in "وفبلك" or str(actor[1]).startswith(first))


def _governments_of(resolved: list[tuple], texts: dict, titles: dict, matcher: Dictionary,
                    type_of: dict, country_of: dict, international: set,
                    known: Mapping[str, Any]) -> list[tuple]:
    """A person or a state right after نظام، حكومة or إدارة (one space between, proclitics
    allowed: بنظام، لحكومة) is named as its country's government: نظام [صدام حسين] is one
    mention of the Iraqi government, spanning the head and the name, ``resolved_by``
    ``"government of"``. Only where the gazetteer lists that government (``<country>_gov``);
    officials of international bodies are left as they are. The person still licenses their
    short forms (the document named them in full)."""
    heads = _government_heads(matcher.settings)
    last = {h[-1] for hs in heads.values() for h in hs}
    norm = matcher._norm
    out = []
    for r, aid, how in resolved:
        kind = type_of.get(aid) if aid is not None else None
        if kind in ("person", "state") and aid not in international \
                and _nation(country_of.get(aid)):
            gov = country_of[aid].lower() + "_gov"
            prev = _prev_span(r, texts, titles) if gov in known and \
                _ends_before(r, texts, titles, norm, last) else None
            if prev is not None:
                start, raw = prev
                forms = matcher._forms(raw)[0]
                if not heads[kind].isdisjoint(forms):
                    merged = (r[0], r[1], r[2], r[3], start, r[5], r[6] - 1, None, r[8],
                              r[9] + 1)
                    out.append((merged, gov, "government of"))
                    continue
        out.append((r, aid, how))
    return out


def _ends_before(r: tuple, texts: dict, titles: dict, norm: Any, letters: set[str]) -> bool:
    """A quick screen before the word before a match is tokenized: spaces (no line break) lie
    before the match, and the letter before them, normalized, is one a head ends with."""
    value = (titles if r[3] == "title" else texts).get(r[0])
    if not isinstance(value, str):
        return False
    k = r[4] - 1
    while k >= 0 and value[k].isspace():
        if value[k] == "\n":
            return False
        k -= 1
    if k == r[4] - 1:
        return False
    while k >= 0:
        c = norm(value[k])
        if c:
            return c[-1] in letters
        k -= 1   # a mark or tatweel, gone in normalization
    return False


@functools.lru_cache(maxsize=8)
def _government_heads(settings: Any) -> dict[str, frozenset[str]]:
    return {"person": frozenset(entry_words(h, settings)[0] for h in _GOVERNMENT_OF_PERSON),
            "state": frozenset(entry_words(h, settings)[0] for h in _GOVERNMENT_OF_STATE)}


def _prev_span(r: tuple, texts: dict, titles: dict,
               line_break: bool = False) -> tuple[int, str] | None:
    """The start and the text of the word right before a match, if only spaces lie between
    (``line_break``: a line break among them too)."""
    value = (titles if r[3] == "title" else texts).get(r[0])
    if not isinstance(value, str):
        return None
    before = value[max(0, r[4] - 40):r[4]]
    toks = Tokens(before)
    if not len(toks):
        return None
    gap = before[toks.ends[-1]:]
    if gap.strip() or (not line_break and (not gap or "\n" in gap)):
        return None
    return r[4] - len(before) + toks.starts[-1], toks.words[-1]


_JOINERS = frozenset(("ال", "آل", "بن", "ابن", "بنت", "ابو", "أبو", "ابي", "أبي", "ابا", "أبا", "ام",
                      "أم"))


def _namesake(r: tuple, cands: list[int], seen_at: dict, e_actor: Any, type_of: dict,
              info: dict, matcher: Dictionary, cache: dict) -> str | None:
    """The person a one-word short form of persons (a surname alone: عون) stands for in a
    document that names none of the form's own actors in full (the caller has checked) but
    names, before it, another listed person whose Arabic name ends in that word (جوزيف عون): the
    one named last before it. None otherwise."""
    if not all(type_of.get(e_actor[p]) == "person" for p in cands):
        return None
    words = Tokens(r[7]).words
    if len(words) != 1:
        return None
    forms = set(matcher._forms(words[0])[0])
    own = {e_actor[p] for p in cands}
    best, at = None, -1
    for aid, where in seen_at.items():
        if aid in own or type_of.get(aid) != "person":
            continue
        before = [t for t in where if t < r[6]]
        if not before or max(before) <= at:
            continue
        last = cache.get(aid, _UNSEEN)
        if last is _UNSEEN:
            name = [matcher._forms(w)[0][0]
                    for w in Tokens(str(info[aid][1] or "")).words] if aid in info else []
            # آل الشيخ، بن سلمان، أبو مازن: the last word is a family's or a kunya's, no surname
            last = cache[aid] = name[-1] if len(name) > 1 and name[-2] not in _JOINERS \
                and len(name[-1]) > 2 else None
        if last in forms:
            best, at = aid, max(before)
    return best


def _in_anothers_name(r: tuple, aid: str, texts: dict, titles: dict, matcher: Dictionary,
                      e_actor: Any, e_form: Any, gaz: Gazetteer) -> bool:
    """A person's surname alone, counted by its rule ``{country}`` in a document that never
    names the person in full, right after a given name, a joining word (بن، أبو، ولد) or the
    second half of a compound name (عبد الله) that is not a word of the person's own names: the
    surname of another person of the family (خالد قهوجي، محمد بن عبدالله العساف، تيم جونسون),
    not the listed one. A word of the person's own names before it (يتسحاق هرتسوغ) keeps it."""
    before = _prev_word(r, texts, titles, matcher, True)
    if before:   # the word itself, or after "and" (وخالد قهوجي); not after a preposition:
        w = before[0]   # لصالح العبادي is "in favour of", كيان مبارك no كـ + يان
        before = [w, w[1:]] if w[:1] in ("و", "ف") else [w]
    names, tails = _name_words(matcher.settings)
    if not before or names.isdisjoint(before):
        if tails.isdisjoint(before):
            return False
        # عبد الله العساف, not رام الله دحلان: a compound name's second half after its first
        prev = _prev_span(r, texts, titles)
        if prev is None or _name_heads(matcher.settings)[0] not in _prev_word(
                (*r[:4], prev[0], *r[5:]), texts, titles, matcher, True):
            return False
    return _own_words(gaz, aid, e_actor, e_form, matcher).isdisjoint(before)


def _own_words(gaz: Gazetteer, aid: str, e_actor: Any, e_form: Any,
               matcher: Dictionary) -> set[str]:
    """The normalized words of all of an actor's forms (cached per gazetteer and actor)."""
    own = gaz.__dict__.get("_own_words")
    if own is None or own[0] is not gaz.entries:
        own = gaz.__dict__["_own_words"] = (gaz.entries, {}, defaultdict(list))
        for i, a in enumerate(e_actor):
            own[2][a].append(i)
    words = own[1].get(aid)
    if words is None:
        words = own[1][aid] = {w for i in own[2][aid]
                               for w in entry_words(str(e_form[i]), matcher.settings)}
    return words


def _anothers_given_name(r: tuple, p: int, texts: dict, titles: dict, matcher: Dictionary,
                         e_actor: Any, e_form: Any, gaz: Gazetteer) -> bool:
    """A person's one-word variant (a surname the gazetteer lets stand alone: كومباوري) right
    after a given name that is no word of the person's names, nor one letter from one (جوزف
    بلاتر, أنطوني بلينكن keep the person): another person of that name (فرانسوا كومباوري,
    ميشيل أوباما, جيمس كاميرون). فإن ("for") before it is no given name (فان, as in Van), and
    a surname with "and" on it is another name of a list (أبي أحمد وأفورقي)."""
    aid = e_actor[p]
    from .unlisted import _words

    if matcher._forms(r[7])[0][0] not in entry_words(str(e_form[p]), matcher.settings):
        return False   # أبي أحمد وأفورقي: "and Afwerki", a proclitic on the surname
    raw = _prev_token(r, texts, titles, matcher)
    if raw is None or raw in ("فإن", "وإن", "فان", "وان", "فإنّ"):
        return False
    if matcher._forms(raw)[0][0] not in _words(matcher.settings, frozenset()).given \
            or not _in_anothers_name(r, aid, texts, titles, matcher, e_actor, e_form, gaz):
        return False   # ولد حبري ("Habré was born"), ابن خامنئي: no given name before it
    own = _own_words(gaz, aid, e_actor, e_form, matcher)
    before = matcher._forms(raw)[0]
    return not any(_one_edit(w, o) for w in before for o in own)


@functools.lru_cache(maxsize=8)
def _name_words(settings: Any) -> tuple[frozenset[str], frozenset[str]]:
    """Given names (the bundled list) and the words that join a name (بن، أبو، ولد، آل); then the
    second halves of compound given names (الله، الدين), normalized."""
    from .surnames import _COMPOUND_TAILS
    from .unlisted import _words

    words = _words(settings, frozenset())
    tails = frozenset(w for t in _COMPOUND_TAILS for w in entry_words(t, settings))
    return (words.given | words.connectors | words.kunya) - tails, tails


def _check_home(home: Any, gaz: Gazetteer) -> None:
    """``home=``: a country code of the gazetteer, or a mapping from source to such codes."""
    codes = set(gaz.actors["country"].dropna())
    given = [home] if isinstance(home, str) else list(home.values()) \
        if isinstance(home, Mapping) else None
    if given is None:
        raise SettingsError(f"home={home!r}: give a country code (home='SAU') or a mapping "
                            "from source to country code")
    unknown = sorted({c for c in given if c not in codes}, key=str)
    if unknown:
        raise SettingsError(f"home: {', '.join(map(str, unknown))} is not a country code of "
                            f"the gazetteer (codes such as {', '.join(sorted(codes)[:8])} ...)")


def _find_in_part(part: Corpus, gazetteer: Any, unit: str, meta: Any, places: bool,
                  home: Any = None, unlisted: bool = False) -> pd.DataFrame:
    """:func:`find_actors` on one part, in the process that runs it (never parts again)."""
    return find_actors(part, gazetteer, unit, meta, places, home=home, unlisted=unlisted,
                       workers=1)


def _where(pieces: dict[str, list]) -> dict[tuple[str, str], tuple[list, list, list, list]]:
    """(doc_id, field) → the starts, ends, unit ids and paragraph ids of its units."""
    where: dict[tuple[str, str], tuple[list, list, list, list]] = {}
    for d, f, a, b, u, p in zip(pieces["doc_id"], pieces["field"], pieces["start"],
                                pieces["end"], pieces["unit_id"], pieces["paragraph_id"]):
        slot = where.get((d, f))
        if slot is None:
            slot = where[(d, f)] = ([], [], [], [])
        slot[0].append(a)
        slot[1].append(b)
        slot[2].append(u)
        slot[3].append(p)
    return where


PARALLEL_FROM = 2000  # documents: an in-memory corpus this large is matched on every core


def _parallel_part_size(corpus: Corpus, workers: int | None, part_size: int) -> int | None:
    """The part size at which an in-memory corpus of :data:`PARALLEL_FROM` documents or more
    is matched on local worker processes when no engine was named (two parts per worker, so
    that both finish together), or None: a small corpus, one worker, or a corpus on disk (which
    runs part by part anyway)."""
    from ..engine import _cores
    from ..store import DiskCorpus

    if isinstance(corpus, DiskCorpus):
        return None
    n, w = len(corpus.docs), workers or _cores()
    if w < 2 or n < PARALLEL_FROM:
        return None
    return min(part_size, -(-n // (2 * w)))


def _concat_mentions(outs: list[pd.DataFrame]) -> pd.DataFrame:
    """The mention tables of a corpus' parts as one, with their unit counts put together."""
    out = pd.concat(outs, ignore_index=True)
    first = outs[0].attrs
    units: dict[str, list] = {k: [] for k in first["units"]}
    for o in outs:
        for k in units:
            units[k] += o.attrs["units"][k]
    out.attrs = {"unit": first["unit"], "units": {k: Shared(v) for k, v in units.items()},
                 "gazetteer": first["gazetteer"],
                 "dropped_short_forms": sum(o.attrs["dropped_short_forms"] for o in outs)}
    return out


def _unit_counts(corpus: Corpus, unit: str, pieces: dict[str, list]) -> dict:
    """Units per document at every size this table can be counted at, for co-occurrence's
    expected counts (units with no mention count too)."""
    per_doc = pd.DataFrame({"doc_id": corpus.docs["doc_id"].to_numpy()})
    for col in ("date", "source"):
        if col in corpus.docs:
            per_doc[col] = corpus.docs[col].to_numpy()
    n = Counter(pieces["doc_id"])
    ids = per_doc["doc_id"].tolist()
    if unit == "sentence":
        per_doc["sentence"] = [n[d] for d in ids]
        paras = Counter(d for d, _ in dict.fromkeys(zip(pieces["doc_id"],
                                                        pieces["paragraph_id"])))
        per_doc["paragraph"] = [paras[d] for d in ids]
    elif unit == "paragraph":
        per_doc["paragraph"] = [n[d] for d in ids]
    per_doc["document"] = 1
    # attrs hold plain sequences, not a DataFrame: pandas compares attrs when tables are combined
    return {"unit": unit, "units": {c: Shared(per_doc[c].tolist()) for c in per_doc.columns}}


class Shared(tuple):
    """A column of a mention table's ``attrs`` (its documents and their unit counts): a tuple
    that deep copies to itself. pandas deep-copies ``attrs`` into every table an operation makes
    (a filter, a merge, a ``reset_index``), which for these per-document lists (tens of
    thousands of ids, dates and counts) cost more than the operation itself: co-occurrence on
    SaudiNewsNet spent 0.6 of its 0.8 s copying them. They are never changed in place."""

    __slots__ = ()

    def __copy__(self) -> Shared:
        return self

    def __deepcopy__(self, memo: dict) -> Shared:
        return self
