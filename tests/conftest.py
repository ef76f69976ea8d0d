"""Shared fixtures: the repository root, the sources, and one strict site build per session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _find_sources() -> Path:
    # The sources live beside the repository (../shared/bronnen), as in CI.
    for base in (ROOT.parent, *ROOT.parents):
        candidate = base / "shared" / "bronnen"
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("map shared/bronnen met de brondocumenten niet gevonden naast de repository")


def pytest_sessionstart(session: pytest.Session) -> None:
    """Write the data bundle before collection when it is missing (a fresh clone): test modules
    take their parameters from the declared inputs and regions in it at import time."""
    if not (ROOT / "calculator" / "data" / "bundle.json").exists():
        subprocess.run([sys.executable, "build.py", "--bundle"], cwd=ROOT, check=True, timeout=900)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def bronnen_dir() -> Path:
    return _find_sources()


@pytest.fixture(scope="session")
def built_site() -> Path:
    """Build the whole site once (strict mkdocs build included); a failed build fails the tests."""
    result = subprocess.run(
        [sys.executable, "build.py"], cwd=ROOT, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, f"build.py faalde:\n{result.stdout}\n{result.stderr}"
    return ROOT / "site"
