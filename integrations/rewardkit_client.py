"""Shared by the verl and TRL adapters: POST rows to a RewardKit server's /score.

Configuration is read at every call, so changing the environment after import takes effect:

  REWARDKIT_URL       one server URL, or several separated by commas (one per `rewardkit serve`
                      instance); requests go round-robin (default http://127.0.0.1:8000)
  REWARDKIT_API_KEY   sent as X-API-Key when set
  REWARDKIT_TIMEOUT   seconds per request (default 180)
  REWARDKIT_RETRIES   rounds over all servers when none answers (default 3), with a backoff of
                      0.5 s, 1 s, 2 s ... (at most 8 s) between rounds

A server that refuses or drops the connection is skipped for the next one; when every server of
every round is down, one RewardKitUnavailable names them all. An HTTP error reply (a 400 naming a
field, a 401, a 413) is raised at once: another server would answer the same.
Standard library only.
"""
import http.client
import itertools
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.request

DEFAULT_URL = "http://127.0.0.1:8000"
MAX_BACKOFF = 8.0

_counter = itertools.count()
_lock = threading.Lock()
_components = {}


class RewardKitUnavailable(ConnectionError):
    """No RewardKit server in REWARDKIT_URL accepted the request."""


def server_urls():
    """The servers of REWARDKIT_URL as it is now."""
    raw = os.environ.get("REWARDKIT_URL", DEFAULT_URL)
    urls = [u.strip().rstrip("/") for u in raw.split(",") if u.strip()]
    return urls or [DEFAULT_URL]


def _settings():
    timeout = float(os.environ.get("REWARDKIT_TIMEOUT", "180"))
    retries = max(1, int(os.environ.get("REWARDKIT_RETRIES", "3")))
    headers = {"Content-Type": "application/json"}
    if os.environ.get("REWARDKIT_API_KEY"):
        headers["X-API-Key"] = os.environ["REWARDKIT_API_KEY"]
    return timeout, retries, headers


def _is_connection_error(error):
    # An HTTPError is a reply: the server is up. Everything below is "could not talk to it".
    if isinstance(error, urllib.error.HTTPError):
        return False
    return isinstance(error, (urllib.error.URLError, ConnectionError, socket.timeout, TimeoutError,
                              http.client.RemoteDisconnected, http.client.BadStatusLine))


def request(path, body=None):
    """Sends one request (POST with a JSON body, GET without) to the next server that answers and
    returns the decoded JSON reply (a list of rows for /score)."""
    timeout, retries, headers = _settings()
    urls = server_urls()
    with _lock:
        start = next(_counter)
    failures = []
    for round_ in range(retries):
        if round_ > 0:
            time.sleep(min(MAX_BACKOFF, 0.5 * 2 ** (round_ - 1)))
        for k in range(len(urls)):
            url = urls[(start + k) % len(urls)]
            data = None if body is None else json.dumps(body).encode()
            req = urllib.request.Request(url + path, data=data, headers=headers, method="GET" if body is None else "POST")
            try:
                with urllib.request.urlopen(req, timeout=timeout) as reply:
                    text = reply.read()
            except Exception as error:  # noqa: BLE001 - sorted just below
                if not _is_connection_error(error):
                    raise
                failures.append(f"{url}: {getattr(error, 'reason', error)}")
                continue
            return json.loads(text)
    raise RewardKitUnavailable(
        f"no RewardKit server answered {path} after {retries} round(s) over {', '.join(urls)} "
        f"(REWARDKIT_URL); last errors: {'; '.join(failures[-len(urls):])}")


def score_rows(rows):
    """Scores a list of row dicts (prompt/response/answer or any alias); returns the scored rows
    in order. A row that could not be scored comes back with "error" and no "reward"."""
    return request("/score", rows)


def component_names():
    """The component names the servers score with (from /health), fetched once per REWARDKIT_URL."""
    key = os.environ.get("REWARDKIT_URL", DEFAULT_URL)
    names = _components.get(key)
    if names is None:
        names = list(request("/health")["components"])
        _components[key] = names
    return names
