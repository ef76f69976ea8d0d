"""Figure 4: `python build.py` end to end against a bare `mkdocs build` of the same pages.

Both run as fresh processes, as a maintainer runs them, so interpreter and import start-up are
in both. The bare build reads the Markdown that build.py generated into generated/docs/ and uses
mkdocs' automatic navigation (no nav in mkdocs.yml), not strict mode, into a throw-away folder.
"""

from __future__ import annotations

import fcntl
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.timing import Timing, run_timed, tail

ROOT = Path(__file__).resolve().parent.parent


# build.py holds this lock while it builds (one build at a time on a shared work tree).
BUILD_LOCK = ROOT / ".build" / "build.lock"


@contextmanager
def build_lock() -> Iterator[None]:
    """Hold build.py's own lock: no other build rewrites generated/ or site/ meanwhile."""
    BUILD_LOCK.parent.mkdir(exist_ok=True)
    with open(BUILD_LOCK, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def time_build_py() -> Timing:
    """One `python build.py` (validate, bundle, render, strict mkdocs, package, publish)."""
    # Another session's build on this machine would make build.py wait for the lock, and that
    # wait is not build time: wait for the lock to be free first, then start the clock. (A
    # build starting in between still slips in; the median absorbs a rare one.)
    with build_lock():
        pass
    t = run_timed([sys.executable, "build.py"], ROOT)
    if t.returncode != 0:
        raise RuntimeError(f"build.py faalde ({t.returncode}):\n{tail(t.stdout + t.stderr)}")
    return t


def time_bare_mkdocs() -> Timing:
    """One bare `mkdocs build` of generated/docs/ into a temporary folder."""
    if not (ROOT / "generated" / "docs").is_dir():
        raise RuntimeError("generated/docs/ ontbreekt: eerst build.py draaien")
    out = Path(tempfile.mkdtemp(prefix="bench-mkdocs-"))
    try:
        # Under the lock, so no build.py elsewhere rewrites generated/docs/ while mkdocs reads it.
        with build_lock():
            t = run_timed(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(out)], ROOT
            )
    finally:
        shutil.rmtree(out, ignore_errors=True)
    if t.returncode != 0:
        raise RuntimeError(f"mkdocs build faalde ({t.returncode}):\n{tail(t.stderr)}")
    return t
