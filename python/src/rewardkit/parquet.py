"""One machine, a Parquet file of any size (``Scorer.score_parquet``, ``python -m rewardkit.parquet``,
``rewardkit-score-parquet``): record batches streamed through a Scorer into a Parquet writer, so
memory holds one batch (and the reader's row group) at a time."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ._arrow import score_table
from ._scorer import Scorer

__all__ = ["score_parquet"]


def score_parquet(scorer: Scorer, path: str | os.PathLike, out: str | os.PathLike, *, step: int = 0, batch_rows: int = 8192) -> dict[str, Any]:
    """See ``Scorer.score_parquet``."""
    if scorer.has_group:
        raise ValueError("score_parquet streams batches, and a group: step needs whole groups: use "
                         "rewardkit.ray.score_groups, or Scorer.score on rows held in memory")
    if batch_rows < 1:
        raise ValueError("batch_rows must be at least 1")
    start = time.perf_counter()
    target = Path(out)
    partial = target.with_name(f".{target.name}.partial")
    source = pq.ParquetFile(path)
    rows = errors = 0
    writer = None
    try:
        for batch in source.iter_batches(batch_size=batch_rows):
            scored = score_table(scorer, pa.Table.from_batches([batch]), step=step)
            if writer is None:
                writer = pq.ParquetWriter(partial, scored.schema)
            writer.write_table(scored)
            rows += scored.num_rows
            errors += scored.num_rows - scored.column("error").null_count
        if writer is None:  # no rows: still a file with the input's columns and the result columns
            empty = score_table(scorer, source.schema_arrow.empty_table(), step=step)
            writer = pq.ParquetWriter(partial, empty.schema)
            writer.write_table(empty)
        writer.close()
        writer = None
        os.replace(partial, target)
    finally:
        if writer is not None:
            writer.close()
        if partial.exists():
            partial.unlink()
    return {"rows": rows, "errors": errors, "seconds": time.perf_counter() - start}


def main(argv: list[str] | None = None) -> int:
    """``python -m rewardkit.parquet IN OUT (--preset P | --config FILE)``."""
    import argparse
    import json

    parser = argparse.ArgumentParser(prog="python -m rewardkit.parquet", description="Score a Parquet file into another, in bounded memory.")
    parser.add_argument("input")
    parser.add_argument("output")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--preset", default=None, help="r1 (default), stepgrpo, sophiavl, eval, ...")
    which.add_argument("--config", default=None, help="a reward config file (YAML or JSON)")
    parser.add_argument("--batch-rows", type=int, default=8192)
    parser.add_argument("--step", type=int, default=0)
    args = parser.parse_args(argv)
    with Scorer(args.preset, config=args.config) as scorer:
        print(json.dumps(score_parquet(scorer, args.input, args.output, step=args.step, batch_rows=args.batch_rows)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
