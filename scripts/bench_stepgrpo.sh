#!/bin/sh
# Throughput of the stepgrpo rewards against the r1 preset on the same Mulberry rows, in one run.
#
# Rows: Fixtures/mulberry_rollouts.jsonl with key_steps re-extracted by `rewardkit keysteps` from
# the reference reasoning (about 37 forms in 4 groups per row, as extracted rows carry), repeated
# to N rows. Each side runs REPEAT times, alternating, so load from other work hits both alike.
# The stepgrpo side uses Fixtures/configs/stepgrpo-rewards.yaml (the preset minus `group:`).
#
#   scripts/bench_stepgrpo.sh [N=51000] [REPEAT=5]
set -eu
BIN=${BIN:-.build/release/rewardkit}
N=${1:-51000}
REPEAT=${2:-5}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT

python3 - "$DIR/ref.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open("Fixtures/mulberry_rollouts.jsonl")]
reference = next(r for r in rows if r["id"] == "reasoning_reference")["answer"]
with open(sys.argv[1], "w") as f:
    for r in rows:
        r.pop("expected", None)
        r["reference"] = reference
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
"$BIN" keysteps "$DIR/ref.jsonl" --out "$DIR/keysteps.jsonl" 2>/dev/null
python3 - "$DIR/keysteps.jsonl" "$DIR/rows.jsonl" "$N" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines(keepends=True)
n = int(sys.argv[3])
with open(sys.argv[2], "w") as f:
    for i in range(n):
        f.write(lines[i % len(lines)])
PY

rate() { sed -n 's/.*: \([0-9]*\) rows\/s.*/\1/p' | head -1; }
: > "$DIR/rates"
i=0
while [ "$i" -lt "$REPEAT" ]; do
  r1=$("$BIN" score "$DIR/rows.jsonl" --preset r1 --no-db --out "$DIR/out" 2>&1 | rate)
  sg=$("$BIN" score "$DIR/rows.jsonl" --config Fixtures/configs/stepgrpo-rewards.yaml --no-db --out "$DIR/out" 2>&1 | rate)
  echo "$r1 $sg" >> "$DIR/rates"
  i=$((i + 1))
done
python3 - "$DIR/rates" "$N" <<'PY'
import statistics, sys
runs = [tuple(map(int, l.split())) for l in open(sys.argv[1])]
r1, sg = [a for a, _ in runs], [b for _, b in runs]
print(f"{sys.argv[2]} Mulberry rows, {len(runs)} alternating runs each")
print(f"r1 preset:        best {max(r1)} rows/s, median {statistics.median(r1):.0f} rows/s")
print(f"stepgrpo rewards: best {max(sg)} rows/s, median {statistics.median(sg):.0f} rows/s")
print(f"ratio r1/stepgrpo: best {max(r1) / max(sg):.2f}x, median {statistics.median(r1) / statistics.median(sg):.2f}x")
PY
