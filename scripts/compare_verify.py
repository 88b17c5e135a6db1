#!/usr/bin/env python3
"""Prints the verifier benchmark: both sides' speed, the ratio, and where they disagree.

usage: python3 scripts/compare_verify.py PAIRS.jsonl SWIFT.jsonl PEER.jsonl SWIFT_SUMMARY PEER_SUMMARY"""
import collections
import json
import re
import sys


def summary(path):
    text = open(path).read()
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", text)}


def main():
    pairs = [json.loads(l) for l in open(sys.argv[1])]
    ours = [json.loads(l) for l in open(sys.argv[2])]
    peer = [json.loads(l) for l in open(sys.argv[3])]
    s, p = summary(sys.argv[4]), summary(sys.argv[5])
    n = min(len(pairs), len(ours), len(peer))
    print(f"pairs: {n}")
    print(f"swift: {s['pairs_per_s']:.0f} pairs/s  p50 {s['p50_us']:.0f} us  p99 {s['p99_us']:.0f} us  worst {s['worst_us']:.0f} us"
          + (f"  (cpu p99 {s['cpu_p99_us']:.0f} us, cpu worst {s['cpu_worst_us']:.0f} us)" if 'cpu_p99_us' in s else ""))
    print(f"peer : {p['pairs_per_s']:.1f} pairs/s  p50 {p['p50_us']:.0f} us  p99 {p['p99_us']:.0f} us  worst {p['worst_us']:.0f} us")
    print(f"ratio (wall): {s['pairs_per_s'] / p['pairs_per_s']:.0f}x")
    if "cpu_pairs_per_s" in s and "cpu_pairs_per_s" in p:
        print(f"cpu  : swift {s['cpu_pairs_per_s']:.0f} pairs/s, peer {p['cpu_pairs_per_s']:.1f} pairs/s, "
              f"ratio {s['cpu_pairs_per_s'] / p['cpu_pairs_per_s']:.0f}x; peer cpu p99 {p['cpu_p99_us']:.0f} us, worst {p['cpu_worst_us']:.0f} us")
    by_cat = collections.defaultdict(lambda: [0, 0, 0])  # disagreements, we-accept, peer-accepts
    rows = []
    for i in range(n):
        a, b = ours[i]["match"], peer[i]["match"]
        cat = pairs[i].get("category", "?")
        if a != b:
            by_cat[cat][0] += 1
            by_cat[cat][1 if a else 2] += 1
            rows.append((cat, a, b, pairs[i]["gold"], pairs[i]["pred"], ours[i]["reason"]))
    print(f"disagreements: {len(rows)} ({100 * len(rows) / max(1, n):.2f}%)")
    for cat, (d, us, them) in sorted(by_cat.items()):
        print(f"  {cat:22s} {d:5d}   only we match: {us:5d}   only peer matches: {them:5d}")
    seen = set()
    print("examples (category, ours, peer, gold | pred, our reason):")
    for r in rows:
        key = (r[0], r[1], r[5])
        if key in seen:
            continue
        seen.add(key)
        print(f"  {r[0]:20s} ours={str(r[1]):5s} peer={str(r[2]):5s} {r[3]} | {r[4]}   [{r[5]}]")


if __name__ == "__main__":
    main()
