"""The corpuskit command: load, info, exit codes, errors on stderr without tracebacks."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from corpuskit.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main

from .conftest import SAMPLE, SEED


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpuskit.cli", *args], capture_output=True,
                          text=True)


def test_load_then_info(tmp_path, capsys):
    out = tmp_path / "c.parquet"
    assert main(["load", str(SAMPLE), str(SEED.parent), "--out", str(out),
                 "--report", str(tmp_path / "r.csv")]) == EXIT_OK
    said = capsys.readouterr().out
    assert "163 documents" in said and "1 skipped" in said and "7 flagged duplicates" in said
    assert len(pd.read_csv(tmp_path / "r.csv")) == 164  # 163 documents and one cut-off line
    assert main(["info", str(out), "--plot", str(tmp_path / "m.png")]) == EXIT_OK
    assert (tmp_path / "m.png").read_bytes()[:4] == b"\x89PNG"
    info = capsys.readouterr().out
    assert "Documents by source:" in info and "Documents by month:" in info
    assert "2012-02" in info and "truncated JSON record" in info


def test_info_on_input_paths_lists_skips(capsys):
    assert main(["info", str(SAMPLE / "ahrar"), "--skipped"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "27 documents" in out and "line 28" in out


def test_errors_go_to_stderr_with_exit_codes_and_no_traceback(tmp_path):
    r = run("info", str(tmp_path / "missing"))
    assert r.returncode == EXIT_INPUT and "no such file or folder" in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    r = run("load", str(SAMPLE), "--out", str(tmp_path / "x.parquet"), "--column", "text")
    assert r.returncode == EXIT_USAGE and "FIELD=NAME" in r.stderr and "Traceback" not in r.stderr
    r = run("load", str(SAMPLE / "ahrar"), "--out", str(tmp_path / "x.parquet"), "--strict")
    assert r.returncode == EXIT_INPUT and "line 28: truncated JSON record" in r.stderr
    r = run("frobnicate")
    assert r.returncode == EXIT_USAGE and "invalid choice" in r.stderr
    r = run("--help")
    assert r.returncode == EXIT_OK and "exit codes" in r.stdout


def test_topics_command_writes_tables_figures_and_model(tmp_path, capsys):
    out = tmp_path / "topics"
    assert main(["topics", str(SAMPLE), "--k", "5", "--out", str(out)]) == EXIT_OK
    said = capsys.readouterr().out
    assert "TopicModel(k=5)" in said and "wrote summary.csv" in said
    for name in ("summary.csv", "top_terms.csv", "doc_topics.csv", "prevalence_month.csv",
                 "prevalence_source.csv", "effects.csv", "top_terms.png", "prevalence_month.png",
                 "prevalence_source.png", "model/model.json", "model/model.npz"):
        assert (out / name).is_file(), name
    summary = pd.read_csv(out / "summary.csv")
    assert list(summary["topic"]) == [1, 2, 3, 4, 5]
    doc_topics = pd.read_csv(out / "doc_topics.csv")
    assert len(doc_topics) == 155  # 162 sample articles, the 7 flagged duplicates left out
    r = run("topics", str(SAMPLE), "--k", "100000", "--out", str(tmp_path / "x"))
    assert r.returncode == EXIT_USAGE and "larger than the vocabulary" in r.stderr
    assert "Traceback" not in r.stderr


def test_document_frequencies_are_read_as_typed(tmp_path, capsys):
    out = tmp_path / "o"
    assert main(["topics", str(SAMPLE), "--k", "3", "--max-df", "1.0", "--min-df", "2",
                 "--out", str(out), "--no-progress"]) == EXIT_OK
    assert main(["topics", str(SAMPLE), "--k", "3", "--max-df", "5000.0",
                 "--out", str(out)]) == EXIT_USAGE
    assert "a share is between 0 and 1" in capsys.readouterr().err
