#!/usr/bin/env python3
"""Score a Parquet dataset with Ray Data and RewardKit, and write it back as Parquet.

    python examples/ray_score.py --input rollouts/ --output scored/ --preset r1
    python examples/ray_score.py --input s3://bucket/rollouts --output s3://bucket/scored \\
        --config rewards.yaml --address auto             # join a running cluster
    python examples/ray_score.py ... --config grpo.yaml --group-key uid   # a group: step

--input is a Parquet file, a folder of them, or any fsspec URL Ray reads; --output is a folder of
Parquet part files: the input columns plus `rewards.<component>`, `reward` and `error` (and
`advantage`, `trust` with --group-key). Rows that cannot be scored are kept, with their reason in
`error`. Needs `pip install "rewardkit[ray]"`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", required=True, help="Parquet file, folder or fsspec URL")
    p.add_argument("--output", required=True, help="output folder (Parquet part files)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--preset", help="r1, stepgrpo, sophiavl, eval, ...")
    which.add_argument("--config", help="reward config file (YAML or JSON); give a path every worker can read")
    p.add_argument("--address", help="Ray cluster to join (e.g. auto or ray://head:10001); default: start a local one")
    p.add_argument("--num-cpus", type=int, help="CPUs of the local cluster started without --address")
    p.add_argument("--workers", type=int, default=None, help="scoring workers (default: an autoscaling pool)")
    p.add_argument("--worker-cpus", type=float, default=1, help="CPUs Ray reserves per scoring worker (the library uses all the cores it finds)")
    p.add_argument("--batch-size", type=int, default=4096, help="rows per map_batches call")
    p.add_argument("--group-key", help="column holding the group id: score whole groups (groupby + map_groups) for a group: step")
    p.add_argument("--step", type=int, default=0, help="training step, for annealed group steps")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    import os

    import ray
    import ray.data

    import rewardkit.ray as rkray

    config = os.path.abspath(args.config) if args.config and "://" not in args.config else args.config
    ray.init(address=args.address, num_cpus=None if args.address else args.num_cpus,
             include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    compute = ray.data.ActorPoolStrategy(size=args.workers) if args.workers else None
    start = time.perf_counter()
    ds = ray.data.read_parquet(args.input)
    if args.group_key:
        scored = rkray.score_groups(ds, args.group_key, args.preset, config=config, step=args.step, compute=compute, num_cpus=args.worker_cpus)
    else:
        scored = ds.map_batches(rkray.ScoreBatches, fn_constructor_kwargs={"preset": args.preset, "config": config, "step": args.step},
                                batch_size=args.batch_size, batch_format="pyarrow", compute=compute, num_cpus=args.worker_cpus)
    scored.write_parquet(args.output)
    seconds = time.perf_counter() - start
    # The summary in one more pass over what was written (aggregates, nothing collected).
    from ray.data.aggregate import Count, Mean

    written = ray.data.read_parquet(args.output)
    means = ["reward", *(c for c in written.schema().names if c.startswith("rewards."))]
    totals = written.aggregate(Count(alias_name="rows"), Count("error", ignore_nulls=True, alias_name="errors"), *(Mean(c, alias_name=c) for c in means))
    rows, errors = int(totals["rows"]), int(totals["errors"])
    summary = {"rows": rows, "errors": errors, "seconds": round(seconds, 3), "rows_per_second": round(rows / seconds) if seconds else 0}
    if rows > errors:
        summary["reward_mean"] = totals["reward"]
        summary["components"] = {c[len("rewards."):]: totals[c] for c in means[1:]}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
