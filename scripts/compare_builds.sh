#!/bin/sh
# `rewardkit score` throughput of two builds on the same rows, in one run: the rows come from
# `bench score`'s generator (R1-style rollouts), each build scores them REPEAT times, alternating,
# so load from other work hits both alike. Prints each side's best and median rows/s and the ratio
# NEW/OLD. Extra arguments go to both `score` runs (e.g. --preset r1).
#
#   scripts/compare_builds.sh OLD_BIN NEW_BIN [ROWS=200000] [REPEAT=7] [score flags...]
set -eu
OLD=$1
NEW=$2
ROWS=${3:-200000}
REPEAT=${4:-7}
shift 2; [ $# -gt 0 ] && shift; [ $# -gt 0 ] && shift
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT

"$NEW" bench score --rows "$ROWS" --row-bytes 1000 --repeat 1 --no-python --keep "$DIR/rows.jsonl" >/dev/null 2>&1
rate() { sed -n 's/.*: \([0-9]*\) rows\/s.*/\1/p' | head -1; }
: > "$DIR/rates"
i=0
while [ "$i" -lt "$REPEAT" ]; do
  old=$("$OLD" score "$DIR/rows.jsonl" --no-db --out "$DIR/out" "$@" 2>&1 | rate)
  new=$("$NEW" score "$DIR/rows.jsonl" --no-db --out "$DIR/out" "$@" 2>&1 | rate)
  echo "$old $new" >> "$DIR/rates"
  i=$((i + 1))
done
python3 - "$DIR/rates" "$ROWS" "$OLD" "$NEW" <<'PY'
import statistics, sys
runs = [tuple(map(int, l.split())) for l in open(sys.argv[1])]
old, new = [a for a, _ in runs], [b for _, b in runs]
print(f"{sys.argv[2]} rows, {len(runs)} alternating runs each")
print(f"old {sys.argv[3]}: best {max(old)} rows/s, median {statistics.median(old):.0f} rows/s")
print(f"new {sys.argv[4]}: best {max(new)} rows/s, median {statistics.median(new):.0f} rows/s")
print(f"ratio new/old: best {max(new) / max(old):.2f}x, median {statistics.median(new) / statistics.median(old):.2f}x")
PY
