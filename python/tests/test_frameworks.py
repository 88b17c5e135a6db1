"""The TRL, verl, EasyR1 and math-verify call shapes (the frameworks themselves: integration_tests/)."""

from __future__ import annotations

import pickle

import pytest

import rewardkit
import rewardkit.easyr1
import rewardkit.math_verify
import rewardkit.trl
import rewardkit.verl

GOOD = "<think>3 + 4 = 7</think><answer>7</answer>"
WRONG = "<think>3 + 4 = 8</think><answer>8</answer>"
UNFORMATTED = "The answer is 7."  # an answer anchor without the think/answer format


def test_trl_plain_completions_and_reference_columns():
    f = rewardkit.trl.reward_function(preset="r1")
    assert f.__name__ == "rewardkit_r1"
    for column in ("answer", "solution", "ground_truth"):
        out = f(prompts=["Q"] * 3, completions=[GOOD, WRONG, UNFORMATTED], **{column: ["7", "7", "7"]})
        assert out == [1.5, 0.5, 1.0], column


def test_trl_conversational_completions_and_extra_kwargs():
    f = rewardkit.trl.reward_function(preset="r1")
    prompts = [[{"role": "user", "content": "What is 3 + 4?"}]] * 2
    completions = [[{"role": "assistant", "content": GOOD}], [{"role": "assistant", "content": WRONG}]]
    logged = {}
    out = f(prompts=prompts, completions=completions, completion_ids=[[1], [2]], answer=["7", "7"],
            trainer_state=None, log_metric=lambda k, v: logged.__setitem__(k, v), log_extra=lambda c, v: None)
    assert out == [1.5, 0.5]
    assert logged["rewardkit/accuracy"] == 0.5 and logged["rewardkit/error_rows"] == 0.0


def test_trl_unscorable_completion_is_none():
    f = rewardkit.trl.reward_function(preset="r1")
    assert f(prompts=["Q", "Q"], completions=[GOOD, None], answer=["7", "7"]) == [1.5, None]


def test_trl_component_functions_and_pickling():
    funcs, weights = rewardkit.trl.reward_functions(preset="r1")
    assert [f.__name__ for f in funcs] == ["rewardkit_r1_accuracy", "rewardkit_r1_format"] and weights == [1.0, 0.5]
    assert funcs[1](prompts=["Q"], completions=[UNFORMATTED], answer=["7"]) == [0.0]
    clone = pickle.loads(pickle.dumps(rewardkit.trl.reward_function(preset="r1")))
    assert clone(prompts=["Q"], completions=[GOOD], answer=["7"]) == [1.5]
    with pytest.raises(ValueError, match="component"):
        rewardkit.trl.reward_function(preset="r1", component="nope")


def test_verl_compute_score_keys_never_change():
    good = rewardkit.verl.compute_score("openai/gsm8k", GOOD, "7")
    wrong = rewardkit.verl.compute_score("openai/gsm8k", WRONG, "7", extra_info={"index": 3, "question": "3+4?"})
    bad = rewardkit.verl.compute_score("openai/gsm8k", GOOD, {"not": "an answer"})
    assert good == {"score": 1.5, "accuracy": 1.0, "format": 1.0, "error": 0.0}
    assert wrong["score"] == 0.5 and wrong["accuracy"] == 0.0
    assert bad["error"] == 1.0 and bad["score"] == 0.0
    assert set(good) == set(wrong) == set(bad)
    configured = rewardkit.verl.compute_score("x", GOOD, "7", preset="r1", config=None)
    assert configured == good
    batch = rewardkit.verl.compute_score_batch(["a", "b"], [GOOD, WRONG], ["7", "7"], [{}, {}])
    assert batch == [good, rewardkit.verl.compute_score("b", WRONG, "7")]


def test_verl_list_ground_truth_any_counts():
    assert rewardkit.verl.compute_score("x", GOOD, ["6", "7"])["accuracy"] == 1.0


def test_easyr1_batch_shape():
    inputs = [{"response": GOOD, "response_length": 12, "ground_truth": "7"},
              {"response": WRONG, "response_length": 12, "ground_truth": "7"},
              {"response": None, "response_length": 0, "ground_truth": "7"}]
    out = rewardkit.easyr1.compute_score(inputs)
    assert out[0] == {"overall": 1.5, "accuracy": 1.0, "format": 1.0, "error": 0.0}
    assert out[1]["overall"] == 0.5
    assert len(out) == 3 and all(set(o) == set(out[0]) for o in out)
    with pytest.raises(TypeError):
        rewardkit.easyr1.compute_score({"response": GOOD})


def test_math_verify_call_shapes():
    mv = rewardkit.math_verify
    gold = mv.parse("$\\frac{1}{2}$")
    pred = mv.parse("The final answer is \\boxed{0.5}")
    assert gold == ["\\frac{1}{2}"] and pred == ["0.5"]
    assert mv.verify(gold, pred) is True
    assert mv.verify(gold, mv.parse("so it is 0.75")) is False
    assert mv.parse("I am not sure how to solve this problem, sorry.", fallback_mode="no_fallback") == []
    assert mv.verify([], pred) is False
    assert mv.verify("0.3333", "1/3", float_rounding=4) is True
