"""verl 0.9.1's own config and reward loading path calling integrations/verl_reward.py against a
real `rewardkit serve`.

The config is composed by Hydra from verl's own `ppo_trainer.yaml` (what `main_ppo` reads), the
function is loaded by verl's `get_custom_reward_fn`, and rows are scored by verl's
`RewardLoopWorker` (its `NaiveRewardManager`: token ids decoded by the tokenizer, our function
called with data_source / solution_str / ground_truth / extra_info). The tokenizer is built here
and saved to a temporary directory; nothing is downloaded, no Ray cluster is started.
Needs verl (0.9.1) and its imports (torch, ray, hydra, tensordict, transformers); skipped otherwise.
"""
import asyncio
import json
import os
import urllib.request

import pytest

pytest.importorskip("torch", reason="framework test: torch is not installed")
pytest.importorskip("verl", reason="framework test: verl is not installed")
for module in ("ray", "hydra", "tensordict", "aiohttp", "transformers"):
    pytest.importorskip(module, reason=f"framework test: {module} (imported by verl's reward loop) is not installed")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from hydra import compose, initialize_config_dir  # noqa: E402

import verl.trainer  # noqa: E402
from verl import DataProto  # noqa: E402
from verl.experimental.reward_loop.reward_loop import RewardLoopWorker  # noqa: E402
from verl.trainer.ppo.reward import get_custom_reward_fn  # noqa: E402
from verl.utils.reward_score import default_compute_score  # noqa: E402

from tiny_tokenizer import tiny_tokenizer  # noqa: E402

ADAPTER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "verl_reward.py")
GOOD = "<think> 4 + 5 = 9 </think> <answer> 9 </answer>"
WRONG = "<think> 4 + 5 = 8 </think> <answer> 8 </answer>"
NO_TAGS = "so the answer is 9"


def verl_config(*overrides, tokenizer_dir="/nonexistent"):
    """verl's own ppo_trainer config as main_ppo composes it, with our overrides."""
    config_dir = os.path.join(os.path.dirname(verl.trainer.__file__), "config")
    with initialize_config_dir(config_dir=config_dir, version_base=None):
        return compose(config_name="ppo_trainer",
                       overrides=[f"actor_rollout_ref.model.path={tokenizer_dir}", *overrides])


NEW_KEYS = [f"reward.custom_reward_function.path={ADAPTER}", "reward.custom_reward_function.name=compute_score"]
OLD_KEYS = [f"custom_reward_function.path={ADAPTER}", "custom_reward_function.name=compute_score"]


def server_score(url, rows):
    req = urllib.request.Request(url + "/score", data=json.dumps(rows).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=30) as reply:
        return json.loads(reply.read())


def batch(tokenizer, samples):
    """A DataProto shaped as verl's rollout hands it to the reward loop: left-padded prompts,
    right-padded responses, data_source, reward_model.ground_truth and extra_info per row."""
    prompts = [tokenizer("we add 4 and 5")["input_ids"] for _ in samples]
    responses = [tokenizer(text)["input_ids"] + [tokenizer.eos_token_id] for text, _ in samples]
    p_len, r_len = max(map(len, prompts)), max(map(len, responses))
    pad = tokenizer.pad_token_id
    prompt_ids = torch.tensor([[pad] * (p_len - len(p)) + p for p in prompts])
    response_ids = torch.tensor([r + [pad] * (r_len - len(r)) for r in responses])
    mask = torch.tensor([[0] * (p_len - len(p)) + [1] * len(p) + [1] * len(r) + [0] * (r_len - len(r))
                         for p, r in zip(prompts, responses)])
    return DataProto.from_dict(
        tensors={"prompts": prompt_ids, "responses": response_ids, "attention_mask": mask,
                 "input_ids": torch.cat([prompt_ids, response_ids], dim=1)},
        non_tensors={"data_source": np.array(["openai/gsm8k"] * len(samples), dtype=object),
                     "reward_model": np.array([{"ground_truth": gt} for _, gt in samples], dtype=object),
                     "extra_info": np.array([{"question": "we add 4 and 5"} for _ in samples], dtype=object)})


