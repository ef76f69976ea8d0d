"""The suite does not follow the clock (issue 21 item 3): the core's tests pass with the machine's
clock moved past the sources' last dates, because every test pins its peildatum (tests/conftest.py).

Here the core's and the rules' tests run under libfaketime (the clock starts on the given day and
runs on), as CI runs them; `make test-klok` runs the whole suite, browser tests included, so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("dag", ["2027-01-02", "2030-06-01"])
def test_de_kerntests_slagen_met_de_klok_verzet(dag: str) -> None:
    faketime = shutil.which("faketime")
    assert faketime, "faketime ontbreekt: sh scripts/ensure-faketime.sh"
    # The child pins its own date (tests/conftest.py); all its clocks start on `dag` and run on
    # (libfaketime 0.9.10 fails Python's sleep when only the wall clock is faked).
    omgeving = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    klok = [faketime, "-f", f"@{dag} 09:00:00", sys.executable]
    proef = subprocess.run(
        [*klok, "-c", "import datetime; print(datetime.date.today())"],
        capture_output=True, text=True, env=omgeving, timeout=60,
    )  # fmt: skip
    assert proef.stdout.strip() == dag, f"faketime verzet de klok niet: {proef.stdout} {proef.stderr}"
    uit = subprocess.run(
        [*klok, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "tests/calculator", "tests/regels"],
        cwd=ROOT, capture_output=True, text=True, env=omgeving, timeout=1800,
    )  # fmt: skip
    assert uit.returncode == 0, f"met de klok op {dag} faalt:\n{uit.stdout[-4000:]}\n{uit.stderr[-2000:]}"
