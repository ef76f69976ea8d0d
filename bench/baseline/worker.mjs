// Baseline worker: boot the UNMODIFIED Pyodide from the npm package (served by the benchmark
// under /_bench/pyodide/) with every default, i.e. the full python_stdlib.zip, and run 1+1.
const PYODIDE = new URL("../pyodide/", import.meta.url).href;

try {
  const { loadPyodide } = await import(PYODIDE + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL: PYODIDE });
  postMessage({ result: String(pyodide.runPython("1+1")) });
} catch (err) {
  postMessage({ error: String(err && err.stack ? err.stack : err) });
}
