"""A small, deterministic .xlsx writer (standard library only: an xlsx is a zip of XML parts).

The same bytes on CPython and on Pyodide for the same rows: fixed timestamps, fixed part order,
inline strings (no shared-string table to order), zlib's default compression level. A cell is text unless it
is a number (`int` or `Decimal`); codes such as ``"01"`` therefore stay text. Rows are streamed
into the zip, so a sheet of 100,000 rows is never held whole.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from decimal import Decimal
from typing import BinaryIO
from xml.sax.saxutils import escape

TIJD = (1980, 1, 1, 0, 0, 0)  # the zip format's earliest date: the same bytes on every run
ONGELDIG_XML = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r")  # XML 1.0 forbids the rest
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def _kolom(n: int) -> str:
    """Column letters of the 0-based column ``n`` (0 -> A, 26 -> AA)."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _cel(ref: str, waarde: object) -> str:
    if isinstance(waarde, bool):
        waarde = "ja" if waarde else "nee"
    if isinstance(waarde, int | Decimal):
        return f'<c r="{ref}"><v>{waarde}</v></c>'
    tekst = str(waarde)
    if not tekst:
        return ""
    tekst = escape(tekst.translate(ONGELDIG_XML))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{tekst}</t></is></c>'


def _blad(rijen: Iterable[list[object]]) -> Iterable[str]:
    yield f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}"><sheetData>'
    for r, rij in enumerate(rijen, start=1):
        cellen = "".join(_cel(f"{_kolom(c)}{r}", w) for c, w in enumerate(rij))
        yield f'<row r="{r}">{cellen}</row>'
    yield "</sheetData></worksheet>"


def _vast(naam: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(naam, date_time=TIJD)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def schrijf(doel: BinaryIO, bladen: list[tuple[str, Iterable[list[object]]]]) -> None:
    """Write a workbook with ``bladen`` (sheet name, rows) to the binary stream ``doel``."""
    namen = [naam for naam, _ in bladen]
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(namen) + 1)
    )
    delen = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{types}</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
            + "".join(
                f'<sheet name="{escape(naam)}" sheetId="{i}" r:id="rId{i}"/>'
                for i, naam in enumerate(namen, start=1)
            )
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_REL}">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, len(namen) + 1)
            )
            + f'<Relationship Id="rId{len(namen) + 1}" Type="{REL}/styles" Target="styles.xml"/>'
            + "</Relationships>"
        ),
        "xl/styles.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<styleSheet xmlns="{NS}">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
            "</styleSheet>"
        ),
    }
    with zipfile.ZipFile(doel, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for naam, tekst in delen.items():
            z.writestr(_vast(naam), tekst.encode())
        for i, (_, rijen) in enumerate(bladen, start=1):
            with z.open(_vast(f"xl/worksheets/sheet{i}.xml"), "w", force_zip64=True) as uit:
                deel: list[str] = []
                for stuk in _blad(rijen):
                    deel.append(stuk)
                    if len(deel) >= 500:
                        uit.write("".join(deel).encode())
                        deel.clear()
                uit.write("".join(deel).encode())
