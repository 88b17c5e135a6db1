#!/usr/bin/env python3
"""Rows/s through Ray Data against `rewardkit score` on the same rows, in one run.

    scripts/bench_ray.py [ROWS] [BATCH]        (defaults 100000 4096; needs ray, pyarrow, pandas)

Rows from scripts/gen_ray_rows.py (Parquet, and the same rows as JSONL). Timed, one after another:
`rewardkit score rows.jsonl --out ...` (the peer), `Scorer.score_parquet` (one process, no Ray),
then on a local Ray cluster (ray.init(num_cpus=2)) read_parquet -> map_batches(ScoreBatches) ->
write_parquet with 1 and with 2 scoring workers, and the same pipeline with a callable that
returns its batch unchanged (what Ray itself costs per batch). The Python cost per batch inside a
worker is score_batch's time minus the library call's. Prints the load average before and after.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


class Identity:
    def __call__(self, batch):
        return batch


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 4096
    binary = os.environ.get("REWARDKIT_BIN", str(REPO / ".build/release/rewardkit"))
    tmp = Path(tempfile.mkdtemp(prefix="rk-bench-ray-"))
    try:
        parquet, jsonl = tmp / "rows.parquet", tmp / "rows.jsonl"
        subprocess.run([sys.executable, str(REPO / "scripts/gen_ray_rows.py"), str(rows), str(parquet), str(jsonl)], check=True)
        import pyarrow.parquet as pq
        import ray
        import ray.data

        import rewardkit
        import rewardkit.ray as rkray
        from rewardkit._arrow import score_batch
        from rewardkit._native import call_text, lib
        from rewardkit._scorer import rows_jsonl

        print(f"rows {rows}, batch {batch} rows, cores {os.cpu_count()}, load average at start {load()}", flush=True)
        results = {}
        def cli() -> None:  # exit status 3: some rows were error rows, as the generator makes them
            done = subprocess.run([binary, "score", str(jsonl), "--out", str(tmp / "cli.jsonl"), "--preset", "r1", "--no-db"], capture_output=True)
            assert done.returncode in (0, 3), done.stderr

        results["rewardkit score (JSONL, CLI)"] = timed(cli)
        scorer = rewardkit.Scorer("r1")
        results["Scorer.score_parquet (one process)"] = timed(lambda: scorer.score_parquet(parquet, tmp / "one.parquet", batch_rows=batch))

        table = pq.read_table(parquet).slice(0, batch)
        body = rows_jsonl(table.to_pylist())
        reps = 5
        whole = min(timed(lambda: score_batch(scorer, table)) for _ in range(reps))
        library = min(timed(lambda: call_text(lib.rk_scorer_score_columns, scorer._handle, body, len(body), 0)) for _ in range(reps))

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        batches = -(-rows // batch)

        def through_ray(fn, workers, kwargs=None):
            out = tmp / f"ray-{fn.__name__}-{workers}"
            ds = ray.data.read_parquet(str(parquet)).map_batches(
                fn, fn_constructor_kwargs=kwargs, batch_size=batch, batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=workers),
                num_cpus=0.5)  # workers holding every CPU would leave none for the read and write tasks
            seconds = timed(lambda: ds.write_parquet(str(out)))
            shutil.rmtree(out, ignore_errors=True)
            return seconds

        through_ray(Identity, 1)  # warm-up: worker processes, imports
        results["Ray, identity callable, 1 worker"] = through_ray(Identity, 1)
        results["Ray, ScoreBatches, 1 worker"] = through_ray(rkray.ScoreBatches, 1, {"preset": "r1"})
        results["Ray, ScoreBatches, 2 workers"] = through_ray(rkray.ScoreBatches, 2, {"preset": "r1"})
        ray.shutdown()

        peer = results["rewardkit score (JSONL, CLI)"]
        print(f"{'pipeline':42} {'seconds':>8} {'rows/s':>9} {'vs CLI':>7}")
        for name, seconds in results.items():
            print(f"{name:42} {seconds:8.2f} {rows / seconds:9.0f} {peer / seconds:6.2f}x")
        print(f"Ray per batch (identity, {batches} batches): {1000 * results['Ray, identity callable, 1 worker'] / batches:.1f} ms")
        print(f"in a worker, one batch of {batch}: score_batch {1000 * whole:.1f} ms, of which the library call {1000 * library:.1f} ms "
              f"(Python conversion {1000 * (whole - library):.1f} ms, {100 * (whole - library) / whole:.0f}%)")
        print(f"load average at end {load()}")
        print(json.dumps({k: round(v, 3) for k, v in results.items()}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
