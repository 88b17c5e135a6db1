#!/bin/bash
# Speed peer of the GRPO policy: forward+backward of the SAME architecture and batch as one
# `rewardkit train grpo` minibatch (PolicyConfig.standard: d96, 3 layers, 4 heads, vocab 99;
# 8 prompts x 8 responses / 2 minibatches = 32 sequences padded to about 128 positions), ours
# (nn-bench, OpenBLAS 1 thread) and PyTorch CPU (1 thread), alternating in one run.
# Prints tokens/s (wall) and tokens per CPU-second for both; the ratio is ours / torch.
# Usage: PYTHON=/path/to/python-with-torch ROUNDS=4 scripts/grpo_speed_peer.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out=$(SHAPE="32 128 96 3 4 99" STEPS="${STEPS:-10}" ROUNDS="${ROUNDS:-4}" "$root/Benchmarks/nn-bench/compare_with_torch.sh")
echo "$out"
echo "$out" | awk '
  { split($0, parts, "|"); sw = parts[1]; pt = parts[2]
    match(sw, /wall [0-9]+/); s_wall += substr(sw, RSTART + 5, RLENGTH - 5)
    match(sw, /CPU-second [0-9]+/); s_cpu += substr(sw, RSTART + 11, RLENGTH - 11)
    match(pt, /wall [0-9]+/); t_wall += substr(pt, RSTART + 5, RLENGTH - 5)
    match(pt, /CPU-second [0-9]+/); t_cpu += substr(pt, RSTART + 11, RLENGTH - 11); n++ }
  END { if (n && t_wall && t_cpu) printf "mean over %d rounds: ours %.0f tok/s (%.0f per CPU-s), torch %.0f tok/s (%.0f per CPU-s); ratio wall %.2fx, CPU %.2fx\n",
        n, s_wall/n, s_cpu/n, t_wall/n, t_cpu/n, s_wall/t_wall, s_cpu/t_cpu }'
