"""Figures 1-3: drive Debian's Chromium through Playwright against the benchmark server.

Cold and warm use a real on-disk profile (a fresh --user-data-dir per run, opened once on
about:blank before the cold visit so profile creation is not timed), not an incognito context:
an incognito context keeps its HTTP cache in memory and has no code cache, so a "second visit"
there would not be what a returning visitor gets. The warm visit relaunches the browser on the
same profile, so it is served from the disk cache and its compiled-code cache, as after closing
and reopening the browser.
"""

from __future__ import annotations

import contextlib
import math
import re
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Playwright

from bench.networks import Profile, apply
from bench.pages import RecalcDriver, TimedPage, init_script, recalc_script
from bench.server import Server
from browser.chromium import ARGS, CHROMIUM

# Generous: on a shared 2-core machine under load, a throttled cold baseline can take minutes.
FIRST_RESULT_TIMEOUT_MS = 300_000
# After the answer, before the profile is closed: late requests finish, cache entries reach the
# disk, and the engine gets time to tier up and write its wasm code cache (the rekenhulp even
# warms up its interpreter for that after the first answer). A visitor stays longer than this;
# both pages get the same time.
LINGER_S = 3.0

# What counts as "Pyodide bytes" on a page that should not need the runtime: the runtime's own
# files, the standard library and core archives, the worker and its
# runtime.json manifest (fetched only by the optional idle warm-up).
RUNTIME_URL = re.compile(
    r"pyodide|\.wasm(\?|$)|python_stdlib|/runtime/|stdlib-|core-[0-9a-f]+|runtime\.json|"
    r"rekenhulp/worker",
    re.IGNORECASE,
)


def launch_profile(p: Playwright, profile: Path) -> BrowserContext:
    """Chromium on an on-disk profile (cache and code cache persist between launches)."""
    return p.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=ARGS, headless=True
    )


def chromium_version(p: Playwright) -> str:
    browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
    try:
        return browser.version
    finally:
        browser.close()


@dataclass
class Visit:
    """One timed visit."""

    ms: float
    server_bytes: int
    browser_bytes: int
    requests: list[tuple[str, int, int]] = field(default_factory=list)  # (path, status, bytes)
    diag: dict[str, Any] = field(default_factory=dict)  # worker start, first worker status
    # Bytes of the requests the browser made before the answer was shown (as sent, compressed).
    first_bytes: int = 0
    first_requests: list[tuple[str, int, int]] = field(default_factory=list)


def breakdown(visit: Visit, worker_hint: str) -> dict[str, float]:
    """Where a visit's time went: worker created, worker ready (its own timings), answer shown."""
    out: dict[str, float] = {"answer_ms": visit.ms}
    starts = [w["at"] for w in visit.diag.get("workers", []) if worker_hint in w["url"]]
    if starts:
        out["worker_created_ms"] = starts[0]
    status = visit.diag.get("status")
    if status:
        out["worker_status_ms"] = status["at"]
        data = status.get("data") or {}
        if isinstance(data.get("ms"), (int, float)):
            out["worker_boot_ms"] = data["ms"]  # measured inside the worker, from its start
        for key, value in (data.get("tijden") or {}).items():
            if isinstance(value, (int, float)):
                out[f"worker_{key}_ms"] = value
    return out


def runtime_bytes(visit: Visit) -> int:
    """The part of a visit's bytes that is the Python runtime (see RUNTIME_URL)."""
    return sum(n for path, _, n in visit.requests if RUNTIME_URL.search(path))


def _browser_bytes(requests: list[Any]) -> int:
    total = 0
    for req in requests:
        try:
            sizes = req.sizes()
        except Exception:  # noqa: BLE001 - a request torn down with the page has no sizes
            continue
        total += max(sizes.get("responseBodySize", 0), 0) + max(sizes.get("responseHeadersSize", 0), 0)
    return total


# Waits inside the page (one evaluate, no polling round trips). Not page.wait_for_function: with
# a string predicate Playwright evaluates it with eval(), which the site's Content-Security-Policy
# (no 'unsafe-eval') rightly refuses, and bypassing the CSP would measure a different page.
WAIT_FIRST = """(timeoutMs) => new Promise((resolve, reject) => {
  const t0 = Date.now();
  const tick = () => {
    const s = window.__bench;
    if (s && (s.first !== null || s.error)) {
      return resolve({ first: s.first, error: s.error, workers: s.workers, status: s.status });
    }
    if (Date.now() - t0 > timeoutMs) return reject(new Error("no answer within " + timeoutMs + " ms"));
    setTimeout(tick, 20);
  };
  tick();
})"""


def _wait_first(page: Page) -> dict[str, Any]:
    return page.evaluate(WAIT_FIRST, FIRST_RESULT_TIMEOUT_MS)


