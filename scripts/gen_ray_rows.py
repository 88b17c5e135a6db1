#!/usr/bin/env python3
"""Rows for the Ray/Parquet test and benchmark, as Parquet and as the same rows in JSONL.

    scripts/gen_ray_rows.py N OUT.parquet OUT.jsonl [--row-group ROWS]

verl's column layout: `id`, `uid` (groups of 8 responses to one prompt), `data_source`, `prompt`,
`response`, `reward_model` {ground_truth, style}; right, wrong and unformatted answers in turn.
Rows that cannot be scored on purpose: no response (every 1,009th row) and an unknown
`problem_type` (every 997th). In the JSONL a null field is left out, as a JSONL writer would.
"""

from __future__ import annotations

import argparse
import json

import pyarrow as pa
import pyarrow.parquet as pq


def row(i: int) -> dict:
    q = i // 8
    a, b = 3 + q % 97, 5 + q % 89
    right = a * b
    kind = (i * 7) % 5
    said = right if kind in (0, 1, 2) else right + 1 + i % 3
    think = f"<think>\n{a} times {b}: {a} * {b} = {a * b}. Check: {b} * {a} = {said}.\n</think>\n"
    response = think + (f"<answer>{said}</answer>" if kind != 2 else f"So the product is \\boxed{{{said}}}.")
    return {
        "id": i,
        "uid": f"q{q}",
        "data_source": "synthetic/products",
        "prompt": f"What is {a} times {b}? Think, then answer inside <answer></answer>.",
        "response": None if i % 1009 == 1008 else response,
        "reward_model": {"ground_truth": str(right), "style": "rule"},
        "problem_type": "bogus" if i % 997 == 996 else None,
    }


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("parquet")
    p.add_argument("jsonl")
    p.add_argument("--row-group", type=int, default=10_000)
    args = p.parse_args()
    rows = [row(i) for i in range(args.n)]
    pq.write_table(pa.Table.from_pylist(rows), args.parquet, row_group_size=args.row_group)
    with open(args.jsonl, "w") as f:
        for r in rows:
            f.write(json.dumps({k: v for k, v in r.items() if v is not None}) + "\n")


if __name__ == "__main__":
    main()
