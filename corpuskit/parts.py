"""Run a per-document analysis over the parts of a corpus, on an engine, and keep the order.

Every analysis whose result for a document depends on that document alone (actor mentions,
framing scores, term counts) runs here part by part: a :class:`~corpuskit.store.DiskCorpus` part
is read by the worker that analyses it; an in-memory corpus is cut into slices of ``part_size``
documents. Results come back in part order, so concatenating them gives the table the
whole-corpus call gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .corpus import Corpus
from .errors import InputError, SettingsError

__all__ = ["check_part_size", "part_specs", "open_part", "map_parts", "wants_parts", "write_parts",
           "TableOnDisk"]


def wants_parts(corpus: Any, engine: Any) -> bool:
    """Whether a call should run part by part: a corpus on disk, or an engine was given."""
    from .store import DiskCorpus

    return isinstance(corpus, DiskCorpus) or engine is not None


def check_part_size(part_size: Any) -> None:
    """``part_size``: a whole number of documents, at least 1 (else a clear SettingsError)."""
    if not isinstance(part_size, int) or isinstance(part_size, bool) or part_size < 1:
        raise SettingsError(f"part_size={part_size!r}: give a number of documents >= 1")


def part_specs(corpus: Any, part_size: int = 5000, balance: bool = False) -> list[tuple]:
    """What a worker needs to open each part: ``("disk", folder, i)`` or ``("memory", Corpus)``
    (``balance``: an in-memory corpus cut into parts of about equal text, not equal counts)."""
    from .store import DiskCorpus

    check_part_size(part_size)

    if isinstance(corpus, DiskCorpus):
        skip = corpus.skip_duplicates
        return [("disk", str(corpus.path), i, skip) for i in range(corpus.n_parts)]
    n = len(corpus.docs)
    if n <= part_size:
        return [("memory", corpus)]
    return [("memory", part) for part in corpus._parts(part_size, balance)]


def open_part(spec: tuple) -> Corpus:
    """The Corpus a part spec stands for (read from disk in the worker that runs it)."""
    if spec[0] == "disk":
        skip = bool(spec[3]) if len(spec) > 3 else False
        return _disk_corpus(spec[1], skip).part(spec[2])
    from .engine import _Shared

    part = spec[1]
    return part.resolve() if isinstance(part, _Shared) else part   # placed before a fork


def _disk_corpus(path: str, skip_duplicates: bool = False):  # noqa: ANN202 - a DiskCorpus
    """A corpus folder opened once per process (its manifest read and its parts checked), not
    once for each of its parts; opened again if the folder was written anew meanwhile."""
    from .store import DiskCorpus

    stamp = Path(path, "manifest.json").stat().st_mtime_ns
    key = f"{path}\0{int(skip_duplicates)}"
    hit = _OPENED.get(key)
    if hit is None or hit[0] != stamp:
        hit = _OPENED[key] = (stamp, DiskCorpus(path, skip_duplicates=skip_duplicates))
    return hit[1]


_OPENED: dict[str, tuple[int, Any]] = {}


def _apply(spec: tuple, fn: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
    return fn(open_part(spec), *args, **kwargs)


def map_parts(fn: Callable[..., Any], corpus: Any, *args: Any, engine: Any = None,
              workers: int | None = None, part_size: int = 5000, balance: bool = False,
              **kwargs: Any) -> list[Any]:
    """``[fn(part, *args, **kwargs) for part in corpus' parts]`` on an engine, in order
    (``balance``: see :func:`part_specs`)."""
    from .engine import LocalEngine, engine_for

    with engine_for(engine, workers) as eng:
        specs = part_specs(corpus, part_size, balance)
        if isinstance(eng, LocalEngine) and len(specs) > 1 and specs[0][0] == "memory":
            # in-memory parts reach worker processes started after this through fork, not
            # pickled with each task (a third of a second on SaudiNewsNet's 6,224 documents)
            specs = [("memory", h) for h in eng.put_parts([s[1] for s in specs])]
        return eng.map(_apply, specs, fn, args, kwargs)


# ---------------------------------------------------------------------------------------------
# Tables too large for memory (a mention or framing table of a million documents): each part's
# rows are written by the worker that computes them, and read back when asked for.

_TABLE_FORMAT = "corpuskit-table"


def _write_one(item: tuple[tuple, int], fn: Callable[..., Any], args: tuple, kwargs: dict,
               out: str) -> dict[str, Any]:
    import json

    import pandas as pd

    spec, i = item
    table = fn(open_part(spec), *args, **kwargs)
    name = f"part-{i:05d}.parquet"
    attrs = dict(table.attrs)
    units = attrs.pop("units", None)
    table.attrs = {}
    table.to_parquet(f"{out}/{name}", index=False)
    if units is not None:
        pd.DataFrame(units).to_parquet(f"{out}/units-{i:05d}.parquet", index=False)
    with open(f"{out}/attrs-{i:05d}.json", "w", encoding="utf-8") as fh:
        json.dump(attrs, fh, ensure_ascii=False, default=str)
    return {"file": name, "rows": len(table), "units": units is not None}


class TableOnDisk:
    """A table written part by part (``find_actors(..., out=)``, ``frame_scores(..., out=)``):
    ``len()``, ``parts()`` (one DataFrame per part) and ``read()`` (all of it, or some
    columns), with the attributes the in-memory table carries."""

    def __init__(self, path: str | Path):
        import json

        self.path = Path(path)
        mf = self.path / "manifest.json"
        if not mf.is_file():
            raise InputError(f"{self.path}: not a corpuskit table (no manifest.json; an "
                             "interrupted write leaves none)")
        self.manifest = json.loads(mf.read_text(encoding="utf-8"))
        if self.manifest.get("format") != _TABLE_FORMAT:
            raise InputError(f"{self.path}: not a corpuskit table")

    def __len__(self) -> int:
        return int(sum(p["rows"] for p in self.manifest["parts"]))

    def __repr__(self) -> str:
        return (f"<TableOnDisk {self.path}: {len(self):,} rows of {self.manifest['kind']} in "
                f"{len(self.manifest['parts'])} parts>")

    @property
    def columns(self) -> list[str]:
        """The table's columns (from the first part's schema, without reading it)."""
        import pyarrow.parquet as pq

        if not self.manifest["parts"]:
            return []
        return list(pq.read_schema(self.path / self.manifest["parts"][0]["file"]).names)

    def part(self, i: int, columns: list[str] | None = None):  # noqa: ANN201 - a DataFrame
        import json

        import pandas as pd

        p = self.manifest["parts"][i]
        df = pd.read_parquet(self.path / p["file"], columns=columns)
        attrs = json.loads((self.path / f"attrs-{i:05d}.json").read_text(encoding="utf-8"))
        if p.get("units"):
            u = pd.read_parquet(self.path / f"units-{i:05d}.parquet")
            attrs["units"] = {c: u[c].tolist() for c in u.columns}
        df.attrs = attrs
        return df

    def parts(self, columns: list[str] | None = None) -> Iterator[Any]:
        for i in range(len(self.manifest["parts"])):
            yield self.part(i, columns)

    def read(self, columns: list[str] | None = None):  # noqa: ANN201 - a DataFrame
        """The whole table in memory, as the in-memory call would have returned it."""
        import pandas as pd

        frames = list(self.parts(columns))
        if self.manifest["kind"] == "mentions":
            from .actors.mentions import _concat_mentions

            return _concat_mentions(frames)
        out = pd.concat(frames, ignore_index=True)
        out.attrs = frames[0].attrs if frames else {}
        return out


def write_parts(fn: Callable[..., Any], corpus: Any, out: str | Path, kind: str, *args: Any,
                engine: Any = None, workers: int | None = None, part_size: int = 5000,
                **kwargs: Any) -> TableOnDisk:
    """``fn(part, *args, **kwargs)`` for every part, each result written to ``out`` by the
    worker that made it; returns the :class:`TableOnDisk`."""
    import json
    import shutil

    from .engine import engine_for

    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if not (out / "manifest.json").is_file() and not (out / ".writing").is_file():
            raise SettingsError(f"{out}: the folder is not empty and holds no corpuskit table; "
                                "choose a new or empty folder")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / ".writing").touch()
    specs = part_specs(corpus, part_size)
    with engine_for(engine, workers) as eng:
        parts = list(eng.imap(_write_one, [(s, i) for i, s in enumerate(specs)], fn, args,
                              kwargs, str(out)))
    (out / "manifest.json").write_text(json.dumps({"format": _TABLE_FORMAT, "kind": kind,
                                                   "parts": parts}), encoding="utf-8")
    (out / ".writing").unlink()
    return TableOnDisk(out)
