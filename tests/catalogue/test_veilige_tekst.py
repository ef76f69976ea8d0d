"""Content text is Markdown without raw HTML: a script, event attribute or unsafe link stops the build.

The attacks are those of the adversarial round (issue 20, finding 1): each was published and ran.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogue.errors import ContentErrors
from catalogue.steps import validate
from catalogue.veilige_tekst import probleem

PRODUCT = "producten/halderberge/ho-light.yaml"

AANVALLEN = [
    "<script>alert(1)</script>",
    'Schoon huis <img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<meta http-equiv="refresh" content="0;url=https://example.org">',
    "<form action=//example.org><button>Verstuur</button></form>",
    "[klik hier](javascript:alert(1))",
    "[klik hier](JavaScript:alert(1))",
    "[klik hier](&#106;avascript:alert(1))",
    "[klik hier](data:text/html,<script>alert(1)</script>)",
    "[klik hier](//example.org/pad)",
    "[klik hier][x]\n\n[x]: javascript:alert(1)",
    "<javascript:alert(1)>",
    'Schoon huis\n{: onclick="alert(1)" }',
    '--8<-- "includes/begrippen.md"',
]

TOEGESTAAN = [
    "Hulp bij het schoonhouden van uw huis.",
    "3 < 5 en 6 > 2, a & b",
    "Zie [de tarieven](../../tarieven/halderberge.md) of [de gemeente](https://www.halderberge.nl).",
    "Mail [de gemeente](mailto:info@example.org).",
    "Een **vet** woord en een lijst:\n\n- een\n- twee",
    "http://standaarden.overheid.nl/owms/terms/Hoorn_(gemeente)",
]


@pytest.mark.parametrize("tekst", AANVALLEN)
def test_aanval_wordt_geweigerd(tekst):
    assert probleem(tekst) is not None


@pytest.mark.parametrize("tekst", TOEGESTAAN)
def test_gewone_tekst_mag(tekst):
    assert probleem(tekst) is None


@pytest.fixture
def content(tmp_path: Path, root: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(root / "content", target)
    return target


def _vervang_regel(path: Path, sleutel: str, waarde: str) -> None:
    """Replace the line ``sleutel: ...`` (at any indent) by a double-quoted YAML string."""
    regels = path.read_text(encoding="utf-8").splitlines()
    for i, regel in enumerate(regels):
        if regel.strip().startswith(f"{sleutel}:"):
            inspring = regel[: len(regel) - len(regel.lstrip())]
            escaped = waarde.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            regels[i] = f'{inspring}{sleutel}: "{escaped}"'
            break
    else:
        raise AssertionError(f"{sleutel} niet gevonden in {path}")
    path.write_text("\n".join(regels) + "\n", encoding="utf-8")


def _fouten(content: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        validate(content)
    return [str(e) for e in info.value.errors]


def test_script_in_productsamenvatting_stopt_de_bouw(content):
    _vervang_regel(content / PRODUCT, "samenvatting", "Hulp <script>alert(1)</script>")
    fouten = _fouten(content)
    assert any(f.startswith(f"content/{PRODUCT}: veld 'samenvatting'") and "HTML" in f for f in fouten), (
        fouten
    )


def test_javascript_link_in_regionaam_stopt_de_bouw(content):
    _vervang_regel(content / "regios.yaml", "naam", "[Halderberge](javascript:alert(1))")
    fouten = _fouten(content)
    assert any(f.startswith("content/regios.yaml: veld '") and "link" in f for f in fouten), fouten


def test_html_in_competenties_stopt_de_bouw(content):
    path = content / PRODUCT
    tekst = path.read_text(encoding="utf-8")
    assert "competenties_medewerker:" in tekst
    path.write_text(
        tekst.replace("competenties_medewerker:", 'competenties_medewerker:\n  - "<svg onload=alert(1)>"', 1),
        encoding="utf-8",
    )
    fouten = _fouten(content)
    assert any(f.startswith(f"content/{PRODUCT}: veld 'competenties_medewerker.0'") for f in fouten), fouten
