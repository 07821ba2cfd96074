"""``corpuskit study``: one command from a corpus to a report, and ``corpuskit verify``.

A study runs load → topics → actors → framing with recorded settings and seeds, writes every
table as CSV (and Parquet), every figure as PNG (and SVG), the networks as GEXF, a
self-contained HTML report, and ``manifest.json``: the inputs with their hashes, every
setting, the library versions, the gazetteer's and the lexicon's versions and hashes, and the
SHA-256 of every table. :func:`verify` re-runs the study a manifest records and says, table by
table, whether the result is identical, naming any input, setting or version that changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import tempfile
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from .._versions import library_versions
from ..errors import InputError, SettingsError

__all__ = ["StudySettings", "run_study", "verify", "default_inputs"]

MANIFEST = "manifest.json"


@dataclasses.dataclass
class StudySettings:
    """Everything a study's results depend on besides its inputs and library versions."""

    k: int | None = None               # topics; None: chosen among K_CHOICES by coherence
    k_choices: tuple[int, ...] = (4, 6, 8)
    unit: str = "paragraph"            # framing unit
    cooccurrence_unit: str = "paragraph"
    weight: str = "llr"
    min_count: int = 3
    time_bin: str = "quarter"
    by: str = "source"
    seed: int = 0
    n_boot: int = 300
    gazetteer: str | None = None
    lexicon: str | None = None

    def as_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["k_choices"] = list(self.k_choices)
        return d


