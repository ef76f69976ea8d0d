// Build-time step, run under Node by browser/package.py (which caches the output in
// .build/, keyed by the Pyodide version and a hash of every input, so this runs only
// when Pyodide, these scripts or the core's Python sources change; new content or
// tariffs never trigger it).
//
// 1. Boot Pyodide from node_modules and let it compile the standard library and the
//    indication core to .pyc (browser/compile_in_pyodide.py): the host Python (3.11)
//    cannot write bytecode for Pyodide's Python (3.14), and the browser should never
//    compile source while a visitor waits.
// 2. Boot again on that trimmed, precompiled stdlib, import the stdlib modules the core
//    needs, and take a memory snapshot: in the browser Pyodide then restores a booted
//    interpreter instead of initialising one (the largest part of a cold start).
// 3. Restore the snapshot once here, to fail the build rather than the visitor.
//
// usage: node browser/precompile.mjs --pyodide DIR --src DIR --out DIR [--samples FILE]
//   --src      folder that contains the `calculator` package
//   --samples  JSON list of [soort, invoer] run through calculator.api.run_json so the
//              core's lazy imports are traced (and kept in the trimmed stdlib)
import { readFileSync, writeFileSync, mkdirSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

function parseArgs(argv) {
  const args = { samples: "" };
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, "")] = argv[i + 1];
  for (const required of ["pyodide", "src", "out"]) {
    if (!args[required]) throw new Error(`missing --${required}`);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const here = dirname(fileURLToPath(import.meta.url));
const pyodideDir = realpathSync(resolve(args.pyodide)) + "/";
const out = resolve(args.out);
mkdirSync(out, { recursive: true });
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const quiet = { stdout: () => {}, stderr: (m) => console.error(m) };

// The browser loads no packages: an empty lock file spares it a 120 kB download.
const lockInfo = JSON.parse(readFileSync(join(pyodideDir, "pyodide-lock.json"), "utf8")).info;
const emptyLock = { info: lockInfo, packages: {} };

// What the worker runs after unpacking the core (package.py hands it the same file).
const AFTER_UNPACK = readFileSync(join(here, "after_unpack.py"), "utf8");

// Bytes made by Python, copied out to JS (the proxy is released at once).
function pyBytes(py, code) {
  const proxy = py.runPython(code);
  try {
    return proxy.toJs();
  } finally {
    proxy.destroy();
  }
}

function dummyZip(py) {
  return pyBytes(
    py,
    "import io, zipfile\n_b = io.BytesIO()\n" +
      "with zipfile.ZipFile(_b, 'w') as _z: _z.writestr('x/y.txt', 'y')\n_b.getvalue()",
  );
}

// The core archive as browser/package.py makes it (.pyc files plus the bundle).
function coreZip(py, coreDir, bundlePath) {
  py.mountNodeFS("/host_core", coreDir);
  py.FS.writeFile("/tmp/bundle.json", readFileSync(bundlePath));
  return pyBytes(
    py,
    "import io, os, zipfile\n_b = io.BytesIO()\nwith zipfile.ZipFile(_b, 'w') as _z:\n" +
      "    for _d, _, _fs in os.walk('/host_core'):\n        for _n in _fs:\n" +
      "            _p = os.path.join(_d, _n)\n            _z.write(_p, os.path.relpath(_p, '/host_core'))\n" +
      "    _z.write('/tmp/bundle.json', 'calculator/data/bundle.json')\n_b.getvalue()",
  );
}

// Snapshot file format "RKS1": magic, total length, page size, page count (u32 LE each),
// a bitmap of the pages that are not all zero, then those pages in order. Read back by
// site_overrides/assets/rekenhulp/worker.mjs (and the parity tests' runner).
const PAGE = 4096;
function sparse(bytes) {
  const n = Math.ceil(bytes.length / PAGE);
  const bitmap = new Uint8Array(Math.ceil(n / 8));
  const pages = [];
  for (let i = 0; i < n; i++) {
    const page = bytes.subarray(i * PAGE, Math.min((i + 1) * PAGE, bytes.length));
    if (page.some((b) => b !== 0)) {
      bitmap[i >> 3] |= 1 << (i & 7);
      pages.push(page);
    }
  }
  const header = new Uint8Array(16);
  header.set([0x52, 0x4b, 0x53, 0x31]); // "RKS1"
  const view = new DataView(header.buffer);
  view.setUint32(4, bytes.length, true);
  view.setUint32(8, PAGE, true);
  view.setUint32(12, n, true);
  return Buffer.concat([header, bitmap, ...pages]);
}

// The stdlib modules not in `loaded` (a comma-separated list), as a second archive.
// Run in the compile instance, so the snapshot instance's heap stays free of zip buffers.
const smallStdlib = (loaded) => `
import zipfile
_loaded = set(${JSON.stringify(loaded)}.split(","))
with zipfile.ZipFile("/host_out/python_stdlib.zip") as _src, zipfile.ZipFile("/host_out/python_stdlib_klein.zip", "w", zipfile.ZIP_DEFLATED) as _dst:
    for _info in _src.infolist():
        _mod = _info.filename[:-4].replace("/", ".") if _info.filename.endswith(".pyc") else None
        if _mod is not None and _mod.endswith(".__init__"):
            _mod = _mod[: -len(".__init__")]
        if _mod is None or _mod not in _loaded:
            _dst.writestr(_info, _src.read(_info.filename))
`;
// Forget every cached view of the stdlib archive (it is about to be replaced).
const FORGET_STDLIB = `
import sys, zipimport
_full = next(p for p in sys.path if p.endswith(".zip"))
zipimport._zip_directory_cache.clear()
for _key in [k for k in sys.path_importer_cache if k.startswith(_full)]:
    del sys.path_importer_cache[_key]
del _full, _key
`;

// --- 1. compile --------------------------------------------------------------------
const py = await loadPyodide({ indexURL: pyodideDir, ...quiet });
py.mountNodeFS("/host_src", resolve(args.src));
py.mountNodeFS("/host_out", out);
let samplesPath = "";
if (args.samples) {
  py.FS.mkdirTree("/host_samples");
  py.FS.writeFile("/host_samples/samples.json", readFileSync(resolve(args.samples)));
  samplesPath = "/host_samples/samples.json";
}
const ns = py.globals.get("dict")();
py.runPython(readFileSync(join(here, "compile_in_pyodide.py"), "utf8"), { globals: ns });
const manifest = ns
  .get("main")("/host_src", "/host_out", samplesPath)
  .toJs({ dict_converter: Object.fromEntries });

// --- 2. snapshot -------------------------------------------------------------------
const stdlibPath = join(out, "python_stdlib.zip");
const bootOptions = { indexURL: pyodideDir, stdLibURL: stdlibPath, lockFileContents: emptyLock, ...quiet };
const snapPy = await loadPyodide({ ...bootOptions, _makeSnapshot: true });
// Import now what the browser would otherwise import after restoring: the stdlib modules
// the core uses, and whatever unpackArchive imports (one dummy unpack). Only a Python
// literal goes in: a JS object handed to Python would be a reference the snapshot cannot
// carry. gc.collect() keeps garbage out of the snapshot.
snapPy.runPython(`import importlib\nfor _m in ${JSON.stringify(manifest.preimport)}:\n    importlib.import_module(_m)\n`);
snapPy.unpackArchive(dummyZip(snapPy), "zip", { extractDir: "/tmp/rekenhulp-dummy" });
// The core's code (not its data) goes into the snapshot too: importing it costs the
// browser ~150 ms (dataclasses compile code at import). Its .pyc files sit where the
// worker later unpacks the core archive, so module paths match and the bundle, which
// changes with the content, is still read from the archive at run time. This requires
// that importing the core computes nothing from the clock or the environment (the parity
// tests check that the date is not frozen).
snapPy.mountNodeFS("/host_core", join(out, "core"));
snapPy.runPython(
  "import shutil, site\nshutil.copytree('/host_core', site.getsitepackages()[0], dirs_exist_ok=True)\n" +
    "import calculator.api\n",
);
snapPy.FS.unmount("/host_core");
// Everything imported so far lives in the snapshot; the browser only needs the stdlib
// modules that are not, for imports on rare paths. Put that smaller archive in place of
// the full one now, with the import caches that describe the full one cleared, so the
// snapshot matches the file the browser will have. (The full archive stays for the
// worker's fallback: a normal boot without snapshot.)
const loaded = snapPy.runPython("import sys\n','.join(sorted(sys.modules))");
py.runPython(smallStdlib(loaded));
const stdlibInFs = snapPy.runPython("import sys\nnext(p for p in sys.path if p.endswith('.zip'))");
snapPy.FS.writeFile(stdlibInFs, readFileSync(join(out, "python_stdlib_klein.zip")));
snapPy.runPython(FORGET_STDLIB);
snapPy.runPython(
  "import shutil, gc, os, site\nshutil.rmtree('/tmp/rekenhulp-dummy')\n" +
    "shutil.rmtree(os.path.join(site.getsitepackages()[0], 'calculator'))\n" +
    "del shutil, os, site\ngc.collect()",
);
const snapshot = snapPy.makeMemorySnapshot();
// Sparse, then gzip; the worker gunzips (DecompressionStream) and puts the pages back.
// Two thirds of the ~30 MB are zero pages: leaving them out spares the browser inflating
// them, and a static host may not compress an unknown binary type by itself.
writeFileSync(join(out, "snapshot.bin.gz"), gzipSync(sparse(snapshot), { level: 6 }));

// --- 3. verify: the worker's exact path ---------------------------------------------
const restored = await loadPyodide({
  ...bootOptions,
  stdLibURL: join(out, "python_stdlib_klein.zip"),
  _loadSnapshot: snapshot,
});
restored.runPython("import sys\n_before = set(sys.modules)");
if (!restored.runPython("'calculator.api' in sys.modules")) throw new Error("core missing from the snapshot");
const core = coreZip(restored, join(out, "core"), join(resolve(args.src), "calculator", "data", "bundle.json"));
const sitePackages = restored.runPython("import site; site.getsitepackages()[0]");
restored.unpackArchive(core, "zip", { extractDir: sitePackages });
restored.runPython(AFTER_UNPACK);
const runJson = restored.pyimport("calculator.api").run_json;
const answer = JSON.parse(runJson("producten", "{}"));
if (!Array.isArray(answer.producten)) throw new Error(`core check failed: ${JSON.stringify(answer)}`);
for (const [soort, invoer] of args.samples ? JSON.parse(readFileSync(resolve(args.samples), "utf8")) : []) {
  // run_json never raises: a module missing from the small stdlib would show as a fout.
  const uit = runJson(soort, JSON.stringify(invoer));
  if (uit.includes("Error") && uit.includes("Er ging iets mis")) throw new Error(`sample ${soort} failed: ${uit}`);
}
manifest.imported_after_restore = restored
  .runPython("sorted(m for m in set(sys.modules) - _before if not m.startswith('calculator'))")
  .toJs();

manifest.snapshot_bytes = snapshot.length;
manifest.site_packages = sitePackages;
manifest.lock_info = lockInfo;
manifest.pyodide_version = JSON.parse(readFileSync(join(pyodideDir, "package.json"), "utf8")).version;
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 1));
console.log(
  `precompile: Python ${manifest.python}, ${manifest.stdlib_modules.length}/` +
    `${manifest.stdlib_total_modules} stdlib modules, ${manifest.core_files} core files, ` +
    `${manifest.samples_run} samples traced, snapshot ${(snapshot.length / 1e6).toFixed(1)} MB`,
);
