"""Runs INSIDE Pyodide (under Node, at build time), driven by browser/precompile.mjs.

The host Python (3.11) cannot write bytecode for Pyodide's Python (3.14), so the
bytecode is made here, by the very interpreter that will load it in the browser.

It writes, under OUT (a Node directory mounted into the Pyodide file system):
- python_stdlib.zip: the standard library modules the site needs, as sourceless
  .pyc files (no .py), so the browser never compiles Python source at start-up;
- core/calculator/**.pyc: the indication core, compiled the same way;
and returns a summary (kept modules, modules the browser boots from).

Which stdlib modules are kept: everything Pyodide itself imports while booting,
everything the core imports while running sample cases, and the static import
closure of both (imports inside functions included), so that a lazy import on a
rarely used path still finds its module.

This file is not imported by the host; it is read as text and run by Pyodide.
"""

import ast
import importlib.util
import json
import marshal
import os
import sys
import types
import zipfile

STDLIB_ZIP = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"
# Fixed timestamps make the archives reproducible (same input, same bytes, same hash).
EPOCH = (1980, 1, 1, 0, 0, 0)
# Never worth shipping to a calculator page even if some import mentions them.
EXCLUDE_PREFIXES = (
    "_pyrepl",
    "idlelib",
    "tkinter",
    "turtledemo",
    "test",
    "unittest",
    "pydoc_data",
    "ensurepip",
    "venv",
    "lib2to3",
    "__phello__",
    "multiprocessing",
    "xmlrpc",
    "wsgiref",
    "sqlite3",
    # Reached only through the static closure (debuggers, docs, consoles, web clients
    # of their own): the core never calls them, and whatever Pyodide's boot really
    # imports is kept anyway. Keep this list short: a wrong entry breaks the site at run
    # time (precompile.mjs and the parity tests run the browser's exact path to catch it).
    "pdb",
    "bdb",
    "cmd",
    "pydoc",
    "doctest",
    "rlcompleter",
    "webbrowser",
    "ftplib",
    "netrc",
    "concurrent.futures.process",
    "concurrent.futures.interpreter",
    "concurrent.interpreters",
    "asyncio.windows_events",
    "asyncio.windows_utils",
    "asyncio.proactor_events",
    "encodings._win_cp_codecs",
)

# Pyodide's own packages keep their docstrings: its C core copies some of them onto the
# JavaScript proxy types while it boots.
KEEP_DOCSTRINGS = ("pyodide", "_pyodide")


def pyc_bytes(source: bytes, filename: str, slim: bool = False, docs: bool = False) -> bytes:
    """Unchecked hash-based pyc (PEP 552): valid without its source, never re-validated.

    optimize=0 on purpose: asserts and ``if __debug__`` blocks stay, so the code behaves
    as the tested source does. ``slim`` (the standard library, not the core) leaves out
    what only a reader of tracebacks and help() uses, about half the bytes a visitor
    downloads before Python can start: docstrings (``__doc__`` is None; kept with ``docs``),
    and per-line positions (every instruction reports its function's first line, see
    compact_lines).
    """
    if slim:
        tree = ast.parse(source, filename)
        if not docs:
            tree = without_docstrings(tree)
        code = compact_lines(compile(tree, filename, "exec", dont_inherit=True, optimize=0))
    else:
        code = compile(source, filename, "exec", dont_inherit=True, optimize=0)
    source_hash = importlib.util.source_hash(source)
    flags = (0b01).to_bytes(4, "little")  # hash-based, check_source = False
    return importlib.util.MAGIC_NUMBER + flags + source_hash + marshal.dumps(code)


