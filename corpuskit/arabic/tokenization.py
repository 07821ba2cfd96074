"""Word tokenization, token for token identical to camel-tools' ``simple_word_tokenize``.

camel-tools walks every character of every word and tries a Unicode regex there. Most characters
can never start a split, so we classify characters once:

* *complex* characters are the only ones through which camel's regex can match more than one
  character: regional indicators, emoji modifiers, U+FE0F, U+20E3, tag characters, ZWJ. Rare.
* Without them every match is one character, and camel splits it off iff it is in its symbol set:
  those *simple* splitters (``, . : " ( ) - / ...``) are padded with spaces by ``str.translate``;
* everything else never splits.

A text with no complex character is thus tokenized by ``translate`` + ``split`` (both in C); a word
with a complex character goes through a transcription of camel-tools' own loop, with its own regex
and symbol set.
The equivalence is tested on random Unicode text and on real news.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

__all__ = ["tokenize", "words", "is_word"]


# Characters through which camel-tools' symbol regex can match more than one character:
# \p{RI} (regional indicators), \p{EMod} (skin tones), U+FE0F, U+20E3, ZWJ, tag characters.
COMPLEX_RANGES = ((0x1F1E6, 0x1F1FF), (0x1F3FB, 0x1F3FF), (0xFE0F, 0xFE0F), (0x20E3, 0x20E3),
                  (0x200D, 0x200D), (0xE0020, 0xE007F))


class _Tables(NamedTuple):
    split_table: dict[int, str]
    complex_re: re.Pattern[str]
    symbols_re: object  # regex.Pattern from camel-tools
    symbols_all: frozenset[str]


def _ranges_class(chars: set[str]) -> str:
    """A regex character class of ranges: far faster to test than thousands of single characters."""
    cps = sorted(map(ord, chars))
    parts, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        parts.append(re.escape(chr(cps[i])) + ("" if i == j else "-" + re.escape(chr(cps[j]))))
        i = j + 1
    return "[" + "".join(parts) + "]"


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    from camel_tools.tokenizers.word import _SYMBOLS_ALL, _SYMBOLS_RE

    # camel's regex matches more than one character only through a regional indicator pair, an
    # emoji modifier, U+FE0F, a keycap U+20E3, tag characters or a ZWJ: those make a word complex.
    # (tests/test_arabic.py checks this list against the Unicode properties of the regex module.)
    complex_ = {chr(cp) for lo, hi in COMPLEX_RANGES for cp in range(lo, hi + 1)}
    # Without those, a match is one character c, and camel splits it off iff c is in its symbol set.
    simple = {c for c in _SYMBOLS_ALL
              if len(c) == 1 and c not in complex_ and (m := _SYMBOLS_RE.match(c)) and m[0] == c}
    split_table = {ord(c): f" {c} " for c in simple}
    complex_re = re.compile(_ranges_class(complex_))
    return _Tables(split_table, complex_re, _SYMBOLS_RE, frozenset(_SYMBOLS_ALL))


def _camel_word(word: str, t: _Tables, out: list[str]) -> None:
    # camel-tools' _simple_word_tokenize, for one whitespace-free word.
    n, i, start = len(word), 0, 0
    while i < n:
        m = t.symbols_re.match(word, pos=i)  # type: ignore[attr-defined]
        if m is not None and m[0] in t.symbols_all:
            if i != start:
                out.append(word[start:i])
            out.append(m[0])
            i = start = m.end()
            continue
        i += 1
    if start < n:
        out.append(word[start:])


def tokenize(text: str) -> list[str]:
    """Split text into word, number and punctuation tokens (camel-tools' ``simple_word_tokenize``).

    >>> tokenize('قال "الأسد": لا حل،وسنرى!')
    ['قال', '"', 'الأسد', '"', ':', 'لا', 'حل', '،', 'وسنرى', '!']
    """
    t = _tables()
    if t.complex_re.search(text) is None:
        return text.translate(t.split_table).split()
    out: list[str] = []
    for word in text.split():
        if t.complex_re.search(word) is None:
            out.extend(word.translate(t.split_table).split())
        else:
            _camel_word(word, t, out)
    return out


_WORD_RE = re.compile(r"\w", re.UNICODE)


def is_word(token: str) -> bool:
    """True if a token holds a letter or digit (not a lone punctuation mark or symbol)."""
    return _WORD_RE.search(token) is not None


def words(text: str) -> list[str]:
    """The tokens of ``text`` that are words or numbers (punctuation and symbols dropped)."""
    return [tok for tok in tokenize(text) if _WORD_RE.search(tok)]
