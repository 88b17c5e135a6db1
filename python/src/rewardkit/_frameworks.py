"""What the framework adapters share: one Scorer per config, made on first use in each process."""

from __future__ import annotations

import json
import os
import threading
from typing import Any, Mapping

from ._scorer import Scorer

_scorers: dict[str, Scorer] = {}
_lock = threading.Lock()

#: The fields of a dataset row that rewards read, passed on from a framework's columns.
ROW_FIELDS = ("answer", "solution", "ground_truth", "label", "gold", "problem_type", "options", "key_steps", "steps", "variant", "group")


def scorer_for(preset: str | None, config: str | os.PathLike | Mapping[str, Any] | None) -> Scorer:
    """The shared Scorer of a preset or config (``$REWARDKIT_PRESET`` / ``$REWARDKIT_CONFIG`` when
    neither is given, else the ``r1`` preset)."""
    if preset is None and config is None:
        config = os.environ.get("REWARDKIT_CONFIG") or None
        preset = None if config else os.environ.get("REWARDKIT_PRESET", "r1")
    key = json.dumps([preset, config if isinstance(config, Mapping) else (os.fspath(config) if config is not None else None)], sort_keys=True, default=str)
    with _lock:
        scorer = _scorers.get(key)
        if scorer is None:
            scorer = _scorers[key] = Scorer(preset, config=config)
        return scorer


def text_of(value: Any) -> Any:
    """A completion or prompt as the row decoder reads it: text, or chat messages as given (None stays
    None, and the row becomes an error row)."""
    if value is None or isinstance(value, (str, list)):
        return value
    if isinstance(value, dict) and "content" in value:
        return [value]
    return str(value)
