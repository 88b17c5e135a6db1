"""Scorer.score_columns, pyarrow/pandas batches (rewardkit._arrow) and Scorer.score_parquet,
against `rewardkit score` on the same rows as JSONL."""

from __future__ import annotations

import json
import math

import pytest

import rewardkit
from conftest import fixture, read_jsonl, run_cli

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

GROUP_CONFIG = "rewards: [{name: accuracy}, {name: format, weight: 0.5}]\ngroup: {advantage: {estimator: grpo}}\n"

# One row per alias `rewardkit score` reads (docs/scoring.md), plus rows it cannot score.
ALIAS_ROWS = [
    {"id": 0, "prompt": "1+1?", "response": "<think>2</think><answer>2</answer>", "answer": "2"},
    {"id": 1, "question": "1+2?", "completion": "<think>3</think><answer>3</answer>", "ground_truth": "3"},
    {"id": 2, "problem": "1+3?", "solution_str": "so \\boxed{4}", "label": "4"},
    {"id": 3, "prompt": "1+4?", "output": [{"role": "assistant", "content": "<answer>6</answer>"}], "solution": "the sum is 5"},
    {"id": 4, "prompt": "2+4?", "response": "<answer>6</answer>", "gold": "6"},
    {"id": 5, "prompt": "2+5?", "response": "<think>7</think><answer>7</answer>", "reward_model": {"ground_truth": "7", "style": "rule"}},
    {"id": 6, "prompt": "2+6?", "query": "2+6? <answer>8</answer>", "answer": "8"},
    {"id": 7, "prompt": "no response", "answer": "1"},
    {"id": 8, "prompt": "bad type", "response": "<answer>A</answer>", "answer": "A", "problem_type": "bogus"},
]


def table_of(rows):
    """A table with every key of every row as a column (from_pylist takes the first row's keys only)."""
    return pa.Table.from_struct_array(pa.array(rows))


def cli_rows(cli, tmp_path, rows, *extra):
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "cli.jsonl"
    run_cli(cli, "score", str(path), "--out", str(out), "--no-db", *extra)
    return read_jsonl(out)


def assert_columns_match(table, expected, components):
    """`table`'s result columns say what the CLI's output rows say, row by row."""
    got = table.to_pylist()
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        if "error" in e:
            assert g["error"] == e["error"] and g["reward"] is None, (g, e)
            assert all(g[f"rewards.{c}"] is None for c in components)
        else:
            assert g["error"] is None and g["reward"] == e["reward"], (g, e)
            assert {c: g[f"rewards.{c}"] for c in components} == e["rewards"]
            if "advantage" in e:
                assert g["advantage"] == e["advantage"]


@pytest.mark.parametrize("config", [None, GROUP_CONFIG])
def test_score_columns_equals_score_on_the_fixture_rows(config):
    rows = read_jsonl(fixture("rollouts.jsonl")) + [{"response": 5}, {"prompt": "x"}]
    scorer = rewardkit.Scorer(config=config) if config else rewardkit.Scorer("r1")
    rows_out = scorer.score(rows)
    cols = scorer.score_columns(rows)
    assert len(cols["reward"]) == len(rows_out) == len(rows)
    assert sum(e is not None for e in cols["error"]) == sum("error" in r for r in rows_out) >= 2
    for i, r in enumerate(rows_out):
        assert cols["error"][i] == r.get("error")
        assert cols["reward"][i] == r.get("reward")
        assert {c: cols["rewards"][c][i] for c in scorer.components} == (r.get("rewards") or {c: None for c in scorer.components})
        if config:
            assert cols["advantage"][i] == r.get("advantage")
    assert ("advantage" in cols) == (config is not None)


def test_share_grpo_has_no_columns():
    scorer = rewardkit.Scorer(config="rewards: [{name: accuracy}]\ngroup: {advantage: {estimator: share_grpo}}\n")
    with pytest.raises(rewardkit.RewardKitError, match="share_grpo"):
        scorer.score_columns([{"prompt": "p", "response": "1", "answer": "1", "group": "g", "variant": 0}])


