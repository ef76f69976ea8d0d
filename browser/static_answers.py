"""Answers computed at build time for the rekenhulp pages whose input space is finite.

A page whose every form is enumerable (browser/form_space.py) gets a table of every answer,
computed with the same ``calculator`` package the browser runs (``api.run_json``, the same
bytes as on Pyodide; tests/browser proves it for every entry). The page shows the answer
from the table at once and never needs Python; anything not in the table (a date outside
the table's periods, a crafted share link) goes to the live core as before (python.js).

Dates: an answer depends on the peildatum (default today), and it echoes it. Between two
dates on which any value of the bundle changes (or a year starts), the answers differ only in
that echo; so the table holds, per period, one template per answer with the peildatum left open, and the page
fills in today. The build checks that claim for every answer (the answer on two days of the
period, with and without an explicit peildatum, must match the template) and leaves a
period out where it does not hold. Two periods are computed: the one around the build date
and the next one, so a build made in December still answers statically in January.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from browser import form_space

MARKER = "null /*@VOORAF@*/"
PLACEHOLDER = "@PEILDATUM@"
FOLDER = Path("assets") / "rekenhulp" / "antwoorden"
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# About this much JSON per part of a table (a phone parses one part before the first answer).
PART_BYTES = 1_000_000


def change_dates(bundle: Any) -> list[str]:
    """Every ISO day in the bundle: the only days on which an answer can change."""
    found: set[str] = set()
    stack = [bundle]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and ISO_DAY.match(item):
            found.add(item)
    return sorted(found)


def periods(bundle: Any, today: dt.date, count: int = 2) -> list[tuple[str | None, str | None]]:
    """``count`` periods [van, tot) from the one holding ``today`` (None: open-ended).

    An answer can also change on 1 January: its waarschuwingen name the year for which the
    sources have no amounts yet (calculator/waarschuwingen.py), so each year starts a period."""
    years = {f"{today.year + i}-01-01" for i in range(count + 1)}
    points = sorted(set(change_dates(bundle)) | years)
    day = today.isoformat()
    van = max((p for p in points if p <= day), default=None)
    later = [p for p in points if p > day]
    out: list[tuple[str | None, str | None]] = []
    for i in range(count):
        tot = later[i] if i < len(later) else None
        out.append((van, tot))
        if tot is None:
            break
        van = tot
    return out


def _days_in(van: str | None, tot: str | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """Two different days of the period (one if it has only one), the first one used first."""
    first = max(today, dt.date.fromisoformat(van)) if van else today
    last = dt.date.fromisoformat(tot) - dt.timedelta(days=1) if tot else first + dt.timedelta(days=400)
    return first, last


def table_for(
    soort: str, invoeren: list[dict[str, Any]], bundle: Any, today: dt.date, run_json: Any
) -> dict[str, Any]:
    """The answer table of one form: {soort, datum, perioden: [{van, tot, antwoorden}], uitkomsten}."""
    templates: dict[str, int] = {}
    uitkomsten: list[str] = []
    perioden: list[dict[str, Any]] = []
    for van, tot in periods(bundle, today):
        first, other = _days_in(van, tot, today)
        antwoorden: dict[str, int] = {}
        for invoer in invoeren:
            template = _template(soort, invoer, first, other, today, run_json)
            if template is None:
                antwoorden = {}
                break  # the period does not behave as assumed: leave it to the live core
            antwoorden[form_space.key(invoer)] = templates.setdefault(template, len(templates))
            if templates[template] == len(uitkomsten):
                uitkomsten.append(template)
        if antwoorden:
            perioden.append({"van": van, "tot": tot, "antwoorden": antwoorden})
    return {"soort": soort, "datum": PLACEHOLDER, "perioden": perioden, "uitkomsten": uitkomsten}


def _template(
    soort: str, invoer: dict[str, Any], first: dt.date, other: dt.date, today: dt.date, run_json: Any
) -> str | None:
    def answer(day: dt.date | None) -> str:
        asked = invoer if day is None else {**invoer, "peildatum": day.isoformat()}
        return run_json(soort, json.dumps(asked), today.isoformat())

    def open_date(text: str, day: dt.date) -> str:
        return text.replace(f'"peildatum": "{day.isoformat()}"', f'"peildatum": "{PLACEHOLDER}"')

    at_first = answer(first)
    template = open_date(at_first, first)
    if other != first and open_date(answer(other), other) != template:
        return None
    # The live page sends no peildatum: the default (today) must give the same bytes.
    if first == today and answer(None) != at_first:
        return None
    return template


def _cache_key(bundle_bytes: bytes, page_html: str, today: dt.date, bundle: Any) -> str:
    """Everything a page's table depends on: the bundle, the page (its forms), the core's and
    this module's code, and the day (the periods around it)."""
    h = hashlib.sha256(bundle_bytes)
    h.update(page_html.encode())
    h.update(today.isoformat().encode())
    here = Path(__file__).resolve().parent
    for path in sorted([*(here.parent / "calculator").rglob("*.py"), here / "form_space.py", Path(__file__)]):
        h.update(path.read_bytes())
    return h.hexdigest()[:24]


