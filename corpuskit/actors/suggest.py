"""Names the gazetteer does not know yet, proposed for a researcher to review.

Arabic has no capital letters to spot names by, so candidates come from the places names stand
in news prose: after titles and roles (الرئيس، الوزير، العميد الركن، المتحدث باسم، زعيم، قائد ...)
and as the heads of organization names (جبهة، لواء، كتائب، حركة، تنظيم ...). Where camel-tools'
NER model is installed (``camel_data -i ner-arabert``), its person and organization spans are
added; without it the patterns alone run, and the table says so.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

import pandas as pd

from ..arabic.normalization import get_normalizer
from ..arabic.stoplists import stopwords
from ..matching import TOKEN
from .gazetteer import Gazetteer, load_gazetteer
from .mentions import find_actors

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["suggest_actors"]

# Titles before a person's name (normalized as the text is: ة → ه, أ → ا, ى → ي).
_TITLES = ("الرئيس", "الوزير", "وزير", "وزيره", "العميد", "العميد الركن", "اللواء", "العقيد",
           "المقدم", "الرائد", "النقيب", "العماد", "الفريق", "المشير", "الشيخ", "الامير", "الملك",
           "الامين العام", "رئيس الوزراء", "رئيس الحكومه", "المتحدث باسم", "المتحدث الرسمي باسم",
           "الناطق باسم", "زعيم", "قائد", "القائد", "السفير", "المبعوث", "مبعوث", "النائب",
           "الدكتور", "د", "رئيس", "مدير", "محافظ", "الناشط", "المعارض", "القيادي")
# Heads of organization names: the organization is the head word and the next one to three.
_ORGS = ("جبهه", "لواء", "الويه", "كتائب", "كتيبه", "حركه", "تنظيم", "جيش", "حزب", "تجمع",
         "مجلس", "هيئه", "جماعه", "فيلق", "ائتلاف", "اتحاد", "منظمه", "وكاله", "صحيفه", "قناه")
_MAX_NAME = 3


def _candidate(i: int, normed: list[str], broken: list[bool], titles: dict, orgs: set,
               stop: frozenset) -> tuple[str, str, list[int]] | None:
    """A name introduced at token ``i``: ``(kind, cue, token positions)``, or None."""
    n = len(normed)
    for t in titles.get(normed[i], ()):
        if tuple(normed[i:i + len(t)]) != t:
            continue
        j = i + len(t)
        # descriptors between a title and the name (الروسي، الخارجية) start with ال
        while j < n and not broken[j] and normed[j].startswith("ال") and j - i < 6:
            j += 1
        if j >= n or broken[j] or normed[j] in stop or not normed[j].isalpha():
            return None
        name = [j]
        for k in range(j + 1, min(j + _MAX_NAME, n)):
            if broken[k] or normed[k] in stop or not normed[k].isalpha():
                break
            name.append(k)
        return "person", " ".join(t), name
    head = normed[i][2:] if normed[i].startswith("ال") else normed[i]
    if head in orgs and i + 1 < n and not broken[i + 1] and normed[i + 1] not in stop:
        name = [i]
        for k in range(i + 1, min(i + 1 + _MAX_NAME, n)):
            if broken[k] or normed[k] in stop or not normed[k].isalpha():
                break
            name.append(k)
        if len(name) > 1:
            return "organization", head, name
    return None


def _ner_available() -> bool:
    try:
        from camel_tools.ner import NERecognizer  # noqa: F401  (raises offline without data)

        NERecognizer.pretrained()
    except Exception:  # noqa: BLE001 - any failure means: no NER here
        return False
    return True


def suggest_actors(corpus: Corpus, gazetteer: Gazetteer | None = None, *, min_count: int = 2,
                   top: int | None = 200, use_ner: bool | None = None) -> pd.DataFrame:
    """Candidate actors missing from the gazetteer, ranked by how often they occur.

    Returns one row per candidate: ``candidate`` (as written most often), ``kind`` (``person``
    after a title, ``organization`` after an organization word, or ``ner``), ``cue`` (the title
    or head word that introduced it), ``count`` (occurrences), ``documents``, and ``example``
    (the sentence it first appears in). ``attrs["notes"]`` says whether camel-tools' NER ran.
    Spans that the gazetteer already matches are left out.
    """
    gaz = gazetteer or load_gazetteer()
    norm = functools.lru_cache(maxsize=500_000)(get_normalizer("default"))
    stop = stopwords("default")
    known = find_actors(corpus, gaz, unit="sentence", meta=False)
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for d, f, a, b in known[["doc_id", "field", "start", "end"]].itertuples(index=False):
        covered[f"{d}:{f}"].append((a, b))
    titles: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for t in _TITLES:
        words = tuple(norm(w) for w in t.split())
        titles[words[0]].append(words)
    orgs = {norm(w) for w in _ORGS}
    counts: Counter[tuple[str, str, str]] = Counter()
    docs_of: dict[tuple, set] = defaultdict(set)
    example: dict[tuple, str] = {}
    forms: dict[tuple, Counter[str]] = defaultdict(Counter)
    sents = corpus.units("sentence")
    for doc_id, field, u0, text in sents[["doc_id", "field", "start", "text"]].itertuples(
            index=False):
        toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
        normed = [norm(w) for _, _, w in toks]
        # a word that follows punctuation starts a new phrase: names never run across it
        broken = [i > 0 and bool(text[toks[i - 1][1]:toks[i][0]].strip()) for i in range(len(toks))]
        spans = covered.get(f"{doc_id}:{field}", [])
        for i in range(len(toks)):
            found = _candidate(i, normed, broken, titles, orgs, stop)
            if found is None:
                continue
            kind, cue, name = found
            a, b = toks[name[0]][0] + u0, toks[name[-1]][1] + u0
            if any(x < b and a < y for x, y in spans):
                continue
            key = (" ".join(normed[k] for k in name), kind, cue)
            counts[key] += 1
            docs_of[key].add(doc_id)
            forms[key][text[toks[name[0]][0]:toks[name[-1]][1]]] += 1
            example.setdefault(key, text)
    notes = []
    if use_ner is None:
        use_ner = _ner_available()
    if use_ner:
        notes.append("camel-tools NER: used")
        _add_ner(sents, norm, counts, docs_of, example, forms, covered)
    else:
        notes.append("camel-tools NER: not installed (patterns only); install its data with "
                     "`camel_data -i ner-arabert` to add NER candidates")
    rows = [{"candidate": forms[k].most_common(1)[0][0], "kind": k[1], "cue": k[2],
             "count": c, "documents": len(docs_of[k]), "example": example[k]}
            for k, c in counts.items() if c >= min_count]
    out = pd.DataFrame(rows, columns=["candidate", "kind", "cue", "count", "documents",
                                      "example"])
    out = out.sort_values(["count", "documents", "candidate"], ascending=[False, False, True],
                          kind="stable").reset_index(drop=True)
    if top is not None:
        out = out.head(top)
    out.attrs["notes"] = notes
    return out


def _add_ner(sents: pd.DataFrame, norm, counts, docs_of, example, forms, covered) -> None:  # noqa: ANN001
    """Person and organization spans from camel-tools' NER (only where its data is installed)."""
    from camel_tools.ner import NERecognizer
    from camel_tools.tokenizers.word import simple_word_tokenize

    ner = NERecognizer.pretrained()
    for doc_id, text in sents[["doc_id", "text"]].itertuples(index=False):
        words = simple_word_tokenize(text)
        labels = ner.predict_sentence(words)
        span: list[str] = []
        kind = None
        for w, lab in [*zip(words, labels), ("", "O")]:
            if lab.startswith("B-") or lab == "O":
                if span and kind in ("PERS", "ORG"):
                    key = (" ".join(norm(x) for x in span), "ner", kind)
                    counts[key] += 1
                    docs_of[key].add(doc_id)
                    forms[key][" ".join(span)] += 1
                    example.setdefault(key, text)
                span, kind = ([w], lab[2:]) if lab.startswith("B-") else ([], None)
            elif lab.startswith("I-") and span:
                span.append(w)

