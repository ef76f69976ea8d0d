"""The .xlsx beside each CSV download (openpyxl): one sheet for the table, one with the sources.

Excel keeps what a cell holds: codes are text (leading zero kept), amounts numbers in euro format,
dates real dates; the header row stays in view while scrolling.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from catalogue.tabellen import Tabel

EURO = '"€"\\ #,##0.00'  # the euro sign, a space, thousands and two decimals; Excel shows it in Dutch style
DATUM = "DD-MM-YYYY"
TEKST = "@"
# Every file gets the same fixed timestamp: the downloads change only when their content does.
VAST = dt.datetime(2000, 1, 1)


def _blad(wb: Workbook, tabel: Tabel, first: bool) -> None:
    ws = wb.active if first else wb.create_sheet()
    ws.title = tabel.naam[:31]
    ws.append([naam for naam, _ in tabel.kolommen])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for row in tabel.rijen:
        ws.append([_waarde(v, soort) for v, (_, soort) in zip(row, tabel.kolommen, strict=True)])
    for col, (_, soort) in enumerate(tabel.kolommen, start=1):
        fmt = {"code": TEKST, "bedrag": EURO, "datum": DATUM}.get(soort)
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            if fmt and (soort == "code" or not isinstance(cell.value, str)):
                cell.number_format = fmt
        ws.column_dimensions[cell.column_letter].width = 14 if soort != "tekst" else 40


def _waarde(value: object, soort: str) -> object:
    if value is None:
        return None
    if soort == "code":
        return str(value)
    if isinstance(value, Decimal):
        # A number Excel can add up; exact to the cent in these tables (two decimals at most).
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value
    return value


def werkboek(tabel: Tabel, bronnen: Tabel) -> bytes:
    wb = Workbook()
    _blad(wb, tabel, True)
    _blad(wb, bronnen, False)
    wb.properties.created = VAST
    wb.properties.modified = VAST
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
