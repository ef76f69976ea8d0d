"""The .xlsx beside each CSV keeps what a cell holds, and the staff demands reach the downloads.

Expected values come from the sources (003, Bijlage 11) and from the product files, never from
the code that wrote the files.
"""

from __future__ import annotations

import datetime as dt
import json

import yaml
from openpyxl import load_workbook


def _rows(ws):
    header = [c.value for c in ws[1]]
    return header, [dict(zip(header, row, strict=True)) for row in ws.iter_rows(min_row=2)]


def test_codes_are_text_amounts_euro_numbers_dates_dates(built_site):
    wb = load_workbook(built_site / "downloads" / "tarieven.xlsx")
    assert wb.sheetnames == ["tarieven", "bronnen"]
    ws = wb["tarieven"]
    assert ws.freeze_panes == "A2"
    _, rows = _rows(ws)
    # 003, Bijlage 11: begeleiding stabilisatie midden, professional, € 1.297,21 a month from 1-1-2026.
    hit = next(
        r
        for r in rows
        if r["tabel"].value == "pgb-begeleiding-professioneel"
        and r["product"].value == "begeleiding-stabilisatie-midden"
    )
    assert hit["bedrag"].data_type == "n" and round(hit["bedrag"].value, 2) == 1297.21
    assert "€" in hit["bedrag"].number_format and "0.00" in hit["bedrag"].number_format
    assert hit["peildatum"].is_date and hit["peildatum"].value.date() == dt.date(2026, 1, 1)

    wb = load_workbook(built_site / "downloads" / "producten.xlsx")
    _, rows = _rows(wb["producten"])
    begeleiding = next(r for r in rows if r["id"].value == "begeleiding-stabilisatie-midden")
    assert begeleiding["iwmo_productcategorie"].value == "02"
    assert begeleiding["iwmo_productcategorie"].data_type == "s"
    assert begeleiding["iwmo_productcategorie"].number_format == "@"
    assert begeleiding["iwmo_productcategorie_herkomst"].value.startswith("eigen lezing")
    assert begeleiding["upl_naam"].value == "wmo-voorziening"
    assert "bronnen" in wb.sheetnames and wb["bronnen"].max_row > 10


def test_the_csv_keeps_the_leading_zero_as_excel_reads_it(built_site, root):
    csv = (built_site / "downloads" / "producten.csv").read_text(encoding="utf-8-sig")
    files = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in root.glob("content/producten/*/*.yaml")
    }
    for pid, p in files.items():
        line = next(x for x in csv.splitlines() if x.startswith(pid + ";"))
        assert f'"=""{p["iwmo_productcategorie"]}"""' in line, pid


def test_staff_demands_of_halderberge_and_westfriesland_side_by_side(built_site, root):
    files = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in root.glob("content/producten/*/*.yaml")
    }
    html = (built_site / "vergelijking" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="begeleiding-midden-eisen"') :]
    section = section[: section.index("<h2")] if "<h2" in section else section
    for pid in ("wf-begeleiding-basis", "begeleiding-stabilisatie-midden"):
        for soort in ("eisen_aanbieder", "competenties_medewerker", "samenwerking"):
            for item in files[pid][soort]:
                assert item.replace("'", "&#39;").replace('"', "&#34;") in section, (pid, item)
    data = json.loads((built_site / "downloads" / "aanbiederseisen.json").read_text(encoding="utf-8"))
    groep = {p["id"]: p for p in data["groepen"]["begeleiding-midden"]["producten"]}
    assert (
        groep["wf-begeleiding-basis"]["competenties_medewerker"]
        == files["wf-begeleiding-basis"]["competenties_medewerker"]
    )
    wb = load_workbook(built_site / "downloads" / "competenties-medewerker.xlsx")
    _, rows = _rows(wb.worksheets[0])
    texts = [r["tekst"].value for r in rows if r["product_id"].value == "begeleiding-stabilisatie-midden"]
    assert texts == files["begeleiding-stabilisatie-midden"]["competenties_medewerker"]


def test_demands_are_lined_up_by_theme_as_content_themas_says(built_site, root):
    themas = yaml.safe_load((root / "content" / "themas.yaml").read_text(encoding="utf-8"))
    titles = [t["titel"] for t in themas.values()]
    wb = load_workbook(built_site / "downloads" / "eisen-aanbieder.xlsx")
    _, rows = _rows(wb.worksheets[0])
    assert rows
    for r in rows:
        text, theme = r["tekst"].value.lower(), r["thema_eigen_lezing"].value
        first = next(
            (t["titel"] for t in themas.values() if any(w.lower() in text for w in t["woorden"])), "Overig"
        )
        assert theme == first and (theme in titles or theme == "Overig"), (text, theme)
    # A demand about the Wlz goes under the theme whose words name it (our reading, content/themas.yaml).
    wlz = [r for r in rows if "wlz" in r["tekst"].value.lower()]
    assert wlz and all(r["thema_eigen_lezing"].value == themas["signaleren"]["titel"] for r in wlz)
    html = (built_site / "vergelijking" / "index.html").read_text(encoding="utf-8")
    assert "Thema (eigen lezing)" in html and themas["signaleren"]["titel"] in html
