"""Fixtures for the browser packaging tests: the runtime files exactly as a build ships them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.helpers import require_node

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "calculator" / "data" / "bundle.json"
CACHE = ROOT / ".build"


@pytest.fixture(scope="session")
def bundle_path() -> Path:
    if not BUNDLE.exists():
        subprocess.run([sys.executable, "build.py", "--bundle"], cwd=ROOT, check=True)
    return BUNDLE


@pytest.fixture(scope="session")
def runtime_site(tmp_path_factory: pytest.TempPathFactory, bundle_path: Path) -> Path:
    """A site folder holding only what browser.package.package_site writes (no mkdocs)."""
    require_node()
    from browser.package import package_site

    site = tmp_path_factory.mktemp("site")
    package_site(site, bundle_path, CACHE)
    return site
