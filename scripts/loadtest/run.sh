#!/usr/bin/env bash
# Load test of `rewardkit serve` against a minimal Python server (Flask + Math-Verify under
# gunicorn) answering the same single-sample OpenRLHF /get_reward requests, in one run, on
# loopback only. Each wrk run is bounded (DURATION seconds); both servers are stopped by pid.
#
#   scripts/loadtest/run.sh [DURATION=10] [CONNECTIONS=64]
#
# Needs: wrk (apt-get install wrk), pip install flask math-verify==0.9.0 gunicorn.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10}
CONNECTIONS=${2:-64}
SWIFT_PORT=${SWIFT_PORT:-18431}
PY_PORT=${PY_PORT:-18432}
OUT=bench-out
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
python3 -c 'import flask, math_verify, gunicorn' 2>/dev/null || { echo "pip install flask math-verify==0.9.0 gunicorn" >&2; exit 1; }

swift build -c release --product rewardkit >/dev/null
BIN=.build/release/rewardkit
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_ready() {  # port
  for _ in $(seq 1 200); do
    if curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
         -d '{"query":["Q<answer>1</answer>"],"prompts":["Q"],"labels":["1"]}' "http://127.0.0.1:$1/get_reward"; then return 0; fi
    sleep 0.1
  done
  echo "server on port $1 did not start" >&2; return 1
}

# CPU time (clock ticks) used so far by a server process and its direct children (gunicorn's
# workers): with other jobs on the machine, CPU per request is the steadier figure.
cpu_ticks() {  # pid
  for p in "$1" $(pgrep -P "$1"); do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{s += $1} END {print s + 0}'
}

# One line per server: req/s, p50, p99 (wrk --latency), server CPU per request, non-2xx and
# socket errors.
measure() {  # name port pid
  local before after
  before=$(cpu_ticks "$3")
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s scripts/loadtest/get_reward.lua "http://127.0.0.1:$2" > "$OUT/wrk-$1.txt"
  after=$(cpu_ticks "$3")
  python3 - "$1" "$OUT/wrk-$1.txt" "$((after - before))" "$(getconf CLK_TCK)" <<'PY'
import re, sys
name, path, ticks, hz = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
text = open(path).read()
def ms(label):
    m = re.search(r"^\s*%s\s+([\d.]+)(us|ms|s)\s*$" % label, text, re.M)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errs = re.search(r"Socket errors: (.*)", text)
total = int(re.search(r"(\d+) requests in", text).group(1))
cpu_us = ticks / hz / total * 1e6
print(f"{name}\t{rps:.0f}\t{ms('50%'):.2f}\t{ms('99%'):.2f}\t{cpu_us:.0f}\t{bad.group(1) if bad else 0}\t{errs.group(1) if errs else 'none'}")
PY
}

"$BIN" serve --preset r1 --port "$SWIFT_PORT" --workers "${WORKERS:-2}" >/dev/null 2>&1 &
pids+=($!)
wait_ready "$SWIFT_PORT"
swift_line=$(measure rewardkit "$SWIFT_PORT" "${pids[0]}")
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true

gunicorn -w 2 -b "127.0.0.1:$PY_PORT" --chdir scripts/loadtest --log-level warning python_peer:app >/dev/null 2>&1 &
pids+=($!)
wait_ready "$PY_PORT"
py_line=$(measure python "$PY_PORT" "${pids[1]}")
kill "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true

{
  echo "single-sample POST /get_reward, wrk -t1 -c$CONNECTIONS -d${DURATION}s, $(nproc) cores shared by server and wrk; $(uptime | sed 's/.*load/load/')"
  printf 'server\treq/s\tp50 ms\tp99 ms\tCPU us/req\tnon-2xx\tsocket errors\n'
  echo "$swift_line"
  echo "$py_line"
  python3 - "$swift_line" "$py_line" <<'PY'
import sys
a, b = sys.argv[1].split("\t"), sys.argv[2].split("\t")
print(f"ratio rewardkit/python: {float(a[1]) / float(b[1]):.1f}x requests/s, {float(b[4]) / float(a[4]):.1f}x less CPU per request")
PY
} | tee "$OUT/loadtest.txt"
