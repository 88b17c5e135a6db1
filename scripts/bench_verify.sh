#!/usr/bin/env bash
# Verifier benchmark: MathVerifier (Swift, release) against math-verify 0.9.0 on the same pairs.
# usage: scripts/bench_verify.sh [PAIRS=12000] [PEER_LIMIT=all]
# Writes bench-out/ (gitignored): pairs, per-pair results of both, summaries; prints the report.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-12000}"
mkdir -p bench-out
python3 scripts/gen_verify_pairs.py "$n" > bench-out/verify_pairs.jsonl
swift build -c release --product verify-bench >/dev/null
.build/release/verify-bench bench-out/verify_pairs.jsonl bench-out/swift_results.jsonl 7 | tee bench-out/swift_summary.txt
python3 -c 'import math_verify' 2>/dev/null || pip install math-verify==0.9.0
python3 scripts/bench_verify_peer.py bench-out/verify_pairs.jsonl bench-out/peer_results.jsonl ${2:-} | tee bench-out/peer_summary.txt
python3 scripts/compare_verify.py bench-out/verify_pairs.jsonl bench-out/swift_results.jsonl bench-out/peer_results.jsonl \
  bench-out/swift_summary.txt bench-out/peer_summary.txt | tee bench-out/report.txt
