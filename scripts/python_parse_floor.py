#!/usr/bin/env python3
"""The floor `rewardkit bench score` compares against: read a JSONL file and json.loads each line.

Prints one line: "<rows> <seconds>", timing only the read-and-parse loop (not interpreter start-up).
"""
import json
import sys
import time


def main(path: str) -> None:
    start = time.perf_counter()
    rows = 0
    with open(path, "rb") as f:
        for line in f:
            if line.strip():
                json.loads(line)
                rows += 1
    print(rows, time.perf_counter() - start)


if __name__ == "__main__":
    main(sys.argv[1])
