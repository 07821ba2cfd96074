"""A listed person's surname alone, once the document has named the person in full.

News names a person in full once (وزير الإسكان الإسرائيلي يواف غالانت، سمير القنطار) and then by
the surname (وقال غالانت، بمقتل القنطار). The gazetteer lists the surnames that are safe anywhere
(round 23's distinctive surnames, short forms with rules); this pass reads any other person's
surname where the same document has named that person in full: in the text after the first full
mention there, and in the title where the text names the person in full (a headline names
people by their surnames). ``resolved_by`` is ``"surname after full name"``.

The surname is the last word of the person's Arabic name, where the mention ends with it. Not
read as a surname: the last word of a name after a connector (آل ثاني، بن سلمان، أبو مازن), the
second half of a compound given name (عبد الله، نور الدين، عبد الرحمن), a given name, a title,
a stop word, a nationality adjective, an adjective or ordinal (نبيل العربي، إليزابيث الثانية), a
word of fewer than three letters, a word the gazetteer lists as a form of some actor (its own
rules decide), and a surname two persons of the document share. Not where the word before it
makes it another's: a given name (حسين الهلالي, another man of the family), a family or tribe
word (عائلة بونغو), or a definite word it qualifies (البلد العربي); a title before it is its
own (الرئيس السيسي).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from typing import Any

from ..matching import Dictionary, Tokens

__all__ = ["listed_surnames", "SURNAME"]

SURNAME = "surname after full name"
# how a mention names a person in full (two words or more)
_FULL = frozenset(("exact", "variant", "role + name", "name + role"))
# surnames that are also adjectives, ordinals and epithets (نبيل العربي: "the Arab";
# إليزابيث الثانية، بطرس الأكبر): never read alone
_ADJECTIVES = ("العربي", "العربية", "الأكبر", "الأصغر", "الكبير", "الصغير", "الأول", "الأولى",
               "الثاني", "الثانية", "الثالث", "الثالثة", "الرابع", "الخامس", "السادس", "السابع",
               "الثامن", "التاسع", "العاشر", "الجديد", "القديم", "الأخير", "الكبرى", "العظمى",
               "الأمين", "الصادق", "الرشيد", "العادل", "الحسن", "الجميل", "السعيد")
# words before a surname that make it a family's, a tribe's or a house's (عائلة بونغو، قبيلة
# الهلالي، آل سعود), not the person's
_FAMILY = ("عائلة", "أسرة", "اسرة", "قبيلة", "عشيرة", "بني", "بنو", "آل", "ال", "أبناء", "ابناء",
           "عائلات", "أسر", "قبائل", "أحفاد", "ذرية")
# the second halves of compound given names: عبد الله، عز الدين، عبد الرحمن، عبد العزيز
_COMPOUND_TAILS = ("الله", "الدين", "الرحمن", "الرحيم", "العزيز", "الكريم", "الحق", "النبي",
                   "الرب", "الامير", "الاله", "المجيد", "الحميد", "الحليم", "اللطيف")


def listed_surnames(rows: list[tuple], texts: dict, titles: dict, where: dict,
                    matcher: Dictionary, tokens: dict | None, info: dict,
                    keys: frozenset[str], nisbas: Any = (),
                    titles_before: Any = ()) -> list[tuple]:
    """``rows`` with a row added for each surname alone of a person the same document names
    in full (see the module's docstring). ``where``: each document field's units (as
    :func:`~corpuskit.actors.mentions._where` gives them); ``tokens``: the fields' tokens, by
    (doc_id, field), when the scan kept them; ``info``: each actor's names, type and country;
    ``keys``: the normalized one-word forms of the gazetteer."""
    from .unlisted import _words

    words = _words(matcher.settings, frozenset())
    norm = matcher._norm
    skip = words.stop | words.role_heads | words.given | words.connectors | words.kunya \
        | words.ranks | keys | frozenset(nisbas) \
        | {norm(w) for w in _COMPOUND_TAILS + _ADJECTIVES}
    joins = words.connectors | words.kunya   # آل ثاني، بن سلمان، أبو مازن: no surname alone
    # a word right before the surname that makes it another's: a given name (حسين الهلالي,
    # another man of the family), a family or tribe word, a definite noun it qualifies
    # (البلد العربي); titles and role heads are the surname's own (الرئيس السيسي)
    own_title = words.role_heads | words.ranks | frozenset(titles_before)
    family = {norm(w) for w in _FAMILY}
    forms_of = matcher._forms
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_doc[r[0]].append(i)
    added: list[tuple] = []
    canon_last: dict[str, str | None] = {}   # actor → its Arabic name's last word, normalized

    def surname_of(aid: str) -> str | None:
        if aid not in canon_last:
            words_ = Tokens(str(info[aid][1] or "")).words
            canon_last[aid] = norm(words_[-1]) if len(words_) > 1 else None
        return canon_last[aid]

    for doc_id, idx in by_doc.items():
        # surname → the person, and where the person's first full mention ends, by field
        owner_of: dict[str, set[str]] = defaultdict(set)
        first_end: dict[tuple[str, str], int] = {}
        for i in idx:
            r = rows[i]
            if r[11] != "person" or r[13] not in _FULL:
                continue
            name = Tokens(r[7]).words
            canon = surname_of(r[8])
            if len(name) < 2 or canon is None:
                continue
            if r[13] == "name + role":   # علي كافي الرئيس الجزائري: the name comes first
                at = next((k for k in range(1, len(name))
                           if forms_of(name[k])[0][0] == canon), None)
                if at is None:
                    continue
                name = name[:at + 1]
            last, before = forms_of(name[-1])[0][0], forms_of(name[-2])[0][0]
            if last != canon or len(last) < 3 or not last.isalpha() \
                    or last in skip or before in joins:
                continue
            owner_of[last].add(r[8])
            key = (r[8], r[3])
            first_end[key] = min(first_end.get(key, r[5]), r[5])
        surnames = {s: next(iter(a)) for s, a in owner_of.items() if len(a) == 1}
        if not surnames:
            continue
        for field in ("title", "text"):
            value = (titles if field == "title" else texts).get(doc_id)
            slot = where.get((doc_id, field))
            if not isinstance(value, str) or not value or slot is None:
                continue
            toks = _tokens(tokens, doc_id, field, value)
            starts, ends, uid, para = slot
            covered = _covered(rows, idx, field, toks)
            base = 0
            if field == "text":
                title = titles.get(doc_id)
                if isinstance(title, str) and title:
                    base = len(_tokens(tokens, doc_id, "title", title))
            for k, w in enumerate(toks.words):
                if covered[k]:
                    continue
                aid = next((surnames[f] for f in forms_of(w)[0] if f in surnames), None)
                if aid is None:
                    continue
                a, b = toks.starts[k], toks.ends[k]
                if k and not value[toks.ends[k - 1]:a].strip():
                    prev = forms_of(toks.words[k - 1])[0]
                    p0 = prev[0]
                    if p0 not in own_title and not any(f in own_title for f in prev) and (
                            p0 in words.given or p0 in family or prev[-1] in family
                            or p0.startswith("ال")):
                        continue
                if field == "title":
                    ok = (aid, "text") in first_end
                else:
                    ok = (aid, "title") in first_end or first_end.get((aid, "text"), b) < a
                u = bisect_right(starts, a) - 1
                if not ok or u < 0 or a >= ends[u]:
                    continue
                added.append((doc_id, uid[u], para[u], field, a, b, base + k, value[a:b], aid,
                              *info[aid], SURNAME))
    return rows + added if added else rows


def _tokens(tokens: dict | None, doc_id: str, field: str, value: Any) -> Tokens | None:
    toks = tokens.get((doc_id, field)) if tokens else None
    if toks is None and isinstance(value, str):
        toks = Tokens(value)
        if tokens is not None:
            tokens[(doc_id, field)] = toks
    return toks


def _covered(rows: list[tuple], idx: list[int], field: str, toks: Tokens) -> bytearray:
    """Which words of a field lie inside a mention already found."""
    out = bytearray(len(toks))
    for i in idx:
        r = rows[i]
        if r[3] != field:
            continue
        k = max(bisect_right(toks.starts, r[4]) - 1, 0)
        while k < len(toks) and toks.starts[k] < r[5]:
            if toks.ends[k] > r[4]:
                out[k] = 1
            k += 1
    return out
