"""content/invoer.yaml: a label for every field, a maximum with its source or our own reading."""

from __future__ import annotations

from pathlib import Path

from test_validatie import assert_error, content, edit  # noqa: F401 - the fixture is used by name

INVOER = "invoer.yaml"


def test_grens_zonder_aanname_wordt_geweigerd(content: Path) -> None:  # noqa: F811
    edit(
        content,
        INVOER,
        "      aanname: De bron kent geen langste duur; 1200 maanden (100 jaar) laat elke echte duur toe.\n",
        "",
    )
    assert_error(content, INVOER, "velden.duur_maanden.maximum", "aanname")


def test_grens_met_onbekende_parameter_wordt_geweigerd(content: Path) -> None:  # noqa: F811
    edit(content, INVOER, "{parameter: kindzorg.max_maanden}", "{parameter: kindzorg.max_jaren}")
    assert_error(content, INVOER, "velden.kindzorg_duur_maanden.maximum.parameter", "onbekende parameter")


def test_veld_zonder_label_wordt_geweigerd(content: Path) -> None:  # noqa: F811
    edit(content, INVOER, "    label: Incidenteel gebruikte extra ruimten\n", "")
    assert_error(content, INVOER, "velden.extra_ruimten.label", "")


def test_in_zin_voor_een_waarde_die_geen_keuze_is_wordt_geweigerd(content: Path) -> None:  # noqa: F811
    edit(content, INVOER, "      pgb-professioneel: pgb voor een", "      pgb-professionel: pgb voor een")
    assert_error(content, INVOER, "velden.uitvoering", "pgb-professionel")
