"""Figure 4: `python build.py` end to end against a bare `mkdocs build` of the same pages.

Both run as fresh processes, as a maintainer runs them, so interpreter and import start-up are
in both. The bare build reads the Markdown that build.py generated into generated/docs/ and uses
mkdocs' automatic navigation (no nav in mkdocs.yml), not strict mode, into a throw-away folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_build_py() -> float:
    """Seconds for one `python build.py` (validate, bundle, render, strict mkdocs, package, publish)."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "build.py"], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"build.py faalde ({proc.returncode}):\n{_tail(proc.stdout + proc.stderr)}")
    return seconds


def time_bare_mkdocs() -> float:
    """Seconds for one bare `mkdocs build` of generated/docs/ into a temporary folder."""
    if not (ROOT / "generated" / "docs").is_dir():
        raise RuntimeError("generated/docs/ ontbreekt: eerst build.py draaien")
    out = Path(tempfile.mkdtemp(prefix="bench-mkdocs-"))
    try:
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build faalde ({proc.returncode}):\n{_tail(proc.stderr)}")
    return seconds


def _tail(text: str, limit: int = 3000) -> str:
    # A failing Node step can print a whole minified bundle; the end holds the error.
    return text if len(text) <= limit else "...\n" + text[-limit:]
