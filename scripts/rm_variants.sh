#!/usr/bin/env bash
# Variants of the default thinking-model recipe (`make thinking-model`), each trained on no GSM8K
# model solution and measured on both halves of them (`rm eval --fold I/2`): pairwise / best-of-4
# per fold. Fold 0 chooses, fold 1 is reported, and the other way round (docs/thinking-rm.md,
# "Variants"). Then the weight of the linear n-gram term (`--ngram-linear`) on synthetic rows of
# two problem kinds held out of training (as scripts/rm_select.sh splits them).
# About 2 minutes of CPU per variant; run `make thinking-model` first (it writes the training rows).
#
#   scripts/rm_variants.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/rewardkit}
W=.build/thinking-model
V=.build/rm-variants
mkdir -p "$V"
[ -f "$W/train.jsonl" ] || make thinking-model
gunzip -c data/gsm8k/model_solutions_dev.jsonl.gz > "$V/dev.jsonl"
RECIPE="--epochs 4 --pairwise-weight 1 --ngram-dropout 0.5"

folds() {  # folds MODEL: "fold 1 pairwise/best-of-4  fold 0 pairwise/best-of-4"
  for f in 1/2 0/2; do
    printf "fold %s %s  " "${f%/2}" "$("$BIN" rm eval --model "$1" --data "$V/dev.jsonl" --fold "$f" --json |
      python3 -c "import json,sys; r=json.load(sys.stdin)['ranking']; print('%.3f / %.3f' % (r['pairwiseAccuracy'], r['bestOfN']))")"
  done
  echo
}
variant() {  # variant NAME DATA FLAGS...
  local name=$1 data=$2
  shift 2
  "$BIN" rm train --data "$data" $RECIPE "$@" --out "$V/$name.rkck" >/dev/null 2>&1
  printf "%-28s " "$name"
  folds "$V/$name.rkck"
}

for n in 6 10; do
  "$BIN" rm synth --gsm8k "$W/gsm8k_train.jsonl" --n 7473 --per-problem "$n" --seed 7 --out "$V/gsm8k$n.jsonl" 2>/dev/null
  cat "$V/gsm8k$n.jsonl" "$W/templates.jsonl" > "$V/train$n.jsonl"
done
for s in 1 2 3; do variant "default, seed $s" "$W/train.jsonl" --seed "$s"; done
variant "--members 2" "$W/train.jsonl" --members 2
variant "--members 3" "$W/train.jsonl" --members 3
variant "--ngram-linear 1" "$W/train.jsonl" --ngram-linear 1
variant "--pairwise-weight 3" "$W/train.jsonl" --pairwise-weight 3
variant "--ngram-dropout 0.75" "$W/train.jsonl" --ngram-dropout 0.75
for s in 1 2 3; do variant "6 flaws per problem, seed $s" "$V/train6.jsonl" --seed "$s"; done
variant "10 flaws per problem" "$V/train10.jsonl"
variant "--hidden 32" "$W/train.jsonl" --hidden 32
variant "--hidden 64" "$W/train.jsonl" --hidden 64
variant "--epochs 2" "$W/train.jsonl" --epochs 2
variant "--epochs 6" "$W/train.jsonl" --epochs 6
for n in 60000 100000; do
  "$BIN" rm synth --n "$n" --seed 7 --out "$V/templates$n.jsonl" 2>/dev/null
  cat "$W/gsm8k.jsonl" "$V/templates$n.jsonl" > "$V/train_t$n.jsonl"
  variant "$n template rows" "$V/train_t$n.jsonl"
done

# Held-out problem kinds: synthetic rows of kinds 4 and 5 (another seed) read models trained on
# the GSM8K rows plus template kinds 0-3.
"$BIN" rm synth --n 5000 --seed 8 --out "$V/synval.jsonl" 2>/dev/null
kinds() {  # kinds IN OUT HELD_OUT: rm synth writes 5 rows per problem, its kind cycling through 6;
           # keep the rows of kinds 4-5 (HELD_OUT=1) or of kinds 0-3 (HELD_OUT=0)
  python3 -c 'import sys; f, keep = open(sys.argv[1]), sys.argv[2] == "1"
sys.stdout.writelines(l for r, l in enumerate(f) if ((r // 5) % 6 in (4, 5)) == keep)' "$1" "$3" > "$2"
}
kinds "$V/synval.jsonl" "$V/val_k45.jsonl" 1
train_k03() {  # train_k03 TEMPLATES OUT: the GSM8K rows plus template kinds 0-3
  kinds "$1" "$V/k03.tmp" 0
  cat "$W/gsm8k.jsonl" "$V/k03.tmp" > "$2"
}
echo "== template rows on held-out problem kinds (the GSM8K rows plus template kinds 0-3)"
for n in 30000 60000 100000; do
  [ "$n" = 30000 ] && t="$W/templates.jsonl" || t="$V/templates$n.jsonl"
  train_k03 "$t" "$V/train_k03_t$n.jsonl"
  "$BIN" rm train --data "$V/train_k03_t$n.jsonl" $RECIPE --out "$V/k03_t$n.rkck" >/dev/null 2>&1
  printf "%-7s template rows %s\n" "$n" "$("$BIN" rm eval --model "$V/k03_t$n.rkck" --data "$V/val_k45.jsonl" | grep 'pairwise accuracy')"
done
echo "== --ngram-linear on held-out problem kinds"
for w in 0 0.5 1 2 4 8 16; do
  "$BIN" rm train --data "$V/train_k03_t30000.jsonl" $RECIPE --ngram-linear "$w" --out "$V/k03.rkck" >/dev/null 2>&1
  printf -- "--ngram-linear %-4s %s\n" "$w" "$("$BIN" rm eval --model "$V/k03.rkck" --data "$V/val_k45.jsonl" | grep 'pairwise accuracy')"
done
