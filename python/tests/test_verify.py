"""verify / explain / verify_batch against the command line and known answers."""

from __future__ import annotations

import json
import sys

import pytest

import rewardkit
from conftest import REPO, fixture, read_jsonl, run_cli

CASES = [
    ("\\frac12", "0.5", True),
    ("\\frac{1}{2}", "The answer is \\boxed{0.5}.", True),
    ("2", "3", False),
    ("x>2", "(2,\\infty)", True),
    ("\\{1,2,3\\}", "\\{3,2,1\\}", True),
    ("\\sqrt{8}", "2\\sqrt{2}", True),
    ("1/2004!", "1/2006!", False),
    ("18", "Janet sells 16 - 3 - 4 = 9 eggs... A: 18", True),
]


@pytest.mark.parametrize("gold,pred,expected", CASES)
def test_verify_known_pairs(gold, pred, expected):
    assert rewardkit.verify(gold, pred) is expected


def test_done_line_of_the_issue():
    assert rewardkit.verify("\\frac12", "0.5") is True


def test_explain_reports_extracted_answers_and_reason():
    r = rewardkit.explain("\\frac{1}{2}", "so the final answer is \\boxed{0.5}")
    assert r["match"] is True
    assert r["gold_answer"] == "\\frac{1}{2}"
    assert r["pred_answer"] == "0.5"
    assert r["reason"] == "exact" and r["gold_parsed"] == r["pred_parsed"] == "1/2"
    assert isinstance(r["micros"], (int, float))
    no = rewardkit.explain("7", "the answer is 8")
    assert no["match"] is False and no["reason"] == "mismatch" and no["pred_answer"] == "8"


def test_anchored_extraction_finds_no_unanchored_answer():
    response = "We get 3 + 4 = 7 and stop here"
    assert rewardkit.verify("7", response, extraction="fallback") is True
    assert rewardkit.verify("7", response, extraction="anchored") is False


def test_settings_are_checked():
    with pytest.raises(ValueError, match="precision"):
        rewardkit.verify("1", "1", precision=99)
    with pytest.raises(ValueError, match="extraction"):
        rewardkit.verify("1", "1", extraction="everything")
    with pytest.raises(ValueError, match="differ in length"):
        rewardkit.verify_batch(["1"], [])
    with pytest.raises(TypeError):
        rewardkit.verify(1, "1")


def test_precision_changes_decimal_comparison():
    assert rewardkit.verify("0.3333", "1/3", precision=4)
    assert not rewardkit.verify("0.3333", "1/3", precision=6)


def test_nul_bytes_and_lone_surrogates_do_not_break_calls():
    assert rewardkit.verify("5", "the answer is 5\x00 ignored?") in (True, False)
    # Lone surrogates are not UTF-8: each side reads as U+FFFD, never a crash.
    assert rewardkit.verify("\ud800", "5") is False
    assert set(rewardkit.explain("\ud800", "\udfff")["gold_answer"]) == {"\ufffd"}


def test_verifier_cases_match_the_command_line(cli, tmp_path):
    """Verdict, reason and parsed forms equal `rewardkit verify --batch --strict` on every golden case.
    Pairs that ran out of the 20 ms wall-time budget on either side are left out (a debug binary or a
    loaded machine can exhaust it where the release library does not); they must stay rare."""
    rows = read_jsonl(fixture("verifier_cases.jsonl"))
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("".join(json.dumps({"gold": r["gold"], "pred": r["pred"], "strict": True}) + "\n" for r in rows))
    out = tmp_path / "verdicts.jsonl"
    run_cli(cli, "verify", "--batch", str(pairs), "--out", str(out))
    cli_rows = read_jsonl(out)
    golds, preds = [r["gold"] for r in rows], [r["pred"] for r in rows]
    explained = [rewardkit.explain(g, p) for g, p in zip(golds, preds)]
    batch = rewardkit.verify_batch(golds, preds)
    single = [rewardkit.verify(g, p) for g, p in zip(golds, preds)]
    kept = [i for i in range(len(rows)) if "budget" not in (cli_rows[i]["reason"], explained[i]["reason"])]
    assert len(kept) >= len(rows) * 0.98, f"{len(rows) - len(kept)} pairs ran out of budget"
    for i in kept:
        c, e = cli_rows[i], explained[i]
        assert (e["match"], e["reason"], e["gold_parsed"], e["pred_parsed"]) == (c["match"], c["reason"], c["gold_parsed"], c["pred_parsed"]), rows[i]["id"]
        assert batch[i] == single[i] == c["match"], rows[i]["id"]


def test_verify_batch_keeps_order_and_equals_single_calls():
    golds = [str(i) for i in range(2000)]
    preds = [str(i if i % 3 else i + 1) for i in range(2000)]
    result = rewardkit.verify_batch(golds, preds)
    assert result == [i % 3 != 0 for i in range(2000)]
    assert rewardkit.verify_batch([], []) == []


def test_extract_names_the_anchor():
    found = rewardkit.extract("so \\boxed{42}")
    assert found["answer"] == "42" and found["anchor"] == "boxed"
    assert rewardkit.extract("no answer here", extraction="anchored")["answer"] is None
