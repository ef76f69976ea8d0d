"""Figure 7: the consultant's page's first live answer in WebKit and Firefox against Chromium.

Same files, same server (localhost), the engines interleaved. A cold visit is a fresh browser
session (empty cache, no service worker); the warm visit is the next visit in that session once
the page says the rekenhulp is stored on the device. Each visit reports the page's own mark
(``rekenhulp:eerste-resultaat``, from navigation start) and the worker's step times from its start
(``wasm`` compiled, ``js`` modules loaded, ``stdlib`` and ``core`` fetched, ``python`` booted,
``kern`` imported): where WebKit's extra time goes.

WebKit and Firefox are driven as in the cross-engine tests (tests/e2e/engines.py).
"""

from __future__ import annotations

from statistics import median
from typing import Any

PAGE = "rekenhulp/normenkader/"
# The first answer's mark, the worker's own timings and the worker's start, in page time.
PROBE = """() => {
  const mark = performance.getEntriesByName('rekenhulp:eerste-resultaat')[0];
  const start = window.__rekenhulpStart || {};
  return mark ? {ms: mark.startTime, worker_ms: start.ms ?? null, tijden: start.tijden || {}} : null;
}"""
STORED = (
    "() => ['klaar', 'fout', 'geen']"
    ".includes(document.querySelector('[data-rekenhulp-offline]')?.dataset.offline)"
)


class _Chromium:
    """Playwright's Chromium with the engines' interface (goto, wait, close)."""

    name = "chromium"

    def __init__(self, p: Any) -> None:
        from browser.chromium import ARGS, CHROMIUM

        self.browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        self.version = self.browser.version
        self.context = self.browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()

    def goto(self, url: str) -> None:
        self.page.goto(url)

    def wait(self, source: str, timeout: float = 120.0, what: str = "") -> Any:
        return self.page.wait_for_function(source, timeout=timeout * 1000).json_value()

    def close(self) -> None:
        self.browser.close()


def _session(name: str, p: Any) -> Any:
    if name == "chromium":
        return _Chromium(p)
    from tests.e2e import engines

    return engines.start(name)


def _visit(session: Any, url: str) -> dict[str, Any]:
    session.goto(url)
    return dict(session.wait(PROBE, what="het eerste antwoord"))


def measure_engines(runs: int, p: Any, server: Any) -> dict[str, Any]:
    """Cold and warm first answers per engine; engines missing here are reported as such."""
    from tests.e2e import engines as eng

    names = ["chromium"] + [n for n in ("webkit", "firefox") if not eng.missing(n)]
    visits: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {n: [] for n in names}
    versions: dict[str, str] = {}
    url = f"{server.url}/{PAGE}"
    for i in range(runs):
        order = names[i % len(names) :] + names[: i % len(names)]
        for name in order:
            session = _session(name, p)
            try:
                versions[name] = str(session.version)
                cold = _visit(session, url)
                session.wait(STORED, what="de rekenhulp bewaard")
                warm = _visit(session, url)
            finally:
                session.close()
            visits[name].append((cold, warm))
    out: dict[str, Any] = {"page": PAGE, "runs": runs, "versions": versions, "engines": {}}
    for name, pairs in visits.items():
        per: dict[str, Any] = {}
        for phase, k in (("cold", 0), ("warm", 1)):
            shown = [v[k]["ms"] for v in pairs]
            steps = sorted({s for v in pairs for s in v[k]["tijden"]})
            per[phase] = {
                "ms": shown,
                "median_ms": median(shown),
                "worker_steps_ms": {s: median([v[k]["tijden"].get(s, 0) for v in pairs]) for s in steps},
            }
        out["engines"][name] = per
    base = out["engines"]["chromium"]
    for per in out["engines"].values():
        for phase in ("cold", "warm"):
            per[phase]["ratio_to_chromium"] = per[phase]["median_ms"] / base[phase]["median_ms"]
    out["missing"] = {n: eng.missing(n) for n in ("webkit", "firefox") if eng.missing(n)}
    return out


def rows(r: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Table rows: per engine and phase the median, its ratio to Chromium and the worker's steps;
    WebKit's target is 1.5 x Chromium (issue 20)."""
    out: list[tuple[str, str, str, str]] = []
    for name, per in r["engines"].items():
        for phase in ("cold", "warm"):
            f = per[phase]
            steps = ", ".join(f"{k} {v:,.0f}" for k, v in f["worker_steps_ms"].items())
            target = name == "webkit"
            ratio = f["ratio_to_chromium"]
            out.append(
                (
                    f"7. first live answer, {r['page'].split('/')[1]}, localhost, {name} {phase}",
                    f"{f['median_ms']:,.0f} ms = {ratio:.2f} x Chromium (worker: {steps} ms)",
                    "<= 1.50 x Chromium" if target else "report",
                    ("ja" if ratio <= 1.5 else "nee") if target else "-",
                )
            )
    for name, why in r.get("missing", {}).items():
        out.append((f"7. first live answer, {name}", f"not measured: {why}", "report", "-"))
    return out
