"""verl custom reward backed by a RewardKit server. verl 0.9.1 reads these keys (the top-level
`custom_reward_function.*` ones are accepted and ignored):

    reward.custom_reward_function.path=integrations/verl_reward.py
    reward.custom_reward_function.name=compute_score

Returns {"score": total reward, <component>: value, ..., "error": 0 or 1}, the same keys for every
row: verl takes the keys it logs from the first sample of a batch, so a row the server cannot score
(no ground truth, say) scores 0 with every component 0.0 and error 1, and the server's message is
printed; one bad row does not stop the run. The component names come from the server's /health.
"""
import asyncio
import os
import sys

# verl loads this file by path, so its folder is not on sys.path for the shared client.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rewardkit_client import component_names, score_rows  # noqa: E402


def _row(data_source, solution_str, ground_truth, extra_info):
    row = {"response": solution_str, "answer": ground_truth, "data_source": data_source}
    if isinstance(extra_info, dict) and "question" in extra_info:
        row["prompt"] = extra_info["question"]
    return row


def _result(scored):
    if "error" in scored:
        print(f"rewardkit: {scored['error']}")
        return {"score": 0.0, **{name: 0.0 for name in component_names()}, "error": 1.0}
    components = {k: float(v) for k, v in scored["rewards"].items()}
    return {"score": float(scored["reward"]), **components, "error": 0.0}


def compute_score_sync(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """The same as compute_score, for callers that do not await."""
    [scored] = score_rows([_row(data_source, solution_str, ground_truth, extra_info)])
    return _result(scored)


async def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    return await asyncio.to_thread(compute_score_sync, data_source, solution_str, ground_truth, extra_info, **kwargs)
