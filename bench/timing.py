"""Timing a child process: wall-clock seconds and the CPU seconds it (and its children) used.

Wall time is what a maintainer waits for and is the headline figure. CPU time is reported
beside it because other work on a shared machine stretches wall time (the process waits for a
core) but hardly changes the CPU time a process needs, so a CPU ratio that agrees with the wall
ratio says the wall figure was not distorted by the machine's load.
"""

from __future__ import annotations

import resource
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Timing:
    wall_s: float
    cpu_s: float
    returncode: int
    stdout: str
    stderr: str


def run_timed(cmd: list[str], cwd: Path) -> Timing:
    """Run ``cmd`` to completion; the benchmark runs one child at a time, so the rusage delta is its own."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu, proc.returncode, proc.stdout, proc.stderr)


def tail(text: str, limit: int = 3000) -> str:
    """The end of a long output (a failing Node step can print a whole minified bundle)."""
    return text if len(text) <= limit else "...\n" + text[-limit:]
