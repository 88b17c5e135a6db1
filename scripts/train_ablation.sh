#!/bin/bash
# The miniature ablation: r1, stepgrpo, sophiavl and sharegrpo trained from one SFT start for the
# same number of GRPO steps (so the same number of optimizer steps: every preset takes
# --minibatches 2 per step) on several seeds, then a table of held-out greedy accuracy at start
# and end (mean ± standard error over seeds), the gain of each seed, frac_zero_std, which gain
# differences exceed twice their noise, and an HTML page with held-out accuracy against step
# per method (OUT/ablation.html).
#   r1, sophiavl and sharegrpo start from the think_answer SFT (`train sft --seed 1`);
#   stepgrpo needs the Mulberry sections, so it starts from an SFT in that format (same task,
#   seed and steps). The seeds vary the GRPO runs (problems, sampling, expansion), not the start.
#   sophiavl scores with the thinking reward model THINKING_MODEL (e.g. models/thinking.rkck from
#   `make thinking-model`); when unset, one is trained here from synthetic data (`rm synth` +
#   `rm train`, seconds).
# Usage: scripts/train_ablation.sh [SEEDS (count or comma list, default 3)] [STEPS (default 200)] [OUT_DIR (default ablation-out)]
# Env: JOBS (runs at once, default 1), EVAL_EVERY (default 25), RK (a built rewardkit; default: build release),
#      SFT_STEPS (default: train sft's; fewer only to check the script quickly).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seeds="${1:-3}"
steps="${2:-200}"
out="${3:-ablation-out}"
jobs="${JOBS:-1}"
[[ "$seeds" =~ ^[0-9]+$ ]] && seeds="$(seq -s, 1 "$seeds")"
IFS=, read -r -a seed_list <<<"$seeds"
mkdir -p "$out"
if [ -z "${RK:-}" ]; then
  (cd "$root" && swift build -c release --product rewardkit >/dev/null)
  RK="$root/.build/release/rewardkit"
fi
export OPENBLAS_NUM_THREADS=1

sft=(--task arithmetic --seed 1 ${SFT_STEPS:+--steps "$SFT_STEPS"})
[ -f "$out/sft.ckpt" ] || "$RK" train sft "${sft[@]}" --out "$out/sft.ckpt" 2>"$out/sft.stderr"
[ -f "$out/sft-mulberry.ckpt" ] || "$RK" train sft "${sft[@]}" --format mulberry --out "$out/sft-mulberry.ckpt" 2>"$out/sft-mulberry.stderr"

thinking="${THINKING_MODEL:-}"
if [ -z "$thinking" ]; then
  thinking="$out/rm.rkck"
  [ -f "$out/rm_train.jsonl" ] || "$RK" rm synth --n 5000 --seed 7 --out "$out/rm_train.jsonl"
  [ -f "$thinking" ] || "$RK" rm train --data "$out/rm_train.jsonl" --out "$thinking" 2>"$out/rm.stderr"
fi
cat > "$out/sophiavl.yaml" <<YAML
rewards:
  - {name: accuracy, weight: 1.0, format_gate: think_answer}
  - {name: thinking, weight: 1.0, model: $thinking}
group:
  trust: {mode: paper, alpha: 0.3, schedule: exp, T: 1500}
  advantage: {estimator: grpo, epsilon: 1.0e-6}
YAML

presets=(r1 stepgrpo sophiavl sharegrpo)
run() {  # run PRESET SEED
  local p="$1" s="$2" init="$out/sft.ckpt" format=think_answer spec=(--preset "$1")
  [ "$p" = stepgrpo ] && { init="$out/sft-mulberry.ckpt"; format=mulberry; }
  [ "$p" = sophiavl ] && spec=(--config "$out/sophiavl.yaml")
  [ -f "$out/$p-s$s.ckpt" ] && tail -n 1 "$out/$p-s$s.jsonl" | grep -qE "\"step\" ?: ?$steps[,}]" && return 0
  rm -f "$out/$p-s$s.jsonl"
  "$RK" train grpo --task arithmetic --seed "$s" --format "$format" --init "$init" "${spec[@]}" \
    --out "$out/$p-s$s.ckpt" --log "$out/$p-s$s.jsonl" --steps "$steps" --max-minutes 0 \
    --eval-every "${EVAL_EVERY:-25}" 2>"$out/$p-s$s.stderr"
}
for s in "${seed_list[@]}"; do
  for p in "${presets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
    run "$p" "$s" &
  done
done
wait

logs=()
for p in "${presets[@]}"; do for s in "${seed_list[@]}"; do logs+=(--log "$p=$out/$p-s$s.jsonl"); done; done
echo "thinking model: $thinking; seeds ${seeds}; $steps steps each"
"$RK" train report "${logs[@]}" --out "$out/ablation.html" --markdown
