"""Shared paths: the repository's Fixtures/ and the `rewardkit` command line the package must agree with."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "Fixtures"


def fixture(name: str) -> Path:
    return FIXTURES / name


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="session")
def cli() -> Path:
    """The built `rewardkit` binary ($REWARDKIT_BIN, else .build/release or .build/debug)."""
    candidates = [os.environ.get("REWARDKIT_BIN"), REPO / ".build/release/rewardkit", REPO / ".build/debug/rewardkit", shutil.which("rewardkit")]
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return Path(c)
    pytest.skip("no rewardkit binary built (swift build --product rewardkit, or set REWARDKIT_BIN)")


def run_cli(cli: Path, *args: str, ok_codes=(0, 3)) -> subprocess.CompletedProcess:
    done = subprocess.run([str(cli), *args], capture_output=True, text=True, cwd=REPO)
    assert done.returncode in ok_codes, f"rewardkit {' '.join(args)} exited {done.returncode}: {done.stderr}"
    return done
