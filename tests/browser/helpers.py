"""Helpers for the browser packaging tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
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


RUNNER = ROOT / "tests" / "browser" / "run_in_pyodide.mjs"


def run_in_pyodide(site: Path, cases: list, work: Path, *, timeout: int = 300, **env: str) -> dict:
    """Run ``cases`` (``[[soort, invoer_json], ...]``) on Pyodide under Node from the runtime the site
    ``site`` ships (tests/browser/run_in_pyodide.mjs); its output ``{python, answers}``.
    ``env``: the runner's switch PARITY_REST."""
    node = require_node()
    work.mkdir(parents=True, exist_ok=True)
    (work / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    out = work / "out.json"
    command = [node, str(RUNNER), str(site), str(work / "cases.json"), str(out)]
    subprocess.run(command, check=True, timeout=timeout, env={**os.environ, **env})
    return json.loads(out.read_text(encoding="utf-8"))
