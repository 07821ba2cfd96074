"""Actor mentions: every place a gazetteer actor is named, resolved, with offsets into the text."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import SettingsError
from ..matching import Dictionary
from .gazetteer import Gazetteer, load_gazetteer

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["find_actors", "MENTION_COLUMNS", "dictionary_for"]

MENTION_COLUMNS = ["doc_id", "unit_id", "paragraph_id", "field", "start", "end", "token",
                   "surface", "actor_id", "name", "name_ar", "type", "country", "resolved_by"]
_UNITS = ("sentence", "paragraph", "document")


@functools.lru_cache(maxsize=8)
def _bundled() -> Gazetteer:
    return load_gazetteer()


def dictionary_for(gazetteer: Gazetteer) -> Dictionary:
    """The compiled matcher of a gazetteer: built once, and again when ``entries`` is replaced
    (e.g. filtered), so that it never points at rows of an older table."""
    hit = gazetteer.__dict__.get("_matcher")
    if hit is None or hit[0] is not gazetteer.entries:
        ent = gazetteer.entries
        d = Dictionary(zip(ent["form"], range(len(ent))), normalize=gazetteer.normalize)
        gazetteer.__dict__["_matcher"] = hit = (ent, d)
    return hit[1]


def _pieces(corpus: Corpus, unit: str) -> pd.DataFrame:
    """The stretches of text to scan: one row per unit, with its field and offsets."""
    if unit == "document":
        rows = []
        for doc_id, title, text in zip(corpus.docs["doc_id"],
                                       corpus.docs.get("title", pd.Series([None] * len(corpus))),
                                       corpus.docs["text"]):
            if isinstance(title, str) and title:
                rows.append((doc_id, doc_id, None, "title", 0, len(title), title))
            rows.append((doc_id, doc_id, None, "text", 0, len(text), text))
        return pd.DataFrame(rows, columns=["doc_id", "unit_id", "paragraph_id", "field", "start",
                                           "end", "text"])
    units = corpus.units(unit)
    if unit == "paragraph":
        units = units.assign(paragraph_id=units["unit_id"])
    return units[["doc_id", "unit_id", "paragraph_id", "field", "start", "end", "text"]]


def find_actors(corpus: Corpus, gazetteer: Gazetteer | str | None = None,
                unit: str = "sentence", meta: bool | list[str] = True,
                places: bool = False, *, engine: Any = None, workers: int | None = None,
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
        engine, workers, part_size: run part by part on an engine (``"local"`` worker
            processes, ``"serial"``, ``"dask"`` or a Dask ``Client``); a
            :class:`~corpuskit.store.DiskCorpus` always runs part by part (on local worker
            processes unless told otherwise). Mentions depend on their document alone, so the
            table is the one a whole-corpus call gives.
        out: write the table to this folder part by part (by the workers) and return it as a
            :class:`~corpuskit.parts.TableOnDisk` (``.read()`` gives the DataFrame): for corpora
            whose mention table should not be held in memory.

    Returns:
        A tidy DataFrame (columns :data:`MENTION_COLUMNS`, then metadata): ``start``/``end`` are
        offsets into ``corpus.docs[field]`` (``field`` is ``text`` or ``title``), so
        ``docs.text[start:end]`` is the ``surface`` as written, clitics included; ``token`` is
        the mention's word position in its document (title first). ``resolved_by``: ``exact``
        (the canonical name), ``variant``, ``metonymy``, ``role at date`` (a title resolved to
        its holder at the document's date), ``role (undated)`` / ``role (no holder at date)``
        (kept as a mention of the role: ``actor_id`` ``role:<title>``, type ``role``), or
        ``short form`` (a short form in a document that names the actor in full, or whose rule
        allows it). ``mentions.attrs`` holds the number of units of every size (for
        co-occurrence) and the gazetteer's version and fingerprint.
    """
    if unit not in _UNITS:
        raise SettingsError(f"unit={unit!r}: choose one of {', '.join(_UNITS)}")
    from ..parts import map_parts, wants_parts, write_parts

    if out is not None:
        gz = load_gazetteer(gazetteer) if isinstance(gazetteer, (str, Path)) else gazetteer
        return write_parts(find_actors, corpus, out, "mentions", gz, unit, meta, places,
                           engine=engine, workers=workers, part_size=part_size)
    if wants_parts(corpus, engine):
        gz = load_gazetteer(gazetteer) if isinstance(gazetteer, (str, Path)) else gazetteer
        outs = map_parts(find_actors, corpus, gz, unit, meta, places, engine=engine,
                         workers=workers, part_size=part_size)
        return _concat_mentions(outs)
    if gazetteer is None:
        gaz = _bundled()
    elif isinstance(gazetteer, Gazetteer):
        gaz = gazetteer
    else:
        gaz = load_gazetteer(gazetteer)
    matcher = dictionary_for(gaz)
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

    pieces = _pieces(corpus, unit)
    dates = (dict(zip(corpus.docs["doc_id"], corpus.docs["date"])) if "date" in corpus.docs
             else {})
    texts = dict(zip(corpus.docs["doc_id"], corpus.docs["text"]))
    titles = (dict(zip(corpus.docs["doc_id"], corpus.docs["title"])) if "title" in corpus.docs
              else {})
    raw = _scan(corpus, pieces, matcher)

    rows: list[tuple] = []
    dropped = 0
    by_doc: dict[str, list[tuple]] = defaultdict(list)
    for r in raw:
        by_doc[r[0]].append(r)
    for doc_id, items in by_doc.items():
        date = dates.get(doc_id)
        date = None if date is None or pd.isna(date) else pd.Timestamp(date)
        resolved: list[tuple[tuple, str | None, str]] = []
        full: Counter[str] = Counter()
        seen_at: dict[str, list[int]] = defaultdict(list)   # token positions of full mentions
        shorts: list[tuple[tuple, list[int]]] = []
        for r in items:
            payloads = list(r[8])
            strong = [p for p in payloads if e_kind[p] in ("name", "variant", "metonym")]
            if strong:
                p = min(strong, key=lambda q: ("name", "variant", "metonym").index(e_kind[q]))
                how = {"name": "exact", "variant": "variant", "metonym": "metonymy"}[e_kind[p]]
                resolved.append((r, e_actor[p], how))
                full[e_actor[p]] += 1
                seen_at[e_actor[p]].append(r[6])
                continue
            roles = [p for p in payloads if e_kind[p] == "role"]
            if roles:
                title = e_form[roles[0]]
                if date is None:
                    resolved.append((r, None, f"role (undated):{title}"))
                    continue
                holders = [p for p in roles if (e_from[p] is None or pd.isna(e_from[p])
                                                or e_from[p] <= date)
                           and (e_to[p] is None or pd.isna(e_to[p]) or date <= e_to[p])]
                if holders:
                    resolved.append((r, e_actor[holders[0]], "role at date"))
                    full[e_actor[holders[0]]] += 1
                    seen_at[e_actor[holders[0]]].append(r[6])
                else:
                    resolved.append((r, None, f"role (no holder at date):{title}"))
                # an organization named inside the title (رئيس الائتلاف الوطني السوري) is
                # not a mention of its own, but licenses its short forms (الائتلاف) later on
                for inner in _named_inside(r, texts, titles, matcher, e_kind, e_actor):
                    seen_at[inner].append(r[6])
                continue
            shorts.append((r, [p for p in payloads if e_kind[p] == "short"]))
        countries: Counter[str] = Counter()
        for a, k in full.items():
            if country_of.get(a):
                countries[country_of[a]] += k
        for r, cands in shorts:
            named = [p for p in cands if e_actor[p] in seen_at]
            if named:
                # the actor last named in full before the short form; if none was named before
                # it, the one named most often (ties: the gazetteer's order)
                ranked = [(max((t for t in seen_at[e_actor[q]] if t < r[6]), default=-1),
                           full[e_actor[q]], -q) for q in named]
                p = named[ranked.index(max(ranked))]
                resolved.append((r, e_actor[p], "short form"))
                continue
            # A rule {country}: the form counts where the document mentions the actor's country;
            # if several actors claim it, the one whose country the document mentions most.
            ruled = [p for p in cands if e_rule[p] == "country"
                     and countries.get(country_of.get(e_actor[p]), 0) > 0]
            if ruled:
                ranked = sorted({e_actor[p] for p in ruled},
                                key=lambda a: -countries[country_of.get(a)])
                if len(ranked) == 1 or (countries[country_of.get(ranked[0])]
                                        > countries[country_of.get(ranked[1])]):
                    resolved.append((r, ranked[0], "short form"))
                    continue
            dropped += 1
        resolved = _merge_adjacent(resolved, texts, titles)
        for r, aid, how in resolved:
            if aid is None:
                how, title = how.split(":", 1)
                key = "role:" + title
                rows.append((*r[:8], key, title, title, "role", None, how))
            else:
                rows.append((*r[:8], aid, *info[aid], how))
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    if not places:
        out = out[out["type"] != "place"].reset_index(drop=True)
    if len(out) and out["surface"].isna().any():  # merged spans: their text as written
        docs = corpus.docs.set_index("doc_id")
        gone = out["surface"].isna().to_numpy()
        out.loc[gone, "surface"] = [docs.at[d, f][a:b] for d, f, a, b in
                                    out.loc[gone, ["doc_id", "field", "start", "end"]]
                                    .itertuples(index=False)]
    out = out.sort_values(["doc_id", "token"], kind="stable").reset_index(drop=True)
    order = {d: i for i, d in enumerate(corpus.docs["doc_id"])}
    out = out.iloc[np.argsort(out["doc_id"].map(order).to_numpy(), kind="stable")]
    out = out.reset_index(drop=True)
    out["start"] = out["start"].astype("int64")
    out["end"] = out["end"].astype("int64")
    out["token"] = out["token"].astype("int64")
    if meta:
        cols = [c for c in (["date", "source"] if meta is True else list(meta))
                if c in corpus.docs]
        if cols:
            out = out.merge(corpus.docs[["doc_id", *cols]], on="doc_id", how="left")
    out.attrs.update(_unit_counts(corpus, unit, pieces))
    out.attrs["gazetteer"] = {"version": gaz.version, "fingerprint": gaz.fingerprint,
                              "actors": len(gaz.actors)}
    out.attrs["dropped_short_forms"] = dropped
    return out


