"""A build that fails changes nothing (issue 20, finding 2): not the bundle, not the site, no leftovers.

The content passes validation (so the bundle could be exported) but the strict mkdocs build refuses a
link to a page that does not exist; before the fix the new bundle was already in place by then.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

PRODUCT = "producten/halderberge/ho-light.yaml"


def test_failed_site_build_leaves_bundle_and_site_as_they_were(tmp_path: Path, root: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(root / "content", content)
    product = content / PRODUCT
    text = product.read_text(encoding="utf-8")
    assert "\nnaam: " in text and "\nsamenvatting: " in text
    text = text.replace("\nnaam: ", "\nnaam: Gewijzigd ", 1)  # changes the bundle
    text = text.replace("\nsamenvatting: ", "\nsamenvatting: Zie [deze pagina](bestaat-niet.md). ", 1)
    product.write_text(text, encoding="utf-8")

    uit = tmp_path / "uit"
    (uit / "site").mkdir(parents=True)
    (uit / "site" / "index.html").write_text("vorige site\n", encoding="utf-8")
    (uit / "bundle.json").write_text('{"vorige": "bundel"}\n', encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "build.py", "--content", str(content), "--uit", str(uit)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "niets gepubliceerd" in result.stderr
    assert (uit / "bundle.json").read_text(encoding="utf-8") == '{"vorige": "bundel"}\n'
    assert (uit / "site" / "index.html").read_text(encoding="utf-8") == "vorige site\n"
    assert sorted(p.name for p in uit.iterdir()) == ["bundle.json", "generated", "site"]


def test_bundle_only_build_swaps_the_bundle_in_whole(tmp_path: Path, root: Path) -> None:
    uit = tmp_path / "uit"
    result = subprocess.run(
        [sys.executable, "build.py", "--bundle", "--uit", str(uit)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert '"producten"' in (uit / "bundle.json").read_text(encoding="utf-8")
    assert sorted(p.name for p in uit.iterdir()) == ["bundle.json"]
