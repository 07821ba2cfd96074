"""The framing lexicon: Arabic words and phrases of diplomatic and military framing, with weights.

One entry per row (CSV, or YAML as a list of mappings with the same keys)::

    frame,category,entry,kind,weight,notes

- ``frame``: ``diplomatic`` or ``military``; ``category``: the sub-category (negotiation,
  visits_meetings, envoys_mediation, international_orgs, agreements_ceasefire,
  sanctions_statements; combat_clashes, bombardment_airstrikes, ground_forces, weapons,
  casualties, sieges, security_operations), free text for your own.
- ``entry``: Arabic, without attached proclitics (the matcher strips و ف ب ل ك and ال itself);
  ``kind``: ``word``, ``glob`` (``تفاوض*``: any ending) or ``phrase`` (several words, the last
  may end in ``*``).
- ``weight``: a positive number (1 by default; lower for words often used outside the frame).

The bundled lexicon (``corpuskit/resources/framing_lexicon.csv``) was written from the codebook
and unlabelled training paragraphs only, never from the held-out ones.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math
from pathlib import Path

import pandas as pd

from .._sources import fingerprint, read_resource_texts, source_record
from ..errors import InputError, SettingsError
from ..matching import Dictionary, entry_words

__all__ = ["Lexicon", "load_lexicon", "FRAMES", "LEXICON_VERSION"]

LEXICON_VERSION = "2026.11.30"
FRAMES = ("diplomatic", "military")
KINDS = ("word", "glob", "phrase")


@dataclasses.dataclass
class Lexicon:
    """Framing entries ready to match: ``entries`` (frame, category, entry, kind, weight, file,
    line), ``problems`` (file, line, problem) and the sources read."""

    entries: pd.DataFrame
    problems: pd.DataFrame
    sources: list[dict]
    version: str = LEXICON_VERSION

    def __post_init__(self) -> None:
        self._dictionary: tuple[pd.DataFrame, Dictionary] | None = None

    def __repr__(self) -> str:
        n = self.entries["frame"].value_counts().to_dict()
        return (f"<Lexicon {self.version}: {n.get('diplomatic', 0)} diplomatic and "
                f"{n.get('military', 0)} military entries, {len(self.problems)} problems>")

    @property
    def fingerprint(self) -> str:
        """One hash over every source read (for provenance)."""
        return fingerprint(self.sources)

    def _repr_html_(self) -> str:
        from ..report.html import table_html

        counts = self.entries.groupby(["frame", "category"]).size().rename("entries").reset_index()
        return f"<p><b>{repr(self)[1:-1]}</b></p>" + table_html(counts, rows=30)

    @property
    def categories(self) -> list[tuple[str, str]]:
        """(frame, category) pairs, in a stable order."""
        pairs = self.entries[["frame", "category"]].drop_duplicates()
        return [tuple(x) for x in pairs.sort_values(["frame", "category"]).to_numpy()]

    def dictionary(self) -> Dictionary:
        """The compiled matcher (article-aware: entries are written in bare forms)."""
        if self._dictionary is None or self._dictionary[0] is not self.entries:
            e = self.entries   # rebuilt when entries is replaced (e.g. filtered)
            self._dictionary = (e, Dictionary(zip(e["entry"], range(len(e))), strip_article=True))
        return self._dictionary[1]


def _rows(text: str, where: str) -> list[tuple[int, dict]]:
    if where.lower().endswith((".yaml", ".yml")):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise InputError(f"{where}: not valid YAML ({exc})") from None
        if not isinstance(data, list):
            raise InputError(f"{where}: a YAML lexicon is a list of entries")
        return [(i, r if isinstance(r, dict) else {"entry": None}) for i, r in enumerate(data, 1)]
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("frame", "entry") if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{where}: not a framing lexicon: no column(s) {missing}")
    rows = []
    try:
        rows += [(reader.line_num, dict(r)) for r in reader]
    except csv.Error as exc:
        raise InputError(f"{where} line {reader.line_num}: not readable as CSV ({exc})") from None
    return rows


def _problem(r: dict) -> str | None:
    frame = str(r.get("frame") or "").strip()
    entry = str(r.get("entry") or "").strip()
    kind = str(r.get("kind") or "word").strip()
    if frame not in FRAMES:
        return f"unknown frame {frame!r}; the frames are {', '.join(FRAMES)}"
    if not entry:
        return "empty entry"
    if kind not in KINDS:
        return f"unknown kind {kind!r}; the kinds are {', '.join(KINDS)}"
    if "*" in entry[:-1] or (kind != "glob" and kind != "phrase" and entry.endswith("*")):
        return f"bad pattern {entry!r}: '*' may only end a glob or the last word of a phrase"
    if kind == "glob" and not entry.endswith("*"):
        return f"bad pattern {entry!r}: a glob ends in '*'"
    if not entry_words(entry):
        return f"entry {entry!r} has no words"
    try:
        w = float(r.get("weight") or 1)
    except (TypeError, ValueError):
        return f"weight {r.get('weight')!r} is not a number"
    if not (w > 0 and math.isfinite(w)):
        return f"weight {w} must be a positive, finite number"
    return None


def load_lexicon(path: str | Path | None = None, *, extend: bool = False,
                 strict: bool = False) -> Lexicon:
    """The bundled lexicon, or a user's (CSV or YAML) alone, or added to the bundled one
    (``extend=True``). Bad rows are reported in ``lexicon.problems`` with file and line and left
    out (``strict=True`` raises :class:`~corpuskit.errors.SettingsError` listing them): an
    unknown frame or kind, an empty entry, a bad pattern, a weight that is not a positive number,
    an entry listed twice."""
    texts = read_resource_texts("framing_lexicon.csv", path, extend, "lexicon")
    entries, problems, sources, seen = [], [], [], {}
    for where, text in texts:
        rows = _rows(text, where)
        sources.append(source_record(where, text, len(rows)))
        for line, r in rows:
            bad = _problem(r)
            if bad:
                problems.append({"file": where, "line": line, "problem": bad})
                continue
            entry, kind = str(r["entry"]).strip(), str(r.get("kind") or "word").strip()
            key = (" ".join(entry_words(entry)), kind)
            if key in seen:
                problems.append({"file": where, "line": line,
                                 "problem": f"{entry!r} is listed twice (first at {seen[key]})"})
                continue
            seen[key] = f"{where} line {line}"
            entries.append({"frame": str(r["frame"]).strip(),
                            "category": str(r.get("category") or "other").strip(),
                            "entry": entry, "kind": kind, "weight": float(r.get("weight") or 1),
                            "file": where, "line": line})
    prob = pd.DataFrame(problems, columns=["file", "line", "problem"])
    if strict and len(prob):
        listing = "\n".join(f"  {r.file} line {r.line}: {r.problem}" for r in prob.itertuples())
        raise SettingsError(f"the lexicon has {len(prob)} bad rows:\n{listing}")
    if not entries:
        raise SettingsError("the lexicon has no usable entries")
    return Lexicon(pd.DataFrame(entries), prob, sources)
