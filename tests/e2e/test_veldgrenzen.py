"""The forms show each field's limit from content/invoer.yaml (issue 11): data-max, and the hint
for the project's own plausibility bounds. Read from the built page; no browser needed."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_eigen_grenzen_staan_bij_het_veld(site_dir: Path) -> None:
    velden = json.loads((ROOT / "calculator" / "data" / "bundle.json").read_text(encoding="utf-8"))["invoer"][
        "velden"
    ]
    html = (site_dir / "rekenhulp" / "normenkader" / "index.html").read_text(encoding="utf-8")
    for naam in ("extra_ruimten", "duur_maanden", "huisgenoten_die_kunnen_helpen"):
        maximum = int(Decimal(velden[naam]["maximum"]["waarde"]))
        veld = re.search(rf'<input[^>]*name="{naam}"[^>]*>', html).group(0)
        assert f'data-max="{maximum}"' in veld, veld
        hint = re.search(rf'<p class="rh-hint" id="ho-{naam}-hint">([^<]*)</p>', html).group(1)
        assert f"Hoogstens {maximum}." in hint, hint