def build(
    site: Path, bundle_path: Path, today: dt.date | None = None, cache: Path | None = None
) -> list[Path]:
    """Write the tables and point each page at its table; returns the pages given one.
    With ``cache`` (a folder), a table computed before for the same inputs is reused."""
    from calculator import clock, data

    bundle_bytes = bundle_path.read_bytes()
    bundle = json.loads(bundle_bytes)
    data.gebruik(bundle)
    today = today or clock.today()
    done: list[Path] = []
    for page in sorted((site / "rekenhulp").rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if MARKER not in html:
            continue
        cached = None
        if cache is not None:
            cached = cache / "antwoorden" / f"{_cache_key(bundle_bytes, html, today, bundle)}.json"
        if cached is not None and cached.exists():
            parts = json.loads(cached.read_text(encoding="utf-8"))
        else:
            tables = page_tables(html, bundle, today)
            parts = split(tables) if tables else []
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps(parts), encoding="utf-8")
        if not parts:
            continue  # a form with open-ended fields (or no period to fill): the live core answers
        digest = hashlib.sha256("".join(parts).encode()).hexdigest()[:12]
        stem = f"{page.parent.name}-{digest}-"
        (site / FOLDER).mkdir(parents=True, exist_ok=True)
        for i, body in enumerate(parts):
            (site / FOLDER / f"{stem}{i}.json").write_text(body, encoding="utf-8")
        basis = os.path.relpath(site / FOLDER / stem, page.parent).replace(os.sep, "/")
        # The part holding the page's first answer (the form as it loads) is fetched at once.
        first = [part_of(soort, form_space.key(invoer), len(parts)) for soort, invoer in initial(html)]
        marker = {"basis": basis, "delen": len(parts), "eerst": first[0] if first else 0}
        page.write_text(html.replace(MARKER, json.dumps(marker), 1), encoding="utf-8")
        done.append(page)
    return done


def page_tables(html: str, bundle: Any, today: dt.date) -> dict[str, Any]:
    """The answer table per soort of a page, or {} when not every form is enumerable."""
    from calculator import api

    found = form_space.forms(html)
    tables: dict[str, Any] = {}
    for form, _form_id, soort in found:
        invoeren = form_space.inputs(form) if form is not None else None
        if invoeren is None:
            return {}
        tables[soort] = table_for(soort, invoeren, bundle, today, api.run_json)
    if not any(t["perioden"] for t in tables.values()):
        return {}
    return tables


def initial(html: str) -> list[tuple[str, dict[str, Any]]]:
    """(soort, input) of every form as the page loads."""
    return [(soort, form_space.initial_input(f)) for f, _, soort in form_space.forms(html) if f is not None]


def part_of(soort: str, key: str, parts: int) -> int:
    """Which part holds an answer: FNV-1a (32 bit) of "soort key" in UTF-8, modulo the number
    of parts; python.js computes the same."""
    h = 0x811C9DC5
    for byte in f"{soort} {key}".encode():
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h % parts


def split(tables: dict[str, Any], max_bytes: int = PART_BYTES) -> list[str]:
    """The tables as JSON texts of about ``max_bytes`` each (the page parses only the part it
    needs first, then the others when idle); each part has the tables' own shape."""
    whole = sum(len(u) for t in tables.values() for u in t["uitkomsten"])
    parts = max(1, -(-whole // max_bytes))
    out = []
    for i in range(parts):
        soorten: dict[str, Any] = {}
        for soort, t in tables.items():
            index: dict[int, int] = {}
            perioden = []
            for p in t["perioden"]:
                antwoorden = {}
                for key, j in p["antwoorden"].items():
                    if part_of(soort, key, parts) == i:
                        antwoorden[key] = index.setdefault(j, len(index))
                perioden.append({**p, "antwoorden": antwoorden})
            uitkomsten = [t["uitkomsten"][j] for j in sorted(index, key=index.__getitem__)]
            soorten[soort] = {**t, "perioden": perioden, "uitkomsten": uitkomsten}
        body = json.dumps({"soorten": soorten}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        out.append(body)
    return out
