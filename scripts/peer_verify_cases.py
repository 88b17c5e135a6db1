#!/usr/bin/env python3
"""Runs math-verify 0.9.0 as a live peer on golden verifier cases and prints where it differs from the expectation.

usage: python3 scripts/peer_verify_cases.py CASES.jsonl [--out VERDICTS.jsonl]
Needs math-verify 0.9.0 (pip install math-verify==0.9.0). The peer is a second opinion, not the source of truth:
a difference is a case to look at again, not a wrong expectation.

How the peer is called: verify(parse(gold), parse(pred)) with math-verify's default extraction (LaTeX, then plain
expressions, rightmost match first). The gold is wrapped in $...$ unless it has math delimiters already (math-verify
reads LaTeX only inside them). The prediction is wrapped the same way when it is a bare answer; a prediction with
prose in it (words outside LaTeX commands and \\text{}) is a response and is handed over as is, as a reward function
would. Cases with "extraction": "anchored" are run the same way (math-verify has no anchored-only mode); they are
counted separately. Exceptions and timeouts of the peer count as "no match"."""
import argparse
import collections
import json
import re
import sys

from math_verify import parse, verify

DELIMS = re.compile(r"(?<!\\)\$|\\\(|\\\[|\\boxed|\\fbox")


def is_response(s):
    bare = re.sub(r"\\text\w*\{[^{}]*\}", " ", s)
    bare = re.sub(r"\\[A-Za-z]+", " ", bare)
    return "\n" in s.strip() or re.search(r"[A-Za-z]{2,}", bare) is not None


def wrap(s, response_ok):
    if DELIMS.search(s) or (response_ok and is_response(s)):
        return s
    return f"${s}$"


def peer(gold, pred):
    try:
        return bool(verify(parse(wrap(gold, False)), parse(wrap(pred, True)))), None
    except Exception as e:  # the peer's own failures count as "no match"
        return False, f"{type(e).__name__}: {e}"[:120]


def case_class(case):
    return case["id"].rsplit("-", 1)[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases")
    ap.add_argument("--out", help="write one row per case: id, expected, peer, error")
    args = ap.parse_args()
    cases = [json.loads(l) for l in open(args.cases) if l.strip()]
    per = collections.defaultdict(lambda: [0, 0])  # class -> [cases, peer agrees]
    diffs = []
    out = open(args.out, "w") if args.out else None
    for c in cases:
        got, err = peer(c["gold"], c["pred"])
        cls = case_class(c)
        per[cls][0] += 1
        per[cls][1] += got == c["expected"]
        if got != c["expected"]:
            diffs.append((cls, c, got, err))
        if out:
            out.write(json.dumps({"id": c["id"], "expected": c["expected"], "peer": got, "error": err}) + "\n")
    if out:
        out.close()
    total = sum(n for n, _ in per.values())
    agree = sum(a for _, a in per.values())
    print(f"math-verify agrees with the expectation on {agree}/{total} cases")
    for cls in sorted(per):
        n, a = per[cls]
        print(f"  {cls:24} {a:4}/{n:<4} {100 * a / n:5.1f}%")
    print(f"\ndifferences ({len(diffs)}):")
    for cls, c, got, err in diffs:
        mode = f" [{c['extraction']}]" if c.get("extraction") else ""
        print(f"{c['id']}{mode}: gold {json.dumps(c['gold'])[:160]} pred {json.dumps(c['pred'])[:160]} "
              f"expected {str(c['expected']).lower()}, math-verify {str(got).lower()}" + (f" ({err})" if err else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
