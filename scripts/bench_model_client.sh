#!/usr/bin/env bash
# Throughput of `rewardkit score` with a reward that calls a served model, against the loopback
# OpenAI-compatible stub (Tests/ModelClientTests/openai_stub.py) answering after DELAY_MS, with
# CONCURRENCY requests in flight: rows/s as `rewardkit score` reports it, then the same with
# FAIL_PERCENT of the calls failing once (HTTP 500) to show every row is still scored.
#
#   scripts/bench_model_client.sh                 # 5000 rows, 50 ms, 64 in flight, 10% failing once
#   ROWS=20000 BIN=.build/release/rewardkit scripts/bench_model_client.sh
#
# The ceiling is CONCURRENCY / DELAY: 64 / 0.05 s = 1280 rows/s.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-5000}
DELAY_MS=${DELAY_MS:-50}
CONCURRENCY=${CONCURRENCY:-64}
FAIL_PERCENT=${FAIL_PERCENT:-10}
BIN=${BIN:-}
if [ -z "$BIN" ]; then
  if [ -x .build/release/rewardkit ]; then BIN=.build/release/rewardkit; else BIN=.build/debug/rewardkit; fi
fi
[ -x "$BIN" ] || { echo "no rewardkit binary at $BIN (swift build --product rewardkit)"; exit 1; }
WORK=$(mktemp -d)
STUB_PID=
cleanup() { [ -n "$STUB_PID" ] && kill "$STUB_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

python3 - "$ROWS" > "$WORK/rows.jsonl" <<'PY'
import json, sys
for i in range(int(sys.argv[1])):
    print(json.dumps({"prompt": f"Question {i}: what is {i} + {i}?", "response": f"<think>{i} + {i} = {2 * i}</think><answer>{2 * i}</answer> @reply=<answer>0.{i % 10}</answer>"}))
PY

run() {  # $1: extra stub flags; prints the summary line
  mkfifo "$WORK/hold.$1" 2>/dev/null || true
  sleep 600 > "$WORK/hold.$1" &
  local holder=$!
  python3 Tests/ModelClientTests/openai_stub.py --port 0 --delay-ms "$DELAY_MS" --fail-once-percent "$1" < "$WORK/hold.$1" > "$WORK/port.$1" &
  STUB_PID=$!
  for _ in $(seq 100); do grep -q listening "$WORK/port.$1" 2>/dev/null && break; sleep 0.1; done
  local port
  port=$(awk '{print $3}' "$WORK/port.$1")
  cat > "$WORK/rm.yaml" <<YAML
rewards:
  - {name: thinking, endpoint: {url: "http://127.0.0.1:$port/v1", model: thinking-reward-model, concurrency: $CONCURRENCY, retries: 3, backoff_s: 0.05, timeout_s: 10}}
YAML
  "$BIN" score "$WORK/rows.jsonl" --config "$WORK/rm.yaml" --no-db --out "$WORK/out.$1.jsonl" 2> "$WORK/summary.$1" || true
  kill "$STUB_PID" "$holder" 2>/dev/null || true
  wait "$STUB_PID" 2>/dev/null || true
  STUB_PID=
  local errors
  errors=$(grep -c '"error"' "$WORK/out.$1.jsonl" || true)
  echo "fail-once ${1}%: $(head -1 "$WORK/summary.$1") | error rows in output: $errors"
  grep "model calls" "$WORK/summary.$1"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); binary $BIN; $ROWS rows, stub delay ${DELAY_MS} ms, $CONCURRENCY in flight"
run 0
run "$FAIL_PERCENT"