def _timed_visit(ctx: BrowserContext, server: Server, spec: TimedPage, net: Profile | None) -> Visit:
    page: Page = ctx.pages[0] if ctx.pages else ctx.new_page()
    if net is not None:
        apply(ctx.new_cdp_session(page), net)
    finished: list[Any] = []
    page.on("requestfinished", lambda req: finished.append(req))
    server.tally.reset()
    page.goto(server.url + getattr(spec, "url_path", spec.path), wait_until="commit")
    state = _wait_first(page)
    if state.get("error") and state.get("first") is None:
        raise RuntimeError(f"{spec.name}: de pagina meldt een fout: {state['error'][:500]}")
    ms = float(state["first"])
    # The answer's moment on the wall clock the server stamps requests with (same machine).
    answered = (page.evaluate("() => performance.timeOrigin") + ms) / 1000
    first = server.tally.before(answered)
    # A page that keeps polling still has its answer timed; the wait only lets requests end.
    with contextlib.suppress(Exception):
        page.wait_for_load_state("networkidle", timeout=10_000)
    time.sleep(LINGER_S)
    # The status message may come after the answer was stamped only if the page answered
    # without it; read the state again after the linger for the diagnostics.
    late = page.evaluate("() => window.__bench")
    entries = server.tally.snapshot()
    diag = {"workers": late.get("workers") or [], "status": late.get("status")}
    return Visit(
        ms,
        sum(n for _, _, n in entries),
        _browser_bytes(finished),
        entries,
        diag,
        first_bytes=sum(n for _, _, n in first),
        first_requests=first,
    )


def _initialise(p: Playwright, profile: Path) -> None:
    """Open and close the new profile once on about:blank, so the timed cold visit does not
    also pay for Chromium creating a profile (its databases, preferences, first-run work),
    which a real visitor's browser did long ago. The HTTP and code caches stay empty."""
    ctx = launch_profile(p, profile)
    try:
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.goto("about:blank")
        time.sleep(0.5)
    finally:
        ctx.close()


def cold_and_warm(
    p: Playwright, server: Server, spec: TimedPage, net: Profile | None = None
) -> tuple[Visit, Visit]:
    """A first visit on a fresh profile, then a second visit after reopening that profile,
    both under the network and CPU profile ``net`` (None: as the machine is)."""
    profile = Path(tempfile.mkdtemp(prefix=f"bench-{spec.name}-"))
    try:
        _initialise(p, profile)
        visits = []
        for _ in ("cold", "warm"):  # the same profile twice: the second visit finds the first's caches
            ctx = launch_profile(p, profile)
            ctx.add_init_script(init_script(spec))
            try:
                visits.append(_timed_visit(ctx, server, spec, net))
            finally:
                ctx.close()
        cold, warm = visits
        return cold, warm
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@dataclass
class PageBytes:
    """A cold visit's transfer, split into runtime (Pyodide) bytes and the rest."""

    total: int
    runtime: int
    browser_total: int
    runtime_paths: list[str]
    runtime_after_load: bool


def cold_page_bytes(p: Playwright, server: Server, path: str, idle_s: float = 3.0) -> PageBytes:
    """Bytes of a cold visit to ``path``, including what an idle warm-up fetches afterwards.

    The page is left alone for ``idle_s`` after the network goes quiet, which is when an idle
    warm-up (requestIdleCallback / a timer) would start fetching the runtime.
    """
    profile = Path(tempfile.mkdtemp(prefix="bench-bytes-"))
    try:
        ctx = launch_profile(p, profile)
        try:
            page = ctx.pages[0] if ctx.pages else ctx.new_page()
            finished: list[Any] = []
            page.on("requestfinished", lambda req: finished.append(req))
            server.tally.reset()
            page.goto(server.url + path, wait_until="load")
            loaded = len(server.tally.snapshot())
            with contextlib.suppress(Exception):
                page.wait_for_load_state("networkidle", timeout=15_000)
            time.sleep(idle_s)
            with contextlib.suppress(Exception):
                page.wait_for_load_state("networkidle", timeout=15_000)
            entries = server.tally.snapshot()
            browser_total = _browser_bytes(finished)
        finally:
            ctx.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    runtime = [(path_, n) for path_, _, n in entries if RUNTIME_URL.search(path_)]
    late = any(RUNTIME_URL.search(path_) for path_, _, _ in entries[loaded:])
    return PageBytes(
        total=sum(n for _, _, n in entries),
        runtime=sum(n for _, n in runtime),
        browser_total=browser_total,
        runtime_paths=sorted({p_ for p_, _ in runtime}),
        runtime_after_load=late,
    )


def recalc_latencies(
    p: Playwright, server: Server, spec: TimedPage, driver: RecalcDriver, count: int, cpu_rate: float = 1
) -> tuple[list[float], list[str]]:
    """``count`` input changes on a loaded page, each timed from the change to its answer
    (with the CPU throttled ``cpu_rate`` times)."""
    profile = Path(tempfile.mkdtemp(prefix="bench-recalc-"))
    try:
        ctx = launch_profile(p, profile)
        ctx.add_init_script(init_script(spec))
        try:
            page = ctx.pages[0] if ctx.pages else ctx.new_page()
            if cpu_rate != 1:
                ctx.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_rate})
            page.goto(server.url + getattr(spec, "url_path", spec.path), wait_until="commit")
            state = _wait_first(page)
            if state.get("first") is None:
                raise RuntimeError(f"{spec.name}: de pagina meldt een fout: {state['error'][:500]}")
            page.wait_for_timeout(driver.settle_ms)
            out = page.evaluate(recalc_script(spec, driver), [count, 10_000])
        finally:
            ctx.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return [float(x) for x in out["samples"]], list(out["texts"])


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): a value that was actually measured."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]
