#!/usr/bin/env python3
"""Runs math-verify 0.9.0 as a live peer on generated pairs: verify(parse(gold), parse(pred)).

usage: python3 scripts/bench_verify_peer.py PAIRS.jsonl OUT.jsonl [LIMIT]
Answers are wrapped in $...$ (math-verify extracts LaTeX only from math delimiters), exactly as a
reward function would hand them over. Prints one summary line with pairs/s, p99 and worst."""
import json
import re
import sys
import time

from math_verify import parse, verify


def wrap(s):
    return s if re.search(r"(?<!\\)\$", s) else f"${s}$"


def main():
    pairs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
    if len(sys.argv) > 3:
        pairs = pairs[: int(sys.argv[3])]
    out = []
    start, cpu_start = time.perf_counter(), time.process_time()
    for p in pairs:
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            ok = bool(verify(parse(wrap(p["gold"])), parse(wrap(p["pred"]))))
            err = None
        except Exception as e:  # the peer's own failures count as "no match"
            ok, err = False, type(e).__name__
        out.append({"match": ok, "micros": int((time.perf_counter() - t0) * 1e6),
                    "cpu_micros": int((time.process_time() - c0) * 1e6), "error": err})
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    with open(sys.argv[2], "w") as f:
        for r in out:
            f.write(json.dumps(r) + "\n")
    times = sorted(r["micros"] for r in out)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    cpu = sorted(r["cpu_micros"] for r in out)
    print(f"peer pairs={len(out)} seconds={seconds:.2f} pairs_per_s={len(out) / seconds:.1f} "
          f"p50_us={times[len(times) // 2]} p99_us={p99} worst_us={times[-1]} "
          f"cpu_seconds={cpu_seconds:.2f} cpu_pairs_per_s={len(out) / cpu_seconds:.1f} "
          f"cpu_p99_us={cpu[min(len(cpu) - 1, int(len(cpu) * 0.99))]} cpu_worst_us={cpu[-1]}")


if __name__ == "__main__":
    main()
