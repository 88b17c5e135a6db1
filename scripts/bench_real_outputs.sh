#!/usr/bin/env bash
# The accuracy verifier against correctness labels on public model outputs, with math-verify 0.9.0
# side by side on the same pairs: agreement, false accepts and false rejects per set and per split.
#
# usage: scripts/bench_real_outputs.sh DATA_DIR
#   DATA_DIR holds gsm8k/model_solutions_dev.jsonl, mathv_dev.jsonl and mathvista_dev.jsonl.
#   Each set is split in two by a hash of the question id: "dev" (for tuning) and "test" (for
#   reporting); both are printed, and their sum as "all".
# env: BIN (default .build/release/rewardkit, built when missing), VENV (default .venv-bench, made
#   with math-verify==0.9.0 when missing), OUT (default bench-out/real_outputs), NO_PEER=1 to skip
#   math-verify (the slow half; our figures alone).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DATA_DIR" >&2; exit 2; }
data="$(cd "$1" && pwd)"
cd "$(dirname "$0")/.."
bin="${BIN:-.build/release/rewardkit}"
venv="${VENV:-.venv-bench}"
out="${OUT:-bench-out/real_outputs}"
mkdir -p "$out"

[ -n "${BIN:-}" ] || swift build -c release --product rewardkit >/dev/null
if [ -z "${NO_PEER:-}" ]; then
  if ! "$venv/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(m.version("math-verify") != "0.9.0")' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q math-verify==0.9.0
  fi
fi

python3 scripts/bench_real_outputs.py rows "$data" "$out"

# Extraction modes: both when the accuracy reward knows `extraction`, else its one behaviour.
probe="$out/probe.jsonl"
echo '{"response": "A: 1", "answer": "1", "is_correct": true}' > "$probe"
if "$bin" audit "$probe" --label is_correct --extraction fallback --json >/dev/null 2>&1; then
  modes="anchored fallback"
else
  echo "note: this build has no extraction modes; measuring its default extraction only" >&2
  modes="default"
fi

for set in gsm8k mathv mathvista; do
  for split in dev test; do
    first=1
    for mode in $modes; do
      args=("$out/${set}_${split}.jsonl" --label is_correct --json --examples 20)
      [ "$mode" = default ] || args+=(--extraction "$mode")
      if [ $first -eq 1 ] && [ -z "${NO_PEER:-}" ]; then
        args+=(--peer math-verify --peer-python "$venv/bin/python" --peer-workers 2)
      fi
      echo "audit $set $split $mode" >&2
      # Exit 3 says some rows could not be scored; they are counted in the table, not fatal.
      status=0
      "$bin" audit "${args[@]}" > "$out/${set}_${split}_${mode}.json" || status=$?
      [ $status -eq 0 ] || [ $status -eq 3 ] || { echo "audit failed with status $status" >&2; exit $status; }
      first=0
    done
  done
done

commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources || echo '+changes')"
python3 scripts/bench_real_outputs.py table "$out" "$commit" | tee "$out/table.md"
