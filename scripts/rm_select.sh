#!/usr/bin/env bash
# How the thinking-RM defaults were chosen without looking at the hand-written held-out set:
# synthetic rows are split by problem kind (rows of table and measurement problems become the
# validation set, the other four kinds train), so validation measures transfer to problem
# templates the model never saw. Each candidate prints its last-epoch validation figures.
#
#   scripts/rm_select.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=.build/rm-select
mkdir -p "$WORK"
swift build -c release --product rewardkit >/dev/null
RK=.build/release/rewardkit
"$RK" rm synth --n 20000 --seed 7 --out "$WORK/all.jsonl"
# rm synth writes 5 rows per problem and cycles through 6 kinds; kinds 4 and 5 validate.
python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
with open(f"{work}/all.jsonl") as f, open(f"{work}/train.jsonl", "w") as tr, open(f"{work}/val.jsonl", "w") as va:
    for r, line in enumerate(f):
        (va if (r // 5) % 6 in (4, 5) else tr).write(line)
PY
run() {
  echo "$* => $("$RK" rm train --data "$WORK/train.jsonl" --val "$WORK/val.jsonl" --out "$WORK/m.rkck" "$@" 2>&1 | grep '^epoch' | tail -1 | sed 's/.*| //')"
}
run --epochs 4
run --epochs 4 --no-tfidf
run --epochs 1
run --epochs 4 --weight-decay 0.5
run --epochs 4 --pairwise-weight 1
run --epochs 4 --ngram-dropout 0.5
run --epochs 4 --ngram-dropout 1
run --epochs 4 --lr 0.0005
