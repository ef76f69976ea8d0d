# Run inside Pyodide right after the core archive is unpacked into site-packages (by the
# worker, by browser/precompile.mjs and by the parity tests: one copy of this step).
# The import system may hold cached directory listings of site-packages from the boot
# (a directory's mtime has a coarse clock); forget those, so the files just unpacked are seen.
# (importlib.invalidate_caches() would also work but imports importlib.metadata.)
import site as _site
import sys as _sys

_root = _site.getsitepackages()[0]
for _path, _finder in list(_sys.path_importer_cache.items()):
    if _finder is not None and str(_path).startswith(_root):
        _finder.invalidate_caches()
del _root, _path, _finder, _site, _sys
