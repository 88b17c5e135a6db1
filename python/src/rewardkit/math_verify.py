"""math-verify's call shapes over RewardKit's engine: change ``from math_verify import parse, verify``
to ``from rewardkit.math_verify import parse, verify`` and the rest of the code stays.

What differs from math-verify 0.9.0:

- ``parse`` returns the extracted answer as text (``["\\frac{1}{2}"]``), not a sympy object and
  its string; ``[]`` when the text has no answer. Pass the results to this module's ``verify``.
- ``extraction_config`` is accepted and ignored: the anchors are RewardKit's (``\\boxed{}``,
  ``<answer>``, "final answer is", "the answer is", ``Answer:``, ``####``, ``A:``, then with
  ``fallback_mode`` other than ``"no_fallback"`` the last number or expression).
- ``timeout_seconds`` / ``parsing_timeout`` are accepted and ignored: every call runs under the
  engine's own budget (20 ms of work), in any thread, without SIGALRM; over budget is False.
- ``float_rounding`` is the decimal places compared (RewardKit's ``precision``); ``numeric_precision``
  and ``allow_set_relation_comp`` are accepted and ignored.
- Equivalence is decided without sympy (exact rationals, numeric and random-point identity
  tests); answers are mostly the same, and the cases that differ are listed in docs/python.md.
"""

from __future__ import annotations

from typing import Any, Sequence

from ._verify import extract
from ._verify import verify as _verify

__all__ = ["parse", "verify"]


def parse(pred: str, extraction_config: Any = None, fallback_mode: str = "first_match", extraction_mode: str = "any_match",
          parsing_timeout: int | None = 5, raise_on_error: bool = False, **kwargs: Any) -> list[str]:
    """The answer of ``pred`` as a one-element list, or ``[]`` when it states none."""
    if not isinstance(pred, str):
        if raise_on_error:
            raise TypeError(f"parse expects text, got {type(pred).__name__}")
        return []
    found = extract(pred, extraction="anchored" if fallback_mode == "no_fallback" else "fallback")
    return [found["answer"]] if found["answer"] is not None else []


def _answers(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v if isinstance(v, str) else str(v) for v in value]
    return [str(value)]


def verify(gold: Any, target: Any, float_rounding: int = 6, numeric_precision: int = 15, strict: bool = True,
           allow_set_relation_comp: bool = False, timeout_seconds: int | None = 5, raise_on_error: bool = False,
           **kwargs: Any) -> bool:
    """True when any gold answer matches any target answer (math-verify's rule for lists)."""
    golds, targets = _answers(gold), _answers(target)
    try:
        return any(_verify(g, t, precision=float_rounding, strict=strict) for g in golds for t in targets)
    except ValueError:
        if raise_on_error:
            raise
        return False
