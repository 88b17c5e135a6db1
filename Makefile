# RewardKit: the first two targets are the README's two commands.
#   make run   installs missing system packages, builds, and scores the bundled rollouts
#   make test  installs missing system packages and runs the whole test suite

SWIFT ?= swift
APT_PACKAGES := pkg-config libpcre2-dev libsqlite3-dev libopenblas-dev libvips-dev
BIN := .build/release/rewardkit

# The adapters in integrations/ against a real `rewardkit serve` (needs python3 with pytest).
# PYTHON may name a venv's interpreter; .venv-fw (integrations/tests/install_frameworks.sh) is
# used when present, so the tests with TRL, verl and OpenRLHF's own code run too.
PYTHON ?= $(if $(wildcard .venv-fw/bin/python),.venv-fw/bin/python,python3)

.PHONY: run test deps build format lint bench bench-model-client bench-stepgrpo regress loadtest clean thinking-model thinking-eval test-integrations test-python test-python-ray test-python-frameworks bench-python bench-ray

run: build
	$(BIN) score Fixtures/rollouts.jsonl

test: deps
	$(SWIFT) test

# Installs only what is missing; uses sudo when not root.
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages:$$missing"; \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product rewardkit

# `score` with a served model: the loopback OpenAI stub answering after 50 ms, 64 requests in flight.
bench-model-client: build
	BIN=$(BIN) scripts/bench_model_client.sh

# Throughput of `score` against Python's json.loads-per-line floor, in one run.
bench: build
	$(BIN) bench score --rows 50000 --row-bytes 1000 --repeat 5

# The golden verifier cases: fails, naming the case, if the verifier's answer to any of them changed.
# A release build: verification runs under a 20 ms wall-clock budget, which a debug build can
# exceed on legitimate inputs. Fixtures/verifier_known_failures.jsonl lists the known gaps.
regress: build
	$(BIN) regress Fixtures/verifier_cases.jsonl --no-db

# The stepgrpo rewards against the r1 preset on the same Mulberry rows.
bench-stepgrpo: build
	BIN=$(BIN) scripts/bench_stepgrpo.sh 51000 5

# Single-sample /get_reward at 64 connections: rewardkit serve vs Flask + Math-Verify (loopback only).
loadtest: build
	scripts/loadtest/run.sh 10 64

# The default thinking reward model, models/thinking.rkck (not in git), from data/: the GSM8K
# training solutions, each plus three versions with a flaw written in by program (`rm synth
# --gsm8k`, graded and step-labelled), 30,000 `rm synth` template rows (other flaws: hedging,
# repetition, language mixing) and the 2,640 labelled GSM8K model solutions (real models' right
# and wrong work; THINKING_REAL copies of them). A few minutes on 2 cores.
# THINKING_SKIP="--skip-fold 1/2" THINKING_MODEL=PATH leaves fold 1 of the model solutions' questions
# out, so `rm eval --fold 1/2` measures the same recipe on questions it never saw (scripts/rm_eval_real.sh).
# THINKING_DEGENERATE=P also gives a share P of the problems one degenerate response (`rm synth
# --degenerate`); off by default, as it costs the GSM8K figures (docs/thinking-rm.md).
THINKING_WORK := .build/thinking-model
THINKING_MODEL ?= models/thinking.rkck
THINKING_SKIP ?=
THINKING_REAL ?= 0
THINKING_DEGENERATE ?= 0
thinking-model: build
	mkdir -p $(dir $(THINKING_MODEL)) $(THINKING_WORK)
	gunzip -c data/gsm8k/train.jsonl.gz > $(THINKING_WORK)/gsm8k_train.jsonl
	$(BIN) rm synth --gsm8k $(THINKING_WORK)/gsm8k_train.jsonl --n 7473 --per-problem 3 --degenerate $(THINKING_DEGENERATE) --seed 7 --out $(THINKING_WORK)/gsm8k.jsonl
	$(BIN) rm synth --n 30000 --seed 7 --out $(THINKING_WORK)/templates.jsonl
	gunzip -c data/gsm8k/model_solutions_dev.jsonl.gz > $(THINKING_WORK)/model_solutions.jsonl
	cat $(THINKING_WORK)/gsm8k.jsonl $(THINKING_WORK)/templates.jsonl > $(THINKING_WORK)/train.jsonl
	for i in $$(seq $(THINKING_REAL)); do cat $(THINKING_WORK)/model_solutions.jsonl >> $(THINKING_WORK)/train.jsonl; done
	$(BIN) rm train --data $(THINKING_WORK)/train.jsonl --epochs 4 --pairwise-weight 1 --ngram-dropout 0.5 $(THINKING_SKIP) --out $(THINKING_MODEL)

