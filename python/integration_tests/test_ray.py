"""Ray Data through the package: examples/ray_score.py on a local cluster (ray.init(num_cpus=2))
against `rewardkit score` on the same rows as JSONL, and the groupby + map_groups recipe against
its advantages. Needs ray, pyarrow and pandas (`pip install "./python[ray]"`); `make test-python-ray`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

import rewardkit  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
ROWS = int(os.environ.get("RAY_TEST_ROWS", "100000"))
GRPO = "rewards: [{name: accuracy}, {name: format, weight: 0.5}]\ngroup: {advantage: {estimator: %s}}\n"


def cli() -> Path:
    for c in [os.environ.get("REWARDKIT_BIN"), REPO / ".build/release/rewardkit", REPO / ".build/debug/rewardkit"]:
        if c and Path(c).is_file():
            return Path(c)
    pytest.skip("no rewardkit binary built (swift build --product rewardkit, or set REWARDKIT_BIN)")


def generate(tmp: Path, n: int) -> tuple[Path, Path]:
    parquet, jsonl = tmp / "rows.parquet", tmp / "rows.jsonl"
    subprocess.run([sys.executable, str(REPO / "scripts/gen_ray_rows.py"), str(n), str(parquet), str(jsonl)], check=True)
    return parquet, jsonl


def score_cli(jsonl: Path, out: Path, *args: str) -> list[dict]:
    done = subprocess.run([str(cli()), "score", str(jsonl), "--out", str(out), "--no-db", *args], capture_output=True, text=True)
    assert done.returncode in (0, 3), done.stderr
    return [json.loads(line) for line in out.read_text().splitlines()]


def by_id(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: r["id"])


def compare(scored: list[dict], expected: list[dict], components: list[str], *, advantage: bool = False) -> int:
    """Row by row after sorting both by id: same ids, rewards, errors (and advantages); the number of error rows."""
    scored, expected = by_id(scored), by_id(expected)
    assert [r["id"] for r in scored] == [r["id"] for r in expected]
    errors = 0
    for s, e in zip(scored, expected):
        if "error" in e:
            errors += 1
            assert s["error"] == e["error"] and s["reward"] is None, (s["id"], s["error"], e)
        else:
            assert s["error"] is None, (s["id"], s["error"])
            assert s["reward"] == e["reward"] and {c: s[f"rewards.{c}"] for c in components} == e["rewards"], (s, e)
            if advantage:
                assert s["advantage"] == e["advantage"], (s["id"], s["advantage"], e["advantage"])
    return errors


def test_example_on_a_local_cluster_equals_rewardkit_score(tmp_path):
    parquet, jsonl = generate(tmp_path, ROWS)
    out = tmp_path / "scored"
    done = subprocess.run([sys.executable, str(REPO / "examples/ray_score.py"), "--input", str(parquet), "--output", str(out),
                           "--preset", "r1", "--num-cpus", "2"], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-4000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    scored = pq.read_table(out).to_pylist()
    expected = score_cli(jsonl, tmp_path / "cli.jsonl", "--preset", "r1")
    assert len(scored) == len(expected) == ROWS
    errors = compare(scored, expected, rewardkit.Scorer("r1").components)
    # The generator's deliberately bad rows: no response, unknown problem_type.
    assert errors == sum(1 for i in range(ROWS) if i % 1009 == 1008 or i % 997 == 996) > 0
    assert (summary["rows"], summary["errors"]) == (ROWS, errors)
    # Right, wrong and unformatted answers are all among them.
    assert {(e["rewards"]["accuracy"], e["rewards"]["format"]) for e in expected if "error" not in e} >= {(1, 1), (0, 1), (1, 0)}


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.mark.parametrize("estimator", ["grpo", "dr_grpo"])
def test_map_groups_gives_the_advantages_of_rewardkit_score(tmp_path, local_ray, estimator):
    import rewardkit.ray as rkray

    parquet, jsonl = generate(tmp_path, 4000)
    config = tmp_path / "grpo.yaml"
    config.write_text(GRPO % estimator)
    ds = ray.data.read_parquet(str(parquet))
    rows = rkray.score_groups(ds, "uid", config=str(config)).take_all()
    expected = score_cli(jsonl, tmp_path / "cli.jsonl", "--config", str(config))
    assert compare(rows, expected, ["accuracy", "format"], advantage=True) > 0
    assert any(abs(e.get("advantage") or 0) > 0.1 for e in expected)


def test_map_batches_refuses_a_group_step_and_takes_pandas_batches(tmp_path, local_ray):
    import rewardkit.ray as rkray

    with pytest.raises(ValueError, match="score_groups"):
        rkray.ScoreBatches(config=GRPO % "grpo")
    parquet, jsonl = generate(tmp_path, 3000)
    ds = ray.data.read_parquet(str(parquet))
    scored = ds.map_batches(rkray.ScoreBatches, fn_constructor_kwargs={"preset": "r1"}, batch_format="pandas",
                            batch_size=500, compute=ray.data.ActorPoolStrategy(size=2),
                            num_cpus=0.5)  # two workers holding both CPUs would leave none for the read tasks
    rows = [{k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()} for r in scored.take_all()]  # pandas: NaN for null
    expected = score_cli(jsonl, tmp_path / "cli.jsonl", "--preset", "r1")
    assert compare(rows, expected, ["accuracy", "format"]) > 0

