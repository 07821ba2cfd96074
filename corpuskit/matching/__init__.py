"""Dictionary matching shared by actors and framing: Arabic entries found in text, with offsets.

Entries (actor names, lexicon words and phrases) are normalized with the same settings as the
text, so أمريكا finds أميركا only if a variant says so, but إيران finds ايران. Matching is on
whole tokens, never inside a longer word, and aware of Arabic proclitics: a token also matches as
itself without و ف (and), ب ل ك (prepositions) and their combinations, with لل read as ل + ال
(للأمم → الأمم); with ``strip_article=True`` also without ال (for lexicons written in bare
forms). Multiword entries match token by token, each word with the same clitic forms; ``*`` at
the end of an entry's last word matches any ending (a glob). The longest match at a position
wins (الجيش السوري الحر is the Free Syrian Army, not the Syrian army), then matching moves past
it. Every match carries character offsets into the original text, so ``text[start:end]`` is the
surface as written, clitics included.

The work is linear in the text: one regex pass finds the tokens, a per-word-type cache gives
each distinct word's normalized clitic forms once, set operations (in C) pick out the words that
can start an entry, and a token trie walks forward from those words only.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Hashable, Iterable, Iterator, Sequence
from itertools import accumulate, compress
from typing import Any

from ..arabic.normalization import NormalizeSettings, get_normalizer
from ..errors import SettingsError

__all__ = ["Dictionary", "Match", "TOKEN", "Tokens", "clitic_forms", "entry_words"]

# A word: letters, digits and the marks that live inside Arabic words (harakat, superscript alef,
# Quranic marks, tatweel). Punctuation, spaces and hyphens separate words.
# Possessive quantifiers: letters and marks are disjoint classes and nothing follows either
# branch, so the regex engine never needs to give a character back; saying so spares it the
# backtracking bookkeeping (the same matches; the split about 13% faster on news).
_MARKS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"
TOKEN = re.compile(rf"[^\W_]++(?:[{_MARKS}][^\W_]*+)*+|[{_MARKS}]++[^\W_]++")
_SPLIT = re.compile(f"({TOKEN.pattern})")
# what may stand between the words of one name when punctuation is not crossed: spaces, dashes,
# quotation marks (اجتماع "مجموعة العمل" حول سوريا، الـ”5+1″) and the plus of 5+1; not
# brackets, commas or stops
_JOINS = frozenset(" \t\u00a0\u200c\u200d\u200f\u200e-\u2010\u2011\u2012\u2013\u2014\u0640"
                   "\"'«»“”„‘’‚‹›″+")


# the ends of websites' names after a full stop (العربية.نت، الجزيرة.نت، المؤتمر.نت)
_DOMAINS = frozenset(("نت", "نيت", "كوم", "أورغ", "اورغ", "إنفو", "انفو"))


def _initials(text: str, begins: Sequence[int], ends: Sequence[int], j: int) -> bool:
    """Words ``j - 1`` and ``j`` are single letters with a full stop between them, as in the
    agencies' initials أ.ف.ب and د.ب.أ (the gazetteer's أ ف ب matches them), or word ``j`` ends
    a website's name right after a full stop (العربية.نت: the gazetteer's العربية نت matches it);
    a full stop between longer words or digits (1.5 is no 5+1) still ends a name."""
    gap = text[ends[j - 1]:begins[j]]
    if gap == "." and text[begins[j]:ends[j]] in _DOMAINS:
        return True
    return (ends[j - 1] - begins[j - 1] == 1 and ends[j] - begins[j] == 1
            and gap.strip() == "."
            and text[begins[j - 1]].isalpha() and text[begins[j]].isalpha())


_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_MIN_STEM = 2
_CACHE_WORDS = 2_000_000   # distinct words whose forms a dictionary keeps


def clitic_forms(word: str, strip_article: bool = False) -> tuple[str, ...]:
    """A normalized word and its forms without proclitics, least stripped first.

    >>> clitic_forms("وبالامم")
    ('وبالامم', 'بالامم', 'الامم')
    >>> clitic_forms("للامم")
    ('للامم', 'الامم', 'لامم')
    >>> clitic_forms("والمفاوضات", strip_article=True)
    ('والمفاوضات', 'المفاوضات', 'مفاوضات')
    """
    out = [word]
    stems = [word]
    if len(word) > _MIN_STEM and word[0] in _CONJ:
        stems.append(word[1:])
    for s in list(stems):
        if len(s) > _MIN_STEM and s[0] in _PREP:
            rest = s[1:]
            if s[0] == "ل" and rest.startswith("ل") and len(rest) > _MIN_STEM:
                stems.append("ا" + rest)   # لل + word = ل + ال + word (للامم → الامم)
            stems.append(rest)             # ... or ل + a word that starts with ل (للبنان)
    for s in stems[1:]:
        if s not in out and len(s) >= _MIN_STEM:
            out.append(s)
    if strip_article:
        for s in list(out):
            if s.startswith("ال") and len(s) - 2 >= _MIN_STEM and s[2:] not in out:
                out.append(s[2:])
    return tuple(out)


def entry_words(text: str, settings: NormalizeSettings | str = "default") -> list[str]:
    """The normalized words of a dictionary entry (punctuation and hyphens separate words; a
    final ``*`` is kept on the last word)."""
    norm = get_normalizer(NormalizeSettings.resolve(settings))
    glob = text.rstrip().endswith("*")
    words = [norm(m.group(0)) for m in TOKEN.finditer(text.replace("*", " "))]
    words = [w for w in words if w]
    if glob and words:
        words[-1] += "*"
    return words


class Tokens(Sequence):  # type: ignore[type-arg]
    """The words of a text with their character offsets, as three parallel lists: ``words``,
    ``starts``, ``ends`` (``text[starts[i]:ends[i]] == words[i]``). A sequence of ``(start,
    end, word)`` like :meth:`Dictionary.tokens`, but made without a tuple or a match object
    per word: one split of the text and a running sum of the pieces' lengths, both in C, so
    that a corpus is tokenized in about two thirds of the time."""

    __slots__ = ("words", "starts", "ends")

    def __init__(self, text: str):
        parts = _SPLIT.split(text)          # [gap, word, gap, word, ..., gap]
        acc = list(accumulate(map(len, parts)))
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = acc[0:-1:2]
        self.ends: list[int] = acc[1::2]

    @classmethod
    def batch(cls, texts: Sequence[str]) -> list[Tokens]:
        """``[Tokens(t) for t in texts]``, the same words and offsets, made for a whole batch of
        texts at once: the texts are joined, each character's class (letter, mark, other) read
        from a table in NumPy, word boundaries found where the class changes, and the words cut
        by one ``str.split`` of a copy with every other character made a space. On news this
        takes about half the time of one regex split per text. A text where a word would begin
        with a mark (a haraka after a space: the regex splits such runs in its own way) or that
        holds a character beyond U+FFFF, or a batch that cannot be encoded (a lone surrogate),
        is split by the regex."""
        import numpy as np

        texts = list(texts)
        if len(texts) < 2:
            return [cls(t) for t in texts]
        joined = "\x00".join(texts)
        try:
            cp = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        except UnicodeEncodeError:
            return [cls(t) for t in texts]
        wide = np.flatnonzero(cp > 0xFFFF)   # beyond the table: those texts take the regex
        kind = _char_classes()[cp & 0xFFFF]
        inside = kind > 0
        edge = np.zeros(len(kind) + 2, dtype=np.int8)
        edge[1:-1] = inside
        step = np.diff(edge)
        first, last = np.flatnonzero(step == 1), np.flatnonzero(step == -1)
        words = np.where(inside, cp, np.uint32(32)).tobytes().decode("utf-32-le").split()
        if len(words) != len(first):   # cannot happen: every other character became a space
            return [cls(t) for t in texts]
        bases = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1,
                  out=bases[1:])
        cut = np.searchsorted(first, bases)
        shift = np.repeat(bases[:-1], np.diff(cut))
        starts, ends = (first - shift).tolist(), (last - shift).tolist()
        lead = np.concatenate((first[kind[first] == 2], wide))
        odd = set((np.searchsorted(bases, lead, side="right") - 1).tolist()) if len(lead) \
            else set()
        cut_at = cut.tolist()
        out = []
        make = cls.__new__
        for i, t in enumerate(texts):
            if i in odd:
                out.append(cls(t))
                continue
            a, b = cut_at[i], cut_at[i + 1]
            tk = make(cls)
            tk.words, tk.starts, tk.ends = words[a:b], starts[a:b], ends[a:b]
            out.append(tk)
        return out

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i):  # noqa: ANN001, ANN204
        if isinstance(i, slice):
            return list(zip(self.starts[i], self.ends[i], self.words[i]))
        return (self.starts[i], self.ends[i], self.words[i])

    def __iter__(self) -> Iterator[tuple[int, int, str]]:
        return zip(self.starts, self.ends, self.words)


@functools.lru_cache(maxsize=1)
def _char_classes() -> Any:
    """The class of every character up to U+FFFF for :meth:`Tokens.batch`: 1 a word character
    (``[^\\W_]``, as :data:`TOKEN` reads it), 2 a mark that joins words without being one
    (harakat), 0 any other character. Built once per process (in about 20 ms) from the regular
    expressions themselves."""
    import numpy as np

    every = "".join(map(chr, range(0x10000)))
    kind = np.zeros(0x10000, dtype=np.uint8)
    for m in re.finditer(r"[^\W_]+", every):
        kind[m.start():m.end()] = 1
    for m in re.finditer(f"[{_MARKS}]+", every):
        seg = kind[m.start():m.end()]
        seg[seg == 0] = 2
    return kind


@dataclasses.dataclass(frozen=True)
class Match:
    """One dictionary match: token positions ``[first, last)``, character offsets ``[start,
    end)`` into the text, and the payloads of the entries that matched there."""

    first: int
    last: int
    start: int
    end: int
    payloads: tuple[Any, ...]


class _Node(dict):  # type: ignore[type-arg]
    """word → child node; ``ends``: payloads of entries ending here; ``globs``: prefix →
    payloads of entries whose last word is ``prefix*``."""

    __slots__ = ("ends", "globs", "glob_lengths")

    def __init__(self) -> None:
        super().__init__()
        self.ends: list[Any] = []
        self.globs: dict[str, list[Any]] = {}
        self.glob_lengths: tuple[int, ...] = ()


class Dictionary:
    """Compiled dictionary entries, ready to match against text.

    Args:
        entries: ``(text, payload)`` pairs: ``text`` an entry as written (a word, a phrase,
            ``word*`` for any ending); ``payload`` anything, returned with each match.
        normalize: the normalization the text is read with (the same as the text's).
        strip_article: also match a token without its article ال (lexicons in bare forms).
        cross_punctuation: let a multiword entry match across punctuation between its words.
            With ``False`` only spaces, dashes and quotation marks may stand between them: a
            name does not run on into a bracket or the next clause (وكالة الأنباء السورية
            (سانا) is a name and its abbreviation, not the entry وكالة الأنباء السورية سانا).
    """

    def __init__(self, entries: Iterable[tuple[str, Hashable]], *,
                 normalize: str | NormalizeSettings = "default", strip_article: bool = False,
                 cross_punctuation: bool = True):
        self.settings = NormalizeSettings.resolve(normalize)
        self.strip_article = strip_article
        self.cross_punctuation = cross_punctuation
        self._norm = get_normalizer(self.settings)
        self._root = _Node()
        self._first: set[str] = set()
        self._first_globs: set[str] = set()
        self._glob_lengths: set[int] = set()
        self.size = 0
        for text, payload in entries:
            self.add(text, payload)
        self._cache: dict[str, tuple[tuple[str, ...], bool]] = {}
        self._starters: set[str] = set()   # cached words (as written) that may start an entry

    def add(self, text: str, payload: Hashable) -> None:
        stripped = text.strip()
        if "*" in stripped[:-1]:
            raise SettingsError(f"dictionary entry {text!r}: '*' may only end the last word")
        words = entry_words(text, self.settings)
        if not words:
            raise SettingsError(f"dictionary entry {text!r} has no words")
        if any(w.endswith("*") for w in words[:-1]):
            raise SettingsError(f"dictionary entry {text!r}: '*' may only end the last word")
        node = self._root
        for w in words[:-1]:
            node = node.setdefault(w, _Node())
        last = words[-1]
        if last.endswith("*"):
            prefix = last[:-1]
            if len(prefix) < _MIN_STEM:
                raise SettingsError(f"dictionary entry {text!r}: a glob needs at least "
                                    f"{_MIN_STEM} letters before '*'")
            node.globs.setdefault(prefix, []).append(payload)
            node.glob_lengths = tuple(sorted({len(p) for p in node.globs}))
            self._glob_lengths.add(len(prefix))
            if len(words) == 1:
                self._first_globs.add(prefix)
        else:
            node.setdefault(last, _Node()).ends.append(payload)
        self._first.add(words[0].rstrip("*"))
        self.size += 1
        self._cache = {}
        self._starters = set()

    def _forms(self, raw: str) -> tuple[tuple[str, ...], bool]:
        hit = self._cache.get(raw)
        if hit is None:
            forms = clitic_forms(self._norm(raw), self.strip_article)
            starts = not self._first.isdisjoint(forms) or (
                bool(self._first_globs)
                and any(f[:n] in self._first_globs for f in forms for n in self._glob_lengths))
            hit = (forms, starts)
            if len(self._cache) < _CACHE_WORDS:
                self._cache[raw] = hit
                if starts:
                    self._starters.add(raw)
        return hit

    def _starts(self, words: list[str]) -> list[int]:
        """The positions of the words that may start an entry. A text's distinct words are
        looked up as sets (in C): the words never seen before get their forms, and those that
        may start an entry are then found by one membership test per word."""
        uniq = set(words)
        hit = uniq.intersection(self._starters)
        for w in uniq.difference(self._cache):   # new words (or any, once the cache is full)
            if self._forms(w)[1]:
                hit.add(w)
        if not hit:
            return []
        return [k for k, w in enumerate(words) if w in hit]

    def learn(self, words: Iterable[str]) -> bool:
        """Look up once every word of a batch of texts that was not seen before (its forms, and
        whether it may start an entry), so that those texts are then matched with
        ``finditer(..., learned=True)``: one membership test per word, without the set
        operations a text otherwise needs. False when the cache is full, so that not every word
        could be kept (then match as usual)."""
        cache = self._cache
        new = list(set(words).difference(cache))
        if len(cache) + len(new) > _CACHE_WORDS:   # not every word fits: one by one, as far
            forms = self._forms                      # as there is room
            for w in new:
                forms(w)
            return len(cache) < _CACHE_WORDS
        if not new:
            return True
        # the new words normalized as one text (a character table, so the same as one by one)
        normed = self._norm("\n".join(new)).split("\n") if self._norm("\n") == "\n" else []
        if len(normed) != len(new):   # a normalization that writes or removes line breaks
            normed = [self._norm(w) for w in new]
        strip, first = self.strip_article, self._first
        every = [clitic_forms(w, strip) for w in normed]
        if self._first_globs:
            globs, lengths = self._first_globs, self._glob_lengths
            starts = [not first.isdisjoint(fs)
                      or any(f[:n] in globs for f in fs for n in lengths) for fs in every]
        else:
            starts = [not first.isdisjoint(fs) for fs in every]
        cache.update(zip(new, zip(every, starts)))
        self._starters.update(compress(new, starts))
        return True

    def tokens(self, text: str) -> list[tuple[int, int, str]]:
        """The words of ``text`` as ``(start, end, word)`` with character offsets."""
        return list(Tokens(text))

    def finditer(self, text: str, tokens: Sequence[tuple[int, int, str]] | None = None,
                 learned: bool = False) -> Iterator[Match]:
        """Leftmost-longest, non-overlapping matches in ``text`` (``tokens``: its words, as
        :class:`Tokens` or ``(start, end, word)`` tuples, if already made; ``learned``: every
        word was given to :meth:`learn`, which returned True)."""
        toks = Tokens(text) if tokens is None else tokens
        if isinstance(toks, Tokens):
            words, starts, ends = toks.words, toks.starts, toks.ends
        else:
            starts, ends, words = (list(c) for c in zip(*toks)) if toks else ([], [], [])
        if learned:
            first = list(compress(range(len(words)), map(self._starters.__contains__, words)))
        else:
            first = self._starts(words)
        if first:
            yield from self._walk(starts, ends, words, first,
                                  None if self.cross_punctuation else text)

    def payloads(self, text: str) -> list[tuple[Any, ...]]:
        """The payloads of every match in ``text``, in order, without offsets: the same matches
        as :meth:`finditer`, found faster where only counts are needed."""
        if not self.cross_punctuation:
            return [m.payloads for m in self.finditer(text)]
        words = TOKEN.findall(text)
        starts = self._starts(words)
        if not starts:
            return []
        zeros = [0] * len(words)
        return [m.payloads for m in self._walk(zeros, zeros, words, starts)]

    def _walk(self, begins, ends, words, starts, text=None):  # noqa: ANN001, ANN202
        # The trie is walked from the start words only, one word at a time: every node of the
        # frontier stands at the same word, so that word's forms (cached: every word of the
        # text was seen) and the gap before it are looked up once per step, not once per node.
        n = len(words)
        root = self._root
        at_root, root_globs = root.get, bool(root.globs)
        get, forms_of = self._cache.get, self._forms
        joins = _JOINS.issuperset
        skip_to = 0
        for i in starts:
            if i < skip_to:
                continue
            best_end, best = -1, None
            if root_globs:
                frontier = [root]
                j = i
            else:   # the first word, from the root: most walks end here
                w = words[i]
                frontier = []
                for f in (get(w) or forms_of(w))[0]:
                    child = at_root(f)
                    if child is not None:
                        if child.ends and best_end < i:
                            best_end, best = i, child.ends
                        if len(child):
                            frontier.append(child)
                j = i + 1
            while frontier and j < n:
                if text is not None and j > i and not joins(text[ends[j - 1]:begins[j]]) \
                        and not _initials(text, begins, ends, j):
                    break
                w = words[j]
                forms = (get(w) or forms_of(w))[0]
                nxt = []
                for node in frontier:
                    for f in forms:
                        child = node.get(f)
                        if child is not None:
                            if child.ends and j > best_end:
                                best_end, best = j, child.ends
                            if len(child):
                                nxt.append(child)
                        if node.globs and j > best_end:
                            # a glob's prefix is looked up, not tried one by one; the
                            # longest prefix first (تفاوضي* is more specific than تفاوض*)
                            for length in reversed(node.glob_lengths):
                                payloads = node.globs.get(f[:length]) \
                                    if len(f) >= length else None
                                if payloads is not None:
                                    best_end, best = j, payloads
                                    break
                frontier = nxt
                j += 1
            if best is None:
                continue
            yield Match(i, best_end + 1, begins[i], ends[best_end], tuple(best))
            skip_to = best_end + 1

    def __repr__(self) -> str:
        return f"<Dictionary: {self.size} entries, normalize={self.settings.preset!r}>"
