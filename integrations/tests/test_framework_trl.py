"""TRL's own GRPOTrainer calling integrations/trl_reward.py against a real `rewardkit serve`.

Two training steps on the CPU with a tiny randomly initialised Llama and a word-level tokenizer
built here (nothing is downloaded). The server scores with a config whose rewards differ between
random completions (the last number, format, word repetition), so the check that TRL logs the
rewards the server computed is not a check of zeros.
Needs torch, transformers, datasets and trl (1.16.0) in the interpreter; skipped otherwise.
"""
import json
import math
import urllib.request

import pytest

torch = pytest.importorskip("torch", reason="framework test: torch is not installed")
pytest.importorskip("transformers", reason="framework test: transformers is not installed")
pytest.importorskip("datasets", reason="framework test: datasets is not installed")
trl = pytest.importorskip("trl", reason="framework test: trl is not installed")

from conftest import Server  # noqa: E402
from tiny_tokenizer import tiny_tokenizer  # noqa: E402

import trl_reward  # noqa: E402

CONFIG = """rewards:
  - {name: accuracy, weight: 1.0, extraction: fallback}
  - {name: format, weight: 0.5, template: think_answer}
  - {name: repetition, weight: 0.5, ngram: 1}
"""


def tiny_model(tokenizer, seed):
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(seed)
    config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=16, intermediate_size=32, num_hidden_layers=1,
                         num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=64,
                         pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id,
                         eos_token_id=tokenizer.eos_token_id)
    return LlamaForCausalLM(config)


def train_two_steps(tmp_path, tokenizer, model, reward_func, generation_kwargs=None):
    from datasets import Dataset
    from trl import GRPOConfig, GRPOTrainer

    data = Dataset.from_dict({"prompt": ["we add 4 and 5 then get", "the answer is", "so 7 + 4 ="] * 4,
                              "answer": ["9", "5", "11"] * 4})
    args = GRPOConfig(output_dir=str(tmp_path / "out"), max_steps=2, per_device_train_batch_size=4,
                      num_generations=4, max_completion_length=12, learning_rate=1e-3, logging_steps=1,
                      report_to="none", save_strategy="no", use_cpu=True, bf16=False, seed=3,
                      temperature=1.0, disable_tqdm=True, generation_kwargs=generation_kwargs)
    trainer = GRPOTrainer(model=model, reward_funcs=[reward_func], args=args, train_dataset=data,
                          processing_class=tokenizer)
    trainer.train()
    return trainer.state.log_history


def recording(calls):
    """The adapter, recording what TRL passed it and what it returned. Named as the adapter, so
    TRL logs it under rewards/rewardkit_reward/."""
    def rewardkit_reward(prompts, completions, **columns):
        rewards = trl_reward.rewardkit_reward(prompts, completions, **columns)
        calls.append({"prompts": list(prompts), "completions": list(completions),
                      "completion_ids": [list(ids) for ids in columns["completion_ids"]],
                      "answers": list(columns["answer"]), "rewards": rewards})
        return rewards
    return rewardkit_reward


@pytest.fixture(scope="module")
def varied_server(tmp_path_factory):
    path = tmp_path_factory.mktemp("trl") / "rewards.yaml"
    path.write_text(CONFIG)
    s = Server("--config", str(path))
    yield s
    s.stop()


def score_directly(url, rows):
    req = urllib.request.Request(url + "/score", data=json.dumps(rows).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=30) as reply:
        return json.loads(reply.read())


def test_grpo_trainer_logs_the_rewards_the_server_computes(varied_server, tmp_path, monkeypatch):
    monkeypatch.setenv("REWARDKIT_URL", varied_server.url)
    torch.set_num_threads(1)
    tokenizer = tiny_tokenizer(special_tags=False)
    calls = []
    log = train_two_steps(tmp_path, tokenizer, tiny_model(tokenizer, seed=0), recording(calls))

    assert len(calls) == 2, f"TRL called the reward {len(calls)} times in two steps"
    all_rewards = [r for call in calls for r in call["rewards"]]
    assert len(all_rewards) == 8 and None not in all_rewards
    assert len(set(all_rewards)) > 1, f"random completions all scored the same: {all_rewards}"
    for call in calls:
        rows = [{"prompt": p, "response": c, "answer": a}
                for p, c, a in zip(call["prompts"], call["completions"], call["answers"])]
        assert [r["reward"] for r in score_directly(varied_server.url, rows)] == call["rewards"]

    logged = [entry for entry in log if "rewards/rewardkit_reward/mean" in entry]
    assert len(logged) == 2, log
    for entry, call in zip(logged, calls):
        mean = sum(call["rewards"]) / len(call["rewards"])
        assert math.isclose(entry["rewards/rewardkit_reward/mean"], mean, rel_tol=1e-5, abs_tol=1e-6)
        assert math.isclose(entry["reward"], mean, rel_tol=1e-5, abs_tol=1e-6)


def test_tags_registered_as_special_tokens_vanish_and_the_adapter_and_server_say_so(tmp_path, monkeypatch):
    """The trap of the README: TRL decodes with skip_special_tokens, so a tokenizer that registers
    the tags loses them from every completion and `format` is always 0. The adapter warns, and the
    server says so once on standard error."""
    config = tmp_path / "rewards.yaml"
    config.write_text(CONFIG)
    server = Server("--config", str(config))
    try:
        monkeypatch.setenv("REWARDKIT_URL", server.url)
        monkeypatch.setattr(trl_reward, "_warned", [])
        torch.set_num_threads(1)
        tokenizer = tiny_tokenizer(special_tags=True)
        model = tiny_model(tokenizer, seed=1)
        # Sampling only among the four tags and four words (EOS suppressed too): the policy writes tags
        # in nearly every completion, as a model trained on them would.
        tag_ids = set(tokenizer.convert_tokens_to_ids(list(trl_reward.TAGS)))
        allowed = tag_ids | set(tokenizer.convert_tokens_to_ids(["the", "answer", "is", "4"]))
        suppress = [i for i in range(len(tokenizer)) if i not in allowed]
        calls = []
        with pytest.warns(RuntimeWarning, match="special tokens"):
            train_two_steps(tmp_path, tokenizer, model, recording(calls), {"suppress_tokens": suppress})
        ids = [i for call in calls for c in call["completion_ids"] for i in c]
        completions = [c for call in calls for c in call["completions"]]
        assert sum(i in tag_ids for i in ids) > len(ids) // 4, "the policy was to write tags"
        assert completions and not any(tag in c for c in completions for tag in trl_reward.TAGS)
    finally:
        server.stop()
    said = server.process.stderr.read()
    assert said.count("skip_special_tokens") == 1, said
