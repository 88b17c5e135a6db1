"""A real `rewardkit serve` on 127.0.0.1 for the adapter tests.

REWARDKIT_BIN names the binary (default: the debug build, then the release build, of this repo).
"""
import os
import re
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "integrations"))


def _binary():
    if os.environ.get("REWARDKIT_BIN"):
        return os.environ["REWARDKIT_BIN"]
    for build in ("debug", "release"):
        path = os.path.join(ROOT, ".build", build, "rewardkit")
        if os.path.exists(path):
            return path
    pytest.skip("no rewardkit binary: run `swift build` first or set REWARDKIT_BIN")


class Server:
    """One server process; `url` is where it listens."""

    def __init__(self, *args):
        self.process = subprocess.Popen([_binary(), "serve", "--port", "0", "--workers", "1", *args],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"no port line from rewardkit serve: {line!r} {self.process.stderr.read()}")
        self.port = int(match.group(1))
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="session")
def server():
    s = Server("--preset", "r1", "--max-body", "65536")
    yield s
    s.stop()


@pytest.fixture
def dead_url():
    """A loopback URL where nothing listens (a port bound and released)."""
    import socket
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}"
