"""The held-out actor sets drawn from stored public web pages (13 onwards), step by step.

The paragraphs' text is never shipped: it lives in a work folder outside the repository
(``WORK``, e.g. ``/tmp/h52``), and what is stored under ``data/annotations/`` holds addresses,
paragraph hashes, offsets and span hashes only. A set is made in this order (collectors, two
coders and an adjudicator are people or helpers who never see the gazetteer, the matcher or
its output; see ``README.md`` in this folder)::

    python data/annotations/page_sets.py build N WORK      # collected_*.jsonl -> records.json,
                                                            # items.csv, paragraphs.jsonl
    # two coders, apart: WORK/annotation_a.jsonl, WORK/annotation_b.jsonl (ACTOR_GUIDELINES.md)
    python data/annotations/page_sets.py store N WORK      # -> ..._coder_a/_coder_b.jsonl
    python data/annotations/page_sets.py agree N WORK      # agreement, WORK/name_pairs.tsv and
                                                            # WORK/to_adjudicate.json
    # optional: WORK/same.json {"B's name": "A's name"} for spellings of one actor, then
    python data/annotations/page_sets.py same N WORK       # B's names made A's; agree again
    # the adjudicator: WORK/decisions.jsonl, one {"id", "decision", "rule"[, "actor", "type"]}
    python data/annotations/page_sets.py merge N WORK      # -> ..._adjudication.jsonl, gold
    python data/annotations/page_sets.py unmapped N WORK   # gold names without a map row
    python data/annotations/page_sets.py score N WORK      # once: P, R (also each page as
                                                            # one document), errors_N.csv
    python data/annotations/page_sets.py misses N WORK     # then, for a gazetteer round on the
                                                            # set: WORK/misses.md

The helpers' briefs are in ``page_set_briefs/``.

``score`` loads ``records.json`` as a corpus (one document per paragraph, its address and,
where the page showed one, its date) and compares ``find_actors(corpus, unit="paragraph")``
with the gold through ``actors_gold_map.csv``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
GOLD_MAP = HERE / "actors_gold_map.csv"
SAUDI = ("alriyadh", "alwatan.com.sa", "okaz", "al-madina", "almadina", "sabq", "al-jazirah",
         "aljazirah", "aawsat", "elaph", "alarabiya", "sauress", "alyaum", "albiladdaily",
         "makkahnewspaper", "argaam", "spa.gov.sa", "saudigazette", "arabnews")


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _write_lines(path: Path, recs: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs),
                    encoding="utf-8")


def _hash(text: str) -> str:
    return hashlib.blake2b(text.strip().encode(), digest_size=8).hexdigest()


def site(url: str) -> str:
    """A page's site: its host without www./m./ar. and subdomains (example.com.eg kept whole)."""
    host = (urlsplit(url).hostname or "").lower()
    parts = [p for p in host.split(".") if p]
    keep = 3 if len(parts) >= 3 and parts[-2] in {"com", "net", "org", "gov", "co", "edu",
                                                    "info"} else 2
    return ".".join(parts[-keep:])


def _stem(n: int) -> str:
    return f"actors_pages_heldout{n}"


def _corpus(work: Path):  # noqa: ANN202
    import corpuskit as ck

    return ck.load_corpus(work / "records.json", progress=False, engine="serial")


