"""The actor gazetteer: who the actors of Arabic conflict news are and how the news writes them.

A gazetteer is a CSV with one row per actor::

    id,name_ar,name_en,type,country,variants,short_forms,metonyms,roles,notes

- ``variants``: ``|``-separated surface forms that unambiguously mean the actor (spellings,
  transliterations, full names with titles, acronyms), written without attached proclitics. A
  form that begins with a kunya (أبو مازن) also matches in the kunya's other cases (أبي مازن،
  أبا مازن).
- ``short_forms``: ambiguous forms (a surname alone: الأسد، النعيمي; المجلس) that count only in a
  document that also mentions the actor in full (or names it inside a matched role title:
  رئيس الائتلاف الوطني السوري licenses الائتلاف). Where several actors of the document claim
  the form, it goes to the one last named in full before it (else the one named most often).
  A rule after the form changes that: ``الأسد{country}`` also counts where the document
  mentions the actor's country.
- ``metonyms``: forms that stand for the actor by metonymy (واشنطن for the US government).
- ``roles``: ``TITLE@FROM/TO`` (ISO dates, TO empty while the role is held): the title resolves
  to this actor in documents dated within the period; undated, it stays a mention of the role.

The bundled gazetteer (``corpuskit/resources/actors.csv``) covers Arabic conflict news from 2011:
states, governments, armies and security services, armed groups, political bodies,
international organizations, NGOs and monitors, media, and the people who lead them, with
dated roles. Users extend it or replace it with their own CSV in the same format.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import io
import re
from pathlib import Path

import pandas as pd

from .._sources import fingerprint, read_resource_texts, source_record
from ..arabic.stoplists import stopwords
from ..errors import InputError, SettingsError
from ..matching import entry_words

__all__ = ["Gazetteer", "load_gazetteer", "GAZETTEER_VERSION", "ACTOR_TYPES", "COLUMNS"]

GAZETTEER_VERSION = "2026.12.05.87"  # 87th revision (round 87: set 81's actors and forms)
COLUMNS = ["id", "name_ar", "name_en", "type", "country", "variants", "short_forms", "metonyms",
           "roles", "notes"]
ACTOR_TYPES = ("state", "government", "military", "security", "armed_group", "political_org",
               "igo", "ngo", "person", "media", "place")
_RULES = {"country", "quoted"}
_SHORT = re.compile(r"^(?P<form>[^{}]+?)\s*(?:\{(?P<rule>[^{}]*)\})?$")
_ROLE = re.compile(r"^(?P<title>[^@]+)@(?P<start>\d{4}-\d{2}-\d{2})?/(?P<end>\d{4}-\d{2}-\d{2})?$")
_MAX = pd.Timestamp("2262-01-01")
_MIN = pd.Timestamp("1678-01-01")


@dataclasses.dataclass
class Gazetteer:
    """Actors and their surface forms, ready for :func:`corpuskit.find_actors`.

    Attributes:
        actors: one row per actor: ``actor_id``, ``name_ar``, ``name_en``, ``type``, ``country``.
        entries: one row per surface form: ``actor_id``, ``form`` (as written), ``key`` (its
            normalized words), ``kind`` (``name``, ``variant``, ``short``, ``metonym``,
            ``role``), ``rule`` (short forms), ``valid_from``/``valid_to`` (roles), and ``file``,
            ``line`` where it was defined.
        problems: rows that were rejected or changed: ``file``, ``line``, ``actor_id``,
            ``problem``.
        sources: each CSV read, with its SHA-256 and row count; ``version`` the bundled version.
        normalize: the normalization preset the forms were keyed with (and are matched with).
    """

    actors: pd.DataFrame
    entries: pd.DataFrame
    problems: pd.DataFrame
    sources: list[dict]
    version: str = GAZETTEER_VERSION
    normalize: str = "default"

    def __repr__(self) -> str:
        return (f"<Gazetteer {self.version}: {len(self.actors)} actors, {len(self.entries)} "
                f"surface forms, {len(self.problems)} problems>")

    @property
    def fingerprint(self) -> str:
        """One hash over every source read (for provenance)."""
        return fingerprint(self.sources)

    def actor(self, actor_id: str) -> pd.Series:
        """One actor's row; an unknown id is an error that says so."""
        found = self.actors[self.actors["actor_id"] == actor_id]
        if found.empty:
            raise SettingsError(f"actor id {actor_id!r} is not in the gazetteer")
        return found.iloc[0]

    def _repr_html_(self) -> str:
        counts = self.actors["type"].value_counts().rename_axis("type").reset_index(name="actors")
        return (f"<p><b>{repr(self)[1:-1]}</b></p>" + counts.to_html(index=False, border=0))


