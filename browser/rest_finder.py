# Run inside Pyodide by the worker after the core is unpacked, when Python booted from the
# archive of the modules that booting and the core's sample cases import (browser/package.py,
# "stdlib_start"). The other kept standard-library modules are in a second archive
# ("stdlib_rest"), fetched only if an import asks for a module that is not there: this finder,
# last on sys.meta_path, then has the worker fetch it (a synchronous request, allowed in a
# worker; from the service worker's store when offline), puts it on sys.path and retries.
import importlib.machinery as _machinery
import sys as _sys


class _RestOfStdlib:
    """Loads the rest of the standard library on the first import that needs it."""

    geladen = False

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if cls.geladen or path is not None:  # only top-level names: submodules follow the parent
            return None
        cls.geladen = True
        import js  # Pyodide's bridge to the worker's globals

        zip_path = str(js.rekenhulpLaadRest())
        _sys.path.append(zip_path)
        _sys.meta_path.remove(cls)
        return _machinery.PathFinder.find_spec(name, None, target)

    @classmethod
    def invalidate_caches(cls):
        return None


_sys.meta_path.append(_RestOfStdlib)
