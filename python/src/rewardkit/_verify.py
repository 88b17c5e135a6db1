"""Answer verification: one pair, one pair explained, many pairs on all cores."""

from __future__ import annotations

import ctypes
import json
from array import array
from itertools import accumulate
from typing import Any, Literal, Sequence

from ._native import RewardKitError, call_text, encode, lib, new_error_slot, raise_from

__all__ = ["verify", "explain", "verify_batch", "extract"]

Extraction = Literal["anchored", "fallback"]
_MODES = {"anchored": 0, "fallback": 1}


def _settings(precision: int, strict: bool, extraction: str) -> tuple[int, int, int]:
    if extraction not in _MODES:
        raise ValueError(f"extraction must be 'anchored' or 'fallback', got {extraction!r}")
    if isinstance(precision, bool) or not isinstance(precision, int) or not 0 <= precision <= 30:
        raise ValueError(f"precision must be a whole number between 0 and 30, got {precision!r}")
    return precision, 1 if strict else 0, _MODES[extraction]


def verify(gold: str, pred: str, *, precision: int = 6, strict: bool = True, extraction: Extraction = "fallback") -> bool:
    """Is ``pred`` equivalent to ``gold``?

    ``pred`` may be a bare answer (``0.5``) or a whole response: its final answer is found by
    anchors (``\\boxed{}``, ``<answer>``, "the answer is", ``####``...) and, with
    ``extraction="fallback"`` (the default, as math-verify), else its last number or expression.
    Numbers compare to ``precision`` decimal places when either side is a decimal. ``strict``:
    assignments must name the same variable and sets and tuples differ. Every call runs under
    the verifier's budget (20 ms of work): a pathological input is "no match", never a hang.
    """
    p, s, e = _settings(precision, strict, extraction)
    g, r = encode(gold), encode(pred)
    slot = new_error_slot()
    result = lib.rk_verify(g, len(g), r, len(r), p, s, e, ctypes.byref(slot))
    if result < 0:
        raise_from(slot, ValueError)
    return result == 1


def explain(gold: str, pred: str, *, precision: int = 6, strict: bool = True, extraction: Extraction = "fallback") -> dict[str, Any]:
    """``verify``, explained: ``{"match", "reason", "gold_answer", "pred_answer", "gold_parsed",
    "pred_parsed", "hedged", "micros"}``.

    ``gold_answer`` / ``pred_answer`` are the answers as extracted; ``*_parsed`` their canonical
    forms (None when a side did not parse); ``reason`` says how the match was decided (exact,
    numeric, symbolic, set, interval, equation, text...) or why not (mismatch, parse, budget,
    hedged).
    """
    p, s, e = _settings(precision, strict, extraction)
    g, r = encode(gold), encode(pred)
    return json.loads(call_text(lib.rk_explain, g, len(g), r, len(r), p, s, e, error=ValueError))


def extract(response: str, *, extraction: Extraction = "fallback") -> dict[str, Any]:
    """The final answer of a response as ``verify`` finds it: ``{"answer", "anchor", "candidates"}``
    (``answer`` and ``anchor`` are None when nothing was found)."""
    _, _, e = _settings(6, True, extraction)
    t = encode(response)
    return json.loads(call_text(lib.rk_extract, t, len(t), e, error=ValueError))


def _packed(texts: Sequence[str]) -> tuple[bytes, array]:
    encoded = [encode(t) for t in texts]
    offsets = array("q", accumulate(map(len, encoded), initial=0))
    return b"".join(encoded), offsets


def verify_batch(golds: Sequence[str], preds: Sequence[str], *, precision: int = 6, strict: bool = True,
                 extraction: Extraction = "fallback") -> list[bool]:
    """``verify`` for every pair ``(golds[i], preds[i])`` on all cores; the results keep the input order."""
    if len(golds) != len(preds):
        raise ValueError(f"golds and preds differ in length: {len(golds)} and {len(preds)}")
    p, s, e = _settings(precision, strict, extraction)
    n = len(golds)
    if n == 0:
        return []
    gold_text, gold_offsets = _packed(golds)
    pred_text, pred_offsets = _packed(preds)
    matches = bytearray(n)
    slot = new_error_slot()
    go = (ctypes.c_int64 * (n + 1)).from_buffer(gold_offsets)
    po = (ctypes.c_int64 * (n + 1)).from_buffer(pred_offsets)
    out = (ctypes.c_uint8 * n).from_buffer(matches)
    status = lib.rk_verify_batch(gold_text, go, pred_text, po, n, p, s, e, out, ctypes.byref(slot))
    del go, po, out  # release the buffer exports before the arrays are read or freed
    if status != 0:
        raise_from(slot, RewardKitError)
    return [b == 1 for b in matches]
