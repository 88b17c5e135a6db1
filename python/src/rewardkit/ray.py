"""RewardKit inside Ray Data (``pip install "rewardkit[ray]"``): the distributed engine is Ray's,
the scoring function is the library's.

>>> import ray, rewardkit.ray
>>> ds = ray.data.read_parquet("rollouts/")
>>> scored = ds.map_batches(rewardkit.ray.ScoreBatches, fn_constructor_kwargs={"preset": "r1"},
...                         batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=4))

``ScoreBatches`` builds one ``Scorer`` per worker (the thinking model, when the config has one,
is loaded once there), takes pyarrow or pandas batches with the frameworks' column names (every
alias ``rewardkit score`` reads, verl's ``reward_model.ground_truth`` struct included) and returns
them with ``rewards.<component>``, ``reward`` and ``error`` columns; a row that cannot be scored
keeps its place with null rewards and its reason in ``error``.

Group steps (advantages, Trust-GRPO) need whole groups, which batches do not keep together:
``score_groups(ds, key, ...)`` is ``ds.groupby(key).map_groups(ScoreGroups, ...)``, adding
``advantage`` (and ``trust``). The ``batch`` estimator normalises over the whole input, so it is
not a per-group step: score such a config with ``Scorer.score`` on one machine.
"""

from __future__ import annotations

import os
from typing import Any, Mapping

from ._arrow import score_batch
from ._scorer import Scorer

__all__ = ["ScoreBatches", "ScoreGroups", "score_groups"]


class ScoreBatches:
    """The callable class for ``Dataset.map_batches``: ``fn_constructor_kwargs={"preset": "r1"}``
    or ``{"config": "/abs/path/rewards.yaml"}`` (or a config dict); ``step`` is the training step
    for annealed group steps. A config with a ``group:`` step raises here: use ``score_groups``."""

    needs_group = False

    def __init__(self, preset: str | None = None, *, config: str | os.PathLike | Mapping[str, Any] | None = None, step: int = 0) -> None:
        self.scorer = Scorer(preset, config=config)
        self.step = step
        if self.scorer.has_group and not self.needs_group:
            raise ValueError(f"{self.scorer.source} has a group: step, which needs whole groups: "
                             "use rewardkit.ray.score_groups (groupby + map_groups) instead of map_batches")

    def __call__(self, batch: Any) -> Any:
        return score_batch(self.scorer, batch, step=self.step)


class ScoreGroups(ScoreBatches):
    """The callable class for ``GroupedData.map_groups``: each call holds one whole group, so the
    config's group step (advantages, Trust-GRPO weighting) sees what ``rewardkit score`` sees."""

    needs_group = True


def score_groups(ds: Any, key: str, preset: str | None = None, *, config: str | os.PathLike | Mapping[str, Any] | None = None,
                 step: int = 0, batch_format: str = "pyarrow", compute: Any = None, num_cpus: float = 1) -> Any:
    """``ds`` scored group by group: ``ds.groupby(key).map_groups(ScoreGroups, ...)``. ``key`` is
    the column holding the group id (``uid``, ``group``, ``prompt_id``, ...; rows without one are
    grouped by prompt text in ``rewardkit score``, so group by the prompt column then). ``compute``
    is Ray's (``ray.data.ActorPoolStrategy(size=N)``; default an autoscaling pool) and ``num_cpus``
    what Ray reserves per worker (the library itself uses every core it finds). Each group's
    rows come back together, in no particular order between groups: sort by an id to compare."""
    return ds.groupby(key).map_groups(
        ScoreGroups,
        fn_constructor_kwargs={"preset": preset, "config": config, "step": step},
        batch_format=batch_format,
        compute=compute,
        num_cpus=num_cpus,
    )
