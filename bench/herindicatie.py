"""Figure 6: a caseload re-indicated in the browser (/rekenhulp/herindicatie/) beside the command line.

The file: figure 5's generated HO situations (bench/throughput.py, fixed seed) with a current
indication per row (``huidige_minuten_per_week``), so both sides also compute the difference. Both
sides get the same file and the same ``--peildatum``; the browser's run ends when the page has the
summary (its CSV is then written in Pyodide's memory, what the command line writes with ``-o``).

- command line: ``python -m calculator batch FILE -o OUT --peildatum D`` (wall time of the process,
  Python's start included);
- browser, cold: a fresh profile, the page opened and the file chosen at once, so Python's boot
  is in the time, as for a consultant who opens the page and drops the file;
- browser, warm: a second run of the same file in the same page (Python loaded).

The page marks its own steps (``herindicatie:start`` at Bereken, ``herindicatie:eerste-rijen``
when the first rows are in the table, ``herindicatie:klaar``); the benchmark reads them, and a
PerformanceObserver counts main-thread tasks over 100 ms while it runs (the page must stay
responsive). 100,000 rows: one cold run must finish (streamed: the table holds one page).
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.throughput import generate
from bench.timing import run_timed, tail

ROOT = Path(__file__).resolve().parent.parent
PEILDATUM = "2026-06-01"
PATH = "/rekenhulp/herindicatie/"
TIMEOUT_MS = 1_800_000
# Counted by the page's PerformanceObserver (longtask: main-thread tasks over 50 ms; we keep > 100).
OBSERVER = """
window.__lang = [];
new PerformanceObserver((lijst) => {
  for (const e of lijst.getEntries()) if (e.duration > 100) window.__lang.push(Math.round(e.duration));
}).observe({ type: "longtask", buffered: true });
"""


def caseload(path: Path, rows: int, seed: int = 19) -> None:
    """Figure 5's situations plus a current indication in minutes per week for each row."""
    bron = path.with_suffix(".bron.csv")
    generate(bron, rows)
    rnd = random.Random(seed)
    with bron.open(encoding="utf-8", newline="") as fh, path.open("w", encoding="utf-8", newline="") as uit:
        lezer, schrijver = csv.reader(fh), csv.writer(uit, lineterminator="\n")
        schrijver.writerow([*next(lezer), "huidige_minuten_per_week"])
        for rij in lezer:
            schrijver.writerow([*rij, rnd.choice(("", "90", "125", "155", "180", "240"))])
    bron.unlink()


def cli_seconds(src: Path, out: Path) -> float:
    t = run_timed(
        [sys.executable, "-m", "calculator", "batch", str(src), "-o", str(out), "--peildatum", PEILDATUM],
        ROOT,
    )
    if t.returncode:
        raise RuntimeError(tail(t.stderr))
    return t.wall_s


def _run_on_page(page: Any, src: Path) -> dict[str, Any]:
    """Choose the file, press Bereken, wait for the summary; the page's own marks and long tasks."""
    page.evaluate("window.__lang = window.__lang || []; window.__lang.length = 0")
    page.set_input_files("#her-bestand", str(src))
    page.get_by_role("button", name="Bereken").click()
    page.wait_for_selector("[data-herindicatie][data-status='klaar']", state="attached", timeout=TIMEOUT_MS)
    return page.evaluate(
        """() => {
            const t = (n) => performance.getEntriesByName(n).at(-1).startTime;
            return {
                eerste_rijen_ms: t("herindicatie:eerste-rijen") - t("herindicatie:start"),
                klaar_ms: t("herindicatie:klaar") - t("herindicatie:start"),
                rijen: Number(document.querySelector("[data-herindicatie]").dataset.rijen),
                dom_rijen: document.querySelectorAll("[data-rijen-inhoud] tbody tr").length,
                lange_taken_ms: [...window.__lang],
            };
        }"""
    )


