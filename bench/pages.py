"""The pages the benchmark drives, and how each one says "a computed answer is shown".

Both the calculator page and the baseline are timed by the same init script: a MutationObserver,
installed before any page script runs, that stamps `performance.now()` (milliseconds since
navigation start) the first time the page's result element satisfies its `ready` test. Only the
selector and the test differ per page; the clock and the mechanism are identical.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class TimedPage:
    """A page whose first computed answer is timed."""

    name: str
    path: str
    # CSS selector of the element that shows the answer.
    selector: str
    # Body of a JS function of `el` (the element) returning true once a computed answer shows.
    # It must not be fooled by text the HTML already carries (a placeholder, a "rekent..." note).
    ready: str
    # Selector of an element whose non-empty, visible text means the page failed (for messages).
    error_selector: str | None = None
    # Opened as a link with this fragment (the resident's page answers once a place is chosen).
    fragment: str = ""

    @property
    def url_path(self) -> str:
        return self.path + self.fragment


@dataclass(frozen=True)
class RecalcDriver:
    """How to change an input from page JS and what to wait for.

    `set_state` is the body of a JS function of `i` (0 or 1) that puts the form in state i and
    dispatches the events a person's edit would (input, change). The two states must give
    different answers; the benchmark alternates them and waits for the answer of the new state.
    """

    set_state: str
    # Extra wait before measuring (ms) so the page's start-up work is over.
    settle_ms: int = 500
    notes: list[str] = field(default_factory=list)


BASELINE = TimedPage(
    name="baseline",
    path="/_bench/baseline/",
    selector="#bench-result",
    ready="return el.textContent.trim() === '2';",
    error_selector="#bench-error",
)

CATALOGUE_PATH = "/producten/halderberge/ho-light/"


def init_script(page: TimedPage) -> str:
    """The script every timed page gets before its own scripts run (Playwright init script)."""
    return (
        "(() => {\n"
        f"  const SELECTOR = {json.dumps(page.selector)};\n"
        f"  const ERROR = {json.dumps(page.error_selector)};\n"
        f"  const ready = (el) => {{ {page.ready} }};\n"
        + r"""
  // Only the top document: the init script also runs in iframes, which have their own clock.
  if (window.top !== window) return;
  const state = { first: null, error: null, workers: [], status: null };
  window.__bench = state;
  // Diagnostics only (same on every page): when each worker is created, and the first status
  // message a worker posts (the rekenhulp's carries its own start-up timings). One extra
  // message listener; the page's own handlers are untouched.
  const NativeWorker = window.Worker;
  if (NativeWorker) {
    const Watched = function (url, options) {
      const worker = new NativeWorker(url, options);
      state.workers.push({ url: String(url), at: performance.now() });
      worker.addEventListener("message", (event) => {
        const d = event.data;
        if (state.status === null && d && typeof d === "object" && d.type === "status") {
          state.status = { at: performance.now(), data: JSON.parse(JSON.stringify(d)) };
        }
      });
      return worker;
    };
    Watched.prototype = NativeWorker.prototype;
    window.Worker = Watched;
  }
  const check = () => {
    if (state.first !== null) return;
    const el = document.querySelector(SELECTOR);
    if (el) {
      let ok = false;
      try { ok = ready(el); } catch (e) { ok = false; }
      if (ok) {
        state.first = performance.now();
        observer.disconnect();
        return;
      }
    }
    if (ERROR) {
      const bad = document.querySelector(ERROR);
      if (bad && !bad.hidden && bad.textContent.trim()) state.error = bad.textContent.trim();
    }
  };
  // Mutation callbacks run as microtasks right after the DOM change, before the next paint,
  // so the stamp is when the answer entered the DOM; identical for every page measured.
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  document.addEventListener("DOMContentLoaded", check);
})();
"""
    )


def recalc_script(page: TimedPage, driver: RecalcDriver) -> str:
    """An async JS function (count, timeout_ms) -> {samples: [ms...], texts: [a, b]}.

    It runs inside the page so Playwright's round trips are not in the figure: each sample is
    performance.now() from just before the input change to the mutation that shows the answer
    of the new state.
    """
    return (
        "async ([count, timeoutMs]) => {\n"
        f"  const SELECTOR = {json.dumps(page.selector)};\n"
        f"  const ready = (el) => {{ {page.ready} }};\n"
        f"  const setState = (i) => {{ {driver.set_state} }};\n"
        + r"""
  const el = () => document.querySelector(SELECTOR);
  const text = () => (el() ? el().textContent : "");
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  // Resolve once `pred` holds, checked on every DOM mutation (and once up front).
  const until = (pred, ms) => new Promise((resolve, reject) => {
    let done = false;
    const finish = (ok) => {
      if (done) return;
      done = true;
      obs.disconnect();
      clearTimeout(timer);
      ok ? resolve(performance.now()) : reject(new Error("timeout waiting for the answer"));
    };
    const obs = new MutationObserver(() => { try { if (pred()) finish(true); } catch (e) {} });
    obs.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    const timer = setTimeout(() => finish(false), ms);
    try { if (pred()) finish(true); } catch (e) {}
  });
  // Settle: wait until the text has not changed for `quiet` ms (the answer for a state, with
  // any follow-up rendering such as an explanation list, is complete).
  const settle = async (quiet) => {
    let last = text();
    for (let i = 0; i < 200; i++) {
      await sleep(quiet);
      const now = text();
      if (now === last && ready(el())) return now;
      last = now;
    }
    throw new Error("the answer kept changing");
  };
  // Learn the final text of both states first (not timed).
  setState(0);
  const a = await settle(300);
  setState(1);
  const b = await settle(300);
  if (a === b) throw new Error("the two input states give the same answer; pick other states");
  const texts = [a, b];
  const samples = [];
  let cur = 1;
  for (let n = 0; n < count; n++) {
    const next = 1 - cur;
    const t0 = performance.now();
    setState(next);
    const t1 = await until(() => text() === texts[next] && ready(el()), timeoutMs);
    samples.push(t1 - t0);
    cur = next;
    // Yield a frame between edits, as a person typing would leave; it also lets the page
    // finish any rendering that follows the answer so the next edit starts from rest.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return { samples, texts: [a.slice(0, 200), b.slice(0, 200)] };
}
"""
    )


# The rekenhulp's result section carries data-status ("laden", "klaar", "fout", "storing") and
# data-berekeningen (answers shown so far), both set by rekenhulp.js in the same task that puts
# the answer in the DOM: "klaar" with at least one answer is a computed answer, never the HTML's
# own "De rekenhulp wordt geladen..." placeholder.
READY_REKENHULP = "return el.dataset.status === 'klaar' && Number(el.dataset.berekeningen || 0) >= 1;"
STORING = '[data-rekenhulp-resultaat][data-status="storing"] .rh-status'


def _rekenhulp(name: str, form: str, fragment: str = "") -> TimedPage:
    return TimedPage(
        name=name,
        path=f"/rekenhulp/{name}/",
        selector=f'[data-rekenhulp-resultaat="{form}"]',
        ready=READY_REKENHULP,
        error_selector=STORING,
        fragment=fragment,
    )


# The resident's page answers once she has chosen her town (issue 16): opened as the link a
# municipality's site gives, with the town chosen; its default answers (weekly help, no extras)
# then give an answer at once.
PGB_BUDGET = _rekenhulp("pgb-budget", "advies", "#gemeente=oudenbosch")
# The consultant's page: default duration 12 months, basismodule on, gives an indication at once.
NORMENKADER = _rekenhulp("normenkader", "ho")

# Typing in a number field: a keystroke fires only "input" (change waits for blur).
TYPING = RecalcDriver(
    set_state="""
    const el = document.getElementById("ho-extra_ruimten");
    el.value = i ? "2" : "1";
    el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: el.value }));
    """,
    notes=["normenkader: extra_ruimten 1 <-> 2 getypt (input-event)"],
)
# Choosing in a select: the browser fires "input" and then "change", as dispatched here.
CHOOSING = RecalcDriver(
    set_state="""
    const el = document.getElementById("advies-wasverzorging");
    el.value = i ? "1_persoon" : "geen";
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
    """,
    notes=["pgb-budget: wasverzorging geen <-> 1_persoon gekozen (input- en change-event)"],
)


@dataclass(frozen=True)
class CalculatorPages:
    """What the browser part measures on the rekenhulp."""

    first: TimedPage  # the resident's page: time to first result, against the baseline
    consultant: TimedPage  # the consultant's page, timed the same way
    recalc: list[tuple[str, TimedPage, RecalcDriver]]  # (key, page, edit) per kind of edit


def calculator_page() -> CalculatorPages | None:
    """The calculator pages to measure, or None while site/ has no rekenhulp pages yet."""
    needed = [ROOT / "site" / PGB_BUDGET.path.strip("/") / "index.html"]
    needed.append(ROOT / "site" / NORMENKADER.path.strip("/") / "index.html")
    if not all(p.exists() for p in needed):
        return None
    return CalculatorPages(
        first=PGB_BUDGET,
        consultant=NORMENKADER,
        recalc=[("typen", NORMENKADER, TYPING), ("kiezen", PGB_BUDGET, CHOOSING)],
    )
