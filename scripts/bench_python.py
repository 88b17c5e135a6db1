#!/usr/bin/env python3
"""math-verify 0.9.0 and the rewardkit Python package in the same process, on the same pairs.

usage: python scripts/bench_python.py [PAIRS=12000] [PEER_PAIRS=2000]
Pairs come from scripts/gen_verify_pairs.py. math-verify runs as a reward function calls it,
verify(parse(gold), parse(pred)) with answers wrapped in $...$ (as scripts/bench_verify_peer.py),
over the first PEER_PAIRS pairs; rewardkit runs verify(gold, pred) per call, and verify_batch
over all pairs (all cores). Prints pairs/s of each and the ratios against math-verify, and how
often the two agree on the pairs both ran. Needs `pip install ./python math-verify==0.9.0`.
Wall-clock figures: run it on an idle machine.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import rewardkit

ROOT = Path(__file__).resolve().parent.parent


def wrap(s: str) -> str:
    return s if re.search(r"(?<!\\)\$", s) else f"${s}$"


def pairs(n: int) -> list[dict]:
    out = subprocess.run([sys.executable, str(ROOT / "scripts/gen_verify_pairs.py"), str(n)], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def timed(fn) -> tuple[float, float, object]:
    """Wall seconds, CPU seconds of this process, and the result."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - start, time.process_time() - cpu, result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 12000
    peer_n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    rows = pairs(n)
    golds, preds = [r["gold"] for r in rows], [r["pred"] for r in rows]

    from math_verify import parse, verify

    def peer_one(g: str, p: str) -> bool:
        try:
            return bool(verify(parse(wrap(g)), parse(wrap(p))))
        except Exception:  # the peer's own failures count as "no match"
            return False

    peer_rows = rows[:peer_n]
    peer_s, peer_cpu, peer_out = timed(lambda: [peer_one(r["gold"], r["pred"]) for r in peer_rows])
    print(f"math-verify: {len(peer_rows)} pairs in {peer_s:.1f} s", file=sys.stderr)
    rewardkit.verify_batch(golds[:100], preds[:100])  # load and warm
    call_s, call_cpu, call_out = timed(lambda: [rewardkit.verify(g, p) for g, p in zip(golds, preds)])
    batch_s, batch_cpu, batch_out = timed(lambda: rewardkit.verify_batch(golds, preds))
    differ = sum(a != b for a, b in zip(call_out, batch_out))

    peer_rate, call_rate, batch_rate = len(peer_rows) / peer_s, n / call_s, n / batch_s
    peer_cpu_rate, call_cpu_rate = len(peer_rows) / peer_cpu, n / call_cpu
    agree = sum(a == b for a, b in zip(peer_out, call_out)) / len(peer_rows)
    load = os.getloadavg()[0]
    print(f"pairs: {n} (math-verify on the first {len(peer_rows)}), cores: {os.cpu_count()}, load average at the end: {load:.1f}")
    print(f"| | pairs/s (wall) | vs math-verify | pairs per CPU-second | vs math-verify |")
    print(f"| --- | ---: | ---: | ---: | ---: |")
    print(f"| math-verify 0.9.0, verify(parse(g), parse(p)) | {peer_rate:,.0f} | 1x | {peer_cpu_rate:,.0f} | 1x |")
    print(f"| rewardkit.verify, one call a pair | {call_rate:,.0f} | {call_rate / peer_rate:,.0f}x | {call_cpu_rate:,.0f} | {call_cpu_rate / peer_cpu_rate:,.0f}x |")
    print(f"| rewardkit.verify_batch, all cores | {batch_rate:,.0f} | {batch_rate / peer_rate:,.0f}x | {n / batch_cpu:,.0f} | {n / batch_cpu / peer_cpu_rate:,.0f}x |")
    print(f"same verdict as math-verify on {agree:.1%} of {len(peer_rows)} pairs; "
          f"verify and verify_batch differ on {differ} of {n} pairs (the 20 ms wall-time budget, on a loaded machine)")


if __name__ == "__main__":
    main()