def default_inputs() -> list[Path]:
    """The bundled sample corpus and the seed article, found from the current folder (a clone
    of corpuskit) or next to the installed package."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        sample, seeds = base / "data" / "sample", base / "seeds"
        if sample.is_dir() and seeds.is_dir():
            return [sample, seeds]
    raise InputError("no input paths given and the bundled data/sample and seeds/ folders were "
                     "not found: run from a corpuskit clone or pass PATH")


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


_DTA_TIME = dt.datetime(2000, 1, 1)


def _input_files(paths: list[Path]) -> list[dict]:
    files = []
    for p in paths:
        items = [p] if p.is_file() else sorted(  # hidden below the input, not above it
            q for q in p.rglob("*") if q.is_file()
            and not any(part.startswith(".") for part in q.relative_to(p).parts))
        for q in items:
            files.append({"path": str(q), "bytes": q.stat().st_size, "sha256": _sha(q)})
    return files


def run_study(paths: list[str | Path] | None, out: str | Path,
              settings: StudySettings | None = None, progress: bool | None = None,
              engine: Any = None) -> dict:
    """Run a complete study and write it to ``out``; returns the manifest.

    ``engine``: where loading, counting and LDA run (``"local"``, ``"serial"``, ``"dask"`` or
    a Dask ``Client``; see :func:`~corpuskit.engine.get_engine`). Without one, loading and
    counting use local worker processes and LDA runs in this process (scikit-learn)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .. import plot
    from ..actors import (actor_network, centrality, cooccurrence, find_actors, load_gazetteer,
                          write_network)
    from ..features import document_term_matrix
    from ..framing import frame_dyads, frame_scores, frame_shares, framed_network, load_lexicon
    from ..load import load_corpus
    from ..stats import estimate_effect
    from ..topics import TopicModel
    from .html import write_report

    s = settings or StudySettings()
    _check(s)
    inputs = [Path(p) for p in paths] if paths else default_inputs()
    out = Path(out)
    (out / "tables").mkdir(parents=True, exist_ok=True)
    (out / "figures").mkdir(parents=True, exist_ok=True)
    tables: dict[str, pd.DataFrame] = {}
    figures: dict[str, str] = {}
    notes: list[str] = []

    def table(name: str, df: pd.DataFrame) -> None:
        tables[name] = df

    def figure(name: str, fig) -> None:  # noqa: ANN001
        with matplotlib.rc_context({"svg.hashsalt": "corpuskit"}):  # stable SVG element ids
            for fmt in ("png", "svg"):
                fig.savefig(out / "figures" / f"{name}.{fmt}", dpi=110,
                            metadata={"Date": None} if fmt == "svg" else {"Software": None})
        figures[name] = str(Path("figures") / f"{name}.png")
        plt.close(fig)

    steps = ["load", "topics", "actors", "framing", "report"]
    from .._progress import track

    bar = iter(track(steps, progress=progress, large=True, desc="study", unit="step"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        next(bar, None)
        corpus = load_corpus(*inputs, progress=False, engine=engine).drop_duplicates()
        table("load_report", corpus.report)
        table("documents_by_source", corpus.by_source())
        figure("documents_over_time", plot.documents_over_time(corpus).figure)

        next(bar, None)
        dtm = document_term_matrix(corpus, engine=engine)
        k = s.k
        fitted: dict[int, TopicModel] = {}
        if k is None:  # a quick choice: the most coherent k, by held-out-free NPMI on one fit
            scores = []
            for cand in s.k_choices:
                m = fitted[cand] = TopicModel(k=cand, seed=s.seed).fit(dtm, engine=engine)
                scores.append({"k": cand, "coherence": float(m.coherence().mean()),
                               "exclusivity": float(m.exclusivity().mean())})
            choice = pd.DataFrame(scores)
            table("topics_choice_of_k", choice)
            k = int(choice.sort_values(["coherence", "k"], ascending=[False, True])["k"].iloc[0])
        model = fitted.get(k) or TopicModel(k=k, seed=s.seed).fit(dtm, engine=engine)
        table("topics_summary", model.summary())
        table("topics_top_terms", model.top_terms(10, by="frex"))
        table("topics_doc_topics", model.doc_topics())
        prev_t = model.prevalence(s.time_bin, n_boot=s.n_boot)
        prev_b = model.prevalence(s.by, n_boot=s.n_boot)
        table(f"topics_prevalence_{s.time_bin}", prev_t)
        table(f"topics_prevalence_{s.by}", prev_b)
        table("topics_effects", model.estimate_effect([s.by, "time"]))
        figure("topics_top_terms", plot.top_terms(model, n=8))
        figure("topics_over_time", plot.prevalence_over_time(prev_t))

        next(bar, None)
        gaz = load_gazetteer(s.gazetteer) if s.gazetteer else load_gazetteer()
        mentions = find_actors(corpus, gaz, unit="sentence")
        edges = cooccurrence(mentions, unit=s.cooccurrence_unit, weight=s.weight,
                             min_count=s.min_count)
        table("actors_mentions", mentions.drop(columns=["surface"]))
        table("actors_edges", edges)
        network = actor_network(edges, gaz, mentions=mentions)
        table("actors_centrality", centrality(network))
        write_network(network, out / "actors_network.gexf")
        write_network(network, out / "actors_network.graphml")
        figure("actors_network", plot.network(network, labels="ar", seed=s.seed))
        top = mentions["actor_id"].value_counts().index[:4].tolist()
        figure("actors_over_time", plot.mentions_over_time(mentions, top, by=s.time_bin,
                                                           n_boot=s.n_boot, seed=s.seed))

        next(bar, None)
        lex = load_lexicon(s.lexicon, extend=True) if s.lexicon else load_lexicon()
        frames = frame_scores(corpus, unit=s.unit, lexicon=lex)
        table("framing_scores", frames.drop(columns=["text"]))
        table(f"framing_shares_{s.time_bin}", frame_shares(frames, by=s.time_bin,
                                                            n_boot=s.n_boot, seed=s.seed))
        table(f"framing_shares_{s.by}", frame_shares(frames, by=s.by, n_boot=s.n_boot,
                                                      seed=s.seed))
        table("framing_effects", estimate_effect(frames, ["balance"], [s.by, "time"],
                                                 se="cluster", cluster="doc_id"))
        figure("framing_over_time", plot.frame_timeline(frames, by=s.by, time=s.time_bin,
                                                        n_boot=s.n_boot, seed=s.seed))
        figure("framing_categories", plot.frame_categories(frames))
        if s.unit == "paragraph":
            dyads = frame_dyads(mentions, frames, min_count=s.min_count)
            table("framing_dyads", dyads)
            if len(dyads):
                typed = framed_network(dyads, gaz)
                write_network(typed, out / "framing_network.gexf")
                write_network(typed, out / "framing_network.graphml")
                figure("framing_network", plot.framed_network(typed, labels="en", seed=s.seed))
    notes += sorted({str(w.message) for w in caught})

    next(bar, None)
    digests = {}
    for name, df in tables.items():
        path = out / "tables" / f"{name}.csv"
        df = df.copy()
        df.attrs = {}  # run details live in the manifest, not in the files' metadata
        df.to_csv(path, index=False, float_format="%.10g")
        try:
            df.to_parquet(out / "tables" / f"{name}.parquet", index=False)
        except (ValueError, TypeError, ImportError):  # a column Parquet cannot hold
            notes.append(f"{name}: no Parquet copy (a column Parquet cannot hold)")
        try:  # Stata (and R's haven): names of at most 32 letters, text as UTF-8
            stata = df.rename(columns=lambda c: re.sub(r"\W", "_", str(c))[:32])
            for c in stata.columns:
                if stata[c].dtype == object or str(stata[c].dtype).startswith(("str", "string")):
                    stata[c] = stata[c].astype("string").fillna("").astype(object)
            with warnings.catch_warnings():  # Stata renames reserved names (end -> _end)
                warnings.simplefilter("ignore")
                stata.to_stata(out / "tables" / f"{name}.dta", write_index=False, version=118,
                               time_stamp=_DTA_TIME)  # not the clock: identical files
        except (ValueError, TypeError, NotImplementedError) as exc:
            notes.append(f"{name}: no Stata copy ({str(exc)[:80]})")
        digests[name] = _sha(path)
    manifest = {
        "format": "corpuskit.study", "format_version": 1,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "inputs": {"paths": [str(p) for p in inputs], "files": _input_files(inputs)},
        "settings": {**s.as_dict(), "k_used": k},
        "versions": library_versions(),
        "gazetteer": {"version": gaz.version, "fingerprint": gaz.fingerprint,
                      "sources": gaz.sources},
        "lexicon": {"version": lex.version, "fingerprint": lex.fingerprint,
                    "sources": lex.sources},
        "tables": digests,
        "figures": sorted(figures),
        "notes": notes,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                encoding="utf-8")
    write_report(out, manifest, tables, figures, corpus, model)
    return manifest


def verify(directory: str | Path) -> dict:
    """Re-run the study recorded in ``directory/manifest.json`` and compare, table by table.

    Returns ``{"identical": bool, "tables": DataFrame(table, status), "changes": [...]}``;
    ``changes`` names every input file whose hash changed (or that is missing), and every
    library version that differs from the one recorded.
    """
    d = Path(directory)
    try:
        manifest = json.loads((d / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{d}: no {MANIFEST}; run `corpuskit study` first") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{d / MANIFEST}: not valid JSON ({exc})") from None
    if manifest.get("format") != "corpuskit.study":
        raise InputError(f"{d / MANIFEST}: not a corpuskit study manifest")
    try:  # read everything the re-run needs first: a damaged manifest is an input error
        files = [(Path(f["path"]), str(f["sha256"])) for f in manifest["inputs"]["files"]]
        paths = [str(p) for p in manifest["inputs"]["paths"]]
        versions = dict(manifest["versions"])
        recorded = {str(k): v for k, v in dict(manifest["tables"]).items()}
        settings = StudySettings(**{k: (tuple(v) if k == "k_choices" else v)
                                    for k, v in dict(manifest["settings"]).items()
                                    if k != "k_used"})
        _check(settings)
    except (KeyError, TypeError, AttributeError, ValueError, SettingsError) as exc:
        raise InputError(f"{d / MANIFEST}: a damaged manifest ({type(exc).__name__}: {exc})"
                         ) from None
    changes = []
    for p, sha in files:
        if not p.is_file():
            changes.append(f"input missing: {p}")
        elif _sha(p) != sha:
            changes.append(f"input changed: {p}")
    now = library_versions()
    for lib, v in versions.items():
        if now.get(lib) != v:
            changes.append(f"library version changed: {lib} {v} -> {now.get(lib)}")
    with tempfile.TemporaryDirectory() as tmp:
        again = run_study(paths, tmp, settings, progress=False)
    rows = []
    for name, digest in recorded.items():
        new = again["tables"].get(name)
        rows.append({"table": name, "status": "identical" if new == digest else
                     ("missing" if new is None else "different")})
    for name in sorted(set(again["tables"]) - set(recorded)):
        rows.append({"table": name, "status": "new"})
    result = pd.DataFrame(rows)
    return {"identical": bool((result["status"] == "identical").all()), "tables": result,
            "changes": changes}


def _check(settings: StudySettings) -> None:
    if settings.unit not in ("sentence", "paragraph", "document"):
        raise SettingsError(f"--unit {settings.unit}: choose sentence, paragraph or document")
    if settings.k is not None and settings.k < 2:
        raise SettingsError("--k must be at least 2")