def browser_runs(
    p: Any, base_url: str, src: Path, warm_runs: int
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One cold run on a fresh profile, then ``warm_runs`` runs of the same file in that page."""
    from bench.chromium import launch_profile

    with tempfile.TemporaryDirectory(prefix="bench-her-") as profiel:
        ctx = launch_profile(p, Path(profiel))
        try:
            page = ctx.new_page()
            page.add_init_script(OBSERVER)
            page.goto(f"{base_url}{PATH}#peildatum={PEILDATUM}")
            page.wait_for_selector("[data-herindicatie][data-status='leeg']", state="attached")
            koud = _run_on_page(page, src)
            warm = [_run_on_page(page, src) for _ in range(warm_runs)]
        finally:
            ctx.close()
    return koud, warm


def measure(p: Any, base_url: str, runs: int, rows: int = 10_000, groot: int = 100_000) -> dict[str, Any]:
    from bench.chromium import median

    with tempfile.TemporaryDirectory(prefix="bench-her-") as tmp:
        src, out = Path(tmp) / "caseload.csv", Path(tmp) / "uit.csv"
        caseload(src, rows)
        cli = [cli_seconds(src, out) * 1000 for _ in range(runs)]
        koud, warm = [], []
        for _ in range(runs):
            k, w = browser_runs(p, base_url, src, 1)
            koud.append(k)
            warm += w
        caseload(src, groot)
        cli_groot = cli_seconds(src, out) * 1000
        k_groot, _ = browser_runs(p, base_url, src, 0)
    cli_ms = median(cli)
    return {
        "her_rows": rows,
        "her_cli_ms": cli,
        "her_cli_ms_median": cli_ms,
        "her_cold": koud,
        "her_warm": warm,
        "her_cold_ms_median": median([k["klaar_ms"] for k in koud]),
        "her_warm_ms_median": median([w["klaar_ms"] for w in warm]),
        "her_first_rows_cold_ms_median": median([k["eerste_rijen_ms"] for k in koud]),
        "her_first_rows_warm_ms_median": median([w["eerste_rijen_ms"] for w in warm]),
        "her_long_tasks_ms": sorted({x for r in koud + warm for x in r["lange_taken_ms"]}),
        "her_large_rows": groot,
        "her_large_cli_ms": cli_groot,
        "her_large": k_groot,
    }


def table_rows(r: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Figure 6's rows for the README's table."""
    if "her_cli_ms_median" not in r:
        return []
    n = f"{r['her_rows']:,}"
    cli = r["her_cli_ms_median"]
    rows = []
    for fase, key in (("cold", "her_cold_ms_median"), ("warm", "her_warm_ms_median")):
        ratio = r[key] / cli
        rows.append(
            (
                f"6a. herindicatie, {n} rows, browser {fase} / command line",
                f"{ratio:.2f} ({r[key]:,.0f} / {cli:,.0f} ms)",
                "<= 3",
                "ja" if ratio <= 3 else "nee",
            )
        )
    for fase, key in (("cold", "her_first_rows_cold_ms_median"), ("warm", "her_first_rows_warm_ms_median")):
        rows.append(
            (
                f"6b. herindicatie, first rows shown, {fase}",
                f"{r[key]:,.0f} ms",
                "< 2,000 ms",
                "ja" if r[key] < 2000 else "nee",
            )
        )
    lang = r["her_long_tasks_ms"]
    rows.append(
        (
            "6c. herindicatie, main-thread tasks over 100 ms during a run",
            f"{len(lang)}" + (f" (longest {max(lang)} ms)" if lang else ""),
            "0",
            "ja" if not lang else "nee",
        )
    )
    g = r["her_large"]
    rows.append(
        (
            f"6d. herindicatie, {r['her_large_rows']:,} rows, browser cold (command line)",
            f"{g['klaar_ms'] / 1000:,.1f} s ({r['her_large_cli_ms'] / 1000:,.1f} s); "
            f"{g['rijen']:,} rows, {g['dom_rijen']} in the DOM",
            "finishes, one page in the DOM",
            "ja" if g["rijen"] == r["her_large_rows"] and g["dom_rijen"] <= 100 else "nee",
        )
    )
    return rows