def _named_inside(r: tuple, texts: dict, titles: dict, matcher: Dictionary,
                  e_kind: np.ndarray, e_actor: np.ndarray) -> list[str]:
    """Actors named by full name or variant inside a matched role title, after its first word
    (رئيس الائتلاف الوطني السوري → the Coalition)."""
    value = (titles if r[3] == "title" else texts).get(r[0])
    if not isinstance(value, str):
        return []
    span = value[r[4]:r[5]]
    cut = span.find(" ")
    if cut < 0:
        return []
    found = []
    for m in matcher.finditer(span[cut + 1:]):
        found += [e_actor[p] for p in m.payloads if e_kind[p] in ("name", "variant")]
    return list(dict.fromkeys(found))


def _scan(corpus: Corpus, pieces: pd.DataFrame, matcher: Dictionary) -> list[tuple]:
    """Raw matches: each document field is tokenized and matched once; every match is then
    given to the unit that holds its first character."""
    from bisect import bisect_right

    raw: list[tuple] = []
    docs = corpus.docs
    titles = docs["title"].tolist() if "title" in docs else [None] * len(docs)
    # Units of each document and field, as plain lists (pieces come in document order).
    where: dict[tuple[str, str], tuple[list, list, list, list]] = {}
    for d, f, a, b, u, p in zip(pieces["doc_id"].tolist(), pieces["field"].tolist(),
                                pieces["start"].tolist(), pieces["end"].tolist(),
                                pieces["unit_id"].tolist(), pieces["paragraph_id"].tolist()):
        slot = where.get((d, f))
        if slot is None:
            slot = where[(d, f)] = ([], [], [], [])
        slot[0].append(a)
        slot[1].append(b)
        slot[2].append(u)
        slot[3].append(p)
    tokens, finditer = matcher.tokens, matcher.finditer
    for doc_id, title, text in zip(docs["doc_id"].tolist(), titles, docs["text"].tolist()):
        base = 0
        for field, value in (("title", title), ("text", text)):
            if not isinstance(value, str) or not value:
                continue
            slot = where.get((doc_id, field))
            toks = tokens(value)
            if slot is not None:
                starts, ends, uid, para = slot
                for m in finditer(value, toks):
                    k = bisect_right(starts, m.start) - 1
                    if k < 0 or m.start >= ends[k]:
                        continue  # between units (e.g. a heading line left out of units)
                    raw.append((doc_id, uid[k], para[k], field, m.start, m.end, base + m.first,
                                value[m.start:m.end], m.payloads, m.last - m.first))
            base += len(toks)
    return raw


