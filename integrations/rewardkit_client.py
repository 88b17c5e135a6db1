"""Shared by the verl and TRL adapters: POST rows to a RewardKit server's /score.

REWARDKIT_URL may list several servers separated by commas (one per `rewardkit serve`
instance); requests go round-robin. REWARDKIT_API_KEY is sent as X-API-Key when set.
Standard library only.
"""
import itertools
import json
import os
import threading
import urllib.request

_URLS = [u.strip().rstrip("/") for u in os.environ.get("REWARDKIT_URL", "http://127.0.0.1:8000").split(",") if u.strip()]
_next = itertools.cycle(_URLS)
_lock = threading.Lock()
TIMEOUT = float(os.environ.get("REWARDKIT_TIMEOUT", "180"))


def score_rows(rows):
    """Scores a list of row dicts (prompt/response/answer or any alias); returns the scored rows
    in order. A row that could not be scored comes back with "error" and no "reward"."""
    with _lock:
        url = next(_next)
    headers = {"Content-Type": "application/json"}
    if os.environ.get("REWARDKIT_API_KEY"):
        headers["X-API-Key"] = os.environ["REWARDKIT_API_KEY"]
    request = urllib.request.Request(url + "/score", data=json.dumps(rows).encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=TIMEOUT) as reply:
        return json.loads(reply.read())
