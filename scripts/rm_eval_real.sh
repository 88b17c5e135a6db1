#!/usr/bin/env bash
# The thinking reward model's figures on real reasoning (docs/thinking-rm.md), all from data/:
#   - GSM8K model solutions (never trained on), split by question (`--fold I/2`, a hash of qid):
#     fold 0 chose the training data, flags, features and the group-aware weight, fold 1 is the
#     held-back half, then both folds together;
#   - first-error detection on BIG-Bench Mistake and PRMBench (test_p1; never trained on): fold 0
#     chose the step threshold, fold 1 is reported;
#   - the hand-written held-out set against TF-IDF + ridge trained on the same rows.
# Builds models/thinking.rkck first when it is missing (`make thinking-model`).
#
#   scripts/rm_eval_real.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/rewardkit}
MODEL=${MODEL:-models/thinking.rkck}
WORK=.build/rm-eval-real
mkdir -p "$WORK"
[ -f "$MODEL" ] || make thinking-model
for f in gsm8k/model_solutions_dev bigbench_mistake/multistep_arithmetic prmbench/prm800k_test_p1_4o; do
  gunzip -c "data/$f.jsonl.gz" > "$WORK/$(basename "$f").jsonl"
done

for fold in 1/2 0/2; do
  echo "== GSM8K model solutions, fold $fold of the questions"
  "$BIN" rm eval --model "$MODEL" --data "$WORK/model_solutions_dev.jsonl" --group-aware 0.5 --fold "$fold" | sed -n '/^ranking/,$p'
done
echo "== GSM8K model solutions, both folds (660 questions; the default model trains on none of them)"
"$BIN" rm eval --model "$MODEL" --data "$WORK/model_solutions_dev.jsonl" --group-aware 0.5 | sed -n '/^ranking/,$p'
for f in multistep_arithmetic prm800k_test_p1_4o; do
  echo "== $f, fold 1/2 of the questions"
  "$BIN" rm eval --model "$MODEL" --data "$WORK/$f.jsonl" --fold 1/2 | sed -n '/^first error/,$p'
done

echo "== hand-written held-out set (Fixtures/rm_heldout.jsonl)"
if [ ! -x .build/rm-venv/bin/python ]; then
  python3 -m venv .build/rm-venv
  .build/rm-venv/bin/pip install -q scikit-learn
fi
TRAIN=${TRAIN:-.build/thinking-model/train.jsonl}
.build/rm-venv/bin/python scripts/rm_baseline.py "$TRAIN" Fixtures/rm_heldout.jsonl "$WORK/ridge.txt"
printf "ours:           "; "$BIN" rm eval --model "$MODEL" --data Fixtures/rm_heldout.jsonl | grep "pairwise accuracy"
printf "TF-IDF + ridge: "; "$BIN" rm eval --predictions "$WORK/ridge.txt" --data Fixtures/rm_heldout.jsonl | grep "pairwise accuracy"
