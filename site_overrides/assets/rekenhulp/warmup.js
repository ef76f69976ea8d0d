// Optional idle warm-up (mkdocs.yml: extra.rekenhulp_warmup: true; off by default).
// On a catalogue page, once the browser has nothing else to do, fetch the rekenhulp's
// runtime into the HTTP cache, one file at a time and at low priority, so the calculator
// starts from cache later. Nothing is executed. Skipped when the visitor asked to save
// data, and done at most once per browser session.

const RUNTIME_JSON = new URL("runtime.json", import.meta.url);
const KLAAR = "rekenhulp-warm";

async function warmOp() {
  try {
    if (sessionStorage.getItem(KLAAR)) return;
    const { files } = await (await fetch(RUNTIME_JSON, { priority: "low" })).json();
    for (const pad of files) {
      const response = await fetch(new URL(pad, RUNTIME_JSON), { priority: "low" });
      await response.arrayBuffer(); // read to the end, or the cache entry is not kept
    }
    sessionStorage.setItem(KLAAR, "1");
  } catch {
    // A warm-up that fails costs nothing: the calculator page loads what it needs itself.
  }
}

// Two seconds after the page has loaded, at the next idle moment (or after at most two
// more seconds: some browsers rarely report idle time).
if (!navigator.connection?.saveData) {
  const bijRust = window.requestIdleCallback || ((fn) => setTimeout(fn, 0));
  window.addEventListener("load", () => setTimeout(() => bijRust(() => warmOp(), { timeout: 2000 }), 2000));
}
