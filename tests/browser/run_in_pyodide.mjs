// Parity runner: the indication core on Pyodide under Node, loaded from exactly the files
// the site ships (site/assets/rekenhulp/runtime.json names them) and booted the way the
// worker boots it: memory snapshot (if the build uses one) or a normal boot from the trimmed
// precompiled stdlib, core archive unpacked with unpackArchive, then browser/after_unpack.py.
//
// usage: [PARITY_SHIFT_DAYS=N] [PARITY_SNAPSHOT=1] node run_in_pyodide.mjs SITE_DIR CASES.json OUT.json
//   CASES.json: [[soort, invoer_json], ...]   OUT.json: [run_json answer, ...]
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [siteDir, casesPath, outPath] = process.argv.slice(2);
// PARITY_SHIFT_DAYS moves the clock, to prove nothing in the snapshot froze the date.
const shift = Number(process.env.PARITY_SHIFT_DAYS || 0) * 86_400_000;
if (shift) {
  const realNow = Date.now;
  Date.now = () => realNow.call(Date) + shift;
}
const assets = join(resolve(siteDir), "assets", "rekenhulp");
const { config } = JSON.parse(readFileSync(join(assets, "runtime.json"), "utf8"));
const pyodideDir = join(assets, config.pyodide);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);


// As the worker: restore the memory snapshot when the build uses one (decoded by the site's
// own ontpak.mjs, the one copy), else boot from the whole trimmed stdlib.
// PARITY_SNAPSHOT=1 tests the snapshot file even when the build leaves it out of the worker.
const snapshot = config.snapshot || (process.env.PARITY_SNAPSHOT === "1" ? config.snapshot_file : null);
const options = { indexURL: pyodideDir + "/", lockFileContents: config.lock, stdout: () => {} };
if (snapshot) {
  const { ontpak } = await import(pathToFileURL(join(assets, "ontpak.mjs")).href);
  options.stdLibURL = join(assets, config.stdlib);
  options._loadSnapshot = ontpak(new Uint8Array(readFileSync(join(assets, snapshot))), new Uint8Array(config.snapshot_bytes));
} else {
  options.stdLibURL = join(assets, config.stdlib_volledig);
}
const py = await loadPyodide(options);
py.unpackArchive(new Uint8Array(readFileSync(join(assets, config.core))), "zip", {
  extractDir: config.site_packages,
});
py.runPython(config.after_unpack);
const runJson = py.pyimport("calculator.api").run_json;

const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const out = cases.map(([soort, invoer]) => runJson(soort, invoer));
const python = py.runPython("import sys; sys.version.split()[0]");
writeFileSync(outPath, JSON.stringify({ python, answers: out }));
