#!/usr/bin/env bash
# Our default thinking reward model against TF-IDF + ridge (scikit-learn), side by side: both
# train on the same `rewardkit rm synth` rows and are scored on the hand-written held-out set by
# the same code (`rewardkit rm eval`; pairwise accuracy counts prediction ties as 0.5).
#
#   scripts/rm_baseline.sh            # 100k training rows, seed 7
#   N=20000 SEED=3 scripts/rm_baseline.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
SEED=${SEED:-7}
EPOCHS=${EPOCHS:-4}
HELDOUT=Fixtures/rm_heldout.jsonl
WORK=.build/rm-baseline
mkdir -p "$WORK"

swift build -c release --product rewardkit >/dev/null
RK=.build/release/rewardkit
if [ ! -x .build/rm-venv/bin/python ]; then
  python3 -m venv .build/rm-venv
  .build/rm-venv/bin/pip install -q scikit-learn
fi

"$RK" rm synth --n "$N" --seed "$SEED" --out "$WORK/train.jsonl"
"$RK" rm synth --n 5000 --seed $((SEED + 1000)) --out "$WORK/val.jsonl"

/usr/bin/time -f "ours: train wall %e s, CPU %U+%S s" \
  "$RK" rm train --data "$WORK/train.jsonl" --val "$WORK/val.jsonl" --epochs "$EPOCHS" --seed "$SEED" --out "$WORK/mlp.rkck"
/usr/bin/time -f "ridge: train wall %e s, CPU %U+%S s" \
  .build/rm-venv/bin/python scripts/rm_baseline.py "$WORK/train.jsonl" "$HELDOUT" "$WORK/ridge.txt"

"$RK" rm eval --model "$WORK/mlp.rkck" --data "$HELDOUT" --json > "$WORK/ours.json"
"$RK" rm eval --predictions "$WORK/ridge.txt" --data "$HELDOUT" --json > "$WORK/ridge.json"

python3 - "$WORK/ours.json" "$WORK/ridge.json" "$N" <<'PY'
import json, sys
ours, ridge = (json.load(open(p))["metrics"] for p in sys.argv[1:3])
print(f"\nheld-out: {ours['rows']} rows, {ours['questions']} questions, {ours['pairs']} within-question pairs; trained on {sys.argv[3]} synthetic rows")
print(f"{'model':<30}{'pairwise acc':>14}{'Spearman':>10}{'Pearson':>10}{'MAE':>8}")
for name, m in (("ours (n-grams+features MLP)", ours), ("TF-IDF + ridge", ridge)):
    print(f"{name:<30}{m['pairwiseAccuracy']:>14.4f}{m['spearman']:>10.4f}{m['pearson']:>10.4f}{m['mae']:>8.4f}")
print("\nours beats the baseline on pairwise accuracy" if ours['pairwiseAccuracy'] > ridge['pairwiseAccuracy']
      else "\nours does NOT beat the baseline on pairwise accuracy")
PY
