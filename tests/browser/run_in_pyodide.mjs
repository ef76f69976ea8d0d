// Parity runner: the indication core on Pyodide under Node, loaded from exactly the files
// the site ships (site/assets/rekenhulp/runtime.json names them) and booted the way the
// worker boots it: memory snapshot, trimmed precompiled stdlib, core archive unpacked with
// unpackArchive, then browser/after_unpack.py.
//
// usage: [PARITY_SHIFT_DAYS=N] node run_in_pyodide.mjs SITE_DIR CASES.json OUT.json
//   CASES.json: [[soort, invoer_json], ...]   OUT.json: [run_json answer, ...]
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

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


// The snapshot file (format "RKS1", see browser/precompile.mjs) into `out`.
function ontpak(bytes, out) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, false) !== 0x524b5331) throw new Error("unknown snapshot format");
  const total = view.getUint32(4, true);
  const page = view.getUint32(8, true);
  const n = view.getUint32(12, true);
  if (total !== out.length) throw new Error("snapshot size differs from runtime.json");
  const bitmap = bytes.subarray(16, 16 + Math.ceil(n / 8));
  let at = 16 + bitmap.length;
  for (let i = 0; i < n; i++) {
    if (bitmap[i >> 3] & (1 << (i & 7))) {
      const length = Math.min(page, total - i * page);
      out.set(bytes.subarray(at, at + length), i * page);
      at += length;
    }
  }
  return out;
}
// (A copy of the worker's ontpak(); the end-to-end tests cover the worker's own.)

const py = await loadPyodide({
  indexURL: pyodideDir + "/",
  stdLibURL: join(assets, config.stdlib),
  lockFileContents: config.lock,
  _loadSnapshot: ontpak(new Uint8Array(gunzipSync(readFileSync(join(assets, config.snapshot)))), new Uint8Array(config.snapshot_bytes)),
  stdout: () => {},
});
py.unpackArchive(new Uint8Array(readFileSync(join(assets, config.core))), "zip", {
  extractDir: config.site_packages,
});
py.runPython(config.after_unpack);
const runJson = py.pyimport("calculator.api").run_json;

const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const out = cases.map(([soort, invoer]) => runJson(soort, invoer));
const python = py.runPython("import sys; sys.version.split()[0]");
writeFileSync(outPath, JSON.stringify({ python, answers: out }));
