"""Reproducible studies (issue 10): `corpuskit study` writes a self-contained report, tables
that are byte-identical run after run, and a manifest that `corpuskit verify` checks."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from corpuskit.cli import EXIT_DIFFERENT, EXIT_INPUT, EXIT_OK, main

from .conftest import SAMPLE, SEED


class _Report(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images, self.sections, self.cells, self.external = [], [], [], []
        self._td = None

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        a = dict(attrs)
        if tag == "img":
            self.images.append(a.get("src", ""))
        if tag == "section":
            self.sections.append(a.get("id"))
        if tag == "td":
            self._td = [a.get("dir"), ""]
        for key in ("src", "href"):
            if a.get(key, "").startswith(("http:", "https:", "//")):
                self.external.append(a[key])

    def handle_data(self, data):  # noqa: ANN001
        if self._td is not None:
            self._td[1] += data

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag == "td" and self._td is not None:
            self.cells.append(tuple(self._td))
            self._td = None


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("inputs")
    shutil.copytree(SAMPLE, root / "sample")
    shutil.copytree(SEED.parent, root / "seeds")
    return root


@pytest.fixture(scope="module")
def study(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("study")
    assert main(["study", str(inputs / "sample"), str(inputs / "seeds"), "--out", str(out),
                 "--no-progress"]) == EXIT_OK
    return out


def test_the_study_writes_report_tables_figures_networks_and_manifest(study):
    m = json.loads((study / "manifest.json").read_text(encoding="utf-8"))
    for name in m["tables"]:
        assert (study / "tables" / f"{name}.csv").stat().st_size > 0
        assert (study / "tables" / f"{name}.parquet").exists()
        assert (study / "tables" / f"{name}.dta").exists()
    import pandas as pd

    summary = pd.read_stata(study / "tables" / "topics_summary.dta")
    assert summary["label"].str.contains("[\u0600-\u06ff]").all()
    for name in m["figures"]:
        assert (study / "figures" / f"{name}.png").read_bytes()[:4] == b"\x89PNG"
        assert (study / "figures" / f"{name}.svg").exists()
    assert (study / "actors_network.gexf").exists() and (study / "framing_network.gexf").exists()
    assert {"corpuskit", "camel-tools", "scikit-learn", "pandas", "numpy"} <= set(m["versions"])
    assert all(len(f["sha256"]) == 64 for f in m["inputs"]["files"])
    assert m["gazetteer"]["fingerprint"] and m["lexicon"]["fingerprint"]


def test_the_report_renders_offline_with_every_figure_and_arabic_right_to_left(study):
    m = json.loads((study / "manifest.json").read_text(encoding="utf-8"))
    parser = _Report()
    parser.feed((study / "report.html").read_text(encoding="utf-8"))
    assert len(parser.images) == len(m["figures"])
    assert all(src.startswith("data:image/png;base64,") for src in parser.images)
    assert not parser.external
    assert {"design", "data", "topics", "actors", "framing", "methods", "limitations", "cite",
            "provenance"} <= set(parser.sections)
    arabic = [(d, t) for d, t in parser.cells if any("\u0600" <= ch <= "\u06ff" for ch in t)]
    assert len(arabic) >= 10 and all(d == "rtl" for d, _ in arabic)
    assert (study / "report.html").stat().st_size < 3_000_000


def test_two_runs_give_byte_identical_tables_and_verify_confirms(study, inputs, tmp_path):
    again = tmp_path / "again"
    assert main(["study", str(inputs / "sample"), str(inputs / "seeds"), "--out", str(again),
                 "--no-progress"]) == EXIT_OK
    a = json.loads((study / "manifest.json").read_text())["tables"]
    b = json.loads((again / "manifest.json").read_text())["tables"]
    assert a == b
    for kind in ("tables", "figures"):   # every copy: Parquet, Stata, PNG and SVG too
        first = {f.name: f.read_bytes() for f in (study / kind).iterdir()}
        second = {f.name: f.read_bytes() for f in (again / kind).iterdir()}
        assert first.keys() == second.keys()
        assert [n for n in first if first[n] != second[n]] == []
    with pd.io.stata.StataReader(study / "tables" / "topics_summary.dta") as dta:
        assert dta.time_stamp == "01 Jan 2000 00:00"   # never the clock
    assert main(["verify", str(study)]) == EXIT_OK


def test_inputs_inside_a_hidden_folder_are_still_hashed(tmp_path):
    from corpuskit.report.study import _input_files

    data = tmp_path / ".cache" / "corpus"
    (data / ".git").mkdir(parents=True)
    (data / "a.txt").write_text("خبر", encoding="utf-8")
    (data / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    assert [Path(f["path"]).name for f in _input_files([data])] == ["a.txt"]


def test_verify_names_a_changed_input(study, inputs, capsys):
    sada = inputs / "sample" / "sada"
    page = sada / sorted(p.name for p in sada.iterdir())[0]
    original = page.read_bytes()
    try:
        page.write_bytes(original.replace("حمص".encode(), "حلب".encode()) + "\n\nسطر مضاف".encode())
        assert main(["verify", str(study)]) == EXIT_DIFFERENT
        out = capsys.readouterr().out
        assert f"input changed: {page}" in out and "different" in out
    finally:
        page.write_bytes(original)


@pytest.mark.parametrize("damage", [
    lambda m: m.pop("settings"), lambda m: m.update(inputs={"files": [{"path": "x"}]}),
    lambda m: m.update(settings={"unit": "chapter"}), lambda m: m.update(versions=[1, 2]),
    lambda m: m.update(tables=None)])
def test_verify_on_a_damaged_manifest_is_an_input_error_exit_3(study, tmp_path, damage, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(study, copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    damage(manifest)
    (copy / "manifest.json").write_text(json.dumps(manifest))
    assert main(["verify", str(copy)]) == EXIT_INPUT
    assert "damaged manifest" in capsys.readouterr().err


def test_verify_without_a_manifest_is_an_input_error(tmp_path):
    assert main(["verify", str(tmp_path)]) == 3


def test_jupyterlab_displays_mark_arabic_cells_right_to_left():
    import corpuskit as ck

    c = ck.load_corpus(SAMPLE).drop_duplicates()
    dtm = ck.document_term_matrix(c)
    model = ck.TopicModel(k=3).fit(dtm)
    mentions = ck.find_actors(c)
    network = ck.actor_network(ck.cooccurrence(mentions, min_count=3), mentions=mentions)
    for html in (dtm._repr_html_(), model._repr_html_(), ck.show(mentions)._repr_html_(),
                 ck.show(network)._repr_html_()):
        parser = _Report()
        parser.feed(html)
        arabic = [d for d, t in parser.cells if any("\u0600" <= ch <= "\u06ff" for ch in t)]
        assert arabic and all(d == "rtl" for d in arabic)
    assert "not fitted" in ck.TopicModel(k=3)._repr_html_()
    assert "military" in ck.load_lexicon()._repr_html_()


def test_arabic_column_names_in_report_tables_take_their_direction_from_their_text():
    from corpuskit.report.html import table_html

    out = table_html(pd.DataFrame({"المصدر": ["الحياة"], "n": [3]}))
    assert '<th dir="auto">المصدر</th>' in out and '<td dir="rtl">الحياة</td>' in out
