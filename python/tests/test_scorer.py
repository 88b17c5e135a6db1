"""Scorer against the pinned output of `rewardkit score` and the command line itself."""

from __future__ import annotations

import json
import math

import pytest

import rewardkit
from conftest import REPO, fixture, read_jsonl, run_cli


def test_score_file_writes_the_pinned_bytes(tmp_path):
    scorer = rewardkit.Scorer(preset="r1")
    out = tmp_path / "scored.jsonl"
    summary = scorer.score_file(fixture("pinned_rollouts.jsonl"), out)
    assert (summary["rows"], summary["errors"]) == (345, 24)
    assert out.read_bytes() == fixture("pinned_rollouts_scored_plain.jsonl").read_bytes()
    scorer.score_file(fixture("pinned_rollouts.jsonl"), out, explain=True)
    assert out.read_bytes() == fixture("pinned_rollouts_scored.jsonl").read_bytes()


def test_score_rows_gives_the_pinned_rows():
    lines = fixture("pinned_rollouts.jsonl").read_text().splitlines()
    expected = read_jsonl(fixture("pinned_rollouts_scored.jsonl"))
    # Pair each non-blank input line with its output row; rows that are valid JSON go through score().
    rows, wanted = [], []
    for line, out in zip([l for l in lines if l.strip()], expected):
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict) and any(isinstance(v, float) and not math.isfinite(v) for v in row.values()):
            continue  # NaN is not JSON: re-encoded it is a different error row
        rows.append(row)
        wanted.append(out)
    assert len(rows) > 300
    got = rewardkit.Scorer("r1").score(rows, explain=True)
    assert len(got) == len(wanted)
    for i, (g, w) in enumerate(zip(got, wanted)):
        if "error" in w:
            assert "error" in g and g["error"] == w["error"], (i, g, w)
            assert g["line"] == i + 1
        else:
            assert g == w, i


def test_bad_rows_are_error_rows_in_place():
    rows = [
        {"prompt": "p", "response": "<think>t</think><answer>4</answer>", "answer": "4"},
        "not an object",
        {"prompt": "p", "answer": "4"},
        {"prompt": "p", "response": 17, "answer": "4"},
        {"prompt": "p", "response": "<answer>5</answer>", "answer": "5", "x": float("nan")},
    ]
    out = rewardkit.Scorer("r1").score(rows)
    assert len(out) == 5
    assert out[0]["rewards"]["accuracy"] == 1.0 and "error" not in out[0]
    for i in (1, 2, 3, 4):
        assert "error" in out[i] and out[i]["line"] == i + 1, out[i]
    assert "response" in out[2]["error"]


@pytest.mark.parametrize("name,config", [
    ("sharegrpo_rollouts.jsonl", ["--preset", "sharegrpo"]),
    ("sophiavl_rollouts.jsonl", ["--preset", "sophiavl"]),
    ("mulberry_rollouts.jsonl", ["--config", "Fixtures/configs/stepgrpo-rewards.yaml"]),
    ("rollouts.jsonl", ["--preset", "r1"]),
])
def test_score_equals_the_command_line(cli, tmp_path, name, config):
    cli_out = tmp_path / "cli.jsonl"
    run_cli(cli, "score", str(fixture(name)), "--out", str(cli_out), "--no-db", *config)
    scorer = rewardkit.Scorer(config=REPO / config[1]) if config[0] == "--config" else rewardkit.Scorer(config[1])
    py_out = tmp_path / "py.jsonl"
    scorer.score_file(fixture(name), py_out)
    assert py_out.read_bytes() == cli_out.read_bytes()
    rows = read_jsonl(fixture(name))
    assert scorer.score(rows) == read_jsonl(cli_out)


def test_config_dict_text_and_path_agree(tmp_path):
    config = {"rewards": [{"name": "accuracy", "weight": 1.0}, {"name": "format", "weight": 0.5, "template": "think_answer"}]}
    path = tmp_path / "rewards.yaml"
    path.write_text("rewards:\n  - {name: accuracy, weight: 1.0}\n  - {name: format, weight: 0.5, template: think_answer}\n")
    rows = read_jsonl(fixture("rollouts.jsonl"))
    a = rewardkit.Scorer(config=config)
    b = rewardkit.Scorer(config=str(path))
    c = rewardkit.Scorer(config=path.read_text())
    assert a.components == ["accuracy", "format"] and a.weights == {"accuracy": 1.0, "format": 0.5}
    assert a.score(rows) == b.score(rows) == c.score(rows)


def test_bad_config_names_file_line_and_key(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("rewards:\n  - {name: accuracy}\nrewardz: 1\n")
    with pytest.raises(rewardkit.ConfigError) as e:
        rewardkit.Scorer(config=path)
    assert str(path) in str(e.value) and "line" in str(e.value) and "rewardz" in str(e.value)
    with pytest.raises(rewardkit.ConfigError, match="unknown preset 'nope'"):
        rewardkit.Scorer("nope")
    with pytest.raises(rewardkit.ConfigError, match="cannot read config"):
        rewardkit.Scorer(config=tmp_path / "missing.yaml")
    with pytest.raises(rewardkit.ConfigError, match="weight"):
        rewardkit.Scorer(config={"rewards": [{"name": "accuracy", "weight": "heavy"}]})
    with pytest.raises(rewardkit.ConfigError):
        rewardkit.Scorer(config={"rewards": [{"name": "no_such_reward"}]})


def test_score_file_errors_are_os_errors(tmp_path):
    with pytest.raises(OSError, match="cannot open"):
        rewardkit.Scorer().score_file(tmp_path / "missing.jsonl", tmp_path / "out.jsonl")


def test_closed_scorer_raises():
    s = rewardkit.Scorer()
    s.close()
    s.close()
    with pytest.raises(rewardkit.RewardKitError, match="closed"):
        s.score([{"response": "1", "answer": "1"}])


def test_a_served_thinking_model_scores_through_a_real_http_server():
    """`{name: thinking, endpoint: ...}` calls an OpenAI-compatible server, as `rewardkit score` does."""
    import http.server
    import threading

    seen: list[dict] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append({"path": self.path, "model": body["model"]})
            text = json.dumps(body["messages"])
            reply = "<answer>0.7</answer>" if "2+3=5" in text else "<answer>0.2</answer>" if "2+3=6" in text else "no idea"
            data = json.dumps({"choices": [{"message": {"role": "assistant", "content": reply}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        config = {"rewards": [{"name": "thinking", "endpoint": {"url": url, "model": "rm-under-test", "retries": 0}}]}
        rows = [
            {"prompt": "What is 2+3?", "response": "<think>2+3=5</think><answer>5</answer>"},
            {"prompt": "What is 2+3?", "response": "<think>2+3=6</think><answer>6</answer>"},
            {"prompt": "What is 2+3?", "response": "<think>hm</think><answer>4</answer>"},
        ]
        with rewardkit.Scorer(config=config) as scorer:
            out = scorer.score(rows)
    finally:
        server.shutdown()
    assert [r.get("rewards", {}).get("thinking") for r in out[:2]] == [0.7, 0.2]
    assert out[2]["line"] == 3 and "could not be read" in out[2]["error"]
    assert len(seen) == 3 and {s["path"] for s in seen} == {"/v1/chat/completions"}
    assert {s["model"] for s in seen} == {"rm-under-test"}
