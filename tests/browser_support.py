"""Headless Chromium for the end-to-end tests: where it is and how to launch it here."""

import shutil
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Without the background-networking flags Chromium keeps dialling out, refused on this network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Screenshots for people to look at (not compared by the tests).
SHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"