def _split(cell: str | None) -> list[str]:
    return [] if cell is None else [p.strip() for p in str(cell).split("|")]


@functools.lru_cache(maxsize=8)
def _kunya_forms(normalize: object) -> tuple[str, ...]:
    """أبو، أبي، أبا as the given normalization writes them."""
    return tuple(entry_words(w, normalize)[0] for w in ("أبو", "أبي", "أبا"))


def _date(text: str | None) -> pd.Timestamp | None:
    if not text:
        return None
    return pd.Timestamp(dt.date.fromisoformat(text))


def _read(text: str, where: str, problems: list[dict]) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("id", "name_ar", "type", "variants") if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{where}: not an actor gazetteer: no column(s) {missing}; the columns "
                         f"are {', '.join(COLUMNS)}")
    rows = []
    try:
        for row in reader:
            rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}))
    except csv.Error as exc:
        raise InputError(f"{where} line {reader.line_num}: not readable as CSV ({exc})") from None
    return rows


def load_gazetteer(path: str | Path | None = None, *, extend: bool = True, strict: bool = False,
                   normalize: str = "default") -> Gazetteer:
    """The bundled gazetteer, a user's CSV added to it (``extend=True``), or a user's CSV alone.

    A user's row with the id of a bundled actor replaces it. Bad rows are reported in
    ``gazetteer.problems`` with file and line, and left out (or, with ``strict=True``, raise
    :class:`~corpuskit.errors.SettingsError` listing them): a missing or duplicate id, a missing
    name, an unknown type, an empty variant, a malformed role, a form claimed by two actors for
    the same period (the first keeps it), a one-word form that normalizes to a function word
    (بان, Ban Ki-moon's surname, reads as بأن "that").
    """
    problems: list[dict] = []
    sources: list[dict] = []
    texts = read_resource_texts("actors.csv", path, extend, "gazetteer")
    by_id: dict[str, tuple[str, int, dict[str, str]]] = {}
    for where, text in texts:
        rows = _read(text, where, problems)
        sources.append(source_record(where, text, len(rows)))
        seen_here: set[str] = set()
        for line, row in rows:
            aid = row.get("id", "")
            bad = _row_problem(row)
            if bad:
                problems.append({"file": where, "line": line, "actor_id": aid or None,
                                 "problem": bad})
                continue
            if aid in seen_here:
                problems.append({"file": where, "line": line, "actor_id": aid,
                                 "problem": f"duplicate id {aid!r} (first at line "
                                            f"{by_id[aid][1]}); this row is left out"})
                continue
            seen_here.add(aid)
            if aid in by_id and by_id[aid][0] != where:
                problems.append({"file": where, "line": line, "actor_id": aid,
                                 "problem": f"replaces the actor {aid!r} of {by_id[aid][0]}"})
            by_id[aid] = (where, line, row)
    actors, entries = [], []
    claims: dict[tuple[str, ...], list[dict]] = {}
    stop = stopwords(normalize)
    for aid, (where, line, row) in by_id.items():
        actors.append({"actor_id": aid, "name_ar": row["name_ar"],
                       "name_en": row.get("name_en") or row["name_ar"], "type": row["type"],
                       "country": row.get("country") or None})
        wanted: list[tuple] = [(row["name_ar"], "name", None, None, None)]
        for col, kind in (("variants", "variant"), ("metonyms", "metonym")):
            wanted += [(v, kind, None, None, None) for v in _split(row.get(col)) if v]
        for v in _split(row.get("short_forms")):
            m = _SHORT.match(v) if v else None
            if m:
                wanted.append((m["form"].strip(), "short", m["rule"], None, None))
        for v in _split(row.get("roles")):
            m = _ROLE.match(v) if v else None
            if m:
                wanted.append((m["title"].strip(), "role", None, _date(m["start"]),
                               _date(m["end"])))
        forms: list[dict] = []
        seen_forms: dict[tuple, dict] = {}
        kunyas = _kunya_forms(normalize)
        for form, kind, rule, start, end in list(wanted):
            # a kunya declines (أبو مازن، لأبي مازن، أبا محمد): one form, three cases
            first, _, rest = form.strip().partition(" ")
            if kind != "role" and rest and entry_words(first, normalize) == [kunyas[0]]:
                wanted += [(f"{case} {rest}", kind, rule, start, end) for case in ("أبي", "أبا")]
        for form, kind, rule, start, end in wanted:
            key = tuple(entry_words(form, normalize))
            if not key:
                continue
            twin = seen_forms.get((key, kind, start))
            if twin is not None:  # the same form twice (spellings that normalize alike)
                twin["rule"] = twin["rule"] or rule
                continue
            forms.append({"actor_id": aid, "form": form, "key": " ".join(key), "kind": kind,
                          "rule": rule, "valid_from": start, "valid_to": end, "file": where,
                          "line": line, "_key": key})
            seen_forms[(key, kind, start)] = forms[-1]
        for f in forms:
            if len(f["_key"]) == 1 and f["_key"][0] in stop and f["rule"] != "quoted":
                problems.append({"file": where, "line": line, "actor_id": aid,
                                 "problem": f"the form {f['form']!r} reads as the function word "
                                            f"{f['_key'][0]!r} once normalized; left out"})
                continue
            if f["kind"] == "short":
                entries.append(f)
                continue
            clash = next((c for c in claims.get(f["_key"], []) if c["actor_id"] != aid
                          and _overlap(c, f)), None)
            if clash is not None:
                problems.append({"file": where, "line": line, "actor_id": aid,
                                 "problem": f"the form {f['form']!r} is also {clash['actor_id']}'s "
                                            f"({clash['file']} line {clash['line']}) for the same "
                                            "period; it stays with the first"})
                continue
            claims.setdefault(f["_key"], []).append(f)
            entries.append(f)
    prob = pd.DataFrame(problems, columns=["file", "line", "actor_id", "problem"])
    real = prob[~prob["problem"].str.startswith("replaces ")]
    if strict and len(real):
        listing = "\n".join(f"  {r.file} line {r.line}: {r.problem}" for r in real.itertuples())
        raise SettingsError(f"the gazetteer has {len(real)} bad rows:\n{listing}")
    if not entries:
        listing = "".join(f"\n  {r.file} line {r.line}: {r.problem}" for r in real.itertuples())
        raise InputError(f"{', '.join(s['file'] for s in sources) or 'the gazetteer'}: no usable "
                         f"actor rows{listing}")
    ent = pd.DataFrame(entries).drop(columns="_key")
    return Gazetteer(actors=pd.DataFrame(actors), entries=ent, problems=prob, sources=sources,
                     normalize=normalize)


