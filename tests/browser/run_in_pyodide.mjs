// Parity runner: the indication core on Pyodide under Node, loaded from exactly the files
// the site ships (site/assets/rekenhulp/runtime.json names them) and booted the way the
// worker boots it: from the start archive of the trimmed precompiled stdlib, core archive
// unpacked with unpackArchive, then browser/after_unpack.py.
//
// usage: [PARITY_REST=1] node run_in_pyodide.mjs SITE_DIR CASES.json OUT.json
//   CASES.json: [[soort, invoer_json], ...]   OUT.json: [run_json answer, ...]
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [siteDir, casesPath, outPath] = process.argv.slice(2);
const assets = join(resolve(siteDir), "assets", "rekenhulp");
const { config } = JSON.parse(readFileSync(join(assets, "runtime.json"), "utf8"));
const pyodideDir = join(assets, config.pyodide);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);

const options = {
  indexURL: pyodideDir + "/",
  lockFileContents: config.lock,
  stdLibURL: join(assets, config.stdlib_start),
  stdout: () => {},
};
const py = await loadPyodide(options);
py.unpackArchive(new Uint8Array(readFileSync(join(assets, config.core))), "zip", {
  extractDir: config.site_packages,
});
py.runPython(config.after_unpack);
// PARITY_REST=1: also the worker's loader of the rest of the stdlib (browser/rest_finder.py);
// without it, the cases prove that the start archive alone holds everything they import.
if (process.env.PARITY_REST === "1") {
  globalThis.rekenhulpLaadRest = () => {
    py.FS.writeFile("/lib/stdlib-rest.zip", new Uint8Array(readFileSync(join(assets, config.stdlib_rest))));
    return "/lib/stdlib-rest.zip";
  };
  py.runPython(config.rest_finder);
}
const runJson = py.pyimport("calculator.api").run_json;
// "Today" as on CPython (calculator/clock.py): the suite's SOURCE_DATE_EPOCH, passed as the page passes its date.
const epoch = process.env.SOURCE_DATE_EPOCH;
const vandaag = epoch ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10) : null;

const cases = JSON.parse(readFileSync(casesPath, "utf8"));
// ["__import__", name] imports a module and answers its file (for the rest finder's test);
// ["__python__", code] runs code and answers str(antwoord) (for the slim stdlib's tests).
const importeer = py.runPython("import importlib\nlambda n: str(importlib.import_module(n).__spec__.origin)");
const voerUit = py.runPython("def _voer_uit(code):\n    ns = {}\n    exec(code, ns)\n    return str(ns['antwoord'])\n_voer_uit");
// A Python exception becomes the answer "FOUT <type>: <message>" (run_json itself never raises;
// a failed import does), so the test shows it instead of Node's dump of the whole runtime.
const out = cases.map(([soort, invoer]) => {
  try {
    if (soort === "__import__") return importeer(invoer);
    if (soort === "__python__") return voerUit(invoer);
    return runJson(soort, invoer, vandaag);
  } catch (error) {
    const regels = String(error.message).split("\n").filter(Boolean);
    return `FOUT ${error.type || error.name}: ${regels.find((r) => r.startsWith(error.type)) || regels.pop()}`;
  }
});
const python = py.runPython("import sys; sys.version.split()[0]");
writeFileSync(outPath, JSON.stringify({ python, answers: out }));
