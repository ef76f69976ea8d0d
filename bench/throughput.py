"""Figure 5: core throughput of `python -m calculator batch` on generated HO situations.

The rows are random but valid (every row should compute without a message) and deterministic
(fixed seed), so two runs, or two machines, time the same work. Almost every row is distinct,
which keeps the batch's per-file result cache from turning the figure into a cache benchmark.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from bench.timing import run_timed, tail
from calculator import clock

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "calculator" / "data" / "bundle.json"
SEED = 20260101

# The columns the generator fills, in the order it writes them: declared HO fields
# (content/invoer.yaml; a test of the batch refuses unknown ones), plus a pass-through id.
COLUMNS = [
    "id", "duur_maanden", "huisgenoten_die_kunnen_helpen", "basismodule", "lichte_taken_zelf",
    "extra_ruimten", "extra_schoonmaak_minuten", "extra_bezoek_minuten", "regie", "regie_aanleren_weken",
    "broodmaaltijden_dagen_per_week", "warme_maaltijd_dagen_per_week", "vaatwasser", "wasverzorging",
    "strijken", "boodschappen", "kinderen", "kinderen_naar_school_per_week", "kindzorg_duur_maanden",
    "peildatum",
]  # fmt: skip
CHILD_TASKS = (
    "naar_bed_per_week",
    "uit_bed_per_week",
    "wassen_kleden_per_week",
    "broodmaaltijden_per_week",
    "warme_maaltijden_per_week",
    "flesvoeding_per_week",
    "luiers_per_week",
)


def _maxima() -> dict[str, int]:
    """Input maxima from the data bundle, so the rows stay valid when a norm changes."""
    defaults = {
        "ho_normenkader.extra_schoonmaak.max_minuten_per_week": 30,
        "ho_normenkader.extra_bezoek.max_minuten_per_week": 60,
        "ho_normenkader.regie.aanleren_max_weken": 6,
        "kindzorg.max_maanden": 3,
    }
    try:
        params = json.loads(BUNDLE.read_text(encoding="utf-8"))["parameters"]
    except (OSError, ValueError, KeyError):
        return defaults
    out = {}
    for key, default in defaults.items():
        waarden = params.get(key, {}).get("waarden") or []
        # The smallest value ever in force keeps a row valid on every peildatum we generate.
        out[key] = min((int(Decimal(w["waarde"])) for w in waarden), default=default)
    return out


def _earliest_date() -> str:
    try:
        params = json.loads(BUNDLE.read_text(encoding="utf-8"))["parameters"]
        return max(min(w["vanaf"] for w in p["waarden"]) for p in params.values() if p["waarden"])
    except (OSError, ValueError, KeyError):
        return "2020-01-01"


def generate(path: Path, rows: int, seed: int = SEED) -> None:
    """Write ``rows`` random valid HO situations to ``path`` (CSV with the batch's columns)."""
    rnd = random.Random(seed)
    m = _maxima()
    # Explicit peildata fall where every parameter has a value: from the latest first date on.
    first = date.fromisoformat(_earliest_date())
    span = max((clock.today() - first).days, 365)
    yes_no = ("ja", "nee", "true", "false")
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COLUMNS)
        for i in range(rows):
            regie = rnd.choice(("geen", "geen", "aanleren", "structureel"))
            was = rnd.choice(("geen", "1_persoon", "2_personen"))
            kids = rnd.random() < 0.15
            children = ""
            if kids:
                children = json.dumps(
                    [
                        {"leeftijd": rnd.randint(0, 17)}
                        | {t: rnd.randint(0, 14) for t in rnd.sample(CHILD_TASKS, rnd.randint(1, 4))}
                        for _ in range(rnd.randint(1, 3))
                    ],
                    separators=(",", ":"),
                )
            w.writerow(
                [
                    f"r{i}",
                    rnd.randint(1, 36),
                    rnd.choice((0, 0, 0, 0, 0, 0, 0, 0, 1, 2)),
                    rnd.choice(("ja", "ja", "ja", "nee")),
                    rnd.choice(yes_no),
                    rnd.randint(0, 4),
                    rnd.randint(0, m["ho_normenkader.extra_schoonmaak.max_minuten_per_week"]),
                    rnd.randint(0, m["ho_normenkader.extra_bezoek.max_minuten_per_week"]),
                    regie,
                    rnd.randint(1, m["ho_normenkader.regie.aanleren_max_weken"])
                    if regie == "aanleren"
                    else "",
                    rnd.randint(0, 7),
                    rnd.randint(0, 7),
                    rnd.choice(("", "ja", "nee")),
                    was,
                    rnd.choice(yes_no) if was != "geen" else "",
                    rnd.choice(yes_no),
                    children,
                    rnd.randint(0, 10) if kids else "",
                    rnd.randint(1, m["kindzorg.max_maanden"]) if kids and rnd.random() < 0.5 else "",
                    (first + timedelta(days=rnd.randint(0, span))).isoformat() if rnd.random() < 0.3 else "",
                ]
            )


@dataclass
class BatchRun:
    seconds: float
    cpu_seconds: float
    rows: int
    bad_rows: int
    peak_mb: float  # the batch process's own peak resident memory


SUMMARY = re.compile(r"batch: (\d+) rijen verwerkt, (\d+) met fouten")
PEAK = re.compile(r"piekgeheugen: (\d+) kB")
# `python -m calculator batch`, plus one line with the process's own peak memory (ru_maxrss of
# RUSAGE_SELF: the children's figure would be the largest of every child the benchmark ran).
WITH_PEAK = (
    "import resource, sys\n"
    "from calculator.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stderr.write(f'piekgeheugen: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} kB\\n')\n"
    "sys.exit(code)\n"
)


def run_batch(csv_in: Path, csv_out: Path) -> BatchRun:
    """One `python -m calculator batch` run, timed end to end (interpreter start included)."""
    t = run_timed([sys.executable, "-c", WITH_PEAK, "batch", str(csv_in), "-o", str(csv_out)], ROOT)
    if t.returncode != 0:
        raise RuntimeError(f"calculator batch faalde ({t.returncode}):\n{tail(t.stderr)}")
    match = SUMMARY.search(t.stderr)
    rows, bad = (int(match.group(1)), int(match.group(2))) if match else (-1, -1)
    peak = PEAK.search(t.stderr)
    return BatchRun(t.wall_s, t.cpu_s, rows, bad, int(peak.group(1)) / 1024 if peak else -1.0)
