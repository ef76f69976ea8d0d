# Run inside Pyodide right after the core archive is unpacked into site-packages (by the
# worker, by browser/precompile.mjs and by the parity tests: one copy of this step).
# The memory snapshot carries the import system's cached listing of site-packages from
# before the core was there; forget just that directory's cache.
# (importlib.invalidate_caches() would also work but imports importlib.metadata.)
import site as _site
import sys as _sys

_finder = _sys.path_importer_cache.get(_site.getsitepackages()[0])
if _finder is not None:
    _finder.invalidate_caches()
del _finder, _site, _sys
