"""`python -m bench`: the benchmark of issue 5, run on demand (never in CI, never in tests/).

Builds the site (timing build.py against a bare mkdocs build), times the core's batch, serves
site/ plus a baseline page on 127.0.0.1 and drives headless Chromium. Prints the machine and one
table (figure, value, target, holds) and writes bench/results.json (not committed).

Shared machines are noisy, so every comparison is made side by side in the same run, the two
sides interleaved (ABBA order), and reported as a ratio of medians.

    python -m bench            # full run, a few minutes on 2 cores
    python -m bench --quick    # fewer runs, a smoke check (< 2 minutes)
    python -m bench --markdown bench/PRESTATIES.md   # also write the README table
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
COMMAND = "make bench"


@dataclass
class Settings:
    runs: int  # runs per side for every median (at least the profile's floor unless runs_fixed)
    recalc_changes: int
    batch_rows: int
    quick: bool
    profiles: tuple[str, ...] = ("localhost", "cable", "4g", "slow-4g")
    runs_fixed: bool = False  # --runs or --quick: exactly `runs` per profile


def _interleaved(runs: int, a: Callable[[], Any], b: Callable[[], Any]) -> tuple[list[Any], list[Any]]:
    """Run a and b ``runs`` times each in ABBA order, so a slow drift hits both sides alike."""
    out_a: list[Any] = []
    out_b: list[Any] = []
    for i in range(runs):
        if i % 2 == 0:
            out_a.append(a())
            out_b.append(b())
        else:
            out_b.append(b())
            out_a.append(a())
    return out_a, out_b


def _say(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def measure_build(s: Settings) -> dict[str, Any]:
    from bench.build_time import time_bare_mkdocs, time_build_py
    from bench.chromium import median

    _say("4. bouwtijd: build.py tegen een kale mkdocs build (eerst een ongetelde opwarmronde)")
    # Warm-up, not counted: fills .build/ (Pyodide precompile, ~10 s only when the core or
    # Pyodide changed) and the OS file cache, and leaves generated/docs/ for the bare build.
    time_build_py()
    time_bare_mkdocs()
    ours, bare = _interleaved(s.runs, time_build_py, time_bare_mkdocs)
    wall_o, wall_b = [t.wall_s for t in ours], [t.wall_s for t in bare]
    cpu_o, cpu_b = [t.cpu_s for t in ours], [t.cpu_s for t in bare]
    return {
        "build_py_s": wall_o,
        "mkdocs_s": wall_b,
        "build_py_s_median": median(wall_o),
        "mkdocs_s_median": median(wall_b),
        "build_ratio": median(wall_o) / median(wall_b),
        "build_py_cpu_s": cpu_o,
        "mkdocs_cpu_s": cpu_b,
        "build_cpu_ratio": median(cpu_o) / median(cpu_b),
    }


def measure_batch(s: Settings) -> dict[str, Any]:
    from bench.chromium import median
    from bench.throughput import SEED, generate, run_batch

    _say(f"5. kerndoorvoer: {s.batch_rows:,} gegenereerde HO-situaties door `python -m calculator batch`")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        src, out = Path(tmp) / "situaties.csv", Path(tmp) / "uitkomsten.csv"
        generate(src, s.batch_rows)
        runs = [run_batch(src, out) for _ in range(s.runs)]
        # Memory stays flat: one run on ten times the rows must peak no higher than a normal run.
        _say(f"   geheugen: één run met {s.batch_rows * 10:,} rijen")
        generate(src, s.batch_rows * 10)
        groot = run_batch(src, out)
    seconds = [r.seconds for r in runs]
    cpu = [r.cpu_seconds for r in runs]
    return {
        "batch_cpu_s": cpu,
        "batch_per_cpu_s": s.batch_rows / median(cpu),
        "batch_rows": s.batch_rows,
        "batch_seed": SEED,
        "batch_bad_rows": runs[0].bad_rows,
        "batch_s": seconds,
        "batch_s_median": median(seconds),
        "batch_per_s": s.batch_rows / median(seconds),
        "batch_peak_mb": max(r.peak_mb for r in runs),
        "batch_large_rows": s.batch_rows * 10,
        "batch_large_peak_mb": groot.peak_mb,
        "batch_large_bad_rows": groot.bad_rows,
    }


def measure_browser(s: Settings, p: Any, server: Any) -> dict[str, Any]:
    from bench import chromium as ch
    from bench.pages import CATALOGUE_PATH, calculator_page

    res: dict[str, Any] = {"header_policy": server.policy}
    calc = calculator_page()

    _say("3. bytes: productkaart koud (met wachttijd voor een eventuele warm-up in rust)")
    cat = [ch.cold_page_bytes(p, server, CATALOGUE_PATH) for _ in range(s.runs)]
    res.update(
        catalogue_path=CATALOGUE_PATH,
        catalogue_page_bytes=ch.median([c.total for c in cat]),
        catalogue_page_bytes_browser=ch.median([c.browser_total for c in cat]),
        catalogue_runtime_bytes=ch.median([c.runtime for c in cat]),
        catalogue_runtime_paths=sorted({x for c in cat for x in c.runtime_paths}),
        idle_warmup=any(c.runtime_after_load for c in cat),
        idle_warmup_configured=warmup_configured(),
    )

    if calc is None:
        _say("1-2. de rekenhulppagina's ontbreken in site/: eerste antwoord en herberekening niet gemeten")
        res["calculator_missing"] = True
        return res
    res["calculator_path"] = calc.first.path
    from bench.networks import cpu_probe
    from browser.chromium import ARGS, CHROMIUM

    _say("1. reikt de CPU-vertraging van de pagina tot haar workers? (proef, 1x en 4x om en om)")
    res["cpu_throttle"] = cpu_probe(
        p,
        lambda pw: pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True),
        runs=3 if s.quick else 5,
    )
    res.update(measure_first_answers(s, p, server, calc))
    res["runtime_bytes_total"], res["runtime_files"] = whole_runtime_bytes(server)

    worst_p95 = worst_p50 = worst_p95_cpu = 0.0
    for key, rpage, driver in calc.recalc:
        for rate in (1, 4):
            _say(f"2. herberekening ({key}, CPU {rate}x): {s.recalc_changes} wijzigingen op {rpage.path}")
            samples, texts = ch.recalc_latencies(p, server, rpage, driver, s.recalc_changes, cpu_rate=rate)
            p50, p95 = ch.percentile(samples, 50), ch.percentile(samples, 95)
            res[f"recalc_{key}" + ("" if rate == 1 else f"_cpu{rate}")] = {
                "page": rpage.path,
                "edit": driver.notes,
                "cpu_rate": rate,
                "changes": len(samples),
                "p50_ms": p50,
                "p95_ms": p95,
                "max_ms": max(samples),
                "states": texts,
            }
            if rate == 1:
                worst_p95, worst_p50 = max(worst_p95, p95), max(worst_p50, p50)
            else:
                worst_p95_cpu = max(worst_p95_cpu, p95)
    # The target is for any edit a person makes, so the headline figure is the worst kind.
    res.update(
        recalc_p50_ms=worst_p50,
        recalc_p95_ms=worst_p95,
        recalc_p95_ms_cpu4=worst_p95_cpu,
        recalc_changes=s.recalc_changes,
    )
    return res


def measure_first_answers(s: Settings, p: Any, server: Any, calc: Any) -> dict[str, Any]:
    """Figure 1 per network profile: both calculator pages and the baseline, cold and warm,
    interleaved (the order rotates every run), as ratios of medians."""
    from bench import chromium as ch
    from bench.networks import BY_NAME
    from bench.pages import BASELINE

    first: dict[str, Any] = {}
    before: dict[str, Any] = {}
    visit_bytes: dict[str, Any] = {}
    breakdowns: dict[str, Any] = {}
    check: dict[str, Any] = {}
    sides = [("pgb-budget", calc.first), ("baseline", BASELINE), ("normenkader", calc.consultant)]
    for name in s.profiles:
        prof = BY_NAME[name]
        runs = s.runs if s.runs_fixed else max(s.runs, prof.runs_floor)
        _say(f"1. eerste antwoord, netwerk {name}: {', '.join(n for n, _ in sides)}, koud en warm, {runs}x")
        visits: dict[str, list[tuple[Any, Any]]] = {n: [] for n, _ in sides}
        for i in range(runs):
            order = sides[i % len(sides) :] + sides[: i % len(sides)]
            if i % 2:
                order.reverse()
            for side, spec in order:
                visits[side].append(ch.cold_and_warm(p, server, spec, prof))
        first[name], before[name], visit_bytes[name], breakdowns[name] = {}, {}, {}, {}
        base = visits["baseline"]
        for side, _ in sides:
            if side == "baseline":
                continue
            ours = visits[side]
            first[name][side] = {}
            for phase, k in (("cold", 0), ("warm", 1)):
                o = [v[k].ms for v in ours]
                b = [v[k].ms for v in base]
                first[name][side][phase] = {
                    "ours_ms": o,
                    "baseline_ms": b,
                    "ours_median": ch.median(o),
                    "baseline_median": ch.median(b),
                    "ratio": ch.median(o) / ch.median(b),
                    "ratio_per_run": [x / y for x, y in zip(o, b, strict=True)],
                    "ratio_paired": ch.median([x / y for x, y in zip(o, b, strict=True)]),
                }
            before[name][side] = ch.median([c.first_bytes for c, _ in ours])
            visit_bytes[name][side] = {
                "cold": ch.median([c.server_bytes for c, _ in ours]),
                "warm": ch.median([w.server_bytes for _, w in ours]),
                "cold_requests_before_answer": ours[0][0].first_requests,
            }
            breakdowns[name][side] = {
                "cold": _median_dicts([ch.breakdown(c, "rekenhulp/worker") for c, _ in ours]),
                "warm": _median_dicts([ch.breakdown(w, "rekenhulp/worker") for _, w in ours]),
            }
        before[name]["baseline"] = ch.median([c.first_bytes for c, _ in base])
        visit_bytes[name]["baseline"] = {
            "cold": ch.median([c.server_bytes for c, _ in base]),
            "warm": ch.median([w.server_bytes for _, w in base]),
        }
        breakdowns[name]["baseline"] = {
            "cold": _median_dicts([ch.breakdown(c, "worker.mjs") for c, _ in base]),
            "warm": _median_dicts([ch.breakdown(w, "worker.mjs") for _, w in base]),
        }
        if prof.throttled:
            # The emulation must hold back the worker's downloads too: a cold first answer can
            # then come no sooner than its bytes take at the profile's speed.
            nk = visits["normenkader"]
            floor = [c.first_bytes * 8 / (prof.down_mbit * 1e6) * 1000 for c, _ in nk]
            check[name] = {
                "normenkader_cold_ms": [c.ms for c, _ in nk],
                "transfer_floor_ms": floor,
                "held_back": all(c.ms >= f for (c, _), f in zip(nk, floor, strict=True)),
            }
    return {
        "first_answer": first,
        "bytes_before_first_answer": before,
        "visit_bytes": visit_bytes,
        "breakdown": breakdowns,
        "network_check": check,
        "profiles": {n: vars(BY_NAME[n]) for n in s.profiles},
    }


def whole_runtime_bytes(server: Any) -> tuple[int, list[str]]:
    """Every file the live calculator loads (worker, its modules and runtime.json's list), as the
    server sends them to a browser that accepts brotli: the whole runtime, compressed."""
    import urllib.request

    base = server.url + "/assets/rekenhulp/"
    with urllib.request.urlopen(base + "runtime.json") as r:
        manifest = json.loads(r.read())
    names = ["worker.mjs", *manifest["files"], *manifest.get("later", [])]
    server.tally.reset()
    for name in names:
        req = urllib.request.Request(base + name, headers={"Accept-Encoding": "br, gzip"})
        with urllib.request.urlopen(req) as r:
            r.read()
    return sum(n for _, _, n in server.tally.snapshot()), names


def warmup_configured() -> bool:
    """Whether mkdocs.yml turns on the rekenhulp's idle warm-up (extra.rekenhulp_warmup)."""
    import yaml

    try:
        cfg = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return False
    return bool((cfg.get("extra") or {}).get("rekenhulp_warmup"))


def _median_dicts(rows: list[dict[str, float]]) -> dict[str, float]:
    from bench.chromium import median

    keys = sorted({k for r in rows for k in r})
    return {k: round(median([r[k] for r in rows if k in r]), 1) for k in keys}


def machine(p: Any) -> dict[str, Any]:
    from bench.chromium import chromium_version

    pkg = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text(encoding="utf-8"))
    return {
        "cores": os.cpu_count(),
        "chromium": chromium_version(p),
        "pyodide": pkg["version"],
        "python": platform.python_version(),
        "platform": platform.platform(),
        # Other work on a shared machine is the main source of noise: record how busy it was.
        "load_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def _kb(n: float) -> str:
    return f"{n / 1000:,.0f} kB"


def table_rows(r: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(figure, value, target, holds) per figure; `holds` is ja/nee, or '-' for a report-only row."""

    def yn(ok: bool) -> str:
        return "ja" if ok else "nee"

    rows: list[tuple[str, str, str, str]] = []
    if "first_answer" in r:
        for prof, per_page in r["first_answer"].items():
            for page, phases in per_page.items():
                for phase, f in phases.items():
                    target = first_answer_target(prof, page, phase)
                    rows.append(
                        (
                            f"1. first answer, {page}, {prof}, {phase}: ours / baseline",
                            f"{f['ratio']:.2f} ({f['ours_median']:,.0f} / {f['baseline_median']:,.0f} ms; "
                            f"paired {f['ratio_paired']:.2f})",
                            f"<= {target:.2f}" if target else "report",
                            yn(f["ratio"] <= target) if target else "-",
                        )
                    )
        for key, label in (("typen", "2a. recalculation, typing"), ("kiezen", "2b. recalculation, choosing")):
            for suffix, limit, cpu in (("", 30, ""), ("_cpu4", 50, ", 4x CPU")):
                rc = r.get(f"recalc_{key}{suffix}")
                if rc:
                    rows.append(
                        (
                            f"{label}{cpu}: p95 (p50), {rc['changes']} edits",
                            f"{rc['p95_ms']:.1f} ms ({rc['p50_ms']:.1f} ms)",
                            f"< {limit} ms",
                            yn(rc["p95_ms"] < limit),
                        )
                    )
        per_profile = r["bytes_before_first_answer"].values()
        worst = max(b["pgb-budget"] for b in per_profile)
        nk = max(b["normenkader"] for b in per_profile)
        bl = max(b["baseline"] for b in per_profile)
        rows.append(
            (
                "3c. bytes before the resident page's first answer, cold (worst profile)",
                f"{_kb(worst)} (normenkader {_kb(nk)}; baseline {_kb(bl)})",
                "<= 1,500 kB",
                yn(worst <= 1_500_000),
            )
        )
    if "runtime_bytes_total" in r:
        rows.append(
            (
                "3d. whole calculator runtime, compressed as sent",
                f"{_kb(r['runtime_bytes_total'])} ({len(r['runtime_files'])} files)",
                "<= 5,000 kB",
                yn(r["runtime_bytes_total"] <= 5_000_000),
            )
        )
    elif r.get("calculator_missing"):
        missing = "not measured: no rekenhulp pages in site/"
        rows.append(("1. first answer, cold / warm", missing, "<= 0.35", "nee"))
        rows.append(("2. recalculation p95", missing, "< 30 ms", "nee"))
    if "catalogue_page_bytes" in r:
        warm_up = " (idle warm-up is on)" if r["idle_warmup"] or r["idle_warmup_configured"] else ""
        ok = r["catalogue_page_bytes"] < 600_000 and (r["catalogue_runtime_bytes"] == 0 or r["idle_warmup"])
        rows.append(
            (
                "3a. bytes, product card, cold",
                f"{_kb(r['catalogue_page_bytes'])}, "
                f"of which Pyodide {_kb(r['catalogue_runtime_bytes'])}{warm_up}",
                "< 600 kB, no Pyodide",
                yn(ok),
            )
        )
    if "visit_bytes" in r and "localhost" in r["visit_bytes"]:
        vb = r["visit_bytes"]["localhost"]
        rows.append(
            (
                "3b. bytes of a whole cold visit, localhost (incl. the offline store after the answer)",
                f"pgb-budget {_kb(vb['pgb-budget']['cold'])}, normenkader {_kb(vb['normenkader']['cold'])}, "
                f"baseline {_kb(vb['baseline']['cold'])}",
                "report",
                "-",
            )
        )
    if "build_ratio" in r:
        rows.append(
            (
                "4. build time: build.py / bare mkdocs build",
                f"{r['build_ratio']:.2f} ({r['build_py_s_median']:.1f} / {r['mkdocs_s_median']:.1f} s; "
                f"CPU {r['build_cpu_ratio']:.2f})",
                "<= 1.5",
                yn(r["build_ratio"] <= 1.5),
            )
        )
    if "batch_per_s" in r:
        bad = f", {r['batch_bad_rows']} rejected" if r["batch_bad_rows"] else ""
        rows.append(
            (
                "5. core throughput (CPython, batch)",
                f"{r['batch_per_s']:,.0f} situations/s "
                f"({r['batch_rows']:,} in {r['batch_s_median']:.2f} s{bad}; "
                f"per CPU second {r['batch_per_cpu_s']:,.0f})",
                ">= 20,000/s",
                yn(r["batch_per_s"] >= 20_000),
            )
        )
    if "engines" in r:
        from bench.engines import rows as engine_rows

        rows.extend(engine_rows(r["engines"]))
    if "batch_large_peak_mb" in r:
        flat = r["batch_large_peak_mb"] <= r["batch_peak_mb"] * 1.1
        rows.append(
            (
                "5b. batch peak memory (flat)",
                f"{r['batch_peak_mb']:.0f} MB at {r['batch_rows']:,} rows, "
                f"{r['batch_large_peak_mb']:.0f} MB at {r['batch_large_rows']:,}",
                "no growth (<= +10%)",
                yn(flat),
            )
        )
    from bench.herindicatie import table_rows as herindicatie_rows

    return rows + herindicatie_rows(r)


def first_answer_target(profile: str, page: str, phase: str) -> float | None:
    """The issue's targets (issue 8): the resident page cold on every network, the consultant's
    page cold on 4g, and the warm visit on localhost; other rows are reported."""
    if phase == "cold" and page == "pgb-budget":
        return 0.35
    if phase == "cold" and page == "normenkader" and profile == "4g":
        return 0.50
    if phase == "warm" and profile == "localhost" and page == "pgb-budget":
        return 0.35
    return None


def render_table(rows: list[tuple[str, str, str, str]]) -> str:
    head = ("figure", "value", "target", "holds")
    widths = [max(len(x[i]) for x in [head, *rows]) for i in range(4)]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"  # noqa: E731
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(head), sep, *(line(r) for r in rows)])


def _runs_text(r: dict[str, Any]) -> str:
    profiles = r.get("profiles") or {}
    if not profiles or r.get("runs_fixed"):
        return f"{r['runs']} runs"
    floors = {n: max(r["runs"], p["runs_floor"]) for n, p in profiles.items()}
    extra = ", ".join(f"{v} on {n}" for n, v in floors.items() if v != r["runs"])
    return f"{r['runs']} runs per side and network" + (f" ({extra})" if extra else "")


def render_markdown(r: dict[str, Any]) -> str:
    """The README's "Prestaties" section: the command, the machine and the table."""
    m = r["machine"]
    mode = " --quick" if r["quick"] else ""
    return (
        "## Prestaties\n\n"
        f"Measured with `{COMMAND}`{mode} ({r['date']}) on {m['cores']} cores, Chromium {m['chromium']}, "
        f"Pyodide {m['pyodide']}, Python {m['python']}; machine load (1 min) "
        f"{m['load_at_start'][0]:.1f} at the start, {m['load_at_end'][0]:.1f} at the end. "
        f"Every value is a median of {_runs_text(r)}. Ours and the baseline are measured in the same "
        "run, interleaved, and compared as a ratio, because absolute times on a shared machine say "
        "little; *paired* is the median of the per-run ratios. The baseline page boots the unmodified "
        "Pyodide npm package with its default standard library and runs `1+1`. How each figure is "
        "measured: [bench/README.md](bench/README.md).\n\n" + render_table(table_rows(r)) + "\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="minder runs (rooktest)")
    parser.add_argument(
        "--runs", type=int, help="runs per kant en per netwerk (standaard 3, localhost 5; --quick 1)"
    )
    parser.add_argument(
        "--profiles",
        help="netwerkprofielen, met komma's (standaard localhost,cable,4g,slow-4g)",
        default="localhost,cable,4g,slow-4g",
    )
    parser.add_argument("--no-build", action="store_true", help="bouwtijd overslaan; site/ zoals hij is")
    parser.add_argument(
        "--only",
        choices=("build", "batch", "browser", "herindicatie", "engines"),
        action="append",
        help="alleen dit deel",
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON-uitvoer")
    parser.add_argument("--markdown", type=Path, help="ook de tabel als Markdown")
    args = parser.parse_args(argv)

    from bench.networks import BY_NAME

    profiles = tuple(x.strip() for x in args.profiles.split(",") if x.strip())
    unknown = [x for x in profiles if x not in BY_NAME]
    if unknown:
        parser.error(f"onbekend netwerkprofiel: {', '.join(unknown)} (kies uit {', '.join(BY_NAME)})")
    runs = args.runs or (1 if args.quick else 3)
    s = Settings(
        runs=runs,
        recalc_changes=60 if args.quick else 250,
        batch_rows=20_000 if args.quick else 100_000,
        quick=args.quick,
        profiles=profiles,
        runs_fixed=bool(args.runs or args.quick),
    )
    parts = set(args.only or ("build", "batch", "browser", "herindicatie", "engines"))
    if args.no_build:
        parts.discard("build")

    from playwright.sync_api import sync_playwright

    from bench.server import serve

    started = time.perf_counter()
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "quick": s.quick,
        "runs": s.runs,
        "runs_fixed": s.runs_fixed,
    }
    with sync_playwright() as p:
        results["machine"] = machine(p)
        m = results["machine"]
        print(
            f"machine: {m['cores']} kernen, Chromium {m['chromium']}, "
            f"Pyodide {m['pyodide']}, Python {m['python']}, belasting {m['load_at_start'][0]:.1f}"
        )
        # The build comes first: it refreshes site/, which the browser part then serves (build.py
        # swaps site/ when it publishes, so it must not run while the server is up).
        if "build" in parts:
            results.update(measure_build(s))
        if "batch" in parts:
            results.update(measure_batch(s))
        if "browser" in parts:
            if not (ROOT / "site" / "index.html").exists():
                raise SystemExit("site/ ontbreekt: eerst `python build.py` (of zonder --no-build draaien)")
            with serve() as server:
                results.update(measure_browser(s, p, server))
        if "herindicatie" in parts:
            from bench import herindicatie
            from bench.server import serve as serve_site

            if not (ROOT / "site" / "rekenhulp" / "herindicatie" / "index.html").exists():
                raise SystemExit("site/ heeft geen herindicatiepagina: eerst `python build.py`")
            rows = 2_000 if s.quick else 10_000
            _say(f"6. herindicatie: {rows:,} rijen in de browser (koud en warm) en op de opdrachtregel")
            with serve_site() as server:
                groot = 20_000 if s.quick else 100_000
                results.update(herindicatie.measure(p, server.url, s.runs, rows, groot))
        if "engines" in parts:
            from bench.engines import measure_engines

            _say(f"7. eerste live antwoord in Chromium, WebKit en Firefox, koud en warm, {s.runs}x")
            with serve() as server:
                results["engines"] = measure_engines(s.runs, p, server)
    results["bench_seconds"] = time.perf_counter() - started
    results["machine"]["load_at_end"] = [round(x, 2) for x in os.getloadavg()]

    print(render_table(table_rows(results)))
    policy = results.get("header_policy", "-")
    load = results["machine"]["load_at_start"][0], results["machine"]["load_at_end"][0]
    print(
        f"({s.runs} runs per kant, {results['bench_seconds']:.0f} s; server: {policy}; "
        f"belasting (1 min) begin {load[0]:.1f}, eind {load[1]:.1f} op {results['machine']['cores']} kernen)"
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"resultaten: {args.output}")
    if args.markdown:
        args.markdown.write_text(render_markdown(results), encoding="utf-8")
        print(f"markdown: {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
