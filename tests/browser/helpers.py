"""Helpers for the browser packaging tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def require_node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js (20+) is nodig voor de browsertests; installeer het pakket nodejs")
    if not (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").exists():
        pytest.fail("node_modules/pyodide ontbreekt; voer eerst 'npm ci' uit (make install)")
    return node
