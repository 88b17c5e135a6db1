"""OpenRLHF 0.11.2's own HTTP reward client against a real `rewardkit serve`.

`SingleTurnAgentExecutor._fetch_rewards_via_http` (openrlhf/utils/agent.py) is what PPO rollouts
call with `--reward.remote_url`: aiohttp, the batch sharded over the servers, five tries per
request. `execute` is run too, with a stand-in for the vLLM engine (the one part that needs a
GPU): it decodes prompt + response with special tokens kept and sends that as the query.
Needs openrlhf (0.11.2, its agent module: aiohttp) and transformers; skipped otherwise.
"""
import asyncio
from types import SimpleNamespace

import pytest

pytest.importorskip("aiohttp", reason="framework test: aiohttp is not installed")
pytest.importorskip("transformers", reason="framework test: transformers is not installed")
agent = pytest.importorskip("openrlhf.utils.agent", reason="framework test: openrlhf is not installed")

from tiny_tokenizer import tiny_tokenizer  # noqa: E402

PROMPT = "we add 4 and 5"
GOOD = " <think> 4 + 5 = 9 </think> <answer> 9 </answer>"
WRONG = " <think> 4 + 5 = 8 </think> <answer> 8 </answer>"


def fetch(urls, queries, prompts, labels):
    executor = agent.SingleTurnAgentExecutor(remote_rm_url=urls)
    return asyncio.run(executor._fetch_rewards_via_http(queries, prompts, labels))


def test_string_labels_a_list_label_and_a_bad_label(server):
    labels = ["9", "9", ["8", "9"], ["1", "2"], {"value": "9"}, "9"]
    responses = [GOOD, WRONG, GOOD, GOOD, GOOD, GOOD]
    [reply] = fetch([server.url + "/get_reward"], [PROMPT + r for r in responses], [PROMPT] * 6, labels)
    assert reply["rewards"] == [1.5, 0.5, 1.5, 0.5, 0.0, 1.5]
    assert reply["scores"] == [1.0, 1 / 3, 1.0, 1 / 3, 0.0, 1.0]
    assert reply["extra_logs"]["accuracy"] == [1.0, 0.0, 1.0, 0.0, 0.0, 1.0]
    assert reply["extra_logs"]["error"] == [0, 0, 0, 0, 1, 0]
    assert [e is None for e in reply["errors"]] == [True, True, True, True, False, True]
    assert "field 'labels' item 4 is an object" in reply["errors"][4]


def test_the_batch_is_sharded_over_two_servers(server):
    url = server.url + "/get_reward"
    replies = fetch([url, url], [PROMPT + GOOD, PROMPT + WRONG, PROMPT + GOOD], [PROMPT] * 3, ["9", "9", "9"])
    assert [r["rewards"] for r in replies] == [[1.5, 0.5], [1.5]]


class StandInEngine:
    """Answers vLLM's `generate` with fixed token ids (the GPU part of a rollout)."""

    def __init__(self, token_ids, finish_reason):
        self.output = SimpleNamespace(token_ids=token_ids, finish_reason=finish_reason, logprobs=None)

    async def generate(self, prompt_token_ids, sampling_params, multi_modal_data=None):
        return SimpleNamespace(outputs=[self.output])


def test_execute_scores_a_finished_response_as_high_as_a_truncated_one(server):
    """OpenRLHF decodes the query with special tokens kept, so a finished response ends in the EOS
    token: it must not lose the format reward to it (issue 19, item 1)."""
    tok = tiny_tokenizer()
    executor = agent.SingleTurnAgentExecutor(remote_rm_url=[server.url + "/get_reward"])
    ids = tok(GOOD, add_special_tokens=False)["input_ids"]
    params = SimpleNamespace(max_tokens=32, logprobs=None)
    results = {}
    for name, token_ids, reason in [("finished", ids + [tok.eos_token_id], "stop"), ("truncated", ids, "length")]:
        out = asyncio.run(executor.execute(PROMPT, "9", params, 64, tok, StandInEngine(token_ids, reason)))
        results[name] = out
    assert tok.decode(results["finished"]["observation_tokens"], skip_special_tokens=False).endswith("</s>")
    assert results["finished"]["truncated"] is False and results["truncated"]["truncated"] is True
    assert results["finished"]["reward"] == [1.5] and results["truncated"]["reward"] == [1.5]
    assert results["finished"]["extra_logs"]["format"] == [1.0]
