"""TRL reward function backed by a RewardKit server, for GRPOTrainer(reward_funcs=[rewardkit_reward]).

Completions may be strings or chat messages ([{"role", "content"}]); the reference answer is
read from the dataset column `answer`, `solution` or `ground_truth`. One request scores the
whole batch. A row the server cannot score is None, which TRL leaves out of that reward.

TRL decodes completions with special tokens skipped: a tokenizer that registers `<think>` or
`<answer>` as special tokens loses the tags, and `format` is then always 0. When every
completion of a batch scores format 0 and none holds any of those tags, a warning says so, once.
"""
import os
import sys
import warnings

# Trainers may load this file by path, so its folder is not on sys.path for the shared client.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rewardkit_client import score_rows  # noqa: E402

ANSWER_COLUMNS = ("answer", "solution", "ground_truth")
TAGS = ("<think>", "</think>", "<answer>", "</answer>")
_warned = []


def _text(completion):
    if isinstance(completion, list):
        return "\n".join(str(m.get("content", "")) for m in completion if isinstance(m, dict))
    return str(completion)


def _warn_if_tags_vanished(completions, scored):
    formats = [r.get("rewards", {}).get("format") for r in scored if "error" not in r]
    if _warned or len(formats) < 2 or any(f is None or f != 0 for f in formats):
        return
    if any(tag in _text(c) for c in completions for tag in TAGS):
        return
    _warned.append(True)
    warnings.warn("rewardkit: no completion of this batch holds <think>/<answer> tags and every format "
                  "score is 0; if the tokenizer registers them as special tokens, TRL's decoding "
                  "(skip_special_tokens=True) removes them", RuntimeWarning, stacklevel=3)


def rewardkit_reward(prompts, completions, **columns):
    answers = next((columns[c] for c in ANSWER_COLUMNS if c in columns), [None] * len(completions))
    rows = [{"prompt": p, "response": c, "answer": a} for p, c, a in zip(prompts, completions, answers)]
    scored = score_rows(rows)
    _warn_if_tags_vanished(completions, scored)
    return [None if "error" in r else float(r["reward"]) for r in scored]
