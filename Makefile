# RewardKit: the first two targets are the README's two commands.
#   make run   installs missing system packages, builds, and scores the bundled rollouts
#   make test  installs missing system packages and runs the whole test suite

SWIFT ?= swift
APT_PACKAGES := pkg-config libpcre2-dev libsqlite3-dev libopenblas-dev
BIN := .build/release/rewardkit

# The adapters in integrations/ against a real `rewardkit serve` (needs python3 with pytest).
# PYTHON may name a venv's interpreter.
PYTHON ?= python3

.PHONY: run test deps build bench bench-model-client bench-stepgrpo regress loadtest clean thinking-model thinking-eval test-integrations

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

# The default thinking reward model, models/thinking.rkck (not in git), from the GSM8K training
# solutions shipped in data/: each solution plus three versions with a flaw written in by
# program (`rm synth --gsm8k`), graded and step-labelled, plus 30,000 `rm synth` template rows
# (other flaws: hedging, repetition, language mixing). A few minutes on 2 cores.
THINKING_WORK := .build/thinking-model
thinking-model: build
	mkdir -p models $(THINKING_WORK)
	gunzip -c data/gsm8k/train.jsonl.gz > $(THINKING_WORK)/gsm8k_train.jsonl
	$(BIN) rm synth --gsm8k $(THINKING_WORK)/gsm8k_train.jsonl --n 7473 --per-problem 3 --seed 7 --out $(THINKING_WORK)/gsm8k.jsonl
	$(BIN) rm synth --n 30000 --seed 7 --out $(THINKING_WORK)/templates.jsonl
	cat $(THINKING_WORK)/gsm8k.jsonl $(THINKING_WORK)/templates.jsonl > $(THINKING_WORK)/train.jsonl
	$(BIN) rm train --data $(THINKING_WORK)/train.jsonl --epochs 4 --pairwise-weight 1 --ngram-dropout 0.5 --out models/thinking.rkck

# The figures of docs/thinking-rm.md: GSM8K model solutions (held-back half of the questions),
# PRMBench and BIG-Bench Mistake first-error detection, the hand-written held-out set.
thinking-eval: build
	BIN=$(BIN) scripts/rm_eval_real.sh

clean:
	rm -rf .build .rewardkit

# The adapters against a real server: pytest in integrations/tests (debug build of rewardkit).
test-integrations:
	$(SWIFT) build --product rewardkit
	$(PYTHON) -m pytest -q integrations/tests
