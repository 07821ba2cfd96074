# corpuskit: every target creates or updates the local virtual environment (.venv) by itself.
#   make demo    run the study on the sample corpus and the seed: build/study/report.html (topics,
#                actors, framing), its tables, figures and manifest; then the corpus file,
#                its summary and the first figure (build/documents_by_month.png)
#   make lab     JupyterLab with the project's environment as the "corpuskit" kernel
#   make test    the linter (ruff) and the whole test suite, notebooks included (strict nbval)
#   make bench   the speed and memory benchmarks (figures in README.md; installs gensim too)

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.corpuskit-installed
# camel-tools needs torch. Pinning the CPU build first keeps pip from pulling gigabytes of CUDA
# packages; elsewhere set TORCH_PIP_ARGS="--index-url https://download.pytorch.org/whl/cpu".
TORCH_SPEC ?= torch==2.13.0
TORCH_PIP_ARGS ?=
SAUDINEWSNET ?= $(CURDIR)/../shared/corpora/saudinewsnet

.PHONY: install demo test bench clean lab

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check $(TORCH_PIP_ARGS) "$(TORCH_SPEC)"
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)

demo: $(STAMP)
	@mkdir -p build
	$(VENV)/bin/corpuskit study --out build/study
	$(VENV)/bin/corpuskit load data/sample seeds --out build/sample.parquet --report build/load_report.csv
	$(VENV)/bin/corpuskit info build/sample.parquet --plot build/documents_by_month.png | tee build/summary.txt

test: $(STAMP)
	$(PY) -m ruff check corpuskit tests benchmarks data
	$(PY) -m pytest tests notebooks corpuskit --doctest-modules --nbval --nbval-current-env -q

bench: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev,bench]"
	CORPUSKIT_SAUDINEWSNET="$(SAUDINEWSNET)" $(PY) benchmarks/bench_tokenize.py
	CORPUSKIT_SAUDINEWSNET="$(SAUDINEWSNET)" $(PY) benchmarks/bench_load.py
	CORPUSKIT_SAUDINEWSNET="$(SAUDINEWSNET)" $(PY) benchmarks/bench_topics.py
	CORPUSKIT_SAUDINEWSNET="$(SAUDINEWSNET)" $(PY) benchmarks/bench_stream.py
	CORPUSKIT_SAUDINEWSNET="$(SAUDINEWSNET)" $(PY) benchmarks/bench_stream_alignment.py
	CORPUSKIT_SAUDINEWSNET="$(SAUDINEWSNET)" $(PY) benchmarks/bench_actors.py
	CORPUSKIT_SAUDINEWSNET="$(SAUDINEWSNET)" $(PY) benchmarks/bench_framing.py
	CORPUSKIT_SAUDINEWSNET="$(SAUDINEWSNET)" $(PY) benchmarks/bench_scale.py
	$(PY) benchmarks/bench_hostile.py

lab: $(STAMP)
	$(PY) -m ipykernel install --user --name corpuskit --display-name "Python (corpuskit)"
	$(VENV)/bin/jupyter lab notebooks/

clean:
	rm -rf build .pytest_cache