# The figures of docs/thinking-rm.md: GSM8K model solutions (held-back half of the questions),
# PRMBench and BIG-Bench Mistake first-error detection, the hand-written held-out set.
thinking-eval: build
	BIN=$(BIN) scripts/rm_eval_real.sh

clean:
	rm -rf .build .rewardkit

# The layout .swift-format describes (4-space indent, 120 columns, sorted imports; its rules that
# would rewrite code are off). `make format` rewrites the Swift files in place and is deterministic:
# run it again after a merge. `make lint` fails, naming the line, where a file is not as `make format`
# leaves it, or where a comment at the end of a line runs past 120 columns (which it does not move).
SWIFT_FORMAT_PATHS := Package.swift Sources Tests Benchmarks
format:
	$(SWIFT) format format --in-place --recursive $(SWIFT_FORMAT_PATHS)

lint:
	$(SWIFT) format lint --strict --recursive $(SWIFT_FORMAT_PATHS)

# The adapters against a real server: pytest in integrations/tests (debug build of rewardkit).
# test_framework_*.py drive TRL's GRPOTrainer, verl's config and reward loop and OpenRLHF's HTTP
# client; without those packages they are skipped, and -rs prints each skip with its reason.
# --durations prints how long each test took.
test-integrations:
	$(SWIFT) build --product rewardkit
	$(PYTHON) -m pytest -q -rs --disable-warnings --durations=12 -p no:cacheprovider integrations/tests

# The Python package (python/) the way docs/python.md installs it: a fresh venv, `pip install
# ./python` (a release build of the RewardKitC library, linked with the Swift runtime), pytest.
# The tests compare with the rewardkit binary of .build/ (`make build` first, as .ci/run does).
PYTHON_VENV ?= .venv-python
test-python:
	python3 -m venv --clear $(PYTHON_VENV)
	$(PYTHON_VENV)/bin/pip install -q pytest numpy pyarrow pandas
	$(PYTHON_VENV)/bin/pip install ./python
	cd /tmp && $(CURDIR)/$(PYTHON_VENV)/bin/python -c "import rewardkit; print(rewardkit.verify('\\frac12', '0.5'))"
	$(PYTHON_VENV)/bin/python -m pytest -q python/tests

# Ray Data and Parquet through the package (docs/ray.md): a fresh venv with `./python[ray]` (ray,
# pyarrow, pandas from PyPI), then examples/ray_score.py on 100,000 generated rows on a local
# cluster (ray.init(num_cpus=2)) against `rewardkit score` on the same rows, and the
# groupby + map_groups recipe against its advantages. Needs the release `rewardkit` (`make build`).
RAY_VENV ?= .venv-ray
test-python-ray:
	python3 -m venv --clear $(RAY_VENV)
	$(RAY_VENV)/bin/pip install -q pytest "./python[ray]"
	$(RAY_VENV)/bin/python -m pytest -q -p no:cacheprovider --durations=5 python/integration_tests/test_ray.py

# Rows/s through Ray (1 and 2 workers) against `rewardkit score` on the same rows (docs/ray.md).
bench-ray:
	$(RAY_VENV)/bin/pip install -q "./python[ray]"
	$(RAY_VENV)/bin/python scripts/bench_ray.py 100000 4096

# The package inside the real frameworks: TRL's GRPOTrainer for two steps on the CPU with a tiny
# model built in the test, and verl's reward managers. Needs torch, trl, datasets and verl in the
# interpreter's environment (torch is large, so this is not in .ci/run): PYTHON_FW=venv/bin/python.
PYTHON_FW ?= python3
test-python-frameworks:
	$(PYTHON_FW) -m pip install -q ./python
	cd python/integration_tests && $(PYTHON_FW) -m pytest -q -p no:cacheprovider .

# math-verify 0.9.0 and the package in one process on the same pairs (docs/python.md's table).
bench-python:
	$(PYTHON_FW) -m pip install -q ./python math-verify==0.9.0
	$(PYTHON_FW) scripts/bench_python.py 12000 2000
