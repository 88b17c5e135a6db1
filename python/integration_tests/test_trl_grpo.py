"""TRL's real GRPOTrainer, two steps on the CPU, with a tiny randomly initialised Llama and a tokenizer
built here from a small vocabulary (nothing is downloaded), rewarded by rewardkit.trl.reward_function."""

from __future__ import annotations

import math

import pytest

torch = pytest.importorskip("torch")
trl = pytest.importorskip("trl")
datasets = pytest.importorskip("datasets")
transformers = pytest.importorskip("transformers")
tokenizers = pytest.importorskip("tokenizers")

import rewardkit.trl

WORDS = ["<think>", "</think>", "<answer>", "</answer>", "the", "answer", "is", "so", "what", "plus", "?", "=", "+"] + [str(d) for d in range(10)]


def tiny_tokenizer():
    vocab = {"<pad>": 0, "<eos>": 1, "<unk>": 2}
    for w in WORDS:
        vocab[w] = len(vocab)
    model = tokenizers.models.WordLevel(vocab=vocab, unk_token="<unk>")
    tok = tokenizers.Tokenizer(model)
    tok.pre_tokenizer = tokenizers.pre_tokenizers.WhitespaceSplit()
    tok.decoder = tokenizers.decoders.WordPiece(prefix="##", cleanup=False)
    fast = transformers.PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", eos_token="<eos>", unk_token="<unk>")
    fast.padding_side = "left"
    return fast


def tiny_model(vocab_size: int):
    torch.manual_seed(0)
    config = transformers.LlamaConfig(vocab_size=vocab_size, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                      num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=128,
                                      pad_token_id=0, eos_token_id=1, bos_token_id=1)
    return transformers.LlamaForCausalLM(config)


class Recording:
    """Wraps the rewardkit reward function under the same name, keeping what TRL passed and what it returned."""

    def __init__(self, inner):
        self.inner, self.calls, self.returned, self.__name__ = inner, [], [], inner.__name__

    def __call__(self, *args, **kwargs):
        out = self.inner(*args, **kwargs)
        self.calls.append((list(kwargs["completions"]), list(kwargs["answer"])))
        self.returned.append(out)
        return out


# Rewards a random policy earns too: the last number of the completion as its answer, and open-r1's
# repetition penalty over single words (random 12-token completions repeat some).
CONFIG = {"rewards": [{"name": "accuracy", "extraction": "fallback"}, {"name": "repetition", "ngram": 1, "weight": 0.5}]}


def test_grpo_two_steps_logs_rewardkit_rewards(tmp_path):
    tok = tiny_tokenizer()
    model = tiny_model(len(tok))
    prompts = [f"what is {a} plus {b} ?" for a, b in [(1, 2), (3, 4), (2, 2), (4, 5)]]
    answers = ["3", "7", "4", "9"]
    data = datasets.Dataset.from_dict({"prompt": prompts * 4, "answer": answers * 4})
    reward = Recording(rewardkit.trl.reward_function(config=CONFIG, name="rewardkit_math"))
    args = trl.GRPOConfig(output_dir=str(tmp_path), per_device_train_batch_size=4, num_generations=4, max_completion_length=12,
                          max_steps=2, logging_steps=1, report_to=[], use_cpu=True, bf16=False, learning_rate=1e-3,
                          save_strategy="no", seed=0, temperature=1.0)
    trainer = trl.GRPOTrainer(model=model, reward_funcs=[reward], args=args, train_dataset=data, processing_class=tok)
    trainer.train()
    logs = [h for h in trainer.state.log_history if "rewards/rewardkit_math/mean" in h]
    assert len(logs) == 2, trainer.state.log_history
    assert len(reward.returned) == 2
    scorer = rewardkit.Scorer(config=CONFIG)
    for log, returned, (completions, answers) in zip(logs, reward.returned, reward.calls):
        # What the function returned is what the library gives for the completions TRL decoded...
        rows = scorer.score([{"response": c, "answer": a} for c, a in zip(completions, answers)])
        assert returned == [r["reward"] for r in rows]
        # ...and what TRL logged for the step is their mean, with each component's mean beside it.
        assert math.isclose(log["rewards/rewardkit_math/mean"], sum(returned) / len(returned), abs_tol=1e-5)
        assert math.isclose(log["rewardkit/repetition"], sum(r["rewards"]["repetition"] for r in rows) / len(rows), abs_tol=1e-5)
    assert any(v != 0 for step in reward.returned for v in step), "a random policy earned no reward at all: the check above proves little"


def test_trl_sees_a_correct_completion_as_reward_1_5():
    f = rewardkit.trl.reward_function(preset="r1")
    completions = ["<think> 3 + 4 = 7 </think> <answer> 7 </answer>", "<think> 3 </think> <answer> 8 </answer>"]
    assert f(prompts=["what is 3 plus 4 ?"] * 2, completions=completions, answer=["7", "7"]) == [1.5, 0.5]
