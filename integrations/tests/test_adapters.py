"""The adapters in integrations/ against a real `rewardkit serve` (issue: fit the real frameworks)."""
import json
import time
import urllib.request

import pytest

import rewardkit_client
import trl_reward
import verl_reward

GOOD = "<think>2+2=4</think>\n<answer>4</answer>"


def post(url, path, body):
    req = urllib.request.Request(url + path, data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=30) as reply:
        return reply.status, json.loads(reply.read())


def test_the_url_is_read_at_call_time(server, dead_url, monkeypatch):
    monkeypatch.setenv("REWARDKIT_URL", dead_url)
    monkeypatch.setenv("REWARDKIT_RETRIES", "1")
    with pytest.raises(rewardkit_client.RewardKitUnavailable):
        rewardkit_client.score_rows([{"response": GOOD, "answer": "4"}])
    monkeypatch.setenv("REWARDKIT_URL", server.url)
    [row] = rewardkit_client.score_rows([{"response": GOOD, "answer": "4"}])
    assert row["reward"] == 1.5


def test_a_dead_server_in_the_list_is_skipped(server, dead_url, monkeypatch):
    monkeypatch.setenv("REWARDKIT_URL", f"{dead_url},{server.url}")
    # Round-robin starts at each server in turn: every call must still be answered.
    for _ in range(6):
        [row] = rewardkit_client.score_rows([{"response": GOOD, "answer": "4"}])
        assert row["reward"] == 1.5


def test_all_servers_down_is_one_clear_error_after_a_bounded_backoff(dead_url, monkeypatch):
    monkeypatch.setenv("REWARDKIT_URL", f"{dead_url},{dead_url}/")
    monkeypatch.setenv("REWARDKIT_RETRIES", "3")
    start = time.monotonic()
    with pytest.raises(rewardkit_client.RewardKitUnavailable) as error:
        rewardkit_client.score_rows([{"response": GOOD, "answer": "4"}])
    elapsed = time.monotonic() - start
    message = str(error.value)
    assert "no RewardKit server answered /score after 3 round(s)" in message
    assert dead_url in message and "REWARDKIT_URL" in message
    # Backoff 0.5 s then 1 s between the three rounds.
    assert 1.4 <= elapsed < 10


def test_verl_returns_the_same_keys_for_every_row(server, monkeypatch):
    monkeypatch.setenv("REWARDKIT_URL", server.url)
    bad = verl_reward.compute_score_sync("math", GOOD, None)
    good = verl_reward.compute_score_sync("math", GOOD, "4")
    assert set(bad) == set(good) == {"score", "accuracy", "format", "error"}
    assert bad == {"score": 0.0, "accuracy": 0.0, "format": 0.0, "error": 1.0}
    assert good == {"score": 1.5, "accuracy": 1.0, "format": 1.0, "error": 0.0}


def test_verl_async_entry_point(server, monkeypatch):
    import asyncio
    monkeypatch.setenv("REWARDKIT_URL", server.url)
    result = asyncio.run(verl_reward.compute_score("math", GOOD + "<|im_end|>", "4", extra_info={"question": "Q"}))
    assert result["score"] == 1.5


def test_trl_scores_a_batch_and_leaves_unscorable_rows_none(server, monkeypatch):
    monkeypatch.setenv("REWARDKIT_URL", server.url)
    chat = [{"role": "assistant", "content": GOOD}]
    rewards = trl_reward.rewardkit_reward(["Q", "Q"], [GOOD, chat], answer=["4", "5"])
    assert rewards == [1.5, 0.5]
    assert trl_reward.rewardkit_reward(["Q"], [GOOD]) == [None]


def test_openrlhf_labels_lists_and_bad_labels_are_per_sample(server):
    query = "Q<|im_start|>assistant\n<think>\n" + "2+2=4</think>\n<answer>4</answer><|im_end|>"
    prompt = "Q<|im_start|>assistant\n<think>\n"
    body = {"query": [query] * 4, "prompts": [prompt] * 4, "labels": ["4", ["3", "4"], {"x": 1}, ["3"]]}
    status, reply = post(server.url, "/get_reward", body)
    assert status == 200
    # A finished response with a prefilled <think> and a trailing <|im_end|> scores in full.
    assert reply["rewards"] == [1.5, 1.5, 0.0, 0.5]
    assert reply["extra_logs"]["error"] == [0, 0, 1, 0]
    assert reply["errors"][2].startswith("field 'labels' item 2 is an object")


def test_trl_warns_once_when_every_completion_lost_its_tags(server, monkeypatch):
    import warnings
    monkeypatch.setenv("REWARDKIT_URL", server.url)
    monkeypatch.setattr(trl_reward, "_warned", [])
    stripped = ["2+2=4 4", "so 4"]
    with pytest.warns(RuntimeWarning, match="special tokens"):
        trl_reward.rewardkit_reward(["Q", "Q"], stripped, answer=["4", "4"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trl_reward.rewardkit_reward(["Q", "Q"], stripped, answer=["4", "4"])
    # A batch where some completion has its tags says nothing.
    monkeypatch.setattr(trl_reward, "_warned", [])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trl_reward.rewardkit_reward(["Q", "Q"], [GOOD, "so 4"], answer=["4", "4"])
