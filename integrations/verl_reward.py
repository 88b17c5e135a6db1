"""verl custom reward backed by a RewardKit server.

    custom_reward_function.path=integrations/verl_reward.py
    custom_reward_function.name=compute_score

Returns {"score": total reward, <component>: value, ..., "error": 0 or 1}; verl logs the extra
keys. A row the server cannot score (no ground truth, say) scores 0 with error 1, and the
server's message is printed, so one bad row does not stop the run.
"""
import asyncio
import os
import sys

# verl loads this file by path, so its folder is not on sys.path for the shared client.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rewardkit_client import score_rows  # noqa: E402


async def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    row = {"response": solution_str, "answer": ground_truth, "data_source": data_source}
    if extra_info and isinstance(extra_info, dict) and "question" in extra_info:
        row["prompt"] = extra_info["question"]
    [scored] = await asyncio.to_thread(score_rows, [row])
    if "error" in scored:
        print(f"rewardkit: {scored['error']}")
        return {"score": 0.0, "error": 1.0}
    return {"score": float(scored["reward"]), **{k: float(v) for k, v in scored["rewards"].items()}, "error": 0.0}
