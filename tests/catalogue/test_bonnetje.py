"""The receipt on the consultant's printout (issue 17, item 5): the build's SHA-256 of the data
bundle is the one the core computes for the bundle it runs on, so a printout can be checked later."""

from __future__ import annotations

from calculator import data
from calculator.herindicatie import bundel_sha256
from catalogue.render import bonnetje


def test_build_and_core_hash_the_bundle_alike() -> None:
    bon = bonnetje(data.bundle_or_active())
    assert bon["bundel_sha256"] == bundel_sha256()
    assert len(bon["bundel_sha256"]) == 64
    assert bon["bundel_versie"] == str(data.bundle_or_active()["versie"])