@pytest.mark.parametrize("form", ["pyarrow", "pandas"])
def test_batches_read_every_alias_as_the_cli_does(cli, tmp_path, form):
    from rewardkit._arrow import score_batch

    scorer = rewardkit.Scorer("r1")
    table = table_of(ALIAS_ROWS)  # absent fields become null columns: read as absent
    batch = table.to_pandas() if form == "pandas" else table
    scored = score_batch(scorer, batch)
    if form == "pandas":
        assert list(scored.index) == list(batch.index)
        scored = pa.Table.from_pandas(scored, preserve_index=False)
    assert scored.column("id").to_pylist() == [r["id"] for r in ALIAS_ROWS]
    expected = cli_rows(cli, tmp_path, ALIAS_ROWS)
    assert [e.get("error") is not None for e in expected] == [False] * 7 + [True, True]
    assert_columns_match(scored, expected, scorer.components)


def test_stale_result_columns_are_replaced():
    from rewardkit._arrow import score_batch

    table = pa.table({"prompt": ["p"], "response": ["<answer>1</answer>"], "answer": ["1"], "reward": [9.0], "rewards.accuracy": [9.0], "error": ["old"]})
    scored = score_batch(rewardkit.Scorer("r1"), table)
    assert scored.column_names.count("reward") == 1 and scored.column_names.count("error") == 1
    assert scored.column("rewards.accuracy").to_pylist() == [1.0] and scored.column("error").to_pylist() == [None]


def test_score_parquet_streams_row_groups_and_equals_the_cli(cli, tmp_path):
    rows = [{"id": 100 + i, "prompt": f"{i}+1?", "response": f"<think>t</think><answer>{i + i % 3}</answer>", "answer": str(i + 1)}
            for i in range(1000)] + ALIAS_ROWS
    source = tmp_path / "in.parquet"
    pq.write_table(table_of(rows), source, row_group_size=100)
    assert pq.ParquetFile(source).num_row_groups > 5
    out = tmp_path / "out.parquet"
    scorer = rewardkit.Scorer("r1")
    summary = scorer.score_parquet(source, out, batch_rows=64)
    scored = pq.read_table(out)
    expected = cli_rows(cli, tmp_path, [{k: v for k, v in r.items() if v is not None} for r in table_of(rows).to_pylist()])
    assert summary["rows"] == len(rows) and summary["errors"] == sum("error" in e for e in expected) == 2
    assert scored.column("id").to_pylist() == [r["id"] for r in rows]
    assert_columns_match(scored, expected, scorer.components)
    assert not list(tmp_path.glob(".*partial"))


def test_score_parquet_refuses_group_steps_and_keeps_no_partial_file(tmp_path):
    source = tmp_path / "in.parquet"
    pq.write_table(table_of(ALIAS_ROWS[:2]), source)
    with pytest.raises(ValueError, match="whole groups"):
        rewardkit.Scorer(config=GROUP_CONFIG).score_parquet(source, tmp_path / "out.parquet")
    with pytest.raises(Exception):
        rewardkit.Scorer("r1").score_parquet(tmp_path / "missing.parquet", tmp_path / "out.parquet")
    assert not (tmp_path / "out.parquet").exists() and not list(tmp_path.glob(".*partial"))


def test_score_parquet_of_no_rows_writes_the_columns(tmp_path):
    source = tmp_path / "in.parquet"
    pq.write_table(pa.table({"prompt": pa.array([], pa.string()), "response": pa.array([], pa.string())}), source)
    summary = rewardkit.Scorer("r1").score_parquet(source, tmp_path / "out.parquet")
    out = pq.read_table(tmp_path / "out.parquet")
    assert summary["rows"] == 0 and out.num_rows == 0
    assert {"prompt", "response", "reward", "error", "rewards.accuracy", "rewards.format"} <= set(out.column_names)


def test_score_parquet_command_line(tmp_path):
    import subprocess
    import sys

    source = tmp_path / "in.parquet"
    pq.write_table(table_of(ALIAS_ROWS), source)
    done = subprocess.run([sys.executable, "-m", "rewardkit.parquet", str(source), str(tmp_path / "o.parquet"), "--preset", "r1"],
                          capture_output=True, text=True, check=True)
    summary = json.loads(done.stdout)
    assert (summary["rows"], summary["errors"]) == (len(ALIAS_ROWS), 2)
    assert math.isfinite(summary["seconds"])
