"""Group advantages (GRPO, Dr.GRPO, batch, Share-GRPO) and Trust-GRPO totals, as ``rewardkit advantages``."""

from __future__ import annotations

import json
from typing import Any, Iterable, Literal, Mapping, Sequence

from ._native import call_text, encode, lib
from ._scorer import read_jsonl, rows_jsonl

__all__ = ["advantages", "advantage_rows"]

Estimator = Literal["grpo", "dr_grpo", "batch", "share_grpo"]


def _group_settings(estimator: str, epsilon: float, trust: str, alpha: float, schedule: str, T: float) -> bytes:
    return encode(json.dumps({
        "trust": {"mode": trust, "alpha": float(alpha), "schedule": schedule, "T": float(T)},
        "advantage": {"estimator": estimator, "epsilon": float(epsilon)},
    }))


def advantage_rows(rows: Iterable[Mapping[str, Any]], *, estimator: Estimator = "grpo", epsilon: float = 1e-6,
                   trust: str = "off", alpha: float = 0.3, schedule: str = "exp", T: float = 1500, step: int = 0) -> list[dict[str, Any]]:
    """The rows ``rewardkit advantages`` writes for rows that carry ``group`` (or uid/prompt_id/group_id),
    ``reward`` or ``rewards`` {component: value}, and for Share-GRPO ``variant``: each with ``reward``,
    ``advantage`` and, where they apply, ``trust``, ``prompt_variant``, ``shared``. Bad rows are error rows.
    Settings as the command's flags (``--trust``, ``--alpha``, ``--schedule``, ``--T``, ``--step``)."""
    body = rows_jsonl(rows)
    if not body:
        return []
    settings = _group_settings(estimator, epsilon, trust, alpha, schedule, T)
    return read_jsonl(call_text(lib.rk_advantages, body, len(body), settings, len(settings), int(step), error=ValueError))


def advantages(rewards: Sequence[float] | Any, groups: Sequence[Any] | Any, estimator: Estimator = "grpo", epsilon: float = 1e-6, *,
               trust: str = "off", alpha: float = 0.3, schedule: str = "exp", T: float = 1500, step: int = 0) -> list[float] | Any:
    """The advantage of each reward within its group (``groups[i]`` is the group id of ``rewards[i]``),
    the same numbers as ``rewardkit advantages``: ``grpo`` ``(r - mean) / (std + epsilon)`` with the
    unbiased std, ``dr_grpo`` ``r - mean``, ``batch`` divided by the whole batch's std.

    Lists in, a list out; a numpy array in, a float64 numpy array out. Share-GRPO writes several
    rows per response: use ``advantage_rows`` for it. Raises ``ValueError`` for a bad setting or reward.
    """
    if estimator == "share_grpo":
        raise ValueError("share_grpo writes one row per prompt variant: use rewardkit.advantage_rows with `variant` in each row")
    as_numpy = type(rewards).__module__ == "numpy" or type(groups).__module__ == "numpy"
    rewards_list = rewards.tolist() if hasattr(rewards, "tolist") else list(rewards)
    groups_list = groups.tolist() if hasattr(groups, "tolist") else list(groups)
    if len(rewards_list) != len(groups_list):
        raise ValueError(f"rewards and groups differ in length: {len(rewards_list)} and {len(groups_list)}")
    rows = [{"group": g, "reward": r} for r, g in zip(rewards_list, groups_list)]
    out = advantage_rows(rows, estimator=estimator, epsilon=epsilon, trust=trust, alpha=alpha, schedule=schedule, T=T, step=step)
    bad = [r for r in out if "error" in r]
    if bad:
        raise ValueError(f"reward {bad[0].get('line')}: {bad[0]['error']}")
    values = [float(r["advantage"]) for r in out]
    if as_numpy:
        import numpy

        return numpy.asarray(values, dtype=numpy.float64)
    return values
