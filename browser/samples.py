"""Representative calculator questions, one or more per `soort`.

Used twice: at build time they run through the core inside Pyodide so every module the
core imports lazily is traced and kept in the trimmed standard library; in the tests
they seed the parity cases. They come from the bundle (product ids, categories), so they
stay valid when content changes.
"""

from __future__ import annotations

from typing import Any

Case = tuple[str, dict[str, Any]]


def opties(bundle: dict[str, Any], veld: str, soort: str) -> tuple[str, ...]:
    """The choices ``soort`` accepts for ``veld``, as content/invoer.yaml declares them (via the bundle)."""
    info = bundle["invoer"]["velden"][veld]
    anders = (info.get("soorten") or {}).get(soort) or {}
    return tuple(anders.get("keuzes") or info.get("opties") or ())


def sample_cases(bundle: dict[str, Any]) -> list[Case]:
    """A fixed, small set of valid and invalid questions for every soort."""
    producten = bundle.get("producten", {})
    tarieven = bundle.get("tarieven", {})
    # A budget for Beschermd Wonen answers that the eigen bijdrage does not apply (005, 3.4).
    beschermd_wonen = sorted(k for k, p in producten.items() if p.get("categorie") == "beschermd-wonen")
    eerste_pakket = next(iter(sorted(bundle.get("pakketten") or bundle.get("regios", {}))), "")
    cases: list[Case] = [
        ("ho", {"duur_maanden": 12}),
        (
            "ho",
            {
                "duur_maanden": 6,
                "lichte_taken_zelf": True,
                "extra_ruimten": 2,
                "extra_schoonmaak_minuten": 30,
                "extra_bezoek_minuten": 60,
                "regie": "aanleren",
                "broodmaaltijden_dagen_per_week": 7,
                "warme_maaltijd_dagen_per_week": 5,
                "wasverzorging": "2_personen",
                "strijken": True,
                "boodschappen": True,
                "kinderen": [{"leeftijd": 2}],
            },
        ),
        ("ho", {"duur_maanden": 2, "huisgenoten_die_kunnen_helpen": 1}),
        ("ho", {"duur_maanden": -1, "extra_schoonmaak_minuten": 45}),
        ("advies", {}),
        *(("advies", {"regio": regio}) for regio in sorted(bundle.get("regios", {}))),
        # The resident's choice (issue 9): one region with a package, so new regions change no sample.
        *(
            ("advies", {"regio": eerste_pakket, "uitvoering": keuze, "peildatum": "2024-06-01"})
            for keuze in opties(bundle, "uitvoering", "advies")
        ),
        ("eigen_bijdrage", {"peildatum": "2019-06-01"}),
        ("eigen_bijdrage", {"peildatum": "2026-06-01"}),
        *(("pgb", {"producten": [pid], "uitvoering": "pgb-professioneel"}) for pid in beschermd_wonen[:1]),
        (
            "advies",
            {
                "regio": next(iter(sorted(bundle.get("pakketten") or bundle.get("regios", {}))), ""),
                "wekelijks_nodig": True,
                "kan_taken_leren": True,
                "gedragsproblematiek": True,
                "wasverzorging": "1_persoon",
                "boodschappen": True,
                "maaltijden": "warme_maaltijd",
            },
        ),
        ("advies", {"wekelijks_nodig": "misschien"}),
        ("producten", {}),
        ("hht", {}),
        ("beschermd_thuis", {"niveau": opties(bundle, "niveau", "beschermd_thuis")[0]}),
        ("beschermd_thuis", {"niveau": "onbekend"}),
        ("pgb", {"producten": ["bestaat-niet"], "uitvoering": "x"}),
        ("onbekend", {}),
    ]
    geprijsd = {t.get("regio") for t in tarieven.values()}  # regions whose sources give tariffs
    for uitvoering in opties(bundle, "uitvoering", "pgb"):
        for pid, product in sorted(producten.items()):
            if product.get("regio") not in geprijsd:
                continue
            invoer: dict[str, Any] = {"producten": [pid], "uitvoering": uitvoering}
            if pid == "logeerzorg":
                invoer["etmalen_per_jaar"] = 15
            if pid == "wasverzorging":
                invoer["wasverzorging"] = "1_persoon"
            if pid == "maaltijdvoorziening":
                invoer["maaltijden"] = "1_broodmaaltijd"
            cases.append(("pgb", invoer))
    for tabel in tarieven.values():
        if tabel.get("regime") == "hulpmiddel-huur":
            for rij in tabel.get("rijen", []):
                cases.append(("hulpmiddel", {"categorie": rij["id"]}))
    return cases
