# Run inside Pyodide by the worker after the core is unpacked, when Python booted from the
# archive of the modules that booting and the core's sample cases import (browser/package.py,
# "stdlib_start"). The other kept standard-library modules are in a second archive
# ("stdlib_rest"), fetched only if an import asks for a module that is not there: this finder,
# last on sys.meta_path, then has the worker fetch it (a synchronous request, allowed in a
# worker; from the service worker's store when offline), puts it on sys.path and retries.
#
# A module of a package that booted from the start archive (encodings.cp1252 beside
# encodings.utf_8, the herindicatie page's Windows files) is looked up in the package's
# __path__, not in sys.path: so every such package also gets its folder in the rest archive
# on its __path__, and the submodule is found there.
import importlib.machinery as _machinery
import sys as _sys


class _RestOfStdlib:
    """Loads the rest of the standard library on the first import that needs it."""

    rest = None  # the rest archive's path, once loaded
    mappen = frozenset()  # its package folders ("encodings", "email/mime")

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if cls.rest is None:
            if path is not None and not _uit_stdlib(path):
                return None  # a submodule of the core or of Pyodide: never in the rest archive
            import zipfile

            import js  # Pyodide's bridge to the worker's globals

            cls.rest = str(js.rekenhulpLaadRest())
            with zipfile.ZipFile(cls.rest) as zf:
                cls.mappen = frozenset(n.rpartition("/")[0] for n in zf.namelist() if "/" in n)
            _sys.path.append(cls.rest)
            if path is None:
                return _machinery.PathFinder.find_spec(name, None, target)
        if path is None:
            return None  # sys.path, the rest archive included, has been searched
        # A submodule: its package may have booted from the start archive, with a __path__
        # that does not reach the rest archive's folder of the same package.
        ouder, _, _ = name.rpartition(".")
        map_ = ouder.replace(".", "/")
        pad = getattr(_sys.modules.get(ouder), "__path__", None)
        extra = f"{cls.rest}/{map_}"
        if map_ not in cls.mappen or not isinstance(pad, list) or extra in pad:
            return None
        pad.append(extra)
        return _machinery.PathFinder.find_spec(name, pad, target)

    @classmethod
    def invalidate_caches(cls):
        return None


def _uit_stdlib(path):
    """Whether a package's __path__ lies in the standard library's start archive."""
    return any(".zip/" in str(p) and "stdlib-rest" not in str(p) for p in path)


_sys.meta_path.append(_RestOfStdlib)
