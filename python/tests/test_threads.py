"""Eight threads hammering verify, verify_batch and Scorer.score give what one thread gives."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import rewardkit
from conftest import fixture, read_jsonl


def test_eight_threads_verify_like_one():
    """Every thread gets the single-thread verdict and reason. The one allowed difference is the
    budget's: it caps wall time (20 ms), so on a loaded machine a thread descheduled in the middle of
    a slow comparison can run out of it, and that verdict must then say `budget`, never another answer."""
    rows = read_jsonl(fixture("verifier_cases.jsonl"))
    golds, preds = [r["gold"] for r in rows], [r["pred"] for r in rows]
    single = [(e["match"], e["reason"]) for e in map(rewardkit.explain, golds, preds)]

    def work(k):
        if k % 2:
            return [(e["match"], e["reason"]) for e in map(rewardkit.explain, golds, preds)]
        return [(m, None) for m in rewardkit.verify_batch(golds, preds)]

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(16)))
    flips = 0
    for run in results:
        for (match, reason), (want_match, want_reason) in zip(run, single):
            if match == want_match and reason in (want_reason, None):
                continue
            # Running out of budget can only turn a match into "no match" (verify_batch gives no reason).
            assert reason in ("budget", None) and not (match and not want_match), (match, reason, want_match, want_reason)
            flips += 1
    assert flips <= len(single) * len(results) // 200, f"{flips} verdicts ran out of budget under threads"


def test_eight_threads_score_like_one():
    rows = read_jsonl(fixture("rollouts.jsonl")) * 10
    scorer = rewardkit.Scorer("r1")
    group_scorer = rewardkit.Scorer("sharegrpo")
    share_rows = read_jsonl(fixture("sharegrpo_rollouts.jsonl"))
    single = scorer.score(rows)
    single_group = group_scorer.score(share_rows)

    def work(k):
        return scorer.score(rows) if k % 2 else group_scorer.score(share_rows)

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(32)))
    for k, r in enumerate(results):
        assert r == (single if k % 2 else single_group)


def test_closing_while_other_threads_score_never_crashes():
    rows = read_jsonl(fixture("rollouts.jsonl"))
    for _ in range(5):
        scorer = rewardkit.Scorer("r1")

        def work(_):
            try:
                return len(scorer.score(rows))
            except rewardkit.RewardKitError:
                return -1

        with ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(work, i) for i in range(16)]
            scorer.close()
            assert all(f.result() in (len(rows), -1) for f in futures)
