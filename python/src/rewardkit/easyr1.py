"""EasyR1's batch reward function shape over RewardKit (the trainer of R1-VL, SophiaVL-R1, R1-ShareVL).

In EasyR1's config: ``worker.reward.reward_function: <site-packages>/rewardkit/easyr1.py:compute_score``
with ``reward_function_kwargs: {preset: r1}`` (or ``{config: rewards.yaml}``).
"""

from __future__ import annotations

import os
from typing import Any, Mapping, Sequence

from rewardkit._frameworks import ROW_FIELDS, scorer_for, text_of

__all__ = ["compute_score"]


def compute_score(reward_inputs: Sequence[Mapping[str, Any]], *, preset: str | None = None,
                  config: str | os.PathLike | Mapping[str, Any] | None = None, step: int = 0, **kwargs: Any) -> list[dict[str, float]]:
    """``[{"response", "response_length", "ground_truth"}, ...]`` in, ``[{"overall", <component>...}, ...]``
    out, in order, all on the cores in one call. A response that cannot be scored gets 0.0 for
    ``overall`` and each component, and ``error`` 1.0 (0.0 otherwise): the keys never change."""
    if not isinstance(reward_inputs, (list, tuple)):
        raise TypeError("EasyR1's batch reward function takes a list of {'response', 'response_length', 'ground_truth'}")
    scorer = scorer_for(preset, config)
    rows = []
    for item in reward_inputs:
        row: dict[str, Any] = {"response": text_of(item.get("response", ""))}
        if item.get("ground_truth") is not None:
            row["answer"] = item["ground_truth"]
        for key in ("prompt", "question", "problem"):
            if isinstance(item.get(key), (str, list)):
                row.setdefault("prompt", item[key])
        for key in ROW_FIELDS:
            if key not in ("answer", "ground_truth") and item.get(key) is not None:
                row[key] = item[key]
        rows.append(row)
    scored = scorer.score(rows, step=step)
    if len(scored) != len(rows):
        raise ValueError(f"rewardkit: {len(scored)} rows scored for {len(rows)} responses (a Share-GRPO config expands rows)")
    out = []
    for s in scored:
        if "error" in s:
            out.append({"overall": 0.0, **{c: 0.0 for c in scorer.components}, "error": 1.0})
        else:
            out.append({"overall": float(s["reward"]), **{c: float(s["rewards"][c]) for c in scorer.components}, "error": 0.0})
    return out
