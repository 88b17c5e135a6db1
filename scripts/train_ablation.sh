#!/bin/bash
# The miniature ablation: one SFT start per response format, then the same short GRPO run with
# each preset, and a table of held-out accuracy (start, final, gain), frac_zero_std and wall time.
#   r1, sophiavl, sharegrpo start from the think_answer SFT (sharegrpo's boxed-format component is
#   then constant, so only its accuracy and the hierarchical advantage steer); stepgrpo needs the
#   Mulberry sections, so it starts from an SFT in that format (same task, seed and steps).
#   sophiavl needs a thinking reward model: it is trained here with `rm synth` + `rm train` when
#   this build has `rm train`, and skipped (with a note) when it does not.
# Usage: scripts/train_ablation.sh [MINUTES_PER_RUN (default 4)] [OUT_DIR (default ablation-out)]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
minutes="${1:-4}"
out="${2:-ablation-out}"
mkdir -p "$out"
(cd "$root" && swift build -c release --product rewardkit >/dev/null)
rk="$root/.build/release/rewardkit"
common=(--task arithmetic --seed 1)

[ -f "$out/sft.ckpt" ] || "$rk" train sft "${common[@]}" --out "$out/sft.ckpt"
[ -f "$out/sft-mulberry.ckpt" ] || "$rk" train sft "${common[@]}" --format mulberry --out "$out/sft-mulberry.ckpt"

presets=(r1 stepgrpo sharegrpo)
if "$rk" rm --help 2>&1 | grep -qE "^ +train "; then
  [ -f "$out/rm_train.jsonl" ] || "$rk" rm synth --n 5000 --seed 7 --out "$out/rm_train.jsonl"
  [ -f "$out/rm.rkck" ] || "$rk" rm train --data "$out/rm_train.jsonl" --out "$out/rm.rkck"
  cat > "$out/sophiavl.yaml" <<YAML
rewards:
  - {name: accuracy, weight: 1.0, format_gate: think_answer}
  - {name: thinking, weight: 1.0, model: $out/rm.rkck}
group:
  trust: {mode: paper, alpha: 0.3, schedule: exp, T: 1500}
  advantage: {estimator: grpo, epsilon: 1.0e-6}
YAML
  presets=(r1 stepgrpo sophiavl sharegrpo)
else
  echo "note: this build has no 'rm train' (branch wip-rm not merged): sophiavl is skipped" >&2
fi

for p in "${presets[@]}"; do
  init="$out/sft.ckpt"; format=think_answer; spec=(--preset "$p")
  [ "$p" = stepgrpo ] && { init="$out/sft-mulberry.ckpt"; format=mulberry; }
  [ "$p" = sophiavl ] && spec=(--config "$out/sophiavl.yaml")
  "$rk" train grpo "${common[@]}" --format "$format" --init "$init" "${spec[@]}" --out "$out/$p.ckpt" \
    --log "$out/$p.jsonl" --steps 100000 --max-minutes "$minutes" --eval-every 0 2>"$out/$p.stderr"
done

echo
printf "| preset | SFT start | final | gain (points) | frac_zero_std (mean) | steps | wall time |\n"
printf "| --- | --- | --- | --- | --- | --- | --- |\n"
for p in "${presets[@]}"; do
  python3 - "$out/$p.jsonl" "$p" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
evals = [l for l in lines if "eval_accuracy" in l]
steps = [l for l in lines if "reward_mean" in l]
z = sum(l["frac_zero_std"] for l in steps) / max(1, len(steps))
a0, a1 = evals[0]["eval_accuracy"], evals[-1]["eval_accuracy"]
wall = steps[-1]["wall_s"] if steps else 0
print(f"| {sys.argv[2]} | {a0:.3f} | {a1:.3f} | {100*(a1-a0):+.1f} | {z:.3f} | {len(steps)} | {wall:.0f} s |")
PY
done
