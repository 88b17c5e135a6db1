"""TRL reward function backed by a RewardKit server, for GRPOTrainer(reward_funcs=[rewardkit_reward]).

Completions may be strings or chat messages ([{"role", "content"}]); the reference answer is
read from the dataset column `answer`, `solution` or `ground_truth`. One request scores the
whole batch. A row the server cannot score is None, which TRL leaves out of that reward.
"""
import os
import sys

# Trainers may load this file by path, so its folder is not on sys.path for the shared client.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rewardkit_client import score_rows  # noqa: E402

ANSWER_COLUMNS = ("answer", "solution", "ground_truth")


def rewardkit_reward(prompts, completions, **columns):
    answers = next((columns[c] for c in ANSWER_COLUMNS if c in columns), [None] * len(completions))
    rows = [{"prompt": p, "response": c, "answer": a} for p, c, a in zip(prompts, completions, answers)]
    return [None if "error" in r else float(r["reward"]) for r in score_rows(rows)]
