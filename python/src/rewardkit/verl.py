"""verl reward functions over RewardKit, in process.

In verl's config::

    reward:
      custom_reward_function:
        path: pkg://rewardkit.verl                   # verl imports the installed package
        name: compute_score                          # NaiveRewardManager (reward_manager: naive)
        reward_kwargs: {preset: r1}                  # or {config: /path/rewards.yaml}

``compute_score`` returns ``{"score": total, <component>: value, ..., "error": 0.0 or 1.0}``:
the same keys for every sample (verl's reward loop takes the keys of a batch from its first
sample). A response that cannot be scored gets score 0.0, components 0.0 and ``error`` 1.0;
the reason is logged once per distinct message. ``compute_score_batch`` is the shape of verl's
``BatchRewardManager`` (``reward_manager: batch``) and scores a batch in one call on all cores.
"""

from __future__ import annotations

import logging
import os
from typing import Any, Mapping, Sequence

from rewardkit._frameworks import ROW_FIELDS, scorer_for, text_of

__all__ = ["compute_score", "compute_score_batch"]

_log = logging.getLogger("rewardkit.verl")
_seen_errors: set[str] = set()


def _row(solution_str: Any, ground_truth: Any, extra_info: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"response": text_of(solution_str)}
    if ground_truth is not None:
        row["answer"] = ground_truth.tolist() if hasattr(ground_truth, "tolist") else ground_truth
    if isinstance(extra_info, Mapping):
        for key in ("prompt", "question", "problem"):
            value = extra_info.get(key)
            if isinstance(value, (str, list)):
                row.setdefault("prompt", value)
        for key in ROW_FIELDS:
            value = extra_info.get(key)
            if value is not None and key not in row and key not in ("answer", "ground_truth", "solution", "label", "gold"):
                row[key] = value.tolist() if hasattr(value, "tolist") else value
    return row


def _result(scored: Mapping[str, Any], components: Sequence[str]) -> dict[str, float]:
    if "error" in scored:
        message = str(scored["error"])
        if message not in _seen_errors and len(_seen_errors) < 100:
            _seen_errors.add(message)
            _log.warning("rewardkit: a sample could not be scored (score 0.0): %s", message)
        return {"score": 0.0, **{c: 0.0 for c in components}, "error": 1.0}
    return {"score": float(scored["reward"]), **{c: float(scored["rewards"][c]) for c in components}, "error": 0.0}


def compute_score(data_source: Any, solution_str: str, ground_truth: Any, extra_info: Any = None, *,
                  preset: str | None = None, config: str | os.PathLike | Mapping[str, Any] | None = None, step: int = 0,
                  **kwargs: Any) -> dict[str, float]:
    """verl's ``compute_score(data_source, solution_str, ground_truth, extra_info=None, **kw)``:
    the config's total reward as ``score`` plus every component (``preset``/``config`` from
    ``reward_kwargs``, else ``$REWARDKIT_PRESET``/``$REWARDKIT_CONFIG``, else r1)."""
    scorer = scorer_for(preset, config)
    scored = scorer.score([_row(solution_str, ground_truth, extra_info)], step=step)
    return _result(scored[0], scorer.components)


def compute_score_batch(data_sources: Sequence[Any], solution_strs: Sequence[str], ground_truths: Sequence[Any],
                        extra_infos: Sequence[Any] | None = None, *, preset: str | None = None,
                        config: str | os.PathLike | Mapping[str, Any] | None = None, step: int = 0, **kwargs: Any) -> list[dict[str, float]]:
    """verl's batch shape (``BatchRewardManager``): one dict per sample, scored on all cores."""
    n = len(solution_strs)
    extras = list(extra_infos) if extra_infos is not None else [None] * n
    scorer = scorer_for(preset, config)
    scored = scorer.score([_row(solution_strs[i], ground_truths[i], extras[i]) for i in range(n)], step=step)
    if len(scored) != n:
        raise ValueError(f"rewardkit: {len(scored)} rows scored for {n} samples (a Share-GRPO config expands rows; verl needs one per sample)")
    return [_result(s, scorer.components) for s in scored]
