"""Put everything the rekenhulp needs in the browser under the built site.

`package_site` is called by build.py after `mkdocs build`. It writes, under
``site/assets/rekenhulp/``:

- ``runtime/pyodide-<version>/``: the three Pyodide runtime files the worker loads
  (``pyodide.mjs``, ``pyodide.asm.mjs``, ``pyodide.asm.wasm``), copied from the pinned
  npm package; nothing else of it (no lock file, no CDN fallback, no default stdlib);
- ``runtime/stdlib-start-<hash>.zip``: the stdlib modules booting and the core import, as .pyc;
- ``runtime/stdlib-rest-<hash>.zip``: the other kept stdlib modules, fetched only when an
  import asks for one (browser/rest_finder.py);
- ``runtime/core-<hash>.zip``: the indication core (.pyc) with the data bundle inside,
  unpacked by the worker with ``pyodide.unpackArchive`` (zips store their entries
  uncompressed: the host's brotli compresses the whole file much better);
- ``worker.mjs``: the module worker, with the names above written into it;
- ``runtime.json``: the same configuration, for the optional idle warm-up on other pages
  (``files``) and for the parity tests, which load exactly these files under Node;
- ``versie.json``: this build's runtime version (a hash of the runtime's file names, so of the
  core, the data and the stdlib), also written into every calculator page and the worker. An
  open page compares them and never mixes two builds' answers (python.js, offline.js).

Hashed names never change content, so a server may cache them for a year.

The .pyc files can only be made inside Pyodide (browser/precompile.mjs under Node,
~10 s). They depend on the Pyodide version, the build scripts and the
core's Python sources, not on the content, so they are cached in ``cache_dir`` under a
key of exactly those inputs; a content-only rebuild (new tariffs) never runs Node.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from browser.samples import sample_cases

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
CALCULATOR_DIR = ROOT / "calculator"
ASSETS_SRC = ROOT / "site_overrides" / "assets" / "rekenhulp"
# Only these Pyodide files reach the browser (the worker passes an empty lock file and its
# own stdlib, so pyodide-lock.json and python_stdlib.zip are not needed).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# Inputs of the Node step besides the core's sources: a change to any of them rebuilds.
BUILD_SCRIPTS = ("precompile.mjs", "compile_in_pyodide.py", "samples.py", "after_unpack.py")
# (rest_finder.py is only copied into the worker's configuration: not an input of the Node step.)
RUNTIME_MARKER = "/*@RUNTIME@*/null"
# In a calculator page's inline start script (site_overrides/main.html): the files it preloads.
EARLY_MARKER = "[] /*@VROEG@*/"
# ... and the runtime version it was built with (see versie.json above).
VERSION_MARKER = "null /*@VERSIE@*/"
CACHE_ENTRIES_KEPT = 3
EPOCH = (1980, 1, 1, 0, 0, 0)


def package_site(site_dir: Path, bundle_path: Path, cache_dir: Path) -> None:
    """Write the browser runtime of the rekenhulp into ``site_dir`` (see module docstring)."""
    site_dir, bundle_path, cache_dir = Path(site_dir), Path(bundle_path), Path(cache_dir)
    bundle_bytes = bundle_path.read_bytes()
    compiled = precompiled(cache_dir, json.loads(bundle_bytes))
    manifest = json.loads((compiled / "manifest.json").read_text(encoding="utf-8"))

    assets = site_dir / "assets" / "rekenhulp"
    runtime = assets / "runtime"
    if runtime.exists():
        shutil.rmtree(runtime)
    pyodide_out = runtime / f"pyodide-{manifest['pyodide_version']}"
    pyodide_out.mkdir(parents=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(PYODIDE_DIR / name, pyodide_out / name)

    files = {
        # Boot from the modules booting and the core really import, and
        # fetch the rest only if an import asks for it (browser/rest_finder.py).
        **{
            key: _hashed_copy(data, runtime, stem, ".zip")
            for key, stem, data in zip(
                ("stdlib_start", "stdlib_rest"),
                ("stdlib-start", "stdlib-rest"),
                split_stdlib((compiled / "python_stdlib.zip").read_bytes(), manifest["hot_modules"]),
                strict=True,
            )
        },
        "core": _hashed_copy(core_archive(compiled / "core", bundle_bytes), runtime, "core", ".zip"),
    }
    config: dict[str, Any] = {
        "pyodide": f"runtime/{pyodide_out.name}/",
        **{key: f"runtime/{name}" for key, name in files.items()},
        "lock": {"info": manifest["lock_info"], "packages": {}},
        "python": manifest["python"],
        "site_packages": manifest["site_packages"],
        "after_unpack": (ROOT / "browser" / "after_unpack.py").read_text(encoding="utf-8"),
        "rest_finder": (ROOT / "browser" / "rest_finder.py").read_text(encoding="utf-8"),
    }
    config["versie"] = runtime_version(config)
    assets.mkdir(parents=True, exist_ok=True)
    template = (ASSETS_SRC / "worker.mjs").read_text(encoding="utf-8")
    if RUNTIME_MARKER not in template:
        raise RuntimeError(f"{ASSETS_SRC / 'worker.mjs'} lacks the marker {RUNTIME_MARKER}")
    worker = template.replace(RUNTIME_MARKER, json.dumps(config, sort_keys=True), 1)
    (assets / "worker.mjs").write_text(worker, encoding="utf-8")
    warm = [config["pyodide"] + n for n in PYODIDE_FILES]
    needed = ("stdlib_start", "core")
    # The page preloads the big files Python cannot boot without (see site_overrides/main.html).
    early = [config["pyodide"] + "pyodide.asm.wasm"] + [config[k] for k in needed if k != "core"]
    mark_pages(site_dir, early, config["versie"])
    (assets / "versie.json").write_text(json.dumps({"versie": config["versie"]}), encoding="utf-8")
    warm += [config[k] for k in needed]
    # "later": fetched only when an import asks for it (counted in the whole runtime's size).
    later = [config["stdlib_rest"]]
    (assets / "runtime.json").write_text(
        json.dumps({"files": warm, "later": later, "config": config}, indent=1, sort_keys=True),
        encoding="utf-8",
    )


def runtime_version(config: dict[str, Any]) -> str:
    """The runtime's version: a hash of its hashed file names (Pyodide, stdlib, core with the data)."""
    names = [config[key] for key in ("pyodide", "stdlib_start", "stdlib_rest", "core")]
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:12]


