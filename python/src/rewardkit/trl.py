"""TRL reward functions over RewardKit: ``GRPOTrainer(reward_funcs=[rewardkit.trl.reward_function(preset="r1")])``.

TRL calls a reward function as ``f(prompts=..., completions=..., completion_ids=..., **columns)``
with every dataset column as a list (and ``trainer_state``, ``log_metric``...); it wants one float
per completion, ``None`` for "no reward" (left out of the group baseline). Completions are text,
or lists of ``{"role", "content"}`` messages for conversational datasets; both are read here. The
reference answer comes from the ``answer``, ``solution`` or ``ground_truth`` column.
"""

from __future__ import annotations

import os
from typing import Any, Mapping, Sequence

from rewardkit._frameworks import ROW_FIELDS, scorer_for, text_of

__all__ = ["reward_function", "reward_functions", "RewardFunction"]


class RewardFunction:
    """A picklable TRL reward function: the weighted total of a config's rewards, or one component.

    Its ``__name__`` (``rewardkit_r1``, ``rewardkit_r1_accuracy``, or the name you give) is what TRL
    logs the reward under (``rewards/<name>/mean``). Rows that cannot be scored return None and are
    counted in the ``rewardkit/error_rows`` metric; each component's mean is logged as
    ``rewardkit/<component>`` when TRL passes ``log_metric``.
    """

    def __init__(self, preset: str | None = None, *, config: str | os.PathLike | Mapping[str, Any] | None = None,
                 component: str | None = None, name: str | None = None) -> None:
        self.preset, self.config, self.component = preset, config, component
        scorer = scorer_for(preset, config)
        if component is not None and component not in scorer.components:
            raise ValueError(f"component {component!r} is not in the config (components: {', '.join(scorer.components)})")
        base = f"rewardkit_{preset}" if preset else "rewardkit_" + (
            os.path.splitext(os.path.basename(os.fspath(config)))[0] if isinstance(config, (str, os.PathLike)) and "\n" not in str(config) else "config")
        self.__name__ = name or (f"{base}_{component}" if component else base)
        self.__qualname__ = self.__name__

    def __call__(self, prompts: Sequence[Any] | None = None, completions: Sequence[Any] | None = None, **kwargs: Any) -> list[float | None]:
        if completions is None:
            raise TypeError("a TRL reward function needs completions=")
        n = len(completions)
        prompts = list(prompts) if prompts is not None else [None] * n
        rows = []
        for i in range(n):
            row: dict[str, Any] = {"response": text_of(completions[i])}
            if prompts[i] is not None:
                row["prompt"] = text_of(prompts[i])
            for field in ROW_FIELDS:
                column = kwargs.get(field)
                if isinstance(column, (list, tuple)) and len(column) == n and column[i] is not None:
                    row[field] = column[i]
            rows.append(row)
        state = kwargs.get("trainer_state")
        step = int(getattr(state, "global_step", 0) or 0)
        scorer = scorer_for(self.preset, self.config)
        scored = scorer.score(rows, step=step)
        if len(scored) != n:
            raise ValueError(f"{self.__name__}: {len(scored)} rows scored for {n} completions (a Share-GRPO config expands rows; TRL needs one reward per completion)")
        out: list[float | None] = []
        for r in scored:
            if "error" in r:
                out.append(None)
            elif self.component is not None:
                out.append(float(r["rewards"][self.component]))
            else:
                out.append(float(r["reward"]))
        log_metric = kwargs.get("log_metric")
        if callable(log_metric) and self.component is None:
            good = [r for r in scored if "error" not in r]
            log_metric("rewardkit/error_rows", float(n - len(good)))
            for c in scorer.components:
                if good:
                    log_metric(f"rewardkit/{c}", sum(r["rewards"][c] for r in good) / len(good))
        return out

    def __getstate__(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def __repr__(self) -> str:
        return f"<rewardkit TRL reward function {self.__name__}>"


def reward_function(preset: str | None = None, *, config: str | os.PathLike | Mapping[str, Any] | None = None,
                    component: str | None = None, name: str | None = None) -> RewardFunction:
    """A TRL reward function giving the config's weighted total reward (or one ``component``)."""
    return RewardFunction(preset, config=config, component=component, name=name)


def reward_functions(preset: str | None = None, *, config: str | os.PathLike | Mapping[str, Any] | None = None) -> tuple[list[RewardFunction], list[float]]:
    """One reward function per component and the config's weights, for
    ``GRPOTrainer(reward_funcs=funcs, args=GRPOConfig(reward_weights=weights))``: TRL then logs each
    component on its own."""
    scorer = scorer_for(preset, config)
    funcs = [RewardFunction(preset, config=config, component=c) for c in scorer.components]
    return funcs, [scorer.weights[c] for c in scorer.components]
