"""Names the gazetteer does not know yet, proposed for a researcher to review.

Arabic has no capital letters to spot names by, so candidates come from the places names stand
in news prose. Persons: where the text introduces them with a title, as
``find_actors(..., unlisted=True)`` reads them (a name after a rank or honorific, a given name
after a role phrase such as وزير الإعلام اليمني or المتحدث باسم الجيش, a title after the name),
their later surnames counted with them (:mod:`corpuskit.actors.unlisted`). Organizations: the
heads of organization names (جبهة، لواء، كتائب، حركة، تنظيم ...) and the words after them. Where
camel-tools' NER model is installed (``camel_data -i ner-arabert``), its person and
organization spans are added; without it the patterns alone run, and the table says so.
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
from .unlisted import UNLISTED_PREFIX, title_heads

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["suggest_actors"]

# Heads of organization names: the organization is the head word and the next one to three.
_ORGS = ("جبهه", "لواء", "الويه", "كتائب", "كتيبه", "حركه", "تنظيم", "جيش", "حزب", "تجمع",
         "مجلس", "هيئه", "جماعه", "فيلق", "ائتلاف", "اتحاد", "منظمه", "وكاله", "صحيفه", "قناه")
_MAX_NAME = 3


def _cue(surface: str, name: str) -> str:
    """The title written before a person's name in a mention (العقيد in العقيد هشام الردادي),
    or "" (a surname alone, a title after the name)."""
    at = surface.find(name)
    return surface[:at].strip(" \t\"'«»“”") if at > 0 else ""


def _candidate(i: int, normed: list[str], broken: list[bool], orgs: set,
               stop: frozenset) -> tuple[str, str, list[int]] | None:
    """An organization name introduced at token ``i``: ``(kind, cue, token positions)``, or
    None."""
    n = len(normed)
    definite = normed[i].startswith("ال")
    head = normed[i][2:] if definite else normed[i]
    if head in orgs and i + 1 < n and not broken[i + 1] and normed[i + 1] not in stop:
        after = normed[i + 1]
        if definite and not after.startswith("ال"):
            return None   # الهيئة أعضاء: the head ends a phrase; a name's head has no article
        if not definite and not after.startswith("ال") and after.endswith("ه"):
            return None   # حركة كاملة، حركة واسعة: an adjective, not a name
        name = [i]
        for k in range(i + 1, min(i + 1 + _MAX_NAME, n)):
            w = normed[k]
            if broken[k] or w in stop or not w.isalpha() or w in title_heads() \
                    or (len(w) > 3 and w.endswith("ا") and not w.startswith("ال")):
                break   # a person's title (مجلس الوزراء رئيس الديوان) or an adverbial (عضوا)
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
    introduced by a title, ``organization`` after an organization word, or ``ner``), ``cue``
    (the title or head word that introduced it first; "" for a person whose title follows the
    name), ``count`` (occurrences; a person's include its surname alone later in the same
    documents), ``documents``, and ``example`` (the sentence it first appears in).
    ``attrs["notes"]`` says whether camel-tools' NER ran. Spans that the gazetteer already
    matches are left out.
    """
    gaz = gazetteer or load_gazetteer()
    norm = functools.lru_cache(maxsize=500_000)(get_normalizer("default"))
    stop = stopwords("default")
    found = find_actors(corpus, gaz, unit="sentence", meta=False, unlisted=True)
    new = found["actor_id"].str.startswith(UNLISTED_PREFIX)
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for d, f, a, b in found[["doc_id", "field", "start", "end"]].itertuples(index=False):
        covered[f"{d}:{f}"].append((a, b))
    orgs = {norm(w) for w in _ORGS}
    counts: Counter[tuple[str, str, str]] = Counter()
    docs_of: dict[tuple, set] = defaultdict(set)
    example: dict[tuple, str] = {}
    forms: dict[tuple, Counter[str]] = defaultdict(Counter)
    sents = corpus.units("sentence")
    text_of = dict(zip(sents["unit_id"], sents["text"]))
    # persons: the unlisted persons find_actors reads after titles, one candidate per name
    person_key: dict[str, tuple[str, str, str]] = {}   # a name → its candidate's key
    for r in found[new].itertuples(index=False):
        name = r.actor_id[len(UNLISTED_PREFIX):]
        key = person_key.setdefault(name, (name, "person", _cue(r.surface, r.name)))
        counts[key] += 1
        docs_of[key].add(r.doc_id)
        forms[key][r.name] += 1
        example.setdefault(key, text_of.get(r.unit_id, ""))
    for doc_id, field, u0, text in sents[["doc_id", "field", "start", "text"]].itertuples(
            index=False):
        toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]
        normed = [norm(w) for _, _, w in toks]
        # a word that follows punctuation starts a new phrase: names never run across it
        broken = [i > 0 and bool(text[toks[i - 1][1]:toks[i][0]].strip()) for i in range(len(toks))]
        spans = covered.get(f"{doc_id}:{field}", [])
        for i in range(len(toks)):
            hit = _candidate(i, normed, broken, orgs, stop)
            if hit is None:
                continue
            kind, cue, name = hit
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

