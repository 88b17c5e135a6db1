"""Inputs that hang or blow up a CAS return within the verifier's budget, from any thread."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import rewardkit

HOSTILE = [
    ("2", "9^{9^{9^{9^{9^{9}}}}}"),
    ("1", "(((((((((((((((((((((((((((((x)))))))))))))))))))))))))))))" * 50),
    ("10^{10^{10^{10}}}", "10^{10^{10^{10}}}+1"),
    ("\\frac{1}{2}", "\\frac{" * 5000 + "1" + "}" * 5000),
    ("x", "x^{" * 2000 + "2" + "}" * 2000),
    ("1", "1" * 200_000),
    ("1", "\\boxed{" + "9" * 5_000_000 + "}"),
    ("\\sin(x)^2+\\cos(x)^2", "1" + "+0" * 20000),
    ("12!", "479001600"),
    ("1", "(" * 100_000),
]

# Generous for a shared CI machine: the budget is 20 ms of work per comparison; a CAS takes seconds or hangs.
LIMIT_SECONDS = 2.0


@pytest.mark.parametrize("gold,pred", HOSTILE, ids=[f"hostile{i}" for i in range(len(HOSTILE))])
def test_hostile_pair_returns_within_budget(gold, pred):
    start = time.perf_counter()
    result = rewardkit.verify(gold, pred)
    elapsed = time.perf_counter() - start
    assert isinstance(result, bool)
    assert elapsed < LIMIT_SECONDS, f"{elapsed:.2f}s"


def test_hostile_pairs_in_threads_and_batches():
    golds = [g for g, _ in HOSTILE] * 4
    preds = [p for _, p in HOSTILE] * 4
    start = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        singles = list(pool.map(rewardkit.verify, golds, preds))
    batch = rewardkit.verify_batch(golds, preds)
    assert time.perf_counter() - start < LIMIT_SECONDS * 8
    assert batch == singles


def test_hostile_rows_score_without_crashing():
    rows = [{"prompt": "p", "response": f"<think>x</think><answer>{p}</answer>", "answer": g} for g, p in HOSTILE]
    rows.append({"prompt": "p", "response": "a" * 10_000_000, "answer": "1"})
    out = rewardkit.Scorer("r1").score(rows)
    assert len(out) == len(rows)
    assert all("reward" in r or "error" in r for r in out)
