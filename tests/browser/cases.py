"""Generated questions for the parity test: random valid and invalid input for every soort.

Deterministic for a seed (PARITY_SEED, default 20260101), so CPython and Pyodide get the
very same list and a failure can be replayed. Each case is (soort, invoer_json): the JSON
text itself, because malformed JSON is one of the invalid inputs.
"""

from __future__ import annotations

import json
import os
import random
from typing import Any

from browser.samples import opties, sample_cases

SOORTEN = ("ho", "advies", "pgb", "producten", "hulpmiddel", "hht", "beschermd_thuis", "eigen_bijdrage")
DEFAULT_SEED = 20260101

# Values that are wrong for most fields, in every JSON type.
RARE = [None, -1, -999, 10**9, 1.5, "", "abc", "12", True, False, [], {}, [1], {"a": 1}]


def seed() -> int:
    return int(os.environ.get("PARITY_SEED", DEFAULT_SEED))


def _int(rnd: random.Random, hi: int) -> Any:
    return rnd.randint(0, hi) if rnd.random() < 0.9 else rnd.choice(RARE)


def _bool(rnd: random.Random) -> Any:
    return rnd.random() < 0.5 if rnd.random() < 0.93 else rnd.choice(RARE)


def _choice(rnd: random.Random, options: tuple[str, ...]) -> Any:
    return rnd.choice(options) if rnd.random() < 0.92 else rnd.choice([*RARE, "onbekend"])


def _peildatum(rnd: random.Random) -> Any:
    r = rnd.random()
    if r < 0.75:
        return None
    if r < 0.93:
        return f"{rnd.randint(2019, 2030)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    return rnd.choice(["2026-02-30", "gisteren", 20260101, "2026-1-1"])


def _sparse(rnd: random.Random, fields: dict[str, Any], keep: float = 0.6) -> dict[str, Any]:
    out = {k: v for k, v in fields.items() if rnd.random() < keep and v is not None}
    if rnd.random() < 0.05:
        out[rnd.choice(["onbekend_veld", "Duur_Maanden", "x"])] = 1
    return out


def _ho(rnd: random.Random, bundle: dict[str, Any]) -> dict[str, Any]:
    kinderen = []
    for _ in range(rnd.choice([0, 0, 0, 1, 2, 3])):
        kind = {
            "leeftijd": _int(rnd, 6),
            "naar_bed_per_week": _int(rnd, 14),
            "uit_bed_per_week": _int(rnd, 14),
            "wassen_kleden_per_week": _int(rnd, 14),
            "broodmaaltijden_per_week": _int(rnd, 21),
            "warme_maaltijden_per_week": _int(rnd, 7),
            "flesvoeding_per_week": _int(rnd, 42),
            "luiers_per_week": _int(rnd, 60),
        }
        kinderen.append(_sparse(rnd, kind, 0.7))
    regie = _choice(rnd, opties(bundle, "regie", "ho"))
    fields = {
        "duur_maanden": _int(rnd, 36),
        "huisgenoten_die_kunnen_helpen": _int(rnd, 3) if rnd.random() < 0.5 else 0,
        "basismodule": _bool(rnd),
        "lichte_taken_zelf": _bool(rnd),
        "extra_ruimten": _int(rnd, 5),
        "extra_schoonmaak_minuten": _int(rnd, 40),
        "extra_bezoek_minuten": _int(rnd, 70),
        "regie": regie,
        "regie_aanleren_weken": _int(rnd, 8) if regie == "aanleren" or rnd.random() < 0.05 else None,
        "broodmaaltijden_dagen_per_week": _int(rnd, 8),
        "warme_maaltijd_dagen_per_week": _int(rnd, 8),
        "vaatwasser": _bool(rnd),
        "wasverzorging": _choice(rnd, opties(bundle, "wasverzorging", "ho")),
        "strijken": _bool(rnd),
        "boodschappen": _bool(rnd),
        "kinderen": kinderen or None,
        "kinderen_naar_school_per_week": _int(rnd, 10) if kinderen else None,
        "kindzorg_duur_maanden": _int(rnd, 4) if kinderen and rnd.random() < 0.5 else None,
        "peildatum": _peildatum(rnd),
    }
    out = _sparse(rnd, fields)
    if "duur_maanden" not in out and rnd.random() < 0.9:
        out["duur_maanden"] = rnd.randint(0, 24)  # mostly present: it is required
    return out


