"""The README's input-key table is the one generated from content/invoer.yaml."""

from __future__ import annotations

from catalogue.invoertabel import BEGIN, ROOT, lees, met_tabel, tabel


def test_de_sleuteltabel_in_de_readme_is_de_gegenereerde() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert BEGIN in readme
    assert met_tabel(readme, lees()) == readme, "run: python -m catalogue.invoertabel"


def test_elk_verplicht_veld_staat_vet_in_de_tabel() -> None:
    invoer = lees()
    tekst = tabel(invoer)
    for naam, veld in invoer.velden.items():
        for soort, gebruik in veld.gebruik().items():
            if gebruik.get("verplicht", veld.verplicht):
                regel = next(r for r in tekst.splitlines() if r.startswith(f"| `{soort}` |"))
                assert f"**`{naam}`**" in regel, (soort, naam)
