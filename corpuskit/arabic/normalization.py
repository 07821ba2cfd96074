"""Arabic normalization: named steps, presets, one compiled ``str.translate`` table per setting.

Every step except NFKC maps one character to a string, whatever its neighbours. A chain of such
steps is itself a per-character map, so it compiles into one translation table: we apply the chain
to each character any step touches and keep the result. That is exact by construction, and runs in
C. The ``"camel"`` preset compiles camel-tools' own functions (``arclean`` → ``dediac_ar`` →
``normalize_alef_ar`` → ``normalize_alef_maksura_ar`` → ``normalize_teh_marbuta_ar``) this way, so
it reproduces their chain exactly at a fraction of the cost.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..errors import SettingsError

__all__ = [
    "PRESETS",
    "STEPS",
    "NormalizeSettings",
    "Normalizer",
    "get_normalizer",
    "normalize",
]

# Order matters only where one step produces what another consumes (Persian ۃ → ة → ه), and it
# keeps camel-tools' own order for the steps the "camel" preset shares with it.
STEPS: tuple[str, ...] = (
    "nfkc",          # Unicode NFKC: presentation forms and ligatures (ﻻ ﷲ) to letters
    "invisible",     # zero-width and bidi controls removed:
                     # ZWSP ZWNJ ZWJ LRM RLM ALM LRE..RLO LRI..PDI BOM SHY
    "arclean",       # camel-tools' arclean charmap (spaces, dashes, quotes, Latin letters, digits)
    "diacritics",    # harakat, tanwin, shadda, sukun, dagger alef (camel-tools' AR_DIAC_CHARSET)
    "quranic",       # Quranic annotation signs and small high marks (U+0610-061A, 0656-065F, 06D6-06ED)
    "tatweel",       # kashida U+0640 removed
    "persian",       # Persian/Urdu letter forms to Arabic: ی ے → ي, ک ڪ → ك, ۀ ہ ھ ە → ه, ۃ → ة
    "alef",          # أ إ آ ٱ → ا
    "alef_maksura",  # ى → ي
    "teh_marbuta",   # ة → ه
    "digits",        # Arabic-Indic ٠-٩ and Eastern ۰-۹ to 0-9; ٫ ٬ ٪ to . , %
    "punctuation",   # ، ؛ ؟ ۔ ٭ to , ; ? . *
)

PRESETS: dict[str, frozenset[str]] = {
    # Best for counting words (topics, framing, actor matching): every orthographic variant folded.
    "default": frozenset(STEPS) - {"arclean"},
    # camel-tools' usual chain, reproduced exactly.
    "camel": frozenset({"arclean", "diacritics", "alef", "alef_maksura", "teh_marbuta"}),
    # For display and quotation: only what is invisible or decorative goes; letters are kept.
    "light": frozenset({"nfkc", "invisible", "diacritics", "quranic", "tatweel"}),
    "none": frozenset(),
}


def _charmap(pairs: Iterable[tuple[Iterable[int] | int, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for keys, value in pairs:
        for cp in [keys] if isinstance(keys, int) else keys:
            out[chr(cp)] = value
    return out


def _camel_diacritics() -> dict[str, str]:
    from camel_tools.utils.charsets import AR_DIAC_CHARSET

    return {c: "" for c in AR_DIAC_CHARSET}


def _camel_arclean() -> dict[str, str]:
    from camel_tools.utils.charmap import CharMapper

    mapper = CharMapper.builtin_mapper("arclean")
    # arclean deletes every character outside its map (its default is ""): kept as the _DEFAULT key.
    table = {c: (c if v is None else v) for c, v in mapper._charmap.items()}
    table[_DEFAULT] = "" if mapper._default == "" else None  # type: ignore[assignment]
    return table


_DEFAULT = "<default>"  # key of a step map's value for characters it does not list (None: kept)
_SENTINEL = "\ue000"  # a private-use character no step lists, to learn the chain's default


class _DeletingTable(dict):  # type: ignore[type-arg]
    """A translate table that deletes every character it does not list (arclean's behaviour)."""

    def __missing__(self, key: int) -> str:
        return ""


# Each per-character step: a function that returns its charmap (built lazily, some need camel-tools).
_STEP_MAPS: dict[str, Callable[[], dict[str, str]]] = {
    "invisible": lambda: _charmap([
        ((0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD, 0x2060), ""),
        (range(0x202A, 0x202F), ""),
        (range(0x2066, 0x206A), ""),
    ]),
    "arclean": _camel_arclean,
    "diacritics": _camel_diacritics,
    "quranic": lambda: _charmap([
        (range(0x0610, 0x061B), ""), (range(0x0656, 0x0660), ""), (range(0x06D6, 0x06EE), ""),
    ]),
    "tatweel": lambda: {"\u0640": ""},
    "persian": lambda: _charmap([
        ((0x06CC, 0x06D2, 0x06D3), "\u064A"),
        ((0x06A9, 0x06AA), "\u0643"),
        ((0x06C0, 0x06C1, 0x06C2, 0x06BE, 0x06D5), "\u0647"),
        (0x06C3, "\u0629"),
    ]),
    "alef": lambda: {c: "\u0627" for c in "\u0625\u0623\u0671\u0622"},
    "alef_maksura": lambda: {"\u0649": "\u064A"},
    "teh_marbuta": lambda: {"\u0629": "\u0647"},
    "digits": lambda: _charmap([
        *((0x0660 + i, str(i)) for i in range(10)),
        *((0x06F0 + i, str(i)) for i in range(10)),
        (0x066B, "."), (0x066C, ","), (0x066A, "%"),
    ]),
    "punctuation": lambda: _charmap([
        (0x060C, ","), (0x061B, ";"), (0x061F, "?"), (0x06D4, "."), (0x066D, "*"),
    ]),
}

# camel-tools' normalize_unicode() fixes two characters NFKC leaves alone; so do we.
_NFKC_FIX = {"\ufdfc": "ريال", "\ufdfd": "بسم الله الرحمن الرحيم"}


@dataclasses.dataclass(frozen=True)
class NormalizeSettings:
    """Which normalization steps are on. Hashable: it keys caches and is stored in provenance."""

    steps: frozenset[str]
    preset: str = "custom"

    @classmethod
    def resolve(cls, preset: str | NormalizeSettings | Mapping[str, Any] | None = "default",
                **switches: bool) -> NormalizeSettings:
        """Settings from a preset name (or settings, or a dict from provenance) plus on/off switches."""
        if isinstance(preset, NormalizeSettings):
            base, name = preset.steps, preset.preset
        elif isinstance(preset, Mapping):  # the as_dict() form kept in provenance
            base, name = frozenset(preset.get("steps", ())), str(preset.get("preset", "custom"))
            if base - set(STEPS):
                raise SettingsError(f"unknown normalization step(s) {sorted(base - set(STEPS))}")
        else:
            name = "default" if preset is None else preset
            if name not in PRESETS:
                raise SettingsError(
                    f"unknown normalization preset {name!r}; choose one of {sorted(PRESETS)}")
            base = PRESETS[name]
        unknown = set(switches) - set(STEPS)
        if unknown:
            raise SettingsError(
                f"unknown normalization step(s) {sorted(unknown)}; the steps are {list(STEPS)}")
        steps = set(base)
        for step, on in switches.items():
            (steps.add if on else steps.discard)(step)
        steps_f = frozenset(steps)
        if steps_f != base:
            name = f"{name}+custom" if not name.endswith("+custom") else name
        return cls(steps=steps_f, preset=name)

    def as_dict(self) -> dict[str, Any]:
        """Plain-JSON form for provenance: the preset name and each step in order, on or off."""
        return {"preset": self.preset, "steps": [s for s in STEPS if s in self.steps],
                **{s: s in self.steps for s in STEPS}}

    @property
    def key(self) -> str:
        """A short stable string naming these settings (for cache keys and file names)."""
        return "+".join(s for s in STEPS if s in self.steps) or "none"


class Normalizer:
    """A compiled normalizer: call it on a string. Build it with :func:`get_normalizer`."""

    def __init__(self, settings: NormalizeSettings):
        self.settings = settings
        self._nfkc = "nfkc" in settings.steps
        self.table = _compile_table(tuple(s for s in STEPS if s in settings.steps and s != "nfkc"))

    def __call__(self, text: str) -> str:
        return self._translate(self._prepare(text), self.table)

    def tokens(self, text: str) -> list[str]:
        """``tokenize(self(text))`` in one pass: normalization and token splitting share one table."""
        text = self._prepare(text)
        out = self._fast_split(text)
        if out is not None:
            return out
        mode = self._fused_mode
        if mode == "always" or (mode == "check" and self._complex_re.search(text) is None):
            return self._translate(text, self._fused).split()
        from .tokenization import tokenize

        return tokenize(self._translate(text, self.table))

    def fast_tokens(self, text: str) -> list[str] | None:
        """``tokens(text)`` when the one-table path gives them (no character that needs
        camel-tools' slow path, none above U+FFFF), else None. Where it gives them, tokens are
        split at whitespace and symbols only, each character mapped on its own: so the tokens
        of a text are the tokens of each of a lighter normalizer's tokens (what the load's
        token cache relies on)."""
        return self._fast_split(self._prepare(text))

    def _fast_split(self, text: str) -> list[str] | None:
        fast = self._fused_list
        if fast is None:
            return None
        out = text.translate(fast)
        if "\x00" in out or _has_astral(text):
            return None
        return out.split()

    @functools.cached_property
    def _complex_re(self) -> re.Pattern[str]:
        from .tokenization import _tables

        return _tables().complex_re

    @functools.cached_property
    def _fused_mode(self) -> str:
        # The fused path (one translate + split) is exact when the normalized text holds no
        # character that needs camel's slow path. "always": the table deletes every character it
        # does not list (arclean) and writes none of them, so that holds for any input; "check":
        # it holds when the input has none, as the table writes none; "never": the table writes one.
        writes_complex = any(self._complex_re.search(v) for v in self.table.values())
        if writes_complex:
            return "never"
        return "always" if isinstance(self.table, _DeletingTable) else "check"

    @functools.cached_property
    def _fused(self) -> dict[int, str]:
        from .tokenization import _tables

        pad = _tables().split_table
        fused = _DeletingTable() if isinstance(self.table, _DeletingTable) else {}
        for cp, out in self.table.items():
            fused[cp] = out.translate(pad)
        for cp, padded in pad.items():
            if cp not in self.table and not isinstance(self.table, _DeletingTable):
                fused[cp] = padded
        return fused

    @functools.cached_property
    def _fused_list(self) -> list[int | str] | None:
        # The fused table as a list indexed by code point: str.translate looks a character up
        # in a dict through a new int object and a KeyError for every character the table
        # leaves alone (most of an Arabic text); in a list, by index (tokens 1.5x faster on
        # news). Unlisted characters map to themselves; the characters that need camel's
        # slow path (and U+0000) map to U+0000, so that the output says when to fall back to
        # the exact check. Characters beyond the list (past U+1FFFF) raise IndexError, which
        # str.translate reads as "unmapped": the caller falls back for any text with a
        # character above U+FFFF. Only for tables that keep what they do not list.
        from .tokenization import COMPLEX_RANGES

        fused = self._fused
        if (self._fused_mode != "check" or isinstance(fused, _DeletingTable)
                or any("\x00" in v for v in fused.values())):
            return None
        table: list[int | str] = list(_identity(max([0x10000, *fused]) + 1))
        size = len(table)
        for cp, out in fused.items():
            table[cp] = out
        table[0] = "\x00"
        for lo, hi in COMPLEX_RANGES:
            for cp in range(lo, min(hi + 1, size)):
                table[cp] = "\x00"
        return table

    @functools.cached_property
    def _spaced_list(self) -> list[int | str] | None:
        # _fused_list with every character str.split() splits at written as a space: the
        # translated text then splits at " " alone (runs of spaces giving empty strings to
        # drop) into exactly the tokens of fast_tokens, which a batch splitter can do.
        table = self._fused_list
        if table is None:
            return None
        spaced = list(table)
        for cp in _WHITESPACE:
            if spaced[cp] == cp:
                spaced[cp] = " "
        for cp, out in enumerate(spaced):   # what the table writes, too
            if isinstance(out, str) and not out.isspace() and any(map(str.isspace, out)):
                spaced[cp] = "".join(" " if c.isspace() else c for c in out)
            elif isinstance(out, str) and out.isspace() and out != " " * len(out):
                spaced[cp] = " " * len(out)
        return spaced

    @staticmethod
    def _translate(text: str, table: dict[int, str]) -> str:
        return text.translate(table) if table else text

    def _prepare(self, text: str) -> str:
        if self._nfkc:
            if "\ufdfc" in text or "\ufdfd" in text:
                for k, v in _NFKC_FIX.items():
                    text = text.replace(k, v)
            text = unicodedata.normalize("NFKC", text)
        return text

    def __repr__(self) -> str:
        return f"Normalizer(preset={self.settings.preset!r}, steps={self.settings.key!r})"


_WHITESPACE = tuple(cp for cp in range(0x10000) if chr(cp).isspace())   # what str.split() splits at


@functools.lru_cache(maxsize=4)
def _identity(size: int) -> tuple[int, ...]:
    """0 .. size-1, once: the normalizers' list tables share these int objects."""
    return tuple(range(size))


def _astral_test() -> Callable[[str], bool]:
    """Whether a string holds a character above U+FFFF, in constant time where CPython's
    compact strings allow: a string is stored with 4 bytes a character exactly when it holds
    one (PEP 393), which ``sys.getsizeof`` shows. Checked on probes at import; elsewhere a
    regular expression answers."""
    import sys

    base = sys.getsizeof("\U0001F600") - 8

    def by_size(s: str) -> bool:
        return sys.getsizeof(s) >= base + 4 * (len(s) + 1)

    probes = ("\u0628", "\u0628" * 9, "\U0001F600" * 3, "\u0628\U0001F600", "\xe9x", "ab", "")
    if all(by_size(s) == any(ord(c) > 0xFFFF for c in s) for s in probes):
        return by_size
    search = re.compile("[\U00010000-\U0010FFFF]").search
    return lambda s: search(s) is not None


_has_astral = _astral_test()


@functools.lru_cache(maxsize=64)
def _compile_table(steps: tuple[str, ...]) -> dict[int, str]:
    maps = [_STEP_MAPS[s]() for s in steps]

    def chain(ch: str) -> str:
        out = ch
        for m in maps:
            default = m.get(_DEFAULT)
            out = "".join(m.get(c, c if default is None else default) for c in out)
        return out

    touched = set().union(*maps) - {_DEFAULT} if maps else set()
    deletes_rest = bool(maps) and chain(_SENTINEL) == ""
    table: dict[int, str] = _DeletingTable() if deletes_rest else {}
    for ch in touched:
        out = chain(ch)
        if out != ch or deletes_rest:
            table[ord(ch)] = out
    return table


@functools.lru_cache(maxsize=64)
def _normalizer_for(settings: NormalizeSettings) -> Normalizer:
    return Normalizer(settings)


def get_normalizer(preset: str | NormalizeSettings | Mapping[str, Any] | None = "default",
                   **switches: bool) -> Normalizer:
    """A cached, compiled :class:`Normalizer` for a preset plus switches (see :func:`normalize`)."""
    return _normalizer_for(NormalizeSettings.resolve(preset, **switches))


def normalize(text: str, preset: str | NormalizeSettings | None = "default", **switches: bool) -> str:
    """Normalize Arabic text.

    ``preset`` is one of ``"default"`` (everything in :data:`STEPS` but ``arclean``: best for
    analysis), ``"camel"`` (camel-tools' arclean → dediac → alef → alef maksura → teh marbuta chain,
    exactly), ``"light"`` (invisible characters, diacritics and tatweel only) or ``"none"``.
    Any step can be switched on or off by name, e.g. ``normalize(t, teh_marbuta=False)``.

    >>> normalize("قالَ الرئيسُ: «إنّ المدينةَ آمنة» ـ ١٢ ی")
    'قال الرئيس: «ان المدينه امنه»  12 ي'
    """
    if not isinstance(text, str):
        raise SettingsError(f"normalize() takes a str, got {type(text).__name__}")
    return get_normalizer(preset, **switches)(text)
