"""Fixtures for the core's tests: the data bundle (built if missing) and the repository root."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # also when pytest is run without `python -m` and without an install
    sys.path.insert(0, str(ROOT))

from calculator import data  # noqa: E402

BUNDLE = ROOT / "calculator" / "data" / "bundle.json"


@pytest.fixture(scope="session", autouse=True)
def bundle() -> dict:
    """The data bundle, built with ``build.py --bundle`` if it is missing; made the active one."""
    if not BUNDLE.exists():
        subprocess.run([sys.executable, "build.py", "--bundle"], cwd=ROOT, check=True, timeout=900)
    return data.gebruik(BUNDLE)


@pytest.fixture(scope="session")
def repo() -> Path:
    return ROOT