def _merge_adjacent(resolved: list[tuple], texts: dict | None = None,
                    titles: dict | None = None) -> list[tuple]:
    """One mention where a role title runs straight into the name of the same person
    (وزير الخارجية الروسي سيرغي لافروف): adjacent matches of one actor in one unit (a space or
    a comma between) merge. Side by side but not one mention: a name and its abbreviation in
    brackets or quotes (... (سانا)), a capital and its state (القاهرة ومصر)."""
    resolved = sorted(resolved, key=lambda x: (x[0][1], x[0][6]))
    out: list[tuple] = []
    for r, aid, how in resolved:
        if out and aid is not None:
            pr, paid, phow = out[-1]
            n_prev = pr[9]
            if paid == aid and "metonymy" not in (phow, how) and pr[1] == r[1] \
                    and pr[3] == r[3] and pr[6] + n_prev == r[6]:
                value = ((titles if r[3] == "title" else texts) or {}).get(r[0])
                gap = value[pr[5]:r[4]] if isinstance(value, str) else " "
                if 0 <= r[4] - pr[5] <= 3 and not set(gap) & set("()[]«»\"'"):
                    merged = (pr[0], pr[1], pr[2], pr[3], pr[4], r[5], pr[6], None, pr[8],
                              pr[9] + r[9])
                    keep = phow if phow.startswith("role") else how
                    out[-1] = (merged, aid, keep)
                    continue
        out.append((r, aid, how))
    return out


