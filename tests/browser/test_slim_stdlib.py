"""The slim standard library the browser boots from (browser/compile_in_pyodide.py): without
docstrings and per-line positions, and without the modules Python loads from its own binary.

Run on Pyodide under Node from the very archive the site ships (tests/browser/run_in_pyodide.mjs).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.browser.helpers import run_in_pyodide

# Every .pyc in the archive Python booted from (mounted at /lib/python3NN.zip) is imported and
# its module's origin read: a module Python takes from elsewhere (its frozen copy) shows here.
ORIGINS = """
import importlib, sys, zipfile
archive = next(p for p in sys.path if p.endswith('.zip') and 'stdlib-rest' not in p)
names = [n for n in zipfile.ZipFile(archive).namelist() if n.endswith('.pyc')]
wrong = []
for n in names:
    mod = n[:-4].replace('/', '.').removesuffix('.__init__')
    origin = str(getattr(importlib.import_module(mod).__spec__, 'origin', None))
    if not origin.startswith(archive + '/'):
        wrong.append(f'{mod}: {origin}')
antwoord = {'archive': archive, 'modules': len(names), 'wrong': wrong}
"""

# Every instruction of every code object in the archive maps to a line (a traceback, a warning
# or a debugger asks for one): the compact line table must cover the whole bytecode.
LINES = """
import marshal, sys, types, zipfile
archive = next(p for p in sys.path if p.endswith('.zip') and 'stdlib-rest' not in p)
zf = zipfile.ZipFile(archive)
gaps = []
count = 0
def walk(code, where):
    global count
    count += 1
    covered = 0
    for start, end, line in code.co_lines():
        if start != covered or line is None:
            gaps.append(f'{where}:{code.co_qualname} at {start}')
            return
        covered = end
    if covered != len(code.co_code):
        gaps.append(f'{where}:{code.co_qualname} ends at {covered} of {len(code.co_code)}')
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            walk(const, where)
for n in zf.namelist():
    if n.endswith('.pyc'):
        walk(marshal.loads(zf.read(n)[16:]), n)
antwoord = {'code_objects': count, 'gaps': gaps[:20]}
"""

# An error raised inside the standard library still gives a full traceback with line numbers.
TRACEBACK = """
import json, traceback
try:
    json.loads('{"uren": }')
except ValueError:
    antwoord = traceback.format_exc()
"""


@pytest.fixture(scope="module")
def answers(runtime_site: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    cases = [["__python__", ORIGINS], ["__python__", LINES], ["__python__", TRACEBACK]]
    return run_in_pyodide(runtime_site, cases, tmp_path_factory.mktemp("slim"))["answers"]


def _dict(text: str) -> dict:
    assert not text.startswith("FOUT"), text
    import ast

    return ast.literal_eval(text)


def test_every_module_in_the_start_archive_is_loaded_from_it(answers: list[str]) -> None:
    """No dead weight: Python imports each shipped module from the archive, none from its binary."""
    result = _dict(answers[0])
    assert result["modules"] > 50, result
    assert result["wrong"] == [], result["wrong"]


def test_every_instruction_of_the_shipped_stdlib_has_a_line(answers: list[str]) -> None:
    result = _dict(answers[1])
    assert result["code_objects"] > 1000, result
    assert result["gaps"] == [], result["gaps"]


def test_a_standard_library_error_keeps_its_traceback(answers: list[str]) -> None:
    """The same exception and message as CPython gives, raised in json/decoder.py, with a line."""
    try:
        json.loads('{"uren": }')
    except ValueError as exc:
        expected = f"json.decoder.JSONDecodeError: {exc}"
    text = answers[2]
    assert text.rstrip().splitlines()[-1] == expected
    assert re.search(r'File "[^"]*json/decoder\.py", line \d+, in raw_decode', text), text
