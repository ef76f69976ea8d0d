"""Shared fixtures: the repository root, the sources, one strict site build per session, and
the one date every test takes as "today".

No test follows the machine's clock: ``SOURCE_DATE_EPOCH`` is set here, before anything is
imported or built, so the core (``calculator.clock.today``), every build and every command-line
run in a child process take `PEILDATUM` as today; the browser tests pin the page clock to it
(tests/e2e/helpers.py). ``make test-klok`` runs the suite with the machine's clock moved on.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The day the suite's expectations were read off the sources for (2026 amounts in force).
PEILDATUM = date(2026, 12, 1)
os.environ["SOURCE_DATE_EPOCH"] = str(int((PEILDATUM - date(1970, 1, 1)).total_seconds()))


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
def peildatum() -> date:
    """The suite's "today" (see the module docstring)."""
    return PEILDATUM


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
