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


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


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
    peer_s, peer_out = timed(lambda: [peer_one(r["gold"], r["pred"]) for r in peer_rows])
    rewardkit.verify_batch(golds[:100], preds[:100])  # load and warm
    call_s, call_out = timed(lambda: [rewardkit.verify(g, p) for g, p in zip(golds, preds)])
    batch_s, batch_out = timed(lambda: rewardkit.verify_batch(golds, preds))
    assert call_out == batch_out, "verify and verify_batch disagree"

    peer_rate, call_rate, batch_rate = len(peer_rows) / peer_s, n / call_s, n / batch_s
    agree = sum(a == b for a, b in zip(peer_out, call_out)) / len(peer_rows)
    expect = sum(r.get("expect") == m for r, m in zip(rows, call_out)) / n
    peer_expect = sum(r.get("expect") == m for r, m in zip(peer_rows, peer_out)) / len(peer_rows)
    print(f"pairs: {n} (math-verify on the first {len(peer_rows)}), cores: {os.cpu_count()}")
    print(f"{'':28}{'pairs/s':>12}{'vs math-verify':>16}")
    print(f"{'math-verify 0.9.0':28}{peer_rate:>12.1f}{'1x':>16}")
    print(f"{'rewardkit.verify (per call)':28}{call_rate:>12.1f}{call_rate / peer_rate:>15.0f}x")
    print(f"{'rewardkit.verify_batch':28}{batch_rate:>12.1f}{batch_rate / peer_rate:>15.0f}x")
    print(f"agreement with math-verify: {agree:.1%} of {len(peer_rows)} pairs; "
          f"intended verdict met: rewardkit {expect:.1%}, math-verify {peer_expect:.1%}")


if __name__ == "__main__":
    main()
