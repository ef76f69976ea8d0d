"""How this project starts Debian's Chromium (tests and benchmark alike): never a downloaded build."""

from __future__ import annotations

import os

# CHROMIUM=/path overrides the Debian location, as scripts/ensure-chromium.sh documents.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Headless as root, and without the background connections this closed network refuses.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