def _advies(rnd: random.Random, bundle: dict[str, Any]) -> dict[str, Any]:
    fields = {
        "regio": _choice(rnd, tuple(sorted(bundle["regios"]))),
        "wekelijks_nodig": _bool(rnd),
        "tijdelijk_fysiek": _bool(rnd),
        "kan_taken_leren": _bool(rnd),
        "gedragsproblematiek": _bool(rnd),
        "wasverzorging": _choice(rnd, opties(bundle, "wasverzorging", "advies")),
        "strijken": _bool(rnd),
        "boodschappen": _bool(rnd),
        "maaltijden": _choice(rnd, opties(bundle, "maaltijden", "advies")),
        "uitvoering": _choice(rnd, opties(bundle, "uitvoering", "advies")),
        "peildatum": _peildatum(rnd),
    }
    return _sparse(rnd, fields, 0.8)


def _pgb(rnd: random.Random, bundle: dict[str, Any]) -> dict[str, Any]:
    ids = sorted(bundle["producten"])
    producten: Any = rnd.sample(ids, k=rnd.choice([1, 1, 1, 2, 3]))
    if rnd.random() < 0.05:
        producten = rnd.choice([[], "ho-light", ["bestaat-niet"], [1], None])
    fields = {
        "regio": _choice(rnd, tuple(sorted(bundle["regios"]))) if rnd.random() < 0.3 else None,
        "producten": producten,
        "uitvoering": _choice(rnd, opties(bundle, "uitvoering", "pgb")),
        "wasverzorging": _choice(rnd, opties(bundle, "wasverzorging", "pgb")) if rnd.random() < 0.4 else None,
        "strijken": _bool(rnd) if rnd.random() < 0.3 else None,
        "boodschappen": _bool(rnd) if rnd.random() < 0.3 else None,
        "maaltijden": _choice(rnd, opties(bundle, "maaltijden", "pgb")) if rnd.random() < 0.4 else None,
        "etmalen_per_jaar": _int(rnd, 20)
        if "logeerzorg" in (producten or []) or rnd.random() < 0.05
        else None,
        "peildatum": _peildatum(rnd),
    }
    out = {k: v for k, v in fields.items() if v is not None}
    if "producten" not in out and rnd.random() < 0.5:
        out["producten"] = producten
    return out


def _hulpmiddel(rnd: random.Random, bundle: dict[str, Any]) -> dict[str, Any]:
    cats = [
        r["id"]
        for t in bundle["tarieven"].values()
        if t.get("regime") == "hulpmiddel-huur"
        for r in t["rijen"]
    ]
    categorie: Any = rnd.choice(cats) if cats and rnd.random() < 0.85 else rnd.choice([*RARE, "99", "09A"])
    fields = {
        "categorie": categorie,
        "regio": _choice(rnd, tuple(sorted(bundle["regios"]))) if rnd.random() < 0.2 else None,
    }
    return {k: v for k, v in fields.items() if v is not None}


def generate(bundle: dict[str, Any], n: int, rnd_seed: int | None = None) -> list[tuple[str, str]]:
    """``n`` random cases plus the fixed samples, as (soort, invoer_json)."""
    rnd = random.Random(seed() if rnd_seed is None else rnd_seed)
    cases = [(s, json.dumps(i, ensure_ascii=False)) for s, i in sample_cases(bundle)]
    makers = {
        "ho": lambda: _ho(rnd, bundle),
        "advies": lambda: _advies(rnd, bundle),
        "pgb": lambda: _pgb(rnd, bundle),
        "producten": lambda: _sparse(rnd, {"regio": _choice(rnd, tuple(sorted(bundle["regios"])))}),
        "hulpmiddel": lambda: _hulpmiddel(rnd, bundle),
        "hht": lambda: _sparse(
            rnd, {"regio": _choice(rnd, tuple(sorted(bundle["regios"]))), "peildatum": _peildatum(rnd)}
        ),
        "beschermd_thuis": lambda: _sparse(
            rnd, {"niveau": _choice(rnd, opties(bundle, "niveau", "beschermd_thuis"))}, 0.9
        ),
        "eigen_bijdrage": lambda: _sparse(rnd, {"peildatum": _peildatum(rnd)}, 0.9),
    }
    weights = {
        "ho": 5,
        "advies": 3,
        "pgb": 4,
        "producten": 1,
        "hulpmiddel": 2,
        "hht": 1,
        "beschermd_thuis": 1,
        "eigen_bijdrage": 1,
    }
    soorten = list(weights)
    for _ in range(n):
        soort = rnd.choices(soorten, [weights[s] for s in soorten])[0]
        r = rnd.random()
        if r < 0.02:
            cases.append((soort, rnd.choice(["{", "", "null", "[]", '"tekst"', "{'a': 1}", "1e999"])))
        elif r < 0.04:
            cases.append((rnd.choice(["", "HO", "onbekend", "pgb "]), "{}"))
        elif r < 0.07:
            cases.append((soort, json.dumps(rnd.choice(RARE))))
        else:
            cases.append((soort, json.dumps(makers[soort](), ensure_ascii=False)))
    return cases