def _concat_mentions(outs: list[pd.DataFrame]) -> pd.DataFrame:
    """The mention tables of a corpus' parts as one, with their unit counts put together."""
    out = pd.concat(outs, ignore_index=True)
    first = outs[0].attrs
    units: dict[str, list] = {k: [] for k in first["units"]}
    for o in outs:
        for k in units:
            units[k] += o.attrs["units"][k]
    out.attrs = {"unit": first["unit"], "units": units, "gazetteer": first["gazetteer"],
                 "dropped_short_forms": sum(o.attrs["dropped_short_forms"] for o in outs)}
    return out


def _unit_counts(corpus: Corpus, unit: str, pieces: pd.DataFrame) -> dict:
    """Units per document at every size this table can be counted at, for co-occurrence's
    expected counts (units with no mention count too)."""
    per_doc = pd.DataFrame({"doc_id": corpus.docs["doc_id"].to_numpy()})
    for col in ("date", "source"):
        if col in corpus.docs:
            per_doc[col] = corpus.docs[col].to_numpy()
    n = pieces.groupby("doc_id", sort=False).size()
    if unit == "sentence":
        per_doc["sentence"] = per_doc["doc_id"].map(n).fillna(0).astype(int).to_numpy()
        paras = pieces.groupby("doc_id", sort=False)["paragraph_id"].nunique()
        per_doc["paragraph"] = per_doc["doc_id"].map(paras).fillna(0).astype(int).to_numpy()
    elif unit == "paragraph":
        per_doc["paragraph"] = per_doc["doc_id"].map(n).fillna(0).astype(int).to_numpy()
    per_doc["document"] = 1
    # attrs hold plain lists, not a DataFrame: pandas compares attrs when tables are combined
    return {"unit": unit, "units": {c: per_doc[c].tolist() for c in per_doc.columns}}
