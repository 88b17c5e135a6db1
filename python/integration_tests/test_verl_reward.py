"""verl's own reward path: the config loader reads `pkg://rewardkit.verl` with reward_kwargs, and its
NaiveRewardManager and BatchRewardManager decode token ids and call rewardkit's compute_score."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
np = pytest.importorskip("numpy")
verl = pytest.importorskip("verl")
omegaconf = pytest.importorskip("omegaconf")

from verl import DataProto
from verl.trainer.ppo.reward import get_custom_reward_fn
from verl.workers.reward_manager.batch import BatchRewardManager
from verl.workers.reward_manager.naive import NaiveRewardManager

import rewardkit.verl
from test_trl_grpo import tiny_tokenizer

RESPONSES = ["<think> 3 + 4 = 7 </think> <answer> 7 </answer>", "<think> 3 </think> <answer> 8 </answer>", "so the answer is 7"]


def batch(tok):
    prompt = tok(["what is 3 plus 4 ?"] * 3, padding="max_length", max_length=8, return_tensors="pt")
    resp = tok(RESPONSES, padding="max_length", max_length=16, return_tensors="pt")
    # verl right-pads responses; the tokenizer here pads on the left for generation, so build it by hand.
    rows, masks = [], []
    for text in RESPONSES:
        ids = tok(text)["input_ids"]
        rows.append(ids + [tok.pad_token_id] * (16 - len(ids)))
        masks.append([1] * len(ids) + [0] * (16 - len(ids)))
    responses = torch.tensor(rows)
    attention = torch.cat([prompt["attention_mask"], torch.tensor(masks)], dim=1)
    data = DataProto.from_dict(
        tensors={"prompts": prompt["input_ids"], "responses": responses, "attention_mask": attention,
                 "input_ids": torch.cat([prompt["input_ids"], responses], dim=1)},
        non_tensors={"data_source": np.array(["openai/gsm8k"] * 3, dtype=object),
                     "reward_model": np.array([{"ground_truth": "7", "style": "rule"}] * 3, dtype=object),
                     "extra_info": np.array([{"index": i} for i in range(3)], dtype=object)},
    )
    return data, [sum(m) for m in masks]


def test_verl_config_loader_and_naive_manager():
    tok = tiny_tokenizer()
    config = omegaconf.OmegaConf.create({"reward": {"custom_reward_function": {
        "path": "pkg://rewardkit.verl", "name": "compute_score", "reward_kwargs": {"preset": "r1"}}}})
    fn = get_custom_reward_fn(config)
    manager = NaiveRewardManager(tokenizer=tok, num_examine=0, compute_score=fn)
    data, lengths = batch(tok)
    out = manager(data, return_dict=True)
    rewards = out["reward_tensor"]
    got = [float(rewards[i, lengths[i] - 1]) for i in range(3)]
    assert got == [1.5, 0.5, 1.0]  # right + formatted, wrong + formatted, right without the format
    assert float(rewards.sum()) == pytest.approx(sum(got))
    info = out["reward_extra_info"]
    assert set(info) == {"score", "accuracy", "format", "error"}
    assert info["accuracy"] == [1.0, 0.0, 1.0] and info["error"] == [0.0, 0.0, 0.0]


def test_verl_batch_manager():
    tok = tiny_tokenizer()
    manager = BatchRewardManager(tokenizer=tok, num_examine=0, compute_score=rewardkit.verl.compute_score_batch, preset="r1")
    data, lengths = batch(tok)
    out = manager(data, return_dict=True)
    rewards = out["reward_tensor"]
    naive = [rewardkit.verl.compute_score("openai/gsm8k", tok.decode(tok(t)["input_ids"], skip_special_tokens=True), "7")["score"] for t in RESPONSES]
    assert [float(rewards[i, lengths[i] - 1]) for i in range(3)] == naive
