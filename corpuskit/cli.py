"""The ``corpuskit`` command.

Exit codes (stable, for scripts):
  0  success (files that were skipped are listed in the report, not errors)
  1  unexpected internal error (a bug: please report it with the traceback from --debug)
  2  usage error (bad option or argument)
  3  input or output error: a path that does not exist, nothing readable, a bad record under
     --strict, a file that is not a corpuskit corpus, an output that cannot be written
  4  `corpuskit verify`: the study does not reproduce (a table differs); what changed is named
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_INPUT, EXIT_DIFFERENT = 0, 1, 2, 3, 4

_EPILOG = """\
exit codes: 0 success; 1 internal error (a bug); 2 usage error; 3 input or output error
(missing path, nothing readable, bad record with --strict, not a corpuskit file, an output
that cannot be written); 4 a study that does not reproduce (verify).

examples:
  corpuskit load data/sample/ seeds/ --out build/sample.parquet
  corpuskit info build/sample.parquet
  corpuskit info data/sample/ --report build/report.csv --plot build/by_month.png
  corpuskit topics build/sample.parquet --k 8 --out build/topics
  corpuskit actors build/sample.parquet --unit sentence --weight npmi --out build/actors
  corpuskit framing build/sample.parquet --unit paragraph --out build/framing
  corpuskit study --out build/study            (the bundled sample and seed)
  corpuskit verify build/study
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="corpuskit",
        description="Load, inspect and study Arabic news corpora.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    load = sub.add_parser(
        "load", help="read files, folders or archives into one corpus file (Parquet)",
        description="Read news files (page text, JSON, JSON Lines, CSV/TSV, Parquet, SGML, HTML, "
                    "zip/tar) into one Parquet corpus with its load report and provenance.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    load.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or archives")
    load.add_argument("--out", "-o", required=True, metavar="FILE|DIR",
                      help="where to write the corpus: a .parquet file (read into memory, "
                           "then written), or a folder for a corpus on disk (written part by "
                           "part as the input is read: for corpora larger than memory)")
    load.add_argument("--part-size", type=_at_least(1), default=1000, metavar="N",
                      help="documents per part of a corpus on disk (default 1000)")
    load.add_argument("--overwrite", action="store_true",
                      help="replace the corpus already in the --out folder")
    _load_options(load)
    load.add_argument("--report", metavar="CSV", help="also write the load report as CSV")

    info = sub.add_parser(
        "info", help="summarize a corpus file or input paths",
        description="Print documents by source and by month and the load report's counts, for a "
                    "corpus written by `corpuskit load` or for input paths (loaded on the fly).",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    info.add_argument("paths", nargs="+", metavar="FILE|PATH")
    _load_options(info)
    info.add_argument("--report", metavar="CSV", help="write the full load report as CSV")
    info.add_argument("--skipped", action="store_true", help="list every skipped file and record")
    info.add_argument("--plot", metavar="PNG", help="also draw documents per month by source")
    topics = sub.add_parser(
        "topics", help="fit a topic model and write its tables (CSV) and figures (PNG)",
        description="Fit a topic model (LDA started from NMF by default) on a corpus file written "
                    "by `corpuskit load` or on input paths, and write: summary.csv, "
                    "top_terms.csv, doc_topics.csv, prevalence_<bin>.csv, prevalence_<by>.csv, "
                    "effects.csv (with the reference level of each term), the figures (PNG, "
                    "or SVG/PDF with --figure-format), and the model (model/).",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    topics.add_argument("paths", nargs="+", metavar="CORPUS|PATH")
    topics.add_argument("--k", type=_at_least(2), required=True, help="number of topics (2 or more)")
    topics.add_argument("--out", "-o", required=True, metavar="DIR", help="output folder")
    topics.add_argument("--method", choices=["lda", "nmf"], default="lda")
    topics.add_argument("--init", choices=["nmf", "random"], default="nmf",
                        help="LDA start (default: nmf, deterministic)")
    topics.add_argument("--seed", type=int, default=0)
    topics.add_argument("--unit", choices=["document", "paragraph"], default="document")
    topics.add_argument("--min-df", type=_doc_freq, default=2,
                        help="minimum document frequency: a count (2) or a share (0.01)")
    topics.add_argument("--max-df", type=_doc_freq, default=0.5,
                        help="maximum document frequency: a share (0.5, 1.0) or a count (5000)")
    topics.add_argument("--time-bin", choices=["day", "week", "month", "quarter", "year"],
                        default="month", help="time bins for prevalence (default: month)")
    topics.add_argument("--by", default="source", help="metadata column to compare (default: source)")
    topics.add_argument("--keep-duplicates", action="store_true",
                        help="keep flagged duplicates (they are left out by default)")
    topics.add_argument("--figure-format", default="png", metavar="png,svg,pdf",
                        type=_figure_formats,
                        help="figure file formats, comma-separated (default: png; svg and pdf "
                             "for papers)")
    _load_options(topics)

    actors = sub.add_parser(
        "actors", help="find actor mentions and write who is mentioned with whom",
        description="Find every mention of a gazetteer actor, count co-occurrences and write: "
                    "mentions.csv, edges.csv, centrality.csv, network.gexf and network.graphml "
                    "(for Gephi), and figures (network, mentions over time).",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    actors.add_argument("paths", nargs="+", metavar="CORPUS|PATH")
    actors.add_argument("--out", "-o", required=True, metavar="DIR", help="output folder")
    actors.add_argument("--unit", choices=["sentence", "paragraph", "document"],
                        default="sentence", help="co-occurrence unit (default: sentence)")
    actors.add_argument("--window", type=_at_least(1), metavar="K",
                        help="count co-occurrence within K words instead of a unit")
    actors.add_argument("--weight", choices=["count", "jaccard", "pmi", "npmi", "llr"],
                        default="npmi")
    actors.add_argument("--min-count", type=_at_least(1), default=2,
                        help="keep pairs seen together at least this often (default 2)")
    actors.add_argument("--by", help="also slice the edges by a time bin (month, year, ...) or "
                                     "a column (e.g. source)")
    actors.add_argument("--gazetteer", metavar="CSV",
                        help="your gazetteer (same columns as the bundled one), added to it")
    actors.add_argument("--only-gazetteer", action="store_true",
                        help="use --gazetteer alone, without the bundled actors")
    actors.add_argument("--skip-in-title", action="store_true",
                        help="leave out the organizations and states named inside a person's "
                             "title (مدير المرصد ... رامي عبد الرحمن: the Observatory), as the "
                             "annotation guidelines count such a phrase: one mention of the "
                             "person")
    actors.add_argument("--unlisted", action="store_true",
                        help="also report persons the gazetteer lacks where the text introduces "
                             "them with a title (العقيد هشام الردادي): ids unlisted:<name>, for "
                             "review")
    actors.add_argument("--home", metavar="CODE",
                        help="the outlets' country (e.g. SAU): generic references (الحكومة، "
                             "المملكة) in a document that names no country are read as its")
    actors.add_argument("--labels", choices=["ar", "en"], default="ar",
                        help="node labels in the figures (default: Arabic)")
    actors.add_argument("--figure-format", default="png", metavar="png,svg,pdf",
                        type=_figure_formats)
    actors.add_argument("--keep-duplicates", action="store_true",
                        help="keep flagged duplicates (they are left out by default)")
    _load_options(actors)

    framing = sub.add_parser(
        "framing", help="score diplomatic vs military framing and write tables and figures",
        description="Score every unit's framing (by default the supervised model checked by "
                    "the lexicon; or the model alone, or the lexicon) "
                    "and write: scores.csv, shares_<time>.csv, shares_<by>.csv, effects.csv "
                    "(balance on outlet and time), dyads.csv (actor pairs by frame), and "
                    "figures (balance over time by outlet, sub-categories).",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    framing.add_argument("paths", nargs="+", metavar="CORPUS|PATH")
    framing.add_argument("--out", "-o", required=True, metavar="DIR", help="output folder")
    framing.add_argument("--unit", choices=["sentence", "paragraph", "document"],
                         default="paragraph")
    framing.add_argument("--method", choices=["combined", "supervised", "lexicon"],
                         default="combined")
    framing.add_argument("--lexicon", metavar="CSV|YAML", help="your framing lexicon")
    framing.add_argument("--time-bin", choices=["day", "week", "month", "quarter", "year"],
                         default="quarter")
    framing.add_argument("--by", default="source", help="group column (default: source)")
    framing.add_argument("--figure-format", default="png", metavar="png,svg,pdf",
                         type=_figure_formats)
    framing.add_argument("--keep-duplicates", action="store_true")
    _load_options(framing)

    study = sub.add_parser(
        "study", help="run a complete study and write its report (no PATH: the bundled sample)",
        description="Load, fit topics, find actors and their network, score framing, and write "
                    "report.html (self-contained), tables/ (CSV and Parquet), figures/ (PNG and "
                    "SVG), the networks (GEXF, GraphML) and manifest.json (inputs and their "
                    "hashes, settings, seeds, versions). Without PATH it runs on the bundled "
                    "data/sample and seeds/.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    study.add_argument("paths", nargs="*", metavar="PATH")
    study.add_argument("--out", "-o", required=True, metavar="DIR")
    study.add_argument("--k", type=_at_least(2), help="topics (default: chosen among 4, 6, 8)")
    study.add_argument("--unit", choices=["sentence", "paragraph", "document"],
                       default="paragraph", help="framing unit (default: paragraph)")
    study.add_argument("--gazetteer", metavar="CSV", help="your actors, added to the bundled")
    study.add_argument("--lexicon", metavar="CSV|YAML", help="your framing entries, added")
    study.add_argument("--seed", type=int, default=0)
    study.add_argument("--no-progress", action="store_true")
    _engine_options(study)

    ver = sub.add_parser(
        "verify", help="re-run a study from its manifest and check every table",
        description="Re-run the study recorded in DIR/manifest.json (same inputs, checked by "
                    "hash, same settings) and report, table by table, whether it is identical. "
                    "Exit 0: identical; 4: a table differs (what changed is named, also an "
                    "input file changed or gone); 3: no manifest, or an input folder is gone.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ver.add_argument("directory", metavar="DIR")
    return p


def _load_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", metavar="NAME",
                   help="force a reader: page, json, jsonl, csv, tsv, parquet, sgml, html")
    p.add_argument("--column", action="append", default=[], metavar="FIELD=NAME",
                   help="map a field to the input's name, e.g. --column text=content (repeatable)")
    p.add_argument("--strict", action="store_true",
                   help="stop at the first bad file or record instead of skipping it")
    p.add_argument("--drop-duplicates", action="store_true",
                   help="leave exact and near duplicates out (they stay in the report)")
    p.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="read only files matching this pattern, e.g. '*.json' (repeatable)")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                   help="do not read files matching this pattern, e.g. 'drafts/*' (repeatable)")
    p.add_argument("--documentation-files", action="store_true",
                   help="also read README*, LICENSE*, CHANGELOG* ... files (passed over by default)")
    p.add_argument("--max-record-chars", type=_at_least(1), metavar="N",
                   help="skip records longer than N characters (default 2,000,000)")
    p.add_argument("--no-url-dates", action="store_true",
                   help="leave records without a date field undated (by default a day in the "
                        "page's address, such as /2023/10/14/, dates them: date_field 'url')")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar (by default one is drawn on stderr when it is a terminal)")
    _engine_options(p)


def _engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=["local", "serial", "dask"],
                   help="where the work runs: worker processes on this machine (local, the "
                        "default), this process only (serial), or a Dask cluster (dask); "
                        "given, LDA also runs on it (distributed variational Bayes)")
    p.add_argument("--workers", type=_at_least(1), metavar="N",
                   help="worker processes (local), or workers of the LocalCluster that "
                        "--engine dask starts without --scheduler (default: one per core)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="the Dask scheduler to run on, e.g. tcp://10.0.0.5:8786 (implies "
                        "--engine dask)")


def _engine(args: argparse.Namespace):  # noqa: ANN202 - an Engine, to be closed by the caller
    from .engine import get_engine

    name = "dask" if getattr(args, "scheduler", None) else (getattr(args, "engine", None)
                                                             or "local")
    return get_engine(name, workers=getattr(args, "workers", None),
                      scheduler=getattr(args, "scheduler", None))


def _doc_freq(text: str) -> int | float:
    """A document frequency as typed: "5" is a count of documents, "1.0" or "0.5" a share."""
    try:
        value = float(text) if any(c in text for c in ".eE") else int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value < 0 or (isinstance(value, float) and value > 1):
        raise argparse.ArgumentTypeError(f"{text}: a share is between 0 and 1 (type 5000, not "
                                         "5000.0, for a count)")
    return value


def _figure_formats(value: str) -> list[str]:
    formats = [f.strip().lower().lstrip(".") for f in value.split(",") if f.strip()]
    bad = [f for f in formats if f not in ("png", "svg", "pdf")]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"{value!r}: choose from png, svg, pdf (comma-separated)")
    return formats


def _at_least(low: int):  # noqa: ANN202 - an argparse type
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if n < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {n}")
        return n

    parse.__name__ = "number"
    return parse


def _version() -> str:
    from . import __version__

    return __version__


def _columns(pairs: list[str]) -> dict[str, str] | None:
    from .errors import SettingsError

    out = {}
    for pair in pairs:
        field, sep, name = pair.partition("=")
        if not sep or not field or not name:
            raise SettingsError(f"--column {pair!r}: write it as FIELD=NAME, e.g. text=content")
        out[field.strip()] = name.strip()
    return out or None


def _load(args: argparse.Namespace, out: str | None = None):  # noqa: ANN202
    from .load import load_corpus

    from .limits import Limits

    limits = Limits(max_record_chars=args.max_record_chars) if args.max_record_chars else None
    with _engine(args) as engine:
        return load_corpus(*args.paths, format=args.format, columns=_columns(args.column),
                           strict=args.strict, progress=False if args.no_progress else None,
                           duplicates="drop" if args.drop_duplicates else "flag",
                           include=args.include, exclude=args.exclude,
                           documentation_files=args.documentation_files, limits=limits,
                           out=out, overwrite=getattr(args, "overwrite", False),
                           part_size=getattr(args, "part_size", 1000), engine=engine,
                           url_dates=not getattr(args, "no_url_dates", False))


class _Outputs:
    """Where a command writes: tables (CSV), figures (in every --figure-format), other files,
    and the notes it prints at the end."""

    def __init__(self, out: str, formats: list[str] | None = None):
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.formats = formats or ["png"]
        self.written: list[str] = []
        self.notes: list[str] = []

    def table(self, df, name: str) -> None:  # noqa: ANN001
        df.to_csv(self.out / name, index=False, date_format=DATE_FORMAT)
        self.written.append(name)

    def figure(self, fig, stem: str) -> None:  # noqa: ANN001
        import matplotlib.pyplot as plt

        for fmt in self.formats:
            fig.savefig(self.out / f"{stem}.{fmt}", dpi=130)
            self.written.append(f"{stem}.{fmt}")
        plt.close(fig)

    def file(self, name: str) -> Path:
        self.written.append(name)
        return self.out / name

    def finish(self) -> int:
        for note in self.notes:
            print(f"note: {note}")
        print(f"wrote {', '.join(self.written)} to {self.out}")
        return EXIT_OK


def _cmd_load(args: argparse.Namespace) -> int:
    if Path(args.out).suffix.lower() in (".parquet", ".pq"):
        corpus = _load(args)
        out = corpus.to_parquet(args.out)
    else:
        corpus = _load(args, out=args.out)
        out = corpus.path
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        corpus.report.to_csv(args.report, index=False)
    c = corpus.summary_counts()
    print(f"wrote {out}: {c['documents']} documents from {c['files']} files "
          f"({c['skipped']} skipped, {c['duplicates']} flagged duplicates)")
    return EXIT_OK


def _cmd_info(args: argparse.Namespace) -> int:
    import pandas as pd


    corpus = _corpus_from(args)
    with pd.option_context("display.width", 120, "display.max_columns", 20,
                           "display.max_rows", 200):
        print(repr(corpus))
        print("\nDocuments by source:")
        print(corpus.by_source().to_string(index=False))
        months = corpus.by_month()
        if not months.empty:
            print("\nDocuments by month:")
            print(months.to_string())
        print("\nLoad report:")
        print(corpus.report_counts().to_string(index=False))
        for note in corpus.date_notes():
            print(f"note: {note}")
        if args.skipped:
            sk = corpus.report[corpus.report["status"] == "skipped"]
            print("\nSkipped:")
            print(sk[["path", "member", "record", "reason"]].to_string(index=False)
                  if len(sk) else "(none)")
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        corpus.report.to_csv(args.report, index=False)
    if args.plot:
        import matplotlib

        matplotlib.use("Agg")
        from .plot import documents_over_time

        ax = documents_over_time(corpus)
        Path(args.plot).parent.mkdir(parents=True, exist_ok=True)
        ax.figure.savefig(args.plot, dpi=120)
        print(f"\nwrote {args.plot}")
    return EXIT_OK


def _corpus_from(args: argparse.Namespace, lazy: bool = False):  # noqa: ANN202
    """A corpus file written by `corpuskit load`, or the input paths loaded now. A corpus
    folder (`load --out`) stays on disk with ``lazy`` (the command runs part by part)."""
    from .corpus import Corpus, is_corpus_file
    from .store import DiskCorpus, is_corpus_dir

    if len(args.paths) == 1 and is_corpus_file(args.paths[0]):
        return Corpus.read_parquet(args.paths[0])
    if len(args.paths) == 1 and is_corpus_dir(args.paths[0]):
        disk = DiskCorpus(args.paths[0])
        return disk if lazy else disk.to_corpus()
    return _load(args)


# One format for dates in every CSV (pandas would otherwise drop the time of day from a column,
# or from one part of a table written part by part, whose times all happen to be midnight).
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"


def _doc_columns(corpus) -> list[str]:  # noqa: ANN001 - a Corpus or a DiskCorpus
    from .store import DiskCorpus

    return corpus.columns if isinstance(corpus, DiskCorpus) else list(corpus.docs.columns)


def _stream_csv(table, path) -> None:  # noqa: ANN001 - a TableOnDisk, a Path
    """A table on disk written to one CSV part by part (never whole in memory)."""
    first = True
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for part in table.parts():
            part.to_csv(fh, index=False, header=first, date_format=DATE_FORMAT)
            first = False


def _cmd_topics(args: argparse.Namespace) -> int:
    import warnings

    import matplotlib

    matplotlib.use("Agg")

    from . import plot
    from .features import document_term_matrix
    from .topics import TopicModel

    import tempfile

    from .store import DiskCorpus

    corpus = _corpus_from(args, lazy=True)
    if args.by not in _doc_columns(corpus):
        from .errors import SettingsError

        raise SettingsError(f"--by {args.by}: the corpus has no column {args.by!r}; its columns "
                            f"are {', '.join(map(str, _doc_columns(corpus)))}")
    if not args.keep_duplicates:
        corpus = corpus.drop_duplicates()
    explicit = bool(args.engine or args.scheduler)
    scratch = tempfile.TemporaryDirectory(prefix="corpuskit-dtm-") \
        if isinstance(corpus, DiskCorpus) else None
    with _engine(args) as engine:
        # a corpus folder: the matrix is written block by block and the model streams it
        dtm = document_term_matrix(corpus, unit=args.unit, min_df=args.min_df,
                                   max_df=args.max_df, engine=engine,
                                   out=None if scratch is None else scratch.name)
        model = TopicModel(k=args.k, method=args.method, init=args.init,
                           seed=args.seed).fit(dtm, engine=engine if explicit else None)
    o = _Outputs(args.out, args.figure_format)
    table = o.table

    def figure(fig, name):  # noqa: ANN001, ANN202
        o.figure(fig, name.rsplit(".", 1)[0])
    summary = model.summary()
    table(summary, "summary.csv")
    table(model.top_terms(15, by="prob"), "top_terms.csv")
    table(model.doc_topics(), "doc_topics.csv")
    figure(plot.top_terms(model, n=10), "top_terms.png")
    notes = o.notes
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if dtm.meta["date"].notna().any() if "date" in dtm.meta else False:
            prev = model.prevalence(args.time_bin)
            table(prev, f"prevalence_{args.time_bin}.csv")
            figure(plot.prevalence_over_time(prev), f"prevalence_{args.time_bin}.png")
        else:
            notes.append("no document has a date: prevalence over time left out")
        if args.by in dtm.meta and dtm.meta[args.by].notna().any():
            prev = model.prevalence(args.by)
            table(prev, f"prevalence_{args.by}.csv")
            figure(plot.prevalence_by(prev), f"prevalence_{args.by}.png")
            covs = [args.by] + (["time"] if "date" in dtm.meta and dtm.meta["date"].notna().any()
                                else [])
            table(model.estimate_effect(covs), "effects.csv")
        else:
            notes.append(f"column {args.by!r} is empty for every document: prevalence by it "
                         "left out")
    notes += [str(w.message) for w in caught]
    model.save(o.file("model/"))
    if scratch is not None:
        import numpy as np

        model.doc_topic_ = np.array(model.doc_topic_)  # off the matrix's folder, then gone
        scratch.cleanup()
    import pandas as pd

    with pd.option_context("display.width", 140, "display.max_colwidth", 60):
        print(f"{model!r} on {dtm!r}")
        print(summary[["topic", "label", "prevalence", "coherence", "exclusivity"]]
              .round(3).to_string(index=False))
    return o.finish()


def _cmd_actors(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")

    from . import plot
    from .actors import (actor_network, centrality, cooccurrence, find_actors, load_gazetteer,
                         write_network)
    from .errors import SettingsError

    if args.only_gazetteer and not args.gazetteer:
        raise SettingsError("--only-gazetteer needs --gazetteer CSV")
    gaz = load_gazetteer(args.gazetteer, extend=not args.only_gazetteer) if args.gazetteer \
        else None
    corpus = _corpus_from(args, lazy=True)
    columns = _doc_columns(corpus)
    if args.by and args.by not in ("day", "week", "month", "quarter", "year") \
            and args.by not in columns:
        raise SettingsError(f"--by {args.by}: not a time bin nor a corpus column")
    if not args.keep_duplicates:
        corpus = corpus.drop_duplicates()
    with _engine(args) as engine:
        extra = [args.by] if args.by and args.by in columns \
            and args.by not in ("date", "source") else []
        mentions = find_actors(corpus, gaz, unit=args.unit, engine=engine, home=args.home,
                               unlisted=args.unlisted, meta=["date", "source", *extra])
        if args.skip_in_title:
            mentions = mentions[~mentions["in_title"]].reset_index(drop=True)
        unit = ("window", args.window) if args.window else args.unit
        edges = cooccurrence(mentions, unit=unit, weight=args.weight, min_count=args.min_count,
                             engine=engine if args.engine or args.scheduler else None)
    o = _Outputs(args.out, args.figure_format)
    o.table(mentions, "mentions.csv")
    o.table(edges, "edges.csv")
    if args.by:
        o.table(cooccurrence(mentions, unit=unit, weight=args.weight, min_count=args.min_count,
                             by=args.by), f"edges_by_{args.by}.csv")
    if len(edges):
        G = actor_network(edges, gaz, mentions=mentions)
        for suffix in (".gexf", ".graphml"):
            write_network(G, o.file(f"network{suffix}"))
        o.table(centrality(G), "centrality.csv")
        o.figure(plot.network(G, labels=args.labels), "network")
    else:
        o.notes.append(f"no pair of actors is mentioned together {args.min_count}+ times: no "
                       "network (lower --min-count or use a larger --unit)")
    top = mentions["actor_id"].value_counts().index[:5].tolist()
    if top and "date" in mentions and mentions["date"].notna().any():
        import warnings

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            o.figure(plot.mentions_over_time(mentions, top, by="month"), "mentions_over_time")
        o.notes += [str(w.message) for w in caught]
    print(f"{len(mentions)} mentions of {mentions['actor_id'].nunique()} actors in "
          f"{mentions['doc_id'].nunique()} of {len(corpus)} documents; {len(edges)} pairs")
    return o.finish()


def _cmd_framing(args: argparse.Namespace) -> int:
    import warnings

    import matplotlib

    matplotlib.use("Agg")

    from . import plot
    from .actors import find_actors
    from .errors import SettingsError
    from .framing import frame_dyads, frame_scores, frame_shares
    from .stats import estimate_effect

    import tempfile

    from .store import DiskCorpus

    corpus = _corpus_from(args, lazy=True)
    if args.by not in _doc_columns(corpus):
        raise SettingsError(f"--by {args.by}: the corpus has no column {args.by!r}")
    if not args.keep_duplicates:
        corpus = corpus.drop_duplicates()
    meta = ["date", "source"] + ([args.by] if args.by not in ("date", "source") else [])
    o = _Outputs(args.out, args.figure_format)
    table, figure = o.table, o.figure
    if isinstance(corpus, DiskCorpus):
        # a corpus folder: the scores (with each unit's text) go to disk part by part and to
        # scores.csv part by part; the analysis below reads them back without the text
        with tempfile.TemporaryDirectory(prefix="corpuskit-frames-") as scratch, \
                _engine(args) as engine:
            on_disk = frame_scores(corpus, unit=args.unit, method=args.method,
                                   lexicon=args.lexicon, meta=meta, engine=engine,
                                   out=Path(scratch) / "scores")
            _stream_csv(on_disk, o.file("scores.csv"))
            frames = on_disk.read([c for c in on_disk.columns if c != "text"] or None)
    else:
        with _engine(args) as engine:
            frames = frame_scores(corpus, unit=args.unit, method=args.method,
                                  lexicon=args.lexicon, meta=meta, engine=engine)
        table(frames, "scores.csv")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dated = frames["date"].notna().any() if "date" in frames else False
        if dated:
            table(frame_shares(frames, by=args.time_bin), f"shares_{args.time_bin}.csv")
        table(frame_shares(frames, by=args.by), f"shares_{args.by}.csv")
        covs = [args.by] + (["time"] if dated else [])
        se = "cluster" if args.unit != "document" else "HC3"
        table(estimate_effect(frames, ["balance"], covs, se=se,
                              cluster="doc_id" if se == "cluster" else None), "effects.csv")
        if args.unit == "paragraph":
            with _engine(args) as engine:
                mentions = find_actors(corpus, unit="paragraph", meta=False, engine=engine)
            table(frame_dyads(mentions, frames), "dyads.csv")
        if dated:
            figure(plot.frame_timeline(frames, by=args.by, time=args.time_bin), "frame_timeline")
        figure(plot.frame_categories(frames), "frame_categories")
    o.notes += sorted({str(w.message) for w in caught})
    print(frames["frame"].value_counts().rename_axis("frame").to_string())
    return o.finish()


def _cmd_study(args: argparse.Namespace) -> int:
    from .report import StudySettings, run_study

    settings = StudySettings(k=args.k, unit=args.unit, gazetteer=args.gazetteer,
                             lexicon=args.lexicon, seed=args.seed)
    if args.engine or args.scheduler:
        with _engine(args) as engine:
            manifest = run_study(args.paths or None, args.out, settings,
                                 progress=False if args.no_progress else None, engine=engine)
    else:
        manifest = run_study(args.paths or None, args.out, settings,
                             progress=False if args.no_progress else None)
    out = Path(args.out)
    print(f"k = {manifest['settings']['k_used']} topics; {len(manifest['tables'])} tables, "
          f"{len(manifest['figures'])} figures")
    for note in manifest["notes"]:
        print(f"note: {note}")
    print(f"wrote {out / 'report.html'} and {out / 'manifest.json'}")
    return EXIT_OK


def _cmd_verify(args: argparse.Namespace) -> int:
    from .report import verify

    result = verify(args.directory)
    for change in result["changes"]:
        print(f"changed: {change}")
    print(result["tables"].to_string(index=False))
    if result["identical"]:
        print("the study reproduces: every table is identical")
        return EXIT_OK
    print("the study does NOT reproduce" + (" (see the changes above)" if result["changes"]
                                            else ""))
    return EXIT_DIFFERENT


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``corpuskit`` command; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from .errors import CorpuskitError, InputError, RecordError, SettingsError

    handlers = {"load": _cmd_load, "info": _cmd_info, "topics": _cmd_topics,
                "actors": _cmd_actors, "framing": _cmd_framing, "study": _cmd_study,
                "verify": _cmd_verify}
    try:
        return handlers[args.command](args)
    except SettingsError as exc:
        print(f"corpuskit {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (InputError, RecordError) as exc:
        print(f"corpuskit {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except CorpuskitError as exc:
        print(f"corpuskit {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:  # an output that cannot be written (or an input that vanished)
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        print(f"corpuskit {args.command}: error:{where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("corpuskit: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(f"corpuskit {args.command}: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in corpuskit; run again with --debug for the traceback.",
              file=sys.stderr)
        return EXIT_BUG


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
