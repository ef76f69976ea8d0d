// The rekenhulp's module worker: runs the indication core (calculator.api.run_json) on
// self-hosted Pyodide, so the page never freezes and nothing typed leaves the device.
//
// Start-up is the feature users feel, so everything starts at once, at the top of this
// module: the wasm is compiled while it downloads, and in parallel the start archive of the
// precompiled stdlib and the core archive are fetched and the Pyodide JS loaded.
//
// Messages in:  {type: "bereken", id, soort, invoer}
// Messages out: {type: "versie", versie}   (first, before Python loads: the build it belongs to)
//               {type: "status", fase: "klaar" | "fout", melding?, ms?, tijden?}
//               {type: "resultaat", id, json, ms}   (json: run_json's string, as is)

// browser/package.py writes the hashed file names here when it builds the site.
const RUNTIME = /*@RUNTIME@*/null;

const started = performance.now();
// Milliseconds from the worker's start to each step, reported with status "klaar"
// (diagnostics for the benchmark and for anyone wondering where start-up time goes).
const tijden = {};
const stap = (naam) => (value) => {
  tijden[naam] = Math.round(performance.now() - started);
  return value;
};
const here = new URL(".", import.meta.url);
const at = (path) => new URL(path, here).href;

function post(message) {
  self.postMessage(message);
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} gaf HTTP ${response.status}`);
  return response;
}

// The wasm is compiled as it streams in (needs Content-Type application/wasm; a host
// that sends another type gets the slower compile-after-download).
async function compileWasm(url) {
  const response = await fetchOk(url);
  if ((response.headers.get("Content-Type") || "").startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

// The rest of the standard library, for an import the start archive lacks (called from
// Python by browser/rest_finder.py, at most once). Synchronous, because an import is: a
// worker may do that, and the service worker answers it when offline.
function laadRest(pyodide) {
  const xhr = new XMLHttpRequest();
  xhr.open("GET", at(RUNTIME.stdlib_rest), false);
  xhr.responseType = "arraybuffer";
  xhr.send();
  if (xhr.status !== 200) throw new Error(`${RUNTIME.stdlib_rest} gaf HTTP ${xhr.status}`);
  const pad = "/lib/stdlib-rest.zip";
  pyodide.FS.writeFile(pad, new Uint8Array(xhr.response));
  return pad;
}

// Swallow a rejection now (it is awaited, and reported, later).
function settle(promise) {
  promise.catch(() => {});
  return promise;
}

function startDownloads() {
  const base = at(RUNTIME.pyodide);
  // Python boots from the stdlib modules that booting and the core import (the rest comes
  // only when asked for, see laadRest).
  const stdlibUrl = at(RUNTIME.stdlib_start);
  return {
    base,
    wasmUrl: base + "pyodide.asm.wasm",
    wasm: settle(compileWasm(base + "pyodide.asm.wasm").then(stap("wasm"))),
    modules: settle(Promise.all([import(base + "pyodide.mjs"), import(base + "pyodide.asm.mjs")]).then(stap("js"))),
    stdlibUrl,
    stdlib: settle(fetchOk(stdlibUrl).then(stap("stdlib"))),
    core: settle(fetchOk(at(RUNTIME.core)).then((r) => r.arrayBuffer()).then(stap("core"))),
  };
}

// Pyodide fetches the wasm and the stdlib itself, late (after its JS has loaded). While it
// boots, hand it the downloads that are already under way instead, and instantiate the
// wasm module compiled above. Both patches are undone as soon as it has booted.
async function withEarlyDownloads(dl, boot) {
  const realFetch = self.fetch;
  const realInstantiateStreaming = WebAssembly.instantiateStreaming;
  const stdlibUrl = dl.stdlibUrl;
  let stdlib = dl.stdlib;
  self.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url === dl.wasmUrl) return Promise.resolve(new Response(new Uint8Array(0)));
    if (url === stdlibUrl && stdlib) {
      const early = stdlib;
      stdlib = null; // a response body can be read once
      return early;
    }
    return realFetch(input, init);
  };
  WebAssembly.instantiateStreaming = async (_response, imports) => {
    const module = await dl.wasm;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
  try {
    return await boot();
  } finally {
    self.fetch = realFetch;
    WebAssembly.instantiateStreaming = realInstantiateStreaming;
  }
}

async function start() {
  if (!RUNTIME) throw new Error("de rekenhulp is niet goed gebouwd (runtime ontbreekt)");
  const dl = startDownloads();
  const [{ loadPyodide }, asm] = await dl.modules;
  const options = {
    indexURL: dl.base,
    stdLibURL: dl.stdlibUrl,
    lockFileContents: RUNTIME.lock,
    createPyodideModule: asm.default,
    stdout: () => {},
    stderr: (line) => console.warn("[python]", line),
  };
  const boot = withEarlyDownloads(dl, () => loadPyodide(options));
  // Pyodide only logs a failed wasm or stdlib download and then waits forever; fail
  // instead, so the page can say so and offer a retry.
  const never = new Promise(() => {});
  const pyodide = await Promise.race([boot, dl.wasm.then(() => never), dl.stdlib.then(() => never)]);
  stap("python")();
  pyodide.unpackArchive(await dl.core, "zip", { extractDir: RUNTIME.site_packages });
  pyodide.runPython(RUNTIME.after_unpack); // see browser/after_unpack.py
  self.rekenhulpLaadRest = () => laadRest(pyodide);
  pyodide.runPython(RUNTIME.rest_finder); // see browser/rest_finder.py
  const runJson = pyodide.pyimport("calculator.api").run_json;
  stap("kern")();
  return { runJson, pyodide };
}

// The page checks this against its own build before it uses any answer (python.js): a page
// opened before a deploy must not show this newer build's amounts beside its own.
post({ type: "versie", versie: RUNTIME ? RUNTIME.versie : null });
const ready = start();
ready.then(
  () => post({ type: "status", fase: "klaar", ms: performance.now() - started, tijden }),
  (error) => {
    console.error("rekenhulp: Python kon niet starten", error);
    post({ type: "status", fase: "fout", melding: String(error && error.message ? error.message : error) });
  },
);

// The herindicatie page (/rekenhulp/herindicatie/): a whole caseload through the batch, in
// Pyodide's in-memory file system (nothing leaves the device). Rows come back in chunks while it
// runs; cancelling ends this worker (python.js starts a fresh one).
//   in:  {type: "herindicatie", id, bytes, peildatum}  -> {type: "rijen", id, json, totaal}...,
//                                                          {type: "herindicatie-klaar", id, json, ms}
//   in:  {type: "bestand", id, soort: "csv" | "xlsx"}   -> {type: "bestand", id, bytes}
const HER = { invoer: "/tmp/herindicatie-in.csv", csv: "/tmp/herindicatie-uit.csv", xlsx: "/tmp/herindicatie-uit.xlsx" };
let samenvatting = null;

function lineCount(bytes) {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  return bytes.length && bytes[bytes.length - 1] !== 10 ? n : n - 1;
}

async function herindicatie(message) {
  const { pyodide } = await ready;
  const bytes = new Uint8Array(message.bytes);
  const totaal = lineCount(bytes);
  pyodide.FS.writeFile(HER.invoer, bytes);
  const t0 = performance.now();
  const module = pyodide.pyimport("calculator.herindicatie");
  const melden = (json) => post({ type: "rijen", id: message.id, json, totaal });
  try {
    samenvatting = module.in_browser(HER.invoer, HER.csv, String(message.peildatum), melden, 200, 20);
    post({ type: "herindicatie-klaar", id: message.id, json: samenvatting, ms: performance.now() - t0 });
  } catch (error) {
    // A fault in the project, not in the file (the file's own problems come back as "fouten"):
    // one Dutch line for the page, the details for whoever opens the console.
    console.warn("rekenhulp: herindicatie", error);
    post({ type: "herindicatie-klaar", id: message.id, fout: "er ging iets mis in de rekenhulp zelf. Probeer het opnieuw of gebruik de opdrachtregel." });
  } finally {
    pyodide.FS.unlink(HER.invoer);
  }
}

async function bestand(message) {
  const { pyodide } = await ready;
  try {
    let pad = HER.csv;
    if (message.soort === "xlsx") {
      pyodide.pyimport("calculator.herindicatie").xlsx_in_browser(HER.csv, HER.xlsx, samenvatting);
      pad = HER.xlsx;
    }
    post({ type: "bestand", id: message.id, bytes: pyodide.FS.readFile(pad) });
  } catch (error) {
    post({ type: "bestand", id: message.id, fout: String(error && error.message ? error.message : error) });
  }
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message?.type === "herindicatie") return herindicatie(message);
  if (message?.type === "bestand") return bestand(message);
  if (message?.type === "voorbereiden") {
    // The herindicatie page only: its first run then does not wait for these imports.
    const { pyodide } = await ready;
    pyodide.pyimport("calculator.batch");
    return;
  }
  if (!message || message.type !== "bereken") return;
  let core;
  try {
    core = await ready;
  } catch {
    return; // already reported as status "fout"
  }
  const t0 = performance.now();
  // The page's local date is "today" for an answer without a peildatum (calculator/clock.py).
  const json = core.runJson(String(message.soort), JSON.stringify(message.invoer ?? {}), message.vandaag ?? null);
  post({ type: "resultaat", id: message.id, json, ms: performance.now() - t0 });
};
