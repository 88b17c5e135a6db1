"""Scoring rows with a reward config, as ``rewardkit score`` does, in process."""

from __future__ import annotations

import ctypes
import json
import os
import threading
from contextlib import contextmanager
from typing import Any, Iterable, Iterator, Mapping

from ._native import ConfigError, RewardKitError, call_text, encode, lib, new_error_slot, raise_from, take

__all__ = ["Scorer", "rows_jsonl", "read_jsonl"]


def _plain(value: Any) -> Any:
    """numpy scalars and arrays (and other objects with ``tolist``/``item``) as plain JSON values."""
    for attr in ("tolist", "item"):
        fn = getattr(value, attr, None)
        if callable(fn):
            return fn()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def rows_jsonl(rows: Iterable[Any]) -> bytes:
    """Rows as JSONL, one per line. A row the library cannot read (not an object, NaN, ...) still
    gets its line, and comes back as an error row."""
    return "".join(json.dumps(row, ensure_ascii=False, default=_plain) + "\n" for row in rows).encode("utf-8", "surrogatepass")


def read_jsonl(text: str) -> list[dict[str, Any]]:
    """JSONL text as a list of rows."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


class Scorer:
    """A reward pipeline built once and used from any thread: ``Scorer(preset="r1")``,
    ``Scorer(config="rewards.yaml")`` or ``Scorer(config={"rewards": [{"name": "accuracy"}]})``.

    ``config`` may be a path (str or Path) to a YAML or JSON file, a mapping, or YAML/JSON text
    (a str containing a newline or starting with ``{``). A config that cannot be read raises
    ``ConfigError`` with the library's message (file, line, key).
    """

    def __init__(self, preset: str | None = None, *, config: str | os.PathLike | Mapping[str, Any] | None = None) -> None:
        if preset is not None and config is not None:
            raise ValueError("give preset or config, not both")
        slot = new_error_slot()
        if config is None:
            name = encode(preset or "r1")
            handle = lib.rk_scorer_from_preset(name, len(name), ctypes.byref(slot))
            self.source = f"preset {preset or 'r1'}"
        elif isinstance(config, Mapping):
            text = encode(json.dumps(config, indent=2, default=_plain))
            source = b"config (dict)"
            handle = lib.rk_scorer_from_config_text(text, len(text), source, len(source), ctypes.byref(slot))
            self.source = "config (dict)"
        elif isinstance(config, str) and ("\n" in config or config.lstrip().startswith("{")):
            text, source = encode(config), b"config (text)"
            handle = lib.rk_scorer_from_config_text(text, len(text), source, len(source), ctypes.byref(slot))
            self.source = "config (text)"
        elif isinstance(config, (str, os.PathLike)):
            path = encode(os.fspath(config))
            handle = lib.rk_scorer_from_config_path(path, len(path), ctypes.byref(slot))
            self.source = os.fspath(config)
        else:
            raise TypeError(f"config must be a path, a mapping or config text, got {type(config).__name__}")
        if not handle:
            raise_from(slot, ConfigError)
        self._handle = handle
        self._lock = threading.Lock()
        self._in_flight = 0
        self._closed = False
        description = json.loads(take(lib.rk_scorer_describe(handle)) or "{}")
        #: Component names in config order (the keys of each row's ``rewards``).
        self.components: list[str] = [c["name"] for c in description["components"]]
        #: Component weights, by name.
        self.weights: dict[str, float] = {c["name"]: c["weight"] for c in description["components"]}
        #: Whether the config has a ``group:`` step (advantages, trust weighting).
        self.has_group: bool = description["group"]
        #: The config text.
        self.config_text: str = description["config"]

    @contextmanager
    def _using(self) -> Iterator[int]:
        """The handle, kept alive until the call ends even if another thread closes the Scorer."""
        with self._lock:
            if self._closed:
                raise RewardKitError("this Scorer is closed")
            self._in_flight += 1
        try:
            yield self._handle
        finally:
            with self._lock:
                self._in_flight -= 1
                free = self._closed and self._in_flight == 0 and self._handle
                if free:
                    self._handle = None
            if free:
                lib.rk_scorer_free(free)

    def score(self, rows: Iterable[Mapping[str, Any]], *, step: int = 0, explain: bool = False) -> list[dict[str, Any]]:
        """Each row with ``rewards`` {component: value} and ``reward`` (the weighted total): the rows
        ``rewardkit score`` writes, in order. A row that cannot be scored comes back as
        ``{"line": N, "error": "...", ...}`` (N its 1-based position). With a ``group:`` config the
        group step runs over these rows at training ``step`` (Share-GRPO writes a row per prompt variant).
        ``explain`` adds an ``explanations`` object per row."""
        body = rows_jsonl(rows)
        if not body:
            return []
        with self._using() as handle:
            text = call_text(lib.rk_scorer_score, handle, body, len(body), int(step), 1 if explain else 0)
        return read_jsonl(text)

    def score_file(self, path: str | os.PathLike, out: str | os.PathLike, *, step: int = 0, explain: bool = False) -> dict[str, Any]:
        """Scores the JSONL file ``path`` into ``out`` exactly as ``rewardkit score PATH --out OUT`` does
        (written beside ``out`` and renamed when done); returns ``{"rows", "errors", "seconds"}``.
        Raises ``OSError`` when a file cannot be read or written."""
        i, o = encode(os.fspath(path)), encode(os.fspath(out))
        with self._using() as handle:
            return json.loads(call_text(lib.rk_scorer_score_file, handle, i, len(i), o, len(o), int(step), 1 if explain else 0, error=OSError))

    def score_columns(self, rows: Iterable[Mapping[str, Any]], *, step: int = 0) -> dict[str, Any]:
        """Only the results of ``rows``, as columns with one entry per row in row order:
        ``{"components": [...], "rewards": {component: [...]}, "reward": [...], "error": [...]}``
        (and ``advantage``, ``trust`` with a group step). A row that cannot be scored has None in
        every number column and its reason in ``error`` (None for a scored row). The values are the
        ones ``score`` returns; Share-GRPO, which writes a row per prompt variant, raises."""
        body = rows_jsonl(rows)
        if not body:
            return {"components": list(self.components), "rewards": {c: [] for c in self.components}, "reward": [], "error": []}
        with self._using() as handle:
            return json.loads(call_text(lib.rk_scorer_score_columns, handle, body, len(body), int(step)))

    def score_parquet(self, path: str | os.PathLike, out: str | os.PathLike, *, step: int = 0, batch_rows: int = 8192) -> dict[str, Any]:
        """Scores the Parquet file ``path`` into ``out`` (needs pyarrow): the input columns plus
        ``rewards.<component>``, ``reward`` and ``error``, streamed ``batch_rows`` rows at a time,
        so memory stays bounded whatever the file's size. Written beside ``out`` and renamed when
        done. Returns ``{"rows", "errors", "seconds"}``. A ``group:`` config raises: groups can span
        row groups (score them with ``rewardkit.ray.score_groups`` or ``score``)."""
        from .parquet import score_parquet

        return score_parquet(self, path, out, step=step, batch_rows=batch_rows)

    def rewards(self, rows: Iterable[Mapping[str, Any]], *, step: int = 0) -> list[float | None]:
        """The total reward of each row, None for a row that could not be scored."""
        return [None if "error" in r else r.get("reward") for r in self.score(rows, step=step)]

    def close(self) -> None:
        """Frees the pipeline (once the calls in flight end); later calls raise. Safe to call twice."""
        with self._lock:
            self._closed = True
            free = self._in_flight == 0 and self._handle
            if free:
                self._handle = None
        if free:
            lib.rk_scorer_free(free)

    def __enter__(self) -> "Scorer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        # Nothing can be in flight once the object is unreachable. At interpreter exit the
        # library may already be gone; the process frees everything then anyway.
        handle = getattr(self, "_handle", None)
        if handle:
            self._handle = None
            try:
                lib.rk_scorer_free(handle)
            except Exception:
                pass

    def __repr__(self) -> str:
        return f"Scorer({self.source!r}, components={self.components})"