def without_docstrings(tree: ast.Module) -> ast.Module:
    """Drop the docstring of the module and of every class and function in it."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            first = body[0] if body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                node.body = body[1:] or [ast.copy_location(ast.Pass(), first)]
    return tree


# A location-table entry (Python 3.11+, Objects/locations.md): 1 bit set, a 4-bit kind and
# the number of code units covered minus one; kind 13 is "line only, no columns",
# followed by the line's difference from the previous entry as a signed varint (0: one byte).
_SAME_LINE = bytes([0x80 | (13 << 3) | 7, 0])  # 8 code units on the same line


def compact_lines(code: types.CodeType) -> types.CodeType:
    """The code object (and the ones nested in it) with a location table that puts every
    instruction on the function's first line: a few bytes instead of one entry per
    instruction, and still a line number wherever Python or a traceback asks for one."""
    units = len(code.co_code) // 2
    table = _SAME_LINE * (units // 8)
    if units % 8:
        table += bytes([0x80 | (13 << 3) | (units % 8 - 1), 0])
    consts = tuple(compact_lines(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=table, co_consts=consts)


def frozen_modules(names: set[str]) -> set[str]:
    """The modules this interpreter always loads from its own binary (the frozen importer
    comes before the path finder), and the ones importlib names after a frozen module
    (importlib._bootstrap is _frozen_importlib): a .pyc of them would never be read."""
    import importlib.machinery

    def frozen(name: str) -> bool:
        if importlib.machinery.FrozenImporter.find_spec(name) is not None:
            return True
        spec = getattr(sys.modules.get(name), "__spec__", None)
        return getattr(spec, "origin", None) == "frozen"

    return {n for n in names if frozen(n)}


def stdlib_index(zf: zipfile.ZipFile) -> dict[str, str]:
    """Module name -> path inside the stdlib zip, for every .py in it."""
    index = {}
    for name in zf.namelist():
        if not name.endswith(".py"):
            continue
        mod = name[:-3].replace("/", ".")
        if mod.endswith(".__init__"):
            mod = mod[: -len(".__init__")]
        index[mod] = name
    return index


def imported_names(source: bytes, modname: str, is_package: bool) -> set[str]:
    """Every module name an import statement in this source could load."""
    names: set[str] = set()
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return names
    package = modname if is_package else modname.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                if node.level > 1:
                    base_parts = base_parts[: -(node.level - 1)]
                base = ".".join(base_parts)
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            names.add(target)
            # "from pkg import sub" may name a submodule.
            names.update(f"{target}.{alias.name}" for alias in node.names)
    # A dotted name also needs its parent packages.
    expanded = set()
    for name in names:
        parts = name.split(".")
        expanded.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return expanded


def excluded(mod: str) -> bool:
    return any(mod == p or mod.startswith(p + ".") for p in EXCLUDE_PREFIXES)


def closure(roots: set[str], zf: zipfile.ZipFile, index: dict[str, str]) -> set[str]:
    keep: set[str] = set()
    todo = [m for m in roots if m in index]
    while todo:
        mod = todo.pop()
        if mod in keep or excluded(mod):
            continue
        keep.add(mod)
        path = index[mod]
        for name in imported_names(zf.read(path), mod, path.endswith("__init__.py")):
            if name in index and name not in keep:
                todo.append(name)
    return keep


def write_zip(path: str, files: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, files[name])


def run_samples(samples_path: str) -> int:
    """Run sample cases through the core so its lazy imports show up in sys.modules."""
    if not os.path.exists(samples_path):
        return 0
    from calculator import api

    with open(samples_path, encoding="utf-8") as fh:
        samples = json.load(fh)
    for soort, invoer in samples:
        api.run_json(soort, json.dumps(invoer))
    return len(samples)


def main(src: str, out: str, samples_path: str) -> dict:
    zf = zipfile.ZipFile(STDLIB_ZIP)
    index = stdlib_index(zf)

    boot = {m for m in sys.modules if m in index}
    sys.path.insert(0, src)
    import calculator.api  # noqa: F401 - the browser's entry point must import

    n_samples = run_samples(samples_path)
    traced = {m for m in sys.modules if m in index}

    # Static roots from the core's own sources.
    core_files = {}
    core_roots: set[str] = set()
    pkg_dir = os.path.join(src, "calculator")
    for dirpath, dirnames, filenames in os.walk(pkg_dir):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for fn in sorted(filenames):
            if not fn.endswith(".py"):
                continue
            full = os.path.join(dirpath, fn)
            rel = os.path.relpath(full, src)
            mod = rel[:-3].replace(os.sep, ".").removesuffix(".__init__")
            with open(full, "rb") as fh:
                source = fh.read()
            core_roots |= imported_names(source, mod, fn == "__init__.py")
            core_files[rel] = source

    keep = closure(boot | traced | core_roots, zf, index)
    # Whatever booting actually imported is needed, exclusion list or not.
    keep |= boot | traced

    frozen = frozen_modules(keep)
    keep -= frozen
    stdlib_files = {}
    for mod in sorted(keep):
        path = index[mod]
        docs = mod.split(".")[0] in KEEP_DOCSTRINGS
        pyc = pyc_bytes(zf.read(path), f"{STDLIB_ZIP}/{path}", slim=True, docs=docs)
        stdlib_files[path[:-3] + ".pyc"] = pyc
    # Non-Python data files of kept packages (rare; e.g. encodings has none).
    kept_dirs = {os.path.dirname(index[m]) for m in keep if index[m].endswith("__init__.py")}
    for name in zf.namelist():
        if not name.endswith((".py", "/")) and os.path.dirname(name) in kept_dirs:
            stdlib_files[name] = zf.read(name)
    write_zip(os.path.join(out, "python_stdlib.zip"), stdlib_files)

    site_packages = f"/lib/python{sys.version_info[0]}.{sys.version_info[1]}/site-packages"
    core_count = 0
    for rel, source in core_files.items():
        target = os.path.join(out, "core", rel[:-3] + ".pyc")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as fh:
            fh.write(pyc_bytes(source, f"{site_packages}/{rel}"))
        core_count += 1

    return {
        "python": sys.version.split()[0],
        "magic": importlib.util.MAGIC_NUMBER.hex(),
        "stdlib_modules": sorted(keep),
        "stdlib_total_modules": len(index),
        "boot_modules": len(boot),
        "frozen_left_out": sorted(frozen),
        # Imported by booting and by the samples: the browser boots from an archive of just
        # these; the rest of the kept modules come when asked for.
        "hot_modules": sorted((boot | traced) - frozen),
        "samples_run": n_samples,
        "core_files": core_count,
    }
