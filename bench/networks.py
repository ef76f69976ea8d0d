"""Network and CPU profiles the benchmark measures on (Chromium's DevTools emulation).

Each profile is applied to the page's DevTools session before the page is opened:
``Network.emulateNetworkConditions`` (latency added to every request, download and upload
throughput) and, on the mobile profiles, ``Emulation.setCPUThrottlingRate`` 4 (a mid-range
phone). The network emulation also covers the module worker's downloads (the bytes of a
visit arrive no faster than the profile allows; see the JSON's ``network_check``). CPU
throttling cannot be set on a worker target ("only supported for pages"): whether the page's
setting slows the worker too is measured by ``cpu_probe`` and reported, not assumed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Profile:
    name: str
    down_mbit: float | None  # None: no throttling
    up_mbit: float | None
    latency_ms: float
    cpu_rate: float  # 1: no CPU throttling
    runs_floor: int  # at least this many runs per side

    @property
    def throttled(self) -> bool:
        return self.down_mbit is not None


PROFILES = [
    Profile("localhost", None, None, 0, 1, 5),
    Profile("cable", 30, 5, 28, 1, 3),
    Profile("4g", 9, 1.5, 170, 4, 3),
    Profile("slow-4g", 1.6, 0.75, 150, 4, 3),
]
BY_NAME = {p.name: p for p in PROFILES}


def apply(session: Any, profile: Profile) -> None:
    """Set ``profile`` on a Playwright CDP session of a page (before navigating)."""
    if profile.throttled:
        session.send("Network.enable")
        session.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": profile.latency_ms,
                # DevTools wants bytes per second.
                "downloadThroughput": profile.down_mbit * 1_000_000 / 8,
                "uploadThroughput": (profile.up_mbit or profile.down_mbit) * 1_000_000 / 8,
            },
        )
    if profile.cpu_rate != 1:
        session.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu_rate})


# A fixed amount of work, timed in a worker and then on the page, in one page. With the page's
# CPU throttled 4x, the page's time grows about 4x; the worker's does only if the throttle
# reaches workers too.
CPU_PROBE = """async () => {
  const body = "function f(){let x=0; for (let i=0;i<5e7;i++) x+=i%7; return x;}";
  const src = body + " f(); const t=performance.now(); f(); postMessage(performance.now()-t);";
  const w = new Worker(URL.createObjectURL(new Blob([src], {type: "text/javascript"})));
  const worker = await new Promise((r) => { w.onmessage = (e) => r(e.data); });
  w.terminate();
  const f = new Function(body + " return f;")();
  f();
  const t = performance.now(); f(); const page = performance.now() - t;
  return [worker, page];
}"""


def cpu_probe(p: Any, launch: Any, runs: int = 5) -> dict[str, Any]:
    """Median worker and page times of CPU_PROBE at rate 1 and 4, alternated; and the verdict."""
    import statistics

    times: dict[int, list[tuple[float, float]]] = {1: [], 4: []}
    browser = launch(p)
    try:
        for _ in range(runs):
            for rate in (1, 4):
                ctx = browser.new_context()
                try:
                    page = ctx.new_page()
                    session = ctx.new_cdp_session(page)
                    session.send("Emulation.setCPUThrottlingRate", {"rate": rate})
                    worker, page_ms = page.evaluate(CPU_PROBE)
                    times[rate].append((float(worker), float(page_ms)))
                finally:
                    ctx.close()
    finally:
        browser.close()
    med = {
        r: (statistics.median(w for w, _ in v), statistics.median(m for _, m in v)) for r, v in times.items()
    }
    worker_slowdown = med[4][0] / med[1][0]
    page_slowdown = med[4][1] / med[1][1]
    return {
        "worker_ms": {str(r): round(v[0], 1) for r, v in med.items()},
        "page_ms": {str(r): round(v[1], 1) for r, v in med.items()},
        "worker_slowdown": round(worker_slowdown, 2),
        "page_slowdown": round(page_slowdown, 2),
        # Halfway between "not at all" (1) and "fully" (4), on the log scale.
        "reaches_workers": worker_slowdown >= 2.0,
    }