def build(n: int, work: Path) -> None:
    """Check and number the collected paragraphs; write the corpus records, the items and the
    coders' worksheet."""
    used = set()
    for p in HERE.glob("actors_pages_heldout*.jsonl"):
        if re.fullmatch(r"actors_pages_heldout\d+\.jsonl", p.name):
            used |= {r["url"] for r in _lines(p)}
    kept, dropped = [], defaultdict(int)
    per_page: dict[str, int] = defaultdict(int)
    pages_of_site: dict[str, set] = defaultdict(set)
    texts = set()
    for f in sorted(work.glob("collected_*.jsonl")):
        for r in _lines(f):
            text = " ".join(str(r.get("text") or "").split())
            url = str(r.get("url") or "").strip()
            s = site(url)
            words = len(text.split())
            why = ("no address" if not url.startswith("http") else
                   "used in an earlier set" if url in used else
                   "Saudi site" if any(k in url.lower() for k in SAUDI) else
                   f"{words} words" if not 15 <= words <= 200 else
                   "repeated text" if text in texts else
                   "fourth paragraph of a page" if per_page[url] >= 3 else
                   "third page of a site" if url not in pages_of_site[s]
                   and len(pages_of_site[s]) >= 2 else None)
            if why:
                dropped[why] += 1
                continue
            texts.add(text)
            per_page[url] += 1
            pages_of_site[s].add(url)
            date = r.get("date") or None
            kept.append({"text": text, "url": url, "date": date, "source": s,
                         "collector": f.stem.split("_")[-1]})
    for i, r in enumerate(kept, 1):
        r["item"] = f"h{n}_{i:04d}"
    (work / "records.json").write_text(json.dumps(
        [{k: r[k] for k in ("item", "text", "url", "date", "source")} for r in kept],
        ensure_ascii=False, indent=0), encoding="utf-8")
    corpus = _corpus(work)
    docs = corpus.docs.set_index("item")
    units = corpus.units("paragraph")
    items, sheet = [], []
    for r in kept:
        if r["item"] not in docs.index:
            dropped["not loaded (see the corpus report)"] += 1
            continue
        doc_id = docs.loc[r["item"], "doc_id"]
        u = units[units["doc_id"] == doc_id]
        if len(u) != 1 or u["text"].iloc[0].strip() != r["text"]:
            dropped["not one paragraph"] += 1
            continue
        items.append({"item": r["item"], "url": r["url"], "doc_id": doc_id,
                      "unit_id": u["unit_id"].iloc[0], "hash": _hash(r["text"]),
                      "date": r["date"] or ""})
        when = docs.loc[r["item"], "date"]   # the collector's date, else the address's
        sheet.append({"item": r["item"], "date": None if when is None or when != when
                      else str(when)[:10], "text": r["text"]})
    with open(work / "items.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(items[0]))
        w.writeheader()
        w.writerows(items)
    _write_lines(work / "paragraphs.jsonl", sheet)
    dated = sum(bool(i["date"]) for i in items)
    url_dated = int((corpus.docs["date_field"] == "url").sum())
    print(f"{len(items)} paragraphs from {len({i['url'] for i in items})} pages of "
          f"{len({site(i['url']) for i in items})} sites; {dated} dated by their collectors, "
          f"{url_dated} more by their address; dropped: {dict(dropped)}")


def _items(work: Path) -> dict[str, dict]:
    with open(work / "items.csv", encoding="utf-8", newline="") as fh:
        return {r["item"]: r for r in csv.DictReader(fh)}


def store(n: int, work: Path) -> None:
    """The coders' worksheets (surface + occurrence) as stored offsets and span hashes."""
    sys.path.insert(0, str(HERE))
    from store_offsets import _find   # a surface's n-th occurrence, as for the other sets

    from corpuskit.actors.evaluate import span_hash

    refs = _items(work)
    texts = {r["item"]: r["text"] for r in _lines(work / "paragraphs.jsonl")}
    for coder in ("a", "b"):
        src = work / f"annotation_{coder}.jsonl"
        recs = {r["item"]: r for r in _lines(src)}
        if set(recs) != set(refs):
            raise SystemExit(f"{src}: {len(recs)} items, {len(refs)} drawn; missing "
                             f"{sorted(set(refs) - set(recs))[:5]}")
        out = []
        for item, ref in refs.items():
            text = texts[item]
            ms = []
            for m in recs[item]["mentions"]:
                a, b = _find(text, m, f"{src} {item}")
                ms.append({"start": a, "end": b, "sha": span_hash(text[a:b]),
                           "actor": m["actor"], "type": m["type"],
                           "metonymy": bool(m.get("metonymy", False))})
            out.append({"item": item, "url": ref["url"], "doc_id": ref["doc_id"],
                        "unit_id": ref["unit_id"], "hash": ref["hash"], "mentions": ms})
        _write_lines(HERE / f"{_stem(n)}_coder_{coder}.jsonl", out)
        print(f"coder {coder}: {sum(len(r['mentions']) for r in out)} mentions")
        for r in out:   # an occurrence counted inside a longer word (مالي in شمالي)
            text = texts[r["item"]]
            for m in r["mentions"]:
                if _inside_word(text, m["start"]):
                    print(f"  check {r['item']}: {text[m['start']:m['end']]!r} at {m['start']} "
                          f"begins inside a word ({text[max(0, m['start'] - 12):m['end']]!r})")


def _inside_word(text: str, start: int) -> bool:
    """Whether a span begins after a letter that is not a one-letter proclitic (و، ف، ب، ل، ك)
    standing alone or after another proclitic: مالي inside شمالي, not مالي in ومالي."""
    if start == 0 or not text[start - 1].isalpha():
        return False
    k = start
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return not all(c in "وفبلك" for c in text[k:start]) or start - k > 2


def _mapping() -> dict[str, str]:
    with open(GOLD_MAP, encoding="utf-8", newline="") as fh:
        return {r["gold_actor"]: r["actor_id"] for r in csv.DictReader(fh)}


def _aid(name: str, mapping: dict[str, str]) -> str:
    return mapping.get(name) or f"gold:{name}"


def _pairs(a: list[dict], b: list[dict]) -> tuple[list, list, list]:
    """Greedy overlap matching of two coders' mentions of one paragraph (A in order): matched
    pairs, A's unmatched, B's unmatched."""
    used, pairs, only_a = set(), [], []
    for x in a:
        hit = next((j for j, y in enumerate(b) if j not in used
                    and x["start"] < y["end"] and y["start"] < x["end"]), None)
        if hit is None:
            only_a.append(x)
        else:
            used.add(hit)
            pairs.append((x, b[hit]))
    return pairs, only_a, [y for j, y in enumerate(b) if j not in used]


def agree(n: int, work: Path) -> None:
    """Span agreement and span-and-actor agreement (F1), the names the coders gave the same
    spans, and the disagreements for the adjudicator."""
    mapping = _mapping()
    a = {r["item"]: r for r in _lines(HERE / f"{_stem(n)}_coder_a.jsonl")}
    b = {r["item"]: r for r in _lines(HERE / f"{_stem(n)}_coder_b.jsonl")}
    texts = {r["item"]: r["text"] for r in _lines(work / "paragraphs.jsonl")}
    n_a = sum(len(r["mentions"]) for r in a.values())
    n_b = sum(len(r["mentions"]) for r in b.values())
    span = same = 0
    names: dict[tuple[str, str], int] = defaultdict(int)
    todo = []
    for item in a:
        pairs, only_a, only_b = _pairs(a[item]["mentions"], b[item]["mentions"])
        text = texts[item]

        def show(m: dict, text: str = text) -> dict:
            # where the mention is: which occurrence of its surface, and its words around it
            # (an adjudicator who sees only the surface cannot tell two coders' copies apart)
            a, b = m["start"], m["end"]
            surface = text[a:b]
            return {"surface": surface, "occurrence": text[:a].count(surface) + 1,
                    "context": f"…{text[max(0, a - 60):a]}[[{surface}]]{text[b:b + 40]}…",
                    "actor": m["actor"], "type": m["type"]}

        for x, y in pairs:
            span += 1
            if _aid(x["actor"], mapping) == _aid(y["actor"], mapping):
                same += 1
            else:
                names[(y["actor"], x["actor"])] += 1
                todo.append({"item": item, "kind": "different actor", "A": show(x),
                             "B": show(y)})
        todo += [{"item": item, "kind": "only A", "A": show(x), "B": None} for x in only_a]
        todo += [{"item": item, "kind": "only B", "A": None, "B": show(y)} for y in only_b]
    for i, d in enumerate(todo, 1):
        d["id"] = f"d{i:03d}"
        d["text"] = texts[d["item"]]
    (work / "to_adjudicate.json").write_text(json.dumps(todo, ensure_ascii=False, indent=1),
                                             encoding="utf-8")
    with open(work / "name_pairs.tsv", "w", encoding="utf-8") as fh:
        for (nb, na), c in sorted(names.items(), key=lambda kv: -kv[1]):
            fh.write(f"{c}\t{nb}\t{na}\n")
    print(f"A {n_a}, B {n_b} mentions; span F1 {2 * span / (n_a + n_b):.3f}, span and actor "
          f"{2 * same / (n_a + n_b):.3f}; {len(todo)} disagreements "
          f"({sum(d['kind'] == 'different actor' for d in todo)} different actors, "
          f"{sum(d['kind'] == 'only A' for d in todo)} only A, "
          f"{sum(d['kind'] == 'only B' for d in todo)} only B)")


def same(n: int, work: Path) -> None:
    """Make coder B's spellings of an actor coder A's (``same.json``: B's name -> A's)."""
    renames = json.loads((work / "same.json").read_text(encoding="utf-8"))
    path = HERE / f"{_stem(n)}_coder_b.jsonl"
    recs = _lines(path)
    k = 0
    for r in recs:
        for m in r["mentions"]:
            if m["actor"] in renames:
                m["actor"] = renames[m["actor"]]
                k += 1
    _write_lines(path, recs)
    print(f"{k} of coder B's mentions renamed ({len(renames)} names)")


def _one_span_per_actor(ms: list[dict]) -> tuple[list[dict], int]:
    """A mention inside (or on) another kept mention of the same actor is one mention: an
    "only A" span kept beside the longer span a "different actor" decision gave B's reading
    (set 62: الشيخ ... وهاب and وهاب) counted the person twice. Different actors on one span
    (8 و14 آذار: the March 8 and March 14 alliances) stay."""
    keep: list[dict] = []
    for m in sorted(ms, key=lambda m: (m["start"] - m["end"], m["start"])):   # longest first
        if not any(k["actor"] == m["actor"] and k["start"] <= m["start"] and m["end"] <= k["end"]
                   for k in keep):
            keep.append(m)
    keep.sort(key=lambda m: (m["start"], m["end"]))
    return keep, len(ms) - len(keep)


def merge(n: int, work: Path) -> None:
    """The adjudicator's decisions applied to coder A's annotation: the gold file."""
    from corpuskit.actors.evaluate import span_hash

    todo = {d["id"]: d for d in json.loads((work / "to_adjudicate.json").read_text("utf-8"))}
    decisions = {d["id"]: d for d in _lines(work / "decisions.jsonl")}
    if set(decisions) != set(todo):
        raise SystemExit(f"decisions for {len(decisions)} of {len(todo)} disagreements; "
                         f"missing {sorted(set(todo) - set(decisions))[:5]}")
    a = _lines(HERE / f"{_stem(n)}_coder_a.jsonl")
    b = {r["item"]: r for r in _lines(HERE / f"{_stem(n)}_coder_b.jsonl")}
    texts = {r["item"]: r["text"] for r in _lines(work / "paragraphs.jsonl")}
    stored = []
    by_item: dict[str, list] = defaultdict(list)
    for i, d in todo.items():
        dec = decisions[i]
        if dec["decision"] not in ("A", "B", "C", "other", "neither"):
            raise SystemExit(f"{i}: decision {dec['decision']!r}")
        rec = {k: d[k] for k in ("id", "item", "kind", "A", "B")}
        rec["decision"], rec["rule"] = dec["decision"], dec.get("rule", "")
        if dec["decision"] in ("C", "other"):
            rec["actor"], rec["type"] = dec["actor"], dec["type"]
        stored.append(rec)
        by_item[d["item"]].append(rec)

    def find(ms: list[dict], item: str, m: dict | None) -> dict | None:
        if m is None:
            return None
        text = texts[item]
        hit = next((x for x in ms if text[x["start"]:x["end"]] == m["surface"]
                    and x["actor"] == m["actor"] and x["type"] == m["type"]), None)
        if hit is None:   # a coder's file changed after `agree` wrote the disagreements
            raise SystemExit(f"{item}: {m['surface']!r} ({m['actor']}) is no longer in the "
                             "coder's file; run `agree` again before `merge`")
        return hit

    gold = []
    repeats = 0
    for r in a:
        item, ms = r["item"], [dict(m) for m in r["mentions"]]
        for rec in by_item.get(item, []):
            x = find(ms, item, rec["A"])
            y = find(b[item]["mentions"], item, rec["B"])
            dec = rec["decision"]
            if rec["kind"] == "only A" and dec != "A":
                ms.remove(x)
            elif rec["kind"] == "only B" and dec == "B":
                ms.append(dict(y))
            elif rec["kind"] == "different actor":
                if dec == "neither":
                    ms.remove(x)
                elif dec == "B":
                    x.update(start=y["start"], end=y["end"], sha=y["sha"], actor=y["actor"],
                             type=y["type"], metonymy=y["metonymy"])
                elif dec in ("C", "other"):
                    x.update(actor=rec["actor"], type=rec["type"])
        ms.sort(key=lambda m: (m["start"], m["end"]))
        ms, dup = _one_span_per_actor(ms)
        repeats += dup
        for m in ms:
            assert m["sha"] == span_hash(texts[item][m["start"]:m["end"]])
        gold.append({**{k: r[k] for k in ("item", "url", "doc_id", "unit_id", "hash")},
                     "mentions": ms})
    _write_lines(HERE / f"{_stem(n)}_adjudication.jsonl", stored)
    _write_lines(HERE / f"{_stem(n)}.jsonl", gold)
    count = defaultdict(int)
    for rec in stored:
        count[(rec["kind"], rec["decision"])] += 1
    print(f"{sum(len(r['mentions']) for r in gold)} gold mentions ({repeats} repeats of an actor "
          f"inside its own longer span left out); decisions {dict(count)}")


def unmapped(n: int, work: Path) -> None:
    """Gold names with no row in the gold map, with their counts and the gazetteer actors whose
    English names are closest (for a person to check before mapping by identity)."""
    import difflib

    import corpuskit as ck

    mapping = _mapping()
    count: dict[str, int] = defaultdict(int)
    kind = {}
    for r in _lines(HERE / f"{_stem(n)}.jsonl"):
        for m in r["mentions"]:
            if m["actor"] not in mapping:
                count[m["actor"]] += 1
                kind[m["actor"]] = m["type"]
    actors = ck.load_gazetteer().actors
    by_name = dict(zip(actors["name_en"], actors["actor_id"]))
    names = list(by_name)
    with open(work / "unmapped.tsv", "w", encoding="utf-8") as fh:
        for name, c in sorted(count.items(), key=lambda kv: -kv[1]):
            exact = by_name.get(name, "")
            close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
            fh.write(f"{name}\t{kind[name]}\t{c}\t{exact}\t"
                     + "; ".join(f"{x}={by_name[x]}" for x in close) + "\n")
    print(f"{len(count)} names without a map row ({sum(count.values())} mentions); "
          f"{sum(1 for x in count if x in by_name)} match a gazetteer name exactly: "
          f"{work / 'unmapped.tsv'}")


def add_map(rows: list[tuple[str, str]]) -> None:
    """Append ``(gold name, actor id or "")`` rows to the gold map (ids checked)."""
    import corpuskit as ck

    ids = set(ck.load_gazetteer().actors["actor_id"])
    have = _mapping()
    with open(GOLD_MAP, "a", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        for name, aid in rows:
            if name in have:
                continue
            if aid and aid not in ids:
                raise SystemExit(f"{aid}: no such actor")
            w.writerow([name, aid])
            have[name] = aid


def _page_predictions(corpus, unlisted: bool = False):  # noqa: ANN001, ANN202
    """``find_actors`` with each page's paragraphs (in item order, blank lines between) as one
    document, as a researcher's corpus holds whole articles, its mentions mapped back to the
    one-paragraph documents the gold is written on (a mention across two paragraphs is
    dropped). The coders read each paragraph alone, but knew the story; a surname alone
    (خدام، بوش) counts only where its document names the person in full, which a paragraph
    often leaves to another paragraph of its page."""
    import pandas as pd

    import corpuskit as ck

    docs = corpus.docs.sort_values("item")
    unit_of = corpus.units("paragraph").drop_duplicates("doc_id").set_index("doc_id")["unit_id"]
    rows, spans = [], []
    for url, g in docs.groupby("url", sort=False):
        page = f"page{len(rows):04d}"
        off, texts = 0, []
        for doc_id, text in zip(g["doc_id"], g["text"]):
            spans.append((page, off, off + len(text), doc_id))
            texts.append(text)
            off += len(text) + 2
        dates = g["date"].dropna()
        rows.append({"doc_id": page, "title": None, "text": "\n\n".join(texts), "url": url,
                     "date": dates.iloc[0] if len(dates) else None})
    frame = pd.DataFrame(rows)
    frame["date"] = pd.to_datetime(frame["date"])
    pred = ck.find_actors(ck.Corpus(frame), unit="paragraph", unlisted=unlisted)
    spans_of = defaultdict(list)
    for page, a, b, doc_id in spans:
        spans_of[page].append((a, b, doc_id))
    keep, doc_ids, starts, ends = [], [], [], []
    for i, (page, a, b) in enumerate(zip(pred["doc_id"], pred["start"], pred["end"])):
        for lo, hi, doc_id in spans_of[page]:
            if lo <= a and b <= hi:
                keep.append(i)
                doc_ids.append(doc_id)
                starts.append(a - lo)
                ends.append(b - lo)
                break
    out = pred.iloc[keep].copy()
    out["doc_id"], out["start"], out["end"] = doc_ids, starts, ends
    out["unit_id"] = [unit_of[d] for d in doc_ids]
    return out.reset_index(drop=True)


def _line(label: str, res: dict, listed) -> str:  # noqa: ANN001
    """One line of :func:`score`: P, R, F1, counts and the recall of the actors the gazetteer
    lists (their missed gold mentions against all of theirs)."""
    s = res["scores"].set_index("type").loc["all"]
    errs = res["errors"]
    missed = errs[(errs["error"] == "false negative")
                  & ~errs["actor_id"].astype(str).str.startswith("gold:")]
    return (f"{label}: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} "
            f"(predicted {int(s['predicted'])}, correct {int(s['correct'])}); listed recall "
            f"{1 - len(missed) / max(int(listed.sum()), 1):.3f}")


def score(n: int, work: Path) -> None:
    """Precision and recall of find_actors on the set (by default, with each page's paragraphs
    read as one document, and with unlisted=True); writes errors_<n>.csv in WORK."""
    import corpuskit as ck
    from corpuskit.actors.evaluate import evaluate_mentions, load_mention_annotations

    corpus = _corpus(work)
    gold = load_mention_annotations(HERE / f"{_stem(n)}.jsonl", corpus, mapping=GOLD_MAP)
    listed = ~gold["actor_id"].str.startswith("gold:")
    print(f"{len(gold)} gold mentions, {int((~listed).sum())} ({(~listed).mean():.0%}) of "
          "actors the gazetteer lacks")
    for unlisted in (False, True):
        pred = ck.find_actors(corpus, unit="paragraph", unlisted=unlisted)
        res = evaluate_mentions(pred, gold)
        errs = res["errors"]
        print(_line(f"unlisted={unlisted}", res, listed))
        if not unlisted:
            ign = evaluate_mentions(pred, gold, nested="ignore")["scores"].set_index("type")
            print(f"  precision with nested='ignore': {ign.loc['all', 'precision']:.3f}")
            if "in_title" in pred:
                t = evaluate_mentions(pred[~pred["in_title"].astype(bool)], gold)["scores"]
                t = t.set_index("type").loc["all"]
                print(f"  in_title dropped: P {t['precision']:.3f} R {t['recall']:.3f}")
            errs.to_csv(work / f"errors_{n}.csv", index=False)
            print(res["scores"].to_string(index=False))
            # the same gold, each page's paragraphs read as one document (as in use)
            print(_line("whole pages as documents",
                        evaluate_mentions(_page_predictions(corpus), gold), listed))


def misses(n: int, work: Path) -> None:
    """What ``score`` found missing, for the helper of a gazetteer round on the set (now
    development data): the actors the gazetteer lacks with the surfaces the coders marked and
    some context, and the missed mentions of listed actors with their context and the page's
    date. Writes WORK/misses.md."""
    import corpuskit as ck

    sheet = _lines(work / "paragraphs.jsonl")
    texts = {r["item"]: r["text"] for r in sheet}
    dates = {r["item"]: r["date"] for r in sheet}
    mapping = _mapping()
    names = dict(zip(*(lambda a: (a["actor_id"], a["name_en"]))(ck.load_gazetteer().actors)))
    with open(work / f"errors_{n}.csv", encoding="utf-8", newline="") as fh:
        errs = [r for r in csv.DictReader(fh) if r["error"] == "false negative"]
    if errs and "start" in errs[0]:
        # which copy of a repeated surface was missed: the copies before it in its document
        # (an errors file without offsets lists every copy of a surface missed once)
        docs = _corpus(work).docs
        doc_text = dict(zip(docs["doc_id"], docs["text"]))
        missed = {(r["unit_id"], r["surface"],
                   doc_text[r["unit_id"].split(":")[0]].count(r["surface"], 0, int(r["start"])))
                  for r in errs}
    else:
        missed = {(r["unit_id"], r["surface"], None) for r in errs}
    copies = "start" in (errs[0] if errs else {})
    lacks: dict[str, dict] = {}
    listed = []
    for r in _lines(HERE / f"{_stem(n)}.jsonl"):
        t = texts[r["item"]]
        for m in r["mentions"]:
            surface = t[m["start"]:m["end"]]
            context = t[max(0, m["start"] - 80):m["end"] + 80].replace("\n", " ")
            aid = mapping.get(m["actor"]) or ""
            if not aid:
                d = lacks.setdefault(m["actor"], {"type": m["type"], "surfaces": defaultdict(int),
                                                  "context": []})
                d["surfaces"][surface] += 1
                if len(d["context"]) < 2:
                    d["context"].append(context)
            elif (r["unit_id"], surface,
                  t.count(surface, 0, m["start"]) if copies else None) in missed:
                listed.append((aid, names.get(aid, "?"), surface, dates[r["item"]], context))
    out = [f"# What the matcher missed on development set {n}\n",
           "## A. Actors the gazetteer lacks (gold name, type, mentions, surfaces as written, "
           "context)\n"]
    for name, d in sorted(lacks.items(), key=lambda kv: -sum(kv[1]["surfaces"].values())):
        out.append(f"- **{name}** ({d['type']}, {sum(d['surfaces'].values())}): "
                   + " | ".join(f"{x} ×{c}" for x, c in d["surfaces"].items()))
        out += [f"    - …{c}…" for c in d["context"]]
    out.append("\n## B. Listed actors missed (actor_id, English name, surface as written, page "
               "date, context)\n")
    out += [f"- `{a}` {nm}: **{x}** (date {dt}) …{c}…" for a, nm, x, dt, c in listed]
    (work / "misses.md").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{work / 'misses.md'}: {len(lacks)} actors the gazetteer lacks, {len(listed)} missed "
          "mentions of listed ones")


if __name__ == "__main__":
    steps = {"build": build, "store": store, "agree": agree, "same": same, "merge": merge,
             "unmapped": unmapped, "score": score, "misses": misses}
    if len(sys.argv) != 4 or sys.argv[1] not in steps:
        raise SystemExit(__doc__)
    steps[sys.argv[1]](int(sys.argv[2]), Path(sys.argv[3]))
