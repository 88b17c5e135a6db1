"""The Python peer for the load test: the same r1 reward behind OpenRLHF's /get_reward, written
the way a minimal Python reward server is (Flask + Math-Verify), so the two servers answer the
same requests with the same rule.

accuracy: Math-Verify on the <answer> content (or the whole response); format: <think>..</think>
then <answer>..</answer> alone. reward = 1.0*accuracy + 0.5*format; score = reward / 1.5.

Run: gunicorn -w 2 -b 127.0.0.1:PORT --chdir scripts/loadtest python_peer:app
"""
import re

from flask import Flask, jsonify, request
from math_verify import parse, verify

app = Flask(__name__)
FORMAT = re.compile(r"\A\s*<think>.*?</think>\s*<answer>.*?</answer>\s*\Z", re.S)
ANSWER = re.compile(r"<answer>(.*?)</answer>", re.S)


def accuracy(response, label):
    m = ANSWER.search(response)
    text = m.group(1) if m else response
    try:
        return 1.0 if verify(parse(label), parse(text)) else 0.0
    except Exception:
        return 0.0


@app.post("/get_reward")
def get_reward():
    body = request.get_json()
    acc, fmt = [], []
    for query, prompt, label in zip(body["query"], body["prompts"], body["labels"]):
        response = query[len(prompt):]
        acc.append(accuracy(response, label))
        fmt.append(1.0 if FORMAT.match(response) else 0.0)
    rewards = [a + 0.5 * f for a, f in zip(acc, fmt)]
    return jsonify(rewards=rewards, scores=[r / 1.5 for r in rewards],
                   extra_logs={"accuracy": acc, "format": fmt})