def _overlap(a: dict, b: dict) -> bool:
    """Two forms claim the same text in overlapping periods (forms without a period: always)."""
    a0, a1 = a["valid_from"] or _MIN, a["valid_to"] or _MAX
    b0, b1 = b["valid_from"] or _MIN, b["valid_to"] or _MAX
    if a["kind"] != "role" and b["kind"] != "role":
        return True
    if (a["kind"] == "role") != (b["kind"] == "role"):
        return False  # a role title and a name can share words; the role needs a date to resolve
    return a0 <= b1 and b0 <= a1


def _row_problem(row: dict[str, str]) -> str | None:
    if not row.get("id"):
        return "missing id"
    if not row.get("name_ar"):
        return "missing name_ar"
    if row.get("type") not in ACTOR_TYPES:
        return f"unknown type {row.get('type')!r}; the types are {', '.join(ACTOR_TYPES)}"
    for col in ("variants", "short_forms", "metonyms", "roles"):
        parts = _split(row.get(col)) if row.get(col) else []
        if any(not p for p in parts):
            return f"an empty form in {col} (a '|' with nothing beside it)"
    for v in _split(row.get("short_forms")) if row.get("short_forms") else []:
        m = _SHORT.match(v)
        if m is None or (m["rule"] is not None and m["rule"] not in _RULES):
            return (f"short form {v!r}: the rules are {{country}} (where the document's "
                    "country is the actor's) and {quoted} (only inside quotation marks)")
    for v in _split(row.get("roles")) if row.get("roles") else []:
        m = _ROLE.match(v)
        if m is None:
            return f"role {v!r}: write TITLE@YYYY-MM-DD/YYYY-MM-DD (dates may be empty)"
        try:
            start, end = _date(m["start"]), _date(m["end"])
        except ValueError:
            return f"role {v!r}: not a real date"
        if start and end and end < start:
            return f"role {v!r}: ends before it starts"
    return None
