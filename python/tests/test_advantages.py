"""advantages / advantage_rows against `rewardkit advantages` and the GRPO formula."""

from __future__ import annotations

import json
import statistics

import pytest

import rewardkit
from conftest import fixture, read_jsonl, run_cli


def grpo(rewards, groups, eps):
    out = []
    for r, g in zip(rewards, groups):
        members = [x for x, h in zip(rewards, groups) if h == g]
        sd = statistics.stdev(members) if len(members) > 1 else 0.0
        out.append(0.0 if sd == 0 else (r - statistics.mean(members)) / (sd + eps))
    return out


def test_grpo_matches_the_formula():
    rewards = [1.0, 0.0, 0.5, 1.0, 2.0, 2.0, 0.3]
    groups = ["a", "a", "a", "b", "b", "b", "c"]
    got = rewardkit.advantages(rewards, groups, epsilon=1e-4)
    for g, w in zip(got, grpo(rewards, groups, 1e-4)):
        assert g == pytest.approx(w, abs=1e-12)
    dr = rewardkit.advantages(rewards, groups, estimator="dr_grpo")
    assert dr[:3] == pytest.approx([0.5, -0.5, 0.0])


def test_numpy_in_numpy_out():
    np = pytest.importorskip("numpy")
    out = rewardkit.advantages(np.array([1.0, 0.0, 1.0, 1.0]), np.array([0, 0, 1, 1]))
    assert isinstance(out, np.ndarray) and out.dtype == np.float64
    assert out.tolist() == pytest.approx(rewardkit.advantages([1.0, 0.0, 1.0, 1.0], [0, 0, 1, 1]))


@pytest.mark.parametrize("flags,kwargs", [
    (["--estimator", "grpo", "--epsilon", "1e-4"], {"estimator": "grpo", "epsilon": 1e-4}),
    (["--estimator", "dr_grpo"], {"estimator": "dr_grpo"}),
    (["--estimator", "batch"], {"estimator": "batch"}),
    (["--trust", "paper", "--alpha", "0.3", "--T", "100", "--step", "10"], {"trust": "paper", "alpha": 0.3, "T": 100, "step": 10}),
    (["--estimator", "share_grpo"], {"estimator": "share_grpo"}),
])
def test_rows_equal_the_command_line(cli, tmp_path, flags, kwargs):
    scored = tmp_path / "scored.jsonl"
    preset = "sharegrpo" if kwargs.get("estimator") == "share_grpo" else "sophiavl"
    name = "sharegrpo_rollouts.jsonl" if preset == "sharegrpo" else "sophiavl_rollouts.jsonl"
    # Rows with rewards: scored by a config without a group step.
    rows = rewardkit.Scorer(config={"rewards": [{"name": "accuracy"}, {"name": "format", "weight": 0.5}]}).score(read_jsonl(fixture(name)))
    for r in rows:
        r.pop("reward", None)
        if preset == "sophiavl":
            r["rewards"]["thinking"] = 0.1 * (len(r["response"]) % 10)
    scored.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "adv.jsonl"
    run_cli(cli, "advantages", str(scored), "--out", str(out), *flags)
    assert rewardkit.advantage_rows(rows, **kwargs) == read_jsonl(out)
    if kwargs.get("estimator") != "share_grpo":
        totals = [sum(r["rewards"].values()) for r in rows]
        if "trust" not in kwargs:
            groups = [r.get("group", r.get("uid", r.get("prompt"))) for r in rows]
            assert rewardkit.advantages(totals, groups, **kwargs) == pytest.approx([r["advantage"] for r in read_jsonl(out)], abs=1e-12)


def test_bad_settings_and_rewards_raise():
    with pytest.raises(ValueError, match="estimator"):
        rewardkit.advantages([1.0], ["a"], estimator="ppo")
    with pytest.raises(ValueError, match="epsilon"):
        rewardkit.advantages([1.0], ["a"], epsilon=-1)
    with pytest.raises(ValueError):
        rewardkit.advantages([float("nan")], ["a"])
    with pytest.raises(ValueError, match="advantage_rows"):
        rewardkit.advantages([1.0], ["a"], estimator="share_grpo")
    assert rewardkit.advantages([], []) == []
