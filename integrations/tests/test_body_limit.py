"""A body over --max-body from clients that send the whole body before reading the reply
(urllib, requests) gets its 413 at once, not at the client's timeout."""
import json
import time
import urllib.error
import urllib.request

import pytest

LIMIT = 65536  # conftest's --max-body
TIMEOUT = 20


def big_body():
    return json.dumps({"query": ["x" * (4 * 1024 * 1024)], "prompts": [""]}).encode()


def test_urllib_sees_413_at_once(server):
    req = urllib.request.Request(server.url + "/get_reward", data=big_body(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    start = time.monotonic()
    status = None
    try:
        urllib.request.urlopen(req, timeout=TIMEOUT)
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, ConnectionError) as error:
        # The server may close before the client finishes writing: a reset is also "at once".
        status = f"closed: {error}"
    elapsed = time.monotonic() - start
    assert status == 413 or str(status).startswith("closed"), status
    assert elapsed < 5, f"took {elapsed:.1f} s"


def test_requests_sees_413_at_once(server):
    requests = pytest.importorskip("requests")
    start = time.monotonic()
    try:
        status = requests.post(server.url + "/get_reward", data=big_body(),
                               headers={"Content-Type": "application/json"}, timeout=TIMEOUT).status_code
    except requests.exceptions.ConnectionError as error:
        status = f"closed: {error}"
    elapsed = time.monotonic() - start
    assert status == 413 or str(status).startswith("closed"), status
    assert elapsed < 5, f"took {elapsed:.1f} s"


def test_the_server_still_answers_after_refusing(server):
    with urllib.request.urlopen(server.url + "/health", timeout=TIMEOUT) as reply:
        assert reply.status == 200