def gather_like_reward_loop_manager(outputs):
    """What verl 0.9.1's RewardLoopManager.compute_rm_score does with the workers' outputs
    (verl/experimental/reward_loop/reward_loop.py, Apache-2.0): the logged keys are those of the
    first sample, and every other sample must have them."""
    infos = [output.get("reward_extra_info", {}) for output in outputs]
    keys = list(infos[0].keys())
    return {key: np.array([info[key] for info in infos]) for key in keys}


@pytest.fixture(scope="module")
def tokenizer_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("verl_tokenizer")
    tiny_tokenizer().save_pretrained(str(path))
    return str(path)


def test_verl_loads_our_function_from_the_reward_keys_and_it_scores_as_the_server(server, monkeypatch):
    monkeypatch.setenv("REWARDKIT_URL", server.url)
    fn = get_custom_reward_fn(verl_config(*NEW_KEYS))
    assert fn is not None
    result = asyncio.run(fn(data_source="openai/gsm8k", solution_str=GOOD, ground_truth="9",
                            extra_info={"question": "we add 4 and 5"}))
    [row] = server_score(server.url, [{"prompt": "we add 4 and 5", "response": GOOD, "answer": "9"}])
    assert result == {"score": row["reward"], **row["rewards"], "error": 0.0}
    assert result["score"] == 1.5


def test_the_old_top_level_keys_are_accepted_and_ignored(server, monkeypatch, tokenizer_dir):
    """What the README warns about: main_ppo's config takes `custom_reward_function.*` without a
    word, and verl then scores with its own default function."""
    monkeypatch.setenv("REWARDKIT_URL", server.url)
    config = verl_config(*OLD_KEYS, tokenizer_dir=tokenizer_dir)
    assert config.custom_reward_function.path == ADAPTER  # accepted
    assert get_custom_reward_fn(config) is None  # and not what verl loads
    worker = RewardLoopWorker(config)
    assert worker.reward_manager.compute_score is default_compute_score
    tok = tiny_tokenizer()
    [out] = worker.loop.run_until_complete(worker.compute_score_batch(batch(tok, [(GOOD, "9")])))
    assert "format" not in out["reward_extra_info"]  # not our components: verl's GSM8K rule


def test_verl_reward_loop_scores_a_batch_with_a_bad_row_first_or_later(server, monkeypatch, tokenizer_dir):
    monkeypatch.setenv("REWARDKIT_URL", server.url)
    worker = RewardLoopWorker(verl_config(*NEW_KEYS, tokenizer_dir=tokenizer_dir))
    tok = tiny_tokenizer()
    samples = [(GOOD, "9"), (GOOD, None), (WRONG, "9"), (NO_TAGS, "9")]  # the second has no ground truth
    expected = server_score(server.url, [{"prompt": "we add 4 and 5", "response": tok.decode(tok(t)["input_ids"]),
                                          "answer": gt} for t, gt in samples])
    assert "error" in expected[1] and "error" not in expected[0]
    for order in ([0, 1, 2, 3], [1, 0, 2, 3]):
        rows = [samples[i] for i in order]
        outputs = worker.loop.run_until_complete(worker.compute_score_batch(batch(tok, rows)))
        logged = gather_like_reward_loop_manager(outputs)  # a KeyError here is the bug of issue 19
        assert set(logged) == {"score", "accuracy", "format", "error"}
        for k, i in enumerate(order):
            want = expected[i]
            if "error" in want:
                assert outputs[k]["reward_score"] == 0.0 and logged["error"][k] == 1.0
                assert logged["accuracy"][k] == 0.0 and logged["format"][k] == 0.0
            else:
                assert outputs[k]["reward_score"] == want["reward"]
                assert logged["accuracy"][k] == want["rewards"]["accuracy"]
                assert logged["format"][k] == want["rewards"]["format"]
                assert logged["error"][k] == 0.0