def mark_pages(site_dir: Path, early: list[str], version: str) -> None:
    """Write the runtime files to preload (paths under assets/rekenhulp/) and the runtime version
    into every page that starts the worker."""
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if EARLY_MARKER in html:
            html = html.replace(EARLY_MARKER, json.dumps(early), 1)
            page.write_text(html.replace(VERSION_MARKER, json.dumps(version), 1), encoding="utf-8")


def core_archive(core_dir: Path, bundle_bytes: bytes) -> bytes:
    """The core's .pyc files plus ``calculator/data/bundle.json``, as a reproducible zip."""
    buf = io.BytesIO()
    entries = {p.relative_to(core_dir).as_posix(): p.read_bytes() for p in sorted(core_dir.rglob("*.pyc"))}
    entries["calculator/data/bundle.json"] = bundle_bytes
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, EPOCH)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            zf.writestr(info, entries[name])
    return buf.getvalue()


def split_stdlib(archive: bytes, hot: list[str]) -> tuple[bytes, bytes]:
    """The stdlib archive as two stored zips: the modules in ``hot`` (with their packages'
    data files), and the rest."""
    hot_set = set(hot)
    parts: tuple[io.BytesIO, io.BytesIO] = (io.BytesIO(), io.BytesIO())
    with zipfile.ZipFile(io.BytesIO(archive)) as src:
        outs = [zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) for buf in parts]
        for info in src.infolist():
            name = info.filename
            module = name[: -len(".pyc")].replace("/", ".") if name.endswith(".pyc") else ""
            module = module.removesuffix(".__init__")
            package = name.rsplit("/", 1)[0].replace("/", ".") if "/" in name else ""
            is_hot = module in hot_set if module else package in hot_set
            copy = zipfile.ZipInfo(name, info.date_time)
            copy.external_attr = info.external_attr
            copy.compress_type = zipfile.ZIP_STORED
            outs[0 if is_hot else 1].writestr(copy, src.read(info))
        for out in outs:
            out.close()
    return parts[0].getvalue(), parts[1].getvalue()


def precompiled(cache_dir: Path, bundle: dict[str, Any]) -> Path:
    """The cache entry for the current inputs, made by browser/precompile.mjs if missing."""
    version = json.loads((PYODIDE_DIR / "package.json").read_text(encoding="utf-8"))["version"]
    entry = cache_dir / "pyodide" / f"{version}-{cache_key(version)}"
    if (entry / "manifest.json").exists():
        return entry
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is nodig om de rekenhulp te bouwen (browser/precompile.mjs)")
    entry.parent.mkdir(parents=True, exist_ok=True)
    # Build next to the entry and rename at the end: a concurrent or interrupted build
    # never leaves a half-written entry behind.
    work = Path(tempfile.mkdtemp(prefix="tmp-", dir=entry.parent))
    try:
        samples = work / "samples.json"
        samples.write_text(json.dumps(sample_cases(bundle)), encoding="utf-8")
        # This build's bundle: the published one (calculator/data/) is swapped in only after
        # every step passed, and a fresh clone has none yet.
        bundle_file = work / "bundle.json"
        bundle_file.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
        out = work / "out"
        subprocess.run(
            [
                node,
                str(ROOT / "browser" / "precompile.mjs"),
                "--pyodide", str(PYODIDE_DIR),
                "--src", str(ROOT),
                "--out", str(out),
                "--samples", str(samples),
                "--bundle", str(bundle_file),
            ],
            check=True,
        )  # fmt: skip
        try:
            os.replace(out, entry)
        except OSError:
            if not (entry / "manifest.json").exists():  # lost a race: the other build won
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _prune(entry.parent, keep=entry)
    return entry


def cache_key(version: str) -> str:
    """Hash of everything the Node step reads, except the content (see module docstring)."""
    h = hashlib.sha256(version.encode())
    for name in BUILD_SCRIPTS:
        h.update(name.encode() + b"\0" + (ROOT / "browser" / name).read_bytes())
    for path in sorted(CALCULATOR_DIR.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _hashed_copy(data: bytes, folder: Path, stem: str, suffix: str) -> str:
    name = f"{stem}-{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
    (folder / name).write_bytes(data)
    return name


def _prune(folder: Path, keep: Path) -> None:
    """Keep the newest few cache entries (switching branches back and forth stays fast)."""
    entries = sorted(
        (p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("tmp-")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in entries[CACHE_ENTRIES_KEPT:]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)
