#!/usr/bin/env python3
"""Degenerate robustness of a thinking model without the reasoning gate (docs/thinking-rm.md).

Builds degenerate responses from the questions of data/gsm8k/model_solutions_dev.jsonl.gz (GSM8K
test questions, never trained on), of kinds like those `rm synth --gsm8k --degenerate` writes and
of kinds it does not write, scores them with `rm score` next to the four real model solutions,
and prints per kind: the share scoring >= 0.2 and the share of (degenerate, correct real
solution) pairs of the same question where the degenerate one scores higher (ties count half).
The model's own score is read from `step_scores` (each row is given as one step: the step judge's
prefix scores are ungated); `rewards.thinking` is the gated score.

    scripts/rm_degenerate_eval.py MODEL [BIN]     # BIN defaults to .build/release/rewardkit
"""
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile

# Kinds like those `rm synth --gsm8k --degenerate` writes (in other wording or layout), and kinds it
# never writes.
IN_FAMILY = ["answer_only", "question_around_answer", "question_then_answer", "truncated_solution",
             "first_line_repeated", "empty_think", "hack_soup"]
NOT_IN_FAMILY = ["chat_markup_soup", "filler_loop", "question_sentence_loop", "word_salad", "numbers_only"]


def wrong(answer, rng):
    try:
        value = float(answer.replace(",", ""))
    except ValueError:
        return answer + "0"
    value += rng.choice([-3, -1, 1, 2, 7, 10])
    return str(int(value)) if value == int(value) else str(value)


def degenerate(question, answer, solution, rng):
    """One response of every kind for a question with gold `answer` and a real `solution`."""
    bare = answer if rng.random() < 0.5 else wrong(answer, rng)
    words = question.split()
    lines = [l for l in solution.split("\n") if l.strip() and not l.startswith("A:")]
    cut = solution.split()
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", question) if s]
    soup = "".join(rng.choice(["</t", "/t", "/a", "/an", "<<", "answ", "er>", "</answer>", "<answer>"])
                   for _ in range(rng.randint(10, 40)))
    chat = "".join(rng.choice(["<|im_start|>", "<|im_end|>", "[INST]", "[/INST]", "</s>", "<s>", "\\boxed{", "}",
                               "###", "**", "<step>", "</step>", "```", "<br>", "<|endoftext|>", "assistant"])
                   for _ in range(rng.randint(6, 30)))
    filler = rng.choice(["Let's think step by step.", "We need to find the answer.", "Let me calculate this.",
                         "First, we look at the numbers."])
    numbers = re.findall(r"\d+(?:\.\d+)?", question)
    shuffled = words[:]
    rng.shuffle(shuffled)
    return {
        "answer_only": rng.choice(["A: ", "#### ", "Answer: ", "The answer is ", "So the total is "]) + bare,
        "question_around_answer": " ".join(words[:8]) + f" {bare}. " + " ".join(words[8:16]),
        "question_then_answer": question + f"\nA: {bare}",
        "truncated_solution": " ".join(cut[:max(1, int(len(cut) * rng.uniform(0.3, 0.7)))]),
        "first_line_repeated": "\n".join([lines[0]] * rng.randint(5, 12) + [f"A: {bare}"]),
        "empty_think": rng.choice(["<think>\n\n</think>\n<answer>", "<think></think><answer>"]) + bare + "</answer>",
        "hack_soup": soup,
        "chat_markup_soup": chat + (f"<answer>{bare}</answer>" if rng.random() < 0.5 else ""),
        "filler_loop": " ".join([filler] * rng.randint(4, 12)) + f"\nA: {bare}",
        "question_sentence_loop": "\n".join([rng.choice(sentences)] * rng.randint(4, 10)) + f"\nA: {bare}",
        "word_salad": " ".join(shuffled) + f"\nA: {bare}",
        "numbers_only": ", ".join(numbers * rng.randint(1, 3)) + f"\nA: {bare}",
    }


def main():
    model = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else ".build/release/rewardkit"
    by_q = {}
    with gzip.open("data/gsm8k/model_solutions_dev.jsonl.gz", "rt") as f:
        for line in f:
            r = json.loads(line)
            by_q.setdefault(r["qid"], []).append(r)
    rng = random.Random(16)
    rows = []
    for qid in sorted(by_q):
        sols = by_q[qid]
        q, answer = sols[0]["question"], sols[0]["answer"]
        for s in sols:
            rows.append({"question": q, "response": s["response"], "qid": qid,
                         "kind": "correct" if s["is_correct"] else "incorrect"})
        base = next((s for s in sols if s["is_correct"]), sols[0])["response"]
        for kind, text in degenerate(q, answer, base, rng).items():
            rows.append({"question": q, "response": text, "qid": qid, "kind": kind})
    for r in rows:
        r["steps"] = [r["response"]]
    with tempfile.TemporaryDirectory() as tmp:
        src, out = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, "out.jsonl")
        with open(src, "w") as f:
            f.writelines(json.dumps(r) + "\n" for r in rows)
        subprocess.run([binary, "rm", "score", "--model", model, src, "--out", out], check=True)
        with open(out) as f:
            scored = [json.loads(l) for l in f]
    assert len(scored) == len(rows)
    raw = [s["step_scores"][0] for s in scored]
    gated = [s["rewards"]["thinking"] for s in scored]
    correct = {}
    for r, x, g in zip(rows, raw, gated):
        if r["kind"] == "correct":
            correct.setdefault(r["qid"], []).append((x, g))

    def figures(kinds):
        n = high = high_gated = 0
        above = above_gated = pairs = 0.0
        for r, x, g in zip(rows, raw, gated):
            if r["kind"] not in kinds:
                continue
            n += 1
            high += x >= 0.2
            high_gated += g >= 0.2
            for cx, cg in correct.get(r["qid"], []):
                pairs += 1
                above += 1 if x > cx else 0.5 if x == cx else 0
                above_gated += 1 if g > cg else 0.5 if g == cg else 0
        return n, high / n, above / pairs, high_gated / n, above_gated / pairs

    print(f"model {model}: {len(by_q)} questions, {sum(len(v) for v in correct.values())} correct real solutions")
    print(f"{'kind':<24} {'n':>5} {'>=0.2':>7} {'>correct':>9} {'gated >=0.2':>12} {'gated >correct':>15}")
    for kind in IN_FAMILY + ["(like the family)"] + NOT_IN_FAMILY + ["(not in the family)", "(all)"]:
        kinds = {"(like the family)": IN_FAMILY, "(not in the family)": NOT_IN_FAMILY,
                 "(all)": IN_FAMILY + NOT_IN_FAMILY}.get(kind, [kind])
        n, h, a, hg, ag = figures(set(kinds))
        print(f"{kind:<24} {n:>5} {h:>7.3f} {a:>9.3f} {hg:>12.3f} {ag:>15.3f}")
    n, h, a, hg, ag = figures({"incorrect"})
    print(f"{'(real, incorrect)':<24} {n:>5} {h:>7.3f} {a:>9.3f} {hg:>12.3f} {ag:>15.3f}")


if __name__ == "__main__":
    main()
