#!/usr/bin/env bash
# Installs TRL, verl and OpenRLHF at the versions the framework tests were written against into
# the venv VENV (default .venv-fw), for `make test-integrations PYTHON=VENV/bin/python`.
# torch comes from PyPI (several GB). verl 0.9.1 pins transformers<5.11 and OpenRLHF 0.11.2 pins
# transformers==5.15.0, deepspeed and flash-attn (a GPU build), while TRL 1.16.0 runs with the
# current transformers: so verl and OpenRLHF are installed without their dependencies, plus only
# the modules that their reward paths import (verl's config, loader and reward loop; OpenRLHF's
# agent module with its aiohttp client).
set -euo pipefail
VENV=${1:-.venv-fw}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
PIP="$VENV/bin/pip"
"$PIP" install -q torch trl==1.16.0 transformers datasets pytest requests
"$PIP" install -q --no-deps verl==0.9.1 openrlhf==0.11.2
"$PIP" install -q hydra-core omegaconf "tensordict>=0.8.0,<=0.10.0,!=0.9.0" codetiming dill pybind11 \
  pylatexenc ray==2.55.0 aiohttp
