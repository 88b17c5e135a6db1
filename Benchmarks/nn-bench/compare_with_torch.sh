#!/bin/bash
# Alternates nn-bench and its PyTorch peer, one BLAS/OMP thread each, and prints forward+backward
# tokens/s (wall) and tokens per CPU-second (the figure that survives a busy machine).
# Usage: PYTHON=/path/to/python-with-torch ROUNDS=5 Benchmarks/nn-bench/compare_with_torch.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python3}"
# SHAPE="batch seqLen dim layers heads vocab" picks another model (scripts/grpo_speed_peer.sh uses the policy's).
shape="${SHAPE:-16 128 128 4 4 96} ${STEPS:-10}"
(cd "$root" && swift build -c release --product nn-bench >/dev/null)
extract='s/.*fwd\+bwd ([0-9]+) tokens\/s.*CPU-second ([0-9]+) tokens/wall \1, per CPU-second \2/'
for i in $(seq "${ROUNDS:-4}"); do
  s=$(OPENBLAS_NUM_THREADS=1 "$root/.build/release/nn-bench" $shape | sed -n 2p | sed -E "$extract")
  p=$(OMP_NUM_THREADS=1 "$python" "$here/torch_reference.py" $shape 2>/dev/null | tail -1 | sed -E "$extract")
  echo "round $i: swift $s | torch $p"
done
