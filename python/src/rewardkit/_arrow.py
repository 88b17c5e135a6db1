"""Batches held as columns (pyarrow tables, pandas DataFrames) through a Scorer: the rows go to
the library as JSON objects with the batch's own column names, so every alias ``rewardkit score``
reads works (verl's nested ``reward_model.ground_truth`` is a struct column), and only the result
columns come back: ``rewards.<component>``, ``reward``, ``error`` (and ``advantage``, ``trust``
with a group step). Rows are never dropped: a row that cannot be scored has nulls and its reason.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from ._scorer import Scorer

__all__ = ["score_batch", "result_names"]


def result_names(columns: list[str], components: list[str]) -> set[str]:
    """The input columns a scored batch replaces: the ones it writes, and a nested ``rewards``."""
    written = {"rewards", "reward", "error", "advantage", "trust", *(f"rewards.{c}" for c in components)}
    return {c for c in columns if c in written}


def _table(batch: Any) -> pa.Table:
    """``batch`` as a pyarrow Table (pandas: missing values, NaN included, become nulls, which the
    library reads as absent fields)."""
    if isinstance(batch, pa.Table):
        return batch
    if isinstance(batch, pa.RecordBatch):
        return pa.Table.from_batches([batch])
    if isinstance(batch, dict):  # Ray's "numpy" batch format
        return pa.table({k: list(v) if getattr(v, "ndim", 1) > 1 else v for k, v in batch.items()})
    import pandas as pd

    if isinstance(batch, pd.DataFrame):
        return pa.Table.from_pandas(batch, preserve_index=False)
    raise TypeError(f"expected a pyarrow Table or RecordBatch, a pandas DataFrame or a dict of arrays, got {type(batch).__name__}")


def result_table(scorer: Scorer, table: pa.Table, *, step: int = 0) -> pa.Table:
    """The result columns for ``table``'s rows, one row each, in order."""
    result = scorer.score_columns(table.to_pylist(), step=step)
    if len(result["reward"]) != table.num_rows:
        raise RuntimeError(f"rewardkit: {table.num_rows} rows in, {len(result['reward'])} results out")
    columns: dict[str, pa.Array] = {}
    for name in result["components"]:
        columns[f"rewards.{name}"] = pa.array(result["rewards"][name], type=pa.float64())
    columns["reward"] = pa.array(result["reward"], type=pa.float64())
    columns["error"] = pa.array(result["error"], type=pa.string())
    for name in ("advantage", "trust"):
        if name in result:
            columns[name] = pa.array(result[name], type=pa.float64())
    return pa.table(columns)


def score_table(scorer: Scorer, table: pa.Table, *, step: int = 0) -> pa.Table:
    """``table`` with its result columns appended (columns of those names in the input replaced)."""
    results = result_table(scorer, table, step=step)
    stale = result_names(table.column_names, scorer.components)
    kept = table.drop_columns(sorted(stale)) if stale else table
    for name in results.column_names:
        kept = kept.append_column(name, results.column(name))
    return kept


def score_batch(scorer: Scorer, batch: Any, *, step: int = 0) -> Any:
    """A batch scored, in the form it came in (pandas stays pandas, its columns untouched;
    arrow and dict batches come back as a pyarrow Table)."""
    table = _table(batch)
    if isinstance(batch, (pa.Table, pa.RecordBatch, dict)):
        return score_table(scorer, table, step=step)
    results = result_table(scorer, table, step=step)
    frame = batch.drop(columns=sorted(result_names(list(batch.columns), scorer.components)))
    for name in results.column_names:
        frame[name] = results.column(name).to_pandas().set_axis(batch.index)
    return frame
