// Build-time step, run under Node by browser/package.py (which caches the output in
// .build/, keyed by the Pyodide version and a hash of every input, so this runs only
// when Pyodide, these scripts or the core's Python sources change; new content or
// tariffs never trigger it).
//
// 1. Boot Pyodide from node_modules and let it compile the standard library and the
//    indication core to .pyc (browser/compile_in_pyodide.py): the host Python (3.11)
//    cannot write bytecode for Pyodide's Python (3.14), and the browser should never
//    compile source while a visitor waits.
// 2. Boot again on that trimmed, precompiled stdlib, unpack the core as the worker does and
//    run the sample cases, to fail the build rather than the visitor.
//
// usage: node browser/precompile.mjs --pyodide DIR --src DIR --out DIR [--samples FILE]
//   --src      folder that contains the `calculator` package
//   --samples  JSON list of [soort, invoer] run through calculator.api.run_json so the
//              core's lazy imports are traced (and kept in the trimmed stdlib)
import { readFileSync, writeFileSync, mkdirSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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

// --- 2. verify: boot as the worker does, unpack the core, answer ----------------
const checked = await loadPyodide({
  indexURL: pyodideDir,
  stdLibURL: join(out, "python_stdlib.zip"),
  lockFileContents: emptyLock,
  ...quiet,
});
checked.runPython("import sys\n_before = set(sys.modules)");
// The bundle of this build (--bundle), which the build has not published yet; the source
// tree's copy only when none is given.
const bundlePath = args.bundle || join(resolve(args.src), "calculator", "data", "bundle.json");
const core = coreZip(checked, join(out, "core"), bundlePath);
const sitePackages = checked.runPython("import site; site.getsitepackages()[0]");
checked.unpackArchive(core, "zip", { extractDir: sitePackages });
checked.runPython(AFTER_UNPACK);
const runJson = checked.pyimport("calculator.api").run_json;
const answer = JSON.parse(runJson("producten", "{}"));
if (!Array.isArray(answer.producten)) throw new Error(`core check failed: ${JSON.stringify(answer)}`);
for (const [soort, invoer] of args.samples ? JSON.parse(readFileSync(resolve(args.samples), "utf8")) : []) {
  // run_json never raises: a module missing from the trimmed stdlib would show as a fout.
  const uit = runJson(soort, JSON.stringify(invoer));
  if (uit.includes("Error") && uit.includes("Er ging iets mis")) throw new Error(`sample ${soort} failed: ${uit}`);
}
manifest.imported_by_the_core = checked
  .runPython("sorted(m for m in set(sys.modules) - _before if not m.startswith('calculator'))")
  .toJs();

manifest.site_packages = sitePackages;
manifest.lock_info = lockInfo;
manifest.pyodide_version = JSON.parse(readFileSync(join(pyodideDir, "package.json"), "utf8")).version;
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 1));
console.log(
  `precompile: Python ${manifest.python}, ${manifest.stdlib_modules.length}/` +
    `${manifest.stdlib_total_modules} stdlib modules, ${manifest.core_files} core files, ` +
    `${manifest.samples_run} samples traced`,
);
