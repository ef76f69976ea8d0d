"""End-to-end fixtures: the built site served on 127.0.0.1, Debian's Chromium via Playwright.

The site is built once (python build.py) when site/ is missing or older than any of its
inputs. Every page a test opens records its requests and console messages, so a test can
assert that nothing left the site's origin and that nothing was logged as an error.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from browser.chromium import ARGS, CHROMIUM
from browser.serve import make_server
from tests.e2e.helpers import Watch, serving, watched_context

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
INPUTS = ("content", "calculator", "catalogue", "browser", "site_overrides", "mkdocs.yml", "build.py")
PAGES = ("rekenhulp/pgb-budget/", "rekenhulp/normenkader/", "rekenhulp/budget/")


def _newest_input() -> float:
    newest = 0.0
    for name in INPUTS:
        path = ROOT / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file())
        for f in files:
            if "__pycache__" in f.parts or f.name == "bundle.json":
                continue
            newest = max(newest, f.stat().st_mtime)
    return newest


@pytest.fixture(scope="session")
def site_dir() -> Path:
    marker = SITE / "rekenhulp" / "pgb-budget" / "index.html"
    if not marker.exists() or marker.stat().st_mtime < _newest_input():
        result = subprocess.run(
            [sys.executable, "build.py"], cwd=ROOT, capture_output=True, text=True, timeout=900
        )
        assert result.returncode == 0, f"build.py faalde:\n{result.stdout}\n{result.stderr}"
    assert marker.exists(), "de rekenhulp-pagina's ontbreken in site/"
    return SITE


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    with serving(make_server(site_dir, port=0)) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium niet gevonden op {CHROMIUM}: installeer het Debian-pakket 'chromium' "
            "(sh scripts/ensure-chromium.sh) of zet CHROMIUM=/pad/naar/chromium"
        )
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
    yield b
    b.close()


@pytest.fixture
def watched(browser: Browser, base_url: str) -> Iterator[tuple[Page, Watch]]:
    """A fresh context (empty cache) and page, with its requests and errors recorded."""
    context, page, watch = watched_context(browser, base_url)
    yield page, watch
    context.close()
