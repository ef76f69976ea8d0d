"""A field declared in content/invoer.yaml is read by the core with no list to extend: the declaration
gives its type, default, bounds and the soorten that read it (issue 21 item 4)."""

from __future__ import annotations

import copy

import pytest

from calculator import InvoerFout, api, batch, data
from calculator.invoer import Velden, gebruik, velden_van

PEILDATUM = "2026-06-01"


@pytest.fixture
def bundel() -> dict:
    """The real bundle with one new whole-number field for ho, declared as content/invoer.yaml would."""
    b = copy.deepcopy(data.load_bundle())
    b["invoer"]["velden"]["proef_keer_per_week"] = {
        "label": "Proef: keer per week",
        "type": "heel",
        "standaard": 0,
        "verplicht": False,
        "minimum": 0,
        "maximum": {"waarde": "5", "aanname": "testgrens"},
        "soorten": {"ho": {}},
    }
    b["invoer"]["volgorde"].append("proef_keer_per_week")
    return b


def test_een_nieuw_veld_wordt_aanvaard_en_gelezen_zoals_gedeclareerd(bundel: dict) -> None:
    assert "proef_keer_per_week" in velden_van(bundel, "ho")
    api.run("ho", {"duur_maanden": 12, "proef_keer_per_week": 3, "peildatum": PEILDATUM}, bundel)
    v = Velden.voor({"proef_keer_per_week": 4}, "ho", bundel)
    assert v.lees("proef_keer_per_week") == 4 and not v.fouten
    assert Velden.voor({}, "ho", bundel).lees("proef_keer_per_week") == 0  # the declared default


def test_de_grens_en_het_label_komen_uit_de_declaratie(bundel: dict) -> None:
    # The rule that uses the field reads it with v.lees; the bound and the label are the declaration's.
    v = Velden.voor({"proef_keer_per_week": 9, "peildatum": PEILDATUM}, "ho", bundel)
    v.gebruik_peil(data.peil(v.lees("peildatum"), bundel))
    v.lees("proef_keer_per_week")
    with pytest.raises(InvoerFout) as e:
        v.klaar()
    [fout] = e.value.fouten
    assert fout["veld"] == "proef_keer_per_week"
    assert fout["melding"].startswith("Proef: keer per week mag hoogstens 5 zijn")


def test_een_ander_soort_kent_het_veld_niet(bundel: dict) -> None:
    with pytest.raises(InvoerFout) as e:
        api.run("advies", {"regio": "halderberge", "proef_keer_per_week": 1, "peildatum": PEILDATUM}, bundel)
    assert any(f["veld"] == "proef_keer_per_week" for f in e.value.fouten)


def test_het_nieuwe_veld_is_een_batchkolom_met_getallen(bundel: dict) -> None:
    assert batch.kolommen(bundel, "ho")["proef_keer_per_week"]("3") == 3


def test_de_keuzes_per_soort_staan_een_keer_in_de_declaratie() -> None:
    b = data.load_bundle()
    pgb = gebruik(b, "uitvoering", "pgb")["opties"]
    advies = gebruik(b, "uitvoering", "advies")["opties"]
    woorden = b["invoer"]["velden"]["uitvoering"]["keuzes"]
    assert set(pgb) | set(advies) == set(woorden)  # every choice has its words in one place
